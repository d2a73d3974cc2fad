"""Which registry names a text holds are mentions (pbmine.registry_mentions): a village's stem,
names inside quoted terms."""
from __future__ import annotations

import pytest

from pbmine import extract_text
from pbmine.places import PlaceMentions
from pbmine.sections import split_document
from test_places import local_names


TIANJIN = "天津市宝坻区大钟庄镇工作纪事\n\n大米庄村党支部团结带领群众发展产业。"


@pytest.mark.parametrize("sentence,named", [
    # a registry village the report names with its 村 is also written without it
    ("大米庄是大钟庄镇所辖的村,全村430户。", True),
    ("近年来,大米庄发展变化很大。", True),
    # negatives: members of a list, a brand in quotes, a longer word, a stem that is also a township's
    ("大米庄、小米庄两村合作建厂。", False),
    ("打造“大米庄辉白”品牌。", False),
    ("大米庄园开业迎客。", False),
])
def test_a_village_written_without_its_village_word(sentence, named):
    found = PlaceMentions(split_document("t", TIANJIN + sentence))
    stem_at = len(TIANJIN) + sentence.index("大米庄")
    assert any(m[0] == stem_at and m[2] == "大米庄" for m in found.local_mentions) is named
    assert found.village_stems.get("大米庄") == "大米庄村"


def test_a_stem_two_registry_names_share_is_neither():
    # 北庄镇 and its 北庄村 (密云区): 北庄 alone may be either, so it is not taken for the village
    text = "北京市密云区北庄镇工作纪事\n\n北庄村党支部带领群众发展民宿。北庄发展变化很大。"
    found = PlaceMentions(split_document("t", text))
    assert not any(m[2] == "北庄" for m in found.local_mentions)


def test_a_village_written_without_its_village_word_holds_its_figures():
    claims = extract_text(TIANJIN + "\n大钟庄镇共有村庄20个。\n大米庄是大钟庄镇所辖的重点老区村,全村430户,1300口人。")
    regions = dict(zip(claims["number"], claims["region"]))
    assert regions["20"] == "大钟庄镇"
    assert regions["430"] == regions["1300"] == "大米庄村"  # (the name as the report first writes it)


@pytest.mark.parametrize("text,name,named", [
    # a registry name inside a short quoted term it does not fill is part of the term (a nickname)
    ("新华社哈尔滨5月17日电 黑龙江省桦川县悦来镇纪实\n\n“黑三星村”缘何变成示范村?\n", "三星村", False),
    # negatives: a quoted name filling the quotes, and a name outside them, are the place
    ("新华社哈尔滨5月17日电 黑龙江省桦川县悦来镇纪实\n\n“三星村”缘何变成示范村?\n", "三星村", True),
    ("新华社哈尔滨5月17日电 黑龙江省桦川县悦来镇纪实\n\n三星村缘何变成“示范村”?\n", "三星村", True),
])
def test_a_name_inside_a_quoted_term_is_no_mention(text, name, named):
    assert (name in local_names(text)) is named


@pytest.mark.parametrize("text,name,named", [
    # a two-character registry name before 委 is a word before 村委会 (老村委会主任: the former committee's head)
    ("四川省凉山彝族自治州越西县华阳村老村委会主任潘文玉的院坝里聚着年轻人。\n", "老村", False),
    # negative: a longer name before 村委会 is still the village
    ("四川省凉山彝族自治州越西县华阳村委会主任潘文玉的院坝里聚着年轻人。\n", "华阳村", True),
])
def test_a_short_name_before_its_committee_word(text, name, named):
    assert (name in local_names(text)) is named
