//! Every mail the portal writes, in one place (docs/architecture.md, "Mails in one module"): one function
//! per mail, the Dutch and the English text beside each other, every link made from the
//! page table's paths (`zelfregie_model::links`), and the same closing lines: where to go
//! with questions about one's data. The use cases decide when a mail goes and send it; what
//! it says is here.
//!
//! The one exception is a breach notice: privacy staff write its text, its own part
//! "contact" names where to turn, and the person sees the same text in the portal
//! (`zelfregie_model::breach::mail`).

use zelfregie_model::academy::Participant;
use zelfregie_model::links::Page;
use zelfregie_model::register::RegisterChange;
use zelfregie_model::retention::long_date;

use zelfregie_model::Language;

use crate::mail::{About, Mail};
use crate::privacy_requests::Action;

/// What every mail is written with: the portal's address (the base of its links) and the
/// privacy contact its closing lines name.
#[derive(Clone, Debug)]
pub struct Letterhead {
    /// Base of links (`https://…`, no trailing slash).
    pub public_url: String,
    /// The privacy contact.
    pub privacy_email: String,
    /// The language the mail is in first, subject and all: the person's
    /// ([`crate::services::Services::letterhead_for`]), Dutch where no person is known.
    pub first: Language,
}

impl Letterhead {
    /// The same letterhead, writing in `first` first.
    pub fn in_language(self, first: Language) -> Letterhead {
        Letterhead { first, ..self }
    }

    /// The address of `page`.
    pub fn page(&self, page: Page) -> String {
        format!("{}{}", self.public_url, page.path())
    }

    /// The address of `page` with a link's one-time `token`.
    pub fn link(&self, page: Page, token: &str) -> String {
        format!("{}{}", self.public_url, page.with_token(token))
    }

    /// The address of the API's `endpoint` with a link's one-time `token` (the newsletter's
    /// one-click unsubscribe, which mail clients post to).
    pub fn api_link(&self, endpoint: zelfregie_model::links::api::Endpoint, token: &str) -> String {
        format!("{}{}?{}={token}", self.public_url, endpoint.path(), zelfregie_model::links::TOKEN_PARAM)
    }

    /// A body: each language's text with the closing lines under it, `first` on top.
    fn body(&self, nl: &str, en: &str) -> String {
        let privacy = &self.privacy_email;
        let nl = format!("{}\n\nVragen over je gegevens? Mail {privacy}.", nl.trim_end());
        let en = format!("{}\n\nQuestions about your data? E-mail {privacy}.", en.trim_end());
        match self.first {
            Language::Nl => format!("{nl}\n\n---\n\n{en}\n"),
            Language::En => format!("{en}\n\n---\n\n{nl}\n"),
        }
    }

    /// The subject in the mail's first language (`(Dutch, English)`).
    fn subject(&self, (nl, en): (&str, &str)) -> String {
        match self.first {
            Language::Nl => nl.to_owned(),
            Language::En => en.to_owned(),
        }
    }

    /// A mail to `to` about `about`, without further headers; `subject` in Dutch and English.
    fn mail(&self, to: &str, about: About, subject: (&str, &str), body: String) -> Mail {
        Mail { to: to.to_owned(), subject: self.subject(subject), body, headers: Vec::new(), about }
    }

    /// A registration link: the account is made on its page, once, within `hours`.
    pub fn registration_link(&self, to: &str, token_hash: &[u8], token: &str, hours: i64) -> Mail {
        let link = self.link(Page::RegisterConfirm, token);
        let body = self.body(
            &format!(
                "Je wilt een account maken bij IGOM Zelfregie. Open deze link, kies je wachtwoord en druk op de knop om je account te maken:\n\n\
                 {link}\n\nDe link werkt {hours} uur en één keer. Heb je dit niet zelf gevraagd? Dan hoef je niets te doen: \
                 zonder de knop komt er geen account."
            ),
            &format!(
                "You want to create an IGOM Zelfregie account. Open this link, choose your password and press the button to create it:\n\n\
                 {link}\n\nThe link works for {hours} hours, once. Did not ask for it? Then do nothing: without the \
                 button, no account is made."
            ),
        );
        self.mail(to, About::Registration(token_hash.to_vec()), ("Maak je account af", "Finish your account"), body)
    }

    /// Someone asked for an account with an address that has one: no link, the way to a
    /// new password instead.
    pub fn account_exists(&self, to: &str, account_id: i64) -> Mail {
        let forgot = self.page(Page::ForgotPassword);
        let body = self.body(
            &format!(
                "Iemand wilde een account maken bij IGOM Zelfregie met dit e-mailadres. Maar je hebt al een account.\n\n\
                 Weet je je wachtwoord niet meer? Kies een nieuw wachtwoord via {forgot}\n\n\
                 Was jij dit niet? Dan hoef je niets te doen. Er is niets veranderd aan je account."
            ),
            &format!(
                "Someone tried to create an IGOM Zelfregie account with this e-mail address. But you already have an account.\n\n\
                 Forgot your password? Choose a new one at {forgot}\n\n\
                 Was this not you? Then you do not need to do anything. Nothing changed in your account."
            ),
        );
        self.mail(
            to,
            About::Account(account_id),
            (
                "Iemand wilde een account maken met je e-mailadres",
                "Someone tried to create an account with your e-mail address",
            ),
            body,
        )
    }

    /// A password-reset link, valid `minutes`, once.
    pub fn reset_link(&self, to: &str, account_id: i64, token: &str, minutes: i64) -> Mail {
        let link = self.link(Page::ResetPassword, token);
        let body = self.body(
            &format!(
                "Je hebt gevraagd om een nieuw wachtwoord voor IGOM Zelfregie. Kies een nieuw wachtwoord via deze link:\n\n\
                 {link}\n\nDe link werkt {minutes} minuten en één keer. Heb je dit niet zelf gevraagd? \
                 Dan hoef je niets te doen: je wachtwoord blijft hetzelfde."
            ),
            &format!(
                "You asked for a new password for IGOM Zelfregie. Choose a new password with this link:\n\n\
                 {link}\n\nThe link works for {minutes} minutes, once. Did not ask for it? Do nothing: your \
                 password stays the same."
            ),
        );
        self.mail(to, About::Account(account_id), ("Nieuw wachtwoord kiezen", "Choose a new password"), body)
    }

    /// The password was changed with a reset link; every session ended.
    pub fn password_changed(&self, to: &str, account_id: i64) -> Mail {
        let forgot = self.page(Page::ForgotPassword);
        let body = self.body(
            &format!(
                "Het wachtwoord van je account bij IGOM Zelfregie is zojuist veranderd via een herstel-link. \
                 Je bent overal uitgelogd. Was jij dit niet? Vraag dan meteen een nieuw wachtwoord aan op \
                 {forgot} en neem contact op met IGOM."
            ),
            &format!(
                "The password of your IGOM Zelfregie account was just changed with a reset link. You have been \
                 logged out everywhere. Was this not you? Ask for a new password at {forgot} \
                 right away and contact IGOM."
            ),
        );
        self.mail(to, About::Account(account_id), ("Je wachtwoord is veranderd", "Your password was changed"), body)
    }

    /// To a new address that already has an account of its own (`owner`): it cannot be
    /// taken. The mail goes with that other account.
    pub fn address_taken(&self, to: &str, owner: i64) -> Mail {
        let forgot = self.page(Page::ForgotPassword);
        let body = self.body(
            &format!(
                "Iemand wilde dit e-mailadres gebruiken voor een account bij IGOM Zelfregie. Maar bij dit adres hoort al een \
                 account, dus dat kan niet. Was jij dit? Log dan in met dit adres, of kies een ander adres. Wachtwoord vergeten? \
                 Ga naar {forgot}\n\nWas jij dit niet? Dan hoef je niets te doen."
            ),
            &format!(
                "Someone wanted to use this e-mail address for an IGOM Zelfregie account. But this address already has an \
                 account, so that is not possible. Was it you? Then log in with this address, or choose another one. Forgot \
                 your password? Go to {forgot}\n\nWas this not you? Then you do not need to do anything."
            ),
        );
        self.mail(
            to,
            About::Account(owner),
            ("Dit e-mailadres heeft al een account", "This e-mail address already has an account"),
            body,
        )
    }

    /// The link to a new login address, valid `hours`, once.
    pub fn confirm_address(&self, to: &str, account_id: i64, token: &str, hours: i64) -> Mail {
        let link = self.link(Page::EmailConfirm, token);
        let body = self.body(
            &format!(
                "Je wilt dit e-mailadres gebruiken voor je account bij IGOM Zelfregie. Open deze link en druk op de knop:\n\n\
                 {link}\n\nDe link werkt {hours} uur en één keer. Heb je dit niet zelf gevraagd? Dan hoef je niets te doen."
            ),
            &format!(
                "You want to use this e-mail address for your IGOM Zelfregie account. Open this link and press the button:\n\n\
                 {link}\n\nThe link works for {hours} hours, once. Did not ask for it? Then do nothing."
            ),
        );
        self.mail(
            to,
            About::Account(account_id),
            ("Bevestig je nieuwe e-mailadres", "Confirm your new e-mail address"),
            body,
        )
    }

    /// To the current address: a change to `new_email` was asked.
    pub fn address_change_asked(&self, to: &str, account_id: i64, new_email: &str) -> Mail {
        let forgot = self.page(Page::ForgotPassword);
        let body = self.body(
            &format!(
                "Er is gevraagd om het e-mailadres van je account bij IGOM Zelfregie te veranderen in {new_email}. Het verandert pas \
                 als op de link in de mail aan dat adres wordt gedrukt.\n\nWas jij dit niet? Verander dan meteen je wachtwoord: \
                 {forgot}"
            ),
            &format!(
                "Someone asked to change the e-mail address of your IGOM Zelfregie account to {new_email}. It only changes once the \
                 link in the mail to that address is used.\n\nWas this not you? Change your password right away: \
                 {forgot}"
            ),
        );
        self.mail(to, About::Account(account_id), ("Je e-mailadres veranderen", "Changing your e-mail address"), body)
    }

    /// To the old address: the login address is now `new_email`.
    pub fn address_changed(&self, to: &str, account_id: i64, new_email: &str) -> Mail {
        let body = self.body(
            &format!(
                "Het e-mailadres van je account bij IGOM Zelfregie is veranderd in {new_email}. Dit adres hoort niet meer bij je \
                 account. Je bent op je andere apparaten uitgelogd.\n\nWas jij dit niet? Neem dan meteen contact op met IGOM."
            ),
            &format!(
                "The e-mail address of your IGOM Zelfregie account was changed to {new_email}. This address no longer belongs to \
                 your account. You were logged out on your other devices.\n\nWas this not you? Contact IGOM right away."
            ),
        );
        self.mail(
            to,
            About::Account(account_id),
            ("Je e-mailadres is veranderd", "Your e-mail address was changed"),
            body,
        )
    }

    /// Two-step verification was switched on (`on`) or off.
    pub fn second_factor_changed(&self, to: &str, account_id: i64, on: bool) -> Mail {
        let (subject, nl, en) = if on {
            (
                ("Tweestapsverificatie staat aan", "Two-step verification is on"),
                "Op je account bij IGOM Zelfregie staat tweestapsverificatie nu aan. Inloggen vraagt nu je \
                 wachtwoord en een code uit je app.",
                "Two-step verification is now on for your IGOM Zelfregie account. Logging in now takes your \
                 password and a code from your app.",
            )
        } else {
            (
                ("Tweestapsverificatie staat uit", "Two-step verification is off"),
                "Op je account bij IGOM Zelfregie staat tweestapsverificatie nu uit: inloggen kan weer \
                 met alleen je wachtwoord.",
                "Two-step verification is now off for your IGOM Zelfregie account: your password alone \
                 logs you in again.",
            )
        };
        let forgot = self.page(Page::ForgotPassword);
        let body = self.body(
            &format!(
                "{nl} Was jij dit niet? Kies dan meteen een nieuw wachtwoord via {forgot} en neem contact op met IGOM."
            ),
            &format!("{en} Was this not you? Choose a new password at {forgot} right away and contact IGOM."),
        );
        self.mail(to, About::Account(account_id), subject, body)
    }

    /// There is news about a request: where to read it, never what it says (a mailbox is
    /// not the place for it). With an answer or a closing, where to turn when the person
    /// disagrees: the data protection officer (when there is one) and the supervisory
    /// authority.
    pub fn request_news(&self, to: &str, account_id: i64, action: Action, dpo_email: Option<&str>) -> Mail {
        let (subject, nl, en) = match action {
            Action::Answer => (
                ("Er is een antwoord op je verzoek", "There is an answer to your request"),
                "Er is een antwoord op je verzoek aan IGOM.",
                "There is an answer to your request to IGOM.",
            ),
            Action::Extend => (
                ("We hebben meer tijd nodig voor je verzoek", "We need more time for your request"),
                "We hebben meer tijd nodig voor je verzoek aan IGOM. Je ziet de reden en de nieuwe datum in het portaal.",
                "We need more time for your request to IGOM. You can see the reason and the new date in the portal.",
            ),
            Action::Close => (
                ("Je verzoek is afgesloten", "Your request has been closed"),
                "Je verzoek aan IGOM is afgesloten. Je ziet de reden in het portaal.",
                "Your request to IGOM has been closed. You can see the reason in the portal.",
            ),
        };
        let (disagree_nl, disagree_en) = match (action, dpo_email) {
            (Action::Extend, _) => (String::new(), String::new()),
            (_, Some(dpo)) => (
                format!("\n\nBen je het er niet mee eens? Dan kun je terecht bij de functionaris gegevensbescherming ({dpo}) of de Autoriteit Persoonsgegevens."),
                format!("\n\nIf you disagree, you can turn to the data protection officer ({dpo}) or the Dutch Data Protection Authority."),
            ),
            (_, None) => (
                "\n\nBen je het er niet mee eens? Dan kun je een klacht indienen bij de Autoriteit Persoonsgegevens.".to_owned(),
                "\n\nIf you disagree, you can complain to the Dutch Data Protection Authority.".to_owned(),
            ),
        };
        let page = self.page(Page::Requests);
        let body = self.body(
            &format!(
                "{nl} Log in om het te lezen:\n\n{page}\n\n\
                 Om je privacy te beschermen staat de inhoud niet in deze mail.{disagree_nl}"
            ),
            &format!(
                "{en} Log in to read it:\n\n{page}\n\nTo protect your privacy, the content is not in this e-mail.{disagree_en}"
            ),
        );
        self.mail(to, About::Account(account_id), subject, body)
    }

    /// The academy cancelled a training: it names the training and its date, says the
    /// enrolment (or the place on the waiting list) has ended and where to see it, and holds
    /// no link that acts.
    pub fn training_cancelled(&self, to: &str, account_id: i64, title: &str, starts_at: time::OffsetDateTime) -> Mail {
        let local = starts_at.to_offset(zelfregie_model::privacy_request::netherlands_offset(starts_at));
        let when = format!(
            "{:02}-{:02}-{} {:02}:{:02}",
            local.day(),
            u8::from(local.month()),
            local.year(),
            local.hour(),
            local.minute()
        );
        let (mine, offer) = (self.page(Page::Academy), self.page(Page::Catalogue));
        let body = self.body(
            &format!(
                "Beste cursist,\n\n\
                 De IGOM-Academie heeft de opleiding \"{title}\" van {when} geannuleerd. Je inschrijving \
                 (of je plaats op de wachtlijst) is daarmee vervallen; je hoeft niets te doen. Bij je \
                 opleidingen staat deze opleiding nu als \"geannuleerd door de academie\".\n\n\
                 Bekijk je opleidingen: {mine}\n\
                 Het opleidingsaanbod: {offer}\n\n\
                 Met vriendelijke groet,\nIGOM-Academie"
            ),
            &format!(
                "The IGOM Academy has cancelled the training \"{title}\" of {when}. Your enrolment (or your \
                 place on the waiting list) has ended; you need not do anything. Your trainings page now \
                 shows it as \"cancelled by the academy\". Your trainings: {mine}"
            ),
        );
        self.mail(to, About::Account(account_id), ("Opleiding geannuleerd", "Training cancelled"), body)
    }

    /// The retention warning: when the account goes, what goes, how to keep it, how to get a
    /// copy first.
    pub fn inactivity_warning(&self, to: &str, account_id: i64, on: time::Date) -> Mail {
        let (nl, en) = long_date(on);
        let (login, export) = (self.page(Page::Login), self.page(Page::Export));
        let body = self.body(
            &format!(
                "Je hebt al lang niet ingelogd bij IGOM Zelfregie. Daarom verwijderen we op {nl} je account \
                 met alles erin. Dat is je profiel in de kandidatenbank, je opleidingen, je toestemmingen en de rest.\n\n\
                 Wil je dat niet? Log dan voor {nl} in: {login}. Dan blijft alles staan.\n\
                 Wil je eerst een kopie van je gegevens? Log in en ga naar {export}.\n\
                 Doe je niets, dan verwijderen we alles op {nl}. Je krijgt hierover geen andere mail meer."
            ),
            &format!(
                "You have not logged in to IGOM Zelfregie for a long time. On {en} we will therefore delete \
                 your account with everything in it. That is your profile in the candidate bank, your trainings, \
                 your consents and the rest.\n\n\
                 Do you want to keep it? Log in before {en}: {login}. Then everything stays.\n\
                 Want a copy of your data first? Log in and go to {export}.\n\
                 If you do nothing, we delete everything on {en}. You will get no other mail about this."
            ),
        );
        self.mail(
            to,
            About::Account(account_id),
            ("Je account wordt verwijderd als je niet inlogt", "Your account will be deleted if you do not log in"),
            body,
        )
    }

    /// "Something changed in how IGOM uses your data": the changes in words, where to read
    /// more.
    pub fn register_changed(&self, to: &str, account_id: i64, changes: &[RegisterChange]) -> Mail {
        let statement = self.page(Page::PrivacyStatement);
        let nl: String = changes.iter().map(|c| format!("- {}\n", c.summary.nl)).collect();
        let en: String = changes.iter().map(|c| format!("- {}\n", c.summary.en)).collect();
        let body = self.body(
            &format!(
                "Er is iets veranderd in hoe IGOM je gegevens gebruikt. Er is een doel of een ontvanger bij gekomen.\n\n\
                 Dit is er veranderd:\n{nl}\n\
                 Lees alles in de privacyverklaring: {statement}\n\
                 Je ziet dit ook op je overzicht als je inlogt. Je hoeft niets te doen."
            ),
            &format!(
                "Something changed in how IGOM uses your data. A purpose or a recipient was added.\n\n\
                 This is what changed:\n{en}\n\
                 Read everything in the privacy statement: {statement}\n\
                 You also see this on your overview when you log in. You do not need to do anything."
            ),
        );
        self.mail(
            to,
            About::Account(account_id),
            ("Er is iets veranderd in hoe IGOM je gegevens gebruikt", "Something changed in how IGOM uses your data"),
            body,
        )
    }

    /// "Your consent to be in the candidate bank ends on …": with the one-tap renewal's page.
    pub fn listing_reminder(&self, to: &str, account_id: i64, until: time::Date) -> Mail {
        let page = self.page(Page::Visibility);
        let (nl, en) = long_date(until);
        let body = self.body(
            &format!(
                "Je profiel staat in de kandidatenbank van IGOM. Je toestemming daarvoor geldt tot en met {nl}.\n\n\
                 Wil je erin blijven staan? Verleng je toestemming met één klik op de pagina Zichtbaarheid:\n\n{page}\n\n\
                 Doe je niets, dan haalt het portaal je profiel na die dag uit de kandidatenbank. Je profiel zelf blijft bestaan."
            ),
            &format!(
                "Your profile is in IGOM's candidate bank. Your consent for that holds until {en} (inclusive). \
                 To stay in it, renew your consent with one click on the Visibility page:\n\n{page}\n\n\
                 If you do nothing, the portal takes your profile out of the candidate bank after that day. Your profile itself stays."
            ),
        );
        self.mail(
            to,
            About::Account(account_id),
            ("Je toestemming voor de kandidatenbank loopt af", "Your consent for the candidate bank is running out"),
            body,
        )
    }

    /// "Your profile is no longer in the candidate bank."
    pub fn listing_lapsed(&self, to: &str, account_id: i64) -> Mail {
        let page = self.page(Page::Visibility);
        let body = self.body(
            &format!(
                "Je toestemming om in de kandidatenbank van IGOM te staan is na 12 maanden verlopen. Daarom ziet geen \
                 recruiter je profiel meer. Je profiel zelf is niet verwijderd.\n\n\
                 Wil je er weer in staan? Zet het aan op de pagina Zichtbaarheid:\n\n{page}"
            ),
            &format!(
                "Your consent to be in IGOM's candidate bank ran out after 12 months. So no recruiter sees your profile \
                 any more. Your profile itself has not been deleted.\n\n\
                 To be in it again, switch it on on the Visibility page:\n\n{page}"
            ),
        );
        self.mail(
            to,
            About::Account(account_id),
            ("Je profiel staat niet meer in de kandidatenbank", "Your profile is no longer in the candidate bank"),
            body,
        )
    }

    /// The newsletter's double opt-in: the confirmation link, valid `hours`, and the way
    /// out (`unsubscribe_page`, and `headers`: `List-Unsubscribe` with one click).
    pub fn newsletter_confirm(
        &self,
        to: &str,
        account_id: i64,
        token: &str,
        hours: i64,
        unsubscribe_page: &str,
        headers: Vec<(String, String)>,
    ) -> Mail {
        let link = self.link(Page::NewsletterConfirm, token);
        let body = self.body(
            &format!(
                "Bevestig dat je de nieuwsflits van IGOM wilt ontvangen:\n\n{link}\n\nDe link werkt {hours} uur. \
                 Heb je dit niet zelf gevraagd? Dan hoef je niets te doen: zonder bevestiging ontvang je niets. \
                 Toch afmelden: {unsubscribe_page}"
            ),
            &format!(
                "Please confirm that you want to receive IGOM's newsletter:\n\n{link}\n\nThe link works for {hours} hours. \
                 Did not ask for it? Do nothing: without confirmation you receive nothing. To withdraw anyway: {unsubscribe_page}"
            ),
        );
        Mail {
            headers,
            ..self.mail(
                to,
                About::Account(account_id),
                ("Bevestig je aanmelding voor de nieuwsflits", "Confirm your subscription to the newsletter"),
                body,
            )
        }
    }

    /// An invitation to work in the portal as `role_nl`/`role_en`; the link works for
    /// `until_nl`/`until_en`, once.
    pub fn invitation(
        &self,
        to: &str,
        token_hash: &[u8],
        token: &str,
        (role_nl, role_en): (&str, &str),
        (until_nl, until_en): (&str, &str),
    ) -> Mail {
        let link = self.link(Page::Invitation, token);
        let body = self.body(
            &format!(
                "Je bent uitgenodigd om in IGOM Zelfregie te werken als {role_nl}.\n\n\
                 Open deze link, kies een wachtwoord en druk op de knop om je account te maken:\n\n{link}\n\n\
                 Daarna stel je tweestapsverificatie in (een app of een passkey). Pas dan zie je gegevens van anderen.\n\n\
                 De link werkt {until_nl} en één keer. Verwacht je deze uitnodiging niet? Doe dan niets: zonder de knop komt er geen account."
            ),
            &format!(
                "You are invited to work in IGOM Zelfregie as {role_en}.\n\n\
                 Open this link, choose a password and press the button to create your account:\n\n{link}\n\n\
                 Then you set up two-step verification (an app or a passkey). Only then do you see other people's data.\n\n\
                 The link works for {until_en}, once. Not expecting this invitation? Do nothing: without the button, no account is made."
            ),
        );
        self.mail(
            to,
            About::Registration(token_hash.to_vec()),
            ("Uitnodiging voor IGOM Zelfregie", "Invitation to IGOM Zelfregie"),
            body,
        )
    }

    /// To an administrator: these accounts went unused for `days` days and are suspended.
    pub fn accounts_suspended(&self, to: &str, account_id: i64, days: i64, list: &str) -> Mail {
        let page = self.page(Page::Admin);
        let body = self.body(
            &format!(
                "Deze accounts zijn {days} dagen niet gebruikt en daarom geschorst. Ze kunnen niet meer inloggen.\n\n{list}\n\n\
                 Is een account nog nodig? Zet het weer open op de pagina Beheer: {page}"
            ),
            &format!(
                "These accounts were not used for {days} days and are therefore suspended. They can no longer log in.\n\n{list}\n\n\
                 Is an account still needed? Reinstate it on the Administration page: {page}"
            ),
        );
        self.mail(to, About::Account(account_id), ("Ongebruikte accounts geschorst", "Unused accounts suspended"), body)
    }

    /// To a manager a participant named (`account_id`: the participant; the mail goes when
    /// they are erased). It says first that it is an automatic notice of the portal, and
    /// every word the participant typed (their name, job title, the manager's name) stands
    /// quoted after a label saying so; the subject holds no typed text at all, so the mail
    /// cannot be made to look like another sender's message.
    pub fn manager_named(&self, account_id: i64, p: &Participant) -> Mail {
        let who = p.full_name();
        let employer = zelfregie_model::Partner::all()
            .into_iter()
            .find(|x| x.slug == p.employer)
            .map_or_else(|| p.employer.clone(), |x| x.name);
        let (public_url, statement) = (&self.public_url, self.page(Page::PrivacyStatement));
        let (manager, email, job) = (&p.manager_name, &p.manager_email, &p.job_title);
        let body = self.body(
            &format!(
                "Dit is een automatisch bericht van het zelfregieportaal van IGOM ({public_url}).\n\n\
                 Iemand heeft zich aangemeld als cursist van de IGOM-Academie en jouw e-mailadres opgegeven \
                 als dat van de leidinggevende. Wat de cursist zelf intypte, staat hieronder tussen \
                 aanhalingstekens; wij hebben het niet gecontroleerd.\n\n\
                 Wat is vastgelegd:\n\
                 - naam van de cursist: \"{who}\"\n\
                 - functie: \"{job}\"\n\
                 - werkgever: {employer}\n\
                 - jouw naam als leidinggevende: \"{manager}\"\n\
                 - jouw e-mailadres: {email}\n\n\
                 Door wie: de cursist zelf; jouw gegevens komen dus van de cursist, niet van jou.\n\
                 Waarom: zodat de IGOM-Academie de opleidingen van de cursist met jou als leidinggevende kan afstemmen. \
                 Wij gebruiken je naam en e-mailadres alleen daarvoor, en bewaren ze tot de cursist stopt \
                 of een andere leidinggevende opgeeft.\n\
                 Wie: de 35 aangesloten organisaties van IGOM samen; de Stuurgroep IGOM regelt vragen en verzoeken namens hen.\n\
                 Inzage, correctie of bezwaar: mail {privacy}. Je kunt ook een klacht indienen bij de Autoriteit Persoonsgegevens.\n\
                 Meer lezen: {statement}\n\n\
                 Je hoeft niets te doen. Deze mail krijg je één keer, niet bij elke wijziging van de aanmelding. \
                 Het portaal vraagt je nooit om te bellen, te betalen of een wachtwoord te geven.",
                privacy = self.privacy_email,
            ),
            &format!(
                "This is an automatic notice from IGOM's self-service portal ({public_url}). Someone registered as a \
                 participant of the IGOM Academy and gave your e-mail address as their manager's. What the participant \
                 typed is quoted; we did not check it. Recorded: participant's name \"{who}\", job title \"{job}\", \
                 employer {employer}, your name as manager \"{manager}\", your e-mail address {email}. By: the participant; \
                 your details come from them, not from you. Why: so the IGOM Academy can coordinate the participant's \
                 trainings with you as manager. Kept until they stop as a participant or name another manager. \
                 Access, correction or objection: {privacy}. You may also complain to the Dutch Data \
                 Protection Authority (Autoriteit Persoonsgegevens). You need not do anything. The portal never asks \
                 you to call, pay or give a password.",
                privacy = self.privacy_email,
            ),
        );
        self.mail(
            &p.manager_email,
            About::Account(account_id),
            (
                "Je bent opgegeven als leidinggevende bij de IGOM-Academie (automatisch bericht)",
                "You were named as manager at the IGOM Academy (automatic message)",
            ),
            body,
        )
    }

    /// A breach notice, in the words privacy staff wrote and the person also reads in the
    /// portal.
    pub fn breach_notice(&self, to: &str, account_id: i64, text: &zelfregie_model::breach::NoticeText) -> Mail {
        let (subject, body) = zelfregie_model::breach::mail(text, &self.page(Page::MyBreachNotices));
        Mail { to: to.to_owned(), subject, body, headers: Vec::new(), about: About::Account(account_id) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letterhead() -> Letterhead {
        Letterhead {
            public_url: "https://zelfregie.example".into(),
            privacy_email: "privacy@igom.example".into(),
            first: Language::Nl,
        }
    }

    /// Every mail but the breach notice, with made-up parts.
    fn every_mail() -> Vec<(&'static str, Mail)> {
        every_mail_of(&letterhead())
    }

    /// Every kind of mail, from letterhead `h` (its `first` language first).
    fn every_mail_of(h: &Letterhead) -> Vec<(&'static str, Mail)> {
        let day = time::macros::date!(2027 - 03 - 01);
        let starts = time::macros::datetime!(2027-03-01 09:00 UTC);
        let participant = Participant {
            manager_email: "baas@example.org".into(),
            manager_name: "Baas".into(),
            ..Participant::default()
        };
        vec![
            ("registration_link", h.registration_link("a@example.org", b"h", "tok", 24)),
            ("account_exists", h.account_exists("a@example.org", 1)),
            ("reset_link", h.reset_link("a@example.org", 1, "tok", 30)),
            ("password_changed", h.password_changed("a@example.org", 1)),
            ("address_taken", h.address_taken("a@example.org", 2)),
            ("confirm_address", h.confirm_address("a@example.org", 1, "tok", 24)),
            ("address_change_asked", h.address_change_asked("a@example.org", 1, "b@example.org")),
            ("address_changed", h.address_changed("a@example.org", 1, "b@example.org")),
            ("second_factor_changed", h.second_factor_changed("a@example.org", 1, true)),
            ("request_news", h.request_news("a@example.org", 1, Action::Answer, Some("fg@example.org"))),
            ("training_cancelled", h.training_cancelled("a@example.org", 1, "Excel", starts)),
            ("inactivity_warning", h.inactivity_warning("a@example.org", 1, day)),
            ("register_changed", h.register_changed("a@example.org", 1, &[])),
            ("listing_reminder", h.listing_reminder("a@example.org", 1, day)),
            ("listing_lapsed", h.listing_lapsed("a@example.org", 1)),
            (
                "newsletter_confirm",
                h.newsletter_confirm(
                    "a@example.org",
                    1,
                    "tok",
                    48,
                    "https://zelfregie.example/nieuwsbrief/afmelden?token=u",
                    vec![(
                        "List-Unsubscribe".into(),
                        "<https://zelfregie.example/api/newsletter/unsubscribe?token=u>".into(),
                    )],
                ),
            ),
            (
                "invitation",
                h.invitation("a@example.org", b"h", "tok", ("beheerder", "administrator"), ("7 dagen", "7 days")),
            ),
            ("accounts_suspended", h.accounts_suspended("a@example.org", 1, 90, "- x@example.org")),
            ("manager_named", h.manager_named(1, &participant)),
        ]
    }

    #[test]
    fn every_mail_closes_in_both_languages_with_the_privacy_contact() {
        for (name, mail) in every_mail() {
            let (first, second) =
                mail.body.split_once("\n\n---\n\n").unwrap_or_else(|| panic!("{name}: two languages"));
            for part in [first, second] {
                assert!(
                    part.trim_end().ends_with("privacy@igom.example."),
                    "{name}: closing lines under each language"
                );
            }
            assert!(mail.body.contains("Vragen over je gegevens?") && mail.body.contains("Questions about your data?"));
            // Each language's part holds its own links: the English one may come first.
            assert!(!mail.body.contains("above"), "{name}: a link 'above' is not there when English comes first");
            assert!(!mail.subject.is_empty() && !mail.subject.contains('\n'), "{name}: a one-line subject");
        }
    }

    #[test]
    fn every_link_in_a_mail_is_a_page_of_the_table() {
        for (name, mail) in every_mail() {
            for word in mail.body.split_whitespace() {
                let Some(rest) = word.strip_prefix("https://zelfregie.example") else { continue };
                let path = rest.split('?').next().unwrap_or("").trim_end_matches(['.', ',', ')']);
                if path.is_empty() {
                    continue; // the portal's own address, named as the sender
                }
                assert!(Page::at(path).is_some(), "{name}: {path} is not a page of the app");
            }
        }
    }

    /// B1 (issue 25): no sentence of any mail, subject or body, in either language, is longer
    /// than 20 words (`zelfregie_model::plain`); links and addresses count as one word.
    #[test]
    fn every_sentence_of_every_mail_is_at_most_twenty_words() {
        let english = Letterhead { first: Language::En, ..letterhead() };
        let mut long = std::collections::BTreeSet::new();
        for (name, mail) in every_mail().into_iter().chain(every_mail_of(&english)) {
            for (words, sentence) in
                zelfregie_model::plain::long_sentences(&format!("{}.\n{}", mail.subject, mail.body))
            {
                long.insert(format!("{name} ({words} words): {sentence}"));
            }
        }
        let long: Vec<String> = long.into_iter().collect();
        assert!(long.is_empty(), "{} sentences over 20 words:\n{}", long.len(), long.join("\n"));
    }

    #[test]
    fn only_the_newsletter_mail_carries_list_unsubscribe() {
        for (name, mail) in every_mail() {
            let has = mail.headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("List-Unsubscribe"));
            assert_eq!(has, name == "newsletter_confirm", "{name}");
        }
    }

    #[test]
    fn the_persons_language_comes_first() {
        let h = letterhead();
        let en = Letterhead { first: Language::En, ..letterhead() }.registration_link("a@example.org", b"h", "tok", 24);
        assert!(en.body.starts_with("You want to create"));
        assert_eq!(en.subject, "Finish your account");
        let nl = h.registration_link("a@example.org", b"h", "tok", 24);
        assert!(nl.body.starts_with("Je wilt een account maken"));
        assert_eq!(nl.subject, "Maak je account af");
    }

    /// Every mail has its subject in both languages, each in the language of its body's
    /// first part (issue 25: English readers got Dutch subjects).
    #[test]
    fn every_subject_is_in_the_persons_language() {
        let english = Letterhead { first: Language::En, ..letterhead() };
        let dutch: Vec<_> = every_mail();
        let h = english;
        let english_mails = vec![
            h.registration_link("a@example.org", b"h", "tok", 24),
            h.reset_link("a@example.org", 1, "tok", 30),
            h.second_factor_changed("a@example.org", 1, false),
            h.request_news("a@example.org", 1, Action::Close, None),
            h.listing_lapsed("a@example.org", 1),
            h.invitation("a@example.org", b"h", "tok", ("beheerder", "administrator"), ("7 dagen", "7 days")),
        ];
        for mail in &english_mails {
            assert!(mail.body.starts_with(|c: char| c.is_ascii_uppercase()) && !mail.body.starts_with("Je "));
        }
        let subjects: std::collections::HashSet<_> = dutch.iter().map(|(_, m)| m.subject.clone()).collect();
        for mail in &english_mails {
            assert!(!subjects.contains(&mail.subject), "differs from the Dutch: {}", mail.subject);
        }
    }
}
