"""build: articles/ -> _site/, read top to bottom.

    discover -> load (read, clean, extract) -> resolve -> archive -> render -> write

A bad file becomes a Problem and the rest of the archive still builds; the site is
swapped in only when every page has been written.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from partyorg_site import urls
from partyorg_site.archive import Archive
from partyorg_site.config import SiteConfig, load_config
from partyorg_site.errors import ArticleError, Problem
from partyorg_site.loader import article_paths, load_file
from partyorg_site.models import Record
from partyorg_site.render import Renderer
from partyorg_site.resolve import assign_unique_slugs
from partyorg_site.write import OutputError, SiteWriter


@dataclass
class Loaded:
    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0


def discover(folder: Path) -> tuple[list[Path], list[Problem]]:
    """Article files under `folder`; a link that leads outside it is refused, not followed."""
    root = folder.resolve()
    paths, problems = [], []
    for path in article_paths(folder):
        name = path.relative_to(folder).as_posix()
        if path.is_symlink() or any(p.is_symlink() for p in path.relative_to(folder).parents if str(p) != "."):
            real = path.resolve()
            if root not in real.parents:
                problems.append(Problem(name, f"is a link to {real}, outside the articles folder; not read"))
                continue
        paths.append(path)
    return paths, problems


def load_archive(folder: Path, verbose: bool = False) -> Loaded:
    loaded = Loaded()
    if not folder.is_dir():
        raise ArticleError(f"{folder}: articles folder not found")
    paths, loaded.problems = discover(folder)
    loaded.files = len(paths)
    for path in paths:
        if verbose:
            print(f"reading {path}", file=sys.stderr)
        result = load_file(path, folder)
        (loaded.problems if isinstance(result, Problem) else loaded.records).append(result)
    loaded.problems.extend(assign_unique_slugs(loaded.records))
    return loaded


def build_site(config: SiteConfig, loaded: Loaded) -> int:
    """Render and write the site; returns the number of files written."""
    archive = Archive.build(loaded.records)
    renderer = Renderer(archive, config, config.path("templates"))
    writer = SiteWriter(config.path("output"))
    try:
        sitemap_paths = []
        for page in renderer.pages():
            writer.write(urls.output_file(page.path), renderer.render(page))
            if page.in_sitemap:
                sitemap_paths.append(page.path)
        for path, content in renderer.extra_files(sitemap_paths):
            writer.write(path, content)
        writer.copy_tree(config.path("static"), "static/")
        writer.commit()
    except BaseException:
        writer.abort()
        raise
    return len(writer.written)


def report(problems: list[Problem]) -> None:
    for problem in sorted(problems, key=lambda p: (p.file, p.line or 0)):
        suffix = " (warning)" if problem.kind == "warning" else ""
        print(f"{problem}{suffix}", file=sys.stderr)


def build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    try:
        config = load_config(args.config, {"articles": args.articles, "output": args.output,
                                           "base_url": args.base_url, "site_url": getattr(args, "site_url", None)})
        loaded = load_archive(config.path("articles"), verbose=args.verbose)
        written = build_site(config, loaded)
    except (ArticleError, OutputError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    report(loaded.problems)
    if not args.quiet:
        errors = sum(p.kind == "error" for p in loaded.problems)
        warnings = len(loaded.problems) - errors
        print(f"{loaded.files} files read, {len(loaded.records)} articles, {errors} problems, {warnings} warnings; "
              f"{written} files written to {os.path.relpath(config.path('output'))} "
              f"in {time.perf_counter() - started:.2f} s", file=sys.stderr)
    return 1 if args.strict and loaded.problems else 0
