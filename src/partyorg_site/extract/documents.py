"""Documents: Party and state documents cited, each once, with a stable key.

A citation is a kind word (data/documents.yaml) with one of: a number ("Quy định 205",
"Nghị quyết số 18-NQ/TW ngày 25-10-2017"), a plenum and term ("Nghị quyết Trung ương 4
khóa XI, XII" is two documents), or a congress ("Nghị quyết Đại hội XII"). A kind word
with none of these ("Kết luận hội nghị", "Kế hoạch tổ chức kiểm tra") is not a document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as _date
from functools import lru_cache


from partyorg_site.vietnamese import LOWER_CLASS, UPPER_CLASS, either_case_first, slug
from partyorg_site import datafiles
from partyorg_site.models import Document
from partyorg_site.patterns import Anchored, alternation
from partyorg_site.read.published import valid_date

_ROMAN = r"[IVXL]+"
# A term as printed: "khóa XII", or in digits, "khóa 12" (not a year: "khóa 2016-2021").
_TERM = rf"(?:{_ROMAN}|\d{{1,2}}(?!\d))"
def _date_phrase(suffix: str = "") -> str:
    """"ngày 3/4/2019", its day, month and year in groups d, m, y (with `suffix`: a pattern may
    hold two)."""
    return (rf"ngày\s+(?P<d{suffix}>\d{{1,2}})\s*(?:[-/.]\s*|\s+tháng\s+)(?P<m{suffix}>\d{{1,2}})"
            rf"\s*(?:[-/.]\s*|\s+năm\s+)(?P<y{suffix}>(?:19|20)\d{{2}})")


_DATE = _date_phrase()
# The date after the issuer: "Quyết định số 15 do UBND tỉnh ban hành ngày 3/4/2019"
_DATE_ISSUED = r"\s+ban hành\s*,?\s*" + _date_phrase("2")


@dataclass(frozen=True)
class _Patterns:
    anchor: Anchored
    numbered: re.Pattern[str]
    sibling: re.Pattern[str]
    plenum: re.Pattern[str]
    congress: re.Pattern[str]
    tail: re.Pattern[str]
    issuer_before: re.Pattern[str]  # "Ủy ban Thường vụ Quốc hội đã ra " before a kind word
    issuing_verbs: tuple[str, ...]  # " ra", " ban hành": what issuer_before ends with, checked first, cheaply
    signer_before: re.Pattern[str]  # "Chủ tịch " before a committee: its head signs for it
    issuer_acting: re.Pattern[str]  # ", Thủ tướng Chính phủ phê chuẩn": the subject after "tại Quyết định số N"
    kinds: dict[str, str]  # folded spelling -> canonical kind
    not_after: dict[str, frozenset[str]]  # a kind in lower case -> words that make it another word
    counted: re.Pattern[str]  # " tổ chức đảng", " đảng viên": what a number after a kind word counts
    symbol_issuers: dict[str, str]
    issuer_names: dict[str, str]  # an issuer in lower case -> as data/documents.yaml spells it
    local_issuer: re.Pattern[str]  # "Đảng ủy phường An Hòa": a local committee and its place
    body_issuer: re.Pattern[str]  # "Bộ Tài nguyên và Môi trường": a body the issuers do not name
    name_opened_before: re.Pattern[str]  # "Văn phòng " a few words before a local committee: a longer name


def _local_issuer(data: dict) -> str:
    """A local committee and its place: "Đảng ủy phường An Hòa", "Tỉnh ủy Nghệ An"; or the
    article's own, its place left unsaid: "của Ban Thường vụ Đảng ủy phường", "của Đảng ủy xã"."""
    designator = alternation(data["local_issuer_designators"])
    return (rf"(?P<committee>(?:{alternation(data['local_issuers'])})\s+(?:{designator})"
            rf"|(?:{alternation(data['local_issuers_named'])})(?:\s+(?:{designator}))?)(?:\s+{UPPER_CLASS}{LOWER_CLASS}*)*")


def _without_signer(issuer: str) -> str:
    """A committee its head signs for, named with the head's name after it ("UBND TP Hà Nội
    Nguyễn Văn A" -> "UBND TP Hà Nội"; "UBND TP Đặng Văn B", the city unsaid, -> "UBND TP"):
    the words after the committee are a province's name, or a person's."""
    # (imported here: a build with nothing to extract reads documents' keys, not names or places)
    from partyorg_site.extract.officials import is_personal_name
    from partyorg_site.extract.places import gazetteer

    committee = _patterns().local_issuer.fullmatch(issuer)
    if committee is None:
        return issuer
    end = committee.end("committee")
    place = gazetteer().pattern.match(issuer, end + 1)
    if place is not None:
        return issuer[:place.end()]
    words = issuer[end:].split()
    return issuer[:end] if words and is_personal_name(words) else issuer


def _body_issuer(data: dict, kinds: str) -> str:
    """A body the issuers do not name, by its head and its name's words (data/documents.yaml
    body_issuer_heads): "Bộ Tài nguyên và Môi trường", "Sở Nội vụ tỉnh Nghệ An", "BCH Đảng bộ
    tỉnh"; not a document listed after it ("... của Bộ Tài chính và Công văn số 33": `kinds`)."""
    ends = alternation(data["issuer_name_ends"])
    # a word of the name: an abbreviation ("GTVT", "T.Ư", not "An. Quyết"), or a capitalised
    # syllable and at most one lower-case syllable after it
    word = (rf"(?!(?:{ends}|{kinds})(?!\w))(?:{UPPER_CLASS}[{UPPER_CLASS[1:-1]}&-]+(?:\.\w[\w&-]*)*(?![\w.])"
            rf"|{UPPER_CLASS}[\w&-]*(?:\.\w[\w&-]*)*(?:\s+(?!(?:{ends})(?!\w)){LOWER_CLASS}\w*)?)")
    place = rf"(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|nhân dân)(?=\s+{UPPER_CLASS}|\s*[,.;)]|\s*$|\s+(?:{ends})(?!\w))"
    listed = rf"(?:và|[-–])(?=\s*{UPPER_CLASS})(?!\s*(?:{kinds})(?!\w))"
    return rf"(?:{alternation(data['body_issuer_heads'])})(?:\s+(?:{listed}|{place}|{word})){{1,10}}"


def _keyed_issuer(issuer: str) -> str | None:
    """The issuer as a key names it: a local committee without its place ("UBND tỉnh Nghệ An"
    is keyed as "UBND tỉnh" was before the place was read, the province being a part of the
    key of its own), and no issuer where that committee is none of data/documents.yaml's
    issuers, so that a document's key does not depend on whether its citation named the place."""
    patterns = _patterns()
    local = patterns.local_issuer.fullmatch(issuer)
    if local is None:
        # (a body only "của" names, "Bộ Giao thông vận tải", keys nothing: a citation without
        # it must key the document alike)
        return None if patterns.body_issuer.fullmatch(issuer) and issuer.lower() not in patterns.issuer_names else issuer
    return patterns.issuer_names.get(" ".join(local["committee"].split()).lower())


def _kind_names(kinds: dict[str, dict]) -> dict[str, str]:
    """Every name a kind is printed under (its own and its aliases) -> the kind."""
    names = {kind: kind for kind in kinds}
    for kind, facts in kinds.items():
        names.update((alias, kind) for alias in facts.get("aliases", []))
    return names


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    data = datafiles.load("documents")
    names = _kind_names(data["kinds"])
    kind_words = [w for name in names for w in either_case_first(name)]
    kinds = alternation(kind_words)
    ordinals = "|".join(sorted(map(re.escape, data["ordinals"]), key=len, reverse=True))
    issuers = "|".join(sorted(map(re.escape, [*data["issuers"], *data["issuer_full_names"]]), key=len, reverse=True))
    listed_end = alternation(data["after_listed_numbers"])
    # "18-NQ/TW", "46/2010/NĐ-CP", or the number and year alone as the National Assembly's
    # resolutions are cited since 2025 ("Nghị quyết số 202/2025 của Quốc hội")
    # ("217-QĐ/TƯ": the centre's code spelled with its horn; "11 – NQ/TU": an en dash, spaced)
    letters = r"(?:\s*[-–/]\s*[A-ZĐƯ][A-Za-zĐđƯư]*\d*(?:\s*[-–/]\s*[A-ZĐƯ][A-Za-zĐđƯư0-9]*)*)"  # "/QH13"
    symbol = rf"(?:\s*/\s*(?:19|20)\d{{2}}(?!\d){letters}?|{letters})"
    return _Patterns(
        anchor=Anchored(re.compile(rf"(?<!\w)(?:{kinds})\s"), phrases=kind_words),
        numbered=re.compile(
            rf"(?<!\w)(?P<kind>{kinds})\s+(?:số\s*:?\s*)?(?P<num>\d{{1,4}})"
            rf"(?P<more>(?:\s*(?:,|và)\s*\d{{1,4}})+(?={symbol}|\s*,?\s*(?:của|do)\s+(?i:{issuers})(?!\w)"
            rf"|\s*(?:[,.;:)”\"]|$)|\s+(?:{listed_end})(?!\w)))?"
            rf"(?P<sym>{symbol})?(?![\w%])"),
        # "Nghị quyết số 18-NQ/TW, số 19-NQ/TW", "... 18-NQ/TW và 19-NQ/TW": a further number
        # of the same kind, written with its own symbol (a bare number may be anything).
        sibling=re.compile(rf"\s*(?:,|và|;)\s*(?:số\s*)?(?P<num>\d{{1,4}})(?P<more>)(?P<sym>{symbol})(?![\w%])"),
        plenum=re.compile(
            rf"(?<!\w)(?P<kind>{kinds})\s+(?:của\s+)?(?:Ban Chấp hành\s+)?(?:Hội nghị\s+)?"
            rf"(?:(?:lần\s+thứ\s+(?P<ord>{ordinals}|\d{{1,2}})\s*,?\s+)?(?:(?:Ban Chấp hành|BCH)\s+)?"
            rf"(?:Trung ương|trung ương|Trung|TW|T\.Ư)(?:\s+Đảng)?\s*(?P<plenums>\d{{1,2}}(?:\s*(?:,|và)\s*\d{{1,2}})*)?)"
            rf"(?:\s*\(?\s*,?\s*(?:[kK]hóa|[kK]hoá)\s+(?P<terms>{_TERM}(?:\s*(?:,|và)\s*(?:(?:[kK]hóa|[kK]hoá)\s+)?{_TERM})*)(?!\w)\)?"
            rf"|(?![\w/-]))"),  # ("khóa XI, XII", "khóa XI và khóa XII")
        congress=re.compile(
            # (the issuer is the Party committee, not its delegates: "Đại hội đại biểu | Đảng bộ phường X")
            rf"(?<!\w)(?P<kind>{kinds})\s+Đại hội\s+(?:(?:đại biểu\s+)?(?P<local>[Đđ]ảng bộ\s+[^,.;()]{{0,40}}?)\s+)?"
            rf"(?:[Đđ]ảng\s+)?(?:(?:(?:đại biểu|Đại biểu)\s+)?toàn quốc\s+)?(?:lần\s+thứ\s+)?(?P<congress>{_ROMAN})(?!\w)"
            # "Nghị quyết Đại hội lần thứ XXI Đảng bộ thành phố": the local body after the number
            rf"(?:\s+(?P<local_after>[Đđ]ảng bộ(?:\s+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn))?"
            rf"(?:\s+[A-ZĐ]\w*)*))?"),
        # After a numbered citation: its date, who issued it ("của Bộ Chính trị"; a plenum,
        # "của Hội nghị Trung ương 7", also without "của"), and the term ("khóa XII").
        tail=re.compile(
            rf"(?:\s*,?\s*(?P<bracket>\(\s*)?(?:ban hành\s+)?{_DATE}(?(bracket)\s*\)))?"  # (also "(ngày 2-9-2025)")
            rf"(?:\s*,?\s*(?:(?:của|do)\s+(?P<local>{_local_issuer(data)})(?!\w)"
            rf"|(?:của|do)\s+(?P<issuer>(?i:{issuers}))(?!\w)|(?:(?:của|do)\s+)?(?P<plenary>"
            rf"Hội nghị\s+(?:lần\s+thứ\s+(?:{ordinals}|\d{{1,2}})\s*,?\s+)?(?:(?:Ban Chấp hành|BCH)\s+)?(?:Trung ương|TW|T\.Ư)"
            rf"(?:\s+Đảng)?(?:\s+(?:lần\s+thứ\s+)?\d{{1,2}})?)(?!\w)|(?:của|do)\s+(?P<body>{_body_issuer(data, kinds)}))"
            rf"(?:{_DATE_ISSUED})?)?"
            rf"(?:\s*\(?\s*,?\s*(?:[kK]hóa|[kK]hoá)\s+(?P<term>{_TERM})(?!\w)(?:\s*\))?)?"),
        issuer_acting=re.compile(rf"\s*,\s*(?P<issuer>(?i:{issuers}))\s+(?:đã\s+|vừa\s+)?(?:{alternation(data['acting_verbs'])})(?!\w)"),
        issuer_before=re.compile(rf"(?<!\w)(?:(?P<issuer>(?i:{issuers}))|(?P<local>{_local_issuer(data)}))"
                                 rf"\s+(?:(?:đã|vừa|mới)\s+)?(?:{alternation(data['issuing_verbs'])})\s+$"),
        issuing_verbs=tuple(f" {verb}" for verb in data["issuing_verbs"]),
        signer_before=re.compile(rf"(?<!\w)(?:{alternation(data['signer_titles'])})\s+$", re.IGNORECASE),
        kinds={name.lower(): kind for name, kind in names.items()},
        not_after={kind.lower(): frozenset(words) for kind, words in data["not_after"].items()},
        counted=re.compile(rf"\s+(?:{alternation(data['counted_nouns'])})(?!\w)"),
        symbol_issuers=data["symbol_issuers"],
        issuer_names={**{name.lower(): name for name in data["issuers"]},
                      **{full.lower(): name for full, name in data["issuer_full_names"].items()}},
        local_issuer=re.compile(_local_issuer(data)),
        body_issuer=re.compile(_body_issuer(data, kinds)),
        name_opened_before=re.compile(alternation(data["issuer_name_openers"], not_after=r"\w") + r"(?:\s+\w+){0,5}\s+$"),
    )


@lru_cache(maxsize=1)
def _terms() -> list[tuple[str, str]]:
    """The Party's terms and the day each began (data/documents.yaml): apart from the patterns,
    as the archive's resolve asks for them on every build and compiles no pattern."""
    return [(str(t["start"]), t["term"]) for t in datafiles.load("documents")["terms"]]


def _ordinal(word: str | None) -> int | None:
    if word is None:
        return None
    return int(word) if word.isdigit() else datafiles.load("documents")["ordinals"].get(word)


def _roman_list(text: str) -> list[str]:
    """The terms listed in `text`, in Roman numerals ("12" is "XII")."""
    return [_roman(int(term)) if term.isdigit() else term for term in re.findall(_TERM, text)]


def _roman(number: int) -> str:
    numerals = [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    result = ""
    for value, numeral in numerals:
        while number >= value:
            result, number = result + numeral, number - value
    return result


def term_on(day: str | None) -> str | None:
    """The Party term (khóa) in force on an ISO date."""
    if not day:
        return None
    day = day[:10]
    current = None
    for start, term in _terms():
        if start <= day:  # ISO strings compare as dates; a bare year compares as its start
            current = term
    return current


def find_documents(text: str) -> list[Document]:
    """Documents cited in `text`, each once, in order of first citation.

    Kind words are rare, so the text is scanned once for them; at each one the three
    citation shapes are tried in order (plenum, congress, number).
    """
    patterns = _patterns()
    found: list[Document] = []
    covered_until = 0
    for anchor in patterns.anchor.finditer(text):
        if anchor.start() < covered_until:
            continue
        position = anchor.start()
        words = patterns.not_after.get(anchor.group()[:-1].lower())
        if words and _joined_to_word_before(text, position, words):
            continue
        cited = (_plenum_documents(patterns.plenum.match(text, position), patterns)
                 or _congress_document(patterns.congress.match(text, position), patterns)
                 or _numbered_document(patterns.numbered.match(text, position), text, patterns))
        if cited:
            if found:
                _share_issuer(found[-1], cited[0], text)
            found.extend(cited)
            covered_until = cited[0].spans[0][1]
            if cited[0].number is not None:
                siblings, covered_until = _siblings_after(cited[-1], text, covered_until, patterns)
                found.extend(siblings)
    return _merge(found)


_LISTED = re.compile(r"\s*(?:,|và|,\s*và)\s*")
_SYMBOL_PARTS = re.compile(r"\s*[/-]\s*")


def _issuer_code(symbol: str) -> str:
    """The issuer's code a symbol ends in: "TW" of "18-NQ/TW", "UBND" of "32/KH-UBND"."""
    return _SYMBOL_PARTS.split(symbol)[-1]


def _share_issuer(before: Document, cited: Document, text: str) -> None:
    """Two documents of one issuer listed, the issuer named after the second: "Chỉ thị số
    05-CT/TW và Nghị quyết số 18-NQ/TW của Bộ Chính trị", "Nghị quyết số 03-NQ/ĐU và Kế hoạch
    số 12-KH/ĐU ngày 5/9/2025 của Ban Thường vụ Đảng ủy phường". Only where the symbols end
    in the same issuer's code (not "18-NQ/TW và Kế hoạch số 12-KH/TU của Tỉnh ủy"); the date
    is the second's own."""
    if before.issuer is not None or cited.issuer is None or not before.symbol or not cited.symbol \
            or not before.spans or not cited.spans or not before.text.endswith(before.symbol) \
            or _issuer_code(before.symbol) != _issuer_code(cited.symbol):
        return
    if _LISTED.fullmatch(text, before.spans[-1][1], cited.spans[0][0]):
        before.issuer = cited.issuer


def _joined_to_word_before(text: str, position: int, words: frozenset[str]) -> bool:
    """"kỷ luật": the kind word at `position` is the second half of another word, one of `words`."""
    return text[max(0, position - 8):position].rstrip().rsplit(" ", 1)[-1] in words


def _siblings_after(cited: Document, text: str, position: int, patterns: _Patterns) -> tuple[list[Document], int]:
    """Further numbers of the same kind listed after a numbered citation ("..., số 19-NQ/TW"),
    and where they end."""
    listed = [cited]
    while sibling := patterns.sibling.match(text, position):
        documents = _numbered_document(sibling, text, patterns, cited.kind)
        if not documents:
            break
        listed.extend(documents)
        position = documents[0].spans[0][1]
    # What follows the last number ("..., số 19-NQ/TW ngày 25-10-2017 của Hội nghị Trung ương 6")
    # is said of every number listed that has no words of its own after it.
    last = listed[-1]
    for document in listed[:-1]:
        if document.date is None and document.issuer in (None, last.issuer) and document.term is None \
                and document.text.endswith(document.symbol or "\0"):
            document.date, document.issuer, document.term = last.date, last.issuer, last.term
    return listed[1:], position


def _plenum_documents(match: re.Match[str] | None, patterns: _Patterns) -> list[Document]:
    """"Nghị quyết Trung ương 4 khóa XI, XII" -> two documents; "Nghị quyết TW4", whose
    text names no term, -> one with none (its key takes the citing article's term)."""
    if not match:
        return []
    plenums = [_ordinal(match["ord"])] if match["ord"] else [int(p) for p in re.findall(r"\d+", match["plenums"] or "")]
    kind = patterns.kinds[match["kind"].lower()]
    terms: list[str | None] = _roman_list(match["terms"]) if match["terms"] else [None]
    return [Document(kind=kind, plenum=plenum, term=term, text=match.group().strip(), spans=[match.span()])
            for plenum in plenums if plenum for term in terms]


def _congress_document(match: re.Match[str] | None, patterns: _Patterns) -> list[Document]:
    """"Nghị quyết Đại hội XII của Đảng", "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX"."""
    if not match:
        return []
    local = match["local"] or match["local_after"]
    return [Document(kind=patterns.kinds[match["kind"].lower()], congress=match["congress"],
                     issuer=" ".join(local.split()) if local else None,
                     text=match.group().strip(), spans=[match.span()])]


def _numbered_document(match: re.Match[str] | None, text: str, patterns: _Patterns,
                       kind: str | None = None) -> list[Document]:
    """"Nghị quyết số 18-NQ/TW ngày 25-10-2017 của Bộ Chính trị" with what follows it.
    `kind`: that of the citation a sibling number follows (the match then has none)."""
    if not match:
        return []
    kind = kind or patterns.kinds[match["kind"].lower()]
    number = int(match["num"])
    symbol = re.sub(r"\s+", "", match["num"] + match["sym"]).replace("–", "-") if match["sym"] else None
    if symbol is None and 1900 <= number <= 2100:
        return []  # "Kế hoạch 2019" names a year, not a document number
    if symbol is None and patterns.counted.match(text, match.end()):
        return []  # "kết luận 545 tổ chức đảng": a count of what the verb concluded about
    tail = patterns.tail.match(text, match.end())
    end = tail.end() if tail.group() else match.end()
    date = None
    if tail["y"] or tail["y2"]:
        day, month, year = (tail["d"], tail["m"], tail["y"]) if tail["y"] else (tail["d2"], tail["m2"], tail["y2"])
        try:
            date = _date(int(year), int(month), int(day)).isoformat()
        except ValueError:
            date = None
    issuer = patterns.issuer_names.get(tail["issuer"].lower()) if tail["issuer"] else None  # "Bộ chính trị" as printed
    if tail["local"]:
        issuer = " ".join(tail["local"].split())  # "Đảng ủy phường An Hòa"
    if tail["body"]:
        issuer = " ".join(tail["body"].split())  # "Bộ Tài nguyên và Môi trường"
    if tail["plenary"]:
        # "Hội nghị Trung ương 7" is held in every term: the plenum is named with its term.
        term = _roman_list(tail["term"])[0] if tail["term"] else None
        issuer = " ".join(tail["plenary"].replace(",", " ").split()) + (f" khóa {term}" if term else "")
    if issuer is None and symbol and "/" in symbol:
        issuer = patterns.symbol_issuers.get(symbol.rsplit("/", 1)[1].split("-")[-1])
    issued_here = text[max(0, match.start() - 10):match.start()].rstrip().endswith(patterns.issuing_verbs)
    if issuer is None and issued_here \
            and (before := patterns.issuer_before.search(text, max(0, match.start() - 60), match.start())) \
            and not patterns.name_opened_before.search(text, max(0, before.start() - 40), before.start()):
        # (not the tail of a longer name the data does not know: "Văn phòng | Chính phủ đã có
        # Công văn ...", "Văn phòng | Tỉnh ủy X đã ban hành": another body's)
        if before["issuer"]:
            issuer = patterns.issuer_names.get(before["issuer"].lower())  # "Quốc hội đã ban hành Luật số 22"
        else:
            issuer = " ".join(before["local"].split())  # "UBND tỉnh Lào Cai đã ban hành ..."
            if patterns.signer_before.search(text, max(0, before.start() - 20), before.start()):
                issuer = _without_signer(issuer)
    if date is None and issued_here:
        date = _date_issuing_sentence_opens_with(text, match.start())  # "Ngày 12/7/2017, Bộ Nội vụ ban hành ..."
    if issuer is None and text[max(0, match.start() - 8):match.start()].rstrip().lower().endswith(INSTRUMENT_WORDS) \
            and (acting := patterns.issuer_acting.match(text, end)):
        issuer = patterns.issuer_names.get(acting["issuer"].lower())  # "tại Quyết định số 2555, Thủ tướng Chính phủ phê chuẩn"
    # "Nghị quyết số 18, 19-NQ/TW": the symbol's tail belongs to every number listed
    numbers = [number, *(int(n) for n in re.findall(r"\d+", match["more"] or ""))]
    suffix = re.sub(r"\s+", "", match["sym"]) if match["sym"] else ""
    return [Document(kind=kind, number=n,
                     symbol=f"{n:02d}{suffix}" if suffix and n != number else symbol, date=date, issuer=issuer,
                     term=_roman_list(tail["term"])[0] if tail["term"] else None,
                     text=text[match.start():end].strip(" ,"), spans=[(match.start(), end)])
            for n in numbers]


INSTRUMENT_WORDS = ("tại", "theo")  # "tại Quyết định số N, X quyết định ...": X issued it
# A sentence that opens with a full date, then the issuer and its verb right before the
# document, with no other number between: "Ngày 12/7/2017, Bộ trưởng Bộ Nội vụ đã ký ban hành
# Quyết định số 845/QĐ-BNV": the day it was issued.
_ISSUED_ON = re.compile(r"(?:^|(?<=[.!?\n])\s*)Ngày\s+(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})"
                        r"\s*,\s+[^.!?;\n\d]{1,100}$")
ISSUED_ON_REACH = 140  # characters before the document where its sentence's date may open it


def _date_issuing_sentence_opens_with(text: str, at: int) -> str | None:
    """The date that opens the sentence issuing the document at text[at], if any."""
    found = _ISSUED_ON.search(text, max(0, at - ISSUED_ON_REACH), at)
    return valid_date(int(found["y"]), int(found["m"]), int(found["d"])) if found else None


def _merge(documents: list[Document]) -> list[Document]:
    """One entry per document: later citations fill in what earlier ones left out."""
    merged: dict[tuple, Document] = {}
    for doc in documents:
        key = doc.identity()
        if key not in merged:
            merged[key] = doc
            continue
        kept = merged[key]
        for attr in ("symbol", "date", "issuer", "term"):
            if getattr(kept, attr) is None and getattr(doc, attr) is not None:
                setattr(kept, attr, getattr(doc, attr))
        kept.spans.extend(doc.spans)
    return _fold_plenums_named_elsewhere(list(merged.values()))


def _fold_plenums_named_elsewhere(documents: list[Document]) -> list[Document]:
    """"Nghị quyết Trung ương 4" where the same text cites "Nghị quyết Trung ương 4 (khóa
    XII)" is that resolution, named short: one entry, where it was first cited. (Where the
    text names the plenum in two terms, the short citation is left as it is.)"""
    result: list[Document] = []
    for doc in documents:
        if doc.plenum is not None and doc.term is None:
            named = [d for d in documents if d.kind == doc.kind and d.plenum == doc.plenum and d.term is not None]
            if len(named) == 1:
                named[0].spans.extend(doc.spans)
                doc = named[0]
        if not any(kept is doc for kept in result):
            result.append(doc)
    return result


# Party-central issuers are written "/TW" in symbols; so "Chỉ thị 05 của Bộ Chính trị" and
# "Chỉ thị số 05-CT/TW" are one document.
_PLENARY_ISSUER = "Hội nghị"  # a plenum of the Central Committee, as _numbered_document writes it
_PARTY_CENTRE = {"Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương", "Ban Chấp hành Trung ương Đảng",
                 "Trung ương", "Trung ương Đảng"}


def _scope(doc: Document) -> tuple[str, bool]:
    """(who issued it, as a key part; whether that is a central body)."""
    data = datafiles.load("documents")
    if doc.symbol and "/" in doc.symbol:
        suffix = doc.symbol.split("/", 1)[1].replace("TƯ", "TW")  # ("217-QĐ/TƯ" is "217-QĐ/TW")
        return suffix, any(part in data["central_scopes"] for part in re.split(r"[-/]", suffix))
    issuer = _keyed_issuer(doc.issuer) if doc.issuer else None
    if issuer:
        if issuer in _PARTY_CENTRE or issuer.startswith(_PLENARY_ISSUER):
            return "TW", True
        by_issuer = {name: code for code, name in data["symbol_issuers"].items()}
        return by_issuer.get(issuer, issuer), issuer in data["central_issuers"]
    central = data["kinds"].get(doc.kind, {}).get("scope") == "central"
    return ("TW" if central else ""), central


def central_scope(doc: Document) -> str | None:
    """The issuer part of a central Party document's key ("TW", "BTCTW"); None for a local
    one, and for the State's, which are numbered by year, not by term."""
    if _state_issuer(doc) is not None:
        return None
    scope, central = _scope(doc)
    return scope if central else None


_YEAR_IN_SYMBOL = re.compile(r"/((?:19|20)\d{2})(?:/|$)")  # "46/2010/NĐ-CP", "202/2025"


def _state_issuer(doc: Document) -> str | None:
    """The code of the State body that issued `doc` ("CP", "TTg", "BNV"), where it is the
    State's: by its symbol ("46/2010/NĐ-CP"), its issuer ("của Thủ tướng Chính phủ") or its
    kind ("Nghị định" is the Government's); None for a Party document."""
    data = datafiles.load("documents")
    if doc.symbol and "/" in doc.symbol:
        codes = [part.rstrip("0123456789") for part in re.split(r"[-/]", doc.symbol.split("/", 1)[1])]
        state = [code for code in codes if code in data["state_scopes"]]
        if state:
            return state[-1]
        if any(code in data["central_scopes"] for code in codes):
            return None  # "Quyết định số 99-QĐ/TW": the Party's
    if doc.issuer in data["state_issuers"]:
        return data["state_issuers"][doc.issuer]
    kind = data["kinds"].get(doc.kind, {})
    if kind.get("scope") != "state":
        return None
    if doc.symbol and "-" in doc.symbol:
        return doc.symbol.rsplit("-", 1)[-1].rstrip("0123456789")  # "TT-BGDĐT"
    if doc.symbol and re.search(r"[A-ZĐ]", doc.symbol):
        return ""
    return kind.get("issuer", "")  # no symbol, or its number and year alone ("92/2001")


def stated_term(doc: Document) -> str | None:
    """The term a citation itself gives, in words or by its date; not the citing article's."""
    return doc.term or term_on(doc.date)


def term_rank(term: str) -> int:
    """Terms in order (VIII < IX < ... ), for comparing them; unknown terms rank first."""
    order = [name for _, name in _terms()]
    return order.index(term) if term in order else -1


def document_key(doc: Document, article_date: str | None, province: str | None = None) -> str:
    """A stable URL segment: the same document cited in two articles (or two spellings)
    has one key, and two documents that share a number do not.

    Party numbering restarts every term, so a central Party document's key carries its term
    (stated, from its own date, or from the citing article's date); a State document's
    (a decree, a law, the Prime Minister's decision, a ministry's) the year its symbol or
    date gives, and never a term; a province's People's Committee's its province and year,
    since every province numbers its own; a local Party committee's its province and year
    or term.
    """
    if doc.plenum is not None:
        term = doc.term or term_on(article_date)
        return slug(f"{doc.kind} trung uong {doc.plenum} {'khoa ' + term if term else ''}")
    state = _state_issuer(doc) if doc.number is not None else None
    if state is not None:
        # A State document: numbered by year ("Nghị định số 46/2010/NĐ-CP"), never by term.
        year = _YEAR_IN_SYMBOL.search(doc.symbol or "")
        return slug(f"{doc.kind} {doc.number} {year[1] if year else (doc.date or '')[:4]} {state}")
    if doc.congress is not None:
        where = doc.issuer or ""
        if where and province and province not in where:
            where = f"{where} {province}"
        return slug(f"{doc.kind} dai hoi {doc.congress} {where}")
    scope, central = _scope(doc)
    term = doc.term or term_on(doc.date) or term_on(article_date)
    if central:
        return slug(f"{doc.kind} {doc.number} {scope} {'khoa ' + term if term else ''}")
    issuer = _symbol_issuer(doc)
    if issuer == "other":  # a ministry's, an agency's: numbered by year for the whole country
        return slug(f"{doc.kind} {doc.number} {scope} {_year_outside_symbol(doc, None)}")
    if issuer == "province":  # a province's People's Committee's, its departments': by year, each its own
        return slug(f"{doc.kind} {doc.number} {scope} {province or 'dia phuong'} {_year_outside_symbol(doc, article_date)}")
    when = doc.date[:4] if doc.date else (f"khoa {term}" if term else "")
    return slug(f"{doc.kind} {doc.number} {scope} {province or 'dia phuong'} {when}")


def _year_outside_symbol(doc: Document, article_date: str | None) -> str:
    """The year a key adds to a document numbered by year: none where its symbol holds it
    ("44/2016/QĐ-UBND": in the key already), else its date's, else `article_date`'s (a
    province's bodies issue thousands a year: one cited without its date is taken to be of
    its article's year, as recent), else none."""
    if _YEAR_IN_SYMBOL.search(doc.symbol or ""):
        return ""
    return (doc.date or article_date or "")[:4]


def _symbol_issuer(doc: Document) -> str | None:
    """Who numbers a local document, by its symbol's codes (data/documents.yaml): "party" (a
    Party committee's, "12-CT/TU", which numbers by term), "province" (a province's People's
    Committee or Council, "123/QĐ-UBND"), "other" (a ministry's or an agency's, "2829/QĐ-BTNMT");
    None where the symbol shows no issuer."""
    if not doc.symbol or "/" not in doc.symbol:
        return None
    data = datafiles.load("documents")
    codes = [code for code in re.split(r"[-/]", doc.symbol.split("/", 1)[1]) if re.search(r"[A-ZĐ]", code)]
    if not codes or set(codes) <= {kind["code"] for kind in data["kinds"].values()}:
        return None  # "1947/QĐ": the kind's code alone
    if any(code.endswith(tuple(data["party_local_code_endings"])) for code in codes):
        return "party"
    if any(code in data["province_state_scopes"] or re.fullmatch(data["province_department_code"], code)
           for code in codes):
        return "province"
    return "other"
