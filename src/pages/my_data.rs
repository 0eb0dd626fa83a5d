//! Mijn gegevens: everything held about the person, in words, by processing activity, each
//! with its purpose, legal basis, recipients, origin and retention from the processing
//! register (the same data file the export and the documentation use) — the export document
//! rendered by `DataView`; the person's rights; what the portal does not hold; and the way
//! to the export (encrypted, transferred, or plain).

use leptos::prelude::*;
use zelfregie_model::export::ExportDocument;
use zelfregie_model::register::register;

use crate::api;
use crate::components::data_view::DataView;
use crate::components::loaded::Loaded;
use crate::components::page::Page;
use crate::i18n::T;
use crate::locale::Locale;
use crate::routes::Route;

/// The page.
#[component]
pub fn MyDataPage() -> impl IntoView {
    let locale = Locale::get();
    // The same document as the export: what is shown here is what a download contains.
    let doc = LocalResource::new(|| api::get::<ExportDocument>(api::EXPORT));
    view! {
        <Page title=T::MyDataTitle>
            <p>{locale.text(T::MyDataIntro)}</p>
            <Loaded resource=doc children=|doc| view! { <DataView doc=doc register=register().to_vec()/> }/>
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
