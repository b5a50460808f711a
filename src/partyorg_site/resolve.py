"""resolve: facts across the whole archive, not one article.

Slugs must be unique across the archive and stable from build to build, so collisions
are settled in a fixed order (by source path) and the later article gets a suffix.
"""
from __future__ import annotations

from partyorg_site.errors import Problem
from partyorg_site.models import Record


def assign_unique_slugs(records: list[Record]) -> list[Problem]:
    """Give every record a unique slug; warn about each one that had to change."""
    problems: list[Problem] = []
    taken: set[str] = set()
    for record in sorted(records, key=lambda r: r.source):
        slug = record.slug
        if slug in taken:
            counter = 2
            while f"{slug}-{counter}" in taken:
                counter += 1
            new = f"{slug}-{counter}"
            problems.append(Problem(record.source, f"slug '{slug}' is already used by another article; "
                                                   f"this one is published as '{new}'", kind="warning"))
            record.slug = new
        taken.add(record.slug)
    return problems
