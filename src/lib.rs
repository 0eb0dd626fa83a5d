//! Zelfregie, the self-service privacy portal: the single-page app.
//!
//! `main.rs` only mounts [`App`]. Pages live in `pages/` (one per file), reusable pieces in
//! `components/`, the talk with the server in `api`, texts in `i18n`. Rules and validation
//! come from the shared `zelfregie-model` crate.
#![forbid(unsafe_code)]

pub mod api;
pub mod components;
pub mod crypto;
pub mod editing;
pub mod format;
pub mod forms;
pub mod i18n;
pub mod locale;
pub mod pages;
pub mod session;
pub mod unsaved;
pub mod versioned_form;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::guard::{RequireLoggedOut, RequireLogin};
use crate::components::layout::Layout;
use crate::locale::Locale;
use crate::pages::academy::AcademyPage;
use crate::pages::export::ExportPage;
use crate::pages::my_data::MyDataPage;
use crate::pages::newsletter::NewsletterPage;
use crate::pages::newsletter_link::{ConfirmSubscriptionPage, UnsubscribePage};
use crate::pages::open_export::OpenExportPage;
use crate::pages::password_reset::{ForgotPasswordPage, ResetPasswordPage};
use crate::pages::transfer_link::TransferLinkPage;
use crate::pages::{account::AccountPage, login::LoginPage, not_found::NotFoundPage};
use crate::pages::{disclosures::DisclosuresPage, profile::ProfilePage, visibility::VisibilityPage};
use crate::pages::{overview::OverviewPage, register::RegisterPage};
use crate::session::Auth;
use crate::unsaved::Unsaved;

/// The app: language and session context, layout, routes.
#[component]
pub fn App() -> impl IntoView {
    Locale::provide();
    Auth::provide();
    Unsaved::provide();
    view! {
        <Router>
            <Layout>
                <Routes fallback=|| view! { <NotFoundPage/> }>
                    <Route path=path!("/") view=|| view! { <RequireLogin><OverviewPage/></RequireLogin> }/>
                    <Route path=path!("/account") view=|| view! { <RequireLogin><AccountPage/></RequireLogin> }/>
                    <Route path=path!("/profiel") view=|| view! { <RequireLogin><ProfilePage/></RequireLogin> }/>
                    <Route path=path!("/zichtbaarheid") view=|| view! { <RequireLogin><VisibilityPage/></RequireLogin> }/>
                    <Route path=path!("/mijn-gegevens") view=|| view! { <RequireLogin><MyDataPage/></RequireLogin> }/>
                    <Route path=path!("/exporteren") view=|| view! { <RequireLogin><ExportPage/></RequireLogin> }/>
                    // Opening a file needs no account: it happens in the browser only.
                    <Route path=path!("/export-openen") view=OpenExportPage/>
                    // The one-time link a person gives an organisation: no account needed.
                    <Route path=path!("/overdracht") view=TransferLinkPage/>
                    <Route path=path!("/opleidingen") view=|| view! { <RequireLogin><AcademyPage/></RequireLogin> }/>
                    <Route path=path!("/nieuwsbrief") view=|| view! { <RequireLogin><NewsletterPage/></RequireLogin> }/>
                    // Links from e-mails: no login needed.
                    <Route path=path!("/nieuwsbrief/bevestigen") view=ConfirmSubscriptionPage/>
                    <Route path=path!("/nieuwsbrief/afmelden") view=UnsubscribePage/>
                    <Route path=path!("/wachtwoord-vergeten") view=ForgotPasswordPage/>
                    <Route path=path!("/wachtwoord-herstellen") view=ResetPasswordPage/>
                    <Route path=path!("/wie-zag-mijn-gegevens") view=|| view! { <RequireLogin><DisclosuresPage/></RequireLogin> }/>
                    <Route path=path!("/inloggen") view=|| view! { <RequireLoggedOut><LoginPage/></RequireLoggedOut> }/>
                    <Route path=path!("/registreren") view=|| view! { <RequireLoggedOut><RegisterPage/></RequireLoggedOut> }/>
                </Routes>
            </Layout>
        </Router>
    }
}
