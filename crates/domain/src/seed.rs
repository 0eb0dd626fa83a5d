//! `zelfregie-server seed --candidates N`: fills a database with synthetic candidates for the
//! API benchmark (docs/storage.md "Recruiter search"). Profiles vary names, places, jobs,
//! competences and visibility choices (listed or not, audiences, hidden sections, anonymous
//! mode); every row goes in the way a save would write it, candidate index included, in
//! transactions of [`BATCH`] candidates. Nobody can log in to them (no password hash matches).

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use zelfregie_model::{Audience, Partner, Profile, Section, Visibility};

use crate::candidates::{reindex_row, IndexContext};
use crate::store::{documents::CandidateRow, now};
use crate::Services;

/// Candidates per transaction.
pub const BATCH: usize = 1000;

const FIRST: &[&str] = &[
    "Anna", "Bram", "Daan", "Emma", "Fleur", "Gijs", "Hanna", "Iris", "Jesse", "Julia", "Lars", "Lotte", "Milan",
    "Noor", "Olivier", "Roos", "Sem", "Sophie", "Thijs", "Yara", "Ahmed", "Fatima", "Mehmet", "Priya",
];
const LAST: &[&str] = &[
    "Jansen",
    "de Vries",
    "van den Berg",
    "Bakker",
    "Visser",
    "Smeets",
    "Janssen",
    "Peeters",
    "Hendriks",
    "Dekker",
    "Mulder",
    "Willems",
    "Vos",
    "Kuipers",
    "Schouten",
    "Lemmens",
    "Brouwers",
    "Wouters",
    "Claessens",
    "Coenen",
];
const CITIES: &[&str] = &[
    "Kerkrade",
    "Heerlen",
    "Maastricht",
    "Sittard",
    "Geleen",
    "Brunssum",
    "Landgraaf",
    "Beek",
    "Roermond",
    "Venlo",
    "Weert",
    "Valkenburg",
    "Simpelveld",
    "Voerendaal",
    "Nuth",
    "Stein",
    "Meerssen",
    "Eijsden",
    "Gulpen",
    "Vaals",
];
const JOBS: &[&str] = &[
    "Beleidsmedewerker",
    "Klantmanager",
    "Applicatiebeheerder",
    "Jurist",
    "Financieel adviseur",
    "Projectleider",
    "Communicatieadviseur",
    "Medewerker burgerzaken",
    "Toezichthouder",
    "Vergunningverlener",
    "Data-analist",
    "Informatieadviseur",
    "HR-adviseur",
    "Inkoper",
    "Wijkcoach",
    "Handhaver",
    "Secretaresse",
    "Archivaris",
    "Ontwikkelaar",
    "Controller",
    "Planoloog",
    "Landmeter",
    "Schuldhulpverlener",
    "Jeugdconsulent",
];
const COMPETENCES: &[&str] = &[
    "Samenwerken",
    "Plannen en organiseren",
    "Klantgerichtheid",
    "Analytisch vermogen",
    "Schriftelijke uitdrukking",
    "Omgevingsbewustzijn",
    "Flexibiliteit",
    "Resultaatgerichtheid",
    "Overtuigingskracht",
    "Integriteit",
    "Stressbestendigheid",
    "Creativiteit",
    "Leidinggeven",
    "Coachen",
    "Onderhandelen",
    "Excel",
    "SQL",
    "Python",
    "Projectmatig werken",
    "Mediation",
    "Wet open overheid",
    "Omgevingswet",
    "Participatiewet",
    "Lean Six Sigma",
];
const EMPLOYERS: &[&str] = &[
    "Gemeente Kerkrade",
    "Gemeente Heerlen",
    "Gemeente Beek",
    "Provincie Limburg",
    "Zuyd Hogeschool",
    "Eigen bedrijf",
];

fn pick<'a>(rng: &mut StdRng, list: &[&'a str]) -> &'a str {
    list[rng.gen_range(0..list.len())]
}

/// Synthetic candidate number `i`: a variation of the demo candidate.
pub fn profile(rng: &mut StdRng, i: usize) -> Profile {
    let mut p = crate::demo::candidate_profile();
    let first = pick(rng, FIRST);
    let last = pick(rng, LAST);
    let (tussenvoegsel, last_name) = match last.rsplit_once(' ') {
        Some((t, l)) => (t.to_owned(), l.to_owned()),
        None => (String::new(), last.to_owned()),
    };
    p.personal.first_name = first.to_owned();
    p.personal.tussenvoegsel = tussenvoegsel;
    p.personal.last_name = last_name;
    p.personal.street = format!("{}straat", pick(rng, &["Kerk", "Molen", "School", "Stations", "Dorps", "Markt"]));
    p.personal.house_number = rng.gen_range(1..200).to_string();
    p.personal.postcode = format!("6{:03} {}{}", rng.gen_range(100..999), 'A', (b'A' + rng.gen_range(0..26)) as char);
    p.personal.city = pick(rng, CITIES).to_owned();
    p.personal.employment = if rng.gen_bool(0.3) {
        let all = Partner::all();
        zelfregie_model::profile::Employment::Internal { partner: all[rng.gen_range(0..all.len())].slug.clone() }
    } else {
        zelfregie_model::profile::Employment::External
    };
    p.contact.email = format!("kandidaat{i}@voorbeeld.invalid");
    p.contact.phone = format!("06 {:08}", rng.gen_range(0..100_000_000));
    for job in &mut p.work_experience {
        job.job_title = pick(rng, JOBS).to_owned();
        job.employer = pick(rng, EMPLOYERS).to_owned();
    }
    p.competences = (0..rng.gen_range(2..6)).map(|_| pick(rng, COMPETENCES).to_owned()).collect();
    p.competences.sort();
    p.competences.dedup();
    p.desired_occupations = (0..rng.gen_range(1..3)).map(|_| pick(rng, JOBS).to_owned()).collect();
    p.desired_occupations.dedup();
    p
}

/// Synthetic visibility choices: most in the bank for everyone, some for a few partners or
/// all but a few, some sections hidden, some anonymous, some not in the bank.
pub fn visibility(rng: &mut StdRng) -> Visibility {
    let slugs: Vec<String> = Partner::all().into_iter().map(|p| p.slug).collect();
    let some = |rng: &mut StdRng, n: usize| -> BTreeSet<String> {
        (0..n).map(|_| slugs[rng.gen_range(0..slugs.len())].clone()).collect()
    };
    let audience = match rng.gen_range(0..10) {
        0 => Audience::Only { partners: some(rng, 3) },
        1 | 2 => Audience::AllExcept { partners: some(rng, 2) },
        _ => Audience::AllPartners,
    };
    let hidden_sections = [Section::Contact, Section::Availability, Section::Education]
        .into_iter()
        .filter(|_| rng.gen_bool(0.3))
        .collect();
    Visibility {
        listed: rng.gen_bool(0.9),
        audience,
        hidden_sections,
        anonymous: rng.gen_bool(0.1),
        consent_text_version: None,
    }
}

/// Adds `n` synthetic candidates; returns how long it took.
pub async fn candidates(state: &Services, n: usize) -> anyhow::Result<Duration> {
    let started = Instant::now();
    let db = &state.db;
    let mut rng = StdRng::seed_from_u64(15);
    // One unusable hash for all: the format of a real one, matching no password.
    let hash = "$argon2id$v=19$m=19456,t=2,p=1$c3ludGhldGlj$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    let first = crate::store::seed::last_account_id(db.pool()).await?;
    let mut done = 0;
    while done < n {
        let size = BATCH.min(n - done);
        let mut tx = db.begin_exclusive().await?;
        let context = IndexContext::load(&mut tx).await?;
        let at = now();
        for k in 0..size {
            let i = usize::try_from(first).unwrap_or(0) + done + k + 1;
            let secret = crate::accounts::new_secret();
            let id = crate::store::accounts::insert(
                &mut *tx,
                &crate::store::accounts::NewAccount {
                    email: &format!("synthetisch{i}@voorbeeld.invalid"),
                    password_hash: hash,
                    role: "person",
                    partner_slug: None,
                    created_at: at,
                    secret: &secret,
                    language: "nl",
                },
            )
            .await?;
            let profile = serde_json::to_string(&profile(&mut rng, i))?;
            let vis = serde_json::to_string(&visibility(&mut rng))?;
            let salt: [u8; 16] = rng.gen();
            crate::store::seed::insert_documents(&mut tx, id, &profile, &vis, at, &salt).await?;
            let row = CandidateRow {
                account_id: id,
                secret: secret.to_vec(),
                profile,
                visibility: vis,
                reference_salt: Some(salt.to_vec()),
            };
            reindex_row(&mut tx, db.backend(), &context, row, false).await.map_err(|e| anyhow::anyhow!("{e:?}"))?;
        }
        tx.commit().await?;
        done += size;
        if done % 10_000 == 0 || done == n {
            println!("seed: {done} of {n} candidates ({:.1} s)", started.elapsed().as_secs_f64());
        }
    }
    crate::store::seed::analyze(db.pool()).await?;
    Ok(started.elapsed())
}
