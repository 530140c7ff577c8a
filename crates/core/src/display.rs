//! Turning exact decimals into text, as the reader's language writes them.
//! The only place numbers are rounded.
//!
//! Spec, "Arithmetic": per-share amounts 2 decimals, percentages 1,
//! billions 1, half away from zero; thousands separators; a minus sign for
//! negatives. English and Chinese write "1,234.5", German "1.234,5";
//! Chinese writes large amounts in 億 / 亿 (RMB 1,319.7bn = 13,197億元:
//! the same precision, one place on).

use crate::lang::{Lang, NumberStyle};
use rust_decimal::{Decimal, RoundingStrategy};

/// `d` rounded half away from zero to `dp` decimals, written with thousands
/// separators and exactly `dp` decimals. Never "-0.00".
pub fn fixed(lang: Lang, d: Decimal, dp: u32) -> String {
    let mut r = d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    if r.is_zero() {
        r.set_sign_positive(true);
    }
    group_digits(lang, &format!("{r:.prec$}", prec = dp as usize))
}

/// `plain` (digits with an optional minus sign and decimals, as `Decimal`
/// writes them) with thousands separators in its whole part and the
/// reader's decimal sign.
pub fn group_digits(lang: Lang, plain: &str) -> String {
    let (point, group) = match lang.number_style() {
        NumberStyle::DecimalPoint => ('.', ','),
        NumberStyle::DecimalComma => (',', '.'),
    };
    let (sign, digits) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain),
    };
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let mut out = String::with_capacity(plain.len() + int.len() / 3);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push(point);
        out.push_str(f);
    }
    out
}

/// `d` as the reader types it: no separators, the reader's decimal sign
/// ("1234.5", in German "1234,5"). What an input holds while it is edited.
pub fn editable(lang: Lang, d: Decimal) -> String {
    let plain = d.normalize().to_string();
    match lang.number_style() {
        NumberStyle::DecimalPoint => plain,
        NumberStyle::DecimalComma => plain.replace('.', ","),
    }
}

/// A count such as units: no decimals unless the value has some (then up to 2).
pub fn count(lang: Lang, d: Decimal) -> String {
    let dp = d.normalize().scale().min(2);
    fixed(lang, d, dp)
}

/// The prefix used for a currency code in English amounts and labels
/// ("HK$", "RMB ").
pub fn currency_prefix(code: &str) -> String {
    match code {
        "HKD" => "HK$".into(),
        "USD" => "US$".into(),
        "CNY" | "RMB" => "RMB ".into(),
        "EUR" => "EUR ".into(),
        "GBP" => "GBP ".into(),
        other => format!("{other} "),
    }
}

/// A currency as the reader names it beside a number or a field: "HK$" in
/// English and German, 港元 / 人民幣 in Traditional, 港元 / 人民币 in
/// Simplified Chinese; other codes as they are.
pub fn currency(lang: Lang, code: &str) -> String {
    let zh = |hant: &str, hans: &str| if lang == Lang::ZhHant { hant.to_string() } else { hans.to_string() };
    match (lang, code) {
        (Lang::ZhHant | Lang::ZhHans, "HKD") => "港元".into(),
        (Lang::ZhHant | Lang::ZhHans, "CNY" | "RMB") => zh("人民幣", "人民币"),
        (Lang::ZhHant | Lang::ZhHans, "USD") => "美元".into(),
        (Lang::ZhHant | Lang::ZhHans, "EUR") => zh("歐元", "欧元"),
        (Lang::De, "EUR") => "€".into(),
        _ => currency_prefix(code).trim().to_string(),
    }
}

/// `number` (already written, perhaps with a minus) with its currency, in
/// the reader's order: "-HK$1.20", "1,20 HK$", "1.20港元".
fn with_currency(lang: Lang, number: &str, code: &str, scale: &str) -> String {
    let (minus, abs) = match number.strip_prefix('-') {
        Some(abs) => ("-", abs),
        None => ("", number),
    };
    match lang {
        Lang::En => format!("{minus}{}{abs}{scale}", currency_prefix(code)),
        // No-break spaces: an amount never wraps between its parts.
        Lang::De => format!("{minus}{abs}{scale}\u{a0}{}", currency(lang, code)),
        Lang::ZhHant | Lang::ZhHans => format!("{minus}{abs}{scale}{}", currency(lang, code)),
    }
}

/// An amount per share: "HK$55.49", "-HK$1.20", "55,49\u{a0}HK$", "55.49港元".
pub fn per_share(lang: Lang, d: Decimal, code: &str) -> String {
    with_currency(lang, &fixed(lang, d, 2), code, "")
}

/// Billions of a currency: "RMB 165.8bn", "165,8\u{a0}Mrd.\u{a0}RMB", "1,658億人民幣"
/// (億 / 亿 are hundreds of millions: one place on, the same precision).
pub fn billions(lang: Lang, d: Decimal, code: &str) -> String {
    match lang {
        Lang::En => with_currency(lang, &fixed(lang, d, 1), code, "bn"),
        Lang::De => with_currency(lang, &fixed(lang, d, 1), code, "\u{a0}Mrd."),
        Lang::ZhHant | Lang::ZhHans => {
            let yi = if lang == Lang::ZhHant { "億" } else { "亿" };
            let hundred_millions = d.checked_mul(Decimal::TEN).unwrap_or(d);
            with_currency(lang, &fixed(lang, hundred_millions, 0), code, yi)
        }
    }
}

/// A count in billions, such as shares: "25.97bn", "25,97 Mrd.", "259.7億".
pub fn shares_bn(lang: Lang, d: Decimal) -> String {
    match lang {
        Lang::En => format!("{}bn", up_to(lang, d, 2, 4)),
        Lang::De => format!("{}\u{a0}Mrd.", up_to(lang, d, 2, 4)),
        Lang::ZhHant | Lang::ZhHans => {
            let yi = if lang == Lang::ZhHant { "億" } else { "亿" };
            format!("{}{yi}", up_to(lang, d.checked_mul(Decimal::TEN).unwrap_or(d), 1, 3))
        }
    }
}

/// A price per unit (an ASP), as a count with its currency: "RMB 32,000".
pub fn per_unit(lang: Lang, d: Decimal, code: &str) -> String {
    with_currency(lang, &count(lang, d), code, "")
}

/// A percentage: "37.6%", in German "37,6 %".
pub fn pct(lang: Lang, d: Decimal) -> String {
    percent_sign(lang, fixed(lang, d, 1))
}

fn percent_sign(lang: Lang, number: String) -> String {
    match lang {
        Lang::De => format!("{number}\u{a0}%"),
        _ => format!("{number}%"),
    }
}

/// A change in percent with its sign always shown: "+37.6%", "-12.0%", "0.0%".
pub fn signed_pct(lang: Lang, d: Decimal) -> String {
    let text = fixed(lang, d, 1);
    if text.starts_with('-') || rounded_pct(d).is_zero() {
        percent_sign(lang, text)
    } else {
        percent_sign(lang, format!("+{text}"))
    }
}

/// A multiple: "3.0", "22.0" ("3,0" in German).
pub fn multiple(lang: Lang, d: Decimal) -> String {
    fixed(lang, d, 1)
}

/// A percentage as the page rounds it (1 decimal), for words that must
/// agree with the number shown ("in line with" when it shows 0.0%).
pub fn rounded_pct(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
}

/// `d` with as many decimals as it has, between `min_dp` and `max_dp`,
/// so that 1.095 is not shown as 1.1 nor 22 as 22.000.
pub fn up_to(lang: Lang, d: Decimal, min_dp: u32, max_dp: u32) -> String {
    fixed(lang, d, d.normalize().scale().clamp(min_dp, max_dp))
}

/// `d` rounded to `dp` decimals, half away from zero, as the page types a
/// value into a field for the reader (a break-even's "Use this value").
pub fn for_typing(d: Decimal, dp: u32) -> Decimal {
    d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero).normalize()
}

/// A coordinate in a chart's SVG (`analysis::svg`): `d` rounded half away
/// from zero to 1 decimal, plain digits with a "." and no grouping or
/// trailing zeros ("378", "12.5", "-3.2"), never "-0". Positions only:
/// the values a chart names reach it already written by the caller.
pub fn svg_coord(d: Decimal) -> String {
    let mut r = d.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero).normalize();
    if r.is_zero() {
        r.set_sign_positive(true);
    }
    r.to_string()
}

/// A year: whole, with no thousands separator ("2031").
pub fn year(d: Decimal) -> String {
    for_typing(d, 0).to_string()
}

const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// The year and month (1 to 12) of `YYYY-MM`, if that is what `ym` is.
fn year_month(ym: &str) -> Option<(&str, usize)> {
    let (y, m) = ym.split_once('-')?;
    let m = m.parse::<usize>().ok().filter(|m| (1..=12).contains(m))?;
    (y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit())).then_some((y, m))
}

/// An ISO date as the reader writes it: "2025-11-25" is "25 Nov 2025",
/// "25.11.2025", "2025年11月25日". Text that is not such a date is returned
/// as it is.
pub fn date(lang: Lang, iso: &str) -> String {
    let parts = iso.rsplit_once('-').and_then(|(ym, d)| {
        let d = d.parse::<u32>().ok().filter(|d| (1..=31).contains(d))?;
        Some((year_month(ym)?, d))
    });
    let Some(((y, m), d)) = parts else {
        return iso.to_string();
    };
    match lang {
        Lang::En => MONTHS.get(m - 1).map_or_else(|| iso.to_string(), |month| format!("{d} {month} {y}")),
        Lang::De => format!("{d:02}.{m:02}.{y}"),
        Lang::ZhHant | Lang::ZhHans => format!("{y}年{m}月{d}日"),
    }
}

/// A month written `YYYY-MM` as the reader writes it: "Nov 2025",
/// "11/2025", "2025年11月"; other text as it is.
pub fn month(lang: Lang, iso: &str) -> String {
    let Some((y, m)) = year_month(iso) else {
        return iso.to_string();
    };
    match lang {
        Lang::En => MONTHS.get(m - 1).map_or_else(|| iso.to_string(), |month| format!("{month} {y}")),
        Lang::De => format!("{m:02}/{y}"),
        Lang::ZhHant | Lang::ZhHans => format!("{y}年{m}月"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Lang::{De, En, ZhHans, ZhHant};

    #[test]
    fn months_as_each_reader_writes_them() {
        assert_eq!(month(En, "2025-11"), "Nov 2025");
        assert_eq!(month(De, "2025-11"), "11/2025");
        assert_eq!(month(ZhHant, "2025-05"), "2025年5月");
        assert_eq!(month(ZhHans, "2025-10"), "2025年10月");
        assert_eq!(month(En, "soon"), "soon");
    }

    fn d(s: &str) -> Decimal {
        s.parse().expect("test literal")
    }

    #[test]
    fn rounds_half_away_from_zero_at_display_only() {
        assert_eq!(fixed(En, d("55.495"), 2), "55.50");
        assert_eq!(fixed(En, d("55.494999"), 2), "55.49");
        assert_eq!(fixed(En, d("-0.125"), 2), "-0.13");
        assert_eq!(fixed(En, d("2.5"), 0), "3");
        assert_eq!(fixed(En, d("-2.5"), 0), "-3");
        assert_eq!(fixed(En, d("0.05"), 1), "0.1");
    }

    #[test]
    fn groups_thousands_and_never_shows_minus_zero() {
        assert_eq!(fixed(En, d("1234567.891"), 2), "1,234,567.89");
        assert_eq!(fixed(En, d("-1234"), 1), "-1,234.0");
        assert_eq!(fixed(En, d("999"), 0), "999");
        assert_eq!(fixed(En, d("100000"), 0), "100,000");
        assert_eq!(fixed(En, d("-0.001"), 2), "0.00");
        assert_eq!(count(En, d("650000")), "650,000");
        assert_eq!(count(En, d("1.5")), "1.5");
    }

    #[test]
    fn german_swaps_the_signs_and_chinese_writes_like_english() {
        assert_eq!(fixed(De, d("1234567.891"), 2), "1.234.567,89");
        assert_eq!(fixed(De, d("-1234"), 1), "-1.234,0");
        assert_eq!(count(De, d("650000")), "650.000");
        assert_eq!(fixed(ZhHant, d("1234.5"), 1), "1,234.5");
        assert_eq!(editable(De, d("1234.50")), "1234,5");
        assert_eq!(editable(En, d("1234.50")), "1234.5");
        assert_eq!(editable(ZhHans, d("-0.5")), "-0.5");
    }

    #[test]
    fn writes_money_percent_and_multiples() {
        assert_eq!(per_share(En, d("55.4927"), "HKD"), "HK$55.49");
        assert_eq!(per_share(En, d("-1.2"), "HKD"), "-HK$1.20");
        assert_eq!(billions(En, d("165.75"), "RMB"), "RMB 165.8bn");
        assert_eq!(billions(En, d("-6.24"), "RMB"), "-RMB 6.2bn");
        assert_eq!(pct(En, d("37.56")), "37.6%");
        assert_eq!(signed_pct(En, d("37.56")), "+37.6%");
        assert_eq!(signed_pct(En, d("-12")), "-12.0%");
        assert_eq!(signed_pct(En, d("0.04")), "0.0%");
        assert_eq!(signed_pct(En, d("-0.04")), "0.0%");
        assert_eq!(multiple(En, d("3")), "3.0");
    }

    #[test]
    fn each_language_writes_money_its_own_way() {
        assert_eq!(per_share(De, d("55.4927"), "HKD"), "55,49\u{a0}HK$");
        assert_eq!(per_share(De, d("-1.2"), "EUR"), "-1,20\u{a0}€");
        assert_eq!(per_share(ZhHant, d("55.4927"), "HKD"), "55.49港元");
        assert_eq!(per_share(ZhHans, d("6.5"), "RMB"), "6.50人民币");
        assert_eq!(billions(De, d("165.75"), "RMB"), "165,8\u{a0}Mrd.\u{a0}RMB");
        // The example: RMB 1,319.7bn = 13,197億元 (億 is 0.1bn).
        assert_eq!(billions(ZhHant, d("1319.7"), "RMB"), "13,197億人民幣");
        assert_eq!(billions(ZhHans, d("-6.24"), "HKD"), "-62亿港元");
        assert_eq!(pct(De, d("37.56")), "37,6\u{a0}%");
        assert_eq!(signed_pct(De, d("37.56")), "+37,6\u{a0}%");
        assert_eq!(pct(ZhHans, d("37.56")), "37.6%");
        assert_eq!(currency(ZhHant, "RMB"), "人民幣");
        assert_eq!(currency(De, "HKD"), "HK$");
        assert_eq!(currency(En, "SEK"), "SEK");
    }

    #[test]
    fn dates_read_as_each_language_writes_them() {
        assert_eq!(date(En, "2025-11-25"), "25 Nov 2025");
        assert_eq!(date(De, "2025-11-05"), "05.11.2025");
        assert_eq!(date(ZhHant, "2025-11-25"), "2025年11月25日");
        assert_eq!(date(En, "2025-13-01"), "2025-13-01");
        assert_eq!(date(De, "yesterday"), "yesterday");
    }
}
