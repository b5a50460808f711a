"""Front matter: the editor's corrections, validated, applied over what was extracted.

Every key the editor may write is listed in FIELDS with its type; anything else is
reported with the line it is on and the valid choices, so a typo never silently
does nothing.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Callable


from partyorg_site.vietnamese import normalize, slug, squash
from partyorg_site.errors import ArticleError
from partyorg_site.models import ACTIONS, Appointment, Document, Meeting, Official, Record

MEETING_KINDS = ("giao ban", "tổng kết", "sơ kết", "hội nghị", "đại hội", "hội thảo", "tập huấn")
_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_PUBLISHED = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2})?$")


def _text(value: Any, key: str) -> str:
    """Front matter text is written like extracted text: NFC, one tone-mark style, spaces squashed."""
    if not isinstance(value, (str, int, float)) or isinstance(value, bool) or not str(value).strip():
        raise ValueError(f"'{key}' must be a non-empty text")
    return squash(normalize(str(value)))


def _optional_text(value: Any, key: str) -> str | None:
    return None if value is None else _text(value, key)


def _date(value: Any, key: str) -> tuple[str | None, str | None]:
    """YAML reads 2019-09-30 as a date; "2019-09" and "2019" stay text. Returns (date, precision)."""
    if value is None:
        return None, None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat(), "day"
    text = str(value).strip()
    if not _PARTIAL_DATE.match(text):
        raise ValueError(f"'{key}' must be a date: YYYY-MM-DD, YYYY-MM or YYYY (got {text!r})")
    parts = [int(p) for p in text.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise ValueError(f"'{key}': {text} is not a date that exists") from None
    return text, ("year", "month", "day")[len(parts) - 1]


def _published(value: Any, key: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip().replace(" ", "T")
    if not _PUBLISHED.match(text):
        raise ValueError(f"'{key}' must be YYYY-MM-DD or YYYY-MM-DDTHH:MM (got {text!r})")
    return text


def _text_list(value: Any, key: str) -> list[str]:
    if not isinstance(value, list):
        raise ValueError(f"'{key}' must be a list, e.g. [Phú Thọ, Nghệ An]")
    return [_text(item, key) for item in value]


def _officials(value: Any, key: str) -> list[Official]:
    if not isinstance(value, list):
        raise ValueError("'officials' must be a list of {name: ..., titles: [...]}")
    result = []
    for item in value:
        if isinstance(item, str):
            result.append(Official(item.strip()))
            continue
        if not isinstance(item, dict) or "name" not in item:
            raise ValueError("each official needs a 'name' (and may have 'titles')")
        unknown = set(item) - {"name", "titles"}
        if unknown:
            raise ValueError(f"unknown official field {sorted(unknown)[0]!r}; valid: name, titles")
        result.append(Official(_text(item["name"], "name"), _text_list(item.get("titles", []), "titles")))
    return result


_DOCUMENT_FIELDS = ("kind", "number", "symbol", "date", "issuer", "plenum", "term", "congress", "text")


def _documents(value: Any, key: str) -> list[Document]:
    if not isinstance(value, list):
        raise ValueError("'documents' must be a list of {kind: ..., number: ...}")
    result = []
    for item in value:
        if not isinstance(item, dict) or "kind" not in item:
            raise ValueError("each document needs a 'kind' (Nghị quyết, Chỉ thị, ...)")
        unknown = set(item) - set(_DOCUMENT_FIELDS)
        if unknown:
            raise ValueError(f"unknown document field {sorted(unknown)[0]!r}; valid: {', '.join(_DOCUMENT_FIELDS)}")
        number = item.get("number")
        plenum = item.get("plenum")
        for name, field_value in (("number", number), ("plenum", plenum)):
            if field_value is not None and (not isinstance(field_value, int) or isinstance(field_value, bool)):
                raise ValueError(f"document '{name}' must be a whole number")
        if number is None and plenum is None and item.get("congress") is None:
            raise ValueError("a document needs a 'number', a 'plenum' (with 'term') or a 'congress'")
        date, _ = _date(item.get("date"), "date")
        result.append(Document(
            kind=_text(item["kind"], "kind"), number=number, symbol=_optional_text(item.get("symbol"), "symbol"),
            date=date, issuer=_optional_text(item.get("issuer"), "issuer"), plenum=plenum,
            term=_optional_text(item.get("term"), "term"), congress=_optional_text(item.get("congress"), "congress"),
            text=_optional_text(item.get("text"), "text") or ""))
    return result


_APPOINTMENT_FIELDS = ("name", "action", "post", "date", "by")


def _appointments(value: Any, key: str) -> list[Appointment]:
    """The editor's personnel decisions replace the extracted ones whole, as officials do."""
    if not isinstance(value, list):
        raise ValueError("'appointments' must be a list of {name: ..., action: ..., post: ..., date: ..., by: ...}")
    result = []
    for item in value:
        if not isinstance(item, dict) or "name" not in item or "action" not in item:
            raise ValueError("each appointment needs a 'name' and an 'action'")
        unknown = set(item) - set(_APPOINTMENT_FIELDS)
        if unknown:
            raise ValueError(f"unknown appointment field {sorted(unknown)[0]!r}; valid: {', '.join(_APPOINTMENT_FIELDS)}")
        action = _text(item["action"], "action")
        if action not in ACTIONS:
            raise ValueError(f"appointment action {action!r} is not one of: {', '.join(ACTIONS)}")
        result.append(Appointment(
            name=_text(item["name"], "name"), action=action, post=_optional_text(item.get("post"), "post"),
            date=_date(item.get("date"), "date")[0], by=_optional_text(item.get("by"), "by")))
    return result


def _meeting(value: Any, key: str) -> dict[str, Any] | None:
    if value is None:
        return None
    if not isinstance(value, dict) or "kind" not in value:
        raise ValueError("'meeting' must be {kind: ..., date: ..., title: ...} or null")
    unknown = set(value) - {"kind", "date", "title", "key"}
    if unknown:
        raise ValueError(f"unknown meeting field {sorted(unknown)[0]!r}; valid: kind, date, title, key")
    if value["kind"] not in MEETING_KINDS:
        raise ValueError(f"meeting kind {value['kind']!r} is not one of: {', '.join(MEETING_KINDS)}")
    return {"kind": value["kind"], "date": _date(value.get("date"), "date")[0],
            "title": _optional_text(value.get("title"), "title"), "key": _optional_text(value.get("key"), "key")}


def _slug(value: Any, key: str) -> str:
    text = _text(value, key)
    value = slug(text, 80)
    if not value:
        raise ValueError(f"'slug' {text!r} has no letters or digits to make a URL from")
    return value


FIELDS: dict[str, Callable[[Any, str], Any]] = {
    "title": _text, "slug": _slug, "outlet": _optional_text, "published": _published, "date": _date,
    "province": _optional_text, "provinces": _text_list, "officials": _officials, "documents": _documents,
    "meeting": _meeting, "appointments": _appointments,
}


def validate(front_matter: dict[str, Any], lines: dict[str, int]) -> dict[str, Any]:
    """Check every key and value; return them converted. Raises ArticleError with the line."""
    values: dict[str, Any] = {}
    for key, value in front_matter.items():
        line = lines.get(str(key))
        if key not in FIELDS:
            raise ArticleError(f"unknown front matter key {key!r}; valid keys: {', '.join(sorted(FIELDS))}", line)
        try:
            values[key] = FIELDS[key](value, key)
        except ValueError as exc:
            raise ArticleError(f"front matter {exc}", line) from None
    return values


def apply(record: Record, values: dict[str, Any]) -> None:
    """Overwrite extracted fields with the editor's values (already validated)."""
    for key, value in values.items():
        if key == "title":
            record.title, record.title_derived = value, False
        elif key == "date":
            record.date, record.date_precision = value
            record.date_source = "front matter" if record.date else None
            record.day_month = None
        elif key == "meeting":
            record.meeting = None if value is None else Meeting(
                kind=value["kind"], date=value["date"], key=value["key"] or "", title=value["title"] or value["kind"])
        else:
            setattr(record, key, value)
        record.overridden.append(key)
