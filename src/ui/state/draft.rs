//! The draft on local storage: kept while the editor holds unsaved edits,
//! brought back on the next visit (`crate::draft` decides what and how).

use super::AppState;
use crate::draft::{self, Draft};
use crate::storage::LocalStore;
use crate::ui::pause::after_pause;
use leptos::prelude::*;
use std::time::Duration;

/// How long typing pauses before the draft is written.
const DRAFT_PAUSE: Duration = Duration::from_millis(300);

/// Runs `f` whenever the page is hidden (another tab, a closed tab, a
/// phone's app switcher): the last moment a page is sure to run code.
/// `visibilitychange` fires before `pagehide` on close, and also on a
/// phone, where `pagehide` may never come.
fn on_page_hidden(owner: &Owner, f: impl Fn() + 'static) {
    crate::listen::on_window(owner, "visibilitychange", move |_: web_sys::Event| {
        let hidden = web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden());
        if hidden {
            f();
        }
    });
}

impl AppState {
    /// The editor as a draft, or `None` while its input does not value (the
    /// last draft that did is kept then).
    fn as_draft(&self) -> Option<Draft> {
        if self.evaluation.with_untracked(|r| r.is_err()) {
            return None;
        }
        Some(Draft {
            saved_at_ms: js_sys::Date::now() as i64,
            from_link: self.from_link.get_untracked(),
            open: self.saved.open.get_untracked(),
            scenario: self.scenario.get_untracked(),
            baseline: self.baseline.get_untracked(),
        })
    }

    /// From now on, keeps the draft in step with the editor. `restored` is
    /// the draft this page brought back, if any: this page holds it.
    ///
    /// Writing is put off until typing pauses (`DRAFT_PAUSE`), so that a
    /// keystroke never waits for storage, and done at once when the page is
    /// hidden or closed, so that the pause loses nothing.
    pub fn keep_draft(&self, restored: Option<Draft>) {
        let state = *self;
        let held = StoredValue::new(restored);
        let write = move || {
            if let Some(d) = state.as_draft() {
                // A failed write keeps what was held: a draft is a
                // convenience, and the save bar says when storage is off.
                if let Ok(now) = draft::keep(&LocalStore, Some(d), held.get_value().as_ref()) {
                    held.set_value(now);
                }
            }
        };
        let write_after_pause = after_pause(DRAFT_PAUSE, write);
        Effect::new(move |_| {
            state.scenario.track();
            state.baseline.track();
            state.saved.open.track();
            state.from_link.track();
            write_after_pause();
        });
        on_page_hidden(&self.owner(), write);
    }

    /// Brings back the stored draft, if one reads: the same scenario, edits
    /// and open saved scenario as when it was written.
    pub fn restore_draft(&self) -> Option<Draft> {
        let d = draft::stored(&LocalStore)?;
        self.put_back(d.baseline.clone(), d.scenario.clone(), d.open.clone(), d.from_link);
        self.saved.restored.set(Some((d.saved_at_ms, self.generation.get_untracked())));
        Some(d)
    }

    /// Drops the restored edits: back to what they were edits of (the
    /// saved scenario, still open, or the preset, file or link).
    pub fn discard_draft(&self) {
        self.saved.restored.set(None);
        match self.saved.open.get_untracked() {
            Some(open) => {
                self.load(open.saved.clone());
                self.saved.open.set(Some(open));
            }
            None => {
                let from_link = self.from_link.get_untracked();
                self.load(self.baseline.get_untracked());
                self.from_link.set(from_link);
            }
        }
    }
}
