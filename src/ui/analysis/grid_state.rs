//! What the reader chose for the sensitivity grid (`analysis::grid_choice`
//! reads it), held for the page's life: a preset or an edit keeps the
//! axes the reader set. Written only through its methods.

use crate::analysis::grid_choice::AxisChoice;
use crate::analysis::sensitivity::Which;
use crate::model::Field;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct GridState {
    x: RwSignal<AxisChoice>,
    y: RwSignal<AxisChoice>,
}

impl GridState {
    pub fn new() -> Self {
        GridState { x: RwSignal::new(AxisChoice::default()), y: RwSignal::new(AxisChoice::default()) }
    }

    fn side(&self, which: Which) -> RwSignal<AxisChoice> {
        match which {
            Which::X => self.x,
            Which::Y => self.y,
        }
    }

    /// The axis as the reader left it (tracked).
    pub fn choice(&self, which: Which) -> AxisChoice {
        self.side(which).get()
    }

    /// Another input on an axis: its step is that input's default again
    /// (a step of cars means nothing for a multiple).
    pub fn set_field(&self, which: Which, field: Field) {
        self.side(which).update(|c| {
            c.field = Some(field);
            c.step = None;
        });
    }

    pub fn set_step(&self, which: Which, typed: String) {
        self.side(which).update(|c| c.step = Some(typed));
    }

    pub fn set_count(&self, which: Which, typed: String) {
        self.side(which).update(|c| c.count = Some(typed));
    }
}
