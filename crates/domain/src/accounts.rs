//! Accounts: registering, the account as its owner sees it, re-authentication, changing
//! the password, and erasing everything held about the person.

use zelfregie_model::account::{normalize_email, validate_new_password};
use zelfregie_model::newsletter::{subscription, ProcessorAction, Subscription};
use zelfregie_model::{Account, ErrorCode, FieldError, Partner, Password, Role};

use crate::auth::throttle;
use crate::error::Error;
use crate::outbox::{enqueue, Payload};
use crate::services::Services;
use crate::store::{self, accounts, now, to_datetime, Store};

/// A new account's secret: 256 random bits from the operating system. It goes into every
/// token and reference derived from the account, so none of them outlives the account or
/// passes to another one (docs/security.md "Erased means gone").
pub fn new_secret() -> [u8; 32] {
    let mut secret = [0u8; 32];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut secret);
    secret
}

/// Creates an account; a taken address is `EmailTaken`.
pub async fn create(
    store: &Store,
    email: &str,
    password_hash: &str,
    role: Role,
    partner_slug: Option<&str>,
) -> Result<i64, Error> {
    let secret = new_secret();
    let new = accounts::NewAccount {
        email,
        password_hash,
        role: role.as_str(),
        partner_slug,
        created_at: now(),
        secret: &secret,
        language: "nl",
    };
    match accounts::insert(store.pool(), &new).await {
        Ok(id) => Ok(id),
        Err(e) if store::is_unique_violation(&e) => Err(Error::code(ErrorCode::EmailTaken)),
        Err(e) => Err(e.into()),
    }
}

/// Sets the account's language: its mails and consent receipts follow it from now on.
pub async fn set_language(store: &Store, account_id: i64, language: zelfregie_model::Language) -> Result<(), Error> {
    accounts::set_language(store.pool(), account_id, language.code()).await?;
    Ok(())
}

/// The account's login address.
pub async fn email(store: &Store, account_id: i64) -> Result<String, Error> {
    Ok(accounts::email(store.pool(), account_id).await?)
}

/// The partner organisations, for the visibility choices.
pub async fn partners(store: &Store) -> Result<Vec<zelfregie_model::Partner>, Error> {
    Ok(accounts::partners(store.pool()).await?)
}

/// The account as its owner sees it (session answer and export alike).
pub async fn account(store: &Store, account_id: i64) -> Result<Account, Error> {
    let row = accounts::view(store.pool(), account_id).await?;
    let role = Role::parse(&row.role).ok_or_else(|| anyhow::anyhow!("unknown role in database"))?;
    let partner = row.slug.zip(row.name).map(|(slug, name)| Partner { slug, name });
    Ok(Account { email: row.email, role, partner, created_at: to_datetime(row.created_at) })
}

/// The re-authentication counter of an account: its own, so somebody guessing at the login
/// page cannot keep the owner from erasing their data.
pub(crate) fn reauth_key(state: &Services, account_id: i64) -> Vec<u8> {
    state.throttle.key("reauth", &account_id.to_string())
}

/// Checks the account's current password, counting attempts on its own counter; a wrong one
/// is reported at `field`. Returns the account's e-mail address.
pub async fn reauthenticate(
    state: &Services,
    account_id: i64,
    password: Password,
    field: &str,
) -> Result<String, Error> {
    let (email, hash) = accounts::credentials_by_id(state.db.pool(), account_id).await?;
    let key = reauth_key(state, account_id);
    throttle::attempt(&state.db, &state.clock, &key, throttle::REAUTH_PER_ACCOUNT).await?;
    if !state.passwords.verify(password, Some(hash)).await? {
        return Err(Error::validation(vec![FieldError::new(field, ErrorCode::WrongPassword)]));
    }
    throttle::clear(&state.db, &key).await?;
    Ok(email)
}

/// Sets a new password (checked against the address); every other session of the account
/// ends, `keep` stays.
pub async fn change_password(
    state: &Services,
    account_id: i64,
    email: &str,
    new_password: Password,
    keep: &[u8],
) -> Result<(), Error> {
    if let Err(code) = validate_new_password(new_password.expose(), email) {
        return Err(Error::validation(vec![FieldError::new("new_password", code)]));
    }
    let hash = state.passwords.hash(new_password).await?;
    let mut tx = state.db.begin().await?;
    accounts::set_password(&mut *tx, account_id, &hash).await?;
    accounts::end_sessions(&mut *tx, account_id, Some(keep)).await?;
    tx.commit().await?;
    tracing::info!(account_id, "password changed; other sessions ended");
    Ok(())
}

/// Erases the account and everything held about the person, in one transaction; every
/// session ends (ASVS 5.0 7.4.2). If the mailing company has the person, it is told to
/// delete them: that notice is the only trace left, and it is wiped once delivered. Then
/// the write-ahead log and the demo's mail folder are cleared of the person too (every mail
/// about them, to any address they had and to a manager they named).
pub async fn erase(state: &Services, account_id: i64, email: &str) -> Result<(), Error> {
    erase_if(state, account_id, email, None).await.map(|_| ())
}

/// [`erase`], when `due` is `None` or the account is still due for deletion by retention
/// (`(activity_cutoff, warned_cutoff)`, checked inside the exclusive transaction: of two
/// runs at once the second finds nothing to do, and a login in between saves the account).
/// Returns whether the account was erased.
pub async fn erase_if(state: &Services, account_id: i64, email: &str, due: Option<(i64, i64)>) -> Result<bool, Error> {
    let mut tx = state.db.begin_exclusive().await?;
    if let Some((activity_cutoff, warned_cutoff)) = due {
        if !store::retention::still_due(&mut *tx, account_id, activity_cutoff, warned_cutoff).await? {
            return Ok(false);
        }
    }
    let history = crate::newsletter::events(&mut *tx, account_id).await?;
    let processor_knows = store::outbox::any_for(&mut *tx, account_id).await?;
    if processor_knows || subscription(&history) == Subscription::Active {
        let payload = Payload {
            action: ProcessorAction::Unsubscribe,
            email: email.to_owned(),
            name: String::new(),
            unsubscribe_url: None,
            unsubscribe_post_url: None,
            erase: true,
        };
        // After any message still being delivered, never before it (docs/security.md
        // "Outbox order"): that one leaves the account instead of going with it.
        store::outbox::detach_in_flight(&mut tx, state.db.backend(), account_id, crate::outbox::now_ms()).await?;
        enqueue(&mut tx, account_id, true, &payload).await?;
    }
    // Seats freed by the erasure go to the waiting lists.
    let trainings = store::academy::seats_of(&mut *tx, account_id).await?;
    store::throttle::clear(&mut *tx, &state.throttle.key("login-account", &normalize_email(email))).await?;
    store::throttle::clear(&mut *tx, &reauth_key(state, account_id)).await?;
    store::throttle::clear(&mut *tx, &crate::second_factor::throttle_key(state, account_id)).await?;
    // A breach notice that named the person by address keeps the notice, not the address.
    crate::breach::forget_address(&mut tx, &normalize_email(email)).await?;
    // Everything else goes with the account row (ON DELETE CASCADE in every table).
    accounts::delete(&mut *tx, account_id).await?;
    for t in trainings {
        crate::academy::promote(&mut tx, t).await?;
    }
    tx.commit().await?;
    state.db.checkpoint().await;
    // Demo mode: every mail file about the person (to any address they had, to the manager
    // they named) lost its row with the account; the files go now, or at the next start.
    if let Err(e) = state.mailer.sweep(false).await {
        tracing::warn!(error = %e, "removing the erased person's mail files failed");
    }
    state.outbox_wake.notify_one();
    tracing::info!(account_id, "account erased");
    Ok(true)
}
