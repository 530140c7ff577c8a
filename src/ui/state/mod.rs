//! The page's reactive state, gathered in one `Copy` struct of signals,
//! and the methods that change it: the only module that writes them.
//! `saved` (a child, so the dependency runs one way) holds the methods of
//! saved scenarios.
//!
//! The logic lives in plain methods here; components only read signals
//! and call these methods.

mod draft;
mod field_errors;
pub mod notes;
pub mod parts;
mod rules;
pub mod saved;
mod signal;
pub mod structure;
mod typed;

use crate::model::{evaluate, Field, Issue, Preset, Problem, Scenario, Valuation};
pub use crate::notice::{Done, Notice, Reason, Refused};
use crate::text::Lang;
pub use field_errors::FieldErrors;
use leptos::prelude::*;
use rules::Touched;
use saved::Saved;
pub use signal::StateSignal;
pub use typed::Typed;

/// The valuation on screen, with the scenario it was computed from.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    pub scenario: Scenario,
    pub valuation: Valuation,
}

/// What a preset switch replaced, so that Undo puts it back exactly: the
/// scenario with its edits, what they were edits of, and which saved
/// scenario or link it was.
#[derive(Clone, Debug, PartialEq)]
pub struct Replaced {
    scenario: Scenario,
    baseline: Scenario,
    open: Option<saved::OpenEntry>,
    from_link: bool,
    /// Replaced by a blank "New company" rather than a preset.
    pub by_new_company: bool,
}

#[derive(Clone, Copy)]
pub struct AppState {
    /// The scenario being edited. May break a cross-field rule (e.g. years);
    /// single fields that do not parse or break their own rule never reach it.
    pub scenario: StateSignal<Scenario>,
    /// What edits are compared with: the preset or file the user started from.
    pub baseline: StateSignal<Scenario>,
    /// Bumped when the scenario is replaced as a whole or restructured:
    /// text typed before then gives way to the scenario's (`Typed`).
    pub generation: StateSignal<u64>,
    /// Text that could not be taken, by field: the problem to show under it.
    pub field_errors: StateSignal<FieldErrors>,
    pub evaluation: Memo<Result<Valuation, Vec<Issue>>>,
    /// The last valid valuation: what stays on screen while input is wrong.
    pub shown: Memo<Option<Shown>>,
    /// The preset the scenario matches, if any ("Custom" otherwise).
    pub preset: Memo<Option<Preset>>,
    /// Whether the scenario is shaped like Xiaomi, whose cases Bear, Base
    /// and Bull are: the presets, their stand-in and the company card follow.
    pub xiaomi_shaped: Memo<bool>,
    /// The inputs under the headline (`analysis::key_inputs`), with the
    /// `generation` they were chosen in: chosen when the scenario is opened
    /// or restructured, or first has a value, and not on each edit, so they
    /// stay put while the user types (`key_fields`).
    key_fields: Memo<(u64, Vec<Field>)>,
    /// Whether each card shows its structure tools (name, driver, unit,
    /// place): closed for Xiaomi's shape, open for another company, and as
    /// the user switches it (`toggle_structure`).
    structure_open: StateSignal<bool>,
    /// The fields typed into since the scenario was opened, and whether a
    /// save was tried: until then a rule the scenario broke as opened (a
    /// blank company's zeros) is a hint under its field, not an error.
    touched: StateSignal<Touched>,
    /// The fields whose rule the scenario broke as opened (the baseline's).
    opened_issues: Memo<Vec<Field>>,
    pub notice: StateSignal<Option<Notice>>,
    /// The problem with the name being typed, if any (names are text, not fields).
    pub name_error: StateSignal<Option<Problem>>,
    /// What the last preset switch replaced, while it can be undone (until
    /// the next edit or load).
    pub replaced: StateSignal<Option<Box<Replaced>>>,
    /// The language every text is shown in (`crate::text`). A value, not a
    /// signal: views read it as they are built, and a new language builds
    /// the page anew (`language`).
    pub lang: Lang,
    /// The language the page is built in: setting it rebuilds the page in
    /// the new language from the same state (`ui::App`).
    pub language: StateSignal<Lang>,
    /// True while the scenario on screen came from a share link and is not
    /// saved: the address bar then follows each edit.
    pub from_link: StateSignal<bool>,
    pub saved: Saved,
    editor: structure::Editor,
    /// The page's reactive owner: what a lazy part or a task makes for the
    /// page's whole life (a memo, a window listener) is owned by it, not
    /// by the part's view, and is cleaned up with the page.
    owner: StoredValue<Owner>,
    /// The requests for each language's texts of the lazy parts, shared by
    /// every part that waits for them (`ui::language::rest`).
    pub text_requests: StoredValue<Vec<(Lang, js_sys::Promise)>, LocalStorage>,
    /// The lazy parts that did not load (`lazy`).
    pub parts: parts::Parts,
}

impl AppState {
    pub fn new(initial: Scenario) -> Self {
        let scenario = StateSignal::new(initial.clone());
        let evaluation = Memo::new(move |_| scenario.with(evaluate));
        // Matching builds and compares the three presets: done once per
        // change here, read by the headline, the picker and the save logic.
        let preset = Memo::new(move |_| scenario.with(Preset::matching));
        let xiaomi_shaped = Memo::new(move |_| scenario.with(crate::model::presets::is_xiaomi_shaped));
        let shown = Memo::new(move |prev: Option<&Option<Shown>>| {
            match evaluation.with(|r| r.as_ref().ok().cloned()) {
                Some(valuation) => Some(Shown { scenario: scenario.get(), valuation }),
                // The last valid value stays while the input is wrong, but
                // not another company's: a blank "New company" shows none.
                None => {
                    prev.cloned().flatten().filter(|p| scenario.with(|s| p.scenario.company == s.company))
                }
            }
        });
        let generation = StateSignal::new(0);
        let valid = Memo::new(move |_| evaluation.with(Result::is_ok));
        // Chosen once per opening or restructure (`generation`), and when a
        // blank company first has a value; kept while the value is broken.
        let key_fields = Memo::new(move |chosen: Option<&(u64, Vec<Field>)>| {
            let (now, ok) = (generation.get(), valid.get());
            match chosen {
                Some((at, fields)) if *at == now && (!fields.is_empty() || !ok) => (now, fields.clone()),
                _ if ok => (now, scenario.with_untracked(crate::analysis::key_inputs::key_inputs)),
                _ => (now, Vec::new()),
            }
        });
        let structure_open = StateSignal::new(!crate::model::presets::is_xiaomi_shaped(&initial));
        let baseline = StateSignal::new(initial);
        let opened_issues = Memo::new(move |_| {
            baseline.with(|b| evaluate(b).err().unwrap_or_default().iter().filter_map(Issue::field).collect())
        });
        AppState {
            scenario,
            baseline,
            generation,
            field_errors: StateSignal::new(FieldErrors::default()),
            evaluation,
            shown,
            preset,
            xiaomi_shaped,
            key_fields,
            structure_open,
            touched: StateSignal::new(Touched::default()),
            opened_issues,
            notice: StateSignal::new(None),
            name_error: StateSignal::new(None),
            lang: Lang::default(),
            language: StateSignal::new(Lang::default()),
            replaced: StateSignal::new(None),
            from_link: StateSignal::new(false),
            saved: Saved::new(),
            editor: structure::Editor::new(),
            owner: StoredValue::new(Owner::current().unwrap_or_default()),
            text_requests: StoredValue::new_local(Vec::new()),
            parts: parts::Parts::new(),
        }
    }

    /// Where the segment `id` is in the scenario now: a card is keyed by its
    /// segment's id and reads its index here, so it follows the segment as
    /// segments move. A segment removed keeps its last place until its
    /// card leaves the page.
    pub fn segment_at(&self, id: String) -> Memo<usize> {
        let scenario = self.scenario;
        Memo::new(move |last: Option<&usize>| {
            let now = scenario.with(|s| s.segments.iter().position(|seg| seg.id == id));
            now.or(last.copied()).unwrap_or_default()
        })
    }

    /// The name of the segment at `index` as the page shows it (a preset's
    /// in the reader's language until renamed), tracked; "" once it is gone.
    pub fn segment_name(&self, index: usize) -> String {
        self.scenario.with(|s| {
            let seg = s.segments.get(index);
            seg.map(|seg| crate::text::shown_name(self.lang, &seg.id, &seg.name).to_string())
                .unwrap_or_default()
        })
    }

    /// The segments' ids, in order: what the cards are keyed by.
    pub fn segment_ids(&self) -> Memo<Vec<String>> {
        let scenario = self.scenario;
        Memo::new(move |_| scenario.with(|s| s.segments.iter().map(|seg| seg.id.clone()).collect()))
    }

    /// The page's reactive owner (see the field).
    pub fn owner(&self) -> Owner {
        self.owner.get_value()
    }

    /// This state as the page is built in the language chosen last: every
    /// view built from it speaks that language (`ui::App`).
    pub fn in_chosen_language(&self) -> AppState {
        AppState { lang: self.language.get(), ..*self }
    }

    /// Replaces the scenario as a whole (preset, import) and makes it the
    /// new baseline. Pending field errors belong to the old inputs: dropped.
    pub fn load(&self, scenario: Scenario) {
        self.replaced.set(None);
        self.structure_open.set(!crate::model::presets::is_xiaomi_shaped(&scenario));
        self.baseline.set(scenario.clone());
        self.scenario.set(scenario);
        self.field_errors.set(FieldErrors::default());
        self.name_error.set(None);
        self.touched.set(Touched::default());
        self.generation.update(|g| *g += 1);
    }

    /// The key assumptions' fields, tracked (see the field).
    pub fn key_fields(&self) -> Vec<Field> {
        self.key_fields.with(|(_, fields)| fields.clone())
    }

    /// Whether the cards show their structure tools (see the field).
    pub fn structure_open(&self) -> bool {
        self.structure_open.get()
    }

    /// Opens or closes every card's structure tools.
    pub fn toggle_structure(&self) {
        self.structure_open.update(|open| *open = !*open);
    }

    /// Loads a scenario that is not (yet) saved: a preset, a file, a link.
    pub fn load_unsaved(&self, scenario: Scenario) {
        self.load(scenario);
        self.saved.open.set(None);
        self.saved.conflict.set(None);
        self.from_link.set(false);
    }

    /// Switches to a preset. Over work it would lose (edits, text not yet
    /// taken, a link or file saved nowhere) it switches at once and keeps
    /// what it replaced for `undo_preset`. (Checked here rather than by
    /// `has_unsaved_work`, which would bring the saved-scenario logic onto
    /// the first load.)
    pub fn load_preset(&self, preset: Preset) {
        self.replace_with(preset.scenario(), false);
    }

    /// Opens `scenario` unsaved (a preset, a blank company), keeping what
    /// it replaced for Undo when that was work the user would lose.
    /// Inlined into both callers: "New company" is in the `saved` chunk,
    /// and a function they shared would sit on the first load.
    #[inline(always)]
    fn replace_with(&self, scenario: Scenario, by_new_company: bool) {
        let edited = self.scenario.with_untracked(|s| self.baseline.with_untracked(|b| s != b));
        let loses = edited
            || self.field_errors.with_untracked(|e| !e.is_empty())
            || self.from_link.get_untracked()
            || (self.saved.open.with_untracked(Option::is_none) && self.preset.get_untracked().is_none());
        let replaced = loses.then(|| Replaced {
            scenario: self.scenario.get_untracked(),
            baseline: self.baseline.get_untracked(),
            open: self.saved.open.get_untracked(),
            from_link: self.from_link.get_untracked(),
            by_new_company,
        });
        self.notice.set(None);
        self.load_unsaved(scenario);
        self.replaced.set(replaced.map(Box::new));
    }

    /// Puts back what the last preset switch replaced: the same scenario,
    /// the same fields marked as changed, the same saved scenario open.
    pub fn undo_preset(&self) {
        let Some(r) = self.replaced.get_untracked() else {
            return;
        };
        let Replaced { scenario, baseline, open, from_link, .. } = *r;
        self.put_back(baseline, scenario, open, from_link);
    }

    /// Puts the editor back as it was: `scenario` as edits of `baseline`
    /// (so the same fields are marked as changed), with the same saved
    /// scenario open and the same link state. For Undo and for a draft.
    fn put_back(
        &self,
        baseline: Scenario,
        scenario: Scenario,
        open: Option<saved::OpenEntry>,
        from_link: bool,
    ) {
        self.load(baseline);
        self.scenario.set(scenario);
        self.saved.open.set(open);
        self.from_link.set(from_link);
    }

    /// Takes the scenario name as typed, by the spec's rule for names.
    pub fn edit_name(&self, text: &str) {
        match crate::model::validate::text_problem(text, crate::model::validate::MAX_NAME_CHARS) {
            None => {
                self.name_error.set(None);
                self.scenario.update(|s| s.name = text.to_string());
            }
            Some(problem) => self.name_error.set(Some(problem)),
        }
    }

    /// The message under the name field, if the typed name breaks the rule.
    pub fn name_error_text(&self) -> Option<String> {
        let lang = self.lang;
        self.name_error
            .get()
            .map(|p| crate::text::issue(lang, &Issue::new("name", crate::model::Subject::Name, p)))
    }

    /// Takes what the user typed into a field. Text that does not parse or
    /// breaks the field's own rule is kept out of the scenario and explained
    /// under the field; the valuation waits for a valid value.
    pub fn edit(&self, field: Field, text: &str) {
        // An edit after a switch makes the switch the user's: no undo now.
        if self.replaced.with_untracked(Option::is_some) {
            self.replaced.set(None);
        }
        if !self.touched.with_untracked(|t| t.all || t.fields.contains(&field)) {
            self.touched.update(|t| t.fields.push(field));
        }
        let result = field.parse(self.lang.number_style(), text);
        match result {
            Ok(value) => {
                // Only a field that had an error notifies: every field's
                // message reads the errors, and most edits have none.
                if self.field_errors.with_untracked(|e| e.get(field).is_some()) {
                    self.field_errors.update(|errors| errors.remove(field));
                }
                if self.scenario.with_untracked(|s| field.get(s) != Some(value)) {
                    self.scenario.update(|s| {
                        field.set(s, value);
                    });
                }
            }
            Err(problem) => self.field_errors.update(|errors| {
                errors.insert(field, problem);
            }),
        }
    }

    /// The message to show under a field: its own text error first, then a
    /// rule of the whole scenario that names it (e.g. the year range).
    pub fn problem_for(&self, field: Field) -> Option<String> {
        let say = |p: &Problem| crate::text::value_problem(self.lang, p);
        if let Some(own) = self.field_errors.with(|e| e.get(field).and_then(say)) {
            return Some(own);
        }
        if self.rule_is_hint(field) {
            return None;
        }
        self.rule_broken(field)
    }

    /// Whether what is on screen is the last valid valuation rather than the
    /// inputs as they stand.
    pub fn is_stale(&self) -> bool {
        self.field_errors.with(|e| !e.is_empty()) || self.evaluation.with(|r| r.is_err())
    }

    /// The preset the scenario matches, if any ("Custom" otherwise).
    pub fn active_preset(&self) -> Option<Preset> {
        self.preset.get()
    }

    // The page's messages: views and the browser modules say what happened
    // through these, and never write `notice` themselves.

    /// A message that something was done.
    pub fn inform(&self, done: Done) {
        self.notice.set(Some(Notice::Done(done)));
    }

    /// A refusal: what was not done, and every reason.
    pub fn refuse(&self, what: Refused, reasons: Vec<Reason>) {
        self.notice.set(Some(Notice::refused(what, reasons)));
    }

    /// A file refused (`export::read_import`, `export::check_file_size`).
    pub fn refuse_with(&self, refusal: crate::export::Refusal) {
        self.refuse(refusal.what, refusal.reasons);
    }

    /// The browser refused to create a download.
    pub fn export_failed(&self) {
        self.refuse(Refused::Export, Vec::new());
    }

    /// A share link, shown so it can be copied by hand too.
    pub fn offer_link(&self, copied: bool, stale: bool, url: String) {
        self.notice.set(Some(Notice::Link { copied, stale, url }));
    }

    /// Builds the page anew in `lang` (its texts must be there:
    /// `ui::language::ready`). Every edit is in the state, so none is lost.
    pub fn show_in(&self, lang: Lang) {
        self.language.set(lang);
    }

    pub fn dismiss_notice(&self) {
        self.notice.set(None);
    }
}
