//! Logging in, every way there is — password (and second factor), passkey, the registration
//! link, the invitation link — ends in one place, [`begin`]: the session the browser still
//! carries ends (session fixation), a new session starts
//! with a new token, and the login counts as the activity retention counts from
//! (docs/security.md "Sessions"). A suspended account is refused by the login that proved
//! who it is, once.

use zelfregie_model::account::normalize_email;
use zelfregie_model::admin::InvitationAcceptance;
use zelfregie_model::passkey::{CeremonyFinish, CeremonyStart};
use zelfregie_model::{Credentials, ErrorCode, RegistrationConfirm, Role, SessionDetails, SessionInfo};

use super::session::{self, hash_token, CurrentSession, LoginMethod};
use super::throttle::{self, Limit};
use crate::error::Error;
use crate::services::Services;
use crate::store::{accounts, now, retention, to_datetime};

/// Passkey ceremonies started from one IP address without a session (each stores a row for
/// five minutes).
pub const PASSKEY_STARTS_PER_IP: Limit = Limit::count(100, 15 * 60);

/// How the person proved who they are.
#[derive(Clone, Copy, Debug)]
pub enum How {
    /// A password (or a link from their mailbox, which then set one); `strong` when a
    /// one-time code came with it.
    Password {
        /// With a second factor.
        strong: bool,
    },
    /// The passkey with this id: a strong login by itself.
    Passkey(i64),
}

/// A session just started.
#[derive(Debug)]
pub struct LoggedIn {
    /// The new session's token, for the cookie.
    pub token: String,
    /// What `GET /api/session` now answers.
    pub info: SessionInfo,
    /// The address the person showed they read the mailbox of (a password login, or a link
    /// from a mail), if any: the browser counts apart for mails to it (`auth::mailbox`).
    pub mailbox: Option<String>,
}

/// Starts a session for `account_id`, proven `how` and checked not to be suspended (a login
/// checks that as soon as the proof is right; an account a link just made cannot be);
/// `old_token` is the session cookie the browser still carries, if any.
pub async fn begin(state: &Services, account_id: i64, how: How, old_token: Option<&str>) -> Result<LoggedIn, Error> {
    // A session the browser still carries is ended, never reused (session fixation).
    if let Some(old) = old_token {
        session::end(&state.db, &hash_token(old)).await?;
    }
    let (token, method, strong) = match how {
        How::Password { strong } => {
            (session::create(&state.db, account_id, strong).await?, LoginMethod::Password, strong)
        }
        How::Passkey(id) => {
            (session::create_with_passkey(&state.db, account_id, id).await?, LoginMethod::Passkey, true)
        }
    };
    // A login is the activity retention counts from (and takes back a warning).
    retention::record_activity(state.db.pool(), account_id, state.clock.now()).await?;
    tracing::info!(account_id, strong, method = method.as_str(), "login");
    let started = CurrentSession {
        account_id,
        token_hash: hash_token(&token),
        created_at: now(),
        // Role and partner are not needed to describe the session: `info` reads them.
        role: Role::Person,
        partner: None,
        method,
        strong,
    };
    let info = info(state, &started).await?;
    Ok(LoggedIn { token, info, mailbox: None })
}

/// Logs in with e-mail address and password. Unknown address and wrong password get the
/// same answer in the same time (ASVS 5.0 6.3.8); failures are limited per IP address and
/// per account (6.3.1). An account with two-step verification on also needs `code`: only
/// once the password is right, a login without one answers `second_factor_required`, and a
/// wrong one `invalid_second_factor` (codes counted per account).
pub async fn with_password(
    state: &Services,
    ip: &str,
    credentials: Credentials,
    old_token: Option<&str>,
) -> Result<LoggedIn, Error> {
    Error::ensure_valid(credentials.validate())?;
    let email = normalize_email(&credentials.email);
    // Counted before the password is checked: parallel guesses are counted one by one.
    let ip_key = state.throttle.key("login-ip", ip);
    let account_key = state.throttle.key("login-account", &email);
    throttle::attempt(&state.db, &state.clock, &ip_key, throttle::LOGIN_PER_IP).await?;
    throttle::attempt(&state.db, &state.clock, &account_key, throttle::LOGIN_PER_ACCOUNT).await?;

    let row = accounts::credentials_by_email(state.db.pool(), &email).await?;
    let (account_id, stored) = row.map_or((None, None), |(id, hash)| (Some(id), Some(hash)));
    let verified = state.passwords.verify(credentials.password, stored).await?;
    let Some(account_id) = account_id.filter(|_| verified) else {
        tracing::info!("login failed");
        return Err(Error::code(ErrorCode::InvalidCredentials));
    };
    // Only now, with the password right, is it told that the account is suspended, or
    // whether a code is needed.
    crate::admin::ensure_not_suspended(state, account_id).await?;
    let strong = if crate::second_factor::enabled(&state.db, account_id).await? {
        let Some(code) = credentials.code.as_deref().filter(|c| !c.trim().is_empty()) else {
            tracing::info!(account_id, "login needs the second factor");
            return Err(Error::code(ErrorCode::SecondFactorRequired));
        };
        if !crate::second_factor::verify(state, account_id, code).await? {
            tracing::info!(account_id, "login with a wrong second factor");
            return Err(Error::code(ErrorCode::InvalidSecondFactor));
        }
        true
    } else {
        false
    };
    throttle::clear(&state.db, &account_key).await?;
    throttle::refund(&state.db, &ip_key).await?;
    let logged_in = begin(state, account_id, How::Password { strong }, old_token).await?;
    // Logged into the account of this address: it reads that mailbox.
    Ok(LoggedIn { mailbox: Some(email), ..logged_in })
}

/// Starts a login with a passkey (discoverable credentials: no address asked).
pub async fn start_passkey(state: &Services, ip: &str) -> Result<CeremonyStart, Error> {
    let key = state.throttle.key("passkey-start-ip", ip);
    throttle::attempt(&state.db, &state.clock, &key, PASSKEY_STARTS_PER_IP).await?;
    crate::passkeys::start_login(state).await
}

/// Finishes a login with a passkey; failures count on the IP address's login counter.
pub async fn with_passkey(
    state: &Services,
    ip: &str,
    finish: CeremonyFinish,
    old_token: Option<&str>,
) -> Result<LoggedIn, Error> {
    let ip_key = state.throttle.key("login-ip", ip);
    throttle::attempt(&state.db, &state.clock, &ip_key, throttle::LOGIN_PER_IP).await?;
    let (account_id, passkey_id) = crate::passkeys::finish_login(state, finish).await?;
    throttle::refund(&state.db, &ip_key).await?;
    crate::admin::ensure_not_suspended(state, account_id).await?;
    begin(state, account_id, How::Passkey(passkey_id), old_token).await
}

/// The registration link's button: creates the account, once, and logs it in.
pub async fn after_registration(
    state: &Services,
    confirm: RegistrationConfirm,
    old_token: Option<&str>,
) -> Result<LoggedIn, Error> {
    let (account_id, email) = crate::registration::confirm(state, confirm).await?;
    let logged_in = begin(state, account_id, How::Password { strong: false }, old_token).await?;
    // The browser used a link from the mailbox.
    Ok(LoggedIn { mailbox: Some(email), ..logged_in })
}

/// The invitation link's button: creates the staff account, once, and logs it in.
pub async fn after_invitation(
    state: &Services,
    acceptance: InvitationAcceptance,
    old_token: Option<&str>,
) -> Result<LoggedIn, Error> {
    let (account_id, email) = crate::admin::accept(state, acceptance).await?;
    let logged_in = begin(state, account_id, How::Password { strong: false }, old_token).await?;
    Ok(LoggedIn { mailbox: Some(email), ..logged_in })
}

/// What `GET /api/session` answers for `session`.
pub async fn info(state: &Services, session: &CurrentSession) -> Result<SessionInfo, Error> {
    let settings = &state.sessions;
    let account = crate::accounts::account(&state.db, session.account_id).await?;
    let second_factor = crate::second_factor::status(&state.db, session.account_id, account.role).await?;
    Ok(SessionInfo {
        account,
        session: SessionDetails {
            started_at: to_datetime(session.created_at),
            expires_at: to_datetime(session.created_at + settings.absolute_secs),
            idle_timeout_minutes: u32::try_from(settings.idle_secs / 60).unwrap_or(u32::MAX),
            strong: session.strong,
            idle_timeout_secs: u32::try_from(settings.idle_secs).unwrap_or(u32::MAX),
        },
        active_sessions: session::count_active(&state.db, settings, session.account_id).await?,
        second_factor,
    })
}
