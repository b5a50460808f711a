"""Shared helpers: table-driven cases live in tests/cases/*.yaml."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
ARTICLES = ROOT / "articles"


def cases(name: str) -> list[dict]:
    return yaml.safe_load((TESTS / "cases" / f"{name}.yaml").read_text(encoding="utf-8"))


def case_ids(name: str, key: str = "text") -> list[str]:
    return [str(c.get("name") or c.get(key) or c.get("body") or c.get("line"))[:50] for c in cases(name)]


@pytest.fixture
def project(tmp_path):
    """A copy of the project's site folders, so tests can edit articles freely."""
    for name in ("articles", "templates", "static"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "site.yaml", tmp_path / "site.yaml")
    return tmp_path
