"""The township/village registry and finding its names in text."""
from __future__ import annotations

import pytest

from pbmine.divisions import Registry, find_locals, is_numeral_name


@pytest.fixture(scope="module")
def wuji():
    return Registry.default().locals_under({"130130"})  # 河北 石家庄 无极县


@pytest.mark.parametrize("name,expected", [
    ("八成村", True), ("两个村", True), ("3个社区", True), ("十街道", True), ("第六届社区", True), ("第二批村", True),
    ("王村", False), ("七汲镇", False), ("十八里店乡", False), ("三里屯街道", False),
    ("五四村", False), ("八一社区", False), ("五十村", True),  # named for a day (五四, 八一), not a count
    ("两位社区", True), ("新一届居委会", True), ("本届居委会", True),  # 两位社区书记; the new term's committees
    ("新一村", False), ("上一村", False),  # negative: 新一村 is a name
])
def test_numeral_names(name, expected):
    assert is_numeral_name(name) is expected


def test_registry_counts_and_codes():
    reg = Registry.default()
    assert sum(len(v) for v in reg.by_county.values()) == 41352
    assert [t.code for t in reg.township_anywhere("迎水桥镇")] == ["640502108"]


def test_villages_under_a_county(wuji):
    assert "七汲镇" in wuji and "王村" in wuji
    assert all(e.code.startswith("130130") for e in wuji["王村"])
    assert "八成村" not in wuji and "典型村" not in wuji


@pytest.mark.parametrize("text,found", [
    ("在七汲镇王村,一座座大棚", ["七汲镇", "王村"]),
    ("八成村干部参加", []),
    ("下沉街道力量", []),
    ("", []),
])
def test_find_locals(wuji, text, found):
    assert [m[2] for m in find_locals(text, wuji)] == found


def test_find_locals_offsets_slice_the_text(wuji):
    text = "无极县七汲镇王村和郝庄镇"
    for start, end, name in find_locals(text, wuji):
        assert text[start:end] == name


def test_beijing_diqu_is_written_as_xiang():
    reg = Registry.default()
    assert "十八里店乡" in reg.locals_under({"110105"})


def test_a_farm_is_a_township_by_its_short_name():
    # the registry writes 兵团农六师新湖农场; reports write 新湖农场 (a 兵团 farm, a township-level unit)
    from pbmine import extract_text
    claims = extract_text("11月3日,新湖农场昕望农业开发专业合作社大棚里一派生机。\n合作社现有社员158人。\n")
    assert claims["region"].tolist() == ["新湖农场"]
    # negative: a family farm is no place
    claims = extract_text("11月3日,幸福家庭农场大棚里一派生机。\n农场现有工人18人。\n")
    assert claims["region"].isna().all()


@pytest.mark.parametrize("name,short", [
    ("官和侗族土家族苗族乡", "官和乡"),   # several nationalities
    ("喇嘛甸回族乡", "喇嘛甸乡"),         # the nationality is 回, not 甸回
    ("五家子满族乡", "五家子乡"),
])
def test_a_nationality_township_is_written_without_its_nationalities(name, short):
    from pbmine.divisions import _township_forms
    assert _township_forms(name) == [name, short]


@pytest.mark.parametrize("name,forms", [
    ("三源浦朝鲜族镇", ["三源浦朝鲜族镇", "三源浦朝鲜镇"]),          # a two-character nationality without 族
    ("姜家店朝鲜族乡", ["姜家店朝鲜族乡", "姜家店乡", "姜家店朝鲜乡"]),
    # negative: a one-character nationality keeps its 族 (红星回乡 is no way to write it), a plain town one form
    ("红星回族乡", ["红星回族乡", "红星乡"]),
    ("柳河镇", ["柳河镇"]),
])
def test_a_one_nationality_town_may_drop_its_zu(name, forms):
    from pbmine.divisions import _township_forms
    assert _township_forms(name) == forms


def test_a_village_written_without_the_cun_of_its_committee(wuji):
    # the registry's 王村村 (王村村民委员会) is written 王村; the entry keeps the registry's name
    assert [(e.name, e.code) for e in wuji.get("王村")] == [("王村村", "130130101014")]
    assert [e.name for e in wuji.get("王村村")] == ["王村村"]
    # negative: under another county the name is not there
    assert Registry.default().locals_under({"110105"}).get("王村") == []


def test_names_are_checked_against_the_chain_s_prefixes():
    reg = Registry.default()
    county, province, elsewhere = reg.locals_under({"130130"}), reg.locals_under({"13"}, set()), \
        reg.locals_under({"110105"})
    assert "七汲镇" in county and "七汲镇" in province      # a township under the county, and the province
    assert "王村" in county and "王村" not in province      # a province's chain carries no villages
    assert "七汲镇" not in elsewhere and not reg.locals_under({"99"})


def test_names_ending_at_a_position_are_the_registry_s():
    wuji = Registry.default().locals_under({"130130"})
    text = "无极县七汲镇王村村委会"
    assert "七汲镇" in wuji.ending_at(text, 6) and "王村" in wuji.ending_at(text, 8)
    assert wuji.ending_at(text, 3) == []  # a county is no township or village of the registry
