//! Transfers of an encrypted export to another organisation (direct transmission to
//! another controller, GDPR art. 20(2)). The browser encrypts; the server only ever holds
//! the age file, until it is fetched once, revoked or expired.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::Partner;

/// How long a transfer waits to be fetched unless configured otherwise.
pub const DEFAULT_TRANSFER_DAYS: u32 = 7;

/// Transfers waiting at one time per person.
pub const MAX_WAITING_TRANSFERS: usize = 10;

/// A partner that published an age public key, so exports can be transferred to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartnerKey {
    /// The partner.
    pub partner: Partner,
    /// Its age recipient: post-quantum (`age1pq1…`) or classic X25519 (`age1…`).
    pub recipient: String,
}

/// Whom a transfer is for: a partner (its published key) or a key the person pasted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct TransferTarget {
    /// Slug of a partner with a published key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<String>,
    /// A recipient the person gave: post-quantum (`age1pq1…`) or classic (`age1…`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<String>,
}

/// Where a transfer is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TransferStatus {
    /// Stored, the link not used yet.
    Waiting,
    /// Fetched once by the link; the file is gone from the portal.
    Fetched,
    /// Revoked by the person; the file is gone.
    Revoked,
    /// Not fetched in time; the file is gone.
    Expired,
}

/// A transfer as its maker sees it (never the file, never the link after creation).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Transfer {
    /// Identifier (for revoking).
    pub id: i64,
    /// The partner it is for, if chosen from the list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<Partner>,
    /// The recipient key it was encrypted to.
    pub recipient: String,
    /// Size of the encrypted file in bytes.
    pub size: u64,
    /// Status.
    pub status: TransferStatus,
    /// Uploaded.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: OffsetDateTime,
    /// The link stops working at.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub expires_at: OffsetDateTime,
    /// Fetched, revoked or expired at.
    #[serde(default, with = "time::serde::rfc3339::option", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub ended_at: Option<OffsetDateTime>,
}

/// The answer to an upload: the transfer and its one-time link (shown once, stored hashed).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TransferCreated {
    /// The transfer.
    pub transfer: Transfer,
    /// The one-time download link to give the organisation.
    pub link: String,
}

/// What the holder of a one-time link sees before fetching: what the file is, never the file.
/// Reading it changes nothing, so link checkers and mail scanners use nothing up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TransferLink {
    /// The name of the person who made the export (empty when they gave none).
    pub from: String,
    /// The partner it is for, if the person chose one from the list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<Partner>,
    /// The key it is encrypted to (`age1pq1…` or `age1…`).
    pub recipient: String,
    /// Size of the encrypted file in bytes.
    pub size: u64,
    /// Status.
    pub status: TransferStatus,
    /// Uploaded.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: OffsetDateTime,
    /// The link stops working at.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub expires_at: OffsetDateTime,
    /// Fetched, revoked or expired at.
    #[serde(default, with = "time::serde::rfc3339::option", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub ended_at: Option<OffsetDateTime>,
}
