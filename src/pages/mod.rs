//! One page per file.

pub mod account;
pub mod login;
pub mod not_found;
pub mod overview;
pub mod register;
