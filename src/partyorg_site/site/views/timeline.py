"""Articles per year and per month, for /nam/ and /nam/<yyyy>/.

Only what the records know is counted where it belongs: an article dated to the year
alone counts in its year but in no month, and an undated article in no year. Both are
reported apart, so a gap in a chart is never a gap in the records' precision.
"""
from __future__ import annotations

from collections import Counter

from partyorg_site.site import urls
from partyorg_site.archive.taxonomies import Archive, Term
from partyorg_site.site.views.charts import Chart, bar_chart, per_year


def years_chart(archive: Archive) -> Chart | None:
    """Every year from the first to the last the archive has, empty years included."""
    counts = Counter(record.date[:4] for record in archive.articles if record.date)
    return per_year("Số bài viết theo năm", counts, lambda year: urls.term("nam", year) if year in counts else None)


def months_of(term: Term) -> tuple[Chart, int]:
    """A year's articles per month, and how many of them give the year alone."""
    counts = Counter(record.date[5:7] for record in term.articles if record.date and len(record.date) >= 7)
    chart = bar_chart(f"Số bài viết theo tháng năm {term.key}", [
        (str(month), f"tháng {month}/{term.key}", counts.get(f"{month:02d}", 0),
         None) for month in range(1, 13)])
    return chart, len(term.articles) - sum(counts.values())
