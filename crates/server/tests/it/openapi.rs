//! The OpenAPI document is generated from the handlers: every route is in it, and nothing
//! is in it that is not routed.

use crate::common;

use axum::http::{Method, StatusCode};
use common::{Reply, TestApp};
use serde_json::{json, Value};

#[tokio::test]
async fn the_document_lists_every_endpoint_and_each_answers() {
    let app = TestApp::new().await;
    let r = app.get("/api/openapi.json", None).await;
    assert_eq!(r.status, StatusCode::OK);
    let doc = r.body;
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    let mut operations = Vec::new();
    for (path, item) in paths {
        for method in item.as_object().unwrap().keys() {
            operations.push(format!("{} {path}", method.to_uppercase()));
        }
    }
    operations.sort();
    let mut expected = vec![
        "DELETE /api/me/account",
        "DELETE /api/me/profile",
        "DELETE /api/me/enrolments/{training_id}",
        "DELETE /api/me/newsletter",
        "DELETE /api/me/participant",
        "DELETE /api/me/sessions",
        "DELETE /api/me/second-factor",
        "POST /api/me/second-factor",
        "PUT /api/me/second-factor",
        "DELETE /api/session",
        "DELETE /api/me/transfers/{id}",
        "GET /api/me/transfers",
        "GET /api/transfer-links/{token}",
        "POST /api/transfer-links/{token}/file",
        "GET /api/newsletter/unsubscribe",
        "GET /api/transfers/partners",
        "POST /api/me/transfers",
        "GET /api/academy/trainings",
        "GET /api/export.schema.json",
        "GET /api/academy/trainings/{id}/roster",
        "GET /api/health",
        "GET /api/me/academy",
        "GET /api/me/disclosures",
        "GET /api/me/export",
        "GET /api/me/newsletter",
        "GET /api/me/newsletter/receipts/{id}",
        "GET /api/me/participant",
        "GET /api/me/profile",
        "GET /api/me/retention",
        "GET /api/me/register-changes",
        "POST /api/me/register-changes/seen",
        "GET /api/me/visibility",
        "GET /api/me/listing",
        "GET /api/me/withdrawals",
        "POST /api/me/listing/renew",
        "GET /api/me/visibility/preview/{partner}",
        "GET /api/me/visibility/receipts/{id}",
        "GET /api/contact",
        "GET /api/openapi.json",
        "GET /api/partners",
        "GET /api/recruiter/candidates",
        "GET /api/register",
        "GET /api/recruiter/candidates/{reference}",
        "GET /api/session",
        "GET /api/session/time-left",
        "POST /api/academy/enrolments/{id}/attendance",
        "POST /api/account",
        "POST /api/account/confirm",
        "POST /api/email-change/confirm",
        "POST /api/me/email",
        "POST /api/me/enrolments",
        "POST /api/me/newsletter",
        "POST /api/me/password/check",
        "POST /api/newsletter/confirm",
        "POST /api/newsletter/unsubscribe",
        "POST /api/session",
        "POST /api/password-reset",
        "POST /api/password-reset/confirm",
        "PUT /api/me/participant",
        "PUT /api/me/password",
        "PUT /api/me/profile",
        "PUT /api/me/visibility",
        "GET /api/me/requests",
        "POST /api/me/requests",
        "GET /api/me/requests/{id}",
        "GET /api/privacy/requests",
        "GET /api/privacy/requests/{id}",
        "GET /api/privacy/requests/{id}/person",
        "POST /api/privacy/requests/{id}/answer",
        "POST /api/privacy/requests/{id}/extension",
        "POST /api/privacy/requests/{id}/close",
        "POST /api/privacy/requests/{id}/verification",
        "GET /api/me/breach-notices",
        "POST /api/me/breach-notices/{id}/read",
        "GET /api/privacy/breaches",
        "POST /api/privacy/breaches",
        "POST /api/privacy/breaches/preview",
        "GET /api/privacy/breaches/{id}",
        "POST /api/privacy/breaches/{id}/send",
        "PUT /api/me/language",
        "GET /api/me/overview",
        "GET /api/me/passkeys",
        "POST /api/me/passkeys/start",
        "POST /api/me/passkeys/finish",
        "DELETE /api/me/passkeys/{id}",
        "POST /api/session/passkey/start",
        "POST /api/session/passkey/finish",
        "POST /api/me/reauth/passkey/start",
        "POST /api/me/reauth/passkey/finish",
        "GET /api/admin/staff",
        "POST /api/admin/invitations",
        "DELETE /api/admin/invitations/{id}",
        "POST /api/admin/staff/{id}/suspend",
        "POST /api/admin/staff/{id}/reinstate",
        "DELETE /api/admin/staff/{id}",
        "POST /api/admin/reviews",
        "GET /api/admin/audit",
        "GET /api/admin/partner-keys",
        "PUT /api/admin/partner-keys/{slug}",
        "DELETE /api/admin/partner-keys/{slug}",
        "GET /api/invitations/{token}",
        "POST /api/invitations/accept",
        "GET /api/academy/catalogue",
        "POST /api/academy/catalogue",
        "GET /api/academy/catalogue/{id}",
        "PUT /api/academy/catalogue/{id}",
        "POST /api/academy/catalogue/{id}/cancel",
    ];
    expected.sort();
    assert_eq!(operations, expected);
    // Every operation has its own id (generated clients name their methods after them).
    let mut ids: Vec<&str> = paths
        .values()
        .flat_map(|item| item.as_object().unwrap().values())
        .map(|op| op["operationId"].as_str().unwrap())
        .collect();
    let count = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), count, "operation ids are unique: {ids:?}");
    // Each documented operation is routed (an unrouted path would be a JSON 404 or 405). A
    // link's token that does not exist is a 404 of the handler: those are checked by name.
    for op in &operations {
        let (method, path) = op.split_once(' ').unwrap();
        if path.starts_with("/api/transfer-links/") {
            let r = app.call(Method::from_bytes(method.as_bytes()).unwrap(), path, None, None).await;
            assert_eq!((r.status, r.code()), (StatusCode::NOT_FOUND, "not_found"), "{op}");
            continue;
        }
        let r = app.call(Method::from_bytes(method.as_bytes()).unwrap(), path, None, None).await;
        assert!(
            r.status != StatusCode::NOT_FOUND && r.status != StatusCode::METHOD_NOT_ALLOWED,
            "{op} is documented but not routed ({})",
            r.status
        );
    }
    // Schemas from the shared model are referenced, not duplicated by hand.
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for name in [
        "ApiError",
        "ErrorCode",
        "SessionInfo",
        "SessionTimeLeft",
        "Registration",
        "EmailChange",
        "Credentials",
        "Partner",
        "Profile",
        "Visibility",
        "CandidateView",
        "CandidateList",
        "Disclosure",
        "Preview",
        "NewsletterStatus",
        "ConsentEvent",
        "PrivacyRequest",
        "QueueEntry",
        "StaffRequest",
    ] {
        assert!(schemas.contains_key(name), "{name} missing");
    }
    assert!(doc["components"]["securitySchemes"]["session"].is_object());
    // ErrorCode's serde is written by hand (smaller wasm): the documented values are exactly
    // what goes over the wire.
    let documented: Vec<&str> =
        schemas["ErrorCode"]["enum"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    let wire: Vec<String> = zelfregie_model::ErrorCode::ALL
        .iter()
        .map(|c| serde_json::to_value(c).unwrap().as_str().unwrap().to_owned())
        .collect();
    assert_eq!(documented, wire);
    assert!(wire.contains(&"csrf_header_missing".to_owned()));
}

/// Issue 24: what other tools need from the document. The licence has its SPDX identifier
/// (swagger-parser refused the document without one), and an upload body is bytes (`type:
/// string, format: binary`), not an array of numbers.
#[tokio::test]
async fn the_document_names_its_licence_and_types_uploads_as_bytes() {
    let app = TestApp::new().await;
    let doc = app.get("/api/openapi.json", None).await.body;
    assert_eq!(doc["info"]["license"]["identifier"], "EUPL-1.2");
    let body =
        &doc["paths"]["/api/me/transfers"]["post"]["requestBody"]["content"]["application/octet-stream"]["schema"];
    let schema = match body.get("$ref").and_then(|r| r.as_str()) {
        Some(r) => doc["components"]["schemas"][r.rsplit('/').next().unwrap()].clone(),
        None => body.clone(),
    };
    assert_eq!(
        (schema["type"].as_str(), schema["format"].as_str()),
        (Some("string"), Some("binary")),
        "{body} {schema}"
    );
}

/// Issue 20: every path the SPA calls (`zelfregie_model::links::api::ALL`, from which
/// `src/api.rs` takes every request) is an operation of the document with that method, so a
/// path renamed on one side and not the other fails here, not in a person's browser.
#[test]
fn every_path_the_app_calls_is_in_the_document_with_its_method() {
    let doc = zelfregie_server::http::openapi::finish(zelfregie_server::http::api().1);
    let paths = doc["paths"].as_object().expect("paths");
    let mut missing = Vec::new();
    for endpoint in zelfregie_model::links::api::ALL {
        let method = endpoint.method.as_str().to_lowercase();
        if paths.get(endpoint.template).and_then(|p| p.get(&method)).is_none() {
            missing.push(format!("{} {}", endpoint.method.as_str(), endpoint.template));
        }
    }
    assert!(missing.is_empty(), "the app calls what the API does not have: {missing:?}");
    assert!(zelfregie_model::links::api::ALL.len() > 80, "the list is the app's whole list");
}

/// Roles a `session` security requirement may name, and the account that has each.
const ROLES: [&str; 5] = ["person", "recruiter", "academy_staff", "privacy_staff", "administrator"];

/// Issue 24, driven by the document itself: every operation is called without a session,
/// with a session of each role it does not name, with unknown path ids, and with requests
/// built from its own schemas (the least they allow, the longest strings, the most list
/// items) in a session of the role it names. Every status that comes back must be documented
/// for that operation, an operation needs a session exactly when its `security` says so, and
/// a request the schemas allow is not refused for its form (400 `malformed_request`, 415,
/// 428, or 422 with a code a schema can express: `required`, `too_long`, …).
#[tokio::test]
async fn every_status_is_documented_and_schema_valid_requests_are_accepted() {
    let app = TestApp::demo().await;
    let doc = app.get("/api/openapi.json", None).await.body;
    let generator = Generator { doc: &doc };
    let mut people = People::new(&app).await;
    let mut problems = Vec::new();
    let mut requests = 0;
    let paths = doc["paths"].as_object().unwrap();
    for (path, item) in paths {
        for (method, op) in item.as_object().unwrap() {
            let name = format!("{} {path}", method.to_uppercase());
            let documented: Vec<&str> = op["responses"].as_object().unwrap().keys().map(String::as_str).collect();
            // No `security` (and none for the whole document) means public, too.
            let security = op["security"].as_array().cloned().unwrap_or_default();
            let optional = security.iter().any(|r| r.as_object().is_some_and(|o| o.is_empty()));
            let needs_session = !security.is_empty() && !optional;
            let roles: Vec<&str> =
                security.iter().filter_map(|r| r["session"].as_array()).flatten().filter_map(Value::as_str).collect();
            let mut check = |case: &str, r: &Reply, problems: &mut Vec<String>| {
                requests += 1;
                if !documented.contains(&r.status.as_str()) {
                    problems.push(format!("{name} ({case}): {} `{}` is not documented", r.status.as_u16(), r.code()));
                }
                // What the document says is JSON is JSON (an error in our format, not text).
                let json = op["responses"][r.status.as_str()]["content"].get("application/json").is_some();
                if json && serde_json::from_slice::<Value>(&r.raw).is_err() {
                    problems.push(format!(
                        "{name} ({case}): {} is not JSON: {}",
                        r.status,
                        String::from_utf8_lossy(&r.raw)
                    ));
                }
            };
            // Without a session.
            let call = generator.request(method, path, op, Size::Min);
            let r = app.send(call.build(None, None)).await;
            check("no session", &r, &mut problems);
            if needs_session && r.status != StatusCode::UNAUTHORIZED {
                problems.push(format!("{name}: needs a session by its `security`, answered {} without", r.status));
            }
            if !needs_session && r.status == StatusCode::UNAUTHORIZED && r.code() == "unauthenticated" {
                problems.push(format!("{name}: public by its `security`, answered 401 `unauthenticated`"));
            }
            // Sessions of the roles it does not name.
            if !roles.is_empty() {
                for role in ROLES.iter().filter(|r| !roles.contains(r)) {
                    let cookie = people.shared(role).await;
                    let r = app.send(call.build(Some(&cookie), None)).await;
                    check(&format!("as {role}"), &r, &mut problems);
                    if r.status != StatusCode::FORBIDDEN {
                        problems.push(format!("{name}: for {roles:?} only, answered {} to {role}", r.status));
                    }
                }
            }
            // An operation that names no role takes every one.
            if needs_session && roles.is_empty() {
                for role in ROLES {
                    let cookie = people.get(role, method != "get").await;
                    let etag = generator.etag(&app, path, op, Some(&cookie)).await;
                    let r = app.send(call.build(Some(&cookie), etag.as_deref())).await;
                    check(&format!("as {role}"), &r, &mut problems);
                    if r.status == StatusCode::FORBIDDEN && r.code() == "forbidden" {
                        problems.push(format!("{name}: names no role in its `security`, refused {role}"));
                    }
                }
            }
            let role = roles.first().copied().unwrap_or("person");
            let fresh = method != "get";
            // Unknown path ids, and ids too large for their type, in a session of the right role.
            if path.contains('{') {
                let cookie = if security.is_empty() { None } else { Some(people.get(role, fresh).await) };
                let etag = generator.etag(&app, path, op, cookie.as_deref()).await;
                let r = app.send(call.build(cookie.as_deref(), etag.as_deref())).await;
                check("unknown ids", &r, &mut problems);
                let mut beyond = generator.request(method, path, op, Size::Min);
                beyond.uri = beyond.uri.replace("999999999", "99999999999999999999");
                let r = app.send(beyond.build(cookie.as_deref(), etag.as_deref())).await;
                check("ids beyond their type", &r, &mut problems);
            }
            // Requests the schemas allow, in a session of the right role.
            for size in [Size::Min, Size::Long, Size::Many] {
                let cookie = if security.is_empty() { None } else { Some(people.get(role, fresh).await) };
                let call = generator.request(method, path, op, size);
                if let Some((schema, body)) = &call.json {
                    let mut root = json!({"components": doc["components"]});
                    root.as_object_mut().unwrap().extend(schema.as_object().unwrap().clone());
                    let validator = jsonschema::validator_for(&root).unwrap();
                    // A pattern without an example is one the test cannot fill in.
                    if let Err(e) = validator.validate(body) {
                        problems.push(format!("{name} ({size:?}): no valid body from the document's examples: {e}"));
                        continue;
                    }
                }
                let etag = generator.etag(&app, path, op, cookie.as_deref()).await;
                let r = app.send(call.build(cookie.as_deref(), etag.as_deref())).await;
                check(&format!("{size:?}"), &r, &mut problems);
                if refused(&r) {
                    problems.push(format!(
                        "{name} ({size:?}): a request the document allows was refused: {} {}",
                        r.status.as_u16(),
                        r.body
                    ));
                }
            }
        }
    }
    eprintln!(
        "{requests} requests to {} operations",
        paths.values().map(|i| i.as_object().unwrap().len()).sum::<usize>()
    );
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

/// Refused for its form: what a schema could have said.
fn refused(r: &Reply) -> bool {
    const FORM: [&str; 16] = [
        "required",
        "too_long",
        "too_many",
        "out_of_range",
        "password_too_short",
        "password_too_long",
        "invalid_characters",
        "email_invalid",
        "postcode_invalid",
        "phone_invalid",
        "house_number_invalid",
        "month_invalid",
        "number_invalid",
        "duplicate",
        "unknown_partner",
        "dates_out_of_order",
    ];
    match r.status.as_u16() {
        400 => r.code() == "malformed_request",
        415 | 428 => true,
        422 => {
            let fields = r.body["fields"].as_array().cloned().unwrap_or_default();
            FORM.contains(&r.code()) || fields.iter().any(|f| FORM.contains(&f["code"].as_str().unwrap_or("")))
        }
        _ => false,
    }
}

/// Sessions for the test: one per role to be refused with, and fresh people where a request
/// may change the account (log out everywhere, erase).
struct People<'a> {
    app: &'a TestApp,
    hash: String,
    shared: std::collections::HashMap<&'static str, String>,
    made: usize,
}

impl<'a> People<'a> {
    async fn new(app: &'a TestApp) -> Self {
        let hash = app.state.passwords.hash(zelfregie_model::Password::new(common::PASSWORD)).await.unwrap();
        Self { app, hash, shared: Default::default(), made: 0 }
    }

    /// A new account of `role` and a session opened with a second factor (as staff need).
    async fn fresh(&mut self, role: &str) -> String {
        use zelfregie_model::Role;
        self.made += 1;
        let email = format!("openapi-{role}-{}@example.org", self.made);
        let (role, partner) = match role {
            "person" => (Role::Person, None),
            "recruiter" => (Role::Recruiter, Some("kerkrade")),
            "academy_staff" => (Role::AcademyStaff, None),
            "privacy_staff" => (Role::PrivacyStaff, None),
            "administrator" => (Role::Administrator, None),
            other => panic!("unknown role {other}"),
        };
        let db = &self.app.state.db;
        let id = zelfregie_domain::accounts::create(db, &email, &self.hash, role, partner).await.unwrap();
        let token = zelfregie_domain::auth::session::create(db, id, true).await.unwrap();
        format!("{}={token}", self.app.state.cookies.session_name())
    }

    async fn shared(&mut self, role: &str) -> String {
        let role = ROLES.into_iter().find(|r| *r == role).unwrap();
        if !self.shared.contains_key(role) {
            let cookie = self.fresh(role).await;
            self.shared.insert(role, cookie);
        }
        self.shared[role].clone()
    }

    async fn get(&mut self, role: &str, fresh: bool) -> String {
        if fresh {
            self.fresh(role).await
        } else {
            self.shared(role).await
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Size {
    /// Required properties only, shortest strings, fewest items, lowest numbers.
    Min,
    /// Every property, longest strings, one list item, highest numbers.
    Long,
    /// Every property, as many list items as allowed, each small.
    Many,
}

/// A request built from an operation's document.
struct Call {
    method: Method,
    uri: String,
    content_type: Option<String>,
    json: Option<(Value, Value)>,
    raw: Option<Vec<u8>>,
    if_match: bool,
}

impl Call {
    fn build(&self, cookie: Option<&str>, etag: Option<&str>) -> axum::http::Request<axum::body::Body> {
        let mut b = axum::http::Request::builder().method(self.method.clone()).uri(&self.uri);
        if self.method != Method::GET {
            b = b.header("x-requested-with", "zelfregie");
        }
        if let Some(c) = cookie {
            b = b.header(axum::http::header::COOKIE, c);
        }
        if self.if_match {
            b = b.header(axum::http::header::IF_MATCH, etag.unwrap_or("\"unknown-0\""));
        }
        if let Some(t) = &self.content_type {
            b = b.header(axum::http::header::CONTENT_TYPE, t);
        }
        let body = match (&self.json, &self.raw) {
            (Some((_, v)), _) => axum::body::Body::from(v.to_string()),
            (None, Some(bytes)) => axum::body::Body::from(bytes.clone()),
            _ => axum::body::Body::empty(),
        };
        b.body(body).unwrap()
    }
}

/// Values from schemas.
struct Generator<'a> {
    doc: &'a Value,
}

impl Generator<'_> {
    /// The request for `op` at `size`, with path ids that exist nowhere.
    fn request(&self, method: &str, path: &str, op: &Value, size: Size) -> Call {
        let mut uri = path.to_owned();
        let mut query = Vec::new();
        let mut if_match = false;
        for p in op["parameters"].as_array().into_iter().flatten() {
            let name = p["name"].as_str().unwrap();
            match p["in"].as_str().unwrap() {
                "path" => {
                    let v =
                        if p["schema"]["type"] == "integer" { "999999999".to_owned() } else { "unknown".to_owned() };
                    uri = uri.replace(&format!("{{{name}}}"), &v);
                }
                "query" => {
                    if size == Size::Min && p["required"] != true {
                        continue;
                    }
                    let v = self.value(&p["schema"], size, 0);
                    let text = match v {
                        Value::String(s) => s,
                        Value::Null => continue,
                        other => other.to_string(),
                    };
                    query.push(format!(
                        "{name}={}",
                        url::form_urlencoded::byte_serialize(text.as_bytes()).collect::<String>()
                    ));
                }
                "header" if name.eq_ignore_ascii_case("if-match") => if_match = p["required"] == true,
                _ => {}
            }
        }
        if !query.is_empty() {
            uri = format!("{uri}?{}", query.join("&"));
        }
        let content = op["requestBody"]["content"].as_object();
        let (mut content_type, mut json, mut raw) = (None, None, None);
        if let Some((t, media)) = content.and_then(|c| c.iter().next()) {
            content_type = Some(t.clone());
            if t == "application/json" {
                json = Some((media["schema"].clone(), self.value(&media["schema"], size, 0)));
            } else {
                raw = Some(b"not an age file, but bytes the schema allows".to_vec());
            }
        }
        Call {
            method: Method::from_bytes(method.to_uppercase().as_bytes()).unwrap(),
            uri,
            content_type,
            json,
            raw,
            if_match,
        }
    }

    /// The `ETag` a client would send back: a `GET` of the same path first.
    async fn etag(&self, app: &TestApp, path: &str, op: &Value, cookie: Option<&str>) -> Option<String> {
        let wants = op["parameters"].as_array().into_iter().flatten().any(|p| p["name"] == "If-Match");
        if !wants {
            return None;
        }
        let r = app.get(path, cookie).await;
        Some(r.header("etag").to_owned()).filter(|e| !e.is_empty())
    }

    /// `schema` with its `$ref` resolved; keywords next to the `$ref` apply too.
    fn resolve(&self, schema: &Value) -> Value {
        match schema.get("$ref").and_then(Value::as_str) {
            Some(r) => {
                let name = r.rsplit('/').next().unwrap();
                let mut base = self.resolve(&self.doc["components"]["schemas"][name]);
                for (k, v) in schema.as_object().unwrap() {
                    if k != "$ref" {
                        base[k] = v.clone();
                    }
                }
                base
            }
            None => schema.clone(),
        }
    }

    fn value(&self, schema: &Value, size: Size, n: usize) -> Value {
        let s = self.resolve(schema);
        if let Some(e) = s.get("example") {
            return match e.as_str() {
                // Distinct addresses in a list of them.
                Some(text) if n > 0 && text.contains('@') => json!(format!("{}{text}", tag(n))),
                _ => e.clone(),
            };
        }
        if let Some(c) = s.get("const") {
            return c.clone();
        }
        if let Some(options) = s["enum"].as_array() {
            return options[n % options.len()].clone();
        }
        for key in ["oneOf", "anyOf"] {
            if let Some(variants) = s[key].as_array() {
                let nullable = variants.iter().any(|v| v["type"] == "null") && s["not"]["type"] != "null";
                if size == Size::Min && nullable {
                    return Value::Null;
                }
                // Keywords next to `oneOf` (the limits of an optional value) apply to it too.
                let mut v = self.resolve(variants.iter().find(|v| v["type"] != "null").unwrap());
                for (k, rule) in s.as_object().unwrap() {
                    if !matches!(k.as_str(), "oneOf" | "anyOf" | "default" | "description" | "not") {
                        v[k] = rule.clone();
                    }
                }
                return self.value(&v, size, n);
            }
        }
        if let Some(parts) = s["allOf"].as_array() {
            let mut merged = json!({"type": "object", "properties": {}, "required": []});
            for part in parts {
                let part = self.resolve(part);
                for (k, v) in part["properties"].as_object().into_iter().flatten() {
                    merged["properties"][k] = v.clone();
                }
                for r in part["required"].as_array().into_iter().flatten() {
                    merged["required"].as_array_mut().unwrap().push(r.clone());
                }
            }
            return self.value(&merged, size, n);
        }
        let ty = match &s["type"] {
            Value::String(t) => t.clone(),
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).find(|t| *t != "null").unwrap_or("null").to_owned(),
            _ => "object".to_owned(),
        };
        let int = |key: &str| s[key].as_i64();
        match ty.as_str() {
            "object" => {
                // What an `if` may demand (`then`) is given in any case.
                let required: Vec<&str> = [&s["required"], &s["then"]["required"]]
                    .into_iter()
                    .filter_map(Value::as_array)
                    .flatten()
                    .filter_map(Value::as_str)
                    .collect();
                let mut properties = s["properties"].clone();
                for (k, rule) in s["then"]["properties"].as_object().into_iter().flatten() {
                    for (key, v) in rule.as_object().unwrap() {
                        properties[k][key] = v.clone();
                    }
                }
                let mut out = serde_json::Map::new();
                for (k, p) in properties.as_object().into_iter().flatten() {
                    if size == Size::Min && !required.contains(&k.as_str()) {
                        continue;
                    }
                    out.insert(k.clone(), self.value(p, size, n));
                }
                Value::Object(out)
            }
            "array" => {
                let items = self.resolve(&s["items"]);
                let min = int("minItems").unwrap_or(0) as usize;
                let mut count = match size {
                    Size::Min => min,
                    Size::Long => min.max(1),
                    Size::Many => int("maxItems").map_or(50, |m| m as usize),
                };
                if let Some(options) = items["enum"].as_array() {
                    count = count.min(options.len());
                }
                Value::Array((0..count).map(|i| self.value(&items, size, n * 1000 + i + 1)).collect())
            }
            "string" => match s["format"].as_str() {
                Some("date-time") => json!("2026-01-01T00:00:00Z"),
                Some("date") => json!("2026-01-01"),
                _ => {
                    let min = int("minLength").unwrap_or(0) as usize;
                    let len = match size {
                        Size::Min => min,
                        Size::Long => int("maxLength").map_or(10_000, |m| m as usize),
                        Size::Many => min.max(1).max(tag(n).len()),
                    };
                    json!(text(len, n))
                }
            },
            "integer" => match size {
                Size::Min => json!(int("minimum").unwrap_or(0)),
                _ => {
                    json!(int("maximum").unwrap_or(if s["format"] == "int64" { i64::MAX } else { i64::from(i32::MAX) }))
                }
            },
            "number" => match size {
                Size::Min => json!(s["minimum"].as_f64().unwrap_or(0.0)),
                _ => json!(s["maximum"].as_f64().unwrap_or(1e9)),
            },
            "boolean" => json!(size != Size::Min),
            _ => Value::Null,
        }
    }
}

/// Letters that tell list item `n` from the others (`b`, `c`, …, `ba`).
fn tag(n: usize) -> String {
    let mut out = Vec::new();
    let mut n = n;
    loop {
        out.push(b'a' + (n % 26) as u8);
        n /= 26;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap()
}

/// Plain text of exactly `len` characters, distinct for each `n`: no digits (no BSN), not a
/// common password, not the example address.
fn text(len: usize, n: usize) -> String {
    let tag = if n == 0 { String::new() } else { tag(n) };
    tag.chars().chain("kwartelzangvogel".chars().cycle()).take(len).collect()
}

/// The patterns the document gives (e-mail address, phone number, postcode, house number,
/// month) accept nothing the model's validation refuses: a client that follows them is
/// never refused for the form.
#[test]
fn the_patterns_accept_only_what_the_model_accepts() {
    use zelfregie_model::account::validate_email;
    use zelfregie_model::checks::{normalize_postcode, validate_phone};
    use zelfregie_model::openapi::{EMAIL_PATTERN, PHONE_PATTERN};
    let matches = |pattern: &str, text: &str| {
        jsonschema::validator_for(&json!({"type": "string", "pattern": pattern})).unwrap().is_valid(&json!(text))
    };
    let emails = [
        "iemand@example.nl",
        "sanne.vandijk@example.org",
        "a+b@x.io",
        "o'neil@sub.domain.example",
        "x@xn--p1ai.xn--p1ai",
        &format!("{}@example.nl", "a".repeat(64)),
        &format!("{}@example.nl", "a".repeat(65)),
        "a@b.c",
        "a@b.12",
        "a@b.1a",
        ".a@b.nl",
        "a.@b.nl",
        "a..b@c.nl",
        "a@-b.nl",
        "a@b-.nl",
        "a@b..nl",
        "a@nl",
        "a b@c.nl",
        "a@b@c.nl",
        "",
    ];
    for email in emails {
        if matches(EMAIL_PATTERN, email) {
            assert_eq!(validate_email(email), Ok(()), "{email} matches the pattern");
        }
    }
    assert!(matches(EMAIL_PATTERN, "sanne.vandijk@example.org"));
    let phones =
        ["06 1234 5678", "045 567 89 01", "+31 (0)6-12345678", "0612345678", "123456789", "+", "06-1234-567a", ""];
    for phone in phones {
        if matches(PHONE_PATTERN, phone) && !phone.is_empty() {
            assert_eq!(validate_phone(phone), Ok(()), "{phone} matches the pattern");
        }
    }
    assert!(matches(PHONE_PATTERN, "045 567 89 01"));
    // The profile's own patterns, from the document.
    let doc = zelfregie_server::http::openapi::finish(zelfregie_server::http::api().1);
    let personal = &doc["components"]["schemas"]["PersonalInput"]["properties"];
    let postcode = personal["postcode"]["pattern"].as_str().unwrap();
    for code in ["1234 AB", "1234ab", "9999 ZZ", "1234 SA", "1234 SD", "1234 SS", "1234 SB", "0123 AB", "1234 A", ""] {
        if matches(postcode, code) && !code.is_empty() {
            assert!(normalize_postcode(code).is_ok(), "{code} matches the pattern");
        }
    }
    let month = doc["components"]["schemas"]["Month"]["pattern"].as_str().unwrap();
    for m in ["2024-09", "1900-01", "2100-12", "2101-01", "1899-12", "2024-13", "2024-00", "24-09"] {
        assert_eq!(matches(month, m), zelfregie_model::Month::parse(m).is_some(), "{m}");
    }
}
