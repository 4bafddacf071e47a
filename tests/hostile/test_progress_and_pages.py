"""Long work shows progress; a PDF past the page cap is refused in one line (item 6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.pdf_maker import statute_pdf
from drafting import limits, progress
from drafting.errors import InputError
from drafting.importers.document import import_document

from .support import assert_clean, assert_fails_cleanly, drafting


def test_pdf_pages_are_reported_one_by_one() -> None:
    seen: list[tuple[int, int, str]] = []
    with progress.reporting(lambda done, total, what: seen.append((done, total, what))):
        result = import_document("law.pdf", data=statute_pdf(12), language="es")
    assert [s[0] for s in seen] == list(range(1, 13)) and {s[1:] for s in seen} == {(12, "pages")}
    assert len(result.document.units()) == 48


def test_a_pdf_over_the_page_cap_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("drafting.importers.pdf.MAX_PDF_PAGES", 10)
    with pytest.raises(InputError, match="11 pages; the limit is 10"):
        import_document("law.pdf", data=statute_pdf(11), language="es")


def test_the_page_cap_through_the_command(tmp_path: Path) -> None:
    source = tmp_path / "long.pdf"
    source.write_bytes(statute_pdf(limits.MAX_PDF_PAGES + 1, articles_per_page=1))
    out = tmp_path / "long.xml"
    assert_fails_cleanly(drafting("import", source, "-o", out), f"{limits.MAX_PDF_PAGES + 1:,} pages", outputs=(out,))


def test_no_progress_line_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    source = tmp_path / "law.pdf"
    source.write_bytes(statute_pdf(3))
    outcome = drafting("import", source, "--lang", "es", "-o", tmp_path / "law.xml")
    assert_clean(outcome, folder=tmp_path)
    assert outcome.code == 0 and outcome.stderr == ""


def test_progress_line_on_a_terminal() -> None:
    import io

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Tty()
    show = progress.terminal(stream)
    assert show is not None and progress.terminal(io.StringIO()) is None
    show(3, 3, "pages")
    assert stream.getvalue() == "\rpages: 3/3\n"
