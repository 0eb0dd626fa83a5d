//! `/api/recruiter/candidates`: a partner's compartment of the candidate bank. The candidate
//! index chooses and orders; every answer is built from `candidates::view_for`: a candidate the partner
//! may not see is not in the list, the count, the order or a search, and opening one gives
//! the same 404 as a reference that never existed. Every view is logged for the candidate.

use axum::extract::State;
use serde::Deserialize;
use utoipa::IntoParams;
use zelfregie_model::{
    CandidateList, CandidateView, DisclosureKind, ErrorCode, FilterInput, CANDIDATES_COUNTED, CANDIDATES_MAX_PER_PAGE,
    CANDIDATES_PER_PAGE,
};

use crate::error::HttpError;
use crate::http::extract::{Json, Path, Query};
use crate::http::sessions::RecruiterSession;
use crate::state::AppState;
use zelfregie_domain::auth::throttle;
use zelfregie_domain::candidates::{log_disclosures, open_for_partner, search as search_candidates};

/// Longest search text accepted.
pub const MAX_QUERY: usize = 200;

/// Search parameters.
#[derive(Deserialize, IntoParams)]
pub struct Search {
    /// Words that must all begin words of what the candidate shows this partner.
    #[serde(default)]
    pub q: String,
    /// Continue after this reference (the previous page's `next`).
    #[serde(default)]
    pub after: String,
    /// Candidates per page (1–200, default 50).
    #[serde(default)]
    pub per_page: Option<usize>,
    /// Place of residence (woonplaats), compared without regard to case, spaces or hyphens;
    /// only candidates who show it with their personal details match.
    #[serde(default)]
    #[param(max_length = 120)]
    pub place: String,
    /// Hours per week available, at least (`32` or `32,5`; 0–60); only candidates who show
    /// their availability match.
    #[serde(default)]
    #[param(value_type = Option<f64>, minimum = 0, maximum = 60, multiple_of = 0.1)]
    pub hours_min: String,
    /// Hours per week available, at most (0–60, not below `hours_min`).
    #[serde(default)]
    #[param(value_type = Option<f64>, minimum = 0, maximum = 60, multiple_of = 0.1)]
    pub hours_max: String,
    /// Level: an education shown of at least this level (`mbo`: mbo, havo or vwo; `hbo`:
    /// hbo or wo; `wo`).
    #[serde(default)]
    #[param(value_type = Option<zelfregie_model::WorkLevel>, inline)]
    pub level: String,
}

/// The candidates visible to the recruiter's partner, optionally searched and filtered, one
/// page at a time in reference order (docs/storage.md "Recruiter search"). A filter reads
/// only what the candidate shows this partner.
#[utoipa::path(get, path = "/api/recruiter/candidates", tag = "recruiter", security(("session" = ["recruiter"])), params(Search),
    responses((status = 200, body = CandidateList), (status = 403, body = zelfregie_model::ApiError, description = "not a recruiter"),
              (status = 422, body = zelfregie_model::ApiError, description = "`validation_failed`: `q` or `after` too long, `per_page` out of range, a filter (`place`, `hours_min`, `hours_max`, `level`) unusable"),
              (status = 429, body = zelfregie_model::ApiError, description = "`too_many_attempts`: the recruiter's request limit, with `Retry-After`")))]
pub async fn list(
    State(state): State<AppState>,
    recruiter: RecruiterSession,
    Query(search): Query<Search>,
) -> Result<Json<CandidateList>, HttpError> {
    limit(&state, &recruiter).await?;
    let mut errors = Vec::new();
    if search.q.chars().count() > MAX_QUERY {
        errors.push(zelfregie_model::FieldError::new("q", ErrorCode::TooLong));
    }
    if search.after.chars().count() > MAX_QUERY {
        errors.push(zelfregie_model::FieldError::new("after", ErrorCode::TooLong));
    }
    let per_page = search.per_page.unwrap_or(CANDIDATES_PER_PAGE);
    if !(1..=CANDIDATES_MAX_PER_PAGE).contains(&per_page) {
        errors.push(zelfregie_model::FieldError::new("per_page", ErrorCode::OutOfRange));
    }
    let filter = FilterInput {
        place: search.place,
        hours_min: search.hours_min,
        hours_max: search.hours_max,
        level: search.level,
    }
    .read()
    .map_err(|e| errors.extend(e))
    .ok();
    let Some(filter) = filter.filter(|_| errors.is_empty()) else {
        return Err(HttpError::validation(errors));
    };
    let page = search_candidates(
        &state.db,
        &state.reference_key,
        recruiter.partner_id,
        &recruiter.partner_slug,
        &search.q,
        &filter,
        &search.after,
        per_page,
        CANDIDATES_COUNTED,
    )
    .await?;
    let shown: Vec<(i64, &CandidateView)> = page.hits.iter().map(|(id, v)| (*id, v)).collect();
    log_disclosures(&state.db, recruiter.partner_id, DisclosureKind::SearchResult, &shown).await?;
    let candidates: Vec<CandidateView> = page.hits.into_iter().map(|(_, v)| v).collect();
    Ok(Json(CandidateList { total: page.total, more: page.more, candidates, next: page.next }))
}

/// Recruiter requests are limited per recruiter account: a script cannot page through the
/// bank, nor flood a candidate's log (which counts per day anyway).
async fn limit(state: &AppState, recruiter: &RecruiterSession) -> Result<(), HttpError> {
    let key = state.throttle.key("recruiter", &recruiter.session.account_id.to_string());
    Ok(throttle::attempt(&state.db, &state.clock, &key, state.recruiter_limit).await?)
}

/// One candidate, as the recruiter's partner may see it.
#[utoipa::path(get, path = "/api/recruiter/candidates/{reference}", tag = "recruiter", security(("session" = ["recruiter"])),
    params(("reference" = String, Path, description = "the candidate's reference for this partner")),
    responses((status = 200, body = CandidateView), (status = 404, body = zelfregie_model::ApiError),
              (status = 410, body = zelfregie_model::ApiError, description = "`profile_withdrawn`: this partner opened it, and the candidate withdrew it since"),
              (status = 429, body = zelfregie_model::ApiError, description = "`too_many_attempts`: the recruiter's request limit, with `Retry-After`")))]
pub async fn open(
    State(state): State<AppState>,
    recruiter: RecruiterSession,
    Path(reference): Path<String>,
) -> Result<Json<CandidateView>, HttpError> {
    limit(&state, &recruiter).await?;
    let view = open_for_partner(&state, recruiter.partner_id, &recruiter.partner_slug, &reference).await?;
    Ok(Json(view))
}
