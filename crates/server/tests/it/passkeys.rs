//! Passkeys (docs/security.md "Passkeys"): added after confirming it is you, logging in
//! without an address as a strong session, confirming sensitive actions; and the failure
//! edges: replayed and crossed answers, expired ceremonies, another account's passkey, a
//! removed passkey, parallel finishes of one ceremony, two server instances.
//! The device is webauthn-authenticator-rs's software passkey: real keys and signatures.

use crate::common;

use std::sync::Arc;

use axum::http::{Method, StatusCode};
use common::{add_passkey, Reply, SoftDevice, TestApp, PASSWORD};
use serde_json::{json, Value};

async fn start_login(app: &TestApp) -> Value {
    let r = app.call(Method::POST, "/api/session/passkey/start", None, None).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert!(r.body["options"]["publicKey"]["challenge"].is_string());
    assert_eq!(r.body["options"]["publicKey"]["userVerification"], "required");
    assert!(r.body["options"].get("mediation").is_none(), "a button asks, not autofill");
    r.body
}

async fn finish_login(app: &TestApp, ceremony: &Value, answer: &Value, cookie: Option<&str>) -> Reply {
    let body = json!({"ceremony": ceremony, "credential": answer});
    app.call(Method::POST, "/api/session/passkey/finish", Some(body), cookie).await
}

/// Logs in with the device's passkey `credential_id`.
async fn login(app: &TestApp, device: &mut SoftDevice, credential_id: &str) -> Reply {
    let start = start_login(app).await;
    let answer = device.get(&start["options"], credential_id);
    finish_login(app, &start["ceremony"], &answer, None).await
}

async fn method_of(app: &TestApp, cookie: &str) -> String {
    let token = cookie.split_once('=').unwrap().1;
    let hash = zelfregie_domain::auth::session::hash_token(token);
    sqlx::query_scalar("SELECT method FROM sessions WHERE token_hash = $1")
        .bind(hash)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap()
}

/// Confirms it is the owner with the device's passkey `credential_id`.
async fn confirm(app: &TestApp, cookie: &str, device: &mut SoftDevice, credential_id: &str) -> Reply {
    let start = app.call(Method::POST, "/api/me/reauth/passkey/start", None, Some(cookie)).await;
    assert_eq!(start.status, StatusCode::OK, "{:?}", start.body);
    let answer = device.get(&start.body["options"], credential_id);
    let body = json!({"ceremony": start.body["ceremony"], "credential": answer});
    app.call(Method::POST, "/api/me/reauth/passkey/finish", Some(body), Some(cookie)).await
}

/// Starts adding a passkey named "Telefoon" (the password confirms it is the owner).
async fn start_adding(app: &TestApp, cookie: &str) -> Reply {
    let body = json!({"name": "Telefoon", "password": PASSWORD});
    app.call(Method::POST, "/api/me/passkeys/start", Some(body), Some(cookie)).await
}

#[tokio::test]
async fn a_passkey_added_on_the_account_logs_in_without_an_address_as_a_strong_session() {
    let app = TestApp::new().await;
    let cookie = app.registered("pk-login@example.org").await;
    let mut device = SoftDevice::new();
    let (added, credential_id) = add_passkey(&app, &cookie, &mut device, "  Telefoon  ").await;
    assert_eq!(added["name"], "Telefoon", "trimmed");
    assert!(added["last_used_at"].is_null());

    let list = app.get("/api/me/passkeys", Some(&cookie)).await;
    assert_eq!(list.status, StatusCode::OK);
    assert_eq!(list.body.as_array().unwrap().len(), 1);
    assert_eq!(list.body[0]["name"], "Telefoon");
    assert!(list.body[0]["created_at"].is_string());
    assert_eq!(method_of(&app, &cookie).await, "password");

    // The browser still carries the old session: it ends, a new one starts (fixation).
    let start = start_login(&app).await;
    let answer = device.get(&start["options"], &credential_id);
    let r = finish_login(&app, &start["ceremony"], &answer, Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(r.body["account"]["email"], "pk-login@example.org");
    let new = r.session_cookie().expect("a session cookie");
    assert_ne!(new, cookie);
    assert_eq!(app.get("/api/session", Some(&cookie)).await.status, StatusCode::NO_CONTENT);
    assert_eq!(app.get("/api/session", Some(&new)).await.status, StatusCode::OK);
    assert_eq!(method_of(&app, &new).await, "passkey", "marked as a passkey login");

    let list = app.get("/api/me/passkeys", Some(&new)).await;
    assert!(list.body[0]["last_used_at"].is_string(), "{:?}", list.body);
    // The sign counter went up with the use and is stored (a clone would be noticed).
    let stored: String =
        sqlx::query_scalar("SELECT credential FROM passkeys").fetch_one(app.state.db.pool()).await.unwrap();
    let stored: Value = serde_json::from_str(&stored).unwrap();
    assert!(stored["cred"]["counter"].as_u64().unwrap() >= 1, "{stored}");
}

#[tokio::test]
async fn adding_a_passkey_needs_the_password_or_a_fresh_passkey_confirmation() {
    let app = TestApp::new().await;
    let cookie = app.registered("pk-confirm@example.org").await;
    let start = |body: Value| app.call(Method::POST, "/api/me/passkeys/start", Some(body), Some(&cookie));

    let r = start(json!({"name": "Laptop"})).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.body["fields"], json!([{"field": "password", "code": "required"}]));
    let r = start(json!({"name": "Laptop", "password": "fout wachtwoord hier"})).await;
    assert_eq!(r.body["fields"], json!([{"field": "password", "code": "wrong_password"}]));
    let r = start(json!({"name": "Laptop", "confirmed_with_passkey": true})).await;
    assert_eq!(r.body["fields"], json!([{"field": "password", "code": "reauth_required"}]));
    let r = start(json!({"name": "", "password": PASSWORD})).await;
    assert_eq!(r.body["fields"], json!([{"field": "name", "code": "required"}]));
    let r = start(json!({"name": "a\u{202e}b", "password": PASSWORD})).await;
    assert_eq!(r.body["fields"], json!([{"field": "name", "code": "invalid_characters"}]));
    // Not logged in.
    let r =
        app.call(Method::POST, "/api/me/passkeys/start", Some(json!({"name": "x", "password": PASSWORD})), None).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    // Nothing was started by the refused requests.
    let n: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM passkey_ceremonies").fetch_one(app.state.db.pool()).await.unwrap();
    assert_eq!(n, 0);

    // With a passkey confirmation (once) a second passkey can be added without the password.
    let mut phone = SoftDevice::new();
    let (_, phone_id) = add_passkey(&app, &cookie, &mut phone, "Telefoon").await;
    assert_eq!(confirm(&app, &cookie, &mut phone, &phone_id).await.status, StatusCode::NO_CONTENT);
    let r = start(json!({"name": "Laptop", "confirmed_with_passkey": true})).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let mut laptop = SoftDevice::new();
    let answer = laptop.create(&r.body["options"]);
    let body = json!({"ceremony": r.body["ceremony"], "credential": answer});
    let r = app.call(Method::POST, "/api/me/passkeys/finish", Some(body), Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    // The confirmation was used up.
    let r = start(json!({"name": "Tablet", "confirmed_with_passkey": true})).await;
    assert_eq!(r.body["fields"], json!([{"field": "password", "code": "reauth_required"}]));
    // The registration options exclude the passkeys the account has, and ask for a
    // discoverable one with user verification.
    let r = start(json!({"name": "Tablet", "password": PASSWORD})).await;
    let options = &r.body["options"]["publicKey"];
    assert_eq!(options["excludeCredentials"].as_array().unwrap().len(), 2);
    assert_eq!(options["authenticatorSelection"]["residentKey"], "required");
    assert_eq!(options["authenticatorSelection"]["userVerification"], "required");
    assert!(!options["user"]["name"].as_str().unwrap().is_empty());
    assert_ne!(options["user"]["id"], json!(""), "a user handle");
}

#[tokio::test]
async fn a_replayed_finish_is_refused() {
    let app = TestApp::new().await;
    let cookie = app.registered("pk-replay@example.org").await;
    let mut device = SoftDevice::new();

    // Registration: the same answer twice.
    let start = start_adding(&app, &cookie).await;
    let answer = device.create(&start.body["options"]);
    let body = json!({"ceremony": start.body["ceremony"], "credential": answer});
    let credential_id = answer["id"].as_str().unwrap().to_owned();
    let first = app.call(Method::POST, "/api/me/passkeys/finish", Some(body.clone()), Some(&cookie)).await;
    assert_eq!(first.status, StatusCode::CREATED);
    let again = app.call(Method::POST, "/api/me/passkeys/finish", Some(body), Some(&cookie)).await;
    assert_eq!((again.status, again.code()), (StatusCode::UNAUTHORIZED, "passkey_failed"));
    assert_eq!(app.get("/api/me/passkeys", Some(&cookie)).await.body.as_array().unwrap().len(), 1);

    // Login: the same signed answer twice, also with a fresh ceremony's token.
    let start = start_login(&app).await;
    let answer = device.get(&start["options"], &credential_id);
    assert_eq!(finish_login(&app, &start["ceremony"], &answer, None).await.status, StatusCode::OK);
    let again = finish_login(&app, &start["ceremony"], &answer, None).await;
    assert_eq!((again.status, again.code()), (StatusCode::UNAUTHORIZED, "passkey_failed"));
    assert!(again.session_cookie().is_none());
    let fresh = start_login(&app).await;
    let replayed = finish_login(&app, &fresh["ceremony"], &answer, None).await;
    assert_eq!(replayed.status, StatusCode::UNAUTHORIZED, "an answer to an old challenge");
    // A second, newly signed answer to a used challenge (its counter is higher, so only the
    // single use of the ceremony refuses it).
    let start = start_login(&app).await;
    let first = device.get(&start["options"], &credential_id);
    let second = device.get(&start["options"], &credential_id);
    assert_eq!(finish_login(&app, &start["ceremony"], &first, None).await.status, StatusCode::OK);
    let r = finish_login(&app, &start["ceremony"], &second, None).await;
    assert_eq!((r.status, r.code()), (StatusCode::UNAUTHORIZED, "passkey_failed"));
}

#[tokio::test]
async fn an_answer_to_another_challenge_or_a_forged_one_is_refused() {
    let app = TestApp::new().await;
    let cookie = app.registered("pk-crossed@example.org").await;
    let mut device = SoftDevice::new();
    let (_, credential_id) = add_passkey(&app, &cookie, &mut device, "Telefoon").await;

    let a = start_login(&app).await;
    let b = start_login(&app).await;
    let answer_to_a = device.get(&a["options"], &credential_id);
    let r = finish_login(&app, &b["ceremony"], &answer_to_a, None).await;
    assert_eq!((r.status, r.code()), (StatusCode::UNAUTHORIZED, "passkey_failed"));
    // A made-up ceremony token, and a tampered signature.
    assert_eq!(
        finish_login(&app, &json!("bm90LWEtY2VyZW1vbnk"), &answer_to_a, None).await.status,
        StatusCode::UNAUTHORIZED
    );
    let mut forged = answer_to_a.clone();
    let signature = forged["response"]["signature"].as_str().unwrap().to_owned();
    let flipped = if signature.starts_with('A') { "B" } else { "A" };
    forged["response"]["signature"] = format!("{flipped}{}", &signature[1..]).into();
    assert_eq!(finish_login(&app, &a["ceremony"], &forged, None).await.status, StatusCode::UNAUTHORIZED);
    // Garbage in place of a credential: the same refusal, no session.
    let c = start_login(&app).await;
    let r = finish_login(&app, &c["ceremony"], &json!({"id": "x"}), None).await;
    assert_eq!((r.status, r.code()), (StatusCode::UNAUTHORIZED, "passkey_failed"));
    let sessions: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE method = 'passkey'")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(sessions, 0);
}

#[tokio::test]
async fn an_expired_ceremony_is_refused_and_purged() {
    let app = TestApp::new().await;
    let cookie = app.registered("pk-expired@example.org").await;
    let mut device = SoftDevice::new();
    let (_, credential_id) = add_passkey(&app, &cookie, &mut device, "Telefoon").await;

    let start = start_login(&app).await;
    let answer = device.get(&start["options"], &credential_id);
    // Five minutes later.
    let now = zelfregie_domain::testing::now();
    sqlx::query("UPDATE passkey_ceremonies SET expires_at = $1").bind(now).execute(app.state.db.pool()).await.unwrap();
    let r = finish_login(&app, &start["ceremony"], &answer, None).await;
    assert_eq!((r.status, r.code()), (StatusCode::UNAUTHORIZED, "passkey_failed"));
    assert_eq!(zelfregie_domain::passkeys::purge(&app.state.db).await.unwrap(), 1);
    let left: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM passkey_ceremonies").fetch_one(app.state.db.pool()).await.unwrap();
    assert_eq!(left, 0);
}

#[tokio::test]
async fn a_passkey_of_another_account_cannot_confirm_and_ceremonies_stay_with_their_session() {
    let app = TestApp::new().await;
    let anna = app.registered("pk-anna@example.org").await;
    let bert = app.registered("pk-bert@example.org").await;
    let mut anna_device = SoftDevice::new();
    let mut bert_device = SoftDevice::new();
    let (_, anna_key) = add_passkey(&app, &anna, &mut anna_device, "Anna").await;
    add_passkey(&app, &bert, &mut bert_device, "Bert").await;

    // Bert's session asks for a confirmation; Anna's passkey answers it.
    let start = app.call(Method::POST, "/api/me/reauth/passkey/start", None, Some(&bert)).await;
    let answer = anna_device.get(&start.body["options"], &anna_key);
    let body = json!({"ceremony": start.body["ceremony"], "credential": answer});
    let r = app.call(Method::POST, "/api/me/reauth/passkey/finish", Some(body), Some(&bert)).await;
    assert_eq!((r.status, r.code()), (StatusCode::UNAUTHORIZED, "passkey_failed"));
    let r =
        app.call(Method::DELETE, "/api/me/account", Some(json!({"confirmed_with_passkey": true})), Some(&bert)).await;
    assert_eq!(r.body["fields"], json!([{"field": "password", "code": "reauth_required"}]), "not confirmed");

    // Anna's own confirmation ceremony cannot be finished from Bert's session.
    let start = app.call(Method::POST, "/api/me/reauth/passkey/start", None, Some(&anna)).await;
    let answer = anna_device.get(&start.body["options"], &anna_key);
    let body = json!({"ceremony": start.body["ceremony"], "credential": answer});
    let r = app.call(Method::POST, "/api/me/reauth/passkey/finish", Some(body), Some(&bert)).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);

    // Nor Anna's registration ceremony.
    let start = start_adding(&app, &anna).await;
    let answer = SoftDevice::new().create(&start.body["options"]);
    let body = json!({"ceremony": start.body["ceremony"], "credential": answer});
    let r = app.call(Method::POST, "/api/me/passkeys/finish", Some(body), Some(&bert)).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(app.get("/api/me/passkeys", Some(&bert)).await.body.as_array().unwrap().len(), 1);

    // Removing Anna's passkey from Bert's account: not found.
    let anna_id = app.get("/api/me/passkeys", Some(&anna)).await.body[0]["id"].as_i64().unwrap();
    let r = app
        .call(Method::DELETE, &format!("/api/me/passkeys/{anna_id}"), Some(json!({"password": PASSWORD})), Some(&bert))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(app.get("/api/me/passkeys", Some(&anna)).await.body.as_array().unwrap().len(), 1);
    // An account without passkeys cannot start a passkey confirmation.
    let carla = app.registered("pk-carla@example.org").await;
    let r = app.call(Method::POST, "/api/me/reauth/passkey/start", None, Some(&carla)).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_passkey_confirmation_allows_one_sensitive_action_of_its_own_session() {
    let app = TestApp::new().await;
    let cookie = app.registered("pk-sudo@example.org").await;
    let other_session = app.login("pk-sudo@example.org", PASSWORD).await.session_cookie().unwrap();
    let mut device = SoftDevice::new();
    let (_, key) = add_passkey(&app, &cookie, &mut device, "Telefoon").await;

    assert_eq!(confirm(&app, &cookie, &mut device, &key).await.status, StatusCode::NO_CONTENT);
    // Another session of the same account does not profit from it.
    let change =
        json!({"current_password": "", "new_password": "groene giraf zwemt traag", "confirmed_with_passkey": true});
    let r = app.call(Method::PUT, "/api/me/password", Some(change.clone()), Some(&other_session)).await;
    assert_eq!(r.body["fields"], json!([{"field": "current_password", "code": "reauth_required"}]));
    // Its own session changes the password without the old one, once.
    let r = app.call(Method::PUT, "/api/me/password", Some(change.clone()), Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{:?}", r.body);
    let r = app.call(Method::PUT, "/api/me/password", Some(change), Some(&cookie)).await;
    assert_eq!(r.body["fields"], json!([{"field": "current_password", "code": "reauth_required"}]));
    assert_eq!(app.login("pk-sudo@example.org", "groene giraf zwemt traag").await.status, StatusCode::OK);

    // A confirmation older than five minutes does not count.
    assert_eq!(confirm(&app, &cookie, &mut device, &key).await.status, StatusCode::NO_CONTENT);
    let old = zelfregie_domain::testing::now() - zelfregie_domain::passkeys::REAUTH_SECS - 1;
    sqlx::query("UPDATE sessions SET reauth_at = $1").bind(old).execute(app.state.db.pool()).await.unwrap();
    let r =
        app.call(Method::DELETE, "/api/me/account", Some(json!({"confirmed_with_passkey": true})), Some(&cookie)).await;
    assert_eq!(r.body["fields"], json!([{"field": "password", "code": "reauth_required"}]));

    // Twenty removals sent at once on one confirmation: the confirmation is used once.
    assert_eq!(confirm(&app, &cookie, &mut device, &key).await.status, StatusCode::NO_CONTENT);
    let id = app.get("/api/me/passkeys", Some(&cookie)).await.body[0]["id"].as_i64().unwrap();
    let app = Arc::new(app);
    let tasks: Vec<_> = (0..20)
        .map(|_| {
            let (app, cookie) = (app.clone(), cookie.clone());
            tokio::spawn(async move {
                let body = json!({"confirmed_with_passkey": true});
                app.call(Method::DELETE, &format!("/api/me/passkeys/{id}"), Some(body), Some(&cookie)).await.status
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::NO_CONTENT).count(), 1, "{statuses:?}");
    assert!(statuses.iter().all(|s| *s == StatusCode::NO_CONTENT || *s == StatusCode::UNPROCESSABLE_ENTITY));
}

#[tokio::test]
async fn a_removed_passkey_no_longer_logs_in_and_its_sessions_end() {
    let app = TestApp::new().await;
    let cookie = app.registered("pk-removed@example.org").await;
    let mut device = SoftDevice::new();
    let (added, key) = add_passkey(&app, &cookie, &mut device, "Oude telefoon").await;
    let on_the_phone = login(&app, &mut device, &key).await.session_cookie().unwrap();
    let mut laptop = SoftDevice::new();
    let (_, laptop_key) = add_passkey(&app, &cookie, &mut laptop, "Laptop").await;
    let on_the_laptop = login(&app, &mut laptop, &laptop_key).await.session_cookie().unwrap();

    let path = format!("/api/me/passkeys/{}", added["id"]);
    let r = app.call(Method::DELETE, &path, Some(json!({"password": ""})), Some(&cookie)).await;
    assert_eq!(r.body["fields"], json!([{"field": "password", "code": "required"}]));
    let r = app.call(Method::DELETE, &path, Some(json!({"password": PASSWORD})), Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    let left = app.get("/api/me/passkeys", Some(&cookie)).await.body;
    assert_eq!(left.as_array().unwrap().len(), 1);
    assert_eq!(left[0]["name"], "Laptop");
    // The session the removed passkey started ends (a lost phone is locked out); the
    // password session and the other passkey's session go on.
    assert_eq!(app.get("/api/session", Some(&on_the_phone)).await.status, StatusCode::NO_CONTENT);
    assert_eq!(app.get("/api/session", Some(&cookie)).await.status, StatusCode::OK);
    assert_eq!(app.get("/api/session", Some(&on_the_laptop)).await.status, StatusCode::OK);
    // Removing the passkey this session was started with keeps this session.
    let laptop_id = left[0]["id"].as_i64().unwrap();
    let r = app
        .call(
            Method::DELETE,
            &format!("/api/me/passkeys/{laptop_id}"),
            Some(json!({"password": PASSWORD})),
            Some(&on_the_laptop),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(app.get("/api/session", Some(&on_the_laptop)).await.status, StatusCode::OK);
    let r = login(&app, &mut device, &key).await;
    assert_eq!((r.status, r.code()), (StatusCode::UNAUTHORIZED, "passkey_failed"));
    assert!(r.session_cookie().is_none());
    let r = app.call(Method::DELETE, &path, Some(json!({"password": PASSWORD})), Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "removed already");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_parallel_finishes_of_one_ceremony_make_one_session() {
    let app = TestApp::new().await;
    let cookie = app.registered("pk-parallel@example.org").await;
    let mut device = SoftDevice::new();
    let (_, key) = add_passkey(&app, &cookie, &mut device, "Telefoon").await;

    // Twenty answers to one challenge, each validly signed (the sign counter goes up with
    // each), sent at once: only the ceremony's single use stops all but one.
    let start = start_login(&app).await;
    let answers: Vec<Value> = (0..20).map(|_| device.get(&start["options"], &key)).collect();
    let app = Arc::new(app);
    let tasks: Vec<_> = answers
        .into_iter()
        .map(|answer| {
            let (app, ceremony) = (app.clone(), start["ceremony"].clone());
            tokio::spawn(async move { finish_login(&app, &ceremony, &answer, None).await })
        })
        .collect();
    let mut ok = 0;
    for t in tasks {
        let r = t.await.unwrap();
        match r.status {
            StatusCode::OK => ok += 1,
            other => assert_eq!((other, r.code()), (StatusCode::UNAUTHORIZED, "passkey_failed")),
        }
    }
    assert_eq!(ok, 1);
    let sessions: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE method = 'passkey'")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(sessions, 1);
}

#[tokio::test]
async fn a_ceremony_started_on_one_instance_finishes_on_another() {
    let one = TestApp::new().await;
    let two = one.second_instance().await;
    let cookie = one.registered("pk-instances@example.org").await;
    let mut device = SoftDevice::new();
    let start = start_adding(&one, &cookie).await;
    let answer = device.create(&start.body["options"]);
    let key = answer["id"].as_str().unwrap().to_owned();
    let body = json!({"ceremony": start.body["ceremony"], "credential": answer});
    assert_eq!(
        two.call(Method::POST, "/api/me/passkeys/finish", Some(body), Some(&cookie)).await.status,
        StatusCode::CREATED
    );

    let start = start_login(&two).await;
    let answer = device.get(&start["options"], &key);
    assert_eq!(finish_login(&one, &start["ceremony"], &answer, None).await.status, StatusCode::OK);
}

#[tokio::test]
async fn erasure_removes_passkeys_and_ceremonies_and_the_export_lists_them() {
    let app = TestApp::new().await;
    let cookie = app.registered("pk-erase@example.org").await;
    let mut device = SoftDevice::new();
    let (_, key) = add_passkey(&app, &cookie, &mut device, "canary-passkey-e1").await;
    assert_eq!(login(&app, &mut device, &key).await.status, StatusCode::OK);

    let export = app.get("/api/me/export", Some(&cookie)).await;
    let passkeys = &export.body["account"]["passkeys"];
    assert_eq!(passkeys[0]["name"], "canary-passkey-e1", "{:?}", export.body["account"]);
    assert!(passkeys[0]["last_used_at"].is_string());
    assert!(!String::from_utf8_lossy(&export.raw).contains(&key), "not the credential ID");

    // A ceremony left open, then the erasure confirmed with the passkey.
    start_adding(&app, &cookie).await;
    assert_eq!(confirm(&app, &cookie, &mut device, &key).await.status, StatusCode::NO_CONTENT);
    let r =
        app.call(Method::DELETE, "/api/me/account", Some(json!({"confirmed_with_passkey": true})), Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{:?}", r.body);
    for table in ["passkeys", "passkey_ceremonies"] {
        let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table} WHERE account_id IS NOT NULL"))
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
        assert_eq!(n, 0, "{table}");
    }
    assert_eq!(login(&app, &mut device, &key).await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn failed_passkey_logins_count_on_the_ip_address() {
    let app = TestApp::new().await;
    let mut last = StatusCode::OK;
    for _ in 0..=zelfregie_domain::auth::throttle::LOGIN_PER_IP.max {
        let start = start_login(&app).await;
        let r = finish_login(&app, &start["ceremony"], &json!({"id": "x"}), None).await;
        last = r.status;
        if last == StatusCode::TOO_MANY_REQUESTS {
            break;
        }
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
}
