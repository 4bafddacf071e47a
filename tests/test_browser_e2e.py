"""End to end in a real browser: upload a statute → the review's matrix → a bill → its DOCX →
reload → the draft is still there. Debian's chromium through Playwright, the app on a free port."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path
from urllib.parse import urlparse

import docx
import pytest

from tests.screenshots import CHROMIUM, browser, click_key, goto, page_problems, serve, upload_key, wait_idle

ROOT = Path(__file__).resolve().parent.parent
STATUTE = ROOT / "statutes" / "xs" / "ley-45-19.txt"

pytestmark = pytest.mark.slow


def _chromium_or_skip() -> None:
    # Outside CI a machine without Debian's chromium cannot run this test; in CI (.ci/run installs
    # chromium) a missing browser is a failure, never a skip.
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing in CI: .ci/run should install chromium")
        pytest.skip(f"{CHROMIUM} not installed (Debian package 'chromium'); the browser test runs in CI")


def test_upload_review_bill_download_reload(tmp_path: Path) -> None:
    _chromium_or_skip()
    pytest.importorskip("playwright.sync_api")
    outside: list[str] = []
    with serve(tmp_path / "ws") as url, browser(tmp_path / "profile") as context:
        page = context.new_page()  # type: ignore[attr-defined]
        # Nothing may be fetched from anywhere but the app itself (no fonts, CDNs or telemetry).
        page.on("request", lambda r: outside.append(r.url)
                if urlparse(r.url).hostname not in ("127.0.0.1", None) and not r.url.startswith(("data:", "blob:")) else None)
        goto(page, f"{url}/")
        assert page.locator("h1", has_text="Statutes").is_visible()

        # 1. upload a statute (text) and keep it in the workspace
        upload_key(page, "statute_upload", STATUTE)
        click_key(page, "imp_go")
        page.get_by_role("heading", name=re.compile("Ley No. 45-19")).first.wait_for(timeout=60_000)
        assert "draft=" in page.url
        assert page.get_by_text("Articles / sections").is_visible()

        # 2. the review shows the criteria matrix for it
        page.get_by_test_id("stSidebarNav").get_by_text("Review", exact=True).click()
        page.wait_for_selector("h1:has-text('Review')", timeout=60_000)
        wait_idle(page)
        matrix = page.locator("table.dr-matrix")
        matrix.wait_for(timeout=60_000)
        assert matrix.locator("tbody tr").count() == 5
        assert matrix.locator(".dr-badge", has_text="missing").count() >= 1
        assert matrix.get_by_text("Simple possession", exact=True).is_visible()

        # 3. build a bill: the gap-filling amendment, in one click
        click_key(page, "rv_gapbill")
        page.wait_for_selector("h1:has-text('Bill builder')", timeout=60_000)
        wait_idle(page)
        page.locator(".dr-bill").wait_for(timeout=60_000)
        bill_url = page.url
        bill_id = re.search(r"draft=([a-z0-9]+)", bill_url).group(1)  # type: ignore[union-attr]

        # 4. download the DOCX and open it with python-docx
        with page.expect_download(timeout=60_000) as info:
            page.locator(".st-key-bill_dl_docx button").click()
        path = tmp_path / "bill.docx"
        info.value.save_as(path)
        text = "\n".join(p.text for p in docx.Document(io.BytesIO(path.read_bytes())).paragraphs)
        assert "Ley que modifica la Ley No. 45-19" in text
        assert "10 bis" in text and "proveedores de servicios" in text  # the provision that fills the ISP gap

        # 5. reload: the draft is still there (its id is in the URL, its content in the workspace)
        page.reload()
        page.wait_for_selector("h1:has-text('Bill builder')", timeout=60_000)
        wait_idle(page)
        page.locator(".dr-bill").wait_for(timeout=60_000)
        assert f"draft={bill_id}" in page.url
        assert page.locator(".dr-bill").get_by_text("Ley que modifica la Ley No. 45-19").first.is_visible()
        assert page.get_by_test_id("stSidebar").get_by_text(bill_id).first.is_visible()
        assert not page_problems(page)
    assert not outside, f"requests left the machine: {outside[:5]}"
