//! Two server instances on one database, as behind a load balancer (on PostgreSQL when
//! `make test` runs the tests against it, on one SQLite file otherwise): sessions and
//! limits are shared, and the outbox delivers every message exactly once.

use crate::common;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode};
use axum::Router;
use common::{TestApp, PASSWORD};
use serde_json::json;
use zelfregie_model::newsletter::ConsentText;

#[tokio::test]
async fn a_session_and_a_limit_count_on_every_instance() {
    let a = TestApp::new().await;
    let b = a.second_instance().await;
    let cookie = a.registered("overal@example.org").await;
    assert_eq!(b.get("/api/session", Some(&cookie)).await.status, StatusCode::OK, "logged in at A, known at B");
    b.call(Method::DELETE, "/api/session", None, Some(&cookie)).await;
    assert_eq!(a.get("/api/session", Some(&cookie)).await.status, StatusCode::NO_CONTENT, "logged out at B, gone at A");

    // Guesses spread over both instances are counted together: five go ahead, the sixth waits.
    for i in 0..5 {
        let app = if i % 2 == 0 { &a } else { &b };
        assert_eq!(
            app.login("overal@example.org", &format!("gok {i} is fout fout")).await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    assert_eq!(b.login("overal@example.org", "de zesde gok").await.status, StatusCode::TOO_MANY_REQUESTS);
    sqlx::query("UPDATE throttle SET next_at = next_at + 600000 WHERE next_at = (SELECT max(next_at) FROM throttle)")
        .execute(a.state.db.pool())
        .await
        .unwrap();
    assert_eq!(a.login("overal@example.org", PASSWORD).await.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(b.login("overal@example.org", PASSWORD).await.status, StatusCode::TOO_MANY_REQUESTS);
}

/// Counts every delivery by its idempotency key.
#[derive(Default)]
struct Processor {
    seen: Mutex<HashMap<String, usize>>,
}

async fn hook(State(p): State<Arc<Processor>>, headers: HeaderMap) -> StatusCode {
    let key = headers.get("idempotency-key").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    // A little slow, so both workers are busy at once.
    tokio::time::sleep(Duration::from_millis(5)).await;
    *p.seen.lock().unwrap().entry(key).or_default() += 1;
    StatusCode::OK
}

#[tokio::test]
async fn two_outbox_workers_deliver_every_message_exactly_once() {
    let processor = Arc::new(Processor::default());
    let listener = tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0))).await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let router = Router::new().route("/hook", axum::routing::post(hook)).with_state(processor.clone());
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });

    let a = TestApp::with(|c| {
        c.processor_url = Some(url);
        c.processor_secret = zelfregie_server::config::Secret("gedeeld geheim van de verzendpartij".into());
        c.outbox_base_delay_ms = 20;
    })
    .await;
    let b = a.second_instance().await;
    // Twenty people (the registration limit of one address) subscribe, confirmed, and half
    // of them withdraw again: 30 messages.
    let v = ConsentText::current().version;
    for i in 0..20 {
        let app = if i % 2 == 0 { &a } else { &b };
        let cookie = app.registered(&format!("lezer-{i:02}@example.org")).await;
        app.call(Method::POST, "/api/me/newsletter", Some(json!({"text_version": v})), Some(&cookie)).await;
        let token = a.link_tokens(&format!("lezer-{i:02}@example.org"), "/nieuwsbrief/bevestigen").pop().unwrap();
        let r = app.call(Method::POST, "/api/newsletter/confirm", Some(json!({"token": token})), None).await;
        assert_eq!(r.body["subscription"], "active");
        if i % 2 == 1 {
            app.call(Method::DELETE, "/api/me/newsletter", None, Some(&cookie)).await;
        }
    }
    // Both instances' workers at once, each with a few tasks.
    let workers: Vec<_> = (0..3)
        .flat_map(|_| [a.state.outbox.clone(), b.state.outbox.clone()])
        .map(|outbox| tokio::spawn(outbox.run()))
        .collect();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    loop {
        let pending: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM processor_outbox WHERE status <> 'delivered'")
            .fetch_one(a.state.db.pool())
            .await
            .unwrap();
        if pending == 0 {
            break;
        }
        assert!(tokio::time::Instant::now() < deadline, "{pending} not delivered");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    for w in workers {
        w.abort();
    }
    let seen = processor.seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 30, "every message arrived");
    let twice: Vec<_> = seen.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "delivered more than once: {twice:?}");
}

/// A processor that takes its time over a subscription (two seconds) and answers an
/// erasure at once, and applies each message when it has finished with it: what a person
/// ends up as, per address.
#[derive(Default)]
struct SlowProcessor {
    subscribed: Mutex<HashMap<String, bool>>,
}

async fn slow_hook(State(p): State<Arc<SlowProcessor>>, body: String) -> StatusCode {
    let message: serde_json::Value = serde_json::from_str(&body).unwrap();
    let email = message["email"].as_str().unwrap().to_owned();
    let subscribe = message["action"] == "subscribe";
    if subscribe {
        tokio::time::sleep(Duration::from_secs(2)).await;
    }
    p.subscribed.lock().unwrap().insert(email, subscribe && message["erase"] != true);
    StatusCode::OK
}

/// docs/security.md "Outbox order": eight people confirm the newsletter on instance A,
/// whose worker starts delivering (the processor takes 2 s), and erase their account on
/// instance B 0.2–0.8 s later, B's worker running. The erasure notice waits for the
/// subscription still being delivered, so every one of them ends erased at the processor
/// (before: the notice went at once and the older subscription landed after it, 8 of 8
/// ended subscribed).
#[tokio::test]
async fn an_erasure_on_another_instance_waits_for_a_subscription_being_delivered() {
    let processor = Arc::new(SlowProcessor::default());
    let listener = tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0))).await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let router = Router::new().route("/hook", axum::routing::post(slow_hook)).with_state(processor.clone());
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    let a = Arc::new(
        TestApp::with(|c| {
            c.processor_url = Some(url);
            c.processor_secret = zelfregie_server::config::Secret("gedeeld geheim van de verzendpartij".into());
            c.outbox_base_delay_ms = 20;
        })
        .await,
    );
    let b = Arc::new(a.second_instance().await);
    let v = ConsentText::current().version;
    let mut people = Vec::new();
    for i in 0..8 {
        let email = format!("weg-{i}@example.org");
        let cookie = a.registered(&email).await;
        a.call(Method::POST, "/api/me/newsletter", Some(json!({"text_version": v})), Some(&cookie)).await;
        let token = a.link_tokens(&email, "/nieuwsbrief/bevestigen").pop().unwrap();
        let r = a.call(Method::POST, "/api/newsletter/confirm", Some(json!({"token": token})), None).await;
        assert_eq!(r.body["subscription"], "active");
        people.push((email, cookie));
    }
    // A's worker takes all eight subscriptions at once.
    let deliveries: Vec<_> = (0..8)
        .map(|_| {
            let outbox = a.state.outbox.clone();
            tokio::spawn(async move { outbox.deliver_one().await.unwrap() })
        })
        .collect();
    for _ in 0..200 {
        let leased: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM processor_outbox WHERE lease_until IS NOT NULL")
            .fetch_one(a.state.db.pool())
            .await
            .unwrap();
        if leased == 8 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    // B's worker runs from now on.
    let workers: Vec<_> = (0..3).map(|_| tokio::spawn(b.state.outbox.clone().run())).collect();
    let erasures: Vec<_> = people
        .iter()
        .enumerate()
        .map(|(i, (_, cookie))| {
            let (b, cookie) = (b.clone(), cookie.clone());
            tokio::spawn(async move {
                tokio::time::sleep(Duration::from_millis(200 + 80 * i as u64)).await;
                b.call(Method::DELETE, "/api/me/account", Some(json!({"password": PASSWORD})), Some(&cookie))
                    .await
                    .status
            })
        })
        .collect();
    for erasure in erasures {
        assert_eq!(erasure.await.unwrap(), StatusCode::NO_CONTENT);
    }
    for delivery in deliveries {
        assert!(delivery.await.unwrap(), "each of A's deliveries had a subscription to deliver");
    }
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        let pending: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM processor_outbox WHERE status = 'pending'")
            .fetch_one(a.state.db.pool())
            .await
            .unwrap();
        if pending == 0 {
            break;
        }
        assert!(tokio::time::Instant::now() < deadline, "{pending} messages not delivered");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    for w in workers {
        w.abort();
    }
    let subscribed = processor.subscribed.lock().unwrap().clone();
    for (email, _) in &people {
        assert_eq!(subscribed.get(email), Some(&false), "{email} ended subscribed at the processor");
    }
    // Nothing about them is left in the outbox but wiped traces.
    let left: i64 =
        sqlx::query_scalar(&format!("SELECT COUNT(*) FROM processor_outbox WHERE {}", common::contains_sql("payload")))
            .bind("weg-")
            .fetch_one(a.state.db.pool())
            .await
            .unwrap();
    assert_eq!(left, 0, "an erased person's address is still in the outbox");
}
