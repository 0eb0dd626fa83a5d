//! `/registreren/bevestigen?token=…`: the link from the registration mail. Opening it does
//! nothing by itself (mail scanners open links and run their JavaScript). Here the person
//! chooses the password — whoever holds the mailbox, not whoever asked for the link — and
//! the button creates the account; then the person is logged in.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use zelfregie_model::{ErrorCode, Password, RegistrationConfirm};

use crate::api;
use crate::components::field::TextField;
use crate::components::page::Page;
use crate::i18n::T;
use crate::locale::Locale;
use crate::routes::Route;
use crate::session::Auth;
use crate::submit::{checked, Submit};

/// The password to choose; the button creates the account with it and logs in.
#[component]
pub fn RegisterConfirmPage() -> impl IntoView {
    let locale = Locale::get();
    let auth = Auth::get();
    let navigate = use_navigate();
    let token = use_query_map().with_untracked(|q| q.get("token")).filter(|t| !t.is_empty());
    let missing = token.is_none();
    let token = token.unwrap_or_default();
    let password = RwSignal::new(String::new());
    let form = Submit::new(
        "register-confirm-error",
        |confirm: RegistrationConfirm| async move { api::register_confirm(&confirm).await },
        move |info| {
            password.set(String::new());
            auth.logged_in(info);
            navigate(Route::Overview.path(), NavigateOptions { replace: true, ..Default::default() });
        },
    );
    let errors = form.errors;
    let pending = form.pending();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let confirm = RegistrationConfirm { token: token.clone(), password: Password::new(password.get_untracked()) };
        form.submit(checked(confirm, RegistrationConfirm::validate));
    };
    let invalid_link =
        move || errors.with(|e| e.general.as_ref().and_then(|g| g.code()) == Some(ErrorCode::TokenInvalid));
    view! {
        <Page title=T::RegisterConfirmTitle>
            {move || if missing {
                view! {
                    <p class="notice notice-error" role="alert">{locale.text(T::LinkMissing)}</p>
                    <p class="onward"><a href=Route::Register.path()>{locale.text(T::RegisterAgain)}</a></p>
                }.into_any()
            } else if invalid_link() {
                view! {
                    <p class="notice notice-error" role="alert" data-code="TokenInvalid">{locale.text(T::RegisterLinkInvalid)}</p>
                    <p class="onward">
                        <a href=Route::Login.path()>{locale.text(T::ResetToLogin)}</a>
                        " · "
                        <a href=Route::Register.path()>{locale.text(T::RegisterAgain)}</a>
                    </p>
                }.into_any()
            } else {
                view! {
                    <p>{locale.text(T::RegisterConfirmText)}</p>
                    {form.message()}
                    <form class="form" on:submit=on_submit.clone() novalidate>
                        <TextField id="password" label=T::PasswordLabel value=password input_type="password"
                            autocomplete="new-password" hint=T::NewPasswordHint error=form.error("password")/>
                        <button type="submit" class="button-primary" disabled=pending aria-busy=move || pending.get().to_string()>
                            {locale.text(T::RegisterConfirmSubmit)}
                        </button>
                    </form>
                }.into_any()
            }}
        </Page>
    }
}
