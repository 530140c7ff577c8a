//! A language's texts read from its file (`src/text/lang/<code>.txt`): the
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
pub const GROUPS: [&str; 6] = ["Key", "NoticeKey", "CompareKey", "ExplainKey", "IssueKey", "SourceKey"];

/// The texts of one language, by group, in table order.
#[derive(Debug, Default)]
pub struct Translation {
    groups: [Vec<&'static str>; GROUPS.len()],
}

impl Translation {
    /// Text `index` of group `group`.
    pub fn get(&self, group: usize, index: usize) -> Option<&'static str> {
        self.groups.get(group).and_then(|g| g.get(index)).copied()
    }
}

/// Why a language file does not read (lines count from 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// A `[Group]` header out of order or unknown.
    UnexpectedGroup { line: usize },
    /// A line that is neither a header, a comment nor `Name = text`.
    NotAnEntry { line: usize },
    /// A group with more or fewer texts than English has.
    Count { group: &'static str, expected: usize, found: usize },
}

/// Reads `file`, which must have the groups of `GROUPS` in order, with
/// `sizes[g]` texts in group `g`. A text is everything after the first
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
            let next = group.map_or(0, |g| g + 1);
            if GROUPS.get(next) != Some(&name) {
                return Err(FileError::UnexpectedGroup { line: line_no });
            }
            group = Some(next);
            continue;
        }
        let text = line.find(" = ").and_then(|at| line.get(at + 3..));
        match (group.and_then(|g| out.groups.get_mut(g)), text) {
            (Some(texts), Some(text)) => texts.push(text),
            _ => return Err(FileError::NotAnEntry { line: line_no }),
        }
    }
    for (g, (texts, expected)) in out.groups.iter().zip(sizes).enumerate() {
        if texts.len() != expected {
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

    const SIZES: [usize; 6] = [2, 1, 0, 0, 1, 0];

    #[test]
    fn reads_named_and_compact_entries_with_their_spaces() {
        let file = "# comment\n[Key]\nA = eins\n = zwei\n[NoticeKey]\nSep = ; \n[CompareKey]\n[ExplainKey]\n\n[IssueKey]\nX =  x (1)\n[SourceKey]\n";
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
        assert_eq!(read("[NoticeKey]\n", SIZES).unwrap_err(), FileError::UnexpectedGroup { line: 1 });
        assert_eq!(read("[Key]\n[Key]\n", SIZES).unwrap_err(), FileError::UnexpectedGroup { line: 2 });
        assert_eq!(read("A = before any group\n", SIZES).unwrap_err(), FileError::NotAnEntry { line: 1 });
        assert_eq!(read("[Key]\nno equals sign\n", SIZES).unwrap_err(), FileError::NotAnEntry { line: 2 });
        let short = "[Key]\nA = a\n[NoticeKey]\n[CompareKey]\n[ExplainKey]\n[IssueKey]\n[SourceKey]\n";
        assert_eq!(read(short, SIZES).unwrap_err(), FileError::Count { group: "Key", expected: 2, found: 1 });
        let missing = "[Key]\nA = a\nB = b\n[NoticeKey]\nN = n\n";
        assert_eq!(read(missing, SIZES).unwrap_err(), FileError::Count { group: "IssueKey", expected: 1, found: 0 });
    }
}
