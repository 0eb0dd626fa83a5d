//! The age test vectors every age implementation runs (C2SP CCTV, `tests/cctv/README.md`),
//! through this crate's own [`decrypt`]: natively (`cargo test`) and in headless Chromium
//! (`cargo test --target wasm32-unknown-unknown`), where the same code runs as in the export
//! worker.
//!
//! Each vector says what decrypting it must give. Our errors are fewer and coarser than the
//! vectors' kinds, so each kind maps to the codes that mean it here (see [`allowed`]);
//! a success must give exactly the payload whose SHA-256 the vector names, and a failure
//! releases nothing (`decrypt` returns the plaintext only when the whole file checked out).

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use std::io::Read;

use sha2::{Digest, Sha256};
use zelfregie_crypto::{decrypt, Key, MAX_WORK_FACTOR};
use zelfregie_model::error::ErrorCode;

/// Every vector by name, embedded (a browser test cannot read a folder).
const VECTORS: &[(&str, &[u8])] = include!("cctv/list.rs");

/// One vector: its header and its age file.
struct Vector {
    name: &'static str,
    expect: String,
    payload: Option<String>,
    identities: Vec<String>,
    passphrases: Vec<String>,
    file: Vec<u8>,
}

fn parse(name: &'static str, bytes: &[u8]) -> Vector {
    let split = bytes.windows(2).position(|w| w == b"\n\n").unwrap_or_else(|| panic!("{name}: no blank line"));
    let header = std::str::from_utf8(&bytes[..split]).unwrap_or_else(|_| panic!("{name}: header not UTF-8"));
    let mut body = bytes[split + 2..].to_vec();
    let mut v =
        Vector { name, expect: String::new(), payload: None, identities: vec![], passphrases: vec![], file: vec![] };
    let mut compressed = false;
    for line in header.lines() {
        let (key, value) = line.split_once(": ").unwrap_or_else(|| panic!("{name}: header line {line:?}"));
        match key {
            "expect" => v.expect = value.to_owned(),
            "payload" => v.payload = Some(value.to_owned()),
            "identity" => v.identities.push(value.to_owned()),
            "passphrase" => v.passphrases.push(value.to_owned()),
            "compressed" => {
                assert_eq!(value, "zlib", "{name}");
                compressed = true;
            }
            "armored" | "file key" | "comment" => {}
            other => panic!("{name}: unknown header key {other:?} (the suite says to skip such vectors)"),
        }
    }
    if compressed {
        let mut out = Vec::new();
        flate2::read::ZlibDecoder::new(&body[..]).read_to_end(&mut out).expect("zlib");
        body = out;
    }
    v.file = body;
    v
}

/// The codes that mean a vector's expected failure here.
///
/// - `no match`: the key opens no stanza. With keys: `no_matching_key`; with a passphrase:
///   `wrong_passphrase`; a key of the other kind (a passphrase for a file without a valid
///   scrypt stanza, or keys for a passphrase file): `wrong_key_kind`.
/// - `HMAC failure`, `payload failure`: `file_damaged`.
/// - `header failure`: `not_encrypted` (not a well-formed age file), or `excessive_work` for a
///   scrypt stanza asking for more than [`MAX_WORK_FACTOR`] (refused before any work).
/// - `armor failure`: `not_encrypted` when the armor around the header is wrong,
///   `file_damaged` when the armor breaks further on.
fn allowed(expect: &str) -> &'static [ErrorCode] {
    match expect {
        "no match" => &[ErrorCode::NoMatchingKey, ErrorCode::WrongPassphrase, ErrorCode::WrongKeyKind],
        "HMAC failure" | "payload failure" => &[ErrorCode::FileDamaged],
        "header failure" => &[ErrorCode::NotEncrypted, ErrorCode::ExcessiveWork],
        "armor failure" => &[ErrorCode::NotEncrypted, ErrorCode::FileDamaged],
        other => panic!("unknown expectation {other:?}"),
    }
}

/// Decrypts a vector as *Export openen* would: with its identities (one identity file), or
/// with each of its passphrases in turn.
fn open(v: &Vector) -> Result<Vec<u8>, ErrorCode> {
    if !v.identities.is_empty() {
        return decrypt(&v.file, &Key::Identity { identity: v.identities.join("\n") }, &mut |_| {});
    }
    if v.passphrases.is_empty() {
        // A vector without keys must fail before any key matters: try one that opens nothing.
        let (identity, _) = zelfregie_crypto::generate_key_pair();
        return decrypt(&v.file, &Key::Identity { identity }, &mut |_| {});
    }
    let mut last = Err(ErrorCode::Required);
    for p in &v.passphrases {
        last = decrypt(&v.file, &Key::Passphrase { passphrase: p.clone() }, &mut |_| {});
        if last.is_ok() {
            break;
        }
    }
    last
}

/// The outcome of one vector, or what was wrong with it.
fn check(v: &Vector) -> Result<(), String> {
    let result = open(v);
    match (v.expect.as_str(), result) {
        ("success", Ok(plain)) => {
            let hash: String = Sha256::digest(&plain).iter().map(|b| format!("{b:02x}")).collect();
            match &v.payload {
                Some(expected) if *expected == hash => Ok(()),
                expected => Err(format!("payload {hash}, expected {expected:?}")),
            }
        }
        ("success", Err(code)) => Err(format!("refused with {code:?}")),
        (expect, Ok(_)) => Err(format!("opened, expected {expect}")),
        (expect, Err(code)) if allowed(expect).contains(&code) => {
            // excessive_work only for a work factor over the limit.
            if code == ErrorCode::ExcessiveWork
                && zelfregie_crypto::scrypt_work_factor(&v.file).is_none_or(|n| n <= MAX_WORK_FACTOR)
            {
                return Err("excessive_work without a work factor over the limit".into());
            }
            Ok(())
        }
        (expect, Err(code)) => Err(format!("{code:?}, expected {expect}")),
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn every_vector_gives_its_expected_result() {
    let vectors: Vec<Vector> = VECTORS.iter().map(|(name, bytes)| parse(name, bytes)).collect();
    assert_eq!(vectors.len(), 143, "the suite of CCTV commit 1e3d286 (tests/cctv/README.md)");
    let failures: Vec<String> =
        vectors.iter().filter_map(|v| check(v).err().map(|why| format!("{}: {why}", v.name))).collect();
    assert!(failures.is_empty(), "{} of {} vectors failed:\n{}", failures.len(), vectors.len(), failures.join("\n"));
    // Every kind of vector was there: a success of each key kind, and failures of each kind.
    let count = |f: &dyn Fn(&Vector) -> bool| vectors.iter().filter(|v| f(v)).count();
    assert!(count(&|v| v.expect == "success" && v.identities.iter().any(|i| i.starts_with("AGE-SECRET-KEY-PQ-"))) > 0);
    assert!(count(&|v| v.expect == "success" && !v.passphrases.is_empty()) > 0);
    for kind in ["no match", "HMAC failure", "header failure", "payload failure", "armor failure"] {
        assert!(count(&|v| v.expect == kind) > 0, "{kind}");
    }
}

/// The embedded list is the folder: a vector added to (or left out of) `testdata/` without
/// running `scripts/cctv-list.sh` fails here.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn the_embedded_list_is_the_whole_folder() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cctv/testdata");
    let mut on_disk: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    on_disk.sort();
    let listed: Vec<String> = VECTORS.iter().map(|(n, _)| (*n).to_owned()).collect();
    assert_eq!(listed, on_disk);
}
