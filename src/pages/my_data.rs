//! Mijn gegevens: everything held about the person, in words, by processing activity, each
//! with its purpose, legal basis, recipients, origin and retention from the processing
//! register (the same data file the export and the documentation use) — the export document
//! rendered by `DataView`; the person's rights; what the portal does not hold; and the way
//! to the export (encrypted, transferred, or plain). For a candidate, each activity also
//! says in words when their data will be deleted if they stop logging in: the dates come
//! from the server, the sentence from the same rule the retention job follows.

use leptos::prelude::*;
use zelfregie_model::export::ExportDocument;
use zelfregie_model::register::register;
use zelfregie_model::retention::RetentionOverview;
use zelfregie_model::Role;

use crate::api;
use crate::components::contents::Contents;
use crate::components::data_view::DataView;
use crate::components::loaded::Loaded;
use crate::components::page::Page;
use crate::format::{date_time, date_words};
use crate::i18n::T;
use crate::locale::Locale;
use crate::readable::{pick, shown_to};
use crate::routes::Route;
use crate::session::Auth;

/// When the account goes, and why the date moves.
#[component]
fn RetentionSummary(overview: RetentionOverview) -> impl IntoView {
    let locale = Locale::get();
    let lang = locale.lang();
    let on = date_words(overview.account_deleted_at.date(), lang);
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
    // The same document as the export: what is shown here is what a download contains.
    let doc = LocalResource::new(|| api::get::<ExportDocument>(api::EXPORT));
    let summary = move |o: Option<RetentionOverview>| o.map(|overview| view! { <RetentionSummary overview=overview/> });
    let dates = Signal::derive(move || retention.get().and_then(Result::ok).flatten());
    let data = move |doc: ExportDocument| view! { <DataView doc=doc register=register().to_vec() retention=dates/> };
    // The page's parts, one link each (issue 25 item 5): the activities as the register names
    // them, for this account's role (staff see two more).
    let contents = Signal::derive(move || {
        let lang = locale.lang();
        let staff = auth.info().is_some_and(|i| i.account.role != Role::Person);
        let mut entries = Vec::new();
        if !staff {
            entries.push(("h-retention".to_owned(), T::RetentionSummary.get(lang).to_owned()));
        }
        entries.extend(shown_to(register(), staff).map(|a| (format!("h-{}", a.id), pick(&a.name, lang))));
        for (id, t) in
            [("h-rights", T::RightsHeading), ("h-not-held", T::NotHeldHeading), ("h-download", T::DownloadHeading)]
        {
            entries.push((id.to_owned(), t.get(lang).to_owned()));
        }
        entries
    });
    view! {
        <Page title=T::MyDataTitle>
            <p>{locale.text(T::MyDataIntro)}</p>
            <Contents entries=contents/>
            <Show when=is_person>
                <section aria-labelledby="h-retention">
                    <h2 id="h-retention">{locale.text(T::RetentionSummary)}</h2>
                    <Loaded resource=retention children=summary/>
                </section>
            </Show>
            <Loaded resource=doc children=data/>
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
