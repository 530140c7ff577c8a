//! Work that waits until the user pauses: the draft written once typing
//! stops, the value announced once it settles.

use leptos::prelude::*;

/// `f` made to run only once calls pause for `pause`: each call restarts
/// the wait (typing runs it once, after the last keystroke).
pub fn after_pause(pause: std::time::Duration, f: impl Fn() + Copy + 'static) -> impl Fn() + Copy + 'static {
    // Which call the pending run is for: only the latest runs.
    let latest = StoredValue::new(0u64);
    move || {
        latest.update_value(|n| *n = n.wrapping_add(1));
        let ticket = latest.get_value();
        set_timeout(
            move || {
                if latest.get_value() == ticket {
                    f();
                }
            },
            pause,
        );
    }
}
