"""Settlements across the archive (resolve.py): document terms."""
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
