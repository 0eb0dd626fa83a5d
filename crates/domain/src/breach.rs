//! Breach notices (docs/security.md "Breach notices"): privacy staff write a notice, see how
//! many people it reaches, and send it once; every affected person then has it in the portal
//! and gets it by mail exactly once.
//!
//! Sending is one conditional `UPDATE … WHERE status = 'draft'` in an exclusive transaction
//! that also writes a row per affected person: pressed twice, or on two instances at once,
//! one wins and the other gets `notice_sent`. Each row is also the mail's queue entry: a
//! worker claims it with a lease (as the processor outbox does), sends the mail, and marks it
//! sent; a failing mail server is retried with backoff for two days, on the retention clock
//! ([`crate::clock::Clock`]) so tests move time. A row marked sent is never mailed again.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use zelfregie_model::breach::{
    AudienceCount, BreachAudience, MyNotice, NewNotice, NoticeStatus, NoticeText, StaffNotice,
};
use zelfregie_model::ErrorCode;

use crate::error::Error;
use crate::services::Services;
use crate::store::breach::{self as rows, NoticeRow};
use crate::store::to_datetime;

/// Delay before the second attempt at a mail, in seconds; doubled after each failure.
pub const RETRY_BASE_SECS: i64 = 60;
/// Longest delay between attempts.
pub const RETRY_MAX_SECS: i64 = 3600;
/// Attempts before a mail is given up on (about two days with the delays above); staff see
/// the count and reach those people another way.
pub const MAX_ATTEMPTS: i64 = 54;
/// How long a claimed mail is held by one worker before another may take it over.
pub const LEASE_SECS: i64 = 120;

/// The delay after `attempts` failed attempts.
pub fn retry_delay(attempts: i64) -> i64 {
    let shift = u32::try_from(attempts.saturating_sub(1).clamp(0, 20)).unwrap_or(20);
    (RETRY_BASE_SECS << shift).min(RETRY_MAX_SECS)
}

fn staff_notice(row: NoticeRow, waiting: i64) -> Result<StaffNotice, Error> {
    let text: NoticeText = serde_json::from_str(&row.text).map_err(|_| anyhow::anyhow!("stored notice text"))?;
    let audience: BreachAudience =
        serde_json::from_str(&row.audience).map_err(|_| anyhow::anyhow!("stored notice audience"))?;
    let count = |n: i64| u64::try_from(n).unwrap_or(0);
    Ok(StaffNotice {
        id: row.public_id,
        text,
        audience,
        status: if row.status == "sent" { NoticeStatus::Sent } else { NoticeStatus::Draft },
        created_at: to_datetime(row.created_at),
        sent_at: row.sent_at.map(to_datetime),
        recipients: count(row.recipients),
        mailed: count(row.mailed),
        waiting: count(waiting),
        failed: count(row.failed),
        read: count(row.read_by),
    })
}

fn checked(new: &NewNotice) -> Result<(), Error> {
    let errors = new.validate();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::validation(errors))
    }
}

/// How many people `audience` reaches now, and which listed addresses have no account.
pub async fn preview(state: &Services, audience: &BreachAudience) -> Result<AudienceCount, Error> {
    let errors = audience.validate();
    if !errors.is_empty() {
        return Err(Error::validation(errors));
    }
    let pool = state.db.pool();
    match audience {
        BreachAudience::Addresses { .. } => {
            let mut count = 0;
            let mut unknown = Vec::new();
            for address in audience.normalized_addresses() {
                match rows::person_by_email(pool, &address).await? {
                    Some(_) => count += 1,
                    None => unknown.push(address),
                }
            }
            Ok(AudienceCount { count, unknown })
        }
        group => Ok(AudienceCount {
            count: u64::try_from(rows::count_group(pool, group.kind()).await?).unwrap_or(0),
            unknown: Vec::new(),
        }),
    }
}

/// Writes a draft by privacy staff member `staff`.
pub async fn create(state: &Services, staff: i64, new: &NewNotice) -> Result<StaffNotice, Error> {
    checked(new)?;
    let mut raw = [0u8; 16];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut raw);
    let public_id = URL_SAFE_NO_PAD.encode(raw);
    let audience = match &new.audience {
        BreachAudience::Addresses { .. } => {
            BreachAudience::Addresses { addresses: new.audience.normalized_addresses() }
        }
        other => other.clone(),
    };
    let text = serde_json::to_string(&new.text).map_err(anyhow::Error::from)?;
    let audience = serde_json::to_string(&audience).map_err(anyhow::Error::from)?;
    rows::insert(state.db.pool(), &public_id, &text, &audience, staff, state.clock.now()).await?;
    tracing::info!(staff, kind = new.audience.kind(), "breach notice drafted");
    one(state, &public_id).await
}

/// One notice with its counts.
pub async fn one(state: &Services, public_id: &str) -> Result<StaffNotice, Error> {
    let row = rows::one(state.db.pool(), public_id).await?.ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    let waiting = rows::waiting(state.db.pool(), public_id).await?;
    staff_notice(row, waiting)
}

/// Every notice, newest first.
pub async fn all(state: &Services) -> Result<Vec<StaffNotice>, Error> {
    let mut out = Vec::new();
    for row in rows::all(state.db.pool()).await? {
        let waiting = rows::waiting(state.db.pool(), &row.public_id).await?;
        out.push(staff_notice(row, waiting)?);
    }
    Ok(out)
}

/// Sends draft `public_id`: once. A notice sent already is `notice_sent`; an audience that
/// reaches nobody (any more) is `no_recipients`, and the draft stays a draft.
pub async fn send(state: &Services, staff: i64, public_id: &str) -> Result<StaffNotice, Error> {
    let now = state.clock.now();
    let mut tx = state.db.begin_exclusive().await?;
    let Some((id, audience)) = rows::draft(&mut *tx, public_id).await? else {
        drop(tx);
        // Sent already, or no such notice.
        return match rows::one(state.db.pool(), public_id).await? {
            Some(_) => Err(Error::code(ErrorCode::NoticeSent)),
            None => Err(Error::code(ErrorCode::NotFound)),
        };
    };
    if !rows::mark_sent(&mut *tx, id, staff, now).await? {
        return Err(Error::code(ErrorCode::NoticeSent));
    }
    let audience: BreachAudience = serde_json::from_str(&audience).map_err(|_| anyhow::anyhow!("stored audience"))?;
    let added = match &audience {
        BreachAudience::Addresses { .. } => {
            let mut n = 0;
            for address in audience.normalized_addresses() {
                n += rows::add_address(&mut *tx, id, &address, now).await?;
            }
            n
        }
        group => rows::add_group(&mut *tx, id, group.kind(), now).await?,
    };
    if added == 0 {
        tx.rollback().await?;
        return Err(Error::code(ErrorCode::NoRecipients));
    }
    tx.commit().await?;
    tracing::info!(staff, recipients = added, "breach notice sent");
    // The mails go out now, not at the worker's next round.
    let worker = state.clone();
    tokio::spawn(async move {
        if let Err(e) = deliver_due(&worker).await {
            tracing::warn!(error = ?e, "sending breach notice mails failed; the worker tries again");
        }
    });
    one(state, public_id).await
}

/// The notices sent to the person.
pub async fn mine(state: &Services, account_id: i64) -> Result<Vec<MyNotice>, Error> {
    rows::mine(state.db.pool(), account_id)
        .await?
        .into_iter()
        .map(|r| {
            Ok(MyNotice {
                id: r.public_id,
                text: serde_json::from_str(&r.text).map_err(|_| anyhow::anyhow!("stored notice text"))?,
                sent_at: to_datetime(r.sent_at),
                mailed_at: r.mailed_at.map(to_datetime),
                read_at: r.read_at.map(to_datetime),
            })
        })
        .collect()
}

/// The person marks a notice read; another person's notice (or none) is `not_found`.
pub async fn mark_read(state: &Services, account_id: i64, public_id: &str) -> Result<Vec<MyNotice>, Error> {
    if !rows::mark_read(state.db.pool(), account_id, public_id, state.clock.now()).await? {
        return Err(Error::code(ErrorCode::NotFound));
    }
    mine(state, account_id).await
}

/// Sends at most one due mail. Returns whether there was one.
pub async fn deliver_one(state: &Services) -> Result<bool, Error> {
    let now = state.clock.now();
    let pool = state.db.pool();
    let Some(claim) = rows::claim(pool, state.db.backend(), now, now + LEASE_SECS).await? else { return Ok(false) };
    let attempts = claim.attempts + 1;
    let Some((text, email)) = rows::mail_parts(pool, claim.notice_id, claim.account_id).await? else {
        return Ok(true);
    };
    let text: NoticeText = serde_json::from_str(&text).map_err(|_| anyhow::anyhow!("stored notice text"))?;
    match state.mailer.send(state.letterhead().breach_notice(&email, claim.account_id, &text)).await {
        Ok(()) => {
            rows::mailed(pool, claim.notice_id, claim.account_id, attempts, state.clock.now()).await?;
            tracing::info!(account_id = claim.account_id, attempts, "breach notice mailed");
        }
        Err(e) => {
            let dead = attempts >= MAX_ATTEMPTS;
            let reason = e.to_string();
            let next = now + retry_delay(attempts);
            rows::failed(pool, claim.notice_id, claim.account_id, attempts, next, dead, &reason).await?;
            if dead {
                tracing::error!(
                    account_id = claim.account_id,
                    attempts,
                    reason,
                    "breach notice mail given up: staff must act"
                );
            } else {
                tracing::warn!(
                    account_id = claim.account_id,
                    attempts,
                    reason,
                    "breach notice mail failed; will retry"
                );
            }
        }
    }
    Ok(true)
}

/// Sends every due mail. Returns how many were tried.
pub async fn deliver_due(state: &Services) -> Result<u64, Error> {
    let mut n = 0;
    while deliver_one(state).await? {
        n += 1;
    }
    Ok(n)
}

/// The worker: sends due mails every few seconds, until the task is dropped.
pub async fn run(state: Services) {
    loop {
        if let Err(e) = deliver_due(&state).await {
            tracing::warn!(error = ?e, "breach notice worker: database error");
        }
        tokio::time::sleep(std::time::Duration::from_secs(5)).await;
    }
}

/// Erasure: takes `email` out of the audience of every notice that listed it by address, in
/// the erasure's transaction. The notice stays as the record of what was told (its text, when,
/// by whom, and the other addresses); the erased person's address does not (issue 24: it
/// stayed, against docs/storage.md). `email` is normalised, as stored audiences are.
pub async fn forget_address(tx: &mut crate::store::Tx, email: &str) -> Result<(), Error> {
    for (id, stored) in crate::store::breach::audiences(&mut **tx).await? {
        let Ok(BreachAudience::Addresses { addresses }) = serde_json::from_str::<BreachAudience>(&stored) else {
            continue;
        };
        if addresses.iter().any(|a| a == email) {
            let rest: Vec<String> = addresses.into_iter().filter(|a| a != email).collect();
            let audience = serde_json::to_string(&BreachAudience::Addresses { addresses: rest })
                .map_err(|e| Error::Internal(e.into()))?;
            crate::store::breach::set_audience(&mut **tx, id, &audience).await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn retries_double_up_to_an_hour_and_span_two_days() {
        assert_eq!(super::retry_delay(1), 60);
        assert_eq!(super::retry_delay(2), 120);
        assert_eq!(super::retry_delay(7), 3600);
        assert_eq!(super::retry_delay(60), 3600);
        let total: i64 = (1..super::MAX_ATTEMPTS).map(super::retry_delay).sum();
        assert!((40 * 3600..56 * 3600).contains(&total), "{total}");
    }
}
