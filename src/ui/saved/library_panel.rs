//! "My scenarios": the saved list, newest first, with each one's value.

use super::file_io::download;
use crate::display::per_share;
use crate::library::Damaged;
use crate::model::evaluate;
use crate::text::NoticeKey;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// A saved entry as listed.
#[derive(Clone, PartialEq)]
struct Item {
    id: String,
    name: String,
    value: String,
    when: String,
    revision: u64,
}

#[component]
pub fn LibraryPanel(state: AppState) -> impl IntoView {
    let items = Memo::new(move |_| {
        state.saved.library.with(|l| {
            l.entries()
                .into_iter()
                .map(|e| Item {
                    id: e.id.clone(),
                    name: e.scenario.name.clone(),
                    value: evaluate(&e.scenario)
                        .map(|v| per_share(state.lang, v.per_share_listing, &e.scenario.listing_currency))
                        .unwrap_or_else(|_| "-".into()),
                    when: super::save_bar::local_time(state.lang, e.saved_at_ms),
                    revision: e.revision,
                })
                .collect::<Vec<_>>()
        })
    });
    let damaged = move || state.saved.library.with(|l| l.damaged().to_vec());
    let count = move || items.with(Vec::len);
    let lang = state.lang;
    view! {
        <details class="card library" id="my-scenarios" open data-testid="library">
            <summary>
                <h2>{lang.t(crate::text::Key::PartLibrary)}</h2>
                <span class="muted">{move || lang.f(NoticeKey::SavedCount, &[("n", &count().to_string())])}</span>
            </summary>
            <Show when=move || count() == 0 && damaged().is_empty() && !state.saved.unavailable.get()>
                <p class="muted">{lang.t(NoticeKey::NothingSaved)}</p>
            </Show>
            <ul class="saved-list">
                <For each=move || items.get() key=|item| (item.id.clone(), item.revision) let:item>
                    <SavedItem state item=item />
                </For>
            </ul>
            <ul class="damaged-list">
                {move || damaged().into_iter().map(|d| view! { <DamagedItem state damaged=d /> }).collect_view()}
            </ul>
            {move || {
                state.saved.deleted.get().map(|(e, _)| {
                    view! {
                        <div class="undo" role="status" data-testid="undo">
                            {lang.f(NoticeKey::DeletedNamed, &[("name", &e.scenario.name)])}
                            " "
                            <button type="button" on:click=move |_| state.undo_delete()>{lang.t(crate::text::Key::Undo)}</button>
                        </div>
                    }
                })
            }}
        </details>
    }
}

#[component]
fn SavedItem(state: AppState, item: Item) -> impl IntoView {
    let renaming = RwSignal::new(false);
    let draft = RwSignal::new(item.name.clone());
    let confirm_open = RwSignal::new(false);
    let id = StoredValue::new(item.id.clone());
    let is_open =
        move || state.saved.open.with(|o| o.as_ref().is_some_and(|o| id.with_value(|i| o.id == *i)));
    // What is stored now (another tab may have saved it since it was listed).
    let open_it = move || {
        if let Some(e) = id.with_value(|i| state.saved.library.with_untracked(|l| l.get(i).cloned())) {
            state.open_saved(&e);
        }
    };
    let open = move |_| {
        // Unsaved work is not thrown away without asking.
        if state.has_unsaved_work() {
            confirm_open.set(true);
        } else {
            open_it();
        }
    };
    let rename = move || {
        id.with_value(|i| state.rename_saved(i, &draft.get_untracked()));
        renaming.set(false);
    };
    // Rename takes the user straight into the name, whole, ready to retype.
    let lang = state.lang;
    let rename_input = NodeRef::<leptos::html::Input>::new();
    rename_input.on_load(|input| {
        let _ = input.focus();
        input.select();
    });
    view! {
        <li class="saved-item" class:open=is_open data-testid="saved-item">
            <Show
                when=move || renaming.get()
                fallback=move || {
                    view! {
                        <button type="button" class="saved-name" on:click=open title=lang.t(NoticeKey::Open)>
                            {item.name.clone()}
                        </button>
                    }
                }
            >
                <input
                    type="text"
                    class="rename-input"
                    aria-label=lang.t(NoticeKey::NewName)
                    node_ref=rename_input
                    prop:value=move || draft.get()
                    on:input=move |ev| draft.set(event_target_value(&ev))
                    on:keydown=move |ev| {
                        if ev.key() == "Enter" {
                            rename();
                        }
                    }
                />
                <button type="button" on:click=move |_| rename()>{lang.t(NoticeKey::Ok)}</button>
            </Show>
            <span class="saved-value" data-testid="saved-value">{item.value.clone()}</span>
            <span class="saved-time muted">{item.when.clone()}</span>
            <span class="saved-actions">
                <button type="button" on:click=move |_| renaming.update(|r| *r = !*r)>{lang.t(NoticeKey::Rename)}</button>
                <button type="button" on:click=move |_| id.with_value(|i| state.duplicate_saved(i))>{lang.t(NoticeKey::Duplicate)}</button>
                <button type="button" on:click=move |_| id.with_value(|i| state.delete_saved(i))>{lang.t(NoticeKey::Delete)}</button>
            </span>
            <Show when=move || confirm_open.get()>
                <div class="confirm" role="alertdialog" aria-label=lang.t(NoticeKey::UnsavedChanges)>
                    {lang.t(NoticeKey::OpenAnywayQuestion)}
                    <button type="button" on:click=move |_| {
                        confirm_open.set(false);
                        open_it();
                    }>{lang.t(NoticeKey::OpenAnyway)}</button>
                    <button type="button" on:click=move |_| confirm_open.set(false)>{lang.t(NoticeKey::Cancel)}</button>
                </div>
            </Show>
        </li>
    }
}

#[component]
fn DamagedItem(state: AppState, damaged: Damaged) -> impl IntoView {
    let key = StoredValue::new(damaged.key.clone());
    let raw = StoredValue::new(damaged.raw.clone());
    let export = move |_| {
        let name = key.with_value(|k| format!("{}.txt", k.replace('.', "-")));
        let _ = raw.with_value(|r| download(&name, r, "text/plain"));
    };
    let lang = state.lang;
    view! {
        <li class="damaged-item" data-testid="damaged-item">
            <p>
                <strong>{lang.t(NoticeKey::DamagedEntry)}</strong>
                " "
                <code>{damaged.key.clone()}</code>
                {format!(": {}", crate::text::damage(lang, &damaged.reason))}
            </p>
            <button type="button" on:click=export>{lang.t(NoticeKey::ExportRaw)}</button>
            <button type="button" on:click=move |_| key.with_value(|k| state.delete_damaged(k))>{lang.t(NoticeKey::Delete)}</button>
        </li>
    }
}
