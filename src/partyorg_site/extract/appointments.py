"""Appointments: the personnel decisions an article reports for a named person.

A decision is a verb of one of seven actions (data/appointments.yaml) tied to a person in
one of three ways, then given the post it concerns:
  object    "Bộ Chính trị phân công ông Nguyễn Văn A ...", "bổ nhiệm có thời hạn các ông:
            - Nguyễn Văn B, ..., giữ chức ...; - Trần Văn C, ..."
  subject   "Ông Nguyễn Văn A, Phó Bí thư Tỉnh ủy, được điều động ...", "Nguyễn Văn A thôi
            giữ chức ..."
  chained   a second verb for the same person in the same sentence: "... thôi giữ chức X,
            điều động đến nhận công tác tại Y và bổ nhiệm giữ chức Z"
Only titles, a term, a bracket and a few function words ("đã được", "cho", "đối với") may
stand between the verb and the person, so that a person merely named near a verb ("đồng
chí A yêu cầu làm tốt công tác điều động cán bộ") is never taken for its object.

The post is the title after "giữ chức", "làm", "chức vụ" ... (read by the officials' title
rules), or else the unit after "tại", "vào" (a transfer's destination); the form of a
discipline ("cảnh cáo") is its post. A verb with no post of its own, followed at once by
another ("điều động, bổ nhiệm ... giữ chức X"), shares that one's post.

Not decisions: a verb in a phrase about the work itself ("công tác điều động"), a proposal,
a plan or a candidacy ("đề nghị kỷ luật", "dự kiến bổ nhiệm"), a post held now or before
("hiện giữ chức"), and a career history: a sentence dated to a year before the article's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from typing import Callable, Iterator

from partyorg_site import datafiles
from partyorg_site.extract import careers
from partyorg_site.extract.officials import (PRONOUN_REACH, held_before, is_bare_head, is_personal_name,
                                             place_kind_before, proposed_before, read_post, read_title, title_key,
                                             title_opens_at, titles_of_post, unit_after_name, without_abbreviations)
from partyorg_site.models import Appointment, Official
from partyorg_site.patterns import Anchored, alternation
from partyorg_site.read.sentences import sentence_opening, sentence_spans
from partyorg_site.vietnamese import LOWER_CLASS, UPPER_CLASS, either_case_phrases, fold

_SYLLABLE = rf"{UPPER_CLASS}{LOWER_CLASS}*"
_NAME = rf"{_SYLLABLE}(?:[ ]+{_SYLLABLE}){{1,4}}+(?!\w)"
_TERM = re.compile(r"\s*,?\s*\(?(?:nhiệm kỳ|khóa|khoá)\s+[\dIVXLC]+(?:\s*[-–—]\s*\d+|\s+(?:19|20)\d{2}(?!\d))?\)?")
# (an aside may hold a whole career: "(61 tuổi, nguyên Phó Bí thư Tỉnh ủy, nguyên Chủ tịch HĐND tỉnh ... trước khi hợp nhất)")
_BRACKET = re.compile(r"\s*\([^()]{0,200}\)")
_SPACE_OR_MARK = re.compile(r"[\s,]+|\s*[-–—]\s+")
# A list of the persons decided about opens: "các ông: - A, ...", "gồm 4 đồng chí: A, ...; B, ..."
_LIST_OPEN = re.compile(r"\s*(?:,\s*)?(?:gồm(?:\s+có)?(?:\s+\d{1,2})?(?:\s+(?:đồng chí|ông|bà|cán bộ|người))?\s*)?:\s*(?:[-–—+•]\s*)?")
_ITEM_OPENS = re.compile(r"(?:[;:]|[-–—+•]|,|\svà|\scùng)\s*(?:[-–—+•]\s*)?(?:(?:[ôÔ]ng|[bB]à|[đĐ]ồng chí)\s+)?$")
_VERB_LIST = re.compile(r"\s*(?:,|và|,\s*và)\s*")  # nouns listed: "công tác điều động, luân chuyển"
# Verbs of one decision listed: "điều động, bổ nhiệm", "điều động và bổ nhiệm", or side by side
# ("điều động, phân công chỉ định"); side by side, a noun and a verb are not listed ("hình thức
# kỷ luật buộc thôi việc": the form, then the decision).
_VERBS_LISTED = re.compile(r"\s*(?:,|và|,\s*và)?\s*")
_BORN = re.compile(r"(?<!\w)sinh\s+(?:ngày\s+)?$")
_EFFECTIVE = re.compile(r"(?:kể\s+)?từ\s+(?:ngày\s+)?$|có hiệu lực\s+(?:từ\s+)?(?:ngày\s+)?$")


@dataclass(frozen=True)
class _Rules:
    verbs: Anchored  # any verb of decision (or "giữ chức")
    action_of: dict[str, str]  # lower-cased verb -> action
    not_after: re.Pattern[str]
    performed: re.Pattern[str]  # "tiến hành quy trình": the work noun after it is the decision taken
    not_before: re.Pattern[str]
    persons_of_a_decision: re.Pattern[str]  # "cán bộ", "nhân sự" after a verb ...
    decision_noun_before: re.Pattern[str]  # ... and a decision's noun before it: "các quyết định bổ nhiệm cán bộ"
    undecided_before: re.Pattern[str]
    undecided_in_content: re.Pattern[str]  # ... where the sentence tells a decision's content: not "sẽ"
    content_opener: re.Pattern[str]  # "Theo đó,": the sentence tells what the decision before says
    forms: re.Pattern[str]
    post_opener: re.Pattern[str]
    unit_opener: re.Pattern[str]
    committee_opener: re.Pattern[str]  # "tham gia": a committee joined
    unit_verb_ends: tuple[str, ...]  # " tại", " tham gia": a verb ending in one names its unit after it
    holds: frozenset[str]
    stated: frozenset[str]  # holds, and holds_in_a_clause: a post stated, of the person before it
    stated_in_a_clause: tuple[str, ...]  # holds_in_a_clause, for a substring test first
    held_in_a_clause: re.Pattern[str]  # (sought only after a verb of its sentence: most sentences have none)
    filler: re.Pattern[str]
    body: re.Pattern[str]
    proposal: re.Pattern[str]
    content_future: frozenset[str]  # "sẽ": no proposal in a decision's content
    proposal_compound: re.Pattern[str]  # "chương trình": a word holding a proposal's, no proposal
    proposed_decision: re.Pattern[str]  # "sẽ | ra | quyết định": a decision that is the proposal's object
    on_behalf: re.Pattern[str]  # "thay mặt": the body after it decided
    decision: re.Pattern[str]
    intransitive: frozenset[str]
    need_post: frozenset[str]
    form_words: frozenset[str]
    held_before: re.Pattern[str]
    company: re.Pattern[str]
    annulled: re.Pattern[str]  # "hủy bỏ quyết định": the decision after it is undone
    list_head: re.Pattern[str]  # "Các Phó Bí thư Tỉnh ủy gồm có:": the members a decision gave a post
    count_after_verb: re.Pattern[str]  # "chỉ định | 4 Phó Bí thư là ...": so too, the verb before the count
    count_led_actions: frozenset[str]  # the actions whose verb may lead such a list
    elided_subject: re.Pattern[str]  # "Đồng thời được": a sentence going on with the one before's person
    party_only: frozenset[str]  # "chỉ định": a Party designation, giving Party posts only
    going_on: frozenset[str]  # "chỉ định", "bầu": decisions whose next sentences may state posts they give
    state_decider: re.Pattern[str]  # "Thủ tướng": an authority that gives no Party post
    # "Các ông: A, B, C giữ chức ...", "các đồng chí A, B và C được chỉ định": names listed bare
    # after a plural word and a noun of persons (titles.yaml plural_nouns) are each the verb's subject
    plural_cue: re.Pattern[str]
    session_council: re.Pattern[str]  # "HĐND thành phố Huế khóa VIII tổ chức kỳ họp": whose delegates elect
    party_unit: re.Pattern[str]  # "Tỉnh ủy": a post that names one is a Party post
    state_post: re.Pattern[str]  # ", Chủ tịch UBND phường": a state post in a chain


def _undecided(words: list[str], compounds: list[str]) -> re.Pattern[str]:
    """Any of `words` just before a verb (with "được", "đã", "sẽ", "bị" after it), but as the
    last word of one of `compounds` ("quy trình" holds no "trình": "tiến hành quy trình miễn
    nhiệm ... đối với ông A")."""
    heads = sorted({compound[:-len(word)] for compound in compounds for word in words if compound.endswith(" " + word)})
    not_in_compounds = "".join(f"(?<!{re.escape(head)})" for head in heads)
    return re.compile(r"(?:^|[\s,])" + not_in_compounds + "(?:" + alternation(either_case_phrases(words))
                      + r")(?:\s+(?:được|đã|sẽ|bị))?\s*$")


def _with_lower_case_words(heads: list[str]) -> list[str]:
    """Each head, and as some pages print it, its words after the first in lower case
    ("Ủy ban kiểm tra", "Ban thường vụ"); words in capitals ("UBND") stay as they are."""
    lowered = [" ".join([head.split()[0], *(w if w.isupper() else w.lower() for w in head.split()[1:])]) for head in heads]
    return list(dict.fromkeys([*heads, *lowered]))


def _not_bodies(heads: list[str], not_bodies: list[str]) -> str:
    """A lookahead after a body's head that refuses the names it opens that are no body
    ("Đại hội" of "Đại hội đồng cổ đông"): for each, the head before and the words after."""
    refusals = [rf"(?<={re.escape(head)})\s+{re.escape(name[len(head):].strip())}(?!\w)"
                for name in not_bodies for head in heads if name.startswith(head + " ")]
    return f"(?!{'|'.join(refusals)})" if refusals else ""


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    table = datafiles.load("appointments")
    action_of = {verb.lower(): action for action, verbs in table["actions"].items() for verb in verbs}
    counters = "(?:" + alternation(either_case_phrases([*table["list_counters"], *datafiles.load("titles")["plural_before"]])) + \
        r"|\d{1,2})"
    holds = frozenset(table["holds"])
    stated = holds | frozenset(table["holds_in_a_clause"])
    all_verbs = [*action_of, *holds]
    return _Rules(
        verbs=Anchored(re.compile(alternation(either_case_phrases(all_verbs), not_after=r"\w") + r"(?!\w)"), all_verbs),
        action_of=action_of,
        not_after=re.compile(r"(?:^|\s)(?:" + alternation(either_case_phrases(table["not_after"])) + r")\s*$"),
        performed=re.compile(r"(?<!\w)(?:" + alternation(table["performed_work"]["verbs"]) + r")\s+(?:"
                             + alternation(table["performed_work"]["nouns"]) + r")\s*$"),
        not_before=re.compile(r"\s+(?:" + alternation(table["not_before"]) + r")(?!\w)"),
        persons_of_a_decision=re.compile(r"\s+(?:" + alternation(table["persons_of_a_decision"]) + r")(?!\w)"),
        decision_noun_before=re.compile(r"(?<!\w)(?:" + alternation(table["decision_nouns"]) + r")\s+(?:về việc\s+)?$"),
        undecided_before=_undecided(table["undecided_before"], table["proposal_compounds"]),
        undecided_in_content=_undecided([w for w in table["undecided_before"] if w not in table["content_future"]],
                                        table["proposal_compounds"]),
        content_opener=re.compile(r"\s*(?:" + alternation(table["content_openers"]) + r")\s*,"),
        forms=re.compile(alternation(either_case_phrases(table["discipline_forms"]), not_after=r"\w") + r"(?!\w)"),
        post_opener=re.compile(r"\s*(?:" + alternation(table["post_openers"]) + r")\s+"),
        unit_opener=re.compile(r"\s*(?:(?:đến|về)\s+)?(?:nhận\s+)?(?:công\s+tác\s+)?(?:"
                               + alternation(table["unit_openers"]) + r")\s+(?=" + UPPER_CLASS + ")"),
        committee_opener=re.compile(r"\s(?:" + alternation(table["committee_openers"]) + r")\s+(?=" + UPPER_CLASS + ")"),
        unit_verb_ends=tuple(f" {opener}" for opener in [*table["unit_openers"], *table["committee_openers"]]),
        holds=holds,
        stated=stated,
        stated_in_a_clause=tuple(table["holds_in_a_clause"]),
        held_in_a_clause=re.compile(r"(?<!\w)(?:" + alternation(table["holds_in_a_clause"]) + r")(?=\s)"),
        filler=re.compile(r"\s*(?:" + alternation(table["filler_words"]) + r")(?!\w)"
                          r"(?![ ]+(?:" + alternation(table["filler_not_before"]) + r")(?!\w))\s*"),
        body=re.compile(r"(?:" + alternation(_with_lower_case_words(table["body_heads"])) + r")(?!\w)"
                        + _not_bodies(table["body_heads"], table["not_bodies"])),
        proposal=re.compile(alternation(either_case_phrases(table["proposals"]), not_after=r"\w") + r"(?!\w)"),
        content_future=frozenset(table["content_future"]),
        # (the cues titles.yaml lists for a principal's title: "thay mặt", "thừa ủy quyền", ...)
        on_behalf=re.compile(r"(?<!\w)(?:" + alternation(either_case_phrases(datafiles.load("titles")["principal_cues"]))
                             + r")\s+"),
        proposal_compound=re.compile(alternation(either_case_phrases(table["proposal_compounds"]), not_after=r"\w") + r"(?!\w)"),
        need_post=frozenset(table["need_post"]),
        form_words=frozenset(form.lower() for form in table["discipline_forms"]),
        held_before=re.compile(r"(?:^|\s)(?:" + alternation(either_case_phrases(table["held_before"])) + r")\s*$"),
        intransitive=frozenset(v.lower() for v in [*table["intransitive"], *stated]),
        company=re.compile(alternation(table["company_words"], not_after=r"\w") + r"(?!\w)"),
        decision=re.compile(alternation(either_case_phrases(table["decisions"]), not_after=r"\w") + r"(?!\w)"),
        proposed_decision=re.compile(r"\s*(?:(?:" + alternation(table["proposed_decision_verbs"]) + r")\s+)?"),
        annulled=re.compile(r"(?<!\w)(?:" + alternation(either_case_phrases(table["annulling"])) + r")\s+(?:số\s+\S+\s+)?(?:về\s+việc\s+)?$"),
        list_head=re.compile(r"(?:^|(?<=[.;:\n]))\s*" + counters + r"\s+(?=" + UPPER_CLASS + ")"),
        count_after_verb=re.compile(r"\s+" + counters + r"\s+(?=" + UPPER_CLASS + ")"),
        count_led_actions=frozenset(table["count_led_actions"]),
        elided_subject=re.compile(r"\s*(?:(?:" + alternation(table["elided_subject_openers"]) + r")\s*,?\s*)*"
                                  r"(?:được|bị)?\s*", re.IGNORECASE),
        party_only=frozenset(table["party_only_actions"]),
        going_on=frozenset(table["actions_going_on_over_posts"]),
        session_council=re.compile(rf"(?P<council>(?:{alternation(table['session']['councils'])})\s+[^,.;:\n]{{1,40}}?)"
                                   rf"(?:\s+kh[oó]a\s+[IVXLC\d]+)?\s+(?:đã\s+)?(?:{alternation(table['session']['held'])})(?!\w)"),
        plural_cue=re.compile(rf"(?<!\w)(?:[Cc]ác|[Nn]hững)\s+(?:{alternation(datafiles.load('titles')['plural_nouns'])})"
                              r"(?:\s*(?:,|và)\s*(?:ông|bà))?\s*:?\s*$"),
        state_decider=re.compile(rf"(?:{alternation(table['state_deciders'])})(?!\w)"),
        party_unit=re.compile(rf"(?<!\w)(?:{alternation(table['party_units'])})(?!\w)", re.IGNORECASE),
        state_post=re.compile(r"\s*[,;]\s*(?:Phó\s+)?[cC]hủ\s+tịch\s+(?:" + alternation(table["state_bodies"]) + r")(?!\w)"),
    )


@dataclass
class _Verb:
    action: str | None  # None: "giữ chức", a post stated
    start: int
    end: int
    text: str


@dataclass
class _Person:
    name: str
    start: int
    end: int
    # where the post of the group listing this person is printed, when it is not the verb's:
    # "bầu ông A làm Chủ tịch và hai Phó Chủ tịch là ông B, bà C" (B's and C's)
    group_post: int | None = field(default=None, compare=False)


def find_appointments(text: str, officials: list[Official], when: str | int | None = None) -> list[Appointment]:
    """Every decision reported in `text` for a named person, one per person and action, in
    order of first mention. `when`, the article's date (YYYY[-MM[-DD]]) or year: a sentence
    dated well before it tells a career."""
    rules = _rules()
    reference = careers.reference(when)
    lead_body: list[str | None] = []  # read once, where a decision names no body of its own
    matches = list(rules.verbs.finditer(text))
    if not matches:
        return []  # most articles: one scan says so
    found: dict[tuple[str, str], Appointment] = {}
    held: list[Appointment] = []
    carried: list[_Person] = []  # the person last decided about, for a next sentence that names nobody
    last_end = 0
    unnamed: str | None = None  # the action of a decision the sentence before reported for nobody named
    # each such decision: where its sentence ends, its action, where to read its body
    unnamed_at: list[tuple[int, str, Callable[[], str | None] | None]] = []
    # ... and every action of each such sentence ("đã ký các quyết định điều động, bổ nhiệm 4 lãnh đạo")
    unnamed_actions: list[tuple[int, frozenset[str], Callable[[], str | None] | None]] = []
    held_actions: list[str | None] = []
    # where to read the body of each such decision the sentence before reported (read only for
    # the posts it gives: most sentences' verbs give none)
    held_bodies: list[Callable[[], str | None] | None] = []
    unnamed_by: Callable[[], str | None] | None = None  # the body that made the decision of `unnamed`
    unnamed_form: str | None = None  # its form, where it is a discipline's ("khiển trách đối với 2 cán bộ")
    header_by: str | None = None  # the body the last list's header named, for its items that open with their verb
    # a post-less decision whose verb is listed with the next ("điều động, phân công chỉ định"
    # where the text is cut before the post) -> the next verb's action: the person's decision
    # of that action elsewhere in the article gives the post ("được chỉ định làm Bí thư ...")
    shares_post: dict[tuple[str, str], str] = {}  # (person, action) -> the listed verb's action
    # the one decision, of an action that goes on over posts stated next, that the sentence
    # before reported for the persons it named: its action and body
    going_on: tuple[str, str | None] | None = None
    # where each sentence of such decisions for persons named ends, its action and body: a list
    # under a post may follow it ("... đã bầu ông A giữ chức Bí thư. Phó Bí thư ... gồm: ông B, ...")
    elected_before: list[tuple[int, Appointment]] = []
    for start, end in _sentences(text, [m.start() for m in matches]):
        in_sentence = [m for m in matches if start <= m.start() < end]
        if "\n" in text[last_end:start]:
            carried = []  # only within a paragraph
            if not _in_list_item(text, start):
                going_on = None  # ... or over the items of its list
        last_end = end
        if not in_sentence or careers.dates_a_career(text[start:end], reference):
            carried, unnamed, unnamed_by, unnamed_form = [], None, None, None
            if not _ITEM_MARK.fullmatch(text, start, end):
                going_on = None  # (an item's number stands apart: "2.")
            continue
        people = _people(text, start, end, officials)
        verbs_and_clauses = _with_clauses_held(text, in_sentence, end)
        decided: list[_Person] = []
        stated = False  # the sentence states a post held under the decision before it
        sentence_decisions: list[Appointment] = []
        for appointment in _decisions(text, start, end, people, verbs_and_clauses, carried, shares_post,
                                      partial(_named_last, text, start, officials)):
            if appointment.action == "":  # a post stated, not decided
                held.append(appointment)
                if unnamed is None and going_on is not None:
                    # "... chỉ định ông A giữ chức Bí thư. Đại tá B, Chính ủy, giữ chức Phó Bí thư";
                    # "đã bầu: 1. Ông A được bầu giữ chức Bí thư. 2. Ông B tiếp tục giữ chức Phó Bí thư"
                    held_actions.append(going_on[0])
                    held_bodies.append(_named_already(going_on[1]))
                else:
                    held_actions.append(unnamed)
                    held_bodies.append(unnamed_by if unnamed else None)
                stated = stated or unnamed is not None or going_on is not None
                continue
            sentence_decisions.append(appointment)
            if appointment.action == "kỷ luật" and appointment.post is None and unnamed == "kỷ luật":
                # "... kỷ luật bằng hình thức khiển trách đối với 2 cán bộ. 2 cán bộ bị kỷ luật gồm: ông A, ..."
                appointment.post = unnamed_form
            if appointment.span:
                decided = [_Person(appointment.name, *appointment.span)]
            if appointment.by is None:  # "công bố các quyết định của Ban Thường vụ ..." in the lead
                lead_body = lead_body or [_decided_by(text, 0, _lead_end(text))]
                item = header_by and (_LIST_ITEM_OPENS.fullmatch(text, start, in_sentence[0].start())
                                      or _in_list_item(text, start))
                if item:
                    appointment.by = header_by
                elif appointment.action != "bầu" or _APPROVAL in text[:_lead_end(text)]:
                    # (not an election's: a body whose decisions the lead announces elects no
                    # one, "quyết định của Bộ Chính trị" over "Ông A được bầu làm Bí thư", but
                    # where it approves one, "quyết định chuẩn y")
                    appointment.by, appointment.by_from_lead = lead_body[0], True
            key = (fold(appointment.name), appointment.action)
            known = found.get(key)
            if known is None:
                found[key] = appointment
                continue
            if appointment.post and (known.post is None or fold(appointment.post).startswith(fold(known.post) + " ")
                                     or (title_opens_at(appointment.post, 0) and not title_opens_at(known.post, 0)
                                         and known.span is not None and known.span[0] >= start)):
                # "nhận nhiệm vụ Phó Trưởng ban", then "... Phó Trưởng Ban Kinh tế"; "thôi tham gia Ban
                # Chấp hành, Ban Thường vụ và thôi giữ chức Phó Bí thư Tỉnh ủy": the title, not the committees
                known.post = appointment.post
            # a decision first told bare (a caption's, a lead's summary), then in full: the body the
            # fuller mention names ("Quyết định của Ban Bí thư ..."). (Not its date: a person's second
            # decision of the same action, the State's after the Party's, is often another day's.)
            # The body a sentence names outranks the lead's, which a bare first mention took ("Bà A
            # tái đắc cử Bí thư" under a lead on "quyết định của Bộ Chính trị", then "Ban Chấp hành
            # ... đã bầu bà A").
            if appointment.by and (known.by is None or (known.by_from_lead and not appointment.by_from_lead)):
                known.by, known.by_from_lead = appointment.by, appointment.by_from_lead
        carried = decided
        if sentence_decisions:
            actions = {a.action for a in sentence_decisions}
            going_on = (sentence_decisions[-1].action, sentence_decisions[-1].by) \
                if len(actions) == 1 and actions <= rules.going_on else None
            if going_on is not None:
                elected_before.append((end, sentence_decisions[-1]))
        elif not stated:
            going_on = None
        header = text[start:end].rstrip().endswith(":")  # "công bố các Quyết định của Chủ tịch nước ..., bao gồm:"
        acting = [v for v in _verbs(text, start, in_sentence) if v.action] if header or not decided else []
        if header:
            # the body of the items listed after it, or the subject of its verb ("Ban Chấp hành
            # Đảng bộ tỉnh đã bầu: 1. Ông A ... được bầu giữ chức Bí thư Tỉnh ủy. 2. ...")
            header_by = _decided_by(text, start, end) or (_body(text, start, acting[-1], people) if acting else None)
        # "công bố quyết định chỉ định Ban Chấp hành ... Theo đó, ông A giữ chức Bí thư": the post
        # stated next is given by that decision
        verbs = [] if decided else acting
        if verbs and _CUED_AFTER.match(text, verbs[-1].end):
            verbs = []  # "Với quyết định bổ nhiệm ông Thăng lần này, ...": a person named, by a short name
        if verbs or not stated:  # ("Cụ thể, bà A giữ chức X. Bà B giữ chức Y.": the decision goes on over its items)
            unnamed = verbs[-1].action if verbs else None
            unnamed_by = partial(_body_of_sentence, text, start, end, verbs[-1], people) if verbs else None
            unnamed_form = _discipline_form(text, verbs[-1], end) if unnamed == "kỷ luật" else None
        if unnamed:
            unnamed_at.append((end, unnamed, unnamed_by))
            if verbs and not _goes_on_unnamed(text, start, verbs[-1]):
                unnamed_actions.append((end, frozenset(v.action for v in verbs), unnamed_by))
    named = {fold(a.name) for a in found.values()}
    officials_named = {fold(o.name) for o in officials}
    for appointment, action, body in zip(held, held_actions, held_bodies):
        # "Ông A giữ chức X" of a person with no decision reported: appointed, or given the post by
        # the decision the sentence before reported for nobody named ("quyết định chỉ định Ban Chấp hành")
        key = (fold(appointment.name), action or "bổ nhiệm")
        if fold(appointment.name) not in named and key not in found:
            appointment.action = key[1]
            appointment.by = appointment.by or (body and body())  # "Ban Thường vụ Tỉnh ủy đã bầu: 1. Đồng chí A giữ chức X."
            appointment.rule = f"'giữ chức' under the decision of '{action}' before it" if action else \
                "'giữ chức' with no other decision for the person"
            found[key] = appointment
    for appointment, body in _listed_members(text, officials, unnamed_at, matches, elected_before):
        key = (fold(appointment.name), appointment.action)
        if fold(appointment.name) not in named and key not in found:
            if body is None:  # "Bốn Phó Bí thư được chỉ định gồm: ...", the decision's body in the lead
                lead_body = lead_body or [_decided_by(text, 0, _lead_end(text))]
            appointment.by = body() if body else lead_body[0]
            found[key] = appointment
    for (name, action), listed_with in shares_post.items():
        appointment, partner = found.get((name, action)), found.get((name, listed_with))
        if appointment and appointment.post is None and partner and partner.post \
                and (action in _GAINING) == (listed_with in _GAINING):
            # the post the verb listed with it gives the person elsewhere; never a post gained as
            # the one let go ("được miễn nhiệm để nhận nhiệm vụ mới ... giữ chức Phó Bí thư")
            appointment.post = partner.post
    _posts_of_the_same_decision(found)
    kept = [a for a in found.values() if _of_an_official(a, officials_named)]
    barriers = [a.span[0] for a in found.values() if a.by and a.span]
    decided_at = [a.span[0] for a in found.values() if a.span]  # (for a sentence that opens with its verb)
    for appointment in kept:
        if appointment.post:
            appointment.post = without_abbreviations(appointment.post)  # as the person's titles are
        if appointment.post and appointment.action in rules.party_only:
            appointment.post = _party_posts(appointment.post)
        if appointment.by is None and appointment.span:
            appointment.by = _decider_before(text, unnamed_actions, appointment,
                                             barriers if appointment.passive else decided_at)
            if appointment.by:
                appointment.rule += "; its body, that of the decisions reported before for nobody named"
        if appointment.by is None and appointment.span:
            appointment.by = _decider_of_the_decision_before(text, appointment, kept)
        if appointment.by is None and appointment.action == "bầu" and appointment.span:
            appointment.by = _session_council(text, appointment.span[0], appointment.passive)
        if appointment.by and appointment.post and rules.state_decider.match(appointment.by) \
                and rules.party_unit.search(appointment.post):
            appointment.by = None  # a state authority's, read from elsewhere: it gives no Party post
    return sorted(kept, key=lambda a: a.span[0] if a.span else 0)


_GAINING = ("bổ nhiệm", "bầu", "chỉ định", "điều động")  # the actions that give a person a post


DECIDER_REACH = 1500  # characters from a decision reported for nobody named to a person it is carried to


def _decider_before(text: str, reported: list[tuple[int, frozenset[str], Callable[[], str | None] | None]],
                    appointment: Appointment, barriers: list[int]) -> str | None:
    """The body that made the decisions an earlier sentence reported for nobody named, of
    the appointment's action: the decider of a person's decision told after it in the
    passive, with no agent ("Chủ tịch UBND tỉnh đã ký các quyết định điều động, bổ nhiệm 4
    lãnh đạo sở. ... Ông A được bổ nhiệm giữ chức Giám đốc Sở Xây dựng"; "phiên họp thứ
    nhất Ban Chấp hành Đảng bộ tỉnh đã bầu các chức danh ... Ông B tiếp tục được bầu giữ
    chức Bí thư Tỉnh ủy"). The nearest such sentence before the person is named, within
    DECIDER_REACH, with no decision of a named body told between (`barriers`: where those
    persons stand). Only for a person who is the passive subject of a verb that takes an
    object ("A được bổ nhiệm", "B bị khai trừ"), or named after a verb that opens its
    sentence or list item with no subject ("Cụ thể: 1. Bổ nhiệm ông A ..."; then any
    decision told between, of a body named or not, is a barrier: that decision's body is
    the sentence's, _decider_of_the_decision_before): one named after another active verb
    has the verb's own subject, found or not, and "A thôi giữ chức" may be A's own doing."""
    assert appointment.span is not None
    if not appointment.passive and _opening_with_its_verb(text, appointment.span[0]) is None:
        return None
    for end, actions, body in reversed(reported):
        if end <= appointment.span[0] and appointment.action in actions:
            if appointment.span[0] - end > DECIDER_REACH or any(end <= at < appointment.span[0] for at in barriers):
                return None  # too far, or another body's decision told between
            return body() if body else None
    return None


# A sentence that goes on with the decisions told before, its persons counted and the verb passive
# with no agent: "Theo đó, 15 nhân sự được bầu vào Ban Thường vụ" after "Ban Chấp hành ... bầu
# Ban Thường vụ, Bí thư ...": it reports no decision of its own, whose body would be none
_GOES_ON_UNNAMED = re.compile(r"(?:(?:Theo đó|Trong đó|Cụ thể)\s*,\s*)?\d{1,3}\s+[^\W\d]+(?:\s+[^\W\d]+)?\s+(?:(?:đã\s+)?(?:được|bị)\s+)?")


def _goes_on_unnamed(text: str, start: int, verb: _Verb) -> bool:
    return _GOES_ON_UNNAMED.fullmatch(text, start, verb.start) is not None and bool(_PASSIVE.search(text, start, verb.end))


@lru_cache(maxsize=1)
def _continuing() -> re.Pattern[str]:
    """What may open a sentence before its verb, where the sentence goes on with the decisions
    told before (data/appointments.yaml continuing_openers: "Đồng thời, ...", "Theo đó, ..."),
    and a reception, which the appointment after it completes ("Tiếp nhận và bổ nhiệm ông B")."""
    openers = alternation(datafiles.load("appointments")["continuing_openers"])
    return re.compile(rf"(?:(?:{openers})\s*,?\s+)?(?:[Tt]iếp nhận và\s+)?")


def _decider_of_the_decision_before(text: str, appointment: Appointment, kept: list[Appointment]) -> str | None:
    """The body of the decision told just before, for a sentence that opens with its verb and
    names no subject: a list of one body's decisions, each in a sentence of its own ("Chủ
    tịch UBND tỉnh đã bổ nhiệm lại ông A giữ chức X. Bổ nhiệm lại ông B giữ chức Y.").
    The nearest earlier decision's body (none where it has none), within DECIDER_REACH."""
    assert appointment.span is not None
    opening = _opening_with_its_verb(text, appointment.span[0])
    if opening is None:
        return None
    before = [a for a in kept if a.span and opening - DECIDER_REACH <= a.span[0] < opening]
    return max(before, key=lambda a: a.span[0]).by if before else None  # (none where the nearest has none)


def _opening_with_its_verb(text: str, at: int) -> int | None:
    """Where the sentence holding text[at] opens, where it opens with a verb of decision
    before `at` and names no subject ("Bổ nhiệm lại ông B ...", "Đồng thời, điều động ông
    C ...", a list's item "1. Bổ nhiệm ông A ..."); else None."""
    opening = sentence_opening(text, at)
    verb_at = _continuing().match(text, _LIST_ITEM_OPENS.match(text, opening).end()).end()
    verb = _rules().verbs.match(text, verb_at)
    if verb is None or verb.end() > at or (verb_at == opening and not text[verb_at].isupper()):
        return None  # (a verb in lower case opens no sentence: the text's stop was lost before it)
    return opening


def _session_council(text: str, at: int, passive: bool = False) -> str | None:
    """The council whose delegates elect in the sentence holding text[at] ("các đại biểu đã bầu
    ông A"), or who is elected there with no agent named (`passive`: "Với 30/30 phiếu, ông A
    đã được bầu giữ chức Chủ tịch UBND huyện"), where its paragraph opens on that council
    holding its session ("Chiều 18/11, HĐND thành phố Huế khóa VIII tổ chức kỳ họp chuyên đề
    ..."): the election's body."""
    opening = sentence_opening(text, at)
    if not passive and "đại biểu" not in text[opening:at]:
        return None
    found = _rules().session_council.search(text, text.rfind("\n", 0, at) + 1, opening)
    return " ".join(found["council"].split()) if found else None
_ENDS_IN_POST_OPENER = (" làm", " giữ chức", " nhận nhiệm vụ", " chức", " chức vụ", " chức danh")


def _posts_of_the_same_decision(found: dict[tuple[str, str], Appointment]) -> None:
    """A post-less decision that gives a person a post ("trao quyết định bổ nhiệm cho ông A"),
    where the article names one post that person gains by another of its decisions ("ông A
    được chỉ định ... nhận nhiệm vụ Bí thư Quận ủy X"): the one post is that decision's too.
    (Two posts gained, or none, leave it without one.)"""
    posts: dict[str, set[str]] = {}
    for (name, action), appointment in found.items():
        if action in _GAINING and appointment.post:
            posts.setdefault(name, set()).add(appointment.post)
    for (name, action), appointment in found.items():
        if action in _GAINING and appointment.post is None and len(posts.get(name, ())) == 1:
            appointment.post = next(iter(posts[name]))


# After a verb-led count ("chỉ định 4 Phó Bí thư"), "là" opens the members too.
_MEMBERS_NAMED = re.compile(r"\s*,?\s*(?:nhiệm kỳ\s+(?:mới|[\d\s–—-]+)\s*)?,?\s*(?:gồm(?:\s+có)?|là)\s*:?\s*"
                            r"(?=(?:các\s+)?(?:ông|bà|đồng chí)[\s:,]|" + UPPER_CLASS + ")"
                            r"(?:các\s+(?:ông|bà|đồng chí)(?:\s*,\s*bà)?\s*:?\s*)?")
_MEMBERS_FOLLOW = re.compile(r"\s*,?\s*(?:nhiệm kỳ\s+(?:mới|[\d\s–—-]+)\s*)?(?:(?:đã\s+)?được\s+(?P<verb>[^\s,:]+(?:\s[^\s,:]+)?)\s*)?,?"
                             r"\s*gồm(?:\s+có)?(?:\s*:\s*|\s+(?=(?:các\s+)?(?:ông|bà|đồng chí)[\s:,]))"
                             r"(?:các\s+(?:ông|bà|đồng chí)(?:\s*,\s*bà)?\s*:?\s*)?")  # "gồm các ông:", "gồm ông A, ..."


def _listed_members(text: str, officials: list[Official], unnamed_at: list[tuple[int, str, Callable[[], str | None] | None]],
                    matches: list[re.Match[str]], elected_before: list[tuple[int, Appointment]]
                    ) -> Iterator[tuple[Appointment, Callable[[], str | None] | None]]:
    """The members a congress report lists under a post of a decision that named nobody:
    "quyết định của Bộ Chính trị chỉ định Ban Chấp hành, Bí thư và các Phó Bí thư ... Các Phó
    Bí thư Tỉnh ủy gồm có: bà A (...), ông B (...)", or with the verb in the list's head: "4
    Phó Bí thư Tỉnh ủy được chỉ định, gồm: bà A - ..., ông B - ...". Each listed person is
    given the head's post by that decision; with where to read the body that made it (the
    decision before's of that action, else none known). `matches`: the text's verbs, the
    heads a verb leads are looked for after them."""
    rules = _rules()
    # (where each list's head opens and ends, the verb that leads it, if one does, and the
    # election it follows, if it opens the sentence after one)
    listing = "gồm" in text
    heads: list[tuple[int, int, re.Match[str] | None, Appointment | None]] = [
        (head.start(), head.end(), None, None) for head in (rules.list_head.finditer(text) if listing else ())]
    for verb in matches:  # "chỉ định 4 Phó Bí thư là bà A, ...": the verb leads the list
        if rules.action_of.get(verb.group().lower()) in rules.count_led_actions and \
                (count := rules.count_after_verb.match(text, verb.end())):
            heads.append((verb.start(), count.end(), verb, None))
    if listing:  # a post with no count, its holders listed right after an election of persons named
        heads += [(end, _SPACE_AFTER.match(text, end).end(), None, decision) for end, decision in elected_before]
    for head_start, head_end, led_by, after in sorted(heads, key=lambda head: head[0]):
        if not title_opens_at(text, head_end):
            continue
        post = read_post(text, head_end)
        led = led_by.group() if led_by else None
        follow = post and (_MEMBERS_FOLLOW if led is None else _MEMBERS_NAMED).match(text, post[1])
        if not post or not follow:
            continue
        stated = rules.action_of.get((led or follow["verb"] or "").lower())
        if after is not None:
            if stated and stated != after.action:
                continue
            for member, body in _members(text, officials, follow.end(), post[0], after.action,
                                         lambda by=after.by: by):
                member.listed_after = after
                yield member, body
            continue
        earlier = [(action, body) for at, action, body in unnamed_at if at <= head_start]
        action = stated or (earlier[-1][0] if earlier and not follow["verb"] else None)
        if action is None:
            continue
        body = next((body for earlier_action, body in reversed(earlier) if earlier_action == action), None)
        if led_by:  # "Bộ Chính trị cũng chỉ định các Phó Bí thư ... gồm": the verb's own subject
            verb = _Verb(action, led_by.start(), led_by.end(), led_by.group())
            body = partial(_body, text, sentence_opening(text, head_start), verb, [])
        yield from _members(text, officials, follow.end(), post[0], action, body)


_SPACE_AFTER = re.compile(r"\s*")


def _members(text: str, officials: list[Official], start: int, post: str, action: str,
             body: Callable[[], str | None] | None) -> Iterator[tuple[Appointment, Callable[[], str | None] | None]]:
    """Each person of a list that opens at text[start], given the list's post by `action`."""
    for person in _people(text, start, _list_end(text, start), officials):
        own = _narrower_post(text, person.end, post)
        yield Appointment(name=person.name, action=action, post=own or post, date=None, by=None,
                          span=(person.start, person.end), rule=f"listed under '{post}' of '{action}'"), body


_BRACKETED = re.compile(r"\s*\(([^()\n]{1,60})\)")


def _narrower_post(text: str, at: int, post: str) -> str | None:
    """A listed member's own post in brackets that narrows the list's: "Các Phó Bí thư Tỉnh
    ủy gồm có: bà A (Phó Bí thư Thường trực), ông B (Chủ tịch UBND tỉnh)": A's post is "Phó
    Bí thư Thường trực" (the same head, then its own qualifier); B's bracket is another post."""
    bracket = _BRACKETED.match(text, at)
    if not bracket or not title_opens_at(bracket[1], 0):
        return None
    own, listed = title_key(bracket[1]).split(), title_key(post).split()
    shared = next((i for i, (a, b) in enumerate(zip(own, listed)) if a != b), min(len(own), len(listed)))
    return bracket[1].strip() if 2 <= shared < len(own) else None


def _list_end(text: str, start: int) -> int:
    """Where a list that opens at `start` ends: its sentence's full stop, or its paragraph's end."""
    stops = [at for at in (text.find(". ", start), text.find("\n", start)) if at != -1]
    return min(stops) if stops else len(text)


def _of_an_official(appointment: Appointment, officials: set[str]) -> bool:
    """A decision about an official: a person the article names with a title, one given a
    Party or state post by it, or one whose discipline names its form and the body that
    decided ("Ủy ban Kiểm tra Huyện ủy ... khiển trách ông A": a titled person's discipline
    often names no title; without the body, "cảnh cáo" is as often a referee's or a
    company's), or whose retirement names that body; never a company's post ("Tổng Giám đốc
    Công ty ...")."""
    post = appointment.post or ""
    if _rules().company.search(post):
        return False
    if fold(appointment.name) in officials:
        return True
    if appointment.action == "kỷ luật":
        return bool(appointment.by) and post.lower() in _rules().form_words
    if appointment.action == "nghỉ hưu" and appointment.by:  # ("Ban Bí thư đồng ý để ông A nghỉ hưu"; not a pensioner's story)
        return True
    return bool(post) and (title_opens_at(post, 0) or post[:1].isupper())


def _sentences(text: str, verbs_at: list[int]) -> Iterator[tuple[int, int]]:
    """The span of each sentence that holds a verb (at `verbs_at`); a paragraph (a headline,
    a caption) ends one whatever its mark, except that a list's items, each a paragraph of
    its own, go on the sentence that opens them with a colon ("bổ nhiệm các ông:" / "- A,
    ...;" / "- B, ..."). Paragraphs without a verb are not split at all."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        end = offset + len(paragraph)
        if spans and spans[-1][1] == offset - 2 and _LIST_ITEM.match(paragraph) \
                and text[:spans[-1][1]].rstrip().endswith((":", ";")):
            spans[-1] = (spans[-1][0], end)
        elif any(offset <= at < end for at in verbs_at):
            for start, stop in sentence_spans(paragraph):
                spans.extend((offset + a, offset + b) for a, b in _split_at_numbered_items(paragraph, start, stop))
        offset = end + 1
    return iter(spans)


_LIST_ITEM = re.compile(r"\s*[-–—+•]\s*\w")
_ITEM_MARK = re.compile(r"\s*(?:\d{1,2}\s*[.)]|[-–—+•])(?:\s|$)")  # "2. Ông B ...", "- Bà C ...": a list item's mark


def _in_list_item(text: str, at: int) -> bool:
    """The paragraph holding text[at] opens as a list's item, with a number or a dash."""
    return _ITEM_MARK.match(text, text.rfind("\n", 0, at) + 1) is not None
_NUMBERED_ITEM = re.compile(r"[.;:]\s+(?=\d{1,2}\s*[-.)/]\s+\w)")


def _split_at_numbered_items(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """"... khóa XII. 4- Theo Quy chế ...": a numbered item begins a sentence."""
    for match in _NUMBERED_ITEM.finditer(text, start, end):
        yield start, match.start() + 1
        start = match.end()
    if end > start:
        yield start, end


def _body_of_sentence(text: str, start: int, end: int, verb: _Verb, people: list[_Person]) -> str | None:
    """The body that made the decision of the sentence text[start:end], whose last verb is
    `verb`: the one it names as the decision's ("công bố các quyết định của Bộ Chính trị về chỉ
    định Ban Chấp hành, Ban Thường vụ Tỉnh ủy ..."), else the verb's subject."""
    return _decided_by(text, start, end) or _body(text, start, verb, people)


_APPROVAL = "chuẩn y"  # the election a decision approves: its body is the lead's decider


def _lead_end(text: str) -> int:
    """Where the text's second paragraph ends (the headline and the lead, or the lead and the
    first paragraph): where a report names whose decisions it announces."""
    first = text.find("\n\n")
    second = text.find("\n\n", first + 2) if first >= 0 else -1
    return second if second >= 0 else len(text)


def _people(text: str, start: int, end: int, officials: list[Official]) -> list[_Person]:
    """The persons named in text[start:end]: the article's officials wherever their full
    name stands, and names after "ông", "bà", "đồng chí" or opening a list's item."""
    found: dict[int, _Person] = {}
    for official in officials:
        at = text.find(official.name, start, end)
        while at != -1:
            after = at + len(official.name)
            if (at == 0 or not text[at - 1].isalnum()) and (after >= len(text) or not text[after].isalnum()):
                found[at] = _Person(official.name, at, after)
            at = text.find(official.name, after, end)
    for match in _CUED_OR_LISTED.finditer(text, start, end):
        words = match.group("name").split()
        cut = next((i for i, w in enumerate(words) if i and w in _CUE_WORDS), len(words))
        words = words[:cut]  # "... Đặng Việt Dũng Ông Đoàn Xuân Hiếu": a caption run into the text
        cued = match.group("cue") is not None
        if not cued and place_kind_before(text, match.start("name")):
            continue  # "Trung tâm Y tế huyện Kim Bảng, được bổ nhiệm": a district's name, no person
        while len(words) > 2 and not is_personal_name(words, cued):
            words = words[:-1]
        if is_personal_name(words, cued):
            name = " ".join(words)
            at = match.start("name")
            if not any(p.start <= at < p.end for p in found.values()):
                found[at] = _Person(name, at, at + len(name))
    return sorted(found.values(), key=lambda p: p.start)


_CUED_AFTER = re.compile(rf"\s+(?:ông|bà|đồng chí)\s+{UPPER_CLASS}")  # a person the verb names, if only by a short name
_CUE_WORDS = frozenset({"Ông", "Bà", "Đồng", "Các"})  # (not "Anh", "Chị": given names too)
_CUED_OR_LISTED = re.compile(
    rf"(?:(?:^|[:;]|\s[-–—+•])\s*[-–—+•]?\s*)?(?:(?<![\w])(?P<cue>[ôÔ]ng|[bB]à|[đĐ]ồng chí)\s+)?(?P<name>{_NAME})")


def _decisions(text: str, start: int, end: int, people: list[_Person],
               matches: list[re.Match[str]], carried: list[_Person] | None = None,
               shares_post: dict[tuple[str, str], str] | None = None,
               named_last: Callable[..., _Person | None] | None = None) -> Iterator[Appointment]:
    """The decisions of one sentence, text[start:end], whose verbs' phrases are `matches`;
    `carried`, the person last decided about in the sentence before, for one that opens with
    a passive verb and names nobody ("Đồng thời được điều động ...")."""
    verbs = _verbs(text, start, matches)
    previous: tuple[_Verb, list[_Person], str | None] | None = None  # the last verb, its persons and body
    for index, verb in enumerate(verbs):
        following = verbs[index + 1].start if index + 1 < len(verbs) else end
        persons, by = _objects(text, verb, following, end, people), None
        rule = f"named after '{verb.text}'"
        passive = False
        if persons:
            by = _body(text, start, verb, people)
        else:
            persons, by = _subject(text, start, verb, people)
            rule = f"subject of '{verb.text}'"
            passive = bool(persons) and by is None and verb.text.lower() not in _rules().intransitive
        if not persons and index + 1 < len(verbs) and _VERBS_LISTED.fullmatch(text, verb.end, verbs[index + 1].start):
            after = verbs[index + 2].start if index + 2 < len(verbs) else end  # "điều động, bổ nhiệm ông A"
            persons = _objects(text, verbs[index + 1], after, end, people)
            by = by or (_body(text, start, verb, people) if persons else None)
            rule = f"'{verb.text}' listed with '{verbs[index + 1].text}'"
        if not persons and named_last is not None and (pronoun := _PRONOUN_OBJECT.match(text, verb.end)):
            found = named_last(pronoun["cue"])  # "thi hành kỷ luật bà bằng hình thức cảnh cáo": the woman named before
            if found is not None:
                persons, by = [found], _body(text, start, verb, people)
                rule = f"'{verb.text}' of the {pronoun['cue']} named before"
        if not persons and index == 0 and named_last is not None and (cue := _pronoun_subject(text, start, verb, people)):
            found = named_last(cue, cued_only=True)  # "Bà A sinh năm 1975. Bà là ...; nay được Ban Thường vụ Tỉnh ủy điều động ..."
            if found is not None:
                persons, by = [found], _body(text, start, verb, people)
                rule, passive = f"'{verb.text}' of the {cue} named before", True
        if not persons and index == 0 and carried and _elided_subject(text, start, verb, people):
            persons = carried  # "... thôi tham gia X. Đồng thời được điều động, bổ nhiệm giữ chức Y"
            rule = f"'{verb.text}' of the person of the sentence before"
        if not persons and previous is not None and not any(
                previous[0].end <= p.start < verb.start and p not in previous[1] for p in people):
            persons = previous[1]  # chained: "... thôi giữ chức X, điều động ... và bổ nhiệm ..."
            rule = f"'{verb.text}' chained to '{previous[0].text}'"
            if _VERBS_LISTED.fullmatch(text, previous[0].end, verb.start):
                by = by or previous[2]  # "được Bộ Chính trị điều động, chỉ định làm ...": one agent for both
        if not persons:
            previous = None
            continue
        previous = (verb, persons, by)
        by = by or _decided_by(text, start, end)
        for person, scope_start, scope_end in _scopes(text, verb, persons, following, end):
            post = _without_next_person(_post(text, verb, person, scope_start, scope_end, verbs[index + 1:], end))
            if text[verb.start:verb.end].lower() in _rules().need_post and not (post and title_opens_at(post, 0)):
                continue  # "phân công A trực tiếp chỉ đạo": a task; "... làm nhiệm vụ tại": a duty
                # (not "điều động, phân công A ...": the transfer needs no title)
            appointment = Appointment(name=person.name, action=verb.action or "", post=post,
                                      date=_date(text, start, end, verb), by=by, span=(person.start, person.end), rule=rule,
                                      passive=passive)
            if shares_post is not None and post is None and index + 1 < len(verbs) and verbs[index + 1].action \
                    and _VERBS_LISTED.fullmatch(text, verb.end, verbs[index + 1].start):
                shares_post[(fold(person.name), appointment.action)] = verbs[index + 1].action  # "điều động, phân công chỉ định"
            yield appointment


def _with_clauses_held(text: str, in_sentence: list[re.Match[str]], end: int) -> list[re.Match[str]]:
    """The sentence's verbs, with each "làm" after the first of them: a post held by the
    person of its own clause ("...; trong đó, ông A làm Bí thư"), where one follows a decision
    (_each_verb tells)."""
    if not any(text.find(word, in_sentence[0].end(), end) >= 0 for word in _rules().stated_in_a_clause):
        return in_sentence  # (most sentences: a substring test is cheaper than the pattern's scan)
    clauses = list(_rules().held_in_a_clause.finditer(text, in_sentence[0].end(), end))
    return sorted([*in_sentence, *clauses], key=lambda m: m.start()) if clauses else in_sentence


def _named_already(by: str | None) -> Callable[[], str | None]:
    """The body of a decision, read already, where a body is read when needed."""
    return lambda: by


# A decision's person as a pronoun right after its verb: "kỷ luật bà bằng hình thức cảnh cáo",
# "cách chức ông vì ..." (the cue alone, the form or the reason next, no name)
_PRONOUN_OBJECT = re.compile(r"\s+(?P<cue>ông|bà)\s+(?=(?:bằng|với)\s+hình\s+thức|vì\s|do\s)")


def _named_last(text: str, start: int, officials: list[Official], cue: str, cued_only: bool = False) -> _Person | None:
    """The official named last before `start` (within PRONOUN_REACH) after the same cue ("bà
    Phan Thị A"), else (unless `cued_only`) the one named last: whom "kỷ luật bà bằng hình
    thức ..." stands for."""
    window = max(0, start - PRONOUN_REACH)
    best: tuple[bool, int, Official] | None = None
    for official in officials:
        at = text.rfind(official.name, window, start)
        if at < 0:
            continue
        cued = text[max(0, at - len(cue) - 1):at].lower() == cue + " "
        if best is None or (cued, at) > best[:2]:
            best = (cued, at, official)
    if best is None or (cued_only and not best[0]):
        return None
    return _Person(best[2].name, best[1], best[1] + len(best[2].name))


def _party_posts(post: str) -> str:
    """A Party designation's post without the state posts its chain goes on with: "Phó Bí
    thư, Chủ tịch UBND phường" is "Phó Bí thư" (the council elects its chairman)."""
    cut = _rules().state_post.search(post)
    return post[:cut.start()].rstrip(" ,;-–—") if cut and cut.start() else post


# A sentence whose subject is "Ông"/"Bà", a person named before: "Ông được bổ nhiệm ...", "Nay,
# bà được điều động ...", "Bà là Tỉnh ủy viên; nay được ... điều động ..." (not "Trước đó, ông
# được ...": the career before the decision, nor "Năm 2015, ông được ...", a sentence that
# tells a career by its year)
_PRONOUN_SUBJECT = re.compile(rf"(?:(?:Nay|Hiện nay|Hiện|Đồng thời|Cũng)\s*,?\s*)?(?P<cue>Ông|Bà|ông|bà)\s+(?={LOWER_CLASS})")
# ... then only what may stand before its passive verb: a clause of the titles it holds, a few
# adverbs, "được"/"bị" and the agent ("Bà là Tỉnh ủy viên; nay được Ban Thường vụ Tỉnh ủy |
# điều động", "Bà này cũng đã bị | khai trừ"; not "Bà không kiềm chế được thì ... dọa | cảnh cáo",
# "ông lần lượt được bổ nhiệm": a career told step by step)
_PRONOUN_PASSIVE = re.compile(rf"(?:là\s[^.;]{{1,120}};\s*)?(?:(?:này|cũng|đã|vừa|lại|nay|hiện|tiếp tục|chính thức)\s+){{0,3}}"
                              rf"(?:được|bị)\s+(?:(?:{UPPER_CLASS}\S*|ông|bà)(?:\s+\S+){{0,8}}?\s+)?")


def _pronoun_subject(text: str, start: int, verb: _Verb, people: list[_Person]) -> str | None:
    """The cue ("ông", "bà") that is the subject of the sentence text[start:...] where it
    opens the sentence as a pronoun, no person is named before the verb (the sentence's
    first), and the verb is in the passive ("được điều động", "được bầu"): whom it stands
    for is the person last named with that cue."""
    pronoun = _PRONOUN_SUBJECT.match(text, start)
    if pronoun is None or any(start <= p.start < verb.start for p in people) \
            or not _PRONOUN_PASSIVE.fullmatch(text, pronoun.end(), verb.start):
        return None
    return pronoun["cue"].lower()


def _elided_subject(text: str, start: int, verb: _Verb, people: list[_Person]) -> bool:
    """The sentence opens with the verb, passive ("Đồng thời được điều động", "Được bầu"),
    naming nobody before it: its person is the sentence before's."""
    return not any(start <= p.start < verb.start for p in people) \
        and bool(_rules().elided_subject.fullmatch(text, start, verb.start)) \
        and bool(_PASSIVE.search(text, start, verb.end))


_NEXT_PERSON = re.compile(r"\s+(?:Ông|Bà|Đồng chí|Các)$")


def _without_next_person(post: str | None) -> str | None:
    """"... làm Chủ tịch UBND tỉnh Yên Bái Ông Đỗ Đức Duy sinh năm ...": a caption run into the
    next sentence with no full stop; the post never takes in the next person's cue."""
    return _NEXT_PERSON.sub("", post) if post else post


def _verbs(text: str, start: int, matches: list[re.Match[str]]) -> list[_Verb]:
    """The verbs of decision in text[start:end] that report one: not the noun of a phrase
    about the work ("công tác điều động"), not undecided ("đề nghị kỷ luật"). Two verbs of
    one action side by side are one ("điều động, phân công", "điều động đến nhận công tác
    tại")."""
    verbs: list[_Verb] = []
    for verb in _each_verb(text, start, matches):
        last = verbs[-1] if verbs else None
        if last and last.action == verb.action and _SAME_DECISION.fullmatch(text, last.end, verb.start):
            verbs[-1] = _Verb(verb.action, last.start, verb.end, verb.text)
        else:
            verbs.append(verb)
    return verbs


_AFTER_FORM = re.compile(r"hình\s+thức\s*:?\s*$")
_NOW = re.compile(r"(?<!\w)(?:[hH]iện(?: nay| tại)?|[đĐ]ến thời điểm này|[tT]rong đó)(?!\w)")
_NICKNAME = re.compile(rf"[ ]{UPPER_CLASS}")
_SAME_DECISION = re.compile(r"\s*(?:,|và)?\s*(?:(?:đến|về)\s+)?")


def _each_verb(text: str, start: int, matches: list[re.Match[str]]) -> Iterator[_Verb]:
    rules = _rules()
    decided: str | None = None  # the action of the sentence's last decision
    last_decision = start  # where its verb ends
    noun_end = -1
    content = rules.content_opener.match(text, start) is not None  # "Theo đó, ông A sẽ thôi giữ chức ..."
    undecided = rules.undecided_in_content if content else rules.undecided_before
    for match in matches:
        phrase = match.group()
        if phrase[0].isupper() and text[start:match.start()].strip() and _NICKNAME.match(text, match.end()):
            continue  # "Bầu Đức": a team owner's nickname, no election
        before = text[max(start, match.start() - 40):match.start()]
        if phrase.lower() in rules.form_words and _AFTER_FORM.search(before):
            continue  # "bằng hình thức cảnh cáo": the form of the decision before it
        if (rules.not_after.search(before) and not rules.performed.search(before)) or (rules.not_before.match(text, match.end())
                                              and not _decided_for_persons(text, match.end(), before)) \
                or (noun_end >= 0 and _VERB_LIST.fullmatch(text, noun_end, match.start())):
            noun_end = match.end()  # "công tác điều động, luân chuyển cán bộ": nouns, one after another
            continue
        if undecided.search(before) or _proposed(text[start:match.start()], content):
            continue
        action = rules.action_of.get(phrase.lower())
        if action is None and phrase.lower() not in rules.holds and not title_opens_at(text, match.end() + 1):
            continue  # "làm" with no title after it: "làm việc", "làm tốt nhiệm vụ"
        if action is None and decided and (_NEXT_CLAUSE_PERSON if phrase.lower() in rules.holds else _CLAUSE_PERSON_RIGHT_BEFORE
                                           ).search(text, last_decision, match.start()):
            action = decided  # "chỉ định ông A giữ chức X; ông B giữ chức Y": B's post by the same decision
        elif action is None and (decided or phrase.lower() not in rules.holds or rules.held_before.search(before)
                                 or _NOW.search(text, start, match.start())):
            continue  # "bổ nhiệm giữ chức X": the post of the decision before it; "hiện giữ chức"
        if action in _GAINING and rules.annulled.search(before):
            action = "thôi giữ chức"  # "hủy bỏ quyết định bổ nhiệm chức vụ X đối với bà A": the post is lost
        if action is not None and phrase.lower() not in rules.stated:
            decided, last_decision = action, match.end()
        yield _Verb(action, match.start(), match.end(), phrase)


def _decided_for_persons(text: str, verb_end: int, before: str) -> bool:
    """The verb's persons, unnamed, after a decision's noun: "đã ký các quyết định bổ nhiệm
    cán bộ", "công bố danh sách chỉ định nhân sự" report decisions (whose body the persons
    named next are decided by), where "công tác bổ nhiệm cán bộ" is the work."""
    rules = _rules()
    return bool(rules.persons_of_a_decision.match(text, verb_end)) and rules.decision_noun_before.search(before) is not None


# "...; ông B giữ chức Y", "..., bà C giữ chức Z": a clause of its own person after a decision
# (not the plural cue's second word: "các ông, bà A, B và C giữ chức X" is one list)
_NEXT_CLAUSE_PERSON = re.compile(rf"(?<!các ông)(?<!các bà)[;,]\s*(?:và\s+)?(?:trong đó\s*,?\s*)?(?:các\s+)?"
                                 rf"(?:[ôÔ]ng|[bB]à|[đĐ]ồng chí)\s+{_NAME}")
# ... and the person right before "làm" ("; trong đó, ông A làm Bí thư"; not "ông A từng làm ...")
_CLAUSE_PERSON_RIGHT_BEFORE = re.compile(_NEXT_CLAUSE_PERSON.pattern + r"\s+$")


def _proposed(before: str, content: bool = False) -> bool:
    """A proposal governs the verb ("UBKT Trung ương đề nghị Ban Bí thư thi hành kỷ luật
    ...", "Tờ trình ... về thi hành kỷ luật"), with no decision since ("đã xem xét ... và
    quyết định thi hành kỷ luật"); `content`: the sentence tells a decision's content, where
    the future is no proposal ("Theo đó, ông A sẽ ...")."""
    rules = _rules()
    proposals = [m for m in rules.proposal.finditer(before)
                 if not (content and m.group().lower() in rules.content_future)]
    if proposals:  # (most verbs have none: the compounds are looked for only then)
        compounds = [(m.start(), m.end()) for m in rules.proposal_compound.finditer(before)]
        proposals = [m for m in proposals if not any(start <= m.start() < end for start, end in compounds)]
    if not proposals:
        return False
    decided = rules.decision.search(before, proposals[-1].end())
    return not decided or rules.proposed_decision.fullmatch(before, proposals[-1].end(), decided.start()) is not None


def _skip(text: str, at: int, limit: int, titles: bool = True) -> int:
    """Past what may stand between a verb and its person: function words, titles, a term,
    a bracket, a birth date ("ông A, sinh năm 1975, được bầu"), commas."""
    rules = _rules()
    while at < limit:
        moved = False
        for pattern in (rules.filler, _TERM, _BRACKET, careers.rules().birth, _SPACE_OR_MARK):
            match = pattern.match(text, at)
            if match and match.end() > at:
                at, moved = match.end(), True
        if titles and title_opens_at(text, at):
            post = read_post(text, at)
            if post and post[1] > at:
                at, moved = post[1], True
        if not moved:
            break
    return at


def _objects(text: str, verb: _Verb, following: int, end: int, people: list[_Person]) -> list[_Person]:
    """The person the verb names after it ("cách chức ông A"), or those it lists ("các ông:
    - A, ...; - B, ..."); a form and a post may come first ("bổ nhiệm chức vụ X cho bà B")."""
    rules = _rules()
    if _PASSIVE.match(verb.text.lower()) or _COMMA.match(text, verb.end):
        return []  # "được bổ nhiệm" names its person before it; "... bãi nhiệm, ông A cho biết" none
    if verb.text.lower() in rules.stated:
        clause = max(text.rfind(mark, 0, verb.start) for mark in ",;:")
        if any(clause < p.start and p.end <= verb.start for p in people):
            return []  # nor does "giữ chức" after its holder in its clause: "...; ông A giữ chức X,
            # bà B giữ chức Y" (not X given to B; but "để đi giữ chức X, ông A đã ..." is A's)
    at = _skip(text, verb.end, end, titles=False)
    form = rules.forms.match(text, at)
    if form:
        at = _skip(text, form.end(), end, titles=False)
    opener = rules.post_opener.match(text, at)
    if opener and title_opens_at(text, opener.end()):
        post = read_post(text, opener.end())
        at = post[1] if post else at
    elif (committee := rules.committee_opener.match(text, at - 1)) and verb.action in ("chỉ định", "bầu"):
        at = _organisation_end(text, committee.end(), end)  # "chỉ định tham gia Ban Chấp hành ... gồm: A, ...; B, ..."
    elif verb.action in ("bổ nhiệm", "bầu", "chỉ định") and title_opens_at(text, counted_post := _after_count(text, at)):
        # (past a count only where a post follows it: "bổ nhiệm 3 cán bộ, gồm: ..." counts the list below)
        at = counted_post
        post = read_post(text, at)  # "trao Quyết định bổ nhiệm Tổng Biên tập ... cho"; "bầu bổ sung 3 Ủy viên ... đối với"
        if post and not any(p.start < post[1] for p in people if p.start >= at):
            at = post[1]
            holder = _HOLDER_IS.match(text, _skip(text, at, end, titles=False))
            holder_named = holder and next((p for p in people if p.start == holder.end()), None)
            if holder_named and holder_named.start < following:
                return [holder_named]  # "chỉ định Bí thư Thành ủy nhiệm kỳ 2025 - 2030 là ông A"
    at = _skip(text, at, end)
    given = _given_to(text, at, following, people)
    counted = _COUNTED_BEFORE_LIST.match(text, at)
    # ("khai trừ 2 đảng viên, gồm: A; B", "khiển trách 2 Phó Chủ tịch UBND xã, gồm: ông A, bà B")
    listed = _LIST_OPEN.match(text, counted.end() if counted else _past_counted_post(text, at))
    if listed:
        at = _skip(text, listed.end(), end, titles=False)
    first = given or next((p for p in people if p.start == at), None)
    if first is None or (not listed and not given and first.start >= following):
        return []
    if given and not _GIVEN_TO_LIST.search(text, at, given.start):
        listed = None  # "cho bà B, ...": a list only as below
    listed = listed or given  # "đối với các ông: A (...), ông B (...) và ông C (...)"
    # a person the decision is given to, cued ("đối với ông A, nguyên Giám đốc Sở; bà B, Phó
    # Giám đốc và ông C, ..."), opens a list whose items are cued as that person is, each with
    # titles of their own (not after the verb alone: "bổ nhiệm ông A ..., ông B cho biết")
    cued = _CUE_BEFORE.search(text, max(0, first.start - len("đồng chí ")), first.start)
    given_cued = cued and _GIVEN_TO.search(text, verb.end, first.start)
    named = [first]
    group_post: int | None = None
    for person in people:  # "các ông: - A, ...; - B, ...", "cho các ông A, B và C"
        if person.start <= named[-1].start:
            continue
        if (group := _counted_group(text, named[-1].end, person.start)) is not None:
            group_post = group  # "... và hai Phó Chủ tịch là ông B, bà C": a group with its own post
            named.append(replace(person, group_post=group_post))
            continue
        opening = _ITEM_OPENS.search(text, named[-1].end, person.start) or _titled_item(text, named[-1].end, person)
        if not opening:
            continue
        bare = _skip(text, named[-1].end, opening.start(), titles=False) >= opening.start()
        cued_item = cued and _CUED_ITEM.search(opening.group()) and (
            given_cued or _post_in_item(text, person.end, end)
            or (verb.action == "kỷ luật" and _titles_only(text, named[-1].end, opening.start())
                and _titles_only_in_item(text, person.end, end)))
        if listed or bare or cued_item:
            named.append(replace(person, group_post=group_post) if group_post is not None else person)
    return named


_JOINED = re.compile(r"\s*,?\s*(?:và|cùng(?:\s+với)?)\s+")


def _titled_item(text: str, after: int, person: _Person) -> re.Match[str] | None:
    """The joiner of a next item that prints its person's title or rank before the name
    ("khiển trách đối với Trưởng ban A cùng Phó ban B", "bổ nhiệm Đại tá A và Thượng tá B"):
    "và" or "cùng" right after the person before, then a title that runs up to this person,
    whose name is a person's ("Cục trưởng Cục Hàng không | Việt Nam" names none). (Not a
    comma alone: "bổ nhiệm ông A, Phó Chánh Thanh tra Bộ B cho biết" opens another clause.)"""
    joined = _JOINED.match(text, after, person.start)
    if joined is None or not title_opens_at(text, joined.end()) or not is_personal_name(person.name.split()):
        return None
    title = read_title(text, joined.end())
    return joined if title is not None and not text[title[1]:person.start].strip() else None


def _titles_only_in_item(text: str, at: int, end: int) -> bool:
    """Only the titles of the person at `at` make the rest of their item (up to a semicolon
    or the sentence's end): "cảnh cáo ông A, Chủ tịch UBND xã và ông B, nguyên Phó Chủ tịch
    xã; khiển trách ..." (B is disciplined too, as A's item is A's titles only; not "và ông
    B, Bí thư xã, phát biểu")."""
    return _titles_only(text, at, _item_end(text, at, end))


def _titles_only(text: str, at: int, end: int) -> bool:
    """text[at:end] holds titles (with terms, brackets and marks) and nothing else."""
    return not text[_skip(text, at, end):end].strip(" .,")


def _post_in_item(text: str, at: int, end: int) -> bool:
    """A post opener ("làm", "giữ chức") follows the person at `at` within their item (up to
    a semicolon or the sentence's end): "phê chuẩn bổ nhiệm ông A, T1, làm X; ông B, T2, làm
    Y", "... ông A, T1, và bà B, T2, làm X" (not "và ông B, Chánh Văn phòng, phát biểu", nor
    "; ông B từng làm Y": a career's post)."""
    opener = _rules().post_opener.search(text, at, _item_end(text, at, end))
    return opener is not None and not held_before(text, opener.end())


def _item_end(text: str, at: int, end: int) -> int:
    """Where the list item of the person ending at `at` ends: a semicolon, else the sentence's end."""
    item_end = text.find(";", at, end)
    return item_end if item_end >= 0 else end


_GIVEN_TO = re.compile(r"(?<!thay)(?<!thế)\s(?:cho|đối với)\s+(?:(?:các\s+)?(?:ông|bà|đồng chí)(?:\s*,\s*bà)?\s*:?\s+)?")
# A list's item that opens with its verb ("Bổ nhiệm đồng chí A ...", "1. Điều động ông B ...",
# "- Bổ nhiệm ..."): a decision of the header above it, not a sentence with a subject of its own.
_LIST_ITEM_OPENS = re.compile(r"\s*(?:\d{1,2}\s*[.)]\s*|[-–—+•]\s*)?(?:(?:và|;)\s*)?")
_CUE_BEFORE = re.compile(r"(?<!\w)(?:ông|bà|đồng chí)\s+$")
_CUED_ITEM = re.compile(r"(?:[;,]|\svà|\scùng)\s*(?:[ôÔ]ng|[bB]à|[đĐ]ồng chí)\s+$")  # "; bà B", "và ông C", "cùng ông C"
_GIVEN_TO_LIST = re.compile(r"các\s+(?:ông|bà|đồng chí)")  # "đối với các ông: A, B và C": each of them
_COUNT_WORD = r"(?:\d{1,2}|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)"  # a small count, in figures or words
# persons counted before the list that names them: "2 đảng viên, gồm:", "3 cựu cán bộ cấp xã gồm:"
_COUNTED_BEFORE_LIST = re.compile(rf"(?:{_COUNT_WORD}|các)\s+(?:cựu\s+)?"
                                  r"(?:đảng viên|cán bộ|người|lãnh đạo|công chức)(?:\s+[^\W\d]+){0,4}?(?=\s*,?\s*gồm)")
_COUNT = re.compile(rf"{_COUNT_WORD}\s+(?=\w)")


def _past_counted_post(text: str, at: int) -> int:
    """Past a count and the post its persons hold, before the list that names them ("khiển
    trách 2 Phó Chủ tịch UBND xã | , gồm: ..."; the post's unit may run on past what the
    title rules read: "3 phó Ban Bồi thường giải phóng mặt bằng quận, gồm: ..."); else `at`."""
    counted = _after_count(text, at)
    if counted == at or not title_opens_at(text, counted):
        return at
    post = _POST_BEFORE_LIST.match(text, counted)
    return post.end() if post else at


_POST_BEFORE_LIST = re.compile(r"[^,;:.()]{3,80}?(?=\s*,?\s*gồm(?:\s+có)?\s*:)")


def _after_count(text: str, at: int) -> int:
    """Past a count before a post ("bầu bổ sung 3 | Ủy viên UBND thành phố")."""
    count = _COUNT.match(text, at)
    return count.end() if count else at


# A further group of a decision's persons, counted, with a post of its own, its holders after
# it: "bầu ông A làm Chủ tịch và hai Phó Chủ tịch là ông B, bà C", "trao quyết định bổ nhiệm
# Phó Thủ tướng cho bà A, ông B và ba Bộ trưởng C (Bộ X), D (Bộ Y)"
_COUNTED_GROUP = re.compile(rf"\s*,?\s*và\s+{_COUNT_WORD}\s+")
_GROUP_HOLDERS = re.compile(r"\s*(?:(?:,\s*)?(?:là|gồm)\s*)?:?\s*(?:(?:các\s+)?(?:ông|bà|đồng chí)\s+)?")


def _counted_group(text: str, at: int, person_start: int) -> int | None:
    """Where the post of a counted group is printed, when text[at:person_start] (after the
    last person named) opens one: the last person's post, if any, then "và" with a count and
    a post, then the group's first holder."""
    groups = list(_COUNTED_GROUP.finditer(text, at, person_start))
    if not groups or not title_opens_at(text, groups[-1].end()):
        return None
    group = groups[-1]
    before = _skip(text, at, group.start())
    if before < group.start() and (opener := _rules().post_opener.match(text, before)):
        before = _skip(text, opener.end(), group.start())  # "ông A giữ chức Chủ tịch ... và hai ..."
    post = read_post(text, group.end())
    if before < group.start() or not post or not _GROUP_HOLDERS.fullmatch(text, post[1], person_start):
        return None
    return group.end()


# The post right after the person it is given to, with no comma ("chỉ định ông A là Bí thư Tỉnh
# ủy"; "ông A, là Phó Giám đốc Sở, ..." is the title A holds)
_POST_IS = re.compile(r"[ ]+là\s+")
# The post named first, then its holder: "chỉ định Bí thư Thành ủy nhiệm kỳ 2025 - 2030 là ông A"
_HOLDER_IS = re.compile(r"\s*là\s+(?:ông|bà|đồng chí)\s+")


def _post_given_to(text: str, at: int, following: int, person: _Person) -> str | None:
    """The post printed from `at` up to the "cho"/"đối với" that gives it to `person`, where
    that is how the sentence runs (a post's words may outrun what the title rules read)."""
    if person.start <= at or not _given_to(text, at, following, [person]):
        return None
    post = text[at:_GIVEN_TO.search(text, at, person.start).start()].strip(" ,;")
    proposed = _PROPOSAL_JOINED.search(post)
    if proposed:  # "giữ chức X và giới thiệu để bầu giữ chức Y đối với ông A": Y is only proposed
        post = post[:proposed.start()]
    read = read_post(post, 0)
    if read and _ANOTHER_ACT.match(post, read[1]):
        post = read[0]  # "bổ nhiệm chức vụ Tư lệnh Quân khu 5 và trao Quyết định thăng quân hàm đối với ông A"
    return _TERM_YEARS_AT_END.sub("", post) or None


# a proposal joined to the post decided: "X và giới thiệu để bầu ...", "X, đề nghị ..."
_PROPOSAL_JOINED = re.compile(r"\s*(?:,|;|và|,\s*và)\s+(?:giới thiệu|đề nghị|đề xuất|dự kiến)(?!\w)")


# after a post the title rules read whole, "và" and a word in lower case: another act joined
# to the decision (a unit's name that holds "và" is read whole by the title rules)
_ANOTHER_ACT = re.compile(rf"\s*,?\s*và\s+{LOWER_CLASS}")

_TERM_YEARS_AT_END = re.compile(r"\s*,?\s*\(?nhiệm kỳ\s+\d{4}\s*[-–—]\s*\d{4}\)?$")  # the term, not the post


def _given_to(text: str, at: int, following: int, people: list[_Person]) -> _Person | None:
    """"bổ nhiệm chức vụ Vụ trưởng Vụ Tài chính các ngân hàng ... cho bà A": the person the
    decision is given to, after a post that ran on past what its title rules read."""
    for person in people:
        if at <= person.start < following:
            given = _GIVEN_TO.search(text, at, person.start)
            # (after "đối với" a decision's terms may hold commas: "nghỉ hưu trước tuổi và hưởng
            # chính sách, chế độ theo nguyện vọng đối với đồng chí A")
            marks = r"[.;:()]" if given and "đối" in given.group() else r"[,.;:()]"
            if given and given.end() == person.start and not re.search(marks, text[at:given.start()]):
                return person
            return None
    return None


def _subject(text: str, start: int, verb: _Verb, people: list[_Person]) -> tuple[list[_Person], str | None]:
    """The person before the verb whose sentence it is, and the body named between: "Ông A,
    Phó Bí thư Tỉnh ủy, đã được (Bộ Chính trị) điều động ...". A verb that takes an object
    needs "được" or "bị" for that: "Chủ tịch UBND tỉnh A điều động lực lượng" is A's own
    order; "A thôi giữ chức", "A nghỉ hưu" need none."""
    before = [p for p in people if start <= p.end <= verb.start]
    if not before:
        return [], None
    person = before[-1]
    at = _skip(text, person.end, verb.start)
    body, by = _rules().body.match(text, at), None
    if body:  # "được Bộ Chính trị phân công", "do Ban Thường vụ Thành ủy điều động"
        body_end = _organisation_end(text, body.start(), verb.start)
        by = text[body.start():max(body_end, body.end())].strip(" ,")
        at = _skip(text, body_end, verb.start)
    if at < verb.start:
        return [], None
    if verb.text.lower() not in _rules().intransitive and not _PASSIVE.search(text, person.end, verb.end):
        return [], None
    subjects = _listed_before(text, before)
    return subjects, by or _body(text, start, verb, people, subjects[0])  # "... quyết định để ông A thôi giữ chức"


# "ông A và ông B được điều động", "ông A, Trưởng ban, cùng (với) ông B, Phó ban, bị khiển trách"
_AND_CUED = re.compile(r"\s*,?\s*(?:và|cùng(?:\s+với)?)\s+(?:ông|bà|đồng chí)\s+")
_ASIDE_THEN_ITEM = re.compile(r"\)\s*[,;]")
# the next item's comma and cue, skipped with the titles before them: "bà A, Chủ tịch HĐND tỉnh, | ông B, ...
# và ông C được bầu" (in a list that "và" already joins: not "Theo ông A, Bí thư, ông B được ...")
_CUED_AFTER_COMMA = re.compile(r",\s*(?:ông|bà|đồng chí)\s+$")
_SUBJECT_ITEM_ENDS = re.compile(r"\s*(?:[;,]\s*và|;|,|và|,?\s*cùng(?:\s+với)?)\s*(?:(?:ông|bà|đồng chí)\s+)?")  # ("; và ông C, ...": the last item)


def _listed_before(text: str, before: list[_Person]) -> list[_Person]:
    """The subject of a verb (the last of `before`) with the persons listed ahead of it, each
    item a name and its titles, or a name alone before a semicolon: "Các ông: A, Phó Bí thư
    Tỉnh ủy; B; C, Chủ tịch UBND tỉnh tiếp tục được bầu giữ chức ...", "Ông A, Giám đốc Sở
    và ông B, Phó Giám đốc được điều động", "ông A và ông B được điều động"."""
    listed = [before[-1]]
    bare: list[_Person] = []  # names alone before the items: items only under a plural cue
    for person in reversed(before[:-1]):
        at = _skip(text, person.end, (bare or listed)[0].start)
        item_end = _SUBJECT_ITEM_ENDS.fullmatch(text, at, (bare or listed)[0].start) or (
            _CUED_AFTER_COMMA.search(text, person.end, at) if at == (bare or listed)[0].start and len(listed) > 1 else None)
        # "ông A (SN 1967), ông B ...": the item's comma skipped with its aside
        aside_then_item = not item_end and at == (bare or listed)[0].start and _ASIDE_THEN_ITEM.search(text, person.end, at)
        titled = at > person.end and text[person.end:at].strip(" ,-–—")
        if not bare and (aside_then_item
                         or item_end and (titled or ";" in item_end.group() or _AND_CUED.fullmatch(item_end.group()))):
            listed.insert(0, person)
        elif not titled and _SUBJECT_ITEM_ENDS.fullmatch(text, person.end, (bare or listed)[0].start):
            bare.insert(0, person)  # a name alone, without a semicolon or "và ông" after it
        else:
            break
    while bare and not _rules().plural_cue.search(text, max(0, bare[0].start - PLURAL_CUE_REACH), bare[0].start):
        bare.pop(0)  # (the list's head is one of them, or none: "Các ông: A, B, C giữ chức")
    return bare + listed if bare else listed


PLURAL_CUE_REACH = 25  # "Các đồng chí, ông, bà: " fits


_COMMA = re.compile(r"\s*,")
_COMMA_AFTER = re.compile(r"\s*,\s*")
_PASSIVE = re.compile(r"(?<!\w)(?:được|bị|có quyết định)(?!\w)")  # ("ông A đã có quyết định bổ nhiệm ...")


def _scopes(text: str, verb: _Verb, persons: list[_Person], following: int,
            end: int) -> Iterator[tuple[_Person, int, int]]:
    """Each person with their part of the sentence: one person's runs from the verb to the
    next verb, as each subject's listed before it does; a listed object's item, from their
    name to the next one's, or, for names listed bare ("chỉ định các đồng chí A, B, C tham
    gia Ban Chấp hành"), to the end of the last one's, whose words are all of theirs."""
    if len(persons) == 1 or persons[-1].end <= verb.start:  # one person, or the subjects listed before the verb
        for person in persons:
            yield person, verb.end, max(following, person.end)
        return
    scope_ends = [end] * len(persons)
    for index in range(len(persons) - 2, -1, -1):
        bare = _BARE_ITEM_END.fullmatch(text, persons[index].end, persons[index + 1].start) or (
            ";" not in text[persons[index].end:persons[index + 1].start]  # "ông A, T1, và bà B, T2, làm X"
            and not _rules().post_opener.search(text, persons[index].end, persons[index + 1].start))
        scope_ends[index] = scope_ends[index + 1] if bare else persons[index + 1].start
    for index, person in enumerate(persons):
        yield person, person.start if index else verb.end, scope_ends[index]


_BARE_ITEM_END = re.compile(r"\s*(?:,|;|và|,\s*và)\s*(?:(?:ông|bà|đồng chí)\s+)?")  # nothing of the item's own


def _post(text: str, verb: _Verb, person: _Person, scope_start: int, scope_end: int, later: list[_Verb],
          end: int) -> str | None:
    """The post of a decision: a discipline's form; the title after a post opener (or after
    the verb itself: "thôi giữ chức X", "tái đắc cử X"); else the unit after "tại", "vào";
    else, for a verb followed at once by another ("điều động, bổ nhiệm"), that one's post."""
    rules = _rules()
    if verb.action == "kỷ luật":
        return _discipline_form(text, verb, end)
    if person.group_post is not None and (title := _title_at(text, person.group_post, person)):
        return title  # "... và hai Phó Chủ tịch là ông B, bà C"
    after_verb = _skip(text, verb.end, scope_end, titles=False)
    direct = _title_at(text, _after_count(text, after_verb), person)  # "thôi giữ chức X", "tái đắc cử X", "bầu 3 Ủy viên X"
    at_unit = verb.text.lower().endswith(rules.unit_verb_ends)  # "nhận công tác tại X", "thôi tham gia X": X is the post
    ends_in_opener = verb.text.lower().endswith(_ENDS_IN_POST_OPENER)
    if ends_in_opener and (given := _post_given_to(text, after_verb, scope_end, person)):
        return given  # "bổ nhiệm chức vụ X ... cho bà A"
    if verb.action != "điều động" or not at_unit:
        if direct and (verb.action is None or verb.text.lower().startswith(("thôi", "cho thôi", "tái", "trúng", "đắc"))
                       or verb.action == "thôi giữ chức" or ends_in_opener):
            return direct  # (and "về làm X", "để giữ chức X": the verb ends in the post's opener)
    for opener in rules.post_opener.finditer(text, scope_start, scope_end):
        if _inside_verb(opener, later) or proposed_before(text, opener.start()):
            continue  # (nor a post proposed: "điều động ... để giới thiệu bầu giữ chức X")
        given = _post_given_to(text, opener.end(), scope_end, person)
        if given:
            return given
        title = _title_at(text, opener.end(), person)
        if title:
            return _with_unit(text, title, verb.end, end)
    copula = _POST_IS.match(text, person.end) if person.start > verb.end else None
    if copula and (title := _title_at(text, copula.end(), person)):
        return title  # "chỉ định ông A là Bí thư Tỉnh ủy": "là" right after the person, as "làm"
    if direct and verb.action in ("bổ nhiệm", "bầu", "chỉ định"):
        return direct
    if at_unit:
        unit_start: int | None = after_verb
    else:
        unit = rules.unit_opener.search(text, scope_start, scope_end)
        unit_start = unit.end() if unit else None
    if unit_start is not None and (verb.action in ("điều động", "chỉ định", "bầu") or at_unit):
        title = _title_at(text, unit_start, person) or (_units_listed(text, unit_start, scope_end) if at_unit
                                                         else _organisation(text, unit_start, scope_end))
        if title:
            return title
    if verb.action == "thôi giữ chức" and person.start > verb.end:
        appositive = _COMMA_AFTER.match(text, person.end)
        if appositive:
            return _title_at(text, appositive.end(), person)
    if later and _VERBS_LISTED.fullmatch(text, verb.end, later[0].start):
        return _post(text, later[0], person, later[0].end, end, later[1:], end)
    if verb.action in ("bổ nhiệm", "điều động", "chỉ định", "bầu"):
        # "phân công ông A thôi giữ chức X, giữ chức Y": a post stated after the other verbs
        for opener in rules.post_opener.finditer(text, scope_end, end):
            if not _inside_verb(opener, later) and not proposed_before(text, opener.start()):
                title = _title_at(text, opener.end(), person)
                return title and _with_unit(text, title, verb.end, end)
    committee = rules.committee_opener.search(text, scope_start, scope_end)
    if committee and verb.action in ("điều động", "chỉ định", "bầu"):  # "chuẩn y ông A tham gia Ban Thường vụ"
        return _committees_of_one(text, committee.end(), scope_end) or _title_at(text, committee.end(), person) \
            or _organisation(text, committee.end(), scope_end)
    if person.start > after_verb and verb.action in ("chỉ định", "bầu") \
            and (committee := rules.committee_opener.match(text, after_verb - 1)):
        return _organisation(text, committee.end(), person.start)  # "chỉ định tham gia Ban Chấp hành ... gồm: A; B"
    return None


def _discipline_form(text: str, verb: _Verb, end: int) -> str | None:
    """A discipline's form: the verb's own ("khiển trách ông A"), or printed after it in its
    sentence ("kỷ luật ông A bằng hình thức cảnh cáo")."""
    rules = _rules()
    if rules.forms.fullmatch(verb.text):
        return verb.text.lower()
    form = rules.forms.search(text, verb.end, end)
    return form.group().lower() if form else None


def _committees_of_one(text: str, at: int, end: int) -> str | None:
    """"tham gia Ban Chấp hành, Ban Thường vụ Đảng ủy Chính phủ": the two committees of one
    Party organisation, named once after the second, are one post; None where the text at
    `at` names no such pair (or names the second only as a link of a chain: "..., Ban
    Thường vụ và giữ chức ...")."""
    pair = _COMMITTEE_PAIR.match(text, at, end)
    organisation = pair and _organisation(text, pair.end(), end)
    if not organisation or not _rules().party_unit.match(organisation):
        return None
    return f"Ban Chấp hành, Ban Thường vụ {organisation}"


_COMMITTEE_PAIR = re.compile(r"Ban Chấp hành\s*(?:,\s*|\s+và\s+)Ban Thường vụ\s+")


def _with_unit(text: str, title: str, start: int, end: int) -> str:
    """A bare head given with the unit named apart ("nhận công tác tại Ban Tuyên giáo Thành
    ủy với chức vụ Trưởng ban") is the head of that unit: "Trưởng ban Tuyên giáo Thành ủy"."""
    if not is_bare_head(title):
        return title
    unit = _rules().unit_opener.search(text, start, end)
    name = unit and _organisation(text, unit.end(), end)
    if not name or name in title:
        return title
    noun, _, rest = name.partition(" ")
    if title.split()[-1].lower() == noun.lower() and rest:
        return f"{title} {rest}"
    return f"{title} {name}"


def _inside_verb(match: re.Match[str], verbs: list[_Verb]) -> bool:
    return any(v.start <= match.start() + len(match.group()) - len(match.group().lstrip()) < v.end for v in verbs)


def _title_at(text: str, at: int, person: _Person) -> str | None:
    """The title (chain) beginning at `at`, as printed; never the person's own name."""
    if not title_opens_at(text, at):
        return None
    post = read_post(text, at)
    if not post:
        return None
    title = post[0].strip()
    if person.name in title:
        title = title[:title.find(person.name)].rstrip(" ,-–")
    if title and person.start > at:
        title = unit_after_name(text, person.end, [title])[0]  # "hai Giám đốc A (Sở Tài chính), B (Sở Y tế)"
    return title or None


_ORGANISATION_WORD = re.compile(rf"{UPPER_CLASS}[\w-]*|[a-zà-ỹđ]+")


def _organisation(text: str, at: int, limit: int) -> str | None:
    """A unit named after "tại", "vào" ("Vụ Công nghiệp", "Trường Chính trị thành phố"):
    capitalised words, and lower-case ones the officials' rules let continue a title."""
    end = _organisation_end(text, at, limit)
    name = text[at:end].strip()
    return name if name and name[0].isupper() and " " in name else None


_UNIT_LISTED = re.compile(rf"\s*(?:,|và|,\s*và)\s*(?={UPPER_CLASS})")


def _units_listed(text: str, at: int, limit: int) -> str | None:
    """The units a verb that ends in a unit's opener lists: "thôi tham gia Quân ủy Trung
    ương, Ban Thường vụ Quân ủy Trung ương" is both; each a unit's name (_organisation)."""
    first = end = _organisation_end(text, at, limit)
    while end > at and (listed := _UNIT_LISTED.match(text, end, limit)):
        following = _organisation_end(text, listed.end(), limit)
        if " " not in text[listed.end():following].strip():
            break  # a unit's name is two words at least
        end = following
    return text[at:end].strip() if end > first else _organisation(text, at, limit)


def _organisation_end(text: str, at: int, limit: int) -> int:
    """Where the organisation named at `at` ends: one unit's name, never a title in
    apposition after its comma ("Bộ Chính trị, Thượng tướng A ..."); but a bare head goes on
    to the unit the next title names ("Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ")."""
    one = read_title(text, at)
    read = read_post("Giám đốc " + text[at:limit], 0) if one and is_bare_head(one[0]) \
        else read_title("Giám đốc " + text[at:limit], 0)
    if read and read[1] > len("Giám đốc "):
        return at + read[1] - len("Giám đốc ")
    return at


def _body(text: str, start: int, verb: _Verb, people: list[_Person], subject: _Person | None = None) -> str | None:
    """The deciding body, the subject of a verb that names its person after it: "Bộ Chính
    trị quyết định phân công ông A ..." (never inside a person's titles: it is looked for
    before the sentence's first person), or the body someone acts for before the verb
    ("thay mặt Ban Thường vụ Tỉnh ủy trao quyết định ..."); never the title printed before
    `subject`, the person a passive verb decides about."""
    behalf = _rules().on_behalf.search(text, start, verb.start)
    if behalf and _rules().body.match(text, behalf.end()):
        return _body_at(text, behalf.end(), _body_reach(text, behalf.end(), verb.start), verb.start)
    owner = _decision_owner(text, start, verb)
    if owner is not None:
        return owner
    first_verb = next((found for found in _rules().verbs.finditer(text, start)
                       if found.start() >= verb.start
                       or not _SUBJECT_MATTER.search(text, max(0, found.start() - SUBJECT_MATTER_REACH), found.start())),
                      None)
    limit = min([verb.start, *(p.start for p in people if start <= p.start < verb.start),
                 *([first_verb.start()] if first_verb else [])])
    best, reach = None, start
    for match in _rules().body.finditer(text, start, limit):
        if match.start() < reach:
            continue  # "Tỉnh ủy" of "Ban Thường vụ Tỉnh ủy"
        titled = _title_opening(text, start, match.start())
        if titled is not None:  # "Tỉnh ủy" of "Trưởng ban Tuyên giáo Tỉnh ủy": a person's post, no body ...
            if signer := _signing_title(text, titled, match.start()):
                best, reach = signer  # ... but the office that signs: "Trưởng ban Tổ chức Tỉnh ủy X đã ban hành ..."
            continue
        reach = _body_reach(text, match.start(), limit)
        if subject and subject.start >= reach and not text[reach:subject.start].strip(" ,"):
            continue  # "Chủ tịch UBND tỉnh Trần Văn Hải được bầu": the subject's title, no body deciding
        best = _body_at(text, match.start(), reach, limit)
    return best


def _decision_owner(text: str, start: int, verb: _Verb) -> str | None:
    """The body whose decision it is, named right before its verb: "Thủ tướng đã công bố và
    trao quyết định của Bộ Chính trị chỉ định ông A ..." (whoever announces or hands it over
    decides nothing); not a decision carried out by another ("Thực hiện quyết định của Bộ
    Chính trị, Ban Thường vụ Tỉnh ủy điều động ...", where the verb is the second body's)."""
    if text.find("uyết định", start, verb.start) < 0:
        return None  # (the pattern is tried only where its words stand)
    owner = None
    for owner in _DECISION_OF.finditer(text, start, verb.start):
        pass  # (the last before the verb)
    if owner is None or not _rules().body.match(text, owner.end()):
        return None
    reach = _body_reach(text, owner.end(), verb.start)
    if not _OWNER_THEN_VERB.fullmatch(text, reach, verb.start):
        return None
    return _body_at(text, owner.end(), reach, verb.start)


_DECISION_OF = re.compile(r"(?<!\w)(?:các\s+)?[Qq]uyết định\s+(?:số\s+\S+\s+)?(?:ngày\s+\S+\s+)?của\s+")
_OWNER_THEN_VERB = re.compile(r"\s*(?:về\s+(?:việc\s+)?)?")


# A verb a few words after "về" names a rule's subject matter ("căn cứ Quy định ... của Bộ Chính trị về kỷ
# luật đảng viên vi phạm, Ban Thường vụ quyết định ..."), no decision before which its body stands.
_SUBJECT_MATTER = re.compile(r"(?<!\w)về\s+(?:việc\s+)?(?:[^\W\d]+\s+){0,2}$")  # "về (việc) (xử lý) kỷ luật"
SUBJECT_MATTER_REACH = 24


def _body_reach(text: str, at: int, limit: int) -> int:
    """Where the organisation's name of the body named at `at` ends."""
    return max(_organisation_end(text, at, limit), _rules().body.match(text, at).end())


def _signing_title(text: str, opening: int, at: int) -> tuple[str, int] | None:
    """The title opening at `opening` that the body named at `at` is the unit of, where the
    title is the subject of a verb of signing ("Trưởng ban Tổ chức Tỉnh ủy Thái Bình đã ban
    hành quyết định ..."): a person deciding by their office, as "Bộ trưởng Bộ Công an" does;
    and where it ends."""
    title = read_title(text, opening)
    if title is None or title[1] <= at or not _SIGNS.match(text, title[1]):
        return None
    return title


_SIGNS = re.compile(r"\s+(?:(?:đã|vừa|mới)\s+)*(?:ký|ban hành)(?!\w)")


def _title_opening(text: str, start: int, at: int) -> int | None:
    """Where a title opens whose unit is the body named at `at`: at the opening of its clause
    of a list, after the last comma or semicolon ("..., Trưởng ban Tuyên giáo Thành ủy, ...":
    a person's post, not a body deciding); None where no title opens there."""
    opening = max(start, text.rfind(",", start, at) + 1, text.rfind(";", start, at) + 1)
    opening += len(text[opening:at]) - len(text[opening:at].lstrip())
    return opening if opening < at and title_opens_at(text, opening) else None


def _body_at(text: str, at: int, reach: int, limit: int) -> str:
    """The deciding body named at `at`, whose organisation's name ends at `reach`: up to where
    the body's verb begins ("Tỉnh ủy | ban hành")."""
    verb_after = _BODY_ENDS.search(text, at, limit)
    return text[at:min(reach, verb_after.start()) if verb_after else reach].strip(" ,")


_BODY_ENDS = re.compile(r"\s+(?:tổ chức|trao|công bố|quyết định|ban hành|đã|vừa|ký)(?!\w)")


_DECISION_OF = re.compile(r"(?:[qQ]uyết định|[tT]hông báo|[kK]ết luận)(?:\s+số\s+[\w/.-]+)?(?:\s+ngày\s+[\d/.-]+)?\s+của\s+")


def _decided_by(text: str, start: int, end: int) -> str | None:
    """"(các) quyết định của Ban Thường vụ Thành ủy ...": the body whose decision it is."""
    of = _DECISION_OF.search(text, start, end)
    if not of or not _rules().body.match(text, of.end()):
        return None
    body_end = _organisation_end(text, of.end(), end)
    return text[of.end():max(body_end, _rules().body.match(text, of.end()).end())].strip(" ,") or None


def _date(text: str, start: int, end: int, verb: _Verb) -> str | None:
    """The decision's date printed in its sentence with a year ("Quyết định số 234/QĐ-BTC
    ngày 3.2.2017"), not an effective date ("kể từ ngày 6.2.2017") nor a birth date."""
    starts = [found.span() for found in careers.rules().start_date.finditer(text, start, end)] \
        if careers.may_hold_a_start(text[start:end]) else []
    for match in careers.FULL_DATE.finditer(text, start, end):
        before = text[max(start, match.start() - 20):match.start()]
        printed = careers.valid_date(match)
        if printed and not _EFFECTIVE.search(before) and not _BORN.search(before) \
                and not any(s <= match.start() < e for s, e in starts):  # "kể từ ngày công bố Quyết định ... ngày D"
            return printed.isoformat()
    return None


def with_appointees(officials: list[Official], appointments: list[Appointment]) -> list[Official]:
    """Every person a decision names is an official (SCHEMA: a decision is made about an
    official), with the post they gain as a title; a post they lose, only where the article
    prints no title of theirs (it is the one they held). Officials stay in order of first
    mention: one named only by a decision takes its place where the decision names them."""
    by_key = {fold(o.name): o for o in officials}
    added = False
    for appointment in appointments:
        official = by_key.get(fold(appointment.name))
        if official is None:
            official = by_key[fold(appointment.name)] = Official(
                appointment.name, spans=[appointment.span] if appointment.span else [])
            officials.append(official)
            added = True
        gained = appointment.action in _GAINING
        if not appointment.post or not title_opens_at(appointment.post, 0) or not (gained or not official.titles):
            continue
        posts = titles_of_post(appointment.post)  # "Phó Bí thư Đảng ủy, Chủ tịch UBND phường X": two titles
        for post in posts:
            if len(posts) > 1 and is_bare_head(post):
                continue  # "Ủy viên, Chủ nhiệm Ủy ban Kiểm tra": the bare head is of the unit named after it
            if not any(_same_post(post, title) or _post_words(title)[:len(_post_words(post))] == _post_words(post)
                       for title in official.titles):
                official.titles.append(post)
    if added and all(official.spans for official in officials):
        officials.sort(key=lambda official: official.spans[0][0])  # (stable: a tie keeps the found order)
    return officials



def _same_post(post: str, title: str) -> bool:
    """"Giám đốc Sở TN-MT Yên Bái" is the "Giám đốc Sở TN-MT tỉnh Yên Bái" already printed."""
    return _post_words(post) == _post_words(title)


def _post_words(title: str) -> list[str]:
    return [word for word in title_key(title).split() if word not in _DESIGNATORS]


_DESIGNATORS = frozenset({"tinh", "thanh", "pho", "tp", "quan", "huyen"})
