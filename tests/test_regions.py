"""Region of a claim: report, headings, departments, subjects of sentences, scope words."""
from __future__ import annotations

import pytest

from pbmine import extract_text


def regions(text):
    claims = extract_text(text)
    return dict(zip(claims["number"], claims["region"]))


def test_headings_switch_region_and_departments_belong_to_the_city():
    text = ("2023年,三亚以高质量党建推动高质量发展。\n海棠区委组织部:\n打造驿站32个。\n"
            "市住建局:\n推动34个物业服务企业建立党组织。\n")
    assert regions(text) == {"32": "海棠区", "34": "三亚市"}


def test_title_sets_the_most_specific_place():
    text = "深圳市南山区2023年国民经济和社会发展统计公报\n\n全年新增企业1200家。\n"
    claims = extract_text(text)
    assert claims["region"].tolist() == ["南山区"]
    assert claims[["province", "city", "adcode"]].iloc[0].tolist() == ["广东省", "深圳市", "440305"]


def test_ambiguous_district_resolved_by_context():
    text = "福州市鼓楼区2024年党建工作综述\n\n鼓楼区建成党群服务中心12个。\n"
    row = extract_text(text).iloc[0]
    assert (row["region"], row["city"], row["province"]) == ("鼓楼区", "福州市", "福建省")


@pytest.mark.parametrize("sentence,number,region", [
    ("其中城东社区42项。", "42", "城东社区"),
    ("其中,宁海路街道结合高校集中的特点,建立校地联建党组织 11 个。", "11", "宁海路街道"),
    ("全市47家链主企业23家在新区。", "47", "青岛市"),
    ("全市47家链主企业23家在新区。", "23", "西海岸新区"),
    ("在星光岛社区的6600多位居民中,流动人口占比接近70%。", "6600多", "西海岸新区"),
    ("崖州湾科技城、中央商务区2个重点园区均制定了方案。", "2", "西海岸新区"),
    ("占全市比重41.4%。", "41.4", "西海岸新区"),
])
def test_places_inside_a_sentence(sentence, number, region):
    text = f"青岛西海岸新区工作综述\n\n{sentence}\n"
    assert regions(text)[number] == region


def test_sub_district_places_hang_under_their_parent():
    text = "遵义市湄潭县兴隆镇党委\n\n龙凤村党总支依托万亩茶海,发展茶叶加工厂4家。\n"
    row = extract_text(text).iloc[0]
    assert row["region"] == "龙凤村" and row["city"] == "遵义市" and row["region_level"] == "village"


def test_village_under_township_and_paragraph_subject():
    text = ("重庆市石柱县工作综述\n\n中益乡华溪村地处武陵山区腹地,过去是深度贫困村。"
            "村党支部领办合作社,带动全村132户养蜂。\n")
    row = extract_text(text).iloc[0]
    assert row["region"] == "华溪村" and row["region_level"] == "village"


def test_clause_subject_carries_until_a_place_frame():
    text = "土默特左旗政协工作报告\n\n察素齐镇今年完成老旧小区改造14个,改造面积约21万平方米。\n"
    assert set(regions(text).values()) == {"察素齐镇"}


def test_list_of_places_with_figures():
    text = "北京市朝阳区接诉即办月报\n\n工单量居前三位的街乡依次为:望京街道5213件、十八里店乡4087件。\n"
    assert regions(text) == {"5213": "望京街道", "4087": "十八里店乡"}
