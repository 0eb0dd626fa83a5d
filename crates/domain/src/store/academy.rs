//! The academy: trainings, seats, the waiting list and attendance.

use sqlx::any::AnyArguments;
use sqlx::query::Query;
use sqlx::{Any, FromRow, Row};

use super::Db;

/// The columns of a training both the catalogue and academy staff read.
#[derive(FromRow)]
pub struct TrainingFields {
    /// Id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// For whom.
    pub audience: String,
    /// Function levels, comma-separated wire names.
    pub function_levels: String,
    /// Where.
    pub location: String,
    /// 1 when online.
    pub online: i64,
    /// Start (Unix seconds).
    pub starts_at: i64,
    /// Number of sessions.
    pub sessions: i64,
    /// Seats.
    pub capacity: i64,
}

/// [`TrainingFields`] in a query on `trainings t`.
const TRAINING_FIELDS: &str =
    "t.id, t.title, t.description, t.audience, t.function_levels, t.location, t.online, t.starts_at, t.sessions, t.capacity";

/// A training with the seats taken.
#[derive(FromRow)]
pub struct TrainingRow {
    /// The training.
    #[sqlx(flatten)]
    pub training: TrainingFields,
    /// Seats taken.
    pub taken: i64,
}

/// Trainings that start after `now` and were not cancelled, soonest first.
pub async fn upcoming<'c>(db: impl Db<'c>, now: i64) -> sqlx::Result<Vec<TrainingRow>> {
    sqlx::query_as(&format!(
        "SELECT {TRAINING_FIELDS},
                (SELECT COUNT(*) FROM enrolments e WHERE e.training_id = t.id AND e.state = 'enrolled') AS taken
         FROM trainings t WHERE t.starts_at > $1 AND t.cancelled_at IS NULL ORDER BY t.starts_at, t.id"
    ))
    .bind(now)
    .fetch_all(db)
    .await
}

/// A new training (demo, or academy staff), or a training's new content.
pub struct NewTraining<'a> {
    /// Title.
    pub title: &'a str,
    /// Description.
    pub description: &'a str,
    /// For whom.
    pub audience: &'a str,
    /// Function levels, comma-separated wire names.
    pub function_levels: &'a str,
    /// Where.
    pub location: &'a str,
    /// Online.
    pub online: bool,
    /// Start.
    pub starts_at: i64,
    /// Sessions.
    pub sessions: i64,
    /// Seats.
    pub capacity: i64,
}

/// Binds a training's content as `$1` to `$9`: title, description, audience, location,
/// online, start, sessions, seats, function levels.
fn bind_content<'q>(query: Query<'q, Any, AnyArguments<'q>>, t: &NewTraining<'q>) -> Query<'q, Any, AnyArguments<'q>> {
    query
        .bind(t.title)
        .bind(t.description)
        .bind(t.audience)
        .bind(t.location)
        .bind(i64::from(t.online))
        .bind(t.starts_at)
        .bind(t.sessions)
        .bind(t.capacity)
        .bind(t.function_levels)
}

/// Adds a training; returns its id.
pub async fn insert_training<'c>(db: impl Db<'c>, t: &NewTraining<'_>) -> sqlx::Result<i64> {
    let query = sqlx::query(
        "INSERT INTO trainings (title, description, audience, location, online, starts_at, sessions, capacity, function_levels)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    );
    bind_content(query, t).fetch_one(db).await?.try_get(0)
}

/// (start, seats) of a training.
pub async fn training<'c>(db: impl Db<'c>, id: i64) -> sqlx::Result<Option<(i64, i64)>> {
    sqlx::query_as("SELECT starts_at, capacity FROM trainings WHERE id = $1").bind(id).fetch_optional(db).await
}

/// When the academy cancelled a training (`Some(None)`: it goes ahead; `None`: no such training).
pub async fn cancelled_at<'c>(db: impl Db<'c>, id: i64) -> sqlx::Result<Option<Option<i64>>> {
    sqlx::query_scalar("SELECT cancelled_at FROM trainings WHERE id = $1").bind(id).fetch_optional(db).await
}

/// Seats taken on a training.
pub async fn seats_taken<'c>(db: impl Db<'c>, training_id: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM enrolments WHERE training_id = $1 AND state = 'enrolled'")
        .bind(training_id)
        .fetch_one(db)
        .await
}

/// Gives up to `free` seats to the waiting list, first come first served.
pub async fn promote<'c>(db: impl Db<'c>, training_id: i64, free: i64, now: i64) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE enrolments SET state = 'enrolled', updated_at = $1 WHERE id IN
           (SELECT id FROM enrolments WHERE training_id = $2 AND state = 'waitlisted' ORDER BY queued_at, id LIMIT $3)",
    )
    .bind(now)
    .bind(training_id)
    .bind(free)
    .execute(db)
    .await?;
    Ok(())
}

/// The state of a person's enrolment and the training's start.
pub async fn enrolment<'c>(db: impl Db<'c>, training_id: i64, account_id: i64) -> sqlx::Result<Option<(String, i64)>> {
    sqlx::query_as(
        "SELECT e.state, t.starts_at FROM enrolments e JOIN trainings t ON t.id = e.training_id
         WHERE e.training_id = $1 AND e.account_id = $2",
    )
    .bind(training_id)
    .bind(account_id)
    .fetch_optional(db)
    .await
}

/// Enrols (or queues) a person, also again after a cancellation.
pub async fn enrol<'c>(db: impl Db<'c>, training_id: i64, account_id: i64, state: &str, now: i64) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO enrolments (training_id, account_id, state, created_at, updated_at, queued_at) VALUES ($1, $2, $3, $4, $4, $4)
         ON CONFLICT (training_id, account_id) DO UPDATE SET state = $3, updated_at = $4, queued_at = $4",
    )
    .bind(training_id)
    .bind(account_id)
    .bind(state)
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}

/// Sets a person's enrolment's state.
pub async fn set_state<'c>(
    db: impl Db<'c>,
    training_id: i64,
    account_id: i64,
    state: &str,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE enrolments SET state = $1, updated_at = $2 WHERE training_id = $3 AND account_id = $4")
        .bind(state)
        .bind(now)
        .bind(training_id)
        .bind(account_id)
        .execute(db)
        .await?;
    Ok(())
}

/// Cancels a person's enrolments for trainings that start after `now`; returns the
/// trainings whose seats were freed.
pub async fn cancel_upcoming<'c>(db: impl Db<'c>, account_id: i64, now: i64) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar(
        "UPDATE enrolments SET state = 'cancelled', updated_at = $1
         WHERE account_id = $2 AND state IN ('enrolled', 'waitlisted')
           AND training_id IN (SELECT id FROM trainings WHERE starts_at > $1)
         RETURNING training_id",
    )
    .bind(now)
    .bind(account_id)
    .fetch_all(db)
    .await
}

/// Deletes every enrolment of the person, followed or not (stopping as participant):
/// how many.
pub async fn delete_enrolments<'c>(db: impl Db<'c>, account_id: i64) -> sqlx::Result<u64> {
    Ok(sqlx::query("DELETE FROM enrolments WHERE account_id = $1").bind(account_id).execute(db).await?.rows_affected())
}

/// Trainings on which the person holds a seat.
pub async fn seats_of<'c>(db: impl Db<'c>, account_id: i64) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar("SELECT training_id FROM enrolments WHERE account_id = $1 AND state = 'enrolled'")
        .bind(account_id)
        .fetch_all(db)
        .await
}

/// A person's enrolment as their page shows it.
#[derive(FromRow)]
pub struct EnrolmentRow {
    /// The training.
    pub training_id: i64,
    /// Its title.
    pub title: String,
    /// Its start.
    pub starts_at: i64,
    /// Stored state.
    pub state: String,
    /// Last change.
    pub updated_at: i64,
    /// Place on the waiting list (counting this one).
    pub position: i64,
}

/// Every enrolment of a person, newest training first.
pub async fn enrolments_of<'c>(db: impl Db<'c>, account_id: i64) -> sqlx::Result<Vec<EnrolmentRow>> {
    sqlx::query_as(
        "SELECT t.id AS training_id, t.title, t.starts_at, e.state, e.updated_at,
                (SELECT COUNT(*) FROM enrolments w WHERE w.training_id = e.training_id AND w.state = 'waitlisted'
                   AND (w.queued_at < e.queued_at OR (w.queued_at = e.queued_at AND w.id <= e.id))) AS position
         FROM enrolments e JOIN trainings t ON t.id = e.training_id
         WHERE e.account_id = $1 ORDER BY t.starts_at DESC, t.id DESC",
    )
    .bind(account_id)
    .fetch_all(db)
    .await
}

/// One person on a training's roster.
#[derive(FromRow)]
pub struct RosterRow {
    /// The enrolment.
    pub id: i64,
    /// Stored state.
    pub state: String,
    /// The person's address.
    pub email: String,
    /// The academy registration (JSON), if any.
    pub data: Option<String>,
    /// The person's account (not sent: for the disclosure log).
    pub account_id: i64,
}

/// Who is on a training, in the order they enrolled.
pub async fn roster<'c>(db: impl Db<'c>, training_id: i64) -> sqlx::Result<Vec<RosterRow>> {
    sqlx::query_as(
        "SELECT e.id, e.state, a.email, p.data, e.account_id FROM enrolments e JOIN accounts a ON a.id = e.account_id
         LEFT JOIN participants p ON p.account_id = e.account_id
         WHERE e.training_id = $1 ORDER BY e.queued_at, e.id",
    )
    .bind(training_id)
    .fetch_all(db)
    .await
}

/// Records attendance on an enrolment that had a seat; returns whether it did.
pub async fn record_attendance<'c>(db: impl Db<'c>, enrolment_id: i64, state: &str, now: i64) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE enrolments SET state = $1, updated_at = $2 WHERE id = $3 AND state IN ('enrolled', 'attended', 'completed', 'no_show')",
    )
    .bind(state)
    .bind(now)
    .bind(enrolment_id)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Claims telling `manager_email` (named by `account_id`): records it and returns `true` only
/// when it is another address than the one last told, in one statement, so of repeated or
/// simultaneous saves of the same manager exactly one mails.
pub async fn claim_manager_notice<'c>(
    db: impl Db<'c>,
    account_id: i64,
    manager_email: &str,
    manager_name: &str,
    now: i64,
) -> sqlx::Result<bool> {
    let row: Option<(i64,)> = sqlx::query_as(
        "INSERT INTO manager_notices (account_id, manager_email, manager_name, notified_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (account_id) DO UPDATE
         SET manager_email = excluded.manager_email, manager_name = excluded.manager_name, notified_at = excluded.notified_at
         WHERE manager_notices.manager_email <> excluded.manager_email
         RETURNING account_id",
    )
    .bind(account_id)
    .bind(manager_email)
    .bind(manager_name)
    .bind(now)
    .fetch_optional(db)
    .await?;
    Ok(row.is_some())
}

/// Forgets the manager told (no manager any more, stopped as participant, or the mail failed
/// and the next save should try again).
pub async fn forget_manager_notice<'c>(db: impl Db<'c>, account_id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM manager_notices WHERE account_id = $1").bind(account_id).execute(db).await?;
    Ok(())
}

/// The manager last told: (name, address, when).
pub async fn manager_notice<'c>(db: impl Db<'c>, account_id: i64) -> sqlx::Result<Option<(String, String, i64)>> {
    sqlx::query_as("SELECT manager_name, manager_email, notified_at FROM manager_notices WHERE account_id = $1")
        .bind(account_id)
        .fetch_optional(db)
        .await
}

/// A training as academy staff see it.
#[derive(FromRow)]
pub struct StaffTrainingRow {
    /// The training.
    #[sqlx(flatten)]
    pub training: TrainingFields,
    /// When the academy cancelled it.
    pub cancelled_at: Option<i64>,
    /// Version.
    pub version: i64,
    /// Seats taken.
    pub enrolled: i64,
    /// On the waiting list.
    pub waitlisted: i64,
}

fn staff_training_query() -> String {
    format!(
        "SELECT {TRAINING_FIELDS}, t.cancelled_at, t.version,
        (SELECT COUNT(*) FROM enrolments e WHERE e.training_id = t.id AND e.state = 'enrolled') AS enrolled,
        (SELECT COUNT(*) FROM enrolments e WHERE e.training_id = t.id AND e.state = 'waitlisted') AS waitlisted
     FROM trainings t"
    )
}

/// Every training, newest start first, with its counts.
pub async fn all_for_staff<'c>(db: impl Db<'c>) -> sqlx::Result<Vec<StaffTrainingRow>> {
    sqlx::query_as(&format!("{} ORDER BY t.starts_at DESC, t.id DESC", staff_training_query())).fetch_all(db).await
}

/// One training with its counts.
pub async fn for_staff<'c>(db: impl Db<'c>, id: i64) -> sqlx::Result<Option<StaffTrainingRow>> {
    sqlx::query_as(&format!("{} WHERE t.id = $1", staff_training_query())).bind(id).fetch_optional(db).await
}

/// Replaces a training's content if its version is still `expected` and it was not
/// cancelled; returns whether it did.
pub async fn update_training<'c>(db: impl Db<'c>, id: i64, expected: i64, t: &NewTraining<'_>) -> sqlx::Result<bool> {
    let query = sqlx::query(
        "UPDATE trainings SET title = $1, description = $2, audience = $3, location = $4, online = $5, starts_at = $6,
                sessions = $7, capacity = $8, function_levels = $9, version = version + 1
         WHERE id = $10 AND version = $11 AND cancelled_at IS NULL",
    );
    let done = bind_content(query, t).bind(id).bind(expected).execute(db).await?;
    Ok(done.rows_affected() == 1)
}

/// Marks a training cancelled (once); returns whether it did.
pub async fn cancel_training<'c>(db: impl Db<'c>, id: i64, now: i64) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE trainings SET cancelled_at = $1, version = version + 1 WHERE id = $2 AND cancelled_at IS NULL",
    )
    .bind(now)
    .bind(id)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Every seat and place on the waiting list of a training becomes "cancelled by the
/// academy"; returns the accounts and addresses of the people concerned.
pub async fn cancel_enrolments_of<'c>(db: impl Db<'c>, training_id: i64, now: i64) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar(
        "UPDATE enrolments SET state = 'cancelled_by_academy', updated_at = $1
         WHERE training_id = $2 AND state IN ('enrolled', 'waitlisted') RETURNING account_id",
    )
    .bind(now)
    .bind(training_id)
    .fetch_all(db)
    .await
}

/// The address of an account.
pub async fn email_of<'c>(db: impl Db<'c>, account_id: i64) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("SELECT email FROM accounts WHERE id = $1").bind(account_id).fetch_optional(db).await
}
