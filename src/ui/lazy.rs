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
//! A part mounts its view into a host element with `attach`; `parts::Lazy`
//! is that host in the page, with a retry when the chunk did not load.

use super::state::AppState;
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

/// Mounts a part's view into `host` for as long as the host is on the page.
/// Runs inside the chunk, so the view's code is there too.
pub fn attach<V: IntoView + 'static>(host: HtmlElement, view: impl FnOnce() -> V + 'static) {
    unmount_stale(&host);
    let handle = leptos::mount::mount_to(host.clone(), view);
    MOUNTED.with(|m| m.borrow_mut().push((host, Box::new(handle))));
}

thread_local! {
    /// Every mounted part with its host; dropping the handle unmounts the
    /// part and disposes of its effects.
    static MOUNTED: std::cell::RefCell<Vec<(HtmlElement, Box<dyn std::any::Any>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Unmounts the part mounted before in `host` (the page rebuilt in another
/// language mounts each part again) and those whose host has left the
/// page, so that none keeps following the state behind the scenes.
fn unmount_stale(host: &HtmlElement) {
    let stale: Vec<_> = MOUNTED.with(|m| {
        let mut m = m.borrow_mut();
        let (stale, kept) = m.drain(..).partition(|(h, _)| h == host || !h.is_connected());
        *m = kept;
        stale
    });
    // Dropped outside the borrow: unmounting runs the parts' cleanups.
    drop(stale);
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

/// The lazy parts of the page that did not load, and how to retry them:
/// one message and one Retry for all (parts of one chunk fail together).
#[derive(Clone, Copy)]
pub struct Parts {
    failed: RwSignal<Vec<&'static str>>,
    retries: StoredValue<Vec<std::rc::Rc<dyn Fn()>>, LocalStorage>,
}

impl Parts {
    pub fn new() -> Self {
        Parts { failed: RwSignal::new(Vec::new()), retries: StoredValue::new_local(Vec::new()) }
    }

    pub(super) fn register(&self, retry: impl Fn() + 'static) {
        self.retries.update_value(|r| r.push(std::rc::Rc::new(retry)));
    }

    pub(super) fn set_failed(&self, part: &'static str, failed: bool) {
        self.failed.update(|list| {
            list.retain(|p| *p != part);
            if failed {
                list.push(part);
            }
        });
    }

    /// Loads again every part that failed.
    pub fn retry(&self) {
        let retries = self.retries.with_value(|r| r.clone());
        for retry in retries {
            retry();
        }
    }
}

impl Default for Parts {
    fn default() -> Self {
        Self::new()
    }
}

/// Says which parts did not load, with one Retry for all of them.
#[component]
pub fn FailedParts(state: AppState) -> impl IntoView {
    let parts = state.parts;
    let names = move || parts.failed.with(|f| f.join(", "));
    move || {
        parts.failed.with(|f| !f.is_empty()).then(|| {
            view! {
                <p class="notice error" role="alert" data-testid="part-failed">
                    {move || state.lang.f(crate::text::Key::PartsNotLoaded, &[("parts", &names())])}
                    " "
                    <button type="button" on:click=move |_| parts.retry()>{state.lang.t(crate::text::Key::Retry)}</button>
                </p>
            }
        })
    }
}
