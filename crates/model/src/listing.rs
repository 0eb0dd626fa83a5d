//! Consent to be listed in the candidate bank, recorded like the newsletter's (GDPR art. 7(1)):
//! the versioned text the person is shown next to the switch, and the events turning the
//! listing on (`given`) and off (`withdrawn`). The server appends one event per change of
//! `Visibility::listed`, in the same transaction as the change (docs/security.md "Listing consent").

//!
//! A consent to be listed holds twelve months ([`VALID_MONTHS`]): a candidate bank keeps a
//! profile on consent at most a year. One tap renews it (a new `given`); reminders go 30 and
//! 7 days before the end; when it runs out the profile leaves the candidate bank (it is not
//! deleted), recorded as `withdrawn` by `expiry` (docs/security.md "Listing consent expires").

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use crate::newsletter::{ConsentEvent, ConsentEventKind, ConsentText};
use crate::privacy_request::{add_months, days_left, dutch_date};

/// Months a consent to be listed holds.
pub const VALID_MONTHS: u32 = 12;
/// Days before the end the reminders go, earliest first.
pub const REMINDER_DAYS: [i64; 2] = [30, 7];

/// The consent that holds now: the latest event, when it is a `given`.
pub fn current_consent(events: &[ConsentEvent]) -> Option<&ConsentEvent> {
    events.last().filter(|e| e.kind == ConsentEventKind::Given)
}

/// The last day a consent given at `given_at` holds: twelve calendar months on (Dutch date).
pub fn valid_until(given_at: OffsetDateTime) -> Date {
    add_months(dutch_date(given_at), VALID_MONTHS)
}

/// What is due at `now` for a consent that holds until `until` (its last day).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Due {
    /// Nothing yet.
    Nothing,
    /// The reminder of this many days before the end (the latest one due: a reminder missed
    /// while the portal was down is not sent late when the next is due).
    Reminder(i64),
    /// The consent has run out: the profile leaves the candidate bank.
    Lapse,
}

/// [`Due`] at `now` for a consent that holds until `until`.
pub fn due(until: Date, now: OffsetDateTime) -> Due {
    let left = days_left(until, now);
    if left < 0 {
        return Due::Lapse;
    }
    REMINDER_DAYS.iter().rev().find(|d| left <= **d).map_or(Due::Nothing, |d| Due::Reminder(*d))
}

/// `GET /api/me/listing`: whether the profile is listed, and until when the consent holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ListingStatus {
    /// Whether the person consented to be listed (and the consent holds).
    pub listed: bool,
    /// The last day the consent holds, `YYYY-MM-DD` (only when listed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(format = Date))]
    pub valid_until: Option<String>,
}

/// `POST /api/me/listing/renew`: the version of the listing text the person was shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ListingRenewal {
    /// [`current`]'s version.
    pub consent_text_version: u32,
}

/// Every listing consent text ever shown, oldest first; the last is current. Never edit a
/// published version: add a new one.
pub const LISTING_TEXTS: &[ConsentText] = &[ConsentText {
    version: 1,
    nl: "Ik wil dat mijn profiel in de kandidatenbank van IGOM staat. Recruiters van de partnerorganisaties \
die ik kies, mogen het dan zien, met alleen de onderdelen die ik laat zien. Zij zien het om mij een baan of \
opdracht te kunnen aanbieden. Ik kan dit op elk moment weer uitzetten; dan ziet geen enkele recruiter mijn profiel meer.",
    en: "I want my profile to be in IGOM's candidate bank. Recruiters of the partner organisations I choose may \
then see it, with only the parts I show. They see it to be able to offer me a job or assignment. I can switch \
this off at any moment; then no recruiter sees my profile any more.",
    what_changed: None,
}];

/// The listing consent text shown now.
pub fn current() -> &'static ConsentText {
    LISTING_TEXTS.last().expect("at least one listing text")
}

/// The listing consent text of `version`, if it exists.
pub fn text_of(version: u32) -> Option<&'static ConsentText> {
    LISTING_TEXTS.iter().find(|t| t.version == version)
}

/// Whether a history of listing consent events (oldest first) ends in consent.
pub fn consented(events: &[ConsentEvent]) -> bool {
    events.last().is_some_and(|e| e.kind == ConsentEventKind::Given)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn a_consent_holds_twelve_months_with_reminders_30_and_7_days_before() {
        let until = valid_until(datetime!(2026-12-07 10:00 UTC));
        assert_eq!(until, date!(2027 - 12 - 07));
        assert_eq!(valid_until(datetime!(2028-02-29 12:00 UTC)), date!(2029 - 02 - 28), "leap day");
        assert_eq!(valid_until(datetime!(2026-12-31 23:30 UTC)), date!(2028 - 01 - 01), "a Dutch date");
        assert_eq!(due(until, datetime!(2027-11-06 12:00 UTC)), Due::Nothing, "31 days before");
        assert_eq!(due(until, datetime!(2027-11-07 12:00 UTC)), Due::Reminder(30));
        assert_eq!(due(until, datetime!(2027-11-30 12:00 UTC)), Due::Reminder(7));
        assert_eq!(due(until, datetime!(2027-12-07 22:00 UTC)), Due::Reminder(7), "the last day still holds");
        assert_eq!(due(until, datetime!(2027-12-07 23:30 UTC)), Due::Lapse, "past midnight in the Netherlands");
    }

    #[test]
    fn texts_are_versioned_and_translated() {
        assert_eq!(text_of(current().version), Some(current()));
        assert!(LISTING_TEXTS.iter().all(|t| !t.nl.is_empty() && !t.en.is_empty()));
        for t in &LISTING_TEXTS[1..] {
            assert!(t.what_changed.is_some(), "version {} says what changed", t.version);
        }
        let versions: Vec<u32> = LISTING_TEXTS.iter().map(|t| t.version).collect();
        assert!(versions.windows(2).all(|w| w[0] < w[1]));
    }
}
