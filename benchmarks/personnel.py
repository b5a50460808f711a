"""What the personnel pages cost the build: every page of an archive made (page list, digests,
rendering, feeds) in this process, first as the records are, then with a decision added for
every official of every article (a ceiling: the press reports far fewer), so the cost of
/nhan-su/, the province sections and the careers' comparisons shows even before the extractor
finds decisions.

    python benchmarks/personnel.py ARTICLES_DIR [--runs 3]

Prints CPU seconds of this process (median of --runs, after one warm-up run; CPU, not wall
clock, so that other work on a shared machine counts less) for each, the decisions and the pages. ARTICLES_DIR: e.g.
the real-2000 folder benchmarks/build.py --corpus real prepares (outside the project).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from partyorg_site.archive.cache import RecordCache
from partyorg_site.archive.taxonomies import Archive
from partyorg_site.config import load_config
from partyorg_site.models import ACTIONS, Appointment, Record
from partyorg_site.pipeline import load_archive
from partyorg_site.site.records_file import PieceStore
from partyorg_site.site.render import Renderer

ROOT = Path(__file__).resolve().parent.parent


def with_decisions(records: list[Record]) -> int:
    """Give every official of every article a decision: the actions in turn, their first
    title as the post, the article's date. Returns how many."""
    count = 0
    for record in records:
        record.appointments = [Appointment(o.name, ACTIONS[(count + n) % len(ACTIONS)], o.titles[0] if o.titles else None,
                                           record.date, "Ban Thường vụ Tỉnh ủy")
                               for n, o in enumerate(record.officials)]
        count += len(record.appointments)
    return count


def every_page(records: list[Record], inputs: dict[str, str]) -> tuple[float, int]:
    config = load_config(ROOT / "site.yaml")
    started = time.process_time()
    renderer = Renderer(Archive.build(records), config, ROOT / "templates", inputs)
    pages = list(renderer.pages())
    for page in pages:
        renderer.page_digest(page)
        renderer.render(page)
    for _ in renderer.extra_files([page.path for page in pages], PieceStore(None)):
        pass
    return time.process_time() - started, len(pages)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    loaded = load_archive(args.articles, RecordCache(args.articles.parent / ".cache"))
    records = loaded.records
    every_page(records, loaded.inputs)  # a warm-up: templates compiled, texts read from the cache
    for label, decisions in (("as extracted", sum(len(r.appointments) for r in records)),
                             ("a decision per official", None)):
        if decisions is None:
            decisions = with_decisions(records)
        timings = [every_page(records, loaded.inputs) for _ in range(args.runs)]
        print(f"{label:26} {len(records):>6} articles {decisions:>6} decisions "
              f"{statistics.median(t for t, _ in timings):>7.2f} s {timings[0][1]:>7} pages", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
