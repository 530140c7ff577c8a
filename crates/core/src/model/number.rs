//! Reading decimals from text, exactly and strictly.
//!
//! Every number reaches the model as text: typed in a field, taken from a
//! slider, or read from a JSON string or number. It is parsed here straight
//! into a `Decimal`, never through `f64`, and each way text can be wrong gets
//! its own rule so that the message tells the user what to change.

use rust_decimal::Decimal;

/// Why a text is not a number the model accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberError {
    Empty,
    ThousandsSeparator,
    DecimalComma,
    PercentSign,
    /// A `%` on a field that is not in percent (a count, a price...).
    PercentSignNotPct,
    NotANumber,
    TooLarge,
    NotWhole,
    /// A point for decimals where the reader writes a comma ("1.5" in de).
    DecimalPoint,
    /// Group separators that do not group the digits in threes ("1,23,456").
    MisplacedGroup,
}

pub use crate::lang::NumberStyle;

impl NumberStyle {
    /// The decimal sign and the group separator.
    fn signs(self) -> (char, char) {
        match self {
            NumberStyle::DecimalPoint => ('.', ','),
            NumberStyle::DecimalComma => (',', '.'),
        }
    }
}

/// The ASCII twin of a full-width character that a Chinese input method
/// types (digits, "，", "．", signs, "％" and the ideographic space).
fn ascii_twin(c: char) -> char {
    match c {
        '\u{FF10}'..='\u{FF19}'
        | '\u{FF0B}'
        | '\u{FF0C}'
        | '\u{FF0D}'
        | '\u{FF0E}'
        | '\u{FF05}'
        | '\u{FF45}'
        | '\u{FF25}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '\u{2212}' => '-',
        _ => c,
    }
}

/// Parses what a reader typed, as they write numbers (`style`): group
/// separators are taken only in groups of three ("650,000" or "650.000"),
/// the decimal sign is the reader's, full-width digits and signs read as
/// their ASCII twins. What does not fit says how to write it.
pub fn parse_typed(style: NumberStyle, text: &str) -> Result<Decimal, NumberError> {
    let ascii: String = text.chars().map(ascii_twin).collect();
    let t = ascii.trim();
    let (decimal, group) = style.signs();
    let (sign, unsigned) = match t.strip_prefix(['+', '-']) {
        Some(rest) => (t.get(..1).unwrap_or(""), rest),
        None => ("", t),
    };
    if t.ends_with('%') {
        return Err(NumberError::PercentSign);
    }
    if !unsigned.contains(group) {
        // No separators to read: the point form, with the reader's decimal sign.
        return parse_decimal(&t.replace(decimal, ".")).map_err(|e| match e {
            NumberError::DecimalComma | NumberError::ThousandsSeparator => NumberError::NotANumber,
            e => e,
        });
    }
    if !unsigned.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return Err(NumberError::NotANumber);
    }
    let (whole, fraction) = match unsigned.split_once(decimal) {
        Some((w, f)) => (w, Some(f)),
        None => (unsigned, None),
    };
    let mut groups = whole.split(group);
    let grouped =
        groups.next().is_some_and(|g| (1..=3).contains(&g.len()) && g.chars().all(|c| c.is_ascii_digit()))
            && groups.all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
            && fraction.is_none_or(|f| !f.is_empty() && f.chars().all(|c| c.is_ascii_digit()));
    if grouped {
        let digits = whole.replace(group, "");
        let plain = match fraction {
            Some(f) => format!("{sign}{digits}.{f}"),
            None => format!("{sign}{digits}"),
        };
        return parse_decimal(&plain);
    }
    // The other convention's decimal sign, once and alone ("1.5" in de,
    // "1,5" in en): say how decimals are written here.
    let once = unsigned.matches(group).count() == 1
        && !unsigned.contains(decimal)
        && unsigned.split(group).all(|part| !part.is_empty());
    Err(match (once, style) {
        (true, NumberStyle::DecimalComma) => NumberError::DecimalPoint,
        (true, NumberStyle::DecimalPoint) => NumberError::DecimalComma,
        (false, _) => NumberError::MisplacedGroup,
    })
}

/// `parse_typed` for a whole number such as a year.
pub fn parse_typed_integer(style: NumberStyle, text: &str) -> Result<i64, NumberError> {
    let d = parse_typed(style, text)?;
    if !d.fract().is_zero() {
        return Err(NumberError::NotWhole);
    }
    i64::try_from(d).map_err(|_| NumberError::TooLarge)
}

/// Parses a decimal the way a careful person writes it: optional sign,
/// digits, optional fraction, optional exponent (`1.5e3`). Surrounding
/// whitespace is ignored. Anything else is refused with the reason.
pub fn parse_decimal(text: &str) -> Result<Decimal, NumberError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(NumberError::Empty);
    }
    if t.ends_with('%') {
        return Err(NumberError::PercentSign);
    }
    if !is_decimal_syntax(t) {
        let digits_and_commas =
            t.trim_start_matches(['+', '-']).chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.');
        // "1,5" is a decimal comma (as written in Germany or France);
        // "1,234" or "1,234,567.8" is a thousands separator.
        let decimal_comma = t.matches(',').count() == 1
            && !t.contains('.')
            && t.rsplit(',').next().is_some_and(|after| after.len() != 3);
        return Err(if decimal_comma && digits_and_commas {
            NumberError::DecimalComma
        } else if t.contains(',') && digits_and_commas {
            NumberError::ThousandsSeparator
        } else {
            NumberError::NotANumber
        });
    }
    let unsigned = t.strip_prefix('+').unwrap_or(t);
    let parsed = if unsigned.contains(['e', 'E']) {
        Decimal::from_scientific(unsigned)
    } else {
        Decimal::from_str_exact(unsigned)
    };
    // The syntax is already known good, so the only failure left is size
    // (or more fractional digits than 28, which is the same limit).
    parsed.map(|d| d.normalize()).map_err(|_| NumberError::TooLarge)
}

/// Parses a whole number such as a year.
pub fn parse_integer(text: &str) -> Result<i64, NumberError> {
    let d = parse_decimal(text)?;
    if !d.fract().is_zero() {
        return Err(NumberError::NotWhole);
    }
    i64::try_from(d).map_err(|_| NumberError::TooLarge)
}

/// `[+-]? digits [. digits]? ([eE] [+-]? digits)?`, with at least one digit
/// before or after the point.
fn is_decimal_syntax(t: &str) -> bool {
    let b = t.as_bytes();
    let at = |i: usize| b.get(i).copied();
    // The end of the run of digits from `i`, and its length.
    let digits_from = |start: usize| {
        let mut i = start;
        while at(i).is_some_and(|c| c.is_ascii_digit()) {
            i += 1;
        }
        (i, i - start)
    };
    let sign = usize::from(matches!(at(0), Some(b'+' | b'-')));
    let (mut i, mut digits) = digits_from(sign);
    if at(i) == Some(b'.') {
        let (end, n) = digits_from(i + 1);
        i = end;
        digits += n;
    }
    if digits == 0 {
        return false;
    }
    if matches!(at(i), Some(b'e' | b'E')) {
        let sign = usize::from(matches!(at(i + 1), Some(b'+' | b'-')));
        let (end, n) = digits_from(i + 1 + sign);
        if n == 0 || n > 4 {
            return false;
        }
        i = end;
    }
    i == b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        s.parse().expect("test literal")
    }

    #[test]
    fn accepts_plain_signed_and_scientific_numbers() {
        assert_eq!(parse_decimal("40.34"), Ok(dec("40.34")));
        assert_eq!(parse_decimal("  -5.9 "), Ok(dec("-5.9")));
        assert_eq!(parse_decimal("+3"), Ok(dec("3")));
        assert_eq!(parse_decimal(".5"), Ok(dec("0.5")));
        assert_eq!(parse_decimal("7."), Ok(dec("7")));
        assert_eq!(parse_decimal("1.5e3"), Ok(dec("1500")));
        assert_eq!(parse_decimal("25E-2"), Ok(dec("0.25")));
        assert_eq!(parse_decimal("1e27"), Ok(dec("1000000000000000000000000000")));
    }

    #[test]
    fn keeps_the_exact_decimal_not_a_float_approximation() {
        // 0.1 + 0.2 is 0.30000000000000004 in f64; here it is exact.
        let sum = parse_decimal("0.1").unwrap() + parse_decimal("0.2").unwrap();
        assert_eq!(sum, dec("0.3"));
        assert_eq!(parse_decimal("1.095").unwrap().to_string(), "1.095");
    }

    #[test]
    fn names_each_kind_of_bad_text() {
        assert_eq!(parse_decimal(""), Err(NumberError::Empty));
        assert_eq!(parse_decimal("   "), Err(NumberError::Empty));
        assert_eq!(parse_decimal("abc"), Err(NumberError::NotANumber));
        assert_eq!(parse_decimal("1,234"), Err(NumberError::ThousandsSeparator));
        assert_eq!(parse_decimal("1,234.5"), Err(NumberError::ThousandsSeparator));
        assert_eq!(parse_decimal("1,5"), Err(NumberError::DecimalComma));
        assert_eq!(parse_decimal("-5,25"), Err(NumberError::DecimalComma));
        assert_eq!(parse_decimal("1,234,5"), Err(NumberError::ThousandsSeparator));
        assert_eq!(parse_decimal("12%"), Err(NumberError::PercentSign));
        assert_eq!(parse_decimal("1e40"), Err(NumberError::TooLarge));
        assert_eq!(parse_decimal("99999999999999999999999999999"), Err(NumberError::TooLarge));
        assert_eq!(parse_decimal("1e99999"), Err(NumberError::NotANumber));
        assert_eq!(parse_decimal("NaN"), Err(NumberError::NotANumber));
        assert_eq!(parse_decimal("inf"), Err(NumberError::NotANumber));
        assert_eq!(parse_decimal("1.2.3"), Err(NumberError::NotANumber));
        assert_eq!(parse_decimal("--1"), Err(NumberError::NotANumber));
        assert_eq!(parse_decimal("."), Err(NumberError::NotANumber));
        assert_eq!(parse_decimal("1e"), Err(NumberError::NotANumber));
        assert_eq!(parse_decimal("٣"), Err(NumberError::NotANumber));
    }

    #[test]
    fn integers_must_be_whole() {
        assert_eq!(parse_integer("2026"), Ok(2026));
        assert_eq!(parse_integer("2026.0"), Ok(2026));
        assert_eq!(parse_integer("2026.5"), Err(NumberError::NotWhole));
        assert_eq!(parse_integer(""), Err(NumberError::Empty));
    }
}
