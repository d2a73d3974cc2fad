"""Noun phrases read forward and backward from a number (pbmine.phrases)."""
from __future__ import annotations

import pytest

from pbmine.extract import Extractor
from pbmine.phrases import _join
from pbmine.quantities import find_quantities

EXTRACTOR = Extractor()


def read(sentence: str):
    finder = EXTRACTOR.finder
    quantities = find_quantities(sentence, EXTRACTOR.lex)
    items = finder.stream(sentence, 0, quantities)
    i = next(n for n, it in enumerate(items) if it.kind == "qty")
    back, action = finder.backward(items, i)
    return _join(finder.forward(items, i)), _join(back), action


@pytest.mark.parametrize("sentence,forward,backward,action", [
    ("设立179个党员先锋岗。", "党员先锋岗", None, "设立"),
    ("打造示范点14个。", None, "示范点", "打造"),
    ("好评率达100%。", None, "好评率", None),                 # a linking verb is skipped
    ("基层报表从8610张压减至278张。", None, "基层报表", None),  # 从 before a starting value
    ("突破百亿元大关。", None, None, None),                    # a gloss after the figure is no phrase
    ("地区生产总值[2]174.99亿元。", None, "地区生产总值", None),
])
def test_forward_and_backward(sentence, forward, backward, action):
    assert read(sentence) == (forward, backward, action)
