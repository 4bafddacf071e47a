from __future__ import annotations

from pathlib import Path

import pytest

from drafting.amend.changes import compare
from drafting.amend.instructions import default_act_name, instructions, instructions_document
from drafting.cli import main
from drafting.errors import DraftingError
from drafting.model.document import Document, Meta
from drafting.parse import profiles

from .amend_samples import act_v1, act_v2, art, ley_v1, ley_v2

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
