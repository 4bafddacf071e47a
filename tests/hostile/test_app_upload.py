"""The app survives the 42-byte HTML of the issue: one line of error, and the server keeps answering."""

from __future__ import annotations

import os
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.app_support import APP, ok

OL = b"<ol type=i start=99999999999999><li>x</ol>"


def test_apptest_upload_of_the_42_byte_html_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAFTING_WORKSPACE", str(tmp_path / "ws"))
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.file_uploader(key="statute_upload").upload("ol.html", OL, "text/html")
    at.run()
    at.button(key="imp_go").click().run()
    ok(at)
    errors = [e.value.replace("\\", "") for e in at.error]  # the page escapes Markdown
    assert len(errors) == 1 and "ol.html" in errors[0] and "\n" not in errors[0].strip()
    assert "draft" not in at.query_params or at.query_params["draft"]  # nothing new was opened


def test_apptest_upload_that_exhausts_the_worker_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAFTING_WORKSPACE", str(tmp_path / "ws"))
    monkeypatch.setenv("DRAFTING_MAX_SECONDS", "1")  # the worker gets one second; the page stays up
    at = AppTest.from_file(APP, default_timeout=60).run()
    big = ("Artículo 1. " + "palabra de la ley\n" * 300_000).encode()
    at.file_uploader(key="statute_upload").upload("big.txt", big, "text/plain")
    at.run()
    at.button(key="imp_go").click().run()
    ok(at)
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and "time" in errors[0]


@pytest.mark.slow
def test_server_keeps_answering_health_during_the_hostile_upload(tmp_path: Path) -> None:
    from tests.screenshots import CHROMIUM, browser, click_key, goto, serve, upload_key

    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing in CI")
        pytest.skip(f"{CHROMIUM} not installed (Debian package 'chromium')")
    pytest.importorskip("playwright.sync_api")
    source = tmp_path / "ol.html"
    source.write_bytes(OL)
    answers: list[float] = []
    stop = threading.Event()
    with serve(tmp_path / "ws") as url, browser(tmp_path / "profile") as context:
        def poll() -> None:
            while not stop.is_set():
                started = time.monotonic()
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=10) as reply:
                    assert reply.status == 200
                answers.append(time.monotonic() - started)
                time.sleep(0.2)

        watcher = threading.Thread(target=poll, daemon=True)
        watcher.start()
        page = context.new_page()  # type: ignore[attr-defined]
        goto(page, f"{url}/")
        upload_key(page, "statute_upload", source)
        click_key(page, "imp_go")
        alert = page.locator("[data-testid='stAlertContentError']").first
        alert.wait_for(timeout=60_000)
        lines = [line for line in alert.inner_text().splitlines() if line.strip() and line.strip() != "error"]  # icon name
        assert len(lines) == 1 and "ol.html" in lines[0]
        time.sleep(1)
        stop.set()
        watcher.join(15)
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=10) as reply:
            assert reply.status == 200
    assert answers and max(answers) < 5
