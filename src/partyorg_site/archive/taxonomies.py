"""The archive: every record, and the taxonomies that index them.

One generic Taxonomy serves provinces, meetings, officials, documents and years; each
is described by a function that says which terms an article belongs to. Building them
is one pass over the records, so the cost grows linearly with the archive.
"""
from __future__ import annotations

import re
from collections import defaultdict
from itertools import groupby
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable


from partyorg_site.extract.places import merged_into_2025
from partyorg_site.archive.title_order import title_order
from partyorg_site.models import Record
from partyorg_site.vietnamese import fold, slug, squash


@dataclass
class Term:
    """One index page: a province, a meeting, an official, a document, a year."""

    key: str
    label: str
    articles: list[Record] = field(default_factory=list)
    info: dict[str, Any] = field(default_factory=dict)
    # per article: what this term says there (an official's titles, a document's citation)
    notes: dict[str, Any] = field(default_factory=dict)
    # the label folded, for sorting (A-Z lists, ties among related terms): an attribute, as
    # the site sorts by it hundreds of thousands of times; `relabel` keeps it in step
    sort_label: str = field(default="", repr=False, compare=False)
    # an official's: the ways the name was printed, where more than one (case, spacing)
    spellings: list[str] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.sort_label = fold(self.label)

    @property
    def count(self) -> int:
        return len(self.articles)

    def relabel(self, label: str) -> None:
        self.label, self.sort_label = label, fold(label)


@dataclass
class Taxonomy:
    name: str  # the URL segment: tinh, hoi-nghi, can-bo, van-ban, nam
    title: str  # the Vietnamese heading
    singular: str
    terms: dict[str, Term] = field(default_factory=dict)

    def sorted_terms(self) -> list[Term]:
        return sorted(self.terms.values(), key=lambda t: (t.sort_label, t.key))


# What an article contributes to a taxonomy: (key, label, info, note) for each term.
Contribution = tuple[str, str, dict[str, Any], Any]


def _provinces(record: Record) -> Iterable[Contribution]:
    for name in record.provinces:
        yield slug(name), name, {"merged_into_2025": merged_into_2025(name)}, name == record.province


def _meetings(record: Record) -> Iterable[Contribution]:
    if record.meeting:
        m = record.meeting
        yield m.key, m.title, {"kind": m.kind, "date": m.date}, m.title


def person_key(name: str) -> str:
    """Who a printed name is: names that differ only by case or spacing are one person (the
    loader has already put tone marks in one place). "Nguyễn Văn An" and "Nguyễn Văn Ân" are
    two people, though their URL slugs would be the same; `check` points such pairs out."""
    return squash(name).casefold()


def _officials(record: Record) -> Iterable[Contribution]:
    for official in record.officials:
        yield person_key(official.name), official.name, {}, official.titles


def _documents(record: Record) -> Iterable[Contribution]:
    for doc in record.documents:
        yield doc.key, document_label(doc.to_dict()), {"kind": doc.kind, "number": doc.number, "symbol": doc.symbol,
                                                       "date": doc.date, "issuer": doc.issuer, "term": doc.term}, doc.text


def _years(record: Record) -> Iterable[Contribution]:
    if record.date:
        yield record.date[:4], record.date[:4], {}, record.date


def _name_by_most_printed(taxonomy: Taxonomy) -> None:
    """A person's heading is the spelling of their name printed most often ("Nguyễn Văn An"
    over a once-printed "nguyễn Văn An"; ties go to the first in Unicode order), and the
    spellings merged into them are kept for their page."""
    for identity, term in taxonomy.terms.items():
        printed: dict[str, int] = defaultdict(int)
        for record in term.articles:
            for official in record.officials:
                if person_key(official.name) == identity:
                    printed[official.name] += 1
        if len(printed) > 1:
            term.relabel(min(printed, key=lambda name: (-printed[name], name)))
            term.spellings = sorted(printed)


_NUMBERED = re.compile(r"-\d+$")


def _base_key(key: str) -> str:
    """"nguyen-van-an-2" -> "nguyen-van-an" (a person's slug never ends in a number)."""
    return _NUMBERED.sub("", key)


def _give_url_keys(taxonomy: Taxonomy, memberships: dict[int, dict[str, list[str]]]) -> dict[str, str]:
    """Officials are collected by person; their pages need ASCII keys. People whose names
    fold to one slug get "-2", "-3" in the order of their names, so a key depends only on
    the names in the archive, never on the order of the articles."""
    by_slug: dict[str, list[str]] = defaultdict(list)
    for identity, term in taxonomy.terms.items():
        by_slug[slug(term.label)].append(identity)
    keys = {identity: base if n == 1 else f"{base}-{n}"
            for base, identities in by_slug.items() for n, identity in enumerate(sorted(identities), 1)}
    terms = {}
    for identity, term in taxonomy.terms.items():
        term.key = keys[identity]
        terms[term.key] = term
    taxonomy.terms = terms
    for groups in memberships.values():
        groups[taxonomy.name] = [keys[identity] for identity in groups[taxonomy.name]]
    return keys


def document_label(doc: dict[str, Any]) -> str:
    """How the site names a document: "Nghị quyết số 18-NQ/TW", "Nghị quyết Trung ương 4 khóa XII"."""
    if doc.get("plenum") is not None:
        term = f" khóa {doc['term']}" if doc.get("term") else ""
        return f"{doc['kind']} Trung ương {doc['plenum']}{term}"
    if doc.get("congress") is not None:
        where = f" {doc['issuer']}" if doc.get("issuer") else ""
        return f"{doc['kind']} Đại hội{where} {doc['congress']}"
    label = f"{doc['kind']} số {doc.get('symbol') or doc.get('number')}"
    if doc.get("issuer"):
        label += f" của {doc['issuer']}"
    if doc.get("term") and not doc.get("date"):
        label += f" (khóa {doc['term']})"
    return label


TAXONOMIES: list[tuple[str, str, str, Callable[[Record], Iterable[Contribution]]]] = [
    ("tinh", "Tỉnh, thành phố", "Tỉnh, thành phố", _provinces),
    ("hoi-nghi", "Hội nghị", "Hội nghị", _meetings),
    ("can-bo", "Cán bộ", "Cán bộ", _officials),
    ("van-ban", "Văn bản", "Văn bản", _documents),
    ("nam", "Năm", "Năm", _years),
]


def newest_first(records: Iterable[Record]) -> list[Record]:
    """The order of every list of articles: by event date, newest first, where a day-dated
    article comes before a month- or year-only one of the same month or year (it is known
    to be at least as recent as "tháng 6/2025" or "năm 2025" says); then by publication
    time, newest first, those without one after; then by title, A-Z in Vietnamese order;
    then by slug, which is unique, so the order never depends on the files' order.
    Undated articles come last, in the same order by publication time and title.
    Titles are compared only among articles of one date and time (a Vietnamese sort key
    costs five times the rest), by a stable sort of each such run."""
    keyed = sorted(((_recency(record), record) for record in records), key=lambda pair: pair[0], reverse=True)
    ordered: list[Record] = []
    for _, run in groupby(keyed, key=lambda pair: pair[0]):
        articles = [record for _, record in run]
        if len(articles) > 1:
            articles.sort(key=lambda record: (title_order(record.title), record.slug))
        ordered += articles
    return ordered


def _recency(record: Record) -> tuple[bool, str, bool, str]:
    """Larger is newer. A date or time is padded with spaces, which sort before every digit
    and "-": "2025" -> "2025      " comes after "2025-06-10" and "2025-06    " in a newest-first
    list, where comparing the strings themselves put "2025" first."""
    return (record.date is not None, (record.date or "").ljust(10),
            record.published is not None, (record.published or "").ljust(16))


@dataclass
class Archive:
    articles: list[Record]
    taxonomies: dict[str, Taxonomy]
    # per article (by id) and taxonomy: the keys of the terms it belongs to
    memberships: dict[int, dict[str, list[str]]] = field(default_factory=dict)
    # an official's person_key -> the key of their page
    official_keys: dict[str, str] = field(default_factory=dict)
    # an official's key -> the keys of all whose names fold to one slug with theirs
    # ("nguyen-van-an" -> ["nguyen-van-an", "nguyen-van-an-2"]), for those that have any
    look_alike_keys: dict[str, list[str]] = field(default_factory=dict)
    _key_by_printed_name: dict[str, str] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, records: list[Record]) -> "Archive":
        articles = newest_first(records)
        taxonomies = {}
        memberships: dict[int, dict[str, list[str]]] = {id(record): {} for record in articles}
        for name, title, singular, contributions in TAXONOMIES:
            taxonomy = Taxonomy(name, title, singular)
            for record in articles:
                keys = memberships[id(record)].setdefault(name, [])
                for key, label, info, note in contributions(record):
                    if key not in keys:
                        keys.append(key)
                    term = taxonomy.terms.get(key)
                    if term is None:
                        term = taxonomy.terms[key] = Term(key, label, info=dict(info))
                    else:
                        for k, v in info.items():  # a later citation may know more
                            if term.info.get(k) is None and v is not None:
                                term.info[k] = v
                    if not term.articles or term.articles[-1] is not record:
                        term.articles.append(record)
                        term.notes[record.slug] = note
            taxonomies[name] = taxonomy
        _name_by_most_printed(taxonomies["can-bo"])
        official_keys = _give_url_keys(taxonomies["can-bo"], memberships)
        groups: dict[str, list[str]] = defaultdict(list)
        for key in sorted(official_keys.values()):
            groups[_base_key(key)].append(key)
        look_alikes = {key: keys for keys in groups.values() if len(keys) > 1 for key in keys}
        return cls(articles, taxonomies, memberships, official_keys, look_alikes)

    def official_key(self, name: str) -> str:
        """The key of the page of the official printed as `name` (asked for every mention
        on every page, so remembered per printed spelling)."""
        key = self._key_by_printed_name.get(name)
        if key is None:
            key = self._key_by_printed_name[name] = self.official_keys[person_key(name)]
        return key

    def related(self, term: Term, taxonomy: str, limit: int | None = None) -> list[tuple[Term, int]]:
        """Terms of another taxonomy that occur in this term's articles, by frequency (the
        first `limit` of them: a partial sort, as a year or a province may share thousands)."""
        counts: dict[str, int] = defaultdict(int)
        target = self.taxonomies[taxonomy]
        for record in term.articles:
            for key in self.memberships[id(record)][taxonomy]:
                counts[key] += 1
        terms = target.terms
        # ties: by label, then in the order met (newest article first)
        ranked = sorted((-n, terms[k].sort_label, i, k) for i, (k, n) in enumerate(counts.items()) if k in terms)
        return [(terms[k], -negated) for negated, _, _, k in (ranked if limit is None else ranked[:limit])]

