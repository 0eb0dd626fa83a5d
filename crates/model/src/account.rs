//! Accounts and sessions: what registering and logging in send, what "who am I" answers,
//! and the validation both sides run.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::error::{ErrorCode, FieldError};
use crate::partner::Partner;
use crate::secret::Password;

/// Longest e-mail address accepted (RFC 5321 §4.5.3.1.3 path limit minus the brackets).
pub const EMAIL_MAX_CHARS: usize = 254;
/// Shortest password accepted. ASVS 5.0 6.2.1 asks at least 8 and strongly recommends 15;
/// twelve keeps a phone keyboard bearable while leaving online guessing hopeless.
pub const PASSWORD_MIN_CHARS: usize = 12;
/// Longest password accepted (ASVS 5.0 6.2.9 asks to allow at least 64).
pub const PASSWORD_MAX_CHARS: usize = 128;

/// Passwords too common to accept (ASVS 5.0 6.2.4), compared case-insensitively. Only
/// entries of at least [`PASSWORD_MIN_CHARS`] characters matter; shorter ones are refused anyway.
const COMMON_PASSWORDS: &[&str] = &[
    "123456789012",
    "1234567890123",
    "12345678901234",
    "123456789012345",
    "1234567890qwerty",
    "qwertyuiopasdf",
    "qwertyuiop123",
    "qwerty123456",
    "password1234",
    "password12345",
    "password123456",
    "passwordpassword",
    "wachtwoord123",
    "wachtwoord1234",
    "wachtwoordwachtwoord",
    "welkom123456",
    "welkomwelkom",
    "iloveyou1234",
    "abcdefghijkl",
    "abc123abc123",
    "aaaaaaaaaaaa",
    "111111111111",
    "000000000000",
    "letmein12345",
    "administrator",
    "administrator1",
    "changeme1234",
    "zomer2026zomer",
    "winter2026winter",
    "gemeente1234",
    "gemeente12345",
    "zelfregie123",
    "zelfregie1234",
];

/// Who an account belongs to. People (candidates and course participants) are one kind:
/// what they do in the portal, not their account, makes them one or both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A candidate and/or course participant managing their own data.
    Person,
    /// A recruiter bound to one partner organisation.
    Recruiter,
    /// Staff of the IGOM academy.
    AcademyStaff,
    /// Privacy staff: handle the requests people send about their rights.
    PrivacyStaff,
    /// Administrator ("beheerder"): invites, reviews and revokes staff and recruiters, and
    /// publishes the partners' keys; never sees a candidate's or participant's data.
    Administrator,
}

impl Role {
    /// The role's name as stored and sent.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Person => "person",
            Role::Recruiter => "recruiter",
            Role::AcademyStaff => "academy_staff",
            Role::PrivacyStaff => "privacy_staff",
            Role::Administrator => "administrator",
        }
    }

    /// Every role.
    pub const ALL: [Role; 5] =
        [Role::Person, Role::Recruiter, Role::AcademyStaff, Role::PrivacyStaff, Role::Administrator];

    /// The portal's own staff, who see many people's data: the one list of them (stronger
    /// login rules apply to these roles). Recruiters are employees of a partner and see only
    /// what each candidate shows their partner.
    pub const STAFF: [Role; 2] = [Role::AcademyStaff, Role::PrivacyStaff];

    /// Whether this is one of [`Role::STAFF`].
    pub fn is_staff(self) -> bool {
        Role::STAFF.contains(&self)
    }

    /// The role named `s`, if any.
    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// `POST /api/account`: ask for an account. The server answers the same for every address
/// and mails a link; the password is chosen on the link's page, by whoever holds the mailbox,
/// and the account exists once that page's button is pressed (`POST /api/account/confirm`,
/// [`RegistrationConfirm`]). A password given with the request would let someone who asks
/// first for another person's address log into the account she then makes (issue 24).
#[derive(Clone, Debug, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Registration {
    /// E-mail address; also the login name.
    pub email: String,
    /// The language the person uses (`nl` or `en`): the mail puts it first. Anything else
    /// counts as Dutch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

impl Registration {
    /// Every field failure, in field order. Empty means valid.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if let Err(code) = validate_email(&self.email) {
            errors.push(FieldError::new("email", code));
        }
        errors
    }
}

/// `POST /api/account/confirm`: the registration link's page, where the person chooses the
/// password and creates the account.
#[derive(Clone, Debug, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegistrationConfirm {
    /// The token from the link.
    pub token: String,
    /// At least 12 and at most 128 characters; not a common password, not the address.
    pub password: Password,
}

impl RegistrationConfirm {
    /// Every field failure for the account's `email` (the page does not know the address:
    /// it checks with an empty one, the server again with the real one).
    pub fn validate_for(&self, email: &str) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if let Err(code) = validate_new_password(self.password.expose(), email) {
            errors.push(FieldError::new("password", code));
        }
        errors
    }

    /// [`Self::validate_for`] without the address, as the page checks.
    pub fn validate(&self) -> Vec<FieldError> {
        self.validate_for("")
    }
}

/// `POST /api/me/email`: change the login address. The password is asked again; the new
/// address gets a link, and the change happens when its button is pressed
/// (`POST /api/email-change/confirm`).
#[derive(Clone, Debug, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmailChange {
    /// The new address.
    pub new_email: String,
    /// The current password.
    pub password: Password,
}

impl EmailChange {
    /// Every field failure, in field order: a usable new address that is not the current
    /// one (`current`), and the password given. Empty means valid.
    pub fn validate(&self, current: &str) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if let Err(code) = validate_email(&self.new_email) {
            errors.push(FieldError::new("new_email", code));
        } else if normalize_email(&self.new_email) == normalize_email(current) {
            errors.push(FieldError::new("new_email", ErrorCode::EmailUnchanged));
        }
        if self.password.expose().is_empty() {
            errors.push(FieldError::new("password", ErrorCode::Required));
        }
        errors
    }
}

/// `POST /api/session`: log in.
#[derive(Clone, Debug, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Credentials {
    /// E-mail address of the account.
    pub email: String,
    /// The account's password.
    pub password: Password,
    /// A code from the authenticator app, or a recovery code: needed when the account has
    /// two-step verification on (the answer `second_factor_required` says so).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

impl Credentials {
    /// Only presence and length: a login form must not teach the password policy or tell
    /// whether an address is registered.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let email = self.email.trim();
        if email.is_empty() {
            errors.push(FieldError::new("email", ErrorCode::Required));
        } else if email.chars().count() > EMAIL_MAX_CHARS {
            errors.push(FieldError::new("email", ErrorCode::TooLong));
        }
        let password = self.password.expose();
        if password.is_empty() {
            errors.push(FieldError::new("password", ErrorCode::Required));
        } else if password.chars().count() > PASSWORD_MAX_CHARS {
            errors.push(FieldError::new("password", ErrorCode::TooLong));
        }
        errors.extend(crate::second_factor::validate_login_code(self.code.as_deref()));
        errors
    }
}

/// The language a person reads the portal in: of their mails and consent receipts too.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Dutch (the default).
    #[default]
    Nl,
    /// English.
    En,
}

impl Language {
    /// The code (`nl`, `en`), as stored and as `<html lang>` says it.
    pub fn code(self) -> &'static str {
        match self {
            Language::Nl => "nl",
            Language::En => "en",
        }
    }

    /// From a stored code; anything but `en` is Dutch.
    pub fn from_code(code: &str) -> Language {
        if code == "en" {
            Language::En
        } else {
            Language::Nl
        }
    }
}

/// `PUT /api/me/language`: the language switch of a logged-in person, which their mails and
/// consent receipts follow from then on.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LanguageChoice {
    /// `nl` or `en`.
    pub language: Language,
}

/// `PUT /api/me/password`: change the password; the current one is asked again
/// (ASVS 5.0 7.5.1: re-authentication before a sensitive change).
#[derive(Clone, Debug, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordChange {
    /// The current password.
    pub current_password: Password,
    /// The new password (same rules as at registration).
    pub new_password: Password,
    /// Confirmed with a passkey just before instead of the current password.
    #[serde(default)]
    pub confirmed_with_passkey: bool,
}

impl PasswordChange {
    /// Every field failure, in field order: the current password must be given; the new one
    /// follows the registration rules for the account's address `email`. Empty means valid.
    pub fn validate(&self, email: &str) -> Vec<FieldError> {
        let mut errors = crate::passkey::password_or_passkey(
            &self.current_password,
            self.confirmed_with_passkey,
            "current_password",
        );
        if let Err(code) = validate_new_password(self.new_password.expose(), email) {
            errors.push(FieldError::new("new_password", code));
        }
        errors
    }
}

/// `POST /api/password-reset`: mail a reset link to this address, if an account has it.
/// The answer is the same whether or not it does.
#[derive(Clone, Debug, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordResetRequest {
    /// The account's e-mail address.
    pub email: String,
}

impl PasswordResetRequest {
    /// The address must be given and not too long (whether it is an account's is not the
    /// page's to know). Empty means valid.
    pub fn validate(&self) -> Vec<FieldError> {
        let email = self.email.trim();
        let code = if email.is_empty() {
            Some(ErrorCode::Required)
        } else if email.chars().count() > EMAIL_MAX_CHARS {
            Some(ErrorCode::TooLong)
        } else {
            None
        };
        code.map(|c| vec![FieldError::new("email", c)]).unwrap_or_default()
    }
}

/// `POST /api/password-reset/confirm`: set a new password with the token from the mail.
#[derive(Clone, Debug, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordReset {
    /// The token from the link in the mail.
    pub token: String,
    /// The new password (same rules as at registration).
    pub new_password: Password,
}

impl PasswordReset {
    /// The new password's rules that need no address (the server checks it against the
    /// account's address too). Empty means valid.
    pub fn validate(&self) -> Vec<FieldError> {
        match validate_new_password(self.new_password.expose(), "") {
            Ok(()) => Vec::new(),
            Err(code) => vec![FieldError::new("new_password", code)],
        }
    }
}

/// `DELETE /api/me/account`: erase the account and everything held; the password is asked
/// again (ASVS 5.0 7.5.3).
#[derive(Clone, Debug, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Erasure {
    /// The current password; may be empty when `confirmed_with_passkey`.
    #[serde(default)]
    pub password: Password,
    /// Confirmed with a passkey just before instead of the password.
    #[serde(default)]
    pub confirmed_with_passkey: bool,
}

impl Erasure {
    /// The password must be given unless a passkey confirms. Empty means valid.
    pub fn validate(&self) -> Vec<FieldError> {
        crate::passkey::password_or_passkey(&self.password, self.confirmed_with_passkey, "password")
    }
}

/// Body of `POST /api/me/password/check`: the current password, checked before a
/// "are you sure?" question, so nobody is asked to confirm something that will fail anyway.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordCheck {
    /// The current password.
    pub password: Password,
}

impl PasswordCheck {
    /// The password must be given. Empty means valid.
    pub fn validate(&self) -> Vec<FieldError> {
        crate::passkey::password_or_passkey(&self.password, false, "password")
    }
}

/// The account as its owner sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Account {
    /// Login e-mail address.
    pub email: String,
    /// What kind of account this is.
    pub role: Role,
    /// The partner a recruiter works for; absent for everyone else.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<Partner>,
    /// When the account was created.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: OffsetDateTime,
}

/// The current session's timing (ASVS 5.0 7.3.1, 7.3.2).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionDetails {
    /// When this session was started (login).
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub started_at: OffsetDateTime,
    /// When this session ends regardless of activity (absolute timeout).
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub expires_at: OffsetDateTime,
    /// Minutes of inactivity after which the session ends.
    pub idle_timeout_minutes: u32,
    /// The same in seconds (exact also when configured below a minute). How much of it is
    /// left is in the `X-Session-Expires-In` header of every answer to a logged-in request.
    #[serde(default)]
    pub idle_timeout_secs: u32,
    /// Whether this session was opened with a second factor (password and a code, or a
    /// passkey): staff need such a session to see other people's data.
    #[serde(default)]
    pub strong: bool,
}

/// `GET /api/session/time-left`: how long the session lasts without further activity.
/// Asking does not count as activity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionTimeLeft {
    /// Seconds until the session ends (idle or absolute timeout, whichever comes first).
    pub expires_in_secs: u32,
}

/// `GET /api/session`: who is logged in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionInfo {
    /// The logged-in account.
    pub account: Account,
    /// This session.
    pub session: SessionDetails,
    /// How many sessions of this account are active, this one included.
    pub active_sessions: u32,
    /// Two-step verification of the account.
    #[serde(default)]
    pub second_factor: crate::second_factor::SecondFactorStatus,
}

impl SessionInfo {
    /// Whether this session must set up two-step verification before anything else: staff
    /// who see other people's data, in a session opened without a second factor (the server
    /// refuses them every other people's data; the app sends them to the set-up).
    pub fn must_set_up_second_factor(&self) -> bool {
        self.second_factor.required && !self.session.strong
    }
}

/// Trims and lower-cases an e-mail address: the form in which it is stored and compared.
/// Every address [`validate_email`] accepts is ASCII, so two accounts never differ by a
/// look-alike letter.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Checks an e-mail address for the shape `local@domain.tld`. Deliberately not the full
/// RFC 5322 grammar: quoted local parts and IP literals are not addresses people type.
///
/// The address is ASCII (RFC 5321 dot-atoms): a Cyrillic `а` or a full-width `ｋ` would
/// make an address that looks like someone else's, and invisible characters one that looks
/// like nothing. A domain in another script is written as IDNA gives it (`xn--…`); the SPA
/// does not convert it itself, as the IDNA tables would cost it 146 KB.
pub fn validate_email(email: &str) -> Result<(), ErrorCode> {
    let email = email.trim();
    if email.is_empty() {
        return Err(ErrorCode::Required);
    }
    if email.chars().count() > EMAIL_MAX_CHARS {
        return Err(ErrorCode::TooLong);
    }
    let Some((local, domain)) = email.rsplit_once('@') else {
        return Err(ErrorCode::EmailInvalid);
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local.chars().all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels.last().is_some_and(|tld| tld.chars().count() >= 2 && !tld.chars().all(|c| c.is_ascii_digit()));
    if local_ok && domain_ok {
        Ok(())
    } else {
        Err(ErrorCode::EmailInvalid)
    }
}

/// Checks a password someone chooses (ASVS 5.0 6.2): length, not common, not the e-mail
/// address. No composition rules (6.2.5).
pub fn validate_new_password(password: &str, email: &str) -> Result<(), ErrorCode> {
    let chars = password.chars().count();
    if chars == 0 {
        return Err(ErrorCode::Required);
    }
    if chars < PASSWORD_MIN_CHARS {
        return Err(ErrorCode::PasswordTooShort);
    }
    if chars > PASSWORD_MAX_CHARS {
        return Err(ErrorCode::PasswordTooLong);
    }
    let lower = password.to_lowercase();
    if COMMON_PASSWORDS.contains(&lower.as_str()) || lower.chars().all(|c| lower.starts_with(c)) {
        return Err(ErrorCode::PasswordTooCommon);
    }
    let email = normalize_email(email);
    let local = email.split('@').next().unwrap_or_default();
    if (!email.is_empty() && lower.contains(&email)) || (local.chars().count() >= 4 && lower.contains(local)) {
        return Err(ErrorCode::PasswordContainsEmail);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_change_and_an_erasure_ask_the_current_password() {
        let change = PasswordChange { new_password: Password::new("kort"), ..PasswordChange::default() };
        let fields: Vec<_> = change.validate("a@b.nl").into_iter().map(|f| (f.field, f.code)).collect();
        assert_eq!(
            fields,
            [
                ("current_password".to_owned(), ErrorCode::Required),
                ("new_password".to_owned(), ErrorCode::PasswordTooShort)
            ]
        );
        let fine = PasswordChange {
            current_password: Password::new("oud"),
            new_password: Password::new("paarse olifant op de fiets"),
            confirmed_with_passkey: false,
        };
        assert!(fine.validate("a@b.nl").is_empty());
        let by_passkey = PasswordChange { current_password: Password::default(), confirmed_with_passkey: true, ..fine };
        assert!(by_passkey.validate("a@b.nl").is_empty());
        assert_eq!(
            Erasure { password: Password::new(String::new()), confirmed_with_passkey: false }.validate(),
            [FieldError::new("password", ErrorCode::Required)]
        );
        assert!(Erasure { password: Password::new("x"), confirmed_with_passkey: false }.validate().is_empty());
    }

    #[test]
    fn emails_people_type_are_accepted() {
        for ok in ["kandidaat@example.org", "Jan.de.Vries@kerkrade.nl", "a+b@sub.domein.nl", " x@y.nl "] {
            assert_eq!(validate_email(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn broken_emails_are_refused_with_a_code() {
        assert_eq!(validate_email(""), Err(ErrorCode::Required));
        assert_eq!(validate_email("   "), Err(ErrorCode::Required));
        for bad in ["plain", "@example.org", "a@", "a@b", "a@-b.nl", "a@b..nl", "a b@c.nl", "a..b@c.nl", "a@c.12"] {
            assert_eq!(validate_email(bad), Err(ErrorCode::EmailInvalid), "{bad}");
        }
        let long = format!("{}@example.org", "a".repeat(250));
        assert_eq!(validate_email(&long), Err(ErrorCode::TooLong));
    }

    #[test]
    fn look_alike_and_invisible_characters_make_no_address() {
        for bad in [
            "k\u{430}ndidaat@example.org",  // Cyrillic а in the local part
            "kandidaat@ex\u{430}mple.org",  // Cyrillic а in the domain
            "\u{ff4b}andidaat@example.org", // full-width ｋ
            "kandidaat@\u{ff45}\u{ff58}\u{ff41}\u{ff4d}\u{ff50}\u{ff4c}\u{ff45}.org", // full-width ｅｘａｍｐｌｅ
            "kandidaat@example\u{ff0e}org", // full-width full stop
            "kandidaat@example.\u{ff4f}rg",
            "\u{fc}nal@example.org",         // ü: the local part is ASCII
            "jan@caf\u{e9}.nl",              // a domain in another script: xn--caf-dma.nl
            "kandidaat\u{202e}@example.org", // right-to-left override
            "kandi\u{200b}daat@example.org", // zero-width space
            "kandidaat@exa\u{200b}mple.org",
            "kandidaat@exa\u{ad}mple.org", // soft hyphen
            "kandi\u{7}daat@example.org",
            "kandidaat@exam\u{0}ple.org",
            "kandidaat@example.org\u{2028}x",
            "kandidaat@\u{661}\u{662}.nl", // Arabic-Indic digits
        ] {
            assert_eq!(validate_email(bad), Err(ErrorCode::EmailInvalid), "{bad:?}");
        }
        assert_eq!(validate_email("jan@xn--caf-dma.nl"), Ok(()));
    }

    #[test]
    fn password_policy() {
        let email = "marieke@example.org";
        assert_eq!(validate_new_password("", email), Err(ErrorCode::Required));
        assert_eq!(validate_new_password("kort-genoeg", email), Err(ErrorCode::PasswordTooShort));
        assert_eq!(validate_new_password(&"x".repeat(129), email), Err(ErrorCode::PasswordTooLong));
        assert_eq!(validate_new_password("Wachtwoord123", email), Err(ErrorCode::PasswordTooCommon));
        assert_eq!(validate_new_password("zzzzzzzzzzzzzzzz", email), Err(ErrorCode::PasswordTooCommon));
        assert_eq!(validate_new_password("ik-ben-MARIEKE-2026", email), Err(ErrorCode::PasswordContainsEmail));
        assert_eq!(validate_new_password("paarse olifant fietst", email), Ok(()));
        // Length counts characters, not bytes: twelve accented letters are enough.
        assert_eq!(validate_new_password("éééééééééééà", email), Ok(()));
    }

    #[test]
    fn registration_reports_every_field() {
        let r = Registration { email: "nope".into(), language: None };
        assert_eq!(r.validate(), vec![FieldError::new("email", ErrorCode::EmailInvalid)]);
        assert!(Registration { email: "nieuw@example.org".into(), language: None }.validate().is_empty());
        // The password comes with the link's token, and is checked against the address.
        let confirm = RegistrationConfirm { token: "t".into(), password: Password::new("kort") };
        assert_eq!(confirm.validate(), vec![FieldError::new("password", ErrorCode::PasswordTooShort)]);
        let confirm = RegistrationConfirm { token: "t".into(), password: Password::new("nieuwkomer op reis") };
        assert!(confirm.validate().is_empty());
        assert_eq!(
            confirm.validate_for("nieuwkomer@example.org"),
            vec![FieldError::new("password", ErrorCode::PasswordContainsEmail)]
        );
    }

    #[test]
    fn an_email_change_needs_a_new_usable_address_and_the_password() {
        let change =
            |new: &str, password: &str| EmailChange { new_email: new.into(), password: Password::new(password) };
        assert!(change("nieuw@example.org", "geheim").validate("oud@example.org").is_empty());
        assert_eq!(
            change(" Oud@Example.org ", "").validate("oud@example.org"),
            vec![
                FieldError::new("new_email", ErrorCode::EmailUnchanged),
                FieldError::new("password", ErrorCode::Required)
            ]
        );
        assert_eq!(
            change("geen-adres", "geheim").validate("oud@example.org"),
            vec![FieldError::new("new_email", ErrorCode::EmailInvalid)]
        );
    }

    #[test]
    fn login_validation_does_not_teach_the_policy() {
        let c = Credentials { email: "a@b.nl".into(), password: Password::new("x"), code: None };
        assert!(c.validate().is_empty());
        let empty = Credentials::default();
        assert_eq!(
            empty.validate(),
            vec![FieldError::new("email", ErrorCode::Required), FieldError::new("password", ErrorCode::Required)]
        );
    }

    #[test]
    fn emails_are_stored_trimmed_and_lower_case() {
        assert_eq!(normalize_email("  Kandidaat@Example.ORG "), "kandidaat@example.org");
    }

    #[test]
    fn session_info_uses_rfc3339() {
        let info = SessionInfo {
            account: Account {
                email: "a@b.nl".into(),
                role: Role::Recruiter,
                partner: Some(Partner::from_name("Gemeente Kerkrade")),
                created_at: time::macros::datetime!(2026-11-22 10:00 UTC),
            },
            session: SessionDetails {
                started_at: time::macros::datetime!(2026-11-22 10:00 UTC),
                expires_at: time::macros::datetime!(2026-11-22 22:00 UTC),
                idle_timeout_minutes: 30,
                strong: true,
                idle_timeout_secs: 1800,
            },
            active_sessions: 1,
            second_factor: crate::second_factor::SecondFactorStatus {
                enabled: true,
                required: true,
                enabled_at: Some(time::macros::datetime!(2026-11-22 09:00 UTC)),
                recovery_codes_left: 10,
            },
        };
        assert!(!info.must_set_up_second_factor(), "strong staff session");
        let mut weak = info.clone();
        weak.session.strong = false;
        assert!(weak.must_set_up_second_factor(), "staff without a second factor in this session");
        weak.second_factor.required = false;
        assert!(!weak.must_set_up_second_factor(), "people may choose");
        let json = serde_json::to_value(&info).unwrap();
        assert_eq!(json["account"]["created_at"], "2026-11-22T10:00:00Z");
        assert_eq!(json["account"]["role"], "recruiter");
        assert_eq!(json["account"]["partner"]["slug"], "kerkrade");
        let back: SessionInfo = serde_json::from_value(json).unwrap();
        assert_eq!(back, info);
    }
}
