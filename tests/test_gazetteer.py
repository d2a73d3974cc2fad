"""Tests for pbmine.gazetteer: divisions from cpca's table, renames, zones, text search."""
from __future__ import annotations

import csv
import io
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pbmine.gazetteer import Gazetteer, Place, _read_cpca, _read_own


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def ctx(gaz: Gazetteer, *names: str) -> list[Place]:
    places = [gaz.resolve(n) for n in names]
    assert all(p is not None and not p.ambiguous for p in places), places
    return places


# -- resolve: (name, context names, province, city, adcode, level) -------------
RESOLVED = [
    ("市南区", (), "山东省", "青岛市", "370202", "district"),
    ("平度市", (), "山东省", "青岛市", "370283", "district"),  # county-level city
    ("海棠区", (), "海南省", "三亚市", "460202", "district"),
    ("管城区", (), "河南省", "郑州市", "410104", "district"),  # 管城回族区 without its nationality
    ("鄂温克旗", (), "内蒙古自治区", "呼伦贝尔市", "150724", "district"),  # 鄂温克族自治旗: named for its people alone
    ("鄂伦春旗", (), "内蒙古自治区", "呼伦贝尔市", "150723", "district"),
    ("三亚", (), "海南省", "三亚市", "460200", "city"),
    ("青岛", (), "山东省", "青岛市", "370200", "city"),
    ("山东省", (), "山东省", None, "370000", "province"),
    ("山东", (), "山东省", None, "370000", "province"),
    ("广西", (), "广西壮族自治区", None, "450000", "province"),
    ("内蒙古", (), "内蒙古自治区", None, "150000", "province"),
    # zones
    ("西海岸新区", (), "山东省", "青岛市", "370211", "zone"),
    ("青岛西海岸新区", (), "山东省", "青岛市", "370211", "zone"),
    ("长岛综合试验区", (), "山东省", "烟台市", "370634", "zone"),
    ("长岛综合实验区", (), "山东省", "烟台市", "370634", "zone"),
    ("长岛", (), "山东省", "烟台市", "370634", "zone"),
    ("育才生态区", (), "海南省", "三亚市", None, "zone"),
    ("崖州湾科技城", (), "海南省", "三亚市", None, "zone"),
    ("南沙新区", (), "广东省", "广州市", "440115", "zone"),
    ("雄安新区", (), "河北省", "保定市", None, "zone"),
    # renamed after cpca's table was made
    ("长岛县", (), "山东省", "烟台市", "370634", "zone"),
    ("即墨市", (), "山东省", "青岛市", "370215", "district"),
    ("即墨区", (), "山东省", "青岛市", "370215", "district"),
    ("蓬莱市", (), "山东省", "烟台市", "370614", "district"),
    ("公主岭市", (), "吉林省", "长春市", "220184", "district"),
    ("龙华区", ("深圳市",), "广东省", "深圳市", "440309", "district"),
    ("龙华区", ("海口市",), "海南省", "海口市", "460106", "district"),
    ("桥东区", ("邢台市",), "河北省", "邢台市", "130502", "district"),  # now 襄都区
    ("桥东区", ("张家口市",), "河北省", "张家口市", "130702", "district"),
    # 市北区 is only in 青岛 in cpca's table (西宁 has 城北区), so no context is needed
    ("市北区", (), "山东省", "青岛市", "370203", "district"),
    ("市北区", ("青岛市",), "山东省", "青岛市", "370203", "district"),
    # the four 鼓楼区
    ("鼓楼区", ("福州市",), "福建省", "福州市", "350102", "district"),
    ("鼓楼区", ("南京市",), "江苏省", "南京市", "320106", "district"),
    ("鼓楼区", ("徐州市",), "江苏省", "徐州市", "320302", "district"),
    ("鼓楼区", ("开封市",), "河南省", "开封市", "410204", "district"),
    ("鼓楼区", ("福建省",), "福建省", "福州市", "350102", "district"),  # province is enough here
    # municipalities: 北京市朝阳区 vs 长春 朝阳区 vs 辽宁 朝阳市
    ("北京市朝阳区", (), "北京市", "北京市", "110105", "district"),
    ("朝阳区", ("北京市",), "北京市", "北京市", "110105", "district"),
    ("朝阳区", ("长春市",), "吉林省", "长春市", "220104", "district"),
    ("朝阳市", (), "辽宁省", "朝阳市", "211300", "city"),
    ("辽宁朝阳市", (), "辽宁省", "朝阳市", "211300", "city"),
    ("朝阳", ("北京市",), "北京市", "北京市", "110105", "district"),
    ("朝阳", (), "辽宁省", "朝阳市", "211300", "city"),  # short forms: higher level wins
    ("北京市", (), "北京市", "北京市", "110000", "province"),
    ("北京", (), "北京市", "北京市", "110000", "province"),
    ("忠县", (), "重庆市", "重庆市", "500233", "district"),  # cpca files 重庆's counties under 500200 县
    ("浦东新区", (), "上海市", "上海市", "310115", "district"),
    ("浦东", (), "上海市", "上海市", "310115", "district"),
    # province-administered county-level units have no city
    ("仙桃市", (), "湖北省", None, "429004", "district"),
    ("五指山市", (), "海南省", None, "469001", "district"),
    ("东莞市", (), "广东省", "东莞市", "441900", "city"),
    # compound names and derived forms
    ("山东省青岛市市南区", (), "山东省", "青岛市", "370202", "district"),
    ("黔南州", (), "贵州省", "黔南布依族苗族自治州", "522700", "city"),
    ("吉林", (), "吉林省", None, "220000", "province"),
    ("海南", ("青海省",), "青海省", "海南藏族自治州", "632500", "city"),
]


@pytest.mark.parametrize("name, context, province, city, adcode, level", RESOLVED)
def test_resolve(gaz, name, context, province, city, adcode, level):
    p = gaz.resolve(name, ctx(gaz, *context))
    assert p is not None
    assert (p.province, p.city, p.adcode, p.level) == (province, city, adcode, level)
    assert not p.ambiguous


@pytest.mark.parametrize("name, full", [
    ("市南区", "山东省青岛市市南区"),
    ("青岛", "山东省青岛市"),
    ("山东", "山东省"),
    ("北京市朝阳区", "北京市朝阳区"),
    ("西海岸新区", "山东省青岛市西海岸新区"),
    ("仙桃市", "湖北省仙桃市"),
])
def test_full_and_name(gaz, name, full):
    p = gaz.resolve(name)
    assert p.full == full
    assert full.endswith(p.name)


# -- ambiguity: refuse to guess --------------------------------------------------
@pytest.mark.parametrize("name, context, province", [
    ("鼓楼区", (), None),  # 南京/徐州/福州/开封
    ("朝阳区", (), None),  # 北京/长春
    ("城关区", (), None),  # 兰州/拉萨
    ("通州区", (), None),  # 北京/南通
    ("鼓楼区", ("江苏省",), "江苏省"),  # 南京 and 徐州 both in 江苏
    ("桥东区", (), "河北省"),  # 张家口, and 邢台's former 桥东区
    ("西湖", (), None),  # short of 杭州's and 南昌's 西湖区
    ("鼓楼区", ("青岛市",), None),  # context that fits no reading does not pick one
])
def test_ambiguous(gaz, name, context, province):
    p = gaz.resolve(name, ctx(gaz, *context))
    assert p is not None and p.ambiguous
    assert p.adcode is None and p.city is None and p.province == province
    assert p.level == "district"
    assert len(gaz.candidates(name)) >= 2


def test_shi_bei_qu_really_unambiguous_in_table():
    rows = list(csv.DictReader(io.StringIO(_read_cpca("adcodes.csv"))))
    assert [r["adcode"][:6] for r in rows if r["name"] == "市北区"] == ["370203"]
    assert len([r for r in rows if r["name"] == "鼓楼区"]) == 4


# -- unknown names ---------------------------------------------------------------------
@pytest.mark.parametrize("name", ["不存在区", "", "   ", "城关", "新城", "市场", "abc", "城关镇", "中山路", "鄂温克族旗"])
def test_unknown(gaz, name):
    assert gaz.resolve(name) is None
    assert gaz.candidates(name) == []


# -- candidates ------------------------------------------------------------------------
@pytest.mark.parametrize("name, expected", [
    ("市南区", ["370202"]),
    ("市南", ["370202"]),
    ("平度", ["370283"]),
    ("吉林", ["220000", "220200"]),  # province first, then city
    ("鼓楼区", ["320106", "320302", "350102", "410204"]),
    ("长岛", [None]),
])
def test_candidates(gaz, name, expected):
    cands = gaz.candidates(name)
    if expected == [None]:
        assert [c.level for c in cands] == ["zone"]
    else:
        assert [c.adcode for c in cands] == expected


def test_exact_readings_before_short_ones(gaz):
    levels = [(c.name, c.level) for c in gaz.candidates("乌鲁木齐")]
    assert levels[0] == ("乌鲁木齐市", "city")
    assert ("乌鲁木齐县", "district") in levels


# -- find ------------------------------------------------------------------------------
FIND = [
    ("市南区实施“五个突出”", [(0, 3, "市南区")]),
    ("青岛市市南区委组织部", [(0, 3, "青岛市"), (3, 6, "市南区")]),
    ("2023年,三亚以高质量党建推动", [(6, 8, "三亚")]),
    ("其中,海棠区、吉阳区、天涯区、崖州区、育才生态区", [
        (3, 6, "海棠区"), (7, 10, "吉阳区"), (11, 14, "天涯区"), (15, 18, "崖州区"), (19, 24, "育才生态区")]),
    ("青岛西海岸新区扎实开展", [(0, 7, "青岛西海岸新区")]),
    ("长岛综合试验区深入学习", [(0, 7, "长岛综合试验区")]),
    ("北京市朝阳区和长春市朝阳区", [(0, 3, "北京市"), (3, 6, "朝阳区"), (7, 10, "长春市"), (10, 13, "朝阳区")]),
    ("晋城市城区", [(0, 3, "晋城市"), (3, 5, "城区")]),  # generic name right after its city
    ("山西兴县", [(0, 2, "山西"), (2, 4, "兴县")]),
    ("在成县调研", [(1, 3, "成县")]),
    ("胶州市场监管局", [(0, 3, "胶州市")]),
    ("为海南自贸港建设和三亚高质量发展", [(1, 3, "海南"), (9, 11, "三亚")]),
    ("即墨市", [(0, 3, "即墨市")]),  # former names are still found
    ("黔南州", [(0, 3, "黔南州")]),
    ("幸福福建", [(2, 4, "福建")]),  # a blocker must overlap, not merely touch
    ("上海西岸", [(0, 2, "上海")]),
    ("2022年嵩县国民经济和社会发展统计公报", [(5, 7, "嵩县")]),  # a two-character county after a year
    ("再谱中国式现代化内蒙古新篇", [(8, 11, "内蒙古")]),  # a nationality (蒙古) inside the stem stays
    ("内蒙古自治区统计局", [(0, 6, "内蒙古自治区")]),
]


@pytest.mark.parametrize("text, expected", FIND)
def test_find(gaz, text, expected):
    found = gaz.find(text)
    assert found == expected
    assert all(text[s:e] == n for s, e, n in found)


@pytest.mark.parametrize("text", [
    "城市南部新建了3个社区",  # 市南
    "在中山路历史城区保护更新",  # 中山路, 城区
    "山东路和南京路交汇处",  # streets named after places
    "南山路",
    "城关镇",  # a town, not 城关区
    "水平度和平度",  # 平度 short form is never searched
    "西湖景区",  # a lake; district short forms are never searched
    "老城区改造",
    "推进乡村振兴县域经济发展",  # 兴县
    "新年兴县域经济",  # 兴县 after 年 that ends no year
    "市领导莅临县委调研",  # 临县
    "相应县级部门",  # 应县
    "完成县政府部署",  # 成县
    "确保定期召开会议",  # 保定
    "实现长治久安",  # 长治
    "精简文山会海",  # 文山
    "培育新乡贤200名",  # 新乡
    "黄河北岸",  # 河北
    "认清新区担当",  # 清新区
    "振兴区县经济",  # 兴区? 振兴区 + 区县
    "和平区域",  # 区域
    "朝阳产业",
    "与会来宾",
    "幸福安康",
    "中山大学",
    "西海岸交通商务区",  # 西海岸 alone is only a weak alias
    "推进幸福建设",  # 福建
    "推广东部经验",  # 广东
    "长江西岸",  # 江西
    "用人文关怀化解矛盾",  # 怀化
    "集中卫生整治",  # 中卫
    "传承德孝文化",  # 承德
])
def test_find_negative(gaz, text):
    assert gaz.find(text) == []


def test_find_university_is_not_the_city(gaz):
    assert gaz.find("西安交通大学青岛研究院") == [(6, 8, "青岛")]


def test_find_seed_documents_name_their_regions(gaz):
    """Every region named in the seed reports is found, and resolves to itself."""
    import pathlib
    root = pathlib.Path(__file__).resolve().parent.parent
    seeds = sorted((root / "seeds").glob("*.txt"))
    if not seeds:
        pytest.skip("no seed documents")
    found = set()
    for path in seeds:
        for _, _, name in gaz.find(path.read_text(encoding="utf-8")):
            found.add(gaz.resolve(name).name)
    for region in ["西海岸新区", "长岛综合试验区", "市南区", "市北区", "李沧区", "崂山区", "城阳区",
                   "即墨区", "胶州市", "平度市", "莱西市", "三亚市", "海棠区", "吉阳区", "天涯区",
                   "崖州区", "育才生态区", "青岛市"]:
        assert region in found, region


_PIECES = ["市南区", "青岛", "城市", "南部", "中山路", "长岛", "兴县", "区域", "确保", "定期",
           "北京市", "朝阳区", "，", "。", "1", "年", "的", "新区", "城区", "海南", "县委"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.characters(min_codepoint=0x4E00, max_codepoint=0x4E80)),
                max_size=30))
def test_find_spans_are_sorted_disjoint_and_known(pieces):
    gaz = Gazetteer.default()
    text = "".join(pieces)
    found = gaz.find(text)
    last_end = 0
    for s, e, name in found:
        assert last_end <= s < e <= len(text)
        assert text[s:e] == name
        assert gaz.candidates(name)
        last_end = e


# -- parent ----------------------------------------------------------------------------
@pytest.mark.parametrize("name, level, expected_name, expected_adcode", [
    ("市南区", "city", "青岛市", "370200"),
    ("市南区", "province", "山东省", "370000"),
    ("青岛市", "city", "青岛市", "370200"),  # a place at that level is its own parent
    ("北京市朝阳区", "city", "北京市", "110000"),  # a municipality is its own city
    ("北京市朝阳区", "province", "北京市", "110000"),
    ("西海岸新区", "city", "青岛市", "370200"),
    ("西海岸新区", "district", "黄岛区", "370211"),
    ("长岛综合试验区", "city", "烟台市", "370600"),
    ("育才生态区", "province", "海南省", "460000"),
    ("仙桃市", "province", "湖北省", "420000"),
    ("即墨市", "city", "青岛市", "370200"),
])
def test_parent(gaz, name, level, expected_name, expected_adcode):
    p = gaz.parent(gaz.resolve(name), level)
    assert p is not None and (p.name, p.adcode) == (expected_name, expected_adcode)


@pytest.mark.parametrize("name, level", [
    ("仙桃市", "city"),  # province-administered
    ("山东省", "city"),
    ("育才生态区", "district"),
    ("青岛市", "district"),
])
def test_parent_none(gaz, name, level):
    assert gaz.parent(gaz.resolve(name), level) is None


def test_parent_of_ambiguous_keeps_shared_province(gaz):
    p = gaz.resolve("鼓楼区", ctx(gaz, "江苏省"))
    assert gaz.parent(p, "province").adcode == "320000"
    assert gaz.parent(p, "city") is None


def test_parent_rejects_unknown_level(gaz):
    with pytest.raises(ValueError):
        gaz.parent(gaz.resolve("市南区"), "town")


# -- adcodes ---------------------------------------------------------------------------
@pytest.mark.parametrize("code, name", [
    ("370202", "市南区"),
    ("370202000000", "市南区"),  # cpca's 12-digit form
    ("370282", "即墨区"),  # former code of 即墨市
    ("370634", "长岛综合试验区"),
    ("110105", "朝阳区"),
])
def test_by_adcode(gaz, code, name):
    assert gaz.by_adcode(code).name == name


def test_every_division_resolves_from_its_full_name_and_from_its_name_in_context(gaz):
    for p in set(gaz._by_adcode.values()):
        assert gaz.resolve(p.full) == p, p
        context = [x for x in (gaz.parent(p, "city"), gaz.parent(p, "province")) if x]
        assert gaz.resolve(p.name, context) == p, p


def test_placeholders_are_not_places(gaz):
    for name in ["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]:
        assert gaz.candidates(name) == []


# -- hand-kept data --------------------------------------------------------------------
def test_renamed_rows_match_cpca_table(gaz):
    """A row whose old name is not in cpca's table would silently do nothing."""
    raw = {r["adcode"][:6]: r["name"] for r in csv.DictReader(io.StringIO(_read_cpca("adcodes.csv")))}
    for r in csv.DictReader(io.StringIO(_read_own("renamed.csv"))):
        assert r["kind"] in {"renamed", "moved", "zone", "abolished", "created"}, r
        if r["old_adcode"]:
            assert raw.get(r["old_adcode"]) == r["old_name"], r
        if r["new_adcode"]:
            p = gaz.by_adcode(r["new_adcode"])
            assert p is not None and p.name == r["new_name"] and p.province, r


def test_zones_rows(gaz):
    for r in csv.DictReader(io.StringIO(_read_own("zones.csv"))):
        p = gaz.resolve(r["name"])
        assert p.level == "zone" and p.province, r
        assert gaz.by_adcode(r["parent_adcode"]) is not None, r
        for alias in filter(None, r["aliases"].split("|")):
            assert gaz.resolve(alias) == p, alias
        if r["coincides_adcode"]:
            assert p.adcode == r["coincides_adcode"]


def test_cpca_is_not_imported():
    import subprocess
    import sys
    code = "import sys; from pbmine.gazetteer import Gazetteer; Gazetteer.default(); print('cpca' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -- caching and cost --------------------------------------------------------------------
def test_default_is_cached():
    assert Gazetteer.default() is Gazetteer.default()


def test_build_is_fast():
    start = time.perf_counter()
    Gazetteer()
    assert time.perf_counter() - start < 1.0  # ~0.04 s on the dev machine; loose for CI


def test_place_is_frozen_and_hashable(gaz):
    p = gaz.resolve("市南区")
    with pytest.raises(AttributeError):
        p.name = "x"  # type: ignore[misc]
    assert {p: 1}[gaz.resolve("市南区")] == 1
