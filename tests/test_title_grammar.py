"""The title grammar's examples (data/title_grammar.yaml), read by the patterns built from it.

Each part of the grammar lists examples, as reporters-db lists examples beside each of its
regular expressions: a plain example is a title that must be read whole (followed by a verb,
so that nothing but the grammar ends it), and the part it illustrates must take a word of
it; an example `{text, title}` is a text from whose start `title` is read.
"""
from __future__ import annotations

import pytest

from partyorg_site import datafiles
from partyorg_site.extract.officials import _read_title, title_parts

GRAMMAR = datafiles.load("title_grammar")
PARTS = [part for part, body in GRAMMAR.items() if isinstance(body, dict) and "examples" in body]
EXAMPLES = [(part, example) for part in PARTS for example in GRAMMAR[part]["examples"]]


def test_every_part_has_examples():
    assert {"ends", "name", "place", "unit", "abroad", "lexicon"} <= set(PARTS)
    assert all(GRAMMAR[part]["examples"] for part in PARTS)


@pytest.mark.parametrize("part, example", EXAMPLES,
                         ids=[f"{part}: {example if isinstance(example, str) else example['text']}"[:60]
                              for part, example in EXAMPLES])
def test_example(part, example):
    if isinstance(example, str):
        text, title = f"{example} đã phát biểu.", example
    else:
        text, title = example["text"], example["title"]
    found = _read_title(text, 0)
    assert found is not None and found[0] == title
    if isinstance(example, str):
        words: list[tuple[str, str]] = []
        _read_title(text, 0, words)
        assert part in {name for name, _ in words}, words


def test_title_parts_are_head_unit_place():
    """What `explain` shows of a title: the phrases of the grammar."""
    assert title_parts("Phó Chủ tịch Ủy ban MTTQ quận Bình Thạnh") == [
        ("head", "Phó Chủ tịch"), ("unit", "Ủy ban MTTQ"), ("place", "quận Bình Thạnh")]
    assert title_parts("Vụ trưởng Vụ Tổ chức cán bộ") == [("head", "Vụ trưởng"), ("unit", "Vụ Tổ chức cán bộ")]
    assert title_parts("Đại sứ Việt Nam tại Nhật Bản") == [("head", "Đại sứ"), ("unit", "Việt Nam"),
                                                          ("abroad", "tại Nhật Bản")]
    assert title_parts("Vụ trưởng Vụ Pháp chế, Bộ Y tế") == [("head", "Vụ trưởng"), ("unit", "Vụ Pháp chế"),
                                                            ("parent", "Bộ Y tế")]
    assert title_parts("Thứ trưởng Bộ Văn hóa, Thể thao và Du lịch") == [
        ("head", "Thứ trưởng"), ("unit", "Bộ Văn hóa, Thể thao và Du lịch")]
    assert title_parts("Ủy viên Bộ Chính trị khóa XII") == [("head", "Ủy viên Bộ Chính trị"), ("place", "khóa XII")]
