//! Authentication: password hashing, sessions and their cookie, rate limiting.

pub mod mailbox;
pub mod password;
pub mod session;
pub mod throttle;

pub use password::Passwords;
pub use session::{CurrentSession, SessionSettings};
