//! A scenario's rules as the page shows them: a rule the scenario broke as
//! it was opened (a blank company's zeros) is a hint under its field,
//! "To fill in: must be more than 0", until the field is typed into or a
//! save is tried; then, like any other, an error.

use super::AppState;
use crate::model::Field;
use leptos::prelude::*;

/// What the user has typed into since the scenario was opened (`AppState::touched`).
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Touched {
    pub(super) fields: Vec<Field>,
    /// A save was tried.
    pub(super) all: bool,
}

impl AppState {
    /// The rule `field` breaks, as a hint under it while it is one (see
    /// `touched`): "To fill in: must be more than 0".
    pub fn rule_hint(&self, field: Field) -> Option<String> {
        let rule = self.rule_is_hint(field).then(|| self.rule_broken(field))??;
        Some(self.lang.f(crate::text::Key::RuleHint, &[("rule", &rule)]))
    }

    /// Whether a broken rule of `field` is still a hint: the scenario broke
    /// it as opened, and the field was not typed into nor a save tried.
    pub(super) fn rule_is_hint(&self, field: Field) -> bool {
        self.opened_issues.with(|o| o.contains(&field))
            && self.touched.with(|t| !t.all && !t.fields.contains(&field))
    }

    /// What the scenario's rules say of `field` now (e.g. the year range).
    pub(super) fn rule_broken(&self, field: Field) -> Option<String> {
        self.evaluation.with(|r| match r {
            Err(issues) => issues
                .iter()
                .find(|i| i.field() == Some(field))
                .and_then(|i| crate::text::value_problem(self.lang, &i.problem)),
            Ok(_) => None,
        })
    }

    /// A save was tried: every broken rule is an error now.
    pub fn show_every_rule(&self) {
        if !self.touched.with_untracked(|t| t.all) {
            self.touched.update(|t| t.all = true);
        }
    }
}
