//! Forgotten password: `/wachtwoord-vergeten` asks for the address and always says the same
//! (it never tells whether an account has the address); `/wachtwoord-herstellen?token=…` is
//! the link from the mail, where the person chooses a new password. Opening the link does
//! nothing by itself (mail scanners open links and run their JavaScript): the button acts.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use zelfregie_model::{ErrorCode, Password, PasswordReset, PasswordResetRequest};

use crate::api;
use crate::components::field::TextField;
use crate::components::notice::StatusNotice;
use crate::components::page::Page;
use crate::i18n::T;
use crate::locale::Locale;
use crate::routes::Route;
use crate::session::Auth;
use crate::submit::{checked, Submit};

/// `/wachtwoord-vergeten`: ask for a reset link.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let locale = Locale::get();
    let email = RwSignal::new(String::new());
    let sent = RwSignal::new(false);
    let form = Submit::new(
        "forgot-error",
        |request: PasswordResetRequest| async move { api::password_reset(request.email.trim()).await },
        move |()| sent.set(true),
    );
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form.submit(checked(PasswordResetRequest { email: email.get_untracked() }, PasswordResetRequest::validate));
    };
    let pending = form.pending();
    view! {
        <Page title=T::ForgotTitle>
            {move || if sent.get() {
                view! {
                    <StatusNotice text=T::ForgotSent/>
                    <p class="onward"><a href=Route::Login.path()>{locale.text(T::ResetToLogin)}</a></p>
                }.into_any()
            } else {
                view! {
                    <p>{locale.text(T::ForgotIntro)}</p>
                    {form.message()}
                    <form class="form" on:submit=on_submit novalidate>
                        <TextField id="email" label=T::EmailLabel value=email input_type="email" autocomplete="username"
                            error=form.error("email")/>
                        <button type="submit" class="button-primary" disabled=pending aria-busy=move || pending.get().to_string()>
                            {locale.text(T::ForgotSubmit)}
                        </button>
                    </form>
                    <p class="onward"><a href=Route::Login.path()>{locale.text(T::ResetToLogin)}</a></p>
                }.into_any()
            }}
        </Page>
    }
}

/// `/wachtwoord-herstellen?token=…`: choose a new password with the link from the mail.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let locale = Locale::get();
    let auth = Auth::get();
    let token = use_query_map().with_untracked(|q| q.get("token")).filter(|t| !t.is_empty());
    let missing = token.is_none();
    let token = token.unwrap_or_default();
    let password = RwSignal::new(String::new());
    let done = RwSignal::new(false);
    let form = Submit::new(
        "reset-error",
        |reset: PasswordReset| async move { api::password_reset_confirm(&reset).await },
        move |()| {
            password.set(String::new());
            done.set(true);
            // A session this browser had has ended too.
            if auth.is_logged_in() == Some(true) {
                auth.reload_quietly();
            }
        },
    );
    let errors = form.errors;
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let reset = PasswordReset { token: token.clone(), new_password: Password::new(password.get_untracked()) };
        form.submit(checked(reset, PasswordReset::validate));
    };
    let pending = form.pending();
    let invalid_link =
        move || errors.with(|e| e.general.as_ref().and_then(|g| g.code()) == Some(ErrorCode::TokenInvalid));
    view! {
        <Page title=T::ResetTitle>
            {move || if done.get() {
                view! {
                    <StatusNotice text=T::ResetDone/>
                    <p class="onward"><a href=Route::Login.path()>{locale.text(T::ResetToLogin)}</a></p>
                }.into_any()
            } else if missing {
                view! {
                    <p class="notice notice-error" role="alert">{locale.text(T::LinkMissing)}</p>
                    <p class="onward"><a href=Route::ForgotPassword.path()>{locale.text(T::ResetAskAgain)}</a></p>
                }.into_any()
            } else if invalid_link() {
                view! {
                    <p class="notice notice-error" role="alert" data-code="TokenInvalid">{locale.text(T::ResetLinkInvalid)}</p>
                    <p class="onward"><a href=Route::ForgotPassword.path()>{locale.text(T::ResetAskAgain)}</a></p>
                }.into_any()
            } else {
                view! {
                    <p>{locale.text(T::ResetIntro)}</p>
                    {form.message()}
                    <form class="form" on:submit=on_submit.clone() novalidate>
                        <TextField id="new_password" label=T::NewPassword value=password input_type="password"
                            autocomplete="new-password" hint=T::NewPasswordHint
                            error=form.error("new_password")/>
                        <button type="submit" class="button-primary" disabled=pending aria-busy=move || pending.get().to_string()>
                            {locale.text(T::ResetSubmit)}
                        </button>
                    </form>
                }.into_any()
            }}
        </Page>
    }
}
