//! The main navigation: a row of links on a wide screen, a menu button on a phone.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::T;
use crate::locale::Locale;
use crate::session::Auth;
use zelfregie_model::Role;

/// The links a person can use now: pages for logged-in people, or login and registration.
#[component]
pub fn MainNav() -> impl IntoView {
    let locale = Locale::get();
    let auth = Auth::get();
    let open = RwSignal::new(false);
    let links = move || -> Vec<(&'static str, T)> {
        match auth.info().map(|i| i.account.role) {
            // Candidates manage a profile; recruiters and academy staff do not have one.
            Some(Role::Person) => vec![
                ("/", T::NavOverview),
                ("/profiel", T::NavProfile),
                ("/zichtbaarheid", T::NavVisibility),
                ("/wie-zag-mijn-gegevens", T::NavDisclosures),
                ("/opleidingen", T::NavAcademy),
                ("/nieuwsbrief", T::NavNewsletter),
                ("/mijn-gegevens", T::NavMyData),
                ("/account", T::NavAccount),
            ],
            // Exporteren is reached from Mijn gegevens and the overview: eight links are
            // what fits one line of a laptop screen.
            Some(_) => vec![("/", T::NavOverview), ("/mijn-gegevens", T::NavMyData), ("/account", T::NavAccount)],
            None if auth.is_logged_in() == Some(true) => Vec::new(),
            None if auth.is_logged_in() == Some(false) => {
                vec![("/inloggen", T::NavLogin), ("/registreren", T::NavRegister)]
            }
            None => Vec::new(),
        }
    };
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
                        .map(|(href, text)| view! { <li><A href=href exact=true>{locale.text(text)}</A></li> })
                        .collect_view()
                }}
            </ul>
        </nav>
    }
}
