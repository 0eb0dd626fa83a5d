//! The demo's mail folder as the database knows it (docs/storage.md "The demo's mail
//! folder"): one row per `.eml` file, naming the account the mail concerns or the
//! registration link it carries. Only the file's name is kept, never an address.

use super::Db;

/// Records a file about to be written. Fails (foreign key) when the account is gone.
pub async fn insert<'c>(
    db: impl Db<'c>,
    name: &str,
    account_id: Option<i64>,
    registration: Option<&[u8]>,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO mail_files (name, account_id, registration, written_at) VALUES ($1, $2, $3, $4)")
        .bind(name)
        .bind(account_id)
        .bind(registration)
        .bind(now)
        .execute(db)
        .await?;
    Ok(())
}

/// Forgets the file `name` (it could not be written).
pub async fn delete<'c>(db: impl Db<'c>, name: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM mail_files WHERE name = $1").bind(name).execute(db).await?;
    Ok(())
}

/// Whether the file `name` is still accounted for.
pub async fn exists<'c>(db: impl Db<'c>, name: &str) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM mail_files WHERE name = $1").bind(name).fetch_one(db).await?;
    Ok(n > 0)
}

/// Every file name accounted for.
pub async fn names<'c>(db: impl Db<'c>) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar("SELECT name FROM mail_files").fetch_all(db).await
}

/// The mails of a registration link (`token_hash`) and of every other pending registration
/// of `email` now concern the new account: they go when it is erased.
pub async fn attach_registration<'c>(
    db: impl Db<'c>,
    account_id: i64,
    token_hash: &[u8],
    email: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE mail_files SET account_id = $1, registration = NULL
         WHERE account_id IS NULL AND (registration = $2
               OR registration IN (SELECT token_hash FROM pending_registrations WHERE email = $3))",
    )
    .bind(account_id)
    .bind(token_hash)
    .bind(email)
    .execute(db)
    .await?;
    Ok(())
}

/// The mail of an invitation link (`token_hash`) now concerns the account it made.
pub async fn attach_invitation<'c>(db: impl Db<'c>, account_id: i64, token_hash: &[u8]) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE mail_files SET account_id = $1, registration = NULL WHERE account_id IS NULL AND registration = $2",
    )
    .bind(account_id)
    .bind(token_hash)
    .execute(db)
    .await?;
    Ok(())
}

/// Forgets the mails of registration and invitation links that are gone (expired and
/// purged): no account came of them.
pub async fn forget_lapsed<'c>(db: impl Db<'c>) -> sqlx::Result<u64> {
    Ok(sqlx::query(
        "DELETE FROM mail_files WHERE account_id IS NULL
         AND NOT EXISTS (SELECT 1 FROM pending_registrations p WHERE p.token_hash = mail_files.registration)
         AND NOT EXISTS (SELECT 1 FROM invitations i WHERE i.token_hash = mail_files.registration)",
    )
    .execute(db)
    .await?
    .rows_affected())
}
