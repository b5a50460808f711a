"""tools/make_map.py on small invented TopoJSON: decoding quantised, delta-encoded arcs,
telling features apart by points (never names), simplifying a shared border once, and
merging provinces into the 2025 layer without gaps."""
from __future__ import annotations

import importlib.util

import pytest

from conftest import ROOT
from test_map_data import edges, inside, rings

spec = importlib.util.spec_from_file_location("make_map", ROOT / "tools" / "make_map.py")
make_map = importlib.util.module_from_spec(spec)
spec.loader.exec_module(make_map)

SCALE = (0.01, 0.01)
TRANSLATE = (105.0, 15.0)  # one quantum is 0.01 degree


def quantised(points: list[tuple[int, int]]) -> list[list[int]]:
    """An arc as TopoJSON stores it: the first position, then differences."""
    out, previous = [], (0, 0)
    for point in points:
        out.append([point[0] - previous[0], point[1] - previous[1]])
        previous = point
    return out


def three_squares(names=("A", "B", "C")) -> dict:
    """Three squares of one degree in a row (west to east), the borders between them wavy by
    less than the simplification tolerance. Arcs: 0 the A|B border (south to north), 1 the B|C
    border, 2 A's outer edge, 3 B's south edge, 4 B's north edge, 5 C's outer edge."""
    def wavy(x: int) -> list[tuple[int, int]]:
        return [(x + (y // 5) % 2, y) for y in range(0, 101, 5)]

    arcs = [
        wavy(100),
        wavy(200),
        [(100, 100), (0, 100), (0, 0), (100, 0)],
        [(100, 0), (200, 0)],
        [(200, 100), (100, 100)],
        [(200, 0), (300, 0), (300, 100), (200, 100)],
    ]
    arcs[0][0], arcs[0][-1] = (100, 0), (100, 100)
    arcs[1][0], arcs[1][-1] = (200, 0), (200, 100)
    return {
        "type": "Topology",
        "transform": {"scale": list(SCALE), "translate": list(TRANSLATE)},
        "arcs": [quantised(arc) for arc in arcs],
        "objects": {"vnm": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "id": "X.1", "properties": {"name": names[0]}, "arcs": [[0, 2]]},
            {"type": "Polygon", "id": "X.2", "properties": {"name": names[1]}, "arcs": [[3, 1, 4, ~0]]},
            {"type": "MultiPolygon", "id": "X.3", "properties": {"name": names[2]}, "arcs": [[[5, ~1]]]},
        ]}},
    }


GAZETTEER = [{"name": "Tây", "merged_into_2025": "Tây"}, {"name": "Giữa", "merged_into_2025": "Tây"},
             {"name": "Đông", "merged_into_2025": "Đông"}]
ARCHIPELAGOS = {"Quần đảo X": {"province": "Đông", "dots": [[400, 300]]}}


def test_arcs_are_delta_decoded_and_scaled_by_the_transform():
    arcs = make_map.decode_arcs({"transform": {"scale": [0.1, 0.2], "translate": [100, 10]},
                                 "arcs": [[[0, 0], [10, 0], [0, 10]]]})
    assert arcs == [[(100.0, 10.0), (101.0, 10.0), (101.0, 12.0)]]
    assert make_map.ring_points([~0], arcs) == [(101.0, 12.0), (101.0, 10.0), (100.0, 10.0)]


def test_features_are_known_by_the_points_inside_them_not_by_their_names():
    topology = three_squares(names=("Đông", None, "Tây"))  # names that lie
    capitals = {"Tây": (105.5, 15.5), "Giữa": (106.5, 15.5), "Đông": (107.5, 15.5)}
    arcs, feats = make_map.decode_arcs(topology), make_map.features(topology)
    chosen, misplaced = make_map.identify(feats, arcs, capitals, {name: [] for name in capitals})
    assert chosen == {"Tây": 0, "Giữa": 1, "Đông": 2} and misplaced == {}


def test_a_point_in_no_feature_is_an_error():
    topology = three_squares()
    arcs, feats = make_map.decode_arcs(topology), make_map.features(topology)
    with pytest.raises(SystemExit, match="Đông"):
        make_map.identify(feats, arcs, {"Tây": (105.5, 15.5), "Đông": (109.0, 15.5)}, {"Tây": [], "Đông": []})


def test_two_points_in_one_feature_are_settled_by_their_communes_points():
    topology = three_squares()
    arcs, feats = make_map.decode_arcs(topology), make_map.features(topology)
    # Giữa's centre lies in the western square (a misdrawn border), its communes mostly in the middle one.
    capitals = {"Tây": (105.5, 15.5), "Giữa": (105.9, 15.5), "Đông": (107.5, 15.5)}
    places = {"Tây": [(105.2, 15.2), (105.3, 15.8)], "Giữa": [(105.95, 15.1), (106.2, 15.5), (106.7, 15.6)],
              "Đông": [(107.5, 15.5)]}
    chosen, misplaced = make_map.identify(feats, arcs, capitals, places)
    assert chosen == {"Tây": 0, "Giữa": 1, "Đông": 2} and misplaced == {"Giữa": "Tây"}


def test_douglas_peucker_keeps_the_ends_and_drops_what_is_within_tolerance():
    line = [(0, 0), (1, 0.2), (2, -0.2), (3, 5), (4, 0.1), (5, 0)]
    assert make_map.douglas_peucker(line, 0.5) == [(0, 0), (2, -0.2), (3, 5), (4, 0.1), (5, 0)]
    assert make_map.douglas_peucker(line[:3] + [(5, 0)], 0.5) == [(0, 0), (5, 0)]
    closed = [(0, 0), (10, 0), (10, 0.1), (10, 10), (0, 10), (0, 0)]
    assert make_map.douglas_peucker(closed, 0.5) == [(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)]


def test_the_map_shares_each_border_and_merges_the_2025_layer_without_gaps():
    capitals = {"Tây": (105.5, 15.5), "Giữa": (106.5, 15.5), "Đông": (107.5, 15.5)}
    data = make_map.build_map(three_squares(), GAZETTEER, capitals, {n: [] for n in capitals}, ARCHIPELAGOS)
    old, new = data["layers"]["63"], data["layers"]["34"]
    assert set(old) == {"Tây", "Giữa", "Đông"} and set(new) == {"Tây", "Đông"}
    # the wavy borders (1 quantum of 0.01 degree, well under the tolerance) come out straight and shared
    assert all(len(ring) == 4 for path in old.values() for ring in rings(path))
    assert edges(old.values()) == edges([data["outline"]]) == edges(new.values())
    assert edges([new["Tây"]]) == edges([old["Tây"], old["Giữa"]]) and len(rings(new["Tây"])) == 1
    for name, point in data["points"].items():
        assert inside(old[name], point) and [n for n, path in old.items() if inside(path, point)] == [name]
    assert data["source_area_km2"]["Tây"] == pytest.approx(111.2 * 111.2 * 0.9636, rel=0.01)  # 1°x1° at 15.5°N
    assert data["features"]["Đông"] == {"index": 2, "id": "X.3", "name": "C"} and data["source"]["features"] == 3


def test_an_islet_goes_to_the_province_whose_commune_lies_in_it_or_is_left_out():
    topology = three_squares()
    topology["arcs"] += [quantised([(400, 50), (420, 50), (420, 70), (400, 70), (400, 50)]),
                         quantised([(500, 50), (520, 50), (520, 70), (500, 70), (500, 50)])]
    topology["objects"]["vnm"]["geometries"].append(
        {"type": "MultiPolygon", "id": -99, "properties": {"name": None}, "arcs": [[[6]], [[7]]]})
    capitals = {"Tây": (105.5, 15.5), "Giữa": (106.5, 15.5), "Đông": (107.5, 15.5)}
    places = {"Tây": [], "Giữa": [], "Đông": [(109.1, 15.6)]}  # a commune on the first islet
    data = make_map.build_map(topology, GAZETTEER, capitals, places, ARCHIPELAGOS)
    assert len(rings(data["layers"]["63"]["Đông"])) == 2 and len(rings(data["layers"]["34"]["Đông"])) == 2
    assert any("1 of its 2 polygons" in note and "(Đông); the other 1 hold none" in note for note in data["notes"])
