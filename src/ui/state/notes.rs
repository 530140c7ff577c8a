//! Method switches with their notes, and the notes beside far-off values.
//! Only lazy parts of the `saved` chunk call these (the method picker and
//! the field notes), so their code is in that chunk.

use super::AppState;
use crate::model::plausible::far_off_against;
use crate::model::{Field, Method, MultipleChange, MultipleMemory, Preset, Scenario, SegmentField};
use crate::text;
use leptos::prelude::*;

/// The page's method switches since the scenario was last replaced as a
/// whole (`generation`): the multiples the user had per method, and the
/// last switch, whose note shows beside the multiple it set.
#[derive(Default)]
pub struct Switches {
    generation: u64,
    memory: MultipleMemory,
    /// Segment index, the method it came from, and what the switch did.
    last: Option<(usize, Method, MultipleChange)>,
}

impl AppState {
    /// Switches segment `index` to method `to`, with the multiple it had
    /// with `to`, or one worth about the same (`model::method_switch`).
    pub fn switch_method(&self, index: usize, to: Method) {
        let generation = self.generation.get_untracked();
        self.scenario.update(|s| {
            let Some(seg) = s.segments.get_mut(index) else {
                return;
            };
            let from = seg.method;
            self.editor.switches.update_value(|w| {
                if w.generation != generation {
                    *w = Switches { generation, ..Switches::default() };
                }
                if let Some(change) = w.memory.switch(seg, to) {
                    w.last = Some((index, from, change));
                }
            });
        });
    }
}

/// Every note of a page, by field.
pub type Notes = Memo<Vec<(Field, String)>>;

/// Every note of the page's scenario, by field: computed once per change of
/// the scenario, so that the scenario has one subscriber for all notes (not
/// one per field, which made every edit dearer), and a note's view re-runs
/// only when the notes change. Made by the first part that asks (in the
/// `saved` chunk, so none of its code is on the first load), owned by the
/// page, not by that part's view.
pub fn notes_of(state: &AppState) -> Notes {
    if let Some(notes) = state.editor.notes.get_value() {
        return notes;
    }
    let state = *state;
    let notes = state.owner().with(|| {
        // What far-off is measured against, built once.
        let base = Preset::Base.scenario();
        Memo::new(move |_| {
            // The language the page is in now (a new language builds the
            // page anew from the same state, notes and all).
            let (lang, generation) = (state.language.get(), state.generation.get_untracked());
            // A field the valuation cannot use has its problem under it:
            // one message, not a note beside it that says otherwise.
            let wrong: Vec<Field> = state.evaluation.with(|r| {
                r.as_ref()
                    .err()
                    .map(|issues| issues.iter().filter_map(|i| i.field()).collect())
                    .unwrap_or_default()
            });
            state.scenario.with(|s| {
                Field::all(s)
                    .into_iter()
                    .filter(|f| !wrong.contains(f))
                    .filter_map(|f| field_note(&state, lang, generation, &base, s, f).map(|n| (f, n)))
                    .collect()
            })
        })
    });
    state.editor.notes.set_value(Some(notes));
    notes
}

/// The note beside `field` of `s`, if any: what the last method switch
/// did to it, or that its value is far from what the facts support.
fn field_note(
    state: &AppState,
    lang: text::Lang,
    generation: u64,
    base: &Scenario,
    s: &Scenario,
    field: Field,
) -> Option<String> {
    if let Field::Segment(i, SegmentField::Multiple) = field {
        if let Some(note) = switch_note(state, lang, generation, s, i) {
            return Some(note);
        }
    }
    far_off_against(field, s, base).map(|far| text::far_off_note(lang, far))
}

/// The last switch's note, while segment `i` still has the multiple it set.
fn switch_note(
    state: &AppState,
    lang: text::Lang,
    generation: u64,
    s: &Scenario,
    i: usize,
) -> Option<String> {
    state.editor.switches.with_value(|w| {
        let (index, from, change) = w.last.filter(|l| w.generation == generation && l.0 == i)?;
        let seg = s.segments.get(index)?;
        (seg.multiple == change.multiple() && seg.method != from)
            .then(|| text::switch_note(lang, change, seg.method, from))
    })
}
