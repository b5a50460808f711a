"""Regex alternations built as a trie: "Hà Nội|Hà Nam|Hà Giang" -> "Hà (?:N(?:ội|am)|Giang)".

Python's `re` tries each alternative of "a|b|c" in turn at every position, so a
gazetteer of a few hundred spellings costs that many attempts per character; factoring
common prefixes lets a failed first letter rule out all of them at once.
"""
from __future__ import annotations

import re
from typing import Iterable


def alternation(words: Iterable[str]) -> str:
    """A non-capturing regex matching exactly the given strings (longest first)."""
    trie: dict = {}
    for word in set(words):
        if not word:
            continue
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _emit(trie) if trie else "(?!)"


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
