//! "Log in with a passkey": one button, no address needed. A component of its own so every
//! login form can offer it.

use leptos::prelude::*;
use zelfregie_model::SessionInfo;

use crate::api::{self, ApiResult};
use crate::components::login_form::LoginPlace;
use crate::i18n::T;
use crate::locale::Locale;
use crate::submit::Submit;
use crate::webauthn;

async fn log_in() -> ApiResult<SessionInfo> {
    let start = api::passkey_login_start().await?;
    let finish = webauthn::run(start, false).await?;
    api::passkey_login_finish(&finish).await
}

/// The button, or a plain sentence where the browser has no passkeys. Success goes to
/// `on_login`, as the password form's does.
#[component]
pub fn PasskeyLogin(
    /// What happens after a successful login.
    on_login: Callback<SessionInfo>,
    /// Page or dialog (their message ids differ).
    place: LoginPlace,
) -> impl IntoView {
    let locale = Locale::get();
    if !webauthn::supported() {
        return view! { <p class="muted">{locale.text(T::PasskeyLoginUnsupported)}</p> }.into_any();
    }
    let message_id = match place {
        LoginPlace::Page => "passkey-login-error",
        LoginPlace::Dialog => "relogin-passkey-error",
    };
    let form = Submit::new(message_id, |()| log_in(), move |info| on_login.run(info));
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
