"""The personnel pages (issue 20) on invented articles whose decisions are set in front
matter (tests/personnel_articles.py): /nhan-su/ and its pages, its Atom feed, a province's
"Nhân sự" section, an official's career with its decisions and the disagreements, the search
filter, and the records file."""
from __future__ import annotations

import html
import json
import re
import shutil
import xml.etree.ElementTree as ET

import pytest

from conftest import ROOT
from personnel_articles import write_articles
from sitebuild import broken_links, site_records
from test_incremental import build

from partyorg_site.site.views.personnel import compare_dates, same_post

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The bundled articles and the invented ones, two decisions a page, under /lt/ with a
    site_url (the feeds' links are then absolute)."""
    project = tmp_path_factory.mktemp("personnel")
    for name in ("articles", "templates", "static"):
        shutil.copytree(ROOT / name, project / name)
    (project / "site.yaml").write_text((ROOT / "site.yaml").read_text(encoding="utf-8").replace(
        'site_url: ""', 'site_url: "https://example.org"').replace("base_url: /", "base_url: /lt/")
        + "\nper_page: 2\n", encoding="utf-8")
    write_articles(project / "articles")
    build(project)
    return project / "_site"


def text_of(page: str) -> str:
    """The page's main content as text, tags dropped and white space collapsed."""
    main = page[page.index("<main"):page.index("</main>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main)).split())


def read(site, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def rows(page: str) -> list[str]:
    """The decision table's rows, as text."""
    table = page[page.index('<table class="decisions">'):]
    table = table[:table.index("</table>")]
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", row)).split())
            for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)][1:]


def test_the_listing_is_newest_first_and_paginated_from_the_oldest(site):
    newest = read(site, "nhan-su/index.html")
    lines = rows(newest)
    # the undated decision takes its article's date, and says so
    assert lines[0].startswith("1/9/2025 (ngày bài) Võ Văn Dũng kỷ luật cảnh cáo Ủy ban Kiểm tra Trung ương Hà Tĩnh")
    assert lines[1] == ("1/7/2025 Trần Văn Hùng bổ nhiệm Giám đốc Công an tỉnh Nghệ An Bộ trưởng Bộ Công an Nghệ An "
                        "Trao quyết định bổ nhiệm Giám đốc Công an tỉnh")
    assert [line.split()[0] for line in lines] == ["1/9/2025", "1/7/2025", "18/6/2025"]
    oldest = rows(read(site, "nhan-su/trang/1/index.html"))  # the two oldest, for good
    assert [line.split(" ", 1)[1].split(" chỉ định")[0].split(" thôi")[0] for line in oldest] == \
        ["Phạm Văn Cường", "Lê Văn Bình"]
    assert not (site / "nhan-su/trang/2").exists()
    # each person linked to their page where they are an official; the article and province linked
    assert '<a href="../can-bo/tran-van-hung/">Trần Văn Hùng</a>' in newest
    assert "Võ Văn Dũng</th>" in newest and "can-bo/vo-van-dung" not in newest  # not among the officials
    assert '<a href="../tinh/ha-tinh/">Hà Tĩnh</a>' in newest
    assert '<a href="../bai-viet/trao-quyet-dinh-bo-nhiem-giam-doc-cong-an-tinh/">' in newest
    assert 'href="../nhan-su/feed.xml"' in newest and 'href="../nhan-su/"' in newest  # feed link, menu


def test_the_counts_by_year_and_action(site):
    page = read(site, "nhan-su/index.html")
    table = page[page.index('<table class="decision-counts">'):page.index("</table>")]
    cells = [re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row) for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)]
    assert cells[0] == ["Năm", "Bổ nhiệm", "Bầu", "Chỉ định", "Điều động", "Thôi giữ chức", "Nghỉ hưu", "Kỷ luật", "Cộng"]
    assert cells[1:] == [["2025", "1", "1", "1", "0", "0", "0", "1", "4"],
                         ["2024", "0", "0", "0", "0", "1", "0", "0", "1"],
                         ["Cộng", "1", "1", "1", "0", "1", "0", "1", "5"]]
    assert "decision-counts" not in read(site, "nhan-su/trang/1/index.html")  # older pages never change


def test_the_feed(site):
    feed = ET.fromstring(read(site, "nhan-su/feed.xml"))
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == "https://example.org/lt/nhan-su/feed.xml"
    assert feed.find(f"{ATOM}updated").text == "2025-09-01T00:00:00Z"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == [
        "Võ Văn Dũng: kỷ luật cảnh cáo", "Trần Văn Hùng: bổ nhiệm Giám đốc Công an tỉnh Nghệ An",
        "Nguyễn Thị Mai: bầu Bí thư Tỉnh ủy Hà Tĩnh", "Phạm Văn Cường: chỉ định Ủy viên Ban Thường vụ Tỉnh ủy Hà Tĩnh",
        "Lê Văn Bình: thôi giữ chức Chánh Văn phòng Tỉnh ủy Nghệ An"]
    second = entries[1]
    assert second.find(f"{ATOM}link").get("href") == \
        "https://example.org/lt/bai-viet/trao-quyet-dinh-bo-nhiem-giam-doc-cong-an-tinh/"
    assert second.find(f"{ATOM}updated").text == "2025-07-01T00:00:00Z"
    assert "do Bộ trưởng Bộ Công an quyết định (Nghệ An)" in second.find(f"{ATOM}summary").text
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert len(set(ids)) == len(ids)  # two decisions of one article have two ids


def test_a_province_shows_its_decisions(site):
    page = read(site, "tinh/nghe-an/index.html")
    section = page[page.index('<section class="personnel"'):]
    section = section[:section.index("</section>")]
    assert "<h2 id=\"nhan-su\">Nhân sự</h2>" in section and "2 quyết định nhân sự" in section
    assert [line.split()[1:4] for line in rows(section)] == [["Trần", "Văn", "Hùng"], ["Lê", "Văn", "Bình"]]
    assert 'class="personnel"' not in read(site, "tinh/phu-tho/index.html")  # none there: no section


def test_a_career_shows_the_decision_as_a_dated_event(site):
    career = text_of(read(site, "can-bo/tran-van-hung/index.html"))
    assert ("2025 : Giám đốc Công an tỉnh Nghệ An; Thiếu tướng Quyết định: bổ nhiệm Giám đốc Công an tỉnh Nghệ An, "
            "do Bộ trưởng Bộ Công an quyết định, ngày 1/7/2025 ( Trao quyết định bổ nhiệm Giám đốc Công an tỉnh )") in career
    assert "Chưa khớp" not in career  # a later article prints the post


def test_disagreements_between_decisions_and_printed_titles_are_said_plainly(site):
    before = text_of(read(site, "can-bo/nguyen-thi-mai/index.html"))
    assert ("Chưa khớp: bài ngày 10/3/2025 ( Hội nghị Ban Chấp hành Đảng bộ tỉnh tháng 3 ) đã ghi chức vụ "
            "“Bí thư Tỉnh ủy Hà Tĩnh”, trước ngày quyết định.") in before
    assert "chưa có bài nào" not in before  # "Bí thư Tỉnh ủy" printed on 1/9/2025 is the post
    never = text_of(read(site, "can-bo/pham-van-cuong/index.html"))
    assert ("Chưa khớp: chưa có bài nào từ 18/6/2025 trở đi ghi “Ủy viên Ban Thường vụ Tỉnh ủy Hà Tĩnh” "
            "là chức vụ của Phạm Văn Cường.") in never
    still = text_of(read(site, "can-bo/le-van-binh/index.html"))
    assert "Chưa khớp: bài ngày 15/8/2025 ( Công an tỉnh sơ kết công tác tháng 8 ), sau quyết định thôi giữ chức, " \
           "vẫn ghi chức vụ “Chánh Văn phòng Tỉnh ủy Nghệ An”." in still


def test_search_filters_on_decisions_and_the_records_file_carries_them(site):
    facets = json.loads(read(site, "data/search/w-_nhan-su.json"))
    documents = json.loads(read(site, "data/search/index.json"))["docs"]
    titles = [doc[1] for n in range(documents // 100 + 1) for doc in json.loads(read(site, f"data/search/d-{n}.json"))]

    def found(word):
        numbers, total = [], 0
        for gap in facets[word].split():
            total += int(gap, 36)
            numbers.append(total)
        return sorted(titles[n] for n in numbers)

    assert found("_nhan-su:có") == sorted(["Trao quyết định bổ nhiệm Giám đốc Công an tỉnh",
                                           "Bầu Bí thư Tỉnh ủy và chỉ định Ủy viên Ban Thường vụ",
                                           "Giao ban công tác xây dựng Đảng quý III",
                                           "Công bố quyết định về công tác cán bộ"])
    assert found("_nhan-su:kỷ luật") == ["Giao ban công tác xây dựng Đảng quý III"]
    search = read(site, "tim-kiem/index.html")
    assert '<select id="f-nhan-su" name="nhan-su">' in search and '<option value="chỉ định">' in search
    record = next(r for r in site_records(site) if r["title"] == "Bầu Bí thư Tỉnh ủy và chỉ định Ủy viên Ban Thường vụ")
    assert [(a["name"], a["action"], a["date"], a["by"]) for a in record["appointments"]] == [
        ("Nguyễn Thị Mai", "bầu", "2025-06-18", "Ban Chấp hành Đảng bộ tỉnh"),
        ("Phạm Văn Cường", "chỉ định", "2025-06-18", "Bộ Chính trị")]


def test_no_broken_links_under_the_sub_path(site):
    assert broken_links(site, "/lt/") == []


@pytest.mark.parametrize("post, title, same", [
    ("Giám đốc Công an tỉnh Nghệ An", "Giám đốc Công an tỉnh Nghệ An", True),
    ("Giám đốc Công an tỉnh Nghệ An (mới)", "giám đốc công an tỉnh Nghệ An", True),  # the shorter begins the longer
    ("Bí thư Tỉnh ủy Hà Tĩnh", "Bí thư Tỉnh ủy", True),
    ("Phó Bí thư Tỉnh ủy Hà Tĩnh", "Bí thư Tỉnh ủy", False),  # a deputy is not the secretary
    ("Giám đốc Sở Nội vụ", "Phó Giám đốc Sở Nội vụ", False),
    ("Chủ tịch UBND tỉnh", "Chủ tịch", False),  # two words say too little
    ("Chủ tịch", "Chủ tịch", True),
])
def test_a_printed_title_is_the_post(post, title, same):
    assert same_post(post, title) is same


@pytest.mark.parametrize("a, b, order", [
    ("2025-06-18", "2025-06-20", -1), ("2025-07", "2025-06-20", 1), ("2025-06", "2025-06-20", 0),
    ("2025", "2024-12-31", 1), ("2025-06-18", "2025-06-18", 0),
])
def test_dates_of_any_precision_compare_on_what_both_give(a, b, order):
    assert compare_dates(a, b) == order
