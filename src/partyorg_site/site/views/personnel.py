"""Personnel decisions (each record's `appointments`) across the archive: the list that
/nhan-su/, its feed, the province pages and the official pages show, counted by action and
year, and set against the titles the archive prints for the person.

A decision is dated by its own date where the text gives one, else by its article's (and
says so). The person is linked to their official page when the archive has one for the
name, resolved by the key the official pages use (taxonomies.person_key).

A decision and the printed titles disagree when (checked only where the decision has a post
and a date, against the person's other articles):
- a post gained (bổ nhiệm, bầu, chỉ định, điều động) that no article dated on or after the
  decision prints as the person's title;
- a post gained that an article dated before the decision already printed;
- a post lost (thôi giữ chức, nghỉ hưu) that an article dated after the decision still prints.
A printed title is the post when their words (tone marks, case and punctuation aside) are
the same, or one begins with the other and the shorter has three words or more ("Bí thư Tỉnh
ủy" is "Bí thư Tỉnh ủy Nghệ An"; "Bí thư Tỉnh ủy" is not "Phó Bí thư Tỉnh ủy").
Dates of different precision are compared on what both give ("2019-09" is neither before
nor after "2019-09-30").
"""
from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field

from partyorg_site.archive.taxonomies import Archive, Term, person_key
from partyorg_site.models import ACTIONS, Record
from partyorg_site.site import urls
from partyorg_site.vietnamese import fold, slug

GAINED = ("bổ nhiệm", "bầu", "chỉ định", "điều động")
LOST = ("thôi giữ chức", "nghỉ hưu")
UNDATED_YEAR = "Chưa rõ năm"
_WORDS = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Decision:
    """One decision as the pages show it (plain values: a page's digest is made of them)."""

    name: str
    action: str
    post: str | None
    by: str | None
    date: str | None  # the decision's date, else its article's; None when neither is known
    dated_by_article: bool  # the text gives no date for the decision: `date` is the article's
    official: str | None  # the person's page, where the archive has one
    province: str | None  # the article's province
    province_page: str | None
    article: str  # the article's page
    article_title: str
    key: str  # unique in the archive and stable: the article's slug and the decision's words

    @property
    def year(self) -> str:
        return self.date[:4] if self.date else UNDATED_YEAR


@dataclass(frozen=True)
class Disagreement:
    """Where a decision and the titles printed for the person do not agree."""

    kind: str  # "not printed after", "printed before", "printed after loss"
    date: str | None  # the article's date that shows it (None for "not printed after")
    article: str | None  # that article's page
    article_title: str | None


@dataclass(frozen=True)
class CareerDecision:
    decision: Decision
    disagreements: list[Disagreement] = field(default_factory=list)


@dataclass(frozen=True)
class Counts:
    """Decisions per year (newest first, undated last) and action: a small table."""

    actions: list[str]
    rows: list[tuple[str, list[int], int]]  # (year, count per action, total)
    totals: list[int]
    total: int


def decisions(archive: Archive) -> list[Decision]:
    """Every decision in the archive, newest first; ties by the articles' order, then by
    the order the article gives them in."""
    provinces = archive.taxonomies["tinh"].terms
    found: list[tuple[tuple, Decision]] = []
    for position, record in enumerate(archive.articles):
        seen: dict[str, int] = defaultdict(int)
        for number, appointment in enumerate(record.appointments):
            date = appointment.date or record.date
            official = archive.official_keys.get(person_key(appointment.name))
            province_key = slug(record.province) if record.province else None
            words = slug(f"{appointment.name} {appointment.action} {appointment.post or ''}", 60) or "quyet-dinh"
            seen[words] += 1
            decision = Decision(
                name=appointment.name, action=appointment.action, post=appointment.post, by=appointment.by,
                date=date, dated_by_article=appointment.date is None and date is not None,
                official=urls.term("can-bo", official) if official else None,
                province=record.province,
                province_page=urls.term("tinh", province_key) if province_key in provinces else None,
                article=urls.article(record.slug), article_title=record.title,
                key=f"{record.slug}/{words}" + (f"-{seen[words]}" if seen[words] > 1 else ""))
            found.append(((date is not None, date or "", -position, -number), decision))
    found.sort(key=lambda pair: pair[0], reverse=True)  # newest first, undated last
    return [decision for _, decision in found]


def counts(found: list[Decision]) -> Counts:
    by_year: dict[str, list[int]] = {}
    for decision in found:
        by_year.setdefault(decision.year, [0] * len(ACTIONS))[ACTIONS.index(decision.action)] += 1
    years = sorted((y for y in by_year if y != UNDATED_YEAR), reverse=True)
    years += [UNDATED_YEAR] if UNDATED_YEAR in by_year else []
    rows = [(year, by_year[year], sum(by_year[year])) for year in years]
    totals = [sum(row[1][i] for row in rows) for i in range(len(ACTIONS))]
    return Counts(list(ACTIONS), rows, totals, len(found))


def by_page(found: list[Decision]) -> dict[str, list[Decision]]:
    """The decisions each province's page (the article's province) and each official's page
    shows, by the page's path, newest first."""
    out: dict[str, list[Decision]] = defaultdict(list)
    for decision in found:
        for page in (decision.province_page, decision.official):
            if page:
                out[page].append(decision)
    return dict(out)


# ---- a career's decisions against its printed titles -------------------------------------

@functools.lru_cache(maxsize=65536)
def _words(text: str) -> tuple[str, ...]:
    # remembered: a career compares each decision's post with every title printed for the
    # person, and titles repeat from article to article
    return tuple(_WORDS.findall(fold(text)))


def same_post(post: str, title: str) -> bool:
    """Whether a printed title names the post (see the module's docstring)."""
    a, b = _words(post), _words(title)
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return bool(shorter) and (a == b or (len(shorter) >= 3 and longer[:len(shorter)] == shorter))


def compare_dates(a: str, b: str) -> int:
    """-1, 0 or 1 as `a` is before, not distinguishable from, or after `b`."""
    n = min(len(a), len(b))
    return (a[:n] > b[:n]) - (a[:n] < b[:n])


def career_decisions(term: Term, found: list[Decision]) -> list[CareerDecision]:
    """The official's decisions, oldest first, each with where the printed titles disagree."""
    if not found:
        return []
    printed = [(record, term.notes.get(record.slug) or []) for record in sorted(term.articles, key=_oldest_first)]
    out = []
    for decision in sorted(found, key=lambda d: (d.date is None, d.date or "")):
        out.append(CareerDecision(decision, _disagreements(decision, printed)))
    return out


def _oldest_first(record: Record) -> tuple:
    return (record.date is None, record.date or "", record.slug)


def _disagreements(decision: Decision, printed: list[tuple[Record, list[str]]]) -> list[Disagreement]:
    if not decision.post or not decision.date or decision.action not in GAINED + LOST:
        return []
    post, when = decision.post, decision.date
    showing = [record for record, titles in printed
               if record.date and urls.article(record.slug) != decision.article
               and any(same_post(post, title) for title in titles)]
    if decision.action in LOST:
        after = [r for r in showing if compare_dates(r.date, when) > 0]
        return [_shown_by("printed after loss", after[0])] if after else []
    out = []
    before = [r for r in showing if compare_dates(r.date, when) < 0]
    if before:
        out.append(_shown_by("printed before", before[0]))
    if not any(compare_dates(r.date, when) >= 0 for r in showing):
        out.append(Disagreement("not printed after", None, None, None))
    return out


def _shown_by(kind: str, record: Record) -> Disagreement:
    return Disagreement(kind, record.date, urls.article(record.slug), record.title)

