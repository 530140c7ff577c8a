//! The grid and the charts, drawn after each edit: one effect reads what
//! they depend on and, once the edit's task is over (the headline on
//! screen), writes `text::drawing`'s markup into their places: the grid in
//! the next task, the charts in the one after. A newer edit cancels what
//! is not yet drawn. The headline never waits for them, nor the grid for
//! the charts.

use super::grid_controls::{AxisControls, Legend};
use super::grid_state::GridState;
use crate::analysis::sensitivity::Which;
use crate::text::drawing::{self, DrawingInput, Drawn, GRID_TITLE_ID};
use crate::text::ExplainKey;
use crate::ui::state::AppState;
use leptos::html::{Div, Ul, P};
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// Where a chart goes: its SVG and its values as text.
#[derive(Clone, Copy)]
struct Places {
    svg: NodeRef<Div>,
    lines: NodeRef<Ul>,
}

impl Places {
    fn new() -> Self {
        Places { svg: NodeRef::new(), lines: NodeRef::new() }
    }

    fn show(&self, drawn: Option<&Drawn>) {
        if let Some(el) = self.svg.get_untracked() {
            el.set_inner_html(drawn.map_or("", |d| d.svg.as_str()));
        }
        if let Some(el) = self.lines.get_untracked() {
            el.set_inner_html(drawn.map_or("", |d| d.lines.as_str()));
        }
    }
}

/// What a drawing is made from: the scenario on screen and the reader's
/// choices, read once per edit (in the effect, which so tracks them) and
/// moved into the tasks that draw.
struct Now {
    shown: crate::ui::state::Shown,
    keys: Vec<crate::model::Field>,
    x: crate::analysis::grid_choice::AxisChoice,
    y: crate::analysis::grid_choice::AxisChoice,
    percent: String,
}

impl Now {
    /// None while nothing values. The saved scenarios are tracked here
    /// (the football field draws them) but valued only by `saved`, in the
    /// charts' task: the grid does not wait for them.
    fn read(state: AppState, choices: GridState, percent: RwSignal<String>) -> Option<Now> {
        state.saved.library.track();
        let shown = state.shown.get()?;
        let keys = state.key_fields();
        let (x, y) = (choices.choice(Which::X), choices.choice(Which::Y));
        Some(Now { shown, keys, x, y, percent: percent.get() })
    }

    /// The reader's saved scenarios of this company, with their values.
    fn saved(&self, state: AppState) -> Vec<(String, rust_decimal::Decimal)> {
        let s = &self.shown.scenario;
        state.saved.library.with_untracked(|l| l.values_of(&s.company.ticker, &s.listing_currency))
    }

    fn input<'a>(&'a self, saved: &'a [(String, rust_decimal::Decimal)]) -> DrawingInput<'a> {
        DrawingInput {
            scenario: &self.shown.scenario,
            valuation: &self.shown.valuation,
            by_swing: &self.keys,
            x: &self.x,
            y: &self.y,
            percent: &self.percent,
            saved,
        }
    }

    /// The charts, the football field with the grid's `range`.
    fn charts(
        &self,
        state: AppState,
        range: Option<(rust_decimal::Decimal, rust_decimal::Decimal)>,
    ) -> drawing::ChartsDrawing {
        let saved = self.saved(state);
        drawing::charts(state.lang, &self.input(&saved), range)
    }
}

/// Writes `text` (or nothing) into a message's place.
fn say(place: NodeRef<P>, text: Option<&str>) {
    if let Some(el) = place.get_untracked() {
        el.set_text_content(text);
    }
}

#[component]
pub fn DrawnAnalysis(state: AppState, choices: GridState, percent: RwSignal<String>) -> impl IntoView {
    let lang = state.lang;
    let grid = NodeRef::<Div>::new();
    let grid_error = NodeRef::<P>::new();
    let tornado_error = NodeRef::<P>::new();
    let (tornado, waterfall, football) = (Places::new(), Places::new(), Places::new());

    let draw_charts = move |now: Option<Now>, range| {
        let d = now.map(|n| n.charts(state, range));
        say(tornado_error, d.as_ref().and_then(|d| d.tornado.as_ref().err()).map(String::as_str));
        tornado.show(d.as_ref().and_then(|d| d.tornado.as_ref().ok()));
        waterfall.show(d.as_ref().map(|d| &d.waterfall));
        football.show(d.as_ref().map(|d| &d.football));
    };
    let charts_pending = StoredValue::new(None::<TimeoutHandle>);
    // Inputs are read now (tracked); the drawing is made in later tasks.
    Effect::new(move |pending: Option<Option<TimeoutHandle>>| {
        for handle in [pending.flatten(), charts_pending.get_value()].into_iter().flatten() {
            handle.clear();
        }
        let now = Now::read(state, choices, percent);
        set_timeout_with_handle(
            move || {
                let g = now.as_ref().map(|n| drawing::grid(lang, &n.input(&[])));
                let (table, err) = match g.as_ref().and_then(|g| g.table.as_ref()) {
                    Some(Ok(html)) => (html.as_str(), None),
                    Some(Err(why)) => ("", Some(why.as_str())),
                    None => ("", None),
                };
                if let Some(el) = grid.get_untracked() {
                    el.set_inner_html(table);
                }
                say(grid_error, err);
                let range = g.and_then(|g| g.range);
                charts_pending
                    .set_value(set_timeout_with_handle(move || draw_charts(now, range), Duration::ZERO).ok());
            },
            Duration::ZERO,
        )
        .ok()
    });
    let focused = RwSignal::new(String::new());
    let on_focus = move |ev: leptos::ev::FocusEvent| {
        let label = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.get_attribute("aria-label"));
        focused.set(label.unwrap_or_default());
    };
    let currency = move || state.scenario.with(|s| crate::display::currency(lang, &s.listing_currency));
    let download = move |kind: &'static str| {
        let d = untrack(|| Now::read(state, choices, percent)).map(|n| {
            let range = drawing::grid(lang, &n.input(&[])).range;
            n.charts(state, range)
        });
        let svg = d.and_then(|d| match kind {
            "tornado" => d.tornado.ok().map(|t| t.svg),
            "waterfall" => Some(d.waterfall.svg),
            _ => Some(d.football.svg),
        });
        if let Some(svg) = svg {
            // A refused download (no Blob) leaves the page as it is.
            let _ = crate::ui::saved::file_io::download(&format!("{kind}.svg"), &svg, "image/svg+xml");
        }
    };
    let figure = move |kind: &'static str, places: Places| {
        view! {
            <figure class="chart-figure" data-testid=format!("figure-{kind}")>
                <div class="chart-box" node_ref=places.svg></div>
                <figcaption class="chart-tools">
                    <button type="button" on:click=move |_| download(kind)>{lang.t(ExplainKey::ChartDownloadSvg)}</button>
                    <details class="chart-text">
                        <summary>{lang.t(ExplainKey::ChartAsText)}</summary>
                        <ul node_ref=places.lines></ul>
                    </details>
                </figcaption>
            </figure>
        }
    };
    view! {
        <section class="analysis-part" aria-labelledby=GRID_TITLE_ID>
            <h3 id=GRID_TITLE_ID>{lang.t(ExplainKey::SensitivityTitle)}</h3>
            <p class="note">{move || lang.f(ExplainKey::SensitivityNote, &[("currency", &currency())])}</p>
            <div class="grid-controls">
                <AxisControls state choices which=Which::X />
                <AxisControls state choices which=Which::Y />
            </div>
            <p class="field-error" role="alert" data-testid="sensitivity-error" node_ref=grid_error></p>
            <div class="grid-scroll" node_ref=grid on:keydown=super::grid_keys::move_focus on:focusin=on_focus></div>
            <p class="grid-focus" aria-hidden="true" data-testid="sensitivity-focus">{move || focused.get()}</p>
            <Legend state />
        </section>
        <section class="analysis-part charts" aria-label=lang.t(ExplainKey::FootballTitle)>
            <label class="field tornado-percent" hidden=move || state.xiaomi_shaped.get()>
                <span>{lang.t(ExplainKey::TornadoPercent)}</span>
                <input type="text" inputmode="decimal" prop:value=move || percent.get()
                    on:input=move |ev| percent.set(event_target_value(&ev)) />
            </label>
            <p class="field-error" role="alert" data-testid="tornado-error" node_ref=tornado_error></p>
            {figure("tornado", tornado)}
            {figure("waterfall", waterfall)}
            {figure("football-field", football)}
            <button type="button" class="print" on:click=move |_| {
                if let Some(w) = web_sys::window() {
                    let _ = w.print();
                }
            }>{lang.t(ExplainKey::PrintSummary)}</button>
        </section>
    }
}
