//! Keys the server makes once per database and keeps there, so every instance behind a load
//! balancer derives the same references and tokens.

use crate::store::{accounts, Store};
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// A 256-bit key for HMAC-SHA256.
#[derive(Clone)]
pub struct Key([u8; 32]);

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(***)")
    }
}

impl Key {
    /// Loads the key called `name`, creating it on first start.
    pub async fn load(store: &Store, name: &str) -> anyhow::Result<Key> {
        let mut fresh = [0u8; 32];
        rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut fresh);
        let value = accounts::server_secret(store.pool(), name, &fresh).await?;
        Ok(Key(value.try_into().map_err(|_| anyhow::anyhow!("key {name} is not 32 bytes"))?))
    }

    /// A key from bytes (tests, configuration).
    pub fn from_bytes(bytes: [u8; 32]) -> Key {
        Key(bytes)
    }

    fn mac(&self, parts: &[&[u8]]) -> Hmac<Sha256> {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).expect("any key length");
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                mac.update(b"\x1f");
            }
            mac.update(part);
        }
        mac
    }

    /// HMAC-SHA256 of the parts (separated, so `("ab","c")` ≠ `("a","bc")`).
    pub fn sign(&self, parts: &[&[u8]]) -> [u8; 32] {
        self.mac(parts).finalize().into_bytes().into()
    }

    /// Whether `tag` is a (left-truncated) HMAC of the parts, compared in constant time.
    pub fn verify(&self, parts: &[&[u8]], tag: &[u8]) -> bool {
        tag.len() >= 16 && self.mac(parts).verify_truncated_left(tag).is_ok()
    }
}
