//! The README's architecture invariants, checked on the source text: a
//! change that breaks one fails here, not in review.
// Tests may unwrap, expect, panic and index: a failure is the test failing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable
)]

use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `src/` and `crates/core/src/`, with its path
/// relative to the repository root (forward slashes) and its code lines
/// (comments dropped, so prose that names a crate does not count).
fn sources() -> Vec<(String, Vec<String>)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).expect("src/ is readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    walk(&root.join("src"), &mut files);
    walk(&root.join("crates/core/src"), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let rel = path.strip_prefix(root).expect("under the root").to_string_lossy().replace('\\', "/");
            let code = fs::read_to_string(&path)
                .expect("readable")
                .lines()
                .map(|l| l.split("//").next().unwrap_or_default().to_string())
                .filter(|l| !l.trim().is_empty())
                .collect();
            (rel, code)
        })
        .collect()
}

/// Files (other than those `allowed`) whose code contains any of `needles`,
/// with the first line that does.
fn offenders(needles: &[&str], allowed: impl Fn(&str) -> bool) -> Vec<String> {
    offenders_in(&sources(), needles, allowed)
}

/// `offenders` on the given sources (a planted violation in a test).
fn offenders_in(
    sources: &[(String, Vec<String>)],
    needles: &[&str],
    allowed: impl Fn(&str) -> bool,
) -> Vec<String> {
    sources
        .iter()
        .filter(|(path, _)| !allowed(path))
        .filter_map(|(path, code)| {
            code.iter()
                .find(|l| needles.iter().any(|n| l.contains(n)))
                .map(|l| format!("{path}: {}", l.trim()))
        })
        .collect()
}

#[test]
fn the_sources_are_found() {
    // Guards the other tests against passing on an empty walk.
    let files = sources();
    for expected in [
        "crates/core/src/model/valuation.rs",
        "crates/core/src/analysis/breakeven.rs",
        "crates/core/src/analysis/monte_carlo/draw.rs",
        "src/storage.rs",
        "crates/core/src/link/mod.rs",
        "src/ui/state/mod.rs",
        "src/ui/parts.rs",
    ] {
        assert!(files.iter().any(|(p, _)| p == expected), "{expected} not found");
    }
}

#[test]
fn the_core_depends_on_no_browser_crate() {
    // The model, the analysis, links and texts are their own crate
    // (crates/core): with no browser crate among its dependencies, the
    // compiler refuses any use of one there. This keeps it so.
    let manifest = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/core/Cargo.toml"))
        .expect("crates/core/Cargo.toml");
    let deps = manifest.split("[dependencies]").nth(1).expect("a [dependencies] table");
    let deps = deps.split("\n[").next().unwrap_or_default();
    for browser in ["leptos", "web-sys", "js-sys", "gloo", "wasm-bindgen"] {
        assert!(
            !deps.lines().any(|l| l.trim_start().starts_with(browser)),
            "crates/core depends on {browser}"
        );
    }
    let found = offenders(&["leptos", "web_sys", "gloo", "wasm_bindgen", "js_sys"], |p| {
        !p.starts_with("crates/core/")
    });
    assert!(found.is_empty(), "the core names a browser crate: {found:#?}");
}

#[test]
fn no_binary_float_touches_a_value() {
    // Floats only choose which inputs a Monte Carlo draw values (the
    // generator and the sampler); every drawn input is a decimal before the
    // engine sees it. `#![deny(clippy::float_arithmetic)]` in both modules
    // checks arithmetic; this checks the types.
    let floats =
        ["crates/core/src/analysis/monte_carlo/draw.rs", "crates/core/src/analysis/monte_carlo/rng.rs"];
    let plain =
        |p: &str| p.starts_with("crates/core/src/model/") || p.starts_with("crates/core/src/analysis/");
    let found = offenders(&["f64", "f32"], |p| !plain(p) || floats.contains(&p));
    assert!(found.is_empty(), "floats in the model or the analysis: {found:#?}");
}

#[test]
fn only_the_storage_module_touches_local_storage() {
    // (`LocalStorage` alone is also reactive_graph's name for !Send storage
    // of signals; gloo's is used as `LocalStorage::...`.)
    let found = offenders(
        &["gloo_storage", "local_storage", "LocalStorage::", "localStorage", "web_sys::Storage"],
        |p| p == "src/storage.rs",
    );
    assert!(found.is_empty(), "local storage outside src/storage.rs: {found:#?}");
}

#[test]
fn only_the_link_module_encodes_and_decodes_links() {
    // The wire format's pieces stay inside the link module (crates/core/src/link/).
    let in_link = |p: &str| p.starts_with("crates/core/src/link/");
    let found = offenders(&["base64", "crc32", "CRC", "fn encode(", "fn decode("], in_link);
    assert!(found.is_empty(), "link encoding outside the link module: {found:#?}");
    // Everyone else goes through its front door.
    let front_door = [
        "link::encode",
        "link::decode",
        "link::is_link",
        "link::MAX_LINK_CHARS",
        "link::LinkError",
        "link::{",
    ];
    let mut wrong = Vec::new();
    for (path, code) in sources().into_iter().filter(|(p, _)| !in_link(p)) {
        for line in code.iter().filter(|l| l.contains("link::")) {
            let mut rest = line.as_str();
            while let Some(at) = rest.find("link::") {
                let tail = &rest[at..];
                let ok = front_door.iter().any(|d| tail.starts_with(d))
                    || tail.starts_with("link::{self, LinkError}")
                    || rest[..at].ends_with("wasm_")
                    || rest[..at].ends_with("_");
                if !ok {
                    wrong.push(format!("{path}: {}", line.trim()));
                }
                rest = &tail["link::".len()..];
            }
        }
    }
    assert!(wrong.is_empty(), "uses of the link module other than encode/decode/is_link: {wrong:#?}");
}

#[test]
fn only_file_io_touches_files_and_downloads() {
    let found =
        offenders(&["Blob", "FileList", "create_object_url", "HtmlAnchorElement", "set_download"], |p| {
            p == "src/ui/saved/file_io.rs"
        });
    assert!(found.is_empty(), "files or downloads outside src/ui/saved/file_io.rs: {found:#?}");
}

/// Every way rust_decimal rounds or cuts a number.
const ROUNDING: [&str; 9] = [
    "round_dp",
    "round_sf",
    ".round()",
    "trunc(",
    "trunc_with_scale",
    ".floor()",
    ".ceil()",
    "rescale(",
    "RoundingStrategy",
];

/// Where rounding is allowed: display.rs for the reader, and for a file
/// export.rs (the CSV's 4 decimals); the model keeps full precision.
/// Compare's "Equal weights" and a method switch's multiple round a value
/// the user gets to edit, not a result; a chart's scale takes round ticks
/// around the values, which it does not change.
fn may_round(path: &str) -> bool {
    [
        "crates/core/src/display.rs",
        "crates/core/src/export.rs",
        "crates/core/src/compare/weights.rs",
        "crates/core/src/model/method_switch.rs",
        "crates/core/src/analysis/chart.rs",
    ]
    .contains(&path)
}

#[test]
fn numbers_are_rounded_only_in_display() {
    let found = offenders(&ROUNDING, may_round);
    assert!(found.is_empty(), "rounding outside crates/core/src/display.rs: {found:#?}");
}

#[test]
fn a_planted_rounding_is_caught() {
    for planted in ["let shown = value.trunc_with_scale(2);", "v.round_dp(2)", "x.floor()", "d.trunc()"] {
        let sources = vec![("crates/core/src/model/valuation.rs".to_string(), vec![planted.to_string()])];
        assert_eq!(offenders_in(&sources, &ROUNDING, may_round).len(), 1, "{planted}");
    }
}

#[test]
fn only_the_text_module_puts_values_into_words() {
    // Issues, errors and notices are data; `Display` would be a second way
    // to their words (in one language) beside `crate::text`.
    let found = offenders(&["impl fmt::Display", "impl std::fmt::Display", "impl Display"], |p| {
        p.starts_with("crates/core/src/text/")
    });
    assert!(found.is_empty(), "values put into words outside crates/core/src/text/: {found:#?}");
}

/// Words that only a sentence has: the model says what is wrong as data.
const SENTENCES: [&str; 4] = ["must be", "is missing", "is too large", "format!(\"is "];

fn is_model(path: &str) -> bool {
    path.starts_with("crates/core/src/model/") || path.starts_with("crates/core/src/analysis/")
}

#[test]
fn the_model_holds_no_sentences() {
    // A problem is a `Problem`, never a finished string: the only literal
    // texts in the model are codes, keys and the preset's own data.
    let found = offenders(&SENTENCES, |p| !is_model(p));
    assert!(found.is_empty(), "sentences in the model: {found:#?}");
}

#[test]
fn a_planted_sentence_is_caught() {
    let planted = r#"return Err(format!("{field} must be more than 0"));"#;
    let sources = vec![("crates/core/src/model/validate.rs".to_string(), vec![planted.to_string()])];
    assert_eq!(offenders_in(&sources, &SENTENCES, |p| !is_model(p)).len(), 1);
}

#[test]
fn the_contracts_copied_into_docs_match_their_originals() {
    // docs/ keeps a copy of the shared contract so that references resolve
    // in the repository; when ../shared is beside the clone (as in CI), the
    // copy must still be the original, after its three-line header.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (copy, original) in [
        ("docs/valuation-model.md", "spec/valuation-model.md"),
        ("docs/xiaomi-facts.md", "data/xiaomi-facts.md"),
    ] {
        let copy_text = fs::read_to_string(root.join(copy)).expect("the copy is in docs/");
        let body = copy_text.split_once("-->\n\n").map(|(_, b)| b).expect("the copy's header");
        match fs::read_to_string(root.join("../shared").join(original)) {
            Ok(original_text) => assert_eq!(body, original_text, "{copy} differs from shared/{original}"),
            Err(_) => eprintln!("../shared/{original} is not beside the clone: {copy} not compared"),
        }
    }
}

/// The user sees where a default comes from as an outlet and a date, never
/// a file name of ours ("seed 001").
#[test]
fn sources_name_outlets_and_dates_not_our_files() {
    use sotp::model::{Field, Preset};
    use sotp::text::{field_source, sources, Lang};
    let base = Preset::Base.scenario();
    for lang in Lang::ALL {
        for field in Field::all(&base) {
            let seg = field.segment().and_then(|i| base.segments.get(i)).map(|s| s.id.as_str());
            let text = field_source(lang, field, seg).unwrap_or_else(|| panic!("{field:?} has no source"));
            assert!(!text.to_lowercase().contains("seed"), "{field:?}: {text}");
        }
        let list: Vec<_> = sources(lang).collect();
        assert_eq!(list.len(), 11);
        for (outlet, took) in list {
            assert!(!outlet.is_empty() && !took.is_empty(), "{outlet}: {took}");
            assert!(took.contains("202"), "a date with a year: {outlet}: {took}");
            assert!(!format!("{outlet}{took}").to_lowercase().contains("seed"), "{outlet}: {took}");
        }
    }
}

/// The folders of the page's lazy chunks: their views are in those wasm
/// chunks, and the first screen reaches them only through `ui::parts`,
/// the one lazy mount (`Lazy`, with the chunk's enum).
const LAZY_FOLDERS: [&str; 4] = ["ui::saved", "ui::docs", "ui::compare", "ui::analysis"];

/// The module a file of the page crate is (`src/ui/first/page.rs` is
/// `ui::first::page`, `src/ui/state/mod.rs` is `ui::state`).
fn module_of(path: &str) -> Vec<String> {
    let rel = path.strip_prefix("src/").unwrap_or(path).trim_end_matches(".rs");
    let mut parts: Vec<String> = rel.split('/').map(str::to_string).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib" | "main")) {
        parts.pop();
    }
    parts
}

/// Every path `code` names (`crate::..`, `super::..`, `self::..`, a
/// child module's `saved::..`, and each item of a `{..}` group), resolved
/// from `module` to a path from the crate's root. An outside crate's path
/// (`leptos::..`) resolves to a path that names nothing of the page,
/// which is all this needs.
fn named_paths(module: &[String], code: &str) -> Vec<String> {
    let is_path_char = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == ':';
    let resolve = |path: &str| {
        let mut at: Vec<String> = module.to_vec();
        let mut rest = path.split("::").filter(|p| !p.is_empty()).peekable();
        match rest.peek().copied() {
            Some("crate") => {
                at.clear();
                rest.next();
            }
            Some("self") => {
                rest.next();
            }
            _ => {}
        }
        while rest.peek() == Some(&"super") {
            at.pop();
            rest.next();
        }
        at.extend(rest.map(str::to_string));
        at.join("::")
    };
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(c) = code[i..].chars().next() {
        if !is_path_char(c) || c == ':' {
            i += c.len_utf8();
            continue;
        }
        let path: String = code[i..].chars().take_while(|&c| is_path_char(c)).collect();
        let after = &code[i + path.len()..];
        i += path.len();
        if !path.contains("::") {
            continue;
        }
        match after.strip_prefix('{') {
            Some(group) => {
                let group = group.split('}').next().unwrap_or_default();
                for item in group.split(',') {
                    let item: String = item.trim().chars().take_while(|&c| is_path_char(c)).collect();
                    found.push(resolve(&format!("{path}{item}")));
                }
            }
            None => found.push(resolve(&path)),
        }
    }
    found
}

/// First-screen files of the page (everything under `src/` but the lazy
/// chunks' folders, `ui/parts.rs` and the binaries) that name a lazy
/// chunk's folder, with the path they name.
fn lazy_imports_in(sources: &[(String, Vec<String>)]) -> Vec<String> {
    let is_lazy = |m: &str| LAZY_FOLDERS.iter().any(|f| m == *f || m.starts_with(&format!("{f}::")));
    sources
        .iter()
        .filter(|(path, _)| path.starts_with("src/") && !path.starts_with("src/bin/"))
        .filter(|(path, _)| path != "src/ui/parts.rs" && !is_lazy(&module_of(path).join("::")))
        .flat_map(|(path, code)| {
            let module = module_of(path);
            named_paths(&module, &code.join(" "))
                .into_iter()
                .filter(|p| is_lazy(p))
                .map(|p| format!("{path}: {p}"))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn first_screen_files_reach_lazy_chunks_only_through_the_lazy_mount() {
    let sources = sources();
    assert!(sources.iter().any(|(p, _)| p == "src/ui/first/page.rs"), "the first screen's folder moved");
    let found = lazy_imports_in(&sources);
    assert!(
        found.is_empty(),
        "a first-screen file imports a lazy chunk's view (mount it with `Lazy`):\n{found:#?}"
    );
}

#[test]
fn a_planted_lazy_import_is_caught() {
    let file = |path: &str, line: &str| (path.to_string(), vec![line.to_string()]);
    for planted in [
        file("src/ui/first/page.rs", "use super::super::saved::editor::CompanyEditor;"),
        file("src/ui/first/headline.rs", "use crate::ui::{docs::Sources, state::AppState};"),
        file("src/ui/mod.rs", "pub use saved::file_io::download;"),
        file("src/ui/mod.rs", "let _ = self::compare::compare_view::CompareView;"),
        file("src/ui/mod.rs", "use {saved::share, state::AppState};"),
        file("src/ui/state/mod.rs", "let _ = crate::ui::docs::bridge_table::rows(x);"),
    ] {
        assert!(!lazy_imports_in(std::slice::from_ref(&planted)).is_empty(), "not caught: {planted:?}");
    }
    // The state's own `saved` module is not the chunk's folder, and a lazy
    // view may use what the first screen has.
    for fine in [
        file("src/ui/state/notes.rs", "use super::saved::Saved;"),
        file("src/ui/state/mod.rs", "pub mod saved; use saved::Saved; let x = self::saved::Saved::new();"),
        file("src/ui/saved/editor.rs", "use crate::ui::first::number_field::dom_id;"),
        file("src/ui/parts.rs", "use super::saved::editor::CompanyEditor;"),
    ] {
        assert!(lazy_imports_in(std::slice::from_ref(&fine)).is_empty(), "wrongly caught: {fine:?}");
    }
}

/// The modules of one crate's files (`crate` is the crate's `src/`
/// prefix), and which of them each one names: its imports. A child naming
/// its parent (`super::AppState`) is not counted: a module and what it
/// declares are one unit.
fn imports_of(sources: &[(String, Vec<String>)], krate: &str) -> Vec<(String, Vec<String>)> {
    let module =
        |path: &str| module_of(&format!("src/{}", path.strip_prefix(krate).unwrap_or(path))).join("::");
    let files: Vec<(String, &Vec<String>)> = sources
        .iter()
        .filter(|(p, _)| p.starts_with(krate) && !p.starts_with(&format!("{krate}bin/")))
        .map(|(p, code)| (module(p), code))
        .collect();
    let known: Vec<&String> = files.iter().map(|(m, _)| m).collect();
    files
        .iter()
        .map(|(m, code)| {
            let here: Vec<String> = m.split("::").filter(|p| !p.is_empty()).map(str::to_string).collect();
            let mut named: Vec<String> = named_paths(&here, &code.join(" "))
                .into_iter()
                .filter_map(|p| {
                    let parts: Vec<&str> = p.split("::").collect();
                    (1..=parts.len()).rev().map(|k| parts[..k].join("::")).find(|c| known.contains(&c))
                })
                .filter(|t| t != m && !m.starts_with(&format!("{t}::")))
                .collect();
            named.sort();
            named.dedup();
            (m.clone(), named)
        })
        .collect()
}

/// A loop of imports among `graph`'s modules, if there is one.
fn import_loop(graph: &[(String, Vec<String>)]) -> Option<Vec<String>> {
    fn visit(
        at: &str,
        graph: &[(String, Vec<String>)],
        path: &mut Vec<String>,
        done: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == at) {
            return Some(path[i..].iter().cloned().chain([at.to_string()]).collect());
        }
        if done.iter().any(|d| d == at) {
            return None;
        }
        path.push(at.to_string());
        let next = graph.iter().find(|(m, _)| m == at).map(|(_, n)| n.clone()).unwrap_or_default();
        for n in next {
            if let Some(found) = visit(&n, graph, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.push(at.to_string());
        None
    }
    let mut done = Vec::new();
    graph.iter().find_map(|(m, _)| visit(m, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_file_imports_another_that_imports_it_back() {
    let sources = sources();
    for krate in ["src/", "crates/core/src/"] {
        let graph = imports_of(&sources, krate);
        assert!(graph.len() > 20, "{krate}: too few modules found");
        assert_eq!(import_loop(&graph), None, "an import loop in {krate}");
    }
    // The walk sees imports (else the loop check could not fail).
    let page = imports_of(&sources, "src/");
    let of = |m: &str| page.iter().find(|(n, _)| n == m).map(|(_, i)| i.clone()).unwrap_or_default();
    assert!(of("ui::first::page").contains(&"ui::parts".to_string()));
    assert!(of("ui::parts").contains(&"ui::saved::editor".to_string()));
}

#[test]
fn a_planted_import_loop_is_found() {
    let file = |path: &str, line: &str| (path.to_string(), vec![line.to_string()]);
    let planted = [
        file("crates/core/src/text/mod.rs", "use crate::display::per_share;"),
        file("crates/core/src/display.rs", "use crate::text::Key;"),
        file("crates/core/src/lang.rs", "pub enum Lang {}"),
    ];
    let found = import_loop(&imports_of(&planted, "crates/core/src/"));
    assert_eq!(found, Some(vec!["text".to_string(), "display".to_string(), "text".to_string()]));
    // A child naming its parent is not a loop.
    let fine = [
        file("src/ui/state/mod.rs", "mod notes; use notes::Notes;"),
        file("src/ui/state/notes.rs", "use super::AppState;"),
    ];
    assert_eq!(import_loop(&imports_of(&fine, "src/")), None);
}
