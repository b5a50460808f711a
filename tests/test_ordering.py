"""Every list of articles is newest first by one rule (archive.taxonomies.newest_first):
by event date, a day-dated article before a month- or year-only one of its month or year;
then by publication time; then by title in Vietnamese order; undated articles last. And
the people's index is in the order Vietnamese lists use: by given name, then middle and
family names, in Vietnamese alphabetical order. All names and titles here are invented."""
from __future__ import annotations

import re
import shutil

import pytest

from conftest import ROOT
from sitebuild import tree_digest
from test_incremental import build

from partyorg_site.archive.taxonomies import Archive
from partyorg_site.models import Record
from partyorg_site.vietnamese import given_name_order, initial_letter, vietnamese_order


def record(slug: str, date: str | None, published: str | None = None, title: str | None = None) -> Record:
    return Record(source=f"{slug}.txt", slug=slug, title=title or slug, title_derived=False, outlet=None,
                  published=published, date=date,
                  date_precision=None if date is None else {4: "year", 7: "month", 10: "day"}[len(date)],
                  date_source="text" if date else None, province=None, provinces=[], officials=[],
                  documents=[], meeting=None, body=[], captions=[])


MIXED = [  # the expected order, newest first
    record("ngay-2026", "2026-01-05"),
    record("nam-2026", "2026"),
    record("ngay-10-6-co-gio-muon", "2025-06-10", published="2025-06-10T17:30"),
    record("ngay-10-6-co-gio-som", "2025-06-10", published="2025-06-10T08:05"),
    record("ngay-10-6-ngay-dang", "2025-06-10", published="2025-06-10"),  # a date, no time: after the times
    record("ngay-10-6-a", "2025-06-10", title="An toàn"),
    record("ngay-10-6-b", "2025-06-10", title="Ăn mừng"),  # ă after a
    record("ngay-10-6-c", "2025-06-10", title="Đại hội"),  # đ after d, before e
    record("ngay-10-6-d", "2025-06-10", title="Em"),
    record("ngay-2-6", "2025-06-02"),
    record("thang-6", "2025-06"),
    record("ngay-31-5", "2025-05-31"),
    record("thang-1", "2025-01"),
    record("nam-2025-co-ngay-dang", "2025", published="2025-12-01T09:00"),
    record("nam-2025", "2025", title="Bài năm 2025"),
    record("ngay-2024", "2024-12-31"),
    record("khong-ngay-co-ngay-dang", None, published="2026-02-01T10:00"),
    record("khong-ngay-a", None, title="Ấp"),
    record("khong-ngay-b", None, title="Ưu tiên"),
]


def test_mixed_dates_are_listed_newest_first_by_the_rule():
    shuffled = MIXED[::-1][1::2] + MIXED[::-1][::2]
    assert [r.slug for r in Archive.build(shuffled).articles] == [r.slug for r in MIXED]


def test_a_year_only_article_never_comes_before_a_day_of_its_year():
    archive = Archive.build([record("nam", "2025", title="A"), record("ngay", "2025-01-01", title="Z")])
    assert [r.slug for r in archive.articles] == ["ngay", "nam"]


def test_terms_list_their_articles_in_the_same_order():
    from partyorg_site.models import Official
    people = [record(r.slug, r.date, r.published, r.title) for r in MIXED]
    for r in people:
        r.officials = [Official("Nguyễn Văn An")]
    archive = Archive.build(people[::-1])
    assert [r.slug for r in archive.taxonomies["can-bo"].terms["nguyen-van-an"].articles] == [r.slug for r in MIXED]


@pytest.mark.parametrize("earlier, later", [
    ("a", "à"), ("à", "ả"), ("ả", "ã"), ("ã", "á"), ("á", "ạ"),  # tones: ngang, huyền, hỏi, ngã, sắc, nặng
    ("Ạn", "Anh"),  # letters before tones
    ("az", "ă"), ("ăz", "â"), ("dz", "đ"), ("đz", "e"), ("ez", "ê"), ("oz", "ô"), ("ôz", "ơ"), ("uz", "ư"),
    ("ưz", "v"), ("An", "an giang"), ("Án", "anh"), ("Ư", "ự a"), ("Y", "z"),
])
def test_vietnamese_alphabetical_order(earlier, later):
    assert vietnamese_order(earlier) < vietnamese_order(later)


def test_case_is_ignored_and_spellings_are_one_order():
    assert vietnamese_order("ĐẢNG ỦY") == vietnamese_order("đảng ủy")
    assert vietnamese_order("Thu\u0309y") == vietnamese_order("Thủy")  # NFD and NFC


# given name, then middle names, then family name
PEOPLE = ["Trần An", "Lê Văn An", "Nguyễn Văn An", "Nguyễn Văn Án", "Hoàng Anh", "Vũ Thị Ăn", "Đinh Ân",
          "Đặng Văn Dũng", "Lò Văn Đa", "Đỗ Đức", "Phạm Thị Em", "Lê Ưng", "Đào Văn Ưng", "Trịnh Ứng", "Võ Vân"]


def test_people_are_ordered_by_given_name_then_middle_and_family_names():
    assert sorted(PEOPLE[::-1], key=given_name_order) == PEOPLE
    assert sorted(reversed(PEOPLE), key=given_name_order) == PEOPLE


@pytest.mark.parametrize("word, letter", [("Ánh", "A"), ("Ăn", "Ă"), ("Ấn", "Â"), ("Dũng", "D"), ("Đức", "Đ"),
                                          ("đức", "Đ"), ("Ưng", "Ư"), ("Ứng", "Ư"), ("Ơn", "Ơ"), ("Ôn", "Ô"),
                                          ("Ê", "Ê"), ("42", "#"), ("", "#")])
def test_a_word_files_under_its_letter_of_the_alphabet(word, letter):
    assert initial_letter(word) == letter


MIXED_ARTICLES = {  # file name -> (front matter date, title); the text itself gives no date
    "nam.md": ("2025", "Tổng kết năm của Đảng bộ xã Ninh Hòa"),
    "thang.md": ("2025-06", "Sơ kết tháng sáu ở Phường Tân Lập"),
    "ngay-a.md": ("2025-06-10", "Hội nghị Ban Chấp hành Đảng bộ phường Đông Hòa"),
    "ngay-b.md": ("2025-06-10", "Ăn tết cùng chi bộ"),
    "ngay-cu.md": ("2024-12-30", "Đại hội chi bộ thôn Ea Kao"),
    "khong-ngay.md": (None, "Ấn định lịch sinh hoạt chi bộ"),
}


@pytest.fixture
def mixed(tmp_path):
    for name in ("templates", "static"):
        shutil.copytree(ROOT / name, tmp_path / name)
    (tmp_path / "site.yaml").write_text((ROOT / "site.yaml").read_text(encoding="utf-8") + "\nper_page: 2\n",
                                        encoding="utf-8")
    (tmp_path / "articles").mkdir()
    for name, (date, title) in MIXED_ARTICLES.items():
        front = f"date: {date}\n" if date else ""
        (tmp_path / "articles" / name).write_text(
            f"---\ntitle: {title}\n{front}---\n\nChi bộ họp bàn công tác phát triển đảng viên.\n", encoding="utf-8")
    return tmp_path


def titles_in(page: str) -> list[str]:
    return re.findall(r'class="article-title" href="[^"]*">([^<]*)</a>', page)


def test_a_mixed_archive_is_listed_newest_first_and_builds_byte_identically(mixed, tmp_path_factory):
    build(mixed)
    expected = ["Ăn tết cùng chi bộ", "Hội nghị Ban Chấp hành Đảng bộ phường Đông Hòa",  # 10/6, by title
                "Sơ kết tháng sáu ở Phường Tân Lập", "Tổng kết năm của Đảng bộ xã Ninh Hòa",
                "Đại hội chi bộ thôn Ea Kao", "Ấn định lịch sinh hoạt chi bộ"]
    site = mixed / "_site"
    assert titles_in((site / "index.html").read_text(encoding="utf-8")) == expected[:2]  # per_page of them
    # the listing: newest page first, then the numbered pages from the newest to the oldest
    pages = [site / "bai-viet" / "index.html", site / "bai-viet" / "trang" / "2" / "index.html",
             site / "bai-viet" / "trang" / "1" / "index.html"]
    assert [t for page in pages for t in titles_in(page.read_text(encoding="utf-8"))] == expected
    cached = tree_digest(site)
    build(mixed)
    assert tree_digest(site) == cached
    build(mixed, "--clean")
    assert tree_digest(site) == cached


# ---- links inside other names ---------------------------------------------------------

from conftest import case_ids, cases  # noqa: E402
from partyorg_site.site.render import linkify  # noqa: E402


@pytest.mark.parametrize("case", cases("linkify"), ids=case_ids("linkify"))
def test_a_mention_is_linked_only_as_whole_words(case):
    found = []
    for mention, nth, href in case.get("found", []):
        start = -1
        for _ in range(nth + 1):
            start = case["text"].index(mention, start + 1)
        found.append((start, start + len(mention), href))
    html = str(linkify(case["text"], list(case["links"].items()), lambda href: href, found))
    assert re.sub(r'<a href="([^"]*)">([^<]*)</a>', r"[\2](\1)", html) == case["linked"]


# ---- the officials' index ---------------------------------------------------------------

from partyorg_site.config import SiteConfig  # noqa: E402
from partyorg_site.models import Official  # noqa: E402
from partyorg_site.site.render import Renderer  # noqa: E402


def officials_archive() -> Archive:
    """Invented people in invented articles; "Trần An" is printed with a newer title in the
    newer article, "Đỗ Ưng" with none."""
    old = record("cu", "2024-03-01")
    new = record("moi", "2025-06-10")
    undated = record("khong-ngay", None)
    old.officials = [Official("Trần An", ["Phó Bí thư Tỉnh ủy"]), Official("Lê Văn An", ["Chủ tịch UBND xã"]),
                     Official("Đặng Văn Dũng", ["Giám đốc Sở Nội vụ"])]
    new.officials = [Official("Trần An", ["Bí thư Tỉnh ủy"]), Official("Đỗ Ưng"), Official("Vũ Thị Ăn", ["Trưởng thôn"]),
                     Official("Lò Văn Đa", ["Bí thư Đảng ủy xã"])]
    undated.officials = [Official("Đỗ Ưng", []), Official("Đinh Ân", ["Phó Trưởng Ban Tổ chức"])]
    return Archive.build([old, new, undated])


def rendered(by_family_name: bool) -> str:
    config = SiteConfig(root=ROOT)
    renderer = Renderer(officials_archive(), config, config.path("templates"))
    return renderer.render(renderer.taxonomy_page("can-bo", by_family_name=by_family_name))


def test_the_officials_index_is_by_given_name_with_the_latest_title():
    page = rendered(False)
    names = re.findall(r"<li><a href=\"\.\./can-bo/[^/\"]+/\">([^<]*)</a>", page)
    assert names == ["Trần An", "Lê Văn An", "Vũ Thị Ăn", "Đinh Ân", "Đặng Văn Dũng", "Lò Văn Đa", "Đỗ Ưng"]
    assert re.findall(r'<a href="#nhom-\d+">([^<]*)</a>', page) == ["A", "Ă", "Â", "D", "Đ", "Ư"]
    assert re.search(r"Trần An</a>\s*<span class=\"count\">2 bài</span>\s*<span class=\"note\">Bí thư Tỉnh ủy "
                     r"<span class=\"when\">\(10/6/2025\)</span>", page)
    assert re.search(r"Đinh Ân</a>\s*<span class=\"count\">1 bài</span>\s*<span class=\"note\">Phó Trưởng Ban Tổ chức"
                     r"</span>", page)  # an undated article: the title, no date
    assert re.search(r"Đỗ Ưng</a>\s*<span class=\"count\">2 bài</span>\s*</li>", page)  # never printed with a title
    assert 'href="../can-bo/theo-ho/"' in page


def test_the_second_page_is_by_family_name():
    page = rendered(True)
    names = re.findall(r'<a href="\.\./\.\./can-bo/[^/"]+/">([^<]*)</a>', page)
    assert names == ["Đặng Văn Dũng", "Đinh Ân", "Đỗ Ưng", "Lê Văn An", "Lò Văn Đa", "Trần An", "Vũ Thị Ăn"]
    assert re.findall(r'<a href="#nhom-\d+">([^<]*)</a>', page) == ["Đ", "L", "T", "V"]
    assert 'href="../../can-bo/"' in page


def test_a_cached_records_title_order_is_the_one_vietnamese_order_gives(tmp_path, monkeypatch):
    """The record cache keeps each title's sort key with its record, so that a build orders
    10,000 cached records without making their keys again: read back, the key is the one
    vietnamese_order gives, and ordering the archive makes none."""
    from partyorg_site.archive import title_order
    from partyorg_site.archive.cache import RecordCache, content_key
    from partyorg_site.loader import load_bytes

    keys = []
    first = RecordCache(tmp_path)
    for path in sorted((ROOT / "articles").glob("*.txt")):
        keys.append(content_key(path.name, path.read_bytes()))
        first.put(keys[-1], load_bytes(path.name, path.read_bytes()))
    first.close()
    monkeypatch.setattr(title_order, "_ORDERS", {})
    records = [RecordCache(tmp_path).get(key) for key in keys]
    assert all(title_order._ORDERS[r.title] == vietnamese_order(r.title) for r in records)
    for record in records:  # one day and time for all: they are ordered by title
        record.date, record.published = "2017-01-05", None
    expected = sorted(records, key=lambda r: (vietnamese_order(r.title), r.slug))
    monkeypatch.setattr(title_order, "vietnamese_order", lambda title: pytest.fail(f"made again: {title}"))
    assert Archive.build(records).articles == expected
