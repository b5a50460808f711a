"""The build cache: an article whose bytes have not changed is never read, cleaned or
extracted again.

Entries are keyed by the file's path and content and live under a folder named for the
loader's version (its code and rule tables), so changing the loader or a data file
invalidates the whole cache by itself, and changing a template or the renderer does not. The cache never changes the output: a cached entry is the record a clean
build would make (tests/test_incremental.py checks byte-identical sites).
"""
from __future__ import annotations

import ast
import hashlib
import json
import os
import re
import shutil
import tempfile
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from partyorg_site import __version__, datafiles
from partyorg_site.errors import Problem
from partyorg_site.models import Record


# What a cached entry is made by: the loader (and everything it imports from the package),
# the search words stored with each record, and this module's own entry format.
RECORD_MAKERS = ("loader", "site.search", "archive.cache")


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of all of the package's code and rule tables: what a page depends on."""
    return _hash(sorted(_package().rglob("*.py")))


@lru_cache(maxsize=1)
def loader_version() -> str:
    """A hash of the code that makes a cached record, found by following the imports of
    RECORD_MAKERS through the package, and of the rule tables: the record cache's version.
    A new module the loader imports is part of it without anyone listing it."""
    return _hash(sorted(_import_closure(RECORD_MAKERS)))


def _package() -> Path:
    return Path(str(resources.files("partyorg_site")))


def _hash(paths: list[Path]) -> str:
    digest = hashlib.sha256(__version__.encode())
    digest.update(datafiles.rules_fingerprint().encode())
    package = _package()
    for path in paths:
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _import_closure(roots: tuple[str, ...]) -> set[Path]:
    """The package's modules reachable from `roots` by import statements (read, not run)."""
    package = _package()
    seen: set[Path] = set()
    pending = [_module_path(package, root) for root in roots]
    while pending:
        path = pending.pop()
        if path is None or path in seen:
            continue
        seen.add(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("partyorg_site"):
                module = node.module.removeprefix("partyorg_site").lstrip(".")
                names = [f"{module}.{alias.name}" if module else alias.name for alias in node.names]
                parents = [".".join(module.split(".")[:n]) for n in range(1, module.count(".") + 1)] if module else []
                pending += [_module_path(package, name) for name in [*parents, module, *names] if name]
            elif isinstance(node, ast.Import):
                pending += [_module_path(package, a.name.removeprefix("partyorg_site.")) for a in node.names
                            if a.name.startswith("partyorg_site.")]
    return seen


def _module_path(package: Path, dotted: str) -> Path | None:
    """The file of a module named relative to the package ("read.layout"), or of a package's
    __init__; None for a name that is not a module (a function imported from one)."""
    base = package.joinpath(*dotted.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def content_key(relative_path: str, data: bytes) -> str:
    return hashlib.sha256(relative_path.encode() + b"\0" + data).hexdigest()


_VERSION_NAME = re.compile(r"[0-9a-f]{16}")  # a loader version's folder; the cache holds others too


class RecordCache:
    """Records (or the problem a file had) by content key, one small JSON file each."""

    def __init__(self, folder: Path | None):
        self.folder = folder / loader_version() if folder else None
        self.hits = 0
        if folder and folder.is_dir():
            for old in folder.iterdir():  # entries of other code versions are dead weight
                if old.is_dir() and _VERSION_NAME.fullmatch(old.name) and old.name != loader_version():
                    shutil.rmtree(old, ignore_errors=True)

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> Record | Problem | None:
        if self.folder is None:
            return None
        try:
            entry = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        self.hits += 1
        if "problem" in entry:
            return Problem(**entry["problem"])
        record = Record.from_dict(entry["record"])
        record.search_words = entry.get("words")
        record.day_month = entry.get("day_month")
        return record

    def put(self, key: str, result: Record | Problem) -> None:
        if self.folder is None:
            return
        if isinstance(result, Problem):
            entry: dict[str, Any] = {"problem": {"file": result.file, "message": result.message,
                                                 "line": result.line, "kind": result.kind}}
        else:
            entry = {"record": result.to_dict(), "words": result.search_words, "day_month": result.day_month}
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename: a build killed mid-write never leaves half an entry.
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(entry, out, ensure_ascii=False)
        os.replace(temporary, path)
