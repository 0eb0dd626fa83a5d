//! Sending e-mail. Every mail is made by one builder, [`message`]: a well-formed MIME
//! message (lettre's `Message`: CRLF lines, `MIME-Version`, `Message-ID`, `Date`, an RFC 2047
//! subject, `text/plain; charset=utf-8` with the transfer encoding lettre chooses, no line
//! over 998 octets). In production it goes out through SMTP; in demo and test mode the same
//! bytes are written into a local directory, one `.eml` file per message, which the
//! developer and the tests read (README: "Mail in demo mode").
//!
//! Each file is recorded in the database with the account it concerns (or the registration
//! link it carries, until the account exists); a file without a row is deleted after every
//! erasure and at every start (docs/storage.md "The demo's mail folder"). With SMTP nothing
//! is kept.

use std::collections::HashSet;
use std::path::PathBuf;

use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Mailbox, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::store::{self, mail_files, Store};

/// One message.
#[derive(Clone)]
pub struct Mail {
    /// Recipient address.
    pub to: String,
    /// Subject line (any text: encoded by the builder).
    pub subject: String,
    /// Plain-text body (any text, `\n` line ends).
    pub body: String,
    /// Further headers (`List-Unsubscribe`, …), ASCII.
    pub headers: Vec<(String, String)>,
    /// Whom the mail concerns: its demo file goes when that person is erased.
    pub about: About,
}

/// Whom a mail concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum About {
    /// An account (the recipient's, or the participant who named a manager).
    Account(i64),
    /// A registration link, by its token's hash: no account yet. Once the account is made,
    /// the mail concerns it; if the link lapses, the mail goes.
    Registration(Vec<u8>),
}

/// The one builder: `mail` from `from` as a MIME message whose `Message-ID` is in `domain`.
pub fn message(mail: &Mail, from: &Mailbox, domain: &str) -> anyhow::Result<Message> {
    let mut id = [0u8; 16];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut id);
    let mut builder = Message::builder()
        .from(from.clone())
        .to(mail.to.parse()?)
        .subject(mail.subject.clone())
        .date_now()
        .message_id(Some(format!("<{}@{domain}>", hex::encode(id))));
    for (name, value) in &mail.headers {
        builder = builder.raw_header(HeaderValue::new(HeaderName::new_from_ascii(name.clone())?, value.clone()));
    }
    let part = SinglePart::builder().header(ContentType::TEXT_PLAIN).body(mail.body.clone());
    Ok(builder.singlepart(part)?)
}

/// The domain of `Message-ID`s: the portal's (`--public-url`), else the sender's.
pub fn message_id_domain(public_url: Option<&str>, from: &Mailbox) -> String {
    public_url
        .and_then(|u| url::Url::parse(u).ok())
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| from.email.domain().to_owned())
}

/// Where mail goes, and as whom.
#[derive(Clone)]
pub struct Mailer {
    /// The sender.
    from: Mailbox,
    /// The domain of `Message-ID`s.
    domain: String,
    /// The way out.
    route: Route,
}

#[derive(Clone)]
enum Route {
    /// Files in a directory (demo, tests), recorded in the database.
    Directory { dir: PathBuf, db: Store },
    /// An SMTP server: the connection pool (boxed: it is large).
    Smtp(Box<AsyncSmtpTransport<Tokio1Executor>>),
}

impl Mailer {
    /// SMTP from a URL like `smtps://user:pass@smtp.example.org` (lettre's URL syntax).
    pub fn smtp(url: &str, from: &str, public_url: Option<&str>) -> anyhow::Result<Mailer> {
        let from: Mailbox = from.parse()?;
        Ok(Mailer {
            domain: message_id_domain(public_url, &from),
            from,
            route: Route::Smtp(Box::new(AsyncSmtpTransport::<Tokio1Executor>::from_url(url)?.build())),
        })
    }

    /// `.eml` files in `dir`, each recorded in `db`.
    pub fn directory(dir: PathBuf, db: Store, from: &str, public_url: Option<&str>) -> anyhow::Result<Mailer> {
        let from: Mailbox = from.parse()?;
        Ok(Mailer { domain: message_id_domain(public_url, &from), from, route: Route::Directory { dir, db } })
    }

    /// The message `mail` becomes.
    pub fn message(&self, mail: &Mail) -> anyhow::Result<Message> {
        message(mail, &self.from, &self.domain)
    }

    /// In demo mode, deletes every `.eml` file the database does not account for (after an
    /// erasure, and at start: a crash between an erasure's commit and this leaves nothing
    /// for good), with the rows of registration links that lapsed. At `start`, half-written
    /// files left by a crash (a minute old) go too. An SMTP server's copies are the receiving side's;
    /// nothing is kept here. Returns how many files were deleted.
    pub async fn sweep(&self, start: bool) -> anyhow::Result<usize> {
        let Route::Directory { dir, db } = &self.route else { return Ok(0) };
        mail_files::forget_lapsed(db.pool()).await?;
        // The folder is listed before the rows are read: a file is renamed into place only
        // after its row was written, so a file listed here without a row has none for good.
        let mut entries = match tokio::fs::read_dir(dir).await {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
            Err(e) => return Err(e.into()),
        };
        let mut files = Vec::new();
        while let Some(entry) = entries.next_entry().await? {
            files.push(entry.path());
        }
        let known: HashSet<String> = mail_files::names(db.pool()).await?.into_iter().collect();
        let mut deleted = 0;
        for path in files {
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else { continue };
            let orphan = name.ends_with(".eml") && !known.contains(name);
            // Another instance on the same folder may be writing one right now: only a
            // minute-old one is left by a crash.
            let partial = start
                && name.starts_with('.')
                && name.ends_with(".eml.tmp")
                && tokio::fs::metadata(&path)
                    .await
                    .and_then(|m| m.modified())
                    .is_ok_and(|t| t.elapsed().is_ok_and(|age| age.as_secs() >= 60));
            if orphan || partial {
                match tokio::fs::remove_file(&path).await {
                    Ok(()) => deleted += 1,
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(e) => return Err(e.into()),
                }
            }
        }
        Ok(deleted)
    }

    /// Sends `mail`. Failures are reported without the address (no personal data in logs).
    pub async fn send(&self, mail: Mail) -> anyhow::Result<()> {
        let message = self.message(&mail)?;
        match &self.route {
            Route::Directory { dir, db } => {
                tokio::fs::create_dir_all(dir).await?;
                let stamp = time::OffsetDateTime::now_utc().unix_timestamp_nanos();
                let mut suffix = [0u8; 4];
                rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut suffix);
                let name = format!("{stamp}-{}.eml", hex::encode(suffix));
                let (account, registration) = match &mail.about {
                    About::Account(id) => (Some(*id), None),
                    About::Registration(hash) => (None, Some(hash.as_slice())),
                };
                // The row first (it fails when the account is gone), then the file under a
                // temporary name, renamed into place: a reader never sees half a file.
                mail_files::insert(db.pool(), &name, account, registration, store::now()).await?;
                let temporary = dir.join(format!(".{name}.tmp"));
                let written = match tokio::fs::write(&temporary, message.formatted()).await {
                    Ok(()) => tokio::fs::rename(&temporary, dir.join(&name)).await,
                    Err(e) => Err(e),
                };
                if let Err(e) = written {
                    let _ = tokio::fs::remove_file(&temporary).await;
                    mail_files::delete(db.pool(), &name).await?;
                    return Err(e.into());
                }
                // Erased in the meantime: the erasure's sweep may have run before the rename.
                if !mail_files::exists(db.pool(), &name).await? {
                    let _ = tokio::fs::remove_file(dir.join(&name)).await;
                }
                Ok(())
            }
            Route::Smtp(transport) => {
                transport.send(message).await.map_err(|e| {
                    anyhow::anyhow!("smtp: {}", e.status().map_or_else(|| "failed".to_owned(), |c| c.to_string()))
                })?;
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mail(subject: &str, body: &str) -> Mail {
        Mail {
            to: "anna@example.org".into(),
            subject: subject.into(),
            body: body.into(),
            headers: vec![("List-Unsubscribe".into(), "<https://portal.example.org/afmelden?t=abc>".into())],
            about: About::Account(1),
        }
    }

    #[test]
    fn the_builder_makes_well_formed_mime() {
        let from: Mailbox = "IGOM Zelfregie <noreply@igom.nl>".parse().unwrap();
        let long = format!("https://portal.example.org/x?token={}", "a".repeat(1200));
        let m = message(&mail("Één € te veel", &format!("Hé ë €\n\n{long}\n")), &from, "portal.example.org").unwrap();
        let raw = m.formatted();
        let text = String::from_utf8(raw.clone()).unwrap();
        assert!(text.is_ascii(), "{text}");
        for line in text.split("\r\n") {
            assert!(!line.contains('\n') && !line.contains('\r'), "bare line end: {line:?}");
            assert!(line.len() <= 998, "long line");
        }
        let (head, _) = text.split_once("\r\n\r\n").unwrap();
        for needle in [
            "MIME-Version: 1.0\r\n",
            "Content-Type: text/plain; charset=utf-8\r\n",
            "Content-Transfer-Encoding: ",
            "Message-ID: <",
            "@portal.example.org>\r\n",
            "Date: ",
            "Subject: =?utf-8?",
            "List-Unsubscribe: <https://portal.example.org/afmelden?t=abc>\r\n",
        ] {
            assert!(head.contains(needle), "{needle} in {head}");
        }
    }

    #[test]
    fn message_ids_are_in_the_portals_domain_else_the_senders() {
        let from: Mailbox = "IGOM Zelfregie <noreply@igom.nl>".parse().unwrap();
        assert_eq!(message_id_domain(Some("https://zelfregie.igom.nl/"), &from), "zelfregie.igom.nl");
        assert_eq!(message_id_domain(None, &from), "igom.nl");
    }
}
