//! A test harness: the real router over a real SQLite file in a temporary directory, driven
//! without a socket (`oneshot`).
#![allow(dead_code, missing_docs)]

use std::net::SocketAddr;
use std::path::PathBuf;

use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;
use zelfregie_server::{app, AppState, Config};

pub const PASSWORD: &str = "paarse olifant fietst";

/// The PostgreSQL server the tests run against, when `ZELFREGIE_TEST_DATABASE_URL` names one
/// (`make test` starts a throwaway cluster and runs every test a second time with it).
pub fn postgres_url() -> Option<String> {
    std::env::var("ZELFREGIE_TEST_DATABASE_URL").ok().filter(|u| !u.is_empty())
}

/// A new, empty database on the test PostgreSQL server (one per test app), or `None` for
/// SQLite.
pub async fn fresh_database() -> Option<String> {
    use sqlx::Connection;
    let admin = postgres_url()?;
    let mut conn = sqlx::PgConnection::connect(&admin).await.expect("the test PostgreSQL server answers");
    let mut suffix = [0u8; 8];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut suffix);
    let name = format!("t_{}", hex::encode(suffix));
    sqlx::query(&format!("CREATE DATABASE {name}")).execute(&mut conn).await.unwrap();
    let base = admin.rsplit_once('/').map_or(admin.as_str(), |(base, _)| base);
    Some(format!("{base}/{name}"))
}

/// Whether this run is on PostgreSQL.
pub fn on_postgres() -> bool {
    postgres_url().is_some()
}

/// The tables of the schema (not the migrations' bookkeeping).
pub async fn tables(app: &TestApp) -> Vec<String> {
    let sql = if on_postgres() {
        "SELECT CAST(table_name AS TEXT) FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT LIKE '_sqlx%' ORDER BY table_name"
    } else {
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx%' ORDER BY name"
    };
    sqlx::query_scalar(sql).fetch_all(app.state.db.pool()).await.unwrap()
}

/// The columns of a table.
pub async fn columns(app: &TestApp, table: &str) -> Vec<String> {
    let sql = if on_postgres() {
        format!("SELECT CAST(column_name AS TEXT) FROM information_schema.columns WHERE table_name = '{table}' ORDER BY ordinal_position")
    } else {
        format!("SELECT name FROM pragma_table_info('{table}')")
    };
    sqlx::query_scalar(&sql).fetch_all(app.state.db.pool()).await.unwrap()
}

/// SQL that gives `column`'s value as bytes (text as UTF-8, blobs as they are).
pub fn bytes_sql(column: &str) -> String {
    if on_postgres() {
        format!("convert_to(CAST({column} AS TEXT), 'UTF8')")
    } else {
        format!("CAST({column} AS BLOB)")
    }
}

/// SQL that is true when `column` (as text, any case) contains the text `$1`.
pub fn contains_sql(column: &str) -> String {
    if on_postgres() {
        format!("strpos(lower(CAST({column} AS TEXT)), lower($1)) > 0")
    } else {
        format!("instr(lower(CAST({column} AS TEXT)), lower($1)) > 0")
    }
}

pub struct TestApp {
    pub state: AppState,
    pub router: Router,
    pub dir: tempfile::TempDir,
    pub config: Config,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
    pub raw: Vec<u8>,
}

impl Reply {
    /// The session token from `Set-Cookie`, if one was set.
    pub fn session_cookie(&self) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|c| c.starts_with("zelfregie-session=") || c.starts_with("__Host-zelfregie-session="))
            .and_then(|c| c.split(';').next())
            .filter(|pair| !pair.ends_with('='))
            .map(str::to_owned)
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
    }

    pub fn code(&self) -> &str {
        self.body["code"].as_str().unwrap_or("")
    }
}

impl TestApp {
    pub async fn new() -> Self {
        Self::with(|_| {}).await
    }

    pub async fn with(adjust: impl FnOnce(&mut Config)) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let mut config = Config::for_tests(dir.path().join("data"));
        config.database_url = fresh_database().await.map(zelfregie_server::config::Secret);
        adjust(&mut config);
        let state = AppState::new(&config).await.unwrap();
        let router = app(state.clone()).layer(MockConnectInfo(SocketAddr::from(([203, 0, 113, 7], 40000))));
        Self { state, router, dir, config }
    }

    /// A fresh server with the demo data (`--demo`).
    pub async fn demo() -> Self {
        let app = Self::new().await;
        zelfregie_domain::demo::seed_if_empty(&app.state).await.unwrap();
        app
    }

    /// The session cookie of demo account `email` (with a code for staff).
    pub async fn demo_cookie(&self, email: &str) -> String {
        let r = self.demo_login(email).await;
        assert_eq!(r.status, axum::http::StatusCode::OK, "{email}");
        r.session_cookie().unwrap()
    }

    /// `PUT` of a versioned document (`If-Match: etag`), as the app saves one.
    pub async fn put_versioned(&self, path: &str, body: &serde_json::Value, cookie: &str, etag: &str) -> Reply {
        let request = Request::builder()
            .method(Method::PUT)
            .uri(path)
            .header("x-requested-with", "zelfregie")
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::COOKIE, cookie)
            .header(header::IF_MATCH, etag)
            .body(Body::from(body.to_string()))
            .unwrap();
        self.send(request).await
    }

    /// A second server instance on the same database (as behind a load balancer): its own
    /// state, pool and workers; on SQLite the same file, on PostgreSQL the same database.
    pub async fn second_instance(&self) -> TestApp {
        let config = self.config.clone();
        let state = AppState::new(&config).await.unwrap();
        let router = app(state.clone()).layer(MockConnectInfo(SocketAddr::from(([203, 0, 113, 7], 40000))));
        Self { state, router, dir: tempfile::tempdir().unwrap(), config }
    }

    /// The server's data directory (a second instance shares the first one's).
    pub fn data_dir(&self) -> PathBuf {
        self.config.data_dir.clone()
    }

    pub async fn send(&self, request: Request<Body>) -> Reply {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let raw = response.into_body().collect().await.unwrap().to_bytes().to_vec();
        let body = serde_json::from_slice(&raw).unwrap_or(Value::Null);
        Reply { status, headers, body, raw }
    }

    /// A request as the SPA sends it: JSON, with the CSRF header on state-changing methods.
    pub async fn call(&self, method: Method, path: &str, body: Option<Value>, cookie: Option<&str>) -> Reply {
        let mut builder = Request::builder().method(method.clone()).uri(path);
        if method != Method::GET {
            builder = builder.header("x-requested-with", "zelfregie");
        }
        if let Some(c) = cookie {
            builder = builder.header(header::COOKIE, c);
        }
        let body = match body {
            Some(v) => {
                builder = builder.header(header::CONTENT_TYPE, "application/json");
                Body::from(v.to_string())
            }
            None => Body::empty(),
        };
        self.send(builder.body(body).unwrap()).await
    }

    /// Uploads bytes as the SPA does a transfer (`application/octet-stream`).
    pub async fn upload(&self, path: &str, bytes: Vec<u8>, cookie: &str) -> Reply {
        self.send(
            Request::post(path)
                .header("x-requested-with", "zelfregie")
                .header(header::CONTENT_TYPE, "application/octet-stream")
                .header(header::COOKIE, cookie)
                .body(Body::from(bytes))
                .unwrap(),
        )
        .await
    }

    pub async fn get(&self, path: &str, cookie: Option<&str>) -> Reply {
        self.call(Method::GET, path, None, cookie).await
    }

    /// Asks for an account for `email` (the password is chosen on the link's page:
    /// [`Self::confirm_registration_with`]).
    pub async fn register(&self, email: &str) -> Reply {
        self.call(Method::POST, "/api/account", Some(serde_json::json!({"email": email})), None).await
    }

    pub async fn login(&self, email: &str, password: &str) -> Reply {
        self.call(Method::POST, "/api/session", Some(serde_json::json!({"email": email, "password": password})), None)
            .await
    }

    /// Logs in with a code: `POST /api/session` with e-mail, password and `code`.
    pub async fn login_with_code(&self, email: &str, password: &str, code: &str) -> Reply {
        self.call(
            Method::POST,
            "/api/session",
            Some(serde_json::json!({"email": email, "password": password, "code": code})),
            None,
        )
        .await
    }

    /// Logs in to a demo account as a person would: the demo password, and for staff the
    /// code their authenticator app shows (computed from the README's secret). A code is
    /// accepted once, so like a person the helper waits for the app's next code when this
    /// one was used already.
    pub async fn demo_login(&self, email: &str) -> Reply {
        let password = zelfregie_domain::demo::DEMO_PASSWORD;
        let staff = zelfregie_domain::demo::accounts()
            .into_iter()
            .any(|a| a.email == email && zelfregie_model::second_factor::required_for(a.role));
        if !staff {
            return self.login(email, password).await;
        }
        let code = self.next_code(email, &zelfregie_domain::demo::demo_totp_secret()).await;
        self.login_with_code(email, password, &code).await
    }

    /// The code an authenticator app with `secret` shows for `email`'s account that has not
    /// been used yet: of the periods accepted now (one either side of the current one), the
    /// first after the last one used that stays valid for at least 10 s; waits for the next
    /// period if there is none.
    pub async fn next_code(&self, email: &str, secret: &[u8]) -> String {
        let last: Option<i64> = sqlx::query_scalar(
            "SELECT f.last_step FROM second_factors f JOIN accounts a ON a.id = f.account_id WHERE a.email = $1",
        )
        .bind(email)
        .fetch_optional(self.state.db.pool())
        .await
        .unwrap();
        let last = last.unwrap_or(0);
        loop {
            let now = zelfregie_domain::testing::now();
            let current = now / 30;
            // The period before the current one only while more than 10 s of this one are
            // left: a login that takes a while (hashing on a busy machine) must not cross
            // into the period where that code is no longer accepted.
            let earliest = if now % 30 < 20 { current - 1 } else { current };
            let step = earliest.max(last + 1);
            if step <= current + 1 {
                return totp_code(secret, step * 30);
            }
            tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        }
    }

    /// Presses the button behind a registration link.
    /// Presses the registration link's button with [`PASSWORD`].
    pub async fn confirm_registration(&self, token: &str, cookie: Option<&str>) -> Reply {
        self.confirm_registration_with(token, PASSWORD, cookie).await
    }

    /// Presses the registration link's button with the password chosen on its page.
    pub async fn confirm_registration_with(&self, token: &str, password: &str, cookie: Option<&str>) -> Reply {
        let body = serde_json::json!({"token": token, "password": password});
        self.call(Method::POST, "/api/account/confirm", Some(body), cookie).await
    }

    /// Every mail in the server's mail folder, oldest first, decoded.
    pub fn mails(&self) -> Vec<SentMail> {
        mail_folder(&self.data_dir().join("mail"))
    }

    /// Every mail sent to `to`, oldest first, decoded ([`SentMail::text`]).
    pub fn mails_to(&self, to: &str) -> Vec<String> {
        self.mails().into_iter().filter(|m| m.to == to).map(|m| m.text).collect()
    }

    /// The tokens of the links to `page` (`/registreren/bevestigen`, say) in the mails to `to`,
    /// oldest first.
    pub fn link_tokens(&self, to: &str, page: &str) -> Vec<String> {
        let marker = format!("{page}?token=");
        self.mails_to(to)
            .iter()
            .filter_map(|text| {
                let start = text.find(&marker)? + marker.len();
                Some(text[start..].split_whitespace().next().unwrap().to_owned())
            })
            .collect()
    }

    /// Waits (up to 5 s) until `n` links to `page` went to `to` (they are mailed after the
    /// answer); their tokens.
    pub async fn wait_for_links(&self, to: &str, page: &str, n: usize) -> Vec<String> {
        for _ in 0..500 {
            let tokens = self.link_tokens(to, page);
            if tokens.len() >= n {
                return tokens;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        self.link_tokens(to, page)
    }

    /// The id of the account with `email`.
    pub async fn account_id(&self, email: &str) -> i64 {
        zelfregie_domain::testing::accounts::id_by_email(self.state.db.pool(), email).await.unwrap().unwrap()
    }

    /// Registers `email` as a person does: asks, takes the link from the mail, presses its
    /// button. Returns the session cookie (`name=value`).
    pub async fn registered(&self, email: &str) -> String {
        self.registered_with(email, PASSWORD).await
    }

    /// [`Self::registered`] with `password`.
    pub async fn registered_with(&self, email: &str, password: &str) -> String {
        let email = &zelfregie_model::account::normalize_email(email);
        let before = self.link_tokens(email, REGISTRATION_PAGE).len();
        let r = self.register(email).await;
        assert_eq!(r.status, StatusCode::ACCEPTED, "{:?}", r.body);
        let tokens = self.wait_for_links(email, REGISTRATION_PAGE, before + 1).await;
        let token = tokens.get(before).unwrap_or_else(|| panic!("no registration mail to {email}"));
        let r = self.confirm_registration_with(token, password, None).await;
        assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.body);
        r.session_cookie().unwrap()
    }
}

/// The page a registration link opens.
pub const REGISTRATION_PAGE: &str = "/registreren/bevestigen";
/// The RFC 6238 code of `secret` at Unix time `at` (SHA-1, 6 digits, 30 s), as an
/// authenticator app computes it: with totp-rs directly, not the server's own code.
pub fn totp_code(secret: &[u8], at: i64) -> String {
    totp_rs::TOTP::new_unchecked(totp_rs::Algorithm::SHA1, 6, 1, 30, secret.to_vec(), None, String::new())
        .generate(u64::try_from(at).unwrap())
}

/// A person with data in every table: profile and visibility (canaries), a recruiter's view,
/// academy registration and enrolment, newsletter consent given, confirmed and withdrawn, a
/// transfer, a request extended and answered by privacy staff.
/// Seeds the demo first. Returns the session cookie and the account id.
pub async fn filled_person(app: &TestApp) -> (String, i64) {
    zelfregie_domain::demo::seed_if_empty(&app.state).await.unwrap();
    let cookie = app.registered("canary-account-5a1f@example.org").await;
    // Bound, not written into the statement: sqlx logs statements, and the logs are scanned.
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM accounts WHERE email = $1")
        .bind("canary-account-5a1f@example.org")
        .fetch_one(app.state.db.pool())
        .await
        .unwrap();
    let (profile, _) = zelfregie_model::testing::canary_profile(0x5a1f, 2, 2, 2, 2, Some("kerkrade".into()));
    zelfregie_domain::documents::Document::Profile.save(&app.state.db, id, 0, &profile).await.unwrap();
    // Listed as the visibility page does it: with the consent text shown.
    let v = zelfregie_model::listing::current().version;
    let vis = serde_json::json!({"listed": true, "audience": {"mode": "all_partners"}, "consent_text_version": v});
    let r = app.put_versioned("/api/me/visibility", &vis, &cookie, "\"visibility-0\"").await;
    assert_eq!(r.status, axum::http::StatusCode::OK, "{:?}", r.body);
    // A recruiter looks: disclosures.
    let beek = app.demo_login("recruiter@beek.example.org").await.session_cookie().unwrap();
    app.get("/api/recruiter/candidates?q=cnry", Some(&beek)).await;
    // Academy.
    let p = serde_json::json!({"first_name": "canary-voornaam-c1", "last_name": "canary-achternaam-c2", "job_title": "canary-functie-c3",
                   "employer": "stein", "function_level": "employee", "manager_name": "canary-leiding-c4",
                   "manager_email": "canary-leiding-c5@example.org"});
    let r = app
        .send(
            axum::http::Request::put("/api/me/participant")
                .header("x-requested-with", "zelfregie")
                .header("content-type", "application/json")
                .header("cookie", &cookie)
                .header("if-match", "\"participant-0\"")
                .body(axum::body::Body::from(p.to_string()))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, axum::http::StatusCode::OK);
    let trainings = app.get("/api/academy/trainings", Some(&cookie)).await;
    let t = trainings.body[0]["id"].as_i64().unwrap();
    app.call(Method::POST, "/api/me/enrolments", Some(serde_json::json!({"training_id": t})), Some(&cookie)).await;
    // Newsletter: subscribe, confirm, withdraw.
    let v = zelfregie_model::newsletter::ConsentText::current().version;
    app.call(Method::POST, "/api/me/newsletter", Some(serde_json::json!({"text_version": v})), Some(&cookie)).await;
    let token = app.link_tokens("canary-account-5a1f@example.org", "/nieuwsbrief/bevestigen").pop().unwrap();
    app.call(Method::POST, "/api/newsletter/confirm", Some(serde_json::json!({"token": token})), None).await;
    app.call(Method::DELETE, "/api/me/newsletter", None, Some(&cookie)).await;
    // A transfer to a key the person gave.
    let (_, public) = zelfregie_crypto::generate_key_pair();
    let file = encrypt_to(&public, b"{\"canary\": \"transfer\"}");
    let r = app.upload(&format!("/api/me/transfers?recipient={public}"), file, &cookie).await;
    assert_eq!(r.status, axum::http::StatusCode::CREATED, "{:?}", r.body);
    // A new address asked for and not confirmed yet.
    let r = app
        .call(
            Method::POST,
            "/api/me/email",
            Some(serde_json::json!({"new_email": "canary-nieuw-5a1f@example.org", "password": PASSWORD})),
            Some(&cookie),
        )
        .await;
    assert_eq!(r.status, axum::http::StatusCode::ACCEPTED, "{:?}", r.body);
    assert_eq!(app.wait_for_links("canary-nieuw-5a1f@example.org", "/e-mailadres-bevestigen", 1).await.len(), 1);
    // A request about a right, extended and answered by privacy staff.
    let r = app
        .call(
            Method::POST,
            "/api/me/requests",
            Some(serde_json::json!({"kind": "objection", "text": "canary-verzoek-r1: ik maak bezwaar."})),
            Some(&cookie),
        )
        .await;
    assert_eq!(r.status, axum::http::StatusCode::CREATED, "{:?}", r.body);
    let request = r.body["id"].as_str().unwrap().to_owned();
    let privacy = app.demo_login("privacy@example.org").await.session_cookie().unwrap();
    for (action, text) in [("extension", "canary-verlenging-r2"), ("answer", "canary-antwoord-r3")] {
        let path = format!("/api/privacy/requests/{request}/{action}");
        let r = app.call(Method::POST, &path, Some(serde_json::json!({ "text": text })), Some(&privacy)).await;
        assert_eq!(r.status, axum::http::StatusCode::OK, "{action}: {:?}", r.body);
    }
    // A passkey, used once to log in.
    let mut device = SoftDevice::new();
    let (_, credential_id) = add_passkey(app, &cookie, &mut device, "canary-passkey-c6").await;
    let start = app.call(Method::POST, "/api/session/passkey/start", None, None).await;
    let answer = device.get(&start.body["options"], &credential_id);
    let login = serde_json::json!({"ceremony": start.body["ceremony"], "credential": answer});
    let r = app.call(Method::POST, "/api/session/passkey/finish", Some(login), None).await;
    assert_eq!(r.status, axum::http::StatusCode::OK, "{:?}", r.body);
    (cookie, id)
}

/// `plain` encrypted to `recipient` as the browser does it (binary age).
pub fn encrypt_to(recipient: &str, plain: &[u8]) -> Vec<u8> {
    let protection = zelfregie_crypto::Protection::Recipients { recipients: vec![recipient.to_owned()] };
    zelfregie_crypto::encrypt(plain, &protection, false, &mut |_| {}).unwrap()
}

/// Every log line of this test process, at every level (one global subscriber per binary).
#[derive(Clone, Default)]
pub struct Capture(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Capture {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

/// Starts capturing the logs of this test binary (once) and returns the capture.
pub fn capture_logs() -> Capture {
    static CAPTURE: std::sync::OnceLock<Capture> = std::sync::OnceLock::new();
    CAPTURE
        .get_or_init(|| {
            let capture = Capture::default();
            let writer = capture.clone();
            tracing_subscriber::fmt()
                .with_max_level(tracing::Level::TRACE)
                .with_writer(move || writer.clone())
                .with_ansi(false)
                .init();
            capture
        })
        .clone()
}

/// One mail file as a mail program shows it: read by a MIME parser (mail-parser), the
/// subject's RFC 2047 words and the body's quoted-printable or base64 decoded.
pub struct SentMail {
    /// The file.
    pub file: PathBuf,
    /// Its bytes.
    pub raw: Vec<u8>,
    /// The recipient's address.
    pub to: String,
    /// The decoded subject.
    pub subject: String,
    /// The decoded body, `\n` line ends.
    pub body: String,
    /// Every header (`Name: value`, unfolded; the subject decoded, `To: address`), a blank
    /// line, then the decoded body: what the tests search for text and links.
    pub text: String,
}

/// Reads one mail (`file` only names it).
pub fn read_mail(file: PathBuf, raw: Vec<u8>) -> SentMail {
    let parsed = mail_parser::MessageParser::default()
        .parse(&raw)
        .unwrap_or_else(|| panic!("{} does not parse as a mail", file.display()));
    let to = parsed.to().and_then(|a| a.first()).and_then(|a| a.address()).unwrap_or_default().to_owned();
    let subject = parsed.subject().unwrap_or_default().to_owned();
    let body = parsed.body_text(0).map(|b| b.replace("\r\n", "\n")).unwrap_or_default();
    let mut text = String::new();
    for h in parsed.headers() {
        let value = match h.name() {
            "Subject" => subject.clone(),
            "To" => to.clone(),
            _ => {
                let raw_value = String::from_utf8_lossy(&raw[h.offset_start as usize..h.offset_end as usize]);
                raw_value.split("\r\n").map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ")
            }
        };
        text.push_str(&format!("{}: {value}\r\n", h.name()));
    }
    text.push_str("\r\n");
    text.push_str(&body);
    SentMail { file, raw, to, subject, body, text }
}

/// Every mail file (`*.eml`) in `dir`, oldest first (their names begin with the time).
pub fn mail_folder(dir: &std::path::Path) -> Vec<SentMail> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "eml")).collect())
        .unwrap_or_default();
    files.sort();
    files.into_iter().filter_map(|p| std::fs::read(&p).ok().map(|raw| read_mail(p, raw))).collect()
}

/// Every text value in every table that contains one of `needles`, as `table.column (needle)`.
pub async fn occurrences(app: &TestApp, needles: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for table in tables(app).await {
        for column in columns(app, &table).await {
            for needle in needles {
                let n: i64 =
                    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table} WHERE {}", contains_sql(&column)))
                        .bind(*needle)
                        .fetch_one(app.state.db.pool())
                        .await
                        .unwrap();
                if n > 0 {
                    found.push(format!("{table}.{column} ({needle})"));
                }
            }
        }
    }
    found
}

/// Every file under `dir` (database, write-ahead log, shared memory, mail, deliveries …)
/// that contains one of `needles`, as `file (needle)`.
pub fn files_containing(dir: &std::path::Path, needles: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let bytes = std::fs::read(&path).unwrap_or_default().to_ascii_lowercase();
            for needle in needles {
                let n = needle.to_ascii_lowercase();
                if bytes.windows(n.len()).any(|w| w == n.as_bytes()) {
                    found.push(format!("{} ({needle})", path.strip_prefix(dir).unwrap().display()));
                }
            }
        }
    }
    found.sort();
    found
}

/// The origin the soft passkey device claims: the relying party without a public URL is
/// `localhost` on any port.
pub const PASSKEY_ORIGIN: &str = "http://localhost:8080";

/// A software passkey device (webauthn-authenticator-rs): real key pairs, real signatures,
/// real client data, as a browser and an authenticator make them.
pub struct SoftDevice(
    webauthn_authenticator_rs::WebauthnAuthenticator<webauthn_authenticator_rs::softpasskey::SoftPasskey>,
);

impl SoftDevice {
    pub fn new() -> Self {
        // `true`: it says it verified the user (PIN or biometrics), as a phone does.
        Self(webauthn_authenticator_rs::WebauthnAuthenticator::new(
            webauthn_authenticator_rs::softpasskey::SoftPasskey::new(true),
        ))
    }

    /// Answers `navigator.credentials.create` options from the server.
    pub fn create(&mut self, options: &Value) -> Value {
        let mut options = options.clone();
        // The soft device cannot store discoverable credentials; the server does not check
        // this client-side preference, so the test device ignores it.
        options["publicKey"]["authenticatorSelection"]["requireResidentKey"] = false.into();
        let options = serde_json::from_value(options).unwrap();
        let origin = url::Url::parse(PASSKEY_ORIGIN).unwrap();
        serde_json::to_value(self.0.do_registration(origin, options).unwrap()).unwrap()
    }

    /// Answers `navigator.credentials.get` options with `credential_id` (the soft device has
    /// no list of discoverable credentials: it is told which one, as the person picks one).
    pub fn get(&mut self, options: &Value, credential_id: &str) -> Value {
        let mut options = options.clone();
        options["publicKey"]["allowCredentials"] = serde_json::json!([{"type": "public-key", "id": credential_id}]);
        let options = serde_json::from_value(options).unwrap();
        let origin = url::Url::parse(PASSKEY_ORIGIN).unwrap();
        serde_json::to_value(self.0.do_authentication(origin, options).unwrap()).unwrap()
    }
}

/// Adds a passkey called `name` to the account of `cookie` (confirmed with the password);
/// returns the list entry and the credential ID.
pub async fn add_passkey(app: &TestApp, cookie: &str, device: &mut SoftDevice, name: &str) -> (Value, String) {
    let start = app
        .call(
            Method::POST,
            "/api/me/passkeys/start",
            Some(serde_json::json!({"name": name, "password": PASSWORD})),
            Some(cookie),
        )
        .await;
    assert_eq!(start.status, StatusCode::OK, "{:?}", start.body);
    let credential = device.create(&start.body["options"]);
    let id = credential["id"].as_str().unwrap().to_owned();
    let finish = app
        .call(
            Method::POST,
            "/api/me/passkeys/finish",
            Some(serde_json::json!({"ceremony": start.body["ceremony"], "credential": credential})),
            Some(cookie),
        )
        .await;
    assert_eq!(finish.status, StatusCode::CREATED, "{:?}", finish.body);
    (finish.body, id)
}

/// The references of the candidates `slug` may see that match `q` (and pass `filter`, when
/// one is given), by brute force: every stored candidate through `view_for`.
pub async fn brute_force(
    app: &TestApp,
    slug: &str,
    q: &str,
    filter: Option<&zelfregie_model::CandidateFilter>,
) -> std::collections::BTreeSet<String> {
    use zelfregie_domain::candidates::{view_for, Candidate};
    use zelfregie_domain::testing::documents::{load, Table};
    let db = &app.state.db;
    let ids: Vec<i64> = sqlx::query_scalar("SELECT account_id FROM profiles").fetch_all(db.pool()).await.unwrap();
    let mut want = std::collections::BTreeSet::new();
    for id in ids {
        let (Some((profile, _)), Some((vis, _))) = (
            load(db.pool(), Table::Profiles, id).await.unwrap(),
            load(db.pool(), Table::Visibility, id).await.unwrap(),
        ) else {
            continue;
        };
        let (profile, vis): (zelfregie_model::Profile, zelfregie_model::Visibility) =
            (serde_json::from_str(&profile).unwrap(), serde_json::from_str(&vis).unwrap());
        let candidate = Candidate::load(db, id).await.unwrap();
        if let Some(view) = view_for(&app.state.reference_key, &candidate, &profile, &vis, slug) {
            if view.matches(q) && filter.is_none_or(|f| view.passes(f)) {
                want.insert(view.reference);
            }
        }
    }
    want
}

/// Every page of a search of `partner` (id, slug) from the start, `per_page` at a time,
/// counting the matches up to `counted`.
pub async fn search_pages(
    app: &TestApp,
    partner: (i64, &str),
    q: &str,
    filter: &zelfregie_model::CandidateFilter,
    per_page: usize,
    counted: usize,
) -> Vec<zelfregie_domain::candidates::Page> {
    let (mut pages, mut after) = (Vec::new(), String::new());
    loop {
        let page = zelfregie_domain::candidates::search(
            &app.state.db,
            &app.state.reference_key,
            partner.0,
            partner.1,
            q,
            filter,
            &after,
            per_page,
            counted,
        )
        .await
        .unwrap();
        let next = page.next.clone();
        pages.push(page);
        match next {
            Some(next) => after = next,
            None => return pages,
        }
    }
}
