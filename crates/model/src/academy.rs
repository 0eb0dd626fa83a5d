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
    /// Who it is for.
    pub audience: String,
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
            EnrolmentState::Attended => "attended",
            EnrolmentState::Completed => "completed",
            EnrolmentState::NoShow => "no_show",
        }
    }

    /// The state stored as `s`.
    pub fn parse(s: &str) -> Option<Self> {
        use EnrolmentState::*;
        [Enrolled, Waitlisted, Cancelled, Attended, Completed, NoShow].into_iter().find(|k| k.as_str() == s)
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
        for s in ["enrolled", "waitlisted", "cancelled", "attended", "completed", "no_show"] {
            assert_eq!(EnrolmentState::parse(s).unwrap().as_str(), s);
        }
    }
}
