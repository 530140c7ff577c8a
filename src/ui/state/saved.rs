//! Saved scenarios: the methods behind save, save as, rename, duplicate,
//! delete and undo, and the guard against overwriting another tab's save.
//!
//! The operations are `saving`'s and the decisions `library`'s (plain
//! Rust, tested natively on a `MemoryStore`); this file runs them on local
//! storage and turns their results into signals and messages.

use super::{AppState, Done, Reason, Refused, StateSignal};
pub use crate::library::OpenEntry;
use crate::library::{Entry, Library, LAST_OPEN_KEY};
use crate::model::{validate, Scenario};
use crate::saving::{self, EntryError, SaveOver};
use crate::storage::{self, LocalStore, StorageError};
use crate::store::Store;

/// A save that needs the user's decision.
#[derive(Clone, Debug, PartialEq)]
pub enum Conflict {
    /// Another tab saved this scenario after this tab opened it.
    Newer { theirs: Box<Entry> },
    /// Another tab deleted it, or replaced it with something this version
    /// cannot read: either way it is not overwritten.
    Gone,
}

#[derive(Clone, Copy)]
pub struct Saved {
    pub library: StateSignal<Library>,
    pub open: StateSignal<Option<OpenEntry>>,
    /// Set when storage cannot be used; the app then works in memory.
    pub unavailable: StateSignal<bool>,
    pub conflict: StateSignal<Option<Conflict>>,
    /// The last deleted entry, for Undo; with the editor's `generation`
    /// when it was the open one, so that Undo reopens it only if the editor
    /// still holds it.
    pub deleted: StateSignal<Option<(Entry, Option<u64>)>>,
    /// When the draft brought back at start was written, and the editor's
    /// `generation` once it was: its note shows until something replaces it.
    pub restored: StateSignal<Option<(i64, u64)>>,
}

impl Saved {
    pub fn new() -> Self {
        Saved {
            library: StateSignal::new(Library::default()),
            open: StateSignal::new(None),
            unavailable: StateSignal::new(false),
            conflict: StateSignal::new(None),
            deleted: StateSignal::new(None),
            restored: StateSignal::new(None),
        }
    }
}

impl Default for Saved {
    fn default() -> Self {
        Self::new()
    }
}

fn now_ms() -> i64 {
    // Time and entropy for ids and ordering only; no money is a float.
    js_sys::Date::now() as i64
}

fn entropy() -> u64 {
    (js_sys::Math::random() * 4_294_967_296.0) as u64
}

impl AppState {
    /// Reads every stored scenario. Damaged entries are listed, never removed.
    pub fn refresh_library(&self) {
        match storage::read_all() {
            Ok(items) => {
                self.saved.unavailable.set(false);
                self.saved.library.set(Library::from_raw(items));
            }
            Err(StorageError::Unavailable) => self.saved.unavailable.set(true),
            Err(e) => self.refuse(Refused::ReadSaved, vec![Reason::Storage(e)]),
        }
    }

    /// The scenario open last, if it is still there and readable.
    pub fn last_open(&self) -> Option<Entry> {
        let stored = storage::read(LAST_OPEN_KEY).ok().flatten();
        self.saved.library.with_untracked(|l| l.last_open(stored.as_deref()).cloned())
    }

    pub fn open_saved(&self, entry: &Entry) {
        self.load(entry.scenario.clone());
        self.mark_open(entry);
    }

    /// Makes `entry` the one the editor works on, and the one to reopen.
    fn mark_open(&self, entry: &Entry) {
        self.saved.open.set(Some(OpenEntry {
            id: entry.id.clone(),
            revision: entry.revision,
            saved: entry.scenario.clone(),
        }));
        self.saved.conflict.set(None);
        // Saved (or opened from the list): the address bar no longer needs a link.
        self.from_link.set(false);
        // Remembering what is open is a convenience: if it fails, nothing is lost.
        let _ = storage::write(LAST_OPEN_KEY, &entry.id);
    }

    /// What the save bar says about the scenario on screen.
    pub fn save_status(&self) -> crate::library::SaveStatus {
        crate::library::SaveStatus::of(
            self.saved.unavailable.get(),
            self.saved.open.with(Option::is_some),
            self.from_link.get(),
            self.is_dirty(),
        )
    }

    /// Whether the editor holds changes that are not in storage.
    pub fn is_dirty(&self) -> bool {
        self.saved.open.with(|open| match open {
            Some(o) => self.scenario.with(|s| *s != o.saved),
            None => true,
        })
    }

    /// Whether replacing what is on screen would lose work: edits to the
    /// open saved scenario, or a scenario saved nowhere (a link copy, an
    /// imported file, an edited preset).
    pub fn has_unsaved_work(&self) -> bool {
        if self.saved.open.with_untracked(Option::is_some) {
            self.is_dirty()
        } else {
            self.from_link.get_untracked() || self.active_preset().is_none()
        }
    }

    /// Save: over the open entry when there is one (checking that no other
    /// tab saved it meanwhile), as a new entry otherwise.
    pub fn save(&self) {
        let Some(scenario) = self.savable() else {
            return;
        };
        let Some(open) = self.saved.open.get_untracked() else {
            self.save_new(scenario);
            return;
        };
        self.save_over(&open.id, open.revision, scenario, false);
    }

    /// Save as a new entry, whatever is open.
    pub fn save_as_new(&self) {
        if let Some(scenario) = self.savable() {
            self.save_new(scenario);
        }
    }

    /// The user chose to replace the other tab's save with this one. Checked
    /// again against storage: if a third save happened meanwhile, the user
    /// is asked again rather than losing it.
    pub fn overwrite_theirs(&self) {
        let (Some(Conflict::Newer { theirs }), Some(scenario)) =
            (self.saved.conflict.get_untracked(), self.savable())
        else {
            return;
        };
        self.save_over(&theirs.id, theirs.revision, scenario, true);
    }

    /// Writes `scenario` over entry `id` if storage still holds the revision
    /// this tab knows (`base_revision`); otherwise asks the user, never
    /// overwriting a save or a deletion made elsewhere.
    fn save_over(&self, id: &str, base_revision: u64, scenario: Scenario, over_theirs: bool) {
        let now = now_ms();
        match self.with_library(|store, l| saving::save_over(store, l, id, base_revision, scenario, now)) {
            Ok(SaveOver::Written(entry)) => self.opened_as_saved(&entry, over_theirs),
            Ok(SaveOver::Conflict(theirs)) => self.saved.conflict.set(Some(Conflict::Newer { theirs })),
            Ok(SaveOver::Gone) => self.saved.conflict.set(Some(Conflict::Gone)),
            Err(e) => self.storage_failed(Refused::Save, e),
        }
    }

    pub fn rename_saved(&self, id: &str, name: &str) {
        let now = now_ms();
        let (entry, read_revision) =
            match self.with_library(|store, l| saving::rename(store, l, id, name, now)) {
                Ok(renamed) => renamed,
                Err(e) => return self.entry_failed(Refused::Rename, e),
            };
        let was_open = self.saved.open.with_untracked(|o| o.as_ref().is_some_and(|o| o.id == id));
        if was_open {
            self.scenario.update(|s| s.name = entry.scenario.name.clone());
            self.saved.open.update(|o| {
                if let Some(o) = o {
                    // A tab that is behind (another tab saved since it opened
                    // this) stays behind, so that its next save still asks.
                    if o.revision == read_revision {
                        o.revision = entry.revision;
                    }
                    o.saved.name = entry.scenario.name.clone();
                }
            });
        }
    }

    pub fn duplicate_saved(&self, id: &str) {
        let (now, entropy) = (now_ms(), entropy());
        match self.with_library(|store, l| saving::duplicate(store, l, id, now, entropy)) {
            Ok(copy) => self.inform(Done::Duplicated { name: copy.scenario.name }),
            Err(e) => self.entry_failed(Refused::Duplicate, e),
        }
    }

    /// A file of one scenario: opened on screen, not saved.
    pub fn import_one(&self, scenario: Scenario, file_name: &str) {
        let name = scenario.name.clone();
        self.load_unsaved(scenario);
        self.inform(Done::ImportedOne { name, file: file_name.to_string() });
    }

    /// A scenario from a share link: opened as an unsaved copy, whose
    /// address then follows each edit. Storage is not touched: a link
    /// cannot overwrite a saved scenario.
    pub fn open_link_copy(&self, scenario: Scenario) {
        let name = scenario.name.clone();
        self.load_unsaved(scenario);
        self.from_link.set(true);
        self.inform(Done::OpenedLink { name });
    }

    /// Leaves a save that needs the user's decision undecided.
    pub fn cancel_conflict(&self) {
        self.saved.conflict.set(None);
    }

    /// Saves every scenario of a file as a new entry. Each write is one key,
    /// so a failure part-way leaves whole entries only, and says how far it got.
    pub fn import_many(&self, list: Vec<Scenario>, file_name: &str) {
        if self.saved.unavailable.get_untracked() {
            return self.refuse(Refused::ImportList, vec![Reason::Storage(StorageError::Unavailable)]);
        }
        let total = list.len();
        let now = now_ms();
        let mut library = self.saved.library.get_untracked();
        let result = saving::import_all(&LocalStore, &mut library, list, now, &mut entropy);
        // Whatever was saved before a failure is listed.
        self.saved.library.set(library);
        match result {
            Ok(_) => self.inform(Done::ImportedMany { count: total, file: file_name.to_string() }),
            Err((done, e)) => {
                self.turn_off_if_blocked(&e);
                self.refuse(
                    Refused::Save,
                    vec![
                        Reason::Storage(e),
                        Reason::PartlyImported { done, total, file: file_name.to_string() },
                    ],
                );
            }
        }
    }

    /// Deletes one saved scenario; Undo puts it back.
    pub fn delete_saved(&self, id: &str) {
        let entry = match self.with_library(|store, l| saving::delete(store, l, id)) {
            Ok(Some(entry)) => entry,
            Ok(None) => return,
            Err(e) => return self.refuse(Refused::Delete, vec![Reason::Storage(e)]),
        };
        let was_open = self.saved.open.with_untracked(|o| o.as_ref().is_some_and(|o| o.id == id));
        if was_open {
            // The editor keeps the scenario, now unsaved.
            self.saved.open.set(None);
        }
        self.saved.deleted.set(Some((entry, was_open.then(|| self.generation.get_untracked()))));
    }

    pub fn undo_delete(&self) {
        let Some((entry, open_at)) = self.saved.deleted.get_untracked() else {
            return;
        };
        let (now, entropy) = (now_ms(), entropy());
        let entry = match self.with_library(|store, l| saving::undo_delete(store, l, entry, now, entropy)) {
            Ok(entry) => entry,
            Err(e) => return self.storage_failed(Refused::Save, e),
        };
        self.saved.deleted.set(None);
        // It was open and the editor still holds it (nothing was opened or
        // loaded since): it is the open one again.
        if open_at == Some(self.generation.get_untracked()) && self.saved.open.with_untracked(Option::is_none)
        {
            self.mark_open(&entry);
        }
    }

    /// Deletes a damaged entry: only ever on the user's explicit request.
    pub fn delete_damaged(&self, key: &str) {
        if let Err(e) = self.with_library(|store, l| saving::delete_damaged(store, l, key)) {
            self.refuse(Refused::Delete, vec![Reason::Storage(e)]);
        }
    }

    /// Another tab changed storage: show its saves here too.
    pub fn on_storage_changed(&self) {
        self.refresh_library();
    }

    /// The current scenario if it may be saved (valid), or a refusal.
    fn savable(&self) -> Option<Scenario> {
        if self.saved.unavailable.get_untracked() {
            self.refuse(Refused::Save, vec![Reason::Storage(StorageError::Unavailable)]);
            return None;
        }
        let pending =
            self.field_errors.with_untracked(|e| !e.is_empty()) || self.name_error.get_untracked().is_some();
        let issues = self.scenario.with_untracked(validate);
        if pending || !issues.is_empty() {
            self.show_every_rule();
            let pending = pending.then_some(Reason::PendingFields);
            let reasons = pending.into_iter().chain(issues.into_iter().map(Reason::Issue)).collect();
            self.refuse(Refused::SaveInvalid, reasons);
            return None;
        }
        Some(self.scenario.get_untracked())
    }

    fn save_new(&self, scenario: Scenario) {
        let (now, entropy) = (now_ms(), entropy());
        match self.with_library(|store, l| saving::save_new(store, l, scenario, now, entropy)) {
            Ok(entry) => self.opened_as_saved(&entry, false),
            Err(e) => self.storage_failed(Refused::Save, e),
        }
    }

    /// Runs a `saving` operation on local storage and a copy of the list;
    /// the list changes only when the operation succeeded.
    fn with_library<T, E>(&self, op: impl FnOnce(&dyn Store, &mut Library) -> Result<T, E>) -> Result<T, E> {
        let mut library = self.saved.library.get_untracked();
        let result = op(&LocalStore, &mut library);
        if result.is_ok() {
            self.saved.library.set(library);
        }
        result
    }

    /// A saved entry is now the one the editor works on.
    fn opened_as_saved(&self, entry: &Entry, over_theirs: bool) {
        if self.scenario.with_untracked(|s| s.name != entry.scenario.name) {
            self.scenario.update(|s| s.name = entry.scenario.name.clone());
        }
        self.mark_open(entry);
        let name = entry.scenario.name.clone();
        self.inform(if over_theirs { Done::SavedOverTheirs { name } } else { Done::Saved { name } });
    }

    /// A blocked storage turns saving off.
    fn turn_off_if_blocked(&self, e: &StorageError) {
        if *e == StorageError::Unavailable {
            self.saved.unavailable.set(true);
        }
    }

    /// A write the browser refused.
    fn storage_failed(&self, what: Refused, e: StorageError) {
        self.turn_off_if_blocked(&e);
        self.refuse(what, vec![Reason::Storage(e)]);
    }

    fn entry_failed(&self, what: Refused, e: EntryError) {
        match e {
            EntryError::NotStored => self.refuse(what, vec![Reason::NotStored]),
            EntryError::Name(problem) => self.refuse(what, vec![Reason::Name(problem)]),
            EntryError::Storage(e) => self.storage_failed(what, e),
        }
    }
}
