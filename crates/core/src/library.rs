//! Saved scenarios: the logic behind the browser's local storage.
//!
//! The browser adapter (wasm only, written elsewhere) moves `(key, raw
//! text)` pairs in and out of `localStorage` and asks this module what they
//! mean and what to write; everything here is plain Rust, tested natively.
//!
//! # Keys
//!
//! - `sotp.scenario.<id>` ([`KEY_PREFIX`] + id): one saved scenario. An id
//!   is 1 to 40 of `a-z 0-9 -` ([`is_valid_id`]); [`new_id`] makes them.
//! - `sotp.last-open` ([`LAST_OPEN_KEY`]): the id of the scenario open last,
//!   reopened on the next visit ([`Library::last_open`]).
//! - Any other key belongs to someone else on the same origin and is ignored.
//!
//! # Stored entries
//!
//! Schema 2, written by this version ([`encode_entry`]):
//!
//! ```json
//! {"schema":2,"id":"m3x1k2-9zq","revision":3,"saved_at_ms":1764028800000,
//!  "scenario":{"format":"sotp-scenario","version":1,"name":"Xiaomi Base",...}}
//! ```
//!
//! - `id`: the id in the key. An entry whose id is not its key's is damaged
//!   (a copy under the wrong key), never silently renamed.
//! - `revision`: 1 when first saved, one more at each save. A tab remembers
//!   the revision it opened; before saving it re-reads the entry, and if the
//!   revision moved another tab saved in between ([`plan_save`]).
//! - `saved_at_ms`: the time of the last save, milliseconds since the Unix
//!   epoch; the list is sorted by it, newest first.
//! - `scenario`: a scenario file of docs/valuation-model.md (version 1),
//!   exactly as export writes it, every decimal a string.
//!
//! Schema 1, the older layout:
//!
//! ```json
//! {"schema":1,"saved_at_ms":1764028800000,"scenario":{...}}
//! ```
//!
//! No `id` (the key's id is used) and no `revision` (read as revision 1).
//! [`decode_entry`] migrates it in memory; storage is rewritten as schema 2
//! only when the user next saves that scenario. Reading never writes.
//!
//! # What is never lost
//!
//! An entry that does not read (not JSON, a field missing, a scenario
//! breaking a rule of the spec, a newer schema) is listed as [`Damaged`]
//! with its raw text and the reason, so the UI can offer "export raw text"
//! and "delete"; the others load. Nothing here deletes or rewrites what the
//! user saved: the adapter removes a key only when the user asks.
//!
//! The scenario inside a [`SavePlan::Write`] or [`new_entry`] is stored as
//! given: save only a scenario that passes `model::validate` (the UI saves
//! the last valid one), or it will read back as damaged.

use crate::model::json::{from_value, to_value};
use crate::model::Scenario;
use crate::model::{issue::short, Expected, Found, Issue, JsonKind, Problem};
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// One key per saved scenario: `KEY_PREFIX` + id.
pub const KEY_PREFIX: &str = "sotp.scenario.";
/// Holds the id of the scenario open last.
pub const LAST_OPEN_KEY: &str = "sotp.last-open";
/// The storage schema this version writes; it reads 1 and 2.
pub const SCHEMA: u32 = 2;
/// Ids are 1 to this many of `a-z 0-9 -`.
pub const MAX_ID_LEN: usize = 40;
/// The spec's limit on a scenario name, which `copy_name` keeps to.
pub use crate::model::validate::MAX_NAME_CHARS;

/// A saved scenario as it is in storage.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub id: String,
    pub revision: u64,
    pub saved_at_ms: i64,
    pub scenario: Scenario,
}

/// The saved entry the editor is working on, as it was when opened or last
/// saved from this tab (a draft of edits keeps it too, `crate::draft`).
#[derive(Clone, Debug, PartialEq)]
pub struct OpenEntry {
    pub id: String,
    pub revision: u64,
    pub saved: Scenario,
}

/// A stored entry that does not read, kept with its raw text.
#[derive(Clone, Debug, PartialEq)]
pub struct Damaged {
    pub key: String,
    pub raw: String,
    /// Why it does not read (`crate::text` says it in words).
    pub reason: Damage,
}

/// Why a stored entry does not read.
#[derive(Clone, Debug, PartialEq)]
pub enum Damage {
    /// The key is not one of ours (quoted, cut short).
    ForeignKey {
        key: String,
    },
    /// The key's id part is not a valid id (quoted, cut short).
    BadId {
        id: String,
    },
    Empty,
    /// Not JSON: probably cut short while saving.
    NotJson {
        line: usize,
        column: usize,
    },
    /// Valid JSON, but not an object.
    NotObject(JsonKind),
    NoSchema,
    /// `schema` is not a whole number.
    SchemaNotWhole(Found),
    /// A known schema whose fields do not read: every problem.
    Unreadable {
        schema: u64,
        problems: Vec<EntryProblem>,
    },
    /// Saved by a newer version of SOTP; kept unchanged.
    NewerSchema {
        schema: u64,
    },
    /// A schema number SOTP never wrote.
    UnknownSchema {
        schema: u64,
    },
}

/// One problem of an entry's fields.
#[derive(Clone, Debug, PartialEq)]
pub enum EntryProblem {
    /// The entry's own `id` is not the id in its key (quoted, cut short).
    IdMismatch { id: String, key_id: String },
    /// A field of the entry (`id`, `revision`, `saved_at_ms`, `scenario`).
    Field { key: &'static str, problem: Problem },
    /// The scenario breaks the rules of the scenario file.
    Scenario(Vec<Issue>),
}

pub fn key_for(id: &str) -> String {
    format!("{KEY_PREFIX}{id}")
}

/// The id part of a saved-scenario key, `None` for any other key (another
/// app's on the same origin, or `LAST_OPEN_KEY`). The id is returned as it
/// is, even when it is not a valid id, so that a malformed key of ours is
/// still listed (as damaged) rather than skipped.
pub fn id_from_key(key: &str) -> Option<&str> {
    key.strip_prefix(KEY_PREFIX)
}

/// 1 to 40 of `a-z`, `0-9` and `-`.
pub fn is_valid_id(id: &str) -> bool {
    (1..=MAX_ID_LEN).contains(&id.len())
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[derive(Serialize)]
struct Stored<'a> {
    schema: u32,
    id: &'a str,
    revision: u64,
    saved_at_ms: i64,
    scenario: Value,
}

/// The entry as schema-2 JSON (compact: local storage is small).
pub fn encode_entry(e: &Entry) -> String {
    let stored = Stored {
        schema: SCHEMA,
        id: &e.id,
        revision: e.revision,
        saved_at_ms: e.saved_at_ms,
        scenario: to_value(&e.scenario),
    };
    // Strings, integers and a `Value` built by serde_json always serialise;
    // the empty fallback is unreachable and keeps this panic-free.
    serde_json::to_string(&stored).unwrap_or_default()
}

/// Reads a stored entry (schema 1 or 2) under its key. Anything that does
/// not give a valid entry is `Damaged`, with every problem found in the
/// reason; an entry of a newer schema is `Damaged` too, with a reason saying
/// so (it is kept as it is, never deleted).
pub fn decode_entry(key: &str, raw: &str) -> Result<Entry, Damaged> {
    let damaged = |reason: Damage| Damaged { key: key.to_string(), raw: raw.to_string(), reason };
    let Some(id) = id_from_key(key) else {
        return Err(damaged(Damage::ForeignKey { key: short(key) }));
    };
    if !is_valid_id(id) {
        return Err(damaged(Damage::BadId { id: short(id) }));
    }
    let value: Value = serde_json::from_str(raw).map_err(|e| {
        damaged(if raw.trim().is_empty() {
            Damage::Empty
        } else {
            Damage::NotJson { line: e.line(), column: e.column() }
        })
    })?;
    let Value::Object(root) = &value else {
        return Err(damaged(Damage::NotObject(JsonKind::of(&value))));
    };
    let schema = match root.get("schema") {
        None => return Err(damaged(Damage::NoSchema)),
        Some(Value::Number(n)) => match n.as_u64() {
            Some(v) => v,
            None => return Err(damaged(Damage::SchemaNotWhole(Found::Text(short(&n.to_string()))))),
        },
        Some(other) => return Err(damaged(Damage::SchemaNotWhole(Found::kind(other)))),
    };
    match schema {
        1 | 2 => {
            read_fields(root, id, schema).map_err(|problems| damaged(Damage::Unreadable { schema, problems }))
        }
        v if v > u64::from(SCHEMA) => Err(damaged(Damage::NewerSchema { schema: v })),
        v => Err(damaged(Damage::UnknownSchema { schema: v })),
    }
}

/// The fields of a schema-1 or schema-2 entry; every problem found.
fn read_fields(root: &Map<String, Value>, key_id: &str, schema: u64) -> Result<Entry, Vec<EntryProblem>> {
    let mut problems = Vec::new();
    let field = |key: &'static str, problem: Problem| EntryProblem::Field { key, problem };
    let expected =
        |key: &'static str, what: Expected, found: Found| field(key, Problem::Expected { what, found });
    let revision = if schema == 1 {
        1
    } else {
        match root.get("id") {
            Some(Value::String(id)) if id == key_id => {}
            Some(Value::String(id)) => {
                problems.push(EntryProblem::IdMismatch { id: short(id), key_id: key_id.to_string() })
            }
            Some(other) => problems.push(expected("id", Expected::Text, Found::kind(other))),
            None => problems.push(field("id", Problem::Missing)),
        }
        match root.get("revision") {
            Some(Value::Number(n)) => n.as_u64().unwrap_or_else(|| {
                problems.push(expected(
                    "revision",
                    Expected::NonNegativeWhole,
                    Found::Text(short(&n.to_string())),
                ));
                0
            }),
            Some(other) => {
                problems.push(expected("revision", Expected::WholeNumber, Found::kind(other)));
                0
            }
            None => {
                problems.push(field("revision", Problem::Missing));
                0
            }
        }
    };
    let saved_at_ms = match root.get("saved_at_ms") {
        Some(Value::Number(n)) => n.as_i64().unwrap_or_else(|| {
            problems.push(expected("saved_at_ms", Expected::WholeNumber, Found::Text(short(&n.to_string()))));
            0
        }),
        Some(other) => {
            problems.push(expected("saved_at_ms", Expected::WholeNumber, Found::kind(other)));
            0
        }
        None => {
            problems.push(field("saved_at_ms", Problem::Missing));
            0
        }
    };
    let scenario = match root.get("scenario") {
        Some(v) => match from_value(v) {
            Ok(s) => Some(s),
            Err(issues) => {
                problems.push(EntryProblem::Scenario(issues));
                None
            }
        },
        None => {
            problems.push(field("scenario", Problem::Missing));
            None
        }
    };
    match scenario {
        Some(scenario) if problems.is_empty() => {
            Ok(Entry { id: key_id.to_string(), revision, saved_at_ms, scenario })
        }
        _ => Err(problems),
    }
}

/// Every saved scenario that reads, and every one that does not.
///
/// It mirrors storage: one key holds one thing, an entry or a damaged text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Library {
    /// By id.
    entries: BTreeMap<String, Entry>,
    /// Sorted by key.
    damaged: Vec<Damaged>,
}

impl Library {
    /// Reads what storage holds. Keys without `KEY_PREFIX` (other apps) and
    /// `LAST_OPEN_KEY` are ignored; every other key ends up in `entries` or
    /// in `damaged`, never dropped. If a key comes twice, the last wins.
    pub fn from_raw<I: IntoIterator<Item = (String, String)>>(items: I) -> Library {
        let mut lib = Library::default();
        for (key, raw) in items {
            lib.apply_raw(&key, Some(&raw));
        }
        lib
    }

    /// Reflects one key's change in storage: `Some(raw)` written, `None`
    /// removed. For the `storage` event another tab's save or delete fires,
    /// and to put back a damaged entry whose deletion is undone. Keys that
    /// are not saved scenarios are ignored.
    pub fn apply_raw(&mut self, key: &str, raw: Option<&str>) {
        let Some(id) = id_from_key(key) else {
            return;
        };
        self.entries.remove(id);
        self.remove_damaged(key);
        match raw.map(|raw| decode_entry(key, raw)) {
            Some(Ok(entry)) => {
                self.entries.insert(entry.id.clone(), entry);
            }
            Some(Err(d)) => self.insert_damaged(d),
            None => {}
        }
    }

    fn insert_damaged(&mut self, d: Damaged) {
        let at = self.damaged.partition_point(|x| x.key < d.key);
        self.damaged.insert(at, d);
    }

    /// The saved scenarios of one company (ticker and listing currency)
    /// that value, newest first, each with its value per share: the dots
    /// the football field draws beside the reader's value.
    pub fn values_of(&self, ticker: &str, listing_currency: &str) -> Vec<(String, rust_decimal::Decimal)> {
        self.entries()
            .into_iter()
            .filter(|e| {
                e.scenario.company.ticker == ticker && e.scenario.listing_currency == listing_currency
            })
            .filter_map(|e| {
                Some((e.scenario.name.clone(), crate::model::evaluate(&e.scenario).ok()?.per_share_listing))
            })
            .collect()
    }

    /// Sorted by `saved_at_ms`, newest first, then by name, then by id.
    pub fn entries(&self) -> Vec<&Entry> {
        let mut list: Vec<&Entry> = self.entries.values().collect();
        list.sort_by(|a, b| {
            b.saved_at_ms
                .cmp(&a.saved_at_ms)
                .then_with(|| a.scenario.name.to_ascii_lowercase().cmp(&b.scenario.name.to_ascii_lowercase()))
                .then_with(|| a.scenario.name.cmp(&b.scenario.name))
                .then_with(|| a.id.cmp(&b.id))
        });
        list
    }

    /// Sorted by key.
    pub fn damaged(&self) -> &[Damaged] {
        &self.damaged
    }

    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.get(id)
    }

    /// Inserts or replaces the entry with this id, as writing
    /// `encode_entry(&e)` under `key_for(&e.id)` would (a damaged text that
    /// key held is replaced too).
    pub fn put(&mut self, e: Entry) {
        self.remove_damaged(&key_for(&e.id));
        self.entries.insert(e.id.clone(), e);
    }

    /// Removes the entry, returning it so that the deletion can be undone
    /// with `put`.
    pub fn remove(&mut self, id: &str) -> Option<Entry> {
        self.entries.remove(id)
    }

    /// Removes a damaged entry, returning it so that the deletion can be
    /// undone with `apply_raw(&d.key, Some(&d.raw))`.
    pub fn remove_damaged(&mut self, key: &str) -> Option<Damaged> {
        let at = self.damaged.iter().position(|d| d.key == key)?;
        Some(self.damaged.remove(at))
    }

    /// The scenario names, in the order of `entries`.
    pub fn names(&self) -> Vec<&str> {
        self.entries().into_iter().map(|e| e.scenario.name.as_str()).collect()
    }

    /// The entry to reopen, given what `LAST_OPEN_KEY` holds; `None` when
    /// nothing was open or that scenario is gone or damaged.
    pub fn last_open(&self, stored: Option<&str>) -> Option<&Entry> {
        self.get(stored?.trim())
    }
}

/// A scenario saved for the first time (or saved as new): revision 1.
pub fn new_entry(id: String, scenario: Scenario, now_ms: i64) -> Entry {
    Entry { id, revision: 1, saved_at_ms: now_ms, scenario }
}

/// What to do when the user saves `scenario` over the entry `id` they
/// opened at `base_revision`; `stored` is what storage holds NOW (re-read
/// just before saving).
#[derive(Clone, Debug, PartialEq)]
pub enum SavePlan {
    /// Write this entry: revision = stored revision + 1.
    Write(Entry),
    /// The stored revision is not `base_revision`: it was saved elsewhere
    /// (another tab) since it was opened. Nothing is written; the UI shows
    /// theirs and lets the user choose (keep theirs, or save as new).
    Conflict { theirs: Entry },
    /// Deleted elsewhere since it was opened: the UI offers "save as new".
    Gone,
}

/// Decides a save; see `SavePlan`. Pass `stored: None` when the key is
/// empty or what it holds does not decode (damaged, or a newer schema):
/// the plan is then `Gone`, so such an entry is never overwritten. A stored
/// entry of another id counts as `Gone` too. At the (unreachable) last
/// revision `u64::MAX` the plan is `Conflict`, never a write that another
/// tab could mistake for its own base.
pub fn plan_save(
    stored: Option<&Entry>,
    id: &str,
    base_revision: u64,
    scenario: Scenario,
    now_ms: i64,
) -> SavePlan {
    let Some(stored) = stored.filter(|e| e.id == id) else {
        return SavePlan::Gone;
    };
    if stored.revision != base_revision {
        return SavePlan::Conflict { theirs: stored.clone() };
    }
    match stored.revision.checked_add(1) {
        Some(revision) => {
            SavePlan::Write(Entry { id: id.to_string(), revision, saved_at_ms: now_ms, scenario })
        }
        None => SavePlan::Conflict { theirs: stored.clone() },
    }
}

/// The name of a duplicate: "X (copy)", then "X (copy 2)", "X (copy 3)"...,
/// the first not in `existing`. A copy of a copy counts on from the
/// original ("X (copy)" gives "X (copy 2)"). At most 80 characters: a long
/// base is cut (and trailing spaces trimmed) to make room for the suffix.
/// An empty base is called "Scenario".
pub fn copy_name(existing: &[&str], base: &str) -> String {
    let trimmed = base.trim();
    let root = match strip_copy_suffix(trimmed).trim_end() {
        "" => "Scenario",
        root => root,
    };
    let taken = |name: &str| existing.iter().any(|e| e.trim() == name);
    // Among the first existing.len() + 1 candidates at least one is free.
    let last = existing.len().saturating_add(1);
    let mut fallback = String::new();
    for n in 1..=last {
        let suffix = if n == 1 { " (copy)".to_string() } else { format!(" (copy {n})") };
        let room = MAX_NAME_CHARS.saturating_sub(suffix.chars().count());
        let cut: String = root.chars().take(room).collect();
        let name = format!("{}{suffix}", cut.trim_end());
        if !taken(&name) {
            return name;
        }
        fallback = name;
    }
    fallback
}

/// "X (copy)" or "X (copy 12)" without the suffix; other names unchanged.
fn strip_copy_suffix(name: &str) -> &str {
    if let Some(root) = name.strip_suffix(" (copy)") {
        return root;
    }
    if let Some(inner) = name.strip_suffix(')') {
        if let Some((root, n)) = inner.rsplit_once(" (copy ") {
            if (1..=9).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()) {
                return root;
            }
        }
    }
    name
}

/// A fresh id: the time and some entropy in base 36, e.g. "mid3xt2o-3w5e11264sgsf".
/// At most 27 characters, always valid per `is_valid_id`.
pub fn new_id(now_ms: i64, entropy: u64) -> String {
    format!("{}-{}", base36(now_ms.unsigned_abs()), base36(entropy))
}

fn base36(mut n: u64) -> String {
    let mut out = Vec::new();
    loop {
        // `n % 36` is a base-36 digit, so `from_digit` always gives one.
        out.push(char::from_digit((n % 36) as u32, 36).unwrap_or('0'));
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.iter().rev().collect()
}

/// Whether what is on screen is saved, as the save bar says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Storage cannot be used in this browser.
    StorageOff,
    /// Saved nowhere: a preset, an imported file.
    NotSaved,
    /// An unsaved copy from a share link.
    FromLink,
    /// The open saved scenario, edited since.
    UnsavedChanges,
    Saved,
}

impl SaveStatus {
    /// `open`: a saved entry is open; `dirty`: the scenario on screen
    /// differs from it.
    pub fn of(storage_off: bool, open: bool, from_link: bool, dirty: bool) -> SaveStatus {
        match (storage_off, open, from_link, dirty) {
            (true, ..) => SaveStatus::StorageOff,
            (false, false, true, _) => SaveStatus::FromLink,
            (false, false, false, _) => SaveStatus::NotSaved,
            (false, true, _, true) => SaveStatus::UnsavedChanges,
            (false, true, _, false) => SaveStatus::Saved,
        }
    }
}
