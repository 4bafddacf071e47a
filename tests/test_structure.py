from __future__ import annotations

from pathlib import Path

import pytest

from drafting.importers.document import import_document
from drafting.model.document import Meta, walk
from drafting.parse import profiles
from drafting.parse.lines import Line, Source
from drafting.parse.structure import parse, parse_fragment

from .corpus import corpus_file

ROOT = Path(__file__).resolve().parents[1]


def lines(text: str) -> Source:
    rows = [ln for ln in text.strip().splitlines()]
    return Source("t.txt", "txt", tuple(Line(t.strip(), i) for i, t in enumerate(rows, 1) if t.strip()))


def parse_es(text: str, profile: str = "es-DO"):
    return parse(lines(text), profiles.get(profile), Meta(language="es"))


# ---------------------------------------------------------------- the real Peruvian statutes

@pytest.fixture(scope="module")
def ley_30096():
    return import_document(corpus_file("pe/LEY-30096-2013.md"))


def test_ley_30096_articles_and_suffixes(ley_30096) -> None:
    nums = [u.num for u in ley_30096.document.units()]
    own = nums[: nums.index("12-A") + 1]
    assert own == ["1", "2", "3", "4", "5", "5-A", "6", "7", "8", "8-A", "9", "9-A", "10", "11", "12", "12-A"]
    art6 = next(u for u in ley_30096.document.units() if u.num == "6")
    assert art6.repealed and art6.eid == "art_6"


def test_ley_30096_final_provisions(ley_30096) -> None:
    groups = [n for n in ley_30096.document.body if n.kind == "hcontainer"]
    finals = groups[0]
    assert finals.heading == "DISPOSICIONES COMPLEMENTARIAS FINALES" and finals.name == "finalProvisions"
    assert [c.num for c in finals.children] == ["PRIMERA", "SEGUNDA", "TERCERA", "CUARTA", "QUINTA", "SEXTA",
                                                "SÉTIMA", "OCTAVA", "NOVENA", "DÉCIMA", "UNDÉCIMA"]
    assert finals.children[0].heading == "Codificación de la pornografía infantil"


def test_ley_30096_quoted_articles_are_not_its_own(ley_30096) -> None:
    nums = {u.num for u in ley_30096.document.units()}
    assert not nums & {"162", "183-A", "323", "230"}
    quoted = [n for n, _ in ley_30096.document.walk() if n.kind == "quotedStructure"]
    quoted_nums = {c.num for q in quoted for c in q.children}
    assert {"1", "3", "230", "162"} <= quoted_nums
    # the quoted article 162 sits inside the fourth amending provision
    cuarta = next(u for u in ley_30096.document.units() if u.num == "CUARTA" and u.children and u.children[-1].kind == "quotedStructure")
    assert cuarta.children[-1].children[0].num == "162"
    assert "__qstr_" in cuarta.children[-1].children[0].eid


def test_ley_30096_consolidation_notes_stay_on_their_article(ley_30096) -> None:
    art2 = next(u for u in ley_30096.document.units() if u.num == "2")
    notes = [c for c in art2.children if c.kind == "note"]
    assert len(notes) == 1 and notes[0].text.startswith("Artículo modificado por el artículo 2 del DL 1614")
    assert [c.kind for c in art2.children[:2]] == ["paragraph", "paragraph"]


def test_ley_30096_lists_and_nothing_lost(ley_30096) -> None:
    art11 = next(u for u in ley_30096.document.units() if u.num == "11")
    points = [n for n, _ in walk(art11.children) if n.kind == "point"]
    assert [p.num for p in points] == ["1", "2", "3", "4", "5"]
    assert ley_30096.report.lost_words == ()
    assert ley_30096.report.structured_share > 0.95


def test_ley_27337_every_article_in_its_place() -> None:
    result = import_document(corpus_file("pe/LEY-27337-2000.md"))
    doc = result.document
    units = doc.units()
    nums = [u.num for u in units]
    assert nums[:11] == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "1"]
    assert "3-A" in nums and "241-F" in nums and nums.index("252") == len(nums) - 3
    assert nums[-2:] == ["Primera", "Segunda"]
    assert len(nums) == len(set(nums))
    books = [n for n in doc.body if n.kind == "book"]
    assert [b.num for b in books] == ["PRIMERO", "SEGUNDO", "TERCERO", "CUARTO"]
    # article 1 sits in book one, chapter I
    chapter = books[0].children[0]
    assert chapter.kind == "chapter" and chapter.num == "I" and chapter.children[0].num == "1"
    # the index at the top is not the body
    assert doc.body[0].kind == "title" and doc.body[0].num == "PRELIMINAR"
    assert result.report.lost_words == ()
    # "Artículo 105.- Derogado"
    assert next(u for u in units if u.num == "105").repealed


# ---------------------------------------------------------------- the project's own samples

def test_sample_spanish_statute() -> None:
    result = import_document(ROOT / "statutes/xs/ley-45-19.txt")
    doc = result.document
    assert doc.meta.profile == "es-DO" and doc.meta.number == "45-19"
    assert doc.meta.title.startswith("Ley No. 45-19")
    art7 = next(u for u in doc.units() if u.num == "7")
    assert art7.heading == "Pornografía infantil" and art7.text.startswith("La producción, difusión")
    para = art7.children[0]
    assert para.kind == "paragraph" and para.heading == "Adquisición y posesión"
    art8 = next(u for u in doc.units() if u.num == "8")
    assert [c.num for c in art8.children] == ["I", "II"]
    assert [c.eid for c in art8.children] == ["art_8__para_I", "art_8__para_II"]
    art3 = next(u for u in doc.units() if u.num == "3")
    assert [p.num for p, _ in walk(art3.children) if p.kind == "point"] == ["a", "b", "c", "d", "e"]
    recitals = doc.preamble[0]
    assert recitals.kind == "recitals" and [r.num for r in recitals.children] == ["PRIMERO", "SEGUNDO", "TERCERO"]
    assert doc.preamble[-1].kind == "formula"
    assert doc.conclusions[0].text.startswith("DADA en la Sala de Sesiones")
    assert result.report.lost_words == () and result.warnings == ()


def test_sample_english_statute() -> None:
    doc = import_document(ROOT / "statutes/xe/act-7-2021.txt").document
    assert doc.meta.profile == "en-commonwealth" and doc.meta.number == "7"
    sec4 = next(u for u in doc.units() if u.num == "4")
    assert sec4.kind == "section" and sec4.heading == "Child sexual abuse material"
    sub1 = sec4.children[0]
    assert [c.num for c in sub1.children] == ["a", "b", "c"]
    assert sub1.wrap_up.startswith("commits an offence")
    assert sub1.children[2].eid == "sec_4__subsec_1__para_c"
    assert doc.attachments[0].heading == "FORM OF PRESERVATION NOTICE"
    assert [r.kind for r in doc.preamble] == ["recitals", "formula"]


def test_stored_samples_match_their_sources() -> None:
    from drafting import akn
    for src, xml in (("xs/ley-45-19.txt", "xs/ley-45-19.xml"), ("xe/act-7-2021.txt", "xe/act-7-2021.xml")):
        stored = akn.read(ROOT / "statutes" / xml)
        fresh = import_document(ROOT / "statutes" / src).document
        assert [(u.num, u.heading, u.full_text()) for u in stored.units()] == [(u.num, u.heading, u.full_text()) for u in fresh.units()]


# ---------------------------------------------------------------- conventions

def test_spanish_conventions() -> None:
    result = parse_es("""
        LEY DE PRUEBA
        HA DADO LA SIGUIENTE LEY:
        CAPÍTULO ÚNICO
        DISPOSICIONES
        Artículo 1ro.- Objeto. Esta ley regula lo que regula.
        Art. 2.- Alcance. Se aplica a todos.
        ARTÍCULO 3°. Se derogan las disposiciones contrarias.
        Artículo 3 bis.- Nuevo artículo intercalado.
        Artículo 3-A.- Otro intercalado.
        Artículo 4.- [Derogado]
        Artículo 5.- Medidas. El juez podrá:
        1. Ordenar el decomiso;
        a) de los equipos;
        b) de los programas;
        2. Ordenar la clausura.
        Artículo único.- Ya no es único, pero se acepta.
        DISPOSICIONES TRANSITORIAS
        PRIMERA.- El reglamento se dicta en noventa días.
        SEGUNDA.- Los procesos en curso siguen su trámite.
    """)
    doc = result.document
    units = doc.units()
    assert [u.num for u in units] == ["1", "2", "3", "3 bis", "3-A", "4", "5", "único", "PRIMERA", "SEGUNDA"]
    assert units[0].heading == "Objeto" and units[0].text == "Esta ley regula lo que regula."
    assert units[2].heading == "" and units[2].text.startswith("Se derogan")
    assert units[5].repealed
    five = units[6]
    outer = five.children[0]
    assert outer.kind == "list" and [p.num for p in outer.children] == ["1", "2"]
    inner = outer.children[0].children[0]
    assert inner.kind == "list" and [p.num for p in inner.children] == ["a", "b"]
    assert doc.body[-1].name == "transitionalProvisions"


def test_numbering_problems_are_warnings_not_fixes() -> None:
    result = parse_es("""
        Artículo 1.- Uno.
        Artículo 3.- Tres.
        Artículo 3.- Otra vez tres.
        Artículo 2.- Dos.
    """)
    messages = [str(w) for w in result.warnings]
    assert any("gap" in m and "line 2" in m for m in messages)
    assert any("out of order" in m and "line 4" in m for m in messages)
    # an article printed twice is one article; the other wording is kept as a note, and the report says which
    assert [u.num for u in result.document.units()] == ["1", "3", "2"]
    three = result.document.units()[1]
    assert [(c.kind, c.name, c.text) for c in three.children] == [("note", "superseded", "Artículo 3.- Otra vez tres.")]
    assert any("printed again" in f and "line 3" in f for f in result.findings)


def test_unknown_text_is_kept_with_a_warning() -> None:
    result = parse_es("""
        Artículo 1.- Uno.
        CAPÍTULO II
        DE LO DEMÁS
        Un texto suelto que no es de ningún artículo.
        Artículo 2.- Dos.
    """)
    chapter = result.document.body[1]
    assert chapter.children[0].kind == "text" and chapter.children[0].text.startswith("Un texto suelto")
    assert any("line 4" in str(w) for w in result.warnings)


def test_quoted_amendment_with_quote_marks() -> None:
    doc = parse_es("""
        Artículo 1.- Se modifica el artículo 24 de la Ley No. 53-07, para que en lo adelante se lea de la siguiente manera:
        «Artículo 24.- Pornografía infantil. El que produzca material será sancionado.
        Párrafo.- La posesión también se sanciona.»
        Artículo 2.- Se agrega el artículo 24 bis a la Ley No. 53-07, con el texto siguiente:
        "Artículo 24 bis.- Deber de reportar. Los proveedores deberán reportar."
        Artículo 3.- Entrada en vigor. Esta ley entra en vigor hoy.
    """).document
    assert [u.num for u in doc.units()] == ["1", "2", "3"]
    q1 = doc.units()[0].children[0]
    assert q1.kind == "quotedStructure" and q1.children[0].num == "24"
    assert q1.children[0].children[0].text == "La posesión también se sanciona."
    assert doc.units()[1].children[0].children[0].num == "24 bis"


def test_english_inline_heading_and_roman_points() -> None:
    source = lines("""
        PART I — GENERAL
        1. Interpretation.—(1) In this Act, unless the context otherwise requires—
        (a) "child" means a person under eighteen;
        (b) "data" includes—
        (i) traffic data; and
        (ii) content data;
        (h) one;
        (i) two after h;
        (2) A reference to a section is a reference to a section of this Act.
        2. (1) First.
        (2) Second.
    """)
    doc = parse(source, profiles.get("en-commonwealth"), Meta(language="en")).document
    one, two = doc.units()
    assert one.heading == "Interpretation"
    sub1 = one.children[0]
    assert [c.num for c in sub1.children] == ["a", "b", "h", "i"]
    assert [c.num for c in sub1.children[1].children] == ["i", "ii"]
    assert sub1.children[1].children[0].kind == "subparagraph"
    assert [c.num for c in two.children] == ["1", "2"]


def test_parse_fragment_for_rendered_clauses() -> None:
    text, children, wrap_up = parse_fragment(
        "El que posea material será sancionado.\nPárrafo I.- La pena se agrava cuando:\na) hay reincidencia;\nb) hay abuso de confianza.",
        profiles.get("es-DO"))
    assert text == "El que posea material será sancionado." and wrap_up == ""
    assert children[0].num == "I" and [p.num for p in children[0].children[0].children] == ["a", "b"]


def test_parse_fragment_keeps_the_wrap_up() -> None:
    text, children, wrap_up = parse_fragment(
        "A person who—\n(a) makes material; or\n(b) sells material,\ncommits an offence.", profiles.get("en-commonwealth"))
    assert text == "A person who—" and [c.num for c in children] == ["a", "b"]
    assert wrap_up == "commits an offence."


def test_division_heading_in_sentence_case() -> None:
    doc = parse_es("""
        LEY DE PRUEBA
        CAPÍTULO I
        Disposiciones generales
        Artículo 1.- Objeto. Esta ley regula.
        CAPÍTULO II
        De las infracciones
        Artículo 2.- Delito. El que haga algo será sancionado.
    """).document
    assert [(c.num, c.heading) for c in doc.body] == [("I", "Disposiciones generales"), ("II", "De las infracciones")]
    assert [u.num for u in doc.units()] == ["1", "2"]


def test_report_counts_loose_text_as_unstructured(tmp_path: Path) -> None:
    source = tmp_path / "ley.txt"
    source.write_text("Artículo 1.- Objeto. Esta ley regula la materia que regula y nada más.\n"
                      "CAPÍTULO II\nDE LO DEMÁS\n"
                      "Un texto suelto que ninguna regla sabe dónde poner y que queda fuera de todo artículo.\n"
                      "Artículo 2.- Alcance. Se aplica a todos.\n", encoding="utf-8")
    report = import_document(source).report
    assert 0.3 < report.structured_share < 1.0
    assert report.lost_words == ()
    assert any("text outside any article" in str(w) for w in report.warnings)
