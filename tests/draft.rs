//! The draft of unsaved edits: what is worth keeping, its file form, and
//! how it is kept on a store without touching another tab's draft or any
//! saved scenario.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::gen::preset;
use proptest::prelude::*;
use rust_decimal::Decimal;
use sotp::draft::{from_text, keep, stored, to_text, worth_keeping, Draft, DraftDamage, DRAFT_KEY};
use sotp::library::{key_for, Library, OpenEntry, LAST_OPEN_KEY};
use sotp::model::{Driver, Preset, Scenario};
use sotp::store::{MemoryStore, StorageError, Store};

/// Base with the first segment's deliveries set to `units`.
fn edited(units: i64) -> Scenario {
    let mut s = Preset::Base.scenario();
    let seg = s.segments.iter_mut().find(|s| matches!(s.driver, Driver::Units { .. })).unwrap();
    if let Driver::Units { units: u, .. } = &mut seg.driver {
        *u = Decimal::from(units);
    }
    s
}

fn draft(scenario: Scenario) -> Draft {
    Draft {
        saved_at_ms: 1_700_000_000_000,
        from_link: false,
        open: None,
        scenario,
        baseline: Preset::Base.scenario(),
    }
}

#[test]
fn only_edits_are_worth_keeping() {
    let base = Preset::Base.scenario();
    assert!(!worth_keeping(&base, &base, None), "an untouched preset can be had again");
    assert!(worth_keeping(&edited(1), &base, None));
    let open = OpenEntry { id: "a".into(), revision: 3, saved: edited(1) };
    // Edits are measured against the saved version, not the baseline.
    assert!(!worth_keeping(&edited(1), &base, Some(&open)));
    assert!(worth_keeping(&edited(2), &edited(1), Some(&open)));
}

#[test]
fn a_draft_reads_back_exactly() {
    let d = Draft {
        saved_at_ms: 42,
        from_link: true,
        open: Some(OpenEntry { id: "m2x-7".into(), revision: 9, saved: Preset::Bull.scenario() }),
        scenario: edited(123_456),
        baseline: Preset::Bull.scenario(),
    };
    assert_eq!(from_text(&to_text(&d)), Ok(d));
}

#[test]
fn damaged_drafts_say_why() {
    let good: serde_json::Value = serde_json::from_str(&to_text(&draft(edited(5)))).unwrap();
    let with = |key: &str, value: serde_json::Value| {
        let mut v = good.clone();
        v[key] = value;
        v.to_string()
    };
    assert_eq!(from_text("{\"draft\":1,"), Err(DraftDamage::NotJson));
    assert_eq!(from_text(&with("draft", 2.into())), Err(DraftDamage::Version(Some(2))));
    assert_eq!(from_text(&with("draft", "1".into())), Err(DraftDamage::Version(None)));
    assert_eq!(from_text(&with("from_link", 1.into())), Err(DraftDamage::Field("from_link")));
    assert_eq!(from_text(&with("saved_at_ms", "now".into())), Err(DraftDamage::Field("saved_at_ms")));
    assert_eq!(
        from_text(&with("open", serde_json::json!({"id": "a"}))),
        Err(DraftDamage::Field("open.revision"))
    );
    let mut bad = good.clone();
    bad["scenario"]["shares_bn"] = (-1).into();
    match from_text(&bad.to_string()) {
        Err(DraftDamage::Scenario { which: "scenario", issues }) => assert!(!issues.is_empty()),
        other => panic!("expected the scenario's issues, got {other:?}"),
    }
}

#[test]
fn keep_writes_changes_only_and_removes_only_its_own_draft() {
    let store = MemoryStore::new();
    // Nothing to keep and nothing held: another tab's draft stays.
    store.put_raw(DRAFT_KEY, &to_text(&draft(edited(7))));
    assert_eq!(keep(&store, Some(draft(Preset::Base.scenario())), None), Ok(None));
    assert_eq!(stored(&store), Some(draft(edited(7))));

    // Edits: written, then a later time alone does not write again.
    let held = keep(&store, Some(draft(edited(8))), None).unwrap();
    assert_eq!(stored(&store).map(|d| d.scenario), Some(edited(8)));
    store.put_raw(DRAFT_KEY, "sentinel");
    let later = Draft { saved_at_ms: 1_800_000_000_000, ..draft(edited(8)) };
    let held = keep(&store, Some(later), held.as_ref()).unwrap();
    assert_eq!(store.read(DRAFT_KEY).unwrap().as_deref(), Some("sentinel"), "unchanged: no write");

    // Back to the baseline: this page's draft is removed.
    assert_eq!(keep(&store, Some(draft(Preset::Base.scenario())), held.as_ref()), Ok(None));
    assert_eq!(store.read(DRAFT_KEY).unwrap(), None);
}

#[test]
fn a_refused_write_is_an_error_and_touches_nothing_saved() {
    let store = MemoryStore::new();
    store.put_raw(&key_for("one"), "{\"saved\":true}");
    store.put_raw(LAST_OPEN_KEY, "one");
    store.refuse_writes(Some(StorageError::Full));
    assert_eq!(keep(&store, Some(draft(edited(9))), None), Err(StorageError::Full));
    store.refuse_writes(None);
    keep(&store, Some(draft(edited(9))), None).unwrap();
    let all = store.snapshot();
    assert_eq!(all.get(&key_for("one")).map(String::as_str), Some("{\"saved\":true}"));
    assert_eq!(all.get(LAST_OPEN_KEY).map(String::as_str), Some("one"));
    // The saved list does not see the draft.
    let library = Library::from_raw(store.read_all().unwrap());
    assert!(library.damaged().iter().all(|d| d.key != DRAFT_KEY));
    assert_eq!(library.damaged().len(), 1, "only the hand-written entry is damaged");
}

proptest! {
    #[test]
    fn any_preset_draft_round_trips(p in preset(), units in 0i64..10_000_000, from_link: bool, at: i64) {
        let d = Draft { saved_at_ms: at, from_link, open: None, scenario: edited(units), baseline: p.scenario() };
        prop_assert_eq!(from_text(&to_text(&d)), Ok(d));
    }
}
