//! Consent to be listed in the candidate bank, recorded like the newsletter's (GDPR art. 7(1)):
//! the versioned text the person is shown next to the switch, and the events turning the
//! listing on (`given`) and off (`withdrawn`). The server appends one event per change of
//! `Visibility::listed`, in the same transaction as the change (docs/security.md "Listing consent").

use crate::newsletter::{ConsentEvent, ConsentEventKind, ConsentText};

/// Every listing consent text ever shown, oldest first; the last is current. Never edit a
/// published version: add a new one.
pub const LISTING_TEXTS: &[ConsentText] = &[ConsentText {
    version: 1,
    nl: "Ik wil dat mijn profiel in de kandidatenbank van IGOM staat. Recruiters van de partnerorganisaties \
die ik kies, mogen het dan zien, met alleen de onderdelen die ik laat zien. Zij zien het om mij een baan of \
opdracht te kunnen aanbieden. Ik kan dit op elk moment weer uitzetten; dan ziet geen enkele recruiter mijn profiel meer.",
    en: "I want my profile to be in IGOM's candidate bank. Recruiters of the partner organisations I choose may \
then see it, with only the parts I show. They see it to be able to offer me a job or assignment. I can switch \
this off at any moment; then no recruiter sees my profile any more.",
}];

/// The listing consent text shown now.
pub fn current() -> &'static ConsentText {
    LISTING_TEXTS.last().expect("at least one listing text")
}

/// The listing consent text of `version`, if it exists.
pub fn text_of(version: u32) -> Option<&'static ConsentText> {
    LISTING_TEXTS.iter().find(|t| t.version == version)
}

/// Whether a history of listing consent events (oldest first) ends in consent.
pub fn consented(events: &[ConsentEvent]) -> bool {
    events.last().is_some_and(|e| e.kind == ConsentEventKind::Given)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_versioned_and_translated() {
        assert_eq!(text_of(current().version), Some(current()));
        assert!(LISTING_TEXTS.iter().all(|t| !t.nl.is_empty() && !t.en.is_empty()));
        let versions: Vec<u32> = LISTING_TEXTS.iter().map(|t| t.version).collect();
        assert!(versions.windows(2).all(|w| w[0] < w[1]));
    }
}
