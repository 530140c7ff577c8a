//! The lazy parts of the page that did not load (`ui::parts::Lazy`, and
//! the page's start), and how to retry them: the page's one record, which
//! `ui::first::failed_parts` shows with the one Retry.

use super::StateSignal;
use leptos::prelude::*;

/// The lazy parts of the page that did not load, and how to retry them:
/// one message and one Retry for all (parts of one chunk fail together).
/// Each retry is kept while whoever registered it lives (`register`).
#[derive(Clone, Copy)]
pub struct Parts {
    failed: StateSignal<Vec<&'static str>>,
    retries: StoredValue<Retries, LocalStorage>,
}

#[derive(Default)]
struct Retries {
    next: u64,
    all: Vec<(u64, std::rc::Rc<dyn Fn()>)>,
}

impl Parts {
    pub fn new() -> Self {
        Parts { failed: StateSignal::new(Vec::new()), retries: StoredValue::new_local(Retries::default()) }
    }

    /// Keeps `retry` for Retry until the current reactive owner (a `Lazy`,
    /// the page) is cleaned up.
    pub fn register(&self, retry: impl Fn() + 'static) {
        let retries = self.retries;
        let id = retries.try_update_value(|r| {
            r.next += 1;
            r.all.push((r.next, std::rc::Rc::new(retry)));
            r.next
        });
        on_cleanup(move || {
            retries.try_update_value(|r| r.all.retain(|(i, _)| Some(*i) != id));
        });
    }

    pub fn set_failed(&self, part: &'static str, failed: bool) {
        self.failed.update(|list| {
            list.retain(|p| *p != part);
            if failed {
                list.push(part);
            }
        });
    }

    /// The names of the parts that did not load, in the order they failed.
    pub fn failed(&self) -> StateSignal<Vec<&'static str>> {
        self.failed
    }

    /// Loads again every part that failed.
    pub fn retry(&self) {
        let retries: Vec<_> = self
            .retries
            .try_with_value(|r| r.all.iter().map(|(_, f)| f.clone()).collect())
            .unwrap_or_default();
        for retry in retries {
            retry();
        }
    }
}

impl Default for Parts {
    fn default() -> Self {
        Self::new()
    }
}
