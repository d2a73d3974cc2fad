"""Region of a claim: report, headings, departments, subjects of sentences, scope words."""
from __future__ import annotations

import pandas as pd
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
    ("其中柳沟社区42项。", "42", "柳沟社区"),
    ("其中,长江路街道结合高校集中的特点,建立校地联建党组织 11 个。", "11", "长江路街道"),
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


@pytest.mark.parametrize("text,expected", [
    # places listed, then 分别 and as many figures: each figure is its own place's
    ("江苏发布数据\n\n从增速看,盐城、泰州、扬州较上年分别增长4.6%、4.4%和4.3%,分列前三。\n",
     {"4.6": "盐城市", "4.4": "泰州", "4.3": "扬州"}),
    # negatives: fewer figures than places, and places not listed together
    ("江苏发布数据\n\n从增速看,盐城、泰州、扬州较上年分别增长4.6%和4.4%。\n", {"4.6": "江苏省", "4.4": "江苏省"}),
    ("江苏发布数据\n\n盐城以外,泰州较上年分别增长4.6%、4.4%。\n", {"4.6": "泰州", "4.4": "泰州"}),
])
def test_places_listed_then_respective_figures(text, expected):
    assert regions(text) == expected


def test_list_of_places_with_figures():
    text = "北京市朝阳区接诉即办月报\n\n工单量居前三位的街乡依次为:望京街道5213件、十八里店乡4087件。\n"
    assert regions(text) == {"5213": "望京街道", "4087": "十八里店乡"}


# -- real-text classes (issue 7); examples made up, place names real --------------------------
@pytest.mark.parametrize("text,number,region", [
    # a title naming its county by the stem only
    ("海曙党员队伍持续壮大\n\n全区新发展党员1200名。\n", "1200", "海曙区"),
    ("贵州天柱:党社联建工作法\n\n天柱坚持党建引领,建成合作社46个。\n", "46", "天柱县"),
    # a newspaper or a dateline is not the report's place
    ("吉林日报讯(孙健)扶余市以党建领航为抓手,全市建成示范村32个。\n", "32", "扶余市"),
    ("新华社拉萨12月10日电 西藏今年已选派驻村干部2万余人次。\n", "2万余", "西藏"),
    ("商洛日报 - 商洛之窗讯 (许耀堂)洛南县自开展选派第一书记工作以来,共落实帮扶项目852个。\n", "852", "洛南县"),
    # a paper named X报 in a source line; negative: X报告 is no paper
    ("极边第一村:边境稳 日子美\n\n2022-08-01 10:59西双版纳报马芸\n今日民族 2022年7期\n\n文·图/西双版纳报 马芸\n\n"
     "“有生之年能看到大桥建成。”勐海县打洛镇打洛村的村民感慨万千。全村有党员7名。\n", "7", "打洛村"),
    ("西双版纳报告\n\n全州有党员7万名。\n", "7万", "西双版纳"),
    # an outlet named X发布 (苏州发布), but a full name announcing something (苏州市发布该市GDP…) is the place
    ("苏州发布 昆山市新建党支部120个。\n", "120", "昆山市"),
    ("江苏经济综述\n上午,南通市官宣GDP突破一万亿元;下午,苏州市发布该市GDP在省内首破两万亿元大关。\n", "两万亿", "苏州市"),
    # the township of a title that opens with a year, and a source line naming the city
    ("2024年长寿路街道社区代表会议报告\n2024年02月02日 来源: 上海普陀\n\n街道新增就业岗位1200个。\n",
     "1200", "长寿路街道"),
    # development zones by pattern, hung under the place of their stem
    ("山亭经济开发区:三生融合赋能非公企业党建\n\n开发区建成非公企业党组织26个。\n", "26", "山亭经济开发区"),
    ("党建链服务产业链\n\n近日,西宁经济技术开发区东川工业园区党委建立联建机制,吸纳企业38家。\n", "38",
     "东川工业园区"),
    # a zone named by the bare word in a report that names one city is that city's zone
    ("2021年,科技产业局把握高新区产业优势,为打造珠海中央创智区作出贡献。\n截至12月底高新区规上工业企业共计242家。\n",
     "242", "高新区"),
    # ... but not a kind of zone, nor where the report names no city or several
    ("2021年,科技产业局为打造珠海中央创智区作出贡献。\n各高新区共有企业242家。\n", "242", "珠海市"),
    ("2021年,把握高新区产业优势。\n截至12月底高新区规上工业企业共计242家。\n", "242", None),
    ("2021年,珠海与中山合作,把握高新区产业优势。\n截至12月底高新区规上工业企业共计242家。\n", "242", "珠海市"),
    # a zone with a district of its city in brackets is that district, and so is its bare name later
    ("近年来,新疆维吾尔自治区乌鲁木齐高新区(新市区)坚持党建引领。\n高新区共下沉干部263名。\n", "263", "新市区"),
    # 全市 in a report about a county-level city is that city
    ("桂平市抓党建促乡村振兴\n\n全市共有村级党组织300个。\n", "300", "桂平市"),
])
def test_report_and_scope_regions_on_real_forms(text, number, region):
    got = regions(text)[number]
    assert pd.isna(got) if region is None else got == region


@pytest.mark.parametrize("sentence,number,region", [
    # a village the paragraph is about keeps its figures while the text stays on it
    ("在七汲镇王村,一座座设施大棚遍地开花,该村现有耕地4200亩。", "4200", "王村"),
    ("在七汲镇王村,一座座大棚拔地而起。村里现有蔬菜大棚1000余个。", "1000余", "王村"),
    # ... and gives them back when the text returns to the whole
    ("在七汲镇王村,一座座大棚拔地而起。全县共建成设施大棚1.2万个。", "1.2万", "无极县"),
    # a unit named as one example does not take the next sentence
    ("其中七汲镇王村获评省级示范村。县里还培育致富带头人300名。", "300", "无极县"),
    # numeral + suffix and word-shaped names are never places
    ("八成村党组织书记参加了培训,共培训120名。", "120", "无极县"),
    ("选派机关干部下沉街道社区开展服务,共下沉干部300名。", "300", "无极县"),
    ("打造典型村12个、重点村8个。", "12", "无极县"),
    # a registry township whose last character opens a pair word (苏木乡|镇: 苏木 and townships) is no place
    ("市领导联系苏木乡镇,116个部门包联重点村。", "116", "无极县"),
    # a slogan after the county is no village (驻无极县|富民强村帮促工作队: enrich people, strengthen villages)
    ("驻无极县富民强村帮促工作队推动15个帮促村实现提升。", "15", "无极县"),
])
def test_sub_units_and_false_places(sentence, number, region):
    text = f"河北省石家庄市无极县党建工作综述\n\n{sentence}\n"
    assert regions(text)[number] == region


def test_region_source_says_why():
    text = ("无极县党建工作综述\n\n在七汲镇王村,该村现有耕地4200亩。\n全市共有党员5万名。\n"
            "驱车来到七汲镇王村。村里建起大棚300个。\n")
    claims = extract_text(text).set_index("number")
    assert claims.loc["4200", "region_source"] == "sentence"
    assert claims.loc["300", "region_source"] == "paragraph"
    assert claims.loc["300", "region"] == "王村"
    assert text[claims.loc["4200", "region_start"]:claims.loc["4200", "region_end"]] == "王村"
    assert claims.loc["5万", "region_source"] == "scope"


def test_a_township_unit_carries_its_registry_code_and_parents():
    row = extract_text("无极县党建工作综述\n\n七汲镇建成党群服务站12个。\n").iloc[0]
    assert (row["region"], row["region_level"], row["city"], row["district"]) == ("七汲镇", "township", "石家庄市", "无极县")
    assert row["adcode"] == "130130101"


@pytest.mark.parametrize("text,number,region", [
    # a community the registry lacks, vouched for by the report itself (it opens a line)
    ("2023年社区党建工作总结报告\n象山社区位于绥芬河市区繁华地带,辖区面积1.5平方公里,楼房34栋。\n", "34", "象山社区"),
    # ... but a time word with a suffix is not one
    ("凭祥市:一季度村集体经济收入大幅增长\n\n目前村级集体经济收入达9.2万元。\n", "9.2万", "凭祥市"),
])
def test_places_the_report_vouches_for(text, number, region):
    assert regions(text)[number] == region


@pytest.mark.parametrize("text,number,region", [
    # a local outlet's place is the report's when nothing else names one (but never over a named place)
    ("福州新闻网7月1日讯(福州日报记者 林晗)截至2021年6月,全市党员33.81万名。\n党员队伍结构不断优化。全市女党员近11万名。\n", "11万", "福州"),
    ("福州新闻网7月1日讯 截至2021年6月,无极县党员3.2万名。\n", "3.2万", "无极县"),
    # a report naming no place but its county's stem, again and again
    ("政 府 工 作 报 告\n\n过去一年是桦川振兴发展进程中极不寻常的一年。全县新增企业12家,“新桦川”建设取得进展。\n",
     "12", "桦川县"),
    # ... but one mention of a stem is not enough
    ("政 府 工 作 报 告\n\n过去一年是桦川振兴发展进程中极不寻常的一年。全县新增企业12家。\n", "12", None),
    # the lead's chain ends in a community: the report is the community, not the township before it
    ("近年来,南通市崇川区天生港镇街道龙湖佳苑社区党总支探索新模式。社区建成网格12个。\n", "12", "龙湖佳苑社区"),
    # a village named once in the lead's chain, inside a township the report keeps naming
    ("华龙网-新重庆客户端9月1日讯 入秋以来,在重庆石柱县悦崃镇水桥村有机水稻基地,稻穗随风摇曳。悦崃镇发展脆红李。"
     "悦崃镇今年建成基地12个。\n", "12", "悦崃镇"),
])
def test_report_region_on_real_forms(text, number, region):
    got = regions(text)[number]
    assert (None if pd.isna(got) else got) == region


@pytest.mark.parametrize("text,number,region", [
    # a village the registry lacks, right after a township it lists: the township vouches for it
    ("贵州天柱:党社联建\n\n“产业为零。”远口镇青云村党支部书记回忆。\n2015年开始,青云村流转土地1100亩。\n", "1100", "青云村"),
    # ... also where its name ends in a word the tagger reads as a verb, after a place word (西街|关)
    ("2月12日一大早,南乐县城关镇西街关村村委会门口就排起长队。\n目前,西街关村集体经济收入达到35万元。\n", "35万", "西街关村"),
    # a unit opening a later sentence of a paragraph is an example; the next sentence is the city's again
    ("咸阳市:关键小事\n\n咸阳市举办亲子活动6800多场次。秦都区陕广社区依托医养服务中心提供服务。"
     "筑牢安全防线,安装智能充电桩3200多个。\n", "3200多", "咸阳市"),
    # ... unless the next sentence refers back to it
    ("重庆市石柱县工作综述\n\n近年来产业发展很快。中益乡华溪村地处武陵山区腹地。村党支部领办合作社,带动全村132户养蜂。\n",
     "132", "华溪村"),
    # a village in brackets is an aside, not the paragraph's unit
    ("长顺县扶贫情况\n\n全县有38个贫困村(2016年出列广顺镇花红村),贫困人口1.24万户。\n", "1.24万", "长顺县"),
])
def test_units_in_paragraphs_on_real_forms(text, number, region):
    assert regions(text)[number] == region


@pytest.mark.parametrize("text,number,region", [
    # a 街道 the registry spells otherwise (田镇街道), written right after its county's name
    ("2024年08月23日\n武穴田家镇街道——\n村企共建\n\n田家镇街道建成标准厂房12栋。\n", "12", "田家镇街道"),
    # a title naming two villages is about the township they are written under
    ("金石镇黄厝巷村、翁厝村党群服务中心揭牌\n\n近日,潮安区金石镇两村党群服务中心启用,共投入资金280万元。\n", "280万", "金石镇"),
    # an anaphor refers its own sentence: a church named after a village does not take the next figures
    ("董周乡\n【概况】董周乡位于鲁山县城西北部。保留了董村教堂,对7个场所再利用。村民满意。全乡新建道路12公里。\n",
     "12", "董周乡"),
])
def test_more_real_forms(text, number, region):
    assert regions(text)[number] == region


def test_a_gacha_opening_a_line_of_a_placeless_page_is_its_region():
    text = ("发布机构 | 乌盖苏木 | 文 号 | |\n发布日期 | 2022-10-26 |\n"
            "巴音塔拉嘎查是我旗实施退牧转移后新组建的嘎查。总人口264户611人。\n")
    assert regions(text)["264"] == "巴音塔拉嘎查"


@pytest.mark.parametrize("text,number,region", [
    # who told the reporter is not what the report is about
    ("10月15日,记者从栖霞市委宣传部获悉,烟台栖霞市蛇窝泊镇东院头村党支部领办的合作社分红12万元。\n",
     "12万", "东院头村"),
    # a list of places a village lies between is not the report's place
    ("镶嵌在江苏常熟、昆山、太仓三市交界地的常熟市支塘镇蒋巷村,现有村民200户。\n", "200", "蒋巷村"),
    # 地处…的罗阳镇: where the town lies, not the town
    ("山区共富\n地处浙南山区温州市泰顺县域中心的罗阳镇,打造共富工坊16家。\n", "16", "罗阳镇"),
    # negative: the report's own 组织部 is its place (no 获悉)
    ("平乡县委组织部:强化党建引领\n\n全县建成党群服务中心12个。\n", "12", "平乡县"),
])
def test_lead_places_that_are_not_the_subject(text, number, region):
    assert regions(text)[number] == region


def test_a_county_named_in_full_then_by_its_stem_is_the_subject_of_the_stem():
    text = ("今天清晨,江华瑶族自治县大圩镇长山村蔬菜基地,村民忙着收割。村里蔬菜基地230亩。\n"
            "江华坚持党建引领,培育农民专业合作组织390家。\n")
    got = regions(text)
    assert got["230"] == "长山村"
    assert got["390"] == "江华瑶族自治县"


def test_a_registry_name_after_a_named_village_s_stem_is_part_of_it():
    text = ("江门典型村调研\n江门市有60个村入选全省典型村名单,其中有新会区会城街道奇榜村。\n"
            "按照园林小区模式整体规划,奇榜新村分三期建成农民别墅402幢。\n")
    assert regions(text)["402"] != "新村"  # (奇榜|新村: the new quarter of 奇榜村, not the registry's 新村)


def test_a_place_grading_an_honour_is_no_naming_of_it():
    text = ("枣庄市市中区文化路街道孔庄社区始终以民生为本,打造出独具特色的基层治理样板。社区曾获得过山东省省级文明社区、"
            "山东省省级充分就业社区、全省民主法制示范社区等荣誉。\n一是推动志愿服务。社区与5家驻区单位签订共建协议。\n")
    assert regions(text)["5"] == "孔庄社区"


def test_a_lead_village_gives_way_to_the_county_the_report_keeps_naming():
    text = ("今天清晨,江华瑶族自治县大圩镇长山村蔬菜基地,村民忙着收割。\n"
            "江华坚持党建引领。江华依托风力资源兴建电站。\n对16个薄弱村安排后盾单位联点。\n"
            "江华还培育合作组织390家。\n")
    assert regions(text)["16"] == "江华瑶族自治县"
    # negative: a chain down to the village is no mention of the county on its own
    text = ("记者从栖霞市委宣传部获悉,烟台栖霞市蛇窝泊镇东院头村合作社分红12万元。\n"
            "栖霞市蛇窝泊镇东院头村,共319户。\n")
    assert regions(text)["319"] == "东院头村"


@pytest.mark.parametrize("text, number, region", [
    # a title labelling its county, a lead going down to a village the report keeps naming
    ("封丘:党建引领绘振兴画卷\n10月3日,封丘县留光镇耿村文化广场热闹非凡。340户村民排队领取月饼。\n"
     "耿村集体经济蓬勃生长。如今的耿村已是示范村。耿村成立合作社。耿村流转土地800亩。\n"
     "“我们靠新乡贤出点子。”\n乡贤理事会共筹集资金146万元。\n", "146万", "耿村"),
    # ... but a village the lead names a few times is one example in the county's report
    ("封丘:党建引领绘振兴画卷\n10月3日,封丘县留光镇耿村文化广场热闹非凡。340户村民排队领取月饼。\n"
     "耿村集体经济蓬勃生长。\n“我们靠新乡贤出点子。”\n乡贤理事会共筹集资金146万元。\n", "146万", "封丘县"),
])
def test_a_title_county_gives_way_to_the_village_the_report_keeps_naming(text, number, region):
    assert regions(text)[number] == region


@pytest.mark.parametrize("text, number, region", [
    # a paragraph headed by a unit's name holds it for its sentences
    ("花都区赴增城区考察调研简报\n为学习借鉴增城区经验,切实为花都区优化基层治理提供新思路。\n"
     "(一)荔城街锦绣社区。锦绣社区成立于2013年6月,辖区面积约0.6平方公里。社区下设二级党委,现有正式党员150人。\n",
     "150", "锦绣社区"),
    # a paragraph whose short first sentence states its point (no place, no figure) opens on its second
    ("宁夏灵武市乡村振兴成绩令人瞩目。\n在灵武,村级集体经济产业从不起眼的地方起步。\n"
     "资源不同,思路一致。临河镇二道沟村靠水吃水,将水上经济做出了特色。今年新引进3000只鹅苗。\n", "3000", "二道沟村"),
    # ... but a long first sentence naming it in passing is no heading
    ("花都区赴增城区考察调研简报\n为学习借鉴增城区经验,切实为花都区优化基层治理提供新思路。\n"
     "调研组先后走访了荔城街锦绣社区等多个社区和村庄的党群服务中心。锦绣社区成立于2013年6月。全区现有正式党员150人。\n",
     "150", "花都区"),
])
def test_a_paragraph_headed_by_its_unit(text, number, region):
    assert regions(text)[number] == region


@pytest.mark.parametrize("text, number, region", [
    # a title's province, then the stem of a city the text names in full (白银 alone is silver)
    ("甘肃白银:乡村振兴离不开领头雁\n近年来,甘肃省白银市把建强农村党组织作为固本之举。\n"
     "村党组织书记平均年龄38.42岁。\n", "38.42", "白银市"),
    # ... not a word after the province that no city named in full starts with
    ("甘肃白银器展出\n近年来,甘肃省兰州市把建强农村党组织作为固本之举。\n村党组织书记平均年龄38.42岁。\n",
     "38.42", "甘肃省"),
    # a title's city, then the stem of its district (城关: too common a stem to find alone)
    ("兰州城关“小切口”激活“大能量”\n近年来,兰州市城关区把老旧小区改造作为民生实事。\n全区改造老旧小区120个。\n",
     "120", "城关区"),
    # ... not a stem of another city's district
    ("兰州城关“小切口”激活“大能量”\n近年来,拉萨市城关区把老旧小区改造作为民生实事。\n全市改造老旧小区120个。\n",
     "120", "兰州"),
])
def test_a_title_place_then_the_stem_of_its_division(text, number, region):
    assert regions(text)[number] == region


def test_a_lead_village_gives_way_to_the_city_the_report_keeps_naming():
    text = ("新华社呼和浩特5月14日电 记者走进中蒙边境上的两座蒙古包。\n"
            "乌尼孟和生活在内蒙古锡林郭勒盟二连浩特市格日勒敖都苏木呼格吉勒图雅嘎查,是一名党员。\n"
            "锡林郭勒盟有着1103公里的边境线。锡林郭勒盟将一批牧民党员的家设为党员中心户。\n"
            "目前,锡林郭勒草原上有党员中心户1842户。\n")
    assert regions(text)["1842"] == "锡林郭勒盟"
    # negative: a city named twice on its own is not enough
    text = ("记者从栖霞市委宣传部获悉,烟台栖霞市蛇窝泊镇东院头村合作社分红12万元。该合作社是烟台首个党支部领办合作社。\n"
            "栖霞市蛇窝泊镇东院头村,共319户。烟台苹果闻名。2013年,村党支部先后建设5处苹果示范园。\n")
    assert regions(text)["5"] == "东院头村"


@pytest.mark.parametrize("city_sentences, number, region", [
    # a lead village named three times yields to a city named twice as often on its own
    ("据烟台市委组织部介绍,像汉桥村这样的村在烟台市有1400多个。烟台市首个合作社成立于2012年。2017年,烟台市选取11个村试点。"
     "2018年,烟台开始在全市推行,烟台市委作出部署。", "1400多", "烟台市"),
    # negative: named as often as the village, the city does not take the report
    ("像汉桥村这样的村在烟台市有1400多个。烟台市首个合作社成立于2012年。", "1400多", "汉桥村"),
])
def test_a_lead_village_named_thrice_and_a_city_named_twice_as_often(city_sentences, number, region):
    text = ("站在一座丘陵上,山东烟台栖霞市松山街道汉桥村党支部书记望着苹果树:这800亩苹果园去年栽种。"
            "“汉桥村终于找到了一条强村富民之路。”\n" + city_sentences + "\n")
    assert regions(text)[number] == region


@pytest.mark.parametrize("text,number,region", [
    # a unit's branch, then 、 or 等: one of a list of bodies, not the subject of the count after it
    ("房县开展双十星评选\n近年来,房县把“双十星”争创作为加强党组织建设的重要载体。今年七一,化龙堰镇高桥村党支部、"
     "城关镇小西关社区党支部等8个基层党组织被授予十星级党组织荣誉称号。\n", "8", "房县"),
    # negative: a branch alone is its unit's
    ("房县开展双十星评选\n近年来,房县把“双十星”争创作为加强党组织建设的重要载体。今年七一,化龙堰镇高桥村党支部"
     "被授予十星级党组织荣誉称号,支部有党员8名。\n", "8", "高桥村"),
])
def test_a_branch_in_a_list_of_bodies(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # township-village pairs in a 、-list are examples: the paragraph stays on the report's place
    ("旬阳市抓党建促乡村振兴\n抓两头促中间。全面开展示范体系建设,培育出城关镇李家台村、棕溪镇王院村、赵湾镇华山村等一大批示范点。"
     "持续推进村级党组织标准化建设,新建和改造提升村级活动场所43个。\n", "43", "旬阳市"),
    # negative: a township heading a list of its own villages is the unit their joint figures are of
    ("西吉县发展村集体经济\n近年来,西吉县兴隆镇小椴村、陈天宇村先后投资200万元成立农业服务公司,带动村集体增收。"
     "公司年处理粪便3万吨。\n", "3万", "兴隆镇"),
])
def test_township_village_pairs_in_a_list(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # a village opening the text with where it lies (小后冲村隶属于, wrapped), whatever the tagger reads 冲 as,
    # and the wrapped line's chain is where it lies, not the paragraph's subject
    ("小后冲村隶属于\n云南省安宁市八街镇凤仪行政村,属于山区。位于八街镇,国土面积0.36平方公里。\n", "0.36", "小后冲村"),
    # negative: a line opening with the chain, after a full stop, is about that place
    ("小后冲村简介\n云南省安宁市八街镇,属于山区。国土面积0.36平方公里。\n", "0.36", "八街镇"),
])
def test_a_village_opening_the_text_with_where_it_lies(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # a city's or county's stem, then a preposition opening what it does, is the subject
    ("宁夏发展壮大村级集体经济\n近年来,宁夏固原市新洼村发展乡村旅游,年收入20万元。\n去年,固原在108个村投入1.08亿元。\n",
     "1.08亿", "固原市"),
    ("贵州遵义网格治理\n在此基础上,道真将精细化治理的触角延伸至网格治理单元,把91个城市网格精准划分为四类。\n", "91", "道真"),
    # negatives: a stem setting a scene (沅江在此: the river) and a person named with a city's stem (常德盛)
    ("湖南泸溪浦市镇\n沅江在此蜿蜒而过,勾勒出水美乡村轮廓。\n该镇建成育苗基地3个。\n", "3", "浦市镇"),
    ("湖南常德蒋巷村\n蒋巷村党委书记说,2022年全村总产值达10亿元。\n常德盛思路清晰,谈起蒋巷村,全村人均收入6.25万元。\n",
     "6.25万", "蒋巷村"),
    # a city's stem followed by its measure is the place measured (after another city's sentence)
    ("江苏发布2022年设区市地区生产总值\n\n1月30日,省统计局发布了数据。其中,苏州以23958亿元的经济总量位列全省第一。"
     "南京地区生产总值为16908亿元,位列全省第二。\n", "16908亿", "南京市"),
])
def test_a_stem_before_a_preposition(text, number, region):
    assert _region(text, number) == region


def test_a_stem_before_a_noun_is_no_subject():
    # 青岛|自贸片区: a bare short form modifying a noun does not open the sentence as its subject
    text = "青岛西海岸新区工作综述\n\n青岛自贸片区形成226个创新成果。\n"
    assert regions(text)["226"] == "西海岸新区"


@pytest.mark.parametrize("text,number,region", [
    # 社居委 (社区居民委员会) names a community as 社区 does
    ("一、社区基本情况\n晶海社居委于2006年4月正式成立。现辖区面积1平方公里,住户4200户。\n", "4200", "晶海社居委"),
    # negative: the bare word is no name
    ("一、基本情况\n社居委工作人员11名。\n", "11", None),
])
def test_a_she_ju_wei_is_a_community(text, number, region):
    got = regions(text)[number]
    assert (None if pd.isna(got) else got) == region


@pytest.mark.parametrize("text,number,region", [
    # 全镇 after a community's sentence returns to the township, and is no anaphor of the community
    ("沙坪镇2023年工作总结\n一是抓整顿。凤岭社区党群服务中心迁入沙坪镇老派出所。在全镇11个村建立了村湾党支部。"
     "镇纪委立案11起。\n", "11个", "沙坪镇"),
    ("沙坪镇2023年工作总结\n一是抓整顿。凤岭社区党群服务中心迁入沙坪镇老派出所。在全镇11个村建立了村湾党支部。"
     "镇纪委立案11起。\n", "11起", "沙坪镇"),
    # negative: 全村 does refer back to a village
    ("沙坪镇2023年工作总结\n一是抓整顿。凤岭村党群服务中心迁入新址。全村新发展党员3名。\n", "3名", "凤岭村"),
    # a unit followed by 等 is one of the list the figure counts
    ("彭泽县集体经济\n2024年共安排资金350万元扶持马当镇四联村等7个村发展项目。\n", "7个", "彭泽县"),
])
def test_whole_words_anaphors_by_level_and_lists(text, number, region):
    claims = extract_text(text)  # keyed by number and unit: 11个 and 11起 are two figures
    assert dict(zip(claims["number"] + claims["unit"], claims["region"]))[number] == region


def test_a_dateline_names_no_subject():
    # 本网河北唐山讯: the outlet's dateline is skipped, and its city does not count as named on its own
    text = ("本网河北唐山讯(记者)坐落在燕山脚下的河北省迁西县新集镇新集村突出党建引领。获评唐山市A档基层党组织、"
            "唐山市文化服务中心示范点。\n该村现有667户2690口人。\n")
    assert regions(text)["667"] == "新集村"


# The report's own place on real forms: datelines, organisers, labelled titles, narrowed titles.
REPORT_PLACE_FORMS = [
    # a registry village whose name holds a city's stem (吉安城村, not 吉安市)
    ("澄城县冯原镇吉安城村见闻\n\n吉安城村位于冯原镇政府南2公里处,辖9个自然村。\n", "9", "吉安城村"),
    # ... and one whose name starts with the stem of its own county (晋州镇 of 晋州市)
    ("晋州市秘家庄村积极探索\n晋州市晋州镇秘家庄村共有849口人,土地仅有280亩。\n", "280", "秘家庄村"),
    # the organiser of a visit is not the place visited
    ("(记者)12月13日,由渭南市委宣传部组织的采访团走进澄城县冯原镇吉安城村。\n村集体经济收入达50万元。\n",
     "50万", "吉安城村"),
    # negative: with no other place named, the organiser's place it is
    ("(记者)12月13日,由渭南市委组织部组织的培训班开班。\n共培训村干部300名。\n", "300", "渭南市"),
    # a title labelling its area (广东潮安:) and a village of it opening the lead as subject: the village's report
    ("广东潮安:党建引领 山乡蝶变\n广东省潮州市潮安区委组织部 刘钿\n"
     "近年来,广东省潮州市潮安区归湖镇凤东村在党建引领下发展壮大村集体经济。\n开设茶座100余个。\n", "100余", "凤东村"),
    ("云南宾川:以产业促振兴\n2023-09-08 来源:云南网\n"
     "近年来,云南省大理白族自治州宾川县力角镇紧扣乡村振兴战略,走出了一条新路子。\n全镇8个村集体经济收入均超过7.5万元。\n",
     "8", "力角镇"),
    # ... also when the title block labels it on a line of its own after a headline that does not
    ("党建引领 | 屯留区跑出村级集体经济发展加速度\n发布时间: 2022-07-21 来源:屯留融媒\n屯留区:党建引领跑出加速度\n"
     "张店镇地处屯留区最西端,是一个典型的山区农业乡镇。\n张店镇党委联合10个村发展产业。\n", "10", "张店镇"),
    # negatives: a title that names its place as the subject (no colon) keeps it
    ("北京市石景山区扎实推进网格建设\n近日,北京市石景山区八角街道八角南路社区在推行停车管理过程中听取意见。\n"
     "全区划分网格1200个。\n", "1200", "石景山区"),
    # ... and so does one whose lead opens on a unit elsewhere
    ("广东潮安:党建引领\n近年来,广东省梅州市梅县区雁洋镇在党建引领下发展。\n开设茶座100余个。\n", "100余", "潮安区"),
    # a byline (office, then a person's name) is no heading
    ("凤东村的蝶变\n广东省潮州市潮安区委组织部 刘钿\n近年来,潮安区归湖镇凤东村在党建引领下发展。\n凤东村开设茶座100余个。\n",
     "100余", "凤东村"),
    # a title naming a city first (a column's name), then a county of it: the county
    ("[治国理政新实践重庆篇]破解“空壳村”——重庆荣昌区扶持村集体经济发展试点的调查\n\n"
     "今年以来,荣昌共在15个村开展试点。\n", "15", "荣昌区"),
    ("祁东|河洲镇党建引领集体经济发展\n\n该镇新调整村党组织书记11人。\n", "11", "河洲镇"),
    # negative: a county elsewhere, later in the title, does not narrow it
    ("重庆:学习浙江安吉县经验\n\n全市共在15个村开展试点。\n", "15", "重庆市"),
    # an autonomous region written only by its short name keeps that name (宁夏, not 宁夏回族自治区)
    ("宁夏“空壳村”破零\n\n宁夏消除空壳村1202个。\n", "1202", "宁夏"),
    # negatives: written in full, the full name; a province written short gets its division's name
    ("宁夏回族自治区消除空壳村\n\n全区消除空壳村1202个。\n", "1202", "宁夏回族自治区"),
    ("湖南党员队伍\n\n湖南共有党员427.4万名。\n", "427.4万", "湖南省"),
]
# A figure's clause, sentence and paragraph on real forms: openers, run-together lists, offices.
CLAUSE_AND_PARAGRAPH_FORMS = [
    # a county's name opening a cooperative's, in a village's report, is no subject (the village's own is)
    ("增收分红过大年\n2月7日,江口县官和乡官和村村委会人头攒动,正在举行分红仪式。\n"
     "江口县黔农农机专业合作社成立于2022年,注册资金200万元。\n", "200万", "官和村"),
    ("村集体经济\n坚持党建引领。后腰村股份经济合作社与九股河农业发展有限公司合作,流转土地44亩。\n", "44", "后腰村"),
    # openers stack before the subject: 据了解，近年来，平睦镇…; 该镇 then refers back to it
    ("广西浦北县:村集体经济增收\n\n近日,浦北县平睦镇良村村第一书记笑了。\n"
     "据了解,近年来,平睦镇发展产业。截至目前,该镇已引进龙头企业3家。\n", "3", "平睦镇"),
    # villages listed without punctuation: a place right after a figure's unit opens a clause
    ("襄州区黄龙镇柏桥村辖9个村民小组,耕地面积6198亩丁湾村辖8个村民小组,365户1685人。\n", "8", "丁湾村"),
    ("襄州区黄龙镇柏桥村辖9个村民小组,耕地面积6198亩丁湾村辖8个村民小组,365户1685人。\n", "1685", "丁湾村"),
    ("襄州区黄龙镇柏桥村辖9个村民小组,耕地面积6198亩丁湾村辖8个村民小组,365户1685人。\n", "6198", "柏桥村"),
    # a registry village named like a common word (中心村 of 永泰县) is the word on its own
    ("永泰在全市首创突破地域界限,设置七十二个中心村党委\n2024-08-19 08:04:01来源:福州日报  作者:叶欣童\n"
     "日前,永泰县城峰镇凤岭村村民陈依伯来到樟城镇城关村党群服务中心办理事项。\n"
     "永泰有21个乡镇、255个行政村。中心村党委成立后,以170名党员为核心。\n", "170", "永泰县"),
    # an office of the county opening a sentence in a township report: the county's figure
    ("孙吴县群山乡发展壮大村集体经济\n\n孙吴县大力扶持空壳村发展。县委组织部积极争取项目资金,为29个空壳村注入资金1350万元。\n",
     "1350万", "孙吴县"),
    # a county's office inside a village's sentence does not end the village's paragraph
    ("孙吴县群山乡发展壮大村集体经济\n\n6月21日讯 孙吴县群山乡富民村有111户、243人。该村以前没有积累。"
     "2020年,该村利用孙吴县委组织部注入的50万元项目资金购置农机。\n", "50万", "富民村"),
    # 全乡 refers back to the township named before, in a county's report (it is no return to the whole)
    ("重庆石柱驻村第一书记的扶贫叙事\n\n记者去到重庆市石柱县中益乡,走近驻乡工作队。\n工作队现有36名队员,分布在全乡7个行政村。\n",
     "7", "中益乡"),
    # negative: 全县 returns to the county
    ("重庆石柱驻村第一书记的扶贫叙事\n\n记者去到重庆市石柱县中益乡,走近驻乡工作队。\n工作队现有36名队员,分布在全县7个行政村。\n",
     "7", "石柱县"),
    # a villager's village referred back to (她所在的村子) is the one named with the villager
    ("西畴县莲花塘乡举行分红大会\n\n莲花塘乡400余名村民实现就业。芦差冲村村民陶永梅高兴地说着。"
     "她所在的村子获得集体分红6.6万余元。\n", "6.6万余", "芦差冲村"),
    # negative: without the reference, the township in force holds
    ("西畴县莲花塘乡举行分红大会\n\n莲花塘乡400余名村民实现就业。芦差冲村村民陶永梅高兴地说着。"
     "全乡获得集体分红6.6万余元。\n", "6.6万余", "莲花塘乡"),
    # negatives: a whole word standing alone returns to the whole; 县委 in a county report changes nothing
    ("孙吴县群山乡发展壮大村集体经济\n\n孙吴县群山乡富民村有111户。该村以前没有积累。全乡注入项目资金50万元。\n",
     "50万", "群山乡"),
    ("孙吴县扶持空壳村\n\n县委组织部为29个空壳村注入资金1350万元。\n", "1350万", "孙吴县"),
    # an office of a city opening a list of partner units is no subject of the sentence
    ("在职党员深入基层\n本报青岛讯 青岛市市北区辽宁路街道6个社区网格党支部举行联合党日活动。\n"
     "青岛市委政策研究室、贝林自然博物馆等7家共建单位分别与该街道签订了协议。\n", "7", "辽宁路街道"),
    # negative: an office alone opening the sentence is its city's
    ("在职党员深入基层\n本报青岛讯 青岛市市北区辽宁路街道6个社区网格党支部举行联合党日活动。\n"
     "青岛市委组织部共选派干部120名。\n", "120", "青岛市"),
]


@pytest.mark.parametrize("text,number,region", REPORT_PLACE_FORMS + CLAUSE_AND_PARAGRAPH_FORMS)
def test_real_forms_of_this_corpus(text, number, region):
    assert regions(text)[number] == region


@pytest.mark.parametrize("text,number,region", [
    ("鄂尔多斯市乡村治理工作情况\n全市党员5万名。市领导直接联系52个苏木乡镇,116个市直部门包联重点嘎查村。\n", "116",
     "鄂尔多斯市"),
    # negative: the township itself, in its county
    ("河南省开封市杞县苏木乡党建工作综述\n苏木乡有党员800名,苏木乡镇村两级干部120名。\n", "800", "苏木乡"),
])
def test_a_pair_word_is_no_township(text, number, region):
    assert regions(text)[number] == region


@pytest.mark.parametrize("text,number,region", [
    # a village named as its township is without 镇, in a text naming that township: the township's short name
    ("江西省赣州市兴国县良村镇工作总结\n良村镇位于县境东北山区,全镇辖15个村民委员会。\n良村属革命老区,在册革命烈士776名。\n",
     "776", "良村镇"),
    # negative: where the township is not named, the village is the village
    ("江西省赣州市兴国县工作总结\n全县辖25个乡镇。\n良村有党员60名,该村去年集体收入20万元。\n", "60", "良村"),
])
def test_a_township_s_short_name_is_not_its_namesake_village(text, number, region):
    assert regions(text)[number] == region


@pytest.mark.parametrize("text,number,region", [
    # a city the text names only as the prefecture it was (昌都地区, twice) keeps that name
    ("昌都解放60年\n昌都地区各族群众欢庆解放。如今,昌都地区地方财政收入比1958年增长103.9倍。\n", "103.9", "昌都地区"),
    # negative: 地区生产总值 after the stem is the measure, not the prefecture
    ("昌都解放60年\n昌都地区生产总值达57.9亿元。昌都地区生产总值比1958年增长40倍。\n", "57.9亿", "昌都市"),
])
def test_a_city_named_as_the_prefecture_it_was(text, number, region):
    assert regions(text)[number] == region


@pytest.mark.parametrize("text,number,region", [
    # a demonstrative phrase of a village (这个…的大石山村) refers back to the village, around its own figure
    ("广西河池在一线锤炼干部\n2018年4月,韦德王到河池市大化瑶族自治县板升乡八好村担任第一书记时,村里大部分屯没有通路。\n"
     "900多个日日夜夜,韦德王行走在八好村各个角落。\n在韦德王努力下,这个贫困发生率曾高达94.5%的大石山村完成14条屯级道路建设。\n",
     "94.5", "八好村"),
    # negative: a demonstrative phrase of something else leaves the figure to the report
    ("广西河池在一线锤炼干部\n2018年4月,韦德王到河池市大化瑶族自治县板升乡八好村担任第一书记时,村里大部分屯没有通路。\n"
     "900多个日日夜夜,韦德王行走在八好村各个角落。\n在韦德王努力下,这个贫困发生率曾高达94.5%的地区完成14条屯级道路建设。\n",
     "94.5", "河池市"),
])
def test_a_demonstrative_village_phrase_refers_back(text, number, region):
    assert regions(text)[number] == region


FUAN = "宁德调查 | 福安“传家宝”!\n溪柄镇立峰村\n过去这里被称为“猪圈村”,村里不到240户人。\n"


@pytest.mark.parametrize("text,number,region", [
    # a county's stem before an adverb and its verb, or a set phrase, after 多年来, is its sentence's subject
    (FUAN + "多年来,福安不断丰富联系点制度的内涵,推动356名各级党委书记共挂钩。\n", "356", "福安市"),
    (FUAN + "多年来,福安积极推动356名各级党委书记共挂钩。\n", "356", "福安市"),
    # negative: a stem before a noun is no subject (福安葡萄: a product)
    (FUAN + "多年来,福安葡萄远销各地,村里356名党员参与。\n", "356", "立峰村"),
])
def test_a_stem_before_an_adverb_and_verb(text, number, region):
    assert regions(text)[number] == region


@pytest.mark.parametrize("text,number,region", [
    # after a city, a common word before a zone's suffix names no zone (渭南市现有工业园区20个)
    ("渭南市推进园区建设\n据了解,渭南市现有工业园区20个,入园企业1134户。\n", "1134", "渭南市"),
    # negative: a name after the city is a zone of it
    ("渭南市推进园区建设\n据了解,渭南市高新技术产业开发区入园企业1134户。\n", "1134", "渭南市高新技术产业开发区"),
])
def test_a_common_word_names_no_zone(text, number, region):
    assert regions(text)[number] == region


HONGHE = "红河州开展国际志愿者日系列活动\n12月5日,红河州主题活动在蒙自南湖广场启动,现场设置了12个服务专区。\n"


@pytest.mark.parametrize("text,number,region", [
    # a paragraph whose first sentence opens on 在, a county and a comma happens in that county
    (HONGHE + "在河口县,一场跨境联合志愿服务活动成为亮点。青年志愿服务队的40余名队员在界河右岸携手行动。\n", "40余", "河口县"),
    # negative: 在 and a county inside a later sentence holds for that sentence only
    (HONGHE + "一场跨境联合志愿服务活动成为亮点。在河口县,活动持续一天。青年志愿服务队的40余名队员携手行动。\n", "40余", "红河州"),
])
def test_a_paragraph_set_in_a_county(text, number, region):
    assert regions(text)[number] == region


def _region(text, number):
    got = regions(text).get(number)
    return None if got is None or pd.isna(got) else got


@pytest.mark.parametrize("text,number,region", [
    # a township unique in China (葛沽镇) vouches for its county: the title's community is in the registry
    ("荣水园第二社区\n荣水园第二社区,东至葛万路。社区共有45栋楼。现工作地点位于葛沽镇社区综合服务中心。\n",
     "45", "荣水园第二社区"),
    # ... also where the text names other places (a visitor's city, a mountain)
    ("实干笃行绘就新画卷\n2021年,纪村党支部建办家庭农场,整合资金95万元。\n“参观完3个展厅,我感触颇深。”来自苏州的宋先生说道。\n"
     "宫河镇王录村是第一批试点村,村内有马鞍山。\n", "95万", "纪村"),
    # negative: with no township named, a five-character stem is no pattern name
    ("荣水园第二社区\n荣水园第二社区,东至葛万路。社区共有45栋楼。\n", "45", None),
    # 居委 (居民委员会) names a community as 社区 does; the bare word is no name
    ("家门口巡礼——高行居委\n高行居委成立于1958年,面积约0.92平方公里,现有户籍居民2024户。\n", "2024", "高行居委"),
    ("工作简报\n居委工作人员5名。\n", "5", None),
])
def test_a_township_vouches_for_its_county_and_ju_wei_is_a_community(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # a lead community named once, in a county named on its own and then by 该旗/全旗: the county's report
    ("这几天,阿拉善右旗阿拉腾敖包镇曙光社区的党员志愿者正在开展活动。\n近年来阿拉善右旗坚持党建引领网格化治理。\n"
     "该旗将全旗9个社区划分成54个网格。\n", "54", "阿拉善右旗"),
    # negative: without the words that mean the county, the community keeps the report
    ("这几天,阿拉善右旗阿拉腾敖包镇曙光社区的党员志愿者正在开展活动。\n近年来阿拉善右旗坚持党建引领网格化治理。\n"
     "社区划分成54个网格。\n", "54", "曙光社区"),
])
def test_county_words_count_as_naming_the_county(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # 丹江街 is 丹江街道 (written in full where the report writes it)
    ("胜利街道(Shengli Jiedao) 代码:222403002\n人口46419人。\n丹江街道 |\n丹江街位于敦化市市区东部,全街面积12.9平方公里。\n",
     "12.9", "丹江街道"),
    # and 南市街 as written, the ambiguous 和平区 settled by the township it holds (天津, not 沈阳)
    ("南市街完善基层群众性自治制度\n发布者:和平区人民政府办公室\n社区自媒体工作室已有592个家庭关注。\n", "592", "南市街"),
])
def test_a_jie_is_its_jie_dao(text, number, region):
    assert _region(text, number) == region


def test_an_ambiguous_county_is_settled_by_its_townships():
    text = "南市街完善基层群众性自治制度\n发布者:和平区人民政府办公室\n已有592个家庭关注。\n"
    row = extract_text(text).iloc[0]
    assert (row["province"], row["adcode"]) == ("天津市", "120101006")
    # negative: nothing under either 和平区 is named, so it stays unresolved
    row = extract_text("和平区工作综述\n全区建成驿站12个。\n").iloc[0]
    assert pd.isna(row["adcode"]) or row["adcode"] in (None, "")


@pytest.mark.parametrize("text,number,region", [
    # 一是…。 states the point: the unit of the sentence after it holds for the paragraph
    ("南市街工作\n发布者:和平区人民政府办公室\n一是完善志愿服务机制。成立新文化花园社区商居联合会,吸纳48家成员单位。"
     "先后举办40余场公益活动。\n", "40余", "新文化花园社区"),
    # negative: a paragraph whose first sentence is no point keeps a later unit to its own sentence
    ("南市街工作\n发布者:和平区人民政府办公室\n南市街坚持完善志愿服务机制,推动基层治理。成立新文化花园社区商居联合会,"
     "吸纳48家成员单位。先后举办40余场公益活动。\n", "40余", "南市街"),
    # the unit the first sentence opens with, not one named later in it, holds after it
    ("乌盖苏木简介\n巴音塔拉嘎查是我旗实施退牧转移后,移民搬迁至乌盖苏木移民村新组建的嘎查。总人口264户。\n",
     "264", "巴音塔拉嘎查"),
    # a unit right after 为 counts the figure's people; the sentence's subject keeps its own figure
    ("东乌旗工作\n道特淖尔镇巴彦乌拉嘎查党支部领办繁育基地,养殖规模为300头,该项目每年为道特淖尔镇56名贫困人口分红。\n",
     "56", "道特淖尔镇"),
    ("东乌旗工作\n道特淖尔镇巴彦乌拉嘎查党支部领办繁育基地,养殖规模为300头,该项目每年为道特淖尔镇56名贫困人口分红。\n",
     "300", "巴彦乌拉嘎查"),
])
def test_paragraph_units_points_first_subjects_and_recipients(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # a community the registry cannot place opens the lead after a time phrase
    ("2024年,福民社区坚持党建引领,通过抓党建、强治理、惠民生、促发展,建设仁爱福民。\n一、主要工作\n"
     "全年召开党委会议46次。\n", "46", "福民社区"),
    # negative: 惠民 (惠民生) is a word, not 惠民县's stem; 惠民县 in full is the county
    ("惠民县党建工作\n惠民县全年召开党委会议46次。\n", "46", "惠民县"),
    # a county vouches for a village written after it that its registry lacks (merged since)
    ("在山东省莱西市水集二村,游客络绎不绝。\n近年来,水集二村坚持党建引领,集体固定资产超4.5亿元。\n", "4.5亿", "水集二村"),
    # and for a township of a four-character stem the registry writes otherwise (唐古拉镇)
    ("在青海省海西蒙古族藏族自治州格尔木市唐古拉山镇长江源村,一排排建筑映入眼帘。\n2006年正式批准设村,总占地面积525亩。\n",
     "525", "长江源村"),
    # negative: 边境村 after a county is a kind of village
    ("沧源县党建\n沧源县边境村集体经济收入全部达到5万元以上,共有行政村93个。\n", "93", "沧源县"),
])
def test_lead_locals_vouched_by_their_county(text, number, region):
    assert _region(text, number) == region


def test_a_stem_straddling_two_registry_names_is_none():
    # 海头镇|海脐村: not 镇海 (镇海区 of 宁波) across the boundary of the township and its village
    row = extract_text("“今晚看直播的老铁有福了啊”近日,在赣榆县海头镇海脐村,90后渔民正在直播卖海鲜。像他这样从事电商产业的"
                       "村民,在海脐村有300人。\n海头镇地处赣榆区北部。\n").iloc[0]
    assert (row["region"], row["province"]) == ("海脐村", "江苏省")


SIBLING = ("近日,在赣榆县海头镇海脐村,90后渔民正在直播卖海鲜。\n在港城,提起{t},大家第一个想到的是大樱桃。{t}地处赣榆区北部,"
           "16个村的集体收入差距较大。今年以来,{t}坚持党建引领,走规模化发展道路。16名村党总支书记全部兼任村委会主任,"
           "其中是本村致富能手的12人。\n")


@pytest.mark.parametrize("text,number,region", [
    # a township that is not the lead village's own is another place: its paragraph is about it
    (SIBLING.format(t="厉庄镇"), "12", "厉庄镇"),
    # negative: the village's own township is the village's whole (the report gives way to it)
    (SIBLING.format(t="海头镇"), "12", "海头镇"),
])
def test_another_township_in_a_village_report(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # the units a village borders or lies in are no focus of its paragraph
    ("岫岩县项目\n(一)红旗营子村位于岫岩县城东25公里处,东与东大营子镇接壤,北与苏子沟镇相接,交通便利,总人口1514人。\n",
     "1514", "红旗营子村"),
    ("岫岩县项目\n(二)牧牛河村位于牧牛镇中心,西与南马峪村、益临店村相邻。全村总人口3000人。\n", "3000", "牧牛河村"),
    # negative: a unit named as the subject of its clause is the focus
    ("岫岩县项目\n(一)红旗营子村交通便利,苏子沟镇总人口15140人。\n", "15140", "苏子沟镇"),
])
def test_neighbours_and_locations_are_no_focus(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # the place held up as the example is what the figures after it are about
    ("王长燕和所在的静安区静安寺街道建立了全国第一个党员服务点。\n时至今日,以静安区为例,200余幢楼宇已建立党组织796个。\n",
     "796", "静安区"),
    # negative: 以…为主 is no example
    ("王长燕和所在的静安区静安寺街道建立了全国第一个党员服务点。\n以静安区为主,建成党员服务点12个。\n", "12", "静安寺街道"),
    # an irregular abbreviation of a prefecture is the prefecture
    ("新疆克州:第一书记驻村纪实\n克州93%的人口是少数民族,全州291个行政村。\n", "291", "克州"),
    # ... and a banner of Inner Mongolia by its usual short name
    ("2024年政府工作报告\n来源:科右前旗\n——在科右前旗第十八届人民代表大会第三次会议上\n全旗新建党群服务中心12个。\n",
     "12", "科右前旗"),
    # 新建|村级: a registry village name before 级 is the level word, not the village
    ("北京市通州区潞城镇有党员200名。\n新建村级文化活动室8个、文化广场6个。\n", "8", "潞城镇"),
    # 社区居委会: the community's committee, not a 居委 named 社区
    ("天津市和平区朝阳里社区\n社区居委会班子共7人,其中主任1人。\n", "7", "朝阳里社区"),
    # the title's form of a town the registry writes otherwise (朝鲜族镇) is the name the report uses
    ("三源浦朝鲜镇\n三源浦朝鲜镇位于柳河县东南部,全镇共有9717户。三源浦朝鲜族镇辖20个行政村。\n", "9717", "三源浦朝鲜镇"),
    # and a heading's full name over the short form written under it
    ("敦化市\n丹江街道 |\n丹江街位于敦化市市区东部,有居民1200户。\n", "1200", "丹江街道"),
])
def test_examples_abbreviations_level_words_and_written_forms(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # a place right before a date and 电/讯 is where the story was filed, whoever filed it
    ("本报重庆9月4日电(记者张国圣)在重庆忠县,县委书记兼任联合党委书记。\n全县有党员3000名。\n", "3000", "忠县"),
    # negative: the place named as the lead's own subject still is
    ("重庆忠县9月4日召开大会。\n全县有党员3000名。\n", "3000", "忠县"),
    # a village and its group before a resident is a person's address, not the paragraph's unit
    ("重庆忠县党建\n在重庆忠县,县委书记兼任联合党委书记。\n双柏村3组村民彭德权摔成重伤。书记带头捐献了2000元。\n", "2000", "忠县"),
    # negative: a village opening its paragraph as its subject holds it
    ("重庆忠县党建\n在重庆忠县,县委书记兼任联合党委书记。\n双柏村组建了互助组。村里筹集了2000元。\n", "2000", "双柏村"),
])
def test_datelines_and_addresses_name_no_subject(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # the registry's X社区 is written X居民区 in 上海 (and X居委, X居委会): a community under its street
    ("上海市静安区江宁路街道景苑居民区共有辖区党员156名。\n", "156", "景苑居民区"),
    ("上海市静安区江宁路街道景苑居委会共有辖区党员156名。\n", "156", "景苑居委会"),
    # negative: a 居民区 the registry does not list under the street is no place
    ("上海市静安区江宁路街道老旧居民区改造12个。\n", "12", "江宁路街道"),
    # the form the report writes first names the community (the title's 居委 over 居民区 below)
    ("家门口巡礼——高行居委\n高行居委成立于1958年。高行居民区党总支现有党员120名。\n", "120", "高行居委"),
])
def test_a_ju_min_qu_is_its_community(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # a city opening quoted honours (获“安庆市…”) is not the place the report keeps naming
    ("晶海社居委成立于2006年。\n书记曾获“安庆市十佳书记”、“安庆市优秀党员”称号,社区受到安庆市表彰。\n"
     "社区工作人员11名。\n", "11", "晶海社居委"),
    # negative: a city named three times on its own takes the report from a community named once
    ("晶海社居委成立于2006年。\n安庆市推进网格化治理,安庆市各社区划分网格,安庆市表彰了书记。\n"
     "社区工作人员11名。\n", "11", "安庆市"),
])
def test_a_quoted_honour_does_not_name_the_report_s_place(text, number, region):
    assert _region(text, number) == region


def test_a_community_under_a_zone_code_hangs_under_its_city():
    # 晶海社区's county code (340871, 安庆经开区) is no county of the gazetteer: its city holds it
    got = extract_text("晶海社居委现有住户4200户。\n社区位于安庆市。\n")
    row = got[got.number == "4200"].iloc[0]
    assert (row.region, row.city, row.province) == ("晶海社居委", "安庆市", "安徽省")


@pytest.mark.parametrize("text,number,region", [
    # a figure in the quote opening a paragraph is the speaker's unit, named after the quote with a post
    ("保靖县集体经济工作侧记\n“我们村合作社今年种植高粱收入106万元。”保靖县吕洞山镇排捧村党支部书记龙长金说。\n"
     "全县集体经济收入5000万元。\n", "106万", "排捧村"),
    ("保靖县集体经济工作侧记\n“我们村合作社今年种植高粱收入106万元。”保靖县吕洞山镇排捧村党支部书记龙长金说。\n"
     "全县集体经济收入5000万元。\n", "5000万", "保靖县"),
    # ... also after a dateline that opens the paragraph, and a date before the speaker
    ("保靖县集体经济工作侧记\n本报讯 (刘桐) “我们村合作社今年种植高粱收入106万元。”1月26日,保靖县吕洞山镇排捧村党支部书记龙长金说。\n"
     "全县集体经济收入5000万元。\n", "106万", "排捧村"),
    # negative: a unit after the quote with no speaker's post is no speaker
    ("保靖县集体经济工作侧记\n“我们村合作社今年种植高粱收入106万元,其中78万元作为收益分红。”这一消息很快传遍了"
     "保靖县吕洞山镇排捧村的家家户户。\n", "106万", "保靖县"),
])
def test_a_quote_s_figures_are_its_speaker_s_unit(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # a verb before 村民 is no village named by it (the registry lists a 组织村), nor a 发展壮大村 in a title
    ("拜泉县三道镇利华村遭遇洪水,利华村组织村民筑堤,淹了不到50亩。\n", "50", "利华村"),
    # negative: 村民委员会 after a village is its committee (组织村 is a village of 三道镇)
    ("拜泉县三道镇组织村民委员会组织筑堤,淹了不到50亩。\n", "50", "组织村"),
    ("党建赋能\n——保靖县发展壮大村集体经济工作侧记\n全县村集体经济收入5000万元。\n", "5000万", "保靖县"),
])
def test_verbs_before_a_village_suffix_are_no_village(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # 近日, 日前 open a lead before its subject: the lead village in a title's labelled county is the report's
    ("山西平遥:党建引领激活发展新动能\n\n近日,晋中市平遥县岳壁乡南西泉村以清化收为突破口,补短板、强基础。\n"
     "集体经济收入约40万元。\n", "40万", "南西泉村"),
    # negative: with no opener the same lead still gives the village; a lead naming only the county keeps it
    ("山西平遥:党建引领激活发展新动能\n\n近日,平遥县以清化收为突破口,补短板、强基础。\n集体经济收入约40万元。\n",
     "40万", "平遥县"),
])
def test_a_lead_opening_on_a_recent_day(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # the place a distance is measured from is no subject
    ("庙尔沟乡概况\n庙尔沟乡位于哈密市,距乌鲁木齐市70公里,全乡辖3个村。\n", "70", "庙尔沟乡"),
    ("三源浦朝鲜族镇概况\n三源浦朝鲜族镇距通化市53公里。\n", "53", "三源浦朝鲜族镇"),
    # ... though words stand between the distance word and the place
    ("科右中旗工作综述\n\n白音塔拉村位于舍伯吐镇东北,距离镇政府所在地舍伯吐镇12.5公里,全村耕地9600亩。\n",
     "12.5", "白音塔拉村"),
    # negative: a place opening the clause is its subject
    ("庙尔沟乡概况\n庙尔沟乡位于哈密市,乌鲁木齐市有70个社区。\n", "70", "乌鲁木齐市"),
])
def test_a_distance_s_reference_is_no_subject(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # a clause set inside a unit's building (在…村…工厂里，) is at that unit
    ("莎车县乌达力克镇发展产业\n在博依拉村村办工厂里,136名员工正在各条流水线上忙碌。\n", "136", "博依拉村"),
    # negative: a location that is no building of a unit (在…的带动下) leaves the figure to the report
    ("莎车县乌达力克镇发展产业\n在博依拉村的带动下,136名员工实现就业。\n", "136", "乌达力克镇"),
    # a clause set at a unit's site (在…的…基地，) is at that unit too
    ("莎车县乌达力克镇发展产业\n在博依拉村的核桃基地,136名员工正在采收。\n", "136", "博依拉村"),
    # negative: 在…的…中 counts a group among the unit's people, a frame, not a site
    ("莎车县乌达力克镇发展产业\n在博依拉村的600多位村民中,外出务工占比接近30%。\n", "30", "乌达力克镇"),
])
def test_a_clause_inside_a_unit_s_building(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # 乡 followed by 村 or 镇 starts a word (筑牢|乡村振兴), no township named by the pattern
    ("万州区党建引领乡村振兴\n筑牢乡村振兴战斗堡垒,引导67名在村投资创业人员。\n", "67", "万州区"),
    # negative: a township the pattern finds before another word stays a township
    ("万州区党建引领乡村振兴\n石门乡引导67名在村投资创业人员。\n", "67", "石门乡"),
])
def test_xiang_before_cun_starts_a_word(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # a count of units of the name's kind closes a list of members: the last name is one of them
    ("巴南区莲花街道挂牌成立\n莲花街道幅员面积25.45平方公里,下辖大中村、天明村、新华村4个行政村,户籍人口约7.34万人。\n"
     "下辖37个直属党组织,中共党员5260人。\n", "4", "莲花街道"),
    ("巴南区莲花街道挂牌成立\n莲花街道幅员面积25.45平方公里,下辖大中村、天明村、新华村4个行政村,户籍人口约7.34万人。\n"
     "下辖37个直属党组织,中共党员5260人。\n", "5260", "莲花街道"),
    # negative: a village's own parts (4个村民小组) and a township's villages (12个村) are the unit's
    ("巴南区莲花街道挂牌成立\n新华村4个村民小组,共有农户380户。\n", "4", "新华村"),
    ("兴庆区发展集体经济\n这次分红涉及月牙湖乡12个村7659户村民。\n", "7659", "月牙湖乡"),
])
def test_a_count_of_the_same_kind_closes_a_list_of_members(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # a place-name directory's page: the division code it states names the county its unit is under
    ("地名:桂花树社区 | 隶属:蒲纺工业园区 |\n行政代码:421281400001 | 邮政编码:437000 |\n"
     "社区组建了党委,下设20个党支部。\n", "20", "桂花树社区"),
    # negative: without the code nothing places the community
    ("地名:桂花树社区 | 隶属:蒲纺工业园区 |\n邮政编码:437000 |\n社区组建了党委,下设20个党支部。\n", "20", None),
])
def test_a_stated_division_code(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # a 兵团 division and regiment stand between the places of a chain
    ("近年来,新疆生产建设兵团第一师阿拉尔市五团朝阳社区坚持党建引领。\n截至目前,社区注册志愿者共计300余人。\n",
     "300余", "朝阳社区"),
    # negative: a regiment no place follows ends the chain at its city
    ("近年来,新疆生产建设兵团第一师阿拉尔市五团坚持党建引领。\n截至目前,注册志愿者共计300余人。\n", "300余", "阿拉尔市"),
])
def test_a_bingtuan_chain(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # a place, the day (or 官方) and a verb of telling is who told: the place it tells of is the subject
    ("西藏自治区昌都市左贡县26日介绍,在藏历新年来临前,该县田妥镇亚中村合作社举行分红大会。现场,全村共领取分红197.22万元。\n",
     "197.22万", "亚中村"),
    ("西藏自治区昌都市左贡县26日介绍,该县田妥镇亚中村合作社举行分红大会。\n图为分红现场。\n"
     "左贡县官方介绍,亚中村合作社经营砖厂,每户分红246.42元。\n", "246.42", "亚中村"),
    # negatives: a place that acts on the day is the subject; so is one that tells of itself
    ("左贡县26日召开大会,全县共领取分红197.22万元。\n", "197.22万", "左贡县"),
    ("西藏自治区昌都市左贡县26日介绍,全县共领取分红197.22万元。\n", "197.22万", "左贡县"),
])
def test_a_dated_teller(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # a lead about a villager, in a province the report keeps naming (西藏, and 自治区 on its own): the province's report
    ("“在工作队帮助下,我搬进了新房!”阿里地区普兰县霍尔乡帮仁村村民强久卓玛说。\n近年来,西藏自治区强化党建引领。\n"
     "西藏农牧区发展相对落后,自治区每年选派近2万名干部驻村。\n自治区党委组织部介绍,西藏已连续选派9批干部。\n", "2万", "西藏自治区"),
    # negative: a province named once leaves the report to the village
    ("“在工作队帮助下,我搬进了新房!”阿里地区普兰县霍尔乡帮仁村村民强久卓玛说。\n近年来,西藏自治区强化党建引领。\n"
     "村里每年组织近2万人次参加培训。\n", "2万", "帮仁村"),
])
def test_a_village_lead_in_a_province_the_report_keeps_naming(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # a clause of time since an event opens the lead before its subject
    ("自“百千万工程”实施以来,东坝镇深入贯彻落实市县工作部署。\n(二)党员带头,全镇荔枝产量约400万斤。\n", "400万", "东坝镇"),
    # negative: a since-clause that names nothing leaves a report with no place without one
    ("自“百千万工程”实施以来,我们深入贯彻落实市县工作部署。\n(二)党员带头,荔枝产量约400万斤。\n", "400万", None),
])
def test_a_since_clause_opens_the_lead(text, number, region):
    assert _region(text, number) == region


SCHOOL = "长沙县:星连心矩阵赋能基层治理\n6月26日,在长沙县开慧镇余家坳夜校,板仓社区{who}文芳以家风为题开讲。这个200余平方米的课堂里,3年来,37场红色宣讲开讲。\n"


@pytest.mark.parametrize("text,number,region", [
    # a named member's unit (板仓社区党员文芳) holds only that person's sentence, not the paragraph after it
    (SCHOOL.format(who="党员"), "200余", "开慧镇"),
    (SCHOOL.format(who="党员"), "37", "开慧镇"),
    # negative: an official speaks for the unit; and in the person's own sentence the unit holds
    (SCHOOL.format(who="党总支书记"), "200余", "板仓社区"),
    ("长沙县:星连心矩阵赋能基层治理\n在长沙县开慧镇余家坳夜校,板仓社区党员文芳开讲,面积200余平方米。\n", "200余", "板仓社区"),
])
def test_a_named_member_s_unit_holds_only_their_sentence(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # 新建 (to build anew) is a verb, not the stem of 南昌's 新建区
    ("新建200平方米便民连锁超市1个。\n", "200", None),
    ("村里今年新建200平方米便民连锁超市1个。\n", "200", None),
    # negative: the district written in full is the district
    ("党建工作综述\n南昌市新建区新建党群服务中心3个。\n", "3", "新建区"),
])
def test_xinjian_is_a_verb(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # a verb before the generic 村(社区) is no village named 建设村
    ("犍为县罗城镇推进基层治理\n全覆盖建设村(社区)标准的党群服务中心26个。\n", "26", "罗城镇"),
    # negative: a village of that name followed by its own sentence is the village
    ("犍为县罗城镇推进基层治理\n建设村现有党员26名。\n", "26", "建设村"),
])
def test_a_verb_before_the_generic_cun_shequ(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # X乡(街道)Y村(社区): the glosses of the level are links of the chain, and Y村(社区) is the
    # registry's community Y社区 (not the township the chain stopped at)
    ("社区简介\n扬州市邗江区双桥乡(街道)双桥村(社区)位于城区中心,现有居民3200户。\n", "3200", "双桥社区"),
    ("社区简介\n扬州市邗江区双桥乡（街道）双桥村（社区）位于城区中心,现有居民3200户。\n", "3200", "双桥社区"),
    # negative: without the community after it, the township is the subject
    ("社区简介\n扬州市邗江区双桥乡(街道)位于城区中心,现有居民3200户。\n", "3200", "双桥乡"),
])
def test_glossed_levels_in_a_chain(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # a natural village is a village: its own figures, under the name the text also writes (大坪村)
    ("云县推进和美乡村建设\n大坪自然村隶属于幸福镇幸福村,下辖3个村民小组,共有210户。近年来,大坪村发展茶叶产业。\n",
     "210", "大坪村"),
    # ... or as written, where that is all the text writes; the village it belongs to (隶属于) is no subject
    ("云县推进和美乡村建设\n大坪自然村隶属于幸福镇幸福村,下辖3个村民小组,共有210户。\n", "210", "大坪自然村"),
    # negative: 自然村 alone is the word
    ("云县推进和美乡村建设\n全县各自然村共有210户实现通路。\n", "210", "云县"),
])
def test_a_natural_village(text, number, region):
    assert _region(text, number) == region


SANHE = ("沙坪坝区激发流动党员热情\n\n  11月2日,沙坪坝区丰文街道三河村开会讨论5G+在村内的应用。\n\n"
         "  村支书告诉记者,全市第二批主题教育启动以来,{back}积极激发流动党员的热情。今年国庆期间,{back}旅游收入达600万元。\n")


@pytest.mark.parametrize("text,number,region", [
    # a whole word (全市…以来), then an anaphor of the unit (村里): the text is back on the unit
    (SANHE.format(back="村里"), "600万", "三河村"),
    # negative: with no anaphor after the whole word, the figure is the whole's
    (SANHE.format(back="各地"), "600万", "沙坪坝区"),
])
def test_an_anaphor_after_a_whole_word_returns_to_the_unit(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # a chain of places ending in a residential compound: the compound is the report's unit
    ("莱西市望城街道苏州路社区书香门第小区是东部新城区较大的居民小区,共有居民1710户。\n小区党支部设置党员中心户43个。\n",
     "43", "书香门第小区"),
    # negative: a kind of compound after the community (老旧小区) is no name
    ("莱西市望城街道苏州路社区老旧小区改造完成,共有居民1710户。\n社区设置党员中心户43个。\n", "43", "苏州路社区"),
])
def test_a_compound_at_the_end_of_a_chain(text, number, region):
    assert _region(text, number) == region


CHANGXIN = ("长宁江苏路街道{title}小区4台电梯同日竣工\n当天上午,长宁区江苏路街道{name}小区的居民收到一份大礼。\n"
            "{name}小区位于长宁路491弄,建造于上世纪80年代初。小区总建筑面积5.1万平方米。\n")


@pytest.mark.parametrize("text,number,region", [
    # a compound opening its line with where it lies is the unit its paragraph is about
    (CHANGXIN.format(title="一老", name="长新"), "5.1万", "长新小区"),
    # negatives: a kind of compound (老旧小区位于…) is none, nor 一老小区 (an old compound) in a title
    (CHANGXIN.format(title="一老", name="老旧"), "5.1万", "江苏路街道"),
    (CHANGXIN.format(title="一老", name="老旧"), "4", "江苏路街道"),
    # ... nor the estate of a community of the same stem that the text names: the community
    ("美林园社区\n\n美林园小区坐落在辽宁省大连甘井子区辛寨子街道的东部,辖区面积0.6平方公里,有149栋居民楼。\n", "149",
     "美林园社区"),
])
def test_a_compound_that_opens_its_line_with_where_it_lies(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # 该区 above a street in force: the district named before it
    ("红色小管家正式上岗\n8月22日,合肥市蜀山区荷叶地街道新招募的47名红色小管家正式上岗。8月30日前,该区479名红色小管家将陆续上岗。\n",
     "479", "蜀山区"),
    # negative: the street's own figure stays the street's
    ("红色小管家正式上岗\n8月22日,合肥市蜀山区荷叶地街道新招募的47名红色小管家正式上岗。8月30日前,该区479名红色小管家将陆续上岗。\n",
     "47", "荷叶地街道"),
])
def test_gai_qu_above_a_street_is_its_district(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # a community named 街道 (王城街道社区) opening its line is that community, not a 街道
    ("王城街道社区位于王城镇集镇中心,全社区13个居民小组1118户。\n社区设13个党小组,有党员125名。\n", "125", "王城街道社区"),
    # negative: the streets' communities inside a sentence are no name (各街道社区)
    ("全县推进党建引领基层治理。\n各街道社区设党小组13个。\n", "13", None),
])
def test_a_community_named_for_a_street(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # a village opening its line with where it lies is named, though the tagger reads 中秋 as a festival
    ("一、基本情况\n中秋村位于阳平镇东南部,距县城12公里,总面积18231亩。\n", "18231", "中秋村"),
    # negative: the festival itself names no village
    ("一、基本情况\n中秋佳节前夕,全镇慰问困难户120户。\n", "120", None),
])
def test_a_village_placed_by_where_it_lies(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # a title labelling its township (薛店镇:), a lead opening with a village written under it: the village's report
    ("薛店镇:集体增收定目标支部领办合作社\n发布日期:2023-08-17 10:47 来源: 县网信办\n"
     "薛店镇北张村以中药材种植为主要产业。\n根据加工需求,村里争取资金380万元。\n", "380万", "北张村"),
    # negative: a title that does not label its township keeps it
    ("薛店镇集体增收定目标支部领办合作社\n发布日期:2023-08-17 10:47 来源: 县网信办\n"
     "薛店镇北张村以中药材种植为主要产业。\n根据加工需求,争取资金380万元。\n", "380万", "薛店镇"),
])
def test_a_labelled_township_title_and_its_village_lead(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # a title speaking of one unit of its township (这个社区), the lead naming it: the unit's report
    ("头屯河农场这个社区,很“红”!\n\n2025-11-25 18:08:36 来源:中新网兵团\n\n"
     "近年来,新疆生产建设兵团第十二师头屯河农场绿洲街南社区聚焦服务职工群众。\n累计为辖区80余户家庭解决困难。\n",
     "80余", "绿洲街南社区"),
    # negative: a title about the township itself keeps it
    ("头屯河农场党建很“红”!\n\n2025-11-25 18:08:36 来源:中新网兵团\n\n"
     "近年来,新疆生产建设兵团第十二师头屯河农场绿洲街南社区聚焦服务职工群众。\n累计为辖区80余户家庭解决困难。\n",
     "80余", "头屯河农场"),
])
def test_a_title_speaking_of_one_unit_of_its_township(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # a township several share, the one the opening names and names again: a placeless report's own
    ("政府工作报告\n——在山门镇第十三届人民代表大会第三次会议上\n各位代表:\n现在,我代表山门镇第十三届人民政府,向大会报告工作。\n"
     "全年实现财政收入3500万元。\n", "3500万", "山门镇"),
    # ... also named once, in the subtitle that names its congress
    ("政府工作报告\n——在山门镇第十三届人民代表大会第三次会议上\n各位代表:\n现在,我代表镇人民政府,向大会报告工作。\n"
     "全年实现财政收入3500万元。\n", "3500万", "山门镇"),
    # negative: named once in passing, after the figures, it stays unknown
    ("政府工作报告\n各位代表:\n现在,我代表镇人民政府,向大会报告工作。\n"
     "全年实现财政收入3500万元。\n我们还到山门镇学习了经验。\n", "3500万", None),
    # ... and the community right after it that the text names again is the report's
    ("打造党群服务综合体!南区街道环城社区党群服务中心启用\n3月31日,位于南区街道的环城社区党群服务中心启用。\n"
     "该中心总建筑面积760平方米。\n", "760", "环城社区"),
    # negative: a community named once, beside its township, leaves the report the township's
    ("打造党群服务综合体!南区街道环城社区党群服务中心启用\n3月31日,位于南区街道的党群服务中心启用。\n"
     "该中心总建筑面积760平方米。\n", "760", "南区街道"),
    # ... or one named once, opening a clause of the lead (在县委…的坚强领导下,中都街道深入…)
    ("今年以来,在县委、县政府的坚强领导下,中都街道深入贯彻落实各项部署,各项工作取得阶段性成效。\n"
     "1-5月,完成财税收入5545万元。\n", "5545万", "中都街道"),
    # negative: named once in passing, not as a clause's subject
    ("今年以来,在县委、县政府的坚强领导下,各项工作在中都街道取得阶段性成效。\n"
     "1-5月,完成财税收入5545万元。\n", "5545万", None),
    # a title in spaced letters names the place they spell
    ("甘 霖 镇\n【概况】位于市区西南部,面积156.82平方公里,辖71个行政村。\n", "71", "甘霖镇"),
    # negative: spaced words that spell no place name none
    ("工 作 综 述\n【概况】位于市区西南部,面积156.82平方公里,辖71个行政村。\n", "71", None),
    # 中共 opens no village: 中共山门镇党委 is the township's party committee, not a village 中共山门
    ("王村镇党委政府\n\n2023年中共王村镇党委下辖68个党支部,党员1629名。王村镇下辖39个行政村。\n", "68", "王村镇"),
    # negative: a real village written after 中共 is still that village
    ("中共桃园村支部委员会\n\n桃园村有党员46名。\n", "46", "桃园村"),
])
def test_a_placeless_township_report(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # reporters' names in a byline's brackets are no places (肖广平 is no 广平县)
    ("东北网9月4日电(邓红岩 肖广平 记者高长利) 说起党群合作社,庆安县久安村村民深有体会。\n合作社带动农户274户。\n",
     "274", "久安村"),
    # negative: a place named in brackets without a byline is a place
    ("东北网9月4日电(广平县委宣传部供稿) 说起党群合作社,村民深有体会。\n合作社带动农户274户。\n", "274", "广平县"),
])
def test_a_byline_names_no_place(text, number, region):
    assert _region(text, number) == region


PERSON = ("庆安县党群合作社带富一方\n东北网9月4日电 说起党群合作社,庆安县久安村村民马得臣深有体会:“以前我没拿合作社当回事。”\n"
          "{who}是远近闻名的水稻种植大户,种植面积近百亩,年纯收入达到了8万元。\n")


@pytest.mark.parametrize("text,number,region", [
    # a paragraph opening on a person named before with their unit holds that unit
    (PERSON.format(who="马得臣"), "8万", "久安村"),
    # negative: a paragraph about someone else stays with the report
    (PERSON.format(who="张德明"), "8万", "庆安县"),
])
def test_a_paragraph_about_a_named_member(text, number, region):
    assert _region(text, number) == region


OFFICIAL = ("邗江区机关党员进社区\n邗江区组织在职党员参加志愿服务,双桥社区党总支书记王红梅介绍了社区的做法。\n"
            "{who}说,今年到社区报到的党员有320人。\n")


@pytest.mark.parametrize("text,number,region", [
    # a paragraph opening on an official named before with the post in their unit holds that unit
    (OFFICIAL.format(who="王红梅"), "320", "双桥社区"),
    # negative: a paragraph opening on someone else stays with the report
    (OFFICIAL.format(who="李志明"), "320", "邗江区"),
])
def test_a_paragraph_about_a_named_official(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # one community keeps the name the report writes first (双桥居民区 before 双桥社区党总支)
    ("邗江区双桥居民区开展结对共建\n双桥社区党总支现有党员120名。\n", "120", "双桥居民区"),
    # negative: written first as the registry's name, it keeps that name
    ("邗江区双桥社区开展结对共建\n双桥居民区党总支现有党员120名。\n", "120", "双桥社区"),
])
def test_one_community_keeps_its_first_name(text, number, region):
    assert _region(text, number) == region


HUPING = '湖坪村\n\n(湖南省张家界市桑植县官地坪镇下辖村)\n\n位于湖南省张家界市桑植县官地坪镇东南部,是该镇下辖行政村。东邻平头界村,南邻中坪村,西邻银山栋村,北邻联乡村。全村由7个村民小组组 成,总面积624亩,耕地面积420亩。\n中文名\n湖坪村\n所属地区\n湖南省张家界市桑植县\n村域面积\n1624亩\n乡村人口\n604人\n\n湖坪村村情简介\n\n地处官地坪镇东南部,东邻平头界村,南邻中坪村,西邻银山栋村,北邻联乡村,全村由7个村民小组组 成,总面积1624亩,耕地面积420亩。\n'  # tp03's opening, in Simplified


@pytest.mark.parametrize("text,number,region", [
    # 东邻…，南邻…: neighbours a profile lists by direction are no subject
    (HUPING, "1624", "湖坪村"),
    # negative: a village opening a sentence of its own after them is that sentence's subject
    (HUPING.replace("北邻联乡村,全村", "北邻联乡村。中坪村"), "1624", "中坪村"),
])
def test_neighbours_by_direction(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # no title, a publisher's source line, then a lead opening on a unit inside its place: the unit's report
    ("来源:房山区文明办\n时间:2021-09-29党支部是党的基础组织。\n房山区窦店镇田家园社区建成于2009年,居民2107户。\n"
     "社区党委下设5个党支部。\n", "5", "田家园社区"),
    # negative: a lead naming no unit leaves the report to the publisher's place
    ("来源:房山区文明办\n时间:2021-09-29党支部是党的基础组织。\n社区建成于2009年,居民2107户。\n"
     "社区党委下设5个党支部。\n", "5", "房山区"),
])
def test_a_publisher_s_place_and_its_unit_s_lead(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # an office of a city that goes to a township (茂名市委办公室到沙琅镇…): the township's report
    ("茂名市委办公室到沙琅镇开展“七一”慰问及党建共建活动\n近日,茂名市委办公室组队到挂点帮扶的沙琅镇水心村开展慰问。\n"
     "全镇今年引进项目投资5000万元。\n", "5000万", "沙琅镇"),
    # negative: the city's office that tells the news (获悉) is no visit: the title's place holds
    ("茂名市党建共建活动\n近日,记者从茂名市委办公室获悉,全市今年引进项目投资5000万元。\n", "5000万", "茂名市"),
])
def test_an_office_visiting_a_place(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # 农村集体经济 holds 村集体 as part of a word, no anaphor referring back to the village named before
    ("四川大竹县抓基层打基础\n以庙坝镇新桥社区议事堂为代表,在村(社区)广泛开设群众议事堂。\n"
     "以发展壮大农村集体经济为抓手,包装策划乡村振兴项目228个。\n", "228", "大竹县"),
    # negative: 村集体 as a word of its own refers back
    ("四川大竹县抓基层打基础\n以庙坝镇新桥社区议事堂为代表,在村(社区)广泛开设群众议事堂。\n"
     "以发展壮大村集体经济为抓手,包装策划乡村振兴项目228个。\n", "228", "新桥社区"),
])
def test_an_anaphor_inside_a_word(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # a place opening a clause of time (…启动以来，) before another place is when, not who
    ("今年,吉林省重点边境村建设启动以来,通化集安市坚持产业兴边,边境地区呈现崭新局面。\n全市建成边境村120个。\n", "120", "集安市"),
    # negative: with no other place after the clause, the place in it is the subject (三亚…实施以来，市委组织部…)
    ("2023年,三亚以高质量党建推动高质量发展的“党建十大工程”实施以来,市委组织部统筹推进。\n已选定14个信用社区试点。\n",
     "14", "三亚市"),
])
def test_a_place_in_a_clause_of_time(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # a short township name the whole registry has, inside a word (结合|市镇包保), names no 合市镇
    ("加大山区开发力度\n同时,结合市镇包保,帮扶3个村发展产业。\n", "3", None),
    # negative: the same name starting a word is the township
    ("加大山区开发力度\n同时,合市镇包保帮扶3个村发展产业。\n", "3", "合市镇"),
])
def test_a_registry_township_inside_a_word(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text,number,region", [
    # an outlet's dateline (滨州日报讯) opening a sentence names no subject: the report's place holds
    ("利国乡强村富民\n\n滨州日报讯(记者张子强报道)今年光伏收益19.3万元。\n利国乡领创办合作社29个。\n", "19.3万", "利国乡"),
    # negative: a place before a word that opens with a media suffix (网格) is the subject
    ("沙依巴克区:党建引领小网格\n\n目前乌鲁木齐市共划分城市网格约1.1万个,沙依巴克区网格数量占全市的十分之一左右。\n",
     "十分之一", "沙依巴克区"),
])
def test_an_outlets_dateline_is_no_subject(text, number, region):
    assert _region(text, number) == region


GUANZHUANG = "济南市历城区官庄街道2022年工作综述\n\n{sentence}\n"


@pytest.mark.parametrize("text,number,region", [
    # a count of a kind of village after a list of villages counts the list: the report's unit
    (GUANZHUANG.format(sentence="持续推动古宅村、水峪村两个软弱涣散村整顿工作。"), "两", "官庄街道"),
    # negative: one village's own count, with no list before it, stays the village's
    (GUANZHUANG.format(sentence="水峪村建成3个大棚。"), "3", "水峪村"),
])
def test_a_list_of_villages_then_their_count(text, number, region):
    assert _region(text, number) == region


@pytest.mark.parametrize("text, number, region", [
    # a city's work report naming only its province, then its districts and its short name (大同, a word)
    ("各位代表:\n现在,我代表市人民政府向大会报告工作。\n过去一年,全市上下深入贯彻对山西工作的重要指示精神,"
     "大同发展信心愈发坚定,大同潜力优势加速释放,云冈景区游客增长20%,全市实施项目463个,增速高于全省近4个百分点。\n",
     "463", "大同市"),
    # negative: a province's report (its own words outnumber the city's) stays the province's
    ("各位代表:\n现在,我代表省人民政府向大会报告工作。\n过去一年,全省上下深入贯彻对山西工作的重要指示精神,"
     "全省实施项目463个,大同、云冈景区游客增长20%,我省增速高于全国。\n", "463", "山西省"),
])
def test_a_city_voiced_report_names_its_city_by_its_districts(text, number, region):
    assert regions(text)[number] == region


@pytest.mark.parametrize("text, number, region", [
    # a neighbour named by direction is never the report's place; an anonymised report's placeholder is
    ("XX乡2020年基层党建重点任务落实情况汇报\n一、基本情况\nXX乡位于XX县西北部。东邻底圩乡、南接者兔乡、西隔丘北县温浏乡、"
     "北毗古障镇。国土面积413平方公里,辖4个村委会。\n", "413", "XX乡"),
    ("基层党建重点任务落实情况汇报\n一、基本情况\n全乡东邻底圩乡、南接者兔乡、西隔丘北县温浏乡、"
     "北毗古障镇。国土面积413平方公里,辖4个村委会。\n", "413", None),
    # ... but a place 交界地的 (at the junction) or 位于…的 is the subject
    ("镶嵌在江苏常熟、昆山、太仓三市交界地的常熟市支塘镇蒋巷村,面积3平方公里,现有村民200户。\n", "200", "蒋巷村"),
    ("位于首都功能核心区的西长安街街道,是体现“四个服务”的窗口地区之一。街道共有社区12个。\n", "12", "西长安街街道"),
])
def test_a_neighbour_is_no_report_place(text, number, region):
    got = regions(text)[number]
    assert pd.isna(got) if region is None else got == region


def test_a_zone_written_after_its_province_hangs_under_the_city_of_its_stem():
    row = extract_text("近年来,新疆维吾尔自治区乌鲁木齐高新区坚持党建引领。\n共下沉干部263名。\n").iloc[0]
    assert (row.region, row.city, row.adcode) == ("乌鲁木齐高新区", "乌鲁木齐市", "650100")


def test_a_unit_opening_a_clause_of_time_is_still_its_subject():
    # 以来 without 自/从 opens a clause of time, but a unit that opens it is still the sentence's subject
    assert regions("千阳县党建工作综述\n\n张家塬镇宝丰村党支部成立以来,共发展党员12名。\n")["12"] == "宝丰村"


@pytest.mark.parametrize("text,number,region", [
    # a unit after 与 in the figure's sentence is the subject's partner, not what the figure is about
    ("诸暨市党建综述\n\n目前,该市已有178个单位的党组织与暨阳街道的15个社区结对,6119名在职党员到社区报到。\n",
     "6119", "诸暨市"),
    # negative: a unit opening the sentence with 在 is its topic
    ("诸暨市党建综述\n\n在暨阳街道,15个社区结对,6119名在职党员到社区报到。\n", "6119", "暨阳街道"),
])
def test_a_partner_unit_is_not_the_figure_s(text, number, region):
    assert regions(text)[number] == region


@pytest.mark.parametrize("text,number,region", [
    # a clause of the role (作为…区域,) opens no subject; the township after it is, and its 镇党委 keeps it
    ("阿克陶县集体经济综述\n\n作为阿克陶县易地扶贫搬迁集中区域,恰尔隆镇率先扛起大旗。镇党委牵头整合6个村的资源,"
     "建成2056座温室大棚。\n", "2056", "恰尔隆镇"),
    # negative: a county word returns the figures to the county
    ("阿克陶县集体经济综述\n\n作为阿克陶县易地扶贫搬迁集中区域,恰尔隆镇率先扛起大旗。全县建成2056座温室大棚。\n",
     "2056", "阿克陶县"),
])
def test_a_role_clause_and_the_township_s_own_organ(text, number, region):
    assert regions(text)[number] == region


@pytest.mark.parametrize("text,number,region", [
    # an encyclopedia box's value after its label line heads no section
    ("湖坪村\n\n(湖南省张家界市桑植县官地坪镇下辖村)\n\n位于桑植县官地坪镇东南部。\n所属地区\n湖南省张家界市桑植县\n"
     "村域面积\n1624亩\n乡村人口\n604人\n", "604", "湖坪村"),
    # negative: the same line after another line is a heading
    ("湖坪村\n\n(湖南省张家界市桑植县官地坪镇下辖村)\n\n位于桑植县官地坪镇东南部。\n全县概况\n湖南省张家界市桑植县\n"
     "乡村人口604人\n", "604", "桑植县"),
])
def test_a_field_s_value_heads_no_section(text, number, region):
    assert regions(text)[number] == region
