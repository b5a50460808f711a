"""The records file by delta: when the archive changes among its newest records (added,
edited, removed), only the first runs are cut again and the others are the last build's;
after any change the file is the clean build's, byte for byte."""
from __future__ import annotations

import gzip
import json

import pytest

from partyorg_site.archive.cache import loader_version
from partyorg_site.archive.state import State
from partyorg_site.models import Record
from partyorg_site.site import records_file as records_file_module
from partyorg_site.site.records_file import PieceStore, records_file


def record(number: int) -> Record:
    slug = f"bai-{number:04d}"
    return Record(source=f"{slug}.txt", slug=slug, title=f"Hội nghị số {number}", title_derived=False, outlet=None,
                  published=None, date=f"20{10 + number // 365:02d}-01-01", date_precision="day", date_source="text",
                  province=None, provinces=[], officials=[], documents=[], meeting=None,
                  body=[f"Đoạn {number} " * (number % 7 + 1)], captions=[])


def newest_first(count: int) -> list[Record]:
    return [record(number) for number in range(count - 1, -1, -1)]


def inputs(records: list[Record]) -> dict[str, str]:
    return {r.source: f"key-{r.source}-{r.body[0]}" for r in records}


@pytest.fixture
def store():
    state = State(None, loader_version())  # in memory
    yield PieceStore(state)
    state.close()


def build(records: list[Record], store: PieceStore) -> bytes:
    data = records_file(records, store, inputs(records))
    store.forget_unused()
    return data


def clean(records: list[Record]) -> bytes:
    data = records_file(records, PieceStore(None), inputs(records))
    assert [r["slug"] for r in json.loads(gzip.decompress(data))] == [r.slug for r in records]  # CRC and length checked
    return data


def stored_runs(store: PieceStore) -> list[tuple]:
    return store.state.query("SELECT piece, crc, size FROM record_runs ORDER BY number")


def edited(record: Record) -> Record:
    record.body = ["Đoạn đã sửa"]
    return record


# a change among the newest records: (the records after it, how many records it changed)
NEWEST_CHANGES = {
    "1 added": (lambda old: [record(700)] + old, 1),
    "2 added": (lambda old: [record(701), record(700)] + old, 2),
    "40 added": (lambda old: [record(700 + n) for n in range(40)] + old, 40),
    "the newest edited": (lambda old: [edited(old[0])] + old[1:], 1),
    "the 10th newest edited": (lambda old: old[:9] + [edited(old[9])] + old[10:], 10),
    "the two newest removed": (lambda old: old[2:], 0),
}


@pytest.mark.parametrize("change", NEWEST_CHANGES)
def test_a_change_among_the_newest_keeps_the_later_runs_and_the_file_is_the_clean_builds(store, change,
                                                                                       monkeypatch):
    before = newest_first(600)
    build(before, store)
    runs_before = stored_runs(store)
    assert len(runs_before) > 5
    make, changed = NEWEST_CHANGES[change]
    after = make(newest_first(600))
    lines = []
    made = records_file_module._line
    monkeypatch.setattr(records_file_module, "_line", lambda number, r: lines.append(number) or made(number, r))
    data = build(after, store)
    assert len(lines) < changed + 200  # the changed records' lines and a few runs' more, not all 600
    monkeypatch.undo()
    assert data == clean(after)
    assert [r["slug"] for r in json.loads(gzip.decompress(data))] == [r.slug for r in after]
    assert stored_runs(store)[-len(runs_before) + 3:] == runs_before[3:]  # all but the first runs kept as they were


@pytest.mark.parametrize("change", ["edited", "deleted", "inserted among older", "oldest added"])
def test_a_change_among_older_records_makes_the_clean_builds_file(store, change):
    records = newest_first(500)
    build(records, store)
    if change == "edited":
        records[250].body = ["Đoạn đã sửa"]
    elif change == "deleted":
        del records[100]
    elif change == "inserted among older":
        records.insert(300, record(9999))
    else:
        records.append(record(9998))
    assert build(records, store) == clean(records)
    more = [record(700)] + records  # and a newest article after that
    assert build(more, store) == clean(more)


def test_a_lost_piece_makes_the_file_whole_again(store):
    records = newest_first(400)
    build(records, store)
    store.state.write([("DELETE FROM pieces WHERE key = (SELECT piece FROM record_runs ORDER BY number DESC LIMIT 1)",
                        [()])])
    store.memory.clear()
    more = [record(500)] + records
    assert build(more, store) == clean(more)
