//! The page for addresses that do not exist.

use leptos::prelude::*;

use crate::components::page::Page;
use crate::i18n::T;
use crate::locale::Locale;
use crate::routes::Route;

/// 404.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let locale = Locale::get();
    view! {
        <Page title=T::NotFoundTitle>
            <p>{locale.text(T::NotFoundText)}</p>
            <p class="link-line"><a href=Route::Overview.path()>{locale.text(T::NotFoundBack)}</a></p>
        </Page>
    }
}
