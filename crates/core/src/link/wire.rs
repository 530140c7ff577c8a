//! The primitives of the link payload: LEB128, text, zigzag years and
//! decimals (their layout is documented in [`super::v1`]).

use rust_decimal::Decimal;

pub(super) fn write_leb128(out: &mut Vec<u8>, mut value: u128) {
    loop {
        let low = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(low);
            return;
        }
        out.push(low | 0x80);
    }
}

pub(super) fn write_text(out: &mut Vec<u8>, text: &str) {
    write_leb128(out, text.len() as u128);
    out.extend_from_slice(text.as_bytes());
}

pub(super) fn write_year(out: &mut Vec<u8>, year: i32) {
    let zigzag = ((year as u32) << 1) ^ ((year >> 31) as u32);
    write_leb128(out, u128::from(zigzag));
}

pub(super) fn write_decimal(out: &mut Vec<u8>, d: Decimal) {
    // A Decimal's scale is at most 28, so it fits the five scale bits.
    let scale = (d.scale() & 0x1f) as u8;
    out.push(if d.is_sign_negative() { 0x80 | scale } else { scale });
    write_leb128(out, d.mantissa().unsigned_abs());
}

#[derive(Debug, PartialEq)]
pub(super) enum LebError {
    /// The data ends before the last byte of the number.
    Incomplete,
    /// The number has more bits than its field.
    TooWide,
    /// A last byte of 0 after other bytes: the same value has a shorter form.
    NotMinimal,
}

/// An unsigned LEB128 number of at most `max_bits` bits (at most 121) from
/// the start of `bytes`; returns it and the bytes after it.
pub(super) fn read_leb128(bytes: &[u8], max_bits: u32) -> Result<(u128, &[u8]), LebError> {
    let mut value: u128 = 0;
    let mut shift: u32 = 0;
    let mut rest = bytes;
    loop {
        let (&b, after) = rest.split_first().ok_or(LebError::Incomplete)?;
        rest = after;
        if shift >= max_bits {
            return Err(LebError::TooWide);
        }
        let group = u128::from(b & 0x7f).checked_shl(shift).ok_or(LebError::TooWide)?;
        value |= group;
        if b & 0x80 == 0 {
            if b == 0 && shift > 0 {
                return Err(LebError::NotMinimal);
            }
            if value.checked_shr(max_bits).unwrap_or(0) != 0 {
                return Err(LebError::TooWide);
            }
            return Ok((value, rest));
        }
        shift = shift.saturating_add(7);
    }
}
