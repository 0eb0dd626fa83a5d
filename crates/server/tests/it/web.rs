//! Security headers on every response, and the SPA served from the same origin with a CSP
//! that admits exactly its own inline loader.

use crate::common;

use axum::http::StatusCode;
use base64::Engine;
use common::TestApp;
use sha2::{Digest, Sha256};

const LOADER: &str = "\nimport init from '/zelfregie-0123456789abcdef.js';\nawait init();\n";

async fn app_with_spa() -> TestApp {
    let spa = tempfile::tempdir().unwrap().keep();
    std::fs::write(
        spa.join("index.html"),
        format!(
            "<!DOCTYPE html><html lang=\"nl\"><head><script type=\"module\">{LOADER}</script></head><body></body></html>"
        ),
    )
    .unwrap();
    std::fs::write(spa.join("zelfregie-0123456789abcdef.js"), "export default function init() {}").unwrap();
    std::fs::write(spa.join("zelfregie-0123456789abcdef.js.br"), b"\x0b\x02\x80not-really-brotli").unwrap();
    TestApp::with(|c| c.static_dir = spa).await
}

fn assert_security_headers(r: &common::Reply, what: &str) {
    let csp = r.header("content-security-policy");
    for part in [
        "default-src 'none'",
        "script-src 'self' 'wasm-unsafe-eval' 'sha256-",
        "connect-src 'self'",
        "img-src 'self' data:",
        "style-src 'self'",
        "font-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
    ] {
        assert!(csp.contains(part), "{what}: CSP lacks {part}: {csp}");
    }
    assert!(!csp.contains("'unsafe-inline'") && !csp.contains(" 'unsafe-eval'"), "{what}: {csp}");
    assert_eq!(r.header("x-content-type-options"), "nosniff", "{what}");
    assert_eq!(r.header("referrer-policy"), "no-referrer", "{what}");
    assert_eq!(r.header("cross-origin-opener-policy"), "same-origin", "{what}");
    assert_eq!(r.header("cross-origin-resource-policy"), "same-origin", "{what}");
    let pp = r.header("permissions-policy");
    for feature in ["camera=()", "geolocation=()", "microphone=()", "payment=()", "usb=()"] {
        assert!(pp.contains(feature), "{what}: {pp}");
    }
    // Passkeys: this origin only, never a frame of another.
    for feature in ["publickey-credentials-create=(self)", "publickey-credentials-get=(self)"] {
        assert!(pp.contains(feature), "{what}: {pp}");
    }
}

#[tokio::test]
async fn the_csp_admits_exactly_the_served_loader_script() {
    let app = app_with_spa().await;
    let r = app.get("/", None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_security_headers(&r, "index");
    let expected = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(LOADER.as_bytes()));
    let csp = r.header("content-security-policy");
    assert!(csp.contains(&format!("'sha256-{expected}'")), "{csp}");
    assert_eq!(csp.matches("'sha256-").count(), 1, "one inline script, one hash");
    assert_eq!(r.header("cache-control"), "no-cache");
}

#[tokio::test]
async fn client_routes_get_index_html_and_api_paths_do_not() {
    let app = app_with_spa().await;
    for path in ["/inloggen", "/account", "/een/pagina/die/niet/bestaat"] {
        let r = app.get(path, None).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert_eq!(r.header("content-type"), "text/html; charset=utf-8");
        assert!(String::from_utf8_lossy(&r.raw).contains("<script type=\"module\">"));
    }
    let r = app.get("/api/nope", None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.body["code"], "not_found");
    assert_eq!(app.get("/missing-asset.js", None).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn fingerprinted_assets_are_immutable_and_precompressed() {
    let app = app_with_spa().await;
    let request = axum::http::Request::get("/zelfregie-0123456789abcdef.js")
        .header("accept-encoding", "br, gzip")
        .body(axum::body::Body::empty())
        .unwrap();
    let r = app.send(request).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("content-encoding"), "br");
    assert!(r.header("content-type").starts_with("text/javascript"), "{}", r.header("content-type"));
    assert_eq!(r.header("cache-control"), "public, max-age=31536000, immutable");
    assert_security_headers(&r, "asset");
}

#[tokio::test]
async fn api_responses_carry_the_headers_and_are_never_cached() {
    let app = TestApp::new().await;
    for path in ["/api/health", "/api/me/profile", "/api/nope", "/api/openapi.json"] {
        let r = app.get(path, None).await;
        assert_eq!(r.header("cache-control"), "no-store", "{path}");
        assert!(r.header("content-type").starts_with("application/json"), "{path}");
        let csp = r.header("content-security-policy");
        assert!(csp.starts_with("default-src 'none'"), "{path}: {csp}");
        assert_eq!(r.header("x-content-type-options"), "nosniff");
    }
}
