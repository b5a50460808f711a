"""The build cache: an article whose bytes have not changed is never read, cleaned or
extracted again.

Entries are keyed by the file's path and content and live under a folder named for the
code and rule version, so changing the loader or a data file invalidates the whole cache
by itself. The cache never changes the output: a cached entry is the record a clean
build would make (tests/test_incremental.py checks byte-identical sites).
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from partyorg_site import __version__, datafiles
from partyorg_site.errors import Problem
from partyorg_site.models import Record


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the package's code and rule tables: what a cached record depends on."""
    digest = hashlib.sha256(__version__.encode())
    digest.update(datafiles.rules_fingerprint().encode())
    package = resources.files("partyorg_site")
    for path in sorted(Path(str(package)).rglob("*.py")):
        digest.update(path.relative_to(Path(str(package))).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def content_key(relative_path: str, data: bytes) -> str:
    return hashlib.sha256(relative_path.encode() + b"\0" + data).hexdigest()


class RecordCache:
    """Records (or the problem a file had) by content key, one small JSON file each."""

    def __init__(self, folder: Path | None):
        self.folder = folder / code_version() if folder else None
        self.hits = 0
        if folder and folder.is_dir():
            for old in folder.iterdir():  # entries of other code versions are dead weight
                if old.is_dir() and old.name != code_version():
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
