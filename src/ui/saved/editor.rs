//! The structure editor's company card, in the `saved` chunk (`parts`): a
//! new company or Xiaomi, the company's names, currencies and price date,
//! adding segments and what the last structure edit has to say, and what a
//! company still lacks. Each segment's own tools are `segment_tools`. The
//! logic is `state::structure`; these views only compose it.

use super::focus_next_frame;
use crate::model::structure::{missing, CompanyText, CompanyTextError};
use crate::model::Preset;
use crate::text::{editor as words, EditorKey};
use crate::ui::state::structure::EditorNote;
use crate::ui::state::{AppState, Typed};
use leptos::prelude::*;

/// The ISO 4217 codes the currency fields offer; any other is typed.
const COMMON_CURRENCIES: [&str; 16] = [
    "USD", "EUR", "JPY", "GBP", "CNY", "RMB", "HKD", "KRW", "TWD", "INR", "CHF", "CAD", "AUD", "SGD", "SEK",
    "BRL",
];

/// The company card: a new company or Xiaomi, names, currencies, price date.
#[component]
pub fn CompanyEditor(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let new_company = move |_| {
        let segment = lang.f(EditorKey::NewSegmentName, &[("n", "1")]);
        state.new_company(lang.t(EditorKey::NewScenarioName), &segment);
        // The card opens for a company not shaped like Xiaomi.
        focus_next_frame("company-name".into());
    };
    // Xiaomi's company needs no editing: its card starts closed, so that
    // the page does not move when the editor arrives; any other opens.
    let xiaomi = state.xiaomi_shaped;
    view! {
        <div class="company-actions">
            // Names, drivers, places and the company's texts: closed for
            // Xiaomi's cases, open for another company (`AppState::load`).
            <button
                type="button"
                role="switch"
                class="structure-switch"
                aria-checked=move || state.structure_open().to_string()
                on:click=move |_| state.toggle_structure()
            >
                {lang.t(EditorKey::EditStructure)}
            </button>
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
                <CompanyTextField state which=CompanyText::Name />
                <CompanyTextField state which=CompanyText::Ticker />
                <CompanyTextField state which=CompanyText::Reporting />
                <CompanyTextField state which=CompanyText::Listing />
                <PriceDateField state />
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
    let stored = move || {
        state.scenario.with(|s| match which {
            CompanyText::Name => s.company.name.clone(),
            CompanyText::Ticker => s.company.ticker.clone(),
            CompanyText::Reporting => s.reporting_currency.clone(),
            CompanyText::Listing => s.listing_currency.clone(),
        })
    };
    let text = Typed::new(&state);
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
                prop:value=move || text.or_else(stored)
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
    // A date input gives a whole date or nothing: the scenario's is shown.
    let date = Memo::new(move |_| state.scenario.with(|s| s.price_date.clone().unwrap_or_default()));
    let bad = RwSignal::new(false);
    view! {
        <div class="field text-field" class:invalid=bad>
            <label for="price-date-input">{lang.t(EditorKey::PriceDate)}</label>
            <input
                id="price-date-input"
                type="date"
                prop:value=date
                aria-invalid=move || bad.get().to_string()
                on:input=move |ev| bad.set(!state.edit_price_date(&event_target_value(&ev)))
            />
            // The browser writes the date its own way (mm/dd/yyyy); the
            // page's way beside it, as the masthead writes it.
            <p class="hint" data-testid="price-date-as-shown" hidden=move || date.with(String::is_empty)>
                {move || crate::display::date(lang, &date.get())}
            </p>
            <p class="field-error-slot">
                {move || bad.get().then(|| view! { <span role="alert" class="field-error">{words::about(lang, lang.t(EditorKey::PriceDate), lang.t(EditorKey::DateRule))}</span> })}
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
    };
    let note = move || {
        let note = state.editor_note()?;
        let text = match &note {
            EditorNote::Removed(r) => {
                let name = crate::text::shown_name(lang, &r.segment.id, &r.segment.name);
                lang.f(EditorKey::Removed, &[("name", name)])
            }
            EditorNote::Dropped { index, fields } => state.scenario.with(|s| {
                let seg = s.segments.get(*index)?;
                let name = crate::text::shown_name(lang, &seg.id, &seg.name);
                Some(words::dropped(lang, name, seg.driver.driver_kind(), fields))
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
