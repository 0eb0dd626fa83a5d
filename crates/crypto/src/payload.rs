//! The age file written in parts, so the browser can encrypt the parts in parallel workers
//! (`docs/build.md`, "Crypto speed").
//!
//! An age file is a header (the file key wrapped for each recipient, then a MAC), a 16-byte
//! payload nonce, and the payload: the plaintext in 64 KiB chunks, each sealed with
//! ChaCha20-Poly1305 under a key derived from the file key and the nonce, with the chunk's
//! number and a "last chunk" flag as its nonce (age's STREAM). Every chunk depends only on
//! the key and its number, so separate workers can seal separate runs of chunks and the
//! concatenation is the same file one pass would write.
//!
//! The recipient stanzas come from the age crate itself ([`age::Recipient::wrap_file_key`]);
//! this module only frames them and seals the chunks. Files are checked against the age
//! crate, rage and typage in the tests.

use age::secrecy::ExposeSecret;
use age_core::format::{FileKey, Stanza};
use age_core::primitives::hkdf;
use base64::prelude::{Engine, BASE64_STANDARD_NO_PAD};
use chacha20poly1305::aead::{AeadInOut, KeyInit};
use chacha20poly1305::ChaCha20Poly1305;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use zelfregie_model::error::ErrorCode;

/// Plaintext bytes per STREAM chunk.
pub const STREAM_CHUNK: usize = 64 * 1024;
/// The tag each sealed chunk carries.
pub const TAG: usize = 16;
/// The payload nonce after the header.
const NONCE: usize = 16;

/// The key the payload's chunks are sealed with. Parts of one file are sealed with one key;
/// it leaves the worker only to the helper workers that seal the other parts.
#[derive(Clone)]
pub struct PayloadKey([u8; 32]);

impl PayloadKey {
    /// As text, for the message to a helper worker.
    pub fn to_text(&self) -> String {
        BASE64_STANDARD_NO_PAD.encode(self.0)
    }

    /// From [`Self::to_text`].
    pub fn from_text(text: &str) -> Result<Self, ErrorCode> {
        let bytes = BASE64_STANDARD_NO_PAD.decode(text).map_err(|_| ErrorCode::MalformedRequest)?;
        Ok(Self(bytes.try_into().map_err(|_| ErrorCode::MalformedRequest)?))
    }
}

impl Drop for PayloadKey {
    fn drop(&mut self) {
        // Not a guarantee (copies may exist), but the key does not outlive its use here.
        self.0 = [0; 32];
    }
}

impl std::fmt::Debug for PayloadKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PayloadKey(…)")
    }
}

/// Starts a file for `recipients` (one scrypt recipient, or recipient keys of one kind):
/// returns the header with the payload nonce after it, and the key for [`seal`]. With a
/// passphrase this is where scrypt runs.
///
/// Recipients must be of one kind, as age's own encryptor demands: each says which others it
/// can share a file with by its labels (a post-quantum key is labelled `postquantum`, so a
/// classic key beside it would undo its protection), and different labels are refused with
/// [`ErrorCode::RecipientsMixed`] before anything is written.
pub fn begin(recipients: &[&dyn age::Recipient]) -> Result<(Vec<u8>, PayloadKey), ErrorCode> {
    let mut random = [0u8; 16 + NONCE];
    getrandom::fill(&mut random).map_err(|_| ErrorCode::CryptoUnavailable)?;
    let (file_key, nonce) = random.split_at(16);
    let file_key = FileKey::new(Box::new(file_key.try_into().expect("16 bytes")));
    let mut stanzas: Vec<Stanza> = Vec::new();
    let mut first_labels = None;
    for recipient in recipients {
        let (wrapped, labels) = recipient.wrap_file_key(&file_key).map_err(|_| ErrorCode::Internal)?;
        if *first_labels.get_or_insert_with(|| labels.clone()) != labels {
            return Err(ErrorCode::RecipientsMixed);
        }
        stanzas.extend(wrapped);
    }
    if stanzas.is_empty() {
        return Err(ErrorCode::Required);
    }
    let mut head = b"age-encryption.org/v1\n".to_vec();
    for s in &stanzas {
        head = cookie_factory::gen_simple(age_core::format::write::age_stanza(&s.tag, &s.args, &s.body), head)
            .map_err(|_| ErrorCode::Internal)?;
    }
    // The MAC covers the header up to and including "---".
    head.extend_from_slice(b"---");
    let mac_key = hkdf(&[], b"header", file_key.expose_secret());
    let mut mac = Hmac::<Sha256>::new_from_slice(&mac_key).map_err(|_| ErrorCode::Internal)?;
    mac.update(&head);
    head.push(b' ');
    head.extend_from_slice(BASE64_STANDARD_NO_PAD.encode(mac.finalize().into_bytes()).as_bytes());
    head.push(b'\n');
    head.extend_from_slice(nonce);
    let key = PayloadKey(hkdf(nonce, b"payload", file_key.expose_secret()));
    random.fill(0);
    Ok((head, key))
}

/// The parts `len` plaintext bytes are split into for a worker and `helpers` helpers:
/// whole runs of chunks, none empty (an empty plaintext is one empty part). The first part
/// is the worker's own and weighs 5/4 of a helper's: a helper's part also costs a copy to
/// it, a copy back and two messages (measured in `docs/build.md`, "Crypto speed").
pub fn parts(len: usize, helpers: usize) -> Vec<std::ops::Range<usize>> {
    let chunks = len.div_ceil(STREAM_CHUNK).max(1);
    let own = (chunks * 5).div_ceil(5 + 4 * helpers).max(1);
    let rest = chunks - own;
    let mut bounds = vec![0, own];
    if rest > 0 {
        let per_helper = rest.div_ceil(helpers);
        bounds.extend((1..=rest.div_ceil(per_helper)).map(|k| own + (k * per_helper).min(rest)));
    }
    bounds.windows(2).map(|w| w[0] * STREAM_CHUNK..(w[1] * STREAM_CHUNK).min(len)).collect()
}

/// Bytes a sealed part of `plain` plaintext bytes takes.
pub fn sealed_len(plain: usize) -> usize {
    plain + plain.div_ceil(STREAM_CHUNK).max(1) * TAG
}

/// Seals `plain`, which starts at the payload's chunk number `first`, appending to `out`.
/// `last`: this part ends the payload (its last chunk gets the flag). Every part but the
/// last is a whole number of chunks; only a last part may be empty (an empty file).
/// `progress` hears the plaintext bytes sealed so far in this part.
pub fn seal(
    key: &PayloadKey,
    plain: &[u8],
    first: u64,
    last: bool,
    out: &mut Vec<u8>,
    progress: &mut dyn FnMut(usize),
) -> Result<(), ErrorCode> {
    if !last && (plain.is_empty() || plain.len() % STREAM_CHUNK != 0) {
        return Err(ErrorCode::MalformedRequest);
    }
    let aead = ChaCha20Poly1305::new(&key.0.into());
    out.reserve(sealed_len(plain.len()));
    let count = plain.len().div_ceil(STREAM_CHUNK).max(1);
    for i in 0..count {
        let chunk = &plain[(i * STREAM_CHUNK).min(plain.len())..((i + 1) * STREAM_CHUNK).min(plain.len())];
        let number = first.checked_add(i as u64).ok_or(ErrorCode::MalformedRequest)?;
        let mut nonce = [0u8; 12];
        nonce[3..11].copy_from_slice(&number.to_be_bytes());
        nonce[11] = u8::from(last && i + 1 == count);
        let start = out.len();
        out.extend_from_slice(chunk);
        let tag = aead
            .encrypt_inout_detached(&nonce.into(), &[], (&mut out[start..]).into())
            .map_err(|_| ErrorCode::Internal)?;
        out.extend_from_slice(&tag);
        if (i + 1) % 4 == 0 || i + 1 == count {
            progress(((i + 1) * STREAM_CHUNK).min(plain.len()));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_whole_chunks_cover_everything_and_none_is_empty() {
        for len in [0, 1, STREAM_CHUNK - 1, STREAM_CHUNK, STREAM_CHUNK + 1, 3 * STREAM_CHUNK, 10 * STREAM_CHUNK + 5] {
            for helpers in 0..=4 {
                let workers = helpers + 1;
                let p = parts(len, helpers);
                assert!(!p.is_empty() && p.len() <= workers, "{len} {workers}: {p:?}");
                assert_eq!(p.first().unwrap().start, 0);
                assert_eq!(p.last().unwrap().end, len);
                for w in p.windows(2) {
                    assert_eq!(w[0].end, w[1].start);
                    assert!(w[0].end % STREAM_CHUNK == 0 && !w[0].is_empty(), "{len} {workers}: {p:?}");
                }
            }
        }
    }

    #[test]
    fn the_workers_own_part_is_a_little_larger() {
        let p = parts(256 * STREAM_CHUNK, 1);
        assert_eq!(p, vec![0..143 * STREAM_CHUNK, 143 * STREAM_CHUNK..256 * STREAM_CHUNK]);
        let p = parts(256 * STREAM_CHUNK, 3);
        assert_eq!(p.iter().map(|r| r.len() / STREAM_CHUNK).collect::<Vec<_>>(), vec![76, 60, 60, 60]);
    }

    #[test]
    fn a_key_survives_its_text_form_and_other_text_is_refused() {
        let key = PayloadKey([7; 32]);
        assert_eq!(PayloadKey::from_text(&key.to_text()).unwrap().0, [7; 32]);
        assert_eq!(PayloadKey::from_text("AAAA").unwrap_err(), ErrorCode::MalformedRequest);
        assert_eq!(PayloadKey::from_text("not base64!").unwrap_err(), ErrorCode::MalformedRequest);
    }

    #[test]
    fn a_part_that_is_not_whole_chunks_is_refused_unless_it_is_the_last() {
        let key = PayloadKey([1; 32]);
        let mut out = Vec::new();
        assert!(seal(&key, &[0; 100], 0, false, &mut out, &mut |_| {}).is_err());
        assert!(seal(&key, &[], 0, false, &mut out, &mut |_| {}).is_err());
        assert!(seal(&key, &[0; 100], 0, true, &mut out, &mut |_| {}).is_ok());
        assert_eq!(out.len(), sealed_len(100));
    }
}
