//! Every text the user reads, in one place: the table of each language
//! (`en.rs` is the master; its keys are `Key`) and the renderers that turn
//! typed values (issues, notices, errors, the bridge) into words.
//!
//! Everything else says *what* happened as data (`model::Issue`,
//! `notice::Notice`, `link::LinkError`, ...) and calls these at the edge,
//! with the reader's language. Adding a language is adding a table.

pub mod breakeven;
mod bridge;
pub mod charts;
pub mod drawing;
pub mod editor;
mod en;
mod errors;
pub mod explain;
mod fields;
pub mod grid;
pub mod grid_shown;
mod issues;
mod notice;
mod sources;
pub mod translation;

pub use crate::lang::{Lang, NumberStyle, LANG_KEY};
pub use bridge::{
    driver, far_off_note, group_term, method, preset, profit, save_status, switch_note, verdict,
};
pub use en::{CompareKey, EditorKey, ExplainKey, IssueKey, Key, NoticeKey, SourceKey};
pub use errors::{damage, link_error, storage_error, weight_error};
pub use fields::{field_label, label_in, unit_noun, without_blanks};
pub use issues::{
    field_name, issue, issue_in_file, issues, number_error, problem, rule, shown_name, subject, value_problem,
};
pub use notice::{notice, Rendered};
pub use sources::{field_source, sources};

use crate::compare::weights::WeightError;
use crate::library::{Damage, EntryProblem, SaveStatus, MAX_ID_LEN, SCHEMA};
use crate::link::{LinkError, Malformed, MAX_LINK_CHARS};
use crate::model::issue::Names;
use crate::model::plausible::FarOff;
use crate::model::presets::SOURCE_OUTLETS;
use crate::model::scenario::{DriverKind, FORMAT, VERSION};
use crate::model::valuation::GroupTerm;
use crate::model::MultipleChange;
use crate::model::{
    Driver, Expected, Field, Found, Issue, JsonKind, Method, NumberError, Preset, Problem, Rule, Scenario,
    SegmentField, Subject,
};
use crate::store::StorageError;
use rust_decimal::Decimal;
use std::cell::Cell;
use translation::{FileError, GROUPS};

impl Lang {
    /// The text of `key`.
    pub fn t<K: Text>(self, key: K) -> &'static str {
        key.in_lang(self)
    }

    /// The text of `key` with its `{name}`s filled in.
    pub fn f<K: Text>(self, key: K, args: &[(&str, &str)]) -> String {
        fill(self.t(key), args)
    }
}

/// A key of one of the text tables (`en.rs`).
pub trait Text: Copy {
    /// Its table's number: the group of the language files it is in.
    const GROUP: usize;

    /// Its place in its table.
    fn index(self) -> usize;

    /// The English text (empty in the split build, where English is a
    /// file too).
    fn en(self) -> &'static str;

    /// The text in `lang`; English while that language's file is not
    /// installed (`install`), so a page never shows a key.
    fn in_lang(self, lang: Lang) -> &'static str {
        translated(lang, Self::GROUP, self.index())
            .or_else(|| translated(Lang::En, Self::GROUP, self.index()))
            .unwrap_or_else(|| self.en())
    }
}

/// The installed texts of one group of one language.
type Group = Cell<Option<&'static [&'static str]>>;

thread_local! {
    /// The installed texts of each language but English (by `Lang` order),
    /// group by group. (A `thread_local` of `Cell`s, not a `OnceLock`: on
    /// wasm it is a plain static, where a lock brings thread parking in.)
    static INSTALLED: [[Group; GROUPS.len()]; 4] = const { [const { [const { Cell::new(None) }; GROUPS.len()] }; 4] };
}

/// The installed texts of group `group` of `lang`. English is never
/// installed but in the split build: elsewhere it is compiled in.
fn installed(lang: Lang, group: usize) -> Option<&'static [&'static str]> {
    INSTALLED.with(|all| all.get(lang as usize).and_then(|groups| groups.get(group)).and_then(Cell::get))
}

/// Text `index` of group `group` in `lang`, if installed. Without the
/// split build every language is in the binary and is read on first use.
fn translated(lang: Lang, group: usize, index: usize) -> Option<&'static str> {
    install_bundled(lang, group);
    installed(lang, group)?.get(index).copied()
}

/// Without the split build, installs the bundled file of `lang` the first
/// time one of its groups is asked for (on this thread).
fn install_bundled(lang: Lang, group: usize) {
    #[cfg(not(sotp_split))]
    if lang != Lang::En && installed(lang, group).is_none() {
        if let Some(file) = bundled(lang) {
            // A file that does not read leaves the language in English;
            // `tests/texts.rs` makes sure every bundled file reads.
            let _ = install(lang, file);
        }
    }
    #[cfg(sotp_split)]
    let _ = (lang, group);
}

/// The file of `lang` as the repository has it.
#[cfg(not(sotp_split))]
pub fn bundled(lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::En => None,
        Lang::ZhHant => Some(include_str!("lang/zh-Hant.txt")),
        Lang::ZhHans => Some(include_str!("lang/zh-Hans.txt")),
        Lang::De => Some(include_str!("lang/de.txt")),
    }
}

/// Whether the texts of `groups` of `lang` can be shown (English always
/// can, but in the split build).
pub fn has_groups(lang: Lang, groups: &[usize]) -> bool {
    (lang == Lang::En && cfg!(not(sotp_split)))
        || groups.iter().all(|&g| {
            install_bundled(lang, g);
            installed(lang, g).is_some()
        })
}

/// Whether every text of `lang` can be shown.
pub fn has_texts(lang: Lang) -> bool {
    has_groups(lang, &ALL_GROUPS)
}

const ALL_GROUPS: [usize; GROUPS.len()] = [0, 1, 2, 3, 4, 5, 6];

/// Reads `file` (some or all of a language's groups) and makes its texts
/// the ones shown. A group is installed once; a file that does not read
/// changes nothing.
pub fn install(lang: Lang, file: &'static str) -> Result<(), FileError> {
    let i = lang as usize;
    for (g, texts) in translation::read(file, en::GROUP_SIZES)?.into_groups() {
        if installed(lang, g).is_none() {
            // Leaked once per group: the texts live as long as the page does.
            let texts: &'static [&'static str] = Vec::leak(texts);
            INSTALLED
                .with(|all| all.get(i).and_then(|groups| groups.get(g)).map(|slot| slot.set(Some(texts))));
        }
    }
    Ok(())
}

/// Text `i` of a table: `texts` holds a language's texts one after the
/// other, `ends` where each ends (2 bytes a text, where a `&str` per text
/// would take 8 and a relocation).
#[cfg(not(sotp_split))]
fn nth(texts: &'static str, ends: &[u16], i: usize) -> &'static str {
    let start = i.checked_sub(1).and_then(|p| ends.get(p)).map_or(0, |&e| usize::from(e));
    let end = ends.get(i).map_or(start, |&e| usize::from(e));
    texts.get(start..end).unwrap_or("")
}

/// The end of each text in the concatenation of texts of lengths `lens`.
/// Checked when the table is built (it is a `static`): a language of more
/// than 64 KiB of text does not compile.
#[allow(clippy::indexing_slicing)] // `i < N` bounds both arrays
#[cfg(not(sotp_split))]
const fn ends<const N: usize>(lens: [usize; N]) -> [u16; N] {
    let mut out = [0u16; N];
    let mut end = 0;
    let mut i = 0;
    while i < N {
        end += lens[i];
        assert!(end <= u16::MAX as usize, "a language's texts exceed 64 KiB");
        out[i] = end as u16;
        i += 1;
    }
    out
}

/// `template` with each `{name}` replaced by the value of `name` in `args`.
/// A name not in `args` is left as it is, so a mistake shows rather than
/// vanishing (and `tests/texts.rs` checks that every name is given).
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    // `get`, not slicing or `split_at`: the indices come from `find` and are
    // always on char boundaries, and a panicking slice would bring the
    // panic's formatting machinery (and its Unicode tables) into the wasm.
    while let Some(open) = rest.find('{') {
        let (before, from_brace) = (rest.get(..open).unwrap_or(""), rest.get(open..).unwrap_or(""));
        out.push_str(before);
        let value = from_brace
            .find('}')
            .and_then(|close| from_brace.get(1..close).map(|name| (close, name)))
            .and_then(|(close, name)| args.iter().find(|(n, _)| *n == name).map(|(_, v)| (close, *v)));
        match value {
            Some((close, v)) => {
                out.push_str(v);
                rest = from_brace.get(close + 1..).unwrap_or("");
            }
            None => {
                out.push('{');
                rest = from_brace.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

/// A number in a message (a count, a position, a limit).
fn n(v: impl std::fmt::Display) -> String {
    v.to_string()
}

/// A typed value said in a language: the renderers above as one method,
/// for code that holds a value and wants its words (`e.say(lang)`).
pub trait Say {
    fn say(&self, lang: Lang) -> String;
}

impl Say for Issue {
    fn say(&self, lang: Lang) -> String {
        issue(lang, self)
    }
}

impl Say for Problem {
    fn say(&self, lang: Lang) -> String {
        problem(lang, self)
    }
}

impl Say for NumberError {
    fn say(&self, lang: Lang) -> String {
        number_error(lang, *self).to_string()
    }
}

impl Say for LinkError {
    fn say(&self, lang: Lang) -> String {
        link_error(lang, self)
    }
}

impl Say for WeightError {
    fn say(&self, lang: Lang) -> String {
        weight_error(lang, self)
    }
}

impl Say for StorageError {
    fn say(&self, lang: Lang) -> String {
        storage_error(lang, self)
    }
}

impl Say for Damage {
    fn say(&self, lang: Lang) -> String {
        damage(lang, self)
    }
}

impl Say for SaveStatus {
    fn say(&self, lang: Lang) -> String {
        save_status(lang, *self).to_string()
    }
}
