"""The state database (.partyorg-cache/state.sqlite) as hostile input: whatever is found
there, damaged, foreign, of another schema, cut short, read-only or killed mid-write, the
build says so in one line and gives the site a clean build gives, never a traceback."""
from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from sitebuild import clean_site, run_cli, tree_digest

SEED_004 = "004_cc8540ba98ff9182.txt"


def build(project, *extra, env=None) -> subprocess.CompletedProcess:
    """A build in this process (sitebuild.run_cli: its status and output as a process's,
    an uncaught exception a "Traceback"), or, with `env` (a fault to inject: kill -9), a
    real process."""
    if env is None:
        return run_cli("build", *extra, cwd=project)
    return subprocess.run([sys.executable, "-m", "partyorg_site", "build", *extra], capture_output=True, text=True,
                          cwd=project, env=env)


def _cut_short(path):
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 2])


def _drop_table(path):
    with sqlite3.connect(path) as connection:
        connection.execute("DROP TABLE files")


def _other_schema(path):
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA user_version = 99")


def _foreign(path):
    path.unlink()
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
        connection.execute("INSERT INTO notes VALUES ('someone else''s database')")


DAMAGES = {
    "garbage": (lambda path: path.write_bytes(b"\x00\xff garbage " * 5000), "not a database"),
    "empty": (lambda path: path.write_bytes(b""), None),  # an empty file is a new database: nothing to say
    "cut-short": (_cut_short, "cut short|malformed"),  # whichever check sees it first
    "table-missing": (_drop_table, "without its table(s) files"),
    "other-schema": (_other_schema, "schema 99"),
    "foreign": (_foreign, "not a partyorg-site state database"),
}


@pytest.mark.parametrize("damage", DAMAGES, ids=list(DAMAGES))
def test_a_damaged_state_database_is_reported_and_made_anew(project, tmp_path_factory, damage):
    damage_it, message = DAMAGES[damage]
    assert build(project).returncode == 0
    state = project / ".partyorg-cache" / "state.sqlite"
    damage_it(state)
    article = project / "articles" / SEED_004  # edited too: the build must extract it
    article.write_text(article.read_text(encoding="utf-8") + "\nHội nghị kết thúc tốt đẹp.\n", encoding="utf-8")
    result = build(project)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    reports = [line for line in result.stderr.splitlines() if "state.sqlite" in line]
    if message is None:
        assert reports == []
    else:
        assert len(reports) == 1 and reports[0].startswith("warning: "), reports
        assert any(part in reports[0] for part in message.split("|")), reports
        assert "0 from cache, 5 extracted" in result.stderr  # made anew from the articles
    assert tree_digest(project / "_site") == clean_site(project, tmp_path_factory.mktemp("clean"))
    again = build(project)
    assert "5 from cache" in again.stderr and "state.sqlite" not in again.stderr


def test_damage_found_only_while_reading_starts_the_build_again(project, tmp_path_factory, monkeypatch):
    """A damage the opening checks cannot see (a page garbled in the middle) shows when a
    record is read: the build starts again without the database, and publishes only then."""
    assert build(project).returncode == 0
    state = project / ".partyorg-cache" / "state.sqlite"
    with sqlite3.connect(state) as connection:
        root, = connection.execute("SELECT rootpage FROM sqlite_schema WHERE name = 'records'").fetchone()
        size, = connection.execute("PRAGMA page_size").fetchone()
    data = bytearray(state.read_bytes())
    data[(root - 1) * size:root * size] = b"\xff" * size  # the records table's root page
    state.write_bytes(bytes(data))
    (project / "articles" / SEED_004).touch()
    result = build(project)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert len([line for line in result.stderr.splitlines() if "state.sqlite" in line]) == 1
    assert tree_digest(project / "_site") == clean_site(project, tmp_path_factory.mktemp("clean"))


def test_a_read_only_state_database_is_reported_and_the_build_goes_on(project, tmp_path_factory, monkeypatch,
                                                                      capsys):
    """Opened read-only (as SQLite does for a file it may not write), the database is
    neither written nor deleted: the build keeps its state in memory and says so."""
    from partyorg_site.archive import state as state_module
    from partyorg_site.cli import main

    assert build(project).returncode == 0
    state = project / ".partyorg-cache" / "state.sqlite"
    before = state.read_bytes()
    real_connect = state_module.State._connect

    def read_only(where):
        if where == ":memory:":
            return real_connect(where)
        return sqlite3.connect(f"file:{where}?mode=ro", uri=True, isolation_level=None, check_same_thread=False)

    monkeypatch.setattr(state_module.State, "_connect", staticmethod(read_only))
    monkeypatch.chdir(project)
    (project / "articles" / SEED_004).touch()
    assert main(["build", "--quiet"]) == 0
    reports = [line for line in capsys.readouterr().err.splitlines() if "state.sqlite" in line]
    assert len(reports) == 1 and "read-only" in reports[0], reports
    assert state.read_bytes() == before
    assert tree_digest(project / "_site") == clean_site(project, tmp_path_factory.mktemp("clean"))


def test_a_build_killed_inside_a_state_write_leaves_the_old_site_and_a_usable_state(project, tmp_path_factory):
    """kill -9 inside the state database's last transaction (PARTYORG_FAULT=mid-state): the
    site is the previous one, byte for byte; the database opens without a word, and the next
    build gives the clean build's site."""
    import os
    import signal
    assert build(project).returncode == 0
    old = tree_digest(project / "_site")
    article = project / "articles" / SEED_004
    article.write_text(article.read_text(encoding="utf-8") + "\nHội nghị kết thúc tốt đẹp.\n", encoding="utf-8")
    killed = build(project, env={**os.environ, "PARTYORG_FAULT": "mid-state"})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert tree_digest(project / "_site") == old
    result = build(project)
    assert result.returncode == 0 and "state.sqlite" not in result.stderr, result.stderr
    assert tree_digest(project / "_site") == clean_site(project, tmp_path_factory.mktemp("clean"))
