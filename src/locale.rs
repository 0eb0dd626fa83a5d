//! The UI language as app state: Dutch unless the person chose English, remembered in
//! `localStorage` under one key holding only `nl` or `en` (not personal data), and
//! reflected in `<html lang>` so screen readers pronounce the page right (WCAG 3.1.1).

use leptos::prelude::*;

use crate::i18n::{Lang, T};

/// The `localStorage` key of the language choice.
pub const STORAGE_KEY: &str = "zelfregie.lang";

/// Context handle for the language.
#[derive(Clone, Copy)]
pub struct Locale {
    lang: RwSignal<Lang>,
}

impl Locale {
    /// Creates the context from the remembered choice and keeps page and storage in step.
    pub fn provide() -> Locale {
        let locale = Locale { lang: RwSignal::new(stored_lang().or_else(browser_lang).unwrap_or_default()) };
        Effect::new(move |_| {
            let lang = locale.lang.get();
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("lang", lang.tag());
            }
        });
        provide_context(locale);
        locale
    }

    /// The context.
    pub fn get() -> Locale {
        expect_context::<Locale>()
    }

    /// The current language (tracked).
    pub fn lang(self) -> Lang {
        self.lang.get()
    }

    /// The current language, without tracking (in event handlers and async work).
    pub fn lang_untracked(self) -> Lang {
        self.lang.get_untracked()
    }

    /// Switches the language and remembers the choice.
    pub fn set(self, lang: Lang) {
        store_lang(lang);
        self.lang.set(lang);
    }

    /// A reactive text, for use in views.
    pub fn text(self, key: T) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || key.get(self.lang.get())
    }
}

/// On a first visit, the browser's language: the first of its preferred languages that the
/// portal speaks (issue 25: an English browser got Dutch).
fn browser_lang() -> Option<Lang> {
    let languages = window().navigator().languages();
    let tags: Vec<String> = languages.iter().filter_map(|v| v.as_string()).collect();
    preferred(&tags)
}

/// The first of `tags` (`en-GB`, `nl`, `de`…) that is Dutch or English.
pub fn preferred(tags: &[String]) -> Option<Lang> {
    tags.iter().find_map(|tag| match tag.split('-').next().unwrap_or("").to_ascii_lowercase().as_str() {
        "nl" => Some(Lang::Nl),
        "en" => Some(Lang::En),
        _ => None,
    })
}

/// The remembered language, if any.
pub fn stored_lang() -> Option<Lang> {
    let storage = window().local_storage().ok().flatten()?;
    storage.get_item(STORAGE_KEY).ok().flatten().map(|tag| Lang::from_tag(&tag))
}

/// Remembers `lang`. Storage may be unavailable (private mode): the choice then lasts
/// for this visit only, which is fine.
pub fn store_lang(lang: Lang) {
    if let Some(storage) = window().local_storage().ok().flatten() {
        let _ = storage.set_item(STORAGE_KEY, lang.tag());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_language_the_portal_speaks_wins() {
        let tags = |t: &[&str]| t.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(preferred(&tags(&["en-GB", "nl"])), Some(Lang::En));
        assert_eq!(preferred(&tags(&["de-DE", "NL-be", "en"])), Some(Lang::Nl));
        assert_eq!(preferred(&tags(&["fr", "de"])), None);
        assert_eq!(preferred(&[]), None);
    }
}
