//! The main navigation: a row of links on a wide screen, a menu button on a phone; with
//! "Uitloggen" at its end for a logged-in person.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::T;
use crate::locale::Locale;
use crate::routes::{self, Route};
use crate::session::Auth;

/// The links a person can use now: pages for logged-in people, or login and registration.
#[component]
pub fn MainNav() -> impl IntoView {
    let locale = Locale::get();
    let auth = Auth::get();
    let open = RwSignal::new(false);
    let links = move || -> Vec<(Route, T)> {
        // The table of pages (`routes.rs`) says which pages are in whose menu, in which order.
        match auth.info().map(|i| i.account.role) {
            Some(role) => routes::menu(Some(role)),
            None if auth.is_logged_in() == Some(false) => routes::menu(None),
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
