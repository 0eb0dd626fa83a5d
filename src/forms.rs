//! Form error state, shared by every form: client-side validation and server answers end
//! up in the same shape, so a field shows one message whichever side found the problem.

use std::sync::Arc;

use leptos::prelude::*;
use zelfregie_model::{ErrorCode, FieldError};

use crate::api::ClientError;

/// The errors a form shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FormErrors {
    /// Errors that belong to one field.
    pub fields: Vec<FieldError>,
    /// An error about the whole form (wrong password, network, server).
    pub general: Option<ClientError>,
}

impl FormErrors {
    /// From the shared model's validation.
    pub fn from_validation(fields: Vec<FieldError>) -> Self {
        Self { fields, general: None }
    }

    /// From a failed call: per-field codes go to their fields; anything else is about the
    /// form. (A taken address is general too: only the buttons behind mail links, which have
    /// no address field, are ever told — registering never says whether an address is taken.)
    pub fn from_client(error: ClientError) -> Self {
        match &error {
            ClientError::Api(e) if e.code == ErrorCode::ValidationFailed && !e.fields.is_empty() => {
                Self { fields: e.fields.clone(), general: None }
            }
            _ => Self { fields: Vec::new(), general: Some(error) },
        }
    }

    /// The code to show at `field`.
    pub fn field(&self, field: &str) -> Option<ErrorCode> {
        self.fields.iter().find(|f| f.field == field).map(|f| f.code)
    }

    /// The first field with an error, to move focus to.
    pub fn first_field(&self) -> Option<&str> {
        self.fields.first().map(|f| f.field.as_str())
    }

    /// Whether there is nothing to show.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.general.is_none()
    }
}

/// Inputs typed as text and read into typed values (months, numbers), keeping exactly what
/// the person typed: "sep 2026" stays "sep 2026" while typing, and "sep 20x" stays too, with
/// an error on saving, instead of the field emptying itself.
///
/// The draft holds what the text reads as (nothing, for text that cannot be read); the field
/// shows the typed text as long as it still reads as what the draft holds, so a newer version
/// from the server (after a save, a conflict) shows in the field.
pub struct RawInputs<D> {
    entries: Vec<RawEntry<D>>,
}

struct RawEntry<D> {
    path: String,
    text: String,
    /// Why the text cannot be read, if it cannot.
    problem: Option<ErrorCode>,
    /// Whether the draft's value at `path` is empty (as text that cannot be read leaves it).
    empty_in: Arc<dyn Fn(&D) -> bool + Send + Sync>,
}

impl<D> Default for RawInputs<D> {
    fn default() -> Self {
        RawInputs { entries: Vec::new() }
    }
}

impl<D> RawInputs<D> {
    /// Remembers `text` typed at `path`; `problem` is why it cannot be read, `empty_in` tells
    /// whether the draft's value at `path` is empty.
    pub fn typed(
        &mut self,
        path: &str,
        text: String,
        problem: Option<ErrorCode>,
        empty_in: Arc<dyn Fn(&D) -> bool + Send + Sync>,
    ) {
        self.entries.retain(|e| e.path != path);
        self.entries.push(RawEntry { path: path.to_owned(), text, problem, empty_in });
    }

    /// What the field at `path` shows: the typed text if it still reads as `current` (what
    /// the draft holds), else nothing (the field then shows `current` itself).
    pub fn shown<V: PartialEq>(
        &self,
        path: &str,
        current: Option<&V>,
        read: impl Fn(&str) -> Option<V>,
    ) -> Option<String> {
        let entry = self.entries.iter().find(|e| e.path == path)?;
        (read(&entry.text).as_ref() == current).then(|| entry.text.clone())
    }

    /// Forgets what was typed at `prefix` and below (a list entry moved or removed), or
    /// everything (`""`: the server's version replaced the draft).
    pub fn forget(&mut self, prefix: &str) {
        self.entries.retain(|e| !e.path.starts_with(prefix));
    }

    /// Whether a field shows text that cannot be read (the draft is empty there): a change
    /// the draft does not hold, unsaved all the same.
    pub fn holds_unreadable(&self, draft: &D) -> bool {
        self.entries.iter().any(|e| e.problem.is_some() && (e.empty_in)(draft))
    }

    /// The errors of text that cannot be read and that the fields still show, merged into
    /// `found` (the model's errors of the draft): at a field with both, the text's error
    /// replaces the model's (an unreadable month is not an empty one).
    pub fn merge_into(&self, draft: &D, mut found: Vec<FieldError>) -> Vec<FieldError> {
        for e in &self.entries {
            let Some(code) = e.problem.filter(|_| (e.empty_in)(draft)) else { continue };
            let error = FieldError::new(&e.path, code);
            match found.iter().position(|f| f.field == e.path) {
                Some(i) => {
                    found[i] = error;
                    let mut seen = false;
                    found.retain(|f| f.field != e.path || !std::mem::replace(&mut seen, true));
                }
                None => found.push(error),
            }
        }
        found
    }
}

/// The error to show at `field`, as a signal for its input.
pub fn field_error(errors: RwSignal<FormErrors>, field: impl Into<String>) -> Signal<Option<ErrorCode>> {
    let field = field.into();
    Signal::derive(move || errors.with(|e| e.field(&field)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use zelfregie_model::ApiError;

    #[test]
    fn server_field_errors_land_on_their_fields() {
        let e = ClientError::Api(ApiError::validation(vec![FieldError::new("password", ErrorCode::PasswordTooCommon)]));
        let f = FormErrors::from_client(e);
        assert_eq!(f.field("password"), Some(ErrorCode::PasswordTooCommon));
        assert_eq!(f.field("email"), None);
        assert_eq!(f.first_field(), Some("password"));
        assert!(f.general.is_none());
    }

    #[test]
    fn a_taken_address_is_about_the_form_not_a_field() {
        // The confirmation pages have no address field: the message must show as the form's.
        let f = FormErrors::from_client(ClientError::Api(ApiError::new(ErrorCode::EmailTaken)));
        assert_eq!(f.general.as_ref().and_then(|e| e.code()), Some(ErrorCode::EmailTaken));
        assert!(f.fields.is_empty());
    }

    #[derive(Default, Clone)]
    struct Draft {
        from: Option<u16>,
    }

    fn from_is_empty() -> Arc<dyn Fn(&Draft) -> bool + Send + Sync> {
        Arc::new(|d: &Draft| d.from.is_none())
    }

    fn read(s: &str) -> Option<u16> {
        s.trim().parse().ok()
    }

    #[test]
    fn typed_text_stays_while_it_means_what_the_draft_holds() {
        let mut raw = RawInputs::<Draft>::default();
        raw.typed("from", " 12".into(), None, from_is_empty());
        assert_eq!(raw.shown("from", Some(&12), read).as_deref(), Some(" 12"));
        // The server's version (or the other device's) holds something else: show that.
        assert_eq!(raw.shown("from", Some(&13), read), None);
        // Text that cannot be read leaves the draft empty and stays on screen.
        raw.typed("from", "twaalf".into(), Some(ErrorCode::NumberInvalid), from_is_empty());
        assert_eq!(raw.shown("from", None, read).as_deref(), Some("twaalf"));
        assert_eq!(raw.shown("other", None, read), None);
        raw.forget("fr");
        assert_eq!(raw.shown("from", None, read), None);
    }

    #[test]
    fn unreadable_text_is_an_error_on_saving_and_replaces_the_models_own() {
        let mut raw = RawInputs::<Draft>::default();
        raw.typed("from", "twaalf".into(), Some(ErrorCode::NumberInvalid), from_is_empty());
        let model = vec![
            FieldError::new("name", ErrorCode::Required),
            FieldError::new("from", ErrorCode::Required),
            FieldError::new("from", ErrorCode::DatesOutOfOrder),
        ];
        assert_eq!(
            raw.merge_into(&Draft::default(), model),
            vec![FieldError::new("name", ErrorCode::Required), FieldError::new("from", ErrorCode::NumberInvalid)]
        );
        assert_eq!(raw.merge_into(&Draft::default(), vec![]), vec![FieldError::new("from", ErrorCode::NumberInvalid)]);
        assert!(raw.holds_unreadable(&Draft::default()), "unsaved, though the draft did not change");
        // Once the draft holds a value again (the other version was taken), the old text is no error.
        assert_eq!(raw.merge_into(&Draft { from: Some(3) }, vec![]), vec![]);
        assert!(!raw.holds_unreadable(&Draft { from: Some(3) }));
        raw.typed("from", "3".into(), None, from_is_empty());
        assert_eq!(raw.merge_into(&Draft::default(), vec![]), vec![]);
    }

    #[test]
    fn other_failures_are_about_the_form() {
        let f = FormErrors::from_client(ClientError::Api(ApiError::new(ErrorCode::InvalidCredentials)));
        assert_eq!(f.general.as_ref().and_then(|e| e.code()), Some(ErrorCode::InvalidCredentials));
        assert!(f.fields.is_empty());
        assert!(!f.is_empty());
        assert!(FormErrors::from_client(ClientError::Network).general.is_some());
        assert!(FormErrors::default().is_empty());
    }
}
