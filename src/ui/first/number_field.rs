//! One numeric input: a text field, a slider, its unit, source and reset.

use crate::display::{count, editable, group_digits};
use crate::labels::{company_slider, dom_id_in, field_ui, Place};
use crate::model::Field;
use crate::text::Key;
use crate::ui::parts::{DocsView, Lazy, LazyView, SavedView};
use crate::ui::state::{AppState, Typed};
use leptos::prelude::*;

/// The input of `field`. It lives as long as the field is the same: a
/// segment's card builds its inputs anew when its segment moves to another
/// place (`Field::Segment(index, ..)` is then another field). A key
/// assumption has a second input at `Place::Key`, under the headline: the
/// same state, so each shows what the other takes.
#[component]
pub fn NumberField(state: AppState, field: Field, #[prop(optional)] place: Place) -> impl IntoView {
    let id = dom_id_in(field, place);
    let lang = state.lang;
    // Label, unit and hint follow the scenario (a unit name, the method:
    // net vs EBIT margin, the note on an unused margin); a memo, so each
    // edit re-runs these views only when one of them changes.
    let ui = Memo::new(move |_| state.scenario.with(|s| field_ui(lang, field, s)));
    let current = Memo::new(move |_| state.scenario.with(|s| field.get(s)));
    // The slider's range: Xiaomi's for the field, or for another company
    // one around the value it was opened with (the baseline's, so that it
    // stays put while the user drags), widened to hold the value now (a
    // method switch may set a multiple beyond it).
    let slider = move || {
        let now = current.get();
        let base = state.baseline.with(|b| {
            let fixed = field_ui(lang, field, b).slider;
            company_slider(lang, field, b).unwrap_or(fixed)
        });
        now.map_or(base, |v| base.containing(v))
    };

    // What the user typed: never rewritten while they type, left behind
    // when the scenario is replaced (the field then shows the new value).
    let typed = Typed::new(&state);
    let text = move || typed.or_else(|| current.get().map(|v| editable(lang, v)).unwrap_or_default());
    let original = Signal::derive(move || state.baseline.with(|s| field.get(s)));
    let changed = Signal::derive(move || current.get() != original.get());
    let unchanged = Signal::derive(move || !changed.get());
    let problem = Memo::new(move |_| state.problem_for(field));
    // What the user typed while it is the field's value; the value when it
    // was set elsewhere (a method switch sets the multiple). Out of focus, a
    // valid number shows its thousands separators ("170,000,000"); in
    // focus, the plain text to edit. Years are not amounts.
    let focused = RwSignal::new(false);
    let grouped = !matches!(field, Field::BaseYear | Field::ValuationYear);
    let value_text = move || {
        let typed = text();
        let Ok(parsed) = field.parse(lang.number_style(), &typed) else {
            return typed;
        };
        let value = current.get().unwrap_or(parsed);
        if grouped && !focused.get() {
            group_digits(lang, &value.normalize().to_string())
        } else if parsed == value {
            typed
        } else {
            editable(lang, value)
        }
    };
    // The text as first shown, as an attribute too: the first screen is
    // rendered to HTML at build time, where only attributes are written.
    let initial_text = untrack(value_text);
    let invalid = Signal::derive(move || problem.with(Option::is_some));
    // A range input's value is always written with a point.
    let slider_value =
        Signal::derive(move || current.get().map(|v| v.normalize().to_string()).unwrap_or_default());
    let reset_title = Signal::derive(move || {
        lang.f(Key::ResetBackTo, &[("value", &original.get().map(|v| count(lang, v)).unwrap_or_default())])
    });
    // Under the headline a segment's field says whose it is.
    let label = move || match field.segment().filter(|_| place == Place::Key) {
        Some(index) => format!("{}: {}", state.segment_name(index), ui.with(|u| u.label.clone())),
        None => ui.with(|u| u.label.clone()),
    };
    let message = Signal::derive(move || {
        problem.get().map(|p| lang.f(Key::IssueLine, &[("subject", &label()), ("problem", &p)]))
    });
    let input = move |value: String| {
        state.edit(field, &value);
        typed.set(value);
    };
    let reset = move |_| {
        if let Some(v) = original.get_untracked() {
            input(editable(lang, v));
        }
    };
    // The field's own hint, or a rule it breaks while that is a hint
    // (`AppState::rule_hint`: a blank company's zeros before they are typed).
    let rule_hint = Memo::new(move |_| state.rule_hint(field));
    let hint = move || ui.with(|u| u.hint.map(str::to_string)).or_else(|| rule_hint.get());
    let error_id = format!("{id}-error");
    let alert = (place == Place::Card).then_some("alert");
    let note_id = format!("{id}-note");
    let range =
        move |f: fn(&crate::labels::Slider) -> rust_decimal::Decimal| move || f(&slider()).to_string();

    view! {
        <div class="field" class:changed=changed class:invalid=invalid>
            <div class="field-head">
                <label for=id.clone()>{label}</label>
                // Where the default comes from: a lazy part (`docs`), in the
                // card only (under the headline the key inputs stay a short
                // run of Tab stops).
                {(place == Place::Card).then(|| view! {
                    <span class="info-host">
                        <Lazy state view=LazyView::Docs(DocsView::InfoTip(field)) class="slot-info" />
                    </span>
                })}
                <button type="button" class="reset" title=reset_title hidden=unchanged on:click=reset>
                    {lang.t(Key::Reset)}
                </button>
            </div>
            <div class="field-inputs">
                <input
                    id=id.clone()
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    spellcheck="false"
                    aria-invalid=Signal::derive(move || invalid.get().to_string())
                    aria-describedby=format!("{error_id} {note_id}")
                    value=initial_text
                    prop:value=value_text
                    on:focus=move |ev| {
                        // The plain text at once, not when the view next
                        // updates: a later change of the value would drop the
                        // selection that focusing made (Tab selects all).
                        focused.set(true);
                        let el = event_target::<web_sys::HtmlInputElement>(&ev);
                        el.set_value(&value_text());
                        el.select();
                    }
                    on:blur=move |_| focused.set(false)
                    on:input=move |ev| input(event_target_value(&ev))
                />
                <span class="unit">{move || ui.with(|u| u.unit.clone())}</span>
                // The text field is the accessible control; the slider is a
                // pointer shortcut to the same value, hidden from assistive tech.
                <input
                    type="range"
                    class="slider"
                    aria-hidden="true"
                    tabindex="-1"
                    min=range(|s| s.min)
                    max=range(|s| s.max)
                    step=range(|s| s.step)
                    value=untrack(move || slider_value.get())
                    prop:value=slider_value
                    on:input=move |ev| {
                        // The slider writes "1.5"; the field shows it as the reader writes it.
                        let plain = event_target_value(&ev);
                        input(crate::model::parse_decimal(&plain).map_or(plain, |v| editable(lang, v)));
                    }
                />
            </div>
            <p class="hint" hidden=move || hint().is_none()>{hint}</p>
            // A method switch's note or a far-off warning (`state::notes`),
            // a lazy part (`saved`).
            <div class="field-note-host">
                <Lazy state view=LazyView::Saved(SavedView::FieldNote(field, place)) class="slot-note" />
            </div>
            <p id=error_id class="field-error-slot">
                // Announced once: by the card's input, not again under the headline.
                {move || message.get().map(|m| view! { <span role=alert class="field-error">{m}</span> })}
            </p>
        </div>
    }
}
