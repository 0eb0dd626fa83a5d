//! Administration (issue 21): a network runs the portal without demo data. The first
//! administrator is invited from the command line; invitations work once, before they
//! expire, and survive mail scanners; suspension and revocation end sessions at once; the
//! last administrator stays; unused accounts are suspended; an administrator reads no
//! candidate's or participant's data; every action is in the log.

use crate::common;

use axum::http::{Method, StatusCode};
use common::{totp_code, TestApp, PASSWORD};
use serde_json::{json, Value};
use zelfregie_domain::admin::{self, Actor};
use zelfregie_domain::testing::now;
use zelfregie_model::admin::NewInvitation;
use zelfregie_model::Role;

const PAGE: &str = "/uitnodiging";

/// The first administrator, invited as `zelfregie-server admin invite` does.
async fn cli_invite(app: &TestApp, email: &str) -> String {
    let new = NewInvitation { email: email.into(), role: Some(Role::Administrator), partner: None, language: None };
    let (invitation, link) = admin::invite(&app.state, &Actor::System, &new).await.unwrap();
    assert_eq!(invitation.email, email);
    let token = link.split("token=").nth(1).unwrap().to_owned();
    assert_eq!(app.link_tokens(email, PAGE).last(), Some(&token), "the link is mailed too");
    token
}

async fn accept(app: &TestApp, token: &str) -> common::Reply {
    app.call(Method::POST, "/api/invitations/accept", Some(json!({"token": token, "password": PASSWORD})), None).await
}

/// Turns on the authenticator app in `cookie`'s session (which makes that session strong);
/// returns the app's secret.
async fn second_factor(app: &TestApp, cookie: &str) -> Vec<u8> {
    let start =
        app.call(Method::POST, "/api/me/second-factor", Some(json!({"password": PASSWORD})), Some(cookie)).await;
    assert_eq!(start.status, StatusCode::CREATED, "{:?}", start.body);
    let secret =
        base32::decode(base32::Alphabet::Rfc4648 { padding: false }, start.body["secret"].as_str().unwrap()).unwrap();
    let code = totp_code(&secret, now());
    let confirm = app.call(Method::PUT, "/api/me/second-factor", Some(json!({"code": code})), Some(cookie)).await;
    assert_eq!(confirm.status, StatusCode::OK, "{:?}", confirm.body);
    secret
}

/// An invitation accepted and a second factor set up: the new account's strong cookie.
async fn joined(app: &TestApp, email: &str, token: &str) -> String {
    let r = accept(app, token).await;
    assert_eq!(r.status, StatusCode::CREATED, "{email}: {:?}", r.body);
    let cookie = r.session_cookie().unwrap();
    second_factor(app, &cookie).await;
    cookie
}

/// The first administrator of an empty portal, logged in with a second factor.
async fn first_administrator(app: &TestApp) -> String {
    let token = cli_invite(app, "beheer@igom.example").await;
    joined(app, "beheer@igom.example", &token).await
}

/// Invites `email` as `role` (of `partner`) and returns the link's token.
async fn invite(app: &TestApp, admin: &str, email: &str, role: &str, partner: Option<&str>) -> String {
    let body = json!({"email": email, "role": role, "partner": partner});
    let r = app.call(Method::POST, "/api/admin/invitations", Some(body), Some(admin)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    app.wait_for_links(email, PAGE, 1).await.pop().unwrap()
}

async fn staff(app: &TestApp, admin: &str) -> Value {
    let r = app.get("/api/admin/staff", Some(admin)).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    r.body
}

fn account<'a>(overview: &'a Value, email: &str) -> &'a Value {
    overview["accounts"].as_array().unwrap().iter().find(|a| a["email"] == email).unwrap()
}

async fn actions(app: &TestApp, cookie: &str) -> Vec<(String, String)> {
    let r = app.get("/api/admin/audit", Some(cookie)).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    r.body["entries"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .map(|e| (e["action"].as_str().unwrap().to_owned(), e["subject"].as_str().unwrap().to_owned()))
        .collect()
}

#[tokio::test]
async fn a_network_starts_from_an_empty_database() {
    let app = TestApp::new().await;
    let token = cli_invite(&app, "beheer@igom.example").await;
    // A mail scanner opens the link with HEAD and GET, twice: the link still works.
    for _ in 0..2 {
        app.call(Method::HEAD, &format!("{PAGE}?token={token}"), None, None).await;
        app.get(&format!("{PAGE}?token={token}"), None).await;
        app.call(Method::HEAD, &format!("/api/invitations/{token}"), None, None).await;
        let details = app.get(&format!("/api/invitations/{token}"), None).await;
        assert_eq!(details.status, StatusCode::OK, "{:?}", details.body);
        assert_eq!(details.body["role"], "administrator");
    }
    let r = accept(&app, &token).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let admin = r.session_cookie().unwrap();
    // Before a second factor, no administration.
    let weak = app.get("/api/admin/staff", Some(&admin)).await;
    assert_eq!((weak.status, weak.code()), (StatusCode::FORBIDDEN, "second_factor_required"));
    second_factor(&app, &admin).await;
    let overview = staff(&app, &admin).await;
    assert_eq!(overview["accounts"].as_array().unwrap().len(), 1);
    assert_eq!(account(&overview, "beheer@igom.example")["second_factor"], true);
    assert!(overview["last_review"].is_null());

    // Staff and a recruiter of Gemeente Beek, each with a second factor.
    let t = invite(&app, &admin, "recruiter@beek.example", "recruiter", Some("beek")).await;
    let details = app.get(&format!("/api/invitations/{t}"), None).await;
    assert_eq!(details.body["partner"]["name"], "Gemeente Beek");
    let recruiter = joined(&app, "recruiter@beek.example", &t).await;
    let t = invite(&app, &admin, "academie@igom.example", "academy_staff", None).await;
    let academy = joined(&app, "academie@igom.example", &t).await;
    let t = invite(&app, &admin, "privacy@igom.example", "privacy_staff", None).await;
    let privacy = joined(&app, "privacy@igom.example", &t).await;
    assert_eq!(app.get("/api/recruiter/candidates", Some(&recruiter)).await.status, StatusCode::OK);
    assert_eq!(app.get("/api/admin/audit", Some(&recruiter)).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.get("/api/privacy/requests", Some(&privacy)).await.status, StatusCode::OK);
    assert_eq!(app.get("/api/academy/trainings", Some(&academy)).await.status, StatusCode::OK);

    let overview = staff(&app, &admin).await;
    let r = account(&overview, "recruiter@beek.example");
    assert_eq!((r["role"].as_str(), r["partner"]["slug"].as_str()), (Some("recruiter"), Some("beek")));
    assert_eq!(r["invited_by"], "beheer@igom.example");
    assert_eq!(r["status"], "active");
    assert!(r["last_login_at"].is_string());

    // Suspended: the open session gets 401 on its next request; the password opens nothing.
    let id = r["id"].as_i64().unwrap();
    let s = app.call(Method::POST, &format!("/api/admin/staff/{id}/suspend"), None, Some(&admin)).await;
    assert_eq!(s.status, StatusCode::NO_CONTENT, "{:?}", s.body);
    let r = app.get("/api/recruiter/candidates", Some(&recruiter)).await;
    assert_eq!((r.status, r.code()), (StatusCode::UNAUTHORIZED, "unauthenticated"));
    let login = app.login("recruiter@beek.example", PASSWORD).await;
    assert_eq!((login.status, login.code()), (StatusCode::FORBIDDEN, "account_suspended"));
    assert_eq!(account(&staff(&app, &admin).await, "recruiter@beek.example")["suspended_because"], "administrator");
    // Reinstated, it logs in again (with its code).
    let r = app.call(Method::POST, &format!("/api/admin/staff/{id}/reinstate"), None, Some(&admin)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(app.login("recruiter@beek.example", PASSWORD).await.code(), "second_factor_required");

    // The quarterly review.
    let r = app.call(Method::POST, "/api/admin/reviews", None, Some(&admin)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body["last_review"]["reviewed_by"], "beheer@igom.example");
    assert_eq!(r.body["last_review"]["accounts"], 4);
    assert!(r.body["next_review_due"].as_str().unwrap() > r.body["last_review"]["reviewed_at"].as_str().unwrap());

    // The log: administrators and privacy staff read it; nobody else.
    let log = actions(&app, &privacy).await;
    let expected = [
        ("invite", "beheer@igom.example"),
        ("accept", "beheer@igom.example"),
        ("invite", "recruiter@beek.example"),
        ("accept", "recruiter@beek.example"),
        ("invite", "academie@igom.example"),
        ("accept", "academie@igom.example"),
        ("invite", "privacy@igom.example"),
        ("accept", "privacy@igom.example"),
        ("suspend", "recruiter@beek.example"),
        ("reinstate", "recruiter@beek.example"),
        ("review", "beheer@igom.example"),
    ];
    let log: Vec<(&str, &str)> = log.iter().map(|(a, s)| (a.as_str(), s.as_str())).collect();
    assert_eq!(log, expected);
    assert_eq!(app.get("/api/admin/audit", Some(&academy)).await.status, StatusCode::FORBIDDEN);
    // A staff member finds their own entries in their export.
    let export = app.get("/api/me/export", Some(&privacy)).await;
    assert_eq!(export.status, StatusCode::OK, "{:?}", export.body);
    let own: Vec<&str> =
        export.body["administration"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(own, ["accept"], "{:?}", export.body["administration"]);
}

#[tokio::test]
async fn an_invitation_works_once_before_it_expires_and_not_after_it_is_withdrawn() {
    let app = TestApp::new().await;
    let admin = first_administrator(&app).await;

    // Twenty presses of the button at once: one account.
    let token = invite(&app, &admin, "twintig@igom.example", "academy_staff", None).await;
    let replies = futures_util::future::join_all((0..20).map(|_| accept(&app, &token))).await;
    let created = replies.iter().filter(|r| r.status == StatusCode::CREATED).count();
    let refused = replies.iter().filter(|r| r.code() == "token_invalid").count();
    assert_eq!((created, refused), (1, 19), "{:?}", replies.iter().map(|r| r.status).collect::<Vec<_>>());
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM accounts WHERE email = 'twintig@igom.example'")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(n, 1);
    // Used: the page says so.
    assert_eq!(app.get(&format!("/api/invitations/{token}"), None).await.code(), "token_invalid");

    // Withdrawn before use.
    let token = invite(&app, &admin, "ingetrokken@igom.example", "privacy_staff", None).await;
    let overview = staff(&app, &admin).await;
    let id = overview["invitations"].as_array().unwrap()[0]["id"].as_str().unwrap().to_owned();
    let r = app.call(Method::DELETE, &format!("/api/admin/invitations/{id}"), None, Some(&admin)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(accept(&app, &token).await.code(), "token_invalid");
    assert_eq!(staff(&app, &admin).await["invitations"][0]["status"], "withdrawn");

    // Seven days, then expired (the first administrator's own link lasts 24 hours).
    let token = invite(&app, &admin, "laat@igom.example", "recruiter", Some("kerkrade")).await;
    app.state.clock.advance_days(7);
    assert_eq!(app.get(&format!("/api/invitations/{token}"), None).await.code(), "token_invalid");
    assert_eq!(accept(&app, &token).await.code(), "token_invalid");
    assert_eq!(staff(&app, &admin).await["invitations"][0]["status"], "expired");

    // An address with an account cannot be invited; a recruiter needs a partner.
    let r = app
        .call(
            Method::POST,
            "/api/admin/invitations",
            Some(json!({"email": "twintig@igom.example", "role": "privacy_staff"})),
            Some(&admin),
        )
        .await;
    assert_eq!((r.status, r.code()), (StatusCode::CONFLICT, "email_taken"));
    let r = app
        .call(
            Method::POST,
            "/api/admin/invitations",
            Some(json!({"email": "x@igom.example", "role": "recruiter"})),
            Some(&admin),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.body["fields"][0]["field"], "partner");
    let r = app
        .call(
            Method::POST,
            "/api/admin/invitations",
            Some(json!({"email": "x@igom.example", "role": "person"})),
            Some(&admin),
        )
        .await;
    assert_eq!(r.body["fields"][0]["code"], "role_not_invitable");
}

#[tokio::test]
async fn the_last_administrator_cannot_remove_themself() {
    let app = TestApp::new().await;
    let admin = first_administrator(&app).await;
    let me = app.account_id("beheer@igom.example").await;
    for (method, path) in
        [(Method::POST, format!("/api/admin/staff/{me}/suspend")), (Method::DELETE, format!("/api/admin/staff/{me}"))]
    {
        let r = app.call(method, &path, None, Some(&admin)).await;
        assert_eq!((r.status, r.code()), (StatusCode::CONFLICT, "last_administrator"), "{path}");
    }
    // With a second administrator, either may go; then that one is the last.
    let token = invite(&app, &admin, "tweede@igom.example", "administrator", None).await;
    let second = joined(&app, "tweede@igom.example", &token).await;
    let r = app.call(Method::DELETE, &format!("/api/admin/staff/{me}"), None, Some(&admin)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(
        app.get("/api/admin/staff", Some(&admin)).await.status,
        StatusCode::UNAUTHORIZED,
        "revoked: session gone"
    );
    let other = app.account_id("tweede@igom.example").await;
    let r = app.call(Method::POST, &format!("/api/admin/staff/{other}/suspend"), None, Some(&second)).await;
    assert_eq!(r.code(), "last_administrator");
    // The revoked administrator's entries stay, by address.
    let log = actions(&app, &second).await;
    assert!(log.contains(&("revoke".into(), "beheer@igom.example".into())), "{log:?}");
}

#[tokio::test]
async fn a_revoked_recruiter_is_gone_and_a_moved_one_gets_a_new_account() {
    let app = TestApp::new().await;
    let admin = first_administrator(&app).await;
    let token = invite(&app, &admin, "mover@example.org", "recruiter", Some("beek")).await;
    let recruiter = joined(&app, "mover@example.org", &token).await;
    let id = app.account_id("mover@example.org").await;
    let r = app.call(Method::DELETE, &format!("/api/admin/staff/{id}"), None, Some(&admin)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    let r = app.get("/api/recruiter/candidates", Some(&recruiter)).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(app.login("mover@example.org", PASSWORD).await.code(), "invalid_credentials");
    // The same person now works for Kerkrade: a new account, never the old one changed.
    let token = invite(&app, &admin, "mover@example.org", "recruiter", Some("kerkrade")).await;
    let recruiter = joined(&app, "mover@example.org", &token).await;
    assert_ne!(app.account_id("mover@example.org").await, id);
    let me = app.get("/api/session", Some(&recruiter)).await;
    assert_eq!(me.body["account"]["partner"]["slug"], "kerkrade", "{:?}", me.body);
}

#[tokio::test]
async fn unused_accounts_are_suspended_and_the_administrators_told() {
    let app = TestApp::new().await;
    let admin = first_administrator(&app).await;
    let token = invite(&app, &admin, "stil@igom.example", "academy_staff", None).await;
    let quiet = joined(&app, "stil@igom.example", &token).await;
    app.state.clock.advance_days(89);
    assert_eq!(admin::suspend_idle(&app.state).await.unwrap(), 0, "89 days: not yet");
    app.state.clock.advance_days(1);
    // Two instances run the job at once: one suspension, one mail.
    let second = app.second_instance().await;
    let (a, b) = tokio::join!(admin::suspend_idle(&app.state), admin::suspend_idle(&second.state));
    // The last active administrator is never suspended, however idle.
    assert_eq!(a.unwrap() + b.unwrap(), 1);
    assert_eq!(app.get("/api/me/export", Some(&quiet)).await.status, StatusCode::UNAUTHORIZED);
    let overview = staff(&app, &admin).await;
    assert_eq!(account(&overview, "stil@igom.example")["suspended_because"], "idle");
    assert_eq!(account(&overview, "beheer@igom.example")["status"], "active");
    let mails = app.mails_to("beheer@igom.example");
    let told: Vec<_> = mails.iter().filter(|m| m.contains("stil@igom.example")).collect();
    assert_eq!(told.len(), 1, "{mails:?}");
    let log = actions(&app, &admin).await;
    assert!(log.contains(&("suspend".into(), "stil@igom.example".into())));
}

/// Every route with other people's data, for each of its methods.
fn data_routes() -> Vec<(Method, String)> {
    let doc = zelfregie_server::http::openapi::finish(zelfregie_server::http::api().1);
    let doc = serde_json::to_value(doc).unwrap();
    let mut routes = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        let data = ["/api/recruiter", "/api/privacy", "/api/academy"].iter().any(|p| path.starts_with(p));
        if !data {
            continue;
        }
        let path = path.replace("{reference}", "abc").replace("{id}", "1").replace("{training_id}", "1");
        let path = regex_lite_replace(&path);
        for method in item.as_object().unwrap().keys() {
            let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            // The catalogue is public to every account: no one's data.
            if method == Method::GET && path == "/api/academy/trainings" {
                continue;
            }
            routes.push((method, path.clone()));
        }
    }
    routes
}

/// Any remaining `{param}` becomes `1`.
fn regex_lite_replace(path: &str) -> String {
    let mut out = String::new();
    let mut skip = false;
    for c in path.chars() {
        match c {
            '{' => {
                skip = true;
                out.push('1');
            }
            '}' => skip = false,
            _ if !skip => out.push(c),
            _ => {}
        }
    }
    out
}

#[tokio::test]
async fn an_administrator_reads_no_candidate_or_participant_data() {
    let app = TestApp::demo().await;
    let admin = first_administrator(&app).await;
    let routes = data_routes();
    assert!(routes.len() >= 15, "{routes:?}");
    for (method, path) in &routes {
        let r = app.call(method.clone(), path, Some(json!({})), Some(&admin)).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{method} {path}: {:?}", r.body);
    }
    // Nor a person's own pages (an administrator has no profile of their own to show).
    for path in ["/api/me/profile", "/api/me/visibility", "/api/me/disclosures", "/api/me/academy"] {
        let r = app.get(path, Some(&admin)).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}: {:?}", r.body);
    }
    // And the administration is closed to everyone else, demo staff included.
    for who in ["kandidaat@example.org", "recruiter@beek.example.org", "academie@example.org", "privacy@example.org"] {
        let cookie = app.demo_cookie(who).await;
        assert_eq!(app.get("/api/admin/staff", Some(&cookie)).await.status, StatusCode::FORBIDDEN, "{who}");
        let r = app
            .call(
                Method::POST,
                "/api/admin/invitations",
                Some(json!({"email": "x@y.nl", "role": "administrator"})),
                Some(&cookie),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{who}");
    }
}

#[tokio::test]
async fn partner_keys_are_published_replaced_and_removed_and_old_transfers_still_open() {
    use zelfregie_crypto::{decrypt, generate_key_pair, Key};
    let app = TestApp::new().await;
    let admin = first_administrator(&app).await;
    let person = app.registered("overdracht@example.org").await;
    let keys = app.get("/api/admin/partner-keys", Some(&admin)).await;
    assert_eq!(keys.body.as_array().unwrap().len(), 35);
    assert!(keys.body.as_array().unwrap().iter().all(|p| p["current"].is_null()), "an empty portal has no keys");
    assert!(app.get("/api/transfers/partners", None).await.body.as_array().unwrap().is_empty());

    // A pasted key that is not one is refused, per field.
    let r = app
        .call(Method::PUT, "/api/admin/partner-keys/beek", Some(json!({"recipient": "age1nietgoed"})), Some(&admin))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.body["fields"][0]["code"], "recipient_invalid");
    let r = app
        .call(
            Method::PUT,
            "/api/admin/partner-keys/nergens",
            Some(json!({"recipient": generate_key_pair().1})),
            Some(&admin),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);

    // Published (pasted with spaces around it), with the fingerprint to read back.
    let (old_secret, old_public) = generate_key_pair();
    let r = app
        .call(
            Method::PUT,
            "/api/admin/partner-keys/beek",
            Some(json!({"recipient": format!("  {old_public}\n")})),
            Some(&admin),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(r.body["current"]["recipient"], old_public.as_str());
    let print = zelfregie_model::age_key::fingerprint(&old_public).unwrap();
    assert_eq!(r.body["current"]["fingerprint"], print.as_str());
    assert_eq!(r.body["current"]["published_by"], "beheer@igom.example");

    // A transfer to the old key, then the key is replaced: the transfer still opens with it.
    let export = b"{\"canary\": \"sleutelwissel\"}";
    let up = app.upload("/api/me/transfers?partner=beek", common::encrypt_to(&old_public, export), &person).await;
    assert_eq!(up.status, StatusCode::CREATED, "{:?}", up.body);
    let token = up.body["link"].as_str().unwrap().split("token=").nth(1).unwrap().to_owned();
    let (_, new_public) = generate_key_pair();
    let r = app
        .call(Method::PUT, "/api/admin/partner-keys/beek", Some(json!({"recipient": new_public})), Some(&admin))
        .await;
    assert_eq!(r.body["current"]["recipient"], new_public.as_str());
    assert_eq!(r.body["earlier"][0]["recipient"], old_public.as_str());
    assert!(r.body["earlier"][0]["retired_at"].is_string());
    let partners = app.get("/api/transfers/partners", None).await;
    assert_eq!(partners.body[0]["recipient"], new_public.as_str(), "new transfers go to the new key");
    let fetched = app.call(Method::POST, &format!("/api/transfer-links/{token}/file"), None, None).await;
    assert_eq!(fetched.status, StatusCode::OK);
    let plain = decrypt(&fetched.raw, &Key::Identity { identity: old_secret }, &mut |_| {}).unwrap();
    assert_eq!(plain, export);

    // Removed: no new transfers to Beek; the history keeps both keys.
    let r = app.call(Method::DELETE, "/api/admin/partner-keys/beek", None, Some(&admin)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert!(app.get("/api/transfers/partners", None).await.body.as_array().unwrap().is_empty());
    let up = app.upload("/api/me/transfers?partner=beek", common::encrypt_to(&new_public, export), &person).await;
    assert!(up.status.is_client_error(), "{:?}", up.body);
    let keys = app.get("/api/admin/partner-keys", Some(&admin)).await;
    let beek = keys.body.as_array().unwrap().iter().find(|p| p["partner"]["slug"] == "beek").unwrap();
    assert!(beek["current"].is_null());
    assert_eq!(beek["earlier"].as_array().unwrap().len(), 2);
    let log = actions(&app, &admin).await;
    let key_actions: Vec<_> =
        log.iter().filter(|(a, _)| a.starts_with("key_")).map(|(a, s)| (a.as_str(), s.as_str())).collect();
    assert_eq!(key_actions, [("key_publish", "beek"), ("key_publish", "beek"), ("key_remove", "beek")]);
    // Only administrators.
    let r = app.get("/api/admin/partner-keys", Some(&person)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_log_and_the_reviews_go_after_five_years_and_not_before() {
    use zelfregie_model::retention::{limits, Records};
    let app = TestApp::new().await;
    let admin = first_administrator(&app).await;
    let r = app.call(Method::POST, "/api/admin/reviews", None, Some(&admin)).await;
    assert_eq!(r.status, StatusCode::OK);
    let made = app.state.clock.now();
    let count = |table: &'static str| {
        let pool = app.state.db.pool().clone();
        async move { sqlx::query_scalar::<_, i64>(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(&pool).await.unwrap() }
    };
    assert_eq!((count("audit_log").await, count("staff_reviews").await), (3, 1), "invite, accept, review");
    let span = limits().into_iter().find(|(_, l)| l.records == Records::AdministrationLog).unwrap().1.after;
    let due = span.after(zelfregie_domain::testing::to_datetime(made)).unix_timestamp();
    let before = zelfregie_domain::retention::enforce_limits(&app.state, due - 10, false).await.unwrap();
    assert_eq!(before.administration_log, 0);
    assert_eq!(count("audit_log").await, 3);
    let at = zelfregie_domain::retention::enforce_limits(&app.state, due + 1, false).await.unwrap();
    assert_eq!(at.administration_log, 4);
    assert_eq!((count("audit_log").await, count("staff_reviews").await), (0, 0));
    // The register says so, and only staff find the entry in their export.
    let export = app.get("/api/me/export", Some(&admin)).await;
    let ids: Vec<&str> =
        export.body["register"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"administration"), "{ids:?}");
    let person = app.registered("kandidaat@example.org").await;
    let export = app.get("/api/me/export", Some(&person)).await;
    let ids: Vec<&str> =
        export.body["register"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert!(!ids.contains(&"administration"), "{ids:?}");
    let retention = app.get("/api/me/retention", Some(&person)).await;
    assert!(!retention.body.to_string().contains("\"administration\""), "{:?}", retention.body);
}

/// The register states how long a staff account lives: an account that stays suspended for 1
/// year is deleted by the retention job, as a revocation by the portal, and not a second
/// before; reinstating (and a later suspension) starts the count again; two instances at
/// once delete it once (issue 23, item 12).
#[tokio::test]
async fn an_account_left_suspended_for_a_year_is_deleted_and_not_a_second_before() {
    use zelfregie_domain::retention::enforce_limits;
    use zelfregie_domain::testing::to_datetime;
    use zelfregie_model::retention::{Records, Span};

    let app = TestApp::new().await;
    let admin = first_administrator(&app).await;
    for (email, role) in [("lang-weg@igom.example", "academy_staff"), ("terug@igom.example", "privacy_staff")] {
        let token = invite(&app, &admin, email, role, None).await;
        joined(&app, email, &token).await;
    }
    let (gone, back) = (app.account_id("lang-weg@igom.example").await, app.account_id("terug@igom.example").await);
    for id in [gone, back] {
        let r = app.call(Method::POST, &format!("/api/admin/staff/{id}/suspend"), None, Some(&admin)).await;
        assert_eq!(r.status, StatusCode::NO_CONTENT, "{:?}", r.body);
    }
    let t = app.state.clock.now();
    // The other one is reinstated and suspended again a day later: its year starts then.
    app.state.clock.advance_days(1);
    for action in ["reinstate", "suspend"] {
        let r = app.call(Method::POST, &format!("/api/admin/staff/{back}/{action}"), None, Some(&admin)).await;
        assert_eq!(r.status, StatusCode::NO_CONTENT, "{action}: {:?}", r.body);
    }
    let limit = zelfregie_model::retention::limits().into_iter().find(|(_, l)| l.records == Records::SuspendedAccounts);
    assert_eq!(limit.map(|(id, l)| (id, l.after)), Some(("administration", Span::Years(1))));
    let year = Span::Years(1).after(to_datetime(t)).unix_timestamp();
    let suspended = |n: u64| zelfregie_domain::retention::RecordCounts { suspended_accounts: n, ..Default::default() };

    assert_eq!(enforce_limits(&app.state, year, true).await.unwrap(), suspended(1), "a dry run counts");
    assert_eq!(enforce_limits(&app.state, year - 1, false).await.unwrap(), suspended(0), "a second before");
    let other = app.second_instance().await;
    let (a, b) = tokio::join!(enforce_limits(&app.state, year, false), enforce_limits(&other.state, year, false));
    assert_eq!(a.unwrap().suspended_accounts + b.unwrap().suspended_accounts, 1, "deleted once");
    let left = |email: &'static str| {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM accounts WHERE email = $1")
            .bind(email)
            .fetch_one(app.state.db.pool())
    };
    assert_eq!(left("lang-weg@igom.example").await.unwrap(), 0, "the account is gone");
    assert_eq!(left("terug@igom.example").await.unwrap(), 1, "suspended again a day later: not yet");
    assert_eq!(app.login("lang-weg@igom.example", PASSWORD).await.code(), "invalid_credentials");
    assert_eq!(enforce_limits(&app.state, year + 86_400, false).await.unwrap(), suspended(1));
    assert_eq!(left("terug@igom.example").await.unwrap(), 0);
    assert_eq!(left("beheer@igom.example").await.unwrap(), 1, "an active administrator stays");

    // Each deletion is in the log, by the portal, naming the account and why.
    let log = admin::audit(&app.state, None).await.unwrap();
    for email in ["lang-weg@igom.example", "terug@igom.example"] {
        let e = log.entries.iter().find(|e| e.subject == email && e.action.as_str() == "revoke").unwrap();
        assert!(e.by_system, "{e:?}");
        assert!(e.detail.as_deref().unwrap_or("").contains("suspended since"), "{e:?}");
    }
}

/// Staff are people too (issue 23, item 12): every staff role and a recruiter get their own
/// export, with their account, the register entries about them (the administration of staff
/// accounts included, with its periods) and their own entries of the administration's log,
/// and nothing of the candidate bank or the academy, which hold nothing of theirs.
#[tokio::test]
async fn every_staff_member_can_export_what_is_held_about_them() {
    let app = TestApp::new().await;
    let admin = first_administrator(&app).await;
    let mut people = vec![("beheer@igom.example".to_owned(), admin.clone())];
    for (email, role, partner) in [
        ("werver@beek.example.org", "recruiter", Some("beek")),
        ("academie@igom.example", "academy_staff", None),
        ("privacy@igom.example", "privacy_staff", None),
    ] {
        let token = invite(&app, &admin, email, role, partner).await;
        people.push((email.to_owned(), joined(&app, email, &token).await));
    }
    for (email, cookie) in &people {
        let export = app.get("/api/me/export", Some(cookie)).await;
        assert_eq!(export.status, StatusCode::OK, "{email}: {:?}", export.body);
        assert_eq!(export.body["account"]["email"], email.as_str(), "{email}");
        let ids: Vec<&str> =
            export.body["register"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
        assert!(ids.contains(&"administration") && ids.contains(&"account_security"), "{email}: {ids:?}");
        for none in ["candidate_bank", "academy", "newsletter", "disclosure_log"] {
            assert!(!ids.contains(&none), "{email}: {none} holds nothing of theirs");
        }
        let entry = export.body["register"].as_array().unwrap().iter().find(|a| a["id"] == "administration").unwrap();
        let limits: Vec<&str> =
            entry["retention_limits"].as_array().unwrap().iter().map(|l| l["records"].as_str().unwrap()).collect();
        assert_eq!(limits, ["administration_log", "suspended_accounts"], "{email}");
        let own: Vec<(&str, &str)> = export.body["administration"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e["action"].as_str().unwrap(), e["subject"].as_str().unwrap()))
            .collect();
        assert!(own.contains(&("accept", email.as_str())), "{email}: {own:?}");
    }
}

/// Whether the quarterly confirmation is due is the server's answer, by the network's date
/// (Dutch time): the page compared the due day with the browser's date, and between 23:00 and
/// 24:00 UTC (already the next day in the Netherlands) a new network's list read "not due".
#[tokio::test]
async fn the_review_is_due_by_the_networks_own_date() {
    let app = TestApp::new().await;
    let admin = first_administrator(&app).await;
    let overview = staff(&app, &admin).await;
    assert_eq!(overview["review_due_now"], true, "never confirmed: due now");
    let r = app.call(Method::POST, "/api/admin/reviews", None, Some(&admin)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body["review_due_now"], false);
    // A day of margin each side: a change of summer time moves the Dutch date by an hour.
    app.state.clock.advance_days(zelfregie_model::admin::REVIEW_EVERY_DAYS - 2);
    assert_eq!(staff(&app, &admin).await["review_due_now"], false, "before its day");
    app.state.clock.advance_days(3);
    let overview = staff(&app, &admin).await;
    assert_eq!(overview["review_due_now"], true, "past its day");
    assert!(overview["next_review_due"].is_string());
}
