//! Opens a transfer (or any age file, binary or armored) with an identity file, the way an
//! organisation's own program on the age crate 0.13 would: this uses only the age crate, not
//! this crate's code, so it checks that what the portal makes is a standard file. The e2e
//! tests open a post-quantum transfer with it; README "Opening a transfer" shows it.
//!
//! `cargo run --release -p zelfregie-crypto --example open_transfer -- key.txt transfer.json.age > transfer.json`

use std::io::{Read, Write};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, identity_file, file] = &args[..] else {
        eprintln!("usage: open_transfer <identity file> <age file>");
        std::process::exit(2);
    };
    let fail = |what: &str, e: &dyn std::fmt::Display| -> ! {
        eprintln!("{what}: {e}");
        std::process::exit(1);
    };
    let identities = age::IdentityFile::from_file(identity_file.clone())
        .unwrap_or_else(|e| fail("identity file", &e))
        .into_identities()
        .unwrap_or_else(|e| fail("identity file", &e));
    let input = std::fs::File::open(file).unwrap_or_else(|e| fail("age file", &e));
    let decryptor =
        age::Decryptor::new(age::armor::ArmoredReader::new(input)).unwrap_or_else(|e| fail("age header", &e));
    let mut reader = decryptor
        .decrypt(identities.iter().map(|i| i.as_ref() as &dyn age::Identity))
        .unwrap_or_else(|e| fail("decrypt", &e));
    let mut plain = Vec::new();
    reader.read_to_end(&mut plain).unwrap_or_else(|e| fail("payload", &e));
    std::io::stdout().write_all(&plain).unwrap_or_else(|e| fail("stdout", &e));
}
