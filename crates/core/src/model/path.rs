//! Field paths: an input named in words a reader of the file knows.
//!
//! A segment's field is `<segment id>.<key>` (`ev.units`, `ev.multiple`,
//! `smartphones.growth_pct`), with the key of the spec's file format; a
//! group field is its spec name (`price`, `holding_discount_pct`,
//! `net_cash_bn`). Ids are unique and stable (`structure`), so a path names
//! one field for as long as its segment lives, wherever the segment moves:
//! the analysis views and their test hooks use paths, never indexes.

use super::field::Field;
use super::scenario::Scenario;

/// The path of `field` in `s`; None for a segment field of a segment `s`
/// does not have.
pub fn path_of(field: Field, s: &Scenario) -> Option<String> {
    match field {
        Field::Segment(i, f) => s.segments.get(i).map(|seg| format!("{}.{}", seg.id, f.json_key())),
        group => Some(group.json_key().to_string()),
    }
}

/// The field a path names in `s`: a group field by its spec name, a
/// segment field of a segment `s` has whose driver has it (the fields of
/// `Field::all`). None otherwise.
pub fn field_at(s: &Scenario, path: &str) -> Option<Field> {
    let (segment, key) = match path.split_once('.') {
        Some((id, key)) => (Some(s.segments.iter().position(|seg| seg.id == id)?), key),
        None => (None, path),
    };
    Field::all(s).into_iter().find(|f| f.segment() == segment && f.json_key() == key)
}
