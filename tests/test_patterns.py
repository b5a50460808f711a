"""The fast matching helpers must find exactly what the plain regular expressions find:
they exist only for speed (see patterns.py), so any difference would be a bug.
(A third of each property test's examples in the suite; benchmarks/properties.py runs them all.)"""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import examples
from partyorg_site.patterns import Anchored, alternation, either_case_initials
from partyorg_site.read.sentences import ends_with_abbreviation, sentences
from partyorg_site.vietnamese import UPPER_CLASS
from partyorg_site.vietnamese import count_words

SETTINGS = settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])

PHRASES = ["Bí thư", "bí thư", "Phó Bí thư", "Hà Nội", "Hà Nam", "hội nghị", "giao ban", "Ảnh", "("]
# Letters that make up the phrases, their other cases, and the characters that lower-case
# differently from re's IGNORECASE ("İ" becomes two characters, "ı" and "ſ" are folded by re).
# The automata scan UTF-8 bytes: a four-byte character ("😀") moves bytes against
# characters, and a lone surrogate has no UTF-8 at all (its texts are scanned by the pattern).
ALPHABET = st.sampled_from(list("BíthưPóHàNộimaộhgnoiẢ( .,-\n") + ["ÍT", "HỘI", "İ", "ı", "ſ", "x", "😀", "\ud800"])
TEXTS = st.lists(st.one_of(st.sampled_from(PHRASES), ALPHABET), max_size=60).map("".join)


def spans(matches) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in matches]


@SETTINGS
@given(TEXTS)
def test_anchored_finds_what_the_pattern_finds_case_sensitive(text):
    pattern = re.compile(rf"(?<!\w)(?:{alternation(PHRASES)})(?!\w)")
    assert spans(Anchored(pattern, PHRASES).finditer(text)) == spans(pattern.finditer(text))


@SETTINGS
@given(TEXTS)
def test_anchored_finds_what_the_pattern_finds_ignoring_case(text):
    pattern = re.compile(rf"(?<!\w)(?:{alternation(PHRASES)})(?:\s+\w+)?", re.IGNORECASE)
    assert spans(Anchored(pattern, PHRASES).finditer(text)) == spans(pattern.finditer(text))


@SETTINGS
@given(TEXTS, st.integers(min_value=0, max_value=70))
def test_anchored_search_from_a_position(text, position):
    pattern = re.compile(r"\(?\b(?:Ảnh|Bí thư)\s*\w*", re.IGNORECASE)
    found = Anchored(pattern, ["(", "Ảnh", "Bí thư"]).search(text, position)
    expected = pattern.search(text, position) if position <= len(text) else None
    assert spans([found] if found else []) == spans([expected] if expected else [])


def test_anchored_tries_every_phrase_start_and_falls_back_where_case_differs():
    """Phrases overlap ("Phó Bí thư" holds "Bí thư"), a phrase may fail as a whole word
    and another start inside it; "İ" lower-cases to two characters and "ı"/"ſ" are
    folded by re but not by str.lower, so those texts are scanned by the pattern itself."""
    pattern = re.compile(rf"(?<!\w)(?:{alternation(PHRASES)})(?!\w)", re.IGNORECASE)
    anchored = Anchored(pattern, PHRASES)
    for text in ["Phó Bí thưx Bí thư", "x Phó bí thư", "PHÓ BÍ THƯ và bí thư", "İ Hà Nội", "Bı thư", "ſ Hà Nam",
                 "😀 Hà Nội, 😀😀 bí thư", "\ud800 Hà Nội"]:
        assert spans(anchored.finditer(text)) == spans(pattern.finditer(text)), text


@SETTINGS
@given(st.lists(st.sampled_from(["19", "20", "1", "2", "0", "9", "a", " ", "-"]), max_size=20).map("".join))
def test_not_after_equals_a_lookbehind(text):
    guarded = re.compile(alternation(["19", "20", "200"], not_after=r"\d") + r"\d")
    plain = re.compile(r"(?<!\d)" + alternation(["19", "20", "200"]) + r"\d")
    assert spans(guarded.finditer(text)) == spans(plain.finditer(text))


def test_not_after_a_letter_matches_only_at_word_starts():
    pattern = re.compile(alternation(["Nam", "Hà Nam"], not_after=r"\w"))
    assert [m.group() for m in pattern.finditer("Hà Nam, Quảng Nam, Namibia, xNam")] == ["Hà Nam", "Nam", "Nam"]


@given(st.lists(st.sampled_from(["a", "bb", " ", "  ", "\n", "\t", "\xa0"]), max_size=40).map("".join),
       st.integers(min_value=0, max_value=12))
def test_count_words_agrees_with_split_up_to_its_limit(text, limit):
    assert count_words(text, limit) == min(len(text.split()), limit + 1)


def _sentences_by_lookbehind(text: str) -> list[str]:
    """The split as first written, with the sentence's mark looked behind for (slow on long
    texts, see patterns.py): the faster pattern must give the same sentences."""
    pieces, start = [], 0
    for match in re.finditer(rf"(?<=[.!?…])[\"”’]?\s+(?={UPPER_CLASS}|[\"“‘(])", text):
        if ends_with_abbreviation(text[start:match.start()]):
            continue
        pieces.append(text[start:match.start() + len(match.group().rstrip())].strip())  # the closing quote kept
        start = match.end()
    pieces.append(text[start:].strip())
    return [p for p in pieces if p]


@SETTINGS
@given(st.lists(st.sampled_from(["Hội nghị", " ", ".", "!", "?", "…", "\"", "”", "“", "(", "TP.", "H.", "a", "B",
                                 "\n", "?!", "./."]), max_size=40).map("".join))
def test_sentence_split_equals_the_lookbehind_split(text):
    assert sentences(text) == _sentences_by_lookbehind(text)


def spelled_out(phrase: str) -> list[str]:
    """Every spelling of `phrase` with each word's first letter in either case."""
    spellings = [""]
    for word in phrase.split():
        spellings = [f"{done} {first}{word[1:]}".lstrip() for done in spellings
                     for first in {word[0].lower(), word[0].upper()}]
    return spellings


# Heads whose words may each open in either case, beside literal phrases that overlap them
# at a letter of one case ("Phó CT", "phó Chủ"): the classes must split there, or a shorter
# branch tried first would win over the longest match.
HEADS = ["Phó Bí thư", "Bí thư", "Chủ tịch", "Phó Chủ tịch", "Đại biểu"]
LITERALS = ["Phó CT", "PCT", "phó Chủ", "ĐB", "đB"]
HEAD_TEXTS = st.lists(st.one_of(st.sampled_from([*HEADS, *LITERALS]), st.sampled_from(
    [s for h in HEADS for s in spelled_out(h)]), st.sampled_from(
    list("PpBbCcĐđTtóíhưủịạiểu ,") + ["CT", "thư", "tịch", "hó ", "ại ", "iểu"])), max_size=30).map("".join)


@SETTINGS
@given(HEAD_TEXTS)
def test_either_case_initials_match_what_their_spellings_match(text):
    tokens = re.compile(rf"(?:{alternation([*map(either_case_initials, HEADS), *LITERALS])})(?!\w)")
    spellings = re.compile(rf"(?:{alternation([s for h in HEADS for s in spelled_out(h)] + LITERALS)})(?!\w)")
    assert spans(tokens.finditer(text)) == spans(spellings.finditer(text))
    guarded = [alternation(words, not_after=r"\w") for words in
               ([*map(either_case_initials, HEADS), *LITERALS], [s for h in HEADS for s in spelled_out(h)] + LITERALS)]
    assert spans(re.finditer(guarded[0], text)) == spans(re.finditer(guarded[1], text))


def test_either_case_initials_make_one_branch_not_one_per_spelling():
    assert either_case_initials("Phó  Bí thư") == ("pP", "h", "ó", " ", "bB", "í", " ", "tT", "h", "ư")
    assert either_case_initials("(HĐND) tỉnh")[:2] == ("(", "H")  # no case, no class
    pattern = alternation(either_case_initials(h) for h in HEADS)
    assert len(pattern) < len(alternation(s for h in HEADS for s in spelled_out(h))) / 2
    assert re.fullmatch(pattern, "phó bí Thư") and not re.fullmatch(pattern, "PHÓ bí thư")
    overlapping = re.compile(alternation([either_case_initials("Phó Chủ tịch"), "phó Chủ", "Phó CT"]))
    assert [overlapping.match(text).group() for text in ("phó Chủ tịch", "Phó Chủ tịch", "phó Chủ nhiệm", "Phó CT")] == \
        ["phó Chủ tịch", "Phó Chủ tịch", "phó Chủ", "Phó CT"]  # the longest, where a literal overlaps a class
