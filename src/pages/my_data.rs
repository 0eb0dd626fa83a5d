//! Mijn gegevens: everything held about the person by processing activity, each with its
//! purpose, legal basis, recipients, origin and retention from the processing register (the
//! same data file the export and the documentation use); what the portal does not hold;
//! and the way to the export (encrypted, transferred, or plain).

use leptos::prelude::*;
use zelfregie_model::register::{register, Activity, Text};

use crate::components::page::Page;
use crate::i18n::{Lang, T};
use crate::locale::Locale;
use crate::routes::Route;

fn pick(text: &Text, lang: Lang) -> String {
    match lang {
        Lang::Nl => text.nl.clone(),
        Lang::En => text.en.clone(),
    }
}

/// Where the person sees and changes this activity's data.
fn page_of(id: &str) -> Option<(Route, T)> {
    match id {
        "candidate_bank" => Some((Route::Profile, T::NavProfile)),
        "disclosure_log" => Some((Route::Disclosures, T::NavDisclosures)),
        "academy" => Some((Route::Academy, T::NavAcademy)),
        "newsletter" => Some((Route::Newsletter, T::NavNewsletter)),
        "transfers" => Some((Route::Export, T::NavExport)),
        "requests" => Some((Route::Requests, T::NavRequests)),
        "account_security" => Some((Route::Account, T::NavAccount)),
        _ => None,
    }
}

/// The page.
#[component]
pub fn MyDataPage() -> impl IntoView {
    let locale = Locale::get();
    let t = move |k: T| k.get(locale.lang());
    let activity = move |a: &'static Activity| {
        let lang = locale.lang();
        let heading = format!("h-{}", a.id);
        let labelled_by = heading.clone();
        view! {
            <section class="register-entry" aria-labelledby=labelled_by>
                <h2 id=heading>{pick(&a.name, lang)}</h2>
                <dl class="facts">
                    <dt>{t(T::DataCategories)}</dt><dd>{pick(&a.data_categories, lang)}</dd>
                    <dt>{t(T::Purpose)}</dt><dd>{pick(&a.purpose, lang)}</dd>
                    <dt>{t(T::LegalBasisLabel)}</dt><dd>{a.legal_basis.article.clone()} ": " {pick(&a.legal_basis.explanation, lang)}</dd>
                    <dt>{t(T::Recipients)}</dt><dd>{pick(&a.recipients, lang)}</dd>
                    <dt>{t(T::Origin)}</dt><dd>{pick(&a.origin, lang)}</dd>
                    <dt>{t(T::Retention)}</dt><dd>{pick(&a.retention, lang)}</dd>
                    <dt>{t(T::ThirdCountries)}</dt><dd>{pick(&a.third_country_transfers, lang)}</dd>
                    <dt>{t(T::SpecialCategories)}</dt><dd>{pick(&a.special_categories, lang)}</dd>
                    <dt>{t(T::Controller)}</dt><dd>{a.controller.clone()}</dd>
                </dl>
                {page_of(&a.id).map(|(to, name)| view! { <p>{t(T::WhereToSee)} ": " <a href=to.path()>{t(name)}</a></p> })}
            </section>
        }
    };
    view! {
        <Page title=T::MyDataTitle>
            <p>{locale.text(T::MyDataIntro)}</p>
            {move || register().iter().map(activity).collect_view()}
            <section aria-labelledby="h-not-held">
                <h2 id="h-not-held">{locale.text(T::NotHeldHeading)}</h2>
                <p>{locale.text(T::NotHeldText)}</p>
            </section>
            <section aria-labelledby="h-download">
                <h2 id="h-download">{locale.text(T::DownloadHeading)}</h2>
                <p>{locale.text(T::DownloadText)}</p>
                <p><a class="button-primary" href=Route::Export.path()>{locale.text(T::DownloadEncryptedLink)}</a></p>
            </section>
        </Page>
    }
}
