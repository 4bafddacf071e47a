"""The format importers (issue 3): every format gives the same lines, the right hints, clear errors."""

from __future__ import annotations

import io
import os
import random
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from drafting.errors import InputError
from drafting.importers import readers as importers
from drafting.importers.docx_numbering import Numbering, format_number
from drafting.importers.docx_styles import Styles
from drafting.importers.pdf_layout import PdfLine, drop_running_lines, join_paragraphs
from drafting.importers.readers import IMPORTABLE, SUPPORTED, read_bytes, read_source

from . import make_fixtures as fx
from .corpus import corpus_file

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.fixture(scope="session")
def files(tmp_path_factory) -> dict[str, Path]:
    return fx.build_all(tmp_path_factory.mktemp("import"), pdf=False)


@pytest.fixture(scope="session")
def pdfs(files, tmp_path_factory) -> dict[str, Path]:
    if fx.soffice() is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is required in CI to make the PDF fixtures")
        pytest.skip("LibreOffice (soffice) is not installed: cannot make the PDF fixtures")
    folder = tmp_path_factory.mktemp("pdf")
    sources = [files["es.docx"], files["en.docx"]]
    for lang in ("es", "en"):
        for layout in ("tight", "ragged"):
            sources.append(fx.write_plain_docx(fx.STATUTES[lang], folder / f"{lang}.{layout}.docx", layout))
    pdfs = fx.to_pdf(sources, folder)
    return {path.name.removesuffix(".pdf"): path for path in pdfs}


def texts(source) -> list[str]:
    """The text lines of the page itself (a website's navigation is kept too, but marked as its region)."""
    return [line.text for line in source.lines if line.table is None and not line.region]


def by_text(source, start: str):
    return next(line for line in source.lines if line.text.startswith(start))


# ---------------------------------------------------------------- same statute, every format

TEXT_VARIANTS = ["txt", "sig.txt", "1252.txt", "16.txt", "html", "1252.html", "docx"]


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("variant", TEXT_VARIANTS)
def test_every_format_gives_the_statute_line_by_line(files, lang, variant):
    source = read_source(files[f"{lang}.{variant}"])
    assert texts(source) == fx.expected_texts(fx.STATUTES[lang])


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["es", "en"])
def test_pdf_made_by_libreoffice_gives_the_same_lines(pdfs, lang):
    source = read_source(pdfs[lang])
    assert texts(source) == fx.expected_texts(fx.STATUTES[lang])
    assert [line.table for line in source.lines if line.table] == fx.tables(fx.STATUTES[lang])
    assert source.metadata["title"] == fx.TITLES[lang]


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("layout", ["tight", "ragged"])
def test_pdf_paragraphs_rejoin_with_few_layout_cues(pdfs, lang, layout):
    # tight: justified, first-line indents, no space between paragraphs; ragged: not even that
    source = read_source(pdfs[f"{lang}.{layout}"])
    assert texts(source) == fx.expected_texts(fx.STATUTES[lang])


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("variant", ["html", "1252.html", "docx"])
def test_tables_come_through_as_tables(files, lang, variant):
    source = read_source(files[f"{lang}.{variant}"])
    found = [line for line in source.lines if line.table is not None]
    assert [line.table for line in found] == fx.tables(fx.STATUTES[lang])
    assert all(line.text == "" for line in found)


# ---------------------------------------------------------------- hints


def test_docx_hints_and_auto_numbering(files):
    source = read_source(files["es.docx"])
    title = by_text(source, "LEY NO. 12-24")
    assert (title.bold, title.centered) == (True, True)
    chapter = by_text(source, "CAPÍTULO II")
    assert chapter.bold and chapter.centered and chapter.style == "Normal"
    article = by_text(source, "Artículo 4.- Acceso ilícito.")  # label from numbering.xml, not typed
    assert not article.bold and not article.centered
    assert by_text(source, "b) Sistema informático")
    assert [line.text[:13] for line in source.lines if line.text.startswith("Párrafo")] == [
        "Párrafo I.- S", "Párrafo I.- C", "Párrafo II.- "]
    assert source.metadata["title"] == fx.TITLES["es"]
    assert source.metadata["creator"] == "drafting tests"
    numbers = [line.number for line in source.lines]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)


def test_docx_start_override_restarts_a_list(files):
    source = read_source(files["en.docx"])
    points = [line.text[:3] for line in source.lines if line.text.startswith("(") and line.text[1] in "abc"]
    assert points == ["(a)", "(b)", "(c)", "(a)", "(b)"]
    assert by_text(source, "4. A person commits").text.endswith("that person—")
    caption = by_text(source, "Interpretation")
    assert caption.bold and not caption.centered


@pytest.mark.parametrize("variant", ["html", "1252.html"])
def test_html_hints(files, variant):
    source = read_source(files[f"es.{variant}"])
    chapter = by_text(source, "CAPÍTULO I")  # written <span>CAP</span><span>ÍTULO I</span>
    assert chapter.style == "h2" and chapter.centered
    heading = by_text(source, "DISPOSICIONES GENERALES")
    assert heading.style == "h3" and heading.centered
    title = by_text(source, "LEY NO. 12-24")
    assert title.bold and title.centered and title.style == "p"
    assert not by_text(source, "Artículo 1.-").bold  # only its first words are bold
    assert source.metadata["page_title"] == fx.TITLES["es"]  # the tab's title: a fallback for the text's own
    assert source.metadata["lang"] == "es"
    # a website's navigation is kept, marked as such: the parser keeps it out of the law
    law = [line for line in source.lines if not line.region]
    assert not any("no es ley" in line.text or "Inicio" in line.text for line in law)
    assert any("Inicio" in line.text and line.region == "nav" for line in source.lines)


@pytest.mark.slow
def test_pdf_hints_and_cleanup(pdfs):
    source = read_source(pdfs["es"])
    assert int(source.metadata["pages"]) >= 2
    all_text = " ".join(texts(source))
    assert "Página" not in all_text and fx.TITLES["es"] not in all_text  # footer and header removed
    chapter = by_text(source, "CAPÍTULO III")
    assert chapter.bold and chapter.centered
    assert not by_text(source, "Artículo 6.-").centered
    breaks = [line for line in source.lines if line.page_break]
    assert 1 <= len(breaks) <= int(source.metadata["pages"]) - 1
    assert source.lines[0].page_break is False


def test_txt_encodings_are_detected(files):
    assert read_source(files["es.txt"]).metadata["encoding"] == "utf-8"
    assert read_source(files["es.sig.txt"]).metadata["encoding"] == "utf-8-sig"
    assert read_source(files["es.1252.txt"]).metadata["encoding"] == "cp1252"
    assert read_source(files["es.16.txt"]).metadata["encoding"] == "utf-16"
    assert read_source(files["es.1252.html"]).metadata["encoding"] == "windows-1252"


# ---------------------------------------------------------------- plain text details


def test_txt_cleanup_keeps_real_line_numbers(tmp_path):
    path = tmp_path / "ley.txt"
    decomposed = "Articulo\u0301 1.-\tObjeto.   \r\n\r\n\r\nSegunda\u00a0línea\rtercera\n\n\fCuarta\n"
    path.write_bytes(decomposed.encode("utf-8"))
    lines = read_source(path).lines
    assert [(line.number, line.text) for line in lines] == [
        (1, "Articuló 1.- Objeto."), (4, "Segunda línea"), (4, "tercera"), (6, "Cuarta")]
    assert [line.page_break for line in lines] == [False, False, False, True]


def test_windows_1252_and_latin1_bytes(tmp_path):
    path = tmp_path / "ley.txt"
    path.write_bytes(b"\x93Ley\x94 \x96 a\xf1o \x80 \xa7 5\n")
    assert read_source(path).lines[0].text == "“Ley” – año € § 5"
    path.write_bytes(b"Se\xf1or \x81\n")  # 0x81 is undefined in cp1252: read as Latin-1, not refused
    assert read_source(path).lines[0].text.startswith("Señor")
    path.write_bytes("Artículo 1.- Texto.\r\n".encode("utf-16-le"))  # UTF-16 saved without a BOM
    source = read_source(path)
    assert (source.lines[0].text, source.metadata["encoding"]) == ("Artículo 1.- Texto.", "utf-16-le")


def test_read_bytes_matches_read_source(files):
    path = files["es.docx"]
    assert read_bytes(path.read_bytes(), path.name).lines == read_source(path).lines


# ---------------------------------------------------------------- Markdown


def test_markdown_front_matter_and_markup(tmp_path):
    path = tmp_path / "ley.md"
    path.write_text(
        "---\ntitle: 'Ley de Prueba'\nnumber: \"12-24\"\ncountry: cs # Costa Serena\n---\n\n"
        "# Ley de Prueba\n"
        "#### **Artículo 5-A. Acceso***\n"
        "**1. **El agente actúa &#8211; de noche&#8230;\n"
        "del** Código Penal**, y &amp; otros\n"
        "** Artículo modificado por la Ley 3-24, publicada el 2 de enero de 2024.*\n"
        "**CAPÍTULO I**\n"
        "**DÉCIMA. Banca, ****Seguros**\n"
        "**a)** Un literal\n"
        "- Una viñeta\n"
        "> Una cita\n"
        "Precio \\*especial\\* y [enlace](https://example.org)\n"
        "| Delito | Pena |\n|---|---|\n| Acceso | 2 años |\n",
        encoding="utf-8",
    )
    source = read_source(path)
    assert dict(source.metadata) == {"title": "Ley de Prueba", "number": "12-24", "country": "cs", "encoding": "utf-8"}
    got = [(line.number, line.text, line.style, line.bold) for line in source.lines if line.table is None]
    assert got == [
        (7, "Ley de Prueba", "h1", False),
        (8, "Artículo 5-A. Acceso", "h4", True),
        (9, "1. El agente actúa – de noche…", "", False),
        (10, "del Código Penal, y & otros", "", False),
        (11, "Artículo modificado por la Ley 3-24, publicada el 2 de enero de 2024.", "md-note", False),
        (12, "CAPÍTULO I", "", True),
        (13, "DÉCIMA. Banca, Seguros", "", True),
        (14, "a) Un literal", "", False),
        (15, "Una viñeta", "li", False),
        (16, "Una cita", "blockquote", False),
        (17, "Precio *especial* y enlace", "", False),
    ]
    assert source.lines[-1].table == (("Delito", "Pena"), ("Acceso", "2 años"))


def test_real_statute_from_the_corpus():
    path = corpus_file("pe/LEY-30096-2013.md")
    source = read_source(path)
    assert source.metadata["title"] == "Ley de Delitos Informáticos"
    heading = by_text(source, "Artículo 5-A.")
    assert heading.style == "h4" and heading.bold
    assert not any("**" in line.text or "&#" in line.text for line in source.lines)
    assert any("–" in line.text for line in source.lines)  # &#8211;
    notes = [line for line in source.lines if line.style == "md-note"]
    assert notes and all(line.text.startswith(("Artículo", "Disposición")) for line in notes)
    raw = path.read_bytes().decode("utf-8").split("\n")
    assert raw[heading.number - 1].startswith("#### **Artículo 5-A.")  # numbers are real file lines


# ---------------------------------------------------------------- HTML details


def test_html_breaks_split_words_and_charsets(tmp_path):
    page = (
        "<?xml version='1.0' encoding='iso-8859-1'?>\n<html><head><title>T</title></head><body>\n"
        "<p><b>Art\xed</b>culo 5.- Las penas se aplican<br>a quien\n  cometa el hecho.<br>"
        "Art\xedculo 6.- Otro.<br><br>Nuevo p\xe1rrafo</p>\n"
        "<div><span>CAP\xcd</span><span>TULO</span> <i>II</i></div>\n"
        "<center>Centrado</center><p style='font-weight: bold'>Negrita</p>\n"
        "<ol type='a' start='2'><li>uno</li><li>dos</li></ol>\n"
        "<template><p>nada</p></template><noscript>nada</noscript>\n"
        "</body></html>"
    ).encode("latin-1")
    path = tmp_path / "ley.htm"
    path.write_bytes(page)
    source = read_source(path)
    assert texts(source) == [
        "Artículo 5.- Las penas se aplican a quien cometa el hecho.",
        "Artículo 6.- Otro.",
        "Nuevo párrafo",
        "CAPÍTULO II",
        "Centrado",
        "Negrita",
        "b. uno",
        "c. dos",
    ]
    assert by_text(source, "Centrado").centered and by_text(source, "Negrita").bold
    assert source.metadata["encoding"] == "cp1252"  # ISO-8859-1 is read as its superset, as browsers do


def test_html_without_declaration_falls_back_to_cp1252(tmp_path):
    path = tmp_path / "ley.html"
    path.write_bytes("<p>Ley de protecci\xf3n \x96 a\xf1o</p>".encode("latin-1"))
    assert texts(read_source(path)) == ["Ley de protección – año"]


# ---------------------------------------------------------------- Word numbering details


def _numbering(xml: str) -> Numbering:
    root = etree.fromstring(f'<w:numbering xmlns:w="{W}">{xml}</w:numbering>')
    return Numbering(root, Styles(None, W), W)


def _lvl(ilvl, fmt, text, start=1, extra=""):
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')


def test_numbering_levels_restart_and_render():
    numbering = _numbering(
        '<w:abstractNum w:abstractNumId="1">'
        + _lvl(0, "upperRoman", "TÍTULO %1")
        + _lvl(1, "decimal", "%1.%2.", extra='<w:suff w:val="nothing"/>')
        + _lvl(2, "lowerLetter", "%3)", start=25)
        + '</w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num>'
    )
    style = Styles(None, W).paragraph("")
    got = [numbering.label("7", ilvl, style) for ilvl in ("0", "1", "2", "2", "2", "1", "0", "1")]
    assert got == ["TÍTULO I ", "I.1.", "y) ", "z) ", "aa) ", "I.2.", "TÍTULO II ", "II.1."]
    assert numbering.label("0", "0", style) == "" and numbering.label("99", "0", style) == ""


def test_numbering_shared_counter_and_overrides():
    numbering = _numbering(
        '<w:abstractNum w:abstractNumId="1">' + _lvl(0, "decimal", "Artículo %1.-")
        + '</w:abstractNum><w:abstractNum w:abstractNumId="2">'
        + _lvl(0, "bullet", "\uf0b7") + "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="1"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>'
        '<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>'
    )
    style = Styles(None, W).paragraph("")
    # two nums over one abstract list share its counter, as in Word; an override starts its own
    got = [numbering.label(num, "0", style) for num in ("1", "2", "1", "3", "3", "4")]
    assert got == ["Artículo 1.- ", "Artículo 2.- ", "Artículo 3.- ", "Artículo 10.- ", "Artículo 11.- ", ""]


def test_number_formats():
    assert [format_number(n, "upperLetter") for n in (1, 26, 27, 53)] == ["A", "Z", "AA", "AAA"]
    assert format_number(14, "lowerRoman") == "xiv"
    assert format_number(3, "decimalZero") == "03"
    assert format_number(2, "ordinal") == "2nd"


# ---------------------------------------------------------------- PDF layout details


def pl(text, page=0, x0=72.0, x1=540.0, top=100.0, bold=False, size=12.0, first=30.0):
    return PdfLine(text, page, x0, x1, top, top + size, bold, size, first)


def test_pdf_running_lines_and_page_numbers_are_removed():
    pages = []
    words = ("uno", "dos", "tres")
    for page in range(3):
        pages.append([
            pl("Ley No. 12-24 sobre Delitos", page, 200, 400, 30),
            pl(f"Artículo {5 + page * 7}. Texto que empieza la página", page, 72, 300, 72),
            pl(f"cuerpo {words[page]} del artículo", page, 72, 300, 88),
            pl(f"Página {page + 1} de 3", page, 260, 340, 750),
        ])
    pages[1].append(pl("2", 1, 300, 306, 770))
    kept = [line.text for line in drop_running_lines(pages)]
    # "Artículo 5." / "Artículo 12." / "Artículo 19." sit at the same place but their numbers do not
    # follow the pages: body text, kept
    assert kept == [t for page in range(3) for t in (f"Artículo {5 + page * 7}. Texto que empieza la página",
                                                     f"cuerpo {words[page]} del artículo")]


def test_pdf_paragraphs_rejoin_and_hyphens_join():
    lines = [
        pl("Artículo 1.- Objeto. La presente ley regula el tratamiento informá-", top=100, x1=540),
        pl("tico de los datos de todas las personas que residen en el país y", top=114, x1=538),
        pl("en el extranjero.", top=128, x1=160),
        pl("Artículo 2.- Los proveedores conservarán los datos que indica el", top=142, x1=539),
        pl("reglamento.", top=156, x1=140),
        pl("Artículo 3.- Texto", top=170, x1=180),
        pl("CAPÍTULO II", top=190, x0=270, x1=342, bold=True),
        pl("DISPOSICIONES FINALES", top=204, x0=230, x1=382, bold=True),
        pl("a) primera condición que se cumple en todos los casos previstos;", top=230, x1=539, first=10),
        pl("b) segunda condición.", top=244, x1=200, first=10),
        pl("continúa en la página siguiente sin punto final ni espacio libre", top=700, x1=540),
        pl("porque el párrafo sigue aquí.", page=1, top=72, x1=250, first=40),
    ]
    out = join_paragraphs(lines)
    assert [line.text for line in out] == [
        "Artículo 1.- Objeto. La presente ley regula el tratamiento informático de los datos de todas las "
        "personas que residen en el país y en el extranjero.",
        "Artículo 2.- Los proveedores conservarán los datos que indica el reglamento.",
        "Artículo 3.- Texto",
        "CAPÍTULO II",
        "DISPOSICIONES FINALES",
        "a) primera condición que se cumple en todos los casos previstos;",
        "b) segunda condición.",
        "continúa en la página siguiente sin punto final ni espacio libre porque el párrafo sigue aquí.",
    ]
    assert out[3].bold and out[3].centered
    assert not any(line.page_break for line in out)  # the page break falls inside a paragraph


def test_pdf_a_quoted_provision_after_an_intro_starts_its_own_paragraph():
    lines = [
        pl("Se modifica el apartado 5 del artículo 189, que queda redactado como sigue:", top=100, x1=538),
        pl("«5. Quien posea pornografía infantil será castigado con prisión de tres meses", top=114, x1=539),
        pl("a un año.»", top=128, x1=150),
        pl("cuyo texto se lee en el artículo siguiente, al que remite:", top=142, x1=539),
        pl("SEC. 2. Definitions. – As used in this Act, a child is a person under eighteen.", top=156, x1=539),
    ]
    assert [line.text[:12] for line in join_paragraphs(lines)] == [
        "Se modifica ", "«5. Quien po", "cuyo texto s", "SEC. 2. Defi"]


# ---------------------------------------------------------------- bad input: one clear error naming the file


def assert_refused(path: Path, *words: str) -> None:
    with pytest.raises(InputError) as caught:
        read_source(path)
    message = str(caught.value)
    assert str(path) in message and "\n" not in message
    for word in words:
        assert word in message


@pytest.mark.parametrize("ext", SUPPORTED)
def test_empty_files_are_refused(tmp_path, ext):
    path = tmp_path / f"vacio{ext}"
    path.write_bytes(b"")
    assert_refused(path, "empty")


def test_whitespace_only_text_is_empty(tmp_path):
    path = tmp_path / "blancos.txt"
    path.write_bytes(" \r\n\t\n".encode("utf-16"))
    assert_refused(path, "empty")


@pytest.mark.parametrize("ext", [".txt", ".md", ".html"])
def test_binary_garbage_is_refused(tmp_path, ext):
    path = tmp_path / f"basura{ext}"
    path.write_bytes(random.Random(3).randbytes(5000))
    assert_refused(path, "binary")
    path.write_bytes(bytes(range(1, 32)) * 20 + b"texto")  # no NUL, but control characters throughout
    assert_refused(path, "binary")


def test_docx_that_is_not_a_zip_or_is_truncated(tmp_path, files):
    path = tmp_path / "roto.docx"
    path.write_bytes(b"esto no es un zip" * 10)
    assert_refused(path, "corrupt or truncated")
    path.write_bytes(files["es.docx"].read_bytes()[:6000])
    assert_refused(path, "corrupt or truncated")
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    assert_refused(path, "legacy .doc")


def test_docx_zip_bomb_is_refused(tmp_path, monkeypatch):
    path = fx.zip_bomb_docx(tmp_path / "bomba.docx", size=32 * 1024 * 1024)
    assert path.stat().st_size < 200_000
    assert_refused(path, "zip bomb", "word/document.xml")
    from drafting.importers import docx as docx_importer

    monkeypatch.setattr(docx_importer, "MAX_RATIO", 10**9)  # the total size limit stands on its own
    monkeypatch.setattr(docx_importer, "MAX_UNCOMPRESSED", 16 * 1024 * 1024)
    assert_refused(path, "zip bomb", "uncompressed")


def test_docx_with_entities_or_without_text(tmp_path):
    doc = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
           f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>')
    path = tmp_path / "entidad.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("word/document.xml", doc)
    assert_refused(path, "DTD")
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("word/document.xml", f'<w:document xmlns:w="{W}"><w:body><w:p/></w:body></w:document>')
    assert_refused(path, "empty")
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("word/other.xml", "<x/>")
    assert_refused(path, "word/document.xml")


def test_scanned_pdf_asks_for_ocr(tmp_path):
    assert_refused(fx.scanned_pdf(tmp_path / "escaneado.pdf"), "no text layer", "OCR")


def test_corrupt_pdfs(tmp_path):
    path = tmp_path / "roto.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    assert_refused(path, "not a valid PDF")
    path.write_bytes(b"<html>not a pdf</html>")
    assert_refused(path, "not a valid PDF")


@pytest.mark.slow
def test_truncated_and_encrypted_pdfs(tmp_path, files, pdfs):
    path = tmp_path / "cortado.pdf"
    path.write_bytes(pdfs["es"].read_bytes()[:15000])
    assert_refused(path, "not a valid PDF")
    options = ('{"EncryptFile":{"type":"boolean","value":"true"},'
               '"DocumentOpenPassword":{"type":"string","value":"secreto"}}')
    (encrypted,) = fx.to_pdf([files["en.docx"]], tmp_path, options)
    assert_refused(encrypted, "encrypted PDF")


def test_unknown_missing_and_wrong_kinds_of_path(tmp_path, monkeypatch):
    path = tmp_path / "ley.rtf"
    path.write_text("{\\rtf1 hola}")
    assert_refused(path, "unsupported file type '.rtf'", ".docx", ".xml")
    assert_refused(tmp_path / "no-existe.txt", "not found")
    folder = tmp_path / "carpeta.txt"
    folder.mkdir()
    assert_refused(folder, "directory")
    xml = tmp_path / "ley.xml"
    xml.write_text("<akomaNtoso/>")
    assert_refused(xml, "drafting.akn")
    big = tmp_path / "grande.txt"
    big.write_text("Artículo 1.- Texto.\n" * 100)
    monkeypatch.setattr(importers, "MAX_BYTES", 1000)
    assert_refused(big, "too large")
    assert ".xml" in IMPORTABLE and ".xml" not in SUPPORTED


def test_errors_from_in_memory_uploads_name_the_upload():
    with pytest.raises(InputError, match="subida.docx"):
        read_bytes(io.BytesIO(b"PK\x03\x04roto").getvalue(), "subida.docx")


# ---------------------------------------------------------------- Word details, from hand-written XML

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _docx(path: Path, body: str, styles: str = "", ns: str = W) -> Path:
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("word/document.xml", f'<w:document xmlns:w="{ns}" xmlns:mc="{MC}"><w:body>{body}'
                                              f"</w:body></w:document>")
        if styles:
            package.writestr("word/styles.xml", f'<w:styles xmlns:w="{ns}">{styles}</w:styles>')
    return path


def test_docx_revisions_fields_text_boxes_and_breaks(tmp_path):
    body = (
        '<w:p><w:r><w:t>Art</w:t></w:r><w:hyperlink><w:r><w:t>ículo</w:t></w:r></w:hyperlink>'
        '<w:ins><w:r><w:t xml:space="preserve"> 1.-</w:t></w:r></w:ins><w:del><w:r><w:delText>borrado</w:delText>'
        '</w:r></w:del><w:moveFrom><w:r><w:t>movido</w:t></w:r></w:moveFrom><w:r><w:tab/><w:t>Texto</w:t>'
        '<w:noBreakHyphen/><w:t>unido</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>oculto</w:t></w:r>'
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r>'
        '<w:t>En un cuadro</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict>'
        '<w:txbxContent><w:p><w:r><w:t>En un cuadro</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>'
        '</mc:AlternateContent></w:r></w:p>'
        '<w:p><w:r><w:t>Antes del salto</w:t><w:br w:type="page"/><w:t>después</w:t></w:r></w:p>'
        '<w:p><w:r><w:t>Nueva página</w:t></w:r></w:p>'
        '<w:p><w:pPr><w:sectPr/></w:pPr><w:r><w:t>Fin de sección</w:t></w:r></w:p>'
        '<w:sdt><w:sdtContent><w:p><w:pPr><w:pStyle w:val="Ttulo1"/></w:pPr><w:r><w:t>TÍTULO I</w:t></w:r></w:p>'
        '</w:sdtContent></w:sdt>'
        '<w:p><w:r><w:br w:type="page"/><w:t>Tras salto inicial</w:t></w:r></w:p>'
    )
    styles = (
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Base"><w:name w:val="Base"/><w:pPr><w:jc w:val="center"/></w:pPr>'
        '<w:rPr><w:b/></w:rPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Ttulo1"><w:name w:val="heading 1"/><w:basedOn w:val="Base"/></w:style>'
    )
    source = read_source(_docx(tmp_path / "revisiones.docx", body, styles))
    got = [(line.text, line.page_break) for line in source.lines]
    assert got == [
        ("Artículo 1.- Texto-unido", False),
        ("En un cuadro", False),
        ("Antes del salto después", False),
        ("Nueva página", True),
        ("Fin de sección", False),
        ("TÍTULO I", True),
        ("Tras salto inicial", True),
    ]
    heading = by_text(source, "TÍTULO I")
    assert (heading.style, heading.bold, heading.centered) == ("Heading 1", True, True)
    assert by_text(source, "Nueva página").style == "Normal"


def test_docx_in_strict_open_xml(tmp_path):
    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    path = _docx(tmp_path / "estricto.docx", '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Artículo 1.</w:t></w:r></w:p>',
                 ns=strict)
    (line,) = read_source(path).lines
    assert (line.text, line.bold) == ("Artículo 1.", True)


def test_html_nested_too_deep_is_refused_not_cut_short(tmp_path):
    path = tmp_path / "hondo.html"
    path.write_text("<html><body>" + "<div>" * 400 + "texto" + "</div>" * 400 + "<p>fin</p></body></html>")
    assert_refused(path, "nested more than 256 deep")


def test_html_ordered_lists_show_their_numbers(tmp_path):
    path = tmp_path / "listas.html"
    path.write_text(
        '<ol><li><p>Primero</p><p>segundo párrafo</p></li><li><b>Dos</b> normal</li><li value="7">siete</li>'
        '<ol type="i"><li>sub</li></ol></ol><ol style="list-style: none"><li>1) escrito a mano</li></ol>'
        "<ul><li>viñeta</li></ul>", encoding="utf-8")
    assert texts(read_source(path)) == [
        "1. Primero", "segundo párrafo", "2. Dos normal", "7. siete", "i. sub", "1) escrito a mano", "viñeta"]
