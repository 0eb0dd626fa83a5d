//! Verzoeken: a request to privacy staff about what the portal cannot do by itself (each
//! kind explained in plain words), and every request the person sent with its status, the
//! last day for the answer, an extension's reason and the answer. A request may be made for
//! someone else (docs/security.md "Requests about one's rights"): for whom, their address if
//! known, and the ground. The list also holds requests someone made for the person, once
//! privacy staff checked that representative (read-only, with who asked).

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use zelfregie_model::privacy_request::{
    days_left, Ground, NewRequest, PrivacyRequest, Representation, RequestKind, RequestStatus, VerificationMethod,
};

use crate::api;
use crate::components::field::{focus_field, TextField};
use crate::components::loaded::Loaded;
use crate::components::notice::StatusNotice;
use crate::components::page::Page;
use crate::components::rights::Rights;
use crate::format::date_time;
use crate::format::date_words;
use crate::i18n::{days_left_text, ground_text, request_kind_text, request_status_text, Lang, T};
use crate::locale::Locale;
use crate::submit::{checked, Submit};

/// The line about the deadline: the date, and while open how far it is.
pub fn deadline_line(request: &PrivacyRequest, now: time::OffsetDateTime, lang: Lang) -> String {
    let date = date_words(request.deadline, lang);
    match request.status {
        RequestStatus::Open => format!("{date} ({})", days_left_text(days_left(request.deadline, now), lang)),
        _ => date,
    }
}

/// How and on what day identity and authority were checked.
pub fn checked_line(method: VerificationMethod, on: time::Date, lang: Lang) -> String {
    let how = match method {
        VerificationMethod::InPerson => T::RequestCheckedInPerson,
        VerificationMethod::Other => T::RequestCheckedOther,
    };
    format!("{} {}", how.get(lang), date_words(on, lang))
}

/// Now, by the browser's clock.
pub fn now() -> time::OffsetDateTime {
    let millis = js_sys::Date::now();
    time::OffsetDateTime::from_unix_timestamp((millis / 1000.0) as i64).unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
}

/// The page.
#[component]
pub fn RequestsPage() -> impl IntoView {
    let locale = Locale::get();
    let t = move |k: T| k.get(locale.lang());
    let list = LocalResource::new(api::my_requests);
    let kind = RwSignal::new(RequestKind::Access);
    let text = RwSignal::new(String::new());
    let for_other = RwSignal::new(false);
    let for_name = RwSignal::new(String::new());
    let for_email = RwSignal::new(String::new());
    let ground = RwSignal::new(Ground::ParentOfMinor);
    let sent = RwSignal::new(false);
    let form = Submit::with_field_ids(
        "request-error",
        |field| format!("request-{}", field.replace(['.', '_'], "-")),
        |new: NewRequest| async move { api::file_request(&new).await },
        move |_created| {
            text.set(String::new());
            sent.set(true);
            // The outcome takes focus: it is what the person looks for (issue 25).
            focus_field("request-sent");
            list.refetch();
        },
    );
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        sent.set(false);
        let on_behalf = for_other.get_untracked().then(|| Representation {
            for_name: for_name.get_untracked(),
            for_email: Some(for_email.get_untracked()).filter(|e| !e.trim().is_empty()),
            ground: ground.get_untracked(),
        });
        form.submit(checked(
            NewRequest { kind: kind.get_untracked(), text: text.get_untracked(), on_behalf },
            NewRequest::validate,
        ));
    };
    let grounds = Ground::ALL.map(|g| {
        let id = format!("request-ground-{}", g.as_str());
        view! {
            <div class="field-check">
                <input type="radio" id=id.clone() name="request-ground"
                    prop:checked=move || ground.get() == g on:change=move |_| ground.set(g)/>
                <label for=id>{locale.text(ground_text(g))}</label>
            </div>
        }
    });
    let whom = [(false, T::RequestForMe), (true, T::RequestForOther)].map(|(other, label)| {
        let id = if other { "request-for-other" } else { "request-for-me" };
        view! {
            <div class="field-check">
                <input type="radio" id=id name="request-for"
                    prop:checked=move || for_other.get() == other on:change=move |_| for_other.set(other)/>
                <label for=id>{locale.text(label)}</label>
            </div>
        }
    });
    let pending = form.pending();
    let options = RequestKind::ALL.map(|k| {
        let (name, hint) = request_kind_text(k);
        let id = format!("request-kind-{}", k.as_str());
        let hint_id = format!("{id}-hint");
        view! {
            <div class="field-check">
                <input type="radio" id=id.clone() name="request-kind" aria-describedby=hint_id.clone()
                    prop:checked=move || kind.get() == k on:change=move |_| kind.set(k)/>
                <label for=id>{locale.text(name)}</label>
                <p class="field-hint" id=hint_id>{locale.text(hint)}</p>
            </div>
        }
    });
    view! {
        <Page title=T::RequestsTitle>
            <p>{locale.text(T::RequestsIntro)}</p>
            <p>{locale.text(T::RequestsClock)}</p>
            <section aria-labelledby="h-new-request">
                <h2 id="h-new-request">{locale.text(T::RequestNewHeading)}</h2>
                {form.message()}
                <form class="form" on:submit=on_submit novalidate>
                    <fieldset class="choice">
                        <legend>{locale.text(T::RequestForLegend)}</legend>
                        {whom.into_iter().collect_view()}
                        <p class="field-hint">{locale.text(T::RequestForOtherHint)}</p>
                    </fieldset>
                    <div class="on-behalf" hidden=move || !for_other.get()>
                        <TextField id="request-on-behalf-for-name" label=T::RequestForName value=for_name
                            error=form.error("on_behalf.for_name")/>
                        <TextField id="request-on-behalf-for-email" label=T::RequestForEmail hint=T::RequestForEmailHint
                            input_type="email" value=for_email error=form.error("on_behalf.for_email")/>
                        <fieldset class="choice">
                            <legend>{locale.text(T::RequestGroundLegend)}</legend>
                            {grounds.into_iter().collect_view()}
                        </fieldset>
                    </div>
                    <fieldset class="choice">
                        <legend>{locale.text(T::RequestKindLegend)}</legend>
                        {options.into_iter().collect_view()}
                    </fieldset>
                    <TextField id="request-text" label=T::RequestTextLabel hint=T::RequestTextHint multiline=true
                        value=text error=form.error("text")/>
                    <button type="submit" class="button-primary" disabled=pending>{locale.text(T::RequestSubmit)}</button>
                </form>
                <div aria-live="polite">{move || sent.get().then(|| view! { <StatusNotice text=T::RequestSent id="request-sent"/> })}</div>
            </section>
            <section aria-labelledby="h-my-requests">
                <h2 id="h-my-requests">{locale.text(T::RequestListHeading)}</h2>
                <Loaded resource=list keep=true let:requests>
                    {if requests.is_empty() {
                        view! { <p>{t(T::RequestListNone)}</p> }.into_any()
                    } else {
                        view! { <ul class="requests">{requests.into_iter().map(|r| view! { <li><RequestCard request=r/></li> }).collect_view()}</ul> }.into_any()
                    }}
                </Loaded>
            </section>
            // Not satisfied with an answer: where else to turn (the data protection officer,
            // when the network gave one; the supervisory authority).
            <Rights/>
        </Page>
    }
}

/// One request with everything about it, as the person sees it (and privacy staff too).
#[component]
pub fn RequestCard(
    /// The request.
    request: PrivacyRequest,
    /// Shown to privacy staff (who did not write it) rather than to the person.
    #[prop(optional)]
    for_staff: bool,
) -> impl IntoView {
    let locale = Locale::get();
    let t = move |k: T| k.get(locale.lang());
    let (name, _) = request_kind_text(request.kind);
    let status = request_status_text(request.status);
    let response_label =
        if request.status == RequestStatus::Closed { T::RequestClosedReason } else { T::RequestAnswer };
    let r = request.clone();
    let deadline = move || deadline_line(&r, now(), locale.lang());
    let overdue = request.status == RequestStatus::Open && days_left(request.deadline, now()) < 0;
    let extension = request.extension.clone();
    let response = request.response.clone();
    let received = request.received_at;
    let on_behalf = request.on_behalf.clone();
    let checked = request.checked.clone();
    let requested_by = request.requested_by.clone();
    // The requester, while nobody checked them yet: what to do.
    let unchecked = !for_staff
        && requested_by.is_none()
        && on_behalf.is_some()
        && checked.is_none()
        && request.status == RequestStatus::Open;
    // The card's parts, one level under its title (h3 on the staff page, h4 in the list).
    let sub = move |text: T| {
        if for_staff {
            view! { <h3>{move || t(text)}</h3> }.into_any()
        } else {
            view! { <h4>{move || t(text)}</h4> }.into_any()
        }
    };
    view! {
        <article class="request-card" data-status=request.status.as_str()>
            // On the staff page the request is the page's subject (h2); in the person's list, an
            // item under the list's h2.
            {if for_staff {
                view! { <h2>{move || t(name)}</h2> }.into_any()
            } else {
                view! { <h3>{move || t(name)}</h3> }.into_any()
            }}
            <dl class="facts">
                <dt>{move || t(T::RequestStatusLabel)}</dt>
                <dd class="request-status">{move || t(status)}</dd>
                <dt>{move || t(T::RequestReceived)}</dt>
                <dd>{move || date_time(received, locale.lang())}</dd>
                <dt>{move || t(T::RequestDeadline)}</dt>
                <dd class="request-deadline" class:overdue=overdue>{deadline}</dd>
                {requested_by.clone().map(|by| view! {
                    <dt>{move || t(T::RequestRequestedBy)}</dt>
                    <dd class="request-requested-by">{by}</dd>
                })}
                {on_behalf.map(|o| view! {
                    <dt>{move || t(T::RequestOnBehalfLabel)}</dt>
                    <dd class="request-for">{o.for_name}{o.for_email.map(|e| format!(" ({e})"))}</dd>
                    <dt>{move || t(T::RequestGroundLabel)}</dt>
                    <dd class="request-ground">{move || t(ground_text(o.ground))}</dd>
                })}
                {checked.map(|c| view! {
                    <dt>{move || t(T::RequestCheckedLabel)}</dt>
                    <dd class="request-checked">{move || checked_line(c.method, c.checked_on, locale.lang())}</dd>
                })}
            </dl>
            {requested_by.is_some().then(|| view! { <p class="notice">{move || t(T::RequestForYou)}</p> })}
            {unchecked.then(|| view! { <p class="notice request-not-checked">{move || t(T::RequestNotChecked)}</p> })}
            {sub(if for_staff { T::PrivacyRequestText } else { T::RequestYourText })}
            <p class="request-text">{request.text.clone()}</p>
            {extension.map(|e| view! {
                {sub(T::RequestExtendedReason)}
                <p class="request-extension">{e.text}</p>
            })}
            {response.map(|a| view! {
                {sub(response_label)}
                <p class="request-response">{a.text}</p>
                <p class="muted">{move || date_time(a.at, locale.lang())}</p>
            })}
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    fn request(status: RequestStatus) -> PrivacyRequest {
        PrivacyRequest {
            id: "x".into(),
            kind: RequestKind::Objection,
            text: "Bezwaar.".into(),
            status,
            received_at: datetime!(2026-01-31 10:00 UTC),
            deadline: date!(2026 - 02 - 28),
            extension: None,
            response: None,
            on_behalf: None,
            checked: None,
            requested_by: None,
        }
    }

    #[test]
    fn an_open_request_says_how_many_days_are_left() {
        let open = request(RequestStatus::Open);
        assert_eq!(deadline_line(&open, datetime!(2026-02-18 12:00 UTC), Lang::Nl), "28 februari 2026 (nog 10 dagen)");
        assert_eq!(deadline_line(&open, datetime!(2026-03-02 12:00 UTC), Lang::En), "28 February 2026 (2 days late)");
        let answered = request(RequestStatus::Answered);
        assert_eq!(deadline_line(&answered, datetime!(2026-03-02 12:00 UTC), Lang::Nl), "28 februari 2026");
    }

    #[test]
    fn the_check_says_how_and_on_what_day() {
        let on = date!(2026 - 12 - 07);
        assert_eq!(checked_line(VerificationMethod::InPerson, on, Lang::Nl), "Persoonlijk, op 7 december 2026");
        assert_eq!(checked_line(VerificationMethod::Other, on, Lang::En), "In another way, on 7 December 2026");
    }
}
