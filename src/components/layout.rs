//! The app's frame: skip link, header with name, navigation and language switch, the page,
//! and a footer.

use leptos::prelude::*;

use crate::components::language_switch::LanguageSwitch;
use crate::components::nav::MainNav;
use crate::i18n::T;
use crate::locale::Locale;

/// Wraps every page.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let locale = Locale::get();
    view! {
        <a class="skip-link" href="#inhoud">{locale.text(T::SkipToContent)}</a>
        <header class="site-header">
            <div class="site-header-inner">
                <a class="brand-link" href="/">
                    <span class="brand">{locale.text(T::AppName)}</span>
                    <span class="brand-tagline">{locale.text(T::AppTagline)}</span>
                </a>
                <MainNav/>
                <LanguageSwitch/>
            </div>
        </header>
        <main id="inhoud" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            <p>{locale.text(T::Footer)}</p>
        </footer>
    }
}
