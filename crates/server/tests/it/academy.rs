//! The academy through the API (issue 4): registration rules, enrol / cancel / full / waiting
//! list, object-level authorization, staff recording attendance, and the separation from
//! the candidate bank.

use crate::common;

use axum::http::{Method, StatusCode};
use common::{Reply, TestApp};
use serde_json::{json, Value};

fn participant(first: &str, level: &str) -> Value {
    json!({"first_name": first, "last_name": "Deelnemer", "job_title": "Adviseur", "employer": "stein",
           "function_level": level, "manager_name": "Mia Leiding", "manager_email": "mia@stein.example.org"})
}

async fn new_participant(app: &TestApp, email: &str) -> String {
    let cookie = app.registered(email).await;
    let r = app
        .put_versioned("/api/me/participant", &participant("Nieuwe", "specialist"), &cookie, "\"participant-0\"")
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    cookie
}

async fn training_id(app: &TestApp, cookie: &str, title: &str) -> i64 {
    let list = app.get("/api/academy/trainings", Some(cookie)).await;
    list.body.as_array().unwrap().iter().find(|t| t["title"] == title).unwrap()["id"].as_i64().unwrap()
}

async fn enrol(app: &TestApp, cookie: &str, id: i64) -> Reply {
    app.call(Method::POST, "/api/me/enrolments", Some(json!({"training_id": id})), Some(cookie)).await
}

fn state_of(page: &Value, id: i64) -> Option<(String, Option<i64>)> {
    page["enrolments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["training_id"] == id)
        .map(|e| (e["state"].as_str().unwrap().to_owned(), e["waitlist_position"].as_i64()))
}

#[tokio::test]
async fn registration_asks_the_manager_only_below_management() {
    let app = TestApp::new().await;
    let cookie = app.registered("deelnemer@example.org").await;
    let page = app.get("/api/me/academy", Some(&cookie)).await;
    assert!(page.body.get("participant").is_none(), "registering is a choice, never automatic");

    let mut no_manager = participant("Anna", "employee");
    no_manager["manager_name"] = json!("");
    no_manager["manager_email"] = json!("");
    let r = app.put_versioned("/api/me/participant", &no_manager, &cookie, "\"participant-0\"").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        r.body["fields"],
        json!([{"field": "manager_name", "code": "required"}, {"field": "manager_email", "code": "required"}])
    );
    let r =
        app.put_versioned("/api/me/participant", &participant("Anna", "manager"), &cookie, "\"participant-0\"").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body["manager_name"], "", "not asked at this level, so not kept");
    assert_eq!(r.header("etag"), "\"participant-1\"");
    let stale =
        app.put_versioned("/api/me/participant", &participant("Anna", "manager"), &cookie, "\"participant-0\"").await;
    assert_eq!(stale.status, StatusCode::PRECONDITION_FAILED);
}

#[tokio::test]
async fn a_full_training_has_a_waiting_list_that_moves_up_on_cancel() {
    let app = TestApp::demo().await;
    let cursist = app.demo_cookie("cursist@example.org").await;
    let excel = training_id(&app, &cursist, "Excel voor beleidsmedewerkers").await;
    let b = new_participant(&app, "b@example.org").await;
    let c = new_participant(&app, "c@example.org").await;

    let kandidaat = app.demo_cookie("kandidaat@example.org").await;
    let refused = enrol(&app, &kandidaat, excel).await;
    assert_eq!((refused.status, refused.code()), (StatusCode::FORBIDDEN, "not_a_participant"));

    assert_eq!(state_of(&enrol(&app, &cursist, excel).await.body, excel), Some(("enrolled".into(), None)));
    assert_eq!(state_of(&enrol(&app, &b, excel).await.body, excel), Some(("enrolled".into(), None)));
    let third = enrol(&app, &c, excel).await;
    assert_eq!(state_of(&third.body, excel), Some(("waitlisted".into(), Some(1))));
    let seats = app.get("/api/academy/trainings", Some(&c)).await;
    let t = seats.body.as_array().unwrap().iter().find(|t| t["id"] == excel).unwrap().clone();
    assert_eq!((t["capacity"].as_i64(), t["seats_left"].as_i64()), (Some(2), Some(0)));

    let again = enrol(&app, &b, excel).await;
    assert_eq!((again.status, again.code()), (StatusCode::CONFLICT, "already_enrolled"));

    let cancelled = app.call(Method::DELETE, &format!("/api/me/enrolments/{excel}"), None, Some(&cursist)).await;
    assert_eq!(state_of(&cancelled.body, excel), Some(("cancelled".into(), None)));
    let c_page = app.get("/api/me/academy", Some(&c)).await;
    assert_eq!(state_of(&c_page.body, excel), Some(("enrolled".into(), None)), "the waiting list moved up");
    // Enrolling again after cancelling joins the back of the queue.
    assert_eq!(state_of(&enrol(&app, &cursist, excel).await.body, excel), Some(("waitlisted".into(), Some(1))));
}

#[tokio::test]
async fn nothing_changes_once_a_training_has_started() {
    let app = TestApp::demo().await;
    let cursist = app.demo_cookie("cursist@example.org").await;
    let id = training_id(&app, &cursist, "Projectmatig werken").await;
    sqlx::query("UPDATE trainings SET starts_at = starts_at - 400 * 86400 WHERE id = $1")
        .bind(id)
        .execute(app.state.db.pool())
        .await
        .unwrap();
    let r = app.call(Method::DELETE, &format!("/api/me/enrolments/{id}"), None, Some(&cursist)).await;
    assert_eq!((r.status, r.code()), (StatusCode::CONFLICT, "training_started"));
    let other = new_participant(&app, "laat@example.org").await;
    assert_eq!(enrol(&app, &other, id).await.code(), "training_started");
}

#[tokio::test]
async fn people_see_only_their_own_enrolments_and_only_staff_record_attendance() {
    let app = TestApp::demo().await;
    let cursist = app.demo_cookie("cursist@example.org").await;
    let own = app.get("/api/me/academy", Some(&cursist)).await;
    let states: Vec<&str> =
        own.body["enrolments"].as_array().unwrap().iter().map(|e| e["state"].as_str().unwrap()).collect();
    assert_eq!(states, ["enrolled", "completed", "attended"], "newest training first");
    let other = new_participant(&app, "ander@example.org").await;
    assert_eq!(app.get("/api/me/academy", Some(&other)).await.body["enrolments"], json!([]));

    let project = training_id(&app, &cursist, "Projectmatig werken").await;
    let staff = app.demo_cookie("academie@example.org").await;
    let roster = app.get(&format!("/api/academy/trainings/{project}/roster"), Some(&staff)).await;
    assert_eq!(roster.status, StatusCode::OK);
    assert_eq!(roster.body[0]["name"], "Ruud Custers");
    assert_eq!(roster.body[0]["email"], "cursist@example.org");
    let enrolment = roster.body[0]["enrolment_id"].as_i64().unwrap();
    let path = format!("/api/academy/enrolments/{enrolment}/attendance");

    for (who, cookie) in
        [("participant", &cursist), ("recruiter", &app.demo_cookie("recruiter@beek.example.org").await)]
    {
        let r = app.call(Method::POST, &path, Some(json!({"state": "completed"})), Some(cookie)).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{who} may not record attendance");
        assert_eq!(
            app.get(&format!("/api/academy/trainings/{project}/roster"), Some(cookie)).await.status,
            StatusCode::FORBIDDEN
        );
    }
    let r = app.call(Method::POST, &path, Some(json!({"state": "completed"})), Some(&staff)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    let page = app.get("/api/me/academy", Some(&cursist)).await;
    assert_eq!(state_of(&page.body, project), Some(("completed".into(), None)));
    let bad = app.call(Method::POST, &path, Some(json!({"state": "enrolled"})), Some(&staff)).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
}

/// The academy runs on consent alone, so stopping withdraws it for everything (issue 23,
/// item 3): the registration, the manager's notice, and every enrolment, the trainings
/// followed included, go in one transaction; the seat of a training to come is free again;
/// the academy's roster no longer names the person; the export and the register's entries for
/// the person no longer hold the academy; registering again starts with nothing.
#[tokio::test]
async fn stopping_erases_everything_of_the_academy_the_trainings_followed_too() {
    let app = TestApp::demo().await;
    let cursist = app.demo_cookie("cursist@example.org").await;
    let before = app.get("/api/me/academy", Some(&cursist)).await;
    let states: Vec<&str> =
        before.body["enrolments"].as_array().unwrap().iter().map(|e| e["state"].as_str().unwrap()).collect();
    assert_eq!(states, ["enrolled", "completed", "attended"]);
    let upcoming = before.body["enrolments"][0]["training_id"].as_i64().unwrap();
    let followed = before.body["enrolments"][1]["training_id"].as_i64().unwrap();
    let seats = |list: &Value| {
        list.as_array().unwrap().iter().find(|t| t["id"] == upcoming).unwrap()["seats_left"].as_i64().unwrap()
    };
    let seats_before = seats(&app.get("/api/academy/trainings", Some(&cursist)).await.body);
    let staff = app.demo_cookie("academie@example.org").await;
    let roster = |id: i64| format!("/api/academy/trainings/{id}/roster");
    let on_roster = app.get(&roster(followed), Some(&staff)).await;
    assert!(on_roster.body.as_array().unwrap().iter().any(|e| e["email"] == "cursist@example.org"));
    let export = app.get("/api/me/export", Some(&cursist)).await;
    let entries = |e: &Value| -> Vec<String> {
        e["register"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap().to_owned()).collect()
    };
    assert!(entries(&export.body).contains(&"academy".to_owned()));

    let r = app.call(Method::DELETE, "/api/me/participant", None, Some(&cursist)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.get("participant").is_none());
    assert_eq!(r.body["enrolments"], json!([]), "nothing of the academy is kept");
    assert!(r.body.get("manager_notice").is_none_or(Value::is_null), "{:?}", r.body);
    let account = app.account_id("cursist@example.org").await;
    for table in ["participants", "enrolments"] {
        let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table} WHERE account_id = $1"))
            .bind(account)
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
        assert_eq!(n, 0, "{table}");
    }
    assert_eq!(seats(&app.get("/api/academy/trainings", Some(&cursist)).await.body), seats_before + 1);
    let on_roster = app.get(&roster(followed), Some(&staff)).await;
    assert!(!on_roster.body.as_array().unwrap().iter().any(|e| e["email"] == "cursist@example.org"));
    let export = app.get("/api/me/export", Some(&cursist)).await;
    assert_eq!(export.body["academy"]["enrolments"], json!([]));
    assert!(!entries(&export.body).contains(&"academy".to_owned()), "the academy no longer concerns her");

    // Registering again is a new consent and starts empty.
    let r =
        app.put_versioned("/api/me/participant", &participant("Ruud", "employee"), &cursist, "\"participant-0\"").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(app.get("/api/me/academy", Some(&cursist)).await.body["enrolments"], json!([]));
}

#[tokio::test]
async fn academy_data_never_reaches_the_candidate_bank() {
    let app = TestApp::demo().await;
    let kandidaat = app.demo_cookie("kandidaat@example.org").await;
    let mut p = participant("Sanne", "employee");
    p["job_title"] = json!("canary-opleidingsfunctie-91c2");
    p["manager_name"] = json!("canary-leidinggevende-3d7e");
    let r = app.put_versioned("/api/me/participant", &p, &kandidaat, "\"participant-0\"").await;
    assert_eq!(r.status, StatusCode::OK);
    let id = training_id(&app, &kandidaat, "Integriteit en de ambtseed").await;
    enrol(&app, &kandidaat, id).await;

    let beek = app.demo_cookie("recruiter@beek.example.org").await;
    let list = app.get("/api/recruiter/candidates", Some(&beek)).await;
    assert_eq!(list.body["total"], 1, "she is in the bank");
    let raw = String::from_utf8_lossy(&list.raw).into_owned();
    let reference = list.body["candidates"][0]["reference"].as_str().unwrap().to_owned();
    let opened = app.get(&format!("/api/recruiter/candidates/{reference}"), Some(&beek)).await;
    for bytes in [raw, String::from_utf8_lossy(&opened.raw).into_owned()] {
        assert!(!bytes.contains("canary") && !bytes.contains("Integriteit"), "{bytes}");
    }
    let search = app.get("/api/recruiter/candidates?q=canary-opleidingsfunctie-91c2", Some(&beek)).await;
    assert_eq!(search.body["total"], 0);
}

/// The catalogue can be browsed before registering, even without an account (issue 14): it
/// holds the trainings and their free seats, and nothing about who enrolled.
#[tokio::test]
async fn the_catalogue_is_public_and_names_nobody() {
    let app = TestApp::demo().await;
    let c = new_participant(&app, "openbaar@example.org").await;
    let id = training_id(&app, &c, "Projectmatig werken").await;
    assert_eq!(enrol(&app, &c, id).await.status, StatusCode::OK);

    let anonymous = app.get("/api/academy/trainings", None).await;
    assert_eq!(anonymous.status, StatusCode::OK);
    let logged_in = app.get("/api/academy/trainings", Some(&c)).await;
    assert_eq!(anonymous.body, logged_in.body, "the same for everyone");
    let list = anonymous.body.as_array().unwrap();
    assert!(!list.is_empty());
    let fields: std::collections::BTreeSet<&str> = [
        "id",
        "title",
        "description",
        "audience",
        "function_levels",
        "location",
        "online",
        "starts_at",
        "sessions",
        "capacity",
        "seats_left",
    ]
    .into();
    for training in list {
        let keys: std::collections::BTreeSet<&str> = training.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, fields, "only the training's own facts");
    }
    let text = anonymous.body.to_string();
    assert!(!text.contains("openbaar@example.org") && !text.contains("Nieuwe"), "no participant in it");
    // Everything else about the academy still needs a login.
    assert_eq!(app.get("/api/me/academy", None).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(app.get("/api/me/participant", None).await.status, StatusCode::UNAUTHORIZED);
}
