//! Every driver kind through every reader and writer: the JSON file, share
//! links, the page's labels, the bridge's explanation and the valuation.
//! A kind added to `DriverKind` but not to one of them fails here.
// Tests may unwrap, expect, panic and index: a failure is the test failing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable
)]

use rust_decimal::Decimal;
use sotp::labels::field_ui;
use sotp::link;
use sotp::model::json::{from_json, to_json};
use sotp::model::valuation::evaluate;
use sotp::model::{validate, DriverKind, Field, Preset, Scenario};
use sotp::text::{explain, Lang::En};
use std::collections::HashSet;

/// The Base preset with its first segment driven by `kind`, each field a
/// different plausible value.
fn with_kind(kind: DriverKind) -> Scenario {
    let values: Vec<Decimal> = kind
        .fields()
        .iter()
        .enumerate()
        .map(|(i, f)| match f.json_key() {
            "growth_pct" => Decimal::new(35, 1),
            "units" | "base_units" => Decimal::from(150_000_000 + i as i64),
            _ => Decimal::from(100 + i as i64),
        })
        .collect();
    let mut s = Preset::Base.scenario();
    s.segments[0].driver = kind.build(&values).expect("the kind's own field count");
    s
}

#[test]
fn codes_tags_and_fields_are_one_to_one() {
    let codes: HashSet<_> = DriverKind::ALL.iter().map(|k| k.code()).collect();
    let tags: HashSet<_> = DriverKind::ALL.iter().map(|k| k.link_tag()).collect();
    assert_eq!(codes.len(), DriverKind::ALL.len());
    assert_eq!(tags.len(), DriverKind::ALL.len());
    for kind in DriverKind::ALL {
        assert_eq!(DriverKind::from_code(kind.code()), Some(kind));
        assert_eq!(DriverKind::from_link_tag(kind.link_tag()), Some(kind));
        let fields: HashSet<_> = kind.fields().iter().collect();
        assert_eq!(fields.len(), kind.fields().len(), "{kind:?} lists a field twice");
        // A wrong number of values builds nothing.
        assert_eq!(kind.build(&[]), None);
        assert_eq!(kind.build(&vec![Decimal::ONE; kind.fields().len() + 1]), None);
        let built = kind.build(&vec![Decimal::ONE; kind.fields().len()]).unwrap();
        assert_eq!(built.driver_kind(), kind);
        assert_eq!(built.kind(), kind.code());
        for f in kind.fields() {
            assert_eq!(f.of(&built), Some(Decimal::ONE), "{kind:?} {f:?}");
        }
    }
    assert_eq!(DriverKind::from_code("bananas"), None);
    assert_eq!(DriverKind::from_link_tag(4), None);
}

#[test]
fn every_kind_values_and_passes_the_rules() {
    for kind in DriverKind::ALL {
        let s = with_kind(kind);
        assert!(validate(&s).is_empty(), "{kind:?}: {:?}", validate(&s));
        assert!(evaluate(&s).is_ok(), "{kind:?} does not value");
    }
}

#[test]
fn every_kind_round_trips_through_the_json_file() {
    for kind in DriverKind::ALL {
        let s = with_kind(kind);
        let text = to_json(&s);
        assert!(text.contains(&format!("\"kind\": \"{}\"", kind.code())), "{kind:?}: {text}");
        for f in kind.fields() {
            assert!(text.contains(&format!("\"{}\"", f.json_key())), "{kind:?} writes no {}", f.json_key());
        }
        assert_eq!(from_json(&text), Ok(s), "{kind:?}");
    }
}

#[test]
fn every_kind_round_trips_through_a_share_link() {
    for kind in DriverKind::ALL {
        let s = with_kind(kind);
        let fragment = link::encode(&s);
        assert_eq!(link::decode(&fragment), Ok(s), "{kind:?}");
    }
}

#[test]
fn every_field_of_every_kind_has_a_label_and_an_explanation() {
    for kind in DriverKind::ALL {
        let s = with_kind(kind);
        let labels: HashSet<String> =
            kind.fields().iter().map(|&f| field_ui(En, Field::Segment(0, f), &s).label).collect();
        assert_eq!(labels.len(), kind.fields().len(), "{kind:?}: labels {labels:?}");
        assert!(labels.iter().all(|l| !l.trim().is_empty()), "{kind:?}: an empty label");
        let v = evaluate(&s).unwrap();
        let e = explain::segment(En, &s, &v, &v.segments[0]);
        assert!(!e.words.is_empty() && !e.numbers.is_empty(), "{kind:?}: no explanation");
        // The numbers show the driver's own inputs.
        assert!(e.numbers.chars().any(|c| c.is_ascii_digit()), "{kind:?}: {}", e.numbers);
    }
}
