//! Account: log out here, or everywhere.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use zelfregie_model::{Erasure, ErrorCode, Password, PasswordChange, PasswordCheck};

use crate::api::{self, ApiResult};
use crate::components::field::{focus_field, TextField};
use crate::components::notice::StatusNotice;
use crate::components::page::Page;
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

    view! {
        <Page title=T::AccountTitle>
            <dl class="facts">
                <dt>{locale.text(T::EmailLabel)}</dt>
                <dd>{email}</dd>
                <dt>{locale.text(T::OverviewActiveSessions)}</dt>
                <dd>{sessions}</dd>
            </dl>
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
            <ChangePassword/>
            <EraseAccount/>
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

/// Change the password, asking the current one again.
#[component]
fn ChangePassword() -> impl IntoView {
    let locale = Locale::get();
    let auth = Auth::get();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let done = RwSignal::new(false);
    let form = Submit::new(
        "password-error",
        |change: PasswordChange| async move { api::change_password(&change).await },
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
        let change = PasswordChange {
            current_password: Password::new(current.get_untracked()),
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

/// Erase everything, asking the password again and confirming.
#[component]
fn EraseAccount() -> impl IntoView {
    let locale = Locale::get();
    let auth = Auth::get();
    let password = RwSignal::new(String::new());
    // The password is checked first, so the question comes only when the erasure would go
    // through; nothing is erased without a yes to it.
    let form = Submit::with_field_ids(
        "erase-error",
        |field| format!("erase-{field}"),
        move |erasure: Erasure| async move {
            api::check_password(&PasswordCheck { password: erasure.password.clone() }).await?;
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
        form.submit(checked(Erasure { password: Password::new(password.get_untracked()) }, Erasure::validate));
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
