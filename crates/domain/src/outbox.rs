//! Delivering consent changes to the mailing processor through
//! a transactional outbox. The change is written in the same transaction as the consent
//! event; this worker then delivers it with its idempotency key, retrying with exponential
//! backoff, until the processor confirms or the attempts run out (dead letter, logged for
//! staff). Nothing is lost when the processor is down, slow, or this process dies: a
//! restarted worker picks up every row that is not delivered.
//!
//! A person's messages go out strictly in order: a row waits while an older row of the same
//! person is still pending (in backoff or in flight), so a withdrawal is never overtaken by
//! an older subscribe. Every body carries `seq` (the row's id, never reused: higher is newer,
//! for every person) and `event_at`, so a processor can also drop a stale message itself
//! (docs/security.md "Outbox order").

use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use crate::store::{now as now_secs, outbox, Store, Tx};
use serde::Serialize;
use tokio::sync::Notify;
use zelfregie_model::newsletter::ProcessorAction;

use crate::secrets::Key;

/// How deliveries are retried.
#[derive(Clone, Copy, Debug)]
pub struct RetryPolicy {
    /// Delay before the second attempt; doubled after each failure.
    pub base_delay: Duration,
    /// Longest delay between attempts.
    pub max_delay: Duration,
    /// Attempts before the row is dead-lettered.
    pub max_attempts: u32,
    /// Time allowed for one attempt.
    pub timeout: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        // 12 attempts spread over about 9 hours.
        RetryPolicy {
            base_delay: Duration::from_secs(10),
            max_delay: Duration::from_secs(3600),
            max_attempts: 12,
            timeout: Duration::from_secs(10),
        }
    }
}

impl RetryPolicy {
    /// Delay after `attempts` failed attempts: base · 2^(attempts−1), capped, with up to 20 %
    /// jitter so a recovering processor is not hit by every row at once.
    pub fn delay(&self, attempts: u32) -> Duration {
        let exp = self.base_delay.saturating_mul(1u32 << attempts.saturating_sub(1).min(20));
        let capped = exp.min(self.max_delay);
        let jitter = rand::Rng::gen_range(&mut rand::thread_rng(), 0.0..0.2);
        capped.mul_f64(1.0 + jitter)
    }
}

/// The mailing processor.
#[derive(Clone)]
pub enum Processor {
    /// A generic HTTPS webhook: `POST url` with the JSON payload, `Idempotency-Key`, and an
    /// HMAC-SHA256 signature of the body in `X-Zelfregie-Signature`.
    Webhook {
        /// What makes the HTTP request (the server's client).
        client: Arc<dyn WebhookClient>,
        /// Endpoint.
        url: String,
        /// Signing key.
        secret: Arc<Key>,
    },
    /// Demo mode: appends each delivery to a JSON-lines file.
    File(PathBuf),
}

/// Posts a webhook's body: the one piece of HTTP the domain needs, given to it by the server
/// (`crates/server/src/webhook.rs`), so this crate carries no HTTP client.
pub trait WebhookClient: Send + Sync {
    /// `POST url` with `headers` and the JSON `body`, giving up after `timeout`; the answer's
    /// status, or why there was none (`"timeout"`, `"connection failed"`: no personal data).
    fn post<'a>(
        &'a self,
        url: &'a str,
        headers: Vec<(&'static str, String)>,
        body: String,
        timeout: Duration,
    ) -> Pin<Box<dyn Future<Output = Result<u16, String>> + Send + 'a>>;
}

/// What the processor receives: only name and e-mail (data minimisation), and for a
/// subscription the person's one-click unsubscribe link for the newsletter's headers.
#[derive(Serialize)]
pub struct Payload {
    /// Subscribe or unsubscribe.
    pub action: ProcessorAction,
    /// E-mail address.
    pub email: String,
    /// Name (may be empty).
    pub name: String,
    /// The person's unsubscribe page, for the link in every newsletter (subscriptions only):
    /// opening it changes nothing, its button unsubscribes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unsubscribe_url: Option<String>,
    /// The RFC 8058 one-click target for `List-Unsubscribe` with `List-Unsubscribe-Post:
    /// List-Unsubscribe=One-Click` (subscriptions only): mail clients POST it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unsubscribe_post_url: Option<String>,
    /// The person erased their account: delete the contact, not only unsubscribe it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub erase: bool,
}

impl Processor {
    /// Delivers one row. `Err` carries a reason without personal data.
    async fn deliver(&self, key: &str, payload: &str, timeout: Duration) -> Result<(), String> {
        match self {
            Processor::Webhook { client, url, secret } => {
                let signature = hex::encode(secret.sign(&[payload.as_bytes()]));
                let headers = vec![
                    ("content-type", "application/json".to_owned()),
                    ("idempotency-key", key.to_owned()),
                    ("x-zelfregie-signature", format!("sha256={signature}")),
                ];
                let status = client.post(url, headers, payload.to_owned(), timeout).await?;
                if (200..300).contains(&status) {
                    Ok(())
                } else {
                    Err(format!("HTTP {status}"))
                }
            }
            Processor::File(path) => {
                use tokio::io::AsyncWriteExt;
                // The demo's processor honours an erasure the way a real one must: it
                // forgets every line about the person, and keeps no trace of the notice.
                if let Some(email) = erased_email(payload) {
                    return forget_lines(path, &email).await.map_err(|e| format!("file: {}", e.kind()));
                }
                let mut file = tokio::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(path)
                    .await
                    .map_err(|e| format!("file: {}", e.kind()))?;
                let line = format!("{{\"idempotency_key\":\"{key}\",\"payload\":{payload}}}\n");
                // tokio writes in the background: done means flushed, or a reader right after
                // may find the line missing.
                file.write_all(line.as_bytes()).await.map_err(|e| format!("file: {}", e.kind()))?;
                file.flush().await.map_err(|e| format!("file: {}", e.kind()))
            }
        }
    }
}

/// The address of an erasure notice (`erase: true`), if `payload` is one.
fn erased_email(payload: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(payload).ok()?;
    (value["erase"] == true).then(|| value["email"].as_str().map(str::to_owned)).flatten()
}

/// Rewrites the deliveries file without the lines that carry `email`.
async fn forget_lines(path: &std::path::Path, email: &str) -> std::io::Result<()> {
    let text = match tokio::fs::read_to_string(path).await {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    let needle = serde_json::to_string(email).unwrap_or_default();
    let kept: String = text.lines().filter(|l| !l.contains(&needle)).map(|l| format!("{l}\n")).collect();
    let tmp = path.with_extension("jsonl.tmp");
    tokio::fs::write(&tmp, kept).await?;
    tokio::fs::rename(&tmp, path).await
}

/// The body the processor receives: the stored payload with the message's sequence number
/// and the time of the event it reports. The same bytes at every retry.
pub fn body(payload: &str, seq: i64, created_at: i64) -> String {
    let mut value: serde_json::Value = serde_json::from_str(payload).unwrap_or_else(|_| serde_json::json!({}));
    if let Some(object) = value.as_object_mut() {
        object.insert("seq".into(), seq.into());
        let at = crate::store::to_datetime(created_at)
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default();
        object.insert("event_at".into(), at.into());
    }
    value.to_string()
}

/// Erasure notices that could not be delivered keep the address for staff to act on; after
/// this many days they are deleted all the same (the register says so).
pub const DEAD_NOTICE_RETENTION_DAYS: i64 = 30;

/// Deletes dead-lettered erasure notices older than [`DEAD_NOTICE_RETENTION_DAYS`].
pub async fn purge_dead_notices(db: &Store, now: i64) -> sqlx::Result<u64> {
    let deleted = outbox::purge_dead_notices(db.pool(), now - DEAD_NOTICE_RETENTION_DAYS * 86_400).await?;
    if deleted > 0 {
        db.checkpoint().await;
    }
    Ok(deleted)
}

/// Milliseconds since the epoch.
pub fn now_ms() -> i64 {
    (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}

/// Writes a delivery about `person` into the outbox, inside the caller's transaction: with
/// the account while it exists, without it for the erasure notice (`erasure`).
pub async fn enqueue(tx: &mut Tx, person: i64, erasure: bool, payload: &Payload) -> sqlx::Result<()> {
    let mut key = [0u8; 16];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut key);
    let action = match payload.action {
        ProcessorAction::Subscribe => "subscribe",
        ProcessorAction::Unsubscribe => "unsubscribe",
    };
    let body = serde_json::to_string(payload).expect("payload serialises");
    let message = outbox::NewMessage {
        account_id: (!erasure).then_some(person),
        person_id: person,
        action,
        payload: &body,
        idempotency_key: &hex::encode(key),
        due_ms: now_ms(),
        created_at: now_secs(),
    };
    outbox::insert(&mut **tx, &message).await
}

/// The worker's handle.
#[derive(Clone)]
pub struct Outbox {
    /// Database.
    pub db: Store,
    /// Where deliveries go.
    pub processor: Processor,
    /// Retry policy.
    pub policy: RetryPolicy,
    /// Wakes the worker when a row is written.
    pub wake: Arc<Notify>,
}

impl Outbox {
    /// Delivers at most one due row. Returns whether there was one.
    pub async fn deliver_one(&self) -> sqlx::Result<bool> {
        let now = now_ms();
        let lease = now + i64::try_from(self.policy.timeout.as_millis()).unwrap_or(i64::MAX / 2) + 5_000;
        // Claimed with a lease: another instance (or this one after a crash) takes it over
        // only when the lease has run out.
        let Some(row) = outbox::claim(self.db.pool(), self.db.backend(), now, lease).await? else { return Ok(false) };
        let attempts = u32::try_from(row.attempts).unwrap_or(u32::MAX).saturating_add(1);
        let body = body(&row.payload, row.id, row.created_at);
        let id = row.id;
        let notice = erased_email(&row.payload).is_some();
        match self.processor.deliver(&row.idempotency_key, &body, self.policy.timeout).await {
            Ok(()) => {
                // A row without an account is an erasure notice: once delivered, its personal
                // data is no longer needed anywhere and is wiped.
                outbox::delivered(self.db.pool(), id, i64::from(attempts), now_secs()).await?;
                if notice {
                    // The address was in the notice: out of the write-ahead log with it.
                    self.db.checkpoint().await;
                }
                tracing::info!(outbox_id = id, attempts, "delivered to the mailing processor");
            }
            Err(reason) if attempts >= self.policy.max_attempts => {
                outbox::failed(self.db.pool(), id, i64::from(attempts), &reason, notice, None).await?;
                tracing::error!(
                    outbox_id = id,
                    attempts,
                    reason,
                    "mailing processor delivery dead-lettered: staff must act"
                );
            }
            Err(reason) => {
                let next = now_ms() + i64::try_from(self.policy.delay(attempts).as_millis()).unwrap_or(i64::MAX / 2);
                outbox::failed(self.db.pool(), id, i64::from(attempts), &reason, notice, Some(next)).await?;
                tracing::warn!(outbox_id = id, attempts, reason, "mailing processor delivery failed; will retry");
            }
        }
        Ok(true)
    }

    /// Runs until the task is dropped: delivers due rows, then sleeps until woken or the
    /// next row may be due.
    pub async fn run(self) {
        loop {
            match self.deliver_one().await {
                Ok(true) => continue,
                Ok(false) => {}
                Err(e) => tracing::warn!(error = %e, "outbox worker: database error"),
            }
            let poll = self.policy.base_delay.min(Duration::from_secs(1));
            tokio::select! {
                _ = self.wake.notified() => {}
                _ = tokio::time::sleep(poll) => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped() {
        let p = RetryPolicy {
            base_delay: Duration::from_secs(10),
            max_delay: Duration::from_secs(60),
            max_attempts: 5,
            timeout: Duration::from_secs(1),
        };
        let within = |attempts, secs: f64| {
            let d = p.delay(attempts).as_secs_f64();
            assert!(d >= secs && d <= secs * 1.2, "{attempts}: {d}");
        };
        within(1, 10.0);
        within(2, 20.0);
        within(3, 40.0);
        within(4, 60.0);
        within(30, 60.0);
    }
}
