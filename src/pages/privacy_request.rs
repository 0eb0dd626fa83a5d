//! One request for privacy staff (`/privacy/verzoek?id=…`): who sent it, what they asked,
//! the deadline; and, while it is open, the three things staff can do: answer it (closes it),
//! extend the deadline once with a reason, or close it without an answer with a reason. The
//! extension is offered only when the model's rule allows it (`privacy_request::extension`:
//! not for a complaint, not twice, not after the deadline day); otherwise a sentence says why.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use zelfregie_model::privacy_request::{extension, PrivacyRequest, RequestStatus, StaffRequest, StaffText};
use zelfregie_model::ErrorCode;

use crate::api::{self, StaffAction};
use crate::components::field::TextField;
use crate::components::loaded::Loaded;
use crate::components::notice::StatusNotice;
use crate::components::page::Page;
use crate::i18n::{error_text, Lang, T};
use crate::locale::Locale;
use crate::pages::requests::{now, RequestCard};
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
                let why_not = extension_refused(&r.request, now());
                view! {
                    <StaffForm id=id.clone() action=StaffAction::Answer heading=T::PrivacyAnswerHeading
                        label=T::PrivacyAnswerLabel hint=T::PrivacyAnswerHint submit=T::PrivacyAnswerSubmit on_done=on_done/>
                    {match why_not {
                        None => view! {
                            <StaffForm id=id.clone() action=StaffAction::Extend heading=T::PrivacyExtendHeading
                                label=T::PrivacyReasonLabel hint=T::PrivacyExtendText submit=T::PrivacyExtendSubmit on_done=on_done/>
                        }.into_any(),
                        Some(code) => view! {
                            <section aria-labelledby="h-extend">
                                <h2 id="h-extend">{locale.text(T::PrivacyExtendHeading)}</h2>
                                <p class="extend-refused">{move || extension_refused_text(code, locale.lang())}</p>
                            </section>
                        }.into_any(),
                    }}
                    <StaffForm id=id.clone() action=StaffAction::Close heading=T::PrivacyCloseHeading
                        label=T::PrivacyReasonLabel hint=T::PrivacyCloseText submit=T::PrivacyCloseSubmit on_done=on_done/>
                }
            })}
        </Loaded>
    }
}

/// Why the deadline of `request` cannot be extended at `now` (the server checks the same
/// rule), or `None` when it can.
pub fn extension_refused(request: &PrivacyRequest, now: time::OffsetDateTime) -> Option<ErrorCode> {
    extension(request.kind, request.received_at, request.extension.is_some(), now).err()
}

/// The sentence in place of the extension form.
pub fn extension_refused_text(code: ErrorCode, lang: Lang) -> &'static str {
    match code {
        ErrorCode::AlreadyExtended => T::PrivacyExtendedOnce.get(lang),
        code => error_text(code, lang),
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

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};
    use zelfregie_model::privacy_request::RequestKind;

    fn open(kind: RequestKind) -> PrivacyRequest {
        PrivacyRequest {
            id: "x".into(),
            kind,
            text: "Verzoek.".into(),
            status: RequestStatus::Open,
            received_at: datetime!(2026-03-10 12:00 UTC),
            deadline: date!(2026 - 04 - 10),
            extension: None,
            response: None,
        }
    }

    #[test]
    fn extending_is_offered_only_when_the_rule_allows_it() {
        let access = open(RequestKind::Access);
        assert_eq!(extension_refused(&access, datetime!(2026-04-10 12:00 UTC)), None, "on the deadline day");
        assert_eq!(extension_refused(&access, datetime!(2026-04-11 12:00 UTC)), Some(ErrorCode::DeadlinePassed));
        let complaint = open(RequestKind::Complaint);
        assert_eq!(
            extension_refused(&complaint, datetime!(2026-03-11 12:00 UTC)),
            Some(ErrorCode::ExtensionNotAllowed)
        );
        let mut extended = open(RequestKind::Objection);
        extended.extension = Some(zelfregie_model::privacy_request::StaffNote {
            text: "Meer tijd.".into(),
            at: datetime!(2026-03-20 9:00 UTC),
        });
        assert_eq!(extension_refused(&extended, datetime!(2026-03-21 12:00 UTC)), Some(ErrorCode::AlreadyExtended));
        assert!(extension_refused_text(ErrorCode::ExtensionNotAllowed, Lang::Nl).contains("zes weken"));
        assert!(extension_refused_text(ErrorCode::DeadlinePassed, Lang::En).contains("passed"));
        assert!(extension_refused_text(ErrorCode::AlreadyExtended, Lang::Nl).contains("één keer"));
    }
}
