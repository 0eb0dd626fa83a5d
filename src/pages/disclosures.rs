//! Wie zag mijn gegevens: every time a partner's recruiter opened the profile or got it in a
//! search result (seed 000 art. 14.3), grouped by partner, newest first.

use leptos::prelude::*;
use leptos::task::spawn_local;
use zelfregie_model::{Disclosure, DisclosureKind};

use crate::api::{self, ClientError};
use crate::components::notice::{ErrorNotice, Loading};
use crate::components::page::Page;
use crate::format::date_time;
use crate::i18n::{section_name, T};
use crate::locale::Locale;

/// Groups a newest-first log by partner, keeping the order of each partner's latest entry.
pub fn group_by_partner(log: Vec<Disclosure>) -> Vec<(String, Vec<Disclosure>)> {
    let mut groups: Vec<(String, Vec<Disclosure>)> = Vec::new();
    for d in log {
        match groups.iter_mut().find(|(slug, _)| *slug == d.partner.slug) {
            Some((_, list)) => list.push(d),
            None => groups.push((d.partner.slug.clone(), vec![d])),
        }
    }
    groups
}

/// The disclosure log page.
#[component]
pub fn DisclosuresPage() -> impl IntoView {
    let locale = Locale::get();
    let log = RwSignal::new(None::<Result<Vec<Disclosure>, ClientError>>);
    // Entries in the whole log and the last page loaded: "Toon oudere" loads the next.
    let total = RwSignal::new(0u64);
    let page = RwSignal::new(0u32);
    let load_more = move || {
        let next = page.get_untracked() + 1;
        spawn_local(async move {
            match api::disclosures(next).await {
                Ok(p) => {
                    total.set(p.total);
                    page.set(next);
                    log.update(|log| match log {
                        Some(Ok(list)) => list.extend(p.entries),
                        other => *other = Some(Ok(p.entries)),
                    });
                }
                Err(e) => log.set(Some(Err(e))),
            }
        })
    };
    load_more();
    let more = move || log.with(|l| matches!(l, Some(Ok(list)) if (list.len() as u64) < total.get()));
    let t = move |k: T| k.get(locale.lang());
    view! {
        <Page title=T::DisclosuresTitle>
            <p>{locale.text(T::DisclosuresIntro)}</p>
            {move || match log.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(e)) => view! { <ErrorNotice error=e/> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p>{locale.text(T::DisclosuresNone)}</p> }.into_any(),
                Some(Ok(list)) => group_by_partner(list).into_iter().map(|(_, entries)| {
                    let name = entries[0].partner.name.clone();
                    let count: u32 = entries.iter().map(|d| d.count).sum();
                    view! {
                        <section class="disclosure-group">
                            <h2>{name} <span class="count">{format!(" ({count} {})", t(T::DisclosureCount))}</span></h2>
                            <ul class="disclosures">
                                {entries.into_iter().map(|d| {
                                    let what = match d.kind { DisclosureKind::Opened => T::DisclosureOpened, DisclosureKind::SearchResult => T::DisclosureSearch };
                                    let sections = d.sections.iter().map(|s| t(section_name(*s))).collect::<Vec<_>>().join(", ");
                                    view! {
                                        <li>
                                            <strong>{date_time(d.at, locale.lang())}</strong> " " {t(what)}
                                            {(d.count > 1).then(|| format!(" ({} {})", d.count, t(T::DisclosureCount)))}
                                            <br/><span class="muted">{t(T::DisclosureSections)} ": " {sections}</span>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </section>
                    }
                }).collect_view().into_any(),
            }}
            <Show when=more>
                <button type="button" class="button-secondary" on:click=move |_| load_more()>{locale.text(T::DisclosuresOlder)}</button>
            </Show>
        </Page>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use zelfregie_model::Partner;

    fn d(slug: &str, minute: u8) -> Disclosure {
        Disclosure {
            partner: Partner { slug: slug.into(), name: slug.into() },
            at: time::macros::datetime!(2026-11-22 10:00 UTC) + time::Duration::minutes(minute.into()),
            first_at: time::macros::datetime!(2026-11-22 10:00 UTC),
            count: 1,
            kind: DisclosureKind::Opened,
            sections: vec![],
        }
    }

    #[test]
    fn groups_keep_newest_first_order() {
        let groups =
            group_by_partner(vec![d("beek", 9), d("brunssum", 8), d("beek", 7), d("stein", 6), d("brunssum", 5)]);
        let shape: Vec<(String, usize)> = groups.iter().map(|(s, l)| (s.clone(), l.len())).collect();
        assert_eq!(shape, [("beek".into(), 2), ("brunssum".into(), 2), ("stein".into(), 1)]);
        assert!(groups[0].1[0].at > groups[0].1[1].at);
    }
}
