//! The server's integration tests: one test binary (linked once), one module per area.

mod academy;
mod api;
mod common;
mod demo;
mod email_change;
mod erasure;
mod export;
mod forms;
mod instances;
mod limits;
mod listing_consent;
mod logs;
mod migrations;
mod newsletter;
mod openapi;
mod passkeys;
mod profile;
mod recruiter_properties;
mod registration;
mod requests;
mod reset;
mod retention;
mod second_factor;
mod session;
mod transfers;
mod web;
