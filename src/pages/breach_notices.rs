//! Berichten over een datalek (privacy staff, `/privacy/datalekken`): the notices sent and
//! drafted, with how many people got them, by mail and read; and a form to write a new one —
//! every part in Dutch and English, and who is affected, with a count before anything is
//! saved. Saving makes a draft; it is checked and sent on its own page.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use zelfregie_model::breach::{read_addresses, BreachAudience, NewNotice, NoticeStatus, NoticeText, StaffNotice};
use zelfregie_model::register::Text;

use crate::api;
use crate::components::field::{SelectField, TextField};
use crate::components::loaded::Loaded;
use crate::components::notice::ErrorNotice;
use crate::components::page::Page;
use crate::format::date_time;
use crate::i18n::{breach_counts_text, Lang, T};
use crate::locale::Locale;
use crate::routes::Route;
use crate::submit::{checked, Submit};

/// The form's field for part `name` in `lang` ("nature-nl").
fn field_id(field: &str) -> String {
    field.replace('.', "-")
}

/// The audience as chosen on the form.
pub fn audience(kind: &str, addresses: &str) -> BreachAudience {
    match kind {
        "candidates" => BreachAudience::Candidates,
        "participants" => BreachAudience::Participants,
        "addresses" => BreachAudience::Addresses { addresses: read_addresses(addresses) },
        _ => BreachAudience::Everyone,
    }
}

/// The page.
#[component]
pub fn BreachNoticesPage() -> impl IntoView {
    let locale = Locale::get();
    let notices = LocalResource::new(api::breach_notices);
    let entry = move |n: StaffNotice| {
        let lang = locale.lang();
        let title = match lang {
            Lang::Nl => n.text.nature.nl.clone(),
            Lang::En => n.text.nature.en.clone(),
        };
        let first_line = title.lines().next().unwrap_or_default().chars().take(120).collect::<String>();
        let status = match (n.status, n.sent_at) {
            (NoticeStatus::Sent, Some(at)) => format!("{} {}", T::BreachSentOn.get(lang), date_time(at, lang)),
            _ => T::BreachDraft.get(lang).to_owned(),
        };
        view! {
            <li class="queue-entry" data-id=n.id.clone()>
                <h3>{first_line.clone()}</h3>
                <p>{status}</p>
                {(n.status == NoticeStatus::Sent).then(|| view! { <p>{breach_counts_text(&n, lang)}</p> })}
                <a href=Route::breach_notice(&n.id) aria-label=format!("{}: {}", T::PrivacyQueueOpen.get(lang), first_line)>
                    {T::PrivacyQueueOpen.get(lang)}
                </a>
            </li>
        }
    };
    view! {
        <Page title=T::BreachStaffTitle>
            <p>{locale.text(T::BreachStaffIntro)}</p>
            <section aria-labelledby="h-breach-list">
                <h2 id="h-breach-list">{locale.text(T::BreachStaffListHeading)}</h2>
                <Loaded resource=notices let:list>
                    {if list.is_empty() {
                        view! { <p>{locale.text(T::BreachStaffNone)}</p> }.into_any()
                    } else {
                        view! { <ul class="queue">{list.into_iter().map(entry).collect_view()}</ul> }.into_any()
                    }}
                </Loaded>
            </section>
            <NewNoticeForm/>
        </Page>
    }
}

#[component]
fn NewNoticeForm() -> impl IntoView {
    let locale = Locale::get();
    let navigate = use_navigate();
    let parts: [(&'static str, T, T, T); 5] = [
        ("nature", T::BreachNatureNl, T::BreachNatureEn, T::BreachNatureHint),
        ("consequences", T::BreachConsequencesNl, T::BreachConsequencesEn, T::BreachConsequencesHint),
        ("measures", T::BreachMeasuresNl, T::BreachMeasuresEn, T::BreachMeasuresHint),
        ("advice", T::BreachAdviceNl, T::BreachAdviceEn, T::BreachAdviceHint),
        ("contact", T::BreachContactNl, T::BreachContactEn, T::BreachContactHint),
    ];
    let values: Vec<(RwSignal<String>, RwSignal<String>)> =
        (0..5).map(|_| (RwSignal::new(String::new()), RwSignal::new(String::new()))).collect();
    let kind = RwSignal::new("everyone".to_owned());
    let addresses = RwSignal::new(String::new());
    let count = RwSignal::new(None::<zelfregie_model::breach::AudienceCount>);
    let count_error = RwSignal::new(None);
    let form = Submit::with_field_ids(
        "breach-error",
        field_id,
        |notice: NewNotice| async move { api::draft_breach_notice(&notice).await },
        move |saved: StaffNotice| navigate(&Route::breach_notice(&saved.id), Default::default()),
    );
    let text = {
        let values = values.clone();
        move || {
            let t = |i: usize| {
                let (nl, en): &(RwSignal<String>, RwSignal<String>) = &values[i];
                Text { nl: nl.get_untracked(), en: en.get_untracked() }
            };
            NoticeText { nature: t(0), consequences: t(1), measures: t(2), advice: t(3), contact: t(4) }
        }
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let notice = NewNotice { text: text(), audience: audience(&kind.get_untracked(), &addresses.get_untracked()) };
        form.submit(checked(notice, NewNotice::validate));
    };
    let preview = Action::new_local(move |audience: &BreachAudience| {
        let audience = audience.clone();
        async move {
            match api::preview_breach_audience(&audience).await {
                Ok(c) => {
                    count.set(Some(c));
                    count_error.set(None);
                }
                Err(e) => {
                    count.set(None);
                    count_error.set(Some(e));
                }
            }
        }
    });
    let options = ["everyone", "candidates", "participants", "addresses"]
        .into_iter()
        .zip([
            T::BreachAudienceEveryone,
            T::BreachAudienceCandidates,
            T::BreachAudienceParticipants,
            T::BreachAudienceAddresses,
        ])
        .map(|(v, t)| (v.to_owned(), Signal::derive(move || t.get(locale.lang()).to_owned())))
        .collect::<Vec<_>>();
    view! {
        <section aria-labelledby="h-breach-new">
            <h2 id="h-breach-new">{locale.text(T::BreachNewHeading)}</h2>
            <p>{locale.text(T::BreachNewIntro)}</p>
            {form.message()}
            <form class="form" on:submit=on_submit novalidate>
                {parts.into_iter().zip(values.clone()).map(|((name, nl, en, hint), (v_nl, v_en))| view! {
                    <fieldset>
                        <legend>{locale.text(hint)}</legend>
                        <TextField id=format!("{name}-nl") label=nl multiline=true required=true value=v_nl
                            error=form.error(format!("{name}.nl"))/>
                        <TextField id=format!("{name}-en") label=en multiline=true required=true value=v_en
                            error=form.error(format!("{name}.en"))/>
                    </fieldset>
                }).collect_view()}
                <SelectField id="audience-kind" label=T::BreachAudienceLabel options=options value=kind/>
                {move || (kind.get() == "addresses").then(|| view! {
                    <TextField id="audience-addresses" label=T::BreachAddressesLabel hint=T::BreachAddressesHint
                        multiline=true value=addresses error=form.error("audience.addresses")/>
                })}
                <div aria-live="polite" class="breach-count">
                    {move || count.get().map(|c| {
                        let lang = locale.lang();
                        let mut s = T::BreachCountPrefix.get(lang).replace("{n}", &c.count.to_string());
                        if !c.unknown.is_empty() {
                            s.push(' ');
                            s.push_str(T::BreachUnknown.get(lang));
                            s.push(' ');
                            s.push_str(&c.unknown.join(", "));
                        }
                        view! { <p class="notice notice-status">{s}</p> }
                    })}
                    {move || count_error.get().map(|e| view! { <ErrorNotice error=e/> })}
                </div>
                <div class="button-row">
                    <button type="button" class="button-secondary" disabled=move || preview.pending().get()
                        on:click=move |_| { preview.dispatch_local(audience(&kind.get_untracked(), &addresses.get_untracked())); }>
                        {locale.text(T::BreachCountButton)}
                    </button>
                    <button type="submit" class="button-primary" disabled=form.pending()>{locale.text(T::BreachSaveDraft)}</button>
                </div>
            </form>
        </section>
    }
}
