"""Pinyin glosses inside words: read as if absent, offsets and quotes the original's."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from pbmine import extract
from pbmine.glosses import gloss_map

PINYIN = ["(qū)", "(zhèn)", "(wàn)", "(gè)", "(guó)", "（shù）"]


@pytest.mark.parametrize("text,read", [
    ("社區(qū)服務", "社區服務"),
    ("4000萬(wàn)元,15個(gè)村民小組", "4000萬元,15個村民小組"),
    ("國(guó)內(nèi)總量", "國內總量"),
    # a mirror that sets a space after each gloss (and none of its tone marks): the space goes too
    ("黨(dang) 員426.9萬(wan) 名,與(yu) 2012年底相比", "黨員426.9萬名,與2012年底相比"),
    # negatives: brackets that are no gloss stay (a note, an English abbreviation after a digit,
    # a capital letter, a gloss after a Latin letter)
    ("老年食堂(助餐点)12个", None), ("面积(km)", None), ("36(km)", None), ("党员(CPC)", None), ("F(xiàn)轄", None),
])
def test_what_counts_as_a_gloss(text, read):
    found = gloss_map(text)
    assert (found.text if found else None) == read


@given(st.lists(st.tuples(st.text("社區村黨員個萬元二〇年，。1234", min_size=1, max_size=6),
                          st.sampled_from(["", *PINYIN])), min_size=1, max_size=12))
def test_offsets_map_back_to_the_same_characters(parts):
    original = "".join(chunk + gloss for chunk, gloss in parts)
    found = gloss_map(original)
    if found is None:
        return
    for i in range(len(found.text)):
        assert original[found.start(i)] == found.text[i]
        for j in range(i + 1, min(len(found.text), i + 6) + 1):
            assert original[found.end(j) - 1] == found.text[j - 1]
            span = original[found.start(i):found.end(j)]
            inner = gloss_map(span)
            assert (inner.text if inner else span) == found.text[i:j]


def test_a_glossed_traditional_report_gives_its_places_units_and_original_offsets(tmp_path):
    text = ("福建省龍巖市武平縣城廂鎮(zhèn)園丁村概況\n"
            "城廂鎮(zhèn)園丁村地處縣城郊區(qū),全村15個(gè)村民小組,551戶。年產(chǎn)值達(dá)1500多萬(wàn)元。\n")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    frame = extract([tmp_path / "a.txt"]).frame
    got = {row.number: row for row in frame.itertuples()}
    assert set(got) == {"15", "551", "1500多萬"}
    assert {row.region for row in got.values()} == {"園丁村"}
    money = got["1500多萬"]
    assert (money.value, money.unit) == (15_000_000, "元")
    assert text[money.start:money.end] == "1500多萬" and money.sentence in text
    assert text[got["15"].region_start:got["15"].region_end] in ("城廂鎮(zhèn)園丁村", "園丁村")
