//! Name, Save, Save as new, Copy link, and whether what is on screen is saved.

use super::share::CopyLinkButton;
use crate::display::per_share;
use crate::library::SaveStatus;
use crate::model::evaluate;
use crate::storage::StorageError;
use crate::text;
use crate::ui::state::saved::Conflict;
use crate::ui::state::AppState;
use leptos::either::Either;
use leptos::prelude::*;

#[component]
pub fn SaveBar(state: AppState) -> impl IntoView {
    let typed = RwSignal::new(String::new());
    // While the typed name is invalid the field shows it as typed; otherwise
    // it shows the scenario's name, which also follows renames and copies.
    let name_value = Signal::derive(move || {
        if state.name_error.get().is_some() {
            typed.get()
        } else {
            state.scenario.with(|s| s.name.clone())
        }
    });
    let status = Signal::derive(move || state.save_status());
    let label = Signal::derive(move || text::save_status(state.lang, status.get()));
    // Orange only when something would be lost: an untouched preset is
    // "Not saved" too, but there is nothing to save yet.
    let dirty = Signal::derive(move || match status.get() {
        SaveStatus::Saved => false,
        SaveStatus::NotSaved => state.active_preset().is_none(),
        _ => true,
    });
    let name_invalid = Signal::derive(move || state.name_error.with(Option::is_some).to_string());
    view! {
        <section class="save-bar card" aria-label=state.lang.t(text::NoticeKey::SaveAndShare)>
            <Announcer state />
            <UndoSwitch state />
            <DraftNote state />
            <div class="name-field">
                <label for="scenario-name">{state.lang.t(text::NoticeKey::ScenarioName)}</label>
                <input
                    id="scenario-name"
                    type="text"
                    maxlength="200"
                    autocomplete="off"
                    aria-invalid=name_invalid
                    prop:value=name_value
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        state.edit_name(&text);
                        typed.set(text);
                    }
                />
                {move || state.name_error_text().map(|e| view! { <span role="alert" class="field-error">{e}</span> })}
            </div>
            <div class="save-actions">
                <button type="button" class="primary" on:click=move |_| state.save()>{state.lang.t(text::NoticeKey::Save)}</button>
                <button type="button" on:click=move |_| state.save_as_new()>{state.lang.t(text::NoticeKey::SaveAsNew)}</button>
                <CopyLinkButton state />
                <span class="save-status" class:dirty=dirty class:saved=move || status.get() == SaveStatus::Saved data-testid="save-status">
                    {label}
                </span>
            </div>
            {move || {
                state.saved.unavailable.get().then(|| {
                    view! {
                        <p class="storage-warning" role="alert" data-testid="storage-unavailable">
                            {text::storage_error(state.lang, &StorageError::Unavailable)}
                        </p>
                    }
                })
            }}
            <ConflictPrompt state />
        </section>
    }
}

/// Asks before a save would replace what another tab saved or deleted.
#[component]
fn ConflictPrompt(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let cancel = move |_| state.cancel_conflict();
    move || {
        state.saved.conflict.get().map(|conflict| match conflict {
            Conflict::Newer { theirs } => {
                let value = evaluate(&theirs.scenario)
                    .map(|v| per_share(state.lang, v.per_share_listing, &theirs.scenario.listing_currency))
                    .unwrap_or_default();
                let keep = (*theirs).clone();
                Either::Left(view! {
                    <div class="conflict" role="alertdialog" aria-label=lang.t(text::NoticeKey::ConflictNewerTitle) data-testid="conflict">
                        <p>
                            {lang.f(text::NoticeKey::ConflictNewer, &[("name", &theirs.scenario.name), ("value", &value)])}
                        </p>
                        <button type="button" class="primary" on:click=move |_| state.save_as_new()>{lang.t(text::NoticeKey::SaveMineAsCopy)}</button>
                        <button type="button" on:click=move |_| state.overwrite_theirs()>{lang.t(text::NoticeKey::OverwriteWithMine)}</button>
                        <button type="button" on:click=move |_| state.open_saved(&keep)>{lang.t(text::NoticeKey::OpenTheirs)}</button>
                        <button type="button" on:click=cancel>{lang.t(text::NoticeKey::Cancel)}</button>
                    </div>
                })
            }
            Conflict::Gone => Either::Right(view! {
                <div class="conflict" role="alertdialog" aria-label=lang.t(text::NoticeKey::ConflictGoneTitle) data-testid="conflict">
                    <p>{lang.t(text::NoticeKey::ConflictGone)}</p>
                    <button type="button" class="primary" on:click=move |_| state.save_as_new()>{lang.t(text::NoticeKey::SaveAsNew)}</button>
                    <button type="button" on:click=cancel>{lang.t(text::NoticeKey::Cancel)}</button>
                </div>
            }),
        })
    }
}

/// After a switch over unsaved work: what happened, and Undo.
#[component]
fn UndoSwitch(state: AppState) -> impl IntoView {
    let lang = state.lang;
    move || {
        state.replaced.with(|r| r.as_ref().map(|r| r.by_new_company)).map(|by_new| {
            view! {
                <p class="undo-note" role="status" data-testid="preset-undo">
                    {if by_new { lang.t(crate::text::NoticeKey::NewCompanyReplaced) } else { lang.t(crate::text::Key::PresetReplaced) }}
                    " "
                    <button type="button" on:click=move |_| state.undo_preset()>{lang.t(crate::text::Key::Undo)}</button>
                </p>
            }
        })
    }
}

/// After a reload brought back unsaved edits: what they are, and a way to
/// drop them. Shown until they are saved, discarded or replaced.
#[component]
fn DraftNote(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let note = move || {
        let (at, generation) = state.saved.restored.get()?;
        let current = state.generation.get() == generation && state.save_status() != SaveStatus::Saved;
        current.then(|| lang.f(text::NoticeKey::DraftRestored, &[("when", &local_time(lang, at))]))
    };
    move || {
        note().map(|note| {
            view! {
                <p class="undo-note" role="status" data-testid="draft-restored">
                    {note}
                    " "
                    <button type="button" on:click=move |_| state.discard_draft()>
                        {lang.t(text::NoticeKey::DraftDiscard)}
                    </button>
                </p>
            }
        })
    }
}

/// A moment as the reader's clock showed it: "2 Dec 2026, 09:05",
/// "02.12.2026, 09:05", "2026年12月2日, 09:05".
pub(super) fn local_time(lang: crate::text::Lang, ms: i64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    let iso = format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date());
    format!("{}, {:02}:{:02}", crate::display::date(lang, &iso), d.get_hours(), d.get_minutes())
}

/// What a screen reader hears after edits: the headline's verdict once
/// typing pauses for a second, not at every keystroke. (Here, in a lazy
/// part, because the first value does not need it.)
#[component]
fn Announcer(state: AppState) -> impl IntoView {
    let announced = RwSignal::new(String::new());
    let verdict = move || {
        let case = state.active_preset();
        state.shown.with_untracked(|s| {
            s.as_ref().map(|s| {
                let v = &s.valuation;
                text::verdict(
                    state.lang,
                    case,
                    v.per_share_listing,
                    s.scenario.price,
                    v.upside_pct,
                    &s.scenario.listing_currency,
                )
            })
        })
    };
    let say = crate::ui::pause::after_pause(std::time::Duration::from_secs(1), move || {
        announced.set(verdict().unwrap_or_default());
    });
    Effect::new(move |_| {
        state.shown.track();
        say();
    });
    view! { <p class="visually-hidden" aria-live="polite" data-testid="announce">{announced}</p> }
}
