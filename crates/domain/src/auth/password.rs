//! Password hashing with argon2id (ASVS 5.0 11.4.2), off the async threads and behind a
//! limit so a burst of logins cannot starve the server.

use std::sync::Arc;

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use tokio::sync::Semaphore;
use zelfregie_model::Password;

/// Hashes and verifies passwords on the blocking pool, at most `permits` at a time.
#[derive(Clone)]
pub struct Passwords {
    permits: Arc<Semaphore>,
    /// Verified against when the e-mail address is unknown, so that case costs the same time
    /// as a wrong password (ASVS 5.0 6.3.8).
    dummy_hash: Arc<str>,
}

impl Passwords {
    /// A hasher allowing one concurrent hash per CPU core.
    pub fn new() -> anyhow::Result<Self> {
        let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
        let dummy_hash = hash_blocking("timing-equaliser-not-a-real-password")?;
        Ok(Self { permits: Arc::new(Semaphore::new(cores)), dummy_hash: dummy_hash.into() })
    }

    /// The argon2id PHC string of `password` (OWASP parameters: m=19 MiB, t=2, p=1).
    pub async fn hash(&self, password: Password) -> anyhow::Result<String> {
        let _permit = self.permits.acquire().await?;
        tokio::task::spawn_blocking(move || hash_blocking(password.expose())).await?
    }

    /// Whether `password` matches `stored`; with no stored hash, spends the same effort and
    /// answers `false`.
    pub async fn verify(&self, password: Password, stored: Option<String>) -> anyhow::Result<bool> {
        let _permit = self.permits.acquire().await?;
        let known = stored.is_some();
        let hash = stored.unwrap_or_else(|| self.dummy_hash.to_string());
        let ok = tokio::task::spawn_blocking(move || {
            PasswordHash::new(&hash)
                .map(|parsed| Argon2::default().verify_password(password.expose().as_bytes(), &parsed).is_ok())
                .unwrap_or(false)
        })
        .await?;
        Ok(known && ok)
    }
}

fn hash_blocking(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("argon2: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_are_argon2id_salted_and_verify() {
        let p = Passwords::new().unwrap();
        let a = p.hash(Password::new("paarse olifant fietst")).await.unwrap();
        let b = p.hash(Password::new("paarse olifant fietst")).await.unwrap();
        assert!(a.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{a}");
        assert_ne!(a, b, "each hash has its own salt");
        assert!(p.verify(Password::new("paarse olifant fietst"), Some(a.clone())).await.unwrap());
        assert!(!p.verify(Password::new("paarse olifant fiets"), Some(a)).await.unwrap());
        assert!(!p.verify(Password::new("timing-equaliser-not-a-real-password"), None).await.unwrap());
    }
}
