//! The page's side of the crypto web worker (crate `zelfregie-worker`, built by trunk as a
//! second wasm). The worker is started only by the pages that encrypt or decrypt, so age and
//! scrypt are not part of the portal's first load, and a second of scrypt never blocks the
//! page. One job at a time; [`stop`] ends the worker (and the keys in its memory) when the
//! page is left.

use std::cell::RefCell;

use futures_channel::mpsc::{unbounded, UnboundedReceiver, UnboundedSender};
use futures_util::StreamExt;
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use web_sys::{ErrorEvent, MessageEvent, Worker};
use zelfregie_model::worker_protocol::{Job, Progress, Report};
use zelfregie_model::ErrorCode;

/// The worker's loader, as trunk names it (workers keep their bin name: no hash).
pub const WORKER_URL: &str = "/zelfregie-worker_loader.js";

type Message = (Report, Option<Vec<u8>>);

struct Handle {
    worker: Worker,
    /// Taken by the running job; `None` while one runs.
    reports: Option<UnboundedReceiver<Message>>,
    ready: bool,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

thread_local! {
    static HANDLE: RefCell<Option<Handle>> = const { RefCell::new(None) };
}

fn spawn() -> Result<Handle, ErrorCode> {
    let worker = Worker::new(WORKER_URL).map_err(|_| ErrorCode::CryptoUnavailable)?;
    let (tx, rx): (UnboundedSender<Message>, _) = unbounded();
    let messages = tx.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        let report = Reflect::get(&data, &"report".into())
            .ok()
            .and_then(|r| r.as_string())
            .and_then(|r| serde_json::from_str::<Report>(&r).ok())
            .unwrap_or(Report::Failed { code: ErrorCode::Internal });
        let bytes = Reflect::get(&data, &"bytes".into())
            .ok()
            .filter(|b| !b.is_undefined())
            .map(|b| Uint8Array::new(&b).to_vec());
        let _ = messages.unbounded_send((report, bytes));
    });
    // A script that does not load, or a wasm panic in the worker: the job fails, and the
    // next job starts a fresh worker.
    let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
        event.prevent_default();
        if let Some(h) = HANDLE.with(|h| h.borrow_mut().take()) {
            h.worker.terminate();
        }
        let _ = tx.unbounded_send((Report::Failed { code: ErrorCode::CryptoUnavailable }, None));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Handle { worker, reports: Some(rx), ready: false, _on_message: on_message, _on_error: on_error })
}

/// Starts the worker if it is not running, so it loads while the person fills in the form.
pub fn warm_up() {
    HANDLE.with(|h| {
        let mut h = h.borrow_mut();
        if h.is_none() {
            *h = spawn().ok();
        }
    });
}

/// Ends the worker and everything in its memory.
pub fn stop() {
    if let Some(h) = HANDLE.with(|h| h.borrow_mut().take()) {
        h.worker.terminate();
    }
}

/// Runs `job` on `input` in the worker; `progress` hears how far it is.
pub async fn run(job: &Job, input: Vec<u8>, progress: impl Fn(Progress)) -> Result<Vec<u8>, ErrorCode> {
    warm_up();
    let (worker, mut reports, ready) = HANDLE.with(|h| {
        let mut h = h.borrow_mut();
        let handle = h.as_mut().ok_or(ErrorCode::CryptoUnavailable)?;
        let reports = handle.reports.take().ok_or(ErrorCode::CryptoUnavailable)?;
        Ok::<_, ErrorCode>((handle.worker.clone(), reports, handle.ready))
    })?;
    let result = async {
        if !ready {
            loop {
                match reports.next().await {
                    Some((Report::Ready, _)) => break,
                    Some((Report::Failed { code }, _)) => return Err(code),
                    Some(_) => {}
                    None => return Err(ErrorCode::CryptoUnavailable),
                }
            }
            HANDLE.with(|h| h.borrow_mut().as_mut().map(|h| h.ready = true));
        }
        let message = Object::new();
        let json = serde_json::to_string(job).map_err(|_| ErrorCode::Internal)?;
        Reflect::set(&message, &"job".into(), &json.into()).map_err(|_| ErrorCode::Internal)?;
        let bytes = Uint8Array::from(&input[..]);
        drop(input);
        let buffer = bytes.buffer();
        Reflect::set(&message, &"bytes".into(), &buffer).map_err(|_| ErrorCode::Internal)?;
        worker.post_message_with_transfer(&message, &Array::of1(&buffer)).map_err(|_| ErrorCode::CryptoUnavailable)?;
        loop {
            match reports.next().await {
                Some((Report::Progress(p), _)) => progress(p),
                Some((Report::Done, Some(bytes))) => return Ok(bytes),
                Some((Report::Failed { code }, _)) => return Err(code),
                Some(_) => {}
                None => return Err(ErrorCode::CryptoUnavailable),
            }
        }
    }
    .await;
    // Give the channel back, unless the worker died meanwhile (then a new one starts next time).
    HANDLE.with(|h| {
        if let Some(handle) = h.borrow_mut().as_mut() {
            if handle.worker == worker {
                handle.reports = Some(reports);
            }
        }
    });
    result
}

/// `bytes` as a download named `file_name` (a Blob URL, revoked after the click).
pub fn download(bytes: &[u8], file_name: &str, mime: &str) -> Result<(), ErrorCode> {
    let array = Array::of1(&Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&array, &options).map_err(|_| ErrorCode::Internal)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| ErrorCode::Internal)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or(ErrorCode::Internal)?;
    let anchor: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(|_| ErrorCode::Internal)?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// A strong passphrase from the browser's random source, in words of `language`.
pub fn generate_passphrase(language: zelfregie_model::Language) -> Result<String, ErrorCode> {
    use zelfregie_model::age_key::{passphrase_from_random, PASSPHRASE_RANDOM_BYTES};
    let mut bytes = [0u8; PASSPHRASE_RANDOM_BYTES];
    let crypto = web_sys::window().and_then(|w| w.crypto().ok()).ok_or(ErrorCode::CryptoUnavailable)?;
    crypto.get_random_values_with_u8_array(&mut bytes).map_err(|_| ErrorCode::CryptoUnavailable)?;
    Ok(passphrase_from_random(&bytes, language))
}

/// The bytes of a file the person picked.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, ErrorCode> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.map_err(|_| ErrorCode::Internal)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}
