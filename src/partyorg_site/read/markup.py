"""Markdown articles -> the plain lines the loader reads.

An editor's `.md` article uses headings, emphasis, links and images; the loader works
on plain text, so this strips the markup, joins soft-wrapped lines into one paragraph
per line, and reports which lines were image alt texts (their captions).
"""
from __future__ import annotations

import re

_IMAGE = re.compile(r"^!\[(?P<alt>[^\]]*)\]\([^)]*\)\s*$")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def to_plain(text: str) -> tuple[str, set[int]]:
    """Plain text with one paragraph per line (blank lines between), and the indexes
    (0-based, in the returned text) of lines that are image captions."""
    out: list[str] = []
    captions: set[int] = set()
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            out.append(" ".join(paragraph))
            out.append("")
            paragraph.clear()

    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            flush()
            continue
        image = _IMAGE.match(line)
        if image:
            flush()
            if image.group("alt").strip():
                captions.add(len(out))
                out.append(image.group("alt").strip())
                out.append("")
            continue
        heading = _HEADING.match(line)
        if heading:
            flush()
            out.append(_inline(heading.group(1)))
            out.append("")
            continue
        if line.startswith(">"):
            line = line.lstrip("> ")
        if _LIST_ITEM.match(line):
            flush()
            line = _LIST_ITEM.sub("", line)
        paragraph.append(_inline(line))
    flush()
    return "\n".join(out), captions


def _inline(text: str) -> str:
    text = _LINK.sub(r"\1", text)
    previous = None
    while previous != text:
        previous, text = text, _EMPHASIS.sub(r"\2", text)
    return text
