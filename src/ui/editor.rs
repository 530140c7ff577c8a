//! The structure editor, in the `saved` chunk (`parts`): the company's names,
//! currencies and price date, each segment's name, driver kind and place,
//! adding and removing segments, and what a company still lacks. The logic
//! is `state::structure`; these views only compose it.

use super::state::structure::EditorNote;
use super::state::AppState;
use crate::model::structure::{missing, CompanyText, CompanyTextError, Direction};
use crate::model::{DriverKind, Preset};
use crate::text::{editor as words, EditorKey};
use leptos::prelude::*;

/// The ISO 4217 codes the currency fields offer; any other is typed.
const COMMON_CURRENCIES: [&str; 16] = [
    "USD", "EUR", "JPY", "GBP", "CNY", "RMB", "HKD", "KRW", "TWD", "INR", "CHF", "CAD", "AUD", "SGD", "SEK",
    "BRL",
];

/// Moves focus to the element `id` once the view has been built anew (a
/// structure edit rebuilds the cards, and the button pressed with them;
/// their tools are a lazy part, so it may take a moment to be there). An
/// element of the old cards may still have the id, and the cards may be
/// built anew under it frames later (a loaded machine can take seconds):
/// so it keeps watching for 600 frames, and whenever the element it
/// focused has left the page it looks for the id again. Once the user has
/// put focus anywhere else meanwhile, it is left there.
/// A later call replaces an earlier one's watch: two watches would take
/// focus from each other.
fn focus_later(id: String) {
    let origin = document().active_element();
    let ticket = FOCUS_WATCH.with(|t| {
        t.set(t.get().wrapping_add(1));
        t.get()
    });
    focus_within(id, origin, 600, None, ticket);
}

thread_local! {
    /// Which `focus_later` is watching: only the latest.
    static FOCUS_WATCH: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

fn focus_within(
    id: String,
    origin: Option<web_sys::Element>,
    tries: u32,
    focused: Option<web_sys::HtmlElement>,
    ticket: u64,
) {
    if tries == 0 || FOCUS_WATCH.with(|t| t.get()) != ticket {
        return;
    }
    request_animation_frame(move || {
        if FOCUS_WATCH.with(|t| t.get()) != ticket {
            return;
        }
        let active = document().active_element();
        let elsewhere = active.as_ref().is_some_and(|a| {
            a.is_connected() && a.tag_name() != "BODY" && a.id() != id && Some(a) != origin.as_ref()
        });
        if elsewhere {
            return;
        }
        if let Some(el) = focused.filter(|el| el.is_connected()) {
            // Still on the page: keep watching, the cards may yet be rebuilt.
            focus_within(id, origin, tries - 1, Some(el), ticket);
            return;
        }
        let el = element_by_id(&id);
        if let Some(el) = &el {
            let _ = el.focus();
        }
        focus_within(id, origin, tries - 1, el, ticket);
    });
}

/// The element of the page with this id, as an element that takes focus.
pub(super) fn element_by_id(id: &str) -> Option<web_sys::HtmlElement> {
    let el = document().get_element_by_id(id)?;
    wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok()
}

/// Builds the cards anew once focus has gone where it was going (a change
/// fires before it moves), and puts it back on the element of the same id.
fn rebuild_keeping_focus(state: AppState) {
    request_animation_frame(move || {
        let id = document().active_element().map(|e| e.id()).filter(|id| !id.is_empty());
        state.show_names();
        if let Some(id) = id {
            focus_later(id);
        }
    });
}

/// The company card: a new company or Xiaomi, names, currencies, price date.
#[component]
pub fn CompanyEditor(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let new_company = move |_| {
        let segment = lang.f(EditorKey::NewSegmentName, &[("n", "1")]);
        state.new_company(lang.t(EditorKey::NewScenarioName), &segment);
        focus_later("company-name".into());
    };
    let fields = move || {
        state.generation.track();
        view! {
            <CompanyTextField state which=CompanyText::Name />
            <CompanyTextField state which=CompanyText::Ticker />
            <CompanyTextField state which=CompanyText::Reporting />
            <CompanyTextField state which=CompanyText::Listing />
            <PriceDateField state />
        }
    };
    // Xiaomi's company needs no editing: its card starts closed, so that
    // the page does not move when the editor arrives; any other opens.
    let xiaomi = state.xiaomi_shaped;
    view! {
        <div class="company-actions">
            <button type="button" on:click=new_company>{lang.t(EditorKey::NewCompany)}</button>
            <button type="button" on:click=move |_| state.load_preset(Preset::Base)>
                {lang.t(EditorKey::StartFromXiaomi)}
            </button>
            <SegmentListTools state />
        </div>
        <details class="card company" prop:open=move || !xiaomi.get() data-testid="panel-company">
            <summary>
                <h2 id="panel-company-title">{lang.t(EditorKey::PanelCompany)}</h2>
            </summary>
            <div class="card-body" role="group" aria-labelledby="panel-company-title">
                <MissingNote state />
                {fields}
                <datalist id="currency-codes">
                    {COMMON_CURRENCIES.map(|c| view! { <option value=c></option> }).collect_view()}
                </datalist>
            </div>
        </details>
    }
}

/// One company text: what the user typed stays in the field; a text that
/// breaks its rule is explained under it and kept out of the scenario.
#[component]
fn CompanyTextField(state: AppState, which: CompanyText) -> impl IntoView {
    let lang = state.lang;
    let (id, label) = match which {
        CompanyText::Name => ("company-name", EditorKey::CompanyName),
        CompanyText::Ticker => ("company-ticker", EditorKey::Ticker),
        CompanyText::Reporting => ("reporting-currency", EditorKey::ReportingCurrency),
        CompanyText::Listing => ("listing-currency", EditorKey::ListingCurrency),
    };
    let currency = matches!(which, CompanyText::Reporting | CompanyText::Listing);
    let start = state.scenario.with_untracked(|s| match which {
        CompanyText::Name => s.company.name.clone(),
        CompanyText::Ticker => s.company.ticker.clone(),
        CompanyText::Reporting => s.reporting_currency.clone(),
        CompanyText::Listing => s.listing_currency.clone(),
    });
    let text = RwSignal::new(start);
    let error = RwSignal::new(None::<String>);
    let input = move |ev| {
        let typed = event_target_value(&ev);
        let problem = state.edit_company_text(which, &typed).err().map(|e| match e {
            CompanyTextError::Text(p) => words::text_rule(lang, &p),
            CompanyTextError::Currency => lang.t(EditorKey::CurrencyRule).to_string(),
        });
        error.set(problem.map(|p| words::about(lang, lang.t(label), &p)));
        text.set(typed);
    };
    let error_id = format!("{id}-error");
    view! {
        <div class="field text-field" class:invalid=move || error.with(Option::is_some)>
            <label for=id>{lang.t(label)}</label>
            <input
                id=id
                type="text"
                autocomplete="off"
                spellcheck="false"
                list=currency.then_some("currency-codes")
                maxlength=if currency { "3" } else { "80" }
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=error_id.clone()
                prop:value=text
                on:input=input
            />
            {currency.then(|| view! { <p class="hint">{lang.t(EditorKey::CurrencyHelp)}</p> })}
            <p id=error_id class="field-error-slot">
                {move || error.get().map(|m| view! { <span role="alert" class="field-error">{m}</span> })}
            </p>
        </div>
    }
}

/// The date of the price, `YYYY-MM-DD` (a date picker where the browser has one).
#[component]
fn PriceDateField(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let start = state.scenario.with_untracked(|s| s.price_date.clone().unwrap_or_default());
    let bad = RwSignal::new(false);
    view! {
        <div class="field text-field" class:invalid=bad>
            <label for="price-date-input">{lang.t(EditorKey::PriceDate)}</label>
            <input
                id="price-date-input"
                type="date"
                prop:value=start
                aria-invalid=move || bad.get().to_string()
                on:input=move |ev| bad.set(!state.edit_price_date(&event_target_value(&ev)))
            />
            <p class="field-error-slot">
                {move || bad.get().then(|| view! { <span role="alert" class="field-error">{words::about(lang, lang.t(EditorKey::PriceDate), lang.t(EditorKey::DateRule))}</span> })}
            </p>
        </div>
    }
}

/// A segment's structure, inside its card: name, driver kind, place, removal.
#[component]
pub fn SegmentTools(state: AppState, index: usize) -> impl IntoView {
    let lang = state.lang;
    let name = Memo::new(move |_| state.scenario.with(|s| s.segments.get(index).map(|seg| seg.name.clone())));
    let kind = Memo::new(move |_| {
        state.scenario.with(|s| s.segments.get(index).map(|seg| seg.driver.driver_kind()))
    });
    let (first, last) = (index == 0, index + 1 >= state.scenario.with_untracked(|s| s.segments.len()));
    let name_error = RwSignal::new(None::<String>);
    let rename = move |ev| {
        let typed = event_target_value(&ev);
        let problem = state.rename_segment(index, &typed).err();
        name_error.set(problem.map(|e| words::refused(lang, &e)));
    };
    let choose_kind = move |ev| {
        if let Some(k) = DriverKind::from_code(&event_target_value(&ev)) {
            state.switch_kind(index, k);
            focus_later(format!("kind-{index}"));
        }
    };
    let shown = move || name.get().unwrap_or_default();
    let named = move |key| lang.f(key, &[("name", &shown())]);
    let move_to = move |direction: Direction| {
        let to = match direction {
            Direction::Up => index.saturating_sub(1),
            Direction::Down => index + 1,
        };
        state.move_segment(index, direction);
        let which = if direction == Direction::Up { "up" } else { "down" };
        focus_later(format!("move-{which}-{to}"));
    };
    let start_name = name.get_untracked().unwrap_or_default();
    view! {
        <div class="segment-tools">
            <div class="field text-field" class:invalid=move || name_error.with(Option::is_some)>
                <label for=format!("segment-name-{index}")>{lang.t(EditorKey::SegmentName)}</label>
                <input
                    id=format!("segment-name-{index}")
                    type="text"
                    autocomplete="off"
                    maxlength="60"
                    prop:value=start_name
                    aria-invalid=move || name_error.with(Option::is_some).to_string()
                    on:input=rename
                    // The card's heading follows once the name is entered.
                    on:change=move |_| {
                        if name_error.with_untracked(Option::is_none) {
                            rebuild_keeping_focus(state);
                        }
                    }
                />
                <p class="field-error-slot">
                    {move || name_error.get().map(|m| view! { <span role="alert" class="field-error">{m}</span> })}
                </p>
            </div>
            <div class="field">
                <label for=format!("kind-{index}")>{lang.t(EditorKey::DriverLabel)}</label>
                <select
                    id=format!("kind-{index}")
                    prop:value=move || kind.get().map(DriverKind::code).unwrap_or_default()
                    on:change=choose_kind
                >
                    {DriverKind::ALL
                        .map(|k| view! { <option value=k.code()>{words::kind(lang, k)}</option> })
                        .collect_view()}
                </select>
                <p class="hint">{move || kind.get().map(|k| words::kind_help(lang, k))}</p>
            </div>
            {move || kind.get().is_some_and(DriverKind::has_units).then(|| view! { <UnitLabelField state index /> })}
            <div class="segment-moves">
                <button type="button" id=format!("move-up-{index}") disabled=first on:click=move |_| move_to(Direction::Up)>
                    {move || named(EditorKey::MoveUp)}
                </button>
                <button type="button" id=format!("move-down-{index}") disabled=last on:click=move |_| move_to(Direction::Down)>
                    {move || named(EditorKey::MoveDown)}
                </button>
                <button type="button" class="remove" on:click=move |_| {
                    state.remove_segment(index);
                    focus_later("add-segment".into());
                }>
                    {move || named(EditorKey::RemoveSegment)}
                </button>
            </div>
        </div>
    }
}

/// The user's name for a segment's units ("cars"), for the unit kinds.
#[component]
fn UnitLabelField(state: AppState, index: usize) -> impl IntoView {
    let lang = state.lang;
    let start =
        state.scenario.with_untracked(|s| s.segments.get(index).and_then(|seg| seg.unit_label.clone()));
    let error = RwSignal::new(None::<String>);
    let id = format!("unit-label-{index}");
    view! {
        <div class="field text-field" class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{lang.t(EditorKey::UnitLabel)}</label>
            <input
                id=id
                type="text"
                autocomplete="off"
                maxlength="30"
                placeholder=lang.t(crate::text::Key::UnitUnits)
                prop:value=start.unwrap_or_default()
                aria-invalid=move || error.with(Option::is_some).to_string()
                on:input=move |ev| {
                    let problem = state.set_unit_label(index, &event_target_value(&ev)).err();
                    error.set(problem.map(|e| words::refused(lang, &e)));
                }
                // The unit beside the fields is fixed for an input's life
                // (small code on the first load): a new name rebuilds the
                // cards once it is entered, and focus goes where it went.
                on:change=move |_| {
                    if error.with_untracked(Option::is_none) {
                        rebuild_keeping_focus(state);
                    }
                }
            />
            <p class="hint">{lang.t(EditorKey::UnitLabelHelp)}</p>
            <p class="field-error-slot">
                {move || error.get().map(|m| view! { <span role="alert" class="field-error">{m}</span> })}
            </p>
        </div>
    }
}

/// "Add segment" and what the last structure edit has to say (Undo of a
/// removal, fields a kind switch dropped, a refusal).
#[component]
fn SegmentListTools(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let full = Signal::derive(move || !state.can_add_segment());
    let add = move |_| {
        let n = state.scenario.with_untracked(|s| s.segments.len()) + 1;
        state.add_segment(&lang.f(EditorKey::NewSegmentName, &[("n", &n.to_string())]));
        focus_later(format!("segment-name-{}", n - 1));
    };
    let note = move || {
        let note = state.editor_note()?;
        let text = match &note {
            EditorNote::Removed(r) => lang.f(EditorKey::Removed, &[("name", &r.segment.name)]),
            EditorNote::Dropped { index, fields } => state.scenario.with(|s| {
                let seg = s.segments.get(*index)?;
                Some(words::dropped(lang, &seg.name, seg.driver.driver_kind(), fields))
            })?,
            EditorNote::Refused(why) => words::refused(lang, why),
            EditorNote::FixFirst => lang.t(EditorKey::RefusedPending).to_string(),
        };
        let undo = matches!(note, EditorNote::Removed(_)).then(|| {
            view! {
                " "
                <button type="button" on:click=move |_| state.undo_remove()>{lang.t(crate::text::Key::Undo)}</button>
            }
        });
        Some(view! { <p class="undo-note" role="status" data-testid="editor-note">{text}{undo}</p> })
    };
    view! {
        <div class="segment-list-tools">
            <button type="button" id="add-segment" class="add-segment" disabled=full on:click=add>
                {move || lang.t(if full.get() { EditorKey::AddSegmentFull } else { EditorKey::AddSegment })}
            </button>
            {note}
        </div>
    }
}

/// What the company still lacks before its value means anything.
#[component]
fn MissingNote(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let lacks = Memo::new(move |_| state.scenario.with(missing));
    move || {
        let lacks = lacks.get();
        (!lacks.is_empty()).then(|| {
            view! {
                <div class="missing" role="status" data-testid="missing">
                    <p>{lang.t(EditorKey::MissingTitle)}</p>
                    <ul>{lacks.into_iter().map(|m| view! { <li>{words::missing(lang, m)}</li> }).collect_view()}</ul>
                </div>
            }
        })
    }
}

/// In the presets' place for a company not shaped like Xiaomi: where its
/// own scenarios are.
#[component]
pub fn PresetsElsewhere(lang: crate::text::Lang) -> impl IntoView {
    view! {
        {lang.t(EditorKey::PresetsXiaomiOnly)}" "
        <a href="#my-scenarios">{lang.t(crate::text::Key::PartLibrary)}</a>
    }
}
