//! The zelfregie domain: every use case of the portal and the store beneath them, with no
//! HTTP in them (docs/architecture.md).
//!
//! The server's handlers parse a request, call one function here with [`Services`] and
//! the logged-in session, and turn its answer or its [`Error`] into a response. Only
//! `store` holds SQL, and it is private to this crate: no handler can reach past the use
//! cases to the database.
#![forbid(unsafe_code)]

pub mod academy;
pub mod accounts;
pub mod admin;
pub mod auth;
pub mod breach;
pub mod candidates;
pub mod catalogue;
pub mod clock;
pub mod demo;
pub mod documents;
pub mod email_change;
pub mod error;
pub mod export;
pub mod jobs;
pub mod listing;
pub mod mail;
pub mod mails;
pub mod newsletter;
pub mod outbox;
pub mod overview;
pub mod passkeys;
pub mod password_reset;
pub mod privacy_requests;
pub mod reference;
pub mod register_changes;
pub mod registration;
pub mod retention;
pub mod second_factor;
pub mod secrets;
pub mod seed;
pub mod services;
mod store;
#[cfg(feature = "testing")]
pub mod testing;
pub mod transfers;

pub use error::Error;
pub use services::Services;
pub use store::{Backend, Store, DB_FILE};
