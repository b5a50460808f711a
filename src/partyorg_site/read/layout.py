"""layout: cleaned lines -> the article's parts (title, outlet, timestamp, body, captions).

Two shapes arrive: scraped pages (a line per paragraph, headline near the top, photos
as alt text plus caption, related-news boxes) and aggregator exports (headline, lead,
then the whole body on one line with captions inline). The same rules read both:
each paragraph is classified by what it looks like, never by which site it came from.
This module reads the page's header (breadcrumbs, labels, headline, timestamp) and
walks the paragraphs; captions.py and bylines.py tell captions and signatures apart.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from partyorg_site import datafiles
from partyorg_site.patterns import alternation
from partyorg_site.read.bylines import (attribution_outlet, has_outlet_lead, is_byline, named_outlet, outlet_lead,
                                   signature_outlet, split_signature, split_trailer)
from partyorg_site.read.captions import (CAPTION_MAX_WORDS, INLINE_CAPTIONS_FROM, SENTENCE_MARK, credit_runs_on, is_credit,
                                         is_credited_caption, looks_like_caption, is_photo_sentence, split_caption_sentences,
                                         split_credit, split_each,
                                         split_glued_captions, split_inline_captions, split_opening_caption,
                                         split_top_caption, word_pairs)
from partyorg_site.read.clean import Line, chrome_reason, without_related_links
from partyorg_site.read.paragraphs import split_paragraphs
from partyorg_site.read.published import parse_published, valid_date
from partyorg_site.read.sentences import ends_sentence, has_end_mark, paragraph_key, same_paragraph, without_end_marks
from partyorg_site.vietnamese import LOWER_CLASS, UPPER_CLASS, count_words, fold

TITLE_MAX_WORDS = 45
BODY_AFTER_MIN_WORDS = 8  # a paragraph this long after a photo's sentence is the text going on
CUT_OFF_MIN_WORDS = 15  # a page's last paragraph this long that ends no sentence is body cut off, no caption
HEADER_SCAN = 6  # paragraphs at the top where breadcrumbs, the title and a timestamp live
MASTHEAD_SCAN = 12  # lines at the top where a page's menus and headline boxes may precede the article
# A page that opens with the site's own date (no time: the day's, not the article's) has
# its whole menu under it; the article's headline and timestamp may come this far down.
MASTHEAD_DEEP_SCAN = 80


POSITION_PREFIX = 40  # characters of a paragraph or caption looked for in its line


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
    filed_month: tuple[int, int] | None = None  # a crawl's " date 2025-06" prefix: no day, but the page's month
    published_filed: bool = False  # `published` is the day a crawl filed the page under, not a time it prints
    _caption_keys: set[str] = field(default_factory=set, repr=False)
    _lines: list[Line] = field(default_factory=list, repr=False)  # the lines read, for where each part stood

    def add_caption(self, text: str, line: int) -> None:
        """Keep a caption once, however often the page prints it."""
        key = paragraph_key(text)
        if key not in self._caption_keys:
            self._caption_keys.add(key)
            self.captions.append(text)
            self.caption_lines.append(line)

    def reading_order(self) -> list[tuple[str, int | None]]:
        """Body paragraphs and captions in the order they stood in the file, each with its
        caption's index (None for a paragraph): by line, and within a line by where each
        begins, since an export's run-on line holds both and a caption often stands after
        the paragraphs before it. (Only a line that holds a caption and another part is read
        for that: the parts of each list are in order already, and most lines hold one part,
        or paragraphs only.)"""
        shared: set[int] = set()
        if self.caption_lines:
            seen = set(self.body_lines)
            for number in self.caption_lines:
                (shared if number in seen else seen).add(number)
        line_texts = {line.number: line.text for line in self._lines if line.number in shared} if shared else {}

        def where(texts: list[str], numbers: list[int]) -> list[tuple[int, int]]:
            """Each part's (line, where it begins): a list's parts stand in its order in a line,
            so each is looked for from where the one before it began; one changed in cleaning
            (a credit cut from it), not found there, is placed where the one before began."""
            found_at: dict[int, int] = {}  # line -> where its last part began
            positions = []
            for number, text in zip(numbers, texts):
                at = 0
                if number in shared:
                    begun = found_at.get(number, 0)
                    at = line_texts[number].find(text[:POSITION_PREFIX], begun)
                    at = found_at[number] = begun if at < 0 else at
                positions.append((number, at))
            return positions
        parts = sorted([*((at, index, text, None) for at, index, text in
                          zip(where(self.body, self.body_lines), range(len(self.body)), self.body)),
                        *((at, index, text, index) for at, index, text in
                          zip(where(self.captions, self.caption_lines), range(len(self.captions)), self.captions))],
                       key=lambda part: part[:3])
        return [(text, caption) for _, _, text, caption in parts]

    def in_reading_order(self) -> list[str]:
        """Body paragraphs and captions in the order they stood in the file."""
        return [text for text, _ in self.reading_order()]


@dataclass(frozen=True)
class _Cues:
    section_words: frozenset[str]
    longest_section: int
    code_then_lead: re.Pattern[str]  # "... lần thứ I ĐNO - Sáng 16/8, ...": an outlet's code, then a dated lead


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    data = datafiles.load("layout")
    return _Cues(section_words=frozenset(fold(w) for w in data["section_words"]),
                 longest_section=max(map(len, data["section_words"])),
                 code_then_lead=re.compile(
                     rf"\s(?={UPPER_CLASS}[{UPPER_CLASS[1:-1]}]{{1,7}}\s*[-–—]\s+"
                     rf"(?:{alternation(data['crosshead_datelines'])})\s+(?:nay|qua|\d))"))


_BREADCRUMB_SEPARATOR = re.compile(r"\s+[-–>»/|]\s+|\s*[>»|]\s*")


def is_breadcrumb(text: str) -> bool:
    """"Thời sự - Chính trị": section names above the headline."""
    # Most lines fail on their first part; it is looked for only as far as the longest
    # section name reaches, so that a 4,000-word export line is not searched whole.
    reach = text[:_cues().longest_section + 8]
    parts = _BREADCRUMB_SEPARATOR.split(reach, maxsplit=1)
    if len(parts) == 1 and len(text) > len(reach):
        return False  # no separator in reach, and the first part runs past it: longer than any section's name
    first = parts[0].strip()
    if first and fold(first) not in _cues().section_words:
        return False
    parts = [fold(p).strip() for p in _BREADCRUMB_SEPARATOR.split(text) if p.strip()]
    return bool(parts) and all(part in _cues().section_words for part in parts)


_LABEL_THEN_DATE = re.compile(r"^(?P<label>\D{2,40}?)\s*[-|:,]?\s+(?P<stamp>\d.{5,40})$")
# The stamp opens with the text's first digit, at most this far from its end (the digit, 40
# characters, a final line break): the cheap test first, as the pattern tries every label length.
_STAMP_REACH = 42
_DIGIT = re.compile(r"\d")


def labelled_stamp(text: str) -> str | None:
    """"Chính trị 31-12-2022": the section's name, then the time of publication."""
    if not _DIGIT.search(text, max(0, len(text) - _STAMP_REACH)):
        return None
    found = _LABEL_THEN_DATE.match(text)
    if not found or fold(found["label"]).strip() not in _cues().section_words:
        return None
    return parse_published(found["stamp"])


def looks_like_title(text: str) -> bool:
    words = count_words(text, TITLE_MAX_WORDS)
    # A headline may end in a question, a quotation or a bracket ('... cán bộ"', '(tháng 9/2019)');
    # what is inside them must not end a sentence.
    return 3 <= words <= TITLE_MAX_WORDS and not ends_sentence(text.rstrip("?! \"”’')»")) \
        and not has_outlet_lead(text) and not text.startswith(("(", "-", "*")) and not _ends_in_credit(text)


def _ends_in_credit(text: str) -> bool:
    """A line that ends in a photo's credit ("... giữ chức Trưởng Ban - Ảnh: TTXVN") is the
    photo's caption, printed above the text, never a headline; one that opens with the word
    ("Clip: Xe bốc cháy ...", "Chùm ảnh: ...") names what the article is."""
    before, credit = split_credit(text)
    # set off by a dash or a full stop: "Chùm ảnh: ...", "Câu chuyện điện ảnh: ..." are headlines
    return credit is not None and before.rstrip()[-1:] in ("-", "–", "—", ".", "|")


LABEL_MAX_WORDS = 2


def is_label(text: str) -> bool:
    """A word or two standing alone, ending no sentence: a section or place label, which
    no headline (three words at least) or paragraph is."""
    return count_words(text, LABEL_MAX_WORDS + 1) <= LABEL_MAX_WORDS and not ends_sentence(text)


def segment(lines: list[Line]) -> Layout:
    """Read the parts of an article from its cleaned lines."""
    layout = Layout()
    lines = list(lines)
    filed, layout.filed_month = _take_page_date(lines)
    paragraphs, masthead = _without_masthead(lines)
    layout._lines = paragraphs
    layout.labels.extend(line.text for line in masthead if is_label(line.text))  # "Quảng Bình" above the headline
    _read_header(paragraphs, layout)
    layout.published_filed = not layout.published and filed is not None
    layout.published = layout.published or filed  # a time the page prints is finer than the day it was filed under
    body = _close_body(_read_paragraphs(paragraphs, layout), layout)
    layout.body = [text for _, text in body]
    layout.body_lines = [number for number, _ in body]
    return layout


@lru_cache(maxsize=1)
def _page_date_prefix() -> re.Pattern[str]:
    return re.compile(datafiles.load("layout")["page_date_prefix"], re.IGNORECASE)


@lru_cache(maxsize=1)
def _headline_stamps() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(pattern) for pattern in datafiles.load("layout")["headline_stamp"])


def _headline_stamp(text: str) -> re.Match[str] | None:
    """A headline and the time of publication printed on its one line, the time after or before it."""
    return next((found for pattern in _headline_stamps() if (found := pattern.match(text))), None)


def _take_page_date(lines: list[Line]) -> tuple[str | None, tuple[int, int] | None]:
    """" date 2025-09-21 Bộ Chính trị ...": the day a crawled page was filed under, printed
    ahead of its first line (data/layout.yaml, page_date_prefix). Taken off the line, which
    is then read as the page printed it (a headline, a lead, chrome); returns the day (None
    where only a month is given, " date 2025-06") and the year and month (None, None where no
    such prefix stands)."""
    found = _page_date_prefix().match(lines[0].text) if lines else None
    if not found:
        return None, None
    rest = lines[0].text[found.end():].strip()
    if rest and not chrome_reason(rest):
        lines[0] = Line(lines[0].number, rest, lines[0].after_image)
    else:
        del lines[0]
    month = (int(found["y"]), int(found["m"])) if 1 <= int(found["m"]) <= 12 else None
    return (valid_date(int(found["y"]), int(found["m"]), int(found["d"])) if found["d"] else None), month


def _read_header(paragraphs: list[Line], layout: Layout) -> None:
    """Breadcrumbs, labels, the headline, a timestamp, the author under the headline, in
    any order at the top: taken into `layout` and out of `paragraphs`."""
    index = 0
    while index < len(paragraphs) and index < HEADER_SCAN:
        text = paragraphs[index].text
        if is_breadcrumb(text):
            del paragraphs[index]
            continue
        stamp = parse_published(text) or labelled_stamp(text)
        if stamp:
            # of two stamps over the article, the earlier: a site's own date and time above its
            # menus is the day it was read ("Thứ năm, 29/01/2026 15:00" over "Thứ ba, 12/08/2025
            # 11:01"), an update's is later than the publication
            layout.published = min(layout.published, stamp) if layout.published else stamp
            del paragraphs[index]
            if layout.title is None and index > 0 and looks_like_title(paragraphs[index - 1].text):
                index -= 1  # the headline printed just above its timestamp
                layout.title, layout.title_line = paragraphs[index].text, paragraphs[index].number
                del paragraphs[index]
            continue
        if layout.title is None and index == 0:
            stamped = _headline_stamp(text)
            if stamped and looks_like_title(stamped["title"]) and parse_published(stamped["stamp"]) \
                    and len(paragraphs) > 1:  # "Ông A được chỉ định làm Bí thư Tỉnh ủy 01/10/2025 11:32"
                layout.title, layout.title_line = stamped["title"], paragraphs[index].number
                layout.published = layout.published or parse_published(stamped["stamp"])
                del paragraphs[index]
                continue
            run = _headline_run_into_lead(text)
            if run:  # "Chính trị Xã A quán triệt nghị quyết ... ĐNO - Sáng 16/8, ...": a page printed flat
                label, layout.title, lead = run
                layout.title_line = paragraphs[index].number
                layout.labels.extend([label] if label else [])
                paragraphs[index] = Line(paragraphs[index].number, lead, paragraphs[index].after_image)
                break
            if (looks_like_title(text) or _headline_printed_again(paragraphs)) and len(paragraphs) > 1:
                if _headline_under(paragraphs):
                    del paragraphs[index]  # chrome over the headline: an advert's or a menu's line
                    text = paragraphs[index].text
                layout.title, layout.title_line = text, paragraphs[index].number
                del paragraphs[index]
                if _wraps_the_headline(layout.title, paragraphs):
                    layout.title = f"{layout.title} {paragraphs[0].text}"  # "Chân dung 34 Chủ tịch ⏎ tỉnh, thành phố hiện nay"
                    del paragraphs[0]
                continue
        if layout.title is not None and is_byline(text) and len(paragraphs) > 1:
            del paragraphs[index]  # the author's name printed under the headline
            continue
        if layout.title is None and index == 0 and is_label(text) and len(paragraphs) > 2:
            layout.labels.append(text)  # "Long An", "Xây dựng Đảng": the page's section, above the headline
            del paragraphs[index]
            continue
        break


HEADLINE_RUN_REACH = 400  # characters of a first paragraph where a headline run into its lead may end


def _headline_run_into_lead(text: str) -> tuple[str | None, str, str] | None:
    """A page's header printed on one line with its lead: its section, the headline, then
    the outlet's code and a dated lead ("Chính trị Xã A quán triệt ... lần thứ I ĐNO - Sáng
    16/8, ...") -> (the section or None, the headline, the lead from the code on)."""
    found = _cues().code_then_lead.search(text, 0, HEADLINE_RUN_REACH)
    if not found or not looks_like_title(text[:found.start()]):
        return None
    headline, lead = text[:found.start()].strip(), text[found.end():]
    words = headline.split()
    for size in (3, 2, 1):  # the section's name before a capitalised headline: "Chính trị Xã A ..."
        if len(words) > size + 3 and words[size][:1].isupper() \
                and fold(" ".join(words[:size])) in _cues().section_words:
            return " ".join(words[:size]), " ".join(words[size:]), lead
    return None, headline, lead


def _headline_printed_again(paragraphs: list[Line]) -> bool:
    """The first line ends in a full stop, as no headline does, yet the page prints it again
    a few lines below, over the text ("Đại hội Đảng bộ xã X lần thứ I. ⏎ Thứ ba - 12/08/2025
    21:26 ⏎ Đại hội Đảng bộ xã X lần thứ I."): a portal's headline, typed as a sentence."""
    first = paragraphs[0].text
    return first.endswith(".") and looks_like_title(first[:-1]) \
        and any(same_paragraph(first, line.text) for line in paragraphs[1:HEADER_SCAN])


def _headline_under(paragraphs: list[Line]) -> bool:
    """The first line, though it reads as a headline, stands over another that does, which
    is the headline: the author's name or the time of publication is printed under it, or it
    tells what the lead under it tells and the first line shares no two words in a row with
    that lead. The first is page chrome: an advert's slogan, a menu's links in a row."""
    second = paragraphs[1].text if len(paragraphs) >= 4 else ""
    if not looks_like_title(second) or is_byline(second) or parse_published(second) or labelled_stamp(second):
        return False  # (a timestamp's own line, "Thông tin Xuân Lộc 10/08/2025", is no headline)
    under = paragraphs[2].text
    if is_byline(under) or parse_published(under) is not None:
        return True
    lead = word_pairs(under)
    return bool(word_pairs(paragraphs[1].text) & lead) and not word_pairs(paragraphs[0].text) & lead


def _wraps_the_headline(title: str, paragraphs: list[Line]) -> bool:
    """The line under the headline goes on with it, wrapped where the page broke it: it opens
    in lower case (no paragraph of Vietnamese text does), ends no sentence, the two together
    are no longer than a headline, and text follows."""
    if len(paragraphs) < 2:
        return False
    tail = paragraphs[0].text
    return tail[:1].islower() and not ends_sentence(tail) \
        and count_words(f"{title} {tail}", TITLE_MAX_WORDS) <= TITLE_MAX_WORDS


def _body_follows(paragraphs: list[Line], position: int) -> bool:
    """A paragraph of the article's text comes after paragraphs[position] (more than a credit,
    an author's or a source's line): a photo stands between paragraphs, and a sentence that
    closes the text is the text's own, whatever it says."""
    return any(count_words(line.text, BODY_AFTER_MIN_WORDS) >= BODY_AFTER_MIN_WORDS for line in paragraphs[position + 1:])


def _read_paragraphs(paragraphs: list[Line], layout: Layout) -> list[tuple[int, str]]:
    """Each paragraph after the header: the lead (and its outlet), a related article's
    teaser, an attribution, a caption, or body text with captions run into it. Returns
    the body as (line number, text)."""
    body: list[tuple[int, str]] = []
    headline_again: list[tuple[int, str]] = []
    lead_done = top_caption_done = False
    for position, line in enumerate(paragraphs):
        text = without_related_links(line.text)  # single-spaced by clean.normalize
        if not text:
            continue  # a related article's headline in brackets, on its own line
        if layout.title is not None and same_paragraph(text, layout.title):
            headline_again.append((line.number, text))  # the headline printed again above the text
            continue
        if body and count_words(text, CAPTION_MAX_WORDS) > CAPTION_MAX_WORDS \
                and any(same_paragraph(text, kept) for _, kept in body):
            continue  # the lead printed again under the byline (a caption's length is a caption's: below)
        if not body:
            text = without_glued_dateline(text)
        outlet, rest = outlet_lead(text, first=not body)
        if outlet:
            if lead_done:
                _drop_teaser_heading(body)
                continue  # a related article's lead inside the page: a teaser
            layout.outlet = layout.outlet or outlet
            text = rest
            if not text:
                continue  # the outlet's dateline on a line of its own: the lead is the next line
        attributed = attribution_outlet(text) if position >= len(paragraphs) - 4 else None
        if attributed:
            layout.outlet = layout.outlet or attributed
            continue
        without_credit, credit = split_credit(text)
        # (what the outlet's dateline opens is the lead, full stop or none: "(PLO)- Ông A, Bí thư
        # Tỉnh ủy X được chỉ định làm Bí thư Tỉnh ủy Y nhiệm kỳ 2025 – 2030")
        # (the page's last paragraph, long and ending no sentence, is the body cut off where an
        # excerpt ends, never a caption: "Ông A, trong thời gian giữ chức vụ ..., đã vi phạm quy c")
        cut_off = credit is None and position == len(paragraphs) - 1 and not ends_sentence(text) \
            and count_words(text, CUT_OFF_MIN_WORDS) >= CUT_OFF_MIN_WORDS
        if not outlet and not cut_off and (line.after_image or (
                is_credited_caption(without_credit) if credit is not None
                else looks_like_caption(text) or (lead_done and is_photo_sentence(text)
                                                  and _body_follows(paragraphs, position)))):
            if without_credit:
                layout.add_caption(without_credit, line.number)
            continue
        if credit is not None and not without_credit:
            continue  # a credit on its own line
        if lead_done and len(body) == 1 and _signed_under_lead(text) and _body_follows(paragraphs, position):
            continue  # the author's name between the lead and the text
        run_on = count_words(text, INLINE_CAPTIONS_FROM) > INLINE_CAPTIONS_FROM
        inline = credit is not None or run_on or credit_runs_on(text)
        pieces, inline_captions = split_inline_captions(text) if inline else ([text], [])
        if run_on:
            pieces, inline_captions = split_each(pieces, split_glued_captions, inline_captions)
            pieces, inline_captions = split_each(pieces, split_caption_sentences, inline_captions)
            if pieces:
                pieces[0], opening_caption = split_opening_caption(pieces[0])
                inline_captions += [opening_caption] if opening_caption else []
            if lead_done and not top_caption_done and pieces:
                top_caption_done = True  # the first run-on body after the lead: its top photo
                pieces[0], top_caption = split_top_caption(pieces[0], [layout.title or "", *(t for _, t in body)])
                inline_captions += [top_caption] if top_caption else []
            inline_captions.sort(key=lambda caption: text.find(caption) % (len(text) + 1))  # in reading order
        for caption in inline_captions:
            layout.add_caption(caption, line.number)
        body.extend((line.number, paragraph) for piece in pieces
                    for paragraph in (_paragraphs(piece, line.number, layout) if run_on else [piece]))
        # A line that ends no sentence (a stray heading, a label) is not yet the lead, so an
        # outlet's lead after it is still this article's, not a related article's teaser.
        lead_done = lead_done or ends_sentence(text)
    return body or headline_again


def _signed_under_lead(text: str) -> bool:
    """A name alone on the line after the lead ("Minh Anh"): the author's signature, which some
    pages print between the lead and the text; a province's name there is the dateline's place."""
    return is_byline(text) and not ends_sentence(text) and fold(text) not in _province_names()


# A place printed as the lead's dateline in its own box, glued to the lead when the page is
# scraped: "Hà NộiBộ trưởng Công an trao quyết định ...". A word of lower-case letters
# followed at once by a capital is never Vietnamese prose.
_GLUED_DATELINE = re.compile(rf"^(?:{UPPER_CLASS}{LOWER_CLASS}*\s){{1,3}}{UPPER_CLASS}{LOWER_CLASS}+(?={UPPER_CLASS}{LOWER_CLASS})")


@lru_cache(maxsize=1)
def _province_names() -> frozenset[str]:
    return frozenset(fold(p["name"]) for p in datafiles.load("provinces")["provinces"])


def without_glued_dateline(text: str) -> str:
    """The lead without a province glued to its first word ("Hà NộiBộ trưởng ..." -> "Bộ
    trưởng ..."); a brand spelled so ("Trang WikiLeaks") is kept."""
    found = _GLUED_DATELINE.match(text)
    return text[found.end():] if found and fold(found.group()) in _province_names() else text


def _close_body(body: list[tuple[int, str]], layout: Layout) -> list[tuple[int, str]]:
    """The body's end: what a page prints after the end mark ("./.") goes, captions printed
    twice go to the captions, signatures and bylines after the text go (their outlet kept),
    and the end marks of the last paragraph."""
    body = _move_repeated_to_captions(_through_end_mark(body), layout)
    signed_below = False  # a signature or byline stood after the text: it was not cut short
    while body:
        signed = _signed_outlet(body[-1][1])
        if signed:
            layout.outlet = layout.outlet or signed
        elif is_tag_list(body[-1][1]):
            body.pop()  # the page's keywords under the text
            continue
        elif not is_byline(body[-1][1]):
            break
        body.pop()
        signed_below = True
    if body:
        number, whole = body[-1]
        unstamped, stamped = split_trailer(whole)
        last, signed = split_signature(unstamped)
        layout.outlet = layout.outlet or stamped or signed
        body[-1] = (number, without_end_marks(last, signed=signed_below or len(last) < len(whole.rstrip())))
        if not last:
            body.pop()
    return body


def _signed_outlet(text: str) -> str | None:
    """The outlet a signature or an attribution under the text names ("Theo Tuổi trẻ" split
    off, "Dân trí" alone)."""
    return signature_outlet(text) or attribution_outlet(text) or named_outlet(text)


def _is_signature(text: str) -> bool:
    """A signature, byline or attribution that may stand under the text."""
    return _signed_outlet(text) is not None or is_byline(text)


def _through_end_mark(body: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The body up to the paragraph that closes with the end mark ("./."), and the author's
    signature or source under it: a page goes on after the mark with its related articles'
    headlines and leads, which are not this article's text. Only a mark that ends a line of
    the page counts: inside an export's run-on line, text after "./." may still be the
    article's (a box, a list that goes on)."""
    marked = [index for index, (number, text) in enumerate(body[:-1])
              if body[index + 1][0] != number and has_end_mark(text)]
    if not marked:
        return body
    end = marked[-1] + 1
    while end < len(body) and _is_signature(body[end][1]):
        end += 1
    return body[:end]


TAG_LIST_MAX_WORDS = 40


def is_tag_list(text: str) -> bool:
    """"chính phủ bộ máy chính phủ lãnh đạo Chính phủ thủ tướng": the keywords a page prints
    under the text, run into one line. It opens in lower case and holds no sentence's end,
    which an article's paragraph never does (a tail such as "maps. Khánh Trung", a credit's
    and a signature, is left to the signature's rules)."""
    return text[:1].islower() and not SENTENCE_MARK.search(text) and \
        count_words(text, TAG_LIST_MAX_WORDS + 1) <= TAG_LIST_MAX_WORDS



def _paragraphs(text: str, number: int, layout: Layout) -> list[str]:
    """A run-on body split into the page's paragraphs (paragraphs.py). A crosshead run into
    the text that is a photo's credit goes, one that reads as a caption goes to the
    captions; the others stay, paragraphs that end no sentence."""
    kept = []
    for paragraph in split_paragraphs(text):
        if paragraph.crosshead and is_credit(paragraph.text):
            continue
        if paragraph.crosshead and looks_like_caption(paragraph.text):
            layout.add_caption(paragraph.text, number)
            continue
        kept.append(paragraph.text)
    return kept


def _without_masthead(paragraphs: list[Line]) -> tuple[list[Line], list[Line]]:
    """What a page prints above the headline: its name or section ("QUÂN ĐỘI NHÂN DÂN",
    "Chuyên mục: ..."), menus, a box of other headlines ("Tin nổi bật"). Where the
    headline is plain, the title-like line just above the timestamp or the outlet's lead,
    the lines over it go, if each looks like a heading: no sentence ended, no longer
    than a headline (an article's paragraphs end sentences, so none is lost).
    Returns the lines kept and the lines above the headline."""
    scan = MASTHEAD_SCAN
    for index, line in enumerate(paragraphs[:MASTHEAD_DEEP_SCAN]):
        if index >= scan:
            break
        stamp = parse_published(line.text)
        if not (stamp or outlet_lead(line.text)[0]):
            continue
        if index == 0 and stamp and "T" not in stamp:
            scan = MASTHEAD_DEEP_SCAN  # the site's date over its menus ("Thứ Hai, 08/12/2025"): read on
            continue
        headline = index - 1
        while headline > 0 and (parse_published(paragraphs[headline].text) or labelled_stamp(paragraphs[headline].text)
                                or is_byline(paragraphs[headline].text)):
            headline -= 1  # a timestamp or the author between the headline and the lead
        candidate = paragraphs[headline].text if headline >= 1 else ""
        # A headline reads like a caption ("X dự Hội nghị ..."); one with its author or a
        # second timestamp under it is no caption.
        signed = headline < index - 1
        if candidate and looks_like_title(candidate) and (signed or not looks_like_caption(candidate)) and all(
                count_words(above.text, TITLE_MAX_WORDS) <= TITLE_MAX_WORDS and not ends_sentence(above.text)
                for above in paragraphs[:headline]):
            return paragraphs[headline:], paragraphs[:headline]
        break
    return _above_section_label(paragraphs)


def _above_section_label(paragraphs: list[Line]) -> tuple[list[Line], list[Line]]:
    """A page without a timestamp or an outlet's lead under its headline: the section's name
    standing alone ("Chính trị") with a headline under it and text under that closes the
    masthead, if every line over it looks like a heading (menus, the site's name), so that
    no paragraph of the article is lost. Two lines over it at least: a headline printed over
    its section's name is no menu. (At the very top the label is read by _read_header.)"""
    if len(paragraphs) < 5 or ends_sentence(paragraphs[1].text):
        return paragraphs, []  # (most texts: the lead under the headline)
    for index, line in enumerate(paragraphs[:MASTHEAD_SCAN]):
        if ends_sentence(line.text) or count_words(line.text, TITLE_MAX_WORDS) > TITLE_MAX_WORDS:
            break  # the article has begun
        if index >= 2 and index + 2 < len(paragraphs) and is_breadcrumb(line.text) \
                and looks_like_title(paragraphs[index + 1].text) and not is_breadcrumb(paragraphs[index + 1].text):
            return paragraphs[index + 1:], paragraphs[:index + 1]
    return paragraphs, []


def _drop_teaser_heading(body: list[tuple[int, str]]) -> None:
    """Remove the headline printed above a related article's lead, and its repeats (a
    page prints it as the link and again by the photo); nothing else above it."""
    if not body or not looks_like_title(body[-1][1]):
        return
    heading = paragraph_key(body.pop()[1])
    while body and paragraph_key(body[-1][1]) == heading:
        body.pop()


REPEAT_LENGTH_SLACK = 3


def _move_repeated_to_captions(body: list[tuple[int, str]], layout: Layout) -> list[tuple[int, str]]:
    """A paragraph printed twice within a few lines is a photo caption shown twice
    (above the photo as alt text and below it), not two paragraphs of the article."""
    # Only a short paragraph with another short one of about its length can be a repeat (a
    # repeat differs at most by a final full stop or a few dots): the rest are not folded,
    # and those with no other paragraph of about their length not even counted in words.
    short = [twin and count_words(text, CAPTION_MAX_WORDS) <= CAPTION_MAX_WORDS
             for (_, text), twin in zip(body, _has_twin([len(text) for _, text in body]))]
    twins = iter(_has_twin([len(text) for (_, text), is_short in zip(body, short) if is_short]))
    keys = [paragraph_key(text) if is_short and next(twins) else f"\0{i}"
            for i, ((_, text), is_short) in enumerate(zip(body, short))]
    repeated = {key for i, key in enumerate(keys) if key in keys[max(0, i - 4):i]}
    kept = []
    for (number, text), key in zip(body, keys):
        if key in repeated:
            layout.add_caption(text, number)
            continue
        kept.append((number, text))
    return kept


def _has_twin(lengths: list[int]) -> list[bool]:
    """For each length, whether another of the list is within REPEAT_LENGTH_SLACK of it."""
    order = sorted(range(len(lengths)), key=lengths.__getitem__)
    twin = [False] * len(lengths)
    for shorter, longer in zip(order, order[1:]):
        if lengths[longer] - lengths[shorter] <= REPEAT_LENGTH_SLACK:
            twin[shorter] = twin[longer] = True
    return twin
