"""The format importers on a large generated statute, against the floor for each format.

Floors: txt — read and split lines (and, as a second reference, that plus making the Line objects); html — lxml.html.fromstring + itertext; docx — unzip and
lxml-parse word/document.xml; pdf — pdfplumber extract_text of every page. The statute has 2,000
articles (in 40 chapters, with literales and párrafos); the PDF has 200 articles only, because
LibreOffice and pdfminer are slow, and is skipped when LibreOffice is absent.
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import tempfile
import uuid
import zipfile
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from drafting.importers.document import import_document
from drafting.importers.readers import read_source

from .harness import measure, report

_WORDS = ("la autoridad competente dispondrá las medidas necesarias para garantizar el cumplimiento de lo previsto "
          "en este artículo, sin perjuicio de las sanciones que correspondan conforme al régimen general").split()


def statute(articles: int) -> list[tuple[str, str]]:
    """(kind, text) pairs: chapter headings, articles, literales and párrafos, in invented wording."""
    out: list[tuple[str, str]] = [("title", "LEY NO. 99-26 DE PRUEBA DE RENDIMIENTO")]
    for n in range(1, articles + 1):
        if n % 50 == 1:
            out.append(("heading", f"CAPÍTULO {n // 50 + 1}"))
            out.append(("heading", f"DISPOSICIONES DEL GRUPO {n // 50 + 1}"))
        body = " ".join(_WORDS[(n + i) % len(_WORDS)] for i in range(25 + n % 20))
        out.append(("article", f"Artículo {n}.- Disposición {n}. {body.capitalize()}."))
        if n % 3 == 0:
            out.extend(("point", f"{letter}) {' '.join(_WORDS[i:i + 8])};") for i, letter in zip((0, 5, 9), "abc"))
        if n % 4 == 0:
            out.append(("parrafo", f"Párrafo I.- {' '.join(_WORDS[3:20]).capitalize()}."))
    return out


def write_txt(blocks: list[tuple[str, str]], path: Path) -> Path:
    path.write_text("\n\n".join(text for _, text in blocks) + "\n", encoding="utf-8")
    return path


def write_html(blocks: list[tuple[str, str]], path: Path) -> Path:
    parts = []
    for kind, text in blocks:
        if kind == "heading":
            parts.append(f'<h2 align="center">{html.escape(text)}</h2>')
        elif kind == "article":
            label, rest = text.split(" ", 2)[:2], text.split(" ", 2)[2]
            parts.append(f"<p><b>{' '.join(label)}</b> {html.escape(rest)}</p>")
        else:
            parts.append(f"<p>{html.escape(text)}</p>")
    path.write_text(f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Ley</title></head><body>\n'
                    + "\n".join(parts) + "\n</body></html>", encoding="utf-8")
    return path


def write_docx(blocks: list[tuple[str, str]], path: Path) -> Path:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = Document()
    for kind, text in blocks:
        if kind in ("title", "heading"):
            paragraph = doc.add_paragraph()
            paragraph.add_run(text).bold = True
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "article":
            head, rest = text.split(". ", 1)
            paragraph = doc.add_paragraph()
            paragraph.add_run(head + ".").bold = True
            paragraph.add_run(" " + rest)
        elif kind == "point":  # "List Number" carries Word auto-numbering through its style
            doc.add_paragraph(text[3:], style="List Number")
        else:
            doc.add_paragraph(text)
    doc.save(str(path))
    return path


def to_pdf(docx: Path, outdir: Path) -> Path | None:
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    if binary is None:
        return None
    profile = Path(tempfile.gettempdir()) / f"drafting-bench-lo-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    try:
        subprocess.run([binary, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(outdir), str(docx)], check=True, capture_output=True, timeout=600)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    out = outdir / (docx.stem + ".pdf")
    return out if out.exists() else None


def floor_txt(path: Path) -> object:
    return path.read_text(encoding="utf-8").splitlines()


def floor_html(path: Path) -> object:
    return list(lxml_html.fromstring(path.read_bytes()).itertext())


def floor_docx(path: Path) -> object:
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read("word/document.xml"))


def floor_pdf(path: Path) -> object:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [page.extract_text() for page in pdf.pages]


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        folder = Path(tmp)
        blocks = statute(2000)
        files = {
            "txt": write_txt(blocks, folder / "ley.txt"),
            "html": write_html(blocks, folder / "ley.html"),
            "docx": write_docx(blocks, folder / "ley.docx"),
        }
        floors = {"txt": floor_txt, "html": floor_html, "docx": floor_docx, "pdf": floor_pdf}
        for fmt, path in files.items():
            lines = len(read_source(path).lines)
            ours = measure(lambda: read_source(path))
            floor = measure(lambda: floors[fmt](path))
            report(f"import {fmt} 2,000 articles ({lines} lines)", ours, floor, label="floor", aim="≤ 5x")
            # The whole import (lines → structure parser → tree with eIds), against the same floor.
            whole = measure(lambda: import_document(path))
            units = len(import_document(path).document.units())
            report(f"import {fmt} → tree ({units} articles)", whole, floor, label="floor", aim="the parse is extra work the floor does not do")
        pdf = to_pdf(write_docx(statute(200), folder / "ley200.docx"), folder)
        if pdf is None:
            print("import pdf: skipped (LibreOffice not installed)", flush=True)
            return
        lines = len(read_source(pdf).lines)
        ours = measure(lambda: read_source(pdf))
        floor = measure(lambda: floor_pdf(pdf))
        report(f"import pdf 200 articles ({lines} lines)", ours, floor, label="floor", aim="≤ 5x")
        whole = measure(lambda: import_document(pdf))
        report("import pdf → tree (200 articles)", whole, floor, label="floor", aim="≤ 5x")


if __name__ == "__main__":
    main()
