//! Reading what people type into month and number fields, in the forms people in the
//! Netherlands use: "09-2026", "9-2026", "2026-09", "sep 2026", "september 2026" for a month;
//! "32", "32,5", "32.5" for hours. A browser without a month picker (Firefox, desktop Safari)
//! gives the app exactly what was typed, so the app reads it here; the server checks the
//! values again with [`crate::Profile::validate`].
//!
//! Every reader answers `Ok(None)` for an empty field, `Ok(Some(value))` for a readable one
//! and a stable [`ErrorCode`] for text it cannot read ([`ErrorCode::MonthInvalid`],
//! [`ErrorCode::NumberInvalid`]) or a number too large to hold ([`ErrorCode::OutOfRange`]).

use serde::{Deserialize, Serialize};

use crate::error::ErrorCode;
use crate::profile::Month;

/// What a reader makes of a field: empty, a value, or why it cannot be read.
pub type Read<V> = Result<Option<V>, ErrorCode>;

/// Month names and their usual abbreviations, Dutch and English, lower case; index + 1 is
/// the month.
const MONTH_NAMES: [&[&str]; 12] = [
    &["januari", "jan", "january"],
    &["februari", "feb", "febr", "february"],
    &["maart", "mrt", "mar", "mrz", "march"],
    &["april", "apr"],
    &["mei", "may"],
    &["juni", "jun", "june"],
    &["juli", "jul", "july"],
    &["augustus", "aug", "august"],
    &["september", "sep", "sept"],
    &["oktober", "okt", "oct", "october"],
    &["november", "nov"],
    &["december", "dec"],
];

fn month_by_name(word: &str) -> Option<u8> {
    let word = word.trim_end_matches('.').to_lowercase();
    MONTH_NAMES.iter().position(|names| names.contains(&word.as_str())).map(|i| i as u8 + 1)
}

/// A run of 1–`max` ASCII digits, as a number.
fn digits(s: &str, max: usize) -> Option<u16> {
    (!s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

/// Reads a month: `YYYY-MM` (what a month picker gives), `MM-YYYY`, `M-YYYY` (with `-`,
/// `/`, `.` or a space between), or a month name or abbreviation and a year, Dutch or English
/// ("sep 2026", "september 2026", "Sept. 2026"). The year is written in full (1900–2100).
pub fn read_month(s: &str) -> Read<Month> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let parts: Vec<&str> =
        s.split(|c: char| c == '-' || c == '/' || c == '.' || c.is_whitespace()).filter(|p| !p.is_empty()).collect();
    let (year, month) = match parts.as_slice() {
        [a, b] if a.len() == 4 && a.bytes().all(|c| c.is_ascii_digit()) => (digits(a, 4), digits(b, 2)),
        [a, b] if b.len() == 4 => (digits(b, 4), digits(a, 2).or_else(|| month_by_name(a).map(u16::from))),
        _ => (None, None),
    };
    match (year, month) {
        (Some(year), Some(month)) if (1900..=2100).contains(&year) && (1..=12).contains(&month) => {
            Ok(Some(Month { year, month: month as u8 }))
        }
        _ => Err(ErrorCode::MonthInvalid),
    }
}

/// Reads a whole number ("40"); spaces around it are ignored. A fraction ("32,5") is not a
/// whole number; a number of more digits than `u16` holds is out of range.
pub fn read_whole(s: &str) -> Read<u16> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ErrorCode::NumberInvalid);
    }
    s.parse::<u16>().map(Some).map_err(|_| ErrorCode::OutOfRange)
}

/// Hours, to a tenth of an hour ("32,5" hours a week). On the wire a plain JSON number: `32`
/// or `32.5`, so profiles stored before fractions were allowed read unchanged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Hours(u16);

impl Hours {
    /// `n` whole hours.
    pub const fn whole(n: u16) -> Hours {
        Hours(n * 10)
    }

    /// `tenths` tenths of an hour.
    pub const fn tenths(tenths: u16) -> Hours {
        Hours(tenths)
    }

    /// The number of tenths.
    pub fn as_tenths(self) -> u16 {
        self.0
    }

    /// Written with `separator` before the tenth when there is one: `32`, `32,5`.
    pub fn written(self, separator: char) -> String {
        match self.0 % 10 {
            0 => format!("{}", self.0 / 10),
            t => format!("{}{separator}{t}", self.0 / 10),
        }
    }
}

impl std::fmt::Display for Hours {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.written('.'))
    }
}

impl Serialize for Hours {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0 % 10 == 0 {
            s.serialize_u16(self.0 / 10)
        } else {
            s.serialize_f64(f64::from(self.0) / 10.0)
        }
    }
}

impl<'de> Deserialize<'de> for Hours {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let x = f64::deserialize(d)?;
        let tenths = (x * 10.0).round();
        if !(0.0..=f64::from(u16::MAX)).contains(&tenths) || (x * 10.0 - tenths).abs() > 1e-6 {
            return Err(serde::de::Error::custom("expected hours, at most one decimal"));
        }
        Ok(Hours(tenths as u16))
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Hours {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::Number)
            .multiple_of(Some(0.1))
            .minimum(Some(0.0))
            .description(Some("Hours, at most one decimal (32 or 32.5)"))
            .into()
    }
}
#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Hours {}

/// Reads hours: a whole number or one with one decimal after a comma or a point ("32",
/// "32,5", "32.5"; "32,50" too). More decimals, or anything else, cannot be read.
pub fn read_hours(s: &str) -> Read<Hours> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let (whole, fraction) = match s.split_once([',', '.']) {
        Some((w, f)) => (w, f.trim_end_matches('0')),
        None => (s, ""),
    };
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) || fraction.len() > 1 {
        return Err(ErrorCode::NumberInvalid);
    }
    if !fraction.bytes().all(|b| b.is_ascii_digit()) || s.ends_with([',', '.']) {
        return Err(ErrorCode::NumberInvalid);
    }
    let whole = whole.parse::<u16>().ok().filter(|w| *w < 6000).ok_or(ErrorCode::OutOfRange)?;
    let tenth = fraction.parse::<u16>().unwrap_or(0);
    Ok(Some(Hours(whole * 10 + tenth)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(year: u16, month: u8) -> Read<Month> {
        Ok(Some(Month { year, month }))
    }

    #[test]
    fn months_in_the_forms_people_type() {
        for s in ["2026-09", "09-2026", "9-2026", "9/2026", "09.2026", "09 2026", " 2026-9 ", "2026/09"] {
            assert_eq!(read_month(s), m(2026, 9), "{s}");
        }
        for s in ["sep 2026", "Sep 2026", "sept. 2026", "september 2026", "SEPTEMBER 2026", "sep-2026"] {
            assert_eq!(read_month(s), m(2026, 9), "{s}");
        }
        assert_eq!(read_month("mrt 2027"), m(2027, 3));
        assert_eq!(read_month("maart 2027"), m(2027, 3));
        assert_eq!(read_month("March 2027"), m(2027, 3));
        assert_eq!(read_month("mei 2026"), m(2026, 5));
        assert_eq!(read_month("okt 2026"), m(2026, 10));
        assert_eq!(read_month(""), Ok(None));
        assert_eq!(read_month("   "), Ok(None));
    }

    #[test]
    fn unreadable_months_say_so() {
        for s in [
            "13-2026",
            "00-2026",
            "2026-13",
            "09-26",
            "26-09",
            "sep",
            "2026",
            "september",
            "sep 26",
            "092026",
            "1899-12",
            "2101-01",
            "09-2026-01",
            "spt 2026",
            "9--",
            "²-2026",
            "٠٩-٢٠٢٦",
        ] {
            assert_eq!(read_month(s), Err(ErrorCode::MonthInvalid), "{s}");
        }
    }

    #[test]
    fn whole_numbers() {
        assert_eq!(read_whole("40"), Ok(Some(40)));
        assert_eq!(read_whole(" 300 "), Ok(Some(300)));
        assert_eq!(read_whole(""), Ok(None));
        assert_eq!(read_whole("32,5"), Err(ErrorCode::NumberInvalid));
        assert_eq!(read_whole("-1"), Err(ErrorCode::NumberInvalid));
        assert_eq!(read_whole("veertig"), Err(ErrorCode::NumberInvalid));
        assert_eq!(read_whole("99999999999"), Err(ErrorCode::OutOfRange));
    }

    #[test]
    fn hours_with_a_comma_or_a_point() {
        assert_eq!(read_hours("32"), Ok(Some(Hours::whole(32))));
        assert_eq!(read_hours("32,5"), Ok(Some(Hours::tenths(325))));
        assert_eq!(read_hours("32.5"), Ok(Some(Hours::tenths(325))));
        assert_eq!(read_hours("32,50"), Ok(Some(Hours::tenths(325))));
        assert_eq!(read_hours("32,0"), Ok(Some(Hours::whole(32))));
        assert_eq!(read_hours("300"), Ok(Some(Hours::whole(300))), "read; the range check refuses it");
        assert_eq!(read_hours(""), Ok(None));
        for s in ["32,25", ",5", "32,", "32,5,1", "3 2", "-4", "twee", "32,x"] {
            assert_eq!(read_hours(s), Err(ErrorCode::NumberInvalid), "{s}");
        }
        assert_eq!(read_hours("99999"), Err(ErrorCode::OutOfRange));
    }

    #[test]
    fn hours_on_the_wire_are_plain_numbers() {
        assert_eq!(serde_json::to_string(&Hours::whole(32)).unwrap(), "32");
        assert_eq!(serde_json::to_string(&Hours::tenths(325)).unwrap(), "32.5");
        assert_eq!(serde_json::from_str::<Hours>("32").unwrap(), Hours::whole(32));
        assert_eq!(serde_json::from_str::<Hours>("32.5").unwrap(), Hours::tenths(325));
        assert!(serde_json::from_str::<Hours>("32.25").is_err());
        assert!(serde_json::from_str::<Hours>("-1").is_err());
        assert_eq!(Hours::tenths(325).written(','), "32,5");
        assert_eq!(Hours::whole(8).written(','), "8");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Every month, in every form the fields accept, reads back as itself.
        #[test]
        fn every_written_month_reads_back(year in 1900u16..=2100, month in 1u8..=12, sep in prop::sample::select(vec!["-", "/", ".", " "])) {
            let want = Ok(Some(Month { year, month }));
            prop_assert_eq!(read_month(&format!("{year}{sep}{month:02}")), want);
            prop_assert_eq!(read_month(&format!("{month:02}{sep}{year}")), want);
            prop_assert_eq!(read_month(&format!("{month}{sep}{year}")), want);
            for name in MONTH_NAMES[usize::from(month) - 1] {
                prop_assert_eq!(read_month(&format!("{name} {year}")), want);
            }
            // What a month picker gives and what the app shows read back the same.
            prop_assert_eq!(read_month(&Month { year, month }.to_string()), want);
        }

        /// Whatever is typed, the reader answers (no panic), and a month it reads is a real one.
        #[test]
        fn any_text_gives_a_real_month_or_an_error(s in "\\PC{0,16}") {
            match read_month(&s) {
                Ok(Some(m)) => prop_assert!((1900..=2100).contains(&m.year) && (1..=12).contains(&m.month)),
                Ok(None) => prop_assert!(s.trim().is_empty()),
                Err(code) => prop_assert_eq!(code, ErrorCode::MonthInvalid),
            }
        }

        /// Hours written the Dutch or the English way read back as themselves, and survive the wire.
        #[test]
        fn hours_round_trip(tenths in 0u16..60_000) {
            let h = Hours::tenths(tenths);
            prop_assert_eq!(read_hours(&h.written(',')), Ok(Some(h)));
            prop_assert_eq!(read_hours(&h.written('.')), Ok(Some(h)));
            let wire = serde_json::to_string(&h).unwrap();
            prop_assert_eq!(serde_json::from_str::<Hours>(&wire).unwrap(), h);
        }

        /// Whatever is typed, a whole-number field answers without panicking; digits alone read as their value.
        #[test]
        fn whole_numbers_read_as_typed(n in 0u16.., s in "\\PC{0,8}") {
            prop_assert_eq!(read_whole(&n.to_string()), Ok(Some(n)));
            let _ = read_whole(&s);
            let _ = read_hours(&s);
        }
    }
}
