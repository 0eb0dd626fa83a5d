//! Kandidaten zoeken (`/kandidaten?q=…&place=…`): a recruiter's search of the candidate bank,
//! with words and filters (place of residence, hours per week, level). The search is in the
//! address, so Back from a candidate returns to it; the results are loaded in pages ("more"),
//! their number is announced, and focus moves to them after a search. Nothing is loaded
//! before a search: every candidate shown is logged for that candidate. On logout the results
//! are dropped with the page.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};
use zelfregie_model::{CandidateView, ErrorCode, FieldError, WorkLevel};

use crate::api::{self, ClientError};
use crate::candidate_search::{Results, Search};
use crate::components::field::TextField;
use crate::components::notice::ErrorNotice;
use crate::components::page::Page;
use crate::format::hours;
use crate::i18n::{Lang, T};
use crate::locale::Locale;
use crate::routes::Route;
use crate::session::Auth;

fn level_text(level: WorkLevel) -> T {
    match level {
        WorkLevel::Mbo => T::WorkLevelMbo,
        WorkLevel::Hbo => T::WorkLevelHbo,
        WorkLevel::Wo => T::WorkLevelWo,
    }
}

/// The sentence announcing the number of results.
pub fn count_sentence(results: &Results, lang: Lang) -> String {
    match (results.total, results.more_than_total) {
        (_, true) => format!("{} {} {}", T::ResultsMoreThan.get(lang), results.total, T::ResultsMany.get(lang)),
        (0, _) => T::ResultsNone.get(lang).to_owned(),
        (1, _) => T::ResultsOne.get(lang).to_owned(),
        (n, _) => format!("{n} {}", T::ResultsMany.get(lang)),
    }
}

/// One line about a candidate in the results: what the view shows of place and hours.
fn summary(view: &CandidateView, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(p) = &view.personal {
        if !p.city.is_empty() {
            parts.push(p.city.clone());
        }
    }
    if let Some(h) = view.availability.as_ref().and_then(|a| a.hours_per_week) {
        parts.push(format!("{} {}", hours(h, lang), T::HoursPerWeek.get(lang).to_lowercase()));
    }
    parts.join(" · ")
}

/// The page.
#[component]
pub fn CandidatesPage() -> impl IntoView {
    let locale = Locale::get();
    let auth = Auth::get();
    let query = use_query_map();
    let navigate = use_navigate();
    // The search in the address: what the results are for.
    let current = Memo::new(move |_| query.with(|q| Search::from_params(|k| q.get(k))));
    let start = current.get_untracked();
    let q = RwSignal::new(start.q.clone());
    let place = RwSignal::new(start.filter.place.clone());
    let hours_min = RwSignal::new(start.filter.hours_min.clone());
    let hours_max = RwSignal::new(start.filter.hours_max.clone());
    let level = RwSignal::new(start.filter.level.clone());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let results = RwSignal::new(None::<Result<Results, ClientError>>);
    let loading = RwSignal::new(false);
    // Repeats of the search in the address asked for on this page.
    let round = RwSignal::new(0u32);
    let heading = NodeRef::<leptos::html::H2>::new();
    let first_new = RwSignal::new(None::<usize>);

    // Logged out (or the session ended and the person gave up): nothing stays.
    Effect::new(move |_| {
        if auth.is_logged_in() != Some(true) {
            results.set(None);
        }
    });
    // The first page, whenever the search in the address changes or is asked again; nothing
    // on arrival without a search. Only the answer to the latest request is shown.
    let latest = StoredValue::new(0u32);
    // Set by the form: focus goes to the results when they arrive (not on Back).
    let focus_results = StoredValue::new(false);
    Effect::new(move |_| {
        let search = current.get();
        let asked = round.get();
        if asked == 0 && search == Search::default() {
            return;
        }
        let mine = latest.get_value() + 1;
        latest.set_value(mine);
        loading.set(true);
        spawn_local(async move {
            let page = api::candidates(&search, None).await.map(Results::first);
            if latest.try_get_value() != Some(mine) {
                return;
            }
            if results.try_set(Some(page)).is_none() {
                loading.try_set(false);
                if focus_results.try_get_value() == Some(true) {
                    focus_results.set_value(false);
                    request_animation_frame(move || {
                        if let Some(h) = heading.get_untracked() {
                            let _ = h.focus();
                        }
                    });
                }
            }
        });
    });

    let field_error = move |name: &'static str| {
        Signal::derive(move || errors.with(|e| e.iter().find(|f| f.field == name).map(|f| f.code)))
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let search = Search {
            q: q.get_untracked(),
            filter: zelfregie_model::FilterInput {
                place: place.get_untracked(),
                hours_min: hours_min.get_untracked(),
                hours_max: hours_max.get_untracked(),
                level: level.get_untracked(),
            },
        };
        if let Err(e) = search.filter.read() {
            errors.set(e);
            return;
        }
        errors.set(Vec::new());
        focus_results.set_value(true);
        // A new search goes into the address (and so into the history); the same one again
        // is asked again.
        if search.query() == current.get_untracked().query() {
            round.update(|r| *r += 1);
        } else {
            navigate(&Route::candidates(&search.query()), Default::default());
        }
    };
    let more = move |_| {
        let Some(Ok(so_far)) = results.get_untracked() else { return };
        let Some(next) = so_far.next.clone() else { return };
        let search = current.get_untracked();
        let mine = latest.get_value();
        loading.set(true);
        spawn_local(async move {
            let first = so_far.candidates.len();
            let page = api::candidates(&search, Some(&next)).await;
            // A new search meanwhile: its answer is what counts.
            if latest.try_get_value() != Some(mine) {
                return;
            }
            match page {
                Ok(page) => {
                    if results.try_set(Some(Ok(so_far.with_next(page)))).is_none() {
                        first_new.set(Some(first));
                        request_animation_frame(move || {
                            if let Some(link) = document().get_element_by_id(&format!("kandidaat-{first}")) {
                                use wasm_bindgen::JsCast;
                                if let Ok(link) = link.dyn_into::<web_sys::HtmlElement>() {
                                    let _ = link.focus();
                                }
                            }
                        });
                    }
                }
                Err(e) => {
                    results.try_set(Some(Err(e)));
                }
            }
            loading.try_set(false);
        });
    };
    let t = move |k: T| k.get(locale.lang());
    let list = move || {
        results.get().map(|r| match r {
            Err(error) => view! { <ErrorNotice error=error/> }.into_any(),
            Ok(results) => {
                let back = current.get_untracked().query();
                let has_next = results.next.is_some();
                view! {
                    <ul class="candidate-results">
                        {results.candidates.iter().enumerate().map(|(i, c)| {
                            let line = summary(c, locale.lang());
                            view! {
                                <li>
                                    <a id=format!("kandidaat-{i}") href=Route::candidate(&c.reference, &back)>{c.display_name.clone()}</a>
                                    {(!line.is_empty()).then(|| view! { <br/><span class="muted">{line}</span> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    {has_next.then(|| view! {
                        <button type="button" class="button-secondary" on:click=more disabled=move || loading.get()>
                            {t(T::ResultsMore)}
                        </button>
                    })}
                }
                .into_any()
            }
        })
    };
    let announced = move || match results.get() {
        Some(Ok(r)) => count_sentence(&r, locale.lang()),
        _ => String::new(),
    };
    view! {
        <Page title=T::CandidatesTitle>
            <p>{locale.text(T::CandidatesIntro)}</p>
            <form class="candidate-search" on:submit=on_submit novalidate=true>
                <TextField id="zoek-woorden" label=T::SearchWords value=q hint=T::SearchWordsHint input_type="search"
                    error=field_error("q")/>
                <fieldset>
                    <legend>{locale.text(T::FiltersLegend)}</legend>
                    <p class="field-hint">{locale.text(T::FiltersHint)}</p>
                    <TextField id="zoek-plaats" label=T::City value=place error=field_error("place")
                        autocomplete="off"/>
                    <TextField id="zoek-uren-min" label=T::FilterHoursMin value=hours_min hint=T::FilterHoursHint
                        inputmode="decimal" error=field_error("hours_min")/>
                    <TextField id="zoek-uren-max" label=T::FilterHoursMax value=hours_max
                        inputmode="decimal" error=field_error("hours_max")/>
                    <div class="field">
                        <label for="zoek-niveau">{locale.text(T::FilterLevel)}</label>
                        <select id="zoek-niveau"
                            aria-invalid=move || field_error("level").get().is_some().to_string()
                            on:change=move |ev| level.set(event_target_value(&ev))
                            prop:value=move || level.get()>
                            <option value="" selected=move || level.get().is_empty()>{move || t(T::FilterLevelAny)}</option>
                            {WorkLevel::ALL.into_iter().map(|l| view! {
                                <option value=l.as_str() selected=move || level.get() == l.as_str()>{move || t(level_text(l))}</option>
                            }).collect_view()}
                        </select>
                        {move || field_error("level").get().map(|code: ErrorCode| view! {
                            <p class="field-error">{crate::i18n::error_text(code, locale.lang())}</p>
                        })}
                    </div>
                </fieldset>
                <button type="submit" class="button">{locale.text(T::SearchSubmit)}</button>
            </form>
            <section class="candidate-results-section" aria-busy=move || loading.get().to_string()>
                <h2 node_ref=heading tabindex="-1">{locale.text(T::ResultsHeading)}</h2>
                <p role="status" aria-live="polite" aria-atomic="true">{announced}</p>
                {list}
            </section>
        </Page>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use zelfregie_model::CandidateList;

    #[test]
    fn the_count_is_said_in_words() {
        let r = |total, more| Results::first(CandidateList { total, more, candidates: Vec::new(), next: None });
        assert_eq!(count_sentence(&r(0, false), Lang::Nl), "Geen kandidaten gevonden.");
        assert_eq!(count_sentence(&r(1, false), Lang::En), "1 candidate found.");
        assert_eq!(count_sentence(&r(7, false), Lang::Nl), "7 kandidaten gevonden.");
        assert_eq!(count_sentence(&r(1000, true), Lang::Nl), "Meer dan 1000 kandidaten gevonden.");
    }
}
