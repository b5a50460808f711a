"""The numbers behind the views: the province map's counts per layer, an official's career,
meeting series, a document's citations over time, articles per month. On invented records
(each case says what it shows), on a generated corpus checked against a plain recount,
and on the bundled articles."""
from __future__ import annotations

import random
from collections import Counter

import pytest

from conftest import ARTICLES
from partyorg_site.archive.taxonomies import Archive
from partyorg_site.datafiles import load
from partyorg_site.models import Document, Meeting, Official, Record
from partyorg_site.pipeline import load_archive
from partyorg_site.site.views import careers, citations, province_map, series, timeline

GAZETTEER = load("provinces")["provinces"]
SUCCESSOR = {p["name"]: p["merged_into_2025"] for p in GAZETTEER}


def record(slug: str, date: str | None = None, provinces=(), officials=(), documents=(), meeting=None) -> Record:
    return Record(source=f"{slug}.txt", slug=slug, title=slug, title_derived=False, outlet=None, published=None,
                  date=date, date_precision=None if date is None else {4: "year", 7: "month", 10: "day"}[len(date)],
                  date_source="text" if date else None, province=provinces[0] if provinces else None,
                  provinces=list(provinces), officials=list(officials), documents=list(documents),
                  meeting=meeting, body=[], captions=[])


def doc(number: int) -> Document:
    return Document(kind="Nghị quyết", number=number, symbol=f"{number}-NQ/TW", key=f"nghi-quyet-{number}-tw",
                    text=f"Nghị quyết số {number}-NQ/TW")


def giao_ban(date: str | None) -> Meeting:
    return Meeting(kind="giao ban", date=date, key=f"giao-ban-{(date or 'khong-ro')[:7]}", title="Giao ban")


# ---- the province map ------------------------------------------------------------------

def test_the_map_has_every_province_of_both_layers_and_the_archipelagos():
    layers = {layer.key: layer for layer in province_map.layers(Archive.build([]))}
    assert {r.name for r in layers["63"].regions} == set(SUCCESSOR)
    assert {r.name for r in layers["34"].regions} == set(SUCCESSOR.values())
    assert len(layers["63"].regions) == 63 and len(layers["34"].regions) == 34
    assert all(r.path.startswith("M") for layer in layers.values() for r in layer.regions)
    for layer in layers.values():
        islands = {name: r.name for r in layer.regions for name, dots in r.islands if dots}
        assert islands == {"Quần đảo Hoàng Sa": "Đà Nẵng", "Quần đảo Trường Sa": "Khánh Hòa"}


def test_a_new_province_counts_an_article_naming_two_of_its_parts_once():
    # Hà Giang and Tuyên Quang became one Tuyên Quang in 2025.
    assert SUCCESSOR["Hà Giang"] == SUCCESSOR["Tuyên Quang"] == "Tuyên Quang"
    archive = Archive.build([record("a", provinces=["Hà Giang", "Tuyên Quang"]), record("b", provinces=["Hà Giang"]),
                             record("c", provinces=["Nghệ An"]), record("d")])
    counts = province_map.province_counts(archive)
    assert counts["63"] == {"Hà Giang": 2, "Tuyên Quang": 1, "Nghệ An": 1}
    assert counts["34"] == {"Tuyên Quang": 2, "Nghệ An": 1}
    view = province_map.view(archive)
    assert view["unplaced"] == 1
    new = {r.name: r for r in view["layers"][1].regions}
    assert new["Tuyên Quang"].parts == ("Hà Giang", "Tuyên Quang")
    assert new["Tuyên Quang"].href == "tinh/#tinh-34-tuyen-quang"  # a merged province: its row in the table
    assert new["Nghệ An"].href == "tinh/nghe-an/"  # unchanged in 2025, with articles: its own page
    assert new["Nghệ An"].accessible_name == "Nghệ An: 1 bài viết"
    old = {r.name: r for r in view["layers"][0].regions}
    assert old["Cà Mau"].count == 0 and old["Cà Mau"].shade == 0 and old["Cà Mau"].href == "tinh/#tinh-63-ca-mau"


def test_province_counts_on_a_generated_corpus_match_a_plain_recount():
    rng = random.Random(13)
    names = sorted(SUCCESSOR)
    records = [record(f"r{i}", provinces=rng.sample(names, rng.choice([0, 1, 1, 2, 3]))) for i in range(400)]
    layers = {layer.key: layer for layer in province_map.layers(Archive.build(records))}
    for name in names:
        assert {r.name: r.count for r in layers["63"].regions}[name] == sum(name in r.provinces for r in records)
    for new in set(SUCCESSOR.values()):
        expected = sum(any(SUCCESSOR[p] == new for p in r.provinces) for r in records)
        assert {r.name: r.count for r in layers["34"].regions}[new] == expected


@pytest.mark.parametrize("most", [1, 2, 7, 100, 5000])
def test_shades_rise_with_the_count_from_none_to_the_busiest(most):
    shades = [province_map.shade(count, most) for count in range(most + 1)]
    assert shades[0] == 0 and shades[-1] == province_map.SHADES
    assert shades == sorted(shades) and min(shades[1:]) >= 1


# ---- an official's career --------------------------------------------------------------

def test_career_gives_each_title_its_first_and_last_date_and_marks_the_changes():
    def official(name, *titles):
        return Official(name, list(titles))
    archive = Archive.build([
        record("a", "2017-03-02", officials=[official("Nguyễn Văn An", "Phó Bí thư Tỉnh ủy")]),
        record("b", "2018-05-04", officials=[official("Nguyễn Văn An", "Phó bí thư  Tỉnh ủy", "Chủ tịch UBND tỉnh")]),
        record("c", "2019-01-09", officials=[official("nguyễn Văn An", "Bí thư Tỉnh ủy"), official("Lê Thị Hoa", "Phó Chủ tịch")]),
        record("e", "2019-02-01", officials=[official("Nguyễn Văn Ân", "Giám đốc Sở Nội vụ")]),  # another person
        record("d", None, officials=[official("Nguyễn  Văn An", "Ủy viên Ban Chấp hành Trung ương")]),
    ])
    term = archive.taxonomies["can-bo"].terms["nguyen-van-an"]
    found = careers.career(archive, term)
    spans = {(t.title, t.first, t.last, t.articles) for t in found.titles}
    assert spans == {("Phó Bí thư Tỉnh ủy", "2017-03-02", "2018-05-04", 2),  # case and spacing: one title
                     ("Chủ tịch UBND tỉnh", "2018-05-04", "2018-05-04", 1),
                     ("Bí thư Tỉnh ủy", "2019-01-09", "2019-01-09", 1),
                     ("Ủy viên Ban Chấp hành Trung ương", None, None, 1)}  # printed only where no year is known
    assert [t.title for t in found.titles][-1] == "Ủy viên Ban Chấp hành Trung ương"
    rows = {row.year: row for row in found.years}
    assert rows["2018"].new == ["Chủ tịch UBND tỉnh"] and rows["2018"].dropped == []
    assert rows["2019"].new == ["Bí thư Tỉnh ủy"]
    assert rows["2019"].dropped == ["Chủ tịch UBND tỉnh", "Phó Bí thư Tỉnh ủy"]
    assert found.spellings == ["Nguyễn  Văn An", "Nguyễn Văn An", "nguyễn Văn An"]
    assert term.label == "Nguyễn Văn An"  # the spelling printed most, not the newest article's
    assert [(name, n) for name, _, n in found.appears_with] == [("Lê Thị Hoa", 1)]
    # A name that differs by more than case and spacing is another person, with a page of
    # its own, though both names fold to one slug.
    other = archive.taxonomies["can-bo"].terms["nguyen-van-an-2"]
    assert other.label == "Nguyễn Văn Ân" and [r.slug for r in other.articles] == ["e"]
    assert archive.official_key("Nguyễn Văn Ân") == "nguyen-van-an-2"
    assert archive.official_key("NGUYỄN VĂN AN") == "nguyen-van-an"
    assert found.look_alikes == [("Nguyễn Văn Ân", "can-bo/nguyen-van-an-2/")]
    assert careers.career(archive, other).look_alikes == [("Nguyễn Văn An", "can-bo/nguyen-van-an/")]


def test_the_bundled_archive_gives_the_commission_heads_titles_their_dates():
    archive = Archive.build(load_archive(ARTICLES).records)
    found = careers.career(archive, archive.taxonomies["can-bo"].terms["pham-minh-chinh"])
    head = next(t for t in found.titles if t.title.casefold() == "trưởng ban tổ chức trung ương")
    assert (head.first, head.last, head.articles) == ("2019-06-03", "2019-10-28", 3)
    assert [row.year for row in found.years] == ["2019"] and found.spellings == []


# ---- meeting series ----------------------------------------------------------------------

def test_a_series_grid_shows_the_months_held_and_the_months_missing():
    archive = Archive.build([record("a", "2019-06-03", meeting=giao_ban("2019-06-03")),
                             record("b", "2019-09-30", meeting=giao_ban("2019-09-30")),
                             record("c", "2020-01-06", meeting=giao_ban("2020-01-06")),
                             record("d", None, meeting=giao_ban(None))])
    found = series.series_of_kind(archive, "giao ban")
    held = {(year, month + 1) for year, months in found.years for month, meetings in enumerate(months) if meetings}
    assert held == {("2019", 6), ("2019", 9), ("2020", 1)}
    assert [year for year, _ in found.years] == ["2019", "2020"]
    assert (found.present, found.months, found.missing) == (3, 8, 5)  # June 2019 to January 2020
    assert [label for label, _ in found.undated] == ["Giao ban"]
    assert series.series_of_kind(archive, "tổng kết") is None
    around = series.neighbours(archive)
    previous, following = around["giao-ban-2019-09"]
    assert (previous.key, following.key) == ("giao-ban-2019-06", "giao-ban-2020-01")
    assert around["giao-ban-2019-06"][0] is None and "giao-ban-khong-ro" not in around


def test_the_bundled_giao_ban_series_has_june_september_october_2019():
    found = series.series_of_kind(Archive.build(load_archive(ARTICLES).records), "giao ban")
    held = [month + 1 for year, months in found.years for month, meetings in enumerate(months) if meetings]
    assert held == [6, 9, 10] and found.missing == 2


# ---- a document over time ------------------------------------------------------------------

def test_citations_per_year_first_and_last_and_the_documents_cited_with_it():
    archive = Archive.build([record("a", "2017-02-01", documents=[doc(18), doc(19)]),
                             record("b", "2017-11-01", documents=[doc(18), doc(19)]),
                             record("c", "2019-04-05", documents=[doc(18), doc(26)]),
                             record("d", None, documents=[doc(18)])])
    found = citations.citations(archive, archive.taxonomies["van-ban"].terms["nghi-quyet-18-tw"])
    assert [(bar.label, bar.count) for bar in found.chart.bars] == [("2017", 2), ("2018", 0), ("2019", 1)]
    assert (found.first, found.last, found.undated) == ("2017-02-01", "2019-04-05", 1)
    assert [(label, n) for label, _, n in found.cited_with] == [("Nghị quyết số 19-NQ/TW", 2),
                                                                 ("Nghị quyết số 26-NQ/TW", 1)]
    assert found.chart.summary.startswith("Số bài dẫn văn bản theo năm: năm 2017: 2 bài; năm 2018: 0 bài")


# ---- years and months ------------------------------------------------------------------

def test_years_chart_keeps_empty_years_and_months_count_the_year_only_dates_apart():
    archive = Archive.build([record("a", "2015-03-01"), record("b", "2017-03-09"), record("c", "2017-03"),
                             record("d", "2017-12-31"), record("e", "2017"), record("f", None)])
    years = timeline.years_chart(archive)
    assert [(bar.label, bar.count, bar.href) for bar in years.bars] == [
        ("2015", 1, "nam/2015/"), ("2016", 0, None), ("2017", 4, "nam/2017/")]
    chart, year_only = timeline.months_of(archive.taxonomies["nam"].terms["2017"])
    assert Counter({bar.label: bar.count for bar in chart.bars}) == Counter({"3": 2, "12": 1})
    assert len(chart.bars) == 12 and year_only == 1
    assert timeline.years_chart(Archive.build([record("x")])) is None


def test_series_and_careers_on_a_generated_corpus_match_a_plain_recount():
    """400 invented articles: giao ban meetings in random months of 2015-2019, and officials
    holding random titles on random dates. The grid's months and the careers' first and last
    dates are recounted here without the views' code."""
    rng = random.Random(29)
    names = [f"{surname} Văn {given}" for surname in ("Trần", "Lê", "Phạm") for given in ("An", "Bình", "Cường")]
    titles = ["Bí thư Tỉnh ủy", "Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh", "Trưởng Ban Tổ chức Tỉnh ủy"]
    records = []
    for number in range(400):
        date = f"{rng.randint(2015, 2019)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        officials = [Official(name, rng.sample(titles, rng.randint(1, 2))) for name in rng.sample(names, 2)]
        records.append(record(f"r{number:03d}", date, officials=officials,
                              meeting=giao_ban(date) if number % 3 == 0 else None))
    archive = Archive.build(records)

    found = series.series_of_kind(archive, "giao ban")
    held = {(int(year), month + 1) for year, months in found.years for month, meetings in enumerate(months) if meetings}
    expected = {(int(r.date[:4]), int(r.date[5:7])) for r in records if r.meeting}
    assert held == expected and found.present == len(expected)
    first, last = min(expected), max(expected)
    assert found.months == (last[0] - first[0]) * 12 + last[1] - first[1] + 1

    for name in names:
        term = archive.taxonomies["can-bo"].terms[archive.official_key(name)]
        spans = {span.title: (span.first, span.last, span.articles) for span in careers.career(archive, term).titles}
        for title in titles:
            dates = sorted(r.date for r in records for o in r.officials if o.name == name and title in o.titles)
            assert spans.get(title) == ((dates[0], dates[-1], len(dates)) if dates else None)
