"""Meetings: which meeting the article reports, its kind, date and grouping key.

The meeting is named in the title or the lead ("chủ trì hội nghị giao ban", "vừa tổng
kết công tác"); a ceremony announcing or handing over decisions ("lễ công bố quyết
định", "trao quyết định", "công bố các quyết định" on a day) is a hội nghị, but not a
company's notice ("vừa công bố quyết định") or an inspection opened by its decision.
Meetings mentioned in passing ("chuẩn bị Đại
hội", "Nghị quyết Đại hội XII", "Hội nghị Trung ương 11") or still to come ("dự kiến diễn
ra"), a sitting no Party committee holds ("phiên họp Chính phủ"), a voters' meeting and words that
only contain a kind ("Quốc hội thảo luận") are not the one reported, and a working visit
or a trip abroad is no meeting at all. Kinds, their precedence and the exclusions are in
data/meetings.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


from partyorg_site import datafiles
from partyorg_site.extract.meeting_keys import meeting_key, organiser, organiser_named
from partyorg_site.extract.officials import title_opens_at
from partyorg_site.extract.places import central_body_acts, find_mentions, in_background
from partyorg_site.models import Meeting
from partyorg_site.patterns import Anchored
from partyorg_site.read.sentences import sentences
from partyorg_site.vietnamese import abbreviation_end, squash

LEAD_PARAGRAPHS = 2
TITLE_WORDS = 30  # a name runs to its clause's end, at most so far (a national conference's of 2025: 27; a plenum's with its body and term: 18)
LEAD_CHARACTERS = 1200  # an export's body is one line: read only its opening


@dataclass(frozen=True)
class _Rules:
    words: Anchored  # every kind's phrases in one pattern: a lead is scanned once
    kind_of_group: dict[str, str]  # the pattern's group that matched -> its kind
    precedence: dict[str, int]
    not_after: re.Pattern[str]
    adopted_after: re.Pattern[str]  # "thông qua Nghị quyết | Hội nghị ...": the meeting's own resolution
    posts_given: re.Pattern[str]  # "bổ nhiệm": a ceremony's name that lists the posts it gives
    name_end: re.Pattern[str]  # a mark, or a word opening what is said of the meeting: its name's end
    continues_after_quote: re.Pattern[str]  # "của", "năm": a word that goes on with a quoted name
    comma_goes_on: re.Pattern[str]  # ", quán triệt": a comma inside the name's pair of tasks
    online_words: tuple[str, ...]  # "điểm cầu", "trực tuyến": a meeting with bridge points
    dangling: frozenset[str]  # "của", "năm": words no name cut short ends with
    field_before: re.Pattern[str]  # "công tác dân vận": a field of work just before a mark
    field_after: re.Pattern[str]  # "tôn giáo năm 2025": a field of work just after it
    prepared_after: re.Pattern[str]  # "chuẩn bị tổ chức tốt Đại hội": a few words after, still to come
    tallied_before: re.Pattern[str]  # "34 tỉnh đã hoàn tất Đại hội": meetings done with, counted
    not_before: re.Pattern[str]  # cited in passing, unless held_after ...
    never_before: re.Pattern[str]  # ... never the meeting reported
    named_only: frozenset[str]  # "diễn đàn": a meeting only with its name after it
    unnamed_words: frozenset[str]  # "đảng" of "Đại hội đảng": after the kind word, no name
    held_after: re.Pattern[str]  # "bế mạc hội nghị ...": the meeting reported, whatever follows
    named_after: re.Pattern[str]  # "tổ chức Hội nghị ...": a later mention that names a meeting first named by its kind
    held_before: re.Pattern[str]  # "hội nghị Trung ương 14 đã khai mạc": so too
    national: re.Pattern[str]  # "Hội nghị toàn quốc ...": a meeting whose key is national
    local_body: re.Pattern[str]  # "Đảng bộ tỉnh", "Huyện ủy": a meeting named so is a locality's
    future_after: re.Pattern[str]
    compounds: dict[str, list[tuple[int, str]]]  # a kind's phrase -> (its offset, the word) of words containing it
    sitting: frozenset[str]  # a sitting's words: a meeting only ...
    party_sitting: re.Pattern[str]  # ... a Party committee's
    plenum_after: re.Pattern[str]  # a plenum by its number, after the meeting word ...
    plenum_before: re.Pattern[str]  # ... right after a document's number: that document's issuer
    visit: Anchored
    visit_not_after: tuple[str, ...]  # "Trưởng " before "Đoàn kiểm tra": a post's name, no visit
    own_events: frozenset[str]  # "đại hội": a kind never a qualifier of another meeting's name
    announcements: frozenset[str]  # verbs of a ceremony, unless ...
    notice_after: re.Pattern[str]  # ... a notice ("vừa công bố quyết định")
    inspection_before: re.Pattern[str]  # ... or an inspection's opening ("công bố quyết định giám sát")


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _phrases(phrases: list[str]) -> Anchored:
    """Any of the phrases as whole words, in any case."""
    return Anchored(re.compile(rf"(?<!\w)(?:{_alternatives(phrases)})(?!\w)", re.IGNORECASE), phrases)


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = datafiles.load("meetings")
    fields = [*data["name_ends"]["fields_of_work"], *data["name_ends"]["units_listed"],
              *data["name_ends"]["bodies_listed"]]  # (either side of a comma in a name)
    groups = "|".join(f"(?P<k{i}>{_alternatives(k['phrases'])})" for i, k in enumerate(data["kinds"]))
    return _Rules(
        words=Anchored(re.compile(rf"(?<!\w)(?:{groups})(?!\w)", re.IGNORECASE),
                       [phrase for k in data["kinds"] for phrase in k["phrases"]]),
        kind_of_group={f"k{i}": k["kind"] for i, k in enumerate(data["kinds"])},
        precedence={k["kind"]: i for i, k in enumerate(data["kinds"])},
        not_after=re.compile(rf"(?<!\w)(?<!chương )(?:{_alternatives(data['not_after'])})\s+$", re.IGNORECASE),
        adopted_after=re.compile(rf"(?<!\w)(?:{_alternatives(data['adopted_after'])})\s+$", re.IGNORECASE),
        tallied_before=re.compile(data["tallied_before"], re.IGNORECASE),
        posts_given=re.compile(rf"(?<!\w)(?:{_alternatives(data['posts_given'])})(?!\w)", re.IGNORECASE),
        name_end=re.compile(rf"{_NAME_MARKS}|\s(?:(?:{_alternatives(data['name_ends']['words'])})(?!\w)|"
                            rf"(?:{data['name_ends']['times']}))"),
        online_words=tuple(data["online_words"]),
        comma_goes_on=re.compile(rf",\s*(?:{_alternatives(data['name_ends']['comma_goes_on_before'])})(?!\w)"),
        dangling=frozenset(data["name_ends"]["dangling"]),
        field_before=re.compile(rf"(?<!\w)(?:{_alternatives(fields)})\s*$", re.IGNORECASE),
        field_after=re.compile(rf"\s*(?:(?:{_alternatives(data['name_ends']['field_nouns'])})\s+)?"
                               rf"(?:{_alternatives(fields)})(?!\w)"),
        continues_after_quote=re.compile(rf"(?:{_alternatives(data['name_ends']['after_quote'])})(?!\w)"),
        prepared_after=re.compile(rf"(?<!\w)(?:{_alternatives(data['prepared_after']['words'])})\s+"
                                  rf"{data['prepared_after']['between']}$", re.IGNORECASE),
        not_before=re.compile(rf"^\s+(?:{_alternatives(data['not_before'])})(?!\w)"),
        never_before=re.compile(rf"^\s+(?:{_alternatives(data['never_before'])})(?!\w)"),
        named_only=frozenset(data["named_only"]),
        unnamed_words=frozenset(data["unnamed_words"]),
        held_after=re.compile(rf"(?<!\w)(?:{_alternatives(data['held_after'])})\s+$", re.IGNORECASE),
        named_after=re.compile(rf"(?<!\w)(?<!việc )(?:{_alternatives(data['named_after'])})\s+$", re.IGNORECASE),
        held_before=re.compile(rf"{data['held_before']['between']}(?:{_alternatives(data['held_before']['verbs'])})(?!\w)"),
        national=re.compile(data["national"], re.IGNORECASE),
        local_body=re.compile(rf"(?<!\w)(?<!các )(?:{_alternatives(data['local_bodies'])})(?!\w)", re.IGNORECASE),
        future_after=re.compile(rf"(?<!\w)(?:{_alternatives(data['future_after'])})(?!\w)", re.IGNORECASE),
        compounds=_compounds(data["compounds"], [p for k in data["kinds"] for p in k["phrases"]]),
        sitting=frozenset(word.lower() for word in data["sittings"]["words"]),
        party_sitting=re.compile(rf"(?:{_alternatives(data['sittings']['words'])})\s+{data['sittings']['between']}"
                                 rf"(?:{_alternatives(data['sittings']['party_bodies'])})(?!\w)", re.IGNORECASE),
        own_events=frozenset(data["own_events"]),
        plenum_after=re.compile(rf"^\s+(?:{data['plenum_cited']['after']})(?!\w)"),
        plenum_before=re.compile(data["plenum_cited"]["before"]),
        visit=_phrases(data["visit_phrases"]),
        visit_not_after=tuple(f"{word} " for word in data["visit_not_after"]),
        announcements=frozenset(p.lower() for p in data["announcements"]["phrases"]),
        notice_after=re.compile(rf"(?<!\w)(?:{_alternatives(data['announcements']['not_after'])})\s+$", re.IGNORECASE),
        inspection_before=re.compile(rf"^\s+(?:{_alternatives(data['announcements']['not_before'])})(?!\w)",
                                     re.IGNORECASE),
    )


def _not_a_party_sitting(match: re.Match[str], text: str) -> bool:
    """"cuộc họp Chính phủ", "cuộc họp khẩn", "cuộc họp báo": a sitting, but not a Party
    committee's ("cuộc họp của Ban Bí thư"), so none of the kinds."""
    rules = _rules()
    return match.group().lower() in rules.sitting and not rules.party_sitting.match(text, match.start())


def _compounds(compounds: list[str], phrases: list[str]) -> dict[str, list[tuple[int, str]]]:
    """For each kind's phrase (lower-cased), the words that contain it and where."""
    found: dict[str, list[tuple[int, str]]] = {}
    for phrase in phrases:
        for word in compounds:
            at = word.find(phrase.lower())
            if at >= 0:
                found.setdefault(phrase.lower(), []).append((at, word))
    return found


HELD_REACH = 60  # characters after a meeting word where what decides it is read ("Trung ương lần thứ năm khóa XII đã bế mạc")


def _in_passing(match: re.Match[str], text: str) -> bool:
    """A meeting word cited in passing ("chuẩn bị Đại hội", "Hội nghị Trung ương 11",
    "18-NQ/TW, Hội nghị lần thứ 6, BCH T.Ư Đảng"), still to come ("Hội nghị lần thứ 7 dự
    kiến diễn ra"), a sitting no Party committee holds, or inside a longer word ("Quốc hội thảo luận")."""
    rules = _rules()
    start = _opening(text, match.start())  # "sẽ tổ chức hội nghị tổng kết": what comes before "hội nghị"
    before, after = text[max(0, start - 25):start], text[match.end():match.end() + HELD_REACH]
    if (rules.not_after.search(before) and not rules.adopted_after.search(before)) or rules.never_before.match(after) or \
            rules.prepared_after.search(text, max(0, start - PREPARED_REACH), start) or \
            rules.tallied_before.search(text, max(0, start - TALLY_REACH), start) or \
            _not_a_party_sitting(match, text) or \
            _inside_a_word(match, text) or _still_to_come(match, text) or \
            _no_ceremony(match, before, after) or _unnamed(match, after) or in_background(text, match.start()):
        return True  # (the last: "Trước đó, từ ngày 6 đến 8/9, Học viện tổ chức lớp bồi dưỡng ...", an earlier event)
    if rules.held_after.search(before) or rules.held_before.match(after):
        return False  # "bế mạc hội nghị Trung ương ...", "Hội nghị Trung ương 5 đã bế mạc": the meeting reported
    return bool(rules.not_before.match(after) or (rules.plenum_after.match(after) and rules.plenum_before.search(before)))


def _unnamed(match: re.Match[str], after: str) -> bool:
    """"diễn đàn mạng xã hội", "diễn đàn dành cho chị em": a word that names a meeting only with
    the meeting's own name after it ("Diễn đàn Kinh tế Việt Nam"); else a place to talk, an
    online forum (data/meetings.yaml, named_only)."""
    return match.group().lower() in _rules().named_only and not after.lstrip(" ")[:1].isupper()


def _no_ceremony(match: re.Match[str], before: str, after: str) -> bool:
    """"vừa công bố quyết định" (a decision made public, no ceremony on a day) or "công bố
    quyết định giám sát" (an inspection opened): the verb names no meeting."""
    rules = _rules()
    return match.group().lower() in rules.announcements and \
        bool(rules.notice_after.search(before) or rules.inspection_before.match(after))


def _inside_a_word(match: re.Match[str], text: str) -> bool:
    """"hội thảo" of "Quốc hội thảo luận": a kind's phrase that is part of a longer word."""
    for at, word in _rules().compounds.get(match.group().lower(), ()):
        start = match.start() - at
        if start >= 0 and text[start:start + len(word)].lower() == word and \
                not text[start + len(word):start + len(word) + 1].isalnum():
            return True
    return False


TALLY_REACH = 70  # characters before a meeting word where a tally's count and verb may stand
PREPARED_REACH = 45  # characters before a meeting word where "chuẩn bị" and its words may govern it
FUTURE_REACH = 80  # characters after a meeting word, within its sentence, where a future's words are looked for
_SENTENCE_END = re.compile(r"[.;!?]")


def _still_to_come(match: re.Match[str], text: str) -> bool:
    """The meeting's sentence goes on to say it is still to come ("... dự kiến diễn ra")."""
    after = text[match.end():match.end() + FUTURE_REACH]
    end = _SENTENCE_END.search(after)
    return bool(_rules().future_after.search(after[:end.start()] if end else after))


def find_meeting(title: str | None, body: list[str], announced: str | None = None) -> tuple[str, str] | None:
    """(kind, phrase) of the meeting reported, or None for no meeting.

    `announced`: a later day the page announces (dates.find_event_date passed it over for
    the day it reports): a meeting named in that day's sentence is the one to come ("Đại hội
    ... diễn ra từ ngày 10 - 12/9" over a press conference of 5/9), not the one reported.

    The title and first paragraph are read first; the next paragraph only where they
    name no meeting (an export's second paragraph is the whole body, whose passing
    mentions would otherwise outrank the lead's meeting)."""
    readings = [[title or "", *body[:1]]] + ([[title or "", *body[:LEAD_PARAGRAPHS]]] if len(body) > 1 else [])
    lead_readings = [[*body[:1]], [*body[:LEAD_PARAGRAPHS]]]
    if title and title.isupper() and body:  # a headline in capitals: the lead's name first, in its case
        readings = [*lead_readings, *readings]
    found = _meeting_in_readings(readings)
    if found and title and _is_bare(found[1]) and body:
        # the headline's kind word alone ("Tuyên truyền Đại hội đảng"), the lead's name in full:
        # "Đại hội Đại biểu Đảng bộ phường X lần thứ I ... đã khai mạc"
        in_lead = _meeting_in_readings(lead_readings)
        if in_lead and in_lead[0] == found[0] and not _is_bare(in_lead[1]):
            found = in_lead
    if found and announced and any(announced in sentence and found[1].lower() in " ".join(sentence.split()).lower()
                                   for text in (title or "", *body[:LEAD_PARAGRAPHS]) for sentence in sentences(text)):
        return None
    return found


def _meeting_in_readings(readings: list[list[str]]) -> tuple[str, str] | None:
    bare: tuple[str, str] | None = None  # the meeting named only by its kind word ("Hội nghị được tổ chức ...")
    for paragraphs in readings:
        found = _meeting_in(". ".join(t.rstrip(". ") for t in paragraphs if t)[:LEAD_CHARACTERS])
        if found == _NONE_NAMED:
            continue
        if found is not None and _is_bare(found[1]) and bare is None:
            bare = found  # its name may be printed in the next paragraph: "Sáng 16/9, ... tổ chức Hội nghị toàn quốc ..."
            continue
        return found if bare is None or (found is not None and found[0] == bare[0]) else bare
    return bare


BARE_NAME_WORDS = 2  # "Hội nghị", "Đại hội": a name of the kind word alone
NAMED_AFTER_REACH = 12  # "tổ chức " before the kind word


def _is_bare(phrase: str) -> bool:
    """A name of the kind word alone ("Hội nghị"), or with words that name nothing ("Đại hội đảng")."""
    words = phrase.split()
    return len(words) <= BARE_NAME_WORDS or all(word in _rules().unnamed_words for word in words[BARE_NAME_WORDS:])


_NONE_NAMED = ("", "")


def _meeting_in(lead: str) -> tuple[str, str] | None:
    """The meeting `lead` reports; None for a working visit; _NONE_NAMED where no meeting word is."""
    rules = _rules()
    reported: dict[str, re.Match[str]] = {}  # each kind's first mention that is not in passing
    for match in rules.words.finditer(lead):
        kind = rules.kind_of_group[match.lastgroup or ""]
        if kind not in reported and not _in_passing(match, lead):
            reported[kind] = match
    if not reported:
        return _NONE_NAMED
    first = min(match.start() for match in reported.values())
    for kind in rules.own_events & reported.keys():
        # "Hội nghị sinh hoạt đại biểu tham dự Đại hội Đảng bộ phường ...": a congress named
        # inside an earlier meeting's name is what that meeting is about, not the one reported
        at = reported[kind].start()
        if any(other.start() < at and at - _opening(lead, other.start()) < len(_phrase(lead, other.start()))
               for other_kind, other in reported.items() if other_kind != kind):
            del reported[kind]
    if (meeting := reported.get(_GENERIC_KIND)) is not None:
        for kind in [kind for kind, match in reported.items() if _agenda_item(lead, meeting, match)]:
            del reported[kind]
    visit = next((v for v in rules.visit.finditer(lead) if not lead.endswith(rules.visit_not_after, 0, v.start())), None)
    if visit and visit.start() < first:
        return None  # a working visit or an inspection, not a meeting
    kind = min(reported, key=rules.precedence.__getitem__)  # kinds are listed in order of precedence
    phrase = _phrase(lead, reported[kind].start())
    if _is_bare(phrase):  # "Hội nghị được tổ chức ... Sáng 16/9, ... tổ chức Hội nghị toàn quốc quán triệt ..."
        for match in rules.words.finditer(lead, reported[kind].end()):
            if rules.kind_of_group[match.lastgroup or ""] == kind and not _in_passing(match, lead) \
                    and rules.named_after.search(lead, max(0, match.start() - NAMED_AFTER_REACH), match.start()):
                fuller = _phrase(lead, match.start())
                if not _is_bare(fuller):
                    return kind, fuller
    return kind, phrase


_GENERIC_KIND = "hội nghị"
# between the hội nghị and the kind word: no sentence's end (a stop before a space; not the
# stop of "TP.HCM"), and a semicolon right before the kind word
_AGENDA_GAP = re.compile(r"(?:[^.!?]|[.!?](?!\s))*;\s*")


def _agenda_item(lead: str, meeting: re.Match[str], match: re.Match[str]) -> bool:
    """A kind word that opens the next item, after a semicolon, of the hội nghị named before it
    in its sentence: "tổ chức Hội nghị học tập, quán triệt Nghị quyết Đại hội ...; tổng kết Nghị
    quyết số 18-NQ/TW và ...": what that meeting also does, not a meeting of its own."""
    return meeting.start() < match.start() and _AGENDA_GAP.fullmatch(lead, meeting.end(), match.start()) is not None


_PERSON_CUE = re.compile(r"(?<!\w)(?:ông|bà|đồng chí)\s", re.IGNORECASE)
# "Hội nghị" right before the kind word, or with how it is held between ("Hội nghị toàn quốc
# tổng kết ...", "Hội nghị trực tuyến sơ kết ...")
_OPENING = re.compile(r"(?:Hội nghị|hội nghị|Hội|hội)\s+(?:(?:trực tuyến|toàn quốc)\s+){0,2}$")
OPENING_REACH = 40
# "Hội nghị <kind> ... và " right before another kind: one meeting's name joining two
_JOINED_OPENING = re.compile(r"[Hh]ội nghị\s+[^,;:()\n.]*\svà\s+$")
JOINED_REACH = 80
# The marks that end a meeting's name (not the stop of a city's abbreviation: "Đại hội Đảng bộ
# TP.Hải Phòng lần thứ I", "TP. Cần Thơ"; a closing quotation mark whose opening is before the
# name: "Tọa đàm “Hội thảo X” vừa ..." read from its kind word); the words: meetings.yaml, name_ends
_NAME_MARKS = r"[,;:()”]|(?<!TP)(?<!Tp)(?<!TX)(?<!Tx)\.|\s[-–]\s"
_QUOTED = re.compile(r"[“\"][^“”\"\n]{0,160}[”\"]")  # a quoted name, inside which nothing ends the meeting's


def _opening(text: str, start: int) -> int:
    """Where the meeting's name opens: at "Hội nghị" of "Hội nghị tổng kết", else `start`; or
    at a "Hội nghị" earlier in the same name whose kinds it joins ("Hội nghị Sơ kết công tác
    Đảng và Tổng kết Nghị quyết số 18-NQ/TW")."""
    found = _OPENING.search(text, max(0, start - OPENING_REACH), start)
    if found:
        return found.start()
    joined = _JOINED_OPENING.search(text, max(0, start - JOINED_REACH), start)
    return joined.start() if joined else start


def _phrase(text: str, start: int) -> str:
    """The meeting's name as printed: from "Hội nghị" to the end of its clause; a comma before
    a title's head goes on with the posts a ceremony's name gives ("Lễ công bố Quyết định bổ
    nhiệm Phó Thủ tướng Chính phủ, Bộ trưởng"; not "hội nghị tổng kết, Bí thư Tỉnh ủy chủ trì",
    nor a person's own title: "trao quyết định điều động ông A, Cục trưởng ...")."""
    rules = _rules()
    start = _opening(text, start)
    end = len(text)
    quoted = [(found.start(), found.end()) for found in _QUOTED.finditer(text, start, start + LEAD_CHARACTERS)]
    abbreviated = 0  # where a bracketed abbreviation of the name's words ends ("thi đua - khen thưởng (TĐKT)")
    for mark in rules.name_end.finditer(text, start):
        if mark.group() == "(" and (abbreviated := abbreviation_end(text, mark.start())):
            continue
        if mark.start() < abbreviated or any(opens < mark.start() < closes for opens, closes in quoted) \
                or (mark.group() == "," and rules.comma_goes_on.match(text, mark.start())) \
                or (mark.group().strip() in (",", "-", "–") and _between_fields(text, start, mark)) \
                or (mark.group().strip() in ("-", "–") and _between_years(text, mark)):
            continue
        given = mark.group() == "," and rules.posts_given.search(text, start, mark.start())
        if not (given and not _PERSON_CUE.search(text, given.end(), mark.start())
                and title_opens_at(text, mark.end() + (text[mark.end():mark.end() + 1] == " "))):
            end = mark.start()
            break
    end = next((closes for opens, closes in quoted if closes <= end and _said_after_quote(text, closes)), end)
    words = text[start:end].split()
    if len(words) > TITLE_WORDS:  # a run-on clause: its name is cut at the cap
        words = words[:TITLE_WORDS]
        while len(words) > 1 and words[-1].rstrip(",").lower() in _rules().dangling:
            words.pop()  # (not in a word that needs the next: "của", "về", "năm" ...)
        words[-1] = words[-1].rstrip(",")
    phrase = squash(" ".join(words))
    return phrase[:1].upper() + phrase[1:]


FIELD_REACH = 40  # characters before a mark where the field of work it follows may begin


def _between_years(text: str, mark: re.Match[str]) -> bool:
    """A spaced dash between a term's two years ("nhiệm kỳ 2025 - 2030") is inside the name."""
    return text[max(0, mark.start() - 4):mark.start()].isdigit() and text[mark.end():mark.end() + 4].isdigit()


def _between_fields(text: str, start: int, mark: re.Match[str]) -> bool:
    """The comma or dash stands between two fields of work ("dân vận, tôn giáo", "thi đua -
    khen thưởng"; meetings.yaml, fields_of_work): inside the name, not at its end."""
    rules = _rules()
    return rules.field_after.match(text, mark.end()) is not None \
        and rules.field_before.search(text, max(start, mark.start() - FIELD_REACH), mark.start()) is not None


def _said_after_quote(text: str, closes: int) -> bool:
    """A lowercase word after a quoted name that does not go on with it ("của", "năm", "lần
    thứ"; meetings.yaml, name_ends) opens what is said of the meeting: "Tọa đàm “Sống xanh”
    thu hút ..." is named "Tọa đàm “Sống xanh”"."""
    following = _NEXT_WORD.match(text, closes)
    return bool(following and following.group(1).islower()
                and not _rules().continues_after_quote.match(text, following.start(1)))


_NEXT_WORD = re.compile(r"\s+(\w+)")


def build_meeting(found: tuple[str, str] | None, date: str | None, province: str | None,
                  lead: str = "") -> Meeting | None:
    """The meeting record; its key's place is the article's province, but for a meeting its
    name calls national ("Hội nghị toàn quốc ..."), which every article reporting it from a
    bridge point shares (meetings.yaml, national), and for a meeting in an article whose
    province is unknown: the one province its name names ("Hội nghị Ban Chấp hành Đảng bộ
    TPHCM" in a roundup of several), else, for a local body's, no national one (local_bodies):
    named so, or held by one in the lead ("Ban Thường vụ Tỉnh ủy tổ chức hội nghị ...")."""
    if found is None:
        return None
    kind, phrase = found
    if _rules().national.match(phrase) or (province is not None and _held_by_the_centre(lead, phrase)):
        province = None
    elif province is None and len(named := {mention.name for mention in find_mentions(phrase)}) == 1:
        province = named.pop()  # "Hội nghị Ban Chấp hành Đảng bộ TPHCM" in a roundup of provinces: the one it names
    elif province is None and (_rules().local_body.search(phrase) or _held_by_a_locality(lead, phrase)):
        province = UNKNOWN_PLACE  # "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ hai": a province's, not a national one
    if organiser(phrase) is None and (before := _before_the_name(lead, phrase)) is not None \
            and (held_by := organiser_named(lead, *before)) is not None:
        # "Đảng bộ phường Long Bình tổ chức Đại hội lần thứ I": the name, and its key, say whose
        phrase = f"{phrase} ({held_by.group()})"
    return Meeting(kind=kind, date=date, key=meeting_key(kind, date, province, phrase), title=phrase)


def _held_by_a_locality(lead: str, phrase: str) -> bool:
    """The sentence of the lead that names the meeting names a local body before it: its
    organiser or host ("Chiều 12/6, Ban Thường vụ Tỉnh ủy tổ chức hội nghị ...")."""
    before = _before_the_name(lead, phrase)
    return before is not None and _rules().local_body.search(lead, *before) is not None


def _held_by_the_centre(lead: str, phrase: str) -> bool:
    """The meeting is held online by the centre: the lead tells of its bridge points or of
    its being online, and its sentence that names the meeting names a central body before
    it and no local one ("Sáng 16-9, tại Hà Nội, Bộ Chính trị, Ban Bí thư tổ chức Hội nghị
    quán triệt ..."): every article reporting it from a province's bridge point shares it.
    (A central body's ceremony in one province, "Trưởng Ban Tổ chức Trung ương trao quyết
    định ...", is that province's.)"""
    lowered = lead.lower()
    if not any(word in lowered for word in _rules().online_words):
        return False
    before = _before_the_name(lead, phrase)
    return before is not None and central_body_acts(lead, *before) and _rules().local_body.search(lead, *before) is None


def _before_the_name(lead: str, phrase: str) -> tuple[int, int] | None:
    """Where the lead's sentence that names the meeting opens, and where the name begins in
    it; None where the lead does not name it."""
    at = lead.lower().find(phrase.lower()[:PHRASE_PREFIX])
    if at <= 0:
        return None
    return max((m.end() for m in _SENTENCE_END.finditer(lead, 0, at)), default=0), at


PHRASE_PREFIX = 24  # characters of the meeting's name enough to find it again in the lead


UNKNOWN_PLACE = "không rõ nơi"
