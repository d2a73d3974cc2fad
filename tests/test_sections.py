"""Lines, headings and sentences keep their offsets into the document."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pbmine.sections import split_document


def test_sentences_and_offsets():
    text = "市南区\n\n突出示范引领。形成调研报告 91 篇；完成“微心愿”874 件！\n海棠区委组织部:\n"
    doc = split_document("d", text)
    assert [s.text for s in doc.sentences] == ["市南区", "突出示范引领。", "形成调研报告 91 篇；",
                                              "完成“微心愿”874 件！", "海棠区委组织部:"]
    for s in doc.sentences:
        assert text[s.start:s.end] == s.text
    headings = [ln.stripped for ln in doc.lines if ln.looks_like_heading]
    assert headings == ["市南区", "海棠区委组织部:"]


@given(st.text(max_size=200))
def test_any_text_splits_cleanly(text):
    doc = split_document("d", text)
    for s in doc.sentences:
        assert text[s.start:s.end] == s.text and s.text.strip()


def hard_wrap(paragraph: str, width: int) -> str:
    """The paragraph cut into lines of `width` columns (a Chinese character two, a digit one), as a
    PDF's text or a forum's copy is."""
    lines, line, used = [], "", 0
    for ch in paragraph:
        w = 2 if "\u3000" <= ch <= "\uffef" else 1
        if used + w > width:
            lines.append(line)
            line, used = "", 0
        line, used = line + ch, used + w
    return "\n".join(lines + [line])


REVIEW = ("五年来,面对复杂多变的宏观经济形势和艰巨繁重的改革发展稳定任务,我们在市委、市政府和县委的坚强领导下,"
          "沉着应对,砥砺奋进,圆满完成了十二五任务目标。截至2016年末,全县地方生产总值完成96.4亿元,是2011年的"
          "1.37倍;规模以上工业增加值完成52.1亿元;全社会固定资产投资完成59.4亿元,全县经济总体实力迈上了新台阶。")
WRAPPED = "一、过去五年工作回顾\n" + hard_wrap(REVIEW, 60) + "\n二、2017年工作安排\n"


@pytest.mark.parametrize("text,paragraphs", [
    # a text hard-wrapped at one width (counting a Chinese character as two columns): its wrapped
    # lines are one paragraph, which keeps the line breaks and the offsets
    (WRAPPED, ["一、过去五年工作回顾", hard_wrap(REVIEW, 60), "二、2017年工作安排", ""]),
    # a page setting each figure on a line of its own: the figure's line and its neighbours are one
    ("全年地区生产总值增长\n3.5%\n左右,城镇新增就业\n25.1\n万人。\n", ["全年地区生产总值增长\n3.5%\n左右,城镇新增就业\n25.1\n万人。", ""]),
    # negatives: a table's rows, and lines ending their sentences, stay lines of their own
    ("全年地区生产总值增长3.5%。\n2020\n", None),
    ("指标 | 指标值 | 同比增长\n地区生产总值的全年总量 | 4000.5 | 10.0\n第一产业增加值的全年总量 | 153.6 | 11.0\n"
     "第二产业增加值的全年总量 | 3235.9 | 9.8\n", None),
    ("全县建成五星级党支部一百二十个,四星级党支部二百个。\n全县建成五星级党支部一百二十个,四星级党支部二百个。\n"
     "全县建成五星级党支部一百二十个,四星级党支部二百个。\n", None),
])
def test_a_hard_wrapped_paragraph_is_one(text, paragraphs):
    doc = split_document("d", text)
    expected = paragraphs if paragraphs is not None else text.split("\n")
    assert [ln.text for ln in doc.lines] == expected
    assert all(text[ln.start:ln.end] == ln.text for ln in doc.lines)
