//! The validation rules of request bodies, as JSON Schema keywords for the API document
//! (docs/api.md "The OpenAPI document"). The numbers are the constants the validation in this
//! crate uses, so the document cannot say one thing while `validate()` does another; the
//! server's document adds them to the schemas `utoipa` derives (its attributes take only
//! literal numbers).

use serde_json::{json, Value};

use crate::academy::{training_limits, EnrolmentState, FunctionLevel};
use crate::account::{EMAIL_MAX_CHARS, PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS};
use crate::breach::{MAX_ADDRESSES, PART_MAX_CHARS};
use crate::passkey::NAME_MAX_CHARS;
use crate::privacy_request::{FOR_NAME_MAX_CHARS, NOTE_MAX_CHARS, REASON_MAX_CHARS, TEXT_MAX_CHARS};
use crate::profile::limits::{HOURS, ITEM, KM, LINE, LIST, MINUTES, NAME, TASKS, TUSSENVOEGSEL};
use crate::second_factor::CODE_MAX_CHARS;

/// An address `validate_email` accepts, for examples.
pub const EXAMPLE_EMAIL: &str = "iemand@example.nl";

/// A rule: the schema (a component's name), the property (`None`: the schema itself) and the
/// keywords added to it. A `required` list is added to the schema's own.
pub type Rule = (&'static str, Option<&'static str>, Value);

/// A text of at most `max` characters; `required`: not empty, and not only white space
/// (the checks trim it first).
fn line(max: usize, required: bool) -> Value {
    if required {
        json!({"minLength": 1, "maxLength": max, "pattern": r"\S"})
    } else {
        json!({"maxLength": max})
    }
}

/// What `validate_email` accepts: a local part of at most 64 characters of letters, digits
/// and `!#$%&'*+-/=?^_`{|}~`, dots only between them; two or more domain labels of letters,
/// digits and inner hyphens, at most 63 each; a last label of two or more that is not only
/// digits. Test: `openapi::the_patterns_accept_only_what_the_model_accepts` (server).
pub const EMAIL_PATTERN: &str = r"^(?=[^@]{1,64}@)[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?=[^.]*[A-Za-z-])[A-Za-z0-9][A-Za-z0-9-]{0,61}[A-Za-z0-9]$";

/// What `validate_phone` accepts: an optional `+`, then 10 to 15 digits with spaces,
/// hyphens and parentheses anywhere.
pub const PHONE_PATTERN: &str = r"^(\+?[ ()-]*([0-9][ ()-]*){10,15})?$";

/// An e-mail address as `validate_email` accepts it.
fn email() -> Value {
    json!({
        "minLength": 1,
        "maxLength": EMAIL_MAX_CHARS,
        "pattern": EMAIL_PATTERN,
        "example": EXAMPLE_EMAIL,
    })
}

/// A list of distinct short phrases.
fn phrases() -> Value {
    json!({"maxItems": LIST, "uniqueItems": true, "items": {"minLength": 1, "maxLength": ITEM}})
}

/// Every rule, by schema.
pub fn request_rules() -> Vec<Rule> {
    let slugs: Vec<String> = crate::partner::Partner::all().into_iter().map(|p| p.slug).collect();
    let manager_levels: Vec<&str> =
        FunctionLevel::ALL.into_iter().filter(|l| l.requires_manager()).map(FunctionLevel::as_str).collect();
    let recorded: Vec<&str> = EnrolmentState::RECORDED.into_iter().map(EnrolmentState::as_str).collect();
    let new_password = json!({"minLength": PASSWORD_MIN_CHARS});
    let invitable: Vec<&str> = crate::admin::INVITABLE.into_iter().map(crate::Role::as_str).collect();
    let token = json!({"minLength": 1});
    vec![
        // Every password field: not empty, not absurdly long; a new one at least 12.
        ("Password", None, json!({"minLength": 1, "maxLength": PASSWORD_MAX_CHARS})),
        ("Registration", Some("email"), email()),
        ("RegistrationConfirm", Some("password"), new_password.clone()),
        ("RegistrationConfirm", Some("token"), token.clone()),
        ("InvitationAcceptance", Some("password"), new_password.clone()),
        ("InvitationAcceptance", Some("token"), token.clone()),
        ("Credentials", Some("email"), line(EMAIL_MAX_CHARS, true)),
        ("Credentials", Some("code"), json!({"maxLength": CODE_MAX_CHARS})),
        ("PasswordChange", Some("new_password"), new_password.clone()),
        ("PasswordReset", Some("new_password"), new_password),
        ("PasswordReset", Some("token"), token.clone()),
        ("PasswordResetRequest", Some("email"), line(EMAIL_MAX_CHARS, true)),
        ("EmailChange", Some("new_email"), email()),
        ("EmailToken", Some("token"), token),
        // The password is asked unless a passkey confirmed just before.
        ("Erasure", None, json!({"required": ["password"]})),
        ("Confirmation", None, json!({"required": ["password"]})),
        ("NewPasskey", Some("name"), line(NAME_MAX_CHARS, true)),
        ("SecondFactorConfirm", Some("code"), json!({"pattern": r"^ *[0-9]{3}[ -]?[0-9]{3} *$", "example": "123456"})),
        // Spaces and dashes are dropped before the code is compared: a letter or digit is left.
        (
            "SecondFactorDisable",
            Some("code"),
            json!({"minLength": 1, "maxLength": CODE_MAX_CHARS, "pattern": "[A-Za-z0-9]"}),
        ),
        ("NewRequest", Some("text"), line(TEXT_MAX_CHARS, true)),
        // A request for someone else: their name, their address if known, the ground.
        ("Representation", Some("for_name"), line(FOR_NAME_MAX_CHARS, true)),
        ("Representation", Some("for_email"), email()),
        // How identity and authority were checked: another way than in person needs a note.
        ("NewVerification", Some("note"), line(NOTE_MAX_CHARS, false)),
        (
            "NewVerification",
            None,
            json!({
                "if": {"properties": {"method": {"const": "other"}}},
                "then": {"required": ["note"], "properties": {"note": {"minLength": 1, "pattern": r"\S"}}},
            }),
        ),
        // Reasons are shorter than answers; the one schema takes the shorter limit.
        ("StaffText", Some("text"), line(REASON_MAX_CHARS, true)),
        ("Text", None, json!({"required": ["nl", "en"]})),
        ("Text", Some("nl"), line(PART_MAX_CHARS, true)),
        ("Text", Some("en"), line(PART_MAX_CHARS, true)),
        (
            "BreachAudience",
            Some("addresses"),
            json!({"minItems": 1, "maxItems": MAX_ADDRESSES, "uniqueItems": true, "items": email()}),
        ),
        // The academy registration (art. 10.2).
        ("Participant", None, json!({"required": ["first_name", "last_name", "job_title", "employer"]})),
        ("Participant", Some("first_name"), line(NAME, true)),
        ("Participant", Some("tussenvoegsel"), line(TUSSENVOEGSEL, false)),
        ("Participant", Some("last_name"), line(NAME, true)),
        ("Participant", Some("job_title"), line(LINE, true)),
        ("Participant", Some("employer"), json!({"enum": slugs.clone()})),
        ("Participant", Some("manager_name"), line(NAME, false)),
        ("Participant", Some("manager_email"), email()),
        // Below management the manager's name and address are asked (a missing level is the
        // default, `employee`).
        (
            "Participant",
            None,
            json!({
                "if": {"properties": {"function_level": {"enum": manager_levels}}},
                "then": {"required": ["manager_name", "manager_email"], "properties": {"manager_name": {"minLength": 1}, "manager_email": {"minLength": 1}}},
            }),
        ),
        ("Attendance", Some("state"), json!({"enum": recorded})),
        // Administration: who is invited as what; a recruiter for exactly one partner, staff
        // of the network for none.
        ("NewInvitation", None, json!({"required": ["email", "role"]})),
        ("NewInvitation", Some("email"), email()),
        ("NewInvitation", Some("role"), json!({"enum": invitable})),
        ("NewInvitation", Some("partner"), json!({"enum": slugs.clone()})),
        (
            "NewInvitation",
            None,
            json!({
                "if": {"properties": {"role": {"const": "recruiter"}}},
                "then": {"required": ["partner"]},
                "else": {"not": {"required": ["partner"]}},
            }),
        ),
        (
            "PublishKey",
            Some("recipient"),
            json!({"minLength": 1, "pattern": "^\\s*age1", "example": "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p"}),
        ),
        // A training as academy staff write it.
        ("TrainingForm", None, json!({"required": ["title", "description", "function_levels", "date", "time"]})),
        ("TrainingForm", Some("title"), line(LINE, true)),
        ("TrainingForm", Some("description"), line(training_limits::DESCRIPTION, true)),
        ("TrainingForm", Some("audience"), line(LINE, false)),
        ("TrainingForm", Some("location"), line(LINE, false)),
        ("TrainingForm", Some("function_levels"), json!({"minItems": 1, "uniqueItems": true})),
        // A day far enough ahead to lie in the future; a date in the past is `date_in_past`.
        ("TrainingForm", Some("date"), json!({"pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "example": "2099-03-31"})),
        ("TrainingForm", Some("time"), json!({"pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$", "example": "09:30"})),
        ("TrainingForm", Some("sessions"), json!({"minimum": 1, "maximum": training_limits::SESSIONS})),
        ("TrainingForm", Some("capacity"), json!({"minimum": 1, "maximum": training_limits::CAPACITY})),
        // A place is asked unless the training is online.
        (
            "TrainingForm",
            None,
            json!({
                "if": {"not": {"required": ["online"], "properties": {"online": {"const": true}}}},
                "then": {"required": ["location"], "properties": {"location": {"minLength": 1, "pattern": r"\S"}}},
            }),
        ),
        // The candidate profile.
        ("Profile", None, json!({"required": ["personal"]})),
        ("Personal", None, json!({"required": ["first_name", "last_name"]})),
        ("Personal", Some("first_name"), line(NAME, true)),
        ("Personal", Some("tussenvoegsel"), line(TUSSENVOEGSEL, false)),
        ("Personal", Some("last_name"), line(NAME, true)),
        ("Personal", Some("street"), line(LINE, false)),
        // A street needs its house number.
        (
            "Personal",
            None,
            json!({
                "if": {"required": ["street"], "properties": {"street": {"pattern": r"\S"}}},
                "then": {"required": ["house_number"], "properties": {"house_number": {"minLength": 1}}},
            }),
        ),
        ("Personal", Some("house_number"), json!({"pattern": "^([1-9][0-9]{0,4})?$", "example": "12"})),
        ("Personal", Some("house_number_addition"), line(6, false)),
        (
            "Personal",
            Some("postcode"),
            json!({"pattern": "^([1-9][0-9]{3} ?([A-RT-Za-rt-z][A-Za-z]|[Ss][BCE-RT-Zbce-rt-z]))?$", "example": "1234 AB"}),
        ),
        ("Personal", Some("city"), line(LINE, false)),
        ("Employment", Some("partner"), json!({"enum": slugs.clone()})),
        ("Contact", Some("email"), json!({"anyOf": [{"const": ""}, email()], "example": EXAMPLE_EMAIL})),
        ("Contact", Some("phone"), json!({"pattern": PHONE_PATTERN, "example": "06 1234 5678"})),
        ("Profile", Some("education"), json!({"maxItems": LIST})),
        ("Education", None, json!({"required": ["institution"]})),
        ("Education", Some("institution"), line(LINE, true)),
        ("Education", Some("field"), line(LINE, false)),
        ("Profile", Some("work_experience"), json!({"maxItems": LIST})),
        ("WorkExperience", None, json!({"required": ["job_title", "employer", "from"]})),
        ("WorkExperience", Some("from"), json!({"not": {"type": "null"}})),
        ("WorkExperience", Some("job_title"), line(LINE, true)),
        ("WorkExperience", Some("employer"), line(LINE, true)),
        ("WorkExperience", Some("tasks"), line(TASKS, false)),
        ("WorkExperience", Some("hours_per_week"), json!({"minimum": 1, "maximum": HOURS})),
        ("Profile", Some("competences"), phrases()),
        ("Profile", Some("desired_occupations"), phrases()),
        ("Availability", Some("max_travel_km"), json!({"minimum": 1, "maximum": KM})),
        ("Availability", Some("max_travel_minutes"), json!({"minimum": 1, "maximum": MINUTES})),
        ("Availability", Some("hours_per_week"), json!({"minimum": 1, "maximum": HOURS})),
        // Visibility: partners by slug; "only" needs at least one.
        ("Audience", Some("partners"), json!({"minItems": 1, "items": {"enum": slugs}})),
        ("Month", None, json!({"pattern": "^(19[0-9]{2}|20[0-9]{2}|2100)-(0[1-9]|1[0-2])$", "example": "2024-09"})),
    ]
}
