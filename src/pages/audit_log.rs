//! Logboek (`/beheer/logboek`, administrators and privacy staff): what administrators did,
//! newest first, a page at a time. Each line: when, who (or the portal itself), what, about
//! whom, and the detail. Nobody can change the log here or anywhere.

use leptos::prelude::*;
use zelfregie_model::admin::{AuditEntry, AuditPage};

use crate::api::{self, ClientError};
use crate::components::field::focus_field;
use crate::components::notice::{ErrorNotice, Loading};
use crate::components::page::Page;
use crate::format::date_time;
use crate::i18n::{audit_action_text, audit_detail_text, audit_subject_text, Lang, T};
use crate::locale::Locale;

/// Who did it, in words: the administrator's address, the portal itself (its own jobs and
/// the server's command line), or an account that no longer exists.
pub fn actor_text(entry: &AuditEntry, lang: Lang) -> String {
    match (&entry.actor, entry.by_system) {
        (Some(email), _) => email.clone(),
        (None, true) => T::AuditBySystem.get(lang).to_owned(),
        (None, false) => T::AuditActorGone.get(lang).to_owned(),
    }
}

/// The page.
#[component]
pub fn AuditLogPage() -> impl IntoView {
    let locale = Locale::get();
    let entries = RwSignal::new(Vec::<AuditEntry>::new());
    let next = RwSignal::new(None::<i64>);
    let loaded = RwSignal::new(false);
    let error = RwSignal::new(None::<ClientError>);
    let load = Action::new_local(move |before: &Option<i64>| {
        let before = *before;
        async move {
            match api::audit(before).await {
                Ok(AuditPage { entries: page, next: more }) => {
                    let first_new = entries.with_untracked(Vec::len);
                    let had = first_new > 0;
                    entries.update(|e| e.extend(page));
                    next.set(more);
                    error.set(None);
                    loaded.set(true);
                    // After "meer laden", focus goes to the first entry that came in.
                    if had {
                        focus_field(&format!("audit-{first_new}"));
                    }
                }
                Err(e) => {
                    error.set(Some(e));
                    if before.is_some() {
                        focus_field("audit-error");
                    }
                }
            }
        }
    });
    load.dispatch_local(None);
    let t = move |k: T| k.get(locale.lang());
    let line = move |(i, e): (usize, AuditEntry)| {
        let lang = locale.lang();
        let detail = e.detail.as_deref().map(|d| audit_detail_text(e.action, d, lang));
        view! {
            <li class="audit-entry" id=format!("audit-{i}") tabindex="-1" data-action=e.action.as_str()>
                <p class="audit-when"><time datetime=e.at.unix_timestamp().to_string()>{date_time(e.at, lang)}</time></p>
                <dl class="facts">
                    <dt>{t(T::AuditWho)}</dt>
                    <dd>{actor_text(&e, lang)}</dd>
                    <dt>{t(T::AuditWhat)}</dt>
                    <dd class="audit-what">{t(audit_action_text(e.action))}</dd>
                    <dt>{t(T::AuditAbout)}</dt>
                    <dd>{audit_subject_text(e.action, &e.subject)}</dd>
                    {detail.map(|d| view! { <dt>{t(T::AuditDetail)}</dt><dd>{d}</dd> })}
                </dl>
            </li>
        }
    };
    view! {
        <Page title=T::AuditTitle>
            <p>{locale.text(T::AuditIntro)}</p>
            {move || (!loaded.get() && error.get().is_none()).then(|| view! { <Loading/> })}
            {move || loaded.get().then(|| {
                let list = entries.get();
                if list.is_empty() {
                    view! { <p>{t(T::AuditNone)}</p> }.into_any()
                } else {
                    view! { <ol class="audit">{list.into_iter().enumerate().map(line).collect_view()}</ol> }.into_any()
                }
            })}
            <div aria-live="polite">
                {move || error.get().map(|e| view! { <ErrorNotice error=e id="audit-error"/> })}
            </div>
            {move || match (loaded.get(), next.get()) {
                (true, Some(before)) => view! {
                    <button type="button" class="button-secondary" disabled=move || load.pending().get()
                        aria-busy=move || load.pending().get().to_string()
                        on:click=move |_| { load.dispatch_local(Some(before)); }>
                        {locale.text(T::AuditMore)}
                    </button>
                }.into_any(),
                (true, None) if !entries.with(Vec::is_empty) => view! { <p class="muted">{locale.text(T::AuditEnd)}</p> }.into_any(),
                _ => ().into_any(),
            }}
        </Page>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use zelfregie_model::admin::AuditAction;

    fn entry(actor: Option<&str>, by_system: bool) -> AuditEntry {
        AuditEntry {
            at: time::OffsetDateTime::UNIX_EPOCH,
            actor: actor.map(Into::into),
            by_system,
            action: AuditAction::Suspend,
            subject: "r@beek.nl".into(),
            detail: None,
        }
    }

    #[test]
    fn who_did_it_is_an_address_the_portal_itself_or_an_account_gone() {
        assert_eq!(actor_text(&entry(Some("beheer@example.org"), false), Lang::Nl), "beheer@example.org");
        assert_eq!(actor_text(&entry(None, true), Lang::Nl), "Het portaal zelf");
        assert_eq!(actor_text(&entry(None, false), Lang::En), "An account that no longer exists");
    }
}
