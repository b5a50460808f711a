"""A real browser (Debian's chromium, driven by Playwright) on the built site, served
under a sub-path on 127.0.0.1: search, navigation, and axe-core accessibility checks.
The `browser` and `served` fixtures (one of each per test process) are in conftest.py."""
from __future__ import annotations

import re
import shutil

import pytest

from browsing import SUBPATH, _serve, serious_violations
from conftest import ROOT
from sitebuild import build_process


def search(page, base, query):
    page.goto(base + "tim-kiem/")
    page.fill("#q", query)
    page.wait_for_function("document.querySelectorAll('#search-results li').length > 0", timeout=10000)
    return page.locator("#search-results li a").all_inner_texts()


def test_search_folds_tone_marks_and_d(served, browser):
    page = browser.new_page()
    titles = search(page, served, "dang")
    assert len(titles) == 5
    titles = search(page, served, "Nghe An")
    assert titles == ["Ban Tổ chức Trung ương đánh giá cao Nghệ An trong cách làm về kiểm tra, sát hạch công chức"]
    page.select_option("#f-tinh", "Phú Thọ")
    page.fill("#q", "giao ban")
    page.wait_for_function("document.querySelectorAll('#search-results li').length === 1", timeout=10000)
    page.close()


def test_follow_a_province_link(served, browser):
    page = browser.new_page()
    page.goto(served)
    page.click("nav[aria-label='Chỉ mục chính'] >> text=Tỉnh, thành")
    page.click("section[aria-labelledby^=nhom-] >> text=Nghệ An")
    assert page.url == served + "tinh/nghe-an/"
    assert page.locator("h1").inner_text() == "Nghệ An"
    page.close()


def visible_map_links(page) -> list[str]:
    """The accessible names of the links of the map layer on show."""
    return page.eval_on_selector_all(
        ".map-section svg.province-map a",
        "links => links.filter(a => a.getBoundingClientRect().width > 0).map(a => a.getAttribute('aria-label'))")


def test_the_map_links_every_province_and_nghe_an_opens_its_page(served, browser):
    page = browser.new_page()
    page.goto(served + "tinh/")
    names = visible_map_links(page)
    assert len(names) == 63 and "Nghệ An: 1 bài viết" in names and "Cà Mau: 0 bài viết" in names
    for label in ("Quần đảo Hoàng Sa", "Quần đảo Trường Sa"):  # drawn and labelled
        assert page.locator(f".map-section .layer-63 text.archipelago:text-is('{label}')").is_visible()
    for province in ("Đà Nẵng", "Khánh Hòa"):  # each island a dot, drawn inside its province's link
        dots = page.locator(f".layer-63 a[aria-label^='{province}'] path.island").get_attribute("d")
        assert dots.count("h0") > 5
    page.click(".layer-63 svg a[aria-label='Nghệ An: 1 bài viết']")
    assert page.url == served + "tinh/nghe-an/" and page.locator("h1").inner_text() == "Nghệ An"
    page.close()


def test_the_34_province_layer_is_switched_to_without_javascript(served, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served + "tinh/")
    assert not page.locator(".layer-34").is_visible()
    page.click("label[for='lop-34']")
    assert page.locator(".layer-34").is_visible() and not page.locator(".layer-63").is_visible()
    names = visible_map_links(page)
    assert len(names) == 34 and "Hồ Chí Minh: 1 bài viết" in names
    for label in ("Quần đảo Hoàng Sa", "Quần đảo Trường Sa"):
        assert page.locator(f".layer-34 text.archipelago:text-is('{label}')").is_visible()
    page.click(".layer-34 svg a[aria-label='Tuyên Quang: 0 bài viết']")  # merged, no article: its table row
    assert page.url == served + "tinh/#tinh-34-tuyen-quang"
    context.close()


def test_the_map_draws_the_source_shapes_and_a_province_centre_shows_that_province(served, browser):
    """Each link draws its province's shape from data/vietnam_map.json (whose shapes
    test_map_data checks against the source), placed where the gazetteer puts the centre."""
    from partyorg_site.site.views.province_map import map_data

    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(served + "tinh/")
    drawn = page.eval_on_selector_all(".layer-63 svg.province-map a", """links => Object.fromEntries(links.map(
        a => [a.getAttribute('aria-label').split(':')[0], a.querySelector('path').getAttribute('d')]))""")
    assert drawn == map_data()["layers"]["63"]
    page.locator(".layer-63 svg.province-map").scroll_into_view_if_needed()
    for name in ("Nghệ An", "Thanh Hóa", "Gia Lai", "Đắk Lắk", "Quảng Nam", "Lâm Đồng"):
        x, y = map_data()["points"][name]
        hit = page.evaluate("""([x, y]) => {
            const svg = document.querySelector('.layer-63 svg.province-map');
            const at = new DOMPoint(x, y).matrixTransform(svg.getScreenCTM());
            return document.elementFromPoint(at.x, at.y).closest('a').getAttribute('aria-label');
        }""", [x, y])
        assert hit.startswith(name + ":"), (name, hit)
    page.close()


@pytest.mark.parametrize("path", ["", "bai-viet/giao-ban-truc-tuyen-nganh-to-chuc-xay-dung-dang/", "tinh/nghe-an/",
                                  "tim-kiem/", "tinh/", "can-bo/pham-minh-chinh/", "hoi-nghi/", "nam/", "nam/2019/",
                                  "hoi-nghi/giao-ban-2019-09/", "van-ban/nghi-quyet-trung-uong-4-khoa-xii/"])
def test_no_serious_accessibility_violations(served, auditor, path):
    page = auditor.new_page()
    page.goto(served + path)
    assert serious_violations(page) == []
    page.close()


def test_search_reads_results_from_several_blocks(browser, tmp_path):
    """250 invented articles: the results' lines come from three blocks of the split index
    (data/search/d-0.json ... d-2.json), fetched as needed, and a filter is one more word."""
    articles = tmp_path / "articles"
    articles.mkdir()
    for number in range(250):
        province = "Nghệ An" if number % 50 == 7 else "Long An"
        (articles / f"{number:03d}.txt").write_text(
            f"Hội nghị chuyên đề số {number} của Đảng ủy\nNgày {1 + number % 28}-{1 + number % 12}-2018, Ban Tổ chức "
            f"Tỉnh ủy {province} tổ chức hội nghị chuyên đề số {number}.\nHội nghị bàn về công tác tổ chức.\n",
            encoding="utf-8")
    root = tmp_path / "www"
    assert build_process(root / SUBPATH.strip("/"), articles, "--base-url", SUBPATH).returncode == 0
    assert len(list((root / SUBPATH.strip("/") / "data" / "search").glob("d-*.json"))) == 3
    server, address = _serve(root)
    try:
        page = browser.new_page()
        fetched = []
        page.on("request", lambda request: fetched.append(request.url.rsplit("/", 1)[-1]))
        titles = search(page, address, "chuyen de")
        assert len(titles) == 50  # the newest 50 of 250 are shown, newest first: 28/12/2018 is numbers 83 and 167
        assert {int(re.search(r"số (\d+)", t).group(1)) for t in titles[:2]} == {83, 167}
        page.wait_for_function("document.getElementById('search-status').textContent.includes('250')")
        page.select_option("#f-tinh", "Nghệ An")
        page.wait_for_function("document.querySelectorAll('#search-results li').length === 5", timeout=10000)
        shown = page.locator("#search-results li a").all_inner_texts()
        assert sorted(int(re.search(r"số (\d+)", t).group(1)) for t in shown) == [7, 57, 107, 157, 207]
        assert "w-_tinh.json" in fetched and len({f for f in fetched if f.startswith("d-")}) >= 2
        assert "search.json" not in fetched
        page.close()
    finally:
        server.shutdown()


def test_serve_shows_a_saved_edit_in_the_open_page(browser, tmp_path):
    """The editor's loop: `serve` running, an article open in the browser; saving the
    file reloads the page with the edit, rendered from the archive held in memory; the
    search index on disk follows."""
    import time
    from test_incremental import _start_serve

    for name in ("articles", "templates", "static"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "site.yaml", tmp_path / "site.yaml")
    process, address = _start_serve(tmp_path)
    try:
        page = browser.new_page()
        page.goto(address + "bai-viet/cum-thi-dua-so-4-nganh-to-chuc-xay-dung-dang-trien-khai-nhiem-vu-nam-2018/")
        assert "Cụm thi đua số 4" in page.locator("h1").inner_text()
        article = tmp_path / "articles" / "002_2e6507e9f0b97aa3.txt"
        text = article.read_text(encoding="utf-8")
        saved = time.monotonic()
        edited = text.replace("chưa đạt kết quả cao", "chưa đạt kết quả xuất sắc")
        assert edited != text
        article.write_text(edited, encoding="utf-8")
        page.wait_for_function("document.body.innerText.includes('chưa đạt kết quả xuất sắc')", timeout=20000)
        seconds = time.monotonic() - saved
        assert "Cụm thi đua số 4" in page.locator("h1").inner_text()  # the same page, reloaded
        print(f"edit shown after {seconds:.2f} s")
        search = browser.new_page()
        deadline = time.monotonic() + 20
        while True:  # the search index is written behind the served pages
            titles = _search_titles(search, address, "xuat sac")
            if titles or time.monotonic() > deadline:
                break
            time.sleep(0.3)
        assert len(titles) == 1 and "Cụm thi đua số 4" in titles[0]
        page.close()
        search.close()
    finally:
        process.terminate()
        process.wait(timeout=10)


def _search_titles(page, base, query):
    page.goto(base + "tim-kiem/")
    page.fill("#q", query)
    page.wait_for_function("/Tìm thấy|Không tìm thấy/.test(document.getElementById('search-status').textContent)",
                           timeout=10000)
    return page.locator("#search-results li a").all_inner_texts()
