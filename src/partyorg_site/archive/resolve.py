"""resolve: facts across the whole archive, not one article, and of the build's day.

Slugs must be unique across the archive and stable from build to build, so collisions
are settled in a fixed order (by source path) and the later article gets a suffix.
A central document cited by its number alone is placed in its term by what the rest of
the archive says of it. No event is shown as happening after the day of the build: a
record depends only on its file (it is cached by the file's bytes), so that bound is
applied here, on every build, and a record read before its event's day is dated on the
first build after it.
"""
from __future__ import annotations

import copy
from collections import defaultdict
from datetime import date

from partyorg_site.errors import Problem
from partyorg_site.extract.documents import central_scope, stated_term, term_on, term_rank
from partyorg_site.extract.meeting_keys import meeting_key
from partyorg_site.models import Meeting, Record


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
