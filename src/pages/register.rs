//! Registreren: ask for an account with an e-mail address. The answer is always "check your
//! mail" (it never tells whether the address has an account); on the link from the mail the
//! person chooses a password and makes the account (`pages/register_confirm.rs`), so only
//! who holds the mailbox can ever log in to it.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use zelfregie_model::Registration;

use crate::api;
use crate::components::field::{focus_field, TextField};
use crate::components::page::Page;
use crate::i18n::T;
use crate::locale::Locale;
use crate::routes::Route;
use crate::submit::{checked, Submit};

/// The registration form. The shared model validates here first, per field, and the
/// server validates again.
#[component]
pub fn RegisterPage() -> impl IntoView {
    let locale = Locale::get();
    let email = RwSignal::new(String::new());
    // The address the link went to: named in the notice, which takes focus so a phone with
    // the keyboard open shows it (issue 25: it started above the screen, without the address).
    let sent = RwSignal::new(None::<String>);
    let form = Submit::new(
        "register-error",
        |registration: Registration| async move { api::register(&registration).await },
        move |()| {
            sent.set(Some(zelfregie_model::account::normalize_email(&email.get_untracked())));
            focus_field("register-sent");
        },
    );
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let registration =
            Registration { email: email.get_untracked(), language: Some(locale.lang().tag().to_owned()) };
        form.submit(checked(registration, Registration::validate));
    };
    let pending = form.pending();

    view! {
        <Page title=T::RegisterTitle>
            {move || if let Some(address) = sent.get() {
                view! {
                    <div class="notice notice-status" role="status" id="register-sent" tabindex="-1">
                        <p>{locale.text(T::RegisterSentTo)} " " <strong translate="no">{address}</strong></p>
                        <p>{locale.text(T::RegisterSent)}</p>
                    </div>
                    <p class="onward"><a href=Route::Login.path()>{locale.text(T::ResetToLogin)}</a></p>
                }.into_any()
            } else {
                view! {
                    <p>{locale.text(T::RegisterIntro)}</p>
                    // Before anything is collected: what happens with it, and where to read more.
                    <p class="register-privacy">{locale.text(T::RegisterPrivacy)} " "
                        <a href=Route::PrivacyStatement.path()>{locale.text(T::RegisterPrivacyLink)}</a></p>
                    {form.message()}
                    <form class="form" on:submit=on_submit novalidate>
                        <TextField id="email" label=T::EmailLabel value=email input_type="email" autocomplete="email"
                            error=form.error("email")/>
                        <button type="submit" class="button-primary" disabled=pending aria-busy=move || pending.get().to_string()>
                            {move || if pending.get() { locale.text(T::RegisterBusy)() } else { locale.text(T::RegisterSubmit)() }}
                        </button>
                    </form>
                    <p>{locale.text(T::RegisterHaveAccount)} " " <a href=Route::Login.path()>{locale.text(T::RegisterLoginLink)}</a></p>
                }.into_any()
            }}
        </Page>
    }
}
