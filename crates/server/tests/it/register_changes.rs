//! Register changes are told (docs/security.md "Register changes are told"): a person sees
//! what changed in the processing register since they were last told, once; a new account
//! sees nothing; an added purpose or recipient is mailed once per person, also with two
//! instances running the job.

use crate::common;

use axum::http::{Method, StatusCode};
use common::TestApp;
use serde_json::{json, Value};
use zelfregie_domain::register_changes::{run, MailReport};
use zelfregie_model::register::{self, RegisterChange};

const CHANGES: &str = "/api/me/register-changes";
const SUBJECT: &str = "Er is iets veranderd in hoe IGOM je gegevens gebruikt";

/// The change that named Solvus B.V. and Liram with Mad Mimi: it added recipients.
fn solvus() -> &'static RegisterChange {
    register::changes().iter().find(|c| c.summary.nl.contains("Solvus B.V.")).expect("the change naming Solvus")
}

/// Makes the account of `email` one made under `version` of the register (as if it was made
/// before the later changes).
async fn made_under(app: &TestApp, email: &str, version: Option<u32>) {
    sqlx::query("UPDATE accounts SET register_baseline = $1 WHERE email = $2")
        .bind(version.map(i64::from))
        .bind(email)
        .execute(app.state.db.pool())
        .await
        .unwrap();
}

async fn notice(app: &TestApp, cookie: &str) -> Value {
    let r = app.get(CHANGES, Some(cookie)).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    r.body
}

fn versions(notice: &Value) -> Vec<u64> {
    notice["changes"].as_array().unwrap().iter().map(|c| c["version"].as_u64().unwrap()).collect()
}

async fn mark_seen(app: &TestApp, cookie: &str, notice: &Value) -> StatusCode {
    let body = json!({
        "register_version": notice["register_version"],
        "newsletter_text_version": notice["newsletter_text_version"],
        "listing_text_version": notice["listing_text_version"],
    });
    app.call(Method::POST, &format!("{CHANGES}/seen"), Some(body), Some(cookie)).await.status
}

fn register_mails(app: &TestApp, email: &str) -> Vec<String> {
    app.mails().into_iter().filter(|m| m.to == email && m.subject == SUBJECT).map(|m| m.text).collect()
}

#[tokio::test]
async fn a_new_account_has_nothing_to_be_told() {
    let app = TestApp::new().await;
    let cookie = app.registered("nieuw-register@example.org").await;
    let n = notice(&app, &cookie).await;
    assert_eq!(n["register_version"], register::version());
    assert_eq!(versions(&n), Vec::<u64>::new(), "{n}");
    assert_eq!(n["consents"], json!([]));
    assert_eq!(run(&app.state, app.state.clock.now()).await.unwrap(), MailReport::default());
    assert!(register_mails(&app, "nieuw-register@example.org").is_empty());
    assert_eq!(app.get(CHANGES, None).await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_person_sees_the_changes_once_until_marked_seen_on_every_instance() {
    let a = TestApp::new().await;
    let b = a.second_instance().await;
    let email = "eerder@example.org";
    let cookie = a.registered(email).await;
    let before = solvus().version - 1;
    made_under(&a, email, Some(before)).await;

    let n = notice(&a, &cookie).await;
    let expected: Vec<u64> = (before + 1..=register::version()).map(u64::from).collect();
    assert_eq!(versions(&n), expected, "every change since, oldest first");
    let first = &n["changes"][0];
    assert!(first["summary"]["nl"].as_str().unwrap().contains("Solvus B.V."), "{first}");
    assert!(first["summary"]["en"].as_str().unwrap().contains("Liram"), "{first}");
    assert_eq!(first["adds_purpose_or_recipient"], true);
    assert_eq!(versions(&notice(&b, &cookie).await), expected, "the other instance tells the same");
    assert_eq!(versions(&notice(&a, &cookie).await), expected, "told until marked seen");

    assert_eq!(mark_seen(&b, &cookie, &n).await, StatusCode::NO_CONTENT);
    for app in [&a, &b] {
        assert_eq!(versions(&notice(app, &cookie).await), Vec::<u64>::new(), "not told again");
    }
    // A page shown before, acknowledged late, marks nothing back.
    let mut old = n.clone();
    old["register_version"] = json!(before);
    assert_eq!(mark_seen(&a, &cookie, &old).await, StatusCode::NO_CONTENT);
    assert_eq!(versions(&notice(&a, &cookie).await), Vec::<u64>::new());
    // Seen on the site first: no mail about it.
    assert_eq!(run(&a.state, a.state.clock.now()).await.unwrap(), MailReport::default());
    assert!(register_mails(&a, email).is_empty());
}

#[tokio::test]
async fn an_account_made_before_versions_were_kept_is_told_from_the_day_it_was_made() {
    let app = TestApp::new().await;
    let email = "oud-account@example.org";
    let cookie = app.registered(email).await;
    // Made on the day before the change that named Solvus, before this migration.
    let day = time::Date::parse(&solvus().date, time::macros::format_description!("[year]-[month]-[day]")).unwrap();
    let made = day.previous_day().unwrap().with_hms(12, 0, 0).unwrap().assume_utc().unix_timestamp();
    sqlx::query("UPDATE accounts SET register_baseline = NULL, created_at = $1 WHERE email = $2")
        .bind(made)
        .bind(email)
        .execute(app.state.db.pool())
        .await
        .unwrap();
    let told = register::version_on(&day.previous_day().unwrap().to_string());
    assert!(told < solvus().version);
    let expected: Vec<u64> = (told + 1..=register::version()).map(u64::from).collect();
    assert_eq!(versions(&notice(&app, &cookie).await), expected);
    // The job keeps that version with the account, and mails the added recipient once.
    assert_eq!(run(&app.state, app.state.clock.now()).await.unwrap(), MailReport { mailed: 1, failed: 0 });
    let kept: Option<i64> = sqlx::query_scalar("SELECT register_baseline FROM accounts WHERE email = $1")
        .bind(email)
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(kept, Some(i64::from(told)));
    assert_eq!(versions(&notice(&app, &cookie).await), expected, "the mail does not replace the notice");
}

#[tokio::test]
async fn an_added_recipient_is_mailed_once_per_person_with_two_instances() {
    let a = TestApp::new().await;
    let b = a.second_instance().await;
    let before = solvus().version - 1;
    let people = ["mail-een@example.org", "mail-twee@example.org", "mail-drie@example.org"];
    let mut cookies = Vec::new();
    for email in people {
        cookies.push(a.registered(email).await);
        made_under(&a, email, Some(before)).await;
    }
    // Someone who saw it on the site first, and a new account: no mail.
    let seen = "al-gezien@example.org";
    let seen_cookie = a.registered(seen).await;
    made_under(&a, seen, Some(before)).await;
    let n = notice(&a, &seen_cookie).await;
    assert_eq!(mark_seen(&a, &seen_cookie, &n).await, StatusCode::NO_CONTENT);
    let new = "nieuw-mail@example.org";
    a.registered(new).await;

    let run_both = || async {
        let (ra, rb) = tokio::join!(run(&a.state, a.state.clock.now()), run(&b.state, b.state.clock.now()));
        let (ra, rb) = (ra.unwrap(), rb.unwrap());
        (ra.mailed + rb.mailed, ra.failed + rb.failed)
    };
    assert_eq!(run_both().await, (3, 0), "one mail per person from two instances");
    assert_eq!(run_both().await, (0, 0), "not again");
    for email in people {
        let mails = register_mails(&a, email);
        assert_eq!(mails.len(), 1, "{email}");
        assert!(mails[0].contains("Solvus B.V.") && mails[0].contains("Liram"), "{}", mails[0]);
        assert!(mails[0].contains("/privacyverklaring"), "{}", mails[0]);
        assert_eq!(register::untrue_in(&mails[0]), None);
    }
    assert!(register_mails(&a, seen).is_empty(), "seen on the site first");
    assert!(register_mails(&a, new).is_empty(), "a new account");
    // Still told on the site, once.
    let n = notice(&b, &cookies[0]).await;
    assert!(versions(&n).contains(&u64::from(solvus().version)));
    assert_eq!(mark_seen(&b, &cookies[0], &n).await, StatusCode::NO_CONTENT);
    assert!(versions(&notice(&a, &cookies[0]).await).is_empty());
}

#[tokio::test]
async fn a_register_mail_that_cannot_be_sent_is_tried_again() {
    let app = TestApp::new().await;
    let email = "later-bereikbaar@example.org";
    app.registered(email).await;
    made_under(&app, email, Some(solvus().version - 1)).await;
    // The mail server is down: here, the mail folder cannot be written.
    let mail = app.data_dir().join("mail");
    let _ = std::fs::remove_dir_all(&mail);
    std::fs::write(&mail, b"not a folder").unwrap();
    assert_eq!(run(&app.state, app.state.clock.now()).await.unwrap(), MailReport { mailed: 0, failed: 1 });
    std::fs::remove_file(&mail).unwrap();
    assert_eq!(run(&app.state, app.state.clock.now()).await.unwrap(), MailReport { mailed: 1, failed: 0 });
    assert_eq!(run(&app.state, app.state.clock.now()).await.unwrap(), MailReport::default());
    assert_eq!(register_mails(&app, email).len(), 1);
}
