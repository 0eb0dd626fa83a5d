//! Inloggen: e-mail address and password, or a passkey; for an account with two-step
//! verification a second step on the same page: the code from the app (or a recovery code).
//! Address and password stay in memory for it, never in storage.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use zelfregie_model::{ApiError, Credentials, ErrorCode, FieldError, Password};

use crate::api::{self, ClientError};
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
    let code = RwSignal::new(String::new());
    // Shown once the server said the password is right and a code is needed.
    let needs_code = RwSignal::new(false);
    // A wrong password empties the password field; the address stays. A code that is needed
    // or wrong is that field's error, so focus lands on it.
    let form = Submit::new(
        "login-error",
        move |credentials: Credentials| async move {
            api::login(&credentials).await.map_err(|e| match e.code() {
                Some(c @ (ErrorCode::SecondFactorRequired | ErrorCode::InvalidSecondFactor)) => {
                    needs_code.set(true);
                    code.set(String::new());
                    ClientError::Api(ApiError::validation(vec![FieldError::new("code", c)]))
                }
                _ => {
                    password.set(String::new());
                    e
                }
            })
        },
        move |info| auth.logged_in(info),
    );
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let credentials = Credentials {
            email: email.get_untracked(),
            password: Password::new(password.get_untracked()),
            code: needs_code.get_untracked().then(|| code.get_untracked()),
        };
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
                {move || needs_code.get().then(|| view! {
                    <TextField id="code" label=T::LoginCodeLabel value=code autocomplete="one-time-code"
                        hint=T::LoginCodeHint error=form.error("code")/>
                })}
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
