"""Command line: `partyorg-site build | extract | explain | check | serve | new`.

Problems are printed as `file:line: message` on stderr; the exit status says whether
anything went wrong (and, with --strict, whether anything was even doubtful).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from partyorg_site import __version__
from partyorg_site.errors import Problem
from partyorg_site.models import Record
from partyorg_site.archive.resolve import resolve_archive


def _report(problems: list[Problem]) -> None:
    for problem in problems:
        print(f"{problem}" if problem.kind == "error" else f"{problem} (warning)", file=sys.stderr)


def _source_root(path: Path, given: str | None) -> Path:
    """The folder a record's `source` is relative to: --root; by default the site's articles
    folder (site.yaml's, in this folder) where the file lies in it, as the build's are, so that
    a year folder dates the record as it does in the site ("articles/2025/x.txt" is
    "2025/x.txt"); else the file's own folder."""
    if given:
        return Path(given)
    articles = _site_articles()
    try:
        path.resolve().relative_to(articles.resolve())
    except ValueError:
        return path.parent
    return articles


def _site_articles() -> Path:
    from partyorg_site.config import load_config
    from partyorg_site.errors import ArticleError

    try:
        config = load_config("site.yaml")
    except ArticleError:
        return Path("articles")  # (a broken site.yaml is `build`'s to report; extract needs none)
    return config.root / config.articles


def cmd_extract(args: argparse.Namespace) -> int:
    """Print one JSON record per file, in the order given (JSON Lines)."""
    from partyorg_site.loader import load_file  # here: `build` imports it only when it extracts

    records: list[Record] = []
    problems: list[Problem] = []
    for name in args.files:
        path = Path(name)
        result = load_file(path, _source_root(path, args.root))
        (problems if isinstance(result, Problem) else records).append(result)
    problems.extend(resolve_archive(records))
    out = sys.stdout
    for record in records:
        out.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
    _report(problems)
    if args.files and not records:
        return 1
    return 1 if args.strict and problems else 0


def cmd_explain(args: argparse.Namespace) -> int:
    """Print each fact of each file's record with the sentence and the rule it came from."""
    from partyorg_site.explain import explain_file

    status = 0
    for name in args.files:
        path = Path(name)
        found = explain_file(path, _source_root(path, args.root))
        if isinstance(found, Problem):
            _report([found])
            status = 1
            continue
        print("\n".join(found), end="\n\n")
    return status


def cmd_build(args: argparse.Namespace) -> int:
    from partyorg_site.pipeline import build

    return build(args)


def cmd_check(args: argparse.Namespace) -> int:
    from partyorg_site.check import check

    return check(args)


def cmd_serve(args: argparse.Namespace) -> int:
    from partyorg_site.serve import serve

    return serve(args)


def cmd_new(args: argparse.Namespace) -> int:
    from partyorg_site.new import new

    return new(args)


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="partyorg-site", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"partyorg-site {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="print the JSON record of each article file")
    extract.add_argument("files", nargs="+", help="article files (.txt or .md)")
    extract.add_argument("--root", help="folder that `source` paths are relative to (default: the site's articles "
                         "folder for a file inside it, as in the build; else each file's folder)")
    extract.add_argument("--strict", action="store_true", help="exit 1 on any problem, warnings included")
    extract.set_defaults(run=cmd_extract)

    explain = commands.add_parser("explain", help="print each fact of a record, the sentence it came from and why")
    explain.add_argument("files", nargs="+", help="article files (.txt or .md)")
    explain.add_argument("--root", help="folder that `source` paths are relative to (default: the site's articles "
                         "folder for a file inside it, as in the build; else each file's folder)")
    explain.set_defaults(run=cmd_explain)

    for name, help_text, run in (("build", "build the site from the articles folder", cmd_build),
                                 ("check", "validate the archive without writing the site", cmd_check)):
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument("--config", default="site.yaml", help="site configuration (default: site.yaml)")
        sub.add_argument("--articles", help="articles folder (default: from site.yaml, else articles/)")
        sub.add_argument("--strict", action="store_true", help="exit 1 on any problem, warnings included")
        sub.add_argument("--quiet", "-q", action="store_true", help="print problems only")
        sub.add_argument("--verbose", "-v", action="store_true", help="print each file as it is read")
        if name == "build":
            sub.add_argument("--output", "-o", help="output folder (default: from site.yaml, else _site/)")
            sub.add_argument("--clean", action="store_true", help="ignore the cache: read and render everything")
            sub.add_argument("--jobs", "-j", type=int, help="worker processes for extraction (default: all cores)")
            sub.add_argument("--base-url", help="URL path the site is served under, e.g. /partyorg-archive/")
            sub.add_argument("--site-url", help="public origin for feed and sitemap links, e.g. https://user.github.io")
        sub.set_defaults(run=run)

    serve = commands.add_parser("serve", help="build, serve on 127.0.0.1, rebuild and reload on change")
    serve.add_argument("--config", default="site.yaml")
    serve.add_argument("--articles")
    serve.add_argument("--output", "-o")
    serve.add_argument("--base-url")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(run=cmd_serve)

    new = commands.add_parser("new", help="start a Markdown article with front matter in the articles folder")
    new.add_argument("title")
    new.add_argument("--date", help="the event's date, YYYY-MM-DD (default: today)")
    new.add_argument("--config", default="site.yaml")
    new.set_defaults(run=cmd_new)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        code = args.run(args)
    except BrokenPipeError:
        return 0
    if argv is None and args.command == "build":
        _leave_now(code)
    return code


def _leave_now(code: int) -> None:
    """End the `build` command's process without taking its archive apart object by object:
    at 10,000 articles the interpreter spent 0.1-0.2 s freeing records and pages nobody
    would use again, a tenth of a rebuild after one new article. By now the build has
    closed all it opened (state database, staging folder, lock, worker processes); only the
    streams' buffers are left to flush. A caller in Python (argv given) gets the code back."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
