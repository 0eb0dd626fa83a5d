//! Inloggen: e-mail address and password.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use zelfregie_model::{Credentials, Password};

use crate::api;
use crate::components::field::{focus_field, TextField};
use crate::components::notice::{ErrorNotice, StatusNotice};
use crate::components::page::Page;
use crate::forms::{field_error, FormErrors};
use crate::i18n::T;
use crate::locale::Locale;
use crate::routes::Route;
use crate::session::{Auth, Notice};

/// The login form. Success updates the session; the guard around this page then moves on
/// to the overview.
#[component]
pub fn LoginPage() -> impl IntoView {
    let locale = Locale::get();
    let auth = Auth::get();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());

    let submit = Action::new_local(|credentials: &Credentials| {
        let credentials = credentials.clone();
        async move { api::login(&credentials).await }
    });
    Effect::new(move |_| match submit.value().get() {
        Some(Ok(info)) => auth.logged_in(info),
        Some(Err(error)) => {
            password.set(String::new());
            errors.set(FormErrors::from_client(error));
            focus_field(errors.with_untracked(|e| e.first_field().unwrap_or("email").to_owned()).as_str());
        }
        None => {}
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let credentials =
            Credentials { email: email.get_untracked(), password: Password::new(password.get_untracked()) };
        let found = FormErrors::from_validation(credentials.validate());
        if let Some(field) = found.first_field() {
            focus_field(field);
            errors.set(found);
            return;
        }
        errors.set(FormErrors::default());
        submit.dispatch(credentials);
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
    let pending = submit.pending();

    view! {
        <Page title=T::LoginTitle>
            {notice}
            <p>{locale.text(T::LoginIntro)}</p>
            {move || errors.get().general.map(|error| view! { <ErrorNotice error=error/> })}
            <form class="form" on:submit=on_submit novalidate>
                <TextField id="email" label=T::EmailLabel value=email input_type="email" autocomplete="username"
                    error=field_error(errors, "email")/>
                <TextField id="password" label=T::PasswordLabel value=password input_type="password"
                    autocomplete="current-password" error=field_error(errors, "password")/>
                <button type="submit" class="button-primary" disabled=pending aria-busy=move || pending.get().to_string()>
                    {move || if pending.get() { locale.text(T::LoginBusy)() } else { locale.text(T::LoginSubmit)() }}
                </button>
            </form>
            <p>{locale.text(T::LoginNoAccount)} " " <a href=Route::Register.path()>{locale.text(T::LoginRegisterLink)}</a></p>
        </Page>
    }
}
