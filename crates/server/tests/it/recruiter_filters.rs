//! The filters of recruiter search (docs/storage.md "Recruiter search"): place of residence,
//! hours per week and level read only what the candidate shows the partner; a hidden
//! section matches no filter, and taking it back applies at the next search. Pages follow
//! one another in reference order whichever plan finds them; the parameters are checked per
//! field (422); recruiter answers are never stored by a cache.
#![allow(missing_docs)]

use std::collections::BTreeSet;

use axum::http::StatusCode;
use zelfregie_model::profile::EducationLevel;
use zelfregie_model::{Audience, FilterInput, Hours, Section, Visibility};

use crate::common::{brute_force, search_pages, TestApp};

fn input(place: &str, hours_min: &str, hours_max: &str, level: &str) -> FilterInput {
    FilterInput { place: place.into(), hours_min: hours_min.into(), hours_max: hours_max.into(), level: level.into() }
}

/// The query string of a search (values need no escaping here but `,`).
fn query(q: &str, f: &FilterInput) -> String {
    format!(
        "q={}&place={}&hours_min={}&hours_max={}&level={}",
        q.replace(' ', "%20"),
        f.place.replace(' ', "%20"),
        f.hours_min.replace(',', "%2C"),
        f.hours_max,
        f.level
    )
}

/// Synthetic candidates (some hiding availability or education): for every filter, alone and
/// with words, the pages through HTTP and through both plans add up to what `view_for` and the
/// model's filter say, in reference order without repeats; disclosures are logged as before.
#[tokio::test]
async fn filters_find_exactly_what_view_for_shows_and_passes() {
    let app = TestApp::with(|c| c.recruiter_requests_per_minute = 100_000).await;
    zelfregie_domain::demo::seed_if_empty(&app.state).await.unwrap();
    zelfregie_domain::seed::candidates(&app.state, 60).await.unwrap();
    let beek = app.demo_cookie("recruiter@beek.example.org").await;
    let partners = zelfregie_domain::testing::candidate_index::partners(app.state.db.pool()).await.unwrap();
    let beek_id = partners.iter().find(|(_, s)| s == "beek").map(|(id, _)| *id).unwrap();
    let cases = [
        ("", input("Kerkrade", "", "", "")),
        ("", input(" heerlen ", "", "", "")),
        ("", input("", "32", "32", "")),
        ("", input("", "36,5", "", "")),
        ("", input("", "", "32", "")),
        ("", input("", "", "", "hbo")),
        ("", input("", "", "", "wo")),
        ("", input("", "", "", "mbo")),
        ("beleids", input("Kerkrade", "", "", "hbo")),
        ("", input("Kerkrade", "30", "40", "mbo")),
        ("", input("Nergensdorp", "", "", "")),
    ];
    let mut nonempty = 0;
    for (q, f) in &cases {
        let want = brute_force(&app, "beek", q, Some(&f.read().unwrap())).await;
        nonempty += usize::from(!want.is_empty());
        let (mut got, mut after) = (Vec::new(), String::new());
        loop {
            let page = app
                .get(&format!("/api/recruiter/candidates?{}&per_page=5&after={after}", query(q, f)), Some(&beek))
                .await;
            assert_eq!(page.status, StatusCode::OK, "{}", String::from_utf8_lossy(&page.raw));
            assert_eq!(page.body["total"].as_u64(), Some(want.len() as u64), "{q:?} {f:?}");
            got.extend(
                page.body["candidates"].as_array().unwrap().iter().map(|c| c["reference"].as_str().unwrap().to_owned()),
            );
            match page.body["next"].as_str() {
                Some(next) => after = next.to_owned(),
                None => break,
            }
        }
        assert!(got.windows(2).all(|w| w[0] < w[1]), "{q:?} {f:?}: in order, no repeats");
        assert_eq!(got.into_iter().collect::<BTreeSet<_>>(), want, "{q:?} {f:?}");
        // Both plans, from the start and after every reference: the same pages.
        let n = want.len();
        for counted in [0, n.saturating_sub(1), n, 1000] {
            let filter = f.read().unwrap();
            let pages = search_pages(&app, (beek_id, "beek"), q, &filter, 3, counted).await;
            for page in &pages {
                assert_eq!((page.total, page.more), (n.min(counted), n > counted), "{q:?} {f:?} counted={counted}");
            }
            let got: Vec<String> =
                pages.iter().flat_map(|page| page.hits.iter().map(|(_, v)| v.reference.clone())).collect();
            assert_eq!(got.into_iter().collect::<BTreeSet<_>>(), want, "{q:?} {f:?} counted={counted}");
        }
    }
    assert!(nonempty >= 8, "the synthetic data has hits for most filters ({nonempty})");
}

/// One candidate, each filter on her shown values: found; each section hidden in turn: the
/// filter on it no longer finds her, though the value is still stored; shown again: found.
#[tokio::test]
async fn a_hidden_section_matches_no_filter_and_changes_apply_at_once() {
    let app = TestApp::with(|c| c.recruiter_requests_per_minute = 10_000).await;
    zelfregie_domain::demo::seed_if_empty(&app.state).await.unwrap();
    let person = app.registered("filter@example.org").await;
    let beek = app.demo_cookie("recruiter@beek.example.org").await;
    let mut profile = zelfregie_domain::demo::candidate_profile();
    profile.personal.first_name = "Filtrina".into();
    profile.personal.city = "Ubachsberg".into();
    profile.availability.hours_per_week = Some(Hours::tenths(285));
    profile.education.retain(|e| e.level != EducationLevel::Hbo);
    profile.education[0].level = EducationLevel::Wo;
    let r =
        app.put_versioned("/api/me/profile", &serde_json::to_value(&profile).unwrap(), &person, "\"profile-0\"").await;
    assert_eq!(r.status, StatusCode::OK, "{}", String::from_utf8_lossy(&r.raw));
    let mut vis = Visibility {
        listed: true,
        audience: Audience::AllPartners,
        hidden_sections: BTreeSet::new(),
        anonymous: true,
        consent_text_version: Some(zelfregie_model::listing::current().version),
    };
    let mut version = 0;
    let checks: [(Section, FilterInput); 3] = [
        (Section::Personal, input("ubachsberg", "", "", "")),
        (Section::Availability, input("", "28,5", "28,5", "")),
        (Section::Education, input("", "", "", "wo")),
    ];
    let found = |f: &FilterInput| {
        let url = format!("/api/recruiter/candidates?{}", query("", f));
        let (app, beek) = (&app, &beek);
        async move {
            let r = app.get(&url, Some(beek)).await;
            assert_eq!(r.status, StatusCode::OK);
            r.body["total"].as_u64().unwrap()
        }
    };
    for hidden in [None, Some(0), Some(1), Some(2), None] {
        vis.hidden_sections = hidden.map(|i: usize| BTreeSet::from([checks[i].0])).unwrap_or_default();
        let etag = format!("\"visibility-{version}\"");
        let r = app.put_versioned("/api/me/visibility", &serde_json::to_value(&vis).unwrap(), &person, &etag).await;
        assert_eq!(r.status, StatusCode::OK, "{}", String::from_utf8_lossy(&r.raw));
        version += 1;
        for (i, (section, f)) in checks.iter().enumerate() {
            let want = u64::from(hidden != Some(i));
            assert_eq!(found(f).await, want, "{section:?} with {:?} hidden", hidden.map(|h| checks[h].0));
        }
        // All three at once: only when nothing is hidden.
        let all = input("Ubachsberg", "28", "29", "hbo");
        assert_eq!(found(&all).await, u64::from(hidden.is_none()));
        // Another value of a shown field: not found.
        assert_eq!(found(&input("", "", "28", "")).await, 0);
        assert_eq!(found(&input("Ubach", "", "", "")).await, 0, "a place is matched whole");
    }
}

/// Each unusable parameter is named with its own code; the ones that are fine are not.
#[tokio::test]
async fn filter_parameters_are_checked_per_field() {
    let app = TestApp::demo().await;
    let beek = app.demo_cookie("recruiter@beek.example.org").await;
    let r =
        app.get("/api/recruiter/candidates?place=Kerkrade&hours_min=veel&hours_max=61&level=master", Some(&beek)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.code(), "validation_failed");
    let fields: Vec<(String, String)> = r.body["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["field"].as_str().unwrap().to_owned(), f["code"].as_str().unwrap().to_owned()))
        .collect();
    assert_eq!(
        fields,
        [
            ("hours_min".to_owned(), "number_invalid".to_owned()),
            ("hours_max".to_owned(), "out_of_range".to_owned()),
            ("level".to_owned(), "out_of_range".to_owned())
        ]
    );
    let r = app.get("/api/recruiter/candidates?hours_min=40&hours_max=32", Some(&beek)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.body["fields"][0]["field"], "hours_max");
    let long = "x".repeat(121);
    let r = app.get(&format!("/api/recruiter/candidates?place={long}&per_page=0"), Some(&beek)).await;
    let fields: Vec<&str> = r.body["fields"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["per_page", "place"]);
    let r = app.get("/api/recruiter/candidates?place=&hours_min=&hours_max=&level=", Some(&beek)).await;
    assert_eq!(r.status, StatusCode::OK, "empty filters are no filters");
    // A person is not a recruiter, filters or not.
    let person = app.login("kandidaat@example.org", zelfregie_domain::demo::DEMO_PASSWORD).await;
    let r = app.get("/api/recruiter/candidates?level=hbo", Some(&person.session_cookie().unwrap())).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

/// What a recruiter receives is never stored by the browser or a proxy: every answer of
/// `/api/recruiter/*` (a list, a candidate, not found, withdrawn, refused) says `no-store`.
#[tokio::test]
async fn recruiter_answers_are_never_stored() {
    let app = TestApp::demo().await;
    let beek = app.demo_cookie("recruiter@beek.example.org").await;
    let list = app.get("/api/recruiter/candidates?level=hbo", Some(&beek)).await;
    assert_eq!(list.status, StatusCode::OK);
    let reference = list.body["candidates"][0]["reference"].as_str().unwrap().to_owned();
    for (path, status) in [
        ("/api/recruiter/candidates?level=hbo".to_owned(), StatusCode::OK),
        (format!("/api/recruiter/candidates/{reference}"), StatusCode::OK),
        ("/api/recruiter/candidates/00000000000000000000".to_owned(), StatusCode::NOT_FOUND),
        ("/api/recruiter/candidates?level=x".to_owned(), StatusCode::UNPROCESSABLE_ENTITY),
    ] {
        let r = app.get(&path, Some(&beek)).await;
        assert_eq!(r.status, status, "{path}");
        assert_eq!(r.header("cache-control"), "no-store", "{path}");
    }
    let r = app.get("/api/recruiter/candidates", None).await;
    assert_eq!(r.header("cache-control"), "no-store", "logged out");
}
