//! Formal requests about one's rights that the portal cannot settle by itself (objection,
//! restriction, a complaint, access to data held outside the portal, correcting what staff
//! recorded): what the person sends, what privacy staff answer, and the legal clock.
//!
//! The clock (docs/security.md "Requests about one's rights"), written down here once and
//! enforced by the server:
//! - A request about a right (access, rectification, restriction, objection: GDPR art. 12(3),
//!   and the privacy policy's promise) is answered within one month of receipt. Privacy staff
//!   may extend that once, by two further months, with a reason the person sees, and only
//!   while the first deadline has not passed (on the deadline day itself still).
//! - A complaint is answered within six weeks of receipt (the complaint procedure of the
//!   general administrative law, which the municipal privacy protocol follows), never later:
//!   it cannot be extended.
//!
//! Months are counted on the calendar in the Netherlands; a month without the day of receipt
//! ends on its last day (31 January → 28 or 29 February). The extension adds two months to
//! the first deadline (31 January → 28 February → 28 April): of the readings of the rule, the
//! one that never lets the person wait longer.
//!
//! A request may be made for someone else (docs/security.md "Requests about one's rights"): a
//! parent of a minor, a legal representative (guardian, curator, mentor), someone with a
//! written mandate, or a surviving relative. The request then says for whom and on what
//! ground ([`Representation`]); privacy staff record how identity and authority were checked
//! ([`NewVerification`]: the policy asks for a check in person) before they may answer it.

use serde::{Deserialize, Serialize};
use time::{Date, Month, OffsetDateTime, UtcOffset, Weekday};

use crate::account::{normalize_email, validate_email};
use crate::checks::{check_line, check_paragraphs};
use crate::error::{ErrorCode, FieldError};

/// Longest request text, answer or reason (characters).
pub const TEXT_MAX_CHARS: usize = 4000;
/// Longest reason for an extension or for closing without an answer.
pub const REASON_MAX_CHARS: usize = 1000;
/// Longest name of the person a request is for.
pub const FOR_NAME_MAX_CHARS: usize = crate::profile::limits::NAME;
/// Longest note privacy staff add to how identity and authority were checked.
pub const NOTE_MAX_CHARS: usize = 500;
/// Months after receipt within which an answer is due.
pub const ANSWER_MONTHS: u32 = 1;
/// Months an extension adds, once.
pub const EXTENSION_MONTHS: u32 = 2;
/// Weeks after receipt within which a complaint is answered: never extended.
pub const COMPLAINT_WEEKS: i64 = 6;
/// Years a closed request is kept (then deleted), counted from closing.
pub const RETENTION_YEARS: i64 = 2;

/// What the request is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    /// Bezwaar: the person objects to a use of their data.
    Objection,
    /// Beperking: the person asks to stop using data for a while (while something is checked).
    Restriction,
    /// Correction of what staff recorded (the person corrects their own data in the portal).
    Rectification,
    /// Access to data held outside the portal (the portal shows what it holds itself).
    Access,
    /// A complaint about how the data was handled.
    Complaint,
}

impl RequestKind {
    /// Every kind, in the order the form offers them.
    pub const ALL: [RequestKind; 5] = [
        RequestKind::Access,
        RequestKind::Rectification,
        RequestKind::Restriction,
        RequestKind::Objection,
        RequestKind::Complaint,
    ];

    /// Stored and wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            RequestKind::Objection => "objection",
            RequestKind::Restriction => "restriction",
            RequestKind::Rectification => "rectification",
            RequestKind::Access => "access",
            RequestKind::Complaint => "complaint",
        }
    }

    /// The kind stored as `s`.
    pub fn parse(s: &str) -> Option<RequestKind> {
        RequestKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Whether privacy staff may extend the deadline. The requests about a right may (GDPR
    /// art. 12(3) allows two more months for the rights of arts. 15 to 22: access,
    /// rectification, restriction, objection). A complaint may not: its six weeks come from
    /// the complaint procedure, which the protocol does not let run longer.
    pub fn may_be_extended(self) -> bool {
        match self {
            RequestKind::Access | RequestKind::Rectification | RequestKind::Restriction | RequestKind::Objection => {
                true
            }
            RequestKind::Complaint => false,
        }
    }
}

/// Where a request stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    /// Waiting for privacy staff.
    Open,
    /// Answered (closed with an answer).
    Answered,
    /// Closed without an answer, with a reason (withdrawn, a duplicate, …).
    Closed,
}

impl RequestStatus {
    /// Stored and wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            RequestStatus::Open => "open",
            RequestStatus::Answered => "answered",
            RequestStatus::Closed => "closed",
        }
    }

    /// The status stored as `s`.
    pub fn parse(s: &str) -> Option<RequestStatus> {
        [RequestStatus::Open, RequestStatus::Answered, RequestStatus::Closed].into_iter().find(|k| k.as_str() == s)
    }
}

/// On what ground someone asks for another person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Ground {
    /// A parent (with parental authority) of a child under 16.
    ParentOfMinor,
    /// A legal representative: guardian (voogd), curator or mentor.
    LegalRepresentative,
    /// A written mandate (schriftelijke machtiging) from the person concerned.
    WrittenMandate,
    /// A surviving relative (nabestaande) of a person who has died.
    SurvivingRelative,
}

impl Ground {
    /// Every ground, in the order the form offers them.
    pub const ALL: [Ground; 4] =
        [Ground::ParentOfMinor, Ground::LegalRepresentative, Ground::WrittenMandate, Ground::SurvivingRelative];

    /// Stored and wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Ground::ParentOfMinor => "parent_of_minor",
            Ground::LegalRepresentative => "legal_representative",
            Ground::WrittenMandate => "written_mandate",
            Ground::SurvivingRelative => "surviving_relative",
        }
    }

    /// The ground stored as `s`.
    pub fn parse(s: &str) -> Option<Ground> {
        Ground::ALL.into_iter().find(|g| g.as_str() == s)
    }
}

/// For whom a request is made, and on what ground.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Representation {
    /// The name of the person the request is for.
    pub for_name: String,
    /// Their e-mail address, if known: when it is the address of an account here, that account
    /// sees the request once privacy staff have checked the representative.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub for_email: Option<String>,
    /// The ground.
    pub ground: Ground,
}

impl Representation {
    /// Every field failure (names as `on_behalf.<field>`). Empty means valid.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if let Err(code) = check_line(&self.for_name, FOR_NAME_MAX_CHARS, true) {
            errors.push(FieldError::new("on_behalf.for_name", code));
        }
        if let Some(email) = &self.for_email {
            if let Err(code) = validate_email(email) {
                errors.push(FieldError::new("on_behalf.for_email", code));
            }
        }
        errors
    }

    /// Trimmed, the address normalized (an empty address is no address).
    pub fn normalized(&self) -> Representation {
        Representation {
            for_name: self.for_name.trim().to_owned(),
            for_email: self.for_email.as_deref().map(normalize_email).filter(|e| !e.is_empty()),
            ground: self.ground,
        }
    }
}

/// How privacy staff checked identity and authority.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum VerificationMethod {
    /// In person, with an identity document and the proof of authority (what the policy asks).
    InPerson,
    /// Another way; the note says which and why.
    Other,
}

impl VerificationMethod {
    /// Stored and wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            VerificationMethod::InPerson => "in_person",
            VerificationMethod::Other => "other",
        }
    }

    /// The method stored as `s`.
    pub fn parse(s: &str) -> Option<VerificationMethod> {
        [VerificationMethod::InPerson, VerificationMethod::Other].into_iter().find(|m| m.as_str() == s)
    }
}

/// `POST /api/privacy/requests/{id}/verification`: how privacy staff checked the identity and
/// the authority of the person who asks for someone else.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewVerification {
    /// How.
    pub method: VerificationMethod,
    /// The day of the check (`YYYY-MM-DD`): not before the request was received, not after today.
    #[serde(with = "day")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub checked_on: Date,
    /// What was checked; required for `other` (which way, and why not in person).
    #[serde(default)]
    pub note: String,
}

impl NewVerification {
    /// Every field failure of the body alone. Empty means valid.
    pub fn validate(&self) -> Vec<FieldError> {
        let required = self.method == VerificationMethod::Other;
        match check_line(&self.note, NOTE_MAX_CHARS, required) {
            Ok(()) => Vec::new(),
            Err(code) => vec![FieldError::new("note", code)],
        }
    }

    /// The failures against the request: `checked_on` must lie between the day of receipt and
    /// today (both on the Dutch calendar, both included).
    pub fn validate_day(&self, received_at: OffsetDateTime, now: OffsetDateTime) -> Vec<FieldError> {
        if self.checked_on < dutch_date(received_at) || self.checked_on > dutch_date(now) {
            vec![FieldError::new("checked_on", ErrorCode::OutOfRange)]
        } else {
            Vec::new()
        }
    }
}

/// What the person who asked sees of the check: how and on what day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Checked {
    /// How.
    pub method: VerificationMethod,
    /// The day of the check.
    #[serde(with = "day")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub checked_on: Date,
}

/// The check as privacy staff see it: with the note, who recorded it and when, and whether the
/// person concerned's account was linked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VerificationRecord {
    /// How.
    pub method: VerificationMethod,
    /// The day of the check.
    #[serde(with = "day")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub checked_on: Date,
    /// The note (may be empty for a check in person).
    pub note: String,
    /// When it was recorded.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub recorded_at: OffsetDateTime,
    /// The staff member who recorded it (their address; none once their account is erased).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded_by: Option<String>,
    /// Whether an account with the address given for the person concerned was found and now
    /// sees the request.
    pub linked: bool,
}

/// `POST /api/me/requests`: a new request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewRequest {
    /// What it is about.
    pub kind: RequestKind,
    /// The request in the person's words.
    pub text: String,
    /// For whom, when it is made for someone else (absent: for oneself).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_behalf: Option<Representation>,
}

impl NewRequest {
    /// Every field failure. Empty means valid.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = match check_paragraphs(&self.text, TEXT_MAX_CHARS, true) {
            Ok(()) => Vec::new(),
            Err(code) => vec![FieldError::new("text", code)],
        };
        if let Some(r) = &self.on_behalf {
            errors.extend(r.validate());
        }
        errors
    }
}

/// What privacy staff send: an answer, the reason for an extension, or the reason for closing
/// without an answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffText {
    /// The answer or the reason.
    pub text: String,
}

impl StaffText {
    /// An answer: required, at most [`TEXT_MAX_CHARS`].
    pub fn validate_answer(&self) -> Vec<FieldError> {
        Self::check(&self.text, TEXT_MAX_CHARS)
    }

    /// A reason: required, at most [`REASON_MAX_CHARS`].
    pub fn validate_reason(&self) -> Vec<FieldError> {
        Self::check(&self.text, REASON_MAX_CHARS)
    }

    fn check(text: &str, max: usize) -> Vec<FieldError> {
        match check_paragraphs(text, max, true) {
            Ok(()) => Vec::new(),
            Err(code) => vec![FieldError::new("text", code)],
        }
    }
}

/// A text privacy staff wrote, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffNote {
    /// The text.
    pub text: String,
    /// When it was written.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub at: OffsetDateTime,
}

/// A request as the person sees it (and in the export).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PrivacyRequest {
    /// Random id (not a counter).
    pub id: String,
    /// What it is about.
    pub kind: RequestKind,
    /// The request in the person's words.
    pub text: String,
    /// Where it stands.
    pub status: RequestStatus,
    /// When it was received.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub received_at: OffsetDateTime,
    /// The last day for the answer (`YYYY-MM-DD`, Dutch calendar).
    #[serde(with = "day")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub deadline: Date,
    /// The extension and its reason, if the deadline was extended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension: Option<StaffNote>,
    /// The answer (status `answered`) or the reason for closing (status `closed`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<StaffNote>,
    /// For whom and on what ground, when it was made for someone else.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_behalf: Option<Representation>,
    /// How and when privacy staff checked identity and authority (a request for someone else).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<Checked>,
    /// Only when the reader is the person concerned, not the one who asked: the address of the
    /// account that made the request for them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested_by: Option<String>,
}

/// A request as privacy staff see it: with the person's address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffRequest {
    /// The request.
    pub request: PrivacyRequest,
    /// The person's e-mail address (to reach them outside the portal if needed).
    pub email: String,
    /// The check of identity and authority, once recorded (a request for someone else).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verification: Option<VerificationRecord>,
}

/// A line of privacy staff's queue: no text, no address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QueueEntry {
    /// The request's id.
    pub id: String,
    /// What it is about.
    pub kind: RequestKind,
    /// Where it stands.
    pub status: RequestStatus,
    /// When it was received.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub received_at: OffsetDateTime,
    /// The last day for the answer.
    #[serde(with = "day")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub deadline: Date,
    /// Whether the deadline was extended.
    pub extended: bool,
    /// The ground, when the request is made for someone else.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_behalf: Option<Ground>,
    /// Whether identity and authority were checked (a request for someone else).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub checked: bool,
}

/// The offset of Dutch time at `at`: CEST (+2) from the last Sunday of March, 01:00 UTC, to
/// the last Sunday of October, 01:00 UTC; CET (+1) otherwise (EU summer-time rule).
pub fn netherlands_offset(at: OffsetDateTime) -> UtcOffset {
    let utc = at.to_offset(UtcOffset::UTC);
    let year = utc.year();
    let switch = |month: Month| {
        let last = Date::from_calendar_date(year, month, month.length(year)).expect("valid date");
        let back = last.weekday().number_days_from_sunday();
        let sunday = last - time::Duration::days(i64::from(back));
        debug_assert_eq!(sunday.weekday(), Weekday::Sunday);
        sunday.with_hms(1, 0, 0).expect("valid time").assume_utc()
    };
    let hours = if utc >= switch(Month::March) && utc < switch(Month::October) { 2 } else { 1 };
    UtcOffset::from_hms(hours, 0, 0).expect("valid offset")
}

/// The calendar day in the Netherlands at `at`.
pub fn dutch_date(at: OffsetDateTime) -> Date {
    at.to_offset(netherlands_offset(at)).date()
}

/// `date` plus `months` calendar months; a month without that day gives its last day.
pub fn add_months(date: Date, months: u32) -> Date {
    let index = i64::from(date.year()) * 12 + i64::from(u8::from(date.month())) - 1 + i64::from(months);
    let year = i32::try_from(index.div_euclid(12)).expect("year in range");
    let month = Month::try_from(u8::try_from(index.rem_euclid(12) + 1).expect("1..=12")).expect("valid month");
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).expect("valid date")
}

/// The last day for the answer to a request of `kind` received at `received_at`: one month
/// later, or two more months when it was extended; for a complaint six weeks later, extended
/// or not (a complaint's answer never comes later).
pub fn deadline(kind: RequestKind, received_at: OffsetDateTime, extended: bool) -> Date {
    let received = dutch_date(received_at);
    if !kind.may_be_extended() {
        return received + time::Duration::weeks(COMPLAINT_WEEKS);
    }
    let first = add_months(received, ANSWER_MONTHS);
    if extended {
        add_months(first, EXTENSION_MONTHS)
    } else {
        first
    }
}

/// Whether privacy staff may extend a request of `kind` received at `received_at` at `now`:
/// the new deadline, or why not — `extension_not_allowed` for a kind the law gives no
/// extension (a complaint), `already_extended` the second time, `deadline_passed` from the
/// day after the deadline (on the deadline day itself it is still allowed).
pub fn extension(
    kind: RequestKind,
    received_at: OffsetDateTime,
    extended: bool,
    now: OffsetDateTime,
) -> Result<Date, ErrorCode> {
    if !kind.may_be_extended() {
        return Err(ErrorCode::ExtensionNotAllowed);
    }
    if extended {
        return Err(ErrorCode::AlreadyExtended);
    }
    if days_left(deadline(kind, received_at, false), now) < 0 {
        return Err(ErrorCode::DeadlinePassed);
    }
    Ok(deadline(kind, received_at, true))
}

/// Days from today (in the Netherlands, at `now`) to `deadline`: 0 on the day itself,
/// negative once it has passed.
pub fn days_left(deadline: Date, now: OffsetDateTime) -> i64 {
    (deadline - dutch_date(now)).whole_days()
}

/// A [`Date`] as `YYYY-MM-DD` on the wire.
pub mod day {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::macros::format_description;
    use time::Date;

    /// Writes `YYYY-MM-DD`.
    pub fn serialize<S: Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
        let text = date.format(format_description!("[year]-[month]-[day]")).map_err(serde::ser::Error::custom)?;
        s.serialize_str(&text)
    }

    /// Reads `YYYY-MM-DD`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        Date::parse(&text, format_description!("[year]-[month]-[day]")).map_err(serde::de::Error::custom)
    }

    /// `YYYY-MM-DD` of `date` (the stored form: it sorts as the dates do).
    pub fn to_string(date: Date) -> String {
        date.format(format_description!("[year]-[month]-[day]")).unwrap_or_default()
    }

    /// The date of a stored `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Date> {
        Date::parse(text, format_description!("[year]-[month]-[day]")).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn one_month_later_on_the_same_day() {
        assert_eq!(deadline(RequestKind::Objection, datetime!(2026-03-10 12:00 UTC), false), date!(2026 - 04 - 10));
        assert_eq!(
            deadline(RequestKind::Objection, datetime!(2026-12-15 09:00 UTC), false),
            date!(2027 - 01 - 15),
            "over the year's end"
        );
    }

    #[test]
    fn a_month_without_the_day_ends_on_its_last_day() {
        assert_eq!(deadline(RequestKind::Objection, datetime!(2026-01-31 10:00 UTC), false), date!(2026 - 02 - 28));
        assert_eq!(
            deadline(RequestKind::Objection, datetime!(2028-01-31 10:00 UTC), false),
            date!(2028 - 02 - 29),
            "leap year"
        );
        assert_eq!(deadline(RequestKind::Objection, datetime!(2026-01-29 10:00 UTC), false), date!(2026 - 02 - 28));
        assert_eq!(deadline(RequestKind::Objection, datetime!(2026-03-31 10:00 UTC), false), date!(2026 - 04 - 30));
        assert_eq!(deadline(RequestKind::Objection, datetime!(2026-08-31 10:00 UTC), false), date!(2026 - 09 - 30));
    }

    #[test]
    fn an_extension_adds_two_months_to_the_first_deadline() {
        assert_eq!(deadline(RequestKind::Objection, datetime!(2026-03-10 12:00 UTC), true), date!(2026 - 06 - 10));
        // 31 January → 28 February → 28 April, never 30 April.
        assert_eq!(deadline(RequestKind::Objection, datetime!(2026-01-31 10:00 UTC), true), date!(2026 - 04 - 28));
        assert_eq!(deadline(RequestKind::Objection, datetime!(2026-11-30 10:00 UTC), true), date!(2027 - 02 - 28));
        assert_eq!(deadline(RequestKind::Objection, datetime!(2027-11-30 10:00 UTC), true), date!(2028 - 02 - 29));
    }

    #[test]
    fn the_day_of_receipt_is_the_day_in_the_netherlands() {
        // 23:30 UTC on 31 December is already 1 January in the Netherlands (CET, +1).
        assert_eq!(dutch_date(datetime!(2026-12-31 23:30 UTC)), date!(2027 - 01 - 01));
        assert_eq!(deadline(RequestKind::Objection, datetime!(2026-12-31 23:30 UTC), false), date!(2027 - 02 - 01));
        // 22:30 UTC on 30 June is 00:30 on 1 July in summer time (+2)…
        assert_eq!(dutch_date(datetime!(2026-06-30 22:30 UTC)), date!(2026 - 07 - 01));
        // …but 22:30 UTC on 30 November is 23:30 on 30 November (+1).
        assert_eq!(dutch_date(datetime!(2026-11-30 22:30 UTC)), date!(2026 - 11 - 30));
    }

    #[test]
    fn summer_time_starts_and_ends_on_the_last_sundays_at_one_utc() {
        // 2026: 29 March and 25 October.
        assert_eq!(netherlands_offset(datetime!(2026-03-29 00:59 UTC)).whole_hours(), 1);
        assert_eq!(netherlands_offset(datetime!(2026-03-29 01:00 UTC)).whole_hours(), 2);
        assert_eq!(netherlands_offset(datetime!(2026-10-25 00:59 UTC)).whole_hours(), 2);
        assert_eq!(netherlands_offset(datetime!(2026-10-25 01:00 UTC)).whole_hours(), 1);
        // 2027: 28 March and 31 October (the month's last day is a Sunday).
        assert_eq!(netherlands_offset(datetime!(2027-10-31 00:30 UTC)).whole_hours(), 2);
        assert_eq!(netherlands_offset(datetime!(2027-10-31 01:30 UTC)).whole_hours(), 1);
    }

    #[test]
    fn adding_months_clamps_and_crosses_years() {
        assert_eq!(add_months(date!(2026 - 10 - 31), 4), date!(2027 - 02 - 28));
        assert_eq!(add_months(date!(2026 - 05 - 15), 0), date!(2026 - 05 - 15));
        assert_eq!(add_months(date!(2026 - 12 - 01), 13), date!(2028 - 01 - 01));
    }

    #[test]
    fn days_left_counts_dutch_days() {
        let d = date!(2026 - 04 - 10);
        assert_eq!(days_left(d, datetime!(2026-04-10 21:00 UTC)), 0, "the day itself (23:00 in summer time)");
        assert_eq!(days_left(d, datetime!(2026-04-10 22:30 UTC)), -1, "00:30 on the 11th in the Netherlands");
        assert_eq!(days_left(d, datetime!(2026-03-31 12:00 UTC)), 10);
    }

    #[test]
    fn the_deadline_is_a_plain_date_on_the_wire() {
        let entry = QueueEntry {
            id: "abc".into(),
            kind: RequestKind::Objection,
            status: RequestStatus::Open,
            received_at: datetime!(2026-01-31 10:00 UTC),
            deadline: date!(2026 - 02 - 28),
            extended: false,
            on_behalf: None,
            checked: false,
        };
        let json = serde_json::to_value(&entry).unwrap();
        assert_eq!(json["deadline"], "2026-02-28");
        assert_eq!(json["kind"], "objection");
        let back: QueueEntry = serde_json::from_value(json).unwrap();
        assert_eq!(back, entry);
        assert_eq!(day::parse(&day::to_string(date!(2026 - 02 - 28))), Some(date!(2026 - 02 - 28)));
    }

    #[test]
    fn texts_are_required_plain_and_bounded() {
        let new =
            |text: &str| NewRequest { kind: RequestKind::Complaint, text: text.into(), on_behalf: None }.validate();
        assert_eq!(new("Ik maak bezwaar.\nGroet, Anna"), vec![]);
        assert_eq!(new("  "), vec![FieldError::new("text", ErrorCode::Required)]);
        assert_eq!(new(&"a".repeat(TEXT_MAX_CHARS + 1)), vec![FieldError::new("text", ErrorCode::TooLong)]);
        assert_eq!(new("stop\u{202e}"), vec![FieldError::new("text", ErrorCode::InvalidCharacters)]);
        let reason = StaffText { text: "x".repeat(REASON_MAX_CHARS + 1) };
        assert_eq!(reason.validate_reason(), vec![FieldError::new("text", ErrorCode::TooLong)]);
        assert_eq!(reason.validate_answer(), vec![], "an answer may be longer than a reason");
        assert_eq!(StaffText::default().validate_answer(), vec![FieldError::new("text", ErrorCode::Required)]);
    }

    #[test]
    fn privacy_staff_are_staff_and_recruiters_are_not() {
        use crate::Role;
        assert!(Role::PrivacyStaff.is_staff() && Role::AcademyStaff.is_staff());
        assert!(!Role::Person.is_staff() && !Role::Recruiter.is_staff());
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::PrivacyStaff.as_str(), "privacy_staff");
    }

    #[test]
    fn kinds_and_statuses_round_trip() {
        for k in RequestKind::ALL {
            assert_eq!(RequestKind::parse(k.as_str()), Some(k));
        }
        for s in ["open", "answered", "closed"] {
            assert_eq!(RequestStatus::parse(s).unwrap().as_str(), s);
        }
    }
    #[test]
    fn a_complaint_is_answered_within_six_weeks_never_later() {
        let complaint = |at, extended| deadline(RequestKind::Complaint, at, extended);
        assert_eq!(complaint(datetime!(2026-03-10 12:00 UTC), false), date!(2026 - 04 - 21), "six weeks, not a month");
        assert_eq!(complaint(datetime!(2026-01-31 10:00 UTC), false), date!(2026 - 03 - 14));
        assert_eq!(complaint(datetime!(2026-12-31 23:30 UTC), false), date!(2027 - 02 - 12), "a Dutch day of receipt");
        // Even a complaint marked as extended (it never is) stays at six weeks.
        assert_eq!(complaint(datetime!(2026-03-10 12:00 UTC), true), date!(2026 - 04 - 21));
        for at in [datetime!(2026-02-01 12:00 UTC), datetime!(2026-07-31 21:00 UTC), datetime!(2027-10-30 23:30 UTC)] {
            assert_eq!((complaint(at, true) - dutch_date(at)).whole_days(), 42);
        }
    }

    #[test]
    fn only_requests_about_a_right_may_be_extended() {
        for kind in RequestKind::ALL {
            assert_eq!(kind.may_be_extended(), kind != RequestKind::Complaint, "{kind:?}");
        }
        let received = datetime!(2026-03-10 12:00 UTC);
        let now = datetime!(2026-03-11 12:00 UTC);
        assert_eq!(extension(RequestKind::Complaint, received, false, now), Err(ErrorCode::ExtensionNotAllowed));
        assert_eq!(extension(RequestKind::Access, received, false, now), Ok(date!(2026 - 06 - 10)));
        assert_eq!(extension(RequestKind::Access, received, true, now), Err(ErrorCode::AlreadyExtended));
    }

    #[test]
    fn an_extension_is_possible_until_the_deadline_day_and_refused_after() {
        let received = datetime!(2026-03-10 12:00 UTC);
        assert_eq!(deadline(RequestKind::Objection, received, false), date!(2026 - 04 - 10));
        let at = |now| extension(RequestKind::Objection, received, false, now);
        assert_eq!(at(datetime!(2026-04-09 12:00 UTC)), Ok(date!(2026 - 06 - 10)));
        assert_eq!(at(datetime!(2026-04-10 21:59 UTC)), Ok(date!(2026 - 06 - 10)), "23:59 on the deadline day");
        assert_eq!(at(datetime!(2026-04-10 22:00 UTC)), Err(ErrorCode::DeadlinePassed), "00:00 the day after");
        assert_eq!(at(datetime!(2026-05-01 12:00 UTC)), Err(ErrorCode::DeadlinePassed));
        // The kind is checked first: a complaint is never extended, in time or not.
        let late = datetime!(2026-06-01 12:00 UTC);
        assert_eq!(extension(RequestKind::Complaint, received, false, late), Err(ErrorCode::ExtensionNotAllowed));
    }

    #[test]
    fn a_request_for_someone_else_names_them_and_a_ground() {
        let rep = |name: &str, email: Option<&str>| Representation {
            for_name: name.into(),
            for_email: email.map(Into::into),
            ground: Ground::LegalRepresentative,
        };
        let new = |r| NewRequest { kind: RequestKind::Access, text: "Inzage graag.".into(), on_behalf: Some(r) };
        assert_eq!(new(rep("Jan de Vries", None)).validate(), vec![]);
        assert_eq!(new(rep("Jan de Vries", Some("Jan@Example.org "))).validate(), vec![]);
        assert_eq!(new(rep(" ", None)).validate(), vec![FieldError::new("on_behalf.for_name", ErrorCode::Required)]);
        assert_eq!(
            new(rep(&"a".repeat(FOR_NAME_MAX_CHARS + 1), None)).validate(),
            vec![FieldError::new("on_behalf.for_name", ErrorCode::TooLong)]
        );
        assert_eq!(
            new(rep("Jan\nde Vries", Some("geen-adres"))).validate(),
            vec![
                FieldError::new("on_behalf.for_name", ErrorCode::InvalidCharacters),
                FieldError::new("on_behalf.for_email", ErrorCode::EmailInvalid)
            ]
        );
        let n = rep(" Jan ", Some(" Jan@Example.ORG ")).normalized();
        assert_eq!((n.for_name.as_str(), n.for_email.as_deref()), ("Jan", Some("jan@example.org")));
        for g in Ground::ALL {
            assert_eq!(Ground::parse(g.as_str()), Some(g));
        }
        let json = serde_json::json!({"for_name": "Jan", "ground": "guardian"});
        assert!(serde_json::from_value::<Representation>(json).is_err(), "an unknown ground");
        let json = serde_json::json!({"kind": "access", "text": "x"});
        assert_eq!(serde_json::from_value::<NewRequest>(json).unwrap().on_behalf, None, "for oneself");
    }

    #[test]
    fn a_check_other_than_in_person_needs_a_note_and_a_day_in_range() {
        let v = |method, note: &str| NewVerification { method, checked_on: date!(2026 - 03 - 12), note: note.into() };
        assert_eq!(v(VerificationMethod::InPerson, "").validate(), vec![]);
        assert_eq!(v(VerificationMethod::Other, " ").validate(), vec![FieldError::new("note", ErrorCode::Required)]);
        assert_eq!(v(VerificationMethod::Other, "Per videogesprek met paspoort.").validate(), vec![]);
        assert_eq!(
            v(VerificationMethod::InPerson, &"x".repeat(NOTE_MAX_CHARS + 1)).validate(),
            vec![FieldError::new("note", ErrorCode::TooLong)]
        );
        let check = v(VerificationMethod::InPerson, "");
        let received = datetime!(2026-03-10 12:00 UTC);
        assert_eq!(check.validate_day(received, datetime!(2026-03-12 08:00 UTC)), vec![]);
        assert_eq!(
            check.validate_day(received, datetime!(2026-03-11 12:00 UTC)),
            vec![FieldError::new("checked_on", ErrorCode::OutOfRange)],
            "not in the future"
        );
        assert_eq!(
            check.validate_day(datetime!(2026-03-13 12:00 UTC), datetime!(2026-03-20 12:00 UTC)),
            vec![FieldError::new("checked_on", ErrorCode::OutOfRange)],
            "not before receipt"
        );
        for m in [VerificationMethod::InPerson, VerificationMethod::Other] {
            assert_eq!(VerificationMethod::parse(m.as_str()), Some(m));
        }
    }
}
