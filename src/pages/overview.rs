//! Overzicht: one screen that answers at a glance — who sees the profile, whether the
//! newsletter comes, which trainings are coming up, when a partner last looked — each with
//! the link to act on it.

use leptos::prelude::*;
use time::OffsetDateTime;
use zelfregie_model::academy::{AcademyPage, Enrolment};
use zelfregie_model::newsletter::Subscription;
use zelfregie_model::overview::Overview;
use zelfregie_model::register::{ConsentChange, ConsentKind, RegisterNotice, Text};
use zelfregie_model::{Profile, Role, SessionInfo};

use crate::api;
use crate::components::loaded::Loaded;
use crate::components::notice::Loading;
use crate::components::page::Page;
use crate::format::{date_time_words, date_words, local, now};
use crate::i18n::{audience_text, idle_timeout_text, section_name, Lang, T};
use crate::locale::Locale;
use crate::routes::Route;
use crate::session::Auth;

/// The trainings still to come that the person has (or waits for) a seat in, soonest first.
pub fn upcoming(academy: &AcademyPage, now: OffsetDateTime) -> Vec<Enrolment> {
    let mut list: Vec<Enrolment> =
        academy.enrolments.iter().filter(|e| e.state.is_current() && e.starts_at > now).cloned().collect();
    list.sort_by_key(|e| e.starts_at);
    list
}

/// The overview of the logged-in account and session.
#[component]
pub fn OverviewPage() -> impl IntoView {
    let auth = Auth::get();
    view! {
        <Page title=T::OverviewTitle>
            <RegisterChanges/>
            {move || auth.info().map(|info| view! { <SessionSummary info=info/> })}
            {move || (auth.info().map(|i| i.account.role) == Some(Role::Person)).then(|| view! { <AtAGlance/> })}
            <TakeAway/>
        </Page>
    }
}

fn pick(text: &Text, lang: Lang) -> String {
    match lang {
        Lang::Nl => text.nl.clone(),
        Lang::En => text.en.clone(),
    }
}

/// The sentences that tell a person about a changed consent text: which one, what changed,
/// and what holds now (their consent under the old text, until they agree again).
pub fn consent_sentences(change: &ConsentChange, lang: Lang) -> Vec<String> {
    let (changed, holds) = match change.consent {
        ConsentKind::Newsletter => (T::ConsentChangedNewsletter, T::ConsentHoldsNewsletter),
        ConsentKind::Listing => (T::ConsentChangedListing, T::ConsentHoldsListing),
    };
    let mut out = vec![changed.get(lang).to_owned()];
    out.extend(change.changes.iter().map(|t| pick(t, lang)));
    out.push(holds.get(lang).to_owned());
    out
}

/// What changed in the processing register and the consent texts since the person was last
/// told, with a link to the privacy statement; "Gelezen" marks it seen, and it is not shown
/// again (docs/security.md "Register changes are told"). Nothing when there is nothing new.
#[component]
fn RegisterChanges() -> impl IntoView {
    let locale = Locale::get();
    let done = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let notice = LocalResource::new(|| async { api::register_changes().await.ok() });
    let seen = move |n: RegisterNotice| {
        leptos::task::spawn_local(async move {
            match api::register_changes_seen(&n).await {
                Ok(()) => {
                    let _ = done.try_set(true);
                }
                Err(_) => {
                    let _ = failed.try_set(true);
                }
            }
        });
    };
    move || {
        let n = notice.get().flatten()?;
        if n.is_empty() || done.get() {
            return None;
        }
        let lang = locale.lang();
        let changes = n
            .changes
            .iter()
            .map(|c| {
                let day = zelfregie_model::privacy_request::day::parse(&c.date).map(|d| date_words(d, lang));
                view! { <li>{day.map(|d| format!("{d}: "))}{pick(&c.summary, lang)}</li> }
            })
            .collect_view();
        let consents = n
            .consents
            .iter()
            .map(|c| view! { <p class="consent-change">{consent_sentences(c, lang).join(" ")}</p> })
            .collect_view();
        let acknowledge = n.clone();
        Some(view! {
            <section class="notice register-changes" aria-labelledby="h-register-changes">
                <h2 id="h-register-changes">{locale.text(T::RegisterChangesHeading)}</h2>
                {(!n.changes.is_empty()).then(|| view! {
                    <p>{locale.text(T::RegisterChangesIntro)}</p>
                    <ul>{changes}</ul>
                })}
                {consents}
                <p class="button-row">
                    <a href=format!("{}#wijzigingen", Route::PrivacyStatement.path())>{locale.text(T::RegisterChangesRead)}</a>
                    <button type="button" class="button-primary" on:click=move |_| seen(acknowledge.clone())>
                        {locale.text(T::RegisterChangesSeen)}
                    </button>
                </p>
                {move || failed.get().then(|| view! { <p class="error" role="alert">{locale.text(T::RegisterChangesSeenFailed)}</p> })}
            </section>
        })
    }
}

/// Where to see everything held and take it along.
#[component]
fn TakeAway() -> impl IntoView {
    let locale = Locale::get();
    let auth = Auth::get();
    view! {
        <section aria-labelledby="h-take-away">
            <h2 id="h-take-away">{locale.text(T::OverviewTakeAwayHeading)}</h2>
            <p>{locale.text(T::OverviewTakeAwayText)}</p>
            <p class="button-row">
                <a href=Route::MyData.path()>{locale.text(T::NavMyData)}</a>
                <a href=Route::Export.path()>{locale.text(T::NavExport)}</a>
                // Requests are filed by people; staff and recruiters have none.
                {move || (auth.info().map(|i| i.account.role) == Some(Role::Person))
                    .then(|| view! { <a href=Route::Requests.path()>{locale.text(T::NavRequests)}</a> })}
            </p>
        </section>
    }
}

/// Account and session facts as a description list.
#[component]
fn SessionSummary(info: SessionInfo) -> impl IntoView {
    let locale = Locale::get();
    let role = T::role(info.account.role);
    let partner = info.account.partner.clone().map(|p| {
        view! {
            <dt>{locale.text(T::OverviewPartner)}</dt>
            <dd>{p.name}</dd>
        }
    });
    let account_created = info.account.created_at;
    let idle = info.session.idle_timeout_minutes;
    view! {
        <dl class="facts">
            <dt>{locale.text(T::OverviewLoggedInAs)}</dt>
            <dd class="account-email">{info.account.email.clone()}</dd>
            <dt>{locale.text(T::OverviewAccountType)}</dt>
            <dd>{locale.text(role)}</dd>
            {partner}
            <dt>{locale.text(T::OverviewAccountSince)}</dt>
            <dd>{move || date_words(local(account_created).date(), locale.lang())}</dd>
            <dt>{locale.text(T::OverviewActiveSessions)}</dt>
            <dd class="active-sessions">{info.active_sessions}</dd>
        </dl>
        <p>{move || idle_timeout_text(idle, locale.lang())}</p>
    }
}

/// The person's state at a glance: each item a plain answer and the link to act on it.
#[component]
fn AtAGlance() -> impl IntoView {
    let locale = Locale::get();
    // One answer for the whole glance (`GET /api/me/overview`): five round trips on a phone
    // were five chances to wait.
    let state = LocalResource::new(api::overview);
    let t = move |k: T| k.get(locale.lang());
    let item = move |class: &'static str, label: T, answer: AnyView, to: Route, act: T| {
        view! {
            <li class=class>
                <span class="glance-label">{t(label)}</span>
                {answer}
                <a href=to.path()>{t(act)}</a>
            </li>
        }
    };
    let glance = move |g: Overview| {
        let lang = locale.lang();
        let profile = if g.profile == Profile::default() {
            view! { <p>{t(T::OverviewProfileEmpty)}</p> }.into_any()
        } else {
            let hidden: Vec<&str> = g.visibility.hidden_sections.iter().map(|s| t(section_name(*s))).collect();
            let hidden = if hidden.is_empty() { t(T::OverviewNoneHidden).to_owned() } else { hidden.join(", ") };
            view! {
                <p class="audience-size">{audience_text(&g.visibility.audience_names(), lang)}</p>
                {g.visibility.listed.then(|| view! { <p>{t(T::OverviewHidden)} ": " {hidden}</p> })}
            }
            .into_any()
        };
        let (profile_to, profile_act) = if g.profile == Profile::default() {
            (Route::Profile, T::GlanceFillProfile)
        } else {
            (Route::Visibility, T::GlanceChangeVisibility)
        };
        let newsletter = match g.newsletter {
            Subscription::Active => T::GlanceNewsletterOn,
            Subscription::Pending => T::GlanceNewsletterPending,
            Subscription::None => T::GlanceNewsletterOff,
        };
        let coming = upcoming(&g.academy, now());
        let trainings = if coming.is_empty() {
            view! { <p>{t(T::GlanceNoTrainings)}</p> }.into_any()
        } else {
            view! {
                <ul>{coming.into_iter().map(|e| view! {
                    <li>{e.title} " — " {date_words(local(e.starts_at).date(), lang)}</li>
                }).collect_view()}</ul>
            }
            .into_any()
        };
        let look = match g.last_look {
            Some(d) => {
                let what = crate::i18n::disclosure_text(d.kind);
                view! { <p class="last-look">{format!("{} {} — {}", d.partner.name, t(what), date_time_words(local(d.at), lang))}</p> }
                    .into_any()
            }
            None => view! { <p class="last-look">{t(T::DisclosuresNone)}</p> }.into_any(),
        };
        view! {
            <ul class="glance">
                {item("glance-profile", T::GlanceProfile, profile, profile_to, profile_act)}
                {item("glance-newsletter", T::NavNewsletter, view! { <p>{t(newsletter)}</p> }.into_any(), Route::Newsletter, T::GlanceChangeNewsletter)}
                {item("glance-trainings", T::GlanceTrainings, trainings, Route::Academy, T::GlanceToAcademy)}
                {item("glance-last-look", T::GlanceLastLook, look, Route::Disclosures, T::GlanceToDisclosures)}
            </ul>
        }
    };
    // While loading, the same four items with their labels, the answers and links kept
    // invisible: the sections below do not move when the answers arrive (layout shift).
    let placeholder = move || {
        let pending = |class: &'static str, label: T, to: Route, act: T| {
            view! {
                <li class=class>
                    <span class="glance-label">{t(label)}</span>
                    <p class="glance-pending">{t(T::Loading)}</p>
                    <a class="glance-pending" href=to.path() aria-hidden="true" tabindex="-1">{t(act)}</a>
                </li>
            }
        };
        view! {
            <div class="visually-hidden"><Loading/></div>
            <ul class="glance" aria-hidden="true">
                {pending("glance-profile", T::GlanceProfile, Route::Visibility, T::GlanceChangeVisibility)}
                {pending("glance-newsletter", T::NavNewsletter, Route::Newsletter, T::GlanceChangeNewsletter)}
                {pending("glance-trainings", T::GlanceTrainings, Route::Academy, T::GlanceToAcademy)}
                {pending("glance-last-look", T::GlanceLastLook, Route::Disclosures, T::GlanceToDisclosures)}
            </ul>
        }
    };
    view! {
        <section aria-labelledby="h-glance">
            <h2 id="h-glance">{locale.text(T::GlanceHeading)}</h2>
            <Loaded resource=state children=glance placeholder=placeholder/>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;
    use zelfregie_model::academy::EnrolmentState;

    fn enrolment(title: &str, starts_at: OffsetDateTime, state: EnrolmentState) -> Enrolment {
        Enrolment {
            training_id: 1,
            title: title.into(),
            starts_at,
            state,
            waitlist_position: None,
            updated_at: starts_at,
        }
    }

    #[test]
    fn upcoming_trainings_are_current_and_in_the_future_soonest_first() {
        use EnrolmentState::*;
        let now = datetime!(2026-11-23 10:00 UTC);
        let academy = AcademyPage {
            participant: None,
            enrolments: vec![
                enrolment("Later", datetime!(2027-02-01 09:00 UTC), Waitlisted),
                enrolment("Gevolgd", datetime!(2026-09-01 09:00 UTC), Completed),
                enrolment("Geannuleerd", datetime!(2026-12-01 09:00 UTC), Cancelled),
                enrolment("Eerst", datetime!(2026-12-14 09:00 UTC), Enrolled),
                enrolment("Al begonnen", datetime!(2026-11-23 09:00 UTC), Enrolled),
            ],
            manager_notice: None,
        };
        let titles: Vec<String> = upcoming(&academy, now).into_iter().map(|e| e.title).collect();
        assert_eq!(titles, ["Eerst", "Later"]);
    }

    /// A changed consent text is told with what changed and what holds: the consent given
    /// under the old text, until the person agrees again.
    #[test]
    fn a_changed_consent_text_says_what_holds() {
        let change = ConsentChange {
            consent: ConsentKind::Listing,
            agreed_version: 1,
            current_version: 2,
            changes: vec![Text { nl: "Nu ook B.".into(), en: "Now B too.".into() }],
        };
        let nl = consent_sentences(&change, Lang::Nl);
        assert_eq!(nl.len(), 3);
        assert!(nl[0].contains("kandidatenbank") && nl[1] == "Nu ook B." && nl[2].contains("Verleng"));
        let en = consent_sentences(&ConsentChange { consent: ConsentKind::Newsletter, ..change }, Lang::En);
        assert!(en[0].contains("newsletter") && en[2].contains("switch the newsletter off"));
    }
}
