"""Bad input: a clear `file[:line]: message`, the other articles still extracted."""
from __future__ import annotations

import json
import unicodedata

import pytest

from conftest import ARTICLES
from sitebuild import run_cli

GOOD = ARTICLES / "000_5863303d04c9a417.txt"

BAD = {
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
    "empty.txt": (b"", "empty file"),
    "spaces.txt": (b"  \n\t\n", "empty file"),
    "latin.txt": ("Tin mới về hội nghị\n".encode("utf-8") + b"\xe1\xbb caf\xc3", "not valid UTF-8"),
    "open.md": ("---\ntitle: x\nSáng 5/1, hội nghị.\n".encode("utf-8"), "never closed"),
    "yaml.md": ("---\ntitle: [unclosed\n---\nSáng 5/1, hội nghị.\n".encode("utf-8"), "not valid YAML"),
    "unknown.md": ("---\ntitel: x\n---\nSáng 5/1, hội nghị.\n".encode("utf-8"), "unknown front matter key 'titel'"),
    "baddate.md": ("---\ndate: 2019-02-31\n---\nSáng 5/1, hội nghị.\n".encode("utf-8"), "not a date that exists"),
    "bomb.md": ("---\na: &a [x, x]\nb: [*a, *a]\n---\nText.\n".encode("utf-8"), "anchors/aliases"),
}


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def as_windows_1258(text: str) -> str:
    """Windows-1258 writes "ự" as precomposed "ư" plus a combining dot below."""
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in parts if c in TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
        out.append(base + tones)
    return "".join(out).replace("\u00a0", " ").replace("…", "...").replace("“", '"').replace("”", '"')


def extract(*paths):
    """`partyorg-site extract`, run in this process (sitebuild.run_cli): its status, stdout
    and stderr as a process's."""
    return run_cli("extract", *map(str, paths))


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_file_is_reported_and_the_good_one_still_extracted(tmp_path, name):
    data, message = BAD[name]
    bad = tmp_path / name
    bad.write_bytes(data)
    result = extract(bad, GOOD)
    assert result.returncode == 0
    assert f"{name}" in result.stderr and message in result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in records] == [GOOD.name]


def test_line_numbers_point_into_the_file(tmp_path):
    bad = tmp_path / "line.md"
    bad.write_text("---\ntitle: ok\nprovince: [1, 2]\n---\nSáng 5/1, hội nghị.\n", encoding="utf-8")
    result = extract(bad)
    assert "line.md:3: front matter 'province' must be a non-empty text" in result.stderr


def test_exit_status_is_nonzero_only_when_every_file_failed(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    assert extract(bad).returncode == 1


def test_front_matter_overrides_extracted_fields(tmp_path):
    article = tmp_path / "fixed.txt"
    article.write_text("---\ntitle: Tiêu đề đã sửa\ndate: 2019-09\nprovince: Nghệ An\n"
                       "meeting: {kind: sơ kết, date: 2019-09-15}\n---\n" + GOOD.read_text(encoding="utf-8"),
                       encoding="utf-8")
    record = json.loads(extract(article).stdout)
    assert record["title"] == "Tiêu đề đã sửa" and record["title_derived"] is False
    assert (record["date"], record["date_precision"]) == ("2019-09", "month")
    assert record["province"] == "Nghệ An" and record["provinces"][0] == "Nghệ An"
    assert record["meeting"]["kind"] == "sơ kết" and record["meeting"]["key"]


def test_windows_1258_and_crlf_read_like_utf8(tmp_path):
    text = GOOD.read_text(encoding="utf-8")
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(as_windows_1258(text).replace("\n", "\r\n").encode("cp1258"))
    utf8 = json.loads(extract(GOOD).stdout)
    converted = json.loads(extract(legacy).stdout)
    for key in ("title", "date", "province", "officials", "documents"):
        assert converted[key] == utf8[key], key


def test_extract_reads_a_file_of_the_sites_articles_as_the_build_does(tmp_path):
    """`partyorg-site extract articles/2025/x.txt` in a site's folder gives the record the
    build gives: `source` relative to the articles folder, and its year folder dating the
    day the text prints without a year. Outside the articles folder, the file's own folder."""
    (tmp_path / "articles" / "2025").mkdir(parents=True)
    article = tmp_path / "articles" / "2025" / "hop.txt"
    article.write_text("Tỉnh ủy họp\nNgày 9/5, Tỉnh ủy họp bàn công tác cán bộ.\n", encoding="utf-8")
    loose = tmp_path / "hop.txt"
    loose.write_text(article.read_text(encoding="utf-8"), encoding="utf-8")

    inside = json.loads(run_cli("extract", "articles/2025/hop.txt", cwd=tmp_path).stdout)
    assert (inside["source"], inside["date"], inside["date_source"]) == ("2025/hop.txt", "2025-05-09", "path")
    outside = json.loads(run_cli("extract", "hop.txt", cwd=tmp_path).stdout)
    assert (outside["source"], outside["date"]) == ("hop.txt", None)
    rooted = json.loads(run_cli("extract", "--root", "articles", "articles/2025/hop.txt", cwd=tmp_path).stdout)
    assert rooted["source"] == "2025/hop.txt"
