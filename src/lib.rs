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
use leptos_router::components::{Route, Router, Routes};

use crate::components::layout::Layout;
use crate::locale::Locale;
use crate::pages::not_found::NotFoundPage;
use crate::relogin::Relogin;
use crate::routes::Route as To;
use crate::session::Auth;
use crate::unsaved::Unsaved;

/// The app: language and session context, layout, routes.
#[component]
pub fn App() -> impl IntoView {
    Locale::provide();
    Auth::provide();
    Unsaved::provide();
    Relogin::provide();
    view! {
        <Router>
            <Layout>
                <Routes fallback=|| view! { <NotFoundPage/> }>
                    <Route path=To::Overview.matcher() view=|| lazy::page(To::Overview)/>
                    <Route path=To::Account.matcher() view=|| lazy::page(To::Account)/>
                    <Route path=To::Profile.matcher() view=|| lazy::page(To::Profile)/>
                    <Route path=To::Visibility.matcher() view=|| lazy::page(To::Visibility)/>
                    <Route path=To::MyData.matcher() view=|| lazy::page(To::MyData)/>
                    <Route path=To::Export.matcher() view=|| lazy::page(To::Export)/>
                    // Opening a file needs no account: it happens in the browser only.
                    <Route path=To::OpenExport.matcher() view=|| lazy::page(To::OpenExport)/>
                    // The one-time link a person gives an organisation: no account needed.
                    <Route path=To::TransferLink.matcher() view=|| lazy::page(To::TransferLink)/>
                    <Route path=To::Academy.matcher() view=|| lazy::page(To::Academy)/>
                    // The catalogue can be browsed before there is an account.
                    <Route path=To::Catalogue.matcher() view=|| lazy::page(To::Catalogue)/>
                    <Route path=To::Newsletter.matcher() view=|| lazy::page(To::Newsletter)/>
                    // Links from e-mails: no login needed.
                    <Route path=To::NewsletterConfirm.matcher() view=|| lazy::page(To::NewsletterConfirm)/>
                    <Route path=To::NewsletterUnsubscribe.matcher() view=|| lazy::page(To::NewsletterUnsubscribe)/>
                    <Route path=To::ForgotPassword.matcher() view=|| lazy::page(To::ForgotPassword)/>
                    <Route path=To::ResetPassword.matcher() view=|| lazy::page(To::ResetPassword)/>
                    <Route path=To::RegisterConfirm.matcher() view=|| lazy::page(To::RegisterConfirm)/>
                    <Route path=To::EmailConfirm.matcher() view=|| lazy::page(To::EmailConfirm)/>
                    <Route path=To::Requests.matcher() view=|| lazy::page(To::Requests)/>
                    <Route path=To::PrivacyQueue.matcher() view=|| lazy::page(To::PrivacyQueue)/>
                    <Route path=To::PrivacyRequest.matcher() view=|| lazy::page(To::PrivacyRequest)/>
                    <Route path=To::BreachNotices.matcher() view=|| lazy::page(To::BreachNotices)/>
                    <Route path=To::BreachNotice.matcher() view=|| lazy::page(To::BreachNotice)/>
                    <Route path=To::MyBreachNotices.matcher() view=|| lazy::page(To::MyBreachNotices)/>
                    <Route path=To::AcademyCatalogue.matcher() view=|| lazy::page(To::AcademyCatalogue)/>
                    // A recruiter's search and one candidate.
                    <Route path=To::Candidates.matcher() view=|| lazy::page(To::Candidates)/>
                    <Route path=To::Candidate.matcher() view=|| lazy::page(To::Candidate)/>
                    // The statements: public, linked from every page's footer.
                    <Route path=To::Accessibility.matcher() view=|| lazy::page(To::Accessibility)/>
                    <Route path=To::PrivacyStatement.matcher() view=|| lazy::page(To::PrivacyStatement)/>
                    <Route path=To::Disclosures.matcher() view=|| lazy::page(To::Disclosures)/>
                    <Route path=To::Login.matcher() view=|| lazy::page(To::Login)/>
                    <Route path=To::Register.matcher() view=|| lazy::page(To::Register)/>
                    // The invitation link from a mail: no login needed.
                    <Route path=To::Invitation.matcher() view=|| lazy::page(To::Invitation)/>
                    <Route path=To::Admin.matcher() view=|| lazy::page(To::Admin)/>
                    <Route path=To::PartnerKeys.matcher() view=|| lazy::page(To::PartnerKeys)/>
                    <Route path=To::AuditLog.matcher() view=|| lazy::page(To::AuditLog)/>
                </Routes>
            </Layout>
        </Router>
    }
}
