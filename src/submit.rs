//! One way to submit. Every form and every button that changes something goes through
//! [`Submit`] (a [`VersionedForm`](crate::versioned_form::VersionedForm) too, inside): the
//! shared model's checks run first; the button is disabled while the request is under way;
//! the server's per-field codes land on their fields; and focus moves to the first field with
//! an error, or else to the form's error message, so a keyboard or screen-reader user is taken
//! to what needs attention (WCAG 3.3.1). A save that finds the session ended waits, with
//! what was typed, for the login dialog and is sent again after it (`relogin.rs`). Pages
//! only say what to send and what to do with the answer.

use std::future::Future;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use zelfregie_model::{ErrorCode, FieldError};

use crate::api::ApiResult;
use crate::components::field::focus_field;
use crate::components::notice::ErrorNotice;
use crate::forms::{field_error, FormErrors};
use crate::relogin::Relogin;

/// What a form sends once the checks pass, or what the checks found.
pub type Checked<I> = Result<I, Vec<FieldError>>;

/// `value`, if `validate` (the shared model's rules) finds nothing wrong with it.
pub fn checked<I>(value: I, validate: impl FnOnce(&I) -> Vec<FieldError>) -> Checked<I> {
    let found = validate(&value);
    if found.is_empty() {
        Ok(value)
    } else {
        Err(found)
    }
}

/// Turns the code of a single check into the failure of `field`.
pub fn at(field: &str) -> impl FnOnce(ErrorCode) -> Vec<FieldError> + '_ {
    move |code| vec![FieldError::new(field, code)]
}

/// Where focus goes once `errors` are shown: the input of the first field with an error
/// (`field_id` maps a field to its input's id), else the form's message, else nowhere.
pub fn focus_target(errors: &FormErrors, field_id: impl Fn(&str) -> String, message_id: &str) -> Option<String> {
    match (errors.first_field(), &errors.general) {
        (Some(field), _) => Some(field_id(field)),
        (None, Some(_)) => Some(message_id.to_owned()),
        (None, None) => None,
    }
}

/// Handles of one form's submission; `Copy`, to move into closures freely. `I` is what is
/// sent.
pub struct Submit<I: 'static> {
    action: Action<I, ()>,
    /// The errors the form shows: the checks' and the server's alike.
    pub errors: RwSignal<FormErrors>,
    field_id: fn(&str) -> String,
    message_id: &'static str,
}

impl<I: 'static> Clone for Submit<I> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<I: 'static> Copy for Submit<I> {}

impl<I: Clone + 'static> Submit<I> {
    /// A submission whose field names are the ids of their inputs. `message_id` is the id
    /// of the form's error message ([`Submit::message`]); `send` does the request, `done`
    /// gets its answer.
    pub fn new<O, Fut>(message_id: &'static str, send: impl Fn(I) -> Fut + 'static, done: impl Fn(O) + 'static) -> Self
    where
        O: 'static,
        Fut: Future<Output = ApiResult<O>> + 'static,
    {
        Self::with_field_ids(message_id, str::to_owned, send, done)
    }

    /// As [`Submit::new`], with `field_id` mapping a field's name to its input's id.
    pub fn with_field_ids<O, Fut>(
        message_id: &'static str,
        field_id: fn(&str) -> String,
        send: impl Fn(I) -> Fut + 'static,
        done: impl Fn(O) + 'static,
    ) -> Self
    where
        O: 'static,
        Fut: Future<Output = ApiResult<O>> + 'static,
    {
        let errors = RwSignal::new(FormErrors::default());
        let done = Rc::new(done);
        let relogin = Relogin::try_get().map(|r| (r, r.key()));
        if let Some((relogin, key)) = relogin {
            on_cleanup(move || relogin.forget(key));
        }
        // The action itself, for sending again after a login.
        let this = StoredValue::new_local(None::<Action<I, ()>>);
        let action = Action::new_local(move |input: &I| {
            let input = input.clone();
            let sent = send(input.clone());
            let done = Rc::clone(&done);
            // The element that sent it (its button, disabled while it works, loses focus).
            let origin = document().active_element();
            async move {
                let _back = FocusBack(origin);
                match sent.await {
                    Ok(answer) => done(answer),
                    Err(error) => {
                        let resend = move || {
                            if let Some(Some(action)) = this.try_get_value() {
                                action.dispatch_local(input);
                            }
                        };
                        let waits = error.code() == Some(ErrorCode::Unauthenticated)
                            && relogin.is_some_and(|(relogin, key)| relogin.retry_after_login(key, resend));
                        if !waits {
                            show(errors, FormErrors::from_client(error), field_id, message_id);
                        }
                    }
                }
            }
        });
        this.set_value(Some(action));
        Submit { action, errors, field_id, message_id }
    }

    /// Shows what the checks found and moves focus there, or sends `checked` if they found
    /// nothing. Ignored while an earlier submission is under way.
    pub fn submit(self, checked: Checked<I>) {
        if self.action.pending().get_untracked() {
            return;
        }
        match checked {
            Ok(input) => {
                self.errors.set(FormErrors::default());
                self.action.dispatch_local(input);
            }
            Err(found) => show(self.errors, FormErrors::from_validation(found), self.field_id, self.message_id),
        }
    }

    /// Whether a submission is under way (the button is disabled meanwhile).
    pub fn pending(self) -> Memo<bool> {
        self.action.pending()
    }

    /// Whether `input` is what is being sent now (for a "busy" label on its own button).
    pub fn sending(self, input: &I) -> bool
    where
        I: PartialEq,
    {
        self.action.input().with(|sent| sent.as_ref() == Some(input))
    }

    /// The error to show at `field`.
    pub fn error(self, field: impl Into<String>) -> Signal<Option<ErrorCode>> {
        field_error(self.errors, field)
    }

    /// The form's error message (an error about the whole form: wrong password, network,
    /// server); focus moves here when no field is to blame.
    pub fn message(self) -> impl IntoView {
        let id = self.message_id;
        move || self.errors.get().general.map(|error| view! { <ErrorNotice error=error id=id/> })
    }
}

/// When a submission ends: if focus fell to the page (the button that sent it was disabled
/// while it worked, issue 25) and nothing else took it, it goes back to that button, still on
/// the page, so a keyboard user goes on from where they were. Runs after the answer's own
/// focus moves (a status, a field with an error), which come first.
struct FocusBack(Option<web_sys::Element>);

impl Drop for FocusBack {
    fn drop(&mut self) {
        let Some(origin) = self.0.take() else { return };
        request_animation_frame(move || {
            let lost = document().active_element().is_none_or(|a| a.tag_name().eq_ignore_ascii_case("body"));
            if lost && origin.is_connected() {
                if let Ok(el) = origin.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
}

/// Shows `found` and moves focus to it. The page may be gone by the time a request fails
/// (the person moved on): then there is nothing to show.
fn show(errors: RwSignal<FormErrors>, found: FormErrors, field_id: fn(&str) -> String, message_id: &str) {
    let target = focus_target(&found, field_id, message_id);
    if errors.try_set(found).is_none() {
        if let Some(id) = target {
            focus_field(&id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ClientError;
    use zelfregie_model::ApiError;

    #[test]
    fn checked_passes_only_what_the_rules_accept() {
        let rule = |s: &String| if s.is_empty() { vec![FieldError::new("name", ErrorCode::Required)] } else { vec![] };
        assert_eq!(checked("Anna".to_owned(), rule), Ok("Anna".to_owned()));
        assert_eq!(checked(String::new(), rule), Err(vec![FieldError::new("name", ErrorCode::Required)]));
        assert_eq!(
            Err::<(), _>(ErrorCode::TooLong).map_err(at("bio")),
            Err(vec![FieldError::new("bio", ErrorCode::TooLong)])
        );
    }

    #[test]
    fn focus_goes_to_the_first_field_with_an_error() {
        let errors = FormErrors::from_validation(vec![
            FieldError::new("password", ErrorCode::Required),
            FieldError::new("email", ErrorCode::EmailInvalid),
        ]);
        let id = focus_target(&errors, |f| format!("erase-{f}"), "erase-error");
        assert_eq!(id.as_deref(), Some("erase-password"));
    }

    #[test]
    fn server_field_codes_take_focus_to_their_field() {
        let error =
            ClientError::Api(ApiError::validation(vec![FieldError::new("new_password", ErrorCode::PasswordTooCommon)]));
        let id = focus_target(&FormErrors::from_client(error), str::to_owned, "password-error");
        assert_eq!(id.as_deref(), Some("new_password"));
    }

    #[test]
    fn without_a_field_to_blame_focus_goes_to_the_message() {
        let wrong = FormErrors::from_client(ClientError::Api(ApiError::new(ErrorCode::InvalidCredentials)));
        assert_eq!(focus_target(&wrong, str::to_owned, "login-error").as_deref(), Some("login-error"));
        let offline = FormErrors::from_client(ClientError::Network);
        assert_eq!(focus_target(&offline, str::to_owned, "login-error").as_deref(), Some("login-error"));
        assert_eq!(focus_target(&FormErrors::default(), str::to_owned, "login-error"), None);
    }
}
