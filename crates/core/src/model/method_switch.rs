//! What a segment's multiple becomes when its method changes.
//!
//! A multiple means something only with its method: 3x sales is not 3x
//! profit. So a switch never keeps a multiple that now means something
//! else. Between methods on the same line (P/E and EV/EBIT both multiply
//! the segment's profit) the multiple stays. Across lines it goes back to
//! the one the user had with that method, if any, or else becomes the
//! multiple that gives the segment about the same value, which the user
//! then changes knowingly. The page says which happened.

use super::scenario::{Method, Segment};
use rust_decimal::{Decimal, RoundingStrategy};

/// The line a method multiplies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    Profit,
    Revenue,
}

impl Method {
    pub fn basis(self) -> Basis {
        match self {
            Method::Pe | Method::EvEbit => Basis::Profit,
            Method::EvSales => Basis::Revenue,
        }
    }
}

/// What happened to the multiple in a method switch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MultipleChange {
    /// Same line (P/E and EV/EBIT): the multiple stays, and so does the value.
    Kept { multiple: Decimal },
    /// Back to the multiple the user had with this method before.
    Recalled { multiple: Decimal },
    /// The multiple giving about the same value as `from` did with `from_method`.
    Equivalent { multiple: Decimal, from: Decimal, from_method: Method },
    /// At a margin of 0 or below no multiple keeps the value: it stays as it
    /// was, for the user to set.
    NoEquivalent { multiple: Decimal },
}

/// The multiples a user had with each method, per segment id, so that a
/// switch back recalls the one they had (`switch_method`'s `recalled`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MultipleMemory(Vec<(String, Method, Decimal)>);

impl MultipleMemory {
    /// Remembers `multiple` as segment `id`'s with `method` (the last wins).
    pub fn remember(&mut self, id: &str, method: Method, multiple: Decimal) {
        self.0.retain(|(i, m, _)| !(i == id && *m == method));
        self.0.push((id.to_string(), method, multiple));
    }

    /// The multiple segment `id` last had with `method`, if any.
    pub fn recall(&self, id: &str, method: Method) -> Option<Decimal> {
        self.0.iter().find(|(i, m, _)| i == id && *m == method).map(|(_, _, x)| *x)
    }

    /// Switches `seg` to `to` as `switch_method` does, recalling the
    /// multiple it had with `to` and remembering the one it leaves.
    pub fn switch(&mut self, seg: &mut Segment, to: Method) -> Option<MultipleChange> {
        let (from, left) = (seg.method, seg.multiple);
        let change = switch_method(seg, to, self.recall(&seg.id, to))?;
        self.remember(&seg.id, from, left);
        Some(change)
    }
}

impl MultipleChange {
    /// The multiple the segment has after the switch.
    pub fn multiple(self) -> Decimal {
        match self {
            MultipleChange::Kept { multiple }
            | MultipleChange::Recalled { multiple }
            | MultipleChange::Equivalent { multiple, .. }
            | MultipleChange::NoEquivalent { multiple } => multiple,
        }
    }
}

/// Switches `seg` to method `to`, setting its multiple as the module says.
/// `recalled` is the multiple the user had with `to` for this segment, if
/// any. `None` when `to` is already the method.
pub fn switch_method(seg: &mut Segment, to: Method, recalled: Option<Decimal>) -> Option<MultipleChange> {
    let from_method = seg.method;
    if from_method == to {
        return None;
    }
    let from = seg.multiple;
    let change = if from_method.basis() == to.basis() {
        MultipleChange::Kept { multiple: from }
    } else if let Some(multiple) = recalled {
        MultipleChange::Recalled { multiple }
    } else {
        match equivalent(from, seg.margin_pct, to.basis()) {
            Some(multiple) => MultipleChange::Equivalent { multiple, from, from_method },
            None => MultipleChange::NoEquivalent { multiple: from },
        }
    };
    seg.method = to;
    seg.multiple = change.multiple();
    Some(change)
}

/// The multiple on the `to` line worth what `multiple` is on the other:
/// profit is revenue x margin / 100, so a sales multiple m is m x 100 /
/// margin on profit, and back. Rounded as a person would type it (one
/// decimal, or three significant figures below 1); `None` at a margin of 0
/// or below, or where it would overflow.
pub fn equivalent(multiple: Decimal, margin_pct: Decimal, to: Basis) -> Option<Decimal> {
    if margin_pct <= Decimal::ZERO {
        return None;
    }
    let exact = match to {
        Basis::Profit => multiple.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(margin_pct)?,
        Basis::Revenue => multiple.checked_mul(margin_pct)?.checked_div(Decimal::ONE_HUNDRED)?,
    };
    let rounded = if exact >= Decimal::ONE {
        exact.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
    } else {
        exact.round_sf_with_strategy(3, RoundingStrategy::MidpointAwayFromZero)?
    };
    Some(rounded.normalize())
}
