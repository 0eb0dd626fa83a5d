//! The app's frame: skip link, header with name, navigation and language switch, the page,
//! and a footer with the privacy and accessibility statements.

use leptos::prelude::*;

use crate::components::breach_banner::BreachBanner;
use crate::components::language_switch::LanguageSwitch;
use crate::components::nav::MainNav;
use crate::components::session_dialogs::SessionDialogs;
use crate::i18n::T;
use crate::locale::Locale;
use crate::routes::Route;
use crate::unsaved::Unsaved;
use wasm_bindgen::JsCast;

/// Wraps every page.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let locale = Locale::get();
    let unsaved = Unsaved::get();
    // A link inside the app would drop a dirty form silently: ask first. Runs before the
    // router's own click handler, which skips clicks whose default was prevented.
    let guard_links = move |ev: leptos::ev::MouseEvent| {
        let on_link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten())
            .is_some_and(|a| !a.get_attribute("href").unwrap_or_default().starts_with('#'));
        if on_link && !unsaved.may_leave() {
            ev.prevent_default();
        }
    };
    view! {
        <div class="app" on:click=guard_links>
        <a class="skip-link" href="#inhoud">{locale.text(T::SkipToContent)}</a>
        <header class="site-header">
            <div class="site-header-inner">
                <a class="brand-link" href=Route::Overview.path()>
                    <span class="brand">{locale.text(T::AppName)}</span>
                    <span class="brand-tagline">{locale.text(T::AppTagline)}</span>
                </a>
                <MainNav/>
                <LanguageSwitch/>
            </div>
        </header>
        <main id="inhoud" tabindex="-1"><BreachBanner/>{children()}</main>
        <footer class="site-footer">
            <p>{locale.text(T::Footer)}</p>
            <nav aria-label=locale.text(T::FooterStatements)>
                <ul class="footer-links">
                    <li><a href=Route::PrivacyStatement.path()>{locale.text(T::NavPrivacyStatement)}</a></li>
                    <li><a href=Route::Accessibility.path()>{locale.text(T::NavAccessibility)}</a></li>
                </ul>
            </nav>
        </footer>
        <SessionDialogs/>
        </div>
    }
}
