//! Inloggen: the login form (address and password, a code for two-step verification, or a
//! passkey: `components/login_form.rs`), and the ways to a new password or an account.

use leptos::prelude::*;

use crate::components::login_form::LoginForm;
use crate::components::notice::StatusNotice;
use crate::components::page::Page;
use crate::i18n::T;
use crate::locale::Locale;
use crate::routes::Route;
use crate::session::{Auth, Notice};

/// The login page. Success updates the session; the guard around this page then moves on
/// to the page the person came for, or the overview.
#[component]
pub fn LoginPage() -> impl IntoView {
    let locale = Locale::get();
    let auth = Auth::get();
    let notice = move || {
        auth.notice.get().map(|n| {
            let text = match n {
                Notice::LoggedOut => T::LoggedOutNotice,
                Notice::LoggedOutEverywhere => T::LoggedOutEverywhereNotice,
                Notice::SessionEnded => T::SessionEndedNotice,
                Notice::AccountErased => T::AccountErasedNotice,
            };
            view! { <StatusNotice text=text/> }
        })
    };

    view! {
        <Page title=T::LoginTitle>
            {notice}
            <p>{locale.text(T::LoginIntro)}</p>
            <LoginForm on_login=move |info| auth.logged_in(info)/>
            <p class="link-line"><a href=Route::ForgotPassword.path()>{locale.text(T::LoginForgot)}</a></p>
            <p>{locale.text(T::LoginNoAccount)} " " <a href=Route::Register.path()>{locale.text(T::LoginRegisterLink)}</a></p>
            <p class="link-line"><a href=Route::Catalogue.path()>{locale.text(T::LoginCatalogueLink)}</a></p>
        </Page>
    }
}
