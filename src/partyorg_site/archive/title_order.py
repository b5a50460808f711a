"""title_order: each title's Vietnamese sort key, remembered for the life of the process.

Ordering an archive newest first compares the titles of articles of one day by
vietnamese_order, and making 10,000 of those keys cost half of a build's archive stage. The
record cache keeps each record's key with it and hands it here as it reads the record back
(the cache's version covers vietnamese.py and the collation table, so it is the key
vietnamese_order would make); serve, which orders the archive again on every edit, finds
the keys it made before. A module of its own, so that the record cache does not import the
taxonomies (which would make every taxonomy change a loader change).
"""
from __future__ import annotations

from partyorg_site.vietnamese import vietnamese_order

_ORDERS: dict[str, tuple[str, str]] = {}
KEPT = 65_536  # past this many titles (serve, editing for days) the memo starts again


def title_order(title: str) -> tuple[str, str]:
    found = _ORDERS.get(title)
    if found is None:
        if len(_ORDERS) >= KEPT:
            _ORDERS.clear()
        found = _ORDERS[title] = vietnamese_order(title)
    return found


def remember(title: str, order: tuple[str, str]) -> None:
    """A title's key as vietnamese_order made it when its record was cached."""
    if len(_ORDERS) >= KEPT:
        _ORDERS.clear()
    _ORDERS[title] = order
