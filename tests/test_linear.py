"""Issue 8, defect 11: every stage is linear in the document's size.

A single-line document used to take quadratic time (a 1 MB line 15 s, 4 MB 149 s):
each figure scanned every place mention, every year and every unit named before
it on its line. The bound is a ratio of CPU time within one test, never a time.
"""
from __future__ import annotations

import time

from conftest import SEEDS

from pbmine.extract import Extractor

MB = 1_000_000


def _line(size: int) -> str:
    text = (SEEDS / "001_132740b646042620.txt").read_text(encoding="utf-8").replace("\n", "")
    return (text * (size // len(text.encode("utf-8")) + 1))[: size // 3]  # ~3 bytes a character


def test_a_5mb_single_line_costs_about_five_1mb_ones():
    ex = Extractor()
    one = _line(MB)
    ex.text(one[:2000])  # build the dictionaries before timing
    start = time.process_time()
    small = sum(len(ex.text(one, f"d{i}")) for i in range(5))
    five_small = time.process_time() - start
    start = time.process_time()
    big = len(ex.text(_line(5 * MB), "big"))
    one_big = time.process_time() - start
    assert big >= 0.9 * small  # the same kind of text, so about as many claims
    assert one_big <= 2.0 * five_small, (one_big, five_small)
