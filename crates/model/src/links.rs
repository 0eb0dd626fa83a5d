//! Every address of zelfregie in one place: the pages of the app ([`Page`]), which the SPA's
//! router, guards and links use and every mail the server sends links to, and the API's
//! paths ([`api`]), which the SPA calls. A page renamed here is renamed in the router and in
//! every mail at once. Plain data, no UI: it compiles natively and for wasm32.
//!
//! A mail links to a page as `format!("{public_url}{}", Page::ResetPassword.with_token(&token))`.

pub mod api;

/// Who may see a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Access {
    /// Anyone, logged in or not (links from mails, statements, the catalogue).
    Public,
    /// A logged-in person only; anyone else is sent to the login page, which leads back here.
    LoggedIn,
    /// Someone not logged in only (login, registration); a logged-in person is sent on.
    LoggedOut,
}

/// The page list: each page's name, address and who may see it. `ALL` is made from the same
/// list, so it cannot miss a page. `scripts/build-app.mjs` reads the lines `Name = "/path", Access;`.
macro_rules! pages {
    ($($(#[doc = $doc:literal])* $page:ident = $path:literal, $access:ident;)*) => {
        /// A page of the app, by its address.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Page {
            $($(#[doc = $doc])* $page,)*
        }

        impl Page {
            /// Every page.
            pub const ALL: [Page; [$(Page::$page),*].len()] = [$(Page::$page),*];

            /// The page's path, for links, redirects and mails.
            pub const fn path(self) -> &'static str {
                match self {
                    $(Page::$page => $path,)*
                }
            }

            /// Who may see the page.
            pub const fn access(self) -> Access {
                match self {
                    $(Page::$page => Access::$access,)*
                }
            }
        }
    };
}

pages! {
    /// Overzicht, the home page.
    Overview = "/", LoggedIn;
    /// Account: log out, password, erasure.
    Account = "/account", LoggedIn;
    /// Profiel.
    Profile = "/profiel", LoggedIn;
    /// Zichtbaarheid (also the page the listing mails link to).
    Visibility = "/zichtbaarheid", LoggedIn;
    /// Wie zag mijn gegevens.
    Disclosures = "/wie-zag-mijn-gegevens", LoggedIn;
    /// Opleidingen.
    Academy = "/opleidingen", LoggedIn;
    /// Opleidingsaanbod: the catalogue, for anyone.
    Catalogue = "/opleidingsaanbod", Public;
    /// Nieuwsbrief.
    Newsletter = "/nieuwsbrief", LoggedIn;
    /// The confirmation link of the newsletter's double opt-in (from a mail, `?token=…`).
    NewsletterConfirm = "/nieuwsbrief/bevestigen", Public;
    /// The unsubscribe link (from a mail, `?token=…`).
    NewsletterUnsubscribe = "/nieuwsbrief/afmelden", Public;
    /// Mijn gegevens.
    MyData = "/mijn-gegevens", LoggedIn;
    /// Exporteren.
    Export = "/exporteren", LoggedIn;
    /// Export openen: happens in the browser only, no account needed.
    OpenExport = "/export-openen", Public;
    /// A transfer's one-time link (`?token=…`), for the organisation it was given to.
    TransferLink = "/overdracht", Public;
    /// Inloggen.
    Login = "/inloggen", LoggedOut;
    /// Registreren.
    Register = "/registreren", LoggedOut;
    /// The registration link from the mail (`?token=…`): its button creates the account.
    RegisterConfirm = "/registreren/bevestigen", Public;
    /// The link to a new e-mail address (`?token=…`): its button makes it the login address.
    EmailConfirm = "/e-mailadres-bevestigen", Public;
    /// Wachtwoord vergeten: ask for a reset link.
    ForgotPassword = "/wachtwoord-vergeten", Public;
    /// Wachtwoord herstellen: the reset link from the mail (`?token=…`).
    ResetPassword = "/wachtwoord-herstellen", Public;
    /// Verzoeken: the person's requests about their rights.
    Requests = "/verzoeken", LoggedIn;
    /// Privacy staff's queue of requests.
    PrivacyQueue = "/privacy/verzoeken", LoggedIn;
    /// One request, for privacy staff (`?id=…`).
    PrivacyRequest = "/privacy/verzoek", LoggedIn;
    /// Toegankelijkheidsverklaring.
    Accessibility = "/toegankelijkheid", Public;
    /// Privacyverklaring.
    PrivacyStatement = "/privacyverklaring", Public;
    /// Privacy staff's breach notices: the list and a new one.
    BreachNotices = "/privacy/datalekken", LoggedIn;
    /// One breach notice for privacy staff (`?id=…`): check and send.
    BreachNotice = "/privacy/datalek", LoggedIn;
    /// The breach notices sent to the person.
    MyBreachNotices = "/datalek", LoggedIn;
    /// The invitation link from the mail (`?token=…`): its button creates a staff account.
    Invitation = "/uitnodiging", Public;
    /// Beheer: the administrator's staff list, invitations and review.
    Admin = "/beheer", LoggedIn;
    /// Partnersleutels: the partners' published keys (administrators).
    PartnerKeys = "/beheer/sleutels", LoggedIn;
    /// Logboek: the administration's log (administrators and privacy staff).
    AuditLog = "/beheer/logboek", LoggedIn;
    /// Opleidingsaanbod beheren: academy staff add, change and cancel trainings.
    AcademyCatalogue = "/academie/beheer", LoggedIn;
    /// Kandidaten: a recruiter's search of the candidate bank (`?q=…&place=…`).
    Candidates = "/kandidaten", LoggedIn;
    /// One candidate for a recruiter (`?ref=…`, and the search to go back to).
    Candidate = "/kandidaat", LoggedIn;
}

/// The login page's query parameter naming where to go after logging in.
pub const RETURN_PARAM: &str = "terug";
/// The query parameter of a link from a mail that carries its one-time token.
pub const TOKEN_PARAM: &str = "token";
/// The query parameter naming a request or breach notice on privacy staff's pages.
pub const ID_PARAM: &str = "id";
/// The query parameter naming a candidate on a recruiter's page.
pub const REF_PARAM: &str = "ref";

impl Page {
    /// Whether only a logged-in person may see the page.
    pub const fn requires_login(self) -> bool {
        matches!(self.access(), Access::LoggedIn)
    }

    /// The page at exactly `path`, if the app has one.
    pub fn at(path: &str) -> Option<Page> {
        Page::ALL.into_iter().find(|p| p.path() == path)
    }

    /// The page's path with one query parameter, its value encoded.
    pub fn with(self, param: &str, value: &str) -> String {
        format!("{}?{param}={}", self.path(), encode(value))
    }

    /// The page's path with the one-time token of a mail's link (`/wachtwoord-herstellen?token=…`).
    pub fn with_token(self, token: &str) -> String {
        self.with(TOKEN_PARAM, token)
    }

    /// The login page that leads back to `self` after logging in (`/inloggen?terug=/profiel`);
    /// the plain login page for the overview, where a login leads anyway, and for a page
    /// that needs no login.
    pub fn login_returning_here(self) -> String {
        if self == Page::Overview || !self.requires_login() {
            Page::Login.path().to_owned()
        } else {
            format!("{}?{RETURN_PARAM}={}", Page::Login.path(), self.path())
        }
    }

    /// The link to privacy staff's page of request `id`.
    pub fn privacy_request(id: &str) -> String {
        Page::PrivacyRequest.with(ID_PARAM, id)
    }

    /// The link to privacy staff's page of breach notice `id`.
    pub fn breach_notice(id: &str) -> String {
        Page::BreachNotice.with(ID_PARAM, id)
    }

    /// The link to a recruiter's page of candidate `reference`, keeping the search (`query`,
    /// an encoded query string such as `q=beleid&place=Utrecht`) to go back to.
    pub fn candidate(reference: &str, query: &str) -> String {
        match query {
            "" => Page::Candidate.with(REF_PARAM, reference),
            q => format!("{}&{q}", Page::Candidate.with(REF_PARAM, reference)),
        }
    }

    /// The search page with `query` (an encoded query string).
    pub fn candidates(query: &str) -> String {
        match query {
            "" => Page::Candidates.path().to_owned(),
            q => format!("{}?{q}", Page::Candidates.path()),
        }
    }
}

/// Where a login may lead back to, from the `terug` parameter: only a page of this app that
/// needs a login, named by its exact path. Anything else — another site (`//x.nl`,
/// `https://x.nl`, `/\x.nl`), a path with a query or fragment, an unknown or public page —
/// is refused, so the login page cannot be made to send anyone elsewhere (open redirect).
pub fn return_target(raw: &str) -> Option<Page> {
    Page::at(raw).filter(|p| p.requires_login())
}

/// Encodes `s` for a query string or a path segment: letters, digits and `-_.~` stay,
/// everything else is `%XX` of its UTF-8 bytes (a space too).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_absolute_distinct_and_plain() {
        let mut seen = std::collections::HashSet::new();
        for page in Page::ALL {
            let path = page.path();
            assert!(path.starts_with('/') && !path.starts_with("//"), "{page:?}");
            assert!(path == "/" || !path.ends_with('/'), "{page:?}");
            assert!(!path.contains(['?', '#', '\\', ' ', '%']), "{page:?}");
            assert!(!path.starts_with("/api"), "{page:?}: the API's prefix");
            assert!(seen.insert(path), "{page:?} twice");
        }
        let mut names = std::collections::HashSet::new();
        assert!(Page::ALL.into_iter().all(|p| names.insert(p)), "a page twice in ALL");
    }

    #[test]
    fn each_path_leads_back_to_its_page() {
        for page in Page::ALL {
            assert_eq!(Page::at(page.path()), Some(page));
        }
        assert_eq!(Page::at("/bestaat-niet"), None);
        assert_eq!(Page::at(""), None);
    }

    #[test]
    fn a_login_leads_back_only_to_a_known_page_behind_the_login() {
        assert_eq!(return_target("/nieuwsbrief"), Some(Page::Newsletter));
        assert_eq!(return_target("/profiel"), Some(Page::Profile));
        assert_eq!(return_target("/privacy/verzoeken"), Some(Page::PrivacyQueue));
        assert_eq!(return_target("/"), Some(Page::Overview));
        for refused in [
            "",
            "nieuwsbrief",
            "//x.nl",
            "//evil.example/nieuwsbrief",
            "https://x.nl",
            "https://evil.example/",
            "/\\x.nl",
            "/\\evil.example/profiel",
            "javascript:alert(1)",
            "/nieuwsbrief/",
            "/nieuwsbrief?x=1",
            "/privacy/verzoek?id=1",
            "/nieuwsbrief#top",
            "/NIEUWSBRIEF",
            " /nieuwsbrief",
            "/%2Fevil.example",
            "/profiel/../..//evil.example",
            "/inloggen",
            "/registreren",
            "/wachtwoord-herstellen",
            "/nieuwsbrief/afmelden",
            "/privacyverklaring",
            "/bestaat-niet",
        ] {
            assert_eq!(return_target(refused), None, "{refused:?}");
        }
    }

    #[test]
    fn every_page_behind_the_login_can_be_returned_to_and_no_other() {
        for page in Page::ALL {
            assert_eq!(return_target(page.path()) == Some(page), page.requires_login(), "{page:?}");
            if page.access() == Access::Public {
                assert_eq!(page.login_returning_here(), "/inloggen", "{page:?}");
            }
        }
        assert_eq!(Page::Newsletter.login_returning_here(), "/inloggen?terug=/nieuwsbrief");
        assert_eq!(Page::PrivacyQueue.login_returning_here(), "/inloggen?terug=/privacy/verzoeken");
        assert_eq!(Page::Overview.login_returning_here(), "/inloggen");
        assert_eq!(Page::Login.login_returning_here(), "/inloggen");
        // What the link carries is what the check accepts.
        for page in Page::ALL.into_iter().filter(|p| p.requires_login() && *p != Page::Overview) {
            let link = page.login_returning_here();
            let (_, back) = link.split_once(&format!("?{RETURN_PARAM}=")).unwrap();
            assert_eq!(return_target(back), Some(page));
        }
    }

    /// The request and breach pages of privacy staff were once missing from the pages a login
    /// returns to: a bookmarked queue led to the overview after logging in.
    #[test]
    fn privacy_staff_pages_need_a_login() {
        for page in [Page::Requests, Page::PrivacyQueue, Page::PrivacyRequest, Page::BreachNotices, Page::BreachNotice]
        {
            assert_eq!(page.access(), Access::LoggedIn, "{page:?}");
        }
        assert_eq!(Page::Login.access(), Access::LoggedOut);
        assert_eq!(Page::Register.access(), Access::LoggedOut);
    }

    #[test]
    fn links_with_a_query() {
        assert_eq!(Page::ResetPassword.with_token("ab/c d"), "/wachtwoord-herstellen?token=ab%2Fc%20d");
        assert_eq!(Page::privacy_request("r-1"), "/privacy/verzoek?id=r-1");
        assert_eq!(Page::breach_notice("b 1"), "/privacy/datalek?id=b%201");
        assert_eq!(Page::candidate("K-12", ""), "/kandidaat?ref=K-12");
        assert_eq!(Page::candidate("K 12", "q=data"), "/kandidaat?ref=K%2012&q=data");
        assert_eq!(Page::candidates(""), "/kandidaten");
        assert_eq!(Page::candidates("q=data"), "/kandidaten?q=data");
    }

    #[test]
    fn encoding_keeps_only_unreserved_characters() {
        assert_eq!(encode("aZ09-_.~"), "aZ09-_.~");
        assert_eq!(encode("'s-Gravenhage & 32,5"), "%27s-Gravenhage%20%26%2032%2C5");
        assert_eq!(encode("é"), "%C3%A9");
    }
}
