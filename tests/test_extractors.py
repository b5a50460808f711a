"""Table-driven tests for each extractor (cases in tests/cases/)."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from slugify import slugify

from conftest import case_ids, cases, examples
from partyorg_site.read.clean import clean_lines
from partyorg_site.extract.dates import date_from_path, find_event_date
from partyorg_site.read.published import parse_published
from partyorg_site.extract.documents import document_key, find_documents
from partyorg_site.extract.meetings import build_meeting, find_meeting
from partyorg_site.extract.officials import find_officials
from partyorg_site.extract.places import find_local_mentions, find_mentions, primary_province
from partyorg_site.read.layout import segment
from partyorg_site.vietnamese import _FOLD, OTHER_SPACES, fold, normalize, slug


@pytest.mark.parametrize("case", cases("normalize"), ids=case_ids("normalize"))
def test_normalize(case):
    assert normalize(case["text"]) == case["expected"]


def test_the_fast_path_knows_every_white_space_character():
    """normalize() replaces no-break spaces with str.replace unless one of OTHER_SPACES is
    present; that is right only if they and " ", "\\n", "\\xa0" are all the white space."""
    every = {chr(c) for c in range(0x110000) if chr(c).isspace()}
    assert every == set(OTHER_SPACES) | {" ", "\n", "\u00a0"}
    assert all(re.fullmatch(r"\s", char) for char in every)


@pytest.mark.parametrize("text", ["Đảng ủy  Khối", " Phó Bí thư Thường trực ", "", "a\u00a0b\nc", "ĐẢNG ỦY ĐẢNG ỦY"])
def test_fold_a_word_at_a_time_equals_folding_the_whole(text):
    assert fold(text) == text.translate(_FOLD).lower()


def test_folds_remembered_from_other_texts_and_a_full_memory_change_nothing(monkeypatch):
    """fold() remembers each word's folding, within a bound: a word met first in another
    text, in another case or beside other words, folds the same, and the memory is
    emptied, never outgrown, when full."""
    from partyorg_site import vietnamese
    monkeypatch.setattr(vietnamese, "_FOLDED_WORDS", {})
    monkeypatch.setattr(vietnamese, "_FOLDED_WORDS_MAX", 4)
    texts = ["Đảng ủy Khối", "khối ĐẢNG ủy", "Phó Bí thư Thường trực", "Đảng  ủy", "", "ủy\u00a0ban Đảng"]
    for text in texts:
        assert fold(text) == text.translate(_FOLD).lower()
        assert len(vietnamese._FOLDED_WORDS) <= 4
        assert all(word.translate(_FOLD).lower() == folded for word, folded in vietnamese._FOLDED_WORDS.items())


@given(st.text(alphabet=st.sampled_from(list("aăâđeêioôơuưyAĐÊ áạảàãếệ-/.,“”!0129 &;#'")), max_size=200),
       st.sampled_from([0, 5, 20, 80]))
@settings(max_examples=examples(300), deadline=None)
def test_slug_takes_slugify_only_where_it_must_cut(text, max_length):
    """A short slug is made without python-slugify; it must be what slugify would make.
    (100 examples here; benchmarks/properties.py runs 300.)"""
    expected = slugify(fold(text), max_length=max_length, word_boundary=True) if max_length else slug(text)
    assert slug(text, max_length) == expected


@pytest.mark.parametrize("case", cases("dates"), ids=case_ids("dates", "body"))
def test_event_date(case):
    path = date_from_path(case["path"]) if "path" in case else None
    found = find_event_date(case.get("title"), case["body"], case.get("published"), path)
    assert (found.value, found.precision) == (case["date"], case["precision"])
    assert (found.source is None) == (found.value is None)
    if "source" in case:
        assert found.source == case["source"]
    if "day_month" in case:
        assert found.day_month == case["day_month"]


@pytest.mark.parametrize("case", cases("published"), ids=case_ids("published", "line"))
def test_published(case):
    assert parse_published(case["line"]) == case["expected"]


@pytest.mark.parametrize("case", cases("places"), ids=case_ids("places"))
def test_provinces(case):
    assert [m.name for m in find_mentions(case["text"])] == case["provinces"]


@pytest.mark.parametrize("case", cases("local_units"), ids=case_ids("local_units"))
def test_local_units(case):
    found = find_local_mentions(case["text"])
    assert [[case["text"][m.span[0]:m.span[1]], m.name] for m in found] == case["units"]


@pytest.mark.parametrize("case", cases("primary_province"), ids=case_ids("primary_province"))
def test_primary_province(case):
    text = "\n\n".join(case["body"])
    title_places = [*find_mentions(case["title"]), *find_local_mentions(case["title"])]
    found = primary_province(find_mentions(text), text, case["title"], len(case["body"][0]), title_places,
                             find_local_mentions(text))
    assert found == case["province"]


@pytest.mark.parametrize("case", cases("officials"), ids=case_ids("officials"))
def test_officials(case):
    assert [o.to_dict() for o in find_officials(case["text"], when=case.get("when"))] == case["officials"]


@pytest.mark.parametrize("case", cases("documents"), ids=case_ids("documents"))
def test_documents(case):
    found = [d.to_dict() for d in find_documents(case["text"])]
    assert len(found) == len(case["documents"]), found
    for got, want in zip(found, case["documents"]):
        assert {k: got[k] for k in want} == want
    if "keys" in case:  # as cited in an article of that date and province
        article = case.get("article", {})
        assert [document_key(d, article.get("date"), article.get("province"))
                for d in find_documents(case["text"])] == case["keys"]


@pytest.mark.parametrize("case", cases("meetings"), ids=case_ids("meetings", "body"))
def test_meetings(case):
    found = find_meeting(case.get("title"), case["body"])
    assert (found[0] if found else None) == case["kind"]
    if "phrase" in case:  # the meeting's name as printed
        assert found[1] == case["phrase"]
    if "key" in case:  # (with the article's date and province)
        assert build_meeting(found, case["date"], case.get("province"), " ".join(case["body"])).key == case["key"]


@pytest.mark.parametrize("case", cases("layout"), ids=case_ids("layout"))
def test_layout(case):
    layout = segment(clean_lines(case["text"]))
    assert layout.title == case["title"]
    for key in ("outlet", "published"):
        if key in case:
            assert getattr(layout, key) == case[key]
    assert layout.body[0].startswith(case["body_first"])
    assert layout.body[-1].endswith(case["body_last"])
    assert layout.captions == case["captions"]
    if "body_paragraphs" in case:  # the first words of each paragraph, in order
        assert [p[:len(start)] for p, start in zip(layout.body, case["body_paragraphs"])] == case["body_paragraphs"]
        assert len(layout.body) == len(case["body_paragraphs"])
    everything = "\n".join(layout.body + layout.captions)
    for junk in case["gone"]:
        assert junk not in everything


def test_a_province_label_above_the_headline_gives_the_province_the_text_leaves_unnamed():
    from partyorg_site.extract.places import province_label
    from partyorg_site.loader import load_bytes

    assert province_label(["Xây dựng Đảng", "Long An"]) == "Long An"
    assert province_label(["Tin Long An"]) is None  # a label that only holds the name is not one
    page = ("02/12/2015 - 09:49\n\nLong An\n\nThường trực Tỉnh ủy cho ý kiến về công tác tổ chức đại hội\n\n"
            "Chiều ngày 1-12-2015, Thường trực Tỉnh ủy chủ trì họp với các tiểu ban phục vụ đại hội.\n")
    assert load_bytes("a.txt", page.encode("utf-8")).province == "Long An"
    named = page.replace("Thường trực Tỉnh ủy chủ trì", "tại tỉnh Tây Ninh, Thường trực Tỉnh ủy chủ trì")
    assert load_bytes("b.txt", named.encode("utf-8")).province == "Tây Ninh"  # the text's own cue wins


def test_a_national_storys_label_is_the_newsrooms_city_not_its_province():
    """A page filed under "Hà Nội" whose story is a central body's decision is about no
    province: the label names where the newsroom is, as the text's own rules say."""
    from partyorg_site.loader import load_bytes

    page = ("Hà Nội\n\nThời sự\n\nBộ Chính trị kỷ luật Ban cán sự đảng Bộ Tài chính\n\n"
            "Ngày 3/10/2025, Bộ Chính trị quyết định thi hành kỷ luật cảnh cáo Ban cán sự đảng Bộ Tài chính.\n")
    assert load_bytes("a.txt", page.encode("utf-8")).province is None
    local = page.replace("Bộ Chính trị kỷ luật", "Ủy ban Kiểm tra kỷ luật").replace(
        "Bộ Chính trị quyết định", "Ủy ban Kiểm tra quyết định")
    assert load_bytes("b.txt", local.encode("utf-8")).province == "Hà Nội"  # a local story keeps its label


@given(st.lists(st.text(alphabet="abcxyz019", min_size=1, max_size=12), min_size=1, max_size=15),
       st.integers(min_value=1, max_value=90))
@settings(max_examples=examples(300), deadline=None)
def test_the_fallback_cut_is_slugifys(words, max_length):
    """Without python-slugify installed, a long slug is cut as slugify would cut it.
    (100 examples here; benchmarks/properties.py runs 300.)"""
    from partyorg_site.vietnamese import _cut_at_word

    plain = "-".join(words)
    assert _cut_at_word(plain, max_length) == slugify(plain, max_length=max_length, word_boundary=True)


def test_extract_runs_and_agrees_without_the_optional_compiled_dependencies():
    """From a source tree with only PyYAML (`PYTHONPATH=src python3 -m partyorg_site extract`),
    the records are the same: the phrase automaton's patterns scan the text themselves."""
    import subprocess
    import sys

    from conftest import ROOT

    seeds = sorted(str(p) for p in (ROOT / "articles").glob("*.txt"))
    blocked = ("import sys; sys.modules['ahocorasick_rs'] = None; sys.modules['slugify'] = None; "
               "from partyorg_site.cli import main; sys.argv = ['partyorg-site', 'extract', *sys.argv[1:]]; main()")
    without = subprocess.run([sys.executable, "-c", blocked, *seeds], capture_output=True, text=True, check=True)
    normal = subprocess.run([sys.executable, "-m", "partyorg_site", "extract", *seeds],
                            capture_output=True, text=True, check=True)
    assert without.stdout == normal.stdout and without.stdout.count("\n") == len(seeds)


def test_a_meeting_named_with_the_day_a_page_announces_is_to_come_not_reported():
    from partyorg_site.loader import load_bytes

    page = ("Đại hội Đảng bộ tỉnh Hòa Sơn diễn ra từ ngày 10 - 12/9\n"
            "05/09/2025 16:00\n"
            "Đại hội Đảng bộ tỉnh Hòa Sơn lần thứ I, nhiệm kỳ 2025 - 2030 có 350 đại biểu.\n"
            "Chiều 5/9, Ban Tuyên giáo Tỉnh ủy Hòa Sơn tổ chức họp báo thông tin về Đại hội.\n")
    record = load_bytes("a.txt", page.encode("utf-8"))
    assert (record.date, record.meeting) == ("2025-09-05", None)
    # the day the page reports is its own: the congress it announces is the meeting of a preview
    preview = load_bytes("b.txt", page.replace("Chiều 5/9, Ban", "Ban").encode("utf-8"))
    assert preview.date == "2025-09-10" and preview.meeting is not None and preview.meeting.kind == "đại hội"


def test_reading_order_follows_where_each_part_stood_in_its_line():
    """An export's run-on line is split into paragraphs and captions: they are read in the
    order they stood in that line (a caption after two paragraphs comes after both), which
    the officials' order of first mention and each caption's place on the page follow."""
    from partyorg_site.read.clean import Line
    from partyorg_site.read.layout import Layout

    line = "Đoạn một nói về hội nghị. Đoạn hai nói về nhân sự. Ông A phát biểu tại hội nghị Đoạn ba."
    layout = Layout(body=["Đoạn một nói về hội nghị.", "Đoạn hai nói về nhân sự.", "Đoạn ba."], body_lines=[3, 3, 3],
                    captions=["Ông A phát biểu tại hội nghị"], caption_lines=[3])
    layout._lines = [Line(3, line)]
    assert layout.in_reading_order() == ["Đoạn một nói về hội nghị.", "Đoạn hai nói về nhân sự.",
                                         "Ông A phát biểu tại hội nghị", "Đoạn ba."]
