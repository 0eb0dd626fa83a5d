//! No personal data in server logs (ASVS 5.0 16.2.5): every log line at every level is
//! captured while a person registers, logs in, fails to log in and logs out, and none may
//! contain their e-mail address, password or session token.

use crate::common;

use axum::http::Method;
use common::TestApp;

#[tokio::test]
async fn logs_hold_no_personal_data() {
    let capture = common::capture_logs();

    let email = "canary-8f3a1c@example.org";
    let password = "canary-wachtwoord-77d2e9";
    let app = TestApp::new().await;
    let cookie = app.registered_with(email, password).await;
    let token = cookie.split_once('=').unwrap().1.to_owned();
    app.get("/api/session", Some(&cookie)).await;
    app.login(email, "canary-fout-wachtwoord-0c1b").await;
    app.login("canary-onbekend-5e6f@example.org", password).await;
    // Newsletter: subscribe, confirm, withdraw (the outbox payload holds the e-mail; the logs must not).
    let v = zelfregie_model::newsletter::ConsentText::current().version;
    app.call(Method::POST, "/api/me/newsletter", Some(serde_json::json!({"text_version": v})), Some(&cookie)).await;
    let confirmation = app.link_tokens(email, "/nieuwsbrief/bevestigen").pop().unwrap();
    app.call(Method::POST, "/api/newsletter/confirm", Some(serde_json::json!({"token": confirmation})), None).await;
    app.call(Method::DELETE, "/api/me/newsletter", None, Some(&cookie)).await;
    while app.state.outbox.deliver_one().await.unwrap() {}
    // A transfer: its one-time link is a credential in the path.
    let (_, public) = zelfregie_crypto::generate_key_pair();
    let upload =
        app.upload(&format!("/api/me/transfers?recipient={public}"), common::encrypt_to(&public, b"{}"), &cookie).await;
    let link = upload.body["link"].as_str().unwrap().to_owned();
    let link_token = link.split("token=").nth(1).unwrap().to_owned();
    assert_eq!(app.get(&format!("/api/transfer-links/{link_token}"), None).await.status, axum::http::StatusCode::OK);
    let fetched = app.call(Method::POST, &format!("/api/transfer-links/{link_token}/file"), None, None).await;
    assert_eq!(fetched.status, axum::http::StatusCode::OK);
    // Paths no route matches are logged as one constant: a token with a trailing slash, the
    // SPA's page of the link, an unknown API path.
    app.get(&format!("/api/transfer-links/{link_token}/"), None).await;
    app.get(&format!("/overdracht?token={link_token}"), None).await;
    app.get(&format!("/api/{link_token}"), None).await;
    app.call(Method::DELETE, "/api/session", None, Some(&cookie)).await;

    let logs = capture.text();
    assert!(logs.contains("account registered"), "the capture works: {logs}");
    assert!(logs.contains("login failed"));
    assert!(logs.contains("newsletter consent withdrawn") && logs.contains("delivered to the mailing processor"));
    assert!(
        logs.contains("transfer fetched") && logs.contains("/api/transfer-links/{token}/file"),
        "the route, not the link"
    );
    assert!(logs.contains(zelfregie_server::http::UNMATCHED_ROUTE), "unrouted requests are logged as a constant");
    for canary in ["canary", &token, "8f3a1c", "77d2e9", &confirmation, &link_token, &public] {
        assert!(!logs.contains(canary), "log contains {canary}:\n{logs}");
    }
}
