//! The HTTP client the domain's outbox posts to the mailing processor with
//! (`zelfregie_domain::outbox::WebhookClient`).

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use zelfregie_domain::outbox::WebhookClient;

/// `reqwest`, with its connection pool shared by every delivery.
pub struct Reqwest(pub reqwest::Client);

impl WebhookClient for Reqwest {
    fn post<'a>(
        &'a self,
        url: &'a str,
        headers: Vec<(&'static str, String)>,
        body: String,
        timeout: Duration,
    ) -> Pin<Box<dyn Future<Output = Result<u16, String>> + Send + 'a>> {
        Box::pin(async move {
            let mut request = self.0.post(url).timeout(timeout).body(body);
            for (name, value) in headers {
                request = request.header(name, value);
            }
            let response = request.send().await.map_err(|e| {
                if e.is_timeout() {
                    "timeout".to_owned()
                } else {
                    "connection failed".to_owned()
                }
            })?;
            Ok(response.status().as_u16())
        })
    }
}
