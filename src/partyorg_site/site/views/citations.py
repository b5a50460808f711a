"""A document over time: how many articles cited it each year, when it was first and last
cited, and the documents cited beside it most often."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from partyorg_site.site import urls
from partyorg_site.archive.taxonomies import Archive, Term
from partyorg_site.site.views.charts import Chart, per_year


@dataclass(frozen=True)
class Citations:
    chart: Chart | None
    first: str | None  # the date of the earliest dated article citing it
    last: str | None
    undated: int  # citing articles with no year
    cited_with: list[tuple[str, str, int]]  # (label, path, articles in common)


def citations(archive: Archive, term: Term, limit: int = 10) -> Citations:
    dates = sorted(record.date for record in term.articles if record.date)
    chart = per_year("Số bài dẫn văn bản theo năm", Counter(date[:4] for date in dates))
    cited_with = [(other.label, urls.term("van-ban", other.key), n)
                  for other, n in archive.related(term, "van-ban", limit + 1) if other.key != term.key][:limit]
    return Citations(chart, dates[0] if dates else None, dates[-1] if dates else None,
                     len(term.articles) - len(dates), cited_with)
