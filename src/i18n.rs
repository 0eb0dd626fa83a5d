//! Every text of the UI, in Dutch (the default) and English, and the sentence for every
//! error code. One table: a key without both languages does not compile.

use zelfregie_model::ErrorCode;

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
    Footer => "Zelfregie is het privacyportaal van IGOM, het samenwerkingsverband van 35 (semi-)overheidsorganisaties in Zuid- en Midden-Limburg.",
              "Zelfregie is the privacy portal of IGOM, the network of 35 public-sector organisations in South and Central Limburg.";

    EmailLabel => "E-mailadres", "E-mail address";
    PasswordLabel => "Wachtwoord", "Password";
    NewPasswordHint => "Minstens 12 tekens. Een zin van een paar woorden werkt goed en is makkelijk te onthouden.",
                       "At least 12 characters. A sentence of a few words works well and is easy to remember.";
    ShowPassword => "Wachtwoord tonen", "Show password";
    FormHasErrors => "Controleer de gemarkeerde velden.", "Please check the marked fields.";

    LoginTitle => "Inloggen", "Log in";
    LoginIntro => "Log in om je gegevens te bekijken en te beheren.", "Log in to see and manage your data.";
    LoginSubmit => "Inloggen", "Log in";
    LoginBusy => "Bezig met inloggen…", "Logging in…";
    LoginNoAccount => "Nog geen account?", "No account yet?";
    LoginRegisterLink => "Maak een account aan", "Create an account";
    LoggedOutNotice => "Je bent uitgelogd.", "You have been logged out.";
    LoggedOutEverywhereNotice => "Je bent op al je apparaten uitgelogd.", "You have been logged out on all your devices.";
    SessionEndedNotice => "Je sessie is verlopen. Log opnieuw in.", "Your session has ended. Please log in again.";

    RegisterTitle => "Registreren", "Register";
    RegisterIntro => "Met een account beheer je zelf je profiel, wie het ziet en je toestemmingen.",
                     "With an account you manage your profile, who sees it and your consents yourself.";
    RegisterSubmit => "Account aanmaken", "Create account";
    RegisterBusy => "Bezig met aanmaken…", "Creating account…";
    RegisterHaveAccount => "Heb je al een account?", "Already have an account?";
    RegisterLoginLink => "Log in", "Log in";

    OverviewTitle => "Overzicht", "Overview";
    OverviewLoggedInAs => "Ingelogd als", "Logged in as";
    OverviewAccountType => "Soort account", "Account type";
    OverviewAccountSince => "Account aangemaakt", "Account created";
    OverviewSessionSince => "Deze sessie gestart", "This session started";
    OverviewSessionUntil => "Deze sessie eindigt uiterlijk", "This session ends at the latest";
    OverviewActiveSessions => "Actieve sessies", "Active sessions";
    OverviewPartner => "Organisatie", "Organisation";
    RolePerson => "Persoonlijk account", "Personal account";
    RoleRecruiter => "Recruiter van een partnerorganisatie", "Recruiter of a partner organisation";
    RoleAcademyStaff => "Medewerker IGOM-Academie", "IGOM Academy staff";

    AccountTitle => "Account", "Account";
    AccountLogoutHeading => "Uitloggen", "Log out";
    AccountLogoutText => "Beëindig de sessie op dit apparaat.", "End the session on this device.";
    AccountLogout => "Uitloggen", "Log out";
    AccountLogoutEverywhereHeading => "Overal uitloggen", "Log out everywhere";
    AccountLogoutEverywhereText => "Beëindig alle sessies op al je apparaten, ook deze. Doe dit als je ergens bent ingelogd gebleven of je een apparaat kwijt bent.",
                                   "End every session on all your devices, this one included. Do this if you stayed logged in somewhere or lost a device.";
    AccountLogoutEverywhere => "Overal uitloggen", "Log out everywhere";
    Busy => "Bezig…", "Working…";

    NotFoundTitle => "Pagina niet gevonden", "Page not found";
    NotFoundText => "Deze pagina bestaat niet (meer). Controleer het adres of ga naar het overzicht.",
                    "This page does not exist (any more). Check the address or go to the overview.";
    NotFoundBack => "Naar het overzicht", "Go to the overview";
}

/// The sentence for an error code: what happened and, where it helps, what to do.
pub fn error_text(code: ErrorCode, lang: Lang) -> &'static str {
    use ErrorCode::*;
    let (nl, en) = match code {
        ValidationFailed => ("Controleer de gemarkeerde velden.", "Please check the marked fields."),
        Required => ("Vul dit veld in.", "Please fill in this field."),
        TooLong => ("Deze tekst is te lang.", "This text is too long."),
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
        EmailTaken => (
            "Er bestaat al een account met dit e-mailadres. Log in of kies een ander adres.",
            "An account with this e-mail address already exists. Log in or use another address.",
        ),
        InvalidCredentials => ("E-mailadres of wachtwoord klopt niet.", "E-mail address or password is incorrect."),
        TooManyAttempts => (
            "Te veel pogingen. Wacht een kwartier en probeer het dan opnieuw.",
            "Too many attempts. Wait a quarter of an hour and try again.",
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
        ServiceUnavailable => (
            "De dienst is even niet bereikbaar. Er is niets gewijzigd; probeer het over een paar minuten opnieuw.",
            "The service is briefly unavailable. Nothing was changed; please try again in a few minutes.",
        ),
        Internal | Unknown | _ => (
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

/// The sentence when the server could not be reached at all.
pub fn network_error_text(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "Geen verbinding met de server. Controleer je internetverbinding en probeer het opnieuw.",
        Lang::En => "No connection to the server. Check your internet connection and try again.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn language_tags() {
        assert_eq!(Lang::from_tag("en"), Lang::En);
        assert_eq!(Lang::from_tag("nl"), Lang::Nl);
        assert_eq!(Lang::from_tag("fr"), Lang::Nl, "Dutch is the default");
        assert_eq!(Lang::Nl.other(), Lang::En);
    }
}
