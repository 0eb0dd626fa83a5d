//! Transfers: an export the person encrypted in the browser to an organisation's age key,
//! kept until the organisation fetches it once by its link, the person revokes it, or it
//! expires. The server checks that it holds an age file, never what is inside.

use std::path::Path;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use zelfregie_model::transfer::{
    PartnerKey, Transfer, TransferCreated, TransferLink, TransferStatus, TransferTarget, MAX_WAITING_TRANSFERS,
};
use zelfregie_model::{ErrorCode, Partner};

use crate::auth::session::hash_token;
use crate::error::Error;
use crate::services::Services;
use crate::store::transfers::{self as rows, TransferRow};
use crate::store::{accounts, now, to_datetime, Store};
use zelfregie_model::links::Page;

/// The partners that published an age key.
pub async fn partner_keys(store: &Store) -> Result<Vec<PartnerKey>, Error> {
    Ok(accounts::published_keys(store.pool())
        .await?
        .into_iter()
        .map(|(slug, name, recipient)| PartnerKey { partner: Partner { slug, name }, recipient })
        .collect())
}

/// Stores an uploaded age file for `target`; returns the transfer and its one-time link.
pub async fn create(
    state: &Services,
    account_id: i64,
    target: &TransferTarget,
    file: &[u8],
) -> Result<TransferCreated, Error> {
    // Plaintext, truncated files and other formats are refused before anything is stored, and
    // so is a passphrase file: the organisation could not open it with its key.
    let info = zelfregie_crypto::inspect(file).map_err(Error::code)?;
    if info.passphrase {
        return Err(Error::code(ErrorCode::TransferNeedsKey));
    }
    let (partner_id, recipient) = match (&target.partner, &target.recipient) {
        (Some(slug), None) => match accounts::partner_key(state.db.pool(), slug).await? {
            Some((id, Some(key))) => (Some(id), key),
            _ => return Err(Error::code(ErrorCode::UnknownPartner)),
        },
        (None, Some(key)) => {
            let key = zelfregie_crypto::parse_recipient(key).map_err(Error::code)?.to_string();
            (None, key)
        }
        _ => return Err(Error::code(ErrorCode::MalformedRequest)),
    };
    // A file without a stanza of the key's kind (classic `X25519` or post-quantum
    // `mlkem768x25519`) was not made for this key: the organisation could never open it.
    let kind = zelfregie_crypto::parse_recipient(&recipient).map_err(Error::code)?.kind();
    if !info.has_stanza_for(kind) {
        return Err(Error::code(ErrorCode::TransferWrongKey));
    }
    sweep(&state.db).await?;

    let mut raw = [0u8; 32];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut raw);
    let token = URL_SAFE_NO_PAD.encode(raw);
    let created = now();
    let mut tx = state.db.begin_exclusive().await?;
    let waiting = rows::waiting(&mut *tx, account_id).await?;
    if usize::try_from(waiting).unwrap_or(usize::MAX) >= MAX_WAITING_TRANSFERS {
        return Err(Error::code(ErrorCode::TooMany));
    }
    // The daily allowance counts every upload of the last 24 hours, fetched or not, and is
    // checked under the write lock: parallel uploads cannot pass it together.
    let today = u64::try_from(rows::uploaded_since(&mut *tx, account_id, created - 86_400).await?).unwrap_or(0);
    if today.saturating_add(file.len() as u64) > state.transfers.daily_bytes {
        return Err(Error::code(ErrorCode::QuotaExceeded));
    }
    let new = rows::NewTransfer {
        account_id,
        partner_id,
        recipient: &recipient,
        file,
        token_hash: &hash_token(&token),
        created_at: created,
        expires_at: created + state.transfers.ttl_secs,
    };
    let id = rows::insert(&mut *tx, &new).await?;
    tx.commit().await?;
    tracing::info!(account_id, transfer_id = id, size = file.len(), "transfer stored");
    let row = rows::of_account(state.db.pool(), account_id, Some(id)).await?.pop();
    let transfer = row.map(transfer).ok_or(Error::code(ErrorCode::Internal))?;
    // The one-time link opens a page that says what the file is; only its button fetches
    // it, so link checkers and mail scanners use nothing up.
    Ok(TransferCreated { transfer, link: state.letterhead().link(Page::TransferLink, &token) })
}

/// The person's transfers, newest first.
pub async fn list(store: &Store, account_id: i64) -> Result<Vec<Transfer>, Error> {
    Ok(rows::of_account(store.pool(), account_id, None).await?.into_iter().map(transfer).collect())
}

/// A stored transfer as its maker sees it.
fn transfer(row: TransferRow) -> Transfer {
    let status = status_at(&row.status, row.expires_at, now());
    Transfer {
        id: row.id,
        partner: row.slug.zip(row.name).map(|(slug, name)| Partner { slug, name }),
        recipient: row.recipient,
        size: u64::try_from(row.size).unwrap_or(0),
        status,
        created_at: to_datetime(row.created_at),
        expires_at: to_datetime(row.expires_at),
        ended_at: ended_at(status, row.ended_at, row.expires_at),
    }
}

/// When a transfer ended: past its time but not swept yet, it ended when it expired.
fn ended_at(status: TransferStatus, ended: Option<i64>, expires: i64) -> Option<time::OffsetDateTime> {
    ended.or((status == TransferStatus::Expired).then_some(expires)).map(to_datetime)
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
pub async fn revoke(store: &Store, account_id: i64, id: i64) -> Result<(), Error> {
    if rows::revoke(store.pool(), account_id, id, now()).await? {
        store.checkpoint().await;
        tracing::info!(account_id, transfer_id = id, "transfer revoked");
        return Ok(());
    }
    // Someone else's transfer is as unknown as a missing one.
    let exists = rows::exists(store.pool(), account_id, id).await?;
    Err(Error::code(if exists { ErrorCode::Expired } else { ErrorCode::NotFound }))
}

/// What a link's page shows: what the file is, for whom, from whom, until when. Reading it
/// changes nothing. An unknown token is `NotFound`.
pub async fn link(store: &Store, token: &str) -> Result<TransferLink, Error> {
    let Some(row) = rows::by_token(store.pool(), &hash_token(token)).await? else {
        return Err(Error::code(ErrorCode::NotFound));
    };
    let from = crate::documents::person_name(store.pool(), row.account_id).await?;
    let Transfer { partner, recipient, size, status, created_at, expires_at, ended_at, .. } = transfer(row);
    Ok(TransferLink { from, partner, recipient, size, status, created_at, expires_at, ended_at })
}

/// The one-time fetch (the button on the link's page): hands out the file and deletes it in
/// one exclusive transaction, so a link works exactly once even when two requests race. A
/// used link is `AlreadyFetched`, a revoked or expired one `Expired` (410), an unknown one
/// `NotFound`.
pub async fn fetch(store: &Store, token: &str) -> Result<(Vec<u8>, time::OffsetDateTime), Error> {
    let at = now();
    let mut tx = store.begin_exclusive().await?;
    let Some(row) = rows::by_token(&mut *tx, &hash_token(token)).await? else {
        return Err(Error::code(ErrorCode::NotFound));
    };
    match status_at(&row.status, row.expires_at, at) {
        TransferStatus::Waiting => {}
        TransferStatus::Fetched => return Err(Error::code(ErrorCode::AlreadyFetched)),
        _ => return Err(Error::code(ErrorCode::Expired)),
    }
    let Some(file) = rows::file(&mut *tx, row.id).await? else { return Err(Error::code(ErrorCode::Expired)) };
    rows::mark_fetched(&mut *tx, row.id, at).await?;
    tx.commit().await?;
    store.checkpoint().await;
    tracing::info!(transfer_id = row.id, size = file.len(), "transfer fetched");
    Ok((file, to_datetime(row.created_at)))
}

/// Deletes the files of transfers past their time.
pub async fn sweep(store: &Store) -> Result<u64, Error> {
    let swept = rows::sweep(store.pool(), now()).await?;
    if swept > 0 {
        store.checkpoint().await;
    }
    Ok(swept)
}

/// Loads `<slug> age1…` lines (comments with `#`) and publishes the keys: classic
/// (`age1…`) or post-quantum (`age1pq1…`).
pub async fn load_partner_keys(store: &Store, file: &Path) -> anyhow::Result<usize> {
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
        match crate::admin::publish(store, now(), &crate::admin::Actor::System, slug, &key.to_string()).await {
            Ok(()) => {}
            Err(Error::Api(_)) => anyhow::bail!("line {}: unknown partner `{slug}`", n + 1),
            Err(e) => return Err(anyhow::anyhow!("{e}")),
        }
        count += 1;
    }
    Ok(count)
}

/// Demo mode: every partner without a published key gets a fresh post-quantum key pair; the
/// secret half goes to `<dir>/<slug>.txt` (an age identity file, `AGE-SECRET-KEY-PQ-1…`, that
/// typage, Go age 1.3 and the age crate 0.13 read; README "Opening a transfer").
pub async fn generate_demo_partner_keys(store: &Store, dir: &Path) -> anyhow::Result<usize> {
    let missing = accounts::partners_without_key(store.pool()).await?;
    if missing.is_empty() {
        return Ok(0);
    }
    std::fs::create_dir_all(dir)?;
    for (slug, name) in &missing {
        let (secret, public) = zelfregie_crypto::generate_key_pair();
        let path = dir.join(format!("{slug}.txt"));
        write_private(&path, &format!("# demo key of {name} (zelfregie --demo)\n# public key: {public}\n{secret}\n"))?;
        crate::admin::publish(store, now(), &crate::admin::Actor::System, slug, &public)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
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
