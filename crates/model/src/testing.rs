//! Test support shared by the model's and the server's property tests: profiles whose every
//! text is a unique canary, and random visibility choices over the 35 partners.
#![allow(missing_docs)]

use std::collections::BTreeSet;

use proptest::prelude::*;

use crate::profile::{Availability, Contact, Education, Employment, Personal, WorkExperience};
use crate::{Audience, Partner, Profile, Section, Visibility};

/// A profile field's canary and whether anonymous mode hides it.
pub struct Canary {
    pub value: String,
    pub section: Section,
    pub identifying: bool,
    /// Part of the home address: shown only together with the contact details.
    pub home_address: bool,
}

impl Canary {
    /// Whether a recruiter admitted under `vis` may see this value.
    pub fn shown(&self, vis: &Visibility) -> bool {
        vis.shows(self.section)
            && !(vis.anonymous && self.identifying)
            && (!self.home_address || vis.shows(Section::Contact))
    }
}

pub fn canary_profile(
    salt: u64,
    n_education: usize,
    n_work: usize,
    n_comp: usize,
    n_occ: usize,
    internal: Option<String>,
) -> (Profile, Vec<Canary>) {
    let mut canaries = Vec::new();
    let mut push = |section: Section, identifying: bool, home_address: bool| {
        let value = format!("cnry{:x}q{}z", salt, canaries.len());
        canaries.push(Canary { value: value.clone(), section, identifying, home_address });
        value
    };
    let street = push(Section::Personal, true, true);
    let house_number_addition = push(Section::Personal, true, true);
    let postcode = push(Section::Personal, true, true);
    let mut next = |section: Section, identifying: bool| push(section, identifying, false);
    let personal = Personal {
        first_name: next(Section::Personal, true),
        tussenvoegsel: next(Section::Personal, true),
        last_name: next(Section::Personal, true),
        street,
        house_number: "7".into(),
        house_number_addition,
        postcode,
        city: next(Section::Personal, false),
        employment: internal.map_or(Employment::External, |partner| Employment::Internal { partner }),
    };
    let contact = Contact { email: next(Section::Contact, true), phone: next(Section::Contact, true) };
    let education = (0..n_education)
        .map(|_| Education {
            institution: next(Section::Education, false),
            field: next(Section::Education, false),
            ..Default::default()
        })
        .collect();
    let work_experience = (0..n_work)
        .map(|_| WorkExperience {
            job_title: next(Section::WorkExperience, false),
            employer: next(Section::WorkExperience, false),
            tasks: next(Section::WorkExperience, false),
            ..Default::default()
        })
        .collect();
    let competences = (0..n_comp).map(|_| next(Section::Competences, false)).collect();
    let desired_occupations = (0..n_occ).map(|_| next(Section::DesiredOccupations, false)).collect();
    let profile = Profile {
        personal,
        contact,
        education,
        work_experience,
        competences,
        availability: Availability { max_travel_km: Some(25), ..Default::default() },
        desired_occupations,
    };
    (profile, canaries)
}

pub fn slugs() -> Vec<String> {
    Partner::all().into_iter().map(|p| p.slug).collect()
}

pub fn partner_set() -> impl Strategy<Value = BTreeSet<String>> {
    proptest::sample::subsequence(slugs(), 0..=35).prop_map(|v| v.into_iter().collect())
}

pub fn visibility() -> impl Strategy<Value = Visibility> {
    let audience = prop_oneof![
        Just(Audience::AllPartners),
        partner_set().prop_map(|partners| Audience::Only { partners }),
        partner_set().prop_map(|partners| Audience::AllExcept { partners }),
    ];
    let hidden = proptest::sample::subsequence(Section::ALL.to_vec(), 0..=7).prop_map(|v| v.into_iter().collect());
    (prop::bool::weighted(0.85), audience, hidden, any::<bool>()).prop_map(
        |(listed, audience, hidden_sections, anonymous)| Visibility {
            listed,
            audience,
            hidden_sections,
            anonymous,
            consent_text_version: None,
        },
    )
}
