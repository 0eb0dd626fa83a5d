//! The OpenAPI 3 document, generated from the handlers and model types.

use std::sync::Arc;

use axum::{Extension, Json};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
use utoipa::{Modify, OpenApi};

/// Top-level metadata; the paths come from `routes!` in [`super::api`].
#[derive(OpenApi)]
#[openapi(
    info(
        title = "zelfregie API",
        description = "Self-service privacy portal of the IGOM job-mobility network. Same origin as the SPA; \
JSON; cookie session. State-changing requests must carry `X-Requested-With: zelfregie`. Errors are \
`{\"code\": ..., \"fields\": [...]}` with stable codes.",
        license(name = "EUPL-1.2")
    ),
    modifiers(&SessionCookie),
    components(schemas(zelfregie_model::ApiError, zelfregie_model::ErrorCode, zelfregie_model::FieldError)),
    tags(
        (name = "system", description = "Health and this document"),
        (name = "account", description = "Accounts and sessions"),
        (name = "reference", description = "Reference data"),
        (name = "profile", description = "The candidate's profile, visibility and disclosure log"),
        (name = "recruiter", description = "A partner's compartment of the candidate bank"),
        (name = "export", description = "Everything held about me: register, export and its schema"),
        (name = "academy", description = "IGOM academy: participants, catalogue, enrolments, attendance"),
        (name = "newsletter", description = "Newsletter consent: events, double opt-in, one-click unsubscribe, receipts")
    )
)]
pub struct ApiDoc;

struct SessionCookie;

impl Modify for SessionCookie {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                "zelfregie-session",
                "HttpOnly session cookie; `__Host-zelfregie-session` when served over TLS",
            ))),
        );
    }
}

/// This document.
#[utoipa::path(get, path = "/api/openapi.json", tag = "system",
    responses((status = 200, description = "OpenAPI 3.1 document of every endpoint", content_type = "application/json")))]
pub async fn document(Extension(doc): Extension<Arc<utoipa::openapi::OpenApi>>) -> Json<utoipa::openapi::OpenApi> {
    Json((*doc).clone())
}
