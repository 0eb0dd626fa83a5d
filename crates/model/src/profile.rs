//! The candidate profile — personal and contact details, education, work experience,
//! competences, availability, desired occupations, and nothing else — and its validation.

use serde::{Deserialize, Serialize};

use crate::checks::{check_line, check_paragraphs, normalize_postcode, validate_phone};
use crate::error::{ErrorCode, FieldError};
use crate::input::Hours;
use crate::partner::is_partner_slug;

/// A month, written `YYYY-MM` (as `<input type="month">` gives it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    /// Year, 1900–2100.
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
}

impl Month {
    /// Parses `YYYY-MM`.
    pub fn parse(s: &str) -> Option<Month> {
        let (y, m) = s.trim().split_once('-')?;
        let (year, month) = (y.parse::<u16>().ok()?, m.parse::<u8>().ok()?);
        (y.len() == 4 && m.len() == 2 && (1900..=2100).contains(&year) && (1..=12).contains(&month))
            .then_some(Month { year, month })
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for Month {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Month::parse(&s).ok_or_else(|| serde::de::Error::custom("expected YYYY-MM"))
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Month {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some(r"^\d{4}-\d{2}$"))
            .description(Some("A month, YYYY-MM"))
            .into()
    }
}
#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Month {}

/// Whether the candidate works for a partner (internal) or not (external).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Employment {
    /// Not employed by a partner.
    #[default]
    External,
    /// Employed by the partner with this slug.
    Internal {
        /// The employer's slug.
        partner: String,
    },
}

/// Personal details.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct Personal {
    /// Voornaam.
    pub first_name: String,
    /// Tussenvoegsel ("van der").
    pub tussenvoegsel: String,
    /// Achternaam.
    pub last_name: String,
    /// Straat.
    pub street: String,
    /// Huisnummer (digits).
    pub house_number: String,
    /// Toevoeging ("A", "bis").
    pub house_number_addition: String,
    /// Postcode, `1234 AB`.
    pub postcode: String,
    /// Woonplaats.
    pub city: String,
    /// Internal or external candidate.
    pub employment: Employment,
}

impl Personal {
    /// "Marieke van der Berg".
    pub fn full_name(&self) -> String {
        [self.first_name.trim(), self.tussenvoegsel.trim(), self.last_name.trim()]
            .iter()
            .filter(|p| !p.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Contact details.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct Contact {
    /// E-mail address for recruiters (may differ from the login address).
    pub email: String,
    /// Phone number.
    pub phone: String,
}

/// Kind of education (Dutch levels).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum EducationLevel {
    Vmbo,
    Havo,
    Vwo,
    #[default]
    Mbo,
    Hbo,
    Wo,
    /// Courses and other education.
    Other,
}

impl EducationLevel {
    /// Every level, in order.
    pub const ALL: [EducationLevel; 7] = [
        EducationLevel::Vmbo,
        EducationLevel::Havo,
        EducationLevel::Vwo,
        EducationLevel::Mbo,
        EducationLevel::Hbo,
        EducationLevel::Wo,
        EducationLevel::Other,
    ];
}

/// One education.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct Education {
    /// Level.
    pub level: EducationLevel,
    /// School or institution.
    pub institution: String,
    /// Field of study.
    pub field: String,
    /// Started.
    pub from: Option<Month>,
    /// Ended (absent: ongoing).
    pub to: Option<Month>,
    /// Diploma obtained.
    pub diploma: bool,
}

/// One job.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct WorkExperience {
    /// Function title.
    pub job_title: String,
    /// Employer.
    pub employer: String,
    /// Started.
    pub from: Option<Month>,
    /// Ended (absent: current job).
    pub to: Option<Month>,
    /// Hours per week (32 or 32.5).
    pub hours_per_week: Option<Hours>,
    /// Main tasks.
    pub tasks: String,
}

/// Availability: travel distance or time, hours, from when.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct Availability {
    /// Willing to travel at most this many kilometres.
    pub max_travel_km: Option<u16>,
    /// Willing to travel at most this many minutes.
    pub max_travel_minutes: Option<u16>,
    /// Hours per week available (32 or 32.5).
    pub hours_per_week: Option<Hours>,
    /// Available from this month.
    pub available_from: Option<Month>,
}

/// The candidate profile.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct Profile {
    /// Name, address, internal/external.
    pub personal: Personal,
    /// E-mail and phone.
    pub contact: Contact,
    /// Educations.
    pub education: Vec<Education>,
    /// Jobs.
    pub work_experience: Vec<WorkExperience>,
    /// Competences (short phrases).
    pub competences: Vec<String>,
    /// Availability.
    pub availability: Availability,
    /// Desired occupations (wensberoepen).
    pub desired_occupations: Vec<String>,
}

// Personal data: `Debug` never prints it (a stray `{:?}` in a log line stays harmless).
macro_rules! redacted_debug {
    ($($t:ty),*) => {$(
        impl std::fmt::Debug for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(concat!(stringify!($t), " { .. }"))
            }
        }
    )*};
}
redacted_debug!(Personal, Contact, Education, WorkExperience, Availability, Profile);

/// Limits of the profile.
pub mod limits {
    /// Names.
    pub const NAME: usize = 100;
    /// Tussenvoegsel.
    pub const TUSSENVOEGSEL: usize = 20;
    /// Street, city, institution, employer, titles.
    pub const LINE: usize = 120;
    /// Task descriptions.
    pub const TASKS: usize = 2000;
    /// One competence or desired occupation.
    pub const ITEM: usize = 80;
    /// Entries per list.
    pub const LIST: usize = 30;
    /// Hours per week.
    pub const HOURS: u16 = 60;
    /// Travel kilometres.
    pub const KM: u16 = 500;
    /// Travel minutes.
    pub const MINUTES: u16 = 300;
}

struct Errors(Vec<FieldError>);

impl Errors {
    fn check(&mut self, field: impl Into<String>, result: Result<(), ErrorCode>) {
        if let Err(code) = result {
            self.0.push(FieldError { field: field.into(), code });
        }
    }
}

fn range<T: PartialOrd>(value: Option<T>, min: T, max: T) -> Result<(), ErrorCode> {
    match value {
        Some(v) if v < min || v > max => Err(ErrorCode::OutOfRange),
        _ => Ok(()),
    }
}

fn ordered(from: Option<Month>, to: Option<Month>) -> Result<(), ErrorCode> {
    match (from, to) {
        (Some(f), Some(t)) if t < f => Err(ErrorCode::DatesOutOfOrder),
        _ => Ok(()),
    }
}

fn list_of_phrases(errors: &mut Errors, name: &str, items: &[String]) {
    if items.len() > limits::LIST {
        errors.check(name, Err(ErrorCode::TooMany));
    }
    let mut seen = std::collections::HashSet::new();
    for (i, item) in items.iter().enumerate() {
        errors.check(format!("{name}[{i}]"), check_line(item, limits::ITEM, true));
        if !seen.insert(item.trim().to_lowercase()) {
            errors.check(format!("{name}[{i}]"), Err(ErrorCode::Duplicate));
        }
    }
}

impl Profile {
    /// The profile with text trimmed and the postcode in canonical form: what is stored.
    pub fn normalized(mut self) -> Profile {
        let p = &mut self.personal;
        for s in [
            &mut p.first_name,
            &mut p.tussenvoegsel,
            &mut p.last_name,
            &mut p.street,
            &mut p.house_number,
            &mut p.house_number_addition,
            &mut p.city,
            &mut self.contact.email,
            &mut self.contact.phone,
        ] {
            *s = s.trim().to_owned();
        }
        if let Ok(pc) = normalize_postcode(&p.postcode) {
            p.postcode = pc;
        } else {
            p.postcode = p.postcode.trim().to_owned();
        }
        for list in [&mut self.competences, &mut self.desired_occupations] {
            for s in list.iter_mut() {
                *s = s.trim().to_owned();
            }
        }
        self
    }

    /// Every field failure, with paths like `personal.postcode` or `education[1].to`.
    pub fn validate(&self) -> Vec<FieldError> {
        use limits::*;
        let mut e = Errors(Vec::new());
        let p = &self.personal;
        e.check("personal.first_name", check_line(&p.first_name, NAME, true));
        e.check("personal.tussenvoegsel", check_line(&p.tussenvoegsel, TUSSENVOEGSEL, false));
        e.check("personal.last_name", check_line(&p.last_name, NAME, true));
        e.check("personal.street", check_line(&p.street, LINE, false));
        let house = p.house_number.trim();
        e.check(
            "personal.house_number",
            if house.is_empty() {
                if p.street.trim().is_empty() {
                    Ok(())
                } else {
                    Err(ErrorCode::Required)
                }
            } else if house.len() <= 5 && house.bytes().all(|b| b.is_ascii_digit()) && !house.starts_with('0') {
                Ok(())
            } else {
                Err(ErrorCode::HouseNumberInvalid)
            },
        );
        e.check("personal.house_number_addition", check_line(&p.house_number_addition, 6, false));
        if !p.postcode.trim().is_empty() {
            e.check("personal.postcode", normalize_postcode(&p.postcode).map(drop));
        }
        e.check("personal.city", check_line(&p.city, LINE, false));
        if let Employment::Internal { partner } = &p.employment {
            e.check(
                "personal.employment",
                if is_partner_slug(partner) { Ok(()) } else { Err(ErrorCode::UnknownPartner) },
            );
        }

        if !self.contact.email.trim().is_empty() {
            e.check("contact.email", crate::account::validate_email(&self.contact.email));
        }
        if !self.contact.phone.trim().is_empty() {
            e.check("contact.phone", validate_phone(&self.contact.phone));
        }

        if self.education.len() > LIST {
            e.check("education", Err(ErrorCode::TooMany));
        }
        for (i, ed) in self.education.iter().enumerate() {
            e.check(format!("education[{i}].institution"), check_line(&ed.institution, LINE, true));
            e.check(format!("education[{i}].field"), check_line(&ed.field, LINE, false));
            e.check(format!("education[{i}].to"), ordered(ed.from, ed.to));
        }
        if self.work_experience.len() > LIST {
            e.check("work_experience", Err(ErrorCode::TooMany));
        }
        for (i, w) in self.work_experience.iter().enumerate() {
            e.check(format!("work_experience[{i}].job_title"), check_line(&w.job_title, LINE, true));
            e.check(format!("work_experience[{i}].employer"), check_line(&w.employer, LINE, true));
            e.check(
                format!("work_experience[{i}].from"),
                if w.from.is_some() { Ok(()) } else { Err(ErrorCode::Required) },
            );
            e.check(format!("work_experience[{i}].to"), ordered(w.from, w.to));
            e.check(
                format!("work_experience[{i}].hours_per_week"),
                range(w.hours_per_week, Hours::whole(1), Hours::whole(HOURS)),
            );
            e.check(format!("work_experience[{i}].tasks"), check_paragraphs(&w.tasks, TASKS, false));
        }
        list_of_phrases(&mut e, "competences", &self.competences);
        let a = &self.availability;
        e.check("availability.max_travel_km", range(a.max_travel_km, 1, KM));
        e.check("availability.max_travel_minutes", range(a.max_travel_minutes, 1, MINUTES));
        e.check("availability.hours_per_week", range(a.hours_per_week, Hours::whole(1), Hours::whole(HOURS)));
        list_of_phrases(&mut e, "desired_occupations", &self.desired_occupations);
        e.0
    }

    /// Every free-text value of the profile, for search and for canary tests.
    pub fn texts(&self) -> Vec<&str> {
        let p = &self.personal;
        let mut out = vec![
            p.first_name.as_str(),
            &p.tussenvoegsel,
            &p.last_name,
            &p.street,
            &p.house_number,
            &p.house_number_addition,
            &p.postcode,
            &p.city,
            &self.contact.email,
            &self.contact.phone,
        ];
        for ed in &self.education {
            out.extend([ed.institution.as_str(), &ed.field]);
        }
        for w in &self.work_experience {
            out.extend([w.job_title.as_str(), &w.employer, &w.tasks]);
        }
        out.extend(self.competences.iter().map(String::as_str));
        out.extend(self.desired_occupations.iter().map(String::as_str));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn marieke() -> Profile {
        Profile {
            personal: Personal {
                first_name: "Marieke".into(),
                tussenvoegsel: "van der".into(),
                last_name: "Berg".into(),
                street: "Markt".into(),
                house_number: "12".into(),
                house_number_addition: "A".into(),
                postcode: "6461ec".into(),
                city: "Kerkrade".into(),
                employment: Employment::Internal { partner: "kerkrade".into() },
            },
            contact: Contact { email: "marieke@example.org".into(), phone: "06 12345678".into() },
            education: vec![Education {
                level: EducationLevel::Hbo,
                institution: "Zuyd Hogeschool".into(),
                field: "Bestuurskunde".into(),
                from: Month::parse("2008-09"),
                to: Month::parse("2012-07"),
                diploma: true,
            }],
            work_experience: vec![WorkExperience {
                job_title: "Beleidsmedewerker".into(),
                employer: "Gemeente Kerkrade".into(),
                from: Month::parse("2015-03"),
                to: None,
                hours_per_week: Some(Hours::whole(32)),
                tasks: "Beleid voor werk en inkomen".into(),
            }],
            competences: vec!["Samenwerken".into(), "Analyseren".into()],
            availability: Availability {
                max_travel_km: Some(40),
                max_travel_minutes: Some(45),
                hours_per_week: Some(Hours::whole(32)),
                available_from: Month::parse("2027-01"),
            },
            desired_occupations: vec!["Beleidsadviseur".into()],
        }
    }

    fn codes(p: &Profile) -> Vec<(String, ErrorCode)> {
        p.validate().into_iter().map(|e| (e.field, e.code)).collect()
    }

    #[test]
    fn a_full_profile_is_valid_and_normalised() {
        let p = marieke();
        assert_eq!(codes(&p), vec![]);
        assert_eq!(p.normalized().personal.postcode, "6461 EC");
    }

    #[test]
    fn names_are_required() {
        let p = Profile::default();
        assert_eq!(
            codes(&p),
            vec![
                ("personal.first_name".into(), ErrorCode::Required),
                ("personal.last_name".into(), ErrorCode::Required)
            ]
        );
    }

    #[test]
    fn address_rules() {
        let mut p = marieke();
        p.personal.postcode = "646 EC".into();
        p.personal.house_number = "12a".into();
        assert_eq!(
            codes(&p),
            vec![
                ("personal.house_number".into(), ErrorCode::HouseNumberInvalid),
                ("personal.postcode".into(), ErrorCode::PostcodeInvalid)
            ]
        );
        p.personal.house_number = String::new();
        p.personal.postcode = String::new();
        assert_eq!(codes(&p), vec![("personal.house_number".into(), ErrorCode::Required)]);
    }

    #[test]
    fn a_bsn_anywhere_is_refused() {
        let mut p = marieke();
        p.work_experience[0].tasks = "Mijn BSN is 111.222.333".into();
        p.competences.push("123456782".into());
        assert_eq!(
            codes(&p),
            vec![
                ("work_experience[0].tasks".into(), ErrorCode::ContainsBsn),
                ("competences[2]".into(), ErrorCode::ContainsBsn)
            ]
        );
    }

    #[test]
    fn every_one_line_field_refuses_invisible_characters() {
        let mut p = marieke();
        let rlo = "\u{202e}";
        p.personal.first_name = format!("Marieke{rlo}");
        p.personal.tussenvoegsel = "van\u{200b}der".into();
        p.personal.last_name = "Berg\u{ad}".into();
        p.personal.street = "Markt\n12".into();
        p.personal.house_number_addition = "A\u{2066}".into();
        p.personal.city = "Kerk\u{7}rade".into();
        p.education[0].institution = format!("Zuyd{rlo}");
        p.education[0].field = "Bestuurs\u{2028}kunde".into();
        p.work_experience[0].job_title = format!("Beleids{rlo}medewerker");
        p.work_experience[0].employer = "Gemeente\u{feff}Kerkrade".into();
        p.work_experience[0].tasks = "Beleid\nvoor werk\r\nen inkomen".into();
        p.competences[0] = "Samen\twerken".into();
        p.desired_occupations[0] = format!("Beleidsadviseur{rlo}");
        let invalid = |f: &str| (f.to_owned(), ErrorCode::InvalidCharacters);
        assert_eq!(
            codes(&p.normalized()),
            vec![
                invalid("personal.first_name"),
                invalid("personal.tussenvoegsel"),
                invalid("personal.last_name"),
                invalid("personal.street"),
                invalid("personal.house_number_addition"),
                invalid("personal.city"),
                invalid("education[0].institution"),
                invalid("education[0].field"),
                invalid("work_experience[0].job_title"),
                invalid("work_experience[0].employer"),
                invalid("competences[0]"),
                invalid("desired_occupations[0]"),
            ]
        );
        let mut q = marieke();
        q.work_experience[0].tasks = format!("Beleid{rlo}");
        assert_eq!(codes(&q), vec![invalid("work_experience[0].tasks")]);
    }

    #[test]
    fn a_bsn_in_full_width_or_foreign_digits_is_refused() {
        let mut p = marieke();
        p.work_experience[0].tasks = "Mijn BSN is １１１２２２３３３".into();
        p.competences.push("١١١/٢٢٢/٣٣٣".into());
        p.personal.street = "Markt 111\u{a0}222\u{a0}333".into();
        assert_eq!(
            codes(&p),
            vec![
                ("personal.street".into(), ErrorCode::ContainsBsn),
                ("work_experience[0].tasks".into(), ErrorCode::ContainsBsn),
                ("competences[2]".into(), ErrorCode::ContainsBsn)
            ]
        );
    }

    #[test]
    fn a_look_alike_contact_address_is_refused() {
        let mut p = marieke();
        p.contact.email = "m\u{430}rieke@example.org".into();
        assert_eq!(codes(&p), vec![("contact.email".into(), ErrorCode::EmailInvalid)]);
    }

    #[test]
    fn dates_in_order_and_numbers_in_range() {
        let mut p = marieke();
        p.education[0].to = Month::parse("2007-01");
        p.work_experience[0].from = None;
        p.work_experience[0].hours_per_week = Some(Hours::tenths(601));
        p.availability.max_travel_km = Some(0);
        assert_eq!(
            codes(&p),
            vec![
                ("education[0].to".into(), ErrorCode::DatesOutOfOrder),
                ("work_experience[0].from".into(), ErrorCode::Required),
                ("work_experience[0].hours_per_week".into(), ErrorCode::OutOfRange),
                ("availability.max_travel_km".into(), ErrorCode::OutOfRange)
            ]
        );
    }

    #[test]
    fn half_hours_are_fine_and_the_range_holds_for_fractions() {
        let mut p = marieke();
        p.availability.hours_per_week = crate::input::read_hours("32,5").unwrap();
        p.work_experience[0].hours_per_week = crate::input::read_hours("0,5").unwrap();
        assert_eq!(codes(&p), vec![("work_experience[0].hours_per_week".into(), ErrorCode::OutOfRange)]);
        p.work_experience[0].hours_per_week = crate::input::read_hours("60,0").unwrap();
        assert_eq!(codes(&p), vec![]);
        p.availability.hours_per_week = crate::input::read_hours("60.1").unwrap();
        assert_eq!(codes(&p), vec![("availability.hours_per_week".into(), ErrorCode::OutOfRange)]);
        let json = serde_json::to_value(&p.availability).unwrap();
        assert_eq!(json["hours_per_week"], serde_json::json!(60.1));
    }

    #[test]
    fn lists_refuse_duplicates_and_unknown_employers() {
        let mut p = marieke();
        p.competences.push(" samenwerken ".into());
        p.personal.employment = Employment::Internal { partner: "atlantis".into() };
        p.contact.phone = "123".into();
        assert_eq!(
            codes(&p),
            vec![
                ("personal.employment".into(), ErrorCode::UnknownPartner),
                ("contact.phone".into(), ErrorCode::PhoneInvalid),
                ("competences[2]".into(), ErrorCode::Duplicate)
            ]
        );
    }

    #[test]
    fn months_round_trip_and_refuse_nonsense() {
        let m = Month::parse("2026-11").unwrap();
        assert_eq!(serde_json::to_string(&m).unwrap(), "\"2026-11\"");
        assert!(serde_json::from_str::<Month>("\"2026-13\"").is_err());
        assert!(Month::parse("26-11").is_none());
        assert!(Month::parse("2026-1").is_none());
    }

    #[test]
    fn debug_prints_no_personal_data() {
        let p = marieke();
        let printed = format!("{p:?} {:?} {:?}", p.personal, p.contact);
        assert!(!printed.contains("Marieke") && !printed.contains("0612") && !printed.contains("06 1234"), "{printed}");
    }
}
