"""The key that files the articles about one meeting together.

The meeting reader (meetings.build_meeting) gives it, and the archive's resolve gives it
again where the build's day takes a record's date away: kept apart from the reader, whose
title grammar and gazetteer a build that extracts nothing need not load.
"""
from __future__ import annotations

from partyorg_site.vietnamese import slug


def meeting_key(kind: str, date: str | None, province: str | None) -> str:
    """Articles about the same meeting share a key. Monthly giao ban briefings are
    national, so month and kind identify them; other meetings also carry their place."""
    when = (date[:7] if kind == "giao ban" else date) if date else "khong-ro-ngay"
    where = "" if kind == "giao ban" else (province or "toan-quoc")
    return slug(f"{kind} {when} {where}")
