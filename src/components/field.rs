//! Labelled form fields with their hint and error, tied together for assistive technology
//! (WCAG 1.3.1, 3.3.1, 3.3.2): the error is linked by `aria-describedby` and marks the input
//! `aria-invalid`; the hint is always linked.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use zelfregie_model::ErrorCode;

use crate::i18n::{error_text, T};
use crate::locale::Locale;

/// A two-way binding of a text value: where it is read from and how it is written.
#[derive(Clone, Copy)]
pub struct Binding {
    /// Current value.
    pub get: Signal<String>,
    /// Writes a new value.
    pub set: Callback<String>,
}

impl Binding {
    /// A binding from a getter and a setter.
    pub fn new(get: impl Fn() -> String + Send + Sync + 'static, set: impl Fn(String) + Send + Sync + 'static) -> Self {
        Binding { get: Signal::derive(get), set: Callback::new(set) }
    }
}

impl From<RwSignal<String>> for Binding {
    fn from(signal: RwSignal<String>) -> Self {
        Binding { get: signal.into(), set: Callback::new(move |v| signal.set(v)) }
    }
}

fn described_by(id: &str, hint: bool, error: Signal<Option<ErrorCode>>) -> impl Fn() -> Option<String> + use<> {
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    move || {
        let mut ids = Vec::new();
        if hint {
            ids.push(hint_id.clone());
        }
        if error.get().is_some() {
            ids.push(error_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// The hint and error paragraphs of a field.
fn hint_and_error(id: &str, hint: Option<T>, error: Signal<Option<ErrorCode>>) -> impl IntoView + use<> {
    let locale = Locale::get();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    view! {
        {hint.map(|h| view! { <p class="field-hint" id=hint_id>{locale.text(h)}</p> })}
        {move || {
            error.get().map(|code| view! {
                <p class="field-error" id=error_id.clone()>{move || error_text(code, locale.lang())}</p>
            })
        }}
    }
}

/// A text input (or `number`, `month`, `email`, `tel`, `password` via `input_type`).
#[component]
pub fn TextField(
    /// Element id, unique on the page.
    #[prop(into)]
    id: String,
    /// Label text.
    label: T,
    /// The value.
    #[prop(into)]
    value: Binding,
    /// The current error of this field.
    #[prop(into, optional)]
    error: Signal<Option<ErrorCode>>,
    /// `type` of the input.
    #[prop(default = "text")]
    input_type: &'static str,
    /// `autocomplete` token (WCAG 1.3.5).
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// `inputmode`, for the right keyboard on a phone.
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// Help shown under the label.
    #[prop(optional)]
    hint: Option<T>,
    /// A multi-line text area instead of an input.
    #[prop(optional)]
    multiline: bool,
) -> impl IntoView {
    let locale = Locale::get();
    let described = described_by(&id, hint.is_some(), error);
    let invalid = move || error.get().map(|_| "true");
    let control = if multiline {
        view! {
            <textarea id=id.clone() name=id.clone() rows="4" aria-invalid=invalid aria-describedby=described
                prop:value=move || value.get.get() on:input=move |ev| value.set.run(event_target_value(&ev))></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() name=id.clone() type=input_type autocomplete=autocomplete inputmode=inputmode
                aria-invalid=invalid aria-describedby=described
                prop:value=move || value.get.get() on:input=move |ev| value.set.run(event_target_value(&ev))/>
        }
        .into_any()
    };
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label for=id.clone()>{locale.text(label)}</label>
            {hint_and_error(&id, hint, error)}
            {control}
        </div>
    }
}

/// A checkbox with its label after it.
#[component]
pub fn CheckboxField(
    /// Element id, unique on the page.
    #[prop(into)]
    id: String,
    /// Label text.
    label: T,
    /// Whether it is checked.
    #[prop(into)]
    checked: Signal<bool>,
    /// Called with the new state.
    #[prop(into)]
    set: Callback<bool>,
    /// Help shown under the label.
    #[prop(optional)]
    hint: Option<T>,
) -> impl IntoView {
    let locale = Locale::get();
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field field-check">
            <input type="checkbox" id=id.clone() prop:checked=move || checked.get()
                aria-describedby=hint.map(|_| hint_id.clone())
                on:change=move |ev| set.run(event_target_checked(&ev))/>
            <label for=id.clone()>{locale.text(label)}</label>
            {hint.map(|h| view! { <p class="field-hint" id=hint_id.clone()>{locale.text(h)}</p> })}
        </div>
    }
}

/// A drop-down list; `options` are `(value, label)` pairs.
#[component]
pub fn SelectField(
    /// Element id, unique on the page.
    #[prop(into)]
    id: String,
    /// Label text.
    label: T,
    /// The options.
    options: Vec<(String, Signal<String>)>,
    /// The selected value.
    #[prop(into)]
    value: Binding,
    /// The current error of this field.
    #[prop(into, optional)]
    error: Signal<Option<ErrorCode>>,
) -> impl IntoView {
    let locale = Locale::get();
    let described = described_by(&id, false, error);
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label for=id.clone()>{locale.text(label)}</label>
            {hint_and_error(&id, None, error)}
            <select id=id.clone() name=id.clone() aria-describedby=described
                on:change=move |ev| value.set.run(event_target_value(&ev))>
                {options.into_iter().map(|(v, text)| {
                    let selected = { let v = v.clone(); move || value.get.get() == v };
                    view! { <option value=v prop:selected=selected>{move || text.get()}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// A file picker; `pick` hears the chosen file (`None` when the choice is cleared).
#[component]
pub fn FileField(
    /// Element id, unique on the page.
    #[prop(into)]
    id: String,
    /// Label text.
    label: T,
    /// The `accept` list of file types.
    accept: &'static str,
    /// Called with the chosen file.
    pick: Callback<Option<web_sys::File>>,
    /// The current error of this field.
    #[prop(into, optional)]
    error: Signal<Option<ErrorCode>>,
) -> impl IntoView {
    let locale = Locale::get();
    let described = described_by(&id, false, error);
    let invalid = move || error.get().map(|_| "true");
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label for=id.clone()>{locale.text(label)}</label>
            {hint_and_error(&id, None, error)}
            <input id=id.clone() name=id.clone() type="file" accept=accept aria-invalid=invalid aria-describedby=described
                on:change=move |ev| {
                    let input = event_target::<web_sys::HtmlInputElement>(&ev);
                    pick.run(input.files().and_then(|f| f.get(0)));
                }/>
        </div>
    }
}

/// Moves keyboard focus to the element with id `id` (after a failed submit, after adding
/// a list entry).
/// Waits for the next frame, so an element that the same update creates exists by then.
pub fn focus_field(id: &str) {
    let id = id.to_owned();
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

/// One choice out of a few, as radio buttons in a fieldset with a legend (WCAG 1.3.1):
/// `options` are `(id, label, value)`.
#[component]
pub fn RadioGroup<V>(
    /// `name` of the radio buttons.
    name: &'static str,
    /// The question.
    legend: T,
    /// The choices.
    options: Vec<(&'static str, T, V)>,
    /// The chosen value.
    chosen: RwSignal<V>,
) -> impl IntoView
where
    V: Copy + PartialEq + Send + Sync + 'static,
{
    let locale = Locale::get();
    view! {
        <fieldset class="choice">
            <legend>{locale.text(legend)}</legend>
            {options.into_iter().map(|(id, label, value)| view! {
                <div class="field-check">
                    <input type="radio" id=id name=name prop:checked=move || chosen.get() == value
                        on:change=move |_| chosen.set(value)/>
                    <label for=id>{locale.text(label)}</label>
                </div>
            }).collect_view()}
        </fieldset>
    }
}
