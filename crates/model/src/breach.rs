//! Telling people about a data breach (docs/security.md "Breach notices"). When a breach is
//! likely to put people's rights and freedoms at high risk, the people affected are told in
//! clear and plain language: what happened, what it probably means for them, what was done
//! about it, what they can do themselves, and whom to contact for more information. Privacy
//! staff write the notice in Dutch and English, choose who is affected, see how many people
//! that is, and send it: each person sees it in the portal until they mark it read, finds it
//! in their export, and gets it by e-mail once.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::checks::check_paragraphs;
use crate::error::{ErrorCode, FieldError};
use crate::register::Text;

/// Longest text of one part of the notice, per language.
pub const PART_MAX_CHARS: usize = 4000;
/// Most addresses in one list of affected people.
pub const MAX_ADDRESSES: usize = 10_000;

/// What the notice says: every part in Dutch and English, every part required.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NoticeText {
    /// What happened: the nature of the breach, which data.
    pub nature: Text,
    /// What it probably means for the person.
    pub consequences: Text,
    /// What was done and will be done about it, also to limit the harm.
    pub measures: Text,
    /// What the person can do themselves.
    pub advice: Text,
    /// Whom to contact for more information (name and contact details).
    pub contact: Text,
}

impl NoticeText {
    /// The parts with their field names, in the order a reader meets them.
    pub fn parts(&self) -> [(&'static str, &Text); 5] {
        [
            ("nature", &self.nature),
            ("consequences", &self.consequences),
            ("measures", &self.measures),
            ("advice", &self.advice),
            ("contact", &self.contact),
        ]
    }

    /// Every part present in both languages, within [`PART_MAX_CHARS`], readable characters.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        for (name, text) in self.parts() {
            for (lang, value) in [("nl", &text.nl), ("en", &text.en)] {
                if let Err(code) = check_paragraphs(value, PART_MAX_CHARS, true) {
                    errors.push(FieldError::new(&format!("{name}.{lang}"), code));
                }
            }
        }
        errors
    }
}

/// The headings of the parts, as the person reads them (the page and the mail).
pub fn part_heading(part: &str) -> (&'static str, &'static str) {
    match part {
        "nature" => ("Wat is er gebeurd?", "What happened?"),
        "consequences" => ("Wat betekent dit voor jou?", "What does this mean for you?"),
        "measures" => ("Wat hebben wij gedaan?", "What have we done?"),
        "advice" => ("Wat kun je zelf doen?", "What can you do yourself?"),
        _ => ("Vragen? Neem contact op", "Questions? Contact us"),
    }
}

/// Who is affected.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BreachAudience {
    /// Every person with an account (not staff or recruiters).
    Everyone,
    /// Everyone with a profile in the candidate bank.
    Candidates,
    /// Everyone registered as a course participant or with a training record.
    Participants,
    /// These accounts, by e-mail address.
    Addresses {
        /// The addresses (normalised by the server; an unknown one is reported, not an error).
        addresses: Vec<String>,
    },
}

impl BreachAudience {
    /// The name in storage and logs.
    pub fn kind(&self) -> &'static str {
        match self {
            BreachAudience::Everyone => "everyone",
            BreachAudience::Candidates => "candidates",
            BreachAudience::Participants => "participants",
            BreachAudience::Addresses { .. } => "addresses",
        }
    }

    /// A list has 1 to [`MAX_ADDRESSES`] valid addresses, none twice.
    pub fn validate(&self) -> Vec<FieldError> {
        let BreachAudience::Addresses { addresses } = self else { return Vec::new() };
        if addresses.is_empty() {
            return vec![FieldError::new("audience.addresses", ErrorCode::Required)];
        }
        if addresses.len() > MAX_ADDRESSES {
            return vec![FieldError::new("audience.addresses", ErrorCode::TooMany)];
        }
        let mut seen = std::collections::BTreeSet::new();
        for a in addresses {
            if let Err(code) = crate::account::validate_email(a) {
                return vec![FieldError::new("audience.addresses", code)];
            }
            if !seen.insert(crate::account::normalize_email(a)) {
                return vec![FieldError::new("audience.addresses", ErrorCode::Duplicate)];
            }
        }
        Vec::new()
    }

    /// The list normalised (trimmed, lower case); empty for the other kinds.
    pub fn normalized_addresses(&self) -> Vec<String> {
        match self {
            BreachAudience::Addresses { addresses } => {
                addresses.iter().map(|a| crate::account::normalize_email(a)).collect()
            }
            _ => Vec::new(),
        }
    }
}

/// Reads a list of addresses as staff paste it: separated by line breaks, commas,
/// semicolons or spaces; empty entries dropped.
pub fn read_addresses(text: &str) -> Vec<String> {
    text.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// `POST /api/privacy/breaches` (a draft) and `POST /api/privacy/breaches/preview` (only
/// the audience counts there).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewNotice {
    /// The text.
    pub text: NoticeText,
    /// Who is affected.
    pub audience: BreachAudience,
}

impl NewNotice {
    /// Text and audience.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = self.text.validate();
        errors.extend(self.audience.validate());
        errors
    }
}

/// How many people an audience reaches now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AudienceCount {
    /// People who would get the notice.
    pub count: u64,
    /// Addresses of the list without an account here (tell them another way).
    pub unknown: Vec<String>,
}

/// Draft or sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum NoticeStatus {
    /// Written, not sent: can still be sent (once).
    Draft,
    /// Sent: every affected person has it in the portal; the mails go out.
    Sent,
}

/// A notice as privacy staff see it, with its delivery counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffNotice {
    /// Random id.
    pub id: String,
    /// The text.
    pub text: NoticeText,
    /// Who is affected.
    pub audience: BreachAudience,
    /// Draft or sent.
    pub status: NoticeStatus,
    /// Written at.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: OffsetDateTime,
    /// Sent at.
    #[serde(with = "time::serde::rfc3339::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub sent_at: Option<OffsetDateTime>,
    /// People it was sent to (still with an account).
    pub recipients: u64,
    /// Mails delivered.
    pub mailed: u64,
    /// Mails waiting (first try or a retry).
    pub waiting: u64,
    /// Mails given up on after every attempt (staff must reach these people otherwise).
    pub failed: u64,
    /// People who marked it read.
    pub read: u64,
}

/// A notice as the affected person sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyNotice {
    /// Random id.
    pub id: String,
    /// The text.
    pub text: NoticeText,
    /// Sent at.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub sent_at: OffsetDateTime,
    /// When the mail went out, if it did yet.
    #[serde(with = "time::serde::rfc3339::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub mailed_at: Option<OffsetDateTime>,
    /// When the person marked it read (until then the portal shows it on every page).
    #[serde(with = "time::serde::rfc3339::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub read_at: Option<OffsetDateTime>,
}

/// The mail: subject and plain-text body, Dutch first, with a link to the page.
pub fn mail(text: &NoticeText, page_url: &str) -> (String, String) {
    let mut body = String::from(
        "Er is iets misgegaan met persoonsgegevens bij IGOM Zelfregie. Jouw gegevens zijn erbij betrokken. \
         Hieronder lees je wat er is gebeurd en wat je kunt doen.\n\n",
    );
    for (name, part) in text.parts() {
        body.push_str(part_heading(name).0);
        body.push('\n');
        body.push_str(part.nl.trim());
        body.push_str("\n\n");
    }
    body.push_str(&format!("Je leest dit bericht ook in het portaal: {page_url}\n\n-----\n\n"));
    body.push_str(
        "Something went wrong with personal data at IGOM Zelfregie. Your data are involved. \
         Below you read what happened and what you can do.\n\n",
    );
    for (name, part) in text.parts() {
        body.push_str(part_heading(name).1);
        body.push('\n');
        body.push_str(part.en.trim());
        body.push_str("\n\n");
    }
    body.push_str(&format!("You can also read this message in the portal: {page_url}\n"));
    ("Belangrijk: er is iets misgegaan met je gegevens / Important: a problem with your data".to_owned(), body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Text {
        Text { nl: format!("{s} nl"), en: format!("{s} en") }
    }

    fn text() -> NoticeText {
        NoticeText {
            nature: t("aard"),
            consequences: t("gevolgen"),
            measures: t("maatregelen"),
            advice: t("advies"),
            contact: t("contact"),
        }
    }

    #[test]
    fn every_part_is_required_in_both_languages() {
        assert!(text().validate().is_empty());
        let mut x = text();
        x.measures.en = "  ".into();
        x.contact.nl = String::new();
        let fields: Vec<_> = x.validate().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["measures.en", "contact.nl"]);
        x.nature.nl = "a\u{202e}b".into();
        assert_eq!(x.validate()[0].code, ErrorCode::InvalidCharacters);
    }

    #[test]
    fn address_lists_are_checked_and_normalised() {
        let list = |v: &[&str]| BreachAudience::Addresses { addresses: v.iter().map(|s| s.to_string()).collect() };
        assert!(list(&["a@example.org", "B@Example.org"]).validate().is_empty());
        assert_eq!(list(&[]).validate()[0].code, ErrorCode::Required);
        assert_eq!(list(&["a@example.org", " A@example.org"]).validate()[0].code, ErrorCode::Duplicate);
        assert_eq!(list(&["geen-adres"]).validate()[0].code, ErrorCode::EmailInvalid);
        assert_eq!(list(&[" B@Example.org "]).normalized_addresses(), ["b@example.org"]);
        assert_eq!(read_addresses("a@x.nl, b@x.nl;\nc@x.nl  d@x.nl\n\n"), ["a@x.nl", "b@x.nl", "c@x.nl", "d@x.nl"]);
        let json = serde_json::to_value(BreachAudience::Candidates).unwrap();
        assert_eq!(json, serde_json::json!({"kind": "candidates"}));
    }

    #[test]
    fn the_mail_carries_every_part_in_both_languages_under_its_heading() {
        let (subject, body) = mail(&text(), "https://portaal.example/datalek");
        assert!(subject.starts_with("Belangrijk"));
        for (name, part) in text().parts() {
            let (nl, en) = part_heading(name);
            let at_nl = body.find(nl).unwrap();
            let at_en = body.find(en).unwrap();
            assert!(body[at_nl..].starts_with(&format!("{nl}\n{}", part.nl)));
            assert!(body[at_en..].starts_with(&format!("{en}\n{}", part.en)));
            assert!(at_nl < at_en, "Dutch first");
        }
        assert_eq!(body.matches("https://portaal.example/datalek").count(), 2);
    }
}
