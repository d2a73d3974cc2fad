"""Year and period of each claim."""
from __future__ import annotations

import pandas as pd
import pytest

from pbmine import extract_text


def year_of(text: str, number: str) -> int:
    """The year of the claim whose number is `number`."""
    return int(extract_text(text).set_index("number").loc[number, "year"])


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


@pytest.mark.parametrize("text,number,year", [
    # a year in an aside closed before the figure is not its year
    ("同德巷社区概况\n截止2012年底,有常住居民3707户(2013年底社区人口将达到15000人以上),流动人口2000人。\n", "2000", 2012),
    ("同德巷社区概况\n截止2012年底,有常住居民3707户(2013年底社区人口将达到15000人以上),流动人口2000人。\n", "15000", 2013),
    ("同德巷社区概况\n截止2012年底,有常住居民3707户(2013年底社区人口将达到15000人以上)。社区党总支下设7个党支部。\n",
     "7", 2012),  # ... nor frames the sentences after it
    # a title naming the year it looks back on, without 年
    ("《政府工作报告》之回顾2022\n经济社会发展迈出新步伐:\n323个市级重点项目完成投资682亿元。\n", "323", 2022),
    # a report delivered in January, untitled, that opens 我代表区人民政府向大会报告工作: it reviews the year before
    ("——2022年1月8日在重庆市永川区第十八届人民代表大会第一次会议上\n各位代表:\n现在,我代表区人民政府向大会报告工作。\n"
     "过去五年,地区生产总值增加到1550.2亿元。\n", "1550.2亿", 2021),
    # negative: a meeting's news item dated in January is its own year
    ("——2022年1月8日在重庆市永川区第十八届人民代表大会第一次会议上\n各位代表:\n本次会议出席代表312名。\n", "312", 2022),
    # a comparison base is not the figure's year
    ("2023年中江县统计公报\n\n全县地区生产总值比上年增长5.0%。\n", "5.0", 2023),
    ("松明县统计公报\n发布时间:2024-04-15\n\n2023年,地区生产总值174.99亿元,比上年增长5.0%。\n", "5.0", 2023),
    # 二〇二三年 in a title
    ("子洲县二〇二三年国民经济和社会发展统计公报\n\n全县常住人口21.5万人。\n", "21.5万", 2023),
    # a news lead's data year beats the page's date line
    ("湖南共有党员427.4万名\n发布时间:2024/7/1 9:16:14\n华声在线讯 截至2023年底,湖南省共有党员427.4万名,"
     "比上年净增1.9万名。\n", "1.9万", 2023),
    # a heading with a year holds for the section under it
    ("在全区2023年党建工作会议上的讲话(2023年4月)\n同志们:\n一、2022年全区组织工作开展情况\n"
     "一年来,新建党群服务中心43个。\n二、2023年工作安排\n力争新建示范点20个。\n", "43", 2022),
    ("在全区2023年党建工作会议上的讲话(2023年4月)\n同志们:\n一、2022年全区组织工作开展情况\n"
     "一年来,新建党群服务中心43个。\n二、2023年工作安排\n力争新建示范点20个。\n", "20", 2023),
    # a government work report delivered in January reviews the year before, one in December its own
    ("政 府 工 作 报 告\n(2023年1月15日在迎水桥镇第四届人民代表大会第三次会议上)\n\n"
     "过去一年,新增就业岗位1200个。\n", "1200", 2022),
    ("2021年兴文县人民政府工作报告\n——2020年12月27日在兴文县第十六届人民代表大会第六次会议上\n\n"
     "全年新增就业岗位1200个。\n", "1200", 2020),
    # a summary of 2022 dated January 2023: its 今年 is 2022
    ("白杨街道2022年工作总结及2023年工作思路\n发布日期:2023-01-12 17:22\n\n今年以来,新增企业120家。\n", "120", 2022),
    # a span gives its end; a year that frames a paragraph holds for it
    ("自2021年6月到2024年6月进驻禾洞镇以来,工作队召开联席会议11次。\n", "11", 2024),
    ("付竹村调研\n2014年11月26日\n\n2012年,全村总户数391户。村民代表35人。\n", "35", 2012),
    # a dateless text: a plan's year is after it was written, a year compared or reached before it,
    # a founding year says nothing
    ("村里种植了苹果树。现有耕地4200亩。2023年将继续扩大基地种植。\n", "4200", 2022),
    ("今年一季度,全市村级集体经济总收入375.5万元,达到2020年全年总收入的70%。\n", "375.5万", 2021),
    ("社区成立于2001年7月,面积0.096平方公里。\n", "0.096", None),
    ("“2022 海外华文媒体采访行”走进社区。社区辖区单位9个。\n", "9", 2022),
    # since a year: the figures count up to the report's own year; 从…起 likewise, but 2006年起 is a start
    ("发布时间:2023-04-17\n\n2021年以来,全市选派423名第一书记。\n", "423", 2023),
    ("发布时间:2020-12-10\n\n从2011年10月起,已连续选派9批干部。\n", "9", 2020),
    ("发布时间:2024-05-10\n\n2006年起,村集体领办两家村办企业。\n", "两", 2006),
    # 目前/现在: the report's own year, whatever the sentence named before
    ("发布时间:2022-04-22\n\n2014年时产业为零,到现在的400多亩。\n", "400多", 2022),
    # a whole-scope statistic after a year frames the rest of the paragraph
    ("付竹村调研\n2014年11月26日\n\n付竹村2012年全村总户数391户。全村共有党员36人。\n", "36", 2012),
    # a lead's cut-off beats the end of a plan's span
    ("吴山镇强村计划\n\n近年来,吴山镇启动三年强村计划,即2021~2023年,三年分别实现经营性收入全覆盖。截至2022年8月底,"
     "吴山镇村均集体经济收入48.13万元。\n全镇17个村实现企业联建全覆盖。\n", "17", 2022),
    # 当年 is the year the text last named, not the date line's
    ("发布时间:2026-02-09\n\n2021年,回隆村联合竹马村成立公司。\n当年,三村共同争取资金300万元。\n", "300万", 2021),
    # 自2013年实施…以来 counts to the report's year; a year's own plan is that year
    ("发布时间:2017-07-05\n\n截至2016年底,全市党员47.6万名。自2013年实施总量调控以来,年均净增幅为1.2%。\n", "1.2", 2016),
    # a page's date written 2022 05/ 13; X年起，with a running total (已连续选派) counts to that date
    ("西藏干部驻村\n2022 05/ 13 10:36\n来源: 新华社\n\n全区召开驻村工作会议。2011年10月起,西藏已连续选派10批干部驻村。\n", "10", 2022),
    # negative: X年起，for a thing done that year is that year's
    ("西藏干部驻村\n2022 05/ 13 10:36\n来源: 新华社\n\n全区召开驻村工作会议。2016年起,村集体领办两家村办企业。\n", "两", 2016),
    # a line holding only a year and month is a date, no section: the bulletin's year holds
    ("2023年西藏自治区国民经济和社会发展统计公报\n\n发布时间: 2024-05-07 16:10:00 来源: 西藏日报\n\n2024年5月\n\n"
     "2023年是开局之年。全区实现地区生产总值2392.67亿元。\n全区常住人口365万人。\n", "365万", 2023),
    # a year with its event (2021年换届后，) frames the paragraph's later sentences
    ("发布时间:2022-05-10\n\n聚焦队伍建设,深入谋划村两委换届工作,2021年换届后,全镇12个村班子平均年龄37.9岁。班子结构进一步优化,其中致富能手15人。\n",
     "15", 2021),
    # a paragraph opened by a year holds it until a later frame of its own takes over
    ("发布时间:2025-05-10\n\n2018年,西江小区物业被评为示范点。2021年初,街道创建物业联盟。联盟吸纳成员3家。\n", "3", 2021),
    ("发布时间:2025-05-10\n\n2018年,西江小区物业被评为示范点。带动物业5家。2021年初,街道创建物业联盟。\n", "5", 2018),
    # negative: a year's fact alone (2021年建成…) does not
    ("发布时间:2022-05-10\n\n2021年建成5所学校。全镇现有教师300人。\n", "300", 2022),
    # ... but one opened before the lead states its cutoff runs to the page's date
    ("发布时间:2017-07-05\n\n2013年以来,全市累计发展党员1.2万名。截至2016年底,全市党员47.6万名。\n", "1.2万", 2017),
    ("发布时间:2017-07-05\n\n2013年以来,全市累计发展党员1.2万名。截至2016年底,全市党员47.6万名。\n", "47.6万", 2016),
    ("一季度全市实现地区生产总值626.9亿元,比2016年全年增速高0.3个百分点,与2017年计划目标持平。\n", "626.9亿", 2017),
    # a year naming a group of members is not the figure's year
    ("2005年底,全市共有党员30万名。\n1921年7月至1949年9月入党的占2.09%,1992年10月以后入党的占36.8%。\n", "2.09", 2005),
    ("2005年底,全市共有党员30万名。\n1921年7月至1949年9月入党的占2.09%,1992年10月以后入党的占36.8%。\n", "36.8", 2005),
    # negative: a fact of one year inside a paragraph does not frame the next sentence
    ("2022-12-31 08:19 半岛网\n\n今年以来新增就业7万人。2021年建成5所学校。前三季度新增企业300家。\n", "300", 2022),
    # a dateless story opening on its past: the report's year is its latest, not the history's
    ("罗星街道村均年收入超700万元\n1961年,田家英来到浙江展开调查。\n2020年,罗星街道村均集体经济收入达到744万元。\n",
     "700万", 2020),
    # a year on a line of its own above the dateline is the page's date
    ("2019\n10/15齐鲁晚报\n10月15日,记者获悉,2018年该合作社累计盈利116万元。\n村里共319户。\n", "319", 2019),
    # negative: a lead year one year before the latest is still the lead's
    ("2022年,全县新发展党员300名。2023年将继续推进。\n", "300", 2022),
    # a clause of a year's time (2019年旧城改造启动时，) frames the rest of its paragraph
    ("水集二村工作\n2023年老旧小区改造中,价值860万元。\n水集二村地处莱西市城区,2019年旧城改造启动时,面临难题。带头拆除180平方米汽修厂。\n",
     "180", 2019),
    # negative: a fact of that year alone (2019年拆除…) frames nothing after it
    ("水集二村工作\n2023年老旧小区改造中,价值860万元。\n村党支部书记带领全体党员干部于2019年拆除违建12处。带头拆除180平方米汽修厂。\n",
     "180", 2023),
    # a page's date written day.month.year on a line of its own, and one on a line with 来源/作者
    ("26万余名党员群众参加社区奉献日\n\n09.04.2017  06:42\n\n今年共产党员社区奉献日活动共有党员1200名参加。\n", "1200", 2017),
    ("兴边富民\n2019-12-06 09:36:00  来(lái)源:乡(xiāng)村干部报(bào)  作者:本报记者 许露露 本报通讯员 韩龙新 黄雪松 "
     "李明明 王小红 张大军 刘洋洋 陈晓东 赵一鸣 孙丽丽 周国强 吴敏敏\n\n全省有1393个边境村。\n", "1393", 2019),
    # a slashed date on a long byline line with 时间/来源 (10/12/2011: which part is the month is unknown)
    ("北京182个乡镇完成党委换结\n中国市场调查网  时间:10/12/2011 13:31:00   来源:北京晨报\n\n全市共选举产生乡镇党委委员1801名。\n",
     "1801", 2011),
    # 2022年以来… in a report dated in January 2023 counts the year just ended
    ("元氏推动集体经济\n2023-01-11 16:29:42 来源:河北日报客户端\n\n元氏县以党支部领办合作社为突破口。\n2022年以来,全县协调农村产业项目150余件。\n",
     "150余", 2022),
    # negative: dated later in the year, 2022年以来 runs to the report's own year
    ("元氏推动集体经济\n2023-05-11 16:29:42 来源:河北日报客户端\n\n元氏县以党支部领办合作社为突破口。\n2022年以来,全县协调农村产业项目150余件。\n",
     "150余", 2023),
])
def test_years_on_real_forms(text, number, year):
    claims = extract_text(text)
    got = dict(zip(claims["number"], claims["year"]))[number]
    assert (None if pd.isna(got) else got) == year


@pytest.mark.parametrize("text,number,year", [
    # a record opening on a year long before its page's date, naming nothing later: of that year
    ("长寿镇\n\n来源:未知来源 日期:2015-03-05 12:00\n\n    1997年辖51个村、3个居委会,61248人。总面积220平方公里,"
     "因本地历来人多高寿而得名。\n    城区面积1.5平方公里,常住人口1.5万人。\n", "1.5万", 1997),
    # negative: a story opening on its past that names a later year is of its page's date
    ("长寿镇\n\n来源:未知来源 日期:2015-03-05 12:00\n\n    1997年,他回到长寿镇,那时全镇只有3家企业,"
     "2013年建成工业园。\n    城区面积1.5平方公里,常住人口1.5万人。\n", "1.5万", 2015),
    # negative: a span from a past year (2012年以来) counts up to the date
    ("长寿镇\n\n来源:未知来源 日期:2015-03-05 12:00\n\n    2012年以来,长寿镇辖51个村、3个居委会,61248人。总面积"
     "220平方公里,因本地历来人多高寿而得名。\n    城区面积1.5平方公里,常住人口1.5万人。\n", "1.5万", 2015),
])
def test_a_reposted_record_keeps_its_year(text, number, year):
    assert year_of(text, number) == year


@pytest.mark.parametrize("text,number,year", [
    # headings numbered afresh from 一 under a year's heading are its parts and keep its year
    ("塘桥街道2024年社代会报告\n各位代表:\n一、2023年工作回顾\n一年来,我们主要做了以下工作:\n"
     "一、提升城市品质\n全面完成7个小区综合整新。\n二、改善民生\n加梯签约32台。\n", "32", 2023),
    # negative: the next heading of the year's own rank (二、 after 一、2023年工作回顾) ends its year
    ("塘桥街道2024年社代会报告\n各位代表:\n一、2023年工作回顾\n全面完成7个小区综合整新。\n"
     "二、主要任务\n加梯签约32台。\n", "32", 2024),
])
def test_parts_of_a_year_s_section(text, number, year):
    assert year_of(text, number) == year


@pytest.mark.parametrize("text,number,year", [
    # a work report reviews the year before, but its 目前 is the year it was given
    ("江洲镇2025年政府工作报告\n\n发布日期: 2025-06-17 09:53\n\n一、民生保障情况\n\n目前,全镇养老金发放率达100%。\n",
     "100", 2025),
    # negative: a report whose lead gives its data year keeps it for 目前
    ("屯昌实施村集体经济目标行动\n时间: 2025-02-19 16:28:01\n2024年,屯昌县持续壮大新型农村集体经济。目前,全县种植面积达502亩。\n",
     "502", 2024),
])
def test_now_in_a_work_report(text, number, year):
    assert year_of(text, number) == year


@pytest.mark.parametrize("text,number,year", [
    # 由上年的… is where a change started: the base, not the figure's year
    ("民和县2023年国民经济和社会发展统计公报\n产业结构比由上年的13.4:45.3:41.3调整为13.6:41.7:44.7,人均地区生产总值40094元。\n",
     "40094", 2023),
    # negative: 上年 on its own is the year before
    ("民和县2023年国民经济和社会发展统计公报\n上年人均地区生产总值38000元。\n", "38000", 2022),
])
def test_the_start_of_a_change_is_a_base_year(text, number, year):
    assert year_of(text, number) == year


@pytest.mark.parametrize("text,number,year", [
    # a lead opening on 2022年是…之年 is about that year (a bulletin dated the next spring)
    ("巴林右旗统计局\n(2023年3月31日)\n2022年是党的二十大胜利召开的关键之年,全旗上下坚持稳中求进,经济运行总体平稳向好。\n"
     "全年地区生产总值完成220亿元。\n", "220亿", 2022),
    # negative: a lead naming a year of a single fact keeps the date line's year
    ("巴林右旗统计局\n(2023年3月31日)\n2021年建成的产业园今年运行良好,全旗上下坚持稳中求进,经济运行总体平稳向好。\n"
     "全年地区生产总值完成220亿元。\n", "220亿", 2023),
])
def test_a_lead_about_a_year(text, number, year):
    assert year_of(text, number) == year


@pytest.mark.parametrize("text,number,year", [
    # a year opening what a speaker said opens the paragraph: its later sentences keep it
    ("涪城区人代会开幕\n发布时间:2019-02-19\n\n2月19日,涪城区人民代表大会隆重开幕,代区长邓辉向大会作报告,大会由主席团主持。\n区长在报告中说,2018年涪城全区经济社会发展取得显著成效。地区生产总值达到379.95亿元。\n",
     "379.95亿", 2018),
    # negative: a year deep in what was said is no frame for the paragraph
    ("涪城区人代会开幕\n发布时间:2019-02-19\n\n2月19日,涪城区人民代表大会隆重开幕,代区长邓辉向大会作报告,大会由主席团主持。\n区长在报告中说,全区经济社会发展在过去的2018年取得显著成效。地区生产总值达到379.95亿元。\n",
     "379.95亿", 2019),
])
def test_a_year_opening_what_was_said(text, number, year):
    assert year_of(text, number) == year


@pytest.mark.parametrize("text,number,year", [
    # a year opening a paragraph as the year of a starting value (从2017年的111.8亿元) frames nothing after it
    ("2022年西乌珠穆沁旗人民政府工作报告\n\n2022年1月7日在旗人民代表大会上\n\n地区生产总值从2017年的111.8亿元提高至2021年的160亿元;"
     "固定资产投资累计完成约126亿元。\n", "126亿", 2021),
    # negative: a year opening the paragraph as its frame holds
    ("2022年西乌珠穆沁旗人民政府工作报告\n\n2022年1月7日在旗人民代表大会上\n\n2019年,地区生产总值提高至160亿元;"
     "固定资产投资累计完成约126亿元。\n", "126亿", 2019),
])
def test_a_starting_values_year_frames_nothing(text, number, year):
    assert year_of(text, number) == year


@pytest.mark.parametrize("text,number,year", [
    # N年来 (三年来, 近年来) runs up to the report's own year, whatever year the paragraph opened with
    ("双龙村脱贫纪实\n发布时间:2020-09-01\n\n近日,记者走进延寿县双龙村,村里处处是新变化,村民们都说日子越过越好了。\n"
     "2017年,驻村工作队进驻双龙村。三年来,银行累计投入73.7万元帮助村里建成产业项目。\n", "73.7万", 2020),
    # negative: without it, the paragraph's year holds
    ("双龙村脱贫纪实\n发布时间:2020-09-01\n\n近日,记者走进延寿县双龙村,村里处处是新变化,村民们都说日子越过越好了。\n"
     "2017年,驻村工作队进驻双龙村。当时,银行累计投入73.7万元帮助村里建成产业项目。\n", "73.7万", 2017),
])
def test_years_up_to_now(text, number, year):
    assert year_of(text, number) == year


@pytest.mark.parametrize("text,number,year", [
    # a repost's title printed again under it is no section heading: the work report reviews 2020
    ("(甘肃省)2021年平凉市人民政府工作报告(全文)\n(甘肃省)2021年平凉市人民政府工作报告(全文) 政府工作报告 2021年2月24日在平凉市"
     "第四届人民代表大会第五次会议上,平凉市代市长向大会报告工作。\n(甘肃省)2021年平凉市人民政府工作报告(全文)\n各位代表:\n"
     "过去的五年,是全市克难奋进的五年。全市一般公共预算收入32.83亿元。\n", "32.83亿", 2020),
    # negative: a heading with a year of its own under the title still gives it
    ("(甘肃省)2021年平凉市人民政府工作报告(全文)\n政府工作报告\n2021年2月24日在平凉市第四届人民代表大会第五次会议上\n"
     "一、2021年工作安排\n各位代表:今年,全市一般公共预算收入预计增长5%,达到32.83亿元。\n", "32.83亿", 2021),
])
def test_a_title_printed_again_heads_no_section(text, number, year):
    assert year_of(text, number) == year
