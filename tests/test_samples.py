"""LibreOffice opens and lays out every kind of document we write (the kinds of `make samples`)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .samples import soffice, to_pdf, writers

KINDS = ("do-bill", "commonwealth-bill", "gap-bill", "redline", "instructions", "review")


def test_samples_cover_every_kind(tmp_path: Path) -> None:
    assert tuple(writers(tmp_path)) == KINDS


def pages(pdf: Path) -> int:
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo:
        out = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, timeout=60).stdout
        match = re.search(r"^Pages:\s+(\d+)", out, re.MULTILINE)
        if match:
            return int(match.group(1))
    return len(re.findall(rb"/Type\s*/Page\b", pdf.read_bytes()))


@pytest.mark.slow
@pytest.mark.parametrize("kind", KINDS)
def test_libreoffice_converts_every_kind(kind: str, tmp_path: Path) -> None:
    if soffice() is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is required on CI")
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it")
    docx = tmp_path / f"{kind}.docx"
    writers(tmp_path)[kind](docx)
    pdf = to_pdf(docx, tmp_path)
    assert pdf.read_bytes().startswith(b"%PDF") and pages(pdf) >= 1
