"""A synthetic corpus with ground truth, for scale benchmarks and a loader sanity check.

    python benchmarks/corpus.py N DIR [--seed S] [--score]

Writes N articles to DIR in both input shapes (a scraped page with its chrome, like the
bundled seeds; an aggregator export: headline, lead, body on one line) from templates of
real sentence patterns, with invented officials (random name parts), real provinces,
documents, meetings and year-less dates, plus DIR/../truth.jsonl with the true records.
Deterministic for a seed. --score extracts the corpus and prints the loader's F1 on it.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PROVINCES = [p["name"] for p in yaml.safe_load((ROOT / "src/partyorg_site/data/provinces.yaml").read_text(
    encoding="utf-8"))["provinces"] if not p["needs_designator"]]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Đinh", "Lương"]
MIDDLES = ["Văn", "Thị", "Đức", "Minh", "Quốc", "Thanh", "Hữu", "Xuân", "Ngọc", "Công"]
GIVEN = ["Tâm", "Hải", "Lợi", "Khiêm", "Tuấn", "Hòa", "Nhân", "Thắm", "Quyết", "Trí", "Luận", "Phong", "Sáng"]
OUTLETS = ["Báo Nhân Dân", "TTXVN", "ĐCSVN", "Báo Tuổi Trẻ", "Báo Lao Động"]
PROVINCIAL_TITLES = [["Bí thư Tỉnh ủy"], ["Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch HĐND tỉnh"],
                     ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng Ban Tổ chức Tỉnh ủy"], ["Phó Bí thư Tỉnh ủy"]]
CENTRAL_TITLES = [["Ủy viên Trung ương Đảng", "Phó Trưởng Ban Tổ chức Trung ương"],
                  ["Ủy viên Bộ Chính trị", "Bí thư Trung ương Đảng", "Trưởng Ban Tổ chức Trung ương"]]
MEETINGS = {"giao ban": "hội nghị giao ban trực tuyến công tác tổ chức xây dựng Đảng",
            "tổng kết": "hội nghị tổng kết công tác tổ chức xây dựng Đảng",
            "sơ kết": "hội nghị sơ kết công tác tổ chức xây dựng Đảng 6 tháng đầu năm",
            "tập huấn": "lớp tập huấn nghiệp vụ công tác tổ chức xây dựng Đảng",
            "hội thảo": "hội thảo khoa học về công tác cán bộ"}
KINDS = [("Nghị quyết", "NQ"), ("Chỉ thị", "CT"), ("Kết luận", "KL"), ("Quy định", "QĐ")]
FILLER = ["Các đại biểu đã thảo luận, đóng góp nhiều ý kiến tâm huyết, trách nhiệm.",
          "Công tác cán bộ tiếp tục được đổi mới, bảo đảm dân chủ, khách quan, công khai.",
          "Việc sắp xếp tổ chức bộ máy theo hướng tinh gọn, hoạt động hiệu lực, hiệu quả được đẩy mạnh.",
          "Chất lượng sinh hoạt chi bộ từng bước được nâng lên, phát triển đảng viên đạt kết quả tốt.",
          "Công tác bảo vệ chính trị nội bộ được quan tâm, nắm chắc tình hình tư tưởng cán bộ, đảng viên."]


def invented_name(rng: random.Random, taken: set[str]) -> str:
    while True:
        name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLES)} {rng.choice(GIVEN)}"
        if name not in taken:
            taken.add(name)
            return name


def article(rng: random.Random, number: int) -> tuple[str, dict]:
    year = rng.randint(2012, 2024)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    province = rng.choice(PROVINCES)
    others = rng.sample([p for p in PROVINCES if p != province], rng.randint(0, 2))
    kind = rng.choice(list(MEETINGS))
    taken: set[str] = set()
    people = [(invented_name(rng, taken), rng.choice(PROVINCIAL_TITLES)) for _ in range(rng.randint(1, 2))]
    chair = (invented_name(rng, taken), rng.choice(CENTRAL_TITLES)) if rng.random() < 0.5 else None
    doc_kind, code = rng.choice(KINDS)
    doc_number = rng.randint(1, 60)
    doc_year = rng.randint(2010, year)
    doc_date = f"{doc_year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    plenum, term = rng.randint(2, 8), rng.choice(["XI", "XII", "XIII"])
    outlet = rng.choice(OUTLETS)
    title = f"{province}: {MEETINGS[kind][0].upper()}{MEETINGS[kind][1:]} năm {year}"
    lead = (f"{rng.choice(['Sáng', 'Chiều'])} {day}/{month}, tại tỉnh {province}, Ban Tổ chức Tỉnh ủy tổ chức "
            f"{MEETINGS[kind]}.")
    sentences = []
    for name, titles in people:
        sentences.append(f"Dự hội nghị có đồng chí {name} - {', '.join(titles)}.")
    if chair:
        sentences.append(f"Đồng chí {chair[0]}, {', '.join(chair[1])} phát biểu chỉ đạo.")
    sentences.append(f"Trong {month} tháng đầu năm {year}, toàn ngành thực hiện nghiêm {doc_kind} số "
                     f"{doc_number}-{code}/TW ngày {int(doc_date[8:])}/{int(doc_date[5:7])}/{doc_year} "
                     f"của Bộ Chính trị và Nghị quyết Trung ương {plenum} khóa {term}.")
    if others:
        sentences.append(f"Hội nghị trao đổi kinh nghiệm với các tỉnh {', '.join(others)}.")
    sentences += rng.sample(FILLER, 3)
    date = f"{year}-{month:02d}-{day:02d}"
    officials = [{"name": n, "titles": t} for n, t in people]
    if chair:
        officials.append({"name": chair[0], "titles": chair[1]})
    truth = {"source": f"{number:06d}.txt", "title": title, "outlet": outlet, "date": date, "province": province,
             "provinces": [province, *others], "officials": officials,
             "documents": [{"kind": doc_kind, "number": doc_number, "symbol": f"{doc_number}-{code}/TW",
                            "date": doc_date, "issuer": "Bộ Chính trị"},
                           {"kind": "Nghị quyết", "plenum": plenum, "term": term}],
             "meeting": {"kind": kind, "date": date}}
    caption = f"Quang cảnh {MEETINGS[kind].split(' công tác')[0]}"
    if number % 2:  # the aggregator export: headline, lead, the body run together
        text = "\n".join([title, f"({outlet}) - {lead}",
                          " ".join([*sentences[:1], f"{caption}. (Ảnh: {rng.choice(GIVEN)} {rng.choice(GIVEN)})",
                                    *sentences[1:]])]) + "\n"
    else:  # the scraped page
        text = "\n\n".join(["mask", title, f"({outlet}) - {lead}", f"{title} ảnh 1",
                            f"{caption}. Ảnh: {rng.choice(GIVEN)}", *sentences, "Tin mới",
                            f"Tin khác về {rng.choice(PROVINCES)}", f"Đang online: {rng.randint(1, 99)}"]) + "\n"
    return text, truth


def generate(count: int, folder: Path, seed: int = 1) -> Path:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    truth_path = folder.parent / f"{folder.name}-truth.jsonl"
    with truth_path.open("w", encoding="utf-8") as truth_file:
        for number in range(count):
            text, truth = article(rng, number)
            (folder / truth["source"]).write_text(text, encoding="utf-8")
            truth_file.write(json.dumps(truth, ensure_ascii=False) + "\n")
    return truth_path


def score(records: list[dict], truths: list[dict]) -> dict[str, float]:
    """F1 per field, with the gold scorer's normalisations (tests/score.py)."""
    sys.path.insert(0, str(ROOT / "tests"))
    import score as gold

    fields = {name: gold.Tally() for name in ("provinces", "officials", "official_titles", "documents")}
    fields.update({name: gold.Accuracy() for name in ("title", "date", "province", "meeting", "outlet")})
    by_source = {r["source"]: r for r in records}
    for truth in truths:
        got = by_source.get(truth["source"], {})
        fields["title"].add(gold.squash(got.get("title")) == gold.squash(truth["title"]))
        fields["outlet"].add(got.get("outlet") == truth["outlet"])
        fields["date"].add(got.get("date") == truth["date"])
        fields["province"].add(gold.province_key(got.get("province") or "") == gold.province_key(truth["province"]))
        meeting = got.get("meeting") or {}
        fields["meeting"].add(meeting.get("kind") == truth["meeting"]["kind"])
        fields["provinces"].add({gold.province_key(p) for p in truth["provinces"]},
                                {gold.province_key(p) for p in got.get("provinces", [])})
        want = {gold.slug(o["name"]): o for o in truth["officials"]}
        have = {gold.slug(o["name"]): o for o in got.get("officials", [])}
        fields["officials"].add(set(want), set(have))
        for key in set(want) & set(have):
            fields["official_titles"].add({gold.slug(gold.expand(t)) for t in want[key]["titles"]},
                                          {gold.slug(gold.expand(t)) for t in have[key]["titles"]})
        fields["documents"].add({gold.doc_key(d) for d in truth["documents"]},
                                {gold.doc_key(d) for d in got.get("documents", [])})
    return {name: tally.row()[2] for name, tally in fields.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--score", action="store_true", help="extract the corpus and print the loader's F1")
    args = parser.parse_args()
    truth_path = generate(args.count, args.folder, args.seed)
    print(f"wrote {args.count} articles to {args.folder} and the truth to {truth_path}")
    if args.score:
        from partyorg_site.loader import load_file

        records = [load_file(p, args.folder).to_dict() for p in sorted(args.folder.glob("*.txt"))]
        truths = [json.loads(line) for line in truth_path.read_text(encoding="utf-8").splitlines()]
        for name, f1 in score(records, truths).items():
            print(f"{name:16} F1 {f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
