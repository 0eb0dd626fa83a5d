//! The person's own data in plain words: the export document, per processing activity of
//! the register, next to that activity's purpose, legal basis, recipients, origin and
//! retention. Used on "Mijn gegevens" (the live export) and on "Export openen" (a decrypted
//! file). What is shown comes from [`crate::readable::categories`]; this only renders it.

use leptos::prelude::*;
use zelfregie_model::export::ExportDocument;
use zelfregie_model::register::Activity;
use zelfregie_model::retention::RetentionOverview;

use crate::components::rights::Rights;
use crate::format::local;
use crate::i18n::{Lang, T};
use crate::locale::Locale;
use crate::readable::{categories, pick, Category, Fact, Record, Value};
use crate::routes::Route;

/// Where the person sees and changes an activity's data.
fn page_of(id: &str) -> Option<(Route, T)> {
    match id {
        "candidate_bank" => Some((Route::Profile, T::NavProfile)),
        "disclosure_log" => Some((Route::Disclosures, T::NavDisclosures)),
        "academy" => Some((Route::Academy, T::NavAcademy)),
        "newsletter" => Some((Route::Newsletter, T::NavNewsletter)),
        "transfers" => Some((Route::Export, T::NavExport)),
        "requests" => Some((Route::Requests, T::NavRequests)),
        "breach_notices" => Some((Route::MyBreachNotices, T::BreachMineTitle)),
        "account_security" => Some((Route::Account, T::NavAccount)),
        _ => None,
    }
}

fn heading(level: u8, id: String, text: String) -> AnyView {
    match level {
        2 => view! { <h2 id=id>{text}</h2> }.into_any(),
        3 => view! { <h3 id=id>{text}</h3> }.into_any(),
        _ => view! { <h4 id=id>{text}</h4> }.into_any(),
    }
}

fn record_view(r: Record) -> impl IntoView {
    view! {
        <li class="record">
            <strong class="record-title">{r.title}</strong>
            <dl class="facts">
                {r.facts.into_iter().map(|(l, v)| view! { <dt>{l}</dt><dd>{v}</dd> }).collect_view()}
            </dl>
        </li>
    }
}

fn fact_view(f: Fact) -> impl IntoView {
    let value = match f.value {
        Value::Text(t) => t.into_any(),
        Value::List(items) => {
            view! { <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }.into_any()
        }
        Value::Records(rs) => {
            view! { <ul class="records">{rs.into_iter().map(record_view).collect_view()}</ul> }.into_any()
        }
    };
    view! { <dt>{f.label}</dt><dd>{value}</dd> }
}

fn category_view(c: Category, lang: Lang, level: u8, retention: Signal<Option<RetentionOverview>>) -> impl IntoView {
    let t = move |k: T| k.get(lang);
    let a = c.activity;
    // The person's own date for this activity, from the same rule the retention job follows.
    // It arrives on its own; only this line follows it (rebuilding the activity would close
    // a fold the person opened).
    let activity = a.id.clone();
    let yours = move || {
        retention.with(|o| {
            o.as_ref().and_then(|o| o.of(&activity)).map(|r| {
                let sentence = pick(&r.rule.sentence(r.deleted_at), lang);
                view! { <dl class="facts"><dt>{t(T::RetentionForYou)}</dt><dd class="retention-date">{sentence}</dd></dl> }
            })
        })
    };
    let id = format!("h-{}", a.id);
    // The one-line answer (issue 25 item 5): what is held, by name; the values and the why
    // are in the fold below it, the law's article in a fold of its own.
    let answer = if c.facts.is_empty() {
        view! { <p class="activity-answer nothing-held">{t(T::DataNothingHeld)}</p> }.into_any()
    } else {
        let names = c.facts.iter().map(|f| f.label.clone()).collect::<Vec<_>>().join(", ");
        view! { <p class="activity-answer">{t(T::DataHeldShort)} " " {names} "."</p> }.into_any()
    };
    let held = (!c.facts.is_empty())
        .then(|| view! { <dl class="facts held">{c.facts.into_iter().map(fact_view).collect_view()}</dl> });
    let links = a
        .links
        .iter()
        .map(|l| view! { <p class="link-line"><a href=l.url.clone() rel="noopener noreferrer">{pick(&l.label, lang)}</a></p> })
        .collect_view();
    let place =
        page_of(&a.id).map(|(to, name)| view! { <p>{t(T::WhereToSee)} ": " <a href=to.path()>{t(name)}</a></p> });
    view! {
        <section class="register-entry" aria-labelledby=id.clone()>
            {heading(level, id.clone(), pick(&a.name, lang))}
            {answer}
            <p class="activity-purpose">{t(T::Purpose)} ": " {pick(&a.purpose, lang)}</p>
            {yours}
            <details class="activity-details">
                <summary>{t(T::DataDetails)}</summary>
                {held.map(|held| view! {
                    {heading(level + 1, format!("{id}-held"), t(T::DataHeldHeading).to_owned())}
                    {held}
                })}
                {heading(level + 1, format!("{id}-why"), t(T::DataWhyHeading).to_owned())}
                <dl class="facts">
                    <dt>{t(T::LegalBasisLabel)}</dt><dd>{pick(&a.legal_basis.explanation, lang)}</dd>
                    <dt>{t(T::Recipients)}</dt><dd>{pick(&a.recipients, lang)}</dd>
                    <dt>{t(T::ThirdCountries)}</dt><dd>{pick(&a.third_country_transfers, lang)}</dd>
                    <dt>{t(T::Origin)}</dt><dd>{pick(&a.origin, lang)}</dd>
                    <dt>{t(T::Retention)}</dt><dd>{pick(&a.retention, lang)}</dd>
                    <dt>{t(T::SpecialCategories)}</dt><dd>{pick(&a.special_categories, lang)}</dd>
                    <dt>{t(T::Controller)}</dt><dd>{pick(&a.controller, lang)}</dd>
                </dl>
                <details class="legal-reference">
                    <summary>{t(T::LegalReference)}</summary>
                    <p>{a.legal_basis.article.clone()}</p>
                </details>
                {links}
            </details>
            {place}
        </section>
    }
}

/// `doc` per activity of `register` (the live register on "Mijn gegevens", the file's own
/// on "Export openen"), then the person's rights. Headings start at `level`.
#[component]
pub fn DataView(
    /// The export document.
    doc: ExportDocument,
    /// The activities to show, in order.
    register: Vec<Activity>,
    /// Heading level of each activity (2 on a page of its own, 3 inside a section).
    #[prop(default = 2)]
    level: u8,
    /// The person's deletion dates (on "Mijn gegevens", for a candidate), once known.
    #[prop(into, default = Signal::stored(None))]
    retention: Signal<Option<RetentionOverview>>,
) -> impl IntoView {
    let locale = Locale::get();
    let shown = move || {
        let lang = locale.lang();
        categories(&doc, &register, lang, &local)
            .into_iter()
            .map(|c| category_view(c, lang, level, retention))
            .collect_view()
    };
    view! {
        <div class="data-view">{shown}</div>
        <Rights level=level/>
    }
}
