"""Finding the places a document names (pbmine.places): what is a mention, and what is not."""
from __future__ import annotations

import pandas as pd
import pytest

from pbmine import extract_text
from pbmine.places import PlaceMentions
from pbmine.sections import split_document

HEAD = "河北省石家庄市无极县党建工作综述\n\n"


def names(text: str) -> set[str]:
    found = PlaceMentions(split_document("t", text))
    return {m[2] for m in found.mentions} | {m[2] for m in found.local_mentions}


def local_names(text: str) -> set[str]:
    """The townships, villages and communities the document names."""
    return {m[2] for m in PlaceMentions(split_document("t", text)).local_mentions}


@pytest.mark.parametrize("sentence,named", [
    ("七汲镇王村建起大棚300个。", {"七汲镇", "王村"}),        # a township and a village of the registry
    ("王村现有耕地4200亩。", {"王村"}),
])
def test_registry_names_under_the_documents_chain(sentence, named):
    assert named <= names(HEAD + sentence)


@pytest.mark.parametrize("sentence,not_a_place", [
    ("八成村党组织书记参加了培训。", "八成村"),     # 80 % of villages
    ("选派干部下沉街道社区开展服务。", "下沉街道"),  # a verb
    ("打造典型村12个、重点村8个。", "典型村"),
    ("打造典型村12个、重点村8个。", "重点村"),
    ("示范村建设稳步推进。", "范村"),               # a short name must start a word
    ("充实街道人员力量。", "充实街道"),             # an adverb (充实, 积极) opens no name
    ("积极落实苏木党委部署。", "积极落实苏木"),
])
def test_suffix_shapes_that_are_not_places(sentence, not_a_place):
    assert not_a_place not in names(HEAD + sentence)


@pytest.mark.parametrize("text,name,named", [
    # kinds of village (农业村, 牧业村) are words, though 都兰县 has a village named 农业村
    ("青海省都兰县宗加镇工作总结\n\n全镇辖14个行政村,其中12个牧业村、2个农业村。", "农业村", False),
    # negative: written right after its township, the registry's village is named
    ("青海省都兰县宗加镇工作总结\n\n宗加镇农业村现有耕地300亩。", "农业村", True),
])
def test_kinds_of_village_are_words(text, name, named):
    assert (name in names(text)) is named


@pytest.mark.parametrize("text", [
    # a survey's kinds of village (三无村, 空心村, 倒挂村) opening a line are no places the pattern names
    "海淀区农村调查报告\n\n三无村共4个,空心村共9个。\n",
    "海淀区农村调查报告\n\n空心村共9个,倒挂村共4个。\n",
])
def test_a_surveys_kinds_of_village_are_no_places(text):
    assert set(extract_text(text)["region"]) == {"海淀区"}


@pytest.mark.parametrize("text,name,named", [
    # a count verb and the counted units (新建|社区337个), though 乌鲁木齐 has a 新建社区
    ("乌鲁木齐市社区建设综述\n\n全市拆分新建街道24个,新建社区337个。", "新建社区", False),
    # negative: the same community followed by its own figures, not by a number
    ("乌鲁木齐市社区建设综述\n\n新建社区有居民3000户。", "新建社区", True),
    # after a county, a verb and the villages' collective (书写|村集体经济) is no village
    ("廣西荔浦市書寫村集體經濟發展新篇章\n\n全市144個行政村。", "書寫村", False),
    # negative: a name the county vouches for, followed by anything else, is a village
    ("廣西荔浦市書寫村黨支部發展新篇章\n\n全市144個行政村。", "書寫村", True),
])
def test_a_verb_before_a_village_word_is_no_place(text, name, named):
    assert (name in names(text)) is named


@pytest.mark.parametrize("text,name,named", [
    # a 居民区 or 居委会 the registry lacks, opening its line, is a local unit
    ("上海长宁区党建综述\n\n荣华居民区位于古北新区,有外籍居民3000人。", "荣华居民区", True),
    ("上海长宁区党建综述\n\n荣华居委会位于古北新区,有外籍居民3000人。", "荣华居委会", True),
    # negative: a kind of residential area is no name
    ("上海长宁区党建综述\n\n老旧居民区改造完成,惠及居民3000人。", "老旧居民区", False),
])
def test_a_residents_committee_opening_its_line(text, name, named):
    assert (name in names(text)) is named


@pytest.mark.parametrize("text,name,named", [
    # a division name must start a word: 其中|山区 holds no 中山区
    ("全市森林覆盖率45%(其中山区74%)。", "中山区", False),
    # negatives: the district after punctuation or a verb, and a city right after its province
    ("大连市中山区新建党群服务中心3个。", "中山区", True),
    ("全市有(中山区)党员500名。", "中山区", True),
    ("吉林长春推进“三长”联动。", "长春", True),
])
def test_a_division_name_starts_a_word(text, name, named):
    assert (name in names(text)) is named


@pytest.mark.parametrize("text,name,named", [
    # a county stem that is a common word (突破百亿元大关: a milestone) is no county
    ("全县地区生产总值突破百亿元大关。", "大关", False),
    # negative: the county written in full is the county
    ("云南省昭通市大关县地区生产总值突破百亿元。", "大关县", True),
])
def test_a_common_word_stem_is_no_county(text, name, named):
    assert (name in names(text)) is named


@pytest.mark.parametrize("text,named", [
    # a village named like a common word (联村) counts right after a township it lies in
    ("山南市加查县冷达乡联村党支部带领群众发展产业。", True),
    # negative: right after a township of another county it is the word (增期乡|联村党委)
    ("山南市桑日县增期乡联村党委带领群众发展产业。", False),
])
def test_a_generic_village_name_counts_only_in_its_township(text, named):
    assert ("联村" in names(text)) is named


def test_a_village_of_another_province_is_not_named():
    # 王村 exists in 河北 无极县; a report from 海南 三亚 does not name it
    assert "王村" not in names("海南省三亚市党建工作综述\n\n王村现有耕地4200亩。\n")


def test_a_zone_hangs_under_the_place_its_stem_names():
    found = PlaceMentions(split_document("t", "山东省枣庄市山亭经济开发区工作综述\n\n新建厂房12座。\n"))
    zone = found.resolve("山亭经济开发区")
    assert zone is not None and zone.level == "zone" and zone.city == "枣庄市"


def test_a_county_stem_counts_under_its_province_only_as_a_word():
    found = PlaceMentions(split_document("t", "贵州天柱:党建引领乡村振兴\n\n全县建成合作社12个。\n"))
    assert "天柱" in {m[2] for m in found.mentions}
    assert found.resolve("天柱").name == "天柱县"


@pytest.mark.parametrize("text,stem,named", [
    # a county stem right after its province or city, which the segmenter reads as one word (上海浦东)
    ("上海浦东作为改革开放的前沿阵地,共有市场主体13.5万余个。\n", "浦东", True),
    ("贵州天柱:党建引领乡村振兴\n\n全县建成合作社12个。\n", "天柱", True),
    # negatives: a stem not ending a word (上海浦东新区 is the full name); a stem after another province
    ("上海浦东新区着力健全机制。\n", "浦东", False),
    ("江苏浦东作为示范,建成合作社12个。\n", "浦东", False),
])
def test_a_county_stem_after_its_province(text, stem, named):
    found = PlaceMentions(split_document("t", text))
    assert (stem in {m[2] for m in found.mentions}) is named


def test_chain_at_reads_the_most_specific_place():
    text = "遵义市湄潭县兴隆镇党委\n"
    region, end = PlaceMentions(split_document("t", text)).chain_at(0)
    assert region.name == "兴隆镇" and text[:end] == "遵义市湄潭县兴隆镇"


@pytest.mark.parametrize("text,name,named", [
    # a Beijing 地区办事处 is a township the registry names with 地区
    ("朝阳区黑庄户地区加快谱写新篇章\n\n2024年,黑庄户地区工委开展主题党日活动637次。", "黑庄户地区", True),
    ("北京市朝阳区工作综述\n\n南磨房地区新建社区活动室3个。", "南磨房地区", True),
    # negative: a prefecture named 地区 is no township; 山区地区 is no registry name
    ("西藏阿里地区工作综述\n\n阿里地区新建活动场所12个。", "阿里地区", False),
    ("河北省无极县工作综述\n\n山区地区新建活动场所12个。", "山区地区", False),
])
def test_beijing_area_offices_are_townships(text, name, named):
    assert (name in local_names(text)) is named


@pytest.mark.parametrize("text,name,named", [
    # a village the registry lacks counts where its organisation follows it and 该嘎查 refers back
    ("二连浩特市工作综述\n\n苏力德巴特尔是格日勒敖都苏木党代会代表,额日登高毕嘎查党支部书记。\n去年,该嘎查争取资金80万元。\n",
     "额日登高毕嘎查", True),
    # negatives: no anaphor refers back; a kind of village before its organisation
    ("二连浩特市工作综述\n\n苏力德巴特尔是格日勒敖都苏木党代会代表,额日登高毕嘎查党支部书记。\n去年争取资金80万元。\n",
     "额日登高毕嘎查", False),
    ("二连浩特市工作综述\n\n全市共有8个示范村党支部。该村争取资金80万元。\n", "示范村", False),
])
def test_a_village_vouched_by_its_organisation_and_an_anaphor(text, name, named):
    assert (name in local_names(text)) is named


@pytest.mark.parametrize("text,name,named", [
    # a registry village after an adverb the segmenter glues to it (仅九岭|村)
    ("梅州市蕉岭县党建综述\n\n目前,仅九岭村已进驻企业3家。\n", "九岭村", True),
    # negative: inside a word, the short name is none (示范村 is no 范村)
    ("梅州市蕉岭县党建综述\n\n目前,仅示范村已进驻企业3家。\n", "范村", False),
])
def test_a_short_name_after_an_adverb(text, name, named):
    assert (name in local_names(text)) is named


@pytest.mark.parametrize("text,start,word", [
    ("在第五届人民代表大会第二次会议上西滨镇副镇长作报告。", 16, True),   # 会议上|西滨镇 (segmented 上西滨)
    ("上下同步 皖西递镇“党建引擎”赋能乡村振兴", 6, True),               # a province's one-character name
    ("示范村", 1, False),                                                # negative: inside a word
    ("上下同步 川西递镇", 6, False),                                     # negative: 川 opens words (川西)
])
def test_a_name_starts_a_word_after_a_frame_or_a_province_abbreviation(text, start, word):
    assert PlaceMentions(split_document("t", text)).starts_word(start) is word


@pytest.mark.parametrize("text,name,named", [
    # a 街道 written by its office (菱湖办事处 for 菱湖街道), and the community under it
    ("安庆市大观区菱湖办事处公园社区,与菱湖公园北大门相毗邻。辖区面积0.5平方公里。\n", "菱湖办事处", True),
    ("安庆市大观区菱湖办事处公园社区,与菱湖公园北大门相毗邻。辖区面积0.5平方公里。\n", "公园社区", True),
    # negative: 南区街道办事处 stays 南区街道 (its office is no other name)
    ("中山市南区街道办事处2022年工作总结\n\n南区街道坚持党建引领。\n", "南区街道办事处", False),
])
def test_a_jie_dao_written_by_its_office(text, name, named):
    assert (name in local_names(text)) is named



@pytest.mark.parametrize("title,number,region", [
    # a kind of unit written with its description (重点老区村, 示范社区) is no place: the district holds
    ("天津市宝坻区重点老区村发展纪事\n\n全区建成示范点12个。\n", "12", "宝坻区"),
    ("天津市宝坻区示范社区建设纪事\n\n全区建成示范点12个。\n", "12", "宝坻区"),
])
def test_a_described_kind_of_unit_is_no_place(title, number, region):
    claims = extract_text(title)
    assert dict(zip(claims["number"], claims["region"]))[number] == region


@pytest.mark.parametrize("text,region", [
    # a community the registry lists somewhere, opening a profile with when it was founded, is its
    # unit though the tagger reads its stem as a verb and a conjunction (盛|和|家园) and no place is named
    ("盛和家园社区成立于2011年11月,辖区面积1.607平方公里,常住人口5276人。\n", "盛和家园社区"),
    # negatives: a name no registry lists; the same name not opening a profile
    ("盛和美好社区成立于2011年11月,辖区面积1.607平方公里,常住人口5276人。\n", None),
    ("盛和家园社区居民积极参与,辖区面积1.607平方公里,常住人口5276人。\n", None),
])
def test_a_listed_community_opening_its_profile(text, region):
    got = set(extract_text(text)["region"])
    assert got == {region} if region else all(pd.isna(r) for r in got)
