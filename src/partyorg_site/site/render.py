"""render: the archive -> pages (site-relative path -> HTML), through Jinja2 templates.

Every page's path is known before any HTML is made (urls.py); templates receive ready
objects and a `url()` that makes links relative to the page, so they never build URLs
by concatenation. Autoescape is on: an article's text can never become markup.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

import jinja2
from markupsafe import Markup, escape

from partyorg_site.site import feeds, search, urls
from partyorg_site.archive.taxonomies import Archive, Taxonomy, Term, document_label
from partyorg_site.archive.cache import code_version
from partyorg_site.archive.resolve import settled
from partyorg_site.archive.state import State
from partyorg_site.config import SiteConfig
from partyorg_site.models import ACTIONS, Record, split_day_month
from partyorg_site.vietnamese import fold, initial_letter, slug, vietnamese_order
from partyorg_site.site.records_file import RECORDS_FILE, PieceStore, identity, records_file
from partyorg_site.site.search_delta import search_files
from partyorg_site.site.write import StoredFile
from partyorg_site.site.views import (careers, citations, people_index, personnel, province_map, reading, series,
                                       timeline)

_PLAIN = frozenset({str, int, bool, float, type(None)})
MEETING_KIND_ORDER = ["giao ban", "tổng kết", "sơ kết", "hội nghị", "đại hội", "hội thảo", "tập huấn"]


@dataclass
class Page:
    path: str  # site-relative, e.g. "tinh/nghe-an/"
    template: str
    context: dict[str, Any] | None  # None: made by `make` when first needed (see full_context)
    in_sitemap: bool = True
    # Records shown in full on this page (an article page's own); elsewhere a record is
    # shown by its headline fields only, and only those make the page change.
    shown_in_full: tuple[Record, ...] = ()
    # More context, made only when the page is rendered, never for its digest: it must follow
    # from the context and the records shown in full (an article's mentions placed in its
    # paragraphs: reading every body to place them took a third of a one-article rebuild).
    late: Callable[[], dict[str, Any]] | None = None
    make: Callable[[], dict[str, Any]] | None = None
    # Where set, a short text standing for everything the page's context and records shown
    # in full are made from (the code, templates and settings aside): a page whose inputs are
    # those of the last build has its digest (site/page_memo), and its context is never made
    # unless it is rendered (an article page: 10,000 contexts and digests made again took a
    # sixth of a one-article rebuild).
    inputs: str | None = None

    def full_context(self) -> dict[str, Any]:
        if self.context is None:
            assert self.make is not None
            self.context = self.make()
        return self.context


def vn_date(value: str | None) -> str:
    """"2019-09-30" -> "30/9/2019"; "2019-09" -> "tháng 9/2019"; "2019" -> "năm 2019"."""
    if not value:
        return "không rõ ngày"
    parts = value[:10].split("-")
    if len(parts) == 3:
        text = f"{int(parts[2])}/{int(parts[1])}/{parts[0]}"
        return text + (f" {value[11:16]}" if len(value) > 10 else "")
    if len(parts) == 2:
        return f"tháng {int(parts[1])}/{parts[0]}"
    return f"năm {parts[0]}"


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept for the life of the process, checked against their source by
    Jinja2: serve makes a renderer on every rebuild, and compiling the templates anew cost
    0.2 s of each."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _MemoryBytecodeCache()


class _StateBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in the state database between builds, as well as in this
    process: compiling the eleven templates cost 0.15 s of every one-article rebuild. Jinja2
    checks what it loads against the template's source (and Python's version), so a stale
    entry is compiled again, never used. Written by the building process only (a forked
    render worker's connection is read-only); a failed write leaves the cache as it was."""

    def __init__(self, state: State):
        self.state = state
        self.pid = os.getpid()
        self.version = code_version()

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        """Jinja2's key, for this code's version: how a template compiles also depends on the
        environment's options, which the code sets."""
        return f"{self.version}-{super().get_cache_key(name, filename)}"

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        _COMPILED.load_bytecode(bucket)
        if bucket.code is None:
            row = self.state.one("SELECT code FROM templates WHERE key = ?", (bucket.key,))
            if row is not None:
                bucket.bytecode_from_string(bytes(row[0]))

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        _COMPILED.dump_bytecode(bucket)
        if os.getpid() == self.pid:
            try:
                self.state.write([("DELETE FROM templates WHERE key NOT LIKE ?", [(f"{self.version}-%",)]),
                                  ("INSERT OR REPLACE INTO templates VALUES (?, ?)",
                                   [(bucket.key, bucket.bytecode_to_string())])])
            except sqlite3.Error:
                pass


def environment(template_dir: Path, state: State | None = None) -> jinja2.Environment:
    # auto_reload off: a template, once compiled, is what this renderer renders with, even
    # if the file is edited meanwhile (serve keeps the last good renderer while a broken
    # template is being mended; a new renderer reads the templates afresh).
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(template_dir)),
                             autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True, auto_reload=False,
                             bytecode_cache=_COMPILED if state is None else _StateBytecodeCache(state))
    env.filters["vn_date"] = vn_date
    env.filters["vn_day_month"] = lambda value: "{}/{}".format(*split_day_month(value)) if value else ""
    env.filters["vn_date_month"] = lambda value: vn_date(value[:7]) if value and len(value) >= 7 else "Không rõ tháng"
    env.filters["document_label"] = document_label
    return env


def linkify(paragraph: str, links: list[tuple[str, str]], url: Callable[[str], str],
            found: list[tuple[int, int, str]] | None = None) -> Markup:
    """The paragraph as HTML, with each mention (an official, a document) linked once.
    `found`: where the loader found mentions in this paragraph, (start, end, path); a
    mention is linked there first, as the loader knows which of several printings is the
    official or the citation. A mention it did not place is linked where it first stands as
    whole words (see `whole_word_at`): "Nguyễn Văn An" is not linked inside "Nguyễn Văn
    Anh", nor "18-NQ/TW" inside "18-NQ/TW-BCS". Longer mentions are placed first, so a name
    inside a longer linked one is not linked again.
    `links` pairs a mention's text with its site-relative path; `url` makes it relative."""
    spans: list[tuple[int, int, str]] = []
    for start, end, href in sorted(found or ()):
        text = paragraph[start:end]
        start, end = start + len(text) - len(text.lstrip()), end - len(text) + len(text.rstrip())
        if start < end and whole_word_at(paragraph, paragraph[start:end], start) == start \
                and all(href != h and (end <= s or e <= start) for s, e, h in spans):
            spans.append((start, end, href))
    placed = {href for _, _, href in spans}
    for text, href in sorted(links, key=lambda pair: -len(pair[0])):
        if not text or href in placed:
            continue
        start = whole_word_at(paragraph, text)
        while start >= 0 and any(s < start + len(text) and start < e for s, e, _ in spans):
            start = whole_word_at(paragraph, text, start + 1)
        if start >= 0:
            spans.append((start, start + len(text), href))
    if not spans:
        return escape(paragraph)
    out, position = [], 0
    for start, end, href in sorted(spans):
        # escape() and str concatenation: Markup.format runs a formatter per call, and this
        # runs for every paragraph of every article
        out.append(f'{escape(paragraph[position:start])}<a href="{escape(url(href))}">{escape(paragraph[start:end])}</a>')
        position = end
    out.append(str(escape(paragraph[position:])))
    return Markup("".join(out))


def whole_word_at(text: str, mention: str, start: int = 0) -> int:
    """Where `mention` first occurs in `text` from `start` as whole words, or -1: not
    preceded by a letter or digit (a syllable is not the tail of a longer one), not followed
    by a letter, a digit or "-" (so a name's last syllable is not the head of a longer one,
    "An" of "Anh", and a document's symbol is not the head of a longer symbol, "18-NQ/TW"
    of "18-NQ/TW-BCS")."""
    found = text.find(mention, start)
    while found >= 0:
        end = found + len(mention)
        before = text[found - 1] if found else " "
        after = text[end] if end < len(text) else " "
        if not before.isalnum() and not after.isalnum() and after != "-":
            return found
        found = text.find(mention, found + 1)
    return -1


def stable_pages(items: list, per_page: int) -> list[tuple[int | None, list]]:
    """A newest-first list cut into pages whose numbers and contents do not move when newer
    items come: page 1 holds the oldest `per_page` items, page 2 the next, and so on; the
    newest page (number None: the listing's own address) holds the rest, per_page to
    2*per_page - 1 items. Adding an article changes the newest page (and, once in
    per_page additions, makes one new numbered page), never the others: a link to
    "trang/3/" shows the same articles for good, and a rebuild renders two pages, not the
    whole listing. Returned newest page first."""
    full = max(0, len(items) // per_page - 1)
    newest = len(items) - full * per_page
    pages: list[tuple[int | None, list]] = [(None, items[:newest])]
    for number in range(full, 0, -1):
        end = len(items) - (number - 1) * per_page
        pages.append((number, items[end - per_page:end]))
    return pages


def pager(base: str, number: int | None, pages: int) -> dict[str, Any]:
    """Links to the next newer and next older page (`pages`: how many there are)."""
    newest_older = pages - 1  # the number of the page just older than the newest
    if number is None:
        return {"number": None, "newer": None, "older": urls.paged(base, newest_older) if newest_older else None}
    return {"number": number, "newer": urls.paged(base, number + 1 if number < newest_older else None),
            "older": urls.paged(base, number - 1) if number > 1 else None}


def _heading(term: Term) -> dict[str, Any]:
    """What an older page of a term shows of it: its name and facts, not its count (which
    would make every page of a term change whenever one article joins it)."""
    return {"key": term.key, "label": term.label, "info": term.info}


def _link(term: Term) -> dict[str, str]:
    """A term as a link shows it: key and name."""
    return {"key": term.key, "label": term.label}


class Renderer:
    def __init__(self, archive: Archive, config: SiteConfig, template_dir: Path, inputs: dict[str, str] | None = None,
                 state: State | None = None):
        """`inputs`: each article file's content key, by name (pipeline.Loaded.inputs): a
        record is made from its file's bytes by the loader, so the key stands for the whole
        record in a page's digest. `state`: the state database, where compiled templates
        are kept between builds."""
        self.archive = archive
        self.inputs = inputs or {}
        self.config = config
        self.template_dir = template_dir
        self.env = environment(template_dir, state)
        self._fixed: str | None = None
        self._identity_texts: dict[int, str | None] = {}
        self._membership_tokens: dict[int, str | None] = {}

    # ---- the page list -------------------------------------------------
    def pages(self) -> Iterator[Page]:
        """Every page of the site, in a fixed order."""
        archive = self.archive
        yield self.home_page()
        yield from self.listing_pages("bai-viet/", archive.articles)
        for index in range(len(archive.articles)):
            yield self.article_page(index)
        for name, taxonomy in archive.taxonomies.items():
            yield self.taxonomy_page(name)
            if name == "can-bo" and people_index.FAMILY_ORDER not in taxonomy.terms:
                yield self.taxonomy_page(name, by_family_name=True)
            for term in taxonomy.sorted_terms():
                yield from self.term_pages(name, term)
        yield from self.personnel_pages()
        yield self.search_page()
        yield self.not_found_page()

    def page_at(self, path: str) -> Page | None:
        """The one page at a site path, made without the others (serve renders pages when
        they are asked for); None if the site has no such page."""
        archive = self.archive
        if path == "":
            return self.home_page()
        if path == "tim-kiem/":
            return self.search_page()
        if path == "404.html":
            return self.not_found_page()
        slug = urls.article_slug(path)
        if slug is not None:
            index = self._slugs.get(slug)
            return None if index is None else self.article_page(index)
        parts = path.split("/")
        if path.endswith("/") and parts[0] == "nhan-su":
            return next((page for page in self.personnel_pages() if page.path == path), None)
        if path.endswith("/") and parts[0] == "bai-viet":
            return next((page for page in self.listing_pages("bai-viet/", archive.articles) if page.path == path), None)
        taxonomy = archive.taxonomies.get(parts[0])
        if taxonomy is None or not path.endswith("/"):
            return None
        if len(parts) == 2:
            return self.taxonomy_page(parts[0])
        if parts[:2] == ["can-bo", people_index.FAMILY_ORDER] and len(parts) == 3 and parts[1] not in taxonomy.terms:
            return self.taxonomy_page("can-bo", by_family_name=True)
        term = taxonomy.terms.get(parts[1])
        if term is None:
            return None
        return next((page for page in self.term_pages(parts[0], term) if page.path == path), None)

    def home_page(self) -> Page:
        archive = self.archive
        counts = {name: len(t.terms) for name, t in archive.taxonomies.items()}
        counts["bai-viet"] = len(archive.articles)
        return Page("", "index.html", {"latest": archive.articles[:self.config.per_page], "counts": counts,
                                       "taxonomies": archive.taxonomies, "crumbs": [],
                                       "province_map": self._the_map})

    def listing_pages(self, base: str, articles: list[Record]) -> Iterator[Page]:
        listing = stable_pages(articles, self.config.per_page)
        for number, chunk in listing:
            yield Page(urls.paged(base, number), "listing.html", {
                "heading": "Tất cả bài viết", "articles": chunk, "pager": pager(base, number, len(listing)),
                "crumbs": [("Bài viết", base)]},
                inputs=self._chunk_inputs(chunk, f"listing\n{base}\n{number}\n{len(listing)}"))

    def article_page(self, index: int) -> Page:
        """The page of the archive's index-th article (newest first)."""
        record = self.archive.articles[index]
        page = Page(urls.article(record.slug), "article.html", None, shown_in_full=(record,),
                    make=lambda: self._article_context(record, index), inputs=self._article_inputs(record, index))
        page.late = lambda: {"found": self._mentions_placed(record, page.full_context()["links"])}
        return page

    def taxonomy_page(self, name: str, by_family_name: bool = False) -> Page:
        """A taxonomy's index; for the officials, by given name, or by family name on a
        second page (`by_family_name`)."""
        archive, taxonomy = self.archive, self.archive.taxonomies[name]
        path = urls.term(name, people_index.FAMILY_ORDER) if by_family_name else urls.taxonomy_index(name)
        people = name == "can-bo"
        crumbs = [(taxonomy.title, f"{name}/")] + ([("Theo họ", path)] if by_family_name else [])
        return Page(path, "taxonomy.html", {
            "taxonomy": taxonomy, "crumbs": crumbs,
            "groups": people_index.by_family_name(taxonomy) if by_family_name else self._groups(name),
            "people": {"by_family_name": by_family_name, "latest": self._latest_titles,
                       "other_order": urls.taxonomy_index(name) if by_family_name
                       else urls.term(name, people_index.FAMILY_ORDER)} if people else None,
            "province_map": self._the_map if name == "tinh" else None,
            "years_chart": timeline.years_chart(archive) if name == "nam" else None,
            "series": [s for kind in MEETING_KIND_ORDER if (s := series.series_of_kind(archive, kind))]
            if name == "hoi-nghi" else None,
            "undated": [r for r in archive.articles if r.date is None] if name == "nam" else None})

    def term_pages(self, name: str, term: Term) -> Iterator[Page]:
        """A term's pages: the newest (with its views) and the numbered older ones."""
        taxonomy = self.archive.taxonomies[name]
        base = urls.term(name, term.key)
        listing = stable_pages(term.articles, self.config.per_page)
        for number, chunk in listing:
            newest = number is None

            def make(number: int | None = number, chunk: list[Record] = chunk, newest: bool = newest) -> dict[str, Any]:
                return {
                    "taxonomy": taxonomy, "term": term if newest else _heading(term), "articles": chunk,
                    "notes": {r.slug: term.notes[r.slug] for r in chunk if r.slug in term.notes},
                    "pager": pager(base, number, len(listing)),
                    "related": self._related(name, term) if newest else {},
                    **self._views(name, term, newest),
                    "crumbs": [(taxonomy.title, f"{name}/"), (term.label, base)]}
            yield Page(urls.paged(base, number), "term.html", None, make=make,
                       inputs=self._term_inputs(name, term, number, chunk, len(listing)))

    def personnel_pages(self) -> Iterator[Page]:
        """/nhan-su/: every personnel decision, newest first, paginated as the listings are;
        the newest page has the counts by year and action. The context holds the decisions
        as plain values, so each page's digest has what it shows."""
        base = "nhan-su/"
        listing = stable_pages(self._decisions, self.config.per_page)
        for number, chunk in listing:
            yield Page(urls.paged(base, number), "personnel.html", {
                "decisions": chunk, "pager": pager(base, number, len(listing)),
                "counts": personnel.counts(self._decisions) if number is None else None,
                "crumbs": [("Nhân sự", base)]})

    def search_page(self) -> Page:
        taxonomies = self.archive.taxonomies
        return Page("tim-kiem/", "search.html", {"crumbs": [("Tìm kiếm", "tim-kiem/")],
                                                 "provinces": sorted(taxonomies["tinh"].terms.values(),
                                                                     key=lambda t: vietnamese_order(t.label)),
                                                 "years": sorted(taxonomies["nam"].terms, reverse=True),
                                                 "kinds": MEETING_KIND_ORDER, "actions": ACTIONS})

    def not_found_page(self) -> Page:
        return Page("404.html", "404.html", {"crumbs": []}, in_sitemap=False)

    # made once per renderer: every page of a kind shows them
    @functools.cached_property
    def _meeting_neighbours(self) -> dict[str, tuple[Term | None, Term | None]]:
        return series.neighbours(self.archive)

    @functools.cached_property
    def _the_map(self) -> Any:
        return province_map.view(self.archive)

    @functools.cached_property
    def _latest_titles(self) -> dict[str, dict[str, Any]]:
        return people_index.latest_titles(self.archive.taxonomies["can-bo"])

    @functools.cached_property
    def _decisions(self) -> list[personnel.Decision]:
        return personnel.decisions(self.archive)

    @functools.cached_property
    def _decisions_by_page(self) -> dict[str, list[personnel.Decision]]:
        """The decisions a province's or an official's page shows, by the page's path."""
        return personnel.by_page(self._decisions)

    @functools.cached_property
    def _slugs(self) -> dict[str, int]:
        return {record.slug: index for index, record in enumerate(self.archive.articles)}

    def _article_context(self, record: Record, index: int) -> dict[str, Any]:
        """What an article page shows. Everything it reads is in `_article_inputs`: the
        record, its neighbours in the archive's order, its officials' page keys."""
        links = [(o.name, urls.term("can-bo", self.archive.official_key(o.name))) for o in record.officials]
        links += [(d.text, urls.term("van-ban", d.key)) for d in record.documents]
        articles = self.archive.articles
        return {"record": record, "links": links,
                "newer": articles[index - 1] if index > 0 else None,
                "older": articles[index + 1] if index + 1 < len(articles) else None,
                "crumbs": [("Bài viết", "bai-viet/"), (record.title, urls.article(record.slug))]}

    def _article_inputs(self, record: Record, index: int) -> str | None:
        """What `_article_context` makes an article page's context from: the identities of
        the record and of its newer and older neighbours (each a file's content key and what
        the archive settled about it), and the page keys of the officials it names (which
        move when a namesake arrives). None where a record's file is not known."""
        articles = self.archive.articles
        identities = [self._identity_text(record),
                      self._identity_text(articles[index - 1]) if index > 0 else "-",
                      self._identity_text(articles[index + 1]) if index + 1 < len(articles) else "-"]
        if None in identities:
            return None
        return "\n".join([*identities, *(self.archive.official_key(o.name) for o in record.officials)])  # type: ignore[misc]

    def make_identities(self) -> None:
        """Every record's identity text (_identity_text), made now: the pages' inputs, the
        records file and the search index all use them."""
        for record in self.archive.articles:
            self._identity_text(record)

    def _identity_text(self, record: Record) -> str | None:
        """A record's identity (see _identity) as text, made once per record and renderer."""
        found = self._identity_texts.get(id(record), False)
        if found is False:
            found = self._identity_texts[id(record)] = identity(record, self.inputs.get(record.source))
        return found  # type: ignore[return-value]

    def _chunk_inputs(self, chunk: list[Record], head: str) -> str | None:
        """A listing's inputs: `head` (what names the page and its place among its listing's
        pages) and the identities of the articles it lists (what a listing shows of each, and
        a term's note on each, follow from them)."""
        identities = [self._identity_text(record) for record in chunk]
        return None if None in identities else "\n".join([head, *identities])  # type: ignore[list-item]

    def _term_inputs(self, name: str, term: Term, number: int | None, chunk: list[Record], pages: int) -> str | None:
        """What a term's page is made from (see term_pages and _views). An older page: the
        term's name and facts, its place among the term's pages and the articles it lists.
        The newest page shows the term's count and views made from all of its articles: each
        article's identity and the terms it belongs to (their keys and names: the related
        terms, careers' companions and citations' documents are counted from them), and what
        comes from elsewhere in the archive: the personnel decisions shown on the page, the
        officials whose names fold to the same slug, the meeting's neighbours in its series."""
        head = f"term\n{name}\n{term.key}\n{term.label}\n{term.info!r}\n{number}\n{pages}"
        if number is not None:
            return self._chunk_inputs(chunk, head)
        known = self._membership_tokens
        tokens = [known[id(record)] if id(record) in known else self._membership_token(record)
                  for record in term.articles]
        if None in tokens:
            return None
        path = urls.term(name, term.key)
        terms = self.archive.taxonomies[name].terms
        elsewhere = [repr(term.spellings), repr(self._decisions_by_page.get(path, [])),
                     repr([(key, terms[key].label) for key in self.archive.look_alike_keys.get(term.key, [])])
                     if name == "can-bo" else "",
                     repr([t and (t.key, t.label, t.info) for t in self._meeting_neighbours.get(term.key, ())])
                     if name == "hoi-nghi" else ""]
        return "\n".join([head, str(term.count), *elsewhere, *tokens])  # type: ignore[list-item]

    def _membership_token(self, record: Record) -> str | None:
        """A record's identity and the keys and names of the terms it belongs to, hashed: made
        once per record and renderer (a record is counted on each of its terms' pages)."""
        found = self._membership_tokens.get(id(record), False)
        if found is False:
            identity_text = self._identity_text(record)
            if identity_text is None:
                found = None
            else:
                taxonomies = self.archive.taxonomies
                parts = [identity_text]
                for taxonomy, keys in self.archive.memberships[id(record)].items():
                    terms = taxonomies[taxonomy].terms
                    parts.append(taxonomy + "\t" + "\t".join(f"{key}={terms[key].label}" if key in terms else key
                                                             for key in keys))
                found = hashlib.blake2b("\n".join(parts).encode("utf-8"), digest_size=16).hexdigest()
            self._membership_tokens[id(record)] = found
        return found  # type: ignore[return-value]

    @staticmethod
    def _mentions_placed(record: Record, links: list[tuple[str, str]]) -> dict[int, list[tuple[int, int, str]]]:
        """Where the loader found each linked mention, per paragraph (views.reading)."""
        spans = [o.spans for o in record.officials] + [d.spans for d in record.documents]
        return reading.spans_by_paragraph(record.body, record.captions, record.caption_after,
                                          [(where, href) for where, (_, href) in zip(spans, links) if where])

    def _groups(self, name: str) -> list[tuple[str, list[Term]]]:
        taxonomy = self.archive.taxonomies[name]
        groups: dict[str, list[Term]] = {}
        if name == "can-bo":
            return people_index.by_given_name(taxonomy)
        if name == "tinh":
            for term in sorted(taxonomy.terms.values(), key=lambda t: (vietnamese_order(t.label), t.key)):
                groups.setdefault(initial_letter(term.label), []).append(term)
        elif name == "hoi-nghi":
            for kind in MEETING_KIND_ORDER:
                terms = [t for t in taxonomy.terms.values() if t.info.get("kind") == kind]
                if terms:
                    groups[kind.capitalize()] = sorted(terms, key=lambda t: (t.info.get("date") or "", t.key),
                                                       reverse=True)
        elif name == "van-ban":
            for term in sorted(taxonomy.terms.values(), key=lambda t: (fold(t.info.get("kind", "")),
                                                                        t.info.get("number") or 0, t.key)):
                groups.setdefault(term.info.get("kind", "Khác"), []).append(term)
        else:
            groups["Các năm"] = sorted(taxonomy.terms.values(), key=lambda t: t.key, reverse=True)
        return list(groups.items())

    def _views(self, name: str, term: Term, first_page: bool) -> dict[str, Any]:
        """The view a term's first page shows above its article list (issue: career,
        citations over time, the meeting's series, a year's months)."""
        archive = self.archive
        decisions = self._decisions_by_page.get(urls.term(name, term.key), []) if first_page else []
        return {"career": careers.career(archive, term, decisions=decisions)
                if first_page and name == "can-bo" else None,
                "personnel": decisions if name == "tinh" else None,
                "citations": citations.citations(archive, term) if first_page and name == "van-ban" else None,
                "neighbours": tuple(t and {**_link(t), "info": t.info} for t in self._meeting_neighbours[term.key])
                if first_page and name == "hoi-nghi" and term.key in self._meeting_neighbours else None,
                "months": timeline.months_of(term) if first_page and name == "nam" else None}

    def _related(self, name: str, term: Term) -> dict[str, list]:
        wanted = {"tinh": ["can-bo", "hoi-nghi", "van-ban"], "hoi-nghi": ["tinh", "can-bo", "van-ban"],
                  "can-bo": ["tinh", "hoi-nghi", "van-ban"], "van-ban": ["tinh", "can-bo"],
                  "nam": ["tinh", "hoi-nghi"]}[name]
        # by name only: the other terms' counts are not shown, so they must not be in the digest
        return {other: [(_link(t), n) for t, n in self.archive.related(term, other, limit=30)] for other in wanted}

    def term_url(self, taxonomy: str, label: str) -> str:
        """The page of a province or an official named in a record."""
        key = self.archive.official_key(label) if taxonomy == "can-bo" else slug(label)
        return urls.term(taxonomy, key)

    # ---- what a page depends on ------------------------------------------
    def page_digest(self, page: Page) -> str:
        """A hash of everything that goes into a page: templates, settings, code version and
        the page's context. Equal digests mean equal pages, so an incremental build can
        keep the previous file instead of rendering it again."""
        full = [self._identity(record) for record in page.shown_in_full]
        payload = json.dumps([self._fixed_inputs(), page.path, page.template, full,
                              self._signature(page.full_context())],
                             ensure_ascii=False, sort_keys=True, default=str)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]

    def _identity(self, record: Record) -> Any:
        """What a record shown in full is made from: its file's content key (the code's
        version is in every digest) and what resolve_archive settled across the archive
        (its slug, its documents' keys); the record itself where the key is not known.
        Hashing every record's JSON took two thirds of the page digests."""
        key = self.inputs.get(record.source)
        if not key:
            return record.to_dict()
        return [key, *settled(record)]

    def archive_digest(self, inputs: dict[str, str]) -> str:
        """A hash of everything the archive-wide files (feeds, sitemap, records file, search
        index) are made from: every article file's content key, and the code, templates and
        settings (a record is a function of its file, the loader and the other records)."""
        payload = json.dumps([self._fixed_inputs(), sorted(inputs.items())], ensure_ascii=False)
        return "archive-" + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]

    def fixed_inputs(self) -> str:
        """The digest of what every page depends on: code, templates, map data, settings."""
        return self._fixed_inputs()

    def _fixed_inputs(self) -> str:
        if self._fixed is None:
            digest = hashlib.sha256(code_version().encode())
            for path in sorted(self.template_dir.rglob("*")):
                if path.is_file():
                    digest.update(path.relative_to(self.template_dir).as_posix().encode() + path.read_bytes())
            digest.update(json.dumps(province_map.map_data(), sort_keys=True).encode())
            config = self.config
            digest.update(repr((config.title, config.description, config.base_url, config.site_url,
                                config.per_page)).encode())
            self._fixed = digest.hexdigest()
        return self._fixed

    def _signature(self, value: Any) -> Any:
        if type(value) in _PLAIN:  # most values, looked up first (0.4 million a rebuild at 10,000)
            return value
        if isinstance(value, Record):  # what a listing shows of an article
            return [value.slug, value.title, value.date, value.day_month, value.province, value.outlet,
                    value.meeting.kind if value.meeting else None]
        if isinstance(value, Term):
            # What any page shows of a term: its name, facts and count. Its articles and what
            # it says in each (notes) are shown only as a page's own list, and they come in
            # that page's "articles" and "notes"; so a page that merely links to a province is
            # not rendered again because another article joined it.
            return ["term", value.key, value.label, value.info, value.count]
        if isinstance(value, Taxonomy):  # pages show its name; its terms come in their own lists
            return ["taxonomy", value.name, value.title, value.singular]
        if isinstance(value, dict):
            return {str(k): self._signature(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [self._signature(v) for v in value]
        return value

    # ---- rendering -----------------------------------------------------
    def render(self, page: Page) -> str:
        template = self.env.get_template(page.template)
        absolute_links = page.path == "404.html"  # served at any depth: links from base_url

        def url(target: str) -> str:
            if absolute_links:
                return urls.absolute(target, self.config.base_url)
            return urls.relative(target, page.path)

        # The site's root as seen from this page ("../../"): the chrome's fixed links are
        # written {{ root }}tinh/ rather than url('tinh/'), a call saved 17 times a page.
        root = Markup(escape(url(""))) if absolute_links else Markup("../" * page.path.count("/"))
        context = dict(page.full_context())
        if page.late is not None:
            context.update(page.late())
        context.update(site=self.config, page_path=page.path, url=url, linkify=linkify, term_url=self.term_url,
                       reading_blocks=reading.blocks,
                       root=root, home=root or Markup("./"),
                       canonical=urls.absolute(page.path, self.config.base_url, self.config.site_url))
        return template.render(**context)

    def extra_files(self, sitemap_paths: list[str],
                    pieces: PieceStore) -> Iterator[tuple[str, str | bytes | StoredFile]]:
        """The archive-wide files; the records file's pieces and the search index are kept in
        the state database (`pieces.state`) where there is one."""
        yield "sitemap.xml", self.sitemap(sitemap_paths)
        yield from self.archive_files(pieces)

    def sitemap(self, sitemap_paths: list[str]) -> str:
        """The sitemap: the one archive-wide file made from the page list."""
        return feeds.sitemap(sitemap_paths, self.config)

    def archive_files(self, pieces: PieceStore) -> Iterator[tuple[str, str | bytes | StoredFile]]:
        """The archive-wide files but the sitemap: made from the archive alone, never from the
        page list, so a build can make them beside its pages (pipeline, site/beside)."""
        yield "feed.xml", feeds.atom(self.archive.articles, self.config)
        yield feeds.PERSONNEL_FEED, feeds.personnel_atom(self._decisions, self.config)
        yield "robots.txt", feeds.robots(self.config)
        yield RECORDS_FILE, records_file(self.archive.articles, pieces,
                                         identities=[self._identity_text(record) for record in self.archive.articles])
        if pieces.state is None:
            yield from search.build_index(self.archive.articles).items()
        else:
            yield from search_files(self.archive.articles, self._identity_text, pieces.state, code_version()).items()

