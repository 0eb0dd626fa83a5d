//! Berichten over een datalek (`/datalek`): every breach notice sent to the person, newest
//! first, in full; an unread one has a button to mark it read (then the banner on every page
//! goes). Linked from the mail and the banner.

use leptos::prelude::*;
use zelfregie_model::breach::MyNotice;

use crate::api;
use crate::components::breach_text::BreachText;
use crate::components::loaded::Loaded;
use crate::components::notice::{ErrorNotice, StatusNotice};
use crate::components::page::Page;
use crate::format::date_time;
use crate::i18n::T;
use crate::locale::Locale;

/// The page.
#[component]
pub fn MyBreachNoticesPage() -> impl IntoView {
    let locale = Locale::get();
    let notices = LocalResource::new(api::my_breach_notices);
    let marked = RwSignal::new(false);
    let failed = RwSignal::new(None);
    let mark = Action::new_local(move |id: &String| {
        let id = id.clone();
        async move {
            match api::mark_breach_notice_read(&id).await {
                Ok(list) => {
                    notices.set(Some(Ok(list)));
                    failed.set(None);
                    marked.set(true);
                    request_animation_frame(|| {
                        if let Some(el) = document().get_element_by_id("breach-marked") {
                            let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(el).focus();
                        }
                    });
                }
                Err(e) => failed.set(Some(e)),
            }
        }
    });
    let card = move |n: MyNotice| {
        let lang = locale.lang();
        let id = n.id.clone();
        view! {
            <li class="breach-notice" data-id=n.id.clone()>
                // Each notice is titled by when it came (h2), its parts under it (h3).
                <h2 class="breach-meta">
                    {format!("{} {}", T::BreachSentOn.get(lang), date_time(n.sent_at, lang))}
                    {n.read_at.map(|r| format!(" · {} {}", T::BreachReadOn.get(lang), date_time(r, lang)))}
                </h2>
                <BreachText text=n.text.clone()/>
                {n.read_at.is_none().then(|| view! {
                    <button type="button" class="button-primary" disabled=move || mark.pending().get()
                        on:click=move |_| { mark.dispatch_local(id.clone()); }>
                        {locale.text(T::BreachMarkRead)}
                    </button>
                })}
            </li>
        }
    };
    view! {
        <Page title=T::BreachMineTitle>
            <p>{locale.text(T::BreachMineIntro)}</p>
            <div aria-live="polite">{move || marked.get().then(|| view! { <StatusNotice text=T::BreachMarkedRead id="breach-marked"/> })}</div>
            {move || failed.get().map(|e| view! { <ErrorNotice error=e/> })}
            <Loaded resource=notices keep=true let:list>
                {if list.is_empty() {
                    view! { <p>{locale.text(T::BreachMineNone)}</p> }.into_any()
                } else {
                    view! { <ul class="breach-notices">{list.into_iter().map(card).collect_view()}</ul> }.into_any()
                }}
            </Loaded>
        </Page>
    }
}
