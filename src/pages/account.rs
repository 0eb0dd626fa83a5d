//! Account: two-step verification; log out here, or everywhere; passkeys; change the e-mail
//! address or the password; delete just the candidate profile, or the account with everything.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use zelfregie_model::passkey::PasskeyInfo;
use zelfregie_model::{EmailChange, Erasure, ErrorCode, Password, PasswordChange, PasswordCheck, Role};

use crate::api::{self, ApiResult};
use crate::components::contents::{self, Contents};
use crate::components::field::{focus_field, TextField};
use crate::components::notice::StatusNotice;
use crate::components::page::Page;
use crate::components::passkeys::{confirm_with_passkey, has_passkeys, PasskeySection};
use crate::components::second_factor::SecondFactorSection;
use crate::i18n::T;
use crate::locale::Locale;
use crate::routes::Route;
use crate::session::{Auth, Notice};
use crate::submit::{checked, Submit};

/// Session management of the logged-in account.
#[component]
pub fn AccountPage() -> impl IntoView {
    let locale = Locale::get();
    let auth = Auth::get();
    // Both buttons, one submission: `true` logs out everywhere.
    let logout = Submit::new("logout-error", logged_out, move |notice| auth.logged_out(notice));
    let busy = logout.pending();
    let email = move || auth.info().map(|i| i.account.email).unwrap_or_default();
    let sessions = move || auth.info().map(|i| i.active_sessions).unwrap_or_default();
    let passkeys = RwSignal::new(None);

    // Every task one link away (a candidate's account has two sections a staff one has not).
    let contents = Signal::derive(move || {
        let person = auth.info().is_some_and(|i| i.account.role == Role::Person);
        let mut entries = vec![
            ("h-tfa", T::TfaHeading),
            ("uitloggen", T::AccountLogoutHeading),
            ("overal-uitloggen", T::AccountLogoutEverywhereHeading),
            ("h-passkeys", T::PasskeysHeading),
        ];
        if person {
            entries.push(("h-email", T::EmailChangeHeading));
        }
        entries.push(("h-password", T::PasswordChangeHeading));
        if person {
            entries.push(("h-delete-profile", T::DeleteProfileHeading));
        }
        entries.push(("h-erase", T::EraseHeading));
        contents::texts(&entries)
    });

    view! {
        <Page title=T::AccountTitle>
            <Contents entries=contents/>
            <dl class="facts">
                <dt>{locale.text(T::EmailLabel)}</dt>
                <dd>{email}</dd>
                <dt>{locale.text(T::OverviewActiveSessions)}</dt>
                <dd>{sessions}</dd>
            </dl>
            <SecondFactorSection/>
            {logout.message()}
            <section aria-labelledby="uitloggen">
                <h2 id="uitloggen">{locale.text(T::AccountLogoutHeading)}</h2>
                <p>{locale.text(T::AccountLogoutText)}</p>
                <button type="button" class="button-primary" disabled=busy on:click=move |_| logout.submit(Ok(false))>
                    {move || if logout.sending(&false) { locale.text(T::Busy)() } else { locale.text(T::AccountLogout)() }}
                </button>
            </section>
            <section aria-labelledby="overal-uitloggen">
                <h2 id="overal-uitloggen">{locale.text(T::AccountLogoutEverywhereHeading)}</h2>
                <p>{locale.text(T::AccountLogoutEverywhereText)}</p>
                <button type="button" class="button-secondary" disabled=busy on:click=move |_| logout.submit(Ok(true))>
                    {move || if logout.sending(&true) { locale.text(T::Busy)() } else { locale.text(T::AccountLogoutEverywhere)() }}
                </button>
            </section>
            <PasskeySection passkeys/>
            {move || (auth.info().map(|i| i.account.role) == Some(Role::Person)).then(|| view! { <ChangeEmail/> })}
            <ChangePassword passkeys/>
            <Show when=move || auth.info().is_some_and(|i| i.account.role == Role::Person)>
                <DeleteProfile/>
            </Show>
            <EraseAccount passkeys/>
        </Page>
    }
}

/// Logs out here, or `everywhere`; the notice for the login page. A session that already
/// ended on the server means the person is logged out either way.
async fn logged_out(everywhere: bool) -> ApiResult<Notice> {
    let (result, notice) = if everywhere {
        (api::logout_everywhere().await, Notice::LoggedOutEverywhere)
    } else {
        (api::logout().await, Notice::LoggedOut)
    };
    match result {
        Ok(()) => Ok(notice),
        Err(e) if e.code() == Some(ErrorCode::Unauthenticated) => Ok(Notice::SessionEnded),
        Err(e) => Err(e),
    }
}

/// Change the login address: the password is asked again, and a link goes to the new
/// address; the address changes when its button is pressed (`pages/email_confirm.rs`).
#[component]
fn ChangeEmail() -> impl IntoView {
    let locale = Locale::get();
    let auth = Auth::get();
    let new_email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let sent = RwSignal::new(false);
    let form = Submit::with_field_ids(
        "email-change-error",
        |field| format!("email-change-{field}"),
        |change: EmailChange| async move { api::change_email(&change).await },
        move |()| {
            password.set(String::new());
            sent.set(true);
        },
    );
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        sent.set(false);
        let current = auth.info().map(|i| i.account.email).unwrap_or_default();
        let change =
            EmailChange { new_email: new_email.get_untracked(), password: Password::new(password.get_untracked()) };
        form.submit(checked(change, |c| c.validate(&current)));
    };
    view! {
        <section aria-labelledby="h-email">
            <h2 id="h-email">{locale.text(T::EmailChangeHeading)}</h2>
            <p>{locale.text(T::EmailChangeText)}</p>
            {move || sent.get().then(|| view! { <StatusNotice text=T::EmailChangeSent/> })}
            {form.message()}
            <form class="form" on:submit=on_submit novalidate>
                <TextField id="email-change-new_email" label=T::EmailChangeNew input_type="email" autocomplete="email"
                    value=new_email error=form.error("new_email")/>
                <TextField id="email-change-password" label=T::EmailChangePassword input_type="password" autocomplete="current-password"
                    value=password error=form.error("password")/>
                <button type="submit" class="button-secondary" disabled=form.pending()>{locale.text(T::EmailChangeSubmit)}</button>
            </form>
        </section>
    }
}

/// Change the password, asking the current one again (or a passkey, when left empty).
#[component]
fn ChangePassword(passkeys: RwSignal<Option<Vec<PasskeyInfo>>>) -> impl IntoView {
    let locale = Locale::get();
    let auth = Auth::get();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let done = RwSignal::new(false);
    let form = Submit::new(
        "password-error",
        |change: PasswordChange| async move {
            if change.confirmed_with_passkey {
                confirm_with_passkey().await?;
            }
            api::change_password(&change).await
        },
        move |()| {
            current.set(String::new());
            new.set(String::new());
            done.set(true);
            auth.reload_quietly();
            // The button was disabled while sending, which drops its focus.
            focus_field("password-changed");
        },
    );
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        done.set(false);
        let email = auth.info().map(|i| i.account.email).unwrap_or_default();
        let current = current.get_untracked();
        let change = PasswordChange {
            confirmed_with_passkey: current.is_empty() && has_passkeys(passkeys),
            current_password: Password::new(current),
            new_password: Password::new(new.get_untracked()),
        };
        form.submit(checked(change, |c| c.validate(&email)));
    };
    view! {
        <section aria-labelledby="h-password">
            <h2 id="h-password">{locale.text(T::PasswordChangeHeading)}</h2>
            {move || done.get().then(|| view! { <StatusNotice text=T::PasswordChanged id="password-changed"/> })}
            {form.message()}
            <form class="form" on:submit=on_submit novalidate>
                <TextField id="current_password" label=T::CurrentPassword input_type="password" autocomplete="current-password"
                    value=current error=form.error("current_password") instruction=T::CurrentPasswordInstruction/>
                <TextField id="new_password" label=T::NewPassword input_type="password" autocomplete="new-password"
                    hint=T::NewPasswordHint value=new error=form.error("new_password")/>
                <button type="submit" class="button-secondary" disabled=form.pending()>{locale.text(T::PasswordChangeSubmit)}</button>
            </form>
        </section>
    }
}

/// Delete just the candidate profile, asking the password again and confirming: what goes
/// and what stays are listed, with the export offered first.
#[component]
fn DeleteProfile() -> impl IntoView {
    let locale = Locale::get();
    let password = RwSignal::new(String::new());
    let done = RwSignal::new(false);
    // As for erasing the account: the password is checked first, so the question comes only
    // when the deletion would go through; nothing is deleted without a yes to it.
    let form = Submit::with_field_ids(
        "delete-profile-error",
        |field| format!("delete-profile-{field}"),
        move |erasure: Erasure| async move {
            api::check_password(&PasswordCheck { password: erasure.password.clone() }).await?;
            if !window().confirm_with_message(T::DeleteProfileConfirm.get(locale.lang_untracked())).unwrap_or(false) {
                return Ok(false);
            }
            api::delete_profile(&erasure).await.map(|()| true)
        },
        move |deleted| {
            if deleted {
                password.set(String::new());
                done.set(true);
                // The notice is above the form: focus brings it into view (issue 25).
                focus_field("profile-deleted");
            } else {
                focus_field("delete-profile-password");
            }
        },
    );
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        done.set(false);
        form.submit(checked(
            Erasure { password: Password::new(password.get_untracked()), confirmed_with_passkey: false },
            Erasure::validate,
        ));
    };
    view! {
        <section aria-labelledby="h-delete-profile" class="danger-zone">
            <h2 id="h-delete-profile">{locale.text(T::DeleteProfileHeading)}</h2>
            {move || done.get().then(|| view! { <StatusNotice text=T::ProfileDeletedNotice id="profile-deleted"/> })}
            <p>{locale.text(T::DeleteProfileIntro)}</p>
            <p id="delete-profile-goes">{locale.text(T::DeleteProfileGoes)}</p>
            <ul aria-labelledby="delete-profile-goes">
                <li>{locale.text(T::DeleteProfileGoesProfile)}</li>
                <li>{locale.text(T::DeleteProfileGoesVisibility)}</li>
                <li>{locale.text(T::DeleteProfileGoesLog)}</li>
            </ul>
            <p id="delete-profile-stays">{locale.text(T::DeleteProfileStays)}</p>
            <ul aria-labelledby="delete-profile-stays">
                <li>{locale.text(T::DeleteProfileStaysAccount)}</li>
                <li>{locale.text(T::DeleteProfileStaysAcademy)}</li>
                <li>{locale.text(T::DeleteProfileStaysNewsletter)}</li>
            </ul>
            <p>{locale.text(T::DeleteProfileExportFirst)} " " <a href=Route::Export.path()>{locale.text(T::NavExport)}</a></p>
            {form.message()}
            <form class="form" on:submit=on_submit novalidate>
                <TextField id="delete-profile-password" label=T::DeleteProfilePassword input_type="password" autocomplete="current-password"
                    value=password error=form.error("password")/>
                <button type="submit" class="button-secondary button-danger" disabled=form.pending()>{locale.text(T::DeleteProfileSubmit)}</button>
            </form>
        </section>
    }
}

/// Erase everything, asking the password again (or a passkey, when left empty) and confirming.
#[component]
fn EraseAccount(passkeys: RwSignal<Option<Vec<PasskeyInfo>>>) -> impl IntoView {
    let locale = Locale::get();
    let auth = Auth::get();
    let password = RwSignal::new(String::new());
    // The password is checked first, so the question comes only when the erasure would go
    // through; nothing is erased without a yes to it.
    let form = Submit::with_field_ids(
        "erase-error",
        |field| format!("erase-{field}"),
        move |erasure: Erasure| async move {
            if erasure.confirmed_with_passkey {
                confirm_with_passkey().await?;
            } else {
                api::check_password(&PasswordCheck { password: erasure.password.clone() }).await?;
            }
            if !window().confirm_with_message(T::EraseConfirm.get(locale.lang_untracked())).unwrap_or(false) {
                return Ok(false);
            }
            api::erase_account(&erasure).await.map(|()| true)
        },
        move |erased| {
            if erased {
                auth.logged_out(Notice::AccountErased);
            } else {
                focus_field("erase-password");
            }
        },
    );
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let c = crate::components::passkeys::confirmation(password.get_untracked(), has_passkeys(passkeys));
        form.submit(checked(
            Erasure { password: c.password, confirmed_with_passkey: c.confirmed_with_passkey },
            Erasure::validate,
        ));
    };
    view! {
        <section aria-labelledby="h-erase" class="danger-zone">
            <h2 id="h-erase">{locale.text(T::EraseHeading)}</h2>
            <p>{locale.text(T::EraseText)} " " <a href=Route::MyData.path()>{locale.text(T::NavMyData)}</a></p>
            {form.message()}
            <form class="form" on:submit=on_submit novalidate>
                <TextField id="erase-password" label=T::PasswordLabel input_type="password" autocomplete="current-password"
                    value=password error=form.error("password") instruction=T::PasswordInstruction/>
                <button type="submit" class="button-secondary button-danger" disabled=form.pending()>{locale.text(T::EraseSubmit)}</button>
            </form>
        </section>
    }
}
