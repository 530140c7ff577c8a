//! Structure edits as the page makes them: the plain functions of
//! `model::structure`, with what the page must do around each (a new
//! `generation`, waiting while a field holds text not yet taken, saying
//! what was refused or dropped, keeping a removed segment for Undo). Only
//! the editor's views call these, so their code is in a lazy chunk
//! (`saved`). `Editor` is the editor's and the method switch's state.

use super::{AppState, StateSignal};
use crate::model::structure::{
    self, set_company_text, CompanyText, CompanyTextError, Direction, Removed, StructureError,
};
use crate::model::{DriverKind, Scenario, SegmentField};
use leptos::prelude::{SetValue, StoredValue, WithValue};

/// The structure editor's and the method switch's state: what the last
/// structure edit has to say (with the `generation` it belongs to, so it
/// shows until the scenario is replaced or restructured), the multiples the user had
/// per method, and every field's note, made by the first part that asks.
/// Made with the page, written only by `structure` and `notes`.
#[derive(Clone, Copy)]
pub(super) struct Editor {
    pub(super) note: StateSignal<Option<(u64, EditorNote)>>,
    pub(super) switches: StoredValue<super::notes::Switches>,
    pub(super) notes: StoredValue<Option<super::notes::Notes>>,
    /// The segment added last, until its tools take focus (`take_added`).
    pub(super) added: StoredValue<Option<String>>,
}

impl Editor {
    pub(super) fn new() -> Self {
        Editor {
            note: StateSignal::new(None),
            switches: StoredValue::new(super::notes::Switches::default()),
            notes: StoredValue::new(None),
            added: StoredValue::new(None),
        }
    }
}

/// What the last structure edit has to say, under the segment list.
#[derive(Clone, Debug, PartialEq)]
pub enum EditorNote {
    /// A segment was removed; Undo puts it back exactly.
    Removed(Removed),
    /// A driver-kind switch of segment `index` folded or dropped these fields.
    Dropped { index: usize, fields: Vec<SegmentField> },
    /// The edit was refused, and why.
    Refused(StructureError),
    /// Refused while a field holds text not yet taken: the structure edit
    /// would leave it behind.
    FixFirst,
}

impl AppState {
    /// What the last structure edit has to say, while the page is as it left it.
    pub fn editor_note(&self) -> Option<EditorNote> {
        let generation = self.generation.get();
        self.editor.note.with(|n| n.as_ref().filter(|(g, _)| *g == generation).map(|(_, note)| note.clone()))
    }

    fn say(&self, note: Option<EditorNote>) {
        let generation = self.generation.get_untracked();
        self.editor.note.set(note.map(|n| (generation, n)));
    }

    /// Opens a blank company: one segment, every number zero, nothing
    /// saved. Over unsaved work it keeps what it replaced for Undo, as a
    /// preset switch does.
    pub fn new_company(&self, scenario_name: &str, segment_name: &str) {
        let year = self.scenario.with_untracked(|s| s.base_year);
        self.replace_with(structure::blank_company(scenario_name, segment_name, year), true);
    }

    /// Applies a structure edit to the scenario: on success a new
    /// `generation` (each field shows its value anew); a refusal changes
    /// nothing and is said. While a field holds text not yet taken the edit
    /// waits: that text would be left behind.
    fn restructure<T>(&self, edit: impl FnOnce(&mut Scenario) -> Result<T, StructureError>) -> Option<T> {
        if self.field_errors.with_untracked(|e| !e.is_empty()) {
            self.say(Some(EditorNote::FixFirst));
            return None;
        }
        let mut next = self.scenario.get_untracked();
        match edit(&mut next) {
            Ok(done) => {
                self.replaced.set(None);
                self.scenario.set(next);
                self.generation.update(|g| *g += 1);
                self.say(None);
                Some(done)
            }
            Err(why) => {
                self.say(Some(EditorNote::Refused(why)));
                None
            }
        }
    }

    /// Adds a segment named `name`; its tools take focus once they are on
    /// the page (`take_added`).
    pub fn add_segment(&self, name: &str) {
        let added = self.restructure(|s| {
            let index = structure::add_segment(s, name)?;
            Ok(s.segments.get(index).map(|seg| seg.id.clone()))
        });
        self.editor.added.set_value(added.flatten());
    }

    /// Whether segment `id` is the one added last, which then takes focus
    /// (once: asked again, it is no longer).
    pub fn take_added(&self, id: &str) -> bool {
        let added = self.editor.added.with_value(|a| a.as_deref() == Some(id));
        if added {
            self.editor.added.set_value(None);
        }
        added
    }

    /// Removes segment `index`, kept for `undo_remove`.
    pub fn remove_segment(&self, index: usize) {
        let removed = self.restructure(|s| structure::remove_segment(s, index));
        if let Some(removed) = removed {
            self.say(Some(EditorNote::Removed(removed)));
        }
    }

    /// Puts the last removed segment back, values and all.
    pub fn undo_remove(&self) {
        let Some(EditorNote::Removed(removed)) = leptos::prelude::untrack(|| self.editor_note()) else {
            return;
        };
        self.restructure(|s| structure::undo_remove(s, removed));
    }

    pub fn move_segment(&self, index: usize, direction: Direction) {
        self.restructure(|s| structure::move_segment(s, index, direction));
    }

    /// Renames segment `index`; an empty or too long name is refused and said.
    pub fn rename_segment(&self, index: usize, name: &str) -> Result<(), StructureError> {
        self.edit_in_place(|s| structure::rename_segment(s, index, name))
    }

    /// Applies an edit that leaves the cards as they are (a name, a unit
    /// name, a company text): on a copy, so that a refusal changes nothing,
    /// and notifying only when something changed.
    fn edit_in_place<E>(&self, edit: impl FnOnce(&mut Scenario) -> Result<(), E>) -> Result<(), E> {
        let mut next = self.scenario.get_untracked();
        edit(&mut next)?;
        if self.scenario.with_untracked(|s| *s != next) {
            self.scenario.set(next);
        }
        Ok(())
    }

    /// Names the units of segment `index`, or says why not.
    pub fn set_unit_label(&self, index: usize, text: &str) -> Result<(), StructureError> {
        self.edit_in_place(|s| structure::set_unit_label(s, index, text))
    }

    /// Switches segment `index` to driver kind `kind`, saying what it dropped.
    pub fn switch_kind(&self, index: usize, kind: DriverKind) {
        let dropped = self.restructure(|s| structure::switch_kind(s, index, kind));
        if let Some(fields) = dropped.filter(|f| !f.is_empty()) {
            self.say(Some(EditorNote::Dropped { index, fields }));
        }
    }

    /// Takes a company text (name, ticker, currency) or says why not.
    pub fn edit_company_text(&self, which: CompanyText, text: &str) -> Result<(), CompanyTextError> {
        self.edit_in_place(|s| set_company_text(s, which, text))
    }

    /// Takes the price's date (`YYYY-MM-DD`, or empty for none).
    pub fn edit_price_date(&self, text: &str) -> bool {
        let date = text.trim();
        let date = (!date.is_empty()).then(|| date.to_string());
        if date.as_deref().is_some_and(|d| !crate::model::validate::is_iso_date(d)) {
            return false;
        }
        self.scenario.update(|s| s.price_date = date);
        true
    }

    /// Whether another segment can be added (the spec allows 12).
    pub fn can_add_segment(&self) -> bool {
        self.scenario.with(|s| s.segments.len() < crate::model::validate::MAX_SEGMENTS)
    }
}
