//! A consent receipt in words (issue 25 item 10): opened on request under a consent event,
//! with the whole receipt as a JSON download below it. The words come from the server's
//! receipt itself (`ReceiptView`), so the page and the download never say different things.

use leptos::prelude::*;
use leptos::task::spawn_local;
use zelfregie_model::newsletter::ReceiptView;

use crate::api::{self, ApiResult};
use crate::components::notice::{ErrorNotice, Loading};
use crate::format::date_time;
use crate::i18n::{Lang, T};
use crate::locale::Locale;

/// "Bewijs bekijken" for the receipt at `path`; the download link is always there.
#[component]
pub fn ReceiptDetails(
    /// The receipt's address (`api::receipt_path`).
    path: String,
    /// The event's id, for element ids.
    id: i64,
) -> impl IntoView {
    let locale = Locale::get();
    let shown = RwSignal::new(false);
    // Loaded once, on the first opening. A plain signal, not a resource: a resource read here
    // would suspend the page's list around it, which re-renders and drops the button's focus.
    let receipt = RwSignal::new(None::<ApiResult<ReceiptView>>);
    let asked = StoredValue::new(false);
    let region = format!("receipt-{id}");
    let toggle = {
        let path = path.clone();
        move |_| {
            shown.update(|s| *s = !*s);
            if !asked.get_value() {
                asked.set_value(true);
                let path = path.clone();
                spawn_local(async move { receipt.set(Some(api::get::<ReceiptView>(&path).await)) });
            }
        }
    };
    let facts = move || match receipt.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Ok(r)) => view! { <ReceiptFacts receipt=r/> }.into_any(),
        Some(Err(error)) => view! { <ErrorNotice error=error/> }.into_any(),
    };
    view! {
        <p class="button-row receipt-links">
            <button type="button" class="button-small" aria-expanded=move || shown.get().to_string()
                aria-controls=region.clone() on:click=toggle>
                {locale.text(T::ReceiptShow)}
            </button>
            <a href=path download>{locale.text(T::Receipt)}</a>
        </p>
        <div class="receipt" id=region hidden=move || !shown.get()>{facts}</div>
    }
}

/// The receipt's facts as a list of questions and answers.
#[component]
fn ReceiptFacts(receipt: ReceiptView) -> impl IntoView {
    let locale = Locale::get();
    let lang = locale.lang_untracked();
    let purpose = receipt.services.first().and_then(|s| s.purposes.first().cloned().map(|p| (s.service.clone(), p)));
    let controller = receipt.pii_controllers.first().cloned();
    let also = purpose.as_ref().and_then(|(_, p)| {
        p.third_party_name.clone().map(|name| match p.third_party_country.as_deref() {
            Some(code) => format!("{name} ({})", country(code, lang)),
            None => name,
        })
    });
    let what = if receipt.given() { T::ReceiptGiven } else { T::ReceiptWithdrawn };
    let when = time::OffsetDateTime::from_unix_timestamp(receipt.consent_timestamp).ok().map(|at| date_time(at, lang));
    view! {
        <dl class="facts">
            <dt>{locale.text(T::ReceiptWhat)}</dt><dd>{locale.text(what)}</dd>
            <dt>{locale.text(T::ReceiptWhen)}</dt><dd>{when}</dd>
            <dt>{locale.text(T::ReceiptHow)}</dt><dd>{receipt.collection_method}</dd>
            {purpose.map(|(service, p)| view! {
                <dt>{locale.text(T::ReceiptFor)}</dt><dd>{service} ": " {p.purpose}</dd>
                <dt>{locale.text(T::ReceiptData)}</dt><dd>{p.pii_category.join(", ")}</dd>
                <dt>{locale.text(T::ReceiptUntil)}</dt><dd>{p.termination}</dd>
            })}
            {also.map(|also| view! { <dt>{locale.text(T::ReceiptAlso)}</dt><dd>{also}</dd> })}
            {controller.map(|c| view! {
                <dt>{locale.text(T::ReceiptResponsible)}</dt>
                <dd>{c.pii_controller} " (" {c.role} "). " <a href=format!("mailto:{}", c.email)>{c.email.clone()}</a></dd>
            })}
            <dt>{locale.text(T::ReceiptText)}</dt>
            <dd>
                {receipt.event.consent_text.map(|t| view! { <q>{t}</q> " " })}
                <span class="muted">"(" {locale.text(T::ReceiptTextVersion)} " " {receipt.event.consent_text_version} ")"</span>
            </dd>
            <dt>{locale.text(T::ReceiptId)}</dt><dd><code class="key">{receipt.id}</code></dd>
        </dl>
    }
}

/// A country of a receipt, by its ISO code; a code the portal has no name for, as is.
fn country(code: &str, lang: Lang) -> String {
    match code {
        "US" => T::CountryUs.get(lang).to_owned(),
        other => other.to_owned(),
    }
}
