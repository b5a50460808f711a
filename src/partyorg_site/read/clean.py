"""clean: decoded text -> normalised lines with the web page's chrome removed.

Each cleaner is a small named rule driven by `data/layout.yaml`, so a new site's
leftovers are handled by adding a line of data, and each rule is tested alone
(tests/cases/clean.yaml).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from partyorg_site import datafiles
from partyorg_site.vietnamese import LOWER_CLASS, UPPER_CLASS, count_words, fold, normalize

MAX_CHROME_LINE = 120
RELATED_LINK_MIN_WORDS = 5
# A related article's headline in square brackets, standing between two sentences of an
# export's body ("... lẫn nhau. [Về đề xuất ...: Vì lao động hay vì doanh nghiệp?] Phó Chủ
# tịch ..."), or as a line of its own. Brackets inside a sentence ("ng [Bàng là Hồng
# Bàng] có") are the writer's and stay.
_RELATED_LINK = re.compile(r"(?:^|(?<=[.!?…\"”’]))\s*\[(?P<headline>[^\[\]\n]{20,200})\](?=\s+[^\W\d_a-zđ]|\s*$)")
_ALT_LINE = re.compile(r"^(?P<alt>.{3,300}?)\s+ảnh\s+\d{1,2}$")
_DASHED_ALT_LINE = re.compile(r"^.{3,300}?\s*[-–]\s*Ảnh\s+\d{1,2}\.?$")  # "<headline> - Ảnh 1.", "<headline>- Ảnh 2."


@dataclass
class Line:
    """One non-empty line of the article, as it will be read by the layout stage."""

    number: int  # line number in the file
    text: str
    after_image: bool = False  # the line under an image's alt text: its caption


@dataclass(frozen=True)
class _Rules:
    chrome_lines: frozenset[str]
    longest_chrome_line: int  # (a longer line is none of them: spared the folding)
    chrome_pattern: re.Pattern[str]  # one alternative per named rule, in the data file's order
    footer_starts: tuple[str, ...]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    layout = datafiles.load("layout")
    return _Rules(
        chrome_lines=frozenset(fold(line) for line in layout["chrome_lines"]),
        longest_chrome_line=max(len(line) for line in layout["chrome_lines"]),
        chrome_pattern=re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in layout["chrome_patterns"].items()),
                                  re.IGNORECASE),
        footer_starts=tuple(fold(marker) for marker in layout["footer_starts"]),
    )


CHROME_LINE_MARKS = 8  # the marks around a chrome line that do not count: " :.-"


def chrome_reason(text: str) -> str | None:
    """The name of the rule that makes this whole line page chrome, or None."""
    if len(text) > MAX_CHROME_LINE:
        return None  # page chrome is short; an article's paragraph is not
    rules = _rules()
    # (a character may fold to two, decomposed: twice the longest line's length is safe)
    if len(text) <= 2 * rules.longest_chrome_line + CHROME_LINE_MARKS and fold(text).strip(" :.-") in rules.chrome_lines:
        return "chrome_line"
    found = rules.chrome_pattern.match(text)
    return found.lastgroup if found else None


def is_footer_start(text: str) -> bool:
    """A short standalone line such as "Tin liên quan" after which only chrome follows."""
    if count_words(text, 8) > 8:
        return False
    folded = fold(text).strip(" :.-»>")
    return any(folded.startswith(marker) and not folded[len(marker):len(marker) + 1].isalnum()
               for marker in _rules().footer_starts)


IMAGE_LINES = frozenset({"image_id", "file_name", "markdown_image", "image_tail"})  # chrome_patterns that stand for a photo

# A full stop a capitalised word is glued to, after a word of two lower-case letters or more:
# a sentence's end that lost its space ("... chào cờ.Đồng chí A phát biểu ...", a gallery's
# captions run together); not "Tp.Hồ Chí Minh", "Mr.Smith", "TP.HCM" (capitals before), nor
# a web address ("Forum.Autodaily.vn").
_GLUED_STOP = re.compile(rf"\.(?={UPPER_CLASS}{LOWER_CLASS})(?![\w-]+\.(?:vn|com|net|org|info)\b)")


def _spaced_after_stops(line: str) -> str:
    """The line with a space after each full stop a sentence was glued to (_GLUED_STOP)."""
    pieces, start = [], 0
    for stop in _GLUED_STOP.finditer(line):
        at = stop.start()
        if at >= 2 and line[at - 1].islower() and line[at - 2].islower():
            pieces.append(line[start:at + 1])
            start = at + 1
    return " ".join([*pieces, line[start:]]) if pieces else line


# The tail of an image's Markdown glued to the end of a sentence by the scrape ("thuộc thẩm quyền..jpg)").
_IMAGE_TAIL_ENDS = (".jpg)", ".jpeg)", ".png)", ".gif)", ".webp)")
_GLUED_IMAGE_TAIL = re.compile(r"(?<=[.!?…\"”])\S*\.(?:jpe?g|png|gif|webp)\)$", re.IGNORECASE)
FILE_CAPTION_MAX_WORDS = 30
_TABLE_BORDERS = re.compile(r"^\|\s*|\s*\|$")


def _without_table_borders(line: str) -> str:
    """A table's cell as a scrape leaves it, "| caption (Ảnh: X) |", "![]() |": its text."""
    return _TABLE_BORDERS.sub("", line) if line[:1] == "|" or line[-1:] == "|" else line


def is_image_alt(text: str) -> bool:
    """"<headline> ảnh 2", "<headline> - Ảnh 2.": the alt text a page prints for its second
    photo (the dashed form is some 2025 pages' own, its caption on the next line)."""
    if "Ảnh" in text[-12:] and _DASHED_ALT_LINE.match(text):
        return True
    if not text[-1:].isdigit() or "ảnh" not in text:
        return False  # what the pattern needs, checked before its lazy 300-character scan
    match = _ALT_LINE.match(text)
    return bool(match) and not match.group("alt").rstrip().endswith((".", "!", "?", ":", ";"))


def without_related_links(text: str) -> str:
    """The text without the related articles' headlines an export leaves in brackets
    between its sentences (RELATED_LINK_MIN_WORDS words at least: a headline, not a note)."""
    if "[" not in text:
        return text
    return _RELATED_LINK.sub(
        lambda found: found[0] if count_words(found["headline"], RELATED_LINK_MIN_WORDS) < RELATED_LINK_MIN_WORDS else "",
        text).strip()


def clean_lines(text: str, first_line: int = 1) -> list[Line]:
    """Normalise the text and drop page chrome; keep the article's own lines in order."""
    lines: list[Line] = []
    substantial_seen = False
    caption_next = False
    file_image = False  # the line before was an image's file name or Markdown image
    for offset, raw in enumerate(normalize(text).split("\n")):
        line = raw.strip()
        if not line:
            continue
        if substantial_seen and is_footer_start(line):
            break
        reason = chrome_reason(line)  # (before a table's borders go: "Trường Phong |" is an author's)
        cell = _without_table_borders(line)
        if cell is not line:
            line, reason = cell, reason or chrome_reason(cell)  # ("![]() |": the cell's own text is chrome)
        if is_image_alt(line):
            caption_next = True
            continue
        if line[-6:].lower().endswith(_IMAGE_TAIL_ENDS) and (tail := _GLUED_IMAGE_TAIL.search(line)):
            line = line[:tail.start()]  # (the ending tested first: the pattern, tried at every letter, is not cheap)
        if reason:
            file_image = reason in IMAGE_LINES
            continue
        line = _spaced_after_stops(line)
        # (under an image's file name a caption stands on some pages, the lead on others: only
        # a line as short as a caption is taken for one)
        under_file = file_image and count_words(line, FILE_CAPTION_MAX_WORDS + 1) <= FILE_CAPTION_MAX_WORDS
        lines.append(Line(first_line + offset, line, after_image=caption_next or under_file))
        caption_next = file_image = False
        substantial_seen = substantial_seen or count_words(line, 20) >= 20 or len(lines) >= 3
    return lines
