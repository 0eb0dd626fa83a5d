//! "Kopiëren" and "Delen" buttons for a text a person must pass on (a generated passphrase,
//! a one-time link). The browser's clipboard and share sheet are reached through
//! `navigator` by name, so a browser without them gets the fallback: the text is selected
//! in its field and the person is told to copy it themselves.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::T;
use crate::locale::Locale;

/// `navigator.<name>` if it is a function, with `navigator`.
fn navigator_fn(name: &str) -> Option<(JsValue, js_sys::Function)> {
    let navigator = js_sys::Reflect::get(&js_sys::global(), &"navigator".into()).ok()?;
    let target = if name == "writeText" {
        js_sys::Reflect::get(&navigator, &"clipboard".into()).ok().filter(|c| !c.is_undefined())?
    } else {
        navigator
    };
    let f = js_sys::Reflect::get(&target, &name.into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    Some((target, f))
}

/// Calls `navigator.<name>(arg)` and waits for its promise: `true` when it resolved.
async fn call(name: &str, arg: &JsValue) -> bool {
    let Some((this, f)) = navigator_fn(name) else { return false };
    let Ok(promise) = f.call1(&this, arg) else { return false };
    let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else { return false };
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Selects the text of the field `id`, or of any other element (the fallback when copying
/// fails).
fn select_field(id: &str) {
    let Some(element) = document().get_element_by_id(id) else { return };
    match element.dyn_into::<web_sys::HtmlInputElement>() {
        Ok(input) => {
            let _ = input.focus();
            input.select();
        }
        Err(element) => {
            if let Ok(Some(selection)) = window().get_selection() {
                let _ = selection.select_all_children(&element);
            }
        }
    }
}

/// A button that copies `text` and says so in a status line next to it; when the browser
/// cannot, the field `field` gets focus with its text selected, and the line says what to do.
#[component]
pub fn CopyButton(
    /// What to copy.
    #[prop(into)]
    text: Signal<String>,
    /// The field that shows the text.
    #[prop(into)]
    field: String,
    /// The button's words.
    label: T,
    /// The status line's id.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    let locale = Locale::get();
    let said = RwSignal::new(None::<T>);
    // A new text makes an old "copied" untrue.
    Effect::new(move |_| {
        text.track();
        said.set(None);
    });
    let copy = move |_| {
        let value = text.get_untracked();
        let field = field.clone();
        leptos::task::spawn_local(async move {
            if call("writeText", &JsValue::from_str(&value)).await {
                said.set(Some(T::Copied));
            } else {
                select_field(&field);
                said.set(Some(T::CopyFailed));
            }
        });
    };
    view! {
        <button type="button" class="button-secondary copy-button" on:click=copy>{locale.text(label)}</button>
        <span class="copy-status" id=id role="status">{move || said.get().map(|t| locale.text(t)())}</span>
    }
}

/// A "Delen" button for a link, shown only where the browser has a share sheet (phones).
#[component]
pub fn ShareButton(
    /// The link.
    #[prop(into)]
    url: Signal<String>,
) -> impl IntoView {
    let locale = Locale::get();
    let can_share = navigator_fn("share").is_some();
    let share = move |_| {
        let data = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&data, &"url".into(), &JsValue::from_str(&url.get_untracked()));
        leptos::task::spawn_local(async move {
            // Cancelling the share sheet is the person's choice: nothing to say.
            let _ = call("share", &data.into()).await;
        });
    };
    can_share.then(|| view! {
        <button type="button" class="button-secondary share-button" on:click=share>{locale.text(T::ShareLink)}</button>
    })
}
