"""Segmentation keeps the domain vocabulary whole and offsets right."""
from __future__ import annotations

import pytest

from pbmine.segment import get_segmenter


@pytest.mark.parametrize("word", ["五星级党支部", "党员先锋岗", "双报到", "模范机关", "好评率", "在职党员"])
def test_domain_words_stay_whole(word):
    text = f"推动{word}工作"
    assert word in [t.text for t in get_segmenter().tokens(text)]


def test_offsets():
    text = "命名 51 个五星级党支部"
    for t in get_segmenter().tokens(text, offset=10):
        assert text[t.start - 10:t.end - 10] == t.text


def test_segmenter_is_built_once():
    assert get_segmenter() is get_segmenter()
