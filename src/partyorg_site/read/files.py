"""files: the article files under a folder, found and read safely.

The archive's folder is walked with os.scandir (one directory read gives every entry's
kind; pathlib's rglob and relative_to cost 0.8 s of a 10,000-file rebuild). A file is
named by its path under the folder, with "/" on every system: the name it is reported,
cached and sorted by. Links to folders are not followed; a link to a file is read only if
it leads inside the folder.
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from partyorg_site.errors import Problem

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")
MAX_ARTICLE_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class ArticleFile:
    name: str  # "2019/giao-ban.txt": the path under the articles folder
    path: str
    # what says whether it changed since it was last read, without reading it: size,
    # modification and change times (the latter no tool can set back), inode
    signature: tuple[int, int, int, int]


def scan(folder: Path) -> tuple[list[ArticleFile], list[Problem]]:
    """Every article file under `folder`, sorted by name, and a problem for each entry
    with an article's name that cannot be one (a folder, a link leading out, an unreadable
    or oversized file)."""
    root = os.path.realpath(folder)
    files: list[ArticleFile] = []
    problems: list[Problem] = []
    pending = [(str(folder), "")]
    while pending:
        directory, prefix = pending.pop()
        try:
            entries = list(os.scandir(directory))
        except OSError as exc:
            problems.append(Problem(prefix.rstrip("/") or ".", f"folder cannot be read: {exc.strerror or exc}"))
            continue
        for entry in entries:
            name = prefix + entry.name
            is_article = os.path.splitext(entry.name)[1].lower() in ARTICLE_SUFFIXES
            if entry.is_dir(follow_symlinks=False):
                if is_article:
                    problems.append(Problem(name, "is a directory, not an article file"))
                pending.append((entry.path, name + "/"))
                continue
            if is_article:
                found = _article(name, entry.path, entry.is_symlink(), root)
                (problems if isinstance(found, Problem) else files).append(found)
    files.sort(key=lambda file: file.name)
    return files, problems


def rescan(folder: Path, files: list[ArticleFile], problems: list[Problem], names: set[str]
           ) -> tuple[list[ArticleFile], list[Problem]] | None:
    """`scan`'s answer brought up to date for the named files only (the watcher's list of
    what changed), or None where only a whole scan can tell (a folder, a file that is not
    an article): serve rebuilds without walking 10,000 files."""
    by_name = {file.name: file for file in files}
    kept = [problem for problem in problems if problem.file not in names]
    root = os.path.realpath(folder)
    for name in names:
        if os.path.splitext(name)[1].lower() not in ARTICLE_SUFFIXES:
            return None
        path = os.path.join(folder, *name.split("/"))
        by_name.pop(name, None)
        if not os.path.lexists(path):
            continue  # deleted
        if os.path.isdir(path):
            return None
        found = _article(name, path, os.path.islink(path), root)
        if isinstance(found, Problem):
            kept.append(found)
        else:
            by_name[name] = found
    return sorted(by_name.values(), key=lambda file: file.name), kept


def _article(name: str, path: str, is_link: bool, root: str) -> ArticleFile | Problem:
    """The article file at `path`, or why it cannot be read: a link leading out of the
    folder, an unreadable file, a folder, an oversized file."""
    if is_link:
        real = os.path.realpath(path)
        if not real.startswith(root + os.sep):
            return Problem(name, f"is a link to {real}, outside the articles folder; not read")
    try:
        info = os.stat(path)
    except OSError as exc:
        return Problem(name, f"cannot be read: {exc.strerror or exc}")
    return kind_problem(name, info) or ArticleFile(name, path, (info.st_size, info.st_mtime_ns,
                                                                info.st_ctime_ns, info.st_ino))


def kind_problem(name: str, info: os.stat_result) -> Problem | None:
    """A folder, or a file too large to be an article."""
    if stat.S_ISDIR(info.st_mode):
        return Problem(name, "is a directory, not an article file")
    if info.st_size > MAX_ARTICLE_BYTES:
        return Problem(name, f"file is {info.st_size / 1e6:.0f} MB; articles over "
                             f"{MAX_ARTICLE_BYTES / 1e6:.0f} MB are skipped")
    return None


def read_file(file: ArticleFile) -> bytes | Problem:
    try:
        return Path(file.path).read_bytes()
    except OSError as exc:
        return Problem(file.name, f"cannot be read: {exc.strerror or exc}")
