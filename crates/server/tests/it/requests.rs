//! Formal requests about one's rights (issue 13): the legal deadline, the extension (once,
//! with a reason, before the deadline has passed, never for a complaint; issue 23), answers shown to the person and announced by mail without their content,
//! who may see what (a person only their own requests, only privacy staff the queue), two
//! staff members at once, the staff log without content, and retention.

use crate::common;

use axum::http::{Method, StatusCode};
use common::{Reply, TestApp};
use serde_json::{json, Value};
use time::OffsetDateTime;
use zelfregie_domain::demo;
use zelfregie_model::privacy_request::{day, days_left, deadline, dutch_date, RequestKind};

async fn file(app: &TestApp, cookie: &str, kind: &str, text: &str) -> Reply {
    app.call(Method::POST, "/api/me/requests", Some(json!({"kind": kind, "text": text})), Some(cookie)).await
}

async fn filed(app: &TestApp, cookie: &str, kind: &str, text: &str) -> Value {
    let r = file(app, cookie, kind, text).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    r.body
}

async fn staff(app: &TestApp, cookie: &str, id: &str, action: &str, text: &str) -> Reply {
    let path = format!("/api/privacy/requests/{id}/{action}");
    app.call(Method::POST, &path, Some(json!({ "text": text })), Some(cookie)).await
}

fn received(r: &Value) -> OffsetDateTime {
    OffsetDateTime::parse(r["received_at"].as_str().unwrap(), &time::format_description::well_known::Rfc3339).unwrap()
}

/// The mails about requests sent to `to` (not the registration's), oldest first.
fn mails_to(app: &TestApp, to: &str) -> Vec<String> {
    app.mails_to(to).into_iter().filter(|t| t.contains("/verzoeken")).collect()
}

#[tokio::test]
async fn a_request_gets_its_legal_deadline_and_the_person_sees_the_answer() {
    let app = TestApp::demo().await;
    let person = app.registered("verzoeker@example.org").await;
    let privacy = app.demo_cookie("privacy@example.org").await;

    let r = filed(&app, &person, "objection", "Ik maak bezwaar tegen het gebruik van mijn gegevens voor X.").await;
    assert_eq!(r["status"], "open");
    assert_eq!(r["kind"], "objection");
    let id = r["id"].as_str().unwrap().to_owned();
    assert!(id.len() >= 22, "a random id, not a counter: {id}");
    assert_eq!(
        r["deadline"],
        day::to_string(deadline(RequestKind::Objection, received(&r), false)),
        "one month after receipt"
    );
    assert!(r.get("response").is_none() && r.get("extension").is_none());

    let mine = app.get("/api/me/requests", Some(&person)).await;
    assert_eq!(mine.body.as_array().unwrap().len(), 1);
    assert_eq!(mine.body[0]["id"], id.as_str());

    // Privacy staff see it in the queue (no text there), and in full when opened.
    let queue = app.get("/api/privacy/requests", Some(&privacy)).await;
    assert_eq!(queue.status, StatusCode::OK);
    let entry = queue.body.as_array().unwrap().iter().find(|e| e["id"] == id.as_str()).unwrap().clone();
    assert_eq!(entry["deadline"], r["deadline"]);
    assert!(entry.get("text").is_none() && entry.get("email").is_none(), "the queue shows no content");
    let opened = app.get(&format!("/api/privacy/requests/{id}"), Some(&privacy)).await;
    assert_eq!(opened.body["email"], "verzoeker@example.org");
    assert_eq!(opened.body["request"]["text"], "Ik maak bezwaar tegen het gebruik van mijn gegevens voor X.");

    let answer = "We stoppen met het gebruik voor X. Geheim-antwoord-7f3.";
    let a = staff(&app, &privacy, &id, "answer", answer).await;
    assert_eq!(a.status, StatusCode::OK, "{:?}", a.body);
    assert_eq!(a.body["request"]["status"], "answered");

    let seen = app.get(&format!("/api/me/requests/{id}"), Some(&person)).await;
    assert_eq!(seen.body["status"], "answered");
    assert_eq!(seen.body["response"]["text"], answer);
    // The mail says there is an answer and where to read it, never the answer itself.
    let mails = mails_to(&app, "verzoeker@example.org");
    assert_eq!(mails.len(), 1, "one mail for one answer");
    assert!(mails[0].contains("Er is een antwoord op je verzoek"), "{}", mails[0]);
    assert!(mails[0].contains("/verzoeken"));
    assert!(!mails[0].contains("Geheim-antwoord-7f3") && !mails[0].contains("bezwaar tegen"));
    // Answered requests leave the open queue and appear among the handled ones.
    let open = app.get("/api/privacy/requests", Some(&privacy)).await;
    assert!(open.body.as_array().unwrap().iter().all(|e| e["id"] != id.as_str()));
    let handled = app.get("/api/privacy/requests?closed=true", Some(&privacy)).await;
    assert_eq!(handled.body[0]["id"], id.as_str());
}

#[tokio::test]
async fn a_request_is_checked_like_every_text() {
    let app = TestApp::demo().await;
    let person = app.registered("controle@example.org").await;
    let empty = file(&app, &person, "complaint", "   ").await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(empty.body["fields"][0], json!({"field": "text", "code": "required"}));
    let long = file(&app, &person, "complaint", &"x".repeat(4001)).await;
    assert_eq!(long.body["fields"][0]["code"], "too_long");
    let kind = file(&app, &person, "revolution", "Alles anders.").await;
    assert_eq!((kind.status, kind.code()), (StatusCode::BAD_REQUEST, "malformed_request"), "an unknown kind");
    assert_eq!(app.get("/api/me/requests", Some(&person)).await.body, json!([]), "nothing was stored");
}

#[tokio::test]
async fn the_deadline_is_extended_once_with_a_reason_and_closed_requests_stay_closed() {
    let app = TestApp::demo().await;
    let person = app.registered("lang@example.org").await;
    let privacy = app.demo_cookie("privacy@example.org").await;
    let r = filed(&app, &person, "access", "Welke gegevens heeft de academie over mij buiten dit portaal?").await;
    let id = r["id"].as_str().unwrap();

    let no_reason = staff(&app, &privacy, id, "extension", "").await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(no_reason.body["fields"][0], json!({"field": "text", "code": "required"}));
    let unchanged = app.get(&format!("/api/me/requests/{id}"), Some(&person)).await;
    assert_eq!(unchanged.body["deadline"], r["deadline"], "a refused extension changes nothing");

    let reason = "De gegevens liggen bij drie partnerorganisaties; dat kost meer tijd.";
    let ext = staff(&app, &privacy, id, "extension", reason).await;
    assert_eq!(ext.status, StatusCode::OK, "{:?}", ext.body);
    let extended = &ext.body["request"];
    assert_eq!(
        extended["deadline"],
        day::to_string(deadline(RequestKind::Access, received(&r), true)),
        "two more months"
    );
    assert_ne!(extended["deadline"], r["deadline"]);
    assert_eq!(extended["status"], "open");
    assert_eq!(extended["extension"]["text"], reason);
    // The person sees the reason and the new date, and is told by mail.
    let seen = app.get(&format!("/api/me/requests/{id}"), Some(&person)).await;
    assert_eq!(seen.body["extension"]["text"], reason);
    assert_eq!(seen.body["deadline"], extended["deadline"]);
    let mails = mails_to(&app, "lang@example.org");
    assert_eq!(mails.len(), 1);
    assert!(mails[0].contains("meer tijd") && !mails[0].contains("drie partnerorganisaties"));

    let again = staff(&app, &privacy, id, "extension", "Nog meer tijd nodig.").await;
    assert_eq!((again.status, again.code()), (StatusCode::CONFLICT, "already_extended"));

    let no_answer = staff(&app, &privacy, id, "answer", " ").await;
    assert_eq!(no_answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(staff(&app, &privacy, id, "answer", "Hier is het overzicht.").await.status, StatusCode::OK);
    for (action, text) in [("answer", "Nog een antwoord."), ("close", "Dubbel."), ("extension", "Later.")] {
        let r = staff(&app, &privacy, id, action, text).await;
        assert_eq!((r.status, r.code()), (StatusCode::CONFLICT, "request_closed"), "{action}");
    }
    let after = app.get(&format!("/api/me/requests/{id}"), Some(&person)).await;
    assert_eq!(after.body["response"]["text"], "Hier is het overzicht.", "the first answer stands");

    // Closing without an answer needs a reason, which the person sees.
    let other = filed(&app, &person, "complaint", "Ik trek dit in, het is al opgelost.").await;
    let oid = other["id"].as_str().unwrap();
    assert_eq!(staff(&app, &privacy, oid, "close", "").await.status, StatusCode::UNPROCESSABLE_ENTITY);
    let closed = staff(&app, &privacy, oid, "close", "Je hebt je verzoek ingetrokken.").await;
    assert_eq!(closed.body["request"]["status"], "closed");
    let seen = app.get(&format!("/api/me/requests/{oid}"), Some(&person)).await;
    assert_eq!(seen.body["response"]["text"], "Je hebt je verzoek ingetrokken.");
    assert_eq!(mails_to(&app, "lang@example.org").len(), 3, "extension, answer and closing were announced");
}

/// The last day for the answer, as the server said it.
fn due(r: &Value) -> time::Date {
    day::parse(r["deadline"].as_str().unwrap()).unwrap()
}

/// Moves the server's clock to `days` days after `deadline` (0: the deadline day itself), by
/// the Dutch calendar.
fn move_clock_to(app: &TestApp, deadline: time::Date, days: i64) {
    let now = || OffsetDateTime::from_unix_timestamp(app.state.clock.now()).unwrap();
    app.state.clock.advance_days(days_left(deadline, now()) + days);
    assert_eq!(days_left(deadline, now()), -days, "the clock stands where the test needs it");
}

#[tokio::test]
async fn a_complaints_deadline_is_six_weeks_and_never_extended() {
    let app = TestApp::demo().await;
    let person = app.registered("klager@example.org").await;
    let privacy = app.demo_cookie("privacy@example.org").await;
    let r = filed(&app, &person, "complaint", "Mijn gegevens zijn naar de verkeerde werkgever gestuurd.").await;
    let id = r["id"].as_str().unwrap();
    let six_weeks = dutch_date(received(&r)) + time::Duration::weeks(6);
    assert_eq!(due(&r), six_weeks, "six weeks after receipt, not one month");
    let queue = app.get("/api/privacy/requests", Some(&privacy)).await;
    let entry = queue.body.as_array().unwrap().iter().find(|e| e["id"] == id).unwrap().clone();
    assert_eq!(entry["deadline"], r["deadline"], "staff see the same day");

    // Privacy staff cannot extend it: not early, not with a reason, not on its last day.
    let refused = staff(&app, &privacy, id, "extension", "We moeten dit uitzoeken bij drie organisaties.").await;
    assert_eq!((refused.status, refused.code()), (StatusCode::CONFLICT, "extension_not_allowed"));
    move_clock_to(&app, six_weeks, 0);
    let last_day = staff(&app, &privacy, id, "extension", "Nog steeds meer tijd nodig.").await;
    assert_eq!((last_day.status, last_day.code()), (StatusCode::CONFLICT, "extension_not_allowed"));
    let seen = app.get(&format!("/api/me/requests/{id}"), Some(&person)).await;
    assert_eq!(due(&seen.body), six_weeks, "never past six weeks");
    assert!(seen.body.get("extension").is_none());
    assert_eq!(mails_to(&app, "klager@example.org").len(), 0, "nothing happened, nothing announced");
    // It can still be answered, on time.
    assert_eq!(staff(&app, &privacy, id, "answer", "Het is rechtgezet.").await.status, StatusCode::OK);
}

#[tokio::test]
async fn an_extension_after_the_deadline_is_refused_on_the_deadline_day_it_is_not() {
    let app = TestApp::demo().await;
    let person = app.registered("laat@example.org").await;
    let privacy = app.demo_cookie("privacy@example.org").await;
    let late = filed(&app, &person, "access", "Welke gegevens hebben de partners over mij?").await;
    let late_id = late["id"].as_str().unwrap();
    assert_eq!(due(&late), deadline(RequestKind::Access, received(&late), false), "one month");

    // The day after the deadline (the server's clock moved on): refused, nothing changes.
    move_clock_to(&app, due(&late), 1);
    let refused = staff(&app, &privacy, late_id, "extension", "Dat kost meer tijd.").await;
    assert_eq!((refused.status, refused.code()), (StatusCode::CONFLICT, "deadline_passed"));
    let seen = app.get(&format!("/api/me/requests/{late_id}"), Some(&person)).await;
    assert_eq!(seen.body["deadline"], late["deadline"], "the deadline stays where it was");
    assert!(seen.body.get("extension").is_none());
    assert_eq!(seen.body["status"], "open", "still to be answered");
    assert_eq!(mails_to(&app, "laat@example.org").len(), 0, "a refused extension is not announced");

    // A request filed now, extended on its own deadline day: still allowed; the person sees why.
    let on_time = filed(&app, &person, "objection", "Ik maak bezwaar tegen de nieuwsbrief.").await;
    let id = on_time["id"].as_str().unwrap();
    assert_eq!(
        due(&on_time),
        deadline(RequestKind::Objection, received(&on_time), false),
        "received on the server's clock"
    );
    move_clock_to(&app, due(&on_time), 0);
    let reason = "We moeten dit navragen bij je oude werkgever.";
    let ext = staff(&app, &privacy, id, "extension", reason).await;
    assert_eq!(ext.status, StatusCode::OK, "{:?}", ext.body);
    let seen = app.get(&format!("/api/me/requests/{id}"), Some(&person)).await;
    assert_eq!(seen.body["extension"]["text"], reason, "the person sees the reason");
    assert_eq!(due(&seen.body), deadline(RequestKind::Objection, received(&on_time), true), "two more months");
    let mails = mails_to(&app, "laat@example.org");
    assert_eq!(mails.len(), 1, "the person is told by mail");
    assert!(mails[0].contains("meer tijd") && !mails[0].contains("oude werkgever"));
}

#[tokio::test]
async fn the_queue_is_ordered_by_deadline() {
    let app = TestApp::demo().await;
    let person = app.registered("volgorde@example.org").await;
    let privacy = app.demo_cookie("privacy@example.org").await;
    let first = filed(&app, &person, "restriction", "Eerste.").await;
    let second = filed(&app, &person, "rectification", "Tweede.").await;
    let third = filed(&app, &person, "objection", "Derde.").await;
    let id = |v: &Value| v["id"].as_str().unwrap().to_owned();
    // The first one gets two more months: it moves to the end.
    assert_eq!(staff(&app, &privacy, &id(&first), "extension", "Meer tijd.").await.status, StatusCode::OK);
    let queue = app.get("/api/privacy/requests", Some(&privacy)).await;
    let all = queue.body.as_array().unwrap();
    let ours = [id(&first), id(&second), id(&third)];
    let order: Vec<String> = all.iter().map(id).filter(|i| ours.contains(i)).collect();
    assert_eq!(order, [id(&second), id(&third), id(&first)]);
    let deadlines: Vec<&str> = all.iter().map(|e| e["deadline"].as_str().unwrap()).collect();
    let mut sorted = deadlines.clone();
    sorted.sort();
    assert_eq!(deadlines, sorted, "the whole queue, the demo's request too");
    assert_eq!(all.last().unwrap()["extended"], true);
}

#[tokio::test]
async fn only_the_owner_sees_a_request_and_only_privacy_staff_the_queue() {
    let app = TestApp::demo().await;
    let anna = app.registered("anna@example.org").await;
    let bert = app.registered("bert@example.org").await;
    let privacy = app.demo_cookie("privacy@example.org").await;
    let recruiter = app.demo_cookie("recruiter@kerkrade.example.org").await;
    let academy = app.demo_cookie("academie@example.org").await;
    let kandidaat = app.demo_cookie("kandidaat@example.org").await;
    let annas = filed(&app, &anna, "complaint", "Klacht van Anna.").await;
    let id = annas["id"].as_str().unwrap();

    // Another person: the request does not exist for them, not in a list, not by id.
    let r = app.get(&format!("/api/me/requests/{id}"), Some(&bert)).await;
    assert_eq!((r.status, r.code()), (StatusCode::NOT_FOUND, "not_found"));
    assert_eq!(app.get("/api/me/requests", Some(&bert)).await.body, json!([]));
    let unknown = app.get("/api/me/requests/AAAAAAAAAAAAAAAAAAAAAA", Some(&anna)).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND, "an unknown id answers the same");

    // The queue and every staff action: privacy staff only.
    let staff_paths = [
        (Method::GET, "/api/privacy/requests".to_owned()),
        (Method::GET, format!("/api/privacy/requests/{id}")),
        (Method::POST, format!("/api/privacy/requests/{id}/answer")),
        (Method::POST, format!("/api/privacy/requests/{id}/extension")),
        (Method::POST, format!("/api/privacy/requests/{id}/close")),
    ];
    for (who, cookie) in
        [("the owner", &anna), ("a person", &kandidaat), ("a recruiter", &recruiter), ("academy staff", &academy)]
    {
        for (method, path) in &staff_paths {
            let r = app.call(method.clone(), path, Some(json!({"text": "Mag dit?"})), Some(cookie)).await;
            assert_eq!((r.status, r.code()), (StatusCode::FORBIDDEN, "forbidden"), "{who}: {method} {path}");
        }
    }
    for (method, path) in &staff_paths {
        let r = app.call(method.clone(), path, Some(json!({"text": "Mag dit?"})), None).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "nobody: {method} {path}");
    }
    // Filing and reading one's own requests is for people, not for staff or recruiters.
    for cookie in [&recruiter, &academy, &privacy] {
        assert_eq!(app.get("/api/me/requests", Some(cookie)).await.status, StatusCode::FORBIDDEN);
        assert_eq!(file(&app, cookie, "complaint", "Namens iemand.").await.status, StatusCode::FORBIDDEN);
    }
    let unknown = app.get("/api/privacy/requests/AAAAAAAAAAAAAAAAAAAAAA", Some(&privacy)).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(staff(&app, &privacy, "AAAAAAAAAAAAAAAAAAAAAA", "answer", "x").await.status, StatusCode::NOT_FOUND);
    // Nothing of the refused attempts reached the request.
    let still = app.get(&format!("/api/me/requests/{id}"), Some(&anna)).await;
    assert_eq!(still.body["status"], "open");
    assert!(still.body.get("extension").is_none());
}

#[tokio::test]
async fn of_two_staff_members_answering_at_once_one_wins() {
    let app = TestApp::demo().await;
    let person = app.registered("tegelijk@example.org").await;
    let one = app.demo_cookie("privacy@example.org").await;
    let two = app.demo_cookie("privacy@example.org").await;
    for round in 0..4 {
        let r = filed(&app, &person, "objection", &format!("Ronde {round}.")).await;
        let id = r["id"].as_str().unwrap();
        let (a, b) = tokio::join!(
            staff(&app, &one, id, "answer", "Antwoord één."),
            staff(&app, &two, id, "answer", "Antwoord twee.")
        );
        let mut statuses = [a.status, b.status];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT], "round {round}");
        let winner = if a.status == StatusCode::OK { "Antwoord één." } else { "Antwoord twee." };
        let seen = app.get(&format!("/api/me/requests/{id}"), Some(&person)).await;
        assert_eq!(seen.body["response"]["text"], winner, "the person sees the answer that won");
        // Two extensions at once: also one.
        let r = filed(&app, &person, "access", &format!("Inzage {round}.")).await;
        let id = r["id"].as_str().unwrap();
        let (a, b) = tokio::join!(
            staff(&app, &one, id, "extension", "Reden één."),
            staff(&app, &two, id, "extension", "Reden twee.")
        );
        let mut codes = [a.code().to_owned(), b.code().to_owned()];
        codes.sort();
        assert_eq!(codes, ["", "already_extended"], "round {round}");
    }
    assert_eq!(mails_to(&app, "tegelijk@example.org").len(), 8, "one mail per change that happened");
}

#[tokio::test]
async fn staff_actions_are_logged_with_who_and_without_content() {
    let logs = common::capture_logs();
    let app = TestApp::demo().await;
    let person = app.registered("logboek@example.org").await;
    let privacy = app.demo_cookie("privacy@example.org").await;
    let (staff_id,): (i64,) = sqlx::query_as("SELECT id FROM accounts WHERE email = $1")
        .bind("privacy@example.org")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    let r = filed(&app, &person, "objection", "Inhoud-logtest-9k2 van het bezwaar.").await;
    let id = r["id"].as_str().unwrap();
    staff(&app, &privacy, id, "extension", "Reden-logtest-4q8.").await;
    staff(&app, &privacy, id, "answer", "Antwoord-logtest-1z5.").await;
    let text = logs.text();
    let handled: Vec<&str> = text.lines().filter(|l| l.contains("request handled") && l.contains(id)).collect();
    assert_eq!(handled.len(), 2, "{handled:?}");
    assert!(handled.iter().all(|l| l.contains(&format!("staff_account_id={staff_id}"))), "{handled:?}");
    assert!(handled[0].contains("extended") && handled[1].contains("answered"));
    for secret in ["Inhoud-logtest-9k2", "Reden-logtest-4q8", "Antwoord-logtest-1z5", "logboek@example.org"] {
        assert!(!text.contains(secret), "the log holds {secret}");
    }
    // Who handled it is kept with the request.
    let (by,): (Option<i64>,) = sqlx::query_as("SELECT handled_by FROM privacy_requests WHERE public_id = $1")
        .bind(id)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(by, Some(staff_id));
}

#[tokio::test]
async fn closed_requests_are_deleted_two_years_after_closing_open_ones_never() {
    let app = TestApp::demo().await;
    let person = app.registered("bewaren@example.org").await;
    let privacy = app.demo_cookie("privacy@example.org").await;
    let closed = filed(&app, &person, "objection", "Wordt beantwoord.").await;
    let open = filed(&app, &person, "complaint", "Blijft open.").await;
    staff(&app, &privacy, closed["id"].as_str().unwrap(), "answer", "Klaar.").await;
    let now = zelfregie_domain::testing::now();
    let purge = |at: i64| zelfregie_domain::privacy_requests::purge(&app.state.db, at);
    assert_eq!(purge(now + 365 * 86_400).await.unwrap(), 0, "kept one year after closing");
    assert_eq!(purge(now + 2 * 365 * 86_400).await.unwrap(), 0, "kept two years after closing");
    assert_eq!(purge(now + 2 * 366 * 86_400 + 60).await.unwrap(), 1, "gone after two years");
    let left: Vec<String> = app
        .get("/api/me/requests", Some(&person))
        .await
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(left, [open["id"].as_str().unwrap()]);
    assert_eq!(purge(now + 50 * 366 * 86_400).await.unwrap(), 0, "an open request is never deleted");
}

#[tokio::test]
async fn a_staff_members_erasure_leaves_the_requests_they_handled() {
    let app = TestApp::demo().await;
    let person = app.registered("blijft@example.org").await;
    let helper = app.demo_cookie("privacy@example.org").await;
    let r = filed(&app, &person, "access", "Inzage graag.").await;
    let id = r["id"].as_str().unwrap();
    staff(&app, &helper, id, "answer", "Bijgevoegd het overzicht.").await;
    let gone = app
        .call(Method::DELETE, "/api/me/account", Some(json!({"password": demo::DEMO_PASSWORD})), Some(&helper))
        .await;
    assert_eq!(gone.status, StatusCode::NO_CONTENT);
    let seen = app.get(&format!("/api/me/requests/{id}"), Some(&person)).await;
    assert_eq!(seen.body["response"]["text"], "Bijgevoegd het overzicht.");
}

#[tokio::test]
async fn at_most_ten_requests_a_day_even_when_sent_at_once() {
    let app = TestApp::demo().await;
    let person = app.registered("veel@example.org").await;
    let other = app.registered("ander@example.org").await;
    let texts: Vec<String> = (0..14).map(|i| format!("Klacht {i}.")).collect();
    let replies = futures_util::future::join_all(texts.iter().map(|t| file(&app, &person, "complaint", t))).await;
    let created = replies.iter().filter(|r| r.status == StatusCode::CREATED).count();
    let refused: Vec<&str> = replies.iter().filter(|r| r.status != StatusCode::CREATED).map(|r| r.code()).collect();
    assert_eq!(created, 10, "{refused:?}");
    assert_eq!(refused, ["quota_exceeded"; 4]);
    assert_eq!(app.get("/api/me/requests", Some(&person)).await.body.as_array().unwrap().len(), 10);
    assert_eq!(file(&app, &other, "complaint", "Mijn eigen klacht.").await.status, StatusCode::CREATED, "per person");
}

#[tokio::test]
async fn the_handled_list_shows_the_latest_hundred() {
    use zelfregie_domain::testing::privacy_requests as rows;
    let app = TestApp::demo().await;
    app.registered("archief@example.org").await;
    let privacy = app.demo_cookie("privacy@example.org").await;
    let (owner,): (i64,) = sqlx::query_as("SELECT id FROM accounts WHERE email = $1")
        .bind("archief@example.org")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    let pool = app.state.db.pool();
    for i in 0..(rows::HANDLED_SHOWN + 5) {
        let id = format!("archief-{i:03}");
        let row = rows::NewRow {
            public_id: &id,
            account_id: owner,
            kind: "access",
            text: "Oud.",
            received_at: 1_000 + i,
            deadline: "2026-01-01",
            on_behalf: None,
        };
        rows::insert(pool, &row).await.unwrap();
        assert!(rows::close(pool, &id, "answered", "Klaar.", 2_000 + i, owner, true).await.unwrap());
    }
    let handled = app.get("/api/privacy/requests?closed=true", Some(&privacy)).await;
    let ids: Vec<&str> = handled.body.as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 100);
    assert_eq!(ids[0], "archief-104", "the latest first");
    assert_eq!(ids[99], "archief-005");
}

async fn file_for(app: &TestApp, cookie: &str, text: &str, on_behalf: Value) -> Reply {
    let body = json!({"kind": "access", "text": text, "on_behalf": on_behalf});
    app.call(Method::POST, "/api/me/requests", Some(body), Some(cookie)).await
}

async fn check(app: &TestApp, cookie: &str, id: &str, body: Value) -> Reply {
    app.call(Method::POST, &format!("/api/privacy/requests/{id}/verification"), Some(body), Some(cookie)).await
}

/// Today on the Dutch calendar, by the server's clock.
fn today(app: &TestApp) -> time::Date {
    dutch_date(OffsetDateTime::from_unix_timestamp(app.state.clock.now()).unwrap())
}

#[tokio::test]
async fn a_representatives_request_through_to_its_answer() {
    let app = TestApp::demo().await;
    let parent = app.registered("ouder@example.org").await;
    let child = app.registered("kind@example.org").await;
    let stranger = app.registered("vreemde@example.org").await;
    let privacy = app.demo_cookie("privacy@example.org").await;

    // The parent asks for their child: who, their address (any case), and the ground.
    let on_behalf = json!({"for_name": " Sam Jansen ", "for_email": " Kind@Example.org ", "ground": "parent_of_minor"});
    let r = file_for(&app, &parent, "Welke gegevens hebben jullie over mijn zoon Sam?", on_behalf).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    assert_eq!(
        r.body["on_behalf"],
        json!({"for_name": "Sam Jansen", "for_email": "kind@example.org", "ground": "parent_of_minor"})
    );
    assert!(r.body.get("checked").is_none() && r.body.get("requested_by").is_none());
    let id = r.body["id"].as_str().unwrap().to_owned();
    let own = filed(&app, &parent, "complaint", "Mijn eigen klacht, niet voor Sam.").await;

    // Before the check, the person concerned does not see it: not in the list, not by id.
    assert_eq!(app.get("/api/me/requests", Some(&child)).await.body, json!([]));
    assert_eq!(app.get(&format!("/api/me/requests/{id}"), Some(&child)).await.status, StatusCode::NOT_FOUND);

    // Privacy staff see who asks for whom and on what ground; the queue shows the ground.
    let queue = app.get("/api/privacy/requests", Some(&privacy)).await;
    let entry = queue.body.as_array().unwrap().iter().find(|e| e["id"] == id.as_str()).unwrap().clone();
    assert_eq!(entry["on_behalf"], "parent_of_minor");
    assert!(entry.get("checked").is_none());
    let opened = app.get(&format!("/api/privacy/requests/{id}"), Some(&privacy)).await;
    assert_eq!(opened.body["email"], "ouder@example.org");
    assert_eq!(opened.body["request"]["on_behalf"]["for_name"], "Sam Jansen");
    assert!(opened.body.get("verification").is_none());

    // No answer before identity and authority were checked; nothing changes, nobody is told.
    let early = staff(&app, &privacy, &id, "answer", "Hier is het overzicht over Sam.").await;
    assert_eq!((early.status, early.code()), (StatusCode::CONFLICT, "authority_not_checked"));
    let seen = app.get(&format!("/api/me/requests/{id}"), Some(&parent)).await;
    assert_eq!(seen.body["status"], "open");
    assert!(seen.body.get("response").is_none());
    assert_eq!(mails_to(&app, "ouder@example.org").len(), 0);

    // The check: a day in the future or another way without a note is refused.
    let tomorrow = day::to_string(today(&app) + time::Duration::days(1));
    let future = check(&app, &privacy, &id, json!({"method": "in_person", "checked_on": tomorrow})).await;
    assert_eq!(future.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(future.body["fields"][0], json!({"field": "checked_on", "code": "out_of_range"}));
    let today = day::to_string(today(&app));
    let bare = check(&app, &privacy, &id, json!({"method": "other", "checked_on": today})).await;
    assert_eq!(bare.body["fields"][0], json!({"field": "note", "code": "required"}));
    assert_eq!(app.get("/api/me/requests", Some(&child)).await.body, json!([]), "a refused check links nothing");

    // In person, as the policy asks: recorded with who and when, and the account is linked.
    let body = json!({"method": "in_person", "checked_on": today, "note": "Paspoort en uittreksel gezien."});
    let checked = check(&app, &privacy, &id, body.clone()).await;
    assert_eq!(checked.status, StatusCode::OK, "{:?}", checked.body);
    let v = &checked.body["verification"];
    assert_eq!((v["method"].as_str(), v["checked_on"].as_str()), (Some("in_person"), Some(today.as_str())));
    assert_eq!(v["note"], "Paspoort en uittreksel gezien.");
    assert_eq!(v["recorded_by"], "privacy@example.org");
    assert_eq!(v["linked"], true);
    let again = check(&app, &privacy, &id, body).await;
    assert_eq!((again.status, again.code()), (StatusCode::CONFLICT, "already_checked"), "the record stays");
    let for_self =
        check(&app, &privacy, own["id"].as_str().unwrap(), json!({"method": "in_person", "checked_on": today})).await;
    assert_eq!((for_self.status, for_self.code()), (StatusCode::CONFLICT, "not_on_behalf"));

    // Staff handling it look at the data of the person it is about, not the parent's.
    let data = app.get(&format!("/api/privacy/requests/{id}/person"), Some(&privacy)).await;
    assert_eq!(data.body["account"]["email"], "kind@example.org", "{:?}", data.body["account"]);

    // Now it can be answered; the parent sees the answer and how they were checked.
    let answer = "Hier is het overzicht van de gegevens over Sam.";
    assert_eq!(staff(&app, &privacy, &id, "answer", answer).await.status, StatusCode::OK);
    let seen = app.get(&format!("/api/me/requests/{id}"), Some(&parent)).await;
    assert_eq!(seen.body["status"], "answered");
    assert_eq!(seen.body["response"]["text"], answer);
    assert_eq!(seen.body["checked"], json!({"method": "in_person", "checked_on": today}));
    assert!(seen.body.get("requested_by").is_none(), "their own request");
    assert!(seen.body["checked"].get("note").is_none(), "staff's note stays with staff");

    // The person concerned sees it, read-only, with who asked and the answer; only this one.
    let theirs = app.get("/api/me/requests", Some(&child)).await.body;
    assert_eq!(theirs.as_array().unwrap().len(), 1, "not the parent's own requests: {theirs}");
    assert_eq!(theirs[0]["id"], id.as_str());
    assert_eq!(theirs[0]["requested_by"], "ouder@example.org");
    assert_eq!(theirs[0]["on_behalf"]["ground"], "parent_of_minor");
    assert_eq!(theirs[0]["response"]["text"], answer);
    let one = app.get(&format!("/api/me/requests/{id}"), Some(&child)).await;
    assert_eq!(one.body["requested_by"], "ouder@example.org");
    let not_theirs = app.get(&format!("/api/me/requests/{}", own["id"].as_str().unwrap()), Some(&child)).await;
    assert_eq!(not_theirs.status, StatusCode::NOT_FOUND);
    let export = app.get("/api/me/export", Some(&child)).await;
    let exported = export.body["requests"].as_array().unwrap();
    assert_eq!(exported.len(), 1);
    assert_eq!(exported[0]["requested_by"], "ouder@example.org");
    // The parent still sees both of their own; another account sees nothing.
    assert_eq!(app.get("/api/me/requests", Some(&parent)).await.body.as_array().unwrap().len(), 2);
    assert_eq!(app.get("/api/me/requests", Some(&stranger)).await.body, json!([]));
    assert_eq!(app.get(&format!("/api/me/requests/{id}"), Some(&stranger)).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_request_for_someone_else_names_them_and_one_of_the_grounds() {
    let app = TestApp::demo().await;
    let person = app.registered("gemachtigde@example.org").await;
    let nameless = file_for(&app, &person, "Inzage.", json!({"for_name": "  ", "ground": "written_mandate"})).await;
    assert_eq!(nameless.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(nameless.body["fields"][0], json!({"field": "on_behalf.for_name", "code": "required"}));
    let long =
        file_for(&app, &person, "Inzage.", json!({"for_name": "a".repeat(101), "ground": "written_mandate"})).await;
    assert_eq!(long.body["fields"][0], json!({"field": "on_behalf.for_name", "code": "too_long"}));
    let address = file_for(
        &app,
        &person,
        "Inzage.",
        json!({"for_name": "Jan", "for_email": "jan@", "ground": "written_mandate"}),
    )
    .await;
    assert_eq!(address.body["fields"][0], json!({"field": "on_behalf.for_email", "code": "email_invalid"}));
    for ground in ["friend", "employer", ""] {
        let r = file_for(&app, &person, "Inzage.", json!({"for_name": "Jan", "ground": ground})).await;
        assert_eq!((r.status, r.code()), (StatusCode::BAD_REQUEST, "malformed_request"), "{ground:?}");
    }
    let groundless = file_for(&app, &person, "Inzage.", json!({"for_name": "Jan"})).await;
    assert_eq!(groundless.status, StatusCode::BAD_REQUEST, "a ground is required");
    assert_eq!(app.get("/api/me/requests", Some(&person)).await.body, json!([]), "nothing was stored");
    for ground in ["parent_of_minor", "legal_representative", "written_mandate", "surviving_relative"] {
        let r = file_for(&app, &person, "Inzage.", json!({"for_name": "Jan de Vries", "ground": ground})).await;
        assert_eq!(r.status, StatusCode::CREATED, "{ground}: {:?}", r.body);
        assert_eq!(r.body["on_behalf"], json!({"for_name": "Jan de Vries", "ground": ground}), "no address given");
    }
}

#[tokio::test]
async fn only_an_exact_address_links_and_the_concerned_persons_erasure_removes_only_the_link() {
    let app = TestApp::demo().await;
    let curator = app.registered("curator@example.org").await;
    let client = app.registered("client@example.org").await;
    let privacy = app.demo_cookie("privacy@example.org").await;
    let today = day::to_string(today(&app));
    let in_person = json!({"method": "in_person", "checked_on": today});

    // An address that is not exactly the account's: nobody is linked.
    let near = json!({"for_name": "Kees Client", "for_email": "client@example.com", "ground": "legal_representative"});
    let r = file_for(&app, &curator, "Stop met het gebruik van zijn gegevens.", near).await;
    let near_id = r.body["id"].as_str().unwrap().to_owned();
    let v = check(&app, &privacy, &near_id, in_person.clone()).await;
    assert_eq!(v.body["verification"]["linked"], false);
    assert_eq!(app.get("/api/me/requests", Some(&client)).await.body, json!([]));

    // The exact address, checked another way with a note: linked.
    let exact = json!({"for_name": "Kees Client", "for_email": "client@example.org", "ground": "legal_representative"});
    let r = file_for(&app, &curator, "Inzage in zijn gegevens.", exact).await;
    let id = r.body["id"].as_str().unwrap().to_owned();
    let other = json!({"method": "other", "checked_on": today, "note": "Beschikking van de rechter per post."});
    let v = check(&app, &privacy, &id, other).await;
    assert_eq!(
        (v.body["verification"]["method"].as_str(), v.body["verification"]["linked"].as_bool()),
        (Some("other"), Some(true))
    );
    assert_eq!(app.get("/api/me/requests", Some(&client)).await.body.as_array().unwrap().len(), 1);

    // Closing without an answer does not wait for a check (the check may be what failed).
    let unchecked = json!({"for_name": "Kees Client", "ground": "legal_representative"});
    let r = file_for(&app, &curator, "Nog een verzoek.", unchecked).await;
    let closed = staff(&app, &privacy, r.body["id"].as_str().unwrap(), "close", "Je bent niet langs geweest.").await;
    assert_eq!(closed.status, StatusCode::OK, "{:?}", closed.body);

    // The person concerned erases their account: the request stays with the curator's account,
    // only the link to them is gone.
    let gone =
        app.call(Method::DELETE, "/api/me/account", Some(json!({"password": common::PASSWORD})), Some(&client)).await;
    assert_eq!(gone.status, StatusCode::NO_CONTENT);
    let (linked,): (Option<i64>,) =
        sqlx::query_as("SELECT concerned_account_id FROM privacy_requests WHERE public_id = $1")
            .bind(&id)
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
    assert_eq!(linked, None);
    let kept = app.get(&format!("/api/me/requests/{id}"), Some(&curator)).await;
    assert_eq!(kept.status, StatusCode::OK);
    assert_eq!(kept.body["checked"]["method"], "other");
    let staff_view = app.get(&format!("/api/privacy/requests/{id}"), Some(&privacy)).await;
    assert_eq!(staff_view.body["verification"]["linked"], false);
}
