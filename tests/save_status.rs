//! What the save bar says, decided by `library::SaveStatus` (plain Rust).
// Tests may unwrap, expect, panic and index: a failure is the test failing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable
)]

use sotp::library::SaveStatus;
use sotp::text::{Lang::En, Say};

#[test]
fn blocked_storage_says_so_whatever_else_holds() {
    for open in [false, true] {
        for from_link in [false, true] {
            for dirty in [false, true] {
                assert_eq!(SaveStatus::of(true, open, from_link, dirty), SaveStatus::StorageOff);
            }
        }
    }
    assert_eq!(SaveStatus::StorageOff.say(En), "Saving is off in this browser");
}

#[test]
fn nothing_open_is_not_saved_or_a_link_copy() {
    // With nothing open, "dirty" is always true and does not matter.
    assert_eq!(SaveStatus::of(false, false, false, true), SaveStatus::NotSaved);
    assert_eq!(SaveStatus::of(false, false, true, true), SaveStatus::FromLink);
    assert_eq!(SaveStatus::NotSaved.say(En), "Not saved");
    assert_eq!(SaveStatus::FromLink.say(En), "Opened from a link: not saved");
}

#[test]
fn an_open_entry_is_saved_until_edited() {
    assert_eq!(SaveStatus::of(false, true, false, false), SaveStatus::Saved);
    assert_eq!(SaveStatus::of(false, true, false, true), SaveStatus::UnsavedChanges);
    // Saving a link copy opens it: it is then an ordinary saved entry.
    assert_eq!(SaveStatus::of(false, true, true, false), SaveStatus::Saved);
    assert_eq!(SaveStatus::Saved.say(En), "Saved");
    assert_eq!(SaveStatus::UnsavedChanges.say(En), "Unsaved changes");
}
