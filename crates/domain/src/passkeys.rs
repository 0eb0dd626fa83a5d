//! Passkeys (WebAuthn) with webauthn-rs: adding one, logging in with one (discoverable, no
//! e-mail address needed) and confirming it is you with one (docs/security.md "Passkeys").
//!
//! Every ceremony's state lives in the database (`passkey_ceremonies`), under the SHA-256 of a
//! random token the browser holds, for five minutes and once: any server instance can finish
//! what another started, and of parallel finishes of one ceremony exactly one succeeds.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};
use webauthn_rs::prelude::{
    DiscoverableAuthentication, DiscoverableKey, Passkey, PasskeyAuthentication, PasskeyRegistration,
    PublicKeyCredential, RegisterPublicKeyCredential, Url, Uuid, Webauthn, WebauthnBuilder,
};
use zelfregie_model::passkey::{CeremonyFinish, CeremonyStart, PasskeyInfo};
use zelfregie_model::{ErrorCode, FieldError, Password};

use crate::auth::session::CurrentSession;
use crate::error::Error;
use crate::services::Services;
use crate::store::passkeys::{self as store, NewCeremony};
use crate::store::{self as db, now, to_datetime};

/// Seconds a started ceremony can be finished (the browser's prompt times out sooner).
pub const CEREMONY_SECS: i64 = 300;
/// Seconds a passkey confirmation stays usable for one sensitive action.
pub const REAUTH_SECS: i64 = 300;

/// The relying party: the public URL's host and origin. Without a public URL (development,
/// tests) the portal is `http://localhost` on whatever port it listens: browsers treat
/// localhost over plain HTTP as secure, and refuse IP addresses as relying party.
pub fn relying_party(public_url: Option<&str>) -> anyhow::Result<Webauthn> {
    let (origin, any_port) = match public_url {
        Some(url) => (Url::parse(url)?, false),
        None => (Url::parse("http://localhost")?, true),
    };
    let host = origin.host_str().ok_or_else(|| anyhow::anyhow!("the public URL has no host"))?.to_owned();
    Ok(WebauthnBuilder::new(&host, &origin)?
        .rp_name("Zelfregie")
        .allow_any_port(any_port)
        .timeout(std::time::Duration::from_secs(u64::try_from(CEREMONY_SECS - 60).unwrap_or(240)))
        .build()?)
}

/// The WebAuthn user handle of an account: derived from the account's random secret, so it
/// reveals neither the address nor the account number, and dies with the account.
async fn user_handle(state: &Services, account_id: i64) -> Result<Uuid, Error> {
    let secret = db::accounts::secret(state.db.pool(), account_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("account without secret"))?;
    let digest = Sha256::new_with_prefix(b"zelfregie webauthn user handle\0").chain_update(&secret).finalize();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    Ok(Uuid::from_bytes(bytes))
}

fn failed(why: impl std::fmt::Display) -> Error {
    tracing::info!(reason = %why, "passkey ceremony failed");
    Error::code(ErrorCode::PasskeyFailed)
}

fn ceremony_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// Stores a ceremony's state; returns its token.
async fn begin(
    state: &Services,
    kind: &str,
    session: Option<&CurrentSession>,
    name: Option<&str>,
    ceremony_state: &impl serde::Serialize,
) -> Result<String, Error> {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let token = URL_SAFE_NO_PAD.encode(bytes);
    let json = serde_json::to_string(ceremony_state).map_err(anyhow::Error::from)?;
    store::insert_ceremony(
        state.db.pool(),
        &NewCeremony {
            token_hash: &ceremony_hash(&token),
            kind,
            account_id: session.map(|s| s.account_id),
            session_hash: session.map(|s| s.token_hash.as_slice()),
            name,
            state: &json,
            expires_at: now() + CEREMONY_SECS,
        },
    )
    .await?;
    Ok(token)
}

/// Takes the ceremony `kind` named by `token` (once); for a session's ceremony, only the
/// session that started it may finish it.
async fn take<S: serde::de::DeserializeOwned>(
    state: &Services,
    kind: &str,
    token: &str,
    session: Option<&CurrentSession>,
) -> Result<(S, Option<String>), Error> {
    let row = store::take_ceremony(state.db.pool(), &ceremony_hash(token), kind, now())
        .await?
        .ok_or_else(|| failed("no such ceremony: unknown, used or expired"))?;
    if let Some(session) = session {
        if row.session_hash.as_deref() != Some(session.token_hash.as_slice()) {
            return Err(failed("ceremony of another session"));
        }
    }
    let parsed = serde_json::from_str(&row.state).map_err(anyhow::Error::from)?;
    Ok((parsed, row.name))
}

fn options(value: &impl serde::Serialize) -> Result<serde_json::Value, Error> {
    let mut options = serde_json::to_value(value).map_err(anyhow::Error::from)?;
    // A button asks; the browser's autofill-style "conditional" prompt is not used.
    if let Some(o) = options.as_object_mut() {
        o.remove("mediation");
    }
    Ok(options)
}

fn backed_up(credential: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(credential)
        .ok()
        .and_then(|v| v["cred"]["backup_state"].as_bool())
        .unwrap_or(false)
}

fn info(row: &store::PasskeyRow) -> PasskeyInfo {
    PasskeyInfo {
        id: row.id,
        name: row.name.clone(),
        created_at: to_datetime(row.created_at),
        last_used_at: row.last_used_at.map(to_datetime),
        backed_up: backed_up(&row.credential),
    }
}

/// The account's passkeys, oldest first.
pub async fn list(state: &Services, account_id: i64) -> Result<Vec<PasskeyInfo>, Error> {
    Ok(store::of_account(state.db.pool(), account_id).await?.iter().map(info).collect())
}

/// Checks the owner's confirmation before a sensitive action: the password (counted on the
/// account's re-authentication counter), or a passkey confirmation of this session made in
/// the last [`REAUTH_SECS`], used up here. Returns the account's address.
pub async fn confirm(
    state: &Services,
    session: &CurrentSession,
    password: Password,
    with_passkey: bool,
    field: &str,
) -> Result<String, Error> {
    if !with_passkey {
        return crate::accounts::reauthenticate(state, session.account_id, password, field).await;
    }
    if !store::take_reauth(state.db.pool(), &session.token_hash, now() - REAUTH_SECS).await? {
        return Err(Error::validation(vec![FieldError::new(field, ErrorCode::ReauthRequired)]));
    }
    Ok(db::accounts::email(state.db.pool(), session.account_id).await?)
}

/// Starts adding a passkey called `name` (the caller has confirmed the owner). The device is
/// asked for a discoverable credential with user verification, so it can log in without an
/// address; passkeys the account has already are excluded.
pub async fn start_registration(
    state: &Services,
    session: &CurrentSession,
    name: &str,
) -> Result<CeremonyStart, Error> {
    let existing = store::of_account(state.db.pool(), session.account_id).await?;
    let exclude = existing
        .iter()
        .filter_map(|row| serde_json::from_str::<Passkey>(&row.credential).ok())
        .map(|p| p.cred_id().clone())
        .collect::<Vec<_>>();
    let email = db::accounts::email(state.db.pool(), session.account_id).await?;
    let handle = user_handle(state, session.account_id).await?;
    let (ccr, registration) = state
        .webauthn
        .start_passkey_registration(handle, &email, &email, Some(exclude))
        .map_err(anyhow::Error::from)?;
    let mut options = options(&ccr)?;
    options["publicKey"]["authenticatorSelection"]["residentKey"] = "required".into();
    options["publicKey"]["authenticatorSelection"]["requireResidentKey"] = true.into();
    let ceremony = begin(state, "register", Some(session), Some(name.trim()), &registration).await?;
    Ok(CeremonyStart { ceremony, options })
}

/// Finishes adding a passkey: checks the browser's answer against the stored challenge and
/// stores the new passkey.
pub async fn finish_registration(
    state: &Services,
    session: &CurrentSession,
    finish: CeremonyFinish,
) -> Result<PasskeyInfo, Error> {
    let (registration, name): (PasskeyRegistration, _) =
        take(state, "register", &finish.ceremony, Some(session)).await?;
    let credential: RegisterPublicKeyCredential = serde_json::from_value(finish.credential).map_err(failed)?;
    let passkey = state.webauthn.finish_passkey_registration(&credential, &registration).map_err(failed)?;
    let json = serde_json::to_string(&passkey).map_err(anyhow::Error::from)?;
    let name = name.unwrap_or_default();
    let created_at = now();
    let new = store::NewPasskey {
        account_id: session.account_id,
        credential_id: passkey.cred_id().as_slice(),
        name: &name,
        credential: &json,
        created_at,
    };
    let id = match store::insert(state.db.pool(), &new).await {
        Ok(id) => id,
        Err(e) if db::is_unique_violation(&e) => return Err(failed("credential registered already")),
        Err(e) => return Err(e.into()),
    };
    tracing::info!(account_id = session.account_id, passkey = id, "passkey added");
    let row = store::PasskeyRow {
        id,
        account_id: session.account_id,
        name,
        credential: json,
        created_at,
        last_used_at: None,
    };
    Ok(info(&row))
}

/// Removes a passkey of the account (the caller has confirmed the owner); the other
/// sessions it started end with it (a lost phone is locked out), `keep` goes on.
pub async fn remove(state: &Services, account_id: i64, id: i64, keep: &[u8]) -> Result<(), Error> {
    let mut tx = state.db.begin().await?;
    let ended = store::end_sessions_of(&mut *tx, account_id, id, keep).await?;
    if !store::delete(&mut *tx, account_id, id).await? {
        return Err(Error::code(ErrorCode::NotFound));
    }
    tx.commit().await?;
    tracing::info!(account_id, passkey = id, ended, "passkey removed");
    Ok(())
}

/// Starts a login: any passkey the device has for this site may answer.
pub async fn start_login(state: &Services) -> Result<CeremonyStart, Error> {
    let (rcr, authentication) = state.webauthn.start_discoverable_authentication().map_err(anyhow::Error::from)?;
    let ceremony = begin(state, "login", None, None, &authentication).await?;
    Ok(CeremonyStart { ceremony, options: options(&rcr)? })
}

/// Checks an assertion against `authentication` with the stored passkey it names, updates
/// the passkey's counter, backup flags and last use. `owner`: the account it must belong to.
async fn verify(
    state: &Services,
    credential: &PublicKeyCredential,
    owner: Option<i64>,
    check: impl FnOnce(&Passkey) -> Result<webauthn_rs::prelude::AuthenticationResult, Error>,
) -> Result<(i64, i64), Error> {
    let row = store::by_credential_id(state.db.pool(), credential.raw_id.as_slice())
        .await?
        .ok_or_else(|| failed("unknown credential"))?;
    if owner.is_some_and(|owner| owner != row.account_id) {
        return Err(failed("credential of another account"));
    }
    let mut passkey: Passkey = serde_json::from_str(&row.credential).map_err(anyhow::Error::from)?;
    let result = check(&passkey)?;
    if let Some(handle) = &credential.response.user_handle {
        if handle.as_slice() != user_handle(state, row.account_id).await?.as_bytes() {
            return Err(failed("user handle of another account"));
        }
    }
    passkey.update_credential(&result);
    let json = serde_json::to_string(&passkey).map_err(anyhow::Error::from)?;
    store::used(state.db.pool(), row.id, &json, now()).await?;
    Ok((row.account_id, row.id))
}

/// Finishes a login: the account whose passkey answered, and the passkey's id.
pub async fn finish_login(state: &Services, finish: CeremonyFinish) -> Result<(i64, i64), Error> {
    let (authentication, _): (DiscoverableAuthentication, _) = take(state, "login", &finish.ceremony, None).await?;
    let credential: PublicKeyCredential = serde_json::from_value(finish.credential).map_err(failed)?;
    verify(state, &credential, None, |passkey| {
        let key = DiscoverableKey::from(passkey);
        state.webauthn.finish_discoverable_authentication(&credential, authentication, &[key]).map_err(failed)
    })
    .await
}

/// Starts a confirmation with one of the account's passkeys.
pub async fn start_reauth(state: &Services, session: &CurrentSession) -> Result<CeremonyStart, Error> {
    let passkeys = store::of_account(state.db.pool(), session.account_id)
        .await?
        .iter()
        .map(|row| serde_json::from_str::<Passkey>(&row.credential))
        .collect::<Result<Vec<_>, _>>()
        .map_err(anyhow::Error::from)?;
    if passkeys.is_empty() {
        return Err(failed("no passkeys to confirm with"));
    }
    let (rcr, authentication) = state.webauthn.start_passkey_authentication(&passkeys).map_err(anyhow::Error::from)?;
    let ceremony = begin(state, "reauth", Some(session), None, &authentication).await?;
    Ok(CeremonyStart { ceremony, options: options(&rcr)? })
}

/// Finishes a confirmation: the session may do one sensitive action in the next
/// [`REAUTH_SECS`] without the password.
pub async fn finish_reauth(state: &Services, session: &CurrentSession, finish: CeremonyFinish) -> Result<(), Error> {
    let (authentication, _): (PasskeyAuthentication, _) =
        take(state, "reauth", &finish.ceremony, Some(session)).await?;
    let credential: PublicKeyCredential = serde_json::from_value(finish.credential).map_err(failed)?;
    verify(state, &credential, Some(session.account_id), |_| {
        state.webauthn.finish_passkey_authentication(&credential, &authentication).map_err(failed)
    })
    .await?;
    store::set_reauth(state.db.pool(), &session.token_hash, now()).await?;
    tracing::info!(account_id = session.account_id, "confirmed with a passkey");
    Ok(())
}

/// Deletes ceremonies that were never finished.
pub async fn purge(store: &db::Store) -> sqlx::Result<u64> {
    store::purge_ceremonies(store.pool(), now()).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_relying_party_is_the_public_host_or_localhost() {
        assert!(relying_party(Some("https://zelfregie.example.nl")).is_ok());
        assert!(relying_party(None).is_ok());
        assert!(relying_party(Some("not a url")).is_err());
    }
}
