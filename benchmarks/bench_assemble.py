"""Assemble and export a 300-article bill against python-docx writing the same paragraphs unstyled.

The bill goes through the whole path a drafter's spec takes: an overlay clause library (300
clauses made from the model law's own templates, so each renders with real parameters),
`assemble` (dependencies, values, rendering twice, definitions, numbering, furniture, eIds) and
`docx_bytes` (layout, styles, page furniture, properties). The floor is python-docx adding the
bill's paragraphs as plain text to a blank document and saving it. Aim: within 3× of the floor.
"""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path

import docx

from drafting.bills.assemble import assemble
from drafting.bills.spec import BillSpec, ClauseSpec
from drafting.export.docx import docx_bytes
from drafting.export.layout import layout
from drafting.library.library import BUNDLED, Library, load_library
from drafting.parse import profiles

from .harness import measure, report

ARTICLES = 300


def filler_library(folder: Path, count: int = ARTICLES) -> Library:
    """An overlay library with `count` clauses, each a copy of a model clause that cites no other."""
    base = load_library()
    sources = [c for c in base.clauses.values() if not c.refs and c.topic != "definitions"]
    entries = []
    for lang in base.languages:
        (folder / lang).mkdir(parents=True, exist_ok=True)
    for n in range(1, count + 1):
        source = sources[(n - 1) % len(sources)]
        cid = f"filler-{n:03d}"
        for lang in base.languages:
            text = (BUNDLED / lang / f"{source.id}.j2").read_text(encoding="utf-8")
            (folder / lang / f"{cid}.j2").write_text(text, encoding="utf-8")
        params = ", ".join(f'"{p}"' for p in source.parameters)
        entries.append(f'[[clauses]]\nid = "{cid}"\ntitle.en = "{source.title["en"]} ({n})"\n'
                       f'title.es = "{source.title["es"]} ({n})"\ntopic = "{source.topic}"\ncriteria = []\n'
                       f'parameters = [{params}]\nrequires = []\norder = {1000 + n}\n')
    (folder / "manifest.toml").write_text('extends = "bundled"\n\n' + "\n".join(entries), encoding="utf-8")
    return load_library(folder)


def spec_for(library: Library, language: str) -> BillSpec:
    jurisdiction = "do" if language == "es" else "commonwealth"
    ids = [cid for cid in library.clauses if cid.startswith("filler-")]
    return BillSpec(jurisdiction=jurisdiction, title="Benchmark bill", exclude=("repeal", "entry-into-force"),
                    clauses=tuple(ClauseSpec(cid) for cid in ids))


def floor(paragraphs: list[str]) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        library = filler_library(Path(tmp))
        for language in ("es", "en"):
            spec = spec_for(library, language)
            result = assemble(spec, library)
            units = len(result.document.units())
            assert units == ARTICLES, units
            profile = profiles.get(result.document.meta.profile)
            paragraphs = [f"{b.label}{b.sep}{b.text}" if b.label else b.text
                          for b in layout(result.document, profile) if b.kind == "p"]

            def ours() -> bytes:
                bill = assemble(spec, library)
                return docx_bytes(bill.document, profile, properties=bill.provenance)

            mine = measure(ours, repeat=5)
            base = measure(lambda: floor(paragraphs), repeat=5)
            report(f"assemble+docx {units} articles ({language})", mine, base, label="python-docx-floor", aim="≤ 3x")
            parts = (("  assemble only", lambda: assemble(spec, library)),
                     ("  docx export only", lambda: docx_bytes(result.document, profile)))
            for name, fn in parts:
                report(name, measure(fn), base, label="python-docx-floor")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
