"""Whole articles in shapes the bundled seeds do not have (invented text, real structure):
an aggregator export with captions inline, and a scraped page from another outlet."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import TESTS


def record(name):
    out = subprocess.run([sys.executable, "-m", "partyorg_site", "extract", str(TESTS / "fixtures" / name)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_three_line_export():
    r = record("export_giao_ban.txt")
    assert r["title"] == "Giao ban công tác tổ chức xây dựng Đảng quý III năm 2020"
    assert (r["outlet"], r["date"], r["meeting"]["kind"]) == ("ĐCSVN", "2020-10-15", "giao ban")
    assert [o["name"] for o in r["officials"]] == ["Lương Văn Tâm", "Đỗ Trọng Hưng"]
    assert r["officials"][1]["titles"] == ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy"]
    assert r["captions"] == ["Quang cảnh hội nghị tại điểm cầu Trung ương."]
    body = "\n".join(r["body"])
    assert "TTXVN" not in body and "N)" not in body and body.endswith("Đại hội XIII của Đảng.")
    assert [d["key"] for d in r["documents"]] == ["chi-thi-35-tw-khoa-xii", "huong-dan-26-btctw-khoa-xii",
                                                  "nghi-quyet-trung-uong-4-khoa-xii", "quy-dinh-205-tw-khoa-xii"]
    assert r["provinces"] == ["Hà Nội", "Thanh Hóa"]


def test_scraped_page_from_another_outlet():
    r = record("scraped_tong_ket.txt")
    assert r["title"] == "Khánh Hòa: Tổng kết công tác tổ chức xây dựng Đảng năm 2020"
    assert (r["published"], r["date"]) == ("2021-01-12T15:45", "2021-01-11")
    assert (r["province"], r["meeting"]["kind"]) == ("Khánh Hòa", "tổng kết")
    assert r["officials"] == [{"name": "Hà Quốc Trị", "titles": ["Phó Bí thư Thường trực Tỉnh ủy"]}]
    keys = [d["key"] for d in r["documents"]]
    assert keys == ["ke-hoach-125-tu-khanh-hoa-2020", "quy-dinh-105-tw-khoa-xii",
                    "nghi-quyet-dai-hoi-xviii-dang-bo-tinh-khanh-hoa"]
    everything = "\n".join(r["body"] + r["captions"])
    for junk in ("Trang chủ", "Chia sẻ", "Tin liên quan", "Phú Yên tổng kết", "VĂN KHOA"):
        assert junk not in everything
