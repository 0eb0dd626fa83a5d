//! `/e-mailadres-bevestigen?token=…`: the link mailed to a new address. Opening it does
//! nothing by itself (mail scanners open links and run their JavaScript): only the button
//! makes it the account's login address. No login needed: the link is the proof.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use zelfregie_model::ErrorCode;

use crate::api;
use crate::components::notice::StatusNotice;
use crate::components::page::Page;
use crate::i18n::T;
use crate::locale::Locale;
use crate::routes::Route;
use crate::session::Auth;
use crate::submit::Submit;

/// Says what the button does; the button changes the address.
#[component]
pub fn EmailConfirmPage() -> impl IntoView {
    let locale = Locale::get();
    let auth = Auth::get();
    let token = use_query_map().with_untracked(|q| q.get("token")).filter(|t| !t.is_empty());
    let missing = token.is_none();
    let token = token.unwrap_or_default();
    let done = RwSignal::new(false);
    let form = Submit::new(
        "email-confirm-error",
        move |()| {
            let token = token.clone();
            async move { api::email_change_confirm(&token).await }
        },
        move |()| {
            done.set(true);
            // This browser's session (if any) stays and shows the new address.
            if auth.is_logged_in() == Some(true) {
                auth.reload_quietly();
            }
        },
    );
    let errors = form.errors;
    let pending = form.pending();
    let invalid_link =
        move || errors.with(|e| e.general.as_ref().and_then(|g| g.code()) == Some(ErrorCode::TokenInvalid));
    let onward = move || {
        let (to, text) = if auth.is_logged_in() == Some(true) {
            (Route::Account, T::NavAccount)
        } else {
            (Route::Login, T::ResetToLogin)
        };
        view! { <p class="onward"><a href=to.path()>{locale.text(text)}</a></p> }
    };
    view! {
        <Page title=T::EmailConfirmTitle>
            {move || if done.get() {
                view! { <StatusNotice text=T::EmailConfirmDone/> {onward} }.into_any()
            } else if missing {
                view! { <p class="notice notice-error" role="alert">{locale.text(T::LinkMissing)}</p> }.into_any()
            } else if invalid_link() {
                view! {
                    <p class="notice notice-error" role="alert" data-code="TokenInvalid">{locale.text(T::EmailLinkInvalid)}</p>
                    {onward}
                }.into_any()
            } else {
                view! {
                    <p>{locale.text(T::EmailConfirmText)}</p>
                    {form.message()}
                    <button type="button" class="button-primary" disabled=pending aria-busy=move || pending.get().to_string()
                        on:click=move |_| form.submit(Ok(()))>
                        {locale.text(T::EmailConfirmSubmit)}
                    </button>
                }.into_any()
            }}
        </Page>
    }
}
