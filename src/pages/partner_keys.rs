//! Partnersleutels (`/beheer/sleutels`, administrators): every partner with the key people's
//! transfers to it are encrypted to, its fingerprint and date. A new key is pasted, checked
//! as it is typed, and its fingerprint shown at once, to read back with the organisation
//! (on the phone, say) before it is published. Replacing keeps the earlier keys listed:
//! transfers made to them still open with those keys. Removing asks first.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use zelfregie_model::admin::{PartnerKeyEntry, PartnerKeys, PublishKey};
use zelfregie_model::age_key::{check_recipient, fingerprint};
use zelfregie_model::ErrorCode;

use crate::api;
use crate::components::field::{focus_field, TextField};
use crate::components::loaded::Loaded;
use crate::components::notice::StatusNotice;
use crate::components::page::Page;
use crate::format::date_time;
use crate::i18n::{error_text, T};
use crate::locale::Locale;
use crate::submit::{checked, Submit};

/// What the page says under the pasted text as it is typed: the fingerprint of a valid key,
/// the reason a text is not one, or nothing while the field is empty.
pub fn live_check(text: &str) -> Option<Result<String, ErrorCode>> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    Some(check_recipient(text).and_then(|()| fingerprint(text).ok_or(ErrorCode::RecipientInvalid)))
}

/// The page.
#[component]
pub fn PartnerKeysPage() -> impl IntoView {
    let locale = Locale::get();
    let keys = LocalResource::new(api::admin_partner_keys);
    // The partner whose key is being pasted (one form at a time).
    let editing = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<T>);
    let report = move |t: T| {
        editing.set(None);
        done.set(Some(t));
        keys.refetch();
        focus_field("keys-done");
    };
    let publish = Submit::with_field_ids(
        "key-publish-error",
        |_| "new-key".to_owned(),
        |(slug, key): (String, PublishKey)| async move { api::publish_partner_key(&slug, &key).await },
        move |_| report(T::PartnerKeyPublishedNotice),
    );
    let remove = Submit::new(
        "key-remove-error",
        move |(slug, name): (String, String)| async move {
            let question = format!("{}\n\n{name}", T::PartnerKeyRemoveConfirm.get(locale.lang_untracked()));
            if !window().confirm_with_message(&question).unwrap_or(false) {
                return Ok(false);
            }
            api::remove_partner_key(&slug).await.map(|()| true)
        },
        move |removed| {
            if removed {
                report(T::PartnerKeyRemovedNotice);
            }
        },
    );
    view! {
        <Page title=T::PartnerKeysTitle>
            <p>{locale.text(T::PartnerKeysIntro)}</p>
            {move || done.get().map(|t| view! { <StatusNotice text=t id="keys-done"/> })}
            {remove.message()}
            <Loaded resource=keys keep=true let:list>
                <ul class="queue partner-keys">
                    {list.into_iter().map(|p| view! { <PartnerKeyItem keys=p editing publish remove/> }).collect_view()}
                </ul>
            </Loaded>
        </Page>
    }
}

/// When a key was published, and by whom: "7 december 2026 om 13:13 door beheer@…".
fn published_when(e: &PartnerKeyEntry, lang: crate::i18n::Lang) -> String {
    let mut s = date_time(e.published_at, lang);
    if let Some(by) = &e.published_by {
        s.push_str(&format!(" {} {by}", T::PartnerKeyBy.get(lang)));
    }
    s
}

/// An earlier key's line: "Gepubliceerd 7 december 2026 om 13:13 door …".
fn entry_line(e: &PartnerKeyEntry, lang: crate::i18n::Lang) -> String {
    format!("{} {}", T::PartnerKeyPublished.get(lang), published_when(e, lang))
}

#[component]
fn PartnerKeyItem(
    keys: PartnerKeys,
    editing: RwSignal<Option<String>>,
    publish: Submit<(String, PublishKey)>,
    remove: Submit<(String, String)>,
) -> impl IntoView {
    let locale = Locale::get();
    let t = move |k: T| k.get(locale.lang());
    let slug = keys.partner.slug.clone();
    let name = keys.partner.name.clone();
    let heading_id = format!("key-{slug}");
    let has_key = keys.current.is_some();
    let is_editing = {
        let slug = slug.clone();
        Memo::new(move |_| editing.with(|e| e.as_deref() == Some(slug.as_str())))
    };
    let open_form = {
        let slug = slug.clone();
        move |_| {
            publish.errors.set(Default::default());
            editing.set(Some(slug.clone()));
            focus_field("new-key");
        }
    };
    let open_label = format!("{}: {name}", t(if has_key { T::PartnerKeyReplace } else { T::PartnerKeyPaste }));
    let remove_label = format!("{}: {name}", t(T::PartnerKeyRemove));
    let remove_args = (slug.clone(), name.clone());
    let earlier = keys.earlier.clone();
    view! {
        <li class="queue-entry partner-key" data-slug=slug.clone() aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone() class="h3">{name.clone()}</h2>
            {match keys.current.clone() {
                Some(current) => view! {
                    <dl class="facts">
                        <dt>{t(T::PartnerKeyFingerprint)}</dt>
                        <dd><code class="fingerprint" translate="no">{current.fingerprint.clone()}</code></dd>
                        <dt>{t(T::PartnerKeyPublished)}</dt>
                        <dd>{published_when(&current, locale.lang())}</dd>
                    </dl>
                }.into_any(),
                None => view! { <p class="muted">{t(T::PartnerKeyNone)}</p> }.into_any(),
            }}
            {move || (!is_editing.get()).then(|| {
                let open_form = open_form.clone();
                let remove_args = remove_args.clone();
                view! {
                    <div class="button-row">
                        <button type="button" class="button-small" aria-label=open_label.clone() on:click=open_form>
                            {t(if has_key { T::PartnerKeyReplace } else { T::PartnerKeyPaste })}
                        </button>
                        {has_key.then(|| view! {
                            <button type="button" class="button-small button-danger" aria-label=remove_label.clone()
                                disabled=remove.pending() on:click=move |_| remove.submit(Ok(remove_args.clone()))>
                                {t(T::PartnerKeyRemove)}
                            </button>
                        })}
                    </div>
                }
            })}
            {
                let slug = slug.clone();
                move || is_editing.get().then(|| view! { <KeyForm slug=slug.clone() editing publish/> })
            }
            {(!earlier.is_empty()).then(|| view! {
                <details class="key-history">
                    <summary>{format!("{} ({})", t(T::PartnerKeyEarlier), earlier.len())}</summary>
                    <p>{t(T::PartnerKeyEarlierText)}</p>
                    <ul>
                        {earlier.iter().map(|e| view! {
                            <li>
                                <code class="fingerprint" translate="no">{e.fingerprint.clone()}</code>
                                " · " {entry_line(e, locale.lang())}
                                {e.retired_at.map(|at| format!(" · {} {}", t(T::PartnerKeyRetired), date_time(at, locale.lang())))}
                            </li>
                        }).collect_view()}
                    </ul>
                </details>
            })}
        </li>
    }
}

#[component]
fn KeyForm(slug: String, editing: RwSignal<Option<String>>, publish: Submit<(String, PublishKey)>) -> impl IntoView {
    let locale = Locale::get();
    let text = RwSignal::new(String::new());
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let key = PublishKey { recipient: text.get_untracked() };
        publish.submit(checked((slug.clone(), key), |(_, k)| k.validate()));
    };
    let live = move || live_check(&text.get());
    view! {
        {publish.message()}
        <form class="form key-form" on:submit=on_submit novalidate>
            <TextField id="new-key" label=T::PartnerKeyLabel hint=T::PartnerKeyHint multiline=true required=true
                value=text error=publish.error("recipient")/>
            <div class="key-live" aria-live="polite">
                {move || match live() {
                    Some(Ok(fp)) => view! {
                        <p class="notice notice-status">{locale.text(T::PartnerKeyLiveFingerprint)} " "
                            <code class="fingerprint live-fingerprint" translate="no">{fp}</code></p>
                    }.into_any(),
                    Some(Err(code)) => view! { <p class="muted">{T::PartnerKeyNotYet.get(locale.lang())} " " {error_text(code, locale.lang())}</p> }.into_any(),
                    None => ().into_any(),
                }}
            </div>
            <div class="button-row">
                <button type="submit" class="button-primary" disabled=publish.pending()>{locale.text(T::PartnerKeyPublish)}</button>
                <button type="button" class="button-secondary" on:click=move |_| editing.set(None)>{locale.text(T::PartnerKeyCancel)}</button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pasted_key_shows_its_fingerprint_and_a_wrong_one_its_reason() {
        assert_eq!(live_check("  "), None);
        assert!(matches!(live_check("age1nope"), Some(Err(_))));
        // A classic X25519 recipient (the age spec's example).
        let key = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";
        let fp = live_check(&format!(" {key}\n")).unwrap().unwrap();
        assert_eq!(Some(fp.clone()), fingerprint(key));
        assert_eq!(fp.len(), 19);
    }
}
