//! The processing register (verwerkingsregister): every processing activity the portal
//! touches, with the columns of a record of processing activities (GDPR art. 30) and W3C
//! DPV terms. One source — the data file
//! `register/verwerkingsregister.json` — for the UI ("Mijn gegevens"), the export and the
//! documentation.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// A text in Dutch and English.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Text {
    /// Nederlands.
    pub nl: String,
    /// English.
    pub en: String,
}

/// The legal basis of a processing activity (AVG art. 6(1) a–f).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LegalBasis {
    /// E.g. "AVG art. 6 lid 1 sub a".
    pub article: String,
    /// W3C DPV term, e.g. `eu-gdpr:A6-1-a`.
    pub dpv: String,
    /// Why this basis applies.
    pub explanation: Text,
}

/// One processing activity (a row of the register).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Activity {
    /// Stable id (`candidate_bank`, `academy`, `newsletter`, `disclosure_log`, `account_security`).
    pub id: String,
    /// Naam verwerking.
    pub name: Text,
    /// Eindverantwoordelijke.
    pub controller: String,
    /// Verwerkingsdoeleinden.
    pub purpose: Text,
    /// The purpose as a W3C DPV term (e.g. `dpv:PersonnelHiring`).
    pub purpose_dpv: String,
    /// Rechtmatige grondslag, with its explanation.
    pub legal_basis: LegalBasis,
    /// Categorieën van betrokkenen.
    pub subjects: Text,
    /// Categorieën van persoonsgegevens.
    pub data_categories: Text,
    /// Bijzondere persoonsgegevens (none, by design).
    pub special_categories: Text,
    /// Categorieën van ontvangers.
    pub recipients: Text,
    /// Doorgiften aan een derde land.
    pub third_country_transfers: Text,
    /// Bewaartermijn.
    pub retention: Text,
    /// Herkomst gegevens.
    pub origin: Text,
}

/// The register, parsed once from the data file compiled into the binary.
pub fn register() -> &'static [Activity] {
    static REGISTER: OnceLock<Vec<Activity>> = OnceLock::new();
    REGISTER.get_or_init(|| {
        serde_json::from_str(include_str!("../register/verwerkingsregister.json"))
            .expect("the register data file parses")
    })
}

/// The activity with `id`.
pub fn activity(id: &str) -> Option<&'static Activity> {
    register().iter().find(|a| a.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_register_is_complete_and_uses_dpv() {
        let ids: Vec<&str> = register().iter().map(|a| a.id.as_str()).collect();
        assert_eq!(
            ids,
            ["candidate_bank", "disclosure_log", "academy", "newsletter", "transfers", "requests", "account_security"]
        );
        for a in register() {
            assert!(a.purpose_dpv.starts_with("dpv:"), "{}", a.id);
            assert!(a.legal_basis.dpv.starts_with("eu-gdpr:A6-1-"), "{}", a.id);
            assert!(a.legal_basis.article.starts_with("AVG art. 6 lid 1 sub "), "{}", a.id);
            assert_eq!(a.special_categories.nl, "Geen", "no special categories of personal data (GDPR art. 9)");
            for t in [&a.name, &a.purpose, &a.subjects, &a.data_categories, &a.recipients, &a.retention, &a.origin] {
                assert!(!t.nl.is_empty() && !t.en.is_empty(), "{}", a.id);
            }
        }
        assert_eq!(activity("newsletter").unwrap().purpose_dpv, "dpv:DirectMarketing");
        assert_eq!(activity("academy").unwrap().purpose_dpv, "dpv:ProfessionalTraining");
        assert_eq!(activity("candidate_bank").unwrap().purpose_dpv, "dpv:PersonnelHiring");
    }
}
