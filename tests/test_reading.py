"""Reading an article: crossheads set as headings, captions printed where they stood (beside
the paragraph after them on a wide screen), and a facts box heading the page with the
date and its source, the province, officials with titles, documents, the meeting and the
personnel decisions. On invented articles."""
from __future__ import annotations

import re

import pytest

from conftest import ROOT, case_ids, cases
from partyorg_site.archive.taxonomies import Archive
from partyorg_site.config import SiteConfig
from partyorg_site.loader import load_bytes
from partyorg_site.site.render import Renderer
from partyorg_site.site.views.reading import blocks, is_crosshead


@pytest.mark.parametrize("case", cases("crossheads"), ids=case_ids("crossheads"))
def test_a_crosshead_is_a_short_line_heading_a_longer_paragraph(case):
    assert is_crosshead(case["text"], case["following"]) is case["crosshead"]


def test_captions_stand_before_the_paragraph_that_followed_them():
    body = ["Mở đầu bài viết dài.", "Nhiều cách làm hay", "Đoạn thân bài thứ nhất, khá dài để đi sau tiêu đề mục.", "Kết."]
    placed = blocks(body, ["Ảnh một.", "Ảnh hai.", "Ảnh cuối."], [0, 2, 4])
    assert [(b.kind, b.text) for b in placed] == [
        ("caption", "Ảnh một."), ("paragraph", body[0]), ("crosshead", body[1]), ("caption", "Ảnh hai."),
        ("paragraph", body[2]), ("paragraph", body[3]), ("caption", "Ảnh cuối.")]
    # the lead is never a crosshead, and captions of unknown place are not placed
    assert [b.kind for b in blocks(["Nhiều cách làm hay", body[2]], ["Ảnh."], None)] == ["paragraph", "paragraph"]


ARTICLE = """---
title: Trao quyết định điều động, bổ nhiệm cán bộ
date: 2025-07-01
province: Tuyên Quang
officials:
  - {name: Đỗ Văn Ưng, titles: [Giám đốc Sở Nội vụ]}
  - {name: Đặng Thị Ánh, titles: [Phó Chủ tịch UBND tỉnh]}
appointments:
  - {name: Đỗ Văn Ưng, action: điều động, post: Giám đốc Sở Nội vụ, date: 2025-07-01, by: Ban Thường vụ Tỉnh ủy}
  - {name: Lê Văn Bình, action: nghỉ hưu}
---

Sáng 1/7, Ban Thường vụ Tỉnh ủy tổ chức hội nghị công bố quyết định về công tác cán bộ. Đồng chí Đặng Thị Ánh trao quyết định cho đồng chí Đỗ Văn Ưng.

![Đồng chí Đặng Thị Ánh trao quyết định cho đồng chí Đỗ Văn Ưng.](anh.jpg)

## Tiếp tục đổi mới công tác cán bộ

Phát biểu tại hội nghị, đồng chí Đặng Thị Ánh đề nghị đồng chí Đỗ Văn Ưng cùng tập thể Sở hoàn thành tốt nhiệm vụ được giao.
"""


@pytest.fixture(scope="module")
def article_page() -> str:
    record = load_bytes("2025-07-01-trao-quyet-dinh.md", ARTICLE.encode("utf-8"))
    config = SiteConfig(root=ROOT)
    renderer = Renderer(Archive.build([record]), config, config.path("templates"))
    return renderer.render(renderer.article_page(0))


def test_the_facts_box_heads_the_page_with_the_personnel_decisions(article_page):
    facts = re.search(r'<dl class="facts".*?</dl>', article_page, re.S).group()
    assert article_page.index('<dl class="facts"') < article_page.index('<div class="body">')
    text = re.sub(r"<[^>]+>", "", facts)
    assert "1/7/2025 (do biên tập ghi)" in text and "Tuyên Quang" in text
    assert "Đỗ Văn Ưng, Giám đốc Sở Nội vụ" in text and "Đặng Thị Ánh, Phó Chủ tịch UBND tỉnh" in text
    assert "Nhân sự" in text
    assert "Đỗ Văn Ưng: điều động Giám đốc Sở Nội vụ (1/7/2025; Ban Thường vụ Tỉnh ủy)" in text
    assert "Lê Văn Bình: nghỉ hưu" in text
    # a person of the article is linked to their page; one the article names only in a decision is not
    assert '<a href="../../can-bo/do-van-ung/">Đỗ Văn Ưng</a>: <strong>điều động' in facts
    assert "<li>Lê Văn Bình: <strong>nghỉ hưu</strong>" in facts


def test_the_body_has_its_crosshead_and_the_caption_where_it_stood(article_page):
    body = re.search(r'<div class="body">(.*?)</div>', article_page, re.S).group(1)
    kinds = re.findall(r'<(p class="caption"|h2 class="crosshead"|p)>', body)
    assert kinds == ["p", 'p class="caption"', 'h2 class="crosshead"', "p"]
    assert '<h2 class="crosshead">Tiếp tục đổi mới công tác cán bộ</h2>' in body
    assert "Chú thích ảnh" not in article_page.split('<div class="body">')[1].split("</div>")[1]  # no list apart


def test_a_long_list_of_facts_folds_after_three():
    text = ARTICLE.replace("officials:\n", "officials:\n" + "".join(
        f"  - {{name: Nguyễn Văn {given}, titles: [Bí thư Chi bộ]}}\n" for given in ("An", "Bình", "Cường")))
    record = load_bytes("nhieu.md", text.encode("utf-8"))
    config = SiteConfig(root=ROOT)
    renderer = Renderer(Archive.build([record]), config, config.path("templates"))
    page = renderer.render(renderer.article_page(0))
    officials = re.search(r"<dt>Cán bộ</dt><dd>(.*?)</dd>", page, re.S).group(1)
    assert officials.count("<li>") == 5 and "<summary>và 2 người khác</summary>" in officials
    assert officials.index("<details>") > officials.index("Nguyễn Văn Cường")


def test_the_loaders_spans_land_on_each_name_in_its_paragraph_and_survive_the_cache(tmp_path):
    from conftest import ARTICLES
    from partyorg_site.archive.cache import RecordCache
    from partyorg_site.site.views.reading import spans_by_paragraph

    cache, placed = RecordCache(tmp_path), 0
    for path in sorted(ARTICLES.glob("*.txt")):
        record = load_bytes(path.name, path.read_bytes())
        assert record.caption_after is not None and len(record.caption_after) == len(record.captions)
        found = spans_by_paragraph(record.body, record.captions, record.caption_after,
                                   [(o.spans, o.name) for o in record.officials])
        for index, spans in found.items():
            for start, end, name in spans:
                assert record.body[index][start:end] == name
                placed += 1
        cache.put(path.name, record)
        cache.flush()
        again = RecordCache(tmp_path).get(path.name)
        assert [o.spans for o in again.officials] == [o.spans for o in record.officials]
        assert [d.spans for d in again.documents] == [d.spans for d in record.documents]
        assert again.caption_after == record.caption_after
    assert placed >= 10
