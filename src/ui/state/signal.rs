//! `StateSignal`: a signal of the page's state that every view may read
//! and only `ui::state` may write. Its writers are methods visible in this
//! module tree alone, so a view that tries `state.scenario.set(..)`, even
//! through a copy of the signal, does not compile. It wraps the same
//! `RwSignal` (no second handle, no extra code: each method is one call).

use leptos::prelude::*;

/// A signal of `AppState`: read anywhere, written only by its methods.
/// Writing one from outside `ui::state` does not compile, even through a
/// copy (error E0624, a private method; this doc-test plants it):
///
/// ```compile_fail,E0624
/// fn a_view_writes(state: sotp::ui::state::AppState) {
///     let sc = state.scenario;
///     sc.set(sotp::model::Preset::Bull.scenario());
/// }
/// ```
pub struct StateSignal<T: 'static>(RwSignal<T>);

// By hand: a derive would ask `T: Copy`, and a signal is a handle.
impl<T> Clone for StateSignal<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for StateSignal<T> {}

impl<T: Send + Sync + 'static> StateSignal<T> {
    pub(in crate::ui::state) fn new(value: T) -> Self {
        StateSignal(RwSignal::new(value))
    }

    /// Reads the value and tracks it (the view follows it).
    pub fn with<U>(&self, f: impl FnOnce(&T) -> U) -> U {
        self.0.with(f)
    }

    /// Reads the value without tracking it.
    pub fn with_untracked<U>(&self, f: impl FnOnce(&T) -> U) -> U {
        self.0.with_untracked(f)
    }

    /// A copy of the value, tracked.
    pub fn get(&self) -> T
    where
        T: Clone,
    {
        self.0.get()
    }

    /// A copy of the value, untracked.
    pub fn get_untracked(&self) -> T
    where
        T: Clone,
    {
        self.0.get_untracked()
    }

    /// Follows the value without reading it.
    pub fn track(&self) {
        self.0.track();
    }

    pub(in crate::ui::state) fn set(&self, value: T) {
        self.0.set(value);
    }

    pub(in crate::ui::state) fn update(&self, f: impl FnOnce(&mut T)) {
        self.0.update(f);
    }
}

impl<T> PartialEq for StateSignal<T> {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}
