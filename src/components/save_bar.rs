//! The save button of a form, with "saved" and "unsaved changes" beside it; it stays in view
//! at the bottom of a long form on a phone.

use leptos::prelude::*;

use crate::components::notice::StatusNotice;
use crate::i18n::T;
use crate::locale::Locale;

/// The id of the "saved" message, which receives focus after a save.
pub const SAVE_STATUS: &str = "save-status";

/// Save button and state.
#[component]
pub fn SaveBar(
    /// A save is under way.
    #[prop(into)]
    pending: Signal<bool>,
    /// The last save succeeded.
    #[prop(into)]
    saved: Signal<bool>,
    /// There are unsaved changes.
    #[prop(into)]
    dirty: Signal<bool>,
) -> impl IntoView {
    let locale = Locale::get();
    view! {
        <div class="form-actions">
            <button type="submit" class="button-primary" disabled=pending>
                {move || if pending.get() { locale.text(T::Saving)() } else { locale.text(T::Save)() }}
            </button>
            {move || (saved.get() && !dirty.get()).then(|| view! { <StatusNotice text=T::Saved id=SAVE_STATUS/> })}
            {move || dirty.get().then(|| view! { <p class="unsaved" role="status">{locale.text(T::Unsaved)}</p> })}
        </div>
    }
}
