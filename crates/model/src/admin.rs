//! Administration: who may work in the portal. An administrator invites staff and
//! recruiters, reviews the list every quarter, suspends and revokes, and publishes the
//! partners' keys; an administrator never sees a candidate's or participant's data
//! (docs/security.md "Administration").

use serde::{Deserialize, Serialize};

use crate::account::{normalize_email, validate_email};
use crate::partner::is_partner_slug;
use crate::{ErrorCode, FieldError, Partner, Role};

/// How long an invitation made in the portal can be used.
pub const INVITATION_DAYS: i64 = 7;

/// How long the first administrator's invitation, made on the server's command line, can be
/// used.
pub const FIRST_INVITATION_HOURS: i64 = 24;

/// Staff accounts unused this many days are suspended, unless the server is told otherwise.
pub const DEFAULT_STAFF_IDLE_DAYS: i64 = 90;

/// The list of staff accounts is confirmed at least this often (a quarter).
pub const REVIEW_EVERY_DAYS: i64 = 91;

/// The roles an invitation can give: everyone but a person (people register themselves).
pub const INVITABLE: [Role; 4] = [Role::Recruiter, Role::AcademyStaff, Role::PrivacyStaff, Role::Administrator];

/// `POST /api/admin/invitations`: invite someone to work in the portal.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewInvitation {
    /// The invitee's address; the link goes there, and it becomes the login name.
    pub email: String,
    /// The role the account gets: `recruiter`, `academy_staff`, `privacy_staff` or
    /// `administrator`.
    pub role: Option<Role>,
    /// A recruiter's partner (its slug); only for recruiters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<String>,
    /// The invitee's language for the mail (`nl` or `en`); Dutch otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

impl NewInvitation {
    /// Every field failure, in field order. Empty means valid.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if let Err(code) = validate_email(&self.email) {
            errors.push(FieldError::new("email", code));
        }
        match self.role {
            None => errors.push(FieldError::new("role", ErrorCode::Required)),
            Some(role) if !INVITABLE.contains(&role) => {
                errors.push(FieldError::new("role", ErrorCode::RoleNotInvitable))
            }
            Some(_) => {}
        }
        let partner = self.partner.as_deref().map(str::trim).filter(|p| !p.is_empty());
        match (self.role, partner) {
            (Some(Role::Recruiter), None) => errors.push(FieldError::new("partner", ErrorCode::Required)),
            (Some(Role::Recruiter), Some(slug)) if !is_partner_slug(slug) => {
                errors.push(FieldError::new("partner", ErrorCode::UnknownPartner));
            }
            // A partner belongs to recruiters only: staff of the network work for all of it.
            (Some(role), Some(_)) if role != Role::Recruiter => {
                errors.push(FieldError::new("partner", ErrorCode::PartnerNotForRole));
            }
            _ => {}
        }
        errors
    }

    /// The address as stored.
    pub fn email(&self) -> String {
        normalize_email(&self.email)
    }

    /// The partner slug, for a recruiter.
    pub fn partner_slug(&self) -> Option<&str> {
        self.partner.as_deref().map(str::trim).filter(|p| !p.is_empty())
    }
}

/// Where an invitation stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum InvitationStatus {
    /// Sent, not yet used, not expired.
    Pending,
    /// Used: the account exists.
    Accepted,
    /// Withdrawn by an administrator before it was used.
    Withdrawn,
    /// Not used in time.
    Expired,
}

impl InvitationStatus {
    /// The status's name as stored and sent.
    pub fn as_str(self) -> &'static str {
        match self {
            InvitationStatus::Pending => "pending",
            InvitationStatus::Accepted => "accepted",
            InvitationStatus::Withdrawn => "withdrawn",
            InvitationStatus::Expired => "expired",
        }
    }

    /// The status named `s` (`pending` past its time reads as expired: see
    /// [`InvitationStatus::at`]).
    pub fn parse(s: &str) -> Option<Self> {
        [Self::Pending, Self::Accepted, Self::Withdrawn, Self::Expired].into_iter().find(|v| v.as_str() == s)
    }

    /// A stored status as it stands at `now` (Unix seconds): pending past `expires_at` is
    /// expired.
    pub fn at(stored: Self, expires_at: i64, now: i64) -> Self {
        if stored == Self::Pending && now >= expires_at {
            Self::Expired
        } else {
            stored
        }
    }
}

/// An invitation as administrators see it.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Invitation {
    /// Random id (to withdraw it).
    pub id: String,
    /// The invitee's address.
    pub email: String,
    /// The role it gives.
    pub role: Role,
    /// A recruiter's partner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<Partner>,
    /// Who invited (an administrator's address, or `null` for the server's command line).
    pub invited_by: Option<String>,
    /// Sent at (RFC 3339).
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: time::OffsetDateTime,
    /// Usable until (RFC 3339).
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub expires_at: time::OffsetDateTime,
    /// Where it stands.
    pub status: InvitationStatus,
}

/// `GET /api/invitations/{token}`: what the link's page shows before the invitee acts. Reading
/// it changes nothing (mail scanners open links).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InvitationDetails {
    /// The address the account gets.
    pub email: String,
    /// The role it gives.
    pub role: Role,
    /// A recruiter's partner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<Partner>,
    /// Usable until (RFC 3339).
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub expires_at: time::OffsetDateTime,
}

/// `POST /api/invitations/accept`: the invitee chooses a password; the account exists, once.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InvitationAcceptance {
    /// The token from the link.
    pub token: String,
    /// The password the invitee chooses.
    pub password: crate::Password,
}

impl InvitationAcceptance {
    /// Every field failure for the invitation's address.
    pub fn validate_for(&self, email: &str) -> Vec<FieldError> {
        match crate::account::validate_new_password(self.password.expose(), email) {
            Ok(()) => Vec::new(),
            Err(code) => vec![FieldError::new("password", code)],
        }
    }
}

/// Whether a staff account may work.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum StaffStatus {
    /// May log in.
    Active,
    /// Suspended by an administrator, or for not being used: cannot log in until
    /// reinstated.
    Suspended,
}

impl StaffStatus {
    /// The status's name as stored and sent.
    pub fn as_str(self) -> &'static str {
        match self {
            StaffStatus::Active => "active",
            StaffStatus::Suspended => "suspended",
        }
    }

    /// The status named `s`.
    pub fn parse(s: &str) -> Option<Self> {
        [Self::Active, Self::Suspended].into_iter().find(|v| v.as_str() == s)
    }
}

/// A staff or recruiter account as the administrator reviews it.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffAccount {
    /// The account's id, to act on it.
    pub id: i64,
    /// Login address.
    pub email: String,
    /// Its role.
    pub role: Role,
    /// A recruiter's partner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<Partner>,
    /// Who invited (an address; `null` for the command line or the demo, or when that
    /// administrator's account is gone).
    pub invited_by: Option<String>,
    /// Created at (RFC 3339).
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: time::OffsetDateTime,
    /// Last login (RFC 3339), if any.
    #[serde(with = "time::serde::rfc3339::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub last_login_at: Option<time::OffsetDateTime>,
    /// Whether a second factor is set up (authenticator app or passkey).
    pub second_factor: bool,
    /// Whether it may log in.
    pub status: StaffStatus,
    /// Why it was suspended (`idle` or `administrator`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suspended_because: Option<String>,
}

/// A confirmation of the staff list.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Review {
    /// Confirmed at (RFC 3339).
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub reviewed_at: time::OffsetDateTime,
    /// By (an administrator's address; `null` when that account is gone).
    pub reviewed_by: Option<String>,
    /// Accounts on the list when it was confirmed.
    pub accounts: i64,
}

/// `GET /api/admin/staff`: everyone who may work in the portal, the open invitations, and
/// the review.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffOverview {
    /// Every staff and recruiter account, by role, then address.
    pub accounts: Vec<StaffAccount>,
    /// Invitations sent in the last 30 days, newest first.
    pub invitations: Vec<Invitation>,
    /// The latest confirmation of the list, if any.
    pub last_review: Option<Review>,
    /// The day the next confirmation is due (`YYYY-MM-DD`): a quarter after the last one, or
    /// today when there was none.
    pub next_review_due: String,
    /// Whether the confirmation is due now: its day has come, by the network's own date
    /// (Dutch time), which a browser in another time zone, or before midnight UTC while it is
    /// already tomorrow in the Netherlands, cannot work out from the day alone.
    pub review_due_now: bool,
    /// Staff accounts unused this many days are suspended.
    pub idle_days: i64,
}

/// What an administrator did (or the portal itself, for suspensions of unused accounts).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    /// An invitation was sent.
    Invite,
    /// An invitation was withdrawn.
    WithdrawInvitation,
    /// An invitation was used: the account exists.
    Accept,
    /// An account was suspended.
    Suspend,
    /// A suspended account may work again.
    Reinstate,
    /// An account was revoked (deleted).
    Revoke,
    /// The staff list was confirmed.
    Review,
    /// A partner's key was published or replaced.
    KeyPublish,
    /// A partner's key was removed.
    KeyRemove,
}

impl AuditAction {
    /// Every action.
    pub const ALL: [AuditAction; 9] = [
        AuditAction::Invite,
        AuditAction::WithdrawInvitation,
        AuditAction::Accept,
        AuditAction::Suspend,
        AuditAction::Reinstate,
        AuditAction::Revoke,
        AuditAction::Review,
        AuditAction::KeyPublish,
        AuditAction::KeyRemove,
    ];

    /// The action's name as stored and sent.
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::Invite => "invite",
            AuditAction::WithdrawInvitation => "withdraw_invitation",
            AuditAction::Accept => "accept",
            AuditAction::Suspend => "suspend",
            AuditAction::Reinstate => "reinstate",
            AuditAction::Revoke => "revoke",
            AuditAction::Review => "review",
            AuditAction::KeyPublish => "key_publish",
            AuditAction::KeyRemove => "key_remove",
        }
    }

    /// The action named `s`.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

/// One entry of the administration's log. Entries are never changed or deleted before
/// their time (docs/security.md "Administration").
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    /// When (RFC 3339).
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub at: time::OffsetDateTime,
    /// Who did it: an administrator's address; `null` for the portal itself or the server's
    /// command line (see `by_system`).
    pub actor: Option<String>,
    /// Done by the portal itself (unused accounts) or on the server's command line.
    pub by_system: bool,
    /// What.
    pub action: AuditAction,
    /// Whom or what it concerned: an address, or a partner's slug.
    pub subject: String,
    /// The role or partner involved, or the reason, where there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// `GET /api/admin/audit`: the log, newest first, one page at a time.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditPage {
    /// The entries.
    pub entries: Vec<AuditEntry>,
    /// Pass as `before` for the next (older) page; `null` at the end.
    pub next: Option<i64>,
}

/// Entries per page of the log.
pub const AUDIT_PER_PAGE: usize = 50;

/// `PUT /api/admin/partner-keys/{slug}`: publish (or replace) a partner's age key.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublishKey {
    /// The partner's age recipient: post-quantum (`age1pq1…`) or classic (`age1…`), as pasted.
    pub recipient: String,
}

impl PublishKey {
    /// Every field failure. Empty means valid.
    pub fn validate(&self) -> Vec<FieldError> {
        match crate::age_key::check_recipient(self.recipient.trim()) {
            Ok(()) => Vec::new(),
            Err(code) => vec![FieldError::new("recipient", code)],
        }
    }

    /// The key as stored.
    pub fn recipient(&self) -> &str {
        self.recipient.trim()
    }
}

/// One published key of a partner.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartnerKeyEntry {
    /// The age recipient.
    pub recipient: String,
    /// Its short fingerprint, to read back over the phone (`age_key::fingerprint`).
    pub fingerprint: String,
    /// Published at (RFC 3339).
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub published_at: time::OffsetDateTime,
    /// By (an administrator's address; `null` for the server's key file or the demo).
    pub published_by: Option<String>,
    /// Replaced or removed at (RFC 3339); `null` for the key in use.
    #[serde(with = "time::serde::rfc3339::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub retired_at: Option<time::OffsetDateTime>,
}

/// `GET /api/admin/partner-keys`: every partner with its key in use and the earlier ones
/// (transfers made to an earlier key still open with that key's secret half).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartnerKeys {
    /// The partner.
    pub partner: Partner,
    /// The key transfers are encrypted to now, if one is published.
    pub current: Option<PartnerKeyEntry>,
    /// Earlier keys, newest first.
    pub earlier: Vec<PartnerKeyEntry>,
}

/// The day the next review is due: [`REVIEW_EVERY_DAYS`] after the last one, or `today`
/// when the list was never confirmed (or the due day is already past: then it is due now).
pub fn next_review_due(last_review: Option<time::Date>, today: time::Date) -> time::Date {
    match last_review {
        Some(day) => day + time::Duration::days(REVIEW_EVERY_DAYS),
        None => today,
    }
}

/// Whether an account unused since `last_used` (Unix seconds: last login, or creation when
/// it never logged in) is past the idle limit at `now`.
pub fn is_idle(last_used: i64, now: i64, idle_days: i64) -> bool {
    now - last_used >= idle_days * 86_400
}

#[cfg(test)]
mod tests {
    use super::*;

    fn invitation(email: &str, role: Option<Role>, partner: Option<&str>) -> NewInvitation {
        NewInvitation { email: email.into(), role, partner: partner.map(Into::into), language: None }
    }

    fn fields(errors: &[FieldError]) -> Vec<(&str, ErrorCode)> {
        errors.iter().map(|e| (e.field.as_str(), e.code)).collect()
    }

    #[test]
    fn a_recruiter_is_invited_for_exactly_one_known_partner() {
        assert!(invitation("r@beek.nl", Some(Role::Recruiter), Some("beek")).validate().is_empty());
        assert_eq!(
            fields(&invitation("r@beek.nl", Some(Role::Recruiter), None).validate()),
            [("partner", ErrorCode::Required)]
        );
        assert_eq!(
            fields(&invitation("r@beek.nl", Some(Role::Recruiter), Some("nowhere")).validate()),
            [("partner", ErrorCode::UnknownPartner)]
        );
    }

    #[test]
    fn staff_of_the_network_have_no_partner_and_people_are_never_invited() {
        assert!(invitation("a@igom.nl", Some(Role::AcademyStaff), None).validate().is_empty());
        assert!(invitation("a@igom.nl", Some(Role::Administrator), Some(" ")).validate().is_empty());
        assert_eq!(
            fields(&invitation("a@igom.nl", Some(Role::PrivacyStaff), Some("beek")).validate()),
            [("partner", ErrorCode::PartnerNotForRole)]
        );
        assert_eq!(
            fields(&invitation("a@igom.nl", Some(Role::Person), None).validate()),
            [("role", ErrorCode::RoleNotInvitable)]
        );
        assert_eq!(
            fields(&invitation("nope", None, None).validate()),
            [("email", ErrorCode::EmailInvalid), ("role", ErrorCode::Required)]
        );
    }

    #[test]
    fn a_pending_invitation_expires_at_its_time() {
        assert_eq!(InvitationStatus::at(InvitationStatus::Pending, 100, 99), InvitationStatus::Pending);
        assert_eq!(InvitationStatus::at(InvitationStatus::Pending, 100, 100), InvitationStatus::Expired);
        assert_eq!(InvitationStatus::at(InvitationStatus::Accepted, 100, 200), InvitationStatus::Accepted);
    }

    #[test]
    fn the_review_is_due_a_quarter_after_the_last_and_now_when_there_was_none() {
        let today = time::macros::date!(2026 - 12 - 07);
        assert_eq!(next_review_due(None, today), today);
        assert_eq!(
            next_review_due(Some(time::macros::date!(2026 - 10 - 01)), today),
            time::macros::date!(2026 - 12 - 31)
        );
    }

    #[test]
    fn an_account_is_idle_from_the_limit_on() {
        assert!(!is_idle(0, 90 * 86_400 - 1, 90));
        assert!(is_idle(0, 90 * 86_400, 90));
    }

    #[test]
    fn every_action_reads_back() {
        for a in AuditAction::ALL {
            assert_eq!(AuditAction::parse(a.as_str()), Some(a));
        }
    }
}
