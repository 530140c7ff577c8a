//! The structure editor's words: driver kinds and methods with their one
//! line, what a kind switch dropped, refusals, and what a company lacks.

use super::{EditorKey, Lang};
use crate::model::structure::{Missing, StructureError};
use crate::model::{DriverKind, Method, Problem, SegmentField};

/// A driver kind's name, as the kind picker offers it (Compare's words).
pub fn kind(lang: Lang, kind: DriverKind) -> &'static str {
    use super::CompareKey as C;
    lang.t(match kind {
        DriverKind::Units => C::DriverUnits,
        DriverKind::UnitsGrowth => C::DriverUnitsGrowth,
        DriverKind::Revenue => C::DriverRevenue,
        DriverKind::RevenueGrowth => C::DriverRevenueGrowth,
    })
}

/// A driver kind in one line: how it makes the valuation-year revenue.
pub fn kind_help(lang: Lang, kind: DriverKind) -> &'static str {
    lang.t(match kind {
        DriverKind::Units => EditorKey::HelpUnits,
        DriverKind::UnitsGrowth => EditorKey::HelpUnitsGrowth,
        DriverKind::Revenue => EditorKey::HelpRevenue,
        DriverKind::RevenueGrowth => EditorKey::HelpRevenueGrowth,
    })
}

/// A method in one line: what it multiplies, and what value it gives.
pub fn method_help(lang: Lang, method: Method) -> &'static str {
    lang.t(match method {
        Method::Pe => EditorKey::HelpPe,
        Method::EvEbit => EditorKey::HelpEvEbit,
        Method::EvSales => EditorKey::HelpEvSales,
    })
}

/// A driver field as a kind switch names it among what it dropped.
fn field_noun(lang: Lang, field: SegmentField) -> &'static str {
    use SegmentField as F;
    lang.t(match field {
        F::Units => EditorKey::FieldUnits,
        F::BaseUnits => EditorKey::FieldBaseUnits,
        F::Asp => EditorKey::FieldAsp,
        F::GrowthPct => EditorKey::FieldGrowth,
        F::RevenueBn | F::MarginPct | F::Multiple => EditorKey::FieldRevenue,
        F::BaseRevenueBn => EditorKey::FieldBaseRevenue,
    })
}

/// What a kind switch of `segment` to `to` did not keep as entered.
pub fn dropped(lang: Lang, segment: &str, to: DriverKind, fields: &[SegmentField]) -> String {
    let fields: Vec<&str> = fields.iter().map(|&f| field_noun(lang, f)).collect();
    let list = fields.join(lang.t(super::NoticeKey::ListSeparator));
    lang.f(EditorKey::Dropped, &[("segment", segment), ("kind", kind(lang, to)), ("fields", &list)])
}

/// Why a text of the editor (a name) was not taken: its rule.
pub fn text_rule(lang: Lang, problem: &Problem) -> String {
    let max = match problem {
        Problem::Length { max, .. } => *max,
        _ => crate::model::validate::MAX_NAME_CHARS,
    };
    lang.f(EditorKey::TextRule, &[("max", &max.to_string())])
}

/// A problem with what it is about: "Ticker: must be 1 to 80 characters".
pub fn about(lang: Lang, subject: &str, problem: &str) -> String {
    lang.f(super::Key::IssueLine, &[("subject", subject), ("problem", problem)])
}

/// Why a structure edit was refused.
pub fn refused(lang: Lang, why: &StructureError) -> String {
    match why {
        StructureError::TooMany { max } => lang.f(EditorKey::RefusedTooMany, &[("max", &max.to_string())]),
        StructureError::LastSegment => lang.t(EditorKey::RefusedLast).to_string(),
        StructureError::Name(problem) => {
            lang.f(EditorKey::RefusedName, &[("rule", &text_rule(lang, problem))])
        }
        StructureError::UnitLabel(problem) => {
            about(lang, lang.t(EditorKey::UnitLabel), &text_rule(lang, problem))
        }
        StructureError::NoSegment { .. } | StructureError::AtTheEnd { .. } => {
            lang.t(EditorKey::RefusedPlace).to_string()
        }
    }
}

/// One thing a company still lacks.
pub fn missing(lang: Lang, what: Missing) -> &'static str {
    lang.t(match what {
        Missing::CompanyName => EditorKey::MissingCompanyName,
        Missing::ReportingCurrency => EditorKey::MissingReporting,
        Missing::ListingCurrency => EditorKey::MissingListing,
        Missing::Fx => EditorKey::MissingFx,
        Missing::Price => EditorKey::MissingPrice,
        Missing::Shares => EditorKey::MissingShares,
        Missing::SegmentWithMultiple => EditorKey::MissingSegment,
    })
}

/// The browser tab's title: Xiaomi's for its shape, else the company's
/// name, or "New company" while it has none.
pub fn page_title(lang: Lang, s: &crate::model::Scenario) -> String {
    if crate::model::presets::is_xiaomi_shaped(s) {
        return lang.t(super::Key::PageTitle).to_string();
    }
    let name = s.company.name.trim();
    let name = if name.is_empty() { lang.t(EditorKey::NewCompany) } else { name };
    lang.f(EditorKey::PageTitleOf, &[("company", name)])
}
