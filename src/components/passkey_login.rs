//! "Log in with a passkey": one button, no address needed. A component of its own so every
//! login form can offer it.

use leptos::prelude::*;

use crate::api::{self, ApiResult};
use crate::i18n::T;
use crate::locale::Locale;
use crate::session::Auth;
use crate::submit::Submit;
use crate::webauthn;

async fn log_in() -> ApiResult<zelfregie_model::SessionInfo> {
    let start = api::passkey_login_start().await?;
    let finish = webauthn::run(start, false).await?;
    api::passkey_login_finish(&finish).await
}

/// The button, or a plain sentence where the browser has no passkeys. Success updates the
/// session, as the password form does.
#[component]
pub fn PasskeyLogin() -> impl IntoView {
    let locale = Locale::get();
    let auth = Auth::get();
    if !webauthn::supported() {
        return view! { <p class="muted">{locale.text(T::PasskeyLoginUnsupported)}</p> }.into_any();
    }
    let form = Submit::new("passkey-login-error", |()| log_in(), move |info| auth.logged_in(info));
    let pending = form.pending();
    view! {
        <div class="passkey-login">
            {form.message()}
            <button type="button" class="button-secondary" disabled=pending aria-busy=move || pending.get().to_string()
                on:click=move |_| form.submit(Ok(()))>
                {move || if pending.get() { locale.text(T::LoginBusy)() } else { locale.text(T::PasskeyLoginButton)() }}
            </button>
        </div>
    }
    .into_any()
}
