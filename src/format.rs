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
