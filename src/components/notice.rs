//! Messages: errors (announced at once), status (announced politely), loading.

use leptos::prelude::*;

use crate::api::ClientError;
use crate::i18n::T;
use crate::locale::Locale;

/// An error as a sentence in the person's language; `role="alert"` so it is announced.
#[component]
pub fn ErrorNotice(
    /// The failure to explain.
    error: ClientError,
    /// An id, for a message that receives focus (a form's error after a failed submit).
    #[prop(optional)]
    id: Option<&'static str>,
) -> impl IntoView {
    let locale = Locale::get();
    let code = error.code().map(|c| format!("{c:?}"));
    view! {
        <p class="notice notice-error" role="alert" data-code=code id=id tabindex=id.map(|_| "-1")>
            {move || error.message(locale.lang())}
        </p>
    }
}

/// A confirmation or other status message.
#[component]
pub fn StatusNotice(
    /// The message.
    text: T,
    /// An id, for a message that receives focus after the action it reports (so keyboard
    /// focus never falls back to the page's start when the button is re-rendered or disabled).
    #[prop(optional)]
    id: Option<&'static str>,
) -> impl IntoView {
    let locale = Locale::get();
    view! {
        <p class="notice notice-status" role="status" id=id tabindex=id.map(|_| "-1")>{locale.text(text)}</p>
    }
}

/// Shown while something loads.
#[component]
pub fn Loading() -> impl IntoView {
    let locale = Locale::get();
    view! { <p class="loading" role="status" aria-live="polite">{locale.text(T::Loading)}</p> }
}
