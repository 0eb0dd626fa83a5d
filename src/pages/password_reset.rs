//! Forgotten password: `/wachtwoord-vergeten` asks for the address and always says the same
//! (it never tells whether an account has the address); `/wachtwoord-herstellen?token=…` is
//! the link from the mail, where the person chooses a new password. Opening the link does
//! nothing by itself (mail scanners open links and run their JavaScript): the button acts.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use zelfregie_model::account::EMAIL_MAX_CHARS;
use zelfregie_model::{ErrorCode, Password, PasswordReset};

use crate::api;
use crate::components::field::{focus_field, reject_field, CheckboxField, TextField};
use crate::components::notice::{ErrorNotice, StatusNotice};
use crate::components::page::Page;
use crate::forms::{field_error, FormErrors};
use crate::i18n::T;
use crate::locale::Locale;
use crate::session::Auth;

/// `/wachtwoord-vergeten`: ask for a reset link.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let locale = Locale::get();
    let email = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let sent = RwSignal::new(false);
    let submit = Action::new_local(|email: &String| {
        let email = email.clone();
        async move { api::password_reset(&email).await }
    });
    Effect::new(move |_| match submit.value().get() {
        Some(Ok(())) => sent.set(true),
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
        let value = email.get_untracked().trim().to_owned();
        if value.is_empty() {
            return reject_field(errors, "email", ErrorCode::Required);
        }
        if value.chars().count() > EMAIL_MAX_CHARS {
            return reject_field(errors, "email", ErrorCode::TooLong);
        }
        errors.set(FormErrors::default());
        submit.dispatch(value);
    };
    let pending = submit.pending();
    view! {
        <Page title=T::ForgotTitle>
            {move || if sent.get() {
                view! {
                    <StatusNotice text=T::ForgotSent/>
                    <p class="onward"><a href="/inloggen">{locale.text(T::ResetToLogin)}</a></p>
                }.into_any()
            } else {
                view! {
                    <p>{locale.text(T::ForgotIntro)}</p>
                    {move || errors.get().general.map(|e| view! { <ErrorNotice error=e/> })}
                    <form class="form" on:submit=on_submit novalidate>
                        <TextField id="email" label=T::EmailLabel value=email input_type="email" autocomplete="username"
                            error=field_error(errors, "email")/>
                        <button type="submit" class="button-primary" disabled=pending aria-busy=move || pending.get().to_string()>
                            {locale.text(T::ForgotSubmit)}
                        </button>
                    </form>
                    <p class="onward"><a href="/inloggen">{locale.text(T::ResetToLogin)}</a></p>
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
    let show = RwSignal::new(false);
    let errors = RwSignal::new(FormErrors::default());
    let done = RwSignal::new(false);
    let submit = Action::new_local(|reset: &PasswordReset| {
        let reset = reset.clone();
        async move { api::password_reset_confirm(&reset).await }
    });
    Effect::new(move |_| match submit.value().get() {
        Some(Ok(())) => {
            password.set(String::new());
            done.set(true);
            // A session this browser had has ended too.
            if auth.is_logged_in() == Some(true) {
                auth.reload_quietly();
            }
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
        let value = password.get_untracked();
        // The address is not known here; the server also checks the password against it.
        if let Err(code) = zelfregie_model::account::validate_new_password(&value, "") {
            return reject_field(errors, "new_password", code);
        }
        errors.set(FormErrors::default());
        submit.dispatch(PasswordReset { token: token.clone(), new_password: Password::new(value) });
    };
    let pending = submit.pending();
    let invalid_link =
        move || errors.with(|e| e.general.as_ref().and_then(|g| g.code()) == Some(ErrorCode::TokenInvalid));
    view! {
        <Page title=T::ResetTitle>
            {move || if done.get() {
                view! {
                    <StatusNotice text=T::ResetDone/>
                    <p class="onward"><a href="/inloggen">{locale.text(T::ResetToLogin)}</a></p>
                }.into_any()
            } else if missing {
                view! {
                    <p class="notice notice-error" role="alert">{locale.text(T::LinkMissing)}</p>
                    <p class="onward"><a href="/wachtwoord-vergeten">{locale.text(T::ResetAskAgain)}</a></p>
                }.into_any()
            } else if invalid_link() {
                view! {
                    <p class="notice notice-error" role="alert" data-code="TokenInvalid">{locale.text(T::ResetLinkInvalid)}</p>
                    <p class="onward"><a href="/wachtwoord-vergeten">{locale.text(T::ResetAskAgain)}</a></p>
                }.into_any()
            } else {
                view! {
                    <p>{locale.text(T::ResetIntro)}</p>
                    {move || errors.get().general.map(|e| view! { <ErrorNotice error=e/> })}
                    <form class="form" on:submit=on_submit.clone() novalidate>
                        {move || {
                            let kind = if show.get() { "text" } else { "password" };
                            view! {
                                <TextField id="new_password" label=T::NewPassword value=password input_type=kind
                                    autocomplete="new-password" hint=T::NewPasswordHint
                                    error=field_error(errors, "new_password")/>
                            }
                        }}
                        <CheckboxField id="show_password" label=T::ShowPassword checked=show
                            set=Callback::new(move |v| show.set(v))/>
                        <button type="submit" class="button-primary" disabled=pending aria-busy=move || pending.get().to_string()>
                            {locale.text(T::ResetSubmit)}
                        </button>
                    </form>
                }.into_any()
            }}
        </Page>
    }
}
