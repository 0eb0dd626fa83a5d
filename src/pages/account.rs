//! Account: log out here, or everywhere.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use zelfregie_model::{Erasure, ErrorCode, Password, PasswordChange};

use crate::api::{self, ApiResult};
use crate::components::field::{focus_field, reject_field, TextField};
use crate::components::notice::{ErrorNotice, StatusNotice};
use crate::components::page::Page;
use crate::forms::{field_error, FormErrors};
use crate::i18n::T;
use crate::locale::Locale;
use crate::routes::Route;
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
            <ChangePassword/>
            <EraseAccount/>
        </Page>
    }
}

/// Change the password, asking the current one again.
#[component]
fn ChangePassword() -> impl IntoView {
    let locale = Locale::get();
    let auth = Auth::get();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let done = RwSignal::new(false);
    let submit = Action::new_local(|c: &PasswordChange| {
        let c = c.clone();
        async move { api::change_password(&c).await }
    });
    Effect::new(move |_| match submit.value().get() {
        Some(Ok(())) => {
            current.set(String::new());
            new.set(String::new());
            errors.set(FormErrors::default());
            done.set(true);
            auth.reload_quietly();
        }
        Some(Err(e)) => {
            errors.set(FormErrors::from_client(e));
            if let Some(f) = errors.with_untracked(|e| e.first_field().map(str::to_owned)) {
                focus_field(&f);
            }
        }
        None => {}
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        done.set(false);
        let email = auth.info().map(|i| i.account.email).unwrap_or_default();
        if let Err(code) = zelfregie_model::account::validate_new_password(&new.get_untracked(), &email) {
            return reject_field(errors, "new_password", code);
        }
        submit.dispatch(PasswordChange {
            current_password: Password::new(current.get_untracked()),
            new_password: Password::new(new.get_untracked()),
        });
    };
    view! {
        <section aria-labelledby="h-password">
            <h2 id="h-password">{locale.text(T::PasswordChangeHeading)}</h2>
            {move || done.get().then(|| view! { <StatusNotice text=T::PasswordChanged/> })}
            {move || errors.get().general.map(|e| view! { <ErrorNotice error=e/> })}
            <form class="form" on:submit=on_submit novalidate>
                <TextField id="current_password" label=T::CurrentPassword input_type="password" autocomplete="current-password"
                    value=current error=field_error(errors, "current_password")/>
                <TextField id="new_password" label=T::NewPassword input_type="password" autocomplete="new-password"
                    hint=T::NewPasswordHint value=new error=field_error(errors, "new_password")/>
                <button type="submit" class="button-secondary" disabled=submit.pending()>{locale.text(T::PasswordChangeSubmit)}</button>
            </form>
        </section>
    }
}

/// Erase everything, asking the password again and confirming.
#[component]
fn EraseAccount() -> impl IntoView {
    let locale = Locale::get();
    let auth = Auth::get();
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let submit = Action::new_local(|e: &Erasure| {
        let e = e.clone();
        async move { api::erase_account(&e).await }
    });
    Effect::new(move |_| match submit.value().get() {
        Some(Ok(())) => auth.logged_out(Notice::AccountErased),
        Some(Err(e)) => {
            errors.set(FormErrors::from_client(e));
            focus_field("erase-password");
        }
        None => {}
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if password.get_untracked().is_empty() {
            errors.set(FormErrors::from_validation(vec![zelfregie_model::FieldError::new(
                "password",
                ErrorCode::Required,
            )]));
            focus_field("erase-password");
            return;
        }
        if window().confirm_with_message(T::EraseConfirm.get(locale.lang())).unwrap_or(false) {
            submit.dispatch(Erasure { password: Password::new(password.get_untracked()) });
        }
    };
    view! {
        <section aria-labelledby="h-erase" class="danger-zone">
            <h2 id="h-erase">{locale.text(T::EraseHeading)}</h2>
            <p>{locale.text(T::EraseText)} " " <a href=Route::MyData.path()>{locale.text(T::NavMyData)}</a></p>
            {move || errors.get().general.map(|e| view! { <ErrorNotice error=e/> })}
            <form class="form" on:submit=on_submit novalidate>
                <TextField id="erase-password" label=T::PasswordLabel input_type="password" autocomplete="current-password"
                    value=password error=field_error(errors, "password")/>
                <button type="submit" class="button-secondary button-danger" disabled=submit.pending()>{locale.text(T::EraseSubmit)}</button>
            </form>
        </section>
    }
}
