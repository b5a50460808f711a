"""The search index by delta: after any change, the files are the clean build's, byte for
byte; a change among the newest articles renumbers only them, a change among the oldest
half makes the whole index anew."""
from __future__ import annotations

import pytest

from partyorg_site.archive.cache import loader_version
from partyorg_site.archive.state import State
from partyorg_site.models import Record
from partyorg_site.site import search_delta
from partyorg_site.site.search import DOC_BLOCK, build_index
from partyorg_site.site.write import StoredFile

WORDS = ["dang", "uy", "tinh", "hoi", "nghi", "can", "bo", "bau", "a", "xa", "phuong", "nghe", "an"]


def record(number: int, edit: str = "") -> Record:
    """An article whose words vary with its number (some shared by many, some by few)."""
    slug = f"bai-{number:04d}"
    words = [word for step, word in enumerate(WORDS, start=1) if number % step == 0] + [f"rieng{number}", edit]
    return Record(source=f"{slug}.txt", slug=slug, title=f"Hội nghị số {number}", title_derived=False, outlet=None,
                  published=None, date=f"2017-01-{number % 28 + 1:02d}", date_precision="day", date_source="text",
                  province="Nghệ An" if number % 3 else None, provinces=[], officials=[], documents=[], meeting=None,
                  body=[" ".join(words)], captions=[])


def identity_of(record: Record) -> str:
    return f"{record.source}\n{record.body[0]}\n{record.province}"


@pytest.fixture
def state():
    state = State(None, loader_version())  # in memory
    yield state
    state.close()


def index(newest_first: list[Record], state: State) -> dict[str, str]:
    files = search_delta.search_files(newest_first, identity_of, state, "v1")
    return {path: content.read() if isinstance(content, StoredFile) else content for path, content in files.items()}


def numbers(state: State) -> list[str]:
    return [identity for identity, in state.query("SELECT identity FROM search_docs ORDER BY number")]


def oldest_first(count: int) -> list[Record]:
    return [record(number) for number in range(count)]


# (what the change does to the oldest-first list, whether only the newest end is renumbered)
CHANGES = {
    "one newer article": (lambda old: old + [record(len(old))], True),
    "the newest article edited": (lambda old: old[:-1] + [record(len(old) - 1, edit="sua")], True),
    "the three newest removed": (lambda old: old[:-3], True),
    "a block's worth removed": (lambda old: old[:-DOC_BLOCK - 7], True),
    "an article of the newer half edited": (lambda old: old[:-40] + [record(len(old) - 40, edit="moi")] + old[-39:],
                                            True),
    "an older article inserted": (lambda old: [record(9999)] + old, False),
    "an article of the older half removed": (lambda old: old[:10] + old[11:], False),
    "nothing": (lambda old: old, True),
}


@pytest.mark.parametrize("change", CHANGES)
def test_the_index_after_a_change_is_the_clean_builds(state, change, monkeypatch):
    before = oldest_first(250)
    index(before[::-1], state)
    after, by_delta = CHANGES[change]
    after = after(before)
    common = next((n for n, (a, b) in enumerate(zip(before, after)) if a.body != b.body), min(len(before), len(after)))
    stored = numbers(state)
    if by_delta:
        monkeypatch.setattr(search_delta, "_rebuild", lambda *_: pytest.fail("the whole index made anew"))
    assert index(after[::-1], state) == build_index(after[::-1])
    assert (numbers(state)[:common] == stored[:common]) and len(numbers(state)) == len(after)
    monkeypatch.undo()
    assert index(after[::-1], state) == build_index(after[::-1])  # and the state holds it as made


def test_a_word_no_article_has_any_longer_leaves_the_index(state):
    before = oldest_first(30)
    index(before[::-1], state)
    after = before[:-1]
    files = index(after[::-1], state)
    assert "rieng28" in "".join(files.values()) and "rieng29" not in "".join(files.values())
    assert state.one("SELECT word FROM search_words WHERE word = 'rieng29'") is None
