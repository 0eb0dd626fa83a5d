//! The person's privacy contact, the right to object and the right to complain to the
//! Autoriteit Persoonsgegevens: each stated clearly and on its own, with its address.

use leptos::prelude::*;

use crate::i18n::T;
use crate::locale::Locale;

/// Where privacy questions and requests go (the steering group, for all members): the
/// server's `--privacy-email`, asked once per page from `GET /api/contact`, so the address
/// is defined in one place.
#[component]
pub fn PrivacyEmail() -> impl IntoView {
    let email = RwSignal::new(None::<String>);
    leptos::task::spawn_local(async move {
        if let Ok(c) = crate::api::get::<zelfregie_model::register::Contact>(crate::api::CONTACT).await {
            // The page may be gone by then.
            let _ = email.try_set(Some(c.privacy_email));
        }
    });
    move || email.get().map(|e| view! { <a class="privacy-email" href=format!("mailto:{e}")>{e.clone()}</a> })
}
/// The privacy e-mail address and, when the network gave one, the data protection
/// officer's with what they are for: both from one `GET /api/contact`.
#[component]
pub fn PrivacyContacts() -> impl IntoView {
    let locale = Locale::get();
    let t = move |k: T| locale.text(k);
    let contact = RwSignal::new(None::<zelfregie_model::register::Contact>);
    leptos::task::spawn_local(async move {
        if let Ok(c) = crate::api::get::<zelfregie_model::register::Contact>(crate::api::CONTACT).await {
            let _ = contact.try_set(Some(c));
        }
    });
    let mail = |e: String| view! { <a class="privacy-email" href=format!("mailto:{e}")>{e.clone()}</a> };
    move || {
        contact.get().map(|c| {
            let dpo = c.dpo_email.map(|e| {
                view! {
                    <p class="dpo">{t(T::PrivacyDpoText)}</p>
                    <p class="link-line">{t(T::PrivacyDpoLabel)} ": " {mail(e)}</p>
                }
            });
            view! {
                <p class="link-line">{t(T::RightsEmail)} ": " {mail(c.privacy_email)}</p>
                {dpo}
            }
        })
    }
}

/// The supervisory authority's website.
pub const AP_URL: &str = "https://www.autoriteitpersoonsgegevens.nl";

/// The three parts, under one heading of level `level` (2 or 3).
#[component]
pub fn Rights(
    /// The heading level of the section (its parts get the next level).
    #[prop(default = 2)]
    level: u8,
) -> impl IntoView {
    let locale = Locale::get();
    let t = move |k: T| locale.text(k);
    let part = move |id: &'static str, heading: T, body: AnyView| {
        let heading = if level >= 3 {
            view! { <h4 id=id>{t(heading)}</h4> }.into_any()
        } else {
            view! { <h3 id=id>{t(heading)}</h3> }.into_any()
        };
        view! { <section class="right" aria-labelledby=id>{heading}{body}</section> }
    };
    let top = if level >= 3 {
        view! { <h3 id="h-rights">{t(T::RightsHeading)}</h3> }.into_any()
    } else {
        view! { <h2 id="h-rights">{t(T::RightsHeading)}</h2> }.into_any()
    };
    view! {
        <section class="rights" aria-labelledby="h-rights">
            {top}
            {part("h-right-contact", T::RightsContactHeading, view! {
                <p>{t(T::RightsContactText)}</p>
                <PrivacyContacts/>
            }.into_any())}
            {part("h-right-object", T::RightsObjectHeading, view! { <p>{t(T::RightsObjectText)}</p> }.into_any())}
            {part("h-right-complain", T::RightsComplainHeading, view! {
                <p>{t(T::RightsComplainText)}</p>
                <p class="ap-address">{t(T::RightsComplainAddress)}</p>
                <p class="link-line"><a href=AP_URL rel="noopener noreferrer">{t(T::RightsComplainSite)}</a></p>
            }.into_any())}
        </section>
    }
}
