//! The first screen in the HTML: renders the page's own components natively
//! (leptos' `ssr`) for a first visit in each language, and the frame shown
//! while a link, a draft or the scenario open last is being opened, and
//! writes them as one JSON file for `scripts/build-app.mjs`, which puts them
//! in `dist/index.html` with the inline loader.
//!
//!   cargo run --features prerender --bin prerender -- OUT.json
//!
//! The same `App`, the same engine and the same texts as the live page, so
//! the snapshot cannot drift from it. Also written: each language's words
//! the loader needs before the app runs (title, description, skip link, the
//! failure to start), and `Lang::choose`'s answers for the browser tags the
//! page knows and `link::is_link`'s for some addresses, which the
//! end-to-end tests hold the loader's choices against.

use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use serde_json::{json, Map, Value};
use sotp::text::{Key, Lang};
use sotp::ui::{App, Start};
use std::process::ExitCode;

fn render(lang: Lang, start: Start) -> String {
    let owner = Owner::new();
    owner.with(|| view! { <App lang start /> }.to_html())
}

/// The headline alone, in English, for a reader with scripts off.
fn headline() -> String {
    let owner = Owner::new();
    owner.with(|| view! { <sotp::ui::NoScriptValue /> }.to_html())
}

/// Browser languages (`navigator.languages`) and stored choices (`sotp.lang`)
/// whose language the loader must pick as `Lang::choose` does.
const TAGS: [&str; 24] = [
    "en",
    "en-US",
    "en-GB",
    "de",
    "de-DE",
    "de-CH",
    "de-AT",
    "zh",
    "zh-CN",
    "zh-SG",
    "zh-HK",
    "zh-TW",
    "zh-MO",
    "zh-Hant",
    "zh-Hans",
    "zh-Hant-HK",
    "zh-Hans-HK",
    "ZH_tw",
    "fr-FR",
    "ja",
    "es",
    "",
    "x",
    "zh-hans-tw",
];
const STORED: [Option<&str>; 7] =
    [None, Some("en"), Some("de"), Some("zh-Hant"), Some("zh-Hans"), Some("fr"), Some("{broken")];

fn choose_cases() -> Vec<Value> {
    let mut cases = Vec::new();
    for stored in STORED {
        for tag in TAGS {
            let browser = [tag];
            cases.push(json!({ "stored": stored, "languages": browser, "lang": Lang::choose(stored, &browser).code() }));
        }
        // Several tags: the first the page has wins.
        for browser in [vec!["fr-FR", "de-DE", "en"], vec!["ja", "zh-HK", "de"], vec![]] {
            cases.push(json!({ "stored": stored, "languages": browser, "lang": Lang::choose(stored, &browser).code() }));
        }
    }
    cases
}

/// Address fragments (`location.hash`) and whether each is a share link,
/// by `link::is_link`: the loader opens the frame for these.
const HASHES: [&str; 10] =
    ["", "#", "#s1.AAAA", "#s2.x.y", "#s12.", "#s.abc", "#section-2", "#S1.abc", "#s1abc", "#xs1.abc"];

fn main() -> ExitCode {
    let Some(out) = std::env::args().nth(1) else {
        eprintln!("usage: prerender OUT.json");
        return ExitCode::from(2);
    };
    let mut languages = Map::new();
    for lang in Lang::ALL {
        languages.insert(
            lang.code().to_string(),
            json!({
                "first": render(lang, Start::Base),
                "opening": render(lang, Start::Restore),
                "title": lang.t(Key::PageTitle),
                "description": lang.t(Key::PageDescription),
                "skip": lang.t(Key::SkipToValuation),
                "start_failed": lang.t(Key::StartFailed),
            }),
        );
    }
    let file = json!({ "languages": languages, "noscript": headline(), "choose_cases": choose_cases(),
        "link_cases": HASHES.map(|hash| json!({ "hash": hash, "is_link": sotp::link::is_link(hash) })) });
    match std::fs::write(&out, file.to_string()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("prerender: cannot write {out}: {e}");
            ExitCode::FAILURE
        }
    }
}
