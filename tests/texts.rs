//! The text tables: complete in every language, every text used, every
//! `{name}` given; and the renderers say each typed value as the page does.
// Tests may unwrap, expect, panic and index: a failure is the test failing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable
)]

mod common;

use sotp::model::{Field, Issue, Preset, Problem, Rule, SegmentField, Subject};
use sotp::notice::{Done, Notice, Reason, Refused};
use sotp::store::StorageError;
use sotp::text::{
    self, fill, CompareKey, EditorKey, ExplainKey, IssueKey, Key, Lang, NoticeKey, Say, SourceKey, Text,
};
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// The `{name}`s of a template.
fn names(template: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                out.insert(after[..close].to_string());
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    out
}

/// Every `.rs` file under `src/` and `crates/core/src/` but the tables
/// themselves, as one text.
fn code_outside_tables() -> String {
    fn walk(dir: &Path, out: &mut String) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("text/en.rs") {
                out.push_str(&fs::read_to_string(&path).unwrap());
            }
        }
    }
    let mut out = String::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    walk(&root.join("src"), &mut out);
    walk(&root.join("crates/core/src"), &mut out);
    out
}

/// Every key of every table: its table's name, its name, its text in `lang`.
fn every_key(lang: Lang) -> Vec<(&'static str, String, &'static str)> {
    fn of<K: Text + std::fmt::Debug>(
        table: &'static str,
        all: &[K],
        lang: Lang,
    ) -> Vec<(&'static str, String, &'static str)> {
        all.iter().map(|&k| (table, format!("{k:?}"), lang.t(k))).collect()
    }
    let mut out = of("Key", Key::ALL, lang);
    out.extend(of("NoticeKey", NoticeKey::ALL, lang));
    out.extend(of("CompareKey", CompareKey::ALL, lang));
    out.extend(of("ExplainKey", ExplainKey::ALL, lang));
    out.extend(of("IssueKey", IssueKey::ALL, lang));
    out.extend(of("SourceKey", SourceKey::ALL, lang));
    out.extend(of("EditorKey", EditorKey::ALL, lang));
    out
}

#[test]
fn every_language_has_every_text() {
    for lang in Lang::ALL {
        for (table, key, text) in every_key(lang) {
            assert!(!text.trim().is_empty(), "{lang:?} has no text for {table}::{key}");
        }
    }
}

#[test]
fn the_tables_are_read_exactly() {
    // Texts are cut from one string per table: the first and last of each
    // table, and one beside a non-ASCII text, come out whole.
    assert_eq!(Lang::En.t(Key::ALL[0]), "may be any number");
    assert_eq!(Lang::En.t(*ExplainKey::ALL.last().unwrap()), "Print a one-page summary");
    assert_eq!(Lang::En.t(NoticeKey::DoneSaved), "Saved \u{201C}{name}\u{201D}.");
    assert_eq!(
        Lang::En.t(NoticeKey::DoneSavedOverTheirs),
        "Saved over the other tab's version of \u{201C}{name}\u{201D}."
    );
    let total: usize = every_key(Lang::En).iter().map(|(_, _, t)| t.len()).sum();
    assert!(total > 5_000, "{total}");
}

#[test]
fn every_language_fills_the_same_names_as_english() {
    for lang in Lang::ALL {
        for ((table, key, text), (_, _, english)) in every_key(lang).into_iter().zip(every_key(Lang::En)) {
            assert_eq!(names(text), names(english), "{lang:?} {table}::{key}");
        }
    }
}

#[test]
fn every_text_is_used() {
    let code = code_outside_tables();
    let unused: Vec<String> = every_key(Lang::En)
        .into_iter()
        .map(|(table, key, _)| format!("{table}::{key}"))
        .filter(|path| !code.contains(path.as_str()))
        .collect();
    assert!(unused.is_empty(), "texts nothing shows: {unused:?}");
}

#[test]
fn fill_puts_each_value_in_its_place() {
    assert_eq!(fill("{a} and {b}, {a}", &[("a", "1"), ("b", "two")]), "1 and two, 1");
    // A name without a value stays visible, so a mistake shows.
    assert_eq!(fill("{a} {missing}", &[("a", "x")]), "x {missing}");
    assert_eq!(fill("no names", &[("a", "x")]), "no names");
    assert_eq!(fill("{unclosed", &[("unclosed", "x")]), "{unclosed");
    assert_eq!(fill("a {} b", &[]), "a {} b");
    // Values are not read as templates.
    assert_eq!(fill("{a}", &[("a", "{a}")]), "{a}");
    assert_eq!(fill("\u{201C}{name}\u{201D}", &[("name", "小米")]), "\u{201C}小米\u{201D}");
}

#[test]
fn an_issue_reads_with_the_one_name_of_its_field() {
    let s = Preset::Base.scenario();
    let ev_units = Field::Segment(3, SegmentField::Units);
    let issue = Issue::for_field(ev_units, &s, Problem::Rule(Rule::NonNegative));
    // The page calls it "EV deliveries" beside its input and in messages.
    assert_eq!(text::label_in(Lang::En, ev_units, &s), "EV deliveries");
    assert_eq!(issue.say(Lang::En), "EV deliveries (Smart EV): must be 0 or more");
    let price = Issue::for_field(Field::Price, &s, Problem::Rule(Rule::Positive));
    assert_eq!(price.say(Lang::En), "Price, HK$: must be more than 0");
    // A refused file's issues read the same way (issue 27: one style).
    assert_eq!(text::issue_in_file(Lang::En, &price), "Price, HK$: must be more than 0");
    let name = Issue::new("name", Subject::Name, Problem::Length { max: 80, found: 81 });
    assert_eq!(name.say(Lang::En), "Scenario name: must be 1 to 80 characters (found 81)");
}

#[test]
fn notices_read_as_the_page_shows_them() {
    let say = |n: &Notice| text::notice(Lang::En, n);
    let saved = say(&Notice::Done(Done::Saved { name: "Xiaomi Base".into() }));
    assert_eq!(saved.title, "Saved \u{201C}Xiaomi Base\u{201D}.");
    assert!(saved.lines.is_empty() && saved.url.is_none());

    let many = say(&Notice::Done(Done::ImportedMany { count: 3, file: "all.json".into() }));
    assert_eq!(many.title, "Imported 3 scenarios from all.json into My scenarios.");

    let refused = say(&Notice::refused(
        Refused::Save,
        vec![
            Reason::Storage(StorageError::Full),
            Reason::PartlyImported { done: 2, total: 5, file: "all.json".into() },
        ],
    ));
    assert_eq!(refused.title, "Not saved.");
    assert_eq!(refused.lines.len(), 2);
    assert!(refused.lines[0].starts_with("Local storage is full"), "{:?}", refused.lines);
    assert_eq!(refused.lines[1], "2 of 5 scenarios from all.json were saved before this.");

    let link = say(&Notice::Link { copied: false, stale: true, url: "http://x/#s1.abc".into() });
    assert_eq!(link.title, "Copy this link to the last valid scenario (16 characters):");
    assert_eq!(link.url.as_deref(), Some("http://x/#s1.abc"));

    let too_long = say(&Notice::refused(Refused::LinkTooLong { chars: 20_000, max: 16_384 }, Vec::new()));
    assert_eq!(too_long.title, "This scenario is too large for a link.");
    assert_eq!(
        too_long.lines,
        ["Its link would be 20000 characters; links hold at most 16384. Use Export scenario to share it as a file."]
    );
}

#[test]
fn the_verdict_agrees_with_the_badge() {
    let d = |s: &str| s.parse().unwrap();
    let verdict = |case, value, upside| text::verdict(Lang::En, case, d(value), d("40.34"), d(upside), "HKD");
    assert_eq!(
        verdict(Some(Preset::Base), "55.4927", "37.562"),
        "Base case: HK$55.49 a share, 37.6% above HK$40.34"
    );
    assert_eq!(
        verdict(Some(Preset::Bear), "27.31", "-32.3"),
        "Bear case: HK$27.31 a share, 32.3% below HK$40.34"
    );
    // 0.02% rounds to 0.0%, which the badge shows: "in line with".
    assert_eq!(verdict(None, "40.35", "0.02"), "Custom case: HK$40.35 a share, in line with HK$40.34");
}

#[test]
fn one_year_of_growth_reads_without_an_exponent_and_one_import_is_singular() {
    let s = Preset::Base.scenario();
    let v = sotp::model::evaluate(&s).unwrap();
    let e = text::explain::segment(Lang::En, &s, &v, &v.segments[0]);
    assert!(e.words.contains("base-year units x (1 + growth) x ASP"), "{}", e.words);
    assert!(!e.words.contains('^') && !e.numbers.contains('^'), "{} / {}", e.words, e.numbers);
    let mut later = s.clone();
    later.valuation_year = 2028;
    let v = sotp::model::evaluate(&later).unwrap();
    let e = text::explain::segment(Lang::En, &later, &v, &v.segments[0]);
    assert!(e.words.contains("(1 + growth)^3") && e.numbers.contains(")^3"), "{} / {}", e.words, e.numbers);
    let one = text::notice(Lang::En, &Notice::Done(Done::ImportedMany { count: 1, file: "a.json".into() }));
    assert_eq!(one.title, "Imported 1 scenario from a.json into My scenarios.");
}

#[test]
fn amounts_in_inputs_group_their_whole_part_only() {
    use sotp::display::group_digits;
    assert_eq!(group_digits(Lang::En, "170000000"), "170,000,000");
    assert_eq!(group_digits(Lang::En, "650000"), "650,000");
    assert_eq!(group_digits(Lang::En, "-1234.5678"), "-1,234.5678");
    assert_eq!(group_digits(Lang::En, "999"), "999");
    assert_eq!(group_digits(Lang::En, "1000"), "1,000");
    assert_eq!(group_digits(Lang::En, "0.0001"), "0.0001");
}

#[test]
fn switch_and_far_off_notes_say_what_happened() {
    use common::dec;
    use sotp::model::plausible::{far_off, FarOff};
    use sotp::model::{Field, Method, MultipleChange, Preset, SegmentField};
    use sotp::text::{far_off_note, switch_note, Lang};
    let en = Lang::En;
    assert_eq!(
        switch_note(
            en,
            MultipleChange::Equivalent { multiple: dec("60"), from: dec("3"), from_method: Method::EvSales },
            Method::EvEbit,
            Method::EvSales
        ),
        "Set to 60x EV/EBIT, worth about what 3x EV/Sales was. Change it to the multiple you mean."
    );
    assert_eq!(
        switch_note(en, MultipleChange::NoEquivalent { multiple: dec("3") }, Method::Pe, Method::EvSales),
        "Still 3x, from EV/Sales: at a margin of 0% or below no P/E multiple keeps the value. Set the one you mean."
    );
    // Far off, measured against the Base preset: EV deliveries 650,000.
    let mut s = Preset::Base.scenario();
    let units = Field::Segment(3, SegmentField::Units);
    units.set(&mut s, dec("7000000"));
    let far = far_off(units, &s);
    assert_eq!(far, Some(FarOff::Above { base: dec("650000") }));
    assert_eq!(
        far_off_note(en, far.unwrap()),
        "Far above the Base case's 650,000 (over 10 times). Used as typed; check it."
    );
    // Ten times exactly is not far off.
    units.set(&mut s, dec("6500000"));
    assert_eq!(far_off(units, &s), None);
}

// --- The languages and their files -----------------------------------------

/// A language file's entries as (group, name), in file order.
fn file_entries(lang: Lang) -> Vec<(String, String)> {
    let file = text::bundled(lang).expect("a language other than English has a file");
    let mut group = String::new();
    let mut out = Vec::new();
    for line in file.lines() {
        if let Some(g) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            group = g.to_string();
        } else if let Some((name, _)) = line.split_once(" = ") {
            if !line.starts_with('#') {
                out.push((group.clone(), name.to_string()));
            }
        }
    }
    out
}

const TRANSLATED: [Lang; 3] = [Lang::ZhHant, Lang::ZhHans, Lang::De];

#[test]
fn every_language_file_reads_and_names_every_key_in_english_order() {
    let english: Vec<(String, String)> =
        every_key(Lang::En).into_iter().map(|(table, key, _)| (table.to_string(), key)).collect();
    for lang in TRANSLATED {
        assert!(text::has_texts(lang), "{lang:?}: its file does not read");
        let file = file_entries(lang);
        for (i, (want, got)) in english.iter().zip(&file).enumerate() {
            assert_eq!(want, got, "{lang:?}: entry {i} (run scripts/lang-file.py {})", lang.code());
        }
        assert_eq!(file.len(), english.len(), "{lang:?}: entries");
    }
}

/// Texts a language writes as English does, on purpose: symbols, codes,
/// formulas, names. Any other text equal to English is untranslated.
fn same_as_english_on_purpose(lang: Lang, table: &str, key: &str) -> bool {
    const EVERYWHERE: &[&str] = &[
        "Key::UnitPct",
        "Key::UnitTimes",
        "ExplainKey::ProfitEvEbit",
        "ExplainKey::ExplainGrowthNumbers",
        "ExplainKey::ExplainGrowthNumbersOneYear",
        "ExplainKey::ExplainSalesNumbers",
        "ExplainKey::ExplainProfitNumbers",
        "IssueKey::KindNull",
        "IssueKey::KindBool",
    ];
    const SIMPLIFIED: &[&str] = &["Key::MethodEvEbit"];
    // German writes these as English does: formulas, "Multiple", "Segment",
    // "OK", and the two segment names that are names.
    const GERMAN: &[&str] = &[
        "Key::IssueLine",
        "EditorKey::NewSegmentName",
        "Key::LabelMultiple",
        "Key::MethodEvEbit",
        "Key::SegmentSmartphones",
        "Key::SegmentEv",
        "NoticeKey::ListSeparator",
        "NoticeKey::Ok",
        "NoticeKey::ReasonName",
        "CompareKey::SegmentThing",
        "CompareKey::ExpectedComma",
        "ExplainKey::ExplainUnitsNumbers",
        "ExplainKey::ExplainThen",
        "ExplainKey::ExplainInvestmentsNumbers",
        "IssueKey::SegmentNumber",
        "IssueKey::SubjectSegmentField",
        // Patterns of names and values with German punctuation.
        "ExplainKey::ImpliesNoneFor",
        "ExplainKey::GridAxisNamed",
        "ExplainKey::GridCell",
        "ExplainKey::FootTarget",
    ];
    let path = format!("{table}::{key}");
    let extra: &[&str] = match lang {
        Lang::De => GERMAN,
        Lang::ZhHans => SIMPLIFIED,
        _ => &[],
    };
    EVERYWHERE.contains(&path.as_str()) || extra.contains(&path.as_str())
}

#[test]
fn every_language_is_translated_but_for_symbols_and_formulas() {
    for lang in TRANSLATED {
        let same: Vec<String> = every_key(lang)
            .into_iter()
            .zip(every_key(Lang::En))
            .filter(|((_, _, t), (_, _, en))| t == en)
            .filter(|((table, key, _), _)| !same_as_english_on_purpose(lang, table, key))
            .map(|((table, key, _), _)| format!("{table}::{key}"))
            .collect();
        assert!(same.is_empty(), "{lang:?} still in English: {same:?}");
    }
}

#[test]
fn texts_keep_their_spaces_where_english_joins_on_them() {
    // The file format keeps a text's spaces (all after " = "): a formula
    // piece that starts with one still does.
    for lang in Lang::ALL {
        assert!(lang.t(ExplainKey::ExplainGrowthNumbers).starts_with(' '), "{lang:?}");
    }
    assert_eq!(Lang::De.t(NoticeKey::ListSeparator), "; ");
}

#[test]
fn a_damaged_language_file_is_refused_with_where() {
    use sotp::text::translation::{read, FileError};
    let sizes = [1, 0, 0, 0, 0, 0, 0];
    assert_eq!(
        read("[Key]\nA = a\nB = b\n", sizes).unwrap_err(),
        FileError::Count { group: "Key", expected: 1, found: 2 }
    );
    assert_eq!(read("[Key]\nA = a\n[Oops]\n", sizes).unwrap_err(), FileError::UnexpectedGroup { line: 3 });
}

#[test]
fn the_browsers_languages_pick_the_page_language() {
    for (tags, want) in [
        (vec!["zh-HK"], Lang::ZhHant),
        (vec!["zh-TW"], Lang::ZhHant),
        (vec!["zh-MO"], Lang::ZhHant),
        (vec!["zh-Hant"], Lang::ZhHant),
        (vec!["zh-Hant-HK"], Lang::ZhHant),
        (vec!["zh_TW"], Lang::ZhHant),
        (vec!["zh-CN"], Lang::ZhHans),
        (vec!["zh-SG"], Lang::ZhHans),
        (vec!["zh"], Lang::ZhHans),
        (vec!["zh-Hans-HK"], Lang::ZhHans),
        (vec!["de-DE"], Lang::De),
        (vec!["de-CH", "en"], Lang::De),
        (vec!["DE"], Lang::De),
        (vec!["en-GB", "de"], Lang::En),
        (vec!["fr-FR", "de-AT"], Lang::De),
        (vec!["fr-FR", "ja"], Lang::En),
        (vec![], Lang::En),
        (vec!["", "klingon"], Lang::En),
    ] {
        assert_eq!(Lang::from_browser(&tags), want, "{tags:?}");
    }
}

#[test]
fn a_stored_choice_wins_unless_it_is_damaged() {
    let browser = ["zh-HK"];
    assert_eq!(Lang::choose(Some("de"), &browser), Lang::De);
    assert_eq!(Lang::choose(Some("en"), &browser), Lang::En);
    assert_eq!(Lang::choose(Some("zh-Hans"), &browser), Lang::ZhHans);
    // Damaged or unknown: passed over for the browser's language.
    for damaged in ["klingon", "", "DE", "de\u{0}", "{\"lang\":\"de\"}", "zh-HK"] {
        assert_eq!(Lang::choose(Some(damaged), &browser), Lang::ZhHant, "{damaged:?}");
    }
    assert_eq!(Lang::choose(None, &["xx"]), Lang::En);
    for lang in Lang::ALL {
        assert_eq!(Lang::from_code(lang.code()), Some(lang));
    }
}

#[test]
fn numbers_and_messages_follow_the_language() {
    use sotp::model::{Field, SegmentField as S};
    let s = Preset::Base.scenario();
    let ev_units = Field::Segment(3, S::Units);
    // The same problem names the field in each language.
    let issue = Issue::for_field(ev_units, &s, Problem::Rule(Rule::NonNegative));
    let de = issue.say(Lang::De);
    assert!(de.contains(&text::label_in(Lang::De, ev_units, &s)), "{de}");
    assert_ne!(de, issue.say(Lang::En));
    let v = sotp::model::evaluate(&s).unwrap();
    let de_verdict =
        text::verdict(Lang::De, Some(Preset::Base), v.per_share_listing, s.price, v.upside_pct, "HKD");
    assert!(de_verdict.contains("55,49\u{a0}HK$") && de_verdict.contains("37,6"), "{de_verdict}");
    let zh =
        text::verdict(Lang::ZhHant, Some(Preset::Base), v.per_share_listing, s.price, v.upside_pct, "HKD");
    assert!(zh.contains("55.49港元") && zh.contains("40.34港元"), "{zh}");
}

#[test]
fn xiaomis_segments_read_in_the_readers_language_and_a_users_name_stays() {
    assert_eq!(text::shown_name(Lang::En, "internet", "Internet services"), "Internet services");
    assert_ne!(text::shown_name(Lang::ZhHans, "internet", "Internet services"), "Internet services");
    assert_eq!(text::shown_name(Lang::ZhHans, "internet", "My internet"), "My internet");
    assert_eq!(text::shown_name(Lang::De, "other", "Smart EV"), "Smart EV");
}

#[test]
fn a_blank_companys_labels_name_no_missing_currency() {
    // Issue 27: "Price, :", "FX, per :" and "Per share," where the
    // currencies were still empty.
    let blank = sotp::model::structure::blank_company("Mine", "Segment 1", 2026);
    for lang in Lang::ALL {
        for field in Field::all(&blank) {
            let label = text::label_in(lang, field, &blank);
            assert!(!label.is_empty(), "{lang:?} {field:?}");
            let dangling = [",", "，", " per", " je"].iter().any(|end| label.ends_with(end));
            let empty = ["（）", "()", "  ", "每兑）", "每兌）"].iter().any(|gap| label.contains(gap));
            assert!(!dangling && !empty, "{lang:?} {field:?}: {label:?}");
        }
        assert!(!text::without_blanks(&lang.f(Key::BridgePerShare, &[("listing", "")])).ends_with(','));
    }
    assert_eq!(text::label_in(Lang::En, Field::Price, &blank), "Price");
    assert_eq!(text::label_in(Lang::En, Field::Fx, &blank), "FX rate");
    assert_eq!(text::label_in(Lang::ZhHant, Field::Price, &blank), "股價");
    assert_eq!(text::label_in(Lang::De, Field::NetCashBn, &blank), "Nettoliquidität, Mrd.");
    assert_eq!(text::without_blanks(&Lang::En.f(Key::BridgePerShare, &[("listing", "")])), "Per share");
    // A company with currencies keeps them.
    assert_eq!(text::label_in(Lang::En, Field::Price, &Preset::Base.scenario()), "Price, HK$");
}

#[test]
fn a_files_mistyped_number_is_named_as_the_page_names_its_field() {
    // Issue 27, finding 9: "segments[3].driver.units: must be a number, like
    // 1234.5" beside "Price, HK$, at price: must be more than 0".
    let mut json = sotp::model::json::to_value(&Preset::Base.scenario());
    json["segments"][3]["driver"]["units"] = serde_json::json!("many");
    json["price"] = serde_json::json!("0");
    json["segments"][1]["multiple"] = serde_json::json!(true);
    let issues = sotp::model::json::from_value(&json).unwrap_err();
    let said: Vec<String> = issues.iter().map(|i| text::issue_in_file(Lang::En, i)).collect();
    assert!(said.iter().any(|l| l.starts_with("EV deliveries (Smart EV): ")), "{said:?}");
    assert!(said.iter().any(|l| l.starts_with("Multiple, x (IoT & lifestyle): ")), "{said:?}");
    assert!(said.contains(&"Price, HK$: must be more than 0".to_string()), "{said:?}");
    assert!(said.iter().all(|l| !l.contains("segments[") && !l.contains(", at ")), "{said:?}");
    // The path in the file is kept with the issue.
    assert!(issues.iter().any(|i| i.path == "segments[3].driver.units"));
}
