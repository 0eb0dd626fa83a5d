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
    /// Eindverantwoordelijke: the member organisations as joint controllers, with the
    /// steering group as coordinator.
    pub controller: Text,
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
    /// The retention as a rule (with the default periods; the server applies its
    /// configuration): the page's dates and the retention job both follow it. An export
    /// made before rules were kept reads as "with the account" (a test checks that the
    /// register's own data file names a rule for every entry).
    #[serde(default = "crate::retention::Retention::with_account")]
    pub retention_rule: crate::retention::Retention,
    /// Parts of the data that go sooner than the rule says, each by its own clock (the
    /// retention job enforces exactly these; the text above says the same).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retention_limits: Vec<crate::retention::Limit>,
    /// Herkomst gegevens.
    pub origin: Text,
    /// Where to read more (a processor's privacy statement, say).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
}

/// A link to read more.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Link {
    /// What it is.
    pub label: Text,
    /// An `https://` address.
    pub url: String,
}

/// `GET /api/contact`: where people send privacy questions and requests. The server's
/// `--privacy-email` is the one place it is defined.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Contact {
    /// The privacy contact's e-mail address.
    pub privacy_email: String,
    /// The data protection officer's e-mail address (`--dpo-email`), if the network gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpo_email: Option<String>,
}

/// The register, parsed once from the data file compiled into the binary.
pub fn register() -> &'static [Activity] {
    static REGISTER: OnceLock<Vec<Activity>> = OnceLock::new();
    REGISTER.get_or_init(|| {
        serde_json::from_str(include_str!("../register/verwerkingsregister.json"))
            .expect("the register data file parses")
    })
}

/// Who is responsible (the same for every activity: a test says so): the member
/// organisations as joint controllers, the steering group as coordinator.
pub fn controller() -> &'static Text {
    &register()[0].controller
}

/// Organisations that handle people's data for the network, as a text may name them.
pub const ORGANISATIONS: &[&str] =
    &["Solvus", "Liram", "Mad Mimi", "GoDaddy", "The Solution Factory", "Gilde BT", "Start People", "Oburon"];

/// What in a text for people (a page, a mail) disagrees with the register, if anything: an
/// organisation the register does not list as a recipient, another controller than the
/// register's, or an article number of a law (docs/security.md "The register tells the
/// truth"). The register itself is checked by its own tests.
pub fn untrue_in(text: &str) -> Option<String> {
    let recipients: String = register().iter().map(|a| format!("{} {} ", a.recipients.nl, a.recipients.en)).collect();
    if let Some(name) = ORGANISATIONS.iter().find(|n| text.contains(**n) && !recipients.contains(**n)) {
        return Some(format!("names {name}, which the register does not list"));
    }
    let lower = text.to_lowercase();
    for wrong in ["stuurgroep igom is verantwoordelijk", "steering group is responsible", "igom is verantwoordelijk"] {
        if lower.contains(wrong) {
            return Some(format!("says \"{wrong}\": the member organisations are the controllers"));
        }
    }
    for word in ["art. ", "artikel ", "article "] {
        if lower.match_indices(word).any(|(i, _)| lower[i + word.len()..].starts_with(|c: char| c.is_ascii_digit())) {
            return Some(format!("cites an article (\"{}\")", word.trim()));
        }
    }
    None
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
            [
                "candidate_bank",
                "disclosure_log",
                "academy",
                "newsletter",
                "transfers",
                "requests",
                "breach_notices",
                "account_security"
            ]
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
        assert_eq!(
            activity("disclosure_log").unwrap().purpose_dpv,
            "dpv:RightsFulfillment",
            "transparency to the person"
        );
    }

    fn basis(id: &str) -> &'static str {
        activity(id).unwrap().legal_basis.dpv.as_str()
    }

    /// The legal bases as the network's privacy policy states them: services to a person rest
    /// on that person's consent (the academy too); the agreement is between IGOM and its
    /// members, never with the person. Public bodies cannot rest their tasks on legitimate
    /// interest (6(1)(f)).
    #[test]
    fn untrue_words_are_found() {
        assert_eq!(untrue_in("Je krijgt binnen een maand antwoord."), None);
        assert_eq!(untrue_in("Mad Mimi verstuurt de nieuwsflits, via Liram."), None);
        assert!(untrue_in("Oburon krijgt je naam.").is_some(), "not a recipient in the register");
        assert!(untrue_in("De Stuurgroep IGOM is verantwoordelijk voor je gegevens.").is_some());
        assert!(untrue_in("Dat is je recht (AVG art. 15).").is_some());
        assert!(untrue_in("See GDPR Article 20.").is_some());
        assert_eq!(untrue_in("Een artikel over werk."), None, "an article that is not a law's");
    }

    #[test]
    fn legal_bases_are_the_ones_a_public_network_may_use() {
        for id in ["candidate_bank", "academy", "newsletter"] {
            assert_eq!(basis(id), "eu-gdpr:A6-1-a", "{id} is a service to the person: consent");
        }
        for a in register() {
            assert_ne!(a.legal_basis.dpv, "eu-gdpr:A6-1-f", "{}: no legitimate interest for a public body", a.id);
            assert_ne!(a.legal_basis.dpv, "eu-gdpr:A6-1-b", "{}: the person has no contract with IGOM", a.id);
            let lid = a.legal_basis.dpv.rsplit('-').next().unwrap();
            assert!(a.legal_basis.article.ends_with(&format!("sub {lid}")), "{}: article and DPV term agree", a.id);
        }
        assert_eq!(basis("account_security"), "eu-gdpr:A6-1-c");
        let academy = activity("academy").unwrap();
        assert!(academy.legal_basis.explanation.nl.contains("Stoppen als cursist"), "stopping is the withdrawal");
        // Everyone whose data it holds is among its subjects: the manager a participant names too.
        assert!(academy.subjects.nl.contains("toestemming") && academy.subjects.nl.contains("leidinggevende"));
        assert!(academy.subjects.en.contains("consent") && academy.subjects.en.contains("manager"));
    }

    /// Joint controllers with the steering group as coordinator; every recipient named.
    #[test]
    fn controllers_and_recipients_are_complete() {
        for a in register() {
            assert!(a.controller.nl.contains("35 aangesloten organisaties"), "{}", a.id);
            assert!(a.controller.nl.contains("gezamenlijk verantwoordelijk"), "{}", a.id);
            assert!(a.controller.nl.contains("Stuurgroep IGOM is de regisseur"), "{}", a.id);
            assert!(a.controller.en.contains("joint controllers"), "{}", a.id);
            assert!(a.recipients.nl.contains("The Solution Factory"), "{}: the hosting party", a.id);
            if a.id != "transfers" {
                assert!(a.recipients.nl.contains("RMC IGOM"), "{}: the back office", a.id);
            }
        }
        let bank = &activity("candidate_bank").unwrap().recipients.nl;
        assert!(bank.contains("mobiliteitsoverleg"), "{bank}");
        assert!(bank.contains("adres zien ze alleen als je ook je contactgegevens laat zien"), "{bank}");
        let mail = activity("newsletter").unwrap();
        assert!(mail.recipients.nl.contains("Mad Mimi"));
        assert!(
            mail.third_country_transfers.nl.starts_with("Ja.")
                && mail.third_country_transfers.nl.contains("Verenigde Staten")
        );
        assert_eq!(mail.links.len(), 1);
        assert!(mail.links[0].url.starts_with("https://"));
        let academy = activity("academy").unwrap();
        assert!(academy.retention.nl.contains("10 jaar nadat je uit dienst bent gegaan"), "{}", academy.retention.nl);
        for a in register().iter().filter(|a| a.id != "newsletter") {
            assert_eq!(a.third_country_transfers.nl, "Nee", "{}", a.id);
        }
    }

    /// Every entry of the data file names its retention rule (the default is only for
    /// exports made before rules were kept).
    #[test]
    fn every_entry_names_its_retention_rule() {
        let file: Vec<serde_json::Value> =
            serde_json::from_str(include_str!("../register/verwerkingsregister.json")).unwrap();
        for entry in &file {
            assert!(entry.get("retention_rule").is_some(), "{}", entry["id"]);
        }
        assert_eq!(file.len(), register().len());
    }

    /// Purposes and explanations speak to the person; they never cite articles or documents.
    #[test]
    fn texts_for_people_cite_no_articles() {
        for a in register() {
            for t in [&a.purpose, &a.legal_basis.explanation, &a.recipients, &a.retention, &a.data_categories] {
                for text in [&t.nl, &t.en] {
                    for cite in ["art.", "artikel", "lid ", "AVG", "GDPR", "seed", "Privacybeleid"] {
                        assert!(!text.contains(cite), "{}: {cite:?} in {text}", a.id);
                    }
                }
            }
        }
    }
}
