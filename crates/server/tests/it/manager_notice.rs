//! The manager a participant names is told (issue 13): what was recorded, by whom, why and
//! where to ask; once per change of manager, never for repeated saves of the same value;
//! a mail scanner fetching the mail's links changes nothing.

use crate::common;

use axum::http::{Method, StatusCode};
use common::TestApp;
use serde_json::{json, Value};

const PARTICIPANT: &str = "/api/me/participant";

fn participant(job: &str, manager: (&str, &str)) -> Value {
    json!({"first_name": "Sanne", "tussenvoegsel": "van", "last_name": "Dijk", "job_title": job, "employer": "stein",
           "function_level": "employee", "manager_name": manager.0, "manager_email": manager.1})
}

/// Saves `body` over the current version; the new ETag.
async fn save(app: &TestApp, cookie: &str, body: &Value, etag: &str) -> String {
    let r = app.put_versioned(PARTICIPANT, body, cookie, etag).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    r.header("etag").to_owned()
}

/// Every `http…` address in `mail`.
fn links(mail: &str) -> Vec<String> {
    mail.split_whitespace()
        .filter(|w| w.starts_with("http"))
        .map(|w| w.trim_end_matches(['.', ',', ')']).to_owned())
        .collect()
}

#[tokio::test]
async fn the_named_manager_is_told_once_per_change_of_manager() {
    let app = TestApp::new().await;
    let cookie = app.registered("sanne@example.org").await;
    let mia = ("Mia Leiding", "mia@stein.example.org");
    let mut etag = "\"participant-0\"".to_owned();
    for i in 0..5 {
        etag = save(&app, &cookie, &participant("Adviseur", mia), &etag).await;
        assert_eq!(app.mails_to(mia.1).len(), 1, "save {}: one mail for one manager", i + 1);
    }
    // Another spelling of the same address is the same manager.
    etag = save(&app, &cookie, &participant("Adviseur", ("Mia Leiding", "MIA@stein.example.org")), &etag).await;
    assert_eq!(app.mails_to(mia.1).len(), 1);

    let mail = &app.mails_to(mia.1)[0];
    for expected in [
        "Subject: Je bent opgegeven als leidinggevende bij de IGOM-Academie (automatisch bericht)",
        "Dit is een automatisch bericht van het zelfregieportaal van IGOM",
        "Wat is vastgelegd",
        "naam van de cursist: \"Sanne van Dijk\"",
        "functie: \"Adviseur\"",
        "werkgever: Gemeente Stein",
        "\"Mia Leiding\"",
        "Door wie: de cursist zelf",
        "Waarom:",
        app.state.privacy_email.as_str(),
        "Autoriteit Persoonsgegevens",
    ] {
        assert!(mail.contains(expected), "{expected:?} missing in {mail}");
    }
    assert!(!mail.contains("token="), "nothing in it acts");

    // A mail scanner opens every link, with GET and HEAD: nothing changes.
    let page_before = app.get("/api/me/academy", Some(&cookie)).await.body;
    let addresses = links(mail);
    assert!(!addresses.is_empty());
    for url in &addresses {
        let path = url.strip_prefix(&app.state.public_url).unwrap_or(url);
        app.get(path, None).await;
        app.call(Method::HEAD, path, None, None).await;
    }
    assert_eq!(app.mails_to(mia.1).len(), 1);
    assert_eq!(app.get("/api/me/academy", Some(&cookie)).await.body, page_before);
    assert_eq!(page_before["manager_notice"]["manager_email"], mia.1);

    // A new manager: one mail to them; the old one gets nothing more; other changes mail nobody.
    let bob = ("Bob Baas", "bob@stein.example.org");
    etag = save(&app, &cookie, &participant("Adviseur", bob), &etag).await;
    etag = save(&app, &cookie, &participant("Senior adviseur", bob), &etag).await;
    save(&app, &cookie, &participant("Senior adviseur", bob), &etag).await;
    assert_eq!(app.mails_to(bob.1).len(), 1);
    assert_eq!(app.mails_to(mia.1).len(), 1);
    let export = app.get("/api/me/export", Some(&cookie)).await;
    assert_eq!(export.body["academy"]["manager_notice"]["manager_email"], bob.1, "the notice is in the export");
    assert_eq!(export.body["academy"]["manager_notice"]["manager_name"], bob.0);

    // Stopping forgets the manager; registering again with them tells them again.
    let r = app.call(Method::DELETE, PARTICIPANT, None, Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.get("manager_notice").is_none());
    save(&app, &cookie, &participant("Adviseur", bob), "\"participant-0\"").await;
    assert_eq!(app.mails_to(bob.1).len(), 2);
}

#[tokio::test]
async fn no_manager_no_mail_and_the_last_one_is_forgotten() {
    let app = TestApp::new().await;
    let cookie = app.registered("leider@example.org").await;
    let mia = ("Mia Leiding", "mia@stein.example.org");
    let etag = save(&app, &cookie, &participant("Adviseur", mia), "\"participant-0\"").await;
    // Promoted to management: the manager is dropped (minimisation) and forgotten.
    let mut manager = participant("Teamleider", mia);
    manager["function_level"] = json!("manager");
    let etag = save(&app, &cookie, &manager, &etag).await;
    assert!(app.get("/api/me/academy", Some(&cookie)).await.body.get("manager_notice").is_none());
    assert_eq!(app.mails_to(mia.1).len(), 1);
    // Back below management with Mia: told again, as her details are recorded anew.
    save(&app, &cookie, &participant("Adviseur", mia), &etag).await;
    assert_eq!(app.mails_to(mia.1).len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_saving_the_same_new_manager_at_once_mail_once() {
    let app = TestApp::new().await;
    let cookie = app.registered("tegelijk@example.org").await;
    let other = app.second_instance().await;
    let bob = ("Bob Baas", "bob@stein.example.org");
    let etag =
        save(&app, &cookie, &participant("Adviseur", ("Mia Leiding", "mia@stein.example.org")), "\"participant-0\"")
            .await;
    let body = participant("Adviseur", bob);
    // Both send the same change over the same version: one saves, the other gets 412; then
    // the loser saves the same value again on top.
    let (a, b) = tokio::join!(
        app.put_versioned(PARTICIPANT, &body, &cookie, &etag),
        other.put_versioned(PARTICIPANT, &body, &cookie, &etag)
    );
    let statuses = [a.status, b.status];
    assert!(statuses.contains(&StatusCode::OK), "{statuses:?}");
    let now = app.get(PARTICIPANT, Some(&cookie)).await.header("etag").to_owned();
    save(&other, &cookie, &body, &now).await;
    assert_eq!(app.mails_to(bob.1).len(), 1);
}

/// Issue 24: the portal must not be a mail relay. A participant who saves twelve new manager
/// addresses in a row gets five notices sent in a day; the sixth save is refused (429,
/// nothing saved, nobody mailed). The subject holds none of the typed text, and typed text
/// in the body stands quoted after the portal's own words.
#[tokio::test]
async fn a_participant_cannot_mail_anyone_anything() {
    let app = TestApp::new().await;
    let cookie = app.registered("relay@example.org").await;
    let spam = "Uw IGOM-account is geblokkeerd bel 0900-1234";
    let mut etag = "\"participant-0\"".to_owned();
    let mut refused = 0;
    for i in 0..12 {
        let to = format!("doel{i}@example.org");
        let body = participant(spam, (spam, &to));
        let r = app.put_versioned(PARTICIPANT, &body, &cookie, &etag).await;
        if i < zelfregie_domain::academy::MANAGER_NOTICES.max as usize {
            assert_eq!(r.status, StatusCode::OK, "save {i}: {:?}", r.body);
            etag = r.header("etag").to_owned();
            assert_eq!(app.mails_to(&to).len(), 1, "save {i}");
        } else {
            assert_eq!((r.status, r.code()), (StatusCode::TOO_MANY_REQUESTS, "too_many_attempts"), "save {i}");
            assert!(r.header("retry-after").parse::<i64>().unwrap() > 0);
            assert_eq!(app.mails_to(&to).len(), 0, "save {i}: nobody mailed");
            refused += 1;
        }
    }
    assert_eq!(refused, 7);
    // Nothing of a refused save was kept: the last saved manager is the fifth.
    let page = app.get("/api/me/academy", Some(&cookie)).await.body;
    assert_eq!(page["participant"]["manager_email"], "doel4@example.org");
    // Saving the same manager again still works (it mails nobody and counts nothing).
    let same = participant("Adviseur", (spam, "doel4@example.org"));
    let r = app.put_versioned(PARTICIPANT, &same, &cookie, &etag).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    // The mail: the subject is the portal's own; the typed words are quoted, never bare.
    let mail = &app.mails_to("doel0@example.org")[0];
    let subject = mail.lines().find(|l| l.starts_with("Subject:")).unwrap();
    assert!(!subject.contains("0900") && !subject.contains("geblokkeerd"), "{subject}");
    assert!(mail.contains("Dit is een automatisch bericht van het zelfregieportaal van IGOM"));
    assert!(mail.contains("nooit om te bellen, te betalen of een wachtwoord te geven"));
    for line in mail.lines().filter(|l| l.contains("0900")) {
        assert!(line.contains(&format!("\"{spam}\"")), "typed text outside quotes: {line}");
    }
}
