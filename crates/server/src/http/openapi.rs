//! The OpenAPI 3 document, generated from the handlers and model types.

use std::sync::Arc;

use axum::{Extension, Json};
use serde_json::{json, Value};
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
        (name = "breaches", description = "Breach notices: privacy staff write and send them once; each affected person reads and marks them"),
        (name = "administration", description = "Administration: invitations, the staff list and its review, suspension and revocation, the log; never a candidate's data")
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
pub async fn document(Extension(doc): Extension<Arc<Value>>) -> axum::response::Response {
    use axum::response::IntoResponse;
    Json(&*doc).into_response()
}

/// The served document: what `utoipa` derives from the handlers, with unique operation ids,
/// the request rules of the shared model ([`zelfregie_model::openapi::request_rules`]) and of
/// the query parameters, and every status an operation can answer (see [`statuses`]).
pub fn finish(mut doc: utoipa::openapi::OpenApi) -> Value {
    unique_operation_ids(&mut doc);
    let mut doc = serde_json::to_value(&doc).expect("the document is JSON");
    for (schema, property, rule) in zelfregie_model::openapi::request_rules() {
        let target = &mut doc["components"]["schemas"][schema];
        assert!(target.is_object(), "rule for unknown schema {schema}");
        match property {
            None => merge(target, &rule),
            Some(property) => {
                let found = properties_mut(target, property);
                assert!(!found.is_empty(), "rule for unknown property {schema}.{property}");
                for p in found {
                    merge(p, &rule);
                }
            }
        }
    }
    // Same origin as the SPA: the API is at `/api/` of wherever the portal is served.
    doc["servers"] = json!([{"url": "/", "description": "the portal's own origin"}]);
    query_rules(&mut doc);
    input_schemas(&mut doc);
    statuses(&mut doc);
    doc
}

/// Adds `rule`'s keywords to `target`: objects merge, a `required` list is joined, anything
/// else replaces. A schema that is only a `$ref` (with a description) keeps it: JSON Schema
/// 2020-12 applies keywords next to a `$ref` as well.
fn merge(target: &mut Value, rule: &Value) {
    let (Some(target), Some(rule)) = (target.as_object_mut(), rule.as_object()) else { return };
    for (key, value) in rule {
        match (key.as_str(), target.get_mut(key)) {
            ("required", Some(Value::Array(list))) => {
                for v in value.as_array().into_iter().flatten() {
                    if !list.contains(v) {
                        list.push(v.clone());
                    }
                }
            }
            (_, Some(existing)) if existing.is_object() && value.is_object() => merge(existing, value),
            _ => {
                target.insert(key.clone(), value.clone());
            }
        }
    }
}

/// Every schema named `property` among `schema`'s properties, also inside `allOf`/`oneOf`
/// members (flattened and tagged enums).
fn properties_mut<'a>(schema: &'a mut Value, property: &str) -> Vec<&'a mut Value> {
    let mut out = Vec::new();
    let Some(object) = schema.as_object_mut() else { return out };
    for (key, value) in object.iter_mut() {
        match key.as_str() {
            "properties" => {
                if let Some(p) = value.get_mut(property) {
                    out.push(p);
                }
            }
            "allOf" | "oneOf" | "anyOf" => {
                for member in value.as_array_mut().into_iter().flatten() {
                    out.extend(properties_mut(member, property));
                }
            }
            _ => {}
        }
    }
    out
}

/// The limits of query parameters, from the constants the handlers check them against.
fn query_rules(doc: &mut Value) {
    use zelfregie_model::CANDIDATES_MAX_PER_PAGE;
    let rules: [(&str, &str, Value); 4] = [
        ("/api/recruiter/candidates", "q", json!({"maxLength": super::recruiter::MAX_QUERY})),
        ("/api/recruiter/candidates", "after", json!({"maxLength": super::recruiter::MAX_QUERY})),
        ("/api/recruiter/candidates", "per_page", json!({"minimum": 1, "maximum": CANDIDATES_MAX_PER_PAGE})),
        ("/api/me/disclosures", "page", json!({"minimum": 1})),
    ];
    for (path, name, rule) in rules {
        let params = doc["paths"][path]["get"]["parameters"].as_array_mut().expect("documented path");
        let param = params.iter_mut().find(|p| p["name"] == name).expect("documented parameter");
        merge(&mut param["schema"], &rule);
    }
}

/// Request bodies that must not be empty where their answers may be: a profile or a course
/// registration before the first save has empty names, which a save refuses. Each schema with
/// such rules (and each schema that holds one) gets an `…Input` copy for request bodies; the
/// answers keep the original.
fn input_schemas(doc: &mut Value) {
    const INPUT_ONLY: [&str; 2] = ["Personal", "Participant"];
    let schemas = doc["components"]["schemas"].as_object().expect("schemas").clone();
    // The schemas request bodies reach.
    let mut reached: Vec<String> = doc["paths"]
        .as_object()
        .expect("paths")
        .values()
        .flat_map(|item| item.as_object().into_iter().flat_map(|i| i.values()))
        .flat_map(|op| refs(&op["requestBody"]))
        .collect();
    let mut i = 0;
    while i < reached.len() {
        for r in refs(&schemas[&reached[i]]) {
            if !reached.contains(&r) {
                reached.push(r);
            }
        }
        i += 1;
    }
    // Of those, the ones that hold (or are) one of INPUT_ONLY.
    let mut copy: Vec<String> = INPUT_ONLY.iter().map(|s| s.to_string()).collect();
    loop {
        let before = copy.len();
        for name in &reached {
            if !copy.contains(name) && refs(&schemas[name]).iter().any(|r| copy.contains(r)) {
                copy.push(name.clone());
            }
        }
        if copy.len() == before {
            break;
        }
    }
    let rename = |v: &mut Value| rewrite_refs(v, &copy);
    let mut added = serde_json::Map::new();
    for name in &copy {
        let mut schema = schemas[name].clone();
        rename(&mut schema);
        added.insert(format!("{name}Input"), schema);
    }
    // The originals describe answers: the rules that only requests must meet come off.
    for name in INPUT_ONLY {
        let original = &mut doc["components"]["schemas"][name];
        if let Some(o) = original.as_object_mut() {
            for key in ["required", "if", "then"] {
                o.remove(key);
            }
        }
        for property in original["properties"].as_object_mut().into_iter().flat_map(|p| p.values_mut()) {
            if let Some(p) = property.as_object_mut() {
                p.remove("minLength");
                if p.get("pattern").is_some() || p.get("enum").is_some() {
                    // An empty answer ("" before the first save) is allowed in answers.
                    let mut inner = std::mem::take(p);
                    for key in ["description", "default"] {
                        if let Some(v) = inner.remove(key) {
                            p.insert(key.into(), v);
                        }
                    }
                    p.insert("anyOf".into(), json!([{"const": ""}, inner]));
                }
            }
        }
    }
    let schemas = doc["components"]["schemas"].as_object_mut().expect("schemas");
    schemas.extend(added);
    for item in doc["paths"].as_object_mut().expect("paths").values_mut() {
        for op in item.as_object_mut().into_iter().flat_map(|i| i.values_mut()) {
            if let Some(body) = op.get_mut("requestBody") {
                rename(body);
            }
        }
    }
}

/// The component names `schema` refers to.
fn refs(schema: &Value) -> Vec<String> {
    match schema {
        Value::Object(o) => o
            .iter()
            .flat_map(|(k, v)| match (k.as_str(), v.as_str()) {
                ("$ref", Some(r)) => vec![r.rsplit('/').next().unwrap_or_default().to_owned()],
                _ => refs(v),
            })
            .collect(),
        Value::Array(a) => a.iter().flat_map(refs).collect(),
        _ => Vec::new(),
    }
}

/// Points every `$ref` to a schema in `names` at its `…Input` copy.
fn rewrite_refs(value: &mut Value, names: &[String]) {
    match value {
        Value::Object(o) => {
            for (k, v) in o.iter_mut() {
                match v {
                    Value::String(r) if k == "$ref" => {
                        let name = r.rsplit('/').next().unwrap_or_default();
                        if names.iter().any(|n| n == name) {
                            *r = format!("#/components/schemas/{name}Input");
                        }
                    }
                    _ => rewrite_refs(v, names),
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|v| rewrite_refs(v, names)),
        _ => {}
    }
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

/// The roles a `session` security requirement may name (OpenAPI 3.1: role names for
/// schemes other than OAuth): the handler's extractor refuses every other role with 403
/// `forbidden` ([`crate::http::sessions::PersonSession`] and the staff sessions).
const ROLES: [&str; 5] = ["person", "recruiter", "academy_staff", "privacy_staff", "administrator"];

/// Adds to every operation the statuses its route can answer whatever the handler does, from
/// what the document says about it (docs/api.md "Statuses"):
///
/// - every request: `400 malformed_request` (a `Content-Length` that is not a number, a path
///   or query that does not parse), `403 cross_site_request` (`Sec-Fetch-Site: cross-site`),
///   `408 request_timeout`, `413 payload_too_large` (a declared body over the limit),
///   `503 service_unavailable` (the database does not answer, with `Retry-After` when busy);
/// - a state-changing method: `403 csrf_header_missing` (the one-click unsubscribe excepted);
/// - a JSON body: `415 unsupported_media_type`, `422 invalid_characters` and the model's
///   per-field codes (`validation_failed`);
/// - a `session` requirement: `401 unauthenticated`; with role names, `403 forbidden`, and for
///   staff and recruiters `403 second_factor_required`;
/// - a path parameter: `404 not_found`;
/// - an `If-Match` header (then required): `412 precondition_failed`, `428
///   precondition_required`.
///
/// An operation without a requirement gets `security: []`: public. The statuses a handler
/// adds itself (409, 410, 429 …) are in its own annotation.
fn statuses(doc: &mut Value) {
    let paths = doc["paths"].as_object_mut().expect("paths");
    for (path, item) in paths.iter_mut() {
        for (method, op) in item.as_object_mut().expect("path item").iter_mut() {
            let mut add = Added::default();
            add.status("400", &["malformed_request"], "the request cannot be read");
            add.status("403", &["cross_site_request"], "refused");
            add.status("408", &["request_timeout"], "the request took too long to arrive; nothing was changed");
            add.status("413", &["payload_too_large"], "the request body is larger than allowed");
            add.status(
                "503",
                &["service_unavailable"],
                "the database does not answer, or the server is too busy; nothing was changed",
            );
            if method != "get" && path != crate::web::csrf::ONE_CLICK_UNSUBSCRIBE {
                add.status("403", &["csrf_header_missing"], "refused");
            }
            if op["requestBody"]["content"].get("application/json").is_some() {
                add.status("415", &["unsupported_media_type"], "the body is not JSON");
                add.status(
                    "422",
                    &["validation_failed", "invalid_characters"],
                    "the body breaks the model's rules (per-field codes in `fields`)",
                );
            }
            match op.get("security").and_then(Value::as_array) {
                None => {
                    op["security"] = json!([]);
                }
                Some(requirements) if requirements.iter().any(|r| r.as_object().is_some_and(|o| o.is_empty())) => {}
                Some(requirements) => {
                    add.status("401", &["unauthenticated"], "no session, or the session has ended");
                    let roles: Vec<&str> = requirements
                        .iter()
                        .filter_map(|r| r["session"].as_array())
                        .flatten()
                        .filter_map(Value::as_str)
                        .collect();
                    for role in &roles {
                        assert!(ROLES.contains(role), "{method} {path}: unknown role {role}");
                    }
                    if !roles.is_empty() {
                        add.status("403", &["forbidden"], "refused");
                    }
                    if roles.iter().any(|r| *r != "person") {
                        add.status("403", &["second_factor_required"], "refused");
                    }
                }
            }
            for param in op.get_mut("parameters").and_then(Value::as_array_mut).into_iter().flatten() {
                match (param["in"].as_str(), param["name"].as_str()) {
                    (Some("path"), _) => add.status("404", &["not_found"], "no such resource"),
                    (Some("header"), Some(name)) if name.eq_ignore_ascii_case(crate::web::csrf::HEADER) => {
                        param["schema"] = json!({"type": "string", "enum": [crate::web::csrf::VALUE]});
                    }
                    (Some("header"), Some("If-Match")) => {
                        param["required"] = json!(true);
                        // The document's strong ETag (`zelfregie_domain::documents`), named as its path ends.
                        let document = path.rsplit('/').next().unwrap_or_default();
                        param["schema"] = json!({
                            "type": "string",
                            "pattern": format!("^\"{document}-[0-9]+\"$"),
                            "example": format!("\"{document}-0\""),
                        });
                        add.status("412", &["precondition_failed"], "changed since it was read: reload");
                        add.status("428", &["precondition_required"], "`If-Match` is missing");
                    }
                    _ => {}
                }
            }
            add.apply(op);
        }
    }
}

/// Statuses to add to one operation, each with its codes.
#[derive(Default)]
struct Added(Vec<(&'static str, Vec<&'static str>, &'static str)>);

impl Added {
    fn status(&mut self, status: &'static str, codes: &[&'static str], what: &'static str) {
        match self.0.iter_mut().find(|(s, _, _)| *s == status) {
            Some((_, known, _)) => known.extend(codes),
            None => self.0.push((status, codes.to_vec(), what)),
        }
    }

    /// A status the operation documents already keeps its description, and gets the codes
    /// it does not name; a new one refers to the error schema.
    fn apply(self, op: &mut Value) {
        let responses = op["responses"].as_object_mut().expect("responses");
        for (status, codes, what) in self.0 {
            let named = |codes: &[&str]| codes.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ");
            match responses.get_mut(status) {
                Some(existing) => {
                    let description = existing["description"].as_str().unwrap_or_default().to_owned();
                    let missing: Vec<&str> =
                        codes.iter().copied().filter(|c| !description.contains(&format!("`{c}`"))).collect();
                    if !missing.is_empty() {
                        let joined = if description.is_empty() {
                            named(&missing)
                        } else {
                            format!("{description}; also {}", named(&missing))
                        };
                        existing["description"] = json!(joined);
                    }
                    if existing.get("content").is_none() {
                        existing["content"] = error_content();
                    }
                    if status == "503" && existing.get("headers").is_none() {
                        existing["headers"] = retry_after();
                    }
                }
                None => {
                    let mut response = json!({
                        "description": format!("{}: {what}", named(&codes)),
                        "content": error_content(),
                    });
                    if status == "503" {
                        response["headers"] = retry_after();
                    }
                    responses.insert(status.to_owned(), response);
                }
            }
        }
    }
}

fn error_content() -> Value {
    json!({"application/json": {"schema": {"$ref": "#/components/schemas/ApiError"}}})
}

fn retry_after() -> Value {
    json!({"Retry-After": {"description": "Seconds to wait before trying again", "schema": {"type": "integer", "minimum": 1}}})
}
