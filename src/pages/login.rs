//! Inloggen: e-mail address and password, or a passkey.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use zelfregie_model::{Credentials, ErrorCode, Password};

use crate::api;
use crate::components::field::TextField;
use crate::components::notice::StatusNotice;
use crate::components::page::Page;
use crate::components::passkey_login::PasskeyLogin;
use crate::i18n::T;
use crate::locale::Locale;
use crate::routes::Route;
use crate::session::{Auth, Notice};
use crate::submit::{checked, Submit};

/// The login form. Success updates the session; the guard around this page then moves on
/// to the overview.
#[component]
pub fn LoginPage() -> impl IntoView {
    let locale = Locale::get();
    let auth = Auth::get();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    // A failed login empties the password field; the address stays.
    let form = Submit::new(
        "login-error",
        move |credentials: Credentials| async move {
            api::login(&credentials).await.inspect_err(|_| password.set(String::new()))
        },
        move |info| auth.logged_in(info),
    );
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let credentials =
            Credentials { email: email.get_untracked(), password: Password::new(password.get_untracked()) };
        form.submit(checked(credentials, Credentials::validate));
    };
    let notice = move || {
        auth.notice.get().map(|n| {
            let text = match n {
                Notice::LoggedOut => T::LoggedOutNotice,
                Notice::LoggedOutEverywhere => T::LoggedOutEverywhereNotice,
                Notice::SessionEnded => T::SessionEndedNotice,
                Notice::AccountErased => T::AccountErasedNotice,
            };
            view! { <StatusNotice text=text/> }
        })
    };
    let pending = form.pending();

    view! {
        <Page title=T::LoginTitle>
            {notice}
            <p>{locale.text(T::LoginIntro)}</p>
            {form.message()}
            {move || {
                // After a wrong password (or too many), the way out is right there.
                let code = form.errors.get().general.and_then(|e| e.code());
                matches!(code, Some(ErrorCode::InvalidCredentials | ErrorCode::TooManyAttempts))
                    .then(|| view! { <p><a href=Route::ForgotPassword.path()>{locale.text(T::LoginForgot)}</a></p> })
            }}
            <form class="form" on:submit=on_submit novalidate>
                <TextField id="email" label=T::EmailLabel value=email input_type="email" autocomplete="username"
                    error=form.error("email")/>
                <TextField id="password" label=T::PasswordLabel value=password input_type="password"
                    autocomplete="current-password" error=form.error("password")/>
                <button type="submit" class="button-primary" disabled=pending aria-busy=move || pending.get().to_string()>
                    {move || if pending.get() { locale.text(T::LoginBusy)() } else { locale.text(T::LoginSubmit)() }}
                </button>
            </form>
            <PasskeyLogin/>
            <p><a href=Route::ForgotPassword.path()>{locale.text(T::LoginForgot)}</a></p>
            <p>{locale.text(T::LoginNoAccount)} " " <a href=Route::Register.path()>{locale.text(T::LoginRegisterLink)}</a></p>
        </Page>
    }
}
