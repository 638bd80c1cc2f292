//! Stamped records: everything a user keeps carries when it last changed and
//! whether it was deleted, so that two copies (two tabs, a backup and this
//! device) merge record by record: the newer change wins, and a deletion stays
//! as a tombstone so that it wins too.
//!
//! [`Records`] is the map a kind of record is kept in. Its reading methods see
//! only live records; its writing methods ([`Records::put`],
//! [`Records::edit`], [`Records::delete`], [`Records::undelete`]) take the
//! time and do the stamping. A record's `updated` and `deleted` fields are
//! private to this crate, and a [`Stamp`] can only be made here: code outside
//! the rules cannot write a stamp or a tombstone, even by mistake.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// When a record last changed, and whether that change deleted it. Made only
/// by this crate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub(crate) updated: i64,
    pub(crate) deleted: bool,
}

/// A record that knows when it last changed and whether it was deleted.
pub trait Record: Clone {
    /// Milliseconds since the epoch of the last change (deletions included).
    fn updated(&self) -> i64;
    /// Deleted records stay as tombstones so that the deletion reaches other
    /// copies.
    fn deleted(&self) -> bool;
    /// Sets both stamps. (Only this crate can make a [`Stamp`].)
    fn set_stamp(&mut self, stamp: Stamp);
}

/// Implements [`Record`] for types with the fields `updated` and `deleted`.
#[macro_export]
#[doc(hidden)]
macro_rules! stamped {
    ($($t:ty),* $(,)?) => {$(
        impl $crate::ground::stamp::Record for $t {
            fn updated(&self) -> i64 {
                self.updated
            }
            fn deleted(&self) -> bool {
                self.deleted
            }
            fn set_stamp(&mut self, stamp: $crate::ground::stamp::Stamp) {
                self.updated = stamp.updated;
                self.deleted = stamp.deleted;
            }
        }
    )*};
}

/// The records of one kind, by id. Reading sees live records only; every
/// change goes through a method that stamps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Records<T> {
    map: BTreeMap<String, T>,
}

impl<T> Default for Records<T> {
    fn default() -> Self {
        Records {
            map: BTreeMap::new(),
        }
    }
}

impl<T: Record> Records<T> {
    /// The live record under `id`.
    pub fn get(&self, id: &str) -> Option<&T> {
        self.map.get(id).filter(|r| !r.deleted())
    }

    /// Whether a live record is kept under `id`.
    pub fn contains(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// The live records, by id.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &T)> {
        self.map.iter().filter(|(_, r)| !r.deleted())
    }

    /// The live records.
    pub fn values(&self) -> impl Iterator<Item = &T> {
        self.map.values().filter(|r| !r.deleted())
    }

    /// How many live records there are.
    pub fn len(&self) -> usize {
        self.values().count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The time a change made `now` to the record under `id` is stamped
    /// with: `now`, or just after the record's last change if the clock went
    /// back, so that a change always wins over the state it changed.
    fn at(&self, id: &str, now: i64) -> i64 {
        match self.map.get(id) {
            Some(r) => now.max(r.updated().saturating_add(1)),
            None => now,
        }
    }

    /// Keeps `record` under `id`, new or in place of what was there (a
    /// tombstone included), changed `now`.
    pub fn put(&mut self, id: &str, mut record: T, now: i64) -> &mut T {
        record.set_stamp(Stamp {
            updated: self.at(id, now),
            deleted: false,
        });
        self.map.insert(id.to_string(), record);
        self.map
            .get_mut(id)
            .expect("the record was inserted just before")
    }

    /// Changes the live record under `id`, stamped `now`. Returns whether
    /// there was one.
    pub fn edit(&mut self, id: &str, now: i64, change: impl FnOnce(&mut T)) -> bool {
        let now = self.at(id, now);
        match self.map.get_mut(id).filter(|r| !r.deleted()) {
            Some(r) => {
                change(r);
                r.set_stamp(Stamp {
                    updated: now,
                    deleted: false,
                });
                true
            }
            None => false,
        }
    }

    /// Deletes the live record under `id` (it stays as a tombstone). Returns
    /// whether there was one.
    pub fn delete(&mut self, id: &str, now: i64) -> bool {
        let now = self.at(id, now);
        match self.map.get_mut(id).filter(|r| !r.deleted()) {
            Some(r) => {
                r.set_stamp(Stamp {
                    updated: now,
                    deleted: true,
                });
                true
            }
            None => false,
        }
    }

    /// Brings a deleted record back, as a new change (so it wins over the
    /// deletion in other copies too). Returns whether there was one.
    pub fn undelete(&mut self, id: &str, now: i64) -> bool {
        let now = self.at(id, now);
        match self.map.get_mut(id).filter(|r| r.deleted()) {
            Some(r) => {
                r.set_stamp(Stamp {
                    updated: now,
                    deleted: false,
                });
                true
            }
            None => false,
        }
    }

    /// Every record, tombstones included: for merging, backups and counts.
    pub fn all(&self) -> &BTreeMap<String, T> {
        &self.map
    }

    /// Every record, to be changed by the document's own operations (merge,
    /// import, delete everything), which keep the stamps themselves.
    pub(crate) fn all_mut(&mut self) -> &mut BTreeMap<String, T> {
        &mut self.map
    }

    /// Keeps a record as it was read (stamps as they are): for restoring.
    pub(crate) fn insert_read(&mut self, id: String, record: T) {
        self.map.insert(id, record);
    }

    /// Merges `theirs` in, record by record: the newer change wins.
    pub fn merge(&mut self, theirs: &Records<T>) {
        for (id, t) in &theirs.map {
            match self.map.get(id) {
                Some(m) if m.updated() >= t.updated() => {}
                _ => {
                    self.map.insert(id.clone(), t.clone());
                }
            }
        }
    }
}

impl<T> FromIterator<(String, T)> for Records<T> {
    /// Records as they were stored (stamps as they are): for reading.
    fn from_iter<I: IntoIterator<Item = (String, T)>>(iter: I) -> Self {
        Records {
            map: iter.into_iter().collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Debug, PartialEq)]
    struct Note {
        text: &'static str,
        updated: i64,
        deleted: bool,
    }
    crate::stamped!(Note);

    fn note(text: &'static str) -> Note {
        Note {
            text,
            updated: 0,
            deleted: false,
        }
    }

    #[test]
    fn writes_stamp_and_reads_see_only_live_records() {
        let mut r = Records::default();
        r.put("a", note("one"), 10);
        r.put("b", note("two"), 11);
        assert!(r.edit("a", 20, |n| n.text = "uno"));
        assert_eq!(r.get("a").map(|n| (n.text, n.updated)), Some(("uno", 20)));
        assert!(r.delete("b", 30));
        assert!(!r.delete("b", 31), "already deleted");
        assert!(
            !r.edit("b", 32, |n| n.text = "x"),
            "a tombstone is not edited"
        );
        assert_eq!(r.len(), 1);
        assert!(r.get("b").is_none());
        assert_eq!(r.all()["b"].updated, 30);
        assert!(r.undelete("b", 40));
        assert_eq!(r.get("b").map(|n| n.updated), Some(40));
        assert!(!r.undelete("b", 41), "only a tombstone comes back");
        // A clock that went back still stamps a change after the last one.
        assert!(r.edit("b", 7, |n| n.text = "late"));
        assert_eq!(r.get("b").map(|n| n.updated), Some(41));
    }

    #[test]
    fn the_newer_change_wins_a_merge_and_a_deletion_travels() {
        let mut mine = Records::default();
        mine.put("a", note("mine"), 10);
        mine.put("b", note("keep"), 10);
        let mut theirs = mine.clone();
        theirs.edit("a", 20, |n| n.text = "theirs");
        // A copy that deleted an older "b" than ours.
        let mut old = Records::default();
        old.put("b", note("old"), 3);
        old.delete("b", 5);
        mine.merge(&old);
        mine.merge(&theirs);
        assert_eq!(mine.get("a").map(|n| n.text), Some("theirs"));
        assert!(mine.contains("b"), "an older deletion does not win");
        theirs.delete("a", 30);
        mine.merge(&theirs);
        assert!(!mine.contains("a"), "a newer deletion wins");
    }
}
