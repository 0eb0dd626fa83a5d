//! The export (issue 6): complete — every personal column of every table, filled with canary
//! values, appears in it (with a short, justified exception list) — and valid against its
//! own published JSON Schema, with the CV part valid against the official JSON Resume schema
//! (vendored under tests/vendor, MIT licence).

use crate::common;

use std::collections::BTreeMap;

use axum::http::StatusCode;
use common::{TestApp, PASSWORD};
use serde_json::{json, Value};
use zelfregie_domain::demo;

/// How every table is handled by the export. A new table fails the test until it is listed.
fn classification() -> BTreeMap<&'static str, Result<&'static [&'static str], &'static str>> {
    BTreeMap::from([
        ("accounts", Ok(&["email"][..])),
        ("sessions", Err("token hashes are credentials; start and last activity are exported as timestamps")),
        ("profiles", Ok(&["data"][..])),
        ("visibility", Ok(&["data"][..])),
        ("disclosures", Ok(&["sections"][..])),
        ("participants", Ok(&["data"][..])),
        ("enrolments", Ok(&["state"][..])),
        ("consent_events", Ok(&["kind", "text_hash", "channel"][..])),
        ("listing_consent_events", Ok(&["kind", "text_hash", "channel"][..])),
        ("manager_notices", Ok(&["manager_email", "manager_name"][..])),
        // The role is implied by the kind exported (`what`): privacy or academy staff.
        ("staff_disclosures", Ok(&["what"][..])),
        ("consent_confirmations", Err("the token hash is a credential; version and times are exported")),
        ("processor_outbox", Ok(&["payload", "status"][..])),
        ("partners", Err("reference data, not about the person (the employer slug is exported with the profile)")),
        ("trainings", Err("the catalogue, not about the person (titles of the person's trainings are exported)")),
        ("throttle", Err("keyed hashes of IP/e-mail for rate limiting; not linkable, gone within 24 h")),
        // Name, times and the backup flag are exported; the public key and credential ID are
        // technical values only this site can use (docs/security.md "Passkeys").
        ("passkeys", Ok(&["name"][..])),
        ("passkey_ceremonies", Err("challenge state of a started passkey ceremony, kept at most 5 minutes")),
        ("password_resets", Err("reset link hashes are credentials, kept at most 30 minutes")),
        (
            "pending_registrations",
            Err("no account yet: whoever asked has no login to export with; gone when used or after 24 hours"),
        ),
        ("email_changes", Ok(&["new_email"][..])),
        ("server_secrets", Err("server keys, not personal data")),
        ("health_probe", Err("one row the health check writes: a time, not personal data")),
        ("withdrawn_references", Err("partner and time shown at GET /api/me/withdrawals; the reference is the partner's key to a profile that is gone")),
        // The candidate index (docs/storage.md "Recruiter search"): derived by the server from
        // the profile and visibility choices (both exported), rebuilt on every save, deleted
        // with the profile. SQLite keeps the FTS5 index in the `candidate_text_*` tables.
        ("candidate_access", Err("derived: which partners see the profile (exported visibility) under which reference")),
        ("candidate_text", Err("derived: the words of the exported profile that recruiters may search")),
        (
            "candidate_facets",
            Err("derived: place, hours and level of the exported profile that recruiters may filter on"),
        ),
        ("candidate_text_config", Err("settings of the full-text index, not about anyone")),
        ("candidate_text_content", Err("derived: the FTS5 copy of candidate_text")),
        ("candidate_text_data", Err("derived: the FTS5 index of candidate_text")),
        ("candidate_text_docsize", Err("derived: word counts of candidate_text")),
        ("candidate_text_idx", Err("derived: the FTS5 index of candidate_text")),
        ("derived_versions", Err("which version built the derived index, not about anyone")),
        (
            "second_factors",
            Err("the secret is a credential, never exported; whether it is on, when set up and the last code's period are"),
        ),
        ("recovery_codes", Err("keyed hashes of credentials; how many are left and when they were used are exported")),
        // The file itself is encrypted to another organisation's key (the portal cannot read
        // it; the person has the export it was made from) and the token hash is a credential.
        ("transfers", Ok(&["recipient", "status"][..])),
        // Who handled a request (`handled_by`) is a staff member's account: kept for
        // accountability, not the person's data.
        (
            "breach_notices",
            Err("the notice's text is exported with each recipient's copy; the rest is about staff and the audience"),
        ),
        (
            "breach_recipients",
            Err("exported as breach_notices: which notice, when mailed, when read; attempts and errors are the mail queue's state"),
        ),
        (
            "listing_reminders",
            Err("which reminders of a listing consent went: their days follow from the exported consent"),
        ),
        (
            "register_notices",
            Err("which versions of the public register and consent texts the person was told, and when mailed"),
        ),
        (
            "mail_files",
            Err("demo mode only: which mail file in the mail folder is about the account, so it goes with it; no address"),
        ),
        // Administration (docs/security.md "Administration"): a staff member's own entries
        // of the log are exported (`administration`); invitations and reviews are records
        // about staff accounts kept by the administrators, and keys are public.
        (
            "audit_log",
            Err("by actor_id and subject_id: a staff member's own entries are exported as `administration` (admin::a_network_starts_from_an_empty_database)"),
        ),
        ("invitations", Err("an invitation is the administrator's record until the account exists; its token hash is a credential")),
        ("staff_reviews", Err("an administrator's confirmation of the staff list: in the log entry `review`, which is exported")),
        ("partner_keys", Err("partners' public keys, not about a person; who published one is in the exported log")),
        ("consent_event_deletions", Err("a permit that exists only inside the retention job's transaction")),
        (
            "privacy_requests",
            Ok(&["public_id", "kind", "text", "status", "deadline", "extension_reason", "response"][..]),
        ),
    ])
}

/// Every string leaf of a JSON value (or the text itself when it is not JSON).
fn leaves(text: &str, out: &mut Vec<String>) {
    fn walk(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::String(s) if !s.is_empty() => out.push(s.clone()),
            Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            Value::Object(o) => o.values().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    match serde_json::from_str::<Value>(text) {
        Ok(v) => walk(&v, out),
        Err(_) if !text.is_empty() => out.push(text.to_owned()),
        Err(_) => {}
    }
}

#[tokio::test]
async fn every_personal_value_in_every_table_is_in_the_export() {
    let app = TestApp::new().await;
    let (cookie, id) = common::filled_person(&app).await;
    let r = app.get("/api/me/export", Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.header("content-disposition").starts_with("attachment; filename=\"zelfregie-export-"));
    let export = String::from_utf8(r.raw.clone()).unwrap();

    let tables = common::tables(&app).await;
    let classes = classification();
    let mut checked = 0;
    for table in tables {
        let class =
            classes.get(table.as_str()).unwrap_or_else(|| panic!("table {table} is neither exported nor excluded"));
        let Ok(columns) = class else { continue };
        let owner = if table == "accounts" { "id" } else { "account_id" };
        for column in *columns {
            let values: Vec<(String,)> =
                sqlx::query_as(&format!("SELECT CAST({column} AS TEXT) FROM {table} WHERE {owner} = $1"))
                    .bind(id)
                    .fetch_all(app.state.db.pool())
                    .await
                    .unwrap();
            assert!(!values.is_empty(), "{table}.{column} has no rows for the person: the fixture is incomplete");
            for (value,) in values {
                let mut found = Vec::new();
                leaves(&value, &mut found);
                for leaf in found {
                    checked += 1;
                    let as_json = serde_json::to_string(&leaf).unwrap();
                    assert!(
                        export.contains(as_json.trim_matches('"')),
                        "{table}.{column}: {leaf:?} is not in the export"
                    );
                }
            }
        }
    }
    assert!(checked > 60, "only {checked} values checked");
    for canary in [
        "cnry5a1fq0z",
        "canary-functie-c3",
        "canary-leiding-c5@example.org",
        "canary-account-5a1f@example.org",
        "canary-nieuw-5a1f@example.org",
        "canary-verzoek-r1",
        "canary-verlenging-r2",
        "canary-antwoord-r3",
    ] {
        assert!(export.contains(canary), "{canary}");
    }
    assert!(!export.contains("$argon2id$"), "never the password hash");
    assert!(!export.contains(PASSWORD));
}

#[tokio::test]
async fn the_export_validates_against_its_published_schema_and_the_cv_against_json_resume() {
    let app = TestApp::new().await;
    let (cookie, _) = common::filled_person(&app).await;
    let export = app.get("/api/me/export", Some(&cookie)).await.body;
    let schema = app.get("/api/export.schema.json", None).await.body;
    assert_eq!(export["$schema"], schema["$id"]);
    assert_eq!(export["format_version"], 1);
    let validator = jsonschema::validator_for(&schema).expect("the published schema compiles");
    let errors: Vec<String> = validator.iter_errors(&export).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert_eq!(errors, Vec::<String>::new());
    // The schema is not vacuous: a broken export fails it.
    let mut broken = export.clone();
    broken["candidate_bank"]["visibility"]["listed"] = json!("ja");
    assert!(!validator.is_valid(&broken));

    let resume_schema: Value = serde_json::from_str(include_str!("vendor/json-resume-schema-1.0.1.json")).unwrap();
    let resume = jsonschema::validator_for(&resume_schema).unwrap();
    let errors: Vec<String> =
        resume.iter_errors(&export["cv"]).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert_eq!(errors, Vec::<String>::new());
    assert!(export["cv"]["work"].as_array().unwrap().len() == 2);
    let names: Vec<&str> = export["register"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        ["candidate_bank", "disclosure_log", "academy", "newsletter", "transfers", "requests", "account_security"]
    );
}

#[tokio::test]
async fn the_demo_candidates_export_is_valid_and_nobody_exports_someone_else() {
    let app = TestApp::new().await;
    demo::seed_if_empty(&app.state).await.unwrap();
    let kandidaat = app.login("kandidaat@example.org", demo::DEMO_PASSWORD).await.session_cookie().unwrap();
    let export = app.get("/api/me/export", Some(&kandidaat)).await;
    println!("demo candidate export: {} bytes", export.raw.len());
    assert_eq!(export.body["candidate_bank"]["profile"]["personal"]["first_name"], "Sanne");
    let schema = app.get("/api/export.schema.json", None).await.body;
    assert!(jsonschema::validator_for(&schema).unwrap().is_valid(&export.body));
    let cursist = app.login("cursist@example.org", demo::DEMO_PASSWORD).await.session_cookie().unwrap();
    let other = String::from_utf8(app.get("/api/me/export", Some(&cursist)).await.raw).unwrap();
    assert!(!other.contains("Sanne") && other.contains("Custers"));
    assert_eq!(app.get("/api/me/export", None).await.status, StatusCode::UNAUTHORIZED);
}

/// The register the API serves and the export carries tells the truth (issue 13): consent for
/// every service to the person (the academy too), no legitimate interest, joint controllers
/// with the steering group as coordinator, the mail processor's transfer to the United
/// States with its privacy statement, and texts that cite no articles.
#[tokio::test]
async fn the_register_served_and_exported_states_bases_controllers_and_recipients() {
    let app = TestApp::new().await;
    demo::seed_if_empty(&app.state).await.unwrap();
    let served = app.get("/api/register", None).await.body;
    let activity = |id: &str| served.as_array().unwrap().iter().find(|a| a["id"] == id).unwrap().clone();
    for id in ["candidate_bank", "academy", "newsletter"] {
        assert_eq!(activity(id)["legal_basis"]["dpv"], "eu-gdpr:A6-1-a", "{id}");
    }
    for a in served.as_array().unwrap() {
        assert_ne!(a["legal_basis"]["dpv"], "eu-gdpr:A6-1-f", "{}", a["id"]);
        assert!(a["controller"]["nl"].as_str().unwrap().contains("gezamenlijk verantwoordelijk"));
        assert!(a["controller"]["nl"].as_str().unwrap().contains("Stuurgroep IGOM is de regisseur"));
        assert!(!a["purpose"]["nl"].as_str().unwrap().contains("art."), "{}", a["id"]);
    }
    assert_eq!(activity("disclosure_log")["purpose_dpv"], "dpv:RightsFulfillment");
    let mail = activity("newsletter");
    assert!(mail["third_country_transfers"]["nl"].as_str().unwrap().contains("Verenigde Staten"));
    assert_eq!(mail["links"][0]["url"], "https://nl.godaddy.com/Agreements/Privacy.aspx");

    // The demo candidate's export carries the same entries for what concerns her.
    let kandidaat = app.login("kandidaat@example.org", demo::DEMO_PASSWORD).await.session_cookie().unwrap();
    let export = app.get("/api/me/export", Some(&kandidaat)).await.body;
    let exported = export["register"].as_array().unwrap();
    assert!(exported.iter().any(|a| a["id"] == "newsletter"), "she receives the newsletter");
    for a in exported {
        assert_eq!(a, &activity(a["id"].as_str().unwrap()), "the export's entry is the register's");
    }
}

/// The data protection officer (`--dpo-email`) is in the contact the pages show, and only
/// when the network gave one.
#[tokio::test]
async fn the_contact_names_the_data_protection_officer_when_there_is_one() {
    let app = TestApp::new().await;
    let r = app.get("/api/contact", None).await;
    assert_eq!(r.body["privacy_email"], app.state.privacy_email.as_str());
    assert_eq!(r.body["dpo_email"], "fg@example.org");
    let without = TestApp::with(|c| c.dpo_email = None).await;
    let r = without.get("/api/contact", None).await;
    assert!(r.body.get("dpo_email").is_none(), "{:?}", r.body);
}
