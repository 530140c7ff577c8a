//! The group's terms: shares, FX, years, cash, investments, discounts, buybacks.

use super::number_field::NumberField;
use super::state::AppState;
use crate::model::Field;
use leptos::prelude::*;

#[component]
pub fn GroupPanel(state: AppState) -> impl IntoView {
    let field = |f: Field| view! { <NumberField state field=f /> };
    view! {
        <details class="card group" open data-testid="panel-group">
            <summary>
                <h2 id="panel-group-title">"Group"</h2>
            </summary>
            <div class="card-body" role="group" aria-labelledby="panel-group-title">
                {field(Field::SharesBn)}
                {field(Field::Fx)}
                {field(Field::BaseYear)}
                {field(Field::ValuationYear)}
                <p class="note" data-testid="net-cash-note">
                    "Net cash is 0 by default: a P/E value is already equity value and includes the earnings on cash, so adding the cash too would count it twice. Enter it when the core is valued on EV/EBIT or EV/Sales."
                </p>
                {field(Field::NetCashBn)}
                {field(Field::InvestmentsBn)}
                {field(Field::InvestmentsDiscountPct)}
                {field(Field::OtherBn)}
                {field(Field::HoldingDiscountPct)}
                {field(Field::BuybackListingBn)}
            </div>
        </details>
    }
}
