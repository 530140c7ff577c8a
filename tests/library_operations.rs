//! The saved-scenario operations, the app's own (`saving`), against an
//! in-memory store shared by two tabs: save, save as, rename, duplicate,
//! delete with undo, the two-tab conflict, import, a refused write, and
//! copy names.
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
use sotp::model::{validate, Preset, Problem, Scenario};
use sotp::saving::{self, EntryError, SaveOver};
use sotp::store::{MemoryStore, StorageError, Store};

/// A tab: its library view and the scenario it has open, with the
/// revision it opened. Every operation is the app's own (`saving`); the
/// tab only remembers what `ui/state/saved.rs` keeps in signals.
struct Tab {
    lib: Library,
    open: Option<(String, u64)>,
}

impl Tab {
    fn start(store: &MemoryStore) -> Tab {
        let lib = Library::from_raw(store.read_all().unwrap());
        let last = store.read(LAST_OPEN_KEY).unwrap();
        let open = lib.last_open(last.as_deref()).map(|e| (e.id.clone(), e.revision));
        Tab { lib, open }
    }

    /// What the page does on opening or after a save: the entry is open,
    /// and the one to reopen.
    fn mark_open(&mut self, store: &MemoryStore, e: &Entry) {
        self.open = Some((e.id.clone(), e.revision));
        store.write(LAST_OPEN_KEY, &e.id).unwrap();
    }

    fn open(&mut self, store: &MemoryStore, id: &str) -> Scenario {
        let e = self.lib.get(id).expect("listed").clone();
        self.mark_open(store, &e);
        e.scenario
    }

    /// "Save" over the open entry.
    fn save(&mut self, store: &MemoryStore, scenario: Scenario, now: i64) -> SaveOver {
        let (id, base) = self.open.clone().expect("a scenario is open");
        let done = saving::save_over(store, &mut self.lib, &id, base, scenario, now).unwrap();
        if let SaveOver::Written(e) = &done {
            self.mark_open(store, e);
        }
        done
    }

    /// "Save as new": a new entry under a fresh id, then open.
    fn save_as(&mut self, store: &MemoryStore, scenario: Scenario, now: i64, entropy: u64) -> String {
        let e = saving::save_new(store, &mut self.lib, scenario, now, entropy).unwrap();
        self.mark_open(store, &e);
        e.id
    }

    /// "Duplicate": a copy with a copy name; the open entry stays open.
    fn duplicate(&mut self, store: &MemoryStore, id: &str, now: i64, entropy: u64) -> String {
        saving::duplicate(store, &mut self.lib, id, now, entropy).unwrap().id
    }

    /// "Delete": gone from storage and the list; returns what Undo needs.
    fn delete(&mut self, store: &MemoryStore, id: &str) -> Entry {
        saving::delete(store, &mut self.lib, id).unwrap().expect("listed")
    }

    fn undo_delete(&mut self, store: &MemoryStore, e: Entry) -> Entry {
        saving::undo_delete(store, &mut self.lib, e, 99, 99).unwrap()
    }

    /// The `storage` event for every key another tab changed.
    fn sync(&mut self, store: &MemoryStore) {
        let stored = store.snapshot();
        let mut keys: Vec<String> = stored.keys().cloned().collect();
        keys.extend(self.lib.entries().iter().map(|e| key_for(&e.id)));
        for key in keys {
            self.lib.apply_raw(&key, stored.get(&key).map(String::as_str));
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
    let storage = MemoryStore::new();
    let mut tab = Tab::start(&storage);
    let a = tab.save_as(&storage, named(Preset::Base, "A"), 1_000, 1);
    let b = tab.save_as(&storage, named(Preset::Bear, "B"), 2_000, 2);
    assert_eq!(tab.lib.names(), ["B", "A"]);
    tab.open(&storage, &a);
    let plan = tab.save(&storage, named(Preset::Bull, "A"), 3_000);
    let SaveOver::Written(e) = plan else { panic!("expected a write, got {plan:?}") };
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
    let storage = MemoryStore::new();
    let mut tab = Tab::start(&storage);
    let id = tab.save_as(&storage, named(Preset::Base, "Base"), 1, 7);
    let mut s = tab.open(&storage, &id);
    s.name = "My base".into();
    assert!(matches!(tab.save(&storage, s, 2), SaveOver::Written(_)));
    let e = Tab::start(&storage).lib.get(&id).cloned().expect("kept");
    assert_eq!((e.scenario.name.as_str(), e.revision, e.id.as_str()), ("My base", 2, id.as_str()));
    assert_eq!(Tab::start(&storage).lib.entries().len(), 1, "renamed, not copied");
}

#[test]
fn duplicate_makes_copies_with_copy_names() {
    let storage = MemoryStore::new();
    let mut tab = Tab::start(&storage);
    let id = tab.save_as(&storage, named(Preset::Base, "Base"), 1, 1);
    let c1 = tab.duplicate(&storage, &id, 2, 2);
    let c2 = tab.duplicate(&storage, &id, 3, 3);
    let c3 = tab.duplicate(&storage, &c1, 4, 4);
    assert_eq!(tab.lib.names(), ["Base (copy 3)", "Base (copy 2)", "Base (copy)", "Base"]);
    for c in [&c1, &c2, &c3] {
        let e = tab.lib.get(c).expect("copy");
        assert_eq!(e.revision, 1);
        assert_eq!(e.scenario.segments, Preset::Base.scenario().segments);
    }
    assert_eq!(Library::from_raw(storage.snapshot()).entries().len(), 4);
}

#[test]
fn delete_with_undo_restores_the_entry_exactly() {
    let storage = MemoryStore::new();
    let mut tab = Tab::start(&storage);
    let a = tab.save_as(&storage, named(Preset::Base, "A"), 1, 1);
    let b = tab.save_as(&storage, named(Preset::Bull, "B"), 2, 2);
    let before = storage.snapshot();
    let removed = tab.delete(&storage, &a);
    assert_eq!(tab.lib.names(), ["B"]);
    assert!(!storage.snapshot().contains_key(&key_for(&a)));
    assert!(storage.snapshot().contains_key(&key_for(&b)), "only what the user deleted");
    let back = tab.undo_delete(&storage, removed.clone());
    assert_eq!(back, removed, "exactly what was stored");
    assert_eq!(storage.snapshot(), before);
    assert_eq!(tab.lib, Library::from_raw(before));
    assert!(tab.lib.remove("no-such-id").is_none());
}

#[test]
fn deleting_a_damaged_entry_can_be_undone_too() {
    let storage = MemoryStore::new();
    storage.put_raw("sotp.scenario.bad", "{\"schema\":2,");
    let mut lib = Library::from_raw(storage.snapshot());
    let d = lib.remove_damaged("sotp.scenario.bad").expect("listed");
    assert!(lib.damaged().is_empty());
    assert!(lib.remove_damaged("sotp.scenario.bad").is_none());
    lib.apply_raw(&d.key, Some(&d.raw));
    assert_eq!(lib, Library::from_raw(storage.snapshot()));
}

#[test]
fn two_tabs_a_save_never_overwrites_a_newer_save_from_the_other_tab() {
    let storage = MemoryStore::new();
    let mut one = Tab::start(&storage);
    let id = one.save_as(&storage, named(Preset::Base, "Shared"), 1, 1);
    let mut two = Tab::start(&storage);
    assert_eq!(two.open, Some((id.clone(), 1)));
    one.open(&storage, &id);

    // Tab two saves first.
    let mut theirs = named(Preset::Bull, "Shared");
    theirs.price = "41".parse().expect("decimal");
    assert!(matches!(two.save(&storage, theirs.clone(), 5), SaveOver::Written(ref e) if e.revision == 2));

    // Tab one, still at revision 1, is told instead of overwriting.
    let plan = one.save(&storage, named(Preset::Bear, "Shared"), 6);
    let SaveOver::Conflict(stored) = plan else { panic!("expected a conflict, got {plan:?}") };
    assert_eq!((stored.revision, stored.scenario.clone()), (2, theirs.clone()));
    let key = key_for(&id);
    assert_eq!(decode_entry(&key, &storage.snapshot()[&key]).map(|e| e.scenario), Ok(theirs));

    // After taking theirs (re-opening), tab one can save over revision 2.
    one.sync(&storage);
    one.open(&storage, &id);
    assert!(
        matches!(one.save(&storage, named(Preset::Bear, "Shared"), 7), SaveOver::Written(ref e) if e.revision == 3)
    );
    // And now tab two, at revision 2, is the one told.
    assert!(matches!(two.save(&storage, named(Preset::Base, "Shared"), 8), SaveOver::Conflict(_)));
}

#[test]
fn two_tabs_a_deleted_entry_is_gone_and_can_be_saved_as_new() {
    let storage = MemoryStore::new();
    let mut one = Tab::start(&storage);
    let id = one.save_as(&storage, named(Preset::Base, "X"), 1, 1);
    let mut two = Tab::start(&storage);
    one.delete(&storage, &id);
    assert_eq!(two.save(&storage, named(Preset::Bull, "X"), 2), SaveOver::Gone);
    assert!(!storage.snapshot().contains_key(&key_for(&id)), "Gone writes nothing");
    // The browser has told tab two of the delete (a storage event), so the
    // name is free again: no copy name.
    two.sync(&storage);
    let new = two.save_as(&storage, named(Preset::Bull, "X"), 3, 9);
    assert_ne!(new, id);
    two.sync(&storage);
    one.sync(&storage);
    assert_eq!(one.lib, two.lib);
    assert_eq!(one.lib.names(), ["X"]);
}

#[test]
fn a_newer_or_damaged_stored_entry_is_never_saved_over() {
    let storage = MemoryStore::new();
    let mut tab = Tab::start(&storage);
    let id = tab.save_as(&storage, named(Preset::Base, "X"), 1, 1);
    // A newer SOTP in another tab rewrites it with schema 3.
    let newer = format!(r#"{{"schema":3,"id":"{id}","revision":2,"saved_at_ms":2}}"#);
    storage.put_raw(&key_for(&id), &newer);
    assert_eq!(tab.save(&storage, named(Preset::Bull, "X"), 3), SaveOver::Gone);
    assert_eq!(storage.snapshot()[&key_for(&id)], newer);
    tab.sync(&storage);
    assert!(tab.lib.get(&id).is_none());
    assert_eq!(tab.lib.damaged().len(), 1);
    assert_eq!(tab.lib.damaged()[0].raw, newer);
}

#[test]
fn storage_events_of_other_tabs_update_the_list() {
    let storage = MemoryStore::new();
    let mut one = Tab::start(&storage);
    let mut two = Tab::start(&storage);
    let a = one.save_as(&storage, named(Preset::Base, "A"), 1, 1);
    two.lib.apply_raw(&key_for(&a), storage.snapshot().get(&key_for(&a)).map(String::as_str));
    assert_eq!(two.lib.names(), ["A"]);
    storage.put_raw("sotp.scenario.junk", "nope");
    two.lib.apply_raw("sotp.scenario.junk", Some("nope"));
    assert_eq!(two.lib.damaged().len(), 1);
    // Another app's key and the last-open key change nothing.
    let before = two.lib.clone();
    two.lib.apply_raw("theme", Some("dark"));
    two.lib.apply_raw(LAST_OPEN_KEY, Some(&a));
    assert_eq!(two.lib, before);
    one.delete(&storage, &a);
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

#[test]
fn rename_writes_the_next_revision_and_refuses_a_bad_name() {
    let storage = MemoryStore::new();
    let mut tab = Tab::start(&storage);
    let id = tab.save_as(&storage, named(Preset::Base, "Base"), 1, 7);
    let (e, read) = saving::rename(&storage, &mut tab.lib, &id, "  My base  ", 2).unwrap();
    assert_eq!((e.scenario.name.as_str(), e.revision, read), ("My base", 2, 1));
    assert_eq!(Tab::start(&storage).lib, tab.lib, "stored as listed");
    let before = storage.snapshot();
    let refused = saving::rename(&storage, &mut tab.lib, &id, "   ", 3).unwrap_err();
    assert_eq!(refused, EntryError::Name(Problem::Length { max: 80, found: 0 }));
    assert_eq!(saving::rename(&storage, &mut tab.lib, "gone", "X", 3).unwrap_err(), EntryError::NotStored);
    assert_eq!(storage.snapshot(), before, "a refused rename writes nothing");
}

#[test]
fn duplicate_does_not_open_the_copy_and_reads_what_is_stored() {
    let storage = MemoryStore::new();
    let mut one = Tab::start(&storage);
    let id = one.save_as(&storage, named(Preset::Base, "Base"), 1, 1);
    // Another tab saves a newer version; the copy is of what is stored.
    let mut two = Tab::start(&storage);
    two.save(&storage, named(Preset::Bull, "Base"), 2);
    let copy = one.duplicate(&storage, &id, 3, 3);
    assert_eq!(one.open, Some((id.clone(), 1)), "the open entry stays open");
    assert_eq!(
        one.lib.get(&copy).map(|e| e.scenario.segments.clone()),
        Some(named(Preset::Bull, "x").segments)
    );
    assert_eq!(saving::duplicate(&storage, &mut one.lib, "gone", 4, 4).unwrap_err(), EntryError::NotStored);
}

#[test]
fn a_refused_write_changes_neither_storage_nor_the_list() {
    let storage = MemoryStore::new();
    let mut tab = Tab::start(&storage);
    let id = tab.save_as(&storage, named(Preset::Base, "A"), 1, 1);
    let (before, listed) = (storage.snapshot(), tab.lib.clone());
    storage.refuse_writes(Some(StorageError::Full));
    let mut lib = tab.lib.clone();
    assert_eq!(saving::save_new(&storage, &mut lib, named(Preset::Bull, "B"), 2, 2), Err(StorageError::Full));
    assert_eq!(
        saving::save_over(&storage, &mut lib, &id, 1, named(Preset::Bull, "A"), 2),
        Err(StorageError::Full)
    );
    assert_eq!(saving::delete(&storage, &mut lib, &id), Err(StorageError::Full));
    assert_eq!(storage.snapshot(), before);
    assert_eq!(lib, listed, "the list shows what is stored");
    storage.refuse_writes(None);
    assert!(saving::save_new(&storage, &mut lib, named(Preset::Bull, "B"), 3, 3).is_ok());
}

#[test]
fn importing_a_list_saves_each_with_a_unique_name_and_says_how_far_it_got() {
    let storage = MemoryStore::new();
    let mut tab = Tab::start(&storage);
    tab.save_as(&storage, named(Preset::Base, "Base"), 1, 1);
    let list = vec![named(Preset::Base, "Base"), named(Preset::Bull, "Bull"), named(Preset::Bear, "Base")];
    let mut n = 10;
    let mut entropy = || {
        n += 1;
        n
    };
    assert_eq!(saving::import_all(&storage, &mut tab.lib, list.clone(), 5, &mut entropy), Ok(3));
    let mut names = tab.lib.names();
    names.sort_unstable();
    assert_eq!(names, ["Base", "Base (copy 2)", "Base (copy)", "Bull"]);
    // Full part-way: whole entries only, and the count of those saved.
    let storage = MemoryStore::new();
    let mut lib = Library::default();
    assert_eq!(saving::import_all(&storage, &mut lib, list[..1].to_vec(), 6, &mut entropy), Ok(1));
    storage.refuse_writes(Some(StorageError::Full));
    assert_eq!(saving::import_all(&storage, &mut lib, list, 7, &mut entropy), Err((0, StorageError::Full)));
    assert_eq!(Library::from_raw(storage.snapshot()), lib);
}

#[test]
fn undo_of_a_delete_whose_id_was_taken_meanwhile_restores_a_copy() {
    let storage = MemoryStore::new();
    let mut tab = Tab::start(&storage);
    let id = tab.save_as(&storage, named(Preset::Base, "A"), 1, 1);
    let removed = tab.delete(&storage, &id);
    // Another tab (practically never) stores something under the same id.
    let other = new_entry(id.clone(), named(Preset::Bull, "Other"), 2);
    storage.put_raw(&key_for(&id), &encode_entry(&other));
    let back = tab.undo_delete(&storage, removed.clone());
    assert_ne!(back.id, id);
    assert_eq!(back.scenario, removed.scenario);
    assert_eq!(back.id, new_id(99, 99));
    assert_eq!(decode_entry(&key_for(&id), &storage.snapshot()[&key_for(&id)]), Ok(other), "theirs kept");
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
