//! What the browser gets besides the JSON: the SPA's files, security headers, CSRF checks.

pub mod csrf;
pub mod headers;
pub mod limits;
pub mod spa;
