//! Reusable pieces of the UI.

pub mod breach_banner;
pub mod breach_text;
pub mod candidate_card;
pub mod conflict;
pub mod contents;
pub mod copy;
pub mod data_view;
pub mod field;
pub mod guard;
pub mod language_switch;
pub mod layout;
pub mod loaded;
pub mod login_form;
pub mod nav;
pub mod notice;
pub mod page;
pub mod passkey_login;
pub mod passkeys;
pub mod progress;
pub mod receipt;
pub mod rights;
pub mod save_bar;
pub mod second_factor;
pub mod session_dialogs;
pub mod training;
