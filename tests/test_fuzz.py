"""Property tests over read -> clean -> extract: any bytes give a record or a problem,
never an exception; output is NFC; extraction ends in bounded time on hostile lines.
(benchmarks/fuzz.py runs the same checks on 100,000 inputs; here each property test runs
a third of its examples, and benchmarks/properties.py all of them.)"""
from __future__ import annotations

import random
import sys
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, examples

sys.path.insert(0, str(ROOT / "benchmarks"))
from fuzz import check  # noqa: E402
from fuzzing import WORDS, mutated_seed  # noqa: E402

FAST = settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.binary(max_size=2000))
def test_random_bytes(data):
    assert check(data) is None


@FAST
@given(st.lists(st.sampled_from(WORDS), max_size=300))
def test_vietnamese_like_text(words):
    assert check(" ".join(words).encode("utf-8")) is None


@FAST
@given(st.integers(min_value=0, max_value=2**32))
def test_mutated_seeds(seed):
    assert check(mutated_seed(random.Random(seed))) is None


@FAST
@given(st.text(max_size=500))
def test_any_unicode_text(text):
    assert check(text.encode("utf-8", errors="surrogatepass")) is None


LONG_LINE = 300_000  # characters: a quadratic pattern takes minutes on it, a linear one a second


def test_a_long_line_of_digits_dashes_and_so_ends_quickly():
    from partyorg_site.loader import load_or_problem

    for piece in ("1-2-3 số ", "số 12-", "Nghị quyết số 1", "A B C D E ", "Bí thư Tỉnh ủy "):
        line = (piece * (LONG_LINE // len(piece)))[:LONG_LINE]
        started = time.perf_counter()
        load_or_problem("long.txt", f"Tiêu đề bài viết\n{line}\n".encode("utf-8"))
        # a hang detector, not a speed target: catastrophic backtracking would take hours
        assert time.perf_counter() - started < 30, piece
