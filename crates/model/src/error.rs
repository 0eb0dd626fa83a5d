//! Errors as data: the server answers with a stable [`ErrorCode`] (and per-field codes for
//! validation), the UI turns codes into sentences in the person's language. No free text
//! crosses the wire as an error.

use serde::{Deserialize, Serialize};

/// Declares [`ErrorCode`] and, from the same list, `ErrorCode::ALL`: a code added to the enum
/// is in `ALL` at once, and every `match` on codes without a catch-all arm (the translations
/// in the app, the HTTP status on the server) stops compiling until it handles the new code.
macro_rules! error_codes {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$variant_meta:meta])* $variant:ident, )*
        }
    ) => {
        $(#[$meta])*
        pub enum $name {
            $( $(#[$variant_meta])* $variant, )*
        }

        impl $name {
            /// Every code, in the order of the declaration (generated with the enum).
            pub const ALL: &'static [$name] = &[$($name::$variant),*];
            /// The variants' names as declared, in the same order as [`Self::ALL`].
            const NAMES: &'static [&'static str] = &[$(stringify!($variant)),*];
        }
    };
}

error_codes! {
    /// A stable, machine-readable error code. Programs match on these; people read the
    /// translation the UI gives for each.
    ///
    /// On the wire a code is its name in snake_case (`invalid_characters`); a name this
    /// version does not know reads as [`ErrorCode::Unknown`]. Serde is implemented by hand
    /// (below), not derived: the derived deserializer matched 68 names twice (as `str` and
    /// as bytes) and weighed about 17 KB in each wasm (docs/build.md).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    #[cfg_attr(feature = "openapi", schema(rename_all = "snake_case"))]
    pub enum ErrorCode {
        /// One or more fields failed validation; see `fields`.
        ValidationFailed,
        /// A required field is empty.
        Required,
        /// A text is longer than the field allows.
        TooLong,
        /// A text holds characters a person cannot see or that change how the text around
        /// them is shown: control and format characters (bidi overrides, zero-width
        /// characters), line breaks in a one-line field, private-use or unassigned code points.
        InvalidCharacters,
        /// Not a usable e-mail address.
        EmailInvalid,
        /// Password shorter than [`crate::account::PASSWORD_MIN_CHARS`].
        PasswordTooShort,
        /// Password longer than [`crate::account::PASSWORD_MAX_CHARS`].
        PasswordTooLong,
        /// Password is on the list of commonly used passwords.
        PasswordTooCommon,
        /// Password contains the e-mail address or its local part.
        PasswordContainsEmail,
        /// Not a Dutch postcode (`1234 AB`).
        PostcodeInvalid,
        /// Not a usable phone number.
        PhoneInvalid,
        /// House number is not a number.
        HouseNumberInvalid,
        /// The text contains a BSN (citizen service number), which the portal does not hold.
        ContainsBsn,
        /// An end date lies before its start date.
        DatesOutOfOrder,
        /// A number outside the allowed range.
        OutOfRange,
        /// A month that cannot be read (write it as `09-2026`, `2026-09` or `september 2026`).
        MonthInvalid,
        /// A number that cannot be read (digits, and for hours one decimal: `32,5`).
        NumberInvalid,
        /// A list has more entries than allowed.
        TooMany,
        /// The same entry appears twice in a list.
        Duplicate,
        /// Not one of the 35 partner organisations.
        UnknownPartner,
        /// This role cannot be given by an invitation (people register themselves).
        RoleNotInvitable,
        /// Only a recruiter works for one partner; staff of the network have none.
        PartnerNotForRole,
        /// An update without `If-Match` (RFC 6585 §3).
        PreconditionRequired,
        /// The resource changed since it was read (`If-Match` is stale; RFC 9110 §13.1.1).
        PreconditionFailed,
        /// A link's token is forged, expired or already used.
        TokenInvalid,
        /// The consent text shown is not the current one; reload.
        ConsentTextOutdated,
        /// Register as a course participant first.
        NotAParticipant,
        /// Already enrolled in (or waiting for) this training.
        AlreadyEnrolled,
        /// The training has started; enrolling or cancelling is no longer possible.
        TrainingStarted,
        /// The academy cancelled this training: nobody can enrol, and it cannot be changed.
        TrainingCancelled,
        /// Fewer seats than people already holding one: the seats cannot go below that.
        SeatsBelowEnrolled,
        /// A date that cannot be read (write it as `2027-03-31`).
        DateInvalid,
        /// A time that cannot be read (write it as `09:30`).
        TimeInvalid,
        /// A date (and time) that has passed; it must lie in the future.
        DateInPast,
        /// The request has been answered or closed already; nothing was changed.
        RequestClosed,
        /// The request's deadline was extended already (once is all the law allows).
        AlreadyExtended,
        /// This kind of request cannot be extended (a complaint is answered within six weeks,
        /// never later).
        ExtensionNotAllowed,
        /// The request's deadline has passed: it can no longer be extended, only answered.
        DeadlinePassed,
        /// A request made for someone else cannot be answered before privacy staff have
        /// recorded how the identity and authority of the person who asks were checked.
        AuthorityNotChecked,
        /// The request is made by the person themself: there is no representative to check.
        NotOnBehalf,
        /// Identity and authority were checked and recorded already; the record stays.
        AlreadyChecked,
        /// The breach notice was sent already (once is all: nobody gets it twice).
        NoticeSent,
        /// The chosen group reaches nobody: there is nobody to send the notice to.
        NoRecipients,
        /// An account with this e-mail address already exists.
        EmailTaken,
        /// The last active administrator cannot be suspended or revoked: nobody could
        /// manage the portal any more.
        LastAdministrator,
        /// This account is suspended: it cannot log in until an administrator reinstates it.
        AccountSuspended,
        /// The new e-mail address is the one the account has already.
        EmailUnchanged,
        /// E-mail address and password do not match an account (same answer for both cases).
        InvalidCredentials,
        /// The password given to confirm who you are (changing the password, erasing the
        /// account) is not this account's password.
        WrongPassword,
        /// Too many attempts; try again later (see `Retry-After`).
        TooManyAttempts,
        /// The passkey could not log in or confirm: unknown (removed, or of no account
        /// here), a wrong signature, or the ceremony expired or was used already.
        PasskeyFailed,
        /// This action needs a fresh confirmation: the current password or a passkey.
        ReauthRequired,
        /// The person cancelled the passkey prompt, or the device has no passkey for this
        /// site (the browser does not tell which; only the app reports this).
        PasskeyCancelled,
        /// This browser cannot use passkeys (only the app reports this).
        PasskeyUnsupported,
        /// The password was right; this account also needs a code from its authenticator
        /// app (or a recovery code) — or, logged in, this needs a session that was opened
        /// with one (staff must set up two-step verification first).
        SecondFactorRequired,
        /// The code from the authenticator app (or the recovery code) is wrong, expired or
        /// used already.
        InvalidSecondFactor,
        /// Two-step verification is on already.
        SecondFactorActive,
        /// Staff who see other people's data cannot turn two-step verification off.
        SecondFactorMandatory,
        /// The file is not an age-encrypted file (or not a complete one); plaintext is refused.
        NotEncrypted,
        /// A transfer encrypted with a passphrase: the organisation can open only a file
        /// encrypted to its key.
        TransferNeedsKey,
        /// The passphrase does not open this file.
        WrongPassphrase,
        /// A passphrase for a file is shorter than 12 characters (a login password's is
        /// `password_too_short`: the person is told about the file, not their account).
        PassphraseTooShort,
        /// None of the given keys opens this file.
        NoMatchingKey,
        /// Not an age recipient key (`age1…`, or post-quantum `age1pq1…`).
        RecipientInvalid,
        /// Post-quantum (`age1pq1…`) and classic (`age1…`) keys in one file: the age format
        /// forbids it, since the classic key would undo the post-quantum protection.
        RecipientsMixed,
        /// A transfer whose file was not encrypted to the organisation's key (it has no
        /// recipient of that key's kind): the organisation could not open it.
        TransferWrongKey,
        /// Not an age identity (`AGE-SECRET-KEY-1…` or `AGE-SECRET-KEY-PQ-1…`).
        IdentityInvalid,
        /// This file needs a passphrase, not a key (or the other way round).
        WrongKeyKind,
        /// The file was damaged or changed after encryption.
        FileDamaged,
        /// The file asks for more passphrase work than this device allows.
        ExcessiveWork,
        /// The encryption helper could not be started in this browser.
        CryptoUnavailable,
        /// The link has expired or was revoked.
        Expired,
        /// The file behind this one-time link was fetched already.
        AlreadyFetched,
        /// The candidate withdrew this profile from the candidate bank (deleted it, took it
        /// out, or no longer shows it to this organisation).
        ProfileWithdrawn,
        /// Today's allowance (of uploads, say) is used up; try again tomorrow.
        QuotaExceeded,
        /// Nobody is logged in, or the session has ended.
        Unauthenticated,
        /// Logged in, but this is not yours to see or do.
        Forbidden,
        /// A state-changing request without the `X-Requested-With: zelfregie` header.
        CsrfHeaderMissing,
        /// The browser says this request came from another site.
        CrossSiteRequest,
        /// No such resource.
        NotFound,
        /// HTTP method not allowed on this resource.
        MethodNotAllowed,
        /// The request body is not the JSON this endpoint expects.
        MalformedRequest,
        /// The request body is not of an accepted media type.
        UnsupportedMediaType,
        /// The request body is larger than allowed.
        PayloadTooLarge,
        /// The request took too long to arrive (a slow or broken connection); nothing was changed.
        RequestTimeout,
        /// The database or another dependency does not answer; nothing was changed.
        ServiceUnavailable,
        /// Something failed on the server; nothing was changed.
        Internal,
        /// A code this version of the client does not know yet.
        Unknown,
    }
}

impl ErrorCode {
    /// The code as on the wire: the variant's name in snake_case (`invalid_characters`),
    /// converted as serde's `rename_all = "snake_case"` does.
    pub fn wire_name(self) -> String {
        let name = Self::NAMES[self as usize];
        let mut out = String::with_capacity(name.len() + 8);
        for (i, c) in name.char_indices() {
            if i > 0 && c.is_ascii_uppercase() {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        }
        out
    }

    /// The code with this wire name; [`ErrorCode::Unknown`] for a name this version does not
    /// know (a newer server's).
    pub fn from_wire_name(name: &str) -> Self {
        Self::ALL.iter().copied().find(|c| c.wire_name() == name).unwrap_or(Self::Unknown)
    }
}

impl Serialize for ErrorCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.wire_name())
    }
}

impl<'de> Deserialize<'de> for ErrorCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Name;
        impl serde::de::Visitor<'_> for Name {
            type Value = ErrorCode;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an error code")
            }
            fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<ErrorCode, E> {
                Ok(ErrorCode::from_wire_name(name))
            }
        }
        deserializer.deserialize_str(Name)
    }
}

/// A validation failure of one field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// The field's name as in the request body (e.g. `email`).
    pub field: String,
    /// Why it failed.
    pub code: ErrorCode,
}

impl FieldError {
    /// A failure of `field` with `code`.
    pub fn new(field: &str, code: ErrorCode) -> Self {
        Self { field: field.to_owned(), code }
    }
}

/// The body of every error response of the API.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiError {
    /// What went wrong.
    pub code: ErrorCode,
    /// Per-field failures when `code` is `validation_failed`; empty otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
}

impl ApiError {
    /// An error without field details.
    pub fn new(code: ErrorCode) -> Self {
        Self { code, fields: Vec::new() }
    }

    /// A validation failure with its field errors.
    pub fn validation(fields: Vec<FieldError>) -> Self {
        Self { code: ErrorCode::ValidationFailed, fields }
    }

    /// The first error code reported for `field`, if any.
    pub fn field(&self, field: &str) -> Option<ErrorCode> {
        self.fields.iter().find(|f| f.field == field).map(|f| f.code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_snake_case_on_the_wire() {
        let e = ApiError::validation(vec![FieldError::new("email", ErrorCode::EmailInvalid)]);
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(json, r#"{"code":"validation_failed","fields":[{"field":"email","code":"email_invalid"}]}"#);
        let plain = serde_json::to_string(&ApiError::new(ErrorCode::CsrfHeaderMissing)).unwrap();
        assert_eq!(plain, r#"{"code":"csrf_header_missing"}"#);
    }

    #[test]
    fn unknown_codes_from_a_newer_server_still_parse() {
        let e: ApiError = serde_json::from_str(r#"{"code":"something_new"}"#).unwrap();
        assert_eq!(e.code, ErrorCode::Unknown);
    }

    #[test]
    fn invalid_characters_has_its_own_code() {
        assert_eq!(serde_json::to_string(&ErrorCode::InvalidCharacters).unwrap(), r#""invalid_characters""#);
    }

    #[test]
    fn all_lists_every_code_once() {
        let unique: std::collections::HashSet<_> = ErrorCode::ALL.iter().collect();
        assert_eq!(unique.len(), ErrorCode::ALL.len());
        assert_eq!(ErrorCode::ALL.first(), Some(&ErrorCode::ValidationFailed));
        assert_eq!(ErrorCode::ALL.last(), Some(&ErrorCode::Unknown));
    }

    #[test]
    fn every_code_round_trips() {
        for code in ErrorCode::ALL {
            let s = serde_json::to_string(code).unwrap();
            let back: ErrorCode = serde_json::from_str(&s).unwrap();
            assert_eq!(*code, back, "{s}");
        }
    }
}
