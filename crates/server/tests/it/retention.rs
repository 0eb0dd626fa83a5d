//! Retention (docs/security.md "Retention") and deleting just the profile.
//!
//! The clock is moved by years: a candidate who does not log in is warned by mail once,
//! thirty days before five years are up, and then erased exactly once — two runs at once,
//! on two instances, included — with nothing left in any table or file. A login resets the
//! clock and takes the warning back; a dry run deletes nothing and logs counts. Deleting just
//! the profile asks for the password, makes recruiters' references 404 at once, and leaves
//! the account, the academy and the newsletter alone.

use crate::common;

use axum::http::{Method, StatusCode};
use common::{TestApp, PASSWORD};
use serde_json::json;
use zelfregie_domain::retention::{run, Report};
use zelfregie_domain::testing::to_datetime;
use zelfregie_model::retention::{add_years, long_date, RetentionOverview};

const DAY: i64 = 86_400;

/// The mail files sent to `to` whose subject is the retention warning.
fn warnings_to(app: &TestApp, to: &str) -> Vec<String> {
    app.mails_to(to).into_iter().filter(|m| m.contains("Subject: Je account wordt verwijderd")).collect()
}

async fn account_exists(app: &TestApp, email: &str) -> bool {
    zelfregie_domain::testing::accounts::id_by_email(app.state.db.pool(), email).await.unwrap().is_some()
}

async fn retention_of(app: &TestApp, cookie: &str) -> RetentionOverview {
    let r = app.get("/api/me/retention", Some(cookie)).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    serde_json::from_value(r.body).unwrap()
}

/// Moves the app's clock forward to `at`.
fn advance_to(app: &TestApp, at: i64) {
    let now = app.state.clock.now();
    assert!(at >= now, "the clock only moves forward");
    app.state.clock.advance(at - now);
}

/// Days from the start of the test until the moment `years` calendar years after `from`.
fn days_until(from: i64, years: u32, now: i64) -> i64 {
    (add_years(to_datetime(from), years).unix_timestamp() - now) / DAY
}

#[tokio::test]
async fn an_inactive_candidate_is_warned_once_then_erased_once_and_nothing_is_left() {
    let app = TestApp::new().await;
    let (cookie, _id) = common::filled_person(&app).await;
    let email = "canary-account-5a1f@example.org";
    while app.state.outbox.deliver_one().await.unwrap() {}
    let canaries = ["canary-account-5a1f", "cnry5a1f", "canary-functie-c3", "canary-leiding-c4"];
    assert!(common::occurrences(&app, &canaries).await.len() >= 5, "the fixture put the canaries everywhere");

    // The API gives the dates, computed from the registration (no login since).
    let overview = retention_of(&app, &cookie).await;
    let deletion = add_years(overview.last_activity_at, 5);
    assert_eq!(overview.account_deleted_at, deletion);
    assert_eq!(overview.warned_at, None);
    let bank = overview.of("candidate_bank").unwrap();
    assert_eq!(serde_json::to_value(bank.rule).unwrap(), json!({"kind": "after_inactivity", "years": 5}));
    assert_eq!(bank.deleted_at, deletion);
    assert_eq!(overview.of("transfers").unwrap().rule, zelfregie_model::retention::Retention::AfterEvent { days: 7 });
    // Nobody is warned or erased early: a day before the warning is due.
    let warning_due = deletion.unix_timestamp() - 30 * DAY;
    advance_to(&app, warning_due - DAY);
    let r = run(&app.state, app.state.clock.now()).await.unwrap();
    assert_eq!((r.warned, r.erased, r.failed), (0, 0, 0));
    // Records with their own clock did go: the withdrawn newsletter consent (2 years) and
    // the older message to the mailing processor (30 days; the latest stays).
    assert_eq!((r.records.consent_history, r.records.delivered_messages), (3, 1), "{r:?}");
    assert!(warnings_to(&app, email).is_empty());

    // Thirty days before: the warning, once — the job runs again, and twice at once on two
    // instances, and still there is one mail.
    advance_to(&app, warning_due);
    let now = app.state.clock.now();
    let first = run(&app.state, now).await.unwrap();
    assert!(first.warned >= 1, "{first:?}");
    let other = app.second_instance().await;
    let (a, b) = tokio::join!(run(&app.state, now + 60), run(&other.state, now + 60));
    assert_eq!(a.unwrap().warned + b.unwrap().warned, 0, "warned once only");
    let mails = warnings_to(&app, email);
    assert_eq!(mails.len(), 1, "exactly one warning");
    let (nl, en) = long_date(deletion.date());
    assert!(mails[0].contains(&format!("op {nl}")), "the mail names the date: {nl}\n{}", mails[0]);
    assert!(mails[0].contains(&en), "and in English: {en}");
    assert!(mails[0].contains("/inloggen") && mails[0].contains("/exporteren"), "how to keep it, how to get a copy");
    let warned = retention_of(&app, &cookie).await;
    assert_eq!(warned.warned_at.map(|w| w.unix_timestamp()), Some(now));
    assert_eq!(warned.account_deleted_at, deletion, "the warning gave the full thirty days");

    // A minute before the five years are up: nothing yet.
    advance_to(&app, deletion.unix_timestamp() - 60);
    let r = run(&app.state, app.state.clock.now()).await.unwrap();
    assert_eq!(r.erased, 0);
    assert!(account_exists(&app, email).await);

    // Once the five years are up: erased exactly once, by two instances running at once.
    advance_to(&app, deletion.unix_timestamp());
    let now = app.state.clock.now();
    let persons_before = persons(&app).await;
    let (a, b) = tokio::join!(run(&app.state, now), run(&other.state, now));
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a.erased + b.erased, persons_before - persons(&app).await, "each erasure counted once");
    assert!(a.erased + b.erased >= 1);
    assert!(!account_exists(&app, email).await);
    assert_eq!(run(&app.state, now + 600).await.unwrap(), Report::default(), "nothing left to do");
    assert_eq!(app.login(email, PASSWORD).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(app.get("/api/session", Some(&cookie)).await.status, StatusCode::NO_CONTENT);

    // Nothing left: the processor is told, then no table and no file holds the person — not
    // the database, not its write-ahead log, not the mail folder (the warning included).
    while app.state.outbox.deliver_one().await.unwrap() {}
    assert_eq!(common::occurrences(&app, &canaries).await, Vec::<String>::new());
    assert_eq!(common::files_containing(&app.data_dir(), &canaries), Vec::<String>::new());
    // Recruiters and staff are the organisations' accounts: retention leaves them alone.
    assert!(account_exists(&app, "recruiter@beek.example.org").await);
    assert!(account_exists(&app, "academie@example.org").await);
}

async fn persons(app: &TestApp) -> u64 {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM accounts WHERE role = 'person'")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    n as u64
}

#[tokio::test]
async fn a_login_resets_the_clock_and_takes_the_warning_back() {
    let app = TestApp::new().await;
    let email = "terug@example.org";
    let cookie = app.registered(email).await;
    let start = retention_of(&app, &cookie).await.last_activity_at.unix_timestamp();

    app.state.clock.advance_days(days_until(start, 5, app.state.clock.now()) - 29);
    assert_eq!(run(&app.state, app.state.clock.now()).await.unwrap().warned, 1);
    assert_eq!(warnings_to(&app, email).len(), 1);

    // The person logs in after the warning.
    let before = app.state.clock.now();
    let cookie = app.login(email, PASSWORD).await.session_cookie().unwrap();
    let overview = retention_of(&app, &cookie).await;
    // The clock runs on while the login is hashed: the login's second lies in between.
    let login = overview.last_activity_at.unix_timestamp();
    assert!((before..=app.state.clock.now()).contains(&login), "{before} ≤ {login}");
    assert_eq!(overview.warned_at, None, "the login took the warning back");
    assert_eq!(overview.account_deleted_at, add_years(to_datetime(login), 5));

    // Past the old deletion date: nothing happens.
    app.state.clock.advance_days(60);
    assert_eq!(run(&app.state, app.state.clock.now()).await.unwrap(), Report::default());
    assert!(account_exists(&app, email).await);
    assert_eq!(warnings_to(&app, email).len(), 1, "no second warning");

    // Five years after that login, the same again: a new warning, then the erasure.
    app.state.clock.advance_days(days_until(login, 5, app.state.clock.now()) - 29);
    assert_eq!(run(&app.state, app.state.clock.now()).await.unwrap().warned, 1);
    assert_eq!(warnings_to(&app, email).len(), 2);
    app.state.clock.advance_days(30);
    assert_eq!(run(&app.state, app.state.clock.now()).await.unwrap().erased, 1);
    assert!(!account_exists(&app, email).await);
    assert!(warnings_to(&app, email).is_empty(), "the erasure took the person's mail files too");
}

#[tokio::test]
async fn a_late_warning_still_gives_thirty_days() {
    let app = TestApp::new().await;
    let email = "laat@example.org";
    let cookie = app.registered(email).await;
    let start = retention_of(&app, &cookie).await.last_activity_at.unix_timestamp();
    // The job did not run for months: the five years are long up at its first run.
    app.state.clock.advance_days(days_until(start, 5, app.state.clock.now()) + 90);
    let now = app.state.clock.now();
    assert_eq!(run(&app.state, now).await.unwrap(), Report { warned: 1, erased: 0, failed: 0, ..Report::default() });
    let mails = warnings_to(&app, email);
    let (nl, _) = long_date(to_datetime(now + 30 * DAY).date());
    assert!(mails[0].contains(&nl), "the mail names a date thirty days on: {nl}");
    app.state.clock.advance_days(29);
    assert_eq!(run(&app.state, app.state.clock.now()).await.unwrap().erased, 0);
    app.state.clock.advance_days(2);
    assert_eq!(run(&app.state, app.state.clock.now()).await.unwrap().erased, 1);
}

#[tokio::test]
async fn a_dry_run_deletes_nothing_sends_nothing_and_logs_counts() {
    let logs = common::capture_logs();
    let app = TestApp::with(|c| c.retention_dry_run = true).await;
    app.registered("droog-een@example.org").await;
    app.registered("droog-twee@example.org").await;
    let cookie = app.registered("droog-drie@example.org").await;
    let start = retention_of(&app, &cookie).await.last_activity_at.unix_timestamp();
    // One of them was warned before the dry run was switched on.
    let id = zelfregie_domain::testing::accounts::id_by_email(app.state.db.pool(), "droog-een@example.org")
        .await
        .unwrap()
        .unwrap();
    assert!(zelfregie_domain::testing::retention::claim_warning(app.state.db.pool(), id, start + 10, start + 10)
        .await
        .unwrap());

    app.state.clock.advance_days(days_until(start, 5, app.state.clock.now()) + 40);
    let r = run(&app.state, app.state.clock.now()).await.unwrap();
    assert_eq!(
        r,
        Report { warned: 2, erased: 1, failed: 0, ..Report::default() },
        "counted: two to warn, one to erase"
    );
    let again = run(&app.state, app.state.clock.now()).await.unwrap();
    assert_eq!(again, r, "nothing was marked: the same counts again");
    for email in ["droog-een@example.org", "droog-twee@example.org", "droog-drie@example.org"] {
        assert!(account_exists(&app, email).await, "{email} kept");
        assert!(warnings_to(&app, email).is_empty(), "no mail to {email}");
    }
    let line = logs.text().lines().find(|l| l.contains("retention dry run")).map(str::to_owned).unwrap();
    assert!(line.contains("due_for_warning=2") && line.contains("due_for_erasure=1"), "{line}");
}

#[tokio::test]
async fn shorter_configured_periods_are_what_the_api_says_and_the_job_does() {
    let app = TestApp::with(|c| {
        c.retention_inactive_years = 2;
        c.retention_warning_days = 14;
    })
    .await;
    let email = "kort@example.org";
    let cookie = app.registered(email).await;
    let overview = retention_of(&app, &cookie).await;
    let start = overview.last_activity_at.unix_timestamp();
    assert_eq!(overview.account_deleted_at, add_years(overview.last_activity_at, 2));
    assert_eq!(serde_json::to_value(overview.of("account_security").unwrap().rule).unwrap()["years"], 2);
    let register = app.get("/api/register", None).await;
    assert_eq!(register.body[0]["retention_rule"], json!({"kind": "after_inactivity", "years": 2}));
    app.state.clock.advance_days(days_until(start, 2, app.state.clock.now()) - 15);
    assert_eq!(run(&app.state, app.state.clock.now()).await.unwrap().warned, 0);
    app.state.clock.advance_days(2);
    assert_eq!(run(&app.state, app.state.clock.now()).await.unwrap().warned, 1);
    app.state.clock.advance_days(14);
    assert_eq!(run(&app.state, app.state.clock.now()).await.unwrap().erased, 1);
}

#[tokio::test]
async fn deleting_just_the_profile_stops_references_and_keeps_the_rest() {
    let app = TestApp::new().await;
    let (cookie, id) = common::filled_person(&app).await;
    let beek = app.demo_cookie("recruiter@beek.example.org").await;
    let list = app.get("/api/recruiter/candidates?q=cnry", Some(&beek)).await;
    let reference = list.body["candidates"][0]["reference"].as_str().unwrap().to_owned();
    let path = format!("/api/recruiter/candidates/{reference}");
    assert_eq!(app.get(&path, Some(&beek)).await.status, StatusCode::OK);
    assert!(app.get("/api/me/disclosures", Some(&cookie)).await.body["total"].as_u64().unwrap() > 0);
    let academy_before = app.get("/api/me/academy", Some(&cookie)).await.body;
    let newsletter_before = app.get("/api/me/newsletter", Some(&cookie)).await.body;
    let transfers_before = app.get("/api/me/transfers", Some(&cookie)).await.body;

    // A wrong password changes nothing; a recruiter cannot delete anything here.
    let wrong = app
        .call(Method::DELETE, "/api/me/profile", Some(json!({"password": "niet het wachtwoord"})), Some(&cookie))
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(wrong.body["fields"][0], json!({"field": "password", "code": "wrong_password"}));
    assert_eq!(app.get(&path, Some(&beek)).await.status, StatusCode::OK, "nothing happened");
    let recruiter = app
        .call(
            Method::DELETE,
            "/api/me/profile",
            Some(json!({"password": zelfregie_domain::demo::DEMO_PASSWORD})),
            Some(&beek),
        )
        .await;
    assert_eq!(recruiter.status, StatusCode::FORBIDDEN);

    let r = app.call(Method::DELETE, "/api/me/profile", Some(json!({"password": PASSWORD})), Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{:?}", r.body);

    // At once: the reference stops working (Beek opened it, so it hears the profile was
    // withdrawn: docs/security.md "Corrections are passed on"), the search finds nobody, the
    // log is gone.
    let gone = app.get(&path, Some(&beek)).await;
    assert_eq!((gone.status, gone.code()), (StatusCode::GONE, "profile_withdrawn"));
    assert_eq!(app.get("/api/recruiter/candidates?q=cnry", Some(&beek)).await.body["total"], 0);
    let profile = app.get("/api/me/profile", Some(&cookie)).await;
    assert_eq!(profile.header("etag"), "\"profile-0\"", "no profile any more");
    assert_eq!(app.get("/api/me/visibility", Some(&cookie)).await.header("etag"), "\"visibility-0\"");
    // Recruiters' views of the profile go with it; staff's handling of the person's request
    // (not about the profile) stays in the log.
    let log = app.get("/api/me/disclosures", Some(&cookie)).await.body;
    let kinds: Vec<&str> = log["entries"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["privacy_request"], "{log:?}");
    // The profile's values are in no table; only the newsletter keeps the name it was given
    // for the mailing company (the newsletter stays). Nor are the others in the database's
    // files (the write-ahead log was checkpointed, deleted pages are overwritten).
    let (_, canaries) = zelfregie_model::testing::canary_profile(0x5a1f, 2, 2, 2, 2, Some("kerkrade".into()));
    let left = common::occurrences(&app, &["cnry5a1f"]).await;
    assert!(left.iter().all(|l| l.starts_with("processor_outbox.payload")), "{left:?}");
    let mut not_the_name = Vec::new();
    for c in &canaries {
        if common::occurrences(&app, &[&c.value]).await.is_empty() {
            not_the_name.push(c.value.as_str());
        }
    }
    assert!(not_the_name.len() >= 8, "{not_the_name:?}");
    if !common::on_postgres() {
        let files = common::files_containing(&app.data_dir(), &not_the_name);
        assert!(!files.iter().any(|f| f.starts_with("zelfregie.sqlite3")), "not in the database files: {files:?}");
    }

    // The rest stays: the session, the academy, the newsletter, the transfers.
    assert_eq!(app.get("/api/session", Some(&cookie)).await.status, StatusCode::OK);
    assert_eq!(app.get("/api/me/academy", Some(&cookie)).await.body, academy_before);
    assert_eq!(app.get("/api/me/newsletter", Some(&cookie)).await.body, newsletter_before);
    assert_eq!(app.get("/api/me/transfers", Some(&cookie)).await.body, transfers_before);
    assert!(app.get("/api/me/export", Some(&cookie)).await.status.is_success());

    // A new profile is a new candidate: the old reference never opens it. (Saved as the
    // profile endpoint saves, without its input checks: canary values are no real postcodes.)
    let (profile, _) = zelfregie_model::testing::canary_profile(0x77, 1, 1, 1, 1, Some("kerkrade".into()));
    let vis = zelfregie_model::Visibility {
        listed: true,
        audience: zelfregie_model::Audience::AllPartners,
        ..zelfregie_model::Visibility::default()
    };
    zelfregie_domain::documents::Document::Profile.save(&app.state.db, id, 0, &profile).await.unwrap();
    zelfregie_domain::documents::Document::Visibility.save(&app.state.db, id, 0, &vis).await.unwrap();
    let list = app.get("/api/recruiter/candidates?q=cnry77", Some(&beek)).await;
    assert_eq!(list.body["total"], 1, "{:?}", list.body);
    assert_ne!(list.body["candidates"][0]["reference"], reference.as_str(), "a new reference");
    assert_eq!(app.get(&path, Some(&beek)).await.status, StatusCode::GONE, "the old one stays dead (withdrawn)");
}

#[tokio::test]
async fn a_warning_that_cannot_be_sent_is_tried_again_and_nothing_is_erased_unwarned() {
    let app = TestApp::new().await;
    let email = "onbereikbaar@example.org";
    let cookie = app.registered(email).await;
    let start = retention_of(&app, &cookie).await.last_activity_at.unix_timestamp();
    // The mail server is down: here, the mail folder cannot be written.
    let mail = app.data_dir().join("mail");
    let _ = std::fs::remove_dir_all(&mail);
    std::fs::create_dir_all(app.data_dir()).unwrap();
    std::fs::write(&mail, b"not a folder").unwrap();
    app.state.clock.advance_days(days_until(start, 5, app.state.clock.now()) + 10);
    let r = run(&app.state, app.state.clock.now()).await.unwrap();
    assert_eq!(r, Report { warned: 0, erased: 0, failed: 1, ..Report::default() });
    assert_eq!(retention_of(&app, &cookie).await.warned_at, None, "the claim was released");
    // Months later, still unsent: nobody is erased without the warning.
    app.state.clock.advance_days(90);
    assert_eq!(run(&app.state, app.state.clock.now()).await.unwrap().erased, 0);
    assert!(account_exists(&app, email).await);
    // The mail server is back: the warning goes, and the erasure comes thirty days later.
    std::fs::remove_file(&mail).unwrap();
    let now = app.state.clock.now();
    assert_eq!(run(&app.state, now).await.unwrap().warned, 1);
    assert_eq!(warnings_to(&app, email).len(), 1);
    advance_to(&app, now + 30 * DAY - 60);
    assert_eq!(run(&app.state, app.state.clock.now()).await.unwrap().erased, 0);
    advance_to(&app, now + 30 * DAY);
    assert_eq!(run(&app.state, app.state.clock.now()).await.unwrap().erased, 1);
}
