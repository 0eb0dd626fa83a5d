//! Account: log out here, or everywhere.

use leptos::prelude::*;
use zelfregie_model::ErrorCode;

use crate::api::{self, ApiResult};
use crate::components::notice::ErrorNotice;
use crate::components::page::Page;
use crate::i18n::T;
use crate::locale::Locale;
use crate::session::{Auth, Notice};

/// Session management of the logged-in account.
#[component]
pub fn AccountPage() -> impl IntoView {
    let locale = Locale::get();
    let auth = Auth::get();
    let logout = Action::new_local(|_: &()| api::logout());
    let logout_everywhere = Action::new_local(|_: &()| api::logout_everywhere());
    let error = RwSignal::new(None);

    let settle = move |result: Option<ApiResult<()>>, notice: Notice| match result {
        Some(Ok(())) => auth.logged_out(notice),
        // The session already ended on the server: the person is logged out either way.
        Some(Err(e)) if e.code() == Some(ErrorCode::Unauthenticated) => auth.logged_out(Notice::SessionEnded),
        Some(Err(e)) => error.set(Some(e)),
        None => {}
    };
    Effect::new(move |_| settle(logout.value().get(), Notice::LoggedOut));
    Effect::new(move |_| settle(logout_everywhere.value().get(), Notice::LoggedOutEverywhere));
    let busy = Signal::derive(move || logout.pending().get() || logout_everywhere.pending().get());
    let email = move || auth.info().map(|i| i.account.email).unwrap_or_default();
    let sessions = move || auth.info().map(|i| i.active_sessions).unwrap_or_default();

    view! {
        <Page title=T::AccountTitle>
            <dl class="facts">
                <dt>{locale.text(T::EmailLabel)}</dt>
                <dd>{email}</dd>
                <dt>{locale.text(T::OverviewActiveSessions)}</dt>
                <dd>{sessions}</dd>
            </dl>
            {move || error.get().map(|e| view! { <ErrorNotice error=e/> })}
            <section aria-labelledby="uitloggen">
                <h2 id="uitloggen">{locale.text(T::AccountLogoutHeading)}</h2>
                <p>{locale.text(T::AccountLogoutText)}</p>
                <button type="button" class="button-primary" disabled=busy on:click=move |_| {
                    error.set(None);
                    logout.dispatch(());
                }>
                    {move || if logout.pending().get() { locale.text(T::Busy)() } else { locale.text(T::AccountLogout)() }}
                </button>
            </section>
            <section aria-labelledby="overal-uitloggen">
                <h2 id="overal-uitloggen">{locale.text(T::AccountLogoutEverywhereHeading)}</h2>
                <p>{locale.text(T::AccountLogoutEverywhereText)}</p>
                <button type="button" class="button-secondary" disabled=busy on:click=move |_| {
                    error.set(None);
                    logout_everywhere.dispatch(());
                }>
                    {move || if logout_everywhere.pending().get() { locale.text(T::Busy)() } else { locale.text(T::AccountLogoutEverywhere)() }}
                </button>
            </section>
        </Page>
    }
}
