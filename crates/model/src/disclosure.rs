//! The disclosure log: which partner saw the profile, when, and what — the recipients a
//! person has the right to know (GDPR art. 15(1)(c)).

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::partner::Partner;
use crate::visibility::{CandidateView, Section};

/// How the profile reached the partner.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DisclosureKind {
    /// A recruiter opened the profile.
    Opened,
    /// The profile appeared in a recruiter's list or search results.
    SearchResult,
    /// A privacy staff member opened the person's request (with their e-mail address).
    PrivacyRequest,
    /// A privacy staff member looked at the person's data to handle their request.
    PrivacyRequestData,
    /// Academy staff saw the person on a training's list of participants.
    AcademyRoster,
}

impl DisclosureKind {
    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            DisclosureKind::Opened => "opened",
            DisclosureKind::SearchResult => "search_result",
            DisclosureKind::PrivacyRequest => "privacy_request",
            DisclosureKind::PrivacyRequestData => "privacy_request_data",
            DisclosureKind::AcademyRoster => "academy_roster",
        }
    }

    /// Whether staff of IGOM, not a partner's recruiter, saw the data.
    pub fn by_staff(self) -> bool {
        !matches!(self, DisclosureKind::Opened | DisclosureKind::SearchResult)
    }

    /// The organisation whose staff see data this way (for staff kinds), shown where a
    /// recruiter's partner is.
    pub fn staff_organisation(self) -> Option<Partner> {
        let (slug, name) = match self {
            DisclosureKind::Opened | DisclosureKind::SearchResult => return None,
            DisclosureKind::PrivacyRequest | DisclosureKind::PrivacyRequestData => {
                ("stuurgroep-igom", "Stuurgroep IGOM (privacymedewerker, uitvoering RMC IGOM)")
            }
            DisclosureKind::AcademyRoster => ("igom-academie", "IGOM-Academie (medewerker)"),
        };
        Some(Partner { slug: slug.to_owned(), name: name.to_owned() })
    }

    /// The kind stored as `s`.
    pub fn parse(s: &str) -> Option<Self> {
        [
            DisclosureKind::Opened,
            DisclosureKind::SearchResult,
            DisclosureKind::PrivacyRequest,
            DisclosureKind::PrivacyRequestData,
            DisclosureKind::AcademyRoster,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// One entry of the log: what one partner saw of the profile on one day, in one way, and
/// A partner told that the person withdrew the profile: its recruiters had opened it in the
/// last 12 months, and their reference now answers "withdrawn" (`GET /api/me/withdrawals`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WithdrawalTold {
    /// The partner organisation.
    pub partner: String,
    /// When.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub at: OffsetDateTime,
}

/// how often (a recruiter repeating a search adds to the count, not to the log).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Disclosure {
    /// The partner whose recruiter saw it.
    pub partner: Partner,
    /// When (the last time that day).
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub at: OffsetDateTime,
    /// The first time that day.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub first_at: OffsetDateTime,
    /// How many times that day.
    pub count: u32,
    /// Opened or listed.
    pub kind: DisclosureKind,
    /// The sections that were shown.
    pub sections: Vec<Section>,
}

/// Most entries of the log in one page.
pub const DISCLOSURES_PER_PAGE: u32 = 50;

/// `GET /api/me/disclosures?page=N`: one page of the log, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DisclosurePage {
    /// The entries of this page.
    pub entries: Vec<Disclosure>,
    /// This page's number (from 1).
    pub page: u32,
    /// Entries per page.
    pub per_page: u32,
    /// Entries in the whole log.
    pub total: u64,
}

/// `GET /api/recruiter/candidates`: the partner's compartment of the candidate bank.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CandidateList {
    /// How many candidates match (only candidates visible to this partner count), counted
    /// up to [`CANDIDATES_COUNTED`]: more than that gives that number and `more`.
    pub total: usize,
    /// Whether more candidates match than `total` says.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub more: bool,
    /// The candidates, as this partner may see them: one page, in the order of their
    /// (opaque, per-partner) references.
    pub candidates: Vec<CandidateView>,
    /// When there are more: the `after` of the next page (the last reference of this one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// Candidates per page of `GET /api/recruiter/candidates` unless `per_page` says otherwise.
pub const CANDIDATES_PER_PAGE: usize = 50;
/// Matches are counted up to this number ("more than 1000"): counting every one of tens of
/// thousands for each page would cost more than finding the page.
pub const CANDIDATES_COUNTED: usize = 1000;
/// The most candidates one page may hold.
pub const CANDIDATES_MAX_PER_PAGE: usize = 200;

/// `GET /api/me/visibility/preview/{partner}`: the profile exactly as that partner's
/// recruiters receive it now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Preview {
    /// The partner.
    pub partner: Partner,
    /// What its recruiters receive; absent when the profile is not visible to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view: Option<CandidateView>,
}
