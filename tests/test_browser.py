"""A real browser (Debian's chromium, driven by Playwright) on the built site, served
under a sub-path on 127.0.0.1: search, navigation, and axe-core accessibility checks."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from conftest import ROOT
from sitebuild import build

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
REQUIRED = os.environ.get("PARTYORG_REQUIRE_BROWSER") == "1"
SUBPATH = "/partyorg-archive/"


def _missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return "chromium is not installed (apt-get install chromium)"
    if not AXE.exists():
        return "axe-core is not installed (npm install axe-core)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed"
    return None


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    missing = _missing()
    if missing:
        if REQUIRED:
            pytest.fail(missing)
        pytest.skip(missing)
    root = tmp_path_factory.mktemp("www")
    result = build(root / SUBPATH.strip("/"), None, "--base-url", SUBPATH)
    assert result.returncode == 0, result.stderr
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser(served):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield instance
        instance.close()


def search(page, base, query):
    page.goto(base + "tim-kiem/")
    page.fill("#q", query)
    page.wait_for_function("document.querySelectorAll('#search-results li').length > 0", timeout=10000)
    return page.locator("#search-results li a").all_inner_texts()


def test_search_folds_tone_marks_and_d(served, browser):
    page = browser.new_page()
    titles = search(page, served, "dang")
    assert len(titles) == 5
    titles = search(page, served, "Nghe An")
    assert titles == ["Ban Tổ chức Trung ương đánh giá cao Nghệ An trong cách làm về kiểm tra, sát hạch công chức"]
    page.select_option("#f-tinh", "Phú Thọ")
    page.fill("#q", "giao ban")
    page.wait_for_function("document.querySelectorAll('#search-results li').length === 1", timeout=10000)
    page.close()


def test_follow_a_province_link(served, browser):
    page = browser.new_page()
    page.goto(served)
    page.click("nav[aria-label='Chỉ mục chính'] >> text=Tỉnh, thành")
    page.click("section >> text=Nghệ An")
    assert page.url == served + "tinh/nghe-an/"
    assert page.locator("h1").inner_text() == "Nghệ An"
    page.close()


@pytest.mark.parametrize("path", ["", "bai-viet/giao-ban-truc-tuyen-nganh-to-chuc-xay-dung-dang/", "tinh/nghe-an/",
                                  "tim-kiem/"])
def test_no_serious_accessibility_violations(served, browser, path):
    page = browser.new_page()
    page.goto(served + path)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [(v["id"], v["impact"], len(v["nodes"])) for v in result["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == []
    page.close()
