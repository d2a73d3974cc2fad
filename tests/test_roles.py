"""Roles of a figure beside its phrase: shares of a group, changes, category bounds (issue 7)."""
from __future__ import annotations

import pytest

from pbmine import extract_text


def metrics(sentence: str) -> dict[str, str]:
    claims = extract_text(f"无极县党建工作综述\n\n{sentence}\n")
    return dict(zip(claims["number"], claims["metric"]))


@pytest.mark.parametrize("sentence,number,metric", [
    # a category bound belongs to the metric
    ("45岁及以下村干部1.3万名。", "1.3万", "45岁及以下村干部"),
    ("发展具有大专及以上学历党员4.3万名。", "4.3万", "大专及以上学历党员"),
    ("研究生及以上学历干部320名。", "320", "研究生及以上学历干部"),
    # a share names its group, not its denominator
    ("其中女党员2300名,占31.2%。", "31.2", "女党员"),
    ("女党员80.86万名,占党员总数的29.10%。", "29.10", "女党员"),
    ("流动人口占总人口的42%。", "42", "流动人口"),
    # an age band written 36岁至45岁, and before 的, belongs to the metric
    ("36岁至45岁的党员7.3万名,占党员总数的23.8%。", "7.3万", "36岁至45岁党员"),
    ("36岁至45岁的党员7.3万名,占党员总数的23.8%。", "23.8", "36岁至45岁党员"),
    ("36岁至45岁党员7.3万名。", "7.3万", "36岁至45岁党员"),
    # a figure named only by a level counts the thing of the figure before it at that level
    ("全县配备545名网格员(县级4人、乡级13人、村级49人)。", "13", "乡级网格员"),
    ("建成县级示范点3个,村级12个。", "12", "村级示范点"),
    # a bare 占比 right after a figure is that figure's share (without its change word)
    ("35岁以下干部106名、占比69.3%。", "69.3", "35岁以下干部占比"),
    ("海洋生产总值增长13.3%,占全市比重41.4%。", "41.4", "海洋生产总值比重"),
    # ... not a figure's far before it
    ("围绕12个方面突出问题,按照不低于行政村总数10%的比例,确定软弱涣散村党组织93个。", "10", "比例"),
    # ... but a phrase naming the ratio keeps it (the gold's 比重)
    ("第三产业增加值占地区生产总值的比重为64.8%。", "64.8", "地区生产总值的比重"),
    # an absolute change is not the level
    ("全县党员5.2万名,较上年净增1200名。", "1200", "党员净增"),
    ("受理群众诉求1.2万件,同比减少900件。", "900", "群众诉求减少"),
    ("党员比上年末净增17.92万名。", "17.92万", "党员净增"),
    ("全年粮食产量2.6万吨,同比增加25.2吨。", "25.2", "粮食产量增加"),  # a measure's change too
    ("耕地面积6000亩,比上年减少200亩。", "200", "耕地面积减少"),
    ("实现461个村民组通硬化路。", "461", "村民组"),  # a noun, and no stray verb (通) after it
    # a clause opened by a per-unit word is an average: the word leads the metric
    ("合作社分红40万元,户均1万3千元,人均也有3千多元。", "1万3千", "户均合作社分红"),  # the average of the figure before
    ("合作社分红40万元,户均1万3千元,人均也有3千多元。", "3千多", "人均合作社分红"),
    ("户均分得现金56630.3元。", "56630.3", "户均现金"),
    # negatives: the total stays the total; a per-unit noun is one word (人均纯收入, not 全村人|均)
    ("合作社分红40万元,户均1万3千元,人均也有3千多元。", "40万", "合作社分红"),
    ("2020年全村人均纯收入达到1.2万元。", "1.2万", "人均纯收入"),
    # a clause that is only a change word, after a figure of the same unit: that figure's change
    ("烤烟种植面积2.23万亩,增加0.13万亩。", "0.13万", "烤烟种植面积增加"),
    ("白莲种植面积9.74万亩,减少0.22万亩。", "0.22万", "白莲种植面积减少"),
    # 多增 is a change word, and the change's own words are no phrase; 城镇新增就业 is one indicator
    ("全年城镇新增就业4850人,比上年多增115人。", "115", "城镇新增就业多增"),
    ("全年城镇新增就业4850人,比上年多增115人。", "4850", "城镇新增就业"),
    # negatives: the figure's own noun after it, or a noun after the change word
    ("建成服务站12个,增加300个岗位。", "300", "岗位"),
    ("建成服务站12个,增加就业岗位300个。", "300", "就业岗位"),
    ("全区粮食产量28.5亿斤,增产0.94亿斤。", "0.94亿", "粮食产量增产"),           # 增产, 增收 are changes
    ("村集体经济增收10万元。", "10万", "村集体经济增收"),
    # the rate word before the figure is the metric
    ("诉求量降幅7.66%。", "7.66", "诉求量降幅"),
    ("增幅为3.4%。", "3.4", "增幅"),
    ("全省生产总值比上年增长15.8%,增速提高4.1个百分点。", "4.1", "生产总值增速提高"),  # the move of a rate
    # a share clause with no group and no figure before it is of the subject of the clause before
    ("工人和农民仍是党员队伍主体,占总数的36.3%。", "36.3", "工人和农民"),
    # negative: with a figure before it, the share is of that figure's group
    ("女党员80.86万名,占总数的29.1%。", "29.1", "女党员"),
    # an organisation before the actions does them; it is not what is counted
    ("其中中国移动完成开通98个。", "98", "开通"),
    # a bare total after a figure in another unit is no total of it
    ("全镇党员1200名,总数达到159家。", "159", "总数"),
    # residents counted in people stay residents (only a count in 户 is of households)
    ("辖区有居民3400人。", "3400", "居民"),
    # a gap in points across a comparison after a rate word is a gap of that rate
    ("全县生产总值414.9亿元,同比增长7.4%,增速高于全市平均1.1个百分点。", "1.1", "生产总值增速"),
    ("第一产业增加值增长6.1%,增速比上年提高1.5个百分点。", "1.5", "第一产业增加值增速"),
    ("现价总量比同期增加73.5亿元,同比增长2%,比同期增速高0.8个百分点。", "0.8", "现价总量增速"),
    # (not in points: the level's own comparison; no rate word: the level before)
    ("全县生产总值414.9亿元,增速高于全市平均1.1%。", "1.1", "生产总值"),
    ("城镇化率达55.2%,比上年提高1.2个百分点。", "1.2", "城镇化率"),
    ("增幅回落2.1个百分点。", "2.1", "增幅回落"),
    # a growth rate is of its object, and says so (the level's row keeps the object alone)
    ("地区生产总值174.99亿元,比上年增长5.0%。", "5.0", "地区生产总值增长"),
    ("第三产业增加值180亿元,下降3.0%。", "3.0", "第三产业增加值下降"),
    ("建筑业增加值8亿元,按可比价计算下降4.0%。", "4.0", "建筑业增加值下降"),  # how it was computed is no metric
    ("地区生产总值1107亿元,可比价增长5.5%。", "5.5", "地区生产总值增长"),     # nor a bare gloss of the method
    ("地区生产总值1107亿元,现价增长7.1%。", "7.1", "地区生产总值增长"),
    ("地区生产总值1107亿元,可比增长8.2%。", "8.2", "地区生产总值增长"),
    ("一般公共预算总收入5382亿元、同口径增长1.9%。", "1.9", "一般公共预算总收入增长"),  # 同口径: how it is compared
    # an averaged change is the level's too, and says so (not 平均增长 alone)
    ("地区生产总值120亿元,增长7.9%,两年平均增长6.2%。", "6.2", "地区生产总值平均增长"),
    ("地区生产总值120亿元,增长7.9%,两年平均增长6.2%。", "7.9", "地区生产总值增长"),  # negative: the year's own
    ("村干部平均年龄40岁。", "40", "村干部平均年龄"),                              # negative: 平均 of a level stays
    # negative cases: a level stays a level; a rate word already named is not doubled
    ("全县党员5.2万名。", "5.2万", "党员"),
    ("地区生产总值174.99亿元,比上年增长5.0%。", "174.99亿", "地区生产总值"),
    ("地区生产总值增长5.0%。", "5.0", "地区生产总值增长"),
    ("新建党群服务中心43个。", "43", "党群服务中心"),
])
def test_roles(sentence, number, metric):
    assert metrics(sentence)[number] == metric


@pytest.mark.parametrize("sentence,number,key", [
    ("4家社会组织获评示范单位。", "4", "社会组织"),        # a dictionary compound is not cut
    ("嘎查委员会嘎查长7名。", "7", "嘎查长"),
    ("新建、改扩建党群服务中心43个。", "43", "党群服务中心"),
    ("年均增长8.7%。", "8.7", None),                        # a time word is never the metric
    ("企业人员32万名,其他职业人员26.44万名。", "26.44万", "其他职业人员"),  # a category keeps its 其他
    ("其他用品和服务上涨1.4%。", "1.4", "其他用品和服务"),
    ("共有8个村民小组,5个自然寨。", "5", "自然寨"),                  # kinds of hamlet are nouns
])
def test_compounds_and_stray_words(sentence, number, key):
    got = metrics(sentence)[number]
    if key is None:
        assert "年均" not in got
    else:
        assert key in got


def test_a_place_is_never_a_metric():
    text = "凭祥市抓党建促增收\n\n丰乐村50万元、夏桐村15万元,全镇10个村村集体经济收入均突破5万元。\n"
    claims = extract_text(text).set_index("number")
    assert claims.loc["50万", "region"] == "丰乐村" and claims.loc["15万", "region"] == "夏桐村"
    assert "集体经济收入" in claims.loc["50万", "metric"] and "集体经济收入" in claims.loc["15万", "metric"]


@pytest.mark.parametrize("sentence,number,metric", [
    # a length from a reference place is its distance, whatever noun stands near
    ("该乡位于县城西北部,距县城8公里。", "8", "距县城距离"),
    ("三村村地处县城西郊,距城区20公里、济村乡政府3公里。", "3", "距济村乡政府距离"),  # 距 governs the list
    ("村部离家不到500米。", "500", "距家距离"),
    ("该村位于马坊镇政府南2公里处,辖9个村民小组。", "2", "距马坊镇政府距离"),
    ("该嘎查地处于白云镇北部约9公里处。", "9", "距白云镇距离"),
    ("该村位于三河街西六公里,河流穿村而过。", "六", "距三河街距离"),
    # negative: a length with no reference is what it measures; a word holding 离 is no distance
    ("新修道路全长12公里。", "12", "新修道路全长"),
    ("撤离险区5公里。", "5", "撤离险区"),
    # negative: a location verb with neither a direction nor 处 gives no distance
    ("该镇位于县城,总面积12平方公里。", "12", "总面积"),
])
def test_a_length_from_a_place_is_a_distance(sentence, number, metric):
    assert metrics(sentence)[number] == metric
