//! The frame of every page: its title in the tab and a heading that receives focus, so a
//! screen reader announces where a client-side navigation went (WCAG 2.4.2, 2.4.3).

use leptos::html;
use leptos::prelude::*;

use crate::i18n::T;
use crate::locale::Locale;

/// A page with heading `title`.
#[component]
pub fn Page(
    /// Heading and tab title.
    title: T,
    /// The page's content.
    children: Children,
) -> impl IntoView {
    let locale = Locale::get();
    let heading = NodeRef::<html::H1>::new();
    Effect::new(move |_| {
        let app = T::AppName.get(locale.lang());
        document().set_title(&format!("{} · {}", title.get(locale.lang()), app));
    });
    Effect::new(move |first: Option<()>| {
        // Focus on arrival only, not when the language changes.
        if first.is_none() {
            if let Some(h) = heading.get() {
                let _ = h.focus();
            }
        }
    });
    view! {
        <h1 node_ref=heading tabindex="-1">{locale.text(title)}</h1>
        {children()}
    }
}
