"""The numeral reader: a table of written forms, and agreement with cn2an on generated numbers."""
from __future__ import annotations

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pbmine.numbers import NumberError, parse_number

TABLE = [
    ("1300", 1300), ("99.83", 99.83), ("1.5万", 15000), ("3万", 30000), ("40万", 400000),
    ("2706亿", 270600000000), ("1.2亿", 120000000), ("1,100万", 11000000), ("12 306", 12306),
    ("１２３", 123), ("１.５", 1.5), ("两", 2), ("二", 2), ("十", 10), ("十二", 12), ("二十五", 25),
    ("一百零八", 108), ("三千", 3000), ("三万五", 35000), ("一百五", 150), ("一万零一十二", 10012),
    ("一万零十二", 10012), ("一万五千亿", 1500000000000), ("二十万亿", 20000000000000),
    ("3万4000", 34000), ("2千零30万", 20300000), ("1.1万", 11000), ("四千零五", 4005),
    ("一亿零五百万", 105000000), ("二〇二四", 2024), ("三点五", 3.5), ("两百", 200), ("两千", 2000),
    ("壹佰贰拾叁", 123), ("兩", 2), ("九十九", 99), ("十万", 100000), ("一千二百万", 12000000),
    # a bare multiplier is one of it (近万元, 上万名, 超亿元), as a bare 百 is a hundred
    ("万", 10000), ("萬", 10000), ("亿", 100000000), ("百", 100), ("千", 1000),
]


@pytest.mark.parametrize("text,value", TABLE)
def test_reads(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "abc", "五星", "三亚", "百分之"])
def test_rejects(text):
    with pytest.raises(NumberError):
        parse_number(text)


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_agrees_with_cn2an(n):
    """Whatever cn2an writes for n, pbmine reads back as n (and cn2an reads the same)."""
    written = cn2an.an2cn(n)
    assert parse_number(written) == n
    assert cn2an.cn2an(written, "smart") == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=99999), st.sampled_from(["万", "亿"]))
def test_digits_with_multiplier(n, mult):
    assert parse_number(f"{n}{mult}") == n * (10**4 if mult == "万" else 10**8)



@pytest.mark.parametrize("text", ["9" * 10**6, "1" * 10**6 + "万", "1" * 999_999 + ".5", "1" * 500_000 + "亿亿",
                                  "9" * 400, "一" * 10**5, "1" * 10**4 + "点" + "五" * 10**4])
def test_a_huge_numeral_gives_a_float_or_number_error_never_another_error(text):
    """Issue 8, defect 8: a million digits raised decimal.Overflow out of the whole document.

    A value past float range comes back as inf, which extract drops (MAX_VALUE)."""
    try:
        value = parse_number(text)
    except NumberError as err:
        assert "out of range" in str(err)
    else:
        assert isinstance(value, float) and value > 1e10


def test_a_million_digits_is_out_of_range():
    with pytest.raises(NumberError, match="out of range"):
        parse_number("9" * 10**6)
