"""check: validate the whole archive without writing the site (for editors and CI)."""
from __future__ import annotations

import argparse
import sys

from partyorg_site.config import load_config
from partyorg_site.errors import ArticleError, Problem
from partyorg_site.pipeline import load_archive, report


def check(args: argparse.Namespace) -> int:
    try:
        config = load_config(args.config, {"articles": args.articles})
        loaded = load_archive(config.path("articles"), verbose=args.verbose)
    except ArticleError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    problems = list(loaded.problems)
    for record in loaded.records:
        if record.date is None:
            problems.append(Problem(record.source, "no event date found (add 'date:' front matter)", kind="warning"))
    report(problems)
    if not args.quiet:
        print(f"{loaded.files} files, {len(loaded.records)} articles, {len(problems)} problems", file=sys.stderr)
    errors = any(p.kind == "error" for p in problems)
    return 1 if errors or (args.strict and problems) else 0
