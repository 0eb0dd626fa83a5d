//! Messages between the page and its crypto web worker (crate `zelfregie-worker`). The control part travels as JSON;
//! the bytes travel beside it as a transferred `ArrayBuffer` (never copied, never in JSON).

use crate::error::ErrorCode;
use serde::{Deserialize, Serialize};

/// How an export is protected.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Protection {
    /// scrypt with [`crate::PASSPHRASE_WORK_FACTOR`].
    Passphrase {
        /// The passphrase.
        passphrase: String,
    },
    /// One or more X25519 recipients (`age1…`).
    Recipients {
        /// The public keys, as typed.
        recipients: Vec<String>,
    },
}

/// What opens an age file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Key {
    /// The passphrase it was encrypted with.
    Passphrase {
        /// The passphrase.
        passphrase: String,
    },
    /// An identity file's text: one or more `AGE-SECRET-KEY-1…` lines.
    Identity {
        /// The identity text.
        identity: String,
    },
}

/// A job for the worker; its input bytes travel beside it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "job", rename_all = "snake_case")]
pub enum Job {
    /// Encrypt the bytes.
    Encrypt {
        /// Passphrase or recipients.
        protection: Protection,
        /// ASCII armor instead of binary.
        armor: bool,
    },
    /// Seal a part of a payload an `Encrypt` job started (sent by the worker to its helper
    /// workers, never by the page): whole 64 KiB chunks from chunk number `first`.
    Seal {
        /// The payload key, base64 (`zelfregie_crypto::payload::PayloadKey`).
        key: String,
        /// The number of the part's first chunk in the payload.
        first: u64,
        /// The part ends the payload.
        last: bool,
    },
    /// Decrypt the bytes.
    Decrypt {
        /// Passphrase or identity.
        key: Key,
    },
}

/// Where a job is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// scrypt is deriving the key from the passphrase (no finer progress exists).
    DerivingKey,
    /// Encrypting; `done` of `total` bytes.
    Encrypting,
    /// Decrypting; `done` of about `total` bytes.
    Decrypting,
}

/// A progress report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// The stage.
    pub stage: Stage,
    /// Bytes done.
    pub done: u64,
    /// Bytes in all.
    pub total: u64,
}

impl Progress {
    /// Percentage done, when it can be told.
    pub fn percent(&self) -> Option<u8> {
        match self.stage {
            Stage::DerivingKey => None,
            _ if self.total == 0 => Some(100),
            _ => Some(((self.done.min(self.total) * 100) / self.total) as u8),
        }
    }
}

/// A message from the worker; with [`Report::Done`] the output bytes travel beside it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "report", rename_all = "snake_case")]
pub enum Report {
    /// The worker has started and takes jobs.
    Ready,
    /// The job moved on.
    Progress(Progress),
    /// The job finished; the result bytes are attached.
    Done,
    /// The job failed.
    Failed {
        /// Why.
        code: ErrorCode,
    },
}
