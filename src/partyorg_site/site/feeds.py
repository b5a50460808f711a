"""Atom feed and sitemap. Dates come from the articles, never from the clock, so two
builds of the same archive write the same bytes."""
from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from partyorg_site.site import urls
from partyorg_site.config import SiteConfig
from partyorg_site.models import Record
from partyorg_site.site.views.personnel import Decision

FEED_ENTRIES = 50
_EPOCH = "2000-01-01T00:00:00Z"


def _timestamp(record: Record) -> str:
    return _moment(record.published or record.date)


def _moment(value: str | None) -> str:
    """An Atom timestamp of a date or time of any precision ("2019", "2019-09-30T08:15")."""
    if not value:
        return _EPOCH
    if len(value) == 4:
        value += "-01-01"
    elif len(value) == 7:
        value += "-01"
    return value + ("T00:00:00Z" if "T" not in value else ":00Z")


# What XML 1.0 cannot carry (control characters but tab and line ends, U+FFFE, U+FFFF) and
# what it must escape: a text with none of them (every URL of the sitemap) is written as it is.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SPECIAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff&<>]")


def _xml(text: str) -> str:
    """Escape for XML and drop characters XML 1.0 cannot carry. Two regular-expression
    passes, not a test of each character in Python: the sitemap's 13,000 URLs cost 0.3 s
    of every one-article rebuild that way."""
    if not _SPECIAL.search(text):
        return text
    return escape(_NOT_XML.sub("", text))


def atom(articles: list[Record], config: SiteConfig) -> str:
    entries = articles[:FEED_ENTRIES]
    home = urls.absolute("", config.base_url, config.site_url)
    updated = max((_timestamp(r) for r in entries), default=_EPOCH)
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">',
           f"<title>{_xml(config.title)}</title>",
           f"<subtitle>{_xml(config.description)}</subtitle>",
           f"<link href={quoteattr(home)}/>",
           f"<link rel=\"self\" href={quoteattr(urls.absolute('feed.xml', config.base_url, config.site_url))}/>",
           f"<id>{_xml(home if config.site_url else 'urn:partyorg-site:' + config.base_url)}</id>",
           f"<updated>{updated}</updated>"]
    for record in entries:
        link = urls.absolute(urls.article(record.slug), config.base_url, config.site_url)
        summary = record.body[0] if record.body else ""
        out += ["<entry>",
                f"<title>{_xml(record.title)}</title>",
                f"<link href={quoteattr(link)}/>",
                f"<id>{_xml(link if config.site_url else 'urn:partyorg-site:article:' + record.slug)}</id>",
                f"<updated>{_timestamp(record)}</updated>",
                f"<author><name>{_xml(record.outlet or config.title)}</name></author>",
                f"<summary>{_xml(summary[:600])}</summary>",
                "</entry>"]
    out.append("</feed>")
    return "\n".join(out) + "\n"


PERSONNEL_FEED = "nhan-su/feed.xml"


def personnel_atom(decisions: list[Decision], config: SiteConfig) -> str:
    """/nhan-su/feed.xml: the newest personnel decisions, one entry each, for a researcher
    to follow; each links to the article that reports it. Dated by the decision (else its
    article), as /nhan-su/ lists them; ids are stable (the article's slug and the decision's
    words), so a reader never sees an entry twice."""
    entries = decisions[:FEED_ENTRIES]
    home = urls.absolute("nhan-su/", config.base_url, config.site_url)
    updated = max((_moment(d.date) for d in entries), default=_EPOCH)
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">',
           f"<title>{_xml('Quyết định nhân sự · ' + config.title)}</title>",
           f"<subtitle>{_xml('Bổ nhiệm, bầu, chỉ định, điều động, thôi giữ chức, nghỉ hưu và kỷ luật cán bộ')}</subtitle>",
           f"<link href={quoteattr(home)}/>",
           f"<link rel=\"self\" href={quoteattr(urls.absolute(PERSONNEL_FEED, config.base_url, config.site_url))}/>",
           f"<id>{_xml(home if config.site_url else 'urn:partyorg-site:' + config.base_url + 'nhan-su/')}</id>",
           f"<updated>{updated}</updated>"]
    for decision in entries:
        link = urls.absolute(decision.article, config.base_url, config.site_url)
        title = f"{decision.name}: {decision.action}" + (f" {decision.post}" if decision.post else "")
        summary = title + (f", do {decision.by} quyết định" if decision.by else "") + \
            (f" ({decision.province})" if decision.province else "") + f". Bài: {decision.article_title}"
        out += ["<entry>",
                f"<title>{_xml(title)}</title>",
                f"<link href={quoteattr(link)}/>",
                f"<id>{_xml(link + '#' + decision.key.split('/', 1)[1] if config.site_url else 'urn:partyorg-site:nhan-su:' + decision.key)}</id>",
                f"<updated>{_moment(decision.date)}</updated>",
                f"<author><name>{_xml(config.title)}</name></author>",
                f"<summary>{_xml(summary)}</summary>",
                "</entry>"]
    out.append("</feed>")
    return "\n".join(out) + "\n"


def sitemap(paths: list[str], config: SiteConfig) -> str:
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for path in paths:
        out.append(f"<url><loc>{_xml(urls.absolute(path, config.base_url, config.site_url))}</loc></url>")
    out.append("</urlset>")
    return "\n".join(out) + "\n"


def robots(config: SiteConfig) -> str:
    return f"User-agent: *\nAllow: /\nSitemap: {urls.absolute('sitemap.xml', config.base_url, config.site_url)}\n"
