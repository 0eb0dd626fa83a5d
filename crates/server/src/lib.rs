//! The zelfregie API server: the JSON API and the built single-page app, from one origin.
//!
//! The use cases live in `zelfregie_domain`; this crate is the web around them: `http/`
//! (router, OpenAPI, handlers, extractors), `web/` (the SPA's files and the security
//! middleware), errors as answers, cookies, the client's address, the configuration and
//! `main`. Imports point one way: `http` → `state` → `web`, `cookies`, `client_ip` →
//! `error` → the domain; nothing imports `http` but `main`. `app()` builds the whole service
//! from an [`AppState`]; `main` only parses configuration, opens the database and listens.
//! Tests drive `app()` without a socket.
#![forbid(unsafe_code)]

pub mod client_ip;
pub mod config;
pub mod cookies;
pub mod error;
pub mod http;
pub mod serve;
pub mod state;
pub mod web;
pub mod webhook;

pub use config::Config;
pub use http::app;
pub use state::AppState;
