//! Sending e-mail (the double opt-in link). In production through SMTP (lettre); in demo
//! and test mode into a local outbox directory, one `.eml` file per message, which the
//! developer and the tests read (README: "Mail in demo mode").

use std::path::PathBuf;

use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

/// One message.
#[derive(Clone)]
pub struct Mail {
    /// Recipient address.
    pub to: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
    /// Further headers (`List-Unsubscribe`, …), ASCII.
    pub headers: Vec<(String, String)>,
}

/// Where mail goes.
#[derive(Clone)]
pub enum Mailer {
    /// Files in a directory (demo, tests).
    Directory(PathBuf),
    /// An SMTP server.
    Smtp {
        /// The connection pool (boxed: it is large).
        transport: Box<AsyncSmtpTransport<Tokio1Executor>>,
        /// The sender.
        from: Mailbox,
    },
}

impl Mailer {
    /// SMTP from a URL like `smtps://user:pass@smtp.example.org` (lettre's URL syntax).
    pub fn smtp(url: &str, from: &str) -> anyhow::Result<Mailer> {
        Ok(Mailer::Smtp {
            transport: Box::new(AsyncSmtpTransport::<Tokio1Executor>::from_url(url)?.build()),
            from: from.parse()?,
        })
    }

    /// Forgets the mail sent to `to`: in demo mode its `.eml` files are deleted (an SMTP
    /// server's copies are the receiving side's; nothing is kept here).
    pub async fn forget(&self, to: &str) -> std::io::Result<()> {
        let Mailer::Directory(dir) = self else { return Ok(()) };
        let mut entries = match tokio::fs::read_dir(dir).await {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(e),
        };
        let header = format!("\r\nTo: <{to}>\r\n");
        while let Some(entry) = entries.next_entry().await? {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "eml")
                && tokio::fs::read_to_string(&path).await.is_ok_and(|text| text.contains(&header))
            {
                tokio::fs::remove_file(&path).await?;
            }
        }
        Ok(())
    }

    /// Sends `mail`. Failures are reported without the address (no personal data in logs).
    pub async fn send(&self, mail: Mail) -> anyhow::Result<()> {
        match self {
            Mailer::Directory(dir) => {
                tokio::fs::create_dir_all(dir).await?;
                let stamp = time::OffsetDateTime::now_utc().unix_timestamp_nanos();
                let mut suffix = [0u8; 4];
                rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut suffix);
                let name = format!("{stamp}-{}.eml", hex::encode(suffix));
                let date = time::OffsetDateTime::now_utc()
                    .format(&time::format_description::well_known::Rfc2822)
                    .unwrap_or_default();
                let extra: String = mail.headers.iter().map(|(k, v)| format!("{k}: {v}\r\n")).collect();
                let text = format!(
                    "From: IGOM Zelfregie <noreply@zelfregie.invalid>\r\nTo: <{}>\r\nSubject: {}\r\nDate: {date}\r\n{extra}\
                     Content-Type: text/plain; charset=utf-8\r\n\r\n{}\r\n",
                    mail.to, mail.subject, mail.body
                );
                tokio::fs::write(dir.join(name), text).await?;
                Ok(())
            }
            Mailer::Smtp { transport, from } => {
                let mut builder = Message::builder().from(from.clone()).to(mail.to.parse()?).subject(mail.subject);
                for (name, value) in mail.headers {
                    builder = builder.raw_header(HeaderValue::new(HeaderName::new_from_ascii(name)?, value));
                }
                let message = builder.header(ContentType::TEXT_PLAIN).body(mail.body)?;
                transport.send(message).await.map_err(|e| {
                    anyhow::anyhow!("smtp: {}", e.status().map_or_else(|| "failed".to_owned(), |c| c.to_string()))
                })?;
                Ok(())
            }
        }
    }
}
