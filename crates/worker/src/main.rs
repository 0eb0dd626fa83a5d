//! The crypto web worker. Trunk builds it as a second wasm (`data-type="worker"` in
//! index.html); the export pages start it with `new Worker("/zelfregie-worker_loader.js")`,
//! so age and scrypt never load with the rest of the portal and never block the page.
//!
//! Protocol ([`zelfregie_crypto::protocol`]): the page posts `{ job: "<Job JSON>", bytes:
//! ArrayBuffer }`; the worker answers `{ report: "<Report JSON>" }`, with `bytes` beside a
//! `Done`. It says `Ready` once, when it can take jobs.

#[cfg(target_arch = "wasm32")]
mod worker;

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::start();
}

/// The worker only exists in the browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("zelfregie-worker runs in the browser only; build it with trunk (see README).");
    std::process::exit(2);
}
