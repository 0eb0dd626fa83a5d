//! The state every form over a versioned document shares (profile, visibility, participant):
//! load with its `ETag`, track unsaved changes, validate with the shared model, save with
//! `If-Match`, and on 412 keep the draft and offer the newer version. One implementation, so
//! every page behaves the same.

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::de::DeserializeOwned;
use serde::Serialize;
use zelfregie_model::FieldError;

use crate::api::{self, ApiResult, ClientError};
use crate::components::field::focus_field;
use crate::editing::{Editor, SaveOutcome};
use crate::forms::{field_error, FormErrors};
use crate::unsaved::track_unsaved;

/// Handles of a versioned form; all `Copy`, to move into closures freely.
pub struct VersionedForm<D: Send + Sync + 'static> {
    /// The edit (absent while loading).
    pub editor: RwSignal<Option<Editor<D>>>,
    /// Loading failed.
    pub load_error: RwSignal<Option<ClientError>>,
    /// Errors to show.
    pub errors: RwSignal<FormErrors>,
    /// The last save succeeded (until the next edit).
    pub saved: RwSignal<bool>,
    save: Action<(), ApiResult<SaveOutcome<D>>>,
    field_id: fn(&str) -> String,
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
    pub fn load(path: &'static str, field_id: fn(&str) -> String) -> Self {
        let editor = RwSignal::new(None::<Editor<D>>);
        let load_error = RwSignal::new(None);
        let errors = RwSignal::new(FormErrors::default());
        let saved = RwSignal::new(false);
        spawn_local(async move {
            match api::get_versioned::<D>(path).await {
                Ok(v) => editor.set(Some(Editor::new(v))),
                Err(e) => load_error.set(Some(e)),
            }
        });
        let save = Action::new_local(move |_: &()| {
            let (draft, etag) = editor
                .with_untracked(|e| e.as_ref().map(|e| (e.draft.clone(), e.base.etag.clone())))
                .expect("saved only after loading");
            async move { api::save_versioned(path, &draft, &etag).await }
        });
        let form = VersionedForm { editor, load_error, errors, saved, save, field_id };
        track_unsaved(move || form.dirty());
        Effect::new(move |_| match save.value().get() {
            Some(Ok(SaveOutcome::Saved(v))) => {
                editor.update(|e| e.iter_mut().for_each(|e| e.saved(v.clone())));
                errors.set(FormErrors::default());
                saved.set(true);
            }
            Some(Ok(SaveOutcome::Conflict(newer))) => {
                editor.update(|e| e.iter_mut().for_each(|e| e.conflicted(newer.clone())));
                focus_field("conflict");
            }
            Some(Err(error)) => {
                errors.set(FormErrors::from_client(error));
                if let Some(f) = errors.with_untracked(|e| e.first_field().map(field_id)) {
                    focus_field(&f);
                }
            }
            None => {}
        });
        form
    }

    /// Whether there are unsaved changes.
    pub fn dirty(self) -> bool {
        self.editor.with(|e| e.as_ref().is_some_and(Editor::is_dirty))
    }

    /// Whether a save is under way.
    pub fn pending(self) -> Memo<bool> {
        self.save.pending()
    }

    /// Validates the draft with `validate` (the shared model's rules) and saves it if valid;
    /// otherwise shows the errors and moves focus to the first.
    pub fn submit(self, validate: impl Fn(&D) -> Vec<FieldError>) {
        self.saved.set(false);
        let found = self.editor.with_untracked(|e| e.as_ref().map(|e| validate(&e.draft)).unwrap_or_default());
        if let Some(first) = found.first() {
            focus_field(&(self.field_id)(&first.field));
            self.errors.set(FormErrors::from_validation(found));
            return;
        }
        self.errors.set(FormErrors::default());
        self.save.dispatch(());
    }

    /// The error to show at field `path`.
    pub fn error(self, path: impl Into<String>) -> Signal<Option<zelfregie_model::ErrorCode>> {
        field_error(self.errors, path)
    }
}
