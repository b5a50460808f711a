"""The offline search index: an inverted index the browser loads in pieces, as JSON.

Words are folded (no tone marks, đ -> d, lower case), so "dang uy" finds "Đảng ủy".
Posting lists are delta-encoded base-36 numbers in one string per word. The index is
split so that a query downloads only what it needs, however large the archive
(data/search/, read by static/search.js):
  index.json     the number of articles, the block size, the shard keys
  w-<key>.json   the words that begin with <key> (2 letters, 3 where 2 would make a shard
                 larger than SHARD_BYTES, and so on), with their postings
  w-_<facet>.json the search page's filters as postings: "_tinh:Nghệ An", "_nam:2019",
                 "_loai:giao ban", "_nhan-su:có" (reports a personnel decision), "_nhan-su:bổ nhiệm"
                 (one of a kind) (a filter is one more word to intersect)
  d-<n>.json     articles n*DOC_BLOCK ... as [url, title, date, province, meeting kind]

Articles are numbered from the oldest, so that a new article takes the next number: a
rebuild changes the last block of result lines and the shards of the new article's words,
not every file (the page shows the highest numbers, the newest, first).
"""
from __future__ import annotations

import json
import re
import sys
from collections import defaultdict

from partyorg_site.archive.cache import prefetch
from partyorg_site.site import urls
from partyorg_site.models import Record
from partyorg_site.vietnamese import fold

_WORD = re.compile(r"[a-z0-9]+")
MAX_WORDS_PER_ARTICLE = 4000


_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def _base36(number: int) -> str:
    out = ""
    while True:
        number, rest = divmod(number, 36)
        out = _DIGITS[rest] + out
        if not number:
            return out


# Gaps between an article's number and the previous one in a word's postings are mostly
# small: the common ones are looked up (millions of them at 10,000 articles).
_SMALL = [_base36(number) for number in range(36 ** 2)]


def searchable_text(record: Record) -> str:
    parts = [record.title, record.outlet or "", " ".join(record.provinces),
             " ".join(o.name + " " + " ".join(o.titles) for o in record.officials),
             " ".join(d.text for d in record.documents),
             record.meeting.title if record.meeting else "", *record.body, *record.captions]
    return " ".join(parts)


def words_of(record: Record) -> list[str]:
    """The folded words an article is found by (computed once, then cached with it)."""
    if record.search_words is None:
        record.search_words = sorted(set(_WORD.findall(fold(searchable_text(record)))))[:MAX_WORDS_PER_ARTICLE]
        share_words(record)
    return record.search_words


def share_words(record: Record) -> None:
    """One string object per distinct word across the archive (two million references at
    10,000 articles, 50,000 strings): for a record whose words came from elsewhere (a
    worker process). The cache does the same as it reads them."""
    if record.search_words is not None:
        record.search_words = [sys.intern(word) for word in record.search_words]


SHARD_BYTES = 150_000  # a word shard larger than this is split by the next letter
DOC_BLOCK = 100  # articles per block of result lines: 50 results fetch at most 50 small files
FACETS = ("tinh", "nam", "loai")
PERSONNEL_FACET = "nhan-su"
ANY_DECISION = "có"  # the personnel filter's value for an article with any decision


def facets_of(record: Record) -> list[str]:
    """The filters an article answers to, as index words (they cannot collide with words,
    which are [a-z0-9]+)."""
    values = (record.province, record.date[:4] if record.date else None, record.meeting.kind if record.meeting else None)
    found = [f"_{facet}:{value}" for facet, value in zip(FACETS, values) if value]
    if record.appointments:
        actions = dict.fromkeys(a.action for a in record.appointments)
        found += [f"_{PERSONNEL_FACET}:{value}" for value in (ANY_DECISION, *actions)]
    return found


def build_index(articles: list[Record]) -> dict[str, str]:
    """The index's files: site-relative path -> JSON text."""
    oldest_first = articles[::-1]
    postings = numbered_postings(oldest_first, 0)
    encoded = {word: encode(numbers) for word, numbers in postings.items()}
    docs = [doc_row(record) for record in oldest_first]
    files = {f"data/search/w-{key}.json": _json(dict(sorted(words.items()))) for key, words in _shards(encoded).items()}
    files.update(doc_blocks(docs, 0))
    files[INDEX_FILE] = index_json(len(docs), [path_key(path) for path in files if path.startswith(WORDS_PREFIX)])
    return dict(sorted(files.items()))


INDEX_FILE = "data/search/index.json"
WORDS_PREFIX = "data/search/w-"


def doc_row(record: Record) -> list[str]:
    """What a result line shows of an article."""
    return [urls.article(record.slug), record.title, record.date or "", record.province or "",
            record.meeting.kind if record.meeting else ""]


def numbered_postings(oldest_first: list[Record], first: int) -> dict[str, list[int]]:
    """Each word's (and filter's) articles, numbered from `first` in the order given."""
    postings: dict[str, list[int]] = defaultdict(list)
    for offset, record in enumerate(oldest_first):
        if offset % 900 == 0:  # the words kept in the state database, a few hundred articles' at a time
            prefetch(oldest_first[offset:offset + 900], "words")
        number = first + offset
        for word in words_of(record):
            postings[word].append(number)
        for facet in facets_of(record):
            postings[facet].append(number)
    return postings


def encode(numbers: list[int], after: int = 0) -> str:
    """A posting list as base-36 gaps; `after`: the number before the first (a list's end,
    where numbers are appended to it)."""
    small, limit = _SMALL, len(_SMALL)
    gaps = [b - a for a, b in zip([after, *numbers], numbers)]
    return " ".join([small[gap] if gap < limit else _base36(gap) for gap in gaps])


def doc_blocks(docs: list[list[str]], first: int) -> dict[str, str]:
    """The result-line files of `docs`, numbered from `first` (a multiple of DOC_BLOCK)."""
    return {doc_block_path((first + start) // DOC_BLOCK): _json(docs[start:start + DOC_BLOCK])
            for start in range(0, len(docs), DOC_BLOCK)}


def doc_block_path(number: int) -> str:
    return f"data/search/d-{number}.json"


def index_json(docs: int, shard_keys: list[str]) -> str:
    return _json({"docs": docs, "block": DOC_BLOCK, "shards": sorted(shard_keys)})


def path_key(path: str) -> str:
    """"data/search/w-ab.json" -> "ab"."""
    return path[len(WORDS_PREFIX):-len(".json")]


def group_of(word: str) -> str:
    """The words' group that _shards splits on its own: a filter's family, or the first two letters."""
    return word.split(":", 1)[0] if word.startswith("_") else word[:2]


def _shards(encoded: dict[str, str]) -> dict[str, dict[str, str]]:
    """Words grouped by their first letters: two, or more where a group would be too large.
    A facet family ("_tinh") is one shard; a word shorter than the key length is its own key."""
    out: dict[str, dict[str, str]] = {}
    pending: list[tuple[int, dict[str, str]]] = [(2, {w: p for w, p in encoded.items() if not w.startswith("_")})]
    for word, posting in encoded.items():
        if word.startswith("_"):
            out.setdefault(word.split(":", 1)[0], {})[word] = posting
    while pending:
        length, words = pending.pop()
        groups: dict[str, dict[str, str]] = defaultdict(dict)
        for word, posting in words.items():
            groups[word[:length]][word] = posting
        for key, group in groups.items():
            size = sum(len(w) + len(p) + 6 for w, p in group.items())
            longer = {w: p for w, p in group.items() if len(w) > length}
            if size > SHARD_BYTES and longer and length < 8:
                out[key] = {w: p for w, p in group.items() if len(w) <= length}
                pending.append((length + 1, longer))
            else:
                out[key] = group
    return {key: words for key, words in out.items() if words}


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
