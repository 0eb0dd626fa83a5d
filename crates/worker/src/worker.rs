//! Receiving jobs and posting reports inside a `DedicatedWorkerGlobalScope`.

use js_sys::{Array, ArrayBuffer, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};
use zelfregie_crypto::protocol::{Job, Report};
use zelfregie_crypto::ErrorCode;
use zelfregie_crypto::{decrypt, encrypt, Progress};

/// Installs the message handler and says `Ready`.
pub fn start() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let handler = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let (report, output) = match run(&scope, &event.data()) {
            Ok(bytes) => (Report::Done, Some(bytes)),
            Err(code) => (Report::Failed { code }, None),
        };
        post(&scope, &report, output);
    });
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
    post(&scope, &Report::Ready, None);
}

fn run(scope: &DedicatedWorkerGlobalScope, data: &JsValue) -> Result<Vec<u8>, ErrorCode> {
    let job = Reflect::get(data, &"job".into()).ok().and_then(|j| j.as_string()).ok_or(ErrorCode::MalformedRequest)?;
    let job: Job = serde_json::from_str(&job).map_err(|_| ErrorCode::MalformedRequest)?;
    let bytes = Reflect::get(data, &"bytes".into()).map_err(|_| ErrorCode::MalformedRequest)?;
    let input = Uint8Array::new(&bytes).to_vec();
    // Report at most every 2 % so a 16 MB job posts ~50 messages, not thousands.
    let mut last = None;
    let mut progress = |p: Progress| {
        let step = p.percent().map(|x| x / 2);
        if last != Some((p.stage, step)) {
            last = Some((p.stage, step));
            post(scope, &Report::Progress(p), None);
        }
    };
    match job {
        Job::Encrypt { protection, armor } => encrypt(&input, &protection, armor, &mut progress),
        Job::Decrypt { key } => decrypt(&input, &key, &mut progress),
    }
}

fn post(scope: &DedicatedWorkerGlobalScope, report: &Report, bytes: Option<Vec<u8>>) {
    let message = Object::new();
    let json = serde_json::to_string(report).unwrap_or_else(|_| r#"{"report":"failed","code":"internal"}"#.into());
    let _ = Reflect::set(&message, &"report".into(), &json.into());
    let transfer = Array::new();
    if let Some(bytes) = bytes {
        let array = Uint8Array::from(&bytes[..]);
        let buffer: ArrayBuffer = array.buffer();
        let _ = Reflect::set(&message, &"bytes".into(), &buffer);
        transfer.push(&buffer);
    }
    let _ = scope.post_message_with_transfer(&message, &transfer);
}
