"""The province map: Vietnam's provinces shaded by their number of articles, in two layers
(the 63 provinces of 2008-2025 and the 34 after the 2025 merger), with Quần đảo Hoàng Sa
and Quần đảo Trường Sa drawn as part of Đà Nẵng and Khánh Hòa.

The shapes come from `data/vietnam_map.json`: Natural Earth's province polygons (public
domain), simplified by tools/make_map.py. A province of the 34 counts the articles naming any of its parts,
each article once. Every region links somewhere: to its page when it has articles, else
to its row in the table beside the map (which gives the same numbers in text)."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from partyorg_site.site import urls
from partyorg_site.archive.taxonomies import Archive
from partyorg_site.extract.places import merged_into_2025
from partyorg_site.vietnamese import fold, slug

SHADES = 5  # shades for provinces with articles; 0 is "no article"


@lru_cache(maxsize=None)
def map_data() -> dict[str, Any]:
    text = resources.files("partyorg_site").joinpath("data", "vietnam_map.json").read_text(encoding="utf-8")
    return json.loads(text)


@dataclass(frozen=True)
class Region:
    name: str
    count: int
    shade: int
    href: str  # site-relative path, perhaps with an anchor
    anchor: str  # the id of its row in the table beside the map
    path: str  # SVG path data
    parts: tuple[str, ...]  # the pre-2025 provinces it is made of (itself, in the 63 layer)
    own_page: bool  # a province page exists (a pre-2025 province with articles)
    islands: tuple[tuple[str, tuple[tuple[int, int], ...]], ...] = ()  # archipelagos drawn with it

    @property
    def accessible_name(self) -> str:
        return f"{self.name}: {self.count} bài viết"


@dataclass(frozen=True)
class Layer:
    key: str  # "63" or "34"
    title: str
    regions: tuple[Region, ...]
    legend: tuple[tuple[int, str], ...]  # (shade, "1–3 bài")


def shade(count: int, most: int) -> int:
    """0 for no article; else 1..SHADES on a logarithmic scale up to the busiest province, so
    that one province with hundreds of articles does not wash the others out."""
    if count <= 0:
        return 0
    if most <= 1:
        return SHADES
    return 1 + min(SHADES - 1, int((SHADES - 1) * math.log(count) / math.log(most) + 1e-9))


def _legend(most: int) -> tuple[tuple[int, str], ...]:
    ranges: dict[int, list[int]] = {}
    for count in range(1, most + 1):
        ranges.setdefault(shade(count, most), []).append(count)
    items = [(0, "chưa có bài")]
    for level, counts in sorted(ranges.items()):
        low, high = counts[0], counts[-1]
        items.append((level, f"{low} bài" if low == high else f"{low}–{high} bài"))
    return tuple(items)


def province_counts(archive: Archive) -> dict[str, dict[str, int]]:
    """Articles per province in each layer; an article naming two parts of one new province
    counts once there."""
    old = {term.label: term.count for term in archive.taxonomies["tinh"].terms.values()}
    new: dict[str, set[int]] = {}
    for term in archive.taxonomies["tinh"].terms.values():
        new.setdefault(term.info.get("merged_into_2025") or term.label, set()).update(map(id, term.articles))
    return {"63": old, "34": {name: len(ids) for name, ids in new.items()}}


def layers(archive: Archive) -> list[Layer]:
    data = map_data()
    counts = province_counts(archive)
    terms = archive.taxonomies["tinh"].terms
    parts_of: dict[str, list[str]] = {}
    for name in data["layers"]["63"]:
        parts_of.setdefault(merged_into_2025(name) or name, []).append(name)
    out = []
    for key, title in (("63", "63 tỉnh, thành phố (2008–2025)"), ("34", "34 tỉnh, thành phố (từ năm 2025)")):
        layer_counts = counts[key]
        most = max(layer_counts.values(), default=0)
        regions = []
        for name, path in data["layers"][key].items():
            parts = (name,) if key == "63" else tuple(sorted(parts_of[name]))
            count = layer_counts.get(name, 0)
            anchor = f"tinh-{key}-{slug(name)}"
            own_page = parts == (name,) and slug(name) in terms
            href = urls.term("tinh", slug(name)) if own_page else f"{urls.taxonomy_index('tinh')}#{anchor}"
            islands = tuple((label, tuple(tuple(d) for d in group["dots"]))
                            for label, group in sorted(data["archipelagos"].items()) if group["province"] in parts)
            regions.append(Region(name, count, shade(count, most), href, anchor, path, parts, own_page, islands))
        regions.sort(key=lambda region: (fold(region.name), region.name))
        out.append(Layer(key, title, tuple(regions), _legend(most)))
    return out


def archipelago_labels() -> list[tuple[str, str, int, int]]:
    """(name, province, x, y): where each archipelago's label goes, beside its islands."""
    out = []
    for name, group in sorted(map_data()["archipelagos"].items()):
        xs = [x for x, _ in group["dots"]]
        ys = [y for _, y in group["dots"]]
        out.append((name, group["province"], min(round(sum(xs) / len(xs)), map_data()["viewbox"][2] - 70), min(ys) - 20))
    return out


def view(archive: Archive) -> dict[str, Any]:
    """Everything the map's template needs: both layers, the frame and outline, where the
    archipelagos are labelled, the province pages, how many articles name no province, and
    the provinces whose centre the source draws inside a neighbour (so the page can say so)."""
    data = map_data()
    terms = archive.taxonomies["tinh"].terms
    return {"layers": layers(archive), "viewbox": data["viewbox"], "outline": data["outline"],
            "archipelagos": archipelago_labels(), "misplaced": sorted(data.get("misplaced_points", {}).items()),
            "pages": {term.label: urls.term("tinh", term.key) for term in terms.values()},
            "unplaced": sum(1 for record in archive.articles if not record.provinces)}
