"""Shared helpers: table-driven cases live in tests/cases/*.yaml."""
from __future__ import annotations

import compileall
import os
import shutil
from pathlib import Path

import pytest
import yaml

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
ARTICLES = ROOT / "articles"

# Many tests start the command line in a process of its own. Where the environment forbids
# writing bytecode (PYTHONDONTWRITEBYTECODE, as CI images set), each of those processes would
# compile every module of the package again (0.15 s a start here); compileall writes the
# bytecode regardless, once, and a process only reads it. (Up to date, this is a few stats.)
compileall.compile_dir(ROOT / "src" / "partyorg_site", quiet=2)


# libyaml's safe loader where PyYAML has it (as src/partyorg_site/datafiles.py does): the
# same data, read several times faster; each test process reads every case table to collect.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)


def examples(full: int) -> int:
    """Hypothesis examples for a property test: a third of `full` in the suite, `full` where
    PARTYORG_FULL_PROPERTIES=1 (benchmarks/properties.py runs the property tests so)."""
    return full if os.environ.get("PARTYORG_FULL_PROPERTIES") == "1" else max(1, full // 3)


def cases(name: str) -> list[dict]:
    return read_yaml(TESTS / "cases" / f"{name}.yaml")


def case_ids(name: str, key: str = "text") -> list[str]:
    return [str(c.get("name") or c.get(key) or c.get("body") or c.get("line"))[:50] for c in cases(name)]


@pytest.fixture
def project(tmp_path):
    """A copy of the project's site folders, so tests can edit articles freely."""
    for name in ("articles", "templates", "static"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "site.yaml", tmp_path / "site.yaml")
    return tmp_path


@pytest.fixture(scope="session")
def browser():
    """One chromium per test process (a launch costs a second or more); each test opens its
    own pages or contexts and closes them. Skipped, or failed in CI, when it is missing."""
    from browsing import CHROMIUM, require_browser

    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def auditor(browser):
    """A browser context whose pages load axe-core before their own scripts, once per test
    process: injecting it into each page after loading cost a quarter second a page."""
    from browsing import AXE

    context = browser.new_context()
    context.add_init_script(path=str(AXE))
    yield context
    context.close()


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    """The bundled articles' site, built once per test process under browsing.SUBPATH and
    served on 127.0.0.1: its address. The tests only read it."""
    from browsing import SUBPATH, _serve, require_browser
    from sitebuild import build

    require_browser()
    root = tmp_path_factory.mktemp("www")
    result = build(root / SUBPATH.strip("/"), None, "--base-url", SUBPATH)
    assert result.returncode == 0, result.stderr
    server, address = _serve(root)
    yield address
    server.shutdown()
