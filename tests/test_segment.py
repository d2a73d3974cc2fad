"""Segmentation keeps the domain vocabulary whole, offsets right, and cuts as jieba does."""
from __future__ import annotations

import logging

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pbmine.readers import read_sources
from pbmine.sections import split_document
from pbmine.segment import Segmenter, get_segmenter, read_userdict

from conftest import ROOT


@pytest.mark.parametrize("word", ["五星级党支部", "党员先锋岗", "双报到", "模范机关", "好评率", "在职党员", "和美乡村"])
def test_domain_words_stay_whole(word):
    text = f"推动{word}工作"
    assert word in [t.text for t in get_segmenter().tokens(text)]


def test_offsets():
    text = "命名 51 个五星级党支部"
    for t in get_segmenter().tokens(text, offset=10):
        assert text[t.start - 10:t.end - 10] == t.text


def test_segmenter_is_built_once():
    assert get_segmenter() is get_segmenter() is get_segmenter(()) is get_segmenter([])
    assert get_segmenter(("好评率提升",)) is not get_segmenter()


def test_extra_words_stay_whole():
    assert "党员先锋指数" not in [t.text for t in get_segmenter().tokens("党员先锋指数达到90分")]
    assert "党员先锋指数" in [t.text for t in get_segmenter(("党员先锋指数",)).tokens("党员先锋指数达到90分")]


@pytest.mark.parametrize("text, tokens", [
    ("2025-03-05召开", ["2025", "-", "03", "-", "05", "召开"]),   # a date: cut at each mark, as jieba does
    ("好评率98.5%", ["好评率", "98.5%"]),                          # a percentage stays whole
    ("见GUIDELINE.md", ["见", "GUIDELINE", ".", "md"]),
])
def test_runs_of_letters_and_digits_cut_as_jieba(text, tokens):
    assert [t.text for t in get_segmenter().tokens(text)] == tokens


@pytest.mark.parametrize("word, tag", [("五星级党支部", "n"), ("党支部", "n"), ("建成", "v"), ("个", "q"),
                                       ("红帆", "x"), ("2025", "x")])
def test_tags_are_the_dictionary_tags(word, tag):
    toks = {t.text: t.tag for t in get_segmenter().tokens("建成红帆五星级党支部2025个，党支部")}
    assert toks[word] == tag


class JiebaReference:
    """The segmenter as it was written on jieba: the oracle rjieba must match."""

    def __init__(self):
        jieba = pytest.importorskip("jieba")
        import jieba.posseg

        jieba.setLogLevel(logging.WARNING)
        self.tokenizer = jieba.Tokenizer()
        self.tags = dict(jieba.posseg.dt.word_tag_tab)
        for word, freq, tag in read_userdict():
            self.tokenizer.add_word(word, freq, tag)
            self.tags[word] = tag

    def tokens(self, text):
        return [(w, s, e, self.tags.get(w, "x")) for w, s, e in self.tokenizer.tokenize(text)]


@pytest.fixture(scope="module")
def reference():
    return JiebaReference()


def _sentences():
    folders = [ROOT / "seeds", ROOT / "tests/data/reports", ROOT / "tests/data/blind/reports",
               ROOT / "tests/data/real/reports"]
    for src in read_sources(folders):
        yield from (s.text for s in split_document(src.doc_id, src.text).sentences)


def test_same_tokens_and_tags_as_jieba_on_every_report(reference):
    seg = get_segmenter()
    differ = [s for s in _sentences() if [tuple(t) for t in seg.tokens(s)] != reference.tokens(s)]
    assert differ == []


# Runs of letters, digits and marks between words: where rjieba's cut needed the fix-up.
# (Made-up strings of single hanzi can differ: jieba's added words shift its total
# frequency, so a near tie such as 点点点支 or 个个个1-10月 falls the other way. So every hanzi
# piece here is a word or a measure word after its number. Real text: the test above.)
_PIECES = st.sampled_from(list("12309.-%+#&_ abcXYZ，。、（）") + [
    "2025-03-05", "1-10月", "98.5%", "3.5.6", "v1.2-beta", "好评率", "五星级党支部", "建成", "3个", "20名",
    "党员", "社区", "2024年", "达到", "万元", "同比增长"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=25).map("".join))
def test_same_tokens_and_tags_as_jieba_on_any_text(reference, text):
    assert [tuple(t) for t in get_segmenter().tokens(text)] == reference.tokens(text)


def test_a_new_segmenter_sees_its_own_words_only():
    assert Segmenter(("甲乙丙丁戊",)).tokens("甲乙丙丁戊")[0].text == "甲乙丙丁戊"
    assert get_segmenter().tokens("甲乙丙丁戊")[0].text != "甲乙丙丁戊"
