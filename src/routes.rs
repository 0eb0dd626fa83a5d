//! The one table of pages (docs/architecture.md "Pages"). Each row names a page
//! ([`Route`], the model's `links::Page`: its address and who may see it), its split point
//! and part (`lazy.rs`), its place in the menu (label and roles) and its component. The
//! router ([`PageRoutes`]), the guards (`lazy::page`), the split parts and the menu
//! (`components/nav.rs`) are all made from this table, so a page added in one row is in all
//! four, and a page of the model without a row does not compile. Every link in a page takes
//! its path from [`Route`]; no page writes an address itself. The API's paths are in the
//! model's `links::api`.
#![allow(unsafe_code)] // the split points' generated `extern` declarations, nothing else

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use futures_util::FutureExt;
use leptos::prelude::*;
use leptos_router::components::{Route as RouteView, Routes};
use leptos_router::{PossibleRouteMatch, StaticSegment};
use zelfregie_model::Role;

use crate::i18n::T;
use crate::lazy::{Load, Show, Unavailable};
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
use crate::pages::not_found::NotFoundPage;
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

/// A page of the app, by its address: the model's `links::Page` (the name `Page` is the
/// component that lays a page out).
pub use zelfregie_model::links::Page as Route;
pub use zelfregie_model::links::{return_target, Access, RETURN_PARAM};

/// Where a page is in the main menu.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    /// Not in the menu (reached by a link).
    No,
    /// In the menu of a logged-in person with one of these roles, labelled with the text.
    For(T, &'static [Role]),
    /// In the menu of a visitor who is not logged in, labelled with the text.
    LoggedOut(T),
}

/// Every role.
const EVERYONE: &[Role] = &[Role::Person, Role::PrivacyStaff, Role::AcademyStaff, Role::Recruiter, Role::Administrator];
/// Everyone whose own data is in the portal (an administrator's is not).
const WITH_DATA: &[Role] = &[Role::Person, Role::PrivacyStaff, Role::AcademyStaff, Role::Recruiter];
/// Candidates and course participants.
const PERSON: &[Role] = &[Role::Person];
/// Privacy staff.
const PRIVACY: &[Role] = &[Role::PrivacyStaff];
/// Academy staff.
const ACADEMY: &[Role] = &[Role::AcademyStaff];
/// Recruiters.
const RECRUITER: &[Role] = &[Role::Recruiter];
/// Administrators.
const ADMIN: &[Role] = &[Role::Administrator];
/// Who reads the administration's log.
const LOG: &[Role] = &[Role::PrivacyStaff, Role::Administrator];

/// One row of the table.
#[derive(Clone, Copy)]
pub struct Row {
    /// The split point's name (`page_…`): the part's symbol is made of the part and this name.
    pub split: &'static str,
    /// The split part (`part_…`): pages visited together share one wasm module. The names
    /// are part of the shipped files' names (`split_part_…`): keep them stable.
    pub part: &'static str,
    /// Where the page is in the menu.
    pub menu: Menu,
    /// Fetches the page's code.
    pub load: Load,
    /// Builds the page once its code is there.
    pub show: Show,
}

/// The table: `Route => split point in part, menu => component;`, in the menu's order.
/// Each split point becomes a module holding `fetch` (fetch the code) and `show`; in the
/// shipped build (feature `split`) its code lands in the wasm module of its part
/// (docs/build.md "Splitting by route"); in every other build the same functions are plain
/// calls. `scripts/build-app.mjs` reads the rows.
macro_rules! pages {
    ($($route:ident => $page:ident in $part:ident, $menu:expr => $view:ident;)*) => {
        $(
            mod $page {
                use super::*;

                // Named after the page: the split point's symbol is made of the part and this name.
                #[cfg(feature = "split")]
                #[leptos::wasm_split::wasm_split(
                    $part, wasm_split_path = ::leptos::wasm_split, fallible, preload(load)
                )]
                pub fn $page() -> Result<AnyView, Unavailable> {
                    Ok(view! { <$view/> }.into_any())
                }

                /// The page, without a split.
                #[cfg(not(feature = "split"))]
                pub async fn $page() -> Result<AnyView, Unavailable> {
                    Ok(view! { <$view/> }.into_any())
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
        )*

        /// The table's row of `route`.
        pub fn row(route: Route) -> Row {
            match route {
                $(Route::$route => Row {
                    split: stringify!($page),
                    part: stringify!($part),
                    menu: $menu,
                    load: $page::fetch,
                    show: $page::show,
                },)*
            }
        }

        /// The pages in the table's order (the menu's order).
        pub const ORDER: [Route; [$(Route::$route),*].len()] = [$(Route::$route),*];

        /// The router: every page of the table at its address, behind its guard
        /// (`lazy::page`); any other address is "not found".
        #[component]
        pub fn PageRoutes() -> impl IntoView {
            view! {
                <Routes fallback=|| view! { <NotFoundPage/> }>
                    $(<RouteView path=matcher(Route::$route) view=|| crate::lazy::page(Route::$route)/>)*
                </Routes>
            }
        }
    };
}

pages! {
    // The menu, in its order.
    Overview => page_overview in part_overview, Menu::For(T::NavOverview, EVERYONE) => OverviewPage;
    Profile => page_profile in part_profile, Menu::For(T::NavProfile, PERSON) => ProfilePage;
    Visibility => page_visibility in part_profile, Menu::For(T::NavVisibility, PERSON) => VisibilityPage;
    Disclosures => page_disclosures in part_person, Menu::For(T::NavDisclosures, PERSON) => DisclosuresPage;
    Academy => page_academy in part_person, Menu::For(T::NavAcademy, PERSON) => AcademyPage;
    Newsletter => page_newsletter in part_person, Menu::For(T::NavNewsletter, PERSON) => NewsletterPage;
    PrivacyQueue => page_privacy_queue in part_staff, Menu::For(T::NavPrivacyQueue, PRIVACY) => PrivacyQueuePage;
    BreachNotices => page_breach_notices in part_staff, Menu::For(T::NavBreachNotices, PRIVACY) => BreachNoticesPage;
    AcademyCatalogue => page_academy_catalogue in part_staff, Menu::For(T::NavAcademyCatalogue, ACADEMY)
        => AcademyCataloguePage;
    // Recruiters search the candidate bank.
    Candidates => page_candidates in part_recruiter, Menu::For(T::NavCandidates, RECRUITER) => CandidatesPage;
    // An administrator decides who may work in the portal; no one's data is here.
    Admin => page_admin in part_admin, Menu::For(T::NavAdmin, ADMIN) => AdminPage;
    PartnerKeys => page_partner_keys in part_admin, Menu::For(T::NavPartnerKeys, ADMIN) => PartnerKeysPage;
    AuditLog => page_audit_log in part_admin, Menu::For(T::NavAuditLog, LOG) => AuditLogPage;
    MyData => page_my_data in part_data, Menu::For(T::NavMyData, WITH_DATA) => MyDataPage;
    Account => page_account in part_account, Menu::For(T::NavAccount, EVERYONE) => AccountPage;
    Login => page_login in part_login, Menu::LoggedOut(T::NavLogin) => LoginPage;
    Register => page_register in part_entry, Menu::LoggedOut(T::NavRegister) => RegisterPage;
    // Reached by links.
    Export => page_export in part_data, Menu::No => ExportPage;
    Requests => page_requests in part_person, Menu::No => RequestsPage;
    MyBreachNotices => page_my_breach_notices in part_person, Menu::No => MyBreachNoticesPage;
    PrivacyRequest => page_privacy_request in part_staff, Menu::No => PrivacyRequestPage;
    BreachNotice => page_breach_notice in part_staff, Menu::No => BreachNoticePage;
    Candidate => page_candidate in part_recruiter, Menu::No => CandidatePage;
    // Opening a file needs no account: it happens in the browser only.
    OpenExport => page_open_export in part_data, Menu::No => OpenExportPage;
    // The one-time link a person gives an organisation: no account needed.
    TransferLink => page_transfer_link in part_data, Menu::No => TransferLinkPage;
    // The catalogue can be browsed before there is an account.
    Catalogue => page_catalogue in part_statements, Menu::No => CataloguePage;
    // The statements: public, linked from every page's footer.
    Accessibility => page_accessibility in part_statements, Menu::No => AccessibilityPage;
    PrivacyStatement => page_privacy_statement in part_statements, Menu::No => PrivacyStatementPage;
    // Links from mails: no login needed.
    NewsletterConfirm => page_newsletter_confirm in part_entry, Menu::No => ConfirmSubscriptionPage;
    NewsletterUnsubscribe => page_newsletter_unsubscribe in part_entry, Menu::No => UnsubscribePage;
    RegisterConfirm => page_register_confirm in part_entry, Menu::No => RegisterConfirmPage;
    EmailConfirm => page_email_confirm in part_entry, Menu::No => EmailConfirmPage;
    ForgotPassword => page_forgot_password in part_entry, Menu::No => ForgotPasswordPage;
    ResetPassword => page_reset_password in part_entry, Menu::No => ResetPasswordPage;
    Invitation => page_invitation in part_entry, Menu::No => InvitationPage;
}

/// The menu of a person with `role`, or of a visitor who is not logged in (`None`): the
/// table's pages in its order.
pub fn menu(role: Option<Role>) -> Vec<(Route, T)> {
    ORDER
        .into_iter()
        .filter_map(|route| match (row(route).menu, role) {
            (Menu::For(label, roles), Some(role)) if roles.contains(&role) => Some((route, label)),
            (Menu::LoggedOut(label), None) => Some((route, label)),
            _ => None,
        })
        .collect()
}

/// What the router matches a path with.
pub type Matcher = Arc<dyn PossibleRouteMatch + Send + Sync>;

/// The path of `route` as the router matches it: its segments, as `path!` would write them.
pub fn matcher(route: Route) -> Matcher {
    let mut segments = route.path().split('/').filter(|s| !s.is_empty()).map(StaticSegment);
    match (segments.next(), segments.next(), segments.next()) {
        (None, _, _) => Arc::new(()),
        (Some(a), None, _) => Arc::new((a,)),
        (Some(a), Some(b), None) => Arc::new((a, b)),
        _ => unreachable!("no path of the app has more than two segments"),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn every_page_has_exactly_one_row() {
        assert_eq!(ORDER.len(), Route::ALL.len());
        let rows: HashSet<Route> = ORDER.into_iter().collect();
        assert_eq!(rows.len(), ORDER.len(), "a page in two rows");
        for route in Route::ALL {
            assert!(rows.contains(&route), "{route:?} has no row");
        }
    }

    /// A split point is named after its page (`PrivacyQueue` → `page_privacy_queue`): the
    /// shipped files and the preload list (`scripts/build-app.mjs`) find a page by it.
    #[test]
    fn split_points_are_named_after_their_page_and_parts_are_parts() {
        let mut splits = HashSet::new();
        for route in Route::ALL {
            let row = row(route);
            let mut snake = String::from("page");
            for c in format!("{route:?}").chars() {
                if c.is_ascii_uppercase() {
                    snake.push('_');
                }
                snake.push(c.to_ascii_lowercase());
            }
            assert_eq!(row.split, snake, "{route:?}");
            assert!(splits.insert(row.split));
            assert!(row.part.starts_with("part_") && row.part.len() > 5, "{route:?}: {}", row.part);
        }
    }

    #[test]
    fn the_menu_links_only_to_pages_its_reader_may_open() {
        for route in Route::ALL {
            match row(route).menu {
                Menu::No => {}
                Menu::For(_, roles) => {
                    assert_eq!(route.access(), Access::LoggedIn, "{route:?}");
                    assert!(!roles.is_empty(), "{route:?}");
                }
                Menu::LoggedOut(_) => assert_eq!(route.access(), Access::LoggedOut, "{route:?}"),
            }
        }
    }

    /// Each role's menu, in the order people know.
    #[test]
    fn each_role_has_its_menu() {
        use Route::*;
        let pages = |role| menu(role).into_iter().map(|(route, _)| route).collect::<Vec<_>>();
        assert_eq!(
            pages(Some(Role::Person)),
            [Overview, Profile, Visibility, Disclosures, Academy, Newsletter, MyData, Account]
        );
        assert_eq!(pages(Some(Role::PrivacyStaff)), [Overview, PrivacyQueue, BreachNotices, AuditLog, MyData, Account]);
        assert_eq!(pages(Some(Role::AcademyStaff)), [Overview, AcademyCatalogue, MyData, Account]);
        assert_eq!(pages(Some(Role::Recruiter)), [Overview, Candidates, MyData, Account]);
        assert_eq!(pages(Some(Role::Administrator)), [Overview, Admin, PartnerKeys, AuditLog, Account]);
        assert_eq!(pages(None), [Login, Register]);
        assert_eq!(menu(None), [(Login, T::NavLogin), (Register, T::NavRegister)]);
    }

    #[test]
    fn each_matcher_takes_its_own_path_and_no_other() {
        for route in Route::ALL {
            for other in Route::ALL {
                let whole = matcher(route).test(other.path()).is_some_and(|m| matches!(m.remaining(), "" | "/"));
                assert_eq!(whole, route == other, "{route:?} on {}", other.path());
            }
        }
    }
}
