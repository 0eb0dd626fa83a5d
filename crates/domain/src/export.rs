//! Assembling the export: every stored item of the person, from every table (the test
//! `export_completeness` fails when a table or column is added without being exported or
//! explicitly excluded).

use utoipa::{PartialSchema, ToSchema};
use zelfregie_model::export::{
    json_resume, ExportAccount, ExportCandidateBank, ExportConfirmation, ExportDelivery, ExportDocument,
    ExportEmailChange, ExportNewsletter, ExportSession, EXPORT_FORMAT, EXPORT_FORMAT_VERSION,
};
use zelfregie_model::newsletter::subscription;
use zelfregie_model::{Profile, Visibility};

use crate::documents::Document;
use crate::error::Error;
use crate::services::Services;
use crate::store::{self, to_datetime};

/// Where the schema is published.
pub const SCHEMA_PATH: &str = "/api/export.schema.json";

/// The complete export of `account_id`.
pub async fn export(state: &Services, account_id: i64) -> Result<ExportDocument, Error> {
    let db = &state.db;
    let account = crate::accounts::account(db, account_id).await?;
    let is_staff = account.role != zelfregie_model::Role::Person;
    let sessions = store::accounts::session_times(db.pool(), account_id).await?;
    let email = account.email.clone();
    let changes = store::verification::email_changes_of(db.pool(), account_id).await?;
    let retention = store::retention::state_of(db.pool(), account_id).await?;
    let account = ExportAccount {
        account,
        sessions: sessions
            .into_iter()
            .map(|(s, l, strong)| ExportSession {
                started_at: to_datetime(s),
                last_activity_at: to_datetime(l),
                strong: strong == 1,
            })
            .collect(),
        pending_email_changes: changes
            .into_iter()
            .map(|(new_email, at, until)| ExportEmailChange {
                new_email,
                requested_at: to_datetime(at),
                expires_at: to_datetime(until),
            })
            .collect(),
        last_activity_at: retention.map(|(last, _)| to_datetime(last)),
        retention_warned_at: retention.and_then(|(_, warned)| warned.map(to_datetime)),
        passkeys: crate::passkeys::list(state, account_id).await?,
        second_factor: crate::second_factor::export(db, account_id).await?,
    };

    let (profile, _): (Profile, i64) = Document::Profile.load(db, account_id).await?;
    let (visibility, _): (Visibility, i64) = Document::Visibility.load(db, account_id).await?;
    let (disclosures, _) = crate::candidates::disclosure_log(db, account_id, None, 0).await?;
    let academy = crate::academy::page(db, account_id).await?;
    let listing_consents = crate::listing::events(db.pool(), account_id).await?;
    let listing_valid_until = zelfregie_model::listing::current_consent(&listing_consents)
        .map(|e| zelfregie_model::privacy_request::day::to_string(zelfregie_model::listing::valid_until(e.at)));

    let events = crate::newsletter::events(db.pool(), account_id).await?;
    let confirmations = store::newsletter::confirmations(db.pool(), account_id).await?;
    let deliveries = store::outbox::of_account(db.pool(), account_id).await?;
    let newsletter = ExportNewsletter {
        subscription: subscription(&events),
        events: events.clone(),
        confirmation_links: confirmations
            .into_iter()
            .map(|(v, c, u)| ExportConfirmation {
                text_version: u32::try_from(v).unwrap_or(0),
                created_at: to_datetime(c),
                used_at: u.map(to_datetime),
            })
            .collect(),
        processor_deliveries: deliveries
            .into_iter()
            .map(|m| {
                Ok(ExportDelivery {
                    payload: serde_json::from_str(&m.payload).map_err(anyhow::Error::from)?,
                    status: m.status,
                    attempts: u32::try_from(m.attempts).unwrap_or(0),
                    created_at: to_datetime(m.created_at),
                })
            })
            .collect::<Result<_, Error>>()?,
    };

    let transfers = crate::transfers::list(db, account_id).await?;
    let requests = crate::privacy_requests::mine(db, account_id).await?;
    let breach_notices = crate::breach::mine(state, account_id).await?;

    // The register entries that concern this person.
    let has_profile = profile != Profile::default() || visibility.listed || !listing_consents.is_empty();
    let applies = |id: &str| match id {
        "candidate_bank" => has_profile,
        "disclosure_log" => !disclosures.is_empty(),
        "academy" => academy.participant.is_some() || !academy.enrolments.is_empty(),
        "newsletter" => !events.is_empty(),
        "transfers" => !transfers.is_empty(),
        "requests" => !requests.is_empty(),
        "breach_notices" => !breach_notices.is_empty(),
        "administration" => is_staff,
        _ => true,
    };
    let cv = json_resume(&profile, &email);
    let register: Vec<_> =
        crate::retention::configured_register(state).into_iter().filter(|a| applies(&a.id)).collect();
    Ok(ExportDocument {
        schema: format!("{}{SCHEMA_PATH}", state.public_url),
        format: EXPORT_FORMAT.to_owned(),
        format_version: EXPORT_FORMAT_VERSION,
        generated_at: time::OffsetDateTime::now_utc().replace_nanosecond(0).unwrap_or(time::OffsetDateTime::UNIX_EPOCH),
        account,
        candidate_bank: ExportCandidateBank { profile, visibility, disclosures, listing_consents, listing_valid_until },
        academy,
        newsletter,
        transfers,
        requests,
        breach_notices,
        administration: crate::admin::entries_of(db, account_id).await?,
        register,
        cv,
    })
}

/// The JSON Schema (draft 2020-12) of [`ExportDocument`], generated from the same model
/// types the export is built from, so it cannot drift.
pub fn schema(public_url: &str) -> serde_json::Value {
    let mut defs = Vec::new();
    <ExportDocument as ToSchema>::schemas(&mut defs);
    let mut map = serde_json::Map::new();
    for (name, schema) in defs {
        map.insert(name, serde_json::to_value(schema).expect("schema serialises"));
    }
    map.insert("ExportDocument".into(), serde_json::to_value(ExportDocument::schema()).expect("schema serialises"));
    let text = serde_json::to_string(&map).expect("serialises").replace("#/components/schemas/", "#/$defs/");
    let defs: serde_json::Value = serde_json::from_str(&text).expect("round trip");
    serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": format!("{public_url}{SCHEMA_PATH}"),
        "title": "Zelfregie export",
        "description": format!("Everything the IGOM self-service portal holds about one person (format {EXPORT_FORMAT} version {EXPORT_FORMAT_VERSION})."),
        "$ref": "#/$defs/ExportDocument",
        "$defs": defs,
    })
}
