"""Bands inside a noun phrase (pbmine.bands): a bound written with numbers or a schooling level
belongs to the phrase of the figure after it."""
from __future__ import annotations

import pytest

from pbmine import extract_text


def metrics(text: str) -> dict[str, str]:
    claims = extract_text(f"无极县党建工作综述\n\n{text}\n")
    return dict(zip(claims["number"], claims["metric"]))


@pytest.mark.parametrize("sentence,number,metric", [
    ("35岁及以下党员7.3万名。", "7.3万", "35岁及以下党员"),          # an age bound
    ("36至59岁党员2.1万名。", "2.1万", "36至59岁党员"),              # a band joined by 至
    ("36岁至45岁的党员7.3万名。", "7.3万", "36岁至45岁党员"),        # ... with the unit on both ends
    ("26-35岁的占32.5%。", "32.5", "26-35岁"),                      # a band alone before a share
    ("本科及以上6190人。", "6190", "本科及以上"),                    # a schooling bound
    ("全省5-10万元的村占比40.1%。", "40.1", "5-10万元的村占比"),      # a money band before 的
    ("全县有3000多名35岁以下年轻干部。", "3000多", "35岁以下年轻干部"),  # an age band after the figure
    ("选派300名45岁及以下干部。", "300", "45岁及以下干部"),
])
def test_a_band_belongs_to_the_phrase(sentence, number, metric):
    assert metrics(sentence)[number] == metric


@pytest.mark.parametrize("sentence,number,part", [
    ("其中35人是党员。", "35", "35"),          # a figure is no band of the phrase after it
    ("新发展党员35名。", "35", "35岁"),        # no age unit: no band
    ("全县有3000多名35岁的干部。", "3000多", "35岁"),   # no bound: an age, no band of the phrase
])
def test_no_band_without_its_shape(sentence, number, part):
    assert part not in (metrics(sentence)[number] or "")
