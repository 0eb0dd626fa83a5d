//! Sending e-mail (the double opt-in link). In production through SMTP (lettre); in demo
//! and test mode into a local outbox directory, one `.eml` file per message, which the
//! developer and the tests read (README: "Mail in demo mode").

use std::path::PathBuf;

use lettre::message::{header::ContentType, Mailbox};
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
                let text = format!(
                    "From: IGOM Zelfregie <noreply@zelfregie.invalid>\r\nTo: <{}>\r\nSubject: {}\r\nDate: {date}\r\n\
                     Content-Type: text/plain; charset=utf-8\r\n\r\n{}\r\n",
                    mail.to, mail.subject, mail.body
                );
                tokio::fs::write(dir.join(name), text).await?;
                Ok(())
            }
            Mailer::Smtp { transport, from } => {
                let message = Message::builder()
                    .from(from.clone())
                    .to(mail.to.parse()?)
                    .subject(mail.subject)
                    .header(ContentType::TEXT_PLAIN)
                    .body(mail.body)?;
                transport.send(message).await.map_err(|e| {
                    anyhow::anyhow!("smtp: {}", e.status().map_or_else(|| "failed".to_owned(), |c| c.to_string()))
                })?;
                Ok(())
            }
        }
    }
}
