"""Loader cost in instructions per article, counted by valgrind: a figure that is the same
from run to run, where wall time on a shared machine is not (runs of the same code here
differ by up to 30%, more than the changes worth measuring).

    python benchmarks/instructions.py [N] [--corpus DIR] [--src SRC ...]

The loader runs over the first 20 articles, then over the first 20 + N, each under
`valgrind --tool=cachegrind`; the difference per article is printed, so that start-up and
the loading of the rule tables cancel out. The articles are those of extract.py: the
bundled five varied, or with --corpus N real ones spread over a folder.

Each --src is a source tree to measure (default: this checkout's). To compare with an
older commit: `git worktree add /tmp/old c1df794`, then `--src /tmp/old/src --src src`.
The trees are measured side by side, one a core. Needs valgrind (Debian: apt-get install
valgrind); N = 300 takes about half a minute.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
WARM_UP = 20  # articles run in both counts: the first ones pay for compiling patterns

CHILD = """
import sys
sys.path.insert(0, {here!r})
import extract
from pathlib import Path
from partyorg_site.loader import load_or_problem
folder, n = {folder!r}, {n}
corpus = extract.spread_over(Path(folder), {total}) if folder else extract.variants({total})
for name, data in corpus[:n]:
    load_or_problem(name, data)
"""


def count(source: Path, folder: str | None, n: int, total: int) -> subprocess.Popen:
    """Start valgrind on the loader over the first `n` of `total` articles."""
    code = CHILD.format(here=str(HERE), folder=folder, n=n, total=total)
    environment = {**os.environ, "PYTHONPATH": str(source), "PYTHONHASHSEED": "0"}
    return subprocess.Popen(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                             sys.executable, "-c", code], env=environment,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def instructions(process: subprocess.Popen) -> int:
    """The instruction count valgrind reports for a finished run ("I refs: 1,234")."""
    _, report = process.communicate()
    found = re.search(r"I\s+refs:\s+([\d,]+)", report)
    if process.returncode or not found:
        sys.exit(f"valgrind failed:\n{report[-2000:]}")
    return int(found[1].replace(",", ""))


def main() -> None:
    argv = sys.argv[1:]
    folder = argv.pop(argv.index("--corpus") + 1) if "--corpus" in argv else None
    sources = []
    while "--src" in argv:
        sources.append(Path(argv.pop(argv.index("--src") + 1)).resolve())
        argv.remove("--src")
    sources = sources or [HERE.parent / "src"]
    n = int(next((a for a in argv if not a.startswith("--")), 300))
    what = f"{n} real articles of {folder}" if folder else f"{n} varied bundled articles"
    for source in sources:  # two runs a tree, side by side on the two cores
        short, full = count(source, folder, WARM_UP, WARM_UP + n), count(source, folder, WARM_UP + n, WARM_UP + n)
        per_article = (instructions(full) - instructions(short)) / n
        print(f"{source}: {per_article / 1e6:.3f} M instructions an article ({what})")


if __name__ == "__main__":
    main()
