//! The IGOM academy: course participants, the catalogue, and
//! enrolments. A separate purpose from the candidate bank: nothing here is ever part of a
//! recruiter's view.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::account::validate_email;
use crate::checks::check_line;
use crate::error::{ErrorCode, FieldError};
use crate::partner::is_partner_slug;

/// Function level (functieniveau). Below management, the participant's manager is asked
/// for (name and e-mail address): the academy informs them of enrolments.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FunctionLevel {
    /// Uitvoerend medewerker.
    #[default]
    Employee,
    /// Specialist, adviseur, beleidsmedewerker.
    Specialist,
    /// Leidinggevende (team or department head).
    Manager,
    /// Directie, management team.
    Executive,
}

impl FunctionLevel {
    /// Every level, lowest first.
    pub const ALL: [FunctionLevel; 4] =
        [FunctionLevel::Employee, FunctionLevel::Specialist, FunctionLevel::Manager, FunctionLevel::Executive];

    /// Whether the manager's name and e-mail are required at this level.
    pub fn requires_manager(self) -> bool {
        matches!(self, FunctionLevel::Employee | FunctionLevel::Specialist)
    }

    /// Wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            FunctionLevel::Employee => "employee",
            FunctionLevel::Specialist => "specialist",
            FunctionLevel::Manager => "manager",
            FunctionLevel::Executive => "executive",
        }
    }
}

/// A course participant's registration: exactly art. 10.2 (name, job title, employer, and
/// the manager's name and e-mail; the e-mail address is the account's).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct Participant {
    /// Voornaam.
    pub first_name: String,
    /// Tussenvoegsel.
    pub tussenvoegsel: String,
    /// Achternaam.
    pub last_name: String,
    /// Functienaam.
    pub job_title: String,
    /// Employer: a partner's slug.
    pub employer: String,
    /// Function level.
    pub function_level: FunctionLevel,
    /// Manager's name (required below management).
    pub manager_name: String,
    /// Manager's e-mail (required below management).
    pub manager_email: String,
}

impl std::fmt::Debug for Participant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Participant { .. }")
    }
}

impl Participant {
    /// Trimmed, and the manager dropped where the level does not ask for one (minimisation).
    pub fn normalized(mut self) -> Participant {
        for s in [
            &mut self.first_name,
            &mut self.tussenvoegsel,
            &mut self.last_name,
            &mut self.job_title,
            &mut self.employer,
            &mut self.manager_name,
            &mut self.manager_email,
        ] {
            *s = s.trim().to_owned();
        }
        self.manager_email = self.manager_email.to_lowercase();
        if !self.function_level.requires_manager() {
            self.manager_name.clear();
            self.manager_email.clear();
        }
        self
    }

    /// Every field failure.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let mut check = |field: &str, r: Result<(), ErrorCode>| {
            if let Err(code) = r {
                errors.push(FieldError::new(field, code));
            }
        };
        use crate::profile::limits::{LINE, NAME, TUSSENVOEGSEL};
        check("first_name", check_line(&self.first_name, NAME, true));
        check("tussenvoegsel", check_line(&self.tussenvoegsel, TUSSENVOEGSEL, false));
        check("last_name", check_line(&self.last_name, NAME, true));
        check("job_title", check_line(&self.job_title, LINE, true));
        check(
            "employer",
            if self.employer.trim().is_empty() {
                Err(ErrorCode::Required)
            } else if is_partner_slug(self.employer.trim()) {
                Ok(())
            } else {
                Err(ErrorCode::UnknownPartner)
            },
        );
        if self.function_level.requires_manager() {
            check("manager_name", check_line(&self.manager_name, NAME, true));
            check("manager_email", validate_email(&self.manager_email));
        }
        errors
    }

    /// "Marieke van der Berg".
    pub fn full_name(&self) -> String {
        [self.first_name.trim(), self.tussenvoegsel.trim(), self.last_name.trim()]
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A training in the catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Training {
    /// Id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// What it is about.
    pub description: String,
    /// Who it is for, in words (may be empty).
    pub audience: String,
    /// The function levels it is for (at least one; all four when it is for everyone).
    #[serde(default = "every_level")]
    pub function_levels: Vec<FunctionLevel>,
    /// Place, or "Online".
    pub location: String,
    /// Whether it is online.
    pub online: bool,
    /// First session.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub starts_at: OffsetDateTime,
    /// Number of sessions.
    pub sessions: u32,
    /// Seats in total.
    pub capacity: u32,
    /// Seats still free.
    pub seats_left: u32,
}

/// Where an enrolment stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EnrolmentState {
    /// Has a seat.
    Enrolled,
    /// On the waiting list; moves up when a seat frees.
    Waitlisted,
    /// Cancelled (by the participant, or by stopping as a participant).
    Cancelled,
    /// The academy cancelled the training itself (the participant was told by mail).
    CancelledByAcademy,
    /// Attended (recorded by academy staff).
    Attended,
    /// Completed (recorded by academy staff).
    Completed,
    /// Did not attend (recorded by academy staff).
    NoShow,
}

impl EnrolmentState {
    /// The states academy staff record after a training (attendance); the others follow
    /// from enrolling and cancelling.
    pub const RECORDED: [EnrolmentState; 3] =
        [EnrolmentState::Attended, EnrolmentState::Completed, EnrolmentState::NoShow];

    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            EnrolmentState::Enrolled => "enrolled",
            EnrolmentState::Waitlisted => "waitlisted",
            EnrolmentState::Cancelled => "cancelled",
            EnrolmentState::CancelledByAcademy => "cancelled_by_academy",
            EnrolmentState::Attended => "attended",
            EnrolmentState::Completed => "completed",
            EnrolmentState::NoShow => "no_show",
        }
    }

    /// The state stored as `s`.
    pub fn parse(s: &str) -> Option<Self> {
        use EnrolmentState::*;
        [Enrolled, Waitlisted, Cancelled, CancelledByAcademy, Attended, Completed, NoShow]
            .into_iter()
            .find(|k| k.as_str() == s)
    }

    /// Whether this is part of the trainings followed.
    pub fn is_followed(self) -> bool {
        matches!(self, EnrolmentState::Attended | EnrolmentState::Completed)
    }

    /// Whether the participant still has (or waits for) a seat.
    pub fn is_current(self) -> bool {
        matches!(self, EnrolmentState::Enrolled | EnrolmentState::Waitlisted)
    }
}

/// One of the participant's enrolments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Enrolment {
    /// The training.
    pub training_id: i64,
    /// Its title.
    pub title: String,
    /// When it starts.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub starts_at: OffsetDateTime,
    /// State.
    pub state: EnrolmentState,
    /// Place on the waiting list (1 = next), when waitlisted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waitlist_position: Option<u32>,
    /// When the state was last changed.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub updated_at: OffsetDateTime,
}

/// `GET /api/me/academy`: the participant's own page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AcademyPage {
    /// Registration; absent when not a course participant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participant: Option<Participant>,
    /// Every enrolment, newest training first.
    pub enrolments: Vec<Enrolment>,
    /// The manager named, as last told by mail that the registration names them (absent when
    /// no manager was named, and in exports made before managers were told).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manager_notice: Option<ManagerNotice>,
}

/// A manager a participant named was told by mail what was recorded, by whom, why and
/// where to ask: once per change of manager.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ManagerNotice {
    /// The manager's name as named then.
    pub manager_name: String,
    /// The address the mail went to.
    pub manager_email: String,
    /// When the mail was sent.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub notified_at: time::OffsetDateTime,
}

/// `POST /api/me/enrolments`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Enrol {
    /// The training.
    pub training_id: i64,
}

/// A participant on a training's list, as academy staff see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RosterEntry {
    /// Enrolment id (to record attendance).
    pub enrolment_id: i64,
    /// Participant's name.
    pub name: String,
    /// Participant's e-mail.
    pub email: String,
    /// Employer slug.
    pub employer: String,
    /// State.
    pub state: EnrolmentState,
}

/// `POST /api/academy/enrolments/{id}/attendance`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Attendance {
    /// `attended`, `completed` or `no_show`.
    pub state: EnrolmentState,
}

/// Every function level: what a training is for when nothing narrower was chosen (trainings
/// made before levels were kept).
pub fn every_level() -> Vec<FunctionLevel> {
    FunctionLevel::ALL.to_vec()
}

/// Limits of the training form.
pub mod training_limits {
    /// Description.
    pub const DESCRIPTION: usize = 2000;
    /// Sessions of one training.
    pub const SESSIONS: u32 = 50;
    /// Seats of one training.
    pub const CAPACITY: u32 = 500;
}

/// `POST /api/academy/catalogue` and `PUT /api/academy/catalogue/{id}`: a training as academy
/// staff write it. The start is a date and a time in Dutch time, as the form asks for them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct TrainingForm {
    /// Title.
    pub title: String,
    /// What it is about.
    pub description: String,
    /// Who it is for, in words (optional).
    pub audience: String,
    /// The function levels it is for: at least one.
    pub function_levels: Vec<FunctionLevel>,
    /// Whether it is online.
    pub online: bool,
    /// The place (required unless online).
    pub location: String,
    /// Date of the first session, `YYYY-MM-DD` (Dutch time).
    pub date: String,
    /// Start time of the first session, `HH:MM` (Dutch time).
    pub time: String,
    /// Number of sessions.
    pub sessions: u32,
    /// Seats.
    pub capacity: u32,
}

impl Default for TrainingForm {
    fn default() -> Self {
        TrainingForm {
            title: String::new(),
            description: String::new(),
            audience: String::new(),
            function_levels: Vec::new(),
            online: false,
            location: String::new(),
            date: String::new(),
            time: String::new(),
            sessions: 1,
            capacity: 12,
        }
    }
}

impl TrainingForm {
    /// Trimmed; an online training without a place is at "Online"; the levels in their order.
    pub fn normalized(mut self) -> TrainingForm {
        for s in [
            &mut self.title,
            &mut self.description,
            &mut self.audience,
            &mut self.location,
            &mut self.date,
            &mut self.time,
        ] {
            *s = s.trim().to_owned();
        }
        if self.online && self.location.is_empty() {
            self.location = "Online".to_owned();
        }
        if let Some(date) = parse_date(&self.date) {
            self.date = crate::privacy_request::day::to_string(date);
        }
        if let Some(time) = parse_time(&self.time) {
            self.time = format!("{:02}:{:02}", time.hour(), time.minute());
        }
        let mut levels: Vec<FunctionLevel> =
            FunctionLevel::ALL.into_iter().filter(|l| self.function_levels.contains(l)).collect();
        if levels.len() < self.function_levels.len() {
            // Duplicates stay visible to `validate`.
            levels = self.function_levels.clone();
        }
        self.function_levels = levels;
        self
    }

    /// The first session's start, when date and time can be read (Dutch time).
    pub fn starts_at(&self) -> Option<OffsetDateTime> {
        let date = parse_date(self.date.trim())?;
        let time = parse_time(self.time.trim())?;
        let local = time::PrimitiveDateTime::new(date, time);
        // The offset at that moment: summer or winter time (a guess from UTC, corrected once).
        let guess = local.assume_utc();
        let offset = crate::privacy_request::netherlands_offset(guess);
        let at = local.assume_offset(offset);
        Some(at.to_offset(crate::privacy_request::netherlands_offset(at)))
    }

    /// Every field failure; `now` decides whether the start lies in the future.
    pub fn validate(&self, now: OffsetDateTime) -> Vec<FieldError> {
        use crate::checks::check_paragraphs;
        use crate::profile::limits::LINE;
        let mut errors = Vec::new();
        let mut check = |field: &str, r: Result<(), ErrorCode>| {
            if let Err(code) = r {
                errors.push(FieldError::new(field, code));
            }
        };
        check("title", check_line(&self.title, LINE, true));
        check("description", check_paragraphs(&self.description, training_limits::DESCRIPTION, true));
        check("audience", check_line(&self.audience, LINE, false));
        check(
            "function_levels",
            if self.function_levels.is_empty() {
                Err(ErrorCode::Required)
            } else if (1..self.function_levels.len())
                .any(|i| self.function_levels[..i].contains(&self.function_levels[i]))
            {
                Err(ErrorCode::Duplicate)
            } else {
                Ok(())
            },
        );
        check("location", check_line(&self.location, LINE, !self.online));
        let date = parse_date(self.date.trim());
        check(
            "date",
            if self.date.trim().is_empty() {
                Err(ErrorCode::Required)
            } else if date.is_none() {
                Err(ErrorCode::DateInvalid)
            } else {
                Ok(())
            },
        );
        check(
            "time",
            if self.time.trim().is_empty() {
                Err(ErrorCode::Required)
            } else if parse_time(self.time.trim()).is_none() {
                Err(ErrorCode::TimeInvalid)
            } else {
                Ok(())
            },
        );
        if let Some(at) = self.starts_at() {
            check("date", if at <= now { Err(ErrorCode::DateInPast) } else { Ok(()) });
        }
        check(
            "sessions",
            if (1..=training_limits::SESSIONS).contains(&self.sessions) { Ok(()) } else { Err(ErrorCode::OutOfRange) },
        );
        check(
            "capacity",
            if (1..=training_limits::CAPACITY).contains(&self.capacity) { Ok(()) } else { Err(ErrorCode::OutOfRange) },
        );
        errors
    }

    /// The form of a stored training, to edit it: date (`DD-MM-YYYY`, as people write it) and
    /// time in Dutch time.
    pub fn of(t: &StaffTraining) -> TrainingForm {
        let local = t.starts_at.to_offset(crate::privacy_request::netherlands_offset(t.starts_at));
        TrainingForm {
            title: t.title.clone(),
            description: t.description.clone(),
            audience: t.audience.clone(),
            function_levels: t.function_levels.clone(),
            online: t.online,
            location: if t.online && t.location == "Online" { String::new() } else { t.location.clone() },
            date: format!("{:02}-{:02}-{}", local.day(), u8::from(local.month()), local.year()),
            time: format!("{:02}:{:02}", local.hour(), local.minute()),
            sessions: t.sessions,
            capacity: t.capacity,
        }
    }
}

/// `YYYY-MM-DD` (what a date input gives), or `DD-MM-YYYY` as people write it.
fn parse_date(text: &str) -> Option<time::Date> {
    crate::privacy_request::day::parse(text).or_else(|| {
        let mut parts = text.split(['-', '/']);
        let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || d.len() > 2 || m.len() > 2 {
            return None;
        }
        let month = time::Month::try_from(m.parse::<u8>().ok()?).ok()?;
        time::Date::from_calendar_date(y.parse().ok()?, month, d.parse().ok()?).ok()
    })
}

/// `HH:MM` (or `H:MM`, or `HH.MM`), 00:00 to 23:59.
fn parse_time(text: &str) -> Option<time::Time> {
    let (h, m) = text.split_once([':', '.'])?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 || !(h.bytes().chain(m.bytes())).all(|b| b.is_ascii_digit()) {
        return None;
    }
    time::Time::from_hms(h.parse().ok()?, m.parse().ok()?, 0).ok()
}

/// A training as academy staff see it in their list: the training, how many hold a seat and
/// how many wait, whether it was cancelled, and its version (for `If-Match`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffTraining {
    /// Id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// What it is about.
    pub description: String,
    /// Who it is for, in words.
    pub audience: String,
    /// The function levels it is for.
    pub function_levels: Vec<FunctionLevel>,
    /// Place, or "Online".
    pub location: String,
    /// Whether it is online.
    pub online: bool,
    /// First session.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub starts_at: OffsetDateTime,
    /// Number of sessions.
    pub sessions: u32,
    /// Seats in total.
    pub capacity: u32,
    /// People holding a seat.
    pub enrolled: u32,
    /// People on the waiting list.
    pub waitlisted: u32,
    /// When the academy cancelled it (absent while it goes ahead).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "time::serde::rfc3339::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub cancelled_at: Option<OffsetDateTime>,
    /// Version, as in the `ETag` `"training-N"`.
    pub version: i64,
}

impl StaffTraining {
    /// The people a cancellation tells: everyone with a seat or on the waiting list.
    pub fn to_be_told(&self) -> u32 {
        self.enrolled + self.waitlisted
    }

    /// Whether it may still be changed or cancelled at `now`.
    pub fn is_open(&self, now: OffsetDateTime) -> bool {
        self.cancelled_at.is_none() && self.starts_at > now
    }
}

/// The answer to `POST /api/academy/catalogue/{id}/cancel`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrainingCancelled {
    /// The training, now cancelled.
    pub training: StaffTraining,
    /// How many participants were told by mail.
    pub told: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anna(level: FunctionLevel) -> Participant {
        Participant {
            first_name: "Anna".into(),
            last_name: "Smeets".into(),
            job_title: "Medewerker Burgerzaken".into(),
            employer: "brunssum".into(),
            function_level: level,
            ..Default::default()
        }
    }

    #[test]
    fn the_manager_is_required_below_management_only() {
        let codes = |p: &Participant| p.validate().into_iter().map(|e| (e.field, e.code)).collect::<Vec<_>>();
        assert_eq!(
            codes(&anna(FunctionLevel::Employee)),
            vec![("manager_name".into(), ErrorCode::Required), ("manager_email".into(), ErrorCode::Required)]
        );
        assert_eq!(codes(&anna(FunctionLevel::Manager)), vec![]);
        let mut ok = anna(FunctionLevel::Specialist);
        ok.manager_name = "Piet Hermans".into();
        ok.manager_email = "p.hermans@brunssum.nl".into();
        assert_eq!(codes(&ok), vec![]);
        ok.employer = "atlantis".into();
        assert_eq!(codes(&ok), vec![("employer".into(), ErrorCode::UnknownPartner)]);
    }

    #[test]
    fn names_and_titles_refuse_invisible_characters() {
        let codes = |p: &Participant| p.validate().into_iter().map(|e| (e.field, e.code)).collect::<Vec<_>>();
        let mut p = anna(FunctionLevel::Employee);
        p.first_name = "Anna\u{202e}".into();
        p.tussenvoegsel = "\u{200b}".into();
        p.last_name = "Sme\u{ad}ets".into();
        p.job_title = "Medewerker\nBurgerzaken".into();
        p.manager_name = "Piet\u{2067}Hermans".into();
        p.manager_email = "p.herm\u{430}ns@brunssum.nl".into();
        let invalid = |f: &str| (f.to_owned(), ErrorCode::InvalidCharacters);
        assert_eq!(
            codes(&p.normalized()),
            vec![
                invalid("first_name"),
                invalid("tussenvoegsel"),
                invalid("last_name"),
                invalid("job_title"),
                invalid("manager_name"),
                ("manager_email".into(), ErrorCode::EmailInvalid)
            ]
        );
    }

    #[test]
    fn a_manager_given_where_none_is_asked_is_not_kept() {
        let mut p = anna(FunctionLevel::Executive);
        p.manager_name = "Niet nodig".into();
        p.manager_email = "x@y.nl".into();
        let n = p.normalized();
        assert!(n.manager_name.is_empty() && n.manager_email.is_empty());
    }

    #[test]
    fn states() {
        assert!(EnrolmentState::Completed.is_followed() && !EnrolmentState::Enrolled.is_followed());
        assert!(EnrolmentState::Waitlisted.is_current() && !EnrolmentState::Cancelled.is_current());
        for s in ["enrolled", "waitlisted", "cancelled", "cancelled_by_academy", "attended", "completed", "no_show"] {
            assert_eq!(EnrolmentState::parse(s).unwrap().as_str(), s);
        }
    }

    fn form() -> TrainingForm {
        TrainingForm {
            title: "Omgevingswet voor beginners".into(),
            description: "Wat de wet vraagt.".into(),
            audience: String::new(),
            function_levels: vec![FunctionLevel::Specialist, FunctionLevel::Employee],
            online: false,
            location: "Heerlen".into(),
            date: "2031-03-30".into(),
            time: "09:30".into(),
            sessions: 2,
            capacity: 12,
        }
    }

    fn now() -> OffsetDateTime {
        time::macros::datetime!(2031-03-01 12:00 UTC)
    }

    #[test]
    fn a_training_form_is_checked_field_by_field() {
        let codes = |f: &TrainingForm| f.validate(now()).into_iter().map(|e| (e.field, e.code)).collect::<Vec<_>>();
        let ok = form().normalized();
        assert_eq!(codes(&ok), vec![]);
        assert_eq!(ok.function_levels, vec![FunctionLevel::Employee, FunctionLevel::Specialist], "in their order");
        let empty = TrainingForm { sessions: 0, capacity: 0, ..TrainingForm::default() };
        assert_eq!(
            codes(&empty),
            vec![
                ("title".into(), ErrorCode::Required),
                ("description".into(), ErrorCode::Required),
                ("function_levels".into(), ErrorCode::Required),
                ("location".into(), ErrorCode::Required),
                ("date".into(), ErrorCode::Required),
                ("time".into(), ErrorCode::Required),
                ("sessions".into(), ErrorCode::OutOfRange),
                ("capacity".into(), ErrorCode::OutOfRange),
            ]
        );
        let mut bad = form();
        bad.title = "Omgevingswet\u{202e}".into();
        bad.function_levels = vec![FunctionLevel::Manager, FunctionLevel::Manager];
        bad.date = "30-13-2031".into();
        bad.time = "25:00".into();
        bad.capacity = training_limits::CAPACITY + 1;
        assert_eq!(
            codes(&bad.normalized()),
            vec![
                ("title".into(), ErrorCode::InvalidCharacters),
                ("function_levels".into(), ErrorCode::Duplicate),
                ("date".into(), ErrorCode::DateInvalid),
                ("time".into(), ErrorCode::TimeInvalid),
                ("capacity".into(), ErrorCode::OutOfRange),
            ]
        );
        let mut written = form();
        written.date = "30-3-2031".into();
        written.time = "9.30".into();
        assert_eq!(written.normalized(), form().normalized(), "as people write a date and a time");
        let mut past = form();
        past.date = "2031-03-01".into();
        past.time = "12:59".into();
        assert_eq!(codes(&past), vec![("date".into(), ErrorCode::DateInPast)], "12:59 Dutch time is 11:59 UTC");
        past.time = "13:01".into();
        assert_eq!(codes(&past), vec![]);
    }

    #[test]
    fn online_needs_no_place_and_the_start_is_dutch_time() {
        let mut f = form();
        f.online = true;
        f.location = String::new();
        let f = f.normalized();
        assert_eq!(f.validate(now()), vec![]);
        assert_eq!(f.location, "Online");
        // 30 March 2031 is after the switch to summer time: 09:30 is 07:30 UTC.
        let at = f.starts_at().unwrap();
        assert_eq!(at.to_offset(time::UtcOffset::UTC), time::macros::datetime!(2031-03-30 07:30 UTC));
        let staff = StaffTraining {
            id: 1,
            title: f.title.clone(),
            description: f.description.clone(),
            audience: String::new(),
            function_levels: f.function_levels.clone(),
            location: f.location.clone(),
            online: true,
            starts_at: at,
            sessions: 2,
            capacity: 12,
            enrolled: 3,
            waitlisted: 1,
            cancelled_at: None,
            version: 1,
        };
        let mut back = TrainingForm::of(&staff);
        assert_eq!((back.date.as_str(), back.time.as_str(), back.location.as_str()), ("30-03-2031", "09:30", ""));
        back.location = String::new();
        assert_eq!(back.normalized(), f, "the form of a stored training is the form that stored it");
        assert_eq!(staff.to_be_told(), 4);
    }
}
