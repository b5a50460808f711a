"""Helpers for the tests in a real browser (Debian's chromium, driven by Playwright): what is
missing to run them, a static server for a built site, and axe-core's serious violations.
The fixtures (one browser and one built seed site per test process) are in conftest.py."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from conftest import ROOT

# Debian's headless shell (package chromium-headless-shell) where it is installed: the same
# Blink and V8 as its `chromium`, without the desktop browser's processes and compositing,
# so a page with the axe check costs 0.4 s of CPU instead of 1.7 (the tests in a browser
# were half the suite's CPU); Playwright's own headless mode is this shell too. Else `chromium`.
CHROMIUM = shutil.which("chromium-headless-shell") or shutil.which("chromium") or "/usr/bin/chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
REQUIRED = os.environ.get("PARTYORG_REQUIRE_BROWSER") == "1"
SUBPATH = "/partyorg-archive/"


def _missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return "chromium is not installed (apt-get install chromium-headless-shell, or chromium)"
    if not AXE.exists():
        return "axe-core is not installed (npm install axe-core)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed"
    return None


def _serve(root) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"


def serious_violations(page) -> list[tuple]:
    """axe-core's serious and critical violations on the page (rule, impact, nodes)."""
    if not page.evaluate("typeof axe !== 'undefined'"):  # (the `auditor` fixture's pages have it)
        page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [(v["id"], v["impact"], len(v["nodes"])) for v in result["violations"] if v["impact"] in ("serious", "critical")]


def require_browser() -> None:
    """Skip when chromium, axe-core or playwright is missing; fail where CI requires them."""
    missing = _missing()
    if missing:
        if REQUIRED:
            pytest.fail(missing)
        pytest.skip(missing)
