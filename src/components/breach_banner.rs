//! The banner on every page while the person has a breach notice they have not marked read:
//! what it is about in one line and a link to read it. Loaded again at every navigation, so
//! it goes once the notice is marked read; not shown on the notices' own page.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use zelfregie_model::Role;

use crate::api;
use crate::i18n::T;
use crate::locale::Locale;
use crate::routes::Route;
use crate::session::Auth;

/// The banner (nothing for anyone without an unread notice).
#[component]
pub fn BreachBanner() -> impl IntoView {
    let locale = Locale::get();
    let auth = Auth::get();
    let path = use_location().pathname;
    let unread = LocalResource::new(move || {
        let person = auth.info().is_some_and(|i| i.account.role == Role::Person);
        let here = path.get();
        async move {
            if !person || here == Route::MyBreachNotices.path() {
                return 0;
            }
            api::my_breach_notices().await.map(|list| list.iter().filter(|n| n.read_at.is_none()).count()).unwrap_or(0)
        }
    });
    move || {
        (unread.get().unwrap_or(0) > 0).then(|| {
            view! {
                <section class="breach-banner" aria-labelledby="breach-banner-heading">
                    <h2 id="breach-banner-heading">{locale.text(T::BreachBannerHeading)}</h2>
                    <p>{locale.text(T::BreachBannerText)}</p>
                    <a class="button-primary" href=Route::MyBreachNotices.path()>{locale.text(T::BreachBannerLink)}</a>
                </section>
            }
        })
    }
}
