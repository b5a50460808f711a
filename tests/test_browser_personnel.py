"""A real browser on the personnel pages (issue 20), built from the bundled articles and the
invented ones of tests/personnel_articles.py under the sub-path /sub/: /nhan-su/ with axe-core
(no serious or critical violations), its links without JavaScript, an official's career, and
the search page's personnel filter. Set up as tests/test_browser.py is, with conftest's browser."""
from __future__ import annotations

import shutil

import pytest

from conftest import ROOT
from personnel_articles import write_articles
from sitebuild import build
from browsing import _serve, require_browser, serious_violations

SUBPATH = "/sub/"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    require_browser()
    articles = tmp_path_factory.mktemp("articles")
    for path in (ROOT / "articles").iterdir():
        shutil.copy(path, articles / path.name)
    write_articles(articles)
    config = articles.parent / "site.yaml"  # two decisions a page, so /nhan-su/ has an older page
    config.write_text((ROOT / "site.yaml").read_text(encoding="utf-8") + f"\nper_page: 2\ntemplates: {ROOT / 'templates'}"
                      f"\nstatic: {ROOT / 'static'}\n", encoding="utf-8")
    root = tmp_path_factory.mktemp("www")
    result = build(root / SUBPATH.strip("/"), articles, "--base-url", SUBPATH, "--config", str(config))
    assert result.returncode == 0, result.stderr
    server, address = _serve(root)
    yield address[:address.index("/", len("http://"))] + SUBPATH  # the server's origin, then our sub-path
    server.shutdown()


# the search page, with its personnel filter, is checked in test_browser.py
@pytest.mark.parametrize("path", ["nhan-su/", "tinh/ha-tinh/", "can-bo/nguyen-thi-mai/"])
def test_no_serious_accessibility_violations(served, auditor, path):
    page = auditor.new_page()
    page.goto(served + path)
    assert serious_violations(page) == []
    page.close()


def test_the_listing_works_without_javascript_under_the_sub_path(served, browser):
    """From the home page by the menu to /nhan-su/, to the older page, and from a decision
    to the official's career, which says where the printed titles disagree."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served)
    page.click("nav[aria-label='Chỉ mục chính'] >> text=Nhân sự")
    assert page.url == served + "nhan-su/" and page.locator("h1").inner_text() == "Quyết định nhân sự"
    assert page.locator("table.decisions tbody tr").count() == 3
    page.click("nav[aria-label='Phân trang'] >> text=Cũ hơn")
    assert page.url == served + "nhan-su/trang/1/"
    page.click("table.decisions >> text=Phạm Văn Cường")
    assert page.url == served + "can-bo/pham-van-cuong/"
    assert "chưa có bài nào từ 18/6/2025 trở đi" in page.locator(".decision-events").inner_text()
    context.close()


def test_search_filters_on_a_kind_of_decision(served, browser):
    page = browser.new_page()
    page.goto(served + "tim-kiem/")
    page.select_option("#f-nhan-su", "có")
    page.wait_for_function("document.querySelectorAll('#search-results li').length === 4", timeout=10000)
    page.select_option("#f-nhan-su", "kỷ luật")
    page.wait_for_function("document.querySelectorAll('#search-results li').length === 1", timeout=10000)
    assert page.locator("#search-results li a").all_inner_texts() == ["Giao ban công tác xây dựng Đảng quý III"]
    assert "nhan-su=" in page.url  # the filter is kept in the address, as the others are
    page.close()
