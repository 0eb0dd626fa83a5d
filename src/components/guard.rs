//! Route guards: pages for logged-in people and pages for visitors.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::components::notice::{ErrorNotice, Loading};
use crate::i18n::T;
use crate::locale::Locale;
use crate::routes::{return_target, Route, RETURN_PARAM};
use crate::session::{Auth, AuthState};

/// Whether the logged-in account must set up two-step verification before anything else
/// (staff who see other people's data, in a session opened without it).
fn must_set_up_second_factor(auth: Auth) -> bool {
    auth.info().is_some_and(|i| i.must_set_up_second_factor())
}

/// Shows `children` only to a logged-in person; sends anyone else to the login page. Someone
/// arriving logged out (a bookmark, a link in an e-mail) is sent there with the page as the
/// way back (`/inloggen?terug=/nieuwsbrief`); someone who just logged out is not: the next
/// person at the device should not be led to the previous one's page.
#[component]
pub fn RequireLogin(children: ChildrenFn) -> impl IntoView {
    let auth = Auth::get();
    let location = use_location();
    redirect_when(move || {
        (auth.is_logged_in() == Some(false)).then(|| match auth.notice.get_untracked() {
            None => Route::at(&location.pathname.get_untracked())
                .map_or_else(|| Route::Login.path().to_owned(), Route::login_returning_here),
            Some(_) => Route::Login.path().to_owned(),
        })
    });
    redirect_when(move || {
        (must_set_up_second_factor(auth) && location.pathname.get() != Route::Account.path())
            .then(|| Route::Account.path().to_owned())
    });
    guarded(auth, children, true)
}

/// Shows `children` only to visitors; sends a logged-in person on: to set up two-step
/// verification if they must, else to the page named by `terug`, if it is one a login may
/// lead to ([`return_target`]), else to the overview.
#[component]
pub fn RequireLoggedOut(children: ChildrenFn) -> impl IntoView {
    let auth = Auth::get();
    let query = use_query_map();
    redirect_when(move || {
        (auth.is_logged_in() == Some(true)).then(|| {
            if must_set_up_second_factor(auth) {
                return Route::Account.path().to_owned();
            }
            let back = query.with_untracked(|q| q.get(RETURN_PARAM)).and_then(|raw| return_target(&raw));
            back.unwrap_or(Route::Overview).path().to_owned()
        })
    });
    guarded(auth, children, false)
}

/// Goes to the address `target` gives, whenever it gives one.
fn redirect_when(target: impl Fn() -> Option<String> + 'static) {
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(to) = target() {
            navigate(&to, NavigateOptions { replace: true, ..Default::default() });
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
