//! Retention as data: every entry of the processing register carries a machine-readable
//! [`Retention`] rule. The same rule gives the sentence on "Mijn gegevens" ("wordt
//! verwijderd op 3 maart 2031 als je niet meer inlogt") and drives the server's retention
//! job, so the page cannot promise something the job does not do (docs/security.md
//! "Retention").
//!
//! The one clock that matters is the person's last login: a candidate who does not log in
//! for [`Periods::inactive_years`] is warned by e-mail [`Periods::warning_days`] before, and
//! then the account is erased with everything in it. A warning always comes first, and the
//! deletion never comes sooner than `warning_days` after it.

use serde::{Deserialize, Serialize};
use time::{Duration, Month, OffsetDateTime};

use crate::register::Text;

/// Years without a login after which a candidate's account is deleted: candidate data are
/// destroyed after five years without contact.
pub const DEFAULT_INACTIVE_YEARS: u32 = 5;
/// Days before that deletion the person is warned by e-mail.
pub const DEFAULT_WARNING_DAYS: u32 = 30;

/// How long the data of one processing activity are kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Retention {
    /// Until the person deletes it, or after `years` without a login (the whole account).
    AfterInactivity {
        /// Years without a login.
        years: u32,
    },
    /// As long as the account exists (it goes with the account, and so after inactivity).
    WithAccount,
    /// Until the person withdraws consent; the proof of consent goes with the account.
    UntilWithdrawn,
    /// Each item at most `days` days after it was made; its record goes with the account.
    AfterEvent {
        /// Days after the event.
        days: u32,
    },
}

impl Retention {
    /// As long as the account exists.
    pub fn with_account() -> Retention {
        Retention::WithAccount
    }
}

/// Records the retention job deletes by their own clock, while the account stays: what is
/// not simply kept "as long as the account exists". Each kind is named by exactly one
/// register entry's [`Limit`], and the job handles each kind (a `match` without a catch-all).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Records {
    /// The newsletter consent history, counted from its withdrawal (not while consent is
    /// given or pending).
    ConsentHistory,
    /// Disclosure log entries, counted from the access.
    DisclosureLog,
    /// Messages delivered to the mailing processor, counted from delivery; each person's
    /// latest message stays.
    DeliveredMessages,
    /// Entries of the administration's log and confirmations of the staff list, counted
    /// from the moment they were made.
    AdministrationLog,
    /// Accounts of staff and recruiters that stay suspended, counted from the suspension
    /// (an administrator who reinstates the account stops the count). The account goes with
    /// everything it holds, as when an administrator revokes it.
    SuspendedAccounts,
}

impl Records {
    /// Every kind.
    pub const ALL: [Records; 5] = [
        Records::ConsentHistory,
        Records::DisclosureLog,
        Records::DeliveredMessages,
        Records::AdministrationLog,
        Records::SuspendedAccounts,
    ];

    /// The name in the register and in logs.
    pub fn as_str(self) -> &'static str {
        match self {
            Records::ConsentHistory => "consent_history",
            Records::DisclosureLog => "disclosure_log",
            Records::DeliveredMessages => "delivered_messages",
            Records::AdministrationLog => "administration_log",
            Records::SuspendedAccounts => "suspended_accounts",
        }
    }
}

/// A span of calendar years or days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Span {
    /// Calendar years.
    Years(u32),
    /// Days.
    Days(u32),
}

impl Span {
    /// The moment this span before `now`: records of that moment or older are due.
    pub fn before(&self, now: OffsetDateTime) -> OffsetDateTime {
        match *self {
            Span::Years(y) => sub_years(now, y),
            Span::Days(d) => now - Duration::days(i64::from(d)),
        }
    }

    /// The moment this span after `at`: when a record of `at` goes.
    pub fn after(&self, at: OffsetDateTime) -> OffsetDateTime {
        match *self {
            Span::Years(y) => add_years(at, y),
            Span::Days(d) => at + Duration::days(i64::from(d)),
        }
    }

    /// In words, as the register's text says it ("10 jaar", "10 years").
    pub fn words(&self) -> (String, String) {
        match *self {
            Span::Years(1) => ("1 jaar".into(), "1 year".into()),
            Span::Years(y) => (format!("{y} jaar"), format!("{y} years")),
            Span::Days(1) => ("1 dag".into(), "1 day".into()),
            Span::Days(d) => (format!("{d} dagen"), format!("{d} days")),
        }
    }
}

/// A rule for part of an activity's data: `records` are deleted `after` their moment
/// (see [`Records`]), by the retention job.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Limit {
    /// Which records.
    pub records: Records,
    /// How long after their moment.
    pub after: Span,
}

/// Every limit of the register, with its entry's id, in the register's order: what the
/// retention job enforces.
pub fn limits() -> Vec<(&'static str, Limit)> {
    crate::register::register()
        .iter()
        .flat_map(|a| a.retention_limits.iter().map(move |l| (a.id.as_str(), *l)))
        .collect()
}

/// The configured periods (server flags; defaults from the constants above).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Periods {
    /// Years without a login before a candidate's account is deleted.
    pub inactive_years: u32,
    /// Days of warning before that deletion.
    pub warning_days: u32,
    /// Days a transfer's file is kept at most.
    pub transfer_days: u32,
}

impl Default for Periods {
    fn default() -> Self {
        Periods {
            inactive_years: DEFAULT_INACTIVE_YEARS,
            warning_days: DEFAULT_WARNING_DAYS,
            transfer_days: crate::transfer::DEFAULT_TRANSFER_DAYS,
        }
    }
}

impl Periods {
    /// `rule` with these periods instead of the register's defaults.
    pub fn apply(&self, rule: Retention) -> Retention {
        match rule {
            Retention::AfterInactivity { .. } => Retention::AfterInactivity { years: self.inactive_years },
            Retention::AfterEvent { .. } => Retention::AfterEvent { days: self.transfer_days },
            other => other,
        }
    }

    /// The moment a warning is due for an account last active at `last_activity`.
    pub fn warning_due(&self, last_activity: OffsetDateTime) -> OffsetDateTime {
        add_years(last_activity, self.inactive_years) - Duration::days(i64::from(self.warning_days))
    }

    /// The moment the account is deleted: `inactive_years` after the last activity, but
    /// never sooner than `warning_days` after the warning (when the job could not run in
    /// time, the person still gets the full notice).
    pub fn deletion_due(&self, last_activity: OffsetDateTime, warned_at: Option<OffsetDateTime>) -> OffsetDateTime {
        let due = add_years(last_activity, self.inactive_years);
        let after_warning = match warned_at {
            Some(w) => w + Duration::days(i64::from(self.warning_days)),
            // Not warned yet: the warning goes out at the earliest now, so the deletion is
            // at the earliest `warning_days` after the moment the warning is due.
            None => self.warning_due(last_activity) + Duration::days(i64::from(self.warning_days)),
        };
        due.max(after_warning)
    }

    /// The latest last activity that makes an account due for a warning at `now`.
    pub fn warning_cutoff(&self, now: OffsetDateTime) -> OffsetDateTime {
        sub_years(now + Duration::days(i64::from(self.warning_days)), self.inactive_years)
    }

    /// The latest last activity that makes an (already warned) account due for deletion at `now`.
    pub fn deletion_cutoff(&self, now: OffsetDateTime) -> OffsetDateTime {
        sub_years(now, self.inactive_years)
    }

    /// The latest warning time that lets a deletion happen at `now`.
    pub fn warned_cutoff(&self, now: OffsetDateTime) -> OffsetDateTime {
        now - Duration::days(i64::from(self.warning_days))
    }
}

impl Retention {
    /// What happens to the person's data under this rule, given the day their account will
    /// be deleted if they do not log in again.
    pub fn sentence(&self, deleted_on: OffsetDateTime) -> Text {
        let (nl, en) = long_date(deleted_on.date());
        match self {
            Retention::AfterInactivity { .. } => Text {
                nl: format!("Wordt verwijderd op {nl} als je niet meer inlogt."),
                en: format!("Will be deleted on {en} if you do not log in again."),
            },
            Retention::WithAccount => Text {
                nl: format!("Gaat mee met je account: wordt verwijderd op {nl} als je niet meer inlogt."),
                en: format!("Goes with your account: will be deleted on {en} if you do not log in again."),
            },
            Retention::UntilWithdrawn => Text {
                nl: format!("Tot je je toestemming intrekt; uiterlijk op {nl} verwijderd als je niet meer inlogt."),
                en: format!("Until you withdraw consent; deleted on {en} at the latest if you do not log in again."),
            },
            Retention::AfterEvent { days } => Text {
                nl: format!(
                    "Elk bestand hoogstens {days} dagen; de rest wordt verwijderd op {nl} als je niet meer inlogt."
                ),
                en: format!(
                    "Each file at most {days} days; the rest will be deleted on {en} if you do not log in again."
                ),
            },
        }
    }
}

/// When one processing activity's data of the person will be deleted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivityRetention {
    /// The register entry's id.
    pub id: String,
    /// Its rule, with the configured periods.
    pub rule: Retention,
    /// When its data go if the person does not log in again.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub deleted_at: OffsetDateTime,
}

/// `GET /api/me/retention`: the person's retention dates, computed on the server from their
/// last login.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RetentionOverview {
    /// The last login (or registration).
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub last_activity_at: OffsetDateTime,
    /// When the warning mail was sent, if it was.
    #[serde(with = "time::serde::rfc3339::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub warned_at: Option<OffsetDateTime>,
    /// When the account is deleted if the person does not log in again.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub account_deleted_at: OffsetDateTime,
    /// The configured periods.
    pub periods: Periods,
    /// Per register entry, in the register's order.
    pub activities: Vec<ActivityRetention>,
}

impl RetentionOverview {
    /// The overview for an account last active at `last_activity`, warned at `warned_at`.
    pub fn compute(
        periods: &Periods,
        last_activity: OffsetDateTime,
        warned_at: Option<OffsetDateTime>,
    ) -> RetentionOverview {
        let account_deleted_at = periods.deletion_due(last_activity, warned_at);
        RetentionOverview {
            last_activity_at: last_activity,
            warned_at,
            account_deleted_at,
            periods: *periods,
            activities: crate::register::register()
                .iter()
                .filter(|a| !a.staff_only)
                .map(|a| ActivityRetention {
                    id: a.id.clone(),
                    rule: periods.apply(a.retention_rule),
                    deleted_at: account_deleted_at,
                })
                .collect(),
        }
    }

    /// The entry of register activity `id`.
    pub fn of(&self, id: &str) -> Option<&ActivityRetention> {
        self.activities.iter().find(|a| a.id == id)
    }
}

/// `at` plus whole calendar years; 29 February becomes 28 February in a common year.
pub fn add_years(at: OffsetDateTime, years: u32) -> OffsetDateTime {
    shift_years(at, i32::try_from(years).unwrap_or(i32::MAX))
}

/// `at` minus whole calendar years; 29 February becomes 28 February in a common year.
pub fn sub_years(at: OffsetDateTime, years: u32) -> OffsetDateTime {
    shift_years(at, -i32::try_from(years).unwrap_or(i32::MAX))
}

fn shift_years(at: OffsetDateTime, years: i32) -> OffsetDateTime {
    let year = at.year().saturating_add(years).clamp(-9999, 9999);
    at.replace_year(year).unwrap_or_else(|_| {
        // Only 29 February of a leap year has no counterpart.
        at.replace_day(28).and_then(|d| d.replace_year(year)).unwrap_or(at)
    })
}

/// A calendar day in words, in Dutch and in English: ("3 maart 2031", "3 March 2031").
pub fn long_date(day: time::Date) -> (String, String) {
    let (nl, en) = month_names(day.month());
    (format!("{} {nl} {}", day.day(), day.year()), format!("{} {en} {}", day.day(), day.year()))
}

/// The name of `month` in Dutch and in English ("maart", "March").
pub fn month_names(month: Month) -> (&'static str, &'static str) {
    match month {
        Month::January => ("januari", "January"),
        Month::February => ("februari", "February"),
        Month::March => ("maart", "March"),
        Month::April => ("april", "April"),
        Month::May => ("mei", "May"),
        Month::June => ("juni", "June"),
        Month::July => ("juli", "July"),
        Month::August => ("augustus", "August"),
        Month::September => ("september", "September"),
        Month::October => ("oktober", "October"),
        Month::November => ("november", "November"),
        Month::December => ("december", "December"),
    }
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    #[test]
    fn the_register_carries_a_rule_per_entry_with_the_default_periods() {
        for a in crate::register::register() {
            match a.retention_rule {
                Retention::AfterInactivity { years } => assert_eq!(years, DEFAULT_INACTIVE_YEARS, "{}", a.id),
                Retention::AfterEvent { days } => assert_eq!(days, crate::transfer::DEFAULT_TRANSFER_DAYS, "{}", a.id),
                _ => {}
            }
        }
        let rule = |id: &str| crate::register::activity(id).unwrap().retention_rule;
        assert_eq!(rule("candidate_bank"), Retention::AfterInactivity { years: 5 });
        assert_eq!(rule("account_security"), Retention::AfterInactivity { years: 5 });
        assert_eq!(rule("newsletter"), Retention::UntilWithdrawn);
        assert_eq!(rule("transfers"), Retention::AfterEvent { days: 7 });
    }

    #[test]
    fn every_kind_of_record_has_one_limit_and_the_registers_text_names_its_span() {
        let all = limits();
        for kind in Records::ALL {
            assert_eq!(all.iter().filter(|(_, l)| l.records == kind).count(), 1, "{}", kind.as_str());
        }
        for (id, limit) in &all {
            let a = crate::register::activity(id).unwrap();
            let (nl, en) = limit.after.words();
            assert!(a.retention.nl.contains(&nl), "{id}: the Dutch text says {nl}");
            assert!(a.retention.en.contains(&en), "{id}: the English text says {en}");
        }
        let of = |r: Records| all.iter().find(|(_, l)| l.records == r).unwrap().1.after;
        assert_eq!(of(Records::ConsentHistory), Span::Years(2));
        assert_eq!(of(Records::DisclosureLog), Span::Years(5));
        assert_eq!(of(Records::DeliveredMessages), Span::Days(30));
        assert_eq!(of(Records::AdministrationLog), Span::Years(5));
        assert_eq!(of(Records::SuspendedAccounts), Span::Years(1), "a suspended staff account: 1 year");
    }

    #[test]
    fn spans_count_calendar_years_and_days() {
        let now = datetime!(2036-03-01 12:00 UTC);
        assert_eq!(Span::Years(10).before(now), datetime!(2026-03-01 12:00 UTC));
        assert_eq!(Span::Days(30).before(now), datetime!(2036-01-31 12:00 UTC));
        assert_eq!(Span::Years(10).after(Span::Years(10).before(now)), now);
        let json = serde_json::to_value(Limit { records: Records::DisclosureLog, after: Span::Years(5) }).unwrap();
        assert_eq!(json, serde_json::json!({"records": "disclosure_log", "after": {"years": 5}}));
    }

    #[test]
    fn calendar_years_and_leap_days() {
        assert_eq!(add_years(datetime!(2026-03-03 10:00 UTC), 5), datetime!(2031-03-03 10:00 UTC));
        assert_eq!(add_years(datetime!(2028-02-29 10:00 UTC), 1), datetime!(2029-02-28 10:00 UTC));
        assert_eq!(sub_years(datetime!(2032-02-29 00:00 UTC), 5), datetime!(2027-02-28 00:00 UTC));
    }

    #[test]
    fn warning_thirty_days_before_and_deletion_never_sooner_than_thirty_days_after_it() {
        let p = Periods::default();
        let last = datetime!(2026-03-03 10:00 UTC);
        assert_eq!(p.warning_due(last), datetime!(2031-02-01 10:00 UTC));
        assert_eq!(p.deletion_due(last, None), datetime!(2031-03-03 10:00 UTC));
        assert_eq!(p.deletion_due(last, Some(datetime!(2031-02-01 10:00 UTC))), datetime!(2031-03-03 10:00 UTC));
        // The job was down for two months: the warning came late, the deletion waits for it.
        assert_eq!(p.deletion_due(last, Some(datetime!(2031-04-01 00:00 UTC))), datetime!(2031-05-01 00:00 UTC));
        // The cutoffs agree with the due moments.
        let now = p.warning_due(last);
        assert_eq!(p.warning_cutoff(now), last);
        assert_eq!(p.deletion_cutoff(p.deletion_due(last, None)), last);
    }

    #[test]
    fn configured_periods_replace_the_registers_defaults() {
        let p = Periods { inactive_years: 2, warning_days: 14, transfer_days: 3 };
        assert_eq!(p.apply(Retention::AfterInactivity { years: 5 }), Retention::AfterInactivity { years: 2 });
        assert_eq!(p.apply(Retention::AfterEvent { days: 7 }), Retention::AfterEvent { days: 3 });
        assert_eq!(p.apply(Retention::WithAccount), Retention::WithAccount);
        let o = RetentionOverview::compute(&p, datetime!(2026-01-10 00:00 UTC), None);
        assert_eq!(o.account_deleted_at, datetime!(2028-01-10 00:00 UTC));
        assert_eq!(o.of("candidate_bank").unwrap().rule, Retention::AfterInactivity { years: 2 });
        assert_eq!(o.activities.len(), crate::register::register().iter().filter(|a| !a.staff_only).count());
    }

    #[test]
    fn sentences_name_the_date_in_words() {
        let on = datetime!(2031-03-03 10:00 UTC);
        let s = Retention::AfterInactivity { years: 5 }.sentence(on);
        assert_eq!(s.nl, "Wordt verwijderd op 3 maart 2031 als je niet meer inlogt.");
        assert_eq!(s.en, "Will be deleted on 3 March 2031 if you do not log in again.");
        assert!(Retention::AfterEvent { days: 7 }.sentence(on).nl.contains("7 dagen"));
        assert!(Retention::UntilWithdrawn.sentence(on).en.contains("3 March 2031"));
        let json = serde_json::to_value(Retention::AfterInactivity { years: 5 }).unwrap();
        assert_eq!(json, serde_json::json!({"kind": "after_inactivity", "years": 5}));
    }
}
