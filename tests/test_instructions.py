from __future__ import annotations

from pathlib import Path

import pytest

from drafting.amend.changes import compare
from drafting.amend.instructions import default_act_name, instructions, instructions_document
from drafting.cli import main
from drafting.errors import DraftingError
from drafting.model.document import Document, Meta, Node
from drafting.parse import profiles

from .amend_samples import act_v1, act_v2, art, ley_v1, ley_v2, para

FIXTURES = Path(__file__).parent / "fixtures" / "amend"


def texts(profile: str, old: Document, new: Document, act: str) -> list[str]:
    return [i.text for i in instructions(compare(old, new), profiles.get(profile), act)]


def test_dominican_phrases() -> None:
    out = texts("es-DO", ley_v1(), ley_v2(), "Ley No. 12-34")
    assert out[0] == ("Se modifica el artículo 2 de la Ley No. 12-34, para que en lo adelante se lea de la "
                      "siguiente manera:")
    assert "Se agrega el artículo 6, después del artículo 5 de la Ley No. 12-34, con el texto siguiente:" in out
    assert "Se deroga el artículo 9 de la Ley No. 12-34." in out
    assert out[-2:] == ["Los artículos 6 y 7 de la Ley No. 12-34 pasan a ser los artículos 7 y 8, respectivamente.",
                        "El artículo 10 de la Ley No. 12-34 pasa a ser el artículo 9."]
    # A change of spacing alone has no legal effect: article 5 gets no instruction.
    assert not any("artículo 5 de" in t and t.startswith("Se modifica") for t in out)


def test_general_spanish_phrases() -> None:
    out = texts("es", ley_v1(), ley_v2(), "Ley No. 12-34")
    assert out[0] == "Se reforma el artículo 2 de la Ley No. 12-34, el cual queda así:"
    assert "Se adiciona el artículo 6 a la Ley No. 12-34, después del artículo 5, con el texto siguiente:" in out


def test_whole_provision_is_quoted_in_full() -> None:
    found = instructions(compare(ley_v1(), ley_v2()), profiles.get("es-DO"), "Ley No. 12-34")
    modify_7 = next(i for i in found if i.text.startswith("Se modifica el artículo 7 "))
    assert modify_7.provision is not None and "sesenta (60)" in modify_7.provision.text
    assert modify_7.provision.num == "7"  # quoted under its number before the final renumbering
    inserted = next(i for i in found if i.op == "insert")
    assert inserted.provision is not None and inserted.provision.heading == "Acceso"


def test_english_small_changes_use_deleting_and_substituting() -> None:
    out = texts("en-commonwealth", act_v1(), act_v2(), "principal Act")
    assert "Section 2 of the principal Act is amended by deleting “sixteen” and substituting “eighteen”." in out
    assert "Section 6 of the principal Act is amended by deleting “thirty (30)” and substituting “sixty (60)”." in out
    assert "The principal Act is amended by inserting after section 4 the following section—" in out
    assert "Section 9 of the principal Act is repealed." in out
    # A new subsection substitutes the whole section.
    assert "Section 5 of the principal Act is repealed and the following section is substituted—" in out
    assert "Sections 5 to 7 of the principal Act are renumbered as sections 6 to 8 respectively." in out
    assert any(t.startswith("Section 8 of the principal Act is renumbered as section 10 and placed after") for t in out)


def test_word_phrase_is_widened_until_it_is_unique() -> None:
    old = Document(meta=Meta(language="en"), body=(art("4", "Age", "A child of the age of sixteen and a child of the "
                                                       "age of sixteen years."),))
    new = Document(meta=Meta(language="en"), body=(art("4", "Age", "A child of the age of sixteen and a child of the "
                                                       "age of eighteen years."),))
    (text,) = texts("en-commonwealth", old, new, "principal Act")
    assert text == "Section 4 of the principal Act is amended by deleting “sixteen years” and substituting “eighteen years”."


def test_amending_bill_document() -> None:
    bill = instructions_document(compare(ley_v1(), ley_v2()), profiles.get("es-DO"), "Ley No. 12-34")
    assert bill.meta.doc_type == "bill" and bill.meta.title == "Proyecto de ley que modifica la Ley No. 12-34"
    articles = bill.units()
    assert [a.num for a in articles] == [str(k) for k in range(1, len(articles) + 1)]
    quoted = [a for a in articles if a.children]
    assert quoted and all(a.children[0].kind == "quotedStructure" and a.children[0].text == "«" for a in quoted)
    assert all(a.kind == "article" for a in articles)
    english = instructions_document(compare(act_v1(), act_v2()), profiles.get("en-commonwealth"), "principal Act")
    assert all(u.kind == "section" for u in english.units())
    # the Act is named once, in full, and called "the principal Act" after that; the bill takes its name
    assert "the Online Child Protection Act, 2026 (in this Act referred to as “the principal Act”)" in english.units()[0].text
    assert not any("referred to as" in u.text for u in english.units()[1:])
    assert english.meta.title == "Online Child Protection (Amendment) Bill"
    chosen = instructions_document(compare(act_v1(), act_v2()), profiles.get("en-commonwealth"), "Child Safety Act")
    assert chosen.meta.title == "Child Safety Act (Amendment) Bill"  # a name the user gives is used as given
    assert not any("referred to as" in u.text for u in chosen.units())


def test_default_act_name() -> None:
    assert default_act_name(profiles.get("es-DO"), ley_v1().meta) == "Ley No. 12-34"
    assert default_act_name(profiles.get("en-commonwealth"), act_v1().meta) == "principal Act"


def test_a_profile_without_phrases_is_a_clear_error() -> None:
    from dataclasses import replace
    from types import MappingProxyType

    bare = replace(profiles.get("es"), data=MappingProxyType({}))
    with pytest.raises(DraftingError, match="no amending phrases"):
        instructions(compare(ley_v1(), ley_v2()), bare, "Ley")


def test_cli_writes_the_amending_bill(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("drafting.export.docx")
    import docx

    out = tmp_path / "bill.docx"
    assert main(["diff", str(FIXTURES / "act-v1.txt"), str(FIXTURES / "act-v2.txt"), "--instructions", str(out),
                 "--act", "Online Child Protection Act, 2026"]) == 0
    assert "wrote amending bill" in capsys.readouterr().out
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Section 2 of the Online Child Protection Act, 2026 is amended by deleting “sixteen”" in text
    assert "Accessing material" in text


# --- wording that reads correctly: agreement, moves, the law's own citations ------------------------


def _ley(*units: Node, profile: str = "es-DO") -> Document:
    return Document(meta=Meta(language="es", profile=profile, number="12-34"), body=units)


def _act(*units: Node) -> Document:
    return Document(meta=Meta(language="en", profile="en-commonwealth", number="7"), body=units)


def _arts(*nums: str) -> list[Node]:
    return [art(n, f"Rubro {n}", f"Texto propio del artículo {n}, distinto de los demás por su número {n}.") for n in nums]


def _secs(*nums: str) -> list[Node]:
    return [Node(kind="section", num=n, heading=f"Heading {n}", text=f"Text of section {n}, told apart by its number {n}.")
            for n in nums]


def test_a_move_that_keeps_its_number_is_placed_not_renumbered() -> None:
    a1, a2, a3 = _arts("1", "2", "3")
    (text,) = texts("es", _ley(a1, a2, a3), _ley(a2, a3, a1), "Ley No. 12-34")
    assert text == "El artículo 1 de la Ley No. 12-34 se ubica a continuación del artículo 3."
    s1, s2, s3 = _secs("1", "2", "3")
    (text,) = texts("en-commonwealth", _act(s1, s2, s3), _act(s2, s3, s1), "principal Act")
    assert text == "Section 1 of the principal Act is moved to follow section 3."
    assert "pasa a ser el artículo 1" not in text and "renumbered as section 1" not in text


def test_repealed_neighbours_are_repealed_together_and_the_verb_agrees() -> None:
    arts = _arts("1", "2", "3", "4", "5")
    out = texts("es-DO", _ley(*arts), _ley(arts[0], arts[1], arts[4]), "Ley No. 12-34")
    assert out == ["Se derogan los artículos 3 y 4 de la Ley No. 12-34."]
    out = texts("es-DO", _ley(*arts), _ley(arts[0], arts[2], arts[4]), "Ley No. 12-34")
    assert out == ["Se deroga el artículo 2 de la Ley No. 12-34.", "Se deroga el artículo 4 de la Ley No. 12-34."]
    secs = _secs("1", "2", "3", "4", "5")
    assert texts("en-commonwealth", _act(*secs), _act(secs[0], secs[4]), "principal Act") == [
        "Sections 2, 3 and 4 of the principal Act are repealed."]


def test_repealed_paragraphs_are_repealed_as_parts() -> None:
    def article(*paragraphs: str) -> Node:
        return art("5", "Difusión", "El que difunda material de abuso sexual infantil será sancionado.",
                   *(para("", p) for p in paragraphs))

    first, second, third = ("La pena se agrava cuando la víctima es menor de trece años.",
                            "La tentativa se castiga con la pena del delito consumado.",
                            "El comiso alcanza los equipos usados en el delito.")
    out = texts("es", _ley(article(first, second, third)), _ley(article(first)), "Ley No. 12-34")
    assert out == ["Se derogan los párrafos segundo y tercero del artículo 5 de la Ley No. 12-34."]
    out = texts("es", _ley(article(first, second, third)), _ley(article(first, third)), "Ley No. 12-34")
    assert out == ["Se deroga el segundo párrafo del artículo 5 de la Ley No. 12-34."]

    def dominican(*numbered: tuple[str, str]) -> Node:
        return art("5", "Difusión", "El que difunda material será sancionado.",
                   *(Node(kind="paragraph", num=n, label=f"Párrafo {n}.-", text=t) for n, t in numbered))

    out = texts("es-DO", _ley(dominican(("I", first), ("II", second))), _ley(dominican(("I", first))), "Ley No. 12-34")
    assert out == ["Se deroga el Párrafo II del artículo 5 de la Ley No. 12-34."]

    def section(*subs: tuple[str, str]) -> Node:
        return Node(kind="section", num="5", heading="Distribution",
                    children=tuple(Node(kind="subsection", num=n, label=f"({n})", text=t) for n, t in subs))

    subs = (("1", "A person who distributes the material commits an offence."),
            ("2", "The offence is aggravated where the child is under thirteen."),
            ("3", "Attempt is punished as the completed offence."))
    assert texts("en-commonwealth", _act(section(*subs)), _act(section(subs[0])), "principal Act") == [
        "Section 5 of the principal Act is amended by repealing subsections (2) and (3)."]


def test_a_provision_quoted_under_its_former_number_carries_the_label_to_match() -> None:
    def labelled(num: str, text: str) -> Node:
        return Node(kind="article", num=num, label=f"Artículo {num}.", heading="Conservación", text=text)

    old = _ley(*_arts("1"), labelled("2", "Los datos se conservan treinta (30) días."), profile="es")
    new = _ley(*_arts("1"), *_arts("2")[:0], art("2", "Nuevo", "Un artículo nuevo, distinto de todos los demás."),
               labelled("3", "Los datos se conservan sesenta (60) días."), profile="es")
    found = instructions(compare(old, new), profiles.get("es"), "Ley No. 12-34")
    whole = next(i for i in found if i.op == "whole")
    assert whole.provision is not None and (whole.provision.num, whole.provision.label) == ("2", "Artículo 2.")


def test_the_peruvian_law_is_cited_and_quoted_as_it_is_written(tmp_path: Path) -> None:
    from drafting.importers.document import import_document

    from .corpus import corpus_file

    source = corpus_file("pe/LEY-30096-2013.md")
    text = source.read_text(encoding="utf-8")
    changed = text.replace("puede mantener en sus archivos", "mantiene en sus archivos", 1).replace(
        "no menor de uno ni mayor de cuatro años", "no menor de dos ni mayor de cinco años", 1).replace(
        "Cuando la víctima tiene entre catorce y menos de dieciocho años de edad y medie engaño, la pena será no "
        "menor de tres ni mayor de seis años.\n", "", 1)
    assert changed.count("\n") == text.count("\n") - 1
    copy = tmp_path / "LEY-30096-modificada.md"
    copy.write_text(changed, encoding="utf-8")
    old, new = import_document(source).document, import_document(copy).document
    profile = profiles.get(old.meta.profile)
    found = instructions(compare(old, new), profile, "Ley N° 30096", old=old, new=new)
    assert [i.text for i in found] == [
        "Se reforma el artículo 2 de la Ley N° 30096, el cual queda así:",
        "Se deroga el segundo párrafo del artículo 5 de la Ley N° 30096.",
        "Se reforma la Primera Disposición Complementaria Final de la Ley N° 30096, la cual queda así:"]
    art2, disposition = found[0].provision, found[2].provision
    assert art2 is not None and art2.label == "Artículo 2." and all(c.law for c in art2.children)
    assert disposition is not None and disposition.label == "PRIMERA."
    bill = instructions_document(compare(old, new), profile, "Ley N° 30096", old=old, new=new)
    assert [u.label for u in bill.units()] == ["Artículo 1.", "Artículo 2.", "Artículo 3."]  # the law's own style
