"""The comparison view, the reports (HTML, DOCX, matrix) and the `compare` / `review` commands."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from drafting import akn
from drafting.cli import main
from drafting.export.matrix import matrix_csv, review_files
from drafting.export.review_html import review_html
from drafting.importers.document import import_document
from drafting.library.library import load_library
from drafting.model.document import Document, Meta, Node
from drafting.review.compare import compare
from drafting.review.verdicts import review
from drafting.review.worddiff import new_text, old_text

ROOT = Path(__file__).resolve().parents[1]
XS = ROOT / "statutes" / "xs" / "ley-45-19.xml"
XS_TXT = ROOT / "statutes" / "xs" / "ley-45-19.txt"
XE = ROOT / "statutes" / "xe" / "act-7-2021.xml"
FIXTURES = ROOT / "tests" / "fixtures" / "review"


@pytest.fixture(scope="module")
def library():
    return load_library()


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


# ---------------------------------------------------------------- comparison

def test_comparison_diffs_rebuild_both_texts(library):
    result = compare(import_document(XS).document, library, clauses=["offence-possession", "duty-isp-report"])
    possession, isp = result.clauses
    assert [m.eid for m in possession.matches][:1] == ["art_7__para_nn_1"] and isp.matches == ()
    assert result.unmatched == ("duty-isp-report",)
    match = possession.matches[0]
    assert old_text(match.diff) == possession.model_text and new_text(match.diff) == match.text
    assert "posesión intencional de pornografía infantil en un sistema de información" in match.text  # original wording
    assert any(op == -1 and "a sabiendas" in text for op, text in match.diff)


def test_comparison_options_ignore_case_punctuation_numbering(library):
    result = compare(import_document(XE).document, library, clauses=["offence-possession"], ignore_case=True,
                     ignore_punctuation=True, ignore_numbering=True)
    match = result.clauses[0].matches[0]
    assert match.eid == "sec_4__subsec_2" and new_text(match.diff) == match.text
    assert dict(result.options) == {"ignore_case": True, "ignore_punctuation": True, "ignore_numbering": True}
    # "(1) A person who knowingly possesses child sexual abuse material commits an offence" is the same words
    kept = "".join(text for op, text in match.diff if op == 0)
    assert "knowingly possesses child sexual abuse material commits an offence" in kept


# ---------------------------------------------------------------- reports

def test_review_html_is_escaped_and_linked(library, tmp_path):
    hostile = Node("article", num="1", eid="art_1", heading="Pornografía infantil",
                   text='El que produzca pornografía infantil <script>alert("x")</script> será sancionado con prisión de dos a cuatro años.')
    document = Document(Meta(language="es", profile="es", title="Ley <b>1</b> & otras"), body=(hostile,))
    result = review(document, library)
    page = review_html(result, compare(document, library, clauses=["offence-production"]))
    assert "<script>" not in page and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "Ley &lt;b&gt;1&lt;/b&gt; &amp; otras" in page
    assert 'href="#ev-specific-1"' in page and 'id="ev-specific-1"' in page
    assert 'href="#crit-possession"' in page and "<del>" in page and "<ins>" in page


def test_cli_review_json_is_the_agreed_shape(capsys):
    code, out, _ = cli(capsys, "review", XS_TXT, "--json")  # any importable file, not only stored XML
    assert code == 0
    data = json.loads(out)
    assert set(data) >= {"statute", "edition", "criteria"} and data["edition"] == "2006"
    assert data["statute"]["number"] == "45-19"
    assert [c["id"] for c in data["criteria"]] == ["specific", "definition", "computer", "possession", "isp-report"]
    possession = data["criteria"][3]
    assert possession["status"] == "partial" and [e["eid"] for e in possession["evidence"]] == ["art_7__para_nn_1"]
    assert set(possession["evidence"][0]) >= {"eid", "num", "quote"} and "offence-possession" in possession["clauses"]
    assert isinstance(possession["reason"], str)


def test_cli_review_default_lines(capsys):
    code, out, _ = cli(capsys, "review", XE, "--edition", "2016")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 7
    assert lines[4].split()[:3] == ["met", "possession", "4(2)"]
    assert lines[6].startswith("met      data-retention       7(1)")


def test_cli_review_as_one_legal_order(capsys, tmp_path):
    special = tmp_path / "ley-9-30.txt"
    special.write_text("LEY NÚM. 9-30 SOBRE RETENCIÓN DE DATOS\nArtículo 1.- Los proveedores de servicios conservarán los "
                       "datos de tráfico durante noventa días.\n", encoding="utf-8")
    code, out, _ = cli(capsys, "review", XS, special, "--as-one", "--edition", "2016", "--json")
    assert code == 0
    data = json.loads(out)  # one review, not a list: the two statutes are one legal order
    assert data["statute"]["title"].endswith("+ LEY NÚM. 9-30 SOBRE RETENCIÓN DE DATOS")
    retention = next(c for c in data["criteria"] if c["id"] == "data-retention")
    assert retention["status"] != "missing"
    assert {e["num"].rsplit(", ", 1)[0] for e in retention["evidence"]} <= {
        "LEY NÚM. 9-30 SOBRE RETENCIÓN DE DATOS", data["statute"]["title"].split(" + ")[0]}


def test_cli_review_html_and_docx(capsys, tmp_path):
    html_out, docx_out = tmp_path / "r.html", tmp_path / "r.docx"
    assert cli(capsys, "review", XS, "--html", html_out)[0] == 0
    page = html_out.read_text(encoding="utf-8")
    assert "Simple possession" in page and 'id="clause-offence-possession"' in page and "<ins>" in page
    assert cli(capsys, "review", XS, "--edition", "2016", "--docx", docx_out)[0] == 0
    memo = docx.Document(str(docx_out))
    text = "\n".join(p.text for p in memo.paragraphs)
    assert "Review against the model law" in text and "Simple possession — partial" in text
    assert "Data retention and preservation — met" in text and "“Los proveedores de servicios estarán obligados" in text
    summary = memo.tables[0]
    assert [c.text for c in summary.rows[4].cells][:3] == ["Simple possession", "partial", "7, Párrafo"]


def test_cli_compare_outputs(capsys, tmp_path):
    code, out, _ = cli(capsys, "compare", XE, "--clauses", "offence-possession,duty-isp-report")
    # a lawyer reads the clause's title and the words the statute shares with it, never ids or stems
    first = out.splitlines()[0]
    assert code == 0 and first.startswith("Possession of child sexual abuse material — ") and "4(2)" in out and "6(1)" in out
    assert "possesses" in first and "offence-possession" not in out
    code, out, _ = cli(capsys, "compare", XS, "--jurisdiction", "do", "--clauses", "offence-possession", "--json")
    data = json.loads(out)
    assert data["jurisdiction"] == "do" and data["clauses"][0]["matches"][0]["eid"] == "art_7__para_nn_1"
    assert {"eid", "num", "score", "terms", "text", "diff"} <= set(data["clauses"][0]["matches"][0])
    html_out, docx_out = tmp_path / "c.html", tmp_path / "c.docx"
    assert cli(capsys, "compare", XE, "--html", html_out)[0] == 0
    assert "<del>" in html_out.read_text(encoding="utf-8")
    assert cli(capsys, "compare", XE, "--docx", docx_out, "--ignore-case")[0] == 0
    assert "Comparison with the model law" in docx.Document(str(docx_out)).paragraphs[0].text


# ---------------------------------------------------------------- several statutes: the matrix

def test_matrix_in_parallel_matches_serial_and_keeps_order(library):
    paths = [XS, XE, FIXTURES / "ley-12-22.txt"]
    parallel = review_files(paths, edition="2016", workers=3)
    serial = tuple(review(import_document(p).document, library, edition="2016") for p in paths)
    assert parallel == serial
    rows = list(csv.reader(io.StringIO(matrix_csv(parallel))))
    assert rows[0][:7] == ["statute", "country", "number", "title", "source", "criteria_set", "specific"]
    assert rows[1][6:12] == ["met", "met", "met", "partial", "missing", "met"]
    assert rows[2][6:12] == ["met"] * 6


def test_cli_several_statutes_give_the_matrix(capsys, tmp_path):
    code, out, _ = cli(capsys, "review", XS, XE, "--edition", "2016")
    rows = list(csv.reader(io.StringIO(out)))
    assert code == 0 and len(rows) == 3 and rows[1][0] == "XS 45-19" and rows[2][0] == "XE 7"
    csv_out, html_out = tmp_path / "m.csv", tmp_path / "m.html"
    assert cli(capsys, "review", XS, XE, "--csv", csv_out)[0] == 0
    assert csv_out.read_text(encoding="utf-8").startswith("statute,country")
    assert cli(capsys, "review", XS, XE, "--html", html_out)[0] == 0
    page = html_out.read_text(encoding="utf-8")
    assert "Global review matrix" in page and 'class="status partial"' in page
    code, _, err = cli(capsys, "review", XS, XE, "--docx", tmp_path / "m.docx")
    assert code == 2 and "one statute" in err


# ---------------------------------------------------------------- bad input

def test_cli_bad_input_is_one_clear_line(capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    french = tmp_path / "loi.txt"
    french.write_text("Le présent texte est une loi. Article premier. La loi est appliquée par le gouvernement.\n", encoding="utf-8")
    stored = tmp_path / "loi.xml"
    akn.write(Document(Meta(country="fr", number="1", date="2020-01-01", language="fr"),
                       body=(Node("article", num="1", eid="art_1", text="La loi s'applique à tous."),)), stored)
    cases = [
        (("review", empty), "empty"),
        (("review", french), "language"),
        (("review", stored), "no review profile for a statute in language 'fr'"),
        (("review", XS, "--edition", "1999"), "unknown criteria set '1999'"),
        (("compare", XS, "--clauses", "offence-posesion"), "unknown clause 'offence-posesion'"),
        (("compare", XS, "--jurisdiction", "zz"), "unknown jurisdiction 'zz'"),
    ]
    for args, message in cases:
        code, out, err = cli(capsys, *args)
        assert code == 2 and message in err and len(err.strip().splitlines()) == 1, (args, err)


def test_the_installed_command_runs():
    done = subprocess.run([sys.executable, "-m", "drafting", "review", str(XE), "--json"], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)
    assert done.returncode == 0 and json.loads(done.stdout)["criteria"][4]["status"] == "met"
