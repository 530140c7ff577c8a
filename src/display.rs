//! Turning exact decimals into text. The only place numbers are rounded.
//!
//! Spec, "Arithmetic": per-share amounts 2 decimals, percentages 1,
//! billions 1, half away from zero; thousands separators; a minus sign for
//! negatives.

use rust_decimal::{Decimal, RoundingStrategy};

/// `d` rounded half away from zero to `dp` decimals, written with thousands
/// separators and exactly `dp` decimals. Never "-0.00".
pub fn fixed(d: Decimal, dp: u32) -> String {
    let mut r = d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    if r.is_zero() {
        r.set_sign_positive(true);
    }
    group_digits(&format!("{r:.prec$}", prec = dp as usize))
}

/// `plain` (digits with an optional minus sign and decimals, as `Decimal`
/// writes them) with thousands separators in its whole part.
pub fn group_digits(plain: &str) -> String {
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
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// A count such as units: no decimals unless the value has some (then up to 2).
pub fn count(d: Decimal) -> String {
    let dp = d.normalize().scale().min(2);
    fixed(d, dp)
}

/// The prefix used for a currency code in amounts ("HK$", "RMB ").
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

/// An amount per share: "HK$55.49", "-HK$1.20".
pub fn per_share(d: Decimal, currency: &str) -> String {
    let text = fixed(d, 2);
    let prefix = currency_prefix(currency);
    match text.strip_prefix('-') {
        Some(abs) => format!("-{prefix}{abs}"),
        None => format!("{prefix}{text}"),
    }
}

/// Billions of a currency: "RMB 165.8bn".
pub fn billions(d: Decimal, currency: &str) -> String {
    let text = fixed(d, 1);
    let prefix = currency_prefix(currency);
    match text.strip_prefix('-') {
        Some(abs) => format!("-{prefix}{abs}bn"),
        None => format!("{prefix}{text}bn"),
    }
}

/// A percentage: "37.6%".
pub fn pct(d: Decimal) -> String {
    format!("{}%", fixed(d, 1))
}

/// A change in percent with its sign always shown: "+37.6%", "-12.0%", "0.0%".
pub fn signed_pct(d: Decimal) -> String {
    let text = fixed(d, 1);
    if text.starts_with('-') || text == "0.0" {
        format!("{text}%")
    } else {
        format!("+{text}%")
    }
}

/// A multiple: "3.0", "22.0".
pub fn multiple(d: Decimal) -> String {
    fixed(d, 1)
}

/// A percentage as the page rounds it (1 decimal), for words that must
/// agree with the number shown ("in line with" when it shows 0.0%).
pub fn rounded_pct(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
}

/// `d` with as many decimals as it has, between `min_dp` and `max_dp`,
/// so that 1.095 is not shown as 1.1 nor 22 as 22.000.
pub fn up_to(d: Decimal, min_dp: u32, max_dp: u32) -> String {
    fixed(d, d.normalize().scale().clamp(min_dp, max_dp))
}

/// An ISO date as people write it: "2025-11-25" becomes "25 Nov 2025".
/// Text that is not such a date is returned as it is.
pub fn date(iso: &str) -> String {
    const MONTHS: [&str; 12] =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let mut parts = iso.splitn(3, '-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_string();
    };
    match (m.parse::<usize>(), d.parse::<u32>()) {
        (Ok(m), Ok(d @ 1..=31)) if y.len() == 4 => match MONTHS.get(m.wrapping_sub(1)) {
            Some(month) => format!("{d} {month} {y}"),
            None => iso.to_string(),
        },
        _ => iso.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().expect("test literal")
    }

    #[test]
    fn rounds_half_away_from_zero_at_display_only() {
        assert_eq!(fixed(d("55.495"), 2), "55.50");
        assert_eq!(fixed(d("55.494999"), 2), "55.49");
        assert_eq!(fixed(d("-0.125"), 2), "-0.13");
        assert_eq!(fixed(d("2.5"), 0), "3");
        assert_eq!(fixed(d("-2.5"), 0), "-3");
        assert_eq!(fixed(d("0.05"), 1), "0.1");
    }

    #[test]
    fn groups_thousands_and_never_shows_minus_zero() {
        assert_eq!(fixed(d("1234567.891"), 2), "1,234,567.89");
        assert_eq!(fixed(d("-1234"), 1), "-1,234.0");
        assert_eq!(fixed(d("999"), 0), "999");
        assert_eq!(fixed(d("100000"), 0), "100,000");
        assert_eq!(fixed(d("-0.001"), 2), "0.00");
        assert_eq!(count(d("650000")), "650,000");
        assert_eq!(count(d("1.5")), "1.5");
    }

    #[test]
    fn writes_money_percent_and_multiples() {
        assert_eq!(per_share(d("55.4927"), "HKD"), "HK$55.49");
        assert_eq!(per_share(d("-1.2"), "HKD"), "-HK$1.20");
        assert_eq!(billions(d("165.75"), "RMB"), "RMB 165.8bn");
        assert_eq!(billions(d("-6.24"), "RMB"), "-RMB 6.2bn");
        assert_eq!(pct(d("37.56")), "37.6%");
        assert_eq!(signed_pct(d("37.56")), "+37.6%");
        assert_eq!(signed_pct(d("-12")), "-12.0%");
        assert_eq!(signed_pct(d("0.04")), "0.0%");
        assert_eq!(multiple(d("3")), "3.0");
    }

    #[test]
    fn dates_read_day_month_year() {
        assert_eq!(date("2025-11-25"), "25 Nov 2025");
        assert_eq!(date("2025-13-01"), "2025-13-01");
        assert_eq!(date("yesterday"), "yesterday");
    }
}
