//! Pages loaded on first visit (docs/build.md "Splitting by route").
//!
//! Every page is a split point: in the shipped build (feature `split`, set by
//! `scripts/build-app.mjs`) its code lands in a wasm module of its part, fetched when the page
//! is first shown, or shortly after the menu links to it ([`prefetch`]). The main module keeps the shell:
//! router, layout, guards, translations, the API client. In every other build (tests, `cargo
//! check`) the same functions are plain calls, so pages behave the same with and without the
//! split.
//!
//! While a page's code loads, its place shows the loading sentence; when it cannot be fetched
//! (offline, or a new version was deployed meanwhile), a message with a retry button.
#![allow(unsafe_code)] // the split points' generated `extern` declarations, nothing else

use std::future::Future;
use std::pin::Pin;

use futures_util::FutureExt;
use leptos::prelude::*;

use crate::components::guard::{RequireLoggedOut, RequireLogin};
use crate::components::notice::Loading;
use crate::i18n::T;
use crate::locale::Locale;
use crate::pages::academy::AcademyPage;
use crate::pages::academy_catalogue::AcademyCataloguePage;
use crate::pages::accessibility::AccessibilityPage;
use crate::pages::account::AccountPage;
use crate::pages::admin::AdminPage;
use crate::pages::audit_log::AuditLogPage;
use crate::pages::breach_notice::BreachNoticePage;
use crate::pages::breach_notices::BreachNoticesPage;
use crate::pages::candidate::CandidatePage;
use crate::pages::candidates::CandidatesPage;
use crate::pages::catalogue::CataloguePage;
use crate::pages::disclosures::DisclosuresPage;
use crate::pages::email_confirm::EmailConfirmPage;
use crate::pages::export::ExportPage;
use crate::pages::invitation::InvitationPage;
use crate::pages::login::LoginPage;
use crate::pages::my_breach_notices::MyBreachNoticesPage;
use crate::pages::my_data::MyDataPage;
use crate::pages::newsletter::NewsletterPage;
use crate::pages::newsletter_link::{ConfirmSubscriptionPage, UnsubscribePage};
use crate::pages::open_export::OpenExportPage;
use crate::pages::overview::OverviewPage;
use crate::pages::partner_keys::PartnerKeysPage;
use crate::pages::password_reset::{ForgotPasswordPage, ResetPasswordPage};
use crate::pages::privacy_queue::PrivacyQueuePage;
use crate::pages::privacy_request::PrivacyRequestPage;
use crate::pages::privacy_statement::PrivacyStatementPage;
use crate::pages::profile::ProfilePage;
use crate::pages::register::RegisterPage;
use crate::pages::register_confirm::RegisterConfirmPage;
use crate::pages::requests::RequestsPage;
use crate::pages::transfer_link::TransferLinkPage;
use crate::pages::visibility::VisibilityPage;
use crate::routes::Route;

/// A page's code could not be fetched.
#[derive(Debug)]
pub struct Unavailable;

impl From<leptos::wasm_split::SplitLoaderError> for Unavailable {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unavailable
    }
}

/// Fetches a page's code (at once when it is there already).
type Load = fn() -> Pin<Box<dyn Future<Output = bool>>>;
/// Builds the page; `None` while its code is not loaded.
type Show = fn() -> Option<AnyView>;

/// One split point per page: module `$page` holds `load` (fetch the code) and `show`. Pages
/// of the same `$part` share one wasm module: pages visited together, so that a page needs a
/// few requests rather than one for every combination of pages sharing a function.
macro_rules! split_pages {
    ($($page:ident in $part:ident, $guard:ident => $view:expr;)*) => {$(
        mod $page {
            use super::*;

            /// Who may see the page: checked before its code is fetched.
            pub const GUARD: Guard = Guard::$guard;

            // Named after the page: the split point's symbol is made of the part and this name.
            #[cfg(feature = "split")]
            #[leptos::wasm_split::wasm_split($part, wasm_split_path = ::leptos::wasm_split, fallible, preload(load))]
            pub fn $page() -> Result<AnyView, Unavailable> {
                Ok($view.into_any())
            }

            /// The page, without a split.
            #[cfg(not(feature = "split"))]
            pub async fn $page() -> Result<AnyView, Unavailable> {
                Ok($view.into_any())
            }

            /// Nothing to fetch without a split.
            #[cfg(not(feature = "split"))]
            pub async fn load() -> Result<(), leptos::wasm_split::SplitLoaderError> {
                Ok(())
            }

            /// Fetches the code; true when it is there.
            pub fn fetch() -> Pin<Box<dyn Future<Output = bool>>> {
                Box::pin(async { load().await.is_ok() })
            }

            /// The page, once its code is there: a loaded split point answers at once.
            pub fn show() -> Option<AnyView> {
                $page().now_or_never().and_then(Result::ok)
            }
        }
    )*};
}

split_pages! {
    page_overview in part_overview, Login => view! { <OverviewPage/> };
    page_account in part_account, Login => view! { <AccountPage/> };
    page_profile in part_profile, Login => view! { <ProfilePage/> };
    page_visibility in part_profile, Login => view! { <VisibilityPage/> };
    page_disclosures in part_person, Login => view! { <DisclosuresPage/> };
    page_academy in part_person, Login => view! { <AcademyPage/> };
    page_catalogue in part_statements, Open => view! { <CataloguePage/> };
    page_newsletter in part_person, Login => view! { <NewsletterPage/> };
    page_newsletter_confirm in part_entry, Open => view! { <ConfirmSubscriptionPage/> };
    page_newsletter_unsubscribe in part_entry, Open => view! { <UnsubscribePage/> };
    page_my_data in part_data, Login => view! { <MyDataPage/> };
    page_export in part_data, Login => view! { <ExportPage/> };
    page_open_export in part_data, Open => view! { <OpenExportPage/> };
    page_transfer_link in part_data, Open => view! { <TransferLinkPage/> };
    page_login in part_login, LoggedOut => view! { <LoginPage/> };
    page_register in part_entry, LoggedOut => view! { <RegisterPage/> };
    page_register_confirm in part_entry, Open => view! { <RegisterConfirmPage/> };
    page_email_confirm in part_entry, Open => view! { <EmailConfirmPage/> };
    page_forgot_password in part_entry, Open => view! { <ForgotPasswordPage/> };
    page_reset_password in part_entry, Open => view! { <ResetPasswordPage/> };
    page_requests in part_person, Login => view! { <RequestsPage/> };
    page_privacy_queue in part_staff, Login => view! { <PrivacyQueuePage/> };
    page_privacy_request in part_staff, Login => view! { <PrivacyRequestPage/> };
    page_accessibility in part_statements, Open => view! { <AccessibilityPage/> };
    page_privacy_statement in part_statements, Open => view! { <PrivacyStatementPage/> };
    page_breach_notices in part_staff, Login => view! { <BreachNoticesPage/> };
    page_breach_notice in part_staff, Login => view! { <BreachNoticePage/> };
    page_my_breach_notices in part_person, Login => view! { <MyBreachNoticesPage/> };
    page_invitation in part_entry, Open => view! { <InvitationPage/> };
    page_admin in part_admin, Login => view! { <AdminPage/> };
    page_partner_keys in part_admin, Login => view! { <PartnerKeysPage/> };
    page_audit_log in part_admin, Login => view! { <AuditLogPage/> };
    page_academy_catalogue in part_staff, Login => view! { <AcademyCataloguePage/> };
    page_candidates in part_recruiter, Login => view! { <CandidatesPage/> };
    page_candidate in part_recruiter, Login => view! { <CandidatePage/> };
}

/// Who may see a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Guard {
    /// Anyone.
    Open,
    /// A logged-in person (`RequireLogin`).
    Login,
    /// Someone not logged in (`RequireLoggedOut`).
    LoggedOut,
}

/// The split point of `route`, and who may see it.
fn split(route: Route) -> (Load, Show, Guard) {
    macro_rules! of {
        ($page:ident) => {
            ($page::fetch as Load, $page::show as Show, $page::GUARD)
        };
    }
    match route {
        Route::Overview => of!(page_overview),
        Route::Account => of!(page_account),
        Route::Profile => of!(page_profile),
        Route::Visibility => of!(page_visibility),
        Route::Disclosures => of!(page_disclosures),
        Route::Academy => of!(page_academy),
        Route::Catalogue => of!(page_catalogue),
        Route::Newsletter => of!(page_newsletter),
        Route::NewsletterConfirm => of!(page_newsletter_confirm),
        Route::NewsletterUnsubscribe => of!(page_newsletter_unsubscribe),
        Route::MyData => of!(page_my_data),
        Route::Export => of!(page_export),
        Route::OpenExport => of!(page_open_export),
        Route::TransferLink => of!(page_transfer_link),
        Route::Login => of!(page_login),
        Route::Register => of!(page_register),
        Route::RegisterConfirm => of!(page_register_confirm),
        Route::EmailConfirm => of!(page_email_confirm),
        Route::ForgotPassword => of!(page_forgot_password),
        Route::ResetPassword => of!(page_reset_password),
        Route::Requests => of!(page_requests),
        Route::PrivacyQueue => of!(page_privacy_queue),
        Route::PrivacyRequest => of!(page_privacy_request),
        Route::Accessibility => of!(page_accessibility),
        Route::PrivacyStatement => of!(page_privacy_statement),
        Route::BreachNotices => of!(page_breach_notices),
        Route::BreachNotice => of!(page_breach_notice),
        Route::MyBreachNotices => of!(page_my_breach_notices),
        Route::Invitation => of!(page_invitation),
        Route::Admin => of!(page_admin),
        Route::PartnerKeys => of!(page_partner_keys),
        Route::AuditLog => of!(page_audit_log),
        Route::AcademyCatalogue => of!(page_academy_catalogue),
        Route::Candidates => of!(page_candidates),
        Route::Candidate => of!(page_candidate),
    }
}

/// The page at `route`: at once when its code is there, else the loading sentence until it
/// is, or a message with a retry button when it cannot be fetched. The guard comes first: a
/// visitor sent to the login page does not fetch the code of the page they could not see.
pub fn page(route: Route) -> AnyView {
    let (load, show, guard) = split(route);
    match guard {
        Guard::Open => lazily(load, show),
        Guard::Login => view! { <RequireLogin>{move || lazily(load, show)}</RequireLogin> }.into_any(),
        Guard::LoggedOut => view! { <RequireLoggedOut>{move || lazily(load, show)}</RequireLoggedOut> }.into_any(),
    }
}

/// What `show` builds, at once when `load` has nothing left to fetch; else the loading
/// sentence until it has, or a message with a retry button when it cannot.
fn lazily(load: Load, show: Show) -> AnyView {
    if let Some(view) = show() {
        return view;
    }
    let loaded = LocalResource::new(load);
    let locale = Locale::get();
    (move || match loaded.get() {
        None => view! { <Loading/> }.into_any(),
        Some(true) => show().unwrap_or_else(|| ().into_any()),
        Some(false) => view! {
            <div class="notice notice-error" role="alert">
                <p>{locale.text(T::PageUnavailable)}</p>
                <button type="button" class="button" on:click=move |_| loaded.refetch()>{locale.text(T::Retry)}</button>
            </div>
        }
        .into_any(),
    })
    .into_any()
}

/// Fetches the code of `routes` two seconds from now, when the page shown has what it
/// needs, so the next page opens without waiting; a part already fetched is not fetched
/// again, and a fetch that fails is tried again when the page is visited.
pub fn prefetch(routes: impl IntoIterator<Item = Route> + 'static) {
    let routes: Vec<Route> = routes.into_iter().collect();
    let run = move || {
        leptos::task::spawn_local(async move {
            for route in routes {
                (split(route).0)().await;
            }
        })
    };
    set_timeout(run, std::time::Duration::from_secs(2));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page behind the login is one the login page returns to after logging in, and the
    /// other way round: the two lists agreed for every page but five (a privacy officer who
    /// opened a bookmarked `/privacy/verzoeken` while logged out landed on the overview).
    #[test]
    fn the_pages_behind_the_login_are_the_pages_a_login_returns_to() {
        for route in Route::ALL {
            let (_, _, guard) = split(route);
            assert_eq!(guard == Guard::Login, route.requires_login(), "{route:?}");
        }
    }
}
