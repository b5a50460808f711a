"""check: validate the whole archive without writing the site (for editors and CI).

Beyond files that cannot be read, it looks for what a careful archivist would fix by
hand: articles with no date or province, slugs that collided, one person spelled two
ways, one document cited with two different dates.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict

from partyorg_site.archive.cache import RecordCache
from partyorg_site.config import load_config
from partyorg_site.errors import ArticleError, Problem
from partyorg_site.models import Record, split_day_month
from partyorg_site.pipeline import load_archive, report
from partyorg_site.vietnamese import fold


def archive_problems(records: list[Record]) -> list[Problem]:
    """Doubts about the archive as a whole (warnings: the site still builds)."""
    problems: list[Problem] = []
    for record in records:
        if record.date is None:
            found = "the text gives {:02d}/{:02d} but no year".format(*split_day_month(record.day_month)) \
                if record.day_month else "no event date found"
            problems.append(Problem(record.source, f"{found}; add 'date:' to the front matter, or put the file "
                                                   f"in a year folder (articles/2017/...)", kind="warning"))
        if record.province is None and record.provinces:
            problems.append(Problem(record.source, "names provinces but none is its subject; add 'province:' "
                                                   "if it reports from one", kind="warning"))

    spellings: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for record in records:
        for official in record.officials:
            spellings[re.sub(r"\s+", "", fold(official.name))][official.name].append(record.source)
    for variants in spellings.values():
        if len(variants) > 1:
            names = sorted(variants)
            where = "; ".join(f"'{name}' in {', '.join(sorted(variants[name]))}" for name in names)
            problems.append(Problem(sorted(variants[names[1]])[0], f"official named in {len(names)} spellings, "
                                    f"likely one person: {where}", kind="warning"))

    dates: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for record in records:
        for document in record.documents:
            if document.date:
                dates[document.key][document.date].append(record.source)
    for key, by_date in dates.items():
        if len(by_date) > 1:
            where = "; ".join(f"{day} in {', '.join(sorted(by_date[day]))}" for day in sorted(by_date))
            problems.append(Problem(sorted(by_date[max(by_date)])[0],
                                    f"document '{key}' is cited with different dates: {where}", kind="warning"))
    return problems


DATE_SOURCES = ("text", "published", "path", "front matter")


def date_summary(records: list[Record]) -> str:
    """How many articles are dated, where their years come from, how many are not."""
    sources = Counter(record.date_source for record in records if record.date)
    undated = [record for record in records if record.date is None]
    with_day = sum(1 for record in undated if record.day_month)
    told = ", ".join(f"{sources[source]} from {source}" for source in DATE_SOURCES if sources[source])
    return (f"dates: {len(records) - len(undated)} dated ({told or 'none'}); {len(undated)} undated"
            f" ({with_day} with a day and month but no year)")


def check(args: argparse.Namespace) -> int:
    try:
        config = load_config(args.config, {"articles": args.articles})
        loaded = load_archive(config.path("articles"), RecordCache(config.path("cache")))
    except ArticleError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    problems = loaded.problems + archive_problems(loaded.records)
    report(problems)
    if not args.quiet:
        print(date_summary(loaded.records), file=sys.stderr)
    errors = sum(p.kind == "error" for p in problems)
    if not args.quiet:
        print(f"{loaded.files} files, {len(loaded.records)} articles: {errors} problems, "
              f"{len(problems) - errors} warnings", file=sys.stderr)
    return 1 if errors or (args.strict and problems) else 0
