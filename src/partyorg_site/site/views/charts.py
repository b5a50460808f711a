"""Small inline SVG bar charts, made at build time.

A chart is data for a template macro (`_views.html`), not markup: bars with their
heights already scaled, and the sentence that is the chart's text alternative. Keeping
geometry here and markup in the template lets tests check the numbers without parsing SVG.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

WIDTH, HEIGHT, BASELINE = 12, 60, 72  # a bar's width and the tallest bar, in SVG units


@dataclass(frozen=True)
class Bar:
    label: str  # under the bar: "2019", "3"
    name: str  # in words, for the text alternative: "tháng 3/2019"
    count: int
    x: int
    height: int
    href: str | None = None


@dataclass(frozen=True)
class Chart:
    caption: str
    bars: tuple[Bar, ...]
    width: int
    height: int = BASELINE + 14

    @property
    def summary(self) -> str:
        """The chart as one sentence: what a screen reader reads instead of the bars."""
        return f"{self.caption}: " + "; ".join(f"{bar.name}: {bar.count} bài" for bar in self.bars) + "."

    @property
    def baseline(self) -> int:
        return BASELINE

    @property
    def total(self) -> int:
        return sum(bar.count for bar in self.bars)


def bar_chart(caption: str, values: list[tuple[str, str, int, str | None]], gap: int = 4) -> Chart:
    """`values`: (label, name, count, link or None) in the order they are drawn."""
    tallest = max((count for _, _, count, _ in values), default=0) or 1
    bars = tuple(Bar(label, name, count, gap + i * (WIDTH + gap), round(HEIGHT * count / tallest), href)
                 for i, (label, name, count, href) in enumerate(values))
    return Chart(caption, bars, width=gap + len(bars) * (WIDTH + gap))


def per_year(caption: str, counts: Mapping[str, int], link: Callable[[str], str | None] = lambda year: None
             ) -> Chart | None:
    """A bar for every year from the first to the last in `counts` ("2017": 4), the empty
    years included so that a gap shows; None where there is no year at all."""
    if not counts:
        return None
    first, last = int(min(counts)), int(max(counts))
    return bar_chart(caption, [(str(year), f"năm {year}", counts.get(str(year), 0), link(str(year)))
                               for year in range(first, last + 1)])
