"""layout: cleaned lines -> the article's parts (title, outlet, timestamp, body, captions).

Two shapes arrive: scraped pages (a line per paragraph, headline near the top, photos
as alt text plus caption, related-news boxes) and aggregator exports (headline, lead,
then the whole body on one line with captions inline). The same rules read both:
each paragraph is classified by what it looks like, never by which site it came from.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from partyorg_site import datafiles
from partyorg_site.clean import Line
from partyorg_site.patterns import Anchored, alternation
from partyorg_site.extract.dates import parse_published
from partyorg_site.vietnamese import LOWER_CLASS, UPPER_CLASS, count_words, fold

SENTENCE_END = (".", "!", "?", "…", ":", ";", "\"", "”", "’", ")", "/.", "./.")
TITLE_MAX_WORDS = 45
HEADER_SCAN = 6  # paragraphs at the top where breadcrumbs, the title and a timestamp live
MASTHEAD_SCAN = 12  # lines at the top where a page's menus and headline boxes may precede the article
CREDIT_TAIL = 120  # a photo credit ends its paragraph: only the tail is searched
CAPTION_MAX_WORDS = 60
SHORT_CAPTION_MAX_WORDS = 8  # a caption may end in a full stop if it is this short
CREDITED_CAPTION_MAX_WORDS = 80  # a paragraph ending in a photo credit is a caption up to this long
INLINE_CAPTIONS_FROM = 80  # a paragraph this long may be an export's body with captions run in

# "(Baonghean.vn) - ", "HÀ NỘI (TTXVN) – ", "(ĐCSVN) — "
# A dateline may stand before the outlet: "HÀ NỘI (TTXVN) –", "HÀ NỘI, 5/1 (TTXVN) –".
# Without the dash, only a short code or a web address: "(BBNĐT) Ngày 28-2, ...".
_OUTLET_LEAD = re.compile(
    rf"^(?:{UPPER_CLASS}[{UPPER_CLASS[1:-1]} .,]{{1,30}}(?:\d{{1,2}}/\d{{1,2}}(?:/\d{{4}})?)?\s*)?"
    rf"\((?:(?P<outlet>[^()]{{2,40}})\)\s*[-–—]+|(?P<code>[A-Za-zĐđ0-9.]{{2,20}})\)(?=\s+{UPPER_CLASS}))\s*(?P<rest>.*)$")
# The outlet as its web address or with "Online": "VOV.VN - ", "Baoquangninh.vn - ", "QĐND Online - ".
_OUTLET_SITE = re.compile(
    rf"^(?P<outlet>[A-Za-zĐđ][\w-]*(?:\.[A-Za-z]{{2,4}})*\.(?:vn|VN|com|net|org)|{UPPER_CLASS}{{2,10}} Online)"
    rf"\s*[-–—]+\s+(?P<rest>.*)$")

# Any outlet's abbreviation, on the first paragraph only: "TTH - Ngày 2/6", "TĐKT - Chiều 26/2".
_ABBREVIATION_LEAD = re.compile(rf"^(?P<outlet>{UPPER_CLASS}{UPPER_CLASS[:-1]}0-9.]{{1,9}})\s*[-–—]+\s+"
                                rf"(?P<rest>(?:{UPPER_CLASS}|\d).*)$")


@dataclass
class Layout:
    title: str | None = None
    title_line: int | None = None
    published: str | None = None
    outlet: str | None = None
    body: list[str] = field(default_factory=list)
    body_lines: list[int] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    caption_lines: list[int] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)  # section or place labels above the headline
    _caption_keys: set[str] = field(default_factory=set, repr=False)

    def add_caption(self, text: str, line: int) -> None:
        """Keep a caption once, however often the page prints it."""
        key = _paragraph_key(text)
        if key not in self._caption_keys:
            self._caption_keys.add(key)
            self.captions.append(text)
            self.caption_lines.append(line)

    def in_reading_order(self) -> list[str]:
        """Body paragraphs and captions in the order they stood in the file."""
        parts = sorted([*zip(self.body_lines, range(len(self.body)), self.body),
                        *zip(self.caption_lines, range(len(self.captions)), self.captions)])
        return [text for _, _, text in parts]


def _paragraph_key(text: str) -> str:
    """Two paragraphs with one key are the same text printed twice."""
    return fold(text).strip(" .")


def _same_paragraph(text: str, other: str) -> bool:
    """The same text printed twice (lengths compared first: folding a whole export's
    body to compare it with a headline would cost more than the rest of the layout)."""
    return abs(len(text) - len(other)) <= 2 and _paragraph_key(text) == _paragraph_key(other)


@dataclass(frozen=True)
class _Cues:
    section_words: frozenset[str]
    longest_section: int
    caption_starts: tuple[str, ...]
    caption_phrases: Anchored
    credit: re.Pattern[str]
    credit_marks: tuple[str, ...]
    attribution: re.Pattern[str]
    outlet_prefix: re.Pattern[str]
    outlet_abbreviation: re.Pattern[str]
    no_break_after: frozenset[str]
    byline_roles: frozenset[str]


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    data = datafiles.load("layout")
    credit_words = "|".join(sorted(map(re.escape, data["credit_words"]), key=len, reverse=True))
    attribution = "|".join(map(re.escape, data["attribution_words"]))
    prefixes = "|".join(sorted(map(re.escape, data["outlet_prefixes"]), key=len, reverse=True))
    return _Cues(
        section_words=frozenset(fold(w) for w in data["section_words"]),
        longest_section=max(map(len, data["section_words"])),
        caption_starts=tuple(data["caption_starts"]),
        caption_phrases=Anchored(re.compile(rf"(?<!\w){alternation(data['caption_phrases'])}(?!\w)", re.IGNORECASE),
                                 phrases=data["caption_phrases"]),
        # "Ảnh: Thành Duy", "(Ảnh: TTXVN)", "Ảnh: T.Phương", "Ảnh minh họa: xaydungdang.org.vn" at a paragraph's end
        credit=re.compile(rf"\(?\b(?:{credit_words})\s*:\s*(?P<by>(?:{UPPER_CLASS}\.\s?){{0,3}}[^.()]{{1,60}}?(?:\.[a-z]{{2,4}})*)"
                          rf"\s*\)?\s*\.?$"),
        credit_marks=("(", *data["credit_words"]),
        attribution=re.compile(rf"^\(?(?:{attribution})\s*:?\s+(?P<outlet>[^,;!?]{{2,50}}?)\)?\.?$"),
        outlet_prefix=re.compile(rf"^(?:{prefixes})\s+"),
        outlet_abbreviation=re.compile(
            rf"^(?P<outlet>{alternation(data['outlet_abbreviations'])})\s*[-–—]+\s+(?P<rest>.*)$"),
        no_break_after=frozenset(data["no_sentence_break_after"]),
        byline_roles=frozenset(fold(role) for role in data["byline_roles"]),
    )


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(SENTENCE_END)


_BREADCRUMB_SEPARATOR = re.compile(r"\s+[-–>»/|]\s+|\s*[>»|]\s*")


def is_breadcrumb(text: str) -> bool:
    """"Thời sự - Chính trị": section names above the headline."""
    # Most lines fail on their first part; it is looked for only as far as the longest
    # section name reaches, so that a 4,000-word export line is not searched whole.
    reach = text[:_cues().longest_section + 8]
    first = _BREADCRUMB_SEPARATOR.split(reach, maxsplit=1)[0].strip()
    if first and fold(first) not in _cues().section_words:
        return False
    parts = [fold(p).strip() for p in _BREADCRUMB_SEPARATOR.split(text) if p.strip()]
    return bool(parts) and all(part in _cues().section_words for part in parts)


_LABEL_THEN_DATE = re.compile(r"^(?P<label>\D{2,40}?)\s*[-|:,]?\s+(?P<stamp>\d.{5,40})$")


def labelled_stamp(text: str) -> str | None:
    """"Chính trị 31-12-2022": the section's name, then the time of publication."""
    found = _LABEL_THEN_DATE.match(text)
    if not found or fold(found["label"]).strip() not in _cues().section_words:
        return None
    return parse_published(found["stamp"])


def looks_like_title(text: str) -> bool:
    words = count_words(text, TITLE_MAX_WORDS)
    # A headline may end in a question, a quotation or a bracket ('... cán bộ"', '(tháng 9/2019)');
    # what is inside them must not end a sentence.
    return 3 <= words <= TITLE_MAX_WORDS and not ends_sentence(text.rstrip("?! \"”’')»")) \
        and not _OUTLET_LEAD.match(text) and not text.startswith(("(", "-", "*"))


LABEL_MAX_WORDS = 2


def is_label(text: str) -> bool:
    """A word or two standing alone, ending no sentence: a section or place label, which
    no headline (three words at least) or paragraph is."""
    return count_words(text, LABEL_MAX_WORDS + 1) <= LABEL_MAX_WORDS and not ends_sentence(text)


def looks_like_caption(text: str) -> bool:
    """A photo's caption: opens like one ("Đồng chí X phát biểu...") and ends no sentence,
    or is a single short sentence ("Quang cảnh hội nghị."): no paragraph of an article
    is that short."""
    # (The cheap tests first: most paragraphs are long and end a sentence.)
    if text.endswith(".") and not text.endswith(".."):
        return count_words(text, SHORT_CAPTION_MAX_WORDS) <= SHORT_CAPTION_MAX_WORDS and _opens_like_caption(text)
    if ends_sentence(text):
        return False
    return 5 <= count_words(text, CAPTION_MAX_WORDS) <= CAPTION_MAX_WORDS and (
        _opens_like_caption(text) or (_cues().caption_phrases.search(text) is not None and len(sentences(text)) == 1))


def _opens_like_caption(text: str) -> bool:
    return any(text.startswith(start + " ") for start in _cues().caption_starts)


CREDITED_CAPTION_MAX_SENTENCES = 2


def is_credited_caption(text: str) -> bool:
    """What stands before a photo credit is the caption, if it is as short as captions are;
    a longer paragraph is body text with the caption as its last sentence."""
    return count_words(text, CREDITED_CAPTION_MAX_WORDS) <= CREDITED_CAPTION_MAX_WORDS \
        and len(sentences(text)) <= CREDITED_CAPTION_MAX_SENTENCES


def split_credit(text: str) -> tuple[str, str | None]:
    """Split a trailing photo credit: "... hội nghị. Ảnh: Thành Duy" -> ("... hội nghị.", "Thành Duy")."""
    tail_start = max(0, len(text) - CREDIT_TAIL)
    tail = text[tail_start:]
    if not any(mark in tail for mark in _cues().credit_marks):
        return text, None  # the pattern needs one of these; most paragraphs have none
    match = _cues().credit.search(text, tail_start)
    if not match:
        return text, None
    return text[:match.start()].rstrip(), match.group("by").strip()


def attribution_outlet(text: str) -> str | None:
    """"Theo BPT" / "Nguồn: Báo Nhân Dân" on its own line -> the outlet's name."""
    match = _cues().attribution.match(text)
    if not match or count_words(text, 7) > 7:
        return None
    outlet = _cues().outlet_prefix.sub("", match.group("outlet").strip())
    first = outlet.split()[0] if outlet.split() else ""
    return outlet if first[:1].isupper() or first[:1].isdigit() else None


def outlet_lead(text: str, first: bool = False) -> tuple[str | None, str]:
    """"(Baonghean.vn) - Liên quan...", "NDĐT - Sáng 5/1, ...", "VOV.VN - ..." -> (outlet, the lead's text).

    `first`: this is the article's first paragraph, where any short capitalised
    abbreviation before a dash ("TTH - Ngày 2/6, ...") or a code in brackets without one
    ("(BBNĐT) Ngày 28-2, ...") is the outlet's; further down, only the forms above are,
    since a teaser found so is dropped from the body."""
    match = _OUTLET_LEAD.match(text)
    if match and match["code"] and not (first and _looks_like_outlet_code(match["code"])):
        match = None
    match = match or _cues().outlet_abbreviation.match(text) or _OUTLET_SITE.match(text) \
        or (_ABBREVIATION_LEAD.match(text) if first else None)
    if not match or not match.group("rest"):
        return None, text
    outlet = match.groupdict().get("code") or match.group("outlet")
    return outlet.strip(), match.group("rest").strip()


def _looks_like_outlet_code(code: str) -> bool:
    """"BBNĐT", "Baonghean.vn", "QĐND": capitals throughout or a web address, not a word."""
    return code.isupper() or "." in code.strip(".")


_SIGNATURE = re.compile(r"^(?P<by>[^()]{0,40}?)\s*\((?P<outlet>[A-ZĐ0-9][^()]{1,30})\)\.?$")


def signature_outlet(text: str) -> str | None:
    """"Minh Anh (TTXVN)", "(TTXVN)": the author's signature naming the outlet, at the end."""
    match = _SIGNATURE.match(text)
    if not match or count_words(text, 8) > 8 or ends_sentence(match.group("by")):
        return None
    outlet = match.group("outlet").strip()
    return None if fold(outlet) in _cues().byline_roles else outlet


def is_byline(text: str) -> bool:
    """"T.S", "PV", "Minh Anh - Văn Hải", "Thu Chung (CTV)": the author's signature under the text."""
    signed = _SIGNATURE.match(text)
    if signed and fold(signed.group("outlet").strip()) in _cues().byline_roles:
        text = signed.group("by").strip()  # the name before "(CTV)"
        if not text:
            return True
    if len(text) > 45:
        return False  # before splitting what may be a whole export's body
    words = text.split()
    if not words or len(words) > 6 or ends_sentence(text.rstrip(".")):
        return False
    if re.fullmatch(r"(?:[A-ZĐ]\.){1,3}[A-ZĐ]?\.?|PV|BTV|CTV|Nhóm PV|P\.V", text):
        return True
    return all(w[:1].isupper() or w in "-–," for w in words) and not text.endswith(".")


_END_MARK = re.compile(r"/\.\s*$")


def without_end_marks(text: str) -> str:
    """"/." closes an article in Vietnamese newspapers ("./.", "…/."); a trailing "…" marks
    a truncated excerpt. Neither is part of the text; a sentence's own full stop is.
    (Only the end is looked at: an export's last paragraph is its whole body.)"""
    text = _END_MARK.sub("", text)
    stripped = text.rstrip()
    for truncation in ("…", "..."):
        if stripped.endswith(truncation):
            return stripped[:-len(truncation)].rstrip()
    return text

_SENTENCE_BREAK = re.compile(rf"(?<=[.!?…])[\"”’]?\s+(?={UPPER_CLASS}|[\"“‘(])")


def sentences(text: str) -> list[str]:
    """Split at sentence ends, not after abbreviations such as "TP."."""
    pieces, start = [], 0
    for match in _SENTENCE_BREAK.finditer(text):
        before = text[start:match.start()].split()
        last = before[-1].rstrip(".") if before else ""
        if last in _cues().no_break_after or re.fullmatch(rf"{UPPER_CLASS}", last):
            continue
        pieces.append(text[start:match.start()].strip())
        start = match.end()
    pieces.append(text[start:].strip())
    return [p for p in pieces if p]


@lru_cache(maxsize=1)
def _inline_credit() -> Anchored:
    """"Ảnh: Minh Anh", "(Ảnh: TTXVN)": up to four capitalised words, none of them a word
    that opens the next sentence ("Ảnh: Minh Anh Trong năm 2021" stops before "Trong")."""
    openers = alternation(datafiles.load("names")["not_name_words"])
    word = rf"(?!(?:{openers})\b){UPPER_CLASS}[\w.-]*"
    return Anchored(re.compile(rf"\(?\b(?:Ảnh|Ảnh minh họa|Ảnh tư liệu)\s*:\s*{word}(?:\s+{word}){{0,3}}\s*\)?"),
                    phrases=["(", "Ảnh"])


def split_inline_captions(text: str) -> tuple[list[str], list[str]]:
    """Body text run together with captions (aggregator exports): "... hội nghị.
    Đồng chí X phát biểu. Ảnh: Y Trong năm ..." -> body pieces and captions.

    The caption is the sentence just before the credit; the credit itself is dropped.
    """
    if "Ảnh" not in text or not _inline_credit().search(text):  # every credit word holds "Ảnh"
        return [text], []
    body: list[str] = []
    captions: list[str] = []
    pending: list[str] = []
    for sentence in sentences(text):
        match = _inline_credit().search(sentence)
        if not match:
            pending.append(sentence)
            continue
        before, after = sentence[:match.start()].strip(), sentence[match.end():].strip()
        if before:
            captions.append(before)
        elif pending:
            captions.append(pending.pop())
        if pending:
            body.append(" ".join(pending))
        pending = [after] if after else []
    if pending:
        body.append(" ".join(pending))
    return body, captions


@lru_cache(maxsize=1)
def _glued_opener() -> re.Pattern[str]:
    openers = "|".join(datafiles.load("layout")["glued_sentence_openers"])
    return re.compile(rf"(?<=[{LOWER_CLASS[1:-1]}] )(?:{openers})")


def split_glued_captions(text: str) -> tuple[list[str], list[str]]:
    """An export's caption run into the next sentence without a full stop: "Đồng chí X
    phát biểu chào mừng hội nghị Phát biểu chào mừng, ..." -> body pieces and captions.
    Cut only where a sure sentence opening follows a lower-case word and what stands
    before it, from the last sentence end, reads as a caption."""
    body: list[str] = []
    captions: list[str] = []
    pending: list[str] = []
    for sentence in sentences(text):
        while (glue := _glued_opener().search(sentence, 1)) and looks_like_caption(sentence[:glue.start()].strip()):
            captions.append(sentence[:glue.start()].strip())
            if pending:
                body.append(" ".join(pending))
                pending = []
            sentence = sentence[glue.start():]
        pending.append(sentence)
    if pending:
        body.append(" ".join(pending))
    return body, captions


def segment(lines: list[Line]) -> Layout:
    """Read the parts of an article from its cleaned lines."""
    layout = Layout()
    paragraphs = _without_masthead(list(lines))

    # Header: breadcrumbs, the headline, a timestamp, a photo caption, in any order.
    index = 0
    while index < len(paragraphs) and index < HEADER_SCAN:
        text = paragraphs[index].text
        if is_breadcrumb(text):
            del paragraphs[index]
            continue
        stamp = parse_published(text) or labelled_stamp(text)
        if stamp:
            layout.published = layout.published or stamp
            del paragraphs[index]
            if layout.title is None and index > 0 and looks_like_title(paragraphs[index - 1].text):
                index -= 1  # the headline printed just above its timestamp
                layout.title, layout.title_line = paragraphs[index].text, paragraphs[index].number
                del paragraphs[index]
            continue
        if layout.title is None and index == 0:
            if looks_like_title(text) and len(paragraphs) > 1:
                layout.title, layout.title_line = text, paragraphs[index].number
                del paragraphs[index]
                continue
        if layout.title is not None and is_byline(text) and len(paragraphs) > 1:
            del paragraphs[index]  # the author's name printed under the headline
            continue
        if layout.title is None and index == 0 and is_label(text) and len(paragraphs) > 2:
            layout.labels.append(text)  # "Long An", "Xây dựng Đảng": the page's section, above the headline
            del paragraphs[index]
            continue
        break

    body: list[tuple[int, str]] = []
    lead_done = False
    for position, line in enumerate(paragraphs):
        text = line.text  # single-spaced by clean.normalize
        outlet, rest = outlet_lead(text, first=not body)
        if outlet:
            if lead_done:
                _drop_teaser_heading(body)
                continue  # a related article's lead inside the page: a teaser
            layout.outlet = layout.outlet or outlet
            text = rest
        attributed = attribution_outlet(text) if position >= len(paragraphs) - 4 else None
        if attributed:
            layout.outlet = layout.outlet or attributed
            continue
        without_credit, credit = split_credit(text)
        if line.after_image or (is_credited_caption(without_credit) if credit is not None else looks_like_caption(text)):
            if without_credit:
                layout.add_caption(without_credit, line.number)
            continue
        if credit is not None and not without_credit:
            continue  # a credit on its own line
        run_on = count_words(text, INLINE_CAPTIONS_FROM) > INLINE_CAPTIONS_FROM
        pieces, inline_captions = split_inline_captions(text) if credit is not None or run_on else ([text], [])
        if run_on:
            pieces, inline_captions = _split_each(pieces, split_glued_captions, inline_captions)
        for caption in inline_captions:
            layout.add_caption(caption, line.number)
        body.extend((line.number, piece) for piece in pieces)
        # A line that ends no sentence (a stray heading, a label) is not yet the lead, so an
        # outlet's lead after it is still this article's, not a related article's teaser.
        lead_done = lead_done or ends_sentence(text)

    if layout.title is not None:  # the headline printed again above the text
        body = [(number, text) for number, text in body if not _same_paragraph(text, layout.title)] or body
    body = _move_repeated_to_captions(body, layout)
    while body:
        signed = signature_outlet(body[-1][1])
        if signed:
            layout.outlet = layout.outlet or signed
        elif not is_byline(body[-1][1]):
            break
        body.pop()
    if body:
        number, last = body[-1]
        last, signed = split_signature(last)
        layout.outlet = layout.outlet or signed
        body[-1] = (number, without_end_marks(last))
    layout.body = [text for _, text in body]
    layout.body_lines = [number for number, _ in body]
    return layout


def _split_each(pieces: list[str], split, captions: list[str]) -> tuple[list[str], list[str]]:
    """Apply a (body, captions) splitter to every piece; captions gathered in order."""
    body: list[str] = []
    captions = list(captions)
    for piece in pieces:
        more_body, more_captions = split(piece)
        body.extend(more_body)
        captions.extend(more_captions)
    return body, captions


# The last sentence end of a paragraph, and what follows it (no further sentence end).
_LAST_SENTENCE_END = re.compile(r"[.!?…](?:/\.)?[\"”’)]?\s+(?=[^.!?…]{1,60}$)")
SIGNATURE_REACH = 80  # characters at the end of a paragraph where a run-in signature can be


def split_signature(text: str) -> tuple[str, str | None]:
    """An export runs the author's signature into its last paragraph ("... trong năm.
    Thu Hằng (TTXVN)", "... Theo Báo Nhân Dân", "... Minh Anh"): the words after the last
    sentence are cut off when, on a line of their own, they would be a signature, an
    attribution or a byline. Returns the text without them and the outlet they name."""
    found = _LAST_SENTENCE_END.search(text, max(0, len(text) - SIGNATURE_REACH))
    if not found:
        return text, None
    rest = text[found.end():].strip()
    outlet = signature_outlet(rest) or attribution_outlet(rest)
    if outlet or is_byline(rest):
        return text[:found.end()].rstrip(), outlet
    return text, None


def _without_masthead(paragraphs: list[Line]) -> list[Line]:
    """What a page prints above the headline: its name or section ("QUÂN ĐỘI NHÂN DÂN",
    "Chuyên mục: ..."), menus, a box of other headlines ("Tin nổi bật"). Where the
    headline is plain, the title-like line just above the timestamp or the outlet's lead,
    the lines over it go, if each looks like a heading: no sentence ended, no longer
    than a headline (an article's paragraphs end sentences, so none is lost)."""
    for index, line in enumerate(paragraphs[:MASTHEAD_SCAN]):
        if not (parse_published(line.text) or outlet_lead(line.text)[0]):
            continue
        headline = index - 1
        while headline > 0 and parse_published(paragraphs[headline].text):
            headline -= 1  # a timestamp between the headline and the lead
        candidate = paragraphs[headline].text if headline >= 1 else ""
        if candidate and looks_like_title(candidate) and not looks_like_caption(candidate) and all(
                count_words(above.text, TITLE_MAX_WORDS) <= TITLE_MAX_WORDS and not ends_sentence(above.text)
                for above in paragraphs[:headline]):
            return paragraphs[headline:]
        break
    return paragraphs


def _drop_teaser_heading(body: list[tuple[int, str]]) -> None:
    """Remove the headline printed above a related article's lead, and its repeats (a
    page prints it as the link and again by the photo); nothing else above it."""
    if not body or not looks_like_title(body[-1][1]):
        return
    heading = _paragraph_key(body.pop()[1])
    while body and _paragraph_key(body[-1][1]) == heading:
        body.pop()


REPEAT_LENGTH_SLACK = 3


def _move_repeated_to_captions(body: list[tuple[int, str]], layout: Layout) -> list[tuple[int, str]]:
    """A paragraph printed twice within a few lines is a photo caption shown twice
    (above the photo as alt text and below it), not two paragraphs of the article."""
    short = [count_words(text, CAPTION_MAX_WORDS) <= CAPTION_MAX_WORDS for _, text in body]
    # Only a paragraph with another of about its length can be a repeat: the rest are not
    # folded (a repeat differs at most by a final full stop or a few dots).
    lengths = Counter(len(text) for (_, text), is_short in zip(body, short) if is_short)

    def may_repeat(text: str) -> bool:
        return sum(lengths.get(len(text) + d, 0) for d in range(-REPEAT_LENGTH_SLACK, REPEAT_LENGTH_SLACK + 1)) > 1

    keys = [_paragraph_key(text) if is_short and may_repeat(text) else f"\0{i}"
            for i, ((_, text), is_short) in enumerate(zip(body, short))]
    repeated = {key for i, key in enumerate(keys) if key in keys[max(0, i - 4):i]}
    kept = []
    for (number, text), key in zip(body, keys):
        if key in repeated:
            layout.add_caption(text, number)
            continue
        kept.append((number, text))
    return kept
