//! Who is logged in, as the whole app knows it: checked once at start, set by login and
//! registration, cleared by logout. When the server says the session ended, the state
//! stays as it was while the login dialog is open over the page (`relogin.rs`): the page,
//! and what was typed in it, stay; giving up clears it.

use leptos::prelude::*;
use leptos::task::spawn_local;
use zelfregie_model::SessionInfo;

use crate::api::{self, ClientError};
use crate::locale::Locale;
use crate::unsaved::Unsaved;

/// The app's knowledge of the session.
#[derive(Clone, Debug, PartialEq)]
pub enum AuthState {
    /// Asking the server.
    Checking,
    /// Nobody is logged in.
    LoggedOut,
    /// Someone is logged in.
    LoggedIn(SessionInfo),
    /// The server could not tell.
    Failed(ClientError),
}

/// A one-time message for the next page (e.g. "you have been logged out").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Logged out on this device.
    LoggedOut,
    /// Logged out on all devices.
    LoggedOutEverywhere,
    /// The server ended the session (timeout).
    SessionEnded,
    /// The account was erased.
    AccountErased,
}

/// Context handle: the session state and the one-time notice.
#[derive(Clone, Copy)]
pub struct Auth {
    /// Current knowledge.
    pub state: RwSignal<AuthState>,
    /// Message for the next page.
    pub notice: RwSignal<Option<Notice>>,
}

impl Auth {
    /// Creates the context and starts asking the server.
    pub fn provide() -> Auth {
        let auth = Auth { state: RwSignal::new(AuthState::Checking), notice: RwSignal::new(None) };
        provide_context(auth);
        auth.refresh();
        auth
    }

    /// The context.
    pub fn get() -> Auth {
        expect_context::<Auth>()
    }

    /// Asks the server again who is logged in.
    pub fn refresh(self) {
        self.state.set(AuthState::Checking);
        spawn_local(async move {
            self.state.set(match api::current_session().await {
                Ok(Some(info)) => AuthState::LoggedIn(info),
                Ok(None) => AuthState::LoggedOut,
                Err(e) => AuthState::Failed(e),
            });
        });
    }

    /// Asks the server again without leaving the logged-in state meanwhile (after a change
    /// that alters the session's details, such as the number of sessions). If the session
    /// has ended, the login dialog opens (`api.rs` reports the `401`).
    pub fn reload_quietly(self) {
        spawn_local(async move {
            // Ended: the login dialog over the page has heard it (`relogin.rs`).
            if let Ok(Some(info)) = api::current_session().await {
                self.state.set(AuthState::LoggedIn(info));
            }
        });
    }

    /// Records a successful login or registration.
    pub fn logged_in(self, info: SessionInfo) {
        self.notice.set(None);
        self.state.set(AuthState::LoggedIn(info));
    }

    /// Logs out on this device, from the menu or the "ends soon" dialog, after asking about
    /// unsaved changes. If the server cannot be reached, the person hears so and stays
    /// logged in: saying "logged out" while the session lives on would be untrue.
    pub fn log_out(self) {
        if !Unsaved::get().may_leave() {
            return;
        }
        let lang = Locale::get().lang();
        spawn_local(async move {
            match api::logout().await {
                Ok(()) => self.logged_out(Notice::LoggedOut),
                Err(e) => {
                    let _ = window().alert_with_message(e.message(lang));
                }
            }
        });
    }

    /// Records that the session is over, with the message to show.
    pub fn logged_out(self, notice: Notice) {
        self.notice.set(Some(notice));
        self.state.set(AuthState::LoggedOut);
    }

    /// The logged-in session, if any.
    pub fn info(self) -> Option<SessionInfo> {
        match self.state.get() {
            AuthState::LoggedIn(info) => Some(info),
            _ => None,
        }
    }

    /// `Some(true)` logged in, `Some(false)` not, `None` still checking or failed.
    pub fn is_logged_in(self) -> Option<bool> {
        match self.state.get() {
            AuthState::LoggedIn(_) => Some(true),
            AuthState::LoggedOut => Some(false),
            AuthState::Checking | AuthState::Failed(_) => None,
        }
    }
}
