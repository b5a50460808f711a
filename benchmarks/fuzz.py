"""Fuzz the loader (read -> clean -> extract): every input must give a record or a
problem, never an exception; records must be NFC and serialisable.

    python benchmarks/fuzz.py [N] [SEED]      # default 100,000 inputs

Prints inputs/s and every crash found (an internal error, a non-NFC field, a slow input).
"""
from __future__ import annotations

import json
import random
import sys
import time
import unicodedata

from fuzzing import GENERATORS

from partyorg_site.errors import Problem
from partyorg_site.loader import load_or_problem

SLOW_SECONDS = 2.0


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def check(data: bytes) -> str | None:
    """None if the loader handled the input properly, else what went wrong."""
    started = time.perf_counter()
    result = load_or_problem("fuzz.txt", data)
    seconds = time.perf_counter() - started
    if seconds > SLOW_SECONDS:
        return f"slow: {seconds:.1f} s"
    if isinstance(result, Problem):
        return result.message if "internal error" in result.message else None
    record = result.to_dict()
    json.dumps(record, ensure_ascii=False)
    for text in strings(record):
        if unicodedata.normalize("NFC", text) != text:
            return f"not NFC: {text[:40]!r}"
    if not record["body"] and not record["title"]:
        return "record without text"
    return None


def main() -> int:
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 2026)
    crashes = []
    started = time.perf_counter()
    for number in range(total):
        data = GENERATORS[number % len(GENERATORS)](rng)
        failure = check(data)
        if failure:
            crashes.append((failure, data[:120]))
    seconds = time.perf_counter() - started
    print(f"{total} inputs in {seconds:.1f} s: {total / seconds:,.0f} inputs/s; {len(crashes)} crashes")
    for failure, data in crashes[:20]:
        print(f"  {failure}: {data!r}")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
