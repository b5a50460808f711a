"""Dates: when the reported event happened (the publication time is published.py's).

The event date is found by a cascade from most to least reliable (as htmldate does):
a dated phrase in the lead ("Chiều 30-9", "Ngày 5-1-2018") or, with a publication time, a
relative day ("sáng nay", "tối qua"), whichever comes first (without one, a relative day
before any dated phrase leaves the day unknown: a later phrase is another event's); then the phrase's year from
the publication time or else the file's path (the year nearest to it), then from the
article's own wording ("9 tháng đầu năm 2019", "tháng 6/2019"); then the publication's
year, else the path's. A date the text does not support is no date: a year is never taken
from a horizon ("đến năm 2020"), a term, a cited document, a career, a birth, a teaser or a
footer; a day introduced as a start, an effective date or a deadline is not the event's;
and with a publication time no event is dated outside the window of data/dates.yaml
unless the text prints that year with it. Every date says where its year came from
(`source`), as SCHEMA.md's `date_source`.

A date depends on the file alone, never on the day it is read: that no event is dated
after the build is settled where the archive is assembled (archive/resolve.py), so a
cached record stays right on any later day. The weights and windows are named, with
their reasons, in data/dates.yaml.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from partyorg_site import datafiles
from partyorg_site.models import Reasons, unheard
from partyorg_site.read.published import valid_date
from partyorg_site.patterns import Anchored, alternation


@dataclass(frozen=True)
class _Tuning:
    """The cascade's numbers, each named and explained in data/dates.yaml."""

    lead_paragraphs: int
    year_lead_paragraphs: int
    event_month: int
    event_day: int
    current_year_phrase: int
    other_month: int
    full_date: int
    year: int
    review: int
    congress_term: int
    late_year_from_month: int
    early_year_to_month: int
    review_same_year_from_month: int
    document_reach: int
    deadline_reach: int
    year_context: int
    clause_reach: int
    chronology_years: int
    days_after_published: int
    days_before_published: int
    longest_event_days: int
    undated_relative_opening: int
    relative_apposition: int


@lru_cache(maxsize=1)
def tuning() -> _Tuning:
    data = datafiles.load("dates")
    weights, reach = data["weights"], data["reach"]
    return _Tuning(
        lead_paragraphs=data["lead_paragraphs"], year_lead_paragraphs=data["year_lead_paragraphs"],
        event_month=weights["event_month"], event_day=weights["event_day"], current_year_phrase=weights["current_year_phrase"],
        other_month=weights["other_month"], full_date=weights["full_date"], year=weights["year"],
        review=weights["review"], congress_term=weights["congress_term"],
        late_year_from_month=data["late_year_from_month"], early_year_to_month=data["early_year_to_month"],
        review_same_year_from_month=data["review_same_year_from_month"],
        document_reach=reach["document"], deadline_reach=reach["deadline"], year_context=reach["year_context"],
        clause_reach=reach["clause"], chronology_years=data["chronology_years"],
        days_after_published=data["days_after_published"], days_before_published=data["days_before_published"],
        longest_event_days=data["longest_event_days"],
        undated_relative_opening=data["undated_relative_opening"], relative_apposition=data["relative_apposition"])


# A year of this century or the last, not inside a longer number. (The "no digit before"
# check comes after the first digit, so that the pattern opens with literals: patterns.py.)
_CENTURY = alternation(["19", "20"], not_after=r"\d")
_YEAR_RANGE = re.compile(rf"{_CENTURY}\d{{2}}\s*[-–—]\s*(?:19|20)\d{{2}}(?!\d)")
_MONTH_YEAR = re.compile(r"tháng\s+(\d{1,2})\s*(?:[/.-]\s*|\s+năm\s+)((?:19|20)\d{2})(?!\d)", re.IGNORECASE)
_BARE_YEAR = re.compile(r"\bnăm\s+((?:19|20)\d{2})(?!\d)", re.IGNORECASE)


@dataclass(frozen=True)
class EventDate:
    value: str | None
    precision: str | None
    source: str | None = None  # "text", "published" or "path": where the year came from
    day_month: str | None = None  # "--05-10": the day the text gives where it gives no year
    announced: str | None = None  # "ngày 10 - 12/9": a later day the page announces, passed over


NO_DATE = EventDate(None, None)


@dataclass(frozen=True)
class PathDate:
    """A date an editor gave a file by its place: "articles/2017/...", "2017-05/...",
    "2017-05-08-ten-bai.txt". Month and day may be unknown."""

    year: int
    month: int | None = None
    day: int | None = None

    def reference(self) -> date:
        """The day a day-and-month date's year is reckoned from: the path's own day, else the
        middle of its month, else of its year."""
        return date(self.year, self.month or 7, self.day or (15 if self.month else 1))


_PATH_DATE = re.compile(r"((?:19|20)\d{2})(?:[-_.]?(\d{2})(?:[-_.]?(\d{2}))?)?(?=$|[-_. ])")


def date_from_path(path: str) -> PathDate | None:
    """The date in a file's name or the nearest folder that opens with one, or, in the name
    only, a whole date after an outlet's or a number's part ("thanhnien-2025-07-01-...");
    None where none does. A part must open with the year and end or go on with a separator
    after it, so that ids ("21473767.txt", "2014abc") are not read as dates."""
    parts = path.replace("\\", "/").split("/")
    for part in reversed(parts):
        found = _PATH_DATE.match(part)
        if not found:
            continue
        year = int(found[1])
        month = int(found[2]) if found[2] and 1 <= int(found[2]) <= 12 else None
        day = int(found[3]) if month and found[3] and valid_date(year, month, int(found[3])) else None
        if found[2] and month is None:
            continue  # "2017-45": not a date
        return PathDate(year, month, day)
    inside = _DATE_IN_NAME.search(parts[-1])
    if inside and valid_date(int(inside[1]), int(inside[2]), int(inside[3])):
        return PathDate(int(inside[1]), int(inside[2]), int(inside[3]))
    return None


_DATE_IN_NAME = re.compile(r"(?<=[-_. ])((?:19|20)\d{2})[-_](\d{2})[-_](\d{2})(?=$|[-_. ])")


@lru_cache(maxsize=1)
def _patterns() -> tuple[Anchored, re.Pattern[str], Anchored]:
    data = datafiles.load("dates")
    times = "|".join(sorted(map(re.escape, data["times_of_day"]), key=len, reverse=True))
    # A time of day and the day ("Chiều 30-9", "sáng nay (30/6)"); a relative day may have its
    # day after a comma ("Sáng nay, 14/7, ...", "chiều qua, 26/6"), no other ("Cùng ngày, 5/7 xã").
    event = Anchored(re.compile(
        rf"(?<!\w)(?P<tod>{times})\s*(?:(?<=nay|qua),\s*)?\(?\s*(?:ngày\s+)?(?:(?P<d0>\d{{1,2}})\s*(?:và|,|-|đến)\s*)?"
        rf"(?P<d>\d{{1,2}})\s*(?:[/.-]\s*|\s+tháng\s+)(?P<m>\d{{1,2}})"
        rf"(?:\s*(?:[/.-]\s*|\s+năm\s+)(?P<y>(?:19|20)\d{{2}}))?(?![\d/])",
        re.IGNORECASE), phrases=data["times_of_day"])
    # (Searched in lower-cased text, case-sensitively: an IGNORECASE pattern is tried at every
    # character; only whether it matches is used.)
    current = "|".join(sorted((re.escape(p.lower()) for p in data["current_year_phrases"]), key=len, reverse=True))
    current_year = re.compile(rf"(?:{current})\s+(?:[iv]+\s*/\s*)?$")
    review = "|".join(map(re.escape, data["review_words"]))
    review_year = Anchored(re.compile(rf"(?:{review})\b[^.;]{{0,80}}?\bnăm\s+((?:19|20)\d{{2}})(?!\d)", re.IGNORECASE),
                           phrases=data["review_words"])
    return event, current_year, review_year


def _is_deadline(before: str, opens_a_range: bool) -> bool:
    """The text just before a date ends in a deadline's word (data/dates.yaml), and not as
    a report's "as of" ("tính đến ngày 6/2", a sentence opening "Đến ngày 20/9, ..."); or in
    a start's or an effective date's word ("từ ngày 1/7", "có hiệu lực từ ngày"), where the
    date opens no range ("từ ngày 5 đến 7/9" is the event's)."""
    deadline, as_of, start = _deadline_patterns()
    lowered = before.lower()
    return bool(deadline.search(lowered)) and not as_of.search(before) or \
        not opens_a_range and bool(start.search(lowered))


@lru_cache(maxsize=1)
def _deadline_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = datafiles.load("dates")
    openers = alternation(data["as_of_openers"])
    return (re.compile(rf"{_lowered_words('deadline_words')}\s+$"),
            re.compile(rf"(?:(?<!\w){re.escape(data['as_of_word'])}(?:\s+\w+){{1,2}}|(?:^|[.;:!?]\s+){openers})\s+$",
                       re.IGNORECASE),
            re.compile(rf"{_lowered_words('start_words')}\s+$"))


# "từ ngày 5/9 đến 7/9", "từ ngày 10/7/2017 đến hết ngày 9/7/2018": the day opens a range
_RANGE_ON = re.compile(r"\s*(?:đến|tới|-|–)(?:\s+hết)?\s*(?:ngày\s+)?\d")
_RANGE_END_DAY = re.compile(r"\s*(?:đến|tới|-|–)(?:\s+hết)?\s*(?:ngày\s+)?(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})"
                            r"(?:\s*[/.-]\s*(?P<y>(?:19|20)\d{2}))?(?![\d/])")


def _a_period(match: re.Match[str], paragraph: str, day: int, month: int) -> bool:
    """The dated phrase opens a range longer than an event lasts (`longest_event_days`):
    "từ ngày 1/1/2016 đến hết ngày 30/5/2017" is a period reported on, not an event's days."""
    end = _RANGE_END_DAY.match(paragraph, match.end())
    if not end:
        return False
    last_day, last_month = int(end["d"]), int(end["m"])
    # (Where neither end prints its year, any leap year serves to count the days between.)
    last_year = int(end["y"]) if end["y"] else int(match["y"]) if match["y"] else 2000
    first_year = int(match["y"]) if match["y"] else last_year - ((last_month, last_day) < (month, day))
    first, last = valid_date(first_year, month, day), valid_date(last_year, last_month, last_day)
    return bool(first and last) and \
        (date.fromisoformat(last) - date.fromisoformat(first)).days > tuning().longest_event_days


@lru_cache(maxsize=1)
def _relative_days() -> tuple[re.Pattern[str], Anchored]:
    """"hôm nay", "chiều qua" ... as whole words, anywhere: the pattern for lower-cased text,
    and the same ignoring case, tried only where one of the words begins (patterns.Anchored:
    each opens with a common letter, "h", "s", "c", "t", so the pattern was tried at most
    characters of a lead that holds "nay" or "qua", and the lead lowered first)."""
    data = datafiles.load("dates")
    today = alternation([w.lower() for w in data["today_words"]], not_after=r"\w")
    yesterday = alternation([w.lower() for w in data["yesterday_words"]], not_after=r"\w")
    source = rf"(?P<today>{today})(?!\w)|(?P<yesterday>{yesterday})(?!\w)"
    return re.compile(source), Anchored(re.compile(source, re.IGNORECASE),
                                        phrases=[*data["today_words"], *data["yesterday_words"]])


def _first_relative_day(paragraph: str) -> re.Match[str] | None:
    """The first relative day of the paragraph, as the pattern finds it in the paragraph
    lower-cased (where lower-casing keeps every character's place, the same as matching
    where the automaton says a word begins, ignoring case)."""
    lowered, anchored = _relative_days()
    starts = anchored.starts(paragraph)
    if starts is None:
        return lowered.search(paragraph.lower())
    return next((found for start in starts if (found := anchored.pattern.match(paragraph, start))), None)


def _relative_day(paragraph: str, published: date | None) -> tuple[int, str | None] | None:
    """Where the first relative day of a paragraph is, and the day it names: "sáng nay" the
    day of publication, "chiều qua" the day before; with no publication day, none."""
    if "nay" not in paragraph and "qua" not in paragraph and "NAY" not in paragraph and "QUA" not in paragraph:
        return None  # (most paragraphs: spared the scan)
    found = _first_relative_day(paragraph)
    if not found:
        return None
    event_pattern = _patterns()[0]
    if published is None:
        # "Sáng nay, ..." opening the lead of a page with no timestamp: which day is unknown.
        # Further in, or with its day printed beside it ("chiều nay, ngày 15/5", "sáng nay
        # (30/6)"), it leaves the dated phrases alone.
        rules = tuning()
        if found.start() > rules.undated_relative_opening or \
                event_pattern.search(paragraph[found.end():found.end() + rules.relative_apposition]):
            return None
        return found.start(), None
    return found.start(), (published if found["today"] else published - timedelta(days=1)).isoformat()


@dataclass(frozen=True)
class _Window:
    """The days an event may fall on where the text does not print its year: with a
    publication time, [published - days_before_published, published + days_after_published]
    (data/dates.yaml); without one, any day."""

    earliest: date
    latest: date

    @classmethod
    def around(cls, published: str | None) -> _Window:
        if not published:
            return cls(date.min, date.max)
        day, rules = date.fromisoformat(published[:10]), tuning()
        return cls(day - timedelta(days=rules.days_before_published), day + timedelta(days=rules.days_after_published))

    def holds(self, first: date, last: date) -> bool:
        """Whether a period (a day, a month, a year) meets the window."""
        return first <= self.latest and last >= self.earliest


def find_event_date(title: str | None, body: list[str], published: str | None,
                    path: PathDate | None = None, why: Reasons | None = None) -> EventDate:
    """The date of the event the article reports, with its precision and the source of its year.

    `published` is the page's timestamp, `path` the date the file's place gives. The result
    depends on these alone, never on the day it is computed (see the module's docstring).
    `why`, where given, is told each dated phrase weighed and why it lost or won (explain)."""
    rules = tuning()
    why = why or unheard
    event, _, _ = _patterns()
    window = _Window.around(published)
    published_day = date.fromisoformat(published[:10]) if published else None
    reference = (published_day, "published") if published_day else \
        (path.reference(), "path") if path else None
    lead = [t for t in [title or "", *body[:rules.lead_paragraphs]] if t]
    undated_today = False  # the lead's event is "today", with no timestamp to say which day
    ahead: tuple[str, EventDate] | None = None  # the first day after the page's, held back
    decided: tuple[str, EventDate] | None = None  # the day of a decision the lead reports, kept in reserve
    for paragraph in lead:
        relative = _relative_day(paragraph, published_day)
        for match in event.finditer(paragraph):
            if relative and relative[1] is None and relative[0] < match.start():
                undated_today = True
            if relative and relative[1] and relative[0] < match.start():
                why(f"'{match.group()}' lost: a relative day ({relative[1]}) comes before it")
                break
            if match["tod"].lower() == "ngày" and _cited_document(paragraph, match.start()):
                if decided is None and match["y"] and _reported_decision(paragraph, match):
                    value = valid_date(int(match["y"]), int(match["m"]), int(match["d"]))
                    if value and window.holds(date.fromisoformat(value), date.fromisoformat(value)):
                        decided = (match.group(), EventDate(value, "day", "text"))
                why(f"'{match.group()}' lost: a cited document's date")
                continue
            if _born_on().search(paragraph, max(0, match.start() - 12), match.start()):
                why(f"'{match.group()}' lost: a person's birthday")
                continue
            if _is_deadline(paragraph[max(0, match.start() - rules.deadline_reach):match.start()],
                            bool(match["d0"] or _RANGE_ON.match(paragraph, match.end()))):
                why(f"'{match.group()}' lost: a deadline, a start or an effective day")
                continue  # "trước ngày 15/9", "từ ngày 1/7": a deadline or a start, not the event's day
            # "ngày 14 và 15/10", "14-15/10": the event starts on the first day
            first = int(match["d0"]) if match["d0"] and int(match["d0"]) < int(match["d"]) else None
            day, month = first or int(match["d"]), int(match["m"])
            if not (1 <= day <= 31 and 1 <= month <= 12) or _a_period(match, paragraph, day, month):
                why(f"'{match.group()}' lost: no day, or a period longer than an event")
                continue
            year, source = _year_of(match, paragraph, month, day, body, title, reference, path, window)
            if undated_today and source != "text":
                why(f"'{match.group()}' lost: the lead's event is on a day it calls 'today' and does not print")
                continue  # the congress a press conference "sáng nay" announces; "ngày 6/2/2017" still dates
            if year is None:
                if published_day:
                    why(f"'{match.group()}' lost: no year puts it within the page's window")
                    continue  # no day near the page: a background or future day; the next phrase may date the event
                why(f"'{match.group()}' chosen, but nothing in the article gives its year")
                return EventDate(None, None, None, f"--{month:02d}-{day:02d}")
            value = valid_date(year, month, day)
            if not value:
                continue
            when = date.fromisoformat(value)
            if when <= window.latest and (source == "text" or when >= window.earliest):
                if published_day and when > published_day:
                    # a day after the page's: what the page announces ("Đại hội diễn ra từ ngày
                    # 10-12/9"); a later phrase of the lead on or before its day is what it reports
                    # ("Chiều 5/9, ... tổ chức họp báo"), else the first such stands (the headline's
                    # day announced and the lead's, said again with its year, both wait)
                    ahead = ahead or (match.group(), EventDate(value, "day", source))
                    why(f"'{match.group()}' held back: {value} is after the page's day, a day it announces")
                    continue
                why(f"'{match.group()}' chosen: the lead's first dated phrase left; its year {year} from {source}"
                    + (f" (before '{ahead[0]}', a day the page announces)" if ahead else ""))
                return EventDate(value, "day", source, announced=ahead[0] if ahead else None)
            why(f"'{match.group()}' lost: {value} is outside the page's window")
        if relative and relative[1] is None:
            # The lead's event is "today", a day the page does not print: a later dated
            # phrase without its own year is another event's (the congress a press
            # conference announces).
            undated_today = True
            why("a relative day ('hôm nay', 'sáng nay'...) with no timestamp: its day is unknown")
        elif relative:
            why(f"a relative day ('hôm nay', 'tối qua'...) chosen: {relative[1]}, counted from the page's timestamp")
            return EventDate(relative[1], "day", "published")
    if ahead is not None:
        why(f"'{ahead[0]}' chosen: no phrase of the lead dates a day up to the page's")
        return ahead[1]
    if decided is not None:
        why(f"'{decided[0]}' chosen: no other phrase of the lead dates the event; the decision it reports")
        return decided[1]
    # (Both patterns ignore case, so `re` tries them at every character; a paragraph without
    # a year, as most are, is passed over by a scan for one.)
    with_years = [paragraph for paragraph in lead[:rules.year_lead_paragraphs] if _YEAR.search(paragraph)]
    for paragraph in with_years:
        match = _MONTH_YEAR.search(paragraph)
        if match and 1 <= int(match[1]) <= 12 and _year_weight(paragraph[:match.start(2)], int(match[1])):
            year, month = int(match[2]), int(match[1])
            if window.holds(date(year, month, 1), date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)):
                why(f"'{match.group()}' chosen: no day dated the event; a month and year of the lead")
                return EventDate(f"{year:04d}-{month:02d}", "month", "text")
    years = [int(found[1]) for paragraph in with_years for found in _BARE_YEAR.finditer(_YEAR_RANGE.sub(" ", paragraph))
             if window.holds(date(int(found[1]), 1, 1), date(int(found[1]), 12, 31))
             and _year_weight(paragraph[:found.start(1)], 0)
             and not _future().search(_sentence_around(paragraph, found.start(), found.end())[1].lower())]
    if years:
        why(f"no day dated the event; the lead's year {max(years)} chosen (of {sorted(set(years))})")
        return EventDate(f"{max(years):04d}", "year", "text")
    if published_day:  # a printed timestamp is a better source of the year than a folder or file name
        why("nothing in the lead dates the event: the timestamp's year")
        return EventDate(f"{published_day.year:04d}", "year", "published")
    if path:
        why("nothing in the lead dates the event: the year of the file's folder or name")
        value = f"{path.year:04d}-{path.month:02d}" if path.month else f"{path.year:04d}"
        return EventDate(value, "month" if path.month else "year", "path")
    why("nothing dates the event")
    return NO_DATE


@lru_cache(maxsize=1)
def _document_before() -> re.Pattern[str]:
    """A cited document's number just before its date: "Hướng dẫn số 14 ngày 22/3/2019",
    "18-NQ/TW ngày 25-10-2017", "văn bản 10285 ngày" (a kind's last syllable,
    data/dates.yaml). Not "2 ngày 14 và 15/10", two days (a number alone is not enough), nor
    a term's years, "nhiệm kỳ 2015-2020, ngày 7-4-2015" (a symbol holds letters). Searched in
    the `reach.document` characters before a date: the pattern, which ends at the date, is
    tried at each character of what it is given."""
    kinds = alternation(datafiles.load("dates")["document_kind_endings"])
    return re.compile(rf"(?:số\s*\d+[\w/-]*|\d+[-/][\w/-]*[^\W\d_][\w/-]*|{kinds}\s+\d+)\s*,?\s*(?:ban hành\s*)?$",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _document_date_word() -> re.Pattern[str]:
    """"đề ngày", "ký ngày": a document's date (data/dates.yaml), in lower-cased text."""
    return re.compile(rf"{_lowered_words('document_date_words')}\s*$")


@lru_cache(maxsize=1)
def _reported_decision_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = datafiles.load("dates")["reported_decision"]
    return (re.compile(rf"(?<!\w)(?:{alternation(data['kinds'])})(?!\w)"),
            re.compile(rf"(?<!\w)(?:{alternation(data['acts'])})(?!\w)"),
            re.compile(rf"(?<!\w)(?:{alternation(data['basis'])})(?!\w)"))


def _reported_decision(paragraph: str, match: re.Match[str]) -> bool:
    """The date at `match` is a decision's whose sentence reports the act it makes ("Tại Quyết
    định số 2555/QĐ-TTg ngày 21/11/2025, Thủ tướng phê chuẩn ..."), not a legal basis
    ("Căn cứ Quyết định ..."): data/dates.yaml, reported_decision."""
    kind, act, basis = _reported_decision_patterns()
    opening, sentence = _sentence_around(paragraph, match.start(), match.end())
    before = paragraph[max(opening, match.start() - tuning().document_reach):match.start()].lower()
    after = paragraph[match.end():opening + len(sentence)].lower()
    return bool(kind.search(before)) and not basis.search(paragraph[opening:match.start()].lower()) \
        and bool(act.search(after))


def _cited_document(text: str, at: int) -> bool:
    """The date at text[at:] (opening with "ngày") is a cited document's: "Hướng dẫn số 14
    ngày", "18-NQ/TW ngày", "tờ trình đề ngày"."""
    start = max(0, at - tuning().document_reach)
    return bool(_document_before().search(text, start, at) or _document_date_word().search(text[start:at].lower()))


def _year_of(match: re.Match[str], paragraph: str, month: int, day: int, body: list[str], title: str | None,
             reference: tuple[date, str] | None, path: PathDate | None,
             window: _Window) -> tuple[int | None, str | None]:
    """The year of a dated phrase and where it came from: printed with it ("5-1-2018"), at the
    end of the range it opens ("từ ngày 5-5 đến 10-5-2017"), the year nearest the page's
    publication or the file's date, or the article's own words (infer_year)."""
    if match["y"]:
        return int(match["y"]), "text"
    ends = _range_end().match(paragraph, match.end())
    if ends:
        end_year = int(ends["y"])
        return (end_year if int(ends["m"]) >= month else end_year - 1), "text"
    if reference:
        if path and not path.month and reference[1] == "path":
            return path.year, "path"
        return nearest_year(reference[0], month, day, window), reference[1]
    year = infer_year(month, day, paragraph, body, title)
    if year is not None:
        year = _on_its_weekday(year, month, day, match["tod"])
    return year, ("text" if year else None)


def _on_its_weekday(year: int, month: int, day: int, time_word: str) -> int:
    """The year the article's words suggest, or the year after it where the dated phrase
    prints its weekday ("Thứ Hai (6/2)") and only that year has the day on it: the words'
    year is often a bound below the story's (a past year named in passing, "cây cầu khánh
    thành năm 2016"), the weekday is the day's own. (data/dates.yaml, weekdays)"""
    weekday = datafiles.load("dates")["weekdays"].get(time_word.lower())
    if weekday is None:
        return year
    for candidate in (year, year + 1):
        value = valid_date(candidate, month, day)
        if value and date.fromisoformat(value).weekday() == weekday:
            return candidate
    return year


def nearest_year(reference: date, month: int, day: int, window: _Window | None = None) -> int | None:
    """The year that puts day/month nearest `reference`: "ngày 1/7" in a page of
    28/6/2025 is 2025-07-01, "30/12" in one of 2/1/2020 is 2019-12-30. None where that
    nearest day is outside `window`: an event announced weeks ahead is not dated a year
    back, and a day months before the page is the background, not the news."""
    days = [date.fromisoformat(value) for year in (reference.year - 1, reference.year, reference.year + 1)
            if (value := valid_date(year, month, day))]
    if not days:
        return None
    nearest = min(days, key=lambda day_: abs((day_ - reference).days))
    return nearest.year if window is None or window.holds(nearest, nearest) else None


@lru_cache(maxsize=1)
def _range_end() -> re.Pattern[str]:
    words = alternation(datafiles.load("dates")["range_words"])
    return re.compile(rf"\s*(?:{words})\s*(?:ngày\s+)?\d{{1,2}}\s*[/.-]\s*(?P<m>\d{{1,2}})\s*[/.-]\s*"
                      rf"(?P<y>(?:19|20)\d{{2}})(?!\d)", re.IGNORECASE)


_YEAR = re.compile(rf"{_CENTURY}\d{{2}}(?!\d)")
_MONTH_BEFORE = re.compile(r"tháng\s+(\d{1,2})\s*(?:[/.-]\s*|\s+năm\s+)$", re.IGNORECASE)
# A full date's day and month before its year: "14-12-", "ngày 27/7/" (also after a range's
# dash, "(27/7/1947 - 27/7/"), not the end of a longer number.
# (after a dash, only where a year ends before it: "(19/5/1890-19/5/2017)", an anniversary's span)
_DAY_MONTH_BEFORE = re.compile(r"(?<![\d/.])(?<![/.]-)(?<!(?<!\d\d\d)\d-)(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*$")
_NAM_BEFORE = re.compile(r"\bnăm\s+$", re.IGNORECASE)
_COMMA_AFTER = re.compile(r"\s*,")
_DATE_WORD_AT_END = re.compile(r"\s*,?\s*ngày\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _congress_term() -> re.Pattern[str]:
    """"Đại hội ... nhiệm kỳ 2015-2020": the congress opening the term (data/dates.yaml), in
    lower-cased text (see _lowered_words); not a term as a period ("trong nhiệm kỳ 2020 - 2025")."""
    congress, term = _lowered_words("congress_words"), _lowered_words("term_words")
    period = "".join(f"(?<!{re.escape(word.lower())} )" for word in datafiles.load("dates")["term_period_words"])
    return re.compile(rf"{congress}\b[^.;]{{0,120}}?"
                      rf"\b{period}{term}\s+(?P<start>(?:19|20)\d{{2}})\s*[-–—]\s*(?:19|20)\d{{2}}")


REFERENCE_REACH = 8  # characters before a congress's word where "trước", "sau", "từ" stand


@lru_cache(maxsize=1)
def _congress_as_reference() -> re.Pattern[str]:
    """"trước " right before "Đại hội ... (nhiệm kỳ 2015-2020)": a congress as a point in time,
    no event the sentence dates (data/dates.yaml congress_reference_words), in lower-cased text.
    Asked where _congress_term matched: a lookbehind opening that pattern would keep `re` from
    finding its first word by a fast scan, and try it at every character."""
    return re.compile(rf"(?<!\w)(?:{alternation(datafiles.load('dates')['congress_reference_words'])})\s+$")


@lru_cache(maxsize=1)
def _born_on() -> re.Pattern[str]:
    """"sinh ngày 12/5/1975": the dated phrase is a birthday (searched in the few
    characters before the phrase, which opens with "ngày")."""
    return re.compile(rf"(?<!\w)(?:{alternation(datafiles.load('dates')['born_on_words'])})\s+$")


@lru_cache(maxsize=1)
def _birth_before() -> re.Pattern[str]:
    """"sinh năm 1963", "sinh ngày 5/7/1963": a birth date ends the text before the year."""
    words = alternation(datafiles.load("dates")["birth_words"])
    return re.compile(rf"(?<!\w)(?:{words})\s+(?:\d{{1,2}}\s*[/.-]\s*){{0,2}}$", re.IGNORECASE)


def _year_weight(before: str, month: int) -> int:
    """How strongly a year mention says "the event is in this year", from the words before
    it (the weights of data/dates.yaml): "tháng 6/2019" for an event in June, "9 tháng đầu
    năm 2019", another month, a full date, "năm 2019"; nothing for a bare number, a birth
    year ("sinh năm 1963"), a cited document's date, a horizon or a period's start ("đến
    năm 2020", "từ năm 2010")."""
    return _weigh(before, month)[0]


def _weigh(before: str, month: int) -> tuple[int, re.Match[str] | None]:
    """_year_weight, and the day and month where the year ends a full date."""
    # Each pattern is end-anchored and needs a word or mark the text before the year may lack:
    # a substring test first spares most mentions the patterns' scans (called ~4 times an article).
    rules = tuning()
    lowered = before.lower()
    birth_before, _ = _birth_before(), _compared_before()  # (compiled on the first call, not a rare branch's)
    if "sinh" in lowered and birth_before.search(before):
        return 0, None
    day_month = _DAY_MONTH_BEFORE.search(before) if before.rstrip()[-1:] in ("/", ".", "-") else None
    if day_month:
        # A document's date ("Nghị quyết số 18 ngày 25-10-2017", "tờ trình đề ngày
        # 14-12-2015") says when it was issued, which is before the event, not the event's year.
        head = _DATE_WORD_AT_END.sub("", before[:day_month.start()])
        cited = _document_before().search(head) or _document_date_word().search(head.lower())
        return (0, None) if cited else (rules.full_date, day_month)
    if _horizon_before().search(lowered) or _law_before().search(lowered) or \
            ("bầu" in lowered and _named_event_before().search(lowered)) or \
            ("so" in lowered and _compared_before().search(lowered)):
        return 0, None
    found = _MONTH_BEFORE.search(before) if "tháng" in lowered else None
    if found:
        return (rules.event_month if int(found.group(1)) == month else rules.other_month), None
    _, current_year, _ = _patterns()
    if current_year.search(lowered):
        return rules.current_year_phrase, None
    if "năm" in lowered and _NAM_BEFORE.search(before):
        return rules.year, None
    return 0, None


@lru_cache(maxsize=1)
def _law_before() -> re.Pattern[str]:
    """"Bộ luật Hình sự năm 2015", "Hiến pháp năm 2013": a law's name and "năm" right before a
    year (data/dates.yaml, law_words), in lower-cased text: the year the law was passed."""
    return re.compile(rf"(?:{_lowered_words('law_words')})(?:\s+[^\s.,;:()]+){{0,6}}\s+năm\s+$")


@lru_cache(maxsize=1)
def _named_event_before() -> re.Pattern[str]:
    """"cuộc bầu cử Tổng thống Mỹ năm", "bầu cử đại biểu Quốc hội năm": an election named by
    its year (data/dates.yaml, named_event_words), not "bầu cử ... trong năm", in lower-cased text."""
    return re.compile(rf"(?:{_lowered_words('named_event_words')})(?:\s+(?!trong\s)[^\s.,;:()]+){{0,5}}\s+(?<!trong\s)năm\s+$")


@lru_cache(maxsize=1)
def _compared_before() -> re.Pattern[str]:
    """"so với năm", "so với cuối năm", "so với Tết năm", "so với tháng 12/": the year a figure
    is compared with (data/dates.yaml, compared_with_words; up to COMPARED_GAP words of the
    period between: "so với dịp Tết năm 2016"), in lower-cased text."""
    # (never across the first word of a same period's phrase: "so với cùng kỳ năm 2016" votes, for the year after)
    same_period = alternation(sorted({phrase.split()[0] for phrase in datafiles.load("dates")["same_period_words"]}))
    return re.compile(rf"(?:{_lowered_words('compared_with_words')})\s+"
                      rf"(?:(?!(?:{same_period})(?!\w))[^\W\d]+\s+){{0,{COMPARED_GAP}}}"
                      rf"(?:năm\s+|tháng\s+\d{{1,2}}\s*[/.-]\s*)$")


COMPARED_GAP = 3  # words between "so với" and the year's "năm": "cuối", "Tết", "dịp Tết", "quý I"


@lru_cache(maxsize=1)
def _same_period_before() -> re.Pattern[str]:
    """"cùng kỳ năm", "cùng thời điểm năm" right before a year (data/dates.yaml,
    same_period_words), in lower-cased text: the same time of the year before."""
    return re.compile(rf"(?:{_lowered_words('same_period_words')})\s+(?:của\s+)?năm\s+$")


@lru_cache(maxsize=1)
def _horizon_before() -> re.Pattern[str]:
    """"đến năm", "tầm nhìn", "từ tháng 6/", "vào năm" ... right before a year (data/dates.yaml),
    in lower-cased text (see _lowered_words)."""
    return re.compile(rf"(?:{_lowered_words('horizon_words')})\s+"
                      rf"(?:năm\s+|tháng\s+\d{{1,2}}\s*[/.-]\s*|tháng\s+\d{{1,2}}\s+năm\s+)?$"
                      rf"|(?:{_lowered_words('past_year_words')})\s+năm\s+$")


def _lowered_words(key: str) -> str:
    """The words listed under `key` in data/dates.yaml, lower-cased, as a regex that matches
    one where a word begins, for text already lower-cased: a case-sensitive pattern that
    opens with literals scans fast, where an IGNORECASE one is tried at every character
    (patterns.py). The patterns built on it are only asked whether, or which year, they
    match, never where, so lower-casing the text cannot mislead them."""
    return alternation([word.lower() for word in datafiles.load("dates")[key]], not_after=r"\w")


@lru_cache(maxsize=None)
def _any_word_of(key: str) -> re.Pattern[str]:
    """Any of the words listed under `key` in data/dates.yaml, as whole words, in
    lower-cased text."""
    return re.compile(_lowered_words(key) + r"(?!\w)")


def _nearest_to_full_date(year: int, full_date: re.Match[str], month: int, day: int) -> int | None:
    """The year that puts day/month nearest the full date printed as `full_date` + `year`."""
    printed = valid_date(year, int(full_date["m"]), int(full_date["d"]))
    return nearest_year(date.fromisoformat(printed), month, day) if printed else None


def _years_of_day(text: str, day: int, month: int) -> set[int]:
    """The years printed with the event's own day and month: the latest is the event's where an
    anniversary counts from another ("(14/6/1957 - 14/6/2017)", "ngày 14/6/1957 ...")."""
    return {int(found["y"]) for found in _FULL_DATE.finditer(text) if (int(found["d"]), int(found["m"])) == (day, month)}


_FULL_DATE = re.compile(r"(?<![\d/.])(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>(?:19|20)\d{2})(?!\d)")
_START_BEFORE = re.compile(r"(?<!\w)(?:từ|kể từ)\s+(?:ngày\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _anniversary() -> re.Pattern[str]:
    """"kỷ niệm", "năm trước": a sentence that counts years from a day (data/dates.yaml), lower-cased."""
    return _any_word_of("anniversary_words")


@lru_cache(maxsize=1)
def _backstory_opening() -> re.Pattern[str]:
    """A sentence's opening up to its "năm" ("Năm ", "Trước đó, cuối năm "; data/dates.yaml,
    backstory_opening_words), in lower-cased text."""
    return re.compile(rf"{_backstory_prefix()}năm\s+$")


def _backstory_prefix() -> str:
    """A sentence's opening and up to three backstory words before its time ("Trước đó, cuối
    ", data/dates.yaml backstory_opening_words), for patterns over lower-cased text."""
    return rf"(?:^|[.!?;]\s+)(?:{_lowered_words('backstory_opening_words')}[\s,]+){{0,3}}"


def _month_opens(text: str, before: str, year_end: int) -> bool:
    """The month whose year ends at text[year_end] opens its sentence as its time, before a
    comma ("Tháng 10/2016, cô tuyên bố ...", "Trước đó, vào tháng 3/2016, ..."): a scene the
    story recalls, where it is not a plan's (the caller asks). `before`: the text before the
    year, lower-cased. (A month named otherwise may be a plan's: "tháng 6/2017 hoàn thành".)"""
    return bool(_months_gone_by()[0].search(before) and _COMMA_AFTER.match(text, year_end))


def _day_opens(text: str, before: str, year_end: int) -> bool:
    """The full date whose year ends at text[year_end] opens its sentence as its time, before
    a comma ("Ngày 12/10/2016, ...", "Trước đó, ngày 12/10/2016, ..."), or is told as a day
    gone by ("hôm 23/6/2016"): a scene recalled. `before`: the text before the year, lower-cased."""
    opening, past_day = _days_gone_by()
    if _COMMA_AFTER.match(text, year_end) and opening.search(before):
        return True  # (the patterns end at the year, so `re` tries them at every character: tests first)
    return any(word in before for word in datafiles.load("dates")["past_day_words"]) and past_day.search(before) is not None


@lru_cache(maxsize=1)
def _days_gone_by() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A sentence's opening up to a full date's year, and a past-day word right before one
    ("hôm 23/6/"; data/dates.yaml, past_day_words), in lower-cased text."""
    day = r"(?:ngày\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*$"
    return (re.compile(rf"{_backstory_prefix()}(?:(?:sáng|chiều|tối|trưa|đêm)\s+)?{day}"),
            re.compile(rf"(?<!\w)(?:{_lowered_words('past_day_words')})\s+{day}"))


def _month_until_now(text: str, before: str, year_end: int) -> bool:
    """A span runs from the month whose year ends at text[year_end] to now ("từ tháng 8-2016
    đến nay"): gone by, whatever the sentence says next."""
    return bool(_months_gone_by()[1].search(before) and _UNTIL_NOW.match(text, year_end))


_UNTIL_NOW = re.compile(r"\s*(?:đến|tới)\s+(?:nay|bây giờ)(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _months_gone_by() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A sentence's opening up to its month ("Tháng 10/", "Trước đó, cuối tháng 3/"), and
    "từ (khoảng) tháng N/" (data/dates.yaml, backstory_opening_words), in lower-cased text."""
    month = r"tháng\s+\d{1,2}\s*(?:[/.-]\s*|\s+năm\s+)$"
    return (re.compile(rf"{_backstory_prefix()}{month}"),
            re.compile(rf"(?<!\w)(?:kể\s+)?từ\s+(?:khoảng\s+)?{month}"))


@lru_cache(maxsize=1)
def _future() -> re.Pattern[str]:
    """A future word (data/dates.yaml), in lower-cased text; one that is also a document's kind
    (data/documents.yaml) names no plan where a document's number follows it: "Thực hiện Kế
    hoạch số 04-KH/ĐU, ... đã tổ chức ... tháng 10-2025" reports what was done (not "lỗ kế
    hoạch 3 năm đầu": a plan)."""
    kinds = {name.lower() for name in datafiles.load("documents")["kinds"]}
    words = datafiles.load("dates")["future_words"]
    plain = alternation([w.lower() for w in words if w.lower() not in kinds], not_after=r"\w")
    cited = alternation([w.lower() for w in words if w.lower() in kinds], not_after=r"\w")
    return re.compile(rf"(?:{plain})(?!\w)|(?:{cited})(?!\w)(?!\s+(?:số\s*:?\s*\d|\d{{1,4}}\s*[-/]))")


def _career() -> re.Pattern[str]:
    return _any_word_of("career_words")


_PARAGRAPH_END = re.compile("\n")
_SENTENCE_MARK = re.compile(r"[.;!?\n]")
_MONTH_DOT = re.compile(r"tháng\s*\d{1,2}\.$")  # "tháng 10.2023": a month and its year, no sentence's end


def _sentence_around(text: str, start: int, end: int) -> tuple[int, str]:
    """Where the sentence (or clause list) holding text[start:end] opens, and that sentence.
    The dot of "tháng 10.2023" ends none: "... trước khi được luân chuyển về tỉnh vào tháng
    10.2023" is one sentence, the career's year in it."""
    before = start
    if text[start - 1:start] == "." and _MONTH_DOT.search(text, max(0, start - 12), start):
        before = start - 1
    opening = max(text.rfind(mark, 0, before) for mark in ".;!?\n") + 1
    closing = _SENTENCE_MARK.search(text, end)
    return opening, text[opening:closing.start() if closing else len(text)]


_CLAUSE_START = re.compile(r"[.;:!?\n]")


@lru_cache(maxsize=1)
def _season_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = datafiles.load("dates")
    return (re.compile(rf"(?<!\w){alternation(data['plan_words'])}(?!\w)", re.IGNORECASE),
            re.compile(rf"(?<!\w){alternation(data['review_context_words'])}(?!\w)", re.IGNORECASE))


# a period of the year reported on, before "năm Y" or "/Y": "6 tháng đầu năm", "quý II/"
_REPORTED_PERIOD = re.compile(r"(?:\d{1,2}\s+tháng\s+(?:đầu|cuối)\s+(?:của\s+)?năm|quý\s+[IV\d]+\s*(?:năm|/))\s*$",
                              re.IGNORECASE)
# a part of a year before "năm Y": "6 tháng đầu năm", "quý II năm", "nửa đầu năm"
_PART_OF_YEAR = re.compile(r"(?:tháng\s+(?:đầu|cuối)|quý\s+[IVX\d]+|nửa\s+(?:đầu|cuối))\s+(?:của\s+)?năm\s+$", re.IGNORECASE)


def _season_shift(before: str, month: int, reviews_counted: bool) -> int:
    """-1 where a year is the next year's plan spoken of late in a year (not "... tháng cuối
    năm 2019", the current year's end); +1 where it is the past year's review spoken of
    early in a year, unless `reviews_counted` (the title and the dated sentence, whose
    "tổng kết ... năm Y" the review rule of infer_year weighs already); else 0
    (see data/dates.yaml)."""
    rules = tuning()
    if _mid_year(month):
        return 0
    clause = _CLAUSE_START.split(before)[-1]
    plan, review = _season_words()
    if month >= rules.late_year_from_month and plan.search(clause) and not _patterns()[1].search(clause.lower()):
        return -1
    if month <= rules.early_year_to_month and not reviews_counted and review.search(clause):
        return 1
    return 0


@lru_cache(maxsize=1)
def _just_past() -> re.Pattern[str]:
    """Right after a year, the words that make it the year just ended ("năm 2016 vừa qua,"),
    closing their clause ("năm 2017 vừa qua đời" is "just died")."""
    return re.compile(rf"\s*(?:{alternation(datafiles.load('dates')['just_past_after'])})\s*(?:[,.;:)]|$)")


def _mid_year(month: int) -> bool:
    """Neither late in a year (a plan's year is the next) nor early (a review's is the last)."""
    rules = tuning()
    return rules.early_year_to_month < month < rules.late_year_from_month


def infer_year(month: int, day: int, sentence: str, body: list[str], title: str | None) -> int | None:
    """The year of a day-and-month date from the article's own words, or None where they do
    not settle it. `sentence` is the paragraph that holds the date (an export's one paragraph
    is its whole body: its "Đại hội ... nhiệm kỳ" and "tổng kết ... năm Y" date the event
    wherever they stand). Years in a career's sentence, in a paragraph that walks through a
    history (`chronology_years` different years that would vote), and the words of
    `_year_weight` that give no vote, do not count; a career's latest year bounds the
    event's from below (the career is the story's past). A full date of another day votes
    for the year that puts the event's day nearest it.

    The title and body are scanned as one text (term ranges blanked out), each year
    weighed within its own paragraph."""
    text = _YEAR_RANGE.sub(" ", "\n".join([title or "", *body]))
    own_days: set[int] | None = None  # read only where the event's own day is printed with a year
    anniversary = _anniversary()  # (compiled on the first year inferred, not the first own day found)
    same_period_before = _same_period_before()  # (so too)
    breaks = [found.start() for found in _PARAGRAPH_END.finditer(text)]
    ranged = _YEAR_RANGE.sub(" ", sentence)
    sentence_at = text.find(ranged, breaks[0] + 1) if breaks else -1
    sentence_end = sentence_at + len(ranged) if sentence_at >= 0 else -1
    rules = tuning()
    by_paragraph: dict[int, dict[int, int]] = {}
    named: dict[int, set[int]] = {}
    sentence_words: dict[int, tuple[bool, bool]] = {}  # a sentence's start -> (career, future)
    said_in_its_year = False  # a vote from words said during the year they name
    told_before = 0  # the latest year of a career the story tells: its event is no earlier
    month_told = date.min  # the latest month or day told as gone by: the event's day is no earlier
    for match in _YEAR.finditer(text):
        year, at = int(match.group()), match.start()
        paragraph = bisect_left(breaks, at)
        paragraph_start = breaks[paragraph - 1] + 1 if paragraph else 0
        before = text[max(paragraph_start, at - rules.clause_reach):at]
        context = before[-rules.year_context:]
        weight, full_date = _weigh(context, month)
        if not weight:
            since = _MONTH_BEFORE.search(context) if "háng" in context else None  # ("từ tháng 8-2016 đến nay"
            # votes for no year, but bounds the day; a substring test first: most years have no month)
            if since and 1 <= int(since[1]) <= 12 and _month_until_now(text, before.lower(), match.end()):
                month_told = max(month_told, date(year, int(since[1]), 1))
            continue
        named.setdefault(paragraph, set()).add(year)
        opening, around = _sentence_around(text, at, match.end())
        if opening not in sentence_words:
            lowered = around.lower()
            sentence_words[opening] = (bool(_career().search(lowered)), bool(_future().search(lowered)))
        career, future = sentence_words[opening]
        if career:
            if not future:  # "được bổ nhiệm ngày 9/9/2016": the event comes after
                told_before = max(told_before, year)
            continue
        in_review_rule = paragraph == 0 or sentence_at <= at < sentence_end
        if weight < rules.current_year_phrase and _mid_year(month) and not in_review_rule and \
                _season_words()[1].search(_CLAUSE_START.split(before)[-1]):
            continue  # "kết quả ... năm 2016" said mid-year reviews a past year: no vote either way
        own_day = full_date is not None and (int(full_date["d"]), int(full_date["m"])) == (day, month)
        if own_day and own_days is None:
            own_days = _years_of_day(text, day, month)
        if own_day and year == max(own_days or {year}) \
                and (len(own_days) > 1 or not anniversary.search(around.lower())) \
                and not _START_BEFORE.search(context[:full_date.start()]):
            # "Sáng 19.5, ... (19.5.2017)": the event's own day, its year printed; not the day an
            # anniversary counts from ("kỷ niệm 60 năm ... (14/6/1957 - 14/6/2017)": the later of
            # two; "40 năm trước, ngày 21/6/1977", alone), nor a start ("từ 1/7/2012")
            shift, weight = 0, rules.event_day
        elif full_date:
            # "ngày 3-11-2016" beside the event's 3-2: another day, which places 3-2 in 2017
            shift = (_nearest_to_full_date(year, full_date, month, day) or year) - year
            if not future and paragraph > 0 and _day_opens(text, before.lower(), match.end()) \
                    and (recalled := valid_date(year, int(full_date["m"]), int(full_date["d"]))):
                month_told = max(month_told, date.fromisoformat(recalled))  # "Trước đó, ngày 12/10/2016, ..."
        elif named_month := _MONTH_BEFORE.search(context):
            shift = 0  # "tháng 1-2017" is a month of 2017, whatever review or plan it is said of
            if not future and paragraph > 0 and 1 <= int(named_month[1]) <= 12 \
                    and _month_opens(text, before.lower(), match.end()):
                # ("Tháng 10/2016, cô tuyên bố ...": the story is no earlier; not in the headline,
                # which may announce a month to come: "Tháng 8-2017, cầu ... thông xe")
                month_told = max(month_told, date(year, int(named_month[1]), 1))
        elif _just_past().match(text, match.end()) or \
                ("cùng" in before and same_period_before.search(before.lower())):
            shift = 1  # "Năm 2016 vừa qua, ...", "tăng so với cùng kỳ năm 2016": said in the year after it
        else:
            shift = _season_shift(before, month, in_review_rule)
        if shift == 0 and _COMMA_AFTER.match(text, match.end()) and _backstory_opening().search(before.lower()):
            told_before = max(told_before, year)  # "Năm 2011, ông A ...": a scene the story recalls
            continue
        if shift >= 0 and future and not (_REPORTED_PERIOD.search(context)
                                           and not _future().search(text[opening:at].lower())):
            # "sẽ hoàn thành vào năm 2019": a plan's year; but a period reported on, "tình hình 6
            # tháng đầu năm 2017, định hướng nhiệm vụ thời gian tới", was said during 2017, and the
            # plan is in the clause after it
            continue
        found = by_paragraph.setdefault(paragraph, {})
        found[year + shift] = found.get(year + shift, 0) + weight
        said_in_its_year = said_in_its_year or weight >= rules.current_year_phrase
    votes: Counter[int] = Counter()
    for paragraph, found in by_paragraph.items():
        if len(named[paragraph]) < rules.chronology_years:
            votes.update(found)
    _, _, review_year = _patterns()
    for review in review_year.finditer(f"{_YEAR_RANGE.sub(' ', title or '')}\n{ranged}"):
        year = int(review[1])
        # (a review of part of the year, "sơ kết công tác 6 tháng đầu năm 2017" on 16/6, is held
        # within that year; only a whole year's is held early in the next)
        within = _PART_OF_YEAR.search(review.group(), 0, review.start(1) - review.start())
        votes[year if within or month >= rules.review_same_year_from_month else year + 1] += rules.review
        said_in_its_year = True
    lowered, at = sentence.lower(), 0
    while term := _congress_term().search(lowered, at):
        if _congress_as_reference().search(lowered, max(0, term.start() - REFERENCE_REACH), term.start()):
            at = term.start() + 1  # "trước Đại hội ... (nhiệm kỳ 2015-2020) có hai cán bộ được điều động"
            continue  # (a congress named later in the sentence may still open the term)
        votes[int(term["start"])] += rules.congress_term
        said_in_its_year, at = True, term.end()
    votes = Counter({year: weight for year, weight in votes.items() if weight > 0 and year >= told_before})
    if not votes:
        return None
    if said_in_its_year:  # "9 tháng đầu năm 2019", "tổng kết ... năm 2019": the weightiest year
        return max(votes, key=lambda y: (votes[y], y))
    # Else only years named in passing vote (a plain "năm 2013", another day or month). A story
    # looks back, not ahead (plans, horizons and forecasts gave no vote): the years of its
    # background ("Năm 2012, dự án được phê duyệt") lie before its own, so the latest year is
    # the story's, however many times an older one is named; and its day is no earlier than
    # the latest month it names ("30/6" after "tháng 10/2016" is of 2017).
    latest = max(votes)
    if month_told.year == latest and (valid_date(latest, month, day) or "9999") < month_told.isoformat():
        return latest + 1
    return latest
