"""Two short fictional statutes, written for these tests, saved in every importable format.

`STATUTE_ES` (Dominican drafting style) and `STATUTE_EN` (Commonwealth style) are lists of blocks;
the writers turn one statute into .txt (several encodings), .html (charset declarations, entities,
<br> inside sentences, tags splitting words, a table), .docx (Word auto-numbering through
numbering.xml, a table, running header and footer with page numbers) and, through LibreOffice,
.pdf. `expected_texts` gives the visible text lines every importer should return.

The countries, laws and people are invented; no real statute is copied.
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt


@dataclass(frozen=True)
class Block:
    """kind: title (centred, bold) | center (centred) | heading (centred, bold) | caption (bold) | para |
    article/section (auto-numbered, `head` in bold before `text`) | point (auto-numbered list item) |
    parrafo ("Párrafo I.-", auto-numbered) | table"""

    kind: str
    text: str = ""
    head: str = ""
    rows: tuple[tuple[str, ...], ...] = ()
    restart: bool = False  # a point list that starts again at (a)


def B(kind: str, text: str = "", head: str = "", rows=(), restart: bool = False) -> Block:
    return Block(kind, text, head, tuple(tuple(r) for r in rows), restart)


STATUTE_ES = [
    B("title", "LEY NO. 12-24 SOBRE DELITOS ELECTRÓNICOS"),
    B("center", "EL CONGRESO NACIONAL"),
    B("center", "En nombre de la República de Costa Serena"),
    B("para", "CONSIDERANDO PRIMERO: Que el uso cotidiano de las tecnologías de la información ha transformado la "
              "manera en que las personas se comunican, contratan y guardan sus datos, y que ese cambio exige reglas "
              "penales claras y proporcionadas;"),
    B("para", "CONSIDERANDO SEGUNDO: Que la ausencia de tipos penales específicos deja sin respuesta conductas que "
              "dañan sistemas, datos y la intimidad de las personas, en especial de niños, niñas y adolescentes;"),
    B("para", "VISTA: La Constitución de la República de Costa Serena, proclamada el 3 de marzo de 2015."),
    B("para", "VISTO: El Código Penal de la República de Costa Serena."),
    B("title", "HA DADO LA SIGUIENTE LEY:"),
    B("heading", "CAPÍTULO I"),
    B("heading", "DISPOSICIONES GENERALES"),
    B("article", "La presente ley tiene por objeto proteger la integridad, la confidencialidad y la disponibilidad "
                 "de los sistemas y datos informáticos, así como prevenir y sancionar las conductas que los afectan, "
                 "sin perjuicio de las garantías del debido proceso.", head="Objeto."),
    B("article", "Esta ley se aplica a toda persona física o moral que cometa alguno de los hechos que describe, total "
                 "o parcialmente, en el territorio nacional, o cuyos efectos se produzcan en él, aunque el autor se "
                 "encuentre en el extranjero.", head="Ámbito de aplicación."),
    B("article", "Para los fines de esta ley se entiende por:", head="Definiciones."),
    B("point", "Dato informático: toda representación de hechos, informaciones o conceptos en una forma apta para su "
               "tratamiento por un sistema informático;"),
    B("point", "Sistema informático: todo dispositivo o conjunto de dispositivos interconectados que realizan el "
               "tratamiento automatizado de datos;"),
    B("point", "Proveedor de servicios: toda entidad pública o privada que ofrece a los usuarios la posibilidad de "
               "comunicarse por medio de un sistema informático."),
    B("heading", "CAPÍTULO II"),
    B("heading", "DE LOS DELITOS CONTRA LOS SISTEMAS Y DATOS"),
    B("article", "El que, sin autorización, acceda en todo o en parte a un sistema informático será sancionado con "
                 "prisión de seis meses a dos años y multa de diez a cincuenta salarios mínimos.", head="Acceso ilícito."),
    B("parrafo", "Si el acceso se realiza vulnerando medidas de seguridad, la pena será de uno a tres años de prisión."),
    B("article", "El que, sin autorización, borre, altere, suprima o haga inaccesibles datos informáticos ajenos será "
                 "sancionado con prisión de uno a cuatro años.", head="Daño a datos."),
    B("article", "El que obstaculice gravemente el funcionamiento de un sistema informático, mediante la introducción, "
                 "transmisión o destrucción de datos, será sancionado con prisión de dos a cinco años y multa de veinte "
                 "a cien salarios mínimos. La pena se aumentará en un tercio cuando el sistema afectado preste un "
                 "servicio público esencial, tales como el suministro de agua potable, de energía eléctrica o de "
                 "atención de emergencias médicas.", head="Interferencia en sistemas."),
    B("article", "El que, con ánimo de lucro, procure para sí o para un tercero un beneficio patrimonial indebido "
                 "mediante la manipulación de datos o del funcionamiento de un sistema informático será sancionado con "
                 "prisión de dos a seis años.", head="Fraude informático."),
    B("parrafo", "Cuando el perjuicio supere los cien salarios mínimos, el máximo de la pena se elevará a ocho años."),
    B("parrafo", "El tribunal podrá ordenar, además, la restitución de los valores obtenidos."),
    B("heading", "CAPÍTULO III"),
    B("heading", "DE LA PROTECCIÓN DE NIÑOS, NIÑAS Y ADOLESCENTES"),
    B("article", "El que, por medio de un sistema informático, contacte a una persona menor de dieciocho años con el "
                 "propósito de cometer contra ella un delito sexual será sancionado con prisión de tres a ocho años. "
                 "La pena se aplicará aunque el encuentro no llegue a producirse.", head="Contacto con fines sexuales."),
    B("article", "El que produzca, ofrezca, distribuya, adquiera o posea, por cualquier medio informático, material "
                 "que represente a personas menores de edad en actividades sexuales será sancionado con prisión de "
                 "cinco a diez años, sin perjuicio de las penas que correspondan por otros delitos.",
      head="Material de abuso sexual infantil."),
    B("heading", "CAPÍTULO IV"),
    B("heading", "DISPOSICIONES PROCESALES Y FINALES"),
    B("article", "Las multas previstas en esta ley se gradúan conforme a la siguiente escala:",
      head="Escala de sanciones."),
    B("table", rows=[("Infracción", "Multa mínima", "Multa máxima"),
                     ("Acceso ilícito", "10 salarios", "50 salarios"),
                     ("Interferencia en sistemas", "20 salarios", "100 salarios")]),
    B("article", "Los proveedores de servicios conservarán, por un período de noventa días, los datos de tráfico "
                 "necesarios para identificar el origen y el destino de una comunicación, y los entregarán únicamente "
                 "por orden judicial motivada.", head="Conservación de datos."),
    B("article", "Las autoridades competentes podrán prestar y solicitar asistencia a otros Estados para la "
                 "investigación de los hechos previstos en esta ley, conforme a los tratados vigentes y al principio "
                 "de reciprocidad.", head="Cooperación internacional."),
    B("article", "La presente ley entra en vigor a los noventa días de su publicación en la Gaceta Oficial.",
      head="Entrada en vigor."),
    B("para", "DADA en la Sala de Sesiones del Congreso Nacional, en la ciudad de Puerto Alba, capital de la "
              "República de Costa Serena, a los doce días del mes de abril del año dos mil veinticuatro."),
    B("center", "Marta Ruiz Calderón"),
    B("center", "Presidenta del Congreso Nacional"),
]

STATUTE_EN = [
    B("title", "KESTREL ISLANDS"),
    B("title", "COMPUTER MISUSE AND CYBERCRIME ACT, 2024"),
    B("center", "Act No. 7 of 2024"),
    B("para", "AN ACT to provide for the protection of computer systems and data, to create offences for their "
              "misuse, and for connected purposes."),
    B("para", "ENACTED by the Parliament of the Kestrel Islands as follows—"),
    B("heading", "PART I"),
    B("heading", "PRELIMINARY"),
    B("caption", "Short title and commencement"),
    B("section", "(1) This Act may be cited as the Computer Misuse and Cybercrime Act, 2024."),
    B("para", "(2) This Act comes into operation on a day appointed by the Minister by notice in the Gazette."),
    B("caption", "Interpretation"),
    B("section", "In this Act, unless the context otherwise requires—"),
    B("para", "“computer” means an electronic device that stores or processes data, and includes any program and "
              "network connected to it;"),
    B("para", "“data” means any representation of information in a form suitable for processing in a computer;"),
    B("para", "“Minister” means the Minister responsible for justice."),
    B("heading", "PART II"),
    B("heading", "OFFENCES"),
    B("caption", "Unauthorised access"),
    B("section", "(1) A person who, without lawful excuse, intentionally causes a computer to perform a function "
                 "with intent to secure access to any program or data held in it commits an offence."),
    B("para", "(2) A person who commits an offence under subsection (1) is liable on conviction to a fine not "
              "exceeding ten thousand dollars or to imprisonment for a term not exceeding two years, or to both."),
    B("caption", "Unauthorised modification of data"),
    B("section", "A person commits an offence if, without lawful excuse, that person—"),
    B("point", "deletes or alters data held in a computer;"),
    B("point", "renders such data inaccessible; or"),
    B("point", "introduces a program that impairs the operation of a computer,"),
    B("para", "and is liable on conviction to imprisonment for a term not exceeding five years."),
    B("caption", "Offences involving children"),
    B("section", "(1) A person who uses a computer to make, distribute or possess indecent material depicting a child "
                 "commits an offence and is liable on conviction to imprisonment for a term not exceeding ten years."),
    B("para", "(2) It is a defence to a charge under subsection (1) that the person—"),
    B("point", "acted for the purpose of reporting the material to the police; and", restart=True),
    B("point", "did not keep the material longer than was necessary for that purpose."),
    B("heading", "PART III"),
    B("heading", "MISCELLANEOUS"),
    B("caption", "Regulations"),
    B("section", "The Minister may make regulations for the better carrying out of the provisions of this Act."),
    B("heading", "SCHEDULE"),
    B("heading", "MAXIMUM FINES"),
    B("table", rows=[("Offence", "Section", "Maximum fine"),
                     ("Unauthorised access", "3", "$10,000"),
                     ("Unauthorised modification of data", "4", "$25,000")]),
    B("para", "Passed by the Parliament of the Kestrel Islands on the fourth day of June, 2024."),
    B("center", "Clerk of the Parliament"),
]

TITLES = {"es": "Ley No. 12-24 sobre Delitos Electrónicos", "en": "Computer Misuse and Cybercrime Act, 2024"}
STATUTES = {"es": STATUTE_ES, "en": STATUTE_EN}


# ---------------------------------------------------------------- the visible text


def _roman(value: int) -> str:
    return {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V"}[value]


def labelled(statute: list[Block]) -> list[tuple[Block, str]]:
    """Each block with the label Word's auto-numbering shows before it ("" when none)."""
    out = []
    article = point = parrafo = 0
    for block in statute:
        label = ""
        if block.kind in ("article", "section"):
            article += 1
            point = parrafo = 0
            label = f"Artículo {article}.-" if block.kind == "article" else f"{article}."
        elif block.kind == "point":
            point = 1 if block.restart else point + 1
            letter = chr(96 + point)
            label = f"{letter})" if statute is STATUTE_ES else f"({letter})"
        elif block.kind == "parrafo":
            parrafo += 1
            label = f"Párrafo {_roman(parrafo)}.-"
        out.append((block, label))
    return out


def full_text(block: Block, label: str) -> str:
    parts = [label, block.head, block.text]
    return " ".join(p for p in parts if p)


def expected_texts(statute: list[Block]) -> list[str]:
    return [full_text(block, label) for block, label in labelled(statute) if block.kind != "table"]


def tables(statute: list[Block]) -> list[tuple[tuple[str, ...], ...]]:
    return [block.rows for block in statute if block.kind == "table"]


# ---------------------------------------------------------------- .txt


def write_txt(statute: list[Block], path: Path, encoding: str = "utf-8", newline: str = "\n") -> Path:
    """One block per line with blank lines between, a tab and trailing spaces here and there."""
    lines = []
    for index, (block, label) in enumerate(labelled(statute)):
        if block.kind == "table":
            continue  # plain text has no tables
        text = full_text(block, label)
        if block.kind == "article" and index % 2:
            text = text.replace(".- ", ".-\t", 1)
        lines.append(text + ("   " if index % 3 == 0 else ""))
        lines.append("")
    path.write_bytes(newline.join(lines).encode(encoding))
    return path


# ---------------------------------------------------------------- .html


def write_html(statute: list[Block], path: Path, charset: str = "utf-8", meta: str = "charset") -> Path:
    """HTML as government sites write it: entities, split tags, <br> inside and between provisions."""
    esc = html.escape
    body = ["<nav><a href='/'>Inicio</a> | <a href='/leyes'>Leyes</a></nav>",
            "<script>document.write('<p>no es ley</p>');</script>"]
    items = labelled(statute)
    index = 0
    while index < len(items):
        block, label = items[index]
        text = esc(block.text, quote=False)
        if block.kind == "title":
            body.append(f'<p align="center"><strong>{esc(block.text)}</strong></p>')
        elif block.kind == "center":
            body.append(f'<p style="text-align: center">{text}</p>')
        elif block.kind == "heading":
            if block.text.startswith(("CAP", "PART")):
                first, rest = block.text[:3], block.text[3:]  # a heading split across two tags
                body.append(f'<h2 align="center"><span>{first}</span><span>{esc(rest)}</span></h2>')
            else:
                body.append(f'<h3 style="text-align:center;">{text}</h3>')
        elif block.kind == "caption":
            body.append(f"<p><b>{text}</b></p>")
        elif block.kind in ("article", "section"):
            nxt = items[index + 1] if index + 1 < len(items) else None
            head = f" <b>{esc(block.head)}</b>" if block.head else ""
            label_html = f"<b>{esc(label[:4])}</b><b>{esc(label[4:])}</b>"  # "Artí" + "culo 5.-"
            label_html = label_html.replace("Artí", "Art&iacute;").replace(" ", "&nbsp;", 1)
            sentence = _soft_wrap(text)
            if block.head == "Daño a datos." and nxt is not None:
                # two provisions in one <p>, separated by a <br>
                nblock, nlabel = nxt
                body.append(f"<p>{label_html}{head} {sentence}<br>{esc(nlabel)} <b>{esc(nblock.head)}</b> "
                            f"{esc(nblock.text, quote=False)}</p>")
                index += 2
                continue
            body.append(f"<p>{label_html}{head} {sentence}</p>")
        elif block.kind in ("point", "parrafo"):
            body.append(f"<p>{esc(label)} {text.replace('ó', '&oacute;')}</p>")
        elif block.kind == "para":
            body.append(f"<p>{text.replace('—', '&mdash;').replace('“', '&ldquo;').replace('”', '&#8221;')}</p>")
        elif block.kind == "table":
            rows = "".join(
                "<tr>" + "".join(f"<{'th' if r == 0 else 'td'}>{esc(cell)}</{'th' if r == 0 else 'td'}>"
                                 for cell in row) + "</tr>"
                for r, row in enumerate(block.rows)
            )
            body.append(f'<table border="1">{rows}</table>')
        index += 1
    declaration = (f'<meta charset="{charset}">' if meta == "charset"
                   else f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">')
    title = TITLES["es" if statute is STATUTE_ES else "en"]
    page = (f"<!DOCTYPE html>\n<html lang=\"{'es' if statute is STATUTE_ES else 'en'}\">\n<head>{declaration}"
            f"<title>{esc(title)}</title><style>p {{ margin: 0 }}</style></head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")
    path.write_bytes(page.encode(charset, errors="xmlcharrefreplace"))
    return path


def _soft_wrap(text: str) -> str:
    """Break a long sentence with <br> before a lower-case word near its middle (a soft line break)."""
    if len(text) < 120:
        return text
    middle = len(text) // 2
    for offset in range(0, middle):
        for at in (middle + offset, middle - offset):
            if text[at] == " " and text[at + 1].islower() and text[at - 1].isalpha():
                return text[:at] + "<br>\n" + text[at + 1:]
    return text


# ---------------------------------------------------------------- .docx


def _lvl(ilvl: int, fmt: str, text: str, *, restart: int | None = None, left: int = 0, hanging: int = 0,
         suff: str = "space") -> str:
    restart_xml = f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else ""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{restart_xml}'
            f'<w:suff w:val="{suff}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr>'
            f'<w:rPr><w:b/></w:rPr></w:lvl>')


def _add_numbering(doc, lang: str) -> dict[str, int]:
    """Define the statute's lists in numbering.xml; returns kind → numId."""
    numbering = doc.part.numbering_part.element
    if lang == "es":
        levels = [_lvl(0, "decimal", "Artículo %1.-"),
                  _lvl(1, "lowerLetter", "%2)", left=720, hanging=360),
                  _lvl(2, "upperRoman", "Párrafo %3.-", restart=1)]  # párrafos count on across literales
    else:
        levels = [_lvl(0, "decimal", "%1."), _lvl(1, "lowerLetter", "(%2)", left=720, hanging=360)]
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
                         f'<w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>')
    points = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="91">'
                       f'<w:multiLevelType w:val="singleLevel"/>'
                       f'{_lvl(0, "lowerLetter", "(%1)", left=720, hanging=360)}</w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    for element in (abstract, points):
        if first_num is not None:
            first_num.addprevious(element)
        else:
            numbering.append(element)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return {"main": 90, "points": 91}


def _new_point_list(doc, restart_id: int) -> int:
    """A new w:num over the points list that starts again at (a): w:lvlOverride/w:startOverride."""
    doc.part.numbering_part.element.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{restart_id}"><w:abstractNumId w:val="91"/>'
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    return restart_id


def _number(paragraph, num_id: int, ilvl: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def _field(paragraph, instr: str, shown: str) -> None:
    paragraph._p.append(parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" {instr} "><w:r><w:t>{shown}</w:t></w:r></w:fldSimple>'))


def write_docx(statute: list[Block], path: Path) -> Path:
    lang = "es" if statute is STATUTE_ES else "en"
    doc = Document()
    doc.core_properties.title = TITLES[lang]
    doc.core_properties.subject = "Fixture for the import tests"
    doc.core_properties.author = "drafting tests"
    normal = doc.styles["Normal"]
    normal.font.name = "DejaVu Serif"
    normal.font.size = Pt(12)
    normal.paragraph_format.space_after = Pt(6)
    ids = _add_numbering(doc, lang)
    points_num = ids["points"] if lang == "en" else ids["main"]
    if lang == "en":
        points_num = _new_point_list(doc, 92)
    section = doc.sections[0]
    header = section.header.paragraphs[0]
    header.text = TITLES[lang]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if lang == "es":
        footer.add_run("Página ")
        _field(footer, "PAGE", "1")
        footer.add_run(" de ")
        _field(footer, "NUMPAGES", "1")
    else:
        _field(footer, "PAGE", "1")
    next_points = 93
    for block, _label in labelled(statute):
        if block.kind == "table":
            table = doc.add_table(rows=len(block.rows), cols=len(block.rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(block.rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
            continue
        paragraph = doc.add_paragraph()
        if block.kind in ("title", "heading"):
            paragraph.add_run(block.text).bold = True
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif block.kind == "center":
            paragraph.add_run(block.text)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif block.kind == "caption":
            paragraph.add_run(block.text).bold = True
        elif block.kind in ("article", "section"):
            _number(paragraph, ids["main"], 0)
            if block.head:
                paragraph.add_run(block.head).bold = True
                paragraph.add_run(" " + block.text)
            else:
                paragraph.add_run(block.text)
            if lang == "es":
                paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        elif block.kind == "point":
            if lang == "en" and block.restart:
                points_num = _new_point_list(doc, next_points)
                next_points += 1
            _number(paragraph, points_num, 1 if lang == "es" else 0)
            paragraph.add_run(block.text)
        elif block.kind == "parrafo":
            _number(paragraph, ids["main"], 2)
            paragraph.add_run(block.text)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        else:
            paragraph.add_run(block.text)
            if lang == "es":
                paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    doc.save(str(path))
    return path


def write_plain_docx(statute: list[Block], path: Path, layout: str) -> Path:
    """The statute as typed text without styling cues, for harder PDFs: "tight" (justified, first-line
    indent, no space between paragraphs) or "ragged" (left-aligned, no indent, no space, no bold)."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "DejaVu Serif" if layout == "tight" else "DejaVu Sans"
    normal.font.size = Pt(11 if layout == "tight" else 10)
    normal.paragraph_format.space_after = Pt(0)
    for block, label in labelled(statute):
        if block.kind == "table":
            continue
        paragraph = doc.add_paragraph(full_text(block, label))
        if layout == "tight":
            if block.kind in ("title", "heading", "center"):
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            else:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
                paragraph.paragraph_format.first_line_indent = Pt(24)
    doc.save(str(path))
    return path


# ---------------------------------------------------------------- .pdf (LibreOffice)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(sources: list[Path], outdir: Path, filter_options: str = "") -> list[Path]:
    """Convert with LibreOffice in its own profile directory (parallel runs must not share one)."""
    binary = soffice()
    if binary is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    profile = Path(tempfile.gettempdir()) / f"drafting-lo-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    target = "pdf" + (f":writer_pdf_Export:{filter_options}" if filter_options else "")
    try:
        subprocess.run(
            [binary, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
             "--convert-to", target, "--outdir", str(outdir), *map(str, sources)],
            check=True, capture_output=True, timeout=240,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    out = [outdir / (source.stem + ".pdf") for source in sources]
    missing = [p for p in out if not p.exists()]
    if missing:
        raise RuntimeError(f"LibreOffice did not write {missing}")
    return out


# ---------------------------------------------------------------- hostile and broken files


def scanned_pdf(path: Path) -> Path:
    """A one-page PDF holding only an image (what a scanner makes): no text layer at all."""
    image = bytes([0x80, 0x40, 0xC0, 0x20] * 16)  # an 8×8 grey image
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /XObject << /Im1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
    ]
    content = b"q 180 0 0 180 10 10 cm /Im1 Do Q"
    objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objects.append(b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
                   b"/BitsPerComponent 8 /Length %d >>\nstream\n" % len(image) + image + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def zip_bomb_docx(path: Path, size: int = 64 * 1024 * 1024) -> Path:
    """A .docx whose document.xml is `size` bytes of zeros (it compresses about 1000 to 1)."""
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        with package.open("word/document.xml", "w") as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(size // len(chunk)):
                member.write(chunk)
    return path


def build_all(outdir: Path, pdf: bool = True) -> dict[str, Path]:
    """Every fixture file, named `<lang>.<variant>.<ext>`; PDFs only when asked (LibreOffice is slow)."""
    outdir.mkdir(parents=True, exist_ok=True)
    files: dict[str, Path] = {}
    for lang, statute in STATUTES.items():
        files[f"{lang}.txt"] = write_txt(statute, outdir / f"{lang}.utf8.txt")
        files[f"{lang}.sig.txt"] = write_txt(statute, outdir / f"{lang}.utf8sig.txt", "utf-8-sig")
        files[f"{lang}.1252.txt"] = write_txt(statute, outdir / f"{lang}.cp1252.txt", "cp1252", "\r\n")
        files[f"{lang}.16.txt"] = write_txt(statute, outdir / f"{lang}.utf16.txt", "utf-16", "\r")
        files[f"{lang}.html"] = write_html(statute, outdir / f"{lang}.utf8.html")
        files[f"{lang}.1252.html"] = write_html(statute, outdir / f"{lang}.cp1252.htm", "windows-1252", "http-equiv")
        files[f"{lang}.docx"] = write_docx(statute, outdir / f"{lang}.docx")
    if pdf:
        pdfs = to_pdf([files["es.docx"], files["en.docx"]], outdir)
        files["es.pdf"], files["en.pdf"] = pdfs
    return files


__all__ = [
    "Block", "STATUTE_ES", "STATUTE_EN", "STATUTES", "TITLES", "labelled", "expected_texts", "tables",
    "write_txt", "write_html", "write_docx", "write_plain_docx", "to_pdf", "soffice", "scanned_pdf", "zip_bomb_docx", "build_all",
]
