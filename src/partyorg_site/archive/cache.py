"""The build cache: an article whose bytes have not changed is never read, cleaned or
extracted again.

Entries are keyed by the file's path and content and live under a folder named for the
loader's version (its code and rule tables), so changing the loader or a data file
invalidates the whole cache by itself, and changing a template or the renderer does not. The cache never changes the output: a cached entry is the record a clean
build would make (tests/test_incremental.py checks byte-identical sites).
"""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterator, Sequence

from partyorg_site import __version__, datafiles
from partyorg_site.archive.resolve import settled, unresolved_copy
from partyorg_site.archive.snapshot import Snapshot, write_atomically, write_snapshot
from partyorg_site.errors import Problem
from partyorg_site.models import Record
from partyorg_site.read.files import ArticleFile


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


# "from partyorg_site.x import a, b" (names possibly in parentheses over several lines) and
# "import partyorg_site.x": read with a pattern, not ast.parse, which cost 0.16 s of every
# build's start. A match inside a docstring only makes the version depend on one more file.
_FROM_IMPORT = re.compile(r"^[ \t]*from[ \t]+(partyorg_site(?:\.\w+)*)[ \t]+import[ \t]+(?:\(([^)]*)\)|([^\n#]*))",
                          re.M)
_PLAIN_IMPORT = re.compile(r"^[ \t]*import[ \t]+(partyorg_site\.[\w.]+)", re.M)


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
        source = path.read_text(encoding="utf-8")
        for found in _FROM_IMPORT.finditer(source):
            module = found.group(1).removeprefix("partyorg_site").lstrip(".")
            names = [f"{module}.{name}" if module else name for name in re.findall(r"\w+", found.group(2) or found.group(3))]
            parents = [".".join(module.split(".")[:n]) for n in range(1, module.count(".") + 1)] if module else []
            pending += [_module_path(package, name) for name in [*parents, module, *names] if name]
        for found in _PLAIN_IMPORT.finditer(source):
            pending.append(_module_path(package, found.group(1).removeprefix("partyorg_site.")))
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
    """Records (or the problem a file had) by content key, one small JSON file each, and
    the snapshot of the last build's files (archive/snapshot.py).

    Holding (serve), every record as loaded stays in memory between loads and copies are
    given out for resolve_archive to settle. Streaming texts (build), a record's body and
    captions are let go once loaded and read back from its entry when used (StoredText).
    """

    def __init__(self, folder: Path | None, articles: Path | None = None, hold: bool = False):
        self.folder = folder / loader_version() if folder else None
        self.hits = 0
        self.hold = hold
        self.held: dict[str, Record | Problem] = {}
        self._recent: dict[str, dict[str, list[str]]] = {}  # texts read back lately (StoredText)
        self._as_loaded: dict[str, tuple] = {}  # key -> what resolve_archive may settle, as loaded
        if folder and folder.is_dir():
            for old in folder.iterdir():  # entries of other code versions are dead weight
                if old.is_dir() and _VERSION_NAME.fullmatch(old.name) and old.name != loader_version():
                    shutil.rmtree(old, ignore_errors=True)
        self.snapshot_path: Path | None = None
        if self.folder and articles is not None:
            place = hashlib.sha256(str(articles.resolve()).encode()).hexdigest()[:16]
            self.snapshot_path = self.folder / f"snapshot-{place}.jsonl"
        self.snapshot = Snapshot(self.snapshot_path)

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.json"

    # ---- the snapshot ----------------------------------------------------
    def key_without_reading(self, file: ArticleFile) -> str | None:
        """The content key of a file that has not changed since the snapshot, if it has not."""
        return self.snapshot.vouch(file, lambda key: key in self.snapshot.places or key in self.held)

    def forget(self, names: set[str]) -> None:
        """Files known to have changed (the watcher said so): read them whatever their
        signature says (two saves in one clock tick can leave it the same)."""
        for name in names:
            self.snapshot.known.pop(name, None)

    def write_snapshot(self, files: dict[str, tuple[tuple[int, ...], str]], started: int) -> None:
        """Save what this build read (name -> (signature, key)) if it changed. Holding, the
        snapshot is kept in memory (and written only the first time: writing 56 MB on every
        save would cost more than the rebuild)."""
        if self.snapshot_path is None and not self.hold:
            return
        first = not self.snapshot.known
        if self.snapshot_path is not None and not self.snapshot.unchanged(files) and (first or not self.hold):
            write_snapshot(self.snapshot_path, files, started, self._entry_bytes)
        if self.hold:
            used = {key for _, key in files.values()}
            self.held = {key: result for key, result in self.held.items() if key in used}
            self.snapshot.known = {name: (list(signature), key) for name, (signature, key) in files.items()}
            self.snapshot.time, self.snapshot.unsettled = started, 0

    def release(self) -> None:
        """Let go of the entries once the build is done with them (streamed texts are
        read from them until then)."""
        self.snapshot.close()
        self._recent, self._as_loaded = {}, {}

    # ---- texts read back when used -----------------------------------------
    def stream_texts(self, record: Record, key: str) -> None:
        """Let go of a record's body and captions, to be read back from its entry when a
        page or the records file uses them: the bodies are most of an archive's memory
        (54 MB at 10,000 articles, and each render worker copied what it touched)."""
        record.body = StoredText(self, key, "body")  # type: ignore[assignment]
        record.captions = StoredText(self, key, "captions")  # type: ignore[assignment]
        self._as_loaded[key] = settled(record)

    def record_json(self, record: Record) -> bytes | None:
        """The record's JSON as its entry holds it (the bytes between `{"record": ` and
        `, "words": `, written by the same encoder as json.dumps(record.to_dict(),
        ensure_ascii=False)), if nothing was settled differently since it was loaded; else
        None. The records file is then made without parsing or dumping any record again."""
        body = record.body
        if not isinstance(body, StoredText) or self._as_loaded.get(body.key) != settled(record):
            return None
        entry = self._entry_bytes(body.key)
        start, end = len(b'{"record": '), entry.rfind(b', "words": ')
        if not entry.startswith(b'{"record": ') or end < start:
            return None
        return entry[start:end]

    def _entry_bytes(self, key: str) -> bytes:
        found = self.snapshot.entry(key)
        return found if found is not None else self._path(key).read_bytes()

    def texts(self, key: str) -> dict[str, list[str]]:
        """A record's body and captions from its entry (the few last asked for are kept:
        one page asks several times)."""
        found = self._recent.get(key)
        if found is None:
            record = json.loads(self._entry_bytes(key))["record"]
            found = {"body": record["body"], "captions": record["captions"]}
            self._recent[key] = found
            if len(self._recent) > 4:
                del self._recent[next(iter(self._recent))]
        return found

    # ---- entries ---------------------------------------------------------
    def get(self, key: str) -> Record | Problem | None:
        if key in self.held:
            self.hits += 1
            return _copy(self.held[key])
        if self.folder is None:
            return None
        try:
            entry = json.loads(self._entry_bytes(key))
        except (OSError, ValueError):
            if key in self.snapshot.places:  # a damaged line: the entry's own file
                self.snapshot.drop(key)
                return self.get(key)
            return None
        self.hits += 1
        if "problem" in entry:
            return Problem(**entry["problem"])
        record = Record.from_dict(entry["record"])
        words = entry.get("words")
        # interned as they are read: one string per distinct word, not two million (119 MB
        # at 10,000 articles)
        record.search_words = None if words is None else [sys.intern(word) for word in words.split()]
        record.day_month = entry.get("day_month")
        record.caption_after = entry.get("caption_after")
        _restore_spans(record, entry.get("spans"))
        if self.hold:
            self.held[key] = record
            return _copy(record)
        return record

    def put(self, key: str, result: Record | Problem) -> None:
        if self.hold:
            self.held[key] = _copy(result)  # the caller's object is about to be resolved
        if self.folder is None:
            return
        if isinstance(result, Problem):
            entry: dict[str, Any] = {"problem": {"file": result.file, "message": result.message,
                                                 "line": result.line, "kind": result.kind}}
        else:
            # the search words as one string: a JSON list of 400 strings took most of the
            # time of reading an entry back
            words = None if result.search_words is None else " ".join(result.search_words)
            entry = {"record": result.to_dict(), "words": words, "day_month": result.day_month,
                     "caption_after": result.caption_after,
                     "spans": [[o.spans for o in result.officials], [d.spans for d in result.documents]]}
        write_atomically(self._path(key), json.dumps(entry, ensure_ascii=False).encode("utf-8"))


def stored_json(record: Record) -> bytes | None:
    """A record's JSON from the cache, where its texts are kept there (see record_json)."""
    body = record.body
    return body.cache.record_json(record) if isinstance(body, StoredText) else None


class StoredText(Sequence[str]):
    """A record's body or captions that stay in the cache until used (see stream_texts):
    a sequence of paragraphs like the list it stands for, read back on each use."""

    __slots__ = ("cache", "key", "field")

    def __init__(self, cache: RecordCache, key: str, field: str):
        self.cache, self.key, self.field = cache, key, field

    def _items(self) -> list[str]:
        return self.cache.texts(self.key)[self.field]

    def __getitem__(self, index):  # type: ignore[override]
        return self._items()[index]

    def __len__(self) -> int:
        return len(self._items())

    def __iter__(self) -> Iterator[str]:
        return iter(self._items())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, (list, tuple, StoredText)) and list(self) == list(other)

    def __repr__(self) -> str:
        return repr(self._items())


def _restore_spans(record: Record, spans: list | None) -> None:
    """Where the loader found each official and document in the text (the article page links
    a mention there): kept beside the record, as the contract has no place for them."""
    if not spans or len(spans) != 2:
        return
    for found, items in zip(spans, (record.officials, record.documents)):
        if len(found) == len(items):
            for item, item_spans in zip(items, found):
                item.spans = [(start, end) for start, end in item_spans]


def _copy(result: Record | Problem) -> Record | Problem:
    return unresolved_copy(result) if isinstance(result, Record) else result
