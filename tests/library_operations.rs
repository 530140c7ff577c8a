//! The operations of issue 3 as the browser adapter performs them, against
//! an in-memory local storage shared by two tabs: save, save as, rename,
//! duplicate, delete with undo, the two-tab conflict, and copy names.
// Tests may unwrap, expect, panic and index: a failure is the test failing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable
)]

use sotp::library::{
    copy_name, decode_entry, encode_entry, id_from_key, key_for, new_entry, new_id, plan_save, Entry,
    Library, SavePlan, LAST_OPEN_KEY,
};
use sotp::model::{validate, Preset, Scenario};
use std::collections::BTreeMap;

/// The origin's local storage: what every tab sees.
type Storage = BTreeMap<String, String>;

/// A tab: its library view and the scenario it has open, with the
/// revision it opened.
struct Tab {
    lib: Library,
    open: Option<(String, u64)>,
}

impl Tab {
    fn start(storage: &Storage) -> Tab {
        let lib = Library::from_raw(storage.clone());
        let open =
            lib.last_open(storage.get(LAST_OPEN_KEY).map(String::as_str)).map(|e| (e.id.clone(), e.revision));
        Tab { lib, open }
    }

    fn open(&mut self, storage: &mut Storage, id: &str) -> Scenario {
        let e = self.lib.get(id).expect("listed").clone();
        self.open = Some((e.id.clone(), e.revision));
        storage.insert(LAST_OPEN_KEY.into(), e.id.clone());
        e.scenario
    }

    fn write(&mut self, storage: &mut Storage, e: Entry) {
        storage.insert(key_for(&e.id), encode_entry(&e));
        self.open = Some((e.id.clone(), e.revision));
        storage.insert(LAST_OPEN_KEY.into(), e.id.clone());
        self.lib.put(e);
    }

    /// "Save": re-read the stored entry, plan, and write only on `Write`.
    fn save(&mut self, storage: &mut Storage, scenario: Scenario, now: i64) -> SavePlan {
        assert!(validate(&scenario).is_empty(), "the UI saves only valid scenarios");
        let (id, base) = self.open.clone().expect("a scenario is open");
        let key = key_for(&id);
        let stored = storage.get(&key).and_then(|raw| decode_entry(&key, raw).ok());
        let plan = plan_save(stored.as_ref(), &id, base, scenario, now);
        if let SavePlan::Write(e) = &plan {
            self.write(storage, e.clone());
        }
        plan
    }

    /// "Save as": a new entry under a fresh id.
    fn save_as(&mut self, storage: &mut Storage, scenario: Scenario, now: i64, entropy: u64) -> String {
        let id = new_id(now, entropy);
        assert!(!storage.contains_key(&key_for(&id)), "fresh id");
        self.write(storage, new_entry(id.clone(), scenario, now));
        id
    }

    /// "Duplicate": a copy with a copy name, saved as new.
    fn duplicate(&mut self, storage: &mut Storage, id: &str, now: i64, entropy: u64) -> String {
        let mut s = self.lib.get(id).expect("listed").scenario.clone();
        s.name = copy_name(&self.lib.names(), &s.name);
        self.save_as(storage, s, now, entropy)
    }

    /// "Delete": gone from storage and the list; returns what undo needs.
    fn delete(&mut self, storage: &mut Storage, id: &str) -> Entry {
        storage.remove(&key_for(id));
        self.lib.remove(id).expect("listed")
    }

    fn undo_delete(&mut self, storage: &mut Storage, e: Entry) {
        storage.insert(key_for(&e.id), encode_entry(&e));
        self.lib.put(e);
    }

    /// The `storage` event for every key another tab changed.
    fn sync(&mut self, storage: &Storage) {
        let mut keys: Vec<String> = storage.keys().cloned().collect();
        keys.extend(self.lib.entries().iter().map(|e| key_for(&e.id)));
        for key in keys {
            self.lib.apply_raw(&key, storage.get(&key).map(String::as_str));
        }
    }
}

fn named(preset: Preset, name: &str) -> Scenario {
    let mut s = preset.scenario();
    s.name = name.into();
    s
}

#[test]
fn save_as_then_save_bumps_the_revision_and_moves_it_to_the_top() {
    let mut storage = Storage::new();
    let mut tab = Tab::start(&storage);
    let a = tab.save_as(&mut storage, named(Preset::Base, "A"), 1_000, 1);
    let b = tab.save_as(&mut storage, named(Preset::Bear, "B"), 2_000, 2);
    assert_eq!(tab.lib.names(), ["B", "A"]);
    tab.open(&mut storage, &a);
    let plan = tab.save(&mut storage, named(Preset::Bull, "A"), 3_000);
    let SavePlan::Write(e) = plan else { panic!("expected a write, got {plan:?}") };
    assert_eq!((e.revision, e.saved_at_ms), (2, 3_000));
    assert_eq!(tab.lib.names(), ["A", "B"]);
    // Storage holds it; a fresh visit reads the same library and reopens A.
    let next = Tab::start(&storage);
    assert_eq!(next.lib, tab.lib);
    assert_eq!(next.open, Some((a.clone(), 2)));
    assert_eq!(next.lib.get(&a).map(|e| e.scenario.clone()), Some(named(Preset::Bull, "A")));
    assert_eq!(next.lib.get(&b).map(|e| e.revision), Some(1));
}

#[test]
fn rename_is_a_save_with_a_new_name() {
    let mut storage = Storage::new();
    let mut tab = Tab::start(&storage);
    let id = tab.save_as(&mut storage, named(Preset::Base, "Base"), 1, 7);
    let mut s = tab.open(&mut storage, &id);
    s.name = "My base".into();
    assert!(matches!(tab.save(&mut storage, s, 2), SavePlan::Write(_)));
    let e = Tab::start(&storage).lib.get(&id).cloned().expect("kept");
    assert_eq!((e.scenario.name.as_str(), e.revision, e.id.as_str()), ("My base", 2, id.as_str()));
    assert_eq!(Tab::start(&storage).lib.entries().len(), 1, "renamed, not copied");
}

#[test]
fn duplicate_makes_copies_with_copy_names() {
    let mut storage = Storage::new();
    let mut tab = Tab::start(&storage);
    let id = tab.save_as(&mut storage, named(Preset::Base, "Base"), 1, 1);
    let c1 = tab.duplicate(&mut storage, &id, 2, 2);
    let c2 = tab.duplicate(&mut storage, &id, 3, 3);
    let c3 = tab.duplicate(&mut storage, &c1, 4, 4);
    assert_eq!(tab.lib.names(), ["Base (copy 3)", "Base (copy 2)", "Base (copy)", "Base"]);
    for c in [&c1, &c2, &c3] {
        let e = tab.lib.get(c).expect("copy");
        assert_eq!(e.revision, 1);
        assert_eq!(e.scenario.segments, Preset::Base.scenario().segments);
    }
    assert_eq!(Library::from_raw(storage.clone()).entries().len(), 4);
}

#[test]
fn delete_with_undo_restores_the_entry_exactly() {
    let mut storage = Storage::new();
    let mut tab = Tab::start(&storage);
    let a = tab.save_as(&mut storage, named(Preset::Base, "A"), 1, 1);
    let b = tab.save_as(&mut storage, named(Preset::Bull, "B"), 2, 2);
    let before = storage.clone();
    let removed = tab.delete(&mut storage, &a);
    assert_eq!(tab.lib.names(), ["B"]);
    assert!(!storage.contains_key(&key_for(&a)));
    assert!(storage.contains_key(&key_for(&b)), "only what the user deleted");
    tab.undo_delete(&mut storage, removed);
    assert_eq!(storage, before);
    assert_eq!(tab.lib, Library::from_raw(before));
    assert!(tab.lib.remove("no-such-id").is_none());
}

#[test]
fn deleting_a_damaged_entry_can_be_undone_too() {
    let mut storage = Storage::new();
    storage.insert("sotp.scenario.bad".into(), "{\"schema\":2,".into());
    let mut lib = Library::from_raw(storage.clone());
    let d = lib.remove_damaged("sotp.scenario.bad").expect("listed");
    assert!(lib.damaged().is_empty());
    assert!(lib.remove_damaged("sotp.scenario.bad").is_none());
    lib.apply_raw(&d.key, Some(&d.raw));
    assert_eq!(lib, Library::from_raw(storage));
}

#[test]
fn two_tabs_a_save_never_overwrites_a_newer_save_from_the_other_tab() {
    let mut storage = Storage::new();
    let mut one = Tab::start(&storage);
    let id = one.save_as(&mut storage, named(Preset::Base, "Shared"), 1, 1);
    let mut two = Tab::start(&storage);
    assert_eq!(two.open, Some((id.clone(), 1)));
    one.open(&mut storage, &id);

    // Tab two saves first.
    let mut theirs = named(Preset::Bull, "Shared");
    theirs.price = "41".parse().expect("decimal");
    assert!(matches!(two.save(&mut storage, theirs.clone(), 5), SavePlan::Write(ref e) if e.revision == 2));

    // Tab one, still at revision 1, is told instead of overwriting.
    let plan = one.save(&mut storage, named(Preset::Bear, "Shared"), 6);
    let SavePlan::Conflict { theirs: stored } = plan else { panic!("expected a conflict, got {plan:?}") };
    assert_eq!((stored.revision, stored.scenario.clone()), (2, theirs.clone()));
    let key = key_for(&id);
    assert_eq!(decode_entry(&key, &storage[&key]).map(|e| e.scenario), Ok(theirs));

    // After taking theirs (re-opening), tab one can save over revision 2.
    one.sync(&storage);
    one.open(&mut storage, &id);
    assert!(
        matches!(one.save(&mut storage, named(Preset::Bear, "Shared"), 7), SavePlan::Write(ref e) if e.revision == 3)
    );
    // And now tab two, at revision 2, is the one told.
    assert!(matches!(two.save(&mut storage, named(Preset::Base, "Shared"), 8), SavePlan::Conflict { .. }));
}

#[test]
fn two_tabs_a_deleted_entry_is_gone_and_can_be_saved_as_new() {
    let mut storage = Storage::new();
    let mut one = Tab::start(&storage);
    let id = one.save_as(&mut storage, named(Preset::Base, "X"), 1, 1);
    let mut two = Tab::start(&storage);
    one.delete(&mut storage, &id);
    assert_eq!(two.save(&mut storage, named(Preset::Bull, "X"), 2), SavePlan::Gone);
    assert!(!storage.contains_key(&key_for(&id)), "Gone writes nothing");
    let new = two.save_as(&mut storage, named(Preset::Bull, "X"), 3, 9);
    assert_ne!(new, id);
    two.sync(&storage);
    one.sync(&storage);
    assert_eq!(one.lib, two.lib);
    assert_eq!(one.lib.names(), ["X"]);
}

#[test]
fn a_newer_or_damaged_stored_entry_is_never_saved_over() {
    let mut storage = Storage::new();
    let mut tab = Tab::start(&storage);
    let id = tab.save_as(&mut storage, named(Preset::Base, "X"), 1, 1);
    // A newer SOTP in another tab rewrites it with schema 3.
    let newer = format!(r#"{{"schema":3,"id":"{id}","revision":2,"saved_at_ms":2}}"#);
    storage.insert(key_for(&id), newer.clone());
    assert_eq!(tab.save(&mut storage, named(Preset::Bull, "X"), 3), SavePlan::Gone);
    assert_eq!(storage[&key_for(&id)], newer);
    tab.sync(&storage);
    assert!(tab.lib.get(&id).is_none());
    assert_eq!(tab.lib.damaged().len(), 1);
    assert_eq!(tab.lib.damaged()[0].raw, newer);
}

#[test]
fn storage_events_of_other_tabs_update_the_list() {
    let mut storage = Storage::new();
    let mut one = Tab::start(&storage);
    let mut two = Tab::start(&storage);
    let a = one.save_as(&mut storage, named(Preset::Base, "A"), 1, 1);
    two.lib.apply_raw(&key_for(&a), storage.get(&key_for(&a)).map(String::as_str));
    assert_eq!(two.lib.names(), ["A"]);
    storage.insert("sotp.scenario.junk".into(), "nope".into());
    two.lib.apply_raw("sotp.scenario.junk", Some("nope"));
    assert_eq!(two.lib.damaged().len(), 1);
    // Another app's key and the last-open key change nothing.
    let before = two.lib.clone();
    two.lib.apply_raw("theme", Some("dark"));
    two.lib.apply_raw(LAST_OPEN_KEY, Some(&a));
    assert_eq!(two.lib, before);
    one.delete(&mut storage, &a);
    two.lib.apply_raw(&key_for(&a), None);
    assert!(two.lib.entries().is_empty());
    // A damaged key rewritten with a good entry moves to the entries.
    let good = encode_entry(&new_entry("junk".into(), named(Preset::Bear, "J"), 5));
    two.lib.apply_raw("sotp.scenario.junk", Some(&good));
    assert!(two.lib.damaged().is_empty());
    assert_eq!(two.lib.names(), ["J"]);
}

#[test]
fn put_replaces_by_id_and_takes_the_place_of_a_damaged_text_under_its_key() {
    let mut lib = Library::from_raw([("sotp.scenario.abc".to_string(), "broken".to_string())]);
    lib.put(new_entry("abc".into(), named(Preset::Base, "One"), 1));
    assert!(lib.damaged().is_empty());
    lib.put(Entry { revision: 2, ..new_entry("abc".into(), named(Preset::Base, "Two"), 2) });
    assert_eq!(lib.entries().len(), 1);
    assert_eq!(lib.get("abc").map(|e| (e.revision, e.scenario.name.as_str())), Some((2, "Two")));
    assert_eq!(lib.remove("abc").map(|e| e.revision), Some(2));
    assert!(lib.get("abc").is_none());
}

// ---------------------------------------------------------------- plan_save

#[test]
fn plan_save_same_revision_writes_the_next_one() {
    let stored = Entry { revision: 4, ..new_entry("abc".into(), Preset::Base.scenario(), 10) };
    let plan = plan_save(Some(&stored), "abc", 4, Preset::Bull.scenario(), 99);
    assert_eq!(
        plan,
        SavePlan::Write(Entry {
            id: "abc".into(),
            revision: 5,
            saved_at_ms: 99,
            scenario: Preset::Bull.scenario()
        })
    );
}

#[test]
fn plan_save_stored_newer_or_other_revision_is_a_conflict() {
    let stored = Entry { revision: 6, ..new_entry("abc".into(), Preset::Base.scenario(), 10) };
    for base in [0, 1, 5, 7] {
        assert_eq!(
            plan_save(Some(&stored), "abc", base, Preset::Bull.scenario(), 99),
            SavePlan::Conflict { theirs: stored.clone() },
            "base {base}"
        );
    }
}

#[test]
fn plan_save_nothing_stored_is_gone() {
    assert_eq!(plan_save(None, "abc", 1, Preset::Bull.scenario(), 99), SavePlan::Gone);
    // An entry of another id is not the one being saved.
    let other = new_entry("xyz".into(), Preset::Base.scenario(), 10);
    assert_eq!(plan_save(Some(&other), "abc", 1, Preset::Bull.scenario(), 99), SavePlan::Gone);
}

#[test]
fn plan_save_at_the_last_revision_does_not_wrap() {
    let stored = Entry { revision: u64::MAX, ..new_entry("abc".into(), Preset::Base.scenario(), 10) };
    assert_eq!(
        plan_save(Some(&stored), "abc", u64::MAX, Preset::Bull.scenario(), 99),
        SavePlan::Conflict { theirs: stored }
    );
}

#[test]
fn new_entries_start_at_revision_1() {
    let e = new_entry("abc".into(), Preset::Base.scenario(), 42);
    assert_eq!((e.id.as_str(), e.revision, e.saved_at_ms), ("abc", 1, 42));
    assert_eq!(id_from_key(&key_for(&e.id)), Some("abc"));
}

// ---------------------------------------------------------------- copy_name

#[test]
fn copy_names_count_up() {
    assert_eq!(copy_name(&[], "Base"), "Base (copy)");
    assert_eq!(copy_name(&["Base"], "Base"), "Base (copy)");
    assert_eq!(copy_name(&["Base", "Base (copy)"], "Base"), "Base (copy 2)");
    assert_eq!(copy_name(&["Base (copy)", "Base (copy 2)", "Base (copy 3)"], "Base"), "Base (copy 4)");
    // A gap is filled.
    assert_eq!(copy_name(&["Base (copy)", "Base (copy 3)"], "Base"), "Base (copy 2)");
    // Other scenarios' copies do not count.
    assert_eq!(copy_name(&["Bull (copy)"], "Base"), "Base (copy)");
}

#[test]
fn a_copy_of_a_copy_counts_on_from_the_original() {
    assert_eq!(copy_name(&["Base", "Base (copy)"], "Base (copy)"), "Base (copy 2)");
    assert_eq!(copy_name(&["Base (copy)", "Base (copy 2)"], "Base (copy 2)"), "Base (copy 3)");
    assert_eq!(copy_name(&[], "Base (copy 12)"), "Base (copy)");
    // Not a copy suffix: kept as part of the name.
    assert_eq!(copy_name(&[], "Base (copy x)"), "Base (copy x) (copy)");
    assert_eq!(copy_name(&[], "(copy)"), "(copy) (copy)");
    assert_eq!(copy_name(&[], "Base(copy)"), "Base(copy) (copy)");
}

#[test]
fn copy_names_trim_and_name_the_nameless() {
    assert_eq!(copy_name(&[], "  Base  "), "Base (copy)");
    assert_eq!(copy_name(&["  Base (copy) "], "Base"), "Base (copy 2)");
    assert_eq!(copy_name(&[], ""), "Scenario (copy)");
    assert_eq!(copy_name(&[], "   "), "Scenario (copy)");
}

#[test]
fn long_names_are_cut_to_fit_80_characters() {
    let long = "x".repeat(80);
    let c = copy_name(&[], &long);
    assert_eq!(c, format!("{} (copy)", "x".repeat(73)));
    assert_eq!(c.chars().count(), 80);
    let c2 = copy_name(&[&c], &long);
    assert_eq!(c2, format!("{} (copy 2)", "x".repeat(71)));
    // Copy 10 needs one more character.
    let mut existing = vec![c.clone()];
    existing.extend((2..=9).map(|n| format!("{} (copy {n})", "x".repeat(71))));
    let refs: Vec<&str> = existing.iter().map(String::as_str).collect();
    assert_eq!(copy_name(&refs, &long), format!("{} (copy 10)", "x".repeat(70)));
    // Characters, not bytes: 80 Chinese characters.
    let han = "小".repeat(80);
    let c = copy_name(&[], &han);
    assert_eq!(c.chars().count(), 80);
    assert!(c.starts_with(&"小".repeat(73)));
    // A cut that ends in a space does not leave it before the suffix.
    let spaced = format!("{} tail", "y".repeat(72));
    assert_eq!(copy_name(&[], &spaced), format!("{} (copy)", "y".repeat(72)));
}

#[test]
fn copy_names_pass_the_spec_name_rule() {
    let mut s = Preset::Base.scenario();
    for base in ["", "Base", &"x".repeat(80), &"名".repeat(79), "Base (copy 99)"] {
        s.name = copy_name(&[], base);
        assert!(validate(&s).is_empty(), "{:?}", s.name);
    }
}
