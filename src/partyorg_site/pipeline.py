"""build: articles/ -> _site/, read top to bottom.

    discover -> load (cached, in worker processes) -> resolve -> archive -> render -> write

A bad file becomes a Problem and the rest of the archive still builds; an unchanged
article comes from the cache; an unchanged page is kept from the previous build; the
site is swapped in only when every file has been written.
"""
from __future__ import annotations

import argparse
import gc
import multiprocessing
import os
import sqlite3
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, TypeVar

from partyorg_site.site import urls
from partyorg_site.archive.taxonomies import Archive
from partyorg_site.archive.cache import RecordCache, content_key
from partyorg_site.archive.state import STATE_FILE, State, warn
from partyorg_site.collector import collector_held
from partyorg_site.config import SiteConfig, load_config
from partyorg_site.errors import ArticleError, Problem
from partyorg_site.read.files import ArticleFile, read_file, scan
from partyorg_site.models import Record
from partyorg_site.site.database import publish_database
from partyorg_site.site.beside import Beside
from partyorg_site.site.page_memo import PageMemo
from partyorg_site.site.records_file import PieceStore
from partyorg_site.site.render import Page, Renderer
from partyorg_site.archive.resolve import resolve_archive
from partyorg_site.site.search import share_words, words_of
from partyorg_site.site.write import OutputError, SiteWriter, write_file

PARALLEL_MIN_FILES = 200  # below this, starting worker processes costs more than it saves
T = TypeVar("T")
R = TypeVar("R")


@dataclass
class Loaded:
    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    from_cache: int = 0
    # every file read, by name: its content key ("" if it could not be read); what the whole
    # archive's derived files (feeds, records file, search index) depend on
    inputs: dict[str, str] = field(default_factory=dict)
    # the articles folder's files and the problems of its entries, as scanned
    scanned: tuple[list[ArticleFile], list[Problem]] = field(default_factory=lambda: ([], []))


@dataclass
class Written:
    files: int = 0
    pages: int = 0
    kept: int = 0
    stages: dict[str, float] = field(default_factory=dict)  # seconds per stage, for --verbose


def _extract(file: ArticleFile) -> tuple[str, Record | Problem]:
    """Worker: one article file -> its content key and its record (with its search words)
    or problem. The worker reads the file itself: the bytes of every article waiting to be
    extracted were held in the main process (640 MB at 100,000 articles)."""
    from partyorg_site.loader import load_or_problem  # here: a build with nothing to extract never imports it

    data = read_file(file)
    if isinstance(data, Problem):
        return "", data
    result = load_or_problem(file.name, data)
    if isinstance(result, Record):
        words_of(result)
    return content_key(file.name, data), result


def _in_parallel(function: Callable[[T], R], items: list[T], jobs: int) -> Iterable[R]:
    """The results in order, each as soon as it is ready: the caller stores one and lets
    go of its body before the next (holding them all took gigabytes at 100,000)."""
    if jobs <= 1 or len(items) < PARALLEL_MIN_FILES:
        yield from map(function, items)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(function, items, chunksize=max(1, min(50, len(items) // (jobs * 8))))


def load_archive(folder: Path, cache: RecordCache | None = None, jobs: int = 1,
                 progress: Callable[[Iterable, int, str], Iterable] | None = None,
                 scanned: tuple[list[ArticleFile], list[Problem]] | None = None, stream_texts: bool = False,
                 beside: bool = False) -> Loaded:
    """Every article under `folder` as a record, or a problem naming the file. A file the
    cache's snapshot vouches for is not read; one whose bytes are in the cache is not
    extracted; the others are extracted in worker processes. `scanned`: the folder's
    files, if the caller knows them (else it is scanned). `stream_texts`: bodies, captions
    and search words stay in the state database until used (the caller closes the cache
    when done). `beside` (with jobs > 1; the command line's build, not serve's threads): a
    few files to extract are extracted in a forked process while this one reads the
    vouched-for records back (site/beside)."""
    if not folder.is_dir():
        raise ArticleError(f"{folder}: articles folder not found")
    cache = cache or RecordCache(None)
    started = time.time_ns()
    loaded = Loaded()
    files, problems = scanned or scan(folder)
    loaded.scanned = (files, list(problems))
    loaded.problems = list(problems)
    loaded.files = len(files)
    results: dict[str, Record | Problem] = {}
    pending: list[ArticleFile] = []
    read: dict[str, tuple[tuple[int, ...], str]] = {}  # name -> (signature, content key)
    streaming = stream_texts and cache.state is not None

    def keep(name: str, key: str, result: Record | Problem) -> None:
        if isinstance(result, Record):
            if streaming:
                cache.stream_texts(result, key)  # stored: its body can go now
            else:
                cache.materialize(result)
        results[name] = result

    vouched: list[tuple[ArticleFile, str]] = []  # files the snapshot vouches for, and their keys

    def look_up(file: ArticleFile, key: str | None) -> None:
        """A file's record from the cache, reading the file if its key is not known; or the
        file is left to extract."""
        cached = cache.get(key) if key else None
        if cached is None:
            data = read_file(file)
            if isinstance(data, Problem):
                results[file.name] = data
                return
            key = content_key(file.name, data)
            cached = cache.get(key)
            if cached is None:
                pending.append(file)
        read[file.name] = (file.signature, key)
        if cached is not None:
            keep(file.name, key, cached)

    for file in (progress(files, len(files), "đọc") if progress else files):
        key = cache.key_without_reading(file)
        if key:
            vouched.append((file, key))
        else:
            look_up(file, None)
    other = None
    if beside and jobs > 1 and pending and len(pending) < PARALLEL_MIN_FILES and vouched and hasattr(os, "fork"):
        # The new article's extraction (the loader's import and its patterns' compiling,
        # most of it) on the other core, while this one reads the archive's records back.
        early = list(pending)
        other = Beside(lambda: [_extract(file) for file in early])
    try:
        cache.prefetch_known()
        for file, key in vouched:
            if cache.fetched_ahead(key):
                read[file.name] = (file.signature, key)
                keep(file.name, key, cache.get(key))  # type: ignore[arg-type]
            else:  # its record is gone (or serve holds it): as a file the snapshot did not know
                look_up(file, key)
        if other is not None:
            extracted: Iterable = other.result() + [_extract(file) for file in pending[len(early):]]
        else:
            extracted = _in_parallel(_extract, pending, jobs)
    except BaseException:
        if other is not None:
            other.abandon()
        raise
    loaded.from_cache = cache.hits
    if progress and pending:
        extracted = progress(extracted, len(pending), "trích xuất")
    for file, (key, result) in zip(pending, extracted):
        if not key:  # could no longer be read
            del read[file.name]
            results[file.name] = result
            continue
        read[file.name] = (file.signature, key)  # the bytes the worker read (the file may have been saved since)
        if isinstance(result, Record):
            share_words(result)
        cache.put(key, result)
        keep(file.name, key, result)
    cache.write_snapshot(read, started)
    for name in sorted(results):
        result = results[name]
        loaded.inputs[name] = read[name][1] if name in read else ""
        (loaded.problems if isinstance(result, Problem) else loaded.records).append(result)
    loaded.problems.extend(resolve_archive(loaded.records))
    return loaded


def build_site(config: SiteConfig, loaded: Loaded, progress: Callable[[Iterable, int, str], Iterable] | None = None,
               reuse_pages: bool = True, jobs: int = 1, pieces: PieceStore | None = None,
               renderer: Renderer | None = None, beside: bool = False) -> Written:
    """Render and write the site; pages whose inputs did not change are kept, not rendered
    (unless `reuse_pages` is off: --clean renders everything). `pieces` keeps the records
    file's compressed runs (the state database's, or by default none: compressed anew);
    `renderer`, one already made for these records (serve has one). `beside` (with jobs > 1):
    the archive-wide files are made in a forked process while this one makes the pages
    (site/beside; the command line's build, never serve's threads)."""
    if pieces is None:
        pieces = PieceStore(None)
    written = Written()
    clock = Stopwatch(written.stages)
    renderer = renderer or Renderer(Archive.build(loaded.records), config, config.templates_folder(), loaded.inputs,
                                    state=pieces.state)
    writer = SiteWriter(config.path("output"), reuse_pages=reuse_pages)
    clock.lap("archive")
    other: Beside[tuple[dict[str, str], list[str]]] | None = None
    try:
        # The feeds, the records file and the search index depend on every article: when no
        # input changed they are kept whole, as unchanged pages are; otherwise they are made
        # again, and only those whose bytes changed are written.
        derived = renderer.archive_digest(loaded.inputs)
        whole = not writer.keep_all(derived)
        database_bodies = config.database_bodies

        def archive_files() -> tuple[dict[str, str], list[str]]:
            return _archive_files(renderer, writer, pieces, derived, whole, database_bodies)

        # Beside only when patching a previous site: a build that renders every page keeps
        # every core busy rendering, and a process beside would only add its memory (the
        # clean build's peak at 10k went from 223 to 351 MB).
        if beside and whole and writer.patch and jobs > 1 and hasattr(os, "fork"):
            # the records' identities, which both processes use, made once, before the fork
            renderer.make_identities()
            state = pieces.state
            other = Beside(lambda: (state.own_connection() if state is not None else None, archive_files())[1])
        with collector_held():
            pages = list(renderer.pages())
            clock.lap("page list")
            memo = PageMemo(pieces.state, renderer.fixed_inputs())
            digests = [memo.digest(page, renderer.page_digest) for page in pages]
            memo.save()
            clock.lap("page digests")
        to_render = [page for page, digest in zip(pages, digests)
                     if not writer.unchanged(urls.output_file(page.path), digest)]
        clock.lap("keep unchanged")
        render_pages(renderer, to_render, writer, jobs, progress)
        clock.lap("render")
        written.pages = len(pages)
        if whole:
            writer.write_if_changed("sitemap.xml", renderer.sitemap([page.path for page in pages if page.in_sitemap]),
                                    group=derived)
        if other is None:
            archive_files()
        else:
            manifest, paths = other.result()
            writer.manifest.update(manifest)
            writer.written_elsewhere(paths)
        writer.copy_tree(config.path("static"), "static/")
        clock.lap("feeds, data, search")
        writer.commit()
        clock.lap("swap in")
    except BaseException:
        if other is not None:
            other.abandon()
        writer.abort()
        raise
    written.files, written.kept = len(writer.written), writer.kept
    return written


def _archive_files(renderer: Renderer, writer: SiteWriter, pieces: PieceStore, derived: str, whole: bool,
                   database_bodies: bool) -> tuple[dict[str, str], list[str]]:
    """Write the archive-wide files but the sitemap (`whole`: they are made again, else kept)
    and the published database; what this added to the writer's manifest and the files it
    wrote (a forked process hands them to the building one)."""
    before, first = dict(writer.manifest), len(writer.written)
    if whole:
        for path, content in renderer.archive_files(pieces):
            writer.write_if_changed(path, content, group=derived)
        pieces.forget_unused()
    publish_database(writer, renderer.archive, derived, database_bodies)
    return {path: value for path, value in writer.manifest.items() if before.get(path) != value}, writer.written[first:]


class Stopwatch:
    """Seconds spent in each stage of a build."""

    def __init__(self, stages: dict[str, float]):
        self.stages = stages
        self.last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.stages[name] = self.stages.get(name, 0.0) + now - self.last
        self.last = now


PARALLEL_MIN_PAGES = 400
_WORK: tuple[Renderer, list[Page], Path] | None = None  # what forked render workers inherit


def render_pages(renderer: Renderer, pages: list[Page], writer: SiteWriter, jobs: int,
                 progress: Callable[[Iterable, int, str], Iterable] | None) -> None:
    """Render pages into the staging folder, in forked worker processes when there are many:
    they inherit the built archive instead of receiving it pickled, and write their files
    themselves, so only page numbers cross between processes."""
    global _WORK
    if jobs <= 1 or len(pages) < PARALLEL_MIN_PAGES or "fork" not in multiprocessing.get_all_start_methods():
        for page in (progress(pages, len(pages), "trang") if progress else pages):
            writer.write(urls.output_file(page.path), renderer.render(page))
        return
    _WORK = (renderer, pages, writer.staging)
    # Objects the collector never visits are never written to, so forked workers keep
    # sharing the archive's memory pages with this process instead of copying them.
    gc.freeze()
    try:
        context = multiprocessing.get_context("fork")
        chunks = [range(start, len(pages), jobs) for start in range(jobs)]
        # jobs-1 workers and this process: every core renders, and one copy fewer of the
        # archive's touched memory than with a process idling beside `jobs` workers.
        with context.Pool(jobs - 1) as pool:
            others = pool.map_async(_render_chunk, chunks[1:])
            writer.written_elsewhere(_render_chunk(chunks[0]))
            for paths in others.get():
                writer.written_elsewhere(paths)
    finally:
        _WORK = None


def _render_chunk(indexes: range) -> list[str]:
    assert _WORK is not None
    renderer, pages, staging = _WORK
    paths = []
    for index in indexes:
        path = urls.output_file(pages[index].path)
        write_file(staging, path, renderer.render(pages[index]))
        paths.append(path)
    return paths


def report(problems: list[Problem]) -> None:
    for problem in sorted(problems, key=lambda p: (p.file, p.line or 0)):
        suffix = " (warning)" if problem.kind == "warning" else ""
        print(f"{problem}{suffix}", file=sys.stderr)


def progress_bar(enabled: bool) -> Callable[[Iterable, int, str], Iterable] | None:
    """A tqdm bar on a terminal, for long work only; nothing when output is piped or --quiet."""
    if not enabled or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    def bar(items: Iterable, total: int, label: str) -> Iterable:
        return tqdm(items, total=total, desc=label, unit=" tệp" if label != "trang" else " trang",
                    leave=False, disable=total < 500, file=sys.stderr)
    return bar


def summary(loaded: Loaded, written: Written | None, seconds: float, output: str | None) -> str:
    kinds = Counter(p.kind for p in loaded.problems)
    lines = [f"{loaded.files} files read: {len(loaded.records)} articles "
             f"({loaded.from_cache} from cache, {loaded.files - loaded.from_cache} extracted); "
             f"{kinds['error']} problems, {kinds['warning']} warnings"]
    if written:
        lines.append(f"{written.files} files written to {output}: {written.pages} pages "
                     f"({written.pages - written.kept} rendered, {written.kept} unchanged)")
    lines.append(f"{seconds:.2f} s")
    return "\n".join(lines)


def build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    try:
        config = load_config(args.config, {"articles": args.articles, "output": args.output,
                                           "base_url": args.base_url, "site_url": getattr(args, "site_url", None)})
        config.templates_folder()  # (before any article is read)
        try:
            loaded, written, loading = _build_once(config, args)
        except sqlite3.DatabaseError as exc:
            if args.clean:
                raise
            # found damaged while in use (its opening checks passed): the build began again
            # without it; the site it was making was never published
            state = config.path("cache") / STATE_FILE
            warn(f"{state}: {exc}; made anew from the articles")
            State.remove_file(state)
            loaded, written, loading = _build_once(config, args)
    except (ArticleError, OutputError, ChildProcessError) as exc:  # the last: a process beside the build died
        print(f"error: {exc}", file=sys.stderr)
        return 2
    report(loaded.problems)
    if not args.quiet:
        print(summary(loaded, written, time.perf_counter() - started, os.path.relpath(config.path("output"))),
              file=sys.stderr)
    if args.verbose:
        stages = {"read and extract": loading, **written.stages}
        print("  " + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in stages.items()), file=sys.stderr)
    return 1 if args.strict and loaded.problems else 0


def _build_once(config: SiteConfig, args: argparse.Namespace) -> tuple[Loaded, Written, float]:
    """Load and build, with the state database (unless --clean); the seconds spent loading."""
    cache = RecordCache(None if args.clean else config.path("cache"), config.path("articles"))
    try:
        bar = progress_bar(not args.quiet)
        loading_started = time.perf_counter()
        with collector_held():
            loaded = load_archive(config.path("articles"), cache, jobs=args.jobs or os.cpu_count() or 1,
                                  progress=bar, stream_texts=True, beside=True)
        loading = time.perf_counter() - loading_started
        # The records live as long as the build: the cycle collector need not scan them
        # again and again as the pages' objects are made (a third of the archive stage).
        gc.freeze()
        written = build_site(config, loaded, progress=bar, reuse_pages=not args.clean,
                             jobs=args.jobs or os.cpu_count() or 1, pieces=PieceStore(cache.state), beside=True)
        return loaded, written, loading
    finally:
        cache.close()

