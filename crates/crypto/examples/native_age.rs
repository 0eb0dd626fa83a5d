//! `make bench`'s native anchor for passphrase files: encrypts a file with this crate
//! natively in one pass (the age crate's stanzas and scrypt, the payload sealed as the
//! worker seals it), at the work factor the browser uses, and prints the milliseconds of
//! each of three runs. (rage itself asks for a passphrase only on a
//! terminal, so it cannot be timed for passphrases from a script.)
//!
//! `cargo run --release -p zelfregie-crypto --example native_age -- <passphrase|recipient> <file>`

use std::time::Instant;

use zelfregie_crypto::{encrypt, Protection};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, kind, file] = &args[..] else {
        eprintln!("usage: native_age <passphrase|recipient> <file>");
        std::process::exit(2);
    };
    let plain = std::fs::read(file).expect("read the payload");
    let protection = match kind.as_str() {
        "passphrase" => Protection::Passphrase { passphrase: "abcde-fghij-kmnpq-rstuv-wxyz2".into() },
        _ => Protection::Recipients {
            recipients: vec!["age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj".into()],
        },
    };
    let times: Vec<String> = (0..3)
        .map(|_| {
            let started = Instant::now();
            let out = encrypt(&plain, &protection, false, &mut |_| {}).expect("encrypt");
            assert!(out.len() > plain.len());
            format!("{:.1}", started.elapsed().as_secs_f64() * 1000.0)
        })
        .collect();
    println!("{}", times.join(" "));
}
