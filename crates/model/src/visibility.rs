//! Who sees the profile, and the one function that decides what a partner's recruiters
//! receive (seed 000 art. 9.2: "the candidate decides … how visible it is"). The server
//! builds every recruiter response, search hit and count from [`recruiter_view`]; the
//! candidate's "see it as partner X" preview is the same function's output.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::error::{ErrorCode, FieldError};
use crate::partner::is_partner_slug;
use crate::profile::{Availability, Contact, Education, Employment, Profile, WorkExperience};

/// A section of the profile that can be shown or hidden.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Section {
    Personal,
    Contact,
    Education,
    WorkExperience,
    Competences,
    Availability,
    DesiredOccupations,
}

impl Section {
    /// Every section, in profile order.
    pub const ALL: [Section; 7] = [
        Section::Personal,
        Section::Contact,
        Section::Education,
        Section::WorkExperience,
        Section::Competences,
        Section::Availability,
        Section::DesiredOccupations,
    ];
}

/// Which partners may see the profile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum Audience {
    /// All 35 partners.
    #[default]
    AllPartners,
    /// Only these partners (slugs).
    Only {
        /// Admitted partners.
        partners: BTreeSet<String>,
    },
    /// Everyone except these partners ("hide me from my own employer").
    AllExcept {
        /// Excluded partners.
        partners: BTreeSet<String>,
    },
}

impl Audience {
    /// The mode's wire name: `all_partners`, `only` or `all_except`.
    pub fn mode(&self) -> &'static str {
        match self {
            Audience::AllPartners => "all_partners",
            Audience::Only { .. } => "only",
            Audience::AllExcept { .. } => "all_except",
        }
    }

    /// The chosen partners (empty for all partners).
    pub fn partners(&self) -> BTreeSet<String> {
        match self {
            Audience::AllPartners => BTreeSet::new(),
            Audience::Only { partners } | Audience::AllExcept { partners } => partners.clone(),
        }
    }

    /// The same choice of partners under another mode (switching keeps the ticks).
    pub fn with_mode(&self, mode: &str) -> Audience {
        let partners = self.partners();
        match mode {
            "only" => Audience::Only { partners },
            "all_except" => Audience::AllExcept { partners },
            _ => Audience::AllPartners,
        }
    }

    /// Ticks or unticks one partner.
    pub fn set_partner(&mut self, slug: &str, chosen: bool) {
        if let Audience::Only { partners } | Audience::AllExcept { partners } = self {
            if chosen {
                partners.insert(slug.to_owned());
            } else {
                partners.remove(slug);
            }
        }
    }
}

/// The candidate's visibility choices.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct Visibility {
    /// In the candidate bank at all. Off until the candidate turns it on (consent).
    pub listed: bool,
    /// Which partners.
    pub audience: Audience,
    /// Sections hidden from the audience.
    pub hidden_sections: BTreeSet<Section>,
    /// Name, contact details and street address never shown; a pseudonym instead.
    pub anonymous: bool,
}

impl Default for Visibility {
    fn default() -> Self {
        Visibility {
            listed: false,
            audience: Audience::AllPartners,
            hidden_sections: BTreeSet::new(),
            anonymous: false,
        }
    }
}

impl Visibility {
    /// Whether recruiters of `partner` may see the profile at all.
    pub fn admits(&self, partner: &str) -> bool {
        self.listed
            && match &self.audience {
                Audience::AllPartners => true,
                Audience::Only { partners } => partners.contains(partner),
                Audience::AllExcept { partners } => !partners.contains(partner),
            }
    }

    /// Whether `section` is shown to an admitted partner.
    pub fn shows(&self, section: Section) -> bool {
        let anonymous_contact = self.anonymous && section == Section::Contact;
        !self.hidden_sections.contains(&section) && !anonymous_contact
    }

    /// How many of the 35 partners see the profile.
    pub fn audience_size(&self) -> usize {
        crate::partner::Partner::all().iter().filter(|p| self.admits(&p.slug)).count()
    }

    /// Unknown partners or an empty "only" list are refused.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        match &self.audience {
            Audience::AllPartners => {}
            Audience::Only { partners } | Audience::AllExcept { partners } => {
                if partners.iter().any(|p| !is_partner_slug(p)) {
                    errors.push(FieldError::new("audience.partners", ErrorCode::UnknownPartner));
                }
                if matches!(self.audience, Audience::Only { .. }) && partners.is_empty() {
                    errors.push(FieldError::new("audience.partners", ErrorCode::Required));
                }
            }
        }
        errors
    }
}

/// Personal details as a recruiter may see them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonalView {
    /// Full name; absent in anonymous mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Street, number and postcode; absent in anonymous mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Place of residence.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub city: String,
    /// Internal (with employer) or external.
    pub employment: Employment,
}

/// A candidate exactly as one partner's recruiters see it. Hidden sections are absent, not
/// empty: the response does not even say that they exist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CandidateView {
    /// Opaque reference, different for every partner (no cross-partner linking).
    pub reference: String,
    /// Full name, or the pseudonym in anonymous mode.
    pub display_name: String,
    /// Whether the candidate chose anonymous mode.
    pub anonymous: bool,
    /// Personal details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personal: Option<PersonalView>,
    /// Contact details (never in anonymous mode).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
    /// Educations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub education: Option<Vec<Education>>,
    /// Jobs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_experience: Option<Vec<WorkExperience>>,
    /// Competences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub competences: Option<Vec<String>>,
    /// Availability.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability: Option<Availability>,
    /// Desired occupations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desired_occupations: Option<Vec<String>>,
}

impl CandidateView {
    /// The sections this view shows, for the disclosure log.
    pub fn sections(&self) -> Vec<Section> {
        let present = [
            self.personal.is_some(),
            self.contact.is_some(),
            self.education.is_some(),
            self.work_experience.is_some(),
            self.competences.is_some(),
            self.availability.is_some(),
            self.desired_occupations.is_some(),
        ];
        Section::ALL.into_iter().zip(present).filter(|(_, p)| *p).map(|(s, _)| s).collect()
    }

    /// Whether every word of `query` occurs in what this view shows (case-insensitive).
    /// Built on the view, so a hidden field can never make a candidate match.
    pub fn matches(&self, query: &str) -> bool {
        let haystack = visible_text(self).to_lowercase();
        query.split_whitespace().all(|word| haystack.contains(&word.to_lowercase()))
    }
}

/// The text values the view shows, joined; the reference is not searchable.
fn visible_text(view: &CandidateView) -> String {
    let mut parts: Vec<String> = vec![view.display_name.clone()];
    if let Some(p) = &view.personal {
        parts.extend(p.name.clone());
        parts.extend(p.address.clone());
        parts.push(p.city.clone());
        if let Employment::Internal { partner } = &p.employment {
            parts.push(partner.clone());
        }
    }
    if let Some(c) = &view.contact {
        parts.extend([c.email.clone(), c.phone.clone()]);
    }
    for e in view.education.iter().flatten() {
        parts.extend([e.institution.clone(), e.field.clone()]);
    }
    for w in view.work_experience.iter().flatten() {
        parts.extend([w.job_title.clone(), w.employer.clone(), w.tasks.clone()]);
    }
    parts.extend(view.competences.iter().flatten().cloned());
    parts.extend(view.desired_occupations.iter().flatten().cloned());
    parts.join("\n")
}

/// What recruiters of `partner` receive about a candidate, or `None` when the candidate is
/// not visible to that partner. `reference` and `pseudonym` are the server's per-partner
/// opaque identifiers for this candidate.
pub fn recruiter_view(
    profile: &Profile,
    visibility: &Visibility,
    partner: &str,
    reference: &str,
    pseudonym: &str,
) -> Option<CandidateView> {
    if !visibility.admits(partner) {
        return None;
    }
    let shows = |s| visibility.shows(s);
    let p = &profile.personal;
    let anonymous = visibility.anonymous;
    let address = {
        let number = format!("{}{}", p.house_number.trim(), p.house_number_addition.trim());
        let line = [p.street.trim(), number.as_str(), p.postcode.trim()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        (!line.is_empty()).then_some(line)
    };
    let display_name = if anonymous || !shows(Section::Personal) { pseudonym.to_owned() } else { p.full_name() };
    Some(CandidateView {
        reference: reference.to_owned(),
        display_name,
        anonymous,
        personal: shows(Section::Personal).then(|| PersonalView {
            name: (!anonymous).then(|| p.full_name()),
            address: if anonymous { None } else { address },
            city: p.city.clone(),
            employment: p.employment.clone(),
        }),
        contact: shows(Section::Contact).then(|| profile.contact.clone()),
        education: shows(Section::Education).then(|| profile.education.clone()),
        work_experience: shows(Section::WorkExperience).then(|| profile.work_experience.clone()),
        competences: shows(Section::Competences).then(|| profile.competences.clone()),
        availability: shows(Section::Availability).then(|| profile.availability.clone()),
        desired_occupations: shows(Section::DesiredOccupations).then(|| profile.desired_occupations.clone()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audience_choices() {
        let mut v = Visibility { listed: true, ..Visibility::default() };
        assert_eq!(v.audience_size(), 35);
        v.audience = v.audience.with_mode("all_except");
        v.audience.set_partner("kerkrade", true);
        assert_eq!(v.audience_size(), 34);
        assert!(!v.admits("kerkrade") && v.admits("brunssum"));
        v.audience = v.audience.with_mode("only");
        assert_eq!(v.audience.partners(), BTreeSet::from(["kerkrade".to_owned()]), "ticks survive a mode switch");
        assert_eq!(v.audience_size(), 1);
        v.audience.set_partner("kerkrade", false);
        assert_eq!(v.validate(), vec![FieldError::new("audience.partners", ErrorCode::Required)]);
        v.listed = false;
        v.audience = Audience::AllPartners;
        assert_eq!(v.audience_size(), 0, "not listed: nobody");
    }

    #[test]
    fn anonymous_mode_always_hides_contact() {
        let v = Visibility { listed: true, anonymous: true, ..Visibility::default() };
        assert!(!v.shows(Section::Contact));
        assert!(v.shows(Section::Personal));
    }
}
