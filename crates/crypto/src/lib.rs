//! Zelfregie's encryption of exports with [age](https://age-encryption.org/v1).
//!
//! One crate for both sides: the browser's web worker encrypts and decrypts with it (the
//! server never sees plaintext), and the server uses [`inspect`] to accept only well-formed
//! age files for transfers. Failures are [`ErrorCode`]s, which the UI turns into sentences.

use std::borrow::Cow;
use std::io::{Read, Write};
use std::str::FromStr;

use age::armor::{ArmoredReader, ArmoredWriter, Format};
use age::secrecy::SecretString;
use age::{DecryptError, Decryptor};
pub use zelfregie_model::error::ErrorCode;

pub mod payload;

pub use zelfregie_model::age_key::{check_passphrase, fingerprint, KeyKind};
use zelfregie_model::age_key::{key_lines, passphrase_from_random, PASSPHRASE_RANDOM_BYTES};
pub use zelfregie_model::worker_protocol as protocol;
pub use zelfregie_model::worker_protocol::{Key, Progress, Protection, Stage};

/// scrypt work factor (N = 2^18) for passphrase files: about one second in a desktop browser,
/// a few on a phone. age would calibrate itself, but in a size-optimised wasm build it picks
/// too low a value (16; `docs/build.md`), and a worker has no clock it can use.
pub const PASSPHRASE_WORK_FACTOR: u8 = 18;

/// The most passphrase work an opened file may ask for: N = 2^20, which scrypt (r = 8) runs
/// with 1 GiB of memory, a few seconds on a laptop. That is also the browser's limit: at 21
/// scrypt's 2 GiB buffer overflows wasm32's address space (the worker panicked with
/// "capacity overflow"), at 22 it cannot allocate at all (issue 10). Files with more are
/// refused before any key derivation, with [`ErrorCode::ExcessiveWork`]: rage or age on a
/// computer opens them.
pub const MAX_WORK_FACTOR: u8 = 20;

/// Bytes encrypted or decrypted between two progress reports.
pub const CHUNK: usize = 256 * 1024;

/// The first line of a binary age file.
const BINARY_MAGIC: &[u8] = b"age-encryption.org/v1\n";
/// The first line of an ASCII-armored age file.
const ARMOR_BEGIN: &[u8] = b"-----BEGIN AGE ENCRYPTED FILE-----";

// age 0.13 marks its X25519 types deprecated to steer new keys to post-quantum ones. The
// portal still encrypts to classic keys a person gives (their tools may not know the new
// kind yet; the page says what that means) and opens files made for them, so it uses them
// knowingly, here and in `Identity` and `generate_classic_key_pair` only.
mod classic {
    #[allow(deprecated)]
    pub type Identity = age::x25519::Identity;
    #[allow(deprecated)]
    pub type Recipient = age::x25519::Recipient;
}

/// A recipient key the portal encrypts to: classic X25519 (`age1…`) or hybrid post-quantum
/// (`age1pq1…`, ML-KEM-768 with X25519). One file takes keys of one kind only
/// ([`ErrorCode::RecipientsMixed`]).
#[derive(Clone, Debug)]
pub enum Recipient {
    /// X25519: age calls it "legacy"; safe today, not against a large quantum computer.
    Classic(classic::Recipient),
    /// Hybrid post-quantum: safe unless both ML-KEM-768 and X25519 are broken.
    PostQuantum(age::pq::Recipient),
}

impl Recipient {
    /// Which kind of key this is.
    pub fn kind(&self) -> KeyKind {
        match self {
            Self::Classic(_) => KeyKind::Classic,
            Self::PostQuantum(_) => KeyKind::PostQuantum,
        }
    }

    /// The age crate's recipient, to wrap a file key with.
    pub fn as_age(&self) -> &dyn age::Recipient {
        match self {
            Self::Classic(r) => r,
            Self::PostQuantum(r) => r,
        }
    }
}

impl std::fmt::Display for Recipient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Classic(r) => r.fmt(f),
            Self::PostQuantum(r) => r.fmt(f),
        }
    }
}

/// The recipient stanza type each kind of key writes into a file's header (and the only
/// one that key can open).
pub fn stanza_tag(kind: KeyKind) -> &'static str {
    match kind {
        KeyKind::Classic => "X25519",
        KeyKind::PostQuantum => "mlkem768x25519",
    }
}

/// Parses one recipient key of either kind as typed; surrounding spaces are ignored. The
/// model's check first (its kind, Bech32, length), then age's own parser (a usable point).
pub fn parse_recipient(text: &str) -> Result<Recipient, ErrorCode> {
    let text = text.trim();
    let parsed = match zelfregie_model::age_key::recipient_kind(text)? {
        KeyKind::Classic => classic::Recipient::from_str(text).map(Recipient::Classic).ok(),
        KeyKind::PostQuantum => age::pq::Recipient::from_str(text).map(Recipient::PostQuantum).ok(),
    };
    parsed.ok_or(ErrorCode::RecipientInvalid)
}

/// Parses recipient keys, one per line (empty lines and `#` comments ignored), as in an age
/// recipients file: the model's checks as typed (none twice, one kind only), then age's own
/// parser.
pub fn parse_recipients(text: &str) -> Result<Vec<Recipient>, ErrorCode> {
    zelfregie_model::age_key::check_recipients(text)?.iter().map(|line| parse_recipient(line)).collect()
}

/// A strong passphrase to write down (see [`passphrase_from_random`]), from the operating
/// system's random source (`crypto.getRandomValues` in a browser), in words of `language`.
pub fn generate_passphrase(language: zelfregie_model::Language) -> Result<String, ErrorCode> {
    let mut bytes = [0u8; PASSPHRASE_RANDOM_BYTES];
    getrandom::fill(&mut bytes).map_err(|_| ErrorCode::CryptoUnavailable)?;
    Ok(passphrase_from_random(&bytes, language))
}

/// Encrypts `plain` to a passphrase or to recipients, binary or armored, in one pass.
/// `progress` hears of the key derivation and then of every [`CHUNK`] written. The worker
/// does the same with the parts sealed in parallel: [`begin`], [`payload::seal`] per part,
/// [`finish`].
pub fn encrypt(
    plain: &[u8],
    protection: &Protection,
    armor: bool,
    progress: &mut dyn FnMut(Progress),
) -> Result<Vec<u8>, ErrorCode> {
    let total = plain.len() as u64;
    let (mut file, key) = begin(protection, total, progress)?;
    progress(Progress { stage: Stage::Encrypting, done: 0, total });
    payload::seal(&key, plain, 0, true, &mut file, &mut |done| {
        progress(Progress { stage: Stage::Encrypting, done: done as u64, total })
    })?;
    finish(file, armor)
}

/// Starts a file for `protection` after checking it: the header with the payload nonce,
/// and the key the payload is sealed with. With a passphrase, scrypt runs here (reported
/// as [`Stage::DerivingKey`]).
pub fn begin(
    protection: &Protection,
    total: u64,
    progress: &mut dyn FnMut(Progress),
) -> Result<(Vec<u8>, payload::PayloadKey), ErrorCode> {
    match protection {
        Protection::Passphrase { passphrase } => {
            check_passphrase(passphrase)?;
            progress(Progress { stage: Stage::DerivingKey, done: 0, total });
            let mut recipient = age::scrypt::Recipient::new(SecretString::from(passphrase.clone()));
            recipient.set_work_factor(PASSPHRASE_WORK_FACTOR);
            payload::begin(&[&recipient])
        }
        Protection::Recipients { recipients } => {
            let parsed = parse_recipients(&recipients.join("\n"))?;
            let list: Vec<&dyn age::Recipient> = parsed.iter().map(Recipient::as_age).collect();
            payload::begin(&list)
        }
    }
}

/// The finished file from the header and every sealed part in order: as it is, or in
/// ASCII armor.
pub fn finish(binary: Vec<u8>, armor: bool) -> Result<Vec<u8>, ErrorCode> {
    if !armor {
        return Ok(binary);
    }
    // Armor adds a third plus line breaks.
    let capacity = binary.len() / 3 * 4 + binary.len() / 32 + 1024;
    let mut writer = ArmoredWriter::wrap_output(Vec::with_capacity(capacity), Format::AsciiArmor)
        .map_err(|_| ErrorCode::Internal)?;
    writer.write_all(&binary).map_err(|_| ErrorCode::Internal)?;
    writer.finish().map_err(|_| ErrorCode::Internal)
}

/// Decrypts an age file (binary or armored) with a passphrase or identities.
pub fn decrypt(file: &[u8], key: &Key, progress: &mut dyn FnMut(Progress)) -> Result<Vec<u8>, ErrorCode> {
    let binary = binary_of(file)?;
    let file: &[u8] = &binary;
    if !well_formed_header(file) {
        return Err(ErrorCode::NotEncrypted);
    }
    let decryptor = Decryptor::new_buffered(file).map_err(|e| header_error(&e))?;
    // A scrypt stanza must be the header's only one (age's rule): otherwise the header is
    // malformed, whichever key is given.
    if !decryptor.is_scrypt() && decryptor.has_recipient_stanza_tag("scrypt") == Some(true) {
        return Err(ErrorCode::NotEncrypted);
    }
    let total = file.len() as u64;
    let mut reader = match key {
        Key::Passphrase { passphrase } => {
            if !decryptor.is_scrypt() {
                return Err(ErrorCode::WrongKeyKind);
            }
            if passphrase.is_empty() {
                return Err(ErrorCode::Required);
            }
            // Read the work factor from the header first: above the limit, no scrypt runs.
            match work_factor_of(file) {
                None => return Err(ErrorCode::NotEncrypted),
                Some(log_n) if log_n > MAX_WORK_FACTOR => return Err(ErrorCode::ExcessiveWork),
                Some(_) => {}
            }
            progress(Progress { stage: Stage::DerivingKey, done: 0, total });
            let mut identity = age::scrypt::Identity::new(SecretString::from(passphrase.clone()));
            identity.set_max_work_factor(MAX_WORK_FACTOR);
            decryptor.decrypt(std::iter::once(&identity as &dyn age::Identity)).map_err(|e| match e {
                DecryptError::ExcessiveWork { .. } => ErrorCode::ExcessiveWork,
                DecryptError::DecryptionFailed | DecryptError::KeyDecryptionFailed | DecryptError::NoMatchingKeys => {
                    ErrorCode::WrongPassphrase
                }
                other => header_error(&other),
            })?
        }
        Key::Identity { identity } => {
            if decryptor.is_scrypt() {
                return Err(ErrorCode::WrongKeyKind);
            }
            let identities = parse_identities(identity)?;
            decryptor.decrypt(identities.iter().map(Identity::as_age)).map_err(|e| match e {
                DecryptError::NoMatchingKeys | DecryptError::KeyDecryptionFailed => ErrorCode::NoMatchingKey,
                other => header_error(&other),
            })?
        }
    };
    progress(Progress { stage: Stage::Decrypting, done: 0, total });
    let mut plain = Vec::with_capacity(file.len());
    let mut buffer = vec![0u8; CHUNK];
    loop {
        let n = reader.read(&mut buffer).map_err(|_| ErrorCode::FileDamaged)?;
        if n == 0 {
            break;
        }
        plain.extend_from_slice(&buffer[..n]);
        progress(Progress { stage: Stage::Decrypting, done: (plain.len() as u64).min(total), total });
    }
    Ok(plain)
}

/// The scrypt work factor (`log_n`, N = 2^log_n) a passphrase file's header asks for: the
/// last argument of its `-> scrypt <salt> <log_n>` stanza, read without deriving anything.
/// `None` when the file has no well-formed scrypt stanza (then it cannot be opened with a
/// passphrase either). Armored files are read through the armor.
pub fn scrypt_work_factor(file: &[u8]) -> Option<u8> {
    if file.starts_with(BINARY_MAGIC) {
        return work_factor_of(file);
    }
    // Only the header's beginning is decoded from the armor, not the whole file.
    let mut head = Vec::with_capacity(512);
    ArmoredReader::new(file.trim_ascii()).take(512).read_to_end(&mut head).ok()?;
    work_factor_of(&head)
}

fn work_factor_of(binary: &[u8]) -> Option<u8> {
    // The scrypt stanza must be the file's only one, so it is the header's second line.
    let head = &binary[..binary.len().min(512)];
    let mut lines = head.split(|&b| b == b'\n');
    if lines.next() != Some(&BINARY_MAGIC[..BINARY_MAGIC.len() - 1]) {
        return None;
    }
    let stanza = std::str::from_utf8(lines.next()?).ok()?;
    match stanza.split(' ').collect::<Vec<_>>()[..] {
        ["->", "scrypt", _salt, log_n] if !log_n.is_empty() && log_n.bytes().all(|b| b.is_ascii_digit()) => {
            log_n.parse().ok()
        }
        _ => None,
    }
}

/// An identity (secret key) of either kind, to open files with.
pub enum Identity {
    /// `AGE-SECRET-KEY-1…`: opens files for X25519 keys.
    Classic(classic::Identity),
    /// `AGE-SECRET-KEY-PQ-1…`: opens files for post-quantum keys.
    PostQuantum(age::pq::Identity),
}

impl Identity {
    /// The age crate's identity, to unwrap a file key with.
    pub fn as_age(&self) -> &dyn age::Identity {
        match self {
            Self::Classic(i) => i,
            Self::PostQuantum(i) => i,
        }
    }
}

/// Parses identities as in an age identity file (`AGE-SECRET-KEY-1…` and
/// `AGE-SECRET-KEY-PQ-1…` lines, `#` comments): the model's check as typed, then age's own
/// parser.
pub fn parse_identities(text: &str) -> Result<Vec<Identity>, ErrorCode> {
    zelfregie_model::age_key::check_identity(text)?;
    key_lines(text)
        .map(|l| {
            let parsed = match zelfregie_model::age_key::identity_kind(l) {
                Some(KeyKind::PostQuantum) => age::pq::Identity::from_str(l).map(Identity::PostQuantum).ok(),
                Some(KeyKind::Classic) => classic::Identity::from_str(l).map(Identity::Classic).ok(),
                None => None,
            };
            parsed.ok_or(ErrorCode::IdentityInvalid)
        })
        .collect()
}

/// What the header of an age file says, without any key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileInfo {
    /// ASCII-armored (PEM-like) rather than binary.
    pub armored: bool,
    /// Encrypted to a passphrase rather than to recipient keys.
    pub passphrase: bool,
    /// Has a recipient stanza for a classic X25519 key.
    pub classic: bool,
    /// Has a recipient stanza for a post-quantum key.
    pub post_quantum: bool,
}

impl FileInfo {
    /// Whether a key of this kind could open the file: its header has a stanza of the key's
    /// type (a transfer is refused otherwise; the organisation's key could never open it).
    pub fn has_stanza_for(&self, kind: KeyKind) -> bool {
        match kind {
            KeyKind::Classic => self.classic,
            KeyKind::PostQuantum => self.post_quantum,
        }
    }
}

/// Checks that `file` is a complete, well-formed age file without decrypting it: the header
/// parses (version line, recipient stanzas, MAC line), a payload nonce follows, and the
/// payload's length is a possible sequence of STREAM chunks (each a 16-byte tag plus up to
/// 64 KiB). Plaintext, truncated files and other formats give [`ErrorCode::NotEncrypted`].
pub fn inspect(file: &[u8]) -> Result<FileInfo, ErrorCode> {
    let decoded = binary_of(file)?;
    let armored = matches!(decoded, Cow::Owned(_));
    let binary: &[u8] = &decoded;
    if !well_formed_header(binary) {
        return Err(ErrorCode::NotEncrypted);
    }
    let decryptor = Decryptor::new_buffered(binary).map_err(|_| ErrorCode::NotEncrypted)?;
    let header_end = header_length(binary).ok_or(ErrorCode::NotEncrypted)?;
    const NONCE: usize = 16;
    const TAG: usize = 16;
    const CHUNK_SIZE: usize = 64 * 1024;
    let payload = binary.len().checked_sub(header_end + NONCE).ok_or(ErrorCode::NotEncrypted)?;
    let last = payload % (CHUNK_SIZE + TAG);
    let possible = payload >= TAG && (last == 0 || last >= TAG);
    if !possible {
        return Err(ErrorCode::NotEncrypted);
    }
    let has = |kind| decryptor.has_recipient_stanza_tag(stanza_tag(kind)) == Some(true);
    Ok(FileInfo {
        armored,
        passphrase: decryptor.is_scrypt(),
        classic: has(KeyKind::Classic),
        post_quantum: has(KeyKind::PostQuantum),
    })
}

/// Length of a binary age header: up to and including the `--- <mac>` line.
fn header_length(binary: &[u8]) -> Option<usize> {
    let mac_line = binary.windows(5).position(|w| w == b"\n--- ")? + 1;
    let end = binary[mac_line..].iter().position(|&b| b == b'\n')?;
    Some(mac_line + end + 1)
}

/// Whether the first bytes of an upload can still begin an age file (binary or armored):
/// lets a server refuse other data after its first packet instead of reading it all.
/// `false` only when no age file starts like this.
pub fn may_be_age(prefix: &[u8]) -> bool {
    let trimmed = prefix.trim_ascii_start();
    let starts = |magic: &[u8], bytes: &[u8]| {
        let n = bytes.len().min(magic.len());
        bytes[..n] == magic[..n]
    };
    starts(BINARY_MAGIC, prefix) || starts(ARMOR_BEGIN, trimmed)
}

/// The binary age file: `file` itself, or (ASCII-armored) decoded into a copy. Whitespace
/// before and after the armor is allowed, as the age specification says (age's own reader
/// refused a file that starts with a carriage return: CCTV `armor_whitespace_outside`).
/// Anything else, or armor that does not decode, is [`ErrorCode::NotEncrypted`].
fn binary_of(file: &[u8]) -> Result<Cow<'_, [u8]>, ErrorCode> {
    if file.starts_with(BINARY_MAGIC) {
        return Ok(Cow::Borrowed(file));
    }
    let armored = file.trim_ascii();
    if !armored.starts_with(ARMOR_BEGIN) {
        return Err(ErrorCode::NotEncrypted);
    }
    let mut out = Vec::with_capacity(armored.len() / 4 * 3);
    ArmoredReader::new(armored).read_to_end(&mut out).map_err(|_| ErrorCode::NotEncrypted)?;
    Ok(Cow::Owned(out))
}

/// Whether a binary file's header keeps the rule the age crate does not check: every stanza
/// ends with a body line shorter than 64 characters (empty if need be), and body lines are
/// base64 (CCTV `stanza_missing_body`, `stanza_missing_final_line`: the age crate read an
/// `-> …` line followed straight by `---` as a stanza without a body). Everything else in the
/// header is age's to check.
fn well_formed_header(binary: &[u8]) -> bool {
    let Some(end) = header_length(binary) else { return false };
    let mut lines = binary[..end - 1].split(|&b| b == b'\n');
    if lines.next() != Some(&BINARY_MAGIC[..BINARY_MAGIC.len() - 1]) {
        return false;
    }
    let base64 = |line: &[u8]| line.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'+' || *b == b'/');
    while let Some(line) = lines.next() {
        if line.starts_with(b"--- ") {
            return lines.next().is_none();
        }
        if !line.starts_with(b"-> ") {
            return false;
        }
        loop {
            match lines.next() {
                Some(body) if base64(body) && body.len() < 64 => break,
                Some(body) if base64(body) && body.len() == 64 => continue,
                _ => return false,
            }
        }
    }
    false
}

fn header_error(error: &DecryptError) -> ErrorCode {
    match error {
        DecryptError::ExcessiveWork { .. } => ErrorCode::ExcessiveWork,
        DecryptError::InvalidMac | DecryptError::DecryptionFailed => ErrorCode::FileDamaged,
        _ => ErrorCode::NotEncrypted,
    }
}

/// A fresh post-quantum key pair as (`AGE-SECRET-KEY-PQ-1…`, `age1pq1…`): demo partners
/// get these.
pub fn generate_key_pair() -> (String, String) {
    use age::secrecy::ExposeSecret;
    let identity = age::pq::Identity::generate();
    (identity.to_string().expose_secret().to_owned(), identity.to_public().to_string())
}

/// A fresh classic X25519 key pair as (`AGE-SECRET-KEY-1…`, `age1…`): for files to tools
/// that do not know post-quantum keys yet, and for tests of such files.
#[allow(deprecated)]
pub fn generate_classic_key_pair() -> (String, String) {
    use age::secrecy::ExposeSecret;
    let identity = classic::Identity::generate();
    (identity.to_string().expose_secret().to_owned(), identity.to_public().to_string())
}
