//! Newsletter (nieuwsflits) consent: the versioned consent text, consent as append-only
//! events, and delivery of the person's choice to the mailing processor, which gets only
//! name and e-mail address (GDPR art. 7).

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// A version of the consent text. The server records the version and a SHA-256 of the
/// exact Dutch text with every event (GDPR art. 7(1): be able to show what was agreed to).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConsentText {
    /// Version number; a new wording gets a new number.
    pub version: u32,
    /// The text in Dutch: what the person agrees to.
    pub nl: &'static str,
    /// The English translation.
    pub en: &'static str,
    /// What changed from the version before, in words for people (Dutch, English); `None`
    /// for the first. People who agreed to an older text are told this on their next visit
    /// (docs/security.md "Register changes are told").
    pub what_changed: Option<(&'static str, &'static str)>,
}

/// Every consent text ever shown, oldest first; the last is current. Never edit a
/// published version: add a new one.
pub const CONSENT_TEXTS: &[ConsentText] = &[ConsentText {
    version: 1,
    nl: "Ik wil de nieuwsflits van IGOM per e-mail ontvangen. IGOM gebruikt daarvoor alleen mijn naam en \
e-mailadres en geeft die door aan de verzendpartij die de nieuwsflits verstuurt. Ik kan me op elk moment \
afmelden, hier of met één klik in elke nieuwsflits; mijn gegevens worden dan niet meer gebruikt voor de nieuwsflits.",
    en: "I want to receive IGOM's newsletter (nieuwsflits) by e-mail. IGOM uses only my name and e-mail address \
for it and passes them to the mailing company that sends the newsletter. I can unsubscribe at any moment, here or \
with one click in every newsletter; my data is then no longer used for the newsletter.",
    what_changed: None,
}];

impl ConsentText {
    /// The text people are asked to agree to now.
    pub fn current() -> &'static ConsentText {
        CONSENT_TEXTS.last().expect("at least one consent text")
    }

    /// The text of `version`, if it exists.
    pub fn of(version: u32) -> Option<&'static ConsentText> {
        CONSENT_TEXTS.iter().find(|t| t.version == version)
    }
}

/// What happened to the consent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ConsentEventKind {
    /// The person agreed in the portal; the e-mail address still has to be confirmed.
    Given,
    /// The person clicked the confirmation link (double opt-in): consent is in force.
    Confirmed,
    /// The person withdrew consent.
    Withdrawn,
}

impl ConsentEventKind {
    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            ConsentEventKind::Given => "given",
            ConsentEventKind::Confirmed => "confirmed",
            ConsentEventKind::Withdrawn => "withdrawn",
        }
    }

    /// The kind stored as `s`.
    pub fn parse(s: &str) -> Option<Self> {
        [Self::Given, Self::Confirmed, Self::Withdrawn].into_iter().find(|k| k.as_str() == s)
    }
}

/// How the event came in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// In the portal, logged in.
    Portal,
    /// A link in an e-mail (confirmation or one-click unsubscribe).
    EmailLink,
    /// Recorded by staff on the person's request.
    Staff,
    /// The consent ran out by itself (listing consent holds twelve months).
    Expiry,
}

impl Channel {
    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Portal => "portal",
            Channel::EmailLink => "email_link",
            Channel::Staff => "staff",
            Channel::Expiry => "expiry",
        }
    }

    /// The channel stored as `s`.
    pub fn parse(s: &str) -> Option<Self> {
        [Self::Portal, Self::EmailLink, Self::Staff, Self::Expiry].into_iter().find(|k| k.as_str() == s)
    }
}

/// One consent event, as recorded (never changed afterwards).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConsentEvent {
    /// Event id (for its receipt).
    pub id: i64,
    /// What happened.
    pub kind: ConsentEventKind,
    /// When.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub at: OffsetDateTime,
    /// Which consent text was shown.
    pub text_version: u32,
    /// SHA-256 (hex) of that text.
    pub text_hash: String,
    /// How.
    pub channel: Channel,
}

/// Where the person stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Subscription {
    /// Not receiving the newsletter.
    None,
    /// Agreed, waiting for the e-mail confirmation.
    Pending,
    /// Receiving it.
    Active,
}

/// The state that follows from a history of events (oldest first).
pub fn subscription(events: &[ConsentEvent]) -> Subscription {
    events.iter().fold(Subscription::None, |state, e| match (state, e.kind) {
        (_, ConsentEventKind::Withdrawn) => Subscription::None,
        (_, ConsentEventKind::Given) => Subscription::Pending,
        (Subscription::Pending | Subscription::Active, ConsentEventKind::Confirmed) => Subscription::Active,
        (Subscription::None, ConsentEventKind::Confirmed) => Subscription::None,
    })
}

/// Delivery of the latest change to the mailing processor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Delivery {
    /// The processor confirmed it.
    Delivered {
        /// When.
        #[serde(with = "time::serde::rfc3339")]
        #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
        at: OffsetDateTime,
    },
    /// Not yet; retried automatically.
    Pending {
        /// Attempts so far.
        attempts: u32,
    },
    /// Retries exhausted; staff are alerted and deliver it by hand.
    Failed {
        /// Attempts made.
        attempts: u32,
    },
}

/// What the newsletter change to the processor was.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProcessorAction {
    /// Add to the mailing list.
    Subscribe,
    /// Remove from the mailing list.
    Unsubscribe,
}

/// `GET /api/me/newsletter`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewsletterStatus {
    /// Current state.
    pub subscription: Subscription,
    /// Every event, newest first.
    pub events: Vec<ConsentEvent>,
    /// The latest change sent to the mailing processor, and how far it got.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processor: Option<(ProcessorAction, Delivery)>,
    /// The current consent text's version.
    pub current_text_version: u32,
}

/// `POST /api/me/newsletter`: agree to the consent text of this version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Subscribe {
    /// The version the person was shown (must be the current one).
    pub text_version: u32,
}

/// `POST /api/newsletter/confirm` and `/api/newsletter/unsubscribe`: a token from an e-mail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmailToken {
    /// The token from the link.
    pub token: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(kind: ConsentEventKind) -> ConsentEvent {
        ConsentEvent {
            id: 0,
            kind,
            at: OffsetDateTime::UNIX_EPOCH,
            text_version: 1,
            text_hash: String::new(),
            channel: Channel::Portal,
        }
    }

    #[test]
    fn the_state_follows_the_events() {
        use ConsentEventKind::*;
        assert_eq!(subscription(&[]), Subscription::None);
        assert_eq!(subscription(&[ev(Given)]), Subscription::Pending);
        assert_eq!(subscription(&[ev(Given), ev(Confirmed)]), Subscription::Active);
        assert_eq!(subscription(&[ev(Given), ev(Confirmed), ev(Withdrawn)]), Subscription::None);
        assert_eq!(
            subscription(&[ev(Given), ev(Withdrawn), ev(Confirmed)]),
            Subscription::None,
            "a stale link does not revive it"
        );
        assert_eq!(
            subscription(&[ev(Given), ev(Confirmed), ev(Withdrawn), ev(Given), ev(Confirmed)]),
            Subscription::Active
        );
    }

    #[test]
    fn consent_texts_are_versioned_and_translated() {
        let current = ConsentText::current();
        assert_eq!(ConsentText::of(current.version), Some(current));
        for t in CONSENT_TEXTS {
            assert!(!t.nl.is_empty() && !t.en.is_empty());
        }
        for t in &CONSENT_TEXTS[1..] {
            assert!(t.what_changed.is_some(), "version {} says what changed", t.version);
        }
        let versions: Vec<u32> = CONSENT_TEXTS.iter().map(|t| t.version).collect();
        assert!(versions.windows(2).all(|w| w[0] < w[1]));
    }
}

/// What a person reads of a consent receipt (newsletter or candidate bank): the parts of the
/// Kantara receipt the server sends (`GET …/receipts/{id}`) that a page shows in words,
/// above the link that downloads the whole receipt as JSON (issue 25 item 10). Fields the
/// page does not show are left out; the server's tests parse every receipt into this type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReceiptView {
    /// `urn:zelfregie:consent:<service>:<event>`.
    #[serde(rename = "consentReceiptID")]
    pub id: String,
    /// When, in Unix seconds.
    pub consent_timestamp: i64,
    /// How the consent was given or withdrawn, in words.
    pub collection_method: String,
    /// The person's address.
    pub pii_principal_id: String,
    /// Who is responsible: the coordinator first, then the member organisations.
    pub pii_controllers: Vec<ReceiptController>,
    /// The service and its purposes.
    pub services: Vec<ReceiptService>,
    /// `dpv:ConsentGiven` or `dpv:ConsentWithdrawn`.
    #[serde(rename = "dpv:hasConsentStatus")]
    pub status: String,
    /// The consent text agreed to.
    pub event: ReceiptEvent,
}

impl ReceiptView {
    /// Whether the receipt records consent given (not withdrawn).
    pub fn given(&self) -> bool {
        self.status == "dpv:ConsentGiven"
    }
}

/// A controller named in a receipt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReceiptController {
    /// The organisation.
    pub pii_controller: String,
    /// Its role, in words.
    pub role: String,
    /// Where to ask.
    pub email: String,
}

/// A service of a receipt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiptService {
    /// Its name.
    pub service: String,
    /// What it is for.
    pub purposes: Vec<ReceiptPurpose>,
}

/// One purpose of a service.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReceiptPurpose {
    /// The purpose, in words.
    pub purpose: String,
    /// The kinds of data.
    pub pii_category: Vec<String>,
    /// Until when.
    pub termination: String,
    /// Who else receives the data.
    #[serde(default)]
    pub third_party_name: Option<String>,
    /// Their country, when outside the Netherlands.
    #[serde(default)]
    pub third_party_country: Option<String>,
}

/// The consent text of a receipt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReceiptEvent {
    /// Its version.
    pub consent_text_version: u32,
    /// `sha256:` and its hash.
    pub consent_text_hash: String,
    /// The text itself, in the receipt's language.
    #[serde(default)]
    pub consent_text: Option<String>,
}
