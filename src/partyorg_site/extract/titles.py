"""Titles: the headline as printed, or, where the text has none, one made from the lead."""
from __future__ import annotations

from partyorg_site.read.sentences import sentences

DERIVED_MAX_WORDS = 18


def derive_title(body: list[str]) -> str | None:
    """A short title from the lead's first sentence, cut at a word boundary."""
    if not body:
        return None
    first = sentences(body[0])[0] if sentences(body[0]) else body[0]
    words = first.rstrip(" .").split()
    if len(words) <= DERIVED_MAX_WORDS:
        return " ".join(words)
    cut = words[:DERIVED_MAX_WORDS]
    while cut and cut[-1].lower() in {"và", "của", "các", "cho", "với", "tại", "trong", "về", "để", "đã"}:
        cut.pop()
    return " ".join(cut).rstrip(",;:") + "…"
