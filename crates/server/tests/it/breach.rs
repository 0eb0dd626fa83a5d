//! Breach notices (issue 13): privacy staff write a notice, preview who it reaches and send
//! it once — pressed twice, on two instances at once — and each affected person sees it in
//! the portal and the export, marks it read, and gets it by mail exactly once, also when the
//! mail server is down for an hour and then recovers. Only privacy staff reach the staff
//! side; a person reaches only their own notices.

use crate::common;

use axum::http::{Method, StatusCode};
use common::{Reply, TestApp};
use serde_json::{json, Value};
use zelfregie_domain::breach;

const SUBJECT: &str = "Subject: Belangrijk: er is iets misgegaan met je gegevens";

fn text() -> Value {
    let part = |nl: &str, en: &str| json!({"nl": nl, "en": en});
    json!({
        "nature": part("Een bestand met e-mailadressen is per ongeluk gedeeld.", "A file with e-mail addresses was shared by mistake."),
        "consequences": part("Je kunt meer ongewenste mail krijgen.", "You may get more unwanted mail."),
        "measures": part("We hebben het bestand laten verwijderen.", "We had the file deleted."),
        "advice": part("Klik niet op links in onverwachte mail.", "Do not click links in unexpected mail."),
        "contact": part("Privacyteam IGOM, privacy@example.org", "IGOM privacy team, privacy@example.org"),
    })
}

fn notice_mails(app: &TestApp, to: &str) -> usize {
    app.mails_to(to).iter().filter(|m| m.contains(SUBJECT)).count()
}

async fn draft(app: &TestApp, staff: &str, audience: Value) -> String {
    let r = app
        .call(Method::POST, "/api/privacy/breaches", Some(json!({"text": text(), "audience": audience})), Some(staff))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    assert_eq!(r.body["status"], "draft");
    r.body["id"].as_str().unwrap().to_owned()
}

async fn send(app: &TestApp, staff: &str, id: &str) -> Reply {
    app.call(Method::POST, &format!("/api/privacy/breaches/{id}/send"), None, Some(staff)).await
}

/// Runs this instance's deliveries and waits until no mail is held by a worker (the one
/// `send` starts by itself included).
async fn settle(app: &TestApp) -> u64 {
    let mut n = 0;
    for _ in 0..500 {
        n += breach::deliver_due(&app.state).await.unwrap();
        let held: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM breach_recipients WHERE lease_until IS NOT NULL")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
        if held == 0 {
            return n;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("mails stayed claimed");
}

async fn persons(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM accounts WHERE role = 'person'")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap()
}

#[tokio::test]
async fn staff_send_a_notice_once_and_each_affected_person_reads_only_their_own() {
    let app = TestApp::demo().await;
    let anna = app.registered("anna@example.org").await;
    let bert = app.registered("bert@example.org").await;
    let carla = app.registered("carla@example.org").await;
    let staff = app.demo_cookie("privacy@example.org").await;

    // Only privacy staff reach the staff side.
    let candidate = app.demo_cookie("kandidaat@example.org").await;
    for cookie in [&anna, &candidate] {
        assert_eq!(app.get("/api/privacy/breaches", Some(cookie)).await.status, StatusCode::FORBIDDEN);
        let r = app
            .call(
                Method::POST,
                "/api/privacy/breaches",
                Some(json!({"text": text(), "audience": {"kind": "everyone"}})),
                Some(cookie),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let r = app
            .call(Method::POST, "/api/privacy/breaches/preview", Some(json!({"kind": "everyone"})), Some(cookie))
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
    }
    let academy = app.demo_cookie("academie@example.org").await;
    assert_eq!(app.get("/api/privacy/breaches", Some(&academy)).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.get("/api/privacy/breaches", None).await.status, StatusCode::UNAUTHORIZED);

    // Every part in both languages.
    let mut incomplete = text();
    incomplete["measures"]["en"] = json!(" ");
    let r = app
        .call(
            Method::POST,
            "/api/privacy/breaches",
            Some(json!({"text": incomplete, "audience": {"kind": "everyone"}})),
            Some(&staff),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.body["fields"][0]["field"], "measures.en", "{:?}", r.body);

    // The preview counts; an address without an account is named.
    let list =
        json!({"kind": "addresses", "addresses": ["Anna@example.org", "bert@example.org", "niemand@example.org"]});
    let r = app.call(Method::POST, "/api/privacy/breaches/preview", Some(list.clone()), Some(&staff)).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(r.body, json!({"count": 2, "unknown": ["niemand@example.org"]}));
    let r =
        app.call(Method::POST, "/api/privacy/breaches/preview", Some(json!({"kind": "everyone"})), Some(&staff)).await;
    assert_eq!(r.body["count"], persons(&app).await);
    let r = app
        .call(Method::POST, "/api/privacy/breaches/preview", Some(json!({"kind": "candidates"})), Some(&staff))
        .await;
    let with_profile: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM profiles").fetch_one(app.state.db.pool()).await.unwrap();
    assert_eq!(r.body["count"], with_profile);

    let id = draft(&app, &staff, list).await;
    assert!(
        app.get("/api/me/breach-notices", Some(&anna)).await.body.as_array().unwrap().is_empty(),
        "a draft is nobody's yet"
    );

    // Pressed twice at once: one sends, the other is told it went already.
    let (one, two) = tokio::join!(send(&app, &staff, &id), send(&app, &staff, &id));
    let mut statuses = [one.status, two.status];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT]);
    let conflict = if one.status == StatusCode::CONFLICT { &one } else { &two };
    assert_eq!(conflict.code(), "notice_sent");
    assert_eq!(send(&app, &staff, &id).await.code(), "notice_sent", "and again later");
    settle(&app).await;
    let r = app.get(&format!("/api/privacy/breaches/{id}"), Some(&staff)).await;
    assert_eq!(
        (r.body["status"].as_str(), r.body["recipients"].as_u64(), r.body["mailed"].as_u64()),
        (Some("sent"), Some(2), Some(2))
    );
    assert_eq!((notice_mails(&app, "anna@example.org"), notice_mails(&app, "bert@example.org")), (1, 1));
    assert_eq!(notice_mails(&app, "carla@example.org"), 0, "not affected, not told");
    let mail = app.mails_to("anna@example.org").into_iter().find(|m| m.contains(SUBJECT)).unwrap();
    for part in [
        "Een bestand met e-mailadressen",
        "ongewenste mail",
        "laten verwijderen",
        "Klik niet",
        "Privacyteam IGOM",
        "A file with e-mail addresses",
    ] {
        assert!(mail.contains(part), "the mail says {part}");
    }
    assert!(mail.contains("/datalek"), "and links to the page");

    // The person sees it until they mark it read; nobody else sees it or can mark it.
    let mine = app.get("/api/me/breach-notices", Some(&anna)).await;
    assert_eq!(mine.body.as_array().unwrap().len(), 1);
    assert_eq!(mine.body[0]["id"], id.as_str());
    assert!(mine.body[0]["read_at"].is_null() && mine.body[0]["mailed_at"].is_string());
    assert!(app.get("/api/me/breach-notices", Some(&carla)).await.body.as_array().unwrap().is_empty());
    let path = format!("/api/me/breach-notices/{id}/read");
    assert_eq!(
        app.call(Method::POST, &path, None, Some(&carla)).await.status,
        StatusCode::NOT_FOUND,
        "another's notice"
    );
    let r = app.call(Method::POST, "/api/me/breach-notices/bestaat-niet/read", None, Some(&anna)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = app.call(Method::POST, &path, None, Some(&anna)).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let read_at = r.body[0]["read_at"].clone();
    assert!(read_at.is_string());
    let r = app.call(Method::POST, &path, None, Some(&anna)).await;
    assert_eq!(r.body[0]["read_at"], read_at, "the first reading counts");
    let r = app.get(&format!("/api/privacy/breaches/{id}"), Some(&staff)).await;
    assert_eq!(r.body["read"], 1);
    let bert_mine = app.get("/api/me/breach-notices", Some(&bert)).await;
    assert!(bert_mine.body[0]["read_at"].is_null(), "Bert has not read it");

    // In the export, with the register entry that explains it.
    let export = app.get("/api/me/export", Some(&anna)).await;
    assert_eq!(export.body["breach_notices"][0]["id"], id.as_str());
    assert_eq!(
        export.body["breach_notices"][0]["text"]["nature"]["nl"],
        "Een bestand met e-mailadressen is per ongeluk gedeeld."
    );
    assert!(export.body["register"].as_array().unwrap().iter().any(|a| a["id"] == "breach_notices"));
    let export = app.get("/api/me/export", Some(&carla)).await;
    assert!(export.body["breach_notices"].as_array().unwrap().is_empty());
    assert!(!export.body["register"].as_array().unwrap().iter().any(|a| a["id"] == "breach_notices"));

    // A group that reaches nobody is not sent, and stays a draft.
    let nobody = draft(&app, &staff, json!({"kind": "addresses", "addresses": ["niemand@example.org"]})).await;
    let r = send(&app, &staff, &nobody).await;
    assert_eq!((r.status, r.code()), (StatusCode::UNPROCESSABLE_ENTITY, "no_recipients"));
    let r = app.get(&format!("/api/privacy/breaches/{nobody}"), Some(&staff)).await;
    assert_eq!(r.body["status"], "draft");
    let list = app.get("/api/privacy/breaches", Some(&staff)).await;
    assert_eq!(list.body.as_array().unwrap().len(), 2);
    assert_eq!(list.body[0]["id"], nobody.as_str(), "newest first");
}

#[tokio::test]
async fn sent_on_two_instances_at_once_every_person_gets_one_mail() {
    let app = TestApp::demo().await;
    let other = app.second_instance().await;
    for i in 0..12 {
        app.registered(&format!("persoon-{i:02}@example.org")).await;
    }
    let staff = app.demo_cookie("privacy@example.org").await;
    let id = draft(&app, &staff, json!({"kind": "everyone"})).await;
    let (a, b) = tokio::join!(send(&app, &staff, &id), send(&other, &staff, &id));
    let mut statuses = [a.status, b.status];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT]);
    // Both instances' workers deliver at once.
    let (x, y) = tokio::join!(breach::deliver_due(&app.state), breach::deliver_due(&other.state));
    x.unwrap();
    y.unwrap();
    settle(&app).await;
    let everyone = persons(&app).await;
    let r = app.get(&format!("/api/privacy/breaches/{id}"), Some(&staff)).await;
    assert_eq!(
        (r.body["recipients"].as_i64(), r.body["mailed"].as_i64(), r.body["waiting"].as_i64()),
        (Some(everyone), Some(everyone), Some(0))
    );
    for i in 0..12 {
        assert_eq!(notice_mails(&app, &format!("persoon-{i:02}@example.org")), 1, "persoon-{i:02}");
    }
    assert_eq!(notice_mails(&app, "kandidaat@example.org"), 1, "the demo candidate too");
    assert_eq!(notice_mails(&app, "privacy@example.org"), 0, "staff are not persons");
}

#[tokio::test]
async fn a_mail_server_down_for_an_hour_delivers_each_mail_once_after_it_recovers() {
    let app = TestApp::demo().await;
    let people = ["een@example.org", "twee@example.org", "drie@example.org"];
    let mut cookies = Vec::new();
    for p in people {
        cookies.push(app.registered(p).await);
    }
    let staff = app.demo_cookie("privacy@example.org").await;
    // The mail server goes down: the mail folder cannot be written.
    let mail = app.data_dir().join("mail");
    let saved = app.data_dir().join("mail-saved");
    std::fs::rename(&mail, &saved).unwrap();
    std::fs::write(&mail, b"not a folder").unwrap();

    let id = draft(&app, &staff, json!({"kind": "addresses", "addresses": people})).await;
    assert_eq!(send(&app, &staff, &id).await.status, StatusCode::OK);
    settle(&app).await;
    // In the portal at once, mail or not.
    for c in &cookies {
        let mine = app.get("/api/me/breach-notices", Some(c)).await;
        assert_eq!(mine.body[0]["id"], id.as_str());
        assert!(mine.body[0]["mailed_at"].is_null());
    }
    // An hour of failures, the worker looking every ten minutes.
    for _ in 0..6 {
        app.state.clock.advance(600);
        settle(&app).await;
    }
    let attempts: Vec<(i64, String)> =
        sqlx::query_as("SELECT attempts, mail_status FROM breach_recipients ORDER BY account_id")
            .fetch_all(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!(
        attempts,
        vec![(6, "pending".to_owned()); 3],
        "tried at 0, 10, 20, 30, 40 and 60 minutes (backoff 1, 2, 4, 8, 16 min)"
    );
    let r = app.get(&format!("/api/privacy/breaches/{id}"), Some(&staff)).await;
    assert_eq!(
        (r.body["mailed"].as_i64(), r.body["waiting"].as_i64(), r.body["failed"].as_i64()),
        (Some(0), Some(3), Some(0))
    );

    // It recovers; the next due attempt delivers each mail once, and later rounds send nothing.
    std::fs::remove_file(&mail).unwrap();
    std::fs::rename(&saved, &mail).unwrap();
    // The sixth failure put the next attempt 32 minutes on: nothing before it.
    app.state.clock.advance(1800);
    assert_eq!(settle(&app).await, 0);
    app.state.clock.advance(200);
    assert_eq!(settle(&app).await, 3);
    for _ in 0..5 {
        app.state.clock.advance(3600);
        assert_eq!(settle(&app).await, 0);
    }
    for p in people {
        assert_eq!(notice_mails(&app, p), 1, "{p}");
    }
    let r = app.get(&format!("/api/privacy/breaches/{id}"), Some(&staff)).await;
    assert_eq!((r.body["mailed"].as_i64(), r.body["waiting"].as_i64()), (Some(3), Some(0)));
}

/// Issue 24: erasure leaves no address of the person in a breach notice's audience. The
/// notice stays (what was told, when, by whom, to the others); the erased address goes, from
/// a draft and from a sent notice alike.
#[tokio::test]
async fn an_erased_persons_address_leaves_every_notice_audience() {
    let app = TestApp::demo().await;
    let weg = app.registered("weg-ermee@example.org").await;
    app.registered("blijft@example.org").await;
    let staff = app.demo_cookie("privacy@example.org").await;
    let audience = json!({"kind": "addresses", "addresses": ["Weg-Ermee@example.org", "blijft@example.org"]});
    let sent = draft(&app, &staff, audience.clone()).await;
    assert_eq!(send(&app, &staff, &sent).await.status, StatusCode::OK);
    settle(&app).await;
    let kept_draft = draft(&app, &staff, audience).await;

    let r = app.call(Method::DELETE, "/api/me/account", Some(json!({"password": common::PASSWORD})), Some(&weg)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{:?}", r.body);

    let stored: Vec<(String, String)> =
        sqlx::query_as("SELECT public_id, audience FROM breach_notices").fetch_all(app.state.db.pool()).await.unwrap();
    assert_eq!(stored.len(), 2, "both notices stay");
    for (id, audience) in &stored {
        assert!(!audience.contains("weg-ermee"), "{id}: {audience}");
        assert!(audience.contains("blijft@example.org"), "{id}: the others stay: {audience}");
    }
    assert!(stored.iter().any(|(id, _)| *id == sent) && stored.iter().any(|(id, _)| *id == kept_draft));
}
