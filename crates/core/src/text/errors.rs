//! The errors of the other modules in words: storage, weights, links and
//! damaged saved entries.

use super::issues::{found, json_kind};
use super::*;

pub fn storage_error(lang: Lang, e: &StorageError) -> String {
    match e {
        StorageError::Unavailable => lang.t(NoticeKey::StorageUnavailable).to_string(),
        StorageError::Full => lang.t(NoticeKey::StorageFull).to_string(),
        // The browser's own words, quoted.
        StorageError::Failed(why) => lang.f(NoticeKey::StorageFailed, &[("why", why)]),
    }
}

/// A scenario by its name in quotes, or by its place when it has none.
fn scenario_name(lang: Lang, index: usize, name: &str) -> String {
    if name.is_empty() {
        lang.f(CompareKey::WeightScenarioN, &[("n", &n(index.saturating_add(1)))])
    } else {
        format!("\u{201C}{name}\u{201D}")
    }
}

pub fn weight_error(lang: Lang, e: &WeightError) -> String {
    match e {
        WeightError::Total { sum } => {
            lang.f(CompareKey::WeightTotal, &[("sum", &crate::display::up_to(lang, *sum, 1, 28))])
        }
        WeightError::Negative { index, name } => {
            lang.f(CompareKey::WeightNegative, &[("name", &scenario_name(lang, *index, name))])
        }
        WeightError::Currency => lang.t(CompareKey::WeightCurrency).to_string(),
        WeightError::NotValued { index, name } => {
            lang.f(CompareKey::WeightNotValued, &[("name", &scenario_name(lang, *index, name))])
        }
        WeightError::Unreadable { title, error, .. } => {
            lang.f(CompareKey::WeightUnreadable, &[("title", title), ("problem", number_error(lang, *error))])
        }
    }
}

pub fn link_error(lang: Lang, e: &LinkError) -> String {
    match e {
        LinkError::TooLong { chars } => {
            lang.f(NoticeKey::LinkTooLong, &[("chars", &n(chars)), ("max", &n(MAX_LINK_CHARS))])
        }
        LinkError::UnknownVersion { tag } => lang.f(NoticeKey::LinkUnknownVersion, &[("tag", tag)]),
        LinkError::NotBase64 { position } => {
            lang.f(NoticeKey::LinkNotBase64, &[("n", &n(position.saturating_add(1)))])
        }
        LinkError::Truncated => lang.t(NoticeKey::LinkTruncated).to_string(),
        LinkError::Corrupt => lang.t(NoticeKey::LinkCorrupt).to_string(),
        LinkError::Malformed(m) => lang.f(NoticeKey::LinkMalformed, &[("what", &malformed(lang, m))]),
        LinkError::Invalid(list) => lang.f(NoticeKey::LinkInvalid, &[("issues", &issues(lang, list))]),
    }
}

fn malformed(lang: Lang, m: &Malformed) -> String {
    let at = |key, at: &str| lang.f(key, &[("at", at)]);
    match m {
        Malformed::NoTag => lang.t(NoticeKey::MalformedNoTag).to_string(),
        Malformed::TagTooLong => lang.t(NoticeKey::MalformedTagTooLong).to_string(),
        Malformed::TagNotWritten { tag } => lang.f(NoticeKey::MalformedTagNotWritten, &[("tag", tag)]),
        Malformed::EndsAt { at: a } => at(NoticeKey::MalformedEndsAt, a),
        Malformed::TooLarge { at: a } => at(NoticeKey::MalformedTooLarge, a),
        Malformed::NotShortest { at: a } => at(NoticeKey::MalformedNotShortest, a),
        Malformed::LongerThanLink { at: a } => at(NoticeKey::MalformedLongerThanLink, a),
        Malformed::NotUtf8 { at: a } => at(NoticeKey::MalformedNotUtf8, a),
        Malformed::UnknownFlags { at: a } => at(NoticeKey::MalformedUnknownFlags, a),
        Malformed::TooManyDecimals { at: a } => at(NoticeKey::MalformedTooManyDecimals, a),
        Malformed::UnknownCode { at, code } => {
            lang.f(NoticeKey::MalformedUnknownCode, &[("at", at), ("code", &n(code))])
        }
        Malformed::Trailing { bytes: 1 } => lang.t(NoticeKey::MalformedTrailingByte).to_string(),
        Malformed::Trailing { bytes } => lang.f(NoticeKey::MalformedTrailingBytes, &[("bytes", &n(bytes))]),
    }
}

/// Why a saved entry does not read, in sentences.
pub fn damage(lang: Lang, d: &Damage) -> String {
    let current = n(SCHEMA);
    match d {
        Damage::ForeignKey { key } => lang.f(NoticeKey::DamageForeignKey, &[("key", key)]),
        Damage::BadId { id } => lang.f(NoticeKey::DamageBadId, &[("id", id), ("max", &n(MAX_ID_LEN))]),
        Damage::Empty => lang.t(NoticeKey::DamageEmpty).to_string(),
        Damage::NotJson { line, column } => {
            lang.f(NoticeKey::DamageNotJson, &[("line", &n(line)), ("column", &n(column))])
        }
        Damage::NotObject(kind) => lang.f(NoticeKey::DamageNotObject, &[("kind", json_kind(lang, *kind))]),
        Damage::NoSchema => lang.t(NoticeKey::DamageNoSchema).to_string(),
        Damage::SchemaNotWhole(f) => {
            lang.f(NoticeKey::DamageSchemaNotWhole, &[("schema", &current), ("found", &found(lang, f))])
        }
        Damage::Unreadable { schema, problems } => {
            let list: Vec<String> = problems.iter().map(|p| entry_problem(lang, p)).collect();
            lang.f(
                NoticeKey::DamageUnreadable,
                &[("schema", &n(schema)), ("problems", &list.join(lang.t(NoticeKey::ListSeparator)))],
            )
        }
        Damage::NewerSchema { schema } => {
            lang.f(NoticeKey::DamageNewerSchema, &[("schema", &n(schema)), ("current", &current)])
        }
        Damage::UnknownSchema { schema } => {
            lang.f(NoticeKey::DamageUnknownSchema, &[("schema", &n(schema)), ("current", &current)])
        }
    }
}

fn entry_problem(lang: Lang, p: &EntryProblem) -> String {
    match p {
        EntryProblem::IdMismatch { id, key_id } => {
            lang.f(NoticeKey::EntryIdMismatch, &[("id", id), ("key_id", key_id)])
        }
        EntryProblem::Field { key, problem: p } => {
            lang.f(NoticeKey::EntryField, &[("key", key), ("problem", &problem(lang, p))])
        }
        EntryProblem::Scenario(list) => lang.f(NoticeKey::EntryScenario, &[("issues", &issues(lang, list))]),
    }
}
