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

/// The export's file name for `date` (`YYYY-MM-DD`): `.json`, or `.json.age` when encrypted.
pub fn export_file_name(date: &str, encrypted: bool) -> String {
    format!("zelfregie-export-{date}{}", if encrypted { ".json.age" } else { ".json" })
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
        assert_eq!(export_file_name("2026-11-22", true), "zelfregie-export-2026-11-22.json.age");
        assert_eq!(export_file_name("2026-11-22", false), "zelfregie-export-2026-11-22.json");
        assert_eq!(transfer_file_name("2026-11-22"), "zelfregie-overdracht-2026-11-22.json.age");
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
