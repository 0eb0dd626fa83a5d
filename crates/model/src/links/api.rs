//! Every path of the API the SPA calls, with its method. The template is the path as the
//! OpenAPI document writes it (`/api/admin/staff/{id}/suspend`); [`Endpoint::at`] fills in
//! the parameters. [`ALL`] lists every endpoint, so that a test can check each against the
//! OpenAPI document.

use super::encode;

/// An HTTP method.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    /// `GET`.
    Get,
    /// `POST`.
    Post,
    /// `PUT`.
    Put,
    /// `DELETE`.
    Delete,
}

impl Method {
    /// The method's name (`GET`); the OpenAPI document writes it in lower case.
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }
}

/// One operation of the API: a method and a path template.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Endpoint {
    /// The method.
    pub method: Method,
    /// The path as the OpenAPI document writes it, parameters in braces.
    pub template: &'static str,
}

impl Endpoint {
    /// The path of an endpoint without parameters (a compile error in a `const` otherwise).
    pub const fn path(self) -> &'static str {
        assert!(self.parameters() == 0, "this endpoint has parameters: use `at`");
        self.template
    }

    /// How many parameters the template has.
    pub const fn parameters(self) -> usize {
        let bytes = self.template.as_bytes();
        let (mut i, mut n) = (0, 0);
        while i < bytes.len() {
            if bytes[i] == b'{' {
                n += 1;
            }
            i += 1;
        }
        n
    }

    /// The path with the template's parameters filled in, in order, each encoded
    /// (`STAFF_SUSPEND.at(&["12"])` is `/api/admin/staff/12/suspend`).
    ///
    /// # Panics
    /// When `values` does not have one value for each parameter (a mistake in the code).
    pub fn at(self, values: &[&str]) -> String {
        assert_eq!(values.len(), self.parameters(), "{}: wrong number of parameters", self.template);
        let mut out = String::with_capacity(self.template.len() + 16);
        let mut values = values.iter();
        let mut rest = self.template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').expect("a closing brace");
            out.push_str(&encode(values.next().expect("counted above")));
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        out
    }

    /// Whether `other` has the same path (a document read with `GET` and saved with `PUT`).
    pub const fn same_path(self, other: Endpoint) -> bool {
        let (a, b) = (self.template.as_bytes(), other.template.as_bytes());
        if a.len() != b.len() {
            return false;
        }
        let mut i = 0;
        while i < a.len() {
            if a[i] != b[i] {
                return false;
            }
            i += 1;
        }
        true
    }
}

/// The endpoint list; `ALL` is made from the same list.
macro_rules! endpoints {
    ($($(#[doc = $doc:literal])* $name:ident = $method:ident $template:literal;)*) => {
        $(
            $(#[doc = $doc])*
            pub const $name: Endpoint = Endpoint { method: Method::$method, template: $template };
        )*

        /// Every endpoint the SPA calls.
        pub const ALL: [Endpoint; [$($name),*].len()] = [$($name),*];
    };
}

endpoints! {
    // ---- session
    /// Who is logged in (`204` when nobody is).
    SESSION = Get "/api/session";
    /// Logs in with a password.
    LOGIN = Post "/api/session";
    /// Logs out.
    LOGOUT = Delete "/api/session";
    /// How long the session lasts; asking is not activity.
    SESSION_TIME_LEFT = Get "/api/session/time-left";
    /// Starts a login with a passkey.
    PASSKEY_LOGIN_START = Post "/api/session/passkey/start";
    /// Finishes a login with a passkey.
    PASSKEY_LOGIN_FINISH = Post "/api/session/passkey/finish";

    // ---- account
    /// Asks for an account (a link is mailed).
    REGISTER = Post "/api/account";
    /// Uses the registration link: creates the account.
    REGISTER_CONFIRM = Post "/api/account/confirm";
    /// Asks to change the login address (a link is mailed to the new one).
    EMAIL_CHANGE = Post "/api/me/email";
    /// Uses the link to the new address.
    EMAIL_CHANGE_CONFIRM = Post "/api/email-change/confirm";
    /// Ends every session of the account.
    LOGOUT_EVERYWHERE = Delete "/api/me/sessions";
    /// Sets the language of the account's mails and receipts.
    LANGUAGE = Put "/api/me/language";
    /// Changes the password.
    PASSWORD_CHANGE = Put "/api/me/password";
    /// Checks the password again before a serious step.
    PASSWORD_CHECK = Post "/api/me/password/check";
    /// Erases the account.
    ACCOUNT_ERASE = Delete "/api/me/account";
    /// Asks for a password reset link.
    PASSWORD_RESET = Post "/api/password-reset";
    /// Sets a new password with the reset link's token.
    PASSWORD_RESET_CONFIRM = Post "/api/password-reset/confirm";
    /// Starts setting up two-step verification.
    SECOND_FACTOR_START = Post "/api/me/second-factor";
    /// Confirms two-step verification with a first code.
    SECOND_FACTOR_CONFIRM = Put "/api/me/second-factor";
    /// Turns two-step verification off.
    SECOND_FACTOR_DISABLE = Delete "/api/me/second-factor";
    /// The account's passkeys.
    PASSKEYS = Get "/api/me/passkeys";
    /// Starts adding a passkey.
    PASSKEY_ADD_START = Post "/api/me/passkeys/start";
    /// Finishes adding a passkey.
    PASSKEY_ADD_FINISH = Post "/api/me/passkeys/finish";
    /// Removes passkey `{id}`.
    PASSKEY_REMOVE = Delete "/api/me/passkeys/{id}";
    /// Starts confirming who one is with a passkey.
    REAUTH_PASSKEY_START = Post "/api/me/reauth/passkey/start";
    /// Finishes confirming who one is with a passkey.
    REAUTH_PASSKEY_FINISH = Post "/api/me/reauth/passkey/finish";

    // ---- the person's data
    /// The candidate's profile (versioned: `ETag`, `If-Match`).
    PROFILE = Get "/api/me/profile";
    /// Saves the profile.
    PROFILE_SAVE = Put "/api/me/profile";
    /// Deletes the profile.
    PROFILE_DELETE = Delete "/api/me/profile";
    /// The visibility settings (versioned).
    VISIBILITY = Get "/api/me/visibility";
    /// Saves the visibility settings.
    VISIBILITY_SAVE = Put "/api/me/visibility";
    /// The profile as recruiters of partner `{partner}` receive it.
    VISIBILITY_PREVIEW = Get "/api/me/visibility/preview/{partner}";
    /// The consent receipt of listing event `{id}`.
    LISTING_RECEIPT = Get "/api/me/visibility/receipts/{id}";
    /// Whether the profile is listed, and until when.
    LISTING = Get "/api/me/listing";
    /// Renews the consent to be listed.
    LISTING_RENEW = Post "/api/me/listing/renew";
    /// The course participant's registration (versioned).
    PARTICIPANT = Get "/api/me/participant";
    /// Saves the participant's registration.
    PARTICIPANT_SAVE = Put "/api/me/participant";
    /// Stops being a participant.
    PARTICIPANT_STOP = Delete "/api/me/participant";
    /// The complete export; also the download link's address.
    EXPORT = Get "/api/me/export";
    /// Where privacy questions go (no login needed).
    CONTACT = Get "/api/contact";
    /// What changed in the register since the person was last told.
    REGISTER_CHANGES = Get "/api/me/register-changes";
    /// Marks the register's changes as seen.
    REGISTER_CHANGES_SEEN = Post "/api/me/register-changes/seen";
    /// What the overview shows, in one answer.
    OVERVIEW = Get "/api/me/overview";
    /// Who saw the profile (`?page=`).
    DISCLOSURES = Get "/api/me/disclosures";
    /// The partners told of a withdrawal.
    WITHDRAWALS = Get "/api/me/withdrawals";
    /// When the person's data will be deleted.
    RETENTION = Get "/api/me/retention";

    // ---- newsletter
    /// The newsletter status and history.
    NEWSLETTER = Get "/api/me/newsletter";
    /// Subscribes (a confirmation link is mailed).
    NEWSLETTER_SUBSCRIBE = Post "/api/me/newsletter";
    /// Withdraws the subscription.
    NEWSLETTER_WITHDRAW = Delete "/api/me/newsletter";
    /// The consent receipt of newsletter event `{id}`.
    NEWSLETTER_RECEIPT = Get "/api/me/newsletter/receipts/{id}";
    /// Uses a confirmation link's token.
    NEWSLETTER_CONFIRM = Post "/api/newsletter/confirm";
    /// Uses an unsubscribe token (`?token=`).
    NEWSLETTER_UNSUBSCRIBE = Post "/api/newsletter/unsubscribe";

    // ---- academy
    /// The participant's academy page.
    ACADEMY = Get "/api/me/academy";
    /// The trainings on offer (no login needed).
    TRAININGS = Get "/api/academy/trainings";
    /// Enrols in a training.
    ENROL = Post "/api/me/enrolments";
    /// Cancels the enrolment in training `{training_id}`.
    ENROLMENT_CANCEL = Delete "/api/me/enrolments/{training_id}";
    /// Academy staff: every training.
    CATALOGUE = Get "/api/academy/catalogue";
    /// Academy staff add a training.
    TRAINING_CREATE = Post "/api/academy/catalogue";
    /// Academy staff change training `{id}`.
    TRAINING_UPDATE = Put "/api/academy/catalogue/{id}";
    /// Academy staff cancel training `{id}`.
    TRAINING_CANCEL = Post "/api/academy/catalogue/{id}/cancel";

    // ---- transfers
    /// Partners that published an age key.
    TRANSFER_PARTNERS = Get "/api/transfers/partners";
    /// The person's transfers.
    TRANSFERS = Get "/api/me/transfers";
    /// Uploads an age file (`?partner=` or `?recipient=`).
    TRANSFER_UPLOAD = Post "/api/me/transfers";
    /// Revokes transfer `{id}`.
    TRANSFER_REVOKE = Delete "/api/me/transfers/{id}";
    /// What transfer link `{token}` holds.
    TRANSFER_LINK = Get "/api/transfer-links/{token}";
    /// Fetches transfer link `{token}`'s file (once).
    TRANSFER_LINK_FILE = Post "/api/transfer-links/{token}/file";

    // ---- requests about rights
    /// The person's requests.
    MY_REQUESTS = Get "/api/me/requests";
    /// Files a request.
    REQUEST_FILE = Post "/api/me/requests";
    /// Privacy staff: the queue (`?closed=`).
    REQUEST_QUEUE = Get "/api/privacy/requests";
    /// Privacy staff: request `{id}`.
    STAFF_REQUEST = Get "/api/privacy/requests/{id}";
    /// Privacy staff answer request `{id}`.
    REQUEST_ANSWER = Post "/api/privacy/requests/{id}/answer";
    /// Privacy staff extend request `{id}`'s deadline.
    REQUEST_EXTEND = Post "/api/privacy/requests/{id}/extension";
    /// Privacy staff close request `{id}`.
    REQUEST_CLOSE = Post "/api/privacy/requests/{id}/close";
    /// Privacy staff record how they checked who asks in request `{id}`.
    REQUEST_VERIFY = Post "/api/privacy/requests/{id}/verification";

    // ---- breach notices
    /// The breach notices sent to the person.
    MY_BREACH_NOTICES = Get "/api/me/breach-notices";
    /// The person marks breach notice `{id}` read.
    BREACH_NOTICE_READ = Post "/api/me/breach-notices/{id}/read";
    /// Privacy staff: every breach notice.
    BREACHES = Get "/api/privacy/breaches";
    /// Privacy staff write a draft.
    BREACH_DRAFT = Post "/api/privacy/breaches";
    /// Privacy staff: how many people an audience reaches.
    BREACH_PREVIEW = Post "/api/privacy/breaches/preview";
    /// Privacy staff: breach notice `{id}`.
    BREACH = Get "/api/privacy/breaches/{id}";
    /// Privacy staff send draft `{id}`.
    BREACH_SEND = Post "/api/privacy/breaches/{id}/send";

    // ---- administration
    /// Administrators: the staff list, invitations and review.
    STAFF = Get "/api/admin/staff";
    /// Administrators suspend account `{id}`.
    STAFF_SUSPEND = Post "/api/admin/staff/{id}/suspend";
    /// Administrators reinstate account `{id}`.
    STAFF_REINSTATE = Post "/api/admin/staff/{id}/reinstate";
    /// Administrators revoke account `{id}`.
    STAFF_REVOKE = Delete "/api/admin/staff/{id}";
    /// Administrators invite someone (a link is mailed).
    INVITE = Post "/api/admin/invitations";
    /// Administrators withdraw invitation `{id}`.
    INVITATION_WITHDRAW = Delete "/api/admin/invitations/{id}";
    /// Administrators confirm the staff list as reviewed.
    REVIEW = Post "/api/admin/reviews";
    /// The administration's log (`?before=`).
    AUDIT = Get "/api/admin/audit";
    /// Administrators: every partner's keys.
    ADMIN_PARTNER_KEYS = Get "/api/admin/partner-keys";
    /// Administrators publish the key of partner `{slug}`.
    PARTNER_KEY_PUBLISH = Put "/api/admin/partner-keys/{slug}";
    /// Administrators remove the key of partner `{slug}`.
    PARTNER_KEY_REMOVE = Delete "/api/admin/partner-keys/{slug}";
    /// What invitation link `{token}` shows.
    INVITATION = Get "/api/invitations/{token}";
    /// Uses an invitation: creates the account and logs in.
    INVITATION_ACCEPT = Post "/api/invitations/accept";

    // ---- recruiters
    /// A recruiter's search (`?q=…&place=…&after=…`).
    CANDIDATES = Get "/api/recruiter/candidates";
    /// One candidate, by reference `{reference}`.
    CANDIDATE = Get "/api/recruiter/candidates/{reference}";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_endpoint_is_once_in_the_list_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for e in ALL {
            assert!(seen.insert((e.method, e.template)), "{e:?} twice");
            assert!(e.template.starts_with("/api/"), "{e:?}");
            assert!(!e.template.contains(['?', '#', ' ']) && !e.template.ends_with('/'), "{e:?}");
            // Parameters are whole segments: `/{id}`, never part of one.
            for segment in e.template.split('/').filter(|s| s.contains(['{', '}'])) {
                assert!(segment.starts_with('{') && segment.ends_with('}') && segment.len() > 2, "{e:?}");
                assert!(!segment[1..segment.len() - 1].contains(['{', '}']), "{e:?}");
            }
        }
    }

    #[test]
    fn a_template_is_filled_in_order_and_encoded() {
        assert_eq!(STAFF_SUSPEND.at(&["12"]), "/api/admin/staff/12/suspend");
        assert_eq!(STAFF_SUSPEND.template, "/api/admin/staff/{id}/suspend");
        assert_eq!(STAFF_SUSPEND.method, Method::Post);
        assert_eq!(TRANSFER_LINK_FILE.at(&["a/b c"]), "/api/transfer-links/a%2Fb%20c/file");
        assert_eq!(CANDIDATE.at(&["K 1"]), "/api/recruiter/candidates/K%201");
        assert_eq!(SESSION.at(&[]), "/api/session");
        assert_eq!(LOGIN.path(), "/api/session");
        assert_eq!(LOGIN.method.as_str(), "POST");
    }

    #[test]
    #[should_panic(expected = "wrong number of parameters")]
    fn a_missing_parameter_is_a_mistake() {
        STAFF_REVOKE.at(&[]);
    }

    #[test]
    fn documents_are_read_and_saved_at_one_path() {
        for (read, save) in [(PROFILE, PROFILE_SAVE), (VISIBILITY, VISIBILITY_SAVE), (PARTICIPANT, PARTICIPANT_SAVE)] {
            assert!(read.same_path(save) && read.method == Method::Get && save.method == Method::Put);
        }
        assert!(!PROFILE.same_path(VISIBILITY));
    }
}
