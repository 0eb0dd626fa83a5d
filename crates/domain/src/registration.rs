//! Registering by mail link (docs/security.md "Registration by mail link").
//!
//! Asking for an account answers the same, in about the same time, for a new and a taken
//! address: every request is counted before the answer, and the rest — looking the address
//! up, storing the pending registration, mailing — happens after it. A new address gets a
//! link that works once for 24 hours; on the link's page, whoever holds the mailbox chooses
//! the password, and its button makes the account. Nothing of the request decides how the
//! account is reached: someone who asks first for another person's address only sends her a
//! link she can use herself (issue 24: the password was fixed by the request, so the first
//! to ask could log into the account the owner then made). A taken address gets a mail that
//! someone tried, with the way to a new password. Over a limit: the same answer, no mail.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use zelfregie_model::account::normalize_email;
use zelfregie_model::{ErrorCode, Registration, RegistrationConfirm, Role};

use crate::auth::mailbox::{self, Purpose};
use crate::auth::session::hash_token;
use crate::auth::throttle::{self, Limit};
use crate::error::Error;
use crate::services::Services;
use crate::store::{self, accounts, now, verification};
use zelfregie_model::Language;

/// How long a registration link works.
pub const LINK_HOURS: i64 = 24;
/// Requests from one client address.
pub const PER_IP: Limit = throttle::REGISTER_PER_IP;

/// A fresh link token: 256 random bits, URL-safe.
pub(crate) fn new_token() -> String {
    let mut raw = [0u8; 32];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut raw);
    URL_SAFE_NO_PAD.encode(raw)
}

/// Asks for an account (already validated). Every request is counted (per client, then per
/// requester and address, or in the bucket of a browser that reads the mailbox: `proven`;
/// `auth::mailbox`); one within the limits hands the rest to a background task. The caller
/// answers the same in every case.
pub async fn request(state: &Services, ip: &str, registration: Registration, proven: bool) -> Result<(), Error> {
    let email = normalize_email(&registration.email);
    // The rest happens after the answer: if the database cannot be written (a full disk),
    // say "not now" rather than "check your mail" (docs/storage.md "Faults").
    if !state.db.writable().await {
        return Err(Error::Busy { retry_after: 5 });
    }
    match mailbox::count(state, Purpose::Registration, PER_IP, ip, &email, proven).await {
        Ok(()) => {}
        Err(Error::Throttled { .. }) => {
            tracing::info!("registration request over a limit; no mail");
            return Ok(());
        }
        Err(e) => return Err(e),
    }
    let language = if registration.language.as_deref() == Some("en") { "en" } else { "nl" };
    let state = state.clone();
    tokio::spawn(async move {
        if let Err(e) = send(&state, &email, language).await {
            tracing::warn!(error = ?e, "sending a registration mail failed");
        }
    });
    Ok(())
}

/// Mails the link for a new address, or the "someone tried" notice for a taken one.
async fn send(state: &Services, email: &str, language: &str) -> anyhow::Result<()> {
    let mail = if let Some(account_id) = accounts::id_by_email(state.db.pool(), email).await? {
        tracing::info!("registration asked for a taken address; notice sent");
        // In the owner's language, not in the asker's.
        state.letterhead_for(account_id).await?.account_exists(email, account_id)
    } else {
        let token = new_token();
        let token_hash = hash_token(&token);
        let now = now();
        verification::insert_registration(
            state.db.pool(),
            &verification::NewRegistration {
                token_hash: &token_hash,
                email,
                language,
                created_at: now,
                expires_at: now + LINK_HOURS * 3600,
            },
        )
        .await?;
        tracing::info!("registration link sent");
        state.letterhead().in_language(Language::from_code(language)).registration_link(
            email,
            &token_hash,
            &token,
            LINK_HOURS,
        )
    };
    state.mailer.send(mail).await
}

/// Uses a registration link: creates the account with the password chosen on the link's
/// page, once, before the link expires. Returns the new account. An unknown, used or expired
/// token is `token_invalid` (before any hashing); a password the rules refuse for this
/// address is `validation_failed` and leaves the link working; an address that got an account
/// in the meantime is `email_taken` (only the mailbox's owner has the link).
pub async fn confirm(state: &Services, confirm: RegistrationConfirm) -> Result<(i64, String), Error> {
    let token_hash = hash_token(confirm.token.trim());
    let Some(email) = verification::registration_email(state.db.pool(), &token_hash, now()).await? else {
        return Err(Error::code(ErrorCode::TokenInvalid));
    };
    Error::ensure_valid(confirm.validate_for(&email))?;
    let password_hash = state.passwords.hash(confirm.password).await?;
    let mut tx = state.db.begin().await?;
    // Taken out in one statement: of parallel uses, one gets the row.
    let Some((email, language)) = verification::use_registration(&mut *tx, &token_hash, now()).await? else {
        return Err(Error::code(ErrorCode::TokenInvalid));
    };
    let secret = crate::accounts::new_secret();
    let new = accounts::NewAccount {
        email: &email,
        password_hash: &password_hash,
        role: Role::Person.as_str(),
        partner_slug: None,
        created_at: now(),
        secret: &secret,
        // The language asked in: of the account's mails and receipts from now on.
        language: Language::from_code(&language).code(),
    };
    let account_id = match accounts::insert(&mut *tx, &new).await {
        Ok(id) => id,
        Err(e) if store::is_unique_violation(&e) => return Err(Error::code(ErrorCode::EmailTaken)),
        Err(e) => return Err(e.into()),
    };
    // The demo's mail files of this link and the address's other links now concern the
    // account (they go when it is erased); the other links die with this one.
    store::mail_files::attach_registration(&mut *tx, account_id, &token_hash, &email).await?;
    verification::delete_registrations_of(&mut *tx, &email).await?;
    tx.commit().await?;
    tracing::info!(account_id, "account registered by mail link");
    Ok((account_id, email))
}

/// Deletes expired pending registrations and e-mail changes.
pub async fn purge(store: &store::Store) -> sqlx::Result<u64> {
    let registrations = verification::purge_registrations(store.pool(), now()).await?;
    Ok(registrations + verification::purge_email_changes(store.pool(), now()).await?)
}
