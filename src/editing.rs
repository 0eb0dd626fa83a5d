//! Editing a versioned document (profile, visibility) safely from two devices: the draft,
//! the version it started from, and what to do when the server says someone else saved in
//! between (412). Plain logic, tested natively; pages only render it.

/// A value with the `ETag` it was read or saved with.
#[derive(Clone, Debug, PartialEq)]
pub struct Versioned<T> {
    /// The document.
    pub value: T,
    /// Its `ETag`, to send back as `If-Match`.
    pub etag: String,
}

/// How a save ended.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveOutcome<T> {
    /// Stored; this is what the server kept.
    Saved(Versioned<T>),
    /// Someone saved in between; this is the newer version.
    Conflict(Versioned<T>),
}

/// The state of an edit.
#[derive(Clone, Debug, PartialEq)]
pub struct Editor<T> {
    /// The version the edit is based on.
    pub base: Versioned<T>,
    /// What the person has typed.
    pub draft: T,
    /// A newer version the server reported while saving (412), awaiting a choice.
    pub conflict: Option<Versioned<T>>,
}

impl<T: Clone + PartialEq> Editor<T> {
    /// Starts editing `loaded`.
    pub fn new(loaded: Versioned<T>) -> Self {
        Editor { draft: loaded.value.clone(), base: loaded, conflict: None }
    }

    /// Whether there are unsaved changes.
    pub fn is_dirty(&self) -> bool {
        self.draft != self.base.value
    }

    /// The server stored `saved` (normalised, perhaps): that is the new base and draft.
    pub fn saved(&mut self, saved: Versioned<T>) {
        self.draft = saved.value.clone();
        self.base = saved;
        self.conflict = None;
    }

    /// Someone saved `newer` after this edit began. The draft is kept.
    pub fn conflicted(&mut self, newer: Versioned<T>) {
        self.conflict = Some(newer);
    }

    /// Keep my draft, now based on the newer version: the next save overwrites it knowingly.
    pub fn reapply(&mut self) {
        if let Some(newer) = self.conflict.take() {
            self.base = newer;
        }
    }

    /// Drop my draft and continue from the newer version.
    pub fn discard(&mut self) {
        if let Some(newer) = self.conflict.take() {
            self.draft = newer.value.clone();
            self.base = newer;
        }
    }
}

/// The element id of a field path (`education[1].to` → `education-1-to`).
pub fn field_id(path: &str) -> String {
    path.chars()
        .filter_map(|c| match c {
            '.' | '[' => Some('-'),
            ']' => None,
            c => Some(c),
        })
        .collect()
}

/// Moves an entry of `list` one place up (`up`) or down; out-of-range moves do nothing.
pub fn move_entry<E>(list: &mut [E], index: usize, up: bool) {
    let other = if up { index.checked_sub(1) } else { Some(index + 1) };
    if let Some(other) = other.filter(|o| *o < list.len() && index < list.len()) {
        list.swap(index, other);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(value: &str, etag: &str) -> Versioned<String> {
        Versioned { value: value.into(), etag: etag.into() }
    }

    #[test]
    fn a_conflict_keeps_the_draft_until_the_person_chooses() {
        let mut e = Editor::new(v("oud", "\"profile-1\""));
        assert!(!e.is_dirty());
        e.draft = "mijn wijziging".into();
        assert!(e.is_dirty());
        e.conflicted(v("van de telefoon", "\"profile-2\""));
        assert_eq!(e.draft, "mijn wijziging", "nothing is lost");
        assert_eq!(e.base.etag, "\"profile-1\"");

        let mut keep = e.clone();
        keep.reapply();
        assert_eq!((keep.draft.as_str(), keep.base.etag.as_str()), ("mijn wijziging", "\"profile-2\""));
        assert!(keep.conflict.is_none() && keep.is_dirty());

        let mut drop = e;
        drop.discard();
        assert_eq!((drop.draft.as_str(), drop.base.etag.as_str()), ("van de telefoon", "\"profile-2\""));
        assert!(!drop.is_dirty());
    }

    #[test]
    fn saving_makes_the_server_version_the_base() {
        let mut e = Editor::new(v("a", "\"profile-0\""));
        e.draft = " b ".into();
        e.saved(v("b", "\"profile-1\""));
        assert!(!e.is_dirty());
        assert_eq!(e.base.etag, "\"profile-1\"");
    }

    #[test]
    fn ids_and_moves() {
        assert_eq!(field_id("education[1].to"), "education-1-to");
        assert_eq!(field_id("personal.first_name"), "personal-first_name");
        let mut l = vec![1, 2, 3];
        move_entry(&mut l, 0, true);
        assert_eq!(l, [1, 2, 3]);
        move_entry(&mut l, 0, false);
        assert_eq!(l, [2, 1, 3]);
        move_entry(&mut l, 2, false);
        assert_eq!(l, [2, 1, 3]);
        move_entry(&mut l, 2, true);
        assert_eq!(l, [2, 3, 1]);
    }
}
