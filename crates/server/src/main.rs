//! `zelfregie-server`: parse configuration, open the database, listen.

use std::time::Duration;

use clap::Parser;
use tracing_subscriber::EnvFilter;
use zelfregie_domain::demo;
use zelfregie_server::config::LogFormat;
use zelfregie_server::serve::{serve, ServeSettings};
use zelfregie_server::{app, AppState, Config};

/// `zelfregie-server seed --candidates N [server options]`: synthetic candidates for the API
/// benchmark, with the demo accounts (docs/storage.md "Recruiter search").
#[derive(Parser)]
struct Seed {
    /// How many synthetic candidates to add.
    #[arg(long)]
    candidates: usize,
    #[command(flatten)]
    config: Config,
}

/// `zelfregie-server admin invite --email … [server options]`: invites the first
/// administrator (or another one) without a browser: prints the one-time link (24 hours) and
/// mails it (README "Start for real").
#[derive(Parser)]
struct AdminInvite {
    /// The administrator's e-mail address.
    #[arg(long)]
    email: String,
    /// The language of the mail (`nl` or `en`).
    #[arg(long, default_value = "nl")]
    language: String,
    #[command(flatten)]
    config: Config,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if args.get(1).is_some_and(|a| a == "seed") {
        args.remove(1);
        return seed(Seed::parse_from(args)).await;
    }
    if args.get(1).is_some_and(|a| a == "admin") {
        anyhow::ensure!(
            args.get(2).is_some_and(|a| a == "invite"),
            "usage: zelfregie-server admin invite --email <address> [server options]"
        );
        args.drain(1..3);
        return admin_invite(AdminInvite::parse_from(args)).await;
    }
    let mut config = Config::parse();
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    match config.log_format {
        LogFormat::Text => tracing_subscriber::fmt().with_env_filter(filter).init(),
        LogFormat::Json => tracing_subscriber::fmt().json().with_env_filter(filter).init(),
    }

    // Bind first: with port 0 the real address is known only now, and e-mail links need it.
    let listener = tokio::net::TcpListener::bind(config.listen).await?;
    let addr = listener.local_addr()?;
    config.listen = addr;
    let state = AppState::new(&config).await?;
    let seeded = config.demo && demo::seed_if_empty(&state).await?;
    if let Some(file) = &config.partner_keys {
        let n = zelfregie_domain::transfers::load_partner_keys(&state.db, file).await?;
        println!("partner keys: {n} loaded from {}", file.display());
    }
    if config.demo {
        let dir = config.data_dir.join("partner-keys");
        let n = zelfregie_domain::transfers::generate_demo_partner_keys(&state.db, &dir).await?;
        if n > 0 {
            println!("demo partner keys: {n} generated; secret keys in {}", dir.display());
        }
    }
    zelfregie_domain::jobs::spawn(state.services.clone());
    // Printed (not logged) so people and the end-to-end tests see where to go.
    println!("zelfregie listening on http://{addr}");
    match state.db.backend() {
        zelfregie_domain::Backend::Sqlite => {
            println!("database: {}", config.data_dir.join(zelfregie_domain::DB_FILE).display())
        }
        zelfregie_domain::Backend::Postgres => println!("database: PostgreSQL (--database-url)"),
    }
    if !state.spa.is_present() {
        println!("no SPA in {}: run `make build` first; serving the API only", config.static_dir.display());
    }
    if config.retention_dry_run {
        println!("retention: dry run (the job logs counts; it sends and deletes nothing)");
    }
    if config.smtp_url.is_none() {
        println!("mail: written to {} (no SMTP configured)", config.data_dir.join("mail").display());
    }
    if config.demo {
        println!(
            "demo mode{}: password `{}` for kandidaat@example.org, cursist@example.org, academie@example.org, beheer@example.org,",
            if seeded { " (demo data created)" } else { "" },
            demo::DEMO_PASSWORD
        );
        println!("  and recruiter@<partner>.example.org, e.g. recruiter@kerkrade.example.org (see README)");
    }
    let db = state.db.clone();
    let settings = ServeSettings {
        header_timeout: Duration::from_secs(config.header_timeout_secs.max(1)),
        shutdown_grace: Duration::from_secs(10),
    };
    serve(listener, app(state), settings, shutdown()).await?;
    // Closing the pool checkpoints the write-ahead log into the database file.
    db.close().await;
    Ok(())
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}

async fn admin_invite(invite: AdminInvite) -> anyhow::Result<()> {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("warn"));
    tracing_subscriber::fmt().with_env_filter(filter).init();
    let state = AppState::new(&invite.config).await?;
    let new = zelfregie_model::admin::NewInvitation {
        email: invite.email,
        role: Some(zelfregie_model::Role::Administrator),
        partner: None,
        language: Some(invite.language),
    };
    let result = zelfregie_domain::admin::invite(&state, &zelfregie_domain::admin::Actor::System, &new).await;
    state.db.close().await;
    match result {
        Ok((invitation, link)) => {
            println!(
                "invitation for {} as administrator, usable once until {}:",
                invitation.email, invitation.expires_at
            );
            println!("{link}");
            if invite.config.smtp_url.is_none() {
                println!("(mailed to the folder {})", invite.config.data_dir.join("mail").display());
            }
            Ok(())
        }
        Err(zelfregie_domain::Error::Api(e)) => anyhow::bail!("no invitation: {e:?}"),
        Err(e) => Err(e.into()),
    }
}

async fn seed(seed: Seed) -> anyhow::Result<()> {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("warn"));
    tracing_subscriber::fmt().with_env_filter(filter).init();
    let state = AppState::new(&seed.config).await?;
    demo::seed_if_empty(&state).await?;
    let took = zelfregie_domain::seed::candidates(&state, seed.candidates).await?;
    println!(
        "seed: {} synthetic candidates in {:.1} s ({:.0} per second)",
        seed.candidates,
        took.as_secs_f64(),
        seed.candidates as f64 / took.as_secs_f64().max(1e-9)
    );
    state.db.close().await;
    Ok(())
}
