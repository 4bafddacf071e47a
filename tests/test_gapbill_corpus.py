"""Gap bills for real statutes (../shared/corpus), written for each statute's own jurisdiction:
the right preset (or the generic one, with warnings), nothing of another country, numbers in the
law's own style, new offences among the law's sexual offences, definitions into the law's
definitions article, the law's own defined terms."""

from __future__ import annotations

import re
from functools import lru_cache

import pytest

from drafting import cli
from drafting.bills.assembly import Assembly
from drafting.bills.gapbill import gap_bill
from drafting.importers.document import import_document
from drafting.library.library import Library, load_library
from drafting.model.document import Document, Node, walk

from .corpus import corpus_file

PERU = "pe/LEY-30096-2013.md"
SPAIN = "es/BOE-A-1995-25444-TITULO-VIII.md"
COLOMBIA = "co/LEY-1273-2009.md"
IRELAND = "ie/IE-1998-act-22.md"


@pytest.fixture(scope="module")
def lib() -> Library:
    return load_library()


@lru_cache(maxsize=None)
def statute(name: str) -> Document:
    return import_document(corpus_file(name)).document


@lru_cache(maxsize=None)
def bill(name: str) -> Assembly:
    return gap_bill(statute(name), load_library(), edition="2006")


def all_text(document: Document) -> str:
    """Every word the bill prints: title block, recitals, citations, articles and quoted text, closing."""
    return "\n".join(" ".join(p for p in (n.label, n.heading, n.text, n.wrap_up) if p) for n, _ in document.walk())


# Facts of one country, beyond its preset's institutions: its laws, places, gazette and units.
COUNTRY_WORDS = {
    "do": ("136-03", "53-07", "Santo Domingo", "Dominicana", "Congreso Nacional", "Gaceta Oficial", "Independencia",
           "Restauración", "PROMULGO"),
    "pe": ("30096", "Lima", "Perú", "Peruano", "Casa de Gobierno", "días-multa", "impositivas tributarias"),
}


def foreign_words(lib: Library, used: str) -> set[str]:
    """What names another country: the institutions of every other real preset (those the preset used
    does not share) and the other countries' laws, places, gazettes and units."""
    own = lib.jurisdiction(used)
    mine = {v for table in own.localized.values() for v in table.values() if isinstance(v, str)}
    words: set[str] = set()
    for code, other in lib.jurisdictions.items():
        if code == used or other.country.startswith("x"):
            continue
        words |= {v for v in other.localized.get(own.language, {}).values() if isinstance(v, str) and v not in mine}
        words |= set(COUNTRY_WORDS.get(other.country, ()))
    return words


@pytest.mark.parametrize("name, preset", [(SPAIN, "latam"), (COLOMBIA, "latam"), (PERU, "pe")])
def test_no_name_authority_place_or_law_of_another_country(name: str, preset: str, lib: Library) -> None:
    result = bill(name)
    assert result.document.meta.get("jurisdiction") == preset
    text = all_text(result.document)
    leaked = sorted(w for w in foreign_words(lib, preset) if w in text)
    assert not leaked, f"{name}: {leaked}"


@pytest.mark.parametrize("name, country", [(SPAIN, "Spain"), (COLOMBIA, "Colombia")])
def test_a_country_without_a_preset_gets_the_generic_one_and_is_told_what_to_supply(name: str, country: str) -> None:
    result = bill(name)
    assert result.document.meta.get("language_tag") == "es-419"
    warnings = "\n".join(result.warnings)
    assert f"{country} ({statute(name).meta.country}), has no preset of its own: the generic preset 'latam'" in warnings
    # every institution and fine the new text takes from the generic preset is named, one warning each
    named = set(re.findall(r"^(\w+) \(", warnings, re.M))
    assert "authority_report" in named and "fine_isp_report" in named
    assert all(f"for {country}" in w for w in result.warnings if w.split(" ")[0] in named)


def test_recitals_and_citations_come_from_the_findings_and_the_statute() -> None:
    result = bill(COLOMBIA)
    recitals, citations = (n for n in result.document.preamble if n.kind in ("recitals", "citations"))
    texts = [r.text for r in recitals.children]
    # one finding per gap, in the review's own words, about this law — no preset text about another law
    assert "CONSIDERANDO: Que, en la Ley 1273 de 2009, ninguna disposición castiga la posesión simple de material de abuso sexual infantil." in texts
    assert texts[-1].startswith("CONSIDERANDO: Que, en consecuencia, es necesario modificar la Ley 1273 de 2009")
    assert [c.text for c in citations.children][-1] == "VISTA: La Ley 1273 de 2009."
    assert result.document.meta.title == "Ley que modifica la Ley 1273 de 2009"


def test_peruvian_gap_bill(lib: Library) -> None:
    result = bill(PERU)
    doc = result.document
    assert doc.meta.get("jurisdiction") == "pe" and doc.meta.get("language_tag") == "es-PE"
    assert not any("preset" in w for w in result.warnings)  # its own country's preset: nothing to say about it
    assert [n.text for n in doc.preface] == ["EL CONGRESO DE LA REPÚBLICA"]
    assert [n.text for n in doc.preamble] == ["Ha dado la Ley siguiente:", "LEY QUE MODIFICA LA LEY 30096, LEY DE DELITOS INFORMÁTICOS"]
    definitions, possession, reporting = doc.body
    assert [n.label for n in doc.body] == ["Artículo 1.", "Artículo 2.", "Artículo 3."]
    # each Peruvian amending article says in its heading what it does
    assert possession.heading == "Incorporación del artículo 5-B en la Ley 30096, Ley de Delitos Informáticos"
    assert possession.text == "Se incorpora el artículo 5-B en la Ley 30096, Ley de Delitos Informáticos, en los términos siguientes:"
    (article,) = possession.children[0].children
    assert (article.num, article.label) == ("5-B", "Artículo 5-B.")  # the law's own "5-A" style, after 5-A
    assert "será reprimida con pena privativa de libertad no menor de tres (3) ni mayor de seis (6) años y con sesenta (60) a ciento ochenta (180) días-multa" in article.full_text()
    assert all(c.label == "" and c.num == "" for c in article.children if c.kind == "paragraph")  # plain paragraphs
    (duty,) = reporting.children[0].children
    assert duty.num == "12-B"
    assert doc.conclusions[0].text == "Comuníquese al señor Presidente de la República para su promulgación."
    assert any("Lima" in n.text for n in doc.conclusions)


def test_peruvian_definitions_go_into_its_terminology_disposition() -> None:
    result = bill(PERU)
    definitions = result.document.body[0]
    # named as the law prints them ("a. Por sistema informático: …")
    assert definitions.text.startswith("Se incorporan los literales c., d., e. y f. en la Novena Disposición "
                                       "Complementaria Final de la Ley 30096, Ley de Delitos Informáticos")
    points = definitions.children[0].children
    assert [(p.kind, p.num, p.label) for p in points] == [("point", n, f"{n}.") for n in "cdef"]
    # worded the law's way ("a. Por sistema informático: …"), and it keeps its own "sistema informático"
    assert points[1].text.startswith("Por material de abuso sexual infantil: toda representación")
    assert [p.defines for p in points] == ["actividades sexuales explícitas", "material de abuso sexual infantil",
                                           "niño, niña o adolescente", "proveedor de servicios"]
    assert not any("sistema informático" == p.defines for p in points)
    assert not any(u.num.endswith((" bis", "1-A")) for u in (q for n in result.document.body for q in n.children[0].children))


def test_the_law_numbers_new_articles_its_own_way(lib: Library) -> None:
    numbers = {name: [q.num for n in bill(name).document.body for c in n.children for q in c.children
                      if q.kind in ("article", "section")] for name in (PERU, SPAIN, COLOMBIA)}
    assert numbers[PERU] == ["5-B", "12-B"]  # 5-A and 12-A exist: a letter after a hyphen, never "5 bis"
    # the code writes 183 bis, 183 ter, 183 quater, 189 bis, 189 ter: the duty follows its offences as 189 quater
    assert numbers[SPAIN][-1] == "189 quater"
    assert all(re.fullmatch(r"\d+ (bis|ter|quater)", n) for n in numbers[SPAIN])
    # Colombia's own articles have no suffix; the articles it inserts into its code read 269A: the same style
    assert all(re.fullmatch(r"\d+[A-Z]", n) for n in numbers[COLOMBIA]), numbers[COLOMBIA]
    assert not any(n.startswith("4") for n in numbers[COLOMBIA])  # never after "La presente ley rige …"
    assert numbers[COLOMBIA][1:] == ["3A", "3B", "3C"]  # one after another, never skipping a letter


def test_a_possession_offence_goes_among_the_laws_sexual_offences() -> None:
    doc = statute(PERU)
    chapter = next(n for n, _ in walk(doc.body) if n.kind == "chapter" and "SEXUALES" in n.heading)
    assert [u.num for u in chapter.children] == ["5", "5-A"]
    possession = bill(PERU).document.body[1]
    assert "después" not in possession.text  # Spanish phrases name the new number, its place is 5-A's successor
    assert possession.children[0].children[0].num == "5-B"


def test_english_gap_bill_uses_the_acts_terms_and_its_definitions_section(lib: Library) -> None:
    result = gap_bill(statute(IRELAND), lib, edition="2006")
    doc = result.document
    assert doc.meta.get("jurisdiction") == "commonwealth" and doc.meta.get("language_tag") == "en-GB"
    assert any("Ireland (ie), has no preset of its own" in w for w in result.warnings)
    first = doc.body[0]
    assert first.text.startswith("Section 2(1) of the Child Trafficking and Pornography Act 1998 (in this Act referred to "
                                 "as “the principal Act”) is amended by inserting the following definitions")
    assert "“service provider” means" in first.children[0].children[-1].text  # the Act's own quotation marks
    duty = doc.body[-1].children[0].children[0]
    assert "child pornography" in duty.full_text() and "child sexual abuse material" not in duty.full_text()
    # the enacting formula names the statute's own country, from its metadata
    assert any(n.text == "ENACTED by the Parliament of Ireland as follows:" for n in doc.preamble)


def test_cli_gapbill_without_a_jurisdiction(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ley.xml"
    assert cli.main(["gapbill", str(corpus_file(SPAIN)), "--akn", str(out),
                     "--set", "authority_report=la Fiscalía de Sala de Criminalidad Informática"]) == 0
    err = capsys.readouterr().err
    assert "drafting: warning: the statute's country, Spain (es), has no preset of its own" in err
    assert "authority_report (" not in err  # given with --set: no longer a placeholder
    assert "fine_isp_report (" in err
    assert "la Fiscalía de Sala de Criminalidad Informática" in out.read_text(encoding="utf-8")
    # a fine in the statute's own units, the command-line spelling
    assert cli.main(["gapbill", str(corpus_file(SPAIN)), "--akn", str(out), "--set", "fine_isp_report=60-180 day-fines"]) == 0
    assert "fine_isp_report (" not in capsys.readouterr().err
    assert "se sancionará con 60 a 180 días-multa" in out.read_text(encoding="utf-8")  # a day-fine is a fine itself
    assert cli.main(["gapbill", str(corpus_file(SPAIN)), "--akn", str(out), "--set", "nonsense=1"]) == 2
    assert "unknown parameter 'nonsense'" in capsys.readouterr().err


def test_a_preset_of_another_country_is_used_as_asked_but_said(lib: Library) -> None:
    result = gap_bill(statute(PERU), lib, jurisdiction="do", gaps=["possession"])
    assert any(w.startswith("a statute of Peru (pe) is amended with the preset of Dominican Republic ('do')")
               for w in result.warnings)


def every_node(document: Document) -> list[Node]:
    return [n for n, _ in document.walk()]


@pytest.mark.parametrize("name", [PERU, SPAIN, COLOMBIA])
def test_every_numbered_node_carries_its_label(name: str) -> None:
    for node in every_node(bill(name).document):
        if node.num and node.kind not in ("recital",):
            assert node.label, (name, node.kind, node.num)
    assert "[" not in all_text(bill(name).document)
