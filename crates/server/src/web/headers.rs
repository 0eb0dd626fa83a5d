//! Security headers on every response, SPA and API alike (docs/security.md "Headers").

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

/// Denies every powerful feature but passkeys (this origin only, docs/security.md "Passkeys").
const PERMISSIONS_POLICY: &str = "accelerometer=(), autoplay=(), camera=(), display-capture=(), \
encrypted-media=(), fullscreen=(), geolocation=(), gyroscope=(), hid=(), idle-detection=(), magnetometer=(), \
microphone=(), midi=(), payment=(), picture-in-picture=(), publickey-credentials-create=(self), \
publickey-credentials-get=(self), screen-wake-lock=(), \
serial=(), sync-xhr=(), usb=(), xr-spatial-tracking=()";

/// The precomputed header values.
#[derive(Clone, Debug)]
pub struct SecurityHeaders {
    csp: HeaderValue,
    hsts: bool,
}

impl SecurityHeaders {
    /// Headers allowing exactly the inline scripts whose hashes are given (the app's start script, scripts/build-app.mjs).
    pub fn new(script_hashes: &[String], tls: bool) -> Self {
        let csp = content_security_policy(script_hashes);
        Self { csp: HeaderValue::from_str(&csp).expect("CSP is ASCII"), hsts: tls }
    }

    /// The Content-Security-Policy value.
    pub fn csp(&self) -> &HeaderValue {
        &self.csp
    }
}

/// The Content Security Policy (docs/security.md "Headers"): own origin only, wasm allowed to compile, inline scripts only by
/// hash; never `'unsafe-eval'` nor `'unsafe-inline'`.
pub fn content_security_policy(script_hashes: &[String]) -> String {
    let mut script_src = String::from("'self' 'wasm-unsafe-eval'");
    for h in script_hashes {
        script_src.push_str(&format!(" 'sha256-{h}'"));
    }
    format!(
        "default-src 'none'; script-src {script_src}; connect-src 'self'; img-src 'self' data:; \
         style-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; \
         frame-ancestors 'none'; object-src 'none'"
    )
}

/// Middleware: adds the headers; API responses are never stored by any cache (ASVS 5.0 14.3.2).
pub async fn add(State(headers): State<Arc<SecurityHeaders>>, request: Request, next: Next) -> Response {
    let is_api = request.uri().path().starts_with("/api/");
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, headers.csp.clone());
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(HeaderName::from_static("cross-origin-opener-policy"), HeaderValue::from_static("same-origin"));
    h.insert(HeaderName::from_static("cross-origin-resource-policy"), HeaderValue::from_static("same-origin"));
    h.insert(HeaderName::from_static("permissions-policy"), HeaderValue::from_static(PERMISSIONS_POLICY));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if headers.hsts {
        h.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=63072000; includeSubDomains"));
    }
    if is_api {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csp_allows_only_hashed_inline_scripts() {
        let csp = content_security_policy(&["abc=".to_owned()]);
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='"));
        assert!(!csp.replace("'wasm-unsafe-eval'", "").contains("unsafe-eval"));
        assert!(!csp.contains("'unsafe-inline'"));
        assert!(csp.starts_with("default-src 'none';"));
        assert!(csp.contains("frame-ancestors 'none'"));
    }
}
