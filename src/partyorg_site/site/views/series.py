"""Meeting series: each recurring kind of meeting (giao ban above all) as a grid of months
by years, so that an editor sees which monthly briefings the archive lacks, and the
previous and next meeting of a meeting's series."""
from __future__ import annotations

from dataclasses import dataclass

from partyorg_site.site import urls
from partyorg_site.archive.taxonomies import Archive, Term


@dataclass(frozen=True)
class Series:
    kind: str
    years: list[tuple[str, list[list[tuple[str, str]]]]]  # (year, 12 months of [(label, path)])
    present: int  # months with at least one meeting
    months: int  # months from the first meeting's to the last one's
    undated: list[tuple[str, str]]  # meetings of this kind with no month known

    @property
    def missing(self) -> int:
        return self.months - self.present


def _dated(term: Term) -> str | None:
    date = term.info.get("date")
    return date if date and len(date) >= 7 else None


def series_of_kind(archive: Archive, kind: str) -> Series | None:
    terms = [t for t in archive.taxonomies["hoi-nghi"].terms.values() if t.info.get("kind") == kind]
    if not terms:
        return None
    dated = sorted((t for t in terms if _dated(t)), key=lambda t: (t.info["date"], t.key))
    undated = [(t.label, urls.term("hoi-nghi", t.key)) for t in sorted(terms, key=lambda t: t.key) if not _dated(t)]
    cells: dict[tuple[int, int], list[tuple[str, str]]] = {}
    for term in dated:
        year, month = int(term.info["date"][:4]), int(term.info["date"][5:7])
        cells.setdefault((year, month), []).append((term.label, urls.term("hoi-nghi", term.key)))
    if not dated:
        return Series(kind, [], 0, 0, undated)
    first, last = min(cells), max(cells)
    years = [(str(y), [cells.get((y, m), []) for m in range(1, 13)]) for y in range(first[0], last[0] + 1)]
    months = (last[0] - first[0]) * 12 + last[1] - first[1] + 1
    return Series(kind, years, len(cells), months, undated)


def neighbours(archive: Archive) -> dict[str, tuple[Term | None, Term | None]]:
    """For each dated meeting, the meetings of the same kind just before and just after it."""
    by_kind: dict[str, list[Term]] = {}
    for term in archive.taxonomies["hoi-nghi"].terms.values():
        if _dated(term):
            by_kind.setdefault(term.info.get("kind") or "", []).append(term)
    out: dict[str, tuple[Term | None, Term | None]] = {}
    for terms in by_kind.values():
        terms.sort(key=lambda t: (t.info["date"], t.key))
        for index, term in enumerate(terms):
            out[term.key] = (terms[index - 1] if index > 0 else None,
                             terms[index + 1] if index + 1 < len(terms) else None)
    return out
