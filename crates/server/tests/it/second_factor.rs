//! Two-step verification (issue 12): staff must log in with password and a one-time code
//! (RFC 6238), people may turn it on; a code works once, also under parallel requests;
//! guesses are counted per account; recovery codes work once; a staff session without a
//! second factor can only set one up (docs/security.md "Second factor").

use crate::common;

use axum::http::{Method, StatusCode};
use common::{totp_code, Reply, TestApp, PASSWORD};
use serde_json::json;
use zelfregie_domain::demo;
use zelfregie_model::Role;

const RECRUITER: &str = "recruiter@brunssum.example.org";

fn now() -> i64 {
    zelfregie_domain::testing::now()
}

async fn sessions_of(app: &TestApp, email: &str) -> i64 {
    let id = app.account_id(email).await;
    sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE account_id = $1")
        .bind(id)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap()
}

/// Sends `attempt` until it is refused with `too_many_attempts` (at most six more times:
/// the sixth extra one would have to come 32 seconds after the one before); every answer
/// before that is a wrong-code answer.
async fn until_throttled<F: std::future::Future<Output = Reply>>(attempt: impl Fn() -> F) -> Reply {
    for _ in 0..6 {
        let r = attempt().await;
        if r.code() == "too_many_attempts" {
            assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
            return r;
        }
        assert!(
            r.code() == "invalid_second_factor" || r.body["fields"][0]["code"] == "invalid_second_factor",
            "{:?}",
            r.body
        );
    }
    panic!("never slowed down");
}

/// A person who turned two-step verification on: (cookie, secret, recovery codes).
async fn enrolled_person(app: &TestApp, email: &str) -> (String, Vec<u8>, Vec<String>) {
    let cookie = app.registered(email).await;
    let start =
        app.call(Method::POST, "/api/me/second-factor", Some(json!({"password": PASSWORD})), Some(&cookie)).await;
    assert_eq!(start.status, StatusCode::CREATED, "{:?}", start.body);
    let secret_text = start.body["secret"].as_str().unwrap().to_owned();
    let secret = base32::decode(base32::Alphabet::Rfc4648 { padding: false }, &secret_text).unwrap();
    assert_eq!(secret.len(), 20, "160 bits");
    let code = totp_code(&secret, now());
    let confirm = app.call(Method::PUT, "/api/me/second-factor", Some(json!({"code": code})), Some(&cookie)).await;
    assert_eq!(confirm.status, StatusCode::OK, "{:?}", confirm.body);
    let codes: Vec<String> =
        confirm.body["codes"].as_array().unwrap().iter().map(|c| c.as_str().unwrap().to_owned()).collect();
    (cookie, secret, codes)
}

#[tokio::test]
async fn staff_need_a_code_and_are_told_so_only_after_the_right_password() {
    let app = TestApp::demo().await;
    // A wrong password says nothing about a second factor: no oracle of role or set-up.
    let wrong = app.login_with_code(RECRUITER, "niet het wachtwoord", "123456").await;
    assert_eq!((wrong.status, wrong.code()), (StatusCode::UNAUTHORIZED, "invalid_credentials"));
    let unknown = app.login("niemand@example.org", demo::DEMO_PASSWORD).await;
    assert_eq!(unknown.code(), "invalid_credentials");

    let without = app.login(RECRUITER, demo::DEMO_PASSWORD).await;
    assert_eq!((without.status, without.code()), (StatusCode::FORBIDDEN, "second_factor_required"));
    assert!(without.session_cookie().is_none(), "no session without the code");
    assert_eq!(sessions_of(&app, RECRUITER).await, 0);

    let with = app.demo_login(RECRUITER).await;
    assert_eq!(with.status, StatusCode::OK, "{:?}", with.body);
    assert_eq!(with.body["session"]["strong"], true);
    assert_eq!(with.body["second_factor"]["enabled"], true);
    assert_eq!(with.body["second_factor"]["required"], true);
    let cookie = with.session_cookie().unwrap();
    let list = app.get("/api/recruiter/candidates", Some(&cookie)).await;
    assert_eq!(list.status, StatusCode::OK, "{:?}", list.body);
}

#[tokio::test]
async fn a_code_is_accepted_once() {
    let app = TestApp::demo().await;
    let code = app.next_code(RECRUITER, &demo::demo_totp_secret()).await;
    let first = app.login_with_code(RECRUITER, demo::DEMO_PASSWORD, &code).await;
    assert_eq!(first.status, StatusCode::OK, "{:?}", first.body);
    let again = app.login_with_code(RECRUITER, demo::DEMO_PASSWORD, &code).await;
    assert_eq!((again.status, again.code()), (StatusCode::UNAUTHORIZED, "invalid_second_factor"));
    assert!(again.session_cookie().is_none());
    // The code of an earlier period than the one used is refused too.
    let step: i64 = sqlx::query_scalar("SELECT last_step FROM second_factors WHERE account_id = $1")
        .bind(app.account_id(RECRUITER).await)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    let older = totp_code(&demo::demo_totp_secret(), (step - 1) * 30);
    let r = app.login_with_code(RECRUITER, demo::DEMO_PASSWORD, &older).await;
    assert_eq!(r.code(), "invalid_second_factor");
    // Codes from too far away are refused however fresh.
    let far = totp_code(&demo::demo_totp_secret(), now() + 5 * 30);
    let r = app.login_with_code(RECRUITER, demo::DEMO_PASSWORD, &far).await;
    assert_eq!(r.code(), "invalid_second_factor");
    assert_eq!(sessions_of(&app, RECRUITER).await, 1);
}

#[tokio::test]
async fn twenty_parallel_logins_with_one_code_open_one_session() {
    let app = TestApp::demo().await;
    let code = app.next_code(RECRUITER, &demo::demo_totp_secret()).await;
    let replies: Vec<Reply> =
        futures_util::future::join_all((0..20).map(|_| app.login_with_code(RECRUITER, demo::DEMO_PASSWORD, &code)))
            .await;
    let ok = replies.iter().filter(|r| r.status == StatusCode::OK).count();
    let replayed = replies.iter().filter(|r| r.code() == "invalid_second_factor").count();
    let throttled = replies.iter().filter(|r| r.code() == "too_many_attempts").count();
    assert_eq!(ok, 1, "exactly one login with the code: {:?}", replies.iter().map(|r| r.code()).collect::<Vec<_>>());
    assert!(replayed >= 1, "some reached the code check and were refused as used, not only throttled");
    assert_eq!(ok + replayed + throttled, 20, "{:?}", replies.iter().map(|r| (r.status, r.code())).collect::<Vec<_>>());
    assert_eq!(sessions_of(&app, RECRUITER).await, 1);
}

#[tokio::test]
async fn five_parallel_confirmations_of_a_set_up_turn_it_on_once() {
    let app = TestApp::new().await;
    let cookie = app.registered("parallel@example.org").await;
    let start =
        app.call(Method::POST, "/api/me/second-factor", Some(json!({"password": PASSWORD})), Some(&cookie)).await;
    let secret =
        base32::decode(base32::Alphabet::Rfc4648 { padding: false }, start.body["secret"].as_str().unwrap()).unwrap();
    let code = totp_code(&secret, now());
    let replies: Vec<Reply> = futures_util::future::join_all(
        (0..5).map(|_| app.call(Method::PUT, "/api/me/second-factor", Some(json!({"code": code})), Some(&cookie))),
    )
    .await;
    assert_eq!(replies.iter().filter(|r| r.status == StatusCode::OK).count(), 1);
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM recovery_codes WHERE account_id = $1")
        .bind(app.account_id("parallel@example.org").await)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(stored, 10, "one set of recovery codes");
}

#[tokio::test]
async fn wrong_codes_are_counted_per_account_and_slowed_down() {
    let app = TestApp::demo().await;
    let secret = demo::demo_totp_secret();
    let good = totp_code(&secret, now());
    let wrong = if good == "000000" { "000001" } else { "000000" };
    // Five go ahead at once; after that each must wait 1, 2, 4 … seconds after the one before,
    // so however slow the machine, a burst soon has to wait.
    for i in 0..5 {
        let r = app.login_with_code(RECRUITER, demo::DEMO_PASSWORD, wrong).await;
        assert_eq!(r.code(), "invalid_second_factor", "attempt {i}");
    }
    let r = until_throttled(|| app.login_with_code(RECRUITER, demo::DEMO_PASSWORD, wrong)).await;
    // Waiting as told and guessing again makes the next wait longer: 1, 2, 4 … seconds.
    let mut wait = r.header("retry-after").parse::<u64>().unwrap();
    assert!(wait >= 1);
    for _ in 0..8 {
        if wait >= 4 {
            break;
        }
        // Retry-After is in whole seconds: a little more, so the wait is surely over.
        tokio::time::sleep(std::time::Duration::from_millis(wait * 1000 + 300)).await;
        let r = until_throttled(|| app.login_with_code(RECRUITER, demo::DEMO_PASSWORD, wrong)).await;
        wait = r.header("retry-after").parse::<u64>().unwrap();
    }
    assert!(wait >= 4, "the waits grew to {wait} s");
    // Within that wait the right code must wait too: guessing is not sped up by mixing in
    // the right one.
    let code = app.next_code(RECRUITER, &secret).await;
    let r = app.login_with_code(RECRUITER, demo::DEMO_PASSWORD, &code).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    // Another staff account is not affected.
    assert_eq!(app.demo_login("recruiter@beek.example.org").await.status, StatusCode::OK);
}

#[tokio::test]
async fn codes_have_their_own_counter_also_with_the_right_password() {
    // Turning it off asks password and code: the password counter is cleared by every right
    // password, so only the code counter stands between a thief with the password and the
    // six digits.
    let app = TestApp::new().await;
    let (cookie, secret, _) = enrolled_person(&app, "teller@example.org").await;
    let good = totp_code(&secret, now());
    let wrong = if good == "000000" { "000001" } else { "000000" };
    let off = |code: &'static str| {
        app.call(
            Method::DELETE,
            "/api/me/second-factor",
            Some(json!({"password": PASSWORD, "code": code})),
            Some(&cookie),
        )
    };
    for i in 0..5 {
        let r = off(wrong).await;
        assert_eq!(r.body["fields"][0]["code"], "invalid_second_factor", "attempt {i}: {:?}", r.body);
    }
    until_throttled(|| off(wrong)).await;
    let on: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM second_factors").fetch_one(app.state.db.pool()).await.unwrap();
    assert_eq!(on, 1);
}

#[tokio::test]
async fn a_recovery_code_works_once_instead_of_a_code() {
    let app = TestApp::new().await;
    let email = "herstel@example.org";
    let (_, _, codes) = enrolled_person(&app, email).await;
    assert_eq!(codes.len(), 10);
    assert_eq!(codes.iter().collect::<std::collections::BTreeSet<_>>().len(), 10, "all different");
    // Typed in lower case with a space instead of the dash: still the code.
    let typed = codes[3].to_lowercase().replace('-', " ");
    let r = app.login_with_code(email, PASSWORD, &typed).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(r.body["session"]["strong"], true);
    assert_eq!(r.body["second_factor"]["recovery_codes_left"], 9);
    let again = app.login_with_code(email, PASSWORD, &codes[3]).await;
    assert_eq!(again.code(), "invalid_second_factor");
    // Only keyed hashes are stored.
    let hashes: Vec<Vec<u8>> =
        sqlx::query_scalar("SELECT code_hash FROM recovery_codes").fetch_all(app.state.db.pool()).await.unwrap();
    for code in &codes {
        let plain = code.replace('-', "");
        assert!(!hashes.iter().any(|h| h.windows(plain.len()).any(|w| w == plain.as_bytes())));
    }
}

#[tokio::test]
async fn a_person_without_two_step_verification_logs_in_as_before() {
    let app = TestApp::new().await;
    app.registered("gewoon@example.org").await;
    let r = app.login("gewoon@example.org", PASSWORD).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body["session"]["strong"], false);
    assert_eq!(r.body["second_factor"]["enabled"], false);
    assert_eq!(r.body["second_factor"]["required"], false);
    // A code sent along is not needed and does no harm.
    assert_eq!(app.login_with_code("gewoon@example.org", PASSWORD, "123456").await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_person_who_turned_it_on_needs_the_code_and_can_turn_it_off() {
    let app = TestApp::new().await;
    let email = "aan@example.org";
    let (cookie, secret, _) = enrolled_person(&app, email).await;
    let info = app.get("/api/session", Some(&cookie)).await;
    assert_eq!(info.body["session"]["strong"], true, "the confirming session counts as opened with it");
    assert_eq!(info.body["second_factor"]["enabled"], true);
    assert_eq!(info.body["second_factor"]["recovery_codes_left"], 10);

    let r = app.login(email, PASSWORD).await;
    assert_eq!((r.status, r.code()), (StatusCode::FORBIDDEN, "second_factor_required"));
    let r = app.login_with_code(email, "verkeerd wachtwoord", "").await;
    assert_eq!(r.code(), "invalid_credentials");
    let code = app.next_code(email, &secret).await;
    let r = app.login_with_code(email, PASSWORD, &code).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);

    // Starting again while it is on is refused; the secret stays.
    let again =
        app.call(Method::POST, "/api/me/second-factor", Some(json!({"password": PASSWORD})), Some(&cookie)).await;
    assert_eq!((again.status, again.code()), (StatusCode::CONFLICT, "second_factor_active"));

    // Off: password and a fresh code.
    let bad = app
        .call(Method::DELETE, "/api/me/second-factor", Some(json!({"password": PASSWORD, "code": code})), Some(&cookie))
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad.body["fields"][0]["field"], "code", "the used code does not work again");
    let wrong_password = app
        .call(
            Method::DELETE,
            "/api/me/second-factor",
            Some(json!({"password": "fout", "code": "123456"})),
            Some(&cookie),
        )
        .await;
    assert_eq!(wrong_password.body["fields"][0]["field"], "password");
    let code = app.next_code(email, &secret).await;
    let off = app
        .call(Method::DELETE, "/api/me/second-factor", Some(json!({"password": PASSWORD, "code": code})), Some(&cookie))
        .await;
    assert_eq!(off.status, StatusCode::NO_CONTENT, "{:?}", off.body);
    assert_eq!(app.login(email, PASSWORD).await.status, StatusCode::OK);
    // The person was told both times by mail.
    let mails: Vec<String> = app.mails().into_iter().map(|m| m.text).collect();
    for subject in ["Subject: Tweestapsverificatie staat aan", "Subject: Tweestapsverificatie staat uit"] {
        assert_eq!(mails.iter().filter(|m| m.contains(subject) && m.contains(email)).count(), 1, "{subject}");
    }
    let left: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM recovery_codes").fetch_one(app.state.db.pool()).await.unwrap();
    assert_eq!(left, 0, "the recovery codes went with it");
}

#[tokio::test]
async fn turning_it_on_ends_the_sessions_on_other_devices() {
    let app = TestApp::new().await;
    let email = "twee-apparaten@example.org";
    app.registered(email).await;
    let phone = app.login(email, PASSWORD).await.session_cookie().unwrap();
    let laptop = app.login(email, PASSWORD).await.session_cookie().unwrap();
    let start =
        app.call(Method::POST, "/api/me/second-factor", Some(json!({"password": PASSWORD})), Some(&laptop)).await;
    let secret =
        base32::decode(base32::Alphabet::Rfc4648 { padding: false }, start.body["secret"].as_str().unwrap()).unwrap();
    let r = app
        .call(Method::PUT, "/api/me/second-factor", Some(json!({"code": totp_code(&secret, now())})), Some(&laptop))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(app.get("/api/session", Some(&laptop)).await.status, StatusCode::OK);
    assert_eq!(app.get("/api/session", Some(&phone)).await.status, StatusCode::NO_CONTENT, "opened without it");
}

#[tokio::test]
async fn a_set_up_needs_the_password_and_a_right_first_code() {
    let app = TestApp::new().await;
    let cookie = app.registered("instellen@example.org").await;
    let r = app.call(Method::POST, "/api/me/second-factor", Some(json!({"password": "fout"})), Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = app.call(Method::POST, "/api/me/second-factor", Some(json!({"password": PASSWORD})), Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::CREATED);
    let uri = r.body["otpauth_uri"].as_str().unwrap();
    assert!(uri.starts_with("otpauth://totp/IGOM%20zelfregie:instellen%40example.org?"), "{uri}");
    assert!(uri.contains(r.body["secret"].as_str().unwrap()));
    let qr = r.body["qr_code"].as_str().unwrap();
    assert!(qr.starts_with("data:image/svg+xml;base64,"), "made here, no other site asked");
    let secret =
        base32::decode(base32::Alphabet::Rfc4648 { padding: false }, r.body["secret"].as_str().unwrap()).unwrap();
    let good = totp_code(&secret, now());
    let wrong = if good == "111111" { "222222" } else { "111111" };
    let r = app.call(Method::PUT, "/api/me/second-factor", Some(json!({"code": wrong})), Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.body["fields"][0]["code"], "invalid_second_factor");
    // Not on until confirmed: logging in needs no code yet.
    assert_eq!(app.login("instellen@example.org", PASSWORD).await.status, StatusCode::OK);
    // The secret is stored encrypted, never as it is.
    let stored: Vec<u8> =
        sqlx::query_scalar("SELECT secret FROM second_factors").fetch_one(app.state.db.pool()).await.unwrap();
    assert!(!stored.windows(secret.len()).any(|w| w == secret.as_slice()));
}

#[tokio::test]
async fn a_staff_session_without_a_second_factor_can_only_set_one_up() {
    let app = TestApp::demo().await;
    let hash = app.state.passwords.hash(zelfregie_model::Password::new(PASSWORD)).await.unwrap();
    zelfregie_domain::accounts::create(&app.state.db, "nieuw@beek.example.org", &hash, Role::Recruiter, Some("beek"))
        .await
        .unwrap();
    zelfregie_domain::accounts::create(&app.state.db, "nieuw@academie.example.org", &hash, Role::AcademyStaff, None)
        .await
        .unwrap();

    let r = app.login("nieuw@beek.example.org", PASSWORD).await;
    assert_eq!(r.status, StatusCode::OK, "a session, to set it up");
    assert_eq!(r.body["session"]["strong"], false);
    assert_eq!(r.body["second_factor"]["required"], true);
    assert_eq!(r.body["second_factor"]["enabled"], false);
    let cookie = r.session_cookie().unwrap();
    for path in ["/api/recruiter/candidates", "/api/recruiter/candidates?q=a"] {
        let r = app.get(path, Some(&cookie)).await;
        assert_eq!((r.status, r.code()), (StatusCode::FORBIDDEN, "second_factor_required"), "{path}");
    }
    let staff = app.login("nieuw@academie.example.org", PASSWORD).await.session_cookie().unwrap();
    let r = app.get("/api/academy/trainings/1/roster", Some(&staff)).await;
    assert_eq!((r.status, r.code()), (StatusCode::FORBIDDEN, "second_factor_required"));

    // Setting it up makes this session strong: the recruiter can work.
    let start =
        app.call(Method::POST, "/api/me/second-factor", Some(json!({"password": PASSWORD})), Some(&cookie)).await;
    let secret =
        base32::decode(base32::Alphabet::Rfc4648 { padding: false }, start.body["secret"].as_str().unwrap()).unwrap();
    let r = app
        .call(Method::PUT, "/api/me/second-factor", Some(json!({"code": totp_code(&secret, now())})), Some(&cookie))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(app.get("/api/recruiter/candidates", Some(&cookie)).await.status, StatusCode::OK);
    // From now on a code is needed, and staff cannot turn it off.
    assert_eq!(app.login("nieuw@beek.example.org", PASSWORD).await.code(), "second_factor_required");
    let code = app.next_code("nieuw@beek.example.org", &secret).await;
    let off = app
        .call(Method::DELETE, "/api/me/second-factor", Some(json!({"password": PASSWORD, "code": code})), Some(&cookie))
        .await;
    assert_eq!((off.status, off.code()), (StatusCode::FORBIDDEN, "second_factor_mandatory"));
    let still: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM second_factors WHERE confirmed_at IS NOT NULL AND account_id = $1")
            .bind(app.account_id("nieuw@beek.example.org").await)
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!(still, 1);
}

#[tokio::test]
async fn the_export_says_whether_it_is_on_never_the_secret_and_erasure_removes_it() {
    let capture = common::capture_logs();
    let app = TestApp::new().await;
    let email = "uitvoer-2fa@example.org";
    let cookie = app.registered(email).await;
    let start =
        app.call(Method::POST, "/api/me/second-factor", Some(json!({"password": PASSWORD})), Some(&cookie)).await;
    let secret_text = start.body["secret"].as_str().unwrap().to_owned();
    let secret = base32::decode(base32::Alphabet::Rfc4648 { padding: false }, &secret_text).unwrap();
    let code = totp_code(&secret, now());
    let confirm = app.call(Method::PUT, "/api/me/second-factor", Some(json!({"code": code})), Some(&cookie)).await;
    let recovery = confirm.body["codes"][0].as_str().unwrap().to_owned();
    let r = app.login_with_code(email, PASSWORD, &recovery).await;
    assert_eq!(r.status, StatusCode::OK);

    let export = app.get("/api/me/export", Some(&cookie)).await;
    let sf = &export.body["account"]["second_factor"];
    assert_eq!(sf["enabled"], true);
    assert!(sf["enabled_at"].is_string());
    assert_eq!(sf["recovery_codes_left"], 9);
    assert_eq!(sf["recovery_codes_used_at"].as_array().unwrap().len(), 1);
    assert!(export.body["account"]["sessions"].as_array().unwrap().iter().all(|s| s["strong"] == true));
    let text = String::from_utf8(export.raw.clone()).unwrap();
    assert!(!text.contains(&secret_text), "never the secret");
    assert!(!text.contains(&recovery) && !text.contains(&recovery.replace('-', "")), "never a code");
    let logs = capture.text();
    for secret_thing in [secret_text.as_str(), recovery.as_str()] {
        assert!(!logs.contains(secret_thing), "{secret_thing} in the logs");
    }

    let id = app.account_id(email).await;
    let erase = app.call(Method::DELETE, "/api/me/account", Some(json!({"password": PASSWORD})), Some(&cookie)).await;
    assert_eq!(erase.status, StatusCode::NO_CONTENT);
    for table in ["second_factors", "recovery_codes", "sessions"] {
        let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table} WHERE account_id = $1"))
            .bind(id)
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
        assert_eq!(n, 0, "{table}");
    }
}
