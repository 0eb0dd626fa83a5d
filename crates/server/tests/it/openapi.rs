//! The OpenAPI document is generated from the handlers: every route is in it, and nothing
//! is in it that is not routed.

use crate::common;

use axum::http::{Method, StatusCode};
use common::TestApp;

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
        "GET /api/me/visibility",
        "GET /api/me/listing",
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
        "GET /api/me/breach-notices",
        "POST /api/me/breach-notices/{id}/read",
        "GET /api/privacy/breaches",
        "POST /api/privacy/breaches",
        "POST /api/privacy/breaches/preview",
        "GET /api/privacy/breaches/{id}",
        "POST /api/privacy/breaches/{id}/send",
        "GET /api/me/passkeys",
        "POST /api/me/passkeys/start",
        "POST /api/me/passkeys/finish",
        "DELETE /api/me/passkeys/{id}",
        "POST /api/session/passkey/start",
        "POST /api/session/passkey/finish",
        "POST /api/me/reauth/passkey/start",
        "POST /api/me/reauth/passkey/finish",
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
