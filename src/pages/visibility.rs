//! Zichtbaarheid: in the candidate bank or not, for which partners, which sections,
//! anonymous or not; and the profile exactly as partner X sees it,
//! rendered from the server's own recruiter response for that partner.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use zelfregie_model::{AudienceMode, Partner, Preview, Section, Visibility};

use crate::api::{self, ApiResult};
use crate::components::candidate_card::CandidateCard;
use crate::components::conflict::ConflictPanel;
use crate::components::field::focus_field;
use crate::components::field::{Binding, CheckboxField, SelectField};
use crate::components::loaded::Loaded;
use crate::components::notice::{ErrorNotice, Loading};
use crate::components::page::Page;
use crate::components::save_bar::SaveBar;
use crate::editing::Editor;
use crate::i18n::{audience_text, error_text, partner_label, partner_options, section_name, T};
use crate::locale::Locale;
use crate::versioned_form::VersionedForm;
use leptos::task::spawn_local;

type Ed = RwSignal<Option<Editor<Visibility>>>;

fn draft<R>(ed: Ed, f: impl FnOnce(&Visibility) -> R) -> Option<R> {
    ed.with(|e| e.as_ref().map(|e| f(&e.draft)))
}

fn edit(ed: Ed, f: impl FnOnce(&mut Visibility)) {
    ed.update(|e| {
        if let Some(e) = e {
            f(&mut e.draft);
        }
    });
}

/// A short description of visibility settings (for the conflict panel).
fn describe(v: &Visibility) -> AnyView {
    let locale = Locale::get();
    let v = v.clone();
    view! {
        <dl class="facts">
            <dt>{locale.text(T::Listed)}</dt>
            <dd>{move || if v.listed { T::Yes.get(locale.lang()) } else { T::No.get(locale.lang()) }}</dd>
            <dt>{locale.text(T::OverviewVisibleTo)}</dt>
            <dd>{move || audience_text(&v.audience_names(), locale.lang())}</dd>
        </dl>
    }
    .into_any()
}

/// The visibility page.
#[component]
pub fn VisibilityPage() -> impl IntoView {
    let locale = Locale::get();
    let form = VersionedForm::<Visibility>::load(api::VISIBILITY, |_| "audience-partners".to_owned());
    let (ed, errors) = (form.editor, form.errors);
    let dirty = move || form.dirty();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        form.submit(Visibility::validate);
    };
    let pending = form.pending();

    let listed = Signal::derive(move || draft(ed, |v| v.listed).unwrap_or_default());
    let anonymous = Signal::derive(move || draft(ed, |v| v.anonymous).unwrap_or_default());
    let mode = Memo::new(move |_| draft(ed, |v| v.audience.mode()).unwrap_or(AudienceMode::AllPartners));
    // Who the list included when "all partners" was chosen: arrow keys pass through that
    // option on their way from one list to the other, and coming back restores the list
    // (`Audience::switch_remembering`).
    let memory = StoredValue::new(None::<std::collections::BTreeSet<String>>);
    let radio = move |value: AudienceMode, label: T| {
        let id = format!("audience-{}", value.as_str());
        let switch = move |_| memory.update_value(|m| edit(ed, |v| v.switch_audience_remembering(value, m)));
        view! {
            <div class="field-check">
                <input type="radio" name="audience" id=id.clone() value=value.as_str() prop:checked=move || mode.get() == value
                    aria-describedby="audience-hint" on:change=switch/>
                <label for=id>{locale.text(label)}</label>
            </div>
        }
    };
    // Who sees the profile with the settings on screen, before saving.
    let visible_to = move || draft(ed, |v| audience_text(&v.audience_names(), locale.lang())).unwrap_or_default();
    let tick_all = move |on: bool| edit(ed, |v| v.audience.set_all(on));
    let partner_error = move || errors.with(|e| e.field("audience.partners"));
    // What the person typed to find their organisation among the 35 (issue 25 item 8: ticking
    // one is a few keys, not a Tab through the whole list).
    let query = RwSignal::new(String::new());

    view! {
        <Page title=T::VisibilityTitle>
            <p>{locale.text(T::VisibilityIntro)}</p>
            <Loaded resource=form.loaded let:_loaded>
                <ConflictPanel editor=ed newer=describe/>
                {form.message()}
                <form class="form" on:submit=submit novalidate>
                    // The consent text, shown before the switch; turning it on sends this
                    // text's version, which the server records as the consent.
                    <div class="consent-text" id="listing-consent">
                        <p><strong>{locale.text(T::ListingConsentHeading)}</strong></p>
                        <p>{move || match locale.lang() {
                            crate::i18n::Lang::Nl => zelfregie_model::listing::current().nl,
                            crate::i18n::Lang::En => zelfregie_model::listing::current().en,
                        }}</p>
                    </div>
                    <ListingValidity/>
                    <CheckboxField id="listed" label=T::Listed hint=T::ListedHint checked=listed
                        set=Callback::new(move |on| edit(ed, |v| {
                            v.listed = on;
                            v.consent_text_version = on.then(|| zelfregie_model::listing::current().version);
                        }))/>
                    <fieldset class="choice" disabled=move || !listed.get()>
                        <legend>{locale.text(T::Audience)}</legend>
                        <p class="field-hint" id="audience-hint">{locale.text(T::AudienceSwitchHint)}</p>
                        {radio(AudienceMode::AllPartners, T::AudienceAll)}
                        {radio(AudienceMode::Only, T::AudienceOnly)}
                        {radio(AudienceMode::AllExcept, T::AudienceExcept)}
                        <p class="audience-line" aria-live="polite">
                            <strong>{locale.text(T::OverviewVisibleTo)} ": "</strong>{visible_to}
                        </p>
                        <Show when=move || mode.get() != AudienceMode::AllPartners>
                            <fieldset class="choice partners" id="audience-partners" tabindex="-1"
                                aria-describedby=move || partner_error().map(|_| "audience-partners-error")>
                                <legend>{locale.text(T::AudiencePartners)}</legend>
                                {move || partner_error().map(|code| view! {
                                    <p class="field-error" id="audience-partners-error">{move || error_text(code, locale.lang())}</p>
                                })}
                                <PartnerFilter query=query/>
                                {Partner::by_lookup_name().into_iter().map(|p| {
                                    let (slug, slug_id) = (p.slug.clone(), p.slug.clone());
                                    let checked = Signal::derive({ let slug = slug.clone(); move || draft(ed, |v| v.audience.partners().contains(&slug)).unwrap_or_default() });
                                    let set = Callback::new(move |on: bool| edit(ed, |v| v.audience.set_partner(&slug, on)));
                                    let hidden = Signal::derive({ let p = p.clone(); move || query.with(|q| !p.matches(q)) });
                                    let name = Signal::derive(move || partner_label(&p, locale.lang()));
                                    view! { <PartnerCheckbox slug=slug_id name=name checked=checked set=set hidden=hidden/> }
                                }).collect_view()}
                                <div class="button-row">
                                    <button type="button" class="button-secondary" on:click=move |_| tick_all(true)>{locale.text(T::AudienceTickAll)}</button>
                                    <button type="button" class="button-secondary" on:click=move |_| tick_all(false)>{locale.text(T::AudienceTickNone)}</button>
                                </div>
                            </fieldset>
                        </Show>
                    </fieldset>
                    <fieldset class="choice" disabled=move || !listed.get()>
                        <legend>{locale.text(T::SectionsHeading)}</legend>
                        {Section::ALL.into_iter().map(|s| {
                            let checked = Signal::derive(move || draft(ed, |v| !v.hidden_sections.contains(&s)).unwrap_or_default());
                            let set = Callback::new(move |on: bool| edit(ed, |v| { if on { v.hidden_sections.remove(&s); } else { v.hidden_sections.insert(s); } }));
                            let id = format!("section-{}", serde_json::to_string(&s).unwrap_or_default().trim_matches('"'));
                            view! { <CheckboxField id=id label=section_name(s) checked=checked set=set/> }
                        }).collect_view()}
                    </fieldset>
                    <CheckboxField id="anonymous" label=T::Anonymous hint=T::AnonymousHint checked=anonymous
                        set=Callback::new(move |on| edit(ed, |v| v.anonymous = on))/>
                    <SaveBar pending=pending saved=form.saved dirty=Signal::derive(dirty)/>
                </form>
                <PreviewAsPartner dirty=Signal::derive(dirty)/>
            </Loaded>
        </Page>
    }
}

/// The search field above the partners: typing narrows the list to the organisations whose
/// name holds every word typed (`Partner::matches`); how many match is said as it changes.
/// Enter does not save the form from here: it would save a half-made choice.
#[component]
fn PartnerFilter(query: RwSignal<String>) -> impl IntoView {
    let locale = Locale::get();
    let count = move || {
        let typed = query.get();
        let found = Partner::all().iter().filter(|p| p.matches(&typed)).count();
        match (typed.trim().is_empty(), found) {
            (true, _) => String::new(),
            (false, 0) => T::PartnerFilterNone.get(locale.lang()).to_owned(),
            (false, n) => format!("{n} {}", T::PartnerFilterOf.get(locale.lang())),
        }
    };
    view! {
        <div class="field partner-filter">
            <label for="partner-filter">{locale.text(T::PartnerFilterLabel)}</label>
            <p class="field-hint" id="partner-filter-hint">{locale.text(T::PartnerFilterHint)}</p>
            <input id="partner-filter" type="search" autocomplete="off" aria-describedby="partner-filter-hint partner-filter-count"
                prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev))
                on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); }/>
            <p class="field-hint" id="partner-filter-count" role="status">{count}</p>
        </div>
    }
}

/// One partner's tick box (the name is data, not a translated text); `hidden` while the
/// search does not find it.
#[component]
fn PartnerCheckbox(
    slug: String,
    name: Signal<String>,
    checked: Signal<bool>,
    set: Callback<bool>,
    hidden: Signal<bool>,
) -> impl IntoView {
    let id = format!("partner-{slug}");
    view! {
        <div class="field-check" hidden=move || hidden.get()>
            <input type="checkbox" id=id.clone() prop:checked=move || checked.get() on:change=move |ev| set.run(event_target_checked(&ev))/>
            <label for=id>{name}</label>
        </div>
    }
}

/// Pick a partner; see what its recruiters get now.
#[component]
fn PreviewAsPartner(dirty: Signal<bool>) -> impl IntoView {
    let locale = Locale::get();
    let partners = Partner::by_lookup_name();
    let chosen = RwSignal::new(partners[0].slug.clone());
    let options = partner_options(partners, locale);
    // The view of the partner last asked for: each press of the button loads it (again). A
    // plain signal, not a resource: a resource loading inside the page's form would suspend
    // the form around it, re-render it and drop the button's focus. The answer takes focus
    // (issue 25 item 2), so it is read out and in view below the button.
    let preview = RwSignal::new(None::<ApiResult<Preview>>);
    let loading = RwSignal::new(false);
    let show = move |_| {
        let slug = chosen.get_untracked();
        loading.set(true);
        spawn_local(async move {
            let answer = api::preview(&slug).await;
            if preview.try_set(Some(answer)).is_none() {
                let _ = loading.try_set(false);
                focus_field("preview-result");
            }
        });
    };
    let result = move || {
        if loading.get() {
            return view! { <Loading/> }.into_any();
        }
        match preview.get() {
            None => ().into_any(),
            Some(Err(error)) => view! { <ErrorNotice error=error/> }.into_any(),
            Some(Ok(Preview { view: Some(v), partner })) => view! {
                <p class="preview-for">{locale.text(T::PreviewFor)} ": " <strong>{partner.name}</strong></p>
                <CandidateCard view=v/>
            }
            .into_any(),
            Some(Ok(Preview { view: None, partner })) => {
                view! { <p class="notice notice-status">{partner.name} ": " {locale.text(T::PreviewNotVisible)}</p> }
                    .into_any()
            }
        }
    };
    view! {
        <section class="preview" aria-labelledby="preview-title">
            <h2 id="preview-title">{locale.text(T::PreviewHeading)}</h2>
            <p>{locale.text(T::PreviewIntro)}</p>
            {move || dirty.get().then(|| view! { <p class="notice notice-warning">{locale.text(T::PreviewUnsaved)}</p> })}
            <div class="preview-controls">
                <SelectField id="preview-partner" label=T::PreviewPartner options=options value=Binding::from(chosen)/>
                <button type="button" class="button-secondary" on:click=show>
                    {locale.text(T::PreviewShow)}
                </button>
            </div>
            <div class="preview-result" id="preview-result" tabindex="-1">{result}</div>
        </section>
    }
}

/// Until when the consent to be listed holds, with one button that renews it for twelve
/// months (the consent text above is the one renewed). Nothing while not listed.
#[component]
fn ListingValidity() -> impl IntoView {
    let locale = Locale::get();
    let status = RwSignal::new(None::<zelfregie_model::listing::ListingStatus>);
    let renewed = RwSignal::new(false);
    let failed = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        if let Ok(s) = crate::api::listing_status().await {
            let _ = status.try_set(Some(s));
        }
    });
    let renew = move |_| {
        leptos::task::spawn_local(async move {
            match crate::api::renew_listing().await {
                Ok(s) => {
                    let _ = status.try_set(Some(s));
                    let _ = renewed.try_set(true);
                }
                Err(_) => {
                    let _ = failed.try_set(true);
                }
            }
        });
    };
    let until =
        move || status.get().and_then(|s| s.valid_until).and_then(|d| zelfregie_model::privacy_request::day::parse(&d));
    move || {
        until().map(|day| {
            let words = crate::format::date_words(day, locale.lang());
            let said = if renewed.get() { T::ListingRenewed } else { T::ListingValidUntil };
            view! {
                <div class="listing-validity">
                    <p role="status">{locale.text(said)} " " <strong>{words}</strong> "."</p>
                    <p class="field-hint">{locale.text(T::ListingValidHint)}</p>
                    <button type="button" class="secondary" on:click=renew>{locale.text(T::ListingRenew)}</button>
                    {move || failed.get().then(|| view! { <p class="error" role="alert">{locale.text(T::ListingRenewFailed)}</p> })}
                </div>
            }
        })
    }
}
