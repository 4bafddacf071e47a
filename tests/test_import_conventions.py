"""The importer reads a document's conventions from the whole text: statutes written here, in the
shapes real publications take (a promulgating decree before its code, an arrangement of sections,
hard-wrapped lines, relocation notes, website furniture), and properties that must hold whatever
the layout: re-wrapping the lines, adding a table of contents or wrapping the law in a web page
never changes the articles found."""

from __future__ import annotations

import textwrap
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from drafting.importers.document import import_document
from drafting.model.document import DEBRIS, walk

DECREE = """\
DECRETO LEGISLATIVO N.° 901
EL PRESIDENTE DE LA REPÚBLICA DE VALLE ALTO
POR CUANTO:
El Congreso de la República ha delegado en el Poder Ejecutivo la facultad de legislar en materia penal.
Ha dado el Decreto Legislativo siguiente:
Artículo 1.- Promúlgase el Código Penal de Valle Alto, cuyo texto forma parte de este decreto.
Artículo 2.- El Código entra en vigencia a los treinta días de su publicación.
POR TANTO:
Mando se publique y cumpla.
Dado en la Casa de Gobierno, a los tres días del mes de abril de dos mil veinte.
MARTA ÁLVAREZ
Presidenta de la República
CÓDIGO PENAL DE VALLE ALTO
ÍNDICE
TÍTULO PRELIMINAR
Artículo I.- Legalidad
Artículo II.- Irretroactividad
LIBRO PRIMERO
Artículo 1.- Ámbito
Artículo 2.- Pena
Artículo 3.- Tentativa
TÍTULO PRELIMINAR
Artículo I.- Legalidad. Nadie será sancionado por un acto no previsto como delito por la ley vigente al momento de cometerlo.
Artículo II.- Irretroactividad. La ley penal no se aplica a hechos anteriores a su vigencia, salvo que favorezca al reo.
LIBRO PRIMERO
Artículo 1.- Ámbito. Este Código se aplica a todo delito cometido en el territorio de la República.
Artículo 2.- Pena. Las penas que este Código establece son la privativa de libertad, la multa y la inhabilitación.
Artículo 3.- Tentativa. En la tentativa el juez reprimirá la conducta disminuyendo prudencialmente la pena;
la tentativa no es punible cuando es imposible la consumación del delito.
DISPOSICIONES FINALES
PRIMERA.- El Poder Ejecutivo reglamenta este Código en el plazo de noventa días.
SEGUNDA.- Se derogan las normas que se opongan a este Código.
"""

ACT = """\
THE HARBOUR SAFETY ACT, 2019
Act No. 14 of 2019
ARRANGEMENT OF SECTIONS
PART I
PRELIMINARY
1. Short title and commencement.
2. Interpretation.
3. Application.
PART II
DUTIES
4. Duty of harbour masters.
5. Functions of the Commissioner.
6. Offences.
FIRST SCHEDULE
SECOND SCHEDULE
AN ACT to make provision for the safety of harbours and for connected purposes.
BE IT ENACTED by the Parliament of Lowland as follows:
PART I
PRELIMINARY
Short title and commencement.
1. This Act may be cited as the Harbour Safety Act, 2019.
Interpretation.
2. (1) In this Act—
"harbour" means any port, dock or anchorage named in the First Schedule;
"vessel" includes—
(a) any ship or boat; and
(b) any floating structure;
"master" means the person in command of a vessel.
(2) A reference to a harbour includes its approaches.
Application.
3. This Act applies to every harbour in Lowland.
PART II
DUTIES
Duty of harbour masters.
4. A harbour master shall keep a register of every vessel entering the harbour,
and of every vessel leaving it, in the form set out in the Second Schedule.
5. Functions of the Commissioner.—The functions of the Commissioner are—
(a) to inspect harbours; and
(b) to report to the Minister every year.
Offences.
6. A person who fails to keep a register as required by section 4 commits an offence and is liable on conviction to a fine.
FIRST SCHEDULE
HARBOURS
Port Anselm, Port Bray.
SECOND SCHEDULE
FORM OF REGISTER
Name of vessel, date of entry, date of departure.
"""

LEY = """\
LEY NÚM. 7-21 SOBRE PROTECCIÓN DE DATOS DE NIÑOS
EL CONGRESO NACIONAL
HA DADO LA SIGUIENTE LEY:
CAPÍTULO I
DISPOSICIONES GENERALES
Artículo 1.- Objeto. Esta ley protege los datos personales de niños, niñas y adolescentes.
Artículo 2.- Definiciones. Para los fines de esta ley se entiende por:
a) Niño: toda persona menor de dieciocho años;
b) Dato personal: toda información sobre una persona identificada.
Artículo 3.- Corresponde al Ministerio de la Niñez la aplicación de esta ley.
CAPÍTULO II
INFRACCIONES
Artículo 4.- Tratamiento ilícito. El que trate datos de un niño sin el consentimiento de sus padres será sancionado
con multa, conforme a lo previsto en el artículo 5 de esta ley y en el
artículo 11 de la Ley de Procedimiento Administrativo.
Artículo 5.- Multas. Las multas se gradúan según la gravedad de la infracción.
**Artículo 5NN-**A por el artículo 3 de la Ley 9-22, publicada el 1 de junio de 2022.
Artículo 6.- Vigencia. Esta ley entra en vigencia al día siguiente de su publicación.
DADA en la Sala de Sesiones del Congreso Nacional, a los diez días del mes de mayo del año dos mil veintiuno.
"""

NUMS = ["1", "2", "3", "4", "5", "6"]


def load(tmp_path: Path, text: str, name: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return import_document(path)


def test_a_decree_that_promulgates_a_code(tmp_path):
    result = load(tmp_path, DECREE, "decreto.txt")
    doc = result.document
    assert [u.num for u in doc.units()] == ["I", "II", "1", "2", "3", "PRIMERA", "SEGUNDA"]
    assert unit_texts(doc)[2].startswith("Este Código se aplica")  # the code's article 1, not the decree's
    (decree,) = [n for n in doc.preamble if n.kind == "hcontainer" and n.name == "promulgation"]
    assert any("Promúlgase el Código Penal" in n.text for n in decree.children)
    assert any("POR TANTO" in n.text for n in decree.children)
    (toc,) = [n for n in doc.preface if n.kind == "toc"]
    assert toc.heading == "ÍNDICE" and [i.text for i in toc.children][:2] == ["TÍTULO PRELIMINAR", "Artículo I.- Legalidad"]
    assert not doc.conclusions or "Este Código" not in " ".join(n.text for n in doc.conclusions)
    assert any("promulgating instrument" in f for f in result.report.findings)


def unit_texts(doc) -> list[str]:
    return [u.text for u in doc.units()]


def test_an_arrangement_of_sections_that_lists_the_schedules(tmp_path):
    doc = load(tmp_path, ACT, "act.txt").document
    assert [u.num for u in doc.units()] == NUMS
    assert [(u.heading or "") for u in doc.units()] == [
        "Short title and commencement", "Interpretation", "Application", "Duty of harbour masters",
        "Functions of the Commissioner", "Offences"]
    assert [a.heading for a in doc.attachments] == ["HARBOURS", "FORM OF REGISTER"]
    assert [n.kind for n in doc.body] == ["part", "part"]
    s4, s5 = doc.units()[3:5]
    assert s4.text.endswith("in the form set out in the Second Schedule.")  # a hard-wrapped line joined
    assert s5.text == "The functions of the Commissioner are—" and [p.num for p in s5.children] == ["a", "b"]
    s2 = doc.units()[1]
    assert [c.num for c in s2.children] == ["1", "2"] and s2.children[0].kind == "subsection"
    assert [d.defines for d in s2.children[0].children] == ["harbour", "vessel", "master"]


def test_wrapped_references_and_relocation_notes_are_not_articles(tmp_path):
    result = load(tmp_path, LEY, "ley.txt")
    doc = result.document
    assert [u.num for u in doc.units()] == NUMS
    art3 = doc.units()[2]
    assert art3.heading == "" and art3.text.startswith("Corresponde al Ministerio")  # a sentence, not a heading
    art4 = doc.units()[3]
    assert art4.text.endswith("artículo 11 de la Ley de Procedimiento Administrativo.")
    assert [n.defines for n, _ in walk(doc.units()[1].children) if n.defines] == ["Niño", "Dato personal"]
    assert doc.units()[1].defines == ""  # "se entiende por:" announces the list; "por" is not a term
    assert doc.meta.number == "7-21"


# ---------------------------------------------------------------- properties

def rewrap(text: str, width: int) -> str:
    """Hard-wrap every long line at `width`, as a PDF-to-text conversion or an e-mail would."""
    out = []
    for line in text.splitlines():
        out.extend(textwrap.wrap(line, width=width, break_long_words=False, break_on_hyphens=False) or [""])
    return "\n".join(out) + "\n"


@settings(max_examples=12, deadline=None)
@given(width=st.integers(min_value=38, max_value=110))
def test_rewrapping_the_lines_does_not_change_the_articles(tmp_path_factory, width):
    folder = tmp_path_factory.mktemp("wrap")
    for text, name in ((LEY, "ley.txt"), (ACT, "act.txt")):
        doc = load(folder, rewrap(text, width), name).document
        assert [u.num for u in doc.units()] == NUMS, (name, width)


def toc_for(text: str) -> str:
    """A table of contents made of the law's own article lines, cut to their headings."""
    entries = [line.split(". ")[0] + "." for line in text.splitlines() if line.startswith("Artículo ")]
    return "ÍNDICE\n" + "\n".join(entries) + "\n"


@settings(max_examples=12, deadline=None)
@given(heading=st.booleans(), boilerplate=st.lists(st.sampled_from([
    "Inicio | Legislación | Noticias", "Revise también el Código Civil (actualizado)", "MÁS LEÍDOS",
    "Comentarios:", "Compartir en redes"]), min_size=0, max_size=3))
def test_a_table_of_contents_and_website_text_do_not_change_the_articles(tmp_path_factory, heading, boilerplate):
    folder = tmp_path_factory.mktemp("toc")
    lines = LEY.splitlines()
    toc = toc_for(LEY) if heading else toc_for(LEY).split("\n", 1)[1]
    text = "\n".join(["- " + b for b in boilerplate] + lines[:3] + toc.splitlines() + lines[3:]
                     + ["Comentarios:", "MÁS LEÍDOS", "Otra noticia del día"]) + "\n"
    result = load(folder, text, "ley.md")
    doc = result.document
    assert [u.num for u in doc.units()] == NUMS
    law = " ".join(u.full_text() for u in doc.units())
    assert "MÁS LEÍDOS" not in law and "Otra noticia" not in law
    assert any(n.kind == "note" and n.name == DEBRIS and "MÁS LEÍDOS" in n.text for n, _ in doc.walk())


def test_a_web_page_around_the_law(tmp_path):
    body = "".join(f"<p>{line}</p>" for line in LEY.splitlines())
    page = ("<html><head><title>Ley 7-21</title></head><body><header><p>Portal Legal</p></header>"
            "<nav><ul><li>Inicio</li><li>Leyes</li></ul></nav><main>" + body + "</main>"
            "<footer><p>Todos los derechos reservados.</p></footer></body></html>")
    doc = load(tmp_path, page, "ley.html").document
    assert [u.num for u in doc.units()] == NUMS
    kept = [n.text for n, _ in doc.walk() if n.kind == "note" and n.name == DEBRIS]
    assert "Portal Legal" in kept and "Todos los derechos reservados." in kept and "Inicio" in kept


def test_debris_patterns_split_by_anchor_find_what_the_whole_alternation_finds() -> None:
    """`_AnyOf` searches the line-start patterns only at the start: the same lines as one big search."""
    import re

    from hypothesis import given, settings, strategies as st

    from drafting.parse import profiles
    from drafting.parse.conventions import _AnyOf, _alternation

    assert _alternation("^a|b") and not _alternation("^(?:a|b)c") and not _alternation(r"^a\|b")
    for pid in profiles.available():
        profile = profiles.get(pid)
        values = profile.section("editorial").get("debris") or []
        values = [values] if isinstance(values, str) else list(values)
        if not values:
            continue
        whole = re.compile("|".join(f"(?:{v})" for v in values), re.IGNORECASE)
        split = _AnyOf(profile, "editorial", "debris", values + ["^x|Compartir en"])
        whole_x = re.compile("|".join(f"(?:{v})" for v in values + ["^x|Compartir en"]), re.IGNORECASE)
        samples = ["Revise también el Código Penal", "MÁS LEÍDOS", "Artículo 1.- El que posea …",
                   "Current to 2031-06-22 and last amended on 2031-06-01", "texto [actualizado 2025]",
                   "Por LP • Pasión por el Derecho - 13 diciembre", "ver Compartir en redes", "x marca"]
        for text in samples:
            assert bool(split.search(text)) == bool(whole_x.search(text)), (pid, text)

        @settings(max_examples=60, deadline=None)
        @given(st.lists(st.sampled_from(list("ab ÁÉ:.-[]()•x0123") + ["Revise", "MÁS", "Current to", "Inicio"]),
                        max_size=20).map("".join))
        def same(text: str) -> None:
            assert bool(_AnyOf(profile, "editorial", "debris", values).search(text)) == bool(whole.search(text))

        same()
