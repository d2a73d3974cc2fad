"""Which noun phrase a number counts, on either side of it, and the verb that introduces it."""
from __future__ import annotations

import pytest

from pbmine import extract_text

# sentence, number as written, a part the metric must hold, the action (or None to skip)
TABLE = [
    ("设立 179 个党员先锋岗,评选 63 个“模范党员先锋岗”。", "179", "党员先锋岗", "设立"),
    ("评选 63 个“模范党员先锋岗”。", "63", "模范党员先锋岗", "评选"),
    ("打造机关党建工作示范点 14 个。", "14", "示范点", "打造"),
    ("群众好评率达100%。", "100", "好评率", None),
    ("评定“三星支部”205 个、“四星支部”21 个、“五星支部”10 个。", "21", "四星支部", None),
    ("53 处、259 栋老旧小区启动改造。", "53", "老旧小区", None),
    ("选派 6 批 1187 名党员干部。", "6", "党员干部", None),
    ("选拔 50 余名在“场景化实战”中表现优秀的年轻干部。", "50 余", "年轻干部", None),
    ("新区30处镇街医疗机构有11家达到“优质服务基层行”国家推荐标准。", "11", "优质服务", None),
    ("收入达22436元,同比增长8.8%。", "8.8", "收入", None),
    ("规上工业企业研发机构覆盖率从年初的32%提升至60%。", "60", "覆盖率", None),
    ("党组织覆盖率由2022年的76.2%提高到93.5%。", "93.5", "覆盖率", None),
    ("每万人口发明专利拥有量是全市平均水平的2.7倍。", "2.7", "发明专利", None),
    ("解决率、满意率分别达到93.1%和91.4%。", "91.4", "满意率", None),
    ("为企业提供帮办代办服务 1800 余次。", "1800 余", "帮办代办", "提供"),
    ("组建 10 支乡村振兴工作队。", "10", "工作队", "组建"),
    ("已完成投资计划的161.8%。", "161.8", "投资计划", None),
    ("企业按期办结率99.1%。", "99.1", "办结率", None),
    ("社区老年食堂(助餐点)368个。", "368", "助餐点", None),
    ("入户走访12.6万户次。", "12.6万", "走访", None),
    ("惠及800余人次。", "800余", "惠及", None),
    ("重点企业中,有9家达到省级标杆党组织标准。", "9", "企业", None),
    ("工作事项由原来的112项精简为58项。", "58", "工作事项", None),
    ("劝导不文明游览行为12,306人次。", "12,306", "不文明", None),
    ("制定涵盖五大方面的 19 条建设指标。", "19", "建设指标", None),
    ("社区党组织 | 96个 | +12.4%", "96", "社区党组织", None),
    ("排名前三位的问题依次为:供暖(1.37万件)、物业管理(9846件)。", "9846", "物业管理", None),
    ("外出务工的占比超过六成。", "六成", "外出务工", None),
    ("35岁以下党员占比36.8%。", "36.8", "35岁以下", None),
    ("开展“过硬党支部”评选,命名154个。", "154", "过硬党支部", "命名"),
    ("走访辖区居民1.2万余户次。", "1.2万余", "走访", "走访"),
    ("全集团共获评3个先进基层党组织。", "3", "党组织", None),
]


@pytest.mark.parametrize("sentence,number,key,action", TABLE)
def test_metric(sentence, number, key, action):
    claims = extract_text(sentence)
    row = claims[claims["number"] == number]
    assert len(row) == 1, claims[["number", "metric"]]
    assert key in row["phrase"].iloc[0] or key in row["metric"].iloc[0]
    if action:
        assert row["action"].iloc[0] == action


ALIASES = [("命名 51 个五星级党支部。", "五星支部"), ("评定“五星级”党支部 89 个。", "五星支部"),
           ("创建“五星党支部”125 个。", "五星支部"), ("办事好评率达 99.83%。", "好评率"),
           ("群众满意度达98%。", "满意率")]


@pytest.mark.parametrize("sentence,canonical", ALIASES)
def test_canonical_names(sentence, canonical):
    assert extract_text(sentence)["metric"].iloc[0] == canonical


def test_place_is_not_a_metric():
    claims = extract_text("全州培训学员320名,其中咸丰县56名。")
    assert claims["metric"].tolist() == ["学员", "学员"]
