//! Overzicht: one screen with what exists about the person now.

use leptos::prelude::*;
use zelfregie_model::{Profile, Role, SessionInfo, Visibility};

use crate::api;
use crate::components::loaded::Loaded;
use crate::i18n::section_name;

use crate::components::page::Page;
use crate::format::date_time;
use crate::i18n::{audience_text, idle_timeout_text, T};
use crate::locale::Locale;
use crate::routes::Route;
use crate::session::Auth;

/// The overview of the logged-in account and session.
#[component]
pub fn OverviewPage() -> impl IntoView {
    let auth = Auth::get();
    view! {
        <Page title=T::OverviewTitle>
            {move || auth.info().map(|info| view! { <SessionSummary info=info/> })}
            {move || (auth.info().map(|i| i.account.role) == Some(Role::Person)).then(|| view! { <CandidateBankSummary/> })}
            <TakeAway/>
        </Page>
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
    let role = match info.account.role {
        Role::Person => T::RolePerson,
        Role::Recruiter => T::RoleRecruiter,
        Role::AcademyStaff => T::RoleAcademyStaff,
        Role::PrivacyStaff => T::RolePrivacyStaff,
    };
    let partner = info.account.partner.clone().map(|p| {
        view! {
            <dt>{locale.text(T::OverviewPartner)}</dt>
            <dd>{p.name}</dd>
        }
    });
    let account_created = info.account.created_at;
    let started = info.session.started_at;
    let expires = info.session.expires_at;
    let idle = info.session.idle_timeout_minutes;
    view! {
        <dl class="facts">
            <dt>{locale.text(T::OverviewLoggedInAs)}</dt>
            <dd class="account-email">{info.account.email.clone()}</dd>
            <dt>{locale.text(T::OverviewAccountType)}</dt>
            <dd>{locale.text(role)}</dd>
            {partner}
            <dt>{locale.text(T::OverviewAccountSince)}</dt>
            <dd>{move || date_time(account_created, locale.lang())}</dd>
            <dt>{locale.text(T::OverviewSessionSince)}</dt>
            <dd>{move || date_time(started, locale.lang())}</dd>
            <dt>{locale.text(T::OverviewSessionUntil)}</dt>
            <dd>{move || date_time(expires, locale.lang())}</dd>
            <dt>{locale.text(T::OverviewActiveSessions)}</dt>
            <dd class="active-sessions">{info.active_sessions}</dd>
        </dl>
        <p>{move || idle_timeout_text(idle, locale.lang())}</p>
    }
}

/// The profile's state in the candidate bank: filled or not, listed or not, for how many
/// partners, what is hidden.
#[component]
fn CandidateBankSummary() -> impl IntoView {
    let locale = Locale::get();
    let state = LocalResource::new(|| async {
        let profile = api::get_versioned::<Profile>(api::PROFILE).await?;
        let visibility = api::get_versioned::<Visibility>(api::VISIBILITY).await?;
        Ok((profile.value, visibility.value))
    });
    let t = move |k: T| k.get(locale.lang());
    let summary = move |(profile, visibility): (Profile, Visibility)| {
        if profile == Profile::default() {
            view! { <p>{t(T::OverviewProfileEmpty)} " " <a href=Route::Profile.path()>{t(T::NavProfile)}</a></p> }
                .into_any()
        } else if !visibility.listed {
            view! { <p>{t(T::OverviewListedOff)} " " <a href=Route::Visibility.path()>{t(T::NavVisibility)}</a></p> }
                .into_any()
        } else {
            let hidden: Vec<&str> = visibility.hidden_sections.iter().map(|s| t(section_name(*s))).collect();
            let hidden = if hidden.is_empty() { t(T::OverviewNoneHidden).to_owned() } else { hidden.join(", ") };
            view! {
                <dl class="facts">
                    <dt>{t(T::OverviewVisibleTo)}</dt>
                    <dd class="audience-size">{audience_text(&visibility.audience_names(), locale.lang())}</dd>
                    <dt>{t(T::OverviewHidden)}</dt>
                    <dd>{hidden}</dd>
                </dl>
                <p><a href=Route::Visibility.path()>{t(T::NavVisibility)}</a></p>
            }
            .into_any()
        }
    };
    view! {
        <section aria-labelledby="h-bank">
            <h2 id="h-bank">{locale.text(T::OverviewProfileHeading)}</h2>
            <Loaded resource=state children=summary/>
        </section>
    }
}
