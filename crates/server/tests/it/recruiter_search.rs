//! The candidate index behind recruiter list and search (docs/storage.md "Recruiter
//! search"): a word a partner may not see finds nothing, a change of the profile or the
//! visibility choices applies to the very next search, two devices saving at once leave the
//! index equal to what is stored, pages follow one another in reference order and add up to
//! the total, and deleting the profile or the account empties the index.
#![allow(missing_docs)]

use std::collections::BTreeSet;

use axum::http::StatusCode;
use zelfregie_domain::candidates::{view_for, Candidate};
use zelfregie_domain::testing::Backend;
use zelfregie_model::{Audience, Profile, Section, Visibility};

use crate::common::{brute_force, search_pages, TestApp};

/// Per candidate: `(partner, reference)` rows, the search text, the facets the filters read.
type Index = (BTreeSet<(i64, String)>, Option<String>, Option<Facets>);
type Facets = (Option<String>, Option<i64>, Option<i64>);

/// What the index should hold for `id`: built from the stored documents with `view_for`.
async fn expected(app: &TestApp, id: i64) -> Index {
    let db = &app.state.db;
    let Some((profile, _)) = zelfregie_domain::testing::documents::load(db.pool(), Table::Profiles, id).await.unwrap()
    else {
        return (BTreeSet::new(), None, None);
    };
    let Some((vis, _)) = zelfregie_domain::testing::documents::load(db.pool(), Table::Visibility, id).await.unwrap()
    else {
        return (BTreeSet::new(), None, None);
    };
    let profile: Profile = serde_json::from_str(&profile).unwrap();
    let vis: Visibility = serde_json::from_str(&vis).unwrap();
    let candidate = Candidate::load(db, id).await.unwrap();
    let mut access = BTreeSet::new();
    let mut text = None;
    let mut facets = None;
    for (partner_id, slug) in zelfregie_domain::testing::candidate_index::partners(db.pool()).await.unwrap() {
        if let Some(view) = view_for(&app.state.reference_key, &candidate, &profile, &vis, &slug) {
            text = Some(view.search_text());
            facets = Some(zelfregie_domain::testing::candidate_index::stored_facets(&view.facets()));
            access.insert((partner_id, view.reference));
        }
    }
    (access, text, facets)
}

use zelfregie_domain::testing::documents::Table;

/// What the index holds for `id`.
async fn stored(app: &TestApp, id: i64) -> Index {
    let db = &app.state.db;
    let access: Vec<(i64, String)> =
        sqlx::query_as("SELECT partner_id, reference FROM candidate_access WHERE account_id = $1")
            .bind(id)
            .fetch_all(db.pool())
            .await
            .unwrap();
    let sql = match db.backend() {
        Backend::Sqlite => "SELECT body FROM candidate_text WHERE rowid = $1",
        Backend::Postgres => "SELECT body FROM candidate_text WHERE account_id = $1",
    };
    let text: Option<String> = sqlx::query_scalar(sql).bind(id).fetch_optional(db.pool()).await.unwrap();
    let facets: Option<Facets> =
        sqlx::query_as("SELECT place, hours, level FROM candidate_facets WHERE account_id = $1")
            .bind(id)
            .fetch_optional(db.pool())
            .await
            .unwrap();
    (access.into_iter().collect(), text, facets)
}

fn profile_with(words: &str, secret: &str) -> Profile {
    let mut p = zelfregie_domain::demo::candidate_profile();
    p.personal.first_name = "Zoekeline".into();
    p.personal.employment = zelfregie_model::profile::Employment::External;
    p.contact.email = format!("{secret}@example.org");
    p.competences = words.split(' ').map(str::to_owned).collect();
    p
}

fn total(reply: &crate::common::Reply) -> u64 {
    assert_eq!(reply.status, StatusCode::OK, "{}", String::from_utf8_lossy(&reply.raw));
    reply.body["total"].as_u64().unwrap()
}

#[tokio::test]
async fn hidden_words_find_nothing_and_changes_apply_to_the_next_search() {
    let app = TestApp::with(|c| c.recruiter_requests_per_minute = 10_000).await;
    zelfregie_domain::demo::seed_if_empty(&app.state).await.unwrap();
    let person = app.registered("zoeker@example.org").await;
    let id = app.account_id("zoeker@example.org").await;
    let beek = app.demo_cookie("recruiter@beek.example.org").await;
    let brunssum = app.demo_cookie("recruiter@brunssum.example.org").await;
    let profile = serde_json::to_value(profile_with("Qwertyvaardig Plannen", "geheimwoord")).unwrap();
    let r = app.put_versioned("/api/me/profile", &profile, &person, "\"profile-0\"").await;
    assert_eq!(r.status, StatusCode::OK, "{}", String::from_utf8_lossy(&r.raw));
    let mut vis = Visibility {
        listed: true,
        audience: Audience::AllPartners,
        hidden_sections: BTreeSet::from([Section::Contact]),
        anonymous: false,
        consent_text_version: Some(zelfregie_model::listing::current().version),
    };
    let mut version = 0;
    let mut save = |vis: Visibility| {
        version += 1;
        let etag = format!("\"visibility-{}\"", version - 1);
        let (app, person) = (&app, &person);
        async move {
            let r = app.put_versioned("/api/me/visibility", &serde_json::to_value(vis).unwrap(), person, &etag).await;
            assert_eq!(r.status, StatusCode::OK, "{}", String::from_utf8_lossy(&r.raw));
        }
    };
    save(vis.clone()).await;
    let search = |q: &'static str, who: &'static str| {
        let cookie = if who == "beek" { beek.clone() } else { brunssum.clone() };
        let app = &app;
        async move { total(&app.get(&format!("/api/recruiter/candidates?q={q}"), Some(&cookie)).await) }
    };

    // The hidden contact details: their words find nothing, nor does any start of them.
    assert_eq!(search("geheimwoord", "beek").await, 0);
    assert_eq!(search("geheim", "beek").await, 0);
    assert_eq!(search("qwertyvaardig", "beek").await, 1, "a shown word");
    assert_eq!(search("QWERTY", "beek").await, 1, "the start of a word, any case");
    assert_eq!(search("qwerty%20zoekeline", "beek").await, 1, "every word");
    assert_eq!(search("qwerty%20geheimwoord", "beek").await, 0, "every word, one of them hidden");
    assert!(!stored(&app, id).await.1.unwrap().contains("geheimwoord"), "not even in the index");

    // She hides her competences: gone at the next search, and from the index.
    vis.hidden_sections.insert(Section::Competences);
    save(vis.clone()).await;
    assert_eq!(search("qwertyvaardig", "beek").await, 0);
    assert!(!stored(&app, id).await.1.unwrap().contains("qwertyvaardig"));
    assert_eq!(search("zoekeline", "beek").await, 1, "the rest stays findable");

    // Shown again, then Beek withdrawn: Beek finds nothing, lists nothing, opens nothing.
    vis.hidden_sections.remove(&Section::Competences);
    save(vis.clone()).await;
    let list = app.get("/api/recruiter/candidates?per_page=200", Some(&beek)).await;
    let reference = list.body["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["display_name"].as_str().unwrap().starts_with("Zoekeline"))
        .unwrap()["reference"]
        .as_str()
        .unwrap()
        .to_owned();
    vis.audience = Audience::AllExcept { partners: BTreeSet::from(["beek".to_owned()]) };
    save(vis.clone()).await;
    assert_eq!(search("qwertyvaardig", "beek").await, 0);
    assert_eq!(search("qwertyvaardig", "brunssum").await, 1, "others still find her");
    let list = app.get("/api/recruiter/candidates?per_page=200", Some(&beek)).await;
    assert!(!String::from_utf8_lossy(&list.raw).contains("Zoekeline"));
    let opened = app.get(&format!("/api/recruiter/candidates/{reference}"), Some(&beek)).await;
    assert_eq!(opened.status, StatusCode::NOT_FOUND);

    // Out of the bank altogether.
    vis.listed = false;
    save(vis.clone()).await;
    assert_eq!(search("qwertyvaardig", "brunssum").await, 0);
    assert_eq!(stored(&app, id).await, (BTreeSet::new(), None, None));
}

/// Two devices: one saves the profile while the other saves the visibility choices, twenty
/// times, at once; and both save the profile from the same version (one wins). Each time the
/// index is what `view_for` makes of what is stored.
#[tokio::test]
async fn two_devices_saving_at_once_leave_the_index_equal_to_what_is_stored() {
    let app = TestApp::demo().await;
    let person = app.registered("twee@example.org").await;
    let id = app.account_id("twee@example.org").await;
    let slugs: Vec<String> = zelfregie_model::Partner::all().into_iter().map(|p| p.slug).collect();
    let (mut p, mut v) = (0, 0);
    for round in 0..20usize {
        let profile = serde_json::to_value(profile_with(&format!("Ronde{round} Woord{}", round * 7), "x")).unwrap();
        let vis = Visibility {
            listed: round % 5 != 4,
            audience: match round % 3 {
                0 => Audience::AllPartners,
                1 => Audience::Only { partners: slugs.iter().skip(round).take(3).cloned().collect() },
                _ => Audience::AllExcept { partners: slugs.iter().skip(round).take(2).cloned().collect() },
            },
            hidden_sections: if round % 2 == 0 { BTreeSet::from([Section::Competences]) } else { BTreeSet::new() },
            anonymous: round % 4 == 1,
            consent_text_version: Some(zelfregie_model::listing::current().version),
        };
        let (profile_tag, vis_tag, vis_json) =
            (format!("\"profile-{p}\""), format!("\"visibility-{v}\""), serde_json::to_value(&vis).unwrap());
        let (a, b) = tokio::join!(
            app.put_versioned("/api/me/profile", &profile, &person, &profile_tag),
            app.put_versioned("/api/me/visibility", &vis_json, &person, &vis_tag),
        );
        assert_eq!((a.status, b.status), (StatusCode::OK, StatusCode::OK));
        (p, v) = (p + 1, v + 1);
        assert_eq!(stored(&app, id).await, expected(&app, id).await, "round {round}");

        // The same document from the same version on two devices: one is refused (412).
        let other = serde_json::to_value(profile_with(&format!("Ander{round}"), "x")).unwrap();
        let tag = format!("\"profile-{p}\"");
        let (a, b) = tokio::join!(
            app.put_versioned("/api/me/profile", &profile, &person, &tag),
            app.put_versioned("/api/me/profile", &other, &person, &tag),
        );
        let mut statuses = [a.status, b.status];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::OK, StatusCode::PRECONDITION_FAILED]);
        p += 1;
        assert_eq!(stored(&app, id).await, expected(&app, id).await, "round {round}, one profile twice");
    }
}

/// Synthetic candidates with random audiences: for a partner, the pages follow one another
/// in reference order without repeats, add up to the total, and the total is what
/// `view_for` says for every candidate (with and without a search); disclosures are logged
/// for the page that was shown.
#[tokio::test]
async fn pages_add_up_to_what_view_for_shows() {
    let app = TestApp::with(|c| c.recruiter_requests_per_minute = 10_000).await;
    zelfregie_domain::demo::seed_if_empty(&app.state).await.unwrap();
    zelfregie_domain::seed::candidates(&app.state, 60).await.unwrap();
    let beek = app.demo_cookie("recruiter@beek.example.org").await;
    let ids: Vec<i64> =
        sqlx::query_scalar("SELECT account_id FROM profiles").fetch_all(app.state.db.pool()).await.unwrap();
    for q in ["", "kerkrade", "beleids", "sql%20samenwerken"] {
        // Brute force: every candidate through view_for.
        let mut want = BTreeSet::new();
        for id in &ids {
            let db = &app.state.db;
            let (profile, _) =
                zelfregie_domain::testing::documents::load(db.pool(), Table::Profiles, *id).await.unwrap().unwrap();
            let (vis, _) =
                zelfregie_domain::testing::documents::load(db.pool(), Table::Visibility, *id).await.unwrap().unwrap();
            let (profile, vis): (Profile, Visibility) =
                (serde_json::from_str(&profile).unwrap(), serde_json::from_str(&vis).unwrap());
            let candidate = Candidate::load(db, *id).await.unwrap();
            if let Some(view) = view_for(&app.state.reference_key, &candidate, &profile, &vis, "beek") {
                if view.matches(&q.replace("%20", " ")) {
                    want.insert(view.reference);
                }
            }
        }
        let mut got = Vec::new();
        let mut after = String::new();
        loop {
            let page = app.get(&format!("/api/recruiter/candidates?q={q}&per_page=7&after={after}"), Some(&beek)).await;
            assert_eq!(total(&page), want.len() as u64, "q={q}");
            let refs: Vec<String> = page.body["candidates"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["reference"].as_str().unwrap().to_owned())
                .collect();
            assert!(refs.len() <= 7);
            got.extend(refs);
            match page.body["next"].as_str() {
                Some(next) => after = next.to_owned(),
                None => break,
            }
        }
        let mut sorted = got.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(got, sorted, "q={q}: in reference order, no repeats");
        assert_eq!(got.into_iter().collect::<BTreeSet<_>>(), want, "q={q}");
        assert!(q.is_empty() || !want.is_empty() || q.contains("sql"), "the synthetic data has hits for {q}");
    }
    assert!(app.get("/api/recruiter/candidates?per_page=0", Some(&beek)).await.status.is_client_error());
    assert!(app.get("/api/recruiter/candidates?per_page=201", Some(&beek)).await.status.is_client_error());

    // One page of three shown to a fresh partner: three disclosures.
    let sittard = app.demo_cookie("recruiter@vaals.example.org").await;
    let page = app.get("/api/recruiter/candidates?per_page=3", Some(&sittard)).await;
    assert_eq!(page.body["candidates"].as_array().unwrap().len(), 3);
    let logged: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM disclosures d JOIN partners p ON p.id = d.partner_id WHERE p.slug = 'vaals'",
    )
    .fetch_one(app.state.db.pool())
    .await
    .unwrap();
    assert_eq!(logged, 3);
}

/// Deleting the profile, erasing the account: the index has nothing left of either. An index
/// built by an older version is rebuilt at start from what is stored.
#[tokio::test]
async fn deletion_empties_the_index_and_an_old_index_is_rebuilt() {
    let app = TestApp::demo().await;
    zelfregie_domain::seed::candidates(&app.state, 5).await.unwrap();
    let ids: Vec<i64> = sqlx::query_scalar("SELECT account_id FROM profiles ORDER BY account_id")
        .fetch_all(app.state.db.pool())
        .await
        .unwrap();
    let before: Vec<Index> = futures_util::future::join_all(ids.iter().map(|id| stored(&app, *id))).await;
    for (id, index) in ids.iter().zip(&before) {
        assert_eq!(index, &expected(&app, *id).await);
    }

    // Rebuilt: the version forgotten and the rows gone, as before the index existed.
    sqlx::query("DELETE FROM derived_versions").execute(app.state.db.pool()).await.unwrap();
    sqlx::query("DELETE FROM candidate_access").execute(app.state.db.pool()).await.unwrap();
    sqlx::query("DELETE FROM candidate_text").execute(app.state.db.pool()).await.unwrap();
    sqlx::query("DELETE FROM candidate_facets").execute(app.state.db.pool()).await.unwrap();
    zelfregie_domain::candidates::rebuild_index_if_old(&app.state.db).await.unwrap();
    let after: Vec<Index> = futures_util::future::join_all(ids.iter().map(|id| stored(&app, *id))).await;
    assert_eq!(after, before);

    let listed: Vec<i64> = ids.iter().zip(&before).filter(|(_, i)| i.1.is_some()).map(|(id, _)| *id).collect();
    assert!(listed.len() >= 2, "the synthetic data lists most candidates");
    zelfregie_domain::candidates::delete_profile(&app.state.db, listed[0]).await.unwrap();
    assert_eq!(stored(&app, listed[0]).await, (BTreeSet::new(), None, None), "profile deleted");
    zelfregie_domain::testing::accounts::delete(app.state.db.pool(), listed[1]).await.unwrap();
    assert_eq!(stored(&app, listed[1]).await, (BTreeSet::new(), None, None), "account erased");
}

/// Every page of a search, counting up to `counted`: the references in the order shown,
/// and each page's `total` and `more`.
async fn all_pages(app: &TestApp, partner: (i64, &str), q: &str, counted: usize) -> (Vec<String>, Vec<(usize, bool)>) {
    let (mut got, mut totals) = (Vec::new(), Vec::new());
    for page in search_pages(app, partner, q, &zelfregie_model::CandidateFilter::default(), 4, counted).await {
        assert!(page.hits.len() <= 4);
        got.extend(page.hits.iter().map(|(_, v)| v.reference.clone()));
        totals.push((page.total, page.more));
    }
    (got, totals)
}

/// The count stops at the cap and chooses how a page is found (docs/storage.md "Recruiter
/// search"): sorting the matches up to the cap, walking the partner's rows beyond it. With
/// the cap just below, at and just above the true number of matches, the pages are the
/// same, in reference order, and `total`/`more` are right; the two plans give the same page
/// from every cursor; and a candidate who hides what matched is gone at the next search,
/// whichever plan finds the page.
#[tokio::test]
async fn the_capped_count_and_both_plans_find_the_same_candidates() {
    use zelfregie_domain::testing::candidate_index::{self, Plan};
    let app = TestApp::with(|c| c.recruiter_requests_per_minute = 10_000).await;
    zelfregie_domain::demo::seed_if_empty(&app.state).await.unwrap();
    zelfregie_domain::seed::candidates(&app.state, 40).await.unwrap();
    let db = &app.state.db;
    let partners = candidate_index::partners(db.pool()).await.unwrap();
    let beek = partners.iter().find(|(_, s)| s == "beek").map(|(id, _)| *id).unwrap();

    for q in ["", "kerkrade", "beleids", "sql", "klant samen", "a", "e", "onbekendwoord"] {
        let want = brute_force(&app, "beek", q, None).await;
        let n = want.len();
        assert!(q.starts_with("onbekend") || n > 0, "the synthetic data has hits for {q:?}");
        for counted in [n.saturating_sub(1), n, n + 1, 0, 1] {
            let (got, totals) = all_pages(&app, (beek, "beek"), q, counted).await;
            assert_eq!(got.iter().cloned().collect::<BTreeSet<_>>(), want, "q={q:?} counted={counted}");
            assert!(got.windows(2).all(|w| w[0] < w[1]), "q={q:?} counted={counted}: in order, no repeats");
            for (total, more) in totals {
                assert_eq!(total, n.min(counted), "q={q:?} counted={counted}");
                assert_eq!(more, n > counted, "q={q:?} counted={counted}");
            }
        }
        if q.is_empty() {
            continue;
        }
        // The two plans, from the start and after every reference, with small and big pages.
        let text = candidate_index::Criteria::text(&candidate_index::text_query(
            db.backend(),
            &zelfregie_model::search_words(q),
        ));
        for after in std::iter::once(String::new()).chain(want.iter().cloned()) {
            for limit in [1, 3, 100] {
                let page = |plan| candidate_index::page(db.pool(), db.backend(), beek, &text, &after, limit, plan);
                let (by_reference, by_match) =
                    (page(Plan::ByReference).await.unwrap(), page(Plan::ByMatch).await.unwrap());
                assert_eq!(by_reference, by_match, "q={q:?} after={after:?} limit={limit}");
                let expected: Vec<&String> =
                    want.range(after.clone()..).filter(|r| **r > after).take(limit as usize).collect();
                assert_eq!(by_match.iter().map(|(_, r)| r).collect::<Vec<_>>(), expected);
            }
        }
        for cap in [0, 1, n as i64, n as i64 + 1, 10_000] {
            let counted = candidate_index::count(db.pool(), db.backend(), beek, &text, cap).await.unwrap();
            assert_eq!(counted, (n as i64).min(cap), "q={q:?} cap={cap}");
        }
    }

    // A candidate with a word of her own, found by both plans; she hides it: gone at once.
    let person = app.registered("verstopt@example.org").await;
    let profile = serde_json::to_value(profile_with("Zwaluwstaartvaardig Plannen", "geheim")).unwrap();
    let r = app.put_versioned("/api/me/profile", &profile, &person, "\"profile-0\"").await;
    assert_eq!(r.status, StatusCode::OK, "{}", String::from_utf8_lossy(&r.raw));
    let mut vis = Visibility {
        listed: true,
        audience: Audience::AllPartners,
        hidden_sections: BTreeSet::new(),
        anonymous: false,
        consent_text_version: Some(zelfregie_model::listing::current().version),
    };
    let r = app
        .put_versioned("/api/me/visibility", &serde_json::to_value(&vis).unwrap(), &person, "\"visibility-0\"")
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", String::from_utf8_lossy(&r.raw));
    for q in ["zwaluw", "zwaluwstaart plannen", "plan zwaluwstaartvaardig"] {
        // counted 0: beyond the cap (walk the partner's rows); 1000: below it (sort the matches).
        for counted in [0, 1000] {
            let (got, _) = all_pages(&app, (beek, "beek"), q, counted).await;
            assert_eq!(got.len(), 1, "q={q:?} counted={counted}");
        }
    }
    vis.hidden_sections.insert(Section::Competences);
    let r = app
        .put_versioned("/api/me/visibility", &serde_json::to_value(&vis).unwrap(), &person, "\"visibility-1\"")
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", String::from_utf8_lossy(&r.raw));
    for counted in [0, 1000] {
        let (got, totals) = all_pages(&app, (beek, "beek"), "zwaluw", counted).await;
        assert!(got.is_empty(), "counted={counted}");
        assert_eq!(totals, vec![(0, false)]);
    }
    let reply =
        app.get("/api/recruiter/candidates?q=zwaluw", Some(&app.demo_cookie("recruiter@beek.example.org").await)).await;
    assert_eq!(total(&reply), 0);
}
