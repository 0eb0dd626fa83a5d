//! Mijn gegevens: everything held about the person by processing activity, each with its
//! purpose, legal basis, recipients, origin and retention from the processing register (the
//! same data file the export and the documentation use); what the portal does not hold;
//! and the way to the export (encrypted, transferred, or plain). For a candidate, each
//! activity also says in words when their data will be deleted if they stop logging in: the
//! dates come from the server, the sentence from the same rule the retention job follows.

use leptos::prelude::*;
use zelfregie_model::register::{register, Activity, Text};
use zelfregie_model::retention::{long_date, RetentionOverview};
use zelfregie_model::Role;

use crate::api;
use crate::components::loaded::Loaded;
use crate::components::page::Page;
use crate::format::date_time;
use crate::i18n::{Lang, T};
use crate::locale::Locale;
use crate::routes::Route;
use crate::session::Auth;

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
        "account_security" => Some((Route::Account, T::NavAccount)),
        _ => None,
    }
}

/// The person's date for activity `id`, as a sentence in `lang`.
fn for_you(overview: &RetentionOverview, id: &str, lang: Lang) -> Option<String> {
    overview.of(id).map(|a| pick(&a.rule.sentence(a.deleted_at), lang))
}

/// When the account goes, and why the date moves.
#[component]
fn RetentionSummary(overview: RetentionOverview) -> impl IntoView {
    let locale = Locale::get();
    let lang = locale.lang();
    let (nl, en) = long_date(overview.account_deleted_at);
    let on = match lang {
        Lang::Nl => nl,
        Lang::En => en,
    };
    view! {
        <dl class="facts">
            <dt>{locale.text(T::RetentionLastLogin)}</dt>
            <dd>{date_time(overview.last_activity_at, lang)}</dd>
        </dl>
        <p>{locale.text(T::RetentionDeletedOn)} " " <strong>{on}</strong> " " {locale.text(T::RetentionHow)}</p>
    }
}

/// The page.
#[component]
pub fn MyDataPage() -> impl IntoView {
    let locale = Locale::get();
    let auth = Auth::get();
    let t = move |k: T| k.get(locale.lang());
    // Retention dates apply to candidates' accounts (organisations manage the others).
    let is_person = move || auth.info().is_some_and(|i| i.account.role == Role::Person);
    let retention = LocalResource::new(move || {
        let wanted = is_person();
        async move {
            if wanted {
                api::retention().await.map(Some)
            } else {
                Ok(None)
            }
        }
    });
    let activity = move |a: &'static Activity| {
        let lang = locale.lang();
        let heading = format!("h-{}", a.id);
        let labelled_by = heading.clone();
        let id = a.id.as_str();
        let yours =
            move || {
                retention.get().and_then(Result::ok).flatten().and_then(|o| for_you(&o, id, locale.lang())).map(
                    |sentence| view! { <dt>{t(T::RetentionForYou)}</dt><dd class="retention-date">{sentence}</dd> },
                )
            };
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
                    {yours}
                    <dt>{t(T::ThirdCountries)}</dt><dd>{pick(&a.third_country_transfers, lang)}</dd>
                    <dt>{t(T::SpecialCategories)}</dt><dd>{pick(&a.special_categories, lang)}</dd>
                    <dt>{t(T::Controller)}</dt><dd>{a.controller.clone()}</dd>
                </dl>
                {page_of(&a.id).map(|(to, name)| view! { <p>{t(T::WhereToSee)} ": " <a href=to.path()>{t(name)}</a></p> })}
            </section>
        }
    };
    let summary = move |o: Option<RetentionOverview>| o.map(|overview| view! { <RetentionSummary overview=overview/> });
    view! {
        <Page title=T::MyDataTitle>
            <p>{locale.text(T::MyDataIntro)}</p>
            <Show when=is_person>
                <section aria-labelledby="h-retention">
                    <h2 id="h-retention">{locale.text(T::RetentionSummary)}</h2>
                    <Loaded resource=retention children=summary/>
                </section>
            </Show>
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
