//! Faults the database meets (docs/storage.md "Faults"): a full disk under SQLite (a real,
//! small tmpfs filled to the last byte) and a PostgreSQL server stopped under load. While
//! writes cannot succeed they answer 503 with `Retry-After`, never 500, and the health check
//! says so; afterwards every connection of the pool works again.

use crate::common;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use common::{Reply, TestApp};
use serde_json::json;

/// A tmpfs of `size` mounted on a temporary directory, unmounted when dropped. Mounting needs
/// root (as in CI) or `sudo` without a password; `None` when neither works.
struct Tmpfs {
    dir: tempfile::TempDir,
    sudo: bool,
}

impl Tmpfs {
    fn mount(size: &str) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().ok()?;
        let options = format!("size={size},mode=0755");
        let as_root = std::process::Command::new("id").arg("-u").output().ok()?.stdout == b"0\n";
        let mut command = if as_root {
            std::process::Command::new("mount")
        } else {
            let mut sudo = std::process::Command::new("sudo");
            sudo.args(["-n", "mount"]);
            sudo
        };
        let ok = command.args(["-t", "tmpfs", "-o", &options, "tmpfs"]).arg(dir.path()).status().ok()?.success();
        ok.then_some(Tmpfs { dir, sudo: !as_root })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let mut command = if self.sudo {
            let mut sudo = std::process::Command::new("sudo");
            sudo.args(["-n", "umount"]);
            sudo
        } else {
            std::process::Command::new("umount")
        };
        let _ = command.arg("-l").arg(self.dir.path()).status();
    }
}

/// Writes zeros into `path` until the filesystem is full.
fn fill(path: &Path) -> u64 {
    use std::io::Write;
    let mut file = std::fs::File::create(path).unwrap();
    let chunk = vec![0u8; 64 * 1024];
    let mut written = 0;
    loop {
        match file.write(&chunk) {
            Ok(0) => break,
            Ok(n) => written += n as u64,
            Err(e) if e.raw_os_error() == Some(28) => break, // ENOSPC
            Err(e) => panic!("filling the disk: {e}"),
        }
    }
    let _ = file.sync_all();
    written
}

/// One save of the person's profile: read its version, write with `If-Match`.
async fn save_profile(app: &TestApp, cookie: &str, first_name: &str) -> Reply {
    let current = app.get("/api/me/profile", Some(cookie)).await;
    if current.status != StatusCode::OK {
        return current;
    }
    let body =
        json!({"personal": {"first_name": first_name, "last_name": "Jansen", "postcode": "6411ab", "city": "Heerlen"}});
    let request = Request::builder()
        .method(Method::PUT)
        .uri("/api/me/profile")
        .header("x-requested-with", "zelfregie")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::COOKIE, cookie)
        .header(header::IF_MATCH, current.header("etag"))
        .body(Body::from(body.to_string()))
        .unwrap();
    app.send(request).await
}

/// Asks `/api/health` until it answers `want` (at most 10 s); whether it did.
async fn health_becomes(app: &TestApp, want: StatusCode) -> bool {
    for _ in 0..100 {
        if app.get("/api/health", None).await.status == want {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    false
}

/// Saves of many people at once; each answer's status (a conflict between two saves of the
/// same person is an answer too).
async fn parallel_saves(app: &Arc<TestApp>, cookies: &[String], round: usize) -> Vec<Reply> {
    let saves = cookies.iter().enumerate().map(|(i, cookie)| {
        let (app, cookie) = (app.clone(), cookie.clone());
        tokio::spawn(async move { save_profile(&app, &cookie, &format!("Ronde {round} nummer {i}")).await })
    });
    let mut replies = Vec::new();
    for save in saves {
        replies.push(save.await.unwrap());
    }
    replies
}

/// SQLite on a real filesystem that runs full: writes answer 503 (before: 500 `internal`),
/// the health check says 503 (before: 200), and once there is room again every write works
/// (before: each of the pool's connections refused every transaction until a restart,
/// "attempted to call begin_with at non-zero transaction depth").
#[tokio::test]
async fn a_full_disk_answers_503_and_every_connection_works_again_after() {
    if common::on_postgres() {
        return; // SQLite's own file; PostgreSQL's fault is the restart below.
    }
    let Some(disk) = Tmpfs::mount("24m") else {
        eprintln!("skipped: mounting a tmpfs needs root or passwordless sudo");
        return;
    };
    let data: PathBuf = disk.path().join("data");
    let app = Arc::new(TestApp::with(|c| c.data_dir = data.clone()).await);
    let mut cookies = Vec::new();
    for i in 0..12 {
        cookies.push(app.registered(&format!("vol-{i}@example.org")).await);
    }
    assert_eq!(save_profile(&app, &cookies[0], "Voor").await.status, StatusCode::OK);
    assert_eq!(app.get("/api/health", None).await.status, StatusCode::OK);

    let filled = fill(&disk.path().join("filler"));
    assert!(filled > 0);
    // Every pool connection tries to write, several times, while the disk is full.
    let mut unavailable = 0;
    for round in 0..4 {
        for reply in parallel_saves(&app, &cookies, round).await {
            match reply.status {
                StatusCode::SERVICE_UNAVAILABLE => {
                    assert_eq!(reply.code(), "service_unavailable");
                    assert!(!reply.header("retry-after").is_empty(), "Retry-After with a 503");
                    unavailable += 1;
                }
                StatusCode::OK | StatusCode::PRECONDITION_FAILED => {}
                other => panic!("a write on a full disk answered {other} {}", reply.code()),
            }
        }
    }
    assert!(unavailable > 0, "the disk was full, yet every write succeeded");
    assert!(health_becomes(&app, StatusCode::SERVICE_UNAVAILABLE).await, "health said 200 with a full disk");
    // Asking for an account is counted in the database first: it says "not now" instead of
    // "check your mail" for a mail that could not be written (before: 202).
    let r = app.register("nieuw-op-volle-schijf@example.org").await;
    assert_eq!((r.status, r.code()), (StatusCode::SERVICE_UNAVAILABLE, "service_unavailable"));

    std::fs::remove_file(disk.path().join("filler")).unwrap();
    assert!(health_becomes(&app, StatusCode::OK).await, "health stayed 503 with room on the disk");
    for round in 10..14 {
        for reply in parallel_saves(&app, &cookies, round).await {
            assert!(
                matches!(reply.status, StatusCode::OK | StatusCode::PRECONDITION_FAILED),
                "after the disk had room again: {} {}",
                reply.status,
                reply.code()
            );
        }
    }
    for (i, cookie) in cookies.iter().enumerate() {
        assert_eq!(save_profile(&app, cookie, &format!("Na {i}")).await.status, StatusCode::OK, "person {i}");
    }
}

/// Runs scripts/pg.sh `command` on the test's own cluster (its own port and state directory).
fn pg(state: &Path, command: &str) {
    let status = std::process::Command::new("bash")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/../../scripts/pg.sh"))
        .arg(command)
        .env("ZELFREGIE_TEST_PG_STATE", state)
        .env("ZELFREGIE_TEST_PG_PORT", "55479")
        .status()
        .unwrap();
    assert!(status.success(), "pg.sh {command}");
}

/// The test's own PostgreSQL cluster, stopped and deleted when dropped.
struct OwnCluster {
    state: PathBuf,
}

impl Drop for OwnCluster {
    fn drop(&mut self) {
        pg(&self.state, "stop");
    }
}

/// PostgreSQL stopped the way an administrator does (`pg_ctl stop -m fast`: open connections
/// are ended) while twelve people save, and started again a second later: every write in
/// flight or during the stop answers 503 with `Retry-After` (before: 500 `internal`, the
/// ended connection taken for a fault), the health check says 503 while it is down, and
/// afterwards every save works.
#[tokio::test]
async fn postgresql_stopped_under_load_answers_503_and_recovers() {
    if !common::on_postgres() {
        return; // The SQLite run has the full disk above.
    }
    let state = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/pg-restart"));
    pg(&state, "start");
    let cluster = OwnCluster { state };
    let url = std::fs::read_to_string(cluster.state.join("url")).unwrap().trim().to_owned();
    let app = Arc::new(TestApp::with(|c| c.database_url = Some(zelfregie_server::config::Secret(url))).await);
    let mut cookies = Vec::new();
    for i in 0..12 {
        cookies.push(app.registered(&format!("herstart-{i}@example.org")).await);
    }
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writers: Vec<_> = cookies
        .iter()
        .enumerate()
        .map(|(i, cookie)| {
            let (app, cookie, stop) = (app.clone(), cookie.clone(), stop.clone());
            tokio::spawn(async move {
                let mut statuses = Vec::new();
                let mut n = 0;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    let reply = save_profile(&app, &cookie, &format!("Poging {i} {n}")).await;
                    if reply.status == StatusCode::SERVICE_UNAVAILABLE {
                        assert!(!reply.header("retry-after").is_empty(), "Retry-After with a 503");
                    }
                    statuses.push((reply.status, reply.code().to_owned()));
                    n += 1;
                    tokio::time::sleep(Duration::from_millis(10)).await;
                }
                statuses
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let state = cluster.state.clone();
    tokio::task::spawn_blocking(move || pg(&state, "pause")).await.unwrap();
    assert!(health_becomes(&app, StatusCode::SERVICE_UNAVAILABLE).await, "health said 200 with the database down");
    tokio::time::sleep(Duration::from_millis(500)).await;
    let state = cluster.state.clone();
    tokio::task::spawn_blocking(move || pg(&state, "resume")).await.unwrap();
    assert!(health_becomes(&app, StatusCode::OK).await, "health stayed 503 with the database back");
    tokio::time::sleep(Duration::from_millis(500)).await;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let mut unavailable = 0;
    for writer in writers {
        for (status, code) in writer.await.unwrap() {
            match status {
                StatusCode::SERVICE_UNAVAILABLE => unavailable += 1,
                StatusCode::OK | StatusCode::PRECONDITION_FAILED => {}
                other => panic!("a save while PostgreSQL stopped answered {other} {code}"),
            }
        }
    }
    assert!(unavailable > 0, "the database was stopped, yet no save was refused");
    for (i, cookie) in cookies.iter().enumerate() {
        assert_eq!(save_profile(&app, cookie, &format!("Daarna {i}")).await.status, StatusCode::OK, "person {i}");
    }
}
