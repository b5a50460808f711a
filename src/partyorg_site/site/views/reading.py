"""An article's text as the page prints it: paragraphs, the crossheads among them, and each
caption where it stood in the file (printed beside the paragraph it came before).

The record keeps crossheads as short body paragraphs ("Nhiều cách làm sáng tạo"), as the
page printed them; whether one heads a section is a question of how it looks, asked here,
where the page is made, not by the loader."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Sequence

Span = tuple[int, int]

from partyorg_site.read.sentences import ends_sentence
from partyorg_site.vietnamese import count_words

CROSSHEAD_MAX_WORDS = 14  # a crosshead is a phrase, not a sentence
CROSSHEAD_ENDS = (",", "-", "–", "—")  # a paragraph ending so runs on: not a heading


@dataclass(frozen=True)
class Block:
    kind: str  # "paragraph", "crosshead" or "caption"
    text: str
    paragraph: int = -1  # a paragraph's or crosshead's index in the body


def is_crosshead(paragraph: str, following: str | None) -> bool:
    """A short line that heads the paragraphs after it: a phrase of at most
    CROSSHEAD_MAX_WORDS words, opening with a capital, without a sentence's end or a
    trailing comma or colon, and followed by a longer paragraph."""
    text = paragraph.strip()
    if not text or following is None or not text[0].isupper():
        return False
    if ends_sentence(text) or text.endswith(CROSSHEAD_ENDS):
        return False
    words = count_words(text, CROSSHEAD_MAX_WORDS)
    return words <= CROSSHEAD_MAX_WORDS and count_words(following, words) > words


def blocks(body: Sequence[str], captions: Sequence[str], caption_after: Sequence[int] | None) -> list[Block]:
    """The body's paragraphs in order, crossheads marked (never the lead, the first
    paragraph), with each caption placed before the paragraph that followed it in the file.
    Captions whose place is not known (`caption_after` None) are not placed: the page lists
    them apart."""
    placed: dict[int, list[str]] = {}
    if caption_after is not None:
        for caption, before in zip(captions, caption_after):
            placed.setdefault(before, []).append(caption)
    out: list[Block] = []
    for index, paragraph in enumerate(body):
        out += [Block("caption", caption) for caption in placed.get(index, [])]
        following = body[index + 1] if index + 1 < len(body) else None
        out.append(Block("crosshead" if index > 0 and is_crosshead(paragraph, following) else "paragraph", paragraph,
                         index))
    out += [Block("caption", caption) for caption in placed.get(len(body), [])]
    return out


def spans_by_paragraph(body: Sequence[str], captions: Sequence[str], caption_after: Sequence[int] | None,
                       found: list[tuple[list[Span], str]]) -> dict[int, list[tuple[int, int, str]]]:
    """Where the loader found each mention, per body paragraph: `found` pairs a mention's
    spans in the loader's text (body paragraphs and captions in reading order, joined by
    blank lines) with its link; the result gives (start, end, link) within each paragraph.
    Empty where the captions' places are not known (the text cannot be laid out again)."""
    if caption_after is None or len(caption_after) != len(captions):
        return {}
    before: dict[int, int] = {}  # characters of the captions before each paragraph
    for caption, index in zip(captions, caption_after):
        before[index] = before.get(index, 0) + len(caption) + 2
    starts, position = [], 0
    for index, paragraph in enumerate(body):
        position += before.get(index, 0)
        starts.append(position)
        position += len(paragraph) + 2
    placed: dict[int, list[tuple[int, int, str]]] = {}
    for spans, href in found:
        for start, end in spans:
            index = bisect_right(starts, start) - 1
            if index >= 0 and end <= starts[index] + len(body[index]):
                placed.setdefault(index, []).append((start - starts[index], end - starts[index], href))
    return placed
