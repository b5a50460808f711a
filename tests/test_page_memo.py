"""Page digests kept in the state database by their inputs (site/page_memo): a newest
article makes only its own page's digest and its neighbour's again, and an old page whose
officials' page keys move (a namesake arrives) is rendered again, as a clean build has it;
a term's page follows what articles elsewhere change about the terms it shows."""
from __future__ import annotations

import datetime
import sqlite3

from sitebuild import clean_site, run_cli, tree_digest


def build(project) -> str:
    """A build in this process (sitebuild.run_cli); the clean build it is compared with runs in another."""
    result = run_cli("build", cwd=project)
    assert result.returncode == 0, result.stderr
    return result.stderr


def stored(project, articles_only: bool = True) -> dict[str, tuple[str, str]]:
    """The stored digests: of the article pages (not the listings of bai-viet/), or of all."""
    with sqlite3.connect(project / ".partyorg-cache" / "state.sqlite") as connection:
        return {path: (inputs, digest) for path, inputs, digest in
                connection.execute("SELECT path, inputs, digest FROM page_digests")
                if not articles_only or (path.startswith("bai-viet/") and path != "bai-viet/"
                                         and not path.startswith("bai-viet/trang/"))}


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


def front_matter_article(day: datetime.date, province: str, official: str) -> str:
    return (f"---\ntitle: Hội nghị cán bộ tại {province}\ndate: {day.isoformat()}\nprovince: {province}\n"
            f"provinces: [{province}]\nofficials:\n  - {{name: {official}, titles: [Trưởng Ban Tổ chức Tỉnh ủy]}}\n"
            "---\nHội nghị thống nhất các nội dung.\n")


def test_a_term_page_follows_a_name_changed_by_an_article_elsewhere(project, tmp_path_factory):
    """A province's page lists the officials named in its articles. An article of another
    province prints one of them in another spelling, which becomes the name shown: the
    province's page, none of whose articles changed, shows the new name, as a clean build
    does; a term page none of whose terms changed keeps its stored digest."""
    articles = project / "articles"
    (articles / "old.md").write_text(front_matter_article(datetime.date(2001, 3, 10), "Phú Thọ", "Lê Thị Mai"),
                                     encoding="utf-8")
    build(project)
    before = stored(project, articles_only=False)
    page = project / "_site" / "tinh" / "phu-tho" / "index.html"
    assert "Lê Thị Mai" in page.read_text(encoding="utf-8")
    # one printing each: the first in Unicode order is shown, "LÊ THỊ MAI"
    (articles / "new.md").write_text(front_matter_article(datetime.date.today() - datetime.timedelta(days=1),
                                                          "Hà Giang", "LÊ THỊ MAI"), encoding="utf-8")
    build(project)
    after = stored(project, articles_only=False)
    assert "LÊ THỊ MAI" in page.read_text(encoding="utf-8")
    assert before["tinh/phu-tho/"] != after["tinh/phu-tho/"]
    assert before["tinh/binh-duong/"] == after["tinh/binh-duong/"]  # a seed's province: nothing it shows changed
    assert tree_digest(project / "_site") == clean_site(project, tmp_path_factory.mktemp("clean"))
