"""Invented articles that report personnel decisions, set in front matter (so the pages are
tested whatever the extractor finds), for the site test and the browser test.

What they hold, by person:
- Trần Văn Hùng: appointed 1/7/2025; a later article prints the post (no disagreement).
- Nguyễn Thị Mai: elected 18/6/2025; an article of 10/3/2025 already printed the post.
- Phạm Văn Cường: designated 18/6/2025; no later article prints the post.
- Lê Văn Bình: relieved 1/11/2024; an article of 2025 still prints the post.
- Võ Văn Dũng: disciplined, the decision undated (dated by its article); not an official.
"""
from __future__ import annotations

from pathlib import Path

ARTICLES = {
    "2025-07-02-trao-quyet-dinh.md": """---
title: Trao quyết định bổ nhiệm Giám đốc Công an tỉnh
date: 2025-07-02
province: Nghệ An
officials: [{name: Trần Văn Hùng, titles: [Thiếu tướng]}]
appointments:
  - {name: Trần Văn Hùng, action: bổ nhiệm, post: Giám đốc Công an tỉnh Nghệ An, date: 2025-07-01, by: Bộ trưởng Bộ Công an}
---
Ngày 2/7/2025, lãnh đạo Bộ Công an trao quyết định bổ nhiệm Thiếu tướng Trần Văn Hùng.

Đồng chí Trần Văn Hùng phát biểu nhận nhiệm vụ.
""",
    "2025-08-15-so-ket.md": """---
title: Công an tỉnh sơ kết công tác tháng 8
date: 2025-08-15
province: Nghệ An
officials:
  - {name: Trần Văn Hùng, titles: [Giám đốc Công an tỉnh Nghệ An]}
  - {name: Lê Văn Bình, titles: [Chánh Văn phòng Tỉnh ủy Nghệ An]}
---
Ngày 15/8/2025, Công an tỉnh tổ chức sơ kết công tác tháng 8.
""",
    "2025-03-10-hoi-nghi.md": """---
title: Hội nghị Ban Chấp hành Đảng bộ tỉnh tháng 3
date: 2025-03-10
province: Hà Tĩnh
officials: [{name: Nguyễn Thị Mai, titles: [Bí thư Tỉnh ủy Hà Tĩnh]}]
---
Ngày 10/3/2025, Ban Chấp hành Đảng bộ tỉnh họp hội nghị thường kỳ.
""",
    "2025-06-20-bau-bi-thu.md": """---
title: Bầu Bí thư Tỉnh ủy và chỉ định Ủy viên Ban Thường vụ
date: 2025-06-20
province: Hà Tĩnh
officials:
  - {name: Nguyễn Thị Mai, titles: [Bí thư Tỉnh ủy Hà Tĩnh]}
  - {name: Phạm Văn Cường, titles: [Ủy viên Ban Thường vụ Tỉnh ủy Hà Tĩnh]}
appointments:
  - {name: Nguyễn Thị Mai, action: bầu, post: Bí thư Tỉnh ủy Hà Tĩnh, date: 2025-06-18, by: Ban Chấp hành Đảng bộ tỉnh}
  - {name: Phạm Văn Cường, action: chỉ định, post: Ủy viên Ban Thường vụ Tỉnh ủy Hà Tĩnh, date: 2025-06-18, by: Bộ Chính trị}
---
Ngày 20/6/2025, Tỉnh ủy công bố kết quả bầu Bí thư Tỉnh ủy.
""",
    "2025-09-01-giao-ban.md": """---
title: Giao ban công tác xây dựng Đảng quý III
date: 2025-09-01
province: Hà Tĩnh
officials:
  - {name: Nguyễn Thị Mai, titles: [Bí thư Tỉnh ủy]}
  - {name: Phạm Văn Cường, titles: [Phó Chủ tịch UBND tỉnh]}
appointments:
  - {name: Võ Văn Dũng, action: kỷ luật, post: cảnh cáo, by: Ủy ban Kiểm tra Trung ương}
---
Ngày 1/9/2025, Tỉnh ủy giao ban công tác xây dựng Đảng quý III.
""",
    "2024-11-03-thoi-giu-chuc.md": """---
title: Công bố quyết định về công tác cán bộ
date: 2024-11-03
province: Nghệ An
officials: [{name: Lê Văn Bình, titles: [Chánh Văn phòng Tỉnh ủy Nghệ An]}]
appointments:
  - {name: Lê Văn Bình, action: thôi giữ chức, post: Chánh Văn phòng Tỉnh ủy Nghệ An, date: 2024-11-01, by: Ban Thường vụ Tỉnh ủy}
---
Ngày 3/11/2024, Ban Thường vụ Tỉnh ủy công bố quyết định về công tác cán bộ.
""",
}


def write_articles(folder: Path) -> None:
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
