//! One page per file.

pub mod academy;
pub mod account;
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
pub mod profile;
pub mod register;
pub mod register_confirm;
pub mod transfer_link;
pub mod visibility;
