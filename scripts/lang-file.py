#!/usr/bin/env python3
"""Brings a language file (crates/core/src/text/lang/<code>.txt) up to date with the
English master tables (crates/core/src/text/en.rs).

    scripts/lang-file.py <code> "<title>"        # e.g. de "Deutsch"

Keeps every translated text whose key still exists, adds new keys with their
English text (listed on stderr, to translate), drops keys that are gone, and
writes the entries in en.rs order. `tests/texts.rs` checks the result.
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EN = ROOT / "crates" / "core" / "src" / "text" / "en.rs"

HEAD = """# SOTP texts: {title} ({code}).
# One line per text, `Name = text`, grouped and ordered as crates/core/src/text/en.rs;
# keep every {{name}} as it is. scripts/lang-file.py adds new keys (in English,
# to translate); tests/texts.rs checks names, order and {{name}}s.
"""


def english_tables():
    """[(group, [(name, text)])] in en.rs order."""
    src = EN.read_text(encoding="utf-8")
    tables = []
    for block in re.finditer(r"table! \{(.*?)\n\}", src, re.S):
        body = block.group(1)
        group = re.search(r"^\s*([A-Z][A-Za-z]*)(?: in group \d+)? \{", body, re.M).group(1)
        entries = []
        for m in re.finditer(r'^\s*([A-Z][A-Za-z0-9]*) = "((?:[^"\\]|\\.)*)",', body, re.M):
            text = re.sub(r"\\u\{([0-9A-Fa-f]+)\}", lambda u: chr(int(u.group(1), 16)), m.group(2))
            text = text.replace('\\"', '"').replace("\\\\", "\\")
            entries.append((m.group(1), text))
        tables.append((group, entries))
    return tables


def read(path):
    out = {}
    if not path.exists():
        return out
    group = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("[") and line.endswith("]"):
            group = line[1:-1]
        elif " = " in line and not line.startswith("#"):
            name, text = line.split(" = ", 1)
            out[(group, name)] = text
    return out


def main():
    code, title = sys.argv[1], sys.argv[2]
    path = ROOT / "crates" / "core" / "src" / "text" / "lang" / f"{code}.txt"
    old = read(path)
    lines = [HEAD.format(title=title, code=code)]
    new = []
    for group, entries in english_tables():
        lines.append(f"[{group}]")
        for name, text in entries:
            t = old.get((group, name))
            if t is None:
                new.append(f"{group}.{name}")
                t = text
            lines.append(f"{name} = {t}")
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    for n in new:
        print(f"new (in English): {n}", file=sys.stderr)
    print(f"{path.relative_to(ROOT)}: {sum(len(e) for _, e in english_tables())} texts, {len(new)} new", file=sys.stderr)


if __name__ == "__main__":
    main()
