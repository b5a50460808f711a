"""Article page digests kept in the state database by their inputs (site/page_memo): a
newest article makes only its own page's digest and its neighbour's again, and an old
page whose officials' page keys move (a namesake arrives) is rendered again, as a clean
build has it."""
from __future__ import annotations

import datetime
import sqlite3
import subprocess
import sys

from sitebuild import clean_site, tree_digest


def build(project) -> str:
    result = subprocess.run([sys.executable, "-m", "partyorg_site", "build"], capture_output=True, text=True,
                            cwd=project)
    assert result.returncode == 0, result.stderr
    return result.stderr


def stored(project) -> dict[str, tuple[str, str]]:
    with sqlite3.connect(project / ".partyorg-cache" / "state.sqlite") as connection:
        return {path: (inputs, digest) for path, inputs, digest in
                connection.execute("SELECT path, inputs, digest FROM page_digests")}


def article(day: datetime.date, name: str, number: int) -> str:
    return (f"Hội nghị cán bộ chủ chốt lần {number}\nNgày {day.day}/{day.month}/{day.year}, đồng chí {name}, "
            f"Bí thư Tỉnh ủy Nghệ An, chủ trì hội nghị cán bộ chủ chốt lần {number}.\n"
            "Hội nghị thống nhất các nội dung.\n")


def test_a_newest_article_changes_two_article_digests_and_the_site_is_the_clean_builds(project, tmp_path_factory):
    build(project)
    before = stored(project)
    assert len(before) == 5  # the seeds' article pages
    day = datetime.date.today() - datetime.timedelta(days=1)
    (project / "articles" / "new.txt").write_text(article(day, "Nguyễn Văn Bình", 1), encoding="utf-8")
    build(project)
    after = stored(project)
    changed = {path for path in after if before.get(path) != after[path]}
    assert len(after) == 6 and len(changed) == 2  # the new page, and the page that was the newest
    assert tree_digest(project / "_site") == clean_site(project, tmp_path_factory.mktemp("clean"))


def test_a_namesake_moves_an_old_pages_links_as_a_clean_build_does(project, tmp_path_factory):
    articles = project / "articles"
    (articles / "old.txt").write_text(article(datetime.date(2001, 3, 10), "Nguyễn Văn Ân", 1), encoding="utf-8")
    build(project)
    page = project / "_site" / "bai-viet" / "hoi-nghi-can-bo-chu-chot-lan-1" / "index.html"
    assert "can-bo/nguyen-van-an/" in page.read_text(encoding="utf-8")
    # "Nguyễn Văn An" sorts before "Nguyễn Văn Ân": the new one takes the plain key
    (articles / "new.txt").write_text(article(datetime.date.today() - datetime.timedelta(days=1), "Nguyễn Văn An", 2),
                                      encoding="utf-8")
    build(project)
    assert "can-bo/nguyen-van-an-2/" in page.read_text(encoding="utf-8")
    assert tree_digest(project / "_site") == clean_site(project, tmp_path_factory.mktemp("clean"))
