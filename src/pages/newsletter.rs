//! Nieuwsbrief: whether the person receives the nieuwsflits and under which consent text,
//! subscribe (double opt-in), withdraw in one click, whether the mailing company has been
//! told, and the full history with a receipt per event (GDPR art. 7).

use leptos::prelude::*;
use zelfregie_model::newsletter::{
    Channel, ConsentEventKind, ConsentText, Delivery, NewsletterStatus, ProcessorAction, Subscription,
};

use crate::api;
use crate::components::field::focus_field;
use crate::components::loaded::Loaded;
use crate::components::notice::StatusNotice;
use crate::components::page::Page;
use crate::components::receipt::ReceiptDetails;
use crate::format::date_time;
use crate::i18n::{Lang, T};
use crate::locale::Locale;
use crate::submit::Submit;

/// What the buttons do.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Change {
    Subscribe,
    Withdraw,
}

fn event_text(kind: ConsentEventKind) -> T {
    match kind {
        ConsentEventKind::Given => T::EventGiven,
        ConsentEventKind::Confirmed => T::EventConfirmed,
        ConsentEventKind::Withdrawn => T::EventWithdrawn,
    }
}

fn channel_text(channel: Channel) -> T {
    match channel {
        Channel::Portal => T::ChannelPortal,
        Channel::EmailLink => T::ChannelEmailLink,
        Channel::Staff => T::ChannelStaff,
        Channel::Expiry => T::ChannelExpiry,
    }
}

fn consent_text(lang: Lang) -> &'static str {
    let text = ConsentText::current();
    match lang {
        Lang::Nl => text.nl,
        Lang::En => text.en,
    }
}

/// The newsletter page.
#[component]
pub fn NewsletterPage() -> impl IntoView {
    let locale = Locale::get();
    let status = LocalResource::new(api::newsletter);
    let notice = RwSignal::new(None::<T>);
    let change = Submit::new(
        "newsletter-error",
        |c: Change| async move {
            match c {
                Change::Subscribe => api::newsletter_subscribe(ConsentText::current().version).await,
                Change::Withdraw => api::newsletter_withdraw().await,
            }
            .map(|s| (c, s))
        },
        move |(c, s)| {
            notice.set(Some(match c {
                Change::Subscribe => T::NewsletterMailSent,
                Change::Withdraw => T::NewsletterWithdrawn,
            }));
            status.set(Some(Ok(s)));
            focus_field("newsletter-notice");
        },
    );
    let pending = change.pending();
    let t = move |k: T| k.get(locale.lang());

    let body = move |s: NewsletterStatus| {
        let since = s.events.iter().find(|e| e.kind == ConsentEventKind::Confirmed).map(|e| e.at);
        let current = match s.subscription {
                Subscription::Active => view! {
                    <p class="state state-on"><strong>{t(T::NewsletterActive)}</strong>
                        {since.map(|at| format!(" {} {}.", t(T::NewsletterSince), date_time(at, locale.lang()).to_lowercase()))}</p>
                    <button type="button" class="button-primary" disabled=pending on:click=move |_| { change.submit(Ok(Change::Withdraw)); }>
                        {t(T::NewsletterWithdraw)}
                    </button>
                }.into_any(),
                Subscription::Pending => view! {
                    <p class="state">{t(T::NewsletterPending)}</p>
                    <ConsentBox/>
                    <div class="button-row">
                        <button type="button" class="button-secondary" disabled=pending on:click=move |_| { change.submit(Ok(Change::Subscribe)); }>
                            {t(T::NewsletterResend)}
                        </button>
                        <button type="button" class="button-secondary" disabled=pending on:click=move |_| { change.submit(Ok(Change::Withdraw)); }>
                            {t(T::NewsletterWithdraw)}
                        </button>
                    </div>
                }.into_any(),
                Subscription::None => view! {
                    <p class="state"><strong>{t(T::NewsletterNone)}</strong></p>
                    <ConsentBox/>
                    <button type="button" class="button-primary" disabled=pending on:click=move |_| { change.submit(Ok(Change::Subscribe)); }>
                        {t(T::NewsletterSubscribe)}
                    </button>
                }.into_any(),
            };
        let processor = s.processor.map(|(action, delivery)| {
            let line = match delivery {
                Delivery::Delivered { at } => format!("{} {}.", t(T::ProcessorDelivered), date_time(at, locale.lang())),
                Delivery::Pending { attempts } => {
                    let text = if action == ProcessorAction::Unsubscribe {
                        T::ProcessorPending
                    } else {
                        T::ProcessorPendingSubscribe
                    };
                    format!("{} ({attempts} {})", t(text), t(T::ProcessorAttempts))
                }
                Delivery::Failed { .. } => t(T::ProcessorFailed).to_owned(),
            };
            // One line about the mailing company, under the state: no heading that could
            // say "passed on" above a line that says "not yet".
            view! { <p class="processor-status">{line}</p> }
        });
        let history = if s.events.is_empty() {
            view! { <p>{t(T::HistoryNone)}</p> }.into_any()
        } else {
            view! {
                    <ol class="history">
                        {s.events.into_iter().map(|e| view! {
                            <li>
                                <strong>{date_time(e.at, locale.lang())}</strong> ": " {t(event_text(e.kind))} " " {t(channel_text(e.channel))} "."
                                <br/><span class="muted">{t(T::NewsletterTextVersion)} " " {e.text_version}</span>
                                <ReceiptDetails path=api::receipt_path(e.id) id=e.id/>
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any()
        };
        view! {
            {current}
            {processor}
            <section aria-labelledby="h-history"><h2 id="h-history">{t(T::HistoryHeading)}</h2>{history}</section>
        }
        .into_any()
    };
    view! {
        <Page title=T::NewsletterTitle>
            <p>{locale.text(T::NewsletterIntro)}</p>
            {move || notice.get().map(|n| view! { <StatusNotice text=n id="newsletter-notice"/> })}
            {change.message()}
            <Loaded resource=status children=body/>
        </Page>
    }
}

/// The consent text the person agrees to, with its version.
#[component]
fn ConsentBox() -> impl IntoView {
    let locale = Locale::get();
    view! {
        <section class="consent-text" aria-labelledby="h-consent">
            <h2 id="h-consent">{locale.text(T::NewsletterConsentHeading)}</h2>
            <p>{move || consent_text(locale.lang())}</p>
            <p class="muted">{locale.text(T::NewsletterTextVersion)} " " {ConsentText::current().version}</p>
        </section>
    }
}
