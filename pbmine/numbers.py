"""Read numerals as written in Chinese reports: 两, 一百零八, 1.5万, 2千零30万, １２３.

Only the value is computed here; where a number stands and what it counts is
the business of :mod:`pbmine.quantities`. Arithmetic is done in Decimal so
that 1.1万 is 11000, not 11000.000000000002.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation, Overflow

DIGITS = {
    "零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2,
    "三": 3, "叁": 3, "參": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}

CN_DIGIT_CHARS = "".join(DIGITS)

# One-to-one folding of full-width digits and signs, so offsets survive.
WIDTH_FOLD = str.maketrans(
    "０１２３４５６７８９．，％＋－～：／",
    "0123456789.,%+-~:/",
)
_FOLD_PAIRS = tuple((chr(wide), chr(narrow)) for wide, narrow in WIDTH_FOLD.items())


def fold_width(text: str) -> str:
    """`text.translate(WIDTH_FOLD)`, a character for a character, four times as fast on a
    sentence: a search for each full-width mark, and a replace only for those it holds."""
    for wide, narrow in _FOLD_PAIRS:
        if wide in text:
            text = text.replace(wide, narrow)
    return text


_ARABIC = re.compile(r"\d+(?:\.\d+)?")
_SEPARATORS = re.compile(r"[,，\s\u00a0\u3000]")
_PLAIN_ARABIC = re.compile(r"[0-9]+(?:\.[0-9]+)?")


class NumberError(ValueError):
    """The text is not a numeral this reader understands."""


def _tokens(text: str):
    """Split a numeral into Arabic runs, Chinese digits and unit characters."""
    i = 0
    while i < len(text):
        m = _ARABIC.match(text, i)
        if m:
            yield "num", Decimal(m.group()), True
            i = m.end()
            continue
        ch = text[i]
        if ch in DIGITS:
            yield "digit", Decimal(DIGITS[ch]), ch in "零〇"
        elif ch in SMALL_UNITS:
            yield "small", Decimal(SMALL_UNITS[ch]), False
        elif ch in BIG_UNITS:
            yield "big", Decimal(BIG_UNITS[ch]), False
        elif ch in "点點":
            yield "point", Decimal(0), False
        else:
            raise NumberError(f"not a numeral character: {ch!r} in {text!r}")
        i += 1


def parse_number(text: str) -> float:
    """Value of a numeral: '1300' 1300, '两' 2, '一百零八' 108, '1.5万' 15000,
    '三万五' 35000, '2706亿' 270600000000, '12 306' 12306, '１２３' 123.

    A numeral past float range gives inf; one past Decimal's (a million digits) a NumberError."""
    if len(text) <= 28 and _PLAIN_ARABIC.fullmatch(text):
        return float(text)  # 1300, 98.5 (two thirds of all): within Decimal's 28 digits, the same value
    try:
        return _parse(text)
    except (InvalidOperation, Overflow) as exc:
        raise NumberError(f"numeral out of range ({len(text)} characters)") from exc


def _parse(text: str) -> float:
    s = _SEPARATORS.sub("", text.translate(WIDTH_FOLD))
    if not s:
        raise NumberError("empty numeral")
    total = section = Decimal(0)
    number: Decimal | None = None
    last_unit: Decimal | None = None  # for the colloquial 三万五 = 35000
    zero_seen = False
    digit_run: list[int] = []  # 二〇二四 read digit by digit
    decimals: list[int] | None = None
    for kind, value, is_zero in _tokens(s):
        if decimals is not None:
            if kind != "digit":
                raise NumberError(f"bad decimal numeral {text!r}")
            decimals.append(int(value))
            continue
        if kind == "num":
            number, zero_seen, digit_run = value, False, []
        elif kind == "digit":
            if is_zero:
                zero_seen = True
                digit_run.append(0)
                continue
            digit_run.append(int(value))
            number = value
        elif kind == "point":
            decimals = []
            continue
        elif kind == "small":
            section += (number if number is not None else Decimal(1)) * value
            number, last_unit, zero_seen, digit_run = None, value, False, []
        else:  # big unit
            if number is None and section == 0 and total == 0:
                number = Decimal(1)  # 近万元, 上万名: a bare 万 is ten thousand, as a bare 百 is a hundred
            section += number or 0
            if value > 10**4:
                total = (total + section) * value
            else:
                total += section * value
            section, number, last_unit, zero_seen, digit_run = Decimal(0), None, value, False, []
    if decimals is not None:
        frac = Decimal("0." + "".join(map(str, decimals))) if decimals else Decimal(0)
        number = (number or 0) + frac
    elif len(digit_run) > 1 and last_unit is None:
        number = Decimal("".join(map(str, digit_run)))  # 二〇二四, 一二三
    elif number is not None and last_unit is not None and not zero_seen and len(digit_run) == 1:
        number *= last_unit / 10  # 三万五 -> 5 * 1000, 一百五 -> 5 * 10
    return float(total + section + (number or 0))
