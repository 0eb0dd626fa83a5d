//! Browser tests (wasm-bindgen-test in headless Chromium): the code that only makes sense
//! in a browser — the DOM, localStorage, the browser's date formatting — mounted and clicked.
#![cfg(target_arch = "wasm32")]
#![allow(missing_docs)]

use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use zelfregie::api::ClientError;
use zelfregie::components::field::TextField;
use zelfregie::components::language_switch::LanguageSwitch;
use zelfregie::components::notice::ErrorNotice;
use zelfregie::i18n::{Lang, T};
use zelfregie::locale::{self, Locale, STORAGE_KEY};
use zelfregie_model::{ApiError, ErrorCode};

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

/// Mounts `f` in a fresh container and returns the container.
fn mount<F, N>(f: F) -> web_sys::HtmlElement
where
    F: FnOnce() -> N + 'static,
    N: IntoView,
{
    let container = document().create_element("div").unwrap().unchecked_into::<web_sys::HtmlElement>();
    document().body().unwrap().append_child(&container).unwrap();
    leptos::mount::mount_to(container.clone(), f).forget();
    container
}

fn find(container: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    container.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).unchecked_into()
}

#[wasm_bindgen_test]
async fn the_language_switch_translates_and_remembers_without_personal_data() {
    storage().clear().unwrap();
    let container = mount(|| {
        let locale = Locale::provide();
        view! {
            <LanguageSwitch/>
            <p class="probe">{locale.text(T::NavLogin)}</p>
        }
    });
    tick().await;
    let button = find(&container, "button");
    let probe = find(&container, ".probe");
    assert_eq!(button.text_content().unwrap(), "English");
    assert_eq!(button.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(probe.text_content().unwrap(), "Inloggen");

    button.click();
    tick().await;
    assert_eq!(button.text_content().unwrap(), "Nederlands");
    assert_eq!(probe.text_content().unwrap(), "Log in");
    let root = document().document_element().unwrap();
    assert_eq!(root.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(storage().get_item(STORAGE_KEY).unwrap().as_deref(), Some("en"));
    assert_eq!(storage().length().unwrap(), 1, "only the language choice is stored");

    button.click();
    tick().await;
    assert_eq!(probe.text_content().unwrap(), "Inloggen");
    assert_eq!(storage().get_item(STORAGE_KEY).unwrap().as_deref(), Some("nl"));
    container.remove();
}

#[wasm_bindgen_test]
fn a_remembered_choice_is_restored() {
    storage().set_item(STORAGE_KEY, "en").unwrap();
    assert_eq!(locale::stored_lang(), Some(Lang::En));
    storage().set_item(STORAGE_KEY, "klingon").unwrap();
    assert_eq!(locale::stored_lang(), Some(Lang::Nl), "unknown values fall back to Dutch");
    storage().clear().unwrap();
    assert_eq!(locale::stored_lang(), None);
}

#[wasm_bindgen_test]
async fn an_api_error_is_announced_as_a_sentence() {
    storage().clear().unwrap();
    let container = mount(|| {
        Locale::provide();
        view! { <ErrorNotice error=ClientError::Api(ApiError::new(ErrorCode::InvalidCredentials))/> }
    });
    tick().await;
    let alert = find(&container, "[role=alert]");
    assert_eq!(alert.text_content().unwrap(), "E-mailadres of wachtwoord klopt niet.");
    container.remove();
}

#[wasm_bindgen_test]
async fn a_field_ties_its_hint_and_error_to_the_input() {
    storage().clear().unwrap();
    let error = RwSignal::new(None::<ErrorCode>);
    let value = RwSignal::new(String::new());
    let container = mount(move || {
        Locale::provide();
        view! {
            <TextField id="pw" label=T::PasswordLabel value=value input_type="password"
                autocomplete="new-password" hint=T::NewPasswordHint error=error/>
        }
    });
    tick().await;
    let input: web_sys::HtmlInputElement = find(&container, "input").unchecked_into();
    let label = find(&container, "label");
    assert_eq!(label.get_attribute("for").as_deref(), Some("pw"));
    assert_eq!(input.get_attribute("aria-invalid"), None);
    assert_eq!(input.get_attribute("aria-describedby").as_deref(), Some("pw-hint"));

    error.set(Some(ErrorCode::PasswordTooShort));
    tick().await;
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(input.get_attribute("aria-describedby").as_deref(), Some("pw-hint pw-error"));
    assert_eq!(
        find(&container, "#pw-error").text_content().unwrap(),
        "Je wachtwoord moet minstens 12 tekens lang zijn."
    );

    // Typing updates the bound value.
    input.set_value("paarse olifant");
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    tick().await;
    assert_eq!(value.get_untracked(), "paarse olifant");
    container.remove();
}

#[wasm_bindgen_test]
fn dates_are_written_in_the_persons_language() {
    let at = time::macros::datetime!(2026-11-22 12:00 UTC);
    let nl = zelfregie::format::date_time(at, Lang::Nl);
    let en = zelfregie::format::date_time(at, Lang::En);
    assert!(nl.contains("november 2026"), "{nl}");
    assert!(en.contains("November 2026"), "{en}");
}

/// `now` and `local` come from the browser's clock and time zone: `OffsetDateTime::now_utc`
/// panics on wasm32, and a moment moved to local time is still the same moment.
#[wasm_bindgen_test]
fn now_and_local_time_come_from_the_browser() {
    let now = zelfregie::format::now();
    let js = js_sys::Date::now() / 1000.0;
    assert!((now.unix_timestamp() as f64 - js).abs() < 5.0, "{now} vs {js}");
    let at = time::macros::datetime!(2031-03-03 09:00 UTC);
    let local = zelfregie::format::local(at);
    assert_eq!(local, at, "the same instant");
    let minutes = -js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(1_930_294_800_000.0)).get_timezone_offset();
    assert_eq!(i32::from(local.offset().whole_minutes()), minutes as i32);
    assert!(zelfregie::format::date_time_words(local, Lang::Nl).starts_with("3 maart 2031 om "));
}

/// The person's own data in words, mounted: the demo-like export's values are there, a
/// list is a list, and no raw JSON is on screen.
#[wasm_bindgen_test]
async fn the_data_view_renders_the_export_in_words() {
    use zelfregie::components::data_view::DataView;
    use zelfregie_model::export::ExportDocument;
    let doc: ExportDocument = serde_json::from_str(include_str!("fixtures/export.json")).unwrap();
    let register = doc.register.clone();
    let container = mount(move || {
        Locale::provide();
        view! { <DataView doc=doc register=register/> }
    });
    tick().await;
    let text = container.text_content().unwrap_or_default();
    for expected in
        ["Sanne van Dijk", "Markt 33, 6461 EC Kerkrade", "Projectmatig werken", "Bezwaar maken", "Postbus 93374"]
    {
        assert!(text.contains(expected), "{expected} missing");
    }
    assert!(!text.contains("\"first_name\"") && !text.contains("2031-03-03T"), "raw JSON on screen");
    let item = container.query_selector(".held dd > ul:not(.records) > li").unwrap();
    assert!(item.is_some_and(|li| li.text_content().unwrap_or_default() == "Samenwerken"), "lists as lists");
    container.remove();
}

#[wasm_bindgen_test]
async fn a_radio_group_is_a_labelled_fieldset_that_sets_its_value() {
    use zelfregie::components::field::RadioGroup;
    let chosen = RwSignal::new(1u8);
    let container = mount(move || {
        Locale::provide();
        view! {
            <RadioGroup name="probe" legend=T::ProtectWith chosen=chosen options=vec![
                ("probe-a", T::ProtectPassphrase, 1u8),
                ("probe-b", T::ProtectRecipients, 2u8),
            ]/>
        }
    });
    tick().await;
    assert_eq!(find(&container, "fieldset legend").text_content().unwrap(), T::ProtectWith.get(Lang::Nl));
    let a: web_sys::HtmlInputElement = find(&container, "#probe-a").unchecked_into();
    let b: web_sys::HtmlInputElement = find(&container, "#probe-b").unchecked_into();
    assert!(a.checked() && !b.checked());
    assert_eq!(find(&container, "label[for=probe-b]").text_content().unwrap(), T::ProtectRecipients.get(Lang::Nl));
    b.click();
    tick().await;
    assert_eq!(chosen.get_untracked(), 2);
    chosen.set(1);
    tick().await;
    assert!(a.checked() && !b.checked(), "the signal drives the buttons too");
}

#[wasm_bindgen_test]
fn crypto_failures_read_as_sentences_in_both_languages() {
    use zelfregie::i18n::error_text;
    for code in [ErrorCode::WrongPassphrase, ErrorCode::NoMatchingKey, ErrorCode::NotEncrypted, ErrorCode::FileDamaged]
    {
        let (nl, en) = (error_text(code, Lang::Nl), error_text(code, Lang::En));
        assert!(nl.ends_with('.') && en.ends_with('.') && nl != en, "{code:?}");
    }
    assert_eq!(
        error_text(ErrorCode::WrongPassphrase, Lang::Nl),
        "Dit wachtwoord opent het bestand niet. Controleer het en probeer opnieuw."
    );
}

/// Waits for the next two animation frames (focus moves a frame after render).
async fn frames() {
    for _ in 0..2 {
        let frame = js_sys::Promise::new(&mut |resolve, _| {
            window().request_animation_frame(&resolve).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
    }
}

fn focused_id() -> Option<String> {
    document().active_element().map(|e| e.id())
}

#[wasm_bindgen_test]
async fn loaded_data_shows_after_the_loading_message_and_a_failure_as_an_alert() {
    use zelfregie::components::loaded::Loaded;
    storage().clear().unwrap();
    // Loads once `release` is called: until then the loading message shows.
    let mut release = None;
    let gate = js_sys::Promise::new(&mut |resolve, _| release = Some(resolve));
    let container = mount(move || {
        Locale::provide();
        let good = LocalResource::new(move || {
            let gate = wasm_bindgen_futures::JsFuture::from(gate.clone());
            async move {
                gate.await.unwrap();
                Ok::<_, ClientError>("geladen".to_owned())
            }
        });
        let bad = LocalResource::new(|| async { Err::<String, _>(ClientError::Network) });
        view! {
            <div class="good"><Loaded resource=good let:text><p class="probe">{text}</p></Loaded></div>
            <div class="bad"><Loaded resource=bad let:text><p>{text}</p></Loaded></div>
        }
    });
    for _ in 0..3 {
        tick().await;
    }
    assert_eq!(find(&container, ".good [role=status]").text_content().unwrap(), "Laden…");
    release.unwrap().call0(&wasm_bindgen::JsValue::NULL).unwrap();
    for _ in 0..5 {
        tick().await;
    }
    assert_eq!(find(&container, ".good .probe").text_content().unwrap(), "geladen");
    assert!(find(&container, ".bad [role=alert]").text_content().unwrap().len() > 10);
    container.remove();
}

#[wasm_bindgen_test]
async fn a_submission_takes_focus_to_the_first_invalid_field_or_to_its_message() {
    use zelfregie::submit::{checked, Submit};
    use zelfregie_model::FieldError;
    storage().clear().unwrap();
    let sent = RwSignal::new(0u32);
    let form = RwSignal::new(None::<Submit<String>>);
    let container = mount(move || {
        Locale::provide();
        let submit = Submit::new(
            "probe-error",
            move |_: String| async move {
                sent.update(|n| *n += 1);
                Err::<(), _>(ClientError::Api(ApiError::new(ErrorCode::InvalidCredentials)))
            },
            |()| {},
        );
        form.set(Some(submit));
        let first = RwSignal::new(String::new());
        let second = RwSignal::new(String::new());
        view! {
            {submit.message()}
            <TextField id="first" label=T::EmailLabel value=first error=submit.error("first")/>
            <TextField id="second" label=T::PasswordLabel value=second error=submit.error("second")/>
        }
    });
    tick().await;
    let submit = form.get_untracked().unwrap();
    let rules = |_: &String| {
        vec![FieldError::new("second", ErrorCode::Required), FieldError::new("first", ErrorCode::EmailInvalid)]
    };
    submit.submit(checked(String::new(), rules));
    tick().await;
    frames().await;
    assert_eq!(focused_id().as_deref(), Some("second"), "the first error the model found");
    assert_eq!(find(&container, "#second").get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(sent.get_untracked(), 0, "nothing is sent while a check fails");

    submit.submit(Ok("fine".to_owned()));
    for _ in 0..5 {
        tick().await;
    }
    frames().await;
    assert_eq!(sent.get_untracked(), 1);
    assert_eq!(focused_id().as_deref(), Some("probe-error"), "no field to blame: the message");
    assert_eq!(find(&container, "#probe-error").text_content().unwrap(), "E-mailadres of wachtwoord klopt niet.");
    assert_eq!(find(&container, "#second").get_attribute("aria-invalid"), None, "the old field errors are gone");
    container.remove();
}
