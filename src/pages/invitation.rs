//! `/uitnodiging?token=…`: the link from an invitation mail. Opening it changes nothing (mail
//! scanners open links); the page shows who is invited, as what, for which partner and until
//! when. The invitee chooses a password and the button creates the account, once; then they
//! are logged in and go straight to setting up two-step verification: until that is done,
//! no page with other people's data opens.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use zelfregie_model::admin::{InvitationAcceptance, InvitationDetails};
use zelfregie_model::{ErrorCode, Password};

use crate::api;
use crate::components::field::TextField;
use crate::components::notice::ErrorNotice;
use crate::components::page::Page;
use crate::format::date_time;
use crate::i18n::T;
use crate::locale::Locale;
use crate::routes::Route;
use crate::session::Auth;
use crate::submit::{checked, Submit};

/// The page.
#[component]
pub fn InvitationPage() -> impl IntoView {
    let locale = Locale::get();
    let token = use_query_map().with_untracked(|q| q.get("token")).filter(|t| !t.is_empty());
    let details = {
        let token = token.clone();
        LocalResource::new(move || {
            let token = token.clone();
            async move {
                match token {
                    Some(token) => api::invitation(&token).await.map(Some),
                    None => Ok(None),
                }
            }
        })
    };
    let token = token.unwrap_or_default();
    // The button found the link used meanwhile: the page says so as it does on arrival.
    let used = RwSignal::new(false);
    view! {
        <Page title=T::InvitationTitle>
            {move || match details.get() {
                None => view! { <crate::components::notice::Loading/> }.into_any(),
                Some(Ok(None)) => view! {
                    <p class="notice notice-error" role="alert">{locale.text(T::InvitationMissing)}</p>
                }.into_any(),
                Some(Err(e)) if e.code() == Some(ErrorCode::TokenInvalid) => invalid().into_any(),
                Some(Err(e)) => view! { <ErrorNotice error=e/> }.into_any(),
                Some(Ok(Some(_))) if used.get() => invalid().into_any(),
                Some(Ok(Some(d))) => view! { <AcceptForm details=d token=token.clone() used/> }.into_any(),
            }}
        </Page>
    }
}

fn invalid() -> impl IntoView {
    let locale = Locale::get();
    view! {
        <p class="notice notice-error" role="alert" data-code="TokenInvalid" id="invitation-invalid" tabindex="-1">
            {locale.text(T::InvitationInvalid)}
        </p>
        <p class="onward"><a href=Route::Login.path()>{locale.text(T::ResetToLogin)}</a></p>
    }
}

#[component]
fn AcceptForm(details: InvitationDetails, token: String, used: RwSignal<bool>) -> impl IntoView {
    let locale = Locale::get();
    let auth = Auth::get();
    let navigate = use_navigate();
    let password = RwSignal::new(String::new());
    let form = Submit::new(
        "invitation-error",
        move |acceptance: InvitationAcceptance| async move {
            let result = api::accept_invitation(&acceptance).await;
            if matches!(&result, Err(e) if e.code() == Some(ErrorCode::TokenInvalid)) {
                used.set(true);
                crate::components::field::focus_field("invitation-invalid");
            }
            result
        },
        move |info| {
            password.set(String::new());
            auth.logged_in(info);
            // The second factor first: the account page opens at its section.
            navigate(Route::Account.path(), NavigateOptions { replace: true, ..Default::default() });
        },
    );
    let email = details.email.clone();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let acceptance =
            InvitationAcceptance { token: token.clone(), password: Password::new(password.get_untracked()) };
        let email = email.clone();
        form.submit(checked(acceptance, move |a| a.validate_for(&email)));
    };
    let pending = form.pending();
    let role = T::role(details.role);
    let partner = details.partner.clone().map(|p| p.name);
    let until = details.expires_at;
    view! {
        <p>{locale.text(T::InvitationIntro)}</p>
        <dl class="facts">
            <dt>{locale.text(T::InvitationFor)}</dt>
            <dd>{details.email.clone()}</dd>
            <dt>{locale.text(T::InvitationAs)}</dt>
            <dd>{locale.text(role)}</dd>
            {partner.map(|name| view! {
                <dt>{locale.text(T::InvitationPartner)}</dt>
                <dd>{name}</dd>
            })}
            <dt>{locale.text(T::InvitationUntil)}</dt>
            <dd>{move || date_time(until, locale.lang())}</dd>
        </dl>
        <p>{locale.text(T::InvitationNext)}</p>
        {form.message()}
        <form class="form" on:submit=on_submit novalidate>
            // The login name, for password managers (WCAG 3.3.7: not typed again).
            <input type="email" name="username" autocomplete="username" value=details.email.clone() hidden/>
            <TextField id="password" label=T::PasswordLabel value=password input_type="password"
                autocomplete="new-password" hint=T::NewPasswordHint error=form.error("password")/>
            <button type="submit" class="button-primary" disabled=pending aria-busy=move || pending.get().to_string()>
                {locale.text(T::InvitationSubmit)}
            </button>
        </form>
    }
}
