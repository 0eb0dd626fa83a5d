//! One request for privacy staff (`/privacy/verzoek?id=…`): who sent it, what they asked,
//! the deadline; and, while it is open, the three things staff can do: answer it (closes it),
//! extend the deadline once with a reason, or close it without an answer with a reason. The
//! extension is offered only when the model's rule allows it (`privacy_request::extension`:
//! not for a complaint, not twice, not after the deadline day); otherwise a sentence says why.
//! A request for someone else first asks staff to record how they checked the requester's
//! identity and authority (in person, or another way with a note); the answer form appears
//! after that (the server refuses an answer before it: `authority_not_checked`).

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use zelfregie_model::privacy_request::{
    day, extension, NewVerification, PrivacyRequest, RequestStatus, StaffRequest, StaffText, VerificationMethod,
    VerificationRecord,
};
use zelfregie_model::ErrorCode;

use crate::api::{self, StaffAction};
use crate::components::field::TextField;
use crate::components::loaded::Loaded;
use crate::components::notice::StatusNotice;
use crate::components::page::Page;
use crate::format::date_time;
use crate::i18n::{error_text, Lang, T};
use crate::locale::Locale;
use crate::pages::requests::{checked_line, now, RequestCard};
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
    // What was saved: a change the person is mailed about, or a recorded check (no mail).
    let done = RwSignal::new(None::<T>);
    let on_done = Callback::new(move |updated: StaffRequest| {
        request.set(Some(Ok(updated)));
        done.set(Some(T::PrivacyDone));
    });
    let on_checked = Callback::new(move |updated: StaffRequest| {
        request.set(Some(Ok(updated)));
        done.set(Some(T::PrivacyCheckDone));
    });
    view! {
        <div aria-live="polite">{move || done.get().map(|text| view! { <StatusNotice text=text/> })}</div>
        <Loaded resource=request keep=true let:r>
            <p><strong>{locale.text(T::PrivacyRequestFrom)} ": "</strong><span class="request-email">{r.email.clone()}</span></p>
            <RequestCard request=r.request.clone() for_staff=true/>
            {r.verification.clone().map(|v| view! { <CheckRecord record=v/> })}
            {(r.request.status == RequestStatus::Open).then(|| {
                let why_not = extension_refused(&r.request, now());
                let must_check = must_check(&r);
                view! {
                    {if must_check {
                        view! { <CheckForm id=id.clone() on_done=on_checked/> }.into_any()
                    } else {
                        view! {
                            <StaffForm id=id.clone() action=StaffAction::Answer heading=T::PrivacyAnswerHeading
                                label=T::PrivacyAnswerLabel hint=T::PrivacyAnswerHint submit=T::PrivacyAnswerSubmit on_done=on_done/>
                        }.into_any()
                    }}
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

/// Whether the request is for someone else and the check of the requester is not recorded yet:
/// then the check comes first, the answer after it.
pub fn must_check(r: &StaffRequest) -> bool {
    r.request.on_behalf.is_some() && r.verification.is_none()
}

/// The recorded check: how, on what day, the note, who recorded it and when, and whether the
/// person concerned sees the request.
#[component]
fn CheckRecord(record: VerificationRecord) -> impl IntoView {
    let locale = Locale::get();
    let t = move |k: T| k.get(locale.lang());
    let VerificationRecord { method, checked_on, note, recorded_at, recorded_by, linked } = record;
    view! {
        <section aria-labelledby="h-check-record" class="check-record">
            <h2 id="h-check-record">{move || t(T::RequestCheckedLabel)}</h2>
            <p>{move || checked_line(method, checked_on, locale.lang())}</p>
            {(!note.is_empty()).then(|| view! { <p class="check-note">{note}</p> })}
            <p class="muted">
                {move || t(T::PrivacyCheckedBy)} ": " {recorded_by.clone().unwrap_or_else(|| "—".into())}
                ", " {move || date_time(recorded_at, locale.lang())}
            </p>
            <p>{move || t(if linked { T::PrivacyCheckLinked } else { T::PrivacyCheckNotLinked })}</p>
        </section>
    }
}

/// The form to record how the requester was checked: in person (the policy) or another way with
/// a note, and the day.
#[component]
fn CheckForm(id: String, on_done: Callback<StaffRequest>) -> impl IntoView {
    let locale = Locale::get();
    let method = RwSignal::new(VerificationMethod::InPerson);
    let checked_on = RwSignal::new(day::to_string(zelfregie_model::privacy_request::dutch_date(now())));
    let note = RwSignal::new(String::new());
    let form = Submit::with_field_ids(
        "check-error",
        |field| format!("check-{}", field.replace('_', "-")),
        move |body: NewVerification| {
            let id = id.clone();
            async move { api::verify_request(&id, &body).await }
        },
        move |updated| on_done.run(updated),
    );
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(day) = day::parse(checked_on.get_untracked().trim()) else {
            form.submit(Err(vec![zelfregie_model::FieldError::new("checked_on", ErrorCode::Required)]));
            return;
        };
        let body = NewVerification { method: method.get_untracked(), checked_on: day, note: note.get_untracked() };
        form.submit(checked(body, NewVerification::validate));
    };
    let methods =
        [(VerificationMethod::InPerson, T::PrivacyCheckInPerson), (VerificationMethod::Other, T::PrivacyCheckOther)]
            .map(|(m, label)| {
                let input_id = format!("check-method-{}", m.as_str());
                view! {
                    <div class="field-check">
                        <input type="radio" id=input_id.clone() name="check-method"
                            prop:checked=move || method.get() == m on:change=move |_| method.set(m)/>
                        <label for=input_id>{locale.text(label)}</label>
                    </div>
                }
            });
    view! {
        <section aria-labelledby="h-check">
            <h2 id="h-check">{locale.text(T::PrivacyCheckHeading)}</h2>
            <p>{locale.text(T::PrivacyCheckText)}</p>
            {form.message()}
            <form class="form" on:submit=on_submit novalidate>
                <fieldset class="choice">
                    <legend>{locale.text(T::PrivacyCheckMethodLegend)}</legend>
                    {methods.into_iter().collect_view()}
                </fieldset>
                <TextField id="check-checked-on" label=T::PrivacyCheckDay input_type="date" value=checked_on
                    error=form.error("checked_on")/>
                <TextField id="check-note" label=T::PrivacyCheckNote hint=T::PrivacyCheckNoteHint value=note
                    error=form.error("note")/>
                <button type="submit" class="button-primary" disabled=form.pending()>{locale.text(T::PrivacyCheckSubmit)}</button>
            </form>
        </section>
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
            on_behalf: None,
            checked: None,
            requested_by: None,
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
