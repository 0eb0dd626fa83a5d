//! Toegankelijkheidsverklaring (public): following the Dutch government's model statement —
//! the status, how it was checked, what does not work well yet, how to tell us, the
//! ombudsman, and the date.

use leptos::prelude::*;

use crate::components::page::Page;
use crate::components::rights::PrivacyEmail;
use crate::format::date_words;
use crate::i18n::{STATEMENTS_DATE, T};
use crate::locale::Locale;

/// The page.
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let locale = Locale::get();
    let t = move |k: T| locale.text(k);
    let date = move || date_words(STATEMENTS_DATE, locale.lang());
    view! {
        <Page title=T::A11yTitle>
            <p>{t(T::A11yIntro)}</p>
            <section aria-labelledby="h-a11y-status">
                <h2 id="h-a11y-status">{t(T::A11yStatusHeading)}</h2>
                <dl class="facts">
                    <dt>{t(T::A11yStatusLabel)}</dt><dd class="a11y-status">{t(T::A11yStatusValue)}</dd>
                    <dt>{t(T::StatementDateLabel)}</dt><dd>{date}</dd>
                    <dt>{t(T::StatementCheckedLabel)}</dt><dd>{date}</dd>
                </dl>
                <p>{t(T::A11yStatus)}</p>
            </section>
            <section aria-labelledby="h-a11y-tested">
                <h2 id="h-a11y-tested">{t(T::A11yTestedHeading)}</h2>
                <p>{t(T::A11yTested)}</p>
                <ul>
                    <li>{t(T::A11yTestAxe)}</li>
                    <li>{t(T::A11yTestKeyboard)}</li>
                    <li>{t(T::A11yTestPhone)}</li>
                    <li>{t(T::A11yTestLanguages)}</li>
                </ul>
            </section>
            <section aria-labelledby="h-a11y-limits">
                <h2 id="h-a11y-limits">{t(T::A11yLimitsHeading)}</h2>
                <ul>
                    <li>{t(T::A11yLimitAudit)}</li>
                    <li>{t(T::A11yLimitScreenReaders)}</li>
                    <li>{t(T::A11yLimitCrypto)}</li>
                </ul>
            </section>
            <section aria-labelledby="h-a11y-contact">
                <h2 id="h-a11y-contact">{t(T::A11yContactHeading)}</h2>
                <p>{t(T::A11yContact)}</p>
                <p class="link-line"><PrivacyEmail/></p>
                <p>{t(T::A11yOmbudsman)}</p>
                <p class="link-line"><a href="https://www.nationaleombudsman.nl/">"nationaleombudsman.nl"</a></p>
            </section>
        </Page>
    }
}
