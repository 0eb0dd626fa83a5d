//! The HTTP surface: every API resource in its own module, merged here with the SPA, the
//! security middleware and the OpenAPI document generated from the same handlers.

pub mod academy;
pub mod account;
pub mod admin;
pub mod breach;
pub mod catalogue;
pub mod disclosures;
pub mod email_change;
pub mod export;
pub mod extract;
pub mod health;
pub mod me;
pub mod newsletter;
pub mod openapi;
pub mod partners;
pub mod passkeys;
pub mod password_reset;
pub mod privacy_requests;
pub mod profile;
pub mod recruiter;
pub mod register_changes;
pub mod retention;
pub mod second_factor;
pub mod session;
pub mod sessions;
pub mod transfers;
pub mod visibility;

use std::sync::Arc;

use axum::extract::{DefaultBodyLimit, MatchedPath};
use axum::http::Request;
use axum::{middleware, Extension, Router};
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use zelfregie_model::ErrorCode;

use crate::error::HttpError;
use crate::state::AppState;
use crate::web;

pub use crate::web::limits::MAX_JSON_BODY;

/// The API's routes and their OpenAPI document, from the same `#[utoipa::path]` handlers.
pub fn api() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    OpenApiRouter::with_openapi(openapi::ApiDoc::openapi())
        .routes(routes!(health::health))
        .routes(routes!(openapi::document))
        .routes(routes!(account::register))
        .routes(routes!(account::confirm))
        .routes(routes!(email_change::request))
        .routes(routes!(email_change::confirm))
        .routes(routes!(session::current, session::login, session::logout))
        .routes(routes!(session::time_left))
        .routes(routes!(session::logout_everywhere))
        .routes(routes!(me::change_password))
        .routes(routes!(me::set_language))
        .routes(routes!(me::overview))
        .routes(routes!(me::erase))
        .routes(routes!(passkeys::list))
        .routes(routes!(passkeys::start_registration))
        .routes(routes!(passkeys::finish_registration))
        .routes(routes!(passkeys::remove))
        .routes(routes!(passkeys::start_login))
        .routes(routes!(passkeys::finish_login))
        .routes(routes!(passkeys::start_reauth))
        .routes(routes!(passkeys::finish_reauth))
        .routes(routes!(second_factor::start, second_factor::confirm, second_factor::disable))
        .routes(routes!(me::check_password))
        .routes(routes!(password_reset::request))
        .routes(routes!(password_reset::confirm))
        .routes(routes!(partners::list))
        .routes(routes!(profile::get, profile::put, profile::delete))
        .routes(routes!(retention::get))
        .routes(routes!(register_changes::get))
        .routes(routes!(register_changes::seen))
        .routes(routes!(visibility::get, visibility::put))
        .routes(routes!(visibility::preview))
        .routes(routes!(visibility::receipt))
        .routes(routes!(visibility::listing))
        .routes(routes!(visibility::renew_listing))
        .routes(routes!(export::contact))
        .routes(routes!(disclosures::list))
        .routes(routes!(disclosures::withdrawals))
        .routes(routes!(recruiter::list))
        .routes(routes!(recruiter::open))
        .routes(routes!(newsletter::status, newsletter::subscribe, newsletter::withdraw))
        .routes(routes!(newsletter::receipt))
        .routes(routes!(newsletter::confirm))
        .routes(routes!(newsletter::unsubscribe_page, newsletter::unsubscribe))
        .routes(routes!(academy::get_participant, academy::put_participant, academy::stop))
        .routes(routes!(academy::my_page))
        .routes(routes!(academy::trainings))
        .routes(routes!(academy::enrol))
        .routes(routes!(academy::cancel))
        .routes(routes!(academy::roster))
        .routes(routes!(academy::record_attendance))
        .routes(routes!(catalogue::list, catalogue::create))
        .routes(routes!(catalogue::one, catalogue::update))
        .routes(routes!(catalogue::cancel))
        .routes(routes!(privacy_requests::mine, privacy_requests::file))
        .routes(routes!(privacy_requests::one_of_mine))
        .routes(routes!(privacy_requests::queue))
        .routes(routes!(privacy_requests::for_staff))
        .routes(routes!(privacy_requests::person_data))
        .routes(routes!(privacy_requests::answer))
        .routes(routes!(privacy_requests::extend))
        .routes(routes!(privacy_requests::close))
        .routes(routes!(privacy_requests::verify))
        .routes(routes!(breach::mine))
        .routes(routes!(breach::mark_read))
        .routes(routes!(breach::list, breach::create))
        .routes(routes!(breach::preview))
        .routes(routes!(breach::one))
        .routes(routes!(breach::send))
        .routes(routes!(admin::staff))
        .routes(routes!(admin::invite))
        .routes(routes!(admin::withdraw))
        .routes(routes!(admin::suspend))
        .routes(routes!(admin::reinstate))
        .routes(routes!(admin::revoke))
        .routes(routes!(admin::review))
        .routes(routes!(admin::audit))
        .routes(routes!(admin::partner_keys))
        .routes(routes!(admin::publish_key, admin::remove_key))
        .routes(routes!(admin::details))
        .routes(routes!(admin::accept))
        .routes(routes!(export::export))
        .routes(routes!(export::schema))
        .routes(routes!(export::register))
        .routes(routes!(transfers::partner_keys))
        .routes(routes!(transfers::list))
        .routes(routes!(transfers::revoke))
        .routes(routes!(transfers::link))
        .routes(routes!(transfers::fetch))
        // The upload reads its body itself, up to the configured transfer size limit.
        .merge(OpenApiRouter::new().routes(routes!(transfers::create)).layer(DefaultBodyLimit::disable()))
        .split_for_parts()
}

/// The whole service: API, SPA, middleware.
pub fn app(state: AppState) -> Router {
    let (api, doc) = api();
    api.layer(Extension(Arc::new(openapi::finish(doc))))
        .method_not_allowed_fallback(|| async { HttpError::code(ErrorCode::MethodNotAllowed) })
        .fallback(web::spa::serve)
        .layer(DefaultBodyLimit::max(MAX_JSON_BODY))
        .layer(middleware::from_fn_with_state(state.clone(), crate::http::sessions::expires_in_header))
        .layer(middleware::from_fn(web::csrf::check))
        .layer(middleware::from_fn_with_state(state.clone(), web::limits::declared_size))
        .layer(middleware::from_fn_with_state(state.clone(), web::limits::request_timeout))
        .layer(
            // Method and route only: no query string, no headers, no bodies, and the route's
            // pattern — or one constant for anything unrouted — never the path itself, so
            // tokens in paths stay out (ASVS 5.0 16.2.5).
            TraceLayer::new_for_http()
                .make_span_with(|r: &Request<_>| {
                    let route = r.extensions().get::<MatchedPath>().map_or(UNMATCHED_ROUTE, MatchedPath::as_str);
                    tracing::info_span!("http", method = %r.method(), path = %route)
                })
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .layer(middleware::from_fn_with_state(state.clone(), web::headers::add))
        .with_state(state)
}

/// What the log says for a request no API route matched (the SPA, its files, unknown paths).
pub const UNMATCHED_ROUTE: &str = "(spa or unmatched)";
