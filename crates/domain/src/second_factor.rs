//! Two-step verification with an authenticator app (docs/security.md "Second factor").
//!
//! RFC 6238 time-based codes: a 160-bit secret, HMAC-SHA-1, 6 digits, 30-second periods,
//! and the period before and after the current one accepted for clocks that drift. A code
//! is accepted once: the period of the last accepted code is kept, and only a later one is
//! accepted, in one conditional `UPDATE` (parallel requests with one code: one wins). Ten
//! recovery codes are made at set-up, shown once; only an HMAC of each is kept, and each
//! works once. Every code tried is counted per account first (waits that double after five
//! wrong ones), so guessing six digits is hopeless.
//!
//! The secret is stored encrypted with a server key: a random 16-byte nonce, then the
//! secret XOR-ed with HMAC-SHA256(key, "totp-secret", account, nonce). A copy of the
//! `second_factors` table alone does not give the codes; the key is in `server_secrets`
//! (with a copy of the whole database, an attacker has that too — documented). The secret
//! is shown once, at set-up, and never exported or logged.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use totp_rs::{Algorithm, TOTP};
use zelfregie_model::export::{ExportSecondFactor, ExportTime};
use zelfregie_model::second_factor::{
    is_one_time_code, normalize_code, required_for, RecoveryCodes, SecondFactorSetup, SecondFactorStatus,
    RECOVERY_ALPHABET, RECOVERY_CODES, RECOVERY_CODE_CHARS,
};
use zelfregie_model::{ErrorCode, Role};

use crate::auth::throttle::{self, Limit};
use crate::error::Error;
use crate::secrets::Key;
use crate::services::Services;
use crate::store::{self, now, second_factors, to_datetime, Store};

/// Seconds per code.
pub const PERIOD_SECS: i64 = 30;
/// Periods before and after the current one that are accepted too.
pub const SKEW: i64 = 1;
/// Bytes of the secret (160 bits, as RFC 4226 recommends).
pub const SECRET_BYTES: usize = 20;
/// Bytes of the nonce stored before the encrypted secret.
const NONCE_BYTES: usize = 16;
/// The name authenticator apps show above the codes.
pub const ISSUER: &str = "IGOM zelfregie";

/// Codes tried for one account: five at once, then waits of 1, 2, 4 … seconds up to a
/// quarter of an hour; cleared by a right one. With three codes valid at a time, a day of
/// guessing (about a hundred tries) hits with a chance of 3 in 10 000.
pub const PER_ACCOUNT: Limit = Limit { free: 5, max: 1_000, window_secs: 24 * 3600, max_delay_secs: 15 * 60 };

/// The counter of codes tried for an account.
pub fn throttle_key(state: &Services, account_id: i64) -> Vec<u8> {
    state.throttle.key("second-factor", &account_id.to_string())
}

/// A fresh secret from the operating system's CSPRNG.
pub fn new_secret() -> [u8; SECRET_BYTES] {
    let mut secret = [0u8; SECRET_BYTES];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut secret);
    secret
}

/// The key stream for an account's secret under `nonce`.
fn key_stream(key: &Key, account_id: i64, nonce: &[u8]) -> [u8; 32] {
    key.sign(&[b"totp-secret", account_id.to_string().as_bytes(), nonce])
}

/// The secret as stored: nonce, then the encrypted secret.
pub fn seal(key: &Key, account_id: i64, secret: &[u8; SECRET_BYTES]) -> Vec<u8> {
    let mut nonce = [0u8; NONCE_BYTES];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut nonce);
    let stream = key_stream(key, account_id, &nonce);
    let mut out = nonce.to_vec();
    out.extend(secret.iter().zip(stream).map(|(s, k)| s ^ k));
    out
}

/// The secret of a stored value.
pub fn open(key: &Key, account_id: i64, sealed: &[u8]) -> anyhow::Result<[u8; SECRET_BYTES]> {
    anyhow::ensure!(sealed.len() == NONCE_BYTES + SECRET_BYTES, "stored second factor has the wrong length");
    let (nonce, encrypted) = sealed.split_at(NONCE_BYTES);
    let stream = key_stream(key, account_id, nonce);
    let mut secret = [0u8; SECRET_BYTES];
    for (i, (e, k)) in encrypted.iter().zip(stream).enumerate() {
        secret[i] = e ^ k;
    }
    Ok(secret)
}

/// The generator of an account's codes; `label` is what the app shows (the address).
fn totp(secret: &[u8], label: &str) -> TOTP {
    TOTP::new_unchecked(
        Algorithm::SHA1,
        6,
        1,
        PERIOD_SECS as u64,
        secret.to_vec(),
        Some(ISSUER.to_owned()),
        label.replace(':', ""),
    )
}

/// The code of `secret` for the period that holds Unix time `at`.
pub fn code_at(secret: &[u8], at: i64) -> String {
    totp(secret, "").generate(u64::try_from(at).unwrap_or(0))
}

/// Compares in time independent of where the first difference is.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The period (`now / 30`, give or take [`SKEW`]) whose code is `code`, if any.
pub fn matching_step(secret: &[u8], code: &str, now: i64) -> Option<i64> {
    let current = now.div_euclid(PERIOD_SECS);
    let mut found = None;
    // All three are computed, so the time does not tell which matched.
    for step in current - SKEW..=current + SKEW {
        if same(code_at(secret, step * PERIOD_SECS).as_bytes(), code.as_bytes()) && found.is_none() {
            found = Some(step);
        }
    }
    found
}

/// Base32 (RFC 4648, no padding) of a secret: how apps take it.
pub fn encode_secret(secret: &[u8]) -> String {
    base32::encode(base32::Alphabet::Rfc4648 { padding: false }, secret)
}

/// The keyed hash of a (normalised) recovery code of an account.
fn recovery_hash(key: &Key, account_id: i64, code: &str) -> Vec<u8> {
    key.sign(&[b"recovery-code", account_id.to_string().as_bytes(), code.as_bytes()]).to_vec()
}

/// A new recovery code, `XXXXX-XXXXX`.
fn new_recovery_code() -> String {
    let mut bytes = [0u8; RECOVERY_CODE_CHARS];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut bytes);
    // 256 is a multiple of 32: every character is equally likely.
    let chars: String = bytes.iter().map(|b| RECOVERY_ALPHABET[usize::from(*b) % 32] as char).collect();
    format!("{}-{}", &chars[..5], &chars[5..])
}

/// Whether the account has a confirmed authenticator app.
pub async fn enabled(store: &Store, account_id: i64) -> Result<bool, Error> {
    Ok(second_factors::get(store.pool(), account_id).await?.is_some_and(|r| r.confirmed_at.is_some()))
}

/// What `GET /api/session` says about the account's second factor.
pub async fn status(store: &Store, account_id: i64, role: Role) -> Result<SecondFactorStatus, Error> {
    let row = second_factors::get(store.pool(), account_id).await?;
    let confirmed = row.and_then(|r| r.confirmed_at);
    let left = if confirmed.is_some() {
        second_factors::recovery_codes(store.pool(), account_id).await?.iter().filter(|u| u.is_none()).count()
    } else {
        0
    };
    Ok(SecondFactorStatus {
        enabled: confirmed.is_some(),
        required: required_for(role),
        enabled_at: confirmed.map(to_datetime),
        recovery_codes_left: u32::try_from(left).unwrap_or(u32::MAX),
    })
}

/// Checks a code typed at login (or to turn the factor off): a one-time code from the app
/// or a recovery code. Counted first on the account's own counter; a right code clears it.
/// Returns whether it was right; used codes never are.
pub async fn verify(state: &Services, account_id: i64, code: &str) -> Result<bool, Error> {
    let key = throttle_key(state, account_id);
    throttle::attempt(&state.db, &state.clock, &key, PER_ACCOUNT).await?;
    let code = normalize_code(code);
    let Some(row) = second_factors::get(state.db.pool(), account_id).await? else { return Ok(false) };
    if row.confirmed_at.is_none() {
        return Ok(false);
    }
    let now = now();
    let ok = if is_one_time_code(&code) {
        let secret = open(&state.second_factor_key, account_id, &row.secret)?;
        match matching_step(&secret, &code, now) {
            Some(step) => second_factors::use_step(state.db.pool(), account_id, step, true, now).await?,
            None => false,
        }
    } else {
        let hash = recovery_hash(&state.second_factor_key, account_id, &code);
        let used = second_factors::use_recovery_code(state.db.pool(), account_id, &hash, now).await?;
        if used {
            tracing::info!(account_id, "recovery code used");
        }
        used
    };
    if ok {
        throttle::clear(&state.db, &key).await?;
    }
    Ok(ok)
}

/// Starts setting up an authenticator app: a new secret, stored unconfirmed (replacing an
/// earlier unconfirmed one). Refused with `second_factor_active` when one is on.
pub async fn start(state: &Services, account_id: i64, email: &str) -> Result<SecondFactorSetup, Error> {
    let secret = new_secret();
    let sealed = seal(&state.second_factor_key, account_id, &secret);
    if !second_factors::start(state.db.pool(), account_id, &sealed, now()).await? {
        return Err(Error::code(ErrorCode::SecondFactorActive));
    }
    let generator = totp(&secret, email);
    let uri = generator.get_url();
    let qr = qrcode::QrCode::new(uri.as_bytes()).map_err(|e| anyhow::anyhow!("QR code: {e}"))?;
    let svg = qr
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(240, 240)
        .dark_color(qrcode::render::svg::Color("#000000"))
        .light_color(qrcode::render::svg::Color("#ffffff"))
        .build();
    tracing::info!(account_id, "second factor set-up started");
    Ok(SecondFactorSetup {
        secret: encode_secret(&secret),
        otpauth_uri: uri,
        qr_code: format!("data:image/svg+xml;base64,{}", STANDARD.encode(svg)),
    })
}

/// Confirms the set-up with a first code from the app: the factor is on, this session
/// counts as opened with it, every other session of the account ends (they were opened
/// without it), and ten recovery codes are made (returned this once).
/// A wrong code is `invalid_second_factor` on the field `code`.
pub async fn confirm(
    state: &Services,
    account_id: i64,
    session_token_hash: &[u8],
    code: &str,
) -> Result<RecoveryCodes, Error> {
    let wrong = || Error::validation(vec![zelfregie_model::FieldError::new("code", ErrorCode::InvalidSecondFactor)]);
    let key = throttle_key(state, account_id);
    throttle::attempt(&state.db, &state.clock, &key, PER_ACCOUNT).await?;
    let row = second_factors::get(state.db.pool(), account_id).await?;
    let Some(row) = row else { return Err(wrong()) };
    if row.confirmed_at.is_some() {
        return Err(Error::code(ErrorCode::SecondFactorActive));
    }
    let secret = open(&state.second_factor_key, account_id, &row.secret)?;
    let now = now();
    let Some(step) = matching_step(&secret, &normalize_code(code), now) else { return Err(wrong()) };
    let codes: Vec<String> = (0..RECOVERY_CODES).map(|_| new_recovery_code()).collect();
    let hashes: Vec<Vec<u8>> =
        codes.iter().map(|c| recovery_hash(&state.second_factor_key, account_id, &normalize_code(c))).collect();
    let mut tx = state.db.begin().await?;
    if !second_factors::use_step(&mut *tx, account_id, step, false, now).await? {
        // Confirmed meanwhile by a parallel request, or the code's period was used.
        return Err(wrong());
    }
    second_factors::replace_recovery_codes(&mut tx, account_id, &hashes, now).await?;
    second_factors::mark_session_strong(&mut *tx, session_token_hash).await?;
    store::accounts::end_sessions(&mut *tx, account_id, Some(session_token_hash)).await?;
    tx.commit().await?;
    throttle::clear(&state.db, &key).await?;
    tracing::info!(account_id, "second factor turned on");
    tell(state, account_id, true).await;
    Ok(RecoveryCodes { codes })
}

/// Turns the factor off (after the caller checked password and code). Staff who must use
/// it cannot: `second_factor_mandatory`.
pub async fn disable(state: &Services, account_id: i64, role: Role) -> Result<(), Error> {
    if required_for(role) {
        return Err(Error::code(ErrorCode::SecondFactorMandatory));
    }
    let mut tx = state.db.begin().await?;
    second_factors::delete(&mut tx, account_id).await?;
    tx.commit().await?;
    tracing::info!(account_id, "second factor turned off");
    tell(state, account_id, false).await;
    Ok(())
}

/// Tells the person by mail that two-step verification was turned on or off, so a change
/// they did not make does not go unnoticed. A failure is logged, never an error.
async fn tell(state: &Services, account_id: i64, on: bool) {
    let email = match store::accounts::email(state.db.pool(), account_id).await {
        Ok(email) => email,
        Err(e) => {
            tracing::warn!(error = %e, "no address for the second factor notice");
            return;
        }
    };
    let letterhead = match state.letterhead_for(account_id).await {
        Ok(letterhead) => letterhead,
        Err(e) => {
            tracing::warn!(error = ?e, "no language for the second factor notice");
            return;
        }
    };
    let mail = letterhead.second_factor_changed(&email, account_id, on);
    if let Err(e) = state.mailer.send(mail).await {
        tracing::warn!(error = %e, "sending the second factor notice failed");
    }
}

/// What the export says: whether and when, how many recovery codes are left and when they
/// were used; never the secret or the codes.
pub async fn export(store: &Store, account_id: i64) -> Result<Option<ExportSecondFactor>, Error> {
    let Some(row) = second_factors::get(store.pool(), account_id).await? else { return Ok(None) };
    let codes = store::second_factors::recovery_codes(store.pool(), account_id).await?;
    Ok(Some(ExportSecondFactor {
        enabled: row.confirmed_at.is_some(),
        started_at: to_datetime(row.created_at),
        enabled_at: row.confirmed_at.map(to_datetime),
        last_code_period: (row.last_step > 0).then(|| to_datetime(row.last_step * PERIOD_SECS)),
        recovery_codes_left: u32::try_from(codes.iter().filter(|u| u.is_none()).count()).unwrap_or(u32::MAX),
        recovery_codes_used_at: codes.into_iter().flatten().map(|t| ExportTime(to_datetime(t))).collect(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B, SHA-1 seed "12345678901234567890": the 8-digit values, of
    /// which a 6-digit code is the last six.
    #[test]
    fn codes_match_the_rfc_6238_test_vectors() {
        let seed = b"12345678901234567890";
        for (t, eight) in
            [(59, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"), (1_234_567_890, "89005924")]
        {
            assert_eq!(code_at(seed, t), eight[2..], "t = {t}");
        }
    }

    #[test]
    fn a_code_matches_its_period_and_one_either_side_only() {
        let secret = new_secret();
        let now = 1_800_000_015;
        let step = now / PERIOD_SECS;
        for offset in -1..=1 {
            let code = code_at(&secret, (step + offset) * PERIOD_SECS);
            assert_eq!(matching_step(&secret, &code, now), Some(step + offset));
        }
        for offset in [-3, -2, 2, 3] {
            let code = code_at(&secret, (step + offset) * PERIOD_SECS);
            // A code of a far period may by chance equal a near one; then it is that one.
            if let Some(found) = matching_step(&secret, &code, now) {
                assert!((found - step).abs() <= 1 && code_at(&secret, found * PERIOD_SECS) == code);
            }
        }
        assert_eq!(matching_step(&secret, "abcdef", now), None);
    }

    #[test]
    fn sealed_secrets_open_only_for_their_account_and_differ_each_time() {
        let key = Key::from_bytes([7; 32]);
        let secret = new_secret();
        let a = seal(&key, 1, &secret);
        let b = seal(&key, 1, &secret);
        assert_eq!(a.len(), 36);
        assert_ne!(a, b, "a fresh nonce each time");
        assert!(!a.windows(SECRET_BYTES).any(|w| w == secret), "the secret is not stored as it is");
        assert_eq!(open(&key, 1, &a).unwrap(), secret);
        assert_ne!(open(&key, 2, &a).unwrap(), secret, "moved to another account it opens to noise");
        assert_ne!(open(&Key::from_bytes([8; 32]), 1, &a).unwrap(), secret);
        assert!(open(&key, 1, &a[..20]).is_err());
    }

    #[test]
    fn recovery_codes_are_ten_characters_of_the_alphabet() {
        let a = new_recovery_code();
        assert_eq!(a.len(), 11);
        assert_eq!(&a[5..6], "-");
        assert!(normalize_code(&a).bytes().all(|b| RECOVERY_ALPHABET.contains(&b)));
        assert!(!is_one_time_code(&normalize_code(&a)));
        assert_ne!(a, new_recovery_code());
    }

    #[test]
    fn the_otpauth_address_has_the_parameters_apps_need() {
        let secret = [0x42u8; SECRET_BYTES];
        let url = totp(&secret, "jan@example.org").get_url();
        assert!(url.starts_with("otpauth://totp/IGOM%20zelfregie:jan%40example.org?"), "{url}");
        assert!(url.contains(&format!("secret={}", encode_secret(&secret))), "{url}");
        assert!(url.contains("issuer=IGOM%20zelfregie"), "{url}");
        assert_eq!(encode_secret(&secret).len(), 32, "160 bits are 32 base32 characters");
    }
}
