//! What the first screen needs: the page's frame, the headline, the
//! presets, every input, and taking over from the HTML's snapshot. None of
//! it imports from a lazy chunk's folder (`saved`, `docs`, `compare`) but
//! through `ui::parts` (`tests/invariants.rs`).

pub mod failed_parts;
pub mod first_screen;
pub mod footer;
pub mod group_panel;
pub mod headline;
pub mod key_assumptions;
pub mod number_field;
pub mod page;
pub mod preset_picker;
pub mod segment_panel;

pub use first_screen::Start;
