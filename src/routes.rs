//! Every address of the app in one place. The router's table (`lib.rs`), the navigation,
//! the guards' redirects and every link in a page take their path from [`Route`]; no page
//! writes an address itself. The API's paths are in `api.rs`.

use std::sync::Arc;

use leptos_router::{PossibleRouteMatch, StaticSegment};

/// A page of the app, by its address.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Route {
    /// Overzicht, the home page.
    Overview,
    /// Account: log out, password, erasure.
    Account,
    /// Profiel.
    Profile,
    /// Zichtbaarheid.
    Visibility,
    /// Wie zag mijn gegevens.
    Disclosures,
    /// Opleidingen.
    Academy,
    /// Opleidingsaanbod: the catalogue, for anyone (no login needed).
    Catalogue,
    /// Nieuwsbrief.
    Newsletter,
    /// The confirmation link of the newsletter's double opt-in (from an e-mail).
    NewsletterConfirm,
    /// The unsubscribe link (from an e-mail).
    NewsletterUnsubscribe,
    /// Mijn gegevens.
    MyData,
    /// Exporteren.
    Export,
    /// Export openen (no login needed).
    OpenExport,
    /// A transfer's one-time link (no login needed).
    TransferLink,
    /// Inloggen.
    Login,
    /// Registreren.
    Register,
    /// The registration link from the mail: its button creates the account.
    RegisterConfirm,
    /// The link to a new e-mail address: its button makes it the login address.
    EmailConfirm,
    /// Wachtwoord vergeten: ask for a reset link.
    ForgotPassword,
    /// Wachtwoord herstellen: the reset link from the mail.
    ResetPassword,
    /// Verzoeken: the person's requests about their rights.
    Requests,
    /// Privacy staff's queue of requests.
    PrivacyQueue,
    /// One request, for privacy staff (`?id=…`).
    PrivacyRequest,
    /// Toegankelijkheidsverklaring (public).
    Accessibility,
    /// Privacyverklaring (public).
    PrivacyStatement,
    /// Privacy staff's breach notices: the list and a new one.
    BreachNotices,
    /// One breach notice for privacy staff (`?id=…`): check and send.
    BreachNotice,
    /// The breach notices sent to the person.
    MyBreachNotices,
    /// The invitation link from the mail (no login needed): its button creates a staff
    /// account.
    Invitation,
    /// Beheer: the administrator's staff list, invitations and review.
    Admin,
    /// Partnersleutels: the partners' published keys (administrators).
    PartnerKeys,
    /// Logboek: the administration's log (administrators and privacy staff).
    AuditLog,
    /// Opleidingsaanbod beheren: academy staff add, change and cancel trainings.
    AcademyCatalogue,
    /// Kandidaten: a recruiter's search of the candidate bank (`?q=…&place=…`).
    Candidates,
    /// One candidate for a recruiter (`?ref=…`, and the search to go back to).
    Candidate,
}

/// The login page's query parameter naming where to go after logging in.
pub const RETURN_PARAM: &str = "terug";

/// Where a login may lead back to, from the `terug` parameter: only a page of this app that
/// needs a login, named by its exact path. Anything else — another site (`//x.nl`,
/// `https://x.nl`, `/\x.nl`), a path with a query or fragment, an unknown or public page —
/// is refused, so the login page cannot be made to send anyone elsewhere (open redirect).
pub fn return_target(raw: &str) -> Option<Route> {
    Route::at(raw).filter(|r| r.requires_login())
}

/// What the router matches a path with.
pub type Matcher = Arc<dyn PossibleRouteMatch + Send + Sync>;

impl Route {
    /// Every page.
    pub const ALL: [Route; 35] = [
        Route::Overview,
        Route::Account,
        Route::Profile,
        Route::Visibility,
        Route::Disclosures,
        Route::Academy,
        Route::Catalogue,
        Route::Newsletter,
        Route::NewsletterConfirm,
        Route::NewsletterUnsubscribe,
        Route::MyData,
        Route::Export,
        Route::OpenExport,
        Route::TransferLink,
        Route::Login,
        Route::Register,
        Route::RegisterConfirm,
        Route::EmailConfirm,
        Route::ForgotPassword,
        Route::ResetPassword,
        Route::Requests,
        Route::PrivacyQueue,
        Route::PrivacyRequest,
        Route::Accessibility,
        Route::PrivacyStatement,
        Route::BreachNotices,
        Route::BreachNotice,
        Route::MyBreachNotices,
        Route::Invitation,
        Route::Admin,
        Route::PartnerKeys,
        Route::AuditLog,
        Route::AcademyCatalogue,
        Route::Candidates,
        Route::Candidate,
    ];

    /// The link to privacy staff's page of breach notice `id`.
    pub fn breach_notice(id: &str) -> String {
        format!("{}?id={}", Route::BreachNotice.path(), id)
    }

    /// The link to a recruiter's page of candidate `reference`, keeping the search
    /// (`query`, as `candidate_search::Search::query` writes it) to go back to.
    pub fn candidate(reference: &str, query: &str) -> String {
        let reference = crate::candidate_search::encode(reference);
        match query {
            "" => format!("{}?ref={reference}", Route::Candidate.path()),
            q => format!("{}?ref={reference}&{q}", Route::Candidate.path()),
        }
    }

    /// The search page with `query` (as `candidate_search::Search::query` writes it).
    pub fn candidates(query: &str) -> String {
        match query {
            "" => Route::Candidates.path().to_owned(),
            q => format!("{}?{q}", Route::Candidates.path()),
        }
    }

    /// The link to privacy staff's page of request `id`.
    pub fn privacy_request(id: &str) -> String {
        format!("{}?id={}", Route::PrivacyRequest.path(), id)
    }

    /// The page's path, for links and redirects.
    pub const fn path(self) -> &'static str {
        match self {
            Route::Overview => "/",
            Route::Account => "/account",
            Route::Profile => "/profiel",
            Route::Visibility => "/zichtbaarheid",
            Route::Disclosures => "/wie-zag-mijn-gegevens",
            Route::Academy => "/opleidingen",
            Route::Catalogue => "/opleidingsaanbod",
            Route::Newsletter => "/nieuwsbrief",
            Route::NewsletterConfirm => "/nieuwsbrief/bevestigen",
            Route::NewsletterUnsubscribe => "/nieuwsbrief/afmelden",
            Route::MyData => "/mijn-gegevens",
            Route::Export => "/exporteren",
            Route::OpenExport => "/export-openen",
            Route::TransferLink => "/overdracht",
            Route::Login => "/inloggen",
            Route::Register => "/registreren",
            Route::RegisterConfirm => "/registreren/bevestigen",
            Route::EmailConfirm => "/e-mailadres-bevestigen",
            Route::ForgotPassword => "/wachtwoord-vergeten",
            Route::ResetPassword => "/wachtwoord-herstellen",
            Route::Requests => "/verzoeken",
            Route::PrivacyQueue => "/privacy/verzoeken",
            Route::PrivacyRequest => "/privacy/verzoek",
            Route::Accessibility => "/toegankelijkheid",
            Route::PrivacyStatement => "/privacyverklaring",
            Route::BreachNotices => "/privacy/datalekken",
            Route::BreachNotice => "/privacy/datalek",
            Route::MyBreachNotices => "/datalek",
            Route::Invitation => "/uitnodiging",
            Route::Admin => "/beheer",
            Route::PartnerKeys => "/beheer/sleutels",
            Route::AuditLog => "/beheer/logboek",
            Route::AcademyCatalogue => "/academie/beheer",
            Route::Candidates => "/kandidaten",
            Route::Candidate => "/kandidaat",
        }
    }

    /// Whether only a logged-in person may see the page (the router wraps it in
    /// `RequireLogin`).
    pub const fn requires_login(self) -> bool {
        matches!(
            self,
            Route::Overview
                | Route::Account
                | Route::Profile
                | Route::Visibility
                | Route::Disclosures
                | Route::Academy
                | Route::Newsletter
                | Route::MyData
                | Route::Export
                | Route::MyBreachNotices
                | Route::Requests
                | Route::PrivacyQueue
                | Route::PrivacyRequest
                | Route::BreachNotices
                | Route::BreachNotice
                | Route::Admin
                | Route::PartnerKeys
                | Route::AuditLog
                | Route::AcademyCatalogue
                | Route::Candidates
                | Route::Candidate
        )
    }

    /// The login page that leads back to `self` after logging in (`/inloggen?terug=/profiel`);
    /// the plain login page for the overview, where a login leads anyway.
    pub fn login_returning_here(self) -> String {
        if self == Route::Overview || !self.requires_login() {
            Route::Login.path().to_owned()
        } else {
            format!("{}?{RETURN_PARAM}={}", Route::Login.path(), self.path())
        }
    }

    /// The page at exactly `path`, if the app has one.
    pub fn at(path: &str) -> Option<Route> {
        Route::ALL.into_iter().find(|r| r.path() == path)
    }

    /// The path as the router matches it: its segments, as `path!` would write them.
    pub fn matcher(self) -> Matcher {
        let mut segments = self.path().split('/').filter(|s| !s.is_empty()).map(StaticSegment);
        match (segments.next(), segments.next(), segments.next()) {
            (None, _, _) => Arc::new(()),
            (Some(a), None, _) => Arc::new((a,)),
            (Some(a), Some(b), None) => Arc::new((a, b)),
            _ => unreachable!("no path of the app has more than two segments"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_absolute_and_distinct() {
        let mut seen = std::collections::HashSet::new();
        for route in Route::ALL {
            assert!(route.path().starts_with('/'), "{route:?}");
            assert!(seen.insert(route.path()), "{route:?} twice");
        }
    }

    #[test]
    fn a_login_leads_back_only_to_a_known_page_behind_the_login() {
        assert_eq!(return_target("/nieuwsbrief"), Some(Route::Newsletter));
        assert_eq!(return_target("/profiel"), Some(Route::Profile));
        assert_eq!(return_target("/"), Some(Route::Overview));
        for refused in [
            "",
            "nieuwsbrief",
            "//evil.example/nieuwsbrief",
            "https://evil.example/",
            "/\\evil.example",
            "/\\evil.example/profiel",
            "javascript:alert(1)",
            "/nieuwsbrief/",
            "/nieuwsbrief?x=1",
            "/nieuwsbrief#top",
            "/NIEUWSBRIEF",
            " /nieuwsbrief",
            "/%2Fevil.example",
            "/profiel/../..//evil.example",
            "/inloggen",
            "/registreren",
            "/wachtwoord-herstellen",
            "/nieuwsbrief/afmelden",
            "/bestaat-niet",
        ] {
            assert_eq!(return_target(refused), None, "{refused:?}");
        }
    }

    #[test]
    fn every_page_behind_the_login_can_be_returned_to_and_no_other() {
        for route in Route::ALL {
            assert_eq!(return_target(route.path()) == Some(route), route.requires_login(), "{route:?}");
        }
        assert_eq!(Route::Newsletter.login_returning_here(), "/inloggen?terug=/nieuwsbrief");
        assert_eq!(Route::Overview.login_returning_here(), "/inloggen");
        assert_eq!(Route::Login.login_returning_here(), "/inloggen");
        // What the link carries is what the check accepts.
        for route in Route::ALL.into_iter().filter(|r| r.requires_login() && *r != Route::Overview) {
            let link = route.login_returning_here();
            let (_, back) = link.split_once("?terug=").unwrap();
            assert_eq!(return_target(back), Some(route));
        }
    }

    #[test]
    fn each_matcher_takes_its_own_path_and_no_other() {
        for route in Route::ALL {
            for other in Route::ALL {
                let whole = route.matcher().test(other.path()).is_some_and(|m| matches!(m.remaining(), "" | "/"));
                assert_eq!(whole, route == other, "{route:?} on {}", other.path());
            }
        }
    }
}
