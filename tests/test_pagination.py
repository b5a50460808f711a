"""Listings are paginated so that a page's address keeps its articles: numbered from the
oldest, the newest page being the listing itself."""
from __future__ import annotations

import re
import shutil

from hypothesis import given, strategies as st

from conftest import ROOT
from sitebuild import tree_digest
from test_incremental import build

from partyorg_site.site.render import pager, stable_pages


@given(st.integers(min_value=0, max_value=300), st.integers(min_value=1, max_value=25))
def test_every_item_once_in_order_and_pages_full(count, per_page):
    items = list(range(count))  # newest first
    pages = stable_pages(items, per_page)
    assert [item for _, chunk in pages for item in chunk] == items
    assert pages[0][0] is None and [number for number, _ in pages[1:]] == list(range(len(pages) - 1, 0, -1))
    assert all(len(chunk) == per_page for _, chunk in pages[1:])
    newest = len(pages[0][1])
    assert newest == count if count < 2 * per_page else per_page <= newest < 2 * per_page


@given(st.integers(min_value=0, max_value=300), st.integers(min_value=1, max_value=25), st.integers(1, 3))
def test_newer_items_never_move_the_numbered_pages(count, per_page, added):
    before = dict(stable_pages([f"old {n}" for n in range(count)], per_page)[1:])
    after = dict(stable_pages([f"new {n}" for n in range(added)] + [f"old {n}" for n in range(count)], per_page)[1:])
    assert all(after[number] == chunk for number, chunk in before.items())
    assert len(after) - len(before) <= 1 + (added - 1) // per_page + 1 and len(after) >= len(before)


@given(st.integers(min_value=0, max_value=200), st.integers(min_value=1, max_value=10))
def test_older_and_newer_links_walk_every_page(count, per_page):
    pages = stable_pages(list(range(count)), per_page)
    links = {("x/trang/%d/" % number if number else "x/"): pager("x/", number, len(pages)) for number, _ in pages}
    seen, at = [], "x/"
    while at:
        seen.append(at)
        at = links[at]["older"]
    assert seen == list(links)  # newest to oldest, each once
    assert all(links[older]["newer"] == here for here, older in zip(seen, seen[1:]))
    assert links["x/"]["newer"] is None and links[seen[-1]]["older"] is None


def test_adding_the_newest_article_rerenders_two_listing_pages(tmp_path):
    """With 20 articles a page, a build after adding one renders the newest listing pages,
    not every page of every listing it joins."""
    for name in ("articles", "templates", "static"):
        shutil.copytree(ROOT / name, tmp_path / name)
    (tmp_path / "site.yaml").write_text((ROOT / "site.yaml").read_text(encoding="utf-8") + "\nper_page: 2\n",
                                        encoding="utf-8")
    seeds = sorted((tmp_path / "articles").glob("*.txt"))
    for number in range(1, 4):  # a dozen more articles, all of them before the new one
        for seed in seeds:
            text = seed.read_text(encoding="utf-8")
            (seed.parent / f"copy{number}-{seed.name}").write_text(f"{text}\nBản sao số {number}.\n", encoding="utf-8")
    build(tmp_path)
    before = tree_digest(tmp_path / "_site")
    (tmp_path / "articles" / "moi.txt").write_text(
        "Hà Nội tổng kết công tác tổ chức xây dựng Đảng năm 2026\n"
        "Ngày 20/11/2026, Ban Tổ chức Thành ủy Hà Nội tổng kết công tác tổ chức xây dựng Đảng.\n", encoding="utf-8")
    build(tmp_path)
    after = tree_digest(tmp_path / "_site")
    changed = {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}
    listing = {path for path in changed if re.match(r"(bai-viet|tinh/ha-noi)/(trang/\d+/)?index\.html$", path)}
    assert "bai-viet/index.html" in listing and "tinh/ha-noi/index.html" in listing
    numbered_before = {path for path in before if re.match(r"bai-viet/trang/\d+/index\.html$", path)}
    assert len(numbered_before) >= 5
    assert len(listing) <= 4  # each listing: its newest page, and at most one new numbered page
