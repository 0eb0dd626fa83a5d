//! Beheer (`/beheer`, administrators): who works in the portal. The staff list (role,
//! partner, status, last login, second factor, who invited them) with suspend, reinstate and
//! remove; the form to invite someone; the invitations of the last 30 days, a pending one
//! can be withdrawn; and the quarterly review of the list. No candidate's or participant's
//! data is shown here.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use zelfregie_model::admin::{
    Invitation, InvitationStatus, NewInvitation, StaffAccount, StaffOverview, StaffStatus, INVITABLE,
};
use zelfregie_model::{Partner, Role};

use crate::api::{self, StaffChange};
use crate::components::field::{focus_field, SelectField, TextField};
use crate::components::loaded::Loaded;
use crate::components::notice::StatusNotice;
use crate::components::page::Page;
use crate::format::{date_time, date_words};
use crate::i18n::{invitation_status_text, partner_options, T};
use crate::locale::Locale;
use crate::session::Auth;
use crate::submit::{checked, Submit};

/// What an administrator can do with `account` on the list: suspend an active one,
/// reinstate a suspended one, remove either. Nothing with their own account (`me`): a
/// slip of the hand would lock them out.
pub fn row_actions(account: &StaffAccount, me: &str) -> Vec<StaffChange> {
    if account.email.eq_ignore_ascii_case(me) {
        return Vec::new();
    }
    match account.status {
        StaffStatus::Active => vec![StaffChange::Suspend, StaffChange::Revoke],
        StaffStatus::Suspended => vec![StaffChange::Reinstate, StaffChange::Revoke],
    }
}

/// The invitation as the form makes it: a partner only for a recruiter (the partner list is
/// not shown for other roles, and what was chosen there before does not count).
pub fn new_invitation(email: &str, role: &str, partner: &str, language: &str) -> NewInvitation {
    let role = Role::parse(role);
    NewInvitation {
        email: email.to_owned(),
        role,
        partner: (role == Some(Role::Recruiter) && !partner.is_empty()).then(|| partner.to_owned()),
        language: Some(language.to_owned()),
    }
}

/// The status of an account in words.
pub fn status_text(account: &StaffAccount) -> T {
    match (account.status, account.suspended_because.as_deref()) {
        (StaffStatus::Active, _) => T::StaffActive,
        (StaffStatus::Suspended, Some("idle")) => T::StaffSuspendedIdle,
        (StaffStatus::Suspended, _) => T::StaffSuspended,
    }
}

fn change_text(change: StaffChange) -> (T, T) {
    match change {
        StaffChange::Suspend => (T::AdminSuspend, T::AdminSuspended),
        StaffChange::Reinstate => (T::AdminReinstate, T::AdminReinstated),
        StaffChange::Revoke => (T::AdminRevoke, T::AdminRevoked),
    }
}

/// The page.
#[component]
pub fn AdminPage() -> impl IntoView {
    let locale = Locale::get();
    let staff = LocalResource::new(api::staff_overview);
    // What the last action did: said, and focus moves there.
    let done = RwSignal::new(None::<T>);
    let report = move |t: T| {
        done.set(Some(t));
        staff.refetch();
        focus_field("admin-done");
    };
    let act = Submit::new(
        "admin-action-error",
        move |(id, email, change): (i64, String, StaffChange)| async move {
            if change == StaffChange::Revoke {
                let question = format!("{}\n\n{email}", T::AdminRevokeConfirm.get(locale.lang_untracked()));
                if !window().confirm_with_message(&question).unwrap_or(false) {
                    return Ok(None);
                }
            }
            api::change_staff(id, change).await.map(|()| Some(change))
        },
        move |changed: Option<StaffChange>| match changed {
            Some(change) => report(change_text(change).1),
            None => focus_field("h-staff"),
        },
    );
    let withdraw = Submit::new(
        "admin-withdraw-error",
        |id: String| async move { api::withdraw_invitation(&id).await },
        move |()| report(T::AdminWithdrawn),
    );
    let review = Submit::new(
        "admin-review-error",
        |()| async move { api::confirm_review().await },
        move |_: StaffOverview| report(T::AdminReviewConfirmed),
    );
    view! {
        <Page title=T::AdminTitle>
            <p>{locale.text(T::AdminIntro)}</p>
            {move || done.get().map(|t| view! { <StatusNotice text=t id="admin-done"/> })}
            {act.message()}
            {withdraw.message()}
            {review.message()}
            <Loaded resource=staff keep=true let:overview>
                <ReviewBlock overview=overview review/>
            </Loaded>
            // Inviting comes before the list: a network's list is long on a phone.
            <InviteForm on_invited=Callback::new(move |()| staff.refetch())/>
            <Loaded resource=staff keep=true let:overview>
                <Invitations invitations=overview.invitations.clone() withdraw/>
                <StaffTable accounts=overview.accounts act/>
            </Loaded>
        </Page>
    }
}

#[component]
fn ReviewBlock(overview: StaffOverview, review: Submit<()>) -> impl IntoView {
    let locale = Locale::get();
    // The server says whether it is due: it counts days in Dutch time, which a browser
    // comparing the day with its own date got wrong between 23:00 and 24:00 UTC.
    let due = overview.review_due_now;
    let next =
        time::Date::parse(&overview.next_review_due, time::macros::format_description!("[year]-[month]-[day]")).ok();
    let last = overview.last_review.clone();
    let idle_days = overview.idle_days;
    view! {
        <section aria-labelledby="h-review" class="review" class:review-due=due>
            <h2 id="h-review">{locale.text(T::AdminReviewHeading)}</h2>
            <p>{locale.text(T::AdminReviewText)}</p>
            <dl class="facts">
                <dt>{locale.text(T::AdminReviewLast)}</dt>
                <dd>{move || match &last {
                    Some(r) => {
                        let by = r.reviewed_by.clone().unwrap_or_else(|| T::AuditActorGone.get(locale.lang()).to_owned());
                        format!("{} · {by}", date_time(r.reviewed_at, locale.lang()))
                    }
                    None => T::AdminReviewNever.get(locale.lang()).to_owned(),
                }}</dd>
                <dt>{locale.text(T::AdminReviewNext)}</dt>
                <dd class="review-next">
                    {move || next.map(|d| date_words(d, locale.lang())).unwrap_or_else(|| overview.next_review_due.clone())}
                    {due.then(|| view! { " " <strong class="due-badge">{locale.text(T::AdminReviewDue)}</strong> })}
                </dd>
            </dl>
            <p class="muted">{locale.text(T::AdminIdleRule)} " " {idle_days}</p>
            <button type="button" class=if due { "button-primary" } else { "button-secondary" }
                disabled=review.pending() on:click=move |_| review.submit(Ok(()))>
                {locale.text(T::AdminReviewConfirm)}
            </button>
        </section>
    }
}

#[component]
fn StaffTable(accounts: Vec<StaffAccount>, act: Submit<(i64, String, StaffChange)>) -> impl IntoView {
    let locale = Locale::get();
    let auth = Auth::get();
    let me = auth.info().map(|i| i.account.email).unwrap_or_default();
    let t = move |k: T| k.get(locale.lang());
    let row = move |a: StaffAccount| {
        let actions = row_actions(&a, &me);
        let mine = actions.is_empty() && a.email.eq_ignore_ascii_case(&me);
        let role = match &a.partner {
            Some(p) => format!("{} · {}", t(T::role(a.role)), p.name),
            None => t(T::role(a.role)).to_owned(),
        };
        let last =
            a.last_login_at.map_or_else(|| t(T::AdminNeverLoggedIn).to_owned(), |at| date_time(at, locale.lang()));
        let invited_by = a.invited_by.clone().unwrap_or_else(|| t(T::AdminInvitedBySystem).to_owned());
        let email = a.email.clone();
        let buttons = actions
            .into_iter()
            .map(|change| {
                let (label, _) = change_text(change);
                let id = a.id;
                let email = email.clone();
                let name = format!("{}: {}", t(label), email);
                let class = if change == StaffChange::Revoke { "button-small button-danger" } else { "button-small" };
                view! {
                    <button type="button" class=class aria-label=name disabled=act.pending()
                        on:click=move |_| act.submit(Ok((id, email.clone(), change)))>
                        {t(label)}
                    </button>
                }
            })
            .collect_view();
        view! {
            <tr data-email=a.email.clone() data-status=a.status.as_str()>
                <th scope="row" data-label=t(T::AdminColEmail)>{a.email.clone()}</th>
                <td data-label=t(T::AdminColRole)>{role}</td>
                <td data-label=t(T::AdminColStatus) class="staff-status">{t(status_text(&a))}</td>
                <td data-label=t(T::AdminColLastLogin)>{last}</td>
                <td data-label=t(T::AdminColSecondFactor)>{t(if a.second_factor { T::AdminYes } else { T::AdminNo })}</td>
                <td data-label=t(T::AdminColInvitedBy)>{invited_by}</td>
                <td data-label=t(T::AdminColActions)>
                    <div class="button-row">{buttons}</div>
                    {mine.then(|| view! { <p class="muted">{t(T::AdminYou)}</p> })}
                </td>
            </tr>
        }
    };
    let empty = accounts.is_empty();
    view! {
        <section aria-labelledby="h-staff">
            <h2 id="h-staff" tabindex="-1">{locale.text(T::AdminStaffHeading)}</h2>
            <p>{locale.text(T::AdminRevokeNote)}</p>
            {if empty {
                view! { <p>{t(T::AdminStaffNone)}</p> }.into_any()
            } else {
                view! {
                    <table class="stack-table staff-table">
                        <thead><tr>
                            <th scope="col">{t(T::AdminColEmail)}</th>
                            <th scope="col">{t(T::AdminColRole)}</th>
                            <th scope="col">{t(T::AdminColStatus)}</th>
                            <th scope="col">{t(T::AdminColLastLogin)}</th>
                            <th scope="col">{t(T::AdminColSecondFactor)}</th>
                            <th scope="col">{t(T::AdminColInvitedBy)}</th>
                            <th scope="col">{t(T::AdminColActions)}</th>
                        </tr></thead>
                        <tbody>{accounts.into_iter().map(row).collect_view()}</tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn Invitations(invitations: Vec<Invitation>, withdraw: Submit<String>) -> impl IntoView {
    let locale = Locale::get();
    let t = move |k: T| k.get(locale.lang());
    let entry = move |i: Invitation| {
        let role = match &i.partner {
            Some(p) => format!("{} · {}", t(T::role(i.role)), p.name),
            None => t(T::role(i.role)).to_owned(),
        };
        let pending = i.status == InvitationStatus::Pending;
        let id = i.id.clone();
        let name = format!("{}: {}", t(T::AdminWithdraw), i.email);
        view! {
            <li class="queue-entry invitation-entry" data-email=i.email.clone() data-status=i.status.as_str()>
                <h3>{i.email.clone()}</h3>
                <dl class="facts">
                    <dt>{t(T::AdminColRole)}</dt>
                    <dd>{role}</dd>
                    <dt>{t(T::AdminColStatus)}</dt>
                    <dd>{t(invitation_status_text(i.status))}</dd>
                    <dt>{t(T::AdminInvitationSent)}</dt>
                    <dd>{date_time(i.created_at, locale.lang())}{i.invited_by.clone().map(|by| format!(" · {by}"))}</dd>
                    <dt>{t(T::InvitationUntil)}</dt>
                    <dd>{date_time(i.expires_at, locale.lang())}</dd>
                </dl>
                {pending.then(|| view! {
                    <button type="button" class="button-small button-danger" aria-label=name disabled=withdraw.pending()
                        on:click=move |_| withdraw.submit(Ok(id.clone()))>
                        {t(T::AdminWithdraw)}
                    </button>
                })}
            </li>
        }
    };
    let empty = invitations.is_empty();
    view! {
        <section aria-labelledby="h-invitations">
            <h2 id="h-invitations">{locale.text(T::AdminInvitationsHeading)}</h2>
            {if empty {
                view! { <p>{t(T::AdminInvitationsNone)}</p> }.into_any()
            } else {
                view! { <ul class="queue">{invitations.into_iter().map(entry).collect_view()}</ul> }.into_any()
            }}
        </section>
    }
}

#[component]
fn InviteForm(on_invited: Callback<()>) -> impl IntoView {
    let locale = Locale::get();
    let email = RwSignal::new(String::new());
    let role = RwSignal::new(String::new());
    let partner = RwSignal::new(String::new());
    let language = RwSignal::new("nl".to_owned());
    let sent = RwSignal::new(false);
    let form = Submit::with_field_ids(
        "invite-error",
        |field| format!("invite-{field}"),
        |new: NewInvitation| async move { api::invite(&new).await },
        move |_| {
            email.set(String::new());
            partner.set(String::new());
            sent.set(true);
            on_invited.run(());
            focus_field("admin-invited");
        },
    );
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        sent.set(false);
        let new = new_invitation(
            &email.get_untracked(),
            &role.get_untracked(),
            &partner.get_untracked(),
            &language.get_untracked(),
        );
        form.submit(checked(new, NewInvitation::validate));
    };
    let mut roles =
        vec![(String::new(), Signal::derive(move || T::AdminInviteChooseRole.get(locale.lang()).to_owned()))];
    roles.extend(
        INVITABLE
            .into_iter()
            .map(|r| (r.as_str().to_owned(), Signal::derive(move || T::role(r).get(locale.lang()).to_owned()))),
    );
    let languages = vec![
        ("nl".to_owned(), Signal::derive(move || T::LanguageDutch.get(locale.lang()).to_owned())),
        ("en".to_owned(), Signal::derive(move || T::LanguageEnglish.get(locale.lang()).to_owned())),
    ];
    let recruiter = move || role.get() == Role::Recruiter.as_str();
    view! {
        <section aria-labelledby="h-invite">
            <h2 id="h-invite">{locale.text(T::AdminInviteHeading)}</h2>
            <p>{locale.text(T::AdminInviteText)}</p>
            {move || sent.get().then(|| view! { <StatusNotice text=T::AdminInvited id="admin-invited"/> })}
            {form.message()}
            <form class="form" on:submit=on_submit novalidate>
                <TextField id="invite-email" label=T::EmailLabel input_type="email" autocomplete="off"
                    value=email error=form.error("email") required=true/>
                <SelectField id="invite-role" label=T::AdminInviteRole options=roles value=role
                    error=form.error("role") required=true instruction=T::AdminInviteChooseRoleInstruction/>
                {move || recruiter().then(|| {
                    let mut partners = vec![(String::new(), Signal::derive(move || T::AdminInviteChoosePartner.get(locale.lang()).to_owned()))];
                    partners.extend(partner_options(Partner::by_lookup_name(), locale));
                    view! {
                        <SelectField id="invite-partner" label=T::AdminInvitePartner options=partners value=partner
                            error=form.error("partner") required=true instruction=T::AdminInviteChoosePartnerInstruction/>
                    }
                })}
                <SelectField id="invite-language" label=T::AdminInviteLanguage options=languages value=language/>
                <button type="submit" class="button-primary" disabled=form.pending()>{locale.text(T::AdminInviteSubmit)}</button>
            </form>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use zelfregie_model::ErrorCode;

    fn account(email: &str, status: StaffStatus) -> StaffAccount {
        StaffAccount {
            id: 7,
            email: email.into(),
            role: Role::Recruiter,
            partner: None,
            invited_by: None,
            created_at: time::OffsetDateTime::UNIX_EPOCH,
            last_login_at: None,
            second_factor: true,
            status,
            suspended_because: None,
        }
    }

    #[test]
    fn an_active_account_can_be_suspended_a_suspended_one_reinstated_and_both_removed() {
        let me = "beheer@example.org";
        assert_eq!(
            row_actions(&account("r@beek.nl", StaffStatus::Active), me),
            [StaffChange::Suspend, StaffChange::Revoke]
        );
        assert_eq!(
            row_actions(&account("r@beek.nl", StaffStatus::Suspended), me),
            [StaffChange::Reinstate, StaffChange::Revoke]
        );
    }

    #[test]
    fn an_administrator_has_no_buttons_on_their_own_row() {
        assert!(row_actions(&account("Beheer@Example.org", StaffStatus::Active), "beheer@example.org").is_empty());
    }

    #[test]
    fn a_suspension_for_not_being_used_says_so() {
        let mut a = account("r@beek.nl", StaffStatus::Suspended);
        assert_eq!(status_text(&a), T::StaffSuspended);
        a.suspended_because = Some("idle".into());
        assert_eq!(status_text(&a), T::StaffSuspendedIdle);
        assert_eq!(status_text(&account("r@beek.nl", StaffStatus::Active)), T::StaffActive);
    }

    #[test]
    fn only_a_recruiter_is_invited_with_a_partner_and_the_form_checks_as_the_server_does() {
        let r = new_invitation("r@beek.nl", "recruiter", "beek", "nl");
        assert_eq!(r.partner.as_deref(), Some("beek"));
        assert!(r.validate().is_empty());
        // A partner chosen before the role changed does not count.
        let p = new_invitation("p@igom.nl", "privacy_staff", "beek", "en");
        assert_eq!(p.partner, None);
        assert!(p.validate().is_empty());
        let none = new_invitation("r@beek.nl", "recruiter", "", "nl");
        assert_eq!(none.validate()[0].code, ErrorCode::Required);
        assert_eq!(new_invitation("x@y.nl", "", "", "nl").validate()[0].field, "role");
    }
}
