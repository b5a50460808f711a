"""Vietnamese orthography: one spelling per word, and accent-free folding for matching.

Scraped text mixes NFC and NFD, old and new tone-mark placement ("Thuỷ"/"Thủy"),
and no-break spaces. Every later stage compares strings, so the text is brought to
one form here, once, and the rest of the loader can assume it.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable, Iterator

try:
    from slugify import slugify
except ImportError:  # a source tree run without the package's dependencies
    slugify = None

from partyorg_site.patterns import alternation

from partyorg_site import datafiles

# Letters of the Latin script as Vietnamese uses them, by case, computed from Unicode
# rather than typed: used to build regexes for capitalised words (names, titles, places).
_LATIN_RANGES = [(0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F), (0x1E00, 0x1EFF)]
UPPER = "".join(chr(c) for lo, hi in _LATIN_RANGES for c in range(lo, hi + 1) if chr(c).isupper())
LOWER = "".join(chr(c) for lo, hi in _LATIN_RANGES for c in range(lo, hi + 1) if chr(c).islower())
UPPER_CLASS = f"[{re.escape(UPPER)}]"
LOWER_CLASS = f"[{re.escape(LOWER)}]"
# After a number: it opens a document's symbol ("1906/NQ-UBTVQH15", "2017-QĐ/TW"), so the
# number is no year, though it reads like one.
OPENS_A_SYMBOL = r"\s*[/-]\s*[A-ZĐ]"

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_DIGIT_COMMA = re.compile(r"\d,\d")
# Any run of white space within a line (no-break, tabs, the typographic spaces, several
# spaces) is one space; line breaks stay, since the layout stage reads lines. (Written to
# open with one character set, "a space, then more, or it was not a plain one", so that
# re skips from space to space: see patterns.py. 67 µs an article against 117.)
_SPACES = re.compile(r"[^\S\n](?:[^\S\n]+|(?<=[^\S\n ]))")
# White space other than the space, the line break and the no-break space (str.isspace;
# re's \s agrees, tests/test_extractors.py checks both). Scraped text seldom has any, so
# its absence lets the common case be done with str.replace, a tenth of the regex's time.
OTHER_SPACES = ("\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
_INVISIBLE_CHARACTERS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"  # zero-width spaces and joiners, BOM, soft hyphen
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARACTERS}]")


@lru_cache(maxsize=1)
def _tone_fixer() -> tuple[re.Pattern[str], dict[str, str]]:
    table: dict[str, str] = {}
    for old, new in datafiles.load("orthography")["old_to_new"].items():
        for transform in (str, str.capitalize, str.upper):
            table[transform(old)] = transform(new)
    # Only word-final clusters differ between the styles, and never after "q" ("quý").
    return re.compile(rf"({alternation(table, not_after='[qQ]')})(?!\w)"), table


def normalize(text: str) -> str:
    """NFC, new-style tone marks, single ordinary spaces; line structure is kept."""
    text = unicodedata.normalize("NFC", text)
    if any(char in text for char in _INVISIBLE_CHARACTERS):  # rare: look before rewriting
        text = _INVISIBLE.sub("", text)
    text = _single_spaced(text)
    pattern, table = _tone_fixer()
    return pattern.sub(lambda m: table[m.group(1)], text)


def _single_spaced(text: str) -> str:
    """Every run of white space within a line as one space (see _SPACES)."""
    if any(char in text for char in OTHER_SPACES):
        return _SPACES.sub(" ", text)
    text = text.replace("\u00a0", " ")
    while "  " in text:
        text = text.replace("  ", " ")
    return text


def _fold_table() -> dict[int, str | None]:
    """Each accented Latin letter -> its bare letter; combining marks -> nothing."""
    table: dict[int, str | None] = {ord("đ"): "d", ord("Đ"): "D"}
    for low, high in _LATIN_RANGES:
        for code in range(low, high + 1):
            bare = "".join(c for c in unicodedata.normalize("NFD", chr(code)) if not unicodedata.combining(c))
            if bare != chr(code) and bare:
                table[code] = bare
    for code in range(0x300, 0x370):
        table[code] = None
    return table


_FOLD = _fold_table()
_FOLDED_WORDS: dict[str, str] = {}
_FOLDED_WORDS_MAX = 200_000  # distinct words kept; Vietnamese has a few thousand syllables


def fold(text: str) -> str:
    """Lower-case ASCII: "Đảng ủy" -> "dang uy". For matching and search, never for display.

    This runs on every line of every article, and `str.translate` looks each non-ASCII
    character up in a dict, 250 µs for an article. Folding works character by character,
    so it is done a word at a time and remembered: a language of a few thousand
    syllables repeats its words, and the lookups cost a third of the translation.
    """
    folded = []
    for word in text.split(" "):
        known = _FOLDED_WORDS.get(word)
        if known is None:
            if len(_FOLDED_WORDS) >= _FOLDED_WORDS_MAX:
                _FOLDED_WORDS.clear()
            known = _FOLDED_WORDS[word] = word.translate(_FOLD).lower()
        folded.append(known)
    return " ".join(folded)


def slug(text: str, max_length: int = 0) -> str:
    """An ASCII URL segment: "Nghị quyết 18-NQ/TW" -> "nghi-quyet-18-nq-tw".

    A slug longer than `max_length` is cut at a word boundary by python-slugify, which
    then only sees folded ASCII (its own transliteration of Vietnamese is slow and folds
    nothing better); a shorter one is what slugify would return, without its cost,
    unless slugify would read it otherwise: it drops the comma of "1,5" and decodes "&amp;".
    """
    folded = fold(text)
    plain = _NOT_SLUG.sub("-", folded).strip("-")
    if max_length and (len(plain) > max_length or "&" in folded or _DIGIT_COMMA.search(folded)):
        if slugify is None:
            return _cut_at_word(plain, max_length)
        return slugify(folded, max_length=max_length, word_boundary=True)
    return plain


def _cut_at_word(plain: str, max_length: int) -> str:
    """What python-slugify makes of an ASCII slug that is too long, where it is not
    installed: the words that fit, in order, skipping any that would overrun the limit
    (its word-boundary rule); the first `max_length` characters if none fits."""
    if len(plain) < max_length:
        return plain
    if "-" not in plain:
        return plain[:max_length]
    kept = ""
    for word in filter(None, plain.split("-")):
        if len(kept) + len(word) < max_length:
            kept += word + "-"
        elif len(kept) + len(word) == max_length:
            kept += word
            break
    return (kept or plain[:max_length]).strip("-")


def is_capitalized(word: str) -> bool:
    """True for "Phạm", "HĐND", "TP."; false for "chức", "30-9"."""
    return bool(word) and word[0].isupper()


def count_words(text: str, up_to: int) -> int:
    """The number of words in `text`, but at most `up_to + 1`: enough to compare with a
    limit, without splitting a 4,000-word export line only to learn that it is long."""
    return len(text.split(None, up_to))


def squash(text: str) -> str:
    """Collapse runs of white space to one space and trim."""
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _collation() -> tuple[dict[str, str], dict[str, str]]:
    """Each letter of data/collation.yaml as a character above every other (so spaces,
    digits and punctuation sort before letters), in the alphabet's order; each tone mark as
    its rank, "1" to "5"."""
    table = datafiles.load("collation")
    letters = {letter: chr(0xF0000 + rank) for rank, letter in enumerate(table["letters"])}
    tones = {mark: str(rank) for rank, mark in enumerate(table["tones"], 1)}
    return letters, tones


@lru_cache(maxsize=100_000)
def _word_order(word: str) -> tuple[str, str]:
    """A word's letters in alphabet order and its tone ("0" for ngang): see vietnamese_order."""
    letters, tones = _collation()
    decomposed = unicodedata.normalize("NFD", word.casefold())
    tone = next((tones[mark] for mark in decomposed if mark in tones), "0")
    bare = unicodedata.normalize("NFC", "".join(mark for mark in decomposed if mark not in tones))
    return "".join(letters.get(letter, letter) for letter in bare), tone


def vietnamese_order(text: str) -> tuple[str, str]:
    """A sort key in Vietnamese alphabetical order: a ă â b c d đ e ê ... (Unicode and
    accent-free folding both put "Đ" after "Z" or with "D", and "Ă", "Â" with "A"), case
    ignored, and tones compared only where the letters are equal, in dictionary order
    (ngang, huyền, hỏi, ngã, sắc, nặng): "An" < "Án" < "Anh" < "Ăn" < "Âu" < "Dũng" < "Đức"."""
    words = [_word_order(word) for word in text.split()]
    return " ".join(letters for letters, _ in words), "".join(tone for _, tone in words)


def given_name_order(name: str) -> tuple[tuple[str, str], ...]:
    """A sort key for a person's name as Vietnamese lists order people: by the given name
    (tên, the last word), then the middle names, then the family name (họ), each in
    Vietnamese alphabetical order: "Trần An" < "Lê Văn An" < "Nguyễn Thị Ánh" < "Đỗ Ưng"
    (a name without middle names before those with them)."""
    words = name.split()
    if not words:
        return (vietnamese_order(""),)
    return (vietnamese_order(words[-1]), vietnamese_order(" ".join(words[1:-1])), vietnamese_order(words[0]))


def initial_letter(word: str) -> str:
    """The letter of the alphabet a word files under, upper case and without its tone:
    "Ánh" -> "A", "Ấn" -> "Â", "Đức" -> "Đ", "Ưng" -> "Ư"; "#" for a word that does not begin
    with one."""
    letters, tones = _collation()
    decomposed = unicodedata.normalize("NFD", word[:1].casefold() + word[1:2])
    first = unicodedata.normalize("NFC", "".join(mark for mark in decomposed if mark not in tones))[:1]
    return first.upper() if first in letters else "#"


def either_case_first(word: str) -> Iterator[str]:
    """"Nghị quyết" and "nghị quyết": a phrase may open a sentence or not."""
    yield word[0].upper() + word[1:]
    yield word[0].lower() + word[1:]


def either_case_phrases(phrases: Iterable[str]) -> frozenset[str]:
    """Each phrase with its first letter in either case (either_case_first of each)."""
    return frozenset(variant for phrase in phrases for variant in either_case_first(phrase))


# An abbreviation printed in brackets: "(HĐND)", "(NN&PTNT)", "(TĐKT)"
ABBREVIATION_IN_BRACKETS = re.compile(rf"\(({UPPER_CLASS}[{UPPER_CLASS[1:-1]}&.\-]{{1,11}})\)")
_NOT_INITIALLED = frozenset({"và", "&", "-", "–"})  # words an abbreviation's letters skip


def abbreviation_end(text: str, at: int) -> int:
    """Where the brackets at text[at] end, if they hold the initials of the words just before
    them: a name's abbreviation printed after it in full ("Hội đồng nhân dân (HĐND) tỉnh
    Thanh Hóa", "Nông nghiệp và Phát triển nông thôn (NN&PTNT)", "thi đua - khen thưởng
    (TĐKT)"), part of the name; else 0."""
    found = ABBREVIATION_IN_BRACKETS.match(text, at)
    if not found:
        return 0
    letters = fold("".join(c for c in found[1] if c.isalpha())).upper()
    words = [word for word in text[max(0, at - 12 * len(letters)):at].split()
             if word not in _NOT_INITIALLED][-len(letters):]
    initials = fold("".join(word[0] for word in words)).upper()
    return found.end() if initials == letters else 0
