//! Changing the password and erasing the account (docs/security.md: re-authentication, all
//! sessions end, nothing of the person remains in any table, processors are told).

use crate::common;

use axum::http::{Method, StatusCode};
use common::{TestApp, PASSWORD};
use serde_json::json;

async fn occurrences(app: &TestApp, needles: &[&str]) -> Vec<String> {
    common::occurrences(app, needles).await
}

#[tokio::test]
async fn changing_the_password_asks_the_old_one_and_ends_other_sessions() {
    let app = TestApp::new().await;
    let here = app.registered("wissel@example.org").await;
    let elsewhere = app.login("wissel@example.org", PASSWORD).await.session_cookie().unwrap();
    let change = |current: &str, new: &str| json!({"current_password": current, "new_password": new});

    let wrong = app
        .call(Method::PUT, "/api/me/password", Some(change("fout fout fout", "een nieuw lang wachtwoord")), Some(&here))
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(wrong.body["fields"][0], json!({"field": "current_password", "code": "wrong_password"}));
    let weak = app.call(Method::PUT, "/api/me/password", Some(change(PASSWORD, "kort")), Some(&here)).await;
    assert_eq!(weak.body["fields"][0], json!({"field": "new_password", "code": "password_too_short"}));

    let ok = app
        .call(Method::PUT, "/api/me/password", Some(change(PASSWORD, "een nieuw lang wachtwoord")), Some(&here))
        .await;
    assert_eq!(ok.status, StatusCode::NO_CONTENT);
    assert_eq!(app.get("/api/session", Some(&here)).await.status, StatusCode::OK, "this session stays");
    assert_eq!(app.get("/api/session", Some(&elsewhere)).await.status, StatusCode::NO_CONTENT, "others end");
    assert_eq!(app.login("wissel@example.org", PASSWORD).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(app.login("wissel@example.org", "een nieuw lang wachtwoord").await.status, StatusCode::OK);
}

#[tokio::test]
async fn erasure_leaves_nothing_of_the_person_and_tells_the_processor() {
    let logs = common::capture_logs();
    let app = TestApp::new().await;
    let (cookie, id) = common::filled_person(&app).await;
    // The processor had the person (subscribe and withdrawal delivered): their lines are in
    // the demo's deliveries file, their confirmation mail in the mail folder.
    while app.state.outbox.deliver_one().await.unwrap() {}
    let uploads = |app: &TestApp| {
        let db = app.state.db.clone();
        async move {
            let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM transfers WHERE account_id = $1")
                .bind(id)
                .fetch_one(db.pool())
                .await
                .unwrap();
            n
        }
    };
    assert_eq!(uploads(&app).await, 1, "the fixture stored an upload");
    let other = app.login("canary-account-5a1f@example.org", PASSWORD).await.session_cookie().unwrap();
    let canaries = [
        "canary-account-5a1f",
        "cnry5a1f",
        "canary-functie-c3",
        "canary-leiding-c4",
        "canary-nieuw-5a1f",
        "canary-verzoek-r1",
        "canary-verlenging-r2",
        "canary-antwoord-r3",
        "canary-passkey-c6",
    ];
    let before = occurrences(&app, &canaries).await;
    assert!(before.len() >= 5, "the fixture put the canaries everywhere");
    for held in [
        "privacy_requests.text (canary-verzoek-r1)",
        "privacy_requests.extension_reason (canary-verlenging-r2)",
        "privacy_requests.response (canary-antwoord-r3)",
    ] {
        assert!(before.iter().any(|f| f == held), "{held} in {before:?}");
    }
    let files = common::files_containing(&app.data_dir(), &canaries);
    let written: &[&str] = if common::on_postgres() {
        &["mail/", "processor-deliveries.jsonl"]
    } else {
        &["mail/", "processor-deliveries.jsonl", "zelfregie.sqlite3-wal"]
    };
    for file in written {
        assert!(files.iter().any(|f| f.starts_with(file)), "the fixture wrote the canaries to {file}: {files:?}");
    }

    let wrong = app
        .call(Method::DELETE, "/api/me/account", Some(json!({"password": "niet het wachtwoord"})), Some(&cookie))
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(wrong.body["fields"][0], json!({"field": "password", "code": "wrong_password"}));
    assert_eq!(app.get("/api/session", Some(&cookie)).await.status, StatusCode::OK, "nothing happened");

    let r = app.call(Method::DELETE, "/api/me/account", Some(json!({"password": PASSWORD})), Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(r.header("clear-site-data"), "\"cache\", \"cookies\", \"storage\"");
    assert!(r.header("set-cookie").contains("Max-Age=0"));
    assert_eq!(app.get("/api/session", Some(&cookie)).await.status, StatusCode::NO_CONTENT);
    assert_eq!(app.get("/api/session", Some(&other)).await.status, StatusCode::NO_CONTENT, "every session ended");
    assert_eq!(app.login("canary-account-5a1f@example.org", PASSWORD).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(uploads(&app).await, 0, "stored uploads are erased with the account");

    // Until the processor has the erasure notice, only that notice holds the address…
    let left = occurrences(&app, &canaries).await;
    assert_eq!(left, ["processor_outbox.payload (canary-account-5a1f)"]);
    // …and no file of ours holds anything else of the person, the write-ahead log included
    // (the processor's own copy goes when it is told).
    let files = common::files_containing(&app.data_dir(), &canaries[1..]);
    let ours: Vec<&String> = files.iter().filter(|f| !f.starts_with("processor-deliveries.jsonl")).collect();
    assert_eq!(ours, Vec::<&String>::new());
    // …and once delivered, nothing at all: not in a table, not in any file of the data
    // directory (database, write-ahead log, shared memory, mail, the processor's deliveries),
    // not in the logs.
    while app.state.outbox.deliver_one().await.unwrap() {}
    assert_eq!(occurrences(&app, &canaries).await, Vec::<String>::new());
    let (told,): (String,) = sqlx::query_as("SELECT status FROM processor_outbox WHERE account_id IS NULL")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(told, "delivered", "the processor was told to erase");
    assert_eq!(common::files_containing(&app.data_dir(), &canaries), Vec::<String>::new());
    let logs = logs.text();
    assert!(logs.contains("account erased"), "the capture works");
    for canary in canaries {
        let line = logs.lines().find(|l| l.contains(canary));
        assert!(line.is_none(), "log contains {canary}: {line:?}");
    }
}

/// After A erases and B registers, nothing made for A reaches B: ids are never reused, and
/// references and one-click links carry A's own random secret.
#[tokio::test]
async fn nothing_of_an_erased_person_passes_to_the_next() {
    let app = TestApp::new().await;
    zelfregie_domain::demo::seed_if_empty(&app.state).await.unwrap();
    let brunssum = app.demo_login("recruiter@brunssum.example.org").await.session_cookie().unwrap();
    // A listed profile for everyone, as the profile and visibility pages save it.
    let listed = |email: &'static str| {
        let app = &app;
        async move {
            let id: i64 = sqlx::query_scalar("SELECT id FROM accounts WHERE email = $1")
                .bind(email)
                .fetch_one(app.state.db.pool())
                .await
                .unwrap();
            let profile = zelfregie_model::testing::canary_profile(0x4a, 1, 1, 1, 1, None).0;
            zelfregie_domain::documents::Document::Profile.save(&app.state.db, id, 0, &profile).await.unwrap();
            let vis = zelfregie_model::Visibility { listed: true, ..zelfregie_model::Visibility::default() };
            zelfregie_domain::documents::Document::Visibility.save(&app.state.db, id, 0, &vis).await.unwrap();
            id
        }
    };
    let a = app.registered("a-eerst@example.org").await;
    let id_a = listed("a-eerst@example.org").await;
    let candidate_a = zelfregie_domain::candidates::Candidate::load(&app.state.db, id_a).await.unwrap();
    let reference_a = app.state.reference_key.reference("brunssum", &candidate_a);
    let before = app.get(&format!("/api/recruiter/candidates/{reference_a}"), Some(&brunssum)).await;
    assert_eq!(before.status, StatusCode::OK, "Brunssum sees A");
    let links_a =
        zelfregie_domain::newsletter::UnsubscribeLinks::of(&app.state, app.state.db.pool(), id_a).await.unwrap();

    let r = app.call(Method::DELETE, "/api/me/account", Some(json!({"password": PASSWORD})), Some(&a)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    let b = app.registered("b-daarna@example.org").await;
    let id_b = listed("b-daarna@example.org").await;
    assert!(id_b > id_a, "ids are never reused ({id_a} then {id_b})");

    // Brunssum's old reference to A opens nobody.
    let old = app.get(&format!("/api/recruiter/candidates/{reference_a}"), Some(&brunssum)).await;
    assert_eq!((old.status, old.code()), (StatusCode::NOT_FOUND, "not_found"));
    // A's old one-click link does nothing to B, even with B's id in it.
    let v = zelfregie_model::newsletter::ConsentText::current().version;
    app.call(Method::POST, "/api/me/newsletter", Some(json!({"text_version": v})), Some(&b)).await;
    let path = links_a.one_click.trim_start_matches(&app.state.public_url).to_owned();
    app.call(Method::POST, &path, None, None).await;
    assert_eq!(app.get("/api/me/newsletter", Some(&b)).await.body["subscription"], "pending", "B untouched");
    // (That A's token would not open B even under A's old id is the unit test
    // `a_token_dies_with_its_account_even_if_the_id_came_back` in newsletter.rs.)
}

/// An erasure notice the processor never accepted keeps the address for staff to act on,
/// for thirty days (the register says so), and is then deleted.
#[tokio::test]
async fn undelivered_erasure_notices_are_deleted_after_thirty_days() {
    let app = TestApp::new().await;
    let now = zelfregie_domain::testing::now();
    for (age_days, status) in [(31, "dead"), (29, "dead"), (31, "delivered"), (31, "pending")] {
        sqlx::query(
            "INSERT INTO processor_outbox (account_id, action, payload, idempotency_key, status, next_attempt_at, created_at)
             VALUES (NULL, 'unsubscribe', $1, $2, $3, 0, $4)",
        )
        .bind(format!("{{\"email\":\"oud-{age_days}-{status}@example.org\",\"erase\":true}}"))
        .bind(format!("key-{age_days}-{status}"))
        .bind(status)
        .bind(now - age_days * 86_400)
        .execute(app.state.db.pool())
        .await
        .unwrap();
    }
    let deleted = zelfregie_domain::outbox::purge_dead_notices(&app.state.db, now).await.unwrap();
    assert_eq!(deleted, 1);
    let left: Vec<String> = sqlx::query_scalar("SELECT payload FROM processor_outbox ORDER BY id")
        .fetch_all(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(left.len(), 3);
    assert!(left.iter().all(|p| !p.contains("oud-31-dead")), "{left:?}");
    let register = app.get("/api/register", None).await;
    assert!(String::from_utf8_lossy(&register.raw).contains("30 dagen"), "the register states the time");
}
