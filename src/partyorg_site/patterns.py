"""Regex alternations built as a trie: "Hà Nội|Hà Nam|Hà Giang" -> "Hà (?:N(?:ội|am)|Giang)".

Python's `re` tries each alternative of "a|b|c" in turn at every position, so a
gazetteer of a few hundred spellings costs that many attempts per character; factoring
common prefixes lets a failed first letter rule out all of them at once.

How a pattern *opens* matters as much: `re` skips ahead to the next possible first
character only when the compiled pattern starts with literals (or a character set).
A pattern that opens with a lookbehind such as `(?<!\\w)` is instead tried at every
character, which made each scan of an article three times slower. So a boundary
before the match is put after each first letter (`not_after`), never in front.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator


def alternation(words: Iterable[str], not_after: str | None = None) -> str:
    """A non-capturing regex matching exactly the given strings (longest first).

    `not_after`, a one-character regex such as r"\\w" or "[qQ]": the character just
    before a match must not be one of these. The check is written after each branch's
    first letter, so the pattern still opens with literals and scans fast.
    """
    trie: dict = {}
    for word in set(words):
        if not word:
            continue
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    if not trie:
        return "(?!)"
    if not_after is None:
        return _emit(trie)
    branches = [_guarded(char, not_after) + _emit(child) for char, child in sorted(trie.items())]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _guarded(char: str, not_after: str) -> str:
    """`char`, where the character before it is not matched by `not_after`."""
    escaped = re.escape(char)
    return f"{escaped}(?<!{not_after}{escaped})"


def _emit(node: dict) -> str:
    ends_here = "" in node
    branches = [re.escape(char) + _emit(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        # Longest match first: try to go on, else stop here.
        return f"(?:{body})?"
    return body


def word_alternation(words: Iterable[str]) -> str:
    """`alternation(words)` matching only where a word begins (no letter or digit before)."""
    return alternation(words, not_after=r"\w")


class Prefiltered:
    """`finditer` for a pattern that cannot scan fast by itself (one that opens with an
    optional part, say), helped by a fast pattern that matches wherever it could start.

    Equivalent to `pattern.finditer(text)` for a pattern that never matches the empty
    string, as long as `starts` matches at every position where `pattern` can match: `starts.search` finds the leftmost such position, and a
    position where `pattern` then fails is left one character at a time, as `re` would.
    """

    def __init__(self, pattern: re.Pattern[str], starts: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.starts = starts

    def match(self, text: str, position: int = 0) -> re.Match[str] | None:
        return self.pattern.match(text, position)

    def search(self, text: str, position: int = 0) -> re.Match[str] | None:
        return next(self.finditer(text, position), None)

    def finditer(self, text: str, position: int = 0) -> Iterator[re.Match[str]]:
        while position <= len(text):
            candidate = self.starts.search(text, position)
            if candidate is None:
                return
            found = self.pattern.match(text, candidate.start())
            if found is None:
                position = candidate.start() + 1
                continue
            yield found
            position = max(found.end(), candidate.start() + 1)
