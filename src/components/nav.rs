//! The main navigation: a row of links on a wide screen, a menu button on a phone; with
//! "Uitloggen" at its end for a logged-in person.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::T;
use crate::locale::Locale;
use crate::routes::Route;
use crate::session::Auth;
use zelfregie_model::Role;

/// The links a person can use now: pages for logged-in people, or login and registration.
#[component]
pub fn MainNav() -> impl IntoView {
    let locale = Locale::get();
    let auth = Auth::get();
    let open = RwSignal::new(false);
    let links = move || -> Vec<(Route, T)> {
        match auth.info().map(|i| i.account.role) {
            // Candidates manage a profile; recruiters and academy staff do not have one.
            Some(Role::Person) => vec![
                (Route::Overview, T::NavOverview),
                (Route::Profile, T::NavProfile),
                (Route::Visibility, T::NavVisibility),
                (Route::Disclosures, T::NavDisclosures),
                (Route::Academy, T::NavAcademy),
                (Route::Newsletter, T::NavNewsletter),
                (Route::MyData, T::NavMyData),
                (Route::Account, T::NavAccount),
            ],
            Some(Role::PrivacyStaff) => vec![
                (Route::Overview, T::NavOverview),
                (Route::PrivacyQueue, T::NavPrivacyQueue),
                (Route::BreachNotices, T::NavBreachNotices),
                (Route::AuditLog, T::NavAuditLog),
                (Route::MyData, T::NavMyData),
                (Route::Account, T::NavAccount),
            ],
            Some(Role::AcademyStaff) => vec![
                (Route::Overview, T::NavOverview),
                (Route::AcademyCatalogue, T::NavAcademyCatalogue),
                (Route::MyData, T::NavMyData),
                (Route::Account, T::NavAccount),
            ],
            // Recruiters search the candidate bank.
            Some(Role::Recruiter) => vec![
                (Route::Overview, T::NavOverview),
                (Route::Candidates, T::NavCandidates),
                (Route::MyData, T::NavMyData),
                (Route::Account, T::NavAccount),
            ],
            // An administrator decides who may work in the portal; no one's data is here.
            Some(Role::Administrator) => vec![
                (Route::Overview, T::NavOverview),
                (Route::Admin, T::NavAdmin),
                (Route::PartnerKeys, T::NavPartnerKeys),
                (Route::AuditLog, T::NavAuditLog),
                (Route::Account, T::NavAccount),
            ],
            None if auth.is_logged_in() == Some(true) => Vec::new(),
            None if auth.is_logged_in() == Some(false) => {
                vec![(Route::Login, T::NavLogin), (Route::Register, T::NavRegister)]
            }
            None => Vec::new(),
        }
    };
    // The pages a person can go to next are fetched while the browser is idle.
    Effect::new(move |_| crate::lazy::prefetch(links().into_iter().map(|(route, _)| route)));
    view! {
        <nav class="main-nav" aria-label=locale.text(T::MainNav)>
            <button
                type="button"
                class="menu-button"
                aria-expanded=move || open.get().to_string()
                aria-controls="hoofdmenu"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {locale.text(T::Menu)}
            </button>
            // A chosen link closes the menu on a phone.
            <ul id="hoofdmenu" class:open=move || open.get() on:click=move |_| open.set(false)>
                {move || {
                    links()
                        .into_iter()
                        .map(|(to, text)| view! { <li><A href=to.path() exact=true>{locale.text(text)}</A></li> })
                        .collect_view()
                }}
                // Logging out is one step from every page, not only from Account.
                {move || (auth.is_logged_in() == Some(true)).then(|| view! {
                    <li class="nav-logout-item"><button type="button" class="nav-logout" on:click=move |_| auth.log_out()>
                        {locale.text(T::NavLogout)}
                    </button></li>
                })}
            </ul>
        </nav>
    }
}
