//! Verzoeken behandelen (privacy staff): the open requests, the nearest deadline first, with
//! how many days are left; and the handled ones, latest first. No text or address here: a
//! request is opened on its own page.

use leptos::prelude::*;
use zelfregie_model::privacy_request::{days_left, QueueEntry};

use crate::api;
use crate::components::loaded::Loaded;
use crate::components::page::Page;
use crate::format::date_time;
use crate::format::date_words;
use crate::i18n::{days_left_text, ground_text, request_kind_text, request_status_text, T};
use crate::locale::Locale;
use crate::pages::requests::now;
use crate::routes::Route;

/// The page.
#[component]
pub fn PrivacyQueuePage() -> impl IntoView {
    let locale = Locale::get();
    let t = move |k: T| k.get(locale.lang());
    let open = LocalResource::new(|| api::request_queue(false));
    let handled = LocalResource::new(|| api::request_queue(true));
    let entry = move |e: QueueEntry, show_days: bool| {
        let (name, _) = request_kind_text(e.kind);
        let left = days_left(e.deadline, now());
        let when = if show_days {
            format!("{} ({})", date_words(e.deadline, locale.lang()), days_left_text(left, locale.lang()))
        } else {
            date_words(e.deadline, locale.lang())
        };
        let overdue = show_days && left < 0;
        view! {
            <li class="queue-entry" data-id=e.id.clone()>
                <h3>{t(name)}</h3>
                <dl class="facts">
                    <dt>{t(T::RequestStatusLabel)}</dt>
                    <dd>{t(request_status_text(e.status))}{e.extended.then(|| format!(" · {}", t(T::RequestExtended)))}</dd>
                    {e.on_behalf.map(|g| view! {
                        <dt>{t(T::PrivacyQueueOnBehalf)}</dt>
                        <dd class="queue-on-behalf">
                            {t(ground_text(g))}{(!e.checked).then(|| format!(" · {}", t(T::PrivacyQueueUnchecked)))}
                        </dd>
                    })}
                    <dt>{t(T::RequestReceived)}</dt>
                    <dd>{date_time(e.received_at, locale.lang())}</dd>
                    <dt>{t(T::RequestDeadline)}</dt>
                    <dd class="request-deadline" class:overdue=overdue>
                        {when}{overdue.then(|| format!(" · {}", t(T::Overdue)))}
                    </dd>
                </dl>
                <a href=Route::privacy_request(&e.id) aria-label=format!("{}: {}", t(T::PrivacyQueueOpen), t(name))>
                    {t(T::PrivacyQueueOpen)}
                </a>
            </li>
        }
    };
    view! {
        <Page title=T::PrivacyQueueTitle>
            <p>{locale.text(T::PrivacyQueueIntro)}</p>
            <section aria-labelledby="h-queue-open">
                <h2 id="h-queue-open">{locale.text(T::PrivacyQueueOpenHeading)}</h2>
                <Loaded resource=open let:list>
                    {if list.is_empty() {
                        view! { <p>{t(T::PrivacyQueueNone)}</p> }.into_any()
                    } else {
                        view! { <ul class="queue">{list.into_iter().map(|e| entry(e, true)).collect_view()}</ul> }.into_any()
                    }}
                </Loaded>
            </section>
            <section aria-labelledby="h-queue-handled">
                <h2 id="h-queue-handled">{locale.text(T::PrivacyQueueHandledHeading)}</h2>
                <Loaded resource=handled let:list>
                    {if list.is_empty() {
                        view! { <p>{t(T::PrivacyQueueHandledNone)}</p> }.into_any()
                    } else {
                        view! { <ul class="queue">{list.into_iter().map(|e| entry(e, false)).collect_view()}</ul> }.into_any()
                    }}
                </Loaded>
            </section>
        </Page>
    }
}
