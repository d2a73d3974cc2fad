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


# ---------------------------------------------------------------- --agg, units, empty rankings

from pbmine.compare import comparable_metrics  # noqa: E402
from pbmine.schema import conform  # noqa: E402
import pandas as pd  # noqa: E402


def _claims(rows):
    base = {"metric": "党员", "phrase": "党员", "unit": "名", "kind": "count", "number": "1", "sentence": "s",
            "sentence_index": 0, "doc_id": "d", "end": 1}
    return conform(pd.DataFrame([{**base, "start": i, **r} for i, r in enumerate(rows)]))


AGG_ROWS = [
    {"region": "甲区", "value": 100.0, "year": 2023}, {"region": "甲区", "value": 80.0, "year": 2024},
    {"region": "甲区", "value": 30.0, "year": 2024}, {"region": "乙区", "value": 90.0, "year": 2024},
]


@pytest.mark.parametrize("agg,expected", [
    ("latest", [("甲区", 80.0, 3), ("乙区", 90.0, 1)]),
    ("max", [("甲区", 100.0, 3), ("乙区", 90.0, 1)]),
    ("sum", [("甲区", 210.0, 3), ("乙区", 90.0, 1)]),
    ("mean", [("甲区", 70.0, 3), ("乙区", 90.0, 1)]),
])
def test_agg_rules_and_claim_counts(agg, expected):
    table = compare(_claims(AGG_ROWS), "党员", agg=agg)
    got = {(r, v, n) for r, v, n in zip(table["region"], table["value"], table["claims"])}
    assert got == set(expected)
    assert table["rank"].tolist() == [1, 2]
    assert table.attrs["agg"] == agg and table.attrs["rule"]
    assert (table["agg"] == agg).all()


def test_agg_all_lists_every_claim_picked_first():
    table = compare(_claims(AGG_ROWS), "党员", agg="all")
    assert table["value"].tolist() == [90.0, 80.0, 30.0, 100.0]   # 乙区 first (90 > 80), then 甲区's latest first
    assert table["rank"].tolist() == [1, 2, 2, 2] and table["claims"].tolist() == [1, 3, 3, 3]


def test_latest_takes_first_stated_rate_not_largest():
    rows = [{"region": "甲区", "value": 95.0, "unit": "%", "kind": "percent", "year": 2024},
            {"region": "甲区", "value": 99.0, "unit": "%", "kind": "percent", "year": 2024}]
    assert compare(_claims(rows), "党员")["value"].tolist() == [95.0]


def test_sum_of_rates_is_refused():
    rows = [{"region": "甲区", "value": 95.0, "unit": "%", "kind": "percent"}]
    with pytest.raises(NotAdditive):
        compare(_claims(rows), "党员", agg="sum")


def test_units_are_ranked_apart(seed_claims):
    table = compare(seed_claims, "党员干部")
    assert table.attrs["groups"] == [("名", "count", 4), ("批", "count", 1)]
    assert table[table["unit"] == "名"]["rank"].tolist() == [1, 2, 3, 4]
    assert table[table["unit"] == "批"][["region", "rank"]].values.tolist() == [["胶州市", 1]]
    only = compare(seed_claims, "党员干部", unit="批")
    assert only["unit"].unique().tolist() == ["批"]
    none = compare(seed_claims, "党员干部", unit="个")
    assert none.empty and none.attrs["notes"] == ["no 党员干部 figures in 个; its units: 名, 批"]


def test_top_and_min_regions(seed_claims):
    assert compare(seed_claims, "五星支部", top=2)["region"].tolist() == ["西海岸新区", "平度市"]
    table = compare(seed_claims, "党员干部", min_regions=2)
    assert table["unit"].unique().tolist() == ["名"]
    assert "fewer than --min-regions 2" in table.attrs["notes"][0]


@pytest.mark.parametrize("level", ["district", "city", "province"])
def test_no_figures_for_a_year_is_an_empty_ranking_not_a_keyerror(seed_claims, level):
    table = compare(seed_claims, "五星支部", level=level, year=2024)
    assert table.empty and list(table.columns)[:7] == ["rank", "region", "value", "unit", "qualifier",
                                                        "doc_id", "sentence"]
    assert table.attrs["notes"][0].startswith("no 五星支部 figures for 2024")
    years = compare(seed_claims, "好评率", year=1999).attrs["notes"][0]
    assert years == "no 好评率 figures for 1999; years with figures: 2024"


def test_out_of_range_values_are_left_out_with_a_note():
    rows = [{"region": "甲区", "value": float("inf")}, {"region": "乙区", "value": float("nan")},
            {"region": "丙区", "value": 5.0}]
    table = compare(_claims(rows), "党员")
    assert table["region"].tolist() == ["丙区"]
    assert table.attrs["notes"] == ["2 党员 claim(s) with a value out of range left out"]


def test_city_own_figure_is_not_added_to_its_districts():
    rows = [{"region": "青岛市", "city": "青岛市", "value": 500.0},
            {"region": "市南区", "city": "青岛市", "value": 10.0},
            {"region": "烟台市", "city": "烟台市", "value": 7.0},
            {"region": "芝罘区", "city": "烟台市", "value": 3.0}, {"region": "莱山区", "city": "烟台市", "value": 4.0}]
    table = compare(_claims(rows)[lambda f: f["region"] != "烟台市"], "党员", level="city")
    assert table[["region", "value", "claims"]].values.tolist() == [["青岛市", 500.0, 1], ["烟台市", 7.0, 2]]
    assert table["sentence"].iloc[0].startswith("city's own figure")


def test_comparable_metrics_needs_two_regions(seed_claims):
    table = comparable_metrics(seed_claims)
    assert (table["regions"] >= 2).all() and table["metric"].iloc[0] == "五星支部"
    assert "总投资" not in table["metric"].tolist()
    assert table.set_index("metric").loc["党员干部", "unit"] == "名, 批"


@pytest.mark.parametrize("value", [float("inf"), float("nan")])
def test_format_value_of_non_finite(value):
    assert format_value(value, None) in ("inf", "nan")
