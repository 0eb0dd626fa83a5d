//! Consent to be listed in the candidate bank (issue 13): recorded like the newsletter's —
//! time, text version, receipt — one event per change, in the same transaction as the change,
//! so the record matches the final state after toggling back and forth and after two devices
//! toggling at once.

use crate::common;

use axum::http::{Method, StatusCode};
use common::{TestApp, PASSWORD};
use serde_json::{json, Value};
use zelfregie_model::listing;

const VISIBILITY: &str = "/api/me/visibility";

/// The body turning the listing on or off, as the visibility page sends it.
fn body(listed: bool) -> Value {
    if listed {
        json!({"listed": true, "consent_text_version": listing::current().version})
    } else {
        json!({"listed": false})
    }
}

/// The listing consent events in the person's export, oldest first.
async fn consents(app: &TestApp, cookie: &str) -> Vec<Value> {
    let export = app.get("/api/me/export", Some(cookie)).await;
    assert_eq!(export.status, StatusCode::OK);
    export.body["candidate_bank"]["listing_consents"].as_array().unwrap().clone()
}

async fn listed_now(app: &TestApp, cookie: &str) -> bool {
    app.get(VISIBILITY, Some(cookie)).await.body["listed"].as_bool().unwrap()
}

#[tokio::test]
async fn toggling_ten_times_records_ten_changes_with_the_text_shown() {
    let app = TestApp::new().await;
    let cookie = app.registered("tien-keer@example.org").await;
    let mut etag = "\"visibility-0\"".to_owned();
    for i in 0..10 {
        let r = app.put_versioned(VISIBILITY, &body(i % 2 == 0), &cookie, &etag).await;
        assert_eq!(r.status, StatusCode::OK, "{i}: {:?}", r.body);
        assert!(r.body.get("consent_text_version").is_none(), "the version is recorded, not stored in the document");
        etag = r.header("etag").to_owned();
    }
    // A save that does not change `listed` records nothing.
    let r = app.put_versioned(VISIBILITY, &json!({"listed": false, "anonymous": true}), &cookie, &etag).await;
    assert_eq!(r.status, StatusCode::OK);

    let events = consents(&app, &cookie).await;
    assert_eq!(events.len(), 10);
    let text = listing::current();
    let hash = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(text.nl.as_bytes()));
    for (i, e) in events.iter().enumerate() {
        assert_eq!(e["kind"], if i % 2 == 0 { "given" } else { "withdrawn" }, "{i}");
        assert_eq!(e["text_version"], text.version);
        assert_eq!(e["text_hash"], hash.as_str());
        assert_eq!(e["channel"], "portal");
        assert!(e["at"].as_str().is_some_and(|t| t.starts_with("20")));
    }
    assert!(!listed_now(&app, &cookie).await, "ends off, as the last event says");

    // The receipt of a consent: Kantara fields, DPV status, the exact text, the joint
    // controllers with the coordinator and the configured privacy contact.
    let given = events[8]["id"].as_i64().unwrap();
    let r = app.get(&format!("/api/me/visibility/receipts/{given}"), Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.header("content-disposition").contains("toestemmingsbewijs-kandidatenbank"));
    assert_eq!(r.body["version"], "KI-CR-v1.1.0");
    assert_eq!(r.body["dpv:hasConsentStatus"], "dpv:ConsentGiven");
    assert_eq!(r.body["piiPrincipalId"], "tien-keer@example.org");
    assert_eq!(r.body["services"][0]["service"], "Kandidatenbank");
    assert_eq!(r.body["event"]["consentText"], text.nl);
    let controllers = r.body["piiControllers"].as_array().unwrap();
    assert_eq!(controllers.len(), 36, "the steering group and the 35 joint controllers");
    assert_eq!(controllers[0]["piiController"], "Stuurgroep IGOM");
    assert_eq!(controllers[0]["email"], app.state.privacy_email.as_str());
    assert!(controllers[1..].iter().all(|c| c["role"] == "Gezamenlijk verantwoordelijke"));
    let withdrawn = events[9]["id"].as_i64().unwrap();
    let w = app.get(&format!("/api/me/visibility/receipts/{withdrawn}"), Some(&cookie)).await;
    assert_eq!(w.body["dpv:hasConsentStatus"], "dpv:ConsentWithdrawn");
    let stranger = app.registered("vreemde@example.org").await;
    let r = app.get(&format!("/api/me/visibility/receipts/{given}"), Some(&stranger)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "another person's receipt is not found");
}

#[tokio::test]
async fn turning_it_on_needs_the_current_text() {
    let app = TestApp::new().await;
    let cookie = app.registered("zonder-tekst@example.org").await;
    let r = app.put_versioned(VISIBILITY, &json!({"listed": true}), &cookie, "\"visibility-0\"").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.body["fields"][0]["field"], "listed", "{:?}", r.body);
    assert_eq!(r.body["fields"][0]["code"], "required");
    let old = json!({"listed": true, "consent_text_version": listing::current().version + 1});
    let r = app.put_versioned(VISIBILITY, &old, &cookie, "\"visibility-0\"").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.body["fields"][0]["code"], "consent_text_outdated");
    assert!(consents(&app, &cookie).await.is_empty(), "nothing recorded");
    assert!(!listed_now(&app, &cookie).await);
}

/// One device: reads the state and flips it `n` times, reloading on a conflict as the page
/// does. Returns how many flips it saved and how many saves met a conflict.
async fn device(app: &TestApp, cookie: &str, n: usize) -> (usize, usize) {
    let (mut saved, mut conflicts) = (0, 0);
    let mut attempts = 0;
    while saved < n && attempts < n * 20 {
        attempts += 1;
        let now = app.get(VISIBILITY, Some(cookie)).await;
        let listed = now.body["listed"].as_bool().unwrap();
        let r = app.put_versioned(VISIBILITY, &body(!listed), cookie, now.header("etag")).await;
        match r.status {
            StatusCode::OK => saved += 1,
            StatusCode::PRECONDITION_FAILED => {
                conflicts += 1;
                tokio::task::yield_now().await
            }
            other => panic!("{other}: {:?}", r.body),
        }
    }
    (saved, conflicts)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_devices_toggling_at_once_leave_a_record_that_matches_the_final_state() {
    let app = TestApp::new().await;
    let phone = app.registered("twee-toestellen@example.org").await;
    let laptop = app.login("twee-toestellen@example.org", PASSWORD).await.session_cookie().unwrap();
    let ((a, a_conflicts), (b, b_conflicts)) = tokio::join!(device(&app, &phone, 10), device(&app, &laptop, 10));
    eprintln!("two devices: {a} + {b} flips saved, {a_conflicts} + {b_conflicts} conflicts (412)");
    let events = consents(&app, &phone).await;
    assert_eq!(events.len(), a + b, "one event per saved change, none lost, none doubled");
    for pair in events.windows(2) {
        assert_ne!(pair[0]["kind"], pair[1]["kind"], "on and off alternate: {events:?}");
    }
    assert_eq!(events[0]["kind"], "given");
    let last_given = events.last().unwrap()["kind"] == "given";
    assert_eq!(last_given, listed_now(&app, &phone).await, "the record matches the final state");
    // The version counts every save: the document and the record moved together.
    let etag = app.get(VISIBILITY, Some(&phone)).await.header("etag").to_owned();
    assert_eq!(etag, format!("\"visibility-{}\"", a + b));
}

#[tokio::test]
async fn deleting_the_profile_while_listed_records_the_withdrawal() {
    let app = TestApp::new().await;
    let cookie = app.registered("weg-profiel@example.org").await;
    let profile = json!({"personal": {"first_name": "Weg", "last_name": "Profiel", "city": "Heerlen"}});
    let r = app.put_versioned("/api/me/profile", &profile, &cookie, "\"profile-0\"").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let r = app.put_versioned(VISIBILITY, &body(true), &cookie, "\"visibility-0\"").await;
    assert_eq!(r.status, StatusCode::OK);
    let r = app.call(Method::DELETE, "/api/me/profile", Some(json!({"password": PASSWORD})), Some(&cookie)).await;
    assert!(r.status.is_success(), "{:?}", r.body);
    let kinds: Vec<Value> = consents(&app, &cookie).await.iter().map(|e| e["kind"].clone()).collect();
    assert_eq!(kinds, vec![json!("given"), json!("withdrawn")]);
}

#[tokio::test]
async fn the_demo_candidate_is_listed_with_a_recorded_consent() {
    let app = TestApp::demo().await;
    let cookie = app.demo_cookie("kandidaat@example.org").await;
    let events = consents(&app, &cookie).await;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["kind"], "given");
    assert!(listed_now(&app, &cookie).await);
}
