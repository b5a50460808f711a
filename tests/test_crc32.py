"""site/crc32: the CRC-32 of joined texts from their parts' CRCs, as zlib computes it whole."""
from __future__ import annotations

import random
import zlib

import pytest

from partyorg_site.site.crc32 import crc32_combine

CASES = [
    (b"", b""),
    (b"abc", b""),
    (b"", b"abc"),
    (b"[\n", b'{"slug": "a"}'),
    (b"x" * 1000, b"y" * 70_000),
    ("Hội nghị".encode(), "giao ban".encode()),
]


@pytest.mark.parametrize("first, second", CASES, ids=[f"{len(a)}+{len(b)}" for a, b in CASES])
def test_combined_crc_is_the_crc_of_the_joined_text(first, second):
    assert crc32_combine(zlib.crc32(first), zlib.crc32(second), len(second)) == zlib.crc32(first + second)


def test_many_pieces_fold_into_the_whole_texts_crc():
    rng = random.Random(7)
    pieces = [rng.randbytes(rng.randrange(0, 5000)) for _ in range(40)]
    crc = 0
    for piece in pieces:
        crc = crc32_combine(crc, zlib.crc32(piece), len(piece))
    assert crc == zlib.crc32(b"".join(pieces))
