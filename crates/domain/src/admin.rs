//! Administration: invitations, the staff list and its quarterly review, suspension and
//! revocation, and the administration's log (docs/security.md "Administration"). An
//! administrator decides who may work in the portal; nothing here reads a candidate's or
//! participant's data.

use zelfregie_model::admin::{
    next_review_due, AuditAction, AuditEntry, AuditPage, Invitation, InvitationAcceptance, InvitationDetails,
    InvitationStatus, NewInvitation, PartnerKeyEntry, PartnerKeys, PublishKey, Review, StaffAccount, StaffOverview,
    StaffStatus, AUDIT_PER_PAGE, FIRST_INVITATION_HOURS, INVITATION_DAYS,
};
use zelfregie_model::age_key::fingerprint;
use zelfregie_model::privacy_request::dutch_date;
use zelfregie_model::{ErrorCode, Partner, Role};

use crate::auth::session::hash_token;
use crate::error::Error;
use crate::registration::new_token;
use crate::services::Services;
use crate::store::{self, accounts, admin, to_datetime, Tx};
use zelfregie_model::links::Page;
use zelfregie_model::Language;

/// Invitations (and their addresses) are kept this long after they were sent.
pub const INVITATIONS_KEPT_DAYS: i64 = 30;

/// Who acts: an administrator (id and address), or the server itself (its command line, or
/// the job that suspends unused accounts).
#[derive(Clone, Debug)]
pub enum Actor {
    /// A logged-in administrator.
    Administrator(i64, String),
    /// The server's command line or its own jobs.
    System,
}

impl Actor {
    fn id(&self) -> Option<i64> {
        match self {
            Actor::Administrator(id, _) => Some(*id),
            Actor::System => None,
        }
    }

    fn email(&self) -> Option<&str> {
        match self {
            Actor::Administrator(_, email) => Some(email),
            Actor::System => None,
        }
    }
}

/// Appends an entry to the log, in the transaction of the action itself: no action without
/// its entry, no entry without its action.
async fn log(
    tx: &mut Tx,
    now: i64,
    actor: &Actor,
    action: AuditAction,
    subject_id: Option<i64>,
    subject: &str,
    detail: Option<&str>,
) -> Result<(), Error> {
    let entry = admin::NewEntry {
        at: now,
        actor_id: actor.id(),
        actor_email: actor.email(),
        action: action.as_str(),
        subject_id,
        subject,
        detail,
    };
    admin::log(&mut **tx, &entry).await?;
    Ok(())
}

fn partner_of(slug: Option<String>, name: Option<String>) -> Option<Partner> {
    slug.zip(name).map(|(slug, name)| Partner { slug, name })
}

fn role_of(stored: &str) -> Result<Role, Error> {
    Role::parse(stored).ok_or_else(|| anyhow::anyhow!("unknown role in database").into())
}

fn invitation(row: admin::InvitationRow, now: i64) -> Result<Invitation, Error> {
    let stored = InvitationStatus::parse(&row.status).ok_or_else(|| anyhow::anyhow!("unknown invitation status"))?;
    Ok(Invitation {
        id: row.public_id,
        email: row.email,
        role: role_of(&row.role)?,
        partner: partner_of(row.partner.slug, row.partner.name),
        invited_by: row.partner.inviter,
        created_at: to_datetime(row.created_at),
        expires_at: to_datetime(row.expires_at),
        status: InvitationStatus::at(stored, row.expires_at, now),
    })
}

/// Sends an invitation: stores it (with its log entry) and mails the link. Returns the
/// link too: the command line prints it for the first administrator.
pub async fn invite(state: &Services, actor: &Actor, new: &NewInvitation) -> Result<(Invitation, String), Error> {
    Error::ensure_valid(new.validate())?;
    let role = new.role.ok_or_else(|| anyhow::anyhow!("validated"))?;
    let email = new.email();
    let now = state.clock.now();
    let token = new_token();
    let token_hash = hash_token(&token);
    let public_id = new_token()[..16].to_owned();
    let hours = if matches!(actor, Actor::System) { FIRST_INVITATION_HOURS } else { INVITATION_DAYS * 24 };
    let mut tx = state.db.begin().await?;
    if accounts::id_by_email(&mut *tx, &email).await?.is_some() {
        return Err(Error::code(ErrorCode::EmailTaken));
    }
    let row = admin::NewInvitation {
        public_id: &public_id,
        token_hash: &token_hash,
        email: &email,
        role: role.as_str(),
        partner_slug: new.partner_slug(),
        invited_by: actor.id(),
        created_at: now,
        expires_at: now + hours * 3600,
    };
    admin::insert_invitation(&mut *tx, &row).await?;
    let detail = match new.partner_slug() {
        Some(slug) => format!("{}: {slug}", role.as_str()),
        None => role.as_str().to_owned(),
    };
    log(&mut tx, now, actor, AuditAction::Invite, None, &email, Some(&detail)).await?;
    tx.commit().await?;
    let partner = new.partner_slug().and_then(|slug| Partner::all().into_iter().find(|p| p.slug == slug));
    let (what_nl, what_en) = role_words(role, partner.as_ref());
    let until = if hours <= 48 {
        (format!("{hours} uur"), format!("{hours} hours"))
    } else {
        (format!("{} dagen", hours / 24), format!("{} days", hours / 24))
    };
    let letterhead = state.letterhead().in_language(Language::from_code(new.language.as_deref().unwrap_or_default()));
    // The link is also the command line's answer (the first administrator's invitation).
    let link = letterhead.link(Page::Invitation, &token);
    let mail = letterhead.invitation(&email, &token_hash, &token, (&what_nl, &what_en), (&until.0, &until.1));
    if let Err(e) = state.mailer.send(mail).await {
        // The invitation stands: the administrator sees it and can send a new one.
        tracing::warn!(error = ?e, "the invitation mail could not be sent");
    }
    tracing::info!(role = role.as_str(), "invitation sent");
    // What was just stored, as the list shows it (the inviter by address).
    let invitation = Invitation {
        id: public_id,
        email,
        role,
        partner,
        invited_by: actor.email().map(str::to_owned),
        created_at: to_datetime(now),
        expires_at: to_datetime(now + hours * 3600),
        status: InvitationStatus::Pending,
    };
    Ok((invitation, link))
}

/// The words for a role in an invitation (Dutch, English).
fn role_words(role: Role, partner: Option<&Partner>) -> (String, String) {
    match role {
        Role::Recruiter => {
            let name = partner.map_or("", |p| p.name.as_str());
            (format!("recruiter van {name}"), format!("recruiter of {name}"))
        }
        Role::AcademyStaff => ("medewerker van de IGOM-Academie".into(), "staff member of the IGOM Academy".into()),
        Role::PrivacyStaff => ("privacymedewerker van IGOM".into(), "IGOM privacy staff".into()),
        Role::Administrator => ("beheerder van het portaal".into(), "administrator of the portal".into()),
        Role::Person => ("kandidaat".into(), "candidate".into()),
    }
}

/// What the link's page shows. Reading changes nothing: a mail scanner that opens the link
/// does not use it.
pub async fn details(state: &Services, token: &str) -> Result<InvitationDetails, Error> {
    let row = admin::pending_by_token(state.db.pool(), &hash_token(token.trim()), state.clock.now())
        .await?
        .ok_or_else(|| Error::code(ErrorCode::TokenInvalid))?;
    Ok(InvitationDetails {
        email: row.email,
        role: role_of(&row.role)?,
        partner: partner_of(row.partner.slug, row.partner.name),
        expires_at: to_datetime(row.expires_at),
    })
}

/// Uses an invitation: the account exists with the chosen password, once, before the link
/// expires. Returns the new account and its address. A second factor is still to be set up:
/// until then the account's sessions open no page with other people's data.
pub async fn accept(state: &Services, acceptance: InvitationAcceptance) -> Result<(i64, String), Error> {
    let token_hash = hash_token(acceptance.token.trim());
    let now = state.clock.now();
    let Some(pending) = admin::pending_by_token(state.db.pool(), &token_hash, now).await? else {
        return Err(Error::code(ErrorCode::TokenInvalid));
    };
    Error::ensure_valid(acceptance.validate_for(&pending.email))?;
    let password_hash = state.passwords.hash(acceptance.password).await?;
    let mut tx = state.db.begin().await?;
    // Taken in one statement: of parallel uses, one gets the row.
    let Some(taken) = admin::take_invitation(&mut *tx, &token_hash, now).await? else {
        return Err(Error::code(ErrorCode::TokenInvalid));
    };
    let secret = crate::accounts::new_secret();
    let new = accounts::NewAccount {
        email: &taken.email,
        password_hash: &password_hash,
        role: &taken.role,
        partner_slug: taken.slug.as_deref(),
        created_at: now,
        secret: &secret,
        language: Language::Nl.code(),
    };
    let account_id = match accounts::insert(&mut *tx, &new).await {
        Ok(id) => id,
        Err(e) if store::is_unique_violation(&e) => return Err(Error::code(ErrorCode::EmailTaken)),
        Err(e) => return Err(e.into()),
    };
    admin::set_invited_by(&mut *tx, account_id, taken.invited_by).await?;
    store::mail_files::attach_invitation(&mut *tx, account_id, &token_hash).await?;
    let detail = match &taken.slug {
        Some(slug) => format!("{}: {slug}", taken.role),
        None => taken.role.clone(),
    };
    let actor = Actor::Administrator(account_id, taken.email.clone());
    log(&mut tx, now, &actor, AuditAction::Accept, Some(account_id), &taken.email, Some(&detail)).await?;
    tx.commit().await?;
    tracing::info!(account_id, role = taken.role, "invitation accepted");
    Ok((account_id, taken.email))
}

/// Withdraws a pending invitation: its link stops working.
pub async fn withdraw(state: &Services, actor: &Actor, public_id: &str) -> Result<(), Error> {
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    let Some(email) = admin::withdraw_invitation(&mut *tx, public_id, now).await? else {
        return Err(Error::code(ErrorCode::NotFound));
    };
    log(&mut tx, now, actor, AuditAction::WithdrawInvitation, None, &email, None).await?;
    tx.commit().await?;
    Ok(())
}

/// Every staff and recruiter account, the invitations of the last 30 days, and the review.
pub async fn overview(state: &Services) -> Result<StaffOverview, Error> {
    let now = state.clock.now();
    let pool = state.db.pool();
    let accounts = admin::staff(pool)
        .await?
        .into_iter()
        .map(|r| {
            Ok(StaffAccount {
                id: r.id,
                email: r.email,
                role: role_of(&r.role)?,
                partner: partner_of(r.partner.slug, r.partner.name),
                invited_by: r.partner.inviter,
                created_at: to_datetime(r.created_at),
                last_login_at: r.last_activity_at.map(to_datetime),
                second_factor: r.second_factor == 1,
                status: StaffStatus::parse(&r.status).ok_or_else(|| anyhow::anyhow!("unknown account status"))?,
                suspended_because: r.suspended_because,
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    let invitations = admin::recent_invitations(pool, now - INVITATIONS_KEPT_DAYS * 86_400)
        .await?
        .into_iter()
        .map(|r| invitation(r, now))
        .collect::<Result<Vec<_>, _>>()?;
    let last_review = admin::last_review(pool).await?.map(|(at, by, n)| Review {
        reviewed_at: to_datetime(at),
        reviewed_by: Some(by),
        accounts: n,
    });
    let today = dutch_date(to_datetime(now));
    let due = next_review_due(last_review.as_ref().map(|r| dutch_date(r.reviewed_at)), today);
    Ok(StaffOverview {
        accounts,
        invitations,
        last_review,
        next_review_due: due.to_string(),
        review_due_now: due <= today,
        idle_days: state.staff_idle_days,
    })
}

/// Refuses to leave the portal without an active administrator: `target` (an active
/// administrator) may be suspended or revoked only while another one is active.
async fn keep_an_administrator(tx: &mut Tx, target: i64) -> Result<(), Error> {
    let active = admin::active_administrators(&mut **tx).await?;
    if active.iter().all(|(id, _)| *id == target) {
        return Err(Error::code(ErrorCode::LastAdministrator));
    }
    Ok(())
}

/// Suspends an account: every session of it ends at once, and it cannot log in until it
/// is reinstated.
pub async fn suspend(state: &Services, actor: &Actor, account_id: i64) -> Result<(), Error> {
    let now = state.clock.now();
    let mut tx = state.db.begin_exclusive().await?;
    let (role, email, status) =
        admin::staff_member(&mut *tx, account_id).await?.ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    if status != StaffStatus::Active.as_str() {
        return Ok(());
    }
    if role == Role::Administrator.as_str() {
        keep_an_administrator(&mut tx, account_id).await?;
    }
    admin::suspend(&mut *tx, account_id, "administrator", now).await?;
    let ended = accounts::end_sessions(&mut *tx, account_id, None).await?;
    log(&mut tx, now, actor, AuditAction::Suspend, Some(account_id), &email, Some(&role)).await?;
    tx.commit().await?;
    tracing::info!(account_id, ended, "account suspended; its sessions ended");
    Ok(())
}

/// Lets a suspended account work again; the idle limit counts from now.
pub async fn reinstate(state: &Services, actor: &Actor, account_id: i64) -> Result<(), Error> {
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    let (role, email, _) =
        admin::staff_member(&mut *tx, account_id).await?.ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    if admin::reinstate(&mut *tx, account_id, now).await? {
        log(&mut tx, now, actor, AuditAction::Reinstate, Some(account_id), &email, Some(&role)).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Revokes an account: it is deleted with everything it holds, and its sessions with it. A
/// recruiter who moves to another partner is invited again, for a new account.
pub async fn revoke(state: &Services, actor: &Actor, account_id: i64) -> Result<(), Error> {
    let now = state.clock.now();
    let mut tx = state.db.begin_exclusive().await?;
    let (role, email, status) =
        admin::staff_member(&mut *tx, account_id).await?.ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    if role == Role::Administrator.as_str() && status == StaffStatus::Active.as_str() {
        keep_an_administrator(&mut tx, account_id).await?;
    }
    delete_account(state, &mut tx, now, actor, account_id, &email, &role).await?;
    tx.commit().await?;
    state.db.checkpoint().await;
    tracing::info!(account_id, "account revoked");
    Ok(())
}

/// Deletes a staff or recruiter account with everything it holds, in `tx`. The log's entry
/// comes first: it names the account while it still exists (the id is then cleared).
async fn delete_account(
    state: &Services,
    tx: &mut Tx,
    now: i64,
    actor: &Actor,
    account_id: i64,
    email: &str,
    detail: &str,
) -> Result<(), Error> {
    log(tx, now, actor, AuditAction::Revoke, Some(account_id), email, Some(detail)).await?;
    store::throttle::clear(&mut **tx, &crate::second_factor::throttle_key(state, account_id)).await?;
    store::throttle::clear(&mut **tx, &crate::accounts::reauth_key(state, account_id)).await?;
    accounts::delete(&mut **tx, account_id).await?;
    Ok(())
}

/// The register's limit on suspended accounts (`Records::SuspendedAccounts`, run by the
/// retention job in its transaction): accounts suspended at `cutoff` or before are deleted
/// as a revocation by the portal, each with its log entry; a dry run only counts them.
/// Reinstating clears the suspension, and with it this count.
pub(crate) async fn delete_suspended(
    state: &Services,
    tx: &mut Tx,
    cutoff: i64,
    now: i64,
    dry_run: bool,
) -> Result<u64, Error> {
    let due = admin::suspended_since(&mut **tx, cutoff).await?;
    if !dry_run {
        for (id, role, email, since) in &due {
            let detail = format!("{role}: suspended since {}", dutch_date(to_datetime(*since)));
            delete_account(state, tx, now, &Actor::System, *id, email, &detail).await?;
            tracing::info!(account_id = id, "account suspended for the register's limit deleted");
        }
    }
    Ok(due.len() as u64)
}

/// Records that an administrator confirmed the list of staff accounts.
pub async fn review(state: &Services, actor: &Actor) -> Result<(), Error> {
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    let n = admin::staff_count(&mut *tx).await?;
    let (id, email) = match actor {
        Actor::Administrator(id, email) => (*id, email.as_str()),
        Actor::System => return Err(Error::code(ErrorCode::Forbidden)),
    };
    admin::insert_review(&mut *tx, now, id, email, n).await?;
    log(&mut tx, now, actor, AuditAction::Review, None, email, Some(&format!("{n}"))).await?;
    tx.commit().await?;
    Ok(())
}

fn entry(row: admin::EntryRow) -> Result<AuditEntry, Error> {
    Ok(AuditEntry {
        at: to_datetime(row.at),
        by_system: row.actor_email.is_none(),
        actor: row.actor_email,
        action: AuditAction::parse(&row.action).ok_or_else(|| anyhow::anyhow!("unknown audit action"))?,
        subject: row.subject,
        detail: row.detail,
    })
}

/// One page of the log, newest first.
pub async fn audit(state: &Services, before: Option<i64>) -> Result<AuditPage, Error> {
    let rows = admin::entries(state.db.pool(), before, AUDIT_PER_PAGE as i64 + 1).await?;
    let more = rows.len() > AUDIT_PER_PAGE;
    let rows: Vec<_> = rows.into_iter().take(AUDIT_PER_PAGE).collect();
    let next = if more { rows.last().map(|r| r.id) } else { None };
    Ok(AuditPage { entries: rows.into_iter().map(entry).collect::<Result<_, _>>()?, next })
}

/// The entries an account made or is the subject of (its owner's export).
pub async fn entries_of(store: &store::Store, account_id: i64) -> Result<Vec<AuditEntry>, Error> {
    admin::entries_of(store.pool(), account_id).await?.into_iter().map(entry).collect()
}

/// Suspends staff and recruiter accounts unused for the idle limit (never the last active
/// administrator), ends their sessions, and mails the administrators the list. Of several
/// instances, the one whose update changes the row logs and tells. Returns how many.
pub async fn suspend_idle(state: &Services) -> Result<usize, Error> {
    let now = state.clock.now();
    let cutoff = now - state.staff_idle_days * 86_400;
    let mut suspended = Vec::new();
    for (id, role, email) in admin::idle(state.db.pool(), cutoff).await? {
        let mut tx = state.db.begin_exclusive().await?;
        if role == Role::Administrator.as_str() && keep_an_administrator(&mut tx, id).await.is_err() {
            continue;
        }
        if !admin::suspend(&mut *tx, id, "idle", now).await? {
            continue;
        }
        accounts::end_sessions(&mut *tx, id, None).await?;
        let detail = format!("{role}: idle");
        log(&mut tx, now, &Actor::System, AuditAction::Suspend, Some(id), &email, Some(&detail)).await?;
        tx.commit().await?;
        suspended.push((email, role));
    }
    if !suspended.is_empty() {
        let days = state.staff_idle_days;
        let list = suspended.iter().map(|(email, role)| format!("- {email} ({role})")).collect::<Vec<_>>().join("\n");
        for (id, admin_email) in admin::active_administrators(state.db.pool()).await? {
            let mail = state.letterhead_for(id).await?.accounts_suspended(&admin_email, id, days, &list);
            if let Err(e) = state.mailer.send(mail).await {
                tracing::warn!(error = ?e, "mailing the administrators about suspended accounts failed");
            }
        }
        tracing::info!(count = suspended.len(), "unused staff accounts suspended");
    }
    Ok(suspended.len())
}

/// Deletes invitations older than 30 days (the log's entries go by the register's limit,
/// in the retention job).
pub async fn purge(state: &Services) -> Result<u64, Error> {
    let now = state.clock.now();
    Ok(admin::purge_invitations(state.db.pool(), now - INVITATIONS_KEPT_DAYS * 86_400).await?)
}

/// Whether a login of `account_id` is refused because the account is suspended.
pub async fn ensure_not_suspended(state: &Services, account_id: i64) -> Result<(), Error> {
    if admin::is_suspended(state.db.pool(), account_id).await? {
        tracing::info!(account_id, "login of a suspended account refused");
        return Err(Error::code(ErrorCode::AccountSuspended));
    }
    Ok(())
}

/// Every partner with its key in use and the earlier ones.
pub async fn partner_keys(state: &Services) -> Result<Vec<PartnerKeys>, Error> {
    let rows = admin::partner_keys(state.db.pool()).await?;
    let mut out = Vec::new();
    for partner in store::accounts::partners(state.db.pool()).await? {
        let mut current = None;
        let mut earlier = Vec::new();
        for row in rows.iter().filter(|r| r.slug == partner.slug) {
            let entry = PartnerKeyEntry {
                fingerprint: fingerprint(&row.recipient).unwrap_or_default(),
                recipient: row.recipient.clone(),
                published_at: to_datetime(row.published_at),
                published_by: row.publisher.clone(),
                retired_at: row.retired_at.map(to_datetime),
            };
            if entry.retired_at.is_none() && current.is_none() {
                current = Some(entry);
            } else {
                earlier.push(entry);
            }
        }
        out.push(PartnerKeys { partner, current, earlier });
    }
    Ok(out)
}

/// Publishes (or replaces) a partner's key, with its log entry. Transfers made to the key
/// before stay where they are and still open with that key's secret half.
pub async fn publish_key(state: &Services, actor: &Actor, slug: &str, key: &PublishKey) -> Result<(), Error> {
    Error::ensure_valid(key.validate())?;
    publish(&state.db, state.clock.now(), actor, slug, key.recipient()).await
}

/// [`publish_key`] of a checked key (also the server's key file and the demo's keys).
pub async fn publish(store: &store::Store, now: i64, actor: &Actor, slug: &str, recipient: &str) -> Result<(), Error> {
    let mut tx = store.begin_exclusive().await?;
    match admin::publish_key(&mut tx, slug, recipient, actor.id(), now).await? {
        None => return Err(Error::code(ErrorCode::NotFound)),
        Some(false) => return Ok(()),
        Some(true) => {}
    }
    let detail = fingerprint(recipient).unwrap_or_default();
    log(&mut tx, now, actor, AuditAction::KeyPublish, None, slug, Some(&detail)).await?;
    tx.commit().await?;
    tracing::info!(partner = slug, "partner key published");
    Ok(())
}

/// Removes a partner's key: no new transfers go to the partner until a key is published.
pub async fn remove_key(state: &Services, actor: &Actor, slug: &str) -> Result<(), Error> {
    let now = state.clock.now();
    let mut tx = state.db.begin_exclusive().await?;
    match admin::remove_key(&mut tx, slug, now).await? {
        None => return Err(Error::code(ErrorCode::NotFound)),
        Some(false) => return Ok(()),
        Some(true) => {}
    }
    log(&mut tx, now, actor, AuditAction::KeyRemove, None, slug, None).await?;
    tx.commit().await?;
    Ok(())
}
