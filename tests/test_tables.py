"""Bare numbers in tables written as text take their unit from the row label, header or caption."""
from __future__ import annotations

import pytest

from pbmine import extract_text

TABLE = (
    "2012年大庆市国民经济和社会发展统计公报\n\n"
    "2012年地区生产总值\n单位：亿元\n"
    "指标 | 指标值 | 同比增长（±%）\n"
    "地区生产总值 | 4000.5 | 10.0\n"
    "第一产业 | 153.6 | -1.6\n"
    "2012年畜牧业生产\n"
    "指标名称 | 指标值 | 同比增长（±%）\n"
    "期末畜禽存栏\n"
    "大牲畜（万头） | 96.9 | 8.7\n"
    "#黄牛及肉牛 | 32.1 | 9.3\n"
    "指标名称 | 产量（万吨） | 同比增长（±%）\n"
    "粮食 | 650.0 | 17.3\n"
)


def rows():
    claims = extract_text(TABLE)
    return {n: (v, u, k, m, d) for n, v, u, k, m, d in
            claims[["number", "value", "unit", "kind", "metric", "direction"]].itertuples(index=False)}


@pytest.mark.parametrize("number,value,unit,kind,metric", [
    ("4000.5", 4000.5e8, "元", "money", "地区生产总值"),     # the caption's 单位
    ("10.0", 10.0, "%", "growth", "地区生产总值"),           # a growth column
    ("96.9", 96.9e4, "头", "count", "大牲畜"),               # the row label's gloss, a group label above
    ("32.1", 32.1e4, "头", "count", "黄牛及肉牛"),           # a sub-row keeps the unit of the row before
    ("650.0", 650.0e4, "吨", "measure", "粮食"),             # the column header's gloss
])
def test_cells_take_the_tables_unit(number, value, unit, kind, metric):
    v, u, k, m, _ = rows()[number]
    assert (v, u, k, m) == pytest.approx((value, unit, kind, metric))


def test_a_negative_growth_is_a_fall():
    v, u, k, _, d = rows()["1.6"]
    assert (v, u, k, d) == (1.6, "%", "growth", "down")


@pytest.mark.parametrize("text", [
    "指标 | 指标值\n地区生产总值 | 4000.5\n",               # no unit anywhere: not read
    "地区生产总值 | 4000.5 | 10.0\n第一产业 | 153.6 | 11.0\n",  # no header row
])
def test_numbers_the_table_gives_no_unit_are_not_claims(text):
    assert extract_text(text).empty


def test_a_caption_row_and_dashed_group_rows_keep_the_header():
    text = ("表1:2022年全县地区生产总值及其构成 | |||\n"
            "指标 | 绝对数(万元) | 增长(%) | 构成(%) |\n"
            "地区生产总值 | 341881 | 7.23 | 100 |\n"
            "分产业 | -- | -- | -- |\n"
            "第一产业 | 56789 | 5.25 | 16.6 |\n")
    claims = extract_text(text).set_index("number")
    assert claims.loc["56789", "value"] == pytest.approx(567890000)
    assert claims.loc["5.25", "kind"] == "growth"
    assert claims.loc["16.6", "metric"] == "第一产业构成"     # a share column names itself
    assert claims.loc["56789", "metric"] == "第一产业"


UNIT_COLUMN = ("主要农产品产量\n"
               "产品名称 | 单位 | 产量 | 比上年增长(±%)\n"
               "棉花 | 吨 | 5120 | 1.5\n"
               "牛出栏量 | 万头 | 2.4 | -3.0\n")


@pytest.mark.parametrize("number,value,unit", [
    ("5120", 5120, "吨"),     # a 单位 column gives each row its unit
    ("2.4", 2.4e4, "头"),     # a unit with 万 scales the row's figure
    ("1.5", 1.5, "%"),        # the growth column stays a growth
])
def test_a_unit_column_gives_each_row_its_unit(number, value, unit):
    claims = extract_text(UNIT_COLUMN)
    got = claims[claims.number == number][["value", "unit"]].iloc[0].tolist()
    assert got[0] == pytest.approx(value) and got[1] == unit


def test_a_column_of_other_words_gives_no_unit():
    # negative: a column named otherwise (产地) is no unit, and the bare figures stay unread
    claims = extract_text("主要农产品产量\n产品名称 | 产地 | 产量\n棉花 | 东乡 | 5120\n")
    assert claims.empty


SPACED = ("表2:2022年主要农产品产量\n\n产品名称 产量(吨) 比上年增长%\n粮 食 199008.5 6.3\n#夏粮 89005.4 0.5\n"
          "棉 花 279.1 -14.4\n")


@pytest.mark.parametrize("text,expected", [
    # a table ruled by spaces under a header glossing its units: a label (粮 食), then its cells
    (SPACED, [("199008.5", "吨", "粮食"), ("6.3", "%", "粮食"), ("89005.4", "吨", "夏粮"), ("0.5", "%", "夏粮"),
              ("279.1", "吨", "棉花"), ("14.4", "%", "棉花")]),
    # negatives: rows with no such header, and a header with only one row, are no table
    ("粮 食 199008.5 6.3\n#夏粮 89005.4 0.5\n", []),
    ("产品名称 产量(吨) 比上年增长%\n粮 食 199008.5 6.3\n", []),
])
def test_a_table_ruled_by_spaces(text, expected):
    claims = extract_text(text)
    assert list(zip(claims["number"], claims["unit"], claims["metric"])) == expected


def test_a_table_ruled_at_its_edges_names_each_row():
    # | 生产总值 | 万元 | 35163 |: a row ruled at both edges still names its figures by its first cell
    claims = extract_text("地区生产总值计算表\n| 项目 | 单位 | 现价总值 | 增长率(%) |\n| 生产总值 | 万元 | 35163 | 5.7 % |\n"
                          "| 第一产业 | 万元 | 10433 | 2.8 % |\n")
    assert list(zip(claims["number"], claims["metric"])) == [
        ("35163", "生产总值"), ("5.7", "生产总值"), ("10433", "第一产业"), ("2.8", "第一产业")]



STACKED = ("2022年上半年上海市生产总值\n\n总量\n\n(亿元)\n\n比上年同期\n\n增长(%)\n\n地区生产总值\n\n19349.31\n\n-5.7\n\n"
           "  按产业分\n\n    第一产业\n\n34.52\n\n1.7\n\n    第二产业\n\n4452.78\n\n-13.7\n\n    # 工业\n\n4217.11\n\n-13.3\n")


@pytest.mark.parametrize("text,expected", [
    # a web table pasted one cell a line: the header's glosses give the columns, each label its row
    (STACKED, [("19349.31", 1.934931e12, "元", "地区生产总值"), ("5.7", 5.7, "%", "地区生产总值"),
               ("34.52", 3.452e9, "元", "第一产业"), ("1.7", 1.7, "%", "第一产业"),
               ("4452.78", 4.45278e11, "元", "第二产业"), ("13.7", 13.7, "%", "第二产业"),
               ("4217.11", 4.21711e11, "元", "工业"), ("13.3", 13.3, "%", "工业")]),
    # negatives: two rows are no table; nor are rows whose header glosses no unit; nor rows of unequal width
    ("总量\n(亿元)\n地区生产总值\n19349.31\n第一产业\n34.52\n", []),
    ("总量\n比上年同期\n地区生产总值\n19349.31\n第一产业\n34.52\n第二产业\n4452.78\n", []),
    ("总量\n(亿元)\n地区生产总值\n19349.31\n-5.7\n第一产业\n34.52\n第二产业\n4452.78\n", []),
])
def test_a_table_pasted_one_cell_a_line(text, expected):
    claims = extract_text(text)
    got = list(zip(claims["number"], claims["value"], claims["unit"], claims["metric"]))
    assert [(n, u, m) for n, _, u, m in got] == [(n, u, m) for n, _, u, m in expected]
    assert all(abs(v - w) <= 1e-6 * w for (_, v, _, _), (_, w, _, _) in zip(got, expected))
