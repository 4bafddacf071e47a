from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafting.amend.changes import compare
from drafting.cli import main
from drafting.model.document import Document, Meta, Node
from drafting.model.eids import assign_eids
from drafting.review.worddiff import new_text, old_text, word_diff

from .amend_samples import EXPECTED_ACT, EXPECTED_LEY, act_v1, act_v2, art, ley_v1, ley_v2

FIXTURES = Path(__file__).parent / "fixtures" / "amend"


def unit_ops(old: Document, new: Document) -> dict[tuple[str | None, str | None], str]:
    return {(c.old_num if c.old else None, c.new_num if c.new else None): c.op for c in compare(old, new).units()}


def changes_only(diff: tuple[tuple[int, str], ...]) -> list[tuple[int, str]]:
    return [(op, text) for op, text in diff if op]


# ---------------------------------------------------------------- word diff

def test_thirty_to_sixty_is_one_change() -> None:
    diff = word_diff("a period of thirty (30) days.", "a period of sixty (60) days.")
    assert [op for op, _ in changes_only(diff)] == [-1, 1]
    deleted, inserted = changes_only(diff)
    assert "thirty" in deleted[1] and "30" in deleted[1]
    assert "sixty" in inserted[1] and "60" in inserted[1]


def test_one_word_change() -> None:
    assert changes_only(word_diff("a child under sixteen years", "a child under eighteen years")) == [
        (-1, "sixteen"), (1, "eighteen")]


def test_punctuation_only_change() -> None:
    assert changes_only(word_diff("menor de edad.", "menor de edad;")) == [(-1, "."), (1, ";")]


def test_whitespace_change_is_shown_space_by_space() -> None:
    diff = word_diff("por medio de un sistema", "por medio de un  sistema")
    assert changes_only(diff) == [(-1, " "), (1, "  ")]


def test_ignore_options() -> None:
    assert not changes_only(word_diff("Hola, Mundo.", "hola mundo", ignore_case=True, ignore_punctuation=True))
    assert not changes_only(word_diff("según el artículo 5", "según el artículo 6", ignore_numbering=True))
    assert changes_only(word_diff("según el artículo 5", "según la ley 6", ignore_numbering=True))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), st.text(max_size=60))
def test_word_diff_rebuilds_both_texts(a: str, b: str) -> None:
    diff = word_diff(a, b)
    assert old_text(diff) == a and new_text(diff) == b
    assert all(text for _, text in diff)
    assert all(x[0] != y[0] for x, y in zip(diff, diff[1:]))  # adjacent ops merged


# ---------------------------------------------------------------- article alignment

@pytest.mark.parametrize(("old", "new", "expected"), [
    (ley_v1(), ley_v2(), EXPECTED_LEY), (act_v1(), act_v2(), EXPECTED_ACT)], ids=["es-DO", "en"])
def test_every_kind_of_change(old: Document, new: Document, expected: dict) -> None:
    assert unit_ops(old, new) == expected


def _numbered(texts: list[str]) -> Document:
    return Document(meta=Meta(language="es"), body=tuple(
        art(str(k + 1), f"Título {k + 1}", t) for k, t in enumerate(texts)))


TEXTS = [f"Disposición sobre la materia número {w}, que trata de {w} y de otras cosas {w}."
         for w in "uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince".split()]


def test_article_inserted_midway_is_one_insert_plus_renumbers() -> None:
    old = _numbered(TEXTS)
    new_texts = TEXTS[:6] + ["Un artículo enteramente nuevo sobre la cooperación internacional."] + TEXTS[6:]
    # Renumbering keeps each article's own heading: the content is the old article's.
    new = Document(meta=Meta(language="es"), body=tuple(
        art(str(k + 1), old.body[TEXTS.index(t)].heading if t in TEXTS else "Cooperación", t)
        for k, t in enumerate(new_texts)))
    ops = [c.op for c in compare(old, new).units()]
    assert ops.count("insert") == 1
    assert ops.count("renumber") == len(TEXTS) - 6
    assert ops.count("unchanged") == 6
    assert "modify" not in ops and "delete" not in ops and "move" not in ops
    inserted = next(c for c in compare(old, new).units() if c.op == "insert")
    assert inserted.new_num == "7"


def test_moved_article_is_found_by_content() -> None:
    old = _numbered(TEXTS[:8])
    order = [0, 1, 2, 3, 5, 6, 7, 4]  # article 5 moved to the end
    new = Document(meta=Meta(language="es"), body=tuple(old.body[i] for i in order))
    changes = compare(old, new).units()
    moved = [c for c in changes if c.op == "move"]
    assert len(moved) == 1 and moved[0].old_num == "5"
    assert all(c.op == "unchanged" for c in changes if c.op != "move")


def test_moved_and_reworded_article_is_still_paired() -> None:
    old = _numbered(TEXTS[:8])
    moved = replace(old.body[1], text=old.body[1].text.replace("trata de", "se ocupa de"))
    new = Document(meta=Meta(language="es"), body=(old.body[0],) + old.body[2:7] + (moved,) + old.body[7:])
    change = next(c for c in compare(old, new).units() if c.old_num == "2")
    assert change.op == "move" and change.text_changed
    assert changes_only(change.diff) == [(-1, "trata"), (1, "se ocupa")]


def test_deleted_article_and_renumbering() -> None:
    old = _numbered(TEXTS[:6])
    new = Document(meta=Meta(language="es"), body=tuple(
        replace(n, num=str(k + 1)) for k, n in enumerate(old.body[:2] + old.body[3:])))
    assert unit_ops(old, new) == {("1", "1"): "unchanged", ("2", "2"): "unchanged", ("3", None): "delete",
                                  ("4", "3"): "renumber", ("5", "4"): "renumber", ("6", "5"): "renumber"}


def test_flags_whitespace_and_numbering_only() -> None:
    by_num = {c.old_num: c for c in compare(ley_v1(), ley_v2()).units() if c.old}
    assert by_num["5"].op == "modify" and by_num["5"].whitespace_only and not by_num["5"].numbering_only
    assert by_num["10"].op == "renumber" and by_num["10"].numbering_only and by_num["10"].renumbered
    assert by_num["2"].op == "modify" and not by_num["2"].whitespace_only and not by_num["2"].numbering_only
    # A cross-reference renumbered inside the text: numbering only, not a rewrite.
    old = Document(meta=Meta(language="es"), body=(art("3", "Remisión", "Conforme al artículo 5 de esta ley."),))
    new = Document(meta=Meta(language="es"), body=(art("3", "Remisión", "Conforme al artículo 6 de esta ley."),))
    (change,) = compare(old, new).units()
    assert change.op == "modify" and change.numbering_only


def test_punctuation_change_inside_a_point() -> None:
    art3 = next(c for c in compare(ley_v1(), ley_v2()).units() if c.old_num == "3")
    point_a = next(c for c, _ in _walk(art3) if c.level == "point" and c.new_num == "a")
    assert point_a.op == "modify" and changes_only(point_a.diff) == [(-1, "."), (1, ";")]


def test_new_subsection_is_an_insert_inside_the_section() -> None:
    possession = next(c for c in compare(act_v1(), act_v2()).units() if c.old_num == "5")
    assert possession.op == "modify" and possession.renumbered and possession.new_num == "6"
    assert [(c.op, c.new_num) for c in possession.children] == [("unchanged", "1"), ("insert", "2")]


def test_thirty_sixty_in_an_article() -> None:
    art7 = next(c for c in compare(ley_v1(), ley_v2()).units() if c.old_num == "7")
    assert art7.op == "modify" and art7.renumbered
    assert changes_only(art7.diff) == [(-1, "treinta (30"), (1, "sesenta (60")]


def _walk(change):  # type: ignore[no-untyped-def]
    yield change, 0
    for child in change.children:
        yield from _walk(child)


def test_stable_guids_pair_a_rewritten_article() -> None:
    old = assign_eids(_numbered(TEXTS[:5]))
    rewritten = replace(old.body[2], num="3", text="Texto completamente distinto, sin una sola palabra en común.")
    new = replace(old, body=(old.body[0], old.body[1], rewritten, old.body[3], old.body[4]))
    # GUIDs carried over from the old version (not the ones assign_eids derives from numbers).
    carried = tuple(replace(n, guid=f"guid-{k}") for k, n in enumerate(new.body))
    new = replace(new, body=carried)
    old = replace(old, body=tuple(replace(n, guid=f"guid-{k}") for k, n in enumerate(old.body)))
    change = next(c for c in compare(old, new).units() if c.old_num == "3")
    assert change.op == "modify" and change.matched_by == "guid"


def test_derived_guids_do_not_pair_by_number() -> None:
    # Both versions imported separately: GUIDs derived from eIds would pair article 3 with article 3.
    old = assign_eids(_numbered(TEXTS[:5]))
    texts = TEXTS[:2] + ["Un artículo enteramente nuevo sobre la cooperación internacional."] + TEXTS[2:5]
    new = assign_eids(Document(meta=Meta(language="es"), body=tuple(
        art(str(k + 1), old.body[TEXTS.index(t)].heading if t in TEXTS else "Nuevo", t) for k, t in enumerate(texts))))
    ops = [c.op for c in compare(old, new).units()]
    assert ops.count("insert") == 1 and ops.count("renumber") == 3 and "modify" not in ops


def test_unrelated_documents_warn_that_little_aligns() -> None:
    other = _numbered([f"Texto ajeno {w} sobre pesca, agricultura y {w} riego del valle." for w in
                       ("alfa", "beta", "gamma", "delta", "épsilon")])
    changes = compare(_numbered(TEXTS[:5]), other)
    assert any(w.startswith("little aligns:") and "% of provisions matched" in w for w in changes.warnings)


def test_language_mismatch_is_a_warning() -> None:
    old = replace(_numbered(TEXTS[:2]), meta=Meta(language="es"))
    new = replace(_numbered(TEXTS[:2]), meta=Meta(language="en"))
    assert any("different languages" in w for w in compare(old, new).warnings)


def test_empty_versions() -> None:
    empty = Document(meta=Meta(language="es"))
    assert [c.op for c in compare(empty, _numbered(TEXTS[:2])).units()] == ["insert", "insert"]
    assert [c.op for c in compare(_numbered(TEXTS[:2]), empty).units()] == ["delete", "delete"]
    assert compare(empty, empty).changes == ()


def test_identical_documents_have_no_changes() -> None:
    changes = compare(ley_v1(), ley_v1())
    assert not changes.has_changes and changes.stats.aligned_ratio == 1.0 and not changes.warnings


# ---------------------------------------------------------------- CLI

def test_cli_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(FIXTURES / "act-v1.txt"), str(FIXTURES / "act-v2.txt"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"changes"}
    ops = {c["op"] for c in data["changes"]}
    assert ops <= {"insert", "delete", "modify", "move", "renumber"}
    assert {"insert", "delete", "modify", "move"} <= ops
    for change in data["changes"]:
        assert set(change) >= {"op", "old", "new", "diff", "level"}
        for side in ("old", "new"):
            assert change[side] is None or set(change[side]) >= {"eid", "num"}
        assert all(op in (-1, 0, 1) and isinstance(text, str) for op, text in change["diff"])
    units = [c for c in data["changes"] if c["level"] == "unit"]
    assert [c["op"] for c in units].count("insert") == 1
    inserted = next(c for c in units if c["op"] == "insert")
    assert inserted["old"] is None and inserted["new"]["num"] == "5" and inserted["new"]["eid"] == "sec_5"
    sixteen = next(c for c in units if c["old"] and c["old"]["num"] == "2")
    assert [d for d in sixteen["diff"] if d[0]] == [[-1, "sixteen"], [1, "eighteen"]]


def test_cli_json_all_lists_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(FIXTURES / "ley-v1.txt"), str(FIXTURES / "ley-v2.txt"), "--json", "--all"]) == 0
    ops = {c["op"] for c in json.loads(capsys.readouterr().out)["changes"]}
    assert "unchanged" in ops


def test_cli_change_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(FIXTURES / "ley-v1.txt"), str(FIXTURES / "ley-v2.txt")]) == 0
    out = capsys.readouterr().out
    assert "insert    article 6" in out
    assert "renumber  article 10 → 9" in out
    assert "move      article 8 → 10" in out
    assert "-[preste] +[ofrezca]" in out


def test_cli_refuses_different_languages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(FIXTURES / "act-v1.txt"), str(FIXTURES / "ley-v2.txt")]) == 2
    err = capsys.readouterr().err
    assert "different languages" in err and len(err.strip().splitlines()) == 1


def test_cli_empty_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "vacio.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["diff", str(empty), str(FIXTURES / "ley-v2.txt")]) == 2
    err = capsys.readouterr().err
    assert "vacio.txt" in err and "empty" in err and "Traceback" not in err


def test_cli_unrelated_documents_warn_and_still_write_a_redline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from drafting.export.docx_revisions import accept_all, reject_all
    from drafting.export.redline_plan import paragraph_texts, resolve_profile
    from drafting.importers.document import import_document

    other = tmp_path / "otra.txt"
    other.write_text("LEY DE PESCA\n\nArtículo 1.- Objeto. Esta ley regula la pesca artesanal en los ríos.\n\n"
                     "Artículo 2.- Vedas. Se prohíbe pescar durante la época de desove de cada especie.\n",
                     encoding="utf-8")
    out, page = tmp_path / "redline.docx", tmp_path / "report.html"
    assert main(["diff", str(FIXTURES / "ley-v1.txt"), str(other), "-o", str(out), "--html", str(page)]) == 0
    captured = capsys.readouterr()
    assert "little aligns" in captured.err
    assert f"wrote redline {out}" in captured.out and "<del>" in page.read_text(encoding="utf-8")
    old = import_document(FIXTURES / "ley-v1.txt").document
    new = import_document(other).document
    profile = resolve_profile(old, new)
    data = out.read_bytes()
    assert accept_all(data) == paragraph_texts(new, profile)
    assert reject_all(data) == paragraph_texts(old, profile)


def test_a_chapter_heading_that_shifts_moves_not_the_article() -> None:
    arts = [art(str(k + 1), f"Título {k + 1}", t) for k, t in enumerate(TEXTS[:6])]
    chapter = lambda num, kids: Node(kind="chapter", num=num, heading=f"Capítulo {num}", children=tuple(kids))  # noqa: E731
    old = Document(meta=Meta(language="es"), body=(chapter("I", arts[:3]), chapter("II", arts[3:])))
    new = Document(meta=Meta(language="es"), body=(chapter("I", arts[:4]), chapter("II", arts[4:])))
    changes = compare(old, new)
    assert all(c.op == "unchanged" for c in changes.units())
    assert [(c.op, c.new_num) for c in changes.changes if c.level == "division"] == [("unchanged", "I"), ("move", "II")]


# --- how a change list names a change (drafting.amend.wording) -------------------------------------

def _described(old: Document, new: Document, profile_id: str) -> list[str]:
    from drafting.amend.wording import describe
    from drafting.parse import profiles

    profile = profiles.get(profile_id)
    return [describe(c, profile) for c in compare(old, new).changes
            if c.level in ("unit", "division") and c.op != "unchanged"]


def test_change_list_names_articles_as_the_law_does() -> None:
    listed = _described(ley_v1(), ley_v2(), "es-DO")
    assert "artículo 6 — insertado" in listed and "artículo 9 — suprimido" in listed
    assert "artículo 10 → artículo 9 — renumerado" in listed
    assert not any("Artículo" in line or ".-" in line for line in listed)
    english = _described(act_v1(), act_v2(), "en-commonwealth")
    assert "section 5 — inserted" in english and "section 9 — repealed" in english


def test_lettered_article_numbers_are_cited_as_written() -> None:
    old = assign_eids(Document(meta=Meta(language="es", profile="es"), body=(art("5", "Objeto", "Texto del cinco."),)))
    new = assign_eids(Document(meta=Meta(language="es", profile="es"),
                               body=(art("5", "Objeto", "Texto del cinco."), art("5-B", "Alcance", "Un artículo nuevo en esta ley."))))
    assert _described(old, new, "es") == ["artículo 5-B — insertado"]
