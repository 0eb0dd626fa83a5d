//! Attempt counters in the database (shared by every server instance), keyed by an HMAC
//! with a server secret so neither IP addresses nor e-mail addresses are stored, nor can a
//! copy of the table be tested against a list of addresses (ASVS 5.0 6.3.1).
//!
//! An attempt is counted **before** the secret is checked, in one statement that also says
//! whether it may go ahead: parallel requests cannot all slip through between a check and a
//! count (docs/security.md "Limits hold under parallel requests"). Past `free` attempts in a
//! window, each further attempt must wait twice as long as the one before (up to `max_delay`),
//! so the real owner waits seconds or minutes, never a fixed lockout, while guessing becomes
//! hopeless.

use crate::clock::Clock;
use crate::error::Error;
use crate::secrets::Key;
use crate::store::throttle::{self, Window};
use crate::store::Store;

/// A limit: in a window of `window_secs`, `free` attempts go ahead at once; then attempt
/// `free + k` must wait `2^(k-1)` seconds after the previous one (at most `max_delay_secs`),
/// and none goes ahead past `max`.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    /// Attempts that need no wait.
    pub free: i64,
    /// Attempts allowed in one window at all.
    pub max: i64,
    /// Window length in seconds.
    pub window_secs: i64,
    /// Longest wait between two attempts.
    pub max_delay_secs: i64,
}

impl Limit {
    /// A plain count: `max` per window, no waits in between.
    pub const fn count(max: i64, window_secs: i64) -> Limit {
        Limit { free: max, max, window_secs, max_delay_secs: 0 }
    }
}

/// Logins from one IP address: generous, many people share an office NAT; a successful
/// login gives its attempt back.
pub const LOGIN_PER_IP: Limit = Limit::count(50, 15 * 60);
/// Login attempts for one account: five at once, then waits of 1, 2, 4 … seconds up to a
/// quarter of an hour; cleared by a successful login.
pub const LOGIN_PER_ACCOUNT: Limit = Limit { free: 5, max: 1_000, window_secs: 24 * 3600, max_delay_secs: 15 * 60 };
/// Re-authentication (password change, erasure) of a logged-in account: its own counter,
/// so somebody guessing at the login page cannot keep the owner from erasing their data.
pub const REAUTH_PER_ACCOUNT: Limit = Limit { free: 5, max: 1_000, window_secs: 24 * 3600, max_delay_secs: 15 * 60 };
/// Registrations from one IP address (each costs an argon2 hash).
pub const REGISTER_PER_IP: Limit = Limit::count(20, 60 * 60);

/// Makes the stored keys of counters.
#[derive(Clone, Debug)]
pub struct Throttle {
    key: Key,
}

impl Throttle {
    /// Loads the server secret of counter keys, creating it on first start.
    pub async fn load(store: &Store) -> anyhow::Result<Self> {
        Ok(Throttle { key: Key::load(store, "throttle").await? })
    }

    /// The stored key of `kind:value`: an HMAC, so the table holds no address.
    pub fn key(&self, kind: &str, value: &str) -> Vec<u8> {
        self.key.sign(&[kind.as_bytes(), value.as_bytes()]).to_vec()
    }
}

/// Counts one attempt for `key` and says whether it may go ahead: refuses with
/// [`Error::Throttled`] (and counts nothing) while the key must wait or has used up its
/// window. One statement, so parallel attempts are counted one by one.
pub async fn attempt(store: &Store, clock: &Clock, key: &[u8], limit: Limit) -> Result<(), Error> {
    let now_ms = clock.now_ms();
    let window = Window {
        window_secs: limit.window_secs,
        free: limit.free,
        max_delay_secs: limit.max_delay_secs,
        max: limit.max,
    };
    // A refused attempt reads the counter for `Retry-After`; a success of the same key may
    // clear the counter in between (twenty logins with one code at once did): then the
    // attempt is counted again on the fresh counter.
    for _ in 0..3 {
        if throttle::attempt(store.pool(), key, now_ms, &window).await?.is_some() {
            return Ok(());
        }
        let Some((window_start, next_at_ms)) = throttle::state(store.pool(), key).await? else { continue };
        // Whole seconds for Retry-After, rounded up: coming back after it is never too early.
        let wait_ms =
            if next_at_ms > now_ms { next_at_ms - now_ms } else { (window_start + limit.window_secs) * 1000 - now_ms };
        return Err(Error::Throttled { retry_after: (wait_ms + 999).div_euclid(1000).max(1) });
    }
    Err(Error::Throttled { retry_after: 1 })
}

/// Gives one attempt back (a successful login from a shared address).
pub async fn refund(store: &Store, key: &[u8]) -> Result<(), Error> {
    Ok(throttle::refund(store.pool(), key).await?)
}

/// Forgets the attempts of `key` (after a successful login or re-authentication).
pub async fn clear(store: &Store, key: &[u8]) -> Result<(), Error> {
    Ok(throttle::clear(store.pool(), key).await?)
}

/// Removes counters whose window ended long ago.
pub async fn purge(store: &Store, clock: &Clock) -> sqlx::Result<u64> {
    throttle::purge(store.pool(), clock.now() - 2 * 24 * 3600, clock.now_ms()).await
}
