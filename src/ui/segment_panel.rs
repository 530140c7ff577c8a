//! A segment's card: its structure tools, drivers, method and multiple, and
//! its value per share.

use super::number_field::NumberField;
use super::parts::{Lazy, LazyView, SavedView};
use super::state::AppState;
use crate::display::per_share;
use crate::model::{Field, SegmentField};
use leptos::prelude::*;

#[component]
pub fn SegmentPanel(state: AppState, index: usize) -> impl IntoView {
    // Fixed for the card's life: a rename builds the cards anew once it is
    // entered (`state::structure`), which is less code on the first load
    // than a heading that follows each keystroke.
    let (id, name, fields) = state.scenario.with_untracked(|s| match s.segments.get(index) {
        Some(seg) => {
            let mut fields: Vec<Field> =
                SegmentField::of_driver(&seg.driver).iter().map(|&f| Field::Segment(index, f)).collect();
            fields.push(Field::Segment(index, SegmentField::MarginPct));
            (seg.id.clone(), crate::text::shown_name(state.lang, &seg.id, &seg.name).to_string(), fields)
        }
        None => (String::new(), String::new(), Vec::new()),
    });
    let heading_id = format!("panel-{id}-title");
    let seg_id = id.clone();
    // The card header shows what this lever is worth, so the user sees which matters.
    let worth = Signal::derive(move || {
        state.shown.with(|shown| {
            shown.as_ref().and_then(|sh| {
                sh.valuation
                    .segments
                    .iter()
                    .find(|v| v.id == seg_id)
                    .map(|v| per_share(state.lang, v.per_share_listing, &sh.scenario.listing_currency))
            })
        })
    });
    view! {
        <div class="segment-card" data-testid=format!("segment-card-{id}")>
            <details class="card segment" open data-testid=format!("panel-{id}")>
                <summary>
                    <h2 id=heading_id.clone()>{name}</h2>
                    <span class="card-worth">{worth}</span>
                </summary>
                // Name, driver kind, place and removal come first, put in
                // by the method select's part (no slot of their own, which
                // would cost the first load a part per card).
                <div class="card-body" role="group" aria-labelledby=heading_id>
                    {fields.into_iter().map(|field| view! { <NumberField state field /> }).collect_view()}
                    // The method select is a lazy part (its switch sets the
                    // multiple to match, `state::notes`).
                    <div class="method-host">
                        <Lazy state view=LazyView::Saved(SavedView::MethodPicker(index)) class="slot-method" />
                    </div>
                    <NumberField state field=Field::Segment(index, SegmentField::Multiple) />
                </div>
            </details>
        </div>
    }
}
