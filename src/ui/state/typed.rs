//! Text a user types into a field, kept as typed (never rewritten under
//! their keys) for as long as the scenario is the one it was typed into.

use super::AppState;
use leptos::prelude::*;

/// What the user typed into one field, with the `generation` it was typed
/// in: once the scenario is replaced as a whole or restructured, the field
/// shows the scenario's value again. Views keep their fields alive across
/// such changes (keyed cards), so this, not a rebuild, is what brings the
/// new value in.
#[derive(Clone, Copy)]
pub struct Typed {
    text: RwSignal<Option<(u64, String)>>,
    generation: StateSignal<u64>,
}

use super::StateSignal;

impl Typed {
    pub fn new(state: &AppState) -> Self {
        Typed { text: RwSignal::new(None), generation: state.generation }
    }

    /// Keeps `text` as typed.
    pub fn set(&self, text: String) {
        self.text.set(Some((self.generation.get_untracked(), text)));
    }

    /// What to show: the text typed, or else the scenario's, `stored()`.
    pub fn or_else(&self, stored: impl FnOnce() -> String) -> String {
        let generation = self.generation.get();
        let mine = self.text.with(|t| t.as_ref().filter(|(at, _)| *at == generation).map(|(_, t)| t.clone()));
        mine.unwrap_or_else(stored)
    }
}
