//! Privacyverklaring (public): who is responsible; per processing activity what, why, on
//! which basis and for how long (from the processing register, the same data file the
//! export and Mijn gegevens use); no tracking; the rights, including objection and a
//! complaint to the Autoriteit Persoonsgegevens with its address; the privacy contact.

use leptos::prelude::*;
use zelfregie_model::register::{changes, controller, register, Activity, Text};

use crate::components::page::Page;
use crate::components::rights::PrivacyContacts;
use crate::format::date_words;
use crate::i18n::{Lang, STATEMENTS_DATE, T};
use crate::locale::Locale;
use crate::routes::Route;

fn pick(text: &Text, lang: Lang) -> String {
    match lang {
        Lang::Nl => text.nl.clone(),
        Lang::En => text.en.clone(),
    }
}

/// When the statement last changed: the statements' own date, or the register's last change
/// if that came later (the statement shows the register).
pub fn last_updated() -> time::Date {
    let register = changes().last().and_then(|c| zelfregie_model::privacy_request::day::parse(&c.date));
    register.map_or(STATEMENTS_DATE, |d| d.max(STATEMENTS_DATE))
}

/// The page.
#[component]
pub fn PrivacyStatementPage() -> impl IntoView {
    let locale = Locale::get();
    let t = move |k: T| locale.text(k);
    let activity = move |a: &'static Activity| {
        let lang = locale.lang();
        let tt = move |k: T| k.get(lang);
        view! {
            <li class="statement-activity">
                <h3>{pick(&a.name, lang)}</h3>
                <dl class="facts">
                    <dt>{tt(T::DataCategories)}</dt><dd>{pick(&a.data_categories, lang)}</dd>
                    <dt>{tt(T::Purpose)}</dt><dd>{pick(&a.purpose, lang)}</dd>
                    <dt>{tt(T::LegalBasisLabel)}</dt><dd>{pick(&a.legal_basis.explanation, lang)}</dd>
                    <dt>{tt(T::Recipients)}</dt><dd>{pick(&a.recipients, lang)}</dd>
                    <dt>{tt(T::Retention)}</dt><dd>{pick(&a.retention, lang)}</dd>
                </dl>
            </li>
        }
    };
    view! {
        <Page title=T::PrivacyTitle>
            <p>{t(T::PrivacyIntro)}</p>
            <p class="muted">{t(T::StatementCheckedLabel)} ": " {move || date_words(last_updated(), locale.lang())}</p>
            <section aria-labelledby="h-privacy-who">
                <h2 id="h-privacy-who">{t(T::PrivacyWhoHeading)}</h2>
                <p class="controller">{move || pick(controller(), locale.lang())}</p>
                <p>{t(T::PrivacyWho)}</p>
            </section>
            <section aria-labelledby="h-privacy-what">
                <h2 id="h-privacy-what">{t(T::PrivacyWhatHeading)}</h2>
                <p>{t(T::PrivacyWhatIntro)}</p>
                <ul class="statement-activities">{move || register().iter().map(activity).collect_view()}</ul>
            </section>
            <section aria-labelledby="h-privacy-decisions">
                <h2 id="h-privacy-decisions">{t(T::PrivacyDecisionsHeading)}</h2>
                <p>{t(T::PrivacyDecisions)}</p>
            </section>
            <section aria-labelledby="h-privacy-required">
                <h2 id="h-privacy-required">{t(T::PrivacyRequiredHeading)}</h2>
                <ul>
                    <li>{t(T::PrivacyRequiredAccount)}</li>
                    <li>{t(T::PrivacyRequiredProfile)}</li>
                    <li>{t(T::PrivacyRequiredAcademy)}</li>
                </ul>
            </section>
            <section aria-labelledby="h-privacy-tracking">
                <h2 id="h-privacy-tracking">{t(T::PrivacyNoTrackingHeading)}</h2>
                <p>{t(T::PrivacyNoTracking)}</p>
            </section>
            <section aria-labelledby="h-privacy-rights">
                <h2 id="h-privacy-rights">{t(T::PrivacyRightsHeading)}</h2>
                <p>{t(T::PrivacyRightsSelf)}</p>
                <p>{t(T::PrivacyRightsRequest)}</p>
                <p class="link-line"><a href=Route::Requests.path()>{t(T::RequestsElsewhereLink)}</a></p>
            </section>
            <section aria-labelledby="h-privacy-complaint">
                <h2 id="h-privacy-complaint">{t(T::PrivacyComplaintHeading)}</h2>
                <p>{t(T::PrivacyComplaint)}</p>
                <address class="ap-address">
                    "Autoriteit Persoonsgegevens"<br/>
                    "Postbus 93374"<br/>
                    "2509 AJ Den Haag"<br/>
                    <a href="https://autoriteitpersoonsgegevens.nl/">"autoriteitpersoonsgegevens.nl"</a>
                </address>
            </section>
            <section id="wijzigingen" aria-labelledby="h-privacy-changes">
                <h2 id="h-privacy-changes">{t(T::PrivacyChangesHeading)}</h2>
                <p>{t(T::PrivacyChangesIntro)}</p>
                <ul class="register-changes">
                    {move || {
                        let lang = locale.lang();
                        changes()
                            .iter()
                            .rev()
                            .map(|c| {
                                let day = zelfregie_model::privacy_request::day::parse(&c.date).map(|d| date_words(d, lang));
                                view! { <li>{day.map(|d| format!("{d}: "))}{pick(&c.summary, lang)}</li> }
                            })
                            .collect_view()
                    }}
                </ul>
            </section>
            <section aria-labelledby="h-privacy-contact">
                <h2 id="h-privacy-contact">{t(T::PrivacyContactHeading)}</h2>
                <p>{t(T::PrivacyContact)}</p>
                <PrivacyContacts/>
            </section>
        </Page>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "Laatst bijgewerkt" is never older than the register's last change.
    #[test]
    fn the_statement_is_dated_by_its_latest_change() {
        let last = zelfregie_model::privacy_request::day::parse(&changes().last().unwrap().date).unwrap();
        assert!(last_updated() >= last && last_updated() >= STATEMENTS_DATE);
    }
}
