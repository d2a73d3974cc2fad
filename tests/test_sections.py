"""Lines, headings and sentences keep their offsets into the document."""
from __future__ import annotations

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
