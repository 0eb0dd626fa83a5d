//! Academy rules on the database: seats, the waiting list, and the participant's page.

use sqlx::{Sqlite, SqlitePool, Transaction};
use zelfregie_model::academy::{AcademyPage, Enrolment, EnrolmentState, Participant, Training};

use crate::db::{now, to_datetime};
use crate::documents::Document;
use crate::error::AppError;

type TrainingRow = (i64, String, String, String, String, bool, i64, i64, i64, i64);

/// The catalogue: trainings that have not started, soonest first, with seats left.
pub async fn catalogue(db: &SqlitePool) -> Result<Vec<Training>, AppError> {
    let rows: Vec<TrainingRow> = sqlx::query_as(
        "SELECT t.id, t.title, t.description, t.audience, t.location, t.online, t.starts_at, t.sessions, t.capacity,
                (SELECT COUNT(*) FROM enrolments e WHERE e.training_id = t.id AND e.state = 'enrolled')
         FROM trainings t WHERE t.starts_at > ? ORDER BY t.starts_at, t.id",
    )
    .bind(now())
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, title, description, audience, location, online, starts_at, sessions, capacity, taken)| Training {
            id,
            title,
            description,
            audience,
            location,
            online,
            starts_at: to_datetime(starts_at),
            sessions: u32::try_from(sessions).unwrap_or(1),
            capacity: u32::try_from(capacity).unwrap_or(0),
            seats_left: u32::try_from((capacity - taken).max(0)).unwrap_or(0),
        })
        .collect())
}

/// Seats taken on a training.
pub async fn seats_taken(tx: &mut Transaction<'_, Sqlite>, training_id: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM enrolments WHERE training_id = ? AND state = 'enrolled'")
        .bind(training_id)
        .fetch_one(&mut **tx)
        .await
}

/// Gives free seats to the waiting list, first come first served.
pub async fn promote(tx: &mut Transaction<'_, Sqlite>, training_id: i64) -> sqlx::Result<()> {
    let capacity: i64 = sqlx::query_scalar("SELECT capacity FROM trainings WHERE id = ?")
        .bind(training_id)
        .fetch_one(&mut **tx)
        .await?;
    let free = capacity - seats_taken(tx, training_id).await?;
    if free > 0 {
        sqlx::query(
            "UPDATE enrolments SET state = 'enrolled', updated_at = ?1 WHERE id IN
               (SELECT id FROM enrolments WHERE training_id = ?2 AND state = 'waitlisted' ORDER BY queued_at, id LIMIT ?3)",
        )
        .bind(now())
        .bind(training_id)
        .bind(free)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// The participant's own page.
pub async fn page(db: &SqlitePool, account_id: i64) -> Result<AcademyPage, AppError> {
    let participant = if Document::Participant.exists(db, account_id).await? {
        Some(Document::Participant.load::<Participant>(db, account_id).await?.0)
    } else {
        None
    };
    let rows: Vec<(i64, String, i64, String, i64, i64)> = sqlx::query_as(
        "SELECT t.id, t.title, t.starts_at, e.state, e.updated_at,
                (SELECT COUNT(*) FROM enrolments w WHERE w.training_id = e.training_id AND w.state = 'waitlisted'
                   AND (w.queued_at < e.queued_at OR (w.queued_at = e.queued_at AND w.id <= e.id)))
         FROM enrolments e JOIN trainings t ON t.id = e.training_id
         WHERE e.account_id = ? ORDER BY t.starts_at DESC, t.id DESC",
    )
    .bind(account_id)
    .fetch_all(db)
    .await?;
    let enrolments = rows
        .into_iter()
        .map(|(training_id, title, starts_at, state, updated_at, position)| {
            let state = EnrolmentState::parse(&state).ok_or_else(|| anyhow::anyhow!("stored enrolment state"))?;
            Ok(Enrolment {
                training_id,
                title,
                starts_at: to_datetime(starts_at),
                state,
                waitlist_position: (state == EnrolmentState::Waitlisted).then(|| u32::try_from(position).unwrap_or(0)),
                updated_at: to_datetime(updated_at),
            })
        })
        .collect::<Result<_, AppError>>()?;
    Ok(AcademyPage { participant, enrolments })
}
