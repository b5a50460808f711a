"""Finding the article files: a whole scan, and serve's rescan of the files the watcher
named, which must agree with it."""
from __future__ import annotations

import os

import pytest

from partyorg_site.read.files import MAX_ARTICLE_BYTES, rescan, scan


def names(scanned):
    files, problems = scanned
    return [(f.name, f.signature[0]) for f in files], sorted((p.file, p.message) for p in problems)


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "2019").mkdir()
    (tmp_path / "a.txt").write_text("một", encoding="utf-8")
    (tmp_path / "2019" / "b.md").write_text("hai", encoding="utf-8")
    (tmp_path / "notes.doc").write_text("không phải bài", encoding="utf-8")
    (tmp_path / "folder.txt").mkdir()
    return tmp_path


def test_scan_finds_articles_by_suffix_and_names_them_under_the_folder(folder):
    files, problems = scan(folder)
    assert [f.name for f in files] == ["2019/b.md", "a.txt"]
    assert [(p.file, p.message) for p in problems] == [("folder.txt", "is a directory, not an article file")]


@pytest.mark.parametrize("change", ["edit", "add", "delete", "add-in-subfolder", "too-big", "link-out"])
def test_a_rescan_of_the_changed_files_agrees_with_a_whole_scan(folder, tmp_path_factory, change):
    before = scan(folder)
    name = {"edit": "a.txt", "add": "c.txt", "delete": "2019/b.md", "add-in-subfolder": "2019/d.markdown",
            "too-big": "big.txt", "link-out": "link.txt"}[change]
    path = folder / name
    if change == "delete":
        path.unlink()
    elif change == "too-big":
        path.write_bytes(b"x" * (MAX_ARTICLE_BYTES + 1))
    elif change == "link-out":
        outside = tmp_path_factory.mktemp("outside") / "secret.txt"
        outside.write_text("bí mật", encoding="utf-8")
        path.symlink_to(outside)
    else:
        path.write_text("nội dung mới, dài hơn", encoding="utf-8")
    assert names(rescan(folder, *before, {name})) == names(scan(folder))


def test_a_rescan_gives_way_to_a_scan_for_folders_and_other_files(folder):
    before = scan(folder)
    (folder / "2020").mkdir()
    assert rescan(folder, *before, {"2020"}) is None
    assert rescan(folder, *before, {"notes.doc"}) is None
    os.rmdir(folder / "folder.txt")
    (folder / "folder.txt").mkdir()
    assert rescan(folder, *before, {"folder.txt"}) is None
