//! A language's texts read from its file (`crates/core/src/text/lang/<code>.txt`): the
//! English tables' keys, group by group, one `Name = text` line each.
//!
//! Files, not compiled tables: the split build leaves a wasm's data in its
//! main module, so compiled translations would put every language on every
//! reader's first load. The split build fetches the reader's one file
//! (`ui::language`); native tests and the unsplit build include them.
//!
//! Only counts are checked here (the names and `{name}`s are checked by
//! `tests/texts.rs`), so the site may serve a compact form with the names
//! left out (` = text` lines, `scripts/post-build.mjs`).

/// The groups, in file order: the tables of `en.rs`.
pub const GROUPS: [&str; 7] =
    ["Key", "NoticeKey", "CompareKey", "ExplainKey", "IssueKey", "SourceKey", "EditorKey"];

/// The groups the first value needs (`Key`); the rest are for the lazy
/// parts and may come later (`scripts/build-app.mjs` serves the two as
/// separate files).
pub const FIRST: [usize; 1] = [0];

/// Texts of one language read from a file, by group, in table order: the
/// groups the file has.
#[derive(Debug, Default)]
pub struct Translation {
    groups: [Option<Vec<&'static str>>; GROUPS.len()],
}

impl Translation {
    /// Text `index` of group `group`, if the file had the group.
    pub fn get(&self, group: usize, index: usize) -> Option<&'static str> {
        self.groups.get(group)?.as_ref()?.get(index).copied()
    }

    /// The groups read, each with its texts.
    pub fn into_groups(self) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
        self.groups.into_iter().enumerate().filter_map(|(g, texts)| texts.map(|t| (g, t)))
    }
}

/// Why a language file does not read (lines count from 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// A `[Group]` header unknown, repeated or out of order.
    UnexpectedGroup { line: usize },
    /// A line that is neither a header, a comment nor `Name = text`.
    NotAnEntry { line: usize },
    /// A group with more or fewer texts than English has.
    Count { group: &'static str, expected: usize, found: usize },
    /// No group at all.
    Empty,
}

/// Reads `file`: groups of `GROUPS`, each at most once and in that order,
/// group `g` with `sizes[g]` texts. A text is everything after the first
/// ` = ` of its line, spaces included (`"; "` is a text).
pub fn read(file: &'static str, sizes: [usize; GROUPS.len()]) -> Result<Translation, FileError> {
    let mut out = Translation::default();
    let mut group: Option<usize> = None;
    for (i, line) in file.lines().enumerate() {
        let line_no = i + 1;
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            let next = GROUPS.iter().position(|g| *g == name).filter(|&f| group.is_none_or(|g| f > g));
            let next = next.ok_or(FileError::UnexpectedGroup { line: line_no })?;
            if let Some(slot) = out.groups.get_mut(next) {
                *slot = Some(Vec::new());
            }
            group = Some(next);
            continue;
        }
        let text = line.find(" = ").and_then(|at| line.get(at + 3..));
        match (group.and_then(|g| out.groups.get_mut(g)).and_then(Option::as_mut), text) {
            (Some(texts), Some(text)) => texts.push(text),
            _ => return Err(FileError::NotAnEntry { line: line_no }),
        }
    }
    if group.is_none() {
        return Err(FileError::Empty);
    }
    for (g, (texts, expected)) in out.groups.iter().zip(sizes).enumerate() {
        if let Some(texts) = texts.as_ref().filter(|t| t.len() != expected) {
            let group = GROUPS.get(g).copied().unwrap_or("");
            return Err(FileError::Count { group, expected, found: texts.len() });
        }
    }
    Ok(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const SIZES: [usize; 7] = [2, 1, 0, 0, 1, 0, 0];

    #[test]
    fn reads_named_and_compact_entries_with_their_spaces() {
        let file = "# comment\n[Key]\nA = eins\n = zwei\n[NoticeKey]\nSep = ; \n[CompareKey]\n[ExplainKey]\n\n[IssueKey]\nX =  x (1)\n[SourceKey]\n[EditorKey]\n";
        let t = read(file, SIZES).unwrap();
        assert_eq!(t.get(0, 0), Some("eins"));
        assert_eq!(t.get(0, 1), Some("zwei"));
        assert_eq!(t.get(1, 0), Some("; "));
        assert_eq!(t.get(4, 0), Some(" x (1)"));
        assert_eq!(t.get(0, 2), None);
        assert_eq!(t.get(5, 0), None);
    }

    #[test]
    fn refuses_groups_out_of_order_lines_that_are_no_entry_and_wrong_counts() {
        assert_eq!(read("[Key]\n[Key]\n", SIZES).unwrap_err(), FileError::UnexpectedGroup { line: 2 });
        assert_eq!(read("A = before any group\n", SIZES).unwrap_err(), FileError::NotAnEntry { line: 1 });
        assert_eq!(read("[Key]\nno equals sign\n", SIZES).unwrap_err(), FileError::NotAnEntry { line: 2 });
        let short =
            "[Key]\nA = a\n[NoticeKey]\n[CompareKey]\n[ExplainKey]\n[IssueKey]\n[SourceKey]\n[EditorKey]\n";
        assert_eq!(read(short, SIZES).unwrap_err(), FileError::Count { group: "Key", expected: 2, found: 1 });
        assert_eq!(read("# only a comment\n", SIZES).unwrap_err(), FileError::Empty);
        assert_eq!(
            read("[IssueKey]\nX = x\n[Key]\n", SIZES).unwrap_err(),
            FileError::UnexpectedGroup { line: 3 }
        );
        assert_eq!(read("[Nope]\n", SIZES).unwrap_err(), FileError::UnexpectedGroup { line: 1 });
    }

    #[test]
    fn a_file_may_hold_some_groups_only() {
        let first = read("[Key]\n = a\n = b\n[IssueKey]\n = x\n", SIZES).unwrap();
        assert_eq!(first.get(0, 1), Some("b"));
        assert_eq!(first.get(1, 0), None);
        assert_eq!(first.into_groups().map(|(g, t)| (g, t.len())).collect::<Vec<_>>(), vec![(0, 2), (4, 1)]);
    }
}
