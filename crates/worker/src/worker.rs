//! Receiving jobs and posting reports inside a `DedicatedWorkerGlobalScope`.
//!
//! The worker the page starts spreads a large encryption over helper workers, copies of
//! itself (one fewer than the device's cores, at most three): it writes the header, seals
//! the first part of the payload itself and each helper seals another (`Job::Seal`). A
//! helper that cannot start or fails leaves its part to this worker; the file is the same
//! either way (`docs/build.md`, "Crypto speed").

use std::cell::RefCell;
use std::ops::Range;

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker};
use zelfregie_crypto::payload::{self, PayloadKey, STREAM_CHUNK};
use zelfregie_crypto::protocol::{Job, Report, Stage};
use zelfregie_crypto::ErrorCode;
use zelfregie_crypto::{begin, decrypt, finish, Progress};

/// A helper's address is the worker's own with this fragment; helpers start no helpers.
const HELPER_FRAGMENT: &str = "#helper";
/// Most helpers started, whatever the device says it has.
const MAX_HELPERS: usize = 3;
/// Below this, one worker seals everything: handing out parts would cost more than it saves.
const PARALLEL_FROM: usize = 8 * STREAM_CHUNK;

/// A helper worker and its first message (`Ready`), or its failure to start.
struct Helper {
    worker: Worker,
    ready: Promise,
}

thread_local! {
    static HELPERS: RefCell<Vec<Helper>> = const { RefCell::new(Vec::new()) };
}

/// What a job gives back: bytes in this module's memory, or already in a JS buffer.
enum Output {
    Wasm(Vec<u8>),
    Js(Uint8Array),
}

/// Installs the message handler, starts the helpers (in the page's worker only) and says
/// `Ready`.
pub fn start() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let location = scope.location();
    if location.hash() != HELPER_FRAGMENT {
        let cores = scope.navigator().hardware_concurrency() as usize;
        let url = format!("{}{HELPER_FRAGMENT}", location.href().split('#').next().unwrap_or_default());
        let helpers: Vec<Helper> = (0..cores.saturating_sub(1).min(MAX_HELPERS)).filter_map(|_| spawn(&url)).collect();
        HELPERS.with(|h| *h.borrow_mut() = helpers);
    }
    let handler = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        wasm_bindgen_futures::spawn_local(async move {
            let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
            let (report, output) = match run(&scope, &event.data()).await {
                Ok(output) => (Report::Done, Some(output)),
                Err(code) => (Report::Failed { code }, None),
            };
            post(&scope, &report, output);
        });
    });
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
    post(&scope, &Report::Ready, None);
}

/// Starts a helper; its `ready` settles with its first message or its failure to load.
fn spawn(url: &str) -> Option<Helper> {
    let worker = Worker::new(url).ok()?;
    let ready = Promise::new(&mut |resolve: Function, reject: Function| {
        answer_once(&worker, resolve, reject);
    });
    Some(Helper { worker, ready })
}

/// The helper's next message resolves, an error in it rejects (whichever comes first).
fn answer_once(worker: &Worker, resolve: Function, reject: Function) {
    let on_message = Closure::once_into_js(move |event: MessageEvent| {
        let _ = resolve.call1(&JsValue::NULL, &event.data());
    });
    let on_error = Closure::once_into_js(move |event: JsValue| {
        let _ = reject.call1(&JsValue::NULL, &event);
    });
    worker.set_onmessage(Some(on_message.unchecked_ref()));
    worker.set_onerror(Some(on_error.unchecked_ref()));
}

async fn run(scope: &DedicatedWorkerGlobalScope, data: &JsValue) -> Result<Output, ErrorCode> {
    let job = Reflect::get(data, &"job".into()).ok().and_then(|j| j.as_string()).ok_or(ErrorCode::MalformedRequest)?;
    let job: Job = serde_json::from_str(&job).map_err(|_| ErrorCode::MalformedRequest)?;
    let bytes = Reflect::get(data, &"bytes".into()).map_err(|_| ErrorCode::MalformedRequest)?;
    let input = Uint8Array::new(&bytes);
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
        Job::Encrypt { protection, armor } => {
            let total = input.length() as usize;
            let (head, key) = begin(&protection, total as u64, &mut progress)?;
            encrypt_in_parts(&input, head, &key, armor, &mut progress).await
        }
        Job::Seal { key, first, last } => {
            let key = PayloadKey::from_text(&key)?;
            let mut out = Vec::new();
            payload::seal(&key, &input.to_vec(), first, last, &mut out, &mut |_| {})?;
            Ok(Output::Wasm(out))
        }
        Job::Decrypt { key } => decrypt(&input.to_vec(), &key, &mut progress).map(Output::Wasm),
    }
}

/// Seals the payload: part 0 here, the others on the helpers that are ready (each part
/// copied to its helper from the page's buffer, never through this module's memory), a
/// failed helper's part here too. Binary files are put together in a JS buffer; armor is
/// added here.
async fn encrypt_in_parts(
    input: &Uint8Array,
    head: Vec<u8>,
    key: &PayloadKey,
    armor: bool,
    progress: &mut dyn FnMut(Progress),
) -> Result<Output, ErrorCode> {
    let total = input.length() as usize;
    let mut ready = Vec::new();
    if total >= PARALLEL_FROM {
        let helpers =
            HELPERS.with(|h| h.borrow().iter().map(|h| (h.worker.clone(), h.ready.clone())).collect::<Vec<_>>());
        for (worker, started) in helpers {
            if JsFuture::from(started).await.is_ok() {
                ready.push(worker);
            }
        }
    }
    let parts = payload::parts(total, ready.len());
    let count = parts.len();
    let pending: Vec<(Range<usize>, Option<Promise>)> = parts[1..]
        .iter()
        .zip(&ready)
        .enumerate()
        .map(|(i, (range, worker))| (range.clone(), ask(worker, key, input, range, i + 2 == count)))
        .collect();

    let mut file = head;
    let own = input.subarray(parts[0].start as u32, parts[0].end as u32).to_vec();
    progress(Progress { stage: Stage::Encrypting, done: 0, total: total as u64 });
    // This worker's part stands for the whole: the helpers move at the same pace. (Its part
    // is larger than theirs, so it is scaled by its share, not by the number of parts.)
    let own_len = parts[0].len().max(1);
    payload::seal(key, &own, 0, count == 1, &mut file, &mut |done| {
        let done = done as u64 * total as u64 / own_len as u64;
        progress(Progress { stage: Stage::Encrypting, done, total: total as u64 })
    })?;
    drop(own);

    let mut sealed: Vec<Uint8Array> = Vec::with_capacity(pending.len());
    for (i, (range, reply)) in pending.into_iter().enumerate() {
        let done = match reply {
            Some(reply) => reply_bytes(JsFuture::from(reply).await).ok(),
            None => None,
        };
        let part = match done {
            Some(bytes) if bytes.length() as usize == payload::sealed_len(range.len()) => bytes,
            _ => {
                // The helper could not do it: this worker seals that part after all.
                let mut out = Vec::new();
                let plain = input.subarray(range.start as u32, range.end as u32).to_vec();
                payload::seal(key, &plain, (range.start / STREAM_CHUNK) as u64, i + 2 == count, &mut out, &mut |_| {})?;
                Uint8Array::from(&out[..])
            }
        };
        sealed.push(part);
    }
    progress(Progress { stage: Stage::Encrypting, done: total as u64, total: total as u64 });

    if armor || sealed.is_empty() {
        for part in &sealed {
            let at = file.len();
            file.resize(at + part.length() as usize, 0);
            part.copy_to(&mut file[at..]);
        }
        return finish(file, armor).map(Output::Wasm);
    }
    let length = file.len() + sealed.iter().map(|p| p.length() as usize).sum::<usize>();
    let out = Uint8Array::new_with_length(length as u32);
    out.subarray(0, file.len() as u32).copy_from(&file);
    let mut at = file.len() as u32;
    for part in sealed {
        out.set(&part, at);
        at += part.length();
    }
    Ok(Output::Js(out))
}

/// Posts `range` of `input` (copied) to a helper as a `Seal` job; the promise settles with
/// its reply. `None` when it cannot be posted.
fn ask(worker: &Worker, key: &PayloadKey, input: &Uint8Array, range: &Range<usize>, last: bool) -> Option<Promise> {
    let job = Job::Seal { key: key.to_text(), first: (range.start / STREAM_CHUNK) as u64, last };
    let part = input.slice(range.start as u32, range.end as u32);
    let message = Object::new();
    Reflect::set(&message, &"job".into(), &serde_json::to_string(&job).ok()?.into()).ok()?;
    Reflect::set(&message, &"bytes".into(), &part.buffer()).ok()?;
    let reply = Promise::new(&mut |resolve: Function, reject: Function| answer_once(worker, resolve, reject));
    worker.post_message_with_transfer(&message, &Array::of1(&part.buffer())).ok()?;
    Some(reply)
}

/// The sealed bytes of a helper's `Done`; an error for anything else.
fn reply_bytes(reply: Result<JsValue, JsValue>) -> Result<Uint8Array, ErrorCode> {
    let data = reply.map_err(|_| ErrorCode::CryptoUnavailable)?;
    let report = Reflect::get(&data, &"report".into()).ok().and_then(|r| r.as_string()).ok_or(ErrorCode::Internal)?;
    match serde_json::from_str::<Report>(&report).map_err(|_| ErrorCode::Internal)? {
        Report::Done => Ok(Uint8Array::new(&Reflect::get(&data, &"bytes".into()).map_err(|_| ErrorCode::Internal)?)),
        Report::Failed { code } => Err(code),
        _ => Err(ErrorCode::Internal),
    }
}

fn post(scope: &DedicatedWorkerGlobalScope, report: &Report, output: Option<Output>) {
    let message = Object::new();
    let json = serde_json::to_string(report).unwrap_or_else(|_| r#"{"report":"failed","code":"internal"}"#.into());
    let _ = Reflect::set(&message, &"report".into(), &json.into());
    let transfer = Array::new();
    let array = match output {
        Some(Output::Wasm(bytes)) => Some(Uint8Array::from(&bytes[..])),
        Some(Output::Js(array)) => Some(array),
        None => None,
    };
    if let Some(array) = array {
        let buffer = array.buffer();
        let _ = Reflect::set(&message, &"bytes".into(), &buffer);
        transfer.push(&buffer);
    }
    let _ = scope.post_message_with_transfer(&message, &transfer);
}
