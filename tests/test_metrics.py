"""Which noun phrase a number counts, on either side of it, and the verb that introduces it."""
from __future__ import annotations

import pytest

from pbmine import extract_text


def metric_of(text: str, number: str) -> str:
    """The metric of the claim whose number is written `number`, in `text` read as one document."""
    claims = extract_text(text + "\n")
    return dict(zip(claims["number"], claims["metric"]))[number]

# sentence, number as written, a part the metric must hold, the action (or None to skip)
TABLE = [
    ("设立 179 个党员先锋岗,评选 63 个“模范党员先锋岗”。", "179", "党员先锋岗", "设立"),
    ("评选 63 个“模范党员先锋岗”。", "63", "模范党员先锋岗", "评选"),
    ("打造机关党建工作示范点 14 个。", "14", "示范点", "打造"),
    ("群众好评率达100%。", "100", "好评率", None),
    ("生产、工作一线党员4.9万名。", "4.9万", "一线党员", None),  # 一线 is a noun, not a numeral
    ("102部新加装的电梯已经交付使用。", "102", "电梯", None),  # 新 opens a relative clause
    ("新建、修缮和改扩建289个村级组织活动场所。", "289", "村级组织活动场所", None),  # a compound of the dictionary
    ("规模以上企业发展到15家。", "15", "规模以上企业", None),  # 规模以上 is no bound of a number
    # a figure in square kilometres with no phrase beside it is an area (as one in 户 is 户数)
    ("荣华居委会所辖面积系沪上最大——2.02平方公里。", "2.02", "面积", None),
    ("全村共13.6平方公里,耕地面积9400亩。", "13.6", "面积", None),
    ("全村共13.6平方公里,耕地面积9400亩。", "9400", "耕地面积", None),   # (its own phrase wins)
    ("辖区面积45平方公里。", "45", "辖区面积", None),
    # 点 after a noun or verb is the noun's suffix, not a numeral (服务|点, 处理|点)
    ("建成服务点35个。", "35", "服务点", None),
    ("新建垃圾分类处理点35个,改造厕所25座。", "35", "垃圾分类处理点", None),
    ("建立来料加工点17个。", "17", "来料加工点", None),
    # compounds the tagger cuts (常/住户, 约/谈, 净增/率为, 再/就业, 年/利润): dictionary words
    ("社区常住户约6200户。", "6200", "常住户", None),
    ("全年工作约谈5人。", "5", "约谈", None),
    ("党员净增率为1.04%。", "1.04", "净增率", None),
    ("城镇失业人员再就业1326人。", "1326", "再就业", None),
    ("养殖场年利润90万元左右。", "90万", "年利润", None),
    ("52名选派干部两年多来帮助修建村路10公里。", "52", "选派干部", None),
    ("村里配备有39名男女组长。", "39", "男女组长", None),                   # 组长 is a noun
    ("星光老年之家370平方米。", "370", "老年之家", None),                    # X之家 is one word
    ("其中,早稻0.88万吨,下降28.0%;二晚1.2万吨,下降4.3%。", "1.2万", "二晚", None),  # 二晚 is a crop, not 二
    ("新增规模工业企业24家,总数达到159家。", "159", "规模工业企业总数", None),   # a bare total: of what the figure before counts
    ("截至目前,全区5G基站完成开通238个。", "238", "5G基站", None),        # the object before two actions
    ("村集体收入从原来的空白增加到70多万元。", "70多万", "村集体收入", None),   # a starting value written as a word
    ("全村建设用地150亩。", "150", "建设用地", None),
    ("全州有12个边境乡镇、42个沿边行政村。", "42", "沿边行政村", None),     # 沿边 is no locative
    ("务工村民月收入3000元以上。", "3000", "月收入", None),
    ("今年新考录大学生12名。", "12", "新考录大学生", None),  # ... with 的 only
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
    ("紧盯最后8个未摘帽贫困县,全力攻坚。", "8", "未摘帽贫困县", None),         # a negated word after a count modifies its noun
    ("聚焦395个未退出贫困村。", "395", "未退出贫困村", None),
    ("上海有着2400万人口。", "2400万", "人口", None),                   # the unit begins the noun (万人|口)
    ("全县有3000多名35岁以下年轻干部。", "3000多", "35岁以下年轻干部", None),  # an age band opening the phrase
    ("全市287个村级组织换届。", "287", "村级组织", None),                 # a compound the tagger reads as a verb
    ("拆除违法建设24万平方米。", "24万", "违法建设", None),              # a compound the segmenter would cut
    ("对经济增长的贡献率为-1.2%,下拉经济0.1个百分点。", "0.1", "下拉经济", None),  # 下拉 is one verb, like 拉动
    ("苏州市GDP首破两万亿元大关。", "两万亿", "GDP", None),  # 首破 (broken for the first time) is the qualifier, as 突破
    ("分类别看,医疗保健同比上涨1.3%,其他用品及服务同比上涨2.9%。", "2.9", "其他用品及服务", None),  # 其他 is the item's own
    ("全社会用电量59168万千瓦小时。", "59168万", "全社会用电量", None),          # 千瓦小时 is a unit, as 千瓦时
    ("坚持把发展的基点放在创新上,研发经费投入年均增长5%。", "5", "研发经费投入增长", None),  # the verb is what grew
    ("全年人口出生率12.92‰,比上年上升0.06个千分点。", "0.06", "人口出生率", None),   # 千分点: a per-mille rate's change
    ("0-14岁人口191.15万人,占全省常住人口18.32%。", "18.32", "0-14岁人口", None),     # a share of 常住人口 is the group's
    ("全县共育活各类仔畜4.97万头只匹。", "4.97万", "仔畜", None),                   # 头只匹: heads of three kinds of stock
    ("2021年,各村集体经济收入分别为:鸭子塘村9.8万元、七里坪社区10.2万元。", "10.2万", "集体经济收入", None),  # a list's head
    ("全年财政总收入按可比口径增长15.2%。", "15.2", "财政总收入增长", None),   # 按可比口径: how it was counted
    ("该区股份经济合作社经营性收入8.46亿元,村均592万元,增长21.9%。", "592万", "村均股份经济合作社经营性收入", None),
    ("该区股份经济合作社经营性收入8.46亿元,村均592万元,增长21.9%。", "21.9", "村均股份经济合作社经营性收入增长", None),
    ("举办招聘会,帮助160余人解决就业;开展帮扶。", "160余", "解决就业", None),       # a verb and the verb it governs
    ("共有2000多名走出深山的农牧民群众在此居住。", "2000多", "农牧民群众", None),  # a relative clause's head
    ("对联审出的10个不符合资格条件的人选及时调整。", "10", "人选", None),
    ("带领30名群众走合作社加农户的路子。", "30", "群众", None),      # negative: a clause with its own subject
    ("举办招聘会,帮助160余人解决就业问题,开展帮扶。", "160余", "就业问题", None),  # negative: a noun ends it
    ("全年新建395个村,未退出。", "395", "村", None),                     # negative: a negation after the noun
    ("制定涵盖五大方面的 19 条建设指标。", "19", "建设指标", None),
    ("社区党组织 | 96个 | +12.4%", "96", "社区党组织", None),
    ("排名前三位的问题依次为:供暖(1.37万件)、物业管理(9846件)。", "9846", "物业管理", None),
    ("外出务工的占比超过六成。", "六成", "外出务工", None),
    ("35岁以下党员占比36.8%。", "36.8", "35岁以下", None),
    ("开展“过硬党支部”评选,命名154个。", "154", "过硬党支部", "命名"),
    ("走访辖区居民1.2万余户次。", "1.2万余", "走访", "走访"),
    ("全集团共获评3个先进基层党组织。", "3", "党组织", None),
    ("对排查出的86个软弱涣散和工作滞后党支部逐一制定整顿方案。", "86", "党支部", None),
    ("全省共命名示范单位60家,我市市直机关入选9家。", "9", "示范单位", None),
    ("收集问题诉求3120条,已办结2987条。", "2987", "诉求", None),
    ("抽查中约5%的党支部存在记录不规范问题。", "5", "党支部", None),
    ("专职党务干部中40岁以下的仅占三成左右。", "三成", "党务干部", None),
    ("满意率由9月份的89.2%升至96.4%。", "96.4", "满意率", None),
    ("改造面积约21万平方米。", "21万", "改造面积", None),
    ("黄连种植面积稳定在4.5万亩左右,产量约占全国的六成。", "六成", "产量", None),
    ("今年共有36名返乡流动党员进入村“两委”班子,其中5名担任了村党组织书记。", "5", "书记", None),
    # a sum right after a money verb, with no noun on either side, is what the verb names
    ("今年年初,刘永俊瞄准婚宴市场,投入40万元,对餐厅进行了升级改造。", "40万", "投入", "投入"),
    ("村民为安俊合捐款1.2万元。", "1.2万", "捐款", "捐款"),
    # negatives: a noun on either side is the metric
    ("投入80万元专项资金。", "80万", "专项资金", "投入"),
    ("投入资金437万元用于乡镇建设。", "437万", "投入资金", None),
    # 高达, 多达 link a rate word to its figure as 达 does (高达 is no person's name)
    ("旅游观光游客增幅高达60%。", "60", "游客增幅", None),
    ("参与群众多达500人。", "500", "群众", None),
    # a bracket after the figure opens its breakdown, not what it counts
    ("共有党的基层组织421个(党委10个,党支部377个)。", "421", "基层组织", None),
    ("共有党的基层组织421个(党委10个,党支部377个)。", "10", "党委", None),
    # a rate is a head the list's items share; 集体经济组织 is one word, not a verb 组织
    ("非公企业和社会组织党组织组建率分别达到81.7%和89.6%。", "81.7", "组建率", None),
    ("8个村集体经济组织现场分红161.02万元。", "8", "集体经济组织", None),
    # a note in brackets right after the figure is not what it counts; 分红款 is one word
    ("今年,全村人均分红达到9075.5元(不含政策性收入),比去年增加。", "9075.5", "分红", None),
    ("村民喜领分红款26万元。", "26万", "分红款", None),
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
           ("群众满意度达98%。", "满意率"),
           # a sum someone 分到 or 赚 with nothing named: a dividend, an income
           ("股民一股可以分到462元。", "分红"), ("最少的也分了1200元。", "分红"), ("一年下来能赚20多万元。", "收入")]


@pytest.mark.parametrize("sentence,canonical", ALIASES)
def test_canonical_names(sentence, canonical):
    assert extract_text(sentence)["metric"].iloc[0] == canonical


def test_place_is_not_a_metric():
    claims = extract_text("全州培训学员320名,其中咸丰县56名。")
    assert claims["metric"].tolist() == ["学员", "学员"]


@pytest.mark.parametrize("sentence,number,metric", [
    ("地区生产总值[2]174.99亿元。", "174.99亿", "地区生产总值"),                 # a footnote mark is no break
    ("地区生产总值【1】(GDP)1504.37亿元。", "1504.37亿", "地区生产总值(GDP)"),   # ... in lenticular brackets too
    ("全县地区生产总值2018年突破百亿元大关。", "百亿", "地区生产总值"),           # 大关 glosses the figure
    ("该村去年经营性收入从53.88万元直升100万元。", "100万", "经营性收入"),      # a change verb is no metric
    ("全市生产总值突破4万亿元大关、稳增长成为重中之重。", "4万亿", "生产总值"),   # ... and ends what follows it
    ("人均地区生产总值为125043元(按年平均汇率折算为17745美元),增长5.3%。", "17745", "人均地区生产总值"),  # converted
    ("人均地区生产总值125043元,按现行平均汇率计算为6554美元。", "6554", "人均地区生产总值"),
    ("全村集体收入50万元,村民人均收入1.2万美元。", "1.2万", "村民人均收入"),   # negative: a sum with its own phrase
    ("全区涌现出3名全国劳动模范。", "3", "全国劳动模范"),               # negative: 全国 opening a noun
    ("基层报表从8610张压减至278张。", "8610", "基层报表"),                        # 从A至B: the subject before 从
    ("基层报表从8610张压减至278张。", "278", "基层报表"),
    # how a figure was computed is no part of it (初步核算, 经初步核算), nor 名义 before its change
    ("全县人均地区生产总值初步核算为28231元,比上年下降4.7%。", "28231", "人均地区生产总值"),
    ("全年地区生产总值经初步核算为35.25亿元。", "35.25亿", "地区生产总值"),
    ("全镇农村常住居民人均可支配收入为15046元,名义增长2.6%。", "2.6", "农村常住居民人均可支配收入名义增长"),
    # a population counted in 户 is its households, not its people
    ("总人口264户611人。", "264", "总人口户数"),
    ("总人口264户611人。", "611", "总人口"),
    ("现全村人口1666人,478户。", "478", "人口户数"),
    ("全村886户2595人。", "886", "户数"),
    # ... and so are residents or villagers counted in 户 (not ranked against a count of people)
    ("辖区有居民1558户。", "1558", "居民户数"),
    ("全村共有村民398户。", "398", "村民户数"),
    # the verb between the starting value and the new level is no metric (由A发展到B, 由A扩增至B)
    ("全村万寿菊种植面积由2016年的1000亩发展到2236亩。", "2236", "万寿菊种植面积"),
    ("全村万寿菊种植面积由2016年的1000亩发展到2236亩。", "1000", "万寿菊种植面积"),
    ("流转土地由800亩扩增至1650亩。", "1650", "流转土地"),
    ("街道职责事项由150项缩减到101项。", "101", "街道职责事项"),
    ("居委会干部比例也由原先的16.2%提高到28.4%。", "28.4", "居委会干部比例"),  # an adverb before 由
    # ... but two figures with a clause between are not one change
    ("合作社由村民发起,入社农户800户,带动就业1650人。", "1650", "就业"),
    ("全省党员总数较上年底净增17.92万名。", "17.92万", "党员总数净增"),          # a base between subject and change
    ("社会保障和就业4.07亿元,增长7.6%。", "4.07亿", "社会保障和就业"),          # X和Y before a figure is one name
    ("一般公共预算收入和支出分别达4.78亿元、20.2亿元。", "20.2亿", "一般公共预算支出"),  # 分别 shares the modifier
    ("城镇和农村居民人均可支配收入分别达到36583元和17736元。", "36583", "城镇居民人均可支配收入"),  # ... and the tail
    ("城镇居民、农村居民人均可支配收入分别增长5.2%、7.6%。", "5.2", "城镇居民人均可支配收入增长"),
    ("大学以上学历的干部、女干部、少数民族干部分别提高了11.0%、2.9%、1.0%。", "2.9", "女干部"),  # its own head
    ("集体收入和人均收入增长1.8倍、3.4倍。", "3.4", "人均收入"),                # two names, two figures, in order
    ("服务大学生及商户4600余人。", "4600余", "大学生及商户"),                     # the verb taking a pair is not in it
    ("吸纳党员骨干、物业人员等44人。", "44", "党员骨干、物业人员"),              # 等 closes a list
    ("第一产业实现增加值153.6亿元。", "153.6亿", "第一产业增加值"),              # a generic measure takes its subject
    ("全市实现增加值13.5亿元。", "13.5亿", "增加值"),                             # ... but never a scope
    ("全市女党员近11万名,占党员总数32.52%。", "32.52", "女党员"),                # a share names its group
    ("由3700平方米的超市和15间五层商铺组成。", "3700", "超市"),                  # X的noun, the noun tagged a verb
    ("由3700平方米的超市和15间五层商铺组成。", "15", "五层商铺"),                # a numeral modifier of the noun
    ("地区生产总值同比增长(下同)2.5%。", "2.5", "地区生产总值"),                 # a bracketed note is no phrase
    ("地区生产总值完成101亿元,按2020年不变价格计算比上年(以下简称同比)增长9.4%。", "9.4", "地区生产总值增长"),  # ... nor a price base
    ("全县有安置点共7个。", "7", "安置点"),
    ("粮食产量12.5万吨,增产5.9%。", "5.9", "粮食产量增产"),                     # 增产 is a change, and says so
    ("非公有制企业、社会组织党组织分别有6521个、2433个。", "6521", "非公有制企业党组织"),  # a shared head
    ("非公有制企业、社会组织党组织分别有6521个、2433个,覆盖率分别达100%、90%。", "90", "覆盖率"),
    ("一产实现增加值16.9亿元。", "16.9亿", "一产增加值"),
    ("安排39个三星级及以上村党组织。", "39", "三星级及以上村党组织"),             # a bound inside the phrase
    ("挑选了40名副科级以上领导干部。", "40", "副科级以上领导干部"),
    ("26-35岁的占20.7%,36-45岁的占29%。", "29", "36-45岁"),                    # an age band's share
    ("集体收入120万元,比增7.6%。", "7.6", "集体收入"),                          # 比增: 比上年增长
    ("牲畜共计约415头(只)。", "415", "牲畜"),                                   # a unit gloss is no phrase
    ("35岁及以下的党员738448名,占党员总数的26.58%。", "26.58", "35岁及以下党员"),  # a bound before 的
    ("全乡党员中,大专学历2100人,本科及以上6190人。", "6190", "本科及以上党员"),  # a schooling bound is a category
    ("今年全乡考上本科19人。", "19", "考上本科"),                                # 本科 is a noun (the tagger: a pronoun)
    ("人均地区生产总值99359元,高于全市平均水平12645元。", "12645", "人均地区生产总值"),  # not the average it beats
    ("农村居民人均可支配收入高于全省平均水平的20%。", "20", "农村居民人均可支配收入"),
    ("全县平均水平为8.6万元。", "8.6万", "平均水平"),                             # negative: the average itself
    ("| 辖区面积:约0.49平方公里 | 人口数量:约3200人 |", "0.49", "辖区面积"),       # a field's label before a colon
    ("| 辖区面积:约0.49平方公里 | 人口数量:约3200人 |", "3200", "人口数量"),
    ("工作成效:新建党群服务中心12个。", "12", "党群服务中心"),                    # negative: a heading's label is no field
    ("小区下设4个楼栋党小组,业主满意率一路攀升至98.5%。", "98.5", "业主满意率"),    # how a level rose is no phrase
    ("全乡党员中,高中学历1200人,初中及以下800人。", "800", "初中及以下党员"),
    ("建成16家各具特色的共富工坊。", "16", "共富工坊"),                          # an idiom, then 的, then the noun
    ("村均集体收入破50万元。", "50万", "村均集体收入"),                          # 破 is 突破
    ("人均可支配收入3.2万元,比全省高1.18万元。", "1.18万", "人均可支配收入"),    # 比X高: a difference
    ("新成立12家居民区党支部,12家新成立居民区党支部。", "12", "居民区党支部"),   # 新 + verb modify the noun
    ("全市累计投入6884.3万元新发展村级集体经济项目96个。", "6884.3万", "投入"),  # a sum spent on what follows
    ("辖区35个共驻共建单位参与。", "35", "共建单位"),
    ("全区有24个“两新”组织党组织。", "24", "两新组织党组织"),   # a quoted term and the word after it are one noun
    ("全区有24个“三零”村党组织。", "24", "三零村党组织"),        # (the quote alone, a noun after it)
    ("建立8个党建联建协作区。", "8", "党建联建协作区"),
    ("全区限额以上企业7家。", "7", "限额以上企业"),
    ("全年实现地区生产总值﹝2﹞5183.8亿元。", "5183.8亿", "地区生产总值"),    # a footnote mark in ﹝﹞
    ("粮食产量连续三年超过800亿斤。", "800亿", "粮食产量"),                  # how long it has held is skipped
    ("连续三年超过800亿斤。", "800亿", ""),                                  # negative: nothing before the span
    ("地区生产总值增长8.3%,达到270亿元;地方财政收入增长6.9%,达到32.1亿元。", "32.1亿", "地方财政收入"),  # the level of what grew
    ("地区生产总值增长8.3%,其中工业270亿元。", "270亿", "工业"),               # negative: not a level word
    ("辖区内物业服务公司36家,其中19家已成立党支部。", "19", "辖区内物业服务公司"),  # negative: after 已 the verb is the predicate
    # a comparison's base (与…的19612368人相比) is no metric, and the change after it is not of the base
    ("与2010年第六次全国人口普查的19612368人相比,增加2280727人。", "19612368", "人口普查"),
    ("与2010年第六次全国人口普查的19612368人相比,增加2280727人。", "2280727", "人口增加"),
    ("烤烟种植面积2.23万亩,增加0.13万亩。", "0.13万", "烤烟种植面积增加"),  # negative: no frame, the level's change
    ("村集体每年可增加5万元收入。", "5万", "收入"),                            # 收入 is the domain's noun, not a verb
    ("山西上党181个行政村收入均超10万元。", "181", "行政村"),                  # a count of units, not of their income
    ("山西上党181个行政村收入均超10万元。", "10万", "行政村收入"),             # negative: the sum is their income
])
def test_metric_on_real_forms(sentence, number, metric):
    assert metric_of(sentence, number) == metric


def test_a_headline_part_ends_at_a_space():
    claims = extract_text("党员277.84万名 基层党组织12.39万个 陕西省党员队伍持续壮大\n\n正文。\n")
    assert dict(zip(claims["number"], claims["metric"])) == {"277.84万": "党员", "12.39万": "基层党组织"}


def test_a_bare_figure_counts_what_its_paragraph_neighbour_counts():
    claims = extract_text("丰乐村50万元、夏桐村15万元……全镇村集体经济收入率先达到5万元以上。\n")
    assert claims.set_index("number").loc["50万", "metric"] == "村集体经济收入"


@pytest.mark.parametrize("sentence,number,metric", [
    ("柏桥村辖9个村民小组,886户2595人。", "886", "户数"),                   # a unit names what nothing else does
    ("柏桥村辖9个村民小组,886户2595人。", "2595", "人口"),
    ("柏桥村辖9个村民小组,886户2595人。", "9", "村民小组"),
    # negatives: a subject standing before both figures counts both
    ("社区辖区总人口1592户,5407人。", "5407", "社区辖区总人口"),
    ("组织各类干部培训53期6900余人次。", "6900余", "干部培训"),
    ("贫困人口由106户323人减少到1户3人。", "3", "贫困人口"),                # a change keeps its subject
    ("党群服务中心建筑面积各约600平方米。", "600", "党群服务中心建筑面积"),  # 各 links a measure to its figure
    # a predicate between the figures: the phrase before counts its own figure only
    ("总面积约41.2平方公里,共有1056户4145人。", "1056", "户数"),
    ("新修了一栋面积为90平方米的村级组织活动中心。", "90", "面积"),     # the measure before, not what has it
    ("由3700平方米的超市和15间五层商铺组成。", "3700", "超市"),        # ... unless none is named
    ("辖3个自然村28个自管委。", "28", "自管委"),                       # domain words stay whole
    ("人口自然增长率为5.3‰。", "5.3", "人口自然增长率"),
    ("下派26名选调生到村任职。", "26", "选调生"),
    ("全县集体经济收入10万元以上的村达83%。", "83", "集体经济收入10万元以上的村"),  # a threshold names the group
    ("20万元以上村达100%。", "100", "20万元以上村"),                    # ... with or without 的 (村达: one guessed word)
    ("村均收入179万元。", "179万", "村均收入"),                           # negative: 村均 is a word, not 村+均
    ("6月21日讯 孙吴县群山乡富民村有111户、243人。", "111", "户数"),        # a dateline and a place are no metric
    ("光伏发电120万千瓦时。", "120万", "光伏发电"),                        # negative: 电 ends a word, not a dateline
    ("投入资金437万元用于乡镇、村党支部阵地提质升级。", "437万", "投入资金"),  # after a sum, a verb says what for
    ("划拨专项党费100.8万元用于支持疫情防控。", "100.8万", "划拨专项党费"),
    ("形成226个创新成果。", "226", "创新成果"),                             # negative: after a count it modifies
    ("村均收入179万元,较上年度增加42万元。", "42万", "村均收入增加"),         # 上年度 is a base like 上年
    ("晋州市晋州镇秘家庄村共有849口人,土地仅有280亩。", "849", "人口"),   # a chain of places is no metric
    ("村集体年收入不超3万元。", "3万", "村集体年收入"),                  # 不超 is a qualifier, no break
    # a place after the figure is no metric
    ("襄州区黄龙镇柏桥村辖9个村民小组,耕地面积6198亩丁湾村辖8个村民小组。", "6198", "耕地面积"),
])
def test_what_a_bare_figure_counts(sentence, number, metric):
    assert metric_of(sentence, number) == metric


@pytest.mark.parametrize("text,number,metric", [
    # a category alone counts the group its paragraph last counted, across sentences
    ("全镇党员中,有女党员359名,35岁以下441名,占24.3%;60岁以上381名,占21%;大专以上学历231名。", "381", "60岁以上党员"),
    ("全镇党员中,有女党员359名,35岁以下441名,占24.3%;60岁以上381名,占21%;大专以上学历231名。", "231", "大专以上学历党员"),
    # an age band of its own (35岁及以下, 36至59岁) in a sentence framed by its group (全市党员中)
    ("全市党员中,35岁及以下48.5万名,占26.6%;36至59岁69.8万名,占38.3%;60岁以上64万名。", "48.5万", "35岁及以下党员"),
    ("全市党员中,35岁及以下48.5万名,占26.6%;36至59岁69.8万名,占38.3%;60岁以上64万名。", "69.8万", "36至59岁党员"),
    ("全村共有党员23名,其中35岁以下3名,35—59岁14名,占党员总数60.9%。", "14", "35—59岁党员"),  # a dash between ages
    # negatives: with no group named before, the category stays as it is; a group in another paragraph is not it
    ("35岁以下的占78%。", "78", "35岁以下"),
    ("全镇有女党员359名。\n35岁以下441名。", "441", "35岁以下"),
])
def test_a_category_counts_its_paragraphs_group(text, number, metric):
    assert metric_of(text, number) == metric


PRICES = ("其中:食品烟酒类、生活用品及服务类、交通和通信类、教育文化和娱乐类、其他用品及服务类分别上涨2.4%、1.2%、6.6%、"
          "0.8%、2.1%;")
LISTED = "全村农业总产值2206万元,其中,热带经济作物、瓜菜与水果、畜牧、水稻分别为922.51万元、763.89万元、349.23万元、74.55万元,分别占农业总产值的41.8%、34.6%、15.8%、3.3%。"


INCOMES = "城镇和农村居民人均可支配收入分别增长8%和8.1%,达到48620元和20660元。"
TAXES = "从各主要税种看,完成营业税784万元,城建税128万元,车船税7万元,分别比上年增长93%、59%、45%。"


@pytest.mark.parametrize("text,number,metric", [
    # an enumeration comma list whose item holds 与 has as many items as figures
    (LISTED, "763.89万", "瓜菜与水果"), (LISTED, "74.55万", "水稻"),
    # 分别占<whole>的…: the shares are of the items listed before, in order (not 分别, not the whole)
    (LISTED, "41.8", "热带经济作物"), (LISTED, "15.8", "畜牧"),
    # items that each hold a 和/及 of their own, the last opening with 其他, a list longer than one phrase
    (PRICES, "2.4", "食品烟酒类"), (PRICES, "1.2", "生活用品及服务类"), (PRICES, "6.6", "交通和通信类"),
    (PRICES, "0.8", "教育文化和娱乐类"), (PRICES, "2.1", "其他用品及服务类"),
    # negative: a pair joined by 和 in one item is still one name
    ("社会保障和就业支出4.07亿元。", "4.07亿", "社会保障和就业支出"),
    ("解决率、满意率分别达到93.1%和91.4%,分别占全省的12%和13%。", "12", "解决率"),
    # a 、-list of shares, each item its own group (优秀农民工占40.7%、致富带头人占28.2%)
    ("新一届两委班子中,优秀农民工占40.7%、致富带头人占28.2%、退役军人占8.5%。", "28.2", "致富带头人"),
    ("新一届两委班子中,优秀农民工占40.7%、致富带头人占28.2%、退役军人占8.5%。", "8.5", "退役军人"),
    # a subject before 分别占 is the group of both, without 分别
    ("党员分别占全省的12%和13%。", "12", "党员"),
    # negative: shares with no list before keep the group of their clause
    ("女党员占全镇党员的31.2%。", "31.2", "女党员"),
    # a second 分别 across a comparison's base year (分别是2011年的1.65倍、1.86倍) keeps the list's order
    ("财政总收入、公共预算收入分别完成6.1亿元、3.6亿元,分别是2011年的1.65倍、1.86倍。", "1.65", "财政总收入"),
    ("财政总收入、公共预算收入分别完成6.1亿元、3.6亿元,分别是2011年的1.65倍、1.86倍。", "1.86", "公共预算收入"),
    # as many counts just before, each of its own thing: the shares are of those, in order
    ("在116个调查村中,三无村共4个、倒挂村共12个、空心村共9个,分别占调研总数的3.5%、10.3%、7.8%。", "10.3", "倒挂村"),
    ("在116个调查村中,三无村共4个、倒挂村共12个、空心村共9个,分别占3.5%、10.3%、7.8%。", "3.5", "三无村"),
    ("在116个调查村中,三无村共4个、倒挂村共12个、空心村共9个,分别占3.5%、10.3%、7.8%。", "4", "三无村"),
    # negatives: fewer counts than shares, or counts of one thing, do not name them
    ("在116个调查村中,倒挂村共12个、空心村共9个,分别占调研总数的3.5%、10.3%、7.8%。", "3.5", "总数"),
    ("全村有党员12名、党员9名,分别占党员总数的57%、43%。", "57", "党员总数"),
    # a listed change shares its change word (分别增长8%和|8.1%), and as many levels after a comma and a
    # level word are the levels of what changed, in order
    (INCOMES, "8.1", "农村居民人均可支配收入增长"),
    (INCOMES, "48620", "城镇居民人均可支配收入"), (INCOMES, "20660", "农村居民人均可支配收入"),
    # negatives: fewer levels than changes, or no level word between, do not take the list
    ("城镇和农村居民人均可支配收入分别增长8%和8.1%,达到48620元。", "48620", "农村居民人均可支配收入"),
    ("城镇和农村居民人均可支配收入分别增长8%和8.1%,其中补贴1200元和800元。", "1200", "补贴"),
    # a clause opening with 分别, after as many figures set off by commas, each of its own thing: those, in order
    (TAXES, "93", "营业税增长"), (TAXES, "59", "城建税增长"), (TAXES, "45", "车船税增长"),
    # negative: a list with its own subject before 分别 keeps it
    ("完成固定资产投资80亿元,城乡居民人均可支配收入分别增长5%和8%。", "8", "城乡居民人均可支配收入增长"),
])
def test_respectively_lists_and_their_shares(text, number, metric):
    assert metric_of(text, number) == metric


@pytest.mark.parametrize("text,number,metric", [
    # a share with a bound, then a copula: the share of what it says
    ("辖区内90%以上为个体工商户。", "90", "个体工商户"),
    ("面积很大,但90%以上都是山区。", "90", "山区"),
    ("从学历看,99%以上都具有大专以上学历。", "99", "大专以上学历"),
    # negative: without a bound, the phrase before names the share (为历年最高 is a comment)
    ("满意率达98%为历年最高。", "98", "满意率"),
])
def test_a_bounded_share_is_of_what_its_copula_names(text, number, metric):
    assert metric_of(text, number) == metric


@pytest.mark.parametrize("text,number,metric", [
    # a band of money before 的 is part of what is counted
    ("全省5-10万元的村占比40.1%。", "40.1", "5-10万元的村占比"),
    # a threshold alone before 有: the threshold, with what reached it
    ("全镇7个村集体经济总收入达10万元以上有3个。", "3", "村集体经济总收入10万元以上"),
    # a second threshold of a list takes what the first was of
    ("全县315个行政村集体经济收入5万元以上的296个,10万元以上的128个。", "128", "行政村集体经济收入10万元以上"),
    # a threshold's numeral ends the phrase after a figure
    ("全县315个行政村集体经济收入5万元以上的296个,10万元以上的128个。", "315", "行政村集体经济收入"),
    # negative: a threshold inside a phrase, with its noun, is not shared
    ("收入10万元以上的村有5个,党员100名以上的村有3个。", "3", "党员100名以上的村"),
])
def test_thresholds_and_bands_are_part_of_what_is_counted(text, number, metric):
    assert metric_of(text, number) == metric


@pytest.mark.parametrize("text,number,metric", [
    # after an area, a verb that names a kind of land, then its noun, is what the area is of
    ("整合160亩租赁林地,建设基地。", "160", "租赁林地"),
    ("盘活120亩闲散土地,发展产业。", "120", "闲散土地"),
    # negative: other verbs there say what the area or the sum is for
    ("流转土地200亩种植玉米,实现增收。", "200", "流转土地"),
    ("投入资金437万元用于乡镇、村党支部阵地提质升级。", "437万", "投入资金"),
])
def test_a_kind_verb_after_an_area_names_the_land(text, number, metric):
    assert metric_of(text, number) == metric


@pytest.mark.parametrize("text,number,metric", [
    # an adverb the tagger takes for a numeral (一下子) stands between a metric and its figure
    ("村集体收入一下子到了50多万元。", "50多万", "村集体收入"),
    ("收入一举突破了100万元。", "100万", "收入"),
])
def test_adverbs_between_a_metric_and_its_figure(text, number, metric):
    assert metric_of(text, number) == metric


@pytest.mark.parametrize("text,number,metric", [
    # a star grade and its bound before the phrase are part of what is counted
    ("全区四星级以上党(总)支部占比50%。", "50", "四星级以上党(总)支部占比"),
    ("三星级以上村党组织达到120个。", "120", "三星级以上村党组织"),
    # negative: a bound after no grade or numeral is left to the phrase
    ("以上村党组织达到120个。", "120", "村党组织"),
])
def test_a_star_grade_bound_belongs_to_the_metric(text, number, metric):
    assert metric_of(text, number) == metric


@pytest.mark.parametrize("text,number,metric", [
    # a figure whose unit names what it counts (户, 人) right after a count of units: that word is the count's
    ("安置群众覆盖12个乡镇105个村1944户6770人。", "1944", "户数"),
    ("安置群众覆盖12个乡镇105个村1944户6770人。", "6770", "人口"),
    ("安置群众覆盖12个乡镇105个村1944户6770人。", "105", "村"),
    ("晨钟村共有9个村民小组746户3197人。", "746", "户数"),
    ("全村共有16个村小组,747户农户2551人。", "2551", "人口"),
    # negative: people the count before names are this figure's (the members are the 357)
    ("全县57个行政村两委班子成员357人。", "357", "行政村两委班子成员"),
    # negative: a unit that names nothing (亩, 支) takes the phrase before it; a phrase running into a verb is the next figure's
    ("建成养殖基地236处水面5300余亩。", "5300余", "水面"),
    ("全县185个村集体经济收入达到3956万元。", "3956万", "村集体经济收入"),
])
def test_a_unit_s_own_count_after_a_count_of_units(text, number, metric):
    assert metric_of(text, number) == metric


@pytest.mark.parametrize("text,number,metric", [
    # a phrase that measures its unit alone (户数, 面积) is not carried to a figure in another unit
    ("全村总户数4629户、13642人。", "13642", "人口"),
    ("兴电社区辖区面积1.1平方公里, 2114户,6132人。", "2114", "户数"),
    ("全村共有村民小组4个,165户,736人。", "165", "户数"),
    ("木李镇镇域面积60平方公里,辖1750户6500人。", "1750", "户数"),  # 辖 links, it names nothing
    ("平均管辖面积达290余平方公里。", "290余", "平均管辖面积"),  # negative: 管辖 inside a noun stays
    # negative: households (农户) before the figures are what both count
    ("覆盖农户444户1882人。", "1882", "农户"),
    # negative: a subject over both units (总人口) is
    ("全村总人口1592户,5407人。", "5407", "总人口"),
])
def test_a_count_of_households_is_not_carried_to_people(text, number, metric):
    assert metric_of(text, number) == metric


@pytest.mark.parametrize("text,number,metric", [
    # a sum a money verb puts into what follows 的 is that thing's investment
    ("引进投资500万元的天麻种植基地。", "500万", "天麻种植基地投资"),
    ("投资300万元的加工销售基地已投产。", "300万", "加工销售基地投资"),
    # negative: a sum after a measure noun stays the measure (投入资金); one without a money verb is what follows
    ("投入资金500万元的项目已完工。", "500万", "投入资金"),
    ("建成价值500万元的加工销售基地。", "500万", "加工销售基地"),
])
def test_a_sum_invested_in_what_follows(text, number, metric):
    assert metric_of(text, number) == metric


@pytest.mark.parametrize("text,number,metric", [
    # two modifiers joined by 和 share the head after the second
    ("全区共有18个非公经济和社会组织党组织。", "18", "非公经济和社会组织党组织"),
    ("下设7个非公和社会组织党支部。", "7", "非公和社会组织党支部"),
    # negative: two counted things joined by 和 stay two
    ("建成党群服务中心3个和活动室5个。", "3", "党群服务中心"),
    ("培训村干部200名和党员500名。", "200", "村干部"),
])
def test_coordinated_modifiers_share_their_head(text, number, metric):
    assert metric_of(text, number) == metric


def test_shi_you_links_a_figure_to_what_was_counted():
    # 年末实有66094户 counts the market entities named before, not a metric 实有
    metric = metric_of("全年新登记市场主体11428户,年末实有66094户。", "66094")
    assert "市场主体" in metric and "实有" not in metric


def test_a_phrase_cut_by_a_hard_wrap_is_whole():
    # 全社会固定资产投|资完成59.4亿元: a PDF's line break inside a word does not cut the metric
    from test_sections import REVIEW, hard_wrap
    text = "蠡县经济发展综述\n\n" + hard_wrap(REVIEW, 50) + "\n"  # (cut at 投|资)
    assert "投\n资" in text
    assert "固定资产投资" in metric_of(text, "59.4亿")


def test_places_listed_with_no_head_name_no_metric():
    # negative of 各村集体经济收入分别为:…: a list of places' figures with nothing named before it
    assert metric_of("丰乐村50万元、夏桐村15万元。", "15万") == ""

