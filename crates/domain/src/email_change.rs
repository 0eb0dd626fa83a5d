//! Changing the login address (docs/security.md "E-mail change").
//!
//! The password is asked again; the new address gets a link that works once for 24 hours,
//! and the change happens only when its button is pressed. The old address is told when the
//! change is asked and when it is done. An address that already has an account is never
//! revealed to the requester: the answer is the same, and that address gets a mail saying it
//! has an account instead of a link. After the change every other session ends, and if the
//! person gets the newsletter, the mailing company is told to drop the old address and use
//! the new one (through the outbox, in the same transaction).

use zelfregie_model::account::normalize_email;
use zelfregie_model::newsletter::{subscription, ProcessorAction, Subscription};
use zelfregie_model::{EmailChange, ErrorCode};

use crate::accounts::reauthenticate;
use crate::auth::session::hash_token;
use crate::auth::throttle::{self, Limit};
use crate::error::Error;
use crate::newsletter::UnsubscribeLinks;
use crate::outbox::{enqueue, Payload};
use crate::registration::new_token;
use crate::services::Services;
use crate::store::{self, accounts, now, password_resets, verification};

/// How long a link works.
pub const LINK_HOURS: i64 = 24;
/// Requests of one account, and links to one address: one per two minutes…
pub const COOL_DOWN: Limit = Limit::count(1, 2 * 60);
/// …and at most five a day.
pub const DAILY_CAP: Limit = Limit::count(5, 24 * 3600);

/// Asks to change the account's address: checks the request and the password, counts the
/// limits, and mails after the answer. The answer is the same whether or not the new
/// address has an account.
pub async fn request(state: &Services, account_id: i64, change: EmailChange) -> Result<(), Error> {
    let current = accounts::email(state.db.pool(), account_id).await?;
    Error::ensure_valid(change.validate(&current))?;
    reauthenticate(state, account_id, change.password, "password").await?;
    let new_email = normalize_email(&change.new_email);
    let id = account_id.to_string();
    for (kind, value, limit) in [
        ("email-change-cooldown", id.as_str(), COOL_DOWN),
        ("email-change-daily", id.as_str(), DAILY_CAP),
        ("email-change-address-cooldown", new_email.as_str(), COOL_DOWN),
        ("email-change-address-daily", new_email.as_str(), DAILY_CAP),
    ] {
        throttle::attempt(&state.db, &state.clock, &state.throttle.key(kind, value), limit).await?;
    }
    let state = state.clone();
    tokio::spawn(async move {
        if let Err(e) = send(&state, account_id, &current, &new_email).await {
            tracing::warn!(error = ?e, "sending the e-mail change mails failed");
        }
    });
    Ok(())
}

async fn send(state: &Services, account_id: i64, current: &str, new_email: &str) -> anyhow::Result<()> {
    let letterhead = state.letterhead_for(account_id).await?;
    let to_new = if let Some(owner) = accounts::id_by_email(state.db.pool(), new_email).await? {
        // The address and the mailbox are the other account's: the mail goes with it, in
        // that account's language.
        state.letterhead_for(owner).await?.address_taken(new_email, owner)
    } else {
        let token = new_token();
        let now = now();
        verification::insert_email_change(
            state.db.pool(),
            &hash_token(&token),
            account_id,
            new_email,
            now,
            now + LINK_HOURS * 3600,
        )
        .await?;
        letterhead.confirm_address(new_email, account_id, &token, LINK_HOURS)
    };
    state.mailer.send(to_new).await?;
    state.mailer.send(letterhead.address_change_asked(current, account_id, new_email)).await?;
    tracing::info!(account_id, "e-mail change asked; mails sent");
    Ok(())
}

/// Uses an e-mail change link: the account gets the new address, once, before the link
/// expires. Every session of the account ends but `keep` (the browser that pressed the
/// button, if it is logged in to the account); other change links and password reset links
/// (mailed to the old address) die. Returns the account. Unknown, used or expired:
/// `token_invalid`; the address got an account in the meantime: `email_taken`.
pub async fn confirm(state: &Services, token: &str, keep: Option<&[u8]>) -> Result<i64, Error> {
    let mut tx = state.db.begin_exclusive().await?;
    let Some((account_id, new_email)) =
        verification::use_email_change(&mut *tx, &hash_token(token.trim()), now()).await?
    else {
        return Err(Error::code(ErrorCode::TokenInvalid));
    };
    let old_email = accounts::email(&mut *tx, account_id).await?;
    match accounts::set_email(&mut *tx, account_id, &new_email).await {
        Ok(()) => {}
        Err(e) if store::is_unique_violation(&e) => return Err(Error::code(ErrorCode::EmailTaken)),
        Err(e) => return Err(e.into()),
    }
    verification::delete_email_changes_of(&mut *tx, account_id).await?;
    password_resets::delete_for(&mut *tx, account_id).await?;
    let ended = accounts::end_sessions(&mut *tx, account_id, keep).await?;
    store::throttle::clear(&mut *tx, &state.throttle.key("login-account", &old_email)).await?;
    // The mailing company learns the new address: the old contact is deleted, the new one
    // subscribed, in this order (a person's outbox rows go out in order).
    let history = crate::newsletter::events(&mut *tx, account_id).await?;
    if subscription(&history) == Subscription::Active {
        let name = crate::documents::person_name(&mut *tx, account_id).await?;
        let drop_old = Payload {
            action: ProcessorAction::Unsubscribe,
            email: old_email.clone(),
            name: name.clone(),
            unsubscribe_url: None,
            unsubscribe_post_url: None,
            erase: true,
        };
        enqueue(&mut tx, account_id, false, &drop_old).await?;
        let links = UnsubscribeLinks::of(state, &mut *tx, account_id).await?;
        let add_new = Payload {
            action: ProcessorAction::Subscribe,
            email: new_email.clone(),
            name,
            unsubscribe_url: Some(links.page),
            unsubscribe_post_url: Some(links.one_click),
            erase: false,
        };
        enqueue(&mut tx, account_id, false, &add_new).await?;
    }
    tx.commit().await?;
    state.outbox_wake.notify_one();
    tracing::info!(account_id, ended, "e-mail address changed; other sessions ended");
    let notice = state.letterhead_for(account_id).await?.address_changed(&old_email, account_id, &new_email);
    if let Err(e) = state.mailer.send(notice).await {
        tracing::warn!(error = %e, "sending the address-changed notice failed");
    }
    Ok(account_id)
}
