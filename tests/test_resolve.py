"""Settlements across the archive (resolve.py): document terms, meetings that one key would join."""
from __future__ import annotations

from partyorg_site.loader import load_bytes
from partyorg_site.archive.resolve import resolve_archive


def article(name: str, text: str):
    return load_bytes(name, text.encode("utf-8"))


def keys(record) -> list[str]:
    return [d.key for d in record.documents]


def test_a_document_cited_by_number_alone_joins_the_dated_citation_of_an_earlier_term():
    dated = article("a.txt", "Sáng 5/6/2019, Tỉnh ủy quán triệt Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị.\n")
    bare = article("b.txt", "Sáng 8/3/2021, Tỉnh ủy sơ kết thực hiện Chỉ thị số 35-CT/TW của Bộ Chính trị.\n")
    assert keys(bare) == ["chi-thi-35-tw-khoa-xiii"]  # by its article's term, alone
    resolve_archive([dated, bare])
    assert keys(bare) == keys(dated) == ["chi-thi-35-tw-khoa-xii"]


def test_a_later_term_or_a_local_document_is_not_borrowed():
    later = article("a.txt", "Sáng 5/6/2022, Tỉnh ủy quán triệt Chỉ thị số 12-CT/TW ngày 2/6/2022 của Bộ Chính trị.\n")
    bare = article("b.txt", "Sáng 8/3/2019, Tỉnh ủy thực hiện Chỉ thị số 12-CT/TW của Bộ Chính trị.\n")
    local = article("c.txt", "Sáng 8/3/2021, Tỉnh ủy Nghệ An triển khai Kế hoạch số 35-KH/TU.\n")
    before = keys(bare), keys(local)
    resolve_archive([later, bare, local])
    assert (keys(bare), keys(local)) == before  # 2019 cannot cite a 2022 directive; KH/TU is local
    assert keys(bare) == ["chi-thi-12-tw-khoa-xii"]


def meeting_keys(records) -> list[str]:
    return [r.meeting.key for r in records]


def test_unrelated_meetings_of_one_day_and_place_are_filed_apart_and_reports_of_one_meeting_stay_together():
    reports = [
        article("a.txt", "Sáng 4/11/2025, Ban Tổ chức Trung ương tổ chức Hội nghị công bố quyết định của Bộ Chính trị "
                         "về công tác cán bộ.\n"),
        article("b.txt", "Sáng 4/11/2025, Hội nghị công bố quyết định của Bộ Chính trị về công tác cán bộ được tổ chức.\n"),
        article("c.txt", "Chiều 4/11/2025, Hội đồng Lý luận Trung ương tổ chức Hội nghị góp ý dự thảo văn kiện về văn hóa.\n"),
        article("d.txt", "Chiều 4/11/2025, Hội nghị đã diễn ra.\n"),  # a name that tells nothing
    ]
    assert len(set(meeting_keys(reports))) == 1  # kind, day and place alone: one key
    resolve_archive(reports)
    a, b, c, d = meeting_keys(reports)
    assert a == b == d == "hoi-nghi-2025-11-04-toan-quoc"  # the most reported keeps it
    assert c == "hoi-nghi-2025-11-04-toan-quoc-gop-y-du-thao-van-kien"


def test_two_names_of_one_ceremony_that_name_the_same_official_are_one_meeting():
    reports = [
        article("a.txt", "Chiều 15/9/2025, Hội nghị công bố quyết định của Bộ Chính trị về công tác cán bộ. "
                         "Ông Trần Văn Tám, Bí thư Đảng ủy, phát biểu.\n"),
        article("b.txt", "Chiều 15/9/2025, Hội nghị Ban Chấp hành Đảng ủy các cơ quan Đảng Trung ương diễn ra. "
                         "Ông Trần Văn Tám, Bí thư Đảng ủy, chủ trì.\n"),
    ]
    resolve_archive(reports)
    assert meeting_keys(reports) == ["hoi-nghi-2025-09-15-toan-quoc"] * 2


def test_a_body_only_cua_names_is_the_issuer_but_keys_nothing():
    named = article("a.txt", "Sáng 5/6/2017, Sở Giao thông triển khai Quyết định số 2257 của Bộ Giao thông Vận tải.\n")
    bare = article("b.txt", "Sáng 8/6/2017, Sở Giao thông tiếp tục thực hiện Quyết định số 2257.\n")
    assert named.documents[0].issuer == "Bộ Giao thông Vận tải"
    assert keys(named) == keys(bare)  # one document, cited with its issuer or without
