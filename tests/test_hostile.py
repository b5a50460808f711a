"""Hostile and broken input: encodings, broken files, path tricks, interrupted and
concurrent builds. Each case: a clear message naming the file, the rest still builds."""
from __future__ import annotations

import codecs
import fcntl
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from conftest import ARTICLES, ROOT, read_yaml
from partyorg_site.loader import load_bytes, load_file
from partyorg_site.errors import Problem
from sitebuild import run_cli, site_records, tree_digest

SEED = ARTICLES / "001_237dad8a400dece6.txt"
FIELDS = ("title", "outlet", "date", "province", "provinces", "officials", "documents", "meeting", "body", "captions")
LEGACY = read_yaml(ROOT / "src/partyorg_site/data/legacy_encodings.yaml")


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


def build_here(articles: Path, output: Path, *extra: str) -> subprocess.CompletedProcess:
    """`build` run in this process (sitebuild.run_cli: the same status and messages, an
    uncaught exception a "Traceback"), where no second process is under test. The kill -9,
    held-lock and concurrent-build tests start real processes with `build`."""
    return run_cli("build", "--config", str(ROOT / "site.yaml"), "--articles", str(articles), "--output", str(output),
                   *extra)


def test_broken_files_are_reported_and_the_rest_builds(tmp_path):
    articles = tmp_path / "articles"
    shutil.copytree(ARTICLES, articles)
    (articles / "image.txt").write_bytes(bytes(range(256)) * 40)
    (articles / "huge.txt").write_bytes(b"x" * (6 * 1024 * 1024))
    (articles / "folder.txt").mkdir()
    outside = tmp_path / "secret.txt"
    outside.write_text("Sáng 5/1, nội dung bí mật.", encoding="utf-8")
    (articles / "link.txt").symlink_to(outside)
    result = build_here(articles, tmp_path / "_site")
    assert result.returncode == 0
    for line in ("image.txt: binary file", "huge.txt: file is 6 MB; articles over 5 MB are skipped",
                 "folder.txt: is a directory", "link.txt: is a link to"):
        assert line in result.stderr, line
    records = site_records(tmp_path / "_site")
    assert len(records) == 5 and "bí mật" not in json.dumps(records, ensure_ascii=False)
    assert build_here(articles, tmp_path / "_site", "--strict").returncode == 1


def test_the_build_command_ends_with_its_status_and_every_message(tmp_path):
    """The command leaves through os._exit (cli._leave_now): what it printed into a pipe's
    buffers still arrives, and --strict's status is the process's."""
    articles = tmp_path / "articles"
    shutil.copytree(ARTICLES, articles)
    (articles / "image.txt").write_bytes(bytes(range(256)) * 40)
    result = subprocess.run([sys.executable, "-m", "partyorg_site", "build", "--strict", "--config",
                             str(ROOT / "site.yaml"), "--articles", str(articles), "--output", str(tmp_path / "_site")],
                            capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 1, result.stderr
    assert "image.txt: binary file" in result.stderr
    assert "6 files read: 5 articles" in result.stderr
    assert len(site_records(tmp_path / "_site")) == 5


def test_slugs_cannot_escape_and_duplicates_are_numbered(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    for name, slug in (("a.md", "../../x"), ("b.md", "/etc/passwd"), ("c.md", "../../x")):
        (articles / name).write_text(f"---\nslug: {json.dumps(slug)}\n---\nSáng 5/1/2020, hội nghị giao ban.\n",
                                     encoding="utf-8")
    result = build_here(articles, tmp_path / "site")
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
    assert build_here(articles, tmp_path / "site").returncode == 0
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


EDITED = "0000-000_5863303d04c9a417.txt"


@pytest.fixture(scope="module")
def old_and_new(tmp_path_factory):
    """An archive of 40 articles with its site (the old site), and the same archive with
    one article rewritten, built clean (the new site: what any build of it must give)."""
    root = tmp_path_factory.mktemp("kill")
    big_archive(root / "old", 8)
    shutil.copytree(root / "old", root / "new")
    edited = root / "new" / EDITED  # one sentence more: a few pages change, so it is published as a patch
    edited.write_text(edited.read_text(encoding="utf-8") + "\nHội nghị kết thúc tốt đẹp.\n", encoding="utf-8")
    for name, extra in (("old", ()), ("new", ("--clean",))):
        result = build_here(root / name, root / f"{name}-site", "-j", "1", *extra)
        assert result.returncode == 0, result.stderr
    return root


def build_killed_at(point: str, articles: Path, output: Path, *extra: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PARTYORG_FAULT": point}
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--config", str(ROOT / "site.yaml"),
                             "--articles", str(articles), "--output", str(output), "-j", "1", *extra],
                            capture_output=True, text=True, env=environment)
    assert result.returncode == -signal.SIGKILL, f"not killed at {point}: {result.returncode} {result.stderr}"
    return result


# (fault point, build options, what the output folder holds right after the kill)
KILLS = [
    ("mid-state", (), "old"),
    ("mid-database", (), "old"),
    ("after-staging", (), "old"),
    ("before-publication", (), "old"),
    ("mid-journal", (), "journal"),
    ("after-journal", (), "new"),
    ("before-publication", ("--clean",), "old"),
    ("after-swap", ("--clean",), "new"),
    # two jobs: the edited article is extracted, and the database made, in forked processes
    # beside the build (site/beside); killed there, the whole build dies
    ("mid-database", ("-j", "2"), "old"),
    ("mid-state", ("-j", "2"), "old"),
]


@pytest.mark.parametrize("point, options, left", KILLS, ids=[f"{p}{''.join(o)}" for p, o, _ in KILLS])
def test_a_build_killed_at_any_point_leaves_one_whole_site(old_and_new, tmp_path, point, options, left):
    """kill -9 at each named point of a build (PARTYORG_FAULT) leaves exactly the old site or
    exactly the new one, byte for byte; killed while carrying out its journal of renames, it
    leaves the journal, and finishing it (the first thing any next build does) gives exactly
    the new site. Either way the next build gives what a clean build gives."""
    output = tmp_path / "_site"
    shutil.copytree(old_and_new / "old-site", output, symlinks=True)
    old, new = tree_digest(old_and_new / "old-site"), tree_digest(old_and_new / "new-site")
    assert old != new
    build_killed_at(point, old_and_new / "new", output, *options)
    journal = tmp_path / "._site.publishing"
    if left == "journal":
        assert journal.exists()
        from partyorg_site.site.write import SiteWriter
        SiteWriter(output).abort()
        left = "new"
    if left == "old":
        assert not journal.exists()  # else the next build would finish publishing the killed one
    assert tree_digest(output) == (old if left == "old" else new)
    result = build_here(old_and_new / "new", output, "-j", "1")  # the killed build's lock does not stop it
    assert result.returncode == 0, result.stderr
    assert tree_digest(output) == new
    assert not (tmp_path / "._site.lock").exists()
    deadline = time.monotonic() + 20  # a killed build's folders are deleted by a background process
    while list(tmp_path.glob("._site-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not list(tmp_path.glob("._site-*"))


def test_every_fault_point_is_tested():
    from partyorg_site.errors import FAULT_POINTS
    assert {point for point, _, _ in KILLS} == set(FAULT_POINTS)


@pytest.mark.parametrize("content", ["", "0", "1", "a living process", "not a number"])
def test_a_left_over_lock_file_does_not_block_a_build(tmp_path, content):
    """The lock is the kernel's (flock), not the file's content: an empty lock file (once
    read as PID 0, and os.kill(0, 0) signals one's own group), a living process's PID or
    garbage left beside the output never stop the next build."""
    if content == "a living process":  # not the build's own: it runs in this process (build_here)
        content = str(os.getppid())
    (tmp_path / "._site.lock").write_text(content, encoding="utf-8")
    result = build_here(ARTICLES, tmp_path / "_site")
    assert result.returncode == 0, result.stderr
    assert len(site_records(tmp_path / "_site")) == 5 and not (tmp_path / "._site.lock").exists()


def test_a_held_lock_refuses_a_second_build_with_a_clear_message(tmp_path):
    lock = tmp_path / "._site.lock"
    with open(lock, "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        refused = build(ARTICLES, tmp_path / "_site")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert f"error: another build is writing {tmp_path / '_site'}" in refused.stderr
    assert build(ARTICLES, tmp_path / "_site").returncode == 0  # let go: the next build runs


@pytest.mark.parametrize("output, message", [("a-file", "is a file, not a folder"),
                                             ("a-file/site", "cannot be made, a file is in its path")])
def test_output_naming_a_file_is_a_clean_error(tmp_path, output, message):
    (tmp_path / "a-file").write_text("not a site", encoding="utf-8")
    result = build_here(ARTICLES, tmp_path / output)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"error: {tmp_path / output}: {message}" in result.stderr
    assert (tmp_path / "a-file").read_text(encoding="utf-8") == "not a site"


def test_a_missing_templates_folder_is_a_clean_error_before_anything_is_read(tmp_path):
    """`build` run where no templates folder is (another folder, no site.yaml): a message
    naming the folder, not Jinja's traceback after every article was read."""
    (tmp_path / "site.yaml").write_text("title: Thử\n", encoding="utf-8")
    result = run_cli("build", "--config", str(tmp_path / "site.yaml"), "--articles", str(ARTICLES),
                     "--output", str(tmp_path / "_site"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"error: {tmp_path / 'templates'}: templates folder not found" in result.stderr
    assert not (tmp_path / "_site").exists()


def held(lock: Path) -> bool:
    """The build writes its PID into the lock file once it holds the lock."""
    try:
        return bool(lock.read_text(encoding="utf-8").strip())
    except FileNotFoundError:
        return False


def test_two_builds_at_once_do_not_mix(tmp_path):
    articles, output = tmp_path / "articles", tmp_path / "_site"
    big_archive(articles, 8)  # (40 articles: the build runs on well after its lock is seen, every 2 ms)
    first = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--config", str(ROOT / "site.yaml"),
                              "--articles", str(articles), "--output", str(output), "-j", "1"],
                             stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while not held(tmp_path / "._site.lock") and time.monotonic() < deadline and first.poll() is None:
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
    assert len(site_records(output)) == 40
