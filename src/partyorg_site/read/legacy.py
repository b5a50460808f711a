"""Legacy Vietnamese encodings: Windows-1258, and the TCVN3 (ABC) and VNI font encodings
still found in old office documents. Each is converted to Unicode; which one a file uses
is decided by which conversion reads most like Vietnamese.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from partyorg_site import datafiles
from partyorg_site.patterns import alternation

# Letters only Vietnamese writes (after NFC): a text in the right encoding is full of them;
# in the wrong one, the same bytes show as Latin-1 symbols and stray accented letters.
_VIETNAMESE = set("ăâđêôơưĂÂĐÊÔƠƯ") | {chr(c) for c in range(0x1EA0, 0x1EFA)} | set("àáãèéêìíòóõùúýÀÁÃÈÉÌÍÒÓÕÙÚÝ")
_LATIN1_SYMBOLS = {chr(c) for c in range(0xA0, 0x100)} - _VIETNAMESE


@lru_cache(maxsize=None)
def _converter(name: str) -> tuple[re.Pattern[str], dict[str, str]]:
    table = datafiles.load("legacy_encodings")[name]
    return re.compile(alternation(table)), table


def convert(data: bytes, encoding: str) -> str:
    """Bytes in a legacy font encoding ("tcvn3", "vni") -> Unicode text (NFC)."""
    pattern, table = _converter(encoding)
    return unicodedata.normalize("NFC", pattern.sub(lambda m: table[m.group()], data.decode("latin-1")))


_TONE_MARKS = set("\u0300\u0301\u0303\u0309\u0323")
_WORD = re.compile(r"\S+")


def vietnamese_score(text: str) -> int:
    """How much a text reads like Vietnamese: a syllable carries at most one tone mark and
    no Latin-1 symbols; a wrong decoding leaves words with two marks ("trửùc") or symbols."""
    score = 0
    for word in _WORD.findall(text):
        if not any(char in _VIETNAMESE or char in _LATIN1_SYMBOLS for char in word):
            continue
        tones = sum(char in _TONE_MARKS for char in unicodedata.normalize("NFD", word))
        symbols = sum(char in _LATIN1_SYMBOLS for char in word)
        score += 1 if tones <= 1 and not symbols else -2
    return score


def has_vietnamese(text: str) -> bool:
    return any(char in _VIETNAMESE for char in text)


def best_legacy_decoding(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) for the legacy encoding that reads most like Vietnamese, or None."""
    candidates = []
    try:
        candidates.append((unicodedata.normalize("NFC", data.decode("cp1258")), "windows-1258"))
    except UnicodeDecodeError:
        pass
    for name in ("tcvn3", "vni"):
        candidates.append((convert(data, name), name))
    text, encoding = max(candidates, key=lambda pair: vietnamese_score(pair[0]))
    return (text, encoding) if vietnamese_score(text) > 0 else None
