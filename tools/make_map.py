"""Generate src/partyorg_site/data/vietnam_map.json: the province map's shapes, in SVG units.

Run by hand when the sources change (shapely and pyshp are tool dependencies, not the
site's):

    python -m venv /tmp/map && /tmp/map/bin/pip install shapely pyshp pyyaml
    /tmp/map/bin/python tools/make_map.py VNM.geojson ne_10m_admin_1_states_provinces.csv \\
        ne_10m_admin_0_disputed_areas.shp

Sources, all Natural Earth (public domain, https://www.naturalearthdata.com):
- the country's outline: the Vietnam feature of `ne_10m_admin_0_countries` as GeoJSON;
- one point per province: the `latitude`/`longitude` of `ne_10m_admin_1_states_provinces`
  (its attribute table, as DBF or CSV);
- the islands of Quần đảo Hoàng Sa and Quần đảo Trường Sa: `ne_10m_admin_0_disputed_areas`.

Why the provinces are drawn from points: the admin-1 *polygons* of Natural Earth could not
be obtained on the machine this was made on (only their attribute table). So each province
is the part of Vietnam's real outline nearer to its point than to any other province's
point (a Voronoi partition clipped to the outline). The country, the coast and the islands
are true; the lines between provinces are approximate, and the site says so. With
Natural Earth's admin-1 polygons at hand, only `old` in main() needs to change.

The 34 provinces after the 2025 merger are unions of their parts, using `merged_into_2025`
of `data/provinces.yaml`, so both layers always agree with the gazetteer.
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import unicodedata
from pathlib import Path

import shapefile  # pyshp
import yaml
from shapely import geometry, ops, voronoi_polygons

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "partyorg_site" / "data"
OUT = DATA / "vietnam_map.json"

# The map's frame, in degrees: the mainland and both archipelagos.
WEST, EAST, SOUTH, NORTH = 102.0, 116.2, 7.9, 23.5
SCALE = 36.0  # SVG units per degree of latitude
MID_LATITUDE = 16.0  # where longitudes are scaled true (an equirectangular projection)
TOLERANCE = 0.6  # simplification, in SVG units: below what a reader can see

# Natural Earth names three provinces by their region; its ISO 3166-2 code is unambiguous.
ISO_NAMES = {"VN-39": "Đồng Nai", "VN-53": "Bắc Kạn", "VN-66": "Hưng Yên", "VN-SG": "Hồ Chí Minh"}
# Natural Earth places a few label points far from the province's middle (for legibility on
# its own maps); a partition needs the middle. Coordinates of the area's centre, in degrees.
CENTRES = {"Hồ Chí Minh": (106.66, 10.80)}
ARCHIPELAGOS = {"Paracel": ("Quần đảo Hoàng Sa", "Đà Nẵng"), "Spratly": ("Quần đảo Trường Sa", "Khánh Hòa")}


def fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d").replace("Ð", "D"))
    return "".join(c for c in text if unicodedata.category(c) != "Mn").lower().replace(" ", "")


def project(lon: float, lat: float) -> tuple[float, float]:
    return ((lon - WEST) * SCALE * math.cos(math.radians(MID_LATITUDE)), (NORTH - lat) * SCALE)


def projected(shape):
    return ops.transform(lambda xs, ys, zs=None: tuple(zip(*[project(x, y) for x, y in zip(xs, ys)])), shape)


def svg_path(shape) -> str:
    """An SVG path (absolute moves, relative lines, whole units) for a (multi)polygon."""
    polygons = shape.geoms if shape.geom_type == "MultiPolygon" else [shape]
    out = []
    for polygon in polygons:
        for ring in [polygon.exterior, *polygon.interiors]:
            points = [(round(x), round(y)) for x, y in ring.coords[:-1]]
            points = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
            if len(points) < 3:
                continue
            x0, y0 = points[0]
            steps = [f"{x - px} {y - py}" for (px, py), (x, y) in zip(points, points[1:])]
            out.append(f"M{x0} {y0}l" + " ".join(steps) + "z")
    return "".join(out)


def province_points(table: Path, names: set[str]) -> dict[str, tuple[float, float]]:
    by_fold = {fold(name): name for name in names}
    if table.suffix == ".csv":
        rows = list(csv.DictReader(table.open(encoding="utf-8")))
    else:
        rows = [r.as_dict() for r in shapefile.Reader(str(table), encoding="utf-8").iterRecords()]
    points = {}
    for row in rows:
        if row["admin"] != "Vietnam":
            continue
        name = ISO_NAMES.get(row["iso_3166_2"]) or by_fold.get(fold(row["name_vi"]).removeprefix("thanhpho"))
        if name is None:
            raise SystemExit(f"{table}: no gazetteer province for {row['name_vi']} ({row['iso_3166_2']})")
        points[name] = CENTRES.get(name, (float(row["longitude"]), float(row["latitude"])))
    if set(points) != names:
        raise SystemExit(f"{table}: provinces missing: {sorted(names - set(points))}")
    return points


def islands(disputed: Path) -> dict[str, list]:
    """Each archipelago's islands: the middle of each of Natural Earth's island polygons."""
    out: dict[str, list] = {}
    reader = shapefile.Reader(str(disputed), encoding="latin-1")
    for record in reader.iterShapeRecords():
        text = " ".join(str(v) for v in record.record.as_dict().values())
        for english, (name, province) in ARCHIPELAGOS.items():
            if english in text:
                shape = geometry.shape(record.shape.__geo_interface__)
                parts = shape.geoms if shape.geom_type == "MultiPolygon" else [shape]
                dots = sorted({tuple(round(v) for v in project(*p.centroid.coords[0])) for p in parts})
                out[name] = {"province": province, "dots": [list(d) for d in dots]}
    if set(out) != {name for name, _ in ARCHIPELAGOS.values()}:
        raise SystemExit(f"{disputed}: both archipelagos are needed, found {sorted(out)}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("country", type=Path, help="Vietnam's feature of ne_10m_admin_0_countries (GeoJSON)")
    parser.add_argument("admin1", type=Path, help="ne_10m_admin_1_states_provinces attribute table (.dbf or .csv)")
    parser.add_argument("disputed", type=Path, help="ne_10m_admin_0_disputed_areas.shp")
    args = parser.parse_args()

    gazetteer = yaml.safe_load((DATA / "provinces.yaml").read_text(encoding="utf-8"))["provinces"]
    successor = {p["name"]: p["merged_into_2025"] for p in gazetteer}
    feature = json.loads(args.country.read_text(encoding="utf-8"))
    country = projected(geometry.shape(feature.get("geometry", feature)))
    points = {name: geometry.Point(project(*lonlat)) for name, lonlat in province_points(args.admin1, set(successor)).items()}

    cells = voronoi_polygons(geometry.MultiPoint(list(points.values())), extend_to=country.envelope.buffer(50))
    old: dict[str, object] = {}
    for cell in cells.geoms:
        name = next(n for n, p in points.items() if cell.contains(p))
        old[name] = cell.intersection(country)
    new = {name: ops.unary_union([shape for old_name, shape in old.items() if successor[old_name] == name])
           for name in sorted(set(successor.values()))}

    def layer(shapes: dict) -> dict[str, str]:
        return {name: svg_path(shape.simplify(TOLERANCE, preserve_topology=True)) for name, shape in sorted(shapes.items())}

    minx, miny = project(WEST, NORTH)
    maxx, maxy = project(EAST, SOUTH)
    data = {
        "source": "Natural Earth 1:10m (public domain): admin-0 outline of Vietnam, admin-1 label points, "
                  "admin-0 disputed areas (island positions); province borders approximate (Voronoi). "
                  "Generated by tools/make_map.py.",
        "licence": "Public domain (Natural Earth terms of use: https://www.naturalearthdata.com/about/terms-of-use/)",
        "approximate_borders": True,
        "viewbox": [round(minx), round(miny), round(maxx - minx), round(maxy - miny)],
        "outline": svg_path(country.simplify(TOLERANCE, preserve_topology=True)),
        "labels": {name: [round(p.x), round(p.y)] for name, p in sorted(points.items())},
        "layers": {"63": layer(old), "34": layer(new)},
        "archipelagos": islands(args.disputed),
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {OUT.stat().st_size:,} bytes, "
          f"{len(data['layers']['63'])} + {len(data['layers']['34'])} provinces")


if __name__ == "__main__":
    main()
