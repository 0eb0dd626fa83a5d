//! The portable export (GDPR art. 15 and 20): every stored item of the person, structured,
//! versioned, with a published JSON Schema; the CV part also as a JSON Resume document.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use time::OffsetDateTime;

use crate::academy::AcademyPage;
use crate::account::Account;
use crate::disclosure::Disclosure;
use crate::newsletter::{ConsentEvent, Subscription};
use crate::profile::{EducationLevel, Month, Profile};
use crate::register::Activity;
use crate::visibility::Visibility;

/// Version of the export format; raised on any incompatible change.
pub const EXPORT_FORMAT_VERSION: u32 = 1;
/// The format's name.
pub const EXPORT_FORMAT: &str = "zelfregie-export";

/// The whole export.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExportDocument {
    /// URL of this document's JSON Schema.
    #[serde(rename = "$schema")]
    pub schema: String,
    /// Always `zelfregie-export`.
    pub format: String,
    /// [`EXPORT_FORMAT_VERSION`].
    pub format_version: u32,
    /// When the export was made.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub generated_at: OffsetDateTime,
    /// The account and its sessions.
    pub account: ExportAccount,
    /// Profile, visibility and who saw it.
    pub candidate_bank: ExportCandidateBank,
    /// Participant registration and enrolments.
    pub academy: AcademyPage,
    /// Newsletter consent and deliveries to the mailing company.
    pub newsletter: ExportNewsletter,
    /// Encrypted exports left for other organisations (metadata; the files are never readable
    /// by the portal and are gone once fetched).
    pub transfers: Vec<crate::transfer::Transfer>,
    /// Requests about the person's rights, with their deadlines and answers (absent in
    /// exports made before requests existed).
    #[serde(default)]
    pub requests: Vec<crate::privacy_request::PrivacyRequest>,
    /// Notices about a data breach sent to the person, with when they were mailed and read
    /// (absent in exports made before notices existed).
    #[serde(default)]
    pub breach_notices: Vec<crate::breach::MyNotice>,
    /// For staff and recruiters: the entries of the administration's log they made or that
    /// concern them (invitations, suspensions, reviews; absent in older exports).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub administration: Vec<crate::admin::AuditEntry>,
    /// The register entries of the processing activities that concern the person.
    pub register: Vec<Activity>,
    /// The CV part as a JSON Resume document (jsonresume.org schema 1.0.0).
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub cv: Value,
}

/// Account data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExportAccount {
    /// E-mail address, kind, a recruiter's partner, creation time: as `GET /api/session` says.
    #[serde(flatten)]
    pub account: Account,
    /// Active sessions (when they started and were last used; never the tokens).
    pub sessions: Vec<ExportSession>,
    /// The last login (or the registration): the retention periods count from it. Absent in
    /// exports made before it was kept.
    #[serde(default, with = "time::serde::rfc3339::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub last_activity_at: Option<OffsetDateTime>,
    /// When the warning before deletion for inactivity was mailed (a login clears it).
    #[serde(default, with = "time::serde::rfc3339::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub retention_warned_at: Option<OffsetDateTime>,
    /// New addresses asked for and not yet confirmed with the mailed link (never the tokens).
    #[serde(default)]
    pub pending_email_changes: Vec<ExportEmailChange>,
    /// Passkeys: name, when added and last used, whether backed up. Not the public key and
    /// credential ID themselves: technical values that only this site can use
    /// (docs/security.md "Passkeys").
    #[serde(default)]
    pub passkeys: Vec<crate::passkey::PasskeyInfo>,
    /// Two-step verification, if it was ever set up (never the secret or the codes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub second_factor: Option<ExportSecondFactor>,
}

/// A change of the login address waiting for its link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExportEmailChange {
    /// The new address.
    pub new_email: String,
    /// When it was asked.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub requested_at: OffsetDateTime,
    /// Until when the link works (then it is deleted).
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub expires_at: OffsetDateTime,
}

/// Two-step verification as held: whether and when, never the secret.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExportSecondFactor {
    /// Whether it is on (`false`: set-up started but never confirmed with a code).
    pub enabled: bool,
    /// When the set-up was started.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub started_at: OffsetDateTime,
    /// When it was confirmed with a first code.
    #[serde(default, with = "time::serde::rfc3339::option", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub enabled_at: Option<OffsetDateTime>,
    /// The start of the 30-second period of the last code accepted (kept to refuse it again).
    #[serde(default, with = "time::serde::rfc3339::option", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub last_code_period: Option<OffsetDateTime>,
    /// Recovery codes not used yet (only their keyed hashes are held).
    pub recovery_codes_left: u32,
    /// When recovery codes were used.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<String>))]
    pub recovery_codes_used_at: Vec<ExportTime>,
}

/// A point in time (RFC 3339).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ExportTime(#[serde(with = "time::serde::rfc3339")] pub OffsetDateTime);

/// A session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExportSession {
    /// Login time.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub started_at: OffsetDateTime,
    /// Last request.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub last_activity_at: OffsetDateTime,
    /// Opened with a second factor.
    #[serde(default)]
    pub strong: bool,
}

/// Candidate bank data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExportCandidateBank {
    /// The profile.
    pub profile: Profile,
    /// Visibility choices.
    pub visibility: Visibility,
    /// Who saw the profile, newest first.
    pub disclosures: Vec<Disclosure>,
    /// Consent to be listed: every time the candidate bank was turned on or off, oldest
    /// first (absent in exports made before it was recorded).
    #[serde(default)]
    pub listing_consents: Vec<ConsentEvent>,
    /// The last day the consent to be listed holds, `YYYY-MM-DD` (twelve months after it was
    /// given or renewed; absent when not listed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listing_valid_until: Option<String>,
}

/// Newsletter data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExportNewsletter {
    /// Current state.
    pub subscription: Subscription,
    /// Every consent event, oldest first.
    pub events: Vec<ConsentEvent>,
    /// Confirmation links sent (never the token itself).
    pub confirmation_links: Vec<ExportConfirmation>,
    /// Everything passed to the mailing company, with its delivery state.
    pub processor_deliveries: Vec<ExportDelivery>,
}

/// A confirmation link that was e-mailed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExportConfirmation {
    /// Consent text version it confirms.
    pub text_version: u32,
    /// Sent.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: OffsetDateTime,
    /// Used, if it was.
    #[serde(default, with = "time::serde::rfc3339::option", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub used_at: Option<OffsetDateTime>,
}

/// One delivery to the mailing company.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExportDelivery {
    /// What was sent (the exact JSON body).
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub payload: Value,
    /// `pending`, `delivered` or `dead`.
    pub status: String,
    /// Attempts made.
    pub attempts: u32,
    /// Queued.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: OffsetDateTime,
}

fn month(m: Option<Month>) -> Value {
    m.map_or(Value::Null, |m| Value::String(m.to_string()))
}

/// The CV part of a profile as a JSON Resume document (https://jsonresume.org/schema).
pub fn json_resume(profile: &Profile, login_email: &str) -> Value {
    let p = &profile.personal;
    // JSON Resume requires a valid address; the profile's own field is in the export as it is.
    let contact = profile.contact.email.as_str();
    let email = if crate::account::validate_email(contact).is_ok() { contact } else { login_email };
    let mut basics = json!({ "name": p.full_name(), "email": email });
    if !profile.contact.phone.is_empty() {
        basics["phone"] = json!(profile.contact.phone);
    }
    let address = format!("{} {}{}", p.street, p.house_number, p.house_number_addition).trim().to_owned();
    basics["location"] = json!({ "address": address, "postalCode": p.postcode, "city": p.city, "countryCode": "NL" });
    let drop_nulls = |mut v: Value| {
        if let Some(o) = v.as_object_mut() {
            o.retain(|_, x| !x.is_null() && x.as_str() != Some(""));
        }
        v
    };
    let work: Vec<Value> = profile
        .work_experience
        .iter()
        .map(|w| {
            drop_nulls(json!({
                "name": w.employer, "position": w.job_title, "startDate": month(w.from), "endDate": month(w.to),
                "summary": w.tasks,
            }))
        })
        .collect();
    let education: Vec<Value> = profile
        .education
        .iter()
        .map(|e| {
            let level = match e.level {
                EducationLevel::Vmbo => "vmbo",
                EducationLevel::Havo => "havo",
                EducationLevel::Vwo => "vwo",
                EducationLevel::Mbo => "mbo",
                EducationLevel::Hbo => "hbo",
                EducationLevel::Wo => "wo",
                EducationLevel::Other => "cursus",
            };
            drop_nulls(json!({
                "institution": e.institution, "area": e.field, "studyType": level,
                "startDate": month(e.from), "endDate": month(e.to),
            }))
        })
        .collect();
    let skills: Vec<Value> = profile.competences.iter().map(|c| json!({ "name": c })).collect();
    let interests: Vec<Value> = profile.desired_occupations.iter().map(|o| json!({ "name": o })).collect();
    json!({
        "basics": basics,
        "work": work,
        "education": education,
        "skills": skills,
        "interests": interests,
        "meta": { "version": "v1.0.0", "canonical": "https://jsonresume.org/schema/" }
    })
}
