"""DOCX export of bills: styles, literal labels, page furniture, properties, atomic writes."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import uuid
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm
from hypothesis import HealthCheck, given, settings
from lxml import etree

from drafting.errors import DraftingError
from drafting.export.docx import docx_bytes, write_docx
from drafting.export.docx_base import STYLES, add_paragraph, new_document
from drafting.export.layout import label_fits, layout
from drafting.model.document import Document, Meta, Node
from drafting.parse import profiles

from .strategies import documents

N = Node
ES = profiles.get("es-DO")
EN = profiles.get("en-commonwealth")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

def spanish_bill() -> Document:
    preface = (
        N("text", name="docTitle", text="Ley No. 24-25 sobre Protección Integral de Niños, Niñas y Adolescentes contra la Explotación Sexual en Línea"),
        N("text", name="docNumber", text="Ley No. 24-25"),
        N("text", name="docDate", text="Santo Domingo, 15 de marzo de 2025"),
    )
    preamble = (
        N("recitals", text="CONSIDERANDO:", children=(
            N("recital", text="CONSIDERANDO PRIMERO: Que la Constitución de la República reconoce el interés superior del niño, niña y adolescente;"),
            N("recital", text="CONSIDERANDO SEGUNDO: Que las tecnologías de la información facilitan nuevas formas de explotación sexual que el ordenamiento vigente no sanciona de manera adecuada;"),
        )),
        N("citations", text="VISTA:", children=(
            N("citation", text="La Constitución de la República, proclamada el 13 de junio de 2015."),
            N("citation", text="La Ley No. 53-07, sobre Crímenes y Delitos de Alta Tecnología, del 23 de abril de 2007."),
        )),
        N("formula", name="enactingFormula", text="HA DADO LA SIGUIENTE LEY:"),
    )
    art1 = N("article", num="1", heading="Objeto", text="La presente ley tiene por objeto prevenir, investigar y sancionar la explotación sexual de niños, niñas y adolescentes cometida por medio de sistemas de información.")
    art2 = N("article", num="2", heading="Definiciones", text="A los efectos de esta ley se entiende por:", children=(
        N("list", children=(
            N("point", num="a", text="Material de abuso sexual infantil: toda representación, por cualquier medio, de un niño, niña o adolescente involucrado en actividades sexuales explícitas, reales o simuladas."),
            N("point", num="b", text="Proveedor de servicios: toda entidad pública o privada que ofrezca a los usuarios la posibilidad de comunicarse por medio de un sistema de información."),
            N("point", num="c", text="Datos de tráfico: los datos relativos a una comunicación que indican su origen, destino, ruta, hora, fecha, tamaño y duración."),
        )),
    ))
    art24 = N("article", num="24", heading="Pornografía infantil", text="El que produzca, ofrezca, distribuya, transmita o posea material de abuso sexual infantil será sancionado con prisión de dos a cuatro años y multa de diez a doscientas veces el salario mínimo.", children=(
        N("paragraph", num="I", text="La pena se aumentará en un tercio cuando el autor sea ascendiente, tutor o persona encargada del cuidado de la víctima."),
        N("paragraph", num="II", text="Se consideran circunstancias agravantes:", children=(
            N("list", children=(
                N("point", num="a", text="que la víctima sea menor de trece años;"),
                N("point", num="b", text="que el hecho se cometa por una organización criminal."),
            )),
        )),
        N("note", text="Nota: modificado por la Ley No. 1-24, G. O. No. 11124, del 20 de enero de 2024."),
    ))
    art25 = N("article", num="25", text="El proveedor de servicios que tenga conocimiento de la existencia de material de abuso sexual infantil en sus sistemas lo comunicará sin demora a la Procuraduría General de la República.")
    art26 = N("article", num="26", heading="Acceso ilícito", status="repealed")
    amend = N("article", num="27", heading="Modificación de la Ley No. 53-07", text="Se modifica el artículo 24 de la Ley No. 53-07, sobre Crímenes y Delitos de Alta Tecnología, para que en lo adelante se lea de la siguiente manera:", children=(
        N("quotedStructure", text="«", children=(
            N("article", num="24", heading="Pornografía infantil", text="El que produzca, distribuya o posea material de abuso sexual infantil será sancionado con prisión de dos a cuatro años.", children=(
                N("paragraph", num="I", text="La tentativa será castigada como el delito consumado."),
            )),
        )),
    ))
    chapter1 = N("chapter", num="I", heading="Disposiciones generales", children=(art1, art2))
    chapter2 = N("chapter", num="II", heading="De los delitos y las penas", children=(art24, art25, art26, amend))
    title = N("title", num="I", heading="Disposiciones sustantivas", children=(chapter1, chapter2))
    conclusions = (
        N("formula", text="DADA en la Sala de Sesiones del Senado de la República, en Santo Domingo de Guzmán, Distrito Nacional, capital de la República Dominicana, a los quince (15) días del mes de marzo del año dos mil veinticinco (2025)."),
        N("text", name="signature", text="Presidente del Senado"),
        N("text", name="signature", text="Secretario"),
    )
    attachments = (N("attachment", num="I", heading="Tabla de sanciones", children=(
        N("table", children=(
            N("row", children=(N("cell", text="Infracción"), N("cell", text="Pena"))),
            N("row", children=(N("cell", text="Artículo 24"), N("cell", text="2 a 4 años"))),
        )),
    )),)
    meta = Meta(country="do", doc_type="bill", number="24-25", date="2025-03-15", language="es",
                title="Ley sobre Protección Integral contra la Explotación Sexual en Línea",
                short_title="Ley de Protección en Línea", profile="es-DO")
    return Document(meta=meta, preface=preface, preamble=preamble, body=(title,), conclusions=conclusions,
                    attachments=attachments)


def english_bill() -> Document:
    preface = (
        N("text", name="docTitle", text="An Act to provide for the protection of children from online sexual exploitation, and for connected purposes"),
        N("text", name="docNumber", text="Bill No. 12 of 2025"),
    )
    preamble = (N("formula", name="enactingFormula", text="ENACTED by the Parliament of Saint Example as follows:"),)
    s1 = N("section", num="1", heading="Short title and commencement", children=(
        N("subsection", num="1", text="This Act may be cited as the Child Online Protection Act, 2025."),
        N("subsection", num="2", text="This Act comes into force on a day appointed by the Minister by order published in the Gazette."),
    ))
    s2 = N("section", num="2", heading="Interpretation", children=(
        N("subsection", num="1", text="In this Act—", children=(
            N("paragraph", num="a", text="\"child\" means a person under the age of eighteen years;"),
            N("paragraph", num="b", text="\"child sexual abuse material\" means any material that visually depicts—", children=(
                N("subparagraph", num="i", text="a child engaged in sexually explicit conduct; or"),
                N("subparagraph", num="ii", text="a person appearing to be a child engaged in sexually explicit conduct;"),
            )),
            N("paragraph", num="c", text="\"service provider\" means any public or private entity that provides to users the ability to communicate by means of a computer system."),
        )),
        N("subsection", num="2", text="A reference in this Act to possession includes possession by means of a computer system or a data storage medium."),
    ))
    s3 = N("section", num="3", heading="Possession of child sexual abuse material", children=(
        N("subsection", num="1", text="A person who knowingly possesses child sexual abuse material commits an offence and is liable on conviction on indictment to imprisonment for a term not exceeding ten years."),
        N("subsection", num="2", text="It is a defence to a charge under subsection (1) that the person—", children=(
            N("paragraph", num="a", text="was a member of the police force acting in the course of duty; or"),
            N("paragraph", num="b", text="was acting for the purpose of reporting the material to the police."),
        ), wrap_up="and the burden of proving the defence lies on the accused."),
    ))
    s4 = N("section", num="4", text="Every service provider shall report to the police any child sexual abuse material of which it becomes aware on its systems.")
    s5 = N("section", num="5", heading="Amendment of the Computer Misuse Act", text="The Computer Misuse Act is amended by inserting after section 5 the following section—", children=(
        N("quotedStructure", children=(
            N("section", num="5A", heading="Preservation of data", children=(
                N("subsection", num="1", text="A police officer may require a service provider to preserve specified traffic data."),
                N("subsection", num="2", text="A requirement under subsection (1) lasts for ninety days."),
            )),
        )),
    ))
    part1 = N("part", num="I", heading="Preliminary", children=(s1, s2))
    part2 = N("part", num="II", heading="Offences", children=(s3, s4, s5))
    conclusions = (N("text", name="signature", text="Passed in the House of Assembly this 1st day of April, 2025."),
                   N("text", name="signature", text="Clerk of the House"))
    meta = Meta(country="xe", doc_type="bill", number="12", date="2025-04-01", language="en",
                title="Child Online Protection Act, 2025", short_title="Child Online Protection Act",
                profile="en-commonwealth")
    return Document(meta=meta, preface=preface, preamble=preamble, body=(part1, part2), conclusions=conclusions)


def open_docx(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def texts(doc: docx.document.Document, style: str | None = None) -> list[str]:
    return [p.text for p in doc.paragraphs if style is None or p.style.name == style]


@pytest.fixture(scope="module")
def es_doc() -> docx.document.Document:
    return open_docx(docx_bytes(spanish_bill(), ES))


@pytest.fixture(scope="module")
def en_doc() -> docx.document.Document:
    return open_docx(docx_bytes(english_bill(), EN))


# --- styles --------------------------------------------------------------------------------------


def test_every_style_exists_and_every_paragraph_uses_one_of_ours(es_doc, en_doc) -> None:
    for doc in (es_doc, en_doc):
        for name in STYLES:
            assert doc.styles[name].name == name
        used = {p.style.name for p in doc.paragraphs}
        assert used <= set(STYLES), used - set(STYLES)


def test_style_shapes() -> None:
    doc = new_document()
    heading = doc.styles["Article Heading"].element
    assert heading.find(f".//{{{W}}}outlineLvl").get(qn("w:val")) == "4"  # outline level 5
    assert doc.styles["Article Heading"].paragraph_format.keep_with_next
    assert doc.styles["Body Text"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    for level in (1, 2, 3):
        fmt = doc.styles[f"Provision {level}"].paragraph_format
        assert fmt.first_line_indent < 0 < fmt.left_indent  # a hanging indent
    assert doc.styles["Note"].font.italic
    section = doc.sections[0]
    assert abs(section.page_width - Cm(21)) < Cm(0.01) and abs(section.left_margin - Cm(2.5)) < Cm(0.01)


def test_heading_4_is_created_when_only_latent() -> None:
    reference = new_document()
    styles = reference.styles.element
    for style in styles.findall(f"{{{W}}}style"):
        if style.get(qn("w:styleId")) in ("Heading4", "Quote"):
            styles.remove(style)
    out = io.BytesIO()
    reference.save(out)
    path = Path(f"/tmp/ref-{uuid.uuid4()}.docx")
    try:
        path.write_bytes(out.getvalue())
        with pytest.raises(KeyError):
            docx.Document(str(path)).styles["Heading 4"]
        doc = new_document(path)
        assert doc.styles["Heading 4"].base_style.name == "Heading 3"
    finally:
        path.unlink(missing_ok=True)


# --- labels and layout ---------------------------------------------------------------------------


def test_labels_are_literal_text_never_auto_numbering(es_doc, en_doc) -> None:
    for doc in (es_doc, en_doc):
        assert doc.element.body.findall(f".//{{{W}}}numPr") == []
        for t in doc.element.body.iter(f"{{{W}}}t"):
            assert "\n" not in (t.text or "")
    assert "Artículo 24.- Pornografía infantil." in texts(es_doc, "Article Heading")
    assert "a)\tque la víctima sea menor de trece años;" in texts(es_doc, "Provision 2")
    assert "(1)\tIn this Act—" in texts(en_doc, "Provision 1")
    assert '(b)\t"child sexual abuse material" means any material that visually depicts—' in texts(en_doc, "Provision 2")
    assert "(i)\ta child engaged in sexually explicit conduct; or" in texts(en_doc, "Provision 3")
    assert "2. Interpretation" in texts(en_doc, "Article Heading")


def test_divisions_take_two_centred_paragraphs_by_depth(es_doc, en_doc) -> None:
    paragraphs = es_doc.paragraphs
    index = next(i for i, p in enumerate(paragraphs) if p.text == "CAPÍTULO II")
    label, heading = paragraphs[index], paragraphs[index + 1]
    assert (label.style.name, heading.style.name, heading.text) == ("Heading 2", "Heading 2", "De los delitos y las penas")
    assert texts(es_doc, "Heading 1")[:2] == ["TÍTULO I", "Disposiciones sustantivas"]
    for p in (label, heading):
        assert (p.alignment or p.style.paragraph_format.alignment) == WD_ALIGN_PARAGRAPH.CENTER
    assert texts(en_doc, "Heading 1")[:2] == ["PART I", "Preliminary"]


def test_a_unit_without_heading_runs_its_bold_label_into_its_text(es_doc, en_doc) -> None:
    p = next(p for p in es_doc.paragraphs if p.text.startswith("Artículo 25.-"))
    assert p.style.name == "Body Text"
    assert p.runs[0].text == "Artículo 25.-" and p.runs[0].bold
    assert p.text.startswith("Artículo 25.- El proveedor de servicios")
    assert any(p.text.startswith("4. Every service provider") for p in en_doc.paragraphs)


def test_wide_labels_run_in_and_narrow_ones_hang(es_doc) -> None:
    assert label_fits("(a)") and label_fits("(viii)") and label_fits("12.")
    assert not label_fits("Párrafo I.-")
    p = next(p for p in es_doc.paragraphs if p.text.startswith("Párrafo I.-"))
    assert p.style.name == "Provision 1" and p.text.startswith("Párrafo I.- La pena")
    assert p.runs[0].bold and p.paragraph_format.first_line_indent == 0


def test_heading_end_is_never_doubled() -> None:
    document = Document(meta=Meta(language="es"), body=(N("article", num="3", heading="Objeto.", text="x"),))
    assert "Artículo 3.- Objeto." in texts(open_docx(docx_bytes(document, ES)), "Article Heading")


def test_repealed_note_preamble_conclusions_and_table(es_doc) -> None:
    assert "Artículo 26.- Acceso ilícito. [Derogado]" in texts(es_doc, "Article Heading")
    # an editor's note is kept in the tree, never printed with the law's text
    assert not any("Nota: modificado" in p.text for p in es_doc.paragraphs)
    assert texts(es_doc, "Title")[0].startswith("Ley No. 24-25 sobre")
    assert texts(es_doc, "Subtitle") == ["Ley No. 24-25", "Santo Domingo, 15 de marzo de 2025"]
    preamble = texts(es_doc, "Preamble")
    assert preamble[0] == "CONSIDERANDO:" and "HA DADO LA SIGUIENTE LEY:" in preamble
    assert texts(es_doc, "Signature") == ["Presidente del Senado", "Secretario"]
    assert texts(es_doc, "Closing")[0].startswith("DADA en la Sala")
    table = es_doc.tables[0]
    assert [c.text for c in table.rows[1].cells] == ["Artículo 24", "2 a 4 años"]
    anexo = next(p for p in es_doc.paragraphs if p.text == "ANEXO I")
    assert anexo.paragraph_format.page_break_before


def test_quoted_structure_is_quoted_text_in_quotes(es_doc, en_doc) -> None:
    quoted = texts(es_doc, "Quoted Text")
    assert quoted[0] == "«Artículo 24.- Pornografía infantil."
    assert quoted[-1].endswith("consumado.»")
    assert len(quoted) == 3
    english = texts(en_doc, "Quoted Text")  # no startQuote on the node: the profile's (default) marks
    assert english[0] == "“5A. Preservation of data" and english[-1].endswith("ninety days.”")


def test_newlines_become_breaks_and_control_characters_are_dropped() -> None:
    doc = new_document()
    p = add_paragraph(doc, "uno\ndos\x01", "Provision 1", label="(a)", bold_label=True)
    assert p.runs[0].bold and p.text == "(a)\tuno\ndos"
    assert len(p._p.findall(f".//{{{W}}}br")) == 1
    assert all("\n" not in t.text for t in p._p.iter(f"{{{W}}}t"))


# --- page furniture and properties ------------------------------------------------------------


def test_header_has_the_short_title_and_footer_page_fields(es_doc) -> None:
    section = es_doc.sections[0]
    assert "Ley de Protección en Línea" in [p.text for p in section.header.paragraphs]
    instructions = "".join(t.text for t in section.footer._element.iter(f"{{{W}}}instrText"))
    assert "PAGE" in instructions and "NUMPAGES" in instructions
    wording = str(ES.section("labels").get("page_of", "Page {page} of {pages}"))
    assert "".join(p.text for p in section.footer.paragraphs) == wording.format(page=1, pages=1)  # placeholders


def test_line_numbering_is_optional() -> None:
    def has_numbers(data: bytes) -> bool:
        return open_docx(data).sections[0]._sectPr.find(qn("w:lnNumType")) is not None

    assert not has_numbers(docx_bytes(english_bill(), EN))
    data = docx_bytes(english_bill(), EN, line_numbers=True)
    element = open_docx(data).sections[0]._sectPr.find(qn("w:lnNumType"))
    assert element.get(qn("w:countBy")) == "1" and element.get(qn("w:restart")) == "newPage"


def test_core_and_custom_properties() -> None:
    data = docx_bytes(spanish_bill(), ES, properties={"clauses": "csam.definitions,csam.possession",
                                                         "template_versions": "1.2", "param.age": "18 <años> & más"})
    core = open_docx(data).core_properties
    assert core.title == "Ley sobre Protección Integral contra la Explotación Sexual en Línea"
    assert (core.subject, core.author, core.language) == ("Ley de Protección en Línea", "drafting", "es-DO")
    assert core.keywords == "do, 24-25" and core.created is not None and core.modified is not None
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("docProps/custom.xml"))
        assert "docProps/custom.xml" in archive.read("[Content_Types].xml").decode() or \
            "/docProps/custom.xml" in archive.read("[Content_Types].xml").decode()
        assert b"custom-properties" in archive.read("_rels/.rels")
    values = {p.get("name"): p[0].text for p in root}
    assert values["clauses"] == "csam.definitions,csam.possession"
    assert values["param.age"] == "18 <años> & más"
    assert values["work_uri"] == "/akn/do/bill/2025/24-25" and values["profile"] == "es-DO"
    pids = [int(p.get("pid")) for p in root]
    assert pids == list(range(2, 2 + len(pids)))


# --- reference documents -------------------------------------------------------------------------


def test_reference_docx_supplies_fonts_and_margins(tmp_path: Path) -> None:
    reference = docx.Document()
    reference.styles["Body Text"].font.name = "Arial"
    reference.sections[0].left_margin = Cm(3.5)
    reference.add_paragraph("House template boilerplate that must not survive")
    path = tmp_path / "reference.docx"
    reference.save(str(path))
    doc = open_docx(docx_bytes(spanish_bill(), ES, reference=path))
    assert doc.styles["Body Text"].font.name == "Arial"
    assert abs(doc.sections[0].left_margin - Cm(3.5)) < Cm(0.01)
    assert "House template boilerplate that must not survive" not in texts(doc)
    for name in STYLES:
        doc.styles[name]
    assert "Artículo 24.- Pornografía infantil." in texts(doc, "Article Heading")


def test_a_dotx_house_template_keeps_its_header(tmp_path: Path) -> None:
    reference = docx.Document()
    reference.sections[0].header.paragraphs[0].text = "MINISTERIO DE JUSTICIA"
    plain = tmp_path / "house.docx"
    reference.save(str(plain))
    template = tmp_path / "house.dotx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(template, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            target.writestr(info, data)
    doc = open_docx(docx_bytes(spanish_bill(), ES, reference=template))
    assert [p.text for p in doc.sections[0].header.paragraphs] == ["MINISTERIO DE JUSTICIA", "Ley de Protección en Línea"]
    assert doc.part.content_type.endswith("document.main+xml")


def test_bad_references_are_named(tmp_path: Path) -> None:
    missing = tmp_path / "nope.docx"
    with pytest.raises(DraftingError, match="nope.docx"):
        new_document(missing)
    text = tmp_path / "text.docx"
    text.write_text("not a zip")
    with pytest.raises(DraftingError, match="text.docx.*not a DOCX"):
        new_document(text)
    bare = tmp_path / "bare.docx"
    with zipfile.ZipFile(bare, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(DraftingError, match="bare.docx"):
        new_document(bare)


# --- writing -----------------------------------------------------------------------------------


def test_write_docx_writes_and_leaves_nothing_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "bill.docx"
    write_docx(spanish_bill(), target, ES)
    assert open_docx(target.read_bytes()).paragraphs
    missing = tmp_path / "no-such-folder" / "bill.docx"
    with pytest.raises(DraftingError, match="no-such-folder"):
        write_docx(spanish_bill(), missing, ES)
    assert not missing.parent.exists()
    folder = tmp_path / "a-folder"
    folder.mkdir()
    with pytest.raises(DraftingError, match="a-folder"):
        write_docx(spanish_bill(), folder, ES)
    assert folder.is_dir() and list(folder.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-folder", "bill.docx"]  # no temp file left


def test_a_failure_while_building_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "bill.docx"
    with pytest.raises(DraftingError):
        write_docx(spanish_bill(), target, ES, reference=tmp_path / "missing.docx")
    assert list(tmp_path.iterdir()) == []


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_any_document_exports_and_reopens(document: Document) -> None:
    profile = ES if document.meta.language == "es" else EN
    doc = open_docx(docx_bytes(document, profile, line_numbers=True))
    assert doc.element.body.findall(f".//{{{W}}}numPr") == []
    written = "\n".join(p.text for p in doc.paragraphs)
    for block in layout(document, profile):  # nothing the layout decided is lost on the way to Word
        for piece in (block.label, block.text):
            for line in piece.split("\n"):
                assert line.strip() in written or block.kind == "table"


# --- LibreOffice ---------------------------------------------------------------------------------


@pytest.mark.slow
def test_libreoffice_converts_the_bill_to_pdf(tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is required in CI")
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it")
    source = tmp_path / "bill.docx"
    write_docx(spanish_bill(), source, ES, line_numbers=True)
    profile_dir = f"file:///tmp/lo-{uuid.uuid4()}"
    try:
        result = subprocess.run(
            [soffice, f"-env:UserInstallation={profile_dir}", "--headless", "--convert-to", "pdf",
             "--outdir", str(tmp_path), str(source)],
            capture_output=True, text=True, timeout=120)
    finally:
        shutil.rmtree(profile_dir.removeprefix("file://"), ignore_errors=True)
    pdf = tmp_path / "bill.pdf"
    assert result.returncode == 0 and pdf.is_file(), result.stderr
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        assert pdf.read_bytes().startswith(b"%PDF")
        return
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, timeout=60).stdout
    assert "Artículo 24.-" in text
    wording = str(ES.section("labels").get("page_of", "Page {page} of {pages}"))
    assert re.search(re.escape(wording).replace(r"\{page\}", "1").replace(r"\{pages\}", r"\d+"), text)
