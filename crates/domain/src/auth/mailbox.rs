//! Limits on mails a stranger can make the portal send to an address — registration links
//! and password-reset links — that never shut the owner out (docs/security.md "Mails to an
//! address").
//!
//! Every request counts per client (its address or /64). Past that, a request from a browser
//! that showed before that it reads the mailbox (it used a link from it, or logged into the
//! account with that address) counts in a bucket of its own that nobody else can touch. Any
//! other request counts per requester and address (one mail per two minutes, three a day)
//! and for the address as a whole (ten a day). A stranger can thus spend at most three of
//! the address's mails a day from one place, and nothing at all of what the owner's browser
//! may ask for. Before, five requests from anyone spent the address's mails of the day.
//!
//! The proof is a keyed hash of the address (the address itself is never in it), kept in a
//! cookie, HttpOnly and SameSite=Strict: `__Host-zelfregie-mailbox` over TLS.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use zelfregie_model::account::normalize_email;

use super::throttle::{self, Limit};
use crate::error::Error;
use crate::services::Services;

/// Mails to one address for one requester: one per two minutes…
pub const COOL_DOWN: Limit = Limit::count(1, 2 * 60);
/// …three a day…
pub const PER_REQUESTER_DAILY: Limit = Limit::count(3, 24 * 3600);
/// …and ten a day from all requesters together that have not shown they read the mailbox.
pub const ADDRESS_DAILY: Limit = Limit::count(10, 24 * 3600);
/// A browser that showed it reads the mailbox: one per two minutes and five a day, its own.
pub const PROVEN_DAILY: Limit = Limit::count(5, 24 * 3600);
/// How long a browser keeps its proof: 400 days, the most browsers allow a cookie.
pub const PROOF_MAX_AGE_SECS: i64 = 400 * 24 * 3600;

/// What a mail is for: the counters of one kind never touch another's.
#[derive(Clone, Copy, Debug)]
pub enum Purpose {
    /// A registration link (or the "you already have an account" notice).
    Registration,
    /// A password-reset link.
    Reset,
}

impl Purpose {
    fn name(self) -> &'static str {
        match self {
            Purpose::Registration => "register",
            Purpose::Reset => "reset",
        }
    }
}

/// The proof for `email`: a keyed hash, base64url. The server keeps it in a cookie
/// (`cookies.rs` in the server).
pub fn proof(state: &Services, email: &str) -> String {
    URL_SAFE_NO_PAD.encode(state.throttle.key("mailbox-proof", &normalize_email(email)))
}

/// Whether `cookie` (the proof the request carries, if any) is the proof for `email`.
pub fn proven(state: &Services, cookie: Option<&str>, email: &str) -> bool {
    let want = proof(state, email);
    cookie.is_some_and(|v| constant_time_eq(v.as_bytes(), want.as_bytes()))
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Counts a request for a mail of `purpose` to `email` from client `ip` (its limit bucket);
/// [`Error::Throttled`] when it is over a limit (then no mail goes; the caller answers
/// the same all the same).
pub async fn count(
    state: &Services,
    purpose: Purpose,
    per_ip: Limit,
    ip: &str,
    email: &str,
    proven: bool,
) -> Result<(), Error> {
    let kind = purpose.name();
    let email = normalize_email(email);
    let key = |what: &str, value: &str| state.throttle.key(&format!("{kind}-{what}"), value);
    throttle::attempt(&state.db, &state.clock, &key("ip", ip), per_ip).await?;
    if proven {
        throttle::attempt(&state.db, &state.clock, &key("proven-cooldown", &email), COOL_DOWN).await?;
        return throttle::attempt(&state.db, &state.clock, &key("proven-daily", &email), PROVEN_DAILY).await;
    }
    let requester = format!("{email}\n{ip}");
    throttle::attempt(&state.db, &state.clock, &key("cooldown", &requester), COOL_DOWN).await?;
    throttle::attempt(&state.db, &state.clock, &key("requester-daily", &requester), PER_REQUESTER_DAILY).await?;
    throttle::attempt(&state.db, &state.clock, &key("daily", &email), ADDRESS_DAILY).await
}
