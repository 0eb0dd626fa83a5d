//! One breach notice for privacy staff (`/privacy/datalek?id=…`): the text as people will
//! read it, who is affected and how many that is now; a draft is sent from here, once
//! (pressed twice, the second press is told it went already). A sent notice shows how many
//! got the mail, are still waiting for it (the mail server is retried) and have read it.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use zelfregie_model::breach::{BreachAudience, NoticeStatus, StaffNotice};

use crate::api;
use crate::components::breach_text::BreachText;
use crate::components::loaded::Loaded;
use crate::components::notice::{ErrorNotice, StatusNotice};
use crate::components::page::Page;
use crate::format::date_time;
use crate::i18n::{breach_counts_text, Lang, T};
use crate::locale::Locale;
use crate::routes::Route;

/// The page.
#[component]
pub fn BreachNoticePage() -> impl IntoView {
    let locale = Locale::get();
    let id = use_query_map().with_untracked(|q| q.get("id")).filter(|t| !t.is_empty());
    view! {
        <Page title=T::BreachNoticeTitle>
            <p><a href=Route::BreachNotices.path()>{locale.text(T::BreachBack)}</a></p>
            {match id {
                Some(id) => view! { <NoticeCheck id=id/> }.into_any(),
                None => view! { <p class="notice notice-error" role="alert">{locale.text(T::PrivacyRequestMissing)}</p> }.into_any(),
            }}
        </Page>
    }
}

fn audience_text(a: &BreachAudience, lang: Lang) -> String {
    match a {
        BreachAudience::Everyone => T::BreachAudienceEveryone.get(lang).to_owned(),
        BreachAudience::Candidates => T::BreachAudienceCandidates.get(lang).to_owned(),
        BreachAudience::Participants => T::BreachAudienceParticipants.get(lang).to_owned(),
        BreachAudience::Addresses { addresses } => {
            format!("{}: {}", T::BreachAudienceAddresses.get(lang), addresses.join(", "))
        }
    }
}

#[component]
fn NoticeCheck(id: String) -> impl IntoView {
    let locale = Locale::get();
    let notice = LocalResource::new({
        let id = id.clone();
        move || {
            let id = id.clone();
            async move { api::breach_notice(&id).await }
        }
    });
    let sent = RwSignal::new(false);
    let failed = RwSignal::new(None);
    let send = Action::new_local(move |id: &String| {
        let id = id.clone();
        async move {
            match api::send_breach_notice(&id).await {
                Ok(n) => {
                    notice.set(Some(Ok(n)));
                    failed.set(None);
                    sent.set(true);
                    request_animation_frame(|| {
                        if let Some(el) = document().get_element_by_id("breach-sent") {
                            let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(el).focus();
                        }
                    });
                }
                Err(e) => {
                    failed.set(Some(e));
                    notice.refetch();
                }
            }
        }
    });
    view! {
        <div aria-live="polite">{move || sent.get().then(|| view! { <StatusNotice text=T::BreachSentDone id="breach-sent"/> })}</div>
        {move || failed.get().map(|e| view! { <ErrorNotice error=e/> })}
        <Loaded resource=notice keep=true let:n>
            {
                let lang = locale.lang();
                let n: StaffNotice = n;
                let count = LocalResource::new({
                    let audience = n.audience.clone();
                    move || {
                        let audience = audience.clone();
                        async move { api::preview_breach_audience(&audience).await }
                    }
                });
                let id = n.id.clone();
                view! {
                    <dl class="facts">
                        <dt>{T::RequestStatusLabel.get(lang)}</dt>
                        <dd>{match (n.status, n.sent_at) {
                            (NoticeStatus::Sent, Some(at)) => format!("{} {}", T::BreachSentOn.get(lang), date_time(at, lang)),
                            _ => T::BreachDraft.get(lang).to_owned(),
                        }}</dd>
                        <dt>{T::BreachAudienceLabel.get(lang)}</dt>
                        <dd>{audience_text(&n.audience, lang)}</dd>
                    </dl>
                    {(n.status == NoticeStatus::Sent).then(|| view! { <p class="breach-counts">{breach_counts_text(&n, lang)}</p> })}
                    <section aria-labelledby="h-breach-text" class="breach-preview">
                        <h2 id="h-breach-text">{T::BreachTextHeading.get(lang)}</h2>
                        <BreachText text=n.text.clone()/>
                    </section>
                    {(n.status == NoticeStatus::Draft).then(|| view! {
                        <section aria-labelledby="h-breach-send">
                            <h2 id="h-breach-send">{T::BreachSendHeading.get(lang)}</h2>
                            <Loaded resource=count let:c>
                                <p class="breach-count">{T::BreachCountPrefix.get(lang).replace("{n}", &c.count.to_string())}</p>
                            </Loaded>
                            <p>{T::BreachSendText.get(lang)}</p>
                            <button type="button" class="button-primary" disabled=move || send.pending().get()
                                on:click={
                                    let id = id.clone();
                                    move |_| { send.dispatch_local(id.clone()); }
                                }>
                                {T::BreachSendButton.get(lang)}
                            </button>
                        </section>
                    })}
                }
            }
        </Loaded>
    }
}
