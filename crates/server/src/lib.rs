//! The zelfregie API server: the JSON API and the built single-page app, from one origin.
//!
//! `app()` builds the whole service from an [`AppState`]; `main` only parses configuration,
//! opens the database and listens. Tests drive `app()` without a socket.
#![forbid(unsafe_code)]

pub mod academy;
pub mod accounts;
pub mod admin;
pub mod auth;
pub mod breach;
pub mod candidates;
pub mod catalogue;
pub mod clock;
pub mod config;
pub mod demo;
pub mod documents;
pub mod email_change;
pub mod error;
pub mod export;
pub mod http;
pub mod listing;
pub mod mail;
pub mod newsletter;
pub mod outbox;
pub mod passkeys;
pub mod password_reset;
pub mod privacy_requests;
pub mod register_changes;
pub mod registration;
pub mod retention;
pub mod second_factor;
pub mod secrets;
pub mod seed;
pub mod serve;
pub mod state;
pub mod store;
pub mod transfers;
pub mod web;

pub use config::Config;
pub use http::app;
pub use state::AppState;
