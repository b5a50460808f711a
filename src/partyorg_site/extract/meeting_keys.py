"""The key that files the articles about one meeting together.

The meeting reader (meetings.build_meeting) gives it, and the archive's resolve gives it
again where the build's day takes a record's date away: kept apart from the reader, whose
title grammar and gazetteer a build that extracts nothing need not load.
"""
from __future__ import annotations

import re
from functools import lru_cache

from partyorg_site import datafiles
from partyorg_site.patterns import alternation, either_case_initials
from partyorg_site.vietnamese import UPPER_CLASS, slug


def meeting_key(kind: str, date: str | None, province: str | None, title: str = "") -> str:
    """Articles about the same meeting share a key. Monthly giao ban briefings are
    national, so month and kind identify them; other meetings also carry their place, and
    the local organisation that holds them where their title names one below the province
    (organiser: a commune's congress is not its neighbour's of the same day), and, with no
    day known, the first words of their name."""
    when = (date[:7] if kind == "giao ban" else date) if date else "khong-ro-ngay"
    where = "" if kind == "giao ban" else (province or "toan-quoc")
    who = organiser(title) if kind != "giao ban" else None
    # With no day, kind and place would put every such meeting of a province under one key
    # (five different conferences of a city shared one in 2017's corpus): its name tells them
    # apart, as far as its first words go (two reports of one meeting name it alike).
    named = " ".join(title.split()[:UNDATED_NAME_WORDS]) if not date and kind != "giao ban" else ""
    return slug(f"{kind} {when} {where} {who or ''} {named}")


UNDATED_NAME_WORDS = 12  # syllables of an undated meeting's name its key takes ("Hội nghị tổng kết công tác năm 2016" is 8)


def organiser(text: str) -> str | None:
    """The local Party organisation below a province that `text` names first, as its place
    ("Đại hội đại biểu Đảng bộ phường Bình Trưng lần thứ I" -> "phường Bình Trưng": "Đảng bộ"
    and "Đảng ủy" of one place are one organiser), or a province's agency ("Đảng bộ Công an
    tỉnh Gia Lai" -> "Công an tỉnh"); None for none, or a city that is a province
    (data/meetings.yaml, organisers)."""
    found = organiser_named(text)
    if found is None:
        return None
    return found["agency"] if found["agency"] else f"{found['place']} {found['name']}"


def organiser_named(text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
    """The first such organisation named in text[start:end], as printed."""
    if "ảng" not in text[start:end]:
        return None  # (most titles name none: "Đảng", "đảng" hold it)
    return _organiser_pattern().search(text, start, len(text) if end is None else end)


@lru_cache(maxsize=1)
def _organiser_pattern() -> re.Pattern[str]:
    data = datafiles.load("meetings")["organisers"]
    cities = alternation(data["provincial_cities"])
    agencies = alternation(either_case_initials(agency) for agency in data["agencies"])  # ("Đảng bộ quân sự tỉnh")
    word = rf"{UPPER_CLASS}[\w-]*"
    name = rf"{word}(?:\s+{word}){{0,3}}"
    return re.compile(rf"(?<!\w)(?:{alternation(data['bodies'])})\s+(?:(?P<agency>{agencies})(?!\w)(?:\s+{name})?"
                      rf"|(?P<place>{alternation(data['places'])})\.?\s+(?!(?:{cities})(?!\w))(?P<name>{name}))")
