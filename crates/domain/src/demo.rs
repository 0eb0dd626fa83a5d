//! Demo mode: a fresh database gets the demo accounts the README lists, so the portal shows
//! itself on first run. Never touches a database that already has accounts.

use std::collections::BTreeSet;

use zelfregie_model::profile::{
    Availability, Contact, Education, EducationLevel, Employment, Personal, WorkExperience,
};
use zelfregie_model::{Audience, Month, Partner, Password, Profile, Role, Section, Visibility};

use crate::documents::Document;
use crate::services::Services;
use crate::store::{self, now};

/// The password of every demo account (public: it is in the README).
pub const DEMO_PASSWORD: &str = "zelfregie-demo";

/// The authenticator app secret of every demo staff account (recruiters, academy staff), in
/// base32 as apps take it (public: it is in the README). Those accounts must log in with a
/// code; tests and demos compute it from this.
pub const DEMO_TOTP_SECRET: &str = "ZELFREGIEDEMOSTAFFTWEESTAPCODE23";

/// The bytes of [`DEMO_TOTP_SECRET`].
pub fn demo_totp_secret() -> [u8; crate::second_factor::SECRET_BYTES] {
    let bytes = base32::decode(base32::Alphabet::Rfc4648 { padding: false }, DEMO_TOTP_SECRET)
        .expect("the demo secret is base32");
    bytes.try_into().expect("the demo secret is 160 bits")
}

/// One demo login.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoAccount {
    /// Login e-mail address.
    pub email: String,
    /// Account kind.
    pub role: Role,
    /// Partner slug for recruiters.
    pub partner_slug: Option<String>,
}

/// The demo logins: the candidate, the course participant, academy staff, privacy staff, an
/// administrator, and one
/// recruiter per partner (`recruiter@<slug>.example.org`).
pub fn accounts() -> Vec<DemoAccount> {
    let person = |email: &str, role| DemoAccount { email: email.to_owned(), role, partner_slug: None };
    let mut list = vec![
        person("kandidaat@example.org", Role::Person),
        person("cursist@example.org", Role::Person),
        person("academie@example.org", Role::AcademyStaff),
        person("privacy@example.org", Role::PrivacyStaff),
        person("beheer@example.org", Role::Administrator),
    ];
    list.extend(Partner::all().into_iter().map(|p| DemoAccount {
        email: format!("recruiter@{}.example.org", p.slug),
        role: Role::Recruiter,
        partner_slug: Some(p.slug),
    }));
    list
}

/// Seeds the demo accounts when the database has no accounts yet. Returns whether it did.
/// All rows go in one transaction: a half-seeded database never exists.
pub async fn seed_if_empty(state: &Services) -> anyhow::Result<bool> {
    if store::accounts::count(state.db.pool()).await? > 0 {
        return Ok(false);
    }
    let mut hashed = Vec::new();
    for account in accounts() {
        let hash = state.passwords.hash(Password::new(DEMO_PASSWORD)).await?;
        hashed.push((account, hash));
    }
    let mut tx = state.db.begin().await?;
    for (account, hash) in &hashed {
        let secret = crate::accounts::new_secret();
        let new = store::accounts::NewAccount {
            email: &account.email,
            password_hash: hash,
            role: account.role.as_str(),
            partner_slug: account.partner_slug.as_deref(),
            created_at: now(),
            secret: &secret,
            language: "nl",
        };
        let id = store::accounts::insert(&mut *tx, &new).await?;
        if zelfregie_model::second_factor::required_for(account.role) {
            let sealed = crate::second_factor::seal(&state.second_factor_key, id, &demo_totp_secret());
            store::second_factors::insert_confirmed(&mut *tx, id, &sealed, now()).await?;
        }
    }
    tx.commit().await?;
    let kandidaat = id_of(state, "kandidaat@example.org").await?;
    Document::Profile.save(&state.db, kandidaat, 0, &candidate_profile()).await?;
    Document::Visibility.save(&state.db, kandidaat, 0, &candidate_visibility()).await?;
    // She turned the candidate bank on with the current text.
    let mut tx = state.db.begin().await?;
    crate::listing::append(
        &mut tx,
        kandidaat,
        zelfregie_model::newsletter::ConsentEventKind::Given,
        zelfregie_model::listing::current(),
        zelfregie_model::newsletter::Channel::Portal,
        state.clock.now(),
    )
    .await?;
    tx.commit().await?;
    seed_newsletter_consent(state, kandidaat).await?;
    seed_academy(state).await?;
    // One open request, so privacy staff's queue shows itself.
    let request = zelfregie_model::privacy_request::NewRequest {
        kind: zelfregie_model::privacy_request::RequestKind::Access,
        text: "Ik wil graag weten welke gegevens Gemeente Kerkrade via IGOM over mij heeft, buiten dit portaal.".into(),
        on_behalf: None,
    };
    crate::privacy_requests::file(state, kandidaat, &request).await?;
    Ok(true)
}

/// The demo candidate: an internal candidate employed by Gemeente Kerkrade, every section
/// filled.
pub fn candidate_profile() -> Profile {
    let month = |s: &str| Month::parse(s);
    Profile {
        personal: Personal {
            first_name: "Sanne".into(),
            tussenvoegsel: "van".into(),
            last_name: "Dijk".into(),
            street: "Markt".into(),
            house_number: "33".into(),
            house_number_addition: String::new(),
            postcode: "6461 EC".into(),
            city: "Kerkrade".into(),
            employment: Employment::Internal { partner: "kerkrade".into() },
        },
        contact: Contact { email: "sanne.vandijk@example.org".into(), phone: "045 567 89 01".into() },
        education: vec![
            Education {
                level: EducationLevel::Hbo,
                institution: "Zuyd Hogeschool".into(),
                field: "Bestuurskunde / Overheidsmanagement".into(),
                from: month("2009-09"),
                to: month("2013-07"),
                diploma: true,
            },
            Education {
                level: EducationLevel::Other,
                institution: "IGOM-Academie".into(),
                field: "Projectmatig werken".into(),
                from: month("2021-02"),
                to: month("2021-04"),
                diploma: true,
            },
        ],
        work_experience: vec![
            WorkExperience {
                job_title: "Beleidsmedewerker werk en inkomen".into(),
                employer: "Gemeente Kerkrade".into(),
                from: month("2017-03"),
                to: None,
                hours_per_week: Some(zelfregie_model::Hours::whole(32)),
                tasks: "Beleid voor re-integratie en armoedebestrijding; afstemming met ketenpartners.".into(),
            },
            WorkExperience {
                job_title: "Klantmanager".into(),
                employer: "WSP Parkstad".into(),
                from: month("2013-09"),
                to: month("2017-02"),
                hours_per_week: Some(zelfregie_model::Hours::tenths(365)),
                tasks: "Begeleiding van werkzoekenden naar werk.".into(),
            },
        ],
        competences: vec!["Samenwerken".into(), "Analytisch denken".into(), "Adviesvaardigheid".into()],
        availability: Availability {
            max_travel_km: Some(40),
            max_travel_minutes: Some(45),
            hours_per_week: Some(zelfregie_model::Hours::whole(32)),
            available_from: month("2027-01"),
        },
        desired_occupations: vec!["Beleidsadviseur sociaal domein".into(), "Projectleider".into()],
    }
}

/// Visible to all partners except her own employer, contact details hidden.
pub fn candidate_visibility() -> Visibility {
    Visibility {
        listed: true,
        audience: Audience::AllExcept { partners: BTreeSet::from(["kerkrade".to_owned()]) },
        hidden_sections: BTreeSet::from([Section::Contact]),
        anonymous: false,
        consent_text_version: None,
    }
}

/// The demo candidate receives the newsletter: consent given in the portal, confirmed by
/// the e-mail link, delivered to the processor.
async fn seed_newsletter_consent(state: &Services, account_id: i64) -> anyhow::Result<()> {
    use zelfregie_model::newsletter::{Channel, ConsentEventKind, ConsentText, ProcessorAction};
    let text = ConsentText::current();
    let mut tx = state.db.begin().await?;
    crate::newsletter::append(&mut tx, account_id, ConsentEventKind::Given, text, Channel::Portal).await?;
    crate::newsletter::append(&mut tx, account_id, ConsentEventKind::Confirmed, text, Channel::EmailLink).await?;
    let links = crate::newsletter::UnsubscribeLinks::of(state, &mut *tx, account_id).await?;
    let payload = crate::outbox::Payload {
        action: ProcessorAction::Subscribe,
        email: "kandidaat@example.org".into(),
        name: candidate_profile().personal.full_name(),
        unsubscribe_url: Some(links.page),
        unsubscribe_post_url: Some(links.one_click),
        erase: false,
    };
    crate::outbox::enqueue(&mut tx, account_id, false, &payload).await?;
    store::outbox::mark_all_delivered(&mut *tx, account_id, now()).await?;
    tx.commit().await?;
    Ok(())
}

/// A realistic catalogue (two trainings in the past, five to come), and the demo course
/// participant with two trainings followed and one enrolment.
async fn seed_academy(state: &Services) -> anyhow::Result<()> {
    use zelfregie_model::academy::{FunctionLevel, Participant};
    const DAY: i64 = 24 * 3600;
    let at_ten = |days: i64| (now() / DAY + days) * DAY + 9 * 3600;
    // (title, description, audience, location, online, start in days from today, sessions, seats)
    type Row = (&'static str, &'static str, &'static str, &'static str, bool, i64, i64, i64);
    let catalogue: [Row; 7] = [
        ("Omgevingswet in de praktijk", "Wat de Omgevingswet vraagt van vergunningverlening, toezicht en participatie, aan de hand van casussen uit Limburgse gemeenten.",
         "Medewerkers ruimtelijk domein en vergunningen", "Heerlen, Bestuurscentrum", false, -90, 2, 20),
        ("Klantgericht schrijven op B1-niveau", "Brieven en e-mails die inwoners in één keer begrijpen: heldere taal, opbouw en toon.",
         "Iedereen die schrijft voor inwoners", "Online", true, -200, 1, 30),
        ("Projectmatig werken", "Van opdracht tot oplevering: projectplan, risico's, stakeholders en bijsturen, met de methode van IGOM.",
         "Medewerkers en adviseurs die projecten trekken of erin werken", "Heerlen, Bestuurscentrum", false, 21, 3, 16),
        ("Integriteit en de ambtseed", "Dilemma's uit de praktijk, de gedragscode en wat je doet als je twijfelt.",
         "Alle medewerkers, verplicht in het eerste jaar", "Online", true, 35, 1, 40),
        ("Leidinggeven aan hybride teams", "Sturen op resultaat, verbinding houden en werkafspraken maken als het team deels thuis werkt.",
         "Leidinggevenden", "Maastricht, Gouvernement", false, 50, 4, 12),
        ("Excel voor beleidsmedewerkers", "Draaitabellen, grafieken en de valkuilen van gekoppelde gegevens.",
         "Beleidsmedewerkers en analisten", "Sittard, Stadskantoor", false, 14, 2, 2),
        ("Wet open overheid: actief openbaar maken", "Wat de Woo vraagt, welke informatie actief openbaar wordt en hoe je een Woo-verzoek behandelt.",
         "Juristen, informatiebeheerders en beleidsmedewerkers", "Online", true, 28, 1, 25),
    ];
    let mut tx = state.db.begin().await?;
    let mut ids = Vec::new();
    // The function levels each is for, in the catalogue's order.
    let levels = [
        "employee,specialist",
        "employee,specialist",
        "employee,specialist,manager",
        "employee,specialist,manager,executive",
        "manager,executive",
        "specialist",
        "employee,specialist",
    ];
    for ((title, description, audience, location, online, days, sessions, capacity), function_levels) in
        catalogue.into_iter().zip(levels)
    {
        let training = store::academy::NewTraining {
            title,
            description,
            audience,
            function_levels,
            location,
            online,
            starts_at: at_ten(days),
            sessions,
            capacity,
        };
        let id = store::academy::insert_training(&mut *tx, &training).await?;
        ids.push(id);
    }
    let cursist = id_of(state, "cursist@example.org").await?;
    for (training, enrolment_state) in [(ids[0], "completed"), (ids[1], "attended"), (ids[2], "enrolled")] {
        store::academy::enrol(&mut *tx, training, cursist, enrolment_state, now()).await?;
    }
    tx.commit().await?;
    let participant = Participant {
        first_name: "Ruud".into(),
        tussenvoegsel: String::new(),
        last_name: "Custers".into(),
        job_title: "Medewerker Burgerzaken".into(),
        employer: "brunssum".into(),
        function_level: FunctionLevel::Employee,
        manager_name: "Petra Hermans".into(),
        manager_email: "p.hermans@brunssum.example.org".into(),
    };
    Document::Participant.save(&state.db, cursist, 0, &participant).await?;
    Ok(())
}

/// The id of a demo account.
async fn id_of(state: &Services, email: &str) -> anyhow::Result<i64> {
    store::accounts::id_by_email(state.db.pool(), email)
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo account {email} missing"))
}
