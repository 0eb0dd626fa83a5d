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
    /// About the portal's staff and recruiters only (their accounts and the administration's
    /// log), never about a candidate or participant: not in a person's retention dates or
    /// export.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub staff_only: bool,
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

/// One version of the register in its changelog (`register/wijzigingen.json`, next to the
/// data file): what changed, in words for people. The last entry is the register's version; a
/// test checks that its `sha256` is the data file's, so the register cannot change without a
/// new entry (docs/security.md "Register changes are told").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegisterChange {
    /// The register's version, counting from 1.
    pub version: u32,
    /// The day of the change, `YYYY-MM-DD`.
    #[cfg_attr(feature = "openapi", schema(format = Date))]
    pub date: String,
    /// SHA-256 (hex) of the data file as it was in this version.
    pub sha256: String,
    /// Whether a purpose or a recipient was added (account holders are then mailed too).
    pub adds_purpose_or_recipient: bool,
    /// What changed, for people.
    pub summary: Text,
}

/// The register's changelog, oldest first.
pub fn changes() -> &'static [RegisterChange] {
    static CHANGES: OnceLock<Vec<RegisterChange>> = OnceLock::new();
    CHANGES.get_or_init(|| {
        serde_json::from_str(include_str!("../register/wijzigingen.json")).expect("the register changelog parses")
    })
}

/// The register's version now: its changelog's last entry.
pub fn version() -> u32 {
    changes().last().map_or(0, |c| c.version)
}

/// The changes after `version`, oldest first.
pub fn changes_since(version: u32) -> &'static [RegisterChange] {
    let all = changes();
    let from = all.iter().position(|c| c.version > version).unwrap_or(all.len());
    &all[from..]
}

/// The version in force on `date` (`YYYY-MM-DD`): the last one changed on or before it; 0
/// before the first. For accounts made before versions were kept with them.
pub fn version_on(date: &str) -> u32 {
    changes().iter().filter(|c| c.date.as_str() <= date).map(|c| c.version).max().unwrap_or(0)
}

/// The last version that added a purpose or a recipient (0 when none did).
pub fn last_addition() -> u32 {
    changes().iter().filter(|c| c.adds_purpose_or_recipient).map(|c| c.version).max().unwrap_or(0)
}

/// Which consent a [`ConsentChange`] is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ConsentKind {
    /// The newsletter (nieuwsflits).
    Newsletter,
    /// Being listed in the candidate bank.
    Listing,
}

/// A consent text that changed after the person agreed to an older one. Their consent holds
/// under the text they agreed to until they agree again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConsentChange {
    /// Which consent.
    pub consent: ConsentKind,
    /// The version of the text the person agreed to.
    pub agreed_version: u32,
    /// The version shown now.
    pub current_version: u32,
    /// What changed since, oldest first.
    pub changes: Vec<Text>,
}

/// The change of a consent whose texts are `texts` (oldest first, the last current), for a
/// person who agreed to `agreed` and was last told about `seen`: `None` when there is nothing
/// new to tell.
pub fn consent_change(
    consent: ConsentKind,
    texts: &[crate::newsletter::ConsentText],
    agreed: u32,
    seen: u32,
) -> Option<ConsentChange> {
    let current = texts.last()?.version;
    let since = agreed.max(seen);
    if since >= current {
        return None;
    }
    let changes = texts
        .iter()
        .filter(|t| t.version > since)
        .filter_map(|t| t.what_changed)
        .map(|(nl, en)| Text { nl: nl.to_owned(), en: en.to_owned() })
        .collect();
    Some(ConsentChange { consent, agreed_version: agreed, current_version: current, changes })
}

/// `GET /api/me/register-changes`: what changed since the person was last told.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegisterNotice {
    /// The register's version now.
    pub register_version: u32,
    /// The register's changes the person was not told yet, oldest first.
    pub changes: Vec<RegisterChange>,
    /// The current newsletter consent text's version.
    pub newsletter_text_version: u32,
    /// The current listing consent text's version.
    pub listing_text_version: u32,
    /// Consent texts that changed after the person agreed.
    pub consents: Vec<ConsentChange>,
}

impl RegisterNotice {
    /// Whether there is anything to tell.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.consents.is_empty()
    }
}

/// `POST /api/me/register-changes/seen`: the versions the person was shown (from
/// [`RegisterNotice`]); nothing newer is marked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegisterSeen {
    /// [`RegisterNotice::register_version`].
    pub register_version: u32,
    /// [`RegisterNotice::newsletter_text_version`].
    pub newsletter_text_version: u32,
    /// [`RegisterNotice::listing_text_version`].
    pub listing_text_version: u32,
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
                "account_security",
                "administration"
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
        // One rule for the academy: consent, and stopping withdraws it for everything,
        // the trainings followed included; nothing is kept by a clock of its own.
        assert!(academy.retention.nl.contains("ook je gevolgde opleidingen"), "{}", academy.retention.nl);
        assert!(academy.legal_basis.explanation.nl.contains("je gevolgde opleidingen"));
        assert_eq!(academy.retention_rule, crate::retention::Retention::UntilWithdrawn);
        assert!(academy.retention_limits.is_empty(), "the academy keeps nothing after the consent is withdrawn");
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

    /// The register cannot change without a changelog entry: the data file's SHA-256 is the
    /// last entry's. After changing the register, add an entry with `sha256sum
    /// crates/model/register/verwerkingsregister.json` and what changed in words for people.
    #[test]
    fn the_register_changes_only_with_a_changelog_entry() {
        use sha2::{Digest, Sha256};
        let digest = Sha256::digest(include_bytes!("../register/verwerkingsregister.json"));
        let hash: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        let last = changes().last().expect("a changelog");
        assert_eq!(
            last.sha256, hash,
            "the register changed without a changelog entry: add one to register/wijzigingen.json"
        );
        assert_eq!(version(), last.version);
    }

    /// Versions count up from 1, dates never go back, every hash differs, and the words are
    /// for people: short sentences, nothing the register does not say.
    #[test]
    fn the_changelog_is_in_order_and_speaks_to_people() {
        let all = changes();
        for (i, c) in all.iter().enumerate() {
            assert_eq!(c.version as usize, i + 1);
            assert!(crate::privacy_request::day::parse(&c.date).is_some(), "{}", c.date);
            assert_eq!(c.sha256.len(), 64, "{}", c.version);
            for text in [&c.summary.nl, &c.summary.en] {
                assert_eq!(untrue_in(text), None, "{}: {text}", c.version);
                for sentence in text.split(". ") {
                    assert!(sentence.split_whitespace().count() <= 20, "{}: {sentence}", c.version);
                }
            }
        }
        assert!(all.windows(2).all(|w| w[0].date <= w[1].date && w[0].sha256 != w[1].sha256));
        assert_eq!(version_on("2026-11-21"), 0);
        assert_eq!(version_on("2026-11-22"), 3);
        assert_eq!(changes_since(version()), &[] as &[RegisterChange]);
        assert_eq!(changes_since(0).len(), all.len());
        let solvus = all.iter().find(|c| c.summary.nl.contains("Solvus B.V.")).expect("the change naming Solvus");
        assert!(solvus.adds_purpose_or_recipient);
        assert!(last_addition() >= solvus.version);
    }

    /// Plain language (B1): every sentence a person reads in the register, in both languages,
    /// has at most twenty words. The data file is walked as JSON, so no text is missed.
    #[test]
    fn every_sentence_of_the_register_is_at_most_twenty_words() {
        fn walk(value: &serde_json::Value, path: &str, long: &mut Vec<String>) {
            match value {
                serde_json::Value::Object(map) => {
                    for (key, v) in map {
                        let path = format!("{path}.{key}");
                        match v {
                            serde_json::Value::String(text) if key == "nl" || key == "en" => {
                                for (words, sentence) in crate::plain::long_sentences(text) {
                                    long.push(format!("{path} ({words} words): {sentence}"));
                                }
                            }
                            _ => walk(v, &path, long),
                        }
                    }
                }
                serde_json::Value::Array(items) => {
                    for (i, v) in items.iter().enumerate() {
                        let path = match v.get("id").and_then(|id| id.as_str()) {
                            Some(id) => format!("{path}[{id}]"),
                            None => format!("{path}[{i}]"),
                        };
                        walk(v, &path, long);
                    }
                }
                _ => {}
            }
        }
        let file: serde_json::Value =
            serde_json::from_str(include_str!("../register/verwerkingsregister.json")).unwrap();
        let mut long = Vec::new();
        walk(&file, "register", &mut long);
        assert!(
            long.is_empty(),
            "{} sentences longer than {} words:\n{}",
            long.len(),
            crate::plain::MAX_WORDS,
            long.join("\n")
        );
    }

    #[test]
    fn a_consent_change_is_told_once_and_only_when_newer() {
        use crate::newsletter::ConsentText;
        let texts = [
            ConsentText { version: 1, nl: "a", en: "a", what_changed: None },
            ConsentText { version: 2, nl: "b", en: "b", what_changed: Some(("Nu ook B.", "Now B too.")) },
            ConsentText { version: 3, nl: "c", en: "c", what_changed: Some(("Nu ook C.", "Now C too.")) },
        ];
        assert_eq!(consent_change(ConsentKind::Newsletter, &texts, 3, 0), None, "agreed to the current text");
        let told = consent_change(ConsentKind::Listing, &texts, 1, 0).unwrap();
        assert_eq!((told.agreed_version, told.current_version, told.changes.len()), (1, 3, 2));
        let after = consent_change(ConsentKind::Listing, &texts, 1, 2).unwrap();
        assert_eq!(after.changes, [Text { nl: "Nu ook C.".into(), en: "Now C too.".into() }], "only what is new");
        assert_eq!(consent_change(ConsentKind::Listing, &texts, 1, 3), None, "told already");
    }
}
