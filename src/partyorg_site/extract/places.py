"""Provinces: every one of the 63 provinces (2008-2025) named in the text, and the one
the article is about.

The matcher is built from the gazetteer (data/provinces.yaml), whose every spelling is
tested. A province name inside a person's name ("Nguyễn Thái Bình") or a longer
phrase ("Thái Bình Dương") is not the province.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from partyorg_site import datafiles
from partyorg_site.models import Mention, Reasons, unheard
from partyorg_site.patterns import Anchored, alternation
from partyorg_site.read.sentences import sentence_opening
from partyorg_site.vietnamese import UPPER_CLASS, normalize

_CAPITALISED_WORD_BEFORE = re.compile(rf"(?<!\w)({UPPER_CLASS}\w*)\s+$")  # a whole word: "ĐBQH", "(Hoàng"


@dataclass(frozen=True)
class Gazetteer:
    pattern: Anchored
    canonical: dict[str, str]  # spelling -> canonical name
    stop_phrases: dict[str, list[tuple[str, int]]]  # a spelling -> the stop phrases it is in, and where
    lesser_place: re.Pattern[str]
    lesser_list: re.Pattern[str]  # "hai xã Đồng Yên và ": a province's name next is one of them
    lesser_words: tuple[str, ...]  # the kinds, each with its space: "xã ", "huyện "
    surnames: frozenset[str]
    cued_surnames: frozenset[str]  # "Đồng", "Từ": a family name only after a person's cue
    host_cue: re.Pattern[str]
    capital: str
    venue_cue: re.Pattern[str]
    central_organiser: re.Pattern[str]
    membership_before: re.Pattern[str]  # "Ủy viên ": before a central body, a person's rank in it
    delegation_before: re.Pattern[str]  # "Đoàn đại biểu | Quốc hội": a delegation to a central body ...
    local_of_central: re.Pattern[str]  # "Quốc hội | tỉnh": ... a province's own
    local_post: re.Pattern[str]  # "Tỉnh ủy", "UBND tỉnh": a province's committee in a person's titles
    counted_provinces: re.Pattern[str]  # "nhân sự 3 tỉnh, thành": a headline's roundup by count
    abroad: re.Pattern[str]
    bridge_cue: re.Pattern[str]
    attendee_bridge_cue: re.Pattern[str]  # "(tại điểm cầu ": one person's bridge point, not the article's
    background_opener: re.Pattern[str]  # "Trước đó, ": a sentence that tells an earlier event
    in_official_title: re.Pattern[str]
    designator: re.Pattern[str]  # "tỉnh ", "TP. ": what may stand before a province's name
    biography: Anchored  # "quê ở", "từng là": where a person's past begins
    biography_return: re.Pattern[str]  # "hiện là": where it ends, back in the present
    appointment: re.Pattern[str]  # "giữ chức Giám đốc Công an tỉnh " before a name: a post gained there


def _with_lower_case(words: list[str]) -> list[str]:
    """Each title as listed and with its later words in lower case ("Phó bí thư thường
    trực"), as many outlets print titles, and wholly in lower case after a verb ("giữ chức
    bí thư Tỉnh ủy")."""
    return sorted({variant for word in words for variant in (word, word[:1] + word[1:].lower(), word.lower())})


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    provinces = datafiles.load("provinces")["provinces"]
    places = datafiles.load("places")
    canonical: dict[str, str] = {}
    for province in provinces:
        for spelling in province["spellings"]:
            if province["needs_designator"] and spelling == province["name"]:
                continue
            canonical[normalize(spelling)] = province["name"]
        if province["name"] not in places["no_lower_case_spelling"] and not province["needs_designator"]:
            first, _, rest = province["name"].partition(" ")
            canonical.setdefault(normalize(f"{first} {rest.lower()}"), province["name"])  # "Quảng trị"
    cues = alternation([*places["host_cues"], *places["committees_in_titles"]])  # a committee hosts too
    titles = alternation(_with_lower_case(places["official_title_words"]))
    committees = alternation(places["committees_in_titles"])
    returns = alternation(places["biography_ends"], not_after=r"\w")  # to the present: "hiện là"
    return Gazetteer(
        pattern=Anchored(re.compile(rf"(?<!\w)({alternation(canonical)})(?![\w-])"), phrases=canonical),
        canonical=canonical,
        stop_phrases=_stop_phrases_holding(canonical, places["stop_phrases"]),
        lesser_place=re.compile(rf"(?:(?<!\w)(?:{alternation(places['lesser_places'])})|(?<![Tt]hành )\b[Pp]hố)\s+$"),
        lesser_words=tuple(f"{kind} " for kind in places["lesser_places"]),
        # (a number counts them, not one that names a district: "quận 7 huyện Bình Chánh, TP.HCM")
        lesser_list=re.compile(rf"(?<!\w)(?:{alternation(places['lesser_place_counts'])}|(?<![Qq]uận )(?<![Pp]hường )\d+)\s+"
                               rf"(?:{alternation(places['lesser_places'])})\s+"
                               rf"(?:{UPPER_CLASS}[\w'’-]*(?:\s*,\s*|\s+và\s+|\s+))+$"),
        surnames=frozenset(datafiles.load("names")["surnames"]),
        # those that open a name only after "ông", "bà": "chợ Đồng Xuân Quảng Bình" names no one
        cued_surnames=frozenset(datafiles.load("names")["surnames"]) & frozenset(datafiles.load("names")["not_name_words"])
        | frozenset(datafiles.load("names")["cued_surnames"]),
        host_cue=re.compile(rf"(?:{cues})\s*$"),
        capital=places["capital"],
        venue_cue=re.compile(rf"(?<!\w)(?:{alternation(places['venue_cues'])})\s*$"),
        central_organiser=re.compile(rf"(?<!\w)(?:{alternation(_with_abbreviated_centre(places['central_organisers']))})(?!\w)"),
        membership_before=re.compile(rf"(?<!\w)(?:{alternation(places['membership_words'])})\s+$"),
        delegation_before=re.compile(rf"(?<!\w)(?:{alternation(places['delegation_words'])})\s+$", re.IGNORECASE),
        local_of_central=re.compile(rf"(?:\s+khóa\s+[IVXLC]+)?\s+(?:{alternation(places['local_of_central'])})(?!\w)"),
        local_post=re.compile(rf"(?<!\w)(?:{committees})(?!\w)"),
        counted_provinces=re.compile(places["counted_provinces"]),
        in_official_title=re.compile(rf"(?<!\w)(?:{titles})\s+(?:{committees})\s*$"),
        appointment=re.compile(rf"(?<!\w){''.join(f'(?<!{re.escape(word)} )' for word in places['post_lost'])}"
                               rf"(?:{alternation(places['appointment_verbs'])})\s+(?:(?:{titles})\s+){{1,3}}"
                               rf"(?:{committees})\s*$"),
        biography=Anchored(re.compile(rf"(?<!\w){alternation(places['biography_cues'])}(?!\w)"),
                           phrases=places["biography_cues"]),
        biography_return=re.compile(rf"{returns}(?!\w)"),
        bridge_cue=re.compile(rf"(?<!\w)(?:{alternation(places['bridge_cues'])})\s*$"),
        background_opener=re.compile(rf"\s*(?:(?:{alternation(places['background_openers'])})(?!\w)|{places['background_dated']})",
                                     re.IGNORECASE),
        attendee_bridge_cue=re.compile(rf"(?:{alternation(places['attendee_bridge_cues'])})\s*"
                                       rf"(?:{alternation(places['designators'])})?\s*$"),
        designator=re.compile(rf"(?:{alternation(places['designators'])})[ ]?"),
        # (the country's name whole: "Lào Cai", "Nga Sơn", "Mỹ Tho" are places of Vietnam that
        # open with one; and not a name in a list, "Đồng Nai, Nga và Phượng")
        abroad=re.compile(rf"\s*(?:,|\(|của|thuộc)\s*(?:{alternation(places['foreign_countries'])})(?!\w)"
                          rf"(?!\s+(?:{UPPER_CLASS}|và(?!\w)))"),
    )


def _stop_phrases_holding(spellings: Iterable[str], phrases: list[str]) -> dict[str, list[tuple[str, int]]]:
    """For each spelling, the stop phrases that hold it ("Thái Bình" in "Thái Bình Dương")
    and where: a name is checked against those alone, where it is found, so that the text
    is not scanned a second time for every stop phrase."""
    return {spelling: held for spelling in spellings
            if (held := [(phrase, offset) for phrase in phrases for offset in range(len(phrase))
                         if phrase.startswith(spelling, offset)])}


def _in_stop_phrase(text: str, match: re.Match[str], holding: list[tuple[str, int]]) -> bool:
    """The name `match` found is part of a stop phrase, whole words ("Thái Bình Dương")."""
    for phrase, offset in holding:
        start = match.start() - offset
        end = start + len(phrase)
        if start >= 0 and text.startswith(phrase, start) and not (start and _WORD_CHARACTER.match(text, start - 1)) \
                and not _WORD_CHARACTER.match(text, end):
            return True
    return False


_WORD_CHARACTER = re.compile(r"\w")


LESSER_LIST_REACH = 80  # characters back to a counted list's kind: "ba xã Yên Lạc, Thái Bình và "


def _lesser_kind_in(window: str, kinds: tuple[str, ...]) -> bool:
    """A lesser place's kind word stands in `window`: the cheap test before the list's pattern."""
    return any(kind in window for kind in kinds)


def find_mentions(text: str) -> list[Mention]:
    """Every province named in `text`, in order, with spans."""
    gaz = gazetteer()
    mentions = []
    for match in gaz.pattern.finditer(text):
        start, end = match.span()
        if (holding := gaz.stop_phrases.get(match.group(1))) and _in_stop_phrase(text, match, holding):
            continue
        if _inside_personal_name(text, start, gaz.surnames, gaz.cued_surnames, len(match.group().split())):
            continue
        if gaz.lesser_place.search(text, max(0, start - 12), start):
            continue  # "huyện Quảng Ninh", "đường Thái Nguyên"
        if (text[start - 4:start] == " và " or text[start - 2:start] == ", ") \
                and _lesser_kind_in(text[max(0, start - LESSER_LIST_REACH):start], gaz.lesser_words) \
                and gaz.lesser_list.search(text, max(0, start - LESSER_LIST_REACH), start):
            continue  # "hai xã Đồng Yên và Vĩnh Phúc"
        mentions.append(Mention(gaz.canonical[match.group(1)], (start, end)))
    # "tỉnh Hà Nam, Trung Quốc": that name is a place abroad wherever this text uses it.
    abroad = {m.name for m in mentions if gaz.abroad.match(text, m.span[1])}
    return [m for m in mentions if m.name not in abroad] if abroad else mentions


@dataclass(frozen=True)
class LocalUnits:
    """Districts, wards, communes and townships, each known by its kind and name together."""
    kinds: Anchored  # a kind word as printed ("quận", "TP.", "xã"), where a name may follow
    kind_of: dict[str, str]  # the word printed ("TP.") -> the kind ("thành phố")
    province: dict[tuple[str, str], str]  # (kind, name) -> province
    higher_kinds: frozenset[str]  # the districts' kinds, which communes lie in


# The words after a kind word that may be its unit's name: up to six, the first opening with
# a capital or a digit (as every name does; "xã hội" is no commune), the others with a letter
# or digit ("Long Biên", "1", "Ea H'leo", "Văn Miếu - Quốc Tử Giám"); a hyphen joins two
# names with or without spaces ("Phan Rang-Tháp Chàm"), and is compared without them.
_NAME_SEPARATOR = r"(?:[ ]?[-–][ ]?|[ ])"
_UNIT_NAME = re.compile(rf"[ ]?((?:{UPPER_CLASS}|\d)[\w'’]*(?:{_NAME_SEPARATOR}[^\W_][\w'’]*){{0,5}})")
_WORD_END = re.compile(_NAME_SEPARATOR)
_SPACED_HYPHEN = re.compile(r"[ ]?[-–][ ]?")


def unit_key(name: str) -> str:
    """A unit's name as the tables key it: in the loader's orthography, the hyphen between
    two names without spaces. (data/districts.txt and communes.txt are written so by
    tools/make_gazetteer.py, and read as they are: reading 674 districts from YAML and
    normalising 8,000 names took 90 ms at every start.)"""
    return _SPACED_HYPHEN.sub("-", normalize(name))


@lru_cache(maxsize=1)
def local_units() -> LocalUnits:
    """The districts of data/districts.txt and the wards, communes and townships of
    data/communes.txt (both generated from vietnamadminunits by tools/make_gazetteer.py),
    with the words that print their kinds (data/places.yaml)."""
    places = datafiles.load("places")
    kind_of = {word: kind for table in ("district_kinds", "commune_kinds") for kind, words in places[table].items()
               for word in words}
    province = {}
    for table in ("districts", "communes"):
        for line in datafiles.load_words(table):
            kind, name, where = line.split("\t")
            province[(kind, name)] = where  # (already keyed: see unit_key)
    pattern = re.compile(alternation(kind_of, not_after=r"[\w.]"))  # ("TP.Hạ Long": no space needed)
    return LocalUnits(Anchored(pattern, phrases=list(kind_of)), kind_of, province, frozenset(places["district_kinds"]))


def find_local_mentions(text: str) -> list[Mention]:
    """The provinces of the districts, wards, communes and townships named in `text` after
    their kind ("quận Long Biên", "phường Hàng Bạc" -> Hà Nội), with spans. They tell which
    province an article is about; they do not add to the provinces the text names.

    A unit's name is the run of capitalised words after its kind, or a known name that the
    run begins with where a lower-case word or a dash follows it ("quận Long Biên tổ chức",
    "TP. Buôn Ma Thuột - Đắk Lắk"): never one that another capitalised word goes on ("xã Tam
    Quan Bắc" is not "xã Tam Quan"). A unit said to lie in a district or province of another
    province ("xã Hưng Khánh, huyện Hưng Nguyên") is a namesake the tables do not hold (they
    are of 2024-2025; communes have merged since many texts were written), wherever the text
    names it. A kind and name that several provinces share ("huyện Châu Thành", "xã Tân
    Lập") is not in the tables."""
    units = local_units()
    found = [unit for unit in map(_unit_at, units.kinds.finditer(text)) if unit]
    elsewhere = {key for key, mention in found if _placed_elsewhere(text, mention)}
    return [mention for key, mention in found if key not in elsewhere]


def _unit_at(kind_word: re.Match[str]) -> tuple[tuple[str, str], Mention] | None:
    """The unit named after the kind word `kind_word`, if the words after it name one: its
    key (kind, name) and its mention."""
    units, text = local_units(), kind_word.string
    following = _UNIT_NAME.match(text, kind_word.end())
    if not following:
        return None
    kind, name = units.kind_of[kind_word.group()], following[1]
    for word in reversed([*_WORD_END.finditer(name), None]):
        end = word.start() if word else len(name)
        if word and word.group() == " " and name[word.end():word.end() + 1].isupper():
            continue  # a capitalised word goes on: the name is longer than this
        key = (kind, _SPACED_HYPHEN.sub("-", name[:end]))
        if key in units.province:
            return key, Mention(units.province[key], (kind_word.start(), following.start(1) + end))
    return None


UNIT_CONTEXT = 60  # characters after a unit's name where the place it lies in is looked for
# Where the place a unit lies in is named after it: ", huyện Y", " (Nghệ An)", " - Đắk Lắk".
_LIES_IN = re.compile(r"[ ]?(?:,[ ]?|\([ ]?|[ ][-–][ ]?)")


def _placed_elsewhere(text: str, mention: Mention) -> bool:
    """The unit of `mention` is said to lie in another province: the place named right after
    it is a district, or a province with its designator ("tỉnh", "TP."), in brackets or after
    a dash, of another province, and not the one its province merged into in 2025. (A bare
    name after a comma may be the next of a list: "thành phố Hải Dương, Bình Dương, Cần Thơ".)"""
    after = _LIES_IN.match(text, mention.span[1])
    if not after:
        return False
    window = text[after.end():after.end() + UNIT_CONTEXT]
    units = local_units()
    kind_word = units.kinds.match(window)
    if kind_word and units.kind_of[kind_word.group()] in units.higher_kinds and (unit := _unit_at(kind_word)):
        return unit[1].name != mention.name
    designator = gazetteer().designator.match(window)
    if designator or "," not in after.group():
        named = _province_at(window, designator.end() if designator else 0)
        # (the province its own merged into in 2025 contains it: "phường Đồng Xoài, tỉnh Đồng Nai")
        return named is not None and named not in (mention.name, merged_into_2025(mention.name))
    return False


def _province_at(text: str, position: int) -> str | None:
    """The province whose name begins `text` at `position`, as find_mentions would read it
    there (not in a stop phrase, not a place abroad), matched there alone."""
    gaz = gazetteer()
    match = gaz.pattern.pattern.match(text, position)
    if not match or (holding := gaz.stop_phrases.get(match.group(1))) and _in_stop_phrase(text, match, holding) \
            or gaz.abroad.match(text, match.end()):
        return None
    return gaz.canonical[match.group(1)]


def _inside_personal_name(text: str, start: int, surnames: frozenset[str], cued_surnames: frozenset[str],
                          place_words: int = 2) -> bool:
    """"Nguyễn Thái Bình": a run of capitalised words before the match that starts with a
    family name makes the match the end of a person's name; "ông Đồng Văn Kiên Giang" too,
    with a family name that is one only after a person's cue (not "Từ Quảng Nam đến ...")."""
    before = text[max(0, start - 40):start]
    words: list[str] = []
    while True:
        match = _CAPITALISED_WORD_BEFORE.search(before)
        if not match:
            break
        words.insert(0, match.group(1))
        before = before[:match.start()]
    if words and words[0] in surnames:
        return words[0] not in cued_surnames or _PERSON_CUE_BEFORE.search(before) is not None
    # a name right after an abbreviated title ("ĐBQH Phan Thị Bình Thuận", "Phó TT Trương Hòa
    # Bình"): from a family name on, each word written as a name's syllable, four syllables at
    # most with the place's ("ĐB Nguyễn Thị Kim Thúy (Đà Nẵng)": a deputy and a constituency;
    # after a word that is no abbreviation, the run may be an institution's: "ĐH Sư Phạm Hà Nội")
    at = len(words)
    while at > 0 and words[at - 1][1:].islower():
        at -= 1
    return 0 < at < len(words) and len(words[at - 1]) > 1 and words[at - 1].isupper() \
        and words[at] in surnames and words[at] not in cued_surnames \
        and len(words) - at + place_words <= NAME_MAX_SYLLABLES


NAME_MAX_SYLLABLES = 4  # of a Kinh name ending in a province's ("Nguyễn Gia Thái Bình")


_PERSON_CUE_BEFORE = re.compile(r"(?<!\w)(?:ông|bà|đồng chí)\s+$", re.IGNORECASE)


def province_label(labels: list[str]) -> str | None:
    """A page that files the article under a province ("Long An" above the headline) says
    which province it is about, where the text names none with a cue of its own."""
    for label in labels:
        mentions = find_mentions(label)
        if len(mentions) == 1 and mentions[0].span == (0, len(label)):
            return mentions[0].name
    return None


def unique_in_order(mentions: list[Mention]) -> list[str]:
    return list(dict.fromkeys(m.name for m in mentions))


ROUNDUP = 3  # provinces named in a headline that make it a roundup, about none of them


MEMBERSHIP_REACH = 24  # "Ủy viên dự khuyết " (18 characters) and spaces fit
DELEGATION_REACH = 20  # "Đoàn đại biểu " and spaces
LOCAL_POST_REACH = 60  # the person's next titles: "Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Bí thư Thành ủy"


def central_body_acts(text: str, start: int, end: int) -> bool:
    """A central body is named in text[start:end] as itself, not as a person's rank in it:
    "Bộ Chính trị quyết định" makes a national story; "Ủy viên Bộ Chính trị, Bí thư Thành ủy
    X" names a province's secretary, whose story is the province's (data/places.yaml,
    membership_words); nor is "Đoàn đại biểu Quốc hội tỉnh", the province's own delegation.
    (A member who holds no province's post, "Ủy viên Bộ Chính trị, Phó Thủ tướng", acts for
    the centre.)"""
    gaz = gazetteer()
    for found in gaz.central_organiser.finditer(text, start, end):
        if gaz.local_of_central.match(text, found.end()) and \
                gaz.delegation_before.search(text[max(0, found.start() - DELEGATION_REACH):found.start()]):
            continue  # "Đoàn đại biểu Quốc hội tỉnh": the province's delegation
        member = gaz.membership_before.search(text[max(0, found.start() - MEMBERSHIP_REACH):found.start()])
        if not (member and gaz.local_post.search(text, found.end(), min(end, found.end() + LOCAL_POST_REACH))):
            return True
    return False


def primary_province(mentions: list[Mention], text: str, title: str | None, lead_end: int,
                     title_mentions: list[Mention] | None = None,
                     district_mentions: list[Mention] | None = None,
                     why: Reasons | None = None, filed_under: str | None = None) -> str | None:
    """The province the article is about: the host or bridge point it reports from, or the
    locality it reports on.

    Each province scores for how often it is named, for a mention in the title or lead,
    and for a cue before it: a host ("tại tỉnh X", "điểm cầu X", "Tỉnh ủy X") or a post
    gained there ("giữ chức Giám đốc Công an tỉnh X"); a district named with its kind
    ("quận Long Biên") counts for its province as a mention with a cue. A province named
    once in passing, with no cue, is not the article's subject, nor is one named in a
    person's biography ("sinh năm 1970 tại X", "từng là Bí thư Tỉnh ủy Y"), nor the new
    province of 2025 that a named ward lies in (the ward's own province of 2008-2025 is).
    Where the story gives posts in several provinces, none of them is its subject. Where a
    central body acts in the title or lead (a national story), only a province tied to it
    there by a cue, the one province given a post (a ministry's appointment of one police
    chief, reported alone), named as a bridge point, or named in the title is the subject, and never
    the capital as the venue (data/places.yaml). Of the provinces the title names, the best
    wins: the headline's place weighs first; a headline naming three or more is a roundup.
    `why`, where given, is told how each province scored and why the others lost (explain).
    `filed_under`: the province the page files the article under (a label above the headline,
    province_label), the subject where the text names none that counts, unless a central
    body acts (the label of a national story is the newsroom's city: "Hà Nội").
    """
    why = why or unheard
    gaz = gazetteer()
    score: dict[str, int] = defaultdict(int)
    first_seen: dict[str, int] = {}
    national = central_body_acts(title or "", 0, len(title or "")) or central_body_acts(text, 0, lead_end)
    past = biography_spans(text) if mentions or district_mentions else []
    containers = _merged_containers(district_mentions or [])
    cued = [(m, _cue_before(text, m.span[0])) for m in mentions
            if not (past and _within(m.span[0], past))
            and not (m.name in containers and _contains_merged_unit(text, m, district_mentions or []))]
    cued += [(m, "host") for m in district_mentions or [] if not (past and _within(m.span[0], past))]
    for mention in mentions:
        if past and _within(mention.span[0], past):
            why(f"{mention.name}: a mention in a person's biography or career, not counted")
    # (a post told as a past step, "Cuối tháng 10/2024, ông được ... chỉ định giữ chức Bí thư Tỉnh
    # ủy X", is the person's career, not one of the story's posts)
    posted = {m.name for m, cue in cued if cue == "post" and not in_background(text, m.span[0])}
    in_title = find_mentions(title or "") if title_mentions is None else title_mentions
    # "Bộ Chính trị quyết định thành lập Đảng bộ tỉnh A ... Bộ Chính trị quyết định thành lập Đảng
    # bộ tỉnh B ...": a central body's decisions over many provinces, each in a sentence of its
    # own, are about none of them (a list of members in one sentence is not: "ban tổ chức 11
    # tỉnh ủy thuộc Cụm thi đua (A, B, ...)" at a meeting one of them hosts).
    if national and not in_title:
        host_sentences = {max(text.rfind(". ", 0, m.span[0]), text.rfind("\n", 0, m.span[0])): m.name
                          for m, cue in cued if cue == "host"}
        hosts = len(set(host_sentences.values()))
        if hosts >= ROUNDUP:
            why(f"a central body acts over {hosts} provinces, each in a sentence of its own: a national story, about none")
            return None
    for mention, cue in sorted(cued, key=lambda item: item[0].span):
        start = mention.span[0]
        first_seen.setdefault(mention.name, start)
        in_lead = start < lead_end
        if cue == "post" and len(posted) > 1 and mention.name in posted:
            why(f"{mention.name}: one of several provinces given posts, not counted")
            continue  # one of several provinces given posts (a ministry's decisions): in passing
        if national and cue == "host" and _listed_with_another(text, mention, mentions):
            why(f"{mention.name}: one of the provinces listed after a host cue in a national story, no host")
            cue = None  # "Ban Bí thư kỷ luật 2 cán bộ tại Cà Mau, An Giang": where they served, no venue
        has_cue = cue is not None
        if national and gaz.attendee_bridge_cue.search(text, max(0, start - 30), start):
            why(f"{mention.name}: one participant's bridge point in a national story, not counted")
            continue
        # (several provinces' posts were passed over above; one told as background,
        # "Trước đó, ... giữ chức Bí thư Thành ủy X", is no subject either)
        sole_post = cue == "post" and not in_background(text, start)
        if national and not (has_cue and in_lead or sole_post or gaz.bridge_cue.search(text, max(0, start - 30), start)):
            why(f"{mention.name}: named in passing in a national story (a central body acts), not counted")
            continue  # a province named in passing in a national story
        score[mention.name] += 1
        if national and mention.name == gaz.capital and gaz.venue_cue.search(text[max(0, start - 30):start]):
            why(f"{mention.name}: the venue of a central body's meeting, +1 only")
            continue  # the venue of a central body's meeting: a mention in passing
        if in_lead:
            score[mention.name] += 2
        if has_cue:
            score[mention.name] += 3
        why(f"{mention.name}: named{' in the lead (+2)' if in_lead else ''}"
            f"{' after a ' + cue + ' cue (+3)' if has_cue else ''}, +1")
    for mention in in_title:
        score[mention.name] += 3
        first_seen.setdefault(mention.name, -1)
        why(f"{mention.name}: named in the headline, +3")
    if not score:
        why("no province counted" + (" (a national story)" if national else ""))
        return _filed_under(filed_under, national, why)
    why("scores: " + ", ".join(f"{name} {points}" for name, points in sorted(score.items(), key=lambda i: -i[1])))
    headline = {m.name for m in in_title}
    if len(headline) >= ROUNDUP:
        why(f"the headline names {len(headline)} provinces: a roundup, about none")
        return None  # "Nhân sự mới Hà Nội, TP.HCM, Bắc Ninh, Vĩnh Long": a roundup of provinces
    counted = gaz.counted_provinces.search(title or "")
    if counted:
        why(f"the headline counts provinces ('{counted.group()}'): a roundup, about none")
        return None
    best = max(headline or score.keys(), key=lambda name: (score[name], -first_seen[name]))
    if score[best] < 3:
        why(f"{best} scores {score[best]}, under 3: named in passing only, no province")
        return _filed_under(filed_under, national, why)
    why(f"{best} chosen: " + ("the headline's best-scoring place" if headline else "the highest score, first named"))
    return best


_LIST_JOINT = re.compile(r"\s*(?:,|và|;)\s*(?:(?:tỉnh|thành phố|TP\.?)\s*)?")


def _listed_with_another(text: str, mention: Mention, mentions: list[Mention]) -> bool:
    """The province is one of a list of provinces ("tại Cà Mau, An Giang", "tại A và B"):
    another is named right after it, joined by a comma or "và" (not the same one again: a
    district, then its province, "huyện Thuận Châu, Sơn La")."""
    end = mention.span[1]
    return any(other.span[0] > end and other.name != mention.name and _LIST_JOINT.fullmatch(text, end, other.span[0])
               for other in mentions)


def _filed_under(label: str | None, national: bool, why: Reasons) -> str | None:
    """The province of the page's label, where the text names none that counts and the story
    is no national one."""
    if label and not national:
        why(f"{label}: the page files the article under it")
        return label
    return None


def _with_abbreviated_centre(organisers: list[str]) -> list[str]:
    """The organisers, and each named with "Trung ương" also as the press abbreviates it
    ("Ban Tổ chức T.Ư", "Ban Tuyên giáo TƯ": the abbreviations of titles.yaml)."""
    shorts = [short for short, full in datafiles.load("titles")["abbreviations"].items() if full == "Trung ương"]
    return [*organisers, *(organiser.replace("Trung ương", short) for organiser in organisers
                           if "Trung ương" in organiser for short in shorts)]


def in_background(text: str, start: int) -> bool:
    """Whether the sentence around `start` opens as an earlier event ("Trước đó, ...")."""
    return gazetteer().background_opener.match(text, sentence_opening(text, start)) is not None


def _cue_before(text: str, start: int) -> str | None:
    """"post" where a post gained there is named before the province ("giữ chức Giám đốc
    Công an tỉnh X"); "host" for a host cue ("tại tỉnh X", "Tỉnh ủy X"), but not in an
    official's title ("Bí thư Thành ủy X"); else None."""
    gaz = gazetteer()
    before = text[max(0, start - 80):start]
    if not gaz.host_cue.search(before[-30:]):
        return None  # (an official's title ends in a committee, which is a host cue too)
    if gaz.in_official_title.search(before[-50:]):
        return "post" if gaz.appointment.search(before) else None
    return "host"


BIOGRAPHY_LENGTH = 400  # characters at most that a biography's clause runs on


def biography_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` tells a person's past: from a biography cue ("quê ở", "sinh năm",
    "từng là", "nguyên là") to the end of its sentence, or of the bracket it opens in, or
    to a word that returns to the present ("hiện là", "được bổ nhiệm"). (Cues are rare:
    the text is scanned for them once, and the end looked for only after one.)"""
    gaz = gazetteer()
    spans = []
    for cue in gaz.biography.finditer(text):
        limit = min(len(text), cue.end() + BIOGRAPHY_LENGTH)
        back = gaz.biography_return.search(text, cue.end(), limit)
        stop = _sentence_end(text, cue.end(), back.start() if back else limit)
        if text.rfind("(", max(0, cue.start() - 100), cue.start()) > text.rfind(")", max(0, cue.start() - 100),
                                                                                 cue.start()):
            bracket = text.find(")", cue.end(), stop)
            stop = bracket if bracket >= 0 else stop
        spans.append((cue.start(), stop))
    return spans


_SENTENCE_END = re.compile(r"[.!?;\n]")
_ABBREVIATED = {"TP", "Tp", "TX", "Tx"}  # "TP. Hồ Chí Minh": a full stop that ends no sentence


def _sentence_end(text: str, start: int, limit: int) -> int:
    """Where the sentence that goes on at `start` ends (before `limit`): a full stop,
    question or exclamation mark or semicolon that a space, a closing quote or the end
    follows, or a line's end."""
    while end := _SENTENCE_END.search(text, start, limit):
        after = text[end.end():end.end() + 2]
        if end.group() == "\n" or not after or after[0].isspace() or after[0] in "\"”’'" and (
                len(after) < 2 or after[1].isspace()):
            if end.group() != "." or text[max(0, end.start() - 2):end.start()] not in _ABBREVIATED:
                return end.start()
        start = end.end()
    return limit


def _within(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def _merged_containers(units: list[Mention]) -> set[str]:
    """The provinces of 2025 that the named units' own provinces merged into, where other."""
    return {merged for unit in units if (merged := merged_into_2025(unit.name)) != unit.name}


def _contains_merged_unit(text: str, mention: Mention, units: list[Mention]) -> bool:
    """"phường Đồng Xoài, tỉnh Đồng Nai" after July 2025: the province named is the one the
    ward's own province (Bình Phước) merged into, a container, not a subject of its own."""
    for unit in units:
        if unit.span[1] <= mention.span[0] and unit.name != mention.name \
                and merged_into_2025(unit.name) == mention.name:
            between = _LIES_IN.match(text, unit.span[1])
            if between:
                designator = gazetteer().designator.match(text, between.end())
                if (designator.end() if designator else between.end()) == mention.span[0]:
                    return True
    return False


def merged_into_2025(name: str) -> str | None:
    """The province a 2008-2025 province belongs to after the 2025 merger."""
    return _merged_into().get(name)


@lru_cache(maxsize=1)
def _merged_into() -> dict[str, str]:
    """(Apart from the gazetteer's patterns: the archive's taxonomies ask it on every build,
    which then compiles no place pattern where no article is extracted.)"""
    return {p["name"]: p["merged_into_2025"] for p in datafiles.load("provinces")["provinces"]}
