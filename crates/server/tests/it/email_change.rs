//! Changing the login address (docs/security.md "E-mail change"): the password asked again,
//! a link to the new address that works once, the old address told before and after, a taken
//! address never revealed, other sessions ended, and the mailing company following.

use crate::common;

use std::time::Duration;

use axum::http::{Method, StatusCode};
use common::{Reply, TestApp, PASSWORD};
use serde_json::json;
use zelfregie_model::newsletter::ConsentText;

const PAGE: &str = "/e-mailadres-bevestigen";

async fn ask(app: &TestApp, cookie: &str, new_email: &str, password: &str) -> Reply {
    app.call(Method::POST, "/api/me/email", Some(json!({"new_email": new_email, "password": password})), Some(cookie))
        .await
}

async fn confirm(app: &TestApp, token: &str, cookie: Option<&str>) -> Reply {
    app.call(Method::POST, "/api/email-change/confirm", Some(json!({"token": token})), cookie).await
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(app.state.db.pool()).await.unwrap()
}

/// Waits until `n` mails went to `to`, then a little longer to see that no more come.
async fn mails(app: &TestApp, to: &str, n: usize) -> Vec<String> {
    for _ in 0..300 {
        if app.mails_to(to).len() >= n {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    app.mails_to(to)
}

#[tokio::test]
async fn the_new_address_is_verified_by_its_link_and_the_old_one_is_told() {
    let app = TestApp::new().await;
    let here = app.registered("oud@example.org").await;
    let phone = app.login("oud@example.org", PASSWORD).await.session_cookie().unwrap();
    let r = ask(&app, &here, " Nieuw@Example.org ", PASSWORD).await;
    assert_eq!(r.status, StatusCode::ACCEPTED, "{:?}", r.body);
    let tokens = app.wait_for_links("nieuw@example.org", PAGE, 1).await;
    assert_eq!(tokens.len(), 1);
    let old = mails(&app, "oud@example.org", 2).await;
    assert!(
        old[1].contains("Subject: Je e-mailadres veranderen") && old[1].contains("nieuw@example.org"),
        "{}",
        old[1]
    );
    assert!(!old[1].contains(PAGE), "the link goes to the new address only");
    // Nothing changed yet; the export shows what waits.
    assert_eq!(app.get("/api/session", Some(&here)).await.body["account"]["email"], "oud@example.org");
    let export = app.get("/api/me/export", Some(&here)).await.body;
    assert_eq!(export["account"]["pending_email_changes"][0]["new_email"], "nieuw@example.org");
    // Opening the link (scanners) changes nothing.
    for path in [format!("{PAGE}?token={}", tokens[0]), format!("/api/email-change/confirm?token={}", tokens[0])] {
        app.get(&path, None).await;
    }
    assert_eq!(app.login("oud@example.org", PASSWORD).await.status, StatusCode::OK);

    // The button, in the browser that asked: that session stays, the others end.
    let r = confirm(&app, &tokens[0], Some(&here)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{:?}", r.body);
    assert_eq!(app.get("/api/session", Some(&here)).await.body["account"]["email"], "nieuw@example.org");
    assert_eq!(app.get("/api/session", Some(&phone)).await.status, StatusCode::NO_CONTENT, "other sessions end");
    assert_eq!(app.login("oud@example.org", PASSWORD).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(app.login("nieuw@example.org", PASSWORD).await.status, StatusCode::OK);
    let old = mails(&app, "oud@example.org", 3).await;
    assert!(old[2].contains("Subject: Je e-mailadres is veranderd"), "{}", old[2]);
    let again = confirm(&app, &tokens[0], None).await;
    assert_eq!((again.status, again.code()), (StatusCode::BAD_REQUEST, "token_invalid"), "once");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM email_changes").await, 0);
    // The old address is free for someone else now (past the registration mails' cool-down).
    sqlx::query("DELETE FROM throttle").execute(app.state.db.pool()).await.unwrap();
    app.registered("oud@example.org").await;
}

#[tokio::test]
async fn the_password_is_asked_and_the_address_checked() {
    let app = TestApp::new().await;
    let cookie = app.registered("controle@example.org").await;
    let r = ask(&app, &cookie, "ander@example.org", "niet het wachtwoord").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.body["fields"], json!([{"field": "password", "code": "wrong_password"}]));
    let r = ask(&app, &cookie, "CONTROLE@example.org", PASSWORD).await;
    assert_eq!(r.body["fields"], json!([{"field": "new_email", "code": "email_unchanged"}]));
    let r = ask(&app, &cookie, "geen-adres", PASSWORD).await;
    assert_eq!(r.body["fields"], json!([{"field": "new_email", "code": "email_invalid"}]));
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(app.mails_to("ander@example.org").is_empty());
    assert_eq!(count(&app, "SELECT COUNT(*) FROM email_changes").await, 0);
    assert_eq!(
        ask(&app, "zelfregie-session=nep", "ander@example.org", PASSWORD).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_taken_address_is_not_revealed_to_the_requester() {
    let app = TestApp::new().await;
    app.registered("bezet@example.org").await;
    let cookie = app.registered("vrager@example.org").await;
    let taken = ask(&app, &cookie, "bezet@example.org", PASSWORD).await;
    let other = app.registered("vrager-twee@example.org").await;
    let free = ask(&app, &other, "vrij@example.org", PASSWORD).await;
    assert_eq!(taken.status, StatusCode::ACCEPTED);
    assert_eq!((taken.status, &taken.raw), (free.status, &free.raw));
    assert!(taken.session_cookie().is_none());
    // The owner of the taken address is told it has an account; no link anywhere.
    let to_taken = mails(&app, "bezet@example.org", 2).await;
    assert!(to_taken[1].contains("Subject: Dit e-mailadres heeft al een account"), "{}", to_taken[1]);
    assert!(!to_taken[1].contains("token="));
    // The requester's old address hears the same as for a free address.
    let told = mails(&app, "vrager@example.org", 2).await;
    assert!(told[1].contains("Subject: Je e-mailadres veranderen"));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM email_changes").await, 1, "only the free address waits");
    assert_eq!(app.login("bezet@example.org", PASSWORD).await.status, StatusCode::OK);
}

#[tokio::test]
async fn an_expired_link_does_not_change_the_address() {
    let app = TestApp::new().await;
    let cookie = app.registered("blijft@example.org").await;
    ask(&app, &cookie, "wordt-niet@example.org", PASSWORD).await;
    let token = app.wait_for_links("wordt-niet@example.org", PAGE, 1).await.remove(0);
    let now = zelfregie_domain::testing::now();
    sqlx::query("UPDATE email_changes SET expires_at = $1").bind(now).execute(app.state.db.pool()).await.unwrap();
    let r = confirm(&app, &token, None).await;
    assert_eq!((r.status, r.code()), (StatusCode::BAD_REQUEST, "token_invalid"));
    assert_eq!(app.get("/api/session", Some(&cookie)).await.body["account"]["email"], "blijft@example.org");
    assert_eq!(zelfregie_domain::registration::purge(&app.state.db).await.unwrap(), 1);
}

#[tokio::test]
async fn asking_again_and_again_is_limited() {
    let app = TestApp::new().await;
    let cookie = app.registered("herhaal@example.org").await;
    assert_eq!(ask(&app, &cookie, "een@example.org", PASSWORD).await.status, StatusCode::ACCEPTED);
    let r = ask(&app, &cookie, "twee@example.org", PASSWORD).await;
    assert_eq!((r.status, r.code()), (StatusCode::TOO_MANY_REQUESTS, "too_many_attempts"));
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(app.mails_to("twee@example.org").is_empty());
}

#[tokio::test]
async fn the_mailing_company_follows_the_new_address() {
    let app = TestApp::new().await;
    let cookie = app.registered("lezer-oud@example.org").await;
    let v = ConsentText::current().version;
    app.call(Method::POST, "/api/me/newsletter", Some(json!({"text_version": v})), Some(&cookie)).await;
    let token = app.link_tokens("lezer-oud@example.org", "/nieuwsbrief/bevestigen").pop().unwrap();
    let r = app.call(Method::POST, "/api/newsletter/confirm", Some(json!({"token": token})), None).await;
    assert_eq!(r.body["subscription"], "active");
    while app.state.outbox.deliver_one().await.unwrap() {}

    ask(&app, &cookie, "lezer-nieuw@example.org", PASSWORD).await;
    let token = app.wait_for_links("lezer-nieuw@example.org", PAGE, 1).await.remove(0);
    assert_eq!(confirm(&app, &token, Some(&cookie)).await.status, StatusCode::NO_CONTENT);
    let rows: Vec<(String, String)> = sqlx::query_as("SELECT action, payload FROM processor_outbox ORDER BY id")
        .fetch_all(app.state.db.pool())
        .await
        .unwrap();
    let rows: Vec<(String, serde_json::Value)> =
        rows.into_iter().map(|(a, p)| (a, serde_json::from_str(&p).unwrap())).collect();
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert_eq!(
        (rows[1].0.as_str(), &rows[1].1["email"], &rows[1].1["erase"]),
        ("unsubscribe", &json!("lezer-oud@example.org"), &json!(true))
    );
    assert_eq!((rows[2].0.as_str(), &rows[2].1["email"]), ("subscribe", &json!("lezer-nieuw@example.org")));
    let list = zelfregie_domain::newsletter::mailing_list(&app.state).await.unwrap();
    assert_eq!(list.iter().map(|(e, _)| e.as_str()).collect::<Vec<_>>(), ["lezer-nieuw@example.org"]);
    // The demo processor's file ends with the new address only.
    while app.state.outbox.deliver_one().await.unwrap() {}
    let file = std::fs::read_to_string(app.data_dir().join("processor-deliveries.jsonl")).unwrap();
    assert!(!file.contains("lezer-oud@example.org") && file.contains("lezer-nieuw@example.org"), "{file}");
}

#[tokio::test]
async fn erasure_deletes_a_waiting_change() {
    let app = TestApp::new().await;
    let cookie = app.registered("wis-mij@example.org").await;
    ask(&app, &cookie, "canary-nieuw-77@example.org", PASSWORD).await;
    let token = app.wait_for_links("canary-nieuw-77@example.org", PAGE, 1).await.remove(0);
    let r = app.call(Method::DELETE, "/api/me/account", Some(json!({"password": PASSWORD})), Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM email_changes").await, 0);
    assert_eq!(confirm(&app, &token, None).await.code(), "token_invalid");
}
