//! Text that could not be taken, by field: what the page shows under each.

use crate::model::{Field, Problem};

/// Text that could not be taken, by field, with the problem to show under
/// it. A handful at most, so a list (smaller in the wasm than a map).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FieldErrors(Vec<(Field, Problem)>);

impl FieldErrors {
    pub fn get(&self, field: Field) -> Option<&Problem> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, m)| m)
    }

    pub fn insert(&mut self, field: Field, message: Problem) {
        self.remove(field);
        self.0.push((field, message));
    }

    pub fn remove(&mut self, field: Field) {
        self.0.retain(|(f, _)| *f != field);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
