//! How long a session lasts, as the server tells the SPA (docs/security.md "Sessions"): the
//! `X-Session-Expires-In` header on every logged-in answer, `GET /api/session/time-left`
//! that does not count as activity, and activity that keeps a session going.

use crate::common;

use axum::http::StatusCode;
use common::{TestApp, PASSWORD};

/// Moves the session's last activity `secs` into the past (as if the person had been away).
async fn age_last_seen(app: &TestApp, email: &str, secs: i64) {
    sqlx::query(
        "UPDATE sessions SET last_seen_at = last_seen_at - $1
         WHERE account_id = (SELECT id FROM accounts WHERE email = $2)",
    )
    .bind(secs)
    .bind(email)
    .execute(app.state.db.pool())
    .await
    .unwrap();
}

async fn last_seen(app: &TestApp, email: &str) -> i64 {
    sqlx::query_scalar(
        "SELECT last_seen_at FROM sessions WHERE account_id = (SELECT id FROM accounts WHERE email = $1)",
    )
    .bind(email)
    .fetch_one(app.state.db.pool())
    .await
    .unwrap()
}

fn expires_in(r: &common::Reply) -> i64 {
    r.header("x-session-expires-in").parse().unwrap_or_else(|_| panic!("no X-Session-Expires-In in {:?}", r.headers))
}

#[tokio::test]
async fn every_logged_in_answer_says_how_long_the_session_lasts() {
    let app = TestApp::new().await;
    assert_eq!(app.register("klok@example.org").await.status, StatusCode::ACCEPTED);
    let token = app.wait_for_links("klok@example.org", common::REGISTRATION_PAGE, 1).await.remove(0);
    let registered = app.confirm_registration(&token, None).await;
    assert_eq!(expires_in(&registered), 1800, "a new session lasts the whole idle timeout");
    let cookie = registered.session_cookie().unwrap();
    let login = app.login("klok@example.org", PASSWORD).await;
    assert_eq!(expires_in(&login), 1800, "so does a login");

    let me = app.get("/api/session", Some(&cookie)).await;
    assert_eq!(me.body["session"]["idle_timeout_secs"], 1800);
    // A request counts as activity: 25 minutes away, then a request, and the clock is full again.
    age_last_seen(&app, "klok@example.org", 25 * 60).await;
    let profile = app.get("/api/me/profile", Some(&cookie)).await;
    assert_eq!(profile.status, StatusCode::OK);
    assert_eq!(expires_in(&profile), 1800);
    // Even a refused request (wrong role) counts, and says so.
    let roster = app.get("/api/academy/trainings/1/roster", Some(&cookie)).await;
    assert_eq!(roster.status, StatusCode::FORBIDDEN);
    assert!((1799..=1800).contains(&expires_in(&roster)));

    // Visitors and ended sessions get no header.
    assert!(app.get("/api/health", None).await.headers.get("x-session-expires-in").is_none());
    let logout = app.call(axum::http::Method::DELETE, "/api/session", None, Some(&cookie)).await;
    assert!(logout.headers.get("x-session-expires-in").is_none(), "logging out starts no clock");
    let after = app.get("/api/session", Some(&cookie)).await;
    assert_eq!(after.status, StatusCode::NO_CONTENT);
    assert!(after.headers.get("x-session-expires-in").is_none());
}

#[tokio::test]
async fn asking_the_time_left_does_not_keep_the_session_going() {
    let app = TestApp::new().await;
    let cookie = app.registered("peek@example.org").await;
    age_last_seen(&app, "peek@example.org", 20 * 60).await;
    let before = last_seen(&app, "peek@example.org").await;

    let left = app.get("/api/session/time-left", Some(&cookie)).await;
    assert_eq!(left.status, StatusCode::OK);
    let secs = left.body["expires_in_secs"].as_i64().unwrap();
    assert!((599..=600).contains(&secs), "ten minutes left, not a fresh half hour: {secs}");
    assert_eq!(expires_in(&left), secs);
    assert_eq!(last_seen(&app, "peek@example.org").await, before, "the question is not activity");

    // Past the idle timeout the answer is that the session has ended — and it is gone.
    age_last_seen(&app, "peek@example.org", 11 * 60).await;
    let ended = app.get("/api/session/time-left", Some(&cookie)).await;
    assert_eq!(ended.status, StatusCode::UNAUTHORIZED);
    assert_eq!(ended.code(), "unauthenticated");
    assert_eq!(app.get("/api/session", Some(&cookie)).await.status, StatusCode::NO_CONTENT);
    assert_eq!(app.get("/api/session/time-left", None).await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn near_the_absolute_end_the_clock_says_so() {
    let app = TestApp::new().await;
    let cookie = app.registered("lang@example.org").await;
    // Logged in 11 h 50 min ago: activity no longer buys half an hour.
    sqlx::query(
        "UPDATE sessions SET created_at = created_at - $1
         WHERE account_id = (SELECT id FROM accounts WHERE email = 'lang@example.org')",
    )
    .bind(12 * 3600 - 600)
    .execute(app.state.db.pool())
    .await
    .unwrap();
    let left = expires_in(&app.get("/api/session", Some(&cookie)).await);
    assert!((599..=600).contains(&left), "{left}");
}

#[tokio::test]
async fn a_short_idle_timeout_in_seconds_counts_every_request() {
    let app = TestApp::with(|c| c.idle_timeout_secs = Some(20)).await;
    let cookie = app.registered("kort@example.org").await;
    let me = app.get("/api/session", Some(&cookie)).await;
    assert_eq!(me.body["session"]["idle_timeout_secs"], 20);
    assert_eq!(me.body["session"]["idle_timeout_minutes"], 0);
    age_last_seen(&app, "kort@example.org", 15).await;
    // With a minute's write interval this request would not count, and the session would
    // end five seconds later whatever the person did.
    assert_eq!(expires_in(&app.get("/api/session", Some(&cookie)).await), 20);
    age_last_seen(&app, "kort@example.org", 15).await;
    assert_eq!(app.get("/api/session", Some(&cookie)).await.status, StatusCode::OK);
    age_last_seen(&app, "kort@example.org", 21).await;
    assert_eq!(app.get("/api/session", Some(&cookie)).await.status, StatusCode::NO_CONTENT);
}
