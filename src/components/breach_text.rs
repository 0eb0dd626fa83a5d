//! A breach notice's text, part by part under its heading, in the reader's language (the
//! person's page, privacy staff's check before sending).

use leptos::prelude::*;
use zelfregie_model::breach::{part_heading, NoticeText};

use crate::i18n::Lang;
use crate::locale::Locale;

/// The five parts, each under its heading (`h3`), paragraphs kept.
#[component]
pub fn BreachText(
    /// The notice's text.
    text: NoticeText,
) -> impl IntoView {
    let locale = Locale::get();
    move || {
        let lang = locale.lang();
        text.parts()
            .into_iter()
            .map(|(name, part)| {
                let (nl, en) = part_heading(name);
                let (heading, body) = match lang {
                    Lang::Nl => (nl, part.nl.clone()),
                    Lang::En => (en, part.en.clone()),
                };
                view! {
                    <h3>{heading}</h3>
                    {body.split("\n\n").map(|p| view! { <p class="breach-part">{p.trim().to_owned()}</p> }).collect_view()}
                }
            })
            .collect_view()
    }
}
