"""Property tests of the event date's invariants (SCHEMA.md `date`, `date_source`): whatever
the words around a day and month, no event is dated after the build or more than 14 days
after its page, a date always says where its year came from, and a year the text gives
only as a horizon, a plan or a birth is never the event's."""
from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

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


@given(articles(), publications, paths)
@settings(max_examples=400, deadline=None)
def test_no_event_after_the_build_nor_14_days_after_its_page(article, published, path):
    body, _ = article
    found = find_event_date(None, body, published, path, TODAY)
    if found.value:
        parts = [int(p) for p in found.value.split("-")]
        first_day = date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        assert first_day <= TODAY
        if published:
            assert first_day <= date.fromisoformat(published[:10]) + timedelta(days=14)
    assert (found.source is None) == (found.value is None)
    assert found.source in (None, "text", "published", "path")
    if published and found.source == "published":
        assert abs((date.fromisoformat(found.value) - date.fromisoformat(published[:10])).days) <= 366


@given(articles())
@settings(max_examples=400, deadline=None)
def test_a_year_given_only_as_a_horizon_plan_birth_or_start_is_never_the_events(article):
    body, cued = article
    found = find_event_date(None, body, None, None, TODAY)
    if found.value:
        year = int(found.value[:4])
        assert any(year in (y, y + 1, y - 1) for cue, y in cued if cue not in NOT_THE_EVENTS), (body, found)


@given(days, months, st.dates(date(2000, 1, 1), TODAY))
@settings(max_examples=300, deadline=None)
def test_a_day_and_month_take_the_year_nearest_the_publication(day, month, published):
    found = find_event_date(None, [f"Ngày {day}/{month}, Tỉnh ủy họp."], published.isoformat(), None, TODAY)
    if found.value is None:  # only where the nearest such day is too far after the page
        nearest = min((date(y, month, day) for y in (published.year - 1, published.year, published.year + 1)),
                      key=lambda d: abs((d - published).days))
        assert nearest > min(published + timedelta(days=14), TODAY)
    else:
        event = date.fromisoformat(found.value)
        assert found.source == "published"
        assert abs((event - published).days) <= 183
