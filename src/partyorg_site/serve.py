"""serve: build, serve the site on 127.0.0.1 under its base_url, rebuild on change and
reload the open browser.

Changes are noticed by watchfiles (the operating system's file events, no polling loop of
ours). Live reload is a Server-Sent Events stream at /__livereload; the script that
listens to it is added to HTML responses by this server only, never to the built files.
"""
from __future__ import annotations

import argparse
import http.server
import sys
import threading
from pathlib import Path
from types import SimpleNamespace

from partyorg_site.config import SiteConfig, load_config
from partyorg_site.errors import ArticleError
from partyorg_site.site.write import PUBLISHING

RELOAD_PATH = "/__livereload"
RELOAD_SCRIPT = (b"<script>new EventSource('" + RELOAD_PATH.encode() +
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


def make_handler(config: SiteConfig, generation: Generation) -> type[http.server.BaseHTTPRequestHandler]:
    output = config.path("output")
    base = config.base_url

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(output), **kwargs)

        def log_message(self, format: str, *args) -> None:  # quiet: the build reports what matters
            pass

        def do_GET(self) -> None:
            if self.path == RELOAD_PATH:
                return self._events()
            if not self.path.startswith(base):
                if self.path in ("/", ""):
                    self.send_response(302)
                    self.send_header("Location", base)
                    self.end_headers()
                    return
                return self._not_found()
            self.path = "/" + self.path[len(base):]
            target = Path(self.translate_path(self.path))
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                if target.suffix == "" and target.with_suffix("").is_dir():
                    return super().do_GET()  # let the standard redirect add the slash
                return self._not_found()
            # Files are opened while no build is publishing, so none comes from between two
            # builds; an open file stays the version opened, and is sent after.
            with PUBLISHING:
                if target.suffix == ".html":
                    body = target.read_bytes()
                else:
                    opened = self.send_head()
            if target.suffix == ".html":
                return self._html(body)
            if opened:
                try:
                    self.copyfile(opened, self.wfile)
                finally:
                    opened.close()

        def _html(self, body: bytes, status: int = 200) -> None:
            body = body.replace(b"</body>", RELOAD_SCRIPT + b"</body>", 1)
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def _not_found(self) -> None:
            page = output / "404.html"
            self._html(page.read_bytes() if page.is_file() else b"<h1>404</h1>", status=404)

        def _events(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            seen = generation.number  # before the headers: a build that ends once they are sent is not missed
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


def serve(args: argparse.Namespace) -> int:
    from watchfiles import watch

    from partyorg_site.pipeline import build

    try:
        config = load_config(args.config, {"articles": args.articles, "output": args.output,
                                           "base_url": args.base_url})
    except ArticleError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    build_args = SimpleNamespace(config=args.config, articles=args.articles, output=args.output, base_url=args.base_url,
                                 site_url=None, clean=False, jobs=1, strict=False, quiet=False, verbose=False)
    paths = watched_paths(config, Path(args.config))
    before_first_build = snapshot(paths)
    # jobs=1: the server's threads are running, and forking a threaded process is unsafe;
    # an incremental rebuild renders few pages anyway.
    build(build_args)
    generation = Generation()
    server = http.server.ThreadingHTTPServer((args.host, args.port), make_handler(config, generation))
    server.daemon_threads = True
    host, port = server.server_address[:2]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    stop = threading.Event()
    watching = False
    try:
        # yield_on_timeout: the first (empty) yield comes once the watcher is registered, so
        # "Serving at" is printed only when an edit can no longer slip past unnoticed.
        for changes in watch(*paths, stop_event=stop, debounce=200, rust_timeout=300, yield_on_timeout=True,
                             raise_interrupt=False):
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
            build(build_args)
            generation.bump()
    finally:
        server.shutdown()
    return 0
