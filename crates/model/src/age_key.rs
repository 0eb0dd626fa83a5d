//! What the page checks about age keys and passphrases as they are typed, before any
//! encryption starts (the worker and the server check again with age itself).

use crate::{ErrorCode, Language};

/// A passphrase a person chose must not be trivially short (generated ones are longer).
pub const PASSPHRASE_MIN_CHARS: usize = 12;

/// The English words of a generated passphrase: the EFF large word list for dice-generated
/// passphrases (7,776 common English words of 3 to 9 letters, chosen to be easy to read,
/// write down and type; by the Electronic Frontier Foundation, CC BY 3.0 US), without its
/// four words with a hyphen, since the hyphen separates the words. One word a line.
const ENGLISH_WORDS: &str = include_str!("passphrase_words/en.txt");

/// The Dutch words: the 7,776 most common Dutch words of 4 to 8 letters a to z in the
/// OpenTaal word list, without English loans and hurtful words (docs/security.md, "Generated
/// passphrases", says how the list is made and under which licences). One word a line.
const DUTCH_WORDS: &str = include_str!("passphrase_words/nl.txt");

/// Words in a generated passphrase: 6 of either list's words give 77.5 bits (see the test
/// `generated_passphrases_carry_at_least_77_bits`).
pub const PASSPHRASE_WORDS: usize = 6;

/// Random bytes a generated passphrase needs: 4 for each word.
pub const PASSPHRASE_RANDOM_BYTES: usize = 4 * PASSPHRASE_WORDS;

/// The word list of `language`, in order.
pub fn passphrase_words(language: Language) -> impl Iterator<Item = &'static str> {
    match language {
        Language::Nl => DUTCH_WORDS,
        Language::En => ENGLISH_WORDS,
    }
    .lines()
}

/// A passphrase to write down from random bytes: six words of the reader's language joined
/// by hyphens, such as "drempel-haai-laken-oogst-poort-wang". Each word comes from 4 random
/// bytes (a 32-bit number modulo the list's length: the bias is below one in 500,000).
pub fn passphrase_from_random(bytes: &[u8; PASSPHRASE_RANDOM_BYTES], language: Language) -> String {
    let words: Vec<&str> = passphrase_words(language).collect();
    let count = u32::try_from(words.len()).unwrap_or(u32::MAX);
    bytes
        .chunks_exact(4)
        .map(|b| {
            let n = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
            words[usize::try_from(n % count).unwrap_or(0)]
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// Checks a passphrase before the slow key derivation starts.
pub fn check_passphrase(passphrase: &str) -> Result<(), ErrorCode> {
    match passphrase.chars().count() {
        0 => Err(ErrorCode::Required),
        n if n < PASSPHRASE_MIN_CHARS => Err(ErrorCode::PassphraseTooShort),
        _ => Ok(()),
    }
}

/// The kinds of age public key the portal encrypts to. One file holds keys of one kind only:
/// the age format forbids mixing them, since a classic key beside a post-quantum one would
/// leave the file as open to a future quantum computer as if it had only the classic key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyKind {
    /// X25519 (`age1…`, 62 characters): safe today, not against a large quantum computer.
    Classic,
    /// The hybrid post-quantum key (ML-KEM-768 with X25519, `age1pq1…`, 1,959 characters):
    /// safe unless both parts are broken.
    PostQuantum,
}

/// Length of an X25519 recipient (`age1` and 58 Bech32 characters).
pub const RECIPIENT_CHARS: usize = 62;
/// Length of a post-quantum recipient: `age1pq1` and the Bech32 of 1,216 bytes (an ML-KEM-768
/// encapsulation key of 1,184 bytes and an X25519 key of 32) with its checksum.
pub const PQ_RECIPIENT_CHARS: usize = 1959;
/// The start of a post-quantum recipient.
pub const PQ_RECIPIENT_PREFIX: &str = "age1pq1";
/// Bytes of a post-quantum recipient key.
const PQ_RECIPIENT_BYTES: usize = 1184 + 32;

/// Checks one recipient (`age1…` X25519, or `age1pq1…` post-quantum) and says which kind it
/// is: Bech32, lower case, the key's length. Surrounding spaces are ignored. age's own parser
/// checks again before anything is encrypted (and that the key is a usable point).
pub fn recipient_kind(text: &str) -> Result<KeyKind, ErrorCode> {
    use bech32::FromBase32;
    let text = text.trim();
    if text.is_empty() {
        return Err(ErrorCode::Required);
    }
    if text != text.to_ascii_lowercase() {
        return Err(ErrorCode::RecipientInvalid);
    }
    let Ok((hrp, data, bech32::Variant::Bech32)) = bech32::decode(text) else {
        return Err(ErrorCode::RecipientInvalid);
    };
    let (kind, bytes) = match hrp.as_str() {
        "age" => (KeyKind::Classic, 32),
        "age1pq" => (KeyKind::PostQuantum, PQ_RECIPIENT_BYTES),
        _ => return Err(ErrorCode::RecipientInvalid),
    };
    match Vec::<u8>::from_base32(&data) {
        Ok(key) if key.len() == bytes => Ok(kind),
        _ => Err(ErrorCode::RecipientInvalid),
    }
}

/// Checks one recipient of either kind (see [`recipient_kind`]).
pub fn check_recipient(text: &str) -> Result<(), ErrorCode> {
    recipient_kind(text).map(|_| ())
}

/// The key lines of an age recipients or identity file: trimmed, without empty lines and
/// `#` comments.
pub fn key_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Checks recipients, one per line (empty lines and `#` comments ignored): at least one,
/// each valid, none twice, all of one kind ([`ErrorCode::RecipientsMixed`] otherwise).
pub fn check_recipients(text: &str) -> Result<Vec<String>, ErrorCode> {
    let lines: Vec<String> = key_lines(text).map(str::to_owned).collect();
    if lines.is_empty() {
        return Err(ErrorCode::Required);
    }
    let mut first = None;
    for (i, line) in lines.iter().enumerate() {
        let kind = recipient_kind(line)?;
        if lines[..i].contains(line) {
            return Err(ErrorCode::Duplicate);
        }
        if *first.get_or_insert(kind) != kind {
            return Err(ErrorCode::RecipientsMixed);
        }
    }
    Ok(lines)
}

/// The kind of the keys in a recipients text that [`check_recipients`] accepts.
pub fn recipients_kind(text: &str) -> Option<KeyKind> {
    check_recipients(text).ok().and_then(|lines| recipient_kind(&lines[0]).ok())
}

/// The check while a person is still typing or pasting: a line that cannot become a key
/// (wrong start, upper case, a character outside Bech32, too long) or a full-length line that
/// is not a valid key is an error at once; a line that is merely unfinished is not (yet).
/// Two complete keys of different kinds are [`ErrorCode::RecipientsMixed`] at once.
pub fn recipients_as_typed(text: &str) -> Option<ErrorCode> {
    const BECH32: &str = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    let lines: Vec<&str> = key_lines(text).collect();
    let mut first = None;
    for (i, line) in lines.iter().enumerate() {
        let pq = line.starts_with(PQ_RECIPIENT_PREFIX);
        let (head, full) = if pq { (PQ_RECIPIENT_PREFIX.len(), PQ_RECIPIENT_CHARS) } else { (4, RECIPIENT_CHARS) };
        let prefix = &line[..line.len().min(4)];
        let data_ok = line.get(head..).is_none_or(|rest| rest.chars().all(|c| BECH32.contains(c)));
        if !"age1".starts_with(prefix) || !data_ok || line.len() > full {
            return Some(ErrorCode::RecipientInvalid);
        }
        if line.len() == full {
            match recipient_kind(line) {
                Err(code) => return Some(code),
                Ok(kind) if *first.get_or_insert(kind) != kind => return Some(ErrorCode::RecipientsMixed),
                Ok(_) => {}
            }
            if lines[..i].contains(line) {
                return Some(ErrorCode::Duplicate);
            }
        }
    }
    None
}

/// A short fingerprint of a recipient key, to compare with what the organisation says its
/// key is: the first 80 bits of the SHA-256 of the key as written (lower case, trimmed), in
/// four groups of four Bech32 characters, such as `k7qf-2m9x-4trd-8wza`. Finding another key
/// with the same fingerprint takes about 2^80 tries. `None` for text that is not a key.
pub fn fingerprint(recipient: &str) -> Option<String> {
    use sha2::{Digest, Sha256};
    const BECH32: &[u8] = b"qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    let key = recipient.trim();
    recipient_kind(key).ok()?;
    let digest = Sha256::digest(key.as_bytes());
    // 80 bits: 16 groups of 5.
    let bits = digest[..10].iter().fold(0u128, |acc, b| (acc << 8) | u128::from(*b));
    let chars: Vec<char> = (0..16).rev().map(|i| char::from(BECH32[((bits >> (5 * i)) & 31) as usize])).collect();
    Some(chars.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("-"))
}

/// A key shortened for reading beside its fingerprint: its first 12 and last 6 characters
/// (`age1pq1x34nz…c0k`); short keys as they are.
pub fn abbreviated(key: &str) -> String {
    let key = key.trim();
    match (key.get(..12), key.len().checked_sub(6).and_then(|i| key.get(i..))) {
        (Some(start), Some(end)) if key.len() > 24 => format!("{start}…{end}"),
        _ => key.to_owned(),
    }
}

/// The kind of identity (`AGE-SECRET-KEY-1…` classic, `AGE-SECRET-KEY-PQ-1…` post-quantum);
/// `None` for a line that is neither.
pub fn identity_kind(key: &str) -> Option<KeyKind> {
    // Both hold 32 bytes: the prefix, 52 Bech32 characters and the 6 of the checksum.
    const BECH32_UPPER: &str = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L";
    let (kind, rest) = if let Some(rest) = key.strip_prefix("AGE-SECRET-KEY-PQ-1") {
        (KeyKind::PostQuantum, rest)
    } else {
        (KeyKind::Classic, key.strip_prefix("AGE-SECRET-KEY-1")?)
    };
    (rest.len() == 58 && rest.chars().all(|c| BECH32_UPPER.contains(c))).then_some(kind)
}

/// Whether an identity text looks like one or more age secret keys, classic or post-quantum
/// (one per line, as in an identity file; decryption decides).
pub fn check_identity(text: &str) -> Result<(), ErrorCode> {
    let keys: Vec<&str> = key_lines(text).collect();
    if keys.is_empty() {
        return Err(ErrorCode::Required);
    }
    if keys.iter().all(|k| identity_kind(k).is_some()) {
        Ok(())
    } else {
        Err(ErrorCode::IdentityInvalid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The guessing work of a generated passphrase, counted for the worst case: the most
    /// likely word of a 32-bit number modulo the list's length has ceil(2^32 / n) chances
    /// in 2^32 (min-entropy), six times over. The same for both languages.
    #[test]
    fn generated_passphrases_carry_at_least_77_bits() {
        for (language, size, letters) in [(Language::En, 7772, 3..=9), (Language::Nl, 7776, 4..=8)] {
            let words: Vec<&str> = passphrase_words(language).collect();
            let n = words.len() as f64;
            assert_eq!(words.len(), size, "{language:?}");
            let distinct: std::collections::BTreeSet<&str> = words.iter().copied().collect();
            assert_eq!(distinct.len(), words.len(), "no word twice");
            assert!(words.iter().all(|w| letters.contains(&w.len()) && w.bytes().all(|b| b.is_ascii_lowercase())));
            let most_likely = (2f64.powi(32) / n).ceil() / 2f64.powi(32);
            let bits_per_word = -most_likely.log2();
            let bits = bits_per_word * PASSPHRASE_WORDS as f64;
            assert!(bits >= 77.0, "{bits:.2} bits");
            assert!((bits - 6.0 * n.log2()).abs() < 0.001, "the bias costs nothing worth counting");
            assert_eq!(format!("{bits:.1}"), "77.5");
        }
    }

    /// A Dutch reader gets Dutch words: none of the Dutch list is an English word of the
    /// other list, and none is a word a reader would be hurt by.
    #[test]
    fn dutch_passphrases_are_dutch_words() {
        let english: std::collections::BTreeSet<&str> = passphrase_words(Language::En).collect();
        let dutch: Vec<&str> = passphrase_words(Language::Nl).collect();
        let shared = dutch.iter().filter(|w| english.contains(*w)).count();
        assert!(shared < 200, "{shared} words are in both lists");
        for word in ["kanker", "hoer", "neger", "border", "target"] {
            assert!(!dutch.contains(&word), "{word}");
        }
        assert!(dutch.contains(&"drempel") && dutch.contains(&"water"));
        let phrase = passphrase_from_random(&[7; PASSPHRASE_RANDOM_BYTES], Language::Nl);
        assert!(phrase.split('-').all(|w| dutch.contains(&w)), "{phrase}");
    }

    #[test]
    fn a_generated_passphrase_is_six_words_to_write_down() {
        let zeros = passphrase_from_random(&[0; PASSPHRASE_RANDOM_BYTES], Language::En);
        assert_eq!(zeros, ["abacus"; 6].join("-"));
        let mut bytes = [0u8; PASSPHRASE_RANDOM_BYTES];
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = (i * 37 + 11) as u8;
        }
        let phrase = passphrase_from_random(&bytes, Language::En);
        let parts: Vec<&str> = phrase.split('-').collect();
        assert_eq!(parts.len(), 6);
        assert!(parts.iter().all(|w| passphrase_words(Language::En).any(|x| x == *w)));
        assert_eq!(check_passphrase(&phrase), Ok(()));
        // The last word of the list is reachable: 7771 = 0x1E5B.
        let mut last = [0u8; PASSPHRASE_RANDOM_BYTES];
        last[..4].copy_from_slice(&7771u32.to_le_bytes());
        assert!(passphrase_from_random(&last, Language::En).starts_with("zoom-"));
        assert!(passphrase_from_random(&[0; PASSPHRASE_RANDOM_BYTES], Language::Nl).starts_with("aaien-"));
    }

    // From the age specification's test vectors (c2sp.org/age): a valid X25519 recipient.
    const KEY: &str = "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj";

    #[test]
    fn recipients_are_checked_as_typed() {
        assert_eq!(check_recipient(KEY), Ok(()));
        assert_eq!(check_recipient(&format!("  {KEY}\n")), Ok(()));
        assert_eq!(check_recipient(""), Err(ErrorCode::Required));
        assert_eq!(check_recipient(&KEY[..KEY.len() - 1]), Err(ErrorCode::RecipientInvalid));
        assert_eq!(check_recipient(&KEY.replace('q', "p")), Err(ErrorCode::RecipientInvalid), "checksum");
        assert_eq!(check_recipient(&KEY.to_uppercase()), Err(ErrorCode::RecipientInvalid));
        assert_eq!(check_recipient(&KEY.replacen("age1", "abc1", 1)), Err(ErrorCode::RecipientInvalid));
        assert_eq!(check_recipients(&format!("# ok\n{KEY}\n\n")), Ok(vec![KEY.to_owned()]));
        assert_eq!(check_recipients(&format!("{KEY}\n{KEY}")), Err(ErrorCode::Duplicate));
        assert_eq!(check_recipients("\n# nothing\n"), Err(ErrorCode::Required));
    }

    #[test]
    fn recipients_are_judged_while_typing_without_nagging_about_unfinished_keys() {
        assert_eq!(recipients_as_typed(""), None);
        assert_eq!(recipients_as_typed("ag"), None);
        assert_eq!(recipients_as_typed(&KEY[..30]), None, "unfinished");
        assert_eq!(recipients_as_typed("AGE1"), Some(ErrorCode::RecipientInvalid));
        assert_eq!(recipients_as_typed("ssh-ed25519 AAAA"), Some(ErrorCode::RecipientInvalid));
        assert_eq!(recipients_as_typed("age1bio"), Some(ErrorCode::RecipientInvalid), "b, i and o are not Bech32");
        assert_eq!(recipients_as_typed(KEY), None);
        assert_eq!(
            recipients_as_typed(&KEY.replace('q', "p")),
            Some(ErrorCode::RecipientInvalid),
            "checksum at full length"
        );
        assert_eq!(recipients_as_typed(&format!("{KEY}x")), Some(ErrorCode::RecipientInvalid), "too long");
        assert_eq!(recipients_as_typed(&format!("{KEY}\n{KEY}")), Some(ErrorCode::Duplicate));
        assert_eq!(recipients_as_typed(&format!("{KEY}\nage1zv")), None, "second key still being typed");
    }

    /// A post-quantum key pair as an identity file (`# public key: age1pq1…`, then the secret).
    const PQ_FILE: &str = include_str!("../testdata/pq-identity.txt");

    fn pq_key() -> &'static str {
        PQ_FILE.lines().find_map(|l| l.strip_prefix("# public key: ")).unwrap()
    }

    #[test]
    fn post_quantum_recipients_are_checked_and_never_mixed_with_classic_ones() {
        let pq = pq_key();
        assert_eq!(pq.len(), PQ_RECIPIENT_CHARS);
        assert_eq!(recipient_kind(pq), Ok(KeyKind::PostQuantum));
        assert_eq!(recipient_kind(KEY), Ok(KeyKind::Classic));
        assert_eq!(recipient_kind(&pq[..pq.len() - 1]), Err(ErrorCode::RecipientInvalid));
        assert_eq!(recipient_kind(&pq.to_uppercase()), Err(ErrorCode::RecipientInvalid));
        // One character changed: the checksum catches it.
        let changed = format!("{}{}", &pq[..100], if &pq[100..101] == "q" { "p" } else { "q" }) + &pq[101..];
        assert_eq!(recipient_kind(&changed), Err(ErrorCode::RecipientInvalid));
        assert_eq!(check_recipients(&format!("{pq}\n")), Ok(vec![pq.to_owned()]));
        assert_eq!(recipients_kind(pq), Some(KeyKind::PostQuantum));
        assert_eq!(check_recipients(&format!("{pq}\n{KEY}")), Err(ErrorCode::RecipientsMixed));
        assert_eq!(check_recipients(&format!("{KEY}\n{pq}")), Err(ErrorCode::RecipientsMixed));
        assert_eq!(recipients_kind(&format!("{KEY}\n{pq}")), None);
        assert_eq!(recipients_as_typed(pq), None);
        assert_eq!(recipients_as_typed(&pq[..900]), None, "half pasted");
        assert_eq!(recipients_as_typed(&format!("{pq}q")), Some(ErrorCode::RecipientInvalid), "too long");
        assert_eq!(recipients_as_typed(&format!("{KEY}\n{pq}")), Some(ErrorCode::RecipientsMixed));
        assert_eq!(recipients_as_typed(&format!("{pq}\n{pq}")), Some(ErrorCode::Duplicate));
        assert_eq!(recipients_as_typed("age1pq1B"), Some(ErrorCode::RecipientInvalid));
    }

    #[test]
    fn fingerprints_are_short_stable_and_differ_per_key() {
        let pq = pq_key();
        let f = fingerprint(pq).unwrap();
        assert_eq!(f.len(), 19);
        assert_eq!(f.split('-').map(str::len).collect::<Vec<_>>(), vec![4; 4]);
        assert_eq!(fingerprint(&format!("  {pq}\n")), Some(f.clone()), "as pasted");
        assert_ne!(fingerprint(KEY), Some(f));
        assert_eq!(fingerprint("age1nope"), None);
        assert_eq!(abbreviated(pq), format!("{}…{}", &pq[..12], &pq[pq.len() - 6..]));
        assert_eq!(abbreviated("age1short"), "age1short");
        // SHA-256 of the key, first 80 bits in Bech32's alphabet: fixed, so that what the
        // portal shows can be compared with what an organisation computes.
        assert_eq!(fingerprint(KEY).unwrap(), FINGERPRINT_OF_KEY);
    }

    /// `fingerprint(KEY)`, computed apart from this code: `printf %s KEY | sha256sum`, the
    /// first 20 hex digits, each 5 bits mapped to `qpzry9x8gf2tvdw0s3jn54khce6mua7l`.
    const FINGERPRINT_OF_KEY: &str = "d2qy-wuuc-9pq0-5l4w";

    #[test]
    fn passphrases() {
        let p = passphrase_from_random(&[0xff; PASSPHRASE_RANDOM_BYTES], Language::En);
        // 2^32 - 1 = 552,620 × 7,772 + 4,655: word 4,655 six times.
        let word = passphrase_words(Language::En).nth(4655).unwrap();
        assert_eq!(p, [word; 6].join("-"));
        assert_eq!(check_passphrase(&p), Ok(()));
        assert_eq!(check_passphrase("elf tekens."), Err(ErrorCode::PassphraseTooShort));
        assert_eq!(check_passphrase("twaalf tekens"), Ok(()));
        assert_eq!(check_passphrase(""), Err(ErrorCode::Required));
    }

    #[test]
    fn identities() {
        let key = "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX";
        assert_eq!(check_identity(&format!("# created: now\n# public key: {KEY}\n{key}\n")), Ok(()));
        assert_eq!(check_identity(KEY), Err(ErrorCode::IdentityInvalid));
        assert_eq!(check_identity("# only comments"), Err(ErrorCode::Required));
        assert_eq!(check_identity(PQ_FILE), Ok(()), "a post-quantum identity file");
        assert_eq!(check_identity(&format!("{key}\n{PQ_FILE}")), Ok(()), "both kinds");
        let pq_secret = PQ_FILE.lines().last().unwrap();
        assert_eq!(check_identity(&pq_secret[..pq_secret.len() - 1]), Err(ErrorCode::IdentityInvalid));
        assert_eq!(check_identity(&pq_secret.to_lowercase()), Err(ErrorCode::IdentityInvalid));
    }
}
