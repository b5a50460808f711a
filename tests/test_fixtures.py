"""Whole articles in shapes the bundled seeds do not have (invented text, real structure):
aggregator exports with captions inline, and scraped pages from other outlets' systems."""
from __future__ import annotations

import json

from conftest import TESTS
from sitebuild import run_cli


def record(name):
    out = run_cli("extract", str(TESTS / "fixtures" / name))  # `partyorg-site extract`, in this process
    assert out.returncode == 0, out.stderr
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


def test_scraped_page_with_a_place_label_and_the_headline_printed_twice():
    r = record("scraped_dai_hoi.txt")
    assert r["title"] == "Đảng bộ Ban Tổ chức Tỉnh ủy đại hội nhiệm kỳ 2020-2025" and not r["title_derived"]
    assert (r["outlet"], r["published"], r["date"]) == ("QBĐT", "2020-05-12T16:40", "2020-05-12")
    # The label files the article under Quảng Bình; `provinces` lists only what the text names
    # (SCHEMA.md), and "huyện Quảng Ninh" is a district (of Quảng Bình), not the province.
    assert (r["province"], r["provinces"]) == ("Quảng Bình", [])
    assert r["body"][0].startswith("Sáng 12/5, Đảng bộ") and r["body"][-1].endswith("gồm 7 đồng chí.")
    assert r["captions"] == ["Bí thư Tỉnh ủy - Trần Văn Tuấn phát biểu chỉ đạo đại hội"]
    assert r["officials"] == [{"name": "Trần Văn Tuấn", "titles": [
        "Ủy viên dự khuyết Ban Chấp hành Trung ương Đảng", "Phó Bí thư Thường trực Tỉnh ủy",
        "Trưởng đoàn Đại biểu Quốc hội tỉnh", "Bí thư Tỉnh ủy"]}, {"name": "Lê Thị Hạnh", "titles": ["Bí thư Đảng bộ"]}]
    # (her birth year, in apposition, dates no career: the election is the congress's news)
    assert [(a["name"], a["action"], a["post"]) for a in r["appointments"]] == [("Lê Thị Hạnh", "bầu", "Bí thư Đảng bộ")]
    assert [(d["number"], d["term"]) for d in r["documents"]] == [(18, "XII"), (19, "XII")]
    assert r["meeting"]["kind"] == "đại hội"
    everything = "\n".join(r["body"] + r["captions"])
    for junk in ("English", "cỡ chữ", ">>", "Minh Châu", "Tin đọc nhiều", "Phú Yên"):
        assert junk not in everything


def test_export_with_a_caption_run_into_the_next_sentence():
    r = record("export_cum_thi_dua.txt")
    assert (r["outlet"], r["date"], r["meeting"]["kind"]) == ("TĐKT", "2021-02-26", "hội nghị")
    assert r["captions"] == [
        "Đồng chí Nguyễn Thị Thanh Hà, Tỉnh ủy viên, Trưởng Ban Tổ chức Tỉnh ủy Phú Thọ phát biểu khai mạc hội nghị",
        "Các đại biểu dự hội nghị ký kết giao ước thi đua."]
    assert r["body"][1].startswith("Phát biểu khai mạc, đồng chí")
    assert r["body"][-1].endswith("bảo vệ chính trị nội bộ.")
    assert r["officials"] == [{"name": "Nguyễn Thị Thanh Hà",
                               "titles": ["Tỉnh ủy viên", "Trưởng Ban Tổ chức Tỉnh ủy Phú Thọ"]}]
    assert [d["number"] for d in r["documents"]] == [35, 36]
    assert "T.Phương" not in "\n".join(r["body"] + r["captions"])
