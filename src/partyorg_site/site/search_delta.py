"""The search index by delta: what the state database keeps of it between builds.

Articles are numbered from the oldest, so an article newer than all the others takes the
next number and every other posting stays as it was. The state database keeps each
article's number and identity (a hash of its file's content key and what the archive
settled about it: everything its postings, result line and filters come from), each word's
encoded postings with its last number, and the index's files (with their digests) by the
group of words they hold (site/search.py: the groups are split into files independently of
each other). A build keeps the numbers of the articles that still begin the archive in the
same order: the postings from the first article that differs on (an edit or removal of a
recent article, the editor's usual correction) are cut off, the articles from there on are
numbered again, and only the files of the groups of words they touch are made again; the
others are read back as they were. When that would renumber half the archive or more (an
article inserted among old ones, an old one edited; another code version), the whole index
is made and stored, as a clean build makes it (tests/test_incremental.py compares the two
byte for byte).
"""
from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
from typing import Callable

from partyorg_site.archive.state import State
from partyorg_site.models import Record
from partyorg_site.site.search import (DOC_BLOCK, INDEX_FILE, WORDS_PREFIX, _json, _shards, doc_blocks, doc_row,
                                       doc_block_path, encode, group_of, index_json, numbered_postings, path_key)
from partyorg_site.site.write import StoredFile, content_digest


def search_files(articles: list[Record], identity_of: Callable[[Record], str | None], state: State,
                 version: str) -> dict[str, str | StoredFile]:
    """The index's files (as search.build_index makes them), updated in `state` by delta
    where the archive only grew at its new end: the files made again as text, the others
    as StoredFile (their digest; their text is read only if the output lacks it).
    `identity_of`: what a record is made from (records_file.identity: its file's content key
    and what the archive settled, from which its words, result line and filters follow);
    `version`: the code's (another version makes the index anew)."""
    oldest_first = articles[::-1]
    identities = [_identity(identity_of(record)) for record in oldest_first]
    kept = [identity for identity, in state.query("SELECT identity FROM search_docs ORDER BY number")]
    stored_version = state.one("SELECT value FROM meta WHERE name = 'search'")
    common = _common_start(kept, identities)
    files: dict[str, str | StoredFile]
    if kept and stored_version == (version,) and None not in identities and common * 2 > len(kept):
        made = _renumber_from(common, oldest_first[common:], identities[common:], len(kept), state)
        files = {path: StoredFile(digest, functools.partial(_content, state, path))
                 for path, digest in state.query("SELECT path, digest FROM search_files")}
        files.update(made)
    else:
        files = dict(_rebuild(oldest_first, identities, state, version))
    files[INDEX_FILE] = index_json(len(identities), [path_key(p) for p in files if p.startswith(WORDS_PREFIX)])
    return dict(sorted(files.items()))


def _identity(identity_text: str | None) -> str | None:
    if identity_text is None:
        return None
    return hashlib.blake2b(identity_text.encode("utf-8"), digest_size=16).hexdigest()


def _content(state: State, path: str) -> str:
    found = state.one("SELECT content FROM search_files WHERE path = ?", (path,))
    if found is None:
        raise sqlite3.DatabaseError(f"state database: the search file {path} is gone")
    return found[0]


def _rebuild(oldest_first: list[Record], identities: list[str | None], state: State,
             version: str) -> dict[str, str]:
    """The whole index made anew and stored; its files."""
    postings = numbered_postings(oldest_first, 0)
    encoded = {word: encode(numbers) for word, numbers in postings.items()}
    docs = [doc_row(record) for record in oldest_first]
    files = [(path, group_of(path_key(path)), content, content_digest(content))
             for path, content in _word_files(encoded).items()]
    files += [(path, "", content, content_digest(content)) for path, content in doc_blocks(docs, 0).items()]
    state.write([
        ("DELETE FROM search_docs", [()]), ("DELETE FROM search_words", [()]), ("DELETE FROM search_files", [()]),
        ("INSERT INTO search_docs VALUES (?, ?, ?)",
         [(number, identity or "", _json(doc)) for number, (identity, doc) in enumerate(zip(identities, docs))]),
        ("INSERT INTO search_words VALUES (?, ?, ?)",
         [(word, postings[word][-1], text) for word, text in encoded.items()]),
        ("INSERT INTO search_files VALUES (?, ?, ?, ?)", files),
        ("INSERT OR REPLACE INTO meta VALUES ('search', ?)", [(version,)]),
    ])
    return {path: content for path, _, content, _ in files}


def _common_start(kept: list[str], identities: list[str | None]) -> int:
    """How many articles begin both lists, in the same order."""
    common = 0
    for old, new in zip(kept, identities):
        if old != new:
            break
        common += 1
    return common


def _renumber_from(first: int, new: list[Record], identities: list[str | None], stored: int,
                   state: State) -> dict[str, str]:
    """Cut the postings and result lines of the articles numbered `first` and after (of the
    `stored` the database holds), then add `new`, numbered from `first`, in one transaction:
    postings, result lines and the files they change are never out of step. The files made
    again."""
    if first == stored and not new:
        return {}
    cut = {word: _cut(gaps, last, first) for word, last, gaps in
           state.query("SELECT word, last, gaps FROM search_words WHERE last >= ?", (first,))}
    postings = numbered_postings(new, first)
    groups = sorted({group_of(word) for word in postings} | {group_of(word) for word in cut})
    encoded: dict[str, str] = {}  # every word of the groups touched, as it will be stored
    lasts: dict[str, int] = {}
    for group in groups:
        if len(group) > 1 or group.startswith("_"):
            found = state.query("SELECT word, last, gaps FROM search_words WHERE word >= ? AND word < ?",
                                (group, _after(group)))
        else:  # a one-letter word is a group of its own
            found = state.query("SELECT word, last, gaps FROM search_words WHERE word = ?", (group,))
        for word, last, text in found:
            if word in cut:
                text, last = cut[word]
            if text:
                encoded[word], lasts[word] = text, last
    for word, numbers in postings.items():
        more = encode(numbers, after=lasts[word]) if word in encoded else encode(numbers)
        encoded[word] = f"{encoded[word]} {more}" if word in encoded else more
        lasts[word] = numbers[-1]
    updated = [(word, lasts[word], encoded[word]) for word in sorted(set(postings) | set(cut)) if word in encoded]
    emptied = [(word,) for word in cut if word not in encoded]
    block = first // DOC_BLOCK * DOC_BLOCK  # the result lines' files from the first renumbered article's block
    docs = [doc_row(record) for record in new]
    lines = [json.loads(doc) for doc, in state.query(
        "SELECT doc FROM search_docs WHERE number >= ? AND number < ? ORDER BY number", (block, first))] + docs
    files = [(path, group_of(path_key(path)), content, content_digest(content))
             for path, content in _word_files(encoded).items()]
    files += [(path, "", content, content_digest(content)) for path, content in doc_blocks(lines, block).items()]
    stale_blocks = [doc_block_path(number) for number in range(block // DOC_BLOCK, -(-stored // DOC_BLOCK))]
    state.write([
        ("DELETE FROM search_words WHERE word = ?", emptied),
        ("INSERT OR REPLACE INTO search_words VALUES (?, ?, ?)", updated),
        ("DELETE FROM search_docs WHERE number >= ?", [(first,)]),
        ("INSERT INTO search_docs VALUES (?, ?, ?)",
         [(first + offset, identity, _json(doc)) for offset, (identity, doc) in enumerate(zip(identities, docs))]),
        ("DELETE FROM search_files WHERE grp = ?", [(group,) for group in groups]),
        ("DELETE FROM search_files WHERE path = ?", [(path,) for path in [*stale_blocks, *(path for path, _, _, _ in files)]]),
        ("INSERT INTO search_files VALUES (?, ?, ?, ?)", files)])
    return {path: content for path, _, content, _ in files}


def _cut(gaps: str, last: int, first: int) -> tuple[str, int]:
    """A word's encoded postings without its numbers from `first` on (`last`: its last
    number, at least `first`): read back from the end, since the cut is near it. The
    postings kept ("" if none) and their last number."""
    tokens = gaps.split(" ")
    number = last
    for kept in range(len(tokens), 0, -1):
        if number < first:
            return " ".join(tokens[:kept]), number
        number -= int(tokens[kept - 1], 36)
    return "", -1


def _word_files(encoded: dict[str, str]) -> dict[str, str]:
    return {f"{WORDS_PREFIX}{key}.json": _json(dict(sorted(words.items()))) for key, words in _shards(encoded).items()}


def _after(group: str) -> str:
    """The least string after every word of the group: "ab" -> "ab~" (words are [a-z0-9]),
    "_tinh" -> "_tinh;" (its words are "_tinh:<value>")."""
    return group + (";" if group.startswith("_") else "~")
