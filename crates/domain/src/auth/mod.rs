//! Authentication: logging in, password hashing, sessions, rate limiting.

pub mod login;
pub mod mailbox;
pub mod password;
pub mod session;
pub mod throttle;

pub use password::Passwords;
pub use session::{CurrentSession, SessionSettings};
