//! The answer at the top: value per share against the price.

use super::state::AppState;
use crate::display::{per_share, signed_pct, verdict};
use leptos::prelude::*;
use rust_decimal::Decimal;

#[component]
pub fn Headline(state: AppState) -> impl IntoView {
    let shown = state.shown;
    let value = move || {
        shown.with(|s| {
            s.as_ref().map(|s| per_share(s.valuation.per_share_listing, &s.scenario.listing_currency))
        })
    };
    let upside = move || shown.with(|s| s.as_ref().map(|s| s.valuation.upside_pct));
    let price =
        move || shown.with(|s| s.as_ref().map(|s| per_share(s.scenario.price, &s.scenario.listing_currency)));
    let up = move || upside().is_some_and(|u| u >= Decimal::ZERO);
    let case = move || state.active_preset().map_or("Custom", |p| p.label());
    let sentence = move || {
        shown.with(|s| {
            s.as_ref().map(|s| {
                verdict(
                    case(),
                    s.valuation.per_share_listing,
                    s.scenario.price,
                    s.valuation.upside_pct,
                    &s.scenario.listing_currency,
                )
            })
        })
    };
    view! {
        <section class="headline" aria-label="Valuation summary">
            <div class="headline-row">
                <div class="headline-value">
                    <span class="caption">"Value per share"</span>
                    <strong class="big" data-testid="value-per-share">{value}</strong>
                </div>
                <div class="headline-price">
                    <span class="caption">"Price"</span>
                    <span class="price" data-testid="price">{price}</span>
                </div>
                <span class="badge" class:up=up class:down=move || !up()>
                    <span aria-hidden="true">{move || if up() { "\u{25B2} " } else { "\u{25BC} " }}</span>
                    <span data-testid="upside">{move || upside().map(signed_pct)}</span>
                    <span class="visually-hidden">{move || if up() { " upside" } else { " downside" }}</span>
                </span>
            </div>
            <p class="verdict" data-testid="verdict" aria-live="polite">{sentence}</p>
            <Show when=move || state.is_stale()>
                <p class="stale" role="status" data-testid="stale">
                    "Showing the last valid valuation until the marked fields are fixed."
                </p>
            </Show>
        </section>
    }
}
