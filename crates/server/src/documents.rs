//! Per-account JSON documents (profile, visibility) with a version for optimistic
//! concurrency: `ETag` on read, `If-Match` required on write — missing → 428, stale → 412
//! (RFC 9110 §13.1.1, RFC 6585 §3). The version check and the write are one statement, so
//! two devices saving at once cannot both win.

use axum::http::{header, HeaderMap, HeaderValue};
use serde::de::DeserializeOwned;
use serde::Serialize;
use sqlx::SqlitePool;
use zelfregie_model::ErrorCode;

use crate::db::now;
use crate::error::AppError;

/// Which document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Document {
    /// `profiles`: the candidate profile.
    Profile,
    /// `visibility`: who sees it.
    Visibility,
    /// `participants`: the academy registration.
    Participant,
}

impl Document {
    fn table(self) -> &'static str {
        match self {
            Document::Profile => "profiles",
            Document::Visibility => "visibility",
            Document::Participant => "participants",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Document::Profile => "profile",
            Document::Visibility => "visibility",
            Document::Participant => "participant",
        }
    }

    /// The strong ETag of `version`, e.g. `"profile-3"`.
    pub fn etag(self, version: i64) -> HeaderValue {
        HeaderValue::from_str(&format!("\"{}-{version}\"", self.name())).expect("ASCII")
    }

    /// The version the request's `If-Match` names. Missing (or `*`) → 428; another
    /// document's tag or garbage → 412.
    pub fn if_match(self, headers: &HeaderMap) -> Result<i64, AppError> {
        let value = headers.get(header::IF_MATCH).and_then(|v| v.to_str().ok()).map(str::trim);
        let value = match value {
            None | Some("") | Some("*") => return Err(AppError::code(ErrorCode::PreconditionRequired)),
            Some(v) => v,
        };
        let prefix = format!("\"{}-", self.name());
        value
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix('"'))
            .and_then(|n| n.parse::<i64>().ok())
            .ok_or_else(|| AppError::code(ErrorCode::PreconditionFailed))
    }

    /// The stored document and its version; the default document at version 0 when none
    /// was saved yet.
    pub async fn load<T: DeserializeOwned + Default>(
        self,
        db: &SqlitePool,
        account_id: i64,
    ) -> Result<(T, i64), AppError> {
        let row: Option<(String, i64)> =
            sqlx::query_as(&format!("SELECT data, version FROM {} WHERE account_id = ?", self.table()))
                .bind(account_id)
                .fetch_optional(db)
                .await?;
        match row {
            Some((data, version)) => {
                let value = serde_json::from_str(&data).map_err(|e| anyhow::anyhow!("stored {}: {e}", self.name()))?;
                Ok((value, version))
            }
            None => Ok((T::default(), 0)),
        }
    }

    /// Whether the document was ever saved.
    pub async fn exists(self, db: &SqlitePool, account_id: i64) -> Result<bool, AppError> {
        let found: Option<i64> =
            sqlx::query_scalar(&format!("SELECT version FROM {} WHERE account_id = ?", self.table()))
                .bind(account_id)
                .fetch_optional(db)
                .await?;
        Ok(found.is_some())
    }

    /// Saves `value` if the stored version is still `expected`; returns the new version, or
    /// 412 when someone saved in between.
    pub async fn save<T: Serialize>(
        self,
        db: &SqlitePool,
        account_id: i64,
        expected: i64,
        value: &T,
    ) -> Result<i64, AppError> {
        let data = serde_json::to_string(value).map_err(anyhow::Error::from)?;
        let table = self.table();
        let saved: Option<i64> = if expected == 0 {
            sqlx::query_scalar(&format!(
                "INSERT INTO {table} (account_id, version, data, updated_at) VALUES (?, 1, ?, ?)
                 ON CONFLICT (account_id) DO NOTHING RETURNING version"
            ))
            .bind(account_id)
            .bind(&data)
            .bind(now())
            .fetch_optional(db)
            .await?
        } else {
            sqlx::query_scalar(&format!(
                "UPDATE {table} SET version = version + 1, data = ?, updated_at = ?
                 WHERE account_id = ? AND version = ? RETURNING version"
            ))
            .bind(&data)
            .bind(now())
            .bind(account_id)
            .bind(expected)
            .fetch_optional(db)
            .await?
        };
        saved.ok_or_else(|| AppError::code(ErrorCode::PreconditionFailed))
    }
}
