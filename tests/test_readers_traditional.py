"""Traditional Chinese: extraction reads a Simplified twin of the same length, quotes the original."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pbmine import api
from pbmine.readers import read_source
from pbmine.readers.traditional import TABLE, fold, to_simplified

TRAD = "評定五星級黨支部89個，發展黨員1300餘名。"
SIMP = "评定五星级党支部89个，发展党员1300余名。"
KEY = ["metric", "value", "qualifier", "kind", "start", "end"]


def derive() -> dict[str, str]:
    """The table again from OpenCC's dictionaries (opencc-python-reimplemented ships them)."""
    opencc = pytest.importorskip("opencc")
    folder = Path(opencc.__file__).parent / "dictionary"

    def load(name):
        table = {}
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            if "\t" in line:
                key, values = line.split("\t", 1)
                table[key] = values.split(" ")[0]
        return table

    ts = load("TSCharacters.txt")
    variants = {**load("HKVariantsRev.txt"), **load("TWVariantsRev.txt")}
    out = {}
    for char in sorted(set(ts) | set(variants)):
        if len(char) != 1:
            continue
        standard = variants.get(char, char)
        simple = ts.get(standard, standard) if len(standard) == 1 else standard
        if len(simple) == 1 and simple != char:
            out[char] = simple
    return out


def test_bundled_table_is_opencc_character_for_character():
    rows = [line.split("\t") for line in TABLE.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    assert dict(rows) == derive()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (TRAD, SIMP),
        ("黨員", "党员"),
        ("於是乾脆發展", "于是干脆发展"),      # a Traditional document: 於 乾 are converted too
        ("於是乾脆", None),                    # only characters Simplified also uses: left alone
        (SIMP, None),                          # nothing to convert
        ("著名的乾隆年间，党员" * 3, None),     # Simplified text using 著 乾: left alone
        ("党员人数达到" * 20 + "黨", "党员人数达到" * 20 + "党"),   # one Traditional-only character in Simplified
        ("", None),
    ],
)
def test_to_simplified(text, expected):
    assert to_simplified(text) == expected


@pytest.mark.parametrize("encoding", ["utf-8", "big5"])
def test_traditional_gives_the_claims_of_simplified(tmp_path, encoding):
    (tmp_path / "t.txt").write_bytes(TRAD.encode(encoding))
    (tmp_path / "s.txt").write_text(SIMP, encoding="utf-8")
    trad = api.extract([tmp_path / "t.txt"]).frame
    simp = api.extract([tmp_path / "s.txt"]).frame
    assert len(simp) == 2
    assert trad[KEY].values.tolist() == simp[KEY].values.tolist()
    source = read_source(tmp_path / "t.txt")
    assert source.text == TRAD and source.analysis_text == SIMP
    for row in trad.itertuples():   # offsets slice the original, number and sentence quote it
        assert TRAD[row.start:row.end] == row.number
        assert row.sentence in TRAD
        assert row.phrase in TRAD     # the phrase as written; `metric` is the Simplified canonical name
    assert trad["unit"].tolist() == ["個", "名"]  # units as written, folding to the Simplified ones
    assert [fold(u) for u in trad["unit"]] == simp["unit"].tolist()


def test_region_and_unit_as_written_rank_with_simplified_reports(tmp_path):
    (tmp_path / "t.txt").write_text("同德縣工作綜述\n\n全縣評定五星級黨支部25個。\n", encoding="utf-8")
    (tmp_path / "s.txt").write_text("同德县工作综述\n\n全县评定五星级党支部30个。\n", encoding="utf-8")
    (tmp_path / "u.txt").write_text("贵德县工作综述\n\n全县评定五星级党支部12个。\n", encoding="utf-8")
    frame = api.extract([tmp_path]).frame
    assert dict(zip(frame["doc_id"], frame["region"])) == {"s": "同德县", "t": "同德縣", "u": "贵德县"}
    ranked = api.compare(frame, "五星级党支部", agg="max")
    assert ranked[["region", "value", "unit"]].values.tolist() == [["同德县", 30, "个"], ["贵德县", 12, "个"]]
    assert fold("乾县") == "乾县"  # a character Simplified text uses too is kept


def test_a_region_named_in_short_is_written_in_the_text_s_characters(tmp_path):
    # the text writes only 山東 and 濱海; the regions (山东省, 滨海新区) take its characters (山東省, 濱海新區)
    (tmp_path / "a.txt").write_text("山東選派第一書記綜述\n\n近年來,山東擇優遴選2567名村黨組織書記。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("天津濱海新區工作綜述\n\n濱海新區共有黨員12萬名。\n", encoding="utf-8")
    frame = api.extract([tmp_path]).frame
    assert dict(zip(frame["doc_id"], frame["region"])) == {"a": "山東省", "b": "濱海新區"}


def test_segment_quotes_the_original(tmp_path):
    (tmp_path / "t.txt").write_text(TRAD, encoding="utf-8")
    [(doc_id, sentences)] = list(api.segment([tmp_path / "t.txt"]))
    tokens = [t for s in sentences for t in s.tokens]
    assert all(TRAD[t.start:t.end] == t.text for t in tokens)
    assert "五星級黨支部" in [t.text for t in tokens] or "黨支部" in "".join(t.text for t in tokens)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_conversion_keeps_the_length(text):
    converted = to_simplified(text)
    assert converted is None or len(converted) == len(text)


def test_a_category_takes_its_group_as_written(tmp_path):
    (tmp_path / "t.txt").write_text("上海市黨內統計公報\n\n全市黨員中,35歲及以下48.5萬名,占26.6%。\n", encoding="utf-8")
    frame = api.extract([tmp_path]).frame
    assert frame["metric"].tolist() == ["35岁及以下党员"] * 2
    assert frame["phrase"].tolist() == ["35歲及以下黨員"] * 2


def test_a_character_whose_simplified_form_is_rare_stays_as_written():
    # 篢's Simplified form (𬕂) lies outside the common plane: Simplified text and the registry write 篢
    assert to_simplified("阳西县织篢镇鎮域面积") == "阳西县织篢镇镇域面积"


def test_a_phrase_put_together_takes_the_characters_its_sentence_writes(tmp_path):
    # 距县城距离 is made by pbmine, not cut from the text: each character as the sentence writes it
    (tmp_path / "t.txt").write_text("興國縣茶園鄉概況\n\n鄉政府駐地距離縣城35公里。\n", encoding="utf-8")
    frame = api.extract([tmp_path]).frame
    assert frame["metric"].tolist() == ["距县城距离"]
    assert frame["phrase"].tolist() == ["距縣城距離"]


def test_a_stacked_tables_label_is_quoted_as_written(tmp_path):
    # the label stands on the line above the figure (a table pasted one cell a line): quoted from there
    (tmp_path / "t.txt").write_text("上海市生產總值\n\n總量\n\n(億元)\n\n地區生產總值\n\n19349.31\n\n第一產業\n\n34.52\n\n"
                                    "第二產業\n\n4452.78\n", encoding="utf-8")
    frame = api.extract([tmp_path]).frame
    assert frame["metric"].tolist() == ["地区生产总值", "第一产业", "第二产业"]
    assert frame["phrase"].tolist() == ["地區生產總值", "第一產業", "第二產業"]
