//! What the server's integration tests may reach past the use cases: the store's reads and
//! writes they set up or check a database with. Only with feature `testing`, which only
//! the server's dev-dependencies turn on: a build that serves has no such door.

pub use crate::store::{
    accounts, candidate_index, documents, now, privacy_requests, retention, throttle, to_datetime, Backend,
};
