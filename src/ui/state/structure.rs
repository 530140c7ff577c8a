//! Structure edits as the page makes them: the plain functions of
//! `model::structure`, with what the page must do around each (rebuild the
//! inputs, wait while a field holds text not yet taken, say what was
//! refused or dropped, keep a removed segment for Undo). Only the editor's
//! views call these, so their code is in a lazy chunk (`saved`).

use super::AppState;
use crate::model::structure::{
    self, set_company_text, CompanyText, CompanyTextError, Direction, Removed, StructureError,
};
use crate::model::{DriverKind, Scenario, SegmentField};

/// What the last structure edit has to say, under the segment list.
#[derive(Clone, Debug, PartialEq)]
pub enum EditorNote {
    /// A segment was removed; Undo puts it back exactly.
    Removed(Removed),
    /// A driver-kind switch of segment `index` folded or dropped these fields.
    Dropped { index: usize, fields: Vec<SegmentField> },
    /// The edit was refused, and why.
    Refused(StructureError),
    /// Refused while a field holds text not yet taken: building the cards
    /// anew would lose it.
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

    /// Applies a structure edit to the scenario: on success the inputs are
    /// built anew (`generation`); a refusal changes nothing and is said.
    /// While a field holds text not yet taken the edit waits: the inputs
    /// built anew would lose that text.
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

    pub fn add_segment(&self, name: &str) {
        self.restructure(|s| structure::add_segment(s, name));
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

    /// Builds the cards anew, so that each heading shows its segment's name
    /// and every unit beside a field its unit name (both are fixed for a
    /// card's life, to keep the first load small).
    pub fn show_names(&self) {
        // Text not yet taken would be lost: the names show at the next rebuild.
        if self.field_errors.with_untracked(|e| !e.is_empty()) {
            return;
        }
        // The same page, built anew: what the last edit said still holds.
        let note = leptos::prelude::untrack(|| self.editor_note());
        self.generation.update(|g| *g += 1);
        if note.is_some() {
            self.say(note);
        }
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
