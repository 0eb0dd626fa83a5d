//! Passkeys in the browser: `navigator.credentials.create` / `.get` with the options the
//! server sends as WebAuthn JSON, and the answer back as WebAuthn JSON. Buffers travel as
//! base64url text; the browser wants and gives `ArrayBuffer`s. No JavaScript library: the
//! conversion is here (plain functions, tested natively) and calls go through `js_sys`.

use serde_json::{Map, Value};
use zelfregie_model::passkey::{CeremonyFinish, CeremonyStart};
use zelfregie_model::ErrorCode;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding (RFC 4648 §5), as WebAuthn JSON writes buffers.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// Decodes base64url with or without padding; `None` for anything else.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut n, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        let v = ALPHABET.iter().position(|a| *a == c)? as u32;
        n = n << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((n >> bits & 0xff) as u8);
        }
    }
    Some(out)
}

/// The fields of the options that are buffers: in the object itself, and `id` of every
/// entry of the credential lists.
const OPTION_BUFFERS: &[&[&str]] = &[&["challenge"], &["user", "id"]];
const OPTION_LISTS: &[&str] = &["excludeCredentials", "allowCredentials"];

/// Which error code a failed `navigator.credentials` call gets, by the DOMException's name.
pub fn error_of(name: &str) -> ErrorCode {
    match name {
        // Cancelled, timed out, or no passkey for this site on the device: the browser says
        // the same for all three, on purpose.
        "NotAllowedError" | "AbortError" => ErrorCode::PasskeyCancelled,
        // The device has a passkey of this account already (it is excluded).
        "InvalidStateError" => ErrorCode::Duplicate,
        _ => ErrorCode::PasskeyUnsupported,
    }
}

/// Whether the browser can use passkeys at all.
pub fn supported() -> bool {
    let global = js_sys::global();
    let has = |object: &wasm_bindgen::JsValue, name: &str| {
        js_sys::Reflect::get(object, &name.into()).is_ok_and(|v| !v.is_undefined() && !v.is_null())
    };
    let navigator = js_sys::Reflect::get(&global, &"navigator".into()).unwrap_or_default();
    has(&global, "PublicKeyCredential") && has(&navigator, "credentials")
}

/// Runs the ceremony `start` in the browser (`create` to add a passkey, `get` to use one)
/// and gives the answer for the server.
pub async fn run(start: CeremonyStart, create: bool) -> Result<CeremonyFinish, ErrorCode> {
    let credential = browser::call(&start.options, create).await?;
    Ok(CeremonyFinish { ceremony: start.ceremony, credential })
}

/// The public key options as the browser takes them: each buffer field's base64url text is
/// marked for conversion (the browser side turns the marked strings into `ArrayBuffer`s).
pub fn buffer_paths(options: &Value) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    for path in OPTION_BUFFERS {
        let mut v = options;
        for key in *path {
            v = &v[*key];
        }
        if v.is_string() {
            paths.push(path.iter().map(|s| (*s).to_owned()).collect());
        }
    }
    for list in OPTION_LISTS {
        if let Some(entries) = options[*list].as_array() {
            for i in 0..entries.len() {
                paths.push(vec![(*list).to_owned(), i.to_string(), "id".to_owned()]);
            }
        }
    }
    paths
}

/// The answer as WebAuthn JSON, from its parts: `buffers` are (name, bytes) of the
/// response's buffers, `extensions` the client extension results as JSON.
pub fn answer_json(
    id: &str,
    raw_id: &[u8],
    kind: &str,
    buffers: &[(&str, Option<Vec<u8>>)],
    extensions: Value,
) -> Value {
    let mut response = Map::new();
    for (name, bytes) in buffers {
        if let Some(bytes) = bytes {
            response.insert((*name).to_owned(), Value::String(base64url_encode(bytes)));
        }
    }
    serde_json::json!({
        "id": id,
        "rawId": base64url_encode(raw_id),
        "type": kind,
        "response": response,
        "extensions": extensions,
    })
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use js_sys::{ArrayBuffer, Function, Object, Reflect, Uint8Array, JSON};
    use serde_json::Value;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use zelfregie_model::ErrorCode;

    use super::{answer_json, base64url_decode, buffer_paths, error_of};

    fn get(object: &JsValue, key: &str) -> JsValue {
        Reflect::get(object, &key.into()).unwrap_or(JsValue::UNDEFINED)
    }

    fn bytes(value: &JsValue) -> Option<Vec<u8>> {
        value.dyn_ref::<ArrayBuffer>().map(|b| Uint8Array::new(b).to_vec())
    }

    fn unsupported<T>(_: T) -> ErrorCode {
        ErrorCode::PasskeyUnsupported
    }

    pub(super) async fn call(options: &Value, create: bool) -> Result<Value, ErrorCode> {
        let public_key = &options["publicKey"];
        let js = JSON::parse(&public_key.to_string()).map_err(unsupported)?;
        for path in buffer_paths(public_key) {
            let (last, parents) = path.split_last().ok_or(ErrorCode::Internal)?;
            let parent = parents.iter().fold(js.clone(), |o, k| get(&o, k));
            let text = get(&parent, last).as_string().unwrap_or_default();
            let decoded = base64url_decode(&text).ok_or(ErrorCode::PasskeyFailed)?;
            Reflect::set(&parent, &last.into(), &Uint8Array::from(decoded.as_slice()).buffer()).map_err(unsupported)?;
        }
        let request = Object::new();
        Reflect::set(&request, &"publicKey".into(), &js).map_err(unsupported)?;
        let credentials = get(&get(&js_sys::global(), "navigator"), "credentials");
        let method: Function =
            get(&credentials, if create { "create" } else { "get" }).dyn_into().map_err(unsupported)?;
        let promise = method.call1(&credentials, &request).map_err(unsupported)?;
        let credential = JsFuture::from(js_sys::Promise::resolve(&promise))
            .await
            .map_err(|e| error_of(&get(&e, "name").as_string().unwrap_or_default()))?;
        if credential.is_null() || credential.is_undefined() {
            return Err(ErrorCode::PasskeyCancelled);
        }
        let response = get(&credential, "response");
        let field = |name: &str| bytes(&get(&response, name));
        let buffers: Vec<(&str, Option<Vec<u8>>)> = if create {
            vec![("clientDataJSON", field("clientDataJSON")), ("attestationObject", field("attestationObject"))]
        } else {
            vec![
                ("clientDataJSON", field("clientDataJSON")),
                ("authenticatorData", field("authenticatorData")),
                ("signature", field("signature")),
                ("userHandle", field("userHandle")),
            ]
        };
        let extensions = get(&credential, "getClientExtensionResults")
            .dyn_into::<Function>()
            .ok()
            .and_then(|f| f.call0(&credential).ok())
            .and_then(|r| JSON::stringify(&r).ok())
            .and_then(|s| s.as_string())
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_else(|| Value::Object(Default::default()));
        let id = get(&credential, "id").as_string().unwrap_or_default();
        let raw_id = bytes(&get(&credential, "rawId")).unwrap_or_default();
        let kind = get(&credential, "type").as_string().unwrap_or_default();
        Ok(answer_json(&id, &raw_id, &kind, &buffers, extensions))
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod browser {
    use serde_json::Value;
    use zelfregie_model::ErrorCode;

    pub(super) async fn call(_: &Value, _: bool) -> Result<Value, ErrorCode> {
        Err(ErrorCode::PasskeyUnsupported)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_every_length_and_matches_rfc_4648() {
        // RFC 4648 §10 vectors, in the URL-safe alphabet without padding.
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64url_encode(plain.as_bytes()), encoded);
            assert_eq!(base64url_decode(encoded).unwrap(), plain.as_bytes());
        }
        let all: Vec<u8> = (0..=255).collect();
        for n in 0..all.len() {
            assert_eq!(base64url_decode(&base64url_encode(&all[..n])).unwrap(), &all[..n]);
        }
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8", "URL-safe alphabet");
        assert_eq!(base64url_decode("Zm8="), Some(b"fo".to_vec()), "padding is accepted");
        assert_eq!(base64url_decode("Zm+v"), None, "standard alphabet is not base64url");
        assert_eq!(base64url_decode("Z"), None);
    }

    #[test]
    fn the_buffers_of_creation_and_request_options_are_found() {
        let create = serde_json::json!({"challenge": "AAAA", "user": {"id": "AQID", "name": "a"},
            "excludeCredentials": [{"type": "public-key", "id": "BBBB"}, {"type": "public-key", "id": "CCCC"}]});
        assert_eq!(
            buffer_paths(&create),
            [
                vec!["challenge"],
                vec!["user", "id"],
                vec!["excludeCredentials", "0", "id"],
                vec!["excludeCredentials", "1", "id"]
            ]
        );
        let get = serde_json::json!({"challenge": "AAAA", "allowCredentials": []});
        assert_eq!(buffer_paths(&get), [vec!["challenge"]]);
    }

    #[test]
    fn the_answer_is_webauthn_json() {
        let v = answer_json(
            "abc",
            &[1, 2, 3],
            "public-key",
            &[("clientDataJSON", Some(b"{}".to_vec())), ("userHandle", None)],
            serde_json::json!({}),
        );
        assert_eq!(
            v,
            serde_json::json!({"id": "abc", "rawId": "AQID", "type": "public-key",
                "response": {"clientDataJSON": "e30"}, "extensions": {}})
        );
    }

    #[test]
    fn a_cancelled_prompt_and_an_existing_passkey_get_their_own_codes() {
        assert_eq!(error_of("NotAllowedError"), ErrorCode::PasskeyCancelled);
        assert_eq!(error_of("InvalidStateError"), ErrorCode::Duplicate);
        assert_eq!(error_of("SecurityError"), ErrorCode::PasskeyUnsupported);
    }
}
