//! "Op deze pagina": links to the sections of a long page. A link moves keyboard focus to
//! its section's heading, so the next Tab goes into that section: a task far down a page is
//! a few key presses away, not a Tab through every field above it (issue 25 item 8).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::T;
use crate::locale::Locale;

/// The list; `entries` are `(heading id, heading text)` in page order, as the page shows
/// them now (a staff account has fewer sections than a candidate's), in the page's language.
#[component]
pub fn Contents(
    /// `(heading id, heading text)` of each section.
    #[prop(into)]
    entries: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let locale = Locale::get();
    view! {
        <nav class="contents" aria-labelledby="h-contents">
            <h2 id="h-contents">{locale.text(T::OnThisPage)}</h2>
            <ul>
                {move || entries.get().into_iter().map(|(id, text)| {
                    let href = format!("#{id}");
                    view! { <li><a href=href on:click=move |ev| { ev.prevent_default(); jump(&id); }>{text}</a></li> }
                }).collect_view()}
            </ul>
        </nav>
    }
}

/// `(id, T)` entries in the page's language now.
pub fn texts(entries: &[(&str, T)]) -> Vec<(String, String)> {
    let lang = Locale::get().lang();
    entries.iter().map(|(id, t)| ((*id).to_owned(), t.get(lang).to_owned())).collect()
}

/// Focuses the heading `id` (focusable from script only) and so scrolls it into view.
pub fn jump(id: &str) {
    let heading = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(heading) = heading {
        let _ = heading.set_attribute("tabindex", "-1");
        let _ = heading.focus();
    }
}
