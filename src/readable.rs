//! The export document in plain words: per processing activity of the register, what the
//! portal holds about the person as labelled facts — dates in words, lists as lists, yes/no
//! as words, partner names instead of codes — never raw JSON. One mapping for "Mijn
//! gegevens" and for an opened export; the component `components::data_view` only renders
//! what this gives, so it is tested natively here.

use time::OffsetDateTime;
use zelfregie_model::academy::{AcademyPage, EnrolmentState, FunctionLevel};
use zelfregie_model::export::{ExportAccount, ExportDocument, ExportNewsletter};
use zelfregie_model::newsletter::{Channel, ConsentEvent, ConsentEventKind, ConsentText, Subscription};
use zelfregie_model::privacy_request::PrivacyRequest;
use zelfregie_model::profile::{Employment, Month};
use zelfregie_model::register::{Activity, Text};
use zelfregie_model::transfer::{Transfer, TransferStatus};
use zelfregie_model::{Disclosure, Partner};

use crate::format::{date_time_words, date_words, month_words, size};
use crate::i18n::{
    audience_text, disclosure_text, level_name, request_kind_text, request_status_text, section_name, Lang, T,
};

/// A value as people read it.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// One line of text.
    Text(String),
    /// A bulleted list.
    List(Vec<String>),
    /// A list of items, each with a title and its own facts (trainings, jobs, events).
    Records(Vec<Record>),
}

/// A label and its value.
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    /// What it is ("Naam").
    pub label: String,
    /// The value.
    pub value: Value,
}

/// One item of a list of records.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// Its title ("Projectmatig werken").
    pub title: String,
    /// Label and text.
    pub facts: Vec<(String, String)>,
}

/// What is held for one processing activity, next to its register entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Category {
    /// The register entry.
    pub activity: Activity,
    /// The data held, in words; empty when nothing is held.
    pub facts: Vec<Fact>,
}

/// Converts a moment to the person's own time zone (the browser's; UTC in tests).
pub type Localize<'a> = &'a dyn Fn(OffsetDateTime) -> OffsetDateTime;

/// `text` in `lang`.
pub fn pick(text: &Text, lang: Lang) -> String {
    match lang {
        Lang::Nl => text.nl.clone(),
        Lang::En => text.en.clone(),
    }
}

/// A partner's name for its slug (the slug itself if unknown).
pub fn partner_name(slug: &str) -> String {
    Partner::all().into_iter().find(|p| p.slug == slug).map_or_else(|| slug.to_owned(), |p| p.name)
}

/// The activities of `register` shown to an account, in order: what concerns only staff
/// (their accounts, the administration's log) is not shown to a candidate or participant.
pub fn shown_to(register: &[Activity], staff: bool) -> impl Iterator<Item = &Activity> {
    register.iter().filter(move |a| staff || !a.staff_only)
}

/// Every activity of `register` shown to the document's account, in its order, with what
/// `doc` holds for it.
pub fn categories(doc: &ExportDocument, register: &[Activity], lang: Lang, local: Localize) -> Vec<Category> {
    let w = Words { lang, local };
    let staff = doc.account.account.role != zelfregie_model::Role::Person;
    shown_to(register, staff)
        .map(|a| {
            let facts = match a.id.as_str() {
                "candidate_bank" => w.candidate_bank(doc),
                "disclosure_log" => w.disclosures(&doc.candidate_bank.disclosures),
                "academy" => w.academy(&doc.academy),
                "newsletter" => w.newsletter(&doc.newsletter),
                "transfers" => w.transfers(&doc.transfers),
                "requests" => w.requests(&doc.requests),
                "breach_notices" => w.breach_notices(&doc.breach_notices),
                "account_security" => w.account(&doc.account),
                "administration" => w.administration(&doc.administration),
                _ => Vec::new(),
            };
            Category { activity: a.clone(), facts }
        })
        .collect()
}

struct Words<'a> {
    lang: Lang,
    local: Localize<'a>,
}

impl Words<'_> {
    fn t(&self, key: T) -> String {
        key.get(self.lang).to_owned()
    }

    fn yes_no(&self, b: bool) -> String {
        self.t(if b { T::Yes } else { T::No })
    }

    fn moment(&self, at: OffsetDateTime) -> String {
        date_time_words((self.local)(at), self.lang)
    }

    fn day(&self, at: OffsetDateTime) -> String {
        date_words((self.local)(at).date(), self.lang)
    }

    fn period(&self, from: Option<Month>, to: Option<Month>) -> Option<String> {
        let to = to.map_or_else(|| self.t(T::Current), |m| month_words(m, self.lang));
        from.map(|f| format!("{} – {to}", month_words(f, self.lang)))
    }

    /// A fact with text, left out when the text is empty.
    fn text(&self, facts: &mut Vec<Fact>, label: T, value: impl Into<String>) {
        let value = value.into();
        if !value.trim().is_empty() {
            facts.push(Fact { label: self.t(label), value: Value::Text(value) });
        }
    }

    fn list(&self, facts: &mut Vec<Fact>, label: T, items: Vec<String>) {
        if !items.is_empty() {
            facts.push(Fact { label: self.t(label), value: Value::List(items) });
        }
    }

    fn records(&self, facts: &mut Vec<Fact>, label: T, records: Vec<Record>) {
        if !records.is_empty() {
            facts.push(Fact { label: self.t(label), value: Value::Records(records) });
        }
    }

    fn candidate_bank(&self, doc: &ExportDocument) -> Vec<Fact> {
        let bank = &doc.candidate_bank;
        let profile = &bank.profile;
        let p = &profile.personal;
        let mut facts = Vec::new();
        if profile == &Default::default() && bank.visibility == Default::default() {
            return facts;
        }
        self.text(&mut facts, T::Name, p.full_name());
        let street = format!("{} {}{}", p.street, p.house_number, p.house_number_addition).trim().to_owned();
        let place = format!("{} {}", p.postcode, p.city).trim().to_owned();
        let address = [street, place].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", ");
        self.text(&mut facts, T::Address, address);
        let employment = match &p.employment {
            Employment::External => self.t(T::External),
            Employment::Internal { partner } => format!("{} {}", self.t(T::Internal), partner_name(partner)),
        };
        if profile != &Default::default() {
            self.text(&mut facts, T::DataEmployment, employment);
        }
        self.text(&mut facts, T::ContactEmail, profile.contact.email.clone());
        self.text(&mut facts, T::Phone, profile.contact.phone.clone());
        let education = profile
            .education
            .iter()
            .map(|e| {
                let title = [self.t(level_name(e.level)), e.field.clone()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" – ");
                let mut f = vec![(self.t(T::Institution), e.institution.clone())];
                f.extend(self.period(e.from, e.to).map(|p| (self.t(T::DataPeriod), p)));
                f.push((self.t(T::Diploma), self.yes_no(e.diploma)));
                Record { title, facts: f.into_iter().filter(|(_, v)| !v.is_empty()).collect() }
            })
            .collect();
        self.records(&mut facts, T::SectionEducation, education);
        let work = profile
            .work_experience
            .iter()
            .map(|j| {
                let title = [j.job_title.clone(), j.employer.clone()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ");
                let mut f = Vec::new();
                f.extend(self.period(j.from, j.to).map(|p| (self.t(T::DataPeriod), p)));
                f.extend(j.hours_per_week.map(|h| (self.t(T::HoursPerWeek), crate::format::hours(h, self.lang))));
                f.push((self.t(T::Tasks), j.tasks.clone()));
                Record { title, facts: f.into_iter().filter(|(_, v)| !v.is_empty()).collect() }
            })
            .collect();
        self.records(&mut facts, T::SectionWork, work);
        self.list(&mut facts, T::SectionCompetences, profile.competences.clone());
        let a = &profile.availability;
        let mut availability = Vec::new();
        availability.extend(a.max_travel_km.map(|n| format!("{} {n} km", self.t(T::DataTravelAtMost))));
        availability.extend(
            a.max_travel_minutes
                .map(|n| format!("{} {n} {}", self.t(T::DataTravelAtMost), self.t(T::DataMinutesTravel))),
        );
        availability.extend(
            a.hours_per_week
                .map(|n| format!("{} {}", crate::format::hours(n, self.lang), self.t(T::HoursPerWeek).to_lowercase())),
        );
        availability.extend(a.available_from.map(|m| format!("{} {}", self.t(T::DataFrom), month_words(m, self.lang))));
        self.list(&mut facts, T::SectionAvailability, availability);
        self.list(&mut facts, T::SectionOccupations, profile.desired_occupations.clone());

        let v = &bank.visibility;
        self.text(&mut facts, T::DataListed, self.yes_no(v.listed));
        self.text(&mut facts, T::OverviewVisibleTo, audience_text(&v.audience_names(), self.lang));
        if v.listed {
            let hidden: Vec<String> = v.hidden_sections.iter().map(|s| self.t(section_name(*s))).collect();
            let hidden = if hidden.is_empty() { self.t(T::OverviewNoneHidden) } else { hidden.join(", ") };
            self.text(&mut facts, T::OverviewHidden, hidden);
            self.text(&mut facts, T::DataAnonymous, self.yes_no(v.anonymous));
        }
        let consents = bank
            .listing_consents
            .iter()
            .map(|e| self.consent_record(e, zelfregie_model::listing::text_of, false))
            .collect();
        self.records(&mut facts, T::DataListingConsents, consents);
        facts
    }

    fn disclosures(&self, log: &[Disclosure]) -> Vec<Fact> {
        let records = log
            .iter()
            .map(|d| {
                let what = disclosure_text(d.kind);
                let parts: Vec<String> = d.sections.iter().map(|s| self.t(section_name(*s))).collect();
                let mut facts = vec![
                    (self.t(T::DataWhen), self.moment(d.at)),
                    (self.t(T::DataHowOften), format!("{} {}", d.count, self.t(T::DisclosureCount))),
                ];
                if !parts.is_empty() {
                    facts.push((self.t(T::DisclosureSections), parts.join(", ")));
                }
                Record { title: format!("{} {}", d.partner.name, self.t(what)), facts }
            })
            .collect();
        let mut facts = Vec::new();
        self.records(&mut facts, T::NavDisclosures, records);
        facts
    }

    fn academy(&self, academy: &AcademyPage) -> Vec<Fact> {
        let mut facts = Vec::new();
        if let Some(p) = &academy.participant {
            self.text(&mut facts, T::Name, p.full_name());
            self.text(&mut facts, T::JobTitleLabel, p.job_title.clone());
            self.text(&mut facts, T::Employer, partner_name(&p.employer));
            let level = match p.function_level {
                FunctionLevel::Employee => T::LevelEmployee,
                FunctionLevel::Specialist => T::LevelSpecialist,
                FunctionLevel::Manager => T::LevelManager,
                FunctionLevel::Executive => T::LevelExecutive,
            };
            self.text(&mut facts, T::FunctionLevel, self.t(level));
            self.text(&mut facts, T::ManagerName, p.manager_name.clone());
            self.text(&mut facts, T::ManagerEmail, p.manager_email.clone());
        }
        if let Some(n) = &academy.manager_notice {
            let told = format!("{} ({}), {}", n.manager_name, n.manager_email, self.moment(n.notified_at));
            self.text(&mut facts, T::DataManagerTold, told);
        }
        let records = academy
            .enrolments
            .iter()
            .map(|e| {
                let state = match e.state {
                    EnrolmentState::Enrolled => self.t(T::Enrolled),
                    EnrolmentState::Waitlisted => {
                        format!("{} {}", self.t(T::Waitlisted), e.waitlist_position.unwrap_or_default())
                    }
                    EnrolmentState::Cancelled => self.t(T::DataCancelled),
                    EnrolmentState::CancelledByAcademy => self.t(T::AcademyCancelledHeading),
                    EnrolmentState::Attended => self.t(T::StateAttended),
                    EnrolmentState::Completed => self.t(T::StateCompleted),
                    EnrolmentState::NoShow => self.t(T::DataNoShow),
                };
                Record {
                    title: e.title.clone(),
                    facts: vec![(self.t(T::Starts), self.day(e.starts_at)), (self.t(T::DataState), state)],
                }
            })
            .collect();
        self.records(&mut facts, T::DataTrainings, records);
        facts
    }

    /// A consent event in words: what, when, how, and for a consent the text agreed to in
    /// that version's own words (`text_of` finds it). Only a consent confirmed by mail
    /// (`double_opt_in`, the newsletter) is "to be confirmed" when given; the candidate bank's
    /// holds as it is given.
    fn consent_record(
        &self,
        e: &ConsentEvent,
        text_of: fn(u32) -> Option<&'static ConsentText>,
        double_opt_in: bool,
    ) -> Record {
        let kind = match e.kind {
            ConsentEventKind::Given if double_opt_in => T::EventGiven,
            ConsentEventKind::Given => T::EventGivenNow,
            ConsentEventKind::Confirmed => T::EventConfirmed,
            ConsentEventKind::Withdrawn => T::EventWithdrawn,
        };
        let channel = match e.channel {
            Channel::Portal => T::ChannelPortal,
            Channel::EmailLink => T::ChannelEmailLink,
            Channel::Staff => T::ChannelStaff,
            Channel::Expiry => T::ChannelExpiry,
        };
        let mut f = vec![(self.t(T::DataWhen), self.moment(e.at)), (self.t(T::DataHow), self.t(channel))];
        // The receipt in words: what the person agreed to, in that version's own text.
        if e.kind != ConsentEventKind::Withdrawn {
            if let Some(text) = text_of(e.text_version) {
                let words = match self.lang {
                    Lang::Nl => text.nl,
                    Lang::En => text.en,
                };
                f.push((self.t(T::DataAgreedTo), words.to_owned()));
            }
        }
        f.push((self.t(T::NewsletterTextVersion), e.text_version.to_string()));
        Record { title: self.t(kind), facts: f }
    }

    fn newsletter(&self, n: &ExportNewsletter) -> Vec<Fact> {
        let mut facts = Vec::new();
        if n.events.is_empty() && n.processor_deliveries.is_empty() {
            return facts;
        }
        let state = match n.subscription {
            Subscription::Active => T::NewsletterActive,
            Subscription::Pending => T::DataNewsletterPending,
            Subscription::None => T::NewsletterNone,
        };
        self.text(&mut facts, T::DataState, self.t(state));
        let events = n.events.iter().map(|e| self.consent_record(e, ConsentText::of, true)).collect();
        self.records(&mut facts, T::HistoryHeading, events);
        let links = n
            .confirmation_links
            .iter()
            .map(|c| Record {
                title: self.t(T::DataConfirmationMail),
                facts: vec![
                    (self.t(T::DataSent), self.moment(c.created_at)),
                    (self.t(T::DataUsed), c.used_at.map_or_else(|| self.t(T::No), |u| self.moment(u))),
                ],
            })
            .collect();
        self.records(&mut facts, T::DataConfirmationMails, links);
        let deliveries = n
            .processor_deliveries
            .iter()
            .map(|d| {
                let title = match d.payload["action"].as_str() {
                    Some("unsubscribe") => T::DataProcessorUnsubscribe,
                    _ => T::DataProcessorSubscribe,
                };
                let status = match d.status.as_str() {
                    "delivered" => T::DataDelivered,
                    "dead" => T::ProcessorFailed,
                    _ => T::ProcessorPendingSubscribe,
                };
                let mut f =
                    vec![(self.t(T::DataWhen), self.moment(d.created_at)), (self.t(T::DataState), self.t(status))];
                let passed: Vec<&str> = ["name", "email"]
                    .into_iter()
                    .filter_map(|k| d.payload[k].as_str())
                    .filter(|s| !s.is_empty())
                    .collect();
                f.push((self.t(T::DataPassedOn), passed.join(", ")));
                Record { title: self.t(title), facts: f.into_iter().filter(|(_, v)| !v.is_empty()).collect() }
            })
            .collect();
        self.records(&mut facts, T::ProcessorHeading, deliveries);
        facts
    }

    fn transfers(&self, transfers: &[Transfer]) -> Vec<Fact> {
        let records = transfers
            .iter()
            .map(|t| {
                let (status, at) = match t.status {
                    TransferStatus::Waiting => (T::TransferStatusWaiting, Some(t.expires_at)),
                    TransferStatus::Fetched => (T::TransferStatusFetched, t.ended_at),
                    TransferStatus::Revoked => (T::TransferStatusRevoked, t.ended_at),
                    TransferStatus::Expired => (T::TransferStatusExpired, t.ended_at),
                };
                let status = match at {
                    Some(at) => format!("{} {}", self.t(status), self.day(at)),
                    None => self.t(status),
                };
                Record {
                    title: t.partner.as_ref().map_or_else(|| self.t(T::TransferOwnKey), |p| p.name.clone()),
                    facts: vec![
                        (self.t(T::TransferCreated), self.moment(t.created_at)),
                        (self.t(T::DataState), status),
                        (self.t(T::TransferSize), size(t.size, self.lang)),
                    ],
                }
            })
            .collect();
        let mut facts = Vec::new();
        self.records(&mut facts, T::TransfersHeading, records);
        facts
    }

    fn requests(&self, requests: &[PrivacyRequest]) -> Vec<Fact> {
        let records = requests
            .iter()
            .map(|r| {
                let mut facts = vec![
                    (self.t(T::RequestReceived), self.moment(r.received_at)),
                    (self.t(T::RequestStatusLabel), self.t(request_status_text(r.status))),
                    (self.t(T::RequestDeadline), date_words(r.deadline, self.lang)),
                    (self.t(T::RequestYourText), r.text.clone()),
                ];
                if let Some(e) = &r.extension {
                    facts.push((self.t(T::RequestExtended), e.text.clone()));
                }
                if let Some(a) = &r.response {
                    facts.push((self.t(T::RequestAnswer), format!("{} ({})", a.text, self.day(a.at))));
                }
                Record { title: self.t(request_kind_text(r.kind).0), facts }
            })
            .collect();
        let mut facts = Vec::new();
        self.records(&mut facts, T::RequestListHeading, records);
        facts
    }

    fn breach_notices(&self, notices: &[zelfregie_model::breach::MyNotice]) -> Vec<Fact> {
        let records = notices
            .iter()
            .map(|n| {
                let mut facts = vec![(self.t(T::BreachSentOn), self.moment(n.sent_at))];
                for (name, part) in n.text.parts() {
                    let (nl, en) = zelfregie_model::breach::part_heading(name);
                    let heading = if self.lang == Lang::Nl { nl } else { en };
                    facts.push((heading.to_owned(), pick(part, self.lang)));
                }
                if let Some(at) = n.read_at {
                    facts.push((self.t(T::BreachReadLabel), self.moment(at)));
                }
                Record { title: self.t(T::BreachMineTitle), facts }
            })
            .collect();
        let mut facts = Vec::new();
        self.records(&mut facts, T::BreachMineTitle, records);
        facts
    }

    /// A staff member's entries of the administration's log: what, when, by whom, about whom.
    fn administration(&self, entries: &[zelfregie_model::admin::AuditEntry]) -> Vec<Fact> {
        let records = entries
            .iter()
            .map(|e| {
                let who = match (&e.actor, e.by_system) {
                    (Some(actor), _) => actor.clone(),
                    (None, true) => self.t(T::AuditBySystem),
                    (None, false) => self.t(T::AuditActorGone),
                };
                let mut facts = vec![
                    (self.t(T::AuditWho), who),
                    (self.t(T::AuditAbout), crate::i18n::audit_subject_text(e.action, &e.subject)),
                ];
                if let Some(detail) = &e.detail {
                    facts.push((self.t(T::AuditDetail), crate::i18n::audit_detail_text(e.action, detail, self.lang)));
                }
                Record {
                    title: format!("{} ({})", self.t(crate::i18n::audit_action_text(e.action)), self.moment(e.at)),
                    facts,
                }
            })
            .collect();
        let mut facts = Vec::new();
        self.records(&mut facts, T::AuditTitle, records);
        facts
    }

    fn account(&self, account: &ExportAccount) -> Vec<Fact> {
        let a = &account.account;
        let mut facts = Vec::new();
        self.text(&mut facts, T::EmailLabel, a.email.clone());
        let role = T::role(a.role);
        self.text(&mut facts, T::OverviewAccountType, self.t(role));
        self.text(&mut facts, T::OverviewAccountSince, self.day(a.created_at));
        let sessions = account
            .sessions
            .iter()
            .map(|s| Record {
                title: format!("{} {}", self.t(T::DataSessionFrom), self.moment(s.started_at)),
                facts: vec![(self.t(T::DataLastActive), self.moment(s.last_activity_at))],
            })
            .collect();
        self.records(&mut facts, T::OverviewActiveSessions, sessions);
        facts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A realistic export (the demo candidate's, with a training and a transfer).
    fn export() -> ExportDocument {
        serde_json::from_str(include_str!("../tests/fixtures/export.json")).expect("fixture parses")
    }

    fn utc(at: OffsetDateTime) -> OffsetDateTime {
        at
    }

    fn find<'a>(cats: &'a [Category], id: &str) -> &'a [Fact] {
        &cats.iter().find(|c| c.activity.id == id).unwrap().facts
    }

    fn text<'a>(facts: &'a [Fact], label: &str) -> &'a str {
        match &facts.iter().find(|f| f.label == label).unwrap_or_else(|| panic!("no {label}")).value {
            Value::Text(t) => t,
            other => panic!("{label} is {other:?}"),
        }
    }

    fn records<'a>(facts: &'a [Fact], label: &str) -> &'a [Record] {
        match &facts.iter().find(|f| f.label == label).unwrap_or_else(|| panic!("no {label}")).value {
            Value::Records(r) => r,
            other => panic!("{label} is {other:?}"),
        }
    }

    #[test]
    fn the_export_reads_as_words_per_register_activity() {
        let doc = export();
        let cats = categories(&doc, &doc.register, Lang::Nl, &utc);
        let ids: Vec<&str> = cats.iter().map(|c| c.activity.id.as_str()).collect();
        assert_eq!(ids, doc.register.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), "the register's order");

        let bank = find(&cats, "candidate_bank");
        assert_eq!(text(bank, "Naam"), "Sanne van Dijk");
        assert_eq!(text(bank, "Adres"), "Markt 33, 6461 EC Kerkrade");
        assert_eq!(text(bank, "Werkgever of extern"), "Interne kandidaat bij Gemeente Kerkrade");
        assert_eq!(text(bank, "Staat in de kandidatenbank"), "Ja");
        assert_eq!(text(bank, "Zichtbaar voor"), "alle 35 partnerorganisaties behalve Gemeente Kerkrade");
        assert_eq!(text(bank, "Verborgen onderdelen"), "Contactgegevens");
        let education = records(bank, "Opleidingen");
        assert_eq!(education[0].title, "hbo – Bestuurskunde / Overheidsmanagement");
        assert!(education[0].facts.contains(&("Periode".into(), "september 2009 – juli 2013".into())), "{education:?}");
        assert!(education[0].facts.contains(&("Diploma behaald".into(), "Ja".into())));
        let competences = bank.iter().find(|f| f.label == "Competenties").unwrap();
        assert!(matches!(&competences.value, Value::List(l) if l.len() == 3), "a list stays a list");

        let academy = find(&cats, "academy");
        let trainings = records(academy, "Opleidingen en inschrijvingen");
        let t = trainings.iter().find(|r| r.title == "Projectmatig werken").unwrap();
        assert_eq!(t.facts, vec![("Start".into(), "3 maart 2031".into()), ("Stand".into(), "Ingeschreven".into())]);

        let news = find(&cats, "newsletter");
        assert_eq!(text(news, "Stand"), "Je ontvangt de nieuwsflits.");
        let history = records(news, "Geschiedenis van je toestemming");
        let given = history.iter().find(|r| r.title.starts_with("Toestemming gegeven")).unwrap();
        assert!(given.facts.iter().any(|(l, v)| l == "Waar je mee instemde" && v.starts_with("Ik wil de nieuwsflits")));
        assert!(given.facts.contains(&("Hoe".into(), "in het portaal".into())));

        let account = find(&cats, "account_security");
        assert_eq!(text(account, "Account aangemaakt"), "22 november 2026");
        let transfers = records(find(&cats, "transfers"), "Je overdrachten");
        assert_eq!(transfers[0].title, "Gemeente Beek");

        // Never raw JSON: no braces, quotes of keys, ISO timestamps or snake_case codes.
        let all = format!("{cats:?}");
        for raw in ["T09:00:00", "2031-03-03", "\\\"personal\\\"", "all_except", "search_result", "kerkrade\""] {
            assert!(!all.contains(raw), "{raw} shown raw");
        }
    }

    #[test]
    fn listing_consent_a_told_manager_and_staff_access_read_as_words() {
        use zelfregie_model::newsletter::ConsentEvent;
        let mut doc = export();
        let at = time::macros::datetime!(2026-11-20 10:15 UTC);
        let event = |id, kind| ConsentEvent {
            id,
            kind,
            at,
            text_version: zelfregie_model::listing::current().version,
            text_hash: "00".into(),
            channel: Channel::Portal,
        };
        doc.candidate_bank.listing_consents =
            vec![event(1, ConsentEventKind::Given), event(2, ConsentEventKind::Withdrawn)];
        doc.academy.manager_notice = Some(zelfregie_model::academy::ManagerNotice {
            manager_name: "Petra Hermans".into(),
            manager_email: "p.hermans@brunssum.example.org".into(),
            notified_at: at,
        });
        let kind = zelfregie_model::DisclosureKind::PrivacyRequestData;
        doc.candidate_bank.disclosures.push(Disclosure {
            partner: kind.staff_organisation().unwrap(),
            at,
            first_at: at,
            count: 2,
            kind,
            sections: Vec::new(),
        });
        let cats = categories(&doc, &doc.register, Lang::Nl, &utc);
        let consents = records(find(&cats, "candidate_bank"), "Toestemming voor de kandidatenbank");
        assert_eq!(consents.len(), 2);
        // Nothing to confirm for the candidate bank: that label is the newsletter's (issue 25).
        assert_eq!(consents[0].title, "Toestemming gegeven");
        assert!(consents[0]
            .facts
            .iter()
            .any(|(l, v)| l == "Waar je mee instemde" && v.starts_with("Ik wil dat mijn profiel")));
        assert!(consents[0].facts.contains(&("Wanneer".into(), "20 november 2026 om 10:15".into())), "{consents:?}");
        let told = text(find(&cats, "academy"), "Je leidinggevende kreeg hierover bericht");
        assert!(told.starts_with("Petra Hermans (p.hermans@brunssum.example.org), 20 november 2026"), "{told}");
        let log = records(find(&cats, "disclosure_log"), "Wie zag mijn gegevens");
        let staff = log.iter().find(|r| r.title.starts_with("Stuurgroep IGOM")).unwrap();
        assert!(staff.title.ends_with("om je verzoek af te handelen"), "{}", staff.title);
        assert!(!staff.facts.iter().any(|(l, _)| l == "Getoonde onderdelen"), "no sections for staff");
    }

    /// Hours typed as "32,5" read back in each language's own way, never as "32.5" in Dutch
    /// (issue 25).
    #[test]
    fn hours_read_with_the_languages_decimal_mark() {
        let mut doc = export();
        doc.candidate_bank.profile.availability.hours_per_week = Some(zelfregie_model::Hours::tenths(325));
        for (lang, written) in [(Lang::Nl, "32,5"), (Lang::En, "32.5")] {
            let cats = categories(&doc, &doc.register, lang, &utc);
            let availability = find(&cats, "candidate_bank")
                .iter()
                .find_map(|f| match &f.value {
                    Value::List(items) if items.iter().any(|i| i.contains("32")) => Some(items.clone()),
                    _ => None,
                })
                .unwrap();
            assert!(availability.iter().any(|i| i.starts_with(&format!("{written} "))), "{lang:?}: {availability:?}");
        }
    }

    #[test]
    fn english_and_an_empty_account_read_too() {
        let doc = export();
        let cats = categories(&doc, &doc.register, Lang::En, &utc);
        assert_eq!(text(find(&cats, "candidate_bank"), "Listed in the candidate bank"), "Yes");
        assert_eq!(text(find(&cats, "account_security"), "Account created"), "22 November 2026");

        let mut empty = export();
        empty.candidate_bank.profile = Default::default();
        empty.candidate_bank.visibility = Default::default();
        empty.candidate_bank.disclosures.clear();
        empty.academy = AcademyPage { participant: None, enrolments: Vec::new(), manager_notice: None };
        empty.newsletter.events.clear();
        empty.newsletter.processor_deliveries.clear();
        empty.transfers.clear();
        let cats = categories(&empty, zelfregie_model::register::register(), Lang::Nl, &utc);
        assert_eq!(cats.len(), 8, "every activity of the register, held or not");
        for c in &cats {
            assert_eq!(c.facts.is_empty(), c.activity.id != "account_security", "{}", c.activity.id);
        }
    }

    #[test]
    fn a_staff_member_reads_their_own_log_entries_and_a_person_sees_no_administration() {
        use zelfregie_model::admin::{AuditAction, AuditEntry};
        let person = export();
        let cats = categories(&person, zelfregie_model::register::register(), Lang::Nl, &utc);
        assert!(cats.iter().all(|c| c.activity.id != "administration"), "not a person's");

        let mut staff = export();
        staff.account.account.role = zelfregie_model::Role::Recruiter;
        staff.administration = vec![AuditEntry {
            at: staff.generated_at,
            actor: Some("beheer@igom.nl".into()),
            by_system: false,
            action: AuditAction::Suspend,
            subject: "recruiter@beek.nl".into(),
            detail: Some("recruiter: idle".into()),
        }];
        let cats = categories(&staff, zelfregie_model::register::register(), Lang::Nl, &utc);
        let entries = records(find(&cats, "administration"), "Logboek");
        assert_eq!(entries.len(), 1);
        assert!(entries[0].title.starts_with("Heeft een account geschorst"), "{}", entries[0].title);
        let facts: Vec<&str> = entries[0].facts.iter().map(|(_, v)| v.as_str()).collect();
        assert!(facts.contains(&"beheer@igom.nl") && facts.contains(&"recruiter@beek.nl"), "{facts:?}");
    }
}
