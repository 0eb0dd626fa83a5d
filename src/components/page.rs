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
        // Focus on arrival only, not when the language changes. A frame later: by then the
        // page is in the document even when the router swapped it in after this effect ran
        // (a heading not yet attached cannot take focus, which left it on the page itself).
        if first.is_none() {
            request_animation_frame(move || {
                if let Some(h) = heading.get_untracked() {
                    let _ = h.focus();
                }
            });
        }
    });
    view! {
        <h1 node_ref=heading tabindex="-1">{locale.text(title)}</h1>
        {children()}
    }
}
