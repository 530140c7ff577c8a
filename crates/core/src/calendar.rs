//! Whole days between calendar dates, for the price's age ("close of 25 Nov
//! 2025, 377 days ago"). Plain integer arithmetic on the proleptic
//! Gregorian calendar: no clock here; the page passes today's date in.

/// After this many days the page says the price is old.
pub const PRICE_OLD_AFTER_DAYS: i64 = 7;

/// Days from 1970-01-01 to `y-m-d` (Howard Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A `YYYY-MM-DD` date as (year, month, day), if it is one.
pub fn parse_iso(iso: &str) -> Option<(i64, i64, i64)> {
    let mut parts = iso.splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

/// Whole days from the date `iso` to `today` (negative if it is later);
/// `None` when `iso` is not a date.
pub fn days_since(iso: &str, today: (i64, i64, i64)) -> Option<i64> {
    let (y, m, d) = parse_iso(iso)?;
    Some(days_from_civil(today.0, today.1, today.2) - days_from_civil(y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_days_across_months_years_and_leap_days() {
        // The example: 25 Nov 2025 seen on 7 Dec 2026 is 377 days old.
        assert_eq!(days_since("2025-11-25", (2026, 12, 7)), Some(377));
        assert_eq!(days_since("2025-11-25", (2025, 11, 25)), Some(0));
        assert_eq!(days_since("2025-11-25", (2025, 12, 2)), Some(7));
        assert_eq!(days_since("2024-02-28", (2024, 3, 1)), Some(2));
        assert_eq!(days_since("2023-02-28", (2023, 3, 1)), Some(1));
        assert_eq!(days_since("1999-12-31", (2000, 1, 1)), Some(1));
        assert_eq!(days_since("2026-01-01", (2025, 12, 31)), Some(-1));
        assert_eq!(days_from_civil(1970, 1, 1), 0);
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        for bad in ["", "2025-11", "2025-13-01", "2025-00-10", "25-11-2025", "2025-1-5", "2025-11-32"] {
            assert_eq!(days_since(bad, (2026, 1, 1)), None, "{bad}");
        }
    }
}
