"""The years a text writes and the year a report is about (pbmine.dates)."""
from __future__ import annotations

import pytest

from test_periods import year_of
from pbmine.dates import frames, is_base, report_date, years_in
from pbmine.sections import split_document


@pytest.mark.parametrize("text,found", [
    ("2023年全县", [(0, 2023)]),
    ("二〇二三年统计公报", [(0, 2023)]),
    ("截至20211231日", [(0, 2021)]),
    ("2023年代表", []),       # negative: a decade word is no year
    ("2023名党员", []),        # negative: a count
])
def test_years_as_written(text, found):
    assert years_in(text) == found


@pytest.mark.parametrize("text,framed", [
    ("2012年，全村建成", True), ("2016年以来，全县", True), ("2022年是关键之年", True),
    ("2021年建成5所学校", False),   # negative: a fact of that year alone
])
def test_a_year_that_frames_what_follows(text, framed):
    assert frames(text, 0) is framed


def test_a_comparisons_base_year():
    assert is_base("比2019年增长", 1) and not is_base("2019年增长", 0)
    assert is_base("按2020年不变价格计算", 1) and not is_base("按2020年价格", 1)  # a price base is none of the figures' years


@pytest.mark.parametrize("text,year,dated", [
    # the title's year wins over the date line (and a summary dated the next January counts 今年 from it)
    ("2023年工作总结\n发布日期:2024-01-12\n\n全年建成支部12个。\n", 2023, 2023),
    ("2023年工作总结\n发布日期:2024-06-12\n\n全年建成支部12个。\n", 2023, 2024),
    # a work report delivered in March reviews the year before; one delivered in December its own
    ("政府工作报告\n2024年3月5日\n\n过去一年,全市生产总值增长5%。\n", 2023, 2024),
    ("政府工作报告\n2024年12月27日\n\n过去一年,全市生产总值增长5%。\n", 2024, 2024),
    # an issuer's line then (2023年4月): the date it was issued, so the lead's 2022年, frames the figures
    ("乌鲁木齐市统计局\n(2023年4月)\n2022年,在自治区党委领导下,全市上下坚持稳中求进工作总基调,实现经济平稳健康发展。\n"
     "年末全市常住人口408.24万人。\n", 2022, 2023),
    # negative: a title's year still wins over the month line under it
    ("2021年工作总结\n(2022年1月)\n2021年,在县委领导下,全镇坚持稳中求进工作总基调,实现经济平稳健康发展。\n", 2021, 2021),
    # negative: with no date anywhere, the latest year the text names
    ("全县党建综述\n\n2019年建成支部12个,2021年建成15个。\n", 2021, 2021),
    # a lead opening a span (2021年以来) in a page dated later: the span runs up to the date's year
    ("川口村:党建引领促发展\n\n2022.03.29 15:20 在榆林网\n\n川口村,是毛主席转战陕北的地方,全村土地面积4500亩。2021年以来,"
     "川口村坚持党建引领,积极推进乡村振兴战略实施。\n", 2022, 2022),
    # negative: a lead's year without 以来 frames the figures
    ("川口村:党建引领促发展\n\n2022.03.29 15:20 在榆林网\n\n川口村,是毛主席转战陕北的地方,全村土地面积4500亩。2021年,"
     "川口村坚持党建引领,积极推进乡村振兴战略实施。\n", 2021, 2022),
    # a work report's progress at mid-year is its own year's, not a review of the year before
    ("2022年区政府工作报告目标任务半年完成情况\n日期:2022-07-28 来源:万州区政府办公室\n\n2022年上半年,实现地区生产总值513.8亿元。\n",
     2022, 2022),
    # a dateless text dated by the anniversary it names (中国共产党成立91周年: 2012)
    ("浦东党建品牌上榜\n\n“七一”前夕,19个基层党建品牌光荣上榜,是献给中国共产党成立91周年的厚礼。活动从2010年4月启动。\n",
     2012, 2012),
    # negative: a date line wins over an anniversary
    ("浦东党建品牌上榜\n发布时间:2013-07-01\n\n19个基层党建品牌上榜,是献给中国共产党成立91周年的厚礼。\n", 2013, 2013),
])
def test_the_reports_own_year(text, year, dated):
    d = report_date(split_document("t", text))
    assert (d.year, d.date_year) == (year, dated)


@pytest.mark.parametrize("text,number,year", [
    # a report dated in January whose opening counts since the year just ended is about that year
    ("白沙:夯实基层党建基础 2024年01月08日\n\n党群关系愈发密切、特色产业遍地开花,这些变化背后,是白沙坚持党建引领的生动实践。\n\n"
     "2023年以来,白沙紧盯示范县创建的各项任务,推进乡村产业活力不断迸发,持续增强群众的获得感。\n\n"
     "白沙下基层宣讲170余场次,选派42名优秀村干部跟班锻炼。\n", "170余", 2023),
    # negatives: a later month, or a span opened earlier, keep the date's year
    ("白沙:夯实基层党建基础 2024年05月08日\n\n党群关系愈发密切、特色产业遍地开花,这些变化背后,是白沙坚持党建引领的生动实践。\n\n"
     "2023年以来,白沙紧盯示范县创建的各项任务,推进乡村产业活力不断迸发,持续增强群众的获得感。\n\n"
     "白沙下基层宣讲170余场次,选派42名优秀村干部跟班锻炼。\n", "170余", 2024),
    ("白沙:夯实基层党建基础 2024年01月08日\n\n党群关系愈发密切、特色产业遍地开花,这些变化背后,是白沙坚持党建引领的生动实践。\n\n"
     "2021年以来,白沙紧盯示范县创建的各项任务,推进乡村产业活力不断迸发,持续增强群众的获得感。\n\n"
     "白沙下基层宣讲170余场次,选派42名优秀村干部跟班锻炼。\n", "170余", 2024),
    # ... or whose lead names an annual event of that year (2022年度…分红大会)
    ("重庆云阳:村民喜领“大红包”\n\n来源:中国网 时间:2023-01-31 15:22:41\n\n“分红领钱啦!”近日,云阳县泥溪镇石蛋村举行2022年度"
     "集体经济分红大会,分红按时发放到每位村民手中。\n\n本次分红提取公积公益金6.9万元。\n", "6.9万", 2022),
    # negative: an annual event of an earlier year in a January report keeps the date's year
    ("重庆云阳:村民喜领“大红包”\n\n来源:中国网 时间:2023-01-31 15:22:41\n\n“分红领钱啦!”近日,云阳县泥溪镇石蛋村回顾2020年度"
     "集体经济分红大会,分红按时发放到每位村民手中。\n\n本次分红提取公积公益金6.9万元。\n", "6.9万", 2023),
    # a work report reposted later, with no delivery date, that names the year it looks back on (回望2023年)
    ("发布时间:2024-12-01 04:02:08\n中新网 太原1月23日电 山西省省长作政府工作报告。\n"
     "过去的一年,山西迎难而上,奋力攻坚,高质量发展扎实推进。\n回望2023年山西高质量发展的辽阔征程,亮点频出。\n"
     "全省地区生产总值达到2.57万亿元。\n", "2.57万亿", 2023),
    # negative: without the year it looks back on, the page's date is all there is
    ("发布时间:2024-12-01 04:02:08\n中新网 太原1月23日电 山西省省长作政府工作报告。\n"
     "过去的一年,山西迎难而上,奋力攻坚,高质量发展扎实推进。\n回望山西高质量发展的辽阔征程,亮点频出。\n"
     "全省地区生产总值达到2.57万亿元。\n", "2.57万亿", 2024),
])
def test_the_year_a_report_looks_back_on(text, number, year):
    assert year_of(text, number) == year
