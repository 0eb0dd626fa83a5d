//! The filters of recruiter search (`GET /api/recruiter/candidates`): place of residence,
//! hours per week and level, besides the words. A filter reads only what the candidate shows
//! the partner: [`CandidateView::facets`] takes its values from the recruiter view, so a
//! hidden section has no value and never matches a filter. The server's index stores the
//! same facets (docs/storage.md "Recruiter search"); the parameters are read and checked here,
//! once, by the app and again by the server.

use serde::{Deserialize, Serialize};

use crate::error::{ErrorCode, FieldError};
use crate::input::{read_hours, Hours};
use crate::profile::{limits, EducationLevel};
use crate::visibility::{search_words, CandidateView};

/// The level a recruiter asks for: the candidate has an education of at least this level
/// (werk- en denkniveau). The profile holds no job grade; its educations' levels are what
/// the candidate shows about level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum WorkLevel {
    /// mbo, or havo or vwo: the same rung.
    Mbo,
    /// hbo or wo.
    Hbo,
    /// wo.
    Wo,
}

impl WorkLevel {
    /// Every level, lowest first.
    pub const ALL: [WorkLevel; 3] = [WorkLevel::Mbo, WorkLevel::Hbo, WorkLevel::Wo];

    /// The wire name: `mbo`, `hbo`, `wo`.
    pub fn as_str(self) -> &'static str {
        match self {
            WorkLevel::Mbo => "mbo",
            WorkLevel::Hbo => "hbo",
            WorkLevel::Wo => "wo",
        }
    }

    /// The level with this wire name.
    pub fn parse(s: &str) -> Option<WorkLevel> {
        WorkLevel::ALL.into_iter().find(|l| l.as_str() == s)
    }

    /// The rung on the scale of [`education_rank`].
    pub fn rank(self) -> u8 {
        match self {
            WorkLevel::Mbo => 2,
            WorkLevel::Hbo => 3,
            WorkLevel::Wo => 4,
        }
    }
}

/// An education's rung: vmbo 1; mbo, havo and vwo 2; hbo 3; wo 4 (the order of the Dutch
/// qualification framework). Courses and other education have none.
pub fn education_rank(level: EducationLevel) -> Option<u8> {
    match level {
        EducationLevel::Vmbo => Some(1),
        EducationLevel::Mbo | EducationLevel::Havo | EducationLevel::Vwo => Some(2),
        EducationLevel::Hbo => Some(3),
        EducationLevel::Wo => Some(4),
        EducationLevel::Other => None,
    }
}

/// A place of residence as it is compared: its words, lower case, one space between
/// (`" 's-Gravenhage "` → `s gravenhage`), so case, spaces and hyphens do not matter.
pub fn normalize_place(place: &str) -> String {
    search_words(place).join(" ")
}

/// What a filter can match on, taken from a recruiter view: `None` where the view does not
/// show it.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Facets {
    /// The place of residence, normalized ([`normalize_place`]); shown with the personal details.
    pub place: Option<String>,
    /// Hours per week available; shown with the availability.
    pub hours: Option<Hours>,
    /// The highest rung of the educations shown ([`education_rank`]).
    pub level: Option<u8>,
}

impl CandidateView {
    /// The facets of what this view shows. Built on the view, so a hidden field never gives
    /// a value; the same for every partner the candidate admits (as the search text is).
    pub fn facets(&self) -> Facets {
        Facets {
            place: self.personal.as_ref().map(|p| normalize_place(&p.city)).filter(|p| !p.is_empty()),
            hours: self.availability.as_ref().and_then(|a| a.hours_per_week),
            level: self.education.iter().flatten().filter_map(|e| education_rank(e.level)).max(),
        }
    }

    /// Whether the view passes every filter: each filter needs the value shown.
    pub fn passes(&self, filter: &CandidateFilter) -> bool {
        filter.admits(&self.facets())
    }
}

/// The filters of one search; an empty one passes everyone.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct CandidateFilter {
    /// Place of residence, normalized ([`normalize_place`]).
    pub place: Option<String>,
    /// At least this many hours per week.
    pub hours_min: Option<Hours>,
    /// At most this many hours per week.
    pub hours_max: Option<Hours>,
    /// At least this level.
    pub level: Option<WorkLevel>,
}

/// The filter parameters as they arrive (query string) or are typed: text, empty for none.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct FilterInput {
    /// `place`: a place of residence.
    pub place: String,
    /// `hours_min`: hours, `32` or `32,5`.
    pub hours_min: String,
    /// `hours_max`: hours.
    pub hours_max: String,
    /// `level`: `mbo`, `hbo` or `wo`.
    pub level: String,
}

impl FilterInput {
    /// The filter, or every field that cannot be used (field names are the parameters):
    /// `place` too long or with invisible characters; hours unreadable (`number_invalid`) or
    /// outside 0–60 (`out_of_range`), `hours_max` below `hours_min` (`out_of_range`); `level`
    /// not one of the levels (`out_of_range`).
    pub fn read(&self) -> Result<CandidateFilter, Vec<FieldError>> {
        let mut errors = Vec::new();
        let place = self.place.trim();
        if let Err(code) = crate::checks::check_line(place, limits::LINE, false) {
            errors.push(FieldError::new("place", code));
        }
        let hours = |field: &str, raw: &str, errors: &mut Vec<FieldError>| match read_hours(raw) {
            Ok(Some(h)) if h > Hours::whole(limits::HOURS) => {
                errors.push(FieldError::new(field, ErrorCode::OutOfRange));
                None
            }
            Ok(h) => h,
            Err(code) => {
                errors.push(FieldError::new(field, code));
                None
            }
        };
        let hours_min = hours("hours_min", &self.hours_min, &mut errors);
        let hours_max = hours("hours_max", &self.hours_max, &mut errors);
        if let (Some(min), Some(max)) = (hours_min, hours_max) {
            if max < min {
                errors.push(FieldError::new("hours_max", ErrorCode::OutOfRange));
            }
        }
        let level = match self.level.trim() {
            "" => None,
            raw => {
                let level = WorkLevel::parse(raw);
                if level.is_none() {
                    errors.push(FieldError::new("level", ErrorCode::OutOfRange));
                }
                level
            }
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let place = Some(normalize_place(place)).filter(|p| !p.is_empty());
        Ok(CandidateFilter { place, hours_min, hours_max, level })
    }
}

impl CandidateFilter {
    /// Whether no filter is set.
    pub fn is_empty(&self) -> bool {
        *self == CandidateFilter::default()
    }

    /// Whether facets pass every filter set; a filter set on a value not shown fails.
    pub fn admits(&self, facets: &Facets) -> bool {
        let place = self.place.as_ref().is_none_or(|p| facets.place.as_ref() == Some(p));
        let min = self.hours_min.is_none_or(|min| facets.hours.is_some_and(|h| h >= min));
        let max = self.hours_max.is_none_or(|max| facets.hours.is_some_and(|h| h <= max));
        let level = self.level.is_none_or(|l| facets.level.is_some_and(|r| r >= l.rank()));
        place && min && max && level
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{Availability, Education};
    use crate::visibility::{recruiter_view, Section, Visibility};
    use crate::Profile;

    fn input(place: &str, min: &str, max: &str, level: &str) -> FilterInput {
        FilterInput { place: place.into(), hours_min: min.into(), hours_max: max.into(), level: level.into() }
    }

    fn codes(r: Result<CandidateFilter, Vec<FieldError>>) -> Vec<(String, ErrorCode)> {
        r.unwrap_err().into_iter().map(|e| (e.field, e.code)).collect()
    }

    #[test]
    fn filters_are_read_as_people_type_them() {
        assert_eq!(input("", "", "", "").read(), Ok(CandidateFilter::default()));
        assert!(input(" ", " ", "", "").read().unwrap().is_empty());
        let f = input("  's-Gravenhage ", "32,5", "40", "hbo").read().unwrap();
        assert_eq!(f.place.as_deref(), Some("s gravenhage"));
        assert_eq!(f.hours_min, Some(Hours::tenths(325)));
        assert_eq!(f.hours_max, Some(Hours::whole(40)));
        assert_eq!(f.level, Some(WorkLevel::Hbo));
        assert_eq!(
            input("Kerkrade", "", "", "").read().unwrap().place,
            input("KERKRADE", "", "", "").read().unwrap().place
        );
        assert_eq!(input("", "60", "60", "wo").read().unwrap().hours_max, Some(Hours::whole(60)));
    }

    #[test]
    fn each_unusable_filter_is_named() {
        assert_eq!(codes(input("", "veel", "", "").read()), vec![("hours_min".into(), ErrorCode::NumberInvalid)]);
        assert_eq!(codes(input("", "", "61", "").read()), vec![("hours_max".into(), ErrorCode::OutOfRange)]);
        assert_eq!(codes(input("", "36", "32", "").read()), vec![("hours_max".into(), ErrorCode::OutOfRange)]);
        assert_eq!(codes(input("", "", "", "master").read()), vec![("level".into(), ErrorCode::OutOfRange)]);
        assert_eq!(codes(input("", "", "", "HBO").read()), vec![("level".into(), ErrorCode::OutOfRange)]);
        assert_eq!(codes(input(&"x".repeat(121), "", "", "").read()), vec![("place".into(), ErrorCode::TooLong)]);
        assert_eq!(
            codes(input("Heer\u{202e}len", "", "", "").read()),
            vec![("place".into(), ErrorCode::InvalidCharacters)]
        );
        let all = codes(input(&"x".repeat(121), "-1", "1,25", "x").read());
        let fields: Vec<&str> = all.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, ["place", "hours_min", "hours_max", "level"]);
    }

    fn profile() -> Profile {
        let mut p = Profile::default();
        p.personal.city = "Kerkrade".into();
        p.availability = Availability { hours_per_week: Some(Hours::whole(32)), ..Availability::default() };
        p.education = vec![
            Education { level: EducationLevel::Hbo, ..Education::default() },
            Education { level: EducationLevel::Other, ..Education::default() },
        ];
        p
    }

    #[test]
    fn a_hidden_section_matches_no_filter() {
        let mut vis = Visibility { listed: true, ..Visibility::default() };
        let view = |vis: &Visibility| recruiter_view(&profile(), vis, "beek", "r", "K").unwrap();
        let place = input("kerkrade", "", "", "").read().unwrap();
        let hours = input("", "30", "32", "").read().unwrap();
        let level = input("", "", "", "hbo").read().unwrap();
        for f in [&place, &hours, &level] {
            assert!(view(&vis).passes(f), "{f:?}");
        }
        assert!(!view(&vis).passes(&input("", "", "", "wo").read().unwrap()));
        assert!(!view(&vis).passes(&input("", "33", "", "").read().unwrap()));
        assert!(!view(&vis).passes(&input("Heerlen", "", "", "").read().unwrap()));
        for (section, filter) in
            [(Section::Personal, &place), (Section::Availability, &hours), (Section::Education, &level)]
        {
            vis.hidden_sections = [section].into();
            assert!(!view(&vis).passes(filter), "{section:?} hidden");
            let f = view(&vis).facets();
            let only_that_one = match section {
                Section::Personal => f.place.is_none() && f.hours.is_some() && f.level.is_some(),
                Section::Availability => f.hours.is_none() && f.place.is_some() && f.level.is_some(),
                _ => f.level.is_none() && f.place.is_some() && f.hours.is_some(),
            };
            assert!(only_that_one, "{section:?} hidden: {f:?}");
        }
        // Anonymous: the place of residence is still shown (the address is not).
        vis.hidden_sections.clear();
        vis.anonymous = true;
        assert!(view(&vis).passes(&place));
    }

    #[test]
    fn levels_rank_in_order() {
        assert_eq!(education_rank(EducationLevel::Wo), Some(4));
        assert!(WorkLevel::ALL.windows(2).all(|w| w[0].rank() < w[1].rank()));
        for l in WorkLevel::ALL {
            assert_eq!(WorkLevel::parse(l.as_str()), Some(l));
        }
    }
}
