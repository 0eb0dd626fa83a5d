//! The clock of retention: the last-activity times it records and the moment the retention
//! job works from. The system clock in production; tests move it forward by years, to see a
//! warning come and an account go without waiting (docs/security.md "Retention").

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

/// The system clock plus an offset that only tests change. Cheap to clone; clones share the
/// offset.
#[derive(Clone, Debug, Default)]
pub struct Clock {
    offset: Arc<AtomicI64>,
}

impl Clock {
    /// Seconds since the Unix epoch.
    pub fn now(&self) -> i64 {
        crate::store::now() + self.offset.load(Ordering::Relaxed)
    }

    /// Moves the clock `secs` seconds forward (tests).
    pub fn advance(&self, secs: i64) {
        self.offset.fetch_add(secs, Ordering::Relaxed);
    }

    /// Moves the clock `days` days forward (tests).
    pub fn advance_days(&self, days: i64) {
        self.advance(days * 86_400);
    }
}
