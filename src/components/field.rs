//! A labelled form field with its hint and error, tied together for assistive technology.

use leptos::prelude::*;
use zelfregie_model::ErrorCode;

use crate::i18n::{error_text, T};
use crate::locale::Locale;

/// A text input. The error (if any) is linked by `aria-describedby` and marks the input
/// `aria-invalid`; the hint is always linked.
#[component]
pub fn TextField(
    /// Element id; also the field's name in the request.
    id: &'static str,
    /// Label text.
    label: T,
    /// The value, two-way bound.
    value: RwSignal<String>,
    /// The current error of this field.
    #[prop(into)]
    error: Signal<Option<ErrorCode>>,
    /// `type` of the input.
    #[prop(default = "text")]
    input_type: &'static str,
    /// `autocomplete` token (WCAG 1.3.5).
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// Help shown under the label.
    #[prop(optional)]
    hint: Option<T>,
) -> impl IntoView {
    let locale = Locale::get();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label for=id>{locale.text(label)}</label>
            {hint.map(|h| view! { <p class="field-hint" id=hint_id>{locale.text(h)}</p> })}
            {move || {
                error.get().map(|code| view! {
                    <p class="field-error" id=error_id.clone()>{move || error_text(code, locale.lang())}</p>
                })
            }}
            <input
                id=id
                name=id
                type=input_type
                autocomplete=autocomplete
                aria-invalid=move || error.get().map(|_| "true")
                aria-describedby=described_by
                bind:value=value
            />
        </div>
    }
}

/// Moves keyboard focus to the field with id `id` (after a failed submit).
pub fn focus_field(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        use wasm_bindgen::JsCast;
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}
