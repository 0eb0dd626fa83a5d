//! Labelled form fields with their hint and error, tied together for assistive technology
//! (WCAG 1.3.1, 3.3.1, 3.3.2): the error is linked by `aria-describedby` and marks the input
//! `aria-invalid`; the hint is always linked. A required field says so to everyone: a
//! visible mark and `aria-required` (WCAG 3.3.2); its error says what to type (WCAG 3.3.3).

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use zelfregie_model::ErrorCode;

use crate::i18n::{error_text, Lang, T};
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

fn described_by(id: &str, hint: Signal<bool>, error: Signal<Option<ErrorCode>>) -> impl Fn() -> Option<String> + use<> {
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    move || {
        let mut ids = Vec::new();
        if hint.get() {
            ids.push(hint_id.clone());
        }
        if error.get().is_some() {
            ids.push(error_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// The sentence shown for `code` at a field whose `instruction` says what to type: for an
/// empty required field the instruction alone ("Vul je voornaam in."); for a value that cannot
/// be read or is out of range, what is wrong and then what to type. (A month that cannot be
/// read has a sentence that says what to type already.)
pub fn field_error_text(code: ErrorCode, instruction: Option<T>, lang: Lang) -> String {
    match (code, instruction) {
        (ErrorCode::Required, Some(what)) => what.get(lang).to_owned(),
        (ErrorCode::OutOfRange | ErrorCode::NumberInvalid, Some(what)) => {
            format!("{} {}", error_text(code, lang), what.get(lang))
        }
        _ => error_text(code, lang).to_owned(),
    }
}

/// The hint and error paragraphs of a field.
fn hint_and_error(
    id: &str,
    hint: Signal<Option<T>>,
    error: Signal<Option<ErrorCode>>,
    instruction: Option<T>,
) -> impl IntoView + use<> {
    let locale = Locale::get();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    view! {
        {move || hint.get().map(|h| view! { <p class="field-hint" id=hint_id.clone()>{locale.text(h)}</p> })}
        {move || {
            error.get().map(|code| view! {
                <p class="field-error" id=error_id.clone()>{move || field_error_text(code, instruction, locale.lang())}</p>
            })
        }}
    }
}

/// The label of a field; a required one carries a mark (` *`, drawn by the stylesheet with
/// an empty text alternative). Assistive technology hears `aria-required` instead, and the
/// field's name stays the label's words.
fn field_label(id: &str, label: T, required: bool) -> impl IntoView + use<> {
    let locale = Locale::get();
    view! { <label for=id.to_owned() id=format!("{id}-label") class:required=required>{locale.text(label)}</label> }
}

/// The line that explains the mark of required fields, once above a form that has them.
#[component]
pub fn RequiredNote() -> impl IntoView {
    let locale = Locale::get();
    view! { <p class="required-note">{locale.text(T::RequiredNote)}</p> }
}

/// A text input (or `email`, `tel`, `password` via `input_type`). A password field has a
/// button that shows what was typed (`aria-pressed` says whether it is shown). Numbers and
/// months are typed as text (see [`MonthField`] and the profile page): a browser's number
/// field empties itself on "32,5", and not every browser has a month picker.
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
    #[prop(optional, into)]
    hint: MaybeProp<T>,
    /// A multi-line text area instead of an input.
    #[prop(optional)]
    multiline: bool,
    /// The field must be filled in.
    #[prop(optional)]
    required: bool,
    /// What to type, said when the field is empty but required, or cannot be read.
    #[prop(default = None, into)]
    instruction: Option<T>,
) -> impl IntoView {
    let locale = Locale::get();
    let hint = Signal::derive(move || hint.get());
    let described = described_by(&id, Signal::derive(move || hint.get().is_some()), error);
    let invalid = move || error.get().map(|_| "true");
    let aria_required = required.then_some("true");
    let shown = RwSignal::new(false);
    let control = if multiline {
        view! {
            <textarea id=id.clone() name=id.clone() rows="4" aria-invalid=invalid aria-describedby=described aria-required=aria_required
                prop:value=move || value.get.get() on:input=move |ev| value.set.run(event_target_value(&ev))></textarea>
        }
        .into_any()
    } else if input_type == "password" {
        let kind = move || if shown.get() { "text" } else { "password" };
        view! {
            <div class="password-input">
                <input id=id.clone() name=id.clone() type=kind autocomplete=autocomplete aria-required=aria_required
                    aria-invalid=invalid aria-describedby=described autocapitalize="none" spellcheck="false"
                    prop:value=move || value.get.get() on:input=move |ev| value.set.run(event_target_value(&ev))/>
                // Several password fields on one page (Account): each button says which field
                // it shows, besides its own words.
                <button type="button" class="button-small password-toggle" aria-controls=id.clone()
                    aria-describedby=format!("{id}-label")
                    aria-pressed=move || shown.get().to_string() on:click=move |_| shown.update(|s| *s = !*s)>
                    {locale.text(T::ShowPassword)}
                </button>
            </div>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() name=id.clone() type=input_type autocomplete=autocomplete inputmode=inputmode
                aria-invalid=invalid aria-describedby=described aria-required=aria_required
                prop:value=move || value.get.get() on:input=move |ev| value.set.run(event_target_value(&ev))/>
        }
        .into_any()
    };
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            {field_label(&id, label, required)}
            {hint_and_error(&id, hint, error, instruction)}
            {control}
        </div>
    }
}

/// A month: a text field with an example of what to type, the same in every browser. A month
/// picker was tried: Chromium's refused the format its own hint gave ("08-2019" typed stayed
/// empty), and other browsers have none (issue 25). `binding` shows and takes text;
/// `ongoing` adds "leave empty if ongoing".
#[component]
pub fn MonthField(
    /// Element id, unique on the page.
    #[prop(into)]
    id: String,
    /// Label text.
    label: T,
    /// The value, as text.
    #[prop(into)]
    value: Binding,
    /// The current error of this field.
    #[prop(into, optional)]
    error: Signal<Option<ErrorCode>>,
    /// An end month: empty means it still goes on.
    #[prop(optional)]
    ongoing: bool,
    /// The field must be filled in.
    #[prop(optional)]
    required: bool,
    /// What to type when it is required and empty.
    #[prop(optional, into)]
    instruction: Option<T>,
) -> impl IntoView {
    let hint = if ongoing { T::MonthOngoingHint } else { T::MonthHint };
    view! {
        <TextField id=id label=label value=value error=error input_type="text" hint=hint
            required=required instruction=instruction/>
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
    /// A choice must be made.
    #[prop(optional)]
    required: bool,
    /// What to choose, said when nothing is chosen.
    #[prop(optional, into)]
    instruction: Option<T>,
) -> impl IntoView {
    let described = described_by(&id, Signal::stored(false), error);
    let invalid = move || error.get().map(|_| "true");
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            {field_label(&id, label, required)}
            {hint_and_error(&id, Signal::stored(None), error, instruction)}
            <select id=id.clone() name=id.clone() aria-describedby=described aria-invalid=invalid
                aria-required=required.then_some("true")
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
    let described = described_by(&id, Signal::stored(false), error);
    let invalid = move || error.get().map(|_| "true");
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            {field_label(&id, label, false)}
            {hint_and_error(&id, Signal::stored(None), error, None)}
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_say_what_to_type() {
        let say = |code, what| field_error_text(code, what, Lang::Nl);
        // An empty required field: the instruction alone, not only "fill in this field".
        assert_eq!(say(ErrorCode::Required, Some(T::FirstNameInstruction)), "Vul je voornaam in.");
        assert_eq!(say(ErrorCode::Required, None), "Vul dit veld in.");
        // Out of range or unreadable: what is wrong, then what to type.
        assert_eq!(
            say(ErrorCode::OutOfRange, Some(T::HoursInstruction)),
            "Dit getal valt buiten wat mogelijk is. Typ een getal van 1 tot 60, bijvoorbeeld 32 of 32,5."
        );
        assert_eq!(
            field_error_text(ErrorCode::NumberInvalid, Some(T::KmInstruction), Lang::En),
            "We cannot read this number. Type a whole number from 1 to 500, for example 40."
        );
        // A month that cannot be read says what to type by itself; other codes keep their sentence.
        assert_eq!(
            say(ErrorCode::MonthInvalid, Some(T::StartMonthInstruction)),
            error_text(ErrorCode::MonthInvalid, Lang::Nl)
        );
        assert_eq!(
            say(ErrorCode::ContainsBsn, Some(T::FirstNameInstruction)),
            error_text(ErrorCode::ContainsBsn, Lang::Nl)
        );
        assert_eq!(
            field_error_text(ErrorCode::WrongPassword, Some(T::PasswordInstruction), Lang::Nl),
            "Wachtwoord klopt niet. Typ het wachtwoord waarmee je inlogt."
        );
    }
}
