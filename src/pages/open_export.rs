//! Export openen: decrypt an `.age` file in this browser with its passphrase or a secret
//! key and show what is in it, so a person can check what they hold: a zelfregie export in
//! words (the same `DataView` as "Mijn gegevens"), with the raw JSON folded away. Nothing is
//! uploaded.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use zelfregie_model::age_key::check_identity;
use zelfregie_model::export::{ExportDocument, EXPORT_FORMAT};
use zelfregie_model::worker_protocol::{Job, Key};
use zelfregie_model::ErrorCode;

use crate::api::ClientError;
use crate::components::data_view::DataView;
use crate::components::field::{focus_field, FileField, RadioGroup, TextField};
use crate::components::page::Page;
use crate::components::progress::{tracked, JobProgress, Step};
use crate::crypto;
use crate::format::{date_time_words, local, size};
use crate::forms::FormErrors;
use crate::i18n::T;
use crate::locale::Locale;
use crate::submit::{at, Submit};

/// The most text the page shows of an opened file: more is offered as a download. A page
/// with megabytes of text in one element froze for seconds to minutes (issue 24: 56 s for
/// 3 MiB of random bytes, 16 MiB never).
pub const SHOWN_MAX: usize = 256 * 1024;

/// The largest file read as JSON (to recognise an export and pretty-print it); a larger one
/// is shown as text. An export is far smaller.
pub const JSON_MAX: usize = 8 * 1024 * 1024;

/// What an opened file holds, as the page shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    /// When a zelfregie export was made; `None` for any other content.
    pub made: Option<OffsetDateTime>,
    /// The export, when it is one this version reads whole (an older or newer format is
    /// still recognised by `made`, and shown as JSON).
    pub export: Option<ExportDocument>,
    /// The contents as shown: pretty-printed when they are JSON, at most [`SHOWN_MAX`]
    /// bytes of them; `None` when they are not text at all.
    pub text: Option<String>,
    /// Whether `text` is only the beginning.
    pub cut: bool,
    /// What kind of content the file holds.
    pub kind: ContentKind,
    /// The decrypted bytes, to download as they are.
    pub bytes: std::sync::Arc<[u8]>,
}

/// What kind of content an opened file holds, for the download's name and type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContentKind {
    /// JSON (an export or other JSON).
    Json,
    /// Other text (UTF-8).
    Text,
    /// Not text.
    Binary,
}

impl ContentKind {
    /// The downloaded file's name and media type.
    pub fn file(self) -> (&'static str, &'static str) {
        match self {
            ContentKind::Json => ("geopend-bestand.json", "application/json"),
            ContentKind::Text => ("geopend-bestand.txt", "text/plain"),
            ContentKind::Binary => ("geopend-bestand.bin", "application/octet-stream"),
        }
    }
}

/// At most `max` bytes of `text`, cut at a character boundary; and whether it was cut.
fn beginning(text: &str, max: usize) -> (String, bool) {
    if text.len() <= max {
        return (text.to_owned(), false);
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (text[..end].to_owned(), true)
}

impl Opened {
    /// Reads decrypted bytes: an export, other JSON, other text, or something else. Only
    /// bounded work happens here, on the page's thread, whatever the size.
    pub fn from_bytes(bytes: &[u8]) -> Self {
        let all: std::sync::Arc<[u8]> = bytes.into();
        let json = (bytes.len() <= JSON_MAX).then(|| serde_json::from_slice::<serde_json::Value>(bytes).ok()).flatten();
        if let Some(value) = json {
            let is_export = value["format"] == EXPORT_FORMAT;
            let made = value["generated_at"].as_str().and_then(|s| OffsetDateTime::parse(s, &Rfc3339).ok());
            // Read again from the text, not from `value`: `from_value` would compile a second
            // deserializer for every type of the export (docs/build.md, where the bytes go).
            let export = is_export
                .then(|| std::str::from_utf8(bytes).ok().and_then(|s| serde_json::from_str::<ExportDocument>(s).ok()))
                .flatten();
            let (text, cut) = beginning(&serde_json::to_string_pretty(&value).unwrap_or_default(), SHOWN_MAX);
            return Opened {
                made: made.filter(|_| is_export),
                export,
                text: Some(text),
                cut,
                kind: ContentKind::Json,
                bytes: all,
            };
        }
        // Text is judged by its beginning (a cut may fall inside a character at the end).
        let head = &bytes[..bytes.len().min(SHOWN_MAX + 4)];
        let text = match std::str::from_utf8(head) {
            Ok(t) => Some(t),
            Err(e) if e.error_len().is_none() => std::str::from_utf8(&head[..e.valid_up_to()]).ok(),
            Err(_) => None,
        };
        match text {
            Some(t) if !t.chars().any(|c| c == '\0') => {
                let (text, cut) = beginning(t, SHOWN_MAX);
                let cut = cut || bytes.len() > text.len();
                Opened { made: None, export: None, text: Some(text), cut, kind: ContentKind::Text, bytes: all }
            }
            _ => Opened { made: None, export: None, text: None, cut: false, kind: ContentKind::Binary, bytes: all },
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum KeyKind {
    Passphrase,
    Identity,
}

/// The page.
#[component]
pub fn OpenExportPage() -> impl IntoView {
    let locale = Locale::get();
    crypto::warm_up();
    on_cleanup(crypto::stop);
    // The chosen file is read when the form is sent, as part of opening it.
    let file = RwSignal::new_local(None::<web_sys::File>);
    let with = RwSignal::new(KeyKind::Passphrase);
    let passphrase = RwSignal::new(String::new());
    let identity = RwSignal::new(String::new());
    let step = RwSignal::new(None::<Step>);
    let opened = RwSignal::new(None::<Opened>);
    let open = Submit::new(
        "open-error",
        move |(file, key): (web_sys::File, Key)| {
            tracked(step, async move {
                step.set(Some(Step::Starting));
                let bytes = crypto::read_file(&file).await?;
                let report = move |p| step.set(Some(Step::Working(p)));
                crypto::run(&Job::Decrypt { key }, bytes, report).await.map_err(ClientError::from)
            })
        },
        move |plain: Vec<u8>| {
            opened.set(Some(Opened::from_bytes(&plain)));
            // The result is far below the button on a phone: it takes focus, so it is in view.
            focus_field("h-opened");
        },
    );

    // An identity file (as age-keygen writes it) is read into the field: it is small text.
    let on_identity_file = Callback::new(move |picked: Option<web_sys::File>| {
        let Some(picked) = picked else { return };
        open.errors.update(|e| e.fields.retain(|f| f.field != "open-identity"));
        if picked.size() > 1024.0 * 1024.0 {
            open.errors.set(FormErrors::from_validation(at("open-identity")(ErrorCode::TooLong)));
            return;
        }
        leptos::task::spawn_local(async move {
            match crypto::read_file(&picked).await {
                Ok(bytes) => identity.set(String::from_utf8_lossy(&bytes).into_owned()),
                Err(code) => open.errors.set(FormErrors::from_validation(at("open-identity")(code))),
            }
        });
    });
    let on_file = Callback::new(move |picked: Option<web_sys::File>| {
        file.set(picked);
        opened.set(None);
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        opened.set(None);
        let key = match with.get_untracked() {
            KeyKind::Passphrase if passphrase.get_untracked().is_empty() => {
                Err(ErrorCode::Required).map_err(at("open-passphrase"))
            }
            KeyKind::Passphrase => Ok(Key::Passphrase { passphrase: passphrase.get_untracked() }),
            KeyKind::Identity => check_identity(&identity.get_untracked())
                .map(|()| Key::Identity { identity: identity.get_untracked() })
                .map_err(at("open-identity")),
        };
        let chosen = file.get_untracked().ok_or(ErrorCode::Required).map_err(at("open-file"));
        open.submit(chosen.and_then(|file| key.map(|key| (file, key))));
    };
    view! {
        <Page title=T::OpenTitle>
            <p>{locale.text(T::OpenIntro)}</p>
            <form class="form" on:submit=on_submit novalidate>
                <FileField id="open-file" label=T::OpenFileLabel accept=".age,.txt,.asc,application/octet-stream"
                    pick=on_file error=open.error("open-file")/>
                <RadioGroup name="open-with" legend=T::OpenWith chosen=with options=vec![
                    ("open-with-passphrase", T::OpenPassphrase, KeyKind::Passphrase),
                    ("open-with-identity", T::OpenIdentity, KeyKind::Identity),
                ]/>
                {move || match with.get() {
                    KeyKind::Passphrase => view! {
                        <TextField id="open-passphrase" label=T::PassphraseLabel input_type="password" autocomplete="off"
                            value=passphrase error=open.error("open-passphrase")/>
                    }.into_any(),
                    KeyKind::Identity => view! {
                        <TextField id="open-identity" label=T::IdentityLabel hint=T::IdentityHint multiline=true
                            value=identity error=open.error("open-identity")/>
                        <FileField id="open-identity-file" label=T::IdentityFileLabel accept=".txt,.key,text/plain"
                            pick=on_identity_file/>
                    }.into_any(),
                }}
                {open.message()}
                <JobProgress step=step/>
                <button type="submit" class="button-primary" disabled=open.pending()>{locale.text(T::OpenSubmit)}</button>
            </form>
            {move || opened.get().map(|o| view! {
                <section aria-labelledby="h-opened" class="opened">
                    <h2 id="h-opened" tabindex="-1">{locale.text(T::OpenResult)}</h2>
                    {let total = o.bytes.len() as u64;
                    match (o.made, o.kind) {
                        (Some(made), _) => view! {
                            <p role="status">{locale.text(T::OpenSummary)} " "
                                {move || date_time_words(local(made), locale.lang())}</p>
                        }.into_any(),
                        (None, ContentKind::Binary) => view! {
                            <p role="status" class="opened-binary">{locale.text(T::OpenNotText)} " ("
                                {move || size(total, locale.lang())} ")"</p>
                        }.into_any(),
                        (None, _) => view! { <p role="status">{locale.text(T::OpenNotExport)}</p> }.into_any(),
                    }}
                    {o.cut.then(|| view! { <p class="opened-cut">{locale.text(T::OpenShownPart)}</p> })}
                    {match (o.export, o.text) {
                        (Some(doc), text) => {
                            let register = doc.register.clone();
                            view! {
                                <DataView doc=doc register=register level=3/>
                                <details class="raw-json">
                                    <summary>{locale.text(T::DataRawJson)}</summary>
                                    <pre class="opened-contents" tabindex="0" aria-label=locale.text(T::OpenContentsLabel)>{text}</pre>
                                </details>
                            }.into_any()
                        }
                        (None, Some(text)) => view! {
                            <pre class="opened-contents" tabindex="0" aria-label=locale.text(T::OpenContentsLabel)>{text}</pre>
                        }.into_any(),
                        (None, None) => ().into_any(),
                    }}
                    {(o.cut || o.kind == ContentKind::Binary).then(|| {
                        let bytes = o.bytes.clone();
                        let (name, mime) = o.kind.file();
                        view! {
                            <p><button type="button" class="button-secondary opened-download"
                                on:click=move |_| { let _ = crypto::download(&bytes, name, mime); }>
                                {locale.text(T::OpenDownload)}
                            </button></p>
                        }
                    })}
                </section>
            })}
        </Page>
    }
}

#[cfg(test)]
mod tests {
    use super::{ContentKind, Opened, SHOWN_MAX};

    #[test]
    fn an_export_is_recognised_and_pretty_printed() {
        let fixture = include_bytes!("../../tests/fixtures/export.json");
        let o = Opened::from_bytes(fixture);
        assert_eq!(o.made, Some(time::macros::datetime!(2026-11-23 02:52:10 UTC)));
        let doc = o.export.expect("a zelfregie export");
        assert_eq!(doc.candidate_bank.profile.personal.first_name, "Sanne");
        assert!(o.text.as_deref().unwrap().contains("\n  \"format\": \"zelfregie-export\""));
        assert!(!o.cut);
        let other = Opened::from_bytes(b"hello");
        assert_eq!((other.made, other.export, other.text.as_deref()), (None, None, Some("hello")));
        assert_eq!(other.kind, ContentKind::Text);
        let other = Opened::from_bytes(br#"{"format":"other","generated_at":"2026-11-22T10:00:00Z"}"#);
        assert_eq!((other.made, other.export), (None, None));
        let partial = br#"{"format":"zelfregie-export","generated_at":"2026-11-22T10:00:00Z","a":1}"#;
        let broken = Opened::from_bytes(partial);
        assert!(broken.made.is_some(), "still recognised as an export");
        assert_eq!(broken.export, None, "not a whole export: shown as JSON only");
        assert!(broken.text.as_deref().unwrap().contains("\"a\": 1"));
    }

    /// Issue 24: content that is not text froze the page (3 MiB of random bytes took 56 s to
    /// show, 16 MiB never). Whatever is inside, at most `SHOWN_MAX` bytes are shown; bytes
    /// that are not text are not shown at all, and the whole file is offered as a download.
    #[test]
    fn large_or_binary_content_is_bounded_and_offered_as_a_download() {
        let mut x: u32 = 0x1234_5678;
        let random: Vec<u8> = (0..3 * 1024 * 1024)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                x as u8
            })
            .collect();
        let o = Opened::from_bytes(&random);
        assert_eq!((o.kind, o.text.as_deref(), o.made), (ContentKind::Binary, None, None));
        assert_eq!(o.bytes.len(), random.len(), "all of it, for the download");

        let long_text = "één regel tekst\n".repeat(100_000);
        let o = Opened::from_bytes(long_text.as_bytes());
        assert_eq!(o.kind, ContentKind::Text);
        let shown = o.text.unwrap();
        assert!(o.cut && shown.len() <= SHOWN_MAX && long_text.starts_with(&shown));

        let many: Vec<u32> = (0..200_000).collect();
        let o = Opened::from_bytes(serde_json::to_string(&many).unwrap().as_bytes());
        assert_eq!(o.kind, ContentKind::Json);
        assert!(o.cut && o.text.unwrap().len() <= SHOWN_MAX);
        assert_eq!(Opened::from_bytes(b"tekst met \0 erin").kind, ContentKind::Binary);
    }
}
