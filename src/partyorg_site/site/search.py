"""The offline search index: a compact inverted index the browser loads as JSON.

Words are folded (no tone marks, đ -> d, lower case), so "dang uy" finds "Đảng ủy".
Posting lists are delta-encoded base-36 numbers in one string per word, which keeps
the index near 1 MB per 1,000 articles (measured by benchmarks/extract.py's sibling,
tests/test_site.py prints the figure for the seeds).
"""
from __future__ import annotations

import json
import re
import sys
from collections import defaultdict

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
    # One string object per distinct word across the archive (a million references at 10k
    # articles, not a million strings).
    record.search_words = [sys.intern(word) for word in record.search_words]
    return record.search_words


def build_index(articles: list[Record]) -> str:
    """JSON text: {"docs": [[url, title, date, province, meeting kind]], "words": {word: postings}}."""
    postings: dict[str, list[int]] = defaultdict(list)
    docs = []
    for number, record in enumerate(articles):
        docs.append([urls.article(record.slug), record.title, record.date or "", record.province or "",
                     record.meeting.kind if record.meeting else ""])
        for word in words_of(record):
            postings[word].append(number)
    encoded = {}
    small, limit = _SMALL, len(_SMALL)
    for word in sorted(postings):
        numbers = postings[word]
        gaps = [b - a for a, b in zip([0, *numbers], numbers)]
        encoded[word] = " ".join([small[gap] if gap < limit else _base36(gap) for gap in gaps])
    return json.dumps({"docs": docs, "words": encoded}, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
