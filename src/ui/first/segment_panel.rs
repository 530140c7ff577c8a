//! A segment's card: its structure tools, drivers, method and multiple, and
//! its value per share. Keyed by the segment's id (`ui::Page`): the card
//! follows its segment wherever it moves, and everything in it reads the
//! segment's place now (`AppState::segment_at`), so nothing is rebuilt
//! when the structure changes and focus stays where it was.

use super::number_field::NumberField;
use crate::display::per_share;
use crate::model::{Field, SegmentField};
use crate::ui::parts::{Lazy, LazyView, SavedView};
use crate::ui::state::AppState;
use leptos::prelude::*;

#[component]
pub fn SegmentPanel(state: AppState, id: String) -> impl IntoView {
    let lang = state.lang;
    let at = state.segment_at(id.clone());
    let name = Memo::new(move |_| {
        state.scenario.with(|s| {
            let seg = s.segments.get(at.get());
            seg.map(|seg| crate::text::shown_name(lang, &seg.id, &seg.name).to_string()).unwrap_or_default()
        })
    });
    let kind = Memo::new(move |_| {
        state.scenario.with(|s| s.segments.get(at.get()).map(|seg| seg.driver.driver_kind()))
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
                    .map(|v| per_share(lang, v.per_share_listing, &sh.scenario.listing_currency))
            })
        })
    });
    let field = move |f: SegmentField| Signal::derive(move || Field::Segment(at.get(), f));
    // The driver's fields follow its kind (a switch of kind changes them).
    let drivers = move || {
        kind.get().map(|k| {
            k.fields().iter().map(|&f| view! { <NumberField state field=field(f) /> }).collect_view()
        })
    };
    view! {
        <div class="segment-card" data-testid=format!("segment-card-{id}")>
            <details class="card segment" open data-testid=format!("panel-{id}")>
                <summary>
                    <h2 id=heading_id.clone()>{name}</h2>
                    <span class="card-worth">{worth}</span>
                </summary>
                <div class="card-body" role="group" aria-labelledby=heading_id>
                    // Name, driver kind, place and removal: the structure editor's (`saved`).
                    <Lazy state view=LazyView::Saved(SavedView::SegmentTools(at)) class="slot-tools" />
                    {drivers}
                    <NumberField state field=field(SegmentField::MarginPct) />
                    // The method select is a lazy part (its switch sets the
                    // multiple to match, `state::notes`).
                    <div class="method-host">
                        <Lazy state view=LazyView::Saved(SavedView::MethodPicker(at)) class="slot-method" />
                    </div>
                    <NumberField state field=field(SegmentField::Multiple) />
                </div>
            </details>
        </div>
    }
}
