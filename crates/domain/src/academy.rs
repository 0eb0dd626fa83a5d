//! Academy rules: seats, the waiting list, enrolling and cancelling, stopping as a
//! participant, attendance, and the participant's page.

use zelfregie_model::academy::{
    AcademyPage, Enrolment, EnrolmentState, ManagerNotice, Participant, RosterEntry, Training,
};
use zelfregie_model::ErrorCode;

use crate::auth::throttle::{self, Limit};
use crate::documents::Document;
use crate::error::Error;
use crate::services::Services;
use crate::store::{academy, now, to_datetime, Store, Tx};

/// The catalogue: trainings that have not started, soonest first, with seats left.
pub async fn catalogue(store: &Store) -> Result<Vec<Training>, Error> {
    let rows = academy::upcoming(store.pool(), now()).await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let t = row.training;
            Training {
                id: t.id,
                title: t.title,
                description: t.description,
                audience: t.audience,
                function_levels: crate::catalogue::levels(&t.function_levels),
                location: t.location,
                online: t.online != 0,
                starts_at: to_datetime(t.starts_at),
                sessions: u32::try_from(t.sessions).unwrap_or(1),
                capacity: u32::try_from(t.capacity).unwrap_or(0),
                seats_left: u32::try_from((t.capacity - row.taken).max(0)).unwrap_or(0),
            }
        })
        .collect())
}

/// Gives free seats to the waiting list, first come first served.
pub async fn promote(tx: &mut Tx, training_id: i64) -> Result<(), Error> {
    let Some((_, capacity)) = academy::training(&mut **tx, training_id).await? else { return Ok(()) };
    let free = capacity - academy::seats_taken(&mut **tx, training_id).await?;
    if free > 0 {
        academy::promote(&mut **tx, training_id, free, now()).await?;
    }
    Ok(())
}

/// Enrols in a training: a seat when there is one, the waiting list otherwise.
pub async fn enrol(store: &Store, account_id: i64, training_id: i64) -> Result<(), Error> {
    if !Document::Participant.exists(store, account_id).await? {
        return Err(Error::code(ErrorCode::NotAParticipant));
    }
    let mut tx = store.begin_exclusive().await?;
    let Some((starts_at, capacity)) = academy::training(&mut *tx, training_id).await? else {
        return Err(Error::code(ErrorCode::NotFound));
    };
    if academy::cancelled_at(&mut *tx, training_id).await?.flatten().is_some() {
        return Err(Error::code(ErrorCode::TrainingCancelled));
    }
    if starts_at <= now() {
        return Err(Error::code(ErrorCode::TrainingStarted));
    }
    let existing = academy::enrolment(&mut *tx, training_id, account_id).await?;
    if existing.and_then(|(s, _)| EnrolmentState::parse(&s)).is_some_and(|e| e != EnrolmentState::Cancelled) {
        // (A training the academy cancelled was refused above.)
        return Err(Error::code(ErrorCode::AlreadyEnrolled));
    }
    let state = if academy::seats_taken(&mut *tx, training_id).await? < capacity {
        EnrolmentState::Enrolled
    } else {
        EnrolmentState::Waitlisted
    };
    academy::enrol(&mut *tx, training_id, account_id, state.as_str(), now()).await?;
    tx.commit().await?;
    Ok(())
}

/// Cancels an enrolment before the training starts; a freed seat goes to the waiting list.
pub async fn cancel(store: &Store, account_id: i64, training_id: i64) -> Result<(), Error> {
    let mut tx = store.begin_exclusive().await?;
    let row = academy::enrolment(&mut *tx, training_id, account_id).await?;
    let Some((current, starts_at)) =
        row.filter(|(st, _)| EnrolmentState::parse(st).is_some_and(EnrolmentState::is_current))
    else {
        return Err(Error::code(ErrorCode::NotFound));
    };
    if starts_at <= now() {
        return Err(Error::code(ErrorCode::TrainingStarted));
    }
    academy::set_state(&mut *tx, training_id, account_id, EnrolmentState::Cancelled.as_str(), now()).await?;
    if current == EnrolmentState::Enrolled.as_str() {
        promote(&mut tx, training_id).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Stops being a participant, which withdraws the consent the academy runs on: everything
/// of the academy goes in one transaction — the registration, the manager's notice, and
/// every enrolment, upcoming (its seat goes to the waiting list) and followed. There is no
/// other basis to keep a training history on (docs/security.md "Retention"); the person's
/// export has it, and the stop dialog says so first.
pub async fn stop(store: &Store, account_id: i64) -> Result<(), Error> {
    let mut tx = store.begin_exclusive().await?;
    let freed = academy::cancel_upcoming(&mut *tx, account_id, now()).await?;
    let deleted = academy::delete_enrolments(&mut *tx, account_id).await?;
    for training in freed {
        promote(&mut tx, training).await?;
    }
    Document::Participant.delete(&mut tx, account_id).await?;
    academy::forget_manager_notice(&mut *tx, account_id).await?;
    tx.commit().await?;
    store.checkpoint().await;
    tracing::info!(account_id, enrolments = deleted, "stopped as course participant; academy data deleted");
    Ok(())
}

/// Academy staff: who is on a training.
pub async fn roster(store: &Store, training_id: i64) -> Result<Vec<RosterEntry>, Error> {
    let rows = academy::roster(store.pool(), training_id).await?;
    // Each participant on the list sees it in their disclosure log.
    let people: Vec<i64> = rows.iter().map(|r| r.account_id).collect();
    crate::candidates::log_staff_access(
        store,
        zelfregie_model::Role::AcademyStaff,
        zelfregie_model::DisclosureKind::AcademyRoster,
        &people,
    )
    .await?;
    rows.into_iter()
        .map(|r| {
            let p: Participant = r.data.and_then(|d| serde_json::from_str(&d).ok()).unwrap_or_default();
            Ok(RosterEntry {
                enrolment_id: r.id,
                name: p.full_name(),
                email: r.email,
                employer: p.employer,
                state: EnrolmentState::parse(&r.state).ok_or_else(|| anyhow::anyhow!("stored enrolment state"))?,
            })
        })
        .collect()
}

/// Academy staff record attendance on an enrolment that had a seat.
pub async fn record_attendance(store: &Store, enrolment_id: i64, state: EnrolmentState) -> Result<(), Error> {
    if !EnrolmentState::RECORDED.contains(&state) {
        return Err(Error::validation(vec![zelfregie_model::FieldError::new("state", ErrorCode::OutOfRange)]));
    }
    if academy::record_attendance(store.pool(), enrolment_id, state.as_str(), now()).await? {
        Ok(())
    } else {
        Err(Error::code(ErrorCode::NotFound))
    }
}

/// The participant's own page.
pub async fn page(store: &Store, account_id: i64) -> Result<AcademyPage, Error> {
    let participant = if Document::Participant.exists(store, account_id).await? {
        Some(Document::Participant.load::<Participant>(store, account_id).await?.0)
    } else {
        None
    };
    let enrolments = academy::enrolments_of(store.pool(), account_id)
        .await?
        .into_iter()
        .map(|e| {
            let state = EnrolmentState::parse(&e.state).ok_or_else(|| anyhow::anyhow!("stored enrolment state"))?;
            Ok(Enrolment {
                training_id: e.training_id,
                title: e.title,
                starts_at: to_datetime(e.starts_at),
                state,
                waitlist_position: (state == EnrolmentState::Waitlisted)
                    .then(|| u32::try_from(e.position).unwrap_or(0)),
                updated_at: to_datetime(e.updated_at),
            })
        })
        .collect::<Result<_, Error>>()?;
    let manager_notice = academy::manager_notice(store.pool(), account_id).await?.map(|(name, email, at)| {
        ManagerNotice { manager_name: name, manager_email: email, notified_at: to_datetime(at) }
    });
    Ok(AcademyPage { participant, enrolments, manager_notice })
}

/// New managers one participant can have told in 24 hours. Each new address gets a mail with
/// the participant's words in it; without a limit, the portal mailed anyone whatever a
/// participant typed (12 saves in 1.1 s sent 12 mails, issue 24). Correcting a typo or
/// changing jobs stays well within it.
pub const MANAGER_NOTICES: Limit = Limit::count(5, 24 * 3600);

/// Saves the participant's registration made from version `expected` (already normalised
/// and valid); answers the new version. A new manager is counted first and told after.
pub async fn save_participant(state: &Services, account_id: i64, expected: i64, p: &Participant) -> Result<i64, Error> {
    count_manager_notice(state, account_id, p).await?;
    let version = Document::Participant.save(&state.db, account_id, expected, p).await?;
    tell_manager(state, account_id, p).await?;
    Ok(version)
}

/// Before a save that names a manager not told yet: counts the notice it will send against
/// the participant's [`MANAGER_NOTICES`]; over the limit, `429 too_many_attempts` and the
/// save does not happen (nothing saved, nobody mailed). Saving the same manager again, or
/// none, counts nothing.
pub async fn count_manager_notice(state: &Services, account_id: i64, p: &Participant) -> Result<(), Error> {
    if p.manager_email.is_empty() {
        return Ok(());
    }
    let told = academy::manager_notice(state.db.pool(), account_id).await?.map(|(_, email, _)| email);
    if told.as_deref() == Some(p.manager_email.as_str()) {
        return Ok(());
    }
    let key = state.throttle.key("manager-notice", &account_id.to_string());
    throttle::attempt(&state.db, &state.clock, &key, MANAGER_NOTICES).await
}

/// Tells the manager a participant named (docs/security.md "Managers are told"): their name
/// and address came from the participant, not from them, so they get a mail saying what was
/// recorded, by whom, why, and where to ask. Once per change of manager: saving the same
/// manager again mails nothing (one conditional statement decides). No manager any more
/// forgets the last one. The mail holds no link that acts, so a mail scanner changes nothing.
/// A failed mail is logged and forgotten, so the next save tries again; the save stands.
pub async fn tell_manager(state: &Services, account_id: i64, p: &Participant) -> Result<(), Error> {
    let db = state.db.pool();
    if p.manager_email.is_empty() {
        academy::forget_manager_notice(db, account_id).await?;
        return Ok(());
    }
    if !academy::claim_manager_notice(db, account_id, &p.manager_email, &p.manager_name, now()).await? {
        return Ok(());
    }
    let mail = state.letterhead().manager_named(account_id, p);
    if let Err(e) = state.mailer.send(mail).await {
        tracing::error!(error = %e, account_id, "mailing the named manager failed; the next save tries again");
        academy::forget_manager_notice(db, account_id).await?;
    } else {
        tracing::info!(account_id, "named manager told");
    }
    Ok(())
}
