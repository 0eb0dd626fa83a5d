//! Academy staff manage the catalogue (issue 21): only they reach it; add, change and cancel
//! round trip; seats never below the people enrolled; more seats move the waiting list up;
//! a cancellation tells every participant by mail and stays in their history as the
//! academy's; and parallel enrolments over real HTTP never overfill a training or land in a
//! cancelled one.

use crate::common;

use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use common::{Reply, TestApp};
use serde_json::{json, Value};

const STAFF: &str = "academie@example.org";

fn form(title: &str, capacity: u32) -> Value {
    json!({"title": title, "description": "Wat je leert en hoe.", "audience": "Nieuwe medewerkers",
           "function_levels": ["employee", "specialist"], "online": false, "location": "Heerlen",
           "date": "2099-03-30", "time": "09:30", "sessions": 2, "capacity": capacity})
}

fn participant() -> Value {
    json!({"first_name": "Nieuwe", "last_name": "Deelnemer", "job_title": "Adviseur", "employer": "stein",
           "function_level": "manager"})
}

async fn new_participant(app: &TestApp, email: &str) -> String {
    let cookie = app.registered(email).await;
    let r = app.put_versioned("/api/me/participant", &participant(), &cookie, "\"participant-0\"").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    cookie
}

async fn create(app: &TestApp, staff: &str, body: Value) -> Reply {
    app.call(Method::POST, "/api/academy/catalogue", Some(body), Some(staff)).await
}

async fn put(app: &TestApp, staff: &str, id: i64, body: &Value, etag: &str) -> Reply {
    app.put_versioned(&format!("/api/academy/catalogue/{id}"), body, staff, etag).await
}

async fn enrol(app: &TestApp, cookie: &str, id: i64) -> Reply {
    app.call(Method::POST, "/api/me/enrolments", Some(json!({"training_id": id})), Some(cookie)).await
}

fn state_of(page: &Value, id: i64) -> Option<String> {
    page["enrolments"].as_array()?.iter().find(|e| e["training_id"] == id).map(|e| e["state"].as_str().unwrap().into())
}

async fn counts(app: &TestApp, id: i64) -> (i64, i64, i64) {
    let (capacity, enrolled, waiting): (i64, i64, i64) = sqlx::query_as(
        "SELECT capacity,
                (SELECT COUNT(*) FROM enrolments WHERE training_id = $1 AND state = 'enrolled'),
                (SELECT COUNT(*) FROM enrolments WHERE training_id = $1 AND state = 'waitlisted')
         FROM trainings WHERE id = $1",
    )
    .bind(id)
    .fetch_one(app.state.db.pool())
    .await
    .unwrap();
    (capacity, enrolled, waiting)
}

/// Every new route answers 403 to every role but academy staff (and 401 without a session).
#[tokio::test]
async fn only_academy_staff_reach_the_catalogue_management() {
    let app = TestApp::demo().await;
    let staff = app.demo_cookie(STAFF).await;
    let made = create(&app, &staff, form("Alleen voor staf", 10)).await;
    assert_eq!(made.status, StatusCode::CREATED, "{:?}", made.body);
    let id = made.body["id"].as_i64().unwrap();
    let routes = |id: i64| {
        vec![
            (Method::GET, "/api/academy/catalogue".to_owned(), None),
            (Method::POST, "/api/academy/catalogue".to_owned(), Some(form("Niet van mij", 5))),
            (Method::GET, format!("/api/academy/catalogue/{id}"), None),
            (Method::PUT, format!("/api/academy/catalogue/{id}"), Some(form("Niet van mij", 5))),
            (Method::POST, format!("/api/academy/catalogue/{id}/cancel"), None),
        ]
    };
    let others = [
        ("kandidaat@example.org", "person"),
        ("cursist@example.org", "participant"),
        ("privacy@example.org", "privacy staff"),
        ("recruiter@beek.example.org", "recruiter"),
    ];
    for (email, who) in others {
        let cookie = app.demo_cookie(email).await;
        for (method, path, body) in routes(id) {
            let mut builder = Request::builder()
                .method(method.clone())
                .uri(&path)
                .header("x-requested-with", "zelfregie")
                .header(header::COOKIE, &cookie)
                .header(header::IF_MATCH, "\"training-1\"");
            let body = match body {
                Some(b) => {
                    builder = builder.header(header::CONTENT_TYPE, "application/json");
                    Body::from(b.to_string())
                }
                None => Body::empty(),
            };
            let r = app.send(builder.body(body).unwrap()).await;
            assert_eq!((r.status, r.code()), (StatusCode::FORBIDDEN, "forbidden"), "{who}: {method} {path}");
        }
    }
    for (method, path, body) in routes(id) {
        let r = app.call(method.clone(), &path, body, None).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "nobody: {method} {path}");
    }
    let list = app.get("/api/academy/catalogue", Some(&staff)).await;
    let titles: Vec<&str> = list.body.as_array().unwrap().iter().map(|t| t["title"].as_str().unwrap()).collect();
    assert!(titles.contains(&"Alleen voor staf") && !titles.contains(&"Niet van mij"), "{titles:?}");
    assert_eq!(app.get(&format!("/api/academy/catalogue/{id}"), Some(&staff)).await.body["version"], 1);
}

/// Add, find it in the public catalogue, change it with the ETag (a stale one is 412),
/// cancel it: it stays in the staff list, marked cancelled, and leaves the public one.
#[tokio::test]
async fn add_change_and_cancel_round_trip() {
    let app = TestApp::demo().await;
    let staff = app.demo_cookie(STAFF).await;
    let mut body = form("Schrijven voor de raad", 8);
    body["function_levels"] = json!(["specialist", "employee", "manager"]);
    let made = create(&app, &staff, body.clone()).await;
    assert_eq!(made.status, StatusCode::CREATED, "{:?}", made.body);
    assert_eq!(made.header("etag"), "\"training-1\"");
    let id = made.body["id"].as_i64().unwrap();
    assert_eq!(made.body["function_levels"], json!(["employee", "specialist", "manager"]));
    assert_eq!(made.body["starts_at"], "2099-03-30T07:30:00Z", "09:30 Dutch summer time");
    assert_eq!((made.body["enrolled"].as_i64(), made.body["waitlisted"].as_i64()), (Some(0), Some(0)));

    let public = app.get("/api/academy/trainings", None).await;
    let listed = public.body.as_array().unwrap().iter().find(|t| t["id"] == id).unwrap().clone();
    assert_eq!(listed["seats_left"], 8);
    assert_eq!(listed["function_levels"], json!(["employee", "specialist", "manager"]));

    body["title"] = json!("Schrijven voor de gemeenteraad");
    body["online"] = json!(true);
    body["location"] = json!("");
    let changed = put(&app, &staff, id, &body, "\"training-1\"").await;
    assert_eq!(changed.status, StatusCode::OK, "{:?}", changed.body);
    assert_eq!(changed.header("etag"), "\"training-2\"");
    assert_eq!(
        (changed.body["title"].as_str(), changed.body["location"].as_str()),
        (Some("Schrijven voor de gemeenteraad"), Some("Online"))
    );
    let stale = put(&app, &staff, id, &form("Oude versie", 8), "\"training-1\"").await;
    assert_eq!((stale.status, stale.code()), (StatusCode::PRECONDITION_FAILED, "precondition_failed"));
    let bare =
        app.call(Method::PUT, &format!("/api/academy/catalogue/{id}"), Some(form("Zonder", 8)), Some(&staff)).await;
    assert_eq!(bare.status, StatusCode::PRECONDITION_REQUIRED);
    let fetched = app.get(&format!("/api/academy/catalogue/{id}"), Some(&staff)).await;
    assert_eq!(
        (fetched.header("etag"), fetched.body["title"].as_str()),
        ("\"training-2\"", Some("Schrijven voor de gemeenteraad"))
    );

    let cancelled = app.call(Method::POST, &format!("/api/academy/catalogue/{id}/cancel"), None, Some(&staff)).await;
    assert_eq!(cancelled.status, StatusCode::OK, "{:?}", cancelled.body);
    assert!(cancelled.body["training"]["cancelled_at"].is_string());
    assert_eq!(cancelled.body["told"], 0);
    let again = app.call(Method::POST, &format!("/api/academy/catalogue/{id}/cancel"), None, Some(&staff)).await;
    assert_eq!((again.status, again.code()), (StatusCode::CONFLICT, "training_cancelled"));
    let edit = put(&app, &staff, id, &body, "\"training-3\"").await;
    assert_eq!((edit.status, edit.code()), (StatusCode::CONFLICT, "training_cancelled"));
    let staff_list = app.get("/api/academy/catalogue", Some(&staff)).await;
    let kept = staff_list.body.as_array().unwrap().iter().find(|t| t["id"] == id).unwrap();
    assert!(kept["cancelled_at"].is_string(), "never deleted: {kept}");
    let public = app.get("/api/academy/trainings", None).await;
    assert!(public.body.as_array().unwrap().iter().all(|t| t["id"] != id), "no longer offered");
    let c = new_participant(&app, "te-laat@example.org").await;
    let r = enrol(&app, &c, id).await;
    assert_eq!((r.status, r.code()), (StatusCode::CONFLICT, "training_cancelled"));
    assert_eq!(
        app.call(Method::POST, "/api/academy/catalogue/999999/cancel", None, Some(&staff)).await.status,
        StatusCode::NOT_FOUND
    );
}

/// The server checks the form as the page does: a code per field.
#[tokio::test]
async fn a_wrong_form_is_refused_field_by_field() {
    let app = TestApp::demo().await;
    let staff = app.demo_cookie(STAFF).await;
    let bad = json!({"title": "", "description": "Tekst\u{202e}", "function_levels": [],
                     "online": false, "location": " ", "date": "31-02-2099", "time": "9 uur",
                     "sessions": 0, "capacity": 100000});
    let r = create(&app, &staff, bad).await;
    assert_eq!((r.status, r.code()), (StatusCode::UNPROCESSABLE_ENTITY, "validation_failed"));
    assert_eq!(
        r.body["fields"],
        json!([{"field": "title", "code": "required"}, {"field": "description", "code": "invalid_characters"},
               {"field": "function_levels", "code": "required"}, {"field": "location", "code": "required"},
               {"field": "date", "code": "date_invalid"}, {"field": "time", "code": "time_invalid"},
               {"field": "sessions", "code": "out_of_range"}, {"field": "capacity", "code": "out_of_range"}])
    );
    let mut past = form("Gisteren", 5);
    past["date"] = json!("2020-01-01");
    let r = create(&app, &staff, past.clone()).await;
    assert_eq!(r.body["fields"], json!([{"field": "date", "code": "date_in_past"}]));
    let made = create(&app, &staff, form("Goed", 5)).await;
    let id = made.body["id"].as_i64().unwrap();
    let r = put(&app, &staff, id, &past, "\"training-1\"").await;
    assert_eq!(r.body["fields"], json!([{"field": "date", "code": "date_in_past"}]), "on a change too");
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM trainings WHERE title IN ('', 'Gisteren')")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(n, 0, "nothing stored");
}

/// Seats cannot go below the people holding one; more seats move the waiting list up in
/// its order.
#[tokio::test]
async fn seats_never_go_below_the_enrolled_and_more_seats_move_the_waiting_list() {
    let app = TestApp::demo().await;
    let staff = app.demo_cookie(STAFF).await;
    let id = create(&app, &staff, form("Klein groepje", 2)).await.body["id"].as_i64().unwrap();
    let mut people = Vec::new();
    for i in 0..5 {
        let c = new_participant(&app, &format!("p{i}@example.org")).await;
        assert_eq!(enrol(&app, &c, id).await.status, StatusCode::OK);
        people.push(c);
    }
    assert_eq!(counts(&app, id).await, (2, 2, 3));
    let r = put(&app, &staff, id, &form("Klein groepje", 1), "\"training-1\"").await;
    assert_eq!((r.status, r.code()), (StatusCode::UNPROCESSABLE_ENTITY, "validation_failed"));
    assert_eq!(r.body["fields"], json!([{"field": "capacity", "code": "seats_below_enrolled"}]));
    assert_eq!(counts(&app, id).await, (2, 2, 3), "nothing changed");
    // As many seats as people enrolled is allowed.
    assert_eq!(put(&app, &staff, id, &form("Klein groepje", 2), "\"training-1\"").await.status, StatusCode::OK);

    let r = put(&app, &staff, id, &form("Klein groepje", 4), "\"training-2\"").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!((r.body["enrolled"].as_i64(), r.body["waitlisted"].as_i64()), (Some(4), Some(1)));
    let states: Vec<Option<String>> = {
        let mut v = Vec::new();
        for c in &people {
            v.push(state_of(&app.get("/api/me/academy", Some(c)).await.body, id));
        }
        v
    };
    let expected = ["enrolled", "enrolled", "enrolled", "enrolled", "waitlisted"];
    assert_eq!(states, expected.map(|s| Some(s.to_owned())).to_vec(), "first come, first served");
}

/// Cancelling tells everyone with a seat or waiting, by mail, in both languages; their page
/// and their export say the academy cancelled it; someone who had cancelled themselves keeps
/// their own cancellation and gets no mail.
#[tokio::test]
async fn cancelling_tells_every_participant_and_their_history_says_so() {
    let app = TestApp::demo().await;
    let staff = app.demo_cookie(STAFF).await;
    let id = create(&app, &staff, form("Gaat niet door", 2)).await.body["id"].as_i64().unwrap();
    let emails = ["zit@example.org", "zit2@example.org", "wacht@example.org", "zelf@example.org"];
    let mut cookies = Vec::new();
    for email in emails {
        let c = new_participant(&app, email).await;
        assert_eq!(enrol(&app, &c, id).await.status, StatusCode::OK);
        cookies.push(c);
    }
    // The fourth waits, then cancels herself.
    let own = app.call(Method::DELETE, &format!("/api/me/enrolments/{id}"), None, Some(&cookies[3])).await;
    assert_eq!(state_of(&own.body, id).as_deref(), Some("cancelled"));
    let before = app.mails().len();

    let r = app.call(Method::POST, &format!("/api/academy/catalogue/{id}/cancel"), None, Some(&staff)).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(r.body["told"], 3);
    assert_eq!(
        (r.body["training"]["enrolled"].as_i64(), r.body["training"]["waitlisted"].as_i64()),
        (Some(0), Some(0))
    );

    let new_mails: Vec<_> = app.mails().into_iter().skip(before).collect();
    let mut to: Vec<&str> = new_mails.iter().map(|m| m.to.as_str()).collect();
    to.sort_unstable();
    assert_eq!(
        to,
        ["wacht@example.org", "zit2@example.org", "zit@example.org"],
        "everyone with a seat or waiting, once"
    );
    for m in &new_mails {
        assert!(m.body.contains("\"Gaat niet door\"") && m.body.contains("30-03-2099 09:30"), "{}", m.body);
        assert!(m.body.contains("geannuleerd") && m.body.contains("has cancelled"), "both languages: {}", m.body);
    }
    for (i, c) in cookies.iter().enumerate() {
        let page = app.get("/api/me/academy", Some(c)).await;
        let expected = if i == 3 { "cancelled" } else { "cancelled_by_academy" };
        assert_eq!(state_of(&page.body, id).as_deref(), Some(expected), "{}", emails[i]);
        let export = app.get("/api/me/export", Some(c)).await;
        assert_eq!(export.status, StatusCode::OK);
        let text = String::from_utf8_lossy(&export.raw).into_owned();
        let found = export.body["academy"]["enrolments"]
            .as_array()
            .and_then(|a| a.iter().find(|e| e["training_id"] == id).cloned());
        assert_eq!(
            found.map(|e| e["state"].clone()),
            Some(json!(expected)),
            "the export says who cancelled: {}",
            &text[..text.len().min(400)]
        );
    }
}

/// The server on a real socket, as `main` runs it.
async fn real_server(app: &TestApp) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let router = zelfregie_server::app(app.state.clone());
    let settings = zelfregie_server::serve::ServeSettings {
        header_timeout: std::time::Duration::from_secs(10),
        shutdown_grace: std::time::Duration::from_secs(1),
    };
    tokio::spawn(zelfregie_server::serve::serve(listener, router, settings, std::future::pending()));
    format!("http://{addr}")
}

async fn participants(app: &TestApp, n: usize, tag: &str) -> Vec<String> {
    let mut cookies = Vec::new();
    for i in 0..n {
        cookies.push(new_participant(app, &format!("{tag}{i}@example.org")).await);
    }
    cookies
}

fn http_enrol(client: &reqwest::Client, base: &str, cookie: &str, id: i64) -> reqwest::RequestBuilder {
    client
        .post(format!("{base}/api/me/enrolments"))
        .header("x-requested-with", "zelfregie")
        .header("cookie", cookie)
        .json(&json!({"training_id": id}))
}

/// Twenty enrolments over real HTTP while staff lower the seats from 10 to 3: never more
/// enrolled than seats, whichever comes first. Lowering is refused (422) once more than 3
/// hold a seat; if it came first, 3 get a seat and the rest wait.
#[tokio::test]
async fn parallel_enrolments_while_the_seats_are_lowered_never_overfill() {
    let app = TestApp::demo().await;
    let staff = app.demo_cookie(STAFF).await;
    let base = real_server(&app).await;
    let client = reqwest::Client::new();
    let id = create(&app, &staff, form("Druk bezocht", 10)).await.body["id"].as_i64().unwrap();
    let cookies = participants(&app, 20, "druk").await;
    let mut tasks = Vec::new();
    let mut lower = None;
    for (i, c) in cookies.iter().enumerate() {
        if i == 2 {
            let r = client
                .put(format!("{base}/api/academy/catalogue/{id}"))
                .header("x-requested-with", "zelfregie")
                .header("cookie", &staff)
                .header("if-match", "\"training-1\"")
                .json(&form("Druk bezocht", 3))
                .send();
            lower = Some(tokio::spawn(r));
        }
        tasks.push(tokio::spawn(http_enrol(&client, &base, c, id).send()));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap().unwrap().status().as_u16());
    }
    let lowered = lower.unwrap().await.unwrap().unwrap();
    let outcome = lowered.status().as_u16();
    let body: Value = lowered.json().await.unwrap();
    assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");
    let (capacity, enrolled, waiting) = counts(&app, id).await;
    eprintln!("seats {capacity}, enrolled {enrolled}, waiting {waiting}, lowering answered {outcome}");
    match outcome {
        200 => assert_eq!((capacity, enrolled, waiting), (3, 3, 17)),
        422 => {
            assert_eq!(body["fields"], json!([{"field": "capacity", "code": "seats_below_enrolled"}]));
            assert_eq!((capacity, enrolled, waiting), (10, 10, 10));
        }
        other => panic!("{other} {body}"),
    }
    // And once everyone is in: lowering is refused, whatever the order was.
    let version = app.get(&format!("/api/academy/catalogue/{id}"), Some(&staff)).await.header("etag").to_owned();
    let r = put(&app, &staff, id, &form("Druk bezocht", 2), &version).await;
    assert_eq!(r.body["fields"], json!([{"field": "capacity", "code": "seats_below_enrolled"}]));
}

/// Twenty enrolments over real HTTP while staff cancel the training: afterwards nobody holds
/// a seat or waits in it; each enrolment either came before (and was cancelled by the
/// academy, with a mail) or was refused `training_cancelled`.
#[tokio::test]
async fn parallel_enrolments_while_the_training_is_cancelled_leave_nobody_in_it() {
    let app = TestApp::demo().await;
    let staff = app.demo_cookie(STAFF).await;
    let base = real_server(&app).await;
    let client = reqwest::Client::new();
    let id = create(&app, &staff, form("Gaat misschien door", 5)).await.body["id"].as_i64().unwrap();
    let cookies = participants(&app, 20, "race").await;
    let before = app.mails().len();
    let mut tasks = Vec::new();
    for (i, c) in cookies.iter().enumerate() {
        tasks.push(tokio::spawn(http_enrol(&client, &base, c, id).send()));
        if i == 8 {
            let r = client
                .post(format!("{base}/api/academy/catalogue/{id}/cancel"))
                .header("x-requested-with", "zelfregie")
                .header("cookie", &staff)
                .send();
            tasks.push(tokio::spawn(r));
        }
    }
    let mut told = None;
    let (mut ok, mut refused) = (0, 0);
    for t in tasks {
        let r = t.await.unwrap().unwrap();
        let status = r.status().as_u16();
        let body: Value = r.json().await.unwrap();
        if body.get("told").is_some() {
            told = body["told"].as_u64();
            continue;
        }
        match status {
            200 => ok += 1,
            409 => {
                assert_eq!(body["code"], "training_cancelled");
                refused += 1
            }
            other => panic!("{other} {body}"),
        }
    }
    let (_, enrolled, waiting) = counts(&app, id).await;
    assert_eq!((enrolled, waiting), (0, 0), "nobody in a cancelled training");
    assert_eq!(ok + refused, 20);
    assert_eq!(told, Some(ok), "each enrolment made before the cancellation was told");
    let (by_academy,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM enrolments WHERE training_id = $1 AND state = 'cancelled_by_academy'")
            .bind(id)
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!(by_academy as u64, ok);
    assert_eq!((app.mails().len() - before) as u64, ok);
    eprintln!("{ok} enrolled before the cancellation, {refused} refused after it");
}

/// Two staff members change the same version at once: one wins, the other gets 412 and
/// nothing of theirs is stored.
#[tokio::test]
async fn two_staff_changing_at_once_one_wins() {
    let app = Arc::new(TestApp::demo().await);
    let staff = app.demo_cookie(STAFF).await;
    let id = create(&app, &staff, form("Twee handen", 6)).await.body["id"].as_i64().unwrap();
    let mut tasks = Vec::new();
    for who in ["Anna", "Bram"] {
        let (app, staff) = (app.clone(), staff.clone());
        tasks.push(tokio::spawn(async move {
            put(&app, &staff, id, &form(&format!("Twee handen ({who})"), 7), "\"training-1\"").await.status
        }));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap().as_u16());
    }
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 412]);
    assert_eq!(app.get(&format!("/api/academy/catalogue/{id}"), Some(&staff)).await.body["version"], 2);
}
