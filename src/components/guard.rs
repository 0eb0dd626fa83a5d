//! Route guards: pages for logged-in people and pages for visitors.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::components::notice::{ErrorNotice, Loading};
use crate::i18n::T;
use crate::locale::Locale;
use crate::routes::Route;
use crate::session::{Auth, AuthState};

/// Whether the logged-in account must set up two-step verification before anything else
/// (staff who see other people's data, in a session opened without it).
fn must_set_up_second_factor(auth: Auth) -> bool {
    auth.info().is_some_and(|i| i.must_set_up_second_factor())
}

/// Shows `children` only to a logged-in person; sends anyone else to the login page, and
/// staff who must set up two-step verification first to the account page, where they can.
#[component]
pub fn RequireLogin(children: ChildrenFn) -> impl IntoView {
    let auth = Auth::get();
    let location = use_location();
    redirect_when(move || auth.is_logged_in() == Some(false), Route::Login);
    redirect_when(
        move || must_set_up_second_factor(auth) && location.pathname.get() != Route::Account.path(),
        Route::Account,
    );
    guarded(auth, children, true)
}

/// Shows `children` only to visitors; sends a logged-in person to the overview (or to set
/// up two-step verification).
#[component]
pub fn RequireLoggedOut(children: ChildrenFn) -> impl IntoView {
    let auth = Auth::get();
    redirect_when(move || auth.is_logged_in() == Some(true) && !must_set_up_second_factor(auth), Route::Overview);
    redirect_when(move || must_set_up_second_factor(auth), Route::Account);
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
