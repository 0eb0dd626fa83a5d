//! The Account page's "Passkeys" section: the list (name, added, last used), adding one
//! with a name, removing one; and the passkey confirmation the page's other sensitive
//! actions use instead of the password.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use zelfregie_model::passkey::{Confirmation, NewPasskey, PasskeyInfo};
use zelfregie_model::Password;

use crate::api::{self, ApiResult};
use crate::components::field::TextField;
use crate::components::notice::StatusNotice;
use crate::format::date_time;
use crate::i18n::T;
use crate::locale::Locale;
use crate::submit::{checked, Submit};
use crate::webauthn;

/// Confirms it is the owner with one of their passkeys (the browser asks which): the next
/// sensitive action may then go without the password.
pub async fn confirm_with_passkey() -> ApiResult<()> {
    let start = api::passkey_confirm_start().await?;
    let finish = webauthn::run(start, false).await?;
    api::passkey_confirm_finish(&finish).await
}

/// What confirms a sensitive action: the password when one was typed; else a passkey, if
/// the person has one (else the empty password, which the checks refuse).
pub fn confirmation(password: String, has_passkeys: bool) -> Confirmation {
    Confirmation { confirmed_with_passkey: password.is_empty() && has_passkeys, password: Password::new(password) }
}

/// Whether the account has a passkey, as far as the page knows.
pub fn has_passkeys(list: RwSignal<Option<Vec<PasskeyInfo>>>) -> bool {
    list.with_untracked(|l| l.as_ref().is_some_and(|l| !l.is_empty()))
}

async fn add(new: NewPasskey) -> ApiResult<PasskeyInfo> {
    if new.confirmation.confirmed_with_passkey {
        confirm_with_passkey().await?;
    }
    let start = api::passkey_add_start(&new).await?;
    let finish = webauthn::run(start, true).await?;
    api::passkey_add_finish(&finish).await
}

async fn remove((id, confirmation): (i64, Confirmation)) -> ApiResult<()> {
    if confirmation.confirmed_with_passkey {
        confirm_with_passkey().await?;
    }
    api::passkey_remove(id, &confirmation).await
}

/// The section. `passkeys` is the page's copy of the list (loaded here).
#[component]
pub fn PasskeySection(
    /// The account's passkeys; `None` until loaded.
    passkeys: RwSignal<Option<Vec<PasskeyInfo>>>,
) -> impl IntoView {
    let locale = Locale::get();
    let name = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let notice = RwSignal::new(None::<T>);
    let reload = move || {
        leptos::task::spawn_local(async move {
            if let Ok(list) = api::passkeys().await {
                passkeys.set(Some(list));
            }
        })
    };
    reload();
    let field_id = |field: &str| format!("passkey-{field}");
    let adding = Submit::with_field_ids("passkey-error", field_id, add, move |_| {
        name.set(String::new());
        password.set(String::new());
        notice.set(Some(T::PasskeyAdded));
        reload();
    });
    let removing = Submit::with_field_ids("passkey-remove-error", field_id, remove, move |()| {
        password.set(String::new());
        notice.set(Some(T::PasskeyRemoved));
        reload();
    });
    let on_add = move |ev: SubmitEvent| {
        ev.prevent_default();
        notice.set(None);
        let new = NewPasskey {
            name: name.get_untracked(),
            confirmation: confirmation(password.get_untracked(), has_passkeys(passkeys)),
        };
        adding.submit(checked(new, NewPasskey::validate));
    };
    let on_remove = move |id: i64| {
        notice.set(None);
        let c = confirmation(password.get_untracked(), has_passkeys(passkeys));
        removing.submit(checked((id, c), |(_, c)| c.validate()));
    };
    let busy = Memo::new(move |_| adding.pending().get() || removing.pending().get());
    let password_error = Signal::derive(move || adding.error("password").get().or(removing.error("password").get()));
    let lang = move || locale.lang();
    let list = move || {
        match passkeys.get() {
        None => view! { <p class="loading">{locale.text(T::Loading)}</p> }.into_any(),
        Some(list) if list.is_empty() => view! { <p>{locale.text(T::PasskeysNone)}</p> }.into_any(),
        Some(list) => view! {
            <ul class="entries">
                {list.into_iter().map(|p| {
                    let id = p.id;
                    let last_used = p.last_used_at.map_or_else(|| T::PasskeyNeverUsed.get(lang()).to_owned(), |at| date_time(at, lang()));
                    let label = format!("{} {}", T::PasskeyRemove.get(lang()), p.name);
                    view! {
                        <li class="passkey">
                            <strong>{p.name}</strong>
                            <dl class="facts">
                                <dt>{locale.text(T::PasskeyCreated)}</dt>
                                <dd>{date_time(p.created_at, lang())}</dd>
                                <dt>{locale.text(T::PasskeyLastUsed)}</dt>
                                <dd>{last_used}</dd>
                            </dl>
                            <button type="button" class="button-small button-danger" disabled=busy
                                on:click=move |_| on_remove(id)>{label}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }.into_any(),
    }
    };
    let supported = webauthn::supported();
    view! {
        <section aria-labelledby="h-passkeys">
            <h2 id="h-passkeys">{locale.text(T::PasskeysHeading)}</h2>
            <p>{locale.text(T::PasskeysIntro)}</p>
            {move || notice.get().map(|text| view! { <StatusNotice text=text/> })}
            {adding.message()}
            {removing.message()}
            {list}
            {(!supported).then(|| view! { <p class="muted">{locale.text(T::PasskeysUnsupported)}</p> })}
            <form class="form" on:submit=on_add novalidate>
                {supported.then(|| view! {
                    <TextField id="passkey-name" label=T::PasskeyName hint=T::PasskeyNameHint value=name
                        error=adding.error("name")/>
                })}
                <TextField id="passkey-password" label=T::PasskeyPassword input_type="password" autocomplete="current-password"
                    hint=T::PasskeyPasswordHint value=password error=password_error/>
                {supported.then(|| view! {
                    <button type="submit" class="button-secondary" disabled=busy>{locale.text(T::PasskeyAddSubmit)}</button>
                })}
            </form>
            <p class="muted">{locale.text(T::PasskeyOrPassword)}</p>
        </section>
    }
}
