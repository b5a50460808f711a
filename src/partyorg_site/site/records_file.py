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
"""
from __future__ import annotations

import hashlib
import json
import zlib
from typing import Iterable

from partyorg_site.archive.cache import prefetch, stored_json
from partyorg_site.archive.state import State
from partyorg_site.models import Record

RECORDS_FILE = "data/articles.json.gz"
LEVEL = 6
PIECE_BITS = 5  # a run ends after about one record in 32 (~120 KB of JSON, ~35 KB deflated)
MAX_PIECE = 256
# gzip member header: magic, deflate, no flags, mtime 0 (the bytes carry no build clock),
# no extra flags, OS "unknown"
_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
_FINAL_BLOCK = b"\x03\x00"  # an empty final fixed-Huffman block: the deflate stream's end


class PieceStore:
    """Deflated runs by the hash of their text: in memory for the life of the process, and
    in the state database's `pieces` table between builds when one is given."""

    def __init__(self, state: State | None):
        self.state = state
        self.memory: dict[str, bytes] = {}
        self.used: set[str] = set()
        self.new: dict[str, bytes] = {}  # made by this build, saved by forget_unused

    def piece(self, text: bytes) -> bytes:
        key = hashlib.blake2b(text, digest_size=16).hexdigest()
        self.used.add(key)
        found = self.memory.get(key)
        if found is None and self.state is not None:
            row = self.state.one("SELECT data FROM pieces WHERE key = ?", (key,))
            found = None if row is None else bytes(row[0])
        if found is None:
            compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
            found = self.new[key] = compressor.compress(text) + compressor.flush(zlib.Z_FULL_FLUSH)
        self.memory[key] = found
        return found

    def forget_unused(self) -> None:
        """Save the pieces made by this build and drop those it did not use (an edited
        article's old run): the store holds one archive's pieces, not every archive's that
        ever was."""
        self.memory = {key: piece for key, piece in self.memory.items() if key in self.used}
        if self.state is not None:
            unused = [(key,) for key, in self.state.query("SELECT key FROM pieces") if key not in self.used]
            self.state.write([("INSERT OR REPLACE INTO pieces VALUES (?, ?)", list(self.new.items())),
                              ("DELETE FROM pieces WHERE key = ?", unused)])
        self.used, self.new = set(), {}


def record_lines(articles: list[Record]) -> Iterable[bytes]:
    for number, record in enumerate(articles):
        if number % 900 == 0:  # the JSON kept in the state database, a few hundred records' at a time
            prefetch(articles[number:number + 900], "record")
        # as the cache holds it, where nothing was settled differently since (no JSON made)
        text = stored_json(record) or json.dumps(record.to_dict(), ensure_ascii=False).encode("utf-8")
        yield (b",\n" if number else b"[\n") + text
    yield b"\n]\n"


def runs(lines: Iterable[bytes]) -> Iterable[bytes]:
    """The lines joined into runs that end at content-defined places."""
    run: list[bytes] = []
    mask = (1 << PIECE_BITS) - 1
    for line in lines:
        run.append(line)
        if zlib.crc32(line) & mask == 0 or len(run) >= MAX_PIECE:
            yield b"".join(run)
            run = []
    if run:
        yield b"".join(run)


def records_file(articles: list[Record], store: PieceStore) -> bytes:
    """The gzip file's bytes, from stored pieces where the text has not changed."""
    out = [_HEADER]
    crc, size = 0, 0
    for text in runs(record_lines(articles)):
        crc = zlib.crc32(text, crc)
        size += len(text)
        out.append(store.piece(text))
    out += [_FINAL_BLOCK, crc.to_bytes(4, "little"), (size & 0xFFFFFFFF).to_bytes(4, "little")]
    return b"".join(out)
