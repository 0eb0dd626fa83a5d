//! Who sees the profile, and the one function that decides what a partner's recruiters
//! receive: the candidate decides whether the profile is seen, by whom, and how much. The server
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

/// The three audience choices, without their lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AudienceMode {
    /// All 35 partners.
    AllPartners,
    /// Only the ticked partners.
    Only,
    /// Everyone except the ticked partners.
    AllExcept,
}

impl AudienceMode {
    /// Every mode, in the order the page offers them.
    pub const ALL: [AudienceMode; 3] = [AudienceMode::AllPartners, AudienceMode::Only, AudienceMode::AllExcept];

    /// The mode's wire name: `all_partners`, `only` or `all_except`.
    pub fn as_str(self) -> &'static str {
        match self {
            AudienceMode::AllPartners => "all_partners",
            AudienceMode::Only => "only",
            AudienceMode::AllExcept => "all_except",
        }
    }
}

impl Audience {
    /// The mode, without its list.
    pub fn mode(&self) -> AudienceMode {
        match self {
            Audience::AllPartners => AudienceMode::AllPartners,
            Audience::Only { .. } => AudienceMode::Only,
            Audience::AllExcept { .. } => AudienceMode::AllExcept,
        }
    }

    /// The ticked partners (empty for all partners). Their meaning depends on the mode:
    /// admitted for [`Audience::Only`], excluded for [`Audience::AllExcept`].
    pub fn partners(&self) -> BTreeSet<String> {
        match self {
            Audience::AllPartners => BTreeSet::new(),
            Audience::Only { partners } | Audience::AllExcept { partners } => partners.clone(),
        }
    }

    /// Whether this audience includes `partner` (whether the profile is listed aside).
    pub fn includes(&self, partner: &str) -> bool {
        match self {
            Audience::AllPartners => true,
            Audience::Only { partners } => partners.contains(partner),
            Audience::AllExcept { partners } => !partners.contains(partner),
        }
    }

    /// The partners (slugs) this audience includes, in the network's order.
    pub fn included(&self) -> Vec<String> {
        crate::partner::Partner::all().into_iter().map(|p| p.slug).filter(|s| self.includes(s)).collect()
    }

    /// The audience under another mode, with the ticks converted so that exactly the same
    /// partners are included as before: a switch between "only these" and "all except these"
    /// ticks the other partners, and from "all partners" to either list every partner stays
    /// in ("only" starts with all 35 ticked, "all except" with none). Only choosing
    /// [`AudienceMode::AllPartners`] itself widens the audience: that choice says so.
    ///
    /// Keeping the ticks as they were would turn an exclusion into an inclusion: "all except
    /// Kerkrade" would become "only Kerkrade" (issue 10).
    pub fn switch(&self, mode: AudienceMode) -> Audience {
        if mode == self.mode() {
            return self.clone();
        }
        let partners = || crate::partner::Partner::all().into_iter().map(|p| p.slug);
        match mode {
            AudienceMode::AllPartners => Audience::AllPartners,
            AudienceMode::Only => Audience::Only { partners: partners().filter(|s| self.includes(s)).collect() },
            AudienceMode::AllExcept => {
                Audience::AllExcept { partners: partners().filter(|s| !self.includes(s)).collect() }
            }
        }
    }

    /// The audience under another mode, as [`Self::switch`], but remembering across "all
    /// partners": leaving a list for "all partners" keeps who the list included in `memory`,
    /// and coming back to either list includes exactly them again. Without it, arrow keys in
    /// the radio group (which choose every option they pass) turned "all except my employer"
    /// into "all 35" on the way back from "all partners", with the employer included (issue
    /// 24). `memory` belongs to one editing of the page; `None` when nothing was left yet.
    pub fn switch_remembering(&self, mode: AudienceMode, memory: &mut Option<BTreeSet<String>>) -> Audience {
        match (self.mode(), mode) {
            (from, to) if from == to => self.clone(),
            (AudienceMode::AllPartners, _) => match memory {
                Some(included) => Audience::Only { partners: included.clone() }.switch(mode),
                None => self.switch(mode),
            },
            (_, AudienceMode::AllPartners) => {
                *memory = Some(self.included().into_iter().collect());
                Audience::AllPartners
            }
            _ => self.switch(mode),
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

    /// Ticks or unticks every partner.
    pub fn set_all(&mut self, chosen: bool) {
        if let Audience::Only { partners } | Audience::AllExcept { partners } = self {
            *partners = if chosen {
                crate::partner::Partner::all().into_iter().map(|p| p.slug).collect()
            } else {
                BTreeSet::new()
            };
        }
    }
}

/// Who sees the profile, by name, in the shortest form a person can check: the partners
/// that see it when they are the smaller group, otherwise all except the ones that do not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AudienceNames {
    /// The profile is not in the candidate bank: nobody sees it.
    NotListed,
    /// Listed, but no partner is included (an empty "only" list, or every partner excluded).
    Nobody,
    /// All 35 partners.
    All,
    /// Only these partners (names, in the network's order; at most half of the partners).
    Only(Vec<String>),
    /// All partners except these (names, in the network's order; fewer than half of the partners).
    AllExcept(Vec<String>),
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
    /// Sent only when turning `listed` on: the version of the listing consent text
    /// ([`crate::listing`]) the person was shown. The server records it as the consent and
    /// never stores it in the document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consent_text_version: Option<u32>,
}

impl Default for Visibility {
    fn default() -> Self {
        Visibility {
            listed: false,
            audience: Audience::AllPartners,
            hidden_sections: BTreeSet::new(),
            anonymous: false,
            consent_text_version: None,
        }
    }
}

impl Visibility {
    /// Whether recruiters of `partner` may see the profile at all.
    pub fn admits(&self, partner: &str) -> bool {
        self.listed && self.audience.includes(partner)
    }

    /// The same visibility with another audience mode; see [`Audience::switch`]: no partner
    /// that does not see the profile now sees it after the switch, unless the new mode is
    /// "all partners".
    pub fn switch_audience(&mut self, mode: AudienceMode) {
        self.audience = self.audience.switch(mode);
    }

    /// The same visibility with another audience mode, remembering the list across "all
    /// partners" (see [`Audience::switch_remembering`]): what the page does on every change
    /// of the radio group.
    pub fn switch_audience_remembering(&mut self, mode: AudienceMode, memory: &mut Option<BTreeSet<String>>) {
        self.audience = self.audience.switch_remembering(mode, memory);
    }

    /// Who sees the profile, by name (for the line "Zichtbaar voor: …").
    pub fn audience_names(&self) -> AudienceNames {
        if !self.listed {
            return AudienceNames::NotListed;
        }
        let (admitted, excluded): (Vec<_>, Vec<_>) =
            crate::partner::Partner::all().into_iter().partition(|p| self.audience.includes(&p.slug));
        let names = |ps: Vec<crate::partner::Partner>| ps.into_iter().map(|p| p.name).collect::<Vec<_>>();
        if admitted.is_empty() {
            AudienceNames::Nobody
        } else if excluded.is_empty() {
            AudienceNames::All
        } else if admitted.len() <= excluded.len() {
            AudienceNames::Only(names(admitted))
        } else {
            AudienceNames::AllExcept(names(excluded))
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
    /// Street, number and postcode: part of the contact details, so present only when the
    /// candidate shows those (never in anonymous mode). Otherwise the place of residence is
    /// all a recruiter learns of where the candidate lives.
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

    /// Whether every word of `query` begins a word of what this view shows
    /// (case-insensitive; words as [`search_words`] splits them). Built on the view, so a
    /// hidden field can never make a candidate match. The server's full-text index answers
    /// the same question from [`CandidateView::search_text`] (docs/storage.md).
    pub fn matches(&self, query: &str) -> bool {
        let words = search_words(&self.search_text());
        search_words(query).iter().all(|q| words.iter().any(|w| w.starts_with(q.as_str())))
    }

    /// The searchable words of what this view shows, lowercase, separated by spaces: what
    /// the server's full-text index holds for the candidate. Neither the reference nor the
    /// pseudonym is in it, so the text is the same for every partner the candidate admits.
    /// A word that starts with digits is also found by the rest (a house number with its
    /// addition, `7a` → `7a` and `a`).
    pub fn search_text(&self) -> String {
        let mut words = Vec::new();
        for word in search_words(&visible_text(self)) {
            let rest = word.trim_start_matches(|c: char| c.is_ascii_digit());
            let rest = (!rest.is_empty() && rest.len() < word.len()).then(|| rest.to_owned());
            words.push(word);
            words.extend(rest);
        }
        words.join(" ")
    }
}

/// A text's search words: lowercase runs of letters and digits; everything else separates
/// (`"E-mail: a.b@x.nl"` → `e`, `mail`, `a`, `b`, `x`, `nl`). Queries and the stored text
/// are split by this one function, on every backend.
pub fn search_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// The text values the view shows, joined; neither the reference nor the pseudonym (the
/// display name when the name is not shown) is searchable.
fn visible_text(view: &CandidateView) -> String {
    let mut parts: Vec<String> = Vec::new();
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
            // The home address goes with the contact details: without them, the place of
            // residence is all a recruiter sees (`shows(Contact)` is false when anonymous).
            address: if shows(Section::Contact) { address } else { None },
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
    use crate::partner::Partner;

    fn listed(audience: Audience) -> Visibility {
        Visibility { listed: true, audience, ..Visibility::default() }
    }

    fn set(slugs: &[&str]) -> BTreeSet<String> {
        slugs.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn audience_choices() {
        let mut v = listed(Audience::AllPartners);
        assert_eq!(v.audience_size(), 35);
        v.switch_audience(AudienceMode::AllExcept);
        assert_eq!(v.audience, Audience::AllExcept { partners: BTreeSet::new() }, "all partners stay in");
        v.audience.set_partner("kerkrade", true);
        assert_eq!(v.audience_size(), 34);
        assert!(!v.admits("kerkrade") && v.admits("brunssum"));
        v.audience.set_all(false);
        v.switch_audience(AudienceMode::Only);
        assert_eq!(v.audience.partners().len(), 35, "from all partners, everyone stays ticked");
        v.audience.set_all(false);
        assert_eq!(v.validate(), vec![FieldError::new("audience.partners", ErrorCode::Required)]);
        v.listed = false;
        v.audience = Audience::AllPartners;
        assert_eq!(v.audience_size(), 0, "not listed: nobody");
    }

    /// Issue 10: "all except Kerkrade" switched to "only the ones I choose" showed the
    /// profile to Kerkrade alone — the employer the candidate hid from.
    #[test]
    fn switching_to_only_never_includes_an_excluded_partner() {
        let mut v = listed(Audience::AllExcept { partners: set(&["kerkrade"]) });
        v.switch_audience(AudienceMode::Only);
        assert!(!v.admits("kerkrade"), "Kerkrade stays excluded");
        assert_eq!(v.audience_size(), 34, "the same 34 partners see it");
        assert!(!v.audience.partners().contains("kerkrade"));
        v.switch_audience(AudienceMode::AllExcept);
        assert_eq!(v.audience, Audience::AllExcept { partners: set(&["kerkrade"]) }, "back and forth loses nothing");
    }

    #[test]
    fn switching_from_only_to_all_except_excludes_everyone_not_chosen() {
        let mut v = listed(Audience::Only { partners: set(&["beek", "brunssum"]) });
        v.switch_audience(AudienceMode::AllExcept);
        assert_eq!(v.audience_size(), 2);
        assert!(v.admits("beek") && v.admits("brunssum") && !v.admits("kerkrade"));
        v.switch_audience(AudienceMode::AllPartners);
        assert_eq!(v.audience_size(), 35, "all partners is the one choice that widens");
    }

    #[test]
    fn audience_names_pick_the_shorter_description() {
        let mut v = listed(Audience::AllExcept { partners: set(&["kerkrade"]) });
        assert_eq!(v.audience_names(), AudienceNames::AllExcept(vec!["Gemeente Kerkrade".to_owned()]));
        v.switch_audience(AudienceMode::Only);
        assert_eq!(
            v.audience_names(),
            AudienceNames::AllExcept(vec!["Gemeente Kerkrade".to_owned()]),
            "same audience, same words"
        );
        v.audience = Audience::Only { partners: set(&["brunssum", "beek"]) };
        assert_eq!(
            v.audience_names(),
            AudienceNames::Only(vec!["Gemeente Beek".to_owned(), "Gemeente Brunssum".to_owned()])
        );
        v.audience = Audience::Only { partners: BTreeSet::new() };
        assert_eq!(v.audience_names(), AudienceNames::Nobody);
        v.audience.set_all(true);
        assert_eq!(v.audience_names(), AudienceNames::All);
        v.switch_audience(AudienceMode::AllExcept);
        v.audience.set_all(true);
        assert_eq!(v.audience_names(), AudienceNames::Nobody);
        v.listed = false;
        assert_eq!(v.audience_names(), AudienceNames::NotListed);
        // Half or fewer are named as they are; more than half by who is left out.
        let first17: Vec<String> = Partner::all().into_iter().take(17).map(|p| p.slug).collect();
        let v = listed(Audience::Only { partners: first17.iter().cloned().collect() });
        assert!(matches!(v.audience_names(), AudienceNames::Only(n) if n.len() == 17));
        let v = listed(Audience::AllExcept { partners: first17.into_iter().collect() });
        assert!(matches!(v.audience_names(), AudienceNames::AllExcept(n) if n.len() == 17));
    }

    #[test]
    fn anonymous_mode_always_hides_contact() {
        let v = Visibility { listed: true, anonymous: true, ..Visibility::default() };
        assert!(!v.shows(Section::Contact));
        assert!(v.shows(Section::Personal));
    }
}
