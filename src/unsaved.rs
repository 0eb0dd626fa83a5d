//! Unsaved changes are never lost silently: a page with a dirty form says so here; the
//! browser then asks before closing or reloading, and the layout asks before following a
//! link inside the app.

use leptos::prelude::*;

use crate::i18n::T;
use crate::locale::Locale;

/// Context: whether the current page holds unsaved changes.
#[derive(Clone, Copy)]
pub struct Unsaved(RwSignal<bool>);

impl Unsaved {
    /// Creates the context and the `beforeunload` guard.
    pub fn provide() -> Unsaved {
        let unsaved = Unsaved(RwSignal::new(false));
        let handle = window_event_listener(leptos::ev::beforeunload, move |ev| {
            if unsaved.0.get_untracked() {
                ev.prevent_default();
                ev.set_return_value("");
            }
        });
        on_cleanup(move || handle.remove());
        provide_context(unsaved);
        unsaved
    }

    /// The context.
    pub fn get() -> Unsaved {
        expect_context::<Unsaved>()
    }

    /// Marks whether there are unsaved changes.
    pub fn set(self, dirty: bool) {
        if self.0.get_untracked() != dirty {
            self.0.set(dirty);
        }
    }

    /// Whether leaving is fine: no unsaved changes, or the person confirms.
    pub fn may_leave(self) -> bool {
        if !self.0.get_untracked() {
            return true;
        }
        let text = T::UnsavedChangesConfirm.get(Locale::get().lang());
        let leave = window().confirm_with_message(text).unwrap_or(true);
        if leave {
            self.0.set(false);
        }
        leave
    }
}

/// Keeps the [`Unsaved`] flag in step with `dirty` while the calling page is shown.
pub fn track_unsaved(dirty: impl Fn() -> bool + 'static) {
    let unsaved = Unsaved::get();
    Effect::new(move |_| unsaved.set(dirty()));
    on_cleanup(move || unsaved.set(false));
}
