//! The `saved` chunk's views: saving, My scenarios, files, share links,
//! the structure editor, the method select, and what the page does at
//! start with storage and the address bar (`start`).

pub mod editor;
pub mod file_io;
pub mod library_panel;
pub mod method_picker;
pub mod save_bar;
pub mod segment_tools;
pub mod share;

use crate::ui::first::Start;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// What the page opens with: a share link in the address if there is one,
/// else the draft of unsaved edits, else the scenario open last, else the
/// Base preset. A bad link is explained and the page opens what it had;
/// storage is not touched.
/// Runs once, in the `saved` chunk (`parts::start_saved`, from `App`).
/// Opens nothing over what the user has edited meanwhile.
///
/// A draft or a scenario open last is brought back only when the page
/// opened to restore it (`Start::Restore`). A page that opened on Base
/// found neither then: one stored since was written by another tab while
/// this chunk was on its way, and is that tab's work, not this page's.
pub fn start(state: AppState, start: Start) {
    state.refresh_library();
    let untouched = state.generation.get_untracked() == 0
        && state.field_errors.with_untracked(|e| e.is_empty())
        && state.scenario.with_untracked(|s| state.baseline.with_untracked(|b| s == b));
    let link = share::link_in_address();
    let mut restored = None;
    if start == Start::Restore && untouched && !matches!(link, Some(Ok(_))) {
        // Unsaved edits from the last visit come first: the saved
        // scenario they were edits of is open beneath them.
        restored = state.restore_draft();
        if restored.is_none() {
            if let Some(entry) = state.last_open() {
                state.open_saved(&entry);
            }
        }
    }
    if let Some(decoded) = link.filter(|_| untouched) {
        share::open_link(state, decoded);
    }
    crate::storage::on_other_tab_change(&state.owner(), move |_| state.on_storage_changed());
    share::keep_address_in_step(state);
    state.keep_draft(restored);
    keep_title_in_step(state);
}

/// The tab's title names the company on screen (`text::editor::page_title`),
/// in the page's language.
fn keep_title_in_step(state: AppState) {
    let title = Memo::new(move |_| {
        let lang = state.language.get();
        state.scenario.with(|s| crate::text::editor::page_title(lang, s))
    });
    Effect::new(move |_| document().set_title(&title.get()));
}

/// Focuses the element `id` at the next frame, once the views have
/// followed the edit just made (a closed card opened, a card moved).
fn focus_next_frame(id: String) {
    request_animation_frame(move || {
        let el = document().get_element_by_id(&id);
        if let Some(el) = el.and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok()) {
            let _ = el.focus();
        }
    });
}
