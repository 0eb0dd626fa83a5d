//! How long the session lasts, as the server says: every answer to a logged-in request
//! carries `X-Session-Expires-In` (seconds), so any activity resets the countdown, and a
//! `401 unauthenticated` means the session is over. `api.rs` reports both here; the session
//! dialogs (`components/session_dialogs.rs`) listen. The arithmetic is plain and tested
//! natively; the server's numbers are used, never a guessed timeout.

use std::cell::RefCell;
use std::rc::Rc;

/// The response header with the seconds left.
pub const EXPIRES_IN_HEADER: &str = "x-session-expires-in";

/// The warning comes this long before the end: two minutes, or a quarter of the idle
/// timeout when that is shorter (so a short timeout does not warn right after login).
pub fn warning_lead_secs(idle_timeout_secs: u32) -> u32 {
    (idle_timeout_secs / 4).min(120)
}

/// The seconds in an `X-Session-Expires-In` value.
pub fn parse_expires_in(value: &str) -> Option<u32> {
    value.trim().parse().ok()
}

/// The moment (milliseconds, the browser's clock) the session ends, heard at `now_ms`.
pub fn deadline_ms(now_ms: f64, expires_in_secs: u32) -> f64 {
    now_ms + f64::from(expires_in_secs) * 1000.0
}

/// Where the countdown stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Nothing to say yet.
    Quiet,
    /// The end is near: whole seconds left (rounded up, so "0:00" means over).
    Warning(u32),
    /// The countdown ran out (the server has the last word).
    Over,
}

/// The phase at `now_ms` for a session ending at `deadline_ms`, warning `lead_secs` before.
pub fn phase(now_ms: f64, deadline_ms: f64, lead_secs: u32) -> Phase {
    let left_ms = deadline_ms - now_ms;
    if left_ms <= 0.0 {
        Phase::Over
    } else if left_ms <= f64::from(lead_secs) * 1000.0 {
        // Whole seconds, rounded up: at 119.2 s left the person reads 2:00, never 0:00 early.
        let secs = (left_ms / 1000.0).ceil();
        Phase::Warning(if secs >= f64::from(u32::MAX) { u32::MAX } else { secs as u32 })
    } else {
        Phase::Quiet
    }
}

/// `m:ss`, as the warning shows the time left.
pub fn clock_text(secs: u32) -> String {
    format!("{}:{:02}", secs / 60, secs % 60)
}

/// Two deadlines are the same when they differ by less than this: the same server number
/// heard in two answers differs by the answers' travel time.
pub const SAME_DEADLINE_MS: f64 = 2000.0;

/// What `api.rs` heard about the session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Heard {
    /// The session lasts this many seconds from now.
    ExpiresIn(u32),
    /// The server answered `401 unauthenticated`, or `GET /api/session` answered `204`:
    /// there is no session.
    Ended,
}

type Listener = Rc<dyn Fn(Heard)>;

thread_local! {
    static LISTENER: RefCell<Option<Listener>> = const { RefCell::new(None) };
}

/// Sets who hears what the API's answers say about the session (the session dialogs).
pub fn listen(listener: impl Fn(Heard) + 'static) {
    LISTENER.with(|l| *l.borrow_mut() = Some(Rc::new(listener)));
}

/// Stops listening.
pub fn stop_listening() {
    LISTENER.with(|l| *l.borrow_mut() = None);
}

/// Reports what an answer said (called by `api.rs` for every answer).
pub fn hear(heard: Heard) {
    let listener = LISTENER.with(|l| l.borrow().clone());
    if let Some(listener) = listener {
        listener(heard);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_warning_comes_two_minutes_before_or_sooner_for_short_timeouts() {
        assert_eq!(warning_lead_secs(1800), 120);
        assert_eq!(warning_lead_secs(480), 120);
        assert_eq!(warning_lead_secs(300), 75);
        assert_eq!(warning_lead_secs(20), 5);
        assert_eq!(warning_lead_secs(0), 0);
    }

    #[test]
    fn the_header_is_read_as_whole_seconds() {
        assert_eq!(parse_expires_in("1800"), Some(1800));
        assert_eq!(parse_expires_in(" 42 "), Some(42));
        assert_eq!(parse_expires_in("-1"), None);
        assert_eq!(parse_expires_in("soon"), None);
        assert_eq!(parse_expires_in(""), None);
    }

    #[test]
    fn the_countdown_follows_the_servers_number() {
        let heard_at = 1_000_000.0;
        let end = deadline_ms(heard_at, 1800);
        assert_eq!(end, heard_at + 1_800_000.0);
        assert_eq!(phase(heard_at, end, 120), Phase::Quiet);
        // 28 minutes on: two minutes left, the warning shows.
        assert_eq!(phase(heard_at + 1_679_999.0, end, 120), Phase::Quiet);
        assert_eq!(phase(heard_at + 1_680_000.0, end, 120), Phase::Warning(120));
        assert_eq!(phase(heard_at + 1_680_800.0, end, 120), Phase::Warning(120), "119.2 s reads as 2:00");
        assert_eq!(phase(heard_at + 1_799_001.0, end, 120), Phase::Warning(1));
        assert_eq!(phase(end, end, 120), Phase::Over);
        assert_eq!(phase(end + 5.0, end, 120), Phase::Over);
    }

    #[test]
    fn activity_moves_the_end() {
        let first = deadline_ms(0.0, 1800);
        // A request 20 minutes later answers 1800 again: the warning is 30 minutes away.
        let later = deadline_ms(1_200_000.0, 1800);
        assert_eq!(phase(1_680_000.0, first, 120), Phase::Warning(120));
        assert_eq!(phase(1_680_000.0, later, 120), Phase::Quiet);
    }

    #[test]
    fn the_time_left_reads_as_minutes_and_seconds() {
        assert_eq!(clock_text(120), "2:00");
        assert_eq!(clock_text(105), "1:45");
        assert_eq!(clock_text(9), "0:09");
        assert_eq!(clock_text(0), "0:00");
    }

    #[test]
    fn what_the_api_hears_reaches_the_listener() {
        let got = Rc::new(RefCell::new(Vec::new()));
        let sink = Rc::clone(&got);
        hear(Heard::Ended); // nobody listens: nothing happens
        listen(move |h| sink.borrow_mut().push(h));
        hear(Heard::ExpiresIn(60));
        hear(Heard::Ended);
        stop_listening();
        hear(Heard::ExpiresIn(1));
        assert_eq!(*got.borrow(), vec![Heard::ExpiresIn(60), Heard::Ended]);
    }
}
