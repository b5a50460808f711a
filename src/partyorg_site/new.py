"""new: start a Markdown article with front matter for the editor to fill in."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from partyorg_site.config import load_config
from partyorg_site.errors import ArticleError
from partyorg_site.vietnamese import slug

TEMPLATE = """---
title: {title_yaml}
date: {date}            # the event's date: YYYY-MM-DD, YYYY-MM or YYYY
# province: Phú Thọ     # the province the article reports from (leave out for a national story)
# outlet: Báo Phú Thọ
# published: {date}T08:00
# meeting: {{kind: giao ban, date: {date}}}   # giao ban, tổng kết, sơ kết, hội nghị, đại hội, hội thảo, tập huấn
# officials:
#   - {{name: Nguyễn Văn A, titles: [Bí thư Tỉnh ủy]}}
# documents:
#   - {{kind: Nghị quyết, number: 18, symbol: 18-NQ/TW, date: 2017-10-25}}
---
Sáng {day}/{month}, ...

Anything the front matter leaves out is extracted from the text, as for scraped articles.
"""


def new(args: argparse.Namespace) -> int:
    try:
        config = load_config(args.config)
    except ArticleError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    day = dt.date.fromisoformat(args.date) if args.date else dt.date.today()
    name = slug(args.title, 80) or "bai-viet"
    path = config.path("articles") / f"{day.isoformat()}-{name}.md"
    if path.exists():
        print(f"error: {path} already exists; articles are never overwritten", file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    title_yaml = json.dumps(args.title, ensure_ascii=False)  # a quoted YAML string, whatever it contains
    path.write_text(TEMPLATE.format(title_yaml=title_yaml, date=day.isoformat(), day=day.day, month=day.month),
                    encoding="utf-8")
    print(path)
    return 0
