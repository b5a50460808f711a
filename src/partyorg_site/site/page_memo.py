"""page_memo: page digests by their inputs, kept in the state database between builds.

A page's digest (Renderer.page_digest) is a pure function of the code, templates and
settings and of the page's context; a page that knows what its context is made from
(`Page.inputs`: an article page's record, neighbours and officials' page keys; a listing's
articles; a term page's articles with the keys and names of their terms, and what its
views take from elsewhere, see Renderer._term_inputs) has its digest looked up by those
inputs instead of made again. Adding the newest article to 10,000 changes the inputs of
two article pages (its own and the next older one's), the newest listing page and the
pages of the terms it joins; the others' contexts are never made. A cache of a function and nothing more: a missing or
deleted table costs the digests' time, never a different site (the pages are still
kept only when the output's marker holds the same digest, site/write).
"""
from __future__ import annotations

import hashlib
from typing import Callable

from partyorg_site.archive.state import State
from partyorg_site.site.render import Page


class PageMemo:
    def __init__(self, state: State | None, fixed: str):
        """`fixed`: the digest of the code, templates and settings (every page's)."""
        self.state = state
        self.fixed = fixed
        self.known: dict[str, tuple[str, str]] = {}  # path -> (hash of its inputs, digest), the last build's
        if state is not None:
            self.known = {path: (inputs, digest) for path, inputs, digest in
                          state.query("SELECT path, inputs, digest FROM page_digests")}
        self.seen: dict[str, tuple[str, str]] = {}  # this build's
        self.hits = 0

    def digest(self, page: Page, make: Callable[[Page], str]) -> str:
        """The page's digest: the last build's where its inputs are the same, else made."""
        if page.inputs is None:
            return make(page)
        inputs = hashlib.blake2b(f"{self.fixed}\n{page.template}\n{page.inputs}".encode("utf-8"),
                                 digest_size=16).hexdigest()
        found = self.known.get(page.path)
        if found is not None and found[0] == inputs:
            digest = found[1]
            self.hits += 1
        else:
            digest = make(page)
        self.seen[page.path] = (inputs, digest)
        return digest

    def save(self) -> None:
        """This build's digests in place of the last build's: rows of changed pages only."""
        if self.state is None:
            return
        changed = [(path, inputs, digest) for path, (inputs, digest) in self.seen.items()
                   if self.known.get(path) != (inputs, digest)]
        gone = [(path,) for path in self.known if path not in self.seen]
        if changed or gone:
            self.state.write([("INSERT OR REPLACE INTO page_digests VALUES (?, ?, ?)", changed),
                              ("DELETE FROM page_digests WHERE path = ?", gone)])
        self.known, self.seen = self.seen, {}
