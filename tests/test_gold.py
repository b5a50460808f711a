"""The loader against the hand-labelled gold records of the bundled articles."""
from __future__ import annotations

import json

from conftest import ARTICLES, TESTS
from sitebuild import run_cli

import score

MIN_F1 = 0.98


def test_seed_articles_score_at_least_098_on_every_field(tmp_path):
    out = run_cli("extract", *sorted(map(str, ARTICLES.glob("*.txt"))))  # `partyorg-site extract`, in this process
    assert out.returncode == 0, out.stderr
    records_file = tmp_path / "records.jsonl"
    records_file.write_text(out.stdout, encoding="utf-8")
    fields, problems = score.score(str(TESTS / "gold"), score.load_records(str(records_file)))
    below = {name: round(t.row()[2], 3) for name, t in fields.items() if t.row()[2] < MIN_F1}
    assert not below, (below, problems)


def test_every_record_has_every_schema_field():
    out = run_cli("extract", str(ARTICLES / "000_5863303d04c9a417.txt"))
    assert out.returncode == 0, out.stderr
    record = json.loads(out.stdout)
    assert list(record) == ["source", "slug", "title", "title_derived", "outlet", "published", "date",
                            "date_precision", "date_source", "province", "provinces", "officials", "documents", "meeting", "appointments",
                            "body", "captions"]
