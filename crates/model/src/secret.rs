//! Values that must never reach a log line through `Debug`.

use serde::{Deserialize, Serialize};

/// A password as typed by the person. `Debug` prints a placeholder, never the value
/// (ASVS 5.0 16.2.5: no credentials in logs).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String, format = Password))]
#[serde(transparent)]
pub struct Password(String);

impl Password {
    /// Wraps a typed password.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The password itself, for hashing or verifying only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(\"***\")")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_the_value() {
        let p = Password::new("canary-geheim-123");
        assert!(!format!("{p:?}").contains("canary"));
        assert!(!format!("{:#?}", Some(p)).contains("canary"));
    }
}
