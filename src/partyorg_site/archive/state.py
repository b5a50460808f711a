"""state: what one build leaves for the next, in one SQLite database (`<cache>/state.sqlite`).

A cache and nothing more: deleting it at any time costs one slow build, never a different
site. Every row is keyed so that it can only be right or absent:

- `records`: each article's record (or the problem its file had) by the file's content key
  (its path and bytes), for the loader's version in `meta`: a new loader empties it. A
  fresh checkout, whose file times never match, still skips extraction. Three columns, so
  a build reads only what it uses: `head` (the record without its texts, with what the
  cache keeps beside the contract), `words` (the search words), `record` (the record's own
  JSON: the records file is cut from it, and bodies are read back from it when a page shows
  one).
- `files`: what the last build of each articles folder (`place`) read, name -> signature
  (size, times, inode) and content key, and `places` when that build began: a file whose
  signature has not changed is not even read. Updated by delta: rows of changed files only.
- `pieces`: the records file's compressed runs by the hash of their text, and
  `record_runs`, the last build's runs in order: the identities of their records, their
  pieces, CRCs and lengths, so that a newest article cuts only the first runs again
  (site/records_file).
- `search_docs`, `search_words`, `search_files`: the search index's articles, postings and
  files (with their contents' digests: a file kept is neither read back nor hashed),
  updated by delta where the archive grew at its new end (site/search_delta).
- `page_digests`: each page's digest by the hash of its inputs where the page knows them
  (article, listing and term pages: site/page_memo), so that a build makes only the
  digests of the pages whose inputs changed.
- `templates`: the templates compiled by Jinja2 (its bytecode, which carries the source's
  checksum and the Python version: a stale one is never used), so that a build does not
  compile them again (site/render).

Written in transactions (write-ahead log), so a build killed mid-write leaves the state of
before the write; the records it had committed are right whatever comes after, being keyed
by content. `PARTYORG_FAULT=mid-state` kills a build inside the last of them.

A file that is not a database, a foreign or older one, one cut short or missing a table is
reported in one line and made anew (`Damaged`); one that cannot be written (read-only) is
reported and the build keeps its state in memory. A damage found only later, while reading,
raises sqlite3.DatabaseError, on which the build starts again without the state
(pipeline.build).
"""
from __future__ import annotations

import os
import sqlite3
import sys
import threading
from pathlib import Path
from typing import Iterable, Iterator

from partyorg_site.errors import fault_point

STATE_FILE = "state.sqlite"
APPLICATION_ID = 0x506F7253  # "PorS": `PRAGMA application_id` of a partyorg-site state database
SCHEMA_VERSION = 4  # `PRAGMA user_version`: raised when a table changes (an older file is made anew)
Signature = tuple[int, ...]

SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE records (key TEXT PRIMARY KEY, head BLOB NOT NULL, words TEXT, record BLOB);
CREATE TABLE places (place TEXT PRIMARY KEY, time INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE files (place TEXT NOT NULL, name TEXT NOT NULL, signature TEXT NOT NULL, key TEXT NOT NULL,
                    PRIMARY KEY (place, name)) WITHOUT ROWID;
CREATE INDEX files_key ON files (key);
CREATE TABLE pieces (key TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE search_docs (number INTEGER PRIMARY KEY, identity TEXT NOT NULL, doc TEXT NOT NULL);
CREATE TABLE search_words (word TEXT PRIMARY KEY, last INTEGER NOT NULL, gaps TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE search_files (path TEXT PRIMARY KEY, grp TEXT NOT NULL, content TEXT NOT NULL, digest TEXT NOT NULL);
CREATE INDEX search_files_group ON search_files (grp);
CREATE TABLE templates (key TEXT PRIMARY KEY, code BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE page_digests (path TEXT PRIMARY KEY, inputs TEXT NOT NULL, digest TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE record_runs (number INTEGER PRIMARY KEY, identities TEXT NOT NULL, piece TEXT NOT NULL,
                          crc INTEGER NOT NULL, size INTEGER NOT NULL);
"""
TABLES = {"meta", "records", "places", "files", "pieces", "search_docs", "search_words", "search_files", "templates",
          "record_runs", "page_digests"}


class Damaged(Exception):
    """The file is not a state database this code can use; the message says why."""


class State:
    """One connection to the state database, shared by the build's threads (serve writes its
    site in one of its own) and opened again in a forked render worker (SQLite connections
    must not cross a fork)."""

    def __init__(self, path: Path | None, loader_version: str):
        self.path = path
        self.loader_version = loader_version
        self.lock = threading.RLock()
        self.connection = self._open()
        self.inherited: sqlite3.Connection | None = None  # a forked worker's copy of its parent's
        self.pid = os.getpid()

    # ---- opening ------------------------------------------------------------
    def _open(self) -> sqlite3.Connection:
        if self.path is None:
            return self._fresh(":memory:")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return self._in_memory(f"cannot be made ({exc.strerror})")
        for attempt in range(2):
            try:
                new = not self.path.exists() or not self.path.stat().st_size  # (or one emptied)
                connection = self._connect(self.path)
                if new:
                    self._create(connection)
                self._check(connection)
                self._clear_other_versions(connection)  # a write: a read-only file fails here
                return connection
            except Damaged as exc:
                reason = str(exc)
            except sqlite3.OperationalError as exc:
                if _read_only(exc):
                    return self._in_memory("is read-only")
                reason = str(exc)
            except sqlite3.DatabaseError as exc:
                reason = str(exc)
            if attempt == 0:
                warn(f"{self.path}: {reason}; made anew from the articles")
                if not self._remove():
                    break
        return self._in_memory("cannot be made anew")

    def _in_memory(self, why: str) -> sqlite3.Connection:
        warn(f"{self.path}: {why}; this build keeps its state in memory only")
        self.path = None
        return self._fresh(":memory:")

    def _fresh(self, where: str) -> sqlite3.Connection:
        connection = self._connect(where)
        self._create(connection)
        return connection

    @staticmethod
    def _connect(where: Path | str) -> sqlite3.Connection:
        connection = sqlite3.connect(where, isolation_level=None, timeout=30, check_same_thread=False)
        if where != ":memory:":
            connection.execute("PRAGMA journal_mode = WAL")  # a foreign file fails here
            connection.execute("PRAGMA synchronous = NORMAL")  # a cache: durable enough, and atomic
        return connection

    def _create(self, connection: sqlite3.Connection) -> None:
        with _transaction(connection):
            connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            for statement in SCHEMA.strip().split(";"):
                if statement.strip():
                    connection.execute(statement)
            connection.execute("INSERT INTO meta VALUES ('loader', ?)", (self.loader_version,))

    def _check(self, connection: sqlite3.Connection) -> None:
        """Damaged unless it is a whole state database of this schema."""
        application, = connection.execute("PRAGMA application_id").fetchone()
        version, = connection.execute("PRAGMA user_version").fetchone()
        if application != APPLICATION_ID:
            raise Damaged("not a partyorg-site state database")
        if version != SCHEMA_VERSION:
            raise Damaged(f"state database of schema {version}, this version reads {SCHEMA_VERSION}")
        tables = {name for name, in connection.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")}
        if not TABLES <= tables:
            raise Damaged(f"state database without its table(s) {', '.join(sorted(TABLES - tables))}")
        self._check_length(connection)

    def _check_length(self, connection: sqlite3.Connection) -> None:
        """A file cut short (a disk full, a bad copy) is found before any page is read: with no
        write-ahead log beside it, the file holds every page its header counts."""
        assert self.path is not None
        wal = self.path.with_name(self.path.name + "-wal")
        if wal.exists() and wal.stat().st_size:
            return  # pages may be in the log; a damage is then found when read
        pages, = connection.execute("PRAGMA page_count").fetchone()
        size, = connection.execute("PRAGMA page_size").fetchone()
        if self.path.stat().st_size < pages * size:
            raise Damaged("state database cut short")

    def _clear_other_versions(self, connection: sqlite3.Connection) -> None:
        """Records made by another loader version are dead weight: removed (files stay: a
        file's content key does not depend on the loader)."""
        with _transaction(connection):
            found = connection.execute("SELECT value FROM meta WHERE name = 'loader'").fetchone()
            if not found or found[0] != self.loader_version:
                connection.execute("DELETE FROM records")
            connection.execute("INSERT OR REPLACE INTO meta VALUES ('loader', ?)", (self.loader_version,))

    def _remove(self) -> bool:
        assert self.path is not None
        return self.remove_file(self.path)

    @staticmethod
    def remove_file(path: Path) -> bool:
        """Delete a state database and its log (found damaged): the next State starts empty."""
        try:
            for suffix in ("", "-wal", "-shm"):
                path.with_name(path.name + suffix).unlink(missing_ok=True)
            return True
        except OSError:
            return False

    # ---- use ------------------------------------------------------------------
    def _db(self) -> sqlite3.Connection:
        if self.pid != os.getpid() and self.path is not None:  # a forked worker: a connection of its own
            # The parent's connection is kept, never closed here: closing it in the child
            # could checkpoint and delete the write-ahead log under the parent's feet.
            self.inherited = self.connection
            self.connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self.pid = os.getpid()
        return self.connection

    def own_connection(self) -> None:
        """In a forked process that writes (site/beside): a read-write connection of its own.
        The parent's is kept, never used or closed here (see _db)."""
        if self.pid != os.getpid() and self.path is not None:
            self.inherited = self.connection
            self.connection = self._connect(self.path)
            self.pid = os.getpid()

    def query(self, sql: str, parameters: Iterable = ()) -> list[tuple]:
        with self.lock:
            return self._db().execute(sql, tuple(parameters)).fetchall()

    def one(self, sql: str, parameters: Iterable = ()) -> tuple | None:
        with self.lock:
            return self._db().execute(sql, tuple(parameters)).fetchone()

    def write(self, statements: Iterable[tuple[str, Iterable]], fault: bool = False) -> None:
        """Run the statements in one transaction; `fault`: PARTYORG_FAULT=mid-state may kill the
        build half way through them."""
        statements = list(statements)
        with self.lock, _transaction(self._db()) as connection:
            for number, (sql, rows) in enumerate(statements):
                if fault and number == len(statements) // 2:
                    fault_point("mid-state")
                connection.executemany(sql, rows)

    def close(self) -> None:
        with self.lock:
            try:
                self.connection.close()
            except sqlite3.Error:
                pass


class _transaction:
    """BEGIN ... COMMIT, or ROLLBACK if the block fails."""

    def __init__(self, connection: sqlite3.Connection):
        self.connection = connection

    def __enter__(self) -> sqlite3.Connection:
        self.connection.execute("BEGIN IMMEDIATE")
        return self.connection

    def __exit__(self, kind, value, traceback) -> None:
        if kind is None:
            self.connection.execute("COMMIT")
        elif self.connection.in_transaction:
            self.connection.execute("ROLLBACK")


def _read_only(exc: sqlite3.OperationalError) -> bool:
    text = str(exc)
    return "readonly" in text or "read-only" in text or "unable to open" in text


def warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr, flush=True)


def chunks(items: list, size: int = 900) -> Iterator[list]:
    """Lists short enough for one statement's parameters."""
    for start in range(0, len(items), size):
        yield items[start:start + size]
