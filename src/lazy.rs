//! Pages loaded on first visit (docs/build.md "Splitting by route").
//!
//! Every page is a split point, made from its row in the table of pages (`routes.rs`): in
//! the shipped build (feature `split`, set by `scripts/build-app.mjs`) its code lands in a
//! wasm module of its part, fetched when the page is first shown, or shortly after the menu
//! links to it ([`prefetch`]). The main module keeps the shell: router, layout, guards,
//! translations, the API client. In every other build (tests, `cargo check`) the same
//! functions are plain calls, so pages behave the same with and without the split.
//!
//! While a page's code loads, its place shows the loading sentence; when it cannot be fetched
//! (offline, or a new version was deployed meanwhile), a message with a retry button.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;

use crate::components::guard::{RequireLoggedOut, RequireLogin};
use crate::components::notice::Loading;
use crate::i18n::T;
use crate::locale::Locale;
use crate::routes::{row, Access, Route};

/// A page's code could not be fetched.
#[derive(Debug)]
pub struct Unavailable;

impl From<leptos::wasm_split::SplitLoaderError> for Unavailable {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unavailable
    }
}

/// Fetches a page's code (at once when it is there already).
pub type Load = fn() -> Pin<Box<dyn Future<Output = bool>>>;
/// Builds the page; `None` while its code is not loaded.
pub type Show = fn() -> Option<AnyView>;

/// The guard in front of `route`: the model's rule of who may see it.
fn guard(route: Route) -> Access {
    route.access()
}

/// The page at `route`: at once when its code is there, else the loading sentence until it
/// is, or a message with a retry button when it cannot be fetched. The guard comes first: a
/// visitor sent to the login page does not fetch the code of the page they could not see.
pub fn page(route: Route) -> AnyView {
    let (load, show) = (row(route).load, row(route).show);
    match guard(route) {
        Access::Public => lazily(load, show),
        Access::LoggedIn => view! { <RequireLogin>{move || lazily(load, show)}</RequireLogin> }.into_any(),
        Access::LoggedOut => view! { <RequireLoggedOut>{move || lazily(load, show)}</RequireLoggedOut> }.into_any(),
    }
}

/// What `show` builds, at once when `load` has nothing left to fetch; else the loading
/// sentence until it has, or a message with a retry button when it cannot.
fn lazily(load: Load, show: Show) -> AnyView {
    if let Some(view) = show() {
        return view;
    }
    let loaded = LocalResource::new(load);
    let locale = Locale::get();
    (move || match loaded.get() {
        None => view! { <Loading/> }.into_any(),
        Some(true) => show().unwrap_or_else(|| ().into_any()),
        Some(false) => view! {
            <div class="notice notice-error" role="alert">
                <p>{locale.text(T::PageUnavailable)}</p>
                <button type="button" class="button" on:click=move |_| loaded.refetch()>{locale.text(T::Retry)}</button>
            </div>
        }
        .into_any(),
    })
    .into_any()
}

/// Fetches the code of `routes` two seconds from now, when the page shown has what it
/// needs, so the next page opens without waiting; a part already fetched is not fetched
/// again, and a fetch that fails is tried again when the page is visited.
pub fn prefetch(routes: impl IntoIterator<Item = Route> + 'static) {
    let routes: Vec<Route> = routes.into_iter().collect();
    let run = move || {
        leptos::task::spawn_local(async move {
            for route in routes {
                (row(route).load)().await;
            }
        })
    };
    set_timeout(run, std::time::Duration::from_secs(2));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routes::return_target;

    /// A page behind the login is one the login page returns to after logging in, and the
    /// other way round: once two lists, they disagreed for five pages (a privacy officer who
    /// opened a bookmarked `/privacy/verzoeken` while logged out landed on the overview).
    #[test]
    fn the_pages_behind_the_login_are_the_pages_a_login_returns_to() {
        for route in Route::ALL {
            assert_eq!(guard(route) == Access::LoggedIn, route.requires_login(), "{route:?}");
            assert_eq!(guard(route) == Access::LoggedIn, return_target(route.path()) == Some(route), "{route:?}");
        }
        assert_eq!(guard(Route::PrivacyQueue), Access::LoggedIn);
        assert_eq!(guard(Route::Login), Access::LoggedOut);
        assert_eq!(guard(Route::ResetPassword), Access::Public);
    }
}
