//! Zelfregie, the self-service privacy portal: the single-page app.
//!
//! `main.rs` only mounts [`App`]. Pages live in `pages/` (one per file), reusable pieces in
//! `components/`, the talk with the server in `api`, texts in `i18n`. Rules and validation
//! come from the shared `zelfregie-model` crate.
#![deny(unsafe_code)]

pub mod api;
pub mod candidate_search;
pub mod components;
pub mod crypto;
pub mod editing;
pub mod format;
pub mod forms;
pub mod i18n;
pub mod lazy;
pub mod locale;
pub mod pages;
pub mod readable;
pub mod relogin;
pub mod routes;
pub mod session;
pub mod session_clock;
pub mod submit;
#[cfg(test)]
mod truth;
pub mod unsaved;
pub mod versioned_form;
pub mod webauthn;

use leptos::prelude::*;
use leptos_router::components::Router;

use crate::components::layout::Layout;
use crate::locale::Locale;
use crate::relogin::Relogin;
use crate::routes::PageRoutes;
use crate::session::Auth;
use crate::unsaved::Unsaved;

/// The app: language and session context, layout, and the pages of the table (`routes.rs`).
#[component]
pub fn App() -> impl IntoView {
    Locale::provide();
    Auth::provide();
    Unsaved::provide();
    Relogin::provide();
    view! {
        <Router>
            <Layout>
                <PageRoutes/>
            </Layout>
        </Router>
    }
}
