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
}

/// What the router matches a path with.
pub type Matcher = Arc<dyn PossibleRouteMatch + Send + Sync>;

impl Route {
    /// Every page.
    pub const ALL: [Route; 24] = [
        Route::Overview,
        Route::Account,
        Route::Profile,
        Route::Visibility,
        Route::Disclosures,
        Route::Academy,
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
    ];

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
        }
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
    fn each_matcher_takes_its_own_path_and_no_other() {
        for route in Route::ALL {
            for other in Route::ALL {
                let whole = route.matcher().test(other.path()).is_some_and(|m| matches!(m.remaining(), "" | "/"));
                assert_eq!(whole, route == other, "{route:?} on {}", other.path());
            }
        }
    }
}
