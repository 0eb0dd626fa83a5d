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
pub mod readable;
pub mod relogin;
pub mod routes;
pub mod session;
pub mod session_clock;
pub mod submit;
pub mod unsaved;
pub mod versioned_form;
pub mod webauthn;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};

use crate::components::guard::{RequireLoggedOut, RequireLogin};
use crate::components::layout::Layout;
use crate::locale::Locale;
use crate::pages::academy::AcademyPage;
use crate::pages::accessibility::AccessibilityPage;
use crate::pages::breach_notice::BreachNoticePage;
use crate::pages::breach_notices::BreachNoticesPage;
use crate::pages::catalogue::CataloguePage;
use crate::pages::email_confirm::EmailConfirmPage;
use crate::pages::export::ExportPage;
use crate::pages::my_breach_notices::MyBreachNoticesPage;
use crate::pages::my_data::MyDataPage;
use crate::pages::newsletter::NewsletterPage;
use crate::pages::newsletter_link::{ConfirmSubscriptionPage, UnsubscribePage};
use crate::pages::open_export::OpenExportPage;
use crate::pages::password_reset::{ForgotPasswordPage, ResetPasswordPage};
use crate::pages::privacy_queue::PrivacyQueuePage;
use crate::pages::privacy_request::PrivacyRequestPage;
use crate::pages::privacy_statement::PrivacyStatementPage;
use crate::pages::register_confirm::RegisterConfirmPage;
use crate::pages::requests::RequestsPage;
use crate::pages::transfer_link::TransferLinkPage;
use crate::pages::{account::AccountPage, login::LoginPage, not_found::NotFoundPage};
use crate::pages::{disclosures::DisclosuresPage, profile::ProfilePage, visibility::VisibilityPage};
use crate::pages::{overview::OverviewPage, register::RegisterPage};
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
                    <Route path=To::Overview.matcher() view=|| view! { <RequireLogin><OverviewPage/></RequireLogin> }/>
                    <Route path=To::Account.matcher() view=|| view! { <RequireLogin><AccountPage/></RequireLogin> }/>
                    <Route path=To::Profile.matcher() view=|| view! { <RequireLogin><ProfilePage/></RequireLogin> }/>
                    <Route path=To::Visibility.matcher() view=|| view! { <RequireLogin><VisibilityPage/></RequireLogin> }/>
                    <Route path=To::MyData.matcher() view=|| view! { <RequireLogin><MyDataPage/></RequireLogin> }/>
                    <Route path=To::Export.matcher() view=|| view! { <RequireLogin><ExportPage/></RequireLogin> }/>
                    // Opening a file needs no account: it happens in the browser only.
                    <Route path=To::OpenExport.matcher() view=OpenExportPage/>
                    // The one-time link a person gives an organisation: no account needed.
                    <Route path=To::TransferLink.matcher() view=TransferLinkPage/>
                    <Route path=To::Academy.matcher() view=|| view! { <RequireLogin><AcademyPage/></RequireLogin> }/>
                    // The catalogue can be browsed before there is an account.
                    <Route path=To::Catalogue.matcher() view=CataloguePage/>
                    <Route path=To::Newsletter.matcher() view=|| view! { <RequireLogin><NewsletterPage/></RequireLogin> }/>
                    // Links from e-mails: no login needed.
                    <Route path=To::NewsletterConfirm.matcher() view=ConfirmSubscriptionPage/>
                    <Route path=To::NewsletterUnsubscribe.matcher() view=UnsubscribePage/>
                    <Route path=To::ForgotPassword.matcher() view=ForgotPasswordPage/>
                    <Route path=To::ResetPassword.matcher() view=ResetPasswordPage/>
                    <Route path=To::RegisterConfirm.matcher() view=RegisterConfirmPage/>
                    <Route path=To::EmailConfirm.matcher() view=EmailConfirmPage/>
                    <Route path=To::Requests.matcher() view=|| view! { <RequireLogin><RequestsPage/></RequireLogin> }/>
                    <Route path=To::PrivacyQueue.matcher() view=|| view! { <RequireLogin><PrivacyQueuePage/></RequireLogin> }/>
                    <Route path=To::PrivacyRequest.matcher() view=|| view! { <RequireLogin><PrivacyRequestPage/></RequireLogin> }/>
                    <Route path=To::BreachNotices.matcher() view=|| view! { <RequireLogin><BreachNoticesPage/></RequireLogin> }/>
                    <Route path=To::BreachNotice.matcher() view=|| view! { <RequireLogin><BreachNoticePage/></RequireLogin> }/>
                    <Route path=To::MyBreachNotices.matcher() view=|| view! { <RequireLogin><MyBreachNoticesPage/></RequireLogin> }/>
                    // The statements: public, linked from every page's footer.
                    <Route path=To::Accessibility.matcher() view=AccessibilityPage/>
                    <Route path=To::PrivacyStatement.matcher() view=PrivacyStatementPage/>
                    <Route path=To::Disclosures.matcher() view=|| view! { <RequireLogin><DisclosuresPage/></RequireLogin> }/>
                    <Route path=To::Login.matcher() view=|| view! { <RequireLoggedOut><LoginPage/></RequireLoggedOut> }/>
                    <Route path=To::Register.matcher() view=|| view! { <RequireLoggedOut><RegisterPage/></RequireLoggedOut> }/>
                </Routes>
            </Layout>
        </Router>
    }
}
