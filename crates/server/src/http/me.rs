//! `/api/me/password` and `/api/me/account`: change the password, erase everything. Both ask
//! for the current password again (ASVS 5.0 7.5.1, 7.5.3).

use axum::extract::State;
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::response::IntoResponse;
use zelfregie_model::account::{normalize_email, validate_new_password};
use zelfregie_model::newsletter::{subscription, ProcessorAction, Subscription};
use zelfregie_model::{Erasure, ErrorCode, FieldError, Password, PasswordChange};

use crate::auth::session::CurrentSession;
use crate::auth::throttle;
use crate::error::{AppError, Json};
use crate::outbox::{enqueue, Payload};
use crate::state::AppState;

/// Checks the account's current password, counting failures like logins do; a wrong one is
/// reported at `field`. Returns the account's e-mail address.
async fn reauthenticate(
    state: &AppState,
    account_id: i64,
    password: Password,
    field: &str,
) -> Result<String, AppError> {
    let (email, hash): (String, String) = sqlx::query_as("SELECT email, password_hash FROM accounts WHERE id = ?")
        .bind(account_id)
        .fetch_one(&state.db)
        .await?;
    // Its own counter: a login page under attack does not keep the owner from erasing.
    let key = reauth_key(state, account_id);
    throttle::attempt(&state.db, &key, throttle::REAUTH_PER_ACCOUNT).await?;
    if !state.passwords.verify(password, Some(hash)).await? {
        return Err(AppError::validation(vec![FieldError::new(field, ErrorCode::InvalidCredentials)]));
    }
    throttle::clear(&state.db, &key).await?;
    Ok(email)
}

fn reauth_key(state: &AppState, account_id: i64) -> Vec<u8> {
    state.throttle.key("reauth", &account_id.to_string())
}

/// Changes the password. Every other session of the account ends; this one stays.
#[utoipa::path(put, path = "/api/me/password", tag = "account", security(("session" = [])), request_body = PasswordChange,
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 204, description = "Changed; other sessions ended"),
              (status = 422, body = zelfregie_model::ApiError, description = "wrong current password or a weak new one")))]
pub async fn change_password(
    State(state): State<AppState>,
    session: CurrentSession,
    Json(change): Json<PasswordChange>,
) -> Result<StatusCode, AppError> {
    let email = reauthenticate(&state, session.account_id, change.current_password, "current_password").await?;
    if let Err(code) = validate_new_password(change.new_password.expose(), &email) {
        return Err(AppError::validation(vec![FieldError::new("new_password", code)]));
    }
    let hash = state.passwords.hash(change.new_password).await?;
    let mut tx = state.db.begin().await?;
    sqlx::query("UPDATE accounts SET password_hash = ? WHERE id = ?")
        .bind(hash)
        .bind(session.account_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM sessions WHERE account_id = ? AND token_hash != ?")
        .bind(session.account_id)
        .bind(&session.token_hash)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    tracing::info!(account_id = session.account_id, "password changed; other sessions ended");
    Ok(StatusCode::NO_CONTENT)
}

/// Erases the account and everything held about the person, in one transaction; every
/// session ends (ASVS 5.0 7.4.2). If the mailing company has the person, it is told to
/// delete them: that notice is the only trace left, and it is wiped once delivered.
#[utoipa::path(delete, path = "/api/me/account", tag = "account", security(("session" = [])), request_body = Erasure,
    params(("X-Requested-With" = String, Header, description = "must be `zelfregie`")),
    responses((status = 204, description = "Erased; cookie removed, browser data cleared"),
              (status = 422, body = zelfregie_model::ApiError, description = "wrong password")))]
pub async fn erase(
    State(state): State<AppState>,
    session: CurrentSession,
    Json(body): Json<Erasure>,
) -> Result<impl IntoResponse, AppError> {
    let email = reauthenticate(&state, session.account_id, body.password, "password").await?;
    let id = session.account_id;
    let mut tx = crate::db::begin_immediate(&state.db).await?;
    let history = crate::newsletter::events(&mut *tx, id).await?;
    let processor_knows: Option<i64> =
        sqlx::query_scalar("SELECT id FROM processor_outbox WHERE account_id = ? LIMIT 1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    if processor_knows.is_some() || subscription(&history) == Subscription::Active {
        let payload = Payload {
            action: ProcessorAction::Unsubscribe,
            email: email.clone(),
            name: String::new(),
            unsubscribe_url: None,
            unsubscribe_post_url: None,
            erase: true,
        };
        enqueue(&mut tx, None, &payload).await?;
    }
    // Seats freed by the erasure go to the waiting lists.
    let trainings: Vec<i64> =
        sqlx::query_scalar("SELECT training_id FROM enrolments WHERE account_id = ? AND state = 'enrolled'")
            .bind(id)
            .fetch_all(&mut *tx)
            .await?;
    throttle::clear(&mut *tx, &state.throttle.key("login-account", &normalize_email(&email))).await?;
    throttle::clear(&mut *tx, &reauth_key(&state, id)).await?;
    // Everything else goes with the account row (ON DELETE CASCADE in every table).
    sqlx::query("DELETE FROM accounts WHERE id = ?").bind(id).execute(&mut *tx).await?;
    for t in trainings {
        crate::academy::promote(&mut tx, t).await?;
    }
    tx.commit().await?;
    // Out of the write-ahead log too, and out of the demo's mail folder.
    crate::db::checkpoint(&state.db).await;
    if let Err(e) = state.mailer.forget(&email).await {
        tracing::warn!(error = %e, "removing the erased person's mail files failed");
    }
    state.outbox_wake.notify_one();
    // Its sessions went with the account row (ON DELETE CASCADE).
    tracing::info!(account_id = id, "account erased");
    Ok((
        StatusCode::NO_CONTENT,
        [
            (header::SET_COOKIE, state.sessions.clear_cookie()),
            (
                HeaderName::from_static("clear-site-data"),
                HeaderValue::from_static("\"cache\", \"cookies\", \"storage\""),
            ),
        ],
    ))
}
