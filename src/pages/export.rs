//! Exporteren: the complete export encrypted in this browser with age (to a passphrase or to
//! public keys, binary or armored) and downloaded; transferred encrypted to another
//! organisation by a one-time link; or, as a deliberate second choice, downloaded plain.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use zelfregie_model::age_key::{
    abbreviated, check_passphrase, check_recipient, check_recipients, fingerprint, key_lines, recipient_kind,
    recipients_as_typed, KeyKind,
};
use zelfregie_model::partner::sorted_by_lookup_name;
use zelfregie_model::transfer::{PartnerKey, Transfer, TransferCreated, TransferStatus, TransferTarget};
use zelfregie_model::worker_protocol::{Job, Protection};
use zelfregie_model::ErrorCode;

use crate::api::{self, ClientError};
use crate::components::copy::{CopyButton, ShareButton};
use crate::components::field::{focus_field, Binding, CheckboxField, FileField, RadioGroup, SelectField, TextField};
use crate::components::loaded::Loaded;
use crate::components::notice::StatusNotice;
use crate::components::page::Page;
use crate::components::progress::{now_ms, tracked, JobProgress, Step};
use crate::crypto;
use crate::format::{date_time, export_file_name, size, today, ExportForm};
use crate::forms::FormErrors;
use crate::i18n::{key_kind_text, partner_options, T};
use crate::locale::Locale;
use crate::routes::Route;
use crate::submit::{at, Submit};

/// Fetches the export and encrypts it in the worker, reporting each step.
async fn encrypted_export(
    protection: Protection,
    armor: bool,
    step: RwSignal<Option<Step>>,
) -> Result<Vec<u8>, ClientError> {
    step.set(Some(Step::Fetching));
    let plain = api::export_bytes().await?;
    step.set(Some(Step::Starting));
    let job = Job::Encrypt { protection, armor };
    crypto::run(&job, plain, move |p| step.set(Some(Step::Working(p)))).await.map_err(ClientError::from)
}

/// The page.
#[component]
pub fn ExportPage() -> impl IntoView {
    let locale = Locale::get();
    // Start loading the worker now: by the time the form is filled in, it is ready.
    crypto::warm_up();
    on_cleanup(crypto::stop);
    view! {
        <Page title=T::ExportTitle>
            <p>{locale.text(T::ExportIntro)}</p>
            <p>{locale.text(T::ExportInBrowser)}</p>
            <EncryptedDownload/>
            <TransferSection/>
            <section aria-labelledby="h-plain">
                <h2 id="h-plain">{locale.text(T::PlainHeading)}</h2>
                <details class="plain-download">
                    <summary>{locale.text(T::DownloadLink)}</summary>
                    <p class="notice notice-warning">{locale.text(T::PlainText)}</p>
                    <p><a class="button-secondary download-link" href=api::EXPORT download>{locale.text(T::DownloadLink)}</a></p>
                </details>
            </section>
            <p class="link-line"><a href=Route::OpenExport.path()>{locale.text(T::OpenExportLink)}</a></p>
        </Page>
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Passphrase,
    Recipients,
}

/// Encrypt to a passphrase or keys and download.
#[component]
fn EncryptedDownload() -> impl IntoView {
    let locale = Locale::get();
    let mode = RwSignal::new(Mode::Passphrase);
    let passphrase = RwSignal::new(String::new());
    let recipients = RwSignal::new(String::new());
    let armor = RwSignal::new(false);
    let generated = RwSignal::new(false);
    let step = RwSignal::new(None::<Step>);
    let done = RwSignal::new(None::<(String, u64, f64)>);
    let encrypt = Submit::new(
        "encrypt-error",
        move |(protection, armored, started): (Protection, bool, f64)| {
            tracked(step, async move {
                let file = encrypted_export(protection, armored, step).await?;
                let (form, mime) = if armored {
                    (ExportForm::EncryptedText, "text/plain")
                } else {
                    (ExportForm::Encrypted, "application/octet-stream")
                };
                let name = export_file_name(&today(), form);
                crypto::download(&file, &name, mime).map_err(ClientError::from)?;
                Ok((name, file.len() as u64, started))
            })
        },
        move |(name, bytes, started)| {
            done.set(Some((name, bytes, now_ms() - started)));
            // The outcome takes focus, so it is read out and in view (issue 25 item 2).
            focus_field("encrypt-done");
        },
    );
    let errors = encrypt.errors;

    let generate = move |_| match crypto::generate_passphrase(zelfregie_model::Language::from_code(locale.lang().tag()))
    {
        Ok(p) => {
            passphrase.set(p);
            generated.set(true);
            errors.set(FormErrors::default());
        }
        Err(code) => errors.set(FormErrors::from_client(code.into())),
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        done.set(None);
        let protection = match mode.get_untracked() {
            Mode::Passphrase => check_passphrase(&passphrase.get_untracked())
                .map(|()| Protection::Passphrase { passphrase: passphrase.get_untracked() })
                .map_err(at("passphrase")),
            Mode::Recipients => check_recipients(&recipients.get_untracked())
                .map(|recipients| Protection::Recipients { recipients })
                .map_err(at("recipients")),
        };
        encrypt.submit(protection.map(|p| (p, armor.get_untracked(), now_ms())));
    };
    view! {
        <section aria-labelledby="h-encrypt">
            <h2 id="h-encrypt">{locale.text(T::EncryptHeading)}</h2>
            <form class="form" on:submit=on_submit novalidate>
                <RadioGroup name="protect" legend=T::ProtectWith chosen=mode options=vec![
                    ("protect-passphrase", T::ProtectPassphrase, Mode::Passphrase),
                    ("protect-recipients", T::ProtectRecipients, Mode::Recipients),
                ]/>
                {move || match mode.get() {
                    Mode::Passphrase => view! {
                        <TextField id="passphrase" label=T::PassphraseLabel hint=T::PassphraseHint autocomplete="off"
                            value=passphrase error=encrypt.error("passphrase")/>
                        <p class="button-row">
                            <button type="button" class="button-secondary" on:click=generate>{locale.text(T::GeneratePassphrase)}</button>
                            {move || (!passphrase.with(String::is_empty)).then(|| view! {
                                <CopyButton text=passphrase field="passphrase" label=T::CopyPassphrase id="passphrase-copied"/>
                            })}
                        </p>
                        // Written out whole, wrapping at the hyphens: "Schrijf het op" must be
                        // possible at 360 px, where the field shows three of the six words.
                        {move || generated.get().then(|| view! {
                            <StatusNotice text=T::PassphraseGenerated/>
                            <p class="passphrase-written" id="passphrase-written" translate="no">{move || passphrase.get()}</p>
                        })}
                    }.into_any(),
                    Mode::Recipients => view! {
                        <TextField id="recipients" label=T::RecipientsLabel hint=T::RecipientsHint multiline=true
                            value=as_typed(recipients, errors, "recipients") error=key_error(recipients, errors, "recipients")/>
                        <FileField id="recipients-file" label=T::RecipientsFileLabel accept=".txt,.pub,text/plain"
                            pick=load_keys(recipients, errors, "recipients")/>
                        <MixedChoice value=recipients errors=errors field="recipients"/>
                        <Fingerprints value=recipients/>
                    }.into_any(),
                }}
                <CheckboxField id="armor" label=T::ArmorLabel checked=armor set=Callback::new(move |v| armor.set(v))/>
                {encrypt.message()}
                <JobProgress step=step/>
                <button type="submit" class="button-primary" disabled=encrypt.pending()>{locale.text(T::EncryptSubmit)}</button>
            </form>
            {move || done.get().map(|(name, bytes, ms)| view! {
                <p class="notice notice-status" role="status" id="encrypt-done" tabindex="-1" data-ms=format!("{ms:.0}")>
                    {locale.text(T::EncryptDone)} " " <strong>{name}</strong> " (" {size(bytes, locale.lang())} ")"
                </p>
            })}
        </section>
    }
}

/// A key field's binding: typing clears the error the last submit left there.
fn as_typed(value: RwSignal<String>, errors: RwSignal<FormErrors>, field: &'static str) -> Binding {
    Binding::new(
        move || value.get(),
        move |v| {
            value.set(v);
            errors.update(|e| e.fields.retain(|f| f.field != field));
        },
    )
}

/// A key field's error: the last submit's, or what the model sees wrong while typing.
fn key_error(value: RwSignal<String>, errors: RwSignal<FormErrors>, field: &'static str) -> Signal<Option<ErrorCode>> {
    Signal::derive(move || errors.with(|e| e.field(field)).or_else(|| value.with(|v| recipients_as_typed(v))))
}

/// The most a key file may hold: a few hundred post-quantum keys.
const KEY_FILE_BYTES: f64 = 1024.0 * 1024.0;

/// Reads a chosen file of keys (an age recipients file) into the field, after what is there.
fn load_keys(
    value: RwSignal<String>,
    errors: RwSignal<FormErrors>,
    field: &'static str,
) -> Callback<Option<web_sys::File>> {
    Callback::new(move |picked: Option<web_sys::File>| {
        let Some(file) = picked else { return };
        errors.update(|e| e.fields.retain(|f| f.field != field));
        if file.size() > KEY_FILE_BYTES {
            errors.set(FormErrors::from_validation(at(field)(ErrorCode::TooLong)));
            return;
        }
        leptos::task::spawn_local(async move {
            match crypto::read_file(&file).await {
                Ok(bytes) => value.update(|v| {
                    let text = String::from_utf8_lossy(&bytes);
                    if !v.trim().is_empty() && !v.ends_with('\n') {
                        v.push('\n');
                    }
                    v.push_str(text.trim());
                }),
                Err(code) => errors.set(FormErrors::from_validation(at(field)(code))),
            }
        });
    })
}

/// The complete, valid keys in a field, with their kind and fingerprint.
fn keys_in(text: &str) -> Vec<(String, KeyKind, String)> {
    key_lines(text).filter_map(|line| Some((line.to_owned(), recipient_kind(line).ok()?, fingerprint(line)?))).collect()
}

/// Each key's fingerprint and kind, to compare with what the recipient says; a word of
/// warning when every key is of the old kind.
#[component]
fn Fingerprints(
    /// The keys, one per line.
    #[prop(into)]
    value: Signal<String>,
    /// What to do with the fingerprints (compare them with what the recipient says).
    #[prop(optional)]
    intro: Option<T>,
) -> impl IntoView {
    let locale = Locale::get();
    let intro = intro.unwrap_or(T::KeyFingerprints);
    move || {
        let keys = value.with(|v| keys_in(v));
        let all_classic = !keys.is_empty() && keys.iter().all(|(_, kind, _)| *kind == KeyKind::Classic);
        (!keys.is_empty()).then(|| {
            view! {
                <div class="fingerprints">
                    <p>{locale.text(intro)}</p>
                    <ul>
                        {keys.into_iter().map(|(key, kind, print)| view! {
                            <li data-kind=if kind == KeyKind::PostQuantum { "post-quantum" } else { "classic" }>
                                <code class="key">{abbreviated(&key)}</code> " (" {locale.text(key_kind_text(kind))} "): "
                                <span class="visually-hidden">{locale.text(T::KeyFingerprint)} " "</span>
                                <strong class="fingerprint">{print}</strong>
                            </li>
                        }).collect_view()}
                    </ul>
                    {all_classic.then(|| view! { <p class="notice notice-warning">{locale.text(T::ClassicKeysNote)}</p> })}
                </div>
            }
        })
    }
}

/// When keys of both kinds are in the field (which the format forbids): the choice of which
/// to keep, never a silent downgrade.
#[component]
fn MixedChoice(value: RwSignal<String>, errors: RwSignal<FormErrors>, field: &'static str) -> impl IntoView {
    let locale = Locale::get();
    let keep = move |kind: KeyKind| {
        value.update(|v| {
            *v = v
                .lines()
                .filter(|line| recipient_kind(line).map_or(true, |k| k == kind))
                .collect::<Vec<_>>()
                .join("\n");
        });
        errors.update(|e| e.fields.retain(|f| f.field != field));
    };
    move || {
        let mixed = value.with(|v| {
            let keys = keys_in(v);
            keys.iter().any(|k| k.1 == KeyKind::PostQuantum) && keys.iter().any(|k| k.1 == KeyKind::Classic)
        });
        mixed.then(|| {
            view! {
                <p class="button-row mixed-choice">
                    <button type="button" class="button-secondary" on:click=move |_| keep(KeyKind::PostQuantum)>
                        {locale.text(T::KeepPostQuantumKeys)}
                    </button>
                    <button type="button" class="button-secondary" on:click=move |_| keep(KeyKind::Classic)>
                        {locale.text(T::KeepClassicKeys)}
                    </button>
                </p>
            }
        })
    }
}

thread_local! {
    /// The one-time links made in this tab, by transfer id. The server keeps only a hash of
    /// each link's token, so a link can be shown again only while this tab lives: in the
    /// list, until the transfer is fetched, revoked or expired.
    static LINKS: std::cell::RefCell<std::collections::HashMap<i64, String>> = Default::default();
}

fn remember_link(id: i64, link: &str) {
    LINKS.with(|l| l.borrow_mut().insert(id, link.to_owned()));
}

fn known_link(id: i64) -> Option<String> {
    LINKS.with(|l| l.borrow().get(&id).cloned())
}

/// The value of the "another organisation" choice in the partner list.
const OTHER: &str = "-";

/// Encrypt for an organisation's key, upload, give the one-time link; the list of transfers.
#[component]
fn TransferSection() -> impl IntoView {
    let locale = Locale::get();
    let partners = LocalResource::new(api::partner_keys);
    let transfers = LocalResource::new(api::transfers);
    let target = RwSignal::new(String::new());
    let key = RwSignal::new(String::new());
    let step = RwSignal::new(None::<Step>);
    let created = RwSignal::new(None::<TransferCreated>);
    let revoked = RwSignal::new(false);
    let upload = Submit::new(
        "transfer-error",
        move |(destination, recipient): (TransferTarget, String)| {
            tracked(step, async move {
                let protection = Protection::Recipients { recipients: vec![recipient] };
                let file = encrypted_export(protection, false, step).await?;
                step.set(Some(Step::Uploading));
                api::upload_transfer(&destination, &file).await
            })
        },
        move |c: TransferCreated| {
            remember_link(c.transfer.id, &c.link);
            created.set(Some(c));
            transfers.refetch();
            focus_field("transfer-done");
        },
    );
    let errors = upload.errors;
    let revoke = Submit::new("revoke-error", api::revoke_transfer, move |()| {
        revoked.set(true);
        created.set(None);
        transfers.refetch();
        focus_field("transfer-revoked");
    });

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        created.set(None);
        revoked.set(false);
        let chosen = target.get_untracked();
        let keys = partners.get_untracked().and_then(Result::ok).unwrap_or_default();
        let checked = if chosen.is_empty() {
            Err(("transfer-target", ErrorCode::Required))
        } else if chosen == OTHER {
            let k = key.get_untracked().trim().to_owned();
            check_recipient(&k)
                .map(|()| (TransferTarget { partner: None, recipient: Some(k.clone()) }, k))
                .map_err(|c| ("transfer-key", c))
        } else {
            keys.iter()
                .find(|p| p.partner.slug == chosen)
                .map(|p| (TransferTarget { partner: Some(chosen.clone()), recipient: None }, p.recipient.clone()))
                .ok_or(("transfer-target", ErrorCode::UnknownPartner))
        };
        upload.submit(checked.map_err(|(field, code)| at(field)(code)));
    };

    // First "choose", then the partners with a key, last "another organisation".
    let choice = move |keys: Vec<PartnerKey>| {
        let label = |t: T| Signal::derive(move || t.get(locale.lang()).to_owned());
        let mut options = vec![(String::new(), label(T::ChooseOrganisation))];
        let partners = sorted_by_lookup_name(keys.into_iter().map(|k| k.partner).collect());
        options.extend(partner_options(partners, locale));
        options.push((OTHER.to_owned(), label(T::TransferOther)));
        view! {
            <SelectField id="transfer-target" label=T::TransferTo options=options value=target
                error=upload.error("transfer-target")/>
        }
    };
    let list = move |list: Vec<Transfer>| {
        if list.is_empty() {
            view! { <p>{locale.text(T::TransfersNone)}</p> }.into_any()
        } else {
            view! {
                <ul class="transfers">
                    {list.into_iter().map(|t| view! { <TransferItem transfer=t revoke=revoke created=created/> }).collect_view()}
                </ul>
            }
            .into_any()
        }
    };
    view! {
        <section aria-labelledby="h-transfer">
            <h2 id="h-transfer">{locale.text(T::TransferHeading)}</h2>
            <p>{locale.text(T::TransferText)}</p>
            <form class="form" on:submit=on_submit novalidate>
                <Loaded resource=partners children=choice/>
                {move || (target.get() == OTHER).then(|| view! {
                    <TextField id="transfer-key" label=T::TransferKeyLabel hint=T::RecipientsHint autocomplete="off"
                        multiline=true value=as_typed(key, errors, "transfer-key") error=key_error(key, errors, "transfer-key")/>
                    <Fingerprints value=key intro=T::TransferKeyCompare/>
                })}
                {move || {
                    let chosen = target.get();
                    let published = partners.with(|p| {
                        p.as_ref().and_then(|r| r.as_ref().ok()).and_then(|keys| {
                            keys.iter().find(|k| k.partner.slug == chosen).map(|k| k.recipient.clone())
                        })
                    });
                    published.map(|recipient| view! {
                        <Fingerprints value=recipient intro=T::TransferKeyCompare/>
                    })
                }}
                {upload.message()}
                <JobProgress step=step/>
                <button type="submit" class="button-primary" disabled=upload.pending()>{locale.text(T::TransferSubmit)}</button>
            </form>
            {move || created.get().map(|c| view! {
                <div class="notice notice-status transfer-link" role="status" id="transfer-done" tabindex="-1">
                    <p>{locale.text(T::TransferDone)} " " {date_time(c.transfer.expires_at, locale.lang())} "."</p>
                    <label for="transfer-link">{locale.text(T::TransferLinkLabel)}</label>
                    <input id="transfer-link" type="text" readonly prop:value=c.link.clone()
                        on:focus=|ev| { event_target::<web_sys::HtmlInputElement>(&ev).select(); }/>
                    <p class="button-row">
                        <CopyButton text=c.link.clone() field="transfer-link" label=T::CopyLink id="transfer-link-copied"/>
                        <ShareButton url=c.link.clone()/>
                    </p>
                    <p>{locale.text(T::TransferLinkKept)}</p>
                </div>
            })}
            {move || revoked.get().then(|| view! { <StatusNotice text=T::TransferRevoked id="transfer-revoked"/> })}
            <h3>{locale.text(T::TransfersHeading)}</h3>
            {revoke.message()}
            <Loaded resource=transfers keep=true children=list/>
        </section>
    }
}

/// One transfer in the list.
#[component]
fn TransferItem(transfer: Transfer, revoke: Submit<i64>, created: RwSignal<Option<TransferCreated>>) -> impl IntoView {
    let locale = Locale::get();
    let to = transfer.partner.as_ref().map(|p| p.name.clone());
    let key = transfer.recipient.clone();
    let (status, when) = match transfer.status {
        TransferStatus::Waiting => (T::TransferStatusWaiting, Some(transfer.expires_at)),
        TransferStatus::Fetched => (T::TransferStatusFetched, transfer.ended_at),
        TransferStatus::Revoked => (T::TransferStatusRevoked, transfer.ended_at),
        TransferStatus::Expired => (T::TransferStatusExpired, transfer.ended_at),
    };
    let waiting = transfer.status == TransferStatus::Waiting;
    let id = transfer.id;
    // The link, while it can still be used and is not shown in the message above.
    let link = waiting.then(|| known_link(id)).flatten();
    let field = format!("transfer-link-{id}");
    let status_id = format!("{field}-copied");
    let link_view = move || {
        let shown_above = created.with(|c| c.as_ref().is_some_and(|c| c.transfer.id == id));
        link.clone().filter(|_| !shown_above).map(|link| {
            view! {
                <div class="transfer-link">
                    <label for=field.clone()>{locale.text(T::TransferLinkLabel)}</label>
                    <input id=field.clone() type="text" readonly prop:value=link.clone()
                        on:focus=|ev| { event_target::<web_sys::HtmlInputElement>(&ev).select(); }/>
                    <p class="button-row">
                        <CopyButton text=link.clone() field=field.clone() label=T::CopyLink id=status_id.clone()/>
                        <ShareButton url=link/>
                    </p>
                </div>
            }
        })
    };
    view! {
        <li class="transfer" data-status=format!("{:?}", transfer.status).to_lowercase()>
            <p class="transfer-to">
                {match to {
                    Some(name) => view! { <strong>{name}</strong> }.into_any(),
                    None => view! { <strong>{locale.text(T::TransferOwnKey)}</strong> " " <code class="key">{key}</code> }.into_any(),
                }}
            </p>
            <dl class="facts">
                <dt>{locale.text(T::TransferCreated)}</dt><dd>{move || date_time(transfer.created_at, locale.lang())}</dd>
                <dt>{locale.text(T::TransferSize)}</dt><dd>{move || size(transfer.size, locale.lang())}</dd>
                <dt>{locale.text(status)}</dt><dd>{move || when.map(|w| date_time(w, locale.lang()))}</dd>
            </dl>
            {link_view}
            {waiting.then(|| view! {
                <button type="button" class="button-secondary" disabled=revoke.pending()
                    on:click=move |_| revoke.submit(Ok(id))>
                    {locale.text(T::TransferRevoke)}
                </button>
            })}
        </li>
    }
}
