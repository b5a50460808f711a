"""Dates: when the reported event happened (the publication time is published.py's).

The event date is found by a cascade from most to least reliable (as htmldate does):
a dated phrase in the lead ("Chiều 30-9", "Ngày 5-1-2018"), then its year from the
publication time, then from the article's own wording ("9 tháng đầu năm 2019",
"tháng 6/2019"). A year is never taken from a teaser or footer: those are gone by now.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from partyorg_site import datafiles
from partyorg_site.extract.published import valid_date
from partyorg_site.patterns import Anchored, alternation

LEAD_PARAGRAPHS = 3


# A year of this century or the last, not inside a longer number. (The "no digit before"
# check comes after the first digit, so that the pattern opens with literals: patterns.py.)
_CENTURY = alternation(["19", "20"], not_after=r"\d")
_YEAR_RANGE = re.compile(rf"{_CENTURY}\d{{2}}\s*[-–—]\s*(?:19|20)\d{{2}}(?!\d)")
_MONTH_YEAR = re.compile(r"tháng\s+(\d{1,2})\s*(?:[/.-]\s*|\s+năm\s+)((?:19|20)\d{2})(?!\d)", re.IGNORECASE)
_BARE_YEAR = re.compile(r"\bnăm\s+((?:19|20)\d{2})(?!\d)", re.IGNORECASE)
# A document's date ("Hướng dẫn số 14 ngày 22/3/2019", "18-NQ/TW ngày 25-10-2017") is not the event's.
# ("2 ngày 14 và 15/10" is two days, not a document: a number alone is not enough, nor is
# a term's years, "nhiệm kỳ 2015-2020, ngày 7-4-2015": a symbol holds letters.)
_DOCUMENT_BEFORE = re.compile(r"(?:số\s*\d+[\w/-]*|\d+[-/][\w/-]*[^\W\d_][\w/-]*|(?:quyết|thị|luận|định|dẫn|chế|hoạch|báo|án)"
                              r"\s+\d+)\s*,?\s*(?:ban hành\s*)?$", re.IGNORECASE)


@dataclass(frozen=True)
class EventDate:
    value: str | None
    precision: str | None


@lru_cache(maxsize=1)
def _patterns() -> tuple[Anchored, re.Pattern[str], Anchored]:
    data = datafiles.load("dates")
    times = "|".join(sorted(map(re.escape, data["times_of_day"]), key=len, reverse=True))
    event = Anchored(re.compile(
        rf"(?<!\w)(?P<tod>{times})\s*\(?\s*(?:ngày\s+)?(?:(?P<d0>\d{{1,2}})\s*(?:và|,|-|đến)\s*)?"
        rf"(?P<d>\d{{1,2}})\s*(?:[/.-]\s*|\s+tháng\s+)(?P<m>\d{{1,2}})"
        rf"(?:\s*(?:[/.-]\s*|\s+năm\s+)(?P<y>(?:19|20)\d{{2}}))?(?![\d/])",
        re.IGNORECASE), phrases=data["times_of_day"])
    current = "|".join(sorted(map(re.escape, data["current_year_phrases"]), key=len, reverse=True))
    current_year = re.compile(rf"(?:{current})\s+(?:[IV]+\s*/\s*)?$", re.IGNORECASE)
    review = "|".join(map(re.escape, data["review_words"]))
    review_year = Anchored(re.compile(rf"(?:{review})\b[^.;]{{0,80}}?\bnăm\s+((?:19|20)\d{{2}})(?!\d)", re.IGNORECASE),
                           phrases=data["review_words"])
    return event, current_year, review_year


@lru_cache(maxsize=1)
def _relative_days() -> re.Pattern[str]:
    data = datafiles.load("dates")
    return re.compile(rf"\s*(?:(?P<today>{alternation(data['today_words'])})|"
                      rf"(?P<yesterday>{alternation(data['yesterday_words'])}))(?!\w)", re.IGNORECASE)


def _relative_day(lead: list[str], published: str | None) -> str | None:
    """"Sáng nay, Ban Tổ chức ..." with no date: the day the article was published;
    "Chiều qua, ...": the day before. Only where a lead paragraph opens so."""
    if not published:
        return None
    for paragraph in lead:
        found = _relative_days().match(paragraph)
        if found:
            day = date.fromisoformat(published[:10])
            return (day if found["today"] else day - timedelta(days=1)).isoformat()
    return None


def find_event_date(title: str | None, body: list[str], published: str | None) -> EventDate:
    """The date of the event the article reports, with its precision."""
    event, _, _ = _patterns()
    lead = [t for t in [title or "", *body[:LEAD_PARAGRAPHS]] if t]
    for paragraph in lead:
        for match in event.finditer(paragraph):
            if match["tod"].lower() == "ngày" and _DOCUMENT_BEFORE.search(paragraph[:match.start()]):
                continue
            # "ngày 14 và 15/10", "14-15/10": the event starts on the first day
            first = int(match["d0"]) if match["d0"] and int(match["d0"]) < int(match["d"]) else None
            day, month = first or int(match["d"]), int(match["m"])
            if not (1 <= day <= 31 and 1 <= month <= 12):
                continue
            year = int(match["y"]) if match["y"] else infer_year(month, day, paragraph, body, title, published)
            if year is None:
                return EventDate(None, None)
            value = valid_date(year, month, day)
            if value:
                return EventDate(value, "day")
    relative = _relative_day(lead, published)
    if relative:
        return EventDate(relative, "day")
    for paragraph in lead[:2]:
        match = _MONTH_YEAR.search(paragraph)
        if match and 1 <= int(match[1]) <= 12:
            return EventDate(f"{int(match[2]):04d}-{int(match[1]):02d}", "month")
    years = [int(y) for p in lead[:2] for y in _BARE_YEAR.findall(_YEAR_RANGE.sub(" ", p))]
    if published:
        years = [y for y in years if y <= int(published[:4])]
    if years:
        return EventDate(f"{max(years):04d}", "year")
    return EventDate(None, None)


YEAR_CONTEXT = 40
_YEAR = re.compile(rf"{_CENTURY}\d{{2}}(?!\d)")
_MONTH_BEFORE = re.compile(r"tháng\s+(\d{1,2})\s*(?:[/.-]\s*|\s+năm\s+)$", re.IGNORECASE)
_DAY_MONTH_BEFORE = re.compile(r"(?<![\d/.-])\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*$")
_NAM_BEFORE = re.compile(r"\bnăm\s+$", re.IGNORECASE)
_DATE_WORD_AT_END = re.compile(r"\s*,?\s*ngày\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _congress_term() -> re.Pattern[str]:
    """"Đại hội ... nhiệm kỳ 2015-2020": the congress opening the term (data/dates.yaml)."""
    data = datafiles.load("dates")
    return re.compile(rf"(?<!\w)(?:{alternation(data['congress_words'])})\b[^.;]{{0,120}}?"
                      rf"\b(?:{alternation(data['term_words'])})\s+(?P<start>(?:19|20)\d{{2}})\s*[-–—]\s*(?:19|20)\d{{2}}",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _birth_before() -> re.Pattern[str]:
    """"sinh năm 1963", "sinh ngày 5/7/1963": a birth date ends the text before the year."""
    words = alternation(datafiles.load("dates")["birth_words"])
    return re.compile(rf"(?<!\w)(?:{words})\s+(?:\d{{1,2}}\s*[/.-]\s*){{0,2}}$", re.IGNORECASE)


def _year_weight(before: str, month: int) -> int:
    """How strongly a year mention says "the event is in this year", from the words before it:
    "tháng 6/2019" (the event's month) 5, another month 1; "9 tháng đầu năm 2019" 3;
    a full date 1 (a cited document's date 0); "năm 2019" 1; a bare number or a birth year
    ("sinh năm 1963") 0."""
    if _birth_before().search(before):
        return 0
    found = _MONTH_BEFORE.search(before)
    if found:
        return 5 if int(found.group(1)) == month else 1
    _, current_year, _ = _patterns()
    if current_year.search(before):
        return 3
    day_month = _DAY_MONTH_BEFORE.search(before)
    if day_month:
        # A document's date ("Nghị quyết số 18 ngày 25-10-2017") says when it was issued,
        # which is before the event, not the event's year.
        cited = _DOCUMENT_BEFORE.search(_DATE_WORD_AT_END.sub("", before[:day_month.start()]))
        return 0 if cited else 1
    if _NAM_BEFORE.search(before):
        return 1
    return 0


CLAUSE_REACH = 90  # characters before a year where its clause's plan or review words are looked for
_CLAUSE_START = re.compile(r"[.;:!?\n]")


@lru_cache(maxsize=1)
def _season_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = datafiles.load("dates")
    return (re.compile(rf"(?<!\w){alternation(data['plan_words'])}(?!\w)", re.IGNORECASE),
            re.compile(rf"(?<!\w){alternation(data['review_context_words'])}(?!\w)", re.IGNORECASE))


def _season_shift(before: str, month: int, reviews_counted: bool) -> int:
    """-1 where a year is the next year's plan spoken of late in a year (not "... tháng cuối
    năm 2019", the current year's end); +1 where it is the past year's review spoken of
    early in a year, unless `reviews_counted` (the title and the dated sentence, whose
    "tổng kết ... năm Y" the review rule of infer_year weighs already); else 0
    (see data/dates.yaml)."""
    if 4 <= month <= 10:
        return 0
    clause = _CLAUSE_START.split(before)[-1]
    plan, review = _season_words()
    if month >= 11 and plan.search(clause) and not _patterns()[1].search(clause):
        return -1
    if month <= 3 and not reviews_counted and review.search(clause):
        return 1
    return 0


def infer_year(month: int, day: int, sentence: str, body: list[str], title: str | None,
               published: str | None) -> int | None:
    """The year of a day-and-month date, from the publication time or the article's words."""
    if published:
        pub_year, pub_month, pub_day = int(published[:4]), int(published[5:7]), int(published[8:10])
        return pub_year if (month, day) <= (pub_month, pub_day) else pub_year - 1
    votes: Counter[int] = Counter()
    text = _YEAR_RANGE.sub(" ", "\n".join([title or "", *body]))
    sentence_at = text.find(_YEAR_RANGE.sub(" ", sentence), len(title or ""))
    sentence_end = sentence_at + len(sentence) if sentence_at >= 0 else -1
    for match in _YEAR.finditer(text):
        year = int(match.group())
        before = text[max(0, match.start() - CLAUSE_REACH):match.start()]
        in_review_rule = match.start() <= len(title or "") or sentence_at <= match.start() < sentence_end
        votes[year + _season_shift(before, month, in_review_rule)] += _year_weight(before[-YEAR_CONTEXT:], month)
    _, _, review_year = _patterns()
    for review in review_year.finditer(_YEAR_RANGE.sub(" ", f"{title or ''}\n{sentence}")):
        year = int(review[1])
        votes[year if month >= 7 else year + 1] += 3
    for term in _congress_term().finditer(sentence):
        votes[int(term["start"])] += 3
    votes = Counter({year: weight for year, weight in votes.items() if weight > 0})
    if not votes:
        return None
    return max(votes, key=lambda y: (votes[y], y))
