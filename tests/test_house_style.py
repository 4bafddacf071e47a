"""House styles of the two traditions, as the assembled example bills print them: the Dominican
heading block, law-number line, words and figures, DADA per chamber and PROMULGO; the Peruvian
formula, labels and closing; the Commonwealth Arrangement of Sections, defined terms, "or to both",
repeal before commencement and language tag. Labels on every numbered node; no bracketed
placeholders; a required value left empty is one line naming it; gender-neutral model clauses."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafting import cli
from drafting.bills.assemble import Assembly, assemble
from drafting.bills.numbers import NumberingStyle, next_number
from drafting.bills.spec import SpecError, load_spec, spec_from_toml
from drafting.library.library import load_library
from drafting.model.document import Document, is_unit
from drafting.model.numbering import num_key

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "templates" / "model_law" / "examples"
TEMPLATES = ROOT / "templates" / "model_law"


@lru_cache(maxsize=None)
def example(name: str) -> Assembly:
    return assemble(load_spec(EXAMPLES / name), load_library())


def printed(document: Document) -> str:
    return "\n".join(" ".join(p for p in (n.label, n.heading, n.text, n.wrap_up) if p) for n, _ in document.walk())


# --- Dominican Republic -------------------------------------------------------------------------------

def test_dominican_heading_block_in_the_order_a_dominican_law_prints_it() -> None:
    doc = example("do-bill.toml").document
    assert [(n.name, n.text) for n in doc.preface] == [
        ("docAuthority", "EL CONGRESO NACIONAL"), ("", "En Nombre de la República"), ("docNumber", "Ley núm. ___"),
        ("docTitle", doc.meta.title)]
    recitals, citations, formula = doc.preamble
    assert [r.text.split(":")[0] for r in recitals.children] == ["CONSIDERANDO PRIMERO", "CONSIDERANDO SEGUNDO",
                                                                 "CONSIDERANDO TERCERO"]
    assert all(c.text.startswith("VISTA: ") for c in citations.children)
    assert citations.children[0].text == "VISTA: La Constitución de la República."
    assert formula.text == "HA DADO LA SIGUIENTE LEY:"


def test_dominican_number_line_takes_the_number_and_the_houses_word() -> None:
    text = (EXAMPLES / "do-bill.toml").read_text(encoding="utf-8").replace('# number = "1-25"', 'number = "1-25"')
    bill = assemble(spec_from_toml(text, str(EXAMPLES / "do-bill.toml")), load_library())
    assert [n.text for n in bill.document.preface if n.name == "docNumber"] == ["Ley núm. 1-25"]


def test_dominican_closing_dada_per_chamber_and_promulgo() -> None:
    texts = [(n.name, n.text) for n in example("do-bill.toml").document.conclusions]
    formulas = [t for name, t in texts if name != "role"]
    assert formulas[0].startswith("DADA en la Sala de Sesiones del Senado")
    assert formulas[1].startswith("DADA en la Sala de Sesiones de la Cámara de Diputados")
    assert formulas[2].startswith("PROMULGO la presente Ley")
    assert formulas[3].startswith("DADA en el Palacio Nacional")
    roles = [t for name, t in texts if name == "role"]
    assert roles == ["Presidente del Senado", "Secretario", "Secretario", "Presidente de la Cámara de Diputados",
                     "Secretario", "Secretario", "Presidente de la República"]
    # each chamber signs right after its own DADA
    assert texts.index(("role", "Presidente del Senado")) == 1


def test_dominican_terms_in_words_and_figures_and_agreement() -> None:
    text = printed(example("do-bill.toml").document)
    assert "prisión de diez (10) a veinte (20) años y multa de doscientos (200) a quinientos (500) salarios mínimos" in text
    assert "cuarenta y ocho (48) horas" in text and "dieciocho (18) años de edad" in text
    assert not re.search(r"(?<![(\d,])\b\d+ (años|horas|días|salarios)", text)  # never bare figures
    assert "Se deroga el párrafo del artículo 24" in text and "Se derogan el" not in text
    assert [u.label for u in example("do-bill.toml").document.units()][:2] == ["Artículo 1.-", "Artículo 2.-"]


# --- Peru ----------------------------------------------------------------------------------------------

def test_peruvian_bill() -> None:
    bill = example("pe-bill.toml")
    doc = bill.document
    assert doc.meta.get("language_tag") == "es-PE" and doc.meta.country == "pe" and doc.meta.profile == "es-PE"
    assert [n.text for n in doc.preface] == ["EL CONGRESO DE LA REPÚBLICA"]
    assert [n.text for n in doc.preamble] == ["Ha dado la Ley siguiente:", doc.meta.title.upper()]
    units = doc.units()
    assert [u.label for u in units[:3]] == ["Artículo 1.", "Artículo 2.", "Artículo 3."]
    text = printed(doc)
    assert "Párrafo" not in text  # plain paragraphs
    assert ("será reprimida con pena privativa de libertad no menor de tres (3) ni mayor de seis (6) años y con "
            "sesenta (60) a ciento ochenta (180) días-multa") in text
    assert "salarios mínimos" not in text and "unidades impositivas tributarias" in text
    assert doc.conclusions[0].text == "Comuníquese al señor Presidente de la República para su promulgación."
    assert doc.conclusions[1].text.startswith("En Lima, a los ___ días")
    assert [n.text for n in doc.conclusions].index("POR TANTO:") > 3
    assert bill.warnings == ()


# --- Commonwealth --------------------------------------------------------------------------------------

def test_commonwealth_arrangement_of_sections() -> None:
    doc = example("commonwealth-bill.toml").document
    toc = next(n for n in doc.preface if n.kind == "toc")
    assert (toc.name, toc.heading) == ("arrangement", "ARRANGEMENT OF SECTIONS")
    sections = [i for i in toc.children if i.name != "division"]
    assert [(i.label, i.heading) for i in sections] == [(u.label, u.heading) for u in doc.units()]
    assert sections[0].label == "1." and sections[0].heading == "Short title"
    assert [i.label for i in toc.children if i.name == "division"][:2] == ["PART I", "PART II"]
    # the title, the arrangement, then the long title and the enacting formula
    assert [n.kind for n in doc.preface] == ["text", "toc", "text"]


def test_commonwealth_defined_terms_penalties_and_final_provisions() -> None:
    bill = example("commonwealth-bill.toml")
    doc = bill.document
    interpretation = next(u for u in doc.units() if u.heading == "Interpretation")
    for entry in interpretation.children:
        assert entry.defines and entry.text.startswith(f"“{entry.defines}” ")  # curly quotes, the term marked
    text = printed(doc)
    assert '"' not in text
    assert "imprisonment for a term not exceeding 7 years or to a fine not exceeding 1,000 penalty units, or to both" in text
    final = [u.heading for u in doc.units()][-3:]
    assert final == ["Regulations", "Repeal", "Commencement"]  # repeal before commencement
    assert doc.meta.get("language_tag") == "en-GB"
    assert any(n.text == "ENACTED by the Parliament of Eastmere as follows:" for n in doc.preamble)
    assert bill.warnings == ()


# --- every example -------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["do-bill.toml", "pe-bill.toml", "commonwealth-bill.toml", "do-amendment.toml"])
def test_no_bracketed_placeholder_and_a_label_on_every_numbered_node(name: str) -> None:
    doc = example(name).document
    assert "[" not in printed(doc) and "]" not in printed(doc)
    for node, ancestors in doc.walk():
        if node.num and node.kind != "recital":
            assert node.label, (name, node.kind, node.num)
        if is_unit(node) and not any(a.kind == "quotedStructure" for a in ancestors):
            assert node.label.startswith(("Artículo ", f"{node.num}.")), node.label


def test_an_empty_required_value_is_one_line_naming_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = (EXAMPLES / "commonwealth-bill.toml").read_text(encoding="utf-8").replace('country_name = "Eastmere"', 'country_name = ""')
    path = tmp_path / "bill.toml"
    path.write_text(spec, encoding="utf-8")
    with pytest.raises(SpecError, match="country_name"):
        assemble(load_spec(path), load_library())
    assert cli.main(["assemble", str(path), "-o", str(tmp_path / "bill.docx")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "the enacting formula needs the value 'country_name'" in err[0]
    assert err[0].startswith(f"drafting: error: {path}:")  # the spec and the line of the value
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bill.toml"]


def test_furniture_values_are_required_in_every_house() -> None:
    """No preset prints a bracketed placeholder: what a drafter must supply is a named value."""
    for path in sorted((TEMPLATES / "jurisdictions").glob("*.toml")):
        strings = re.findall(r'"([^"\n]*)"', path.read_text(encoding="utf-8"))  # every value written in quotes
        assert not [s for s in strings if re.search(r"\[[^\]]+\]", s)], path.name


# --- gender-neutral model clauses ----------------------------------------------------------------------

# Masculine words for persons in general; institutions (el tribunal) and the inclusive formula
# "niño, niña o adolescente" are not about a person's gender.
SPANISH_MASCULINE = re.compile(r"\b(?:[Qq]uien(?:es)?\b[^.;:]*\bsancionados?|(?:el|del|al|los|un) (?:autor|condenado|imputado|"
                               r"denunciante|juez|usuario|interesado|médicos?|enfermeros|psicólogos|docentes|trabajadores|"
                               r"directivos|empleados|terceros)\b|sancionados?\b|será considerado\b)")
ENGLISH_GENDERED = re.compile(r"\b(?:he|she|him|his|her|himself|herself)\b", re.IGNORECASE)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_model_clauses_are_gender_neutral(lang: str) -> None:
    pattern = SPANISH_MASCULINE if lang == "es" else ENGLISH_GENDERED
    for path in sorted((TEMPLATES / lang).glob("*.j2")):
        text = path.read_text(encoding="utf-8")
        found = pattern.search(text)
        assert not found, f"{path.name}: {found.group(0)!r}"
    if lang == "es":  # the subject of every offence is "La persona que …", its penalty agrees with it
        for path in sorted((TEMPLATES / "es").glob("offence-*.j2")):
            if path.stem != "offence-attempt":
                assert path.read_text(encoding="utf-8").startswith("La persona que"), path.name


def test_the_gender_check_would_catch_gendered_wording() -> None:
    assert SPANISH_MASCULINE.search("Quien posea el material será sancionado con prisión")
    assert SPANISH_MASCULINE.search("evitar todo contacto con el imputado")
    assert ENGLISH_GENDERED.search("in the course of his or her duties")
    assert not SPANISH_MASCULINE.search("La persona que posea el material será sancionada con prisión")


# --- numbering in a law's own style (property) ---------------------------------------------------------

STYLES = [NumberingStyle("latin", " ", False), NumberingStyle("letter", "-", True), NumberingStyle("letter", "", True),
          NumberingStyle("decimal", ".")]


@settings(max_examples=150, deadline=None)
@given(style=st.sampled_from(STYLES), root=st.integers(1, 300), taken=st.sets(st.integers(1, 6), max_size=6))
def test_next_number_is_free_follows_and_skips_nothing(style: NumberingStyle, root: int, taken: set[int]) -> None:
    suffixes = list(style.suffixes())
    existing = {str(root)} | {style.number(str(root), suffixes[i - 1]) for i in taken}
    new, after = next_number(str(root), existing, style)
    assert new not in existing and num_key(new) > num_key(after) >= num_key(str(root))
    # the first free suffix: every suffix before it is taken ("5 ter" only where "5 bis" exists)
    position = suffixes.index(new[len(str(root)) + len(style.separator):])
    assert all(style.number(str(root), s) in existing for s in suffixes[:position])
    # it follows the last number before it, not the root, when suffixes exist
    assert after == (style.number(str(root), suffixes[position - 1]) if position else str(root))
