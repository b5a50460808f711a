"""live: the archive held in memory while `serve` runs, its pages rendered on request.

A rebuild after an edit re-reads only the files the watcher named or whose size and
times changed, takes every other record from memory, and builds the archive afresh from
them (10,000 articles: ~0.5 s, of which the taxonomies are most). The result, an
Edition, replaces the served one as a whole, so every page a browser gets comes from one
state of the archive; pages are rendered from it when asked for (1-5 ms each), so the
browser sees an edit as soon as the archive is rebuilt, not when 13,000 pages are
checked and written. The output folder (the site to publish; the search index and data
files the pages fetch) is then brought up to date by the ordinary incremental build, in a
thread of its own (Publisher), from the same records and renderer.

A rebuild that fails (a template that does not compile or cannot render the home page)
leaves the served edition as it was; an edition whose full build fails is withdrawn for
the last one that was built whole.
"""
from __future__ import annotations

import gc
import sys
import threading
import time
from typing import Callable

from partyorg_site.archive.cache import RecordCache
from partyorg_site.archive.taxonomies import Archive
from partyorg_site.collector import collector_held
from partyorg_site.config import SiteConfig
from partyorg_site.pipeline import Loaded, build_site, load_archive, report, summary
from partyorg_site.read.files import rescan
from partyorg_site.site.records_file import PieceStore
from partyorg_site.site.render import Page, Renderer


class Edition:
    """One state of the archive: its records and a renderer for its pages."""

    def __init__(self, loaded: Loaded, renderer: Renderer):
        self.loaded, self.renderer = loaded, renderer

    def page(self, path: str) -> Page | None:
        """The page at a site path ("tinh/nghe-an/"), made alone: no page list is needed."""
        return self.renderer.page_at(path)

    def render(self, path: str) -> bytes | None:
        page = self.page(path)
        return None if page is None else self.renderer.render(page).encode("utf-8")

    def check(self) -> None:
        """Raise if the templates do not compile or the home page cannot be rendered."""
        env = self.renderer.env
        for name in env.list_templates(filter_func=lambda name: name.endswith(".html")):
            env.get_template(name)
        self.render("")


class LiveSite:
    """The records as loaded, kept between rebuilds, and the edition being served."""

    def __init__(self, config: SiteConfig):
        self.config = config
        self.cache = RecordCache(config.path("cache"), config.path("articles"), hold=True)
        self.pieces = PieceStore(self.cache.state)
        self.current: Edition | None = None
        self.published: Edition | None = None  # the last edition written to the output whole

    def refresh(self, changed: set[str] = frozenset(), jobs: int = 1) -> Edition:
        """A new edition from the articles folder, served once it is checked; `changed`:
        article names the watcher reported, read again whatever their times say."""
        self.cache.forget(changed)
        # The cycle collector is held off while the edition is made: its full passes over
        # the records held in memory took half the time of building the archive.
        with collector_held():
            folder = self.config.path("articles")
            scanned = None
            if changed and self.current is not None:  # only the files the watcher named are looked at
                scanned = rescan(folder, *self.current.loaded.scanned, changed)
            loaded = load_archive(folder, self.cache, jobs=jobs, scanned=scanned)
            renderer = Renderer(Archive.build(loaded.records), self.config, self.config.templates_folder(),
                                loaded.inputs)
            edition = Edition(loaded, renderer)
            edition.check()
        if self.current is None:
            gc.freeze()  # the records as loaded live as long as the server: never scanned again
        self.current = edition
        return edition

    def publish(self, edition: Edition, jobs: int = 1) -> None:
        """Write an edition to the output folder (incrementally); if that fails, serve the
        last edition that was written whole instead."""
        started = time.perf_counter()
        try:
            written = build_site(self.config, edition.loaded, jobs=jobs, pieces=self.pieces, renderer=edition.renderer)
        except Exception:
            if self.current is edition and self.published is not None:
                self.current = self.published
            raise
        self.published = edition
        print(summary(edition.loaded, written, time.perf_counter() - started, str(self.config.path("output"))),
              file=sys.stderr, flush=True)


class Publisher:
    """Writes editions to the output folder in a thread of its own, newest first: one that
    is superseded while another is being written is skipped."""

    GRACE = 0.3  # seconds left to the browser's reload before writing starts (one core at a time runs Python)

    def __init__(self, site: LiveSite, after: Callable[[], None]):
        self.site, self.after = site, after
        self.pending: Edition | None = None
        self.busy = False
        self.changed = threading.Condition()
        threading.Thread(target=self._run, daemon=True, name="publisher").start()

    def submit(self, edition: Edition) -> None:
        with self.changed:
            self.pending = edition
            self.changed.notify_all()

    def wait(self, timeout: float | None = None) -> bool:
        """Until nothing is pending or being written (tests, and a clean shutdown)."""
        with self.changed:
            return self.changed.wait_for(lambda: self.pending is None and not self.busy, timeout=timeout)

    def _run(self) -> None:
        while True:
            with self.changed:
                self.changed.wait_for(lambda: self.pending is not None)
                self.busy = True
            time.sleep(self.GRACE)  # a save that follows within it is written instead
            with self.changed:
                edition, self.pending = self.pending, None
            try:
                self.site.publish(edition)
            except Exception as exc:  # reported; the served site falls back, the server goes on
                print(f"error: the site could not be written: {exc}", file=sys.stderr, flush=True)
                self.after()
            finally:
                with self.changed:
                    self.busy = False
                    self.changed.notify_all()


def reported(edition: Edition) -> Edition:
    report(edition.loaded.problems)
    return edition
