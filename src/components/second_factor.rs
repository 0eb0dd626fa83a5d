//! The account page's "Tweestapsverificatie" section: set up an authenticator app (password,
//! then QR code or the key in groups to type, then a first code), the recovery codes shown
//! once with download and print, and turning it off (password and a code). Staff who must
//! use it see why, and cannot turn it off.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use zelfregie_model::second_factor::{
    group_secret, RecoveryCodes, SecondFactorConfirm, SecondFactorDisable, SecondFactorSetup, SecondFactorStart,
};
use zelfregie_model::Password;

use crate::api;
use crate::components::copy::CopyButton;
use crate::components::field::{focus_field, TextField};
use crate::components::notice::StatusNotice;
use crate::format::date_time;
use crate::i18n::T;
use crate::locale::Locale;
use crate::session::Auth;
use crate::submit::{checked, Submit};

/// What the section shows.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    /// As the session says: on (with the form to turn it off) or off (with the form to start).
    Status,
    /// The secret to put in the app, and the field for the first code.
    Scan(SecondFactorSetup),
    /// The recovery codes, this once.
    Codes(Vec<String>),
}

/// The recovery codes as a text file: one per line, under a line that says what they are.
pub fn recovery_file(heading: &str, codes: &[String]) -> String {
    let mut text = format!("{heading}\n\n");
    for code in codes {
        text.push_str(code);
        text.push('\n');
    }
    text
}

/// The section.
#[component]
pub fn SecondFactorSection() -> impl IntoView {
    let locale = Locale::get();
    let auth = Auth::get();
    let step = RwSignal::new(Step::Status);
    let turned_off = RwSignal::new(false);
    let status = move || auth.info().map(|i| i.second_factor).unwrap_or_default();

    let password = RwSignal::new(String::new());
    let start = Submit::with_field_ids(
        "tfa-start-error",
        |field| format!("tfa-start-{field}"),
        |body: SecondFactorStart| async move { api::second_factor_start(&body).await },
        move |setup| {
            password.set(String::new());
            step.set(Step::Scan(setup));
            focus_field("tfa-scan");
        },
    );
    let code = RwSignal::new(String::new());
    let confirm = Submit::with_field_ids(
        "tfa-confirm-error",
        |field| format!("tfa-{field}"),
        move |body: SecondFactorConfirm| async move {
            api::second_factor_confirm(&body).await.inspect_err(|_| code.set(String::new()))
        },
        move |codes: RecoveryCodes| {
            code.set(String::new());
            step.set(Step::Codes(codes.codes));
            auth.reload_quietly();
            focus_field("h-tfa-codes");
        },
    );
    let off_password = RwSignal::new(String::new());
    let off_code = RwSignal::new(String::new());
    let disable = Submit::with_field_ids(
        "tfa-off-error",
        |field| format!("tfa-off-{field}"),
        move |body: SecondFactorDisable| async move {
            api::second_factor_disable(&body).await.inspect_err(|_| off_code.set(String::new()))
        },
        move |()| {
            off_password.set(String::new());
            off_code.set(String::new());
            turned_off.set(true);
            auth.reload_quietly();
        },
    );

    let on_start = move |ev: SubmitEvent| {
        ev.prevent_default();
        turned_off.set(false);
        let body = SecondFactorStart { password: Password::new(password.get_untracked()) };
        start.submit(checked(body, SecondFactorStart::validate));
    };
    let on_confirm = move |ev: SubmitEvent| {
        ev.prevent_default();
        confirm.submit(checked(SecondFactorConfirm { code: code.get_untracked() }, SecondFactorConfirm::validate));
    };
    let on_disable = move |ev: SubmitEvent| {
        ev.prevent_default();
        let body = SecondFactorDisable {
            password: Password::new(off_password.get_untracked()),
            code: off_code.get_untracked(),
        };
        disable.submit(checked(body, SecondFactorDisable::validate));
    };

    let status_view = move || {
        let s = status();
        let lang = locale.lang();
        if s.enabled {
            let since = s.enabled_at.map(|at| date_time(at, lang)).unwrap_or_default();
            let disable_form = if s.required {
                view! { <p>{locale.text(T::TfaMandatory)}</p> }.into_any()
            } else {
                view! {
                    <h3 id="h-tfa-off">{locale.text(T::TfaDisableHeading)}</h3>
                    <p>{locale.text(T::TfaDisableText)}</p>
                    {disable.message()}
                    <form class="form" on:submit=on_disable novalidate aria-labelledby="h-tfa-off">
                        <TextField id="tfa-off-password" label=T::TfaPasswordLabel input_type="password"
                            autocomplete="current-password" value=off_password error=disable.error("password")/>
                        <TextField id="tfa-off-code" label=T::TfaCodeOrRecovery autocomplete="one-time-code"
                            value=off_code error=disable.error("code")/>
                        <button type="submit" class="button-secondary" disabled=disable.pending()>
                            {locale.text(T::TfaDisableSubmit)}
                        </button>
                    </form>
                }
                .into_any()
            };
            view! {
                <p class="tfa-state">{locale.text(T::TfaIsOn)}</p>
                <dl class="facts">
                    <dt>{locale.text(T::TfaOnSince)}</dt>
                    <dd>{since}</dd>
                    <dt>{locale.text(T::TfaRecoveryLeft)}</dt>
                    <dd>{s.recovery_codes_left}</dd>
                </dl>
                {disable_form}
            }
            .into_any()
        } else {
            view! {
                {move || turned_off.get().then(|| view! { <StatusNotice text=T::TfaTurnedOff/> })}
                <p class="tfa-state">{locale.text(T::TfaIsOff)}</p>
                <p>{locale.text(T::TfaStartText)}</p>
                {start.message()}
                <form class="form" on:submit=on_start novalidate>
                    <TextField id="tfa-start-password" label=T::TfaPasswordLabel input_type="password"
                        autocomplete="current-password" value=password error=start.error("password")/>
                    <button type="submit" class="button-primary" disabled=start.pending()>
                        {locale.text(T::TfaStartSubmit)}
                    </button>
                </form>
            }
            .into_any()
        }
    };

    let scan_view = move |setup: SecondFactorSetup| {
        let grouped = group_secret(&setup.secret);
        let secret = setup.secret.clone();
        // The app is often on the phone that shows this page: a link opens it there (the
        // `otpauth://` address the QR code holds); a second device scans; the key is there to
        // copy or type, in groups of four.
        view! {
            <p id="tfa-scan" tabindex="-1">{locale.text(T::TfaOnThisDevice)}</p>
            <p class="link-line">
                <a class="button-secondary tfa-open" href=setup.otpauth_uri.clone()>{locale.text(T::TfaOpenInApp)}</a>
            </p>
            <p>{locale.text(T::TfaScan)}</p>
            <img class="tfa-qr" src=setup.qr_code alt=locale.text(T::TfaQrAlt) width="240" height="240"/>
            <dl class="facts">
                <dt>{locale.text(T::TfaSecretLabel)}</dt>
                <dd><code id="tfa-secret" class="tfa-secret" translate="no">{grouped}</code></dd>
            </dl>
            <p class="actions">
                <CopyButton text=secret field="tfa-secret" label=T::TfaCopyKey id="tfa-secret-copied"/>
            </p>
            <p>{locale.text(T::TfaConfirmText)}</p>
            {confirm.message()}
            <form class="form" on:submit=on_confirm novalidate>
                <TextField id="tfa-code" label=T::LoginCodeLabel autocomplete="one-time-code" inputmode="numeric"
                    value=code error=confirm.error("code")/>
                <button type="submit" class="button-primary" disabled=confirm.pending()>
                    {locale.text(T::TfaConfirmSubmit)}
                </button>
            </form>
        }
    };

    let codes_view = move |codes: Vec<String>| {
        let file = recovery_file(T::TfaRecoveryFile.get(locale.lang()), &codes);
        let download = move |_| {
            let _ = crate::crypto::download(file.as_bytes(), "zelfregie-herstelcodes.txt", "text/plain;charset=utf-8");
        };
        view! {
            <h3 id="h-tfa-codes" tabindex="-1">{locale.text(T::TfaRecoveryHeading)}</h3>
            <p>{locale.text(T::TfaRecoveryText)}</p>
            <ul class="tfa-codes" translate="no">
                {codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
            </ul>
            <p class="actions">
                <button type="button" class="button-secondary" on:click=download>{locale.text(T::TfaDownload)}</button>
                " "
                <button type="button" class="button-secondary" on:click=move |_| { let _ = window().print(); }>
                    {locale.text(T::TfaPrint)}
                </button>
            </p>
            <p>
                <button type="button" class="button-primary" on:click=move |_| step.set(Step::Status)>
                    {locale.text(T::TfaSaved)}
                </button>
            </p>
        }
    };

    view! {
        <section aria-labelledby="h-tfa" id="tweestapsverificatie">
            <h2 id="h-tfa">{locale.text(T::TfaHeading)}</h2>
            <p>{locale.text(T::TfaIntro)}</p>
            {move || {
                let s = status();
                (s.required && !s.enabled).then(|| view! { <p class="notice notice-warning">{locale.text(T::TfaRequired)}</p> })
            }}
            {move || match step.get() {
                Step::Status => status_view().into_any(),
                Step::Scan(setup) => scan_view(setup).into_any(),
                Step::Codes(codes) => codes_view(codes).into_any(),
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_recovery_file_lists_every_code_on_its_own_line() {
        let codes = vec!["AAAAA-BBBBB".to_owned(), "CCCCC-DDDDD".to_owned()];
        let file = recovery_file("Herstelcodes", &codes);
        assert_eq!(file, "Herstelcodes\n\nAAAAA-BBBBB\nCCCCC-DDDDD\n");
    }
}
