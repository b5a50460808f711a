"""The search index by delta: what the state database keeps of it between builds.

Articles are numbered from the oldest, so an article newer than all the others takes the
next number and every other posting stays as it was. The state database keeps each
article's number and identity (a hash of its file's content key and what the archive
settled about it: everything its postings, result line and filters come from), each word's
encoded postings with its last number, and the index's files (with their digests) by the
group of words they hold (site/search.py: the groups are split into files independently of each other). When
the articles of the last build are this build's first ones, in the same order, only the
new articles' words are added, only the files of the groups they touch are made again,
and the others are read back as they were. Any other change (an article inserted among
older ones, edited or deleted; another code version) numbers every article anew: the whole
index is made and stored, as a clean build makes it (tests/test_incremental.py compares
the two byte for byte).
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
                                       encode, group_of, index_json, numbered_postings, path_key)
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
    files: dict[str, str | StoredFile]
    if kept and stored_version == (version,) and identities[:len(kept)] == kept and None not in identities:
        made = _append(oldest_first[len(kept):], identities[len(kept):], len(kept), state)
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


def _append(new: list[Record], identities: list[str | None], first: int, state: State) -> dict[str, str]:
    """Add articles numbered from `first` (newer than every article kept), in one
    transaction: postings, result lines and the files they change are never out of step.
    The files made again."""
    if not new:
        return {}
    postings = numbered_postings(new, first)
    groups = sorted({group_of(word) for word in postings})
    encoded: dict[str, str] = {}  # every word of the groups touched, as stored
    lasts: dict[str, int] = {}
    for group in groups:
        if len(group) > 1 or group.startswith("_"):
            found = state.query("SELECT word, last, gaps FROM search_words WHERE word >= ? AND word < ?",
                                (group, _after(group)))
        else:  # a one-letter word is a group of its own
            found = state.query("SELECT word, last, gaps FROM search_words WHERE word = ?", (group,))
        for word, last, text in found:
            encoded[word], lasts[word] = text, last
    updated = []
    for word, numbers in postings.items():
        more = encode(numbers, after=lasts[word]) if word in encoded else encode(numbers)
        encoded[word] = f"{encoded[word]} {more}" if word in encoded else more
        updated.append((word, numbers[-1], encoded[word]))
    block = first // DOC_BLOCK * DOC_BLOCK  # the result lines' files from the first new article's block
    docs = [doc_row(record) for record in new]
    lines = [json.loads(doc) for doc, in state.query(
        "SELECT doc FROM search_docs WHERE number >= ? ORDER BY number", (block,))] + docs
    files = [(path, group_of(path_key(path)), content, content_digest(content))
             for path, content in _word_files(encoded).items()]
    files += [(path, "", content, content_digest(content)) for path, content in doc_blocks(lines, block).items()]
    state.write([
        ("INSERT OR REPLACE INTO search_words VALUES (?, ?, ?)", updated),
        ("INSERT INTO search_docs VALUES (?, ?, ?)",
         [(first + offset, identity, _json(doc)) for offset, (identity, doc) in enumerate(zip(identities, docs))]),
        ("DELETE FROM search_files WHERE grp = ?", [(group,) for group in groups]),
        ("DELETE FROM search_files WHERE path = ?", [(path,) for path, _, _, _ in files]),
        ("INSERT INTO search_files VALUES (?, ?, ?, ?)", files)])
    return {path: content for path, _, content, _ in files}


def _word_files(encoded: dict[str, str]) -> dict[str, str]:
    return {f"{WORDS_PREFIX}{key}.json": _json(dict(sorted(words.items()))) for key, words in _shards(encoded).items()}


def _after(group: str) -> str:
    """The least string after every word of the group: "ab" -> "ab~" (words are [a-z0-9]),
    "_tinh" -> "_tinh;" (its words are "_tinh:<value>")."""
    return group + (";" if group.startswith("_") else "~")
