//! Transfers to another organisation (issue 6): only well-formed age files are accepted,
//! size-limited; the link works once and expires; the person lists and revokes; storage
//! never holds the export in clear; nobody reaches someone else's transfer.

use crate::common;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use common::{encrypt_to, TestApp};
use zelfregie_crypto::{decrypt, generate_classic_key_pair, generate_key_pair, Key};

const EXPORT: &[u8] = br#"{"format":"zelfregie-export","profile":{"first_name":"canary-overdracht-9d2e"}}"#;

/// The address the link page's button POSTs to.
fn file_path(link: &str) -> String {
    format!("/api/transfer-links/{}/file", link.split("token=").nth(1).unwrap())
}

#[tokio::test]
async fn a_transfer_is_fetched_once_and_decrypts_with_the_partners_key() {
    let app = TestApp::new().await;
    let keys_dir = app.data_dir().join("partner-keys");
    let generated = zelfregie_domain::transfers::generate_demo_partner_keys(&app.state.db, &keys_dir).await.unwrap();
    assert_eq!(generated, 35);
    let cookie = app.registered("overdracht@example.org").await;

    let partners = app.get("/api/transfers/partners", None).await;
    assert_eq!(partners.body.as_array().unwrap().len(), 35);
    let kerkrade = partners.body.as_array().unwrap().iter().find(|p| p["partner"]["slug"] == "kerkrade").unwrap();
    let public = kerkrade["recipient"].as_str().unwrap();
    let identity = std::fs::read_to_string(keys_dir.join("kerkrade.txt")).unwrap();
    assert!(identity.contains(public), "the identity file names its public key");

    let file = encrypt_to(public, EXPORT);
    let r = app.upload("/api/me/transfers?partner=kerkrade", file.clone(), &cookie).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    assert_eq!(r.body["transfer"]["status"], "waiting");
    assert_eq!(r.body["transfer"]["partner"]["slug"], "kerkrade");
    assert_eq!(r.body["transfer"]["size"], file.len());
    let link = r.body["link"].as_str().unwrap().to_owned();
    assert!(link.starts_with(&format!("{}/overdracht?token=", app.state.public_url)), "a page, not the file: {link}");
    let token = link.split("token=").nth(1).unwrap().to_owned();

    // Storage holds no canary in clear: not in any column, not in the database file.
    let needle = "canary-overdracht-9d2e";
    // (On PostgreSQL the columns are all there is to look at; there is no file of ours.)
    let db_file = std::fs::read(app.data_dir().join(zelfregie_domain::DB_FILE)).unwrap_or_default();
    let wal = std::fs::read(app.data_dir().join(format!("{}-wal", zelfregie_domain::DB_FILE))).unwrap_or_default();
    for bytes in [&db_file, &wal] {
        assert!(!bytes.windows(needle.len()).any(|w| w == needle.as_bytes()));
    }

    // Mail scanners and link checkers: HEAD and GET, again and again, of the link's page and
    // of what the page reads. Nothing is used up.
    let info_path = format!("/api/transfer-links/{token}");
    for _ in 0..3 {
        let head = app.send(Request::head(&info_path).body(Body::empty()).unwrap()).await;
        assert_eq!(head.status, StatusCode::OK);
        app.send(Request::head(format!("/overdracht?token={token}")).body(Body::empty()).unwrap()).await;
        app.get(&format!("/overdracht?token={token}"), None).await;
        let info = app.get(&info_path, None).await;
        assert_eq!(info.status, StatusCode::OK, "{:?}", info.body);
        assert_eq!(info.body["status"], "waiting");
        assert_eq!(info.body["partner"]["slug"], "kerkrade");
        assert_eq!(info.body["size"], file.len());
        assert!(info.body["expires_at"].is_string() && info.body.get("ended_at").is_none());
    }
    // A GET of the file's address does nothing either: only the page's button (a POST) fetches.
    let get_file = app.get(&format!("{info_path}/file"), None).await;
    assert_eq!(get_file.status, StatusCode::METHOD_NOT_ALLOWED);
    let list = app.get("/api/me/transfers", Some(&cookie)).await;
    assert_eq!(list.body[0]["status"], "waiting", "still waiting after every scanner");

    // The organisation presses the button (no session): exactly the uploaded bytes, which its key opens.
    let fetched = app.call(Method::POST, &format!("{info_path}/file"), None, None).await;
    assert_eq!(fetched.status, StatusCode::OK);
    assert_eq!(fetched.header("content-type"), "application/octet-stream");
    assert!(fetched.header("content-disposition").contains(".json.age"));
    assert_eq!(fetched.header("cache-control"), "no-store");
    assert_eq!(fetched.raw, file);
    let plain = decrypt(&fetched.raw, &Key::Identity { identity }, &mut |_| {}).unwrap();
    assert_eq!(plain, EXPORT);

    // Once only; the file is gone from storage; the page says "already fetched", not "expired".
    let again = app.call(Method::POST, &format!("{info_path}/file"), None, None).await;
    assert_eq!((again.status, again.code()), (StatusCode::GONE, "already_fetched"));
    let info = app.get(&info_path, None).await;
    assert_eq!(info.body["status"], "fetched");
    assert!(info.body["ended_at"].is_string());
    let (left,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM transfers WHERE ciphertext IS NOT NULL")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(left, 0);
    let list = app.get("/api/me/transfers", Some(&cookie)).await;
    assert_eq!(list.body[0]["status"], "fetched");
    assert!(list.body[0]["ended_at"].is_string());
    assert!(list.body[0].get("link").is_none(), "the link is shown once, never listed");

    // A made-up token is not found, for the page and the button alike.
    let unknown = app.get("/api/transfer-links/bm90LWEtcmVhbC10b2tlbg", None).await;
    assert_eq!((unknown.status, unknown.code()), (StatusCode::NOT_FOUND, "not_found"));
    let unknown = app.call(Method::POST, "/api/transfer-links/bm90LWEtcmVhbC10b2tlbg/file", None, None).await;
    assert_eq!((unknown.status, unknown.code()), (StatusCode::NOT_FOUND, "not_found"));
}

#[tokio::test]
async fn plaintext_broken_and_oversized_uploads_are_refused_and_nothing_is_stored() {
    let app = TestApp::with(|c| c.transfer_max_bytes = 64 * 1024).await;
    let cookie = app.registered("weiger@example.org").await;
    let (_, public) = generate_key_pair();
    let to = format!("/api/me/transfers?recipient={public}");

    let plain = app.upload(&to, EXPORT.to_vec(), &cookie).await;
    assert_eq!((plain.status, plain.code()), (StatusCode::UNPROCESSABLE_ENTITY, "not_encrypted"));
    let good = encrypt_to(&public, EXPORT);
    // Cut inside the nonce or the first chunk's tag: no complete payload (a cut further on
    // is caught by the recipient's decryption, which authenticates every chunk).
    let payload_start = good.windows(5).position(|w| w == b"\n--- ").unwrap() + 1;
    let payload_start = payload_start + good[payload_start..].iter().position(|&b| b == b'\n').unwrap() + 1;
    for cut in [payload_start + 8, payload_start + 16 + 10] {
        let truncated = app.upload(&to, good[..cut].to_vec(), &cookie).await;
        assert_eq!(truncated.code(), "not_encrypted");
    }
    let passphrase = zelfregie_crypto::encrypt(
        EXPORT,
        &zelfregie_crypto::Protection::Passphrase { passphrase: "een lang genoeg wachtwoord".into() },
        false,
        &mut |_| {},
    )
    .unwrap();
    let by_passphrase = app.upload(&to, passphrase, &cookie).await;
    assert_eq!((by_passphrase.status, by_passphrase.code()), (StatusCode::UNPROCESSABLE_ENTITY, "transfer_needs_key"));
    let header_only = app.upload(&to, b"age-encryption.org/v1\n-> X25519 abc\n--- def\n".to_vec(), &cookie).await;
    assert_eq!(header_only.code(), "not_encrypted", "{} {:?}", header_only.status, header_only.raw);

    let big = encrypt_to(&public, &vec![b'x'; 80 * 1024]);
    let oversized = app.upload(&to, big, &cookie).await;
    assert_eq!((oversized.status, oversized.code()), (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"));

    let json = app
        .send(
            axum::http::Request::post(to.as_str())
                .header("x-requested-with", "zelfregie")
                .header("content-type", "application/json")
                .header("cookie", &cookie)
                .body(axum::body::Body::from(good.clone()))
                .unwrap(),
        )
        .await;
    assert_eq!(json.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let bad_key = app.upload("/api/me/transfers?recipient=age1nietgoed", good.clone(), &cookie).await;
    assert_eq!(bad_key.code(), "recipient_invalid");
    let no_key = app.upload("/api/me/transfers?partner=kerkrade", good.clone(), &cookie).await;
    assert_eq!(no_key.code(), "unknown_partner", "a partner without a published key");
    let anonymous = app
        .send(
            axum::http::Request::post(to.as_str())
                .header("x-requested-with", "zelfregie")
                .header("content-type", "application/octet-stream")
                .body(axum::body::Body::from(good.clone()))
                .unwrap(),
        )
        .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);

    let (rows,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM transfers").fetch_one(app.state.db.pool()).await.unwrap();
    assert_eq!(rows, 0);
    // The real thing is accepted, armored too.
    let armored = zelfregie_crypto::encrypt(
        EXPORT,
        &zelfregie_crypto::Protection::Recipients { recipients: vec![public.clone()] },
        true,
        &mut |_| {},
    )
    .unwrap();
    assert_eq!(app.upload(&to, armored, &cookie).await.status, StatusCode::CREATED);
}

/// A transfer the organisation's key could never open is refused: a file with no recipient
/// stanza of the key's kind (made for a classic key when the organisation's is post-quantum,
/// or the other way round), as a passphrase file is. Keys of both kinds are accepted, for a
/// partner's published key and for a key the person gives.
#[tokio::test]
async fn a_file_not_made_for_the_kind_of_key_it_goes_to_is_refused() {
    let app = TestApp::new().await;
    let keys_dir = app.data_dir().join("partner-keys");
    zelfregie_domain::transfers::generate_demo_partner_keys(&app.state.db, &keys_dir).await.unwrap();
    let cookie = app.registered("soort@example.org").await;
    let partners = app.get("/api/transfers/partners", None).await;
    let kerkrade = partners.body.as_array().unwrap().iter().find(|p| p["partner"]["slug"] == "kerkrade").unwrap();
    let partner_key = kerkrade["recipient"].as_str().unwrap().to_owned();
    assert!(partner_key.starts_with("age1pq1"), "demo partners get post-quantum keys");
    let (_, pq) = generate_key_pair();
    let (_, classic) = generate_classic_key_pair();

    let to_partner = "/api/me/transfers?partner=kerkrade";
    let classic_file = app.upload(to_partner, encrypt_to(&classic, EXPORT), &cookie).await;
    assert_eq!((classic_file.status, classic_file.code()), (StatusCode::UNPROCESSABLE_ENTITY, "transfer_wrong_key"));
    let to_classic = format!("/api/me/transfers?recipient={classic}");
    let pq_file = app.upload(&to_classic, encrypt_to(&pq, EXPORT), &cookie).await;
    assert_eq!((pq_file.status, pq_file.code()), (StatusCode::UNPROCESSABLE_ENTITY, "transfer_wrong_key"));
    let (rows,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM transfers").fetch_one(app.state.db.pool()).await.unwrap();
    assert_eq!(rows, 0, "nothing stored");

    // Each kind to its own kind is accepted: a partner's post-quantum key, a post-quantum key
    // the person gives, a classic key the person gives.
    let r = app.upload(to_partner, encrypt_to(&partner_key, EXPORT), &cookie).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    let r = app.upload(&format!("/api/me/transfers?recipient={pq}"), encrypt_to(&pq, EXPORT), &cookie).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    assert_eq!(r.body["transfer"]["recipient"], pq);
    let r = app.upload(&to_classic, encrypt_to(&classic, EXPORT), &cookie).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
}

#[tokio::test]
async fn revoked_and_expired_links_stop_working_and_others_cannot_touch_them() {
    let app = TestApp::new().await;
    let owner = app.registered("eigenaar@example.org").await;
    let other = app.registered("ander@example.org").await;
    let (_, public) = generate_key_pair();
    let to = format!("/api/me/transfers?recipient={public}");
    let first = app.upload(&to, encrypt_to(&public, EXPORT), &owner).await;
    let second = app.upload(&to, encrypt_to(&public, EXPORT), &owner).await;
    let (id1, link1) =
        (first.body["transfer"]["id"].as_i64().unwrap(), first.body["link"].as_str().unwrap().to_owned());
    let link2 = second.body["link"].as_str().unwrap().to_owned();

    // Someone else can neither see nor revoke it.
    assert_eq!(app.get("/api/me/transfers", Some(&other)).await.body, serde_json::json!([]));
    let theirs = app.call(Method::DELETE, &format!("/api/me/transfers/{id1}"), None, Some(&other)).await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND);

    // Revoke: the file is deleted, the link dead, a second revoke says so.
    let revoked = app.call(Method::DELETE, &format!("/api/me/transfers/{id1}"), None, Some(&owner)).await;
    assert_eq!(revoked.status, StatusCode::NO_CONTENT);
    let dead = app.call(Method::POST, &file_path(&link1), None, None).await;
    assert_eq!((dead.status, dead.code()), (StatusCode::GONE, "expired"));
    let info = app.get(&file_path(&link1).replace("/file", ""), None).await;
    assert_eq!(info.body["status"], "revoked");
    let twice = app.call(Method::DELETE, &format!("/api/me/transfers/{id1}"), None, Some(&owner)).await;
    assert_eq!(twice.status, StatusCode::GONE);

    // Expiry: move the second one's deadline into the past.
    sqlx::query("UPDATE transfers SET expires_at = created_at - 1 WHERE status = 'waiting'")
        .execute(app.state.db.pool())
        .await
        .unwrap();
    let late = app.call(Method::POST, &file_path(&link2), None, None).await;
    assert_eq!((late.status, late.code()), (StatusCode::GONE, "expired"));
    let list = app.get("/api/me/transfers", Some(&owner)).await;
    let statuses: Vec<&str> = list.body.as_array().unwrap().iter().map(|t| t["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["expired", "revoked"]);
    let (stored,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM transfers WHERE ciphertext IS NOT NULL")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(stored, 0, "the sweep on listing deleted the expired file");
}

#[tokio::test]
async fn at_most_ten_transfers_wait_at_once() {
    let app = TestApp::new().await;
    let cookie = app.registered("veel@example.org").await;
    let (_, public) = generate_key_pair();
    let to = format!("/api/me/transfers?recipient={public}");
    let file = encrypt_to(&public, EXPORT);
    for _ in 0..zelfregie_model::transfer::MAX_WAITING_TRANSFERS {
        assert_eq!(app.upload(&to, file.clone(), &cookie).await.status, StatusCode::CREATED);
    }
    let eleventh = app.upload(&to, file, &cookie).await;
    assert_eq!(eleventh.code(), "too_many");
}

/// A request body that sends `first` and then what is sent on the returned channel, until
/// the channel is dropped.
fn trickle(first: Vec<u8>) -> (Body, tokio::sync::mpsc::Sender<Vec<u8>>) {
    let (tx, rx) = tokio::sync::mpsc::channel::<Vec<u8>>(1);
    let head = futures_util::stream::once(async move { Ok::<_, std::io::Error>(first) });
    let tail = futures_util::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|b| (Ok(b), rx)) });
    (Body::from_stream(futures_util::StreamExt::chain(head, tail)), tx)
}

fn upload_request(to: &str, body: Body, cookie: &str) -> Request<Body> {
    Request::post(to)
        .header("x-requested-with", "zelfregie")
        .header("content-type", "application/octet-stream")
        .header("cookie", cookie)
        .body(body)
        .unwrap()
}

#[tokio::test]
async fn an_upload_that_is_not_age_is_refused_after_its_first_bytes() {
    let app = TestApp::new().await;
    let cookie = app.registered("stroom@example.org").await;
    let (_, public) = generate_key_pair();
    // 64 bytes of plain JSON, then the sender goes quiet for good: the refusal must not wait
    // for the rest (the old code buffered the whole body first).
    let (body, _keep_open) =
        trickle(br#"{"profile":{"first_name":"canary-stroom","last_name":"x","more":1}}"#.to_vec());
    let to = format!("/api/me/transfers?recipient={public}");
    let r = tokio::time::timeout(std::time::Duration::from_secs(5), app.send(upload_request(&to, body, &cookie)))
        .await
        .expect("refused without reading to the end");
    assert_eq!((r.status, r.code()), (StatusCode::UNPROCESSABLE_ENTITY, "not_encrypted"));
}

#[tokio::test]
async fn uploads_are_limited_server_wide_and_per_person_per_day() {
    let (_, public) = generate_key_pair();
    let file = encrypt_to(&public, EXPORT);
    let app = TestApp::with(|c| {
        c.transfer_concurrent_uploads = 1;
        c.transfer_daily_bytes = 3 * file.len() as u64 + 10;
    })
    .await;
    let slow = app.registered("langzaam@example.org").await;
    let quick = app.registered("snel@example.org").await;
    let to = format!("/api/me/transfers?recipient={public}");

    // One upload in progress (its body arrives slowly) takes the only place: another waits
    // briefly, then hears "busy, try again", with a Retry-After.
    let (body, rest) = trickle(file[..100].to_vec());
    let router = app.router.clone();
    let request = upload_request(&to, body, &slow);
    let first = tokio::spawn(async move { tower::ServiceExt::oneshot(router, request).await.unwrap().status() });
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let busy = app.upload(&to, file.clone(), &quick).await;
    assert_eq!((busy.status, busy.code()), (StatusCode::SERVICE_UNAVAILABLE, "service_unavailable"));
    assert!(busy.header("retry-after").parse::<u32>().unwrap() >= 1);
    rest.send(file[100..].to_vec()).await.unwrap();
    drop(rest);
    assert_eq!(first.await.unwrap(), StatusCode::CREATED);
    assert_eq!(app.upload(&to, file.clone(), &quick).await.status, StatusCode::CREATED, "the place is free again");

    // The daily allowance counts what was uploaded, also when it was revoked since.
    let r = app.upload(&to, file.clone(), &slow).await;
    assert_eq!(r.status, StatusCode::CREATED);
    let id = r.body["transfer"]["id"].as_i64().unwrap();
    app.call(Method::DELETE, &format!("/api/me/transfers/{id}"), None, Some(&slow)).await;
    assert_eq!(app.upload(&to, file.clone(), &slow).await.status, StatusCode::CREATED);
    let over = app.upload(&to, file.clone(), &slow).await;
    assert_eq!((over.status, over.code()), (StatusCode::TOO_MANY_REQUESTS, "quota_exceeded"));
    // Twenty at once cannot pass it together either.
    let parallel = app.registered("tegelijk@example.org").await;
    let app = std::sync::Arc::new(app);
    let tries = (0..20).map(|_| {
        let (app, to, file, cookie) = (app.clone(), to.clone(), file.clone(), parallel.clone());
        tokio::spawn(async move { app.upload(&to, file, &cookie).await.status })
    });
    let mut created = 0;
    for t in tries {
        if t.await.unwrap() == StatusCode::CREATED {
            created += 1;
        }
    }
    assert_eq!(created, 3, "exactly the allowance, not one more");
}

/// docs/security.md "Limits": a person's uploads are read one at a time, so one account
/// cannot hold every upload slot (before: four slow uploads of one account held all four,
/// everyone else 503); and an upload that falls behind the minimum rate is ended
/// (`408 request_timeout`) instead of holding its slot until the request's time-out.
#[tokio::test]
async fn one_account_holds_one_upload_slot_and_a_trickle_is_ended() {
    let (_, public) = generate_key_pair();
    let file = encrypt_to(&public, EXPORT);
    let app = TestApp::with(|c| {
        c.transfer_concurrent_uploads = 4;
        c.transfer_min_bytes_per_sec = 1_000;
        c.transfer_upload_grace_secs = 1;
    })
    .await;
    let attacker = app.registered("vier-tegelijk@example.org").await;
    let other = app.registered("iemand-anders@example.org").await;
    let to = format!("/api/me/transfers?recipient={public}");
    // Four slow uploads from one account: the first is read, the others wait and are refused.
    let mut senders = Vec::new();
    let mut tasks = Vec::new();
    for _ in 0..4 {
        let (body, rest) = trickle(file[..100].to_vec());
        senders.push(rest);
        let router = app.router.clone();
        let request = upload_request(&to, body, &attacker);
        tasks.push(tokio::spawn(async move {
            let response = tower::ServiceExt::oneshot(router, request).await.unwrap();
            (response.status(), std::time::Instant::now())
        }));
    }
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    // Somebody else uploads meanwhile, without waiting.
    let started = std::time::Instant::now();
    let r = app.upload(&to, file.clone(), &other).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
    assert!(started.elapsed() < std::time::Duration::from_secs(1), "another person's upload waited");
    let mut statuses = Vec::new();
    let began = std::time::Instant::now();
    for task in tasks {
        let (status, at) = task.await.unwrap();
        statuses.push((status, at.duration_since(began)));
    }
    let refused = statuses.iter().filter(|(s, _)| *s == StatusCode::TOO_MANY_REQUESTS).count();
    let ended = statuses.iter().filter(|(s, _)| *s == StatusCode::REQUEST_TIMEOUT).count();
    // One is read and ended as too slow after its grace and 0.1 s of credit; one waiting may
    // take the freed slot and be ended the same way; the rest waited two seconds and heard
    // "try again". All long before the request's own time-out.
    assert_eq!(refused + ended, 4, "{statuses:?}");
    assert!(refused >= 2 && ended >= 1, "{statuses:?}");
    assert!(statuses.iter().all(|(_, at)| *at < std::time::Duration::from_secs(5)), "{statuses:?}");
    drop(senders);
    // The account's slot is free again.
    assert_eq!(app.upload(&to, file.clone(), &attacker).await.status, StatusCode::CREATED);
}
