"""Audit: the loader over every article of a folder, with no labels, checked against the
invariants a trustworthy record keeps (SCHEMA.md). Prints, for each invariant, how many
records break it and a few examples; then the spread of event years and of date sources.

    python benchmarks/audit.py DIR [--examples 5] [--today 2026-12-01] [--jobs 2] [--json OUT] [--lexicon FILE]

Whether a title ends inside a word is judged with a Vietnamese lexicon (one word a line):
by default pyvi's words.txt (MIT; `pip install --no-deps pyvi` brings the file without
pyvi's models' dependencies). Without one, that invariant is not counted.

Run it over a large real corpus (../dev-corpus/all, 35,440 articles) before and after a
change to the loader: a count that grows is a rule that went wrong somewhere unseen.
The checks here are deliberately independent of the loader's own rules: they read only
the records (and, for provinces, the record's body), so they catch what the rules miss.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
import sys
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from datetime import date, timedelta
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, Callable, Iterable

from partyorg_site import datafiles
from partyorg_site.loader import load_or_problem

try:
    from partyorg_site.archive.resolve import bound_to_build_day
except ImportError:  # a loader from before the bound moved out of extraction
    bound_to_build_day = None
from partyorg_site.read.files import ARTICLE_SUFFIXES
from partyorg_site.vietnamese import fold

Record = dict[str, Any]
Finding = str  # what to show as an example

DAYS_AFTER_PUBLISHED = 14
DAYS_BEFORE_PUBLISHED = 60  # SCHEMA.md: with a timestamp, an event is dated within [published − 60, published + 14]
# Words a title never ends with: prepositions and conjunctions that open what follows.
FUNCTION_WORDS = {"của", "và", "tại", "về", "với", "cho", "ở", "trong", "theo", "là", "các", "những", "đã", "sẽ"}
ROMAN = {"I", "V", "X"}  # "Vụ trưởng Vụ Địa phương I": a one-letter word that ends a title rightly
# a capitalised syllable; a foreign name's hyphenated given name ("Geun-hye", "Jong-un") is one,
# and so is a foreign surname with a capital inside ("McClay", "DeVos", "O'Neill"): never a
# Vietnamese syllable, but no sign of a badly cut name either
NAME_SYLLABLE = re.compile(r"^[A-ZÀ-ỸĐ][a-zà-ỹđ']*(?:[A-Z][a-z']+)?(?:-[A-Za-zà-ỹđ][a-zà-ỹđ']*)*$")
CREDIT_LINE = re.compile(r"(?:^|\s)(?:Ảnh|Tin|Tin, ảnh|Tin và ảnh|Bài, ảnh|Nguồn|Theo)\s*:|\((?:TTXVN|Theo [^)]*)\)\s*$|"
                         r"^\s*\(?Theo\s+[^.]{2,40}\)?\s*$|/\s*(?:VOV|TTXVN|VNA|[A-ZĐ&]{2,10})[^ ]*\s*\)?\s*$|"
                         r"^[A-ZĐÀ-Ỹ .\-/]{4,40}$")
# A lesser place's word right before a name ("đường Thái Nguyên"; "phố" only where it is no
# "thành phố", a city).
PLACE_WORDS_BEFORE = re.compile(r"(?:đường|(?<!thành )(?<!Thành )phố|huyện|quận|xã|phường|thị xã|thị trấn|sông|núi)\s+$",
                                re.IGNORECASE)
SURNAMES = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
            "Dương", "Lý", "Đinh", "Đào", "Trịnh", "Mai", "Trương", "Lâm", "Hà", "Lưu", "Tô", "Cao", "Chu"}


def _date(value: str) -> date:
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def dates_after_build(record: Record, today: date) -> Iterable[Finding]:
    if record["date"] and _date(record["date"]) > today:
        yield record["date"]


def dates_after_published(record: Record, today: date) -> Iterable[Finding]:
    if record["date"] and record["published"] and record["date_precision"] == "day" and \
            _date(record["date"]) > date.fromisoformat(record["published"][:10]) + timedelta(DAYS_AFTER_PUBLISHED):
        yield f"{record['date']} published {record['published']}"


# Words that introduce a day as a start, an effective date or a deadline ("từ ngày 1/7/2025
# chính thức vận hành", "có hiệu lực kể từ ngày", "chậm nhất ngày 30/6", "hết hạn vào
# ngày"; not a report's "as
# of", "tính đến hết ngày"), for this check only: the loader's own lists are not consulted,
# so that they are what is checked.
START_OR_DEADLINE_BEFORE = re.compile(
    r"(?:(?<!\w)(?:kể từ|bắt đầu từ|từ|có hiệu lực(?: thi hành)?(?: kể)?(?: từ)?|áp dụng(?: kể)?(?: từ)?"
    r"|trước|chậm nhất(?: là)?|hạn chót(?: là)?|(?<!tính )đến hết|(?<!tính )tới hết|hết (?:hạn|hiệu lực)(?: vào)?))"
    r"\s+(?:(?:hôm|ngày)\s+)?$",
    re.IGNORECASE)
# "từ ngày 5/9 đến 7/9", "đến hết ngày 24/6", "đến hết 11h30 ngày 13/3", "21-3-2017/20-4-2017":
# the day opens an event's span
RANGE_ON = re.compile(r"\s*(?:đến|tới|-|–|/)(?:\s+hết)?\s*(?:\d{1,2}h\d{0,2}\s+)?(?:ngày\s+)?\d")


def _mentions_of_day(text: str, day: int, month: int) -> Iterable[re.Match[str]]:
    """Where `text` prints this day and month: "5/9", "05-09-2017", "ngày 5 tháng 9", and
    as a range's first day, "5-7/9" (its group `span` set)."""
    yield from re.finditer(rf"(?<![\d/.-])0?{day}\s*[/.-]\s*0?{month}(?:\s*[/.-]\s*\d{{4}})?(?![\d])"
                           rf"|(?<!\w)0?{day}\s+tháng\s+0?{month}(?:\s+năm\s+\d{{4}})?(?!\d)"
                           rf"|(?<![\d/.-])0?{day}(?P<span>\s*(?:[-–]|đến|và)\s*)\d{{1,2}}\s*[/.-]\s*0?{month}(?![\d])",
                           text)


def dates_from_start_or_deadline(record: Record, today: date) -> Iterable[Finding]:
    """A day-precise event date every printing of which, in the title and body, is
    introduced as a start, an effective date or a deadline (SCHEMA.md: never the event's).
    A day the text does not print as such (a relative day, "ngày 5 và 6/9") is not judged."""
    if record["date_precision"] != "day":
        return
    year, month, day = (int(part) for part in record["date"].split("-"))
    text = "\n".join([record["title"], *record["body"]])
    mentions = list(_mentions_of_day(text, day, month))
    if mentions and all(START_OR_DEADLINE_BEFORE.search(text, max(0, m.start() - 30), m.start())
                        and not m["span"] and not RANGE_ON.match(text, m.end()) for m in mentions):
        yield f"{record['date']}: …{text[max(0, mentions[0].start() - 30):mentions[0].end()]}"


def dates_long_before_published(record: Record, today: date) -> Iterable[Finding]:
    """An event dated more than 60 days before its page whose year the text does not state
    (it came from the timestamp): a background day read as the event's."""
    if record["date"] and record["published"] and record.get("date_source") != "text":
        first = _date(record["date"])
        last = date(first.year, 12, 31) if record["date_precision"] == "year" else \
            (date(first.year + first.month // 12, first.month % 12 + 1, 1) - timedelta(1)
             if record["date_precision"] == "month" else first)
        if last < date.fromisoformat(record["published"][:10]) - timedelta(DAYS_BEFORE_PUBLISHED):
            yield f"{record['date']} published {record['published']}"


def dates_without_source(record: Record, today: date) -> Iterable[Finding]:
    if record["date"] and not record.get("date_source"):
        yield record["date"]


def default_lexicon() -> Path | None:
    """pyvi's word list, where pyvi is installed (found without importing it)."""
    spec = importlib.util.find_spec("pyvi")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "models" / "words.txt"
    return path if path.is_file() else None


LEXICON: frozenset[str] = frozenset()  # the lexicon's words of two syllables or more, set by main()
NEXT_WORDS = re.compile(r"\s+([a-zà-ỹđ]+)(?:\s+([a-zà-ỹđ]+))?")  # lower-case words after the title
DOTTED_ON = re.compile(r"[.\-]\w")  # "Q" of "Q.1": the title stopped inside an abbreviation


def titles_cut(record: Record, today: date) -> Iterable[Finding]:
    """A title that ends in one letter cut from an abbreviation ("T" of "T.Ư", "Q" of "Q.1";
    not "Bệnh viện E", "quận 2", "Vụ Địa phương I"), a preposition, a mark, or inside a word:
    its last syllable and the word after it in the text make one word of the lexicon
    ("Trưởng Ban Chỉ| đạo", "Chủ tịch Công| ty"), and that next word does not make one
    with the word after it."""
    text = "\n".join(record["body"] + record["captions"])
    for official in record["officials"]:
        for title in official["titles"]:
            words = title.split()
            last = words[-1] if words else ""
            if last.lower() in FUNCTION_WORDS or title.endswith((".", "-", ",")):
                yield f"{official['name']}: {title}"
                continue
            # Judged where it is printed: cut only if cut everywhere ("Chủ tịch Hội" printed
            # inside "Chủ tịch Hội đồng" says nothing of where it was taken from).
            ends = [m.end() for m in re.finditer(re.escape(title), text)]
            cuts = [_cut_after(text, end, last) for end in ends]
            if ends and all(cuts):
                yield f"{official['name']}: {title}{cuts[0]}"


def _cut_after(text: str, end: int, last: str) -> str:
    """What shows that a title printed up to `end` was cut there ("" where nothing does):
    the rest of an abbreviation ("Q" of "Q.1"; not "Bệnh viện E"), or a word that the last
    syllable makes one word with and that makes none with the word after it ("Thành ủy |
    nhiệm kỳ" is no cut)."""
    if len(last) == 1 and last.isalpha() and last not in ROMAN:
        return "|." if last.islower() or DOTTED_ON.match(text, end) else ""
    after = NEXT_WORDS.match(text, end)
    if after and f"{last.lower()} {after[1]}" in LEXICON and not (after[2] and f"{after[1]} {after[2]}" in LEXICON):
        return f"| {after[1]}"
    return ""


def names_malformed(record: Record, today: date) -> Iterable[Finding]:
    for official in record["officials"]:
        words = official["name"].split()
        if not 2 <= len(words) <= 5 or not all(NAME_SYLLABLE.match(w) for w in words):
            yield official["name"]


def _after_personal_name(text: str, start: int) -> bool:
    """A run of capitalised words right before `start` that opens with a common surname."""
    words = re.findall(r"[A-ZÀ-ỸĐ][a-zà-ỹđ]*", text[max(0, start - 30):start])
    run = re.search(r"((?:[A-ZÀ-ỸĐ][a-zà-ỹđ]*\s+)+)$", text[max(0, start - 30):start])
    return bool(words and run and run.group(1).split()[0] in SURNAMES)


@lru_cache(maxsize=None)
def _spellings(province: str) -> re.Pattern[str]:
    """Every printed form of a province (data/provinces.yaml: "TP.HCM" is Hồ Chí Minh too), so
    that one printed otherwise is not judged by the mentions of its bare name alone."""
    spellings = next((p["spellings"] for p in datafiles.load("provinces")["provinces"] if p["name"] == province),
                     [province])
    return re.compile("|".join(re.escape(s) for s in sorted(spellings, key=len, reverse=True)))


def provinces_inside_names(record: Record, today: date) -> Iterable[Finding]:
    """A province every one of whose mentions in the body stands right after a place word
    ("đường Thái Nguyên") or inside a person's name ("Nguyễn Thái Bình")."""
    text = "\n".join(record["body"])
    for province in record["provinces"]:
        starts = [m.start() for m in re.finditer(_spellings(province), text)]
        if starts and all(PLACE_WORDS_BEFORE.search(text[max(0, s - 12):s]) or _after_personal_name(text, s)
                          for s in starts):
            yield province


def bodies_ending_in_credit(record: Record, today: date) -> Iterable[Finding]:
    if record["body"]:
        last = record["body"][-1].strip()
        tail = last[-80:]
        if CREDIT_LINE.search(tail) and len(last) < 200 or re.search(r"\((?:TTXVN|Theo [^)]{2,30})\)\s*$", last):
            yield tail


def appointees_not_officials(record: Record, today: date) -> Iterable[Finding]:
    """A personnel decision about a person the record does not count among its officials."""
    officials = {fold(o["name"]) for o in record["officials"]}
    for appointment in record.get("appointments", []):
        if fold(appointment["name"]) not in officials:
            yield f"{appointment['name']} ({appointment['action']})"


def posts_cut(record: Record, today: date) -> Iterable[Finding]:
    """A decision's post that ends in a preposition, a mark, one letter or inside a word,
    judged as titles are (`_cut_after`)."""
    text = "\n".join(record["body"] + record["captions"])
    for appointment in record.get("appointments", []):
        post = appointment["post"] or ""
        words = post.split()
        if not words or appointment["action"] == "kỷ luật":
            continue
        if words[-1].lower() in FUNCTION_WORDS or post.endswith((".", "-", ",")):
            yield f"{appointment['name']}: {post}"
            continue
        ends = [m.end() for m in re.finditer(re.escape(post), text)]
        cuts = [_cut_after(text, end, words[-1]) for end in ends]
        if ends and all(cuts):
            yield f"{appointment['name']}: {post}{cuts[0]}"


INVARIANTS: dict[str, Callable[[Record, date], Iterable[Finding]]] = {
    "event date after the build date": dates_after_build,
    "event date > 14 days after publication": dates_after_published,
    "event date > 60 days before publication, year not printed": dates_long_before_published,
    "date set, date_source null (year from no cue)": dates_without_source,
    "dates from a start, deadline or effective phrase": dates_from_start_or_deadline,
    "title ends in one letter, inside a word or in a preposition": titles_cut,
    "official's name not 2-5 capitalised syllables": names_malformed,
    "province named only inside a name or street": provinces_inside_names,
    "body ends in a credit line": bodies_ending_in_credit,
    "appointment of a person not among the officials": appointees_not_officials,
    "appointment's post ends in one letter, inside a word or in a preposition": posts_cut,
}


def _set_lexicon(path: Path | None) -> None:
    global LEXICON
    if path is not None:
        LEXICON = frozenset(line.strip().lower() for line in path.read_text(encoding="utf-8").splitlines()
                            if " " in line.strip())


def _load(path: Path, today: date) -> Record | str:
    """The record as the archive shows it on `today`: the build's day bounds its date
    (archive/resolve.py), as it does in a build."""
    result = load_or_problem(path.name, path.read_bytes())
    if not hasattr(result, "to_dict"):
        return f"{result}"
    if bound_to_build_day is not None:
        bound_to_build_day([result], today)
    return result.to_dict()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--examples", type=int, default=5)
    parser.add_argument("--today", type=date.fromisoformat, default=date.today())
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", type=Path, help="also write the counts here")
    parser.add_argument("--decisions", type=int, default=0,
                        help="print this many personnel decisions drawn at random (seed 0), to read by hand")
    parser.add_argument("--lexicon", type=Path, default=default_lexicon(),
                        help="Vietnamese words, one a line (default: pyvi's words.txt, if installed)")
    args = parser.parse_args(argv)
    _set_lexicon(args.lexicon)
    if args.lexicon is None:
        print("no lexicon: titles ending inside a word are not counted (pip install --no-deps pyvi)")

    paths = sorted(p for p in args.folder.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES)
    with ProcessPoolExecutor(args.jobs) as pool:
        results = list(pool.map(partial(_load, today=args.today), paths, chunksize=200))
    records = [r for r in results if isinstance(r, dict)]
    problems = len(results) - len(records)

    broken: dict[str, int] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for record in records:
        for name, check in INVARIANTS.items():
            findings = list(check(record, args.today))
            if findings:
                broken[name] += 1
                if len(examples[name]) < args.examples:
                    examples[name].append(f"{record['source']}: {findings[0]}")

    print(f"{len(paths)} files, {len(records)} records, {problems} problems; build date {args.today}")
    print(f"{'invariant':55} {'records':>8} {'share':>7}")
    for name in INVARIANTS:
        print(f"{name:55} {broken[name]:8d} {broken[name] / max(1, len(records)):7.2%}")
        for example in examples[name]:
            print(f"    {example}")
    years = Counter(r["date"][:4] if r["date"] else "none" for r in records)
    sources = Counter(str(r.get("date_source")) for r in records if r["date"])
    precisions = Counter(str(r["date_precision"]) for r in records)
    print("event years:", ", ".join(f"{y}: {n}" for y, n in sorted(years.items())))
    print("date sources:", ", ".join(f"{s}: {n}" for s, n in sorted(sources.items())))
    print("precisions:", ", ".join(f"{p}: {n}" for p, n in sorted(precisions.items())))
    other = Counter()
    for record in records:
        other["province null"] += record["province"] is None
        other["no officials"] += not record["officials"]
        other["outlet null"] += record["outlet"] is None
        other["meeting null"] += record["meeting"] is None
    print("also:", ", ".join(f"{k}: {v}" for k, v in other.items()))
    _report_appointments(records, args.decisions)
    if args.json:
        args.json.write_text(json.dumps({"records": len(records), "broken": broken, "years": years,
                                         "sources": sources, "other": other}, ensure_ascii=False, indent=1))
    return 0


def _report_appointments(records: list[Record], sample: int) -> None:
    """How many articles report personnel decisions, of which actions and years; and a random
    sample of them, each with its article, to be read by hand."""
    decisions = [(record, a) for record in records for a in record.get("appointments", [])]
    actions = Counter(a["action"] for _, a in decisions)
    print(f"appointments: {len(decisions)} in {len({r['source'] for r, _ in decisions})} articles; "
          + ", ".join(f"{action}: {n}" for action, n in actions.most_common()))
    print(f"  with a post: {sum(bool(a['post']) for _, a in decisions)}, with a deciding body: "
          f"{sum(bool(a['by']) for _, a in decisions)}, with a date: {sum(bool(a['date']) for _, a in decisions)}")
    for record, a in random.Random(0).sample(decisions, min(sample, len(decisions))):
        print(f"  {record['source']} | {record['title'][:70]} | {a['name']} | {a['action']} | {a['post']} | "
              f"{a['by']} | {a['date']}")


if __name__ == "__main__":
    sys.exit(main())
