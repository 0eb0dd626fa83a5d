//! One request for privacy staff (`/privacy/verzoek?id=…`): who sent it, what they asked,
//! the deadline; and, while it is open, the three things staff can do: answer it (closes it),
//! extend the deadline once with a reason, or close it without an answer with a reason.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use zelfregie_model::privacy_request::{RequestStatus, StaffRequest, StaffText};

use crate::api::{self, StaffAction};
use crate::components::field::TextField;
use crate::components::loaded::Loaded;
use crate::components::notice::StatusNotice;
use crate::components::page::Page;
use crate::i18n::T;
use crate::locale::Locale;
use crate::pages::requests::RequestCard;
use crate::routes::Route;
use crate::submit::{checked, Submit};

/// The page.
#[component]
pub fn PrivacyRequestPage() -> impl IntoView {
    let locale = Locale::get();
    let id = use_query_map().with_untracked(|q| q.get("id")).filter(|t| !t.is_empty());
    view! {
        <Page title=T::PrivacyRequestTitle>
            <p class="link-line"><a href=Route::PrivacyQueue.path()>{locale.text(T::PrivacyRequestBack)}</a></p>
            {match id {
                Some(id) => view! { <RequestHandling id=id/> }.into_any(),
                None => view! { <p class="notice notice-error" role="alert">{locale.text(T::PrivacyRequestMissing)}</p> }.into_any(),
            }}
        </Page>
    }
}

#[component]
fn RequestHandling(id: String) -> impl IntoView {
    let locale = Locale::get();
    let request = LocalResource::new({
        let id = id.clone();
        move || {
            let id = id.clone();
            async move { api::staff_request(&id).await }
        }
    });
    let done = RwSignal::new(false);
    let on_done = Callback::new(move |updated: StaffRequest| {
        request.set(Some(Ok(updated)));
        done.set(true);
    });
    view! {
        <div aria-live="polite">{move || done.get().then(|| view! { <StatusNotice text=T::PrivacyDone/> })}</div>
        <Loaded resource=request keep=true let:r>
            <p><strong>{locale.text(T::PrivacyRequestFrom)} ": "</strong><span class="request-email">{r.email.clone()}</span></p>
            <RequestCard request=r.request.clone() for_staff=true/>
            {(r.request.status == RequestStatus::Open).then(|| {
                let extended = r.request.extension.is_some();
                view! {
                    <StaffForm id=id.clone() action=StaffAction::Answer heading=T::PrivacyAnswerHeading
                        label=T::PrivacyAnswerLabel hint=T::PrivacyAnswerHint submit=T::PrivacyAnswerSubmit on_done=on_done/>
                    {(!extended).then(|| view! {
                        <StaffForm id=id.clone() action=StaffAction::Extend heading=T::PrivacyExtendHeading
                            label=T::PrivacyReasonLabel hint=T::PrivacyExtendText submit=T::PrivacyExtendSubmit on_done=on_done/>
                    })}
                    <StaffForm id=id.clone() action=StaffAction::Close heading=T::PrivacyCloseHeading
                        label=T::PrivacyReasonLabel hint=T::PrivacyCloseText submit=T::PrivacyCloseSubmit on_done=on_done/>
                }
            })}
        </Loaded>
    }
}

/// One of the three forms: a text (the answer or the reason), what it does, and its button.
#[component]
fn StaffForm(
    id: String,
    action: StaffAction,
    heading: T,
    label: T,
    hint: T,
    submit: T,
    on_done: Callback<StaffRequest>,
) -> impl IntoView {
    let locale = Locale::get();
    let value = RwSignal::new(String::new());
    let name = match action {
        StaffAction::Answer => "answer",
        StaffAction::Extend => "extend",
        StaffAction::Close => "close",
    };
    let (message_id, field_id): (&'static str, fn(&str) -> String) = match action {
        StaffAction::Answer => ("answer-error", |_| "answer-text".to_owned()),
        StaffAction::Extend => ("extend-error", |_| "extend-text".to_owned()),
        StaffAction::Close => ("close-error", |_| "close-text".to_owned()),
    };
    let form = Submit::with_field_ids(
        message_id,
        field_id,
        move |body: StaffText| {
            let id = id.clone();
            async move { api::handle_request(&id, action, &body).await }
        },
        move |updated| on_done.run(updated),
    );
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let body = StaffText { text: value.get_untracked() };
        let rule = match action {
            StaffAction::Answer => StaffText::validate_answer,
            StaffAction::Extend | StaffAction::Close => StaffText::validate_reason,
        };
        form.submit(checked(body, rule));
    };
    let (heading_id, labelled_by) = (format!("h-{name}"), format!("h-{name}"));
    view! {
        <section aria-labelledby=labelled_by>
            <h2 id=heading_id>{locale.text(heading)}</h2>
            {form.message()}
            <form class="form" on:submit=on_submit novalidate>
                <TextField id=format!("{name}-text") label=label hint=hint multiline=true
                    value=value error=form.error("text")/>
                <button type="submit" class="button-primary" disabled=form.pending()>{locale.text(submit)}</button>
            </form>
        </section>
    }
}
