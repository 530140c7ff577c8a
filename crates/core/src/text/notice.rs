//! Notices in words.

use super::{issue, issue_in_file, link_error, n, problem, storage_error, Lang, NoticeKey};
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
                (true, false) => NoticeKey::LinkCopied,
                (true, true) => NoticeKey::LinkCopiedStale,
                (false, false) => NoticeKey::LinkByHand,
                (false, true) => NoticeKey::LinkByHandStale,
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
                lines.insert(
                    0,
                    lang.f(NoticeKey::ReasonLinkTooLong, &[("chars", &n(chars)), ("max", &n(max))]),
                );
            }
            Rendered { title: refused_text(lang, what), lines, url: None }
        }
    }
}

fn done_text(lang: Lang, done: &Done) -> String {
    match done {
        Done::Saved { name } => lang.f(NoticeKey::DoneSaved, &[("name", name)]),
        Done::SavedOverTheirs { name } => lang.f(NoticeKey::DoneSavedOverTheirs, &[("name", name)]),
        Done::Duplicated { name } => lang.f(NoticeKey::DoneDuplicated, &[("name", name)]),
        Done::ImportedOne { name, file } => {
            lang.f(NoticeKey::DoneImportedOne, &[("name", name), ("file", file)])
        }
        Done::ImportedMany { count: 1, file } => lang.f(NoticeKey::DoneImportedManyOne, &[("file", file)]),
        Done::ImportedMany { count, file } => {
            lang.f(NoticeKey::DoneImportedMany, &[("count", &n(count)), ("file", file)])
        }
        Done::OpenedLink { name } => lang.f(NoticeKey::DoneOpenedLink, &[("name", name)]),
        Done::ExportedScenario { file, stale: false } => {
            lang.f(NoticeKey::DoneExportedScenario, &[("file", file)])
        }
        Done::ExportedScenario { file, stale: true } => {
            lang.f(NoticeKey::DoneExportedStale, &[("file", file)])
        }
        Done::ExportedList { count, file } => {
            lang.f(NoticeKey::DoneExportedList, &[("count", &n(count)), ("file", file)])
        }
        Done::NothingToExport => lang.t(NoticeKey::DoneNothingToExport).to_string(),
        Done::ExportedBridge { file } => lang.f(NoticeKey::DoneExportedBridge, &[("file", file)]),
    }
}

fn refused_text(lang: Lang, what: &Refused) -> String {
    let t = |key| lang.t(key).to_string();
    match what {
        Refused::Save => t(NoticeKey::RefusedSave),
        Refused::ReadSaved => t(NoticeKey::RefusedReadSaved),
        Refused::SaveInvalid => t(NoticeKey::RefusedSaveInvalid),
        Refused::Rename => t(NoticeKey::RefusedRename),
        Refused::Duplicate => t(NoticeKey::RefusedDuplicate),
        Refused::Delete => t(NoticeKey::RefusedDelete),
        Refused::ImportList => t(NoticeKey::RefusedImportList),
        Refused::ImportTooLarge { file, max } => {
            lang.f(NoticeKey::RefusedImportTooLarge, &[("file", file), ("max", &n(max))])
        }
        Refused::ImportUnreadable { file } => lang.f(NoticeKey::RefusedImportUnreadable, &[("file", file)]),
        Refused::ImportFormat { file, count: 1 } => {
            lang.f(NoticeKey::RefusedImportFormatOne, &[("file", file)])
        }
        Refused::ImportFormat { file, count } => {
            lang.f(NoticeKey::RefusedImportFormatMany, &[("file", file), ("count", &n(count))])
        }
        Refused::Export => t(NoticeKey::RefusedExport),
        Refused::OpenLink => t(NoticeKey::RefusedOpenLink),
        Refused::LinkTooLong { .. } => t(NoticeKey::RefusedLinkTooLong),
    }
}

fn reason(lang: Lang, r: &Reason) -> String {
    match r {
        Reason::Issue(i) => issue(lang, i),
        Reason::FileIssue { scenario: None, issue } => issue_in_file(lang, issue),
        Reason::FileIssue { scenario: Some(number), issue } => {
            lang.f(NoticeKey::ListScenario, &[("n", &n(number)), ("line", &issue_in_file(lang, issue))])
        }
        Reason::PendingFields => lang.t(NoticeKey::ReasonPendingFields).to_string(),
        Reason::Storage(e) => storage_error(lang, e),
        Reason::NotStored => lang.t(NoticeKey::ReasonNotStored).to_string(),
        Reason::Name(p) => lang.f(NoticeKey::ReasonName, &[("problem", &problem(lang, p))]),
        Reason::PartlyImported { done, total, file } => lang
            .f(NoticeKey::ReasonPartlyImported, &[("done", &n(done)), ("total", &n(total)), ("file", file)]),
        Reason::Link(e) => link_error(lang, e),
    }
}
