//! The one way the SPA talks to the API: same origin, JSON, the CSRF header on every
//! state-changing request, and one error type every page handles the same way. Every path
//! and its method come from the model's `links::api` (docs/architecture.md "Pages and links").

use gloo_net::http::{Request, RequestBuilder, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;
use zelfregie_model::academy::{AcademyPage, Enrol, Training};
use zelfregie_model::newsletter::{EmailToken, NewsletterStatus, Subscribe, Subscription};
use zelfregie_model::passkey::{CeremonyFinish, CeremonyStart, Confirmation, NewPasskey, PasskeyInfo};
use zelfregie_model::privacy_request::{
    NewRequest, NewVerification, PrivacyRequest, QueueEntry, StaffRequest, StaffText,
};
use zelfregie_model::retention::RetentionOverview;
use zelfregie_model::second_factor::{
    RecoveryCodes, SecondFactorConfirm, SecondFactorDisable, SecondFactorSetup, SecondFactorStart,
};
use zelfregie_model::transfer::{PartnerKey, Transfer, TransferCreated, TransferLink, TransferTarget};
use zelfregie_model::{
    ApiError, Credentials, DisclosurePage, EmailChange, Erasure, ErrorCode, PasswordChange, PasswordCheck,
    PasswordReset, PasswordResetRequest, Preview, Registration, RegistrationConfirm, SessionInfo, SessionTimeLeft,
};

use zelfregie_model::links::api::{self as links, Endpoint, Method};

use crate::editing::{SaveOutcome, Versioned};
use crate::session_clock::{self, parse_expires_in, Heard, EXPIRES_IN_HEADER};

use crate::i18n::{error_text, network_error_text, Lang};

/// Why a call failed.
#[derive(Clone, Debug, PartialEq)]
pub enum ClientError {
    /// The server answered with an error code (and per-field codes for validation).
    Api(ApiError),
    /// The server could not be reached.
    Network,
}

impl ClientError {
    /// The error code, if the server gave one.
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            ClientError::Api(e) => Some(e.code),
            ClientError::Network => None,
        }
    }

    /// The per-field code for `field`, if any.
    pub fn field(&self, field: &str) -> Option<ErrorCode> {
        match self {
            ClientError::Api(e) => e.field(field),
            ClientError::Network => None,
        }
    }

    /// A sentence for people, in `lang`.
    pub fn message(&self, lang: Lang) -> &'static str {
        match self {
            ClientError::Api(e) => error_text(e.code, lang),
            ClientError::Network => network_error_text(lang),
        }
    }
}

/// A failure that happened in the browser (the crypto worker, a file), with its code.
impl From<ErrorCode> for ClientError {
    fn from(code: ErrorCode) -> Self {
        ClientError::Api(ApiError::new(code))
    }
}

/// A versioned document (`ETag`, `If-Match`): read with `GET` and saved with `PUT` at one
/// path, checked when compiling.
const fn document(read: Endpoint, save: Endpoint) -> &'static str {
    assert!(matches!(read.method, Method::Get) && matches!(save.method, Method::Put) && read.same_path(save));
    read.path()
}

/// The candidate's profile (a versioned document).
pub const PROFILE: &str = document(links::PROFILE, links::PROFILE_SAVE);
/// The candidate's visibility settings (versioned).
pub const VISIBILITY: &str = document(links::VISIBILITY, links::VISIBILITY_SAVE);
/// The course participant's registration (versioned).
pub const PARTICIPANT: &str = document(links::PARTICIPANT, links::PARTICIPANT_SAVE);
/// The complete export as JSON; also the plain download link's address.
pub const EXPORT: &str = links::EXPORT.path();
/// Where privacy questions go (`Contact`; no login needed).
pub const CONTACT: &str = links::CONTACT.path();

/// The consent receipt of listing consent event `id` (turning the candidate bank on or off).
pub fn listing_receipt_path(id: i64) -> String {
    links::LISTING_RECEIPT.at(&[&id.to_string()])
}

/// The consent receipt of newsletter event `id` (a download link's address).
pub fn receipt_path(id: i64) -> String {
    links::NEWSLETTER_RECEIPT.at(&[&id.to_string()])
}

/// The request of `endpoint` at `path` (its template filled in), with the endpoint's method.
fn request(endpoint: Endpoint, path: &str) -> RequestBuilder {
    match endpoint.method {
        Method::Get => Request::get(path),
        Method::Post => Request::post(path),
        Method::Put => Request::put(path),
        Method::Delete => Request::delete(path),
    }
}

/// The request of an endpoint without parameters.
fn call(endpoint: Endpoint) -> RequestBuilder {
    request(endpoint, endpoint.path())
}

/// The result of every call.
pub type ApiResult<T> = Result<T, ClientError>;

async fn send(builder: RequestBuilder, body: Option<String>) -> ApiResult<Response> {
    let request = match body {
        Some(json) => builder.header("Content-Type", "application/json").body(json),
        None => builder.build(),
    }
    .map_err(|_| ClientError::Network)?;
    dispatch(request).await
}

async fn dispatch(request: Request) -> ApiResult<Response> {
    let response = request.send().await.map_err(|_| ClientError::Network)?;
    // Every answer to a logged-in request says how long the session lasts now.
    if let Some(secs) = response.headers().get(EXPIRES_IN_HEADER).as_deref().and_then(parse_expires_in) {
        session_clock::hear(Heard::ExpiresIn(secs));
    }
    if response.ok() {
        return Ok(response);
    }
    // An error body that does not parse (a proxy's HTML page, say) still gets a code.
    let fallback = match response.status() {
        401 => ErrorCode::Unauthenticated,
        403 => ErrorCode::Forbidden,
        404 => ErrorCode::NotFound,
        410 => ErrorCode::Expired,
        413 => ErrorCode::PayloadTooLarge,
        429 => ErrorCode::TooManyAttempts,
        502..=504 => ErrorCode::ServiceUnavailable,
        _ => ErrorCode::Internal,
    };
    let error = response.json::<ApiError>().await.unwrap_or_else(|_| ApiError::new(fallback));
    if error.code == ErrorCode::Unauthenticated {
        session_clock::hear(Heard::Ended);
    }
    Err(ClientError::Api(error))
}

async fn json<T: DeserializeOwned>(response: Response) -> ApiResult<T> {
    response.json::<T>().await.map_err(|_| ClientError::from(ErrorCode::Internal))
}

fn body<B: Serialize>(value: &B) -> Option<String> {
    serde_json::to_string(value).ok()
}

/// Marks a state-changing request as coming from this app: the server refuses a change
/// without it (a page on another site cannot set it).
fn changing(builder: RequestBuilder) -> RequestBuilder {
    builder.header("X-Requested-With", "zelfregie")
}

/// `GET path`, decoded.
pub async fn get<T: DeserializeOwned>(path: &str) -> ApiResult<T> {
    json(send(Request::get(path), None).await?).await
}

/// What `endpoint` (without parameters, one that changes nothing) answers, decoded.
async fn read<T: DeserializeOwned>(endpoint: Endpoint) -> ApiResult<T> {
    json(send(call(endpoint), None).await?).await
}

/// What `endpoint` with its parameters `values` (one that changes nothing) answers, decoded.
async fn read_at<T: DeserializeOwned>(endpoint: Endpoint, values: &[&str]) -> ApiResult<T> {
    json(send(request(endpoint, &endpoint.at(values)), None).await?).await
}

/// Who is logged in; `Ok(None)` when nobody is. The server says "nobody" with `204 No
/// Content`, not an error, so a public page logs no failed request. A session that has just
/// ended is heard as such, as a `401` elsewhere is: the login dialog opens over a page that
/// was logged in (`relogin.rs`), and nothing happens on a public page.
pub async fn current_session() -> ApiResult<Option<SessionInfo>> {
    let response = send(call(links::SESSION), None).await?;
    if response.status() == 204 {
        session_clock::hear(Heard::Ended);
        return Ok(None);
    }
    json(response).await.map(Some)
}

/// How long the session lasts; asking does not count as activity. `Err` with
/// `unauthenticated` when it has ended.
pub async fn session_time_left() -> ApiResult<SessionTimeLeft> {
    read(links::SESSION_TIME_LEFT).await
}

/// Logs in.
pub async fn login(credentials: &Credentials) -> ApiResult<SessionInfo> {
    json(send(changing(call(links::LOGIN)), body(credentials)).await?).await
}

/// Starts setting up an authenticator app (the password again); the secret to scan or type.
pub async fn second_factor_start(start: &SecondFactorStart) -> ApiResult<SecondFactorSetup> {
    json(send(changing(call(links::SECOND_FACTOR_START)), body(start)).await?).await
}

/// Confirms the set-up with a first code; the recovery codes, shown once.
pub async fn second_factor_confirm(confirm: &SecondFactorConfirm) -> ApiResult<RecoveryCodes> {
    json(send(changing(call(links::SECOND_FACTOR_CONFIRM)), body(confirm)).await?).await
}

/// Turns two-step verification off (password and a code).
pub async fn second_factor_disable(disable: &SecondFactorDisable) -> ApiResult<()> {
    send(changing(call(links::SECOND_FACTOR_DISABLE)), body(disable)).await.map(drop)
}

/// Whether the profile is listed and until when the consent holds.
pub async fn listing_status() -> ApiResult<zelfregie_model::listing::ListingStatus> {
    read(links::LISTING).await
}

/// Renews the consent to be listed for twelve months, with the text shown (the current one).
pub async fn renew_listing() -> ApiResult<zelfregie_model::listing::ListingStatus> {
    let renewal =
        zelfregie_model::listing::ListingRenewal { consent_text_version: zelfregie_model::listing::current().version };
    json(send(changing(call(links::LISTING_RENEW)), body(&renewal)).await?).await
}

/// What changed in the register and the consent texts since the person was last told.
pub async fn register_changes() -> ApiResult<zelfregie_model::register::RegisterNotice> {
    read(links::REGISTER_CHANGES).await
}

/// Marks the versions of `notice` as seen: they are not told again.
pub async fn register_changes_seen(notice: &zelfregie_model::register::RegisterNotice) -> ApiResult<()> {
    let seen = zelfregie_model::register::RegisterSeen {
        register_version: notice.register_version,
        newsletter_text_version: notice.newsletter_text_version,
        listing_text_version: notice.listing_text_version,
    };
    send(changing(call(links::REGISTER_CHANGES_SEEN)), body(&seen)).await.map(drop)
}

/// Asks for an account: the server answers the same for every address and mails a link.
pub async fn register(registration: &Registration) -> ApiResult<()> {
    send(changing(call(links::REGISTER)), body(registration)).await.map(drop)
}

/// Uses a registration link's token with the password chosen on its page: creates the
/// account and logs in.
pub async fn register_confirm(confirm: &RegistrationConfirm) -> ApiResult<SessionInfo> {
    let body = body(confirm);
    json(send(changing(call(links::REGISTER_CONFIRM)), body).await?).await
}

/// Asks to change the login address (the password is asked again); a link goes to the new address.
pub async fn change_email(change: &EmailChange) -> ApiResult<()> {
    send(changing(call(links::EMAIL_CHANGE)), body(change)).await.map(drop)
}

/// Uses the link sent to a new address: it becomes the login address.
pub async fn email_change_confirm(token: &str) -> ApiResult<()> {
    let body = body(&EmailToken { token: token.to_owned() });
    send(changing(call(links::EMAIL_CHANGE_CONFIRM)), body).await.map(drop)
}

/// Logs out on this device.
pub async fn logout() -> ApiResult<()> {
    send(changing(call(links::LOGOUT)), None).await.map(drop)
}

/// Logs out on every device.
pub async fn logout_everywhere() -> ApiResult<()> {
    send(changing(call(links::LOGOUT_EVERYWHERE)), None).await.map(drop)
}

/// `GET path` of a versioned document, with its `ETag`.
pub async fn get_versioned<T: DeserializeOwned>(path: &str) -> ApiResult<Versioned<T>> {
    let response = send(Request::get(path), None).await?;
    let etag = response.headers().get("etag").unwrap_or_default();
    Ok(Versioned { value: json(response).await?, etag })
}

/// `PUT path` of a versioned document with `If-Match: etag`; the stored value and new `ETag`.
pub async fn put_versioned<T: Serialize + DeserializeOwned>(
    path: &str,
    value: &T,
    etag: &str,
) -> ApiResult<Versioned<T>> {
    let builder = changing(Request::put(path)).header("If-Match", etag);
    let response = send(builder, body(value)).await?;
    let etag = response.headers().get("etag").unwrap_or_default();
    Ok(Versioned { value: json(response).await?, etag })
}

/// The profile as recruiters of `partner` receive it now.
pub async fn preview(partner: &str) -> ApiResult<Preview> {
    read_at(links::VISIBILITY_PREVIEW, &[partner]).await
}

/// What the overview shows, in one answer (one round trip on a phone, not five).
pub async fn overview() -> ApiResult<zelfregie_model::overview::Overview> {
    read(links::OVERVIEW).await
}

/// Who saw the profile, newest first: page `page` (from 1).
pub async fn disclosures(page: u32) -> ApiResult<DisclosurePage> {
    get(&format!("{}?page={page}", links::DISCLOSURES.path())).await
}

/// The partners told that the profile was withdrawn, and when.
pub async fn withdrawals() -> ApiResult<Vec<zelfregie_model::disclosure::WithdrawalTold>> {
    read(links::WITHDRAWALS).await
}

/// Saves a draft based on `etag`. A 412 is not an error here: the newer version is fetched
/// and returned, so the page can show it and let the person choose (nothing is lost).
pub async fn save_versioned<T: Serialize + DeserializeOwned>(
    path: &str,
    draft: &T,
    etag: &str,
) -> ApiResult<SaveOutcome<T>> {
    match put_versioned(path, draft, etag).await {
        Ok(saved) => Ok(SaveOutcome::Saved(saved)),
        Err(e) if e.code() == Some(ErrorCode::PreconditionFailed) => {
            Ok(SaveOutcome::Conflict(get_versioned(path).await?))
        }
        Err(e) => Err(e),
    }
}

/// The newsletter status and history.
pub async fn newsletter() -> ApiResult<NewsletterStatus> {
    read(links::NEWSLETTER).await
}

/// Agrees to consent text `text_version` (a confirmation e-mail follows).
pub async fn newsletter_subscribe(text_version: u32) -> ApiResult<NewsletterStatus> {
    json(send(changing(call(links::NEWSLETTER_SUBSCRIBE)), body(&Subscribe { text_version })).await?).await
}

/// Withdraws newsletter consent.
pub async fn newsletter_withdraw() -> ApiResult<NewsletterStatus> {
    json(send(changing(call(links::NEWSLETTER_WITHDRAW)), None).await?).await
}

#[derive(serde::Deserialize)]
struct LinkResult {
    subscription: Subscription,
}

/// Uses a confirmation link's token.
pub async fn newsletter_confirm(token: &str) -> ApiResult<Subscription> {
    let body = body(&EmailToken { token: token.to_owned() });
    let r: LinkResult = json(send(changing(call(links::NEWSLETTER_CONFIRM)), body).await?).await?;
    Ok(r.subscription)
}

/// Uses a one-click unsubscribe token (the same URL mail clients POST to).
pub async fn newsletter_unsubscribe(token: &str) -> ApiResult<Subscription> {
    let path = links::NEWSLETTER_UNSUBSCRIBE.path();
    let url = format!("{path}?{}={}", zelfregie_model::links::TOKEN_PARAM, js_sys::encode_uri_component(token));
    let r: LinkResult = json(send(changing(request(links::NEWSLETTER_UNSUBSCRIBE, &url)), None).await?).await?;
    Ok(r.subscription)
}

/// The participant's own academy page.
pub async fn academy() -> ApiResult<AcademyPage> {
    read(links::ACADEMY).await
}

/// The catalogue.
pub async fn trainings() -> ApiResult<Vec<Training>> {
    read(links::TRAININGS).await
}

/// Enrols in a training (or joins its waiting list).
pub async fn enrol(training_id: i64) -> ApiResult<AcademyPage> {
    json(send(changing(call(links::ENROL)), body(&Enrol { training_id })).await?).await
}

/// Cancels an enrolment.
pub async fn cancel_enrolment(training_id: i64) -> ApiResult<AcademyPage> {
    json(
        send(
            changing(request(links::ENROLMENT_CANCEL, &links::ENROLMENT_CANCEL.at(&[&training_id.to_string()]))),
            None,
        )
        .await?,
    )
    .await
}

/// Stops being a course participant.
pub async fn stop_participating() -> ApiResult<AcademyPage> {
    json(send(changing(call(links::PARTICIPANT_STOP)), None).await?).await
}

/// Sets the language of the account's mails and receipts (the language switch, logged in).
pub async fn set_language(lang: Lang) -> ApiResult<()> {
    let language = zelfregie_model::Language::from_code(lang.tag());
    send(changing(call(links::LANGUAGE)), body(&zelfregie_model::LanguageChoice { language })).await.map(drop)
}

/// Changes the password (the current one is asked again).
pub async fn change_password(change: &PasswordChange) -> ApiResult<()> {
    send(changing(call(links::PASSWORD_CHANGE)), body(change)).await.map(drop)
}

/// The account's passkeys.
pub async fn passkeys() -> ApiResult<Vec<PasskeyInfo>> {
    read(links::PASSKEYS).await
}

/// Starts adding a passkey (the password or a passkey confirmation is given).
pub async fn passkey_add_start(new: &NewPasskey) -> ApiResult<CeremonyStart> {
    json(send(changing(call(links::PASSKEY_ADD_START)), body(new)).await?).await
}

/// Finishes adding a passkey with the browser's answer.
pub async fn passkey_add_finish(finish: &CeremonyFinish) -> ApiResult<PasskeyInfo> {
    json(send(changing(call(links::PASSKEY_ADD_FINISH)), body(finish)).await?).await
}

/// Removes passkey `id`.
pub async fn passkey_remove(id: i64, confirmation: &Confirmation) -> ApiResult<()> {
    send(changing(request(links::PASSKEY_REMOVE, &links::PASSKEY_REMOVE.at(&[&id.to_string()]))), body(confirmation))
        .await
        .map(drop)
}

/// Starts logging in with a passkey.
pub async fn passkey_login_start() -> ApiResult<CeremonyStart> {
    json(send(changing(call(links::PASSKEY_LOGIN_START)), None).await?).await
}

/// Finishes logging in with a passkey.
pub async fn passkey_login_finish(finish: &CeremonyFinish) -> ApiResult<SessionInfo> {
    json(send(changing(call(links::PASSKEY_LOGIN_FINISH)), body(finish)).await?).await
}

/// Starts confirming it is me with a passkey.
pub async fn passkey_confirm_start() -> ApiResult<CeremonyStart> {
    json(send(changing(call(links::REAUTH_PASSKEY_START)), None).await?).await
}

/// Finishes confirming it is me with a passkey.
pub async fn passkey_confirm_finish(finish: &CeremonyFinish) -> ApiResult<()> {
    send(changing(call(links::REAUTH_PASSKEY_FINISH)), body(finish)).await.map(drop)
}

/// Checks the current password (before asking "are you sure?"); changes nothing.
pub async fn check_password(check: &PasswordCheck) -> ApiResult<()> {
    send(changing(call(links::PASSWORD_CHECK)), body(check)).await.map(drop)
}

/// Erases the account and everything held.
pub async fn erase_account(erasure: &Erasure) -> ApiResult<()> {
    send(changing(call(links::ACCOUNT_ERASE)), body(erasure)).await.map(drop)
}

/// Deletes just the candidate profile (the password is asked again).
pub async fn delete_profile(erasure: &Erasure) -> ApiResult<()> {
    send(changing(call(links::PROFILE_DELETE)), body(erasure)).await.map(drop)
}

/// When the person's data will be deleted if they do not log in again.
pub async fn retention() -> ApiResult<RetentionOverview> {
    read(links::RETENTION).await
}

/// The complete export, as the bytes the server sent (they are encrypted as they are).
pub async fn export_bytes() -> ApiResult<Vec<u8>> {
    let response = send(call(links::EXPORT), None).await?;
    response.binary().await.map_err(|_| ClientError::Network)
}

/// Partners that published an age key.
pub async fn partner_keys() -> ApiResult<Vec<PartnerKey>> {
    read(links::TRANSFER_PARTNERS).await
}

/// The person's transfers.
pub async fn transfers() -> ApiResult<Vec<Transfer>> {
    read(links::TRANSFERS).await
}

/// Uploads an age file for `target`.
pub async fn upload_transfer(target: &TransferTarget, file: &[u8]) -> ApiResult<TransferCreated> {
    let query = match (&target.partner, &target.recipient) {
        (Some(slug), _) => format!("partner={}", js_sys::encode_uri_component(slug)),
        (None, Some(key)) => format!("recipient={}", js_sys::encode_uri_component(key)),
        (None, None) => String::new(),
    };
    let request = changing(request(links::TRANSFER_UPLOAD, &format!("{}?{query}", links::TRANSFER_UPLOAD.path())))
        .header("Content-Type", "application/octet-stream")
        .body(js_sys::Uint8Array::from(file))
        .map_err(|_| ClientError::Network)?;
    json(dispatch(request).await?).await
}

/// Revokes a waiting transfer.
pub async fn revoke_transfer(id: i64) -> ApiResult<()> {
    send(changing(request(links::TRANSFER_REVOKE, &links::TRANSFER_REVOKE.at(&[&id.to_string()]))), None)
        .await
        .map(|_| ())
}

/// What a transfer link holds and where it stands; uses nothing up.
pub async fn transfer_link(token: &str) -> ApiResult<TransferLink> {
    read_at(links::TRANSFER_LINK, &[token]).await
}

/// Fetches a transfer link's file (it works once): the bytes and the server's file name.
pub async fn transfer_link_file(token: &str) -> ApiResult<(Vec<u8>, Option<String>)> {
    let response =
        send(changing(request(links::TRANSFER_LINK_FILE, &links::TRANSFER_LINK_FILE.at(&[token]))), None).await?;
    let name = response.headers().get("content-disposition").and_then(|h| crate::format::attachment_file_name(&h));
    let bytes = response.binary().await.map_err(|_| ClientError::Network)?;
    Ok((bytes, name))
}

/// Asks for a password reset link (the answer is the same whether or not an account has the address).
pub async fn password_reset(email: &str) -> ApiResult<()> {
    let request = PasswordResetRequest { email: email.to_owned() };
    send(changing(call(links::PASSWORD_RESET)), body(&request)).await.map(drop)
}

/// Sets a new password with the token from a reset link.
pub async fn password_reset_confirm(reset: &PasswordReset) -> ApiResult<()> {
    send(changing(call(links::PASSWORD_RESET_CONFIRM)), body(reset)).await.map(drop)
}

/// The person's requests about their rights, newest first.
pub async fn my_requests() -> ApiResult<Vec<PrivacyRequest>> {
    read(links::MY_REQUESTS).await
}

/// Files a request.
pub async fn file_request(request: &NewRequest) -> ApiResult<PrivacyRequest> {
    json(send(changing(call(links::REQUEST_FILE)), body(request)).await?).await
}

/// Privacy staff: the open requests by deadline, or (`closed`) the handled ones.
pub async fn request_queue(closed: bool) -> ApiResult<Vec<QueueEntry>> {
    get(&format!("{}?closed={closed}", links::REQUEST_QUEUE.path())).await
}

/// Privacy staff: one request.
pub async fn staff_request(id: &str) -> ApiResult<StaffRequest> {
    read_at(links::STAFF_REQUEST, &[id]).await
}

/// What privacy staff do with a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StaffAction {
    /// Answer (closes it).
    Answer,
    /// Extend the deadline, once.
    Extend,
    /// Close without an answer.
    Close,
}

/// Privacy staff answer, extend or close request `id` with `text` (the answer or the reason).
pub async fn handle_request(id: &str, action: StaffAction, text: &StaffText) -> ApiResult<StaffRequest> {
    let endpoint = match action {
        StaffAction::Answer => links::REQUEST_ANSWER,
        StaffAction::Extend => links::REQUEST_EXTEND,
        StaffAction::Close => links::REQUEST_CLOSE,
    };
    json(send(changing(request(endpoint, &endpoint.at(&[id]))), body(text)).await?).await
}

/// Privacy staff record how they checked the identity and authority of the person who asks
/// for someone else (request `id`).
pub async fn verify_request(id: &str, check: &NewVerification) -> ApiResult<StaffRequest> {
    let path = links::REQUEST_VERIFY.at(&[id]);
    json(send(changing(request(links::REQUEST_VERIFY, &path)), body(check)).await?).await
}

/// The breach notices sent to the person, newest first.
pub async fn my_breach_notices() -> ApiResult<Vec<zelfregie_model::breach::MyNotice>> {
    read(links::MY_BREACH_NOTICES).await
}

/// The person marks a breach notice read; their notices after it.
pub async fn mark_breach_notice_read(id: &str) -> ApiResult<Vec<zelfregie_model::breach::MyNotice>> {
    let path = links::BREACH_NOTICE_READ.at(&[id]);
    json(send(changing(request(links::BREACH_NOTICE_READ, &path)), None).await?).await
}

/// Privacy staff: every breach notice, newest first.
pub async fn breach_notices() -> ApiResult<Vec<zelfregie_model::breach::StaffNotice>> {
    read(links::BREACHES).await
}

/// Privacy staff: one breach notice.
pub async fn breach_notice(id: &str) -> ApiResult<zelfregie_model::breach::StaffNotice> {
    read_at(links::BREACH, &[id]).await
}

/// Privacy staff write a breach notice (a draft).
pub async fn draft_breach_notice(
    notice: &zelfregie_model::breach::NewNotice,
) -> ApiResult<zelfregie_model::breach::StaffNotice> {
    json(send(changing(call(links::BREACH_DRAFT)), body(notice)).await?).await
}

/// Privacy staff: how many people an audience reaches now.
pub async fn preview_breach_audience(
    audience: &zelfregie_model::breach::BreachAudience,
) -> ApiResult<zelfregie_model::breach::AudienceCount> {
    json(send(changing(call(links::BREACH_PREVIEW)), body(audience)).await?).await
}

/// Privacy staff send a draft (once).
pub async fn send_breach_notice(id: &str) -> ApiResult<zelfregie_model::breach::StaffNotice> {
    let path = links::BREACH_SEND.at(&[id]);
    json(send(changing(request(links::BREACH_SEND, &path)), None).await?).await
}

// ---- administration (administrators; the log for privacy staff too) --------------------

/// Administrators: the staff list, open invitations and when it is next to be confirmed.
pub async fn staff_overview() -> ApiResult<zelfregie_model::admin::StaffOverview> {
    read(links::STAFF).await
}

/// Administrators invite someone to work in the portal (a link is mailed).
pub async fn invite(new: &zelfregie_model::admin::NewInvitation) -> ApiResult<zelfregie_model::admin::Invitation> {
    json(send(changing(call(links::INVITE)), body(new)).await?).await
}

/// Administrators withdraw invitation `id` before it is used.
pub async fn withdraw_invitation(id: &str) -> ApiResult<()> {
    let path = links::INVITATION_WITHDRAW.at(&[id]);
    send(changing(request(links::INVITATION_WITHDRAW, &path)), None).await.map(drop)
}

/// What administrators do with a staff account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StaffChange {
    /// It cannot log in until reinstated; its sessions end.
    Suspend,
    /// It may work again.
    Reinstate,
    /// It is deleted.
    Revoke,
}

/// Administrators suspend, reinstate or revoke account `id`.
pub async fn change_staff(id: i64, change: StaffChange) -> ApiResult<()> {
    let endpoint = match change {
        StaffChange::Suspend => links::STAFF_SUSPEND,
        StaffChange::Reinstate => links::STAFF_REINSTATE,
        StaffChange::Revoke => links::STAFF_REVOKE,
    };
    send(changing(request(endpoint, &endpoint.at(&[&id.to_string()]))), None).await.map(drop)
}

/// Administrators confirm the staff list as reviewed; the list after it.
pub async fn confirm_review() -> ApiResult<zelfregie_model::admin::StaffOverview> {
    json(send(changing(call(links::REVIEW)), None).await?).await
}

/// The administration's log, newest first: the page before entry `before` (the first page
/// without).
pub async fn audit(before: Option<i64>) -> ApiResult<zelfregie_model::admin::AuditPage> {
    match before {
        Some(b) => get(&format!("{}?before={b}", links::AUDIT.path())).await,
        None => read(links::AUDIT).await,
    }
}

/// Administrators: every partner with its key in use and the earlier ones.
pub async fn admin_partner_keys() -> ApiResult<Vec<zelfregie_model::admin::PartnerKeys>> {
    read(links::ADMIN_PARTNER_KEYS).await
}

/// Administrators publish (or replace) the key of partner `slug`.
pub async fn publish_partner_key(
    slug: &str,
    key: &zelfregie_model::admin::PublishKey,
) -> ApiResult<zelfregie_model::admin::PartnerKeys> {
    json(send(changing(request(links::PARTNER_KEY_PUBLISH, &links::PARTNER_KEY_PUBLISH.at(&[slug]))), body(key)).await?)
        .await
}

/// Administrators remove the key of partner `slug`: no new transfers to it.
pub async fn remove_partner_key(slug: &str) -> ApiResult<()> {
    send(changing(request(links::PARTNER_KEY_REMOVE, &links::PARTNER_KEY_REMOVE.at(&[slug]))), None).await.map(drop)
}

/// What an invitation link's page shows; reading it changes nothing.
pub async fn invitation(token: &str) -> ApiResult<zelfregie_model::admin::InvitationDetails> {
    read_at(links::INVITATION, &[token]).await
}

/// Uses an invitation with the chosen password: creates the account and logs in.
pub async fn accept_invitation(acceptance: &zelfregie_model::admin::InvitationAcceptance) -> ApiResult<SessionInfo> {
    json(send(changing(call(links::INVITATION_ACCEPT)), body(acceptance)).await?).await
}

/// Academy staff: every training, with the people enrolled and waiting.
pub async fn staff_catalogue() -> ApiResult<Vec<zelfregie_model::academy::StaffTraining>> {
    read(links::CATALOGUE).await
}

/// Academy staff add a training.
pub async fn create_training(
    form: &zelfregie_model::academy::TrainingForm,
) -> ApiResult<zelfregie_model::academy::StaffTraining> {
    json(send(changing(call(links::TRAINING_CREATE)), body(form)).await?).await
}

/// Academy staff change training `id`, as it was at `version` (412 if someone changed it since).
pub async fn update_training(
    id: i64,
    version: i64,
    form: &zelfregie_model::academy::TrainingForm,
) -> ApiResult<zelfregie_model::academy::StaffTraining> {
    let builder = changing(request(links::TRAINING_UPDATE, &links::TRAINING_UPDATE.at(&[&id.to_string()])))
        .header("If-Match", &format!("\"training-{version}\""));
    json(send(builder, body(form)).await?).await
}

/// Academy staff cancel training `id`; everyone enrolled or waiting is told.
pub async fn cancel_training(id: i64) -> ApiResult<zelfregie_model::academy::TrainingCancelled> {
    json(send(changing(request(links::TRAINING_CANCEL, &links::TRAINING_CANCEL.at(&[&id.to_string()]))), None).await?)
        .await
}

/// One page of a recruiter search, after the reference `after` (none: the first page).
pub async fn candidates(
    search: &crate::candidate_search::Search,
    after: Option<&str>,
) -> ApiResult<zelfregie_model::CandidateList> {
    get(&search.api_path(after)).await
}

/// One candidate, as the recruiter's organisation may see them.
pub async fn candidate(reference: &str) -> ApiResult<zelfregie_model::CandidateView> {
    read_at(links::CANDIDATE, &[reference]).await
}
