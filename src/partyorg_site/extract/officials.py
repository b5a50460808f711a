"""Officials: people named with a party or state title, each once, with all their titles.

Two constructions carry a title in Vietnamese news:
  apposition   "đồng chí Phạm Minh Chính - Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng"
               "Nguyễn Xuân Sơn, Phó Bí thư Thường trực Tỉnh ủy"
  title first  "Bí thư Tỉnh ủy Ngô Đức Vượng", "đồng chí Trưởng Ban Tổ chức Trung ương Phạm Minh Chính"
Title words come from data/titles.yaml and names from data/names.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable
from functools import lru_cache

from partyorg_site import datafiles
from partyorg_site.extract import careers
from partyorg_site.extract.places import find_mentions, gazetteer, local_units
from partyorg_site.models import Official, Span
from partyorg_site.patterns import Anchored, alternation, either_case_initials, shortest_phrases
from partyorg_site.vietnamese import (ABBREVIATION_IN_BRACKETS, LOWER_CLASS, UPPER_CLASS,
                                      abbreviation_end, either_case_first, either_case_phrases, fold)

MAX_NAME_WORDS = 5  # "Y Thanh Hà Niê Kđăm"; Kinh names have two to four
NAME_REACH = 60  # characters: a name of MAX_NAME_WORDS fits, so no more of a title is looked at
_SYLLABLE = rf"{UPPER_CLASS}{LOWER_CLASS}*"
# (The boundary before the name is checked after its first capital, so that the pattern
# opens with a character set and `re` can skip to capitals: see patterns.py. The words are
# taken possessively: fewer syllables, or a syllable cut short, are followed by a letter or
# a capitalised word, never by the separator the pattern needs, so giving words back could
# only fail again; without it a run of capitalised words cost a retry for every length.)
_NAME_RUN = re.compile(rf"({UPPER_CLASS}(?<![\w.]{UPPER_CLASS}){LOWER_CLASS}*+(?:[ ]+{UPPER_CLASS}{LOWER_CLASS}*+){{1,5}}+)"
                       rf"(?![\w.])(?=\s*(?:[-–—,(]|(?:thôi\s+)?giữ\s+chức\s))")
# A dotted abbreviation ("T.Ư", "T.W", "TP.HCM", "Tp.Hồ Chí Minh") is one word: a title never
# ends inside it. (Also "Q.1", "H.Củ Chi"; the two-letter ones are listed in data/title_grammar.yaml.)
def _head_prefixes(prefixes: list[str], not_in: list[str]) -> str:
    """"nguyên", "quyền" before a head (former, acting), but not as the last syllable of a word
    they end ("chính quyền Tổng thống X" is the President's administration, no acting President):
    a lookbehind for each such word's first syllables."""
    guarded = []
    for prefix in prefixes:
        words = [word[:-len(prefix)] for word in not_in if word.endswith(" " + prefix)]
        guarded.append("".join(f"(?<!{re.escape(before)})" for before in words) + re.escape(prefix))
    return "|".join(guarded)


def _token_pattern(dotted: list[str], provinces: list[str]) -> re.Pattern[str]:
    """A word of a title, a dotted abbreviation whole ("T.Ư", "TP.HCM", "Q.1"; "TP." before a
    space and a province's name: "TP. Hà Nội"), or a mark."""
    return re.compile(rf"(?:{alternation(dotted)})\.(?=[ ](?:{alternation(provinces)})(?!\w))|"
                      rf"(?:(?:{UPPER_CLASS}|{alternation(dotted)})\.)+(?:{UPPER_CLASS}{LOWER_CLASS}*|\d+)"
                      rf"[^\s,;:.()\[\]!?\"“”]*|[^\s,;:.()\[\]!?\"“”]+|[,;:.()\[\]!?\"“”]")


_NEXT_WORD = re.compile(r"[ ]+([^\s,;:.()]+)")
_AFTER_ABBREVIATION = re.compile(r"^\w+\.[ ](.+)$")
_AND_BEFORE = re.compile(r"\svà\s+$")
_OPENS_A_DATE = re.compile(r"\s+(?:nay|qua)(?!\w)|\s*\(?\d")
# "Ủy viên Bộ Chính trị, Bí thư ...", "Chủ tịch Ủy ban Trung ương MTTQ Việt Nam - Bí thư Thành ủy ...",
# "Phó Bí thư Tỉnh ủy- Chủ tịch UBND tỉnh" (a dash glued to the word before, spaced after)
# (A term in brackets may close a title: "đại biểu HĐND TP.HCM khóa IX (2016-2021), ủy viên ...".)
# The next title of the same person: after a comma, "và", a dash, or "kiêm" (a second post
# held at once: "Bí thư Đảng ủy kiêm Chủ tịch UBND xã"), and ", (đồng thời) là" ("Bí thư Thành ủy
# nhiệm kỳ 2025 - 2030, là Ủy viên Bộ Chính trị").
# (A term may close a title before the comma: "Phó Bí thư Thành ủy khóa XVIII, nhiệm kỳ 2025 -
# 2030, Phó Chủ tịch ..."; it is no title and ends none of the chain.)
_TERM = r"nhiệm\s+kỳ\s+\d{4}\s*[-–—]\s*\d{4}"  # "nhiệm kỳ 2025 - 2030"
# a post given, between it and its holders: "Phó Bí thư Tỉnh ủy được chỉ định gồm: ...", "Chủ
# tịch UBND tỉnh được chỉ định là ông A"
_POST_GIVEN = r"(?:(?:đã|vừa)\s+)?được\s+(?:bầu|chỉ định|bổ nhiệm|chuẩn y|phân công|điều động)"
_NEXT_TITLE = re.compile(rf"(?:\s*\([^()\n]{{1,30}}\))?(?:\s*,?\s*{_TERM}(?=\s*,))?"
                         r"\s*(?:,|và|kiêm(?:\s+nhiệm)?(?!\w)|(?<=\s)[-–—]|[-–—](?=\s))\s*"
                         r"(?:(?:đồng\s+thời\s+)?là\s+)?(?:giữ\s+chức\s+(?:vụ\s+)?)?")
_APPOSITION_SEP = re.compile(r"\s*(?:[-–—]\s*|,\s*|\(\s*|(?:thôi\s+)?giữ\s+chức\s+(?:vụ\s+)?)")
# An aside in brackets that is no title may stand between the name and a dash or comma: "ông
# A (sinh năm 1975) - Phó Bí thư Tỉnh ủy", "bà B (SN 1980), Chủ tịch ...", "(Thanh Hóa)",
# "(bên trái)". Not a day other than a birthday ("Bộ trưởng A (ngày 13/6), Đại biểu B ..."):
# a report's, after which the next clause begins.
_ASIDE_THEN_SEP = re.compile(r"\s*\((?!(?![^()\n]*(?:sinh|SN))[^()\n]*(?:(?<!\w)[nN]gày\s|(?<!\d)\d{1,2}\s*[-/.]\s*\d{1,2}(?!\d)))"
                             r"[^()\n]{1,40}\)\s*(?:[-–—]\s*|,\s*)")
# After a title chain: ", đồng chí Phạm Minh Chính", or a dash and the name as captions print
# it ("Bí thư Tỉnh ủy - Phạm Văn Rạnh chủ trì hội nghị"; such a name needs a known surname).
# (a term may stand between the title and its holder: "Bí thư Thành ủy Huế nhiệm kỳ 2020-2025, đồng
# chí A"; a dash may come before the cue: "Bí thư Thành ủy - đồng chí A")
_CUED_NAME_AFTER = re.compile(
    rf"(?:\s+{_TERM}\s*,\s*(?:đồng chí|ông|bà)"
    rf"|\s*(?:,?\s*(?:đồng chí|ông|bà)|[ ]+[-–—](?P<dash>)(?:[ ]+(?:đồng chí|ông|bà))?))\s+"
    rf"(?P<name>{_SYLLABLE}(?:[ ]+{_SYLLABLE}){{1,4}})(?![\w-])")


# The holder named after "là" (and "hiện nay"): "Giám đốc Sở Nội vụ hiện nay là ông Trần Văn
# K", where the title opens its sentence or clause (not "người phát ngôn của Tổng thống Nga là
# ông A", "vợ Thủ tướng là bà B": the copula names the holder of the noun before the title), and
# not a head alone, which names no unit ("Chủ tịch là ông A" may be a firm's); the post given
# so: "Chủ tịch UBND tỉnh Tuyên Quang được chỉ định là ông A"
_NAMED_BY_COPULA = re.compile(rf"\s+(?:(?:hiện nay|hiện tại|hiện|nay)\s+|{_POST_GIVEN}\s+)?là\s+(?:đồng chí|ông|bà)\s+"
                              rf"(?P<name>{_SYLLABLE}(?:[ ]+{_SYLLABLE}){{1,4}})(?![\w-])")
# (after a word that opens the clause and leaves it to the title: "Trong đó Giám đốc Sở Nội vụ
# hiện nay là ông A", "Còn Phó Giám đốc là bà B")
_CLAUSE_OPENS_BEFORE = re.compile(r"(?:^|[.;:!?]\s*|,\s*|\n)(?:(?:[Tt]rong đó|[Cc]òn|[Rr]iêng)\s*,?\s*)?$")
CLAUSE_OPENER_REACH = 14  # characters before a title where its clause may open: ". Trong đó, "


def _holder_by_copula(text: str, title_start: int, chain_end: int) -> re.Match[str] | None:
    """The holder named after "là" (_NAMED_BY_COPULA) of a title that opens its clause. (The
    copula, read at the title's end, first: most titles have none, and the clause's opening,
    a search, is looked for only then.)"""
    found = _NAMED_BY_COPULA.match(text, chain_end)
    if found is None or not _CLAUSE_OPENS_BEFORE.search(text, max(0, title_start - CLAUSE_OPENER_REACH), title_start):
        return None
    return found


@dataclass(frozen=True)
class _Rules:
    heads: Anchored
    surnames: frozenset[str]
    not_name: frozenset[str]
    telling_middle_names: frozenset[str]  # "Thị", "Văn": after a surname that opens other phrases, a name
    person_cue: re.Pattern[str]
    capitalised_cues: frozenset[str]  # "Ông", "Bà": a cue capitalised at a sentence's start, in a run of capitals
    never: frozenset[str]
    abbreviations: dict[str, str]
    never_in_name: frozenset[str]
    namesake_after: re.Pattern[str]
    not_names: tuple[str, ...]  # phrases shaped like names that name no one ("Thái Bình Dương")
    any_not_name: re.Pattern[str]  # any of them: most texts hold none, and one scan says so
    province_in_run: re.Pattern[str]  # a province's name of two words or more, in a run of capitals
    appointment: re.Pattern[str]  # "giữ chức", "phân công làm": a post for the sentence's person
    appointment_words: tuple[str, ...]  # the same phrases, to skip the pattern where none occurs
    foreign_leader: re.Pattern[str]  # a title ending in a country, then a name
    foreign_head: re.Pattern[str]  # a head only other countries have: "Tổng thống"
    local_designators: frozenset[str]  # "xã", "phường": a two-syllable name after one is a place's
    past_post: re.Pattern[str]  # "từng là", "thời gian giữ các cương vị": a career's posts follow
    past_clause: re.Pattern[str]  # "Trước đó, ": a clause that tells a person's past, its subject next
    proposed_post: re.Pattern[str]  # "được giới thiệu để bầu": a post to come follows
    former_chain_contexts: tuple[str, ...]  # "kỷ luật", "bị cáo": a "(nguyên ...)" chain is former throughout
    principal: re.Pattern[str]  # "Thừa ủy quyền của", "Thay mặt": a principal's title follows
    shared_after: re.Pattern[str]  # "(đều là ": a title the names listed before it all hold
    shared_after_words: tuple[str, ...]
    post_then_holder: re.Pattern[str]  # "kéo dài thời gian giữ chức vụ ": a post, then "đối với" its holder
    post_then_holder_phrases: tuple[str, ...]  # substring tests, cheaper than the pattern's scan for most texts
    # (only those no other holds: "miễn nhiệm" is in "miễn nhiệm chức vụ", one test for both)
    plural_before: re.Pattern[str]  # "các", "2": the title is held by each name of a list after it
    others_between: re.Pattern[str]  # "các nhân sự": people between a person and "giữ chức", whose post it is
    not_official_unit: re.Pattern[str]  # "Công ty", "Hiệp hội": a firm's or a business association's head
    generic_heads: frozenset[str]  # "Chủ tịch", "Giám đốc" (title_key): alone, no sign of a state post
    ends_in_country: re.Pattern[str]
    rank_after_and: re.Pattern[str]  # "và Đại tướng": another person's rank after "và"
    rank: re.Pattern[str]  # "Đại tướng": a rank (a list's item may open with one)


def _head_spellings(head: str) -> set[str]:
    """"Phó Bí thư", "phó Bí thư", and as papers print it, "Phó bí thư", "Phó trưởng Ban":
    each word's first letter in either case."""
    spellings = [""]
    for word in head.split():
        spellings = [f"{done} {variant}".lstrip() for done in spellings for variant in set(either_case_first(word))]
    return set(spellings)


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    titles = datafiles.load("titles")
    names = datafiles.load("names")
    # The first letter of a head may be either case ("trưởng ban", "Trưởng Ban").
    abbreviated = [w for h in titles["abbreviated_heads"] for w in either_case_first(h)]
    head_words = [*titles["heads"], *titles["ranks"], *abbreviated]  # (the automaton ignores case)
    heads = alternation([*(either_case_initials(h) for h in [*titles["heads"], *titles["ranks"]]), *abbreviated])
    prefixes = _head_prefixes(titles["head_prefixes"], titles["head_prefix_not_in"])
    cues = alternation(names["person_cues"])
    not_names = [*names["not_names"], *datafiles.load("places")["stop_phrases"]]
    return _Rules(
        heads=Anchored(
            re.compile(rf"(?<![\w])(?:(?:{prefixes})\s+)?(?:{heads})(?!\w)"),
            phrases=[*head_words, *titles["head_prefixes"]]),
        surnames=frozenset(names["surnames"]),
        not_name=frozenset(names["not_name_words"] + names["cued_surnames"]),
        telling_middle_names=frozenset(names["telling_middle_names"]),
        person_cue=re.compile(rf"(?:{cues})\s*:?\s*$"),
        capitalised_cues=frozenset(cue for cue in names["person_cues"] if cue[0].isupper() and " " not in cue),
        never=frozenset(fold(n) for n in names["never_officials"]),
        abbreviations=titles["abbreviations"],
        never_in_name=frozenset(names["never_in_name"]),
        # (not the "phố" of "thành phố": "Chủ tịch HĐND thành phố Lê Văn Tám" names the city's chairman)
        namesake_after=re.compile(rf"(?<!\w)(?<![Tt]hành )(?:{alternation(titles['namesake_after'])})$"),
        not_names=tuple(not_names),
        any_not_name=re.compile(alternation(not_names)),
        province_in_run=re.compile(alternation([spelling for province in datafiles.load("provinces")["provinces"]
                                                for spelling in province["spellings"]
                                                if " " in spelling and spelling[0].isupper()], not_after=r"\w") + r"(?!\w)"),
        # (Rare lower-case literals: a plain pattern scans for them faster than an automaton's extra pass.)
        appointment=re.compile(alternation(titles["appointment_words"], not_after=r"\w") + r"\s+"),
        # (A phrase that holds another, "giữ chức vụ", needs no test of its own: one scan of the text less.)
        appointment_words=shortest_phrases(titles["appointment_words"]),
        local_designators=frozenset(titles["local_designators"]),
        past_clause=re.compile(rf"(?:{alternation(titles['past_clause_openers'])})\s*,?\s*$"),
        past_post=re.compile(alternation([v for cue in titles["past_post_cues"] for v in either_case_first(cue)],
                                         not_after=r"\w") +
                             rf"(?:\s+(?:{alternation(titles['past_post_fillers'])}))*\s+$"),
        proposed_post=re.compile(rf"(?<!\w){alternation(titles['proposed_post_cues'])}(?!\w)"),
        former_chain_contexts=tuple(titles["former_chain_contexts"]),
        generic_heads=frozenset(fold(head) for head in titles["generic_heads"]),
        plural_before=re.compile(rf"(?<!\w)(?:{alternation(v for word in titles['plural_before'] for v in either_case_first(word))}"
                                 rf"|[2-9]|[1-9]\d)\s+(?:(?P<noun>{alternation(titles['plural_nouns'])})\s+)?$"),
        others_between=re.compile(rf"(?<!\w)(?:các|những)\s+(?:{alternation([*titles['plural_nouns'], *titles['people_nouns']])})(?!\w)"),
        shared_after=re.compile(rf"{alternation(titles['shared_after_list'])}\s+"),  # (a literal first: a fast scan)
        shared_after_words=tuple(titles["shared_after_list"]),
        post_then_holder=re.compile(rf"{alternation(titles['post_then_holder'])}\s+"),
        post_then_holder_phrases=shortest_phrases(titles["post_then_holder"]),
        principal=re.compile(rf"(?<!\w)(?:{alternation(v for cue in titles['principal_cues'] for v in either_case_first(cue))})(?:\s+của)?\s+$"),
        not_official_unit=re.compile(
            rf"\s*(?:{alternation(either_case_initials(unit) for unit in titles['not_official_units'])})(?!\w)"),
        foreign_head=re.compile(rf"(?:(?:{prefixes})\s+)?"
                                rf"(?:{alternation(either_case_initials(h) for h in titles['foreign_heads'])})(?!\w)"),
        ends_in_country=re.compile(rf"(?<!\w)(?:{alternation(datafiles.load('places')['foreign_countries'])})$"),
        rank_after_and=re.compile(rf"\s*và\s+(?:{alternation(either_case_initials(r) for r in titles['ranks'])})(?!\w)"),
        rank=re.compile(rf"(?:{alternation(either_case_initials(r) for r in titles['ranks'])})(?!\w)"),
        foreign_leader=re.compile(rf"(?P<title>.+?(?<!\w)(?:{alternation(datafiles.load('places')['foreign_countries'])}))"
                                  rf"\s+(?P<name>{UPPER_CLASS}[\w'-]*(?:\s+{UPPER_CLASS}[\w'-]*){{1,3}})"),
    )


@dataclass(frozen=True)
class _Grammar:
    """data/title_grammar.yaml, made ready to read titles with."""
    token: re.Pattern[str]  # a word of a title (a dotted abbreviation whole) or a mark
    ends: frozenset[str]  # words that end a title: sentence starts, degrees, verbs
    degrees: frozenset[str]  # "TS", "LS": a person's, except after a unit's noun ("Đoàn LS")
    # "thông tin": a unit's compound that is also a verb of speech (layout.yaml speech_verbs),
    # a unit's word in lower case only right after a unit's noun ("Sở thông tin và truyền thông")
    spoken_compounds: frozenset[str]
    before_spoken: tuple[str, ...]  # "công nghệ": whose object such a compound is (lower case)
    sentence_openers: frozenset[str]  # "Chiều": ends a title before "nay", "qua" or a date
    opens_sentence: frozenset[str]  # the capitalised words of `ends` and `sentence_openers`
    stop_words: frozenset[str]  # verbs and prepositions (the lexicon's rule looks at them too)
    after: dict[str, frozenset[str]]  # a lower-case word -> the words it goes on after (_ANY: any)
    opens: dict[str, frozenset[str]]  # a lower-case syllable -> the syllables that complete it
    part_of: dict[str, str]  # a lower-case word -> its part: "unit" or "place"
    unit_nouns: frozenset[str]  # "Sở", "Hội", "ban" (of "Ủy ban"): a word of a unit opens after them
    unit_noun_phrases: frozenset[str]  # "trung tâm", "chi cục": the nouns of two words, whole, lower-cased
    bracketed_unit: re.Pattern[str]  # a unit's noun opening a bracket after a name: "(Sở Tài chính)"
    described_units: frozenset[str]  # the unit nouns whose names may go on with what the unit does
    # ... and these nouns in lower case too, as a head prints its own ("Trưởng phòng")
    unit_nouns_any_case: frozenset[str]
    described_units_any_case: frozenset[str]
    run_ends: frozenset[str]  # "kiêm", "đến": words that open the clause after a unit's words
    clause_pairs: frozenset[str]  # "đồng ý", "đồng thời": ... and verbs of two syllables that do
    names_with_and: tuple[tuple[str, str], ...]  # ("Kế hoạch", "Đầu tư"): the words either side of "và"
    names_with_and_others: tuple[tuple[str, str], ...]  # ("Khu kinh tế", "các Khu công nghiệp")
    domains: frozenset[str]  # "môi trường", "đào tạo": the compounds of units' names, lower case
    domain_joiners: frozenset[str]  # "&", "-", "–": marks that join two domains in one unit's name
    names_with_marks: tuple[tuple[str, str, str], ...]  # ("Văn hóa", ",", "Thể thao và Du lịch")
    friendship_pairs_after: tuple[str, ...]  # "Việt Nam": a dash and a foreign country go on after it
    country_at: re.Pattern[str]  # a foreign country's name, matched where a pair's dash ends
    of_parent: re.Pattern[str]  # "của Quốc hội": the body a committee's name goes on to, after "của"
    congress_before: re.Pattern[str]  # "Đại hội XIV ": a congress, named with ...
    of_party: re.Pattern[str]  # ... "của Đảng", the Party it is of
    abroad_heads: frozenset[str]  # "Đại sứ": "tại" and a foreign country go on
    departments: frozenset[str]  # "Vụ", "Cục": a unit that a comma and its parent may follow
    parent: re.Pattern[str]  # " Bộ X", " Văn phòng X": such a parent after the comma
    abroad: re.Pattern[str]  # a foreign country right after "tại"
    abroad_units: re.Pattern[str]  # "Đại sứ quán": a mission abroad named as a title's unit
    compound_pairs: frozenset[tuple[str, str]]  # ("dự", "án"): neighbouring syllables of a compound, lower case
    remit_units: re.Pattern[str]  # "Ban Chỉ đạo": a unit whose remit its title goes on to name
    remit_words: frozenset[str]  # "về": the word that opens the remit
    remit_joiners: re.Pattern[str]  # ", " or " và " before a remit's next item
    remit_predicates: frozenset[str]  # stop words that may open the clause's verb right after a remit
    remit_not_items: re.Pattern[str]  # "đồng chí", "đồng thời": words after a comma that open no item


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    grammar = datafiles.load("title_grammar")
    ends, unit, place = grammar["ends"], grammar["unit"], grammar["place"]
    stop_words = frozenset(ends["stop_words"])
    unit_nouns = frozenset(noun.split()[-1] for noun in unit["nouns"])
    described_units = unit_nouns - frozenset(unit["fixed_names"])
    after: dict[str, frozenset[str]] = {}
    part_of: dict[str, str] = {}
    compounds: list[tuple[str, str]] = [(compound, "unit") for compound in unit["compounds"]]
    for part, words in (("unit", unit["words"]), ("place", place["words"])):
        for word in words:
            if " " in word:
                compounds.append((word, part))  # "thành phố": its syllables, as a compound's
            elif word not in stop_words:
                after[word], part_of[word] = _ANY, part
    for word, previous in unit["words_after"].items():
        after[word], part_of[word] = frozenset(previous), "unit"
    opens: dict[str, set[str]] = {}
    for compound, part in compounds:
        syllables = compound.split()
        for previous, word in zip(syllables, syllables[1:]):
            word = word[0].lower() + word[1:]
            if after.get(word) is not _ANY:  # (a word that goes on after any other needs no more)
                after[word] = after.get(word, frozenset()) | frozenset(either_case_first(previous))
            part_of.setdefault(word, part)
            first = previous[0].lower() + previous[1:]
            if first not in stop_words:
                opens.setdefault(first, set()).add(word)
                part_of.setdefault(first, part)
    spellings = [spelling for province in datafiles.load("provinces")["provinces"] for spelling in province["spellings"]]
    for word in place["former"]:  # "Tuyên Quang cũ": after a province's last syllable
        after[word], part_of[word] = frozenset(spelling.split()[-1] for spelling in spellings), "place"
    # (and what follows an abbreviation's stop in a spelling: "HCM" of "TP. HCM")
    provinces = [*spellings, *(found[1] for spelling in spellings if (found := _AFTER_ABBREVIATION.match(spelling)))]
    countries = datafiles.load("places")["foreign_countries"]
    bracketed_nouns = {*unit["nouns"], *grammar["parent"]["parents"]} - {*unit["not_in_brackets"]}
    return _Grammar(
        token=_token_pattern(grammar["name"]["dotted_abbreviations"], [p for p in provinces if p[:1].isupper()]),
        ends=frozenset([*ends["capitalised_at_sentence_start"], *ends["degrees"], *stop_words]),
        degrees=frozenset(ends["degrees"]),
        sentence_openers=frozenset(ends["sentence_openers"]),
        opens_sentence=frozenset(w for w in [*ends["capitalised_at_sentence_start"], *ends["degrees"],
                                             *ends["sentence_openers"]]),
        stop_words=stop_words,
        after=after,
        opens={first: frozenset(rest) for first, rest in opens.items()},
        part_of=part_of,
        unit_nouns=unit_nouns,
        unit_noun_phrases=frozenset(noun.lower() for noun in unit["nouns"] if " " in noun),
        bracketed_unit=re.compile(rf"(?:{alternation(bracketed_nouns)})(?!\w)"),
        described_units=described_units,
        unit_nouns_any_case=either_case_phrases(unit_nouns),
        described_units_any_case=either_case_phrases(described_units),
        run_ends=frozenset(unit["run_ends"]),
        clause_pairs=frozenset(unit["clause_pairs"]),
        names_with_and=tuple(tuple(name.split(" và ", 1)) for name in unit["names_with_and"]),
        names_with_and_others=tuple((name["first"], name["others"]) for name in unit["names_with_and_others"]),
        domains=frozenset(compound.lower() for compound in unit["compounds"]) - frozenset(
            organisation.lower() for organisation in unit["organisations"]),
        domain_joiners=frozenset(unit["domain_joiners"]),
        of_parent=re.compile(rf"của[ ]+(?:{alternation(unit['of_parents'])})(?!\w)"),
        congress_before=re.compile(unit["congress_of_party"]["before"]),
        spoken_compounds=frozenset(compound.lower() for compound in unit["compounds"])
        & frozenset(datafiles.load("layout")["speech_verbs"]),
        before_spoken=tuple(f" {words}" for words in unit["before_spoken_compounds"]),
        of_party=re.compile(unit["congress_of_party"]["party"]),
        # (and the provinces whose names hold a spaced dash: "tỉnh Thừa Thiên - Huế", "Bà Rịa - Vũng Tàu")
        names_with_marks=tuple((left, mark, right) for name in [*unit["names_with_marks"], *_dashed_provinces()]
                               for left, mark, right in [re.split(r"\s*([,\-–])\s*", name, maxsplit=1)]),
        abroad_heads=frozenset(w for head in grammar["abroad"]["heads"] for w in _head_spellings(head)),
        departments=frozenset(grammar["parent"]["departments"]),
        # (the parent named, or its place: "Sở Y tế", "Công an tỉnh Nghệ An", "UBND huyện")
        parent=re.compile(rf"[ ]+(?:{alternation(grammar['parent']['parents'])})[ ]+"
                          rf"(?:{UPPER_CLASS}|(?:{alternation(grammar['place']['words'])})(?!\w))"),
        abroad=re.compile(rf"[ ]+(?:{alternation(countries)})(?!\w)"),
        friendship_pairs_after=tuple(unit["friendship_pairs_after"]),
        country_at=re.compile(rf"(?:{alternation(countries)})(?!\w)"),
        abroad_units=re.compile(alternation(grammar["abroad"]["units"])),
        remit_units=re.compile(alternation(spelling for remit_unit in unit["remit"]["units"]
                                             for spelling in either_case_first(remit_unit))),
        remit_words=frozenset(unit["remit"]["words"]),
        remit_joiners=re.compile(rf"(?:,[ ]+|[ ]+(?:{alternation(unit['remit']['joiners'])})[ ]+)(?={LOWER_CLASS})"),
        remit_predicates=stop_words - frozenset(unit["remit"]["not_predicates"]),
        remit_not_items=re.compile(rf"(?:{alternation([*datafiles.load('names')['person_cues'], *unit['remit']['not_items']])})(?!\w)"),
        compound_pairs=frozenset((a.lower(), b.lower()) for compound, _ in compounds
                                 for a, b in zip(compound.split(), compound.split()[1:])),
    )


@lru_cache(maxsize=4096)
def title_key(title: str) -> str:
    """Compare titles regardless of case, accents and standard abbreviations.
    (Remembered: the same few dozen titles recur in every article.)"""
    words = [_rules().abbreviations.get(w, w) for w in title.split()]
    return fold(" ".join(words))


def _of_parent(grammar: _Grammar, text: str, at: int) -> re.Match[str] | None:
    """"của Quốc hội" after a committee, "của Đảng" after a congress: the body the unit is
    of, part of its name, at `at` ("của")."""
    if parent := grammar.of_parent.match(text, at):
        return parent
    party = grammar.of_party.match(text, at)  # (the rarer test first: most "của" name no Party)
    return party if party and grammar.congress_before.search(text, max(0, at - 40), at) else None


def _read_title(text: str, start: int, parts: list[tuple[str, str]] | None = None) -> tuple[str, int] | None:
    """A title beginning at `start` ("Trưởng Ban Tổ chức Tỉnh ủy"), and where it ends: its
    head, then each word that a part of the grammar takes (data/title_grammar.yaml), up to
    the first that none takes, and then to where a word ends. `parts`, if given, receives
    (part, words) for each word taken: what `explain` and the grammar's tests show."""
    head = _rules().heads.match(text, start)
    if not head or _grammar().abroad_units.match(text, start):
        return None  # "Đại sứ quán Việt Nam" names a mission, no ambassador's title
    grammar, head_text, end = _grammar(), head.group(), head.end()
    if parts is not None:
        parts.append(("head", head_text))
    previous = head_text.rsplit(None, 1)[-1]
    previous_start, before_previous = head.start(), ""
    through = 0  # where a unit's name that holds a comma or a dash ends: its tokens are taken whole
    taken_whole = False  # the last word was so taken: it is never given back to the next word
    naming = unit_named = False  # (see below)
    for token in grammar.token.finditer(text, end):
        word, at = token.group(), token.start()
        if at < through:
            continue
        if (at - end != 1 or text[end] != " ") and (text[end:at].strip() or "\n" in text[end:at]):
            break  # a title does not run on into the next paragraph (one space is the common gap)
        if (len(word) == 1 and not word.isalnum()) or word == "và":
            if before_previous.lower() in _TERM_WORDS and (terms := _TERMS_LISTED.match(text, at)):
                end = through = terms.end()  # "Ủy viên Trung ương Đảng khóa X, XI, XII": the terms listed
                if parts is not None:
                    parts.append(("place", text[at:end]))
                previous, taken_whole = text[:end].rsplit(None, 1)[-1], True
                continue
            if rest := (_name_through_and(text, at, token.end()) if word == "và" else _name_through_mark(text, at, word)):
                end = through = rest  # "Bộ Văn hóa, Thể thao và Du lịch", "Đảng ủy MTTQ, các đoàn thể Trung ương"
                if parts is not None:
                    parts.append(("unit", text[at:rest]))
                previous, taken_whole = text[:rest].rsplit(None, 1)[-1], True
                continue
            if word != "," or not _parent_follows(grammar, text, head.start(), head.end(), end, token.end()):
                break  # nor past a mark, but a department's parent's comma
            end = token.end()  # "Cục trưởng Cục Quản trị, Văn phòng Chính phủ"
            if parts is not None:
                parts.append(("parent", word))
            previous_start, before_previous, previous, taken_whole = at, previous, word, False
            continue
        if word == "của" and (parent := _of_parent(grammar, text, at)):
            end = through = parent.end()  # "Chủ nhiệm Ủy ban Tư pháp của Quốc hội": a committee of the Assembly
            if parts is not None:
                parts.append(("parent", text[at:end]))
            previous_start, before_previous, previous, taken_whole = at, previous, text[:end].rsplit(None, 1)[-1], True
            continue
        # A lower-case word glued to a capitalised one ("khẩuMinh Châu") lost a space: the title
        # ends there. (A capitalised token so written is a brand: "VinaPhone", "OceanBank".)
        glued = _GLUED_CAPITAL.search(word) if word[:1].islower() and not word.islower() else None
        word = word[:glued.start()] if glued else word
        if word[0].isupper() and word not in grammar.opens_sentence:
            part = "name"  # (the common case, decided here: the unit's or the place's own name)
        else:
            part = _part(grammar, text, token.end(), word, previous, head_text, start)
        # (the remit is looked for only where no part takes the word: a title's every word would
        # rescan it, which a megabyte of "Bí thư Tỉnh ủy " makes quadratic)
        remit = part is None and grammar.remit_units.search(text, start, end) is not None
        if part is None and (_names_a_unit(grammar, previous, before_previous) or remit or unit_named) and \
                (run := _function_run(text, at, remit, named=unit_named)):
            end = through = run  # "Giám đốc Trung tâm bồi dưỡng chính trị TP Bảo Lộc": what the unit does
            if parts is not None:
                parts.append(("unit", text[at:run]))
            previous_start, before_previous, previous, taken_whole = at, previous, text[at:run].rsplit(None, 1)[-1], False
            continue
        if part is None:
            if not word[0].islower():
                break  # (the lexicon knows lower-case words only)
            following = _NEXT_WORD.match(text, token.end())
            boundary = _lexicon_boundary(text[max(start, end - NAME_REACH):end], before_previous, previous, word,
                                         following[1] if following else "", after_head=end == head.end())
            if boundary == "give back" and previous_start > head.start() and not taken_whole:
                end = len(text[:previous_start].rstrip())
                if parts is not None:
                    parts.pop()
                break
            if boundary != "lexicon":
                break
            part = boundary
        # A unit's own name right after its noun, ending in a word's lower-case syllable ("Cục |
        # Kiểm soát", "Vụ | Giáo dục"): lower-case words of what the unit does may go on ("...
        # hoạt động bảo vệ môi trường"). Not after a capitalised word, a place's or a person's
        # ("Bộ Công Thương Trần Tuấn Anh | đứng đầu").
        unit_named = naming and part in ("lexicon", "unit") and word.islower()
        # (its name may open in lower case too, with a unit's word: "Ban | quản lý dự án huyện X")
        # (after the head's own noun too: "Trưởng phòng | Cảnh sát hình sự", "... | kinh tế hạ tầng")
        naming = (part == "name" or (part == "unit" and word.islower() and previous in grammar.unit_nouns_any_case)) \
            and (previous in grammar.described_units_any_case or naming)
        end = at + len(word)
        if parts is not None:
            parts.append((part, word))
        if glued or (word[-1] in _DASHES and text[end:end + 1] == " " and _rules().heads.match(text, end + 1)):
            break  # a dash glued to a word, then another title: "Đại tá Phạm Văn Ngân- Phó Giám đốc"
        previous_start, before_previous, previous, taken_whole = at, previous, word, False
    while end > start and text[end - 1] in _DASHES:
        end -= 1  # "... tỉnh An Giang-Phó ...": a dash glued to the title is not part of it
    return text[start:end], end


_TERM_WORDS = ("khóa", "khoá")
# further terms after a term's number: ", XI, XII", "; XI; XII", " và XIII" (the word may be said again)
_TERMS_LISTED = re.compile(r"(?:\s*(?:,|;|và)\s*(?:(?:khóa|khoá)\s+)?[IVXLC]{1,7}(?![\w/.-]))+")


FUNCTION_RUN_MAX_WORDS = 6
_LOWER_RUN = re.compile(rf"{LOWER_CLASS}+(?:[ ]{LOWER_CLASS}+){{0,{FUNCTION_RUN_MAX_WORDS}}}")  # one more than may be taken
_AFTER_RUN = re.compile(rf"[ ]+{UPPER_CLASS}|(?<=[ ]số)[ ]+\d|[ ]*(?:[,;.)]|$)|[ ]+\((?=[^)]{{0,40}}\))", re.MULTILINE)  # (or an aside in brackets: "Cục An ninh nội địa (Bộ Công an)"; a number: "... thường xuyên số 2")


def _names_a_unit(grammar: _Grammar, previous: str, before_previous: str) -> bool:
    """`previous` is a unit's noun ("Sở", "Cục", "Chi Cục"), whose name may go on in lower
    case; not a noun that ends a place's name ("Thành ủy Hải Phòng | nhiệm kỳ mới")."""
    return previous in grammar.unit_nouns and not (
        previous[0].isupper() and before_previous[:1].isupper()
        and f"{before_previous} {previous}".lower() not in grammar.unit_noun_phrases)


def _function_run(text: str, at: int, remit: bool = False, named: bool = False) -> int | None:
    """After a unit's noun, the lower-case words that say what the unit does ("Trung tâm | bồi
    dưỡng chính trị", "Khu | quản lý giao thông đô thị", "Ban | Quản lý dự án"): where they
    end, if they are a unit's words. They are, where none is a verb or a preposition of the
    title grammar's stop words (except inside one of its compounds: "dự án"), there are at most
    FUNCTION_RUN_MAX_WORDS, and a capitalised word (a place, a name) or the clause's end follows
    them: "Giám đốc Trung tâm cho biết" ends at "Trung tâm". `remit`: the unit is a steering
    committee, whose remit follows "về" ("Ban Chỉ đạo Giải Báo chí toàn quốc về xây dựng Đảng"),
    taken where a capitalised word follows it. `named`: the unit's own name stands before
    them, so the clause's verb may end them ("Cục Kiểm soát | hoạt động ... | bị cách chức")."""
    run = _LOWER_RUN.match(text, at)
    if not run:
        return None
    grammar, words = _grammar(), run.group().split()
    opening = next((i for i, word in enumerate(words) if word in grammar.remit_words), None) if remit else None
    if opening is not None:
        if not _unit_words(words[:opening]):
            return None
        item = at + len(" ".join(words[:opening + 1])) + 1  # "Ban Chỉ đạo ... về | phòng, chống tham nhũng"
        return _remit_items(text, item) if text[item - 1:item] == " " else None
    if _AFTER_RUN.match(text, run.end()) and len(words) <= FUNCTION_RUN_MAX_WORDS and _unit_words(words) \
            and not _spoken(text, at, words):
        return run.end()
    # The clause's verb may follow the unit's words with no mark between: "Cục trưởng Cục Kiểm
    # soát | hoạt động bảo vệ môi trường | bị cách chức" (after a unit's own name only: a noun
    # alone goes on with its words in the lexicon's way, "Giám đốc Trung tâm | cho biết").
    if not named:
        return None
    verb = _clause_word(words, 0)
    # "và" between two of what the unit does goes on with its name: "Hội Bảo vệ | thiên nhiên
    # và môi trường | Việt Nam", "Cục Quản lý | nhà và thị trường bất động sản | cho biết"
    while verb is not None and words[verb] == "và" and verb + 1 < len(words):
        further = _clause_word(words, verb + 1)
        if further == verb + 1:
            break  # ("và ông A": no word of the unit's after it)
        if further is None:
            if _AFTER_RUN.match(text, run.end()) and len(words) <= FUNCTION_RUN_MAX_WORDS:
                return run.end()
            break
        verb = further
    pair = next((i for i in range(len(words) - 1) if f"{words[i]} {words[i + 1]}" in grammar.clause_pairs), None)
    if pair is not None and (verb is None or pair < verb):
        verb = pair  # a verb of two syllables: "Ủy ban Thường vụ Quốc hội | đồng ý cho ..."
    if verb is None or not 0 < verb <= FUNCTION_RUN_MAX_WORDS or _spoken(text, at, words[:verb + 1]):
        return None
    return at + len(" ".join(words[:verb]))


def _clause_word(words: list[str], start: int) -> int | None:
    """The index of the first of words[start:] that opens the rest of the clause: a stop word
    of the title grammar (but inside a compound) or one of its run_ends."""
    grammar = _grammar()
    return next((i for i in range(start, len(words)) if words[i] in grammar.run_ends or _stops(
        words[i], words[i - 1] if i else "", words[i + 1] if i + 1 < len(words) else "", grammar.ends)), None)


def _spoken(text: str, at: int, words: list[str]) -> bool:
    """A verb of speech among the words of a run from text[at] ("Chánh Văn phòng Bộ Nội vụ |
    thông tin qua ..."), unless said as an object ("... | công nghệ thông tin"), as _part reads
    such a compound. (A run's words are one space apart.)"""
    spoken = _grammar().spoken_compounds
    for index in range(len(words) - 1):
        if f"{words[index]} {words[index + 1]}" in spoken and not _said_as_object(text, at):
            return True
        at += len(words[index]) + 1
    return False


def _said_as_object(text: str, at: int) -> bool:
    """The compound at text[at] ("thông tin") follows a word whose object it is ("công nghệ")."""
    return text[max(0, at - SPOKEN_OBJECT_REACH):at].rstrip().lower().endswith(_grammar().before_spoken)


def _unit_words(words: list[str]) -> bool:
    """Whether none of these words is a stop word of the title grammar (but inside a compound)."""
    ends = _grammar().ends
    return not any(_stops(word, words[index - 1] if index else "", words[index + 1] if index + 1 < len(words) else "", ends)
                   for index, word in enumerate(words))


def _stops(word: str, before: str, after: str, stop_words: frozenset[str]) -> bool:
    """`word` is one of `stop_words` and no compound's syllable with its neighbour ("dự án")."""
    pairs = _grammar().compound_pairs
    return word in stop_words and (before, word) not in pairs and (word, after) not in pairs


_LOWER_WORD = re.compile(rf"{LOWER_CLASS}+")


def _remit_items(text: str, at: int) -> int | None:
    """A steering committee's remit, from its first word after "về": its items ("về phòng,
    chống tham nhũng, lãng phí, tiêu cực"; "về phát triển khoa học, công nghệ, đổi mới sáng
    tạo và chuyển đổi số"), the first at `at`, the others after ", " or " và ", each of
    lower-case words none a stop word (but inside a compound), and after a comma not a
    person's cue ("đồng chí") or a link ("đồng thời"). The remit ends where the next is not
    an item (", phát biểu") or, after an item, a capitalised word (the name), the clause's end
    or the clause's verb ("chủ trì") follows. Where an item runs into anything else ("về thăm",
    "nhất là"), the first item is none, or it runs past FUNCTION_RUN_MAX_WORDS, it is no remit: None."""
    grammar = _grammar()
    end, first = at, True
    while first or (joiner := grammar.remit_joiners.match(text, end)):
        start = at if first else joiner.end()
        if not first and grammar.remit_not_items.match(text, start):
            break
        words: list[str] = []
        position = start
        while (word := _LOWER_WORD.match(text, position)) is not None:
            following = _LOWER_WORD.match(text, word.end() + 1) if text[word.end():word.end() + 1] == " " else None
            if _stops(word.group(), words[-1] if words else "", following.group() if following else "",
                      grammar.stop_words):
                break
            words.append(word.group())
            if len(words) > FUNCTION_RUN_MAX_WORDS:
                return None
            position = word.end() + 1
            if following is None:
                break
        if not words:
            if first:  # "về Du lịch": a capitalised remit goes on as names do; "về thăm": "về" is the verb
                return at - 1 if text[at:at + 1].isupper() else None
            break  # ", phát biểu": the clause goes on; the remit ended at the comma
        item_end = start + len(" ".join(words))
        if text[item_end:item_end + 1] == " " and not grammar.remit_joiners.match(text, item_end) and (next_word := _LOWER_WORD.match(text, item_end + 1)) is not None \
                and next_word.group() not in grammar.remit_predicates:
            return None  # "nhất là": an item runs into what no remit holds
        end, first = item_end, False
    return end


def _parent_follows(grammar: _Grammar, text: str, head_start: int, unit_start: int, end: int,
                    after_comma: int) -> bool:
    """After a comma, the organisation the title's unit belongs to ("Vụ trưởng Vụ Tổ chức cán
    bộ, Bộ Nội vụ"; "Trưởng phòng Tổng hợp, Ban Tổ chức Tỉnh ủy", the department's noun in
    the head): the unit is a department (data/title_grammar.yaml, `parent`), the words after
    the comma name a ministry or the like, and no title opens there."""
    unit = text[unit_start:end].split(None, 1)
    head_ends_in = text[head_start:unit_start].rsplit(None, 1)[-1].capitalize()
    return bool(unit) and (unit[0] in grammar.departments or head_ends_in in grammar.departments) \
        and "," not in text[unit_start:end] \
        and grammar.parent.match(text, after_comma) is not None \
        and not _rules().heads.match(text, after_comma + 1)


def title_parts(title: str) -> list[tuple[str, str]]:
    """The phrases of `title` as the grammar reads it (data/title_grammar.yaml): its head, its
    unit, a place or term, a mission's country: [("head", "Phó Chủ tịch"), ("unit", "Ủy ban
    MTTQ"), ("place", "quận Bình Thạnh")], for `explain`. Words after the title (a name) are
    left out. (A place's or country's name is the capitalised words after its designator.)"""
    words: list[tuple[str, str]] = []
    if _read_title(title, 0, words) is None:
        return []
    phrases: list[tuple[str, str]] = []
    for part, word in words:
        phrase = part if part in ("head", "place", "abroad", "parent") else "unit"
        if part == "name" and phrases and phrases[-1][0] in ("place", "abroad"):
            phrase = phrases[-1][0]  # "tỉnh Bình Dương", "tại Nhật Bản"
        elif part in ("name", "unit") and phrases and phrases[-1][0] == "parent":
            phrase = "parent"  # ", Bộ Y tế"
        if part == "parent":
            phrases.append((phrase, ""))  # the comma opens the parent's phrase and is not shown
        elif phrases and phrases[-1][0] == phrase and part != "head":
            glue = "" if word.startswith(",") or not phrases[-1][1] else " "
            phrases[-1] = (phrase, f"{phrases[-1][1]}{glue}{word}")
        else:
            phrases.append((phrase, word))
    return phrases


def _part(grammar: _Grammar, text: str, end: int, word: str, previous: str, head: str, start: int) -> str | None:
    """The part of the title grammar that takes `word` (ending at text[end]) after `previous`,
    in the title opened at text[start] by `head`:
    "name", "place", "unit" or "abroad"; None where no part takes it. (A verb, `ends`, is
    in no part, though a syllable of a unit's word may be one after the word's first: "Hội nghị".)"""
    if word[0].isupper() or word[0].isdigit():
        if word in grammar.degrees and previous in grammar.unit_nouns:
            return "name"  # "Đoàn LS TP.HCM", "Hội KTS Việt Nam": the profession names the unit
        if word in grammar.ends or (word in grammar.sentence_openers and _OPENS_A_DATE.match(text, end)):
            return None  # a word that opens a sentence, a degree printed before a name
        return "name"
    after = grammar.after.get(word)
    if after is not None and (after is _ANY or (previous in after and not _opens_another_word(grammar, text, end, word, previous))):
        return grammar.part_of[word]
    if word in grammar.opens and (previous[0].islower() or previous.isupper() or previous in grammar.unit_nouns):
        following = _NEXT_WORD.match(text, end)  # "cán" of "cán bộ", "thành" of "thành phố": the next completes it
        if following and (rest := following[1][:1].lower() + following[1][1:]) in grammar.opens[word]:  # ("các Cơ quan")
            if f"{word} {rest}" in grammar.spoken_compounds and previous not in grammar.unit_nouns \
                    and not _said_as_object(text, end - len(word)):
                return None  # "quyền Chánh Thanh tra Bộ Nội vụ thông tin trường hợp ...": the verb
            return grammar.part_of[word]
    if word == "tại":  # "Đại sứ Việt Nam tại Nhật Bản"; elsewhere "tại" ends it
        return "abroad" if _mission_abroad(text, start, end, head) else None
    return None


def _opens_another_word(grammar: _Grammar, text: str, end: int, word: str, previous: str) -> bool:
    """`word` (ending at text[end]), which goes on a unit only after `previous`, opens a word
    with the next syllable instead: a verb of two (title_grammar.yaml clause_pairs: "Chủ tịch
    UBND tỉnh | đoàn kết ...", though "tỉnh đoàn" is a unit), or a word of the lexicon
    (data/words.txt) where it would be the second syllable of one with `previous` ("Hội
    đồng") and `previous` closed one with the syllable before it: "Quốc hội | đồng ý" (but
    "Bí thư | chi bộ": no word "thư chi" at all)."""
    following = _NEXT_WORD.match(text, end)
    if following is None:
        return False
    if f"{word} {following[1]}" in grammar.clause_pairs:
        return True
    words = datafiles.load_words("words")
    if f"{previous.lower()} {word}" not in words or f"{word} {following[1].lower()}" not in words:
        return False
    before = text[max(0, end - len(word) - WORD_REACH):end - len(word)].split()
    return len(before) >= 2 and f"{before[-2].lower()} {previous.lower()}" in words


WORD_REACH = 24  # characters before a syllable that hold the two syllables before it


def _mission_abroad(text: str, start: int, end: int, head: str) -> bool:
    """"Đại sứ Việt Nam tại Nhật Bản", "Bí thư thứ nhất Đại sứ quán Việt Nam tại Lào": "tại"
    and a foreign country after a mission's head, or in a title whose unit is a mission."""
    grammar = _grammar()
    return (head.removeprefix("nguyên ").removeprefix("Nguyên ") in grammar.abroad_heads
            or grammar.abroad_units.search(text, start, end) is not None) \
        and bool(grammar.abroad.match(text, end))


_ANY = frozenset()
SPOKEN_OBJECT_REACH = 16  # characters before "thông tin" where the word it is the object of ends ("công nghệ ")
_SPACES = re.compile(r"[ ]*")
_GLUED_CAPITAL = re.compile(rf"(?<={LOWER_CLASS}){UPPER_CLASS}")
_TRAILING_MARKS = re.compile(r"[^\w]+$")
_DASHES = "-–—"


def _lexicon_boundary(title_tail: str, before_previous: str, previous: str, word: str, next_word: str,
                      after_head: bool) -> str | None:
    """Where a title that no part of the grammar takes further ends, so that it ends where a
    word ends (data/words.txt; the rule is told in data/title_grammar.yaml, `lexicon`):
    "lexicon" (the lower-case `word` is taken: it completes the word `previous` began),
    "give back" (`previous` begins a word with `word`, and leaves the title) or None (the
    title ends before `word`). `title_tail` is the title's end; hyphenated names are read by
    their syllables ("Tổ chức-Hành chính")."""
    grammar, words = _grammar(), datafiles.load_words("words")
    word = _TRAILING_MARKS.sub("", word.split("-")[0])  # "Tài nguyên& Môi trường", "chức-Hành"
    hyphenated = "-" in previous  # "Hoa Lư-đơn vị": never cut back into such a token
    previous, before_previous = previous.rsplit("-", 1)[-1], before_previous.rsplit("-", 1)[-1]
    pair, three = f"{previous.lower()} {word}", f"{before_previous.lower()} {previous.lower()} {word}"
    if (pair not in words and three not in words) or _ends_in_a_name(title_tail):
        return None
    verb, capitalised = word in grammar.stop_words, previous[:1].isupper()
    longer_on = f"{word} {_TRAILING_MARKS.sub('', next_word.split('-')[0])}" in words  # "Ban | công tác"
    if not longer_on:
        if pair in words and (after_head or capitalised) and (not verb or before_previous in grammar.unit_nouns):
            return "lexicon"  # "Trưởng phòng khám", "Trung tâm", "Hội Nhà báo"
        if three in words and not capitalised and not verb:
            return "lexicon"  # "Hội Thiên văn học"
    if pair not in words or hyphenated:
        return None
    if capitalised:  # "Toàn Cầu | Lãnh đạo công ty", but "Giám đốc Sở | tại buổi làm việc"
        # (never a province's last syllable: "thành phố Hà Nội | tiếp nhận", though "nội tiếp" is a word)
        return "give back" if verb and previous not in grammar.unit_nouns \
            and f"{before_previous} {previous}" not in gazetteer().canonical else None
    return "give back" if f"{before_previous.lower()} {previous.lower()}" not in words else None  # "tỉnh | trực tiếp"


def _after_places(text: str) -> int:
    """Where the last province named in `text` ends (0 if none): a name at the end of a title
    begins after it. A province closing the title ("Bí thư Tỉnh ủy Lâm Đồng") is not a name,
    nor is any part of one ("tỉnh Bình Dương Võ Văn Minh": the name starts after "Dương"); nor
    is a mission's country ("Đại sứ Việt Nam tại Hà Lan Nguyễn Thị Hòa": "Hà" is a surname)."""
    end = max((mention.span[1] for mention in find_mentions(text)), default=0)
    at = text.rfind(" tại")
    country = _grammar().abroad.match(text, at + len(" tại")) if at >= end else None
    return country.end() if country else end


def _ends_in_a_name(text: str) -> bool:
    """The capitalised words that end `text` end in a personal name ("... Trần Văn Bình"),
    after which a lower-case word is the sentence's ("Bình thường xuyên ..."), never the rest of a word.
    No name begins inside a province's name (_after_places): "Công ty Luật Hà Nội Tinh" is
    no "Hà Nội Tinh", so "hoa" may complete "Tinh hoa"."""
    words = text[_after_places(text):].split()[-MAX_NAME_WORDS:]
    return any(_is_name(words[-size:], need_surname=True) for size in range(2, len(words) + 1))


def _dashed_provinces() -> list[str]:
    """The gazetteer's spellings of a province that hold a spaced dash (data/provinces.yaml)."""
    return [spelling for province in datafiles.load("provinces")["provinces"] for spelling in province["spellings"]
            if re.search(r"\s[-–]\s", spelling)]


def _name_through_mark(text: str, at: int, mark: str) -> int:
    """Where a unit's name that holds the comma or dash at text[at] ends ("Bộ Văn hóa, Thể
    thao và Du lịch", "Đảng ủy MTTQ, các đoàn thể Trung ương"; data/title_grammar.yaml,
    names_with_marks), its words taken whole: 0 where the mark ends the title."""
    before = text[max(0, at - 40):at].rstrip()
    after = _SPACES.match(text, at + 1).end()
    for left, sign, right in _grammar().names_with_marks:
        if sign == mark and before.endswith(left) and text.startswith(right, after):
            return after + len(right)
    if mark in ("-", "–") and before.endswith(_grammar().friendship_pairs_after) \
            and (country := _grammar().country_at.match(text, after)):
        return country.end()  # "Hội Hữu nghị Việt Nam - Lào"
    if mark in _grammar().domain_joiners and text[at - 1:at] == " " and after > at + 1 and _ends_in_domain(before):
        return _domain_at(text, after)  # "Sở Tài nguyên & Môi trường", "Hội đồng Thi đua - Khen thưởng"
    if mark == "(":
        return abbreviation_end(text, at)
    return 0


def without_abbreviations(title: str) -> str:
    """The title without the abbreviations printed in brackets after the words they stand for
    ("Chủ tịch Hội đồng nhân dân (HĐND) tỉnh" -> "Chủ tịch Hội đồng nhân dân tỉnh"): the same
    post as where the page prints none."""
    if "(" not in title:
        return title
    cut = [(found.start(), found.end()) for found in ABBREVIATION_IN_BRACKETS.finditer(title)
           if abbreviation_end(title, found.start())]
    for start, end in reversed(cut):
        title = title[:start].rstrip() + title[end:]
    return title


def _name_through_and(text: str, start: int, end: int) -> int:
    """Where a unit's name that holds the "và" at text[start:end] ends ("Bộ Kế hoạch và Đầu
    tư", "Sở Giáo dục và đào tạo"; data/title_grammar.yaml: names_with_and, or two of the
    compounds units are named with, in either case), the second half taken whole; 0 where
    "và" ends the title."""
    before, after = text[max(0, start - 40):start].rstrip(), _SPACES.match(text, end).end()
    for left, right in _grammar().names_with_and:
        if before.endswith(left) and text.startswith(right, after):
            return after + len(right)
    for first, others in _grammar().names_with_and_others:
        if text.startswith(others, after) and first in before:
            return after + len(others)  # "Ban Quản lý Khu kinh tế Nghi Sơn và các Khu công nghiệp"
    return _domain_at(text, after) if after > end and _ends_in_domain(before) else 0


DOMAIN_MAX_SYLLABLES = 4  # "Phát triển nông thôn", "Hội đồng thành viên"


def _ends_in_domain(before: str) -> bool:
    """Whether the text before a joiner ends in a compound of units' names ("Tài nguyên")."""
    syllables = before.lower().split()[-DOMAIN_MAX_SYLLABLES:]
    return any(" ".join(syllables[-n:]) in _grammar().domains for n in range(2, len(syllables) + 1))


def _domain_at(text: str, at: int) -> int:
    """Where the longest compound of units' names that opens at text[at] ends ("Môi trường",
    "đào tạo"), a word's end after it; 0 where none opens there."""
    words = list(_DOMAIN_WORD.finditer(text, at, min(len(text), at + 60)))[:DOMAIN_MAX_SYLLABLES]
    if not words or words[0].start() != at:
        return 0
    for n in range(len(words), 1, -1):
        if all(words[i + 1].start() == words[i].end() + 1 for i in range(n - 1)) \
                and " ".join(w.group() for w in words[:n]).lower() in _grammar().domains:
            return words[n - 1].end()
    return 0


_DOMAIN_WORD = re.compile(r"\w+")


def _read_titles(text: str, start: int, closed_by_name: bool = False) -> tuple[list[str], int]:
    """Titles in apposition: "Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng Ban ...".

    `closed_by_name`: a title that ends in a name ends the chain, so that "Bí thư Tỉnh ủy
    Nguyễn Văn An và Chủ tịch UBND tỉnh Trần Văn Bình" is two people, not one."""
    titles: list[str] = []
    position = start
    while True:
        found = _read_title(text, position)
        if not found:
            break
        title, end = found
        titles.append(title.strip())
        if closed_by_name and _name_at_end(titles[-1]):
            position = end
            break
        now = _NOW_IS.match(text, end)
        if now and _rules().heads.match(text, now.end()):
            titles.clear()  # "Giám đốc Sở Tư pháp nay là Phó Chủ tịch UBND tỉnh": the posts before were held then
            position = now.end()
            continue
        following = _NEXT_TITLE.match(text, end) or _next_title_after_semicolon(text, end)
        if not following or not _rules().heads.match(text, following.end()) or _rules().rank_after_and.match(text, end) \
                or ("kiêm" in following.group() and _heads_a_firm(title)):
            position = end  # ("Chủ tịch HĐQT kiêm Tổng giám đốc X": the second post is the same firm's)
            break
        position = following.end()
    return _former_throughout(text, start, titles), position


# A post held now after those held before it: "... Giám đốc Sở Tư pháp, nay là Phó Chủ tịch UBND tỉnh".
_NOW_IS = re.compile(r"\s*,?\s*(?:và\s+)?(?:nay|hiện nay|hiện)\s+là\s+")
_FORMER = "nguyên "
_OPENS_BRACKET = re.compile(r"\(\s*$")


def _former_throughout(text: str, start: int, titles: list[str]) -> list[str]:
    """In a discipline's or a court's sentence, a bracket that opens with "nguyên" holds
    former posts only: "khai trừ ... ông A (nguyên Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch
    UBND tỉnh)" names the posts held when the wrong was done; each title of its chain is
    former (data/titles.yaml, former_chain_contexts)."""
    if len(titles) < 2 or not titles[0].lower().startswith(_FORMER) or not _OPENS_BRACKET.search(text, max(0, start - 3), start):
        return titles
    sentence = text[text.rfind(". ", 0, start) + 1:_sentence_end(text, start)].lower()
    if not any(word in sentence for word in _rules().former_chain_contexts):
        return titles
    return [titles[0], *(title if title.lower().startswith(_FORMER) else _FORMER + title for title in titles[1:])]


def _sentence_end(text: str, start: int) -> int:
    found = text.find(". ", start)
    return len(text) if found < 0 else found


_SEMICOLON = re.compile(r"\s*;\s*")
_PASSIVE_AFTER_CHAIN = re.compile(r"\s(?:đã\s+|vừa\s+)?được\s")
_CUE_IN_CHAIN = re.compile(r"(?<!\w)(?:ông|bà|đồng chí)\s", re.IGNORECASE)


def _next_title_after_semicolon(text: str, end: int) -> re.Match[str] | None:
    """A semicolon between the groups of one person's long chain, the subject of a passive
    verb ("Ông A - Ủy viên Trung ương Đảng, Ủy viên Quân ủy Trung ương; Thượng tướng, Phó Tổng
    Tham mưu trưởng ... được Bộ Chính trị chỉ định ..."): the chain goes on where a title
    follows and the groups after it, up to "được" in the sentence, name no one (in a list,
    "...; Phó Bí thư Tỉnh ủy Trần Văn B; ..." is the next person's)."""
    following = _SEMICOLON.match(text, end)
    if not following:
        return None
    sentence_end = _SENTENCE_END.search(text, following.end())
    passive = _PASSIVE_AFTER_CHAIN.search(text, following.end(), sentence_end.start() if sentence_end else len(text))
    if passive is None or _CUE_IN_CHAIN.search(text, following.end(), passive.start()):
        return None
    for group in text[following.end():passive.start()].split(";"):
        group = group.strip()
        rank = _rules().rank.match(group)
        at = _NEXT_TITLE.match(group, rank.end()).end() if rank and _NEXT_TITLE.match(group, rank.end()) else 0
        titles, _ = _read_titles(group, at, closed_by_name=True)
        if not titles or _name_at_end(titles[-1]):
            return None
    return following


# A list of a title's holders opens: "Các Phó Bí thư Tỉnh ủy: A, B và C", "3 Phó Bí thư, gồm: ông
# A, Chủ tịch HĐND tỉnh; ông B", "các Phó ban gồm các ông A, B". Each name may be cued
# ("ông", "bà", "đồng chí") and followed by a title of its own.
# The holders may be named after the verb that gave them the title: "Bốn Phó Bí thư Tỉnh ủy được
# chỉ định gồm các ông: A (Thường trực), B, C và bà D".
# (a term may stand between the title and its list: "Các Phó Bí thư Thành ủy Huế nhiệm kỳ
# 2025-2030 gồm các đồng chí: ...", "... Tỉnh ủy khóa XII, nhiệm kỳ 2020 - 2025 gồm: ...")
_LIST_OPENS = re.compile(rf"(?:\s*,?\s*{_TERM})?"
                         rf"\s*(?:{_POST_GIVEN}\s+)?"
                         r"(?:,\s*)?(?:gồm(?:\s+có)?(?=[\s:])\s*:?|:)\s*"
                         r"(?:(?:[cC]ác\s+)?(?:[ôÔ]ng|[bB]à|[đĐ]ồng chí)(?:\s*,?\s*bà)?\s*:?\s*)?")
_PLURAL_LIST_OPENS = re.compile(r"\s+là\s+(?:(?:các\s+)?(?:ông|bà|đồng chí)\s+)?")
PLURAL_REACH = 20  # characters before a head where a plural word and its noun ("các đồng chí") may stand
_LIST_SEPARATOR = re.compile(r"\s*(?:[,;]\s*và|,|;|và)\s*(?P<cue>(?:ông|bà|đồng chí)\s+)?")
_OWN_TITLE = re.compile(r"\s*(?:,|\s[-–—])\s*")  # "ông A, Chủ tịch ...", "Ông A - Chủ tịch ..."
_LISTED_ASIDE = re.compile(r"\s*\([^()\n]{1,60}\)")
_LISTED_NAME = re.compile(rf"{_SYLLABLE}(?:[ ]+{_SYLLABLE}){{1,{MAX_NAME_WORDS - 1}}}(?!\w|\.\w)")  # may end a sentence
_SPACE = re.compile(r"[ ]+")


def _names_listed_after(text: str, position: int, plural: Callable[[], bool] | None = None) -> list[tuple[str, Span]]:
    """"Các Phó Bí thư Tỉnh ủy: Nguyễn Văn An, Trần Văn Bình và Lê Thị Cúc": the names
    listed after a colon that closes a title, each a person holding it; after a counted
    title (`plural`, asked only where "là" follows), after "là" too ("4 Phó Bí thư là bà A,
    ông B và ông C")."""
    opens = _LIST_OPENS.match(text, position) or (
        plural is not None and (after_la := _PLURAL_LIST_OPENS.match(text, position)) and plural() and after_la)
    return _names_listed_from(text, opens.end(), cued=bool(_CUE_WORD.search(opens.group()))) if opens else []


_CUE = r"(?:[ôÔ]ng|[bB]à|[đĐ]ồng chí)"  # the words that name the next words a person
_CUE_WORD = re.compile(rf"(?<!\w){_CUE}(?!\w)")


def _names_listed_from(text: str, at: int, own_titles: bool = True, cued: bool = False) -> list[tuple[str, Span]]:
    """The names of a list from text[at] on, each item ended by a comma, a semicolon or "và",
    and each name perhaps followed by a title of its own ("ông A, Chủ tịch HĐND tỉnh; ông B");
    `cued`: a cue opened the list ("các đồng chí:"), so a surname that also opens other
    capitalised phrases begins a name in any of its items ("..., Văn Thị Bạch Tuyết");
    without `own_titles`, a name followed by its own title ends the list before it (after a
    shared title, "các Phó Chủ tịch A, B, Giám đốc Sở X" leaves B's post in doubt)."""
    names: list[tuple[str, Span]] = []
    all_cued = cued  # "gồm các đồng chí: A, B, C": the cue before the list names each item a person
    first_cued = cued or _LIST_CUE.match(text, at) is not None
    while found := _listed_person(text, at, cued):
        after = found.end()
        own = _OWN_TITLE.match(text, after)
        if own and _rules().heads.match(text, own.end()):
            if not own_titles:
                break
            after = _read_titles(text, own.end())[1]  # "ông A, Chủ tịch HĐND tỉnh; ông B": A's own title
        names.append((found.group(), found.span()))
        if aside := _LISTED_ASIDE.match(text, after):  # "A (Thường trực), B": a qualifier in brackets
            after = aside.end()
        separator = _LIST_SEPARATOR.match(text, after)
        if not separator or (separator.group("cue") and ";" in separator.group() and not first_cued):
            break  # (after items named bare, "; đồng chí B, ..." opens another group: _CUED_ITEM_AFTER)
        at, cued = separator.end(), all_cued or separator.group("cue") is not None
    return names


# A person's birth, age, home town or Party cell told in commas between the name and the
# titles: "Ông Nguyễn Văn A, sinh năm 1975, quê Nghệ An, Phó Bí thư Tỉnh ủy"; "bà B, 52 tuổi,
# Chủ tịch ..."; "ông C, đảng viên Chi bộ Văn phòng Huyện ủy, nguyên Phó Chủ tịch UBND huyện"
# (the membership a discipline names the person by: no title, but the titles follow it).
@lru_cache(maxsize=1)
def _biography_opens() -> re.Pattern[str]:
    """A comma or bracket, then a biography's first segment (data/titles.yaml,
    biography_openers; in a bracket too: "(60 tuổi, nguyên ...)")."""
    openers = alternation(datafiles.load("titles")["biography_openers"])
    return re.compile(rf"[ ]*[,(][ ]*(?=(?:{openers}|\d{{1,3}}[ ]+tuổi)(?!\w))")

# (a segment may hold a bracket: "đảng viên Chi bộ thôn X (Đảng ủy TT.Chợ Chùa), nguyên ...", and
# name the cell's parent: "đảng viên Chi bộ thôn X thuộc Đảng bộ xã Y (TP Đà Nẵng), nguyên ...")
_BIOGRAPHY_SEGMENT = re.compile(r"[^,;()\n]{0,90}?(?:\([^()\n]{1,40}\)[^,;()\n]{0,20}?)?,[ ]*")
BIOGRAPHY_MAX_SEGMENTS = 5  # "quê xã X, huyện Y, tỉnh Z": a home town's commas too


def _titles_after_biography(text: str, at: int) -> int | None:
    """After a name, a biography's comma-separated segments: where the title after them
    opens, or None."""
    opens = _biography_opens().match(text, at)
    if not opens:
        return None
    position = opens.end()
    for _ in range(BIOGRAPHY_MAX_SEGMENTS):
        segment = _BIOGRAPHY_SEGMENT.match(text, position)
        if segment is None or _SENTENCE_END.search(segment.group()) or _PERSON_IN_SEGMENT.search(segment.group()):
            return None  # (nor over another person: "ông A, sinh năm 1980, số thẻ ... được ông B, Phó Tổng Biên tập")
        if _rules().heads.match(text, segment.end()):
            return segment.end()
        position = segment.end()
    return None


# another person named in a segment ("... được ông Tô Văn B, ..."; not a place, "quận Hai Bà Trưng")
_PERSON_IN_SEGMENT = re.compile(rf"(?<!\w)(?:ông|bà|đồng chí)\s+{UPPER_CLASS}")
_BRACKET_THEN_DASH = re.compile(r"\s*\)\s*[-–—]\s*")  # a title in brackets after a name, then more after a dash


def _listed_person(text: str, at: int, cued: bool = False) -> re.Match[str] | None:
    """The name of a list's item at text[at], or after a rank ("Đại tướng Phan Văn Giang"):
    a rank opens an item of the list, never ends it. `cued`: "ông", "bà" stand before it."""
    rank = _rules().rank.match(text, at)
    if rank and (space := _SPACE.match(text, rank.end())):
        at = space.end()
    found = _LISTED_NAME.match(text, at)
    return found if found and _is_name(found.group().split(), need_surname=True, cued=cued) else None


def _is_name(words: list[str], need_surname: bool, cued: bool = False) -> bool:
    """`cued`: "ông", "bà", "đồng chí" stand before the words, so a surname that also opens
    other capitalised phrases ("Đoàn" of "Đoàn công tác") begins a name here."""
    rules = _rules()
    if not 2 <= len(words) <= MAX_NAME_WORDS:
        return False
    if (words[0] in rules.not_name and not (words[0] in rules.surnames and (cued or _told_by_middle_name(words)))) \
            or not all(w[0].isupper() for w in words):
        return False
    if any((len(w) > 1 and w.isupper()) or w in rules.never_in_name for w in words):
        return False  # abbreviations ("HĐND") and time words ("Chiều") are never part of a name
    if words[0] not in rules.surnames:
        return not need_surname
    joined = " ".join(words)  # (already in the cleaner's orthography, as the gazetteer's spellings are)
    # "Thái Bình Dương", "Hàn Quốc": shaped like a name, names an ocean, a country; "Hà Nội": a province
    return not joined.startswith(rules.not_names) and joined not in gazetteer().canonical


def _told_by_middle_name(words: list[str]) -> bool:
    """A middle name that only a person's name has follows the surname: "Đoàn Thị Mai",
    "Đồng Văn Hải" (names.yaml, telling_middle_names), three words or more."""
    return len(words) >= 3 and words[1] in _rules().telling_middle_names


def title_opens_at(text: str, position: int) -> bool:
    """A title's head ("Bí thư", "Phó Giám đốc", "nguyên Bộ trưởng") begins at `position`."""
    return _rules().heads.match(text, position) is not None


def read_post(text: str, position: int) -> tuple[str, int] | None:
    """The titles in apposition that begin at `position` ("Ủy viên Ban Thường vụ, Phó Bí
    thư Tỉnh ủy"), as printed, and where they end; a name ending the last is not read."""
    titles, end = _read_titles(text, position, closed_by_name=True)
    if not titles:
        return None
    if _name_at_end(titles[-1]):
        end = text.rfind(titles[-1], position, end) + len(_name_at_end(titles[-1])[1])
    another = _ANOTHER_POST.search(text, position, end)
    if another:  # "thôi giữ chức X, giữ chức Y": Y is a second post, not part of X
        end = another.start()
        aside = _TRAILING_ASIDE.search(text, position, end)
        end = aside.start() if aside else end  # "X (nhiệm kỳ 2015 – 2020), giữ chức Y": the term is no part of X
    return text[position:end].strip(), end


_ANOTHER_POST = re.compile(r"\s*,\s*giữ\s+chức\s")
_TRAILING_ASIDE = re.compile(r"\s*\([^()\n]{1,30}\)\s*$")


def read_title(text: str, position: int) -> tuple[str, int] | None:
    """One title that begins at `position` ("Ban Thường vụ Tỉnh ủy" of "Ban Thường vụ Tỉnh
    ủy, Đại tá ..."), never the next in apposition, and where it ends."""
    return _read_title(text, position)


def titles_of_post(post: str) -> list[str]:
    """The titles a decision's post names, each apart: "Phó Bí thư Đảng ủy, Chủ tịch UBND
    phường X" is two; a post the title reader does not read whole stays one."""
    titles, end = _read_titles(post, 0)
    return titles if titles and end >= len(post.rstrip(" .,;")) and len(titles) > 1 else [post]


def is_bare_head(title: str) -> bool:
    """The title is a head alone, with no organisation ("Trưởng ban", "Giám đốc")."""
    head = _rules().heads.match(title)
    return head is not None and head.end() == len(title.rstrip())


def is_personal_name(words: list[str], cued: bool = False) -> bool:
    """The words read as a person's name with a known surname ("Nguyễn Văn An"); `cued`,
    after "ông", "bà", "đồng chí"."""
    return _is_name(words, need_surname=True, cued=cued)


_WORD = re.compile(r"\S+")


@lru_cache(maxsize=4096)
def _name_at_end(title: str) -> tuple[str, str] | None:
    """"Bí thư Tỉnh ủy Ngô Đức Vượng" -> ("Ngô Đức Vượng", "Bí thư Tỉnh ủy"): the longest run
    of capitalised words at the end that reads as a name and leaves a title before it.
    (Remembered: asked twice for each title chain, and titles recur across articles.)"""
    found = list(_WORD.finditer(title))  # (each word's start: a blanked aside leaves wider gaps)
    words, starts = [word.group() for word in found], [word.start() for word in found]
    words_before_place_end = len(title[:_after_places(title)].split())
    for size in range(MAX_NAME_WORDS, 1, -1):
        if len(words) - size < max(1, words_before_place_end):
            continue
        candidate = words[-size:]
        if _begins_inside_a_not_name(title, starts[-size]):
            continue  # "... Thái Bình Dương Mỹ": no name begins inside it ("Dương Trung Quốc" may end so)
        if fold(" ".join(candidate)) in _rules().never:
            return None  # "Học viện Chính trị quốc gia Hồ Chí Minh": the organisation's namesake
        if (_after_local_designator(words, size) and (
                size == 2 or any(_is_name(candidate[i:], need_surname=True) for i in range(1, size - 2)))) \
                or (size <= 3 and words[-size - 1:-size] in (["ủy"], ["uỷ"]) and " ".join(candidate) in _unit_names()):
            continue  # "Bí thư Đảng ủy xã Thạch Hà (Nguyễn Văn Bình)": a commune's name, shaped like a person's
        if " ".join(candidate[:2]).lower() in _grammar().domains \
                and title[:starts[-size]].rstrip().endswith((" và", *_grammar().domain_joiners)):
            continue  # "Bộ Giáo dục và Đào Tạo": the unit's second half, shaped like a person's name
        if _is_name(candidate, need_surname=True):
            if _rules().namesake_after.search(" ".join(words[:-size])):
                # "Trường Tiểu học Thạch Văn": a school's namesake, not its head; but after a
                # namesake of two words, a person's full name: "Bệnh viện Bạch Mai Nguyễn Quốc Anh"
                size = next((n for n in (3, 2) if size - n >= NAMESAKE_MIN_WORDS
                             and _is_name(candidate[-n:], need_surname=True)), 0)
                if not size:
                    return None
                candidate = candidate[-size:]
            rest = title[:starts[-size]].strip().rstrip(_DASHES)  # "An Giang-Nguyễn ..."
            if _read_title(rest, 0):
                return " ".join(candidate), rest
            return None
    return _foreign_name_at_end(title)


NAMESAKE_MIN_WORDS = 2  # "Bạch Mai", "Việt Đức": the fewest words of a namesake a person's name may follow


@lru_cache(maxsize=1)
def _unit_names() -> frozenset[str]:
    """The names of districts, wards and communes ("Lục Ngạn"), and of former provinces
    ("Hà Tuyên", data/places.yaml): after "Huyện ủy", "Tỉnh ủy" such a name is the
    committee's place, though shaped like a person's ("Lục", "Hà" are surnames)."""
    return frozenset(name for _, name in local_units().province) | frozenset(datafiles.load("places")["former_provinces"])


def _after_local_designator(words: list[str], size: int) -> bool:
    """The last `size` words begin right after "xã", "phường" ..., or one word later (inside
    the unit's name: "xã Thạch | Hà Nguyễn Văn Bình")."""
    designators = _rules().local_designators
    return any(len(words) > size + gap and words[-size - 1 - gap] in designators
               and not (gap and words[-size - 1].isupper()) for gap in (0, 1))  # (not "TP HCM | Phan ...": an abbreviation is the place whole)


def _foreign_name_at_end(title: str) -> tuple[str, str] | None:
    """"Thủ tướng Nhật Bản Shinzo Abe", "Phó Tổng thống Philippines Leni Robredo": a foreign
    leader's name, of any shape, right after the country that closes the title."""
    found = _rules().foreign_leader.fullmatch(title)
    if not found or not _read_title(found["title"], 0):
        return None
    return found["name"], found["title"]


def place_kind_before(text: str, at: int) -> bool:
    """A kind of place ("huyện", "xã", "thành phố": titles.yaml local_designators) right
    before text[at]: what follows is the place's name, no person's."""
    words = text[max(0, at - 12):at].split()
    designators = _rules().local_designators
    return text[at - 1:at] == " " and bool(words) and (words[-1] in designators or " ".join(words[-2:]) in designators)


def _after_a_province(run: str) -> list[str]:
    """The words of a run of capitals that may be a name: those after a province's name in
    it ("Bình Dương Lê Văn Tư, Tỉnh ủy viên": a title's place, then the name, never "Dương
    Lê Văn Tư"), where at least two words follow it; else all."""
    words = run.split()
    if len(words) < 4:
        return words
    places = list(_rules().province_in_run.finditer(run))
    rest = run[places[-1].end():].split() if places else []
    return rest if len(rest) >= 2 else words


def _begins_inside_a_not_name(text: str, at: int) -> bool:
    """A name starting at text[at] would begin inside a phrase shaped like a name that names
    no one ("Thái Bình Dương", "Hàn Quốc"; data/names.yaml)."""
    if not _rules().any_not_name.search(text):
        return False
    for phrase in _rules().not_names:
        found = text.find(phrase)
        while found != -1 and found <= at:
            if at < found + len(phrase):
                return True
            found = text.find(phrase, found + 1)
    return False


def add_title(titles: list[str], title: str) -> None:
    """Add `title` unless the person has it already. A title that is the start of another
    they have is the same post printed short ("Phó Thủ tướng" and "Phó Thủ tướng Thường
    trực Chính phủ"): the longer one stays, where the first was printed."""
    key = title_key(title)
    for index, known in enumerate(titles):
        known_key = title_key(known)
        if known_key == key or known_key.startswith(key + " ") or _without_designators(known) == _without_designators(title):
            return  # (also "Bí thư Tỉnh ủy tỉnh Quảng Ngãi" after "Bí thư Tỉnh ủy Quảng Ngãi": one post)
        if key.startswith(known_key + " "):
            titles[index] = title
            return
    titles.append(title)


_DESIGNATOR_BEFORE_NAME = re.compile(rf"(?<!\w)(?:tỉnh|thành phố)\s+(?={UPPER_CLASS})")


@lru_cache(maxsize=4096)
def _without_designators(title: str) -> str:
    """The title's key without a designator before a place's name ("tỉnh Quảng Ngãi" is
    "Quảng Ngãi"): two printings of one post compare equal. (Remembered, as title_key is.)"""
    return title_key(_DESIGNATOR_BEFORE_NAME.sub("", title))


def _without_name(title: str, name: str) -> str:
    """A title never holds its person's own name: "Bí thư Thành ủy Hà Nội Hoàng Văn A Bí thư
    Thành ủy Hà Nội" (a caption run into the text) is "Bí thư Thành ủy Hà Nội"."""
    at = title.find(name)
    return title[:at].rstrip(" ,-–—") if at > 0 else title


def _foreign_without_country(title: str) -> bool:
    """A head only other countries have ("Tổng thống", "Ngoại trưởng") that names no country
    is another person's title run on ("cố vấn của Tổng thống Putin"), never this one's."""
    rules = _rules()
    return bool(rules.foreign_head.match(title)) and not rules.ends_in_country.search(title)


def _names_between(text: str, start: int, end: int) -> bool:
    """A personal name (a known surname first) stands in text[start:end]."""
    return any(_is_name(m.group().split(), need_surname=True) for m in _LISTED_NAME.finditer(text, start, end))


# A bracket between a title and the name after it ("Vụ trưởng Vụ Pháp chế (Bộ Nội vụ) Trần Thị
# Xuân", "Chủ tịch Quốc hội (QH) Nguyễn Thị Kim"): capitalised, short, no date inside; or the
# places a commune or district lies in ("Bí thư Đảng ủy xã A (huyện B, tỉnh C) Nguyễn Văn D"),
# opened by a kind of place (titles.yaml local_designators, places.yaml designators).
# (The pattern opens with the bracket, a literal that `re` scans for fast; the word before it
# is checked apart: a pattern that opened with a lookbehind would be tried at every character.)
@lru_cache(maxsize=1)
def _aside_before_name() -> re.Pattern[str]:
    kinds = alternation([*_rules().local_designators, *datafiles.load("places")["designators"]])
    return re.compile(rf"\((?:(?P<places>(?:{kinds})[ ]+{UPPER_CLASS}[^()\d\n]{{0,45}})"
                      rf"|(?P<aside>{UPPER_CLASS}[^()\d\n]{{0,38}}))\)(?=\s+{UPPER_CLASS})")


_ABBREVIATION = re.compile(rf"[{UPPER_CLASS[1:-1]}.&/-]+(?:\s+[{UPPER_CLASS[1:-1]}.&/-]+)*")
ASIDE_REACH = 80  # characters before a bracket where a title's head must stand


def _without_asides(text: str) -> str:
    """The text with each bracket that stands between a title and a name blanked, keeping
    every offset: an abbreviation restating the words before ("(QH)", "(Fed)") whole, a parent unit or
    a place ("(Bộ Nội vụ)", "(TP.HCM)") only its marks, so that the title reads on through it
    to the name, as it would were the bracket a comma; the places around a commune or district
    ("(huyện B, tỉnh C)") whole, as their comma would end the title."""
    if "(" not in text:
        return text
    pieces, last = [], 0
    for match in _aside_before_name().finditer(text):
        opening = match.start() - 1 if match.start() and text[match.start() - 1] == " " else match.start()
        if not opening or not text[opening - 1].isalnum() or \
                not _rules().heads.search(text[max(0, opening - ASIDE_REACH):opening]):
            continue
        if match["places"]:  # the title named its own place: the ones around it are no part of it
            pieces += [text[last:opening], " " * (match.end() - opening)]
            last = match.end()
            continue
        aside = match["aside"]
        if _rules().heads.match(aside) and not _ABBREVIATION.fullmatch(aside):
            continue  # "ông Đặng Văn Nang (Phó Chủ tịch) UBND TP ...": the title of the name before
            # (an abbreviation restates the title before it, even one that is a head: "(ĐBQH)")
        blank = " " * (match.end() - match.start()) if " " not in aside or _ABBREVIATION.fullmatch(aside) else \
            match.group().replace("(", " ").replace(")", " ")
        blank = " " * (match.start() - opening) + blank  # (the space before the bracket too)
        pieces += [text[last:opening], blank]
        last = match.end()
    return "".join(pieces) + text[last:] if pieces else text


_TRAILING_ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.)$")
# A unit in brackets after a name: "bổ nhiệm hai Giám đốc Lê Văn A (Sở Tài chính), Phan Thị B (Sở Y tế)".
_UNIT_IN_BRACKETS = re.compile(rf"[ ]*\((?P<unit>{UPPER_CLASS}[^()\n]{{1,60}})\)")


def unit_after_name(text: str, name_end: int, titles: list[str]) -> list[str]:
    """`titles` with a bare head ("Giám đốc") joined to the unit printed in brackets after the
    name, where the bracket opens with a unit's noun (data/title_grammar.yaml, unit nouns and
    parents, not `not_in_brackets`) and the grammar reads the two as one title: each of
    several heads of units shared by a list names a unit of its own. A bracket that holds no
    unit ("(bìa trái)", "(TP.HCM)", "(Cục trưởng)"), a title that names its own unit, and a
    rank are left as they are."""
    bracket = _UNIT_IN_BRACKETS.match(text, name_end) if titles and "(" in text[name_end:name_end + 3] else None
    if bracket is None or not _grammar().bracketed_unit.match(unit := bracket["unit"].strip()) \
            or _rules().heads.match(unit) or not is_bare_head(titles[-1]) or _rules().rank.fullmatch(titles[-1]):
        return titles  # (a rank has no unit: "Trung tá A (Bộ Công an)" serves in it)
    joined = f"{titles[-1]} {unit}"
    read = _read_title(joined, 0)
    return [*titles[:-1], joined] if read is not None and read[1] == len(joined) else titles


def find_officials(text: str, blocked: list[Span] | None = None, when: str | int | None = None) -> list[Official]:
    """Officials named in `text` in order of first mention, each with every title given.
    `when`, the article's date (YYYY[-MM[-DD]]) or year: a post word's sentence dated well
    before it tells a career, not a title held (extract/careers)."""
    rules = _rules()
    reference = careers.reference(when)
    text = _without_asides(text)
    found: dict[str, Official] = {}
    order: dict[str, int] = {}
    blocked = blocked or []

    def add(name: str, titles: list[str], span: Span) -> None:
        key = fold(name)
        if key in rules.never or not titles:
            return
        titles = unit_after_name(text, span[1], titles)
        # (an ellipsis after a title is a list cut short, not the title's: "Bí thư Trung ương Đảng…")
        titles = [_TRAILING_ELLIPSIS.sub("", " ".join(without_abbreviations(t).split()))
                  for t in (_without_name(title, name) for title in titles) if t and not _foreign_without_country(t)]
        titles = [title for title in titles if title]
        if not titles:
            return
        official = found.setdefault(key, Official(name))
        order.setdefault(key, span[0])
        for title in titles:
            add_title(official.titles, title)
        official.spans.append(span)

    # Apposition: NAME - TITLE[, TITLE...]
    consumed: list[Span] = list(blocked)
    for match in _NAME_RUN.finditer(text):
        titles_start: int | None = _APPOSITION_SEP.match(text, match.end()).end()  # type: ignore[union-attr]
        if not rules.heads.match(text, titles_start):
            aside = _ASIDE_THEN_SEP.match(text, match.end()) if text[titles_start - 1] == "(" else None
            titles_start = aside.end() if aside else _titles_after_biography(text, match.end())
            if titles_start is None or not rules.heads.match(text, titles_start):
                continue  # no title follows: most capitalised runs (nothing below has an effect then)
        words = _after_a_province(match.group(1))
        cued = bool(rules.person_cue.search(text[max(0, match.start() - 20):match.start()]))
        if not cued and len(words) <= 2 and place_kind_before(text, match.start()):
            continue  # "Viện Kiểm sát nhân dân huyện Triệu Phong, Phó Viện trưởng ...": a place's name
        # A run such as "Chính Nguyễn Xuân Sơn" may start with the tail of something else, or
        # with the cue itself, capitalised at a sentence's start ("Ông Đoàn Xuân Hiếu, ...").
        cue_at = max((i for i, word in enumerate(words[:-2]) if word in rules.capitalised_cues), default=-1)
        if cue_at >= 0:  # "... quán Bà Buội Ông Nguyễn Tiên Hồng, ...": a full stop lost before the cue
            words, cued = words[cue_at + 1:], True
        while words and not _is_name(words, need_surname=not cued, cued=cued) and len(words) > 2:
            cued = cued or words[0] in rules.capitalised_cues
            words = words[1:]
        if not _is_name(words, need_surname=not cued, cued=cued) or \
                _begins_inside_a_not_name(match.group(1), len(match.group(1)) - len(" ".join(words))):
            continue  # (not "Dương Mỹ" of "Thái Bình Dương Mỹ")
        name = " ".join(words)
        titles, titles_end = _read_titles(text, titles_start, closed_by_name=True)
        # A chain of titles that ends in the next person's name is that person's, as a list
        # printed titles first ("Nguyễn Thiện Nhân, Ủy viên Trung ương Đảng, Chủ tịch Hội Nông
        # dân Việt Nam Lại Xuân Môn;"); after "và" only the last title is ("Nguyễn Văn Thọ, Chủ
        # tịch UBND huyện và Đại tá Nguyễn Đình Chiến"). What is handed over is left
        # unconsumed, for the titles-first pass below.
        if titles and _name_at_end(titles[-1]):
            last_at = text.rfind(titles[-1], titles_start, titles_end)
            titles, titles_end = (titles[:-1], last_at) if _AND_BEFORE.search(text, titles_start, last_at) else ([], 0)
        if titles and text[titles_start - 1] == "(" and (dash := _BRACKET_THEN_DASH.match(text, titles_end)) \
                and rules.heads.match(text, dash.end()):
            more, more_end = _read_titles(text, dash.end(), closed_by_name=True)
            if more and not _name_at_end(more[-1]):  # "bà A (Phó Bí thư thường trực) - Chủ tịch HĐND tỉnh, ông B"
                titles, titles_end = [*titles, *more], more_end
        if titles:
            add(name, titles, (match.end() - len(name), match.end()))
            consumed.append((titles_start, titles_end))

    # Titles first: "Bí thư Tỉnh ủy Ngô Đức Vượng", "Ủy viên Bộ Chính trị, Trưởng Ban Tổ chức
    # Trung ương Phạm Minh Chính", "Trưởng Ban Tổ chức Trung ương, đồng chí Phạm Minh Chính".
    chain_end = 0
    # (most texts name no principal: one substring test spares each head the pattern's search)
    principals = any(word in text for word in _PRINCIPAL_WORDS)
    for head in rules.heads.finditer(text):
        if head.start() < chain_end or any(s <= head.start() < e for s, e in consumed):
            continue
        if text[head.start()].isupper() and text.endswith(_BODY_OF_HEADS, max(0, head.start() - 4), head.start()):
            continue  # "Ban Bí thư", "Ban Giám đốc": a body named by its members' head, no one's title
            # (not "Phó Trưởng Ban thường trực ...": a qualifier of the head before)
        if principals and rules.principal.search(text, max(0, head.start() - 30), head.start()):
            principal = _read_title(text, head.start())
            if principal and not _name_at_end(principal[0]):
                chain_end = principal[1]  # the principal's title: the chain after it is the next person's
                continue
        titles, chain_end = _read_titles(text, head.start(), closed_by_name=True)
        if not titles:
            continue
        named = _name_at_end(titles[-1])
        # (after "là" only a title that names its unit: "4 Phó Chủ tịch là ..." of a bank's board is none)
        listed = [] if named else _names_listed_after(
            text, chain_end, plural=lambda: title_key(titles[-1]) not in rules.generic_heads
            and rules.plural_before.search(text, max(0, head.start() - PLURAL_REACH), head.start()) is not None)
        copula = not named and not listed and text.startswith(_COPULA, head.start() - len(_COPULA))
        cue = None if named or listed or copula else _CUED_NAME_AFTER.match(text, chain_end) or (
            _holder_by_copula(text, head.start(), chain_end) if title_key(titles[-1]) not in rules.generic_heads else None)
        if cue is not None and _given_before(text, head.start()):
            cue = None  # a post given to the person before ("A được bầu làm X, đồng chí B ..."), not B's in apposition
        if not (named or listed or copula or cue) or held_before(text, head.start()):
            continue  # no one holds the titles, or (after "từng là") they are a career's past posts
        if named:
            name, last_title = named
            counted = rules.plural_before.search(text, max(0, head.start() - PLURAL_REACH), head.start())
            plural = counted is not None
            # a counted title with another after it before the name is the count's holders', not
            # the name's: "bổ nhiệm 2 Thẩm phán Tòa án nhân dân tối cao, Chủ nhiệm Ủy ban Tư pháp Lê Thị Nga";
            # after a plural word with no noun of persons, each title before the name's is a group
            # of its own: "giao nhiệm vụ cho các Phó Thủ tướng, Bộ trưởng, Thủ tướng Phạm Minh Chính"
            own = [] if plural and not counted["noun"] else titles[1 if plural else 0:-1]
            add(name, [*own, last_title], (chain_end - len(name), chain_end))
            aside = _LISTED_ASIDE.match(text, chain_end)  # "hai Giám đốc A (Sở Tài chính), B (Sở Y tế)"
            if plural and (separator := _LIST_SEPARATOR.match(text, aside.end() if aside else chain_end)):
                for other, span in _names_listed_from(text, separator.end(), own_titles=False):  # "các Phó Chủ tịch UBND tỉnh A, B và C"
                    add(other, [*titles[:-1], last_title], span)
        elif listed:
            for name, span in listed:
                add(name, titles, span)
        elif copula:
            _add_present_posts(text, head.start(), titles, chain_end, found, add, reference)
        else:
            words = cue.group("name").split()
            need_surname = cue.groupdict().get("dash") is not None
            while len(words) > 2 and not _is_name(words, need_surname):
                words = words[:-1]
            if _is_name(words, need_surname):
                name = " ".join(words)
                add(name, titles, (cue.start("name"), cue.start("name") + len(name)))

    _add_titles_shared_after(text, add)
    _add_posts_held_by_the_one_after(text, add)
    _add_appointments(text, found, add, reference)
    _add_shared_titles(text, found)
    officials = [official for official in found.values() if not _a_firms_head(official.titles)]
    return sorted(officials, key=lambda o: order[fold(o.name)])


def _add_shared_titles(text: str, found: dict[str, Official]) -> None:
    """A title several hold, printed before a colon that lists them with titles of their
    own ("Dự hội nghị có các Ủy viên Trung ương Đảng: Bí thư Tỉnh ủy Ngô Văn A, Trưởng Ban
    Dân vận Trung ương Đinh Văn B."): each person listed up to the sentence's end holds it."""
    if ":" not in text:
        return  # (most texts: no list under a header)
    if text.count(":") >= COLONS_READ:
        return
    headers: list[tuple[int, int, str]] = []  # where each header opens, where its list does, its title
    # (found from the colons back, few in a text: a scan for "các" would try every letter)
    for mark in _COLON_MARK.finditer(text):
        reach = max(0, mark.start() - HEADER_REACH)
        header = _SHARED_HEADER.search(text, reach, mark.start()) if "ác " in text[reach:mark.start()] else None
        read = _read_title(text, header.end()) if header else None
        colon = _COLON.match(text, read[1]) if read and not _name_at_end(read[0]) else None
        if header and read and colon:
            headers.append((header.start(), colon.end(), read[0]))
    for index, (_, opens, title) in enumerate(headers):
        # the list ends with its sentence, or where the next header opens ("các Ủy viên Bộ Chính
        # trị: A, B; các Ủy viên Trung ương Đảng: C, D")
        end = min(next((m.start() for m in _LIST_END.finditer(text, opens)), len(text)),
                  headers[index + 1][0] if index + 1 < len(headers) else len(text))
        if not _LIST_CUE.match(text, opens):  # items named bare: one cued after a semicolon is no longer of the list
            end = next((m.start() for m in _CUED_ITEM_AFTER.finditer(text, opens, end)), end)
        for official in found.values():
            if any(opens <= start < end for start, _ in official.spans):
                add_title(official.titles, title)


def _add_titles_shared_after(text: str, add: Callable[[str, list[str], Span], None]) -> None:
    """"khiển trách ông A và ông B (đều là Phó trưởng phòng Nội vụ huyện)": a title the
    persons listed right before it all hold (data/titles.yaml, shared_after_list). The list
    opens at its clause's first "ông", "bà" or "đồng chí" and ends at the marker."""
    rules = _rules()
    if not any(word in text for word in rules.shared_after_words):
        return  # (most texts)
    for marker in rules.shared_after.finditer(text):
        read = _read_title(text, marker.end())
        if not read or _name_at_end(read[0]) or title_key(read[0]) in rules.generic_heads:
            continue  # (nor a head alone that names no unit: "(cùng là phó giám đốc)" of a firm named before)
        at = len(text[:marker.start()].rstrip(" (").rstrip())  # before the bracket that holds the marker, if one does
        opening = max(text.rfind(mark, 0, at) for mark in _CLAUSE_MARKS) + 1
        cue = _LIST_CUE.search(text, opening, at)
        listed = [(name, span) for name, span in (_names_listed_from(text, cue.end(), own_titles=False) if cue else [])
                  if span[1] <= at]  # (a list may go on past the bracket: "(đều là X); ông C, ...")
        if listed and listed[-1][1][1] == at:
            for name, span in listed:
                add(name, [read[0]], span)


def _add_posts_held_by_the_one_after(text: str, add: Callable[[str, list[str], Span], None]) -> None:
    """"kéo dài thời gian giữ chức vụ Thứ trưởng Bộ Công Thương đối với ông A": a post named
    before its holder (data/titles.yaml, post_then_holder)."""
    rules = _rules()
    if not any(phrase in text for phrase in rules.post_then_holder_phrases):
        return  # (most texts)
    for cue in rules.post_then_holder.finditer(text):
        read = _read_title(text, cue.end())
        holder = _HOLDER_AFTER.match(text, read[1]) if read else None
        if holder and _is_name(holder["name"].split(), need_surname=False, cued=True):
            add(holder["name"], [read[0]], holder.span("name"))


_HOLDER_AFTER = re.compile(rf"\s+(?:đối với|của)\s+(?:ông|bà|đồng chí)\s+(?P<name>{_SYLLABLE}(?:[ ]+{_SYLLABLE}){{1,4}})(?![\w-])")
_CLAUSE_MARKS = (". ", ";", ":", "\n", "(")
# "các Ủy viên Bộ Chính trị: A, Bộ trưởng X; đồng chí B, Bí thư Trung ương Đảng": after items
# named bare, one cued after a semicolon is another group of the guests, not the header's
_CUED_ITEM_AFTER = re.compile(rf";\s*{_CUE}\s")
_LIST_CUE = re.compile(rf"(?<!\w){_CUE}\s+")


# "các" and the title, then the colon within a clause
_SHARED_HEADER = re.compile(r"(?<!\w)[cC]ác\s+(?:đồng chí\s+)?(?=[^\W\d_][^:;!?\n]{2,80}$)")
_COLON_MARK = re.compile(":")
HEADER_REACH = 96  # characters before a colon: "các", "đồng chí" and a title of 80
COLONS_READ = 200  # a text with more colons (a table, a transcript) is not read for headers
_COLON = re.compile(r"\s*:\s*")
_LIST_END = re.compile(r"[.!?]\s|\n")  # (not ";": the list's items may be parted so)


def _a_firms_head(titles: list[str]) -> bool:
    """Every title names a firm (_heads_a_firm), or is a head alone beside one ("Chủ tịch,
    Tổng Giám đốc Công ty ..."): the person is no official."""
    firms = [_heads_a_firm(title) for title in titles]
    generic = _rules().generic_heads
    return any(firms) and all(firm or title_key(title) in generic for firm, title in zip(firms, titles))


def _heads_a_firm(title: str) -> bool:
    """The title's unit is a firm, a business association or a research institute
    (data/titles.yaml, `not_official_units`): "Chủ tịch HĐQT Công ty ...", "Giám đốc Công ty ..."."""
    rules = _rules()
    head = rules.heads.match(title)
    return bool(head) and rules.not_official_unit.match(title, head.end()) is not None


def _add_present_posts(text: str, post: int, titles: list[str], titles_end: int, found: dict[str, Official],
                       add: Callable[[str, list[str], Span], None], reference: careers.Reference | None) -> None:
    """"Hiện ông Cường là Thành ủy viên, Bí thư Đảng ủy ...": the titles read at text[post:]
    after "là" are the posts of a person named just before it ("hiện", "đang", "nay" may
    stand between), in full ("ông Nguyễn Văn A") or by the given name alone
    (_short_references). A sentence dated well before the article tells a career, as for appointments;
    "từng là" (a past post) never stands right after a name."""
    if len(titles) == 1 and is_bare_head(titles[0]) and _INDEFINITE_UNIT.match(text, titles_end):
        return  # "bà A là giám đốc một doanh nghiệp tư nhân": a head of some firm, no post named
    at = post - len(_COPULA)
    person = _PERSON_BEFORE_COPULA.search(text, max(0, at - 60 - COPULA_ASIDE_MAX), at + 1) \
        or _named_before_pronoun(text, at)
    if not person:
        return
    name = person.group(1)
    if not _is_name(name.split(), need_surname=True):
        short = [n for _, n in _short_references(text, person.start(), person.end(), found)]
        name = short[0] if short else ""
    opening = _sentence_start(text, at)
    if _rules().past_clause.match(text, opening, person.start()):
        return  # "Trước đó, ông A là Bí thư Tỉnh ủy X": a post held before the news
    closing = _SENTENCE_END.search(text, titles_end)
    if name and not careers.prints_an_earlier_year(text[opening:closing.start() if closing else len(text)], reference):
        add(name, titles, (person.start(1), person.start(1) + len(person.group(1))))


_COPULA = " là "
# "Ông"/"Bà" opening a sentence or clause right before the copula: "Bà Hà Thị Lan sinh năm 1975.
# Bà là Tỉnh ủy viên khóa XVI", "Ông hiện là ..." (not "Ông từng là ...": a career's)
_PRONOUN_BEFORE_COPULA = re.compile(r"(?:^|[.;!?:]\s*|\n)(?P<cue>Ông|Bà)(?:[ ]+(?:hiện nay|hiện|nay|đồng thời|cũng))?[ ]$")
PRONOUN_REACH = 1500  # characters back where the person a pronoun stands for was named
# a person named with a cue, the name may end a sentence ("... ông Đinh La Thăng.")
_PERSON_NAMED = re.compile(rf"(?:ông|Ông|bà|Bà)[ ]+({_SYLLABLE}(?:[ ]+{_SYLLABLE}){{1,{MAX_NAME_WORDS - 1}}})(?!\w|\.\w)")


def _named_before_pronoun(text: str, at: int) -> re.Match[str] | None:
    """Where the copula at text[at] follows a pronoun that opens its sentence, the person it
    stands for: the last named before it with the same cue ("bà" for "Bà")."""
    pronoun = _PRONOUN_BEFORE_COPULA.search(text, max(0, at - 30), at + 1)
    if pronoun is None:
        return None
    cue = pronoun["cue"].lower()
    named = [m for m in _PERSON_NAMED.finditer(text, max(0, pronoun.start() - PRONOUN_REACH), pronoun.start())
             if m.group().split()[0].lower() == cue and _is_name(m.group(1).split(), need_surname=True)]
    return named[-1] if named else None


_INDEFINITE_UNIT = re.compile(r"\s+(?:của\s+)?(?:một|1)\s")
COPULA_ASIDE_MAX = 60
# (an aside in brackets may stand between: "Ông A (em rể ông B) hiện là Chủ tịch UBND xã")
_PERSON_BEFORE_COPULA = re.compile(rf"(?:ông|Ông|bà|Bà|đồng chí|Đồng chí)[ ]+({_SYLLABLE}(?:[ ]+{_SYLLABLE}){{0,{MAX_NAME_WORDS - 1}}})"
                                   rf"(?:[ ]*\([^()\n]{{1,{COPULA_ASIDE_MAX}}}\))?(?:[ ]+(?:hiện nay|hiện đang|hiện|đang|nay))?[ ]$")


def _short_references(text: str, start: int, end: int, found: dict[str, Official]) -> list[tuple[int, str]]:
    """"Ông Tiến hiện giữ chức ...": a person named before in full ("ông Nguyễn Thành Tiến"),
    now by the given name alone after "ông", "bà", in text[start:end]; only where one person
    of the text has that given name."""
    named = [o.name for o in found.values()]
    named += [m.group(1) for m in _PERSON_CUED.finditer(text, 0, start) if _is_name(m.group(1).split(), need_surname=True)]
    given: dict[str, set[str]] = {}
    for name in named:
        given.setdefault(name.rsplit(None, 1)[-1], set()).add(name)
    return [(m.start(1), next(iter(given[m.group(1)]))) for m in _SHORT_REFERENCE.finditer(text, start, end)
            if len(given.get(m.group(1), ())) == 1]


_SHORT_REFERENCE = re.compile(rf"(?:ông|Ông|bà|Bà)[ ]+({_SYLLABLE})(?![\w.]|[ ]+{UPPER_CLASS})")
_PERSON_CUED = re.compile(rf"(?:đồng chí|Đồng chí|ông|Ông|bà|Bà)\s+({_SYLLABLE}(?:[ ]+{_SYLLABLE}){{1,{MAX_NAME_WORDS - 1}}})(?![\w.])")
_SENTENCE_END = re.compile(r"[.!?;]\s|\n")
SENTENCE_REACH = 400  # characters before a place where its sentence's start is looked for


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence (or clause after ";") holding text[at] opens, within SENTENCE_REACH
    characters before it; 0 where no sentence ends there."""
    return max((m.end() for m in _SENTENCE_END.finditer(text, max(0, at - SENTENCE_REACH), at)), default=0)


PAST_POST_REACH = 40  # characters before a post where a career's cue and its fillers may stand


def held_before(text: str, at: int) -> bool:
    """A career's cue ends right before text[at] ("từng là", "từng làm", "trong thời gian
    giữ chức vụ"): the post that opens there was held before, neither held now nor given."""
    return _rules().past_post.search(text, max(0, at - PAST_POST_REACH), at) is not None


PROPOSAL_REACH = 30  # characters before an appointment word where a proposal's word governs it


def proposed_before(text: str, at: int) -> bool:
    """A proposal's word governs the post opened at text[at] ("để giới thiệu bầu giữ chức X",
    "được đề cử giữ chức Y"): a post to come, neither held nor given (data/titles.yaml,
    proposed_post_cues)."""
    return _rules().proposed_post.search(text, max(0, at - PROPOSAL_REACH), at) is not None


_SERVES_AS = re.compile(r"(?<!\w)làm\s+$")  # (alone, "làm" gives no title: "làm Trưởng đoàn", "làm giám đốc")
GIVEN_REACH = 16  # characters before a head where an appointment word ("được bầu làm ") may end


def _given_before(text: str, at: int) -> bool:
    """Whether an appointment word ("giữ chức", "bầu làm") ends right before text[at], after
    a person named in the same sentence: the post it opens is that person's ("A được bầu làm
    Chủ tịch HĐND tỉnh, đồng chí B ..."), where "Trước khi được bổ nhiệm làm X, ông A ..."
    names its person only after."""
    rules = _rules()
    window = text[max(0, at - GIVEN_REACH):at]
    given = _SERVES_AS.search(window)  # "ông A làm Bí thư Đảng ủy, bà B làm ...": A's
    if given is None and any(phrase in window for phrase in rules.appointment_words):
        given = next((found for found in rules.appointment.finditer(window) if found.end() == len(window)), None)
    if given is None:
        return False
    given_at = at - len(window) + given.start()
    return _PERSON_CUED.search(text, _sentence_start(text, given_at), given_at) is not None


def _add_appointments(text: str, found: dict[str, Official],
                      add: Callable[[str, list[str], Span], None], reference: careers.Reference | None) -> None:
    """Posts named after an appointment word ("giữ chức", data/titles.yaml), for the last
    person named before it in the same sentence: one already found with a title, or one
    named with "đồng chí", "ông", "bà". A sentence dated well before the article tells a
    career and gives no title; one dated on its day, its news ("Ngày 3/10/2017, UBND tỉnh
    bổ nhiệm ... gồm: ông A, giữ chức X")."""
    rules = _rules()
    _decision_verbs()  # (compiled on the first call, not on the rare branch that asks for it)
    if not any(phrase in text for phrase in rules.appointment_words):
        return  # most texts: a substring test is far cheaper than the pattern's scan
    named = sorted((span[0], official.name) for official in found.values() for span in official.spans)
    for post in rules.appointment.finditer(text):
        if held_before(text, post.end()):
            continue  # "trong thời gian giữ chức vụ X": a post held before (a discipline's, a career's)
        if proposed_before(text, post.start()):
            continue  # "được giới thiệu để bầu giữ chức X": a post to come, not held
        titles, titles_end = _read_titles(text, post.end(), closed_by_name=True)
        if not titles or _name_at_end(titles[-1]) or _GIVEN_TO.match(text, titles_end):
            continue  # (", bổ nhiệm làm X cho ông B": B's post, not the sentence's first person's)
        opening = _sentence_start(text, post.start()) or max(0, post.start() - SENTENCE_REACH)
        closing = _SENTENCE_END.search(text, titles_end)
        sentence = text[opening:closing.start() if closing else len(text)]
        if careers.prints_an_earlier_year(sentence, reference):
            continue  # a career's history
        people = [(start, name) for start, name in named if opening <= start < post.start()]
        people += [(m.start(1), m.group(1)) for m in _PERSON_CUED.finditer(text, opening, post.start())
                   if _is_name(m.group(1).split(), need_surname=True)]
        people += _short_references(text, opening, post.start(), found)
        if people:
            start, name = max(people)
            if not _names_between(text, start + len(name), post.start()) \
                    and not rules.others_between.search(text, start + len(name), post.start()) \
                    and not (_announces(_LEADING_NAME.sub("", text[start:post.start()]))
                             and not _decision_verbs().search(text, opening, start)):
                add(name, titles, (start, start + len(name)))  # (not past another name: "- B, ..., giữ chức X")


_GIVEN_TO = re.compile(r"\s*cho\s+(?:(?:ông|bà|đồng chí|các ông|các bà|các đồng chí)\s+)?[^\W\d_a-zđ]")


def _announces(between: str) -> bool:
    """"Ông A công bố quyết định điều động, chỉ định giữ chức X": a verb of decision, not
    passive, between the person and "giữ chức": the post is the decision's, given to someone
    the person announces it for, not theirs ("ông A được điều động giữ chức X" is A's; so is
    the post of "phân công ông A thôi giữ chức X, giữ chức Y", where a verb before the person
    makes them its object: the caller asks that)."""
    return bool(_decision_verbs().search(between)) and not _PASSIVE_WORD.search(between)


_BODY_OF_HEADS = ("Ban ", "ban ")
_PRINCIPAL_WORDS = ("quyền", "mặt", "lệnh")  # a word every cue of data/titles.yaml principal_cues holds
_LEADING_NAME = re.compile(rf"^(?:{UPPER_CLASS}{LOWER_CLASS}*\s*)+")  # a name in full or by its given name
_PASSIVE_WORD = re.compile(r"(?<!\w)(?:được|bị|nhận)(?!\w)")  # ("ông A nhận quyết định bổ nhiệm giữ chức X": A's)


@lru_cache(maxsize=1)
def _decision_verbs() -> re.Pattern[str]:
    """The verbs of a personnel decision (data/appointments.yaml, actions), as whole words."""
    verbs = [verb for verbs in datafiles.load("appointments")["actions"].values() for verb in verbs]
    return re.compile(rf"(?<!\w)(?:{alternation(verbs)})(?!\w)", re.IGNORECASE)
