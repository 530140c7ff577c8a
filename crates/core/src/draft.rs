//! The draft: the scenario on screen while it holds unsaved edits, kept in
//! one storage key so that a reload or a closed tab does not lose it.
//!
//! It is never a saved scenario: it lives under its own key (`DRAFT_KEY`,
//! which `library` ignores), is written only while there are unsaved edits,
//! and removed when there are none. The next visit brings it back, marked
//! as unsaved, with the saved scenario it was an edit of still open, so
//! that saving it goes through the same guard against overwriting another
//! tab's save. Plain Rust: `ui::state` runs it on local storage.

use crate::library::OpenEntry;
use crate::model::json::{from_value, to_value};
use crate::model::{Issue, Scenario};
use crate::store::{StorageError, Store};
use serde_json::{json, Value};

/// The one key of the draft.
pub const DRAFT_KEY: &str = "sotp.draft";
/// The draft format this version writes and reads.
pub const DRAFT_VERSION: u64 = 1;

/// What is kept of the editor: enough to put it back exactly.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub saved_at_ms: i64,
    /// It came from a share link (the address then follows its edits).
    pub from_link: bool,
    /// The saved scenario it is an edit of, as it was when opened.
    pub open: Option<OpenEntry>,
    pub scenario: Scenario,
    /// What its edits are edits of (the preset, file or saved scenario).
    pub baseline: Scenario,
}

/// Why a stored draft does not read. It is then left alone, not restored.
#[derive(Clone, Debug, PartialEq)]
pub enum DraftDamage {
    NotJson,
    /// No `draft` number, or one this version does not know.
    Version(Option<u64>),
    /// A field other than the scenarios is missing or of the wrong kind.
    Field(&'static str),
    /// One of its scenarios breaks the rules of the scenario file.
    Scenario {
        which: &'static str,
        issues: Vec<Issue>,
    },
}

/// Whether the editor holds edits that a reload would lose: changes to the
/// open saved scenario, or, with none open, changes to what it started from.
/// An untouched preset, file or link is not a draft: it can be had again.
pub fn worth_keeping(scenario: &Scenario, baseline: &Scenario, open: Option<&OpenEntry>) -> bool {
    match open {
        Some(o) => *scenario != o.saved,
        None => scenario != baseline,
    }
}

/// The draft as compact JSON.
pub fn to_text(d: &Draft) -> String {
    let open = match &d.open {
        Some(o) => json!({ "id": o.id, "revision": o.revision, "saved": to_value(&o.saved) }),
        None => Value::Null,
    };
    json!({
        "draft": DRAFT_VERSION,
        "saved_at_ms": d.saved_at_ms,
        "from_link": d.from_link,
        "open": open,
        "scenario": to_value(&d.scenario),
        "baseline": to_value(&d.baseline),
    })
    .to_string()
}

/// Reads a stored draft; anything that is not a whole, valid draft of this
/// version is `DraftDamage`.
pub fn from_text(raw: &str) -> Result<Draft, DraftDamage> {
    let root: Value = serde_json::from_str(raw).map_err(|_| DraftDamage::NotJson)?;
    let version = root.get("draft").and_then(Value::as_u64);
    if version != Some(DRAFT_VERSION) {
        return Err(DraftDamage::Version(version));
    }
    let scenario_at = |value: Option<&Value>, which: &'static str| {
        let value = value.ok_or(DraftDamage::Field(which))?;
        from_value(value).map_err(|issues| DraftDamage::Scenario { which, issues })
    };
    let saved_at_ms =
        root.get("saved_at_ms").and_then(Value::as_i64).ok_or(DraftDamage::Field("saved_at_ms"))?;
    let from_link = root.get("from_link").and_then(Value::as_bool).ok_or(DraftDamage::Field("from_link"))?;
    let open = match root.get("open") {
        None | Some(Value::Null) => None,
        Some(o) => Some(OpenEntry {
            id: o.get("id").and_then(Value::as_str).ok_or(DraftDamage::Field("open.id"))?.to_string(),
            revision: o.get("revision").and_then(Value::as_u64).ok_or(DraftDamage::Field("open.revision"))?,
            saved: scenario_at(o.get("saved"), "open.saved")?,
        }),
    };
    Ok(Draft {
        saved_at_ms,
        from_link,
        open,
        scenario: scenario_at(root.get("scenario"), "scenario")?,
        baseline: scenario_at(root.get("baseline"), "baseline")?,
    })
}

/// Keeps `draft` when it is worth keeping and removes this page's draft
/// when not. `last` is what this page wrote (or restored) last: a write
/// happens only when the draft changed (its time aside), and a removal only
/// of a draft this page holds, so that a page opened untouched in a second
/// tab leaves the first tab's draft alone. Returns what is now held.
pub fn keep(
    store: &dyn Store,
    draft: Option<Draft>,
    last: Option<&Draft>,
) -> Result<Option<Draft>, StorageError> {
    match draft {
        Some(d) if worth_keeping(&d.scenario, &d.baseline, d.open.as_ref()) => {
            let unchanged = last.is_some_and(|l| Draft { saved_at_ms: d.saved_at_ms, ..l.clone() } == d);
            if !unchanged {
                store.write(DRAFT_KEY, &to_text(&d))?;
            }
            Ok(Some(d))
        }
        _ => {
            if last.is_some() {
                store.remove(DRAFT_KEY)?;
            }
            Ok(None)
        }
    }
}

/// The stored draft, if there is one that reads.
pub fn stored(store: &dyn Store) -> Option<Draft> {
    store.read(DRAFT_KEY).ok().flatten().and_then(|raw| from_text(&raw).ok())
}
