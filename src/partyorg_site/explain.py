"""`partyorg-site explain FILE`: each fact of an article's record, the sentence it came
from and the rule that chose it; for the date and the primary province, every candidate
weighed and why it lost.

Editors read it to decide whether a front-matter correction is needed; developers read it
over unlabelled articles to tell a rule for the language from a rule for one article. It
runs the loader itself (with the extractors told to give their reasons), so what it says
is what the build does.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from partyorg_site.errors import ArticleError, Problem
from partyorg_site.extract.officials import title_parts
from partyorg_site.loader import extract_record, read_article
from partyorg_site.models import Record, Span
from partyorg_site.read.sentences import sentence_spans
from partyorg_site.read.source import read_source

QUOTE_LENGTH = 160  # characters of a sentence quoted; enough to recognise it


def explain_file(path: Path, root: Path | None = None) -> list[str] | Problem:
    """The explanation of one article file, a line each, or the problem that stops it being read."""
    name, data = read_article(path, root)
    if isinstance(data, Problem):
        return data
    reasons: dict[str, list[str]] = {"date": [], "province": [], "text": [], "published": []}
    try:
        record = extract_record(read_source(name, data), {key: found.append for key, found in reasons.items()})
    except ArticleError as exc:
        return Problem(name, exc.message, exc.line)
    text = reasons["text"][0] if reasons["text"] else ""
    return _describe(record, text, reasons)


def _describe(record: Record, text: str, reasons: dict[str, list[str]]) -> list[str]:
    overridden = set(record.overridden)
    lines = [record.source]

    def fact(name: str, value: object, rule: str, span: Span | None = None, more: list[str] = ()) -> None:
        given = " (front matter)" if name in overridden else ""
        lines.append(f"{name + ':':14}{value}{given}")
        if rule:
            lines.append(f"{'':14}rule: {rule}")
        if span is not None:
            lines.append(f"{'':14}from: \"{_sentence(text, span)}\"")
        lines.extend(f"{'':14}- {reason}" for reason in _counted(more))

    fact("title", record.title, "made from the lead (the text has no headline)" if record.title_derived
         else "the headline")
    fact("outlet", record.outlet, "the lead's '(Outlet) -' or the byline at the end" if record.outlet else "")
    fact("published", record.published, "" if "published" in overridden
         else (reasons["published"] or [""])[0])
    fact("date", f"{record.date} ({record.date_precision}, year from {record.date_source})" if record.date
         else "none", "", more=[] if "date" in overridden else reasons["date"])
    fact("province", record.province, "", more=[] if "province" in overridden else
         reasons["province"] or ["from the page's section label"])
    fact("provinces", ", ".join(record.provinces) or "none", "every province named, in order")
    for official in record.officials:
        fact("official", f"{official.name}: {'; '.join(official.titles)}",
             "a title printed with the name" if official.spans else "named by a personnel decision",
             official.spans[0] if official.spans else None,
             more=[_title_grammar(title) for title in official.titles])
    for document in record.documents:
        fact("document", f"{document.key} ({document.text})", "a kind and a number, a plenum or a congress",
             document.spans[0] if document.spans else None)
    if record.meeting:
        fact("meeting", f"{record.meeting.kind}, {record.meeting.date or 'no date'}: {record.meeting.title}",
             "the headline's or the lead's meeting word")
    for decision in record.appointments:
        details = "; ".join(f"{key} {value}" for key, value in (("post", decision.post), ("by", decision.by),
                                                                  ("date", decision.date)) if value)
        fact("appointment", f"{decision.name}: {decision.action}" + (f" ({details})" if details else ""),
             decision.rule, decision.span)
    lines.append(f"{'body:':14}{len(record.body)} paragraphs; captions: {len(record.captions)}")
    return lines


def _counted(reasons: list[str]) -> list[str]:
    """Each reason once, where first given, with how often it was given: a province named
    ten times in passing is one line "(10 times)", not ten that hide the reasons around them."""
    return [reason if count == 1 else f"{reason} ({count} times)" for reason, count in Counter(reasons).items()]


def _title_grammar(title: str) -> str:
    """How the title grammar read `title` (data/title_grammar.yaml): "Bí thư Thành ủy TP.HCM:
    head 'Bí thư', unit 'Thành ủy TP.HCM'"."""
    return f"{title}: " + ", ".join(f"{part} '{words}'" for part, words in title_parts(title))


def _sentence(text: str, span: Span) -> str:
    """The sentence of `text` that holds `span`, shortened to QUOTE_LENGTH around it."""
    start, end = span
    opening = text.rfind("\n", 0, start) + 1
    closing = text.find("\n", end)
    paragraph = text[opening:closing if closing >= 0 else len(text)]
    at = start - opening
    for begin, stop in sentence_spans(paragraph):
        if begin <= at < stop:
            sentence = paragraph[begin:stop]
            if len(sentence) <= QUOTE_LENGTH:
                return sentence
            middle = max(0, at - begin - QUOTE_LENGTH // 2)
            return ("…" if middle else "") + sentence[middle:middle + QUOTE_LENGTH] + "…"
    return paragraph[:QUOTE_LENGTH]
