//! Dates and times for people, in their language and their own time zone.

use time::OffsetDateTime;
use wasm_bindgen::JsValue;

use crate::i18n::Lang;

/// E.g. "22 november 2026 om 10:15" / "22 November 2026 at 10:15", local time.
pub fn date_time(at: OffsetDateTime, lang: Lang) -> String {
    let millis = (at.unix_timestamp_nanos() / 1_000_000) as f64;
    let date = js_sys::Date::new(&JsValue::from_f64(millis));
    let options = js_sys::Object::new();
    for (k, v) in [("dateStyle", "long"), ("timeStyle", "short")] {
        let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
    }
    let locale = match lang {
        Lang::Nl => "nl-NL",
        Lang::En => "en-GB",
    };
    date.to_locale_string(locale, &options).into()
}

fn month_name(month: u8, lang: Lang) -> &'static str {
    let month = time::Month::try_from(month.clamp(1, 12)).unwrap_or(time::Month::January);
    let (nl, en) = zelfregie_model::retention::month_names(month);
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

/// A date in words: "3 maart 2031" / "3 March 2031".
pub fn date_words(date: time::Date, lang: Lang) -> String {
    format!("{} {} {}", date.day(), month_name(u8::from(date.month()), lang), date.year())
}

/// A moment in words, as it is given (convert with [`local`] first): "3 maart 2031 om 09:05" /
/// "3 March 2031 at 09:05".
pub fn date_time_words(at: OffsetDateTime, lang: Lang) -> String {
    let at_word = match lang {
        Lang::Nl => "om",
        Lang::En => "at",
    };
    format!("{} {at_word} {:02}:{:02}", date_words(at.date(), lang), at.hour(), at.minute())
}

/// A month of a profile in words: "maart 2031" / "March 2031".
pub fn month_words(month: zelfregie_model::profile::Month, lang: Lang) -> String {
    format!("{} {}", month_name(month.month, lang), month.year)
}

/// Now, from the browser's clock (`OffsetDateTime::now_utc` does not exist on wasm32).
pub fn now() -> OffsetDateTime {
    let nanos = (js_sys::Date::now() * 1_000_000.0) as i128;
    OffsetDateTime::from_unix_timestamp_nanos(nanos).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// `at` in the person's own time zone (the browser's offset on that day).
pub fn local(at: OffsetDateTime) -> OffsetDateTime {
    let millis = (at.unix_timestamp_nanos() / 1_000_000) as f64;
    let minutes = -js_sys::Date::new(&JsValue::from_f64(millis)).get_timezone_offset();
    let offset = time::UtcOffset::from_whole_seconds((minutes * 60.0) as i32).unwrap_or(time::UtcOffset::UTC);
    at.to_offset(offset)
}

/// A file size for people: "812 bytes", "8,2 kB", "16,0 MB" (decimal units; Dutch comma).
pub fn size(bytes: u64, lang: Lang) -> String {
    let (value, unit) = match bytes {
        0..1_000 => return format!("{bytes} bytes"),
        1_000..1_000_000 => (bytes as f64 / 1e3, "kB"),
        1_000_000..1_000_000_000 => (bytes as f64 / 1e6, "MB"),
        _ => (bytes as f64 / 1e9, "GB"),
    };
    let number = format!("{value:.1}");
    match lang {
        Lang::Nl => format!("{} {unit}", number.replace('.', ",")),
        Lang::En => format!("{number} {unit}"),
    }
}

/// How an export file is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportForm {
    /// Plain JSON.
    Plain,
    /// A binary age file.
    Encrypted,
    /// An age file as text (armored): opens in a text editor, pastes into a mail.
    EncryptedText,
}

/// The export's file name for `date` (`YYYY-MM-DD`): `.json`; `.json.age` when encrypted;
/// `.json.age.txt` when encrypted as text, so the two encrypted forms never share a name
/// and a text file opens as text.
pub fn export_file_name(date: &str, form: ExportForm) -> String {
    let ext = match form {
        ExportForm::Plain => ".json",
        ExportForm::Encrypted => ".json.age",
        ExportForm::EncryptedText => ".json.age.txt",
    };
    format!("zelfregie-export-{date}{ext}")
}

/// The file name of a fetched transfer for `date` (`YYYY-MM-DD`), as the server names it.
pub fn transfer_file_name(date: &str) -> String {
    format!("zelfregie-overdracht-{date}.json.age")
}

/// The file name in a `Content-Disposition: attachment; filename="…"` header, if it is a
/// plain name (letters, digits, `.`, `-`, `_`; no path, nothing hidden).
pub fn attachment_file_name(header: &str) -> Option<String> {
    let name = header.split(';').map(str::trim).find_map(|part| part.strip_prefix("filename="))?;
    let name = name.trim_matches('"');
    let plain = !name.is_empty()
        && !name.starts_with('.')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
    plain.then(|| name.to_owned())
}

/// Today in the person's time zone, as `YYYY-MM-DD`.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// Hours as written in `lang`: `32,5` in Dutch, `32.5` in English.
pub fn hours(h: zelfregie_model::Hours, lang: Lang) -> String {
    h.written(if lang == Lang::Nl { ',' } else { '.' })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_naturally_in_both_languages() {
        assert_eq!(size(812, Lang::Nl), "812 bytes");
        assert_eq!(size(8_225, Lang::Nl), "8,2 kB");
        assert_eq!(size(8_225, Lang::En), "8.2 kB");
        assert_eq!(size(16_777_216, Lang::Nl), "16,8 MB");
        assert_eq!(export_file_name("2026-11-22", ExportForm::Encrypted), "zelfregie-export-2026-11-22.json.age");
        assert_eq!(
            export_file_name("2026-11-22", ExportForm::EncryptedText),
            "zelfregie-export-2026-11-22.json.age.txt"
        );
        assert_eq!(export_file_name("2026-11-22", ExportForm::Plain), "zelfregie-export-2026-11-22.json");
        assert_eq!(transfer_file_name("2026-11-22"), "zelfregie-overdracht-2026-11-22.json.age");
    }

    #[test]
    fn dates_read_as_words_in_both_languages() {
        use time::macros::{date, datetime};
        assert_eq!(date_words(date!(2031 - 03 - 03), Lang::Nl), "3 maart 2031");
        assert_eq!(date_words(date!(2031 - 03 - 03), Lang::En), "3 March 2031");
        assert_eq!(date_words(date!(2026 - 12 - 31), Lang::Nl), "31 december 2026");
        assert_eq!(date_words(date!(2027 - 01 - 01), Lang::En), "1 January 2027");
        assert_eq!(date_time_words(datetime!(2031-03-03 09:05 UTC), Lang::Nl), "3 maart 2031 om 09:05");
        assert_eq!(date_time_words(datetime!(2031-03-03 21:45 +01:00), Lang::En), "3 March 2031 at 21:45");
        let month = zelfregie_model::profile::Month::parse("2015-09").unwrap();
        assert_eq!(month_words(month, Lang::Nl), "september 2015");
        assert_eq!(month_words(month, Lang::En), "September 2015");
    }

    #[test]
    fn attachment_names_are_taken_only_when_plain() {
        let name = |h: &str| attachment_file_name(h);
        assert_eq!(
            name(r#"attachment; filename="zelfregie-overdracht-2026-11-22.json.age""#).as_deref(),
            Some("zelfregie-overdracht-2026-11-22.json.age")
        );
        assert_eq!(name("attachment; filename=a.age").as_deref(), Some("a.age"));
        assert_eq!(name(r#"attachment; filename="../etc/passwd""#), None);
        assert_eq!(name(r#"attachment; filename=".bashrc""#), None);
        assert_eq!(name("attachment"), None);
    }
}
