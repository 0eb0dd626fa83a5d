//! Staff access appears in the person's disclosure log (issue 13): privacy staff opening a
//! request and the person's data, academy staff opening a training's list; counted per day
//! like recruiters' views (repeated views raise the count, not the rows).

use crate::common;

use axum::http::{Method, StatusCode};
use common::TestApp;
use serde_json::{json, Value};

/// The entries of `kind` in the person's log.
async fn entries(app: &TestApp, cookie: &str, kind: &str) -> Vec<Value> {
    let log = app.get("/api/me/disclosures", Some(cookie)).await;
    assert_eq!(log.status, StatusCode::OK);
    log.body["entries"].as_array().unwrap().iter().filter(|e| e["kind"] == kind).cloned().collect()
}

#[tokio::test]
async fn privacy_staff_opening_a_persons_data_is_in_that_persons_log() {
    let app = TestApp::demo().await;
    let person = app.registered("verzoeker@example.org").await;
    let bystander = app.registered("omstander@example.org").await;
    let r = app
        .call(
            Method::POST,
            "/api/me/requests",
            Some(json!({"kind": "access", "text": "Wat hebben jullie van mij?"})),
            Some(&person),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let id = r.body["id"].as_str().unwrap().to_owned();
    assert!(entries(&app, &person, "privacy_request_data").await.is_empty());

    let staff = app.demo_cookie("privacy@example.org").await;
    for _ in 0..3 {
        let r = app.get(&format!("/api/privacy/requests/{id}/person"), Some(&staff)).await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        assert_eq!(r.body["account"]["email"], "verzoeker@example.org", "the person's own export");
    }
    let data = entries(&app, &person, "privacy_request_data").await;
    assert_eq!(data.len(), 1, "repeated views count, not rows: {data:?}");
    assert_eq!(data[0]["count"], 3);
    assert!(data[0]["partner"]["name"].as_str().unwrap().starts_with("Stuurgroep IGOM"));
    assert!(data[0]["first_at"].as_str().unwrap() <= data[0]["at"].as_str().unwrap());

    // Opening the request itself is logged too; nobody else's log changes.
    app.get(&format!("/api/privacy/requests/{id}"), Some(&staff)).await;
    assert_eq!(entries(&app, &person, "privacy_request").await[0]["count"], 1);
    let log = app.get("/api/me/disclosures", Some(&bystander)).await;
    assert_eq!(log.body["total"], 0);
    // In the export as well.
    let export = app.get("/api/me/export", Some(&person)).await;
    let kinds: Vec<&str> = export.body["candidate_bank"]["disclosures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"privacy_request_data") && kinds.contains(&"privacy_request"), "{kinds:?}");

    // Who may not: a person, a recruiter; an unknown request is not found and logs nothing.
    let r = app.get(&format!("/api/privacy/requests/{id}/person"), Some(&bystander)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let recruiter = app.demo_cookie("recruiter@beek.example.org").await;
    let r = app.get(&format!("/api/privacy/requests/{id}/person"), Some(&recruiter)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = app.get("/api/privacy/requests/bestaat-niet/person", Some(&staff)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(entries(&app, &person, "privacy_request_data").await[0]["count"], 3);
}

#[tokio::test]
async fn academy_staff_opening_a_list_is_in_each_participants_log() {
    let app = TestApp::demo().await;
    let cursist = app.demo_cookie("cursist@example.org").await;
    let page = app.get("/api/me/academy", Some(&cursist)).await;
    let training = page.body["enrolments"][0]["training_id"].as_i64().unwrap();
    let staff = app.demo_cookie("academie@example.org").await;
    for _ in 0..2 {
        let r = app.get(&format!("/api/academy/trainings/{training}/roster"), Some(&staff)).await;
        assert_eq!(r.status, StatusCode::OK);
    }
    let roster = entries(&app, &cursist, "academy_roster").await;
    assert_eq!(roster.len(), 1);
    assert_eq!(roster[0]["count"], 2);
    assert!(roster[0]["partner"]["name"].as_str().unwrap().starts_with("IGOM-Academie"));
    // The candidate, on no list, has no such entry.
    let kandidaat = app.demo_cookie("kandidaat@example.org").await;
    assert!(entries(&app, &kandidaat, "academy_roster").await.is_empty());
}
