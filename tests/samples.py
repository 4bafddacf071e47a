"""Every kind of document the toolkit writes, as files and page images, for looking at (not a test).

    .venv/bin/python -m tests.samples [OUTPUT_FOLDER]     # default samples/ (make samples)

Writes through the `drafting` command itself — what a user gets — a Dominican bill
(templates/model_law/examples/do-bill.toml), a Commonwealth bill (commonwealth-bill.toml), a
gap-filling amending bill for the sample Dominican-style statute, a redline and its amending
instructions (two versions of Peru's Ley 30096 from ../shared/corpus when it is there, else the
bundled fixtures), and a review memo. Each DOCX is converted with
`soffice --headless --convert-to pdf`, and its first two pages with `pdftoppm -png -r 60` into
`<kind>-1.png`, `<kind>-2.png`. tests/test_samples.py converts each kind too (marked slow).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "templates" / "model_law" / "examples"
STATUTE = ROOT / "statutes" / "xs" / "ley-45-19.xml"
FIXTURES = ROOT / "tests" / "fixtures" / "amend"
PERU = ROOT.parent / "shared" / "corpus" / "pe" / "LEY-30096-2013.md"
PAGES = 2
DPI = 60

# The changes made to a copy of Ley 30096 for the redline: an article's penalty, a disposition's
# wording, a paragraph repealed — real labels, notes and website text around them.
PERU_EDITS = (
    ("no menor de uno ni mayor de cuatro años y con treinta a noventa días-multa",
     "no menor de dos ni mayor de cinco años y con sesenta a ciento veinte días-multa"),
    ("puede mantener en sus archivos", "mantiene en sus archivos"),
    ("Cuando la víctima tiene entre catorce y menos de dieciocho años de edad y medie engaño, la pena será no menor "
     "de tres ni mayor de seis años.\n", ""),
)


def _cli(*args: str | Path) -> None:
    from drafting import cli

    code = cli.main([str(a) for a in args])
    if code != 0:
        raise RuntimeError(f"drafting {' '.join(map(str, args))} exited with {code}")


def versions(folder: Path) -> tuple[Path, Path, str]:
    """(old, new, act name) for the redline: Ley 30096 and an amended copy, or the bundled fixtures."""
    if PERU.is_file():
        text = PERU.read_text(encoding="utf-8")
        amended = text
        for before, after in PERU_EDITS:
            amended = amended.replace(before, after, 1)
        new = folder / "LEY-30096-2013-modificada.md"
        new.write_text(amended, encoding="utf-8")
        return PERU, new, "Ley N° 30096"
    return FIXTURES / "ley-v1.txt", FIXTURES / "ley-v2.txt", "Ley No. 12-34"


def writers(folder: Path) -> dict[str, Callable[[Path], None]]:
    """Each kind of document → how to write it to a path."""
    def redline(out: Path) -> None:
        old, new, _ = versions(folder)
        _cli("diff", old, new, "-o", out, "--author", "Oficina de Técnica Legislativa")

    def instructions(out: Path) -> None:
        old, new, act = versions(folder)
        _cli("diff", old, new, "--instructions", out, "--act", act)

    return {
        "do-bill": lambda out: _cli("assemble", EXAMPLES / "do-bill.toml", "-o", out),
        "commonwealth-bill": lambda out: _cli("assemble", EXAMPLES / "commonwealth-bill.toml", "-o", out),
        "gap-bill": lambda out: _cli("gapbill", STATUTE, "--jurisdiction", "do", "-o", out),
        "redline": redline,
        "instructions": instructions,
        "review": lambda out: _cli("review", STATUTE, "--edition", "2016", "--docx", out),
    }


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(docx: Path, outdir: Path) -> Path:
    """`soffice --headless --convert-to pdf` with a private profile (parallel runs do not collide)."""
    binary = soffice()
    if binary is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    profile = Path(tempfile.gettempdir()) / f"lo-samples-{uuid.uuid4().hex}"
    try:
        run = subprocess.run([binary, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                              "--outdir", str(outdir), str(docx)], capture_output=True, text=True, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    pdf = outdir / f"{docx.stem}.pdf"
    if run.returncode != 0 or not pdf.is_file():
        raise RuntimeError(f"soffice could not convert {docx.name} (exit {run.returncode}): {run.stderr[-500:]}")
    return pdf


def to_png(pdf: Path, pages: int = PAGES, dpi: int = DPI) -> list[Path]:
    """The first `pages` pages as `<stem>-1.png` …"""
    binary = shutil.which("pdftoppm")
    if binary is None:
        raise RuntimeError("pdftoppm (poppler-utils) is not installed")
    prefix = pdf.with_suffix("")
    subprocess.run([binary, "-png", "-r", str(dpi), "-f", "1", "-l", str(pages), str(pdf), str(prefix)],
                   check=True, capture_output=True, timeout=120)
    # pdftoppm pads page numbers to the width of the page count ("-01" for a 10-page file): normalise
    out = []
    for k in range(1, pages + 1):
        found = sorted(prefix.parent.glob(f"{prefix.name}-*{k}.png"), key=lambda p: len(p.name))
        found = [p for p in found if p.stem.rsplit("-", 1)[1].lstrip("0") == str(k)]
        if found:
            target = prefix.parent / f"{prefix.name}-{k}.png"
            if found[0] != target:
                found[0].replace(target)
            out.append(target)
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else ROOT / "samples"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory(prefix="drafting-samples-") as tmp:
        for kind, write in writers(Path(tmp)).items():
            docx = folder / f"{kind}.docx"
            docx.unlink(missing_ok=True)
            write(docx)
            pdf = to_pdf(docx, folder)
            images = to_png(pdf)
            print(f"{kind}: {docx.name}, {pdf.name}, {', '.join(p.name for p in images)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
