//! Mail (issue 24, items 18 and 5): every kind of mail the server sends is well-formed MIME
//! by strict rules, read back to what the code meant to send; and the demo's mail folder
//! keeps nothing of an erased person, to any address they had, even after a crash between
//! the erasure and the deletion of the files (docs/storage.md "The demo's mail folder").

use crate::common::{self, SentMail, TestApp, PASSWORD};

use axum::http::{Method, StatusCode};
use serde_json::json;
use zelfregie_domain::mail::{About, Mail};

/// The strict rules of RFC 5322 / 2045–2047 that a mail program may rely on. Returns the
/// header fields (name, unfolded value) for further checks.
fn assert_strict(mail: &SentMail) -> Vec<(String, String)> {
    let name = mail.file.display().to_string();
    let raw = &mail.raw;
    assert!(raw.ends_with(b"\r\n"), "{name}: the last line ends in CRLF");
    let lines: Vec<&[u8]> = raw[..raw.len() - 2].split(|&b| b == b'\n').collect();
    for (i, line) in lines.iter().enumerate() {
        let last = i == lines.len() - 1;
        let text = if last { *line } else { line.strip_suffix(b"\r").unwrap_or_else(|| panic!("{name}: bare LF")) };
        assert!(!text.contains(&b'\r'), "{name}: bare CR in line {i}");
        assert!(text.len() <= 998, "{name}: line {i} is {} octets", text.len());
    }
    let text = String::from_utf8(raw.clone()).unwrap_or_else(|_| panic!("{name}: not UTF-8"));
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or_else(|| panic!("{name}: no blank line"));
    assert!(head.is_ascii(), "{name}: headers are ASCII only");
    let mut fields: Vec<(String, String)> = Vec::new();
    for line in head.split("\r\n") {
        if line.starts_with([' ', '\t']) {
            let last = fields.last_mut().unwrap_or_else(|| panic!("{name}: continuation first"));
            last.1.push(' ');
            last.1.push_str(line.trim());
        } else {
            let (field, value) = line.split_once(':').unwrap_or_else(|| panic!("{name}: not a field: {line}"));
            assert!(
                !field.is_empty() && field.bytes().all(|b| (33..=126).contains(&b) && b != b':'),
                "{name}: field name {field:?}"
            );
            fields.push((field.to_owned(), value.trim().to_owned()));
        }
    }
    let one = |wanted: &str| -> String {
        let found: Vec<&String> =
            fields.iter().filter(|(f, _)| f.eq_ignore_ascii_case(wanted)).map(|(_, v)| v).collect();
        assert_eq!(found.len(), 1, "{name}: one {wanted} header, got {found:?}");
        found[0].clone()
    };
    one("From");
    assert_eq!(one("To"), mail.to, "{name}: To is the bare address");
    time::OffsetDateTime::parse(&one("Date"), &time::format_description::well_known::Rfc2822)
        .unwrap_or_else(|e| panic!("{name}: Date: {e}"));
    let id = one("Message-ID");
    assert!(id.starts_with('<') && id.ends_with('>') && id.matches('@').count() == 1, "{name}: Message-ID {id}");
    assert_eq!(one("MIME-Version"), "1.0", "{name}");
    assert_eq!(one("Content-Type").to_ascii_lowercase().replace(' ', ""), "text/plain;charset=utf-8", "{name}");
    let subject = one("Subject");
    if !mail.subject.is_ascii() {
        assert!(subject.contains("=?utf-8?"), "{name}: a non-ASCII subject is RFC 2047 encoded: {subject}");
    }
    let encoding = fields.iter().find(|(f, _)| f.eq_ignore_ascii_case("Content-Transfer-Encoding"));
    match encoding.map(|(_, v)| v.to_ascii_lowercase()) {
        Some(e) if e == "quoted-printable" || e == "base64" => {}
        Some(e) if e == "7bit" => assert!(body.is_ascii(), "{name}: 7bit body"),
        Some(e) => panic!("{name}: unknown transfer encoding {e}"),
        None => assert!(body.is_ascii(), "{name}: an 8-bit body needs Content-Transfer-Encoding"),
    }
    assert!(body.is_ascii(), "{name}: the body is encoded to ASCII");
    fields
}

/// Forgets the rate-limit counters, so one test can ask for several mails to an address.
async fn forget_limits(app: &TestApp) {
    sqlx::query("DELETE FROM throttle").execute(app.state.db.pool()).await.unwrap();
}

async fn wait_for_subject(app: &TestApp, to: &str, subject: &str) -> SentMail {
    for _ in 0..500 {
        if let Some(m) = app.mails().into_iter().find(|m| m.to == to && m.subject == subject) {
            return m;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("no mail {subject:?} to {to}");
}

/// Every kind of mail, sent through the real router where a person or staff member causes
/// it (the builder functions directly for the rest), passes the strict rules; subject and
/// body read back to what the code meant to send, "ë", "€" and a link of 1200 characters
/// included.
#[tokio::test]
async fn every_mail_kind_is_well_formed_mime() {
    let app = TestApp::demo().await;
    // Registration link, manager notice, newsletter confirmation, e-mail change link and the
    // notice to the current address, news about a request (extended, answered).
    let (cookie, id) = common::filled_person(&app).await;
    let person = "canary-account-5a1f@example.org";
    wait_for_subject(&app, person, "Je e-mailadres veranderen").await;
    // Registration for a taken address.
    forget_limits(&app).await;
    assert_eq!(app.register(person).await.status, StatusCode::ACCEPTED);
    wait_for_subject(&app, person, "Iemand wilde een account maken met je e-mailadres").await;
    // A change to an address that has an account.
    app.registered("bezet@example.org").await;
    forget_limits(&app).await;
    let r = app
        .call(
            Method::POST,
            "/api/me/email",
            Some(json!({"new_email": "bezet@example.org", "password": PASSWORD})),
            Some(&cookie),
        )
        .await;
    assert_eq!(r.status, StatusCode::ACCEPTED, "{:?}", r.body);
    wait_for_subject(&app, "bezet@example.org", "Dit e-mailadres heeft al een account").await;
    // Password reset link, then the notice that it changed.
    let other = "wachtwoord@example.org";
    app.registered(other).await;
    assert_eq!(
        app.call(Method::POST, "/api/password-reset", Some(json!({"email": other})), None).await.status,
        StatusCode::ACCEPTED
    );
    let reset = wait_for_subject(&app, other, "Nieuw wachtwoord kiezen").await;
    let token = reset.body.split("wachtwoord-herstellen?token=").nth(1).unwrap().split_whitespace().next().unwrap();
    let r = app
        .call(
            Method::POST,
            "/api/password-reset/confirm",
            Some(json!({"token": token, "new_password": "groene giraf zwemt traag"})),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{:?}", r.body);
    wait_for_subject(&app, other, "Je wachtwoord is veranderd").await;
    // Two-step verification on, then off.
    let second = "tweestaps@example.org";
    let cookie2 = app.registered(second).await;
    let start =
        app.call(Method::POST, "/api/me/second-factor", Some(json!({"password": PASSWORD})), Some(&cookie2)).await;
    let secret =
        base32::decode(base32::Alphabet::Rfc4648 { padding: false }, start.body["secret"].as_str().unwrap()).unwrap();
    let code = common::totp_code(&secret, zelfregie_domain::testing::now());
    let on = app.call(Method::PUT, "/api/me/second-factor", Some(json!({"code": code})), Some(&cookie2)).await;
    assert_eq!(on.status, StatusCode::OK, "{:?}", on.body);
    let code = app.next_code(second, &secret).await;
    let off = app
        .call(
            Method::DELETE,
            "/api/me/second-factor",
            Some(json!({"password": PASSWORD, "code": code})),
            Some(&cookie2),
        )
        .await;
    assert_eq!(off.status, StatusCode::NO_CONTENT, "{:?}", off.body);
    // A breach notice, its text with "€" and "ë".
    let staff = app.demo_cookie("privacy@example.org").await;
    let part = |nl: &str, en: &str| json!({"nl": nl, "en": en});
    let text = json!({
        "nature": part("Een lijst met IBAN's en bedragen in € is gedeeld; ook van Zoë.", "A list of IBANs and amounts in € was shared."),
        "consequences": part("Je kunt ongewenste mail krijgen.", "You may get unwanted mail."),
        "measures": part("We hebben het bestand laten verwijderen.", "We had the file deleted."),
        "advice": part("Klik niet op links in onverwachte mail.", "Do not click links in unexpected mail."),
        "contact": part("Privacyteam IGOM, privacy@example.org", "IGOM privacy team, privacy@example.org"),
    });
    let r = app
        .call(
            Method::POST,
            "/api/privacy/breaches",
            Some(json!({"text": text, "audience": {"kind": "addresses", "addresses": [other]}})),
            Some(&staff),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let breach = r.body["id"].as_str().unwrap().to_owned();
    let r = app.call(Method::POST, &format!("/api/privacy/breaches/{breach}/send"), None, Some(&staff)).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    for _ in 0..100 {
        zelfregie_domain::breach::deliver_due(&app.state).await.unwrap();
    }
    let notice_text: zelfregie_model::breach::NoticeText = serde_json::from_value(text).unwrap();
    let (subject, body) = zelfregie_model::breach::mail(&notice_text, &format!("{}/datalek", app.state.public_url));
    let notice = wait_for_subject(&app, other, &subject).await;
    assert!(notice.body.contains("bedragen in € is gedeeld; ook van Zoë"), "{}", notice.body);
    assert_eq!(notice.body.trim_end(), body.trim_end(), "the notice reads back as meant");
    // The builder functions of the rest: the request closed, a manager with a name in
    // another script.
    let closed =
        app.state.letterhead().request_news(person, id, zelfregie_domain::privacy_requests::Action::Close, None);
    app.state.mailer.send(closed).await.unwrap();
    let participant: zelfregie_model::academy::Participant = serde_json::from_value(json!({
        "first_name": "Zoë", "last_name": "Ëlberg", "employer": "beek", "job_title": "Adviseur € en ß",
        "manager_name": "Jörg Müller", "manager_email": "leiding-zoe@example.org"
    }))
    .unwrap_or_else(|e| panic!("a participant: {e}"));
    let manager = app.state.letterhead().manager_named(id, &participant);
    app.state.mailer.send(manager.clone()).await.unwrap();
    // A register change that added a recipient, with every change of the register in it.
    let changes = zelfregie_model::register::changes_since(0);
    app.state.mailer.send(app.state.letterhead().register_changed(person, id, changes)).await.unwrap();
    // And what no flow makes: a subject and body with every hard case.
    let long_link = format!("{}/registreren/bevestigen?token={}", app.state.public_url, "Ab9_-".repeat(240));
    let hard = Mail {
        to: person.into(),
        subject: "Één € voor Zoë — een onderwerp dat veel langer is dan achtenzeventig tekens, met ë en € erin".into(),
        body: format!(
            "Hé Zoë,\n\nje betaalt € 5,–.\n\n{long_link}\n\nRegel=met=isgelijktekens en een spatie aan het eind \n"
        ),
        headers: vec![(
            "List-Unsubscribe".into(),
            format!("<{}/api/newsletter/unsubscribe?token=x=y>", app.state.public_url),
        )],
        about: About::Account(id),
    };
    app.state.mailer.send(hard.clone()).await.unwrap();

    // The retention warning, on a server of its own (its clock moves years ahead).
    let later = TestApp::new().await;
    later.registered("stil@example.org").await;
    later.state.clock.advance_days(5 * 366 - 20);
    let report = zelfregie_domain::retention::run(&later.state, later.state.clock.now()).await.unwrap();
    assert_eq!(report.warned, 1, "{report:?}");

    let mut mails = app.mails();
    mails.extend(later.mails());
    let mut subjects = std::collections::BTreeSet::new();
    for mail in &mails {
        let fields = assert_strict(mail);
        assert!(!mail.subject.is_empty() && !mail.body.is_empty(), "{}", mail.file.display());
        if let Some((_, v)) = fields.iter().find(|(f, _)| f == "List-Unsubscribe") {
            assert!(v.starts_with('<') && v.ends_with('>'), "{v}");
        }
        subjects.insert(mail.subject.clone());
        // The words of every mail against the register: no organisation it does not list,
        // no other controller, no article numbers (the hand-made hard case aside).
        if mail.subject != hard.subject {
            let words = format!("{}\n{}", mail.subject, mail.body);
            assert_eq!(zelfregie_model::register::untrue_in(&words), None, "{}: {}", mail.subject, mail.body);
        }
    }
    for kind in [
        "Maak je account af",
        "Iemand wilde een account maken met je e-mailadres",
        "Nieuw wachtwoord kiezen",
        "Je wachtwoord is veranderd",
        "Bevestig je nieuwe e-mailadres",
        "Je e-mailadres veranderen",
        "Dit e-mailadres heeft al een account",
        "Je bent opgegeven als leidinggevende bij de IGOM-Academie (automatisch bericht)",
        "Bevestig je aanmelding voor de nieuwsflits",
        "We hebben meer tijd nodig voor je verzoek",
        "Er is een antwoord op je verzoek",
        "Je verzoek is afgesloten",
        "Tweestapsverificatie staat aan",
        "Tweestapsverificatie staat uit",
        "Belangrijk: er is iets misgegaan met je gegevens / Important: a problem with your data",
        "Je account wordt verwijderd als je niet inlogt",
        "Er is iets veranderd in hoe IGOM je gegevens gebruikt",
    ] {
        assert!(subjects.contains(kind), "a mail {kind:?} among {subjects:?}");
    }
    // Read back: exactly what was meant, line ends aside.
    let find = |m: &Mail| mails.iter().find(|s| s.subject == m.subject && s.to == m.to).unwrap();
    for meant in [&hard, &manager] {
        let got = find(meant);
        assert_eq!(got.subject, meant.subject);
        assert_eq!(got.body.trim_end_matches('\n'), meant.body.trim_end_matches('\n'));
    }
    let got = find(&hard);
    let header = String::from_utf8_lossy(&got.raw).into_owned();
    assert!(header.contains(&format!(
        "\r\nList-Unsubscribe: <{}/api/newsletter/unsubscribe?token=x=y>\r\n",
        app.state.public_url
    )));
    assert!(got.body.contains(&long_link), "the long link is whole");
    // An answer names where to turn when the person disagrees: the data protection officer
    // (the test server has one) and the authority; a closing without an officer, the authority.
    let answered = mails.iter().find(|m| m.subject == "Er is een antwoord op je verzoek").unwrap();
    assert!(answered.body.contains("functionaris gegevensbescherming (fg@example.org)"), "{}", answered.body);
    let closed = mails.iter().find(|m| m.subject == "Je verzoek is afgesloten").unwrap();
    assert!(
        closed.body.contains("Autoriteit Persoonsgegevens") && !closed.body.contains("functionaris"),
        "{}",
        closed.body
    );
    let extended = mails.iter().find(|m| m.subject == "We hebben meer tijd nodig voor je verzoek").unwrap();
    assert!(!extended.body.contains("niet mee eens"), "{}", extended.body);
    let registration = mails.iter().find(|m| m.subject == "Maak je account af").unwrap();
    assert!(registration.body.contains("werkt 24 uur en één keer"), "{}", registration.body);
    assert!(!app.link_tokens(person, "/registreren/bevestigen").is_empty(), "links read from decoded mail");
    // The portal's domain (`--public-url`), here none: the sender's.
    assert!(app.config.public_url.is_none() && app.config.mail_from.ends_with("@igom.nl>"));
    assert!(header.contains("@igom.nl>\r\n"), "the Message-ID is in the sender's domain");
    println!("{} mails of {} kinds checked", mails.len(), subjects.len());
}

/// Issue 24 item 5: a person who changed their address and then erased the account leaves
/// no mail file to either address: not the registration link, the change link, or the
/// notices to the old address.
#[tokio::test]
async fn an_erased_person_leaves_no_mail_to_any_address_they_had() {
    let app = TestApp::new().await;
    let (old, new) = ("vorig-adres@example.org", "nieuw-adres@example.org");
    let cookie = app.registered(old).await;
    let r = app
        .call(Method::POST, "/api/me/email", Some(json!({"new_email": new, "password": PASSWORD})), Some(&cookie))
        .await;
    assert_eq!(r.status, StatusCode::ACCEPTED, "{:?}", r.body);
    let token = app.wait_for_links(new, "/e-mailadres-bevestigen", 1).await.pop().unwrap();
    let r = app.call(Method::POST, "/api/email-change/confirm", Some(json!({"token": token})), Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{:?}", r.body);
    wait_for_subject(&app, old, "Je e-mailadres is veranderd").await;
    let someone = "iemand-anders@example.org";
    app.registered(someone).await;
    assert_eq!(app.mails_to(old).len(), 3, "registration link, change asked, changed");
    assert_eq!(app.mails_to(new).len(), 1, "the change link");

    let r = app.call(Method::DELETE, "/api/me/account", Some(json!({"password": PASSWORD})), Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{:?}", r.body);
    assert!(app.mails_to(old).is_empty() && app.mails_to(new).is_empty());
    assert_eq!(
        common::files_containing(&app.data_dir().join("mail"), &["vorig-adres", "nieuw-adres"]),
        Vec::<String>::new()
    );
    assert_eq!(app.mails_to(someone).len(), 1, "another person's mail stays");
}

/// A crash after an erasure's commit and before its files are deleted (here: the account
/// deleted in the database directly), or a registration link that lapsed: the next start
/// deletes every mail file the database no longer accounts for, and half-written ones.
#[tokio::test]
async fn mail_files_the_database_no_longer_accounts_for_go_at_start() {
    let app = TestApp::new().await;
    let gone = "na-de-crash@example.org";
    let cookie = app.registered(gone).await;
    let r = app
        .call(
            Method::POST,
            "/api/me/email",
            Some(json!({"new_email": "wordt-nooit@example.org", "password": PASSWORD})),
            Some(&cookie),
        )
        .await;
    assert_eq!(r.status, StatusCode::ACCEPTED, "{:?}", r.body);
    wait_for_subject(&app, gone, "Je e-mailadres veranderen").await;
    let stays = "blijft@example.org";
    app.registered(stays).await;
    let lapsed = "nooit-afgemaakt@example.org";
    assert_eq!(app.register(lapsed).await.status, StatusCode::ACCEPTED);
    wait_for_subject(&app, lapsed, "Maak je account af").await;
    let partial = app.data_dir().join("mail").join(".1-0000.eml.tmp");
    std::fs::write(&partial, b"From: half").unwrap();
    let minutes_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(120);
    std::fs::File::options().write(true).open(&partial).unwrap().set_modified(minutes_ago).unwrap();
    let writing = app.data_dir().join("mail").join(".2-0000.eml.tmp");
    std::fs::write(&writing, b"From: being written").unwrap();

    // The window: the erasure committed, the process died before deleting files.
    let id = app.account_id(gone).await;
    sqlx::query("DELETE FROM accounts WHERE id = $1").bind(id).execute(app.state.db.pool()).await.unwrap();
    // The link lapsed and was purged.
    sqlx::query("DELETE FROM pending_registrations").execute(app.state.db.pool()).await.unwrap();
    assert_eq!(app.mails_to(gone).len(), 2, "still there before the start");
    assert_eq!(app.mails_to("wordt-nooit@example.org").len(), 1);

    let restarted = app.second_instance().await;
    assert!(restarted.mails_to(gone).is_empty(), "the erased person's mails went at start");
    assert!(restarted.mails_to("wordt-nooit@example.org").is_empty());
    assert!(restarted.mails_to(lapsed).is_empty(), "the lapsed link's mail went");
    assert!(!partial.exists(), "a half-written file went");
    assert!(writing.exists(), "one that may still be written stays");
    assert_eq!(restarted.mails_to(stays).len(), 1, "the mail of a person who stays is kept");
    let rows: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM mail_files").fetch_one(restarted.state.db.pool()).await.unwrap();
    assert_eq!(rows, 1);
}

/// The person's language rules their mails and receipts (issue 25, item 7). Asked for in
/// English, the account is English: its mails come English first, subject and all, and its
/// consent receipts are English. The language switch (`PUT /api/me/language`) changes both
/// from then on. Someone asking for an account with a taken address in English does not make
/// the owner's notice English: it follows the owner's language.
#[tokio::test]
async fn mails_and_receipts_follow_the_persons_language() {
    let app = TestApp::new().await;
    let email = "anne@example.org";
    let r = app.call(Method::POST, "/api/account", Some(json!({"email": email, "language": "en"})), None).await;
    assert_eq!(r.status, StatusCode::ACCEPTED);
    let invite = wait_for_subject(&app, email, "Finish your account").await;
    assert!(invite.body.starts_with("You want to create"), "{}", invite.body);
    let token = app.wait_for_links(email, common::REGISTRATION_PAGE, 1).await.remove(0);
    let r = app.confirm_registration_with(&token, PASSWORD, None).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let cookie = r.session_cookie().unwrap();

    // Her mails: English first.
    forget_limits(&app).await;
    let r = app.call(Method::POST, "/api/password-reset", Some(json!({"email": email})), None).await;
    assert_eq!(r.status, StatusCode::ACCEPTED);
    let reset = wait_for_subject(&app, email, "Choose a new password").await;
    let (first, second) = reset.body.split_once("\n\n---\n\n").unwrap();
    assert!(first.starts_with("You asked for a new password") && first.contains("/wachtwoord-herstellen?token="));
    assert!(second.starts_with("Je hebt gevraagd om een nieuw wachtwoord"));

    // Her consent receipt: English.
    let r = app.call(Method::POST, "/api/me/newsletter", Some(json!({"text_version": 1})), Some(&cookie)).await;
    assert!(r.status.is_success(), "{:?}", r.body);
    let confirm = wait_for_subject(&app, email, "Confirm your subscription to the newsletter").await;
    assert!(confirm.body.starts_with("Please confirm"));
    let events = app.get("/api/me/newsletter", Some(&cookie)).await.body["events"].clone();
    let id = events[0]["id"].as_i64().unwrap();
    let receipt = app.get(&format!("/api/me/newsletter/receipts/{id}"), Some(&cookie)).await;
    assert_eq!(receipt.body["language"], "en");
    assert_eq!(receipt.body["services"][0]["purposes"][0]["termination"], "Until the consent is withdrawn");
    assert!(receipt.body["event"]["consentText"].as_str().unwrap().starts_with("I "), "{:?}", receipt.body["event"]);

    // The switch back to Dutch: from then on Dutch.
    let r = app.call(Method::PUT, "/api/me/language", Some(json!({"language": "nl"})), Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    let bad = app.call(Method::PUT, "/api/me/language", Some(json!({"language": "de"})), Some(&cookie)).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST, "only the portal's languages: {:?}", bad.body);
    let receipt = app.get(&format!("/api/me/newsletter/receipts/{id}"), Some(&cookie)).await;
    assert_eq!(receipt.body["language"], "nl");
    forget_limits(&app).await;
    app.call(Method::POST, "/api/password-reset", Some(json!({"email": email})), None).await;
    wait_for_subject(&app, email, "Nieuw wachtwoord kiezen").await;

    // A stranger asking in English for her (now Dutch) address: the owner's notice is Dutch.
    let r = app.call(Method::POST, "/api/account", Some(json!({"email": email, "language": "en"})), None).await;
    assert_eq!(r.status, StatusCode::ACCEPTED);
    wait_for_subject(&app, email, "Iemand wilde een account maken met je e-mailadres").await;
    assert!(app.mails().iter().all(|m| m.subject != "Someone tried to create an account with your e-mail address"));
}
