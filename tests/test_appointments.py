"""Personnel decisions (extract/appointments.py): table cases in tests/cases/appointments.yaml,
and the record's invariants the issue asks of every article."""
from __future__ import annotations

import pytest

from conftest import ARTICLES, case_ids, cases
from partyorg_site.extract.appointments import find_appointments, with_appointees
from partyorg_site.extract.officials import find_officials
from partyorg_site.loader import load_bytes
from partyorg_site.models import ACTIONS
from partyorg_site.vietnamese import fold


def _found(case: dict) -> list[dict]:
    officials = find_officials(case["text"], when=case.get("year", 2025))
    return [a.to_dict() for a in find_appointments(case["text"], officials, case.get("year", 2025))]


@pytest.mark.parametrize("case", cases("appointments"), ids=case_ids("appointments"))
def test_appointments(case):
    found = _found(case)
    assert [(a["name"], a["action"], a["post"]) for a in found] == \
        [(a["name"], a["action"], a["post"]) for a in case["appointments"]]
    for want, got in zip(case["appointments"], found):
        for key in ("by", "date"):
            if key in want:
                assert got[key] == want[key], (key, got)


def test_every_action_of_the_contract_has_a_case():
    shown = {a["action"] for case in cases("appointments") for a in case["appointments"]}
    assert shown == set(ACTIONS)


def test_an_appointee_becomes_an_official_with_the_post_gained():
    text = "Bộ Nội vụ bổ nhiệm ông Nguyễn Hữu Tài giữ chức Vụ trưởng Vụ Tiền lương."
    officials = find_officials(text)
    appointments = find_appointments(text, officials, 2025)
    merged = with_appointees(officials, appointments)
    assert [(o.name, o.titles) for o in merged] == [("Nguyễn Hữu Tài", ["Vụ trưởng Vụ Tiền lương"])]


@pytest.mark.parametrize("text, titles", [
    ("Hội đồng nhân dân bầu ông Nguyễn Văn An giữ chức Phó Bí thư Đảng ủy, Chủ tịch UBND phường Chợ Lớn.",
     ["Phó Bí thư Đảng ủy", "Chủ tịch UBND phường Chợ Lớn"]),
    ("Ban Chấp hành đã bầu ông Nguyễn Văn An giữ chức Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh khóa XVIII.",
     ["Phó Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh khóa XVIII"]),
])
def test_a_post_that_names_several_titles_gives_each_apart(text, titles):
    officials = find_officials(text)
    merged = with_appointees(officials, find_appointments(text, officials, 2025))
    assert [(o.name, o.titles) for o in merged] == [("Nguyễn Văn An", titles)]


def test_officials_named_only_by_a_decision_keep_the_order_of_first_mention():
    text = ("Bộ Chính trị chỉ định các ông, bà Trịnh Văn Trường, Giàng Thị Dung và Nguyễn Tuấn Anh giữ chức "
            "Phó Bí thư Tỉnh ủy.")
    officials = find_officials(text)
    merged = with_appointees(officials, find_appointments(text, officials, 2025))
    assert [o.name for o in merged] == ["Trịnh Văn Trường", "Giàng Thị Dung", "Nguyễn Tuấn Anh"]


def test_records_keep_the_invariants_over_the_bundled_and_invented_articles():
    """No decision about a person who is not among the record's officials; every action one
    of the contract's seven; a post never ends inside a word (its last character a letter,
    digit or closing bracket, and the text has the post as printed)."""
    texts = [path.read_bytes() for path in sorted(ARTICLES.glob("*.txt"))]
    texts += [("Tiêu đề\n" + case["text"]).encode() for case in cases("appointments")]
    for data in texts:
        record = load_bytes("x.txt", data)
        names = {fold(o.name) for o in record.officials}
        for appointment in record.appointments:
            assert fold(appointment.name) in names
            assert appointment.action in ACTIONS
            if appointment.post:
                assert appointment.post[-1].isalnum() or appointment.post[-1] == ")"


@pytest.mark.parametrize("case", cases("occasions"), ids=case_ids("occasions", "name"))
def test_a_decision_takes_the_day_of_the_occasion_that_announced_it(case):
    record = load_bytes("article.txt", case["article"].encode("utf-8"))
    assert {a.name: a.date for a in record.appointments if a.name in case["dates"]} == case["dates"]
