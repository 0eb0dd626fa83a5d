//! The two pages behind links in e-mails, usable without logging in: confirming a
//! subscription (double opt-in) and unsubscribing. Neither acts on opening: mail scanners
//! fetch links and even run their JavaScript, so a page that confirmed on load would
//! subscribe people who never pressed anything. Each acts only on its button. (Mail clients'
//! RFC 8058 one-click unsubscribe POSTs straight to the API, not to this page.)

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use zelfregie_model::newsletter::Subscription;

use crate::api::{self, ApiResult};
use crate::components::notice::StatusNotice;
use crate::components::page::Page;
use crate::i18n::T;
use crate::locale::Locale;
use crate::routes::Route;
use crate::session::Auth;
use crate::submit::Submit;

fn token() -> Option<String> {
    use_query_map().with_untracked(|q| q.get("token")).filter(|t| !t.is_empty())
}

/// `/nieuwsbrief/bevestigen?token=…`: says what the button does; only the button confirms.
#[component]
pub fn ConfirmSubscriptionPage() -> impl IntoView {
    let confirm = |token: String| async move { api::newsletter_confirm(&token).await };
    view! {
        <Page title=T::ConfirmTitle>
            <EmailLinkAction text=T::ConfirmText button=T::NewsletterSubscribe done=T::ConfirmDone act=confirm/>
        </Page>
    }
}

/// `/nieuwsbrief/afmelden?token=…`: one button, no login.
#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let unsubscribe = |token: String| async move { api::newsletter_unsubscribe(&token).await };
    view! {
        <Page title=T::UnsubscribeTitle>
            <EmailLinkAction text=T::UnsubscribeText button=T::UnsubscribeButton done=T::NewsletterWithdrawn act=unsubscribe/>
        </Page>
    }
}

/// What a link from an e-mail does: `text` says it, `button` does it (`act` with the link's
/// token), `done` says it happened; then, and on failure, the way on to the newsletter page.
#[component]
fn EmailLinkAction<F, Fut>(text: T, button: T, done: T, act: F) -> impl IntoView
where
    F: Fn(String) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = ApiResult<Subscription>> + 'static,
{
    let locale = Locale::get();
    let token = token();
    let missing = token.is_none();
    let done_here = RwSignal::new(false);
    let action = Submit::new(
        "link-error",
        move |()| act(token.clone().unwrap_or_default()),
        move |_: Subscription| done_here.set(true),
    );
    let pending = action.pending();
    view! {
        {move || {
            if done_here.get() {
                view! { <StatusNotice text=done/> }.into_any()
            } else if missing {
                view! { <p class="notice notice-error" role="alert">{locale.text(T::LinkMissing)}</p> }.into_any()
            } else {
                view! {
                    <p>{locale.text(text)}</p>
                    {action.message()}
                    <button type="button" class="button-primary" disabled=pending on:click=move |_| action.submit(Ok(()))>
                        {locale.text(button)}
                    </button>
                }
                .into_any()
            }
        }}
        <NewsletterOnward/>
    }
}

/// Onward: the newsletter page when logged in, else the login page.
#[component]
fn NewsletterOnward() -> impl IntoView {
    let locale = Locale::get();
    let auth = Auth::get();
    view! {
        <p class="onward">
            {move || match auth.is_logged_in() {
                Some(true) => view! { <a href=Route::Newsletter.path()>{locale.text(T::OnwardNewsletter)}</a> }.into_any(),
                _ => view! { <a href=Route::Login.path()>{locale.text(T::OnwardLogin)}</a> }.into_any(),
            }}
        </p>
    }
}
