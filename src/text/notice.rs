//! Notices in words.

use super::{issue, issue_in_file, link_error, n, problem, storage_error, Key, Lang};
use crate::notice::{Done, Notice, Reason, Refused};

/// A notice as the page shows it: a line (or a refusal's headline), the
/// reasons under it, and a link to copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    pub title: String,
    pub lines: Vec<String>,
    pub url: Option<String>,
}

pub fn notice(lang: Lang, notice: &Notice) -> Rendered {
    match notice {
        Notice::Done(done) => Rendered { title: done_text(lang, done), lines: Vec::new(), url: None },
        Notice::Link { copied, stale, url } => {
            let key = match (copied, stale) {
                (true, false) => Key::LinkCopied,
                (true, true) => Key::LinkCopiedStale,
                (false, false) => Key::LinkByHand,
                (false, true) => Key::LinkByHandStale,
            };
            Rendered {
                title: lang.f(key, &[("chars", &n(url.chars().count()))]),
                lines: Vec::new(),
                url: Some(url.clone()),
            }
        }
        Notice::Refused { what, reasons } => {
            let mut lines: Vec<String> = reasons.iter().map(|r| reason(lang, r)).collect();
            if let Refused::LinkTooLong { chars, max } = what {
                lines.insert(0, lang.f(Key::ReasonLinkTooLong, &[("chars", &n(chars)), ("max", &n(max))]));
            }
            Rendered { title: refused_text(lang, what), lines, url: None }
        }
    }
}

fn done_text(lang: Lang, done: &Done) -> String {
    match done {
        Done::Saved { name } => lang.f(Key::DoneSaved, &[("name", name)]),
        Done::SavedOverTheirs { name } => lang.f(Key::DoneSavedOverTheirs, &[("name", name)]),
        Done::Duplicated { name } => lang.f(Key::DoneDuplicated, &[("name", name)]),
        Done::ImportedOne { name, file } => lang.f(Key::DoneImportedOne, &[("name", name), ("file", file)]),
        Done::ImportedMany { count, file } => {
            lang.f(Key::DoneImportedMany, &[("count", &n(count)), ("file", file)])
        }
        Done::OpenedLink { name } => lang.f(Key::DoneOpenedLink, &[("name", name)]),
        Done::ExportedScenario { file, stale: false } => lang.f(Key::DoneExportedScenario, &[("file", file)]),
        Done::ExportedScenario { file, stale: true } => lang.f(Key::DoneExportedStale, &[("file", file)]),
        Done::ExportedList { count, file } => {
            lang.f(Key::DoneExportedList, &[("count", &n(count)), ("file", file)])
        }
        Done::NothingToExport => lang.t(Key::DoneNothingToExport).to_string(),
        Done::ExportedBridge { file } => lang.f(Key::DoneExportedBridge, &[("file", file)]),
    }
}

fn refused_text(lang: Lang, what: &Refused) -> String {
    let t = |key| lang.t(key).to_string();
    match what {
        Refused::Save => t(Key::RefusedSave),
        Refused::ReadSaved => t(Key::RefusedReadSaved),
        Refused::SaveInvalid => t(Key::RefusedSaveInvalid),
        Refused::Rename => t(Key::RefusedRename),
        Refused::Duplicate => t(Key::RefusedDuplicate),
        Refused::Delete => t(Key::RefusedDelete),
        Refused::ImportList => t(Key::RefusedImportList),
        Refused::ImportTooLarge { file, max } => {
            lang.f(Key::RefusedImportTooLarge, &[("file", file), ("max", &n(max))])
        }
        Refused::ImportUnreadable { file } => lang.f(Key::RefusedImportUnreadable, &[("file", file)]),
        Refused::ImportFormat { file, count: 1 } => lang.f(Key::RefusedImportFormatOne, &[("file", file)]),
        Refused::ImportFormat { file, count } => {
            lang.f(Key::RefusedImportFormatMany, &[("file", file), ("count", &n(count))])
        }
        Refused::Export => t(Key::RefusedExport),
        Refused::OpenLink => t(Key::RefusedOpenLink),
        Refused::LinkTooLong { .. } => t(Key::RefusedLinkTooLong),
    }
}

fn reason(lang: Lang, r: &Reason) -> String {
    match r {
        Reason::Issue(i) => issue(lang, i),
        Reason::FileIssue { scenario: None, issue } => issue_in_file(lang, issue),
        Reason::FileIssue { scenario: Some(number), issue } => {
            lang.f(Key::ListScenario, &[("n", &n(number)), ("line", &issue_in_file(lang, issue))])
        }
        Reason::PendingFields => lang.t(Key::ReasonPendingFields).to_string(),
        Reason::Storage(e) => storage_error(lang, e),
        Reason::NotStored => lang.t(Key::ReasonNotStored).to_string(),
        Reason::Name(p) => lang.f(Key::ReasonName, &[("problem", &problem(lang, p))]),
        Reason::PartlyImported { done, total, file } => {
            lang.f(Key::ReasonPartlyImported, &[("done", &n(done)), ("total", &n(total)), ("file", file)])
        }
        Reason::Link(e) => link_error(lang, e),
    }
}
