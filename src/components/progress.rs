//! Where a slow job (fetch, encrypt, upload) is, announced politely and shown as a progress
//! bar; while scrypt derives its key there is no percentage, so the bar is indeterminate.

use std::future::Future;

use leptos::prelude::*;
use zelfregie_model::worker_protocol::{Progress, Stage};

use crate::api::ApiResult;
use crate::i18n::T;
use crate::locale::Locale;

/// The steps of an encryption or decryption job as the page shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Fetching the export from the portal.
    Fetching,
    /// Waiting for the worker to load.
    Starting,
    /// The worker reports.
    Working(Progress),
    /// Uploading the encrypted file.
    Uploading,
}

impl Step {
    /// The sentence for this step.
    pub fn text(self) -> T {
        match self {
            Step::Fetching => T::StageFetching,
            Step::Starting => T::StageStarting,
            Step::Working(p) => match p.stage {
                Stage::DerivingKey => T::StageDeriving,
                Stage::Encrypting => T::StageEncrypting,
                Stage::Decrypting => T::StageDecrypting,
            },
            Step::Uploading => T::StageUploading,
        }
    }

    /// Percentage, when it can be told.
    pub fn percent(self) -> Option<u8> {
        match self {
            Step::Working(p) => p.percent(),
            _ => None,
        }
    }
}

/// The progress of a job; nothing when `step` is `None`.
#[component]
pub fn JobProgress(
    /// The current step.
    #[prop(into)]
    step: Signal<Option<Step>>,
) -> impl IntoView {
    let locale = Locale::get();
    move || {
        step.get().map(|s| {
            let text = s.text().get(locale.lang());
            let percent = s.percent();
            view! {
                <div class="job-progress" role="status" aria-live="polite">
                    <p>{text}{percent.map(|p| format!(" {p}%"))}</p>
                    <progress max="100" value=percent.map(|p| p.to_string()) aria-label=text></progress>
                </div>
            }
        })
    }
}

/// Runs a slow job (for a [`Submit`](crate::submit::Submit)) and clears `step` when it
/// ends, however it ends.
pub async fn tracked<V>(step: RwSignal<Option<Step>>, job: impl Future<Output = ApiResult<V>>) -> ApiResult<V> {
    let result = job.await;
    step.try_set(None);
    result
}

/// Milliseconds since the page started (for "took 1.2 s").
pub fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}
