//! Work that waits until the user pauses: the draft written once typing
//! stops, the value announced once it settles.

use leptos::prelude::*;

/// `f` made to run only once calls pause for `pause`: each call restarts
/// the wait (typing runs it once, after the last keystroke). A wait still
/// pending when the reactive owner current now is cleaned up is cancelled
/// with it.
pub fn after_pause(pause: std::time::Duration, f: impl Fn() + Copy + 'static) -> impl Fn() + Copy + 'static {
    let pending = StoredValue::new(None::<TimeoutHandle>);
    on_cleanup(move || {
        if let Some(handle) = pending.try_get_value().flatten() {
            handle.clear();
        }
    });
    move || {
        if let Some(handle) = pending.try_get_value().flatten() {
            handle.clear();
        }
        pending.try_set_value(set_timeout_with_handle(f, pause).ok());
    }
}
