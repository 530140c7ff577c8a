//! Lazy parts: views the first value does not need, each in a wasm chunk
//! of its own in the split build, fetched when the page is idle after the
//! first value (or at once when the user asks for one first).
//!
//! `lazy_part!` declares a part. With `--cfg sotp_split` (what
//! `scripts/build-app.mjs` builds) it is a `wasm_split` point: calling it
//! fetches and instantiates the chunk once, then runs the body. Without it
//! (native checks, `cargo test` for wasm) it is a plain `async fn`, so the
//! same code runs unsplit. Either way a chunk that cannot be fetched is an
//! `Err(LoadFailed)`, never a panic: the `fallible` option of `wasm_split`.
//!
//! A part mounts its view into its `Host` with `attach`; `parts::Lazy`
//! makes that host in the page, with a retry when the chunk did not load.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// A chunk that could not be fetched or instantiated (offline before it
/// was cached, a host that lost the file).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoadFailed;

impl From<leptos::wasm_split::SplitLoaderError> for LoadFailed {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        LoadFailed
    }
}

/// Declares a lazy part: `lazy_part!(chunk: fn name(args) { body })`.
/// Every part with the same `chunk` name is in the same wasm chunk. The
/// declared function becomes `async fn name(args) -> Result<(), LoadFailed>`.
macro_rules! lazy_part {
    ($chunk:ident: $(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) $body:block) => {
        $(#[$meta])*
        #[cfg(sotp_split)]
        #[::leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        $vis fn $name($($arg: $ty),*) -> ::core::result::Result<(), $crate::ui::lazy::LoadFailed> {
            let () = $body;
            Ok(())
        }

        $(#[$meta])*
        #[cfg(not(sotp_split))]
        $vis async fn $name($($arg: $ty),*) -> ::core::result::Result<(), $crate::ui::lazy::LoadFailed> {
            let () = $body;
            Ok(())
        }
    };
}
pub(crate) use lazy_part;

/// Where a lazy part mounts its view: the element `parts::Lazy` keeps for
/// it, and the view mounted there, owned by that `Lazy`: when it leaves the
/// page (a card removed, the page built anew in another language), the
/// view is unmounted and its effects disposed with it.
#[derive(Clone)]
pub struct Host {
    el: HtmlElement,
    mounted: Mounted,
}

impl Host {
    pub(super) fn new(el: HtmlElement, mounted: Mounted) -> Self {
        Host { el, mounted }
    }
}

/// The view a `Lazy` has mounted, if any, owned by it.
#[derive(Clone, Copy)]
pub struct Mounted(StoredValue<Option<Box<dyn std::any::Any>>, LocalStorage>);

impl Mounted {
    /// Made by a `Lazy` as it is built: the view goes when it goes. It is
    /// taken out and dropped in a cleanup, before the store itself is
    /// disposed: unmounting disposes the view's own reactive nodes, which
    /// cannot happen while the store's are being disposed.
    pub(super) fn new() -> Self {
        let mounted = StoredValue::new_local(None::<Box<dyn std::any::Any>>);
        on_cleanup(move || {
            let view = mounted.try_update_value(Option::take);
            drop(view);
        });
        Mounted(mounted)
    }
}

/// Mounts a part's view into `host` for as long as its `Lazy` lives.
/// Runs inside the chunk, so the view's code is there too.
pub fn attach<V: IntoView + 'static>(host: Host, view: impl FnOnce() -> V + 'static) {
    let handle: Box<dyn std::any::Any> = Box::new(leptos::mount::mount_to(host.el, view));
    // A `Lazy` gone meanwhile hands the view back: dropped, it unmounts.
    // A view mounted there before is dropped the same way (outside the
    // store's borrow: unmounting runs the view's cleanups).
    let replaced = host.mounted.0.try_update_value(|m| m.replace(handle));
    drop(replaced);
}

/// Runs `f` once the browser is idle (after the first value is painted),
/// or after a short delay where `requestIdleCallback` does not exist.
pub fn when_idle(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = Closure::once_into_js(f);
    let has_idle = js_sys::Reflect::has(&window, &"requestIdleCallback".into()).unwrap_or(false);
    if has_idle {
        let options = web_sys::IdleRequestOptions::new();
        // Not later than this, even on a page that is never idle.
        options.set_timeout(1500);
        let _ = window.request_idle_callback_with_options(callback.unchecked_ref(), &options);
    } else {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 50);
    }
}
