"""The built site: every page type for the bundled articles, links, determinism, safety."""
from __future__ import annotations

import json
import re
import shutil
import time

import pytest

from conftest import ARTICLES
from sitebuild import broken_links, build, build_process, run_cli, site_records, tree_digest


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    output = tmp_path_factory.mktemp("root") / "_site"
    result = build(output)
    assert result.returncode == 0, result.stderr
    return output


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory):
    output = tmp_path_factory.mktemp("sub") / "_site"
    result = build(output, None, "--base-url", "/partyorg-archive/")
    assert result.returncode == 0, result.stderr
    return output


def page(site, path):
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_every_page_type_exists_for_the_seeds(site):
    for path in ["", "bai-viet", "tinh", "tinh/nghe-an", "tinh/phu-tho", "hoi-nghi", "hoi-nghi/giao-ban-2019-09",
                 "hoi-nghi/giao-ban-2019-10", "can-bo", "can-bo/pham-minh-chinh", "van-ban",
                 "van-ban/nghi-quyet-trung-uong-4-khoa-xii", "nam", "nam/2019", "tim-kiem"]:
        assert (site / path / "index.html").is_file(), path
    for path in ["feed.xml", "sitemap.xml", "robots.txt", "404.html", "data/articles.json.gz", "data/search/index.json",
                 "static/style.css", "static/favicon.svg", "static/print.css"]:
        assert (site / path).is_file(), path


def test_document_page_lists_every_citing_article(site):
    records = site_records(site)
    citing = [r["slug"] for r in records if any(d["key"] == "nghi-quyet-trung-uong-4-khoa-xii" for d in r["documents"])]
    assert len(citing) == 3
    html = page(site, "van-ban/nghi-quyet-trung-uong-4-khoa-xii")
    for slug in citing:
        assert f"bai-viet/{slug}/" in html


def test_official_page_shows_titles_per_article(site):
    html = page(site, "can-bo/pham-minh-chinh")
    assert "Trưởng Ban Tổ chức Trung ương" in html and html.count('class="article-title"') == 3


def test_province_index_groups_by_2025_merger(site):
    html = page(site, "tinh")
    # the 34-province table: the new Hồ Chí Minh is made of three 2008-2025 provinces, each named
    # by the one emulation-cluster article, which it counts once (not 3 times)
    row = re.search(r'<tr id="tinh-34-ho-chi-minh">(.*?)</tr>', html, re.S).group(1)
    assert re.search(r"<td>1</td>", row)
    for part in ("ba-ria-vung-tau", "binh-duong", "ho-chi-minh"):
        assert re.search(rf'<tr id="tinh-63-{part}">(?:(?!</tr>).)*<td>1</td>', html, re.S)
    assert re.findall(r">([^<>]+)</a>", row) == ["Bà Rịa - Vũng Tàu", "Bình Dương", "Hồ Chí Minh"]
    assert html.count('<tr id="tinh-63-') == 63 and html.count('<tr id="tinh-34-') == 34


def test_meeting_page_lists_its_articles(site):
    assert "bai-viet/giao-ban-truc-tuyen-nganh-to-chuc-xay-dung-dang/" in page(site, "hoi-nghi/giao-ban-2019-09")


def test_pages_are_vietnamese_with_title_canonical_and_breadcrumb(site):
    html = page(site, "tinh/nghe-an")
    assert '<html lang="vi">' in html and "<title>Nghệ An" in html
    assert '<link rel="canonical" href="/tinh/nghe-an/">' in html
    assert 'aria-label="Đường dẫn"' in html


def test_no_broken_internal_links_at_root(site):
    assert broken_links(site) == []


def test_no_broken_internal_links_under_a_subpath(subpath_site):
    assert broken_links(subpath_site, "/partyorg-archive/") == []
    assert '<link rel="canonical" href="/partyorg-archive/tinh/nghe-an/">' in page(subpath_site, "tinh/nghe-an")
    assert 'href="/partyorg-archive/tim-kiem/"' in (subpath_site / "404.html").read_text(encoding="utf-8")


def test_two_builds_are_byte_identical(site, tmp_path):
    """The second build in a process of its own (its own hash seed, so its own order of any
    set), as the first was made in the test's process."""
    again = tmp_path / "_site"
    assert build_process(again).returncode == 0
    assert tree_digest(again) == tree_digest(site)


def test_search_index_folds_tone_marks_and_d(site):
    folder = site / "data" / "search"
    manifest = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    assert manifest["docs"] == 5 and "da" in manifest["shards"] and "ng" in manifest["shards"]
    assert "dang" in json.loads((folder / "w-da.json").read_text(encoding="utf-8"))
    assert "nghe" in json.loads((folder / "w-ng.json").read_text(encoding="utf-8"))
    assert not any("đ" in key for key in manifest["shards"])
    # the filters are words too: the province, the year and the meeting kind
    assert "_tinh:Nghệ An" in json.loads((folder / "w-_tinh.json").read_text(encoding="utf-8"))
    assert len(json.loads((folder / "d-0.json").read_text(encoding="utf-8"))) == 5


def test_search_index_is_split_so_a_query_downloads_little(monkeypatch):
    """Shards stay under SHARD_BYTES by splitting on the next letter, and every word is in
    the shard the browser looks in: the longest shard key that begins it."""
    from partyorg_site.site import search
    monkeypatch.setattr(search, "SHARD_BYTES", 200)
    encoded = {f"nga{n}": "1 2 3" for n in range(40)} | {"nghe": "1", "ng": "4", "an": "2", "_tinh:Nghệ An": "1"}
    shards = search._shards(encoded)
    assert shards["_tinh"] == {"_tinh:Nghệ An": "1"} and shards["ng"] == {"ng": "4"}
    for word in encoded:
        key = next(word[:n] for n in range(8, 0, -1) if word[:n] in shards) if not word.startswith("_") else "_tinh"
        assert word in shards[key]
    assert all(sum(len(w) + len(p) + 6 for w, p in words.items()) <= 200 or len(key) >= 8 or
               all(len(w) == len(key) for w in words) for key, words in shards.items())


def test_feed_dates_come_from_articles_not_the_clock(site):
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    assert "<updated>2019-10-28T00:00:00Z</updated>" in feed
    assert feed.count("<entry>") == 5


def test_article_text_cannot_inject_markup(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "evil.md").write_text(
        '---\ntitle: "<script>alert(1)</script> Tin \\"giả\\""\nprovince: "<img src=x onerror=alert(2)>"\n---\n'
        "Sáng 5/1/2020, <b>đồng chí</b> <script>alert(3)</script> [bấm](javascript:alert(4)) phát biểu tại hội nghị.\n",
        encoding="utf-8")
    output = tmp_path / "_site"
    result = build(output, articles)
    assert result.returncode == 0, result.stderr
    for html in output.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "<script>alert" not in text and "<img src=x" not in text and "javascript:" not in text
    assert "&lt;script&gt;alert(1)" in next(output.glob("bai-viet/*/index.html")).read_text(encoding="utf-8")


def test_failed_build_leaves_previous_site_intact(tmp_path):
    output = tmp_path / "_site"
    assert build(output).returncode == 0
    before = tree_digest(output)
    templates = tmp_path / "templates"
    shutil.copytree(ARTICLES.parent / "templates", templates)
    (templates / "term.html").write_text("{% broken", encoding="utf-8")
    config = tmp_path / "site.yaml"
    config.write_text(f"articles: {ARTICLES}\ntemplates: {templates}\nstatic: {ARTICLES.parent / 'static'}\n",
                      encoding="utf-8")
    result = run_cli("build", "--config", str(config), "--output", str(output))
    assert result.returncode != 0
    assert tree_digest(output) == before
    assert not list(tmp_path.glob("._site-build-*")) and not (tmp_path / "._site.lock").exists()


def test_leftovers_of_killed_builds_are_removed_and_the_site_is_whole(tmp_path):
    """A staging folder of a killed build and a replaced site whose removal was cut short:
    the next build removes both (in the background) and publishes a complete site."""
    output = tmp_path / "_site"
    for leftover in ("._site-build-killed/bai-viet/x", "._site-old-cut/site/tinh/y"):
        (tmp_path / leftover).mkdir(parents=True)
        (tmp_path / leftover / "index.html").write_text("old", encoding="utf-8")
    assert build(output).returncode == 0
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and (list(tmp_path.glob("._site-build-*")) or list(tmp_path.glob("._site-old-*"))):
        time.sleep(0.1)
    assert not list(tmp_path.glob("._site-build-*")) and not list(tmp_path.glob("._site-old-*"))
    assert (output / "index.html").is_file() and not broken_links(output)


def test_refuses_to_replace_a_folder_it_did_not_build(tmp_path):
    output = tmp_path / "precious"
    output.mkdir()
    (output / "thesis.docx").write_text("years of work")
    result = build(output)
    assert result.returncode == 2 and "refusing to replace" in result.stderr
    assert (output / "thesis.docx").read_text() == "years of work"


def test_every_page_is_found_alone_by_its_path(tmp_path):
    """serve renders a page when it is asked for, without the page list: page_at gives the
    page the list has at that path (the same digest: the same inputs), and None elsewhere."""
    from partyorg_site.archive.taxonomies import Archive
    from partyorg_site.config import load_config
    from partyorg_site.pipeline import load_archive
    from partyorg_site.site.render import Renderer

    config = load_config(ARTICLES.parent / "site.yaml", {"per_page": 2})
    renderer = Renderer(Archive.build(load_archive(ARTICLES).records), config, config.path("templates"))
    pages = list(renderer.pages())
    assert any("/trang/" in page.path for page in pages) and len(pages) > 60
    for page in pages:
        alone = renderer.page_at(page.path)
        assert alone is not None and renderer.page_digest(alone) == renderer.page_digest(page), page.path
    for missing in ("khong-co/", "tinh/khong-co/", "tinh/nghe-an/trang/99/", "bai-viet/khong-co/", "bai-viet/trang/0/",
                    "tinh/nghe-an", "feed.xml", "tinh/nghe-an/khac/"):
        assert renderer.page_at(missing) is None, missing
