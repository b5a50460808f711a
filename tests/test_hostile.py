"""Hostile and broken input: encodings, broken files, path tricks, interrupted and
concurrent builds. Each case: a clear message naming the file, the rest still builds."""
from __future__ import annotations

import codecs
import json
import random
import shutil
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest
import yaml

from conftest import ARTICLES, ROOT
from partyorg_site.loader import load_bytes, load_file
from partyorg_site.errors import Problem
from sitebuild import site_records, tree_digest

SEED = ARTICLES / "001_237dad8a400dece6.txt"
FIELDS = ("title", "outlet", "date", "province", "provinces", "officials", "documents", "meeting", "body", "captions")
LEGACY = yaml.safe_load((ROOT / "src/partyorg_site/data/legacy_encodings.yaml").read_text(encoding="utf-8"))


def utf8_twin() -> str:
    """The seed with the few characters legacy encodings cannot hold replaced."""
    text = SEED.read_text(encoding="utf-8")
    return text.replace("\xa0", " ").replace("…", "...").replace("“", '"').replace("”", '"')


def same_record(data: bytes, twin: str = None) -> None:
    expected = load_bytes("a.txt", (twin or utf8_twin()).encode("utf-8")).to_dict()
    got = load_bytes("a.txt", data).to_dict()
    assert {k: got[k] for k in FIELDS} == {k: expected[k] for k in FIELDS}


def as_legacy(text: str, name: str) -> bytes:
    to_legacy = {unicode: legacy for legacy, unicode in LEGACY[name].items()}
    return "".join(to_legacy.get(char, char) for char in text).encode("latin-1")


@pytest.mark.parametrize("encode", [
    lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    lambda t: t.encode("utf-16"),  # with BOM, native order
    lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    lambda t: t.replace("\n", "\r").encode("utf-8"),
    lambda t: unicodedata.normalize("NFD", t).encode("utf-8"),
    lambda t: as_legacy(t, "tcvn3"),
    lambda t: as_legacy(t, "vni"),
], ids=["utf8-bom", "utf16", "utf16le-bom", "utf16be-bom", "crlf", "cr", "nfd", "tcvn3", "vni"])
def test_each_encoding_gives_the_record_of_its_utf8_twin(encode):
    same_record(encode(utf8_twin()))


def test_no_vietnamese_is_not_an_article():
    problem = load_file_bytes_problem(b"Quarterly report\n\nSales rose in March across all regions of the company.\n")
    assert "no Vietnamese text" in problem.message


def load_file_bytes_problem(data: bytes) -> Problem:
    from partyorg_site.loader import load_or_problem

    result = load_or_problem("english.txt", data)
    assert isinstance(result, Problem)
    return result


def test_unreadable_file_is_a_problem(tmp_path, monkeypatch):
    article = tmp_path / "locked.txt"
    article.write_bytes(SEED.read_bytes())

    def refuse(self):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(Path, "read_bytes", refuse)  # CI runs as root, which reads anything
    result = load_file(article, tmp_path)
    assert isinstance(result, Problem) and result.message == "cannot be read: Permission denied"


def build(articles: Path, output: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "build.py"), "--config", str(ROOT / "site.yaml"),
                           "--articles", str(articles), "--output", str(output), *extra],
                          capture_output=True, text=True)


def test_broken_files_are_reported_and_the_rest_builds(tmp_path):
    articles = tmp_path / "articles"
    shutil.copytree(ARTICLES, articles)
    (articles / "image.txt").write_bytes(bytes(range(256)) * 40)
    (articles / "huge.txt").write_bytes(b"x" * (6 * 1024 * 1024))
    (articles / "folder.txt").mkdir()
    outside = tmp_path / "secret.txt"
    outside.write_text("Sáng 5/1, nội dung bí mật.", encoding="utf-8")
    (articles / "link.txt").symlink_to(outside)
    result = build(articles, tmp_path / "_site")
    assert result.returncode == 0
    for line in ("image.txt: binary file", "huge.txt: file is 6 MB; articles over 5 MB are skipped",
                 "folder.txt: is a directory", "link.txt: is a link to"):
        assert line in result.stderr, line
    records = site_records(tmp_path / "_site")
    assert len(records) == 5 and "bí mật" not in json.dumps(records, ensure_ascii=False)
    assert build(articles, tmp_path / "_site", "--strict").returncode == 1


def test_slugs_cannot_escape_and_duplicates_are_numbered(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    for name, slug in (("a.md", "../../x"), ("b.md", "/etc/passwd"), ("c.md", "../../x")):
        (articles / name).write_text(f"---\nslug: {json.dumps(slug)}\n---\nSáng 5/1/2020, hội nghị giao ban.\n",
                                     encoding="utf-8")
    result = build(articles, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "site/bai-viet").iterdir() if p.is_dir()) == ["etc-passwd", "x", "x-2"]
    assert "c.md: slug 'x' is already used by another article; this one is published as 'x-2' (warning)" \
        in result.stderr
    assert not (tmp_path / "x").exists() and not (tmp_path.parent / "x").exists()


def test_injection_is_text_in_feed_and_search_too(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "evil.md").write_text('---\ntitle: "<script>alert(1)</script>"\n---\n'
                                      "Sáng 5/1/2020, <img src=x onerror=alert(2)> hội nghị.\n", encoding="utf-8")
    assert build(articles, tmp_path / "site").returncode == 0
    feed = (tmp_path / "site/feed.xml").read_text(encoding="utf-8")
    assert "<script>" not in feed and "&lt;script&gt;" in feed and "<img" not in feed
    docs = json.loads((tmp_path / "site/data/search/d-0.json").read_text(encoding="utf-8"))
    assert docs[0][1] == "<script>alert(1)</script>"  # data, shown with textContent:
    assert "innerHTML" not in (ROOT / "static/search.js").read_text(encoding="utf-8")


def big_archive(folder: Path, copies: int) -> None:
    folder.mkdir()
    for number in range(copies):
        for seed in ARTICLES.glob("*.txt"):
            text = seed.read_text(encoding="utf-8")
            (folder / f"{number:04d}-{seed.name}").write_text(f"{text}\nBản sao số {number}.\n", encoding="utf-8")


def test_a_killed_build_leaves_the_previous_site_whole(tmp_path):
    articles, output = tmp_path / "articles", tmp_path / "_site"
    big_archive(articles, 60)
    assert build(articles, output, "-j", "1").returncode == 0
    before = tree_digest(output)
    (articles / "0000-000_5863303d04c9a417.txt").write_text("Sáng 1/1/2020, bài đã sửa.\n", encoding="utf-8")
    rng = random.Random(3)
    for _ in range(3):
        process = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--config", str(ROOT / "site.yaml"),
                                    "--articles", str(articles), "--output", str(output), "--clean", "-j", "1"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 1.5))
        process.send_signal(signal.SIGKILL)
        process.wait()
        after = tree_digest(output)
        assert after == before or any("bài đã sửa" in json.dumps(r, ensure_ascii=False) for r in site_records(output))
        before = after
    result = build(articles, output)  # the killed build's lock and staging folder are taken over
    assert result.returncode == 0, result.stderr
    assert not list(tmp_path.glob("._site-build-*")) and not (tmp_path / "._site.lock").exists()
    deadline = time.monotonic() + 20  # the replaced site is deleted by a background process
    while list(tmp_path.glob("._site-old-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not list(tmp_path.glob("._site-old-*"))


def test_two_builds_at_once_do_not_mix(tmp_path):
    articles, output = tmp_path / "articles", tmp_path / "_site"
    big_archive(articles, 40)
    first = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--config", str(ROOT / "site.yaml"),
                              "--articles", str(articles), "--output", str(output), "-j", "1"],
                             stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while not (tmp_path / "._site.lock").exists() and time.monotonic() < deadline and first.poll() is None:
        time.sleep(0.002)
    assert first.poll() is None, "the first build ended before its lock was seen; make the archive bigger"
    # Hold the first build inside its lock while the second starts, however fast it is.
    first.send_signal(signal.SIGSTOP)
    try:
        second = build(articles, output)
    finally:
        first.send_signal(signal.SIGCONT)
    first_err = first.communicate(timeout=120)[1]
    assert first.returncode == 0, first_err
    assert second.returncode == 2 and "another build is writing" in second.stderr
    assert len(site_records(output)) == 200
