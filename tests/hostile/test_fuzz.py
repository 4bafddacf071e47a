"""Hypothesis-made text, control characters included: every import ends in a document or one line."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from drafting import akn
from drafting.errors import DraftingError
from drafting.importers.document import import_document

from ..test_import_formats import strip_ids
from .support import assert_clean, drafting

HEAD = "Artículo 1. La ley de la República protege a los niños y el artículo de la ley.\n"
TEXT = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x2FFF, blacklist_categories=("Cs",)), max_size=400)
FORMATS = st.sampled_from(["txt", "md", "html"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=TEXT, fmt=FORMATS)
def test_any_text_imports_and_round_trips_or_is_refused(body: str, fmt: str) -> None:
    data = (HEAD + body).encode("utf-8")
    try:
        result = import_document(f"law.{fmt}", data=data, language="es")
    except DraftingError as exc:
        assert "\n" not in str(exc)
        return
    xml = akn.to_xml(result.document)
    assert strip_ids(akn.from_xml(xml)) == strip_ids(akn.from_xml(akn.to_xml(akn.from_xml(xml))))


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(body=st.text(alphabet=st.sampled_from("\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\ufeff\ufffe abc<>&_*#[]()\n"), max_size=300),
       fmt=FORMATS)
def test_control_characters_through_the_command(tmp_path_factory, body: str, fmt: str) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    source = folder / f"law.{fmt}"
    source.write_bytes((HEAD + body).encode("utf-8"))
    out = folder / "law.xml"
    outcome = drafting("import", source, "--lang", "es", "-o", out)
    assert_clean(outcome, (out,), folder)
    if outcome.code == 0:
        assert drafting("show", out).code == 0
