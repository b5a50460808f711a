"""sentences: where a paragraph's sentences end, and which two paragraphs are one text.

Shared by the layout, caption and byline rules: Vietnamese news closes articles with
"/.", abbreviations such as "TP." do not end sentences (data/layout.yaml), and a page may
print one paragraph twice.
"""
from __future__ import annotations

import re
from functools import lru_cache

from partyorg_site import datafiles
from partyorg_site.vietnamese import UPPER_CLASS, fold

SENTENCE_END = (".", "!", "?", "…", ":", ";", "\"", "”", "’", ")", "/.", "./.")


def ends_sentence(text: str) -> bool:
    """The paragraph ends with a sentence's end (or a quotation, a bracket, "/.")."""
    return text.rstrip().endswith(SENTENCE_END)


@lru_cache(maxsize=1)
def _no_break_after() -> frozenset[str]:
    """Abbreviations after whose full stop a sentence goes on ("TP.", "ThS.")."""
    return frozenset(datafiles.load("layout")["no_sentence_break_after"])


_INITIAL = re.compile(UPPER_CLASS)
ABBREVIATION_REACH = 12  # characters before a full stop where its word is looked for
# A sentence's closing mark, then the space before the next. (The mark is matched, not
# looked behind for: a pattern that opens with a lookbehind is tried at every character,
# 80 µs for an export's run-on body; see patterns.py.)
# (The mark and its quote are a group: where the sentence ends, without stripping the space.)
_SENTENCE_BREAK = re.compile(rf"([.!?…][\"”’]?)\s+(?={UPPER_CLASS}|[\"“‘(])")


def ends_with_abbreviation(text: str) -> bool:
    """The text's last word is an abbreviation ("TP.", "GS.TS.") or an initial ("H."), whose
    full stop ends no sentence."""
    words = text.rsplit(None, 1)  # (the last word only: a run-on export's sentence may be long)
    last = words[-1].rstrip(".") if words else ""
    known = _no_break_after()
    # (degrees joined by dots, "GS.TS.", "PGS.TS.": each of them one; not "TP.HCM.", a place)
    return last in known or _INITIAL.fullmatch(last) is not None or ("." in last and all(
        part in known for part in last.split(".")))


@lru_cache(maxsize=1)
def _abbreviation_last_characters() -> frozenset[str]:
    """The characters an abbreviation of data/layout.yaml may end with, and the full stop
    (which ends_with_abbreviation strips)."""
    return frozenset(word[-1] for word in _no_break_after() if word) | {"."}


def _may_end_abbreviation(text: str, mark: int) -> bool:
    """Whether the full stop at `mark` may close an abbreviation or an initial: the cheap
    test before ends_with_abbreviation. Most full stops follow a lower-case letter that no
    abbreviation ends with, and reading the word before each cost half the split. (A
    capital may be an initial, and a full stop may follow another: those are read.)"""
    before = text[mark - 1] if mark else ""
    return before in _abbreviation_last_characters() or before.isupper()


def sentences(text: str) -> list[str]:
    """Split at sentence ends, not after abbreviations such as "TP."."""
    return list(_sentences(text))


@lru_cache(maxsize=8)
def _sentences(text: str) -> tuple[str, ...]:
    """(Remembered for the last few texts: an export's run-on body goes through the caption
    rules, the top caption's and the paragraphs' one after another, mostly unchanged, and
    splitting it is the larger part of each.)"""
    pieces, start = [], 0
    may_end = _abbreviation_last_characters()
    for match in _SENTENCE_BREAK.finditer(text):
        mark = match.start()
        # the word before the mark, read in place (slicing the whole sentence for it cost
        # as much as the split): "TP." and "H." end no sentence (_may_end_abbreviation, inline:
        # this loop runs for every sentence of every text split)
        if text[mark] == "." and mark and ((before := text[mark - 1]) in may_end or before.isupper()) \
                and ends_with_abbreviation(text[max(start, mark - ABBREVIATION_REACH):mark + 1]):
            continue
        pieces.append(text[start:match.end(1)].strip())  # after the closing mark and its quote ('."')
        start = match.end()
    pieces.append(text[start:].strip())
    return tuple(p for p in pieces if p)


def sentence_opening(text: str, at: int) -> int:
    """Where the sentence holding text[at] opens, cheaply: after the last ". " or line break
    before it (no abbreviation is weighed, as `sentence_spans` weighs them)."""
    stop = text.rfind(". ", 0, at)
    return max(stop + 2 if stop != -1 else 0, text.rfind("\n", 0, at) + 1)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Where each sentence of `text` begins and ends, as `sentences` splits them: for an
    extractor whose facts keep their offsets in the text."""
    spans, start = [], 0
    for match in _SENTENCE_BREAK.finditer(text):
        end = match.start() + 1
        if text[match.start()] == "." and _may_end_abbreviation(text, match.start()) \
                and ends_with_abbreviation(text[start:end]):
            continue
        spans.append((start, end))
        start = match.end()
    spans.append((start, len(text)))
    return spans


_END_MARK = re.compile(r"/\.\s*$")


def has_end_mark(text: str) -> bool:
    """Whether a paragraph closes with the article's end mark ("./.", "/.")."""
    return text.rstrip().endswith("/.")  # (what _END_MARK finds, without scanning the paragraph)


def without_end_marks(text: str, signed: bool = False) -> str:
    """"/." closes an article in Vietnamese newspapers ("./.", "…/."); a trailing "…" marks
    a truncated excerpt. Neither is part of the text; a sentence's own full stop is.
    (Only the end is looked at: an export's last paragraph is its whole body.) A text whose
    author signed after it (`signed`: "... còn nhiều việc phải làm... Minh Anh") was not cut
    short: its "…" is the author's own, and stays."""
    text = _END_MARK.sub("", text)
    stripped = text.rstrip()
    for truncation in () if signed else ("…", "..."):
        if stripped.endswith(truncation):
            return stripped[:-len(truncation)].rstrip()
    return text


def paragraph_key(text: str) -> str:
    """Two paragraphs with one key are the same text printed twice."""
    return fold(text).strip(" .")


def same_paragraph(text: str, other: str) -> bool:
    """The same text printed twice (lengths compared first: folding a whole export's
    body to compare it with a headline would cost more than the rest of the layout)."""
    return abs(len(text) - len(other)) <= 2 and paragraph_key(text) == paragraph_key(other)
