"""The published database (data/archive.sqlite): the archive's records, normalised, for
readers and researchers who would rather ask SQL than parse the records file.

Made from the same records as data/articles.json.gz, with the standard library's sqlite3:
plain tables, foreign keys and a few views, so it opens unchanged in the sqlite3 shell,
DB Browser for SQLite and Datasette. Bodies are left out by default (the records file has
them); `database_bodies: true` in site.yaml adds them, with an FTS5 index.

Two builds of the same records give the same bytes, so the file is kept or published like
every other archive-wide file: the database is made in memory by one fixed sequence of
statements (rows in the site's order, ids numbered in it), with its header fields fixed
(page size, text encoding, application id, schema version, no write-ahead log), compacted
with VACUUM and serialised. The bytes depend on the records and on SQLite's version, which
the file's header records; nothing in them comes from the clock or the machine.
"""
from __future__ import annotations

import sqlite3
from typing import Any, Callable

from partyorg_site.extract.places import merged_into_2025
from partyorg_site.archive.taxonomies import Archive, Taxonomy, person_key
from partyorg_site.models import Record
from partyorg_site.errors import fault_point
from partyorg_site.site.write import SiteWriter
from partyorg_site.vietnamese import slug as vietnamese_slug

DATABASE_FILE = "data/archive.sqlite"
APPLICATION_ID = 0x506F7267  # "Porg": says which program's file this is (`PRAGMA application_id`)
SCHEMA_VERSION = 1  # `PRAGMA user_version`: raised when a table or column changes
PAGE_SIZE = 4096

SCHEMA = """
CREATE TABLE provinces (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,          -- the site's page: tinh/<slug>/
    name TEXT NOT NULL,                 -- one of the 63 provinces of 2008-2025
    merged_into_2025 TEXT               -- the province it belongs to since the July 2025 merger
);
CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,           -- the site's page: hoi-nghi/<key>/
    kind TEXT NOT NULL,                 -- giao ban, tổng kết, sơ kết, ...
    date TEXT,                          -- YYYY-MM-DD, YYYY-MM or YYYY; NULL if unknown
    title TEXT NOT NULL
);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,             -- 1 is the newest article, as the site lists them
    slug TEXT NOT NULL UNIQUE,          -- the site's page: bai-viet/<slug>/
    title TEXT NOT NULL,
    title_derived INTEGER NOT NULL,     -- 1: the page printed no headline; made from the lead
    outlet TEXT,
    published TEXT,                     -- the page's own timestamp, where it had one
    date TEXT,                          -- the event's date: YYYY-MM-DD, YYYY-MM or YYYY; NULL if unknown
    date_precision TEXT,                -- day, month or year
    date_source TEXT,                   -- where the year came from: text, published, path, front matter
    year INTEGER,                       -- the date's year, for grouping
    province_id INTEGER REFERENCES provinces(id),  -- the province it is about; NULL for a national story
    meeting_id INTEGER REFERENCES meetings(id),    -- the meeting it reports, if any
    source TEXT NOT NULL{body_columns}
);
CREATE TABLE article_provinces (      -- every province named in the article, in order of mention
    article_id INTEGER NOT NULL REFERENCES articles(id),
    province_id INTEGER NOT NULL REFERENCES provinces(id),
    position INTEGER NOT NULL,
    PRIMARY KEY (article_id, province_id)
);
CREATE TABLE officials (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,          -- the site's page: can-bo/<slug>/
    name TEXT NOT NULL,                 -- as printed most often
    other_spellings TEXT                -- other printings merged into this person, '; ' between them
);
CREATE TABLE article_officials (      -- who is named with a title in which article, in order of mention
    article_id INTEGER NOT NULL REFERENCES articles(id),
    official_id INTEGER NOT NULL REFERENCES officials(id),
    printed_name TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (article_id, official_id)
);
CREATE TABLE titles (                 -- official x article x title: each title an article gives a person
    article_id INTEGER NOT NULL REFERENCES articles(id),
    official_id INTEGER NOT NULL REFERENCES officials(id),
    title TEXT NOT NULL,                -- as printed ("Bí thư Tỉnh ủy", "Ủy viên BTV Tỉnh ủy")
    position INTEGER NOT NULL,
    PRIMARY KEY (article_id, official_id, position),
    FOREIGN KEY (article_id, official_id) REFERENCES article_officials(article_id, official_id)
);
CREATE TABLE appointments (           -- personnel decisions reported for a named person
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    official_id INTEGER REFERENCES officials(id),  -- the person, where the article also names them as an official
    name TEXT NOT NULL,
    action TEXT NOT NULL,               -- bổ nhiệm, bầu, chỉ định, điều động, thôi giữ chức, nghỉ hưu, kỷ luật
    post TEXT,                          -- the post gained or lost (for kỷ luật, the form)
    date TEXT,                          -- the decision's or ceremony's date, where printed
    decided_by TEXT,                    -- the record's `by`: the deciding body, as printed
    position INTEGER NOT NULL
);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,           -- the site's page: van-ban/<key>/
    label TEXT NOT NULL,                -- as the site names it
    kind TEXT NOT NULL,                 -- Nghị quyết, Chỉ thị, Quy định, Kết luận, Hướng dẫn, ...
    number INTEGER,
    symbol TEXT,                        -- e.g. 18-NQ/TW, where any citation printed it
    date TEXT,
    issuer TEXT,
    term TEXT                           -- the Party's term (khóa), e.g. XII
);
CREATE TABLE citations (              -- document x article: each document an article cites
    article_id INTEGER NOT NULL REFERENCES articles(id),
    document_id INTEGER NOT NULL REFERENCES documents(id),
    printed TEXT NOT NULL,              -- the citation as printed in the article
    position INTEGER NOT NULL,
    PRIMARY KEY (article_id, document_id)
);
"""

# Made after the rows are in: building an index once is quicker than keeping it up to date
# row by row (a third of the database's time at 2,000 articles).
INDEXES_AND_VIEWS = """
CREATE INDEX articles_by_date ON articles(date);
CREATE INDEX articles_by_province ON articles(province_id);
CREATE INDEX article_provinces_by_province ON article_provinces(province_id);
CREATE INDEX article_officials_by_official ON article_officials(official_id);
CREATE INDEX titles_by_official ON titles(official_id, title);
CREATE INDEX appointments_by_article ON appointments(article_id);
CREATE INDEX citations_by_document ON citations(document_id);

-- An article with its province and meeting by name: the site's article list as a table.
CREATE VIEW article_list AS
SELECT a.id, a.slug, a.date, a.year, a.title, a.outlet, p.name AS province, m.kind AS meeting_kind
FROM articles a LEFT JOIN provinces p ON p.id = a.province_id LEFT JOIN meetings m ON m.id = a.meeting_id;

-- Each title printed for a person, with the article's date: a career, a row per printing.
CREATE VIEW official_titles AS
SELECT o.id AS official_id, o.name AS official, t.title, a.date, a.year, a.slug AS article, p.name AS province
FROM titles t JOIN officials o ON o.id = t.official_id JOIN articles a ON a.id = t.article_id
LEFT JOIN provinces p ON p.id = a.province_id;

-- Each citation of a document, with the citing article's date and province.
CREATE VIEW document_citations AS
SELECT d.id AS document_id, d.label AS document, d.symbol, c.printed, a.date, a.year, a.slug AS article,
       p.name AS province
FROM citations c JOIN documents d ON d.id = c.document_id JOIN articles a ON a.id = c.article_id
LEFT JOIN provinces p ON p.id = a.province_id;
"""

BODY_COLUMNS = """,
    body TEXT NOT NULL,                 -- the article's paragraphs, a blank line between them
    captions TEXT NOT NULL              -- its image captions, one a line"""

# Full-text search over titles and bodies (with `database_bodies: true`): the index of the
# articles table's own text, so the text is stored once (content="articles", in double
# quotes, is how Datasette finds it and offers a search box on the table). Tone marks are
# optional in a query ("sat hach" finds "sát hạch"), but đ is a letter of its own to SQLite.
FULL_TEXT = """
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, captions, content="articles", content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
"""


def publish_database(writer: SiteWriter, archive: Archive, archive_digest: str, with_bodies: bool) -> None:
    """Write the database into the build, or keep the previous build's when neither the
    archive (its digest covers every input and the code) nor the setting changed."""
    group = f"{archive_digest}-database{'-bodies' if with_bodies else ''}"
    if not writer.keep_all(group):
        writer.write_if_changed(DATABASE_FILE, database_bytes(archive, with_bodies), group=group)


def database_bytes(archive: Archive, with_bodies: bool = False) -> bytes:
    """The database file's bytes: made in memory, compacted, serialised."""
    connection = sqlite3.connect(":memory:", isolation_level=None)
    try:
        connection.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        connection.execute("PRAGMA encoding = 'UTF-8'")
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        connection.executescript(SCHEMA.replace("{body_columns}", BODY_COLUMNS if with_bodies else "")
                                 + (FULL_TEXT if with_bodies else ""))
        connection.execute("BEGIN")
        _fill(connection, archive, with_bodies)
        connection.execute("COMMIT")
        connection.executescript(INDEXES_AND_VIEWS)
        # Checked once, all rows at a time, rather than row by row with PRAGMA foreign_keys
        # on: a row pointing nowhere is a bug, and fails the build.
        problems = connection.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise ValueError(f"{DATABASE_FILE}: rows point nowhere: {problems[:5]}")
        if with_bodies:
            connection.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
        connection.execute("VACUUM")
        return bytes(connection.serialize())
    finally:
        connection.close()


def _fill(connection: sqlite3.Connection, archive: Archive, with_bodies: bool) -> None:
    slug = _slugs()
    taxonomies = archive.taxonomies
    provinces = _numbered(taxonomies["tinh"])
    named = {term.key: (term.label, term.info.get("merged_into_2025")) for term in taxonomies["tinh"].terms.values()}
    for record in archive.articles:  # a main province (set in front matter) that the text never names
        if record.province and slug(record.province) not in provinces:
            provinces[slug(record.province)] = len(provinces) + 1
            named[slug(record.province)] = (record.province, merged_into_2025(record.province))
    meetings = _numbered(taxonomies["hoi-nghi"])
    officials = _numbered(taxonomies["can-bo"])
    documents = _numbered(taxonomies["van-ban"])

    connection.executemany("INSERT INTO provinces VALUES (?, ?, ?, ?)", (
        (number, key, *named[key]) for key, number in provinces.items()))
    terms = taxonomies["hoi-nghi"].terms
    connection.executemany("INSERT INTO meetings VALUES (?, ?, ?, ?, ?)", (
        (number, key, terms[key].info["kind"], terms[key].info["date"], terms[key].label)
        for key, number in meetings.items()))
    terms = taxonomies["can-bo"].terms
    connection.executemany("INSERT INTO officials VALUES (?, ?, ?, ?)", (
        (number, key, terms[key].label,
         "; ".join(name for name in terms[key].spellings if name != terms[key].label) or None)
        for key, number in officials.items()))
    terms = taxonomies["van-ban"].terms
    connection.executemany("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (
        (number, key, terms[key].label, terms[key].info["kind"], terms[key].info["number"], terms[key].info["symbol"],
         terms[key].info["date"], terms[key].info["issuer"], terms[key].info["term"])
        for key, number in documents.items()))

    body_marks = ", ?, ?" if with_bodies else ""
    connection.executemany(f"INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?{body_marks})", (
        _article_row(number, record, provinces, meetings, with_bodies, slug)
        for number, record in enumerate(archive.articles, 1)))
    rows: dict[str, list[tuple]] = {"article_provinces": [], "article_officials": [], "titles": [],
                                    "appointments": [], "citations": []}
    for number, record in enumerate(archive.articles, 1):
        for position, name in enumerate(dict.fromkeys(record.provinces)):
            rows["article_provinces"].append((number, provinces[slug(name)], position))
        titles_of: dict[int, list[str]] = {}  # per person: two printings of one name are one person
        for position, official in enumerate(record.officials):
            official_id = officials[archive.official_key(official.name)]
            if official_id not in titles_of:
                titles_of[official_id] = []
                rows["article_officials"].append((number, official_id, official.name, position))
            titles_of[official_id] += [title for title in official.titles if title not in titles_of[official_id]]
        rows["titles"] += [(number, official_id, title, place) for official_id, titles in titles_of.items()
                           for place, title in enumerate(titles)]
        for position, appointment in enumerate(record.appointments):
            key = archive.official_keys.get(person_key(appointment.name))
            rows["appointments"].append((None, number, officials.get(key) if key else None, appointment.name,
                                         appointment.action, appointment.post, appointment.date, appointment.by,
                                         position))
        cited: set[int] = set()
        for position, document in enumerate(record.documents):
            document_id = documents[document.key]
            if document_id not in cited:
                cited.add(document_id)
                rows["citations"].append((number, document_id, document.text, position))
    for table, values in rows.items():
        if values:
            marks = ", ".join("?" * len(values[0]))
            connection.executemany(f"INSERT INTO {table} VALUES ({marks})", values)
    fault_point("mid-database")
    if with_bodies:
        connection.execute("INSERT INTO articles_fts(rowid, title, body, captions) "
                           "SELECT id, title, body, captions FROM articles ORDER BY id")


def _numbered(taxonomy: Taxonomy) -> dict[str, int]:
    """A taxonomy's terms numbered 1, 2, ... in the site's A-Z order: the same ids in every
    build of the same records."""
    return {term.key: number for number, term in enumerate(taxonomy.sorted_terms(), 1)}


def _slugs() -> Callable[[str], str]:
    """vietnamese.slug, remembered for one database: a province's name is slugged for every
    article that names it (15,000 times at 10,000 articles, a sixth of the filling)."""
    found: dict[str, str] = {}

    def remembered(name: str) -> str:
        key = found.get(name)
        if key is None:
            key = found[name] = vietnamese_slug(name)
        return key
    return remembered


def _article_row(number: int, record: Record, provinces: dict[str, int], meetings: dict[str, int],
                 with_bodies: bool, slug: Callable[[str], str]) -> tuple[Any, ...]:
    row: tuple[Any, ...] = (
        number, record.slug, record.title, int(record.title_derived), record.outlet, record.published, record.date,
        record.date_precision, record.date_source, int(record.date[:4]) if record.date else None,
        provinces[slug(record.province)] if record.province else None,
        meetings[record.meeting.key] if record.meeting else None, record.source)
    if with_bodies:
        row += ("\n\n".join(record.body[:]), "\n".join(record.captions[:]))
    return row
