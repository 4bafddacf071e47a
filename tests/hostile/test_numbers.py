"""Numbers read from input are bounded: list starts, counters and label formats (issue 15, item 1)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from drafting.importers.document import import_document
from drafting.importers.docx_numbering import format_number
from drafting.limits import MAX_LIST_NUMBER

from .support import assert_clean, assert_fails_cleanly, drafting

LAW = "<p>Artículo 1. La presente ley tiene por objeto proteger a los niños, niñas y adolescentes de la República.</p>"


def test_the_42_byte_html_of_the_issue_ends_in_one_line(tmp_path: Path) -> None:
    source = tmp_path / "ol.html"
    source.write_bytes(b"<ol type=i start=99999999999999><li>x</ol>")
    assert len(source.read_bytes()) == 42
    out = tmp_path / "out.xml"
    assert_fails_cleanly(drafting("import", source, "-o", out), str(source), outputs=(out,))


@pytest.mark.parametrize("attrs", ["type=i start=99999999999999", "type=I start=99999999999999", "type=a start=99999999999999",
                                   "start=-99999999999999", "type=A start=" + "9" * 5000])
def test_huge_list_starts_are_clamped_and_reported(tmp_path: Path, attrs: str) -> None:
    source = tmp_path / "law.html"
    source.write_text(f"<html><body>{LAW}<ol {attrs}><li>primero de la lista</li><li>segundo</li></ol></body></html>",
                      encoding="utf-8")
    out = tmp_path / "law.xml"
    outcome = drafting("import", source, "--lang", "es", "-o", out, "--report")
    assert_clean(outcome, (out,), tmp_path)
    assert outcome.code == 0 and out.exists()
    assert "beyond the largest list number" in outcome.stdout


def test_li_value_with_5000_digits(tmp_path: Path) -> None:
    source = tmp_path / "law.html"
    source.write_text(f"<html><body>{LAW}<ol><li value={'9' * 5000}>uno</li></ol></body></html>", encoding="utf-8")
    outcome = drafting("import", source, "--lang", "es", "--report")
    assert_clean(outcome)
    assert outcome.code == 0 and "5000 characters" in outcome.stdout


def test_browser_like_labels_within_range() -> None:
    from drafting.importers.html import parse

    page = (f"<html><body>{LAW}<ol type=i start=3998><li>a</li><li>b</li><li>c</li></ol>"
            "<ol type=a start=27><li>d</li></ol></body></html>").encode()
    texts = [line.text for line in parse(page, "x.html").lines]
    assert texts[1:] == ["mmmcmxcviii. a", "mmmcmxcix. b", "4000. c", "aa. d"]  # past 3999 a browser prints decimals


def docx_with_start(fmt: str, start: str) -> bytes:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    numbering = (f'<w:numbering xmlns:w="{w}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
                 f'<w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="Artículo %1.-"/></w:lvl>'
                 '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
    para = ('<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
            '<w:r><w:t>La presente ley protege a los niños, niñas y adolescentes de la República.</w:t></w:r></w:p>')
    first = "<w:p><w:r><w:t>Artículo 1. La ley de la República protege a los niños.</w:t></w:r></w:p>"
    document = f'<w:document xmlns:w="{w}"><w:body>{first}{para * 3}</w:body></w:document>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", document)
        zf.writestr("word/numbering.xml", numbering)
    return buffer.getvalue()


@pytest.mark.parametrize("fmt", ["upperRoman", "lowerRoman", "lowerLetter", "upperLetter", "chicago", "decimal",
                                 "ordinal", "decimalZero"])
@pytest.mark.parametrize("start", ["1000000000000", "100000000000000000000000", "1" + "0" * 30, "9" * 5000, "-5"])
def test_docx_numbering_starts_in_every_format(tmp_path: Path, fmt: str, start: str) -> None:
    data = docx_with_start(fmt, start)
    assert len(data) < 2048
    result = import_document("law.docx", data=data, language="es")
    assert any("numbering.xml" in str(w) for w in result.report.warnings)
    assert all(len(node.num) < 100 for node, _ in result.document.walk())


@pytest.mark.parametrize("fmt", ["upperRoman", "lowerLetter", "chicago"])
def test_docx_numbering_through_the_command(tmp_path: Path, fmt: str) -> None:
    source = tmp_path / "law.docx"
    source.write_bytes(docx_with_start(fmt, "1" + "0" * 23))
    out = tmp_path / "law.xml"
    outcome = drafting("import", source, "--lang", "es", "-o", out)
    assert_clean(outcome, (out,), tmp_path)


def test_format_number_is_bounded_for_any_caller() -> None:
    for fmt in ("lowerLetter", "chicago", "upperRoman", "decimal"):
        assert len(format_number(10 ** 30, fmt)) <= 2 * MAX_LIST_NUMBER


def test_article_number_with_5000_digits(tmp_path: Path) -> None:
    source = tmp_path / "law.txt"
    source.write_text(f"Artículo 1{'9' * 5000}. La ley de la República.\nArtículo 2. Otro texto de la ley.\n", encoding="utf-8")
    assert_clean(drafting("import", source, "--lang", "es", "--report"))
