//! The API contract (README "API") and the session promises of
//! docs/security.md, through the real router and a real SQLite file.

use crate::common;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use common::{TestApp, PASSWORD};
use serde_json::json;

#[tokio::test]
async fn health_answers_when_the_database_does() {
    let app = TestApp::new().await;
    let r = app.get("/api/health", None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body["status"], "ok");
    if !common::on_postgres() {
        assert!(app.data_dir().join("zelfregie.sqlite3").is_file(), "a real database file in the data directory");
    }
    app.state.db.close().await;
    let r = app.get("/api/health", None).await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(r.code(), "service_unavailable");
}

#[tokio::test]
async fn the_registration_link_logs_in_with_a_strict_cookie() {
    let app = TestApp::new().await;
    let asked = app.register("Nieuw@Example.org").await;
    assert_eq!(asked.status, StatusCode::ACCEPTED);
    assert!(asked.session_cookie().is_none(), "no session before the link is used");
    let token = &app.wait_for_links("nieuw@example.org", common::REGISTRATION_PAGE, 1).await[0];
    let r = app.confirm_registration(token, None).await;
    assert_eq!(r.status, StatusCode::CREATED);
    assert_eq!(r.body["account"]["email"], "nieuw@example.org", "stored lower-case");
    assert_eq!(r.body["account"]["role"], "person");
    assert_eq!(r.body["active_sessions"], 1);
    let set_cookie = r.header("set-cookie").to_owned();
    for flag in ["HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=43200"] {
        assert!(set_cookie.contains(flag), "{flag} missing in {set_cookie}");
    }
    assert!(!set_cookie.contains("Secure"), "plain http on localhost cannot use Secure");
    let cookie = r.session_cookie().unwrap();
    let token = cookie.split_once('=').unwrap().1;
    assert!(token.len() >= 43, "256-bit token, base64url: {token}");

    let me = app.get("/api/session", Some(&cookie)).await;
    assert_eq!(me.status, StatusCode::OK);
    assert_eq!(me.body["account"]["email"], "nieuw@example.org");
    assert_eq!(me.body["session"]["idle_timeout_minutes"], 30);
}

#[tokio::test]
async fn over_tls_the_cookie_is_secure_with_the_host_prefix_and_hsts_is_sent() {
    let app = TestApp::with(|c| c.public_url = Some("https://zelfregie.example.org".into())).await;
    app.register("tls@example.org").await;
    let token = &app.wait_for_links("tls@example.org", common::REGISTRATION_PAGE, 1).await[0];
    let r = app.confirm_registration(token, None).await;
    let set_cookie = r.header("set-cookie");
    assert!(set_cookie.starts_with("__Host-zelfregie-session="), "{set_cookie}");
    assert!(set_cookie.contains("; Secure") && !set_cookie.contains("Domain"));
    assert!(r.header("strict-transport-security").starts_with("max-age="));
    let plain = TestApp::new().await.get("/api/health", None).await;
    assert!(plain.headers.get("strict-transport-security").is_none());
}

/// Asking who is logged in is not an error when nobody is: public pages ask on every load
/// and must not log a failed request (issue 14). Everything else still answers 401.
#[tokio::test]
async fn nobody_logged_in_is_an_answer_and_elsewhere_401() {
    let app = TestApp::new().await;
    let r = app.get("/api/session", None).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert!(r.headers.get("x-session-expires-in").is_none(), "no session, no clock");
    assert_eq!(r.header("cache-control"), "no-store");
    let forged = app.get("/api/session", Some("zelfregie-session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).await;
    assert_eq!(forged.status, StatusCode::NO_CONTENT, "an unknown token is nobody, and says nothing more");
    for path in ["/api/me/profile", "/api/session/time-left", "/api/me/export"] {
        let r = app.get(path, None).await;
        assert_eq!((r.status, r.code()), (StatusCode::UNAUTHORIZED, "unauthenticated"), "{path}");
    }
    let cookie = app.registered("wie@example.org").await;
    let me = app.get("/api/session", Some(&cookie)).await;
    assert_eq!(me.status, StatusCode::OK);
    assert_eq!(me.body["account"]["email"], "wie@example.org");
}

#[tokio::test]
async fn state_changing_requests_need_the_header() {
    let app = TestApp::new().await;
    let cookie = app.registered("csrf@example.org").await;
    let cases = [
        (Method::POST, "/api/account", Some(json!({"email": "x@example.org", "password": PASSWORD}))),
        (Method::POST, "/api/session", Some(json!({"email": "csrf@example.org", "password": PASSWORD}))),
        (Method::DELETE, "/api/session", None),
        (Method::DELETE, "/api/me/sessions", None),
    ];
    for (method, path, body) in cases {
        for header_value in [None, Some("XMLHttpRequest")] {
            let mut b = Request::builder().method(method.clone()).uri(path).header(header::COOKIE, &cookie);
            if let Some(v) = header_value {
                b = b.header("x-requested-with", v);
            }
            let body = match &body {
                Some(v) => {
                    b = b.header(header::CONTENT_TYPE, "application/json");
                    Body::from(v.to_string())
                }
                None => Body::empty(),
            };
            let r = app.send(b.body(body).unwrap()).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{method} {path} with {header_value:?}");
            assert_eq!(r.code(), "csrf_header_missing");
        }
    }
    // Nothing happened: the session is still there and no account was made.
    assert_eq!(app.get("/api/session", Some(&cookie)).await.status, StatusCode::OK);
    assert_eq!(app.login("x@example.org", PASSWORD).await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn cross_site_requests_are_refused() {
    let app = TestApp::new().await;
    let cookie = app.registered("xsite@example.org").await;
    let r = app
        .send(
            Request::builder()
                .method(Method::DELETE)
                .uri("/api/session")
                .header(header::COOKIE, &cookie)
                .header("x-requested-with", "zelfregie")
                .header("sec-fetch-site", "cross-site")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(r.code(), "cross_site_request");
    assert_eq!(app.get("/api/session", Some(&cookie)).await.status, StatusCode::OK);
}

#[tokio::test]
async fn logout_ends_the_session_on_the_server() {
    let app = TestApp::new().await;
    let cookie = app.registered("uit@example.org").await;
    let r = app.call(Method::DELETE, "/api/session", None, Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert!(r.header("set-cookie").contains("Max-Age=0"));
    assert_eq!(r.header("clear-site-data"), "\"cache\", \"cookies\"");
    // The old cookie, replayed, no longer works.
    let after = app.get("/api/session", Some(&cookie)).await;
    assert_eq!(after.status, StatusCode::NO_CONTENT);
    let (rows,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM sessions").fetch_one(app.state.db.pool()).await.unwrap();
    assert_eq!(rows, 0);
    // Logging out twice is harmless.
    assert_eq!(app.call(Method::DELETE, "/api/session", None, Some(&cookie)).await.status, StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn logout_everywhere_ends_every_session_of_the_account_only() {
    let app = TestApp::new().await;
    let phone = app.registered("overal@example.org").await;
    let laptop = app.login("overal@example.org", PASSWORD).await.session_cookie().unwrap();
    let other = app.registered("ander@example.org").await;
    assert_eq!(app.get("/api/session", Some(&laptop)).await.body["active_sessions"], 2);

    let r = app.call(Method::DELETE, "/api/me/sessions", None, Some(&phone)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(r.header("clear-site-data"), "\"cache\", \"cookies\"");
    assert_eq!(app.get("/api/session", Some(&phone)).await.status, StatusCode::NO_CONTENT);
    assert_eq!(app.get("/api/session", Some(&laptop)).await.status, StatusCode::NO_CONTENT);
    assert_eq!(app.get("/api/session", Some(&other)).await.status, StatusCode::OK, "someone else's session stays");
}

#[tokio::test]
async fn every_login_gets_a_new_token_and_ends_the_one_it_came_with() {
    let app = TestApp::new().await;
    let first = app.registered("fixatie@example.org").await;
    let r = app
        .call(
            Method::POST,
            "/api/session",
            Some(json!({"email": "fixatie@example.org", "password": PASSWORD})),
            Some(&first),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let second = r.session_cookie().unwrap();
    assert_ne!(first, second);
    assert_eq!(app.get("/api/session", Some(&first)).await.status, StatusCode::NO_CONTENT);
    assert_eq!(app.get("/api/session", Some(&second)).await.status, StatusCode::OK);
}

#[tokio::test]
async fn unknown_email_and_wrong_password_get_the_same_answer() {
    let app = TestApp::new().await;
    app.registered("bestaat@example.org").await;
    let wrong = app.login("bestaat@example.org", "niet het goede wachtwoord").await;
    let unknown = app.login("bestaat-niet@example.org", "niet het goede wachtwoord").await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(wrong.status, unknown.status);
    assert_eq!(wrong.raw, unknown.raw);
    assert_eq!(wrong.code(), "invalid_credentials");
    assert!(wrong.session_cookie().is_none());
    // Case and spaces of the address do not matter when logging in.
    assert_eq!(app.login("  BESTAAT@example.org ", PASSWORD).await.status, StatusCode::OK);
}

#[tokio::test]
async fn login_waits_grow_per_account_instead_of_a_lockout() {
    let app = TestApp::new().await;
    app.registered("doelwit@example.org").await;
    // The clock held: every wait is exact, however slow the machine.
    app.state.clock.hold();
    let now = app.state.clock.now_ms();
    // The wait the account's counter holds now, in milliseconds.
    let wait = || {
        let app = &app;
        async move {
            let next: i64 =
                sqlx::query_scalar("SELECT max(next_at) FROM throttle").fetch_one(app.state.db.pool()).await.unwrap();
            next - now
        }
    };
    // Five guesses at once: each is checked; the fifth starts a wait of 1 s for the sixth.
    for i in 0..5 {
        let r = app.login("doelwit@example.org", &format!("gok nummer {i:02} fout")).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "attempt {i}");
        // No wait before the fifth: nothing ahead of the clock.
        let wait = wait().await;
        assert!(if i < 4 { wait <= 0 } else { wait == 1_000 }, "attempt {i}: wait {wait} ms");
    }
    // Each further wrong guess doubles the wait: 2, 4, 8 … seconds, never more than 15 minutes.
    let expected = [2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900];
    for (i, want) in expected.into_iter().enumerate() {
        sqlx::query("UPDATE throttle SET next_at = 0").execute(app.state.db.pool()).await.unwrap();
        assert_eq!(
            app.login("doelwit@example.org", &format!("nog een gok {i:02}")).await.status,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(wait().await, want * 1_000, "guess {i}");
    }
    // While a wait runs, even the right password waits, and is told how long.
    // (The account's counter is the one with the longest wait; the address's has none.)
    sqlx::query("UPDATE throttle SET next_at = next_at + 3600000 WHERE next_at = (SELECT max(next_at) FROM throttle)")
        .execute(app.state.db.pool())
        .await
        .unwrap();
    let r = app.login("doelwit@example.org", PASSWORD).await;
    assert_eq!(
        (r.status, r.code()),
        (StatusCode::TOO_MANY_REQUESTS, "too_many_attempts"),
        "even the right password waits"
    );
    assert_eq!(r.header("retry-after"), "4500");
    // Once the wait is over, the owner gets in, and the counter starts again.
    sqlx::query("UPDATE throttle SET next_at = 0").execute(app.state.db.pool()).await.unwrap();
    assert_eq!(app.login("doelwit@example.org", PASSWORD).await.status, StatusCode::OK);
    assert_eq!(app.login("doelwit@example.org", "weer fout, maar vrij").await.status, StatusCode::UNAUTHORIZED);
    // Another account from the same address is not held up.
    app.registered("buurman@example.org").await;
    assert_eq!(app.login("buurman@example.org", PASSWORD).await.status, StatusCode::OK);
}

#[tokio::test]
async fn sessions_time_out_when_idle_and_absolutely() {
    let app = TestApp::new().await;
    let idle = app.registered("idle@example.org").await;
    let old = app.registered("oud@example.org").await;
    let fresh = app.registered("vers@example.org").await;
    for sql in [
        "UPDATE sessions SET last_seen_at = last_seen_at - 31 * 60
         WHERE account_id = (SELECT id FROM accounts WHERE email = 'idle@example.org')",
        "UPDATE sessions SET created_at = created_at - 12 * 3600
         WHERE account_id = (SELECT id FROM accounts WHERE email = 'oud@example.org')",
    ] {
        sqlx::query(sql).execute(app.state.db.pool()).await.unwrap();
    }
    assert_eq!(app.get("/api/session", Some(&idle)).await.status, StatusCode::NO_CONTENT);
    assert_eq!(app.get("/api/session", Some(&old)).await.status, StatusCode::NO_CONTENT);
    assert_eq!(app.get("/api/session", Some(&fresh)).await.status, StatusCode::OK);
    let (rows,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM sessions").fetch_one(app.state.db.pool()).await.unwrap();
    assert_eq!(rows, 1, "timed-out sessions are deleted when seen");
}

#[tokio::test]
async fn the_server_validates_with_the_shared_model() {
    let app = TestApp::new().await;
    let r = app.register("geen-adres").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.body, json!({"code": "validation_failed", "fields": [{"field": "email", "code": "email_invalid"}]}));
    // The password, on the link's page.
    app.register("iemand@example.org").await;
    let token = &app.wait_for_links("iemand@example.org", common::REGISTRATION_PAGE, 1).await[0];
    let short = app.confirm_registration_with(token, "kort", None).await;
    assert_eq!(
        short.body,
        json!({"code": "validation_failed", "fields": [{"field": "password", "code": "password_too_short"}]})
    );
    let common = app.confirm_registration_with(token, "Wachtwoord123", None).await;
    assert_eq!(common.body["fields"][0]["code"], "password_too_common");
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM accounts").fetch_one(app.state.db.pool()).await.unwrap();
    assert_eq!(n, 0, "nothing stored");
}

#[tokio::test]
async fn an_address_can_register_once_whatever_its_case() {
    let app = TestApp::new().await;
    app.registered("dubbel@example.org").await;
    // Past the cool-down of the registration mails.
    sqlx::query("DELETE FROM throttle").execute(app.state.db.pool()).await.unwrap();
    let r = app.register("DUBBEL@example.org").await;
    assert_eq!(r.status, StatusCode::ACCEPTED, "the same answer as for a new address");
    // No second account, no link: the owner is told someone tried.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let mails = app.mails_to("dubbel@example.org");
    assert_eq!(mails.len(), 2, "the link, then the notice");
    assert!(mails[1].contains("Subject: Iemand wilde een account maken met je e-mailadres"), "{}", mails[1]);
    assert!(mails[1].contains("/wachtwoord-vergeten") && !mails[1].contains("?token="), "{}", mails[1]);
    assert_eq!(app.login("dubbel@example.org", PASSWORD).await.status, StatusCode::OK, "unchanged");
}

#[tokio::test]
async fn bad_bodies_get_codes_not_stack_traces() {
    let app = TestApp::new().await;
    let send = |content_type: &'static str, body: Vec<u8>| {
        Request::builder()
            .method(Method::POST)
            .uri("/api/session")
            .header("x-requested-with", "zelfregie")
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body))
            .unwrap()
    };
    let r = app.send(send("application/json", b"{not json".to_vec())).await;
    assert_eq!((r.status, r.code()), (StatusCode::BAD_REQUEST, "malformed_request"));
    let r = app.send(send("text/plain", b"{}".to_vec())).await;
    assert_eq!((r.status, r.code()), (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type"));
    let huge = format!(r#"{{"email":"a@b.nl","password":"{}"}}"#, "x".repeat(100_000));
    let r = app.send(send("application/json", huge.into_bytes())).await;
    assert_eq!((r.status, r.code()), (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"));
    let r = app.get("/api/does-not-exist", None).await;
    assert_eq!((r.status, r.code()), (StatusCode::NOT_FOUND, "not_found"));
    let r = app.call(Method::PUT, "/api/health", None, None).await;
    assert_eq!((r.status, r.code()), (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed"));
}

#[tokio::test]
async fn passwords_and_tokens_are_stored_only_as_hashes() {
    let app = TestApp::new().await;
    let cookie = app.registered("hash@example.org").await;
    let token = cookie.split_once('=').unwrap().1.to_owned();
    let mut bytes = Vec::new();
    // Every value of every column as text (also on PostgreSQL, where no file is ours)…
    for table in common::tables(&app).await {
        for column in common::columns(&app, &table).await {
            let values: Vec<Option<Vec<u8>>> =
                sqlx::query_scalar(&format!("SELECT {} FROM {table}", common::bytes_sql(&column)))
                    .fetch_all(app.state.db.pool())
                    .await
                    .unwrap();
            bytes.extend(values.into_iter().flatten().flatten());
        }
    }
    // …and every byte of the SQLite files.
    app.state.db.close().await;
    for entry in std::fs::read_dir(app.data_dir()).into_iter().flatten() {
        bytes.extend(std::fs::read(entry.unwrap().path()).unwrap_or_default());
    }
    let haystack = String::from_utf8_lossy(&bytes);
    assert!(haystack.contains("$argon2id$"), "the password hash is there");
    assert!(!haystack.contains(PASSWORD), "the password is not");
    assert!(!haystack.contains(&token), "the session token is not");
}

#[tokio::test]
async fn partners_are_the_35_of_the_seed() {
    let app = TestApp::new().await;
    let r = app.get("/api/partners", None).await;
    let partners = r.body.as_array().unwrap();
    assert_eq!(partners.len(), 35);
    assert_eq!(partners[0], json!({"slug": "beek", "name": "Gemeente Beek"}));
    assert!(partners.iter().any(|p| p["slug"] == "valkenburg-a-d-geul"));
}

/// Every error is our JSON format with a stable code, also when a path or query parameter
/// does not parse or a file does not exist (these used to answer `text/plain`).
#[tokio::test]
async fn malformed_paths_and_queries_answer_in_json() {
    let app = TestApp::new().await;
    let cookie = app.registered("vorm@example.org").await;
    for (method, path, status, code) in [
        (Method::DELETE, "/api/me/transfers/abc", StatusCode::BAD_REQUEST, "malformed_request"),
        (Method::GET, "/api/me/newsletter/receipts/1e3", StatusCode::BAD_REQUEST, "malformed_request"),
        (Method::DELETE, "/api/me/enrolments/-x", StatusCode::BAD_REQUEST, "malformed_request"),
        (Method::GET, "/api/me/disclosures?page=-1", StatusCode::BAD_REQUEST, "malformed_request"),
        (Method::GET, "/api/me/transfers/nope/extra", StatusCode::NOT_FOUND, "not_found"),
        (Method::GET, "/bestaat-niet.js", StatusCode::NOT_FOUND, "not_found"),
    ] {
        let r = app.call(method.clone(), path, None, Some(&cookie)).await;
        assert_eq!((r.status, r.code()), (status, code), "{method} {path}: {}", String::from_utf8_lossy(&r.raw));
        assert!(r.header("content-type").starts_with("application/json"), "{method} {path}");
    }
}

/// Issue 24: a NUL character in any text the API takes (a JSON string, a query, a path
/// parameter) is refused with a 4xx on both databases, before any handler or query sees it.
/// PostgreSQL cannot store a NUL and answered 500 with an ERROR line; SQLite answered 4xx.
#[tokio::test]
async fn a_nul_character_anywhere_is_refused_and_never_a_server_error() {
    let app = TestApp::new().await;
    let cookie = app.registered("nul@example.org").await;
    let login = json!({"email": "nul\u{0}@example.org", "password": PASSWORD});
    let r = app.call(Method::POST, "/api/session", Some(login), None).await;
    assert_eq!((r.status, r.code()), (StatusCode::UNPROCESSABLE_ENTITY, "invalid_characters"));
    let name = json!({"personal": {"first_name": "Sa\u{0}nne"}});
    let r = app.call(Method::PUT, "/api/me/profile", Some(name), Some(&cookie)).await;
    assert_eq!((r.status, r.code()), (StatusCode::UNPROCESSABLE_ENTITY, "invalid_characters"));
    for path in ["/api/transfer-links/abc%00def", "/api/me/visibility/preview/kerk%00rade"] {
        let r = app.get(path, Some(&cookie)).await;
        assert_eq!((r.status, r.code()), (StatusCode::BAD_REQUEST, "malformed_request"), "{path}");
    }
    let r = app.call(Method::POST, "/api/transfer-links/abc%00def/file", None, None).await;
    assert_eq!((r.status, r.code()), (StatusCode::BAD_REQUEST, "malformed_request"));
    let r = app.upload("/api/me/transfers?recipient=age1%00", b"age-encryption.org/v1\n".to_vec(), &cookie).await;
    assert_eq!((r.status, r.code()), (StatusCode::BAD_REQUEST, "malformed_request"));
    // A backslash followed by the text "u0000" is no NUL: it reaches the handler.
    let login = json!({"email": "nul\\u0000@example.org", "password": PASSWORD});
    let r = app.call(Method::POST, "/api/session", Some(login), None).await;
    assert_ne!(r.code(), "invalid_characters");
    assert!(r.status.is_client_error(), "{}", r.status);
    // The account is untouched and works.
    assert_eq!(app.get("/api/session", Some(&cookie)).await.status, StatusCode::OK);
}

/// The overview's one answer (issue 26) is the five answers it replaces, from the same
/// functions: for the demo candidate, who has all of them, and for a new account, who has
/// none. Only a person has one.
#[tokio::test]
async fn the_overview_is_the_five_answers_in_one() {
    let app = TestApp::demo().await;
    // A recruiter of Beek lists the candidates: the demo candidate has been seen.
    let beek = app.demo_cookie("recruiter@beek.example.org").await;
    assert_eq!(app.get("/api/recruiter/candidates?q=", Some(&beek)).await.status, StatusCode::OK);
    for cookie in [app.demo_cookie("kandidaat@example.org").await, app.registered("nieuw-overzicht@example.org").await]
    {
        let o = app.get("/api/me/overview", Some(&cookie)).await;
        assert_eq!(o.status, StatusCode::OK);
        assert_eq!(o.body["profile"], app.get("/api/me/profile", Some(&cookie)).await.body);
        assert_eq!(o.body["visibility"], app.get("/api/me/visibility", Some(&cookie)).await.body);
        assert_eq!(o.body["newsletter"], app.get("/api/me/newsletter", Some(&cookie)).await.body["subscription"]);
        assert_eq!(o.body["academy"], app.get("/api/me/academy", Some(&cookie)).await.body);
        assert_eq!(o.body["last_look"], app.get("/api/me/disclosures", Some(&cookie)).await.body["entries"][0]);
    }
    let demo = app.demo_cookie("kandidaat@example.org").await;
    let o = app.get("/api/me/overview", Some(&demo)).await;
    assert!(o.body["last_look"].is_object(), "the demo candidate was seen: {}", o.body);
    assert_eq!(o.body["profile"]["personal"]["first_name"], "Sanne");
    let recruiter = app.demo_cookie("recruiter@kerkrade.example.org").await;
    assert_eq!(app.get("/api/me/overview", Some(&recruiter)).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.get("/api/me/overview", None).await.status, StatusCode::UNAUTHORIZED);
}
