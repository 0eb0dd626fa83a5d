//! Password reset by e-mail (docs/security.md "Password reset").
//!
//! Asking for a link answers the same, in about the same time, whether or not an account has
//! the address: the counting is done for every request, and looking up the account, making
//! the link and mailing it happen after the answer. A link is 256 random bits, only its
//! SHA-256 is stored, it works once and for 30 minutes. Setting the new password ends every
//! session, forgets the account's login counters and tells the person by mail.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use zelfregie_model::account::{normalize_email, validate_new_password};
use zelfregie_model::{ErrorCode, FieldError, Password};

use crate::auth::mailbox::{self, Purpose};
use crate::auth::session::hash_token;
use crate::auth::throttle::Limit;
use crate::error::Error;
use crate::services::Services;
use crate::store::{self, accounts, now, password_resets};

/// How long a reset link works.
pub const LINK_MINUTES: i64 = 30;
/// Requests from one client address.
pub const PER_IP: Limit = Limit::count(20, 60 * 60);

/// Asks for a reset link for `email`. Every request is counted (per client, then per
/// requester and address, or in the bucket of a browser that reads the mailbox: `proven`;
/// `auth::mailbox`); one within the limits is handed to a background task that mails the
/// link if an account has the address. The caller answers the same in every case.
pub async fn request(state: &Services, ip: &str, email: &str, proven: bool) -> Result<(), Error> {
    let email = normalize_email(email);
    // The rest happens after the answer: if the database cannot be written (a full disk),
    // say "not now" rather than "check your mail" (docs/storage.md "Faults").
    if !state.db.writable().await {
        return Err(Error::Busy { retry_after: 5 });
    }
    match mailbox::count(state, Purpose::Reset, PER_IP, ip, &email, proven).await {
        Ok(()) => {}
        Err(Error::Throttled { .. }) => {
            tracing::info!("password reset request over a limit; no mail");
            return Ok(());
        }
        Err(e) => return Err(e),
    }
    let state = state.clone();
    tokio::spawn(async move {
        if let Err(e) = send_link(&state, &email).await {
            tracing::warn!(error = ?e, "sending a password reset link failed");
        }
    });
    Ok(())
}

/// Mails a reset link if an account has `email`; does nothing otherwise.
async fn send_link(state: &Services, email: &str) -> anyhow::Result<()> {
    let Some(account_id) = accounts::id_by_email(state.db.pool(), email).await? else {
        return Ok(());
    };
    let mut raw = [0u8; 32];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut raw);
    let token = URL_SAFE_NO_PAD.encode(raw);
    let now = now();
    password_resets::insert(state.db.pool(), &hash_token(&token), account_id, now, now + LINK_MINUTES * 60).await?;
    state
        .mailer
        .send(state.letterhead_for(account_id).await?.reset_link(email, account_id, &token, LINK_MINUTES))
        .await?;
    tracing::info!(account_id, "password reset link sent");
    Ok(())
}

/// Sets a new password with a reset link's `token`: once, before it expires. Every session of
/// the account ends, every other link of it dies, its login counters are forgotten, and the
/// person is told by mail. An unknown, used or expired token is `token_invalid`. Returns
/// the account's address (the browser has shown it reads that mailbox).
pub async fn confirm(state: &Services, token: &str, new_password: Password) -> Result<String, Error> {
    let token_hash = hash_token(token.trim());
    let invalid = || Error::code(ErrorCode::TokenInvalid);
    let (account_id, email) = password_resets::peek(state.db.pool(), &token_hash, now()).await?.ok_or_else(invalid)?;
    if let Err(code) = validate_new_password(new_password.expose(), &email) {
        return Err(Error::validation(vec![FieldError::new("new_password", code)]));
    }
    let hash = state.passwords.hash(new_password).await?;
    let mut tx = state.db.begin().await?;
    // The link is used in one statement: of two parallel uses, one wins.
    if password_resets::use_link(&mut *tx, &token_hash, now()).await? != Some(account_id) {
        return Err(invalid());
    }
    accounts::set_password(&mut *tx, account_id, &hash).await?;
    let ended = accounts::end_sessions(&mut *tx, account_id, None).await?;
    password_resets::delete_for(&mut *tx, account_id).await?;
    store::throttle::clear(&mut *tx, &state.throttle.key("login-account", &normalize_email(&email))).await?;
    store::throttle::clear(&mut *tx, &crate::accounts::reauth_key(state, account_id)).await?;
    tx.commit().await?;
    tracing::info!(account_id, ended, "password reset; every session ended");
    let notice = state.letterhead_for(account_id).await?.password_changed(&email, account_id);
    if let Err(e) = state.mailer.send(notice).await {
        tracing::warn!(error = %e, "sending the password-changed notice failed");
    }
    Ok(email)
}

/// Deletes expired links.
pub async fn purge(store: &store::Store) -> sqlx::Result<u64> {
    password_resets::purge(store.pool(), now()).await
}
