"""The suite's property tests with every example (PARTYORG_FULL_PROPERTIES=1): the suite
runs a third of each one's examples (tests/conftest.py `examples`) to stay under a minute;
this runs them all and prints the seconds they took.

    python properties.py            # from this folder, with the project's virtual environment
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = ["tests/test_patterns.py", "tests/test_date_invariants.py", "tests/test_extractors.py", "tests/test_fuzz.py"]


def main() -> int:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "pytest", *FILES],
                            cwd=ROOT, env={**os.environ, "PARTYORG_FULL_PROPERTIES": "1"})
    print(f"property tests, every example: {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
