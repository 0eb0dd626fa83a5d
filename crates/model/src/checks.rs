//! Field checks shared by every form: Dutch postcodes and phone numbers, the BSN
//! eleven-test, free-text limits.

use crate::error::ErrorCode;

/// Whether `text` contains a number that passes the BSN eleven-test (elfproef): nine
/// digits, possibly written with spaces, dots or hyphens. Seed 000 art. 10 does not list
/// the BSN, so the portal refuses to hold one anywhere.
pub fn contains_bsn(text: &str) -> bool {
    let mut digits: Vec<u8> = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if let Some(d) = c.to_digit(10) {
            digits.push(d as u8);
        }
        let separator = matches!(c, ' ' | '.' | '-') && !digits.is_empty();
        let next_is_digit = chars.peek().is_some_and(|n| n.is_ascii_digit());
        let continues = c.is_ascii_digit() || (separator && next_is_digit);
        if !continues {
            if is_bsn(&digits) {
                return true;
            }
            digits.clear();
        }
    }
    is_bsn(&digits)
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

/// A free-text value: at most `max` characters and no BSN. `required` refuses empty text.
pub fn check_text(text: &str, max: usize, required: bool) -> Result<(), ErrorCode> {
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
    fn free_text() {
        assert_eq!(check_text("", 10, true), Err(ErrorCode::Required));
        assert_eq!(check_text("  ", 10, false), Ok(()));
        assert_eq!(check_text("elf tekens!", 10, false), Err(ErrorCode::TooLong));
        assert_eq!(check_text("bsn 111222333", 100, false), Err(ErrorCode::ContainsBsn));
    }
}
