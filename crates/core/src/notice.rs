//! What the page tells the user after they did something, as data.
//!
//! A notice says what happened (saved, imported, refused and why) with the
//! values the message needs; `crate::text::notice` says it in the reader's
//! language. Plain Rust, so the messages are tested natively.

use crate::link::LinkError;
use crate::model::{Issue, Problem};
use crate::store::StorageError;

#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Something was done.
    Done(Done),
    /// A share link, shown so it can be copied by hand too.
    Link {
        /// Whether it reached the clipboard.
        copied: bool,
        /// The link is to the last valid scenario, not the inputs on screen.
        stale: bool,
        url: String,
    },
    /// Something was not done, and every reason.
    Refused { what: Refused, reasons: Vec<Reason> },
}

/// Something done.
#[derive(Clone, Debug, PartialEq)]
pub enum Done {
    Saved {
        name: String,
    },
    SavedOverTheirs {
        name: String,
    },
    Duplicated {
        name: String,
    },
    /// A file of one scenario opened on screen, not saved.
    ImportedOne {
        name: String,
        file: String,
    },
    /// A list saved into My scenarios.
    ImportedMany {
        count: usize,
        file: String,
    },
    /// A share link opened as an unsaved copy.
    OpenedLink {
        name: String,
    },
    /// `stale`: the last valid scenario was exported, not the inputs on screen.
    ExportedScenario {
        file: String,
        stale: bool,
    },
    ExportedList {
        count: usize,
        file: String,
    },
    NothingToExport,
    ExportedBridge {
        file: String,
    },
}

/// What was not done.
#[derive(Clone, Debug, PartialEq)]
pub enum Refused {
    /// Not saved (storage refused, or it is off).
    Save,
    /// The saved scenarios could not be read.
    ReadSaved,
    /// Not saved because the scenario breaks rules: nothing invalid is stored.
    SaveInvalid,
    Rename,
    Duplicate,
    Delete,
    /// A list of scenarios is saved into My scenarios, which is off.
    ImportList,
    /// A file larger than `max` bytes, refused before reading.
    ImportTooLarge {
        file: String,
        max: usize,
    },
    /// A file that is not text.
    ImportUnreadable {
        file: String,
    },
    /// A file that does not follow the format; `count` problems follow.
    ImportFormat {
        file: String,
        count: usize,
    },
    /// The browser refused to create a download.
    Export,
    /// A share link that does not open; the page keeps what it had.
    OpenLink,
    /// The scenario's link would be too long.
    LinkTooLong {
        chars: usize,
        max: usize,
    },
}

/// Why something was not done.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// A rule the scenario breaks.
    Issue(Issue),
    /// A problem of a file: of the file itself, or of its scenario number
    /// `scenario` (from 1) in a list.
    FileIssue {
        scenario: Option<usize>,
        issue: Issue,
    },
    /// Fields hold text that is not a valid value.
    PendingFields,
    Storage(StorageError),
    /// The entry is no longer stored.
    NotStored,
    /// The new name breaks the rule for names.
    Name(Problem),
    /// An import that failed part-way: `done` of `total` were saved.
    PartlyImported {
        done: usize,
        total: usize,
        file: String,
    },
    Link(LinkError),
}

impl Notice {
    pub fn refused(what: Refused, reasons: Vec<Reason>) -> Notice {
        Notice::Refused { what, reasons }
    }
}
