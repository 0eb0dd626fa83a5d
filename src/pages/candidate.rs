//! Kandidaat (`/kandidaat?ref=…`): one candidate for a recruiter, exactly as the server's
//! recruiter view gives it (`CandidateCard` renders that and nothing more). A reference that
//! is unknown or no longer visible reads "not found or no longer visible"; a profile the
//! candidate withdrew after this organisation opened it reads "withdrawn". On logout the
//! candidate is dropped with the page.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use zelfregie_model::ErrorCode;

use crate::api;
use crate::candidate_search::Search;
use crate::components::candidate_card::CandidateCard;
use crate::components::notice::{ErrorNotice, Loading};
use crate::components::page::Page;
use crate::i18n::{error_text, T};
use crate::locale::Locale;
use crate::routes::Route;
use crate::session::Auth;

/// The page.
#[component]
pub fn CandidatePage() -> impl IntoView {
    let locale = Locale::get();
    let auth = Auth::get();
    let query = use_query_map();
    let reference = query.with_untracked(|q| q.get("ref")).filter(|r| !r.is_empty());
    // The search this candidate was found with, to go back to.
    let back = Route::candidates(&query.with_untracked(|q| Search::from_params(|k| q.get(k))).query());
    let candidate = LocalResource::new({
        let reference = reference.clone();
        move || {
            let reference = reference.clone();
            async move {
                match reference {
                    Some(r) => api::candidate(&r).await.map(Some),
                    None => Ok(None),
                }
            }
        }
    });
    // Logged out: nothing of the candidate stays.
    Effect::new(move |_| {
        if auth.is_logged_in() != Some(true) {
            candidate.set(None);
        }
    });
    let shown = move || {
        candidate.get().map(|r| match r {
            Ok(Some(view)) => view! { <CandidateCard view=view top=true/> }.into_any(),
            Ok(None) => {
                view! { <p class="notice notice-error" role="alert">{locale.text(T::CandidateMissing)}</p> }.into_any()
            }
            Err(e) if e.code() == Some(ErrorCode::NotFound) => {
                view! { <p class="notice notice-error" role="alert">{locale.text(T::CandidateNotFound)}</p> }.into_any()
            }
            Err(e) if e.code() == Some(ErrorCode::ProfileWithdrawn) => view! {
                <p class="notice notice-error" role="alert">{move || error_text(ErrorCode::ProfileWithdrawn, locale.lang())}</p>
            }
            .into_any(),
            Err(error) => view! { <ErrorNotice error=error/> }.into_any(),
        })
    };
    view! {
        <Page title=T::CandidateTitle>
            <p class="link-line"><a href=back>{locale.text(T::CandidateBack)}</a></p>
            <Suspense fallback=|| view! { <Loading/> }>{shown}</Suspense>
        </Page>
    }
}
