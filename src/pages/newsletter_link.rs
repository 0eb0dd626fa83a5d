//! The two pages behind links in e-mails, usable without logging in: confirming a
//! subscription (double opt-in) and one-click unsubscribing (RFC 8058; a GET never
//! unsubscribes, so link scanners cannot, the button does).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;
use zelfregie_model::newsletter::Subscription;

use crate::api::{self, ClientError};
use crate::components::notice::{ErrorNotice, Loading, StatusNotice};
use crate::components::page::Page;
use crate::i18n::T;
use crate::locale::Locale;

fn token() -> Option<String> {
    use_query_map().with_untracked(|q| q.get("token")).filter(|t| !t.is_empty())
}

/// `/nieuwsbrief/bevestigen?token=…`: confirms at once (the person asked for this mail).
#[component]
pub fn ConfirmSubscriptionPage() -> impl IntoView {
    let locale = Locale::get();
    let result = RwSignal::new(None::<Result<Subscription, Option<ClientError>>>);
    match token() {
        Some(token) => {
            spawn_local(async move { result.set(Some(api::newsletter_confirm(&token).await.map_err(Some))) })
        }
        None => result.set(Some(Err(None))),
    }
    view! {
        <Page title=T::ConfirmTitle>
            {move || match result.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Ok(_)) => view! { <StatusNotice text=T::ConfirmDone/> }.into_any(),
                Some(Err(Some(e))) => view! { <ErrorNotice error=e/> }.into_any(),
                Some(Err(None)) => view! { <p class="notice notice-error" role="alert">{locale.text(T::LinkMissing)}</p> }.into_any(),
            }}
        </Page>
    }
}

/// `/nieuwsbrief/afmelden?token=…`: one button, no login.
#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let locale = Locale::get();
    let token = token();
    let missing = token.is_none();
    let unsubscribe = Action::new_local(move |_: &()| {
        let token = token.clone().unwrap_or_default();
        async move { api::newsletter_unsubscribe(&token).await }
    });
    let pending = unsubscribe.pending();
    view! {
        <Page title=T::UnsubscribeTitle>
            {move || match unsubscribe.value().get() {
                Some(Ok(_)) => view! { <StatusNotice text=T::NewsletterWithdrawn/> }.into_any(),
                Some(Err(e)) => view! { <ErrorNotice error=e/> }.into_any(),
                None if missing => view! { <p class="notice notice-error" role="alert">{locale.text(T::LinkMissing)}</p> }.into_any(),
                None => view! {
                    <p>{locale.text(T::UnsubscribeText)}</p>
                    <button type="button" class="button-primary" disabled=pending on:click=move |_| { unsubscribe.dispatch(()); }>
                        {locale.text(T::UnsubscribeButton)}
                    </button>
                }.into_any(),
            }}
        </Page>
    }
}
