//! Formal requests about a person's rights (docs/security.md "Requests"): the person files
//! one, privacy staff answer it, extend its deadline once with a reason, or close it without
//! an answer with a reason. The deadline and whether an extension is allowed come from the
//! model's rule (`privacy_request::deadline`, `privacy_request::extension`: a complaint six
//! weeks and never extended, a request about a right one month, extended once by two months
//! and only until the deadline day), on the server's clock (`state.clock`). Every change by
//! staff is logged with who made it, never with any text; the person is told by mail that
//! there is news, never what it is.
//!
//! A request may be made for someone else (docs/security.md "Requests about one's rights"):
//! it says for whom and on what ground. Privacy staff record how they checked the identity and
//! authority of the person who asks (the policy: in person) before they may answer it; closing
//! it without an answer stays possible (the check may be what failed). Once the check is
//! recorded, an account with exactly the address given for the person concerned sees the
//! request (read-only, with who made it); before that, nobody but the requester and staff.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use zelfregie_model::privacy_request::{
    day, deadline, extension, Checked, Ground, NewRequest, NewVerification, PrivacyRequest, QueueEntry, Representation,
    RequestKind, RequestStatus, StaffNote, StaffRequest, StaffText, VerificationMethod, VerificationRecord,
    RETENTION_YEARS,
};
use zelfregie_model::{DisclosureKind, ErrorCode, Role};

use crate::error::Error;
use crate::services::Services;
use crate::store::privacy_requests::{self as rows, PersonRow, RequestRow, StaffRow};
use crate::store::{to_datetime, Store};

/// Requests one person may file in 24 hours: far more than anyone needs, few enough that
/// one account cannot bury privacy staff's queue.
pub const DAILY_REQUESTS: i64 = 10;

/// What privacy staff do with a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Answer it (closes it).
    Answer,
    /// Extend its deadline by two months, once, before it has passed (not a complaint).
    Extend,
    /// Close it without an answer.
    Close,
}

impl Action {
    /// The name in the log.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Answer => "answered",
            Action::Extend => "extended",
            Action::Close => "closed without answer",
        }
    }
}

fn request(row: RequestRow) -> Result<PrivacyRequest, Error> {
    request_and_check(row).map(|(r, _)| r)
}

/// A recorded check with privacy staff's note and when it was recorded (Unix seconds).
type StoredCheck = (Checked, String, i64);

/// The request and, if recorded, the check with privacy staff's note (for [`staff_request`]).
fn request_and_check(row: RequestRow) -> Result<(PrivacyRequest, Option<StoredCheck>), Error> {
    let kind = RequestKind::parse(&row.kind).ok_or_else(|| anyhow::anyhow!("stored request kind"))?;
    let status = RequestStatus::parse(&row.status).ok_or_else(|| anyhow::anyhow!("stored request status"))?;
    let deadline = day::parse(&row.deadline).ok_or_else(|| anyhow::anyhow!("stored request deadline"))?;
    let extension = row.extension_reason.zip(row.extended_at).map(|(text, at)| StaffNote { text, at: to_datetime(at) });
    let response = row.response.zip(row.closed_at).map(|(text, at)| StaffNote { text, at: to_datetime(at) });
    let on_behalf = match (row.for_name, row.ground) {
        (Some(for_name), Some(ground)) => Some(Representation {
            for_name,
            for_email: row.for_email,
            ground: Ground::parse(&ground).ok_or_else(|| anyhow::anyhow!("stored ground"))?,
        }),
        _ => None,
    };
    let check = match (row.verification_method, row.checked_on, row.verified_at) {
        (Some(method), Some(on), Some(at)) => Some((
            Checked {
                method: VerificationMethod::parse(&method).ok_or_else(|| anyhow::anyhow!("stored method"))?,
                checked_on: day::parse(&on).ok_or_else(|| anyhow::anyhow!("stored check day"))?,
            },
            row.verification_note.unwrap_or_default(),
            at,
        )),
        _ => None,
    };
    let request = PrivacyRequest {
        id: row.public_id,
        kind,
        text: row.text,
        status,
        received_at: to_datetime(row.received_at),
        deadline,
        extension,
        response,
        on_behalf,
        checked: check.as_ref().map(|(c, _, _)| c.clone()),
        requested_by: None,
    };
    Ok((request, check))
}

/// A request as the person reading it sees it: who made it, when that is not them.
fn for_person(row: PersonRow) -> Result<PrivacyRequest, Error> {
    Ok(PrivacyRequest { requested_by: row.requested_by, ..request(row.request)? })
}

/// A request as privacy staff see it: with the requester's address and the whole check.
fn staff_request(row: StaffRow) -> Result<StaffRequest, Error> {
    let linked = row.request.concerned_account_id.is_some();
    let (request, check) = request_and_check(row.request)?;
    let verification = check.map(|(c, note, at)| VerificationRecord {
        method: c.method,
        checked_on: c.checked_on,
        note,
        recorded_at: to_datetime(at),
        recorded_by: row.verified_by_email,
        linked,
    });
    Ok(StaffRequest { request, email: row.email, verification })
}

/// Files a request for `account_id`: received now (the server's clock), due one month later
/// (a complaint: six weeks later). At most
/// [`DAILY_REQUESTS`] in 24 hours, counted under the write lock (parallel filings cannot pass
/// the limit together); beyond it `quota_exceeded`.
pub async fn file(state: &Services, account_id: i64, new: &NewRequest) -> Result<PrivacyRequest, Error> {
    Error::ensure_valid(new.validate())?;
    let mut raw = [0u8; 16];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut raw);
    let public_id = URL_SAFE_NO_PAD.encode(raw);
    let store = &state.db;
    let received_at = state.clock.now();
    let due = day::to_string(deadline(new.kind, to_datetime(received_at), false));
    let on_behalf = new.on_behalf.as_ref().map(Representation::normalized);
    let row = rows::NewRow {
        public_id: &public_id,
        account_id,
        kind: new.kind.as_str(),
        text: new.text.trim(),
        received_at,
        deadline: &due,
        on_behalf: on_behalf.as_ref().map(|r| (r.for_name.as_str(), r.for_email.as_deref(), r.ground.as_str())),
    };
    let mut tx = store.begin_exclusive().await?;
    if rows::filed_since(&mut *tx, account_id, received_at - 86_400).await? >= DAILY_REQUESTS {
        return Err(Error::code(ErrorCode::QuotaExceeded));
    }
    rows::insert(&mut *tx, &row).await?;
    tx.commit().await?;
    let ground = on_behalf.as_ref().map(|r| r.ground.as_str());
    tracing::info!(account_id, kind = new.kind.as_str(), on_behalf = ground, "request filed");
    let row = rows::one_of_account(store.pool(), account_id, &public_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("just stored"))?;
    for_person(row)
}

/// Every request of a person, newest first: those they made, and those made for them once
/// privacy staff checked the representative (with `requested_by`).
pub async fn mine(store: &Store, account_id: i64) -> Result<Vec<PrivacyRequest>, Error> {
    rows::of_account(store.pool(), account_id).await?.into_iter().map(for_person).collect()
}

/// One request of a person (made by them, or checked and made for them); another's is
/// `NotFound`, the same as one that does not exist.
pub async fn one_of_mine(store: &Store, account_id: i64, public_id: &str) -> Result<PrivacyRequest, Error> {
    let row = rows::one_of_account(store.pool(), account_id, public_id).await?;
    for_person(row.ok_or_else(|| Error::code(ErrorCode::NotFound))?)
}

/// The queue: open requests by deadline, or (`closed`) the handled ones, latest first.
pub async fn queue(store: &Store, closed: bool) -> Result<Vec<QueueEntry>, Error> {
    rows::queue(store.pool(), closed)
        .await?
        .into_iter()
        .map(|row| {
            let r = request(row)?;
            Ok(QueueEntry {
                id: r.id,
                kind: r.kind,
                status: r.status,
                received_at: r.received_at,
                deadline: r.deadline,
                extended: r.extension.is_some(),
                on_behalf: r.on_behalf.map(|o| o.ground),
                checked: r.checked.is_some(),
            })
        })
        .collect()
}

/// One request with the person's address, for privacy staff.
pub async fn for_staff(store: &Store, public_id: &str) -> Result<StaffRequest, Error> {
    let row = rows::one(store.pool(), public_id).await?.ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    crate::candidates::log_staff_access(store, Role::PrivacyStaff, DisclosureKind::PrivacyRequest, &[row.account_id])
        .await?;
    staff_request(row)
}

/// Privacy staff: everything the portal holds about the person request `public_id` is about
/// (their export), to handle it: the person who filed it, or, for a request made for someone
/// else whose account was linked when the check was recorded, that person. Logged in that
/// person's disclosure log.
pub async fn person_data(state: &Services, public_id: &str) -> Result<zelfregie_model::export::ExportDocument, Error> {
    let row = rows::one(state.db.pool(), public_id).await?.ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    let whose =
        row.request.concerned_account_id.filter(|_| row.request.verified_at.is_some()).unwrap_or(row.account_id);
    crate::candidates::log_staff_access(&state.db, Role::PrivacyStaff, DisclosureKind::PrivacyRequestData, &[whose])
        .await?;
    crate::export::export(state, whose).await
}

/// Privacy staff member `staff` answers, extends or closes request `public_id`. Each change
/// is one conditional statement: of two staff members acting at once, one wins and the other
/// is told why nothing changed (`request_closed`, `already_extended`). An extension the rule
/// does not allow changes nothing either: `extension_not_allowed` for a complaint,
/// `deadline_passed` after the deadline day. A request for someone else is answered only once
/// the check of the representative was recorded (`authority_not_checked`); closing it without
/// an answer, or extending it, does not wait for that. The person gets a mail that there is
/// news (not the news itself).
pub async fn act(
    state: &Services,
    staff: i64,
    public_id: &str,
    action: Action,
    body: &StaffText,
) -> Result<StaffRequest, Error> {
    Error::ensure_valid(match action {
        Action::Answer => body.validate_answer(),
        Action::Extend | Action::Close => body.validate_reason(),
    })?;
    let pool = state.db.pool();
    let current = rows::one(pool, public_id).await?.ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    let text = body.text.trim();
    let at = state.clock.now();
    let done = match action {
        Action::Answer => rows::close(pool, public_id, RequestStatus::Answered.as_str(), text, at, staff, true).await?,
        Action::Close => rows::close(pool, public_id, RequestStatus::Closed.as_str(), text, at, staff, false).await?,
        Action::Extend => {
            let kind =
                RequestKind::parse(&current.request.kind).ok_or_else(|| anyhow::anyhow!("stored request kind"))?;
            if current.request.status != RequestStatus::Open.as_str() {
                return Err(Error::code(ErrorCode::RequestClosed));
            }
            let received = to_datetime(current.request.received_at);
            let extended = current.request.extended_at.is_some();
            let due = extension(kind, received, extended, to_datetime(at)).map_err(Error::code)?;
            rows::extend(pool, public_id, text, &day::to_string(due), at, staff).await?
        }
    };
    if !done {
        return Err(Error::code(why_not(pool, public_id, Some(action)).await?));
    }
    tracing::info!(staff_account_id = staff, request = public_id, action = action.as_str(), "request handled");
    let updated = for_staff(&state.db, public_id).await?;
    let mail = state.letterhead_for(current.account_id).await?.request_news(
        &updated.email,
        current.account_id,
        action,
        state.dpo_email.as_deref(),
    );
    if let Err(e) = state.mailer.send(mail).await {
        tracing::warn!(error = %e, "mailing the news about a request failed");
    }
    Ok(updated)
}

/// Why `action` (`None`: recording the check) changed nothing on request `public_id`.
async fn why_not(pool: &sqlx::AnyPool, public_id: &str, action: Option<Action>) -> Result<ErrorCode, Error> {
    let Some(now) = rows::state(pool, public_id).await? else {
        return Ok(ErrorCode::RequestClosed);
    };
    Ok(if now.status != RequestStatus::Open.as_str() {
        ErrorCode::RequestClosed
    } else if action.is_none() && now.ground.is_none() {
        ErrorCode::NotOnBehalf
    } else if action.is_none() && now.verified_at.is_some() {
        ErrorCode::AlreadyChecked
    } else if action == Some(Action::Answer) && now.ground.is_some() && now.verified_at.is_none() {
        ErrorCode::AuthorityNotChecked
    } else if now.extended_at.is_some() {
        ErrorCode::AlreadyExtended
    } else {
        ErrorCode::RequestClosed
    })
}

/// Privacy staff member `staff` records how the identity and authority of the person who asked
/// for someone else were checked: once, on an open request for someone else (else
/// `not_on_behalf`, `already_checked`, `request_closed`), on a day between receipt and today.
/// An account with exactly the address given for the person concerned is linked now, and from
/// then on sees the request.
pub async fn verify(
    state: &Services,
    staff: i64,
    public_id: &str,
    body: &NewVerification,
) -> Result<StaffRequest, Error> {
    Error::ensure_valid(body.validate())?;
    let pool = state.db.pool();
    let current = rows::one(pool, public_id).await?.ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    let at = state.clock.now();
    Error::ensure_valid(body.validate_day(to_datetime(current.request.received_at), to_datetime(at)))?;
    let done = rows::verify(
        pool,
        public_id,
        body.method.as_str(),
        &day::to_string(body.checked_on),
        body.note.trim(),
        at,
        staff,
    )
    .await?;
    if !done {
        return Err(Error::code(why_not(pool, public_id, None).await?));
    }
    // Who checked is kept with the request; the log says that it happened, never the note.
    tracing::info!(staff_account_id = staff, request = public_id, action = "representative checked", "request handled");
    for_staff(&state.db, public_id).await
}

/// Deletes requests closed more than [`RETENTION_YEARS`] before `now` (counted as 366-day
/// years: never a day early).
pub async fn purge(store: &Store, now: i64) -> sqlx::Result<u64> {
    let deleted = rows::purge_closed(store.pool(), now - RETENTION_YEARS * 366 * 86_400).await?;
    if deleted > 0 {
        tracing::info!(deleted, "requests past their retention deleted");
    }
    Ok(deleted)
}
