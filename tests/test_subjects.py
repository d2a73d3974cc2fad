"""The place a sentence is about when one opens it (pbmine.subjects): compounds, units after
where they lie, units inside a described place, things placed in a unit."""
from __future__ import annotations

import pytest

from pbmine import extract_text


def regions(text):
    claims = extract_text(text)
    return dict(zip(claims["number"], claims["region"]))


@pytest.mark.parametrize("text,number,region", [
    # a compound opening a sentence with what it is or has holds the figures while the text stays on it
    ("成都市新都区社区治理综述\n\n红湖公园城小区是崇义社区最大的商品住宅小区,共25栋。小区现有住户2991户,"
     "其中户籍人口1314人。\n", "2991", "红湖公园城小区"),
    ("成都市新都区社区治理综述\n\n红湖公园城小区是崇义社区最大的商品住宅小区,共25栋。\n", "25", "红湖公园城小区"),
    ("青岛西海岸新区物业党建\n\n全区成立小区党支部91个。尚景嘉园小区是一个公租房小区,该小区近4000名住户来自全国各地。\n",
     "4000", "尚景嘉园小区"),
    # ... and so does a 家园 (a resettlement compound)
    ("北京市朝阳区孙河地区工作综述\n\n康营家园是康营村等9个村完成拆迁后的回迁小区,包括17个自然楼院。\n",
     "17", "康营家园"),
    # negative: a slogan's 家园 is no compound
    ("成都市新都区社区治理综述\n\n美好家园是全体居民的心愿,建成议事会25个。\n", "25", "新都区"),
    # negatives: a kind of compound is no name; a compound not followed by what it is is a modifier
    ("成都市新都区社区治理综述\n\n老旧小区是治理难点,全区改造老旧小区25个。\n", "25", "新都区"),
    ("成都市新都区社区治理综述\n\n红湖公园城小区居民积极参与,全区建成议事会25个。\n", "25", "新都区"),
    # ... and the next paragraph returns to the report's place
    ("成都市新都区社区治理综述\n\n红湖公园城小区是崇义社区最大的商品住宅小区,共25栋。\n全区建成小区党支部120个。\n",
     "120", "新都区"),
])
def test_a_compound_opening_a_sentence_holds_its_figures(text, number, region):
    assert regions(text)[number] == region


@pytest.mark.parametrize("text,number,region", [
    # a unit opening its sentence after where it lies (地处…的) and before a comma is its subject
    ("甘谷县村支书综述\n\n新兴镇雒家村党支部书记带头捐款5万元。地处渭北干旱山区的阳屲村,村支书带领大伙兴修梯田,"
     "人均产粮达到了1200斤以上。\n", "1200", "阳屲村"),
    # negative: what lies there is no unit (地处…的 a base): the paragraph's unit holds
    ("甘谷县村支书综述\n\n新兴镇雒家村党支部书记带头捐款5万元。地处渭北干旱山区的苹果基地,人均产粮达到了1200斤以上。\n",
     "1200", "雒家村"),
])
def test_a_unit_after_where_it_lies_is_its_sentence_s_subject(text, number, region):
    assert regions(text)[number] == region


@pytest.mark.parametrize("text,number,region", [
    # a place, a description of a unit ending in its level, then a unit inside it: that unit is the subject
    ("中新河南网3月23日电 3月23日,河南省重点革命老区镇舞钢市尹集镇召开人民代表大会,出席人大代表62名。\n",
     "62", "尹集镇"),
    ("浙江省首批未来乡村示范村安吉县余村,今年接待游客120万人次。\n", "120万", "余村"),
    # negatives: a verb between (the province acts, the unit is its object); a unit not inside the place
    ("河南省表彰先进乡镇舞钢市尹集镇,全省评出示范镇62个。\n", "62", "河南省"),
])
def test_a_place_then_a_description_then_a_unit_inside_it(text, number, region):
    assert regions(text)[number] == region


@pytest.mark.parametrize("text,number,region", [
    # a thing the sentence opens with and places in a unit: the unit holds its figures
    ("姜家镇党建工作综述\n\n“十黑大院”是姜家镇率先打造的小院之一,位于蔡家寺村元塘社。该小院共有11户住户,其中党员2名。\n",
     "11", "蔡家寺村"),
    ("静安区楼宇党建综述\n\n嘉地中心是静安区石门二路街道税收超亿元的高档商务楼宇,现有重点单位70余家。\n", "70余", "石门二路街道"),
    # negatives: a sentence whose unit is left unsaid (位于…,是该镇下辖行政村); a thing placed in a county
    ("湖坪村\n\n位于桑植县官地坪镇东南部,是该镇下辖行政村,全村由7个村民小组组成。\n", "7", "湖坪村"),
    ("静安区楼宇党建综述\n\n嘉地中心是静安区税收超亿元的高档商务楼宇,现有重点单位70余家。\n", "70余", "静安区"),
])
def test_a_thing_placed_in_a_unit(text, number, region):
    assert regions(text)[number] == region


@pytest.mark.parametrize("text,number,region", [
    # 在 + a village or township + a thing in it (a park, a yard) + a comma: the scene of the sentence
    ("灯塔市发展村级集体经济纪实\n\n灯塔市累计投入8000万元。\n6月27日,在灯塔市佟二堡镇曹家村生态园新增设的婚礼场地,"
     "村党支部书记说,“随着500平方米婚礼场地的投入使用,月营业额已突破60万元。”\n", "500", "曹家村"),
    ("邓州市探索基层治理新路径\n\n全市建成网格6497个。在孟楼镇综治中心,今年以来化解矛盾纠纷30起。\n", "30", "孟楼镇"),
    # negatives: a clause of circumstance (…的带领下, …召开的全县现场会上) sets no scene
    ("邓州市探索基层治理新路径\n\n全市建成网格6497个。在孟楼镇党委的带领下,全市化解矛盾纠纷30起。\n", "30", "邓州市"),
    ("邓州市探索基层治理新路径\n\n全市建成网格6497个。在孟楼镇召开的全市现场会上,全市化解矛盾纠纷30起。\n", "30", "邓州市"),
    # ... nor a county (the report's own level and above), nor a clause naming a second place
    ("南阳市探索基层治理新路径\n\n全市建成网格6497个。在邓州市综治中心,今年以来化解矛盾纠纷30起。\n", "30", "南阳市"),
    ("邓州市探索基层治理新路径\n\n全市建成网格6497个。在孟楼镇和穰东镇的综治中心,今年以来化解矛盾纠纷30起。\n", "30", "邓州市"),
])
def test_a_village_or_township_opening_a_locative_clause_sets_the_scene(text, number, region):
    assert regions(text)[number] == region


@pytest.mark.parametrize("text,number,region", [
    # 在 + a place + its count (在泽州县17个乡镇中): the count is of that place
    ("泽州县柳树口镇党建纪实\n\n柳树口镇建成基地3个。\n在泽州县17个乡镇中,柳树口镇的镇域面积最大。\n", "17", "泽州县"),
    # negative: a place followed by a noun first is a location of the clause (在泽州县的基地里,…)
    ("泽州县柳树口镇党建纪实\n\n柳树口镇建成基地3个。\n在泽州县城的基地里有17个乡镇的产品。\n", "17", "柳树口镇"),
])
def test_a_count_right_after_a_located_place_is_of_that_place(text, number, region):
    assert regions(text)[number] == region
