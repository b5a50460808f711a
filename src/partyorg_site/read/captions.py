"""captions: telling a photo's caption from the article's own text.

A scraped page prints a caption under the photo's alt text, with a credit ("Ảnh: X"), or
as a short line that says what the photo shows; an aggregator's export runs captions into
the body, after a credit or glued to the next sentence without a full stop. Caption
openings, phrases and credit words are in data/layout.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from partyorg_site import datafiles
from partyorg_site.patterns import Anchored, alternation, shortest_phrases
from partyorg_site.read.sentences import ends_sentence, sentences
from partyorg_site.vietnamese import LOWER_CLASS, UPPER_CLASS, count_words, either_case_first

CREDIT_TAIL = 120  # a photo credit ends its paragraph: only the tail is searched
NEWS_WORD_REACH = 6  # words before "vừa" where a line's subject and its name may stand
CAPTION_MAX_WORDS = 60
CAPTION_MAX_CHARACTERS = 1000  # more than CAPTION_MAX_WORDS words take (Vietnamese syllables are short)
SHORT_CAPTION_MAX_WORDS = 8  # a caption may end in a full stop if it is this short
CREDITED_CAPTION_MAX_WORDS = 80  # a paragraph ending in a photo credit is a caption up to this long
CREDITED_CAPTION_MAX_SENTENCES = 2
INLINE_CAPTIONS_FROM = 80  # a paragraph this long may be an export's body with captions run in
RUN_IN_CAPTION_MAX_WORDS = 16
# A caption that says where people stand is at most this long; a longer "sentence" holding a
# position is a caption run into the next sentence without a full stop, body text and all.
POSITION_CAPTION_MAX_WORDS = 40
PORTRAIT_MAX_WORDS = 20
PHOTO_SENTENCE_MAX_WORDS = 32  # a one-sentence caption run into the page, without a credit (is_photo_sentence)
# The top photo's caption: an export prints it as the first sentence of the body after the
# lead. It says again what the headline, the lead or a sentence soon after says.
TOP_CAPTION_WORDS = (5, 45)
TOP_CAPTION_LOOK_AHEAD = 10  # sentences
RESTATED = 0.8  # the share of its word pairs found in one other text that makes a restatement
PORTRAIT_REACH = 200  # characters at a text's start where a portrait's caption can stand  # a caption run into an export's body as a sentence of its own
WORD = r"\w"
_WORDS = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?…]\s+")
SENTENCE_MARK = re.compile(r"[.!?…]")  # (layout.py reads it too)
_CLAUSE_MARKS = re.compile(r"[,;:\"“”()]")


@dataclass(frozen=True)
class _Cues:
    caption_starts: tuple[str, ...]
    caption_phrases: Anchored
    caption_endings: tuple[str, ...]  # " phát biểu": a caption phrase only where it ends the sentence
    credit: re.Pattern[str]
    credit_marks: tuple[str, ...]
    bare_credit: re.Pattern[str]  # "Ảnh ĐẶNG TRUNG", "Ảnh do ban tổ chức cung cấp": a credit without its colon
    reported_speech: re.Pattern[str]
    news_told: re.Pattern[str]  # "vừa": a line that tells what has just happened, no photo's
    before_a_name: frozenset[str]
    photo_position: re.Pattern[str]
    portrait: re.Pattern[str]
    after_sentence_end: re.Pattern[str]  # a caption's or a portrait's opening after a sentence's end
    portrait_not_words: frozenset[str]
    portrait_starts: tuple[str, ...]  # the cheap test first: a portrait opens with a head or a prefix
    named: re.Pattern[str]  # "Ông Trần Văn A, ": a name-first portrait's opening
    named_starts: tuple[str, ...]
    title_heads: tuple[str, ...]  # every head of data/titles.yaml, in lower case, then a space
    photo_phrases_any_opening: frozenset[str]  # "ra mắt đại hội": a photo's, whatever opens the sentence
    portrait_unit_endings: tuple[str, ...]
    credit_alone: re.Pattern[str]
    photo_sentence_not: re.Pattern[str]  # words that tell when or why: no photo's caption


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    data = datafiles.load("layout")
    credit_words = "|".join(sorted(map(re.escape, data["credit_words"]), key=len, reverse=True))
    # A credit in capitals ("ẢNH: GIA HÂN") or in lower case ("ảnh: nam long"), as some
    # outlets print it; "hình ảnh:" is a word, and "Tin, ảnh:" a credit line (bylines.py), no credit.
    cased = [variant for word in data["credit_words"] for variant in (word.upper(), word.lower())]
    credit_words += "|" + "|".join(sorted(map(re.escape, cased), key=len, reverse=True))
    named = rf"(?:{alternation(data['caption_starts_before_a_name'])})\s+{UPPER_CLASS}{LOWER_CLASS}*(?:\s+{UPPER_CLASS}{LOWER_CLASS}*){{1,4}}\s*(?:,|\s[-–—])\s*"
    return _Cues(
        caption_starts=tuple(data["caption_starts"]),
        caption_phrases=Anchored(re.compile(rf"(?<!\w){alternation(data['caption_phrases'])}(?!\w)", re.IGNORECASE),
                                 phrases=data["caption_phrases"]),
        caption_endings=tuple(f" {phrase}" for phrase in data["caption_phrase_endings"]),
        # "Ảnh: Thành Duy", "(Ảnh: TTXVN)", "Ảnh: T.Phương", "(Ảnh: H.M.)", "Ảnh minh họa: xaydungdang.org.vn",
        # "Đồ họa: Minh Hòa/VOV.VN" (a domain in capitals) at a paragraph's end
        credit=re.compile(rf"\(?(?<!hình )(?<!Hình )(?<!, )(?<!và )\b(?:{credit_words})\s*:\s*(?P<by>(?:{UPPER_CLASS}\.\s?){{1,3}}(?=\s*\)?\s*\.?$)|(?:{UPPER_CLASS}\.\s?){{0,3}}[^.()]{{1,60}}?(?:\.(?:[a-z]{{2,4}}|[A-Z]{{2,4}}))*)"
                          rf"\s*\)?\s*\.?$"),
        # (a mark that holds another, "Ảnh minh họa", needs no test of its own)
        credit_marks=shortest_phrases(("(", *data["credit_words"], *cased)),
        # A photo word capitalised after a caption with no colon: a name in capitals or initials
        # and a code ("Ảnh ĐẶNG TRUNG", "Ảnh VGP/Nhật Bắc", "ẢNH TTXVN"), or who provided it ("Ảnh
        # do ban tổ chức đại hội cung cấp"); a capitalised "Ảnh" stands mid-sentence only so.
        bare_credit=re.compile(rf"(?<=\s)(?:{alternation(data['bare_credit_words'])})\s+(?P<by>"
                               rf"do\s+[^.()]{{1,60}}?\s(?:{alternation(data['credit_endings'])})"
                               rf"|(?<=[.!?…]\s(?:{alternation(data['bare_credit_words'])})\s){UPPER_CLASS}\w*(?:\s+\w+){{0,3}}"
                               rf"|(?:{UPPER_CLASS}{{2,}}[/-]?)+(?:\s*[/-]?\s*(?:{UPPER_CLASS}{{2,}}|{UPPER_CLASS}{LOWER_CLASS}+))*"
                               rf"|{UPPER_CLASS}{{2,}}/{UPPER_CLASS}{LOWER_CLASS}+(?:\s{UPPER_CLASS}{LOWER_CLASS}+)*)\s*\.?$"),
        # (said with its words after it, or after a comma with what it asks: "Đồng chí A phát
        # biểu kết luận, yêu cầu các chi bộ triển khai ...")
        reported_speech=re.compile(r"(?:,\s*(?=" + alternation(data["speech_with_content"]) + r"\s+\w)|"
                                   + alternation(data["speech_verbs"], not_after=r"\w") + r"\s*(?:[,:]|rằng|là)(?!\w))"),
        # (right after its subject, within its first words: "Ông A vừa thôi giữ chức ...", not "...
        # chia sẻ về quy định mới vừa được ban hành", a relative clause of what a photo shows)
        news_told=re.compile(rf"^\S+(?:\s+\S+){{0,{NEWS_WORD_REACH - 1}}}?\s+(?:" + alternation(data["news_words"]) + r")(?!\w)"),
        before_a_name=frozenset(data["caption_starts_before_a_name"]),
        # "Phó Chủ tịch nước Nguyễn Thị A.": a head, any words without a clause mark, then a
        # run of two to five capitalised words at the end (is_portrait checks the rest)
        portrait=re.compile(rf"(?:(?:{alternation(data['portrait_head_prefixes'])})\s+)?"
                            rf"(?:{alternation(data['portrait_heads'])})\s(?:[^,;:\"“”()!?…]*?\s)?"
                            rf"{UPPER_CLASS}[\w.-]*(?:\s+{UPPER_CLASS}[\w.-]*){{1,4}}\.?"),
        # A caption's opening right after a sentence's end, then a sentence without a clause
        # mark (what is_run_in_caption asks of a sentence), or a portrait's (as above, with no
        # full stop inside, as none is in most portraits, and the name's last word before the
        # stop): the cheap scan before split_caption_sentences splits a text. One pattern that
        # opens with a character set (patterns.py), where the two were scanned for apart.
        after_sentence_end=re.compile(
            rf"[.!?…]\s+(?:(?:{alternation(data['caption_starts'])})\s[^,;:\"“”().!?…]*[.!?…]"
            rf"|(?:(?:{alternation(data['portrait_head_prefixes'])})\s+)?(?:{alternation(data['portrait_heads'])})\s"
            rf"[^,;:\"“”()!?….]{{0,120}}?\s{UPPER_CLASS}[\w-]*\.(?:\s|$)|{named})"),
        portrait_not_words=frozenset(data["portrait_not_words"]),
        portrait_starts=tuple(f"{word} " for word in data["portrait_heads"] + data["portrait_head_prefixes"]),
        named=re.compile(named),
        named_starts=tuple(f"{word} " for word in data["caption_starts_before_a_name"]),
        title_heads=tuple(sorted({f"{head.lower()} " for head in datafiles.load("titles")["heads"]})),
        portrait_unit_endings=tuple(data["portrait_unit_endings"]),
        photo_phrases_any_opening=frozenset(phrase.lower() for phrase in data["photo_phrases_any_opening"]),
        photo_sentence_not=re.compile(rf"(?<!\w){alternation(data['photo_sentence_not_words'])}(?!\w)"),
        credit_alone=re.compile(rf"\(?(?:{credit_words}|Nguồn)(?:\s*:\s*|\s+{UPPER_CLASS}|\s*\)?$)"),

        photo_position=re.compile(rf"\((?:[^()]{{0,30}}{alternation(data['photo_positions'], not_after=WORD)}"
                                  rf"(?:\s+{alternation(data['bare_photo_positions'])})?"
                                  rf"|{alternation(data['bare_photo_positions'])})\)"),
    )


def looks_like_caption(text: str) -> bool:
    """A photo's caption: opens like one ("Đồng chí X phát biểu...") and ends no sentence,
    or is a single short sentence ("Quang cảnh hội nghị."): no paragraph of an article
    is that short."""
    # (The cheap tests first: most paragraphs are long and end a sentence. Last, what
    # reports speech, "Ông X nêu rõ, đây không phải ...", says what was said, not what a
    # photo shows.)
    if is_portrait(text):
        return True
    # One sentence that says where a person stands in the photo, however it opens and ends:
    # "Bí thư Tỉnh ủy Trần Văn A (bên phải) trao quyết định cho ông B.", "... cho ông B (bìa
    # trái), ông C (bìa phải)" run into the next sentence.
    if "(" in text and _cues().photo_position.search(text) and len(sentences(text)) == 1:
        return count_words(text, POSITION_CAPTION_MAX_WORDS + 1) <= POSITION_CAPTION_MAX_WORDS
    if text.endswith(".") and not text.endswith(".."):
        # (or one that would be a caption run into an export's body: "Toàn cảnh hội nghị tại
        # điểm cầu Bắc Giang.", one clause, a caption's opening and phrase)
        words = count_words(text, RUN_IN_CAPTION_MAX_WORDS)
        return words <= RUN_IN_CAPTION_MAX_WORDS and _opens_like_caption(text) \
            and (words <= SHORT_CAPTION_MAX_WORDS or is_run_in_caption(text)) and not _cues().reported_speech.search(text)
    if ends_sentence(text):
        return False
    return 5 <= count_words(text, CAPTION_MAX_WORDS) <= CAPTION_MAX_WORDS and (
        _opens_like_caption(text) or (_cues().caption_phrases.search(text) is not None and len(sentences(text)) == 1)) \
        and not _cues().reported_speech.search(text) and not _cues().news_told.match(text)


def is_photo_sentence(text: str) -> bool:
    """A one-sentence paragraph that says who does what as a photo shows it ("Lãnh đạo Bộ
    tặng hoa chúc mừng ông A và ông B.", "Chủ nhiệm Ủy ban Kiểm tra Trung ương Nguyễn Văn C
    trao quyết định và chúc mừng Ban Chấp hành ...", "Tổng Biên tập Báo tỉnh Nguyễn Văn D
    phát biểu chỉ đạo hội nghị."): a caption run into the page without a credit. It opens
    like a caption or with a title's head (capitalised), holds a caption phrase, and
    has none of the words that tell when or why (data/layout.yaml, photo_sentence_not_words).
    (Asked of a paragraph after the lead only: a lead may say the same in a headline's words.)"""
    cues = _cues()
    found = cues.caption_phrases.search(text)
    if found is not None:
        phrase = found.group().lower()
    elif text.rstrip().rstrip(".").endswith(cues.caption_endings):
        phrase = ""  # (tested as a plain suffix: a pattern anchored at the end is still tried at
        # every character, 3% of the loader's time)
    else:
        return False
    if count_words(text, PHOTO_SENTENCE_MAX_WORDS + 1) > PHOTO_SENTENCE_MAX_WORDS:
        return False
    capitalised = text[:1].isupper()
    if not (_opens_like_caption(text) or text.startswith(cues.portrait_starts)
            or capitalised and (text[:40].lower().startswith(cues.title_heads)
                                or phrase in cues.photo_phrases_any_opening)):
        return False
    return cues.photo_sentence_not.search(text) is None and not cues.reported_speech.search(text) \
        and not _QUOTES.search(text) and len(sentences(text)) == 1


_QUOTES = re.compile(r"[\"“”:;]")


def is_portrait(text: str) -> bool:
    """A portrait's caption: a title and a name, with no verb ("Chủ tịch UBND quận 1 Trần
    Văn A.", "Nguyên Bí thư Tỉnh ủy Nguyễn Văn B"), or the name first, after "Ông", "Bà",
    "Đồng chí", and its titles ("Ông Trần Văn C, Bí thư phường Bình Trưng, TP HCM."):
    data/layout.yaml, portrait_heads."""
    cues = _cues()
    titled_first = text.startswith(cues.portrait_starts)
    if not (titled_first or text.startswith(cues.named_starts)) \
            or count_words(text, PORTRAIT_MAX_WORDS + 1) > PORTRAIT_MAX_WORDS:
        return False  # (the cheap tests first: most sentences open otherwise)
    shaped = cues.portrait.fullmatch(text.strip()) is not None if titled_first else _named_portrait(text.strip())
    # (and a portrait shows a person, never what one said: "Ông A nói rằng ... Minh Anh" is a
    # sentence and its author's signature)
    return shaped and not any(word in cues.portrait_not_words for word in text.split()) \
        and not cues.reported_speech.search(text)


_CAPITALISED_WORDS = re.compile(rf"(?:{UPPER_CLASS}[\w.]*)(?:\s+{UPPER_CLASS}[\w.]*)*")


def _named_portrait(text: str) -> bool:
    """"Ông A, Bí thư phường B, TP HCM.": a name, then segments each a title (opening with a
    portrait's head, or any head of data/titles.yaml: "Ông C, Phó vụ trưởng Vụ Nghiên cứu")
    or a place in capitals, the last ending in a capitalised word; after a title, its
    parent unit ("Ông C, Phó vụ trưởng Vụ Nghiên cứu, Ủy ban Kiểm tra Trung ương.")."""
    cues = _cues()
    named = cues.named.match(text)
    if not named:
        return False
    segments = [segment.strip() for segment in re.split(r",|\s[-–—]\s", text[named.end():].rstrip(" ."))]
    # (a prefix in lower case after the comma: "Ông A, tân Phó Bí thư Tỉnh ủy", "..., nguyên Chủ tịch ...")
    return all(segment and ((segment[:1].upper() + segment[1:] + " ").startswith(cues.portrait_starts)
                            or (segment.lower() + " ").startswith(cues.title_heads)
                            or _CAPITALISED_WORDS.fullmatch(segment)
                            or (index > 0 and segment[:1].isupper()))
               for index, segment in enumerate(segments)) \
        and (segments[-1].split()[-1][:1].isupper() or segments[-1].endswith(cues.portrait_unit_endings))


def _opens_like_caption(text: str) -> bool:
    cues = _cues()
    for start in cues.caption_starts:
        if text.startswith(start + " "):
            return start not in cues.before_a_name or text[len(start) + 1:len(start) + 2].isupper()
    return False


CREDIT_MAX_WORDS = 6


def is_credit(text: str) -> bool:
    """A photo's or a video's credit standing alone, with or without a colon: "Ảnh minh
    họa", "Ảnh Trần Văn A", "Nguồn Youtube", "(Ảnh: TTXVN)"."""
    return count_words(text, CREDIT_MAX_WORDS + 1) <= CREDIT_MAX_WORDS and _cues().credit_alone.match(text) is not None


def is_credited_caption(text: str) -> bool:
    """What stands before a photo credit is the caption, if it is as short as captions are;
    a longer paragraph is body text with the caption as its last sentence."""
    return count_words(text, CREDITED_CAPTION_MAX_WORDS) <= CREDITED_CAPTION_MAX_WORDS \
        and len(sentences(text)) <= CREDITED_CAPTION_MAX_SENTENCES


def split_credit(text: str) -> tuple[str, str | None]:
    """Split a trailing photo credit: "... hội nghị. Ảnh: Thành Duy" -> ("... hội nghị.", "Thành Duy");
    none where a sentence runs on after the credit's name (credit_runs_on)."""
    match = _trailing_credit(text)
    if not match or _glue_points(match.group("by")):
        return text, None
    return text[:match.start()].rstrip(), match.group("by").strip()


def credit_runs_on(text: str) -> bool:
    """The paragraph's last words look like a credit, but a sentence runs on after the name:
    "Toàn cảnh buổi lễ - Ảnh: Minh Anh Ông Tuấn cho biết ...". (split_inline_captions
    takes the caption, the credit and the sentence apart.)"""
    match = _trailing_credit(text)
    return match is not None and bool(_glue_points(match.group("by")))


@lru_cache(maxsize=4)
def _trailing_credit(text: str) -> re.Match[str] | None:
    """(Remembered: the layout asks split_credit, then credit_runs_on, of one paragraph.)"""
    tail_start = max(0, len(text) - CREDIT_TAIL)
    tail = text[tail_start:]
    if not any(mark in tail for mark in _cues().credit_marks):
        return None  # the pattern needs one of these; most paragraphs have none
    return _cues().credit.search(text, tail_start) or (
        _cues().bare_credit.search(text, tail_start) if "Ảnh" in tail or "ẢNH" in tail else None)


# A news agency's or a paper's code after a photographer's name, in capitals: "TTXVN", "VNA",
# "BNEWS", "VGP" (joined by "/", " /" or a dash: "Minh An /TTXVN", "Văn Bình - TTXVN").
AGENCY = r"[A-ZĐ]{2,}(?![\w])"


def opener_pattern(opener: dict) -> str:
    """One of data/layout.yaml's glued_sentence_openers as a regular expression: its words,
    then what must follow them, where "{lower}" stands for a lower-case letter (a sentence's
    own word, "Theo quyết định", not a name's, "Theo Walcott")."""
    return f"(?:{alternation(opener['words'])})" + opener["then"].replace("{lower}", LOWER_CLASS)


_WEB_ADDRESS = r"[a-z][\w-]*(?:\.[a-z][\w-]*)*\.(?:vn|com|net|org)"  # "namdinh.gov.vn", "baonghean.vn"


@lru_cache(maxsize=1)
def _inline_credit() -> Anchored:
    """A photo credit run into an export's body, in the forms the language prints it:
    "Ảnh: Minh Anh", "(Ảnh: TTXVN)": up to four capitalised words, none of them a word
    that opens the next sentence ("Ảnh: Minh Anh Trong năm 2021" stops before "Trong");
    closed by a full stop or a bracket, any credit of a few words ("Ảnh: Trường Phong.",
    "Ảnh: Báo Yên Bái.", "(Ảnh: Quang Hải/TTXVN)", "(ảnh: Tuổi Trẻ)"); without a colon,
    in brackets ("(Ảnh Bộ Quốc phòng)") or naming a paper or an agency's code ("Ảnh báo
    Đà Nẵng", "Ảnh TTXVN"); or ending as a credit that names no one does ("Ảnh: Người dân
    cung cấp", data/layout.yaml credit_endings); or a photo's mark in brackets that credits no
    one ("(Ảnh minh họa)", "(ảnh tư liệu)", layout.yaml illustration_marks), last, so that a
    credit of the same bracket wins. ("Ảnh hưởng", a word, is none of these.)"""
    openers = alternation(datafiles.load("names")["not_name_words"])
    # A word that opens the next sentence is none of the credit's, unless the agency's code is
    # glued to it ("Ảnh: Nhan Sáng/TTXVN"); nor is a capitalised word a lower-case one follows
    # after the first ("Ảnh: NVL Lãnh đạo ...": a name's syllables are all capitalised, so
    # "Lãnh" opens the next sentence); nor "Ông", "Bà" before a name, as they open a sentence
    # (layout.yaml's glued openings: "Ảnh: Minh Anh Ông Tuấn cho biết", not "Báo Bà Rịa").
    cued = next(opener_pattern(o) for o in datafiles.load("layout")["glued_sentence_openers"] if "Ông" in o["words"])
    word = rf"(?!(?:{openers})\b(?!/)|{cued}){UPPER_CLASS}[\w.-]*"
    further = rf"{word}(?![\w.-])(?!\s+{LOWER_CLASS})"
    credit = r"(?:Ảnh minh họa|Ảnh minh hoạ|Ảnh tư liệu|Nguồn ảnh|Ảnh)"
    token = rf"(?:{UPPER_CLASS}[\w.&-]*|báo|[a-z][\w-]*\.(?:vn|com|net|org))"
    closed = rf"{token}(?:(?:\s+|\s*[/-]\s*){token}){{0,5}}"
    endings = alternation(spelling for ending in datafiles.load("layout")["credit_endings"]
                          for spelling in either_case_first(ending))
    marks = alternation(spelling for mark in datafiles.load("layout")["illustration_marks"]
                        for spelling in either_case_first(mark))
    return Anchored(re.compile(
        # "(Ảnh: Quang Hải/TTXVN)", "(ảnh: Tuổi Trẻ)", "(Ảnh: Người dân cung cấp)": a bracket holds the credit whole
        rf"\(\s*(?:{credit}|ảnh)\s*:\s*[^()]{{1,60}}?\)"
        # "(Nguồn: AFP/TTXVN)" after a caption: where the photo came from
        rf"|(?P<source>\(\s*Nguồn\s*:\s*[^()]{{1,60}}?\))"
        # "Ảnh: Người dân cung cấp.", "Ảnh: Cắt từ clip": a few words and how such a credit ends
        rf"|\b{credit}\s*:\s*(?:[\w.&/-]+\s+){{0,5}}?(?:{endings})\b\.?"
        rf"|\((?:Ảnh|ảnh)\s+(?:báo\s+)?{UPPER_CLASS}[^()]{{1,40}}\)"  # "(Ảnh Bộ Quốc phòng)"
        rf"|\b{credit}\s*:\s*{closed}\.(?=\s|$)"  # "Ảnh: Trường Phong."
        rf"|\(?\b{credit}\s*:\s*{word}(?:\s+{further}){{0,3}}"
        # "Ảnh: A B/TTXVN", "A B - TTXVN", "A /BNEWS/TTXVN"; a photographer's name after the
        # agency's code, "VGP/Quang Hiếu" (a name's syllables after a name's, not a code's)
        rf"(?:/{UPPER_CLASS}{LOWER_CLASS}+(?:[ ](?!(?:Ông|Bà|Đồng|Các)\b){further})?|/{UPPER_CLASS}[\w-]*|(?:[ ]?/[ ]?|[ ]?[-–][ ]?){AGENCY})*\s*\)?"
        rf"|\bẢnh\s+(?:báo\s+{word}(?:\s+{word}){{0,3}}|{UPPER_CLASS}{{2,}}(?:/{UPPER_CLASS}+)?\b)"
        # a paper or a website named after the colon, not closed: "Ảnh: Báo Nam Định Ông A ...",
        # "Ảnh: namdinh.gov.vn Buổi lễ ..." (the paper's name stops where a name's would)
        # (a paper's name may end in a lower-case syllable, "Báo Giao thông", where the next
        # sentence opens after it)
        rf"|\b{credit}\s*:\s*(?:[Bb]áo\s+{word}(?:\s+(?!(?:Ông|Bà|Đồng|Các)\b){further}"
        rf"|\s+{LOWER_CLASS}+(?=\s+{UPPER_CLASS})){{0,3}}|{_WEB_ADDRESS})(?![\w.])"
        rf"|\(\s*(?:{marks})(?:[\s,:][^()]{{0,30}})?\)\.?"),  # "(Ảnh minh họa)", "(ảnh minh họa, nguồn internet)"
        phrases=["(", "Ảnh", "Nguồn ảnh"])


def _may_hold_mark(text: str) -> bool:
    """The cheap test for an illustration mark, which may hold none of _may_hold_credit's words
    ("(Hình minh họa)"): a mark's last two words ("minh họa", "tư liệu"; one alone, "liệu" of
    "số liệu", is in most articles)."""
    return any(words in text for words in _mark_words())


@lru_cache(maxsize=1)
def _mark_words() -> tuple[str, ...]:
    return tuple(sorted({" ".join(mark.split()[-2:]) for mark in datafiles.load("layout")["illustration_marks"]}))


def _may_hold_credit(text: str) -> bool:
    """The cheap test before the credit pattern: every credit holds "Ảnh", "(ảnh", "Nguồn ảnh"
    or "(Nguồn"."""
    return "Ảnh" in text or "(ảnh" in text or "( ảnh" in text or "Nguồn ảnh" in text or "(Nguồn" in text \
        or "( Nguồn" in text


@lru_cache(maxsize=1)
def _figure() -> re.Pattern[str]:
    """A figure a statistic gives: "5,1%", "3 tỷ đồng", "120 triệu USD" (data/layout.yaml figure_units)."""
    return re.compile(rf"\d(?:[\d.,]*\d)?\s*(?:%|{alternation(datafiles.load('layout')['figure_units'])}(?!\w))")


def split_inline_captions(text: str) -> tuple[list[str], list[str]]:
    """Body text run together with captions (aggregator exports): "... hội nghị.
    Đồng chí X phát biểu. Ảnh: Y Trong năm ..." -> body pieces and captions.

    The caption is the sentence just before the credit; the credit itself is dropped.
    """
    may_hold_mark = _may_hold_mark(text)
    if not (_may_hold_credit(text) or may_hold_mark) or not _inline_credit().search(text):
        return [text], []
    body: list[str] = []
    captions: list[str] = []
    pending: list[str] = []
    figure = _figure()  # (compiled on the first credit, not the first source's)
    for sentence in sentences(text):
        match = _inline_credit().search(sentence) \
            if _may_hold_credit(sentence) or may_hold_mark and _may_hold_mark(sentence) else None
        if match and match["source"] and (figure.search(sentence[:match.start()] or (pending[-1] if pending else ""))
                                          or not SENTENCE_MARK.search(sentence, match.end())):
            # "GDP tăng 5,1% (Nguồn: Tổng cục Thống kê)": a figure's source, in the text; "...
            # gia đình. (Nguồn: Sina) Quỳnh Anh / Theo X" at the text's end: the text's own source
            match = None
        if not match:
            pending.append(sentence)
            continue
        # "(Ảnh X). Sau đó"; "Ba ôtô bị nạn - Ảnh: X": the dash before the credit is the credit's
        before, after = sentence[:match.start()].rstrip(" -–—").strip(), sentence[match.end():].lstrip(" .,;").strip()
        if before:
            captions.append(before)
        elif pending:
            captions.append(pending.pop())
        if pending:
            body.append(" ".join(pending))
        pending = [after] if after else []
    if pending:
        body.append(" ".join(pending))
    return body, captions


OPENING_CAPTION_WORDS = (3, 45)  # a photo's caption opening a paragraph before a dateline
OPENING_CAPTION_REACH = 400  # characters: 45 words and the dateline
# a sentence ended ("... đổ rác. Chiều 5/6, ...": the report's first sentence, then its
# next), or one that introduces what follows ("Vụ việc được xác định:")
_OPENING_NOT_CAPTION_ENDS = (".", "!", "?", "…", ":", ";")


@lru_cache(maxsize=1)
def _dateline() -> tuple[tuple[str, ...], re.Pattern[str]]:
    """The openings of data/layout.yaml marked `dateline`, a report's first words ("Chiều
    28/6"): their first words, found with str.find (a pattern tried at each character of a
    paragraph's opening cost as much as the rest of its reading), and the whole opening."""
    openers = [o for o in datafiles.load("layout")["glued_sentence_openers"] if o.get("dateline")]
    words = tuple(word for o in openers for word in o["words"])
    return words, re.compile("|".join(map(opener_pattern, openers)))


def _first_dateline(text: str) -> re.Match[str] | None:
    """The first dateline after a space in the text's opening (OPENING_CAPTION_REACH)."""
    words, pattern = _dateline()
    found: list[re.Match[str]] = []
    for word in words:
        at = text.find(word, 1, OPENING_CAPTION_REACH)
        while at != -1 and not (text[at - 1] == " " and (match := pattern.match(text, at))):
            at = text.find(word, at + 1, OPENING_CAPTION_REACH)
        if at != -1:
            found.append(match)
    return min(found, key=lambda match: match.start(), default=None)


@lru_cache(maxsize=1)
def _opens_a_sentence() -> re.Pattern[str]:
    """data/layout.yaml's opening_caption_not_starts: a paragraph's opening that is a sentence."""
    return re.compile(rf"{alternation(datafiles.load('layout')['opening_caption_not_starts'])}(?!\w)")


def split_opening_caption(text: str) -> tuple[str, str | None]:
    """A paragraph of an export that opens with the top photo's caption run into the report's
    dateline: "Quang cảnh phiên xét xử tại TAND huyện Chiều 16/5, TAND huyện ..." -> the
    report from its dateline, and the caption. What stands before the dateline reads as no
    sentence: it ends none (a report's first sentence ends before another's dateline; a stop
    inside a word, "TP.HCM", ends none)."""
    opens_a_sentence = _opens_a_sentence()  # (compiled on the first paragraph read, not the first caption found)
    found = _first_dateline(text)
    if found is None:
        return text, None
    opening = text[:found.start()].strip()
    low, high = OPENING_CAPTION_WORDS
    if _SENTENCE_END.search(opening) or opening.endswith(_OPENING_NOT_CAPTION_ENDS) \
            or opens_a_sentence.match(opening) or not low <= count_words(opening, high + 1) <= high:
        return text, None
    return text[found.start():], opening


@lru_cache(maxsize=1)
def _glued_opener() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The sure sentence openings of data/layout.yaml: a pattern of their opening words
    alone (plain capitalised literals, which `re` scans for fast), the whole opening, and
    the whole of those sure after any word (`after: any`), tried only where those words
    stand. (The word before is checked by _glue_points: a pattern that opened with a
    lookbehind would be tried at every character.)"""
    openers = datafiles.load("layout")["glued_sentence_openers"]

    def whole(chosen: list[dict]) -> re.Pattern[str]:
        return re.compile("|".join(map(opener_pattern, chosen)) or "(?!)")
    words = re.compile(alternation([word for o in openers for word in o["words"]]))
    return words, whole(openers), whole([o for o in openers if o.get("after") == "any"])


_LOWER_OR_DIGIT = re.compile(rf"{LOWER_CLASS}|\d")


@lru_cache(maxsize=1)
def _person_cues() -> tuple[str, ...]:
    """data/names.yaml's person_cues in lower case, each after a space ("ông", "đồng chí")."""
    return tuple(sorted({" " + cue.lower() for cue in datafiles.load("names")["person_cues"]}))


def _after_person_cue(text: str, end: int) -> bool:
    """Whether text[:end] ends with a person's cue, so that the word after it is a name's,
    never a sentence's first ("ông Để", not "báo chí Trước đó")."""
    return (" " + text[max(0, end - 12):end].lower()).endswith(_person_cues())


PHOTO_POSITION_REACH = 40  # characters: "(thứ hai từ phải sang)" and the space after it


def _glue_points(text: str) -> list[int]:
    """Where a sure sentence opening follows a space and a lower-case word or a number (or
    any word, for the openings sure after any), after the text's start: the places a
    caption may have been run into the next sentence."""
    words, whole, after_any = _glued_opener()
    points = []
    for found in words.finditer(text, 1):
        at = found.start()
        if at < 2 or text[at - 1] != " " or not (text[at - 2].isalnum() or (
                text[at - 2] == ")" and _cues().photo_position.search(text, max(0, at - PHOTO_POSITION_REACH), at))):
            continue  # (a bracket saying where people stand may close the caption: "... ông B (bìa phải) Cũng theo ...")
        word_before = text.rfind(" ", 0, at - 1) + 1  # where the word before begins ("Hai Bà Trưng": "Hai")
        if _after_person_cue(text, at - 1):
            continue  # a name's first syllable: "ông Để", "bà Nhiều"
        if (_LOWER_OR_DIGIT.match(text, word_before) and whole.match(text, at)) or after_any.match(text, at):
            points.append(at)
    return points


def _may_follow_caption(text: str, glue: int) -> bool:
    """Whether the words before `glue` could hold a caption's opening or phrase: a cheap
    test that spares most texts the sentence split (a caption is at most
    CAPTION_MAX_WORDS long, so only that many words are looked at)."""
    before = text[max(0, glue - CAPTION_MAX_CHARACTERS):glue]  # (not the whole text before: many glues in a long one)
    window = " ".join(before.rsplit(None, CAPTION_MAX_WORDS + 1)[-(CAPTION_MAX_WORDS + 1):])
    return any(start + " " in window for start in _cues().caption_starts) \
        or _cues().caption_phrases.search(window) is not None \
        or is_portrait(_SENTENCE_END.split(window)[-1])  # "Nguyên Bí thư Tỉnh ủy X Nguyễn Văn A Chiều nay ..."


def split_glued_captions(text: str) -> tuple[list[str], list[str]]:
    """An export's caption run into the next sentence without a full stop: "Đồng chí X
    phát biểu chào mừng hội nghị Phát biểu chào mừng, ..." -> body pieces and captions.
    Within a sentence, what stands before its first such place is cut off as a caption
    if it reads as one; then what stands before the next, and so on."""
    glues = [g for g in _glue_points(text) if _may_follow_caption(text, g)]  # found once, not per sentence
    if not glues:
        return [text], []
    body: list[str] = []
    captions: list[str] = []
    pending: list[str] = []
    position = 0
    for sentence in sentences(text):
        start = text.find(sentence, position)
        position = start + len(sentence)
        cut = 0  # where the sentence's rest begins, after the captions cut off
        for glue in (g - start for g in glues if start < g < position):
            if glue - cut < 2:
                continue  # no word before it in what is left of the sentence
            if not looks_like_caption(sentence[cut:glue].strip()):
                break
            captions.append(sentence[cut:glue].strip())
            if pending:
                body.append(" ".join(pending))
                pending = []
            cut = glue
        pending.append(sentence[cut:])
    if not captions:
        return [text], []  # as it came: sentences joined again may space it otherwise
    if pending:
        body.append(" ".join(pending))
    return body, captions


def is_run_in_caption(sentence: str) -> bool:
    """A sentence of an export's run-on body that is a photo's caption by itself: short, one
    clause, opening like a caption, and either very short or saying what a photo shows
    ("Toàn cảnh Hội nghị.", "Đồng chí X phát biểu tại Hội nghị.", "Các đại biểu chụp ảnh
    lưu niệm."), or one that says where people stand in the photo ("(bìa trái)"). An
    article's own sentence that opens so goes on with a clause or a figure."""
    if is_portrait(sentence):  # "Phó Chủ tịch nước Nguyễn Thị A."
        return True
    if _cues().photo_position.search(sentence):  # "... Nguyễn Văn A (bìa trái), Lê Văn B (bìa phải)."
        return count_words(sentence, POSITION_CAPTION_MAX_WORDS + 1) <= POSITION_CAPTION_MAX_WORDS
    words = count_words(sentence, RUN_IN_CAPTION_MAX_WORDS + 1)
    if words > RUN_IN_CAPTION_MAX_WORDS or _CLAUSE_MARKS.search(sentence) or not _opens_like_caption(sentence):
        return False
    return (words <= SHORT_CAPTION_MAX_WORDS or _cues().caption_phrases.search(sentence) is not None) \
        and not _cues().reported_speech.search(sentence)  # "Ông A nói rằng ...": what one said


def split_caption_sentences(text: str) -> tuple[list[str], list[str]]:
    """An export's run-on body with captions as sentences of their own -> body pieces and
    captions (see is_run_in_caption)."""
    if not (text.startswith(_cues().caption_starts) or _cues().after_sentence_end.search(text)
            or _cues().photo_position.search(text)
            or (text.startswith(_cues().portrait_starts) and is_portrait(sentences(text)[0]))):
        return [text], []  # the cheap tests first: most bodies have none of these
    parts = sentences(text)
    flags = [is_run_in_caption(part) for part in parts]
    if len(parts) < 2 or not any(flags):
        return [text], []
    body: list[str] = []
    captions: list[str] = []
    pending: list[str] = []
    for sentence, is_caption in zip(parts, flags):
        if is_caption:
            captions.append(sentence.strip())
            if pending:
                body.append(" ".join(pending))
            pending = []
        else:
            pending.append(sentence)
    if pending:
        body.append(" ".join(pending))
    return body, captions


def word_pairs(text: str) -> set[tuple[str, str]]:
    """The text's pairs of neighbouring words, in lower case. (Not folded: a restatement
    repeats the words as printed, and folding each sentence cost more than the rest of
    the layout.)"""
    words = _WORDS.findall(text.lower())
    return set(zip(words, words[1:]))


def _restates(pairs: set[tuple[str, str]], other: str) -> bool:
    return len(pairs & word_pairs(other)) >= RESTATED * len(pairs)


TOP_CAPTION_PROBES = 3  # word pairs of the sentence looked for first, as plain substrings


def _probes(sentence: str) -> list[str]:
    """A few pairs of neighbouring words of the sentence, spread over it, as printed in
    lower case: a restatement holds most of them, and looking for a substring is cheaper
    than reading a sentence's pairs."""
    words = sentence.lower().split()
    alphanumeric = [word.isalnum() for word in words]
    pairs = [i for i in range(len(words) - 1) if alphanumeric[i] and alphanumeric[i + 1]]
    step = max(1, len(pairs) // TOP_CAPTION_PROBES)
    return [f"{words[i]} {words[i + 1]}" for i in pairs[::step][:TOP_CAPTION_PROBES]]


def _holds_probes(text: str, probes: list[str]) -> bool:
    return sum(map(text.lower().__contains__, probes)) >= len(probes) - 1


def split_top_caption(text: str, above: list[str]) -> tuple[str, str | None]:
    """The body's first paragraph after the lead, without the top photo's caption an export
    runs into its start: a first sentence that restates the headline, the lead (`above`) or
    one of the next sentences, four fifths of its word pairs found there ("Tổng Bí thư
    đánh giá: việc X đã được chuẩn bị chu đáo." before "... Việc X đã được chuẩn bị chu
    đáo, ..."). Returns the rest and the caption; a sentence that repeats the lead whole
    is dropped, no caption."""
    low, high = TOP_CAPTION_WORDS
    head = sentences(text)[:TOP_CAPTION_LOOK_AHEAD + 1]
    if len(head) < 2 or not low <= count_words(head[0], high + 1) <= high:
        return text, None
    shortest = RESTATED * len(head[0]) / 2  # (a text too short to hold the pairs is not read)
    probes = _probes(head[0])
    held = [other for other in [*above, *head[1:]] if len(other) >= shortest and _holds_probes(other, probes)]
    pairs = word_pairs(head[0]) if held else set()  # (read only for a sentence that may restate it)
    restated = next((other for other in held if _restates(pairs, other)), None)
    if restated is None:
        return text, None
    rest = text[text.find(head[1], len(head[0])):]
    repeat = restated in above and _restates(word_pairs(restated), head[0])  # the lead printed twice
    return rest, None if repeat else head[0]


def split_each(pieces: list[str], split: Callable[[str], tuple[list[str], list[str]]], captions: list[str]) -> tuple[list[str], list[str]]:
    """Apply a (body, captions) splitter to every piece; captions gathered in order."""
    body: list[str] = []
    captions = list(captions)
    for piece in pieces:
        more_body, more_captions = split(piece)
        body.extend(more_body)
        captions.extend(more_captions)
    return body, captions
