"""paragraphs: a body that arrives as one line, split back into the page's paragraphs.

An aggregator's export (headline, lead, then the whole body on one line) runs a page's
paragraphs, crossheads and quotes together, and the article page would print it as one
wall of text. The page's breaks left signs in the language, and the split follows them,
the same way for every text (data/layout.yaml):

- a crosshead run into the next sentence without a stop ("Xử lý tham nhũng còn chậm
  Cũng như mọi kỳ họp, ...") is a paragraph of its own, printed as it stands, with no
  closing mark: a short paragraph that ends no sentence is a heading (SCHEMA.md's body
  stays a list of strings; the article page can show such a paragraph as one);
- a sentence that opens as paragraphs open (a new time, "Tại hội nghị,", "Trước đó,",
  `paragraph_openers`) starts a new one once the current one holds a few sentences;
- a quotation opens a paragraph, and the sentence that closes it with its speaker
  ("”, ông A nói.") ends one;
- a list run into one sentence ("Quốc hội đã nghe: - Tờ trình ...; - Báo cáo ...") is
  a paragraph per item, its introduction one of its own;
- a paragraph grown past what a page prints breaks before the next sentence that is not
  tied to it ("Do đó", "Điều này": `paragraph_continuers`), and never after a colon.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from partyorg_site import datafiles
from partyorg_site.patterns import alternation
from partyorg_site.read.sentences import sentences
from partyorg_site.vietnamese import LOWER_CLASS, UPPER_CLASS, count_words

SPLIT_FROM_WORDS = 100  # a paragraph this long or shorter is left whole
OPENER_MIN_WORDS = 40  # the current paragraph's length before an opening starts a new one
QUOTE_MIN_WORDS = 20  # ... before a quotation starts one, or its close ends one
MAX_WORDS = 130  # past this, the next sentence not tied to the one before starts one
CROSSHEAD_MAX_WORDS = 14
NOT_SPACE = r"\S"
CROSSHEAD_REACH = 160  # characters at a sentence's start where a crosshead's next sentence may begin
_QUOTE_OPEN = ("“", "\"", "‘")
# A list's item: a dash or a bullet after a colon or a semicolon, then a capital or a digit.
_LIST_ITEM = re.compile(rf"(?<=[:;])\s+(?=[-–•+]\s+(?:{UPPER_CLASS}|\d))")
LIST_MIN_ITEMS = 2
_QUOTE_ATTRIBUTION_REACH = 70  # characters after the closing quote: ", ông Nguyễn Văn A nhấn mạnh."


@dataclass(frozen=True)
class _Cues:
    opener: re.Pattern[str]
    continuers: tuple[str, ...]
    crosshead: re.Pattern[str]
    crosshead_word: re.Pattern[str]  # a cheap test before `crosshead`: one of its opening words after a space
    quote_close: re.Pattern[str]
    quote_verbs: tuple[str, ...]  # the cheap test before `quote_close`: the sentence ends in one, then a full stop


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    data = datafiles.load("layout")
    openers = "|".join(f"(?:{pattern.replace('{lower}', LOWER_CLASS)})" for pattern in data["paragraph_openers"])
    # the crosshead: a few words with no mark of a sentence or a clause, the last ending in a
    # lower-case letter or a digit, then an opener followed by a lower-case word or a number
    heading = rf"(?P<heading>[^\s.!?:;,\"“”()]+(?:\s+[^\s.!?:;,\"“”()]+){{1,{CROSSHEAD_MAX_WORDS - 1}}}?)"
    quoted = r"(?P<quoted>[“\"][^“”\"]{3,80}[”\"])"  # the crosshead in quotation marks, whole
    crosshead = re.compile(rf"(?:{heading}(?<=[{LOWER_CLASS[1:-1]}0-9])|{quoted})\s+"
                           rf"(?={alternation(data['crosshead_openers'])}[\s,]+(?:{LOWER_CLASS}|\d)"
                           rf"|{alternation(data['crosshead_datelines'])}\s+\d{{1,2}}\s*[/.-]\s*\d)")
    verbs = alternation(data["quote_attribution_verbs"])
    return _Cues(opener=re.compile(openers), continuers=tuple(w + " " for w in data["paragraph_continuers"])
                 + tuple(w + "," for w in data["paragraph_continuers"]),
                 crosshead=crosshead,
                 crosshead_word=re.compile(
                     rf"{alternation(data['crosshead_openers'] + data['crosshead_datelines'], not_after=NOT_SPACE)}[\s,]"),
                 quote_close=re.compile(rf"[”\"’]\s*[,–-]?\s*[^”\"“]{{0,{_QUOTE_ATTRIBUTION_REACH}}}\b(?:{verbs})\s*\.$"),
                 quote_verbs=tuple(data["quote_attribution_verbs"]))


def split_crosshead(sentence: str) -> tuple[str | None, str]:
    """"Xử lý tham nhũng còn chậm Cũng như mọi kỳ họp, ..." -> the crosshead and the sentence."""
    found = _cues().crosshead.match(sentence)
    if not found:
        return None, sentence
    return found["heading"] or found["quoted"], sentence[found.end():]


@dataclass(frozen=True)
class Paragraph:
    text: str
    crosshead: bool = False  # a heading run into the text: a caption or a credit may look the same


def split_paragraphs(text: str) -> list[Paragraph]:
    """One run-on body -> its paragraphs, crossheads apart (see the module's docstring)."""
    if count_words(text, SPLIT_FROM_WORDS + 1) <= SPLIT_FROM_WORDS:
        return [Paragraph(text)]
    cues = _cues()  # (looked up once: the loop below runs for every sentence of an export)
    paragraphs: list[Paragraph] = []
    current: list[str] = []
    length = 0

    def close() -> None:
        nonlocal current, length
        if current:
            paragraphs.append(Paragraph(" ".join(current)))
        current, length = [], 0

    for whole in sentences(text):
        heading, sentence = split_crosshead(whole) if cues.crosshead_word.search(whole, 1, CROSSHEAD_REACH) \
            else (None, whole)
        if heading:
            close()
            paragraphs.append(Paragraph(heading, crosshead=True))
        items = _LIST_ITEM.split(sentence) if ("- " in sentence or "• " in sentence) else [sentence]
        if len(items) > LIST_MIN_ITEMS:  # the introduction and two items at least
            current.append(items[0])
            close()
            paragraphs.extend(Paragraph(item) for item in items[1:])
            continue
        if current and _starts_paragraph(sentence, current[-1], length, cues):
            close()
        current.append(sentence)
        length += sentence.count(" ") + 1  # the words of a single-spaced sentence
        if length >= QUOTE_MIN_WORDS and _closes_quotation(sentence, cues):
            close()  # "“...”, ông A nói.": the quotation's paragraph ends with its speaker
    close()
    return paragraphs


def _closes_quotation(sentence: str, cues: _Cues) -> bool:
    tail = sentence[-_QUOTE_ATTRIBUTION_REACH * 2:]
    if not ("”" in tail or "\"" in tail):
        return False
    # The pattern ends in a verb and a full stop (at the end, or before a final line break);
    # most sentences end otherwise, and are spared its search, which tries every length of
    # what stands between each quotation mark and the verb.
    if not tail.endswith("\n") and not (tail.endswith(".") and tail[:-1].rstrip().endswith(cues.quote_verbs)):
        return False
    return cues.quote_close.search(tail) is not None


def _starts_paragraph(sentence: str, previous: str, length: int, cues: _Cues) -> bool:
    """Whether `sentence` opens a new paragraph after one of `length` words ending in `previous`."""
    if length < QUOTE_MIN_WORDS or (length < OPENER_MIN_WORDS and not sentence.startswith(_QUOTE_OPEN)):
        return False  # (the cheap test first: most sentences follow a short paragraph's start)
    if previous.endswith(":") or sentence.startswith(cues.continuers):
        return False  # a list or a quotation announced; a sentence tied to the one before
    if sentence.startswith(_QUOTE_OPEN):
        return True
    return length >= MAX_WORDS or cues.opener.match(sentence) is not None
