//! Form error state, shared by every form: client-side validation and server answers end
//! up in the same shape, so a field shows one message whichever side found the problem.

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
