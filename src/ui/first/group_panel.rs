//! The group's terms: shares, FX, years, cash, investments, discounts, buybacks.

use super::number_field::NumberField;
use crate::model::Field;
use crate::text::Key;
use crate::ui::state::AppState;
use leptos::prelude::*;

#[component]
pub fn GroupPanel(state: AppState) -> impl IntoView {
    let field = |f: Field| view! { <NumberField state field=f /> };
    view! {
        <details class="card group" open data-testid="panel-group">
            <summary>
                <h2 id="panel-group-title">{state.lang.t(Key::PanelGroup)}</h2>
            </summary>
            <div class="card-body" role="group" aria-labelledby="panel-group-title">
                {field(Field::SharesBn)}
                {field(Field::Fx)}
                {field(Field::BaseYear)}
                {field(Field::ValuationYear)}
                <p class="note" data-testid="net-cash-note">
                    {state.lang.t(Key::NetCashNote)}
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
