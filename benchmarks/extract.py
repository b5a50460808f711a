"""Extraction speed: articles per second on one core, over 1,000+ articles.

The bundled articles are repeated with variations (names, dates, provinces and document
numbers changed; a three-line export of each) so the loader cannot lean on a cache.
`--corpus DIR` takes N real articles from a folder instead, spread over it (every k-th
file by name): real pages vary as the bundled five cannot.

    python benchmarks/extract.py [N] [--stages] [--corpus DIR]

--stages also prints each loader stage's wall time per article (the functions the
loader calls, timed where it calls them), to see where the time goes.
"""
from __future__ import annotations

import random
import sys
import time
from collections import Counter
from pathlib import Path

from partyorg_site import loader
from partyorg_site.loader import load_or_problem

ROOT = Path(__file__).resolve().parent.parent
PROVINCES = ["Nghệ An", "Phú Thọ", "Thanh Hóa", "Bình Dương", "Long An", "Hà Tĩnh", "Quảng Ninh", "Cà Mau"]


def spread_over(folder: Path, n: int) -> list[tuple[str, bytes]]:
    """N files of `folder`, every k-th by name, so that they span the whole folder."""
    paths = sorted(path for path in folder.iterdir() if path.is_file())
    step = max(1, len(paths) // n)
    return [(path.name, path.read_bytes()) for path in paths[::step][:n]]


def variants(n: int) -> list[tuple[str, bytes]]:
    rng = random.Random(7)
    seeds = [(p.name, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "articles").glob("*.txt"))]
    out = []
    for i in range(n):
        name, text = seeds[i % len(seeds)]
        text = text.replace("Phú Thọ", rng.choice(PROVINCES)).replace("Nghệ An", rng.choice(PROVINCES))
        text = text.replace("30-9", f"{rng.randint(1, 28)}-{rng.randint(1, 12)}").replace("205", str(rng.randint(1, 400)))
        if i % 2:  # the aggregator-export shape: headline, lead, body on one line
            lines = [line.strip() for line in text.splitlines() if len(line.split()) > 3]
            text = "\n".join([lines[0], lines[1], " ".join(lines[2:])])
        out.append((f"{i}-{name}", text.encode("utf-8")))
    return out


STAGES = ["read_source", "clean_lines", "segment", "find_event_date", "find_mentions", "primary_province",
          "find_documents", "find_officials", "find_meeting", "derive_title", "_settle"]


def time_stages() -> Counter:
    """Replace each stage the loader calls with a timed wrapper; return the running totals."""
    totals: Counter = Counter()

    def timed(name, function):
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                totals[name] += time.perf_counter() - started
        return wrapper

    for name in STAGES:
        setattr(loader, name, timed(name, getattr(loader, name)))
    return totals


def main() -> None:
    argv = sys.argv[1:]
    folder = Path(argv.pop(argv.index("--corpus") + 1)) if "--corpus" in argv else None
    args = [a for a in argv if not a.startswith("--")]
    n = int(args[0]) if args else 2000
    stages = time_stages() if "--stages" in sys.argv else None
    corpus = spread_over(folder, n) if folder else variants(n)
    n = len(corpus)
    load_or_problem(*corpus[0])  # compile patterns and load the rule tables once
    started = time.perf_counter()
    for name, data in corpus:
        load_or_problem(name, data)  # (a real folder may hold a file that is no article)
    seconds = time.perf_counter() - started
    size = sum(len(d) for _, d in corpus) / 1e6
    print(f"{n} articles ({size:.1f} MB) in {seconds:.2f} s: {n / seconds:,.0f} articles/s on one core "
          f"({size / seconds:.1f} MB/s)")
    if stages is not None:
        print("(timed stages: the wrappers add their own cost to the total)")
        for name, spent in stages.most_common():
            print(f"  {name:18} {spent * 1000 / (n + 1):.3f} ms/article  {100 * spent / seconds:3.0f}%")


if __name__ == "__main__":
    main()
