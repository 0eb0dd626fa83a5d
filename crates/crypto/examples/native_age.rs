//! `make bench`'s native anchor for passphrase files: encrypts a file with this crate
//! natively in one pass (the age crate's stanzas and scrypt, the payload sealed as the
//! worker seals it), at the work factor the browser uses, and prints the milliseconds of
//! each of three runs. (rage itself asks for a passphrase only on a
//! terminal, so it cannot be timed for passphrases from a script.)
//!
//! With `header`, it prints the header's size (nonce included) for one and two recipients of
//! each kind instead: what each recipient adds to a file.
//!
//! `cargo run --release -p zelfregie-crypto --example native_age -- <passphrase|recipient|pq|header> <file>`

use std::time::Instant;

use zelfregie_crypto::{begin, encrypt, generate_classic_key_pair, generate_key_pair, Protection};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, kind, file] = &args[..] else {
        eprintln!("usage: native_age <passphrase|recipient|pq|header> <file>");
        std::process::exit(2);
    };
    if kind == "header" {
        let header =
            |recipients: Vec<String>| begin(&Protection::Recipients { recipients }, 0, &mut |_| {}).unwrap().0.len();
        for (name, make) in
            [("X25519", generate_classic_key_pair as fn() -> (String, String)), ("post-quantum", generate_key_pair)]
        {
            let (one, two) = (header(vec![make().1]), header(vec![make().1, make().1]));
            println!(
                "{name:<14} 1 recipient: {one:>5}   2 recipients: {two:>5}   each recipient adds {:>5}",
                two - one
            );
        }
        return;
    }
    let plain = std::fs::read(file).expect("read the payload");
    let protection = match kind.as_str() {
        "passphrase" => Protection::Passphrase { passphrase: "abcde-fghij-kmnpq-rstuv-wxyz2".into() },
        "pq" => Protection::Recipients { recipients: vec![generate_key_pair().1] },
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
