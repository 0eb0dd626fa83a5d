//! The visible switch between Nederlands and English.

use leptos::prelude::*;

use crate::i18n::T;
use crate::locale::Locale;

/// A button naming the other language in that language (so a person who cannot read the
/// current one still finds it), with its `lang` set for screen readers.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let locale = Locale::get();
    let other = move || locale.lang().other();
    view! {
        <button
            type="button"
            class="language-switch"
            lang=move || other().tag()
            aria-label=locale.text(T::LanguageSwitchLabel)
            on:click=move |_| locale.set(other())
        >
            {move || other().endonym()}
        </button>
    }
}
