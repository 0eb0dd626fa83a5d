//! Opleidingsaanbod: the academy's trainings, for anyone, before an account or a
//! registration as a participant. The API's catalogue holds trainings and free seats only.

use leptos::prelude::*;

use crate::api;
use crate::components::loaded::Loaded;
use crate::components::page::Page;
use crate::components::training::TrainingCard;
use crate::i18n::T;
use crate::locale::Locale;
use crate::routes::Route;
use crate::session::Auth;

/// The public catalogue page.
#[component]
pub fn CataloguePage() -> impl IntoView {
    let locale = Locale::get();
    let auth = Auth::get();
    let catalogue = LocalResource::new(api::trainings);
    view! {
        <Page title=T::CatalogueTitle>
            <p>{locale.text(T::CatalogueIntro)}</p>
            <p class="link-line">
                {move || match auth.is_logged_in() {
                    Some(true) => view! { <a href=Route::Academy.path()>{locale.text(T::CatalogueToAcademy)}</a> }.into_any(),
                    _ => view! { <a href=Route::Register.path()>{locale.text(T::CatalogueToRegister)}</a> }.into_any(),
                }}
            </p>
            <h2>{locale.text(T::CatalogueListHeading)}</h2>
            <Loaded resource=catalogue let:list>
                {if list.is_empty() {
                    view! { <p>{locale.text(T::CatalogueEmpty)}</p> }.into_any()
                } else {
                    view! { <ul class="catalogue">{list.into_iter().map(|tr| view! { <TrainingCard training=tr/> }).collect_view()}</ul> }.into_any()
                }}
            </Loaded>
        </Page>
    }
}
