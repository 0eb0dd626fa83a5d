//! The two dialogs about the session's end, over whatever page is shown:
//! - "ends soon": shortly before the idle timeout (the server's numbers, `session_clock.rs`),
//!   with "Blijf ingelogd" (a request, which counts as activity) and "Uitloggen". Escape
//!   means stay: the person is evidently there.
//! - "ended": when the server says the session is over, a login form, so the page and what
//!   was typed stay (`relogin.rs`). Escape does not close it: the page behind cannot be used.
//!
//! Before warning, and again when its countdown runs out, the dialog asks the server how
//! long the session lasts, without counting as activity: another tab may have kept it going.
//! Both are modal `<dialog>`s (`showModal`): focus moves in, the page behind is inert, and
//! focus returns when they close.

use std::time::Duration;

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ClientError};
use crate::components::field::focus_field;
use crate::components::login_form::{LoginForm, LoginPlace};
use crate::components::notice::ErrorNotice;
use crate::i18n::T;
use crate::locale::Locale;
use crate::relogin::Relogin;
use crate::session::{Auth, AuthState};
use crate::session_clock::{self, clock_text, deadline_ms, warning_lead_secs, Heard, Phase, SAME_DEADLINE_MS};

/// How long to wait before asking again when the server could not be reached.
const RETRY: Duration = Duration::from_secs(10);

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// "How long still?", asked once per deadline and phase, and again while unanswered.
#[derive(Clone, Copy)]
struct Question {
    asked: StoredValue<Option<(f64, bool)>>,
    answered: StoredValue<Option<(f64, bool)>>,
    confirmed: RwSignal<Option<f64>>,
    deadline: RwSignal<Option<f64>>,
    auth: Auth,
    relogin: Relogin,
}

impl Question {
    fn ask(self, key: (f64, bool)) {
        self.asked.set_value(Some(key));
        // No answer in a while (offline, a dropped connection): asked again, as long as the
        // question still stands.
        set_timeout(
            move || {
                let logged_in = self.auth.state.with_untracked(|s| matches!(s, AuthState::LoggedIn(_)));
                let open = self.answered.get_value() != Some(key) && self.asked.get_value() == Some(key);
                if logged_in && open && self.relogin.needed.get_untracked().is_none() {
                    self.ask(key);
                }
            },
            RETRY,
        );
        spawn_local(async move {
            // The answer's header moves the deadline, or its 401 opens the login dialog.
            if api::session_time_left().await.is_ok() {
                self.answered.set_value(Some(key));
                self.confirmed.set(self.deadline.get_untracked());
            }
        });
    }
}

/// Watches the session's clock and shows the dialogs. Part of the layout.
#[component]
pub fn SessionDialogs() -> impl IntoView {
    let auth = Auth::get();
    let relogin = Relogin::try_get().expect("Relogin is provided by the app");
    // When the session ends (the browser's clock), as the server's last answer said.
    let deadline = RwSignal::new(None::<f64>);
    let now = RwSignal::new(now_ms());
    session_clock::listen(move |heard| match heard {
        Heard::ExpiresIn(secs) => deadline.set(Some(deadline_ms(now_ms(), secs))),
        Heard::Ended => {
            relogin.session_ended();
        }
    });
    on_cleanup(session_clock::stop_listening);
    // Once a second is enough for a clock in whole seconds; computed from the wall clock,
    // so a tab the browser throttled or a laptop that slept is right at its next tick.
    if let Ok(tick) = set_interval_with_handle(move || now.set(now_ms()), Duration::from_secs(1)) {
        on_cleanup(move || tick.clear());
    }
    // Logged out (by a button, or the login dialog given up): nothing to count down.
    Effect::new(move |_| {
        if matches!(auth.state.get(), AuthState::LoggedOut) {
            deadline.set(None);
            relogin.needed.set(None);
        }
    });

    let lead = move || {
        auth.info().map_or(0, |i| {
            let secs = i.session.idle_timeout_secs;
            warning_lead_secs(if secs > 0 { secs } else { i.session.idle_timeout_minutes.saturating_mul(60) })
        })
    };
    let phase = Memo::new(move |_| match (auth.is_logged_in(), deadline.get(), relogin.needed.with(Option::is_some)) {
        (Some(true), Some(end), false) => session_clock::phase(now.get(), end, lead()),
        _ => Phase::Quiet,
    });
    // The server's answer to "how long still?", by the deadline and phase it was asked at.
    let question = Question {
        asked: StoredValue::new(None),
        answered: StoredValue::new(None),
        confirmed: RwSignal::new(None),
        deadline,
        auth,
        relogin,
    };
    let confirmed = question.confirmed;
    Effect::new(move |_| {
        let over = match phase.get() {
            Phase::Quiet => return,
            Phase::Warning(_) => false,
            Phase::Over => true,
        };
        let Some(end) = deadline.get_untracked() else { return };
        if question.asked.get_value().is_some_and(|(d, o)| o == over && (d - end).abs() < SAME_DEADLINE_MS) {
            return;
        }
        question.ask((end, over));
    });
    let warning = Signal::derive(move || match phase.get() {
        Phase::Quiet => None,
        Phase::Over => Some(0),
        Phase::Warning(secs) => {
            let checked = confirmed.get().zip(deadline.get()).is_some_and(|(c, d)| (c - d).abs() < SAME_DEADLINE_MS);
            checked.then_some(secs)
        }
    });
    let ended = Signal::derive(move || relogin.needed.get().filter(|_| auth.is_logged_in() == Some(true)));

    view! {
        <EndsSoonDialog left=warning/>
        <EndedDialog ended=ended/>
    }
}

/// Opens `dialog` as a modal while `open`, closes it otherwise.
fn modal_while(dialog: NodeRef<html::Dialog>, open: impl Fn() -> bool + 'static, focus: Option<&'static str>) {
    Effect::new(move |_| {
        let open = open();
        let Some(d) = dialog.get() else { return };
        if open && !d.open() {
            let _ = d.show_modal();
            if let Some(id) = focus {
                focus_field(id);
            }
        } else if !open && d.open() {
            d.close();
        }
    });
}

#[component]
fn EndsSoonDialog(left: Signal<Option<u32>>) -> impl IntoView {
    let locale = Locale::get();
    let auth = Auth::get();
    let dialog = NodeRef::<html::Dialog>::new();
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(None::<ClientError>);
    modal_while(dialog, move || left.get().is_some(), None);
    // A cheap logged-in request: the server counts it as activity, and its answer's header
    // moves the deadline, which closes this dialog.
    let stay = move || {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        failed.set(None);
        spawn_local(async move {
            match api::current_session().await {
                Ok(Some(info)) => auth.state.set(AuthState::LoggedIn(info)),
                // Ended meanwhile: the login dialog takes over.
                Ok(None) => {}
                Err(e) => failed.set(Some(e)),
            }
            busy.set(false);
        });
    };
    view! {
        <dialog node_ref=dialog class="session-dialog" aria-labelledby="sessie-bijna-titel"
            aria-describedby="sessie-bijna-tekst"
            on:cancel=move |ev: web_sys::Event| {
                ev.prevent_default();
                stay();
            }
        >
            <h2 id="sessie-bijna-titel">{locale.text(T::SessionEndsSoonTitle)}</h2>
            <p id="sessie-bijna-tekst">{locale.text(T::SessionEndsSoonText)}</p>
            <p class="session-clock">
                {locale.text(T::SessionTimeLeft)} " "
                <span role="timer" id="sessie-klok">{move || clock_text(left.get().unwrap_or(0))}</span>
            </p>
            {move || failed.get().map(|e| view! { <ErrorNotice error=e/> })}
            <div class="dialog-buttons">
                <button type="button" class="button-primary" autofocus disabled=busy aria-busy=move || busy.get().to_string()
                    on:click=move |_| stay()>
                    {locale.text(T::SessionStay)}
                </button>
                <button type="button" class="button-secondary" on:click=move |_| auth.log_out()>
                    {locale.text(T::AccountLogout)}
                </button>
            </div>
        </dialog>
    }
}

#[component]
fn EndedDialog(ended: Signal<Option<zelfregie_model::Account>>) -> impl IntoView {
    let locale = Locale::get();
    let relogin = Relogin::try_get().expect("Relogin is provided by the app");
    let dialog = NodeRef::<html::Dialog>::new();
    modal_while(dialog, move || ended.with(Option::is_some), Some("relogin-password"));
    view! {
        <dialog node_ref=dialog class="session-dialog session-ended" aria-labelledby="sessie-voorbij-titel"
            aria-describedby="sessie-voorbij-tekst"
            // The page behind cannot be used without logging in again.
            on:cancel=|ev: web_sys::Event| ev.prevent_default()
            on:close=move |_| {
                if ended.with_untracked(Option::is_some) {
                    if let Some(d) = dialog.get_untracked() {
                        let _ = d.show_modal();
                    }
                }
            }
        >
            <h2 id="sessie-voorbij-titel">{locale.text(T::SessionEndedTitle)}</h2>
            <p id="sessie-voorbij-tekst">{locale.text(T::SessionEndedText)}</p>
            // Rebuilt each time, so no password typed before stays in the form.
            {move || ended.get().map(|account| view! {
                <LoginForm place=LoginPlace::Dialog email=account.email on_login=move |info| relogin.logged_in(info)/>
            })}
            <p>
                <button type="button" class="button-secondary" on:click=move |_| {
                    relogin.give_up();
                }>
                    {locale.text(T::SessionGiveUp)}
                </button>
            </p>
        </dialog>
    }
}
