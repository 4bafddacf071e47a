"""Screenshots of every page of the app, for looking at it as a drafter would (not a test).

    .venv/bin/python -m tests.screenshots [OUTPUT_FOLDER]     # default /tmp/drafting-screenshots

Starts the app on a free port with a fresh workspace, drives each page with Debian's chromium
through Playwright at 1400 px wide, and writes full-page PNGs. The server and browser helpers
here are shared with tests/test_browser_e2e.py. Do not commit the PNGs.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WIDTH = 1400


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serve(workspace: Path, port: int | None = None, timeout: float = 90) -> Iterator[str]:
    """Run `streamlit run streamlit_app.py` on a free port; yield its URL; always stop it."""
    port = port or free_port()
    env = {**os.environ, "DRAFTING_WORKSPACE": str(workspace), "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    log = open(workspace.parent / f"streamlit-{port}.log", "wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.port", str(port),
         "--server.headless", "true", "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with {proc.returncode}; see {log.name}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
                    if reply.status == 200 and reply.read().strip() == b"ok":
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not answer /_stcore/health within {timeout:.0f} s; see {log.name}")
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()


@contextlib.contextmanager
def browser(profile: Path) -> Iterator[object]:
    """A Playwright chromium (Debian's) with a fresh user-data dir; yields a BrowserContext."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": WIDTH, "height": 1000}, accept_downloads=True)
        try:
            yield context
        finally:
            context.close()


def wait_idle(page, timeout: float = 60_000) -> None:  # type: ignore[no-untyped-def]
    """Wait until Streamlit has finished the current run and stayed idle for a moment.

    The app root carries data-test-script-state ("running" while the script runs); a rerun can
    follow a run (st.rerun, a callback), so idleness must hold twice in a row.
    """
    idle = """() => { const app = document.querySelector('[data-testid="stApp"]');
        return app && app.getAttribute('data-test-script-state') !== 'running'
            && !document.querySelector('[data-testid="stSkeleton"]'); }"""
    for _ in range(2):
        page.wait_for_timeout(400)
        page.wait_for_function(idle, timeout=timeout)


def goto(page, url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(url)
    page.wait_for_selector('[data-testid="stAppViewContainer"]', timeout=60_000)
    page.wait_for_selector("h1", timeout=60_000)
    wait_idle(page)


def click_key(page, key: str) -> None:  # type: ignore[no-untyped-def]
    """Click the button of the widget with this Streamlit key (its container has class st-key-<key>)."""
    page.locator(f".st-key-{key} button").first.click()
    wait_idle(page)


def fill_key(page, key: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type into the text input with this Streamlit key and commit it with Enter."""
    field = page.locator(f".st-key-{key} input").first
    field.fill(text)
    field.press("Enter")
    wait_idle(page)


def page_problems(page) -> list[str]:  # type: ignore[no-untyped-def]
    """Exceptions or failure messages on the page (a screenshot of a broken page is flagged)."""
    found = [e.inner_text() for e in page.locator('[data-testid="stException"]').all()]
    found += [e.inner_text() for e in page.locator('[data-testid="stAlertContentError"]').all()
              if "Something went wrong" in e.inner_text()]
    return found


def shoot(page, folder: Path, name: str) -> Path:  # type: ignore[no-untyped-def]
    """A full-page PNG. Streamlit scrolls inside its main block, so the viewport is first made as
    tall as that block's content (full_page alone would stop at the window)."""
    path = folder / f"{name}.png"
    page.mouse.move(0, 0)  # no tooltip left open by the last click
    height = page.evaluate("""() => Math.max(...['[data-testid="stMain"]', '[data-testid="stSidebarContent"]',
        '[data-testid="stAppViewContainer"]'].map(s => document.querySelector(s)).filter(Boolean).map(e => e.scrollHeight))""")
    page.set_viewport_size({"width": WIDTH, "height": max(800, min(int(height) + 40, 30000))})
    page.wait_for_timeout(400)
    page.screenshot(path=str(path), full_page=True)
    for problem in page_problems(page):
        print(f"{name}: PROBLEM ON PAGE: {problem[:300]}", file=sys.stderr)
    from tests.browser_checks import badly_named_buttons, hex_ids, low_contrast

    for what, found in (("hex id on screen", hex_ids(page)), ("badly named button", badly_named_buttons(page)),
                        ("low contrast", low_contrast(page))):
        for item in found[:5]:
            print(f"{name}: {what}: {item}", file=sys.stderr)
    page.set_viewport_size({"width": WIDTH, "height": 1000})
    return path


def expand(page, label: str) -> None:  # type: ignore[no-untyped-def]
    page.locator('[data-testid="stExpander"] summary', has_text=label).first.click()
    wait_idle(page)


def upload_key(page, key: str, path: Path) -> None:  # type: ignore[no-untyped-def]
    """Give a file to the st.file_uploader with this key."""
    page.locator(f".st-key-{key} input[type=file]").set_input_files(str(path))
    page.locator(f".st-key-{key}").get_by_text(path.name).first.wait_for(timeout=30_000)
    wait_idle(page)


def tab(page, name: str) -> None:  # type: ignore[no-untyped-def]
    page.get_by_role("tab", name=name, exact=True).click()
    wait_idle(page)


def has_page(page) -> bool:  # type: ignore[no-untyped-def]
    """False when Streamlit says 'Page not found' (a page left out of the navigation)."""
    return page.get_by_text("Page not found").count() == 0


def main(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="drafting-shots-"))
    shots: list[Path] = []
    fixtures = ROOT / "tests" / "fixtures" / "amend"
    try:
        with serve(tmp / "ws") as url, browser(tmp / "profile") as context:
            page = context.new_page()  # type: ignore[attr-defined]
            goto(page, f"{url}/")
            shots.append(shoot(page, out, "01-statutes-first-run"))
            page.locator(".st-key-sample_pick").click()
            page.get_by_role("option").filter(has_text="xs/ley-45-19.xml").click()
            wait_idle(page)
            click_key(page, "sample_open")
            shots.append(shoot(page, out, "02-statutes-report"))
            tab(page, "Outline")
            shots.append(shoot(page, out, "03-statutes-outline"))
            tab(page, "Text")
            shots.append(shoot(page, out, "04-statutes-text"))
            tab(page, "Metadata and files")
            expand(page, "Versions of this draft")
            shots.append(shoot(page, out, "05-statutes-metadata-versions"))

            goto(page, f"{url}/model-law")
            shots.append(shoot(page, out, "06-model-law"))
            expand(page, "Review criteria by edition")
            shots.append(shoot(page, out, "06b-model-law-criteria"))
            fill_key(page, "ml_search", "possession")
            page.locator(".st-key-ml_lang button", has_text="English").click()
            wait_idle(page)
            shots.append(shoot(page, out, "07a-model-law-possession-english-dominican"))
            page.locator(".st-key-ml_lang button", has_text="Both").click()
            wait_idle(page)
            shots.append(shoot(page, out, "07-model-law-possession-both"))

            goto(page, f"{url}/review")
            if has_page(page):
                shots.append(shoot(page, out, "08-review-matrix"))
                expand(page, "Simple possession")
                shots.append(shoot(page, out, "09-review-evidence"))
                tab(page, "Clause by clause")
                shots.append(shoot(page, out, "10-review-clauses"))

            click_key(page, "rv_save")
            shots.append(shoot(page, out, "10b-review-saved"))

            goto(page, f"{url}/bill-builder")
            if has_page(page):
                click_key(page, "bill_new")
                shots.append(shoot(page, out, "11-bill-builder-new"))
                expand(page, "Posesión de material de abuso sexual infantil")
                field = page.locator('input[aria-label="Prison term for possession: minimum"]')
                field.fill("9")
                field.press("Tab")
                wait_idle(page)
                shots.append(shoot(page, out, "11b-bill-builder-parameters-error"))
                expand(page, "Versions of this draft")
                shots.append(shoot(page, out, "11c-bill-builder-versions"))
                page.locator('[data-testid="stSidebarNavLink"]').first.focus()
                page.keyboard.press("Tab")
                page.screenshot(path=str(out / "11d-keyboard-focus-on-a-link.png"))
                shots.append(out / "11d-keyboard-focus-on-a-link.png")
                goto(page, f"{url}/review")
                if has_page(page) and page.locator(".st-key-rv_gapbill").count():
                    click_key(page, "rv_gapbill")
                    page.wait_for_selector("h1:has-text('Bill builder')", timeout=60_000)
                    wait_idle(page)
                    shots.append(shoot(page, out, "12-bill-builder-gap-filling"))

            goto(page, f"{url}/amendments")
            if has_page(page):
                shots.append(shoot(page, out, "13-amendments-empty"))
                for side, name in (("old", "ley-v1.txt"), ("new", "ley-v2.txt")):
                    box = page.locator(f".st-key-am_{side}_upload_box")
                    if box.locator(f".st-key-am_{side}_upload").count() == 0 or not box.locator(
                            f".st-key-am_{side}_upload").first.is_visible():
                        box.locator("summary").first.click()
                        wait_idle(page)
                    upload_key(page, f"am_{side}_upload", fixtures / name)
                    click_key(page, f"am_{side}_import")
                click_key(page, "am_compare")
                shots.append(shoot(page, out, "14-amendments-side-by-side"))
                expand(page, "Versions of this draft")
                shots.append(shoot(page, out, "14b-amendments-versions"))
                tab(page, "Change list")
                shots.append(shoot(page, out, "15-amendments-change-list"))
                tab(page, "Amending instructions")
                shots.append(shoot(page, out, "16-amendments-instructions"))
    finally:
        for log in tmp.glob("streamlit-*.log"):  # keep the server's log next to the pictures
            shutil.copy(log, out / "streamlit.log")
        shutil.rmtree(tmp, ignore_errors=True)
    return shots


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/drafting-screenshots")
    for shot in main(folder):
        print(shot)
