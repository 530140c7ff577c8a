//! Property tests of share links: no input makes `decode` panic, whatever
//! it accepts passes the spec's rules and re-encodes to itself, and every
//! valid scenario survives a link exactly (to the scale of each decimal).
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
use proptest::test_runner::TestCaseError;
use rust_decimal::Decimal;
use sotp::link::{
    base64url_decode, base64url_encode, crc32, decode, encode, is_link, LinkError, MAX_LINK_CHARS,
};
use sotp::model::json::{from_json, to_json};
use sotp::model::validate::shares_after_buyback;
use sotp::model::{validate, Company, Driver, Field, Method, Preset, Rule, Scenario, Segment};
use sotp::text::{Lang::En, Say};

// ---------------------------------------------------------------- generators

/// Any decimal a `Decimal` can hold: mantissas of every size up to 96 bits,
/// every scale, either sign (so negative zero too).
fn any_decimal() -> impl Strategy<Value = Decimal> {
    let mantissa = prop_oneof![
        1 => Just(0u128),
        3 => 0u128..1000,
        2 => 0u128..(1 << 40),
        2 => 0u128..(1 << 96),
        1 => Just((1u128 << 96) - 1),
    ];
    let scale = prop_oneof![2 => 0u32..=4, 1 => 0u32..=28];
    (mantissa, scale, any::<bool>()).prop_map(|(m, scale, negative)| {
        let mut d = Decimal::from_i128_with_scale(m as i128, scale);
        d.set_sign_negative(negative);
        d
    })
}

/// `|d|` reduced below `limit` (or to at most it), keeping the scale.
fn below(d: Decimal, limit: i128, inclusive: bool) -> Decimal {
    let unit = 10i128.pow(d.scale());
    let bound = limit * unit + i128::from(inclusive);
    let mut out = Decimal::from_i128_with_scale(d.mantissa().abs() % bound, d.scale());
    out.set_sign_negative(d.is_sign_negative());
    out
}

/// The decimal moved into the rule's range, keeping its scale.
fn obey(rule: Rule, d: Decimal) -> Decimal {
    let mut abs = d;
    abs.set_sign_negative(false);
    match rule {
        Rule::Any | Rule::Year => d,
        // -0 is 0 or more, so a negative zero stays.
        Rule::NonNegative if d >= Decimal::ZERO => d,
        Rule::NonNegative => abs,
        Rule::Positive if abs.is_zero() => Decimal::from_i128_with_scale(1, d.scale()),
        Rule::Positive => abs,
        Rule::DiscountPct => below(abs, 100, false),
        Rule::MarginPct => below(d, 100, true),
        Rule::GrowthPct if d < Decimal::ZERO => below(d, 100, false),
        Rule::GrowthPct => d,
    }
}

/// Any characters at all (controls, combining marks, emoji, CJK...).
fn any_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..=max).prop_map(String::from_iter)
}

/// A text of 1 to `max` characters after trimming, with whitespace around.
fn trimmed_text(max: usize) -> impl Strategy<Value = String> {
    let space = "[ \t\n\u{3000}\u{a0}]{0,3}";
    (space, prop::collection::vec(any::<char>(), 1..=max), space)
        .prop_map(|(before, core, after)| format!("{before}{}{after}", String::from_iter(core)))
        .prop_filter("has a visible character", |s| !s.trim().is_empty())
}

fn driver() -> impl Strategy<Value = Driver> {
    common::gen::driver(any_decimal())
}

fn segments() -> impl Strategy<Value = Vec<Segment>> {
    let ids = prop::collection::btree_set("[a-z0-9_-]{1,32}", 1..=12)
        .prop_map(|ids| ids.into_iter().collect::<Vec<_>>())
        .prop_shuffle();
    ids.prop_flat_map(|ids| {
        let n = ids.len();
        let rest = (
            trimmed_text(60),
            driver(),
            any_decimal(),
            prop::sample::select(Method::ALL.to_vec()),
            any_decimal(),
            // The optional unit name (docs/extensions.md): links carry it too.
            prop::option::of(trimmed_text(30)),
        );
        (Just(ids), prop::collection::vec(rest, n))
    })
    .prop_map(|(ids, rest)| {
        ids.into_iter()
            .zip(rest)
            .map(|(id, (name, driver, margin_pct, method, multiple, unit_label))| Segment {
                id,
                name,
                driver,
                margin_pct,
                method,
                multiple,
                unit_label,
            })
            .collect()
    })
}

/// Any scenario that passes every rule of the spec: any text where the
/// spec allows it, any decimal within its rule at any scale, any years.
fn valid_scenario() -> impl Strategy<Value = Scenario> {
    let texts = (
        trimmed_text(80),
        any_text(40),
        any_text(12),
        "[A-Z]{3}",
        "[A-Z]{3}",
        prop::option::of("[0-9]{4}-[0-9]{2}-[0-9]{2}"),
    );
    let years =
        (any::<i32>(), 0i32..=10, prop::sample::select(vec![2025, -1, 0, i32::MIN, i32::MAX]), any::<bool>());
    let numbers = prop::collection::vec(any_decimal(), 9);
    (texts, years, numbers, segments()).prop_map(
        |(
            (name, company, ticker, rep, lst, price_date),
            (any_year, span, fixed_year, fixed),
            n,
            segments,
        )| {
            let base_year = if fixed { fixed_year } else { any_year };
            let mut s = Scenario {
                name,
                company: Company { name: company, ticker },
                reporting_currency: rep,
                listing_currency: lst,
                fx_listing_per_reporting: n[0],
                price: n[1],
                price_date,
                shares_bn: n[2],
                base_year,
                valuation_year: base_year.checked_add(span).unwrap_or(base_year),
                segments,
                net_cash_bn: n[3],
                investments_bn: n[4],
                investments_discount_pct: n[5],
                other_bn: n[6],
                holding_discount_pct: n[7],
                buyback_listing_bn: n[8],
            };
            for field in Field::all(&s) {
                if let Some(value) = field.get(&s) {
                    field.set(&mut s, obey(field.rule(), value));
                }
            }
            if shares_after_buyback(&s).is_err() {
                s.buyback_listing_bn = Decimal::ZERO;
            }
            s
        },
    )
}

// ---------------------------------------------------------------- helpers

/// A v1 fragment around any body, with a correct length and CRC.
fn wrap(body: &[u8]) -> String {
    let mut payload = Vec::new();
    let mut n = body.len();
    loop {
        let low = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            payload.push(low);
            break;
        }
        payload.push(low | 0x80);
    }
    payload.extend_from_slice(body);
    payload.extend_from_slice(&crc32(&payload).to_le_bytes());
    format!("s1.{}", base64url_encode(&payload))
}

fn body(fragment: &str) -> Vec<u8> {
    let payload = base64url_decode(&fragment[3..]).expect("a link");
    let header = if payload[0] & 0x80 == 0 { 1 } else { 2 };
    payload[header..payload.len() - 4].to_vec()
}

/// What `decode` returns is a valid scenario whose link is the input:
/// there is one link per scenario.
fn decoded_well(fragment: &str) -> Result<(), TestCaseError> {
    let result = decode(fragment);
    match &result {
        Ok(s) => {
            prop_assert_eq!(validate(s), vec![]);
            prop_assert_eq!(encode(s), fragment.strip_prefix('#').unwrap_or(fragment));
        }
        Err(e @ LinkError::Malformed(_)) => prop_assert!(!e.say(En).is_empty()),
        Err(LinkError::Invalid(issues)) => prop_assert!(!issues.is_empty()),
        Err(_) => {}
    }
    if !is_link(fragment) {
        prop_assert!(
            matches!(result, Err(LinkError::Malformed(_) | LinkError::TooLong { .. })),
            "{:?}",
            result
        );
    }
    let message = match result {
        Ok(_) => return Ok(()),
        Err(e) => e.say(En),
    };
    prop_assert!(message.starts_with("This "), "{}", message);
    Ok(())
}

/// A few bytes inserted, removed or replaced.
fn mutate(mut bytes: Vec<u8>, edits: &[(prop::sample::Index, u8, u8)]) -> Vec<u8> {
    for (at, how, byte) in edits {
        let i = at.index(bytes.len() + 1);
        match how % 3 {
            0 => bytes.insert(i, *byte),
            1 if i < bytes.len() => {
                bytes.remove(i);
            }
            _ if i < bytes.len() => bytes[i] = *byte,
            _ => bytes.push(*byte),
        }
    }
    bytes
}

fn bodies() -> Vec<Vec<u8>> {
    let mut twelve = Preset::Bull.scenario();
    let template = twelve.segments[0].clone();
    twelve.segments = (0..12).map(|i| Segment { id: format!("s{i}"), ..template.clone() }).collect();
    let mut scaled = Preset::Base.scenario();
    scaled.net_cash_bn = Decimal::MIN;
    scaled.other_bn = Decimal::new(-1, 28);
    scaled.name = "小米 🚗".into();
    scaled.price_date = None;
    Preset::ALL.iter().map(|p| p.scenario()).chain([twelve, scaled]).map(|s| body(&encode(&s))).collect()
}

// ---------------------------------------------------------------- properties

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn decoding_any_text_never_panics(
        text in prop_oneof![
            any::<String>(),
            any_text(64),
            "#?s[0-9]{0,3}\\.?[A-Za-z0-9_+/=%.#-]{0,80}",
        ]
    ) {
        decoded_well(&text)?;
    }

    #[test]
    fn decoding_any_base64url_after_the_tag_never_panics(data in "[A-Za-z0-9_-]{0,600}") {
        decoded_well(&format!("s1.{data}"))?;
    }

    #[test]
    fn decoding_the_base64url_of_any_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        decoded_well(&format!("s1.{}", base64url_encode(&bytes)))?;
    }

    /// Past the checksum: any body with a correct length and CRC exercises
    /// the layout reader itself.
    #[test]
    fn decoding_any_body_with_a_good_checksum_never_panics(
        bytes in prop::collection::vec(any::<u8>(), 0..600)
    ) {
        decoded_well(&wrap(&bytes))?;
    }

    /// Real bodies, a little damaged, with a correct CRC: the reader meets
    /// almost-valid data and must either refuse it or read a scenario whose
    /// link is exactly this one.
    #[test]
    fn decoding_damaged_bodies_with_a_good_checksum_never_panics(
        body in prop::sample::select(bodies()),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), any::<u8>()), 1..6),
    ) {
        decoded_well(&wrap(&mutate(body, &edits)))?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    /// encode then decode is the identity, down to each decimal's scale and
    /// sign (compared through `to_json`, since `PartialEq` compares decimals
    /// by value); the file format carries the same scenario; a cut-off link
    /// is `Truncated` wherever it is cut.
    #[test]
    fn every_valid_scenario_survives_its_link(s in valid_scenario(), cut in any::<prop::sample::Index>()) {
        prop_assert_eq!(validate(&s), vec![], "the generator makes valid scenarios");
        let link = encode(&s);
        prop_assert!(link.len() <= MAX_LINK_CHARS && is_link(&link));
        let back = decode(&link);
        prop_assert_eq!(back.as_ref(), Ok(&s));
        let back = back.unwrap_or_else(|_| unreachable!());
        prop_assert_eq!(to_json(&back), to_json(&s));
        prop_assert_eq!(from_json(&to_json(&s)), Ok(back));
        let at = 3 + cut.index(link.len() - 3);
        prop_assert_eq!(decode(&link[..at]), Err(LinkError::Truncated), "cut at {}", at);
    }
}

#[test]
fn the_generator_reaches_the_corners() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = valid_scenario();
    let (mut twelve, mut scaled, mut negative_zero, mut negative_year, mut non_ascii) = (0, 0, 0, 0, 0);
    for _ in 0..500 {
        let s = strategy.new_tree(&mut runner).unwrap().current();
        twelve += usize::from(s.segments.len() == 12);
        scaled += usize::from(s.price.scale() > 10);
        negative_zero += usize::from(s.net_cash_bn.is_zero() && s.net_cash_bn.is_sign_negative());
        negative_year += usize::from(s.base_year < 0);
        non_ascii += usize::from(!s.name.is_ascii());
    }
    for (what, n) in [
        ("12 segments", twelve),
        ("scale > 10", scaled),
        ("-0", negative_zero),
        ("negative years", negative_year),
        ("non-ASCII", non_ascii),
    ] {
        assert!(n > 0, "no scenario with {what}");
    }
}
