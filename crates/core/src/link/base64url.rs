//! RFC 4648 base64url without padding, read strictly.

use super::LinkError;

/// RFC 4648 base64url without padding. Public for the tests.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3).saturating_mul(4));
    for chunk in bytes.chunks(3) {
        let mut triple = [0u8; 3];
        for (slot, &b) in triple.iter_mut().zip(chunk) {
            *slot = b;
        }
        let [a, b, c] = triple;
        let bits = (u32::from(a) << 16) | (u32::from(b) << 8) | u32::from(c);
        // n bytes make n + 1 characters.
        for shift in [18u32, 12, 6, 0].into_iter().take(chunk.len().saturating_add(1)) {
            out.push(sextet_char(((bits >> shift) & 0x3f) as u8));
        }
    }
    out
}

/// Strict RFC 4648 base64url without padding: `NotBase64` with the offset
/// of the first character outside the alphabet, `Truncated` for a dangling
/// last character (a length of 4n + 1), `Corrupt` when the unused bits of
/// the last character are not zero. Public for the tests.
pub fn decode(text: &str) -> Result<Vec<u8>, LinkError> {
    let decoded = decode_lenient(text).map_err(|position| LinkError::NotBase64 { position })?;
    if text.len() % 4 == 1 {
        Err(LinkError::Truncated)
    } else if !decoded.canonical {
        Err(LinkError::Corrupt)
    } else {
        Ok(decoded.bytes)
    }
}

pub(super) struct Base64 {
    pub(super) bytes: Vec<u8>,
    /// False when a last character dangles or its unused bits are not zero.
    pub(super) canonical: bool,
}

/// Every whole byte the text encodes; `Err` is the offset of the first
/// character outside the alphabet.
pub(super) fn decode_lenient(text: &str) -> Result<Base64, usize> {
    let mut bytes = Vec::with_capacity((text.len() / 4).saturating_mul(3).saturating_add(2));
    // `bits` holds `pending` (0, 2, 4 or 6) bits not yet output.
    let mut bits: u32 = 0;
    let mut pending: u32 = 0;
    for (i, c) in text.bytes().enumerate() {
        let v = char_sextet(c).ok_or(i)?;
        bits = (bits << 6) | u32::from(v);
        if pending >= 2 {
            pending -= 2;
            bytes.push((bits >> pending) as u8);
            bits &= (1u32 << pending) - 1;
        } else {
            pending += 6;
        }
    }
    Ok(Base64 { bytes, canonical: pending < 6 && bits == 0 })
}

fn sextet_char(v: u8) -> char {
    char::from(match v {
        0..=25 => b'A' + v,
        26..=51 => b'a' + (v - 26),
        52..=61 => b'0' + (v - 52),
        62 => b'-',
        _ => b'_',
    })
}

fn char_sextet(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'-' => Some(62),
        b'_' => Some(63),
        _ => None,
    }
}
