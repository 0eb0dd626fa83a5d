//! Field checks shared by every form: characters a text may hold, Dutch postcodes and
//! phone numbers, the BSN eleven-test, free-text limits.

use icu_properties::props::{DefaultIgnorableCodePoint, GeneralCategory, GeneralCategoryGroup, VariationSelector};
use icu_properties::{CodePointMapData, CodePointSetData};

use crate::error::ErrorCode;

/// How a text is shown: on one line (names, places, titles, list items) or as paragraphs
/// the person may break (task descriptions).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lines {
    /// One line: no line breaks, no tabs.
    One,
    /// Paragraphs: line breaks (`\n`, `\r\n`) and tabs are allowed.
    Many,
}

/// General categories no field holds: controls (Cc), format characters (Cf: bidi overrides
/// and isolates, zero-width spaces and joiners, the soft hyphen, …), private use (Co),
/// surrogates (Cs), unassigned code points (Cn), and line and paragraph separators (Zl, Zp).
const REFUSED_CATEGORIES: GeneralCategoryGroup = GeneralCategoryGroup::Other
    .union(GeneralCategoryGroup::LineSeparator)
    .union(GeneralCategoryGroup::ParagraphSeparator);

/// Whether `c` may stand in a text shown to others: visible, the same on every screen, and
/// unable to reorder or hide the characters around it.
fn is_plain(c: char) -> bool {
    let category = CodePointMapData::<GeneralCategory>::new().get(c);
    // Default-ignorable code points render as nothing (U+034F, the Hangul fillers, …);
    // variation selectors among them only choose a glyph's style (emoji) and may stay.
    let invisible = CodePointSetData::new::<DefaultIgnorableCodePoint>().contains(c)
        && !CodePointSetData::new::<VariationSelector>().contains(c);
    !REFUSED_CATEGORIES.contains(category) && !invisible
}

/// Refuses characters a person cannot see or that change how the text around them is shown
/// ([`ErrorCode::InvalidCharacters`]): control and format characters (bidi overrides,
/// zero-width characters, the soft hyphen), line separators, private-use and unassigned
/// code points. [`Lines::Many`] allows line breaks and tabs.
pub fn check_characters(text: &str, lines: Lines) -> Result<(), ErrorCode> {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let allowed = match c {
            '\n' | '\t' => lines == Lines::Many,
            '\r' => lines == Lines::Many && chars.peek() == Some(&'\n'),
            _ => is_plain(c),
        };
        if !allowed {
            return Err(ErrorCode::InvalidCharacters);
        }
    }
    Ok(())
}

/// Compatibility forms of a single digit: superscripts, subscripts, circled, parenthesised
/// and with a full stop or comma (`²`, `₃`, `①`, `⑴`, `⒈`, `🄂`). These are exactly the
/// characters that NFKC folds to one ASCII digit (and punctuation), and Unicode has no new
/// ones in sight; a test checks the list against NFKC. (NFKC itself would cost the SPA
/// 90 KB of tables.) Each entry: first code point, last code point, value of the first.
const DIGIT_FORMS: &[(char, char, u8)] = &[
    ('\u{b2}', '\u{b3}', 2),
    ('\u{b9}', '\u{b9}', 1),
    ('\u{2070}', '\u{2070}', 0),
    ('\u{2074}', '\u{2079}', 4),
    ('\u{2080}', '\u{2089}', 0),
    ('\u{215f}', '\u{215f}', 1), // ⅟, the numerator one
    ('\u{2460}', '\u{2468}', 1),
    ('\u{2474}', '\u{247c}', 1),
    ('\u{2488}', '\u{2490}', 1),
    ('\u{24ea}', '\u{24ea}', 0),
    ('\u{1f100}', '\u{1f100}', 0),
    ('\u{1f101}', '\u{1f10a}', 0),
];

/// The value of a decimal digit of any script (`3`, full-width `３`, Arabic-Indic `٣`,
/// Devanagari `३`, mathematical `𝟑`, …) or of a compatibility form of one ([`DIGIT_FORMS`]).
/// Unicode assigns decimal digits (Nd) only in runs of ten code points from 0 to 9, so the
/// value is the distance to the start of the run, modulo ten.
fn digit_value(c: char) -> Option<u8> {
    if let Some(d) = c.to_digit(10) {
        return u8::try_from(d).ok();
    }
    if let Some((first, _, value)) = DIGIT_FORMS.iter().find(|(first, last, _)| (*first..=*last).contains(&c)) {
        return u8::try_from(u32::from(c) - u32::from(*first)).ok().map(|offset| value + offset);
    }
    let categories = CodePointMapData::<GeneralCategory>::new();
    if categories.get(c) != GeneralCategory::DecimalNumber {
        return None;
    }
    let mut start = u32::from(c);
    while start > 0 && char::from_u32(start - 1).is_some_and(|p| categories.get(p) == GeneralCategory::DecimalNumber) {
        start -= 1;
    }
    u8::try_from((u32::from(c) - start) % 10).ok()
}

/// Whether `text` contains a number that passes the BSN eleven-test (elfproef). The BSN is
/// not among the data the portal holds, so it refuses to hold one anywhere.
///
/// Digits of every script count, full-width and superscript ones too ([`digit_value`]).
/// Digits separated by anything but letters (spaces of any kind, dots, dashes, slashes,
/// underscores, line breaks, …) form one group; a letter ends a group. A BSN is a group of
/// exactly nine digits, or nine digits written without any separator inside a longer
/// group, that passes the eleven-test. So `06 12345678` (ten digits) and `6461 AB` are not
/// a BSN; `111 / 222 / 333` and `１１１２２２３３３` are.
pub fn contains_bsn(text: &str) -> bool {
    let mut group: Vec<u8> = Vec::new();
    // How many of the group's last digits stand together, without a separator.
    let mut run = 0;
    // `None` ends the text, and with it the last group.
    for c in text.chars().map(Some).chain([None]) {
        if let Some(d) = c.and_then(digit_value) {
            group.push(d);
            run += 1;
            continue;
        }
        if is_bsn(&group[group.len() - run..]) {
            return true;
        }
        run = 0;
        if c.is_none_or(char::is_alphanumeric) {
            if is_bsn(&group) {
                return true;
            }
            group.clear();
        }
    }
    false
}

/// The eleven-test on exactly nine digits: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11), and not
/// all zeros.
pub fn is_bsn(digits: &[u8]) -> bool {
    if digits.len() != 9 || digits.iter().all(|d| *d == 0) {
        return false;
    }
    let sum: i32 =
        digits[..8].iter().zip((2..=9).rev()).map(|(d, w)| i32::from(*d) * w).sum::<i32>() - i32::from(digits[8]);
    sum % 11 == 0
}

/// A Dutch postcode `1234 AB` (space optional, any case), returned in the canonical form.
/// The letter pairs SA, SD and SS are not issued.
pub fn normalize_postcode(postcode: &str) -> Result<String, ErrorCode> {
    let compact: String = postcode.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
    let b = compact.as_bytes();
    let ok = b.len() == 6
        && (b'1'..=b'9').contains(&b[0])
        && b[1..4].iter().all(u8::is_ascii_digit)
        && b[4..].iter().all(u8::is_ascii_uppercase)
        && !matches!(&compact[4..], "SA" | "SD" | "SS");
    if ok {
        Ok(format!("{} {}", &compact[..4], &compact[4..]))
    } else {
        Err(ErrorCode::PostcodeInvalid)
    }
}

/// A phone number as people write them: digits with spaces, hyphens or parentheses, an
/// optional leading `+`; 10 to 15 digits (Dutch numbers have 10, international up to 15).
pub fn validate_phone(phone: &str) -> Result<(), ErrorCode> {
    let phone = phone.trim();
    let body = phone.strip_prefix('+').unwrap_or(phone);
    let allowed = body.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')'));
    let digits = body.chars().filter(char::is_ascii_digit).count();
    if allowed && (10..=15).contains(&digits) {
        Ok(())
    } else {
        Err(ErrorCode::PhoneInvalid)
    }
}

/// A one-line text (a name, a place, a title, an item of a list): at most `max`
/// characters, only plain characters ([`check_characters`]) and no BSN. `required`
/// refuses empty text.
pub fn check_line(text: &str, max: usize, required: bool) -> Result<(), ErrorCode> {
    check_text(text, Lines::One, max, required)
}

/// A text of paragraphs (a description): as [`check_line`], and line breaks and tabs are
/// allowed.
pub fn check_paragraphs(text: &str, max: usize, required: bool) -> Result<(), ErrorCode> {
    check_text(text, Lines::Many, max, required)
}

/// Every text field's check: characters, presence, length, no BSN. Characters are checked
/// before trimming: a trailing line separator is as unwelcome as one inside.
fn check_text(text: &str, lines: Lines, max: usize, required: bool) -> Result<(), ErrorCode> {
    check_characters(text, lines)?;
    let text = text.trim();
    if text.is_empty() {
        return if required { Err(ErrorCode::Required) } else { Ok(()) };
    }
    if text.chars().count() > max {
        return Err(ErrorCode::TooLong);
    }
    if contains_bsn(text) {
        return Err(ErrorCode::ContainsBsn);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    // 111222333 and 123456782 pass the eleven-test; 123456789 does not.
    #[test]
    fn the_eleven_test() {
        assert!(is_bsn(&[1, 1, 1, 2, 2, 2, 3, 3, 3]));
        assert!(is_bsn(&[1, 2, 3, 4, 5, 6, 7, 8, 2]));
        assert!(!is_bsn(&[1, 2, 3, 4, 5, 6, 7, 8, 9]));
        assert!(!is_bsn(&[0; 9]));
        assert!(!is_bsn(&[1, 2, 3]));
    }

    #[test]
    fn a_bsn_is_found_however_it_is_written() {
        for text in ["mijn bsn is 123456782", "1234.56.782", "BSN: 111 222 333.", "111-222-333", "123456782"] {
            assert!(contains_bsn(text), "{text}");
        }
    }

    #[test]
    fn other_numbers_are_not_a_bsn() {
        for text in ["06 12345678", "0612345678", "1234 AB", "123456789", "1234567820", "20 uur per week", "2019-2023"]
        {
            assert!(!contains_bsn(text), "{text}");
        }
    }

    #[test]
    fn postcodes() {
        assert_eq!(normalize_postcode("6461ab"), Ok("6461 AB".into()));
        assert_eq!(normalize_postcode(" 6461 AB "), Ok("6461 AB".into()));
        for bad in ["0461 AB", "646 AB", "6461 A", "6461 SS", "ABCD 12", "6461-AB"] {
            assert_eq!(normalize_postcode(bad), Err(ErrorCode::PostcodeInvalid), "{bad}");
        }
    }

    #[test]
    fn phones() {
        for ok in ["06 12345678", "045-5678901", "+31 6 1234 5678", "(045) 567 89 01"] {
            assert_eq!(validate_phone(ok), Ok(()), "{ok}");
        }
        for bad in ["12345", "06-1234x678", "++31612345678", "0612345678901234567"] {
            assert_eq!(validate_phone(bad), Err(ErrorCode::PhoneInvalid), "{bad}");
        }
    }

    #[test]
    fn a_bsn_in_other_digits_or_with_other_separators_is_found() {
        for text in [
            "１１１２２２３３３",       // full-width digits
            "bsn １１１ ２２２ ３３３", // full-width digits with spaces
            "111/222/333",
            "111_222_333",
            "111 – 222 – 333",           // en dashes with spaces
            "111—222—333",               // em dashes
            "111\u{a0}222\u{a0}333",     // non-breaking spaces
            "111\u{2009}222\u{2009}333", // thin spaces
            "111\u{202f}222\u{202f}333", // narrow non-breaking spaces
            "١١١٢٢٢٣٣٣",                 // Arabic-Indic digits
            "۱۲۳۴۵۶۷۸۲",                 // Extended Arabic-Indic digits (123456782)
            "१११२२२३३३",                 // Devanagari digits
            "¹¹¹²²²³³³",                 // superscripts
            "①①①②②②③③③",                 // circled
            "𝟏𝟏𝟏𝟐𝟐𝟐𝟑𝟑𝟑",                 // mathematical bold
            "111, 222, 333",
            "(111) 222.333",
            "111\n222\n333",
            "111\u{200b}222\u{200b}333", // zero-width spaces
            "BSN 111222333 tel 0612345678",
            "111222333 0612345678", // nine digits together inside a longer group
        ] {
            assert!(contains_bsn(text), "{text:?}");
        }
    }

    #[test]
    fn phone_numbers_postcodes_and_dates_stay_allowed() {
        for text in [
            "+31 6 1234 5678",
            "+31 (0)45 567 89 01",
            "045 – 567 89 01",
            "０６ １２３４５６７８",
            "6461 EC, Markt 12",
            "1 januari 2019 – 31 december 2023",
            "01-01-2019 / 31-12-2023",
            "32 uur, 4 dagen",
            "١٢٣٤٥٦٧٨٩", // 123456789 in Arabic-Indic digits fails the eleven-test
        ] {
            assert!(!contains_bsn(text), "{text:?}");
        }
    }

    #[test]
    fn digits_of_every_script_have_their_value() {
        assert_eq!(digit_value('7'), Some(7));
        assert_eq!(digit_value('٧'), Some(7)); // U+0667
        assert_eq!(digit_value('۷'), Some(7)); // U+06F7
        assert_eq!(digit_value('७'), Some(7)); // U+096D
        assert_eq!(digit_value('٠'), Some(0)); // U+0660
        assert_eq!(digit_value('a'), None);
        assert_eq!(digit_value('½'), None);
        assert_eq!(digit_value('⑩'), None, "a number, not a digit: it ends a group like a letter");
        for (forms, value) in [("７⁷₇⑦⑺⒎🄈𝟕", 7), ("０⁰₀⓪🄀🄁", 0), ("9⁹₉⑨⑼⒐🄊", 9)]
        {
            for c in forms.chars() {
                assert_eq!(digit_value(c), Some(value), "{c}");
            }
        }
    }

    /// Every character NFKC folds to one digit (with punctuation at most) is that digit.
    #[test]
    fn digit_forms_are_what_nfkc_folds_to_one_digit() {
        let nfkc = icu_normalizer::ComposingNormalizerBorrowed::new_nfkc();
        let categories = CodePointMapData::<GeneralCategory>::new();
        for c in (0..=0x10ffff_u32).filter_map(char::from_u32) {
            if !c.is_numeric() || categories.get(c) == GeneralCategory::DecimalNumber {
                continue;
            }
            let folded = nfkc.normalize(c.encode_utf8(&mut [0; 4])).into_owned();
            let digits: Vec<u8> =
                folded.chars().filter_map(|d| d.to_digit(10)).filter_map(|d| u8::try_from(d).ok()).collect();
            let only_one_digit = digits.len() == 1 && folded.chars().filter(|d| d.is_alphanumeric()).count() == 1;
            let expected = if only_one_digit { Some(digits[0]) } else { None };
            assert_eq!(digit_value(c), expected, "U+{:04X} folds to {folded:?}", u32::from(c));
        }
    }

    #[test]
    fn one_line_refuses_controls_and_format_characters() {
        for bad in [
            "Marieke\u{202e}ekeiraM",   // right-to-left override
            "\u{202a}Marieke",          // left-to-right embedding
            "Marieke\u{2066}x\u{2069}", // isolates
            "Mari\u{200e}eke",          // left-to-right mark
            "Mari\u{200f}eke",          // right-to-left mark
            "Mari\u{200b}eke",          // zero-width space
            "Mari\u{200c}eke",          // zero-width non-joiner
            "Mari\u{200d}eke",          // zero-width joiner
            "Mari\u{2060}eke",          // word joiner
            "\u{feff}Marieke",          // byte order mark
            "Mari\u{ad}eke",            // soft hyphen
            "Mari\u{34f}eke",           // combining grapheme joiner (default ignorable)
            "Mari\u{3164}eke",          // Hangul filler (default ignorable)
            "Mari\u{0}eke",
            "Mari\u{7}eke",
            "Mari\u{1b}[31meke", // escape sequence
            "Mari\u{7f}eke",
            "Mari\u{85}eke", // next line
            "Marieke\nBerg",
            "Marieke\r\nBerg",
            "Marieke\tBerg",
            "Marieke\u{2028}Berg", // line separator
            "Marieke\u{2029}Berg", // paragraph separator
            "Mari\u{e000}eke",     // private use
            "Mari\u{10ffff}eke",   // not a character
            "Mari\u{e0041}eke",    // tag character
        ] {
            assert_eq!(check_characters(bad, Lines::One), Err(ErrorCode::InvalidCharacters), "{bad:?}");
            assert_eq!(check_line(bad, 100, true), Err(ErrorCode::InvalidCharacters), "{bad:?}");
        }
    }

    #[test]
    fn names_people_have_stay_allowed() {
        for ok in [
            "Marieke",
            "van der",
            "Jean-Pierre",
            "D'Hondt",
            "Zoë Çelik-Ünal",
            "Ijsbrand Ĳssel",
            "Łukasz Wąsowski",
            "Nguyễn Thị Minh Khai",
            "Zoe\u{308}", // e with a combining diaeresis
            "Σοφία Παπαδοπούλου",
            "Ольга",
            "محمد",
            "李小龙",
            "Beleidsmedewerker (32 uur)",
            "Markt\u{a0}12",         // a non-breaking space is a space
            "Samenwerken ❤\u{fe0f}", // a variation selector only picks a glyph style
        ] {
            assert_eq!(check_characters(ok, Lines::One), Ok(()), "{ok:?}");
            assert_eq!(check_line(ok, 100, true), Ok(()), "{ok:?}");
        }
    }

    #[test]
    fn paragraphs_keep_line_breaks_and_tabs_only() {
        assert_eq!(check_paragraphs("Beleid\nvoor werk\r\nen inkomen\n\n\tklaar", 100, false), Ok(()));
        for bad in ["lone\rreturn", "Beleid\u{202e}", "Beleid\u{200b}", "Beleid\u{2028}", "Beleid\u{b}", "Beleid\u{c}"]
        {
            assert_eq!(check_paragraphs(bad, 100, false), Err(ErrorCode::InvalidCharacters), "{bad:?}");
        }
    }

    #[test]
    fn free_text() {
        assert_eq!(check_line("", 10, true), Err(ErrorCode::Required));
        assert_eq!(check_line("  ", 10, false), Ok(()));
        assert_eq!(check_line("elf tekens!", 10, false), Err(ErrorCode::TooLong));
        assert_eq!(check_line("bsn 111222333", 100, false), Err(ErrorCode::ContainsBsn));
        assert_eq!(check_paragraphs("bsn\n１１１２２２３３３", 100, false), Err(ErrorCode::ContainsBsn));
        assert_eq!(check_line("\u{200b}", 10, true), Err(ErrorCode::InvalidCharacters));
        assert_eq!(check_line("Berg\u{2028}", 10, true), Err(ErrorCode::InvalidCharacters), "checked before trimming");
    }
}
