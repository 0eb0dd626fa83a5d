//! The built single-page app: hashed assets from trunk's `dist`, and `index.html` for every
//! client-side route. The CSP hashes of `index.html`'s inline scripts (the app's start script, scripts/build-app.mjs) are
//! computed here from the very file that is served, so they cannot drift from the build.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use sha2::{Digest, Sha256};
use tower::ServiceExt;
use tower_http::services::ServeDir;
use zelfregie_model::ErrorCode;

use crate::cookies::Cookies;
use crate::error::HttpError;

/// The SPA as loaded at start.
#[derive(Debug)]
pub struct Spa {
    dir: PathBuf,
    index_html: Option<String>,
    /// Base64 SHA-256 of each inline `<script>` of `index.html`.
    pub script_hashes: Vec<String>,
    /// For each address of the app, the `<link rel=preload>` tags of the code its page needs
    /// first (`preload.json`, written by scripts/build-app.mjs; docs/build.md).
    preloads: HashMap<String, Preload>,
}

impl Spa {
    /// Loads `dir/index.html`; a missing directory gives an SPA-less API server (tests).
    pub fn load(dir: &Path) -> anyhow::Result<Self> {
        let index_path = dir.join("index.html");
        let index_html = match std::fs::read_to_string(&index_path) {
            Ok(html) => Some(html),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                tracing::warn!(path = %index_path.display(), "no built SPA found; serving the API only");
                None
            }
            Err(e) => return Err(e.into()),
        };
        let script_hashes = index_html.as_deref().map(inline_script_hashes).unwrap_or_default();
        let preloads = match std::fs::read_to_string(dir.join("preload.json")) {
            Ok(json) => preload_links(&json)?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => HashMap::new(),
            Err(e) => return Err(e.into()),
        };
        Ok(Self { dir: dir.to_owned(), index_html, script_hashes, preloads })
    }

    /// `index.html` for the address `path`: with the preload links of its page's code, so the
    /// browser fetches that with the main module rather than after it has started. A page
    /// behind the login gets them only when the request carries a session cookie (`session`):
    /// without one, the app sends the person to the login page instead.
    fn page_html(&self, path: &str, session: bool) -> Option<Cow<'_, str>> {
        let index = self.index_html.as_deref()?;
        let links = self.preloads.get(path).filter(|p| session || !p.login).map(|p| p.links.as_str());
        Some(match (links, index.find("</head>")) {
            (Some(links), Some(end)) => Cow::Owned(format!("{}{links}{}", &index[..end], &index[end..])),
            _ => Cow::Borrowed(index),
        })
    }

    /// Whether a built SPA was found.
    pub fn is_present(&self) -> bool {
        self.index_html.is_some()
    }
}

/// What a page preloads.
#[derive(Debug, serde::Deserialize)]
struct PreloadEntry {
    files: Vec<String>,
    /// Whether the page is behind the login.
    login: bool,
}

/// The preload tags of a page.
#[derive(Debug)]
struct Preload {
    links: String,
    login: bool,
}

/// The preload tags per address from `preload.json` (address → files, behind the login or
/// not). Only files of the split app (`/app-<hash>/<name>.wasm`, names of letters, digits and
/// `_`) become a tag: the file is ours, but nothing from it reaches the HTML unchecked.
fn preload_links(json: &str) -> anyhow::Result<HashMap<String, Preload>> {
    let map: HashMap<String, PreloadEntry> = serde_json::from_str(json)?;
    let safe = |file: &str| {
        file.strip_prefix("/app-").and_then(|f| f.split_once('/')).is_some_and(|(hash, name)| {
            hash.len() == 16
                && hash.bytes().all(|b| b.is_ascii_hexdigit())
                && name
                    .strip_suffix(".wasm")
                    .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
        })
    };
    let mut preloads = HashMap::new();
    for (path, entry) in map {
        if let Some(bad) = entry.files.iter().find(|f| !safe(f)) {
            anyhow::bail!("preload.json: {bad:?} is not a file of the split app");
        }
        let links = entry
            .files
            .iter()
            .map(|f| format!("<link rel=preload as=fetch type=application/wasm crossorigin href={f}>"))
            .collect();
        preloads.insert(path, Preload { links, login: entry.login });
    }
    Ok(preloads)
}

/// The SHA-256 (base64) of the content of every `<script>` element without `src`, as CSP
/// level 3 hashes them (the exact text between the tags).
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(tag_end) = after.find('>') else { break };
        let tag = &after[..tag_end];
        let body_start = &after[tag_end + 1..];
        let Some(close) = body_start.find("</script>") else { break };
        if !tag.contains(" src=") {
            hashes.push(STANDARD.encode(Sha256::digest(&body_start.as_bytes()[..close])));
        }
        rest = &body_start[close + "</script>".len()..];
    }
    hashes
}

/// Trunk names built assets `name-<16 hex digits>.ext`: their content never changes.
fn is_fingerprinted(path: &str) -> bool {
    let fingerprint = |name: &str| {
        name.rsplit_once('-').is_some_and(|(_, h)| h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit()))
    };
    let mut segments = path.trim_start_matches('/').split('/');
    let (Some(first), second) = (segments.next(), segments.next()) else { return false };
    match second {
        // The split app: one fingerprinted directory for the set (scripts/build-app.mjs).
        Some(_) => first.starts_with("app-") && fingerprint(first) && segments.next().is_none(),
        // Trunk's files: the fingerprint in the name.
        None => {
            let stem = first.split('.').next().unwrap_or(first);
            fingerprint(stem.strip_suffix("_bg").unwrap_or(stem))
        }
    }
}

/// What serving the SPA needs: its files, and the session cookie's name (a page behind the
/// login gets its split parts preloaded only with a session).
#[derive(Clone)]
pub struct Site {
    /// The built SPA.
    pub spa: Arc<Spa>,
    /// The cookies' names.
    pub cookies: Cookies,
}

/// Fallback of the router: unknown API paths get a JSON 404; files come from `dist` (brotli
/// or gzip variants when the browser accepts them); any other path is a client route and
/// gets `index.html`.
pub async fn serve(State(site): State<Site>, request: Request) -> Response {
    let path = request.uri().path().to_owned();
    if path == "/api" || path.starts_with("/api/") {
        return HttpError::code(ErrorCode::NotFound).into_response();
    }
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        return HttpError::code(ErrorCode::MethodNotAllowed).into_response();
    }
    let session = site.cookies.session(request.headers()).is_some();
    let Some(index) = site.spa.page_html(&path, session) else {
        return HttpError::code(ErrorCode::NotFound).into_response();
    };
    let last_segment = path.rsplit('/').next().unwrap_or_default();
    if !last_segment.contains('.') || path == "/index.html" {
        return (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8")),
                (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
            ],
            index.into_owned(),
        )
            .into_response();
    }
    let files = ServeDir::new(&site.spa.dir).precompressed_br().precompressed_gzip();
    let mut response = match files.oneshot(request).await {
        Ok(r) => r.map(Body::new),
        Err(e) => match e {},
    };
    if response.status() == StatusCode::NOT_FOUND {
        return HttpError::code(ErrorCode::NotFound).into_response();
    }
    let cache = if is_fingerprinted(&path) { "public, max-age=31536000, immutable" } else { "no-cache" };
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_only_inline_scripts() {
        let html = r#"<head><script src="/a.js"></script><script type="module">
import init from '/x.js';
</script></head><body><script>alert(1)</script></body>"#;
        let hashes = inline_script_hashes(html);
        assert_eq!(hashes.len(), 2);
        assert_eq!(hashes[0], STANDARD.encode(Sha256::digest(b"\nimport init from '/x.js';\n")));
        assert_eq!(hashes[1], STANDARD.encode(Sha256::digest(b"alert(1)")));
    }

    #[test]
    fn preload_links_name_only_files_of_the_split_app() {
        let links = preload_links(
            r#"{"/inloggen":{"files":["/app-0123456789abcdef/split_part_login.wasm","/app-0123456789abcdef/chunk_7.wasm"],"login":false}}"#,
        )
        .unwrap();
        assert_eq!(
            links["/inloggen"].links,
            "<link rel=preload as=fetch type=application/wasm crossorigin href=/app-0123456789abcdef/split_part_login.wasm>\
             <link rel=preload as=fetch type=application/wasm crossorigin href=/app-0123456789abcdef/chunk_7.wasm>"
        );
        for bad in [
            r#"{"/x":{"files":["/app-0123456789abcdef/a.wasm><script>alert(1)</script>"],"login":false}}"#,
            r#"{"/x":{"files":["https://elders.example/app-0123456789abcdef/a.wasm"],"login":false}}"#,
            r#"{"/x":{"files":["/app-0123456789abcdef/../secret.wasm"],"login":false}}"#,
            r#"{"/x":{"files":["/app-0123/a.wasm"],"login":false}}"#,
            r#"{"/x":{"files":["/app-0123456789abcdef/a.js"],"login":false}}"#,
        ] {
            assert!(preload_links(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_page_gets_the_preloads_of_its_own_address_only() {
        let spa = Spa {
            dir: PathBuf::new(),
            index_html: Some("<html><head><title>x</title></head><body></body></html>".into()),
            script_hashes: Vec::new(),
            preloads: preload_links(
                r#"{"/inloggen":{"files":["/app-0123456789abcdef/split_part_login.wasm"],"login":false},
                    "/profiel":{"files":["/app-0123456789abcdef/split_part_profile.wasm"],"login":true}}"#,
            )
            .unwrap(),
        };
        let plain = "<html><head><title>x</title></head><body></body></html>";
        for session in [false, true] {
            let login = spa.page_html("/inloggen", session).unwrap();
            assert!(login.contains("href=/app-0123456789abcdef/split_part_login.wasm></head>"), "{login}");
            assert_eq!(spa.page_html("/bestaat-niet", session).unwrap(), plain);
        }
        // Behind the login: only for a request with a session cookie.
        assert!(spa.page_html("/profiel", true).unwrap().contains("split_part_profile.wasm"));
        assert_eq!(spa.page_html("/profiel", false).unwrap(), plain);
    }

    #[test]
    fn recognises_trunk_fingerprints() {
        assert!(is_fingerprinted("/zelfregie-3f2a1b4c5d6e7f80_bg.wasm"));
        assert!(is_fingerprinted("/zelfregie-3f2a1b4c5d6e7f80.js"));
        assert!(is_fingerprinted("/main-0123456789abcdef.css"));
        assert!(!is_fingerprinted("/favicon.svg"));
        assert!(!is_fingerprinted("/robots.txt"));
        assert!(is_fingerprinted("/app-3f2a1b4c5d6e7f80/zelfregie_bg.wasm"));
        assert!(is_fingerprinted("/app-3f2a1b4c5d6e7f80/split_page_login.wasm"));
        assert!(!is_fingerprinted("/app-3f2a1b4c5d6e7f8/zelfregie.js"));
        assert!(!is_fingerprinted("/other-3f2a1b4c5d6e7f80/zelfregie.js"));
        assert!(!is_fingerprinted("/app-3f2a1b4c5d6e7f80/deeper/zelfregie.js"));
    }
}
