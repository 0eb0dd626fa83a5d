//! Retention of records with a clock of their own (issue 13; docs/security.md "Retention"):
//! consent history two years after
//! withdrawal, disclosure log entries five years after the access, messages delivered to
//! the mailing processor thirty days after delivery (each person's latest stays). The clock
//! is moved to one second before and exactly at each boundary and the counts are exact; a
//! dry run counts without deleting; a second run deletes nothing; two instances at once
//! delete each row once. The spans come from the register's `retention_limits`.

use crate::common;

use common::TestApp;
use zelfregie_domain::retention::{enforce_limits, run, RecordCounts};
use zelfregie_domain::testing::to_datetime;
use zelfregie_model::retention::{Records, Span};

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(app.state.db.pool()).await.unwrap()
}

/// The register's span of `records`.
fn span(records: Records) -> Span {
    zelfregie_model::retention::limits().into_iter().find(|(_, l)| l.records == records).unwrap().1.after
}

fn at(span: Span, from: i64) -> i64 {
    span.after(to_datetime(from)).unix_timestamp()
}

async fn disclosure(app: &TestApp, account: i64, at: i64, day: i64) {
    let partner: i64 = count(app, "SELECT MIN(id) FROM partners").await;
    sqlx::query(
        "INSERT INTO disclosures (account_id, partner_id, day, first_at, at, count, kind, sections)
         VALUES ($1, $2, $3, $4, $5, 1, 'opened', 'personal')",
    )
    .bind(account)
    .bind(partner)
    .bind(format!("dag-{day}"))
    .bind(at)
    .bind(at)
    .execute(app.state.db.pool())
    .await
    .unwrap();
}

async fn consent(app: &TestApp, account: i64, kind: &str, at: i64) {
    sqlx::query(
        "INSERT INTO consent_events (account_id, kind, at, text_version, text_hash, channel) VALUES ($1, $2, $3, 1, 'h', 'portal')",
    )
    .bind(account)
    .bind(kind)
    .bind(at)
    .execute(app.state.db.pool())
    .await
    .unwrap();
}

async fn delivered(app: &TestApp, account: Option<i64>, at: i64, key: &str) {
    sqlx::query(
        "INSERT INTO processor_outbox (account_id, action, payload, idempotency_key, status, attempts, next_attempt_at, created_at, delivered_at)
         VALUES ($1, 'subscribe', '{}', $2, 'delivered', 1, 0, $3, $4)",
    )
    .bind(account)
    .bind(key)
    .bind(at)
    .bind(at)
    .execute(app.state.db.pool())
    .await
    .unwrap();
}

/// Everyone logs in at `now` (so the inactivity rule stays out of the way), then one run.
async fn run_at(app: &TestApp, ids: &[i64], now: i64) -> RecordCounts {
    for id in ids {
        zelfregie_domain::testing::retention::record_activity(app.state.db.pool(), *id, now).await.unwrap();
    }
    let report = run(&app.state, now).await.unwrap();
    assert_eq!((report.warned, report.erased), (0, 0));
    report.records
}

fn counts(consent_history: u64, disclosure_log: u64, delivered_messages: u64) -> RecordCounts {
    RecordCounts { consent_history, disclosure_log, delivered_messages, ..RecordCounts::default() }
}

#[tokio::test]
async fn each_limit_deletes_exactly_its_records_at_its_boundary_and_only_once() {
    let app = TestApp::new().await;
    // Three people, each logging in at every run (the inactivity rule stays out of the way).
    app.registered("vertrekt@example.org").await;
    app.registered("blijft@example.org").await;
    app.registered("komt-terug@example.org").await;
    let (p1, p2, p3) = (
        app.account_id("vertrekt@example.org").await,
        app.account_id("blijft@example.org").await,
        app.account_id("komt-terug@example.org").await,
    );
    let ids = [p1, p2, p3];
    let t = app.state.clock.now();

    // Consent: p1 withdrew at t; p2 withdrew earlier but consented again at t.
    consent(&app, p1, "given", t - 20).await;
    consent(&app, p1, "confirmed", t - 10).await;
    consent(&app, p1, "withdrawn", t).await;
    consent(&app, p2, "given", t - 30).await;
    consent(&app, p2, "withdrawn", t - 20).await;
    consent(&app, p2, "given", t).await;
    // The append-only rule still holds for everyone else.
    let plain =
        sqlx::query("DELETE FROM consent_events WHERE account_id = $1").bind(p2).execute(app.state.db.pool()).await;
    assert!(plain.is_err(), "consent events cannot be deleted outside the retention job");
    // Disclosures: one at t, one a second later.
    disclosure(&app, p1, t, 1).await;
    disclosure(&app, p1, t + 1, 2).await;
    // Deliveries: p1's older one and an erasure notice go; p1's and p2's latest stay.
    delivered(&app, Some(p1), t, "k1").await;
    delivered(&app, Some(p1), t, "k2").await;
    delivered(&app, Some(p2), t, "k3").await;
    delivered(&app, None, t, "k4").await;

    // A dry run at the farthest boundary counts everything and deletes nothing.
    let far = at(Span::Years(10), t) + 10;
    assert_eq!(enforce_limits(&app.state, far, true).await.unwrap(), counts(3, 2, 2));
    assert_eq!(enforce_limits(&app.state, far, true).await.unwrap(), counts(3, 2, 2), "nothing was deleted");

    let day30 = at(span(Records::DeliveredMessages), t);
    assert_eq!(day30 - t, 30 * 86_400);
    assert_eq!(run_at(&app, &ids, day30 - 1).await, counts(0, 0, 0));
    assert_eq!(run_at(&app, &ids, day30).await, counts(0, 0, 2));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM processor_outbox").await, 2, "each person's latest stays");

    let years2 = at(span(Records::ConsentHistory), t);
    assert_eq!(run_at(&app, &ids, years2 - 1).await, counts(0, 0, 0));
    assert_eq!(run_at(&app, &ids, years2).await, counts(3, 0, 0));
    assert_eq!(count(&app, &format!("SELECT COUNT(*) FROM consent_events WHERE account_id = {p1}")).await, 0);
    assert_eq!(
        count(&app, &format!("SELECT COUNT(*) FROM consent_events WHERE account_id = {p2}")).await,
        3,
        "consent given again"
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM consent_event_deletions").await, 0, "no permit is left behind");

    let years5 = at(span(Records::DisclosureLog), t);
    assert_eq!(run_at(&app, &ids, years5 - 1).await, counts(0, 0, 0));
    assert_eq!(run_at(&app, &ids, years5).await, counts(0, 1, 0));
    assert_eq!(run_at(&app, &ids, years5 + 1).await, counts(0, 1, 0));

    // Exactly once: later runs find nothing; every account is still there.
    assert_eq!(run_at(&app, &ids, at(Span::Years(10), t)).await, counts(0, 0, 0));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM accounts WHERE role = 'person'").await, 3);
}

#[tokio::test]
async fn two_instances_at_once_delete_each_record_once() {
    let app = TestApp::new().await;
    let other = app.second_instance().await;
    let mut ids = Vec::new();
    for i in 0..8 {
        app.registered(&format!("twee-{i}@example.org")).await;
        ids.push(app.account_id(&format!("twee-{i}@example.org")).await);
    }
    let t = app.state.clock.now();
    for (n, id) in ids.iter().enumerate() {
        for d in 0..5 {
            disclosure(&app, *id, t, d).await;
        }
        consent(&app, *id, "given", t - 1).await;
        consent(&app, *id, "withdrawn", t).await;
        delivered(&app, Some(*id), t, &format!("a{n}")).await;
        delivered(&app, Some(*id), t, &format!("b{n}")).await;
    }
    let now = at(Span::Years(6), t);
    for id in &ids {
        zelfregie_domain::testing::retention::record_activity(app.state.db.pool(), *id, now).await.unwrap();
    }
    let (x, y) = tokio::join!(enforce_limits(&app.state, now, false), enforce_limits(&other.state, now, false));
    let (x, y) = (x.unwrap(), y.unwrap());
    let sum = counts(
        x.consent_history + y.consent_history,
        x.disclosure_log + y.disclosure_log,
        x.delivered_messages + y.delivered_messages,
    );
    assert_eq!(sum, counts(16, 40, 8), "{x:?} + {y:?}");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM disclosures").await, 0);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM consent_events").await, 0);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM processor_outbox").await, 8);
}

/// The disclosure log's staff part (which staff role opened the person's data) goes by the
/// same five-year clock as what partners saw: the register says so for the whole log (before:
/// staff entries were kept as long as the account).
#[tokio::test]
async fn staff_entries_of_the_disclosure_log_go_after_five_years_too() {
    let app = TestApp::new().await;
    app.registered("gezien-door-staf@example.org").await;
    let id = app.account_id("gezien-door-staf@example.org").await;
    let t = app.state.clock.now();
    for (day, when) in [("oud", t), ("nieuw", t + 86_400)] {
        sqlx::query(
            "INSERT INTO staff_disclosures (account_id, role, what, day, first_at, at, count)
             VALUES ($1, 'privacy_staff', 'privacy_request', $2, $3, $3, 1)",
        )
        .bind(id)
        .bind(day)
        .bind(when)
        .execute(app.state.db.pool())
        .await
        .unwrap();
    }
    let years5 = at(span(Records::DisclosureLog), t);
    assert_eq!(run_at(&app, &[id], years5 - 1).await, counts(0, 0, 0));
    assert_eq!(run_at(&app, &[id], years5).await, counts(0, 1, 0), "the older staff entry");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM staff_disclosures").await, 1, "the newer one stays");
}
