//! Logging in again without losing work. When the server says the session has ended (a
//! request answered `401 unauthenticated`, or the countdown ran out), the page stays as it
//! is, with everything typed, and a login dialog opens over it
//! (`components/session_dialogs.rs`). A save that met the `401` waits here. After the login:
//! - the same account: the waiting saves are sent again, and the person goes on;
//! - another account: the waiting saves are dropped and the app starts afresh from the
//!   overview (a full reload), so nothing the previous person typed or saw stays in memory.

use leptos::prelude::*;
use zelfregie_model::{Account, SessionInfo};

use crate::routes::Route;
use crate::session::{Auth, AuthState, Notice};
use crate::unsaved::Unsaved;

/// A save waiting for the login, by the key of its form.
type Waiting = Vec<(u64, Box<dyn FnOnce()>)>;

/// Context handle.
#[derive(Clone, Copy)]
pub struct Relogin {
    /// The account whose session ended, while the login dialog is open.
    pub needed: RwSignal<Option<Account>>,
    /// Counts logins in the dialog (a page whose load met the `401` loads again on it).
    pub logins: RwSignal<u32>,
    waiting: StoredValue<Waiting, LocalStorage>,
    keys: StoredValue<u64>,
    auth: Auth,
    unsaved: Unsaved,
}

/// Whether the account that logged in is the one whose session ended: the same address
/// and the same moment of creation (an address erased and registered again is another
/// account, another person).
pub fn same_account(before: &Account, now: &Account) -> bool {
    before.email == now.email && before.created_at == now.created_at
}

impl Relogin {
    /// Creates the context (after [`Auth`] and [`Unsaved`]).
    pub fn provide() -> Relogin {
        let relogin = Relogin {
            auth: Auth::get(),
            unsaved: Unsaved::get(),
            needed: RwSignal::new(None),
            logins: RwSignal::new(0),
            waiting: StoredValue::new_local(Vec::new()),
            keys: StoredValue::new(0),
        };
        provide_context(relogin);
        relogin
    }

    /// The context, if the app provides it.
    pub fn try_get() -> Option<Relogin> {
        use_context::<Relogin>()
    }

    /// A key for one form's waiting save.
    pub fn key(self) -> u64 {
        self.keys.update_value(|k| *k += 1);
        self.keys.get_value()
    }

    /// The session has ended: opens the login dialog, if someone was logged in. Returns
    /// whether it is (or already was) open.
    pub fn session_ended(self) -> bool {
        if self.needed.get_untracked().is_some() {
            return true;
        }
        match self.auth.state.get_untracked() {
            AuthState::LoggedIn(info) => {
                self.needed.set(Some(info.account));
                true
            }
            _ => false,
        }
    }

    /// Keeps `retry` (a save that met the `401`) until the login, replacing an earlier one
    /// of the same form. Returns `false` when nobody was logged in (then the form shows the
    /// error as usual).
    pub fn retry_after_login(self, key: u64, retry: impl FnOnce() + 'static) -> bool {
        if !self.session_ended() {
            return false;
        }
        self.waiting.update_value(|w| {
            w.retain(|(k, _)| *k != key);
            w.push((key, Box::new(retry)));
        });
        true
    }

    /// Forgets the waiting save of form `key` (the form is gone).
    pub fn forget(self, key: u64) {
        // The context may already be gone when the whole app is torn down.
        let _ = self.waiting.try_update_value(|w| w.retain(|(k, _)| *k != key));
    }

    /// Someone logged in in the dialog.
    pub fn logged_in(self, info: SessionInfo) {
        let before = self.needed.get_untracked();
        let waiting = self.waiting.try_update_value(std::mem::take).unwrap_or_default();
        if before.as_ref().is_some_and(|b| same_account(b, &info.account)) {
            self.auth.logged_in(info);
            self.needed.set(None);
            self.logins.update(|n| *n += 1);
            for (_, retry) in waiting {
                retry();
            }
        } else {
            // Another person: nothing of the first may reach them, not even on screen.
            drop(waiting);
            self.unsaved.set(false);
            let _ = window().location().replace(Route::Overview.path());
        }
    }

    /// The person does not log in again: the waiting saves are dropped and the app shows
    /// the login page. `false` when they chose to stay (unsaved changes, and they said no).
    pub fn give_up(self) -> bool {
        if !self.unsaved.may_leave() {
            return false;
        }
        self.waiting.update_value(Vec::clear);
        self.needed.set(None);
        self.auth.logged_out(Notice::SessionEnded);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;
    use zelfregie_model::Role;

    fn account(email: &str, created: time::OffsetDateTime) -> Account {
        Account { email: email.into(), role: Role::Person, partner: None, created_at: created }
    }

    #[test]
    fn only_the_same_account_continues_the_work() {
        let anna = account("anna@example.org", datetime!(2026-11-01 10:00 UTC));
        assert!(same_account(&anna, &anna.clone()));
        assert!(!same_account(&anna, &account("bram@example.org", datetime!(2026-11-01 10:00 UTC))));
        // The address erased and registered again: a new account, maybe a new person.
        assert!(!same_account(&anna, &account("anna@example.org", datetime!(2026-11-20 09:00 UTC))));
    }
}
