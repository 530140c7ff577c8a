//! Compare two to four scenarios side by side and weight them by probability.

use crate::compare::{compare_rows, equal_weights, parse_weights, weighted};
use crate::display::{per_share, signed_pct};
use crate::model::{Preset, Scenario};
use crate::text::{self, CompareKey};
use crate::ui::state::AppState;
use leptos::either::Either;
use leptos::prelude::*;
use std::collections::BTreeMap;

pub const MAX_COMPARED: usize = 4;

/// A scenario that can be compared: the one on screen, a preset, a saved one.
#[derive(Clone, Debug, PartialEq)]
struct Candidate {
    key: String,
    title: String,
    scenario: Scenario,
}

fn candidates(state: AppState) -> Vec<Candidate> {
    let lang = state.lang;
    let mut out = vec![Candidate {
        key: "current".into(),
        title: state.shown.with(|s| {
            s.as_ref().map_or_else(
                || lang.t(CompareKey::OnScreen).to_string(),
                |s| lang.f(CompareKey::OnScreenNamed, &[("name", &s.scenario.name)]),
            )
        }),
        scenario: state
            .shown
            .with(|s| s.as_ref().map(|s| s.scenario.clone()))
            .unwrap_or_else(|| Preset::Base.scenario()),
    }];
    out.extend(Preset::ALL.into_iter().map(|p| Candidate {
        key: format!("preset:{}", p.name()),
        title: lang.f(CompareKey::PresetTitle, &[("preset", text::preset(lang, Some(p)))]),
        scenario: p.scenario(),
    }));
    state.saved.library.with(|l| {
        out.extend(l.entries().into_iter().map(|e| Candidate {
            key: format!("saved:{}", e.id),
            title: e.scenario.name.clone(),
            scenario: e.scenario.clone(),
        }))
    });
    out
}

#[component]
pub fn CompareView(state: AppState) -> impl IntoView {
    let all = Memo::new(move |_| candidates(state));
    let chosen =
        RwSignal::new(vec!["preset:Bear".to_string(), "preset:Base".to_string(), "preset:Bull".to_string()]);
    let weights = RwSignal::new(BTreeMap::from([
        ("preset:Bear".to_string(), "25".to_string()),
        ("preset:Base".to_string(), "50".to_string()),
        ("preset:Bull".to_string(), "25".to_string()),
    ]));
    // Chosen candidates that still exist (a saved one may have been deleted).
    let picked = Memo::new(move |_| {
        let all = all.get();
        chosen.with(|keys| {
            keys.iter().filter_map(|k| all.iter().find(|c| &c.key == k).cloned()).collect::<Vec<_>>()
        })
    });
    let toggle = move |key: String| {
        chosen.update(|keys| {
            if let Some(pos) = keys.iter().position(|k| *k == key) {
                keys.remove(pos);
            } else if keys.len() < MAX_COMPARED {
                // A scenario added to the weighted ones starts at 0%: the
                // expected value stays as it was until the user weights it.
                weights.update(|w| {
                    w.entry(key.clone()).or_insert_with(|| "0".to_string());
                });
                keys.push(key);
            }
        })
    };
    let rows = move || {
        picked.with(|p| {
            (p.len() >= 2)
                .then(|| compare_rows(state.lang, &p.iter().map(|c| &c.scenario).collect::<Vec<_>>()))
        })
    };
    view! {
        <details class="card compare" data-testid="compare">
            <summary>
                <h2>{state.lang.t(text::Key::PartCompare)}</h2>
                <span class="muted">{move || state.lang.f(CompareKey::Chosen, &[("n", &picked.with(Vec::len).to_string())])}</span>
            </summary>
            <fieldset class="compare-picks">
                <legend>{state.lang.t(CompareKey::PickLegend)}</legend>
                <For each=move || all.get() key=|c| (c.key.clone(), c.title.clone()) let:c>
                    {
                        let key = StoredValue::new(c.key.clone());
                        let is_on = move || key.with_value(|key| chosen.with(|k| k.contains(key)));
                        view! {
                            <label class="pick">
                                <input
                                    type="checkbox"
                                    prop:checked=is_on
                                    prop:disabled=move || !is_on() && chosen.with(|k| k.len() >= MAX_COMPARED)
                                    on:change=move |_| toggle(key.get_value())
                                />
                                {c.title.clone()}
                            </label>
                        }
                    }
                </For>
            </fieldset>
            {move || match rows() {
                None => Either::Left(view! { <p class="muted">{state.lang.t(CompareKey::ChooseTwo)}</p> }),
                Some(rows) => Either::Right(view! { <CompareTable titles=picked.get().into_iter().map(|c| c.title).collect() rows lang=state.lang /> }),
            }}
            <Weights picked weights lang=state.lang />
        </details>
    }
}

#[component]
fn CompareTable(
    titles: Vec<String>,
    rows: Vec<crate::compare::CompareRow>,
    lang: text::Lang,
) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table class="compare-table stacked" data-testid="compare-table">
                <thead>
                    <tr>
                        <th scope="col"><span class="visually-hidden">{lang.t(CompareKey::InputColumn)}</span></th>
                        {titles.iter().map(|t| view! { <th scope="col" class="num">{t.clone()}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|row| {
                            // Each cell names its scenario too: a phone lays a
                            // row out as a list of them (`style/main.css`).
                            let cells = row.cells.into_iter().zip(titles.clone());
                            view! {
                                <tr class:differs=row.differs data-differs=row.differs.to_string()>
                                    <th scope="row">{row.label}</th>
                                    {cells.map(|(c, t)| view! { <td class="num" data-label=t>{c}</td> }).collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// A weight per chosen scenario; the expected value once they total 100%.
#[component]
fn Weights(
    picked: Memo<Vec<Candidate>>,
    weights: RwSignal<BTreeMap<String, String>>,
    lang: text::Lang,
) -> impl IntoView {
    let result = move || {
        let picked = picked.get();
        if picked.len() < 2 {
            return None;
        }
        let texts: Vec<String> =
            weights.with(|w| picked.iter().map(|c| w.get(&c.key).cloned().unwrap_or_default()).collect());
        let typed: Vec<(&str, &str)> =
            picked.iter().zip(&texts).map(|(c, t)| (c.title.as_str(), t.as_str())).collect();
        let values = match parse_weights(lang.number_style(), &typed) {
            Ok(values) => values,
            Err(e) => return Some(Err(text::weight_error(lang, &e))),
        };
        let scenarios: Vec<&Scenario> = picked.iter().map(|c| &c.scenario).collect();
        let currency = picked.first().map(|c| c.scenario.listing_currency.clone()).unwrap_or_default();
        Some(weighted(&scenarios, &values).map(|w| (w, currency)).map_err(|e| text::weight_error(lang, &e)))
    };
    let equal = move |_| {
        let keys: Vec<String> = picked.with(|p| p.iter().map(|c| c.key.clone()).collect());
        let split = equal_weights(keys.len());
        weights.update(|w| {
            for (k, each) in keys.iter().zip(split) {
                w.insert(k.clone(), crate::display::editable(lang, each));
            }
        });
    };
    view! {
        <div class="weights">
            <h3>{lang.t(CompareKey::WeightedTitle)}</h3>
            <div class="weight-fields">
                <For each=move || picked.get() key=|c| c.key.clone() let:c>
                    {
                        let id = format!("weight-{}", c.key.replace([':', '.'], "-"));
                        let key = c.key.clone();
                        let key2 = c.key.clone();
                        view! {
                            <div class="field">
                                <label for=id.clone()>{lang.f(CompareKey::WeightFor, &[("title", &c.title)])}</label>
                                <input
                                    id=id
                                    type="text"
                                    inputmode="decimal"
                                    prop:value=move || weights.with(|w| w.get(&key).cloned().unwrap_or_default())
                                    on:input=move |ev| weights.update(|w| {
                                        w.insert(key2.clone(), event_target_value(&ev));
                                    })
                                />
                            </div>
                        }
                    }
                </For>
                <button type="button" on:click=equal>{lang.t(CompareKey::EqualWeights)}</button>
            </div>
            {move || match result()? {
                Err(message) => Some(Either::Left(view! { <p role="alert" class="field-error" data-testid="weights-error">{message}</p> })),
                Ok((w, currency)) => Some(Either::Right(view! {
                    <p class="weighted">
                        {lang.t(CompareKey::ExpectedValue)}
                        " "
                        <strong data-testid="weighted-value">{per_share(lang, w.per_share_listing, &currency)}</strong>
                        {lang.t(CompareKey::ExpectedComma)}
                        <strong data-testid="weighted-upside">{signed_pct(lang, w.upside_pct)}</strong>
                        {lang.t(CompareKey::AgainstPrice)}
                    </p>
                })),
            }}
        </div>
    }
}
