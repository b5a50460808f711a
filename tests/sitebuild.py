"""Helpers to build the site in a test and to read it back."""
from __future__ import annotations

import atexit
import contextlib
import gc
import gzip
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import traceback
from pathlib import Path

from conftest import ROOT

HREF = re.compile(r"""(?:href|src)="([^"]*)\"""")


def build_args(output: Path, articles: Path | None = None, *extra: str) -> list[str]:
    """`build`'s arguments: the project's site.yaml (unless `extra` names another), into `output`."""
    arguments = ["--config", str(ROOT / "site.yaml"), "--output", str(output)]
    if articles is not None:
        arguments += ["--articles", str(articles)]
    return [*arguments, *extra]


def build(output: Path, articles: Path | None = None, *extra: str) -> subprocess.CompletedProcess:
    """`python build.py ...`, run in this process (see run_cli)."""
    return run_cli("build", *build_args(output, articles, *extra))


def build_process(output: Path, articles: Path | None = None, *extra: str) -> subprocess.CompletedProcess:
    """`python build.py ...` in another process than the test's (see run_elsewhere): where a
    build must not share the test process's hash seed (two builds compared for determinism),
    and for an archive big enough (200 files) that the build starts worker processes, which
    a test process should not fork."""
    return run_elsewhere("build", *build_args(output, articles, *extra))


_ELSEWHERE = r"""
import json, os, sys
sys.path.insert(0, sys.argv[1])
replies = os.fdopen(os.dup(1), "w", encoding="utf-8")
os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # whatever else writes to fd 1 cannot mix into the replies
from sitebuild import run_cli
for line in sys.stdin:
    request = json.loads(line)
    result = run_cli(*request["args"], cwd=request["cwd"])
    replies.write(json.dumps([result.returncode, result.stdout, result.stderr]) + "\n")
    replies.flush()
"""
_helper: subprocess.Popen | None = None


def run_elsewhere(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """`python -m partyorg_site *args` (in `cwd`) run in one helper process per test process,
    which runs its commands as run_cli does, one after another. It has a hash seed of its
    own, so a set's order that leaks into the output makes its builds differ from the
    test's; and it pays the start-up (imports, patterns compiled: 0.5 s) once, where a new
    process for each reference build paid it 20 times a suite."""
    global _helper
    if _helper is None or _helper.poll() is not None:
        _helper = subprocess.Popen([sys.executable, "-c", _ELSEWHERE, str(Path(__file__).parent)],
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")
        atexit.register(_helper.kill)
    _helper.stdin.write(json.dumps({"args": list(args), "cwd": str(cwd or os.getcwd())}) + "\n")
    _helper.stdin.flush()
    reply = _helper.stdout.readline()
    assert reply, f"the helper process ended (status {_helper.wait()})"
    status, out, err = json.loads(reply)
    return subprocess.CompletedProcess(["partyorg-site", *args], status, out, err)


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """`python -m partyorg_site *args` (in `cwd`) run in this process: its exit status and
    what it prints, as subprocess.run gives them (an uncaught exception is a "Traceback" on
    stderr and status 1, as Python would make it). A new process pays 0.5 s of imports and
    pattern compiling before a 0.1 s build of the seeds; tests about processes (kill -9,
    locks held by another process, serve, PARTYORG_FAULT) start real ones instead."""
    from partyorg_site.cli import main

    out, err = io.StringIO(), io.StringIO()
    here = os.getcwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main(list(args))
            except SystemExit as exit_:  # argparse, or sys.exit(): the process would end with this
                status = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
            except Exception:  # noqa: BLE001 -- a process would print it and exit 1
                traceback.print_exc(file=sys.stderr)
                status = 1
    finally:
        os.chdir(here)
        gc.unfreeze()  # the build freezes its objects for its life, which a process ends
    return subprocess.CompletedProcess(["partyorg-site", *args], status or 0, out.getvalue(), err.getvalue())


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


_CLEAN_SITES: dict[str, dict[str, str]] = {}  # inputs' digest -> the clean build's site's digest


def inputs_digest(project: Path) -> str:
    """One digest of everything a build of `project` reads: its articles, templates and
    static files (names and bytes) and site.yaml."""
    parts = hashlib.sha256()
    for name in ("articles", "templates", "static"):
        for path, digest in tree_digest(project / name).items():
            parts.update(f"{name}/{path}\0{digest}\n".encode("utf-8"))
    parts.update((project / "site.yaml").read_bytes())
    return parts.hexdigest()


def clean_site(project: Path, scratch: Path) -> dict[str, str]:
    """The digest of the site a --clean build of a copy of `project` (its articles,
    templates, static files and site.yaml, made in the empty folder `scratch`) gives: what
    every incremental build of the same articles must give, byte for byte. The reference is
    made in another process (run_elsewhere: its own hash seed; the builds under test run in
    the test's process), once per set of inputs and test process: a clean build of the same bytes gives
    the same site (test_site and test_database check that)."""
    key = inputs_digest(project)
    if key not in _CLEAN_SITES:
        for name in ("articles", "templates", "static"):
            shutil.copytree(project / name, scratch / name)
        shutil.copy(project / "site.yaml", scratch / "site.yaml")
        result = run_elsewhere("build", "--clean", cwd=scratch)
        assert result.returncode == 0, result.stderr
        _CLEAN_SITES[key] = tree_digest(scratch / "_site")
    return dict(_CLEAN_SITES[key])
