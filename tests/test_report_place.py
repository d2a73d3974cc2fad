"""The place a report is about (pbmine.report_place), read from its title, source lines and lead."""
from __future__ import annotations

import pytest

from pbmine.regions import RegionResolver
from pbmine.sections import split_document


def report(text: str):
    region = RegionResolver(split_document("t", text)).report
    return (region.name, region.source) if region else None


@pytest.mark.parametrize("text,expected", [
    ("深圳市南山区2023年国民经济和社会发展统计公报\n\n全年新增企业1200家。\n", ("南山区", "title")),
    ("近年来,南通市崇川区天生港镇街道龙湖佳苑社区党总支探索新模式。\n", ("龙湖佳苑社区", "lead")),
    ("金石镇黄厝巷村、翁厝村党群服务中心揭牌\n\n近日两村服务中心启用。\n", ("金石镇", "title")),
    ("福州新闻网7月1日讯(福州日报记者 林晗)截至2021年6月,全市党员33.81万名。\n", ("福州", "report")),
    ("10月15日,记者从栖霞市委宣传部获悉,烟台栖霞市蛇窝泊镇东院头村合作社分红12万元。\n", ("东院头村", "lead")),
    # a title speaking of a 小区, a lead running from the title's district down to one compound
    ("小区党支部 居民“主心骨” 四川广元利州区激活城市基层党建\n\n在四川广元利州区南河街道开云世家小区里,"
     "居民们出门遛弯。小区下设4个楼栋党小组。\n", ("开云世家小区", "lead")),
    # negative: a title speaking of the 社区: the compound is where the reporter went
    ("安阳林州:社区物业一家亲 共建共享勇争星\n\n笔者来到河南省安阳市林州市振林街道阜民社区明珠小区采访。\n",
     ("林州市", "title")),
    # an office that holds its event in a place: the place is the report's
    ("近日,云南省人民政府新闻办公室在西双版纳傣族自治州召开新闻发布会。\n全州边境线长966.3公里。\n",
     ("西双版纳傣族自治州", "lead")),
    # negative: an office holding its event at home
    ("近日,云南省人民政府新闻办公室召开新闻发布会。\n全省边境线长4060公里。\n", ("云南省", "lead")),
    # a lead's province, in a report that names one city of it three times and more than the province
    ("新华社呼和浩特5月14日电 内蒙古4200公里长的边境线。\n锡林郭勒盟有着1103公里的边境线。锡林郭勒盟将一批党员"
     "培养成中心户。\n锡林郭勒盟党员中心户1842户。\n", ("锡林郭勒盟", "lead")),
    # negative: a city named twice stays inside the province's report
    ("新华社呼和浩特5月14日电 内蒙古4200公里长的边境线。\n锡林郭勒盟有着1103公里的边境线。锡林郭勒盟将一批党员"
     "培养成中心户。\n", ("内蒙古", "lead")),
    # a lead's township, then one of its villages the text refers back to (该嘎查): the village
    ("苏力德巴特尔:戈壁草原上的领头雁\n\n苏力德巴特尔是二连浩特市格日勒敖都苏木党代会代表,额日登高毕嘎查党支部书记。\n"
     "去年,该嘎查争取资金80万元。\n", ("额日登高毕嘎查", "lead")),
    # negative: the text refers back to the township too
    ("苏力德巴特尔:戈壁草原上的领头雁\n\n苏力德巴特尔是二连浩特市格日勒敖都苏木党代会代表,额日登高毕嘎查党支部书记。\n"
     "去年,该嘎查争取资金80万元,全镇争取资金300万元。\n", ("格日勒敖都苏木", "lead")),
    # a lead's township, then its one village opening the next sentence, spoken of as its own (村里 twice)
    ("青海新闻网讯 小暑过后,玉树藏族自治州曲麻莱县巴干乡气温渐暖。在代曲村专业养殖合作社,牦牛在草场吃草。\n"
     "两年多前村里实行全民入股,村里的牦牛养殖产业发展得很不错。\n", ("代曲村", "lead")),
    # negatives: not spoken of as its own, or not opening the sentence
    ("青海新闻网讯 小暑过后,玉树藏族自治州曲麻莱县巴干乡气温渐暖。在代曲村专业养殖合作社,牦牛在草场吃草。\n"
     "两年多前实行全民入股,牦牛养殖产业发展得很不错。\n", ("巴干乡", "lead")),
    ("青海新闻网讯 小暑过后,玉树藏族自治州曲麻莱县巴干乡气温渐暖。牦牛在代曲村专业养殖合作社的草场吃草。\n"
     "两年多前村里实行全民入股,村里的牦牛养殖产业发展得很不错。\n", ("巴干乡", "lead")),
    # a lead's chain ending in a compound named once, inside a community the text names again: the community
    ("近日,在广西南宁市江南区江南路东社区东亚花苑小区,居民的诉求一一得到了解决。这得益于江南路东社区党委开展联建共建。\n",
     ("江南路东社区", "lead")),
    # negative: a compound the text names again is the report's
    ("近日,在广西南宁市江南区江南路东社区东亚花苑小区,居民的诉求一一得到了解决。这得益于江南路东社区党委开展联建共建。"
     "东亚花苑小区有居民800户。\n", ("东亚花苑小区", "lead")),
    # a newspaper page's label (第20版:…雄安新区) is no title: the title under it is
    ("第20版:全域党建·雄安新区\n\n中国城市报 2025年03月24日 星期一\n\n安新县:“邻里汇”聚心安 邻里情一家亲\n\n"
     "  河北雄安新区安新县强化党建引领城市基层治理,打造“邻里汇”城市基层党建品牌,着力提升社区治理效能。\n",
     ("安新县", "title")),
    # negative: a section label that is not a page's keeps its place
    ("全域党建·雄安新区\n\n  河北雄安新区强化党建引领城市基层治理,打造“邻里汇”城市基层党建品牌,着力提升社区治理效能。\n",
     ("雄安新区", "title")),
    # no place of its own but one province named in passing, in a report speaking as a province: that province
    ("(2024年4月30日)\n2023年,全省上下认真贯彻习近平总书记视察贵州重要讲话精神,全省经济回升向好。\n"
     "全年地区生产总值20913.25亿元。\n", ("贵州", "report")),
    # negative: a report that does not speak as a province keeps none
    ("(2024年4月30日)\n2023年,大家认真贯彻习近平总书记视察贵州重要讲话精神,经济回升向好。\n"
     "全年地区生产总值20913.25亿元。\n", None),
    # a title labelling its county, a lead opening with a clause of time (…以来,) then the village
    ("千阳县:支部引领集体经济发展跑出“加速度”\n\n脱贫攻坚工作开展以来,千阳县张家塬镇宝丰村党支部立足村情民意。\n",
     ("宝丰村", "lead")),
    # a title's district, a lead down to a village, then only the village (村里, 我们村): the village
    ("沙坪坝区激发流动党员 热情助推乡村振兴\n\n11月2日下午,沙坪坝区丰文街道三河村开会讨论。\n"
     "村里的企业形成联盟。“我们村的流动党员多。”村里提供岗位20余个。\n", ("三河村", "lead")),
    # negatives: the district named again; another village named
    ("沙坪坝区激发流动党员 热情助推乡村振兴\n\n11月2日下午,沙坪坝区丰文街道三河村开会讨论。\n"
     "村里的企业形成联盟。“我们村的流动党员多。”沙坪坝区提供岗位20余个。\n", ("沙坪坝区", "title")),
    ("沙坪坝区激发流动党员 热情助推乡村振兴\n\n11月2日下午,沙坪坝区丰文街道三河村开会讨论。\n"
     "村里的企业形成联盟。“我们村的流动党员多。”杨家庙村提供岗位20余个。\n", ("沙坪坝区", "title")),
    # a lead's village named once in a township the report names often, but the report speaks as the village
    ("靖江市生祠镇金星村位于生祠镇东南部。全村共有32个村民小组。全村现有党员89人。\n"
     "近年来,我村抢抓市委发展生祠镇现代农业片区的机遇,与生祠镇合作流转土地2000亩。\n", ("金星村", "lead")),
    # negative: without its voice, the township the report keeps naming
    ("靖江市生祠镇金星村位于生祠镇东南部。\n近年来,生祠镇抢抓机遇,生祠镇流转土地2000亩。\n", ("生祠镇", "lead")),
    # a place inside a clause of the role (作为广州发展新能源公司…打造的…) is not the report's
    ("驻镇帮镇扶村工作队推动乡村全面发展。\n作为广州发展新能源公司和新铺镇联合打造的光伏项目,年均发电约150万千瓦时。\n", None),
    # an outlet's dateline (国际在线江苏报道) names no subject; the lead's chain does
    ("国际在线江苏报道(韩小强 通讯员 唐孝恩):苏州太仓娄东街道党工委统筹推进社区建设,全面实现19个村社区书记一肩挑。\n",
     ("娄东街道", "lead")),
    # a place right between 从 and a told verb told the reporter; the one told of follows
    ("近日,记者从怀集县获悉,下帅壮族瑶族乡深入推进党建三年行动,全乡5个行政村收入达10万元。\n",
     ("下帅壮族瑶族乡", "lead")),
    # ... but with no other place named, the teller's place is the report's
    ("近日,记者从怀集县获悉,全县5个镇村集体经济收入均达10万元。\n", ("怀集县", "lead")),
    ("近日,记者从怀集县委组织部获悉,全县5个镇村集体经济收入均达10万元。\n", ("怀集县", "lead")),
    # negative: a place not before a told verb is the subject (从怀集县出发 is no telling)
    ("近日,调研组从怀集县出发,走访下帅壮族瑶族乡5个行政村。\n", ("怀集县", "lead")),
    ("山区共富\n地处浙南山区温州市泰顺县域中心的罗阳镇,打造共富工坊16家。\n", ("罗阳镇", "lead")),
    # negatives: no place named at all; a newspaper's name alone in a report that names a county
    ("2023年工作总结\n\n全年新建党群服务中心12个。\n", None),
    ("人民日报讯 无极县建成大棚300个。\n", ("无极县", "lead")),
    # a newspaper in a title (江苏法治报) is no place of the report; the lead's community is
    ("网格治理助推社区服务升级_江苏法治报_2024年12月19日\n\n常州市武进区湖塘镇永定社区辖区户数7236户。\n",
     ("永定社区", "lead")),
    # a title that labels its area in brackets (「桂林平乐」…) gives way to the lead's township inside it
    ("「桂林平乐」响当当的样板经验!\n\n近年来,平乐县桥亭乡坚持党建引领。\n全乡获得资金295万元。\n", ("桥亭乡", "lead")),
    # a zone that labels a title (安徽淮南高新区:…) gives way to the lead's township in its city
    ("安徽淮南高新区:深化党建+网格模式\n近年来,安徽省淮南市高新区三和镇深化网格治理。\n组建网格党支部23个。\n",
     ("三和镇", "lead")),
    # a village the title names by the suffix pattern alone (高原山村) gives way to the lead's registry village
    ("高原山村的分红仪式\n\n来源: 新华社\n\n近日,西藏山南市乃东区结巴村举行产业分红仪式。全村分红300万元。\n",
     ("结巴村", "lead")),
    # negative: a lead naming no village leaves the title's
    ("高原山村的分红仪式\n\n来源: 新华社\n\n近日,西藏山南市乃东区举行产业分红仪式。全区分红300万元。\n",
     ("高原山村", "title")),
    # so too a township by the pattern alone (高原彝乡) before the lead's registry township
    ("高原彝乡:学用“千万工程”打造美丽乡村\n云南省楚雄州武定县发窝乡深入学习运用“千万工程”经验。\n", ("发窝乡", "lead")),
    # negative: a lead naming only a village is not of the title's level
    ("高原彝乡:学用“千万工程”打造美丽乡村\n近日,西藏山南市乃东区结巴村举行产业分红仪式。\n", ("高原彝乡", "title")),
    # a byline under the title (新甘肃·甘肃日报记者 …) names no place; the lead's city is the report's
    ("党旗映红共富路\n\n24-01-08 09:48 来源:中国甘肃网\n\n新甘肃·甘肃日报记者 谢晓玲 通讯员 刘欢欢\n\n"
     "2023年以来,金昌市坚持把发展壮大村级集体经济作为加强基层党组织建设的重要抓手。\n", ("金昌市", "lead")),
    # negative: a place in a title line without a byline's word is the title's
    ("新甘肃·金昌共富路\n\n2023年以来,永昌县坚持把发展壮大村级集体经济作为加强基层党组织建设的重要抓手。\n",
     ("金昌市", "title")),
    # a title's county, then a township's stem the text writes in full: the township
    ("密云鼓楼解决4000多件百姓诉求\n本报讯 走进密云区鼓楼街道的综合治理调度指挥平台,工单总数4754件。\n", ("鼓楼街道", "title")),
    # negative: the stem of a township the text never writes in full is not read
    ("密云鼓楼解决4000多件百姓诉求\n本报讯 走进密云区的综合治理调度指挥平台,工单总数4754件。\n", ("密云区", "title")),
    # negative: the county named in a title without the label keeps it
    ("桂林平乐响当当的样板经验\n\n近年来,平乐县桥亭乡坚持党建引领。\n全乡获得资金295万元。\n", ("平乐县", "title")),
    # negative: the province named in a title without a newspaper's word is the title's place
    ("江苏网格治理助推社区服务升级\n\n社区辖区户数7236户。\n", ("江苏省", "title")),  # (网格 is no outlet's 网)
    # a village named twice, in a city named twice on its own and once as 全市: the city's report
    ("夏初的辽宁丹东市宽甸县南荒沟村,一派繁忙景象。南荒沟村党支部书记杜元东说。\n"
     "丹东市地处中朝边境,全市669个行政村中无经营收益村有471个。2018年,丹东市抽调6名市级领导。\n", ("丹东市", "lead")),
    # negative: under a county-level city, 全市 is that city's, no word for the prefecture
    ("夏初的烟台栖霞市蛇窝泊镇东院头村,一派繁忙景象。东院头村党支部书记说。\n"
     "烟台地处胶东,全市669个行政村。该合作社是烟台首个党支部领办合作社。\n", ("东院头村", "lead")),
    # an outlet's dateline naming where it was filed (安徽网淮南消息) names no subject
    ("安徽网淮南消息 近年来,寿县隐贤镇积极探索创新。\n全镇共设置44个网格。\n", ("隐贤镇", "lead")),
    # where a quoted visitor comes from (来自苏州的宋先生) is no subject of the report
    ("红色村庄赋能乡村振兴\n“参观完3个展厅,我感触颇深。”来自苏州的宋先生说道。\n宫河镇王录村是第一批红色组织振兴试点村。\n",
     ("王录村", "lead")),  # (宫河镇, unique in China, vouches for its county's villages: the chain ends at 王录村)
    # negative: a place a unit comes from without 的 is a chain as usual
    ("红色村庄赋能乡村振兴\n“参观完3个展厅,我感触颇深。”游客来自苏州。\n宫河镇王录村是第一批红色组织振兴试点村。\n",
     ("苏州", "lead")),
    # an outlet named after its region (天津|北方网讯) is a dateline: the lead's unit is the report's
    ("天津北方网讯:华明第二居委会以创建服务型社区为契机,为居民办实事。\n居委会辖8个园区。\n(天津市东丽区供稿)\n",
     ("华明第二居委会", "lead")),
    # negative: the region written before a 网 that is no dateline is the report's
    ("天津北方地区网格化管理综述\n\n全市网格员3000名。\n", ("天津市", "title")),
    # the 兵团 is a region of its own (its 统计公报, 党内统计), not 新疆
    ("新疆生产建设兵团\n2019年国民经济和社会发展统计公报\n\n2019年,兵团全年实现生产总值2747.07亿元。\n",
     ("新疆生产建设兵团", "title")),
    # negative: another province's former 生产建设兵团 is that province's history
    ("黑龙江生产建设兵团知青纪念馆\n\n北大荒建成纪念馆3个。\n", ("黑龙江省", "title")),
    # a lead naming only its province, in a report that speaks as a city: the city it names most
    ("各位代表:\n现在,我代表市人民政府,向大会报告政府工作。\n一、工作回顾\n我们贯彻广西工作论述,建设新玉林,"
     "全市各项事业全面进步。玉林人民圆了高铁梦。\n", ("玉林市", "lead")),
    # negatives: a report that speaks as the province keeps it; two cities named as often keep it
    ("各位代表:\n我们贯彻广西工作论述,建设新玉林,全区全省各项事业全面进步,市委、市政府圆了高铁梦。玉林人民。\n",
     ("广西", "lead")),
    ("各位代表:\n现在,我代表市人民政府,向大会报告。我们贯彻广西工作论述,玉林、柳州同城,"
     "全市各项事业全面进步。玉林、柳州人民。\n", ("广西", "lead")),
    # a lead's village named once, in a report naming another village of its township again and again
    ("一个熟悉的身影又出现在凤城市边门镇那家村的村路上。\n2018年3月,他被选派到凤城市边门镇谢家村担任第一书记。"
     "进到谢家村后,他发现谢家村情况复杂。他为谢家村争取项目资金200万元。\n", ("谢家村", "lead")),
    # negative: named as often, the lead's village stays
    ("一个熟悉的身影又出现在凤城市边门镇那家村的村路上。\n2018年3月,他被选派到凤城市边门镇谢家村担任第一书记。"
     "那家村的村民说,他为谢家村争取项目资金200万元。\n", ("那家村", "lead")),
    # a title's place a distance is measured from is no subject; the lead's village is
    ("在距离芜湖主城区近两个半小时车程的小山村,村集体经济经营性收入超100万\n\n关河这样答\n\n"
     "2017年村集体经济收入10.14万元,位于无为市蜀山镇西北边陲的关河村“活”起来了。\n", ("关河村", "lead")),
    # a place a leader toured, quoted in the lead, is no subject of the report
    ("习近平总书记2024年6月在宁夏考察时指出,各族人民要像石榴籽一样紧紧抱在一起。银川市深学细悟笃行,推动党建引领。\n",
     ("银川市", "lead")),
    ("2018年,全市上下深入贯彻习近平总书记视察宁夏重要讲话精神,扎实推动中卫市经济发展,全市生产总值增长6%。\n",
     ("中卫市", "lead")),
    # negative: a place that is the sentence's own subject stays
    ("宁夏回族自治区2024年深入推进石榴籽家园建设,银川市深学细悟笃行,推动党建引领。\n", ("宁夏回族自治区", "lead")),
    # a lead setting scenes in units of different cities is about the widest division its line names
    ("清晨的珠海茂盛社区口岸服务站,义工正为通勤者提供指引;午后的广州三眼井社区,居民在议事会上规划微改造。"
     "从珠三角到粤东西北,广东2.65万个行政村(社区)将文明创建融入基层治理。\n", ("广东省", "lead")),
    # negative: units of one county keep the first
    ("清晨的广州三眼井社区,义工正为居民提供指引;午后的广州越秀区北京街道,居民在议事会上规划微改造。"
     "从珠三角到粤东西北,广东2.65万个行政村(社区)将文明创建融入基层治理。\n", ("三眼井社区", "lead")),
    # a lead listing villages under their county is about the county
    ("去年,嘉鱼县陆水村、港东村、东岭村等8个村,被县委定为软弱涣散基层党组织,并制定出台工作法。\n", ("嘉鱼县", "lead")),
    # negative: a lead village alone keeps it
    ("去年,嘉鱼县陆水村被县委定为软弱涣散基层党组织,并制定出台工作法,强力整顿。\n", ("陆水村", "lead")),
    # a lead listing villages' results, under a local outlet's city, in a report that speaks as that city
    ("福鼎新闻网讯(曾云端)油坑村通过土地流转,每年实现村财收入10万元;牛埕下村入股,实现村财收入25万元。2017年,我市"
     "多数行政村交上成绩单。截至2017年底,全市收益1万元以上的村达225个。\n", ("福鼎市", "report")),
    # negatives: a report that never speaks as the city keeps its village; so does one the village opens alone
    ("福鼎新闻网讯(曾云端)油坑村通过土地流转,每年实现村财收入10万元;牛埕下村入股,实现村财收入25万元。\n",
     ("油坑村", "lead")),
    ("福鼎新闻网讯(曾云端)油坑村通过土地流转,每年实现村财收入10万元。我市、全市。油坑村。油坑村。\n", ("油坑村", "lead")),
    # a township name several counties share, vouched by the community of one of them that follows it
    ("长春路街道洛铜社区党委以创建“五星”支部为抓手,衍生了六个项目。洛铜社区成立了宣讲团,开展专题宣讲5场。\n",
     ("洛铜社区", "lead")),
    # negative: with no community of its own after it, the shared township name stays unplaced
    ("长春路街道党工委以创建“五星”支部为抓手,衍生了六个项目。街道成立了宣讲团,开展专题宣讲5场。\n",
     ("长春路街道", "lead")),
    # a village the registry does not list, after its township in a chain, named again by its stem
    ("近年来,山东省临沂市临沭县店头镇前细柳村坚持党建引领。前细柳村划分为15个网格。7月,临沭县推进会在前细柳召开;"
     "10月,临沂市现场会在前细柳召开;支部书记作为全市唯一代表、全市热线报告会上发言。\n", ("前细柳村", "lead")),
    # negative: written once, it is no name the report keeps
    ("近年来,山东省临沂市临沭县店头镇前细柳村坚持党建引领,划分为15个网格。\n", ("店头镇", "lead")),
    # a township the lead says its subject borders is no subject (the subject's own name mistyped first)
    ("基本情况。济淡河乡位于龙江县西北部,距县城60公里,南与山泉镇接壤,行政区域总面积320平方千米。"
     "济沁河乡下辖7个行政村。济沁河乡党委。\n", ("济沁河乡", "lead")),
    # negative: the place that borders another is the subject
    ("基本情况。山泉镇位于龙江县西北部,距县城60公里,南与济沁河乡接壤,行政区域总面积320平方千米。\n",
     ("山泉镇", "lead")),
    # a title naming its county and a village, a lead running down to that village, named again and again
    ("湖南宁远:小山沟的许家村换了新模样\n\n  人民网   2023-07-24 09:27:46\n\n“现在我们村的发展越来越好!”在湖南省宁远县"
     "保安镇许家村,村民自豪地说。过去许家村是边远山村。近年来,永州市发改委工作队坚持党建引领。\n\n如今许家村有党员45名。\n",
     ("许家村", "lead")),
    # negative: a title that does not name the village needs it named five times
    ("湖南宁远:小山沟换了新模样\n\n  人民网   2023-07-24 09:27:46\n\n“现在我们村的发展越来越好!”在湖南省宁远县"
     "保安镇许家村,村民自豪地说。过去许家村是边远山村。近年来,永州市发改委工作队坚持党建引领。\n\n如今许家村有党员45名。许家村。\n",
     ("宁远县", "title")),
    # a figure's own source in brackets (来源:夹信子镇2023年度报告) makes no source line
    ("合作村是三江平原农业特色村,位于黑龙江省双鸭山市宝清县夹信子镇东南部。\n基本信息\n- 户籍人口:320户、1150人(2023年,"
     "来源:夹信子镇2023年度报告)\n合作村下辖5个村民小组。\n", ("合作村", "lead")),
    # negative: a source line after its date still is one
    ("2024年政府工作报告\n发布时间:2024-03-12 来源:宝清县\n\n全县新建党群服务中心12个。\n", ("宝清县", "report")),
    # a city named in a list of honours (荣获…、长沙市优秀基层党组织、长沙市文明创建示范社区) does not take the report
    ("近日,名单发布,长沙市开福区通泰街街道西园社区获评“最佳志愿服务社区”。\n开福区通泰街街道西园社区位于湖南省会长沙的"
     "城市中心,常住人口3484人。社区先后荣获湖南省和谐社区、湖南省最美志愿服务社区、湖南省文明社区、长沙市优秀基层党组织、"
     "长沙市“五型”示范社区、长沙市文明创建示范社区等荣誉。\n", ("西园社区", "lead")),
    # negative: named on its own three times, the city is what the report keeps naming
    ("近日,名单发布,长沙市开福区通泰街街道西园社区获评“最佳志愿服务社区”。\n开福区通泰街街道西园社区位于湖南省会长沙的"
     "城市中心,常住人口3484人。长沙市优秀基层党组织有300个,长沙市文明社区有200个。\n", ("长沙市", "lead")),
    # a title's city whose lead opens on one of its counties, and the county's words outnumber the city's
    ("山西:运城党建引领网格治理 提升社区服务质效\n\n抓党建以来,运城市临猗县突出解决问题,强化网格治理。\n\n"
     "临猗县按照原则划分网格,全县共划分156个居民网格。\n\n同时,该县建立了156个网格党支部。\n", ("临猗县", "lead")),
    # negative: the city's words outnumber the county's: a city report that opens on an example
    ("山西:运城党建引领网格治理 提升社区服务质效\n\n抓党建以来,运城市临猗县突出解决问题,强化网格治理。\n\n"
     "临猗县按照原则划分网格,全市共划分156个居民网格。\n\n同时,全市建立了156个网格党支部,市委组织部牵头。\n",
     ("运城市", "title")),
    # a work report's subtitle (——在金碧镇第十四届人民代表大会…) names its township, one several counties share
    ("政府工作报告\n\n——在金碧镇第十四届人民代表大会第七次会议上\n\n2024年,全镇实现固定资产投资30100万元。\n",
     ("金碧镇", "title")),
    # negative: a subtitle naming no place names none
    ("政府工作报告\n\n——在全镇干部大会上\n\n2024年,全镇实现固定资产投资30100万元。\n", None),
    # an encyclopedia entry's label (词条 | 周公堂村 |) names its place, as a title does at its start
    ("词条 | 周公堂村 |\n释义 | 一、 基本概况 周公堂村位于横沥镇东面,离圩镇5公里,全村总面积6.4平方公里。\n",
     ("周公堂村", "title")),
    # a title labelling its district (湘潭市雨湖区:…), a lead writing one of its townships under it after a
    # purpose clause: the township
    ("党建引领基层治理丨湘潭市雨湖区:精耕细作“两个覆盖”\n\n为筑牢基层党建根基,增强党组织的凝聚力,"
     "湘潭市雨湖区九华街道以深化“两个覆盖”为抓手,推动党的组织有效覆盖。累计摸排企业536家。\n", ("九华街道", "lead")),
    # negative: written under the label inside a scene (走进…沙依巴克区八一街道的一个老旧小区), not opening a clause
    ("沙依巴克区:党建引领“小网格”撑起基层治理“大民生”\n\n寒冬时节,走进乌鲁木齐市沙依巴克区八一街道的一个老旧小区,"
     "网格员刘艳正挨家挨户查看。全区共有专职网格员2216名。\n", ("沙依巴克区", "title")),
    # negative: a township written elsewhere in the lead, not under the label, leaves the district
    ("党建引领基层治理丨湘潭市雨湖区:精耕细作“两个覆盖”\n\n为筑牢基层党建根基,增强党组织的凝聚力,"
     "全区借鉴九华街道经验,推动党的组织有效覆盖。累计摸排企业536家。\n", ("雨湖区", "title")),
    # a study that takes a district as its case (本文以杨浦区…为例) is about it, not the city of its since-clause
    ("○舒晓燕\n区域化党建是一个开放的组织体系。自2004年上海率先开展区域化党建的探索与实践以来,这一体系已成为新平台。"
     "本文以杨浦区区域化党建的探索实践为例,对相关问题进行研究。\n区域化党建联盟有理事单位20家。\n", ("杨浦区", "lead")),
    # negative: an example in running text (以静安区为例,) is no study's case
    ("2001年,王长燕来到上海市静安区静安寺街道,担起一个新任务。时至今日,以静安区为例,200余幢楼宇已建立党组织796个。\n",
     ("静安寺街道", "lead")),
    # a labelled county title, a lead whose first sentence states its point: the township opening the next,
    # the one of that name in the title's county
    ("甘肃宕昌:“三区”融合绘就乡村振兴新画卷\n中国发展网·2026-01-12 09:45\n\n组织融建强根基,凝聚协同发展合力。"
     "城关镇摒弃“单打独斗”模式,在景区5村构建组织架构,选拔26名产业能手。\n", ("城关镇", "lead")),
    # city-level organs that go to (赴) a village: the village is the report's, not the organs' city
    ("为推进机关党建与乡村振兴融合,近日,盐城市级机关党建第二、五片区赴阜宁县陈良镇顺桥村开展联合交流活动。\n"
     "顺桥村投资190万元建成厂房。\n", ("顺桥村", "lead")),
    # negative: organs meeting at home keep their city
    ("为推进机关党建与乡村振兴融合,近日,盐城市级机关党建第二、五片区召开联合交流会议。\n会议邀请了顺桥村书记发言。\n",
     ("盐城市", "lead")),
])
def test_the_reports_place(text, expected):
    assert report(text) == expected
