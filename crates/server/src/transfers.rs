//! Transfers: an export the person encrypted in the browser to an organisation's age key,
//! kept until the organisation fetches it once by its link, the person revokes it, or it
//! expires. The server checks that it holds an age file, never what is inside.

use std::path::Path;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use sqlx::SqlitePool;
use zelfregie_model::transfer::{
    PartnerKey, Transfer, TransferCreated, TransferLink, TransferStatus, TransferTarget, MAX_WAITING_TRANSFERS,
};
use zelfregie_model::{ErrorCode, Partner};

use crate::auth::session::hash_token;
use crate::db::{now, to_datetime};
use crate::error::AppError;
use crate::state::AppState;

/// The page the one-time links open (`?token=…`): it says what the file is, and only its
/// button fetches it, so link checkers and mail scanners use nothing up.
pub const LINK_PAGE: &str = "/overdracht";

/// The partners that published an age key.
pub async fn partner_keys(db: &SqlitePool) -> Result<Vec<PartnerKey>, AppError> {
    let rows: Vec<(String, String, String)> =
        sqlx::query_as("SELECT slug, name, age_recipient FROM partners WHERE age_recipient IS NOT NULL ORDER BY id")
            .fetch_all(db)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(slug, name, recipient)| PartnerKey { partner: Partner { slug, name }, recipient })
        .collect())
}

/// Stores an uploaded age file for `target`; returns the transfer and its one-time link.
pub async fn create(
    state: &AppState,
    account_id: i64,
    target: &TransferTarget,
    file: &[u8],
) -> Result<TransferCreated, AppError> {
    // Plaintext, truncated files and other formats are refused before anything is stored, and
    // so is a passphrase file: the organisation could not open it with its key.
    if zelfregie_crypto::inspect(file).map_err(AppError::code)?.passphrase {
        return Err(AppError::code(ErrorCode::TransferNeedsKey));
    }
    let (partner_id, recipient) = match (&target.partner, &target.recipient) {
        (Some(slug), None) => {
            let row: Option<(i64, Option<String>)> =
                sqlx::query_as("SELECT id, age_recipient FROM partners WHERE slug = ?")
                    .bind(slug)
                    .fetch_optional(&state.db)
                    .await?;
            match row {
                Some((id, Some(key))) => (Some(id), key),
                _ => return Err(AppError::code(ErrorCode::UnknownPartner)),
            }
        }
        (None, Some(key)) => {
            let key = zelfregie_crypto::parse_recipient(key).map_err(AppError::code)?.to_string();
            (None, key)
        }
        _ => return Err(AppError::code(ErrorCode::MalformedRequest)),
    };
    sweep(&state.db).await?;

    let mut raw = [0u8; 32];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut raw);
    let token = URL_SAFE_NO_PAD.encode(raw);
    let created = now();
    let expires = created + state.transfers.ttl_secs;
    let mut tx = crate::db::begin_immediate(&state.db).await?;
    let (waiting,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM transfers WHERE account_id = ? AND status = 'waiting'")
            .bind(account_id)
            .fetch_one(&mut *tx)
            .await?;
    if usize::try_from(waiting).unwrap_or(usize::MAX) >= MAX_WAITING_TRANSFERS {
        return Err(AppError::code(ErrorCode::TooMany));
    }
    // The daily allowance counts every upload of the last 24 hours, fetched or not, and is
    // checked under the write lock: parallel uploads cannot pass it together.
    if uploaded_today(&mut *tx, account_id, created).await?.saturating_add(file.len() as u64)
        > state.transfers.daily_bytes
    {
        return Err(AppError::code(ErrorCode::QuotaExceeded));
    }
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO transfers (account_id, partner_id, recipient, size, ciphertext, token_hash, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(account_id)
    .bind(partner_id)
    .bind(&recipient)
    .bind(i64::try_from(file.len()).unwrap_or(i64::MAX))
    .bind(file)
    .bind(hash_token(&token))
    .bind(created)
    .bind(expires)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    tracing::info!(account_id, transfer_id = id, size = file.len(), "transfer stored");
    let transfer = query(&state.db, account_id, Some(id)).await?.pop().ok_or(AppError::code(ErrorCode::Internal))?;
    Ok(TransferCreated { transfer, link: format!("{}{LINK_PAGE}?token={token}", state.public_url) })
}

/// Bytes `account_id` uploaded in the 24 hours before `at`.
pub async fn uploaded_today(db: impl sqlx::SqliteExecutor<'_>, account_id: i64, at: i64) -> Result<u64, AppError> {
    let (bytes,): (i64,) =
        sqlx::query_as("SELECT coalesce(sum(size), 0) FROM transfers WHERE account_id = ? AND created_at > ?")
            .bind(account_id)
            .bind(at - 86_400)
            .fetch_one(db)
            .await?;
    Ok(u64::try_from(bytes).unwrap_or(0))
}

/// The person's transfers, newest first.
pub async fn list(db: impl sqlx::SqliteExecutor<'_>, account_id: i64) -> Result<Vec<Transfer>, AppError> {
    query(db, account_id, None).await
}

/// The person's transfers, or only transfer `id` of theirs.
async fn query(db: impl sqlx::SqliteExecutor<'_>, account_id: i64, id: Option<i64>) -> Result<Vec<Transfer>, AppError> {
    type Row = (i64, Option<String>, Option<String>, String, i64, String, i64, i64, Option<i64>);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT t.id, p.slug, p.name, t.recipient, t.size, t.status, t.created_at, t.expires_at, t.ended_at
         FROM transfers t LEFT JOIN partners p ON p.id = t.partner_id WHERE t.account_id = ?1 AND (?2 IS NULL OR t.id = ?2) ORDER BY t.id DESC",
    )
    .bind(account_id)
    .bind(id)
    .fetch_all(db)
    .await?;
    let at = now();
    Ok(rows
        .into_iter()
        .map(|(id, slug, name, recipient, size, status, created, expires, ended)| {
            let status = status_at(&status, expires, at);
            // Past its time but not swept yet: it ended when it expired.
            let ended = ended.or((status == TransferStatus::Expired).then_some(expires)).map(to_datetime);
            Transfer {
                id,
                partner: slug.zip(name).map(|(slug, name)| Partner { slug, name }),
                recipient,
                size: u64::try_from(size).unwrap_or(0),
                status,
                created_at: to_datetime(created),
                expires_at: to_datetime(expires),
                ended_at: ended,
            }
        })
        .collect())
}

/// The status of a transfer stored as `stored` at time `at`: a waiting one past its time is
/// expired whether or not the sweep has deleted its file yet (listing and fetching agree).
fn status_at(stored: &str, expires: i64, at: i64) -> TransferStatus {
    match stored {
        "fetched" => TransferStatus::Fetched,
        "revoked" => TransferStatus::Revoked,
        "waiting" if expires > at => TransferStatus::Waiting,
        _ => TransferStatus::Expired,
    }
}

/// Revokes a waiting transfer of the person: the file is deleted at once.
pub async fn revoke(db: &SqlitePool, account_id: i64, id: i64) -> Result<(), AppError> {
    let done = sqlx::query(
        "UPDATE transfers SET status = 'revoked', ciphertext = NULL, ended_at = ?
         WHERE id = ? AND account_id = ? AND status = 'waiting'",
    )
    .bind(now())
    .bind(id)
    .bind(account_id)
    .execute(db)
    .await?;
    if done.rows_affected() == 1 {
        crate::db::checkpoint(db).await;
        tracing::info!(account_id, transfer_id = id, "transfer revoked");
        return Ok(());
    }
    let exists: Option<(i64,)> = sqlx::query_as("SELECT id FROM transfers WHERE id = ? AND account_id = ?")
        .bind(id)
        .bind(account_id)
        .fetch_optional(db)
        .await?;
    // Someone else's transfer is as unknown as a missing one.
    Err(AppError::code(if exists.is_some() { ErrorCode::Expired } else { ErrorCode::NotFound }))
}

/// What a link's page shows: what the file is, for whom, from whom, until when. Reading it
/// changes nothing. An unknown token is `NotFound`.
pub async fn link(db: &SqlitePool, token: &str) -> Result<TransferLink, AppError> {
    type Row = (i64, Option<String>, Option<String>, String, i64, String, i64, i64, Option<i64>);
    let row: Option<Row> = sqlx::query_as(
        "SELECT t.account_id, p.slug, p.name, t.recipient, t.size, t.status, t.created_at, t.expires_at, t.ended_at
         FROM transfers t LEFT JOIN partners p ON p.id = t.partner_id WHERE t.token_hash = ?",
    )
    .bind(hash_token(token))
    .fetch_optional(db)
    .await?;
    let Some((account_id, slug, name, recipient, size, status, created, expires, ended)) = row else {
        return Err(AppError::code(ErrorCode::NotFound));
    };
    let status = status_at(&status, expires, now());
    Ok(TransferLink {
        from: crate::db::person_name(db, account_id).await?,
        partner: slug.zip(name).map(|(slug, name)| Partner { slug, name }),
        recipient,
        size: u64::try_from(size).unwrap_or(0),
        status,
        created_at: to_datetime(created),
        expires_at: to_datetime(expires),
        ended_at: ended.or((status == TransferStatus::Expired).then_some(expires)).map(to_datetime),
    })
}

/// The one-time fetch (the button on the link's page): hands out the file and deletes it in
/// one write transaction, so a link works exactly once even when two requests race. A used
/// link is `AlreadyFetched`, a revoked or expired one `Expired` (410), an unknown one `NotFound`.
pub async fn fetch(db: &SqlitePool, token: &str) -> Result<(Vec<u8>, time::OffsetDateTime), AppError> {
    let hash = hash_token(token);
    let at = now();
    let mut tx = crate::db::begin_immediate(db).await?;
    type Row = (i64, String, Option<Vec<u8>>, i64, i64);
    let row: Option<Row> =
        sqlx::query_as("SELECT id, status, ciphertext, expires_at, created_at FROM transfers WHERE token_hash = ?")
            .bind(&hash)
            .fetch_optional(&mut *tx)
            .await?;
    let Some((id, status, ciphertext, expires, created)) = row else {
        return Err(AppError::code(ErrorCode::NotFound));
    };
    let file = match (status_at(&status, expires, at), ciphertext) {
        (TransferStatus::Waiting, Some(file)) => file,
        (TransferStatus::Fetched, _) => return Err(AppError::code(ErrorCode::AlreadyFetched)),
        _ => return Err(AppError::code(ErrorCode::Expired)),
    };
    sqlx::query("UPDATE transfers SET status = 'fetched', ciphertext = NULL, ended_at = ? WHERE id = ?")
        .bind(at)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    crate::db::checkpoint(db).await;
    tracing::info!(transfer_id = id, size = file.len(), "transfer fetched");
    Ok((file, to_datetime(created)))
}

/// Deletes the files of transfers past their time.
pub async fn sweep(db: &SqlitePool) -> Result<u64, AppError> {
    let done = sqlx::query(
        "UPDATE transfers SET status = 'expired', ciphertext = NULL, ended_at = expires_at
         WHERE status = 'waiting' AND expires_at <= ?",
    )
    .bind(now())
    .execute(db)
    .await?;
    if done.rows_affected() > 0 {
        crate::db::checkpoint(db).await;
    }
    Ok(done.rows_affected())
}

/// Loads `<slug> age1…` lines (comments with `#`) and publishes the keys.
pub async fn load_partner_keys(db: &SqlitePool, file: &Path) -> anyhow::Result<usize> {
    let text = std::fs::read_to_string(file)?;
    let mut count = 0;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (slug, key) =
            line.split_once(char::is_whitespace).ok_or_else(|| anyhow::anyhow!("line {}: `<slug> age1…`", n + 1))?;
        let key =
            zelfregie_crypto::parse_recipient(key).map_err(|_| anyhow::anyhow!("line {}: not an age1 key", n + 1))?;
        let done = sqlx::query("UPDATE partners SET age_recipient = ? WHERE slug = ?")
            .bind(key.to_string())
            .bind(slug)
            .execute(db)
            .await?;
        anyhow::ensure!(done.rows_affected() == 1, "line {}: unknown partner `{slug}`", n + 1);
        count += 1;
    }
    Ok(count)
}

/// Demo mode: every partner without a published key gets a fresh key pair; the secret half
/// goes to `<dir>/<slug>.txt` (an age identity file, readable by `rage -d -i`).
pub async fn generate_demo_partner_keys(db: &SqlitePool, dir: &Path) -> anyhow::Result<usize> {
    let missing: Vec<(String, String)> =
        sqlx::query_as("SELECT slug, name FROM partners WHERE age_recipient IS NULL ORDER BY id").fetch_all(db).await?;
    if missing.is_empty() {
        return Ok(0);
    }
    std::fs::create_dir_all(dir)?;
    for (slug, name) in &missing {
        let (secret, public) = zelfregie_crypto::generate_key_pair();
        let path = dir.join(format!("{slug}.txt"));
        write_private(&path, &format!("# demo key of {name} (zelfregie --demo)\n# public key: {public}\n{secret}\n"))?;
        sqlx::query("UPDATE partners SET age_recipient = ? WHERE slug = ?")
            .bind(&public)
            .bind(slug)
            .execute(db)
            .await?;
    }
    Ok(missing.len())
}

fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)?.write_all(text.as_bytes())
}
