//! Password reset by e-mail (docs/security.md "Password reset"): the same answer for known
//! and unknown addresses, a link that works once for 30 minutes, every session ended,
//! the person told, and limits on the mails that hold under parallel requests.

use crate::common;

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use common::{Reply, TestApp, PASSWORD};
use serde_json::json;

const NEW_PASSWORD: &str = "groene giraf zwemt traag";

/// Every mail sent to `to`, oldest first, but the link that registered the account.
fn mails_to(app: &TestApp, to: &str) -> Vec<String> {
    app.mails_to(to).into_iter().filter(|t| !t.contains("Subject: Maak je account af")).collect()
}

/// Waits until `n` mails went to `to` (the link is mailed after the answer), then a little
/// longer to see that no more come.
async fn wait_for_mails(app: &TestApp, to: &str, n: usize) -> Vec<String> {
    for _ in 0..200 {
        if mails_to(app, to).len() >= n {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    mails_to(app, to)
}

fn reset_links(app: &TestApp, to: &str) -> Vec<String> {
    mails_to(app, to)
        .iter()
        .filter_map(|text| {
            let start = text.find("wachtwoord-herstellen?token=")? + "wachtwoord-herstellen?token=".len();
            Some(text[start..].split_whitespace().next().unwrap().to_owned())
        })
        .collect()
}

async fn ask(app: &TestApp, email: &str) -> Reply {
    app.call(Method::POST, "/api/password-reset", Some(json!({"email": email})), None).await
}

async fn confirm(app: &TestApp, token: &str, password: &str) -> Reply {
    app.call(Method::POST, "/api/password-reset/confirm", Some(json!({"token": token, "new_password": password})), None)
        .await
}

/// The throttle's login counters of the account `email`.
async fn login_counters(app: &TestApp, email: &str) -> i64 {
    let key = app.state.throttle.key("login-account", email);
    sqlx::query_scalar("SELECT COUNT(*) FROM throttle WHERE key = $1")
        .bind(&key)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap()
}

/// A registered person who asked for a link: (session cookie, token).
async fn with_link(app: &TestApp, email: &str) -> (String, String) {
    let cookie = app.registered(email).await;
    assert_eq!(ask(app, email).await.status, StatusCode::ACCEPTED);
    wait_for_mails(app, email, 1).await;
    let links = reset_links(app, email);
    assert_eq!(links.len(), 1, "one reset mail");
    (cookie, links[0].clone())
}

#[tokio::test]
async fn known_and_unknown_addresses_get_the_same_answer_and_only_the_known_one_a_mail() {
    let app = TestApp::new().await;
    app.registered("bekend@example.org").await;
    let known = ask(&app, "Bekend@Example.org ").await;
    let unknown = ask(&app, "onbekend@example.org").await;
    assert_eq!(known.status, StatusCode::ACCEPTED);
    assert_eq!(
        (known.status, &known.raw, known.header("content-type")),
        (unknown.status, &unknown.raw, unknown.header("content-type"))
    );
    assert_eq!(wait_for_mails(&app, "bekend@example.org", 1).await.len(), 1);
    assert!(mails_to(&app, "onbekend@example.org").is_empty());
    let link = &wait_for_mails(&app, "bekend@example.org", 1).await[0];
    let expected = format!("{}/wachtwoord-herstellen?token=", app.state.public_url);
    assert!(link.contains(&expected), "the link goes to the portal's page: {link}");
    // Only the token's hash is stored.
    let token = &reset_links(&app, "bekend@example.org")[0];
    let stored: Vec<Vec<u8>> =
        sqlx::query_scalar("SELECT token_hash FROM password_resets").fetch_all(app.state.db.pool()).await.unwrap();
    assert_eq!(stored, vec![zelfregie_domain::auth::session::hash_token(token).to_vec()]);
}

#[tokio::test]
async fn a_reset_ends_every_session_works_once_and_tells_the_person() {
    let app = TestApp::new().await;
    let email = "vergeten@example.org";
    let (cookie, token) = with_link(&app, email).await;
    let second = app.login(email, PASSWORD).await.session_cookie().unwrap();
    // Wrong passwords before: the login counter of the account is forgotten by the reset.
    for _ in 0..6 {
        app.login(email, "fout fout fout fout").await;
    }
    let counters = login_counters(&app, email).await;
    assert_eq!(counters, 1, "wrong passwords counted");
    // A weak password does not use the link up.
    let r = confirm(&app, &token, "kort").await;
    assert_eq!(
        (r.status, r.body["fields"][0]["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("password_too_short")),
        "{:?}",
        r.body
    );
    assert_eq!(confirm(&app, &token, NEW_PASSWORD).await.status, StatusCode::NO_CONTENT);
    // Once only.
    let r = confirm(&app, &token, "nog een ander wachtwoord").await;
    assert_eq!((r.status, r.code()), (StatusCode::BAD_REQUEST, "token_invalid"));
    // The account's login counter is forgotten.
    let counters = login_counters(&app, email).await;
    assert_eq!(counters, 0, "login counter cleared");
    // Every old session has ended.
    for c in [&cookie, &second] {
        assert_eq!(app.get("/api/session", Some(c)).await.status, StatusCode::NO_CONTENT);
    }
    assert_eq!(app.login(email, PASSWORD).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(app.login(email, NEW_PASSWORD).await.status, StatusCode::OK);
    // The person is told.
    let mails = mails_to(&app, email);
    assert_eq!(mails.len(), 2);
    assert!(mails[1].contains("Subject: Je wachtwoord is veranderd"), "{}", mails[1]);
    // Unknown and malformed tokens.
    for bad in ["", "niet-een-token", &token[..20]] {
        let r = confirm(&app, bad, NEW_PASSWORD).await;
        assert_eq!((r.status, r.code()), (StatusCode::BAD_REQUEST, "token_invalid"), "{bad}");
    }
}

#[tokio::test]
async fn an_expired_link_does_not_work() {
    let app = TestApp::new().await;
    let (cookie, token) = with_link(&app, "laat@example.org").await;
    let now = zelfregie_domain::testing::now();
    // 30 minutes: still valid one second before the end…
    let expires: i64 =
        sqlx::query_scalar("SELECT expires_at FROM password_resets").fetch_one(app.state.db.pool()).await.unwrap();
    assert!((now + 30 * 60 - 5..=now + 30 * 60).contains(&expires), "{expires} vs {now}");
    // …and not after.
    sqlx::query("UPDATE password_resets SET expires_at = $1").bind(now - 1).execute(app.state.db.pool()).await.unwrap();
    let r = confirm(&app, &token, NEW_PASSWORD).await;
    assert_eq!((r.status, r.code()), (StatusCode::BAD_REQUEST, "token_invalid"));
    assert_eq!(app.get("/api/session", Some(&cookie)).await.status, StatusCode::OK);
    assert_eq!(app.login("laat@example.org", PASSWORD).await.status, StatusCode::OK);
    // The purge deletes it.
    assert_eq!(zelfregie_domain::password_reset::purge(&app.state.db).await.unwrap(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_requests_get_one_mail_within_the_cool_down() {
    let app = Arc::new(TestApp::new().await);
    let email = "druk@example.org";
    app.registered(email).await;
    let tasks: Vec<_> = (0..20)
        .map(|_| {
            let app = app.clone();
            tokio::spawn(async move {
                let r = ask(&app, email).await;
                (r.status, r.raw)
            })
        })
        .collect();
    let mut replies = Vec::new();
    for t in tasks {
        replies.push(t.await.unwrap());
    }
    assert!(replies.iter().all(|r| r.0 == StatusCode::ACCEPTED && r.1 == replies[0].1));
    assert_eq!(wait_for_mails(&app, email, 1).await.len(), 1, "one mail in the cool-down");
}

/// A reset request from client `ip` (as the trusted proxy reports it), with `cookie`.
async fn ask_from(app: &TestApp, ip: &str, email: &str, cookie: Option<&str>) -> Reply {
    let mut request = Request::post("/api/password-reset")
        .header("x-requested-with", "zelfregie")
        .header(header::CONTENT_TYPE, "application/json")
        .header("x-forwarded-for", ip);
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    app.send(request.body(Body::from(json!({"email": email}).to_string())).unwrap()).await
}

/// The mailbox cookie (`name=value`) a login sets.
fn mailbox_cookie(reply: &Reply) -> String {
    reply
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("zelfregie-mailbox="))
        .and_then(|c| c.split(';').next())
        .expect("a login sets the mailbox cookie")
        .to_owned()
}

/// docs/security.md "Mails to an address": strangers cannot spend the owner's reset mails.
/// One stranger gets at most three a day sent (one per two minutes), all strangers together
/// ten; the owner's browser, which logged in before, still gets hers, five a day. Before,
/// five requests from anyone spent the address's mails of the day and the owner got none.
#[tokio::test]
async fn strangers_cannot_spend_the_owners_reset_mails() {
    let app = TestApp::with(|c| c.trusted_proxies = vec!["203.0.113.0/24".parse().unwrap()]).await;
    let email = "dagelijks@example.org";
    app.registered(email).await;
    let proof = mailbox_cookie(&app.login(email, PASSWORD).await);
    let mails = |n| wait_for_mails(&app, email, n);
    // One stranger, every 121 seconds: three mails, then nothing.
    for n in 1..=6 {
        assert_eq!(ask_from(&app, "198.51.100.1", email, None).await.status, StatusCode::ACCEPTED);
        assert_eq!(mails(n.min(3)).await.len(), n.min(3), "request {n} of the first stranger");
        app.state.clock.advance(121);
    }
    // Three more strangers: the address's ten a day from strangers, then nothing.
    for ip in ["198.51.100.2", "198.51.100.3", "2001:db8:7:7::1"] {
        for _ in 0..3 {
            ask_from(&app, ip, email, None).await;
            app.state.clock.advance(121);
        }
    }
    assert_eq!(mails(10).await.len(), 10, "ten a day from all strangers together");
    assert_eq!(ask_from(&app, "198.51.100.9", email, None).await.status, StatusCode::ACCEPTED);
    assert_eq!(mails(11).await.len(), 10, "a new stranger (or the owner on a new device) gets none today");
    // The owner's browser: five of its own, one per two minutes; the same answer as anyone's.
    for n in 1..=7 {
        let r = ask_from(&app, "198.51.100.1", email, Some(&proof)).await;
        assert_eq!((r.status, r.raw.len()), (StatusCode::ACCEPTED, 0));
        assert_eq!(mails(10 + n.min(5)).await.len(), 10 + n.min(5), "the owner's request {n}");
        app.state.clock.advance(121);
    }
    // The proof is for this address only, and holds no address.
    assert!(!proof.contains("dagelijks"));
    app.registered("ander@example.org").await;
    for _ in 0..4 {
        ask_from(&app, "198.51.100.1", "ander@example.org", Some(&proof)).await;
        app.state.clock.advance(121);
    }
    assert_eq!(wait_for_mails(&app, "ander@example.org", 3).await.len(), 3, "another address: a stranger's limits");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_parallel_uses_of_one_link_one_wins() {
    let app = Arc::new(TestApp::new().await);
    let (_, token) = with_link(&app, "tweemaal@example.org").await;
    let use_link = |password: &'static str| {
        let (app, token) = (app.clone(), token.clone());
        tokio::spawn(async move { confirm(&app, &token, password).await })
    };
    let (a, b) = (use_link(NEW_PASSWORD), use_link("een heel ander wachtwoord"));
    let (a, b) = (a.await.unwrap(), b.await.unwrap());
    let mut statuses = [a.status, b.status];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::NO_CONTENT, StatusCode::BAD_REQUEST], "{:?} {:?}", a.body, b.body);
    let winner = if a.status == StatusCode::NO_CONTENT { NEW_PASSWORD } else { "een heel ander wachtwoord" };
    assert_eq!(app.login("tweemaal@example.org", winner).await.status, StatusCode::OK);
}

#[tokio::test]
async fn erasure_deletes_reset_links() {
    let app = TestApp::new().await;
    let (cookie, token) = with_link(&app, "weg@example.org").await;
    let r = app.call(Method::DELETE, "/api/me/account", Some(json!({"password": PASSWORD})), Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    let left: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM password_resets").fetch_one(app.state.db.pool()).await.unwrap();
    assert_eq!(left, 0);
    assert_eq!(confirm(&app, &token, NEW_PASSWORD).await.code(), "token_invalid");
}
