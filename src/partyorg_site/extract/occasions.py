"""The date of a personnel decision from the occasion that announced it.

SCHEMA gives a decision "the decision's or the ceremony's date where the text gives it".
Appointments (extract/appointments.py) take the decision's own date where its sentence
prints one with a year ("Quyết định số 15 ngày 3/2/2017"); most reports print none, but tell
of a dated occasion: "Sáng 15/10, Tỉnh ủy tổ chức hội nghị công bố quyết định ... Theo đó,
ông A giữ chức ...", "Hội nghị lần thứ nhất ... đã bầu ông B". Such a decision takes the
article's event day where

  - its own sentence names that day ("Chiều 15/10, ... trao quyết định bổ nhiệm ông A",
    "Cùng ngày", "sáng nay") or the occasion the article reports ("Tại kỳ họp, HĐND đã bầu
    bà A": a council's session, no meeting of the kinds), and no other day, or
  - the article's meeting is one that announces or makes decisions (a ceremony, a congress,
    a first plenum, a Party committee's plenum held on that one day: data/appointments.yaml,
    `occasion`) held that day, and the sentence names
    no other day and tells no background ("trước đó", "vừa qua": a decision of before).

In a report of several ceremonies, each of its day ("Sáng 15/9, Thành ủy ... công bố quyết
định ... ⏎ Sáng 17/9, Tỉnh ủy ... công bố quyết định ... ⏎ Điều động, chỉ định ông A ..."), a
decision takes the day of the paragraph that opens its section, first.

A decision whose sentence names another day before its person, its own occasion's
("Trước đó, ngày 18/11, Ban Bí thư đã chỉ định ông A ..."; "Tại hội nghị công bố quyết định
sáng 9/5, ..."), takes that day, in the year that puts it nearest the event's day and not
after it; never a day it takes effect from ("từ ngày 1/11").

Never a day without a year (the event's own precision must be a day), and never past the
sentence that tells a career: appointments.py has left those out already.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Iterable

from partyorg_site import datafiles
from partyorg_site.extract.dates import nearest_year
from partyorg_site.models import Appointment, Meeting
from partyorg_site.patterns import alternation
from partyorg_site.read.published import valid_date
from partyorg_site.read.sentences import sentence_spans
from partyorg_site.vietnamese import fold

# "15/10", "15-10", "15.10", "ngày 15 tháng 10"; not a month and year ("10/2025"), nor a full
# date's first two numbers (a date with a year is the decision's own, read by appointments.py)
_DAY_MONTH = re.compile(r"(?<![\d/.-])(\d{1,2})\s*[-/.]\s*(\d{1,2})(?![\d])(?!\s*[-/.]\s*\d)"
                        r"|(?<!\w)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?!\d)")


# "từ ngày 5-5 đến 10-5-2017", "từ 5 đến 10/5", "trong 2 ngày": a meeting held over several days
_DAYS_RANGE = re.compile(r"(?<!\w)(?:từ\s+(?:ngày\s+)?\d{1,2}(?:\s*[-/.]\s*\d{1,2})?\s*(?:[-/.]\s*\d{4})?\s*,?\s+đến\s+(?:hết\s+)?"
                         r"(?:ngày\s+)?\d{1,2}|trong\s+(?:\d+|hai|ba|bốn|năm)\s+ngày)", re.IGNORECASE)


@dataclass(frozen=True)
class _Rules:
    same_day: re.Pattern[str]  # "cùng ngày", "sáng nay": the sentence is of the event's day
    background: re.Pattern[str]  # "trước đó", "vừa qua": a decision told as background
    announcing: re.Pattern[str]  # words of a meeting's title that announce or make decisions
    announcing_in_text: re.Pattern[str]  # "công bố quyết định": a paragraph that tells a ceremony
    announcing_kinds: frozenset[str]  # "đại hội": a meeting kind that makes them
    deciding_plenum: re.Pattern[str]  # "Ban Chấp hành": a plenum that decides, on the one day it is held
    continuing: re.Pattern[str]  # "Cụ thể,": a paragraph that details the one before


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    occasion = datafiles.load("appointments")["occasion"]

    def any_of(key: str) -> re.Pattern[str]:  # any of the list's phrases, as whole words, in any case
        return re.compile(rf"(?<!\w)(?:{alternation(occasion[key])})(?!\w)", re.IGNORECASE)

    return _Rules(same_day=any_of("same_day"), background=any_of("background"), announcing=any_of("announcing"),
                  announcing_in_text=any_of("announcing_in_text"),
                  announcing_kinds=frozenset(occasion["announcing_kinds"]), deciding_plenum=any_of("deciding_plenums"),
                  continuing=re.compile(rf"(?:{alternation(occasion['continuing'])})\s*,"))


def date_by_occasion(appointments: list[Appointment], text: str, event_date: str | None,
                     event_precision: str | None, meeting: Meeting | None, captions: Iterable[str] = ()) -> None:
    """Give each undated decision (with a span in `text`) the event's day where the occasion
    it was announced at is that day (see the module's docstring). `captions`: the photos'
    captions `text` holds among its paragraphs."""
    if event_precision != "day" or not event_date or not appointments:
        return
    rules = _rules()
    day = date.fromisoformat(event_date)
    held = meeting if meeting is not None and meeting.date == event_date else None  # the event's day's meeting
    announcing = held is not None and (held.kind in rules.announcing_kinds
                                       or rules.announcing.search(held.title) is not None)
    deciding = held is not None and not announcing and rules.deciding_plenum.search(held.title) is not None \
        and not _DAYS_RANGE.search(text)
    caption_set = frozenset(captions)
    # a report of several ceremonies: each decision the day of the one its section opens with,
    # where that is another day than the event's (before the article's meeting, which would
    # date them all); where it is the event's day, after the rules below
    sections = {id(a): _section_day(a, text, rules, caption_set, day) for a in appointments}
    for appointment in appointments:
        if (announced := sections[id(appointment)]) is not None and announced != day:
            appointment.date = announced.isoformat()
            appointment.rule += "; dated by the ceremony its section opens with"
    for appointment in appointments:
        if appointment.date is not None or appointment.span is None:
            continue
        sentence = _sentence_at(text, appointment.span[0])
        days = _days_in(sentence, effective=True)
        if days and (day.day, day.month) not in days:
            # the sentence names another day: its own occasion's, not the event's ("Trước đó,
            # ngày 18/11, Ban Bí thư đã chỉ định ông A ..."); one day, before the person (the
            # clause's dateline) and not after the event's, dates the decision, in the year
            # that puts it nearest the event's
            own = _own_day(_days_in(sentence[:max(0, sentence.find(appointment.name))]), day)
            if own is not None:
                appointment.date = own.isoformat()
                appointment.rule += "; dated by the day its sentence names"
            continue
        if rules.background.search(sentence):
            continue
        if days or rules.same_day.search(sentence):
            reason = "its sentence names the event's day"
        elif held is not None and (announcing or deciding and not _another_body(appointment.by, held.title)):
            # (a plenum dates its own decisions, not another body's it tells of: "... do đã được
            # Bộ Chính trị điều động" at a city's plenum; a ceremony dates every decision it announces)
            reason = f"the day of the meeting that announced it ({held.title})"
        elif _told_on(continued := _what_it_continues(text, appointment.span[0], rules, caption_set), day):
            reason = "it goes on from a sentence of the event's day"
        elif _at_the_occasion(continued, rules):
            reason = "it goes on from a sentence at the occasion reported"
        else:
            continue
        appointment.date = event_date
        appointment.rule += f"; dated {reason}"
    for appointment in appointments:
        if appointment.date is None and sections[id(appointment)] == day:
            appointment.date = event_date
            appointment.rule += "; dated by the ceremony its section opens with"
    for appointment in appointments:
        if appointment.date is None and appointment.listed_after is not None and appointment.listed_after.date:
            appointment.date = appointment.listed_after.date
            appointment.rule += "; dated as the decision it is listed after"


def _section_day(appointment: Appointment, text: str, rules: _Rules, captions: frozenset[str],
                 event: date) -> date | None:
    """The day of the ceremony that opens the section an undated decision is told in, where
    its sentence names no day and tells no background (_announcing_dateline)."""
    if appointment.date is not None or appointment.span is None:
        return None
    sentence = _sentence_at(text, appointment.span[0])
    if rules.background.search(sentence) or _DAY_MONTH.search(sentence):
        return None
    return _announcing_dateline(text, appointment.span[0], rules, captions, event)


SECTION_PARAGRAPHS = 4  # paragraphs (captions aside) a ceremony's dateline goes on over
SECTION_DAYS = 31  # days at most between the article's event and another ceremony it reports


def _announcing_dateline(text: str, at: int, rules: _Rules, captions: frozenset[str], event: date) -> date | None:
    """The day of the ceremony whose paragraph opens the section that text[at] is in: the
    nearest paragraph before (or the one holding it) that opens with a day, if it announces
    decisions ("Sáng 17/9, Tỉnh ủy ... tổ chức hội nghị công bố quyết định ... ⏎ Tại hội
    nghị, ... ⏎ Điều động, chỉ định ông A ..."): a report of several ceremonies, each of its
    own day. The year is the event's, within SECTION_DAYS of it; None where no such
    paragraph is near."""
    end = text.find("\n", at)
    paragraphs = [p for p in text[:end if end >= 0 else len(text)].split("\n") if p.strip() and p not in captions]
    for paragraph in reversed(paragraphs[-SECTION_PARAGRAPHS - 1:]):
        printed = _dateline(paragraph)
        if printed is None:
            if rules.background.match(paragraph.lstrip()):
                return None  # "Trước đó, HĐND tỉnh đã họp ...": a section of before, of no day told
            continue
        day_of_month, month, year = printed
        if not rules.announcing_in_text.search(paragraph):
            return None  # the nearest day opens a section of something else
        # (a section told as background is still of its own day: "Trước đó vào sáng 2/1, HĐND
        # tỉnh B họp kỳ thứ 23 ... ⏎ Kết quả, các đại biểu đã bầu bà A ...")
        try:
            day = date(int(year) if year else event.year, month, day_of_month)
        except ValueError:
            return None
        return day if abs((day - event).days) <= SECTION_DAYS else None
    return None


BODY_HEAD_WORDS = 2  # "Ban Chấp hành", "Bộ Chính trị": the words that say which body


def _another_body(by: str | None, meeting_title: str) -> bool:
    """The decision's body is named and is not the one whose meeting it is ("Bộ Chính trị" at
    a "Hội nghị ... Ban Chấp hành Đảng bộ thành phố"), by its head words."""
    if not by:
        return False
    head = " ".join(fold(by).split()[:BODY_HEAD_WORDS])
    return head not in fold(meeting_title)


# A day and month, perhaps with its year: "18/11", "18-11-2025", "ngày 18 tháng 11 năm 2025"
_DAY = re.compile(r"(?<![\d/.-])(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:\s*[-/.]\s*(\d{4}))?(?![\d])"
                  r"|(?<!\w)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?")


DATELINE_REACH = 25  # characters at a paragraph's opening where its day stands: "Chiều ngày 18/11/2025,"


def _dateline(paragraph: str) -> tuple[int, int, str | None] | None:
    """The day, month and printed year (or None) a paragraph opens with, within
    DATELINE_REACH characters ("Chiều ngày 18/11/2025, ...")."""
    found = _DAY.search(paragraph, 0, DATELINE_REACH + 20)
    if found is None or found.start() > DATELINE_REACH:
        return None
    return int(found[1] or found[4]), int(found[2] or found[5]), found[3] or found[6]


def _told_on(before: str, day: date) -> bool:
    """The text a decision's sentence goes on from opens a paragraph with the event's day (with
    the event's year, if any: "Chiều ngày 18/11/2025, HĐND tỉnh tổ chức kỳ họp ...") and tells
    no background; a day further into it may be another thing's ("giấy giới thiệu ... ký
    ngày 1/3")."""
    if not before or _rules().background.search(before):
        return False
    for paragraph in before.split("\n"):
        printed = _dateline(paragraph)
        if printed is not None:
            day_of_month, month, year = printed
            if (day_of_month, month) == (day.day, day.month) and (year is None or int(year) == day.year):
                return True
    return False


def _at_the_occasion(before: str, rules: _Rules) -> bool:
    """The text a decision's sentence goes on from refers to the occasion the article reports
    ("Tại kỳ họp, HĐND tỉnh đã thực hiện quy trình bầu Chủ tịch UBND tỉnh. Kết quả, ông A
    được bầu ..."), names no day and tells no background."""
    return bool(before) and rules.same_day.search(before) is not None and not _days_in(before) \
        and rules.background.search(before) is None


CONTINUED_PARAGRAPHS = 3  # paragraphs at most that a chain of "Cụ thể", "Đồng thời" goes back over


def _what_it_continues(text: str, at: int, rules: _Rules, captions: frozenset[str]) -> str:
    """What the sentence holding text[at] details or adds to, where it opens with a word that
    says so ("Cụ thể, tại Quyết định số 25, ... phê chuẩn ông A", "Theo đó, ...", "Đồng thời,
    ..."): its paragraph's sentences before it, and where it opens the paragraph, the paragraph
    of text before (the photos' captions between passed over), and so back while each opens
    with such a word. "" for a sentence that opens otherwise: a decision told after an
    occasion's day is not of that day unless it says so ("Sáng 8/12, ... hội nghị giao ban.
    Bộ Chính trị đã điều động ông A": a decision of before)."""
    opening = _sentence_at(text, at)
    start = text.rfind("\n", 0, at) + 1
    sentence_start = text.find(opening, start) if opening else -1
    if sentence_start < 0 or not rules.continuing.match(text, sentence_start):
        return ""
    told = [text[start:sentence_start]]
    if told[0].strip():
        return told[0]
    paragraphs = [p for p in text[:start].split("\n") if p.strip() and p not in captions]
    while paragraphs and len(told) <= CONTINUED_PARAGRAPHS:
        told.append(paragraphs.pop())
        if not rules.continuing.match(told[-1]):
            break
    return "\n".join(reversed(told))


# a day a decision takes effect from, not the day it was made: "từ ngày 1/7", "kể từ 1/7"
_FROM_DAY = re.compile(r"(?:(?:kể\s+)?từ|có hiệu lực(?:\s+từ)?)\s+(?:ngày\s+)?$", re.IGNORECASE)


def _days_in(text: str, effective: bool = False) -> list[tuple[int, int]]:
    """The days (day, month) `text` names without a year, but (unless `effective`) a day
    something takes effect from; never a tally shaped like one ("55/55 đại biểu tán thành")."""
    days = [(found, (int(found[1] or found[3]), int(found[2] or found[4]))) for found in _DAY_MONTH.finditer(text)]
    return [(day, month) for found, (day, month) in days if 1 <= day <= 31 and 1 <= month <= 12
            and (effective or not _FROM_DAY.search(text, 0, found.start()))]


def _own_day(days: list[tuple[int, int]], event: date) -> date | None:
    """The one day (day, month) a sentence names, in the year nearest the event's day, where
    that is not after it (a decision reported is made by then)."""
    if len(set(days)) != 1:
        return None
    (day, month), = set(days)
    year = nearest_year(event, month, day)
    found = date.fromisoformat(printed) if year and (printed := valid_date(year, month, day)) else None
    return found if found and found <= event else None


def _sentence_at(text: str, at: int) -> str:
    """The sentence of `text` that holds offset `at` (within its paragraph)."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    paragraph = text[start:end if end >= 0 else len(text)]
    for left, right in sentence_spans(paragraph):
        if left <= at - start < right:
            return paragraph[left:right]
    return paragraph
