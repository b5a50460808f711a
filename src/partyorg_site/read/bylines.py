"""bylines: who published and who wrote an article, as its text says.

The outlet opens the lead ("(Baonghean.vn) - ", "NDĐT - ", "HÀ NỘI (TTXVN) –") or closes
the text ("Theo BPT", "Minh Anh (TTXVN)"); an author's signature ("T.S", "Thu Chung
(CTV)") is not part of the article. Attribution words, outlet abbreviations and byline
roles are in data/layout.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from partyorg_site import datafiles
from partyorg_site.patterns import alternation
from partyorg_site.read.sentences import ends_sentence, ends_with_abbreviation
from partyorg_site.vietnamese import LOWER_CLASS, UPPER_CLASS, count_words, either_case_first, fold

# "(Baonghean.vn) - ", "HÀ NỘI (TTXVN) – ", "(ĐCSVN) — "
# A dateline may stand before the outlet: "HÀ NỘI (TTXVN) –", "HÀ NỘI, 5/1 (TTXVN) –".
# Without the dash, only a short code or a web address: "(BBNĐT) Ngày 28-2, ..."; so too with
# the dash but the bracket left open, as a page may print it: "(PLO– Chủ tịch UBND tỉnh ...".
_OUTLET_LEAD = re.compile(
    rf"^(?:{UPPER_CLASS}[{UPPER_CLASS[1:-1]} .,]{{1,30}}(?:\d{{1,2}}/\d{{1,2}}(?:/\d{{4}})?)?\s*)?"
    rf"\((?:(?P<outlet>[^()]{{2,40}})\)\s*[-–—]+|(?P<code>[A-Za-zĐđ0-9.]{{2,20}})(?:\)|\s*[-–—]+)(?=\s*{UPPER_CLASS}))"
    rf"\s*(?P<rest>.*)$")


# The outlet as its web address or with "Online": "VOV.VN - ", "Baoquangninh.vn - ", "QĐND Online - ".
_WEB_ADDRESS = r"[A-Za-zĐđ][\w-]*(?:\.[A-Za-z]{2,4})*\.(?:vn|VN|com|net|org)"  # "Baonghean.vn", "xaydungdang.org.vn"
_OUTLET_SITE = re.compile(
    rf"^(?P<outlet>{_WEB_ADDRESS}|{UPPER_CLASS}{{2,10}} Online)"
    rf"\s*[-–—]+\s+(?P<rest>.*)$")


# Any outlet's abbreviation, on the first paragraph only: "TTH - Ngày 2/6", "TĐKT - Chiều 26/2",
# "GD&TĐ - Sáng 3/4" (an ampersand joins two words' initials, as in "KD&PL").
# A reporter's attribution opening the lead, a broadcaster's dateline: "PV Thái Bình/VOV Miền
# Trung thông tin, sáng nay (30/6), ..." (the outlet after the slash; the reporter's name is
# no place of the story, though "Thái Bình" is a province's).
_REPORTER_LEAD = re.compile(rf"^(?:PV|Phóng viên|Nhóm PV|Nhóm phóng viên)\s+{UPPER_CLASS}[\w]*(?:\s+{UPPER_CLASS}[\w]*){{0,3}}"
                            rf"\s*/\s*(?P<outlet>{UPPER_CLASS}[^,:/]{{1,30}}?)\s+(?:thông tin|đưa tin|cho biết)\s*[,:]?\s+"
                            rf"(?P<rest>\S.*)$")

_ABBREVIATION_LEAD = re.compile(rf"^(?P<outlet>{UPPER_CLASS}{UPPER_CLASS[:-1]}0-9.&]{{1,9}}"
                                # a site's name run into one word with no tone mark, longer than any
                                # syllable: "Kinhtedothi - Sáng 30/6, ...", "Baoxaydung - ..." (not a
                                # foreign name paired with another: "Mourinho - Pep Guardiola ...")
                                rf"|[A-Z][a-z]{{7,24}}(?=\s*[-–—]+\s+(?![A-Z][a-z]*\s+[A-Z][a-z]*(?![^\W\d_]))))\s*[-–—]+\s+"
                                rf"(?P<rest>(?:{UPPER_CLASS}|\d).*)$")


@dataclass(frozen=True)
class _Cues:
    attribution: re.Pattern[str]
    attribution_word: re.Pattern[str]
    inner_attribution: re.Pattern[str]  # " Theo " inside an attribution: the source it passed through is before it
    bare_role: re.Pattern[str]  # "Tổng hợp Hoàng Yên", "Sơn Tùng Tổng hợp": a signature's role without brackets
    credit_line: re.Pattern[str]
    outlet_prefix: re.Pattern[str]
    outlet_abbreviation: re.Pattern[str]
    byline_roles: frozenset[str]
    known_outlets: frozenset[str]
    surnames: frozenset[str]  # data/names.yaml's: a reporter's name after an agency's code
    one_letter_words: frozenset[str]  # "Á": a word of one capital, never an initial
    initial_cues: frozenset[str]  # "chị": the capital after it is a person's initial


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    data = datafiles.load("layout")
    # ("theo Trí Thức Trẻ": an export may print the word in lower case after the text's end)
    attribution = "|".join(re.escape(case(word)) for word in data["attribution_words"] for case in (str, str.lower))
    prefixes = "|".join(sorted(map(re.escape, data["outlet_prefixes"]), key=len, reverse=True))
    roles = alternation(spelling for role in data["byline_roles"] + data["serial_marks"] if " " in role
                        for spelling in either_case_first(role))
    return _Cues(
        attribution=re.compile(rf"^\(?(?:{attribution})\s*:?\s+(?P<outlet>[^,;!?]{{2,50}}?)\)?\.?$"),
        attribution_word=re.compile(rf"^(?:{attribution})\s*:?\s+"),
        inner_attribution=re.compile(rf"\s(?:{attribution})\s*:?\s+"),
        bare_role=re.compile(rf"(?:{roles})\s+(?P<after>\S.*)$|(?P<before>.*\S)\s+(?:{roles})$"),
        credit_line=re.compile(rf"^(?:{alternation(data['credit_line_words'])})\s*:\s*[^:]{{2,40}}$"),
        outlet_prefix=re.compile(rf"^(?:{prefixes})\s+"),
        outlet_abbreviation=re.compile(
            rf"^(?P<outlet>{alternation(data['outlet_abbreviations'])})\s*[-–—]+\s+(?P<rest>.*)$"),
        byline_roles=frozenset(fold(role) for role in data["byline_roles"] + data["serial_marks"]),
        known_outlets=frozenset(fold(name) for name in [*data["outlet_abbreviations"], *data["outlet_names"]]),
        surnames=frozenset(datafiles.load("names")["surnames"]),
        one_letter_words=frozenset(data["one_letter_words"]),
        initial_cues=frozenset(data["initial_cues"]),
    )


def has_outlet_lead(text: str) -> bool:
    """The paragraph opens with "(Outlet) -": a lead, never a headline."""
    return _OUTLET_LEAD.match(text) is not None


ATTRIBUTION_MAX_WORDS = 12  # "Theo Cổng Thông tin điện tử Tỉnh ủy Quảng Nam"


def attribution_outlet(text: str) -> str | None:
    """"Theo BPT" / "Nguồn: Báo Nhân Dân" on its own line -> the outlet's name."""
    match = _cues().attribution.match(text)
    if not match or count_words(text, ATTRIBUTION_MAX_WORDS) > ATTRIBUTION_MAX_WORDS:
        return None
    outlet = _without_author_after_code(_cues().outlet_prefix.sub("", _publisher_of(match.group("outlet").strip())))
    first = outlet.split()[0] if outlet.split() else ""
    return outlet if first[:1].isupper() or first[:1].isdigit() or re.fullmatch(_WEB_ADDRESS, outlet) else None


def _without_author_after_code(outlet: str) -> str:
    """"TTXVN Hoàng Minh" -> "TTXVN": an agency's code, then its reporter's name with no mark
    between (a surname of data/names.yaml and one to three more capitalised words)."""
    words = outlet.split()
    if 3 <= len(words) <= 5 and words[0].isupper() and len(words[0]) >= 2 \
            and words[1] in _cues().surnames and all(w[:1].isupper() for w in words[2:]):
        return words[0]
    return outlet


def _publisher_of(attributed: str) -> str:
    """What an attribution names, less the author and the sources it passed through: "Hà
    Thu/VnExpress" -> "VnExpress" (an author, a slash, the outlet); "Insider Theo
    Luxia/Baodatviet.vn" -> "Baodatviet.vn" (the last attribution word names the publisher)."""
    attributed = _cues().inner_attribution.split(attributed)[-1]
    author = _AUTHOR_SLASH.match(attributed)
    return attributed[author.end():] if author else attributed


# an author's name, then a slash (not a date's: "Theo Đô thị Hoa Tây, 6/5")
_AUTHOR_SLASH = re.compile(r"[^/]*?[^\d\s/]\s*/\s*(?=[^\d\s/])")


def outlet_lead(text: str, first: bool = False) -> tuple[str | None, str]:
    """"(Baonghean.vn) - Liên quan...", "NDĐT - Sáng 5/1, ...", "VOV.VN - ...", "PV A/VOV Miền Trung
    thông tin, sáng nay ..." -> (outlet, the lead's text);
    "(VTC News) -" alone on its line -> (outlet, "").

    `first`: this is the article's first paragraph, where any short capitalised
    abbreviation before a dash ("TTH - Ngày 2/6, ...") or a code in brackets without one
    ("(BBNĐT) Ngày 28-2, ...") is the outlet's; further down, only the forms above are,
    since a teaser found so is dropped from the body."""
    match = _OUTLET_LEAD.match(text)
    if match and match["code"] and not (first and _looks_like_outlet_code(match["code"])):
        match = None
    reporter = _REPORTER_LEAD.match(text) if first and text.startswith(("PV", "Phóng", "Nhóm")) else None
    if reporter:  # the lead goes on as a sentence: "Sáng nay (30/6), ..."
        rest = reporter["rest"]
        return reporter["outlet"].strip(), rest[:1].upper() + rest[1:]
    match = match or _cues().outlet_abbreviation.match(text) or _OUTLET_SITE.match(text) \
        or (_ABBREVIATION_LEAD.match(text) if first else None)
    if match and not match.group("rest") and match.re is _OUTLET_LEAD and match["outlet"]:
        return match["outlet"].strip(), ""  # "(VTC News) -" on a line of its own, the lead under it
    if not match or not match.group("rest"):
        return None, text
    outlet = match.groupdict().get("code") or match.group("outlet")
    return outlet.strip(), match.group("rest").strip()


def named_outlet(text: str) -> str | None:
    """"Dân trí", "VnExpress", "TTXVN" alone after the text: an outlet the data file knows
    (outlet_abbreviations), printed as the export's last words with no "Theo"."""
    name = text.strip(" .")
    return name if len(name) <= 30 and fold(name) in _cues().known_outlets else None


def _looks_like_outlet_code(code: str) -> bool:
    """"BBNĐT", "Baonghean.vn", "QĐND": capitals throughout or a web address, not a word."""
    return code.isupper() or "." in code.strip(".")


# (The outlet may list several sources: "Đỗ Quyên (Theo New York Times, Daily Beast)".)
_SIGNATURE = re.compile(r"^(?P<by>[^()]{0,40}?)\s*\((?P<outlet>[A-ZĐ0-9][^()]{1,60})\)\.?$")
SIGNATURE_MAX_WORDS = 12
# Any bracket closing a short line, in either case: a role ("(CTV)", "(t/h)") after a name.
_BRACKET_AT_END = re.compile(r"^(?P<by>[^()]{0,40}?)\s*\((?P<outlet>[^()]{1,60})\)\.?$")


# "Ngọc Hân/VOV-ĐBSCL", "Thái Tân/KD&PL", "TTXVN/Tin Tức": an author and an outlet's code.
_SLASH_SIGNATURE = re.compile(r"^(?P<by>[^/()]{2,40}?)\s*/\s*(?P<outlet>[^/()]{2,30}?)\.?$")
_OUTLET_CODE = re.compile(rf"{UPPER_CLASS}[{UPPER_CLASS[1:-1]}0-9&.-]*[{UPPER_CLASS[1:-1]}0-9]")


def signature_outlet(text: str) -> str | None:
    """"Minh Anh (TTXVN)", "(TTXVN)", "(Theo Dân Trí)", "Ngọc Hân/VOV-ĐBSCL": the author's
    signature naming the outlet, at the end."""
    if count_words(text, SIGNATURE_MAX_WORDS) > SIGNATURE_MAX_WORDS:
        return None
    match = _SIGNATURE.match(text)
    if match and not ends_sentence(match.group("by")):
        outlet = _cues().attribution_word.sub("", match.group("outlet").strip())
        return None if _is_role(outlet) else outlet
    return _slashed_outlet(text)


def _slashed_outlet(text: str) -> str | None:
    """"Ngọc Hân/VOV-ĐBSCL", "TTXVN/Tin Tức", "Lan Anh/VOV miền Trung": an author and the
    outlet's code on either side of a slash; the code, without a desk named in words."""
    slashed = _SLASH_SIGNATURE.match(text)
    if not slashed or ends_sentence(slashed.group("by")) or _cues().attribution_word.match(slashed.group("outlet").strip()):
        return None  # (nor "T.T.X / Theo Trí Thức Trẻ": the attribution names the outlet)
    for side in ("outlet", "by"):  # the code after the slash, else before it ("TTXVN/Tin Tức")
        code = slashed.group(side).strip()
        if _OUTLET_CODE.fullmatch(code) and not (side == "by" and _INITIALS.fullmatch(code)):
            return code  # (not an author's initials before it: "H.V/Báo Tin Tức")
    # "VOV-Trung tâm Tin", "VOV miền Trung": the code, then a desk or bureau in words, which is
    # no outlet of its own; one word after the code is the outlet's own name ("VTC News")
    desk = _CODE_THEN_DESK.fullmatch(slashed.group("outlet").strip())
    return desk["code"] if desk and not desk["desk"].isupper() else None


_INITIALS = re.compile(rf"(?:{UPPER_CLASS}\.)+{UPPER_CLASS}?\.?")
_CODE_THEN_DESK = re.compile(rf"(?P<code>{_OUTLET_CODE.pattern})(?:\s*[-–]\s*|\s+)(?P<desk>\w+(?:\s+\w+){{1,3}})")


def _is_role(bracketed: str) -> bool:
    """"CTV", "Tổng hợp theo báo X", "Nguồn ảnh: Y": the bracket names what an author or a
    compiler did, or credits a photo, or marks a serial's instalment ("Còn tiếp"); it names no
    outlet (data/layout.yaml, byline_roles and serial_marks)."""
    folded = fold(bracketed)
    return any(folded == role or folded.startswith((role + " ", role + ":")) for role in _cues().byline_roles)


BYLINE_MAX = 45  # characters: a signature is a few names
BYLINE_WITH_ROLE_MAX = BYLINE_MAX + 20  # ... and a role beside them: "(Tổng hợp) ", " Tổng hợp"
_ROLE_AT_START = re.compile(r"^\(\s*(?P<role>[^()]{1,30}?)\s*\)\s*(?P<by>\S.*)$")


def _after_role(text: str) -> str:
    """"(Tổng hợp) Hoàng Yên" -> "Hoàng Yên", "(Còn nữa) Theo Trí Thức Trẻ" -> "Theo Trí Thức
    Trẻ": what follows a compiler's role or a serial's mark in brackets."""
    opening = _ROLE_AT_START.match(text)
    return opening["by"] if opening and _is_role(opening["role"]) else text


def _without_bare_role(text: str) -> str:
    """"Tổng hợp Hoàng Yên", "Sơn Tùng Tổng hợp" -> the name: a role printed without its
    brackets before or after the signature's name (data/layout.yaml, byline_roles, of more
    than one word: "TH" or "ST" alone may be a name's initials)."""
    bare = _cues().bare_role.match(text)
    return (bare["after"] or bare["before"]).strip() if bare else text


def is_byline(text: str) -> bool:
    """"T.S", "PV", "Minh Anh - Văn Hải", "Thu Chung (CTV)": the author's signature under the text."""
    signed = _BRACKET_AT_END.match(text)
    if signed and _is_role(signed.group("outlet").strip()):
        text = signed.group("by").strip()  # the name before "(CTV)"
        if not text:
            return True
    elif len(text) <= BYLINE_WITH_ROLE_MAX:
        stripped = _after_role(text)
        if stripped is not text and _cues().attribution.match(stripped):
            return False  # "(Còn nữa) Theo Trí Thức Trẻ": an attribution after a serial's mark names the outlet
        text = _without_bare_role(stripped)
    if len(text) > BYLINE_MAX:
        return False  # before splitting what may be a whole export's body
    text = text.removesuffix("|").rstrip()  # "Trần An |": the name, then a bar before the date the page prints
    if _cues().credit_line.match(text):
        return True  # "Tin, ảnh: MÈ QUANG THẮNG"
    words = text.split()
    if not words or len(words) > 6 or ends_sentence(text.rstrip(".")):
        return False
    if re.fullmatch(r"(?:[A-ZĐ]\.){1,3}[A-ZĐ]?\.?|PV|BTV|CTV|Nhóm PV|P\.V", text):
        return True
    return all(w[:1].isupper() or w in "-–," for w in words) and not text.endswith(".")


# The last sentence end of a paragraph, and what follows it (no further sentence end).
# (A full stop inside a word, as in a web address "baophutho.vn", ends no sentence.)
_LAST_SENTENCE_END = re.compile(r"[.!?…](?:/\.)?[\"”’)]?\s+(?=(?:[^.!?…]|\.(?=\w)){1,60}$)")
SIGNATURE_REACH = 80  # characters at the end of a paragraph where a run-in signature can be


def split_signature(text: str) -> tuple[str, str | None]:
    """An export runs the author's signature into its last paragraph ("... trong năm.
    Thu Hằng (TTXVN)", "... Theo Báo Nhân Dân", "... Minh Anh"): the words after the last
    sentence are cut off when, on a line of their own, they would be a signature, an
    attribution or a byline. Returns the text without them ("" where the paragraph was all
    signature) and the outlet they name."""
    after = _after_last_sentence(text)
    rest = _after_role(text[after:].strip()) if after is not None else ""
    outlet = (signature_outlet(rest) or attribution_outlet(rest) or named_outlet(rest)
              or _signed_attribution(rest)) if rest else None
    if after is not None and (outlet or is_byline(rest)):
        # ("Thế Kha - Dân Trí": an author, then the paper after the dash)
        return text[:after].rstrip(), outlet or (named_outlet(rest.rsplit(" - ", 1)[1]) if " - " in rest else None)
    if "heo " in text[-SIGNATURE_REACH:] \
            and (stopped := _ATTRIBUTED_WITH_STOP.search(text, max(0, len(text) - SIGNATURE_REACH))) is not None:
        return text[:stopped.start("by")].rstrip(), stopped["outlet"]  # "... tỷ đồng. Theo VnExpress."
    # A byline and an attribution standing alone as the last paragraph: "Lan Chi Theo Dân trí"
    outlet = _signed_attribution(text.strip()) if after is None and len(text) <= SIGNATURE_REACH else None
    if outlet:
        return "", outlet
    # A bracketed attribution that no signature rule above takes still closes the text:
    # "... ở Biển Đông (Theo Reuters)", "... mùa tới. Minh Anh (theo Goal)" (then the byline
    # before it goes too). It is where a translation came from, rarely the page's own outlet
    # ("(Nguồn: Google)"), so it names none.
    bracket = _TRAILING_BRACKET.search(text, max(0, len(text) - SIGNATURE_REACH))
    if not bracket or not attribution_outlet(bracket.group(1)):
        return text, None
    text = text[:bracket.start()].rstrip()
    if is_byline(text):
        return "", None  # "Minh Anh (theo TASS)" on a line of its own: nothing of the text
    after = _after_last_sentence(text)
    if after is not None and is_byline(text[after:].strip()):
        text = text[:after].rstrip()
    return text, None


_ATTRIBUTION_AFTER_BYLINE = re.compile(r"(?:\s*/\s*|\s)(?=(?:Theo|Nguồn:)\s)")  # (a slash may part them: "B.C.T / Theo X", "NM/Theo X")


@lru_cache(maxsize=1)
def _stamped_signature() -> re.Pattern[str]:
    return re.compile(datafiles.load("layout")["stamped_signature"])


TEASER_MAX_CHARACTERS = 300  # a related article's headline or two, run in after the text
_TEASER_AFTER = tuple('.!?…"”')  # a sentence's end (not a colon's or a bracket's: "... như thế này: Xem thêm")


@lru_cache(maxsize=1)
def _trailing_teaser() -> tuple[tuple[str, ...], re.Pattern[str]]:
    """A teaser's words (data/layout.yaml trailing_teaser_words), for the cheap test that most
    paragraphs fail, and the pattern from one of them to the text's end."""
    layout = datafiles.load("layout")
    words = tuple(layout["trailing_teaser_words"] + layout["trailing_clip_words"])
    # (a word ends where a word ends; ">>" may run into the headline: ">>Thủ tướng ...")
    marks = [word for word in words if not word[-1].isalnum()]
    opener = alternation([word for word in words if word not in marks]) + r"(?!\w)" + (f"|{alternation(marks)}" if marks else "")
    return words, re.compile(rf"(?:{opener})[^\n]{{0,{TEASER_MAX_CHARACTERS}}}$")


@lru_cache(maxsize=1)
def _clip_words() -> tuple[str, ...]:
    return tuple(datafiles.load("layout")["trailing_clip_words"])


_SENTENCE_GOES_ON = re.compile(r"[.!?…]\s+\S")  # a sentence ends inside, and more text follows


def split_trailer(text: str) -> tuple[str, str | None]:
    """What an aggregator runs into the last paragraph after the text: a related article's
    teaser (">> Xem thêm: ...", data/layout.yaml trailing_teaser_words), a signature with its
    timestamp and the related headlines after it ("... hòa 1-1. Lê Bảo - Thể thao Việt Nam |
    21:05 03/04/2017 Tin liên quan ...", stamped_signature). Returns the text before them and
    the outlet named after the author's dash."""
    words, pattern = _trailing_teaser()
    stamped_signature = _stamped_signature()  # (compiled on the first call, not the rare branch's)
    teaser = pattern.search(text) if any(word in text for word in words) else None
    clip = teaser is not None and teaser.group().startswith(_clip_words())
    if teaser and (teaser.group().startswith(">") or clip) and _SENTENCE_GOES_ON.search(teaser.group()) \
            or clip and teaser.group().rstrip().endswith(_TEASER_AFTER):
        teaser = None  # ">> Top 10 ... 3. RAM Trucks. 4. ...": a list's items go on after the link, the text's;
        # "Video: <a clip's title> Trước đó, ông A ... nghỉ việc.": the text's own sentence after the title
    attributed = None
    if teaser and text[teaser.start() - 1:teaser.start()] in (" ", ">") \
            and text[:teaser.start()].rstrip(" >").endswith(_TEASER_AFTER) \
            and not (clip and "|" in teaser.group()):  # ("... đi. >> Xem thêm"; a clip's title before a stamped signature goes with it)
        attributed = _attribution_after(teaser.group())
        text = text[:teaser.start()].rstrip(" >")
    if "|" not in text:
        return text, attributed
    found = stamped_signature.search(text)
    if not found:
        return text, None
    by = re.split(r"\s+[-–—]\s+", found["by"].strip(), maxsplit=1)
    return text[:found.start()].rstrip(), (by[1].strip() or None) if len(by) == 2 else None


def _attribution_after(teaser: str) -> str | None:
    """The outlet an attribution after a teaser names ("Video: Hoàng Quý, Theo Trí Thức Trẻ",
    "Video: ... Lê Phương (Theo Khám phá)"): the page's own, printed after the clip's credit."""
    last = None
    for last in _cues().inner_attribution.finditer(teaser):
        pass
    if last is None:
        return None
    after = teaser[last.end():].strip()
    return signature_outlet(after) if "(" in after else attribution_outlet(teaser[last.start():].strip())


def _signed_attribution(words: str) -> str | None:
    """"Minh Tuệ (T/h) Theo Đời sống Plus", "Trí Kiên Theo Dân trí": a byline, then the
    attribution naming where the text came from, on one line; the publisher they name."""
    cut = None
    for cut in _ATTRIBUTION_AFTER_BYLINE.finditer(words):
        pass
    if cut is None:
        return None
    byline, source = words[:cut.start()].strip(), attribution_outlet(words[cut.end():])
    publisher = _slashed_outlet(byline) if byline else None
    if not source or not (publisher or (byline and is_byline(byline))):
        return None
    # "Trần Nga/VOV-Trung tâm Tin Theo AP": the byline names the publisher, and "Theo" the
    # agency its text was translated from (a trailer printed twice, "A/VOV.VN Theo Reuters
    # A/VOV.VN", runs the byline into the attribution); else "Theo" names the publisher.
    return publisher or source


def _after_last_sentence(text: str) -> int | None:
    """Where the words after the text's last sentence begin, within the signature's reach;
    None where no sentence ends there (a full stop of "TP. Hồ Chí Minh" ends none)."""
    reach = max(0, len(text) - SIGNATURE_REACH)
    signed = _SIGNED_WITH_INITIALS.search(text, reach) or _signed_with_degree().search(text, reach)
    if signed is not None:  # (the stops of initials and degrees end no sentence)
        return signed.start("by")
    found = _LAST_SENTENCE_END.search(text, reach)
    if found is None or ends_with_abbreviation(text[:found.start() + 1]) and not _one_letter_word(text, found.start()):
        return None
    return found.end()


_ONE_CAPITAL_BEFORE = re.compile(rf"(?:^|\s)(?P<before>\S+)\s+(?P<letter>{UPPER_CLASS})\.*$")
ONE_CAPITAL_REACH = 30  # characters before the stop: the capital and the word before it


def _one_letter_word(text: str, stop: int) -> bool:
    """The word before the stop at `stop` is one capital letter that is a word of its own,
    no initial (data/layout.yaml one_letter_words): "Đông Nam Á.", "độ C.", "bảng D."."""
    found = _ONE_CAPITAL_BEFORE.search(text, max(0, stop - ONE_CAPITAL_REACH), stop)
    if found is None:
        return False
    if found["letter"] in _cues().one_letter_words:
        return True
    before = found["before"]
    return before[:1].islower() and before[-1:].isalnum() and before not in _cues().initial_cues


_SENTENCE_ENDED = r"[.!?…][\"”’)]?\s+"  # the last sentence's end, before what signs the text
# "Theo" and an outlet's name of a few capitalised words, closed by a stop, after the last
# sentence: "... tỷ đồng. Theo VnExpress.", "... tháng Sáu. Theo Công Lý.".
_ATTRIBUTED_WITH_STOP = re.compile(
    rf"{_SENTENCE_ENDED}(?P<by>[Tt]heo\s+(?P<outlet>{UPPER_CLASS}[\w.&-]*(?:\s+{UPPER_CLASS}[\w&-]*){{0,4}}))\.$")
# An author's initials and given name after the last sentence, a space after each initial or
# none, and what the author did in brackets: "... tới. T. Thảo", "... tới. N.T. Hà", "... làm
# rõ. H. Nam (Tổng hợp)"; or in capitals, "... bình thường. H. NGUYÊN"; or initials alone, "...
# thủ phạm. P.N.".
_INITIALS_THEN = rf"(?:{UPPER_CLASS}\.\s?){{1,3}}"
_SIGNED_WITH_INITIALS = re.compile(
    rf"{_SENTENCE_ENDED}(?P<by>{_INITIALS_THEN}{UPPER_CLASS}{LOWER_CLASS}+(?:\s{UPPER_CLASS}{LOWER_CLASS}+)?(?:\s*\([^()]{{1,30}}\))?"
    rf"|{_INITIALS_THEN}{UPPER_CLASS}{{2,}}(?:\s{UPPER_CLASS}{{2,}})?|(?:{UPPER_CLASS}\.){{1,3}})\s*$")


@lru_cache(maxsize=1)
def _signed_with_degree() -> re.Pattern[str]:
    """A degree and a name of two to four words (any case) after the last sentence:
    data/layout.yaml signing_degrees."""
    degree = rf"(?:{alternation(datafiles.load('layout')['signing_degrees'])})\."
    return re.compile(rf"{_SENTENCE_ENDED}(?P<by>{degree}(?:\s?{degree})*\s*{UPPER_CLASS}[\w]*(?:\s{UPPER_CLASS}[\w]*){{1,3}})\s*$")


_TRAILING_BRACKET = re.compile(r"\s*(\([^()]{2,60}\))\.?$")
