"""Year and period of each claim."""
from __future__ import annotations

from pbmine import extract_text


def test_title_year_beats_date_line():
    text = "红帆启航——2024年长岛机关党建工作综述\n信息来源:长岛综合实验区机关工委 发布日期:2025-03-05\n\n举办“海岛夜校”379期。\n"
    assert extract_text(text)["year"].tolist() == [2024]


def test_sentence_year_and_relative_years():
    text = ("2022-12-31 08:19 半岛网\n\n今年以来新增就业7万人。2021年建成5所学校。"
            "前三季度新区海洋生产总值增长13.3%。\n")
    claims = extract_text(text)
    assert dict(zip(claims["number"], claims["year"])) == {"7万": 2022, "5": 2021, "13.3": 2022}
    assert dict(zip(claims["number"], claims["period"]))["13.3"] == "前三季度"


def test_cutoff_period():
    claims = extract_text("2023年工作总结\n\n截至9月底,全市共有19家物业服务企业。\n")
    assert claims["period"].tolist() == ["截至9月底"]
