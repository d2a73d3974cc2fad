"""A scope word right before a figure (pbmine.scope): 全市, 全县, 该县 and the whole each names."""
from __future__ import annotations

import pytest

from pbmine import extract_text


def regions(text):
    claims = extract_text(text)
    return dict(zip(claims["number"], claims["region"]))


@pytest.mark.parametrize("text,number,region", [
    # 全市 in a county's report is its prefecture; 全省 its province
    ("无极县党建工作综述\n\n全市共有五星支部47家。\n", "47", "石家庄市"),
    ("无极县党建工作综述\n\n全省共有五星支部470家。\n", "470", "河北省"),
    # ... across a filler and a short noun (全州|现有行政村|2187个)
    ("泸定县党建工作综述\n\n全州现有行政村2187个。\n", "2187", "甘孜藏族自治州"),
    # 全市 in a report about a county-level city is that city, not its prefecture
    ("桂平市抓党建促乡村振兴\n\n全市共有村级党组织300个。\n", "300", "桂平市"),
    # negative: a share of the city is the county's own figure (占全市|比重41.4%)
    ("无极县党建工作综述\n\n全县党员占全市比重41.4%。\n", "41.4", "无极县"),
    # ... and so are a share of the province and a gap to it (the whole is the base)
    ("桦川县政府工作报告\n\n水稻制种量占全省43%。\n", "43", "桦川县"),
    ("大同市政府工作报告\n\n增速高于全省近4个百分点。\n", "4", "大同市"),
    # negative: no scope word, the report's own place
    ("无极县党建工作综述\n\n共有五星支部47家。\n", "47", "无极县"),
    # 该市 is the 市 last named in the paragraph (延吉市), not the prefecture in force
    ("延吉市北山街道工作纪实\n\n2024年,延边州建设互嵌式社区,延吉市发挥首府优势。在该市6个街道中,北山街道位列其中。\n",
     "6", "延吉市"),
    # ... a prefecture-level city too (南宁市, above the district in force)
    ("江南区工作纪实\n\n近日,南宁市江南区建设互嵌式社区。在该市6个城区中,江南区位列其中。\n", "6", "南宁市"),
])
def test_scope_words_name_the_enclosing_whole(text, number, region):
    assert regions(text)[number] == region


@pytest.mark.parametrize("text, number, region", [
    # in a city's report, 全县 refers to the county named before it in the paragraph (not to a zone of it)
    ("福建宁德描绘乡村振兴画卷\n11月中旬,福建省宁德市召开推进会。\n园区党委是古田县凤埔乡产业园党委。"
     "园区带动就业,全县有菇农10万人。\n", "10万", "古田县"),
    # ... across a qualifier
    ("福建宁德描绘乡村振兴画卷\n11月中旬,福建省宁德市召开推进会。\n园区党委是古田县凤埔乡产业园党委。"
     "园区带动就业,全县约有菇农10万人。\n", "10万", "古田县"),
    # ... and the stem of a county the report names in full is that county (古田, a common word)
    ("福建宁德描绘乡村振兴画卷\n11月中旬,福建省宁德市召开推进会。\n园区党委是古田县凤埔乡产业园党委。\n"
     "古田有食用菌之都美誉,全县约70%的人从事食用菌产业。\n", "70", "古田县"),
    # ... but with no county in the paragraph it stays the city's
    ("福建宁德描绘乡村振兴画卷\n11月中旬,福建省宁德市召开推进会。\n全县约70%的人从事食用菌产业。\n", "70", "宁德市"),
    # and 全市约 is the city
    ("福建宁德描绘乡村振兴画卷\n11月中旬,福建省宁德市召开推进会。\n古田县凤埔乡建立产业园党委,全市约有党员5万名。\n",
     "5万", "宁德市"),
])
def test_a_county_word_in_a_city_report(text, number, region):
    assert regions(text)[number] == region


@pytest.mark.parametrize("text,number,region", [
    # 该县 above a township in force is the county last named in the paragraph, across a filler and 的
    ("泽州县柳树口镇党建纪实\n\n泽州县有17个乡镇。柳树口镇的面积最大,但在该县共有的24个贫困村中,柳树口镇占一半。\n",
     "24", "泽州县"),
    ("泽州县柳树口镇党建纪实\n\n泽州县有17个乡镇。柳树口镇的面积最大,但在该县现有24个贫困村中,柳树口镇占一半。\n",
     "24", "泽州县"),
    # negative: a verb of its own with 的 (该县扶持的) is no filler: the township in force holds
    ("泽州县柳树口镇党建纪实\n\n泽州县有17个乡镇。柳树口镇的面积最大,但在该县扶持的24个贫困村中,柳树口镇占一半。\n",
     "24", "柳树口镇"),
])
def test_a_county_word_across_a_filler_and_its_particle(text, number, region):
    assert regions(text)[number] == region
