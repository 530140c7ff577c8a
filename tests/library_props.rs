//! Property tests of saved scenarios: no stored text, however broken, makes
//! decoding panic or lose it; entries survive encode and decode exactly;
//! the library lists every key of ours; copy names and ids stay valid.
// Tests may unwrap, expect, panic and index: a failure is the test failing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable
)]

mod common;
use proptest::prelude::*;
use sotp::library::{
    copy_name, decode_entry, encode_entry, id_from_key, is_valid_id, key_for, new_id, Entry, Library,
    KEY_PREFIX, LAST_OPEN_KEY,
};
use sotp::model::validate;
use sotp::text::{Lang::En, Say};
use std::collections::BTreeMap;

use common::gen::preset;

fn valid_id() -> impl Strategy<Value = String> {
    "[a-z0-9-]{1,40}"
}

/// A name the spec accepts: 1 to 80 characters after trimming.
fn valid_name() -> impl Strategy<Value = String> {
    "\\PC{1,80}".prop_filter("1 to 80 characters after trimming", |n| {
        let k = n.trim().chars().count();
        (1..=80).contains(&k)
    })
}

fn entry() -> impl Strategy<Value = Entry> {
    (preset(), valid_id(), any::<u64>(), any::<i64>(), proptest::option::of(valid_name())).prop_map(
        |(p, id, revision, saved_at_ms, name)| {
            let mut scenario = p.scenario();
            if let Some(name) = name {
                scenario.name = name;
            }
            Entry { id, revision, saved_at_ms, scenario }
        },
    )
}

/// Texts near a real entry: cut short, with a byte changed, or with a
/// fragment spliced in, besides arbitrary strings.
fn raw_text() -> impl Strategy<Value = String> {
    let near = (entry(), any::<prop::sample::Index>(), any::<prop::sample::Index>(), "\\PC{0,12}").prop_map(
        |(e, cut, at, insert)| {
            let text = encode_entry(&e);
            let chars: Vec<char> = text.chars().collect();
            let (cut, at) = (cut.index(chars.len() + 1), at.index(chars.len() + 1));
            match cut % 3 {
                0 => chars[..cut].iter().collect(),
                1 => chars[..at]
                    .iter()
                    .chain(insert.chars().collect::<Vec<_>>().iter())
                    .chain(chars[at..].iter())
                    .collect(),
                _ => chars.iter().enumerate().filter(|(i, _)| *i != at).map(|(_, c)| *c).collect(),
            }
        },
    );
    let json_like = prop_oneof![
        Just("{\"schema\":2}".to_string()),
        Just("{\"schema\":1,\"saved_at_ms\":0,\"scenario\":{}}".to_string()),
        "\\{\"schema\":[0-9]{1,3},\"id\":\"[a-z]{0,4}\",\"revision\":-?[0-9]{1,21},\"saved_at_ms\":-?[0-9.e]{1,21}\\}",
    ];
    prop_oneof![4 => any::<String>(), 4 => near, 2 => json_like]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => valid_id().prop_map(|id| key_for(&id)),
        1 => "\\PC{0,12}".prop_map(|s| format!("{KEY_PREFIX}{s}")),
        1 => any::<String>(),
        1 => Just(LAST_OPEN_KEY.to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn decode_entry_never_panics_and_keeps_what_it_cannot_read(k in key(), raw in raw_text()) {
        match decode_entry(&k, &raw) {
            Ok(e) => {
                prop_assert_eq!(Some(e.id.as_str()), id_from_key(&k));
                prop_assert!(is_valid_id(&e.id));
                prop_assert!(validate(&e.scenario).is_empty(), "a loaded scenario passes every rule");
            }
            Err(d) => {
                prop_assert_eq!(&d.key, &k);
                prop_assert_eq!(&d.raw, &raw);
                prop_assert!(!d.reason.say(En).trim().is_empty());
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1_000))]

    #[test]
    fn encode_then_decode_is_the_identity(e in entry()) {
        prop_assert_eq!(decode_entry(&key_for(&e.id), &encode_entry(&e)), Ok(e));
    }

    #[test]
    fn from_raw_lists_every_key_of_ours_once(items in prop::collection::vec((key(), raw_text()), 0..12),
                                             good in prop::collection::vec(entry(), 0..6)) {
        let mut all: Vec<(String, String)> = items;
        all.extend(good.iter().map(|e| (key_for(&e.id), encode_entry(e))));
        // Storage has one value per key: the last write wins.
        let storage: BTreeMap<String, String> = all.iter().cloned().collect();
        let lib = Library::from_raw(all);
        let ours: Vec<(&String, &String)> =
            storage.iter().filter(|(k, _)| id_from_key(k).is_some()).collect();
        prop_assert_eq!(lib.entries().len() + lib.damaged().len(), ours.len());
        for (k, raw) in ours {
            let loaded = id_from_key(k).and_then(|id| lib.get(id)).is_some_and(|e| decode_entry(k, raw) == Ok(e.clone()));
            let damaged = lib.damaged().iter().any(|d| &d.key == k && &d.raw == raw);
            prop_assert!(loaded != damaged, "{} must be in exactly one list", k);
        }
        let names = lib.names();
        prop_assert_eq!(names.len(), lib.entries().len());
        let times: Vec<i64> = lib.entries().iter().map(|e| e.saved_at_ms).collect();
        prop_assert!(times.windows(2).all(|w| w[0] >= w[1]), "newest first");
    }

    #[test]
    fn copy_names_are_new_valid_and_fit(base in "\\PC{0,100}", existing in prop::collection::vec("\\PC{0,90}", 0..8),
                                        copies in 0usize..12) {
        let mut names = existing;
        // Some of the copies already made.
        let mut taken: Vec<String> = Vec::new();
        for _ in 0..copies {
            let refs: Vec<&str> = names.iter().chain(taken.iter()).map(String::as_str).collect();
            let c = copy_name(&refs, &base);
            taken.push(c);
        }
        names.extend(taken.iter().cloned());
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let c = copy_name(&refs, &base);
        prop_assert!(!refs.iter().any(|n| n.trim() == c), "{:?} is taken", c);
        prop_assert!(c.chars().count() <= 80);
        prop_assert!(!c.trim().is_empty());
        prop_assert_eq!(c.trim(), c.as_str());
        // All copies made are distinct.
        let mut sorted = taken.clone();
        sorted.sort();
        sorted.dedup();
        prop_assert_eq!(sorted.len(), taken.len());
    }

    #[test]
    fn new_ids_are_valid(t in any::<i64>(), e in any::<u64>(), e2 in any::<u64>()) {
        let id = new_id(t, e);
        prop_assert!(is_valid_id(&id), "{}", id);
        prop_assert!(id.len() <= 27);
        prop_assert_eq!(e == e2, id == new_id(t, e2));
    }
}
