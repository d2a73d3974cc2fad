"""Ranking regions, rolling up to cities, and refusing what cannot be added."""
from __future__ import annotations

import pytest

from pbmine import compare, metrics_summary
from pbmine.compare import NotAdditive, UnknownMetric, format_value


def test_five_star_branches(seed_claims):
    table = compare(seed_claims, "五星支部")
    assert list(zip(table["region"], table["value"])) == [
        ("西海岸新区", 125), ("平度市", 89), ("即墨区", 75), ("市北区", 51), ("市南区", 10)]
    assert table["rank"].tolist() == [1, 2, 3, 4, 5]


def test_rates(seed_claims):
    table = compare(seed_claims, "好评率")
    assert table["region"].tolist()[:2] == ["长岛综合试验区", "李沧区"]
    assert table["value"].tolist()[:2] == [100, 99.83]


def test_unknown_metric_names_the_closest(seed_claims):
    with pytest.raises(UnknownMetric) as info:
        compare(seed_claims, "五星")
    assert "五星支部" in info.value.suggestions


def test_roll_up_to_city_adds_counts_and_refuses_rates(seed_claims):
    table = compare(seed_claims, "五星支部", level="city")
    assert table[["region", "value"]].values.tolist() == [["青岛市", 350.0]]
    with pytest.raises(NotAdditive):
        compare(seed_claims, "好评率", level="city")


def test_year_filter(seed_claims):
    assert compare(seed_claims, "好评率", year=2024)["region"].tolist() == ["长岛综合试验区"]


def test_metrics_summary_most_comparable_first(seed_claims):
    table = metrics_summary(seed_claims)
    assert table.iloc[0]["regions"] >= table.iloc[-1]["regions"]
    assert "五星支部" in table["metric"].tolist()


@pytest.mark.parametrize("value,qualifier,high,text", [
    (1300, "at_least", None, "1,300+"), (7000, "at_most", None, "≤7,000"), (100, "about", None, "~100"),
    (3, None, 5, "3–5"), (99.83, None, None, "99.83")])
def test_format_value(value, qualifier, high, text):
    assert format_value(value, qualifier, high) == text
