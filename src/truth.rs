//! The portal says only what the register says (docs/security.md "Say only what is true"):
//! every text of the app, in both languages, is read against the processing register for
//! who is responsible, which organisations receive data, and how it speaks to people. The
//! privacy statement and *Mijn gegevens* render the register itself; these tests keep the
//! texts around it from drifting away from it.

use zelfregie_model::register::{controller, register, untrue_in};

use crate::i18n::{Lang, T};

/// Every text of the app with its key, in both languages.
fn texts() -> impl Iterator<Item = (T, Lang, &'static str)> {
    T::ALL.iter().flat_map(|t| [Lang::Nl, Lang::En].map(|lang| (*t, lang, t.get(lang))))
}

/// No text says what the register does not: an organisation it does not list, another
/// controller, an article number (`register::untrue_in`, also applied to every mail).
#[test]
fn no_text_says_what_the_register_does_not() {
    for (key, lang, text) in texts() {
        if let Some(problem) = untrue_in(text) {
            panic!("{key:?} ({lang:?}) {problem}: {text}");
        }
    }
}

/// The chain of recipients as the network's policy has it: the newsletter goes through Liram,
/// whose sub-processor Mad Mimi sends it; RMC IGOM's staff work through Solvus B.V.
#[test]
fn the_register_shows_the_chain_of_processors() {
    let newsletter = zelfregie_model::register::activity("newsletter").unwrap();
    for text in [&newsletter.recipients.nl, &newsletter.recipients.en] {
        let (liram, mimi) = (text.find("Liram").expect("Liram"), text.find("Mad Mimi").expect("Mad Mimi"));
        assert!(liram < mimi, "the processor before its sub-processor: {text}");
    }
    for a in register() {
        if a.recipients.nl.contains("RMC IGOM") {
            assert!(a.recipients.nl.contains("Solvus B.V."), "{}: RMC IGOM's staff work through Solvus", a.id);
            assert!(a.recipients.en.contains("Solvus B.V."), "{}", a.id);
        }
    }
}

/// One controller for every activity: the member organisations together, the steering group
/// as their coordinator (the privacy statement called the steering group "responsible for
/// your data").
#[test]
fn one_controller_for_every_activity() {
    for a in register() {
        assert_eq!(&a.controller, controller(), "{}", a.id);
    }
    assert!(controller().nl.contains("gezamenlijk verantwoordelijk"));
    for (key, lang, text) in texts() {
        let lower = text.to_lowercase();
        for wrong in
            ["stuurgroep igom is verantwoordelijk", "steering group is responsible", "igom is verantwoordelijk"]
        {
            assert!(!lower.contains(wrong), "{key:?} ({lang:?}): {text}");
        }
    }
}

/// The register calls a hash a hash, and its texts for people cite no articles either.
#[test]
fn the_register_cites_no_articles_and_calls_a_hash_a_hash() {
    for a in register() {
        for text in [&a.purpose.nl, &a.purpose.en, &a.retention.nl, &a.retention.en, &a.data_categories.nl] {
            assert_eq!(untrue_in(text), None, "{}: {text}", a.id);
            let lower = text.to_lowercase();
            assert!(
                !(lower.contains("versleuteld") && lower.contains("hash")),
                "{}: a hash is not encryption: {text}",
                a.id
            );
            assert!(!lower.contains("versleutelde sleutel"), "{}: {text}", a.id);
        }
    }
}

/// No period is justified by a rule nobody made: the disclosure log said it was kept "as long
/// as partners may keep your data".
#[test]
fn no_period_claims_a_rule_that_does_not_exist() {
    for a in register() {
        for text in [&a.retention.nl, &a.retention.en] {
            assert!(
                !text.contains("zo lang mogen partners") && !text.contains("partners may keep"),
                "{}: {text}",
                a.id
            );
        }
    }
}
