"""The loader: one article file -> one Record (or a Problem), read -> clean -> extract.

This module only wires the stages together; each fact is found by its own module in
`extract/`, so this file reads top to bottom as the list of what a record contains.
"""
from __future__ import annotations

import os
from pathlib import Path

from partyorg_site.read import markup
from partyorg_site.archive import overrides
from partyorg_site.read.clean import clean_lines
from partyorg_site.read.files import kind_problem
from partyorg_site.errors import ArticleError, Problem
from partyorg_site.extract.appointments import find_appointments, with_appointees
from partyorg_site.extract.occasions import date_by_occasion
from partyorg_site.extract.dates import PathDate, date_from_path, find_event_date
from partyorg_site.extract.documents import document_key, find_documents
from partyorg_site.extract.meeting_keys import meeting_key
from partyorg_site.extract.meetings import LEAD_PARAGRAPHS, build_meeting, find_meeting
from partyorg_site.extract.officials import find_officials
from partyorg_site.extract.places import (find_local_mentions, find_mentions, primary_province, province_label,
                                          unique_in_order)
from partyorg_site.extract.titles import derive_title
from partyorg_site.read.layout import segment
from partyorg_site.read.legacy import has_vietnamese
from partyorg_site.models import Reasons, Record, unheard
from partyorg_site.read.source import Source, read_source
from partyorg_site.vietnamese import slug

SLUG_MAX_LENGTH = 80


def extract_record(source: Source, why: dict[str, Reasons] | None = None) -> Record:
    """Every fact of SCHEMA.md from one decoded source, then the editor's overrides. `why`
    ("date", "province", "text", "published"), where given, is told why the date and the
    province were chosen, the text the spans count in, and where the publication time was
    read (explain)."""
    why = why or {}
    values = overrides.validate(source.front_matter, source.front_matter_lines)
    text, caption_lines = (markup.to_plain(source.text) if source.markdown else (source.text, set()))
    lines = clean_lines(text, source.first_line)
    for line in lines:
        line.after_image = line.after_image or (line.number - source.first_line) in caption_lines
    layout = segment(lines)
    if not layout.body and "title" not in values:
        raise ArticleError("no article text left after removing page chrome", source.first_line)
    if not has_vietnamese(" ".join(layout.body[:5])) and "title" not in values:
        raise ArticleError("no Vietnamese text: not an article for this archive "
                           "(if it is, give it a 'title:' in front matter)", source.first_line)

    title = layout.title or derive_title(layout.body) or Path(source.path).stem
    in_order = layout.reading_order()
    full_text = "\n\n".join(text for text, _ in in_order)
    lead_end = full_text.find(layout.body[0]) + len(layout.body[0]) if layout.body else 0

    why.get("text", unheard)(full_text)
    if layout.published:
        why.get("published", unheard)("the day a crawl filed the page under (' date YYYY-MM-DD' before its first line)"
                                      if layout.published_filed else "the page's printed stamp")
    # (a crawl's filing month, " date 2025-06", stands where the file's place gives no date: a
    # day and month the text prints take their year from it, as from a dated folder)
    path_date = date_from_path(source.path) or (PathDate(*layout.filed_month) if layout.filed_month else None)
    event = find_event_date(layout.title, layout.body, layout.published, path_date,
                            why.get("date"))
    mentions = find_mentions(full_text)
    title_mentions = find_mentions(layout.title or "")
    title_places = [*title_mentions, *find_local_mentions(layout.title or "")]
    province = primary_province(mentions, full_text, layout.title, lead_end, title_places,
                                find_local_mentions(full_text), why.get("province"), province_label(layout.labels))
    documents = find_documents(full_text)
    officials = find_officials(full_text, when=event.value or layout.published)
    appointments = find_appointments(full_text, officials, event.value or layout.published)
    meeting = build_meeting(find_meeting(layout.title, layout.body, event.announced),
                            event.value if event.precision in ("day", "month") else None, province,
                            " ".join(layout.body[:LEAD_PARAGRAPHS]))
    date_by_occasion(appointments, full_text, event.value, event.precision, meeting, layout.captions)

    record = Record(
        source=source.path,
        slug="",
        title=title,
        title_derived=layout.title is None,
        outlet=layout.outlet,
        published=layout.published,
        date=event.value,
        date_precision=event.precision,
        date_source=event.source,
        province=province,
        provinces=unique_in_order([*mentions, *title_mentions]),
        officials=with_appointees(officials, appointments),
        documents=documents,
        meeting=meeting,
        appointments=appointments,
        body=layout.body,
        captions=layout.captions,
        mentions=mentions,
        day_month=event.day_month,
        caption_after=_paragraphs_before(in_order, len(layout.captions)),
    )
    overrides.apply(record, values)
    _settle(record)
    return record


def _paragraphs_before(in_order: list[tuple[str, int | None]], captions: int) -> list[int]:
    """Per caption, how many body paragraphs come before it in reading order (Layout.reading_order,
    which the extractors' spans count in)."""
    before, seen = [0] * captions, 0
    for _, caption in in_order:
        if caption is None:
            seen += 1
        else:
            before[caption] = seen
    return before


def _settle(record: Record) -> None:
    """Make overridden and extracted fields agree with each other."""
    if record.province and record.province not in record.provinces and "province" in record.overridden:
        record.provinces.insert(0, record.province)
    for document in record.documents:
        if not document.key:
            document.key = document_key(document, record.date, record.province)
    if record.meeting is not None:
        if record.meeting.date is None and "meeting" not in record.overridden \
                and record.date_precision in ("day", "month"):
            record.meeting.date = record.date
        if not record.meeting.key:
            record.meeting.key = meeting_key(record.meeting.kind, record.meeting.date, record.province,
                                             record.meeting.title)
    if not record.slug:
        record.slug = slug(record.title, SLUG_MAX_LENGTH) or slug(Path(record.source).stem) or "bai-viet"


def load_bytes(relative_path: str, data: bytes) -> Record:
    """A record from a file's bytes; raises ArticleError for input that cannot be one."""
    return extract_record(read_source(relative_path, data))


def read_article(path: Path, root: Path | None = None) -> tuple[str, bytes | Problem]:
    """(name relative to root, the file's bytes) or the problem that stops it being read:
    a directory, a file over the size limit, an unreadable file."""
    name = _relative_name(path, root)
    try:
        problem = kind_problem(name, path.stat())
        return name, problem or path.read_bytes()
    except OSError as exc:
        return name, Problem(name, f"cannot be read: {exc.strerror or exc}")


def _relative_name(path: Path, root: Path | None) -> str:
    """The name a file is reported and cached by: its path under the articles folder."""
    if root is None:
        return str(path).replace(os.sep, "/")
    try:
        return path.relative_to(root).as_posix()  # files found under root: no absolute paths to make
    except ValueError:
        return os.path.relpath(path, root).replace(os.sep, "/")


def load_file(path: Path, root: Path | None = None) -> Record | Problem:
    """Load one article file; any problem with it becomes a Problem value naming it."""
    name, data = read_article(path, root)
    return data if isinstance(data, Problem) else load_or_problem(name, data)


def load_or_problem(name: str, data: bytes) -> Record | Problem:
    """A record from a file's bytes, or the problem that stops it becoming one."""
    try:
        return load_bytes(name, data)
    except ArticleError as exc:
        return Problem(name, exc.message, exc.line)
    except RecursionError:
        return Problem(name, "too deeply nested to read")
    except Exception as exc:  # a bug of ours must not stop the rest of the archive
        return Problem(name, f"could not be loaded (internal error {type(exc).__name__}: {exc}); please report it")
