"""serve: build, serve the site on 127.0.0.1 under its base_url, rebuild on change and
reload the open browser.

The archive is held in memory (live.py): pages are rendered from the current edition when
asked for, so an edit shows as soon as the archive is rebuilt; the output folder is
brought up to date behind it, and its data files (search index, records) and the theme's
static files are served from disk. Changes are noticed by watchfiles (the operating
system's file events, no polling loop of ours). Live reload is a Server-Sent Events stream
at /__livereload; the script that listens to it is added to HTML responses by this server
only, never to the built files.
"""
from __future__ import annotations

import argparse
import http.server
import os
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import jinja2

from partyorg_site.config import SiteConfig, load_config
from partyorg_site.errors import ArticleError
from partyorg_site.live import LiveSite, Publisher, reported
from partyorg_site.site.write import PUBLISHING, OutputError

RELOAD_PATH = "/__livereload"


def reload_script(since: int) -> bytes:
    """The script that reloads the page after a build: it asks for the builds after the one
    the page was served from (`since`), so that one ending before the stream opens (an edit
    saved as the page loads) is not missed."""
    return (b"<script>new EventSource('" + RELOAD_PATH.encode() + b"?since=" + str(since).encode() +
            b"').onmessage = function () { location.reload(); };</script>")


class Generation:
    """Counts finished builds; browsers waiting on the event stream are woken by each one."""

    def __init__(self) -> None:
        self.number = 0
        self.changed = threading.Condition()

    def bump(self) -> None:
        with self.changed:
            self.number += 1
            self.changed.notify_all()

    def wait_after(self, seen: int, timeout: float) -> int:
        with self.changed:
            self.changed.wait_for(lambda: self.number != seen, timeout=timeout)
            return self.number


def site_path(request_path: str, base: str) -> str | None:
    """The site path a request asks for ("/lt/tinh/nghe-an/index.html?x" -> "tinh/nghe-an/"),
    or None outside the site's base."""
    path = urllib.parse.unquote(request_path.split("?", 1)[0].split("#", 1)[0])
    if not path.startswith(base):
        return None
    path = path[len(base):]
    return path[:-len("index.html")] if path == "index.html" or path.endswith("/index.html") else path


def make_handler(site: LiveSite, generation: Generation) -> type[http.server.BaseHTTPRequestHandler]:
    config = site.config
    output, static, base = config.path("output"), config.path("static"), config.base_url

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(output), **kwargs)

        def log_message(self, format: str, *args) -> None:  # quiet: the build reports what matters
            pass

        def do_GET(self) -> None:
            if self.path.split("?", 1)[0] == RELOAD_PATH:
                return self._events()
            # the build the page is served from, read before it is rendered: a build that ends
            # while it is rendered is one the page's stream reports
            self.served_after = generation.number
            path = site_path(self.path, base)
            if path is None:
                if self.path in ("/", ""):
                    return self._redirect(base)
                return self._not_found()
            edition = site.current  # one edition for the whole answer
            if not path.startswith(("static/", "data/")) and edition is not None:
                if edition.page(path) is not None:
                    return self._page(edition, path)
                if edition.page(path + "/") is not None:
                    return self._redirect(base + path + "/")
            if path.startswith("static/"):  # the theme's files, as they are now
                return self._file(static / path[len("static/"):])
            return self._file(output / path)

        def _page(self, edition, path: str, status: int = 200) -> None:
            try:
                body = edition.render(path)
            except Exception as exc:  # a template error: shown to the editor, the server goes on
                self.send_error(500, f"{type(exc).__name__}: {exc}")
                return
            self._html(body, status)

        def _file(self, target: Path) -> None:
            """A file of the output folder (search index, data) or the theme. Opened while
            no build is publishing, so none comes from between two builds; an open file
            stays the version opened, and is sent after."""
            with PUBLISHING:
                if not target.is_file():
                    opened = None
                else:
                    opened = open(target, "rb")
            if opened is None:
                return self._not_found()
            with opened:
                data = opened.read()
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(target)))
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(data)

        def _redirect(self, location: str) -> None:
            self.send_response(302)
            self.send_header("Location", location)
            self.end_headers()

        def _html(self, body: bytes, status: int = 200) -> None:
            body = body.replace(b"</body>", reload_script(getattr(self, "served_after", generation.number)) + b"</body>", 1)
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def _not_found(self) -> None:
            edition = site.current
            if edition is not None:
                return self._page(edition, "404.html", status=404)
            self._html(b"<h1>404</h1>", status=404)

        def _events(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            # the build the page was served from, or (no page named one) the last: one that ends
            # after it, even before this stream opened, is reported at once
            since = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query).get("since", [""])[0]
            seen = int(since) if since.isdigit() else generation.number
            self.end_headers()
            try:
                while True:
                    now = generation.wait_after(seen, timeout=15)
                    self.wfile.write(b"data: reload\n\n" if now != seen else b": keep-alive\n\n")
                    self.wfile.flush()
                    seen = now
            except (BrokenPipeError, ConnectionResetError):
                return

    return Handler


def watched_paths(config: SiteConfig, config_file: Path) -> list[Path]:
    return [p for p in (config.path("articles"), config.path("templates"), config.path("static"), config_file)
            if p.exists()]


def snapshot(paths: list[Path]) -> dict[str, tuple[int, int]]:
    """Size and modification time of every file under `paths`: what the first build read."""
    files: dict[str, tuple[int, int]] = {}
    for root in paths:
        for path in ([root] if root.is_file() else sorted(root.rglob("*"))):
            try:
                info = path.stat()
            except OSError:
                continue
            if path.is_file():
                files[str(path)] = (info.st_size, info.st_mtime_ns)
    return files


def article_names(changes: set[tuple], articles: Path) -> set[str]:
    """The names (under the articles folder) of the changed files that are in it."""
    names = set()
    for _, changed in changes:
        try:
            names.add(Path(changed).resolve().relative_to(articles).as_posix())
        except ValueError:
            continue
    return names


def reload_config(args: argparse.Namespace, old: SiteConfig) -> SiteConfig:
    """site.yaml edited: its titles and settings apply at once; where the folders or the
    base URL changed, serve must be started again."""
    config = load_config(args.config, {"articles": args.articles, "output": args.output, "base_url": args.base_url})
    moved = [key for key in ("articles", "output", "cache", "base_url", "static") if getattr(config, key) != getattr(old, key)]
    if moved:
        raise ArticleError(f"{args.config}: {', '.join(moved)} changed; restart serve to use them")
    return config


def serve(args: argparse.Namespace) -> int:
    from watchfiles import watch

    try:
        config = load_config(args.config, {"articles": args.articles, "output": args.output,
                                           "base_url": args.base_url})
        site = LiveSite(config)
        paths = watched_paths(config, Path(args.config))
        before_first_build = snapshot(paths)
        # Worker processes for the first load and build: no thread of ours runs yet, so
        # forking is safe; later rebuilds are small.
        jobs = os.cpu_count() or 1
        first = reported(site.refresh(jobs=jobs))
        site.publish(first, jobs=jobs)
    except (ArticleError, OutputError, jinja2.TemplateError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    generation = Generation()
    publisher = Publisher(site, after=generation.bump)
    server = http.server.ThreadingHTTPServer((args.host, args.port), make_handler(site, generation))
    server.daemon_threads = True
    host, port = server.server_address[:2]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    stop = threading.Event()
    watching = False
    articles = config.path("articles")
    try:
        # yield_on_timeout: the first (empty) yield comes once the watcher is registered, so
        # "Serving at" is printed only when an edit can no longer slip past unnoticed.
        for changes in watch(*paths, stop_event=stop, debounce=50, step=20, rust_timeout=300,
                             yield_on_timeout=True, raise_interrupt=False):
            if not watching:
                watching = True
                print(f"Serving at http://{host}:{port}{config.base_url} (Ctrl+C to stop)", file=sys.stderr, flush=True)
                if snapshot(paths) != before_first_build:  # edited while the first build ran
                    changes = {("modified", "(during the first build)")}
            if not changes:
                continue
            changed = sorted({Path(p).name for _, p in changes})
            print(f"changed: {', '.join(changed[:5])}{' …' if len(changed) > 5 else ''}; rebuilding",
                  file=sys.stderr, flush=True)
            started = time.perf_counter()
            if any(Path(p).name == Path(args.config).name for _, p in changes):
                try:
                    site.config = reload_config(args, site.config)
                except ArticleError as exc:
                    print(f"error: {exc}; still serving the last good site", file=sys.stderr, flush=True)
                    continue
            try:
                edition = reported(site.refresh(article_names(changes, articles)))
            except (ArticleError, jinja2.TemplateError, OSError) as exc:
                print(f"error: {exc}; still serving the last good site", file=sys.stderr, flush=True)
                continue
            print(f"served from memory after {time.perf_counter() - started:.2f} s; writing {config.output}",
                  file=sys.stderr, flush=True)
            generation.bump()
            publisher.submit(edition)
    finally:
        publisher.wait(timeout=60)
        server.shutdown()
    return 0
