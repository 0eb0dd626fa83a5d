//! One page per file.

pub mod academy;
pub mod accessibility;
pub mod account;
pub mod catalogue;
pub mod disclosures;
pub mod email_confirm;
pub mod export;
pub mod login;
pub mod my_data;
pub mod newsletter;
pub mod newsletter_link;
pub mod not_found;
pub mod open_export;
pub mod overview;
pub mod password_reset;
pub mod privacy_queue;
pub mod privacy_request;
pub mod privacy_statement;
pub mod profile;
pub mod register;
pub mod register_confirm;
pub mod requests;
pub mod transfer_link;
pub mod visibility;
