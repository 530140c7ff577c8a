//! Share links: the whole scenario in a URL fragment.
//!
//! "Copy link" puts `<page>#s1.<payload>` on the clipboard. Everything after
//! `#` stays in the browser (a fragment is never sent to a server), so the
//! scenario travels inside the link itself. This module is the only place
//! that writes or reads that fragment: [`encode`] and [`decode`], plus
//! [`is_link`] so the app can leave unrelated fragments alone.
//!
//! # The fragment
//!
//! ```text
//! s1.<base64url>
//! ```
//!
//! - `s1.` is the format tag: `s`, the format version in decimal, `.`.
//!   A version this build does not know gives [`LinkError::UnknownVersion`];
//!   links of every version that was ever written keep decoding forever
//!   (tests/links/v1.txt is the corpus that holds this build to that).
//! - `<base64url>` is RFC 4648 section 5 base64 (`A-Z a-z 0-9 - _`) without
//!   padding, read strictly: any other character, a dangling last character
//!   or non-zero unused bits in the last character are refused.
//!   A leading `#` is accepted and ignored; nothing else (no whitespace).
//! - The whole fragment is at most [`MAX_LINK_CHARS`] characters (not
//!   counting `#`); a longer one is refused before any other work.
//!
//!
//! The payload of each version is its module's: [`v1`] documents version 1
//! byte by byte. `wire` holds the primitives (LEB128, text, year, decimal),
//! `base64url` and `crc32` the rest.
//!
//! The Base preset makes a 305-character fragment (tests/link_codec.rs
//! measures each preset).
//!
//! Version 2 (`s2.`, [`v2`]) adds a scenario's Monte Carlo set-up after
//! version 1's payload; SOTP writes it only for a scenario that has one
//! ([`encode_with`]), and the `s1.` reader stays as it is.

//! Only [`encode`], [`decode`] and [`is_link`] (and their `_with` forms)
//! reach a version's format: `v1` and `v2` are private, so another module
//! that names one does not compile (error E0603; planted here):
//!
//! ```compile_fail,E0603
//! use sotp_core::link::v1;
//! let _ = v1::decode("AAAA");
//! ```

mod base64url;
mod crc32;
mod v1;
mod v2;
mod wire;

use crate::analysis::monte_carlo::Uncertainty;
use crate::model::{Issue, Scenario};

pub use base64url::{decode as base64url_decode, encode as base64url_encode};
pub use crc32::crc32;
// What a damaged Monte Carlo set-up of a version-2 link is (`decode_with`).
pub use v2::BlockError;

/// The longest fragment [`decode`] reads, in characters, without `#`.
pub const MAX_LINK_CHARS: usize = 16 * 1024;

/// Why a fragment is not a scenario (`crate::text` says it in words).
#[derive(Clone, Debug, PartialEq)]
pub enum LinkError {
    /// Longer than [`MAX_LINK_CHARS`]; `chars` is its length without `#`.
    TooLong { chars: usize },
    /// A format tag this build does not know, such as `s7`.
    UnknownVersion { tag: String },
    /// A character outside base64url. `position` counts characters from the
    /// start of the fragment without `#`, from 0 (`s1.` is 0 to 2).
    NotBase64 { position: usize },
    /// The link ends before its data does: it was cut off.
    Truncated,
    /// The data fails its checksum or length: characters were changed.
    Corrupt,
    /// Not a share link this build can read: no format tag, or data that
    /// passes its checksum but not the layout.
    Malformed(Malformed),
    /// The scenario decodes but breaks the spec's rules.
    Invalid(Vec<Issue>),
}

/// What is wrong with a link's layout. `at` is the field being read, named
/// by its path in the scenario file (`segments[0].driver.kind`), so that it
/// reads the same in every language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Malformed {
    /// It does not begin with a format tag such as `s1.`.
    NoTag,
    /// A format tag of more than 9 digits.
    TagTooLong,
    /// A tag SOTP never writes, such as `s01`.
    TagNotWritten {
        tag: String,
    },
    /// The data ends while `at` is read.
    EndsAt {
        at: String,
    },
    TooLarge {
        at: String,
    },
    /// A number not written in its shortest form.
    NotShortest {
        at: String,
    },
    /// A text longer than the rest of the link.
    LongerThanLink {
        at: String,
    },
    NotUtf8 {
        at: String,
    },
    UnknownFlags {
        at: String,
    },
    TooManyDecimals {
        at: String,
    },
    /// A code (driver kind, method, flag) this format does not have.
    UnknownCode {
        at: String,
        code: u8,
    },
    /// Bytes left over after the scenario.
    Trailing {
        bytes: usize,
    },
}

/// The fragment payload, without '#': "s1." followed by base64url (no padding),
/// in the newest format.
///
/// Any scenario encodes; one whose link exceeds [`MAX_LINK_CHARS`] (only
/// possible with texts thousands of characters long) is refused by
/// [`decode`] as too long, so check the length before offering the link.
pub fn encode(s: &Scenario) -> String {
    v1::encode(s)
}

/// The fragment of a scenario with its Monte Carlo set-up: version 2 when
/// there is one, else exactly [`encode`]'s version 1.
pub fn encode_with(s: &Scenario, setup: Option<&Uncertainty>) -> String {
    match setup {
        Some(u) => v2::encode(s, u),
        None => v1::encode(s),
    }
}

/// Accepts the fragment with or without a leading '#'. Returns a scenario
/// that passes model::validate; a version-2 link's set-up is left unread
/// here ([`decode_with`] reads it). Every format version ever written is
/// read here, each by its own module.
pub fn decode(fragment: &str) -> Result<Scenario, LinkError> {
    let t = tagged(fragment)?;
    let scenario = match t.version {
        v1::VERSION => v1::decode(t.data, t.data_start)?,
        v2::VERSION => v2::decode_scenario(t.data, t.data_start)?,
        _ => return Err(t.unknown()),
    };
    valid(scenario)
}

/// [`decode`], with the set-up of a version-2 link: the set-up checked
/// against the scenario, or what is wrong with it (the scenario opens
/// either way). Version 1 links have none.
pub fn decode_with(fragment: &str) -> Result<v2::Decoded, LinkError> {
    let t = tagged(fragment)?;
    let (scenario, setup) = match t.version {
        v1::VERSION => (v1::decode(t.data, t.data_start)?, None),
        v2::VERSION => v2::decode(t.data, t.data_start)?,
        _ => return Err(t.unknown()),
    };
    let scenario = valid(scenario)?;
    let setup = setup.map(|read| {
        let u = read?;
        let found = u.check(&scenario);
        if found.is_empty() {
            Ok(u)
        } else {
            Err(v2::BlockError::Invalid(found))
        }
    });
    Ok((scenario, setup))
}

/// A fragment's tag read: its version and digits, the data after it and
/// where that starts (in characters, without '#').
struct Tagged<'a> {
    version: u32,
    digits: &'a str,
    data: &'a str,
    data_start: usize,
}

impl Tagged<'_> {
    /// The error for a version this build does not read.
    fn unknown(&self) -> LinkError {
        LinkError::UnknownVersion { tag: format!("s{}", self.digits) }
    }
}

/// The tag of a fragment with or without '#'.
fn tagged(fragment: &str) -> Result<Tagged<'_>, LinkError> {
    let f = fragment.strip_prefix('#').unwrap_or(fragment);
    if f.len() > MAX_LINK_CHARS {
        // Bytes bound characters from above; count only when it may matter.
        let chars = f.chars().count();
        if chars > MAX_LINK_CHARS {
            return Err(LinkError::TooLong { chars });
        }
    }
    let Some((digits, data)) = split_tag(f) else {
        return Err(LinkError::Malformed(Malformed::NoTag));
    };
    // The tag is ASCII, so its length in bytes is its length in characters.
    Ok(Tagged { version: version(digits)?, digits, data, data_start: digits.len().saturating_add(2) })
}

fn valid(scenario: Scenario) -> Result<Scenario, LinkError> {
    let issues = crate::model::validate(&scenario);
    if issues.is_empty() {
        Ok(scenario)
    } else {
        Err(LinkError::Invalid(issues))
    }
}

/// True when a fragment looks like a share link at all (starts with "s" + digits + "."), so the app can ignore unrelated fragments.
pub fn is_link(fragment: &str) -> bool {
    split_tag(fragment.strip_prefix('#').unwrap_or(fragment)).is_some()
}

/// `s<digits>.<rest>` as `(digits, rest)`.
fn split_tag(f: &str) -> Option<(&str, &str)> {
    let after_s = f.strip_prefix('s')?;
    let digits_len = after_s.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = after_s.split_at_checked(digits_len)?;
    let rest = rest.strip_prefix('.')?;
    (!digits.is_empty()).then_some((digits, rest))
}

/// The version number of a tag's digits; a tag SOTP never writes (leading
/// zero, too long) is malformed.
fn version(digits: &str) -> Result<u32, LinkError> {
    if digits.len() > 9 {
        return Err(LinkError::Malformed(Malformed::TagTooLong));
    }
    if digits.starts_with('0') {
        return Err(LinkError::Malformed(Malformed::TagNotWritten { tag: format!("s{digits}") }));
    }
    digits.parse::<u32>().map_err(|_| LinkError::UnknownVersion { tag: format!("s{digits}") })
}
