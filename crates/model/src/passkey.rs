//! Passkeys (WebAuthn): what the API says about them and what the forms send. The ceremonies
//! themselves (challenges, signatures) are the server's; the browser passes WebAuthn JSON
//! through (docs/security.md "Passkeys").

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::checks::check_line;
use crate::{ErrorCode, FieldError, Password};

/// Longest passkey name, in characters.
pub const NAME_MAX_CHARS: usize = 60;

/// A passkey as its owner sees it in the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasskeyInfo {
    /// Its id (to remove it).
    pub id: i64,
    /// The name the person gave it.
    pub name: String,
    /// When it was added.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: OffsetDateTime,
    /// When it was last used to log in or to confirm; absent: never.
    #[serde(default, with = "time::serde::rfc3339::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub last_used_at: Option<OffsetDateTime>,
    /// The device says the passkey is backed up (synced to other devices of the person).
    pub backed_up: bool,
}

/// A confirmation that it is really the account's owner, before a sensitive action: the
/// current password, or a passkey confirmation made just before (`POST
/// /api/me/reauth/passkey/…`, used up by the action).
#[derive(Clone, Debug, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Confirmation {
    /// The current password; may be empty when `confirmed_with_passkey`.
    #[serde(default)]
    pub password: Password,
    /// Confirmed with a passkey just before instead of the password.
    #[serde(default)]
    pub confirmed_with_passkey: bool,
}

impl Confirmation {
    /// The password must be given unless a passkey confirms. Empty means valid.
    pub fn validate(&self) -> Vec<FieldError> {
        password_or_passkey(&self.password, self.confirmed_with_passkey, "password")
    }
}

/// The password at `field` is required unless a passkey confirms.
pub fn password_or_passkey(password: &Password, with_passkey: bool, field: &str) -> Vec<FieldError> {
    if !with_passkey && password.expose().is_empty() {
        vec![FieldError::new(field, ErrorCode::Required)]
    } else {
        Vec::new()
    }
}

/// `POST /api/me/passkeys/start`: start adding a passkey with this name.
#[derive(Clone, Debug, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewPasskey {
    /// A name to recognise it by ("Telefoon", "Laptop werk").
    pub name: String,
    /// Confirmation that it is the owner.
    #[serde(flatten)]
    pub confirmation: Confirmation,
}

impl NewPasskey {
    /// Name (one line, 1–60 characters) and confirmation. Empty means valid.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if let Err(code) = validate_name(&self.name) {
            errors.push(FieldError::new("name", code));
        }
        errors.extend(self.confirmation.validate());
        errors
    }
}

/// A passkey's name: one line of visible characters, 1–60 characters after trimming.
pub fn validate_name(name: &str) -> Result<(), ErrorCode> {
    check_line(name.trim(), NAME_MAX_CHARS, true)
}

/// A started ceremony: the token to send back with the answer, and the options for
/// `navigator.credentials.create` / `.get` (WebAuthn JSON: buffers as base64url).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CeremonyStart {
    /// Names this ceremony; valid for a few minutes, once.
    pub ceremony: String,
    /// `{"publicKey": …}` as the WebAuthn JSON serialisation.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub options: serde_json::Value,
}

/// The browser's answer to a ceremony.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CeremonyFinish {
    /// The token from [`CeremonyStart`].
    pub ceremony: String,
    /// The `PublicKeyCredential` as WebAuthn JSON (buffers as base64url).
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub credential: serde_json::Value,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_one_short_visible_line() {
        assert_eq!(validate_name("Telefoon"), Ok(()));
        assert_eq!(validate_name("   "), Err(ErrorCode::Required));
        assert_eq!(validate_name(&"x".repeat(61)), Err(ErrorCode::TooLong));
        assert_eq!(validate_name("a\nb"), Err(ErrorCode::InvalidCharacters));
        assert_eq!(validate_name("a\u{202e}b"), Err(ErrorCode::InvalidCharacters));
    }

    #[test]
    fn the_password_is_needed_unless_a_passkey_confirms() {
        let none = Confirmation::default();
        assert_eq!(none.validate(), [FieldError::new("password", ErrorCode::Required)]);
        let passkey = Confirmation { confirmed_with_passkey: true, ..Confirmation::default() };
        assert!(passkey.validate().is_empty());
        let password = Confirmation { password: Password::new("x"), confirmed_with_passkey: false };
        assert!(password.validate().is_empty());
        let new = NewPasskey { name: String::new(), confirmation: none };
        assert_eq!(
            new.validate(),
            [FieldError::new("name", ErrorCode::Required), FieldError::new("password", ErrorCode::Required)]
        );
    }
}
