//! After a 412: tells the person their data changed elsewhere, shows the newer version and
//! offers both ways on. Nothing is lost: the draft stays until they choose.

use leptos::prelude::*;

use crate::editing::Editor;
use crate::i18n::T;
use crate::locale::Locale;

/// Renders when `editor` holds a conflict; `newer` renders the newer version.
#[component]
pub fn ConflictPanel<D: Clone + PartialEq + Send + Sync + 'static>(
    /// The edit.
    editor: RwSignal<Option<Editor<D>>>,
    /// How to show the newer version.
    newer: fn(&D) -> AnyView,
) -> impl IntoView {
    let locale = Locale::get();
    move || {
        editor.with(|e| e.as_ref().and_then(|e| e.conflict.clone())).map(|conflict| {
            view! {
                <section class="conflict" id="conflict" tabindex="-1" role="alert" aria-labelledby="conflict-title">
                    <h2 id="conflict-title">{locale.text(T::ConflictTitle)}</h2>
                    <p>{locale.text(T::ConflictText)}</p>
                    <div class="button-row">
                        <button type="button" class="button-primary" on:click=move |_| editor.update(|e| e.iter_mut().for_each(Editor::reapply))>
                            {locale.text(T::ConflictReapply)}
                        </button>
                        <button type="button" class="button-secondary" on:click=move |_| editor.update(|e| e.iter_mut().for_each(Editor::discard))>
                            {locale.text(T::ConflictDiscard)}
                        </button>
                    </div>
                    <details open>
                        <summary>{locale.text(T::ConflictNewer)}</summary>
                        {newer(&conflict.value)}
                    </details>
                </section>
            }
        })
    }
}
