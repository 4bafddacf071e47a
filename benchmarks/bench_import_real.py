"""Importing a real code of about 700 KB, against reading and splitting the file.

The code is the Peruvian Código de los Niños y Adolescentes from ../shared/corpus (109 KB, with its
table of contents, notes and website text), its books repeated with the article numbers carried on
so the text is one consistent code of about 700 KB. It is built in a temporary folder, never stored.

Baselines, what a competent user does to cut a statute into articles without this toolkit: read the
Markdown with a Markdown parser (markdown-it-py) and cut its text at every line that starts with an
article label (one regular expression) — the aim is stated against this one; and, as the floor below
any import, read the raw bytes and cut the same way without reading the Markdown at all. Ours: the
whole import, from the file to the tree with its report (conventions, notes, definitions, eIds).
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from drafting.importers.document import import_document

from .harness import measure, report

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SOURCE = CORPUS / "pe" / "LEY-27337-2000.md"
TARGET_BYTES = 700_000
_ARTICLE = re.compile(r"(?m)^(\W*Art[íi]culo\s+)(\d+)")  # a label at the start of a line
_LABEL = re.compile(r"^\W*Art[íi]culo\s+\S+", re.IGNORECASE)


def build_code(folder: Path) -> Path:
    """The code's four books repeated, article numbers carried on, between its own front matter
    (with the table of contents), its preliminary title, and its final provisions and end matter."""
    text = SOURCE.read_text(encoding="utf-8")
    books_at = text.index("\nLIBRO PRIMERO\n")
    finals_at = text.index("## **DISPOSICIONES COMPLEMENTARIAS**")
    front, books, back = text[:books_at], text[books_at:finals_at], text[finals_at:]
    highest = max(int(m.group(2)) for m in _ARTICLE.finditer(books))
    parts, offset = [books], 0
    while len(front.encode()) + sum(len(p.encode()) for p in parts) + len(back.encode()) < TARGET_BYTES:
        offset += highest
        parts.append(_ARTICLE.sub(lambda m, k=offset: f"{m.group(1)}{int(m.group(2)) + k}", books))
    path = folder / "codigo.md"
    path.write_text(front + "\n".join(parts) + back, encoding="utf-8")
    return path


def read_and_split(path: Path) -> list[list[str]]:
    return split_lines(path.read_bytes().decode("utf-8").splitlines())


def parse_and_split(path: Path) -> list[list[str]]:
    """markdown-it-py's tokens → the text of each block → cut at article labels."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt().parse(path.read_text(encoding="utf-8"))
    texts = [child.content for token in tokens if token.type == "inline" for child in (token.children or ())
             if child.type == "text"]
    return split_lines(texts)


def split_lines(lines: list[str]) -> list[list[str]]:
    articles: list[list[str]] = [[]]
    for line in lines:
        if _LABEL.match(line):
            articles.append([])
        articles[-1].append(line)
    return articles


def run() -> list[str]:
    if not SOURCE.is_file():
        print(f"# skipped: {SOURCE} not present (shared/corpus sits beside the repository)")
        return []
    with tempfile.TemporaryDirectory() as tmp:
        path = build_code(Path(tmp))
        size = path.stat().st_size
        units = len(import_document(path).document.units())
        print(f"# a real code of {size / 1000:.0f} KB, {units} articles; medians of 5 runs")
        ours = measure(lambda: import_document(path), repeat=5)
        markdown = measure(lambda: parse_and_split(path), repeat=5)
        floor = measure(lambda: read_and_split(path), repeat=5)
        return [report(f"import real code {size // 1000} KB", ours, markdown, "markdown-it+split", aim="≤ 5x"),
                report("  against raw bytes split at labels", ours, floor, "bytes+split",
                       aim="a floor: no Markdown read, no structure")]


def main() -> None:
    run()


if __name__ == "__main__":
    main()
