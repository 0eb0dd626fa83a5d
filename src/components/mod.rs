//! Reusable pieces of the UI.

pub mod field;
pub mod guard;
pub mod language_switch;
pub mod layout;
pub mod nav;
pub mod notice;
pub mod page;
