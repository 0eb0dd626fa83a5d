//! What the forms rely on from the server (issue 14): hours with a decimal round-trip and
//! are range-checked again; months only as `YYYY-MM` on the wire (the app reads what people
//! type); checking the password before "are you sure?" answers `wrong_password` and counts
//! on the same re-authentication counter as the erasure it precedes.

use crate::common;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use std::sync::Arc;

use common::{TestApp, PASSWORD};
use serde_json::{json, Value};

fn profile(hours: Value, from: &str) -> Value {
    json!({
        "personal": {"first_name": "Uren", "last_name": "Teller"},
        "work_experience": [{"job_title": "Adviseur", "employer": "Gemeente Stein", "from": from, "hours_per_week": hours}],
        "availability": {"hours_per_week": hours},
    })
}

#[tokio::test]
async fn hours_keep_their_decimal_and_the_server_checks_the_range_again() {
    let app = TestApp::new().await;
    let cookie = app.registered("uren@example.org").await;

    let saved = app.put_versioned("/api/me/profile", &profile(json!(32.5), "2020-09"), &cookie, "\"profile-0\"").await;
    assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);
    let stored = app.get("/api/me/profile", Some(&cookie)).await;
    assert_eq!(stored.body["availability"]["hours_per_week"], json!(32.5));
    assert_eq!(stored.body["work_experience"][0]["hours_per_week"], json!(32.5));
    assert_eq!(stored.body["work_experience"][0]["from"], json!("2020-09"));
    let export = app.get("/api/me/export", Some(&cookie)).await;
    assert!(export.body.to_string().contains("32.5"), "the export holds the hours as stored");

    // Whole hours stay plain integers on the wire (older clients and stored profiles).
    let whole = app.put_versioned("/api/me/profile", &profile(json!(32), "2020-09"), &cookie, "\"profile-1\"").await;
    assert_eq!(whole.status, StatusCode::OK);
    assert_eq!(app.get("/api/me/profile", Some(&cookie)).await.body["availability"]["hours_per_week"], json!(32));

    // Out of range, or finer than a tenth: refused, nothing stored.
    let too_many =
        app.put_versioned("/api/me/profile", &profile(json!(60.5), "2020-09"), &cookie, "\"profile-2\"").await;
    assert_eq!(too_many.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        too_many.body["fields"],
        json!([
            {"field": "work_experience[0].hours_per_week", "code": "out_of_range"},
            {"field": "availability.hours_per_week", "code": "out_of_range"}
        ])
    );
    for bad in [json!(32.25), json!(-1), json!("32,5")] {
        let r = app.put_versioned("/api/me/profile", &profile(bad.clone(), "2020-09"), &cookie, "\"profile-2\"").await;
        assert!(r.status.is_client_error(), "{bad}: {}", r.status);
        assert_ne!(r.status, StatusCode::OK);
    }
    // What people type is read by the app; the wire takes only YYYY-MM.
    for month in ["09-2020", "sep 2020", "2020-13"] {
        let r = app.put_versioned("/api/me/profile", &profile(json!(32), month), &cookie, "\"profile-2\"").await;
        assert!(r.status.is_client_error(), "{month}: {}", r.status);
    }
    assert_eq!(app.get("/api/me/profile", Some(&cookie)).await.header("etag"), "\"profile-2\"", "nothing stored");
}

#[tokio::test]
async fn the_password_is_checked_before_the_question_and_changes_nothing() {
    let app = TestApp::new().await;
    let cookie = app.registered("controle@example.org").await;
    let check = |password: &str| json!({ "password": password });

    let wrong =
        app.call(Method::POST, "/api/me/password/check", Some(check("niet mijn wachtwoord")), Some(&cookie)).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(wrong.body["fields"], json!([{"field": "password", "code": "wrong_password"}]));

    let right = app.call(Method::POST, "/api/me/password/check", Some(check(PASSWORD)), Some(&cookie)).await;
    assert_eq!(right.status, StatusCode::NO_CONTENT);
    assert_eq!(app.get("/api/session", Some(&cookie)).await.status, StatusCode::OK, "still logged in, nothing erased");
    assert_eq!(app.login("controle@example.org", PASSWORD).await.status, StatusCode::OK, "password unchanged");

    // Without a session, or without the app's header, nothing is checked.
    let anonymous = app.call(Method::POST, "/api/me/password/check", Some(check(PASSWORD)), None).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    let forged = Request::builder()
        .method(Method::POST)
        .uri("/api/me/password/check")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::COOKIE, &cookie)
        .body(Body::from(check(PASSWORD).to_string()))
        .unwrap();
    assert_eq!(app.send(forged).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn checking_first_gives_no_extra_guesses() {
    let app = Arc::new(TestApp::new().await);
    let cookie = app.registered("raden@example.org").await;
    // The clock held, so no wait runs out however slow the machine is. Five free guesses
    // through the check; the erasure after them is the sixth on the same counter: it waits,
    // with a wrong password and with the right one.
    app.state.clock.hold();
    for i in 0..5 {
        let r = app
            .call(
                Method::POST,
                "/api/me/password/check",
                Some(json!({"password": format!("gok nummer {i}")})),
                Some(&cookie),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "guess {i}");
    }
    let sixth =
        app.call(Method::DELETE, "/api/me/account", Some(json!({"password": "gok nummer 6"})), Some(&cookie)).await;
    assert_eq!(sixth.status, StatusCode::TOO_MANY_REQUESTS);
    let erase = app.call(Method::DELETE, "/api/me/account", Some(json!({"password": PASSWORD})), Some(&cookie)).await;
    assert_eq!(erase.status, StatusCode::TOO_MANY_REQUESTS, "the erasure counts the checks' guesses");
    assert_eq!(app.get("/api/session", Some(&cookie)).await.status, StatusCode::OK, "nothing erased");

    // Parallel guesses at the check are counted before the password is looked at.
    let other = app.registered("parallel-raden@example.org").await;
    let guesses = (0..12).map(|i| {
        let (app, cookie) = (app.clone(), other.clone());
        tokio::spawn(async move {
            let body = json!({"password": format!("parallel gok {i:02}")});
            app.call(Method::POST, "/api/me/password/check", Some(body), Some(&cookie)).await.status
        })
    });
    let (mut checked, mut refused) = (0, 0);
    for g in guesses {
        match g.await.unwrap() {
            StatusCode::UNPROCESSABLE_ENTITY => checked += 1,
            StatusCode::TOO_MANY_REQUESTS => refused += 1,
            other => panic!("{other}"),
        }
    }
    assert_eq!(checked, 5, "{checked} of 12 parallel guesses were checked");
    assert_eq!(checked + refused, 12);
}
