"""The province gazetteer: 63 provinces, their 2025 successors, and every spelling tested."""
from __future__ import annotations

import pytest

from partyorg_site import datafiles
from partyorg_site.extract.places import find_mentions, unit_key
from partyorg_site.vietnamese import normalize

PROVINCES = datafiles.load("provinces")["provinces"]
SPELLINGS = [(p["name"], s) for p in PROVINCES for s in p["spellings"]
             if not (p["needs_designator"] and s == p["name"])]


def test_63_provinces_merge_into_34():
    assert len(PROVINCES) == 63 and len({p["name"] for p in PROVINCES}) == 63
    assert len({p["merged_into_2025"] for p in PROVINCES}) == 34


@pytest.mark.parametrize("name,spelling", SPELLINGS, ids=[s for _, s in SPELLINGS])
def test_every_spelling_finds_its_province(name, spelling):
    # as the loader sees it: normalised first (old-style "Hoà" becomes "Hòa")
    assert [m.name for m in find_mentions(normalize(f"Hội nghị tại {spelling}, sáng nay."))] == [name]


def test_bare_ho_chi_minh_is_the_person():
    assert find_mentions("tư tưởng Hồ Chí Minh") == []


@pytest.mark.parametrize("table,kinds_key,at_least", [("districts", "district_kinds", 600),
                                                        ("communes", "commune_kinds", 5000)])
def test_local_units_are_of_known_kinds_and_provinces(table, kinds_key, at_least):
    """Each line of a generated table: a kind the loader reads, a name as the loader keys it
    (so it is read without normalising), one of the 63 provinces."""
    kinds = set(datafiles.load("places")[kinds_key])
    names = {p["name"] for p in PROVINCES}
    lines = datafiles.load_words(table)
    assert len(lines) > at_least
    for line in lines:
        kind, name, province = line.split("\t")
        assert kind in kinds and province in names and name, line
        assert unit_key(name) == name, line
        assert table == "districts" or not any(c.isdigit() for c in name), line  # "phường 5" names no province
