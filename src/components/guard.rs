//! Route guards: pages for logged-in people and pages for visitors.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::components::notice::{ErrorNotice, Loading};
use crate::i18n::T;
use crate::locale::Locale;
use crate::routes::Route;
use crate::session::{Auth, AuthState};

/// Shows `children` only to a logged-in person; sends anyone else to the login page.
#[component]
pub fn RequireLogin(children: ChildrenFn) -> impl IntoView {
    let auth = Auth::get();
    redirect_when(move || auth.is_logged_in() == Some(false), Route::Login);
    guarded(auth, children, true)
}

/// Shows `children` only to visitors; sends a logged-in person to the overview.
#[component]
pub fn RequireLoggedOut(children: ChildrenFn) -> impl IntoView {
    let auth = Auth::get();
    redirect_when(move || auth.is_logged_in() == Some(true), Route::Overview);
    guarded(auth, children, false)
}

fn redirect_when(condition: impl Fn() -> bool + 'static, to: Route) {
    let navigate = use_navigate();
    Effect::new(move |_| {
        if condition() {
            navigate(to.path(), NavigateOptions { replace: true, ..Default::default() });
        }
    });
}

/// What the guard shows; a change of the session's details (a new session count, say) is
/// not a change of phase and must not rebuild the page.
#[derive(Clone, PartialEq)]
enum Phase {
    Show,
    Wait,
    Failed(crate::api::ClientError),
}

fn guarded(auth: Auth, children: ChildrenFn, want_logged_in: bool) -> impl IntoView {
    let locale = Locale::get();
    let phase = Memo::new(move |_| match auth.state.get() {
        AuthState::LoggedIn(_) if want_logged_in => Phase::Show,
        AuthState::LoggedOut if !want_logged_in => Phase::Show,
        AuthState::Failed(error) => Phase::Failed(error),
        _ => Phase::Wait,
    });
    move || match phase.get() {
        Phase::Show => children().into_any(),
        Phase::Failed(error) => view! {
            <ErrorNotice error=error/>
            <button type="button" on:click=move |_| auth.refresh()>{locale.text(T::Retry)}</button>
        }
        .into_any(),
        Phase::Wait => view! { <Loading/> }.into_any(),
    }
}
