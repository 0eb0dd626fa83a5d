//! The server's integration tests: one test binary (linked once), one module per area.

mod common;
mod academy;
mod api;
mod demo;
mod erasure;
mod export;
mod instances;
mod limits;
mod logs;
mod migrations;
mod newsletter;
mod openapi;
mod profile;
mod recruiter_properties;
mod reset;
mod transfers;
mod web;
mod email_change;
mod registration;
mod retention;
mod requests;
mod passkeys;
mod second_factor;
mod forms;
mod session;
