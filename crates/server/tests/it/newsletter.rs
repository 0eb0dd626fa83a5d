//! Newsletter consent (issue 5): double opt-in, one-click withdrawal in the portal and from
//! the e-mail (RFC 8058), append-only history, receipts, and delivery to the mailing
//! processor through the outbox — against a real HTTP fake processor that fails, hangs and
//! recovers, with the worker killed and restarted.

use crate::common;

use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use common::{TestApp, PASSWORD};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use zelfregie_domain::newsletter;
use zelfregie_model::newsletter::ConsentText;
use zelfregie_server::config::Secret;

const SECRET: &str = "gedeeld-geheim-met-de-verzendpartij";

/// What the fake processor does with the next request.
#[derive(Clone, Copy, Debug)]
enum Behaviour {
    Fail(u16),
    /// Applies the change, then answers too late for the client.
    ApplyAndHang,
    Ok,
}

#[derive(Default)]
struct Fake {
    script: Mutex<VecDeque<Behaviour>>,
    /// Every request: (idempotency key, body, signature valid).
    requests: Mutex<Vec<(String, Value, bool)>>,
    /// Changes applied, by idempotency key (the effect the processor deduplicates).
    applied: Mutex<HashMap<String, Value>>,
    /// When the script is empty: answer this.
    otherwise: Mutex<Option<u16>>,
    /// Every change applied, in the order the processor applied them.
    log: Mutex<Vec<Value>>,
}

async fn fake_endpoint(State(fake): State<Arc<Fake>>, headers: HeaderMap, body: String) -> StatusCode {
    let key = headers.get("idempotency-key").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    let signature = headers.get("x-zelfregie-signature").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    let key_bytes: [u8; 32] = Sha256::digest(SECRET.as_bytes()).into();
    let expected = {
        use hmac::Mac;
        let mut mac = hmac::Hmac::<Sha256>::new_from_slice(&key_bytes).unwrap();
        mac.update(body.as_bytes());
        format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
    };
    let value: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
    fake.requests.lock().unwrap().push((key.clone(), value.clone(), signature == expected));
    let next = fake.script.lock().unwrap().pop_front();
    let fallback = *fake.otherwise.lock().unwrap();
    match next {
        Some(Behaviour::Fail(code)) => StatusCode::from_u16(code).unwrap(),
        Some(Behaviour::ApplyAndHang) => {
            fake.applied.lock().unwrap().entry(key).or_insert(value);
            tokio::time::sleep(Duration::from_secs(3)).await;
            StatusCode::OK
        }
        Some(Behaviour::Ok) | None => match fallback {
            Some(code) => StatusCode::from_u16(code).unwrap(),
            None => {
                fake.log.lock().unwrap().push(value.clone());
                fake.applied.lock().unwrap().entry(key).or_insert(value);
                StatusCode::OK
            }
        },
    }
}

async fn start_fake(fake: Arc<Fake>) -> String {
    let app = Router::new().route("/hook", axum::routing::post(fake_endpoint)).with_state(fake);
    let listener = tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0))).await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    url
}

async fn app_with_processor(url: &str, max_attempts: u32) -> TestApp {
    let url = url.to_owned();
    TestApp::with(move |c| {
        c.processor_url = Some(url);
        c.processor_secret = Secret(SECRET.into());
        c.outbox_base_delay_ms = 20;
        c.processor_timeout_ms = 300;
        c.outbox_max_attempts = max_attempts;
    })
    .await
}

fn confirmation_token(app: &TestApp) -> String {
    let text = app.mails().pop().unwrap().text;
    let start = text.find("bevestigen?token=").unwrap() + "bevestigen?token=".len();
    text[start..].split_whitespace().next().unwrap().to_owned()
}

async fn subscribed(app: &TestApp, email: &str) -> String {
    let cookie = app.registered(email).await;
    let v = ConsentText::current().version;
    let r = app.call(Method::POST, "/api/me/newsletter", Some(json!({"text_version": v})), Some(&cookie)).await;
    assert_eq!(r.body["subscription"], "pending", "{:?}", r.body);
    let token = confirmation_token(app);
    let r = app.call(Method::POST, "/api/newsletter/confirm", Some(json!({"token": token})), None).await;
    assert_eq!(r.body["subscription"], "active", "{:?}", r.body);
    cookie
}

async fn outbox(app: &TestApp) -> Vec<(String, String, i64)> {
    sqlx::query_as("SELECT action, status, attempts FROM processor_outbox ORDER BY id")
        .fetch_all(app.state.db.pool())
        .await
        .unwrap()
}

/// Waits until the latest outbox row has `status` (the worker runs concurrently).
async fn wait_for_status(app: &TestApp, status: &str) -> (String, String, i64) {
    for _ in 0..200 {
        if let Some(last) = outbox(app).await.pop() {
            if last.1 == status {
                return last;
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("outbox never reached {status}: {:?}", outbox(app).await);
}

#[tokio::test]
async fn double_opt_in_sends_nothing_before_the_link_is_used() {
    let app = TestApp::new().await;
    let cookie = app.registered("nieuws@example.org").await;
    let r = app.get("/api/me/newsletter", Some(&cookie)).await;
    assert_eq!(r.body["subscription"], "none");
    let old = app.call(Method::POST, "/api/me/newsletter", Some(json!({"text_version": 0})), Some(&cookie)).await;
    assert_eq!((old.status, old.code()), (StatusCode::CONFLICT, "consent_text_outdated"));

    let v = ConsentText::current().version;
    let r = app.call(Method::POST, "/api/me/newsletter", Some(json!({"text_version": v})), Some(&cookie)).await;
    assert_eq!(r.body["subscription"], "pending");
    assert!(outbox(&app).await.is_empty(), "nothing goes to the processor before confirmation");
    let token = confirmation_token(&app);

    let r = app.call(Method::POST, "/api/newsletter/confirm", Some(json!({"token": token})), None).await;
    assert_eq!(r.body["subscription"], "active");
    assert_eq!(outbox(&app).await, vec![("subscribe".into(), "pending".into(), 0)]);
    let again = app.call(Method::POST, "/api/newsletter/confirm", Some(json!({"token": token})), None).await;
    assert_eq!((again.status, again.code()), (StatusCode::BAD_REQUEST, "token_invalid"), "a link works once");

    let status = app.get("/api/me/newsletter", Some(&cookie)).await;
    let kinds: Vec<&str> =
        status.body["events"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["confirmed", "given"], "newest first");
    let expected_hash = hex::encode(Sha256::digest(ConsentText::current().nl.as_bytes()));
    assert_eq!(status.body["events"][1]["text_hash"], expected_hash);
    assert_eq!(status.body["events"][1]["channel"], "portal");
    assert_eq!(status.body["events"][0]["channel"], "email_link");
}

#[tokio::test]
async fn withdrawing_is_one_click_and_leaves_the_mailing_list_at_once() {
    let app = TestApp::new().await;
    let cookie = subscribed(&app, "weg@example.org").await;
    subscribed(&app, "blijft@example.org").await;
    let list = newsletter::mailing_list(&app.state).await.unwrap();
    assert_eq!(list.len(), 2);

    let r = app.call(Method::DELETE, "/api/me/newsletter", None, Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body["subscription"], "none");
    assert_eq!(r.body["events"][0]["kind"], "withdrawn");
    assert_eq!(r.body["processor"][0], "unsubscribe");
    assert_eq!(r.body["processor"][1]["state"], "pending", "the processor has not been reached (no worker runs here)");
    let list = newsletter::mailing_list(&app.state).await.unwrap();
    assert_eq!(list.iter().map(|(e, _)| e.as_str()).collect::<Vec<_>>(), ["blijft@example.org"]);
    // Withdrawing again changes nothing.
    app.call(Method::DELETE, "/api/me/newsletter", None, Some(&cookie)).await;
    let events = app.get("/api/me/newsletter", Some(&cookie)).await.body["events"].as_array().unwrap().len();
    assert_eq!(events, 3);
}

fn one_click(url_path: &str) -> Request<Body> {
    // Exactly what a mail client sends (RFC 8058 §3.1): a plain form, no cookie, no header.
    Request::builder()
        .method(Method::POST)
        .uri(url_path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("List-Unsubscribe=One-Click"))
        .unwrap()
}

#[tokio::test]
async fn the_one_click_link_works_without_login_and_cannot_be_forged_or_replayed() {
    let app = TestApp::new().await;
    let cookie = subscribed(&app, "klik@example.org").await;
    let other = subscribed(&app, "ander@example.org").await;
    let (_, url) =
        newsletter::mailing_list(&app.state).await.unwrap().into_iter().find(|(e, _)| e == "klik@example.org").unwrap();
    let path = url.one_click.trim_start_matches(&app.state.public_url).to_owned();
    assert!(path.starts_with("/api/newsletter/unsubscribe?token="));

    let token = path.split("token=").nth(1).unwrap();
    let mut forged = token.to_owned();
    // A changed tag (characters 11 on are the HMAC's):
    forged.replace_range(20..21, if &forged[20..21] == "A" { "B" } else { "A" });
    let r = app.send(one_click(&format!("/api/newsletter/unsubscribe?token={forged}"))).await;
    assert_eq!((r.status, r.code()), (StatusCode::BAD_REQUEST, "token_invalid"));
    assert_eq!(app.get("/api/me/newsletter", Some(&cookie)).await.body["subscription"], "active");

    let r = app.send(one_click(&path)).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(r.body["subscription"], "none");
    let after = app.get("/api/me/newsletter", Some(&cookie)).await;
    assert_eq!(after.body["events"][0]["kind"], "withdrawn");
    assert_eq!(after.body["events"][0]["channel"], "email_link");
    assert_eq!(app.get("/api/me/newsletter", Some(&other)).await.body["subscription"], "active", "only that person");

    let replay = app.send(one_click(&path)).await;
    assert_eq!(replay.status, StatusCode::OK);
    let events = app.get("/api/me/newsletter", Some(&cookie)).await.body["events"].as_array().unwrap().len();
    assert_eq!(events, 3, "a replay records nothing");
    let unsubscribes = outbox(&app).await.iter().filter(|r| r.0 == "unsubscribe").count();
    assert_eq!(unsubscribes, 1, "and sends nothing twice");
}

#[tokio::test]
async fn consent_events_are_append_only_except_for_erasure() {
    let app = TestApp::new().await;
    subscribed(&app, "vast@example.org").await;
    let db = app.state.db.pool();
    let update = sqlx::query("UPDATE consent_events SET kind = 'withdrawn'").execute(db).await;
    assert!(update.unwrap_err().to_string().contains("append-only"));
    let delete = sqlx::query("DELETE FROM consent_events").execute(db).await;
    assert!(delete.unwrap_err().to_string().contains("append-only"));
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM consent_events").fetch_one(db).await.unwrap();
    assert_eq!(n, 2);
    // Erasure of the whole account removes them.
    sqlx::query("DELETE FROM accounts WHERE email = 'vast@example.org'").execute(db).await.unwrap();
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM consent_events").fetch_one(db).await.unwrap();
    assert_eq!(n, 0);
}

#[tokio::test]
async fn receipts_carry_the_kantara_fields_and_dpv_status() {
    let app = TestApp::new().await;
    let cookie = subscribed(&app, "bewijs@example.org").await;
    app.call(Method::DELETE, "/api/me/newsletter", None, Some(&cookie)).await;
    let events = app.get("/api/me/newsletter", Some(&cookie)).await.body["events"].clone();
    let withdrawn = events[0]["id"].as_i64().unwrap();
    let given = events[2]["id"].as_i64().unwrap();

    let r = app.get(&format!("/api/me/newsletter/receipts/{given}"), Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.header("content-disposition").starts_with("attachment; filename=\"toestemmingsbewijs-nieuwsflits-"));
    let b = &r.body;
    for field in [
        "version",
        "jurisdiction",
        "consentTimestamp",
        "collectionMethod",
        "consentReceiptID",
        "language",
        "piiPrincipalId",
        "piiControllers",
        "policyUrl",
        "services",
        "sensitive",
        "spiCat",
    ] {
        assert!(b.get(field).is_some(), "{field} missing");
    }
    assert_eq!(b["version"], "KI-CR-v1.1.0");
    assert_eq!(b["piiPrincipalId"], "bewijs@example.org");
    assert_eq!(b["services"][0]["purposes"][0]["piiCategory"], json!(["Naam", "E-mailadres"]));
    assert_eq!(
        b["services"][0]["purposes"][0]["thirdPartyName"],
        "Liram (verwerker), verzending door Mad Mimi (subverwerker van Liram)"
    );
    assert_eq!(b["dataProtectionOfficer"]["email"], "fg@example.org", "the data protection officer is in the receipt");
    assert_eq!(b["services"][0]["purposes"][0]["thirdPartyCountry"], "US", "the transfer to a third country");
    // Joint controllers: the steering group as coordinator, then the 35 member organisations.
    let controllers = b["piiControllers"].as_array().unwrap();
    assert_eq!(controllers.len(), 36);
    assert_eq!(controllers[0]["piiController"], "Stuurgroep IGOM");
    assert_eq!(controllers[0]["onBehalf"], true);
    assert!(controllers[0]["role"].as_str().unwrap().contains("Regisseur"));
    assert!(controllers[0]["email"].as_str().unwrap().contains('@'));
    assert!(controllers[1..].iter().all(|c| c["role"] == "Gezamenlijk verantwoordelijke"));
    assert!(controllers.iter().any(|c| c["piiController"] == "Gemeente Kerkrade"));
    // Every controller with the Kantara contact fields (issue 24: 35 of 36 had none).
    for c in controllers {
        for field in ["contact", "address", "email"] {
            assert!(c.get(field).is_some_and(|v| !v.is_null()), "{} lacks {field}", c["piiController"]);
        }
    }
    // Ids are unique across services: the listing's first receipt is not the newsletter's.
    assert_eq!(b["consentReceiptID"], format!("urn:zelfregie:consent:nieuwsflits:{given}"));
    let listed = json!({"listed": true, "consent_text_version": zelfregie_model::listing::current().version});
    let etag = app.get("/api/me/visibility", Some(&cookie)).await.header("etag").to_owned();
    let r = app.put_versioned("/api/me/visibility", &listed, &cookie, &etag).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let export = app.get("/api/me/export", Some(&cookie)).await.body;
    let listing_id = export["candidate_bank"]["listing_consents"][0]["id"].as_i64().unwrap();
    let l = app.get(&format!("/api/me/visibility/receipts/{listing_id}"), Some(&cookie)).await;
    assert_eq!(l.status, StatusCode::OK);
    assert_eq!(l.body["consentReceiptID"], format!("urn:zelfregie:consent:kandidatenbank:{listing_id}"));
    assert_ne!(l.body["consentReceiptID"], b["consentReceiptID"]);
    assert_eq!(b["dpv:hasConsentStatus"], "dpv:ConsentGiven");
    assert!(b["event"]["consentTextHash"].as_str().unwrap().starts_with("sha256:"));
    let w = app.get(&format!("/api/me/newsletter/receipts/{withdrawn}"), Some(&cookie)).await;
    assert_eq!(w.body["dpv:hasConsentStatus"], "dpv:ConsentWithdrawn");
    // The page reads every receipt in words (issue 25 item 10): each parses into its view.
    for body in [b, &l.body, &w.body] {
        let view: zelfregie_model::newsletter::ReceiptView = serde_json::from_value(body.clone()).unwrap();
        assert_eq!(view.pii_controllers.len(), 36, "the coordinator and the 35 members");
        assert!(!view.services[0].purposes[0].termination.is_empty());
        assert!(view.event.consent_text.is_some());
    }
    let given_view: zelfregie_model::newsletter::ReceiptView = serde_json::from_value(b.clone()).unwrap();
    assert!(given_view.given());
    assert_eq!(given_view.services[0].purposes[0].third_party_country.as_deref(), Some("US"));

    let stranger = app.registered("vreemd@example.org").await;
    let r = app.get(&format!("/api/me/newsletter/receipts/{given}"), Some(&stranger)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "another person's receipt is not found");
}

#[tokio::test]
async fn a_failing_then_hanging_then_recovering_processor_gets_the_withdrawal_exactly_once() {
    let fake = Arc::new(Fake::default());
    let url = start_fake(fake.clone()).await;
    let app = app_with_processor(&url, 10).await;
    let cookie = subscribed(&app, "storing@example.org").await;
    let worker = tokio::spawn(app.state.outbox.clone().run());
    wait_for_status(&app, "delivered").await;

    fake.script.lock().unwrap().extend([
        Behaviour::Fail(503),
        Behaviour::Fail(503),
        Behaviour::Fail(500),
        Behaviour::ApplyAndHang,
        Behaviour::Ok,
    ]);
    app.call(Method::DELETE, "/api/me/newsletter", None, Some(&cookie)).await;
    let (action, _, attempts) = wait_for_status(&app, "delivered").await;
    worker.abort();
    assert_eq!((action.as_str(), attempts), ("unsubscribe", 5), "3 refusals, 1 timeout, then delivered");

    let requests = fake.requests.lock().unwrap().clone();
    let unsubscribe: Vec<_> = requests.iter().filter(|(_, b, _)| b["action"] == "unsubscribe").collect();
    assert_eq!(unsubscribe.len(), 5);
    assert!(unsubscribe.iter().all(|(k, _, _)| *k == unsubscribe[0].0), "one idempotency key throughout");
    assert!(requests.iter().all(|(_, _, signed)| *signed), "every body is signed with the shared secret");
    let effects = fake.applied.lock().unwrap().values().filter(|b| b["action"] == "unsubscribe").count();
    assert_eq!(effects, 1, "applied once in effect, although received twice");
    let body = &unsubscribe[0].1;
    let mut keys: Vec<&str> = body.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(keys, ["action", "email", "event_at", "name", "seq"], "only name and e-mail, and the message's order");

    let status = app.get("/api/me/newsletter", Some(&cookie)).await;
    assert_eq!(status.body["processor"][1]["state"], "delivered");
}

#[tokio::test]
async fn a_worker_killed_after_the_commit_delivers_after_restart() {
    let fake = Arc::new(Fake::default());
    *fake.otherwise.lock().unwrap() = Some(503);
    let url = start_fake(fake.clone()).await;
    let app = app_with_processor(&url, 50).await;
    let cookie = subscribed(&app, "herstart@example.org").await;
    // Processor down; the withdrawal is committed with its outbox row, the worker tries…
    app.call(Method::DELETE, "/api/me/newsletter", None, Some(&cookie)).await;
    let worker = tokio::spawn(app.state.outbox.clone().run());
    for _ in 0..100 {
        if outbox(&app).await.iter().any(|r| r.0 == "unsubscribe" && r.2 >= 2) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // …and dies.
    worker.abort();
    let _ = worker.await;
    *fake.otherwise.lock().unwrap() = None;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let rows = outbox(&app).await;
    assert!(
        rows.iter().any(|r| r.0 == "unsubscribe" && r.1 == "pending"),
        "nothing delivered while no worker runs: {rows:?}"
    );

    // A new worker (a restarted process) picks it up.
    let worker = tokio::spawn(app.state.outbox.clone().run());
    let (action, status, _) = wait_for_status(&app, "delivered").await;
    worker.abort();
    assert_eq!((action.as_str(), status.as_str()), ("unsubscribe", "delivered"));
    let all = outbox(&app).await;
    assert!(all.iter().all(|r| r.1 == "delivered"), "{all:?}");
    let applied = fake.applied.lock().unwrap();
    assert_eq!(applied.values().filter(|b| b["action"] == "unsubscribe").count(), 1);
}

#[tokio::test]
async fn after_the_last_attempt_the_delivery_is_dead_lettered_and_the_person_sees_it() {
    let fake = Arc::new(Fake::default());
    *fake.otherwise.lock().unwrap() = Some(500);
    let url = start_fake(fake.clone()).await;
    let app = app_with_processor(&url, 3).await;
    let cookie = app.registered("dood@example.org").await;
    let v = ConsentText::current().version;
    app.call(Method::POST, "/api/me/newsletter", Some(json!({"text_version": v})), Some(&cookie)).await;
    let token = confirmation_token(&app);
    app.call(Method::POST, "/api/newsletter/confirm", Some(json!({"token": token})), None).await;
    let worker = tokio::spawn(app.state.outbox.clone().run());
    let (_, _, attempts) = wait_for_status(&app, "dead").await;
    worker.abort();
    assert_eq!(attempts, 3);
    let status = app.get("/api/me/newsletter", Some(&cookie)).await;
    assert_eq!(status.body["processor"][1], json!({"state": "failed", "attempts": 3}));
    let (error,): (String,) =
        sqlx::query_as("SELECT last_error FROM processor_outbox").fetch_one(app.state.db.pool()).await.unwrap();
    assert_eq!(error, "HTTP 500", "the reason is kept, without personal data");
    let _ = PASSWORD;
}

/// The mailing processor is down for a while: people's subscriptions wait in backoff while
/// they withdraw again. When it comes back, every person's messages arrive in the order they
/// were made, so each ends unsubscribed (on the old code, 7–8 of 16 were re-subscribed by
/// a late subscribe). The processor can also check the order itself: `seq` only grows.
#[tokio::test]
async fn a_withdrawal_is_never_overtaken_by_an_older_subscribe() {
    let fake = Arc::new(Fake::default());
    let url = start_fake(fake.clone()).await;
    let app = app_with_processor(&url, 1_000).await;
    *fake.otherwise.lock().unwrap() = Some(503);
    let worker = tokio::spawn(app.state.outbox.clone().run());

    let mut people = Vec::new();
    for i in 0..16 {
        let email = format!("storing-{i:02}@example.org");
        people.push((email.clone(), subscribed(&app, &email).await));
    }
    // Their subscriptions fail and back off (20 ms, doubling) while the processor is down.
    tokio::time::sleep(Duration::from_millis(700)).await;
    for (_, cookie) in &people {
        let r = app.call(Method::DELETE, "/api/me/newsletter", None, Some(cookie)).await;
        assert_eq!(r.body["subscription"], "none");
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    *fake.otherwise.lock().unwrap() = None;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    loop {
        let (pending,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM processor_outbox WHERE status = 'pending'")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
        if pending == 0 {
            break;
        }
        assert!(tokio::time::Instant::now() < deadline, "{pending} messages still pending");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    worker.abort();

    let log = fake.log.lock().unwrap().clone();
    for (email, _) in &people {
        let mine: Vec<&Value> = log.iter().filter(|m| m["email"] == email.as_str()).collect();
        let actions: Vec<&str> = mine.iter().map(|m| m["action"].as_str().unwrap()).collect();
        assert_eq!(actions, ["subscribe", "unsubscribe"], "{email}: in the order they were made");
        let seqs: Vec<i64> = mine.iter().map(|m| m["seq"].as_i64().unwrap()).collect();
        assert!(seqs.windows(2).all(|w| w[0] < w[1]), "{email}: seq grows: {seqs:?}");
        assert!(mine.iter().all(|m| m["event_at"].as_str().is_some_and(|t| t.ends_with('Z'))));
    }
}

/// Mail systems open every link: the unsubscribe link handed to the processor for people is
/// a page (a button acts), the POST address is only the RFC 8058 one-click target, a GET of
/// that address changes nothing, and the portal's own newsletter mail carries both headers.
#[tokio::test]
async fn unsubscribe_links_survive_mail_scanners() {
    let app = TestApp::new().await;
    let cookie = subscribed(&app, "scanner@example.org").await;
    // The confirmation mail: both headers, and the page in the body.
    let mails: Vec<String> = app
        .mails()
        .into_iter()
        .map(|m| m.text)
        .filter(|m| m.contains("Subject: Bevestig je aanmelding voor de nieuwsflits"))
        .collect();
    let mail = &mails[0];
    let base = &app.state.public_url;
    let header = mail.lines().find(|l| l.starts_with("List-Unsubscribe: ")).expect("List-Unsubscribe");
    assert!(header.starts_with(&format!("List-Unsubscribe: <{base}/api/newsletter/unsubscribe?token=")), "{header}");
    assert!(mail.contains("\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"));
    assert!(mail.contains(&format!("{base}/nieuwsbrief/afmelden?token=")));

    // What the processor gets for its newsletters.
    while app.state.outbox.deliver_one().await.unwrap() {}
    let told = std::fs::read_to_string(app.data_dir().join("processor-deliveries.jsonl")).unwrap();
    let payload: Value = serde_json::from_str::<Value>(told.lines().last().unwrap()).unwrap()["payload"].clone();
    let page = payload["unsubscribe_url"].as_str().unwrap();
    let post = payload["unsubscribe_post_url"].as_str().unwrap();
    assert!(page.starts_with(&format!("{base}/nieuwsbrief/afmelden?token=")), "people get the page: {page}");
    assert!(post.starts_with(&format!("{base}/api/newsletter/unsubscribe?token=")), "{post}");

    // A scanner sends HEAD and GET to both, twice: nothing changes.
    let post_path = post.trim_start_matches(base.as_str()).to_owned();
    let page_path = page.trim_start_matches(base.as_str()).to_owned();
    for _ in 0..2 {
        for path in [&post_path, &page_path] {
            app.send(Request::head(path.as_str()).body(Body::empty()).unwrap()).await;
            let r = app.get(path, None).await;
            if path == &post_path {
                assert_eq!(r.status, StatusCode::SEE_OTHER, "a GET of the one-click address is sent to the page");
                assert_eq!(r.header("location"), page_path);
            }
        }
    }
    assert_eq!(app.get("/api/me/newsletter", Some(&cookie)).await.body["subscription"], "active");
    // The mail client's one-click POST (a plain form, no CSRF header) unsubscribes.
    let r = app.send(one_click(&post_path)).await;
    assert_eq!(r.body["subscription"], "none");
    assert_eq!(app.get("/api/me/newsletter", Some(&cookie)).await.body["subscription"], "none");
}

/// Fifteen presses of "subscribe" in a row, and fifteen at once: one `given`, and no more
/// confirmation mails than the cool-down and the daily cap allow.
#[tokio::test]
async fn repeated_subscribe_requests_send_few_mails_and_record_one_consent() {
    let app = TestApp::new().await;
    let email = "steeds-weer@example.org";
    let cookie = app.registered(email).await;
    let v = ConsentText::current().version;
    let confirmations = |app: &TestApp| app.link_tokens(email, "/nieuwsbrief/bevestigen").len();
    let mut statuses = Vec::new();
    for _ in 0..15 {
        let r = app.call(Method::POST, "/api/me/newsletter", Some(json!({"text_version": v})), Some(&cookie)).await;
        statuses.push(r.status);
    }
    assert_eq!(statuses[0], StatusCode::OK);
    assert!(statuses[1..].iter().all(|s| *s == StatusCode::TOO_MANY_REQUESTS), "{statuses:?}");
    assert_eq!(confirmations(&app), 1, "one mail in the cool-down");
    // The cool-down passed every time: a new link each time up to the daily cap, still one `given`.
    let keys = newsletter::mail_keys(&app.state, 0, email);
    let account_key = {
        let (id,): (i64,) = sqlx::query_as("SELECT id FROM accounts WHERE email = $1")
            .bind(email)
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
        newsletter::mail_keys(&app.state, id, email)[0].clone()
    };
    for _ in 0..15 {
        for key in [&account_key, &keys[2]] {
            sqlx::query("UPDATE throttle SET window_start = window_start - 121 WHERE key = $1")
                .bind(key)
                .execute(app.state.db.pool())
                .await
                .unwrap();
        }
        app.call(Method::POST, "/api/me/newsletter", Some(json!({"text_version": v})), Some(&cookie)).await;
    }
    assert_eq!(confirmations(&app), 5, "the daily cap");
    let status = app.get("/api/me/newsletter", Some(&cookie)).await.body;
    assert_eq!(status["subscription"], "pending");
    assert_eq!(status["events"].as_array().unwrap().len(), 1, "one consent event: {status}");
    // Any of the links confirms; then asking again changes nothing and mails nothing.
    let token = app.link_tokens(email, "/nieuwsbrief/bevestigen").pop().unwrap();
    let r = app.call(Method::POST, "/api/newsletter/confirm", Some(json!({"token": token})), None).await;
    assert_eq!(r.body["subscription"], "active");
    let r = app.call(Method::POST, "/api/me/newsletter", Some(json!({"text_version": v})), Some(&cookie)).await;
    assert_eq!(r.body["subscription"], "active");
    assert_eq!(confirmations(&app), 5);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_subscribe_requests_send_one_mail() {
    let app = Arc::new(TestApp::new().await);
    let email = "tegelijk-nieuws@example.org";
    let cookie = app.registered(email).await;
    let v = ConsentText::current().version;
    let tasks: Vec<_> = (0..15)
        .map(|_| {
            let (app, cookie) = (app.clone(), cookie.clone());
            tokio::spawn(async move {
                app.call(Method::POST, "/api/me/newsletter", Some(json!({"text_version": v})), Some(&cookie))
                    .await
                    .status
            })
        })
        .collect();
    let mut ok = 0;
    for t in tasks {
        ok += usize::from(t.await.unwrap() == StatusCode::OK);
    }
    assert_eq!(ok, 1);
    assert_eq!(app.link_tokens(email, "/nieuwsbrief/bevestigen").len(), 1);
    let status = app.get("/api/me/newsletter", Some(&cookie)).await.body;
    assert_eq!(status["events"].as_array().unwrap().len(), 1);
}

/// Issue 24: forged one-click tokens answered 400 when their account id existed and 200 when
/// it did not, and the token carried the id in clear, so anyone could read which accounts
/// exist. Now forged tokens for existing and missing ids, and the link of an erased person,
/// all get one answer; and a real token does not carry its account's id.
#[tokio::test]
async fn unsubscribe_tokens_tell_nobody_which_accounts_exist() {
    use base64::Engine;
    let app = TestApp::new().await;
    subscribed(&app, "bestaat@example.org").await;
    let gone = subscribed(&app, "gewist@example.org").await;
    let links = newsletter::mailing_list(&app.state).await.unwrap();
    let path_of = |email: &str| {
        let (_, url) = links.iter().find(|(e, _)| e == email).unwrap();
        url.one_click.trim_start_matches(&app.state.public_url).to_owned()
    };
    let (existing, erased) = (path_of("bestaat@example.org"), path_of("gewist@example.org"));
    let r = app.call(Method::DELETE, "/api/me/account", Some(json!({"password": PASSWORD})), Some(&gone)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);

    let mut answers = std::collections::BTreeSet::new();
    for id in 1..=20i64 {
        // The first format of token (the id in clear), with a tag made up.
        let forged =
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode([&id.to_be_bytes()[..], &[7u8; 16]].concat());
        let r = app.send(one_click(&format!("/api/newsletter/unsubscribe?token={forged}"))).await;
        answers.insert((r.status, r.raw.clone()));
    }
    let r = app.send(one_click(&erased)).await;
    answers.insert((r.status, r.raw.clone()));
    assert_eq!(answers.len(), 1, "one answer for every id and for the erased person: {answers:?}");
    let (status, body) = answers.into_iter().next().unwrap();
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(String::from_utf8_lossy(&body).contains("token_invalid"));

    // A real token does not carry its account's id; it still works.
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM accounts WHERE email = 'bestaat@example.org'")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    let token = existing.split("token=").nth(1).unwrap();
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(token).unwrap();
    assert!(!bytes.windows(8).any(|w| w == id.to_be_bytes()), "the id in clear: {bytes:?}");
    let r = app.send(one_click(&existing)).await;
    assert_eq!((r.status, &r.body["subscription"]), (StatusCode::OK, &json!("none")));
}

/// docs/security.md "Corrections are passed on": a subscribed person corrects their name in
/// the profile and the newsletter's sender gets the new name (a new subscribe for the same
/// address); saving the same name again, or a person who is not subscribed, sends nothing.
/// Before, the sender kept the old name until the person unsubscribed.
#[tokio::test]
async fn a_corrected_name_is_passed_on_to_the_sender_once() {
    let app = TestApp::new().await;
    let cookie = subscribed(&app, "naam-fout@example.org").await;
    let not_subscribed = app.registered("geen-lezer@example.org").await;
    let payloads = || async {
        let rows: Vec<(String,)> = sqlx::query_as("SELECT payload FROM processor_outbox ORDER BY id")
            .fetch_all(app.state.db.pool())
            .await
            .unwrap();
        rows.into_iter().map(|(p,)| serde_json::from_str::<serde_json::Value>(&p).unwrap()).collect::<Vec<_>>()
    };
    assert_eq!(payloads().await.len(), 1, "the subscription");
    let save = |cookie: String, first: &'static str, version: i64| {
        let app = &app;
        async move {
            let body = json!({"personal": {"first_name": first, "last_name": "Jansen"}});
            app.put_versioned("/api/me/profile", &body, &cookie, &format!("\"profile-{version}\"")).await.status
        }
    };
    assert_eq!(save(cookie.clone(), "Anja", 0).await, StatusCode::OK);
    let sent = payloads().await;
    assert_eq!(sent.len(), 2, "the name goes on: {sent:?}");
    assert_eq!((sent[1]["action"].as_str(), sent[1]["name"].as_str()), (Some("subscribe"), Some("Anja Jansen")));
    assert_eq!(sent[1]["email"], "naam-fout@example.org");
    assert_eq!(save(cookie.clone(), "Anja", 1).await, StatusCode::OK);
    assert_eq!(payloads().await.len(), 2, "the same name again: nothing new");
    assert_eq!(save(cookie.clone(), "Anna", 2).await, StatusCode::OK);
    assert_eq!(payloads().await.last().unwrap()["name"], "Anna Jansen", "corrected again");
    assert_eq!(save(not_subscribed, "Piet", 0).await, StatusCode::OK);
    assert_eq!(payloads().await.len(), 3, "nobody else's name goes to the sender");
    let r = app.call(Method::DELETE, "/api/me/profile", Some(json!({"password": PASSWORD})), Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{:?}", r.body);
    assert_eq!(payloads().await.last().unwrap()["name"], "", "the profile deleted: the name is no longer passed on");
}
