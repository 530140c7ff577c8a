//! Method switches with their notes, and the notes beside far-off values.
//! Only lazy parts of the `saved` chunk call these (the method picker and
//! the field notes), so their code is in that chunk.

use super::AppState;
use crate::model::plausible::far_off_against;
use crate::model::{Field, Method, MultipleChange, MultipleMemory, Preset, Scenario, SegmentField};
use crate::text;
use leptos::prelude::*;
use std::cell::RefCell;

/// The page's method switches since the scenario was last replaced as a
/// whole (`generation`): the multiples the user had per method, and the
/// last switch, whose note shows beside the multiple it set.
#[derive(Default)]
struct Switches {
    generation: u64,
    memory: MultipleMemory,
    /// Segment index, the method it came from, and what the switch did.
    last: Option<(usize, Method, MultipleChange)>,
}

thread_local! {
    static SWITCHES: RefCell<Switches> = RefCell::new(Switches::default());
    /// What far-off is measured against, built once (every field is
    /// checked at every edit).
    static BASE: Scenario = Preset::Base.scenario();
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
            SWITCHES.with(|w| {
                let mut w = w.borrow_mut();
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

thread_local! {
    /// Each page's notes (wasm tests mount several pages): by its scenario signal.
    static NOTES: RefCell<Vec<(super::StateSignal<Scenario>, Notes)>> = const { RefCell::new(Vec::new()) };
}

/// Every note of the page's scenario, by field: computed once per change of
/// the scenario, so that the scenario has one subscriber for all notes (not
/// one per field, which made every edit dearer), and a note's view re-runs
/// only when the notes change. Lives as long as the page.
pub fn notes_of(state: &AppState) -> Notes {
    NOTES.with(|all| {
        let mut all = all.borrow_mut();
        if let Some((_, notes)) = all.iter().find(|(s, _)| *s == state.scenario) {
            return *notes;
        }
        let state = *state;
        // Its own root, so that no view's disposal takes it along.
        let owner = Owner::new_root(None);
        let notes = owner.with(|| {
            Memo::new(move |_| {
                let (lang, generation) = (state.lang, state.generation.get_untracked());
                state.scenario.with(|s| {
                    Field::all(s)
                        .into_iter()
                        .filter_map(|f| field_note(lang, generation, s, f).map(|n| (f, n)))
                        .collect()
                })
            })
        });
        std::mem::forget(owner);
        all.push((state.scenario, notes));
        notes
    })
}

/// The note beside `field` of `s`, if any: what the last method switch
/// did to it, or that its value is far from what the facts support.
fn field_note(lang: text::Lang, generation: u64, s: &Scenario, field: Field) -> Option<String> {
    if let Field::Segment(i, SegmentField::Multiple) = field {
        if let Some(note) = switch_note(lang, generation, s, i) {
            return Some(note);
        }
    }
    BASE.with(|base| far_off_against(field, s, base)).map(|far| text::far_off_note(lang, far))
}

/// The last switch's note, while segment `i` still has the multiple it set.
fn switch_note(lang: text::Lang, generation: u64, s: &Scenario, i: usize) -> Option<String> {
    SWITCHES.with(|w| {
        let w = w.borrow();
        let (index, from, change) = w.last.filter(|l| w.generation == generation && l.0 == i)?;
        let seg = s.segments.get(index)?;
        (seg.multiple == change.multiple() && seg.method != from)
            .then(|| text::switch_note(lang, change, seg.method, from))
    })
}
