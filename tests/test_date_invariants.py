"""Property tests of the event date's invariants (SCHEMA.md `date`, `date_source`): whatever
the words around a day and month, no event is dated more than 14 days after its page nor,
unless the text prints the year with it, more than 60 days before; a date always says
where its year came from; a year the text gives only as a horizon, a plan or a birth is
never the event's; a day given as a start, an effective date or a deadline is never the
event's; and a record never depends on the day it is extracted (the build's day bounds
it in archive/resolve.py: tests/test_resolve.py). (A third of each property test's examples in the suite; benchmarks/properties.py runs them all.)"""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import examples
from partyorg_site.extract.dates import PathDate, find_event_date

TODAY = date(2026, 12, 1)
CUES = ["", "đến năm", "tầm nhìn", "từ năm", "sinh năm", "sẽ hoàn thành vào năm", "Năm", "9 tháng đầu năm",
        "tháng 6/", "Nghị quyết số 18-NQ/TW ngày 25-10-", "kết quả năm", "dự kiến năm", "hồi năm"]
NOT_THE_EVENTS = ["đến năm", "tầm nhìn", "từ năm", "sinh năm", "sẽ hoàn thành vào năm", "hồi năm"]

days = st.integers(1, 28)
months = st.integers(1, 12)
years = st.integers(1990, 2060)
publications = st.one_of(st.none(), st.dates(date(2000, 1, 1), TODAY).map(lambda d: f"{d.isoformat()}T08:00"))
paths = st.one_of(st.none(), st.builds(PathDate, st.integers(2000, 2026), st.one_of(st.none(), months)))


@st.composite
def articles(draw):
    day, month = draw(days), draw(months)
    lead = f"{draw(st.sampled_from(['Ngày', 'Sáng', 'Chiều nay', 'Tối']))} {day}/{month}, Tỉnh ủy tổ chức hội nghị."
    cued = [(draw(st.sampled_from(CUES)), draw(years)) for _ in range(draw(st.integers(0, 4)))]
    body = [lead, *(f"Trong đó {cue} {year} là mốc quan trọng." for cue, year in cued)]
    return body, cued


def _first_and_last_day(value: str) -> tuple[date, date]:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(*parts), date(*parts)
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1) - timedelta(days=1)
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


@given(articles(), publications, paths)
@settings(max_examples=examples(400), deadline=None)
def test_with_a_timestamp_no_event_outside_its_window_unless_the_text_prints_the_year(article, published, path):
    body, _ = article
    found = find_event_date(None, body, published, path)
    if found.value and published:
        first_day, last_day = _first_and_last_day(found.value)
        page = date.fromisoformat(published[:10])
        assert first_day <= page + timedelta(days=14)
        if found.source != "text":
            assert last_day >= page - timedelta(days=60)
    assert (found.source is None) == (found.value is None)
    assert found.source in (None, "text", "published", "path")
    if published:  # a printed timestamp outranks the path as the source of the year
        assert found.source in ("text", "published")


@given(articles())
@settings(max_examples=examples(400), deadline=None)
def test_a_year_given_only_as_a_horizon_plan_birth_or_start_is_never_the_events(article):
    body, cued = article
    found = find_event_date(None, body, None, None)
    if found.value:
        year = int(found.value[:4])
        assert any(year in (y, y + 1, y - 1) for cue, y in cued if cue not in NOT_THE_EVENTS), (body, found)


@given(days, months, st.dates(date(2000, 1, 1), TODAY))
@settings(max_examples=examples(300), deadline=None)
def test_a_day_and_month_take_the_year_nearest_the_publication(day, month, published):
    found = find_event_date(None, [f"Ngày {day}/{month}, Tỉnh ủy họp."], published.isoformat(), None)
    nearest = min((date(y, month, day) for y in (published.year - 1, published.year, published.year + 1)),
                  key=lambda d: abs((d - published).days))
    if found.precision == "day":
        assert (date.fromisoformat(found.value), found.source) == (nearest, "published")
    else:  # only where the nearest such day is outside the page's window: the page's year
        assert not published - timedelta(days=60) <= nearest <= published + timedelta(days=14)
        assert (found.value, found.precision, found.source) == (str(published.year), "year", "published")


STARTS = ["từ ngày", "Từ ngày", "kể từ ngày", "có hiệu lực từ ngày", "có hiệu lực kể từ ngày", "áp dụng từ ngày",
          "bắt đầu từ ngày", "trước ngày", "chậm nhất là ngày", "đến hết ngày"]


@given(st.sampled_from(STARTS), days, months, st.one_of(st.none(), years), st.one_of(st.none(), publications))
@settings(max_examples=examples(300), deadline=None)
def test_a_start_deadline_or_effective_day_is_never_the_events(words, day, month, year, published):
    printed = f"{day}/{month}" + (f"/{year}" if year else "")
    found = find_event_date(None, [f"Quy định mới {words} {printed} chính thức được thực hiện."], published, None)
    assert found.precision != "day" and found.day_month is None


AHEAD = "Tỉnh ủy họp\nNgày 5/1/2030, Tỉnh ủy tổ chức hội nghị tổng kết công tác năm.\n"


def test_a_record_does_not_depend_on_the_day_it_is_read_the_build_day_bounds_it():
    """The same bytes give the same record on any day; resolve_archive, run on every build,
    shows an event after the build's day undated, and dated once that day has passed."""
    from partyorg_site.archive.resolve import resolve_archive, unresolved_copy
    from partyorg_site.loader import load_bytes
    loaded = load_bytes("a.txt", AHEAD.encode())
    assert (loaded.date, loaded.meeting.date) == ("2030-01-05", "2030-01-05")
    early = unresolved_copy(loaded)
    problems = resolve_archive([early], today=date(2026, 12, 1))
    assert (early.date, early.date_precision, early.date_source, early.day_month) == (None, None, None, "--01-05")
    assert early.meeting.date is None and "2030" not in early.meeting.key
    assert [p.kind for p in problems] == ["warning"] and "2030-01-05" in problems[0].message
    assert (loaded.date, loaded.meeting.date) == ("2030-01-05", "2030-01-05")  # the loaded record is untouched
    late = unresolved_copy(loaded)
    assert resolve_archive([late], today=date(2030, 1, 5)) == []
    assert (late.date, late.meeting.date) == ("2030-01-05", "2030-01-05")


def test_a_cached_record_is_dated_on_the_first_build_after_its_day(tmp_path, monkeypatch):
    """The clock moved between two builds sharing a cache: the second build reads the
    record from the cache (no extraction) and dates it."""
    import datetime as real
    from partyorg_site import pipeline
    from partyorg_site.archive import resolve
    from partyorg_site.archive.cache import RecordCache
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(AHEAD, encoding="utf-8")
    day = {"today": real.date(2026, 12, 1)}

    class Clock(real.date):
        @classmethod
        def today(cls):
            return day["today"]

    monkeypatch.setattr(resolve, "date", Clock)
    first = pipeline.load_archive(articles, RecordCache(tmp_path / "cache", articles))
    assert [r.date for r in first.records] == [None] and first.problems
    day["today"] = real.date(2030, 2, 1)
    monkeypatch.setattr(pipeline, "_extract", lambda file: pytest.fail(f"{file.name} extracted again"))
    second = pipeline.load_archive(articles, RecordCache(tmp_path / "cache", articles))
    assert [r.date for r in second.records] == ["2030-01-05"] and not second.problems


def test_a_crawls_filing_day_or_month_gives_a_day_and_month_their_year():
    """Issue 19, 2025 pages: " date 2025-06-30 ..." ahead of a crawled page's first line is its
    publication date; " date 2025-06 ..." (a month) dates nothing itself but, where the file's
    place gives no date, gives a day and month the text prints their year, as a dated folder does."""
    from partyorg_site.loader import load_bytes
    text = "Tỉnh công bố nhân sự sau sắp xếp\n\nChiều 28/6, Tỉnh ủy tổ chức lễ công bố quyết định về công tác cán bộ.\n"
    by_day = load_bytes("a.txt", (" date 2025-06-30 " + text).encode())
    assert (by_day.published, by_day.date, by_day.date_source) == ("2025-06-30", "2025-06-28", "published")
    by_month = load_bytes("b.txt", (" date 2025-06 " + text).encode())
    assert (by_month.published, by_month.date, by_month.title) == (None, "2025-06-28", "Tỉnh công bố nhân sự sau sắp xếp")
    assert load_bytes("c.txt", text.encode()).date is None
