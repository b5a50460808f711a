"""The edit loop: `partyorg-site serve` on N articles, an article open in a real browser
(Debian's chromium through Playwright), the article saved with an edit; prints the seconds
from the save to the edited text on screen, and to the output folder being written.

    python serve.py [--size 10000] [--edits 5] [--corpus real|synthetic]

The archive is prepared as build.py prepares it (--corpus real: three-line exports of real
2017 articles from ../dev-corpus/all, outside the project) and built once before timing.
"""
from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import build as build_bench

CHROMIUM = "/usr/bin/chromium"


def start(base: Path) -> tuple[subprocess.Popen, str, list[tuple[float, str]]]:
    process = subprocess.Popen([sys.executable, "-m", "partyorg_site", "serve", "--config", "site.yaml", "--port", "0"],
                               cwd=base, stderr=subprocess.PIPE, text=True)
    log: list[tuple[float, str]] = []
    address: list[str] = []
    ready = threading.Event()

    def follow() -> None:
        for line in process.stderr:
            log.append((time.monotonic(), line))
            found = re.search(r"Serving at (http://\S+)", line)
            if found:
                address.append(found.group(1))
                ready.set()

    threading.Thread(target=follow, daemon=True).start()
    if not ready.wait(timeout=1200):
        process.terminate()
        raise SystemExit("serve did not start")
    return process, address[0], log


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--corpus", choices=["synthetic", "real"], default="real")
    parser.add_argument("--work", type=Path, default=Path("/tmp/partyorg-bench"))
    parser.add_argument("--source", type=Path, default=build_bench.ROOT.parent / "dev-corpus" / "all")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    base = build_bench.prepare(args.work, args.size, args.corpus, args.source)
    subprocess.run([sys.executable, "-m", "partyorg_site", "build", "--config", "site.yaml", "--quiet"], cwd=base,
                   check=True, stderr=subprocess.DEVNULL)
    article = sorted((base / "articles").glob("*.txt"))[len(list((base / "articles").glob("*.txt"))) // 2]
    original = article.read_text(encoding="utf-8")
    process, address, log = start(base)
    shown, written = [], []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            records = build_bench.records(base)
            slug = next(r["slug"] for r in records if r["source"] == article.name)
            page.goto(address + f"bai-viet/{slug}/")
            for number in range(args.edits):
                marker = f"Đoạn sửa thử số {number} ở cuối bài."
                mark = len(log)
                saved = time.monotonic()
                article.write_text(original.rstrip("\n") + f" {marker}\n", encoding="utf-8")
                page.wait_for_function(f"document.body.innerText.includes({marker!r})", timeout=60000)
                shown.append(time.monotonic() - saved)
                deadline = time.monotonic() + 120
                while time.monotonic() < deadline and not any("files written" in line for _, line in log[mark:]):
                    time.sleep(0.05)
                done = [at for at, line in log[mark:] if "files written" in line]
                written.append(done[0] - saved if done else float("nan"))
                time.sleep(1)
            browser.close()
    finally:
        article.write_text(original, encoding="utf-8")
        process.terminate()
        process.wait(timeout=30)
    refreshes = [float(m.group(1)) for _, line in log if (m := re.search(r"served from memory after ([\d.]+) s", line))]
    print(f"  (archive rebuilt in memory: {', '.join(f'{s:.2f}' for s in refreshes)} s)")
    print(f"serve, {args.size} {args.corpus} articles, {args.edits} edits of one article (seconds from the save):")
    print(f"  edit on screen:        median {statistics.median(shown):.2f}  min {min(shown):.2f}  max {max(shown):.2f}")
    print(f"  output folder written: median {statistics.median(written):.2f}  min {min(written):.2f}  "
          f"max {max(written):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
