//! Share links, format version 1 (`s1.`): the payload.
//!
//! The base64url decodes to
//!
//! ```text
//! length   LEB128 unsigned, minimal, at most 2 bytes: the number of body bytes
//! body     `length` bytes, below
//! crc      4 bytes, little-endian: CRC-32 (IEEE 802.3, as zlib's crc32) of
//!          the length bytes and the body
//! ```
//!
//! Fewer bytes than `length` announces means the link was cut off
//! ([`LinkError::Truncated`]); more bytes, a wrong CRC, or non-canonical
//! base64 mean it was changed ([`LinkError::Corrupt`]).
//!
//! The body is the scenario's fields in the order of the spec's file format
//! (docs/valuation-model.md), with no names, tags or padding:
//!
//! ```text
//! text      name
//! text      company.name
//! text      company.ticker
//! text      reporting_currency
//! text      listing_currency
//! decimal   fx_listing_per_reporting
//! decimal   price
//! byte      price_date present: 0 = no, 1 = yes (then `text price_date`)
//! decimal   shares_bn
//! year      base_year
//! year      valuation_year
//! count     number of segments, then each segment:
//!   text      id
//!   text      name
//!   byte      driver kind: 0 units, 1 units_growth, 2 revenue, 3 revenue_growth
//!   decimal   the driver's fields in the spec's order:
//!               units: units, asp
//!               units_growth: base_units, growth_pct, asp
//!               revenue: revenue_bn
//!               revenue_growth: base_revenue_bn, growth_pct
//!   decimal   margin_pct
//!   byte      method: 0 pe, 1 ev_ebit, 2 ev_sales
//!   decimal   multiple
//! decimal   net_cash_bn
//! decimal   investments_bn
//! decimal   investments_discount_pct
//! decimal   other_bn
//! decimal   holding_discount_pct
//! decimal   buyback_listing_bn
//! ```
//!
//! then, only when some segment has a unit name (an extension of v1,
//! docs/extensions.md; links without one are byte for byte as before):
//!
//! ```text
//! count     number of segments with a unit name, at least 1, then each:
//!   count     the segment's place in the list, strictly increasing
//!   text      unit_label
//! ```
//!
//! and nothing after it. The field types:
//!
//! - **LEB128**: unsigned, 7 bits a byte, least significant group first,
//!   high bit set on every byte but the last. Always minimal: a last byte of
//!   0 after other bytes is refused, as is a value wider than the field.
//! - **count**: LEB128 of at most 32 bits.
//! - **text**: count of UTF-8 bytes, then the bytes; invalid UTF-8 is
//!   refused, as is a length longer than the bytes left.
//! - **year**: the `i32` zigzag-encoded (0, -1, 1, -2, ... as 0, 1, 2, 3,
//!   ...), then LEB128 of at most 32 bits. 2025 is `0xd2 0x1f`.
//! - **decimal**: one head byte, then the mantissa. Head bit 7 is the sign
//!   (1 = negative), bits 0-4 the scale (0 to 28), bits 5-6 are 0. The
//!   mantissa is the absolute value times 10^scale, LEB128 of at most 96
//!   bits. 40.34 is `0x02 0xc2 0x1f` (4034, scale 2); -5.9 is `0x81 0x3b`.
//!
//! A decimal keeps its scale and sign exactly as the scenario holds them:
//! `3.0` and `3` are different bytes, as they are different text in the
//! file `model::json::to_json` writes, and so is `-0.00`. So the body maps
//! one to one onto the spec JSON: every scenario has exactly one encoding,
//! `decode(encode(s))` returns `s` down to the last bit, and a link that
//! decodes re-encodes to itself.
//!
//! A body that passes its CRC but does not follow this layout is
//! [`LinkError::Malformed`] (a broken or hand-made link, not a damaged
//! one); a scenario that decodes but breaks a rule of the spec is
//! [`LinkError::Invalid`], with every issue `model::validate` finds.
//!

use super::base64url::{decode_lenient, encode as base64url_encode};
use super::crc32::crc32;
use super::wire::{read_leb128, write_decimal, write_leb128, write_text, write_year, LebError};
use super::{LinkError, Malformed};
use crate::model::scenario::DriverKind;
use crate::model::{Company, Method, Scenario, Segment};
use rust_decimal::Decimal;

/// The format version this module reads and writes.
pub const VERSION: u32 = 1;

/// The length prefix may announce at most this many body bytes (two LEB128
/// bytes); a body that fits in [`MAX_LINK_CHARS`] is far shorter.
pub(super) const MAX_BODY_BITS: u32 = 14;

/// The fragment of `s` in format 1: `s1.` and the base64url of the payload.
pub(super) fn encode(s: &Scenario) -> String {
    let mut body = Vec::with_capacity(256);
    write_scenario(&mut body, s);
    let mut out = format!("s{VERSION}.");
    out.push_str(&base64url_encode(&wrap(&body)));
    out
}

/// `body` with its length before it and the CRC after: a payload.
pub(super) fn wrap(body: &[u8]) -> Vec<u8> {
    let mut payload = Vec::with_capacity(body.len().saturating_add(8));
    write_leb128(&mut payload, body.len() as u128);
    payload.extend_from_slice(body);
    let crc = crc32(&payload);
    payload.extend_from_slice(&crc.to_le_bytes());
    payload
}

/// The scenario in the base64url `data` after an `s1.` tag (`data_start`:
/// where `data` begins in the fragment, for the position of a bad
/// character). Not yet validated against the spec's rules.
pub(super) fn decode(data: &str, data_start: usize) -> Result<Scenario, LinkError> {
    let decoded = decode_lenient(data)
        .map_err(|at| LinkError::NotBase64 { position: data_start.saturating_add(at) })?;
    let body = unwrap_payload(&decoded.bytes, decoded.canonical)?;
    read_scenario(body)
}

/// Checks the length prefix and CRC of a version-1 payload; returns the body.
pub(super) fn unwrap_payload(payload: &[u8], canonical_base64: bool) -> Result<&[u8], LinkError> {
    let (length, rest) = match read_leb128(payload, MAX_BODY_BITS) {
        Ok(read) => read,
        Err(LebError::Incomplete) => return Err(LinkError::Truncated),
        Err(LebError::TooWide | LebError::NotMinimal) => return Err(LinkError::Corrupt),
    };
    let length = usize::try_from(length).map_err(|_| LinkError::Corrupt)?;
    let expected = length.checked_add(4).ok_or(LinkError::Corrupt)?;
    if rest.len() < expected {
        return Err(LinkError::Truncated);
    }
    // Checked after the length: a link cut off mid-character also leaves
    // non-canonical base64, and "cut off" is the better message for it.
    if rest.len() > expected || !canonical_base64 {
        return Err(LinkError::Corrupt);
    }
    let (body, crc_bytes) = rest.split_at_checked(length).ok_or(LinkError::Corrupt)?;
    let stored = <[u8; 4]>::try_from(crc_bytes).map_err(|_| LinkError::Corrupt)?;
    let covered_len = payload.len().checked_sub(4).ok_or(LinkError::Corrupt)?;
    let covered = payload.get(..covered_len).ok_or(LinkError::Corrupt)?;
    if crc32(covered) != u32::from_le_bytes(stored) {
        return Err(LinkError::Corrupt);
    }
    Ok(body)
}

// ---------------------------------------------------------------- writing

pub(super) fn write_scenario(out: &mut Vec<u8>, s: &Scenario) {
    write_text(out, &s.name);
    write_text(out, &s.company.name);
    write_text(out, &s.company.ticker);
    write_text(out, &s.reporting_currency);
    write_text(out, &s.listing_currency);
    write_decimal(out, s.fx_listing_per_reporting);
    write_decimal(out, s.price);
    match &s.price_date {
        None => out.push(0),
        Some(date) => {
            out.push(1);
            write_text(out, date);
        }
    }
    write_decimal(out, s.shares_bn);
    write_year(out, s.base_year);
    write_year(out, s.valuation_year);
    write_leb128(out, s.segments.len() as u128);
    for seg in &s.segments {
        write_text(out, &seg.id);
        write_text(out, &seg.name);
        let kind = seg.driver.driver_kind();
        out.push(kind.link_tag());
        for field in kind.fields() {
            write_decimal(out, field.of(&seg.driver).unwrap_or_default());
        }
        write_decimal(out, seg.margin_pct);
        out.push(match seg.method {
            Method::Pe => 0,
            Method::EvEbit => 1,
            Method::EvSales => 2,
        });
        write_decimal(out, seg.multiple);
    }
    for d in [
        s.net_cash_bn,
        s.investments_bn,
        s.investments_discount_pct,
        s.other_bn,
        s.holding_discount_pct,
        s.buyback_listing_bn,
    ] {
        write_decimal(out, d);
    }
    let labelled: Vec<(usize, &str)> = s
        .segments
        .iter()
        .enumerate()
        .filter_map(|(i, seg)| seg.unit_label.as_deref().map(|l| (i, l)))
        .collect();
    if !labelled.is_empty() {
        write_leb128(out, labelled.len() as u128);
        for (i, label) in labelled {
            write_leb128(out, i as u128);
            write_text(out, label);
        }
    }
}

/// Reads the body, field by field; every failure says which field.
pub(super) struct Reader<'a> {
    pub(super) rest: &'a [u8],
}

fn malformed(m: Malformed) -> LinkError {
    LinkError::Malformed(m)
}

fn at(what: &str) -> String {
    what.to_string()
}

impl<'a> Reader<'a> {
    pub(super) fn byte(&mut self, what: &str) -> Result<u8, LinkError> {
        let (&b, rest) =
            self.rest.split_first().ok_or_else(|| malformed(Malformed::EndsAt { at: at(what) }))?;
        self.rest = rest;
        Ok(b)
    }

    pub(super) fn leb128(&mut self, max_bits: u32, what: &str) -> Result<u128, LinkError> {
        let (value, rest) = read_leb128(self.rest, max_bits).map_err(|e| match e {
            LebError::Incomplete => malformed(Malformed::EndsAt { at: at(what) }),
            LebError::TooWide => malformed(Malformed::TooLarge { at: at(what) }),
            LebError::NotMinimal => malformed(Malformed::NotShortest { at: at(what) }),
        })?;
        self.rest = rest;
        Ok(value)
    }

    pub(super) fn count(&mut self, what: &str) -> Result<usize, LinkError> {
        let n = self.leb128(32, what)?;
        usize::try_from(n).map_err(|_| malformed(Malformed::TooLarge { at: at(what) }))
    }

    pub(super) fn text(&mut self, what: &str) -> Result<String, LinkError> {
        let len = self.count(what)?;
        let (bytes, rest) = self
            .rest
            .split_at_checked(len)
            .ok_or_else(|| malformed(Malformed::LongerThanLink { at: at(what) }))?;
        self.rest = rest;
        let text = std::str::from_utf8(bytes).map_err(|_| malformed(Malformed::NotUtf8 { at: at(what) }))?;
        Ok(text.to_string())
    }

    fn year(&mut self, what: &str) -> Result<i32, LinkError> {
        let zigzag = u32::try_from(self.leb128(32, what)?)
            .map_err(|_| malformed(Malformed::TooLarge { at: at(what) }))?;
        let half = (zigzag >> 1) as i32;
        Ok(if zigzag & 1 == 0 { half } else { !half })
    }

    pub(super) fn decimal(&mut self, what: &str) -> Result<Decimal, LinkError> {
        let head = self.byte(what)?;
        if head & 0x60 != 0 {
            return Err(malformed(Malformed::UnknownFlags { at: at(what) }));
        }
        let scale = u32::from(head & 0x1f);
        if scale > 28 {
            return Err(malformed(Malformed::TooManyDecimals { at: at(what) }));
        }
        let mantissa = self.leb128(96, what)?;
        let mantissa =
            i128::try_from(mantissa).map_err(|_| malformed(Malformed::TooLarge { at: at(what) }))?;
        let mut d = Decimal::try_from_i128_with_scale(mantissa, scale)
            .map_err(|_| malformed(Malformed::TooLarge { at: at(what) }))?;
        d.set_sign_negative(head & 0x80 != 0);
        Ok(d)
    }

    fn segment(&mut self, i: usize) -> Result<Segment, LinkError> {
        let at = |field: &str| format!("segments[{i}].{field}");
        let id = self.text(&at("id"))?;
        let name = self.text(&at("name"))?;
        let kind_at = at("driver.kind");
        let tag = self.byte(&kind_at)?;
        let kind = DriverKind::from_link_tag(tag)
            .ok_or_else(|| malformed(Malformed::UnknownCode { at: kind_at.clone(), code: tag }))?;
        let mut values = Vec::with_capacity(kind.fields().len());
        for field in kind.fields() {
            values.push(self.decimal(&at(&format!("driver.{}", field.json_key())))?);
        }
        // `values` holds one value per field of the kind, so this builds.
        let driver = kind.build(&values).ok_or_else(|| malformed(Malformed::EndsAt { at: at("driver") }))?;
        let margin_pct = self.decimal(&at("margin_pct"))?;
        let method_at = at("method");
        let method = match self.byte(&method_at)? {
            0 => Method::Pe,
            1 => Method::EvEbit,
            2 => Method::EvSales,
            code => return Err(malformed(Malformed::UnknownCode { at: method_at, code })),
        };
        let multiple = self.decimal(&at("multiple"))?;
        Ok(Segment { id, name, driver, margin_pct, method, multiple, unit_label: None })
    }
}

pub(super) fn read_scenario(body: &[u8]) -> Result<Scenario, LinkError> {
    let mut r = Reader { rest: body };
    let name = r.text("name")?;
    let company = Company { name: r.text("company.name")?, ticker: r.text("company.ticker")? };
    let reporting_currency = r.text("reporting_currency")?;
    let listing_currency = r.text("listing_currency")?;
    let fx_listing_per_reporting = r.decimal("fx_listing_per_reporting")?;
    let price = r.decimal("price")?;
    let price_date = match r.byte("price_date")? {
        0 => None,
        1 => Some(r.text("price_date")?),
        code => return Err(malformed(Malformed::UnknownCode { at: at("price_date"), code })),
    };
    let shares_bn = r.decimal("shares_bn")?;
    let base_year = r.year("base_year")?;
    let valuation_year = r.year("valuation_year")?;
    let count = r.count("segments")?;
    // No capacity from the count: it is untrusted, and every segment takes
    // bytes, so a false count runs out of data instead of memory.
    let mut segments = Vec::new();
    for i in 0..count {
        segments.push(r.segment(i)?);
    }
    let mut scenario = Scenario {
        name,
        company,
        reporting_currency,
        listing_currency,
        fx_listing_per_reporting,
        price,
        price_date,
        shares_bn,
        base_year,
        valuation_year,
        segments,
        net_cash_bn: r.decimal("net_cash_bn")?,
        investments_bn: r.decimal("investments_bn")?,
        investments_discount_pct: r.decimal("investments_discount_pct")?,
        other_bn: r.decimal("other_bn")?,
        holding_discount_pct: r.decimal("holding_discount_pct")?,
        buyback_listing_bn: r.decimal("buyback_listing_bn")?,
    };
    if !r.rest.is_empty() {
        read_unit_labels(&mut r, &mut scenario.segments)?;
    }
    if !r.rest.is_empty() {
        return Err(malformed(Malformed::Trailing { bytes: r.rest.len() }));
    }
    Ok(scenario)
}

/// The unit names after the body's fields: one encoding only, so a count
/// of 0, a place out of order or past the list is malformed.
fn read_unit_labels(r: &mut Reader, segments: &mut [Segment]) -> Result<(), LinkError> {
    let bytes = r.rest.len();
    let n = r.count("unit_labels")?;
    // No unit names is no trailer: a 0 here is a byte after the scenario.
    if n == 0 {
        return Err(malformed(Malformed::Trailing { bytes }));
    }
    if n > segments.len() {
        return Err(malformed(Malformed::TooLarge { at: at("unit_labels") }));
    }
    let mut next = 0;
    for _ in 0..n {
        let i = r.count("unit_labels")?;
        let at_i = format!("segments[{i}].unit_label");
        let seg = segments.get_mut(i).filter(|_| i >= next);
        let seg = seg.ok_or_else(|| malformed(Malformed::TooLarge { at: at_i.clone() }))?;
        seg.unit_label = Some(r.text(&at_i)?);
        next = i + 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn leb128_is_minimal_and_bounded() {
        let mut out = Vec::new();
        write_leb128(&mut out, 4034);
        assert_eq!(out, [0xc2, 0x1f]);
        assert_eq!(read_leb128(&[0xc2, 0x1f, 9], 96), Ok((4034, &[9u8][..])));
        assert_eq!(read_leb128(&[0x80, 0x00], 96), Err(LebError::NotMinimal));
        assert_eq!(read_leb128(&[0x00], 96), Ok((0, &[][..])));
        assert_eq!(read_leb128(&[0x80], 96), Err(LebError::Incomplete));
        assert_eq!(read_leb128(&[0xff, 0xff, 0x03], 16), Ok((0xffff, &[][..])));
        assert_eq!(read_leb128(&[0xff, 0xff, 0x07], 16), Err(LebError::TooWide));
        let max96 = (1u128 << 96) - 1;
        let mut out = Vec::new();
        write_leb128(&mut out, max96);
        assert_eq!(out.len(), 14);
        assert_eq!(read_leb128(&out, 96), Ok((max96, &[][..])));
        let mut out = Vec::new();
        write_leb128(&mut out, max96 + 1);
        assert_eq!(read_leb128(&out, 96), Err(LebError::TooWide));
        assert_eq!(read_leb128(&[0xff; 40], 96), Err(LebError::TooWide));
    }

    #[test]
    fn years_zigzag() {
        for (year, bytes) in [
            (0, vec![0]),
            (-1, vec![1]),
            (1, vec![2]),
            (2025, vec![0xd2, 0x1f]),
            (i32::MIN, vec![0xff, 0xff, 0xff, 0xff, 0x0f]),
        ] {
            let mut out = Vec::new();
            write_year(&mut out, year);
            assert_eq!(out, bytes);
            assert_eq!(Reader { rest: &out }.year("y"), Ok(year));
        }
        for year in [i32::MAX, i32::MIN, -2025] {
            let mut out = Vec::new();
            write_year(&mut out, year);
            assert_eq!(Reader { rest: &out }.year("y"), Ok(year));
        }
    }

    #[test]
    fn decimals_keep_scale_and_sign() {
        let mut out = Vec::new();
        write_decimal(&mut out, Decimal::new(4034, 2));
        write_decimal(&mut out, Decimal::new(-59, 1));
        assert_eq!(out, [0x02, 0xc2, 0x1f, 0x81, 0x3b]);
        let mut neg_zero = Decimal::new(0, 2);
        neg_zero.set_sign_negative(true);
        for d in [
            Decimal::new(30, 1),
            Decimal::new(3, 0),
            neg_zero,
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(1, 28),
        ] {
            let mut out = Vec::new();
            write_decimal(&mut out, d);
            let back = Reader { rest: &out }.decimal("d").unwrap();
            assert_eq!(
                (back.to_string(), back.scale(), back.is_sign_negative()),
                (d.to_string(), d.scale(), d.is_sign_negative())
            );
        }
        assert!(Reader { rest: &[0x1d, 1] }.decimal("d").is_err(), "scale 29");
        assert!(Reader { rest: &[0x20, 1] }.decimal("d").is_err(), "reserved bit");
    }
}
