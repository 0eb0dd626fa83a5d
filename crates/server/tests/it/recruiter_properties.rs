//! Property test of the recruiter endpoints through the real router and database (ASVS 5.0
//! 8.2.3): random canary profiles and visibility choices; for every one of the 35 partners,
//! the list, the search and the detail endpoint are asked, and no hidden canary may be in
//! any response's bytes, make a search hit, or change a count. Shown canaries must be found,
//! so a server that showed nothing would fail too. (The model's own property test runs the
//! underlying function 10 000 times; this one proves the endpoints use it.)
#![allow(missing_docs)]

use crate::common;

use axum::http::StatusCode;
use common::TestApp;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use zelfregie_domain::demo;
use zelfregie_domain::documents::Document;
use zelfregie_model::testing::{canary_profile, slugs, visibility};

/// Cases through HTTP (each asks all 35 partners).
const CASES: u32 = 100;

#[test]
fn recruiter_endpoints_never_show_what_is_hidden() {
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    let (app, recruiters, candidate) = rt.block_on(async {
        // Thousands of recruiter requests in a minute: above the production limit on purpose.
        let app = TestApp::with(|c| c.recruiter_requests_per_minute = u32::MAX).await;
        demo::seed_if_empty(&app.state).await.unwrap();
        let mut recruiters = Vec::new();
        for slug in slugs() {
            let r = app.demo_login(&format!("recruiter@{slug}.example.org")).await;
            recruiters.push((slug, r.session_cookie().unwrap()));
        }
        app.registered("eigenschap@example.org").await;
        let (id,): (i64,) = sqlx::query_as("SELECT id FROM accounts WHERE email = 'eigenschap@example.org'")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
        let candidate = zelfregie_domain::candidates::Candidate::load(&app.state.db, id).await.unwrap();
        (app, recruiters, candidate)
    });

    let versions = std::cell::Cell::new((0i64, 0i64));
    let cases_run = std::cell::Cell::new(0usize);
    let strategy = (
        any::<u64>(),
        0usize..3,
        0usize..3,
        0usize..3,
        0usize..3,
        proptest::option::of(proptest::sample::select(slugs())),
        visibility(),
    );
    let mut runner = TestRunner::new(Config { cases: CASES, failure_persistence: None, ..Config::default() });
    let result = runner.run(&strategy, |(salt, ne, nw, nc, no, employer, vis)| {
        let case = cases_run.get() + 1;
        cases_run.set(case);
        rt.block_on(async {
            let (profile, canaries) = canary_profile(salt, ne, nw, nc, no, employer);
            let db = &app.state.db;
            let (p, v) = versions.get();
            let p = Document::Profile.save(db, candidate.id, p, &profile).await.unwrap();
            let v = Document::Visibility.save(db, candidate.id, v, &vis).await.unwrap();
            versions.set((p, v));
            // Loaded after saving: the first save gives the profile its reference salt.
            let candidate = zelfregie_domain::candidates::Candidate::load(db, candidate.id).await.unwrap();

            for (i, (slug, cookie)) in recruiters.iter().enumerate() {
                let admitted = vis.admits(slug);
                let reference = app.state.reference_key.reference(slug, &candidate);
                let list = app.get("/api/recruiter/candidates", Some(cookie)).await;
                let listed = list.body["candidates"].as_array().unwrap().iter().any(|c| c["reference"] == reference);
                prop_assert_eq!(listed, admitted, "{}: listed", slug);
                let opened = app.get(&format!("/api/recruiter/candidates/{reference}"), Some(cookie)).await;
                prop_assert_eq!(opened.status == StatusCode::OK, admitted, "{}: opened", slug);
                let list_bytes = String::from_utf8_lossy(&list.raw).into_owned();
                let open_bytes = String::from_utf8_lossy(&opened.raw).into_owned();
                // Searches: every canary, for a rotating fifth of the partners per case.
                let search_here = (i + case) % 5 == 0;
                for c in &canaries {
                    let shown = admitted && c.shown(&vis);
                    prop_assert_eq!(list_bytes.contains(&c.value), shown, "{}: list and {:?}", slug, c.section);
                    prop_assert_eq!(open_bytes.contains(&c.value), shown, "{}: open and {:?}", slug, c.section);
                    if search_here {
                        let hits = app.get(&format!("/api/recruiter/candidates?q={}", c.value), Some(cookie)).await;
                        prop_assert_eq!(
                            hits.body["total"].as_u64(),
                            Some(u64::from(shown)),
                            "{}: search {:?}",
                            slug,
                            c.section
                        );
                        prop_assert_eq!(String::from_utf8_lossy(&hits.raw).contains(&c.value), shown);
                    }
                }
            }
            Ok::<(), TestCaseError>(())
        })
    });
    result.unwrap();
    println!("recruiter endpoint property test: {} cases × 35 partners", cases_run.get());
}

/// The home address goes with the contact details (issue 13): the demo candidate hides her
/// contact details, so no partner may receive "Markt 33" or "6461 EC" — only her place of
/// residence — from the list, a search, the detail, or her own "as partner X" preview. Once
/// she shows her contact details, the partners she admits get the address with them.
#[tokio::test]
async fn recruiters_get_the_home_address_only_with_the_contact_details() {
    let app = TestApp::new().await;
    demo::seed_if_empty(&app.state).await.unwrap();
    let candidate = app.login("kandidaat@example.org", demo::DEMO_PASSWORD).await.session_cookie().unwrap();
    let recruiter = app.demo_cookie("recruiter@beek.example.org").await;
    let address_parts = ["Markt", "6461 EC", "6461"];
    let replies = |contact_shown: bool| {
        let (app, candidate, recruiter) = (&app, &candidate, &recruiter);
        async move {
            let list = app.get("/api/recruiter/candidates", Some(recruiter)).await;
            let found = &list.body["candidates"][0];
            assert_eq!(found["personal"]["city"], "Kerkrade", "the place of residence is always shown");
            let reference = found["reference"].as_str().unwrap().to_owned();
            let detail = app.get(&format!("/api/recruiter/candidates/{reference}"), Some(recruiter)).await;
            let search = app.get("/api/recruiter/candidates?q=Kerkrade", Some(recruiter)).await;
            let preview = app.get("/api/me/visibility/preview/beek", Some(candidate)).await;
            assert_eq!(search.body["total"], 1);
            let address_search = app.get("/api/recruiter/candidates?q=Markt", Some(recruiter)).await;
            assert_eq!(address_search.body["total"], u64::from(contact_shown), "a search on the street");
            [list, detail, search, preview]
        }
    };
    for reply in replies(false).await {
        let bytes = String::from_utf8_lossy(&reply.raw).into_owned();
        for part in address_parts {
            assert!(!bytes.contains(part), "{part} reached a recruiter without the contact details: {bytes}");
        }
        assert!(!bytes.contains("sanne.vandijk@example.org"));
    }

    // She shows her contact details: the address comes with them.
    let id = zelfregie_domain::testing::accounts::id_by_email(app.state.db.pool(), "kandidaat@example.org")
        .await
        .unwrap()
        .unwrap();
    let mut vis = demo::candidate_visibility();
    vis.hidden_sections.clear();
    Document::Visibility.save(&app.state.db, id, 1, &vis).await.unwrap();
    for reply in replies(true).await {
        let bytes = String::from_utf8_lossy(&reply.raw).into_owned();
        assert!(bytes.contains("Markt 33 6461 EC"), "{bytes}");
    }
}

/// Property test of the filters through the real router and database: random visibility
/// choices and random values for the place, the hours and the level. For a rotating fifth
/// of the 35 partners, each filter on the candidate's own values finds her exactly when the
/// partner is admitted and the section the value is in is shown. Then every hidden value is
/// changed: each partner's answers to the same searches stay byte for byte the same
/// (membership, count and order), and a filter on a new hidden value finds nothing of her.
#[test]
fn a_hidden_field_never_changes_what_a_filter_finds() {
    use zelfregie_model::profile::{Education, EducationLevel};
    use zelfregie_model::{Hours, Section, Visibility, WorkLevel};

    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    let (app, recruiters, candidate) = rt.block_on(async {
        let app = TestApp::with(|c| c.recruiter_requests_per_minute = u32::MAX).await;
        demo::seed_if_empty(&app.state).await.unwrap();
        zelfregie_domain::seed::candidates(&app.state, 20).await.unwrap();
        let mut recruiters = Vec::new();
        for slug in slugs() {
            let r = app.demo_login(&format!("recruiter@{slug}.example.org")).await;
            recruiters.push((slug, r.session_cookie().unwrap()));
        }
        app.registered("facet@example.org").await;
        let id = app.account_id("facet@example.org").await;
        let candidate = zelfregie_domain::candidates::Candidate::load(&app.state.db, id).await.unwrap();
        (app, recruiters, candidate)
    });
    let levels =
        [EducationLevel::Vmbo, EducationLevel::Mbo, EducationLevel::Havo, EducationLevel::Hbo, EducationLevel::Wo];
    #[derive(Clone, Debug)]
    struct Values {
        place: String,
        hours: u16,
        level: EducationLevel,
    }
    let values = (
        0u16..=600,
        proptest::sample::select(levels.to_vec()),
        proptest::sample::select(vec!["Kerkrade", "Heerlen", "Landgraaf", "Eijsden", "Simpelveld"]),
    )
        .prop_map(|(hours, level, place)| Values { place: place.to_owned(), hours, level });
    let versions = std::cell::Cell::new((0i64, 0i64));
    let cases_run = std::cell::Cell::new(0usize);
    let strategy = (visibility(), values.clone(), values);
    let mut runner = TestRunner::new(Config { cases: 40, failure_persistence: None, ..Config::default() });
    let save = |values: &Values, vis: &Visibility| {
        let mut profile = demo::candidate_profile();
        profile.personal.city = values.place.clone();
        profile.availability.hours_per_week = Some(Hours::tenths(values.hours));
        profile.education = vec![Education { level: values.level, ..Education::default() }];
        let (app, candidate, versions) = (&app, &candidate, &versions);
        let vis = vis.clone();
        async move {
            let (p, v) = versions.get();
            let p = Document::Profile.save(&app.state.db, candidate.id, p, &profile).await.unwrap();
            let v = Document::Visibility.save(&app.state.db, candidate.id, v, &vis).await.unwrap();
            versions.set((p, v));
        }
    };
    // The searches for `values`: each filter alone and all at once, with what each needs shown.
    let searches = |v: &Values| {
        let rank = zelfregie_model::recruiter_search::education_rank(v.level).unwrap();
        let level = WorkLevel::ALL.into_iter().rev().find(|l| l.rank() <= rank).unwrap_or(WorkLevel::Mbo);
        let hours = Hours::tenths(v.hours).written(',');
        vec![
            (format!("place={}", v.place.to_lowercase()), vec![Section::Personal], true),
            (format!("hours_min={hours}&hours_max={hours}"), vec![Section::Availability], true),
            (format!("level={}", level.as_str()), vec![Section::Education], rank >= 2),
            (
                format!("place={}&hours_min={hours}&level={}", v.place, level.as_str()),
                vec![Section::Personal, Section::Availability, Section::Education],
                rank >= 2,
            ),
        ]
    };
    let result = runner.run(&strategy, |(vis, before, other)| {
        let case = cases_run.get() + 1;
        cases_run.set(case);
        rt.block_on(async {
            save(&before, &vis).await;
            let candidate = zelfregie_domain::candidates::Candidate::load(&app.state.db, candidate.id).await.unwrap();
            let asked: Vec<_> =
                recruiters.iter().enumerate().filter(|(i, _)| (i + case) % 5 == 0).map(|(_, r)| r).collect();
            let mut answers = Vec::new();
            for (slug, cookie) in &asked {
                let reference = app.state.reference_key.reference(slug, &candidate);
                for (params, needs, reachable) in searches(&before) {
                    let r = app.get(&format!("/api/recruiter/candidates?per_page=200&{params}"), Some(cookie)).await;
                    prop_assert_eq!(r.status, StatusCode::OK);
                    let found = r.body["candidates"].as_array().unwrap().iter().any(|c| c["reference"] == reference);
                    let shown = vis.admits(slug) && needs.iter().all(|s| vis.shows(*s)) && reachable;
                    prop_assert_eq!(found, shown, "{}: {}", slug, params);
                    answers.push(r.raw.clone());
                }
            }
            // Every value the partners do not see is changed; what they do see stays.
            let mut after = before.clone();
            let hidden = |s: Section| !vis.listed || !vis.shows(s);
            if hidden(Section::Personal) {
                after.place = other.place.clone();
            }
            if hidden(Section::Availability) {
                after.hours = other.hours;
            }
            if hidden(Section::Education) {
                after.level = other.level;
            }
            save(&after, &vis).await;
            let mut again = Vec::new();
            for (slug, cookie) in &asked {
                let reference = app.state.reference_key.reference(slug, &candidate);
                for (params, _, _) in searches(&before) {
                    let r = app.get(&format!("/api/recruiter/candidates?per_page=200&{params}"), Some(cookie)).await;
                    again.push(r.raw.clone());
                }
                for (params, needs, _) in searches(&after) {
                    let r = app.get(&format!("/api/recruiter/candidates?per_page=200&{params}"), Some(cookie)).await;
                    let found = r.body["candidates"].as_array().unwrap().iter().any(|c| c["reference"] == reference);
                    if needs.iter().any(|s| hidden(*s)) || !vis.admits(slug) {
                        prop_assert!(!found, "{}: {} found her on a hidden value", slug, params);
                    }
                }
            }
            prop_assert!(answers == again, "a hidden value changed an answer");
            Ok::<(), TestCaseError>(())
        })
    });
    result.unwrap();
    println!("recruiter filter property test: {} cases", cases_run.get());
}
