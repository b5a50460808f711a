"""An official's career as the archive prints it: each title with the first and last date
it was printed, a timeline by year that marks where the titles changed, the spellings
merged into one person, and the officials they appear with most; beside the titles, the
personnel decisions about them (views/personnel.py) as dated events, with where the two
disagree.

A title is compared without regard to case or spacing ("Trưởng Ban Tổ chức" and
"Trưởng ban Tổ chức" are one title, shown as it was printed most often)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from partyorg_site.site import urls
from partyorg_site.archive.taxonomies import Archive, Term
from partyorg_site.site.views.personnel import CareerDecision, Decision, career_decisions
from partyorg_site.vietnamese import squash


@dataclass(frozen=True)
class TitleSpan:
    title: str
    first: str | None  # the earliest date it was printed (None: only in undated articles)
    last: str | None
    articles: int


@dataclass(frozen=True)
class YearRow:
    year: str
    titles: list[str]
    new: list[str]  # titles not printed the year before (empty for the first year)
    dropped: list[str]  # titles printed the year before and not this year
    decisions: list[CareerDecision] = field(default_factory=list)  # dated in this year
    printed: bool = True  # False: a year with decisions and no article printing a title
    first: bool = False  # the first year titles were printed: its titles are shown whole


@dataclass(frozen=True)
class Career:
    titles: list[TitleSpan]
    years: list[YearRow]
    spellings: list[str]  # the distinct ways the name was printed, when more than one
    appears_with: list[tuple[str, str, int]]  # (name, path, articles in common)
    # others whose names differ by tone marks only ("Nguyễn Thanh Quang", "Nguyễn Thành Quang"):
    # another person, or a misprint an editor can settle with front matter
    look_alikes: list[tuple[str, str]] = field(default_factory=list)
    undated_decisions: list[CareerDecision] = field(default_factory=list)  # neither decision nor article dated


def _title_key(title: str) -> str:
    return squash(title).casefold()


def career(archive: Archive, term: Term, limit: int = 10, decisions: list[Decision] = ()) -> Career:
    """`decisions`: the personnel decisions about this official (personnel.by_page)."""
    printed: dict[str, Counter] = {}  # title key -> its printed forms
    dates: dict[str, list[str]] = {}
    by_year: dict[str, set[str]] = {}
    seen: dict[str, int] = {}  # title key -> when it was first met, oldest article first
    for record in sorted(term.articles, key=lambda r: (r.date is None, r.date or "", r.slug)):
        for title in term.notes.get(record.slug) or []:
            key = _title_key(title)
            seen.setdefault(key, len(seen))
            printed.setdefault(key, Counter())[title] += 1
            if record.date:
                dates.setdefault(key, []).append(record.date)
                by_year.setdefault(record.date[:4], set()).add(key)

    # each title as printed most often (ties: the first in Unicode order)
    shown = {key: min(forms.items(), key=lambda pair: (-pair[1], pair[0]))[0] for key, forms in printed.items()}

    first = {key: min(found) for key, found in dates.items()}
    ordered = sorted(printed, key=lambda key: (key not in first, first.get(key, ""), seen[key]))
    spans = [TitleSpan(shown[key], first.get(key), max(dates[key]) if key in dates else None,
                       sum(printed[key].values())) for key in ordered]
    events: dict[str | None, list[CareerDecision]] = {}
    for event in career_decisions(term, list(decisions)):
        events.setdefault(event.decision.date[:4] if event.decision.date else None, []).append(event)
    rows, previous = [], None
    for year in sorted(by_year.keys() | {y for y in events if y}):
        if year not in by_year:  # decisions only: the titles are as the year before
            rows.append(YearRow(year, [], [], [], events.get(year, []), printed=False))
            continue
        keys = by_year[year]
        rows.append(YearRow(year, sorted(shown[k] for k in keys),
                            sorted(shown[k] for k in keys - previous) if previous is not None else [],
                            sorted(shown[k] for k in previous - keys) if previous is not None else [],
                            events.get(year, []), first=previous is None))
        previous = keys
    others = [(other.label, urls.term("can-bo", other.key), n)
              for other, n in archive.related(term, "can-bo", limit + 1) if other.key != term.key][:limit]
    return Career(spans, rows, list(term.spellings), others, look_alikes(archive, term), events.get(None, []))


def look_alikes(archive: Archive, term: Term) -> list[tuple[str, str]]:
    """The other officials whose names fold to this one's slug (archive.look_alike_keys)."""
    terms = archive.taxonomies["can-bo"].terms
    keys = archive.look_alike_keys.get(term.key, [])
    return [(terms[key].label, urls.term("can-bo", key)) for key in keys if key != term.key]
