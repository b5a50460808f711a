"""Helpers to build the site in a test and to read it back."""
from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

HREF = re.compile(r"""(?:href|src)="([^"]*)\"""")


def build(output: Path, articles: Path | None = None, *extra: str) -> subprocess.CompletedProcess:
    command = [sys.executable, str(ROOT / "build.py"), "--config", str(ROOT / "site.yaml"), "--output", str(output)]
    if articles is not None:
        command += ["--articles", str(articles)]
    return subprocess.run([*command, *extra], capture_output=True, text=True)


def site_records(site: Path) -> list[dict]:
    """The records the site publishes (data/articles.json.gz)."""
    return json.loads(gzip.decompress((site / "data" / "articles.json.gz").read_bytes()).decode("utf-8"))


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def broken_links(site: Path, base_url: str = "/") -> list[str]:
    """Every href/src in every HTML page that does not lead to a file of the site."""
    broken = []
    for page in sorted(site.rglob("*.html")):
        for link in HREF.findall(page.read_text(encoding="utf-8")):
            if link.startswith(("http://", "https://", "mailto:", "#", "data:")) or not link:
                continue
            link = link.split("#")[0].split("?")[0]
            if link.startswith("/"):
                if not link.startswith(base_url):
                    broken.append(f"{page.relative_to(site)} -> {link} (outside {base_url})")
                    continue
                target = site / link[len(base_url):]
            else:
                target = (page.parent / link)
            target = target.resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(site)} -> {link}")
    return broken


def clean_site(project: Path, scratch: Path) -> dict[str, str]:
    """The digest of the site a --clean build of a copy of `project` (its articles,
    templates, static files and site.yaml, made in the empty folder `scratch`) gives: what
    every incremental build of the same articles must give, byte for byte."""
    for name in ("articles", "templates", "static"):
        shutil.copytree(project / name, scratch / name)
    shutil.copy(project / "site.yaml", scratch / "site.yaml")
    result = subprocess.run([sys.executable, "-m", "partyorg_site", "build", "--clean"], capture_output=True, text=True,
                            cwd=scratch)
    assert result.returncode == 0, result.stderr
    return tree_digest(scratch / "_site")
