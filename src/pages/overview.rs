//! Overzicht: one screen with what exists about the person now.

use leptos::prelude::*;
use zelfregie_model::{Role, SessionInfo};

use crate::components::page::Page;
use crate::format::date_time;
use crate::i18n::{idle_timeout_text, T};
use crate::locale::Locale;
use crate::session::Auth;

/// The overview of the logged-in account and session.
#[component]
pub fn OverviewPage() -> impl IntoView {
    let auth = Auth::get();
    view! {
        <Page title=T::OverviewTitle>
            {move || auth.info().map(|info| view! { <SessionSummary info=info/> })}
        </Page>
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
