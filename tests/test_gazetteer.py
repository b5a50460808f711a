"""The province gazetteer: 63 provinces, their 2025 successors, and every spelling tested."""
from __future__ import annotations

import pytest

from partyorg_site import datafiles
from partyorg_site.extract.places import find_mentions
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
