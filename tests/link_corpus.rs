//! Every share link ever written keeps opening: the corpus of format v1
//! (tests/links/v1.txt) decodes, values to the expected value per share,
//! and re-encodes to the very same fragment.
// Tests may unwrap, expect, panic and index: a failure is the test failing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable
)]

mod common;

use sotp::link::{decode, encode, is_link};
use sotp::model::evaluate;
use sotp::text::{Lang::En, Say};

struct Line<'a> {
    number: usize,
    fragment: &'a str,
    expected: &'a str,
    comment: &'a str,
}

fn corpus(text: &str) -> Vec<Line<'_>> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let mut parts = l.splitn(3, ' ');
            let (Some(fragment), Some(expected), Some(comment)) = (parts.next(), parts.next(), parts.next())
            else {
                panic!("line {}: want `<fragment> <value> <comment>`: {l}", i + 1)
            };
            Line { number: i + 1, fragment, expected, comment }
        })
        .collect()
}

#[test]
fn every_v1_link_decodes_values_and_re_encodes_to_itself() {
    let text = include_str!("links/v1.txt");
    let lines = corpus(text);
    assert!(lines.len() >= 9, "the corpus lost lines: {}", lines.len());
    for line in &lines {
        let at = format!("v1.txt line {} ({})", line.number, line.comment);
        assert!(line.fragment.starts_with("s1."), "{at}: not a v1 link");
        assert!(is_link(line.fragment), "{at}");
        let scenario = decode(line.fragment).unwrap_or_else(|e| panic!("{at}: {}", e.say(En)));
        assert_eq!(decode(&format!("#{}", line.fragment)).as_ref(), Ok(&scenario), "{at}: with '#'");
        let valuation = evaluate(&scenario).unwrap_or_else(|e| panic!("{at}: {e:?}"));
        println!("{} {} {}", valuation.per_share_listing.round_dp(2), line.expected, line.comment);
        common::assert_per_share(valuation.per_share_listing, line.expected);
        assert_eq!(encode(&scenario), line.fragment, "{at}: re-encodes differently");
    }
}

#[test]
fn the_corpus_covers_what_it_promises() {
    let lines = corpus(include_str!("links/v1.txt"));
    let scenarios: Vec<_> = lines.iter().filter_map(|l| decode(l.fragment).ok()).collect();
    assert_eq!(scenarios.len(), lines.len());
    let counts: Vec<usize> = scenarios.iter().map(|s| s.segments.len()).collect();
    assert!(counts.contains(&1) && counts.contains(&12), "{counts:?}");
    assert!(scenarios.iter().any(|s| !s.name.is_ascii() && s.segments.iter().any(|g| !g.name.is_ascii())));
    assert!(scenarios.iter().any(|s| s.price_date.is_none()));
    assert!(scenarios.iter().any(|s| {
        [s.net_cash_bn, s.investments_bn, s.investments_discount_pct, s.other_bn]
            .into_iter()
            .chain([s.holding_discount_pct, s.buyback_listing_bn])
            .all(|d| !d.is_zero())
    }));
    // Kept as written: "40.3400" and "-0.0" come back digit for digit.
    assert!(scenarios
        .iter()
        .any(|s| s.price.to_string() == "40.3400" && s.net_cash_bn.to_string() == "-0.0"));
}
