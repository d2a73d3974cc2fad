"""The quantity grammar: what is a claim's number, its unit and qualifier, and what is not."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pbmine.quantities import find_quantities


def one(text):
    found = find_quantities(text)
    assert len(found) == 1, [(text[q.start:q.end], q.unit) for q in found]
    q = found[0]
    return text[q.start:q.end], q.value, q.unit, q.qualifier, q.kind


POSITIVE = [
    ("村集体收入破百万元", ("百万", 1e6, "元", "at_least", "money")),
    ("评定“五星级”党支部 89 个", ("89", 89, "个", None, "count")),
    ("群众好评率达100%", ("100", 100, "%", None, "percent")),
    ("组织 1300 余名党务工作人员", ("1300 余", 1300, "名", "at_least", "count")),
    ("1万余名在职党员", ("1万余", 10000, "名", "at_least", "count")),
    ("走访40多万家市场主体", ("40多万", 400000, "家", "at_least", "count")),
    ("受众近7000人次", ("7000", 7000, "人次", "at_most", "count")),
    ("总投资2706亿元", ("2706亿", 270600000000, "元", None, "money")),
    ("投入不到5万元", ("5万", 50000, "元", "at_most", "money")),
    ("企业登记预审效率提高 2.6 倍", ("2.6", 2.6, "倍", None, "multiple")),
    ("海洋生产总值增长13.3%", ("13.3", 13.3, "%", None, "growth")),
    ("同比下降4.6%", ("4.6", 4.6, "%", None, "growth")),
    ("结对帮扶3000多对", ("3000多", 3000, "对", "at_least", "count")),       # pairs
    ("建成100余棚圣女果", ("100余", 100, "棚", "at_least", "count")),       # greenhouses
    ("设立17种志愿服务岗位", ("17", 17, "种", None, "count")),              # kinds
    ("党员人数比5年前增加了一倍多", ("一", 1, "倍", "at_least", "multiple")),  # 一 before 倍 is a number
    ("比上年提高1.2个百分点", ("1.2", 1.2, "百分点", None, "growth")),
    ("满意度达百分之九十五", ("百分之九十五", 95, "%", None, "percent")),
    ("完成率百分之百", ("百分之百", 100, "%", None, "percent")),
    ("占七成以上", ("七成", 70, "%", "at_least", "percent")),
    ("建成12 306个", ("12 306", 12306, "个", None, "count")),
    ("资金1,100万元", ("1,100万", 11000000, "元", None, "money")),
    ("建成１２３个", ("１２３", 123, "个", None, "count")),
    ("设立两百个党员先锋岗", ("两百", 200, "个", None, "count")),
    ("有党员二十五名", ("二十五", 25, "名", None, "count")),
    ("培训一百零八人次", ("一百零八", 108, "人次", None, "count")),
    ("约200人参加", ("200", 200, "人", "about", "count")),
    ("100人左右", ("100", 100, "人", "about", "count")),
    ("增长3.5% 左右", ("3.5", 3.5, "%", "about", "growth")),   # a space before the qualifier (3.5%\n左右 read flat)
    ("超过3000户", ("3000", 3000, "户", "at_least", "count")),
    ("逾5000人次", ("5000", 5000, "人次", "at_least", "count")),
    ("突破630万人次", ("630万", 6300000, "人次", "at_least", "count")),
    ("获得十几项荣誉", ("十几", 10, "项", "at_least", "count")),          # ten-odd
    ("有20几条河沟", ("20几", 20, "条", "at_least", "count")),           # twenty-odd
    ("几十名群众", ("十", 10, "名", "at_least", "count")),               # some tens
    ("接近70%", ("70", 70, "%", "at_most", "percent")),
    ("不足8%", ("8", 8, "%", "at_most", "percent")),
    ("全村849口人", ("849", 849, "口", None, "count")),
    ("领到了1000块钱", ("1000", 1000, "元", None, "money")),
    ("人均有粮319公斤", ("319", 319, "公斤", None, "measure")),
    ("年产3万斤生漆", ("3万", 30000, "斤", None, "measure")),
    ("中华蜂4.8万箱", ("4.8万", 48000, "箱", None, "count")),
    ("志愿者捡拾垃圾85袋", ("85", 85, "袋", None, "count")),
    ("建成3块示范田", ("3", 3, "块", None, "count")),
    ("带动增收10万元村民受益", ("10万", 100000, "元", None, "money")),  # 村民 is no kind of village
    ("年收入不超3万元", ("3万", 30000, "元", "at_most", "money")),
    ("大约300人", ("300", 300, "人", "about", "count")),
    ("300个上下", ("300", 300, "个", "about", "count")),
    ("5000元以上。", ("5000", 5000, "元", "at_least", "money")),
    ("党员近百名", ("百", 100, "名", "at_most", "count")),
    ("增收近万元", ("万", 10000, "元", "at_most", "money")),
    ("带动上万名妇女", ("万", 10000, "名", "at_least", "count")),
    ("上千人参加", ("千", 1000, "人", "at_least", "count")),
    ("生态绿道7.3公里", ("7.3", 7.3, "公里", None, "length")),
    ("茶园8.5万亩", ("8.5万", 85000, "亩", None, "area")),
    ("平均年龄44岁", ("44", 44, "岁", None, "age")),
    ("有基层党组织７６个", ("７６", 76, "个", None, "count")),
    ("志愿服务时长达1.2万小时", ("1.2万", 12000, "小时", None, "duration")),
    ("综合得分93.6分", ("93.6", 93.6, "分", None, "score")),
    ("占全市的十分之一左右", ("十分之一", 10, "%", "about", "percent")),
    ("资产总额突破千亿元", ("千亿", 1e11, "元", "at_least", "money")),
    ("是2020年的5倍多。", ("5", 5, "倍", "at_least", "multiple")),
    ("产量约占全国的六成", ("六成", 60, "%", "about", "percent")),
    ("年出栏量超过600万羽", ("600万", 6e6, "羽", "at_least", "count")),
    ("90%以上为个体工商户", ("90", 90, "%", "at_least", "percent")),     # a share's bound, then a copula
    ("90%以上都是山区", ("90", 90, "%", "at_least", "percent")),
    ("租用办公室40平米", ("40", 40, "平米", None, "area")),
    ("其中马123匹", ("123", 123, "匹", None, "count")), ("骆驼5峰", ("5", 5, "峰", None, "count")),
    ("供水管线近30万延长米", ("30万", 3e5, "延长米", "at_most", "length")),
    ("年平均气温24℃", ("24", 24, "℃", None, "measure")), ("降雨量2072㎜", ("2072", 2072, "㎜", None, "length")),
    # negative cases of the rules on words, addresses and reached bounds: these stay claims
    ("大专16177人", ("16177", 16177, "人", None, "count")), ("村级集体经济规划383个", ("383", 383, "个", None, "count")),
    ("建成住宅楼12栋", ("12", 12, "栋", None, "count")), ("开展活动5节", ("5", 5, "节", None, "count")),
    ("村集体收入达到30万元以上", ("30万", 3e5, "元", "at_least", "money")),
    ("开展专项清河行动4轮次", ("4", 4, "轮次", None, "count")),
    ("检查单位6000余家次", ("6000余", 6000, "家次", "at_least", "count")),
    ("清运车辆1500台次", ("1500", 1500, "台次", None, "count")),
    ("牲畜存栏125万头只", ("125万", 1250000, "头只", None, "count")),
]


@pytest.mark.parametrize("text,expected", POSITIVE)
def test_finds(text, expected):
    number, value, unit, qualifier, kind = one(text)
    assert (number, unit, qualifier, kind) == (expected[0], expected[2], expected[3], expected[4])
    assert value == pytest.approx(expected[1])


RANGES = [("3至5个", 3, 5, "个"), ("2-4万元", 20000, 40000, "元"), ("三到五个", 3, 5, "个"),
          ("10%~15%", 10, 15, "%"),
          ("户均增收2-4万元的目标", 20000, 40000, "元")]  # a band before 的 and no kind of village: a claim


@pytest.mark.parametrize("text,low,high,unit", RANGES)
def test_ranges(text, low, high, unit):
    (q,) = find_quantities(text)
    assert (q.value, q.value_high, q.unit) == (low, high, unit)


NOT_CLAIMS = [
    "2024年", "3月份", "每月10日", "2021~2022年度", "2022-12-31 08:19", "前三季度", "近五年来", "12月",
    "第29届联合国气候变化大会", "十九届五中、六中全会", "第二届", "第一书记", "数量位居全市第一",
    "实施“五个突出”", "聚焦“四个过硬”", "两个维护", "“1+N”支部党建互助联盟", "1+3+N三级组织体系",
    "5A级景区", "市12345热线办", "“1921”融合型党建品牌", "一岗双责", "三亮三创", "一把手",
    "“四个一”主题活动", "“四型”机关", "党员服务360", "三会一课", "五位一体", "中央八项规定精神",
    "40岁以下", "有20名以上职工的企业", "5000万元以上项目完成投资额", "年主营业务收入2000万元及以上的工业法人单位",
    "阅读 (31357)", "电话0898-88661234", "鼓组〔2024〕41号", "一个写照", "一批制度性实践", "走进千家万户",
    "三个“聚焦”", "“15分钟医保服务圈”", "《关于开展3项行动的通知》", "3个月", "5个工作日", "四处奔走",
    "一成不变", "百花齐放", "附近", "提供24小时自助服务", "实施五个振兴", "8时30分", "两头跑",
    "家住6层", "排名后5位", "满意率低于85%的", "十一届三次会议", "二次管网",
    "三次产业结构调整为", "区十八届人大四次会议确定的", "一口气跑完", "打了一口井", "争创超百万元村",
    "三五成群的少年", "二人转等精彩节目", "八家子桑黄小镇", "占比90%以上的项目",
    "5-10万元的村占比",
    "全市唯一一个高于全区的县", "逐一核实", "四节点", "4050人员", "8栋一单元楼顶漏水", "家住社区7栋的黄老先生",
    "宜昌伍家岗的社区治理", "陆家嘴金融城",  # a cheque numeral alone is a name's character
    "2021种植桑葚", "5000对接企业", "一种新模式",  # a word opening with a measure word; 一 a determiner
    "几个村", "好几年", "近几年来",  # 几 alone is no number
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_claims(text):
    assert [text[q.start:q.end] for q in find_quantities(text)] == []


def test_several_in_one_sentence():
    text = "评定“三星支部”205 个、“四星支部”21 个、“五星支部”10 个"
    assert [q.value for q in find_quantities(text)] == [205, 21, 10]


def test_two_counts_in_a_row_are_not_a_slogan():
    assert [q.value for q in find_quantities("遴选优秀年轻干部两批六十名")] == [2, 60]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789０１２三十百千万亿两余多近约个名%％，。、 年月第“”+-.")) |
               st.characters(), max_size=60))
def test_never_raises_and_spans_slice(text):
    for q in find_quantities(text):
        assert 0 <= q.outer_start <= q.start < q.end <= q.outer_end <= len(text)
        assert text[q.start:q.end].strip() == text[q.start:q.end]


def test_signed_change_in_a_table_row():
    q = find_quantities("社区党组织 | 96个 | +12.4%")[1]
    assert (q.value, q.unit, q.kind, q.direction) == (12.4, "%", "growth", "up")


@pytest.mark.parametrize("text, expected", [
    # after 为/是/、 a sign makes a level below zero
    ("人口自然增长率为-3.19‰。", [(-3.19, "‰", "percent", None, "-3.19")]),
    ("贡献率分别是7.3%、-54.1%", [(7.3, "%", "percent", None, "7.3"), (-54.1, "%", "percent", None, "-54.1")]),
    # elsewhere it is a change, its size positive
    ("社区党组织 | 96个 | -12.4%", [(96, "个", "count", None, "96"), (12.4, "%", "growth", "down", "12.4")]),
    ("能耗下降目标(-3.3%)", [(3.3, "%", "growth", "down", "3.3")]),
    ("增加值7.5亿元,增长-6.2%", [(7.5e8, "元", "money", None, "7.5亿"), (6.2, "%", "growth", "down", "6.2")]),
])
def test_signed_level_or_change(text, expected):
    got = [(q.value, q.unit, q.kind, q.direction, text[q.start:q.end]) for q in find_quantities(text)]
    assert got == expected


def test_shared_percentage_points():
    qs = find_quantities("同比分别提高1.8个和1.2个百分点")
    assert [(q.value, q.unit, q.kind) for q in qs] == [(1.8, "百分点", "growth"), (1.2, "百分点", "growth")]


@pytest.mark.parametrize("text, kinds", [
    ("分别增长8%和8.1%", ["growth", "growth"]),          # the change word is shared by the list
    ("分别下降2.1%、3.5%、4%", ["growth"] * 3),
    ("增长8%,占比8.1%", ["growth", "percent"]),           # negative: not a list
    ("增长8%和占比8.1%", ["growth", "percent"]),          # negative: the second has words of its own
])
def test_a_listed_change_shares_its_change_word(text, kinds):
    assert [q.kind for q in find_quantities(text)] == kinds


def test_formulas_stay_formulas():
    assert find_quantities("1+3+N") == []


@pytest.mark.parametrize("text, kind, qualifier, direction", [
    # a number opening the text: the words at the END of the text are not "before" it
    ("20%的党员参与志愿服务，比上年提高", "percent", None, None),
    ("5个百分点的差距仍然存在，需要继续提高", "percent", None, None),
    ("30名党员参加，不少于", "count", None, None),
    ("2倍于去年，同比增长", "multiple", None, None),
    # and words right before it still count
    ("比上年提高20%", "growth", None, "up"),
    ("不少于30名党员参加", "count", "at_least", None),
])
def test_context_before_a_number_at_the_start(text, kind, qualifier, direction):
    q, = find_quantities(text)
    assert (q.kind, q.qualifier, q.direction) == (kind, qualifier, direction)


def _longest_ending_at(text, pos, words):
    """The word-list scan Suffixes replaced, the oracle (without its slip: at pos < len(w) a
    negative start made startswith look at the END of the text)."""
    for w in sorted(set(words), key=len, reverse=True):
        if pos >= len(w) and text.startswith(w, pos - len(w)):
            return w
    return None


_CHARS = st.sampled_from(list("不少于近约超过提高增长下降个名的12"))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(_CHARS, min_size=1, max_size=4), min_size=1, max_size=8),
       st.text(_CHARS, max_size=12), st.integers(0, 12))
def test_suffixes_find_the_longest_word_ending_at_a_position(words, text, pos):
    from pbmine.quantities import Suffixes

    pos = min(pos, len(text))
    assert Suffixes(words).ending_at(text, pos) == _longest_ending_at(text, pos, words)
    assert Suffixes([]).ending_at(text, pos) is None


@pytest.mark.parametrize("text,found", [
    # a short quotation that ends a sentence is speech: its figures count
    ("“我们村今年收入106万元。”龙长金说。", ["106万"]),
    ("“今年分红78万元！”他说。", ["78万"]),
    # negative: a short quotation without an end of sentence is a name or slogan
    ("打造“15分钟生活圈”。", []),
])
def test_short_speech_is_no_name(text, found):
    assert [text[q.start:q.end] for q in find_quantities(text)] == found


@pytest.mark.parametrize("text,found", [
    # a bound a share or count of units reached defines their kind: the share is the claim
    ("90%的村达到30万元以上", ["90%"]),
    ("全县有12个村集体收入达到50万元以上", ["12个"]),
    # negative: a bound a unit's own figure reaches is a claim
    ("村集体收入达到30万元以上", ["30万元"]),
])
def test_a_bound_reached_by_a_share_of_units(text, found):
    assert [text[q.start:q.end] + q.unit_text for q in find_quantities(text)] == found


@pytest.mark.parametrize("text,number", [("捐款壹万元", "壹万"), ("共计贰拾叁个村", "贰拾叁")])
def test_cheque_numerals_with_another_numeral_are_numbers(text, number):
    # negative of 伍家岗: with a 万 or another numeral a cheque numeral is a number
    assert [text[q.start:q.end] for q in find_quantities(text)] == [number]


@pytest.mark.parametrize("text,found", [
    # what follows 万 in one number: thousands and hundreds, or four digits
    ("户均1万3千元", [("1万3千", 13000)]),
    ("另有2万5千余元奖励", [("2万5千余", 25000)]),
    ("补助3万4000元", [("3万4000", 34000)]),
    # negative: a digit alone after 万 starts another count (no 50003个)
    ("资金5万3个村", [("3", 3)]),
])
def test_a_number_continues_after_wan(text, found):
    assert [(text[q.start:q.end], q.value) for q in find_quantities(text)] == found
