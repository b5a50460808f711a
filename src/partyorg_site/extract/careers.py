"""Whether a sentence tells a career's past or the news: the years it prints, weighed
against the article's own date.

Both the decisions (appointments) and the titles printed with a post word (officials: "ông A,
giữ chức X") ask it: a post given in a sentence dated years before the article is a profile's
history, not this article's news; a sentence dated on the article's own day ("Ngày 3/10/2017,
UBND tỉnh ... bổ nhiệm ...: ông A, giữ chức X") is its news. Its words are data
(data/appointments.yaml: birth_cues, cited_rules, start_words, violation_words).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from partyorg_site import datafiles
from partyorg_site.patterns import alternation
from partyorg_site.vietnamese import OPENS_A_SYMBOL, either_case_phrases

Reference = tuple[int, date | None]  # the article's year, and its day where known

YEAR = re.compile(rf"(?<![\d/.-])((?:19|20)\d{{2}})(?!\d|{OPENS_A_SYMBOL})")
FULL_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*((?:19|20)\d{2})(?!\d)")
_MONTH_YEAR = re.compile(r"(?<!\w)[tT]háng\s+(\d{1,2})\s*[-/.]\s*((?:19|20)\d{2})(?!\d)")
ANY_YEAR = re.compile(r"(?:19|20)\d\d")  # the cheap test before a sentence's years are weighed
TERM_YEARS = re.compile(r"(?:19|20)\d{2}(?:\s*[-–—]\s*|\s+)(?:19|20)\d{2}")  # (a dash lost: "nhiệm kỳ 2021 2026")
CAREER_DAYS = 120  # a decision reported months after it was taken is news no more: a profile's past


@dataclass(frozen=True)
class _Rules:
    """The dates a sentence prints that date no step of a career (data/appointments.yaml)."""
    birth: re.Pattern[str]  # "sinh năm 1977", "SN 1978": a birth date, no career's
    cited_rule: re.Pattern[str]  # "Quy định số 69-QĐ/TW ngày 6/7/2022": a rule's date, no career's
    start_date: re.Pattern[str]  # "kể từ ngày công bố Quyết định ... ngày 21-5-2024": when it runs from, no career's
    start_tails: tuple[str, ...]  # the start words but their first letter: a text without one holds no start
    violation: re.Pattern[str]  # "vì sai phạm trong năm 2013 và 2014": when the wrong was done, no career's
    violation_words: tuple[str, ...]  # (a text without one holds no violation)


@lru_cache(maxsize=1)
def rules() -> _Rules:
    table = datafiles.load("appointments")
    return _Rules(
        birth=re.compile(r"(?<!\w)(?:" + alternation(either_case_phrases(table["birth_cues"])) + r")\s*:?\s*"
                         r"(?:\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*)?(?:19|20)\d{2}(?!\d)"
                         r"|(?<=[^\W\d_])\s*\(\s*(?:19|20)\d{2}\s*\)"),  # (a year alone in brackets after a name: "ông A (1970)")
        cited_rule=re.compile(r"(?<!\w)(?:" + alternation(either_case_phrases(table["cited_rules"])) + r")\s+(?:số\s*)?"
                              r"\S*\d\S*\s*,?\s*(?:ban hành\s*)?ngày\s*\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*(?:19|20)\d{2}"),
        start_date=re.compile(r"(?:" + alternation(either_case_phrases(table["start_words"]), not_after=r"\w") + r")(?!\w)[^.;\n]{0,80}?"
                              r"\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*(?:19|20)\d{2}"),
        start_tails=tuple(word[1:] for word in table["start_words"]),
        violation=re.compile(alternation(table["violation_words"], not_after=r"\w") + r"(?!\w)[^.;,\n]*"
                             r"(?:,\s*(?=(?:19|20)\d\d)[^.;,\n]*)*"),
        violation_words=tuple(table["violation_words"]),
    )


def reference(when: str | int | None) -> Reference | None:
    """The article's year, and its day where known, from its date (YYYY[-MM[-DD]]) or year."""
    if when is None:
        return None
    text = str(when)
    try:
        return int(text[:4]), date.fromisoformat(text[:10]) if len(text) >= 10 else None
    except ValueError:
        return None


def dates_a_career(sentence: str, reference: Reference | None) -> bool:
    """The sentence is dated well before the article: a bare year before its year ("Năm
    2010, ông được bầu ..."), a full date more than CAREER_DAYS before its day (or of an
    earlier year, where its day is unknown: "ngày 8/4/2016, ông được điều động" in a 2017
    profile), or a month more than that ("Tháng 2/2025, Bộ Chính trị quyết định ..." in a
    December report); or, where the article's date is unknown, to any bare year. A term's years
    ("nhiệm kỳ 2015-2020"), a birth date ("(sinh năm 1977)"), a cited rule's date ("căn cứ
    Quy định số 69-QĐ/TW ngày 6/7/2022"), a start ("kể từ ngày 21-5-2024") and a violation's
    years ("vì sai phạm trong năm 2013") date nothing."""
    if not ANY_YEAR.search(sentence):
        return False  # no year printed: nothing dates the sentence
    without_terms = _without_undating_years(sentence, starts=True)
    years = YEAR.findall(FULL_DATE.sub(" ", without_terms))
    if reference is None:
        return bool(years)
    year, day = reference
    if any(int(y) < year for y in years):
        return True
    for match in FULL_DATE.finditer(without_terms):
        printed = valid_date(match)
        if printed and ((day and (day - printed).days > CAREER_DAYS) or (not day and printed.year < year)):
            return True
    for match in _MONTH_YEAR.finditer(FULL_DATE.sub(" ", without_terms)):  # "Tháng 2/2025, Bộ Chính trị quyết định ..."
        month, printed_year = int(match[1]), int(match[2])
        if 1 <= month <= 12 and ((day and (day - date(printed_year, month, 1)).days > CAREER_DAYS + 31)
                                 or (not day and printed_year < year)):
            return True
    return False


def prints_an_earlier_year(sentence: str, reference: Reference | None) -> bool:
    """The sentence prints a year, in any form ("năm 2010", "8/4/2016", "tháng 2/2015"),
    but those that date no step of a career (a term's, a birth's, a cited rule's, a
    violation's: dates_a_career) and a full date within NEWS_DAYS of the article's own day:
    "Ngày 3/10/2017, UBND tỉnh ... bổ nhiệm ..." in an article of that day is its news. A
    stricter test than dates_a_career (any year but those tells a career, even one of the
    article's year), for the titles read after a post word, where a profile's steps of the
    same year are as much its past as those of years before, and a start long before the
    article dates one ("giữ chức X từ ngày 3.6.2015")."""
    if not ANY_YEAR.search(sentence):
        return False
    left = _without_undating_years(sentence, starts=False)
    day = reference[1] if reference else None
    if day is not None:
        left = FULL_DATE.sub(lambda m: " " if (printed := valid_date(m)) and abs((printed - day).days) <= NEWS_DAYS
                             else m.group(), left)
    return _PRINTED_YEAR.search(left) is not None


NEWS_DAYS = 14  # a decision printed this near the article's day is what it reports
_PRINTED_YEAR = re.compile(rf"(?<!\d)(?:19|20)\d{{2}}(?!\d|{OPENS_A_SYMBOL})")  # a date's year too: "8/4/2016"


def _without_undating_years(sentence: str, starts: bool) -> str:
    """The sentence with the years that date no step of a career blanked: a term's ("nhiệm
    kỳ 2015-2020"), a birth's ("sinh năm 1977"), a cited rule's ("Quy định số 69-QĐ/TW ngày
    6/7/2022"), a violation's ("sai phạm năm 2013") and, with `starts`, a start's ("kể từ
    ngày 21-5-2024")."""
    cited = sentence
    if "ngày" in sentence:  # (both a rule's date and a start are printed after "ngày")
        cited = rules().cited_rule.sub(" ", cited)
        if starts and may_hold_a_start(cited):
            cited = rules().start_date.sub(" ", cited)
    if any(word in cited for word in rules().violation_words):
        cited = rules().violation.sub(" ", cited)
    return TERM_YEARS.sub(" ", rules().birth.sub(" ", cited))


def may_hold_a_start(text: str) -> bool:
    """Whether a start word may be in `text` (either case): the start pattern, tried at every
    letter it may open with, is searched only then."""
    for tail in rules().start_tails:
        if tail in text:
            return True
    return False


def valid_date(match: re.Match[str]) -> date | None:
    """The day a FULL_DATE match prints; None for one no calendar has ("31/2/2017")."""
    try:
        return date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:
        return None
