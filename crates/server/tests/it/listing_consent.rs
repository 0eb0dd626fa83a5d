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

/// docs/security.md "Listing consent expires": a consent to be listed holds twelve months.
/// Two instances run the job on a clock moved forward: each reminder (30 and 7 days before)
/// goes once; a renewal with one tap starts a new twelve months; when it runs out the profile
/// leaves the candidate bank (not deleted), the record says it expired, the person is told
/// once, and recruiters no longer find it.
#[tokio::test]
async fn listing_consent_runs_out_after_twelve_months_with_two_reminders() {
    let a = TestApp::new().await;
    let b = a.second_instance().await;
    let email = "twaalf-maanden@example.org";
    let cookie = a.registered(email).await;
    let profile = axum::http::Request::put("/api/me/profile")
        .header("x-requested-with", "zelfregie")
        .header("content-type", "application/json")
        .header("cookie", &cookie)
        .header("if-match", "\"profile-0\"")
        .body(axum::body::Body::from(json!({"personal": {"first_name": "Jaar", "last_name": "Lang"}}).to_string()))
        .unwrap();
    assert_eq!(a.send(profile).await.status, StatusCode::OK);
    let put = |listed: bool, etag: String| {
        let (a, cookie) = (&a, cookie.clone());
        async move {
            let request = axum::http::Request::put(VISIBILITY)
                .header("x-requested-with", "zelfregie")
                .header("content-type", "application/json")
                .header("cookie", &cookie)
                .header("if-match", etag)
                .body(axum::body::Body::from(body(listed).to_string()))
                .unwrap();
            a.send(request).await
        }
    };
    let current = a.get(VISIBILITY, Some(&cookie)).await;
    assert_eq!(put(true, current.header("etag").to_owned()).await.status, StatusCode::OK);
    let status = a.get("/api/me/listing", Some(&cookie)).await;
    let day = |v: &Value| zelfregie_model::privacy_request::day::parse(v.as_str().unwrap()).unwrap();
    let until = day(&status.body["valid_until"]);
    assert_eq!(status.body["listed"], true);
    let today =
        zelfregie_model::privacy_request::dutch_date(zelfregie_domain::testing::to_datetime(a.state.clock.now()));
    assert_eq!(until, zelfregie_model::privacy_request::add_months(today, 12), "twelve months");
    let reminders = |a: &TestApp| a.mails_to(email).iter().filter(|m| m.contains("loopt af")).count();

    // Run both instances' jobs on the same moved clock (both clocks moved alike).
    let run_both = |days: i64| {
        let (a, b) = (&a, &b);
        async move {
            a.state.clock.advance_days(days);
            b.state.clock.advance_days(days);
            let (ra, rb) = tokio::join!(
                zelfregie_domain::listing::run(&a.state, a.state.clock.now()),
                zelfregie_domain::listing::run(&b.state, b.state.clock.now())
            );
            let (ra, rb) = (ra.unwrap(), rb.unwrap());
            (ra.reminded + rb.reminded, ra.lapsed + rb.lapsed)
        }
    };
    let to_day = |d: time::Date| (d - today).whole_days();
    assert_eq!(run_both(to_day(until) - 31).await, (0, 0), "31 days before: nothing");
    assert_eq!(run_both(1).await, (1, 0), "30 days before: one reminder from two instances");
    assert_eq!(run_both(1).await, (0, 0), "not again the next day");
    assert_eq!(run_both(22).await, (1, 0), "7 days before: the second reminder");
    assert_eq!(run_both(0).await, (0, 0));
    assert_eq!(reminders(&a), 2, "two reminder mails in all");
    assert!(a.mails_to(email).iter().any(|m| m.contains("/zichtbaarheid")), "the mail says where to renew");

    // One tap renews it: twelve months from (the moved) today.
    let renew = || {
        a.call(
            Method::POST,
            "/api/me/listing/renew",
            Some(json!({"consent_text_version": listing::current().version})),
            Some(&cookie),
        )
    };
    let renewed = renew().await;
    assert_eq!(renewed.status, StatusCode::OK, "{:?}", renewed.body);
    assert_ne!(renewed.body["valid_until"], status.body["valid_until"]);
    assert_eq!(run_both(8).await, (0, 0), "past the first end: the renewal holds");
    assert!(listed_now(&a, &cookie).await);

    // Then it runs out: taken out of the candidate bank once, told once.
    let renewed_until = day(&renewed.body["valid_until"]);
    let today =
        zelfregie_model::privacy_request::dutch_date(zelfregie_domain::testing::to_datetime(a.state.clock.now()));
    let (reminded, lapsed) = run_both((renewed_until - today).whole_days() + 1).await;
    assert_eq!((reminded, lapsed), (0, 1), "one lapse from two instances");
    assert_eq!(run_both(1).await, (0, 0));
    assert!(!listed_now(&a, &cookie).await, "out of the candidate bank");
    assert_eq!(a.get("/api/me/listing", Some(&cookie)).await.body["listed"], false);
    let kept = a.get("/api/me/profile", Some(&cookie)).await;
    assert_eq!(kept.body["personal"]["first_name"], "Jaar", "the profile is not deleted");
    let events = consents(&a, &cookie).await;
    let last = events.last().unwrap();
    assert_eq!((last["kind"].as_str(), last["channel"].as_str()), (Some("withdrawn"), Some("expiry")));
    let told = a.mails_to(email).iter().filter(|m| m.contains("niet meer in de kandidatenbank")).count();
    assert_eq!(told, 1, "told once");
    // Nothing to renew any more.
    let again = renew().await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
}
