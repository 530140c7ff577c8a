//! The answer at the top: value per share against the price.
//!
//! Reactive values are named `Signal::derive`s, which read better than
//! closures inline in the view.

use crate::display::{per_share, signed_pct};
use crate::text::verdict;
use crate::text::Key;
use crate::ui::state::AppState;
use leptos::prelude::*;
use rust_decimal::Decimal;

#[component]
pub fn Headline(state: AppState) -> impl IntoView {
    let shown = state.shown;
    let value = Signal::derive(move || {
        shown.with(|s| {
            s.as_ref()
                .map(|s| per_share(state.lang, s.valuation.per_share_listing, &s.scenario.listing_currency))
        })
    });
    let upside = Signal::derive(move || {
        shown.with(|s| s.as_ref().map(|s| signed_pct(state.lang, s.valuation.upside_pct)))
    });
    let price = Signal::derive(move || {
        shown.with(|s| {
            s.as_ref().map(|s| per_share(state.lang, s.scenario.price, &s.scenario.listing_currency))
        })
    });
    let up = Signal::derive(move || {
        shown.with(|s| s.as_ref().is_some_and(|s| s.valuation.upside_pct >= Decimal::ZERO))
    });
    let down = Signal::derive(move || !up.get());
    let arrow = Signal::derive(move || if up.get() { "\u{25B2} " } else { "\u{25BC} " });
    let lang = state.lang;
    let direction = Signal::derive(move || {
        format!(" {}", lang.t(if up.get() { Key::HiddenUpside } else { Key::HiddenDownside }))
    });
    let sentence = Signal::derive(move || {
        let case = state.active_preset();
        shown.with(|s| {
            let Some(s) = s else {
                // A blank company: nothing to say yet but what to do.
                return lang.t(Key::NoValueYet).to_string();
            };
            let v = &s.valuation;
            verdict(
                lang,
                case,
                v.per_share_listing,
                s.scenario.price,
                v.upside_pct,
                &s.scenario.listing_currency,
            )
        })
    });
    let stale = Signal::derive(move || state.is_stale());
    let none = Signal::derive(move || shown.with(Option::is_none));
    // "The last valid valuation" only when there is one to show.
    let fresh = Signal::derive(move || !stale.get() || none.get());
    view! {
        <section class="headline" id="summary" tabindex="-1" aria-label=lang.t(Key::ValuationSummary)>
            <div class="headline-row">
                <div class="headline-value">
                    <span class="caption">{lang.t(Key::RowValuePerShare)}</span>
                    // Marked while it is the last valid value, not the inputs'.
                    <strong class="big" class:last-valid=stale data-testid="value-per-share">{value}</strong>
                </div>
                <div class="headline-price">
                    <span class="caption">{lang.t(Key::CaptionPrice)}</span>
                    <span class="price" data-testid="price">{price}</span>
                </div>
                <span class="badge" class:up=up class:down=down hidden=none>
                    <span aria-hidden="true">{arrow}</span>
                    <span data-testid="upside">{upside}</span>
                    <span class="visually-hidden">{direction}</span>
                </span>
            </div>
            <p class="verdict" data-testid="verdict" aria-live="polite">{sentence}</p>
            <p class="stale" role="status" data-testid="stale" hidden=fresh>
                {lang.t(Key::StaleNote)}
            </p>
        </section>
    }
}
