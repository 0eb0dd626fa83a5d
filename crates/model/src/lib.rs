//! The shared model of zelfregie: the types that cross the wire between the browser and the
//! API server, their validation, and the stable error codes.
//!
//! No UI, no IO: this crate compiles for `wasm32-unknown-unknown` (the SPA validates as the
//! person types) and natively (the server validates again, authoritatively).
#![forbid(unsafe_code)]

pub mod academy;
pub mod account;
pub mod admin;
pub mod age_key;
pub mod breach;
pub mod checks;
pub mod disclosure;
pub mod error;
pub mod export;
pub mod input;
pub mod links;
pub mod listing;
pub mod newsletter;
#[cfg(feature = "openapi")]
pub mod openapi;
pub mod overview;
pub mod partner;
pub mod passkey;
pub mod plain;
pub mod privacy_request;
pub mod profile;
pub mod recruiter_search;
pub mod register;
pub mod retention;
pub mod second_factor;
pub mod secret;
#[cfg(feature = "testing")]
pub mod testing;
pub mod transfer;
pub mod visibility;
pub mod worker_protocol;

pub use account::{
    Account, Credentials, EmailChange, Erasure, Language, LanguageChoice, PasswordChange, PasswordCheck, PasswordReset,
    PasswordResetRequest, Registration, RegistrationConfirm, Role, SessionDetails, SessionInfo, SessionTimeLeft,
};
pub use disclosure::{
    CandidateList, Disclosure, DisclosureKind, DisclosurePage, Preview, CANDIDATES_COUNTED, CANDIDATES_MAX_PER_PAGE,
    CANDIDATES_PER_PAGE,
};
pub use error::{ApiError, ErrorCode, FieldError};
pub use input::Hours;
pub use partner::{Partner, PARTNER_NAMES};
pub use profile::{Month, Profile};
pub use recruiter_search::{CandidateFilter, FilterInput, WorkLevel};
pub use secret::Password;
pub use visibility::{
    recruiter_view, search_words, Audience, AudienceMode, AudienceNames, CandidateView, Section, Visibility,
};
