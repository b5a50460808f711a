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

import copy
import re
from functools import lru_cache
from typing import Iterable, Iterator

try:
    from ahocorasick_rs import BytesAhoCorasick, Implementation
except ImportError:  # a source tree run without the package's dependencies: same results, slower
    BytesAhoCorasick = None


def shortest_phrases(phrases: Iterable[str]) -> tuple[str, ...]:
    """The phrases no other of them is a part of: a text holds one of all the phrases only
    where it holds one of these, so a substring test for each of these is enough (each test
    is a scan of the whole text)."""
    unique = tuple(dict.fromkeys(phrases))
    return tuple(phrase for phrase in unique if not any(other != phrase and other in phrase for other in unique))


def either_case_initials(phrase: str) -> tuple[str, ...]:
    """`phrase` as `alternation`'s tokens, each word's first letter in either case: "Phó Bí
    thư" matches "phó bí thư", "Phó bí thư" and the six others as one branch of the trie.
    Spelled out, the title heads' 2 to 16 spellings each made a 45,000-character pattern
    that took 65 ms to compile in every process (a third of the loader's start)."""
    tokens: list[str] = []
    for number, word in enumerate(phrase.split()):
        if number:
            tokens.append(" ")
        first, lower, upper = word[0], word[0].lower(), word[0].upper()
        both_cases = len(lower) == len(upper) == 1 and lower != upper and lower.upper() == upper and upper.lower() == lower
        tokens += [lower + upper if both_cases else first, *word[1:]]
    return tuple(tokens)


def alternation(words: Iterable[str | tuple[str, ...]], not_after: str | None = None) -> str:
    """A non-capturing regex matching exactly the given strings (longest first).

    A word is a string, or a tuple of tokens from `either_case_initials`: one character,
    or a letter's lower and upper case (matched as a class, "[pP]").

    `not_after`, a one-character regex such as r"\\w" or "[qQ]": the character just
    before a match must not be one of these. The check is written after each branch's
    first letter, so the pattern still opens with literals and scans fast.
    """
    trie: dict = {}
    classes = False  # (most alternations are of plain strings: no class to split)
    for word in set(words):
        if not word:
            continue
        classes = classes or isinstance(word, tuple)
        node = trie
        for token in word:
            node = node.setdefault(token, {})
        node[""] = {}
    if not trie:
        return "(?!)"
    if classes:
        _split_overlaps(trie)
    if not_after is None:
        return _emit(trie)
    branches = [_guarded(_token(key), not_after) + _emit(child) for key, child in sorted(trie.items())]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _split_overlaps(node: dict) -> None:
    """Where a letter in either case ("pP") stands beside the same letter in one case ("P")
    in a node, the class is split into its two letters and merged with theirs: branches
    must exclude each other, or `re` would take the first that matches, not the longest."""
    for key in [key for key in node if len(key) == 2 and (key[0] in node or key[1] in node)]:
        child = node.pop(key)
        for letter in key:
            node[letter] = _merged(node.get(letter), copy.deepcopy(child))
    for child in node.values():
        _split_overlaps(child)


def _merged(into: dict | None, other: dict) -> dict:
    if into is None:
        return other
    for key, child in other.items():
        into[key] = _merged(into.get(key), child)
    return into


def _token(key: str) -> str:
    """A trie key as regex: a character, or a letter in either case as a class."""
    return f"[{re.escape(key[0])}{re.escape(key[1])}]" if len(key) == 2 else re.escape(key)


def _guarded(token: str, not_after: str) -> str:
    """`token` (a regex for one character), where the character before it is not matched
    by `not_after`."""
    return f"{token}(?<!{not_after}{token})"


def _emit(node: dict) -> str:
    ends_here = "" in node
    branches = [_token(key) + _emit(child) for key, child in sorted(node.items()) if key]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        # Longest match first: try to go on, else stop here.
        return f"(?:{body})?"
    return body


_UNLIKE_RE_CASE = ("\u0131", "\u017f")  # "ı", "ſ": re's IGNORECASE equates them with i and s


@lru_cache(maxsize=8)
def _lowered_utf8(text: str) -> bytes | None:
    """`text` in lower case, as UTF-8, or None where lower-casing would move positions.

    The automata scan bytes: ahocorasick-rs's `str` interface encodes its argument again
    at every call, which cost more than the scan itself (9 µs of 10 for a 3,000-character
    article, scanned a dozen times by the extractors). Remembered: the extractors look
    for their phrases in the same article text."""
    lowered = text.lower()
    if len(lowered) != len(text) or _UNLIKE_RE_CASE[0] in lowered or _UNLIKE_RE_CASE[1] in lowered:
        return None
    try:
        return lowered.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: no bytes to scan
        return None


def _character_offsets(data: bytes, byte_offsets: list[int]) -> list[int]:
    """The positions in characters of ascending byte offsets into UTF-8 `data`, each at the
    start of a character (a phrase opens with a lead byte, so it can match nowhere else).
    Each stretch between two offsets is decoded once, so the cost is one decoding of the
    text up to the last match at most."""
    positions, characters, previous = [], 0, 0
    for offset in byte_offsets:
        characters += len(data[previous:offset].decode("utf-8"))
        previous = offset
        positions.append(characters)
    return positions


class Anchored:
    """A regular expression that can only match where one of a list of phrases begins,
    searched fast: the phrases' starts are found first, then the pattern is tried there.

    Each extractor's pattern opens with a phrase from a data file (a province's spelling,
    a document kind, a title head) and checks the words around it. Tried at every
    character of an article, such a pattern costs 40-200 µs, and the case-insensitive
    ones cannot be sped up by `re` at all. An Aho-Corasick automaton (ahocorasick-rs)
    finds every start of every phrase in one pass over the lower-cased text (its UTF-8
    bytes), in a few microseconds, and the exact pattern is matched only there. (Built as a
    DFA: left to choose, ahocorasick-rs builds an NFA for more than 100 phrases, whose scan
    was three times slower: 97 province spellings scanned 300 articles in 1.9 ms, 102 in 6.2.)

    `finditer`, `search` and `match` return what the pattern's own would, provided the
    pattern never matches the empty string and every match begins with one of the
    phrases, ignoring case. Where lower-casing would move positions (a character whose
    lower case is two) or `re` ignores case differently from `str.lower` ("ı", "ſ"), a
    text that has no UTF-8 form, or ahocorasick-rs is not installed, the pattern simply
    scans the text itself.
    """

    def __init__(self, pattern: re.Pattern[str], phrases: Iterable[str]) -> None:
        self.pattern = pattern
        self._automaton = BytesAhoCorasick(sorted({phrase.lower().encode("utf-8") for phrase in phrases if phrase}),
                                           implementation=Implementation.DFA) \
            if BytesAhoCorasick else None

    def match(self, text: str, position: int = 0) -> re.Match[str] | None:
        return self.pattern.match(text, position)

    def search(self, text: str, position: int = 0) -> re.Match[str] | None:
        return next(self.finditer(text, position), None)

    def finditer(self, text: str, position: int = 0) -> Iterator[re.Match[str]]:
        starts = self.starts(text, position)
        if starts is None:
            yield from self.pattern.finditer(text, position)
            return
        for start in starts:
            if start < position:
                continue  # inside the match before
            found = self.pattern.match(text, start)
            if found is not None:
                yield found
                position = max(found.end(), start + 1)

    def starts(self, text: str, position: int = 0) -> list[int] | None:
        """Where a phrase begins in `text` from `position` on, in order; None where case
        cannot be ignored by lower-casing (see the class)."""
        if self._automaton is None:
            return None
        data = _lowered_utf8(text[position:] if position else text)
        if data is None:
            return None
        found = sorted({start for _, start, _ in self._automaton.find_matches_as_indexes(data, overlapping=True)})
        if found and len(data) != len(text) - position:  # not all ASCII: bytes and characters differ
            found = _character_offsets(data, found)
        return [position + start for start in found] if position else found
