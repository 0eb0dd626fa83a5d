//! The clock of retention and of the limits: the last-activity times retention records, the
//! moment the retention job works from, and the times attempt counters wait for. The system
//! clock in production; tests move it forward by years, to see a warning come and an account
//! go without waiting (docs/security.md "Retention"), or hold it still, to see a one-second
//! wait hold however slow the machine is.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

/// The system clock plus an offset that only tests change. Cheap to clone; clones share the
/// offset.
#[derive(Clone, Debug, Default)]
pub struct Clock {
    /// Milliseconds added to the system clock.
    offset_ms: Arc<AtomicI64>,
    /// While not 0: the time it stands at (milliseconds; tests).
    held_at_ms: Arc<AtomicI64>,
}

impl Clock {
    /// Seconds since the Unix epoch.
    pub fn now(&self) -> i64 {
        self.now_ms().div_euclid(1000)
    }

    /// Milliseconds since the Unix epoch.
    pub fn now_ms(&self) -> i64 {
        match self.held_at_ms.load(Ordering::Relaxed) {
            0 => crate::outbox::now_ms() + self.offset_ms.load(Ordering::Relaxed),
            held => held,
        }
    }

    /// Stops the clock where it is (tests): until [`Self::release`], no time passes.
    pub fn hold(&self) {
        let _ = self.held_at_ms.compare_exchange(0, self.now_ms(), Ordering::Relaxed, Ordering::Relaxed);
    }

    /// Lets a held clock run again, from where it stood.
    pub fn release(&self) {
        let held = self.held_at_ms.swap(0, Ordering::Relaxed);
        if held != 0 {
            self.offset_ms.store(held - crate::outbox::now_ms(), Ordering::Relaxed);
        }
    }

    /// Moves the clock `secs` seconds forward (tests).
    pub fn advance(&self, secs: i64) {
        self.advance_ms(secs * 1000);
    }

    /// Moves the clock `ms` milliseconds forward (tests), held or not.
    pub fn advance_ms(&self, ms: i64) {
        self.offset_ms.fetch_add(ms, Ordering::Relaxed);
        let _ = self.held_at_ms.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |h| (h != 0).then_some(h + ms));
    }

    /// Moves the clock `days` days forward (tests).
    pub fn advance_days(&self, days: i64) {
        self.advance(days * 86_400);
    }
}
