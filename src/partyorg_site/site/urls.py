"""URLs: every page's path is decided here, before any HTML is made.

Paths are site-relative ("tinh/nghe-an/"). Links in pages are made relative to the page
that holds them ("../../tinh/nghe-an/"), so the same files work at "/", under a
GitHub Pages sub-path such as "/partyorg-archive/", and behind any proxy; `absolute`
adds the configured base_url (and origin) for canonical links, feeds and the sitemap.
"""
from __future__ import annotations

def article(slug: str) -> str:
    return f"bai-viet/{slug}/"


def article_slug(path: str) -> str | None:
    """The slug of an article page's path ("bai-viet/<slug>/"), or None for another page."""
    if path.startswith("bai-viet/") and path.endswith("/") and path.count("/") == 2 and len(path) > 10:
        return path[len("bai-viet/"):-1]
    return None


def taxonomy_index(name: str) -> str:
    return f"{name}/"


def term(taxonomy: str, key: str) -> str:
    return f"{taxonomy}/{key}/"


def paged(path: str, page: int | None) -> str:
    """The newest page is the listing itself (page None); older pages live under
    "trang/N/", numbered from the oldest (see render.stable_pages)."""
    return path if page is None else f"{path}trang/{page}/"


def output_file(path: str) -> str:
    """The file that serves a path: directories get index.html."""
    return path + "index.html" if path == "" or path.endswith("/") else path


def relative(target: str, current: str) -> str:
    """A link from the page at `current` to `target`, both site-relative paths: up to the
    site's root, then down ("../../tinh/nghe-an/"). Runs for every link of every page, so
    it counts slashes instead of normalising paths."""
    return ("../" * current.count("/") + target) or "./"


def absolute(path: str, base_url: str, site_url: str = "") -> str:
    """The public URL of a path: origin + base_url + path."""
    return f"{site_url.rstrip('/')}{base_url}{path}"
