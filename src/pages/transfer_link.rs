//! Overdracht ophalen (`/overdracht?token=…`, no login): the page behind the one-time link a
//! person gives an organisation. Opening it fetches nothing: link checkers and webmail
//! previews open links too. It says what is waiting — from whom, for which organisation and
//! key, how large, made and valid until — and only its button fetches the file, once, as a
//! download. Afterwards it says when the file was fetched; expired and revoked links say so.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use zelfregie_model::age_key::{abbreviated, fingerprint, recipient_kind};
use zelfregie_model::transfer::{TransferLink, TransferStatus};
use zelfregie_model::ErrorCode;

use crate::api::{self, ClientError};
use crate::components::loaded::Loaded;
use crate::components::page::Page;
use crate::crypto;
use crate::format::{date_time, size, today, transfer_file_name};
use crate::i18n::{key_kind_text, T};
use crate::locale::Locale;
use crate::routes::Route;
use crate::submit::Submit;

/// The page.
#[component]
pub fn TransferLinkPage() -> impl IntoView {
    let locale = Locale::get();
    let token = use_query_map().with_untracked(|q| q.get("token")).filter(|t| !t.is_empty());
    view! {
        <Page title=T::TransferLinkTitle>
            {match token {
                Some(token) => view! { <TransferDetails token=token/> }.into_any(),
                None => view! { <p class="notice notice-error" role="alert">{locale.text(T::TransferLinkMissing)}</p> }.into_any(),
            }}
        </Page>
    }
}

/// What the link holds, and the one button.
#[component]
fn TransferDetails(token: String) -> impl IntoView {
    let locale = Locale::get();
    // `None`: no such link.
    let info = LocalResource::new({
        let token = token.clone();
        move || {
            let token = token.clone();
            async move {
                match api::transfer_link(&token).await {
                    Err(e) if e.code() == Some(ErrorCode::NotFound) => Ok(None),
                    other => other.map(Some),
                }
            }
        }
    });
    // The file name the download got, once fetched here.
    let saved = RwSignal::new(None::<String>);
    let fetch = Submit::new(
        "fetch-error",
        move |()| {
            let token = token.clone();
            async move {
                let fetched = async {
                    let (bytes, name) = api::transfer_link_file(&token).await?;
                    let name = name.unwrap_or_else(|| transfer_file_name(&today()));
                    crypto::download(&bytes, &name, "application/octet-stream").map_err(ClientError::from)?;
                    Ok(name)
                }
                .await;
                // Fetched here, or fetched or ended elsewhere in the meantime: the details
                // say how it stands now.
                info.refetch();
                fetched
            }
        },
        move |name| saved.set(Some(name)),
    );
    let pending = fetch.pending();
    let details = move |link: Option<TransferLink>| match link {
        Some(link) => {
            view! { <Details link=link fetched_here=Signal::derive(move || saved.with(Option::is_some))/> }.into_any()
        }
        None => {
            view! { <p class="notice notice-error" role="alert">{locale.text(T::TransferLinkUnknown)}</p> }.into_any()
        }
    };

    view! {
        <p>{locale.text(T::TransferLinkIntro)}</p>
        <Loaded resource=info keep=true children=details/>
        {fetch.message()}
        {move || saved.get().map(|name| view! {
            <div class="notice notice-status" role="status">
                <p>{locale.text(T::TransferLinkSaved)} " " <code>{name.clone()}</code></p>
                <p>{locale.text(T::TransferLinkHowToOpen)}</p>
                <pre class="command"><code>{format!("age -d -i key.txt -o zelfregie-overdracht.json {name}")}</code></pre>
                <p>
                    {locale.text(T::TransferLinkOrOpenHere)} " "
                    <a href=Route::OpenExport.path()>{locale.text(T::NavOpenExport)}</a>
                </p>
            </div>
        })}
        {move || {
            let waiting = info.get().and_then(Result::ok).flatten().is_some_and(|l| l.status == TransferStatus::Waiting);
            (waiting && saved.get().is_none()).then(|| view! {
                <p class="field-hint">{locale.text(T::TransferLinkOnce)}</p>
                <button type="button" class="button-primary" disabled=pending on:click=move |_| fetch.submit(Ok(()))>
                    {move || if pending.get() { T::Busy.get(locale.lang()) } else { T::TransferLinkFetch.get(locale.lang()) }}
                </button>
            })
        }}
    }
}

/// The facts of the transfer and where it stands (not "fetched" when it just was, here).
#[component]
fn Details(link: TransferLink, fetched_here: Signal<bool>) -> impl IntoView {
    let locale = Locale::get();
    let from = (!link.from.trim().is_empty()).then(|| link.from.clone());
    let to = link.partner.as_ref().map(|p| p.name.clone());
    let (status, ended) = match link.status {
        TransferStatus::Waiting => (None, None),
        TransferStatus::Fetched => (Some(T::TransferLinkFetched), link.ended_at),
        TransferStatus::Revoked => (Some(T::TransferLinkRevoked), link.ended_at),
        TransferStatus::Expired => (Some(T::TransferLinkExpired), link.ended_at.or(Some(link.expires_at))),
    };
    let l = link.clone();
    view! {
        <dl class="facts transfer-details" data-status=format!("{:?}", link.status).to_lowercase()>
            <dt>{locale.text(T::TransferLinkFrom)}</dt>
            <dd class="transfer-from">{move || from.clone().unwrap_or_else(|| T::TransferLinkFromUnknown.get(locale.lang()).to_owned())}</dd>
            <dt>{locale.text(T::TransferLinkFor)}</dt>
            <dd class="transfer-for">{move || to.clone().unwrap_or_else(|| T::TransferLinkForKey.get(locale.lang()).to_owned())}</dd>
            <dt>{locale.text(T::TransferLinkKey)}</dt>
            <dd>
                <code class="key">{abbreviated(&link.recipient)}</code>
                {recipient_kind(&link.recipient).ok().map(|kind| view! { " (" {locale.text(key_kind_text(kind))} ")" })}
            </dd>
            <dt>{locale.text(T::KeyFingerprint)}</dt>
            <dd><strong class="fingerprint">{fingerprint(&link.recipient)}</strong></dd>
            <dt>{locale.text(T::TransferSize)}</dt>
            <dd>{move || size(l.size, locale.lang())}</dd>
            <dt>{locale.text(T::TransferCreated)}</dt>
            <dd>{move || date_time(l.created_at, locale.lang())}</dd>
            <dt>{locale.text(T::TransferLinkValidUntil)}</dt>
            <dd>{move || date_time(l.expires_at, locale.lang())}</dd>
        </dl>
        {move || status.filter(|_| !fetched_here.get()).map(|t| view! {
            <p class="notice notice-warning transfer-ended" role="status">
                {locale.text(t)} " " {move || ended.map(|at| date_time(at, locale.lang()))} "."
                " " {locale.text(T::TransferLinkGone)}
            </p>
        })}
    }
}
