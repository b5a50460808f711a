"""The editor's workflow: cache, incremental pages, deletion, corrections, check, new, serve."""
from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ARTICLES, ROOT
from sitebuild import clean_site as clean_digest, run_cli, run_elsewhere, site_records, tree_digest

SEED_004 = "004_cc8540ba98ff9182.txt"


def cli(*args, cwd):
    """The command line, run in this process (sitebuild.run_cli): these tests are about what
    a build leaves for the next one on disk; serve's tests below start real processes."""
    return run_cli(*args, cwd=cwd)


def build(project, *extra):
    """A build in this process; a --clean one, the reference the builds under test are
    compared with, in another (sitebuild.run_elsewhere), with its own hash seed (an order that depends
    on one, a set's, would make the two differ)."""
    if "--clean" in extra:
        result = run_elsewhere("build", *extra, cwd=project)
    else:
        result = cli("build", *extra, cwd=project)
    assert result.returncode == 0, result.stderr
    return result.stderr


def changed_files(before: dict, after: dict) -> set[str]:
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)} - {".partyorg-site"}


def test_cached_build_is_byte_identical_to_a_clean_build(project, tmp_path_factory):
    build(project)
    second = build(project)
    assert "5 from cache" in second and "0 rendered, 67 unchanged" in second  # 67: with /can-bo/theo-ho/ and /nhan-su/
    cached = tree_digest(project / "_site")
    build(project, "--clean")
    assert tree_digest(project / "_site") == cached


def test_archive_wide_files_are_kept_when_no_article_changed(project):
    """The feeds, the records file and the search index depend on every article: with no
    input changed they are kept as they are (not made again); one missing file makes them
    be made again, and only the missing one is written (the others' bytes are the same);
    an edited article changes them."""
    build(project)
    site = project / "_site"
    derived = ["feed.xml", "sitemap.xml", "data/articles.json.gz", "data/search/index.json", "data/search/w-da.json"]
    inodes = {path: (site / path).stat().st_ino for path in derived}
    build(project)
    assert {path: (site / path).stat().st_ino for path in derived} == inodes  # the same files
    lost = (site / "data/search/w-ng.json").read_bytes()
    (site / "data/search/w-ng.json").unlink()
    log = build(project)
    assert (site / "data/search/w-ng.json").read_bytes() == lost
    assert {path: (site / path).stat().st_ino for path in derived} == inodes  # same bytes: not rewritten
    assert "2 files written" in log  # the lost shard and the marker
    before = (site / "data/articles.json.gz").read_bytes()
    article = project / "articles" / SEED_004
    article.write_text(article.read_text(encoding="utf-8") + "\nHội nghị kết thúc tốt đẹp.\n", encoding="utf-8")
    build(project)
    assert "tốt đẹp" in str(site_records(site)) and (site / "data/articles.json.gz").read_bytes() != before


def test_a_body_edit_changes_only_its_page_and_the_data(project):
    build(project)
    before = tree_digest(project / "_site")
    article = project / "articles" / SEED_004
    article.write_text(article.read_text(encoding="utf-8") + "\nHội nghị kết thúc tốt đẹp.\n", encoding="utf-8")
    log = build(project)
    assert "4 from cache, 1 extracted" in log
    slug = "ban-to-chuc-tinh-uy-phu-tho-vua-tong-ket-cong-tac-to-chuc-xay-dung-dang-nam"
    changed = changed_files(before, tree_digest(project / "_site"))
    search = {path for path in changed if path.startswith("data/search/")}
    assert changed - search == {f"bai-viet/{slug}/index.html", "data/articles.json.gz"}
    # only the shards of the words the edit added ("ket", "thuc", "tot", "dep", ...): the
    # article's line in the results and every other shard are unchanged
    assert search and all(path.startswith("data/search/w-") for path in search)
    assert len(search) < 10


def test_front_matter_province_moves_the_article_between_province_pages(project):
    build(project)
    before = tree_digest(project / "_site")
    article = project / "articles" / SEED_004
    article.write_text("---\nprovince: Nghệ An\n---\n" + article.read_text(encoding="utf-8"), encoding="utf-8")
    build(project)
    after = tree_digest(project / "_site")
    changed = changed_files(before, after)
    slug = "ban-to-chuc-tinh-uy-phu-tho-vua-tong-ket-cong-tac-to-chuc-xay-dung-dang-nam"
    for page in (f"bai-viet/{slug}/index.html", "tinh/nghe-an/index.html", "tinh/phu-tho/index.html",
                 "tinh/index.html", "index.html", "data/articles.json.gz"):
        assert page in changed, page
    for page in ("van-ban/nghi-quyet-18-tw-khoa-xii/index.html", "can-bo/pham-van-canh/index.html",
                 "tinh/binh-duong/index.html", "hoi-nghi/giao-ban-2019-10/index.html"):
        assert page not in changed, page
    assert slug in (project / "_site/tinh/nghe-an/index.html").read_text(encoding="utf-8")


def test_deleting_an_article_removes_it_from_every_index(project):
    build(project)
    records = site_records(project / "_site")
    gone = next(r for r in records if r["source"] == "003_0c1fd4fa82abddb6.txt")
    (project / "articles" / gone["source"]).unlink()
    build(project)
    site = project / "_site"
    assert not (site / "bai-viet" / gone["slug"]).exists()
    assert not (site / "hoi-nghi" / gone["meeting"]["key"]).exists()  # its only article is gone
    for page in site.rglob("*"):
        if page.is_file() and page.suffix in (".html", ".xml", ".json"):
            assert gone["slug"] not in page.read_text(encoding="utf-8"), page
    assert len(site_records(site)) == 4


def test_cache_invalidates_itself_when_the_code_changes(tmp_path, monkeypatch):
    from partyorg_site.archive import cache as cache_module
    from partyorg_site.archive.cache import RecordCache, content_key
    from partyorg_site.loader import load_bytes

    data = (ARTICLES / SEED_004).read_bytes()
    key = content_key(SEED_004, data)
    first = RecordCache(tmp_path)
    first.put(key, load_bytes(SEED_004, data))
    first.close()
    assert RecordCache(tmp_path).get(key) is not None
    monkeypatch.setattr(cache_module, "loader_version", lambda: "another-version")
    after_upgrade = RecordCache(tmp_path)
    assert after_upgrade.get(key) is None
    assert after_upgrade.state.query("SELECT count(*) FROM records") == [(0,)]  # the old version's records are gone


def test_check_reports_spellings_and_conflicting_dates(project):
    (project / "articles" / "a.md").write_text(
        "---\ndate: 2020-01-05\nofficials: [{name: Nguyễn Văn Khoe, titles: [Bí thư Tỉnh ủy]}]\n"
        "documents: [{kind: Nghị quyết, number: 18, symbol: 18-NQ/TW, date: 2017-10-26}]\n---\nSáng 5/1/2020, hội nghị.\n",
        encoding="utf-8")
    result = cli("check", cwd=project)
    assert result.returncode == 0
    assert "likely one person: 'Nguyễn Văn Khoe' in a.md; 'Nguyễn Văn Khỏe' in 000_" in result.stderr
    assert "document 'nghi-quyet-18-tw-khoa-xii' is cited with different dates: 2017-10-25" in result.stderr
    assert cli("check", "--strict", cwd=project).returncode == 1
    (project / "articles" / "broken.txt").write_bytes(b"\x00\x01")
    broken = cli("check", cwd=project)
    assert broken.returncode == 1 and "broken.txt: binary file" in broken.stderr


def test_new_starts_an_article_that_builds(project):
    result = cli("new", "Hội nghị giao ban tháng 11/2026", "--date", "2026-11-20", cwd=project)
    assert result.returncode == 0, result.stderr
    path = Path(result.stdout.strip())
    assert path.name == "2026-11-20-hoi-nghi-giao-ban-thang-11-2026.md"
    assert cli("new", "Hội nghị giao ban tháng 11/2026", "--date", "2026-11-20", cwd=project).returncode == 1
    build(project)
    assert (project / "_site/bai-viet/hoi-nghi-giao-ban-thang-11-2026/index.html").is_file()


def _start_serve(project) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen([sys.executable, "-m", "partyorg_site", "serve", "--port", "0", "--base-url", "/lt/"],
                               cwd=project, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        found = re.search(r"Serving at (http://\S+)", process.stderr.readline())
        if found:
            return process, found.group(1)
    process.terminate()
    raise AssertionError("serve did not start")


def test_serve_answers_and_rebuilds_on_change(project):
    process, address = _start_serve(project)
    try:
        home = urllib.request.urlopen(address, timeout=5).read().decode("utf-8")
        assert "__livereload" in home and "Cụm thi đua số 4" in home
        events = urllib.request.urlopen(address.split("/lt/")[0] + "/__livereload", timeout=20)
        article = project / "articles" / "002_2e6507e9f0b97aa3.txt"
        article.write_text(article.read_text(encoding="utf-8").replace("Cụm thi đua số 4 Ngành", "Cụm thi đua số 9 Ngành"),
                           encoding="utf-8")
        assert events.readline().strip() == b"data: reload"  # the browser is told once the rebuild is done
        assert "Cụm thi đua số 9" in urllib.request.urlopen(address, timeout=5).read().decode("utf-8")
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_build_that_ends_before_the_page_listens_still_reloads_it(project):
    """An edit saved as the page loads: the rebuild may end before the page's event stream
    opens. The page names the build it was served from, and the stream reports every build
    after it at once (it had waited for the next one, and the page never reloaded)."""
    process, address = _start_serve(project)
    try:
        home = urllib.request.urlopen(address, timeout=5).read().decode("utf-8")
        since = re.search(r"__livereload\?since=(\d+)", home).group(1)
        article = project / "articles" / "002_2e6507e9f0b97aa3.txt"
        article.write_text(article.read_text(encoding="utf-8").replace("Cụm thi đua số 4 Ngành", "Cụm thi đua số 9 Ngành"),
                           encoding="utf-8")
        while "served from memory" not in process.stderr.readline():
            pass  # the rebuild has ended; only now does the page's stream open
        events = urllib.request.urlopen(f"{address.split('/lt/')[0]}/__livereload?since={since}", timeout=5)
        assert events.readline().strip() == b"data: reload"  # at once, not after the next build
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serve_keeps_an_edit_made_while_it_rebuilds(project):
    """The editor saves one article, and another while the server is rebuilding for the
    first: the second edit is not lost (the watcher keeps collecting during a build, and
    the next build picks it up)."""
    for number in range(120):  # enough articles that a rebuild takes a moment to edit during
        (project / "articles" / f"extra-{number:03d}.txt").write_text(
            f"Hội nghị sơ kết số {number} của Đảng ủy xã\nNgày 5-1-2018, Đảng ủy xã An Phú tổ chức hội nghị "
            f"sơ kết số {number}.\nHội nghị đã thống nhất các nhiệm vụ số {number} trong thời gian tới.\n",
            encoding="utf-8")
    process, address = _start_serve(project)
    try:
        first, second = project / "articles" / "002_2e6507e9f0b97aa3.txt", project / "articles" / "001_237dad8a400dece6.txt"
        first.write_text(first.read_text(encoding="utf-8").replace("Cụm thi đua số 4 Ngành", "Cụm thi đua số 9 Ngành"),
                         encoding="utf-8")
        while "rebuilding" not in process.stderr.readline():
            pass
        second.write_text(second.read_text(encoding="utf-8").replace(
            "Liên quan đến công tác xây dựng đội ngũ", "Liên quan đến việc xây dựng đội ngũ"), encoding="utf-8")
        page = address + "bai-viet/ban-to-chuc-trung-uong-danh-gia-cao-nghe-an-trong-cach-lam-ve-kiem-tra-sat-hach/"
        deadline, seen = time.monotonic() + 30, ""
        while time.monotonic() < deadline and "Liên quan đến việc xây dựng" not in seen:
            time.sleep(0.2)
            seen = urllib.request.urlopen(page, timeout=5).read().decode("utf-8")
        assert "Liên quan đến việc xây dựng đội ngũ" in seen
        # the pages come from the archive in memory; the data files are written behind them
        while True:
            records = json.loads(gzip.decompress(urllib.request.urlopen(address + "data/articles.json.gz",
                                                                        timeout=5).read()))
            text = json.dumps(records, ensure_ascii=False)
            if ("Cụm thi đua số 9" in text and "Liên quan đến việc xây dựng đội ngũ" in text) or \
                    time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert any("Cụm thi đua số 9" in record["title"] for record in records)
        assert "Liên quan đến việc xây dựng đội ngũ" in text
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serve_keeps_the_last_good_site_when_a_rebuild_fails(project):
    """A template that no longer compiles: the server says so and goes on serving the last
    good site, whole; once the template is mended the edit is served."""
    process, address = _start_serve(project)
    try:
        events = urllib.request.urlopen(address.split("/lt/")[0] + "/__livereload", timeout=30)
        term = project / "templates" / "term.html"
        good = term.read_text(encoding="utf-8")
        term.write_text(good.replace("{% endblock %}", "{% endblok %}"), encoding="utf-8")
        while "still serving the last good site" not in (line := process.stderr.readline()):
            assert line, "serve stopped"
        page = urllib.request.urlopen(address + "tinh/nghe-an/", timeout=5).read().decode("utf-8")
        assert "<h1>Nghệ An</h1>" in page and "</html>" in page
        term.write_text(good.replace("<h1>{{ term.label }}</h1>", "<h1>{{ term.label }} (đã sửa)</h1>"), encoding="utf-8")
        assert events.readline().strip() == b"data: reload"
        assert "<h1>Nghệ An (đã sửa)</h1>" in urllib.request.urlopen(address + "tinh/nghe-an/", timeout=5).read().decode()
    finally:
        process.terminate()
        process.wait(timeout=10)


UNDATED = "Tỉnh ủy công bố quyết định\nNgày 6/2, Ban Tổ chức Tỉnh ủy Hà Giang công bố quyết định về công tác cán bộ.\n" \
          "Hội nghị đã thống nhất các nội dung về công tác cán bộ trong thời gian tới.\n"


def test_a_year_from_the_folder_and_an_undated_article_shown_honestly(project):
    """The same text dated by its folder (articles/2017/...) and, elsewhere, left without a
    year: the article page says so, the year pages list it under "Chưa rõ năm", and check
    counts where the years come from."""
    (project / "articles" / "2017").mkdir()
    (project / "articles" / "2017" / "dated.txt").write_text(UNDATED, encoding="utf-8")
    (project / "articles" / "undated.txt").write_text(UNDATED.replace("Hà Giang", "Lào Cai"), encoding="utf-8")
    build(project)
    pages = {p.parent.name: p.read_text(encoding="utf-8") for p in (project / "_site" / "bai-viet").glob("*/index.html")}
    dated = next(text for text in pages.values() if "Hà Giang" in text)
    undated = next(text for text in pages.values() if "Lào Cai" in text)
    assert "6/2/2017</a> <small>(năm theo vị trí tệp)</small>" in dated
    assert "ngày 6/2, chưa rõ năm" in undated
    years = (project / "_site" / "nam" / "index.html").read_text(encoding="utf-8")
    assert "Chưa rõ năm" in years and "Lào Cai" not in years  # titles, not bodies, are listed
    assert (project / "_site" / "nam" / "2017" / "index.html").exists()
    result = cli("check", cwd=project)
    assert "undated.txt: the text gives 06/02 but no year; add 'date:'" in result.stderr
    assert "from path" in result.stderr and "1 with a day and month but no year" in result.stderr


def test_the_record_cache_follows_the_loaders_code_not_the_renderers():
    """The cache's version hashes the modules a record is made by, found from the loader's
    imports: a template or renderer change keeps every cached record (a Pages run after a
    design change extracts nothing), a loader change drops them all."""
    from partyorg_site.archive import cache
    made_by = {p.relative_to(cache._package()).as_posix() for p in cache._import_closure(cache.RECORD_MAKERS)}
    assert {"loader.py", "read/layout.py", "read/captions.py", "extract/officials.py", "extract/dates.py",
            "archive/overrides.py", "site/search.py", "vietnamese.py", "models.py", "extract/__init__.py"} <= made_by
    assert not made_by & {"site/render.py", "pipeline.py", "cli.py", "serve.py", "archive/taxonomies.py"}


def test_a_template_edit_rebuilds_pages_from_cached_records(project):
    build(project)
    base = project / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace("Bỏ qua, đến nội dung", "Đến nội dung"), encoding="utf-8")
    log = build(project)
    assert "5 from cache, 0 extracted" in log
    assert "Đến nội dung" in (project / "_site" / "index.html").read_text(encoding="utf-8")


def test_every_rule_table_is_part_of_the_cache_fingerprint():
    """A cached record depends on every data file; one missing from the fingerprint (as
    districts.yaml once was) would let an edited gazetteer serve stale records."""
    from partyorg_site import datafiles
    names = datafiles.data_file_names()
    assert {"districts.txt", "communes.txt", "provinces.yaml", "dates.yaml", "titles.yaml", "words.txt"} <= set(names)
    folder = ROOT / "src" / "partyorg_site" / "data"
    assert names == sorted(p.name for p in folder.iterdir() if p.suffix in (".yaml", ".txt"))


def test_a_publication_cut_short_is_finished_by_the_next_build(project, monkeypatch, tmp_path_factory):
    """A patch is published by a journal of renames and deletions; a build stopped half way
    through them (killed, out of disk) leaves the journal, and the next build carries it
    out before anything else: the site is then the one the stopped build made, whole."""
    from partyorg_site.archive.cache import RecordCache
    from partyorg_site.config import load_config
    from partyorg_site.pipeline import build_site, load_archive
    from partyorg_site.site import write

    (project / "static" / "extra.css").write_text("p { margin: 0 }\n", encoding="utf-8")
    build(project)
    article = project / "articles" / SEED_004
    article.write_text(article.read_text(encoding="utf-8") + "\nHội nghị kết thúc tốt đẹp.\n", encoding="utf-8")
    (project / "static" / "extra.css").unlink()  # a file to delete as well
    expected = tmp_path_factory.mktemp("expected")
    for name in ("articles", "templates", "static"):
        shutil.copytree(project / name, expected / name)
    shutil.copy(project / "site.yaml", expected / "site.yaml")
    build(expected, "--clean")

    moves = []
    real_move = write._move

    def cut_short(source, target):
        if len(moves) == 2:
            raise KeyboardInterrupt
        moves.append(target)
        real_move(source, target)

    monkeypatch.setattr(write, "_move", cut_short)
    config = load_config(project / "site.yaml")
    with pytest.raises(KeyboardInterrupt):
        build_site(config, load_archive(config.path("articles"), RecordCache(config.path("cache"))))
    monkeypatch.setattr(write, "_move", real_move)
    site = project / "_site"
    assert (project / "._site.publishing").exists() and len(moves) == 2
    assert tree_digest(site) != tree_digest(expected / "_site")  # half published

    write.SiteWriter(site).abort()  # any next build finishes the publication first
    assert tree_digest(site) == tree_digest(expected / "_site")
    assert not (project / "._site.publishing").exists() and not list(project.glob("._site-build-*"))
    log = build(project)
    assert "0 rendered" in log and tree_digest(site) == tree_digest(expected / "_site")


def _load(project, monkeypatch=None):
    from partyorg_site.archive.cache import RecordCache
    from partyorg_site.config import load_config
    from partyorg_site.pipeline import load_archive
    config = load_config(project / "site.yaml")
    return load_archive(config.path("articles"), RecordCache(config.path("cache"), config.path("articles")))


def test_unchanged_files_are_not_even_read(project, monkeypatch):
    """The cache's snapshot vouches for files whose size and times have not changed since
    the last build: they are not read or hashed; an edited one is."""
    from partyorg_site import pipeline
    for path in (project / "articles").iterdir():
        os.utime(path, (1_600_000_000, 1_600_000_000))  # long settled
    first = _load(project)
    opened = []
    real_read = pipeline.read_file
    monkeypatch.setattr(pipeline, "read_file", lambda file: opened.append(file.name) or real_read(file))
    second = _load(project)
    assert opened == [] and [r.to_dict() for r in second.records] == [r.to_dict() for r in first.records]
    article = project / "articles" / SEED_004
    article.write_text(article.read_text(encoding="utf-8") + "\nHội nghị kết thúc tốt đẹp.\n", encoding="utf-8")
    third = _load(project)
    assert set(opened) == {SEED_004} and "tốt đẹp" in " ".join(next(r for r in third.records if r.source == SEED_004).body)


def test_an_edit_that_keeps_size_and_time_is_still_seen(project):
    """Same size, modification time set back (as `touch -d` or an unpacked archive can):
    the change time, which no tool sets back, still gives the edit away."""
    article = project / "articles" / SEED_004
    os.utime(article, (1_600_000_000, 1_600_000_000))
    before = article.stat()
    _load(project)
    text = article.read_text(encoding="utf-8")
    edited = text.replace("năm 2009", "năm 2008", 1)
    assert edited != text and len(edited.encode()) == len(text.encode())
    time.sleep(0.01)
    article.write_text(edited, encoding="utf-8")
    os.utime(article, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert article.stat().st_size == before.st_size and article.stat().st_mtime_ns == before.st_mtime_ns
    record = next(r for r in _load(project).records if r.source == SEED_004)
    assert "năm 2008" in record.title + " ".join(record.body)


def test_a_file_changed_just_before_the_snapshot_is_read_again(project, monkeypatch):
    """On a file system with coarse times an edit in the same tick as the build keeps the
    file's time; files modified within SETTLE_NS of the snapshot are not vouched for."""
    from partyorg_site import pipeline
    for path in (project / "articles").iterdir():
        os.utime(path)  # modified now, as the build starts
    _load(project)
    opened = []
    real_read = pipeline.read_file
    monkeypatch.setattr(pipeline, "read_file", lambda file: opened.append(file.name) or real_read(file))
    _load(project)
    assert len(opened) == 5


def test_a_page_follows_what_another_article_settles_about_it(project, tmp_path_factory):
    """An article page's digest stands for its record by the file's content key; what the
    archive settles about the record (a document's key, here) is part of it too: adding an
    article that dates the directive moves the first article's link, as a clean build has.
    The records file, written from the cache entries' own JSON where nothing was settled
    differently since loading, is the clean build's too (the site is compared whole)."""
    articles = project / "articles"
    seed = articles / SEED_004  # and an article whose slug the archive changes (a second one with its title)
    (articles / "zz-copy.txt").write_text(seed.read_text(encoding="utf-8") + "\nBản sao.\n", encoding="utf-8")
    (articles / "a.txt").write_text(
        "Quán triệt chỉ thị về công tác cán bộ\nNgày 10/3/2021, Tỉnh ủy Nghệ An quán triệt Chỉ thị số 35-CT/TW "
        "về đại hội đảng bộ các cấp.\nHội nghị thống nhất các nội dung.\n", encoding="utf-8")
    build(project)
    page = project / "_site" / "bai-viet" / "quan-triet-chi-thi-ve-cong-tac-can-bo" / "index.html"
    before = page.read_text(encoding="utf-8")
    (articles / "b.txt").write_text(
        "Tổng kết thực hiện chỉ thị\nNgày 5/1/2020, Tỉnh ủy Hà Tĩnh tổng kết Chỉ thị số 35-CT/TW ngày 30/5/2019 "
        "của Bộ Chính trị.\nHội nghị thống nhất các nội dung.\n", encoding="utf-8")
    build(project)
    after = page.read_text(encoding="utf-8")
    assert "35-tw-khoa-xiii/" in before and "35-tw-khoa-xii/" in after and "35-tw-khoa-xiii/" not in after
    assert any(r["slug"].endswith("-2") for r in site_records(project / "_site"))
    clean = tmp_path_factory.mktemp("clean")
    for name in ("articles", "templates", "static"):
        shutil.copytree(project / name, clean / name)
    shutil.copy(project / "site.yaml", clean / "site.yaml")
    build(clean, "--clean")
    assert tree_digest(project / "_site") == tree_digest(clean / "_site")


def test_the_pages_workflow_keeps_the_state_database(project):
    """The Pages workflow restores .partyorg-cache/ (the state database) under the loader's
    version; a fresh checkout's file times never match its `files` rows, and the records,
    keyed by content, are still found: nothing is extracted again."""
    import yaml
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    cache_step = next(step for step in workflow["jobs"]["build"]["steps"] if "actions/cache" in step.get("uses", ""))
    assert cache_step["with"]["path"].split() == [".partyorg-cache"]
    assert "loader.outputs.version" in cache_step["with"]["key"]
    build(project)
    assert [p.name for p in (project / ".partyorg-cache").iterdir()] == ["state.sqlite"]
    for path in (project / "articles").iterdir():  # as a checkout leaves them: new times, same bytes
        path.write_bytes(path.read_bytes())
    assert "5 from cache, 0 extracted" in build(project)


APPOINTMENT = ("---\nappointments:\n  - {name: Bùi Trung Thành, action: bổ nhiệm, post: Trưởng Ban Tổ chức Tỉnh ủy Phú Thọ, "
               "date: 2010-03-01, by: Ban Thường vụ Tỉnh ủy}\n---\n")


def test_an_appointment_added_or_edited_in_front_matter_builds_as_a_clean_build_does(project, tmp_path_factory):
    """The pages that show a decision (/nhan-su/, its feed, the province's section, the
    official's career) follow a decision added, then edited, in front matter: each
    incremental build is the clean build's, byte for byte, and so is a build whose records
    all come from the cache (the records file made from the cache's own JSON)."""
    def clean_site():
        return clean_digest(project, tmp_path_factory.mktemp("clean"))

    site = project / "_site"
    build(project)
    article = project / "articles" / SEED_004
    seed = article.read_text(encoding="utf-8")
    shown_by = {"nhan-su/index.html", "nhan-su/feed.xml", "tinh/phu-tho/index.html", "can-bo/bui-trung-thanh/index.html"}
    for edit in (APPOINTMENT, APPOINTMENT.replace("2010-03-01", "2010-02-01").replace("Tỉnh ủy}", "Tỉnh ủy Phú Thọ}")):
        before = tree_digest(site)
        article.write_text(edit + seed, encoding="utf-8")
        build(project)
        after = tree_digest(site)
        assert shown_by <= changed_files(before, after)
        assert "tinh/nghe-an/index.html" not in changed_files(before, after)
        assert after == clean_site()
    shutil.rmtree(site)
    log = build(project)
    assert "5 from cache" in log and tree_digest(site) == after
    record = next(r for r in site_records(site) if r["source"] == SEED_004)
    assert record["appointments"] == [{"name": "Bùi Trung Thành", "action": "bổ nhiệm",
                                       "post": "Trưởng Ban Tổ chức Tỉnh ủy Phú Thọ", "date": "2010-02-01",
                                       "by": "Ban Thường vụ Tỉnh ủy Phú Thọ"}]
    assert "ngày 1/2/2010" in (site / "can-bo/bui-trung-thanh/index.html").read_text(encoding="utf-8")


def test_the_search_index_grows_by_delta_and_stays_a_clean_builds(project, tmp_path_factory, monkeypatch):
    """An article newer than every other takes the search index's next number: its words
    are added to the state database's postings and only the files they touch are made
    again; the newest corrected or removed renumbers only itself; an article inserted
    among older ones numbers the index anew. Either way the site is the clean build's,
    byte for byte."""
    import datetime
    import sqlite3

    def clean_site():
        return clean_digest(project, tmp_path_factory.mktemp("clean"))

    def stored_docs():
        with sqlite3.connect(project / ".partyorg-cache" / "state.sqlite") as connection:
            return connection.execute("SELECT number, identity FROM search_docs ORDER BY number").fetchall()

    build(project)
    before = stored_docs()
    body = (project / "articles" / SEED_004).read_text(encoding="utf-8").split("\n", 2)[2]
    for number in (1, 2):  # each newer than the last
        day = datetime.date.today() - datetime.timedelta(days=3 - number)
        (project / "articles" / f"new-{number}.txt").write_text(
            f"Hội nghị giao ban mới số {number}\nNgày {day.day}/{day.month}/{day.year}, Tỉnh ủy Nghệ An tổ chức "
            f"hội nghị giao ban lần thứ {number} về từ khóa riêng{number}.\n{body}", encoding="utf-8")
        build(project)
        after = stored_docs()
        assert after[:len(before)] == before and len(after) == len(before) + 1  # appended, not renumbered
        before = after
        assert tree_digest(project / "_site") == clean_site()
    # the newest article corrected, then removed: only its own number is cut and given again,
    # never the whole index made anew
    from partyorg_site.site import search_delta

    def never(*_):
        raise AssertionError("the whole search index was made anew")
    monkeypatch.setattr(search_delta, "_rebuild", never)
    newest = project / "articles" / "new-2.txt"
    newest.write_text(newest.read_text(encoding="utf-8").replace("riêng2", "sửa"), encoding="utf-8")
    build(project)
    after = stored_docs()
    assert after[:-1] == before[:-1] and after[-1] != before[-1]  # (the index is the clean one's: test_search_delta)
    newest.unlink()
    build(project)
    assert stored_docs() == before[:-1]
    assert tree_digest(project / "_site") == clean_site()
    before = before[:-1]
    monkeypatch.undo()
    (project / "articles" / "old.txt").write_text(
        f"Hội nghị cũ\nNgày 5/1/2010, Tỉnh ủy Nghệ An tổ chức hội nghị.\n{body}", encoding="utf-8")
    build(project)
    assert stored_docs()[:len(before)] != before  # inserted among the older: numbered anew
    assert tree_digest(project / "_site") == clean_site()
