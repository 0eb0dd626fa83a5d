//! The visible switch between Nederlands and English. For a logged-in person it also sets the
//! account's language, which their mails and consent receipts follow (issue 25).

use leptos::prelude::*;

use crate::i18n::T;
use crate::locale::Locale;
use crate::session::Auth;

/// A button naming the other language in that language (so a person who cannot read the
/// current one still finds it), with its `lang` set for screen readers.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let locale = Locale::get();
    // The app provides the session; a switch shown without one (a test) only switches.
    let auth = use_context::<Auth>();
    let other = move || locale.lang().other();
    let switch = move |_| {
        let lang = other();
        locale.set(lang);
        if auth.is_some_and(|a| a.is_logged_in() == Some(true)) {
            leptos::task::spawn_local(async move {
                // The page is already in the new language; a failure only leaves the mails
                // in the old one until the next switch.
                let _ = crate::api::set_language(lang).await;
            });
        }
    };
    view! {
        <button
            type="button"
            class="language-switch"
            lang=move || other().tag()
            aria-label=locale.text(T::LanguageSwitchLabel)
            on:click=switch
        >
            {move || other().endonym()}
        </button>
    }
}
