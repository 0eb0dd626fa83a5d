//! The catalogue as academy staff manage it (issue 21): add, change and cancel trainings, and
//! the list of every training with how many hold a seat and how many wait.
//!
//! Every change runs in an exclusive transaction, as enrolling does (`academy::enrol`): a
//! change of seats, a cancellation and enrolments take turns, so there are never more people
//! enrolled than seats, and nobody enrols in a cancelled training. Fewer seats than people
//! enrolled is refused (`seats_below_enrolled` on `capacity`); more seats go to the waiting
//! list in its order. A cancelled training stays (the participants' histories point at it):
//! each seat and place on the waiting list becomes "cancelled by the academy", and each of
//! those people gets a mail, after the change is stored.

use zelfregie_model::academy::{FunctionLevel, StaffTraining, TrainingForm};
use zelfregie_model::{ErrorCode, FieldError};

use crate::error::Error;
use crate::services::Services;
use crate::store::{academy, now, to_datetime, Store};

/// The stored form of function levels: wire names, comma-separated, in their order.
pub fn levels_text(levels: &[FunctionLevel]) -> String {
    FunctionLevel::ALL
        .into_iter()
        .filter(|l| levels.contains(l))
        .map(FunctionLevel::as_str)
        .collect::<Vec<_>>()
        .join(",")
}

/// The function levels stored as `text` (unknown names are skipped).
pub fn levels(text: &str) -> Vec<FunctionLevel> {
    FunctionLevel::ALL.into_iter().filter(|l| text.split(',').any(|n| n.trim() == l.as_str())).collect()
}

/// A training's name in its version tag (`"training-3"`), as documents have theirs.
pub const TAG: &str = "training";

fn staff_training(r: academy::StaffTrainingRow) -> StaffTraining {
    let t = r.training;
    StaffTraining {
        id: t.id,
        title: t.title,
        description: t.description,
        audience: t.audience,
        function_levels: levels(&t.function_levels),
        location: t.location,
        online: t.online != 0,
        starts_at: to_datetime(t.starts_at),
        sessions: u32::try_from(t.sessions).unwrap_or(1),
        capacity: u32::try_from(t.capacity).unwrap_or(0),
        enrolled: u32::try_from(r.enrolled).unwrap_or(0),
        waitlisted: u32::try_from(r.waitlisted).unwrap_or(0),
        cancelled_at: r.cancelled_at.map(to_datetime),
        version: r.version,
    }
}

/// Every training, newest start first, with its counts.
pub async fn list(store: &Store) -> Result<Vec<StaffTraining>, Error> {
    Ok(academy::all_for_staff(store.pool()).await?.into_iter().map(staff_training).collect())
}

/// One training with its counts; 404 when there is none.
pub async fn get(store: &Store, id: i64) -> Result<StaffTraining, Error> {
    academy::for_staff(store.pool(), id).await?.map(staff_training).ok_or_else(|| Error::code(ErrorCode::NotFound))
}

/// The form, normalised and checked (422 per field), and the start it gives.
fn checked(form: TrainingForm) -> Result<(TrainingForm, i64), Error> {
    let form = form.normalized();
    let errors = form.validate(time::OffsetDateTime::from_unix_timestamp(now()).map_err(anyhow::Error::from)?);
    if !errors.is_empty() {
        return Err(Error::validation(errors));
    }
    let starts_at = form.starts_at().ok_or_else(|| anyhow::anyhow!("validated start"))?.unix_timestamp();
    Ok((form, starts_at))
}

fn new_training<'a>(form: &'a TrainingForm, levels: &'a str, starts_at: i64) -> academy::NewTraining<'a> {
    academy::NewTraining {
        title: &form.title,
        description: &form.description,
        audience: &form.audience,
        function_levels: levels,
        location: &form.location,
        online: form.online,
        starts_at,
        sessions: i64::from(form.sessions),
        capacity: i64::from(form.capacity),
    }
}

/// Adds a training to the catalogue.
pub async fn create(store: &Store, form: TrainingForm) -> Result<StaffTraining, Error> {
    let (form, starts_at) = checked(form)?;
    let levels = levels_text(&form.function_levels);
    let id = academy::insert_training(store.pool(), &new_training(&form, &levels, starts_at)).await?;
    tracing::info!(training_id = id, "training added to the catalogue");
    get(store, id).await
}

/// Changes a training that has not started and was not cancelled, if it is still at version
/// `expected` (412 otherwise). Fewer seats than people enrolled: 422 `seats_below_enrolled`
/// on `capacity`. More seats: the waiting list moves up, first come first served.
pub async fn update(store: &Store, id: i64, expected: i64, form: TrainingForm) -> Result<StaffTraining, Error> {
    let (form, starts_at) = checked(form)?;
    let levels = levels_text(&form.function_levels);
    let mut tx = store.begin_exclusive().await?;
    let Some(current) = academy::for_staff(&mut *tx, id).await? else {
        return Err(Error::code(ErrorCode::NotFound));
    };
    if current.cancelled_at.is_some() {
        return Err(Error::code(ErrorCode::TrainingCancelled));
    }
    if current.version != expected {
        return Err(Error::code(ErrorCode::PreconditionFailed));
    }
    if current.training.starts_at <= now() {
        return Err(Error::code(ErrorCode::TrainingStarted));
    }
    if i64::from(form.capacity) < current.enrolled {
        return Err(Error::validation(vec![FieldError::new("capacity", ErrorCode::SeatsBelowEnrolled)]));
    }
    if !academy::update_training(&mut *tx, id, expected, &new_training(&form, &levels, starts_at)).await? {
        return Err(Error::code(ErrorCode::PreconditionFailed));
    }
    crate::academy::promote(&mut tx, id).await?;
    tx.commit().await?;
    tracing::info!(training_id = id, "training changed");
    get(store, id).await
}

/// Cancels a training that has not started: it stays, marked cancelled; every seat and place
/// on the waiting list becomes "cancelled by the academy", and each of those people is told
/// by mail. Returns the training and how many were told.
pub async fn cancel(state: &Services, id: i64) -> Result<(StaffTraining, u32), Error> {
    let store = &state.db;
    let mut tx = store.begin_exclusive().await?;
    let Some(current) = academy::for_staff(&mut *tx, id).await? else {
        return Err(Error::code(ErrorCode::NotFound));
    };
    if current.cancelled_at.is_some() {
        return Err(Error::code(ErrorCode::TrainingCancelled));
    }
    if current.training.starts_at <= now() {
        return Err(Error::code(ErrorCode::TrainingStarted));
    }
    academy::cancel_training(&mut *tx, id, now()).await?;
    let people = academy::cancel_enrolments_of(&mut *tx, id, now()).await?;
    tx.commit().await?;
    tracing::info!(training_id = id, people = people.len(), "training cancelled by the academy");
    let training = staff_training(current);
    let mut told = 0u32;
    for account_id in people {
        let Some(email) = academy::email_of(store.pool(), account_id).await? else { continue };
        match state
            .mailer
            .send(state.letterhead_for(account_id).await?.training_cancelled(
                &email,
                account_id,
                &training.title,
                training.starts_at,
            ))
            .await
        {
            Ok(()) => told += 1,
            Err(e) => tracing::error!(error = %e, account_id, training_id = id, "mailing a cancellation failed"),
        }
    }
    Ok((get(store, id).await?, told))
}
