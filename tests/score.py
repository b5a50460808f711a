# Copied from ../shared/tools/score.py so the suite runs from a plain clone; keep in step with it.
#!/usr/bin/env python3
"""Score extracted article records against hand-labelled gold files.

Usage:
    partyorg-site extract ../shared/seeds/*.txt > records.jsonl
    python3 ../shared/tools/score.py ../shared/gold records.jsonl [--min-f1 0.95] [--verbose]

Records are JSON Lines in the format of ../shared/SCHEMA.md; gold files are the
YAML files in the gold folder. Records are matched to gold files by the base
name of their "source" field. Prints one row per field (precision, recall, F1
or accuracy) and a last line "score: F" with the mean of the field scores.
Exits 1 when --min-f1 is given and a field scores below it, or a gold file has
no record. Needs only PyYAML.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import unicodedata

import yaml

ABBREVIATIONS = {
    "tw": "trung ương", "tư": "trung ương", "btv": "ban thường vụ", "hđnd": "hội đồng nhân dân",
    "ubnd": "ủy ban nhân dân", "bch": "ban chấp hành", "mttq": "mặt trận tổ quốc",
    "bct": "bộ chính trị", "btc": "ban tổ chức", "tp": "thành phố", "tp.": "thành phố",
    "t.ư": "trung ương", "t.w": "trung ương", "ub": "ủy ban",
}
PROVINCE_PREFIXES = ("thanh-pho-", "tp-", "tinh-")


def slug(text: str) -> str:
    """ASCII slug that ignores diacritics, tone-mark placement, case and punctuation."""
    text = unicodedata.normalize("NFKD", str(text)).replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def expand(text: str) -> str:
    words = unicodedata.normalize("NFC", str(text)).split()
    return " ".join(ABBREVIATIONS.get(w.lower(), w) for w in words)


def province_key(name) -> str:
    key = slug(expand(name))
    for prefix in PROVINCE_PREFIXES:
        if key.startswith(prefix):
            key = key[len(prefix):]
    return key


def number(value):
    if value is None:
        return None
    digits = re.match(r"\s*0*(\d+)", str(value))
    return int(digits.group(1)) if digits else slug(value)


def doc_key(doc: dict):
    kind = slug(doc.get("kind") or "")
    if doc.get("number") is not None:
        return (kind, "n", number(doc["number"]))
    if doc.get("plenum") is not None:
        return (kind, "p", number(doc["plenum"]), slug(doc.get("term") or ""))
    if doc.get("congress") is not None:
        return (kind, "c", slug(doc["congress"]))
    return (kind, "?", slug(doc.get("text") or ""))


def iso(value):
    """Gold YAML may hold dates as date objects; records hold strings."""
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def squash(text) -> str:
    return " ".join(unicodedata.normalize("NFC", str(text or "")).split())


def unpunctuated(text) -> str:
    """A paragraph's end without its closing marks: "nhất", "nhất." and "nhất./." compare equal."""
    return re.sub(r"[\s./…!?;:]+$", "", squash(text))


class Tally:
    def __init__(self):
        self.tp = self.fp = self.fn = self.total = 0

    def add(self, gold: set, got: set):
        self.total += 1
        self.tp += len(gold & got)
        self.fp += len(got - gold)
        self.fn += len(gold - got)

    def row(self):
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


class Accuracy:
    def __init__(self):
        self.right = self.total = 0

    def add(self, ok: bool):
        self.right += bool(ok)
        self.total += 1

    def row(self):
        a = self.right / self.total if self.total else 1.0
        return a, a, a


def load_records(path):
    records = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                records[os.path.basename(rec.get("source", ""))] = rec
    return records


def score(gold_dir, records, verbose=False):
    fields = {name: Tally() for name in ("provinces", "officials", "official_titles", "documents", "appointments",
                                         "appointment_posts")}
    fields.update({name: Accuracy() for name in (
        "title", "outlet", "published", "date", "province", "meeting", "document_details", "body", "present")})
    problems = []

    def say(source, what):
        problems.append(f"{source}: {what}")

    for name in sorted(os.listdir(gold_dir)):
        if not name.endswith((".yaml", ".yml")):
            continue
        gold = yaml.safe_load(open(os.path.join(gold_dir, name), encoding="utf-8"))
        source = gold["source"]
        rec = records.get(source)
        fields["present"].add(rec is not None)
        if rec is None:
            say(source, "no record")
            rec = {}

        # title
        if gold.get("title"):
            ok = squash(rec.get("title")) == squash(gold["title"])
        else:
            ok = bool(squash(rec.get("title"))) and rec.get("title_derived") is True
        fields["title"].add(ok) if ok else (fields["title"].add(False), say(source, f"title {rec.get('title')!r}"))

        for key in ("outlet", "published"):
            ok = squash(iso(rec.get(key))) == squash(iso(gold.get(key)))
            fields[key].add(ok)
            if not ok:
                say(source, f"{key} {rec.get(key)!r} != {iso(gold.get(key))!r}")

        ok_dates = [iso(gold.get("date"))] + [str(d) for d in gold.get("date_also_ok", [])]
        ok = rec.get("date") in ok_dates
        fields["date"].add(ok)
        if not ok:
            say(source, f"date {rec.get('date')!r} not in {ok_dates}")

        gp, rp = gold.get("province"), rec.get("province")
        ok = (gp is None and rp is None) or (gp is not None and rp is not None and province_key(gp) == province_key(rp))
        fields["province"].add(ok)
        if not ok:
            say(source, f"province {rp!r} != {gp!r}")

        gold_set = {province_key(p) for p in gold.get("provinces", [])}
        got_set = {province_key(p) for p in rec.get("provinces", [])}
        fields["provinces"].add(gold_set, got_set)
        if gold_set != got_set:
            say(source, f"provinces missing {sorted(gold_set - got_set)} extra {sorted(got_set - gold_set)}")

        gold_off = {slug(o["name"]): o for o in gold.get("officials", [])}
        got_off = {slug(o.get("name", "")): o for o in rec.get("officials", [])}
        fields["officials"].add(set(gold_off), set(got_off))
        if set(gold_off) != set(got_off):
            say(source, f"officials missing {sorted(set(gold_off) - set(got_off))} extra {sorted(set(got_off) - set(gold_off))}")
        for not_official in gold.get("not_officials", []):
            if slug(not_official) in got_off:
                say(source, f"{not_official!r} is not an official here")
        for key in set(gold_off) & set(got_off):
            gt = {slug(expand(t)) for t in gold_off[key].get("titles", [])}
            rt = {slug(expand(t)) for t in got_off[key].get("titles", [])}
            fields["official_titles"].add(gt, rt)
            if gt != rt:
                say(source, f"titles of {key}: missing {sorted(gt - rt)} extra {sorted(rt - gt)}")

        gold_docs = {doc_key(d): d for d in gold.get("documents", [])}
        got_docs = {doc_key(d): d for d in rec.get("documents", [])}
        fields["documents"].add(set(gold_docs), set(got_docs))
        if set(gold_docs) != set(got_docs):
            say(source, f"documents missing {sorted(set(gold_docs) - set(got_docs))} extra {sorted(set(got_docs) - set(gold_docs))}")
        for key in set(gold_docs) & set(got_docs):
            for attr in ("symbol", "date", "issuer"):
                if gold_docs[key].get(attr) is not None:
                    want, have = gold_docs[key][attr], got_docs[key].get(attr)
                    ok = slug(expand(iso(want))) == slug(expand(iso(have) or ""))
                    fields["document_details"].add(ok)
                    if not ok:
                        say(source, f"document {key} {attr} {have!r} != {iso(want)!r}")

        if "appointments" in gold:
            def moves(items):
                return {(slug(a.get("name", "")), slug(a.get("action", ""))): a for a in items or []}
            gold_moves, got_moves = moves(gold["appointments"]), moves(rec.get("appointments"))
            fields["appointments"].add(set(gold_moves), set(got_moves))
            if set(gold_moves) != set(got_moves):
                say(source, f"appointments missing {sorted(set(gold_moves) - set(got_moves))} "
                            f"extra {sorted(set(got_moves) - set(gold_moves))}")
            for key in set(gold_moves) & set(got_moves):
                want = {slug(expand(gold_moves[key].get("post") or ""))} - {""}
                have = {slug(expand(got_moves[key].get("post") or ""))} - {""}
                fields["appointment_posts"].add(want, have)
                if want != have:
                    say(source, f"appointment {key} post {got_moves[key].get('post')!r} != {gold_moves[key].get('post')!r}")

        gm, rm = gold.get("meeting"), rec.get("meeting")
        if gm is None:
            ok = rm is None
        else:
            ok = bool(rm) and slug(rm.get("kind", "")) == slug(gm["kind"]) and \
                (iso(gm.get("date")) or "")[:7] == (iso(rm.get("date")) or "")[:7]
        fields["meeting"].add(ok)
        if not ok:
            say(source, f"meeting {rm!r} != {gm!r}")

        body = [squash(p) for p in rec.get("body", [])]
        text = "\n".join(body)
        checks = []
        if gold.get("body_starts"):
            checks.append(("body starts", bool(body) and body[0].startswith(squash(gold["body_starts"]))))
        if gold.get("body_ends"):
            checks.append(("body ends", bool(body) and unpunctuated(body[-1]).endswith(unpunctuated(gold["body_ends"]))))
        for junk in gold.get("boilerplate", []):
            checks.append((f"boilerplate {junk!r} in body", squash(junk) not in text))
        for caption in gold.get("captions", []):
            checks.append((f"caption {caption[:30]!r}... in body", squash(caption) not in text))
        for what, ok in checks:
            fields["body"].add(ok)
            if not ok:
                say(source, what)

    return fields, problems


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold_dir")
    ap.add_argument("records")
    ap.add_argument("--min-f1", type=float, default=None)
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args(argv)
    fields, problems = score(args.gold_dir, load_records(args.records))
    fields = {name: tally for name, tally in fields.items() if tally.total}  # a field no gold file labels is not scored
    print(f"{'field':18} {'P':>6} {'R':>6} {'F1':>6}")
    below = []
    for name, tally in fields.items():
        p, r, f = tally.row()
        print(f"{name:18} {p:6.3f} {r:6.3f} {f:6.3f}")
        if args.min_f1 is not None and f < args.min_f1:
            below.append(name)
    if args.verbose:
        for line in problems:
            print("  -", line)
    mean = sum(t.row()[2] for t in fields.values()) / len(fields)
    print(f"score: {mean:.3f}")
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
