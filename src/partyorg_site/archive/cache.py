"""The build cache: an article whose bytes have not changed is never read, cleaned or
extracted again.

Records are keyed by the file's path and content and kept in the state database
(archive/state.py) for the loader's version (its code and rule tables), so changing the
loader or a data file invalidates them by itself, and changing a template or the renderer
does not. The cache never changes the output: a cached entry is the record a clean
build would make (tests/test_incremental.py checks byte-identical sites).
"""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import sqlite3
import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterator, Sequence

from partyorg_site import __version__, datafiles
from partyorg_site.archive.resolve import settled, unresolved_copy
from partyorg_site.archive.state import STATE_FILE, State, chunks
from partyorg_site.archive.title_order import remember as remember_title_order
from partyorg_site.errors import Problem
from partyorg_site.models import Record
from partyorg_site.read.files import ArticleFile
from partyorg_site.vietnamese import vietnamese_order


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


# What earlier versions kept beside the state database: a folder of entry files per loader
# version (with its snapshot) and the records file's pieces. Removed when met.
_OLD_LAYOUT = re.compile(r"[0-9a-f]{16}|records-file")
SETTLE_NS = 2_000_000_000  # a file modified this close to a build's start is read again by the next


class RecordCache:
    """Records (or the problem a file had) by content key, and what the last build of the
    articles folder read, in the state database (archive/state.py).

    Holding (serve), every record as loaded stays in memory between loads and copies are
    given out for resolve_archive to settle. Otherwise a record's body, captions and search
    words are left in the database and read back when used (StoredText): the bodies are most
    of an archive's memory (54 MB at 10,000 articles, and each render worker copied what it
    touched).
    """

    def __init__(self, folder: Path | None, articles: Path | None = None, hold: bool = False):
        self.folder = folder
        self.hits = 0
        self.hold = hold
        self.held: dict[str, Record | Problem] = {}
        self._recent: dict[str, dict[str, list[str]]] = {}  # texts read back lately (StoredText)
        self._as_loaded: dict[str, tuple] = {}  # key -> what resolve_archive may settle, as loaded
        self._pending: list[tuple[str, bytes, str | None, bytes | None]] = []  # records not yet written
        self._ahead: dict[str, dict[str, Any]] = {}  # column -> key -> value, fetched ahead of use (prefetch)
        if folder and folder.is_dir():
            for old in folder.iterdir():
                if old.is_dir() and _OLD_LAYOUT.fullmatch(old.name):
                    shutil.rmtree(old, ignore_errors=True)
        self.state = State(folder / STATE_FILE, loader_version()) if folder else None
        self.place = hashlib.sha256(str(articles.resolve()).encode()).hexdigest()[:16] if articles else None
        # what the last build of this folder read: name -> (signature, key), and when it began
        self.known: dict[str, tuple[str, str]] = {}
        self.time = 0
        self.unsettled = 0  # files it knew but could not vouch for
        self.vouched: set[str] = set()  # files it vouched for (key_without_reading), since the last snapshot
        if self.state is not None and self.place is not None:
            found = self.state.one("SELECT time FROM places WHERE place = ?", (self.place,))
            if found:
                self.time = found[0]
                self.known = {name: (signature, key) for name, signature, key in
                              self.state.query("SELECT name, signature, key FROM files WHERE place = ?", (self.place,))}

    # ---- what the last build read ------------------------------------------
    def key_without_reading(self, file: ArticleFile) -> str | None:
        """The content key of a file that has not changed since the last build, if it has
        not: same size, times and inode, and modified well before that build began (an edit
        in the same clock tick can keep its time)."""
        known = self.known.get(file.name)
        if known is None or known[0] != _signature(file.signature):
            return None
        if file.signature[1] >= self.time - SETTLE_NS:
            self.unsettled += 1
            return None
        self.vouched.add(file.name)
        return known[1]

    def prefetch_known(self) -> None:
        """Fetch the records of every file the last build read, in one query, ahead of the
        get() of each (ten thousand point queries cost a sixth of a one-article rebuild)."""
        if self.state is not None and self.place is not None and not self.hold:
            self._ahead["head"] = dict(self.state.query(
                "SELECT records.key, head FROM files JOIN records ON records.key = files.key WHERE place = ?",
                (self.place,)))

    def forget(self, names: set[str]) -> None:
        """Files known to have changed (the watcher said so): read them whatever their
        signature says (two saves in one clock tick can leave it the same)."""
        for name in names:
            self.known.pop(name, None)

    def write_snapshot(self, files: dict[str, tuple[tuple[int, ...], str]], started: int) -> None:
        """Save the records extracted and what this build read (name -> (signature, key)),
        by delta: the rows of files added, changed or gone, in one transaction (the one
        PARTYORG_FAULT=mid-state cuts short); then the records no folder uses any more go."""
        now = {}
        for name, (signature, key) in files.items():
            row = self.known.get(name) if name in self.vouched else None  # vouched for: the row known (and checked)
            now[name] = row if row is not None and row[1] == key else (_signature(signature), key)
        changed = [(self.place, name, *value) for name, value in now.items() if self.known.get(name) != value]
        gone = [(self.place, name) for name in self.known if name not in now]
        if self.state is not None and self.place is not None:
            self.state.write([
                *self._pending_rows(),
                ("DELETE FROM files WHERE place = ? AND name = ?", gone),
                ("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)", changed),
                ("INSERT OR REPLACE INTO places VALUES (?, ?)", [(self.place, started)]),
                ("DELETE FROM records WHERE key NOT IN (SELECT key FROM files)", [()] if changed or gone else []),
            ], fault=True)
        else:
            self.flush()
        self.known, self.time, self.unsettled, self.vouched = now, started, 0, set()
        if self.hold:
            used = {key for _, key in files.values()}
            self.held = {key: result for key, result in self.held.items() if key in used}

    def release(self) -> None:
        """Let go of the texts read back (the build is done with them)."""
        self._recent, self._as_loaded, self._ahead = {}, {}, {}

    def close(self) -> None:
        """Write the records not yet written, and close the database."""
        self.release()
        if self.state is not None:
            self.flush()
            self.state.close()

    # ---- texts read back when used -----------------------------------------
    def stream_texts(self, record: Record, key: str) -> None:
        """Let go of a record's body and captions (and search words), to be read back from
        the database when a page, the records file or the search index uses them. (Once:
        a record read back from the database is streamed already, and the loader keeps it so.)"""
        body = record.body
        if isinstance(body, StoredText) and body.key == key and body.cache is self:
            return
        record.body = StoredText(self, key, "body")  # type: ignore[assignment]
        record.captions = StoredText(self, key, "captions")  # type: ignore[assignment]
        if record.search_words is not None:
            record.search_words = StoredText(self, key, "words")  # type: ignore[assignment]
        self._as_loaded[key] = settled(record)

    def record_json(self, record: Record) -> bytes | None:
        """The record's JSON as the database holds it (written by the same encoder as
        json.dumps(record.to_dict(), ensure_ascii=False)), if nothing was settled differently
        since it was loaded; else None. The records file is then made without parsing or
        dumping any record again."""
        body = record.body
        if not isinstance(body, StoredText) or self._as_loaded.get(body.key) != settled(record):
            return None
        found = self._column(body.key, "record")
        return bytes(found) if found is not None else None

    def texts(self, key: str, field: str) -> list[str]:
        """A record's body or captions (the few records last asked for are kept: one page
        asks several times), or its search words, from the database."""
        if field == "words":
            return (self._column(key, "words") or "").split()
        found = self._recent.get(key)
        if found is None:
            record = self._column(key, "record")
            if record is None:
                raise sqlite3.DatabaseError(f"state database: the record {key} is gone")
            found = json.loads(record)
            self._recent[key] = found = {"body": found["body"], "captions": found["captions"]}
            if len(self._recent) > 4:
                del self._recent[next(iter(self._recent))]
        return found[field]

    def materialize(self, record: Record) -> None:
        """Read a record's texts back for good (a caller that keeps records past the build)."""
        if isinstance(record.body, StoredText):
            record.body, record.captions = list(record.body), list(record.captions)
        if isinstance(record.search_words, StoredText):
            record.search_words = [sys.intern(word) for word in record.search_words]

    def _column(self, key: str, column: str) -> Any:
        ahead = self._ahead.get(column)
        if ahead and key in ahead:
            return ahead.pop(key)
        self.flush()
        assert self.state is not None
        found = self.state.one(f"SELECT {column} FROM records WHERE key = ?", (key,))
        return None if found is None else found[0]

    # ---- records -----------------------------------------------------------
    def fetched_ahead(self, key: str) -> bool:
        """Whether get(key) will give the record prefetch_known fetched (without parsing it)."""
        return key in self._ahead.get("head", ())

    def get(self, key: str) -> Record | Problem | None:
        if key in self.held:
            self.hits += 1
            return _copy(self.held[key])
        if self.state is None:
            return None
        found = self._column(key, "head")
        if found is None:
            return None
        entry = json.loads(found)
        self.hits += 1
        if "problem" in entry:
            return Problem(**entry["problem"])
        record = Record.from_dict({**entry["record"], "body": [], "captions": []})
        record.search_words = [] if entry.get("words") else None
        record.day_month = entry.get("day_month")
        record.caption_after = entry.get("caption_after")
        order = entry.get("title_order")
        if order and len(order) == 2:
            remember_title_order(record.title, (order[0], order[1]))
        _restore_spans(record, entry.get("spans"))
        self.stream_texts(record, key)
        if self.hold:
            self.materialize(record)
            self.held[key] = record
            return _copy(record)
        return record

    def put(self, key: str, result: Record | Problem) -> None:
        if self.hold:
            self.held[key] = _copy(result)  # the caller's object is about to be resolved
        if self.state is None:
            return
        if isinstance(result, Problem):
            head = {"problem": {"file": result.file, "message": result.message, "line": result.line,
                                "kind": result.kind}}
            self._pending.append((key, _dumps(head), None, None))
        else:
            contract = result.to_dict()
            record = _dumps(contract)
            del contract["body"], contract["captions"]
            # the search words as one string: a JSON list of 400 strings took most of the
            # time of reading an entry back
            words = None if result.search_words is None else " ".join(result.search_words)
            head = {"record": contract, "words": words is not None, "day_month": result.day_month,
                    "caption_after": result.caption_after, "title_order": list(vietnamese_order(result.title)),
                    "spans": [[o.spans for o in result.officials], [d.spans for d in result.documents]]}
            self._pending.append((key, _dumps(head), words, record))
        if len(self._pending) >= 200:  # in batches: never every record of a clean build in memory
            self.flush()

    def _pending_rows(self) -> list[tuple[str, list]]:
        rows, self._pending = self._pending, []
        return [("INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?)", rows)]

    def flush(self) -> None:
        """Write the records put since the last write (they are written in batches)."""
        if self._pending and self.state is not None:
            self.state.write(self._pending_rows())


def _dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def _signature(signature: tuple[int, ...]) -> str:
    return " ".join(map(str, signature))


def prefetch(records: list[Record], column: str) -> None:
    """Fetch a column (`words`, `record`) of records kept in the database in one query per
    few hundred, ahead of their use by the search index or the records file: a query for
    each record cost a tenth of a one-article rebuild."""
    keys: dict[int, tuple[RecordCache, list[str]]] = {}
    for record in records:
        if isinstance(record.body, StoredText):
            keys.setdefault(id(record.body.cache), (record.body.cache, []))[1].append(record.body.key)
    for cache, wanted in keys.values():
        assert cache.state is not None
        cache.flush()
        ahead = cache._ahead.setdefault(column, {})
        for chunk in chunks(wanted):
            marks = ", ".join("?" * len(chunk))
            ahead.update(cache.state.query(f"SELECT key, {column} FROM records WHERE key IN ({marks})", chunk))


def stored_json(record: Record) -> bytes | None:
    """A record's JSON from the cache, where its texts are kept there (see record_json)."""
    body = record.body
    return body.cache.record_json(record) if isinstance(body, StoredText) else None


class StoredText(Sequence[str]):
    """A record's body, captions or search words that stay in the database until used (see
    stream_texts): a sequence like the list it stands for, read back on each use."""

    __slots__ = ("cache", "key", "field")

    def __init__(self, cache: RecordCache, key: str, field: str):
        self.cache, self.key, self.field = cache, key, field

    def _items(self) -> list[str]:
        return self.cache.texts(self.key, self.field)

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
