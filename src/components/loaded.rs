//! One way to show loaded data: a page asks for it with a `LocalResource` and shows it inside
//! [`Loaded`], which gives every page the same "loading" message and the same error.

use leptos::prelude::*;

use zelfregie_model::ErrorCode;

use crate::api::ApiResult;
use crate::components::notice::{ErrorNotice, Loading};
use crate::relogin::Relogin;

/// What `resource` loaded, shown by `children`; [`Loading`] until then, and the failure as
/// an [`ErrorNotice`]. With `keep`, what is shown stays on screen while the resource loads
/// again (after a change, or for the next page of a list), instead of the loading message.
#[component]
pub fn Loaded<T, F, V>(
    /// The data.
    resource: LocalResource<ApiResult<T>>,
    /// Keep showing the last data while loading again (a `Transition`, not a `Suspense`).
    #[prop(optional)]
    keep: bool,
    /// With `keep`: hears whether it is loading again (to disable a "more" button, say).
    #[prop(optional, into)]
    set_pending: Option<SignalSetter<bool>>,
    /// Shown while loading instead of the loading message: the shape of what will be
    /// shown, so nothing below it moves when the data arrives. It must say it is loading
    /// (a [`Loading`] inside it).
    #[prop(optional, into)]
    placeholder: Option<ViewFn>,
    /// Shows the data.
    children: F,
) -> impl IntoView
where
    T: Clone + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    // A load that found the session ended loads again once the person has logged in again
    // in the dialog over the page (`relogin.rs`).
    if let Some(relogin) = Relogin::try_get() {
        Effect::new(move |seen: Option<u32>| {
            let logins = relogin.logins.get();
            let ended = resource.with_untracked(|r| {
                r.as_ref().is_some_and(|r| r.as_ref().is_err_and(|e| e.code() == Some(ErrorCode::Unauthenticated)))
            });
            if seen.is_some_and(|s| s != logins) && ended {
                resource.refetch();
            }
            logins
        });
    }
    let shown = move || {
        resource.get().map(|result| match result {
            Ok(value) => children(value).into_any(),
            Err(error) => view! { <ErrorNotice error=error/> }.into_any(),
        })
    };
    frame(Box::new(shown), keep, set_pending, placeholder.unwrap_or_else(|| ViewFn::from(|| view! { <Loading/> })))
}

/// The loading frame around what is shown; not generic, so it is compiled once for every
/// kind of data.
fn frame(
    shown: Box<dyn Fn() -> Option<AnyView> + Send + Sync>,
    keep: bool,
    set_pending: Option<SignalSetter<bool>>,
    placeholder: ViewFn,
) -> AnyView {
    let fallback = move || placeholder.run();
    if keep {
        let set_pending = set_pending.unwrap_or_else(|| SignalSetter::map(|_: bool| {}));
        view! { <Transition fallback=fallback set_pending=set_pending>{move || shown()}</Transition> }.into_any()
    } else {
        view! { <Suspense fallback=fallback>{move || shown()}</Suspense> }.into_any()
    }
}
