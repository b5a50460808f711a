"""Input generators shared by the fuzz benchmark and the property tests: random bytes,
Vietnamese-like text built from the words the extractors react to, and mutated seeds."""
from __future__ import annotations

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = [p.read_bytes() for p in sorted((ROOT / "articles").glob("*.txt"))]
WORDS = ["số", "Nghị quyết", "Chỉ thị", "Kết luận", "Trung ương", "khóa", "XII", "XI,", "Đại hội", "Hội nghị",
         "giao ban", "tổng kết", "Đồng chí", "đồng chí", "Nguyễn", "Văn", "Phạm", "Minh", "Bí thư", "Tỉnh ủy",
         "Trưởng Ban", "Tổ chức", "Ủy viên", "Bộ Chính trị", "HĐND", "tỉnh", "Phú Thọ", "Nghệ An", "TP.",
         "Hồ Chí Minh", "Bà Rịa - Vũng Tàu", "Thừa Thiên - Huế", "ảnh", "Ảnh:", "Theo", "(Baonghean.vn) -",
         "Sáng", "Chiều", "ngày", "tháng", "năm", "2019", "30-9", "5/1", "1/2/2019", "18-NQ/TW", "-", "–", ",",
         ".", ";", ":", "(", ")", "\"", "“", "”", "…", "/.", "\n", "\n\n", "\xa0", "Tin mới", "mask", "---",
         "title:", "*", "#", "![a](b)", "[x](y)", "0", "9999", "Ư", "ơ", "uỷ", "oà", "\u0301", "\u0323"]


def random_bytes(rng: random.Random) -> bytes:
    return bytes(rng.randrange(256) for _ in range(rng.randrange(0, 400)))


def vietnamese_like(rng: random.Random) -> bytes:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randrange(1, 300))).encode("utf-8")


def mutated_seed(rng: random.Random) -> bytes:
    data = bytearray(rng.choice(SEEDS))
    for _ in range(rng.randrange(1, 30)):
        position = rng.randrange(len(data) or 1)
        action = rng.randrange(4)
        if action == 0 and data:
            data[position] = rng.randrange(256)
        elif action == 1:
            data[position:position] = rng.choice(WORDS).encode("utf-8")
        elif action == 2:
            del data[position:position + rng.randrange(1, 200)]
        else:
            piece = data[position:position + rng.randrange(1, 300)]
            data[rng.randrange(len(data) or 1):0] = piece
    return bytes(data)


GENERATORS = [random_bytes, vietnamese_like, mutated_seed]
