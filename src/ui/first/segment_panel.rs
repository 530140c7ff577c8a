//! A segment's card: its drivers, method and multiple, its value per
//! share, and its structure tools last. Keyed by the segment's id (`first::page`): the card
//! follows its segment wherever it moves and reads the segment's place now
//! (`AppState::segment_at`), so a structure edit leaves it, its heading
//! and its tools (and focus) where they are.

use super::number_field::NumberField;
use crate::display::per_share;
use crate::model::{DriverKind, Field, SegmentField};
use crate::ui::parts::{Lazy, LazyView, SavedView};
use crate::ui::state::AppState;
use leptos::prelude::*;

#[component]
pub fn SegmentPanel(state: AppState, id: String) -> impl IntoView {
    let lang = state.lang;
    let at = state.segment_at(id.clone());
    let name = move || state.segment_name(at.get());
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
                    .map(|v| per_share(lang, v.per_share_listing, &sh.scenario.listing_currency))
            })
        })
    });
    // The inputs are of the segment's fields at its place now: built anew
    // when it moves or changes driver kind (each is then another `Field`),
    // while the card, its heading and its tools stay.
    let place = Memo::new(move |_| {
        let index = at.get();
        (index, state.scenario.with(|s| s.segments.get(index).map(|seg| seg.driver.driver_kind())))
    });
    let inputs = move |fields: fn(DriverKind) -> Vec<SegmentField>| {
        move || {
            let (index, kind) = place.get();
            kind.map(|k| {
                fields(k)
                    .into_iter()
                    .map(|f| view! { <NumberField state field=Field::Segment(index, f) /> })
                    .collect_view()
            })
        }
    };
    let drivers = inputs(|k| k.fields().iter().copied().chain([SegmentField::MarginPct]).collect());
    let multiple = inputs(|_| vec![SegmentField::Multiple]);
    view! {
        <div class="segment-card" data-testid=format!("segment-card-{id}")>
            <details class="card segment" open data-testid=format!("panel-{id}")>
                <summary>
                    <h2 id=heading_id.clone()>{name}</h2>
                    <span class="card-worth">{worth}</span>
                </summary>
                <div class="card-body" role="group" aria-labelledby=heading_id>
                    {drivers}
                    // The method select is a lazy part (its switch sets the
                    // multiple to match, `state::notes`).
                    <div class="method-host">
                        <Lazy state view=LazyView::Saved(SavedView::MethodPicker(at)) class="slot-method" />
                    </div>
                    {multiple}
                    // Name, driver kind, place and removal, after the
                    // assumptions and shown while the structure is edited:
                    // the structure editor's (`saved`).
                    <Lazy state view=LazyView::Saved(SavedView::SegmentTools(at)) class="slot-tools" />
                </div>
            </details>
        </div>
    }
}
