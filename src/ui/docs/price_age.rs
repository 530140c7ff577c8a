//! How old the price is, beside its date in the masthead (`docs` chunk):
//! "377 days ago", and past a week a calm note with a way to the field.
//! Lazy because it needs today's date, which the first screen rendered at
//! build time cannot know.

use crate::calendar::{days_since, PRICE_OLD_AFTER_DAYS};
use crate::labels::dom_id;
use crate::model::Field;
use crate::text::ExplainKey;
use crate::ui::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Today in the reader's time zone, as (year, month, day).
fn today() -> (i64, i64, i64) {
    let now = js_sys::Date::new_0();
    (now.get_full_year().into(), i64::from(now.get_month()) + 1, now.get_date().into())
}

#[component]
pub fn PriceAge(state: AppState) -> impl IntoView {
    let lang = state.lang;
    // The age of the preset's or file's price, while it is the one on
    // screen (a price the user typed is "your price": it has no date).
    let days = Memo::new(move |_| {
        let price = state.scenario.with(|s| (s.price, s.price_date.clone()));
        let theirs = state.baseline.with(|b| b.price == price.0);
        price.1.filter(|_| theirs).and_then(|d| days_since(&d, today()))
    });
    let age = move || {
        days.get().filter(|d| *d >= 0).map(|d| match d {
            0 => lang.t(ExplainKey::PriceAgeToday).to_string(),
            1 => lang.t(ExplainKey::PriceAgeOneDay).to_string(),
            _ => lang.f(ExplainKey::PriceAgeDays, &[("days", &d.to_string())]),
        })
    };
    let old = move || days.get().filter(|d| *d > PRICE_OLD_AFTER_DAYS);
    let to_field = move |_| {
        let field = document().get_element_by_id(&dom_id(Field::Price));
        if let Some(input) = field.and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            let _ = input.focus();
        }
    };
    view! {
        <span class="price-age" data-testid="price-age">{age}</span>
        {move || {
            old().map(|d| {
                view! {
                    <p class="price-old" role="note" data-testid="price-old">
                        {lang.f(ExplainKey::PriceOld, &[("days", &d.to_string())])}" "
                        <button type="button" class="link-button" on:click=to_field>
                            {lang.t(ExplainKey::PriceEnterToday)}
                        </button>
                    </p>
                }
            })
        }}
    }
}
