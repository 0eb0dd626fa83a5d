//! Registreren: create an account with e-mail address and password.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use zelfregie_model::{Password, Registration};

use crate::api;
use crate::components::field::{focus_field, TextField};
use crate::components::notice::ErrorNotice;
use crate::components::page::Page;
use crate::forms::{field_error, FormErrors};
use crate::i18n::T;
use crate::locale::Locale;
use crate::routes::Route;
use crate::session::Auth;

/// The registration form. The shared model validates here first, per field, and the
/// server validates again.
#[component]
pub fn RegisterPage() -> impl IntoView {
    let locale = Locale::get();
    let auth = Auth::get();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());

    let submit = Action::new_local(|registration: &Registration| {
        let registration = registration.clone();
        async move { api::register(&registration).await }
    });
    Effect::new(move |_| match submit.value().get() {
        Some(Ok(info)) => auth.logged_in(info),
        Some(Err(error)) => {
            errors.set(FormErrors::from_client(error));
            if let Some(field) = errors.with_untracked(|e| e.first_field().map(str::to_owned)) {
                focus_field(&field);
            }
        }
        None => {}
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let registration =
            Registration { email: email.get_untracked(), password: Password::new(password.get_untracked()) };
        let found = FormErrors::from_validation(registration.validate());
        if let Some(field) = found.first_field() {
            focus_field(field);
            errors.set(found);
            return;
        }
        errors.set(FormErrors::default());
        submit.dispatch(registration);
    };
    let pending = submit.pending();

    view! {
        <Page title=T::RegisterTitle>
            <p>{locale.text(T::RegisterIntro)}</p>
            {move || errors.get().general.map(|error| view! { <ErrorNotice error=error/> })}
            <form class="form" on:submit=on_submit novalidate>
                <TextField id="email" label=T::EmailLabel value=email input_type="email" autocomplete="email"
                    error=field_error(errors, "email")/>
                <TextField id="password" label=T::PasswordLabel value=password input_type="password"
                    autocomplete="new-password" hint=T::NewPasswordHint
                    error=field_error(errors, "password")/>
                <button type="submit" class="button-primary" disabled=pending aria-busy=move || pending.get().to_string()>
                    {move || if pending.get() { locale.text(T::RegisterBusy)() } else { locale.text(T::RegisterSubmit)() }}
                </button>
            </form>
            <p>{locale.text(T::RegisterHaveAccount)} " " <a href=Route::Login.path()>{locale.text(T::RegisterLoginLink)}</a></p>
        </Page>
    }
}
