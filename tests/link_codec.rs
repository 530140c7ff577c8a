//! Share links, case by case: the base64url and CRC underneath, the byte
//! layout of format v1, each way a link can be bad and its message, the
//! presets, and how long the links are.
// Tests may unwrap, expect, panic and index: a failure is the test failing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable
)]

mod common;

use common::dec;
use rust_decimal::Decimal;
use sotp::link::Malformed;
use sotp::link::{
    base64url_decode, base64url_encode, crc32, decode, encode, is_link, LinkError, MAX_LINK_CHARS,
};
use sotp::model::json::to_json;
use sotp::model::{validate, Company, Driver, Method, Preset, Scenario, Segment};
use sotp::text::{Lang::En, Say};

// ---------------------------------------------------------------- helpers

/// CRC-32 (IEEE, zlib's) by the table method: a second implementation, so
/// the test does not trust the module's.
fn crc32_table(bytes: &[u8]) -> u32 {
    let table: Vec<u32> = (0..256u32)
        .map(|n| (0..8).fold(n, |c, _| if c & 1 == 1 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 }))
        .collect();
    !bytes.iter().fold(!0u32, |c, &b| table[((c ^ u32::from(b)) & 0xff) as usize] ^ (c >> 8))
}

fn leb128(mut n: usize) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let low = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(low);
            return out;
        }
        out.push(low | 0x80);
    }
}

/// A v1 fragment around any body, with a correct length and CRC.
fn wrap(body: &[u8]) -> String {
    let mut payload = leb128(body.len());
    payload.extend_from_slice(body);
    payload.extend_from_slice(&crc32_table(&payload).to_le_bytes());
    format!("s1.{}", base64url_encode(&payload))
}

/// The body of a v1 fragment: its payload without length and CRC.
fn body(fragment: &str) -> Vec<u8> {
    let payload = base64url_decode(fragment.strip_prefix("s1.").expect("a v1 link")).expect("base64url");
    let header = if payload[0] & 0x80 == 0 { 1 } else { 2 };
    payload[header..payload.len() - 4].to_vec()
}

fn edited_base() -> Scenario {
    let mut s = Preset::Base.scenario();
    s.name = "My Xiaomi view".into();
    for seg in &mut s.segments {
        if seg.method == Method::Pe {
            seg.multiple = dec("24.5");
        }
        match &mut seg.driver {
            Driver::Units { units, .. } => *units = dec("800000"),
            Driver::UnitsGrowth { growth_pct, .. } => *growth_pct = dec("-3.5"),
            _ => {}
        }
    }
    s
}

fn one_segment() -> Scenario {
    Scenario {
        name: "One segment".into(),
        company: Company { name: "Single Co".into(), ticker: "SGL".into() },
        reporting_currency: "USD".into(),
        listing_currency: "USD".into(),
        fx_listing_per_reporting: dec("1"),
        price: dec("12.5"),
        price_date: Some("2024-06-30".into()),
        shares_bn: dec("0.8"),
        base_year: 2024,
        valuation_year: 2027,
        segments: vec![Segment {
            id: "core".into(),
            name: "Core business".into(),
            driver: Driver::RevenueGrowth { base_revenue_bn: dec("50"), growth_pct: dec("7.5") },
            margin_pct: dec("18"),
            method: Method::EvEbit,
            multiple: dec("11"),
            unit_label: None,
        }],
        net_cash_bn: dec("-3.2"),
        investments_bn: Decimal::ZERO,
        investments_discount_pct: Decimal::ZERO,
        other_bn: Decimal::ZERO,
        holding_discount_pct: Decimal::ZERO,
        buyback_listing_bn: Decimal::ZERO,
    }
}

fn base_link() -> String {
    encode(&Preset::Base.scenario())
}

// ---------------------------------------------------------------- base64url and CRC

#[test]
fn base64url_matches_rfc_4648_test_vectors() {
    // RFC 4648 section 10, in the url-safe alphabet without padding.
    let vectors = [
        ("", ""),
        ("f", "Zg"),
        ("fo", "Zm8"),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg"),
        ("fooba", "Zm9vYmE"),
        ("foobar", "Zm9vYmFy"),
    ];
    for (plain, encoded) in vectors {
        assert_eq!(base64url_encode(plain.as_bytes()), encoded, "{plain:?}");
        assert_eq!(base64url_decode(encoded), Ok(plain.as_bytes().to_vec()), "{encoded:?}");
    }
    // The two characters where base64url differs from base64 ('+' and '/').
    assert_eq!(base64url_encode(&[0xfb, 0xff, 0xbf]), "-_-_");
    assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
    assert_eq!(base64url_decode("-_-_"), Ok(vec![0xfb, 0xff, 0xbf]));
    let all: Vec<u8> = (0..=255).collect();
    assert_eq!(base64url_decode(&base64url_encode(&all)), Ok(all));
}

#[test]
fn base64url_decoding_is_strict() {
    assert_eq!(base64url_decode("Zg=="), Err(LinkError::NotBase64 { position: 2 }), "no padding");
    assert_eq!(base64url_decode("Zm+v"), Err(LinkError::NotBase64 { position: 2 }), "standard alphabet");
    assert_eq!(base64url_decode("Zm/v"), Err(LinkError::NotBase64 { position: 2 }));
    assert_eq!(base64url_decode("Zm9 v"), Err(LinkError::NotBase64 { position: 3 }));
    assert_eq!(base64url_decode("Z"), Err(LinkError::Truncated), "a dangling character");
    assert_eq!(base64url_decode("Zm9vY"), Err(LinkError::Truncated));
    // "Zg" is 0x66; "Zh" sets unused bits, and so does "Zm9" vs "Zm8".
    assert_eq!(base64url_decode("Zh"), Err(LinkError::Corrupt));
    assert_eq!(base64url_decode("Zm9"), Err(LinkError::Corrupt));
}

#[test]
fn crc32_is_zlibs() {
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    assert_eq!(crc32(b"The quick brown fox jumps over the lazy dog"), 0x414F_A339);
    let bytes: Vec<u8> = (0..1000u32).map(|i| (i * 7 % 251) as u8).collect();
    assert_eq!(crc32(&bytes), crc32_table(&bytes));
}

// ---------------------------------------------------------------- the format

#[test]
fn the_body_is_laid_out_as_documented() {
    let mut expected: Vec<u8> = Vec::new();
    let text = |out: &mut Vec<u8>, s: &str| {
        out.push(s.len() as u8);
        out.extend_from_slice(s.as_bytes());
    };
    text(&mut expected, "One segment");
    text(&mut expected, "Single Co");
    text(&mut expected, "SGL");
    text(&mut expected, "USD");
    text(&mut expected, "USD");
    expected.extend([0x00, 0x01]); // fx 1: scale 0, mantissa 1
    expected.extend([0x01, 0x7d]); // price 12.5: scale 1, mantissa 125
    expected.push(1); // price_date present
    text(&mut expected, "2024-06-30");
    expected.extend([0x01, 0x08]); // shares 0.8
    expected.extend([0xd0, 0x1f]); // 2024: zigzag 4048
    expected.extend([0xd6, 0x1f]); // 2027: zigzag 4054
    expected.push(1); // one segment
    text(&mut expected, "core");
    text(&mut expected, "Core business");
    expected.push(3); // revenue_growth
    expected.extend([0x00, 0x32]); // base_revenue_bn 50
    expected.extend([0x01, 0x4b]); // growth_pct 7.5
    expected.extend([0x00, 0x12]); // margin 18
    expected.push(1); // ev_ebit
    expected.extend([0x00, 0x0b]); // multiple 11
    expected.extend([0x81, 0x20]); // net cash -3.2: negative, scale 1, mantissa 32
    expected.extend([0x00, 0x00].repeat(5)); // five zeros
    let fragment = encode(&one_segment());
    assert_eq!(body(&fragment), expected);
    assert_eq!(fragment, wrap(&expected));
    assert_eq!(decode(&fragment), Ok(one_segment()));
}

#[test]
fn presets_round_trip_exactly() {
    for preset in Preset::ALL {
        let s = preset.scenario();
        let link = encode(&s);
        assert!(link.starts_with("s1.") && is_link(&link), "{link}");
        assert_eq!(decode(&link).as_ref(), Ok(&s), "{preset:?}");
        assert_eq!(decode(&format!("#{link}")).as_ref(), Ok(&s), "with '#'");
        assert_eq!(to_json(&decode(&link).unwrap()), to_json(&s));
    }
}

#[test]
fn decimals_keep_their_scale_and_sign_as_the_json_file_writes_them() {
    let mut s = Preset::Base.scenario();
    s.price = dec("40.3400");
    s.segments[0].multiple = dec("22.0");
    let mut negative_zero = dec("0.00");
    negative_zero.set_sign_negative(true);
    s.other_bn = negative_zero;
    s.net_cash_bn = Decimal::MAX;
    s.investments_bn = dec("0.0000000000000000000000000001");
    let back = decode(&encode(&s)).unwrap();
    assert_eq!(back.price.to_string(), "40.3400");
    assert_eq!(back.segments[0].multiple.to_string(), "22.0");
    assert_eq!(back.other_bn.to_string(), "-0.00");
    assert_eq!(to_json(&back), to_json(&s));
    assert!(to_json(&back).contains("\"40.3400\""));
    // Different text, different link; same value, same valuation.
    assert_ne!(encode(&s), encode(&Scenario { price: dec("40.34"), ..s.clone() }));
}

#[test]
fn names_in_any_script_and_up_to_twelve_segments_round_trip() {
    let mut s = Preset::Base.scenario();
    s.name = "  小米 基准 🚗 Ünïcödé \u{200d}\u{0} ".into();
    s.company.name = "小米集团".into();
    s.company.ticker = String::new();
    s.price_date = None;
    let template = s.segments[1].clone();
    s.segments = (0..12)
        .map(|i| Segment { id: format!("seg-{i}"), name: format!("分部 {i} — ½"), ..template.clone() })
        .collect();
    assert_eq!(validate(&s), vec![]);
    assert_eq!(decode(&encode(&s)), Ok(s));
}

// ---------------------------------------------------------------- lengths

#[test]
fn links_are_short() {
    let cases = [
        ("Bear", Preset::Bear.scenario()),
        ("Base", Preset::Base.scenario()),
        ("Bull", Preset::Bull.scenario()),
        ("Base edited (EV 800000, growth -3.5, P/E 24.5, name)", edited_base()),
    ];
    for (what, s) in cases {
        let link = encode(&s);
        println!("{what}: {} characters", link.len());
        // The full URL adds the page's origin and path (about 40 characters).
        assert!(link.len() < 560, "{what}: {} characters", link.len());
    }
    assert_eq!(base_link().len(), 305, "the module doc quotes this length");
}

/// A company a user builds by hand (issue 12): `n` segments, each named
/// like a conglomerate's ("Cloud Intelligence 3"), units with growth and a
/// unit name on every third, revenue with growth on the others, typical
/// figures with a decimal or two.
fn built_by_hand(n: usize) -> Scenario {
    let mut s = sotp::model::structure::blank_company("Alibaba SOTP, my view", "Segment 1", 2025);
    s.company = sotp::model::Company { name: "Alibaba Group Holding".into(), ticker: "9988.HK".into() };
    (s.reporting_currency, s.listing_currency) = ("CNY".into(), "HKD".into());
    (s.fx_listing_per_reporting, s.price, s.shares_bn) = (dec("1.0842"), dec("152.3"), dec("19.07"));
    s.price_date = Some("2026-11-30".into());
    s.segments = (0..n)
        .map(|i| {
            let units = i % 3 == 0;
            Segment {
                id: format!("cloud-intelligence-{i}"),
                name: format!("Cloud Intelligence {i}"),
                driver: if units {
                    Driver::UnitsGrowth {
                        base_units: dec("88000000"),
                        growth_pct: dec("12.5"),
                        asp: dec("1450"),
                    }
                } else {
                    Driver::RevenueGrowth { base_revenue_bn: dec("118.4"), growth_pct: dec("7.5") }
                },
                margin_pct: dec("14.2"),
                method: [Method::Pe, Method::EvEbit, Method::EvSales][i % 3],
                multiple: dec("11.5"),
                unit_label: units.then(|| "subscribers".into()),
            }
        })
        .collect();
    s.net_cash_bn = dec("310.5");
    s
}

#[test]
fn links_of_a_company_built_by_hand_stay_short_up_to_twelve_segments() {
    let lengths: Vec<usize> = [1, 6, 12].map(|n| encode(&built_by_hand(n)).len()).to_vec();
    for (n, s) in [1, 6, 12].map(|n| (n, built_by_hand(n))) {
        assert_eq!(validate(&s), vec![], "{n}");
        assert_eq!(decode(&encode(&s)), Ok(s), "{n}");
    }
    println!("built by hand, 1 / 6 / 12 segments: {lengths:?} characters");
    // The README quotes these.
    assert_eq!(lengths, [241, 625, 1110]);
    // The longest a 12-segment link can be: every name and unit name at
    // its limit in 4-byte characters, every decimal at full precision.
    let mut worst = built_by_hand(12);
    worst.name = "🚗".repeat(80);
    let full = dec("-0.0000000000000000000000000001");
    for (i, seg) in worst.segments.iter_mut().enumerate() {
        seg.id = format!("{i:0>32}");
        seg.name = "🚗".repeat(60);
        seg.unit_label = Some("🚗".repeat(30));
        seg.driver = Driver::UnitsGrowth { base_units: full.abs(), growth_pct: full, asp: full.abs() };
        (seg.margin_pct, seg.multiple) = (full, full.abs());
    }
    let longest = encode(&worst).len();
    println!("12 segments, every text and decimal at its limit: {longest} characters");
    assert!(longest < sotp::link::MAX_LINK_CHARS, "{longest}");
}

// ---------------------------------------------------------------- bad links

#[test]
fn a_link_cut_anywhere_is_truncated() {
    for preset in Preset::ALL {
        let link = encode(&preset.scenario());
        for cut in 3..link.len() {
            assert_eq!(decode(&link[..cut]), Err(LinkError::Truncated), "{preset:?} cut at {cut}");
        }
    }
    assert_eq!(decode("s1."), Err(LinkError::Truncated));
    assert_eq!(decode("#s1.A"), Err(LinkError::Truncated));
}

#[test]
fn any_changed_character_is_caught() {
    let link = base_link();
    let alphabet: Vec<char> = ('A'..='Z').chain('a'..='z').chain('0'..='9').chain(['-', '_']).collect();
    let chars: Vec<char> = link.chars().collect();
    for at in 3..chars.len() {
        for &c in alphabet.iter().filter(|&&c| c != chars[at]) {
            let mut changed = chars.clone();
            changed[at] = c;
            let changed: String = changed.into_iter().collect();
            let result = decode(&changed);
            // The first three characters hold the length prefix: a changed
            // length may look like a cut-off link. Past them, only Corrupt.
            if at >= 6 {
                assert_eq!(result, Err(LinkError::Corrupt), "{c:?} at {at}");
            } else {
                assert!(matches!(result, Err(LinkError::Corrupt | LinkError::Truncated)), "{c:?} at {at}");
            }
        }
    }
    // Swapping two different neighbours, or characters added at the end.
    let mut swapped: Vec<char> = chars.clone();
    let at = (10..chars.len()).find(|&i| chars[i] != chars[i + 1]).unwrap();
    swapped.swap(at, at + 1);
    assert_eq!(decode(&swapped.into_iter().collect::<String>()), Err(LinkError::Corrupt));
    for extra in ["A", "AA", "AAA", "AAAA", "Zm9v"] {
        assert_eq!(decode(&format!("{link}{extra}")), Err(LinkError::Corrupt), "+{extra}");
    }
}

#[test]
fn a_link_from_a_newer_version_says_so() {
    let data = base_link()[3..].to_string();
    for tag in ["s3", "s7", "s9", "s10", "s123456789"] {
        let e = decode(&format!("{tag}.{data}"));
        assert_eq!(e, Err(LinkError::UnknownVersion { tag: tag.into() }), "{tag}");
    }
    // Version 2 (a scenario and its Monte Carlo set-up) begins with version
    // 1's payload: cut off after it, the scenario still opens.
    assert_eq!(decode(&format!("s2.{data}")), decode(&base_link()));
    assert_eq!(
        LinkError::UnknownVersion { tag: "s7".into() }.say(En),
        "This link was made by a newer version of SOTP (format s7); reload the page to update."
    );
    // Not versions SOTP ever wrote, nor newer ones.
    for tag in ["s0", "s01", "s1234567890"] {
        assert!(matches!(decode(&format!("{tag}.{data}")), Err(LinkError::Malformed(_))), "{tag}");
    }
}

#[test]
fn characters_outside_base64url_are_pointed_at() {
    let link = base_link();
    for bad in ["+", "/", "=", "%", " ", "\n", ".", "#", "é", "小"] {
        for at in [3, 4, 100, link.len() - 1, link.len()] {
            let broken = format!("{}{bad}{}", &link[..at], &link[at..]);
            assert_eq!(decode(&broken), Err(LinkError::NotBase64 { position: at }), "{bad:?} at {at}");
            // Positions count from the fragment without '#'.
            let hashed = format!("#{broken}");
            assert_eq!(decode(&hashed), Err(LinkError::NotBase64 { position: at }), "{bad:?} at {at}");
        }
    }
    // Padding, as a standard encoder would add it.
    assert_eq!(decode(&format!("{link}==")), Err(LinkError::NotBase64 { position: link.len() }));
    // After a non-ASCII character the position still counts characters.
    let message = LinkError::NotBase64 { position: 3 }.say(En);
    assert!(message.contains("character 4"), "{message}");
}

#[test]
fn links_over_16_kb_are_refused_before_anything_else() {
    let huge = format!("s1.{}", "A".repeat(17 * 1024 - 3));
    assert_eq!(decode(&huge), Err(LinkError::TooLong { chars: 17 * 1024 }));
    assert_eq!(decode(&format!("#{huge}")), Err(LinkError::TooLong { chars: 17 * 1024 }));
    // Refused before the tag or the characters are looked at.
    assert_eq!(
        decode(&"%".repeat(MAX_LINK_CHARS + 1)),
        Err(LinkError::TooLong { chars: MAX_LINK_CHARS + 1 })
    );
    assert_eq!(decode(&"小".repeat(17 * 1024)), Err(LinkError::TooLong { chars: 17 * 1024 }));
    // Exactly the limit is read (its zero length does not match its 12 KB
    // of data); so is a text of fewer characters than its bytes.
    let at_limit = format!("s1.{}", "A".repeat(MAX_LINK_CHARS - 3));
    assert_eq!(decode(&at_limit), Err(LinkError::Corrupt));
    assert!(matches!(decode(&"小".repeat(10_000)), Err(LinkError::Malformed(_))));
    let message = LinkError::TooLong { chars: 17 * 1024 }.say(En);
    assert!(message.contains("17408") && message.contains("16384"), "{message}");
}

#[test]
fn a_scenario_too_big_for_a_link_encodes_but_is_refused_as_too_long() {
    let mut s = Preset::Base.scenario();
    s.company.name = "X".repeat(20_000);
    assert_eq!(validate(&s), vec![], "the spec sets no limit on a company's name");
    let link = encode(&s);
    assert!(link.len() > MAX_LINK_CHARS);
    assert_eq!(decode(&link), Err(LinkError::TooLong { chars: link.len() }));
}

#[test]
fn a_scenario_that_breaks_a_rule_is_invalid_with_every_issue() {
    let mut s = Preset::Base.scenario();
    s.segments[3].margin_pct = dec("150");
    let issues = validate(&s);
    assert_eq!(issues.len(), 1);
    let e = decode(&encode(&s)).unwrap_err();
    assert_eq!(e, LinkError::Invalid(issues.clone()));
    assert_eq!(e.say(En), format!("This link's scenario breaks the rules: {}", issues[0].say(En)));
    assert!(e.say(En).contains("must be between -100 and 100"), "{e:?}");

    s.name = "  ".into();
    s.price = dec("-1");
    s.segments.push(s.segments[0].clone());
    let issues = validate(&s);
    assert_eq!(issues.len(), 4, "{issues:?}");
    let e = decode(&encode(&s)).unwrap_err();
    assert_eq!(e, LinkError::Invalid(issues.clone()));
    let joined: Vec<String> = issues.iter().map(|i| i.say(En)).collect();
    assert_eq!(e.say(En), format!("This link's scenario breaks the rules: {}", joined.join("; ")));

    // Thirteen segments: the format holds them, the spec does not.
    let mut s = Preset::Base.scenario();
    let template = s.segments[1].clone();
    s.segments = (0..13).map(|i| Segment { id: format!("s{i}"), ..template.clone() }).collect();
    assert!(matches!(decode(&encode(&s)), Err(LinkError::Invalid(i)) if i.len() == 1));
}

#[test]
fn data_that_passes_its_checksum_but_not_the_layout_is_malformed() {
    let good = body(&base_link());
    assert_eq!(decode(&wrap(&good)), Ok(Preset::Base.scenario()), "the helper wraps as encode does");
    // What the page says, and the typed reason under it.
    let malformed = |b: &[u8]| match decode(&wrap(b)) {
        Err(e @ LinkError::Malformed(_)) => e.say(En),
        other => panic!("{other:?}"),
    };
    let why = |b: &[u8]| match decode(&wrap(b)) {
        Err(LinkError::Malformed(m)) => m,
        other => panic!("{other:?}"),
    };
    // A byte after the scenario.
    let mut longer = good.clone();
    longer.push(0);
    assert_eq!(malformed(&longer), "This is not a share link SOTP can read: a byte follows the scenario.");
    assert_eq!(why(&longer), Malformed::Trailing { bytes: 1 });
    // Unit names (docs/extensions.md): one encoding, places in order and in the list.
    let labels = |trailer: &[u8]| [good.as_slice(), trailer].concat();
    let mut named = Preset::Base.scenario();
    named.segments[3].unit_label = Some("cars".into());
    assert_eq!(decode(&wrap(&labels(&[1, 3, 4, b'c', b'a', b'r', b's']))), Ok(named));
    assert_eq!(why(&labels(&[1, 4, 1, b'x'])), Malformed::TooLarge { at: "segments[4].unit_label".into() });
    assert_eq!(why(&labels(&[5])), Malformed::TooLarge { at: "unit_labels".into() });
    assert_eq!(
        why(&labels(&[2, 3, 1, b'x', 1, 1, b'y'])),
        Malformed::TooLarge { at: "segments[1].unit_label".into() }
    );
    assert_eq!(why(&labels(&[1, 0, 1, b'x', 9])), Malformed::Trailing { bytes: 1 });
    // Ends early.
    assert!(malformed(&good[..good.len() - 1]).contains("ends at buyback_listing_bn"));
    assert!(malformed(&[]).contains("ends at name"));
    // Name not UTF-8.
    let mut bad_utf8 = good.clone();
    bad_utf8[1] = 0xff;
    assert!(malformed(&bad_utf8).contains("name is not valid UTF-8"));
    // A text longer than the data.
    let mut long_text = vec![0xff, 0x7f];
    long_text.extend_from_slice(&good[1..]);
    assert!(malformed(&long_text).contains("name is longer than the link"));
    // Text lengths, counts and mantissas in their shortest form only.
    let mut padded = vec![0x8b, 0x00];
    padded.extend_from_slice(&good[1..]);
    assert!(malformed(&padded).contains("not written in its shortest form"));
    // A decimal with a scale of 29, reserved flags, a 97-bit mantissa.
    let fx_at = 1 + 11 + 1 + 18 + 1 + 7 + 1 + 3 + 1 + 3;
    assert_eq!(good[fx_at..fx_at + 3], [0x03, 0xc7, 0x08], "fx 1.095");
    for (head, what) in
        [(0x1d, "more than 28 decimal places"), (0x43, "unknown flags"), (0x23, "unknown flags")]
    {
        let mut b = good.clone();
        b[fx_at] = head;
        assert!(malformed(&b).contains(what), "{head:#x}");
    }
    let mut wide = good[..fx_at].to_vec();
    wide.push(0x00);
    wide.extend([0x80; 13]);
    wide.push(0x40); // bit 97 set
    wide.extend_from_slice(&good[fx_at + 3..]);
    assert!(malformed(&wide).contains("fx_listing_per_reporting is too large"));
    // The largest mantissa, 2^96 - 1, is read.
    let mut widest = good[..fx_at].to_vec();
    widest.push(0x00);
    widest.extend([0xff; 13]);
    widest.push(0x1f);
    widest.extend_from_slice(&good[fx_at + 3..]);
    let read = match decode(&wrap(&widest)) {
        Ok(s) => s,
        Err(LinkError::Invalid(_)) => panic!("fx may be any positive number"),
        Err(e) => panic!("{e:?}"),
    };
    assert_eq!(read.fx_listing_per_reporting, Decimal::MAX);
    // Unknown flags, kinds and methods.
    let date_at = fx_at + 3 + 3;
    let mut b = good.clone();
    b[date_at] = 2;
    assert!(malformed(&b).contains("price_date 2 is unknown"));
    assert_eq!(why(&b), Malformed::UnknownCode { at: "price_date".into(), code: 2 });
    let kind_at = date_at + 1 + 11 + 3 + 2 + 2 + 1 + 12 + 12;
    assert_eq!(good[kind_at], 1, "smartphones: units_growth");
    let mut b = good.clone();
    b[kind_at] = 4;
    assert!(malformed(&b).contains("segments[0].driver.kind 4 is unknown"));
    // A year wider than 32 bits; a count of segments the data cannot hold.
    let year_at = date_at + 1 + 11 + 3;
    let mut b = good[..year_at].to_vec();
    b.extend([0xff, 0xff, 0xff, 0xff, 0x7f]);
    b.extend_from_slice(&good[year_at + 2..]);
    assert!(malformed(&b).contains("base_year is too large"));
    let count_at = year_at + 4;
    assert_eq!(good[count_at], 4);
    let mut b = good.clone();
    b[count_at] = 0x7f;
    assert_eq!(why(&b), Malformed::EndsAt { at: "segments[5].id".into() });
    assert!(malformed(&b).contains("ends at segments[5].id"));
}

#[test]
fn fragments_that_are_not_links_at_all() {
    for f in ["", "#", "hello", "#/settings", "s.abc", "s1abc", "S1.abc", "sx.abc", "1.abc", " s1.abc"] {
        assert!(!is_link(f), "{f:?}");
        assert!(matches!(decode(f), Err(LinkError::Malformed(_))), "{f:?}");
    }
    for f in ["s1.", "#s1.abc", "s7.", "s12.x", "s0.", "s1.!!"] {
        assert!(is_link(f), "{f:?}");
    }
    let e = decode("hello").unwrap_err().say(En);
    assert!(e.starts_with("This is not a share link SOTP can read"), "{e}");
}

#[test]
fn every_error_has_one_clear_sentence() {
    let errors = [
        LinkError::TooLong { chars: 20_000 },
        LinkError::UnknownVersion { tag: "s7".into() },
        LinkError::NotBase64 { position: 41 },
        LinkError::Truncated,
        LinkError::Corrupt,
        LinkError::Malformed(Malformed::UnknownCode { at: "segments[0].driver.kind".into(), code: 4 }),
        LinkError::Invalid(validate(&Scenario { name: String::new(), ..Preset::Base.scenario() })),
    ];
    let messages: Vec<String> = errors.iter().map(|e| e.say(En)).collect();
    for m in &messages {
        println!("{m}");
        assert!(m.starts_with("This "), "{m}");
        assert!(!m.contains('\n'), "{m}");
    }
    assert_eq!(messages[3], "This link is incomplete: it was probably cut off when it was copied.");
    assert!(messages[2].contains("character 42"));
    assert_eq!(
        messages[6],
        "This link's scenario breaks the rules: Scenario name: must be 1 to 80 characters (found 0)"
    );
    let distinct: std::collections::HashSet<&String> = messages.iter().collect();
    assert_eq!(distinct.len(), messages.len());
}
