//! The portal's two cookies: the session's and the mailbox proof's (docs/security.md
//! "Sessions", "Mails to an address"). Both HttpOnly, SameSite=Strict, Path=/, no Domain;
//! over TLS also Secure, with the `__Host-` prefix (ASVS 5.0 3.3.1, 3.3.3).

use axum::http::{header, HeaderMap, HeaderValue};
use zelfregie_domain::auth::mailbox;
use zelfregie_domain::Services;

/// The cookies' flags.
#[derive(Clone, Copy, Debug)]
pub struct Cookies {
    /// Served over TLS: `Secure` and the `__Host-` prefix.
    pub secure: bool,
    /// Seconds the session cookie is kept: the absolute timeout, so the browser never keeps
    /// it longer than the server honours it.
    pub session_max_age: i64,
}

impl Cookies {
    /// The session cookie's name.
    pub fn session_name(&self) -> &'static str {
        if self.secure {
            "__Host-zelfregie-session"
        } else {
            "zelfregie-session"
        }
    }

    /// The mailbox proof's name.
    fn mailbox_name(&self) -> &'static str {
        if self.secure {
            "__Host-zelfregie-mailbox"
        } else {
            "zelfregie-mailbox"
        }
    }

    fn set(&self, name: &str, value: &str, max_age: i64) -> HeaderValue {
        let secure = if self.secure { "; Secure" } else { "" };
        HeaderValue::from_str(&format!("{name}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Strict{secure}"))
            .expect("cookie values are base64url")
    }

    /// `Set-Cookie` for a new session.
    pub fn set_session(&self, token: &str) -> HeaderValue {
        self.set(self.session_name(), token, self.session_max_age)
    }

    /// `Set-Cookie` that removes the session cookie.
    pub fn clear_session(&self) -> HeaderValue {
        self.set(self.session_name(), "", 0)
    }

    /// The session token the request carries, if any.
    pub fn session<'a>(&self, headers: &'a HeaderMap) -> Option<&'a str> {
        cookie(headers, self.session_name())
    }

    /// `Set-Cookie` that marks this browser as one that reads `email`'s mailbox.
    pub fn set_mailbox(&self, services: &Services, email: &str) -> HeaderValue {
        self.set(self.mailbox_name(), &mailbox::proof(services, email), mailbox::PROOF_MAX_AGE_SECS)
    }

    /// Whether the request carries the proof that it reads `email`'s mailbox.
    pub fn mailbox_proven(&self, services: &Services, headers: &HeaderMap, email: &str) -> bool {
        mailbox::proven(services, cookie(headers, self.mailbox_name()), email)
    }
}

/// The value of the cookie `name` the request carries, if any (the first, when several).
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
        .filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cookies(secure: bool) -> Cookies {
        Cookies { secure, session_max_age: 43200 }
    }

    #[test]
    fn cookie_flags_over_plain_http() {
        let c = cookies(false).set_session("abc");
        assert_eq!(c, "zelfregie-session=abc; Path=/; Max-Age=43200; HttpOnly; SameSite=Strict");
    }

    #[test]
    fn cookie_flags_over_tls_use_the_host_prefix() {
        let c = cookies(true).set_session("abc");
        let c = c.to_str().unwrap();
        assert!(c.starts_with("__Host-zelfregie-session=abc; Path=/;"));
        assert!(c.ends_with("; HttpOnly; SameSite=Strict; Secure"));
        assert!(!c.contains("Domain"), "__Host- forbids Domain");
    }

    #[test]
    fn a_cleared_session_cookie_expires_at_once() {
        let c = cookies(false).clear_session();
        assert_eq!(c, "zelfregie-session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
    }

    #[test]
    fn token_is_read_from_among_other_cookies() {
        let mut h = HeaderMap::new();
        h.insert(header::COOKIE, HeaderValue::from_static("a=1; zelfregie-session=tok; b=2"));
        assert_eq!(cookies(false).session(&h), Some("tok"));
        assert_eq!(cookies(true).session(&h), None, "over TLS only the __Host- cookie counts");
    }
}
