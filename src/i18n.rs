//! Every text of the UI, in Dutch (the default) and English, and the sentence for every
//! error code. One table: a key without both languages does not compile.

use zelfregie_model::age_key::KeyKind;
use zelfregie_model::{AudienceNames, ErrorCode, Partner, PARTNER_NAMES};

/// A UI language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    /// Nederlands: the default.
    #[default]
    Nl,
    /// English.
    En,
}

impl Lang {
    /// BCP 47 tag, for `<html lang>` and date formatting.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// The language named by `tag`; Dutch for anything unknown.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.eq_ignore_ascii_case("en") {
            Lang::En
        } else {
            Lang::Nl
        }
    }

    /// The language the switch offers.
    pub fn other(self) -> Lang {
        match self {
            Lang::Nl => Lang::En,
            Lang::En => Lang::Nl,
        }
    }

    /// The language's own name, as the switch shows it.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Nl => "Nederlands",
            Lang::En => "English",
        }
    }
}

macro_rules! texts {
    ($($key:ident => $nl:expr, $en:expr;)*) => {
        /// A text of the UI.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[allow(missing_docs)]
        pub enum T { $($key),* }

        impl T {
            /// Every text, for completeness tests.
            pub const ALL: &'static [T] = &[$(T::$key),*];

            /// The text in `lang`.
            pub fn get(self, lang: Lang) -> &'static str {
                match self {
                    $(T::$key => match lang { Lang::Nl => $nl, Lang::En => $en }),*
                }
            }
        }
    };
}

impl T {
    /// The name of an account's kind.
    pub fn role(role: zelfregie_model::Role) -> T {
        use zelfregie_model::Role;
        match role {
            Role::Person => T::RolePerson,
            Role::Recruiter => T::RoleRecruiter,
            Role::AcademyStaff => T::RoleAcademyStaff,
            Role::PrivacyStaff => T::RolePrivacyStaff,
            Role::Administrator => T::RoleAdministrator,
        }
    }
}

texts! {
    AppName => "Zelfregie", "Zelfregie";
    AppTagline => "Jouw gegevens bij IGOM", "Your data at IGOM";
    SkipToContent => "Naar de inhoud", "Skip to content";
    MainNav => "Hoofdmenu", "Main menu";
    Menu => "Menu", "Menu";
    LanguageSwitchLabel => "Switch to English", "Schakel naar Nederlands";
    NavOverview => "Overzicht", "Overview";
    NavAccount => "Account", "Account";
    NavLogin => "Inloggen", "Log in";
    NavRegister => "Registreren", "Register";
    Loading => "Laden…", "Loading…";
    Retry => "Opnieuw proberen", "Try again";
    PageUnavailable => "Deze pagina kon niet worden geladen. Controleer je internetverbinding en probeer het opnieuw.",
                       "This page could not be loaded. Check your internet connection and try again.";
    Footer => "Zelfregie is het privacyportaal van IGOM, het samenwerkingsverband van 35 (semi-)overheidsorganisaties in Zuid- en Midden-Limburg.",
              "Zelfregie is the privacy portal of IGOM, the network of 35 public-sector organisations in South and Central Limburg.";

    EmailLabel => "E-mailadres", "E-mail address";
    PasswordLabel => "Wachtwoord", "Password";
    NewPasswordHint => "Minstens 12 tekens. Een zin van een paar woorden werkt goed en is makkelijk te onthouden.",
                       "At least 12 characters. A sentence of a few words works well and is easy to remember.";
    ShowPassword => "Wachtwoord tonen", "Show password";
    RequiredNote => "Velden met een * moet je invullen.", "Fields marked * must be filled in.";
    PasswordInstruction => "Vul je wachtwoord in.", "Enter your password.";
    CurrentPasswordInstruction => "Vul je huidige wachtwoord in.", "Enter your current password.";
    FormHasErrors => "Controleer de gemarkeerde velden.", "Please check the marked fields.";

    LoginTitle => "Inloggen", "Log in";
    LoginIntro => "Log in om je gegevens te bekijken en te beheren.", "Log in to see and manage your data.";
    LoginSubmit => "Inloggen", "Log in";
    LoginBusy => "Bezig met inloggen…", "Logging in…";
    LoginNoAccount => "Nog geen account?", "No account yet?";
    LoginRegisterLink => "Maak een account aan", "Create an account";
    LoggedOutNotice => "Je bent uitgelogd.", "You have been logged out.";
    LoggedOutEverywhereNotice => "Je bent op al je apparaten uitgelogd.", "You have been logged out on all your devices.";
    SessionEndsSoonTitle => "Je wordt bijna uitgelogd", "You will be logged out soon";
    SessionEndsSoonText => "Je hebt een tijdje niets gedaan. Om je gegevens te beschermen, word je straks uitgelogd. Wil je ingelogd blijven?",
        "You have not done anything for a while. To protect your data, you will be logged out soon. Do you want to stay logged in?";
    SessionTimeLeft => "Tijd over:", "Time left:";
    SessionStay => "Blijf ingelogd", "Stay logged in";
    SessionEndedTitle => "Je sessie is afgelopen", "Your session has ended";
    SessionEndedText => "Je was een tijdje niet actief, of je bent ergens anders uitgelogd. Log opnieuw in om verder te gaan. Wat je hebt ingevuld, blijft staan.",
        "You were inactive for a while, or you logged out somewhere else. Log in again to carry on. What you filled in stays.";
    SessionGiveUp => "Naar de inlogpagina", "Go to the login page";
    NavLogout => "Uitloggen", "Log out";
    SessionEndedNotice => "Je sessie is verlopen. Log opnieuw in.", "Your session has ended. Please log in again.";

    LoginForgot => "Wachtwoord vergeten?", "Forgot your password?";
    PasskeyLoginButton => "Inloggen met een passkey", "Log in with a passkey";
    PasskeyLoginUnsupported => "Inloggen met een passkey kan niet in deze browser. Gebruik je e-mailadres en wachtwoord.",
                               "This browser cannot log in with a passkey. Use your e-mail address and password.";
    PasskeysHeading => "Passkeys", "Passkeys";
    PasskeysIntro => "Met een passkey log je in met je telefoon of computer. Je gebruikt dan je vingerafdruk, je gezicht of de pincode van je apparaat. Je hebt dan geen wachtwoord nodig. Niemand kan een passkey afkijken of namaken.",
                     "With a passkey you log in with your phone or computer: with your fingerprint, your face or your device's PIN. You do not need a password then. Nobody can copy or fake a passkey.";
    PasskeysNone => "Je hebt nog geen passkey.", "You have no passkey yet.";
    PasskeysUnsupported => "Deze browser kan geen passkeys maken. Je kunt je passkeys hier wel bekijken en verwijderen.",
                           "This browser cannot make passkeys. You can still see and remove your passkeys here.";
    PasskeyCreated => "Toegevoegd", "Added";
    PasskeyLastUsed => "Laatst gebruikt", "Last used";
    PasskeyNeverUsed => "nog niet", "not yet";
    PasskeyRemove => "Verwijder passkey", "Remove passkey";
    PasskeyName => "Naam van de nieuwe passkey", "Name of the new passkey";
    PasskeyNameHint => "Zo herken je hem later, bijvoorbeeld: Telefoon of Laptop werk.", "So you recognise it later, for example: Phone or Work laptop.";
    PasskeyPassword => "Je wachtwoord", "Your password";
    PasskeyPasswordHint => "Nodig om een passkey toe te voegen of te verwijderen. Heb je al een passkey? Laat dit leeg: dan bevestig je met je passkey.",
                           "Needed to add or remove a passkey. Already have a passkey? Leave this empty: you then confirm with your passkey.";
    PasskeyAddSubmit => "Passkey toevoegen", "Add passkey";
    PasskeyAdded => "De passkey is toegevoegd. Je kunt er nu mee inloggen.", "The passkey has been added. You can now log in with it.";
    PasskeyRemoved => "De passkey is verwijderd. Je kunt er niet meer mee inloggen.", "The passkey has been removed. You can no longer log in with it.";
    PasskeyOrPassword => "Heb je een passkey? Dan kun je bij het wijzigen van je wachtwoord en bij het verwijderen van je account het wachtwoordveld leeg laten. Je bevestigt dan met je passkey.",
                         "Do you have a passkey? Then you can leave the password field empty when changing your password or deleting your account. You then confirm with your passkey.";
    ForgotTitle => "Wachtwoord vergeten", "Forgot your password";
    ForgotIntro => "Vul je e-mailadres in. Je krijgt dan een mail met een link om een nieuw wachtwoord te kiezen.",
                   "Enter your e-mail address. You will get an e-mail with a link to choose a new password.";
    ForgotSubmit => "Stuur mij een link", "Send me a link";
    ForgotSent => "Als er een account bij dit adres hoort, krijg je binnen een paar minuten een mail met een link. De link werkt 30 minuten. Geen mail? Kijk ook bij je spam.",
                  "If there is an account with this address, you will get an e-mail with a link within a few minutes. The link works for 30 minutes. No e-mail? Check your spam folder too.";
    ResetTitle => "Nieuw wachtwoord kiezen", "Choose a new password";
    ResetIntro => "Kies een nieuw wachtwoord. Daarna ben je op al je apparaten uitgelogd en log je in met het nieuwe wachtwoord.",
                  "Choose a new password. After that you are logged out on all your devices and you log in with the new password.";
    ResetSubmit => "Wachtwoord opslaan", "Save password";
    ResetDone => "Je nieuwe wachtwoord is opgeslagen. Je bent overal uitgelogd. Log nu in met je nieuwe wachtwoord.",
                 "Your new password has been saved. You have been logged out everywhere. Log in now with your new password.";
    ResetToLogin => "Naar inloggen", "Go to log in";
    ResetLinkInvalid => "Deze link werkt niet (meer): hij is al gebruikt, ouder dan 30 minuten of niet compleet. Vraag een nieuwe link aan.",
                        "This link does not work (any more): it was used already, is older than 30 minutes or is incomplete. Ask for a new link.";
    ResetAskAgain => "Nieuwe link aanvragen", "Ask for a new link";

    RegisterTitle => "Registreren", "Register";
    RegisterIntro => "Met een account beheer je zelf je profiel, wie het ziet en je toestemmingen.",
                     "With an account you manage your profile, who sees it and your consents yourself.";
    RegisterPrivacy => "Voor je account bewaren we alleen je e-mailadres en een code die van je wachtwoord is gemaakt. Het wachtwoord zelf bewaren we niet. Je krijgt eerst een e-mail met een link; daar kies je je wachtwoord. Wat je daarna invult, bepaal je zelf, en je kunt alles weer verwijderen.",
                       "For your account we keep only your e-mail address and a code made from your password (not the password itself). You first get an e-mail with a link; there you choose your password. What you fill in after that is up to you, and you can delete it all again.";
    RegisterPrivacyLink => "Lees de privacyverklaring", "Read the privacy statement";
    RegisterSubmit => "Stuur mij een link", "Send me a link";
    RegisterBusy => "Bezig met versturen…", "Sending…";
    RegisterHaveAccount => "Heb je al een account?", "Already have an account?";
    RegisterSentTo => "Kijk in je mail. We stuurden een link naar", "Check your e-mail. We sent a link to";
    RegisterSent => "Open de link, kies je wachtwoord en maak je account. De link werkt 24 uur. Geen mail? Kijk ook bij je spam. Vroeg je net al een link? Dan werkt die link ook.",
                    "Open the link, choose your password and create your account. The link works for 24 hours. No e-mail? Check your spam folder too. Did you just ask for a link? Then that link works too.";
    RegisterConfirmTitle => "Account maken", "Create your account";
    RegisterConfirmText => "Kies een wachtwoord en druk op de knop om je account te maken. Daarna ben je meteen ingelogd.",
                           "Choose a password and press the button to create your account. You will be logged in right away.";
    RegisterConfirmSubmit => "Maak mijn account", "Create my account";
    RegisterLinkInvalid => "Deze link werkt niet (meer): hij is al gebruikt, ouder dan 24 uur of niet compleet. Heb je je account al gemaakt? Log dan in. Anders kun je opnieuw registreren.",
                           "This link does not work (any more): it was used already, is older than 24 hours or is incomplete. Already created your account? Then log in. Otherwise you can register again.";
    RegisterAgain => "Opnieuw registreren", "Register again";
    EmailChangeHeading => "E-mailadres veranderen", "Change e-mail address";
    EmailChangeText => "Je krijgt een mail met een link op je nieuwe adres. Pas als je daar op de knop drukt, verandert je adres. We sturen ook een bericht naar je huidige adres.",
                       "You will get an e-mail with a link at your new address. Your address only changes once you press the button there. We also send a message to your current address.";
    EmailChangeNew => "Nieuw e-mailadres", "New e-mail address";
    EmailChangePassword => "Je huidige wachtwoord", "Your current password";
    EmailChangeSubmit => "Stuur de link", "Send the link";
    EmailChangeSent => "Kijk in de mail van je nieuwe adres en open de link. Druk daar op de knop om te bevestigen. De link werkt 24 uur. Tot dan blijft je oude adres gelden.",
                       "Check the e-mail of your new address and open the link. Press the button there to confirm. The link works for 24 hours. Until then your old address stays.";
    EmailConfirmTitle => "Nieuw e-mailadres bevestigen", "Confirm new e-mail address";
    EmailConfirmText => "Druk op de knop om dit e-mailadres voor je account te gebruiken. Daarna log je in met dit adres. Op je andere apparaten word je uitgelogd.",
                        "Press the button to use this e-mail address for your account. After that you log in with this address. You will be logged out on your other devices.";
    EmailConfirmSubmit => "Gebruik dit e-mailadres", "Use this e-mail address";
    EmailConfirmDone => "Je e-mailadres is veranderd. Log voortaan in met je nieuwe adres.",
                        "Your e-mail address has been changed. From now on, log in with your new address.";
    EmailLinkInvalid => "Deze link werkt niet (meer): hij is al gebruikt, ouder dan 24 uur of niet compleet. Je kunt het opnieuw vragen op de pagina Account.",
                        "This link does not work (any more): it was used already, is older than 24 hours or is incomplete. You can ask again on the Account page.";
    RegisterLoginLink => "Log in", "Log in";

    OverviewTitle => "Overzicht", "Overview";
    OverviewLoggedInAs => "Ingelogd als", "Logged in as";
    OverviewAccountType => "Soort account", "Account type";
    OverviewAccountSince => "Account aangemaakt", "Account created";
    OverviewActiveSessions => "Actieve sessies", "Active sessions";
    OverviewPartner => "Organisatie", "Organisation";
    RolePerson => "Persoonlijk account", "Personal account";
    RoleRecruiter => "Recruiter van een partnerorganisatie", "Recruiter of a partner organisation";
    RoleAcademyStaff => "Medewerker IGOM-Academie", "IGOM Academy staff";
    RolePrivacyStaff => "Privacymedewerker van IGOM", "IGOM privacy staff";
    RoleAdministrator => "Beheerder van het portaal", "Portal administrator";

    AccountTitle => "Account", "Account";
    AccountLogoutHeading => "Uitloggen", "Log out";
    AccountLogoutText => "Beëindig de sessie op dit apparaat.", "End the session on this device.";
    AccountLogout => "Uitloggen", "Log out";
    AccountLogoutEverywhereHeading => "Overal uitloggen", "Log out everywhere";
    AccountLogoutEverywhereText => "Beëindig alle sessies op al je apparaten, ook deze. Doe dit als je ergens bent ingelogd gebleven of je een apparaat kwijt bent.",
                                   "End every session on all your devices, this one included. Do this if you stayed logged in somewhere or lost a device.";
    AccountLogoutEverywhere => "Overal uitloggen", "Log out everywhere";
    Busy => "Bezig…", "Working…";

    NavProfile => "Profiel", "Profile";
    NavVisibility => "Zichtbaarheid", "Visibility";
    NavDisclosures => "Wie zag mijn gegevens", "Who saw my data";
    UnsavedChangesConfirm => "Je hebt wijzigingen die nog niet zijn opgeslagen. Toch deze pagina verlaten?",
                             "You have changes that are not saved yet. Leave this page anyway?";
    Save => "Opslaan", "Save";
    Saving => "Bezig met opslaan…", "Saving…";
    Saved => "Opgeslagen.", "Saved.";
    Unsaved => "Je hebt wijzigingen die nog niet zijn opgeslagen.", "You have unsaved changes.";
    MoveUp => "Omhoog", "Move up";
    MoveDown => "Omlaag", "Move down";
    Remove => "Verwijderen", "Remove";
    Yes => "Ja", "Yes";
    No => "Nee", "No";
    ConflictTitle => "Je profiel is intussen ergens anders gewijzigd", "Your profile was changed elsewhere in the meantime";
    ConflictText => "Iemand (misschien jij, op een ander apparaat) heeft je gegevens opgeslagen nadat je begon met wijzigen. Hieronder staat de nieuwere versie. Je wijzigingen zijn niet weg: kies wat je wilt doen.",
                    "Someone (perhaps you, on another device) saved your data after you started editing. The newer version is shown below. Your changes are not lost: choose what to do.";
    ConflictReapply => "Mijn wijzigingen toch opslaan", "Save my changes anyway";
    ConflictDiscard => "Nieuwere versie gebruiken", "Use the newer version";
    ConflictNewer => "Nieuwere versie", "Newer version";

    ProfileTitle => "Profiel", "Profile";
    ProfileIntro => "Dit is je profiel in de kandidatenbank. Jij bepaalt wat erin staat en, op de pagina Zichtbaarheid, wie het ziet.",
                    "This is your profile in the candidate bank. You decide what is in it and, on the Visibility page, who sees it.";
    SpecialDataWarning => "Vul geen gezondheidsgegevens, geloof, lidmaatschap van een vakbond, BSN of andere gevoelige gegevens in. Die zijn niet nodig. Het portaal weigert alleen een nummer dat op een BSN lijkt. Op andere gevoelige gegevens controleert het je tekst niet. Wat je typt, wordt bewaard zoals je het typt. Recruiters die je toelaat, lezen het bij de onderdelen die je laat zien.",
                          "Do not enter health data, religion, trade union membership, your citizen service number (BSN) or other sensitive data. They are not needed. The portal only refuses a number that looks like a BSN. It does not check your text for other sensitive data. What you type is kept as you type it. Recruiters you admit read it in the parts you show.";
    SectionPersonal => "Persoonsgegevens", "Personal details";
    SectionContact => "Contactgegevens", "Contact details";
    SectionEducation => "Opleidingen", "Education";
    SectionWork => "Werkervaring", "Work experience";
    SectionCompetences => "Competenties", "Competences";
    SectionAvailability => "Beschikbaarheid", "Availability";
    SectionOccupations => "Wensberoepen", "Desired occupations";
    FirstName => "Voornaam", "First name";
    Tussenvoegsel => "Tussenvoegsel", "Name prefix";
    LastName => "Achternaam", "Last name";
    Street => "Straat", "Street";
    StreetHint => "Recruiters zien je adres alleen als je ook je contactgegevens laat zien. Anders zien ze alleen je woonplaats.",
                  "Recruiters see your address only if you also show your contact details. Otherwise they see only your place of residence.";
    HouseNumber => "Huisnummer", "House number";
    HouseNumberAddition => "Toevoeging", "Addition";
    Postcode => "Postcode", "Postcode";
    PostcodeHint => "Bijvoorbeeld 6461 EC", "For example 6461 EC";
    City => "Woonplaats", "Place of residence";
    Employment => "Werk je bij een van de partnerorganisaties?", "Do you work for one of the partner organisations?";
    EmploymentExternal => "Nee, ik ben externe kandidaat", "No, I am an external candidate";
    ContactEmail => "E-mailadres voor recruiters", "E-mail address for recruiters";
    Phone => "Telefoonnummer", "Phone number";
    EducationItem => "Opleiding", "Education";
    EducationAdd => "Opleiding toevoegen", "Add education";
    Level => "Niveau", "Level";
    Institution => "Onderwijsinstelling", "Institution";
    Field => "Richting", "Field of study";
    From => "Van (maand)", "From (month)";
    To => "Tot (maand)", "To (month)";
    MonthHint => "Maand en jaar, bijvoorbeeld 09-2026 of september 2026.", "Month and year, for example 09-2026 or September 2026.";
    MonthOngoingHint => "Maand en jaar, bijvoorbeeld 09-2026. Leeg laten als het nog loopt.", "Month and year, for example 09-2026. Leave empty if ongoing.";
    FirstNameInstruction => "Vul je voornaam in.", "Enter your first name.";
    LastNameInstruction => "Vul je achternaam in.", "Enter your last name.";
    HouseNumberInstruction => "Vul je huisnummer in, bijvoorbeeld 12.", "Enter your house number, for example 12.";
    InstitutionInstruction => "Vul de naam van de school of opleider in.", "Enter the name of the school or training provider.";
    JobTitleInstruction => "Vul je functienaam in.", "Enter your job title.";
    EmployerInstruction => "Vul de naam van je werkgever in.", "Enter the name of your employer.";
    StartMonthInstruction => "Vul in wanneer je begon: maand en jaar, bijvoorbeeld 09-2026.", "Enter when you started: month and year, for example 09-2026.";
    HoursInstruction => "Typ een getal van 1 tot 60, bijvoorbeeld 32 of 32,5.", "Type a number from 1 to 60, for example 32 or 32.5.";
    KmInstruction => "Typ een heel getal van 1 tot 500, bijvoorbeeld 40.", "Type a whole number from 1 to 500, for example 40.";
    MinutesInstruction => "Typ een heel getal van 1 tot 300, bijvoorbeeld 45.", "Type a whole number from 1 to 300, for example 45.";
    CompetenceInstruction => "Vul een competentie in, of verwijder deze regel.", "Enter a competence, or remove this line.";
    OccupationInstruction => "Vul een beroep in, of verwijder deze regel.", "Enter an occupation, or remove this line.";
    Municipality => "gemeente", "municipality";
    Diploma => "Diploma behaald", "Diploma obtained";
    WorkItem => "Functie", "Job";
    WorkAdd => "Werkervaring toevoegen", "Add work experience";
    JobTitle => "Functienaam", "Job title";
    Employer => "Werkgever", "Employer";
    HoursPerWeek => "Uren per week", "Hours per week";
    Tasks => "Taken", "Tasks";
    FreeTextHint => "Geen gezondheidsgegevens, geloof, vakbond, BSN of andere gevoelige gegevens invullen: behalve op een BSN wordt de tekst niet gecontroleerd.", "Do not enter health data, religion, trade union, BSN or other sensitive data. Apart from a BSN, the text is not checked.";
    Competence => "Competentie", "Competence";
    CompetenceAdd => "Competentie toevoegen", "Add competence";
    Occupation => "Wensberoep", "Desired occupation";
    OccupationAdd => "Wensberoep toevoegen", "Add desired occupation";
    MaxTravelKm => "Maximale reisafstand (km)", "Maximum travel distance (km)";
    MaxTravelMinutes => "Maximale reistijd (minuten)", "Maximum travel time (minutes)";
    AvailableFrom => "Beschikbaar vanaf (maand)", "Available from (month)";
    LevelVmbo => "vmbo", "vmbo (pre-vocational)";
    LevelHavo => "havo", "havo (senior general secondary)";
    LevelVwo => "vwo", "vwo (pre-university)";
    LevelMbo => "mbo", "mbo (vocational)";
    LevelHbo => "hbo", "hbo (university of applied sciences)";
    LevelWo => "wo", "wo (university)";
    LevelOther => "Cursus of andere opleiding", "Course or other education";

    VisibilityTitle => "Zichtbaarheid", "Visibility";
    VisibilityIntro => "Jij bepaalt of je profiel in de kandidatenbank staat en welke recruiters van de partnerorganisaties wat zien. Wijzigingen gelden meteen na opslaan.",
                       "You decide whether your profile is in the candidate bank and which recruiters of the partner organisations see what. Changes apply as soon as you save.";
    Listed => "Mijn profiel staat in de kandidatenbank", "My profile is in the candidate bank";
    ListedHint => "Uit: geen enkele recruiter vindt of ziet je profiel.", "Off: no recruiter finds or sees your profile.";
    Audience => "Wie mag je profiel zien?", "Who may see your profile?";
    AudienceAll => "Alle 35 partnerorganisaties", "All 35 partner organisations";
    AudienceOnly => "Alleen de organisaties die ik kies", "Only the organisations I choose";
    AudienceExcept => "Alle organisaties behalve die ik kies", "All organisations except those I choose";
    AudiencePartners => "Organisaties", "Organisations";
    AudienceSwitchHint => "Kies je hier iets anders? Dan zien dezelfde organisaties je profiel als eerst: de vinkjes veranderen mee. Daarna zet of haal je zelf vinkjes weg. Alleen de keuze “Alle 35 partnerorganisaties” maakt je profiel voor iedereen zichtbaar.",
                          "If you choose something else here, the same organisations see your profile as before: the ticks change to match. Then tick or untick as you like. Only the choice “All 35 partner organisations” makes your profile visible to everyone.";
    AudienceTickAll => "Alles aanvinken", "Tick all";
    AudienceTickNone => "Alle vinkjes weghalen", "Untick all";
    DataHeldShort => "Wat we van je hebben:", "What we hold about you:";
    DataDetails => "Alles wat we hebben, en waarom", "Everything we hold, and why";
    LegalReference => "Het wetsartikel", "The article of the law";
    OnThisPage => "Op deze pagina", "On this page";
    PartnerFilterLabel => "Zoek een organisatie", "Find an organisation";
    PartnerFilterHint => "Typ een deel van de naam. De lijst toont dan alleen wat past.", "Type part of the name. The list then shows only what matches.";
    PartnerFilterOf => "van de 35 organisaties passen.", "of the 35 organisations match.";
    PartnerFilterNone => "Geen organisatie past. Typ minder of iets anders.", "No organisation matches. Type less or something else.";
    SectionsHeading => "Welke onderdelen zijn zichtbaar?", "Which parts are visible?";
    Anonymous => "Anoniem: naam, contactgegevens en straat en huisnummer nooit tonen", "Anonymous: never show name, contact details and street address";
    AnonymousHint => "Recruiters zien de rest onder een vaste schuilnaam.", "Recruiters see the rest under a fixed pseudonym.";
    PreviewHeading => "Bekijk je profiel zoals een partner het ziet", "See your profile as a partner sees it";
    PreviewIntro => "Dit is precies wat de recruiters van die organisatie nu van de server krijgen, met je opgeslagen instellingen.",
                    "This is exactly what that organisation's recruiters get from the server now, with your saved settings.";
    PreviewPartner => "Partnerorganisatie", "Partner organisation";
    PreviewShow => "Toon", "Show";
    PreviewNotVisible => "Deze organisatie ziet je profiel niet en vindt het ook niet bij zoeken.", "This organisation does not see your profile and cannot find it by searching.";
    PreviewUnsaved => "Let op: je hebt wijzigingen die nog niet zijn opgeslagen. De voorbeeldweergave toont de opgeslagen instellingen.",
                      "Note: you have unsaved changes. The preview shows your saved settings.";
    PreviewAnonymousName => "Schuilnaam", "Pseudonym";
    Address => "Adres", "Address";
    Name => "Naam", "Name";
    Internal => "Interne kandidaat bij", "Internal candidate at";
    External => "Externe kandidaat", "External candidate";
    Current => "heden", "present";
    CardEmployment => "Soort kandidaat", "Kind of candidate";
    CardTravelDistance => "Maximale reisafstand", "Maximum travel distance";
    CardTravelTime => "Maximale reistijd", "Maximum travel time";
    CardAvailableFrom => "Beschikbaar vanaf", "Available from";
    Minutes => "minuten", "minutes";
    PreviewFor => "Voorbeeld voor", "Preview for";

    DisclosuresTitle => "Wie zag mijn gegevens", "Who saw my data";
    DisclosuresIntro => "Hier staat elke keer dat een recruiter van een partnerorganisatie je profiel opende of het in een zoekresultaat kreeg. Je ziet wie, wanneer en welke onderdelen.",
                        "Here is every time a recruiter of a partner organisation opened your profile or got it in a search result. You see who, when and which parts.";
    DisclosuresNone => "Nog geen enkele organisatie heeft je profiel gezien.", "No organisation has seen your profile yet.";
    DisclosureOpened => "opende je profiel", "opened your profile";
    DisclosureSearch => "kreeg je profiel in een zoekresultaat", "got your profile in a search result";
    DisclosurePrivacyRequest => "opende je verzoek, met je e-mailadres", "opened your request, with your e-mail address";
    DisclosurePrivacyRequestData => "bekeek alles wat het portaal van je bewaart, om je verzoek af te handelen", "looked at everything the portal holds about you, to handle your request";
    DisclosureAcademyRoster => "zag je op de deelnemerslijst van een opleiding (naam, e-mailadres, werkgever)", "saw you on a training's list of participants (name, e-mail address, employer)";
    DisclosureSections => "Getoonde onderdelen", "Parts shown";
    DisclosureCount => "keer", "times";
    DisclosuresOlder => "Toon oudere meldingen", "Show older entries";

    OverviewProfileEmpty => "Je hebt nog geen profiel ingevuld.", "You have not filled in a profile yet.";
    OverviewVisibleTo => "Zichtbaar voor", "Visible to";
    OverviewHidden => "Verborgen onderdelen", "Hidden parts";
    OverviewNoneHidden => "geen", "none";

    GlanceHeading => "In één oogopslag", "At a glance";
    GlanceProfile => "Je profiel is zichtbaar voor", "Your profile is visible to";
    GlanceFillProfile => "Profiel invullen", "Fill in your profile";
    GlanceChangeVisibility => "Zichtbaarheid aanpassen", "Change visibility";
    GlanceNewsletterOn => "Aan: je ontvangt de nieuwsflits.", "On: you receive the newsletter.";
    GlanceNewsletterPending => "Bijna aan: bevestig je aanmelding met de link in je e-mail.", "Almost on: confirm your subscription with the link in your e-mail.";
    GlanceNewsletterOff => "Uit: je ontvangt de nieuwsflits niet.", "Off: you do not receive the newsletter.";
    GlanceChangeNewsletter => "Nieuwsbrief aan- of uitzetten", "Switch the newsletter on or off";
    GlanceTrainings => "Je komende opleidingen", "Your coming trainings";
    GlanceNoTrainings => "Je bent niet ingeschreven voor een opleiding die nog moet beginnen.", "You are not enrolled in a training that is still to start.";
    GlanceToAcademy => "Naar opleidingen", "Go to trainings";
    GlanceLastLook => "Laatst bekeken (door een partner of door IGOM)", "Last viewed (by a partner or by IGOM)";
    GlanceToDisclosures => "Wie zag mijn gegevens", "Who saw my data";
    NavNewsletter => "Nieuwsbrief", "Newsletter";
    NewsletterTitle => "Nieuwsbrief", "Newsletter";
    NewsletterIntro => "De nieuwsflits is de nieuwsbrief van IGOM. Je ontvangt hem alleen met je toestemming, en je trekt die hier met één klik weer in.",
                       "The newsflash (nieuwsflits) is IGOM's newsletter. You only receive it with your consent, and you withdraw that here with one click.";
    NewsletterActive => "Je ontvangt de nieuwsflits.", "You receive the newsletter.";
    NewsletterSince => "Sinds", "Since";
    NewsletterPending => "Bevestig je aanmelding met de link in de e-mail die we je stuurden. Zonder bevestiging ontvang je niets.",
                         "Confirm your subscription with the link in the e-mail we sent you. Without confirmation you receive nothing.";
    NewsletterNone => "Je ontvangt de nieuwsflits niet.", "You do not receive the newsletter.";
    NewsletterConsentHeading => "Toestemming", "Consent";
    NewsletterTextVersion => "Tekstversie", "Text version";
    NewsletterSubscribe => "Ja, ik wil de nieuwsflits ontvangen", "Yes, I want to receive the newsletter";
    NewsletterResend => "Stuur de bevestigingsmail opnieuw", "Send the confirmation e-mail again";
    NewsletterWithdraw => "Afmelden voor de nieuwsflits", "Unsubscribe from the newsletter";
    NewsletterWithdrawn => "Je bent afgemeld. Je ontvangt de nieuwsflits niet meer.", "You are unsubscribed. You no longer receive the newsletter.";
    NewsletterMailSent => "We hebben je een e-mail gestuurd. Klik op de link daarin om je aanmelding te bevestigen.",
                          "We have sent you an e-mail. Click the link in it to confirm your subscription.";
    ProcessorHeading => "Doorgegeven aan de verzendpartij", "Passed on to the mailing company";
    ProcessorDelivered => "Doorgegeven aan de verzendpartij op", "Passed on to the mailing company on";
    ProcessorPending => "Nog niet doorgegeven aan de verzendpartij; we proberen het automatisch opnieuw. Je staat al niet meer op onze eigen verzendlijst.",
                        "Not yet passed on to the mailing company; we retry automatically. You are already off our own mailing list.";
    ProcessorPendingSubscribe => "Nog niet doorgegeven aan de verzendpartij; we proberen het automatisch opnieuw.",
                                 "Not yet passed on to the mailing company; we retry automatically.";
    ProcessorFailed => "Doorgeven aan de verzendpartij is niet gelukt. Een medewerker van IGOM is gewaarschuwd en regelt het.",
                       "Passing it on to the mailing company failed. An IGOM staff member has been alerted and will see to it.";
    ProcessorAttempts => "pogingen", "attempts";
    HistoryHeading => "Geschiedenis van je toestemming", "History of your consent";
    HistoryNone => "Je hebt nog nooit toestemming gegeven.", "You have never given consent.";
    EventGiven => "Toestemming gegeven (nog te bevestigen)", "Consent given (to be confirmed)";
    EventGivenNow => "Toestemming gegeven", "Consent given";
    EventConfirmed => "Aanmelding bevestigd", "Subscription confirmed";
    EventWithdrawn => "Toestemming ingetrokken", "Consent withdrawn";
    ChannelPortal => "in het portaal", "in the portal";
    ChannelEmailLink => "via een link in een e-mail", "by a link in an e-mail";
    ChannelStaff => "door een medewerker, op jouw verzoek", "by a staff member, at your request";
    ChannelExpiry => "vanzelf, na 12 maanden", "by itself, after 12 months";
    WithdrawalsHeading => "Verteld dat je profiel weg is", "Told that your profile is gone";
    WithdrawalsText => "Deze organisaties hadden je profiel het afgelopen jaar geopend. Toen je het weghaalde of voor hen verborg, zagen zij dat het is teruggetrokken.",
                       "These organisations had opened your profile in the past year. When you removed it or hid it from them, they saw that it was withdrawn.";
    ListingValidUntil => "Je toestemming om in de kandidatenbank te staan geldt tot en met", "Your consent to be in the candidate bank holds until";
    ListingValidHint => "Daarna haalt het portaal je profiel uit de kandidatenbank; je profiel zelf blijft. Je krijgt 30 en 7 dagen van tevoren een mail.",
                        "After that the portal takes your profile out of the candidate bank; your profile itself stays. You get an e-mail 30 and 7 days before.";
    ListingRenew => "Nog 12 maanden in de kandidatenbank", "12 more months in the candidate bank";
    ListingRenewed => "Verlengd. Je toestemming geldt nu tot en met", "Renewed. Your consent now holds until";
    ListingRenewFailed => "Verlengen lukte niet. Probeer het later nog eens.", "Renewing did not work. Please try again later.";
    Receipt => "Download bewijs (JSON)", "Download receipt (JSON)";
    ReceiptShow => "Bewijs bekijken", "View receipt";
    ReceiptGiven => "Toestemming gegeven", "Consent given";
    ReceiptWithdrawn => "Toestemming ingetrokken", "Consent withdrawn";
    ReceiptWhat => "Wat", "What";
    ReceiptWhen => "Wanneer", "When";
    ReceiptHow => "Hoe", "How";
    ReceiptFor => "Waarvoor", "What for";
    ReceiptData => "Welke gegevens", "Which data";
    ReceiptUntil => "Hoe lang", "How long";
    ReceiptAlso => "Wie krijgt ze ook", "Who else receives them";
    ReceiptResponsible => "Wie is verantwoordelijk", "Who is responsible";
    ReceiptText => "De tekst waar je op antwoordde", "The text you answered";
    ReceiptTextVersion => "versie", "version";
    ReceiptId => "Kenmerk", "Reference";
    CountryUs => "Verenigde Staten", "United States";
    ConfirmTitle => "Aanmelding bevestigen", "Confirm subscription";
    ConfirmDone => "Je aanmelding is bevestigd. Je ontvangt voortaan de nieuwsflits; afmelden kan altijd met één klik.",
                   "Your subscription is confirmed. From now on you receive the newsletter; you can always unsubscribe with one click.";
    ConfirmText => "Wil je de nieuwsflits van IGOM ontvangen? Klik dan op de knop. Pas daarna sturen we je de nieuwsflits; inloggen is niet nodig. Wil je hem niet? Doe dan niets: zonder bevestiging ontvang je niets.",
                   "Do you want to receive IGOM's newsletter? Then click the button. Only then do we send it to you; no need to log in. Don't want it? Then do nothing: without confirmation you receive nothing.";
    OnwardNewsletter => "Naar de pagina Nieuwsbrief: je toestemming en de geschiedenis ervan", "To the Newsletter page: your consent and its history";
    OnwardLogin => "Inloggen om je toestemming en de geschiedenis ervan te zien", "Log in to see your consent and its history";
    UnsubscribeTitle => "Afmelden voor de nieuwsflits", "Unsubscribe from the newsletter";
    UnsubscribeText => "Wil je de nieuwsflits niet meer ontvangen? Klik dan op de knop; inloggen is niet nodig. Pas na de klik ben je afgemeld.",
                       "Do you no longer want the newsletter? Then click the button; no need to log in. You are unsubscribed only after the click.";
    UnsubscribeButton => "Afmelden", "Unsubscribe";
    LinkMissing => "Deze link is onvolledig. Gebruik de link uit de e-mail.", "This link is incomplete. Use the link from the e-mail.";

    NavAcademy => "Opleidingen", "Training";
    AcademyTitle => "Opleidingen", "Training";
    AcademyIntro => "Via de IGOM-Academie volg je opleidingen bij de 35 partnerorganisaties. Hier schrijf je je in en zie je wat je gevolgd hebt.",
                    "Through the IGOM Academy you take trainings across the 35 partner organisations. Here you enrol and see what you have followed.";
    AcademyRegisterHeading => "Aanmelden als cursist", "Register as a course participant";
    AcademyRegisterText => "Wil je opleidingen volgen? Meld je dan aan als cursist. Dat is een aparte keuze. Je gegevens als cursist komen nooit in de kandidatenbank. En je profiel in de kandidatenbank komt niet bij de academie.",
                          "Want to take trainings? Register as a course participant. It is a separate choice. Your participant data never goes into the candidate bank. And your candidate profile does not go to the academy.";
    AcademyRegisterSubmit => "Aanmelden als cursist", "Register as participant";
    AcademyCurrentHeading => "Mijn inschrijvingen", "My enrolments";
    AcademyCurrentNone => "Je bent nergens voor ingeschreven.", "You are not enrolled in anything.";
    AcademyFollowedHeading => "Gevolgde opleidingen", "Trainings followed";
    AcademyFollowedNone => "Je hebt nog geen opleidingen gevolgd.", "You have not followed any trainings yet.";
    AcademyCatalogueHeading => "Opleidingsaanbod", "Catalogue";
    AcademyCatalogueBefore => "Dit zijn de opleidingen die je kunt volgen. Aanmelden voor een opleiding kan zodra je je hierboven als cursist hebt aangemeld.",
                              "These are the trainings you can follow. You can enrol in one once you have registered as a participant above.";
    CatalogueTitle => "Opleidingsaanbod", "Training catalogue";
    CatalogueIntro => "De opleidingen van de IGOM-academie die nog niet begonnen zijn. Bekijken kan zonder account; om je aan te melden maak je een account en meld je je aan als cursist.",
                      "The IGOM academy's trainings that have not started yet. You can look without an account; to enrol, make an account and register as a participant.";
    CatalogueToRegister => "Een account maken", "Make an account";
    CatalogueToAcademy => "Naar Opleidingen: aanmelden als cursist en voor een opleiding", "To Training: register as a participant and enrol";
    CatalogueListHeading => "Opleidingen die nog beginnen", "Trainings still to start";
    CatalogueEmpty => "Er zijn nu geen opleidingen gepland.", "No trainings are planned right now.";
    LoginCatalogueLink => "Bekijk het opleidingsaanbod (zonder in te loggen)", "See the training catalogue (without logging in)";
    AcademyDetailsHeading => "Mijn cursistgegevens", "My participant details";
    AcademyStopHeading => "Stoppen als cursist", "Stop as a participant";
    AcademyStopText => "Stoppen als cursist is je toestemming intrekken. Dan wissen we alles van jou bij de academie: je cursistgegevens, je inschrijvingen en je gevolgde opleidingen. Je plek in een opleiding die nog niet begon, gaat naar de wachtlijst.",
                      "Stopping as a participant withdraws your consent. Then we erase everything of yours at the academy: your participant details, your enrolments and your trainings followed. Your seat in a training that has not started goes to the waiting list.";
    AcademyStopExportFirst => "Wil je de lijst van je gevolgde opleidingen houden? Download dan eerst je gegevens:",
                              "Want to keep the list of your trainings followed? Download your data first:";
    AcademyStopConfirm => "Weet je zeker dat je wilt stoppen als cursist? Alles van jou bij de academie wordt gewist, ook je gevolgde opleidingen.", "Are you sure you want to stop as a participant? Everything of yours at the academy is erased, your trainings followed too.";
    AcademyStopButton => "Stoppen als cursist", "Stop as participant";
    AcademyStopped => "Je bent geen cursist meer.", "You are no longer a course participant.";
    Enrol => "Inschrijven", "Enrol";
    EnrolWaitlist => "Op de wachtlijst zetten", "Join the waiting list";
    CancelEnrolment => "Inschrijving annuleren", "Cancel enrolment";
    CancelEnrolmentConfirm => "Weet je zeker dat je je inschrijving wilt annuleren? Je plek gaat naar de wachtlijst; schrijf je je later opnieuw in, dan kan de opleiding vol zijn.",
                              "Are you sure you want to cancel your enrolment? Your seat goes to the waiting list; if you enrol again later, the training may be full.";
    Enrolled => "Ingeschreven", "Enrolled";
    Waitlisted => "Op de wachtlijst, plaats", "On the waiting list, place";
    StateAttended => "Bijgewoond", "Attended";
    StateCompleted => "Afgerond", "Completed";
    EnrolledNotice => "Je bent ingeschreven. Je ziet de opleiding hieronder bij je inschrijvingen.", "You are enrolled. You see the training below among your enrolments.";
    WaitlistedNotice => "De opleiding is vol: je staat op de wachtlijst. Komt er een plek vrij, dan schuif je vanzelf door.", "The training is full: you are on the waiting list. When a seat frees up, you move up automatically.";
    AcademyRegisteredNotice => "Je bent aangemeld als cursist. Je kunt je nu inschrijven voor opleidingen.", "You are registered as a course participant. You can now enrol in trainings.";
    CancelledNotice => "Je inschrijving is geannuleerd.", "Your enrolment has been cancelled.";
    SeatsLeft => "Vrije plaatsen", "Seats left";
    Full => "Vol: inschrijven zet je op de wachtlijst", "Full: enrolling puts you on the waiting list";
    Sessions => "Bijeenkomsten", "Sessions";
    Location => "Locatie", "Location";
    ForWhom => "Voor wie", "For whom";
    Starts => "Start", "Starts";
    JobTitleLabel => "Functienaam", "Job title";
    EmployerLabel => "Werkgever (partnerorganisatie)", "Employer (partner organisation)";
    FunctionLevel => "Functieniveau", "Function level";
    FunctionLevelHint => "Onder het niveau leidinggevende vragen we naam en e-mailadres van je leidinggevende. De academie gebruikt die alleen om je opleidingen met je leidinggevende af te stemmen.",
                         "Below manager level we ask for your manager's name and e-mail address. The academy uses them only to coordinate your trainings with your manager.";
    LevelEmployee => "Medewerker", "Employee";
    LevelSpecialist => "Specialist, adviseur of beleidsmedewerker", "Specialist, adviser or policy officer";
    LevelManager => "Leidinggevende", "Manager";
    LevelExecutive => "Directie", "Executive";
    ManagerName => "Naam leidinggevende", "Manager's name";
    ManagerEmail => "E-mailadres leidinggevende", "Manager's e-mail address";
    ChooseEmployer => "Kies je werkgever", "Choose your employer";
    ChooseEmployerInstruction => "Kies je werkgever uit de lijst.", "Choose your employer from the list.";
    ManagerNameInstruction => "Vul de naam van je leidinggevende in.", "Enter your manager's name.";
    ManagerEmailInstruction => "Vul het e-mailadres van je leidinggevende in.", "Enter your manager's e-mail address.";

    NavMyData => "Mijn gegevens", "My data";
    MyDataTitle => "Mijn gegevens", "My data";
    MyDataIntro => "Dit is alles wat het portaal over jou bewaart, per soort verwerking. Bij elk staat waarom, op welke grondslag, wie het krijgt, waar het vandaan komt en hoe lang het blijft. Dat is het antwoord op een inzageverzoek, meteen.",
                  "This is everything the portal keeps about you, per kind of processing. Each says why, on which legal basis, who receives it, where it comes from and how long it is kept. It is the answer to an access request, at once.";
    Purpose => "Doel", "Purpose";
    LegalBasisLabel => "Grondslag", "Legal basis";
    DataCategories => "Welke gegevens", "Which data";
    Recipients => "Ontvangers", "Recipients";
    Origin => "Herkomst", "Origin";
    Retention => "Bewaartermijn", "Retention";
    ThirdCountries => "Doorgifte buiten de EU", "Transfer outside the EU";
    SpecialCategories => "Bijzondere persoonsgegevens", "Special categories of data";
    Controller => "Verantwoordelijke", "Controller";
    WhereToSee => "Bekijken en wijzigen", "See and change";
    NotHeldHeading => "Wat het portaal niet heeft", "What the portal does not hold";
    NotHeldText => "Sommige gegevens staan niet in dit portaal. Dat zijn papieren dossiers en gegevens bij de leveranciers van IGOM. En de eigen systemen van de partnerorganisaties, bijvoorbeeld hun personeelsadministratie. Wil je die inzien, laten corrigeren of verwijderen? Dien dan een formeel verzoek in bij de stuurgroep IGOM (via het RMC IGOM). Je krijgt binnen één maand antwoord.",
                   "Some data are not in this portal. These are paper files and data at IGOM's suppliers. And the partner organisations' own systems, for example their HR systems. Do you want to see, correct or delete those? Then send a formal request to the IGOM steering group (through RMC IGOM). You get an answer within one month.";
    DownloadHeading => "Alles downloaden", "Download everything";
    DownloadText => "Je krijgt al je gegevens in één bestand. Je cv staat er ook in, in een vorm die veel cv-programma's kunnen lezen. Zo kun je je gegevens aan een andere organisatie geven.",
                    "You get all your data in one file. Your CV is in it too, in a form many CV programs can read. So you can give your data to another organisation.";
    DownloadWarning => "Het bestand is niet versleuteld. Bewaar het op een veilige plek en deel het niet via onbeveiligde kanalen.",
                       "The file is not encrypted. Keep it in a safe place and do not share it through insecure channels.";
    DownloadLink => "Download mijn gegevens (JSON, niet versleuteld)", "Download my data (JSON, not encrypted)";
    DownloadEncryptedLink => "Naar exporteren (versleuteld downloaden of overdragen)", "Go to export (download encrypted or transfer)";

    PasswordChangeHeading => "Wachtwoord wijzigen", "Change password";
    CurrentPassword => "Huidig wachtwoord", "Current password";
    NewPassword => "Nieuw wachtwoord", "New password";
    PasswordChangeSubmit => "Wachtwoord wijzigen", "Change password";
    PasswordChanged => "Je wachtwoord is gewijzigd. Op je andere apparaten ben je uitgelogd.", "Your password has been changed. You have been logged out on your other devices.";
    EraseHeading => "Account en alle gegevens verwijderen", "Delete account and all data";
    EraseText => "Alles wat het portaal over jou bewaart wordt gewist. Dat is je account, profiel, zichtbaarheid, het logboek van inzage, je cursistgegevens en inschrijvingen, en je toestemmingen. De verzendpartij van de nieuwsbrief krijgt bericht om je te verwijderen. Dit kan niet ongedaan worden gemaakt. Download eerst je gegevens als je ze wilt bewaren.",
                "Everything the portal keeps about you is erased. That is your account, profile, visibility, the access log, participant details and enrolments, and your consents. The newsletter's mailing company is told to delete you. This cannot be undone. Download your data first if you want to keep it.";
    EraseConfirm => "Weet je het zeker? Al je gegevens worden definitief verwijderd.", "Are you sure? All your data will be deleted for good.";
    EraseSubmit => "Account en alle gegevens verwijderen", "Delete account and all data";
    AccountErasedNotice => "Je account en al je gegevens zijn verwijderd.", "Your account and all your data have been deleted.";
    DeleteProfileHeading => "Verwijder mijn profiel uit de kandidatenbank", "Delete my profile from the candidate bank";
    DeleteProfileIntro => "Recruiters kunnen je daarna niet meer vinden of openen.", "Recruiters can then no longer find or open you.";
    DeleteProfileGoes => "Dit verdwijnt:", "This goes:";
    DeleteProfileGoesProfile => "je profiel (persoonsgegevens, opleidingen, werkervaring, vaardigheden en wensen)", "your profile (personal details, education, work experience, skills and wishes)";
    DeleteProfileGoesVisibility => "je keuzes over wie je profiel mag zien", "your choices about who may see your profile";
    DeleteProfileGoesLog => "het logboek van wie je profiel heeft bekeken", "the log of who viewed your profile";
    DeleteProfileStays => "Dit blijft:", "This stays:";
    DeleteProfileStaysAccount => "je account (inloggen blijft werken)", "your account (you can still log in)";
    DeleteProfileStaysAcademy => "je gegevens bij de IGOM-Academie en je opleidingen", "your IGOM academy details and trainings";
    DeleteProfileStaysNewsletter => "je keuze voor de nieuwsbrief", "your newsletter choice";
    DeleteProfileExportFirst => "Wil je eerst een kopie? Download eerst je gegevens:", "Want a copy first? Download your data first:";
    DeleteProfileConfirm => "Weet je het zeker? Je profiel, je zichtbaarheidskeuzes en het logboek van inzage worden definitief verwijderd. Je account blijft.", "Are you sure? Your profile, your visibility choices and the access log will be deleted for good. Your account stays.";
    DeleteProfilePassword => "Je wachtwoord, om je profiel te verwijderen", "Your password, to delete your profile";
    DeleteProfileSubmit => "Verwijder mijn profiel", "Delete my profile";
    ProfileDeletedNotice => "Je profiel is verwijderd. Recruiters kunnen het niet meer openen. Je account blijft bestaan.", "Your profile has been deleted. Recruiters can no longer open it. Your account still exists.";
    RetentionForYou => "Voor jou", "For you";
    RetentionSummary => "Zo lang bewaren we je gegevens", "How long we keep your data";
    RetentionLastLogin => "Laatst ingelogd", "Last logged in";
    RetentionDeletedOn => "Je account wordt verwijderd op", "Your account will be deleted on";
    RetentionHow => "als je niet meer inlogt. Je krijgt eerst een e-mail. Inloggen zet de teller weer op nul.", "if you do not log in again. You get an e-mail first. Logging in sets the count back to zero.";

    NavExport => "Exporteren", "Export";

    NavRequests => "Verzoeken", "Requests";
    NavPrivacyQueue => "Verzoeken behandelen", "Handle requests";
    RequestsTitle => "Verzoeken over je gegevens", "Requests about your data";
    RequestsIntro => "Veel regel je in dit portaal zelf: je gegevens bekijken, verbeteren, meenemen of verwijderen. Voor andere dingen stuur je hier een verzoek aan de privacymedewerkers van IGOM.",
                     "You can do a lot in this portal yourself: see, correct, take along or delete your data. For other things, send a request to IGOM's privacy staff here.";
    RequestsClock => "Je krijgt binnen een maand antwoord. Is je verzoek ingewikkeld of krijgen we veel verzoeken, dan mogen we die termijn één keer met twee maanden verlengen. Dan vertellen we je binnen de eerste maand waarom. Op een klacht krijg je binnen zes weken antwoord. Die termijn verlengen we nooit.",
                     "You get an answer within one month. If your request is complicated or we get many requests, we may extend that once by two months. We then tell you why within the first month. You get an answer to a complaint within six weeks. We never extend that.";
    RequestNewHeading => "Nieuw verzoek", "New request";
    RequestKindLegend => "Waar gaat je verzoek over?", "What is your request about?";
    RequestKindAccess => "Inzage in gegevens buiten dit portaal", "Access to data outside this portal";
    RequestKindAccessHint => "Je wilt weten welke gegevens IGOM nog meer over je heeft, buiten dit portaal. Wat in het portaal staat, zie je zelf bij Mijn gegevens.",
                             "You want to know what other data IGOM holds about you, outside this portal. What the portal holds you can see yourself under My data.";
    RequestKindRectification => "Iets verbeteren dat een medewerker vastlegde", "Correct something a staff member recorded";
    RequestKindRectificationHint => "Een medewerker heeft iets over je vastgelegd dat niet klopt, bijvoorbeeld of je bij een opleiding was. Je eigen profiel verbeter je zelf.",
                                    "A staff member recorded something about you that is wrong, for example whether you attended a training. You correct your own profile yourself.";
    RequestKindRestriction => "Tijdelijk niet gebruiken (beperking)", "Stop using it for a while (restriction)";
    RequestKindRestrictionHint => "Je wilt dat we je gegevens een tijd niet gebruiken, bijvoorbeeld terwijl we uitzoeken of ze kloppen.",
                                  "You want us not to use your data for a while, for example while we check whether it is correct.";
    RequestKindObjection => "Bezwaar", "Objection";
    RequestKindObjectionHint => "Je bent het niet eens met hoe we je gegevens gebruiken en wilt dat we daarmee stoppen.",
                                "You do not agree with how we use your data and want us to stop.";
    RequestKindComplaint => "Klacht", "Complaint";
    RequestKindComplaintHint => "Je bent niet tevreden over hoe we met je gegevens omgingen. Je krijgt binnen zes weken antwoord. Komen we er samen niet uit, dan kun je ook een klacht indienen bij de Autoriteit Persoonsgegevens.",
                                "You are not happy with how we handled your data. You get an answer within six weeks. If we cannot solve it together, you can also complain to the Dutch Data Protection Authority.";
    RequestTextLabel => "Je verzoek", "Your request";
    RequestTextHint => "Schrijf in je eigen woorden wat je wilt en waarom. Zet er geen burgerservicenummer (BSN) of gegevens over je gezondheid in.",
                       "Write in your own words what you want and why. Do not include your citizen service number (BSN) or health information.";
    RequestSubmit => "Verzoek versturen", "Send request";
    RequestSent => "Je verzoek is verstuurd. Hieronder zie je wanneer je uiterlijk antwoord krijgt.", "Your request has been sent. Below you can see when you will get an answer at the latest.";
    RequestListHeading => "Je verzoeken", "Your requests";
    RequestListNone => "Je hebt nog geen verzoeken gestuurd.", "You have not sent any requests yet.";
    RequestReceived => "Ontvangen", "Received";
    RequestDeadline => "Antwoord uiterlijk", "Answer at the latest";
    RequestStatusLabel => "Stand van zaken", "Status";
    RequestStatusOpen => "In behandeling", "Being handled";
    RequestStatusAnswered => "Beantwoord", "Answered";
    RequestStatusClosed => "Afgesloten zonder antwoord", "Closed without an answer";
    RequestYourText => "Wat je vroeg", "What you asked";
    RequestExtended => "Termijn verlengd", "Deadline extended";
    RequestExtendedReason => "Reden van de verlenging", "Reason for the extension";
    RequestAnswer => "Antwoord", "Answer";
    RequestClosedReason => "Reden van afsluiten", "Reason for closing";
    RequestsElsewhereLink => "Verzoek indienen", "Send a request";
    RequestForLegend => "Voor wie is dit verzoek?", "Who is this request for?";
    RequestForMe => "Voor mezelf", "For myself";
    RequestForOther => "Voor iemand anders", "For someone else";
    RequestForOtherHint => "Dat mag als je daar het recht toe hebt. Dat controleren we eerst. Je komt daarvoor langs met je identiteitsbewijs en het bewijs van je recht. Pas daarna krijg je antwoord.",
                           "You may do this if you have the right to. We check that first. You visit us with your proof of identity and the proof of your right. Only then do you get an answer.";
    RequestForName => "Naam van die persoon", "Name of that person";
    RequestForEmail => "E-mailadres van die persoon (als je het weet)", "E-mail address of that person (if you know it)";
    RequestForEmailHint => "Heeft die persoon hier een account met dit adres? Dan ziet die het verzoek en het antwoord ook. Dat gebeurt pas als we jou hebben gecontroleerd.",
                           "Does that person have an account here with this address? Then they also see the request and the answer. That happens only after we have checked you.";
    RequestGroundLegend => "Waarom mag jij dit vragen?", "Why may you ask this?";
    GroundParentOfMinor => "Ouder met gezag van een kind jonger dan 16 jaar", "Parent with parental authority of a child under 16";
    GroundLegalRepresentative => "Voogd, curator of mentor", "Guardian, curator or mentor";
    GroundWrittenMandate => "Schriftelijke machtiging van die persoon", "Written authorisation from that person";
    GroundSurvivingRelative => "Nabestaande van iemand die is overleden", "Surviving relative of someone who has died";
    RequestOnBehalfLabel => "Voor", "For";
    RequestGroundLabel => "Recht om te vragen", "Right to ask";
    RequestCheckedLabel => "Identiteit en recht gecontroleerd", "Identity and right checked";
    RequestCheckedInPerson => "Persoonlijk, op", "In person, on";
    RequestCheckedOther => "Op een andere manier, op", "In another way, on";
    RequestNotChecked => "We hebben nog niet gecontroleerd wie je bent en of je dit mag vragen. Maak een afspraak om langs te komen. Neem je identiteitsbewijs en het bewijs van je recht mee.",
                         "We have not yet checked who you are and whether you may ask this. Make an appointment to visit us. Bring your proof of identity and the proof of your right.";
    RequestRequestedBy => "Gevraagd door", "Asked by";
    RequestForYou => "Iemand heeft dit verzoek voor jou gedaan. We hebben gecontroleerd wie dat is en of die dat mocht. Klopt er iets niet? Stuur ons dan zelf een verzoek.",
                     "Someone made this request for you. We checked who that is and whether they were allowed to. Is something wrong? Then send us a request yourself.";

    NavBreachNotices => "Datalekken melden", "Breach notices";
    BreachBannerHeading => "Belangrijk bericht over je gegevens", "Important message about your data";
    BreachBannerText => "Er is iets misgegaan met persoonsgegevens, en jouw gegevens zijn erbij betrokken. Lees wat er is gebeurd en wat je kunt doen.",
                        "Something went wrong with personal data, and your data are involved. Read what happened and what you can do.";
    BreachBannerLink => "Lees het bericht", "Read the message";
    BreachMineTitle => "Berichten over een datalek", "Notices about a data breach";
    BreachMineIntro => "Hier staan de berichten die we je stuurden omdat er iets misging met je gegevens. Je kreeg ze ook per e-mail. Markeer een bericht als gelezen als je het hebt gelezen.",
                       "Here are the messages we sent you because something went wrong with your data. You also got them by e-mail. Mark a message as read once you have read it.";
    BreachMineNone => "Je hebt geen berichten over een datalek.", "You have no notices about a data breach.";
    BreachMarkRead => "Markeer als gelezen", "Mark as read";
    BreachMarkedRead => "Gemarkeerd als gelezen. Je kunt het bericht hier altijd teruglezen.", "Marked as read. You can always read the message again here.";
    BreachSentOn => "Verstuurd op", "Sent on";
    BreachReadOn => "gelezen op", "read on";
    BreachReadLabel => "Gelezen", "Read";
    BreachDraft => "Concept: nog niet verstuurd", "Draft: not sent yet";
    BreachStaffTitle => "Datalekken melden", "Breach notices";
    BreachStaffIntro => "Vormt een datalek een hoog risico voor mensen? Vertel het hen dan in duidelijke taal. Schrijf het bericht, kies wie het betreft, bekijk hoeveel mensen dat zijn en verstuur het. Iedereen ziet het in het portaal en krijgt het één keer per e-mail.",
                       "Does a data breach put people at high risk? Then tell them in plain language. Write the message, choose who is affected, see how many people that is and send it. Everyone sees it in the portal and gets it by e-mail once.";
    BreachStaffListHeading => "Berichten", "Notices";
    BreachStaffNone => "Er zijn nog geen berichten.", "There are no notices yet.";
    BreachNewHeading => "Nieuw bericht", "New notice";
    BreachNewIntro => "Vul elk onderdeel in, in het Nederlands en in het Engels. Opslaan maakt een concept; versturen doe je daarna.",
                      "Fill in every part, in Dutch and in English. Saving makes a draft; you send it afterwards.";
    BreachNatureHint => "Wat is er gebeurd, en om welke gegevens gaat het?", "What happened, and which data are involved?";
    BreachNatureNl => "Wat is er gebeurd (Nederlands)", "What happened (Dutch)";
    BreachNatureEn => "Wat is er gebeurd (Engels)", "What happened (English)";
    BreachConsequencesHint => "Wat zijn de waarschijnlijke gevolgen voor de persoon?", "What are the likely consequences for the person?";
    BreachConsequencesNl => "Gevolgen (Nederlands)", "Consequences (Dutch)";
    BreachConsequencesEn => "Gevolgen (Engels)", "Consequences (English)";
    BreachMeasuresHint => "Wat hebben jullie gedaan of gaan jullie doen, ook om de schade te beperken?", "What have you done or will you do, also to limit the harm?";
    BreachMeasuresNl => "Maatregelen (Nederlands)", "Measures (Dutch)";
    BreachMeasuresEn => "Maatregelen (Engels)", "Measures (English)";
    BreachAdviceHint => "Wat kan de persoon zelf doen?", "What can the person do themselves?";
    BreachAdviceNl => "Wat je zelf kunt doen (Nederlands)", "What you can do (Dutch)";
    BreachAdviceEn => "Wat je zelf kunt doen (Engels)", "What you can do (English)";
    BreachContactHint => "Bij wie kan de persoon terecht voor meer informatie (naam en contactgegevens)?", "Whom can the person contact for more information (name and contact details)?";
    BreachContactNl => "Contact (Nederlands)", "Contact (Dutch)";
    BreachContactEn => "Contact (Engels)", "Contact (English)";
    BreachAudienceLabel => "Wie betreft het", "Who is affected";
    BreachAudienceEveryone => "Iedereen met een account", "Everyone with an account";
    BreachAudienceCandidates => "Iedereen met een profiel in de kandidatenbank", "Everyone with a profile in the candidate bank";
    BreachAudienceParticipants => "Alle cursisten (ook vroegere)", "All course participants (also former ones)";
    BreachAudienceAddresses => "Deze e-mailadressen", "These e-mail addresses";
    BreachAddressesLabel => "E-mailadressen", "E-mail addresses";
    BreachAddressesHint => "Eén per regel, of gescheiden door komma's.", "One per line, or separated by commas.";
    BreachCountButton => "Tel wie het krijgt", "Count who gets it";
    BreachCountPrefix => "Aantal mensen dat dit bericht krijgt: {n}.", "Number of people who get this notice: {n}.";
    BreachUnknown => "Zonder account (vertel het hen op een andere manier):", "Without an account (tell them another way):";
    BreachSaveDraft => "Opslaan als concept", "Save as draft";
    BreachNoticeTitle => "Bericht over een datalek", "Breach notice";
    BreachBack => "Terug naar de berichten", "Back to the notices";
    BreachTextHeading => "Zo leest de persoon het", "How the person reads it";
    BreachSendHeading => "Versturen", "Send";
    BreachSendText => "Na versturen ziet iedereen het bericht meteen in het portaal en krijgt het één keer per e-mail. Versturen kan maar één keer; het bericht is daarna niet meer te wijzigen.",
                      "Once sent, everyone sees the notice in the portal at once and gets it by e-mail once. It can be sent only once; after that it cannot be changed.";
    BreachSendButton => "Bericht versturen", "Send the notice";
    BreachSentDone => "Verstuurd. De e-mails gaan nu de deur uit.", "Sent. The e-mails are going out now.";

    PrivacyQueueTitle => "Verzoeken behandelen", "Handle requests";
    PrivacyQueueIntro => "Open verzoeken, de kortste termijn bovenaan. Open een verzoek om het te beantwoorden, de termijn te verlengen of het af te sluiten.",
                         "Open requests, the nearest deadline first. Open a request to answer it, extend its deadline or close it.";
    PrivacyQueueOpenHeading => "Open verzoeken", "Open requests";
    PrivacyQueueNone => "Er zijn geen open verzoeken.", "There are no open requests.";
    PrivacyQueueHandledHeading => "Laatst afgehandeld", "Handled most recently";
    PrivacyQueueHandledNone => "Nog niets afgehandeld.", "Nothing handled yet.";
    PrivacyQueueOpen => "Openen", "Open";
    PrivacyRequestTitle => "Verzoek", "Request";
    PrivacyRequestMissing => "Deze pagina heeft een verzoek nodig. Kies er een uit de lijst.", "This page needs a request. Choose one from the list.";
    PrivacyRequestFrom => "Van", "From";
    PrivacyRequestText => "Het verzoek", "The request";
    PrivacyRequestBack => "Terug naar de lijst", "Back to the list";
    PrivacyAnswerHeading => "Beantwoorden", "Answer";
    PrivacyAnswerLabel => "Antwoord", "Answer";
    PrivacyAnswerHint => "De persoon leest dit in het portaal en krijgt een mail dat er een antwoord is (zonder de inhoud).",
                         "The person reads this in the portal and gets an e-mail that there is an answer (without its content).";
    PrivacyAnswerSubmit => "Antwoord versturen", "Send answer";
    PrivacyExtendHeading => "Termijn verlengen", "Extend the deadline";
    PrivacyExtendText => "Dit kan één keer, met twee maanden, en alleen met een reden. Het kan tot en met de laatste dag van de termijn. De persoon ziet de reden en de nieuwe datum.",
                         "This can be done once, by two months, and only with a reason. It can be done up to and including the last day of the deadline. The person sees the reason and the new date.";
    PrivacyExtendedOnce => "De termijn is al een keer verlengd. Dat kan maar één keer.", "The deadline has already been extended. That can only be done once.";
    PrivacyReasonLabel => "Reden", "Reason";
    PrivacyExtendSubmit => "Verlengen met twee maanden", "Extend by two months";
    PrivacyCloseHeading => "Afsluiten zonder antwoord", "Close without an answer";
    PrivacyCloseText => "Bijvoorbeeld als de persoon het verzoek intrekt of het een dubbel verzoek is. De persoon ziet de reden.",
                        "For example when the person withdraws the request or it is a duplicate. The person sees the reason.";
    PrivacyCloseSubmit => "Afsluiten", "Close";
    PrivacyCheckHeading => "Identiteit en recht controleren", "Check identity and right";
    PrivacyCheckText => "Dit verzoek is voor iemand anders. Controleer persoonlijk wie de aanvrager is en of die dit mag vragen. Pas daarna kun je antwoorden.",
                        "This request is for someone else. Check in person who the requester is and whether they may ask this. Only then can you answer.";
    PrivacyCheckMethodLegend => "Hoe heb je gecontroleerd?", "How did you check?";
    PrivacyCheckInPerson => "Persoonlijk, met identiteitsbewijs en bewijs van het recht", "In person, with proof of identity and proof of the right";
    PrivacyCheckOther => "Op een andere manier (schrijf op hoe en waarom)", "In another way (write down how and why)";
    PrivacyCheckDay => "Datum van de controle", "Date of the check";
    PrivacyCheckNote => "Notitie", "Note";
    PrivacyCheckNoteHint => "Wat heb je gezien? Schrijf geen nummers van documenten of een BSN op. De aanvrager ziet deze notitie niet.",
                            "What did you see? Do not write down document numbers or a BSN. The requester does not see this note.";
    PrivacyCheckSubmit => "Controle vastleggen", "Record the check";
    PrivacyCheckedBy => "Vastgelegd door", "Recorded by";
    PrivacyCheckLinked => "De persoon om wie het gaat heeft een account met dit adres. Die ziet het verzoek nu ook.",
                          "The person concerned has an account with this address. They now see the request too.";
    PrivacyCheckNotLinked => "Er is geen account met het adres van de persoon om wie het gaat. Alleen de aanvrager ziet het verzoek.",
                             "There is no account with the address of the person concerned. Only the requester sees the request.";
    PrivacyCheckDone => "De controle is vastgelegd. Je kunt het verzoek nu beantwoorden.", "The check has been recorded. You can now answer the request.";
    PrivacyQueueOnBehalf => "Voor iemand anders", "For someone else";
    PrivacyQueueUnchecked => "nog niet gecontroleerd", "not checked yet";
    PrivacyDone => "Opgeslagen. De persoon krijgt een mail dat er nieuws is.", "Saved. The person gets an e-mail that there is news.";
    Overdue => "Termijn verstreken", "Deadline passed";

    FooterStatements => "Verklaringen", "Statements";
    NavAccessibility => "Toegankelijkheid", "Accessibility";
    NavPrivacyStatement => "Privacyverklaring", "Privacy statement";

    A11yTitle => "Toegankelijkheidsverklaring", "Accessibility statement";
    A11yIntro => "IGOM wil dat iedereen Zelfregie kan gebruiken, ook mensen met een beperking. Deze verklaring gaat over het privacyportaal Zelfregie: deze website.",
                 "IGOM wants everyone to be able to use Zelfregie, including people with a disability. This statement is about the Zelfregie privacy portal: this website.";
    A11yStatusHeading => "Hoe toegankelijk is Zelfregie?", "How accessible is Zelfregie?";
    A11yStatus => "Zelfregie voldoet gedeeltelijk aan de eisen voor toegankelijkheid (WCAG 2.2, niveau A en AA).",
                  "Zelfregie partially meets the accessibility requirements (WCAG 2.2, levels A and AA).";
    A11yStatusLabel => "Status", "Status";
    A11yStatusValue => "Voldoet gedeeltelijk", "Partially compliant";
    A11yTestedHeading => "Hoe hebben we dit onderzocht?", "How did we check this?";
    A11yTested => "We hebben Zelfregie zelf onderzocht. Een onafhankelijk onderzoek volgt nog. Zo testen we:",
                  "We checked Zelfregie ourselves. An independent audit is still to come. This is how we test:";
    A11yTestAxe => "Bij elke wijziging controleert een programma (axe) de pagina's automatisch op fouten.",
                   "With every change, a program (axe) checks the pages for errors automatically.";
    A11yTestKeyboard => "We gebruiken de pagina's met alleen het toetsenbord, zonder muis.", "We use the pages with the keyboard only, without a mouse.";
    A11yTestPhone => "We gebruiken de pagina's op een smal scherm van 360 pixels, zoals een telefoon.", "We use the pages on a narrow screen of 360 pixels, like a phone.";
    A11yTestLanguages => "We controleren de pagina's in het Nederlands en in het Engels.", "We check the pages in Dutch and in English.";
    A11yLimitsHeading => "Wat werkt nog niet goed?", "What does not work well yet?";
    A11yLimitScreenReaders => "We hebben nog niet met alle schermlezers en vergrotingsprogramma's getest.", "We have not yet tested with all screen readers and magnifiers.";
    A11yLimitAudit => "Een deskundige van buiten IGOM heeft het portaal nog niet onderzocht.", "An expert from outside IGOM has not yet checked the portal.";
    A11yLimitCrypto => "Een export versleutelen of openen werkt alleen in een recente browser.", "Encrypting or opening an export only works in a recent browser.";
    A11yContactHeading => "Werkt iets niet? Laat het ons weten", "Does something not work? Let us know";
    A11yContact => "Kun je iets niet gebruiken of lezen? Mail ons. Je krijgt binnen 5 werkdagen antwoord. We zoeken samen met je een oplossing.",
                   "Is there something you cannot use or read? E-mail us. You will get an answer within 5 working days. We will look for a solution together with you.";
    A11yOmbudsman => "Ben je niet tevreden met ons antwoord? Dan kun je contact opnemen met de Nationale ombudsman.",
                     "Are you not satisfied with our answer? Then you can contact the National Ombudsman (Nationale ombudsman).";
    StatementDateLabel => "Opgesteld op", "Drawn up on";
    StatementCheckedLabel => "Laatst bijgewerkt", "Last updated";

    PrivacyTitle => "Privacyverklaring", "Privacy statement";
    PrivacyIntro => "In Zelfregie zie en beheer je de gegevens die IGOM over je heeft. Hier lees je wie daarvoor verantwoordelijk is en welke gegevens we gebruiken. Ook lees je waarom, hoe lang we ze bewaren en welke rechten je hebt.",
                    "In Zelfregie you see and manage the data IGOM holds about you. Here you read who is responsible and which data we use. You also read why, how long we keep it and what your rights are.";
    PrivacyWhoHeading => "Wie is verantwoordelijk?", "Who is responsible?";
    PrivacyWho => "IGOM is het samenwerkingsverband van 35 (semi-)overheidsorganisaties in Zuid- en Midden-Limburg.",
                  "IGOM is the network of 35 public-sector organisations in South and Central Limburg.";
    PrivacyWhatHeading => "Welke gegevens, waarom en hoe lang?", "Which data, why and for how long?";
    PrivacyWhatIntro => "Per onderdeel van het portaal:", "For each part of the portal:";
    PrivacyNoTrackingHeading => "Geen volgen, geen reclame", "No tracking, no advertising";
    PrivacyNoTracking => "Zelfregie gebruikt alleen twee cookies die nodig zijn. De ene houdt je ingelogd. De andere onthoudt dat deze browser je mailbox kent, zodat een ander jouw mails met een link niet kan opmaken. We gebruiken geen cookies of diensten van anderen om je te volgen, en we halen niets op bij andere websites.",
                         "Zelfregie only uses two cookies it needs. One keeps you logged in. The other remembers that this browser knows your mailbox, so someone else cannot use up your mails with a link. We use no cookies or services of others to follow you, and we load nothing from other websites.";
    PrivacyDecisionsHeading => "Geen automatische besluiten", "No automated decisions";
    PrivacyDecisions => "Het portaal beslist niet over je, bijvoorbeeld over een baan of een opleiding. Een recruiter zoekt zelf, met eigen zoekwoorden. Of iemand je benadert of uitnodigt, beslist altijd een mens. Alleen de wachtlijst van een opleiding gaat vanzelf. Komt er een plek vrij, dan krijgt de eerste op de lijst die plek.",
                        "The portal does not decide about you, for example about a job or a course. A recruiter searches with their own search words. Whether someone contacts or invites you is always decided by a person. Only a course's waiting list works by itself. When a place becomes free, the first on the list gets it.";
    PrivacyRequiredHeading => "Wat moet je invullen?", "What do you have to fill in?";
    PrivacyRequiredAccount => "Voor een account: je e-mailadres en een wachtwoord. Daarmee log je in en krijg je berichten over je account.",
                              "For an account: your e-mail address and a password. You log in with them and get messages about your account.";
    PrivacyRequiredProfile => "In je profiel: je voornaam en achternaam, zodat een recruiter weet wie je bent. Vul je een straat in, dan ook het huisnummer. De rest kies je zelf. Je profiel is ook niet nodig voor de rest van het portaal.",
                              "In your profile: your first name and last name, so a recruiter knows who you are. If you fill in a street, the house number too. The rest is up to you. You also do not need a profile for the rest of the portal.";
    PrivacyRequiredAcademy => "Als cursist: je naam, je functie en je werkgever, om je in te schrijven. Werk je als uitvoerend medewerker of specialist? Dan ook de naam en het e-mailadres van je leidinggevende, om je opleidingen met hem of haar af te stemmen.",
                              "As a course participant: your name, your job and your employer, to enrol you. Are you an employee or a specialist? Then also your manager's name and e-mail address, to agree your courses with him or her.";
    PrivacyDpoLabel => "Functionaris gegevensbescherming", "Data protection officer";
    PrivacyDpoText => "Heb je een klacht over hoe we met je gegevens omgaan? Je kunt ook terecht bij de functionaris gegevensbescherming. Die houdt toezicht, los van de mensen die je verzoek behandelen.",
                      "Do you have a complaint about how we handle your data? You can also go to the data protection officer, who supervises, apart from the people who handle your request.";
    PrivacyRightsHeading => "Je rechten", "Your rights";
    PrivacyRightsSelf => "Veel doe je in het portaal zelf, meteen. Je gegevens bekijken (Mijn gegevens) of verbeteren (Profiel). Ze meenemen of overdragen (Exporteren). En alles verwijderen (Account).",
                         "You do a lot in the portal yourself, at once. See your data (My data) or correct it (Profile). Take it along or transfer it (Export). And delete everything (Account).";
    PrivacyRightsRequest => "Wil je bezwaar maken, het gebruik laten beperken of een klacht indienen? Wil je weten wat we buiten het portaal over je hebben? Of iets laten verbeteren dat een medewerker vastlegde? Stuur dan een verzoek. Je krijgt binnen een maand antwoord, op een klacht binnen zes weken.",
                            "Do you want to object, restrict the use or complain? Do you want to know what we hold about you outside the portal? Or have something corrected that a staff member recorded? Then send a request. You get an answer within one month, to a complaint within six weeks.";
    PrivacyComplaintHeading => "Klacht bij de Autoriteit Persoonsgegevens", "Complaint to the Dutch Data Protection Authority";
    PrivacyComplaint => "Ben je het niet eens met hoe we met je gegevens omgaan of met ons antwoord? Dan kun je een klacht indienen bij de Autoriteit Persoonsgegevens:",
                        "Do you disagree with how we handle your data or with our answer? Then you can complain to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens):";
    PrivacyContactHeading => "Contact over privacy", "Privacy contact";
    PrivacyContact => "Vragen over je gegevens? Mail de privacymedewerkers van IGOM. Heb je een account, dan kun je ook een verzoek sturen in het portaal.",
                      "Questions about your data? E-mail IGOM's privacy staff. If you have an account, you can also send a request in the portal.";

    RegisterChangesHeading => "Er is iets veranderd", "Something has changed";
    RegisterChangesIntro => "Er is iets veranderd in hoe IGOM je gegevens gebruikt. Dit is er nieuw:",
                            "Something changed in how IGOM uses your data. This is new:";
    RegisterChangesRead => "Lees alles in de privacyverklaring", "Read everything in the privacy statement";
    RegisterChangesSeen => "Gelezen", "Read";
    RegisterChangesSeenFailed => "Dat lukte niet. Probeer het later nog eens.", "That did not work. Please try again later.";
    ConsentChangedNewsletter => "De tekst van je toestemming voor de nieuwsflits is veranderd.",
                                "The text of your consent for the newsletter has changed.";
    ConsentChangedListing => "De tekst van je toestemming voor de kandidatenbank is veranderd.",
                             "The text of your consent for the candidate bank has changed.";
    ConsentHoldsNewsletter => "Je toestemming blijft gelden met de tekst waar je ja op zei. Wil je dat niet meer? Zet de nieuwsflits dan uit.",
                              "Your consent holds with the text you agreed to. Do you no longer want that? Then switch the newsletter off.";
    ConsentHoldsListing => "Je toestemming blijft gelden met de tekst waar je ja op zei. Verleng je haar, dan geldt de nieuwe tekst.",
                           "Your consent holds with the text you agreed to. If you renew it, the new text applies.";
    PrivacyChangesHeading => "Wat er veranderde", "What changed";
    PrivacyChangesIntro => "Verandert er iets, dan zie je dat bij je volgende bezoek. Komt er een doel of een ontvanger bij, dan krijg je ook een mail.",
                           "If something changes, you see it on your next visit. If a purpose or a recipient is added, you also get a mail.";
    OverviewTakeAwayHeading => "Je gegevens inzien en meenemen", "See and take your data";
    OverviewTakeAwayText => "Bekijk alles wat het portaal over je bewaart en waarom. Of neem het mee als versleuteld bestand, of draag het over aan een andere organisatie. Wat het portaal niet zelf kan, vraag je met een verzoek.",
                            "See everything the portal keeps about you and why. Or take it with you as an encrypted file, or transfer it to another organisation. What the portal cannot do itself, you ask for with a request.";
    ExportTitle => "Exporteren", "Export";
    ExportIntro => "Neem al je gegevens mee in één bestand. Daarin staan je account, profiel, zichtbaarheid, wie je gegevens zag, je cursistgegevens, je toestemmingen en je overdrachten. Er staat ook in wat het portaal met je gegevens doet en waarom. Je cv staat er nog een keer in, in een vorm die veel cv-programma's kunnen lezen. Een beschrijving van het bestand helpt een andere organisatie het te gebruiken.",
                  "Take all your data with you in one file. It holds your account, profile, visibility, who saw your data, your course data, your consents and your transfers. It also says what the portal does with your data and why. Your CV is in it once more, in a form many CV programs can read. A description of the file helps another organisation use it.";
    ExportInBrowser => "Het bestand wordt in deze browser op slot gezet (versleuteld). Het portaal ziet je wachtwoord niet en krijgt je gegevens nooit zonder slot. Openen kan later op de pagina Export openen, of met het programma age.",
                       "The file is locked (encrypted) in this browser. The portal never sees your passphrase and never gets your data unlocked. You can open it later on the Open export page, or with the age program.";
    EncryptHeading => "Versleuteld downloaden", "Download encrypted";
    ProtectWith => "Versleutelen met", "Encrypt with";
    ProtectPassphrase => "Een wachtwoord dat je zelf bewaart", "A passphrase you keep yourself";
    ProtectRecipients => "Een digitale sleutel (gemaakt met het programma age)", "A digital key (made with the age program)";
    PassphraseLabel => "Wachtwoord voor het bestand", "Passphrase for the file";
    PassphraseHint => "Minstens 12 tekens. Schrijf het op: zonder dit wachtwoord kan niemand het bestand openen, ook wij niet.",
                      "At least 12 characters. Write it down: without this passphrase nobody can open the file, not even us.";
    GeneratePassphrase => "Maak een wachtwoord van zes woorden", "Make a passphrase of six words";
    PassphraseGenerated => "Er staat een nieuw wachtwoord van zes woorden in het veld. Schrijf het op of kopieer het voordat je verdergaat.",
                           "A new passphrase of six words is in the field. Write it down or copy it before you continue.";
    CopyPassphrase => "Wachtwoord kopiëren", "Copy passphrase";
    Copied => "Gekopieerd. Plak het op een veilige plek.", "Copied. Paste it somewhere safe.";
    CopyFailed => "Kopiëren lukte niet. De tekst is geselecteerd: kopieer hem zelf (Ctrl+C, of lang drukken op een telefoon).",
                  "Copying did not work. The text is selected: copy it yourself (Ctrl+C, or press and hold on a phone).";
    RecipientsLabel => "Sleutels, één per regel", "Keys, one per line";
    RecipientsHint => "Plak de sleutel, of kies hieronder een bestand met sleutels. Een sleutel van het nieuwe soort begint met age1pq1 en is bijna 2.000 tekens lang. Een van het oude soort begint met age1 en is 62 tekens. Wie de geheime sleutel heeft die erbij hoort, kan het bestand openen.",
                      "Paste the key, or choose a file with keys below. A key of the new kind starts with age1pq1 and is almost 2,000 characters long. One of the old kind starts with age1 and is 62 characters. Whoever has the secret key that goes with it can open the file.";
    RecipientsFileLabel => "Of kies een bestand met sleutels", "Or choose a file with keys";
    KeyFingerprints => "Vingerafdruk van elke sleutel. Vergelijk die met wat de ontvanger zelf opgeeft, bijvoorbeeld door de telefoon.",
                       "The fingerprint of each key. Compare it with what the recipient tells you, for example by phone.";
    KeyFingerprint => "Vingerafdruk", "Fingerprint";
    KeyKindPostQuantum => "nieuw soort: ook veilig tegen kwantumcomputers van later", "new kind: also safe against future quantum computers";
    KeyKindClassic => "oud soort: niet veilig tegen kwantumcomputers van later", "old kind: not safe against future quantum computers";
    ClassicKeysNote => "Deze sleutels zijn van het oude soort. Het bestand is nu veilig. Maar wie het bewaart, kan het over jaren misschien openen met een kwantumcomputer. Heeft de ontvanger ook een sleutel die begint met age1pq1? Gebruik dan die.",
                       "These keys are of the old kind. The file is safe now. But whoever keeps it may be able to open it years from now with a quantum computer. Does the recipient also have a key that starts with age1pq1? Then use that one.";
    KeepPostQuantumKeys => "Alleen de sleutels van het nieuwe soort houden", "Keep only the keys of the new kind";
    KeepClassicKeys => "Alleen de sleutels van het oude soort houden", "Keep only the keys of the old kind";
    ArmorLabel => "Als tekst, bijvoorbeeld om in een e-mail te plakken (de naam eindigt dan op .age.txt)", "As text, for example to paste into an e-mail (the name then ends in .age.txt)";
    EncryptSubmit => "Versleutelen en downloaden", "Encrypt and download";
    StageFetching => "Je gegevens ophalen…", "Fetching your data…";
    StageStarting => "Versleuteling starten…", "Starting encryption…";
    StageDeriving => "Het slot wordt gemaakt uit het wachtwoord (dit duurt een paar seconden)…", "Making the lock from the passphrase (this takes a few seconds)…";
    StageEncrypting => "Versleutelen…", "Encrypting…";
    StageDecrypting => "Ontsleutelen…", "Decrypting…";
    StageUploading => "Versturen…", "Uploading…";
    EncryptDone => "Klaar. Het versleutelde bestand is gedownload:", "Done. The encrypted file has been downloaded:";
    PlainHeading => "Onversleuteld downloaden", "Download unencrypted";
    PlainText => "Dit is ook je recht, maar het bestand is dan voor iedereen leesbaar die het in handen krijgt. Kies dit alleen als je het op een veilige plek bewaart.",
                 "This is your right too, but then anyone who gets hold of the file can read it. Only choose this if you keep it in a safe place.";
    TransferHeading => "Overdragen aan een andere organisatie", "Transfer to another organisation";
    TransferText => "Je gegevens worden in deze browser versleuteld voor de organisatie en dan op het portaal klaargezet. Je krijgt een link die één keer werkt en vanzelf verloopt; geef die aan de organisatie. Alleen zij kunnen het bestand openen.",
                    "Your data is encrypted for the organisation in this browser and then put ready on the portal. You get a link that works once and expires by itself; give it to the organisation. Only they can open the file.";
    TransferTo => "Organisatie", "Organisation";
    ChooseOrganisation => "Kies een organisatie", "Choose an organisation";
    TransferOther => "Een andere organisatie (hun sleutel plakken)", "Another organisation (paste their key)";
    TransferKeyLabel => "Sleutel van de organisatie (begint met age1pq1 of age1)", "The organisation's key (starts with age1pq1 or age1)";
    TransferKeyCompare => "Vingerafdruk van de sleutel. Vergelijk die met wat de organisatie zelf opgeeft, bijvoorbeeld op haar website of door de telefoon. Is die anders? Draag dan niets over.",
                          "The fingerprint of the key. Compare it with what the organisation itself says, for example on its website or by phone. Is it different? Then do not transfer anything.";
    TransferSubmit => "Versleutelen en overdragen", "Encrypt and transfer";
    TransferDone => "Klaargezet. Geef deze link aan de organisatie; hij werkt één keer en verloopt op", "Ready. Give this link to the organisation; it works once and expires on";
    TransferLinkLabel => "Link voor de organisatie", "Link for the organisation";
    CopyLink => "Link kopiëren", "Copy link";
    ShareLink => "Link delen", "Share link";
    TransferLinkKept => "De link blijft hier staan tot de organisatie het bestand heeft opgehaald of de link verloopt. Dat geldt zolang deze pagina open is: het portaal bewaart de link zelf niet.",
                        "The link stays here until the organisation has fetched the file or the link expires. That holds while this page is open: the portal does not keep the link itself.";
    TransfersHeading => "Je overdrachten", "Your transfers";
    TransfersNone => "Je hebt nog niets overgedragen.", "You have not transferred anything yet.";
    TransferOwnKey => "Eigen sleutel", "Key you gave";
    TransferStatusWaiting => "Wacht op ophalen tot", "Waiting to be fetched until";
    TransferStatusFetched => "Opgehaald op", "Fetched on";
    TransferStatusRevoked => "Ingetrokken op", "Revoked on";
    TransferStatusExpired => "Verlopen op", "Expired on";
    TransferRevoke => "Intrekken", "Revoke";
    TransferRevoked => "De overdracht is ingetrokken; het bestand is verwijderd.", "The transfer has been revoked; the file has been deleted.";
    TransferSize => "Grootte", "Size";
    TransferCreated => "Klaargezet op", "Ready since";
    OpenExportLink => "Een versleutelde export openen", "Open an encrypted export";

    TransferLinkTitle => "Overdracht ophalen", "Fetch a transfer";
    TransferLinkIntro => "Iemand heeft via zelfregie, het privacyportaal van IGOM, een versleuteld bestand met zijn of haar gegevens voor jouw organisatie klaargezet. Het is versleuteld met de publieke sleutel hieronder: alleen wie de geheime sleutel daarvan heeft, kan het openen. Deze pagina openen haalt nog niets op.",
                         "Someone has left an encrypted file with their data for your organisation on zelfregie, IGOM's privacy portal. It is encrypted to the public key below: only whoever holds its secret key can open it. Opening this page does not fetch anything yet.";
    TransferLinkMissing => "Deze link is onvolledig. Gebruik de hele link die je kreeg.", "This link is incomplete. Use the whole link you were given.";
    TransferLinkUnknown => "Deze link bestaat niet. Controleer of je de hele link hebt overgenomen, of vraag om een nieuwe overdracht.",
                           "This link does not exist. Check that you copied the whole link, or ask for a new transfer.";
    TransferLinkFrom => "Van", "From";
    TransferLinkFromUnknown => "Geen naam opgegeven", "No name given";
    TransferLinkFor => "Voor", "For";
    TransferLinkForKey => "De organisatie met deze sleutel", "The organisation with this key";
    TransferLinkKey => "Versleuteld voor de sleutel", "Encrypted to the key";
    TransferLinkValidUntil => "Op te halen tot", "Can be fetched until";
    TransferLinkOnce => "Je kunt het bestand één keer ophalen. Daarna wordt het van het portaal verwijderd: bewaar het goed.",
                        "You can fetch the file once. After that it is deleted from the portal: keep it safe.";
    TransferLinkFetch => "Bestand ophalen", "Fetch the file";
    TransferLinkSaved => "Het bestand is opgehaald en gedownload als", "The file has been fetched and downloaded as";
    TransferLinkHowToOpen => "Open het met de geheime sleutel van je organisatie, bijvoorbeeld met age (versie 1.3 of nieuwer):",
                             "Open it with your organisation's secret key, for example with age (version 1.3 or newer):";
    TransferLinkOrOpenHere => "Geen age bij de hand? Open het bestand dan in deze browser, met de geheime sleutel van je organisatie. Bestand en sleutel blijven op je computer:",
                              "No age at hand? Then open the file in this browser, with your organisation's secret key. File and key stay on your computer:";
    TransferLinkFetched => "Dit bestand is al opgehaald op", "This file was already fetched on";
    TransferLinkRevoked => "Deze overdracht is ingetrokken op", "This transfer was revoked on";
    TransferLinkExpired => "Deze link is verlopen op", "This link expired on";
    TransferLinkGone => "Het bestand staat niet meer op het portaal. Heb je het nog nodig? Vraag de persoon om een nieuwe overdracht.",
                        "The file is no longer on the portal. Still need it? Ask the person for a new transfer.";

    NavOpenExport => "Export openen", "Open export";
    OpenTitle => "Export openen", "Open an export";
    OpenIntro => "Kies het versleutelde bestand (de naam eindigt op .age of .age.txt) en geef het wachtwoord of de geheime sleutel. Het bestand wordt in deze browser geopend; er gaat niets naar het portaal.",
                 "Choose the encrypted file (its name ends in .age or .age.txt) and give the passphrase or secret key. The file is opened in this browser; nothing is sent to the portal.";
    OpenFileLabel => "Versleuteld bestand", "Encrypted file";
    OpenWith => "Openen met", "Open with";
    OpenPassphrase => "Het wachtwoord", "The passphrase";
    OpenIdentity => "Een geheime sleutel (AGE-SECRET-KEY-…)", "A secret key (AGE-SECRET-KEY-…)";
    IdentityLabel => "Geheime sleutel", "Secret key";
    IdentityHint => "Plak de inhoud van het sleutelbestand, of kies het bestand hieronder. Regels met # worden overgeslagen.", "Paste the contents of the key file, or choose the file below. Lines starting with # are skipped.";
    IdentityFileLabel => "Of kies het sleutelbestand", "Or choose the key file";
    OpenSubmit => "Openen", "Open";
    OpenResult => "Inhoud van het bestand", "Contents of the file";
    OpenSummary => "Dit is een export van zelfregie, gemaakt op", "This is a zelfregie export, made on";
    OpenNotExport => "Het bestand is geopend, maar het is geen export van zelfregie.", "The file was opened, but it is not a zelfregie export.";
    OpenContentsLabel => "Inhoud (JSON)", "Contents (JSON)";
    OpenNotText => "Het bestand is geopend, maar het is geen export en geen tekst: er staan andere gegevens in. Je kunt het geopende bestand downloaden",
                   "The file was opened, but it is not an export and not text: it holds other data. You can download the opened file";
    OpenShownPart => "Hieronder staat alleen het begin. Download het geopende bestand om alles te zien.",
                     "Only the beginning is shown below. Download the opened file to see all of it.";
    OpenDownload => "Geopend bestand downloaden", "Download the opened file";

    DataEmployment => "Werkgever of extern", "Employer or external";
    DataPeriod => "Periode", "Period";
    DataTravelAtMost => "Reizen: hoogstens", "Travel: at most";
    DataMinutesTravel => "minuten", "minutes";
    DataFrom => "Beschikbaar vanaf", "Available from";
    DataListed => "Staat in de kandidatenbank", "Listed in the candidate bank";
    DataListingConsents => "Toestemming voor de kandidatenbank", "Consent for the candidate bank";
    DataManagerTold => "Je leidinggevende kreeg hierover bericht", "Your manager was told about this";
    ListingConsentHeading => "Waar je mee instemt als je dit aanzet", "What you agree to when you switch this on";
    DataAnonymous => "Anoniem", "Anonymous";
    DataWhen => "Wanneer", "When";
    DataHowOften => "Hoe vaak", "How often";
    DataHow => "Hoe", "How";
    DataState => "Stand", "Status";
    DataCancelled => "Geannuleerd", "Cancelled";
    DataNoShow => "Niet aanwezig geweest", "Did not attend";
    DataTrainings => "Opleidingen en inschrijvingen", "Trainings and enrolments";
    DataNewsletterPending => "Aangemeld, maar nog niet bevestigd via de e-mail", "Subscribed, but not yet confirmed by e-mail";
    DataAgreedTo => "Waar je mee instemde", "What you agreed to";
    DataConfirmationMail => "Bevestigingsmail", "Confirmation e-mail";
    DataConfirmationMails => "Verstuurde bevestigingsmails", "Confirmation e-mails sent";
    DataSent => "Verstuurd", "Sent";
    DataUsed => "Link gebruikt", "Link used";
    DataProcessorSubscribe => "Aanmelding doorgeven", "Passing on your subscription";
    DataProcessorUnsubscribe => "Afmelding doorgeven", "Passing on your unsubscription";
    DataDelivered => "Doorgegeven", "Passed on";
    DataPassedOn => "Doorgegeven gegevens", "Data passed on";
    DataSessionFrom => "Ingelogd op", "Logged in on";
    DataLastActive => "Laatst actief", "Last active";
    DataHeldHeading => "Wat het portaal van je bewaart", "What the portal keeps about you";
    DataNothingHeld => "Hierover bewaart het portaal nu niets van jou.", "The portal keeps nothing about you for this now.";
    DataWhyHeading => "Waarom, en wie het krijgt", "Why, and who receives it";
    DataRawJson => "Het hele bestand als JSON (voor computers)", "The whole file as JSON (for computers)";

    RightsHeading => "Vragen, bezwaar en klachten", "Questions, objections and complaints";
    RightsContactHeading => "Contact over je privacy", "Contact about your privacy";
    RightsContactText => "Heb je een vraag over je gegevens? Of wil je gegevens inzien, laten verbeteren of laten verwijderen die niet in dit portaal staan? Neem dan contact op met de Stuurgroep IGOM. Die regelt dit namens alle aangesloten organisaties en antwoordt binnen een maand. Schrijven kan ook: het postadres staat op www.igom.nl.",
                         "Do you have a question about your data? Or do you want to see, correct or delete data that is not in this portal? Then contact the IGOM steering group. It handles this for all member organisations and answers within a month. You can also write: the postal address is on www.igom.nl.";
    RightsEmail => "E-mail", "E-mail";
    RightsObjectHeading => "Bezwaar maken", "Objecting";
    RightsObjectText => "Je mag bezwaar maken tegen wat er met je gegevens gebeurt. Bij de kandidatenbank, de academie en de nieuwsflits stop je zelf, wanneer je wilt. Zet je profiel uit, stop als cursist of meld je af. Dan gebruiken we die gegevens daarvoor niet meer. Ben je het niet eens met een besluit over je verzoek? Dan kun je daartegen bezwaar maken bij de Stuurgroep IGOM.",
                        "You may object to what happens to your data. For the candidate bank, the academy and the newsletter you stop yourself, whenever you want. Switch your profile off, stop as a participant or unsubscribe. Then we no longer use that data for it. Do you disagree with a decision on your request? Then you can object to it with the IGOM steering group.";
    RightsComplainHeading => "Klacht bij de Autoriteit Persoonsgegevens", "Complaint to the Dutch Data Protection Authority";
    RightsComplainText => "Vind je dat er niet goed met je gegevens wordt omgegaan? Dan mag je een klacht indienen bij de Autoriteit Persoonsgegevens, de toezichthouder voor privacy in Nederland. Dat mag ook zonder eerst bij ons te klagen.",
                          "Do you think your data is not handled properly? Then you may file a complaint with the Autoriteit Persoonsgegevens, the Dutch data protection authority. You may do so without complaining to us first.";
    RightsComplainAddress => "Autoriteit Persoonsgegevens, Postbus 93374, 2509 AJ Den Haag", "Autoriteit Persoonsgegevens, Postbus 93374, 2509 AJ Den Haag, the Netherlands";
    RightsComplainSite => "Website van de Autoriteit Persoonsgegevens", "Website of the Autoriteit Persoonsgegevens";

    LoginCodeLabel => "Code uit je app", "Code from your app";
    LoginCodeHint => "Open de app voor tweestapsverificatie op je telefoon en typ de 6 cijfers. Telefoon kwijt? Typ dan een van je herstelcodes.",
                     "Open the two-step verification app on your phone and type the 6 digits. Lost your phone? Then type one of your recovery codes.";

    TfaHeading => "Tweestapsverificatie", "Two-step verification";
    TfaIntro => "Met tweestapsverificatie log je in met je wachtwoord en een code uit een app op je telefoon. Wie alleen je wachtwoord kent, komt dan niet binnen.",
                "With two-step verification you log in with your password and a code from an app on your phone. Someone who only knows your password cannot get in.";
    TfaRequired => "Met jouw account zie je gegevens van anderen. Daarom is tweestapsverificatie verplicht. Stel het nu in: pas daarna kun je verder werken.",
                   "With your account you see other people's data. That is why two-step verification is required. Set it up now: only then can you continue.";
    TfaIsOn => "Tweestapsverificatie staat aan.", "Two-step verification is on.";
    TfaIsOff => "Tweestapsverificatie staat uit.", "Two-step verification is off.";
    TfaOnSince => "Aan sinds", "On since";
    TfaRecoveryLeft => "Herstelcodes over", "Recovery codes left";
    TfaStartText => "Je hebt een app voor tweestapsverificatie nodig, bijvoorbeeld de authenticator-app van je telefoon. Typ eerst je wachtwoord.",
                    "You need a two-step verification app, for example the authenticator app on your phone. First type your password.";
    TfaPasswordLabel => "Je wachtwoord, ter controle", "Your password, to check it is you";
    TfaStartSubmit => "Tweestapsverificatie instellen", "Set up two-step verification";
    TfaOnThisDevice => "Staat de app op dit apparaat? Open de sleutel dan meteen in de app.",
                       "Is the app on this device? Then open the key in the app straight away.";
    TfaOpenInApp => "Open in je authenticator-app", "Open in your authenticator app";
    TfaScan => "Staat de app op een ander apparaat? Scan dan deze QR-code met de app. Lukt dat niet? Kopieer of typ dan de sleutel hieronder.",
               "Is the app on another device? Then scan this QR code with the app. Does that not work? Then copy or type the key below.";
    TfaCopyKey => "Sleutel kopiëren", "Copy key";
    TfaQrAlt => "QR-code voor je app. Kun je hem niet scannen, typ dan de sleutel eronder over.",
                "QR code for your app. If you cannot scan it, type the key below it.";
    TfaSecretLabel => "Sleutel", "Key";
    TfaConfirmText => "Typ daarna de 6 cijfers die de app laat zien. Zo weten we dat het werkt.",
                      "Then type the 6 digits the app shows. That way we know it works.";
    TfaConfirmSubmit => "Bevestigen", "Confirm";
    TfaRecoveryHeading => "Je herstelcodes", "Your recovery codes";
    TfaRecoveryText => "Bewaar deze codes op een veilige plek, bijvoorbeeld op papier. Ben je je telefoon kwijt? Dan log je in met een van deze codes. Elke code werkt één keer. Je ziet ze alleen nu.",
                       "Keep these codes in a safe place, for example on paper. Lost your phone? Then log in with one of these codes. Each code works once. You only see them now.";
    TfaDownload => "Codes downloaden", "Download codes";
    TfaPrint => "Afdrukken", "Print";
    TfaSaved => "Ik heb de codes bewaard", "I have saved the codes";
    TfaRecoveryFile => "Herstelcodes voor tweestapsverificatie van zelfregie. Elke code werkt één keer.",
                       "Recovery codes for zelfregie two-step verification. Each code works once.";
    TfaDisableHeading => "Tweestapsverificatie uitzetten", "Turn off two-step verification";
    TfaDisableText => "Typ je wachtwoord en een code uit je app (of een herstelcode).",
                      "Type your password and a code from your app (or a recovery code).";
    TfaCodeOrRecovery => "Code uit je app of herstelcode", "Code from your app or recovery code";
    TfaDisableSubmit => "Uitzetten", "Turn off";
    TfaTurnedOff => "Tweestapsverificatie staat nu uit.", "Two-step verification is now off.";
    TfaMandatory => "Je kunt tweestapsverificatie niet uitzetten: met jouw account zie je gegevens van anderen.",
                    "You cannot turn off two-step verification: with your account you see other people's data.";

    NotFoundTitle => "Pagina niet gevonden", "Page not found";
    NotFoundText => "Deze pagina bestaat niet (meer). Controleer het adres of ga naar het overzicht.",
                    "This page does not exist (any more). Check the address or go to the overview.";
    NotFoundBack => "Naar het overzicht", "Go to the overview";
    // ---- administration: the invitation page, Beheer, Partnersleutels, Logboek ----
    NavAdmin => "Beheer", "Administration";
    NavPartnerKeys => "Partnersleutels", "Partner keys";
    NavAuditLog => "Logboek", "Log";
    InvitationTitle => "Uitnodiging", "Invitation";
    InvitationIntro => "Je bent uitgenodigd om in Zelfregie te werken. Kies een wachtwoord en maak je account.",
                       "You are invited to work in Zelfregie. Choose a password and create your account.";
    InvitationFor => "Voor", "For";
    InvitationAs => "Als", "As";
    InvitationPartner => "Partnerorganisatie", "Partner organisation";
    InvitationUntil => "Geldig tot", "Valid until";
    InvitationNext => "Daarna stel je meteen tweestapsverificatie in (een app of een passkey). Pas dan zie je gegevens van anderen.",
                      "Next you set up two-step verification at once (an app or a passkey). Only then do you see other people's data.";
    InvitationSubmit => "Maak mijn account", "Create my account";
    InvitationInvalid => "Deze uitnodiging werkt niet (meer): de link is al gebruikt, ingetrokken of verlopen. Vraag de beheerder van het portaal om een nieuwe uitnodiging.",
                         "This invitation does not work (any more): the link was used, withdrawn or has expired. Ask the portal's administrator for a new invitation.";
    InvitationMissing => "Deze link is onvolledig. Gebruik de hele link uit de e-mail, of vraag de beheerder om een nieuwe uitnodiging.",
                         "This link is incomplete. Use the whole link from the e-mail, or ask the administrator for a new invitation.";
    AdminTitle => "Beheer", "Administration";
    AdminIntro => "Hier bepaal je wie in het portaal werkt. Gegevens van kandidaten en deelnemers zie je hier niet.",
                  "Here you decide who works in the portal. You do not see candidates' or participants' data here.";
    AdminReviewHeading => "Controle van de lijst", "Review of the list";
    AdminReviewText => "Kijk elk kwartaal of iedereen op de lijst nog in het portaal moet werken. Schors of verwijder wie er niet meer hoort. Bevestig daarna de lijst.",
                       "Every quarter, check whether everyone on the list still needs to work in the portal. Suspend or remove who no longer belongs. Then confirm the list.";
    AdminReviewLast => "Laatst bevestigd", "Last confirmed";
    AdminReviewNever => "Nog nooit", "Never";
    AdminReviewNext => "Volgende controle", "Next review";
    AdminReviewDue => "Nu nodig", "Due now";
    AdminReviewConfirm => "Lijst bevestigen", "Confirm the list";
    AdminReviewConfirmed => "De lijst is bevestigd.", "The list has been confirmed.";
    AdminIdleRule => "Een account dat lang niet is gebruikt, wordt vanzelf geschorst. Aantal dagen:",
                     "An account that is not used for a long time is suspended automatically. Number of days:";
    AdminStaffHeading => "Wie werkt in het portaal", "Who works in the portal";
    AdminStaffNone => "Er zijn nog geen accounts van medewerkers.", "There are no staff accounts yet.";
    AdminColEmail => "E-mailadres", "E-mail address";
    AdminColRole => "Rol", "Role";
    AdminColStatus => "Status", "Status";
    AdminColLastLogin => "Laatst ingelogd", "Last login";
    AdminColSecondFactor => "Tweestapsverificatie", "Two-step verification";
    AdminColInvitedBy => "Uitgenodigd door", "Invited by";
    AdminColActions => "Acties", "Actions";
    AdminNeverLoggedIn => "Nog nooit", "Never";
    AdminInvitedBySystem => "Het portaal zelf", "The portal itself";
    AdminYes => "Ja", "Yes";
    AdminNo => "Nee", "No";
    AdminYou => "Dit ben jij. Je eigen account verander je bij Account.", "This is you. You change your own account under Account.";
    StaffActive => "Actief", "Active";
    StaffSuspended => "Geschorst", "Suspended";
    StaffSuspendedIdle => "Geschorst: lang niet gebruikt", "Suspended: not used for a long time";
    AdminSuspend => "Schorsen", "Suspend";
    AdminReinstate => "Weer toelaten", "Reinstate";
    AdminRevoke => "Verwijderen", "Remove";
    AdminSuspended => "Het account is geschorst. Het kan niet meer inloggen; open sessies zijn beëindigd.",
                      "The account has been suspended. It can no longer log in; open sessions have ended.";
    AdminReinstated => "Het account mag weer werken.", "The account may work again.";
    AdminRevoked => "Het account is verwijderd.", "The account has been removed.";
    AdminRevokeConfirm => "Weet je het zeker? Het account wordt verwijderd, met al zijn sessies. Dit kun je niet terugdraaien. Gaat een recruiter naar een andere partnerorganisatie? Verwijder dan dit account en stuur een nieuwe uitnodiging.",
                          "Are you sure? The account is deleted, with all its sessions. This cannot be undone. Is a recruiter moving to another partner organisation? Then remove this account and send a new invitation.";
    AdminRevokeNote => "Verwijderen wist het account. Gaat een recruiter naar een andere partnerorganisatie? Verwijder het account en stuur een nieuwe uitnodiging.",
                       "Removing deletes the account. Is a recruiter moving to another partner organisation? Remove the account and send a new invitation.";
    AdminInviteHeading => "Iemand uitnodigen", "Invite someone";
    AdminInviteText => "De persoon krijgt een e-mail met een link. Die werkt 7 dagen en één keer.",
                       "The person gets an e-mail with a link. It works for 7 days, once.";
    AdminInviteRole => "Rol", "Role";
    AdminInviteChooseRole => "Kies een rol", "Choose a role";
    AdminInviteChooseRoleInstruction => "Kies een rol.", "Choose a role.";
    AdminInvitePartner => "Partnerorganisatie", "Partner organisation";
    AdminInviteChoosePartner => "Kies een partnerorganisatie", "Choose a partner organisation";
    AdminInviteChoosePartnerInstruction => "Kies de partnerorganisatie van de recruiter.", "Choose the recruiter's partner organisation.";
    AdminInviteLanguage => "Taal van de e-mail", "Language of the e-mail";
    AdminInviteSubmit => "Uitnodiging versturen", "Send invitation";
    AdminInvited => "De uitnodiging is verstuurd.", "The invitation has been sent.";
    AdminInvitationsHeading => "Uitnodigingen van de laatste 30 dagen", "Invitations of the last 30 days";
    AdminInvitationsNone => "Geen uitnodigingen in de laatste 30 dagen.", "No invitations in the last 30 days.";
    AdminInvitationSent => "Verstuurd", "Sent";
    AdminWithdraw => "Intrekken", "Withdraw";
    AdminWithdrawn => "De uitnodiging is ingetrokken. De link werkt niet meer.", "The invitation has been withdrawn. The link no longer works.";
    InvitationPending => "Wacht op de uitgenodigde", "Waiting for the invitee";
    InvitationAcceptedStatus => "Gebruikt: het account bestaat", "Used: the account exists";
    InvitationWithdrawnStatus => "Ingetrokken", "Withdrawn";
    InvitationExpiredStatus => "Verlopen", "Expired";
    LanguageDutch => "Nederlands", "Dutch";
    LanguageEnglish => "Engels", "English";
    PartnerKeysTitle => "Partnersleutels", "Partner keys";
    PartnerKeysIntro => "Met de sleutel van een partnerorganisatie versleutelt het portaal de gegevens die mensen naar die organisatie sturen. Alleen de organisatie kan ze openen. Plak de publieke sleutel die de organisatie je geeft. Lees daarna samen de vingerafdruk na, bijvoorbeeld aan de telefoon.",
                        "With a partner organisation's key the portal encrypts the data people send to that organisation. Only the organisation can open it. Paste the public key the organisation gives you. Then read the fingerprint back together, for example on the phone.";
    PartnerKeyNone => "Geen sleutel: mensen kunnen nog niets naar deze organisatie sturen.", "No key: people cannot send anything to this organisation yet.";
    PartnerKeyFingerprint => "Vingerafdruk", "Fingerprint";
    PartnerKeyPublished => "Gepubliceerd", "Published";
    PartnerKeyBy => "door", "by";
    PartnerKeyPaste => "Sleutel plakken", "Paste a key";
    PartnerKeyReplace => "Vervangen", "Replace";
    PartnerKeyRemove => "Verwijderen", "Remove";
    PartnerKeyCancel => "Annuleren", "Cancel";
    PartnerKeyLabel => "Publieke sleutel (begint met age1)", "Public key (starts with age1)";
    PartnerKeyHint => "Plak de hele sleutel. De vingerafdruk verschijnt hieronder: lees die na met de organisatie voordat je publiceert.",
                      "Paste the whole key. The fingerprint appears below: read it back with the organisation before you publish.";
    PartnerKeyLiveFingerprint => "Vingerafdruk van deze sleutel:", "Fingerprint of this key:";
    PartnerKeyNotYet => "Dit is nog geen geldige sleutel.", "This is not a valid key yet.";
    PartnerKeyPublish => "Publiceren", "Publish";
    PartnerKeyPublishedNotice => "De sleutel is gepubliceerd. Nieuwe overdrachten gebruiken deze sleutel.",
                                 "The key has been published. New transfers use this key.";
    PartnerKeyRemoveConfirm => "Weet je het zeker? Daarna kan niemand meer iets naar deze organisatie sturen, tot er een nieuwe sleutel is. Overdrachten die al gemaakt zijn, blijven met de oude sleutel te openen.",
                               "Are you sure? After this nobody can send anything to this organisation until there is a new key. Transfers already made can still be opened with the old key.";
    PartnerKeyRemovedNotice => "De sleutel is verwijderd.", "The key has been removed.";
    PartnerKeyEarlier => "Eerdere sleutels", "Earlier keys";
    PartnerKeyEarlierText => "Eerdere sleutels openen nog de overdrachten die naar die sleutel zijn gemaakt.",
                             "Earlier keys still open the transfers that were made to them.";
    PartnerKeyRetired => "Niet meer gebruikt sinds", "Not used since";
    AuditTitle => "Logboek", "Log";
    AuditIntro => "Alles wat beheerders doen, staat hier: wie, wat, wanneer en over wie. Niemand kan regels veranderen of wissen. Het nieuwste staat bovenaan.",
                  "Everything administrators do is here: who, what, when and about whom. Nobody can change or delete entries. The newest is at the top.";
    AuditNone => "Het logboek is nog leeg.", "The log is still empty.";
    AuditMore => "Meer laden", "Load more";
    AuditEnd => "Dit is het begin van het logboek.", "This is the start of the log.";
    AuditWho => "Wie", "Who";
    AuditWhat => "Wat", "What";
    AuditAbout => "Over", "About";
    AuditDetail => "Details", "Details";
    AuditBySystem => "Het portaal zelf", "The portal itself";
    AuditActorGone => "Een account dat niet meer bestaat", "An account that no longer exists";
    AuditInvite => "Heeft iemand uitgenodigd", "Invited someone";
    AuditWithdrawInvitation => "Heeft een uitnodiging ingetrokken", "Withdrew an invitation";
    AuditAccept => "Heeft een uitnodiging gebruikt en een account gemaakt", "Used an invitation and created an account";
    AuditSuspend => "Heeft een account geschorst", "Suspended an account";
    AuditReinstate => "Heeft een account weer toegelaten", "Reinstated an account";
    AuditRevoke => "Heeft een account verwijderd", "Removed an account";
    AuditReview => "Heeft de lijst van medewerkers bevestigd", "Confirmed the list of staff";
    AuditKeyPublish => "Heeft een sleutel van een partnerorganisatie gepubliceerd", "Published a partner organisation's key";
    AuditKeyRemove => "Heeft een sleutel van een partnerorganisatie verwijderd", "Removed a partner organisation's key";
    AuditIdle => "lang niet gebruikt", "not used for a long time";

    NavAcademyCatalogue => "Opleidingsaanbod beheren", "Manage the catalogue";
    CatalogueStaffTitle => "Opleidingsaanbod beheren", "Manage the catalogue";
    CatalogueStaffIntro => "Hier zet je opleidingen in het aanbod, pas je ze aan of annuleer je ze. Wie zich heeft ingeschreven of op de wachtlijst staat, krijgt bij een annulering vanzelf een e-mail.",
                           "Here you add trainings to the catalogue, change them or cancel them. Everyone enrolled or on the waiting list gets an e-mail automatically when a training is cancelled.";
    CatalogueStaffListHeading => "Alle opleidingen", "All trainings";
    CatalogueStaffNone => "Er staan nog geen opleidingen in het aanbod.", "There are no trainings in the catalogue yet.";
    CatalogueStaffEnrolled => "Ingeschreven", "Enrolled";
    CatalogueStaffOf => "van", "of";
    CatalogueStaffWaiting => "Wachtlijst", "Waiting list";
    CatalogueStaffCancelledState => "Geannuleerd door de academie", "Cancelled by the academy";
    CatalogueStaffStartedState => "Begonnen of voorbij", "Started or past";
    CatalogueStaffEdit => "Wijzigen", "Change";
    CatalogueStaffCancel => "Annuleren", "Cancel";
    CatalogueStaffCancelConfirm => "Weet je zeker dat je deze opleiding wilt annuleren? Dit kun je niet ongedaan maken. Zoveel mensen krijgen hierover een e-mail:",
                                   "Are you sure you want to cancel this training? This cannot be undone. This many people will get an e-mail about it:";
    CatalogueStaffCancelledNotice => "De opleiding is geannuleerd. Iedereen die ingeschreven was of op de wachtlijst stond, kreeg een e-mail.",
                                     "The training has been cancelled. Everyone who was enrolled or on the waiting list got an e-mail.";
    CatalogueStaffSavedNotice => "De opleiding is opgeslagen.", "The training has been saved.";
    CatalogueStaffNewHeading => "Nieuwe opleiding", "New training";
    CatalogueStaffEditHeading => "Opleiding wijzigen", "Change training";
    CatalogueStaffStopEditing => "Niet wijzigen, nieuwe opleiding maken", "Stop changing, make a new training";
    CatalogueFieldTitle => "Titel", "Title";
    CatalogueDescription => "Omschrijving", "Description";
    CatalogueDescriptionHint => "Wat leren de cursisten, en hoe?", "What do participants learn, and how?";
    CatalogueAudience => "Voor wie (in woorden)", "For whom (in words)";
    CatalogueAudienceHint => "Niet verplicht. Bijvoorbeeld: medewerkers die projecten trekken.", "Optional. For example: staff who lead projects.";
    CatalogueLevels => "Voor welke functieniveaus?", "For which function levels?";
    CatalogueLevelsHint => "Kies er minstens één.", "Choose at least one.";
    CatalogueOnline => "Online", "Online";
    CatalogueLocation => "Plaats", "Place";
    CatalogueLocationHint => "Bijvoorbeeld: Heerlen, Bestuurscentrum. Bij een online opleiding mag je dit leeg laten.",
                             "For example: Heerlen, Bestuurscentrum. You may leave this empty for an online training.";
    CatalogueDate => "Datum van de eerste bijeenkomst", "Date of the first session";
    CatalogueDateHint => "Bijvoorbeeld 31-03-2027.", "For example 31-03-2027.";
    CatalogueTime => "Begintijd", "Start time";
    CatalogueTimeHint => "Nederlandse tijd, bijvoorbeeld 09:30.", "Dutch time, for example 09:30.";
    CatalogueSessions => "Aantal bijeenkomsten", "Number of sessions";
    CatalogueCapacity => "Aantal plaatsen", "Number of seats";
    CatalogueCapacityHint => "Minder plaatsen dan er nu ingeschreven zijn kan niet. Meer plaatsen: wie op de wachtlijst staat, schuift op volgorde door.",
                             "Fewer seats than people enrolled now is not possible. More seats: people on the waiting list move up in order.";
    CatalogueAdd => "Opleiding toevoegen", "Add training";
    CatalogueLevelsLabel => "Functieniveaus", "Function levels";
    AcademyCancelledHeading => "Geannuleerd door de academie", "Cancelled by the academy";
    AcademyCancelledText => "De academie heeft deze opleidingen geannuleerd. Je hebt hierover een e-mail gekregen.",
                            "The academy cancelled these trainings. You received an e-mail about it.";
    NavCandidates => "Kandidaten", "Candidates";
    CandidatesTitle => "Kandidaten zoeken", "Find candidates";
    CandidatesIntro => "Je ziet alleen wat kandidaten aan jouw organisatie laten zien. Elke keer dat je een kandidaat ziet, kan die kandidaat dat terugzien.",
                       "You only see what candidates show your organisation. Each time you see a candidate, the candidate can see that.";
    SearchWords => "Zoekwoorden", "Search words";
    SearchWordsHint => "Bijvoorbeeld een beroep, een vaardigheid of een opleiding.", "For example a job, a skill or an education.";
    FiltersLegend => "Filters", "Filters";
    FiltersHint => "Een filter vindt alleen kandidaten die dit gegeven aan jouw organisatie laten zien.",
                   "A filter only finds candidates who show this to your organisation.";
    FilterHoursMin => "Minimaal uren per week", "At least hours per week";
    FilterHoursMax => "Maximaal uren per week", "At most hours per week";
    FilterHoursHint => "Bijvoorbeeld 32 of 32,5.", "For example 32 or 32.5.";
    FilterLevel => "Niveau van opleiding (minimaal)", "Level of education (at least)";
    FilterLevelAny => "Elk niveau", "Any level";
    WorkLevelMbo => "mbo (of havo, vwo)", "mbo (or havo, vwo)";
    WorkLevelHbo => "hbo (of wo)", "hbo (or wo)";
    WorkLevelWo => "wo", "wo (university)";
    SearchSubmit => "Zoeken", "Search";
    ResultsHeading => "Resultaten", "Results";
    ResultsNone => "Geen kandidaten gevonden.", "No candidates found.";
    ResultsOne => "1 kandidaat gevonden.", "1 candidate found.";
    ResultsMany => "kandidaten gevonden.", "candidates found.";
    ResultsMoreThan => "Meer dan", "More than";
    ResultsMore => "Meer kandidaten laden", "Load more candidates";
    CandidateTitle => "Kandidaat", "Candidate";
    CandidateBack => "Terug naar zoeken", "Back to search";
    CandidateNotFound => "Deze kandidaat is niet gevonden, of is niet meer zichtbaar voor jouw organisatie.",
                         "This candidate was not found, or is no longer visible to your organisation.";
    CandidateMissing => "Er is geen kandidaat gekozen. Zoek een kandidaat.", "No candidate was chosen. Search for a candidate.";
}

/// A partner as lists show it, the word people look for first: "Brunssum (gemeente)",
/// "GGD-ZL". In a drop-down list, typing "Br" then finds Brunssum.
pub fn partner_label(partner: &Partner, lang: Lang) -> String {
    match partner.municipality() {
        Some(place) => format!("{place} ({})", T::Municipality.get(lang)),
        None => partner.name.clone(),
    }
}

/// Options of a drop-down list of partners: `(slug, label)`, the label in the page's language.
pub fn partner_options(
    partners: Vec<Partner>,
    locale: crate::locale::Locale,
) -> Vec<(String, leptos::prelude::Signal<String>)> {
    partners
        .into_iter()
        .map(|p| (p.slug.clone(), leptos::prelude::Signal::derive(move || partner_label(&p, locale.lang()))))
        .collect()
}

/// The sentence for an error code: what happened and, where it helps, what to do. No
/// catch-all arm: a new code does not compile until it has its sentence here.
pub fn error_text(code: ErrorCode, lang: Lang) -> &'static str {
    use ErrorCode::*;
    let (nl, en) = match code {
        ValidationFailed => ("Controleer de gemarkeerde velden.", "Please check the marked fields."),
        Required => ("Vul dit veld in.", "Please fill in this field."),
        TooLong => ("Deze tekst is te lang.", "This text is too long."),
        InvalidCharacters => (
            "Gebruik alleen letters, cijfers en gewone leestekens.",
            "Use only letters, digits and ordinary punctuation.",
        ),
        EmailInvalid => (
            "Dit is geen geldig e-mailadres. Gebruik de vorm naam@voorbeeld.nl.",
            "This is not a valid e-mail address. Use the form name@example.com.",
        ),
        PasswordTooShort => {
            ("Je wachtwoord moet minstens 12 tekens lang zijn.", "Your password must be at least 12 characters long.")
        }
        PasswordTooLong => {
            ("Je wachtwoord mag hoogstens 128 tekens lang zijn.", "Your password can be at most 128 characters long.")
        }
        PasswordTooCommon => (
            "Dit wachtwoord wordt te vaak gebruikt en is makkelijk te raden. Kies een ander.",
            "This password is used too often and is easy to guess. Choose another one.",
        ),
        PasswordContainsEmail => {
            ("Je wachtwoord mag je e-mailadres niet bevatten.", "Your password must not contain your e-mail address.")
        }
        PostcodeInvalid => (
            "Dit is geen Nederlandse postcode. Gebruik de vorm 1234 AB.",
            "This is not a Dutch postcode. Use the form 1234 AB.",
        ),
        PhoneInvalid => (
            "Dit is geen bruikbaar telefoonnummer. Gebruik 10 tot 15 cijfers, eventueel met + ervoor.",
            "This is not a usable phone number. Use 10 to 15 digits, optionally starting with +.",
        ),
        HouseNumberInvalid => (
            "Vul alleen het nummer in; een letter hoort bij Toevoeging.",
            "Enter only the number; a letter goes in Addition.",
        ),
        ContainsBsn => (
            "Dit lijkt een burgerservicenummer (BSN). Dat is niet nodig en wordt niet bewaard; haal het weg.",
            "This looks like a citizen service number (BSN). It is not needed and is not kept; please remove it.",
        ),
        DatesOutOfOrder => ("De einddatum ligt voor de begindatum.", "The end date is before the start date."),
        OutOfRange => ("Dit getal valt buiten wat mogelijk is.", "This number is outside what is possible."),
        MonthInvalid => (
            "Deze maand kunnen we niet lezen. Typ maand en jaar, bijvoorbeeld 09-2026.",
            "We cannot read this month. Type month and year, for example 09-2026.",
        ),
        NumberInvalid => ("Dit getal kunnen we niet lezen.", "We cannot read this number."),
        TooMany => ("Deze lijst is te lang.", "This list is too long."),
        Duplicate => ("Dit staat al in de lijst.", "This is already in the list."),
        UnknownPartner => ("Dit is geen partnerorganisatie van IGOM.", "This is not an IGOM partner organisation."),
        RoleNotInvitable => (
            "Deze rol kun je niet uitnodigen. Kandidaten en cursisten maken zelf een account.",
            "You cannot invite someone for this role. Candidates and participants create their own account.",
        ),
        PartnerNotForRole => (
            "Alleen een recruiter hoort bij een partnerorganisatie. Laat de organisatie leeg.",
            "Only a recruiter belongs to a partner organisation. Leave the organisation empty.",
        ),
        PreconditionRequired | PreconditionFailed => (
            "Je gegevens zijn intussen ergens anders gewijzigd. Je wijzigingen zijn niet opgeslagen.",
            "Your data was changed elsewhere in the meantime. Your changes were not saved.",
        ),
        TokenInvalid => (
            "Deze link werkt niet (meer): hij is al gebruikt, verlopen of niet compleet. Je kunt je status bekijken op de pagina Nieuwsbrief.",
            "This link does not work (any more): it was used already, has expired or is incomplete. You can see your status on the Newsletter page.",
        ),
        ConsentTextOutdated => (
            "De toestemmingstekst is intussen gewijzigd. Lees de nieuwe tekst en probeer het opnieuw.",
            "The consent text has changed in the meantime. Read the new text and try again.",
        ),
        NotAParticipant => ("Meld je eerst aan als cursist.", "Register as a course participant first."),
        RequestClosed => (
            "Dit verzoek is al beantwoord of afgesloten. Er is niets veranderd.",
            "This request has already been answered or closed. Nothing was changed.",
        ),
        AlreadyExtended => (
            "De termijn van dit verzoek is al een keer verlengd. Dat kan maar één keer.",
            "The deadline of this request has already been extended. That can only be done once.",
        ),
        ExtensionNotAllowed => (
            "Een klacht kun je niet verlengen. De persoon krijgt binnen zes weken antwoord.",
            "A complaint cannot be extended. The person gets an answer within six weeks.",
        ),
        DeadlinePassed => (
            "De termijn is al voorbij. Verlengen kan dan niet meer. Beantwoord het verzoek zo snel mogelijk.",
            "The deadline has already passed. It can no longer be extended. Answer the request as soon as possible.",
        ),
        AuthorityNotChecked => (
            "Leg eerst vast hoe je de aanvrager hebt gecontroleerd. Pas daarna kun je antwoorden.",
            "First record how you checked the requester. Only then can you answer.",
        ),
        NotOnBehalf => (
            "Dit verzoek is niet voor iemand anders. Er is niets te controleren.",
            "This request is not for someone else. There is nothing to check.",
        ),
        AlreadyChecked => (
            "De controle is al vastgelegd. Die blijft staan.",
            "The check has already been recorded. It stays as it is.",
        ),
        NoticeSent => (
            "Dit bericht is al verstuurd. Niemand krijgt het twee keer.",
            "This notice has already been sent. Nobody gets it twice.",
        ),
        NoRecipients => (
            "Deze groep bereikt niemand. Kies een andere groep of controleer de adressen.",
            "This group reaches nobody. Choose another group or check the addresses.",
        ),
        AlreadyEnrolled => ("Je bent al ingeschreven voor deze opleiding (of staat op de wachtlijst).", "You are already enrolled in this training (or on its waiting list)."),
        TrainingStarted => (
            "Deze opleiding is al begonnen; inschrijven of annuleren kan niet meer. Neem contact op met de academie.",
            "This training has already started; enrolling or cancelling is no longer possible. Please contact the academy.",
        ),
        TrainingCancelled => (
            "De academie heeft deze opleiding geannuleerd. Inschrijven of wijzigen kan niet meer.",
            "The academy has cancelled this training. Enrolling or changing it is no longer possible.",
        ),
        SeatsBelowEnrolled => (
            "Er zijn al meer mensen ingeschreven dan dit aantal plaatsen. Kies minstens zoveel plaatsen als er inschrijvingen zijn.",
            "More people are already enrolled than this number of seats. Choose at least as many seats as there are enrolments.",
        ),
        DateInvalid => ("Deze datum klopt niet. Schrijf hem als 31-03-2027.", "This date is not valid. Write it as 31-03-2027."),
        TimeInvalid => ("Deze tijd klopt niet. Schrijf hem als 09:30.", "This time is not valid. Write it as 09:30."),
        DateInPast => ("Deze datum is al voorbij. Kies een datum en tijd in de toekomst.", "This date has passed. Choose a date and time in the future."),
        EmailTaken => (
            "Er bestaat al een account met dit e-mailadres. Log in of kies een ander adres.",
            "An account with this e-mail address already exists. Log in or use another address.",
        ),
        LastAdministrator => (
            "Dit is de laatste actieve beheerder. Nodig eerst een andere beheerder uit.",
            "This is the last active administrator. Invite another administrator first.",
        ),
        AccountSuspended => (
            "Dit account is geschorst. Vraag een beheerder van het portaal om het weer open te zetten.",
            "This account is suspended. Ask an administrator of the portal to reinstate it.",
        ),
        EmailUnchanged => ("Dit is al het e-mailadres van je account.", "This is already your account's e-mail address."),
        InvalidCredentials => ("E-mailadres of wachtwoord klopt niet.", "E-mail address or password is incorrect."),
        SecondFactorRequired => (
            "Er is ook een code uit je app voor tweestapsverificatie nodig.",
            "A code from your two-step verification app is needed too.",
        ),
        InvalidSecondFactor => (
            "Deze code klopt niet, is verlopen of is al gebruikt. Wacht op de volgende code in je app en probeer het opnieuw.",
            "This code is wrong, expired or already used. Wait for the next code in your app and try again.",
        ),
        SecondFactorActive => ("Tweestapsverificatie staat al aan.", "Two-step verification is already on."),
        SecondFactorMandatory => (
            "Met jouw account zie je gegevens van anderen. Daarom kun je tweestapsverificatie niet uitzetten.",
            "With your account you see other people's data. That is why you cannot turn off two-step verification.",
        ),
        WrongPassword => (
            "Wachtwoord klopt niet. Typ het wachtwoord waarmee je inlogt.",
            "Password is incorrect. Type the password you log in with.",
        ),
        TooManyAttempts => (
            "Te veel pogingen. Wacht even en probeer het dan opnieuw.",
            "Too many attempts. Wait a moment and try again.",
        ),
        PasskeyFailed => (
            "Dat lukte niet met deze passkey. Misschien is hij verwijderd of duurde het te lang. Probeer het opnieuw of gebruik je wachtwoord.",
            "That did not work with this passkey. It may have been removed, or it took too long. Try again or use your password.",
        ),
        ReauthRequired => (
            "Bevestig eerst dat jij het bent: vul je wachtwoord in of gebruik je passkey.",
            "First confirm it is you: enter your password or use your passkey.",
        ),
        PasskeyCancelled => (
            "Er is geen passkey gebruikt. Je hebt het gestopt, of dit apparaat heeft geen passkey voor deze website.",
            "No passkey was used. You stopped it, or this device has no passkey for this website.",
        ),
        PasskeyUnsupported => (
            "Deze browser kan geen passkeys gebruiken. Log in met je e-mailadres en wachtwoord.",
            "This browser cannot use passkeys. Log in with your e-mail address and password.",
        ),
        NotEncrypted => (
            "Dit is geen (volledig) met age versleuteld bestand. Onversleutelde gegevens worden niet aangenomen.",
            "This is not a (complete) age-encrypted file. Unencrypted data is not accepted.",
        ),
        TransferNeedsKey => (
            "Een overdracht moet met de sleutel van de organisatie versleuteld zijn, niet met een wachtwoord.",
            "A transfer must be encrypted to the organisation's key, not with a passphrase.",
        ),
        PassphraseTooShort => (
            "Het wachtwoord voor het bestand moet minstens 12 tekens lang zijn. Maak er een van zes woorden met de knop hieronder.",
            "The passphrase for the file must be at least 12 characters long. Make one of six words with the button below.",
        ),
        WrongPassphrase => (
            "Dit wachtwoord opent het bestand niet. Controleer het en probeer opnieuw.",
            "This passphrase does not open the file. Check it and try again.",
        ),
        NoMatchingKey => (
            "Geen van de opgegeven sleutels opent dit bestand.",
            "None of the keys you gave opens this file.",
        ),
        RecipientInvalid => (
            "Dit is geen geldige publieke age-sleutel. Die begint met age1pq1 (bijna 2.000 tekens) of met age1 (62 tekens).",
            "This is not a valid age public key. It starts with age1pq1 (almost 2,000 characters) or with age1 (62 characters).",
        ),
        RecipientsMixed => (
            "Sleutels van het nieuwe soort (age1pq1) en van het oude soort (age1) kunnen niet samen in één bestand: de oude sleutel zou de extra bescherming tenietdoen. Kies welke je houdt.",
            "Keys of the new kind (age1pq1) and of the old kind (age1) cannot go in one file: the old key would undo the extra protection. Choose which to keep.",
        ),
        TransferWrongKey => (
            "Dit bestand is niet versleuteld voor de sleutel van deze organisatie. Zij kan het niet openen. Er is niets overgedragen.",
            "This file was not encrypted to this organisation's key. They could not open it. Nothing was transferred.",
        ),
        IdentityInvalid => (
            "Dit is geen geldige geheime age-sleutel. Die begint met AGE-SECRET-KEY-PQ-1 of met AGE-SECRET-KEY-1.",
            "This is not a valid age secret key. It starts with AGE-SECRET-KEY-PQ-1 or with AGE-SECRET-KEY-1.",
        ),
        WrongKeyKind => (
            "Dit bestand is met een ander soort sleutel versleuteld: kies wachtwoord of geheime sleutel.",
            "This file was encrypted with another kind of key: choose passphrase or secret key.",
        ),
        FileDamaged => (
            "Het bestand is beschadigd of na het versleutelen veranderd; het is niet te openen.",
            "The file is damaged or was changed after encryption; it cannot be opened.",
        ),
        ExcessiveWork => (
            "Dit bestand is met een wachtwoord beveiligd dat te veel rekenwerk vraagt om in een browser te openen. Open het op een computer met het programma rage of age.",
            "This file is protected with a passphrase that needs too much computing work to open in a browser. Open it on a computer with the rage or age program.",
        ),
        CryptoUnavailable => (
            "Versleutelen of openen lukte niet in deze browser. Laad de pagina opnieuw of gebruik een recente browser.",
            "Encrypting or opening did not work in this browser. Reload the page or use a recent browser.",
        ),
        Expired => ("Deze link is verlopen of ingetrokken.", "This link has expired or was revoked."),
        AlreadyFetched => (
            "Dit bestand is al opgehaald. Een link werkt maar één keer; vraag de persoon om een nieuwe.",
            "This file has already been fetched. A link works only once; ask the person for a new one.",
        ),
        ProfileWithdrawn => (
            "Deze kandidaat heeft het profiel teruggetrokken. Je ziet het niet meer.",
            "This candidate has withdrawn the profile. You no longer see it.",
        ),
        QuotaExceeded => (
            "Je hebt vandaag al zoveel klaargezet als kan. Probeer het morgen opnieuw.",
            "You have already sent as much as you can today. Please try again tomorrow.",
        ),
        Unauthenticated => {
            ("Je bent niet (meer) ingelogd. Log opnieuw in.", "You are not logged in (any more). Please log in again.")
        }
        Forbidden => ("Dit mag je niet bekijken of doen.", "You are not allowed to see or do this."),
        CsrfHeaderMissing | CrossSiteRequest => (
            "Dit verzoek is geweigerd omdat het niet van deze website leek te komen. Laad de pagina opnieuw.",
            "This request was refused because it did not seem to come from this website. Please reload the page.",
        ),
        NotFound => ("Niet gevonden.", "Not found."),
        MethodNotAllowed | MalformedRequest | UnsupportedMediaType => (
            "De website stuurde een verzoek dat de server niet begrijpt. Laad de pagina opnieuw.",
            "The website sent a request the server does not understand. Please reload the page.",
        ),
        PayloadTooLarge => ("Wat je stuurt is te groot.", "What you are sending is too large."),
        RequestTimeout => (
            "Het versturen duurde te lang, er is niets gewijzigd. Controleer je verbinding en probeer het opnieuw.",
            "Sending took too long; nothing was changed. Check your connection and try again.",
        ),
        ServiceUnavailable => (
            "De dienst is even niet bereikbaar. Er is niets gewijzigd; probeer het over een paar minuten opnieuw.",
            "The service is briefly unavailable. Nothing was changed; please try again in a few minutes.",
        ),
        Internal | Unknown => (
            "Er ging iets mis aan onze kant. Er is niets gewijzigd; probeer het later opnieuw.",
            "Something went wrong on our side. Nothing was changed; please try again later.",
        ),
    };
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

/// How long a session survives without activity.
pub fn idle_timeout_text(minutes: u32, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Na {minutes} minuten zonder activiteit word je automatisch uitgelogd."),
        Lang::En => format!("After {minutes} minutes without activity you are logged out automatically."),
    }
}

/// "1 partnerorganisatie", "34 partnerorganisaties".
pub fn partner_count_text(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Nl, 1) => "1 partnerorganisatie".to_owned(),
        (Lang::Nl, n) => format!("{n} partnerorganisaties"),
        (Lang::En, 1) => "1 partner organisation".to_owned(),
        (Lang::En, n) => format!("{n} partner organisations"),
    }
}

/// "A", "A en B", "A, B en C" (English: "and").
fn and_list(names: &[String], lang: Lang) -> String {
    let and = match lang {
        Lang::Nl => " en ",
        Lang::En => " and ",
    };
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}{and}{last}", init.join(", ")),
    }
}

/// Who sees the profile, in words: the rest of the line "Zichtbaar voor: …".
pub fn audience_text(names: &AudienceNames, lang: Lang) -> String {
    let all = PARTNER_NAMES.len();
    match (names, lang) {
        (AudienceNames::NotListed, Lang::Nl) => "niemand: je profiel staat niet in de kandidatenbank".to_owned(),
        (AudienceNames::NotListed, Lang::En) => "nobody: your profile is not in the candidate bank".to_owned(),
        (AudienceNames::Nobody, Lang::Nl) => "geen enkele organisatie".to_owned(),
        (AudienceNames::Nobody, Lang::En) => "no organisation at all".to_owned(),
        (AudienceNames::All, Lang::Nl) => format!("alle {all} partnerorganisaties"),
        (AudienceNames::All, Lang::En) => format!("all {all} partner organisations"),
        (AudienceNames::Only(names), _) => {
            format!("{}: {}", partner_count_text(names.len(), lang), and_list(names, lang))
        }
        (AudienceNames::AllExcept(names), Lang::Nl) => {
            format!("alle {all} partnerorganisaties behalve {}", and_list(names, lang))
        }
        (AudienceNames::AllExcept(names), Lang::En) => {
            format!("all {all} partner organisations except {}", and_list(names, lang))
        }
    }
}

/// The name of a profile section.
/// What happened in a disclosure log entry ("opende je profiel"), after the organisation's name.
pub fn disclosure_text(kind: zelfregie_model::DisclosureKind) -> T {
    use zelfregie_model::DisclosureKind as K;
    match kind {
        K::Opened => T::DisclosureOpened,
        K::SearchResult => T::DisclosureSearch,
        K::PrivacyRequest => T::DisclosurePrivacyRequest,
        K::PrivacyRequestData => T::DisclosurePrivacyRequestData,
        K::AcademyRoster => T::DisclosureAcademyRoster,
    }
}

/// The name of a profile section.
pub fn section_name(section: zelfregie_model::Section) -> T {
    use zelfregie_model::Section::*;
    match section {
        Personal => T::SectionPersonal,
        Contact => T::SectionContact,
        Education => T::SectionEducation,
        WorkExperience => T::SectionWork,
        Competences => T::SectionCompetences,
        Availability => T::SectionAvailability,
        DesiredOccupations => T::SectionOccupations,
    }
}

/// The name of an education level.
pub fn level_name(level: zelfregie_model::profile::EducationLevel) -> T {
    use zelfregie_model::profile::EducationLevel::*;
    match level {
        Vmbo => T::LevelVmbo,
        Havo => T::LevelHavo,
        Vwo => T::LevelVwo,
        Mbo => T::LevelMbo,
        Hbo => T::LevelHbo,
        Wo => T::LevelWo,
        Other => T::LevelOther,
    }
}

/// When the statements were drawn up and last updated.
pub const STATEMENTS_DATE: time::Date = time::macros::date!(2026 - 11 - 23);

/// How far a deadline is: "nog 12 dagen", "vandaag", "3 dagen te laat".
pub fn days_left_text(days: i64, lang: Lang) -> String {
    match (lang, days) {
        (Lang::Nl, 0) => "vandaag".to_owned(),
        (Lang::Nl, 1) => "nog 1 dag".to_owned(),
        (Lang::Nl, d) if d > 1 => format!("nog {d} dagen"),
        (Lang::Nl, -1) => "1 dag te laat".to_owned(),
        (Lang::Nl, d) => format!("{} dagen te laat", -d),
        (Lang::En, 0) => "today".to_owned(),
        (Lang::En, 1) => "1 day left".to_owned(),
        (Lang::En, d) if d > 1 => format!("{d} days left"),
        (Lang::En, -1) => "1 day late".to_owned(),
        (Lang::En, d) => format!("{} days late", -d),
    }
}

/// The name and the explanation of a kind of request.
pub fn request_kind_text(kind: zelfregie_model::privacy_request::RequestKind) -> (T, T) {
    use zelfregie_model::privacy_request::RequestKind::*;
    match kind {
        Access => (T::RequestKindAccess, T::RequestKindAccessHint),
        Rectification => (T::RequestKindRectification, T::RequestKindRectificationHint),
        Restriction => (T::RequestKindRestriction, T::RequestKindRestrictionHint),
        Objection => (T::RequestKindObjection, T::RequestKindObjectionHint),
        Complaint => (T::RequestKindComplaint, T::RequestKindComplaintHint),
    }
}

/// Where a request stands, in words.
pub fn request_status_text(status: zelfregie_model::privacy_request::RequestStatus) -> T {
    use zelfregie_model::privacy_request::RequestStatus::*;
    match status {
        Open => T::RequestStatusOpen,
        Answered => T::RequestStatusAnswered,
        Closed => T::RequestStatusClosed,
    }
}

/// The words for a ground to ask for someone else.
pub fn ground_text(ground: zelfregie_model::privacy_request::Ground) -> T {
    use zelfregie_model::privacy_request::Ground::*;
    match ground {
        ParentOfMinor => T::GroundParentOfMinor,
        LegalRepresentative => T::GroundLegalRepresentative,
        WrittenMandate => T::GroundWrittenMandate,
        SurvivingRelative => T::GroundSurvivingRelative,
    }
}

/// The sentence when the server could not be reached at all.
pub fn network_error_text(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "Geen verbinding met de server. Controleer je internetverbinding en probeer het opnieuw.",
        Lang::En => "No connection to the server. Check your internet connection and try again.",
    }
}

/// A sent breach notice's counts: "Naar 12 mensen: 11 gemaild, 1 wacht, 0 mislukt, 4 gelezen."
pub fn breach_counts_text(n: &zelfregie_model::breach::StaffNotice, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "Naar {} mensen: {} gemaild, {} wacht nog op de mail, {} niet gelukt, {} gelezen.",
            n.recipients, n.mailed, n.waiting, n.failed, n.read
        ),
        Lang::En => format!(
            "To {} people: {} mailed, {} waiting for the mail, {} failed, {} read.",
            n.recipients, n.mailed, n.waiting, n.failed, n.read
        ),
    }
}

/// The words for a kind of age key.
pub fn key_kind_text(kind: KeyKind) -> T {
    match kind {
        KeyKind::PostQuantum => T::KeyKindPostQuantum,
        KeyKind::Classic => T::KeyKindClassic,
    }
}

/// The sentence for what an administrator (or the portal) did.
pub fn audit_action_text(action: zelfregie_model::admin::AuditAction) -> T {
    use zelfregie_model::admin::AuditAction as A;
    match action {
        A::Invite => T::AuditInvite,
        A::WithdrawInvitation => T::AuditWithdrawInvitation,
        A::Accept => T::AuditAccept,
        A::Suspend => T::AuditSuspend,
        A::Reinstate => T::AuditReinstate,
        A::Revoke => T::AuditRevoke,
        A::Review => T::AuditReview,
        A::KeyPublish => T::AuditKeyPublish,
        A::KeyRemove => T::AuditKeyRemove,
    }
}

/// A log entry's detail in words: the role (`recruiter` → "Recruiter van een
/// partnerorganisatie"), the partner (`beek` → "Gemeente Beek"), the reason (`idle`), or for
/// a review the number of accounts on the list; anything else as it was written.
pub fn audit_detail_text(action: zelfregie_model::admin::AuditAction, detail: &str, lang: Lang) -> String {
    use zelfregie_model::admin::AuditAction as A;
    if action == A::Review {
        if let Ok(n) = detail.trim().parse::<u64>() {
            return match (lang, n) {
                (Lang::Nl, 1) => "1 account op de lijst".to_owned(),
                (Lang::Nl, n) => format!("{n} accounts op de lijst"),
                (Lang::En, 1) => "1 account on the list".to_owned(),
                (Lang::En, n) => format!("{n} accounts on the list"),
            };
        }
    }
    let word = |part: &str| -> String {
        if let Some(role) = zelfregie_model::Role::parse(part) {
            return T::role(role).get(lang).to_owned();
        }
        if part == "idle" {
            return T::AuditIdle.get(lang).to_owned();
        }
        match Partner::all().into_iter().find(|p| p.slug == part) {
            Some(p) => p.name,
            None => part.to_owned(),
        }
    };
    detail.split(": ").map(word).collect::<Vec<_>>().join(": ")
}

/// Whom or what a log entry concerns: an address as it is, a partner's key by the
/// partner's name (the log keeps its slug).
pub fn audit_subject_text(action: zelfregie_model::admin::AuditAction, subject: &str) -> String {
    use zelfregie_model::admin::AuditAction as A;
    match action {
        A::KeyPublish | A::KeyRemove => {
            Partner::all().into_iter().find(|p| p.slug == subject).map_or_else(|| subject.to_owned(), |p| p.name)
        }
        _ => subject.to_owned(),
    }
}

/// Where an invitation stands, in words.
pub fn invitation_status_text(status: zelfregie_model::admin::InvitationStatus) -> T {
    use zelfregie_model::admin::InvitationStatus as S;
    match status {
        S::Pending => T::InvitationPending,
        S::Accepted => T::InvitationAcceptedStatus,
        S::Withdrawn => T::InvitationWithdrawnStatus,
        S::Expired => T::InvitationExpiredStatus,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// B1: no sentence of the app's texts is longer than 20 words, in either language (issue
    /// 25). A sentence ends at ".", "!" or "?" followed by a space; a colon or semicolon may
    /// join two short clauses, each counted as part of one sentence.
    #[test]
    fn every_sentence_is_at_most_twenty_words() {
        let mut long = Vec::new();
        for t in T::ALL {
            for lang in [Lang::Nl, Lang::En] {
                for (words, sentence) in zelfregie_model::plain::long_sentences(&t.get(lang).replace('\n', " ")) {
                    long.push(format!("{t:?} ({lang:?}, {words} words): {sentence}"));
                }
            }
        }
        assert!(long.is_empty(), "{} sentences over 20 words:\n{}", long.len(), long.join("\n"));
    }

    #[test]
    fn every_text_exists_in_both_languages() {
        for t in T::ALL {
            for lang in [Lang::Nl, Lang::En] {
                assert!(!t.get(lang).trim().is_empty(), "{t:?} in {lang:?}");
            }
        }
    }

    #[test]
    fn every_error_code_has_a_sentence_in_both_languages() {
        for code in ErrorCode::ALL {
            let nl = error_text(*code, Lang::Nl);
            let en = error_text(*code, Lang::En);
            assert!(nl.ends_with('.') && en.ends_with('.'), "{code:?}");
            assert_ne!(nl, en, "{code:?} is not translated");
        }
    }

    #[test]
    fn partner_counts_are_singular_or_plural() {
        assert_eq!(partner_count_text(1, Lang::Nl), "1 partnerorganisatie");
        assert_eq!(partner_count_text(34, Lang::Nl), "34 partnerorganisaties");
        assert_eq!(partner_count_text(0, Lang::Nl), "0 partnerorganisaties");
        assert_eq!(partner_count_text(1, Lang::En), "1 partner organisation");
        assert_eq!(partner_count_text(2, Lang::En), "2 partner organisations");
    }

    #[test]
    fn who_sees_the_profile_in_words() {
        let names = |n: &[&str]| n.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let except = AudienceNames::AllExcept(names(&["Gemeente Kerkrade"]));
        assert_eq!(audience_text(&except, Lang::Nl), "alle 35 partnerorganisaties behalve Gemeente Kerkrade");
        assert_eq!(audience_text(&except, Lang::En), "all 35 partner organisations except Gemeente Kerkrade");
        let one = AudienceNames::Only(names(&["Gemeente Brunssum"]));
        assert_eq!(audience_text(&one, Lang::Nl), "1 partnerorganisatie: Gemeente Brunssum");
        let three = AudienceNames::Only(names(&["Gemeente Beek", "Gemeente Brunssum", "GGD-ZL"]));
        assert_eq!(
            audience_text(&three, Lang::Nl),
            "3 partnerorganisaties: Gemeente Beek, Gemeente Brunssum en GGD-ZL"
        );
        assert_eq!(
            audience_text(&three, Lang::En),
            "3 partner organisations: Gemeente Beek, Gemeente Brunssum and GGD-ZL"
        );
        assert_eq!(audience_text(&AudienceNames::Nobody, Lang::Nl), "geen enkele organisatie");
        assert_eq!(audience_text(&AudienceNames::All, Lang::En), "all 35 partner organisations");
    }

    #[test]
    fn dates_and_deadlines_in_words() {
        let d = time::macros::date!(2028 - 02 - 29);
        assert_eq!(crate::format::date_words(d, Lang::Nl), "29 februari 2028");
        assert_eq!(crate::format::date_words(d, Lang::En), "29 February 2028");
        assert_eq!(days_left_text(12, Lang::Nl), "nog 12 dagen");
        assert_eq!(days_left_text(1, Lang::Nl), "nog 1 dag");
        assert_eq!(days_left_text(0, Lang::Nl), "vandaag");
        assert_eq!(days_left_text(-3, Lang::Nl), "3 dagen te laat");
        assert_eq!(days_left_text(-1, Lang::En), "1 day late");
        assert_eq!(days_left_text(2, Lang::En), "2 days left");
    }

    #[test]
    fn every_kind_of_request_is_named_and_explained() {
        use zelfregie_model::privacy_request::RequestKind;
        let mut names = Vec::new();
        for kind in RequestKind::ALL {
            let (name, hint) = request_kind_text(kind);
            assert!(!names.contains(&name), "{kind:?}");
            names.push(name);
            assert!(hint.get(Lang::Nl).ends_with('.'));
        }
    }

    #[test]
    fn language_tags() {
        assert_eq!(Lang::from_tag("en"), Lang::En);
        assert_eq!(Lang::from_tag("nl"), Lang::Nl);
        assert_eq!(Lang::from_tag("fr"), Lang::Nl, "Dutch is the default");
        assert_eq!(Lang::Nl.other(), Lang::En);
    }

    #[test]
    fn every_audit_action_has_its_own_sentence_in_both_languages() {
        use zelfregie_model::admin::AuditAction;
        let mut seen = Vec::new();
        for action in AuditAction::ALL {
            let t = audit_action_text(action);
            assert!(!seen.contains(&t), "{action:?} shares its sentence");
            seen.push(t);
            assert_ne!(t.get(Lang::Nl), t.get(Lang::En), "{action:?} is not translated");
        }
    }

    #[test]
    fn audit_details_are_in_words() {
        use zelfregie_model::admin::AuditAction;
        assert_eq!(
            audit_detail_text(AuditAction::Invite, "recruiter: beek", Lang::Nl),
            "Recruiter van een partnerorganisatie: Gemeente Beek"
        );
        assert_eq!(
            audit_detail_text(AuditAction::Suspend, "privacy_staff: idle", Lang::En),
            "IGOM privacy staff: not used for a long time"
        );
        assert_eq!(audit_detail_text(AuditAction::Review, "3", Lang::Nl), "3 accounts op de lijst");
        assert_eq!(audit_detail_text(AuditAction::Review, "1", Lang::En), "1 account on the list");
        assert_eq!(audit_detail_text(AuditAction::KeyPublish, "k7qf-2m9x", Lang::Nl), "k7qf-2m9x");
        assert_eq!(audit_subject_text(AuditAction::KeyRemove, "beek"), "Gemeente Beek");
        assert_eq!(audit_subject_text(AuditAction::Suspend, "beek"), "beek", "an address stays as it is");
    }
}
