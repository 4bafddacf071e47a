"""LibreOffice as referee: open a DOCX headless, accept (or reject) all tracked changes, save as text.

There is no Python-UNO bridge in this environment, so the work is done by a small Basic macro
written into a throw-away user profile (`-env:UserInstallation=file:///tmp/lo-<uuid>`), where
LibreOffice trusts it as one of "My Macros", and run with `soffice --headless macro:///…`.
The macro loads the document hidden, dispatches .uno:AcceptAllTrackedChanges or
.uno:RejectAllTrackedChanges, and stores it with the "Text (encoded)" filter as UTF-8.
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

TIMEOUT = 180

_MODULE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Apply(sIn As String, sAccepted As String, sRejected As String)
  ApplyOne(sIn, sAccepted, &quot;.uno:AcceptAllTrackedChanges&quot;)
  ApplyOne(sIn, sRejected, &quot;.uno:RejectAllTrackedChanges&quot;)
End Sub

Sub ApplyOne(sIn As String, sOut As String, sCommand As String)
  Dim aLoad(0) As New com.sun.star.beans.PropertyValue
  aLoad(0).Name = &quot;Hidden&quot;
  aLoad(0).Value = True
  oDoc = StarDesktop.loadComponentFromURL(ConvertToURL(sIn), &quot;_blank&quot;, 0, aLoad())
  oDispatcher = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  Dim aNone() As New com.sun.star.beans.PropertyValue
  oDispatcher.executeDispatch(oDoc.getCurrentController().getFrame(), sCommand, &quot;&quot;, 0, aNone())
  Dim aSave(1) As New com.sun.star.beans.PropertyValue
  aSave(0).Name = &quot;FilterName&quot;
  aSave(0).Value = &quot;Text (encoded)&quot;
  aSave(1).Name = &quot;FilterOptions&quot;
  aSave(1).Value = &quot;UTF8,LF,,,&quot;
  oDoc.storeToURL(ConvertToURL(sOut), aSave())
  oDoc.close(True)
End Sub
</script:module>
"""

_profile: Path | None = None


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def require_soffice() -> str:
    """The soffice binary; skip the test when it is absent (but fail on CI, where it must be there)."""
    binary = soffice()
    if binary:
        return binary
    if os.environ.get("CI"):
        pytest.fail("LibreOffice (soffice) is required on CI for the redline referee tests")
    pytest.skip("LibreOffice (soffice) is not installed: the referee tests need it")


def _run(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [binary, "--headless", "--norestore", "--nologo", "--nodefault", f"-env:UserInstallation={profile.as_uri()}", *args],
        capture_output=True, text=True, timeout=TIMEOUT, check=False,
    )


def _user_profile(binary: str) -> Path:
    """A private LibreOffice profile holding our macro (made once per test process)."""
    global _profile
    if _profile is not None:
        return _profile
    profile = Path(tempfile.gettempdir()) / f"lo-{uuid.uuid4().hex}"
    _run(binary, profile, "--terminate_after_init")
    standard = profile / "user" / "basic" / "Standard"
    if not (standard / "script.xlb").is_file():
        raise RuntimeError(f"LibreOffice did not create its user profile in {profile}")
    (standard / "Module1.xba").write_text(_MODULE, encoding="utf-8")
    atexit.register(shutil.rmtree, profile, True)
    _profile = profile
    return profile


def accept_reject(docx: bytes | Path) -> tuple[list[str], list[str]]:
    """(paragraphs after accept-all, paragraphs after reject-all), as LibreOffice computes them."""
    binary = require_soffice()
    profile = _user_profile(binary)
    with tempfile.TemporaryDirectory(prefix="lo-redline-") as tmp:
        folder = Path(tmp)
        source = folder / "redline.docx"
        source.write_bytes(docx.read_bytes() if isinstance(docx, Path) else docx)
        accepted, rejected = folder / "accepted.txt", folder / "rejected.txt"
        result = _run(binary, profile, f'macro:///Standard.Module1.Apply("{source}","{accepted}","{rejected}")')
        if not accepted.is_file() or not rejected.is_file():
            raise RuntimeError(f"LibreOffice macro produced no text (exit {result.returncode}): {result.stderr[-500:]}")
        return _lines(accepted), _lines(rejected)


def convert_to_pdf(docx: Path, outdir: Path) -> Path:
    """`soffice --headless --convert-to pdf`: the check that the file opens and lays out."""
    binary = require_soffice()
    profile = _user_profile(binary)
    result = _run(binary, profile, "--convert-to", "pdf", "--outdir", str(outdir), str(docx))
    pdf = outdir / (docx.stem + ".pdf")
    if not pdf.is_file():
        raise RuntimeError(f"soffice could not convert {docx.name} (exit {result.returncode}): {result.stderr[-500:]}")
    return pdf


def _lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8-sig")
    if text.endswith("\n"):
        text = text[:-1]
    lines = text.split("\n")
    return [] if lines == [""] else lines
