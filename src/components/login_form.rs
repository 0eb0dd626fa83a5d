//! The login form (e-mail address and password; for an account with two-step verification a
//! second step in the same form: the code from the app or a recovery code; and the passkey
//! button): on the login page, and in the dialog that opens over a page when the session has
//! ended (`components/session_dialogs.rs`). Address and password stay in memory for the
//! second step, never in storage.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use zelfregie_model::{ApiError, Credentials, ErrorCode, FieldError, Password, SessionInfo};

use crate::api::{self, ClientError};
use crate::components::field::TextField;
use crate::components::passkey_login::PasskeyLogin;
use crate::i18n::T;
use crate::locale::Locale;
use crate::routes::Route;
use crate::submit::{checked, Submit};

/// Where the form is shown; its element ids differ, so both may be in one document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LoginPlace {
    /// The login page.
    #[default]
    Page,
    /// The dialog over a page whose session ended.
    Dialog,
}

/// E-mail address and password; `on_login` hears the new session.
#[component]
pub fn LoginForm(
    /// What happens after a successful login.
    #[prop(into)]
    on_login: Callback<SessionInfo>,
    /// Page or dialog.
    #[prop(optional)]
    place: LoginPlace,
    /// The address to start with (the dialog offers the address of the session that ended).
    #[prop(optional, into)]
    email: String,
) -> impl IntoView {
    let locale = Locale::get();
    let email = RwSignal::new(email);
    let password = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    // Shown once the server said the password is right and a code is needed.
    let needs_code = RwSignal::new(false);
    let (message_id, field_id): (&'static str, fn(&str) -> String) = match place {
        LoginPlace::Page => ("login-error", str::to_owned),
        LoginPlace::Dialog => ("relogin-error", |f| format!("relogin-{f}")),
    };
    // A wrong password empties the password field; the address stays. A code that is needed
    // or wrong is that field's error, so focus lands on it.
    let form = Submit::with_field_ids(
        message_id,
        field_id,
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
        move |info| on_login.run(info),
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
    let pending = form.pending();

    view! {
        {form.message()}
        {move || {
            // After a wrong password (or too many), the way out is right there. Not in the
            // dialog: the page behind it would be left, with whatever was typed.
            let code = form.errors.get().general.and_then(|e| e.code());
            (place == LoginPlace::Page && matches!(code, Some(ErrorCode::InvalidCredentials | ErrorCode::TooManyAttempts)))
                .then(|| view! { <p class="link-line"><a href=Route::ForgotPassword.path()>{locale.text(T::LoginForgot)}</a></p> })
        }}
        <form class="form" on:submit=on_submit novalidate>
            <TextField id=field_id("email") label=T::EmailLabel value=email input_type="email" autocomplete="username"
                error=form.error("email")/>
            <TextField id=field_id("password") label=T::PasswordLabel value=password input_type="password"
                autocomplete="current-password" error=form.error("password")/>
            {move || needs_code.get().then(|| view! {
                <TextField id=field_id("code") label=T::LoginCodeLabel value=code autocomplete="one-time-code"
                    hint=T::LoginCodeHint error=form.error("code")/>
            })}
            <button type="submit" class="button-primary" disabled=pending aria-busy=move || pending.get().to_string()>
                {move || if pending.get() { locale.text(T::LoginBusy)() } else { locale.text(T::LoginSubmit)() }}
            </button>
        </form>
        <PasskeyLogin on_login=on_login place=place/>
    }
}
