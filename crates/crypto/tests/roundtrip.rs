//! Round trips and failures of the export encryption. The same tests run natively
//! (`cargo test`) and in headless Chromium (`cargo test --target wasm32-unknown-unknown`),
//! where they exercise age compiled to wasm with the browser's random source.

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use zelfregie_crypto::{
    begin, check_passphrase, decrypt, encrypt, finish, generate_classic_key_pair, generate_key_pair,
    generate_passphrase, inspect, parse_recipients, scrypt_work_factor, Key, Progress, Protection, Stage,
    MAX_WORK_FACTOR, PASSPHRASE_WORK_FACTOR,
};
use zelfregie_model::error::ErrorCode;

macro_rules! both {
    ($($(#[$meta:meta])* fn $name:ident() $body:block)*) => {$(
        $(#[$meta])*
        #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
        #[cfg_attr(not(target_arch = "wasm32"), test)]
        fn $name() $body
    )*};
}

const EXPORT: &[u8] = br#"{"format_version":1,"profile":{"name":"Canary-7f3a Sanne"}}"#;

fn quiet() -> impl FnMut(Progress) {
    |_| {}
}

fn passphrase(p: &str) -> Protection {
    Protection::Passphrase { passphrase: p.to_owned() }
}

fn recipients(keys: &[&str]) -> Protection {
    Protection::Recipients { recipients: keys.iter().map(|k| (*k).to_owned()).collect() }
}

/// A payload spanning several 64 KiB STREAM chunks and progress reports, with no repetition.
fn large(n: usize) -> Vec<u8> {
    let mut x: u32 = 0x9e37_79b9;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect()
}

/// `file` (binary, made with work factor 18) with its scrypt stanza asking for `log_n`
/// instead: the header as another tool would write it, without running scrypt at that cost
/// (in a browser it cannot run). The header MAC no longer matches, which only matters once
/// a key was derived.
fn with_work_factor(file: &[u8], log_n: u8) -> Vec<u8> {
    let text = String::from_utf8_lossy(file);
    let stanza = text.lines().nth(1).unwrap();
    assert!(stanza.starts_with("-> scrypt ") && stanza.ends_with(" 18"), "{stanza}");
    let changed = format!("{} {log_n}", &stanza[..stanza.len() - 3]);
    let at = file.windows(stanza.len()).position(|w| w == stanza.as_bytes()).unwrap();
    [&file[..at], changed.as_bytes(), &file[at + stanza.len()..]].concat()
}

/// A key pair of each kind: post-quantum (what demo partners get) and classic X25519 (what
/// many tools still make). Every file test runs for both.
fn key_pairs() -> [(String, String); 2] {
    [generate_key_pair(), generate_classic_key_pair()]
}

/// Armors a binary age file as `age -a` would.
fn armored(binary: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut w = age::armor::ArmoredWriter::wrap_output(Vec::new(), age::armor::Format::AsciiArmor).unwrap();
    w.write_all(binary).unwrap();
    w.finish().unwrap()
}

both! {
    /// Issue 10: a passphrase file with work factor 21 crashed the browser's worker
    /// (capacity overflow), 22 could not allocate. Above 20 the file is refused from its
    /// header, before any key derivation (no DerivingKey stage is ever reported).
    fn work_factor_above_20_is_refused_before_deriving_a_key() {
        assert_eq!(MAX_WORK_FACTOR, 20);
        let pass = "correct horse battery";
        let file = encrypt(EXPORT, &passphrase(pass), false, &mut quiet()).unwrap();
        assert_eq!(scrypt_work_factor(&file), Some(PASSPHRASE_WORK_FACTOR));
        assert_eq!(scrypt_work_factor(&armored(&file)), Some(PASSPHRASE_WORK_FACTOR));
        for log_n in [21, 22, 40, 63, 64, 255] {
            for candidate in [with_work_factor(&file, log_n), armored(&with_work_factor(&file, log_n))] {
                assert_eq!(scrypt_work_factor(&candidate), Some(log_n));
                let mut stages = Vec::new();
                let result = decrypt(&candidate, &Key::Passphrase { passphrase: pass.into() }, &mut |p: Progress| {
                    stages.push(p.stage)
                });
                assert_eq!(result, Err(ErrorCode::ExcessiveWork), "log_n {log_n}");
                assert!(!stages.contains(&Stage::DerivingKey), "log_n {log_n}: scrypt was started");
            }
        }
        // Not a number, or no scrypt stanza at all: no work factor to read.
        assert_eq!(scrypt_work_factor(&String::from_utf8_lossy(&file).replacen(" 18\n", " x\n", 1).into_bytes()), None);
        assert_eq!(scrypt_work_factor(EXPORT), None);
        let (_, public) = generate_key_pair();
        assert_eq!(scrypt_work_factor(&encrypt(EXPORT, &recipients(&[&public]), false, &mut quiet()).unwrap()), None);
        // 18 still opens.
        assert_eq!(decrypt(&file, &Key::Passphrase { passphrase: pass.into() }, &mut quiet()).unwrap(), EXPORT);
    }

    fn recipient_round_trip_binary_and_armored() {
        for (secret, public) in key_pairs() {
            for armor in [false, true] {
                let file = encrypt(EXPORT, &recipients(&[&public]), armor, &mut quiet()).unwrap();
                assert_eq!(file.starts_with(b"-----BEGIN AGE ENCRYPTED FILE-----"), armor);
                assert!(!file.windows(6).any(|w| w == b"Canary"), "plaintext visible in the file");
                let info = inspect(&file).unwrap();
                assert_eq!((info.armored, info.passphrase), (armor, false));
                let plain = decrypt(&file, &Key::Identity { identity: secret.clone() }, &mut quiet()).unwrap();
                assert_eq!(plain, EXPORT);
            }
        }
    }

    fn several_recipients_each_open_it() {
        for make in [generate_key_pair, generate_classic_key_pair] {
            let (secret_a, public_a) = make();
            let (secret_b, public_b) = make();
            let (secret_c, _) = make();
            let file = encrypt(EXPORT, &recipients(&[&public_a, &public_b]), false, &mut quiet()).unwrap();
            for secret in [secret_a.clone(), secret_b] {
                assert_eq!(decrypt(&file, &Key::Identity { identity: secret }, &mut quiet()).unwrap(), EXPORT);
            }
            let wrong = decrypt(&file, &Key::Identity { identity: secret_c.clone() }, &mut quiet());
            assert_eq!(wrong, Err(ErrorCode::NoMatchingKey));
            // An identity file with a key of each kind opens it too.
            let both = format!("{}\n{secret_a}\n", generate_classic_key_pair().0);
            assert_eq!(decrypt(&file, &Key::Identity { identity: both }, &mut quiet()).unwrap(), EXPORT);
        }
    }

    /// The age format forbids a post-quantum key and a classic one in one file (the classic
    /// key would undo the post-quantum protection): refused as a list, and by the sealing
    /// itself when the keys reach it some other way; never silently written as classic.
    fn post_quantum_and_classic_keys_are_never_mixed_in_one_file() {
        let (_, pq) = generate_key_pair();
        let (_, classic) = generate_classic_key_pair();
        assert!(pq.starts_with("age1pq1") && !classic.starts_with("age1pq1"));
        for list in [[pq.as_str(), classic.as_str()], [classic.as_str(), pq.as_str()]] {
            assert_eq!(parse_recipients(&format!("{}\n{}", list[0], list[1])).unwrap_err(), ErrorCode::RecipientsMixed);
            assert_eq!(encrypt(EXPORT, &recipients(&list), false, &mut quiet()), Err(ErrorCode::RecipientsMixed));
            let parsed: Vec<_> = list.iter().map(|k| zelfregie_crypto::parse_recipient(k).unwrap()).collect();
            let direct: Vec<&dyn age::Recipient> = parsed.iter().map(|r| r.as_age()).collect();
            assert_eq!(zelfregie_crypto::payload::begin(&direct).unwrap_err(), ErrorCode::RecipientsMixed);
        }
    }

    /// What the header says without a key: which kinds of key it was made for, so that the
    /// server can refuse a transfer the organisation's key could not open.
    fn inspect_tells_which_kind_of_key_a_file_is_for() {
        use zelfregie_crypto::KeyKind;
        let (_, pq) = generate_key_pair();
        let (_, classic) = generate_classic_key_pair();
        let for_pq = inspect(&encrypt(EXPORT, &recipients(&[&pq]), true, &mut quiet()).unwrap()).unwrap();
        assert!(for_pq.has_stanza_for(KeyKind::PostQuantum) && !for_pq.has_stanza_for(KeyKind::Classic));
        let for_classic = inspect(&encrypt(EXPORT, &recipients(&[&classic]), false, &mut quiet()).unwrap()).unwrap();
        assert!(for_classic.has_stanza_for(KeyKind::Classic) && !for_classic.has_stanza_for(KeyKind::PostQuantum));
        let for_pass = inspect(&encrypt(EXPORT, &passphrase("correct horse battery"), false, &mut quiet()).unwrap()).unwrap();
        assert!(for_pass.passphrase && !for_pass.has_stanza_for(KeyKind::Classic));
    }

    /// The key pair of the age crate's own tests (an identity file with its public key in a
    /// comment) opens a file made for that public key.
    fn a_post_quantum_identity_file_opens_what_was_made_for_its_key() {
        let file_text = include_str!("../../model/testdata/pq-identity.txt");
        let public = file_text.lines().find_map(|l| l.strip_prefix("# public key: ")).unwrap();
        let file = encrypt(EXPORT, &recipients(&[public]), false, &mut quiet()).unwrap();
        let plain = decrypt(&file, &Key::Identity { identity: file_text.into() }, &mut quiet()).unwrap();
        assert_eq!(plain, EXPORT);
    }

    fn passphrase_round_trip_binary_and_armored_with_work_factor_18() {
        let pass = generate_passphrase(zelfregie_model::Language::Nl).unwrap();
        for armor in [false, true] {
            let mut stages = Vec::new();
            let file = encrypt(EXPORT, &passphrase(&pass), armor, &mut |p: Progress| stages.push(p.stage)).unwrap();
            assert_eq!(stages.first(), Some(&Stage::DerivingKey));
            assert_eq!(stages.last(), Some(&Stage::Encrypting));
            let info = inspect(&file).unwrap();
            assert_eq!((info.armored, info.passphrase), (armor, true));
            let text = String::from_utf8_lossy(&file).into_owned();
            if !armor {
                assert!(text.contains("-> scrypt "), "{text}");
                assert!(text.lines().nth(1).unwrap().ends_with(&format!(" {PASSPHRASE_WORK_FACTOR}")));
            }
            let plain = decrypt(&file, &Key::Passphrase { passphrase: pass.clone() }, &mut quiet()).unwrap();
            assert_eq!(plain, EXPORT);
        }
    }

    fn wrong_passphrase_is_a_clear_error() {
        let file = encrypt(EXPORT, &passphrase("correct horse battery"), false, &mut quiet()).unwrap();
        let wrong = decrypt(&file, &Key::Passphrase { passphrase: "correct horse battery!".into() }, &mut quiet());
        assert_eq!(wrong, Err(ErrorCode::WrongPassphrase));
        let kind = decrypt(&file, &Key::Identity { identity: generate_key_pair().0 }, &mut quiet());
        assert_eq!(kind, Err(ErrorCode::WrongKeyKind));
    }

    fn large_payload_reports_progress_and_survives() {
        for (secret, public) in key_pairs() {
            let data = large(3 * 1024 * 1024 + 17);
            let mut reports = Vec::new();
            let file = encrypt(&data, &recipients(&[&public]), false, &mut |p: Progress| reports.push(p)).unwrap();
            assert!(reports.len() >= 13, "{} reports", reports.len());
            assert!(reports.windows(2).all(|w| w[0].done <= w[1].done));
            assert_eq!(reports.last().unwrap().percent(), Some(100));
            inspect(&file).unwrap();
            assert_eq!(decrypt(&file, &Key::Identity { identity: secret }, &mut quiet()).unwrap(), data);
        }
    }

    fn parts_sealed_apart_make_the_file_one_pass_makes_and_age_opens_it() {
        for (secret, public) in key_pairs() {
            use zelfregie_crypto::payload::{parts, seal, STREAM_CHUNK};
            let key = Key::Identity { identity: secret };
            let c = STREAM_CHUNK;
            for len in [0, 1, c - 1, c, c + 1, 3 * c, 5 * c + 7] {
                let data = large(len);
                let (head, payload_key) = begin(&recipients(&[&public]), len as u64, &mut quiet()).unwrap();
                let mut whole = head.clone();
                seal(&payload_key, &data, 0, true, &mut whole, &mut |_| {}).unwrap();
                for helpers in 0..=3 {
                    let ranges = parts(len, helpers);
                    // Sealed last part first, as helpers may finish in any order.
                    let mut sealed: Vec<Vec<u8>> = vec![Vec::new(); ranges.len()];
                    for (i, range) in ranges.iter().enumerate().rev() {
                        let first = (range.start / c) as u64;
                        seal(&payload_key, &data[range.clone()], first, i + 1 == ranges.len(), &mut sealed[i], &mut |_| {})
                            .unwrap();
                    }
                    let file = [head.clone(), sealed.concat()].concat();
                    assert!(file == whole, "{len} bytes with {helpers} helpers differ from one pass");
                    assert_eq!(decrypt(&file, &key, &mut quiet()).unwrap(), data, "{len} bytes, {helpers} helpers");
                    inspect(&file).unwrap();
                    if ranges.len() > 1 {
                        // Parts swapped, or a part without its "last" flag: refused, never
                        // plaintext out of order.
                        let swapped = [head.clone(), sealed[1..].concat(), sealed[0].clone()].concat();
                        assert_eq!(decrypt(&swapped, &key, &mut quiet()), Err(ErrorCode::FileDamaged));
                        let cut = [head.clone(), sealed[..ranges.len() - 1].concat()].concat();
                        assert_eq!(decrypt(&cut, &key, &mut quiet()), Err(ErrorCode::FileDamaged));
                    }
                }
            }
        }
    }

    fn armor_wraps_the_same_file() {
        for (secret, public) in key_pairs() {
            let data = large(100_000);
            let (head, payload_key) = begin(&recipients(&[&public]), 0, &mut quiet()).unwrap();
            let mut binary = head;
            zelfregie_crypto::payload::seal(&payload_key, &data, 0, true, &mut binary, &mut |_| {}).unwrap();
            assert!(finish(binary.clone(), false).unwrap() == binary);
            let armored = finish(binary, true).unwrap();
            assert!(armored.starts_with(b"-----BEGIN AGE ENCRYPTED FILE-----"));
            assert!(inspect(&armored).unwrap().armored);
            assert_eq!(decrypt(&armored, &Key::Identity { identity: secret }, &mut quiet()).unwrap(), data);
        }
    }

    fn tampered_or_truncated_files_do_not_open() {
        for (secret, public) in key_pairs() {
            let data = large(200_000);
            let file = encrypt(&data, &recipients(&[&public]), false, &mut quiet()).unwrap();
            let key = Key::Identity { identity: secret };
            let mut flipped = file.clone();
            let last = flipped.len() - 5;
            flipped[last] ^= 1;
            assert_eq!(decrypt(&flipped, &key, &mut quiet()), Err(ErrorCode::FileDamaged));
            let truncated = &file[..file.len() - 70_000];
            assert_eq!(decrypt(truncated, &key, &mut quiet()), Err(ErrorCode::FileDamaged));
        }
    }

    fn inspect_refuses_plaintext_and_broken_files() {
        let (_, public) = generate_key_pair();
        let file = encrypt(EXPORT, &recipients(&[&public]), false, &mut quiet()).unwrap();
        assert_eq!(inspect(EXPORT), Err(ErrorCode::NotEncrypted));
        assert_eq!(inspect(b""), Err(ErrorCode::NotEncrypted));
        assert_eq!(inspect(b"age-encryption.org/v1\n{\"profile\":1}"), Err(ErrorCode::NotEncrypted));
        // Header only, or header and nonce without a payload chunk.
        let header_end = file.windows(5).position(|w| w == b"\n--- ").unwrap() + 1;
        let header_end = header_end + file[header_end..].iter().position(|&b| b == b'\n').unwrap() + 1;
        assert_eq!(inspect(&file[..header_end]), Err(ErrorCode::NotEncrypted));
        assert_eq!(inspect(&file[..header_end + 16]), Err(ErrorCode::NotEncrypted));
        assert_eq!(inspect(&file[..header_end + 16 + 8]), Err(ErrorCode::NotEncrypted));
        // A plaintext JSON armored to look like age is still refused.
        let fake = b"-----BEGIN AGE ENCRYPTED FILE-----\neyJwcm9maWxlIjoxfQ==\n-----END AGE ENCRYPTED FILE-----\n";
        assert_eq!(inspect(fake), Err(ErrorCode::NotEncrypted));
        assert!(inspect(&file).is_ok());
    }

    fn recipients_are_validated_as_typed() {
        let (_, public) = generate_key_pair();
        assert_eq!(parse_recipients(&format!("  {public}  \n# partner\n")).unwrap().len(), 1);
        assert_eq!(parse_recipients("").unwrap_err(), ErrorCode::Required);
        assert_eq!(parse_recipients(&public[..public.len() - 1]).unwrap_err(), ErrorCode::RecipientInvalid);
        assert_eq!(parse_recipients("AGE-SECRET-KEY-1QQQ").unwrap_err(), ErrorCode::RecipientInvalid);
        assert_eq!(parse_recipients(&format!("{public}\n{public}")).unwrap_err(), ErrorCode::Duplicate);
        let bad = encrypt(EXPORT, &recipients(&["age1notakey"]), false, &mut quiet());
        assert_eq!(bad, Err(ErrorCode::RecipientInvalid));
    }

    fn identities_are_validated() {
        let file = encrypt(EXPORT, &recipients(&[&generate_key_pair().1]), false, &mut quiet()).unwrap();
        let bad = decrypt(&file, &Key::Identity { identity: "AGE-SECRET-KEY-1XYZ".into() }, &mut quiet());
        assert_eq!(bad, Err(ErrorCode::IdentityInvalid));
        let none = decrypt(&file, &Key::Identity { identity: "# only a comment".into() }, &mut quiet());
        assert_eq!(none, Err(ErrorCode::Required));
    }

    fn generated_passphrases_are_strong_and_distinct() {
        let a = generate_passphrase(zelfregie_model::Language::Nl).unwrap();
        let b = generate_passphrase(zelfregie_model::Language::Nl).unwrap();
        assert_ne!(a, b);
        // Six words to write down, lower case, joined by hyphens.
        assert_eq!(a.split('-').count(), 6);
        assert!(a.chars().all(|c| c == '-' || c.is_ascii_lowercase()));
        assert_eq!(check_passphrase(&a), Ok(()));
        assert_eq!(check_passphrase("kort"), Err(ErrorCode::PassphraseTooShort));
        assert_eq!(check_passphrase(""), Err(ErrorCode::Required));
    }

    fn opening_plaintext_says_so() {
        let r = decrypt(EXPORT, &Key::Passphrase { passphrase: "whatever it is".into() }, &mut quiet());
        assert_eq!(r, Err(ErrorCode::NotEncrypted));
    }
}

/// Files made by age itself with a higher work factor (natively: at 21 scrypt needs 2 GiB).
/// 20 still opens; 21 is refused from its header without running scrypt, which would take
/// seconds here and crash a browser.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn files_made_by_age_with_work_factor_20_open_and_21_is_refused() {
    use std::io::Write;
    let pass = "correct horse battery";
    let make = |log_n: u8| {
        let mut recipient = age::scrypt::Recipient::new(age::secrecy::SecretString::from(pass.to_owned()));
        recipient.set_work_factor(log_n);
        let encryptor = age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient)).unwrap();
        let mut file = Vec::new();
        let mut writer = encryptor.wrap_output(&mut file).unwrap();
        writer.write_all(EXPORT).unwrap();
        writer.finish().unwrap();
        file
    };
    let key = Key::Passphrase { passphrase: pass.into() };
    let twenty = make(20);
    assert_eq!(scrypt_work_factor(&twenty), Some(20));
    assert_eq!(decrypt(&twenty, &key, &mut quiet()).unwrap(), EXPORT);
    let twenty_one = make(21);
    assert_eq!(scrypt_work_factor(&twenty_one), Some(21));
    let started = std::time::Instant::now();
    let mut stages = Vec::new();
    let refused = decrypt(&twenty_one, &key, &mut |p: Progress| stages.push(p.stage));
    assert_eq!(refused, Err(ErrorCode::ExcessiveWork));
    assert!(!stages.contains(&Stage::DerivingKey));
    assert!(started.elapsed() < std::time::Duration::from_millis(500), "{:?}: scrypt ran", started.elapsed());
}
