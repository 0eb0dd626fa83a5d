//! Registration by mail link (docs/security.md "Registration by mail link"): the same answer
//! for new and taken addresses, the account only once the link's button is pressed, a link
//! that works once for 24 hours and survives mail scanners, and limits on the mails.

use crate::common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use common::{Reply, TestApp, PASSWORD, REGISTRATION_PAGE};
use serde_json::json;

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(app.state.db.pool()).await.unwrap()
}

/// Waits until no more mail comes for a moment: the mails go out after the answer.
async fn settle() {
    tokio::time::sleep(Duration::from_millis(400)).await;
}

/// Forgets every rate-limit counter (to measure or to ask again without waiting).
async fn forget_counters(app: &TestApp) {
    sqlx::query("DELETE FROM throttle").execute(app.state.db.pool()).await.unwrap();
}

fn same_answer(a: &Reply, b: &Reply) {
    assert_eq!(a.status, StatusCode::ACCEPTED);
    assert_eq!((a.status, &a.raw), (b.status, &b.raw), "status and body");
    assert!(a.session_cookie().is_none() && b.session_cookie().is_none(), "no session either way");
    let mut names_a: Vec<_> = a.headers.keys().map(|k| k.as_str().to_owned()).collect();
    let mut names_b: Vec<_> = b.headers.keys().map(|k| k.as_str().to_owned()).collect();
    names_a.sort();
    names_b.sort();
    assert_eq!(names_a, names_b, "the same headers");
    assert!(a.headers.get("set-cookie").is_none() && b.headers.get("set-cookie").is_none());
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

#[tokio::test]
async fn new_and_taken_addresses_get_the_same_answer_in_about_the_same_time() {
    let app = TestApp::new().await;
    let taken: Vec<String> = (0..5).map(|i| format!("bestaat-{i}@example.org")).collect();
    for email in &taken {
        app.registered(email).await;
    }
    forget_counters(&app).await;
    let (mut new_times, mut taken_times) = (Vec::new(), Vec::new());
    let mut replies = Vec::new();
    for (i, email) in taken.iter().enumerate() {
        let start = Instant::now();
        let fresh = app.register(&format!("nieuw-{i}@example.org")).await;
        new_times.push(start.elapsed());
        let start = Instant::now();
        let known = app.register(&email.to_uppercase()).await;
        taken_times.push(start.elapsed());
        same_answer(&fresh, &known);
        replies.push(known);
    }
    let (new, old) = (median(new_times), median(taken_times));
    println!("registration answer: new address {new:?}, taken address {old:?} (medians of 5)");
    let (fast, slow) = (new.min(old), new.max(old));
    assert!(slow <= fast * 2 + Duration::from_millis(30), "new {new:?} vs taken {old:?}");
    settle().await;
    // The taken addresses got a notice, never a link or a second account.
    for email in &taken {
        let mails = app.mails_to(email);
        assert_eq!(mails.len(), 2, "{email}: the first link and the notice");
        assert!(mails[1].contains("Subject: Iemand wilde een account maken met je e-mailadres"));
        assert!(mails[1].contains(&format!("{}/wachtwoord-vergeten", app.state.public_url)));
        assert!(!mails[1].contains("token="), "no link that could create anything");
        assert_eq!(app.login(email, PASSWORD).await.status, StatusCode::OK, "the password did not change");
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM accounts").await, 5);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM pending_registrations").await, 5, "only the new addresses wait");
}

#[tokio::test]
async fn the_account_exists_only_after_the_button_and_only_hashes_are_stored() {
    let app = TestApp::new().await;
    let r = app
        .call(Method::POST, "/api/account", Some(json!({"email": "Later@Example.org", "language": "en"})), None)
        .await;
    assert_eq!(r.status, StatusCode::ACCEPTED);
    let tokens = app.wait_for_links("later@example.org", REGISTRATION_PAGE, 1).await;
    let mail = &app.mails_to("later@example.org")[0];
    assert!(mail.contains(&format!("{}{REGISTRATION_PAGE}?token=", app.state.public_url)), "{mail}");
    assert!(
        mail.find("You want to create").unwrap() < mail.find("Je wilt een account maken").unwrap(),
        "English first"
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM accounts").await, 0, "no account yet");
    assert_eq!(app.login("later@example.org", PASSWORD).await.status, StatusCode::UNAUTHORIZED);
    // Only the token's hash; no password until the link's page gives one.
    let (hash,): (Vec<u8>,) =
        sqlx::query_as("SELECT token_hash FROM pending_registrations").fetch_one(app.state.db.pool()).await.unwrap();
    assert_eq!(hash, zelfregie_domain::auth::session::hash_token(&tokens[0]));
    assert!(
        common::files_containing(&app.data_dir(), &[&tokens[0]]).iter().all(|f| f.starts_with("mail/")),
        "only the mail holds the token"
    );
    // A password the rules refuse leaves the link working; so does one with the address in it.
    for (bad, code) in [("kort", "password_too_short"), ("later@example.org!!", "password_contains_email")] {
        let r = app.confirm_registration_with(&tokens[0], bad, None).await;
        assert_eq!((r.status, r.body["fields"][0]["code"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some(code)));
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM accounts").await, 0, "still no account");

    let r = app.confirm_registration(&tokens[0], None).await;
    assert!(
        common::files_containing(&app.data_dir(), &[PASSWORD]).is_empty(),
        "the password is stored only as its argon2id hash"
    );
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    assert_eq!(r.body["account"]["email"], "later@example.org");
    let cookie = r.session_cookie().unwrap();
    assert_eq!(app.get("/api/session", Some(&cookie)).await.status, StatusCode::OK);
    assert_eq!(app.login("later@example.org", PASSWORD).await.status, StatusCode::OK);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM pending_registrations").await, 0, "used up");
    let again = app.confirm_registration(&tokens[0], None).await;
    assert_eq!((again.status, again.code()), (StatusCode::BAD_REQUEST, "token_invalid"));
    for bad in ["", "niet-een-token", &tokens[0][..20]] {
        let r = app.confirm_registration(bad, None).await;
        assert_eq!((r.status, r.code()), (StatusCode::BAD_REQUEST, "token_invalid"), "{bad}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_parallel_presses_of_one_link_make_one_account_and_one_session() {
    let app = Arc::new(TestApp::new().await);
    app.register("tegelijk@example.org").await;
    let token = app.wait_for_links("tegelijk@example.org", REGISTRATION_PAGE, 1).await.remove(0);
    let presses: Vec<_> = (0..20)
        .map(|_| {
            let (app, token) = (app.clone(), token.clone());
            tokio::spawn(async move { app.confirm_registration(&token, None).await })
        })
        .collect();
    let mut created = Vec::new();
    for p in presses {
        let r = p.await.unwrap();
        match r.status {
            StatusCode::CREATED => created.push(r.session_cookie().unwrap()),
            _ => assert_eq!((r.status, r.code()), (StatusCode::BAD_REQUEST, "token_invalid"), "{:?}", r.body),
        }
    }
    assert_eq!(created.len(), 1, "exactly one press wins");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM accounts").await, 1);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM sessions").await, 1);
}

#[tokio::test]
async fn an_expired_link_is_refused_and_purged() {
    let app = TestApp::new().await;
    app.register("te-laat@example.org").await;
    let token = app.wait_for_links("te-laat@example.org", REGISTRATION_PAGE, 1).await.remove(0);
    let now = zelfregie_domain::testing::now();
    let expires = count(&app, "SELECT expires_at FROM pending_registrations").await;
    assert!((now + 24 * 3600 - 5..=now + 24 * 3600).contains(&expires), "24 hours: {expires} vs {now}");
    assert_eq!(zelfregie_domain::registration::purge(&app.state.db).await.unwrap(), 0, "not yet");
    sqlx::query("UPDATE pending_registrations SET expires_at = $1")
        .bind(now)
        .execute(app.state.db.pool())
        .await
        .unwrap();
    let r = app.confirm_registration(&token, None).await;
    assert_eq!((r.status, r.code()), (StatusCode::BAD_REQUEST, "token_invalid"));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM accounts").await, 0);
    assert_eq!(zelfregie_domain::registration::purge(&app.state.db).await.unwrap(), 1);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM pending_registrations").await, 0, "the address is gone");
    // Registering again works.
    forget_counters(&app).await;
    app.registered("te-laat@example.org").await;
}

/// Mail scanners fetch every link, with HEAD and GET, and run the page's script: none of
/// that may create the account.
#[tokio::test]
async fn opening_the_link_changes_nothing() {
    let app = TestApp::new().await;
    app.register("scanner@example.org").await;
    let token = app.wait_for_links("scanner@example.org", REGISTRATION_PAGE, 1).await.remove(0);
    for method in [Method::HEAD, Method::GET] {
        for path in [format!("{REGISTRATION_PAGE}?token={token}"), format!("/api/account/confirm?token={token}")] {
            let r = app.send(Request::builder().method(method.clone()).uri(&path).body(Body::empty()).unwrap()).await;
            assert!(r.session_cookie().is_none(), "{method} {path}");
            assert_ne!(r.status, StatusCode::CREATED, "{method} {path}");
        }
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM accounts").await, 0);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM pending_registrations").await, 1);
    assert_eq!(app.confirm_registration(&token, None).await.status, StatusCode::CREATED, "the button still works");
}

#[tokio::test]
async fn fifteen_requests_for_one_address_send_at_most_the_daily_cap() {
    let app = TestApp::new().await;
    let email = "veel@example.org";
    // One after the other, as fast as possible: the cool-down lets one mail through.
    for _ in 0..15 {
        assert_eq!(app.register(email).await.status, StatusCode::ACCEPTED);
    }
    settle().await;
    assert_eq!(app.mails_to(email).len(), 1, "one mail in the cool-down");
    // With the cool-down passed every time: three a day for one requester.
    for _ in 0..15 {
        app.state.clock.advance(121);
        assert_eq!(app.register(email).await.status, StatusCode::ACCEPTED);
    }
    settle().await;
    assert_eq!(app.mails_to(email).len(), 3, "one requester's daily cap");
}

/// docs/security.md "Mails to an address": a stranger who asks for an account for someone
/// else's address, again and again, spends only his own three mails of the day; the owner,
/// asking from her own connection, still gets her link (before: five requests from anyone
/// spent the address's mails and her request sent nothing).
#[tokio::test]
async fn a_stranger_cannot_spend_the_owners_registration_mails() {
    let app = TestApp::with(|c| c.trusted_proxies = vec!["203.0.113.0/24".parse().unwrap()]).await;
    let email = "nieuw@example.org";
    let ask = |ip: &'static str| {
        let app = &app;
        async move {
            let request = axum::http::Request::post("/api/account")
                .header("x-requested-with", "zelfregie")
                .header("content-type", "application/json")
                .header("x-forwarded-for", ip)
                .body(axum::body::Body::from(serde_json::json!({"email": email}).to_string()))
                .unwrap();
            app.send(request).await.status
        }
    };
    for _ in 0..8 {
        assert_eq!(ask("198.51.100.66").await, StatusCode::ACCEPTED);
        app.state.clock.advance(121);
    }
    settle().await;
    assert_eq!(app.link_tokens(email, "/registreren/bevestigen").len(), 3, "the stranger's three");
    assert_eq!(ask("192.0.2.10").await, StatusCode::ACCEPTED);
    let tokens = app.wait_for_links(email, "/registreren/bevestigen", 4).await;
    assert_eq!(tokens.len(), 4, "the owner's own request sends her a link");
    let r = app.confirm_registration(tokens.last().unwrap(), None).await;
    assert_eq!(r.status, StatusCode::CREATED);
    assert!(
        r.headers.get_all("set-cookie").iter().any(|c| c.to_str().unwrap().starts_with("zelfregie-mailbox=")),
        "the link's button marks the browser as one that reads the mailbox"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_requests_for_a_taken_address_send_one_notice() {
    let app = Arc::new(TestApp::new().await);
    app.registered("druk@example.org").await;
    forget_counters(&app).await;
    let tasks: Vec<_> = (0..15)
        .map(|_| {
            let app = app.clone();
            tokio::spawn(async move { app.register("druk@example.org").await })
        })
        .collect();
    for t in tasks {
        assert_eq!(t.await.unwrap().status, StatusCode::ACCEPTED);
    }
    settle().await;
    assert_eq!(app.mails_to("druk@example.org").len(), 2, "the link of the registration and one notice");
}

#[tokio::test]
async fn a_second_link_for_the_same_address_dies_when_the_first_is_used() {
    let app = TestApp::new().await;
    let email = "twee-links@example.org";
    app.register(email).await;
    app.wait_for_links(email, REGISTRATION_PAGE, 1).await;
    forget_counters(&app).await;
    app.register(email).await;
    let tokens = app.wait_for_links(email, REGISTRATION_PAGE, 2).await;
    let r = app.confirm_registration_with(&tokens[1], "een tweede lang wachtwoord", None).await;
    assert_eq!(r.status, StatusCode::CREATED);
    let r = app.confirm_registration(&tokens[0], None).await;
    assert_eq!((r.status, r.code()), (StatusCode::BAD_REQUEST, "token_invalid"));
    assert_eq!(app.login(email, "een tweede lang wachtwoord").await.status, StatusCode::OK);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM pending_registrations").await, 0);
}

#[tokio::test]
async fn demo_accounts_need_no_link() {
    let app = TestApp::new().await;
    zelfregie_domain::demo::seed_if_empty(&app.state).await.unwrap();
    let r = app.login("kandidaat@example.org", zelfregie_domain::demo::DEMO_PASSWORD).await;
    assert_eq!(r.status, StatusCode::OK);
}

/// Issue 24: an account could be taken before it existed. The password was fixed by the
/// request: an attacker asked for the victim's address with his own password, her own
/// request 1.5 s later met the cool-down (no mail), she pressed the one link in her mailbox —
/// his — and he logged into her new account. Now the request carries no password: the link
/// in her mailbox, whoever asked for it, makes the account with the password she chooses on
/// its page, and nothing the attacker sent opens it.
#[tokio::test]
async fn an_account_cannot_be_taken_before_it_exists() {
    let app = TestApp::new().await;
    let victim = "slachtoffer@example.org";
    let attacker_password = "het wachtwoord van de aanvaller";
    // The attacker asks first, with a password of his own (the field is no longer read).
    let first = app
        .call(Method::POST, "/api/account", Some(json!({"email": victim, "password": attacker_password})), None)
        .await;
    assert_eq!(first.status, StatusCode::ACCEPTED);
    // Her own request moments later: the same answer; within the cool-down no second mail.
    let own = app.register(victim).await;
    same_answer(&first, &own);
    let tokens = app.wait_for_links(victim, REGISTRATION_PAGE, 1).await;
    settle().await;
    assert_eq!(app.mails_to(victim).len(), 1, "one link in her mailbox: the one his request sent");
    // She opens it and chooses her password: her account, logged in.
    let r = app.confirm_registration_with(&tokens[0], "mijn eigen lange wachtwoord", None).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let cookie = r.session_cookie().unwrap();
    assert_eq!(app.get("/api/session", Some(&cookie)).await.status, StatusCode::OK);
    // His password opens nothing; hers does.
    assert_eq!(app.login(victim, attacker_password).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(app.login(victim, "mijn eigen lange wachtwoord").await.status, StatusCode::OK);
}
