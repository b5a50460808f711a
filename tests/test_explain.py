"""`partyorg-site explain`: each fact with the sentence it came from and the rule; the date's
and the province's candidates with why each lost (issue 19)."""
from __future__ import annotations

from sitebuild import run_cli

ARTICLE = """Ông Lâm Văn Hòa giữ chức Bí thư Huyện ủy Lục Ngạn
Chiều 28/6/2025, Ban Thường vụ Tỉnh ủy Bắc Giang tổ chức hội nghị công bố quyết định trước ngày 15/6 về công tác cán bộ.
Theo đó, Ban Thường vụ Tỉnh ủy chỉ định đồng chí Lâm Văn Hòa giữ chức Bí thư Huyện ủy Lục Ngạn. Ông Hòa quê ở tỉnh Nghệ An.
"""


def test_explain_gives_each_fact_its_sentence_rule_and_losing_candidates(tmp_path):
    article = tmp_path / "bai.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run_cli("explain", str(article))  # `partyorg-site explain`, in this process
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "date:         2025-06-28 (day, year from text)" in out
    assert "'Chiều 28/6/2025' chosen" in out
    assert "Nghệ An: a mention in a person's biography or career, not counted" in out
    assert "Bắc Giang chosen" in out
    decision = out[out.index("appointment:"):]
    assert decision.startswith("appointment:  Lâm Văn Hòa: chỉ định (post Bí thư Huyện ủy Lục Ngạn; by Ban Thường vụ Tỉnh ủy; "
                               "date 2025-06-28)")
    assert "rule: named after 'chỉ định'; dated the day of the meeting that announced it (Hội nghị công bố quyết định" in decision
    assert 'from: "Theo đó, Ban Thường vụ Tỉnh ủy chỉ định đồng chí Lâm Văn Hòa' in decision


def test_explain_names_a_file_it_cannot_read_and_goes_on(tmp_path):
    empty, article = tmp_path / "rong.txt", tmp_path / "bai.txt"
    empty.write_bytes(b"")
    article.write_text(ARTICLE, encoding="utf-8")
    result = run_cli("explain", str(empty), str(article))
    assert result.returncode == 1
    assert "rong.txt" in result.stderr
    assert "appointment:" in result.stdout


def test_explain_gives_a_reason_repeated_once_with_its_count(tmp_path):
    article = tmp_path / "bai.txt"
    article.write_text("Tỉnh ủy Bắc Giang họp\nSáng 5/1, Tỉnh ủy Bắc Giang họp. Ông An quê ở tỉnh Nghệ An."
                       " Bà Bình quê ở tỉnh Nghệ An. Ông Cường quê ở tỉnh Nghệ An.\n", encoding="utf-8")
    out = run_cli("explain", str(article)).stdout
    assert out.count("Nghệ An: a mention in a person's biography or career, not counted") == 1
    assert "Nghệ An: a mention in a person's biography or career, not counted (3 times)" in out


def test_explain_tells_a_printed_stamp_from_the_day_a_crawl_filed_the_page_under(tmp_path):
    filed, stamped = tmp_path / "filed.txt", tmp_path / "stamped.txt"
    filed.write_text(" date 2025-06-28 " + ARTICLE, encoding="utf-8")
    stamped.write_text(ARTICLE.replace("\n", "\n28/06/2025 22:58 GMT+7\n", 1), encoding="utf-8")
    out = run_cli("explain", str(filed), str(stamped)).stdout
    filed_part, stamped_part = out.split("published:")[1], out.split("published:")[2]
    assert filed_part.split("\n")[0].strip() == "2025-06-28"
    assert "the day a crawl filed the page under" in filed_part.split("\n")[1]
    assert stamped_part.split("\n")[0].strip() == "2025-06-28T22:58"
    assert "the page's printed stamp" in stamped_part.split("\n")[1]
