"""snapshot: what the last build read, so that an unchanged article file is not even read.

One file per articles folder, in the record cache's folder: a header line with each file's
signature (size, modification and change times, inode: see read.files) and content key,
then one line per cache entry, "key\\tentry JSON". A rebuild of 10,000 articles reads this
one file instead of 20,000 (each article and its entry) and hashes nothing. A file whose
signature changed, or that was modified within SETTLE_NS of the snapshot (an edit in the
same clock tick can keep its time), is read and hashed as before.

The file is read once, line by line, to index where each entry is; an entry is read again
(pread) when it is used. Never held whole or mapped: the entries are 560 MB at 100,000
articles, and a mapping's pages count in the build's memory once touched. The descriptor
stays open, so after a new snapshot has replaced this one it still reads this one.
"""
from __future__ import annotations

import itertools
import json
import os
import tempfile
from pathlib import Path
from typing import Callable, Iterable

from partyorg_site.read.files import ArticleFile

SETTLE_NS = 2_000_000_000
Signature = tuple[int, ...]


class Snapshot:
    def __init__(self, path: Path | None):
        self.path = path
        self.time = 0
        self.known: dict[str, tuple[list[int], str]] = {}  # name -> (signature, key)
        self.places: dict[str, tuple[int, int]] = {}  # key -> (start, end) of its entry's JSON
        self.unsettled = 0  # files it knew but could not vouch for
        self._file: int | None = None
        if path is not None:
            self._read(path)

    def _read(self, path: Path) -> None:
        try:
            self._file = os.open(path, os.O_RDONLY)
            with os.fdopen(os.dup(self._file), "rb") as lines:
                header = lines.readline()
                start = len(header)
                parsed = json.loads(header)
                self.time, files = parsed["time"], parsed["files"]
                for line in lines:  # b"\n" is only ever a line's end in JSON
                    tab = line.index(b"\t")
                    self.places[line[:tab].decode()] = (start + tab + 1, start + len(line.rstrip(b"\n")))
                    start += len(line)
            self.known = {name: (signature, key) for name, (signature, key) in files.items()}
        except (OSError, ValueError, KeyError, TypeError):  # none, or not one we can use
            self.close()
            self.known, self.places = {}, {}

    def vouch(self, file: ArticleFile, has_entry: Callable[[str], bool]) -> str | None:
        """The content key of a file that has not changed since the snapshot, if it has not
        (and its entry can be had)."""
        known = self.known.get(file.name)
        if known is None or list(file.signature) != known[0]:
            return None
        if file.signature[1] >= self.time - SETTLE_NS or not has_entry(known[1]):
            self.unsettled += 1
            return None
        return known[1]

    def entry(self, key: str) -> bytes | None:
        """An entry's JSON as the snapshot holds it, or None."""
        place = self.places.get(key)
        if place is None or self._file is None:
            return None
        return os.pread(self._file, place[1] - place[0], place[0])

    def drop(self, key: str) -> None:
        """Forget a damaged entry: it is read from the entry's own file instead."""
        self.places.pop(key, None)

    def unchanged(self, files: dict[str, tuple[Signature, str]]) -> bool:
        return not self.unsettled and {name: [list(s), k] for name, (s, k) in files.items()} == \
            {name: [s, k] for name, (s, k) in self.known.items()}

    def close(self) -> None:
        self.places = {}
        if self._file is not None:
            os.close(self._file)
            self._file = None


def write_snapshot(path: Path, files: dict[str, tuple[Signature, str]], started: int,
                   entry: Callable[[str], bytes]) -> None:
    """A new snapshot: `files` (name -> (signature, key)) as read by a build that began at
    `started` (so a file edited while it ran is read again next time); `entry(key)` gives
    each entry's JSON, written line by line (never all of them in memory at once)."""
    header = json.dumps({"time": started, "files": {name: [list(signature), key] for name, (signature, key)
                                                    in sorted(files.items())}}).encode() + b"\n"
    keys = sorted({key for _, key in files.values()})
    lines = (key.encode() + b"\t" + entry(key).rstrip(b"\n") + b"\n" for key in keys)
    write_atomically(path, itertools.chain([header], lines))


def write_atomically(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Write then rename: a build killed mid-write never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(handle, "wb") as out:
        out.writelines([data] if isinstance(data, bytes) else data)
    os.replace(temporary, path)
