"""site/beside: work done in a forked process next to the build, and the builds that use it."""
from __future__ import annotations

import datetime
import os
import time

import pytest

from sitebuild import clean_site, run_cli, tree_digest

from partyorg_site.site.beside import Beside

SEED_004 = "004_cc8540ba98ff9182.txt"


def test_the_childs_result_and_exception_come_back():
    assert Beside(lambda: {"a": [1, 2]}).result() == {"a": [1, 2]}

    def fails():
        raise ValueError("in the child")
    with pytest.raises(ValueError, match="in the child"):
        Beside(fails).result()


def test_a_child_that_dies_without_a_result_is_an_error_not_a_hang():
    with pytest.raises(ChildProcessError):
        Beside(lambda: os._exit(3)).result()


def test_an_abandoned_child_is_stopped():
    other = Beside(lambda: time.sleep(30))
    pid = other.pid
    started = time.monotonic()
    other.abandon()
    assert time.monotonic() - started < 5
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # reaped, not a zombie


def test_a_newest_article_built_beside_is_a_clean_builds_site(project, tmp_path_factory, monkeypatch):
    """With two jobs, a build extracts a new article in a forked process while it reads the
    cached records, and makes the archive-wide files (records file, search index, database,
    feeds) in one while it makes the pages: the site is the clean build's, byte for byte."""
    import partyorg_site.pipeline as pipeline

    used = []

    class Counted(Beside):
        def __init__(self, work):
            used.append(work)
            super().__init__(work)

    monkeypatch.setattr(pipeline, "Beside", Counted)
    assert run_cli("build", "-j", "2", cwd=project).returncode == 0
    assert used == []  # no previous site: every page is rendered, by every core (and 5 articles extracted here)
    body = (project / "articles" / SEED_004).read_text(encoding="utf-8").split("\n", 2)[2]
    day = datetime.date.today() - datetime.timedelta(days=1)
    (project / "articles" / "new.txt").write_text(
        f"Hội nghị giao ban mới\nNgày {day.day}/{day.month}/{day.year}, Tỉnh ủy Nghệ An tổ chức hội nghị giao "
        f"ban về từ khóa riêng.\n{body}", encoding="utf-8")
    used.clear()
    result = run_cli("build", "-j", "2", cwd=project)
    assert result.returncode == 0, result.stderr
    assert len(used) == 2  # the new article's extraction, and the archive-wide files
    assert tree_digest(project / "_site") == clean_site(project, tmp_path_factory.mktemp("clean"))
    used.clear()
    assert run_cli("build", "-j", "2", cwd=project).returncode == 0
    assert used == []  # nothing changed: nothing to make beside
