//! `zelfregie-bench-api`: the API benchmark of `make bench` (docs/storage.md "Recruiter
//! search"). Seeds a fresh database with synthetic candidates (`zelfregie-server seed`),
//! starts the server on it, logs in a recruiter and a candidate, and measures at fixed
//! concurrency for a fixed time: `GET /api/health` (the anchor, in the same run), recruiter
//! list and search, and `GET /api/me/profile`. Prints rps and p50/p95/p99 of each, next to
//! the anchor, and the goals.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Parser;

#[derive(Parser)]
struct Args {
    /// The server binary (a release build).
    #[arg(long, default_value = "target/release/zelfregie-server")]
    server: PathBuf,
    /// Synthetic candidates to seed.
    #[arg(long, default_value_t = 100_000)]
    candidates: usize,
    /// Where the SQLite file goes (emptied first).
    #[arg(long, default_value = "target/bench-api")]
    data_dir: PathBuf,
    /// A PostgreSQL database instead (its tables are dropped first).
    #[arg(long)]
    database_url: Option<String>,
    /// Keep a database seeded by an earlier run with as many candidates (SQLite only).
    #[arg(long)]
    keep: bool,
    /// Seconds each measurement runs (after one second of warming up).
    #[arg(long, default_value_t = 5)]
    seconds: u64,
}

/// One measurement.
struct Figure {
    rps: f64,
    p50: f64,
    p95: f64,
    p99: f64,
    errors: usize,
}

/// Kills the server when the benchmark ends, however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let marker = args.data_dir.join(format!("seeded-{}", args.candidates));
    let keep = args.keep && args.database_url.is_none() && marker.exists();
    if !keep {
        let _ = std::fs::remove_dir_all(&args.data_dir);
        std::fs::create_dir_all(&args.data_dir)?;
    }
    if let Some(url) = &args.database_url {
        reset_postgres(url)?;
    }
    let mut common: Vec<String> = vec!["--data-dir".into(), args.data_dir.display().to_string()];
    if let Some(url) = &args.database_url {
        common.extend(["--database-url".into(), url.clone()]);
    }
    let backend = if args.database_url.is_some() { "PostgreSQL" } else { "SQLite" };

    if keep {
        println!("kept the {} candidates seeded before ({backend})", args.candidates);
    } else {
        let started = Instant::now();
        let status = Command::new(&args.server)
            .arg("seed")
            .arg("--candidates")
            .arg(args.candidates.to_string())
            .args(&common)
            .status()?;
        anyhow::ensure!(status.success(), "seeding failed");
        println!("seeded {} candidates ({backend}) in {:.1} s", args.candidates, started.elapsed().as_secs_f64());
        std::fs::write(&marker, b"")?;
    }

    let log = std::fs::File::create(args.data_dir.join("server.log"))?;
    let mut child = Command::new(&args.server)
        .args(["--demo", "--listen", "127.0.0.1:0", "--recruiter-requests-per-minute", "4000000000"])
        .args(["--static-dir", "/nonexistent"])
        .args(&common)
        .stdout(Stdio::piped())
        .stderr(log)
        .spawn()?;
    let stdout = child.stdout.take().expect("piped");
    let server = Server(child);
    let mut lines = BufReader::new(stdout).lines();
    let base = loop {
        let line = lines.next().ok_or_else(|| anyhow::anyhow!("the server stopped"))??;
        if let Some(url) = line.strip_prefix("zelfregie listening on ") {
            break url.trim().to_owned();
        }
    };
    // The server's log (one line per request, as in production) goes to a file.
    let mut log = std::fs::File::create(args.data_dir.join("server.stdout.log"))?;
    std::thread::spawn(move || {
        use std::io::Write;
        for line in lines.map_while(Result::ok) {
            let _ = writeln!(log, "{line}");
        }
    });

    let client = reqwest::Client::builder().pool_max_idle_per_host(64).build()?;
    let recruiter = login(&client, &base, "recruiter@beek.example.org", true).await?;
    let person = login(&client, &base, "kandidaat@example.org", false).await?;
    let first = client
        .get(format!("{base}/api/recruiter/candidates"))
        .header("cookie", &recruiter)
        .send()
        .await?
        .json::<serde_json::Value>()
        .await?;
    println!("Gemeente Beek sees {} of the {} candidates", first["total"], args.candidates);

    let seconds = Duration::from_secs(args.seconds);
    let health = |c| run(&client, &base, None, c, seconds, |_| "/api/health".to_owned());
    let list = |c| {
        run(&client, &base, Some(&recruiter), c, seconds, |i| {
            let after = ["", "4", "8", "c"][i % 4];
            format!("/api/recruiter/candidates?after={after}")
        })
    };
    let search = |c| {
        run(&client, &base, Some(&recruiter), c, seconds, |i| {
            format!("/api/recruiter/candidates?q={}", QUERIES[i % QUERIES.len()])
        })
    };
    let health8 = health(8).await;
    let list8 = list(8).await;
    let search8 = search(8).await;
    let health32 = health(32).await;
    let list32 = list(32).await;
    let search32 = search(32).await;
    let profile32 = run(&client, &base, Some(&person), 32, seconds, |_| "/api/me/profile".to_owned()).await;
    drop(server);

    println!();
    println!("API, release build, {backend}, {} candidates, {} s per row", args.candidates, args.seconds);
    println!(
        "{:<42} {:>9} {:>9} {:>9} {:>9} {:>7} {:>12}",
        "request", "rps", "p50 ms", "p95 ms", "p99 ms", "errors", "× health rps"
    );
    let row = |name: &str, f: &Figure, anchor: &Figure| {
        println!(
            "{name:<42} {:>9.0} {:>9.2} {:>9.2} {:>9.2} {:>7} {:>12.2}",
            f.rps,
            f.p50,
            f.p95,
            f.p99,
            f.errors,
            f.rps / anchor.rps
        );
    };
    row("GET /api/health (anchor), c=8", &health8, &health8);
    row("recruiter list, c=8", &list8, &health8);
    row("recruiter search, c=8", &search8, &health8);
    row("GET /api/health (anchor), c=32", &health32, &health32);
    row("recruiter list, c=32", &list32, &health32);
    row("recruiter search, c=32", &search32, &health32);
    row("GET /api/me/profile, c=32", &profile32, &health32);
    println!();
    let mark = |ok: bool| if ok { "reached" } else { "NOT reached" };
    println!("goal: recruiter search p95 < 50 ms at c=8: {:.2} ms, {}", search8.p95, mark(search8.p95 < 50.0));
    println!("goal: recruiter list p95 < 50 ms at c=8: {:.2} ms, {}", list8.p95, mark(list8.p95 < 50.0));
    let ratio = profile32.rps / health32.rps;
    println!("goal: /api/me/profile ≥ 0.5× health rps at c=32: {ratio:.2}×, {}", mark(ratio >= 0.5));
    println!("goal: /api/me/profile p99 < 10 ms at c=32: {:.2} ms, {}", profile32.p99, mark(profile32.p99 < 10.0));
    Ok(())
}

/// Searches the synthetic data answers: common and rare words, two words, word starts.
const QUERIES: &[&str] = &[
    "beleidsmedewerker",
    "kerkrade",
    "sql",
    "omgevingswet%20heerlen",
    "klant",
    "jansen",
    "archivaris%20vaals",
    "projectleider%20python",
    "samenwerken",
    "data%20analist",
    "jurist%20maastricht%20mediation",
    "onbekendwoord",
];

/// Logs in (with the demo authenticator code for staff) and returns the cookie.
async fn login(client: &reqwest::Client, base: &str, email: &str, staff: bool) -> anyhow::Result<String> {
    for _ in 0..4 {
        let mut body = serde_json::json!({"email": email, "password": zelfregie_domain::demo::DEMO_PASSWORD});
        if staff {
            let now =
                std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
            body["code"] =
                zelfregie_domain::second_factor::code_at(&zelfregie_domain::demo::demo_totp_secret(), now).into();
        }
        let reply = client
            .post(format!("{base}/api/session"))
            .header("x-requested-with", "zelfregie")
            .json(&body)
            .send()
            .await?;
        if reply.status().is_success() {
            let cookie = reply
                .headers()
                .get_all("set-cookie")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .find(|v| !v.contains("Max-Age=0"))
                .ok_or_else(|| anyhow::anyhow!("no session cookie"))?;
            return Ok(cookie.split(';').next().unwrap_or_default().to_owned());
        }
        // A code is accepted once: wait for the next one.
        tokio::time::sleep(Duration::from_secs(15)).await;
    }
    anyhow::bail!("{email} could not log in")
}

/// `concurrency` clients asking `path(i)` for `duration` (after a second of warming up).
async fn run(
    client: &reqwest::Client,
    base: &str,
    cookie: Option<&str>,
    concurrency: usize,
    duration: Duration,
    path: impl Fn(usize) -> String + Send + Sync + 'static + Copy,
) -> Figure {
    let counter = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut results = Vec::new();
    for phase in [Duration::from_secs(1), duration] {
        let deadline = Instant::now() + phase;
        let started = Instant::now();
        let mut tasks = Vec::new();
        for _ in 0..concurrency {
            let client = client.clone();
            let base = base.to_owned();
            let cookie = cookie.map(str::to_owned);
            let counter = counter.clone();
            tasks.push(tokio::spawn(async move {
                let mut times = Vec::new();
                let mut errors = 0;
                while Instant::now() < deadline {
                    let i = counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let mut request = client.get(format!("{base}{}", path(i)));
                    if let Some(cookie) = &cookie {
                        request = request.header("cookie", cookie);
                    }
                    let t = Instant::now();
                    let ok = match request.send().await {
                        Ok(reply) => reply.status().is_success() && reply.bytes().await.is_ok(),
                        Err(_) => false,
                    };
                    times.push(t.elapsed());
                    if !ok {
                        errors += 1;
                    }
                }
                (times, errors)
            }));
        }
        let mut times = Vec::new();
        let mut errors = 0;
        for task in tasks {
            let (t, e) = task.await.expect("a load task panicked");
            times.extend(t);
            errors += e;
        }
        results.push((times, errors, started.elapsed()));
    }
    let (mut times, errors, elapsed) = results.pop().expect("measured");
    times.sort();
    let at = |q: f64| {
        let i = ((times.len() as f64 * q).ceil() as usize).clamp(1, times.len().max(1)) - 1;
        times.get(i).map_or(f64::NAN, |d| d.as_secs_f64() * 1000.0)
    };
    Figure { rps: times.len() as f64 / elapsed.as_secs_f64(), p50: at(0.50), p95: at(0.95), p99: at(0.99), errors }
}

/// Drops every table of the PostgreSQL database so the seed starts empty (psql).
fn reset_postgres(url: &str) -> anyhow::Result<()> {
    let status = Command::new("psql")
        .arg(url)
        .args(["-q", "-c", "DROP SCHEMA public CASCADE; CREATE SCHEMA public;"])
        .status()?;
    anyhow::ensure!(status.success(), "could not empty the PostgreSQL database");
    Ok(())
}
