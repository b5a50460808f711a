"""The published database (data/archive.sqlite): what it holds agrees with the site, the
README's queries give the right answers, and identical builds give identical bytes."""
from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ARTICLES, ROOT, read_yaml
from sitebuild import build, build_process, run_cli, site_records

DATABASE = Path("data") / "archive.sqlite"
CASES = read_yaml(ROOT / "tests" / "cases" / "database.yaml")


def readme_queries() -> list[str]:
    """The SQL blocks of the README's section on the database."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### The database: `data/archive.sqlite`", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sql\n(.*?)```", section, re.S)


def connect(site: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{site / DATABASE}?mode=ro", uri=True)


def built(output: Path, articles: Path = ARTICLES, *extra: str) -> Path:
    result = build(output, articles, *extra)
    assert result.returncode == 0, result.stderr
    return output


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory) -> Path:
    return built(tmp_path_factory.mktemp("seeds") / "_site")


@pytest.fixture(scope="module")
def invented_site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("invented")
    (folder / "articles").mkdir()
    for name, front_matter in CASES["articles"].items():
        text = yaml.safe_dump(front_matter, allow_unicode=True, sort_keys=False)
        (folder / "articles" / name).write_text(f"---\n{text}---\n{CASES['body']}\n", encoding="utf-8")
    return built(folder / "_site", folder / "articles")


def pages(site: Path, section: str) -> int:
    """The section's term pages: not its numbered pages, nor the officials' index by family name."""
    return sum(1 for path in (site / section).iterdir() if path.is_dir() and path.name not in ("trang", "theo-ho"))


def test_counts_agree_with_the_site(seed_site):
    records = site_records(seed_site)
    with connect(seed_site) as db:
        count = {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                 for table in ("articles", "officials", "documents", "provinces", "meetings", "titles", "citations",
                               "appointments")}
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert [row[0] for row in db.execute("SELECT slug FROM articles ORDER BY id")] == [r["slug"] for r in records]
    assert count["articles"] == len(records) == 5
    assert count["officials"] == pages(seed_site, "can-bo") > 0
    assert count["documents"] == pages(seed_site, "van-ban") > 0
    assert count["provinces"] == pages(seed_site, "tinh") > 0
    assert count["meetings"] == pages(seed_site, "hoi-nghi") > 0
    assert count["titles"] == sum(len(o["titles"]) for r in records for o in r["officials"])
    assert count["citations"] == sum(len({d["key"] for d in r["documents"]}) for r in records)
    assert count["appointments"] == sum(len(r["appointments"]) for r in records)


def test_the_readme_shows_five_queries_and_each_answers_right(invented_site):
    queries = readme_queries()
    assert len(queries) == len(CASES["answers"]) == 5
    with connect(invented_site) as db:
        for query, answer in zip(queries, CASES["answers"]):
            assert [list(row) for row in db.execute(query)] == answer, query.splitlines()[0]


def test_the_readme_queries_run_on_real_records(seed_site):
    with connect(seed_site) as db:
        results = [db.execute(query).fetchall() for query in readme_queries()]
    assert results[1] == [("Bình Dương", 1)]  # the one seed citing 18-NQ/TW
    assert results[3] and results[4]


def test_appointments_point_to_the_official_where_the_article_names_them(invented_site):
    with connect(invented_site) as db:
        linked = dict(db.execute("SELECT p.name, o.name FROM appointments AS p "
                                 "LEFT JOIN officials AS o ON o.id = p.official_id"))
    assert linked == {"Trần Văn Hòa": "Trần Văn Hòa", "Phan Văn Tâm": None, "Hồ Văn Bình": None}


def test_two_printings_of_one_name_are_one_person_with_every_title(invented_site):
    with connect(invented_site) as db:
        person = db.execute("SELECT id, name, other_spellings FROM officials WHERE name = 'Lê Thị Mai'").fetchone()
        titles = db.execute("SELECT t.title FROM titles AS t JOIN articles AS a ON a.id = t.article_id "
                            "WHERE t.official_id = ? AND a.date = '2017-12-01' ORDER BY t.position",
                            (person[0],)).fetchall()
    assert person[1:] == ("Lê Thị Mai", "LÊ THỊ MAI")
    assert titles == [("Trưởng Ban Tổ chức Tỉnh ủy",), ("Ủy viên Ban Thường vụ Tỉnh ủy",)]


def test_two_builds_give_identical_bytes_and_fixed_header_fields(seed_site, tmp_path):
    # in a process of its own (its own hash seed), as seed_site was built in this one
    result = build_process(tmp_path / "again", ARTICLES, "--clean")
    assert result.returncode == 0, result.stderr
    again = tmp_path / "again"
    data = (seed_site / DATABASE).read_bytes()
    assert (again / DATABASE).read_bytes() == data
    assert data[:16] == b"SQLite format 3\0" and data[18:20] == b"\x01\x01"  # rollback journal, not WAL
    with connect(seed_site) as db:
        assert db.execute("PRAGMA application_id").fetchone()[0] == 0x506F7267
        assert db.execute("PRAGMA user_version").fetchone()[0] == 1
        assert db.execute("PRAGMA page_size").fetchone()[0] == 4096
        assert db.execute("PRAGMA freelist_count").fetchone()[0] == 0  # compacted
        columns = [row[1] for row in db.execute("PRAGMA table_info(articles)")]
    assert "body" not in columns  # bodies only when site.yaml asks for them


@pytest.mark.skipif(shutil.which("sqlite3") is None, reason="the sqlite3 shell is not installed")
def test_the_sqlite3_shell_opens_it(seed_site):
    result = subprocess.run(["sqlite3", "-readonly", str(seed_site / DATABASE),
                             "SELECT count(*) FROM article_list; PRAGMA integrity_check;"],
                            capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.split() == ["5", "ok"], result.stderr


def test_bodies_and_full_text_when_the_setting_asks(seed_site, tmp_path):
    """`database_bodies: true` adds each article's body, searchable with FTS5; switching the
    setting on makes the next (incremental) build write the database again, and it is then
    the database a clean build with the setting makes."""
    output = tmp_path / "_site"
    shutil.copytree(seed_site, output)
    config = tmp_path / "site.yaml"
    config.write_text(yaml.safe_dump({"database_bodies": True, "templates": str(ROOT / "templates"),
                                      "static": str(ROOT / "static"), "articles": str(ARTICLES)}), encoding="utf-8")
    for folder, extra in ((output, ()), (tmp_path / "clean", ("--clean",))):
        result = run_cli("build", "--config", str(config), "--output", str(folder), *extra)
        assert result.returncode == 0, result.stderr
    assert (output / DATABASE).read_bytes() == (tmp_path / "clean" / DATABASE).read_bytes()
    records = {r["slug"]: r for r in site_records(output)}
    with connect(output) as db:
        bodies = dict(db.execute("SELECT slug, body FROM articles"))
        # how Datasette finds a table's full-text index (and then offers a search box on it)
        assert db.execute("""SELECT name FROM sqlite_master WHERE rootpage = 0
                             AND sql LIKE '%VIRTUAL TABLE%USING FTS%content="articles"%'""").fetchall() \
            == [("articles_fts",)]
        found = [row[0] for row in db.execute(
            "SELECT a.slug FROM articles_fts JOIN articles AS a ON a.id = articles_fts.rowid "
            "WHERE articles_fts MATCH 'sat hach' ORDER BY rank")]
    with sqlite3.connect(output / DATABASE) as db:  # the index agrees with the table it indexes
        db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    assert bodies == {slug: "\n\n".join(r["body"]) for slug, r in records.items()}
    assert found and all("sát hạch" in (records[slug]["title"] + bodies[slug]).lower() for slug in found)

