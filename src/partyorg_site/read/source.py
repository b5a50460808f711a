"""read: bytes on disk -> decoded text and front matter.

Everything that can go wrong with a file as a file (encoding, binary content, broken
front matter) is found here and raised as an ArticleError with the line where it helps.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from partyorg_site.errors import ArticleError
from partyorg_site.read.legacy import best_legacy_decoding

MAX_FRONT_MATTER_BYTES = 64 * 1024
_FENCE = re.compile(r"^(---|\.\.\.)[ \t]*$")


@dataclass
class Source:
    """One article file, decoded. `text` excludes the front matter; `first_line` is the
    file line number where `text` begins, so later stages can report file lines."""

    path: str
    text: str
    front_matter: dict[str, Any] = field(default_factory=dict)
    front_matter_lines: dict[str, int] = field(default_factory=dict)
    first_line: int = 1
    encoding: str = "utf-8"
    markdown: bool = False


def decode(data: bytes) -> tuple[str, str]:
    """Decode an article's bytes; return (text, encoding name).

    UTF-8 (with or without BOM) and UTF-16 with BOM are taken as they say. Bytes that are
    mostly not UTF-8 are read in the legacy encoding (Windows-1258, TCVN3, VNI) that
    reads most like Vietnamese. UTF-8 with a few bad bytes is broken, and reported with
    the line of the first bad byte.
    """
    if not data.strip():
        raise ArticleError("empty file: no text to read")
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise ArticleError(f"not valid {name.upper()}: bad bytes at offset {exc.start}") from None
    if b"\x00" in data[:4096]:
        raise ArticleError("binary file (contains NUL bytes), not an article text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        if not _mostly_utf8(data):
            legacy = best_legacy_decoding(data)
            if legacy is not None:
                return legacy
        raise ArticleError(f"not valid UTF-8: byte 0x{data[exc.start]:02x} cannot be decoded "
                           "(save the file as UTF-8)", line) from None


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few broken bytes (a truncated file) rather than another encoding:
    more non-ASCII characters decode than fail."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for c in text if ord(c) > 127) - bad
    return good > bad


def split_front_matter(text: str) -> tuple[dict[str, Any], dict[str, int], str, int]:
    """Split `---` YAML front matter from the text.

    Returns (fields, line of each field, remaining text, file line where it starts).
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, {}, text, 1
    for index in range(1, len(lines)):
        if _FENCE.match(lines[index]):
            break
    else:
        raise ArticleError("front matter opened with '---' on line 1 is never closed (add a '---' line after it)", 1)
    raw = "\n".join(lines[1:index])
    if len(raw.encode("utf-8")) > MAX_FRONT_MATTER_BYTES:
        raise ArticleError(f"front matter is larger than {MAX_FRONT_MATTER_BYTES // 1024} KiB", 1)
    try:
        node = yaml.compose(raw, Loader=yaml.SafeLoader)
        if _has_alias(node):
            raise ArticleError("front matter uses YAML anchors/aliases, which are not allowed", 2)
        fields = yaml.safe_load(raw) if raw.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 2
        problem = getattr(exc, "problem", None) or str(exc).split("\n")[0]
        raise ArticleError(f"front matter is not valid YAML: {problem}", line) from None
    except ValueError as exc:  # YAML's date constructor: "date: 2019-02-31"
        raise ArticleError(f"front matter has a date that does not exist ({exc}): not a date that exists", 2) from None
    if fields is None:
        fields = {}
    if not isinstance(fields, dict):
        raise ArticleError("front matter must be a mapping of 'field: value' lines", 2)
    field_lines = {}
    if node is not None and isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            field_lines[str(key_node.value)] = key_node.start_mark.line + 2
    return fields, field_lines, "\n".join(lines[index + 1:]), index + 2


def _has_alias(node: yaml.Node | None) -> bool:
    """True if any node is an alias: a 'billion laughs' document expands aliases."""
    seen: set[int] = set()
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if id(current) in seen:
            return True  # the composer shares one node object for every alias of an anchor
        seen.add(id(current))
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                stack.extend((key, value))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return False


def read_source(path: str, data: bytes) -> Source:
    """Decode a file's bytes and split its front matter."""
    text, encoding = decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    fields, field_lines, body, first_line = split_front_matter(text)
    if not body.strip() and not fields.get("body"):
        raise ArticleError("no article text after the front matter" if fields else "no article text (only white space)")
    return Source(path=path, text=body, front_matter=fields, front_matter_lines=field_lines,
                  first_line=first_line, encoding=encoding, markdown=path.lower().endswith((".md", ".markdown")))
