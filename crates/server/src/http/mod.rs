//! The HTTP surface: every API resource in its own module, merged here with the SPA, the
//! security middleware and the OpenAPI document generated from the same handlers.

pub mod academy;
pub mod account;
pub mod disclosures;
pub mod export;
pub mod health;
pub mod me;
pub mod newsletter;
pub mod openapi;
pub mod partners;
pub mod profile;
pub mod recruiter;
pub mod session;
pub mod transfers;
pub mod visibility;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{ConnectInfo, DefaultBodyLimit, FromRequestParts, MatchedPath};
use axum::http::request::Parts;
use axum::http::Request;
use axum::{middleware, Extension, Router};
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use zelfregie_model::ErrorCode;

use crate::error::AppError;
use crate::state::AppState;
use crate::web;

/// Largest JSON body accepted (ASVS 5.0 "oversized bodies refused").
pub const MAX_JSON_BODY: usize = 64 * 1024;

/// The API's routes and their OpenAPI document, from the same `#[utoipa::path]` handlers.
pub fn api() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    OpenApiRouter::with_openapi(openapi::ApiDoc::openapi())
        .routes(routes!(health::health))
        .routes(routes!(openapi::document))
        .routes(routes!(account::register))
        .routes(routes!(session::current, session::login, session::logout))
        .routes(routes!(session::logout_everywhere))
        .routes(routes!(me::change_password))
        .routes(routes!(me::erase))
        .routes(routes!(partners::list))
        .routes(routes!(profile::get, profile::put))
        .routes(routes!(visibility::get, visibility::put))
        .routes(routes!(visibility::preview))
        .routes(routes!(disclosures::list))
        .routes(routes!(recruiter::list))
        .routes(routes!(recruiter::open))
        .routes(routes!(newsletter::status, newsletter::subscribe, newsletter::withdraw))
        .routes(routes!(newsletter::receipt))
        .routes(routes!(newsletter::confirm))
        .routes(routes!(newsletter::unsubscribe))
        .routes(routes!(academy::get_participant, academy::put_participant, academy::stop))
        .routes(routes!(academy::my_page))
        .routes(routes!(academy::trainings))
        .routes(routes!(academy::enrol))
        .routes(routes!(academy::cancel))
        .routes(routes!(academy::roster))
        .routes(routes!(academy::record_attendance))
        .routes(routes!(export::export))
        .routes(routes!(export::schema))
        .routes(routes!(export::register))
        .routes(routes!(transfers::partner_keys))
        .routes(routes!(transfers::list))
        .routes(routes!(transfers::revoke))
        .routes(routes!(transfers::fetch))
        // The upload reads its body itself, up to the configured transfer size limit.
        .merge(OpenApiRouter::new().routes(routes!(transfers::create)).layer(DefaultBodyLimit::disable()))
        .split_for_parts()
}

/// The whole service: API, SPA, middleware.
pub fn app(state: AppState) -> Router {
    let (api, doc) = api();
    api.layer(Extension(Arc::new(doc)))
        .method_not_allowed_fallback(|| async { AppError::code(ErrorCode::MethodNotAllowed) })
        .fallback(web::spa::serve)
        .layer(DefaultBodyLimit::max(MAX_JSON_BODY))
        .layer(middleware::from_fn(web::csrf::check))
        .layer(
            // Method and route only: no query string, no headers, no bodies, and the route's
            // pattern rather than the path, so tokens in paths stay out (ASVS 5.0 16.2.5).
            TraceLayer::new_for_http()
                .make_span_with(|r: &Request<_>| {
                    let route = r.extensions().get::<MatchedPath>().map(MatchedPath::as_str);
                    tracing::info_span!("http", method = %r.method(), path = %route.unwrap_or(r.uri().path()))
                })
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .layer(middleware::from_fn_with_state(state.clone(), web::headers::add))
        .with_state(state)
}

/// The client's IP address as the socket saw it; `unknown` when the server runs without
/// connection info (tests). Only ever stored hashed, in rate-limit counters.
pub struct ClientIp(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let ip = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip().to_string())
            .or_else(|| {
                parts
                    .extensions
                    .get::<axum::extract::connect_info::MockConnectInfo<SocketAddr>>()
                    .map(|m| m.0.ip().to_string())
            })
            .unwrap_or_else(|| "unknown".to_owned());
        Ok(ClientIp(ip))
    }
}
