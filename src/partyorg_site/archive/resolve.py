"""resolve: facts across the whole archive, not one article, and of the build's day.

Slugs must be unique across the archive and stable from build to build, so collisions
are settled in a fixed order (by source path) and the later article gets a suffix.
A central document cited by its number alone is placed in its term by what the rest of
the archive says of it. Reports of unrelated meetings that kind, day and place would file
under one key are filed apart, by what their names and people say. No event is shown as
happening after the day of the build: a record depends only on its file (it is cached by
the file's bytes), so that bound is applied here, on every build, and a record read before
its event's day is dated on the first build after it.
"""
from __future__ import annotations

import copy
import re
from collections import defaultdict
from datetime import date
from functools import lru_cache

from partyorg_site import datafiles
from partyorg_site.errors import Problem
from partyorg_site.extract.documents import central_scope, stated_term, term_on, term_rank
from partyorg_site.extract.meeting_keys import meeting_key
from partyorg_site.models import Meeting, Record
from partyorg_site.vietnamese import fold, slug


def settled(record: Record) -> tuple:
    """What resolve_archive sets on a record (its slug, its documents' keys, its event date
    where the build's day bounds it): with the record's file, all a record depends on
    besides itself."""
    meeting = (record.meeting.date, record.meeting.key) if record.meeting else None
    return (record.slug, tuple(doc.key for doc in record.documents),
            record.date, record.date_precision, record.day_month, meeting)


def unresolved_copy(record: Record) -> Record:
    """A copy of a record that resolve_archive can settle without touching the original:
    what it sets (the slug, the documents' keys) is copied, the rest is shared. `serve`
    keeps the records as loaded and resolves a copy on each rebuild, while the previous
    rebuild's pages may still be written from theirs."""
    fresh = copy.copy(record)
    fresh.documents = [copy.copy(doc) for doc in record.documents]
    return fresh


def resolve_archive(records: list[Record], today: date | None = None) -> list[Problem]:
    """Every archive-wide settlement, in a fixed order; the warnings it raises. `today`
    is the build's day (by default the clock's)."""
    problems = bound_to_build_day(records, today or date.today())
    settle_document_terms(records)
    keep_meetings_apart(records)
    return problems + assign_unique_slugs(records)


def _first_day(value: str) -> date:
    """The first day of a date of any precision: "2017" -> 2017-01-01."""
    parts = [int(part) for part in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def bound_to_build_day(records: list[Record], today: date) -> list[Problem]:
    """An event dated after the build's day did not happen yet: the record is shown
    undated (a day keeps its day and month, as where the text gives no year), and its
    meeting loses that date; a warning names it. An editor's date (front matter) stands."""
    problems: list[Problem] = []
    for record in records:
        if not record.date or "date" in record.overridden or _first_day(record.date) <= today:
            continue
        problems.append(Problem(record.source, f"the event date {record.date} is after the build's day "
                                               f"({today.isoformat()}): shown without a date", kind="warning"))
        if record.date_precision == "day":
            record.day_month = f"--{record.date[5:7]}-{record.date[8:10]}"
        meeting = record.meeting
        if meeting is not None and "meeting" not in record.overridden and meeting.date == record.date:
            # a new object: a copy given out by unresolved_copy shares the loaded record's meeting
            record.meeting = Meeting(meeting.kind, None, meeting_key(meeting.kind, None, record.province, meeting.title),
                                     meeting.title)
        record.date = record.date_precision = record.date_source = None
    return problems


def settle_document_terms(records: list[Record]) -> None:
    """Party numbering restarts every term, so a central document cited by number alone
    ("Chỉ thị số 35-CT/TW") is keyed by its citing article's term. Where other articles
    cite the same kind and number with a date or a term, such a citation takes the key of
    the latest of those terms that is not later than its article's: "Chỉ thị 35" in a 2021
    article is the directive of 2019 that another article cites as "Chỉ thị số 35-CT/TW
    ngày 30/5/2019", not a new one of the term that began in 2021. Overridden documents
    (front matter) keep their keys."""
    known: dict[tuple, dict[str, str]] = defaultdict(dict)  # (kind, number, issuer) -> term -> key
    for record in sorted(records, key=lambda r: r.source):
        for doc in record.documents:
            scope, term = (central_scope(doc), stated_term(doc)) if doc.number is not None else (None, None)
            if scope is not None and term is not None:
                known[(doc.kind, doc.number, scope)].setdefault(term, doc.key)
    for record in records:
        if "documents" in record.overridden:
            continue
        article_term = term_on(record.date)
        for doc in record.documents:
            if doc.number is None or stated_term(doc) is not None or (scope := central_scope(doc)) is None:
                continue
            terms = known.get((doc.kind, doc.number, scope), {})
            earlier = [t for t in terms if article_term is None or term_rank(t) <= term_rank(article_term)]
            if earlier:
                doc.key = terms[max(earlier, key=term_rank)]


def keep_meetings_apart(records: list[Record]) -> None:
    """Reports of unrelated meetings that kind, day and place put under one key are filed
    apart: the meetings whose names share words (data/meetings.yaml, same_meeting) are one;
    the most reported keeps the key, each other takes the words of its first report's name
    after it. A name that tells nothing goes with the most reported; an editor's meeting
    (front matter) and an undated one (its key holds its name already) keep theirs."""
    by_key: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        meeting = record.meeting
        if meeting is not None and meeting.date and meeting.kind != "giao ban" and "meeting" not in record.overridden:
            by_key[meeting.key].append(record)
    for key, reports in by_key.items():
        if len(reports) < 2:
            continue
        groups = _same_meetings(sorted(reports, key=lambda r: r.source))
        for group in groups[1:]:
            apart = f"{key}-{_name_key(group[0].meeting.title)}"  # type: ignore[union-attr]
            for record in group:
                meeting = record.meeting
                assert meeting is not None
                # a new object: a copy given out by unresolved_copy shares the loaded record's meeting
                record.meeting = Meeting(meeting.kind, meeting.date, apart, meeting.title)


APART_KEY_WORDS = 6  # words of a name that a meeting filed apart adds to its key


def _name_key(title: str) -> str:
    """A meeting's name as a key's tail: its first words after the kind's ("Hội nghị lần
    thứ hai các quan chức cao cấp" -> "lan-thu-hai-cac-quan-chuc")."""
    words = title.split()
    kind_words = _kind_words()
    while len(words) > 1 and words[0].lower() in kind_words:
        words.pop(0)
    return slug(" ".join(words[:APART_KEY_WORDS]))


@lru_cache(maxsize=1)
def _kind_words() -> frozenset[str]:
    """The words of the meetings' kind phrases (data/meetings.yaml kinds), and "lễ"."""
    kinds = datafiles.load("meetings")["kinds"]
    return frozenset(word for k in kinds for phrase in k["phrases"] for word in phrase.lower().split()) | {"lễ"}


def _same_meetings(reports: list[Record]) -> list[list[Record]]:
    """The reports grouped by meeting, the most reported first (then by the first report's
    file): reports whose names share enough telling words, or that name the same official,
    are one meeting, and so are the reports one links to another; a name that tells nothing
    joins the first group."""
    rule = datafiles.load("meetings")["same_meeting"]
    telling = [set(_telling_words(r.meeting.title)) for r in reports]  # type: ignore[union-attr]
    people = [{fold(o.name) for o in r.officials} for r in reports]
    named = [i for i, words in enumerate(telling) if len(words) >= rule["shared_words"]]
    group_of = {i: i for i in named}

    def root(i: int) -> int:
        while group_of[i] != i:
            i = group_of[i]
        return i
    for position, i in enumerate(named):
        for j in named[:position]:
            # (or the same people: outlets name one ceremony by its purpose or by its body,
            # "Công bố quyết định của Bộ Chính trị ...", "Hội nghị Ban Chấp hành Đảng ủy ...")
            if len(telling[i] & telling[j]) >= rule["shared_words"] or people[i] & people[j]:
                group_of[root(i)] = root(j)
    groups: dict[int, list[Record]] = defaultdict(list)
    for i in named:
        groups[root(i)].append(reports[i])
    ordered = sorted(groups.values(), key=lambda g: (-len(g), g[0].source)) or [[]]
    ordered[0].extend(r for i, r in enumerate(reports) if i not in group_of)
    ordered[0].sort(key=lambda r: r.source)
    return ordered


def _telling_words(title: str) -> list[str]:
    """The words of a meeting's name that may tell it from another, in order, lower case."""
    not_telling = _not_telling_words()
    return [word for word in re.findall(r"\w+", title.lower()) if word not in not_telling and not word.isdigit()]


@lru_cache(maxsize=1)
def _not_telling_words() -> frozenset[str]:
    return frozenset(word for phrase in datafiles.load("meetings")["same_meeting"]["not_telling"] for word in phrase.split())


def assign_unique_slugs(records: list[Record]) -> list[Problem]:
    """Give every record a unique slug; warn about each one that had to change."""
    problems: list[Problem] = []
    taken: set[str] = set()
    for record in sorted(records, key=lambda r: r.source):
        slug = record.slug
        if slug in taken:
            counter = 2
            while f"{slug}-{counter}" in taken:
                counter += 1
            new = f"{slug}-{counter}"
            problems.append(Problem(record.source, f"slug '{slug}' is already used by another article; "
                                                   f"this one is published as '{new}'", kind="warning"))
            record.slug = new
        taken.add(record.slug)
    return problems
