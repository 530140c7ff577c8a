//! A segment's structure tools, inside its card (`saved` chunk): name,
//! driver kind, unit name, place, removal. The logic is `state::structure`.

use super::focus_next_frame;
use crate::model::structure::Direction;
use crate::model::DriverKind;
use crate::text::{editor as words, EditorKey};
use crate::ui::state::{AppState, Typed};
use leptos::prelude::*;

/// A segment's structure, inside its card: name, driver kind, place, removal.
/// The card stays while its segment moves or changes kind, so these
/// fields keep focus; `at` is the segment's place now.
#[component]
pub fn SegmentTools(state: AppState, at: Memo<usize>) -> impl IntoView {
    let lang = state.lang;
    // A preset's segment is named in the reader's language until renamed.
    let name = Memo::new(move |_| state.segment_name(at.get()));
    let kind = Memo::new(move |_| {
        state.scenario.with(|s| s.segments.get(at.get()).map(|seg| seg.driver.driver_kind()))
    });
    let first = move || at.get() == 0;
    let last = move || at.get() + 1 >= state.scenario.with(|s| s.segments.len());
    let typed = Typed::new(&state);
    let name_error = RwSignal::new(None::<String>);
    let rename = move |ev| {
        let text = event_target_value(&ev);
        let problem = state.rename_segment(at.get_untracked(), &text).err();
        name_error.set(problem.map(|e| words::refused(lang, &e)));
        typed.set(text);
    };
    let choose_kind = move |ev| {
        if let Some(k) = DriverKind::from_code(&event_target_value(&ev)) {
            state.switch_kind(at.get_untracked(), k);
        }
    };
    let named = move |key| lang.f(key, &[("name", &name.get())]);
    let (up, down) = (NodeRef::<leptos::html::Button>::new(), NodeRef::<leptos::html::Button>::new());
    let move_to = move |direction: Direction| {
        state.move_segment(at.get_untracked(), direction);
        // The card moves with its segment; a button moved in the page may
        // lose focus, so it takes it back (or, at an end, its twin does).
        let (pressed, twin) = if direction == Direction::Up { (up, down) } else { (down, up) };
        request_animation_frame(move || {
            for button in [pressed, twin].into_iter().filter_map(|b| b.get_untracked()) {
                if !button.disabled() {
                    let _ = button.focus();
                    return;
                }
            }
        });
    };
    // A segment just added: its name is what the user types next.
    let name_input = NodeRef::<leptos::html::Input>::new();
    name_input.on_load(move |input| {
        let id =
            state.scenario.with_untracked(|s| s.segments.get(at.get_untracked()).map(|seg| seg.id.clone()));
        if id.is_some_and(|id| state.take_added(&id)) {
            let _ = input.focus();
            input.select();
        }
    });
    let id = move |what: &str| format!("{what}-{}", at.get());
    view! {
        <div class="segment-tools">
            <div class="field text-field" class:invalid=move || name_error.with(Option::is_some)>
                <label for=move || id("segment-name")>{lang.t(EditorKey::SegmentName)}</label>
                <input
                    id=move || id("segment-name")
                    node_ref=name_input
                    type="text"
                    autocomplete="off"
                    maxlength="60"
                    prop:value=move || typed.or_else(|| name.get())
                    aria-invalid=move || name_error.with(Option::is_some).to_string()
                    on:input=rename
                />
                <p class="field-error-slot">
                    {move || name_error.get().map(|m| view! { <span role="alert" class="field-error">{m}</span> })}
                </p>
            </div>
            <div class="field">
                <label for=move || id("kind")>{lang.t(EditorKey::DriverLabel)}</label>
                <select
                    id=move || id("kind")
                    prop:value=move || kind.get().map(DriverKind::code).unwrap_or_default()
                    on:change=choose_kind
                >
                    {DriverKind::ALL
                        .map(|k| view! { <option value=k.code()>{words::kind(lang, k)}</option> })
                        .collect_view()}
                </select>
                <p class="hint">{move || kind.get().map(|k| words::kind_help(lang, k))}</p>
            </div>
            {move || kind.get().is_some_and(DriverKind::has_units).then(|| view! { <UnitLabelField state at /> })}
            <div class="segment-moves">
                <button type="button" id=move || id("move-up") node_ref=up disabled=first on:click=move |_| move_to(Direction::Up)>
                    {move || named(EditorKey::MoveUp)}
                </button>
                <button type="button" id=move || id("move-down") node_ref=down disabled=last on:click=move |_| move_to(Direction::Down)>
                    {move || named(EditorKey::MoveDown)}
                </button>
                <button type="button" class="remove" on:click=move |_| {
                    state.remove_segment(at.get_untracked());
                    // The card leaves with the button: focus goes where the next segment would be added.
                    focus_next_frame("add-segment".into());
                }>
                    {move || named(EditorKey::RemoveSegment)}
                </button>
            </div>
        </div>
    }
}

/// The user's name for a segment's units ("cars"), for the unit kinds.
#[component]
fn UnitLabelField(state: AppState, at: Memo<usize>) -> impl IntoView {
    let lang = state.lang;
    let stored = move || {
        state
            .scenario
            .with(|s| s.segments.get(at.get()).and_then(|seg| seg.unit_label.clone()).unwrap_or_default())
    };
    let typed = Typed::new(&state);
    let error = RwSignal::new(None::<String>);
    let id = move || format!("unit-label-{}", at.get());
    view! {
        <div class="field text-field" class:invalid=move || error.with(Option::is_some)>
            <label for=id>{lang.t(EditorKey::UnitLabel)}</label>
            <input
                id=id
                type="text"
                autocomplete="off"
                maxlength="30"
                placeholder=lang.t(crate::text::Key::UnitUnits)
                prop:value=move || typed.or_else(stored)
                aria-invalid=move || error.with(Option::is_some).to_string()
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    let problem = state.set_unit_label(at.get_untracked(), &text).err();
                    error.set(problem.map(|e| words::refused(lang, &e)));
                    typed.set(text);
                }
            />
            <p class="hint">{lang.t(EditorKey::UnitLabelHelp)}</p>
            <p class="field-error-slot">
                {move || error.get().map(|m| view! { <span role="alert" class="field-error">{m}</span> })}
            </p>
        </div>
    }
}
