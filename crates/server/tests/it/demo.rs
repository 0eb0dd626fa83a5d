//! Demo mode seeds the accounts the README lists, once, into a fresh database only.

use crate::common;

use axum::http::StatusCode;
use common::TestApp;
use zelfregie_domain::demo;

#[tokio::test]
async fn demo_accounts_log_in_and_recruiters_belong_to_their_partner() {
    let app = TestApp::new().await;
    assert!(demo::seed_if_empty(&app.state).await.unwrap());
    assert!(!demo::seed_if_empty(&app.state).await.unwrap(), "never seeds twice");
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM accounts").fetch_one(app.state.db.pool()).await.unwrap();
    assert_eq!(n, 5 + 35);
    // Privacy staff's queue has the demo candidate's open request.
    let privacy = app.demo_login("privacy@example.org").await.session_cookie().unwrap();
    let queue = app.get("/api/privacy/requests", Some(&privacy)).await;
    assert_eq!(queue.body.as_array().unwrap().len(), 1);
    assert_eq!(queue.body[0]["kind"], "access");

    for (email, role) in [
        ("kandidaat@example.org", "person"),
        ("cursist@example.org", "person"),
        ("academie@example.org", "academy_staff"),
        ("privacy@example.org", "privacy_staff"),
        ("beheer@example.org", "administrator"),
    ] {
        let r = app.demo_login(email).await;
        assert_eq!(r.status, StatusCode::OK, "{email}");
        assert_eq!(r.body["account"]["role"], role);
        assert!(r.body["account"].get("partner").is_none());
    }
    for (email, slug) in [
        ("recruiter@kerkrade.example.org", "kerkrade"),
        ("recruiter@echt-susteren.example.org", "echt-susteren"),
        ("recruiter@valkenburg-a-d-geul.example.org", "valkenburg-a-d-geul"),
        ("recruiter@bsgw.example.org", "bsgw"),
    ] {
        let r = app.demo_login(email).await;
        assert_eq!(r.status, StatusCode::OK, "{email}");
        assert_eq!(r.body["account"]["role"], "recruiter");
        assert_eq!(r.body["account"]["partner"]["slug"], slug);
    }
}

#[tokio::test]
async fn a_database_with_accounts_is_left_alone() {
    let app = TestApp::new().await;
    app.registered("eerst@example.org").await;
    assert!(!demo::seed_if_empty(&app.state).await.unwrap());
    assert_eq!(app.login("kandidaat@example.org", demo::DEMO_PASSWORD).await.status, StatusCode::UNAUTHORIZED);
}
