//! The state every form over a versioned document shares (profile, visibility, participant):
//! load with its `ETag`, track unsaved changes, validate with the shared model, save with
//! `If-Match`, and on 412 keep the draft and offer the newer version. One implementation, so
//! every page behaves the same.

use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use zelfregie_model::FieldError;

use crate::api::{self, ApiResult};
use crate::components::field::focus_field;
use crate::components::save_bar::SAVE_STATUS;
use crate::editing::{Editor, SaveOutcome};
use crate::forms::FormErrors;
use crate::submit::{checked, Submit};
use crate::unsaved::track_unsaved;

/// Handles of a versioned form; all `Copy`, to move into closures freely.
pub struct VersionedForm<D: Send + Sync + 'static> {
    /// The edit (absent until loaded).
    pub editor: RwSignal<Option<Editor<D>>>,
    /// The load: done once the document is in [`VersionedForm::editor`]; pages show the form
    /// inside [`Loaded`](crate::components::loaded::Loaded) on it.
    pub loaded: LocalResource<ApiResult<()>>,
    /// Errors to show.
    pub errors: RwSignal<FormErrors>,
    /// The last save succeeded (until the next edit).
    pub saved: RwSignal<bool>,
    /// Changes the draft does not show: text typed that cannot be read yet (a page with
    /// [`RawInputs`](crate::forms::RawInputs) keeps this in step). Unsaved all the same.
    pub unreadable_text: RwSignal<bool>,
    save: Submit<(D, String)>,
}

impl<D: Send + Sync + 'static> Clone for VersionedForm<D> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<D: Send + Sync + 'static> Copy for VersionedForm<D> {}

impl<D> VersionedForm<D>
where
    D: Clone + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static,
{
    /// Loads the document at `path`; `field_id` maps a field path of an error to the id of
    /// its input (for focus).
    /// After a save, focus goes to the "saved" message of its [`SaveBar`](crate::components::save_bar::SaveBar).
    pub fn load(path: &'static str, field_id: fn(&str) -> String) -> Self {
        Self::load_then(path, field_id, Some(SAVE_STATUS), |_| {})
    }

    /// As [`VersionedForm::load`]; `after_save` hears every version the server stored, and
    /// focus goes to the element `saved_focus` after a save (`None`: `after_save` moves it).
    pub fn load_then(
        path: &'static str,
        field_id: fn(&str) -> String,
        saved_focus: Option<&'static str>,
        after_save: impl Fn(&D) + 'static,
    ) -> Self {
        let editor = RwSignal::new(None::<Editor<D>>);
        let saved = RwSignal::new(false);
        let loaded = LocalResource::new(move || async move {
            let document = api::get_versioned::<D>(path).await?;
            editor.set(Some(Editor::new(document)));
            Ok(())
        });
        let save = Submit::with_field_ids(
            "save-error",
            field_id,
            move |(draft, etag): (D, String)| async move { api::save_versioned(path, &draft, &etag).await },
            move |outcome| match outcome {
                SaveOutcome::Saved(stored) => {
                    after_save(&stored.value);
                    editor.update(|e| e.iter_mut().for_each(|e| e.saved(stored.clone())));
                    saved.set(true);
                    // The save button was disabled while saving, which drops its focus.
                    if let Some(id) = saved_focus {
                        focus_field(id);
                    }
                }
                SaveOutcome::Conflict(newer) => {
                    editor.update(|e| e.iter_mut().for_each(|e| e.conflicted(newer.clone())));
                    focus_field("conflict");
                }
            },
        );
        let unreadable_text = RwSignal::new(false);
        let form = VersionedForm { editor, loaded, errors: save.errors, saved, unreadable_text, save };
        track_unsaved(move || form.dirty());
        form
    }

    /// Whether there are unsaved changes.
    pub fn dirty(self) -> bool {
        self.editor.with(|e| e.as_ref().is_some_and(Editor::is_dirty)) || self.unreadable_text.get()
    }

    /// Whether a save is under way.
    pub fn pending(self) -> Memo<bool> {
        self.save.pending()
    }

    /// Validates the draft with `validate` (the shared model's rules) and saves it if valid;
    /// otherwise shows the errors and moves focus to the first.
    pub fn submit(self, validate: impl Fn(&D) -> Vec<FieldError>) {
        self.saved.set(false);
        let Some(edit) = self.editor.with_untracked(|e| e.as_ref().map(|e| (e.draft.clone(), e.base.etag.clone())))
        else {
            return;
        };
        self.save.submit(checked(edit, |(draft, _)| validate(draft)));
    }

    /// The error to show at field `path`.
    pub fn error(self, path: impl Into<String>) -> Signal<Option<zelfregie_model::ErrorCode>> {
        self.save.error(path)
    }

    /// The error about the whole form (network, server), focused when no field is to blame.
    pub fn message(self) -> impl IntoView {
        self.save.message()
    }
}
