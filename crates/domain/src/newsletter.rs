//! Newsletter consent: append-only events, double opt-in, one-click unsubscribe (RFC 8058)
//! with a signed per-person token, receipts (Kantara Consent Receipt v1.1 with W3C DPV
//! status), and the mailing list as it stands this instant.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::json;
use sha2::{Digest, Sha256};
use zelfregie_model::account::normalize_email;
use zelfregie_model::newsletter::{
    subscription, Channel, ConsentEvent, ConsentEventKind, ConsentText, Delivery, NewsletterStatus, ProcessorAction,
    Subscription,
};
use zelfregie_model::register::Contact;
use zelfregie_model::ErrorCode;

use crate::auth::session::hash_token;
use crate::auth::throttle::{self, Limit};
use crate::error::Error;
use crate::outbox::{enqueue, Payload};
use crate::secrets::Key;
use crate::services::Services;
use crate::store::consent_log::{self, ConsentLog};
use crate::store::{self, accounts, now, to_datetime, Db, Store, Tx};
use zelfregie_model::links::Page;
use zelfregie_model::Language;

/// How long a confirmation link works.
const CONFIRMATION_HOURS: i64 = 48;

/// SHA-256 (hex) of a consent text's Dutch wording: what the person agreed to, exactly.
pub fn text_hash(text: &ConsentText) -> String {
    hex::encode(Sha256::digest(text.nl.as_bytes()))
}

/// The newsletter consent events of an account, oldest first.
pub async fn events<'c>(db: impl Db<'c>, account_id: i64) -> Result<Vec<ConsentEvent>, Error> {
    events_in(db, ConsentLog::Newsletter, account_id).await
}

pub(crate) async fn append(
    tx: &mut Tx,
    account_id: i64,
    kind: ConsentEventKind,
    text: &ConsentText,
    channel: Channel,
) -> sqlx::Result<()> {
    append_to(tx, ConsentLog::Newsletter, account_id, kind, text, channel, now()).await
}

/// The events of one consent of an account, oldest first.
pub(crate) async fn events_in<'c>(
    db: impl Db<'c>,
    log: ConsentLog,
    account_id: i64,
) -> Result<Vec<ConsentEvent>, Error> {
    consent_log::events(db, log, account_id).await?.into_iter().map(event_of).collect()
}

/// Appends an event about `text` to one consent's record, now.
pub(crate) async fn append_to(
    tx: &mut Tx,
    log: ConsentLog,
    account_id: i64,
    kind: ConsentEventKind,
    text: &ConsentText,
    channel: Channel,
    at: i64,
) -> sqlx::Result<()> {
    let (version, hash) = (i64::from(text.version), text_hash(text));
    consent_log::append(&mut **tx, log, account_id, kind.as_str(), at, version, &hash, channel.as_str()).await
}

/// The consent text of the latest `given` event (what a withdrawal withdraws).
fn agreed_text(history: &[ConsentEvent]) -> &'static ConsentText {
    history
        .iter()
        .rev()
        .find(|e| e.kind == ConsentEventKind::Given)
        .and_then(|e| ConsentText::of(e.text_version))
        .unwrap_or_else(ConsentText::current)
}

/// The person's status page data.
pub async fn status(db: &Store, account_id: i64) -> Result<NewsletterStatus, Error> {
    let history = events(db.pool(), account_id).await?;
    let row = store::outbox::latest(db.pool(), account_id).await?;
    let processor = row.map(|m| {
        let action = if m.action == "subscribe" { ProcessorAction::Subscribe } else { ProcessorAction::Unsubscribe };
        let attempts = u32::try_from(m.attempts).unwrap_or(u32::MAX);
        let delivery = match (m.status.as_str(), m.delivered_at) {
            ("delivered", Some(at)) => Delivery::Delivered { at: to_datetime(at) },
            ("dead", _) => Delivery::Failed { attempts },
            _ => Delivery::Pending { attempts },
        };
        (action, delivery)
    });
    let mut newest_first = history.clone();
    newest_first.reverse();
    Ok(NewsletterStatus {
        subscription: subscription(&history),
        events: newest_first,
        processor,
        current_text_version: ConsentText::current().version,
    })
}

async fn email_of(tx: &mut Tx, account_id: i64) -> sqlx::Result<String> {
    accounts::email(&mut **tx, account_id).await
}

/// The first byte of a one-click token that hides its account id. Tokens of the first
/// format (24 bytes: the id in clear, then the tag) are in mails already sent and keep
/// working.
const TOKEN_HIDDEN_ID: u8 = 2;

/// The signed one-click unsubscribe token of an account: a truncated HMAC of the id and the
/// account's random secret (the tag), and the id masked with an HMAC of that tag, so the
/// token says nothing about which account it is for (issue 24: the id stood in clear, and
/// forged tokens told which ids existed). Stateless and per person; changing any byte breaks
/// it, and it dies with the account (a later account never matches it).
pub fn unsubscribe_token(key: &Key, account_id: i64, secret: &[u8]) -> String {
    let id = account_id.to_be_bytes();
    let tag = &key.sign(&[b"unsubscribe", &id, secret])[..16];
    let mask = id_mask(key, tag);
    let mut bytes = vec![TOKEN_HIDDEN_ID];
    bytes.extend(id.iter().zip(mask).map(|(b, m)| b ^ m));
    bytes.extend_from_slice(tag);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// What an account id is masked with in a token: 8 bytes of an HMAC of its tag.
fn id_mask(key: &Key, tag: &[u8]) -> [u8; 8] {
    let mac = key.sign(&[b"unsubscribe-id", tag]);
    mac[..8].try_into().expect("8 bytes")
}

/// The account id a token claims and its tag, if the token is well-formed (not yet verified):
/// a token that hides the id, or one of the first format.
pub fn parse_unsubscribe_token(key: &Key, token: &str) -> Option<(i64, Vec<u8>)> {
    let bytes = URL_SAFE_NO_PAD.decode(token.trim()).ok()?;
    let (id, tag): ([u8; 8], &[u8]) = match bytes.len() {
        25 if bytes[0] == TOKEN_HIDDEN_ID => {
            let (masked, tag) = bytes[1..].split_at(8);
            let mask = id_mask(key, tag);
            let id: Vec<u8> = masked.iter().zip(mask).map(|(b, m)| b ^ m).collect();
            (id.try_into().ok()?, tag)
        }
        24 => {
            let (id, tag) = bytes.split_at(8);
            (id.try_into().ok()?, tag)
        }
        _ => return None,
    };
    Some((i64::from_be_bytes(id), tag.to_vec()))
}

/// Whether `tag` was made for `account_id` with `secret`.
pub fn verify_unsubscribe_tag(key: &Key, account_id: i64, secret: &[u8], tag: &[u8]) -> bool {
    key.verify(&[b"unsubscribe", &account_id.to_be_bytes(), secret], tag)
}

/// The account a one-click token belongs to; `token_invalid` when it is forged, damaged, or
/// made for an account that no longer exists — one answer for all three, so that no token
/// tells whether an account exists (issue 24: a forged token answered 400 for an existing id
/// and 200 for a missing one; ids 1–120 were read in 0.2 s). The account's secret is looked
/// up for every well-formed token, existing or not.
pub async fn unsubscribe_account(state: &Services, token: &str) -> Result<i64, Error> {
    let invalid = || Error::code(ErrorCode::TokenInvalid);
    let (account_id, tag) = parse_unsubscribe_token(&state.newsletter_key, token).ok_or_else(invalid)?;
    let secret = accounts::secret(state.db.pool(), account_id).await?;
    match secret {
        Some(secret) if verify_unsubscribe_tag(&state.newsletter_key, account_id, &secret, &tag) => Ok(account_id),
        _ => Err(invalid()),
    }
}

/// Where a person unsubscribes: the page for people (`/nieuwsbrief/afmelden?token=…`, a
/// button that acts; opening it changes nothing, so link scanners cannot) and the RFC 8058
/// one-click POST target for mail clients (`List-Unsubscribe-Post`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnsubscribeLinks {
    /// The page for people: the link in the mail and the first `List-Unsubscribe` entry.
    pub page: String,
    /// The one-click POST endpoint of `List-Unsubscribe-Post`.
    pub one_click: String,
}

impl UnsubscribeLinks {
    /// The links of `account_id`.
    pub async fn of<'c>(state: &Services, db: impl Db<'c>, account_id: i64) -> Result<Self, Error> {
        let secret = accounts::secret(db, account_id).await?.ok_or(Error::code(ErrorCode::NotFound))?;
        Ok(Self::with_secret(state, account_id, &secret))
    }

    /// The links of `account_id` whose secret is at hand.
    fn with_secret(state: &Services, account_id: i64, secret: &[u8]) -> Self {
        let token = unsubscribe_token(&state.newsletter_key, account_id, secret);
        UnsubscribeLinks {
            page: state.letterhead().link(Page::NewsletterUnsubscribe, &token),
            one_click: state.letterhead().api_link(zelfregie_model::links::api::NEWSLETTER_UNSUBSCRIBE, &token),
        }
    }

    /// The mail headers of RFC 2369 and RFC 8058: the one HTTPS URI mail clients POST to,
    /// and the one-click marker. (People get the page, in the body.)
    pub fn headers(&self) -> Vec<(String, String)> {
        vec![
            ("List-Unsubscribe".to_owned(), format!("<{}>", self.one_click)),
            ("List-Unsubscribe-Post".to_owned(), "List-Unsubscribe=One-Click".to_owned()),
        ]
    }
}

/// Confirmation mails of one account, and to one address: one per two minutes…
pub const MAIL_COOL_DOWN: Limit = Limit::count(1, 2 * 60);
/// …and at most five a day.
pub const MAIL_DAILY_CAP: Limit = Limit::count(5, 24 * 3600);

/// The counter keys of the confirmation mails of `account_id` at `email`: (account cool-down,
/// account daily cap, address cool-down, address daily cap).
pub fn mail_keys(state: &Services, account_id: i64, email: &str) -> [Vec<u8>; 4] {
    let (id, email) = (account_id.to_string(), normalize_email(email));
    [
        state.throttle.key("newsletter-cooldown", &id),
        state.throttle.key("newsletter-daily", &id),
        state.throttle.key("newsletter-address-cooldown", &email),
        state.throttle.key("newsletter-address-daily", &email),
    ]
}

/// Agree to the current text: records `given` and mails a confirmation link (double opt-in).
/// Nothing goes to the processor before the link is used. Asking again while the link is
/// still awaited mails a new link but records nothing new (one `given` per consent); the
/// mails are limited per account and per address (over a limit: `too_many_attempts`,
/// nothing recorded, no mail).
pub async fn subscribe(state: &Services, account_id: i64, text_version: u32) -> Result<Subscription, Error> {
    let text = ConsentText::current();
    if text_version != text.version {
        return Err(Error::code(ErrorCode::ConsentTextOutdated));
    }
    if subscription(&events(state.db.pool(), account_id).await?) == Subscription::Active {
        return Ok(Subscription::Active);
    }
    // Counted before the transaction (the counters are written on their own connection).
    let email = accounts::email(state.db.pool(), account_id).await?;
    let limits = [MAIL_COOL_DOWN, MAIL_DAILY_CAP, MAIL_COOL_DOWN, MAIL_DAILY_CAP];
    for (key, limit) in mail_keys(state, account_id, &email).iter().zip(limits) {
        throttle::attempt(&state.db, &state.clock, key, limit).await?;
    }
    let mut tx = state.db.begin_exclusive().await?;
    let history = events(&mut *tx, account_id).await?;
    match subscription(&history) {
        Subscription::Active => return Ok(Subscription::Active),
        // Agreed to this very text already: a new link, no second `given`.
        Subscription::Pending if agreed_text(&history).version == text.version => {}
        _ => append(&mut tx, account_id, ConsentEventKind::Given, text, Channel::Portal).await?,
    }
    let mut raw = [0u8; 32];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut raw);
    let token = URL_SAFE_NO_PAD.encode(raw);
    store::newsletter::insert_confirmation(
        &mut *tx,
        &hash_token(&token),
        account_id,
        i64::from(text.version),
        now(),
        now() + CONFIRMATION_HOURS * 3600,
    )
    .await?;
    let email = email_of(&mut tx, account_id).await?;
    let unsubscribe = UnsubscribeLinks::of(state, &mut *tx, account_id).await?;
    tx.commit().await?;
    let mail = state.letterhead_for(account_id).await?.newsletter_confirm(
        &email,
        account_id,
        &token,
        CONFIRMATION_HOURS,
        &unsubscribe.page,
        unsubscribe.headers(),
    );
    state.mailer.send(mail).await.map_err(|e| {
        tracing::error!(error = %e, "sending the confirmation e-mail failed");
        Error::code(ErrorCode::ServiceUnavailable)
    })?;
    Ok(Subscription::Pending)
}

/// Uses a confirmation link: records `confirmed` and queues the subscription for the
/// processor, in one transaction. The link works once, before it expires, and only while
/// the `given` it confirms is still the latest word.
pub async fn confirm(state: &Services, token: &str) -> Result<Subscription, Error> {
    let mut tx = state.db.begin_exclusive().await?;
    let row = store::newsletter::use_confirmation(&mut *tx, &hash_token(token), now()).await?;
    let Some((account_id, version)) = row else { return Err(Error::code(ErrorCode::TokenInvalid)) };
    let history = events(&mut *tx, account_id).await?;
    if subscription(&history) != Subscription::Pending {
        return Err(Error::code(ErrorCode::TokenInvalid));
    }
    let text = ConsentText::of(u32::try_from(version).unwrap_or(0)).unwrap_or_else(ConsentText::current);
    append(&mut tx, account_id, ConsentEventKind::Confirmed, text, Channel::EmailLink).await?;
    let name = crate::documents::person_name(&mut *tx, account_id).await?;
    enqueue_subscribe(state, &mut tx, account_id, name).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    Ok(Subscription::Active)
}

/// Writes a `subscribe` of the person with `name` into the outbox, with their unsubscribe
/// links, inside the caller's transaction.
async fn enqueue_subscribe(state: &Services, tx: &mut Tx, account_id: i64, name: String) -> Result<(), Error> {
    let links = UnsubscribeLinks::of(state, &mut **tx, account_id).await?;
    let payload = Payload {
        action: ProcessorAction::Subscribe,
        email: email_of(tx, account_id).await?,
        name,
        unsubscribe_url: Some(links.page),
        unsubscribe_post_url: Some(links.one_click),
        erase: false,
    };
    enqueue(tx, account_id, false, &payload).await?;
    Ok(())
}

/// Passes a corrected name on to the mailing processor (docs/security.md "Corrections are
/// passed on"): when the person is subscribed and the name the processor last got differs
/// from the profile's now, a new `subscribe` with the same address and the new name goes
/// through the outbox (the processor updates the contact). Idempotent: saving the same name
/// again, or from two devices, sends nothing more. Returns whether a message was written.
pub async fn pass_on_name(state: &Services, account_id: i64) -> Result<bool, Error> {
    // Most people who save a profile are not subscribed: a plain read settles it without
    // taking the write lock (checked again inside the transaction, where it counts).
    if subscription(&events(state.db.pool(), account_id).await?) != Subscription::Active {
        return Ok(false);
    }
    let mut tx = state.db.begin_exclusive().await?;
    let history = events(&mut *tx, account_id).await?;
    if subscription(&history) != Subscription::Active {
        return Ok(false);
    }
    let Some(last) = store::outbox::latest(&mut *tx, account_id).await? else { return Ok(false) };
    let sent: serde_json::Value = serde_json::from_str(&last.payload).unwrap_or_default();
    let name = crate::documents::person_name(&mut *tx, account_id).await?;
    if sent["action"] != "subscribe" || sent["name"].as_str() == Some(name.as_str()) {
        return Ok(false);
    }
    enqueue_subscribe(state, &mut tx, account_id, name).await?;
    tx.commit().await?;
    state.outbox_wake.notify_one();
    tracing::info!(account_id, "corrected name passed on to the mailing processor");
    Ok(true)
}

/// Withdraws consent: the `withdrawn` event and, if the processor had the person, the
/// unsubscribe delivery, in one transaction (so the withdrawal is never recorded without
/// being on its way). Withdrawing when not subscribed changes nothing (replays are harmless).
pub async fn withdraw(state: &Services, account_id: i64, channel: Channel) -> Result<Subscription, Error> {
    let mut tx = state.db.begin_exclusive().await?;
    let history = events(&mut *tx, account_id).await?;
    let before = subscription(&history);
    if before == Subscription::None {
        return Ok(Subscription::None);
    }
    append(&mut tx, account_id, ConsentEventKind::Withdrawn, agreed_text(&history), channel).await?;
    if before == Subscription::Active {
        let payload = Payload {
            action: ProcessorAction::Unsubscribe,
            email: email_of(&mut tx, account_id).await?,
            name: crate::documents::person_name(&mut *tx, account_id).await?,
            unsubscribe_url: None,
            unsubscribe_post_url: None,
            erase: false,
        };
        enqueue(&mut tx, account_id, false, &payload).await?;
    }
    tx.commit().await?;
    state.outbox_wake.notify_one();
    tracing::info!(account_id, channel = channel.as_str(), "newsletter consent withdrawn");
    Ok(Subscription::None)
}

/// Who gets the next newsletter: everyone whose latest consent event is `confirmed`, as of
/// this instant — a withdrawal counts at once, whether or not the processor has it yet.
pub async fn mailing_list(state: &Services) -> Result<Vec<(String, UnsubscribeLinks)>, Error> {
    // One query for the whole list: the secrets come with it.
    let rows = store::newsletter::confirmed(state.db.pool()).await?;
    Ok(rows.into_iter().map(|(id, email, secret)| (email, UnsubscribeLinks::with_secret(state, id, &secret))).collect())
}

/// The consent receipt of the person's own event `id`; another id is simply not found.
pub async fn receipt_of(state: &Services, account_id: i64, id: i64) -> Result<serde_json::Value, Error> {
    let history = events(state.db.pool(), account_id).await?;
    let event = history.into_iter().find(|e| e.id == id).ok_or_else(|| Error::code(ErrorCode::NotFound))?;
    let email = crate::accounts::email(&state.db, account_id).await?;
    let first = state.language_of(account_id).await?;
    Ok(receipt(&event, &email, &state.public_url, &state.contact(), first))
}

/// `nl` or `en`, as `first` says: a receipt is in the person's language (issue 25).
pub(crate) fn say(first: Language, nl: &'static str, en: &'static str) -> &'static str {
    match first {
        Language::Nl => nl,
        Language::En => en,
    }
}

/// A consent receipt for one newsletter event: the fields of the Kantara Consent Receipt
/// v1.1, with the consent status as a W3C DPV term and the hash of the exact consent text,
/// in the person's language (`first`).
pub fn receipt(
    event: &ConsentEvent,
    email: &str,
    public_url: &str,
    contact: &Contact,
    first: Language,
) -> serde_json::Value {
    let services = json!([{
        "service": say(first, "Nieuwsflits", "Newsletter (nieuwsflits)"),
        "purposes": [{
            "purpose": say(first, "Toezenden van de nieuwsflits van IGOM per e-mail", "Sending you IGOM's newsletter by e-mail"),
            "purposeCategory": ["dpv:DirectMarketing"],
            "consentType": "EXPLICIT",
            "piiCategory": [say(first, "Naam", "Name"), say(first, "E-mailadres", "E-mail address")],
            "primaryPurpose": true,
            "termination": say(first, "Tot intrekking van de toestemming", "Until the consent is withdrawn"),
            "thirdPartyDisclosure": true,
            "thirdPartyName": say(first,
                "Liram (verwerker), verzending door Mad Mimi (subverwerker van Liram)",
                "Liram (processor), sending by Mad Mimi (Liram's sub-processor)"),
            "thirdPartyCountry": "US",
            "thirdPartyPrivacyStatement": "https://nl.godaddy.com/Agreements/Privacy.aspx"
        }]
    }]);
    consent_receipt(
        "nieuwsflits",
        event,
        Principal { email, first },
        public_url,
        contact,
        services,
        ConsentText::of(event.text_version),
    )
}

/// Whose consent a receipt records: their address, and the language they read.
#[derive(Clone, Copy, Debug)]
pub struct Principal<'a> {
    /// The person's address (`piiPrincipalId`).
    pub email: &'a str,
    /// Their language: the receipt's.
    pub first: Language,
}

/// The receipt of a consent event of any service: `services` is the Kantara `services` list,
/// `text` the consent text of the event's version. `service` names the service's own log of
/// events in the receipt's id (`urn:zelfregie:consent:<service>:<event>`): the newsletter's
/// and the listing's events are numbered apart, and their first receipts had the same id
/// (issue 24).
pub fn consent_receipt(
    service: &str,
    event: &ConsentEvent,
    Principal { email, first }: Principal<'_>,
    public_url: &str,
    contact: &Contact,
    services: serde_json::Value,
    text: Option<&ConsentText>,
) -> serde_json::Value {
    let status = match event.kind {
        ConsentEventKind::Given | ConsentEventKind::Confirmed => "dpv:ConsentGiven",
        ConsentEventKind::Withdrawn => "dpv:ConsentWithdrawn",
    };
    let mut receipt = json!({
        "@context": { "dpv": "https://w3id.org/dpv#" },
        "version": "KI-CR-v1.1.0",
        "jurisdiction": "NL",
        "consentTimestamp": event.at.unix_timestamp(),
        "collectionMethod": match event.channel {
            Channel::Portal => say(first, "Zelfregie-portaal, ingelogd", "Zelfregie portal, logged in"),
            Channel::EmailLink => say(first, "Link in e-mail", "Link in an e-mail"),
            Channel::Staff => say(first, "Door medewerker op verzoek van betrokkene", "By staff at the person's request"),
            Channel::Expiry => say(first, "Vervallen na 12 maanden", "Lapsed after 12 months"),
        },
        "consentReceiptID": format!("urn:zelfregie:consent:{service}:{}", event.id),
        "language": first.code(),
        "piiPrincipalId": email,
        // The member organisations are joint controllers; the steering group coordinates
        // and handles requests on their behalf (docs/storage.md, "The register").
        "piiControllers": controllers(&contact.privacy_email, first),
        "policyUrl": format!("{public_url}{}", Page::MyData.path()),
        "services": services,
        "sensitive": false,
        "spiCat": [],
        "dpv:hasConsentStatus": status,
        "dpv:hasLegalBasis": "eu-gdpr:A6-1-a",
        "event": {
            "kind": event.kind,
            "channel": event.channel,
            "consentTextVersion": event.text_version,
            "consentTextHash": format!("sha256:{}", event.text_hash),
            "consentText": text.map(|t| say(first, t.nl, t.en)),
        }
    });
    // Not a Kantara field: the data protection officer, whom a person may also turn to.
    if let Some(dpo) = &contact.dpo_email {
        let role = say(first, "Functionaris gegevensbescherming", "Data protection officer");
        receipt["dataProtectionOfficer"] = json!({ "role": role, "email": dpo });
    }
    receipt
}

/// The controllers in a receipt: the steering group first, as the coordinator acting for the
/// joint controllers and the one to contact, then each of the 35 member organisations, with
/// the Kantara contact fields. Every member is reached through the steering group, which
/// handles questions and requests on behalf of all of them (the privacy policy): that is the
/// contact, address and e-mail given for each. No telephone number is given: the portal knows
/// none it could vouch for.
fn controllers(privacy_email: &str, first: Language) -> serde_json::Value {
    let contact = say(first, "Stuurgroep IGOM, uitvoering RMC IGOM", "IGOM steering group, carried out by RMC IGOM");
    let address = json!({ "country": "NL", "region": "Limburg" });
    let mut list = vec![json!({
        "piiController": "Stuurgroep IGOM",
        "role": say(first,
            "Regisseur namens de gezamenlijk verantwoordelijke aangesloten organisaties",
            "Coordinator on behalf of the member organisations, joint controllers"),
        "onBehalf": true,
        "contact": contact,
        "address": address,
        "email": privacy_email,
        "piiControllerUrl": "https://www.igom.nl"
    })];
    list.extend(zelfregie_model::PARTNER_NAMES.iter().map(|name| {
        json!({
            "piiController": name,
            "role": say(first, "Gezamenlijk verantwoordelijke", "Joint controller"),
            "onBehalf": false,
            "contact": format!("{} {contact}", say(first, "Via de", "Through the")),
            "address": address,
            "email": privacy_email,
        })
    }));
    serde_json::Value::Array(list)
}

/// A stored consent event as the model's type (newsletter and listing share the columns).
fn event_of(e: consent_log::EventRow) -> Result<ConsentEvent, Error> {
    Ok(ConsentEvent {
        id: e.id,
        kind: ConsentEventKind::parse(&e.kind).ok_or_else(|| anyhow::anyhow!("stored consent kind"))?,
        at: to_datetime(e.at),
        text_version: u32::try_from(e.text_version).map_err(anyhow::Error::from)?,
        text_hash: e.text_hash,
        channel: Channel::parse(&e.channel).ok_or_else(|| anyhow::anyhow!("stored channel"))?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The account a token opens, given the secrets of the accounts that exist.
    fn opens(key: &Key, token: &str, secrets: &[(i64, [u8; 32])]) -> Option<i64> {
        let (id, tag) = parse_unsubscribe_token(key, token)?;
        let (_, secret) = secrets.iter().find(|(i, _)| *i == id)?;
        verify_unsubscribe_tag(key, id, secret, &tag).then_some(id)
    }

    #[test]
    fn unsubscribe_tokens_cannot_be_forged_or_moved_to_someone_else() {
        let key = Key::from_bytes([7; 32]);
        let accounts = [(42, [1u8; 32]), (43, [2u8; 32])];
        let token = unsubscribe_token(&key, 42, &[1u8; 32]);
        assert_eq!(opens(&key, &token, &accounts), Some(42));
        // The id is not in it: no 8 bytes of the token are 42 in clear.
        let bytes = URL_SAFE_NO_PAD.decode(&token).unwrap();
        assert!(!bytes.windows(8).any(|w| w == 42i64.to_be_bytes()), "{bytes:?}");
        // Another person's id with this tag (a changed masked id):
        let mut bytes = URL_SAFE_NO_PAD.decode(&token).unwrap();
        bytes[8] ^= 42 ^ 43;
        assert_eq!(opens(&key, &URL_SAFE_NO_PAD.encode(&bytes), &accounts), None);
        // A token of the first format (in mails already sent) still opens its own account
        // and nobody else's.
        let tag = &key.sign(&[b"unsubscribe", &42i64.to_be_bytes(), &[1u8; 32]])[..16];
        let legacy = URL_SAFE_NO_PAD.encode([&42i64.to_be_bytes()[..], tag].concat());
        assert_eq!(opens(&key, &legacy, &accounts), Some(42));
        let moved = URL_SAFE_NO_PAD.encode([&43i64.to_be_bytes()[..], tag].concat());
        assert_eq!(opens(&key, &moved, &accounts), None);
        // A flipped tag bit, a truncated token, another key, garbage:
        let mut bytes = URL_SAFE_NO_PAD.decode(&token).unwrap();
        bytes[20] ^= 1;
        assert_eq!(opens(&key, &URL_SAFE_NO_PAD.encode(&bytes), &accounts), None);
        assert_eq!(opens(&key, &token[..20], &accounts), None);
        assert_eq!(opens(&Key::from_bytes([8; 32]), &token, &accounts), None);
        assert_eq!(opens(&key, "niet-een-token", &accounts), None);
    }

    #[test]
    fn a_token_dies_with_its_account_even_if_the_id_came_back() {
        let key = Key::from_bytes([7; 32]);
        let token = unsubscribe_token(&key, 42, &[1u8; 32]);
        // Account 42 erased; a new account somehow got id 42 with its own secret.
        assert_eq!(opens(&key, &token, &[(42, [9u8; 32])]), None);
    }
}
