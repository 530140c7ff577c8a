//! The saved-scenario operations, on any `Store`: what Save, Save as new,
//! Rename, Duplicate, Delete, Undo and importing a list do to storage and
//! to this tab's `Library`. Plain Rust: the page runs them on local storage
//! (`ui/state/saved.rs` only adds the signals and the messages), the native
//! tests on a `MemoryStore` shared by two "tabs".
//!
//! Each function re-reads what it is about to replace, so a save made in
//! another tab meanwhile is never overwritten (`library::plan_save`). Every
//! write is one key: a failure part-way leaves whole entries only.

use crate::library::{
    copy_name, decode_entry, encode_entry, key_for, new_entry, new_id, plan_save, Entry, Library, SavePlan,
};
use crate::model::{validate, Scenario};
use crate::store::{StorageError, Store};

/// The entry stored under `id`, if there is one that reads.
pub fn read_entry(store: &dyn Store, id: &str) -> Result<Option<Entry>, StorageError> {
    let key = key_for(id);
    Ok(store.read(&key)?.and_then(|raw| decode_entry(&key, &raw).ok()))
}

/// Writes `entry` under its key and lists it.
pub fn write_entry(store: &dyn Store, library: &mut Library, entry: &Entry) -> Result<(), StorageError> {
    store.write(&key_for(&entry.id), &encode_entry(entry))?;
    library.put(entry.clone());
    Ok(())
}

/// What a save over an open entry did.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveOver {
    /// Written: the next revision.
    Written(Box<Entry>),
    /// Another tab saved it after this tab opened it: nothing written.
    Conflict(Box<Entry>),
    /// It is no longer stored (deleted, or replaced by something this
    /// version cannot read): nothing written.
    Gone,
}

/// Saves `scenario` over entry `id` if storage still holds `base_revision`.
pub fn save_over(
    store: &dyn Store,
    library: &mut Library,
    id: &str,
    base_revision: u64,
    scenario: Scenario,
    now_ms: i64,
) -> Result<SaveOver, StorageError> {
    let stored = read_entry(store, id)?;
    Ok(match plan_save(stored.as_ref(), id, base_revision, scenario, now_ms) {
        SavePlan::Write(entry) => {
            write_entry(store, library, &entry)?;
            SaveOver::Written(Box::new(entry))
        }
        SavePlan::Conflict { theirs } => SaveOver::Conflict(Box::new(theirs)),
        SavePlan::Gone => SaveOver::Gone,
    })
}

/// Saves `scenario` as a new entry; a name already in the list gets a copy
/// name ("X (copy)").
pub fn save_new(
    store: &dyn Store,
    library: &mut Library,
    mut scenario: Scenario,
    now_ms: i64,
    entropy: u64,
) -> Result<Entry, StorageError> {
    if library.names().contains(&scenario.name.as_str()) {
        scenario.name = copy_name(&library.names(), &scenario.name);
    }
    let entry = new_entry(new_id(now_ms, entropy), scenario, now_ms);
    write_entry(store, library, &entry)?;
    Ok(entry)
}

/// Why an entry was not renamed or duplicated.
#[derive(Clone, Debug, PartialEq)]
pub enum EntryError {
    /// Not stored (any more): deleted in another tab, say.
    NotStored,
    /// The new name breaks the spec's rule for names.
    Name(crate::model::Problem),
    Storage(StorageError),
}

impl From<StorageError> for EntryError {
    fn from(e: StorageError) -> Self {
        EntryError::Storage(e)
    }
}

/// Renames the stored entry `id` (its next revision). Returns it and the
/// revision it had, so that a tab behind on it can stay behind.
pub fn rename(
    store: &dyn Store,
    library: &mut Library,
    id: &str,
    name: &str,
    now_ms: i64,
) -> Result<(Entry, u64), EntryError> {
    let mut entry = read_entry(store, id)?.ok_or(EntryError::NotStored)?;
    entry.scenario.name = name.trim().to_string();
    if let Some(issue) = validate(&entry.scenario).into_iter().find(|i| i.path == "name") {
        return Err(EntryError::Name(issue.problem));
    }
    let read_revision = entry.revision;
    entry.revision = entry.revision.saturating_add(1);
    entry.saved_at_ms = now_ms;
    write_entry(store, library, &entry)?;
    Ok((entry, read_revision))
}

/// A copy of the stored entry `id`, saved as new with a copy name.
pub fn duplicate(
    store: &dyn Store,
    library: &mut Library,
    id: &str,
    now_ms: i64,
    entropy: u64,
) -> Result<Entry, EntryError> {
    let mut scenario = read_entry(store, id)?.ok_or(EntryError::NotStored)?.scenario;
    scenario.name = copy_name(&library.names(), &scenario.name);
    let copy = new_entry(new_id(now_ms, entropy), scenario, now_ms);
    write_entry(store, library, &copy)?;
    Ok(copy)
}

/// Saves every scenario of a list as a new entry (`save_new`), names made
/// unique.
/// `Err((saved, error))` says how many were saved before a write failed.
pub fn import_all(
    store: &dyn Store,
    library: &mut Library,
    list: Vec<Scenario>,
    now_ms: i64,
    entropy: &mut dyn FnMut() -> u64,
) -> Result<usize, (usize, StorageError)> {
    let mut saved = 0;
    for scenario in list {
        save_new(store, library, scenario, now_ms, entropy()).map_err(|e| (saved, e))?;
        saved += 1;
    }
    Ok(saved)
}

/// Deletes the listed entry `id` from storage and the list; returns it, for
/// Undo (None when it was not listed: nothing done).
pub fn delete(store: &dyn Store, library: &mut Library, id: &str) -> Result<Option<Entry>, StorageError> {
    let Some(entry) = library.get(id).cloned() else {
        return Ok(None);
    };
    store.remove(&key_for(id))?;
    library.remove(id);
    Ok(Some(entry))
}

/// Puts a deleted entry back exactly, or as a copy under a new id if its id
/// was taken meanwhile (practically never).
pub fn undo_delete(
    store: &dyn Store,
    library: &mut Library,
    entry: Entry,
    now_ms: i64,
    entropy: u64,
) -> Result<Entry, StorageError> {
    let taken = matches!(read_entry(store, &entry.id), Ok(Some(_)));
    let entry = if taken { new_entry(new_id(now_ms, entropy), entry.scenario, now_ms) } else { entry };
    write_entry(store, library, &entry)?;
    Ok(entry)
}

/// Deletes a damaged entry, on the user's explicit request only.
pub fn delete_damaged(store: &dyn Store, library: &mut Library, key: &str) -> Result<(), StorageError> {
    store.remove(key)?;
    library.remove_damaged(key);
    Ok(())
}
