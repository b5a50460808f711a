"""The article record (the contract in SCHEMA.md) and the values extractors return.

Extractors return values with the character span they came from, so the renderer can
link a mention inside the body and a test can say exactly what was matched. Spans are
offsets into `Article.text`, the body and captions joined by blank lines.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

Span = tuple[int, int]
Reasons = Callable[[str], None]  # told why an extractor chose what it did, for `explain`


def unheard(reason: str) -> None:
    """Where nobody asks why (every extraction but `explain`'s), the reasons go nowhere."""


@dataclass
class Official:
    name: str
    titles: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "titles": list(self.titles)}


@dataclass
class Document:
    kind: str
    number: int | None = None
    symbol: str | None = None
    date: str | None = None
    issuer: str | None = None
    plenum: int | None = None
    term: str | None = None
    congress: str | None = None
    key: str = ""
    text: str = ""
    spans: list[Span] = field(default_factory=list)

    def identity(self) -> tuple:
        """What makes two citations in one article the same document."""
        if self.number is not None:
            return (self.kind, "n", self.number)
        if self.plenum is not None:
            return (self.kind, "p", self.plenum, self.term)
        return (self.kind, "c", self.congress, self.issuer)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "number": self.number, "symbol": self.symbol, "date": self.date,
                "issuer": self.issuer, "plenum": self.plenum, "term": self.term, "congress": self.congress,
                "key": self.key, "text": self.text}


@dataclass
class Meeting:
    kind: str
    date: str | None
    key: str
    title: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "date": self.date, "key": self.key, "title": self.title}


ACTIONS = ("bổ nhiệm", "bầu", "chỉ định", "điều động", "thôi giữ chức", "nghỉ hưu", "kỷ luật")


@dataclass
class Appointment:
    """A personnel decision reported for a named person: one person and one action."""

    name: str
    action: str  # one of ACTIONS
    post: str | None = None  # the post gained or lost, with its unit; for "kỷ luật", the form
    date: str | None = None  # the decision's or the ceremony's date, where the text gives one
    by: str | None = None  # the deciding body, as printed
    span: Span | None = None
    rule: str = ""  # how the person was tied to the verb, for `explain` (not in the contract)
    passive: bool = False  # the person is the subject of a passive verb with no agent named ("A được bổ nhiệm")
    by_from_lead: bool = False  # `by` is the body the lead's decision names, not one the sentence gives
    # the decision of a person named just before, whose list this one's person is in ("... đã bầu
    # ông A giữ chức Bí thư. Phó Bí thư ... gồm: ông B, ..."): its day is this one's
    listed_after: Appointment | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "action": self.action, "post": self.post, "date": self.date, "by": self.by}


@dataclass
class Mention:
    """A province named in the text, with where."""

    name: str
    span: Span


@dataclass
class Record:
    """One article, as SCHEMA.md describes it. Every field is always present."""

    source: str
    slug: str
    title: str
    title_derived: bool
    outlet: str | None
    published: str | None
    date: str | None
    date_precision: str | None
    date_source: str | None  # where the date's year came from: text, published, path, front matter
    province: str | None
    provinces: list[str]
    officials: list[Official]
    documents: list[Document]
    meeting: Meeting | None
    body: list[str]
    captions: list[str]
    appointments: list[Appointment] = field(default_factory=list)
    # Not in the JSON contract: for the renderer and for tests.
    mentions: list[Mention] = field(default_factory=list)
    overridden: list[str] = field(default_factory=list)
    search_words: list[str] | None = None  # folded words for the search index, kept in the cache
    day_month: str | None = None  # "--05-10": the day the text gives where no year is known (kept in the cache)
    # per caption, how many body paragraphs stood before it in the file, so the article page
    # prints it where it stood; None where not known (kept in the cache)
    caption_after: list[int] | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Record":
        """The inverse of to_dict (spans are not kept: the cache stores the contract only)."""
        meeting = data.get("meeting")
        return cls(
            source=data["source"], slug=data["slug"], title=data["title"], title_derived=data["title_derived"],
            outlet=data["outlet"], published=data["published"], date=data["date"],
            date_precision=data["date_precision"], date_source=data.get("date_source"), province=data["province"], provinces=list(data["provinces"]),
            officials=[Official(o["name"], list(o["titles"])) for o in data["officials"]],
            documents=[Document(**d) for d in data["documents"]],
            meeting=Meeting(**meeting) if meeting else None,
            appointments=[Appointment(**a) for a in data.get("appointments", [])],
            body=list(data["body"]), captions=list(data["captions"]))

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source, "slug": self.slug, "title": self.title, "title_derived": self.title_derived,
            "outlet": self.outlet, "published": self.published, "date": self.date,
            "date_precision": self.date_precision, "date_source": self.date_source, "province": self.province, "provinces": list(self.provinces),
            "officials": [o.to_dict() for o in self.officials],
            "documents": [d.to_dict() for d in self.documents],
            "meeting": self.meeting.to_dict() if self.meeting else None,
            "appointments": [a.to_dict() for a in self.appointments],
            "body": list(self.body), "captions": list(self.captions),
        }


def split_day_month(value: str) -> tuple[int, int]:
    """"--05-10" (Record.day_month, ISO 8601's day without a year) -> (10, 5). Here, beside
    the record, so that the site's code reads it without importing the date extractor."""
    return int(value[5:7]), int(value[2:4])
