//! Share links, format version 2 (`s2.`): a scenario and its Monte Carlo
//! set-up (docs/extensions.md). SOTP writes version 2 only for a scenario
//! that has a set-up; every other link is still version 1, byte for byte.
//!
//! The base64url decodes to two payloads of version 1's form (length,
//! body, CRC-32), one after the other:
//!
//! ```text
//! payload   the scenario: exactly version 1's payload (v1.rs)
//! payload   the set-up:
//!   count     draws
//!   LEB128    seed, at most 64 bits
//!   count     number of uncertain inputs, then each:
//!     count     number of fields (at least 1), then each: text path
//!     byte      shape: 0 triangular, 1 uniform, 2 normal
//!     decimal   low
//!     decimal   mode
//!     decimal   high
//! ```
//!
//! Each payload has its own CRC, so a link whose set-up is damaged (cut
//! off, characters changed, a layout or a range that is wrong) still opens
//! its scenario: [`decode`] returns the scenario and says what is wrong
//! with the set-up. A damaged scenario payload is the whole link's error,
//! as in version 1.

use super::base64url::{decode_lenient, encode as base64url_encode, Base64};
use super::v1::{read_scenario, unwrap_payload, wrap, write_scenario, Reader, MAX_BODY_BITS};
use super::wire::{read_leb128, write_decimal, write_leb128, write_text, LebError};
use super::{LinkError, Malformed};
use crate::analysis::monte_carlo::{SetupIssue, Shape, Uncertain, Uncertainty};
use crate::model::Scenario;

/// The format version this module reads and writes.
pub const VERSION: u32 = 2;

/// What is wrong with a link's set-up (its scenario opened).
#[derive(Clone, Debug, PartialEq)]
pub enum BlockError {
    /// The set-up's bytes are cut off, changed or not in the layout.
    Damaged(LinkError),
    /// They read, but the set-up does not fit the scenario (by part).
    Invalid(Vec<SetupIssue>),
}

/// A link's scenario and, for version 2, its set-up or what is wrong with it.
pub type Decoded = (Scenario, Option<Result<Uncertainty, BlockError>>);

pub(super) fn encode(s: &Scenario, u: &Uncertainty) -> String {
    let mut scenario = Vec::with_capacity(256);
    write_scenario(&mut scenario, s);
    let mut payload = wrap(&scenario);
    payload.extend_from_slice(&wrap(&write_setup(u)));
    let mut out = format!("s{VERSION}.");
    out.push_str(&base64url_encode(&payload));
    out
}

fn write_setup(u: &Uncertainty) -> Vec<u8> {
    let mut out = Vec::with_capacity(128);
    write_leb128(&mut out, u128::from(u.draws));
    write_leb128(&mut out, u128::from(u.seed));
    write_leb128(&mut out, u.inputs.len() as u128);
    for input in &u.inputs {
        write_leb128(&mut out, input.paths.len() as u128);
        for p in &input.paths {
            write_text(&mut out, p);
        }
        out.push(input.shape.link_tag());
        for d in [input.low, input.mode, input.high] {
            write_decimal(&mut out, d);
        }
    }
    out
}

/// The scenario (not yet validated) and the set-up of the base64url `data`
/// after an `s2.` tag.
pub(super) fn decode(data: &str, data_start: usize) -> Result<Decoded, LinkError> {
    let (scenario, decoded, end) = scenario_payload(data, data_start)?;
    let second = decoded.bytes.get(end..).unwrap_or_default();
    let setup = unwrap_payload(second, decoded.canonical).and_then(read_setup).map_err(BlockError::Damaged);
    Ok((scenario, Some(setup)))
}

/// The scenario alone (not yet validated) of an `s2.` link, its set-up
/// left unread: what the page's link reader needs, without the set-up's.
pub(super) fn decode_scenario(data: &str, data_start: usize) -> Result<Scenario, LinkError> {
    Ok(scenario_payload(data, data_start)?.0)
}

/// The base64url of an `s2.` link decoded, the scenario of its first
/// payload, and where that payload ends in the bytes.
fn scenario_payload(data: &str, data_start: usize) -> Result<(Scenario, Base64, usize), LinkError> {
    let decoded = decode_lenient(data)
        .map_err(|at| LinkError::NotBase64 { position: data_start.saturating_add(at) })?;
    let end = payload_len(&decoded.bytes)?;
    let first = decoded.bytes.get(..end).ok_or(LinkError::Truncated)?;
    let scenario = read_scenario(unwrap_payload(first, true)?)?;
    Ok((scenario, decoded, end))
}

/// The length in bytes of the payload at the start of `bytes` (length
/// prefix, body, CRC), when all of it is there.
fn payload_len(bytes: &[u8]) -> Result<usize, LinkError> {
    let (length, rest) = match read_leb128(bytes, MAX_BODY_BITS) {
        Ok(read) => read,
        Err(LebError::Incomplete) => return Err(LinkError::Truncated),
        Err(LebError::TooWide | LebError::NotMinimal) => return Err(LinkError::Corrupt),
    };
    let prefix = bytes.len().saturating_sub(rest.len());
    let total = usize::try_from(length).ok().and_then(|l| l.checked_add(prefix)?.checked_add(4));
    match total {
        Some(t) if t <= bytes.len() => Ok(t),
        Some(_) => Err(LinkError::Truncated),
        None => Err(LinkError::Corrupt),
    }
}

fn read_setup(body: &[u8]) -> Result<Uncertainty, LinkError> {
    let mut r = Reader { rest: body };
    let draws = u32::try_from(r.leb128(32, "monte_carlo.draws")?)
        .map_err(|_| LinkError::Malformed(Malformed::TooLarge { at: "monte_carlo.draws".into() }))?;
    let seed = u64::try_from(r.leb128(64, "monte_carlo.seed")?)
        .map_err(|_| LinkError::Malformed(Malformed::TooLarge { at: "monte_carlo.seed".into() }))?;
    let n = r.count("monte_carlo.inputs")?;
    if n > crate::analysis::monte_carlo::MAX_INPUTS {
        return Err(LinkError::Malformed(Malformed::TooLarge { at: "monte_carlo.inputs".into() }));
    }
    let mut inputs = Vec::with_capacity(n);
    for i in 0..n {
        let at = |what: &str| format!("monte_carlo.inputs[{i}].{what}");
        let fields = r.count(&at("fields"))?;
        if fields > crate::analysis::monte_carlo::MAX_INPUTS {
            return Err(LinkError::Malformed(Malformed::TooLarge { at: at("fields") }));
        }
        let paths = (0..fields).map(|_| r.text(&at("fields"))).collect::<Result<Vec<_>, _>>()?;
        let tag = r.byte(&at("shape"))?;
        let shape = Shape::from_link_tag(tag)
            .ok_or_else(|| LinkError::Malformed(Malformed::UnknownCode { at: at("shape"), code: tag }))?;
        let (low, mode, high) = (r.decimal(&at("low"))?, r.decimal(&at("mode"))?, r.decimal(&at("high"))?);
        inputs.push(Uncertain { paths, shape, low, mode, high });
    }
    if !r.rest.is_empty() {
        return Err(LinkError::Malformed(Malformed::Trailing { bytes: r.rest.len() }));
    }
    Ok(Uncertainty { draws, seed, inputs })
}
