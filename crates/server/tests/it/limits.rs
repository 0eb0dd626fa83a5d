//! Limits as attackers and slow networks meet them: parallel guesses and registrations,
//! keyed counters, re-authentication on its own counter, the client address behind a
//! proxy, recruiters' request limit, slow and oversized requests on a real socket, and a
//! processor configured without its secret.

use crate::common;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use common::{TestApp, PASSWORD};
use sha2::{Digest, Sha256};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use zelfregie_server::serve::{serve, ServeSettings};

/// Sixty wrong passwords at once for one account: each is counted before it is checked, so
/// only the five free ones reach the password check (the clock held: however slow the
/// machine, no wait runs out meanwhile).
#[tokio::test]
async fn parallel_guesses_are_counted_before_the_password_is_checked() {
    let app = Arc::new(TestApp::new().await);
    app.registered("parallel@example.org").await;
    app.state.clock.hold();
    let guesses = (0..60).map(|i| {
        let app = app.clone();
        tokio::spawn(async move { app.login("parallel@example.org", &format!("gok {i:02} is fout fout")).await.status })
    });
    let mut checked = 0;
    let mut refused = 0;
    for g in guesses {
        match g.await.unwrap() {
            StatusCode::UNAUTHORIZED => checked += 1,
            StatusCode::TOO_MANY_REQUESTS => refused += 1,
            other => panic!("{other}"),
        }
    }
    assert_eq!(checked, 5, "{checked} guesses were checked (the first code checked all 60)");
    assert_eq!(checked + refused, 60);
}

/// docs/security.md "Login": five guesses at once, then each further one waits 1, 2, 4 …
/// seconds after the one before, to the millisecond (a wait counted in whole clock seconds
/// let a sixth and seventh through at once).
#[tokio::test]
async fn five_guesses_then_waits_of_one_and_two_seconds() {
    let app = TestApp::new().await;
    app.registered("vijf@example.org").await;
    app.state.clock.hold();
    let guess = |i: u32| {
        let app = &app;
        async move { app.login("vijf@example.org", &format!("fout wachtwoord {i}")).await }
    };
    for i in 0..5 {
        assert_eq!(guess(i).await.status, StatusCode::UNAUTHORIZED, "guess {i} is free");
    }
    let sixth = guess(5).await;
    assert_eq!(sixth.status, StatusCode::TOO_MANY_REQUESTS, "the sixth waits");
    assert_eq!(sixth.header("retry-after"), "1");
    app.state.clock.advance_ms(999);
    assert_eq!(guess(5).await.status, StatusCode::TOO_MANY_REQUESTS, "1 ms before the second is up");
    app.state.clock.advance_ms(1);
    assert_eq!(guess(5).await.status, StatusCode::UNAUTHORIZED, "the sixth, a second after the fifth");
    let seventh = guess(6).await;
    assert_eq!(seventh.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(seventh.header("retry-after"), "2");
    app.state.clock.advance_ms(1_999);
    assert_eq!(guess(6).await.status, StatusCode::TOO_MANY_REQUESTS);
    app.state.clock.advance_ms(1);
    assert_eq!(guess(6).await.status, StatusCode::UNAUTHORIZED, "the seventh, two seconds after the sixth");
    // The right password waits its turn too, then logs in and clears the counter.
    assert_eq!(app.login("vijf@example.org", PASSWORD).await.status, StatusCode::TOO_MANY_REQUESTS);
    app.state.clock.advance_ms(4_000);
    assert_eq!(app.login("vijf@example.org", PASSWORD).await.status, StatusCode::OK);
    assert_eq!(guess(7).await.status, StatusCode::UNAUTHORIZED, "a fresh start after a login");
}

/// Forty registrations at once from one address: all get the same answer, and exactly the
/// twenty an hour allows get a link.
#[tokio::test]
async fn parallel_registrations_keep_to_the_limit() {
    let app = Arc::new(TestApp::new().await);
    let tries = (0..40).map(|i| {
        let app = app.clone();
        tokio::spawn(async move { app.register(&format!("massa-{i:02}@example.org")).await.status })
    });
    for t in tries {
        assert_eq!(t.await.unwrap(), StatusCode::ACCEPTED);
    }
    let mut links = 0;
    for _ in 0..100 {
        links = (0..40)
            .filter(|i| !app.link_tokens(&format!("massa-{i:02}@example.org"), common::REGISTRATION_PAGE).is_empty())
            .count();
        if links >= 20 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let links_now = (0..40)
        .filter(|i| !app.link_tokens(&format!("massa-{i:02}@example.org"), common::REGISTRATION_PAGE).is_empty())
        .count();
    assert_eq!((links, links_now), (20, 20), "the old code accepted 33 of 40");
}

/// The counters' keys are HMACs with a server secret: a copy of the table cannot be checked
/// against a list of addresses.
#[tokio::test]
async fn counter_keys_are_keyed_hashes() {
    let app = TestApp::new().await;
    app.registered("sleutel@example.org").await;
    app.login("sleutel@example.org", "een fout wachtwoord hier").await;
    let keys: Vec<(Vec<u8>,)> =
        sqlx::query_as("SELECT key FROM throttle").fetch_all(app.state.db.pool()).await.unwrap();
    assert!(keys.len() >= 2, "login counters were written");
    for plain in ["login-ip:203.0.113.7", "login-account:sleutel@example.org", "register-ip:203.0.113.7"] {
        let bare = Sha256::digest(plain.as_bytes()).to_vec();
        assert!(keys.iter().all(|(k,)| *k != bare), "{plain} stored as a bare hash");
    }
    // And another server secret gives other keys for the same input.
    let other = TestApp::new().await;
    assert_ne!(app.state.throttle.key("login-ip", "203.0.113.7"), other.state.throttle.key("login-ip", "203.0.113.7"));
}

/// Somebody hammering the login page does not keep the owner from erasing their data:
/// re-authentication counts on its own.
#[tokio::test]
async fn a_locked_login_does_not_block_erasure() {
    let app = TestApp::new().await;
    let cookie = app.registered("eigenaar@example.org").await;
    for i in 0..8 {
        app.login("eigenaar@example.org", &format!("aanvaller gokt {i:02} fout")).await;
    }
    assert_eq!(app.login("eigenaar@example.org", PASSWORD).await.status, StatusCode::TOO_MANY_REQUESTS);
    let r = app
        .call(Method::DELETE, "/api/me/account", Some(serde_json::json!({"password": PASSWORD})), Some(&cookie))
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{:?}", r.body);
}

fn login_from(forwarded_for: &str, email: &str) -> Request<Body> {
    Request::post("/api/session")
        .header("x-requested-with", "zelfregie")
        .header("content-type", "application/json")
        .header("x-forwarded-for", forwarded_for)
        .body(Body::from(serde_json::json!({"email": email, "password": "fout fout fout fout"}).to_string()))
        .unwrap()
}

/// Behind a trusted load balancer (the test router's peer, 203.0.113.7), one client uses up
/// its 50 attempts on fifty different accounts (so only the per-address limit applies), as
/// `X-Forwarded-For` entries `client(i)`; then `same` is refused and `other` is not.
async fn one_client_behind_the_proxy_uses_its_attempts(client: impl Fn(usize) -> String, same: &str, other: &str) {
    let app = TestApp::with(|c| c.trusted_proxies = vec!["203.0.113.0/24".parse().unwrap()]).await;
    for i in 0..50 {
        let r = app.send(login_from(&client(i), &format!("a{i}@example.org"))).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", client(i));
    }
    let r = app.send(login_from(same, "een-meer@example.org")).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{same}: the same client used its attempts");
    let r = app.send(login_from(other, "een-meer@example.org")).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{other}: another client behind the same proxy is not held up");
}

/// Behind a trusted load balancer, each client counts by its own address; a client that
/// writes `X-Forwarded-For` itself, without a trusted proxy in between, changes nothing.
#[tokio::test]
async fn behind_a_trusted_proxy_clients_count_by_their_own_address() {
    one_client_behind_the_proxy_uses_its_attempts(|_| "198.51.100.1".into(), "198.51.100.1", "198.51.100.2").await;
    // Entries with a port (as some proxies write them) are the client, not garbage (issue 24:
    // everyone shared the proxy's bucket, and 50 failures locked all clients out).
    one_client_behind_the_proxy_uses_its_attempts(
        |i| format!("198.51.100.1:{}", 40_000 + i),
        "198.51.100.1:1",
        "198.51.100.2:40000",
    )
    .await;
    // IPv6: a /64 is one client, whichever of its addresses it uses; the next /64 is another.
    one_client_behind_the_proxy_uses_its_attempts(
        |i| format!("[2001:db8:1:2::{:x}]:443", i + 1),
        "2001:db8:1:2:ffff:ffff:ffff:fffe",
        "2001:db8:1:3::1",
    )
    .await;

    // Without trust, the header is ignored: everybody is the peer.
    let app = TestApp::new().await;
    for i in 0..50 {
        app.send(login_from(&format!("198.51.100.{i}"), &format!("b{i}@example.org"))).await;
    }
    let r = app.send(login_from("198.51.100.200", "nog-een@example.org")).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "a made-up header does not buy new attempts");
}

/// A recruiter cannot page through the bank or flood a candidate's log.
#[tokio::test]
async fn recruiter_requests_are_limited() {
    let app = TestApp::with(|c| c.recruiter_requests_per_minute = 30).await;
    zelfregie_domain::demo::seed_if_empty(&app.state).await.unwrap();
    let recruiter = app.demo_login("recruiter@brunssum.example.org").await;
    let recruiter = recruiter.session_cookie().unwrap();
    for i in 0..30 {
        assert_eq!(app.get("/api/recruiter/candidates", Some(&recruiter)).await.status, StatusCode::OK, "{i}");
    }
    let r = app.get("/api/recruiter/candidates?q=x", Some(&recruiter)).await;
    assert_eq!((r.status, r.code()), (StatusCode::TOO_MANY_REQUESTS, "too_many_attempts"));
    assert!(r.header("retry-after").parse::<u32>().unwrap() <= 60);
}

/// Starting with a processor URL but no secret would sign deliveries with an empty key.
#[tokio::test]
async fn a_processor_without_its_secret_is_refused_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = zelfregie_server::Config::for_tests(dir.path().join("data"));
    config.processor_url = Some("https://mail.example.org/hook".into());
    let error = zelfregie_server::AppState::new(&config).await.err().expect("refused");
    assert!(error.to_string().contains("--processor-secret"), "{error}");
    config.processor_secret = zelfregie_server::config::Secret("een gedeeld geheim van lengte".into());
    assert!(zelfregie_server::AppState::new(&config).await.is_ok());
}

/// The server on a real socket, as `main` runs it.
async fn real_server(app: &TestApp, header_timeout: Duration) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let router = zelfregie_server::app(app.state.clone());
    let settings = ServeSettings { header_timeout, shutdown_grace: Duration::from_secs(1) };
    tokio::spawn(serve(listener, router, settings, std::future::pending()));
    addr
}

/// Sends `request` raw and reads the status line (or `None` when the server closed first).
async fn status_line(stream: &mut TcpStream) -> Option<String> {
    let mut buf = vec![0u8; 4096];
    let n = stream.read(&mut buf).await.ok()?;
    (n > 0).then(|| String::from_utf8_lossy(&buf[..n]).lines().next().unwrap_or_default().to_owned())
}

/// Hundreds of connections that never finish their headers are cut off, and the server
/// keeps answering others meanwhile (the old server kept every one open until `/api/health`
/// timed out).
#[tokio::test]
async fn half_open_connections_are_cut_off_and_others_are_served() {
    let app = TestApp::new().await;
    let addr = real_server(&app, Duration::from_secs(1)).await;
    let mut slow = connections(addr, 300, |_| b"GET /api/health HTTP/1.1\r\nHost: zelfregie\r\nX-Slow: ").await;
    let started = Instant::now();
    let health = reqwest_get(addr, "/api/health").await;
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    assert!(started.elapsed() < Duration::from_secs(1), "health answered while 300 connections hang");
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let mut closed = 0;
    for s in &mut slow {
        let mut buf = [0u8; 1024];
        // The server answers 408 or just closes: either way the connection ends.
        match tokio::time::timeout(Duration::from_millis(200), s.read(&mut buf)).await {
            Ok(Ok(_)) | Ok(Err(_)) => closed += 1,
            Err(_) => {}
        }
    }
    assert_eq!(closed, 300, "every half-open connection was closed after the header timeout");
}

/// Issue 24: connections that send nothing at all, or only the HTTP/2 preface, had no
/// deadline; 1,100 of them used up the file descriptors. Each is closed once the header
/// timeout has passed since accept, and health answers meanwhile.
#[tokio::test]
async fn silent_connections_are_closed_from_accept() {
    let app = TestApp::new().await;
    let addr = real_server(&app, Duration::from_secs(1)).await;
    let mut silent =
        connections(addr, 300, |i| if i % 2 == 1 { b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" } else { b"" }).await;
    let health = reqwest_get(addr, "/api/health").await;
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let mut closed = 0;
    for s in &mut silent {
        let mut buf = [0u8; 1024];
        // Closed: a read ends (0 bytes, an error, or the server's goodbye, e.g. an HTTP/2
        // GOAWAY, then the end). Still open: the read waits.
        let ended = tokio::time::timeout(Duration::from_millis(500), async {
            loop {
                match s.read(&mut buf).await {
                    Ok(0) | Err(_) => return,
                    Ok(_) => {}
                }
            }
        })
        .await;
        if ended.is_ok() {
            closed += 1;
        }
    }
    assert_eq!(closed, 300, "every silent connection was closed after the deadline");
    let health = reqwest_get(addr, "/api/health").await;
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
}

/// `n` raw connections to `addr`, the `i`th having sent `first(i)` and then nothing more.
async fn connections(addr: SocketAddr, n: usize, first: impl Fn(usize) -> &'static [u8]) -> Vec<TcpStream> {
    let mut open = Vec::with_capacity(n);
    for i in 0..n {
        let mut s = TcpStream::connect(addr).await.unwrap();
        s.write_all(first(i)).await.unwrap();
        open.push(s);
    }
    open
}

async fn reqwest_get(addr: SocketAddr, path: &str) -> String {
    let mut s = TcpStream::connect(addr).await.unwrap();
    s.write_all(format!("GET {path} HTTP/1.1\r\nHost: zelfregie\r\nConnection: close\r\n\r\n").as_bytes())
        .await
        .unwrap();
    status_line(&mut s).await.unwrap_or_default()
}

/// A body announced larger than the route accepts is refused before a byte of it is read;
/// a body that trickles in too slowly ends in `408 request_timeout`.
#[tokio::test]
async fn oversized_and_slow_bodies_are_refused() {
    let app = TestApp::with(|c| c.request_timeout_secs = 1).await;
    let addr = real_server(&app, Duration::from_secs(5)).await;

    let mut s = TcpStream::connect(addr).await.unwrap();
    s.write_all(
        b"POST /api/session HTTP/1.1\r\nHost: zelfregie\r\nX-Requested-With: zelfregie\r\n\
          Content-Type: application/json\r\nContent-Length: 10000000\r\n\r\n",
    )
    .await
    .unwrap();
    let line = tokio::time::timeout(Duration::from_millis(500), status_line(&mut s)).await.expect("answered at once");
    assert_eq!(line.as_deref(), Some("HTTP/1.1 413 Payload Too Large"));

    let mut s = TcpStream::connect(addr).await.unwrap();
    s.write_all(
        b"POST /api/session HTTP/1.1\r\nHost: zelfregie\r\nX-Requested-With: zelfregie\r\n\
          Content-Type: application/json\r\nContent-Length: 60\r\n\r\n{\"email\":",
    )
    .await
    .unwrap();
    let started = Instant::now();
    let line = tokio::time::timeout(Duration::from_secs(5), status_line(&mut s)).await.expect("answered");
    assert_eq!(line.as_deref(), Some("HTTP/1.1 408 Request Timeout"));
    assert!(started.elapsed() >= Duration::from_millis(900));
}

/// Requests in parallel read the clock, then write their count in another order: one that
/// read second T-1 may commit after one that read T. Under its limit neither may be refused
/// (a recruiter's page asks for several things at once; a bench saw 429s at second
/// boundaries with the limit at four billion).
#[tokio::test]
async fn attempts_under_the_limit_pass_in_any_commit_order() {
    use zelfregie_domain::testing::throttle::{attempt, Window};
    let app = TestApp::new().await;
    let pool = app.state.db.pool();
    let count = Window { window_secs: 60, free: 100, max_delay_secs: 0, max: 100 };
    // Within a window, and across the start of the next one (milliseconds).
    for (key, times) in [
        (&b"within"[..], [1_000_000, 1_001_000, 1_000_500, 999_999, 1_001_000]),
        (&b"across"[..], [1_000_000, 1_060_000, 1_059_999, 1_060_001, 1_058_000]),
    ] {
        for now in times {
            assert!(attempt(pool, key, now, &count).await.unwrap().is_some(), "{key:?} at {now} after {times:?}");
        }
    }
    // A wait still holds: the delayed login limit refuses the attempt before its time.
    let delayed = Window { window_secs: 900, free: 1, max_delay_secs: 900, max: 100 };
    assert!(attempt(pool, b"delayed", 2_000_000, &delayed).await.unwrap().is_some(), "the free one starts a 1 s wait");
    assert!(attempt(pool, b"delayed", 2_000_999, &delayed).await.unwrap().is_none(), "within the wait");
    assert!(attempt(pool, b"delayed", 2_001_000, &delayed).await.unwrap().is_some(), "after it: a 2 s wait");
    assert!(attempt(pool, b"delayed", 2_002_999, &delayed).await.unwrap().is_none(), "within the wait");
    assert!(attempt(pool, b"delayed", 2_003_000, &delayed).await.unwrap().is_some(), "after it");
}
