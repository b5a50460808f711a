"""The records file (data/articles.json.gz): every record, bodies included, for researchers.

A JSON array, one record a line, gzip-compressed (38 MB of JSON at 10,000 articles, 389 MB
at 100,000: too much for a browser tab and for GitHub Pages' 1 GB). Compressing it whole
took 1.9 s of every build that changed one article, so it is compressed in pieces that
are kept between builds, the way pigz compresses in parallel:

- The records are cut into runs at content-defined places (after a record whose JSON hash
  ends in PIECE_BITS zero bits; at most MAX_PIECE records), as rsync and restic cut files:
  adding or editing one article changes the one run it falls in, not every run after it.
- Each run is deflated on its own and ended with a full flush, which starts the next piece
  on a byte boundary with no back-references into this one; the pieces, one final empty
  block, and a CRC and length over the whole text make one ordinary single-member gzip
  file that every gzip reader takes.
- A piece is stored under the hash of the text it compresses, so a piece found in the
  store is the piece a clean build would make: the file is byte-identical either way.
- The runs themselves (their records' identities, piece, CRC-32 and length) are kept in
  the state database's `record_runs`. The records newer than the oldest ones both builds
  share (the editor's daily article, or a correction or removal of a recent one) are cut
  into runs, and the shared ones after them until a cut falls where one fell before; every
  run after it is the last build's, its piece reused as it is and its CRC combined into
  the file's (site/crc32), so the old records' 38 MB of JSON are not read again. An old
  article's change cuts the runs from it on, nearly all of them; another code version
  cuts every run again, as a clean build does.
"""
from __future__ import annotations

import hashlib
import json
import os
import zlib
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Iterable

from partyorg_site.archive.cache import code_version, prefetch, stored_json
from partyorg_site.archive.resolve import settled
from partyorg_site.archive.state import State, chunks
from partyorg_site.models import Record
from partyorg_site.site.crc32 import crc32_combine

RECORDS_FILE = "data/articles.json.gz"
LEVEL = 6
PIECE_BITS = 5  # a run ends after about one record in 32 (~120 KB of JSON, ~35 KB deflated)
MAX_PIECE = 256
# gzip member header: magic, deflate, no flags, mtime 0 (the bytes carry no build clock),
# no extra flags, OS "unknown"
_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
_FINAL_BLOCK = b"\x03\x00"  # an empty final fixed-Huffman block: the deflate stream's end
_END = b"\n]\n"  # the JSON array's end: the last line of the last run
_AHEAD = 64  # records whose JSON is fetched at a time while cutting new runs by delta
_IN_FLIGHT = 16  # pieces being deflated at once (each holds its ~120 KB of text until done)


class PieceStore:
    """Deflated runs by the hash of their text: in memory for the life of the process, and
    in the state database's `pieces` table between builds when one is given, with the
    last build's runs (`record_runs`)."""

    def __init__(self, state: State | None):
        self.state = state
        self.memory: dict[str, bytes] = {}
        self.used: set[str] = set()
        self.new: dict[str, bytes] = {}  # made by this build, saved by forget_unused
        self.runs: list[Run] | None = None  # this build's runs, saved by forget_unused
        # Pieces being deflated in threads, by key, in the order they were added: zlib lets
        # go of the interpreter while it deflates, so the next runs' JSON is made meanwhile
        # and a clean build's 290 pieces at 10,000 articles take every core.
        self.deflating: dict[str, Future[bytes]] = {}
        self.pool: ThreadPoolExecutor | None = None

    def add(self, text: bytes) -> str:
        """The key of a run's piece, deflated now (in a thread) if no build has before."""
        key = _key(text)
        self.used.add(key)
        if key not in self.memory and key not in self.deflating and self._stored([key]) is None:
            if self.pool is None:
                self.pool = ThreadPoolExecutor(max_workers=os.cpu_count() or 1)
            self.deflating[key] = self.pool.submit(_deflate, text)
            if len(self.deflating) >= _IN_FLIGHT:
                self._settle(keep=_IN_FLIGHT // 2)
        return key

    def _settle(self, keep: int = 0) -> None:
        """Wait for the oldest pieces being deflated until `keep` are left, and store them."""
        while len(self.deflating) > keep:
            key = next(iter(self.deflating))
            self.memory[key] = self.new[key] = self.deflating.pop(key).result()
        if not self.deflating and self.pool is not None:
            self.pool.shutdown()
            self.pool = None

    def pieces(self, keys: list[str]) -> list[bytes] | None:
        """The pieces of these keys, from memory or the state database (a few hundred a
        query); None if one is in neither."""
        self._settle()
        return self._stored(keys)

    def _stored(self, keys: list[str]) -> list[bytes] | None:
        """pieces(), leaving those being deflated alone."""
        self.used.update(keys)
        missing = [key for key in keys if key not in self.memory]
        if missing and self.state is not None:
            for chunk in chunks(missing):
                marks = ", ".join("?" * len(chunk))
                self.memory.update((key, bytes(data)) for key, data in
                                   self.state.query(f"SELECT key, data FROM pieces WHERE key IN ({marks})", chunk))
        if any(key not in self.memory for key in keys):
            return None
        return [self.memory[key] for key in keys]

    def layout(self) -> list[Run] | None:
        """The runs the last build saved, if this code's version made them."""
        assert self.state is not None
        if self.state.one("SELECT value FROM meta WHERE name = 'record_runs'") != (code_version(),):
            return None
        return [Run(identities.split("\n") if identities else [], piece, crc, size) for identities, piece, crc, size
                in self.state.query("SELECT identities, piece, crc, size FROM record_runs ORDER BY number")]

    def keep_layout(self, runs: list[Run] | None) -> None:
        """This build's runs, saved with its pieces by forget_unused (None: none to save)."""
        self.runs = runs

    def forget_layout(self) -> None:
        if self.state is not None:
            self.state.write([("DELETE FROM meta WHERE name = 'record_runs'", [()])])

    def forget_unused(self) -> None:
        """Save the pieces made by this build and drop those it did not use (an edited
        article's old run): the store holds one archive's pieces, not every archive's that
        ever was. The runs are saved in the same transaction: a run is never saved without
        its piece."""
        self._settle()
        self.memory = {key: piece for key, piece in self.memory.items() if key in self.used}
        if self.state is not None:
            unused = [(key,) for key, in self.state.query("SELECT key FROM pieces") if key not in self.used]
            layout: list[tuple[str, list]] = [("DELETE FROM record_runs", [()]),
                                              ("DELETE FROM meta WHERE name = 'record_runs'", [()])]
            if self.runs is not None:
                layout += [("INSERT INTO record_runs VALUES (?, ?, ?, ?, ?)",
                            [(number, "\n".join(run.identities), run.piece, run.crc, run.size)
                             for number, run in enumerate(self.runs)]),
                           ("INSERT INTO meta VALUES ('record_runs', ?)", [(code_version(),)])]
            self.state.write([("INSERT OR REPLACE INTO pieces VALUES (?, ?)", list(self.new.items())),
                              ("DELETE FROM pieces WHERE key = ?", unused), *layout])
        self.used, self.new, self.runs = set(), {}, None


def record_lines(articles: list[Record]) -> Iterable[bytes]:
    for number, record in enumerate(articles):
        if number % 900 == 0:  # the JSON kept in the state database, a few hundred records' at a time
            prefetch(articles[number:number + 900], "record")
        yield _line(number, record)
    yield _END


def _line(number: int, record: Record) -> bytes:
    # as the cache holds it, where nothing was settled differently since (no JSON made)
    text = stored_json(record) or json.dumps(record.to_dict(), ensure_ascii=False).encode("utf-8")
    return (b",\n" if number else b"[\n") + text


def runs(lines: Iterable[bytes]) -> Iterable[bytes]:
    """The lines joined into runs that end at content-defined places."""
    for run in _cut(lines):
        yield b"".join(run)


def _cut(lines: Iterable[bytes]) -> Iterable[list[bytes]]:
    run: list[bytes] = []
    mask = (1 << PIECE_BITS) - 1
    for line in lines:
        run.append(line)
        if zlib.crc32(line) & mask == 0 or len(run) >= MAX_PIECE:
            yield run
            run = []
    if run:
        yield run


class Run:
    """One run of the records file: its records' identities, its piece's key, the CRC-32
    and length of its text."""

    __slots__ = ("identities", "piece", "crc", "size")

    def __init__(self, identities: list[str], piece: str, crc: int, size: int):
        self.identities, self.piece, self.crc, self.size = identities, piece, crc, size


def records_file(articles: list[Record], store: PieceStore, inputs: dict[str, str] | None = None,
                 identities: list[str | None] | None = None) -> bytes:
    """The gzip file's bytes, from stored pieces where the text has not changed; with the
    articles' content keys (`inputs`) or their identities (`identity`, if the caller has
    them already) and a state database, by delta where the archive grew at its newest end."""
    if identities is None:
        identities = [identity(record, (inputs or {}).get(record.source)) for record in articles]
    kept = _kept_runs(store, identities)
    made = _made_before(articles, identities, kept, store) if kept is not None else \
        list(_made(_cut(record_lines(articles)), identities, store))
    pieces = store.pieces([run.piece for run in made])
    if pieces is None:  # a kept piece no longer stored: every run cut again
        store.forget_layout()
        return records_file(articles, store, identities=identities)
    crc, size = 0, 0
    for run in made:
        crc = crc32_combine(crc, run.crc, run.size)
        size += run.size
    store.keep_layout(made if None not in identities else None)
    return b"".join([_HEADER, *pieces, _FINAL_BLOCK, crc.to_bytes(4, "little"),
                     (size & 0xFFFFFFFF).to_bytes(4, "little")])


def identity(record: Record, key: str | None) -> str | None:
    """What a record is made from, as text: its file's content key (`key`) and what the
    archive settled about it (the code's version aside); None where the key is unknown.
    A record's line in the file, and an article page's context, follow from it."""
    return f"{key} {settled(record)!r}" if key else None


def _kept_runs(store: PieceStore, identities: list[str | None]) -> list[Run] | None:
    """The last build's runs, if this code's version saved them and every record's
    identity is known; else None."""
    if store.state is None or None in identities:
        return None
    return store.layout() or None


def _made_before(articles: list[Record], identities: list[str | None], kept: list[Run],
                 store: PieceStore) -> list[Run]:
    """The runs of the records that differ from the last build's (those newer than the
    oldest records both builds share, in the same order), and of the shared ones until a
    cut falls where the last build cut; then the last build's runs after that cut."""
    old = [identity for run in kept for identity in run.identities]
    shared = 0  # the oldest records both builds have, in the same order
    for before, now in zip(reversed(old), reversed(identities)):
        if before != now:
            break
        shared += 1
    changed, old_changed = len(identities) - shared, len(old) - shared
    # where the last build's runs end, as numbers of records before the cut in this build's
    # numbering -> the next run (only ends inside the shared records, past the old first
    # record, whose line opens the array; the first such end: the array's end may be a run
    # of its own, with no record)
    ends: dict[int, int] = {}
    end = 0
    for index, run in enumerate(kept):
        end += len(run.identities)
        if end > old_changed:
            ends.setdefault(end - old_changed + changed, index + 1)

    def lines() -> Iterable[bytes]:
        for number, record in enumerate(articles):
            if number % _AHEAD == 0:
                prefetch(articles[number:number + _AHEAD], "record")
            yield _line(number, record)
        yield _END

    made: list[Run] = []
    for run in _made(_cut(lines()), identities, store):
        made.append(run)
        taken = sum(len(run.identities) for run in made)  # a few runs at most
        if taken >= max(changed, 1) and taken in ends:
            return made + kept[ends[taken]:]
    return made


def _made(cut: Iterable[list[bytes]], identities: list[str | None], store: PieceStore) -> Iterable[Run]:
    """Each run of lines as a Run, its piece stored."""
    taken = 0
    for lines in cut:
        text = b"".join(lines)
        records = len(lines) - (lines[-1] is _END)
        yield Run([identity or "" for identity in identities[taken:taken + records]], store.add(text),
                  zlib.crc32(text), len(text))
        taken += records


def _deflate(text: bytes) -> bytes:
    """A run's piece: its text deflated on its own, ended on a byte boundary."""
    compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    return compressor.compress(text) + compressor.flush(zlib.Z_FULL_FLUSH)


def _key(text: bytes) -> str:
    return hashlib.blake2b(text, digest_size=16).hexdigest()
