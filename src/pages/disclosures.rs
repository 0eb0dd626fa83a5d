//! Wie zag mijn gegevens: every time a partner's recruiter opened the profile or got it in a
//! search result, grouped by partner, newest first.

use leptos::prelude::*;
use zelfregie_model::{Disclosure, DisclosurePage};

use crate::api;
use crate::components::loaded::Loaded;
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

/// The part of the log loaded so far: the first page, then each "Toon oudere meldingen"
/// appends the next.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LoadedLog {
    /// The entries, newest first.
    pub entries: Vec<Disclosure>,
    /// Entries in the whole log.
    pub total: u64,
    /// The last page loaded (0 before the first).
    pub pages: u32,
}

impl LoadedLog {
    /// With `page` added: page 1 starts over, the next page is appended, any other page
    /// (already there, or out of turn) changes nothing.
    pub fn with_page(mut self, page: DisclosurePage) -> Self {
        if page.page == 1 {
            self = LoadedLog::default();
        }
        if page.page == self.pages + 1 {
            self.entries.extend(page.entries);
            self.total = page.total;
            self.pages = page.page;
        }
        self
    }

    /// Whether older entries are still to be loaded.
    pub fn has_more(&self) -> bool {
        (self.entries.len() as u64) < self.total
    }
}

/// The disclosure log page.
#[component]
pub fn DisclosuresPage() -> impl IntoView {
    let locale = Locale::get();
    // The page asked for; what came so far is kept, and each page is added to it.
    let wanted = RwSignal::new(1u32);
    let so_far = StoredValue::new(LoadedLog::default());
    let log = LocalResource::new(move || {
        let number = wanted.get();
        async move {
            let page = api::disclosures(number).await?;
            let log = so_far.try_get_value().unwrap_or_default().with_page(page);
            so_far.try_set_value(log.clone());
            Ok(log)
        }
    });
    let loading = RwSignal::new(false);
    let more = move || log.get().is_some_and(|l| l.is_ok_and(|l| l.has_more()));
    let t = move |k: T| k.get(locale.lang());
    let entries = move |log: LoadedLog| {
        if log.entries.is_empty() {
            return view! { <p>{t(T::DisclosuresNone)}</p> }.into_any();
        }
        group_by_partner(log.entries).into_iter().map(|(_, entries)| {
            let name = entries[0].partner.name.clone();
            let count: u32 = entries.iter().map(|d| d.count).sum();
            view! {
                <section class="disclosure-group">
                    <h2>{name} <span class="count">{format!(" ({count} {})", t(T::DisclosureCount))}</span></h2>
                    <ul class="disclosures">
                        {entries.into_iter().map(|d| {
                            let what = crate::i18n::disclosure_text(d.kind);
                            let sections = d.sections.iter().map(|s| t(section_name(*s))).collect::<Vec<_>>().join(", ");
                            view! {
                                <li>
                                    <strong>{date_time(d.at, locale.lang())}</strong> " " {t(what)}
                                    {(d.count > 1).then(|| format!(" ({} {})", d.count, t(T::DisclosureCount)))}
                                    {(!sections.is_empty()).then(|| view! { <br/><span class="muted">{t(T::DisclosureSections)} ": " {sections.clone()}</span> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            }
        }).collect_view().into_any()
    };
    view! {
        <Page title=T::DisclosuresTitle>
            <p>{locale.text(T::DisclosuresIntro)}</p>
            // Older entries are added below what is shown; it stays while they load.
            <div class="disclosure-log" aria-busy=move || loading.get().to_string()>
                <Loaded resource=log keep=true set_pending=loading children=entries/>
            </div>
            <Show when=more>
                <button type="button" class="button-secondary"
                    on:click=move |_| wanted.set(so_far.get_value().pages + 1)>{locale.text(T::DisclosuresOlder)}</button>
            </Show>
            <WithdrawalsTold/>
        </Page>
    }
}

/// The partners told that the profile was withdrawn (their recruiters had opened it in the
/// last 12 months), and when; nothing when none were.
#[component]
fn WithdrawalsTold() -> impl IntoView {
    let locale = Locale::get();
    let told = RwSignal::new(Vec::<zelfregie_model::disclosure::WithdrawalTold>::new());
    leptos::task::spawn_local(async move {
        if let Ok(list) = api::withdrawals().await {
            let _ = told.try_set(list);
        }
    });
    move || {
        let list = told.get();
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .map(|w| view! { <li>{w.partner.clone()} " — " {date_time(w.at, locale.lang())}</li> })
                .collect_view();
            view! {
                <section aria-labelledby="h-withdrawals">
                    <h2 id="h-withdrawals">{locale.text(T::WithdrawalsHeading)}</h2>
                    <p>{locale.text(T::WithdrawalsText)}</p>
                    <ul class="withdrawals">{items}</ul>
                </section>
            }
        })
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
            kind: zelfregie_model::DisclosureKind::Opened,
            sections: vec![],
        }
    }

    fn page(number: u32, minutes: &[u8], total: u64) -> DisclosurePage {
        DisclosurePage { entries: minutes.iter().map(|m| d("beek", *m)).collect(), page: number, per_page: 2, total }
    }

    #[test]
    fn older_pages_are_appended_once_and_in_turn() {
        let log = LoadedLog::default().with_page(page(1, &[9, 8], 5));
        assert!(log.has_more());
        let log = log.with_page(page(2, &[7, 6], 5));
        assert_eq!(log.entries.iter().map(|e| e.at.minute()).collect::<Vec<_>>(), [9, 8, 7, 6]);
        // The same page again, or one out of turn, changes nothing.
        assert_eq!(log.clone().with_page(page(2, &[7, 6], 5)), log);
        assert_eq!(log.clone().with_page(page(4, &[1], 5)), log);
        let log = log.with_page(page(3, &[5], 5));
        assert_eq!((log.entries.len(), log.pages, log.has_more()), (5, 3, false));
        // Page 1 again starts over.
        assert_eq!(log.with_page(page(1, &[9], 1)).entries.len(), 1);
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
