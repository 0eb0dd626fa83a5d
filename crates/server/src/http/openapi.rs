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
        license(name = "European Union Public Licence 1.2", identifier = "EUPL-1.2")
    ),
    modifiers(&SessionCookie),
    components(schemas(zelfregie_model::ApiError, zelfregie_model::ErrorCode, zelfregie_model::FieldError)),
    tags(
        (name = "system", description = "Health and this document"),
        (name = "account", description = "Accounts and sessions"),
        (name = "passkeys", description = "Passkeys (WebAuthn): add, list, remove, log in, confirm it is you"),
        (name = "reference", description = "Reference data"),
        (name = "profile", description = "The candidate's profile, visibility and disclosure log"),
        (name = "recruiter", description = "A partner's compartment of the candidate bank"),
        (name = "export", description = "Everything held about me: register, export and its schema"),
        (name = "academy", description = "IGOM academy: participants, catalogue, enrolments, attendance"),
        (name = "newsletter", description = "Newsletter consent: events, double opt-in, one-click unsubscribe, receipts"),
        (name = "transfers", description = "Exports encrypted in the browser, left for another organisation behind a one-time link"),
        (name = "requests", description = "Requests about one's rights, with the legal deadline; privacy staff's queue"),
        (name = "breaches", description = "Breach notices: privacy staff write and send them once; each affected person reads and marks them")
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

/// Makes every `operationId` unique: handlers in different modules share names (`get`,
/// `list`), so a name used more than once gets the path after it (`get_me_profile`).
pub fn unique_operation_ids(doc: &mut utoipa::openapi::OpenApi) {
    use std::collections::HashMap;
    let mut seen: HashMap<String, usize> = HashMap::new();
    for item in doc.paths.paths.values() {
        for op in operations(item) {
            if let Some(id) = &op.operation_id {
                *seen.entry(id.clone()).or_default() += 1;
            }
        }
    }
    for (path, item) in doc.paths.paths.iter_mut() {
        let slug: String = path
            .trim_start_matches("/api/")
            .chars()
            .filter(|c| !matches!(c, '{' | '}'))
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        for op in operations_mut(item) {
            if let Some(id) = op.operation_id.as_mut() {
                if seen.get(id.as_str()).copied().unwrap_or(0) > 1 {
                    *id = format!("{id}_{slug}");
                }
            }
        }
    }
}

fn operations(item: &utoipa::openapi::PathItem) -> impl Iterator<Item = &utoipa::openapi::path::Operation> {
    [&item.get, &item.put, &item.post, &item.delete, &item.options, &item.head, &item.patch, &item.trace]
        .into_iter()
        .flatten()
}

fn operations_mut(item: &mut utoipa::openapi::PathItem) -> impl Iterator<Item = &mut utoipa::openapi::path::Operation> {
    [
        &mut item.get,
        &mut item.put,
        &mut item.post,
        &mut item.delete,
        &mut item.options,
        &mut item.head,
        &mut item.patch,
        &mut item.trace,
    ]
    .into_iter()
    .flatten()
}
