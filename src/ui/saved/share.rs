//! Share links in the browser: reading the address bar, keeping it in step,
//! the clipboard. Encoding and decoding are `link`'s alone.

use crate::link::{self, LinkError};
use crate::model::Scenario;
use crate::ui::address::{address_without_fragment, location_hash, replace_fragment};
use crate::ui::state::{AppState, Reason, Refused};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

/// The scenario in the address bar, if it carries a share link.
pub fn link_in_address() -> Option<Result<Scenario, LinkError>> {
    let hash = location_hash();
    let fragment = hash.strip_prefix('#').unwrap_or(&hash);
    link::is_link(fragment).then(|| link::decode(fragment))
}

/// Opens a decoded link as an unsaved copy, or says what is wrong with it.
/// Storage is never touched here: a link cannot overwrite a saved scenario.
pub fn open_link(state: AppState, decoded: Result<Scenario, LinkError>) {
    match decoded {
        Ok(scenario) => state.open_link_copy(scenario),
        Err(e) => state.refuse(Refused::OpenLink, vec![Reason::Link(e)]),
    }
}

/// Keeps the address bar in step with the scenario while it is an unsaved
/// link copy (replaceState: no history entry per keystroke), and follows a
/// link pasted into the address bar of an open tab.
pub fn keep_address_in_step(state: AppState) {
    Effect::new(move |was_link: Option<bool>| {
        let is_link = state.from_link.get();
        if is_link {
            // Only a valid scenario goes into the address; while a field is
            // wrong the address keeps the last valid one.
            if state.evaluation.with(|r| r.is_ok()) {
                replace_fragment(Some(&state.scenario.with(link::encode)));
            }
        } else if was_link == Some(true) {
            replace_fragment(None);
        }
        is_link
    });
    // Our own replaceState does not fire hashchange; this is the user.
    crate::listen::on_window(&state.owner(), "hashchange", move |_: web_sys::Event| {
        if let Some(decoded) = link_in_address() {
            open_link(state, decoded);
        }
    });
}

/// "Copy link": the whole scenario in the fragment, so it reaches no server.
#[component]
pub fn CopyLinkButton(state: AppState) -> impl IntoView {
    let copy = move |_| {
        let Some(shown) = state.shown.get_untracked() else {
            return;
        };
        let fragment = link::encode(&shown.scenario);
        if fragment.len() > link::MAX_LINK_CHARS {
            return state.refuse(
                Refused::LinkTooLong { chars: fragment.len(), max: link::MAX_LINK_CHARS },
                Vec::new(),
            );
        }
        let url = format!("{}#{fragment}", address_without_fragment());
        let stale = state.is_stale();
        spawn_local(async move {
            let copied = match web_sys::window().map(|w| w.navigator().clipboard()) {
                Some(clipboard) => JsFuture::from(clipboard.write_text(&url)).await.is_ok(),
                None => false,
            };
            state.offer_link(copied, stale, url);
        });
    };
    view! {
        <button type="button" on:click=copy>{state.lang.t(crate::text::NoticeKey::CopyLink)}</button>
    }
}
