//! The candidate's profile and visibility through the API: optimistic concurrency,
//! validation by the shared model, object-level authorization, and the recruiter side with
//! its disclosure log (issue 3).

use crate::common;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use common::{Reply, TestApp};
use serde_json::{json, Value};
use zelfregie_domain::demo;

async fn put(app: &TestApp, path: &str, body: &Value, cookie: &str, if_match: Option<&str>) -> Reply {
    let mut b = Request::builder()
        .method(Method::PUT)
        .uri(path)
        .header("x-requested-with", "zelfregie")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::COOKIE, cookie);
    if let Some(tag) = if_match {
        b = b.header(header::IF_MATCH, tag);
    }
    app.send(b.body(Body::from(body.to_string())).unwrap()).await
}

fn profile(first: &str) -> Value {
    json!({"personal": {"first_name": first, "last_name": "Jansen", "postcode": "6411ab", "city": "Heerlen"}})
}

#[tokio::test]
async fn etag_and_if_match_protect_against_lost_updates() {
    let app = TestApp::new().await;
    let cookie = app.registered("twee-apparaten@example.org").await;
    let first = app.get("/api/me/profile", Some(&cookie)).await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(first.header("etag"), "\"profile-0\"");

    let missing = put(&app, "/api/me/profile", &profile("Anna"), &cookie, None).await;
    assert_eq!((missing.status, missing.code()), (StatusCode::PRECONDITION_REQUIRED, "precondition_required"));

    let saved = put(&app, "/api/me/profile", &profile("Anna"), &cookie, Some("\"profile-0\"")).await;
    assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);
    assert_eq!(saved.header("etag"), "\"profile-1\"");
    assert_eq!(saved.body["personal"]["postcode"], "6411 AB", "stored normalised");

    // The second device still holds version 0: its save is refused, nothing is overwritten.
    let stale = put(&app, "/api/me/profile", &profile("Bert"), &cookie, Some("\"profile-0\"")).await;
    assert_eq!((stale.status, stale.code()), (StatusCode::PRECONDITION_FAILED, "precondition_failed"));
    let now = app.get("/api/me/profile", Some(&cookie)).await;
    assert_eq!(now.body["personal"]["first_name"], "Anna");
    assert_eq!(now.header("etag"), "\"profile-1\"");
    for tag in ["*", "\"visibility-1\"", "garbage"] {
        let r = put(&app, "/api/me/profile", &profile("Bert"), &cookie, Some(tag)).await;
        assert!(r.status == StatusCode::PRECONDITION_REQUIRED || r.status == StatusCode::PRECONDITION_FAILED, "{tag}");
    }
}

#[tokio::test]
async fn the_server_enforces_the_models_validation() {
    let app = TestApp::new().await;
    let cookie = app.registered("valideren@example.org").await;
    let mut bad = profile("Anna");
    bad["personal"]["postcode"] = json!("123");
    bad["competences"] = json!(["Mijn BSN is 111222333"]);
    let r = put(&app, "/api/me/profile", &bad, &cookie, Some("\"profile-0\"")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        r.body["fields"],
        json!([{"field": "personal.postcode", "code": "postcode_invalid"}, {"field": "competences[0]", "code": "contains_bsn"}])
    );
    assert_eq!(app.get("/api/me/profile", Some(&cookie)).await.header("etag"), "\"profile-0\"", "nothing saved");
}

/// Issue 10 item 15: invisible characters, a BSN in other digits, look-alike addresses.
#[tokio::test]
async fn invisible_characters_foreign_digits_and_look_alike_addresses_are_refused() {
    let app = TestApp::new().await;
    let cookie = app.registered("tekens@example.org").await;
    // A right-to-left override in a name (shown to recruiters reversed) and a BSN in
    // full-width digits in a description.
    let mut bad = profile("Anna\u{202e}rekaB");
    bad["work_experience"] = json!([{
        "job_title": "Medewerker", "employer": "Gemeente Heerlen", "from": "2020-01",
        "tasks": "Mijn BSN is \u{ff11}\u{ff11}\u{ff11}\u{ff12}\u{ff12}\u{ff12}\u{ff13}\u{ff13}\u{ff13}"
    }]);
    let r = put(&app, "/api/me/profile", &bad, &cookie, Some("\"profile-0\"")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{:?}", r.body);
    assert_eq!(
        r.body["fields"],
        json!([
            {"field": "personal.first_name", "code": "invalid_characters"},
            {"field": "work_experience[0].tasks", "code": "contains_bsn"}
        ])
    );
    assert_eq!(app.get("/api/me/profile", Some(&cookie)).await.header("etag"), "\"profile-0\"", "nothing saved");

    // A Cyrillic а, in the local part or the domain, or a full-width letter: an address
    // that looks like kandidaat@example.org is no address.
    for look_alike in ["k\u{430}ndidaat@example.org", "kandidaat@ex\u{430}mple.org", "\u{ff4b}andidaat@example.org"] {
        let r = app.register(look_alike).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{look_alike}: {:?}", r.body);
        assert_eq!(r.body["fields"], json!([{"field": "email", "code": "email_invalid"}]), "{look_alike}");
    }
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM accounts WHERE email <> 'tekens@example.org'")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(n, 0, "nothing stored");
}

#[tokio::test]
async fn people_reach_only_their_own_profile_and_recruiters_cannot_write() {
    let app = TestApp::demo().await;
    let anna = app.registered("anna@example.org").await;
    let kandidaat = app.demo_cookie("kandidaat@example.org").await;
    let own = app.get("/api/me/profile", Some(&anna)).await;
    assert_eq!(own.body["personal"]["first_name"], "", "a new account sees an empty profile, not someone else's");
    assert_eq!(app.get("/api/me/profile", Some(&kandidaat)).await.body["personal"]["first_name"], "Sanne");

    let recruiter = app.demo_cookie("recruiter@brunssum.example.org").await;
    assert_eq!(app.get("/api/me/profile", Some(&recruiter)).await.status, StatusCode::FORBIDDEN);
    let w = put(&app, "/api/me/profile", &profile("Hacker"), &recruiter, Some("\"profile-0\"")).await;
    assert_eq!((w.status, w.code()), (StatusCode::FORBIDDEN, "forbidden"));
    let w = put(&app, "/api/me/visibility", &json!({"listed": true}), &recruiter, Some("\"visibility-0\"")).await;
    assert_eq!(w.status, StatusCode::FORBIDDEN);
    // And candidates do not get the recruiter side.
    assert_eq!(app.get("/api/recruiter/candidates", Some(&kandidaat)).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.get("/api/recruiter/candidates", None).await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_demo_candidate_is_hidden_from_her_employer_and_shows_no_contact() {
    let app = TestApp::demo().await;
    let kerkrade = app.demo_cookie("recruiter@kerkrade.example.org").await;
    let list = app.get("/api/recruiter/candidates", Some(&kerkrade)).await;
    assert_eq!(list.body["total"], 0);
    assert_eq!(list.body["candidates"], json!([]));

    let brunssum = app.demo_cookie("recruiter@brunssum.example.org").await;
    let list = app.get("/api/recruiter/candidates", Some(&brunssum)).await;
    assert_eq!(list.body["total"], 1);
    let candidate = &list.body["candidates"][0];
    assert_eq!(candidate["display_name"], "Sanne van Dijk");
    assert!(candidate.get("contact").is_none());
    let raw = String::from_utf8_lossy(&list.raw);
    assert!(!raw.contains("sanne.vandijk@example.org") && !raw.contains("567 89 01"), "{raw}");

    // Searching on a hidden field finds nothing; on a shown one, finds her.
    let hidden = app.get("/api/recruiter/candidates?q=sanne.vandijk", Some(&brunssum)).await;
    assert_eq!(hidden.body["total"], 0);
    let shown = app.get("/api/recruiter/candidates?q=beleidsadviseur%20kerkrade", Some(&brunssum)).await;
    assert_eq!(shown.body["total"], 1);

    // Opening by reference; the reference means nothing to another partner.
    let reference = candidate["reference"].as_str().unwrap().to_owned();
    let opened = app.get(&format!("/api/recruiter/candidates/{reference}"), Some(&brunssum)).await;
    assert_eq!(opened.status, StatusCode::OK);
    assert_eq!(&opened.body, candidate);
    let beek = app.demo_cookie("recruiter@beek.example.org").await;
    let other = app.get(&format!("/api/recruiter/candidates/{reference}"), Some(&beek)).await;
    assert_eq!((other.status, other.code()), (StatusCode::NOT_FOUND, "not_found"));
    let beek_list = app.get("/api/recruiter/candidates", Some(&beek)).await;
    assert_ne!(beek_list.body["candidates"][0]["reference"], json!(reference), "references differ per partner");
    let at_kerkrade = app.get(&format!("/api/recruiter/candidates/{reference}"), Some(&kerkrade)).await;
    assert_eq!(at_kerkrade.status, StatusCode::NOT_FOUND, "hidden and unknown look the same");
}

#[tokio::test]
async fn the_preview_is_exactly_the_recruiters_response() {
    let app = TestApp::demo().await;
    let kandidaat = app.demo_cookie("kandidaat@example.org").await;
    let brunssum = app.demo_cookie("recruiter@brunssum.example.org").await;
    let preview = app.get("/api/me/visibility/preview/brunssum", Some(&kandidaat)).await;
    assert_eq!(preview.body["partner"]["name"], "Gemeente Brunssum");
    let list = app.get("/api/recruiter/candidates", Some(&brunssum)).await;
    assert_eq!(preview.body["view"], list.body["candidates"][0]);
    let own_employer = app.get("/api/me/visibility/preview/kerkrade", Some(&kandidaat)).await;
    assert!(own_employer.body.get("view").is_none());
    assert_eq!(app.get("/api/me/visibility/preview/atlantis", Some(&kandidaat)).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_visibility_change_applies_to_the_next_request_and_views_are_logged() {
    let app = TestApp::demo().await;
    let kandidaat = app.demo_cookie("kandidaat@example.org").await;
    let brunssum = app.demo_cookie("recruiter@brunssum.example.org").await;
    let before = app.get("/api/recruiter/candidates", Some(&brunssum)).await;
    let reference = before.body["candidates"][0]["reference"].as_str().unwrap().to_owned();
    assert!(before.body["candidates"][0].get("work_experience").is_some());

    let current = app.get("/api/me/visibility", Some(&kandidaat)).await;
    let mut vis = current.body.clone();
    vis["hidden_sections"] = json!(["contact", "work_experience"]);
    let saved = put(&app, "/api/me/visibility", &vis, &kandidaat, Some(current.header("etag"))).await;
    assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);

    let after = app.get(&format!("/api/recruiter/candidates/{reference}"), Some(&brunssum)).await;
    assert_eq!(after.status, StatusCode::OK);
    assert!(after.body.get("work_experience").is_none(), "hidden at the very next request");
    assert!(!String::from_utf8_lossy(&after.raw).contains("Klantmanager"));
    assert_eq!(after.header("cache-control"), "no-store");

    let log = app.get("/api/me/disclosures", Some(&kandidaat)).await;
    let log = log.body["entries"].as_array().unwrap();
    assert_eq!(log.len(), 2, "one list appearance, one opening");
    assert_eq!(log[0]["kind"], "opened", "newest first");
    assert_eq!(log[0]["partner"]["slug"], "brunssum");
    assert!(!log[0]["sections"].as_array().unwrap().contains(&json!("work_experience")));
    assert_eq!(log[1]["kind"], "search_result");
    assert!(log[1]["sections"].as_array().unwrap().contains(&json!("work_experience")));

    // Turned off: gone from every partner's compartment.
    let current = app.get("/api/me/visibility", Some(&kandidaat)).await;
    let mut off = current.body.clone();
    off["listed"] = json!(false);
    put(&app, "/api/me/visibility", &off, &kandidaat, Some(current.header("etag"))).await;
    assert_eq!(app.get("/api/recruiter/candidates", Some(&brunssum)).await.body["total"], 0);
}

#[tokio::test]
async fn visibility_names_only_real_partners() {
    let app = TestApp::new().await;
    let cookie = app.registered("kiezen@example.org").await;
    let body = json!({"listed": true, "audience": {"mode": "only", "partners": ["atlantis"]}});
    let r = put(&app, "/api/me/visibility", &body, &cookie, Some("\"visibility-0\"")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.body["fields"][0], json!({"field": "audience.partners", "code": "unknown_partner"}));
}

#[test]
fn the_demo_profile_passes_its_own_validation() {
    assert_eq!(demo::candidate_profile().validate(), vec![]);
    assert_eq!(demo::candidate_visibility().validate(), vec![]);
}

/// A recruiter repeating a search a thousand times adds to a count, not a thousand rows to
/// the candidate's log (the old code wrote 33,000 rows in 20 seconds); the log comes a page
/// at a time.
#[tokio::test]
async fn repeated_views_are_counted_per_day_and_the_log_is_paged() {
    let app = TestApp::with(|c| c.recruiter_requests_per_minute = 10_000).await;
    demo::seed_if_empty(&app.state).await.unwrap();
    let kandidaat = app.demo_cookie("kandidaat@example.org").await;
    let brunssum = app.demo_cookie("recruiter@brunssum.example.org").await;
    let reference = app.get("/api/recruiter/candidates", Some(&brunssum)).await.body["candidates"][0]["reference"]
        .as_str()
        .unwrap()
        .to_owned();
    for _ in 0..300 {
        app.get("/api/recruiter/candidates", Some(&brunssum)).await;
        app.get(&format!("/api/recruiter/candidates/{reference}"), Some(&brunssum)).await;
    }
    let (rows,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM disclosures").fetch_one(app.state.db.pool()).await.unwrap();
    assert_eq!(rows, 2, "one row per partner, day, kind and sections");
    let log = app.get("/api/me/disclosures", Some(&kandidaat)).await;
    assert_eq!(log.body["total"], 2);
    let entries = log.body["entries"].as_array().unwrap();
    assert_eq!(entries[0]["kind"], "opened");
    assert_eq!(entries[0]["count"], 300);
    assert_eq!(entries[1]["count"], 301, "the first list, then three hundred more");
    assert!(entries[0]["first_at"].as_str().unwrap() <= entries[0]["at"].as_str().unwrap());

    // Paging: more entries than fit on a page (other days, other partners).
    let id: i64 = sqlx::query_scalar("SELECT id FROM accounts WHERE email = $1")
        .bind("kandidaat@example.org")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    for day in 1..=120i64 {
        sqlx::query(
            "INSERT INTO disclosures (account_id, partner_id, day, first_at, at, count, kind, sections)
             VALUES ($1, 1, $2, $3, $3, 1, 'opened', '[]')",
        )
        .bind(id)
        .bind(format!("2023-{:02}-{:02}", 1 + (day - 1) / 28, 1 + (day - 1) % 28))
        .bind(1_700_000_000 - day * 86_400)
        .execute(app.state.db.pool())
        .await
        .unwrap();
    }
    let first = app.get("/api/me/disclosures", Some(&kandidaat)).await;
    assert_eq!((first.body["total"].as_u64(), first.body["per_page"].as_u64()), (Some(122), Some(50)));
    assert_eq!(first.body["entries"].as_array().unwrap().len(), 50);
    let third = app.get("/api/me/disclosures?page=3", Some(&kandidaat)).await;
    assert_eq!(third.body["entries"].as_array().unwrap().len(), 22);
    let beyond = app.get("/api/me/disclosures?page=4", Some(&kandidaat)).await;
    assert_eq!(beyond.body["entries"], json!([]));
    let bad = app.get("/api/me/disclosures?page=nul", Some(&kandidaat)).await;
    assert_eq!((bad.status, bad.code()), (StatusCode::BAD_REQUEST, "malformed_request"));
    // The export holds the whole log.
    let export = app.get("/api/me/export", Some(&kandidaat)).await;
    assert_eq!(export.body["candidate_bank"]["disclosures"].as_array().unwrap().len(), 122);
}

/// docs/security.md "Corrections are passed on": the partners whose recruiters opened the
/// profile in the last 12 months see "withdrawn" on their reference once the candidate takes
/// the profile out of the candidate bank or deletes it (before: the same 404 as a reference
/// that never existed); a partner that only found it in a list, or opened it longer ago, is
/// not told; the person sees who was told and when.
#[tokio::test]
async fn partners_who_opened_a_withdrawn_profile_see_it_withdrawn_and_the_person_sees_who() {
    let app = TestApp::demo().await;
    let kandidaat = app.demo_cookie("kandidaat@example.org").await;
    let reference_of = |list: &Reply| list.body["candidates"][0]["reference"].as_str().unwrap().to_owned();
    let brunssum = app.demo_cookie("recruiter@brunssum.example.org").await;
    let beek = app.demo_cookie("recruiter@beek.example.org").await;
    let valkenburg = app.demo_cookie("recruiter@valkenburg-a-d-geul.example.org").await;
    let (b_ref, e_ref, h_ref) = (
        reference_of(&app.get("/api/recruiter/candidates", Some(&brunssum)).await),
        reference_of(&app.get("/api/recruiter/candidates", Some(&beek)).await),
        reference_of(&app.get("/api/recruiter/candidates", Some(&valkenburg)).await),
    );
    // Brunssum opened it today; Heerlen opened it 13 months ago; Beek only saw it in a list.
    assert_eq!(app.get(&format!("/api/recruiter/candidates/{b_ref}"), Some(&brunssum)).await.status, StatusCode::OK);
    assert_eq!(app.get(&format!("/api/recruiter/candidates/{h_ref}"), Some(&valkenburg)).await.status, StatusCode::OK);
    let long_ago = zelfregie_domain::testing::now() - 395 * 86_400;
    sqlx::query(
        "UPDATE disclosures SET at = $1, first_at = $1
         WHERE partner_id = (SELECT id FROM partners WHERE slug = 'valkenburg-a-d-geul') AND kind = 'opened'",
    )
    .bind(long_ago)
    .execute(app.state.db.pool())
    .await
    .unwrap();
    assert_eq!(app.get("/api/me/withdrawals", Some(&kandidaat)).await.body, json!([]), "nothing withdrawn yet");

    // She takes her profile out of the candidate bank.
    let current = app.get("/api/me/visibility", Some(&kandidaat)).await;
    let mut visibility = current.body.clone();
    visibility["listed"] = json!(false);
    let r = put(&app, "/api/me/visibility", &visibility, &kandidaat, Some(current.header("etag"))).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);

    let opened = app.get(&format!("/api/recruiter/candidates/{b_ref}"), Some(&brunssum)).await;
    assert_eq!((opened.status, opened.code()), (StatusCode::GONE, "profile_withdrawn"));
    let listed_only = app.get(&format!("/api/recruiter/candidates/{e_ref}"), Some(&beek)).await;
    assert_eq!((listed_only.status, listed_only.code()), (StatusCode::NOT_FOUND, "not_found"), "never opened it");
    let long = app.get(&format!("/api/recruiter/candidates/{h_ref}"), Some(&valkenburg)).await;
    assert_eq!(long.status, StatusCode::NOT_FOUND, "opened more than 12 months ago");
    let wrong = app.get(&format!("/api/recruiter/candidates/{b_ref}"), Some(&beek)).await;
    assert_eq!(wrong.status, StatusCode::NOT_FOUND, "another partner's reference tells nothing");

    let told = app.get("/api/me/withdrawals", Some(&kandidaat)).await;
    assert_eq!(told.status, StatusCode::OK);
    let told = told.body.as_array().unwrap().clone();
    assert_eq!(told.len(), 1, "{told:?}");
    assert_eq!(told[0]["partner"], "Gemeente Brunssum");
    assert!(told[0]["at"].is_string());
}
