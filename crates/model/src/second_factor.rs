//! The second factor (two-step verification): a time-based one-time code from an
//! authenticator app (RFC 6238: SHA-1, 6 digits, 30 seconds) with recovery codes for when
//! the phone is lost. Required for accounts that see other people's data (recruiters,
//! academy staff); a person may turn it on. The server holds the rules (docs/security.md
//! "Second factor"); these are the wire types and the checks both sides run.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::account::Role;
use crate::error::{ErrorCode, FieldError};
use crate::secret::Password;

/// Digits of a one-time code.
pub const CODE_DIGITS: usize = 6;
/// Recovery codes made at enrolment.
pub const RECOVERY_CODES: usize = 10;
/// Characters of a recovery code (without the dash shown in the middle).
pub const RECOVERY_CODE_CHARS: usize = 10;
/// The characters recovery codes are made of (Crockford's base32): no I, L, O or U, so a
/// code read aloud or typed over cannot be mixed up; 32 characters, 5 bits each, 50 a code.
pub const RECOVERY_ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Longest code field accepted at all (a pasted recovery code with spaces fits easily).
pub const CODE_MAX_CHARS: usize = 32;

/// Whether accounts of `role` must log in with a second factor: those who see other
/// people's data — recruiters and the portal's own staff ([`Role::STAFF`]) — and the
/// administrators who decide who may.
pub fn required_for(role: Role) -> bool {
    role == Role::Recruiter || role == Role::Administrator || role.is_staff()
}

/// A typed code as it is compared: spaces and dashes dropped, letters upper case, and the
/// letters people type for look-alike digits read as those digits (O → 0, I and L → 1).
pub fn normalize_code(code: &str) -> String {
    code.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        })
        .collect()
}

/// Whether a normalised code has the shape of a one-time code (six digits); anything else
/// typed in the code field is taken as a recovery code.
pub fn is_one_time_code(normalized: &str) -> bool {
    normalized.len() == CODE_DIGITS && normalized.bytes().all(|b| b.is_ascii_digit())
}

/// A secret in groups of four characters, for typing it over from the screen.
pub fn group_secret(secret: &str) -> String {
    secret.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
}

/// Checks the code field: given (when `required`) and not absurdly long.
fn check_code(code: &str, field: &str, errors: &mut Vec<FieldError>) {
    let normalized = normalize_code(code);
    if normalized.is_empty() {
        errors.push(FieldError::new(field, ErrorCode::Required));
    } else if code.chars().count() > CODE_MAX_CHARS {
        errors.push(FieldError::new(field, ErrorCode::TooLong));
    }
}

/// The second factor of the logged-in account, as `GET /api/session` tells it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SecondFactorStatus {
    /// Whether an authenticator app is set up (and confirmed with a first code).
    pub enabled: bool,
    /// Whether this account must use a second factor (staff who see other people's data).
    pub required: bool,
    /// When it was set up.
    #[serde(default, with = "time::serde::rfc3339::option", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub enabled_at: Option<OffsetDateTime>,
    /// Recovery codes not used yet.
    pub recovery_codes_left: u32,
}

/// `POST /api/me/second-factor`: start setting up an authenticator app; the password is
/// asked again.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SecondFactorStart {
    /// The current password.
    pub password: Password,
}

impl SecondFactorStart {
    /// The password must be given. Empty means valid.
    pub fn validate(&self) -> Vec<FieldError> {
        if self.password.expose().is_empty() {
            vec![FieldError::new("password", ErrorCode::Required)]
        } else {
            Vec::new()
        }
    }
}

/// The answer to [`SecondFactorStart`]: the new secret, to scan or to type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SecondFactorSetup {
    /// The secret in base32 (RFC 4648, no padding), 160 bits.
    pub secret: String,
    /// The `otpauth://totp/…` address the QR code holds.
    pub otpauth_uri: String,
    /// The QR code as an SVG image in a `data:` address (made on the server; no other site
    /// is asked).
    pub qr_code: String,
}

/// `PUT /api/me/second-factor`: confirm the setup with a first code from the app.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SecondFactorConfirm {
    /// The six digits the app shows now.
    pub code: String,
}

impl SecondFactorConfirm {
    /// The code must be six digits. Empty means valid.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        check_code(&self.code, "code", &mut errors);
        if errors.is_empty() && !is_one_time_code(&normalize_code(&self.code)) {
            errors.push(FieldError::new("code", ErrorCode::InvalidSecondFactor));
        }
        errors
    }
}

/// The answer to [`SecondFactorConfirm`]: the recovery codes, shown this once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecoveryCodes {
    /// Each works once instead of a code from the app (`XXXXX-XXXXX`).
    pub codes: Vec<String>,
}

/// `DELETE /api/me/second-factor`: turn it off; password and a current code (or a recovery
/// code) are asked.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SecondFactorDisable {
    /// The current password.
    pub password: Password,
    /// A code from the app, or a recovery code.
    pub code: String,
}

impl SecondFactorDisable {
    /// Both must be given. Empty means valid.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if self.password.expose().is_empty() {
            errors.push(FieldError::new("password", ErrorCode::Required));
        }
        check_code(&self.code, "code", &mut errors);
        errors
    }
}

/// Checks the optional code of a login: when given, not absurdly long.
pub fn validate_login_code(code: Option<&str>) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if let Some(code) = code {
        if code.chars().count() > CODE_MAX_CHARS {
            errors.push(FieldError::new("code", ErrorCode::TooLong));
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staff_need_it_people_may_choose() {
        assert!(required_for(Role::Recruiter));
        assert!(required_for(Role::AcademyStaff));
        assert!(!required_for(Role::Person));
    }

    #[test]
    fn codes_are_compared_without_spaces_and_dashes() {
        assert_eq!(normalize_code(" 123 456 "), "123456");
        assert!(is_one_time_code(&normalize_code("123 456")));
        assert!(!is_one_time_code("12345"));
        assert!(!is_one_time_code("1234567"));
        assert!(!is_one_time_code("12345a"));
        assert!(!is_one_time_code("١٢٣٤٥٦"), "only ASCII digits");
        assert_eq!(normalize_code("abcde-fghjk"), "ABCDEFGHJK");
        assert_eq!(normalize_code("\u{0665}"), "\u{0665}", "other scripts' digits stay as they are");
    }

    #[test]
    fn the_recovery_alphabet_has_no_look_alikes() {
        let mut seen = std::collections::BTreeSet::new();
        for c in RECOVERY_ALPHABET {
            assert!(seen.insert(*c), "{} twice", *c as char);
            assert!(!b"ILOU".contains(c), "{}", *c as char);
            assert_eq!(normalize_code(&(*c as char).to_string()), (*c as char).to_string());
        }
        assert_eq!(normalize_code("o1il"), "0111");
    }

    #[test]
    fn secrets_are_grouped_by_four() {
        assert_eq!(group_secret("ABCDEFGHIJ"), "ABCD EFGH IJ");
        assert_eq!(group_secret(""), "");
    }

    #[test]
    fn forms_report_their_fields() {
        assert_eq!(
            SecondFactorConfirm { code: String::new() }.validate(),
            [FieldError::new("code", ErrorCode::Required)]
        );
        assert_eq!(
            SecondFactorConfirm { code: "12a456".into() }.validate(),
            [FieldError::new("code", ErrorCode::InvalidSecondFactor)]
        );
        assert!(SecondFactorConfirm { code: "123 456".into() }.validate().is_empty());
        let d = SecondFactorDisable::default().validate();
        assert_eq!(d, [FieldError::new("password", ErrorCode::Required), FieldError::new("code", ErrorCode::Required)]);
        assert_eq!(validate_login_code(Some(&"1".repeat(40))), [FieldError::new("code", ErrorCode::TooLong)]);
        assert!(validate_login_code(None).is_empty());
        assert!(SecondFactorStart { password: Password::new("x") }.validate().is_empty());
    }
}
