//! Demo mode: a fresh database gets the demo accounts of PRODUCT.md, so the portal shows
//! itself on first run. Never touches a database that already has accounts.

use zelfregie_model::{Partner, Password, Role};

use crate::db::now;
use crate::state::AppState;

/// The password of every demo account (public: it is in the README).
pub const DEMO_PASSWORD: &str = "zelfregie-demo";

/// One demo login.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoAccount {
    /// Login e-mail address.
    pub email: String,
    /// Account kind.
    pub role: Role,
    /// Partner slug for recruiters.
    pub partner_slug: Option<String>,
}

/// The demo logins: the candidate, the course participant, academy staff, and one
/// recruiter per partner (`recruiter@<slug>.example.org`).
pub fn accounts() -> Vec<DemoAccount> {
    let person = |email: &str, role| DemoAccount { email: email.to_owned(), role, partner_slug: None };
    let mut list = vec![
        person("kandidaat@example.org", Role::Person),
        person("cursist@example.org", Role::Person),
        person("academie@example.org", Role::AcademyStaff),
    ];
    list.extend(Partner::all().into_iter().map(|p| DemoAccount {
        email: format!("recruiter@{}.example.org", p.slug),
        role: Role::Recruiter,
        partner_slug: Some(p.slug),
    }));
    list
}

/// Seeds the demo accounts when the database has no accounts yet. Returns whether it did.
/// All rows go in one transaction: a half-seeded database never exists.
pub async fn seed_if_empty(state: &AppState) -> anyhow::Result<bool> {
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM accounts").fetch_one(&state.db).await?;
    if count > 0 {
        return Ok(false);
    }
    let mut hashed = Vec::new();
    for account in accounts() {
        let hash = state.passwords.hash(Password::new(DEMO_PASSWORD)).await?;
        hashed.push((account, hash));
    }
    let mut tx = state.db.begin().await?;
    for (account, hash) in hashed {
        sqlx::query(
            "INSERT INTO accounts (email, password_hash, role, partner_id, created_at)
             VALUES (?, ?, ?, (SELECT id FROM partners WHERE slug = ?), ?)",
        )
        .bind(&account.email)
        .bind(hash)
        .bind(account.role.as_str())
        .bind(account.partner_slug.as_deref())
        .bind(now())
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(true)
}
