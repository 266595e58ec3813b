"""Browser tests: the real server on 127.0.0.1, the page in headless Chromium (Playwright).

Skip cleanly when Chromium (Debian's package), the playwright module or the npm
vendor files are absent. Never runs ``playwright install``: the system browser is used.

Run as a script to refresh the README screenshot:
    .venv/bin/python tests/test_web_browser.py docs/screenshot-map.png
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))

from api_fixtures import XSS, all_reports, demo_reports  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
VENDOR = ROOT / "frontwire" / "static" / "vendor"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def serve(db: Path) -> Iterator[str]:
    """uvicorn in a thread on a free loopback port; yields the base URL."""
    import uvicorn

    from frontwire.api import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextlib.contextmanager
def browser_page(tmp: Path, width: int = 1440, height: int = 900) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        # A fresh profile per run (Playwright passes it as --user-data-dir).
        context = pw.chromium.launch_persistent_context(
            str(tmp / f"chromium-profile-{time.monotonic_ns()}"), executable_path=CHROMIUM,
            headless=True, args=FLAGS, viewport={"width": width, "height": height},
        )  # fmt: skip
        try:
            yield context.pages[0] if context.pages else context.new_page()
        finally:
            context.close()


def build(db: Path, reports: list) -> Path:
    from frontwire.ledger import Ledger

    with Ledger(db) as ledger:
        for rep in reports:
            ledger.add_report(rep)
        ledger.merge()
    return db


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, Path]]:
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (apt-get install -y chromium chromium-driver)")
    pytest.importorskip("playwright.sync_api")
    if not (VENDOR / "d3.min.js").exists():
        pytest.skip("vendor files missing: run scripts/build_web.sh")
    tmp = tmp_path_factory.mktemp("web")
    db = build(tmp / "ledger.db", all_reports())
    with serve(db) as url:
        yield url, tmp, db


def _open(page: object, url: str) -> None:
    page.goto(url)  # type: ignore[attr-defined]
    page.wait_for_selector("body[data-ready='1']", timeout=20000)  # type: ignore[attr-defined]


def test_map_filters_and_event_panel(site: tuple[str, Path, Path]) -> None:
    url, tmp, _ = site
    with browser_page(tmp) as page:
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))  # type: ignore[attr-defined]
        _open(page, url)
        assert page.locator("#map path.land").count() > 100  # packaged world outline drawn
        assert page.locator("#event-list tbody tr").count() == 3
        # Kherson (region only) and Pokrovsk ("near") are drawn as areas; Kupiansk is a pin.
        assert page.locator("#map g.area-group").count() == 2
        assert page.locator("#map g.cluster").count() == 1
        assert page.locator("#timeline rect.bar").count() > 0

        page.fill("#f-from", "2026-03-11")
        page.fill("#f-to", "2026-03-13")
        page.click("#apply")
        page.wait_for_selector("body[data-visible='1']")
        assert page.locator("#event-list tbody tr").count() == 1
        assert "Kupiansk" in page.inner_text("#event-list tbody")

        page.click("#clear-filters")
        page.wait_for_selector("body[data-visible='3']")
        page.select_option("#f-type", "Battles")
        page.click("#apply")
        page.wait_for_selector("body[data-visible='1']")
        assert "Pokrovsk" in page.inner_text("#event-list tbody")

        page.click("#clear-filters")
        page.wait_for_selector("body[data-visible='3']")
        page.click("#event-list tbody tr:has-text('Kupiansk')")
        page.wait_for_selector("#claims .claim")
        panel = page.inner_text("#panel")
        assert "Oleh Syniehubov" in panel and "Russian Ministry of Defence" in panel
        assert "denies (origins)" in panel  # who stands behind each stance, counted once
        assert page.locator("#claims .source-col").count() == 2
        assert page.locator("#claims .claim.denies").count() == 1
        assert page.locator("#claims .claim.asserts").count() == 1

        page.click("#claims .claim.asserts")
        page.wait_for_selector("#doc-view mark.claimspan")
        assert page.inner_text("#doc-view mark.claimspan").startswith("Three civilians were killed")
        assert "regional governor" in page.inner_text("#doc-view mark.sentence")
        assert not errors, errors


def test_report_text_is_escaped(site: tuple[str, Path, Path]) -> None:
    url, tmp, _ = site
    with browser_page(tmp) as page:
        _open(page, url)
        page.click("#event-list tbody tr:has-text('Kherson')")
        page.wait_for_selector("#claims .claim")
        assert XSS in page.inner_text("#claims")  # shown as text
        page.click("#claims .claim")
        page.wait_for_selector("#doc-view mark.claimspan")
        assert XSS in page.inner_text("#doc-view")
        assert page.evaluate("window.__pwned === undefined")
        assert page.locator("#panel script").count() == 0


def test_review_from_the_page(site: tuple[str, Path, Path]) -> None:
    from frontwire.api.auth import create_token

    url, tmp, db = site
    token = create_token(db, "browser.analyst")
    with browser_page(tmp) as page:
        _open(page, url)
        page.click("#event-list tbody tr:has-text('Pokrovsk')")
        page.wait_for_selector("#r-save")
        page.fill("#r-fat", "5")
        page.click("#r-save")  # no token yet: refused with a clear message
        page.wait_for_selector("#review-msg.err")
        assert "token" in page.inner_text("#review-msg")

        page.fill("#token", token)
        page.fill("#r-fat", "5")
        page.fill("#r-note", "morgue count")
        page.click("#r-save")
        page.wait_for_selector("#audit li")
        audit = page.inner_text("#audit")
        assert "browser.analyst" in audit and "fatalities" in audit and "morgue count" in audit
        assert page.inner_text(".facts dd.corrected") == "5"
        assert page.text_content("#panel .badge") == "corrected"


def take_screenshot(out: Path) -> None:
    """A demo ledger of ~60 events rendered and saved as a PNG."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        db = build(tmp / "demo.db", all_reports() + demo_reports())
        with serve(db) as url, browser_page(tmp, 1440, 900) as page:
            _open(page, url)
            page.fill("#f-from", "2026-02-16")
            page.fill("#f-to", "2026-03-14")
            page.click("#apply")
            page.wait_for_selector("#timeline rect.bar.in")
            page.click("#event-list tbody tr:has-text('Kupiansk')")
            page.wait_for_selector("#claims .claim")
            page.click("#claims .claim.asserts")
            page.wait_for_selector("#doc-view mark.claimspan")
            page.wait_for_timeout(300)
            page.screenshot(path=str(out))
    print(f"wrote {out}")


if __name__ == "__main__":
    take_screenshot(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshot-map.png"))
