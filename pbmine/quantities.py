"""Find quantities on raw characters: number, qualifier, measure word.

jieba splits ``1300 / 余名`` and ``40 / 多万家``, so quantities are matched on
the characters of the text, before any segmentation, with a grammar built
from the data files (units, qualifiers, context words). Each quantity keeps
the offsets of its number in the original text; full-width digits are folded
one character for one, so offsets never move.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import Lexicon, default_lexicon
from .numbers import CN_DIGIT_CHARS, NumberError, fold_width, parse_number

CLAUSE_END = set("，。！？；,!?;\n")

_AR = r"\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0]\d{3})+(?![\d.])|\d+(?:\.\d+)?"
_CN = "[一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾兩貳百千万][零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億兩貳]*"
_CN_RX = re.compile(_CN)
_FINANCIAL = set("壹贰叁肆伍陆柒捌玖拾貳")  # cheque numerals: a number only with another numeral or a 万
_BARE = "百千万萬"  # a numeral that opens with these needs a word before it (近百名)
_SP = r"[ \u00a0\u3000]?"
_MULT = r"(?:千万|百万|千亿|万亿|[万亿千百萬億])"
_CN_SMALL = "一二两三四五六七八九十"
# What follows 万 in one number: 1万3千, 2万5千, 3万4000 (not 5万|3个村: a digit alone starts another count)
_TAIL = r"\d{4}(?![\d万萬亿億.])|\d{1,3}[千百](?![万萬亿億])|[一二两三四五六七八九][千百](?![万萬亿億])"
_FIRST = "[\\d" + _CN[1:_CN.index("]")] + "]"   # the first character of any number form (百分之 too)


def _number(tag: str) -> str:
    """A numeral with its inner qualifier and multiplier: 1300, 40多万, 3 万余, 十余."""
    return (rf"(?P<{tag}>(?P<{tag}_core>{_AR}|{_CN})(?:{_SP}(?P<{tag}_in1>[余多]|(?<=[十0])几))?"
            rf"(?:{_SP}(?P<{tag}_mult>{_MULT})(?:(?<=[万萬])(?P<{tag}_tail>{_TAIL}))?)?(?:{_SP}(?P<{tag}_in2>[余多]))?)")


@dataclass
class Quantity:
    """A number that counts or measures something, as found in the text."""

    start: int               # the number as written (text[start:end]), GUIDELINE's `number`
    end: int
    outer_start: int         # with prefix qualifier
    outer_end: int           # with unit and suffix qualifier
    value: float
    unit: str
    kind: str
    qualifier: str | None = None
    value_high: float | None = None
    direction: str | None = None
    unit_text: str = ""
    column: str | None = None  # a table cell's share column (构成, 比重): part of what it measures
    row: str | None = None     # a stacked table's row label (地区生产总值 over 19349.31): what it measures


class Suffixes:
    """A word list compiled to find the longest of its words that ends at a position.

    One regex search over the few characters before the position: every match
    ends there (\\Z at endpos), so the leftmost is the longest.
    """

    def __init__(self, words):
        words = sorted(set(words), key=len, reverse=True)
        self.longest = len(words[0]) if words else 0
        self.rx = re.compile("(?:" + "|".join(map(re.escape, words)) + r")\Z") if words else None

    def ending_at(self, text: str, pos: int) -> str | None:
        if self.rx is None:
            return None
        m = self.rx.search(text, max(0, pos - self.longest), pos)
        return m.group() if m else None


class Grammar:
    """The compiled quantity grammar for one lexicon."""

    def __init__(self, lex: Lexicon):
        self.lex = lex
        g = lex.grammar
        units = sorted(lex.units, key=len, reverse=True)
        unit_re = "|".join(map(re.escape, units))
        after = sorted(lex.qualifiers_after, key=len, reverse=True)
        seps = "|".join(map(re.escape, sorted(g["number"]["range_separators"], key=len, reverse=True)))
        suffix = rf"(?:{_SP}(?P<suffix>{'|'.join(map(re.escape, after))}))?"  # (3.5% 左右, 3.5%\n左右 read flat)
        ranged = (rf"(?:{_number('lo')}{_SP}(?:(?P<lo_unit>{unit_re}){_SP})?(?P<sep>{seps}){_SP})?"
                  rf"{_number('hi')}{_SP}(?P<unit>{unit_re}){suffix}")
        percent_word = rf"百分之(?P<pw>{_CN}|{_AR}){suffix.replace('suffix', 'pw_suffix')}"
        tenths = rf"(?P<tenth>[{_CN_SMALL}]|\d)成(?P<tenth_suffix>{'|'.join(map(re.escape, after))})?"
        fraction = rf"(?P<fden>{_CN}|{_AR})分之(?P<fnum>{_CN}|{_AR})(?P<frac_suffix>{'|'.join(map(re.escape, after))})?"
        # Every form opens with a digit or a Chinese numeral: the lookahead lets the
        # engine skip other positions at once (2-3x faster, same matches).
        self.pattern = re.compile(rf"(?={_FIRST})(?:{percent_word}|{fraction}|{tenths}|{ranged})")
        self.before = Suffixes(lex.qualifiers_before)
        self.not_before = Suffixes(lex.not_before)
        self.not_after = Suffixes(g["number"]["not_after"])
        self.joiners = set(g["number"]["joiners"])
        self.formulas = tuple(g["number"]["formulas"])
        self.any_formula = re.compile("|".join(map(re.escape, self.formulas))) if self.formulas else None
        self.determiners = tuple(g["number"]["determiners"])
        self.rank_before = Suffixes(g["number"]["rank_before"])
        self.rank_units = tuple(g["number"]["rank_units"])
        self.comparatives = Suffixes(g["number"]["comparatives"])
        self.signs = dict(g["number"]["signs"])
        self.signed_level_after = frozenset(g["number"]["signed_level_after"])
        self.within_clause = {w: q for q, words in lex.qualifiers_within.items() for w in words}
        self.max_quoted = int(g["number"]["max_quoted_name"])
        self.speech_marks = g["number"]["speech_marks"]
        self.slogan_numeral = bool(g["number"]["slogan_if_followed_by_numeral"])
        self.slogan_quote = bool(g["number"].get("slogan_if_followed_by_quote", False))
        self.bare_after = dict(g["number"]["bare_multiplier_after"])
        self.bare_words = Suffixes(self.bare_after)
        self.bounds = tuple(g["threshold"]["bound_words"])
        self.max_gap_to_de = int(g["threshold"]["max_gap_to_de"])
        self.share_bound_claims = tuple(g["threshold"].get("share_bound_claims", ()))
        self.category_nouns = tuple(g["threshold"]["category_nouns"])
        self.share_subject = re.compile(g["threshold"]["share_subject"])
        self.unit_joins = {u: tuple(after) for u, after in g["number"]["unit_joins"].items()}
        self.address_units = tuple(g["number"]["address_units"])
        self.address_next = re.compile(rf"[0-9一二三四五六七八九十]+(?:{'|'.join(g['number']['address_next'])})")
        self.address_before = tuple(g["number"]["address_before"])
        self.words_ending_in_yi = tuple(g["number"]["words_ending_in_yi"])
        self.category_noun_continues = set(g["threshold"]["category_noun_continues"])
        ch = g["change"]
        self.change = {w: "up" for w in ch["up"]} | {w: "down" for w in ch["down"]}
        self.change_words = Suffixes(self.change)
        self.change_to = tuple(ch["to"])


@lru_cache(maxsize=8)
def grammar_for(lex: Lexicon | None = None) -> Grammar:
    return Grammar(lex or default_lexicon())


def _protected_spans(text: str, g: Grammar) -> list[tuple[int, int]]:
    """Spans where numbers are names, not counts: short quotations, book titles, formulas."""
    spans = []
    for m in re.finditer(r"“[^“”\n]*”|「[^「」\n]*」|‘[^‘’\n]*’|\"[^\"\n]*\"", text):
        if m.end() - m.start() - 2 <= g.max_quoted and not any(ch in g.speech_marks for ch in m.group()):
            spans.append((m.start(), m.end()))
    for m in re.finditer(r"《[^《》\n]*》|〈[^〈〉\n]*〉", text):
        spans.append((m.start(), m.end()))
    if g.any_formula is None or not g.any_formula.search(text):
        return spans
    for formula in g.formulas:
        at = text.find(formula)
        while at >= 0:
            spans.append((at, at + len(formula)))
            at = text.find(formula, at + 1)
    return spans


def _inside(spans, start, end) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _ends_with(text: str, pos: int, words: Suffixes) -> str | None:
    """The longest word of `words` that ends at text[pos] (a space before pos is skipped)."""
    if pos > 0 and text[pos - 1] in " \u3000\u00a0":
        pos -= 1
    return words.ending_at(text, pos)


def find_quantities(text: str, lex: Lexicon | None = None) -> list[Quantity]:
    """Every quantity in `text` that can be a claim, in order of position."""
    g = grammar_for(lex)
    folded = fold_width(text)
    protected = None   # found on the first quantity: most sentences have none
    found: list[Quantity] = []
    for m in g.pattern.finditer(folded):
        q = _read_match(m, folded, g)
        if q is None:
            continue
        if protected is None:
            protected = _protected_spans(folded, g)
        if _inside(protected, q.start, q.outer_end):
            continue
        found.append(q)
    for q, nxt in zip(found, found[1:]):  # 分别提高1.8个和1.2个百分点: the unit is shared
        between = folded[q.outer_end:nxt.outer_start]
        if q.unit_text == "个" and nxt.unit == "百分点" and between.strip() in ("和", "、", "与", "及"):
            q.unit, q.kind, q.direction = nxt.unit, nxt.kind, nxt.direction
            change = _change_before(folded, q.outer_start, g)
            if change:  # 提高1.8个和1.2个百分点: both are changes
                for item in (q, nxt):
                    item.kind, item.direction = "growth", g.change[change]
        elif q.kind == "growth" and nxt.kind == "percent" and between.strip() in ("和", "、", "与", "及") \
                and not _change_before(folded, nxt.outer_start, g):
            nxt.kind, nxt.direction = q.kind, q.direction  # 分别增长8%和8.1%: the change word is shared
    return found


def _read_match(m: re.Match, text: str, g: Grammar) -> Quantity | None:
    """Turn one grammar match into a Quantity, or None when context says it is no claim."""
    lex = g.lex
    if m.group("pw") is not None:
        start, end = m.start(), m.end("pw")
        value = _value(m.group("pw")) if m.group("pw") != "百" else 100.0  # 百分之百
        unit, kind, unit_text = "%", "percent", "百分之"
        suffix = m.group("pw_suffix")
        lo = None
    elif m.group("fden") is not None:
        start, end = m.start(), m.end("fnum")
        den, num = _value(m.group("fden")), _value(m.group("fnum"))
        if not den or num is None:
            return None
        value = round(num / den * 100, 6)
        unit, kind, unit_text = "%", "percent", "分之"
        suffix = m.group("frac_suffix")
        lo = None
    elif m.group("tenth") is not None:
        start, end = m.start(), m.start() + 2
        value = _value(m.group("tenth")) * 10
        unit, kind, unit_text = "%", "percent", "成"
        suffix = m.group("tenth_suffix")
        lo = None
    else:
        u = lex.units[m.group("unit")]
        if not u.claim:
            return None
        unit, kind, unit_text = u.unit, u.kind, u.text
        lo = m.group("lo")
        start = m.start("lo") if lo else m.start("hi")
        end = m.end("hi")
        if lo and m.group("lo_unit") and lex.units[m.group("lo_unit")].unit != unit:
            return None  # 3个-5名: two different things, not a range
        suffix = m.group("suffix")
        core = m.group("hi_core")
        if core in g.determiners and not m.group("hi_mult") and not lo and kind != "multiple":
            return None  # 一个, 一批, 一次: a determiner, not a count (but 增加了一倍多 is a multiple)
        if len(core) == 1 and core in _FINANCIAL and not m.group("hi_mult"):
            return None  # 伍家岗: a financial numeral alone is a name's character (壹万 is a number)
        if u.needs_before and not any(w in text[:start] for w in u.needs_before):
            return None  # 40岁以下: an age is a claim only as a group's age
        if u.text in g.rank_units and _ends_with(text, m.start(), g.rank_before):
            return None  # 排名后5位: a rank
        if text.startswith(g.unit_joins.get(u.text, ()), m.end("unit")):
            return None  # 四节点, 4050人员: the measure word begins another word
        if u.text in g.address_units and _is_address(text, m.start(), m.end(), g):
            return None  # 8栋一单元, 家住社区7栋: where someone lives
        value = _value(m.group("hi_core"), (m.group("hi_mult") or "") + (m.group("hi_tail") or ""))
    if value is None:
        return None
    bare_word = None
    numeral = m.group("pw") or m.group("hi_core") or ""
    if numeral and numeral[0] in _BARE and numeral != "百" and m.group("fden") is None:  # 百分之百
        bare_word = _ends_with(text, start, g.bare_words)
        if bare_word is None:
            return None  # 千家万户: not a number
    outer_end = m.end()
    # context before the number
    prev = text[start - 1] if start else ""
    sign = None
    if prev in g.signs and (start < 2 or not (text[start - 2].isascii() and text[start - 2].isalnum())):
        sign = g.signs[prev]  # | +12.4%: a signed change, not a formula like 1+N
    elif prev in g.joiners or prev.isascii() and prev.isalnum():
        return None
    if _ends_with(text, start, g.not_after):
        return None
    if text.startswith("一", start) and text.endswith(g.words_ending_in_yi, 0, start):
        return None  # 唯一|一个, 逐一: the 一 ends a word
    nxt = text[outer_end] if outer_end < len(text) else ""
    if nxt in g.joiners and outer_end + 1 < len(text) and text[outer_end + 1].isdigit():
        return None
    if _CN_RX.fullmatch(m.group("hi_core") or "x"):
        if g.slogan_numeral and nxt and nxt in CN_DIGIT_CHARS and not _quantity_follows(text, outer_end, g):
            return None  # 四个一, 五位一体 (but 两批六十名 is two counts)
        if g.slogan_quote and nxt in ("“", "「", "\""):
            return None  # 三个“聚焦”
    if suffix == "多" and outer_end < len(text) and "\u4e00" <= text[outer_end] <= "\u9fff":
        suffix, outer_end = None, outer_end - 1  # 10个|多功能室: 多 starts the next word
    if suffix in g.bounds and _is_category_bound(text, outer_end, g, kind):
        return None
    if suffix in g.bounds and kind != "count" and g.share_subject.search(text, _clause_start(text, start), start):
        return None  # 90%的村达到30万元以上: the bound the share reached, not a sum
    if text[outer_end:outer_end + 1] == "的" and _ends_with(text, start, g.comparatives):
        return None  # 满意率低于85%的23个社区: a bound that defines a category
    after = text[outer_end + 1:outer_end + 2]
    if kind == "money" and text.startswith(g.category_nouns, outer_end) and after not in g.category_noun_continues:
        return None  # 超百万元村7个: a money figure naming a kind of village, not a sum
    if lo and kind == "money" and text.startswith("的", outer_end) and text.startswith(g.category_nouns, outer_end + 1):
        return None  # 5-10万元的村占比40.1%: a band of money naming a kind of village, not a sum
    qualifier = None
    value_high = None
    if lo:
        lo_value = _value(m.group("lo_core"), (m.group("lo_mult") or m.group("hi_mult") or "") + (m.group("lo_tail") or ""))
        if lo_value is None or lo_value > value:
            return None
        value, value_high = lo_value, value
    inside = m.group("hi_in1") or m.group("hi_in2")
    if inside:
        qualifier = lex.qualifiers_inside[inside]
    word = _ends_with(text, start, g.before)
    outer_start = start
    if word and not _ends_with(text, start, g.not_before):
        qualifier = qualifier or lex.qualifiers_before[word]
        outer_start = text.rfind(word, 0, start)
    if suffix:
        qualifier = lex.qualifiers_after[suffix]
    if bare_word:
        qualifier = g.bare_after[bare_word]
        outer_start = text.rfind(bare_word, 0, start)
    if qualifier is None and text[:start].endswith("的"):
        clause = text[_clause_start(text, start):start]
        for word, label in g.within_clause.items():
            at = clause.rfind(word)
            if at >= 0 and len(clause) - at <= len(word) + 8:
                qualifier = label  # 约占全国的六成
    direction = None
    if sign and value_high is None and start >= 2 and text[start - 2] in g.signed_level_after:
        value, sign, start = -value, None, start - 1  # 自然增长率为-3.19‰: a level below zero
        outer_start = min(outer_start, start)
    if sign:
        direction = sign
        if kind == "percent":
            kind = "growth"
    change = None if sign else _change_before(text, outer_start, g)
    if change and kind in ("percent", "multiple"):
        direction = g.change[change]
        if kind == "percent":
            kind = "growth"
    elif change and unit == "倍":
        direction = g.change[change]
    return Quantity(start, end, outer_start, outer_end, value, unit, kind, qualifier,
                    value_high, direction, unit_text)


def _is_address(text: str, start: int, end: int, g: Grammar) -> bool:
    if g.address_next.match(text, end):
        return True
    clause = text[_clause_start(text, start):start]
    return any(w in clause[-12:] for w in g.address_before)


def _quantity_follows(text: str, pos: int, g: Grammar) -> bool:
    """A numeral at `pos` that is itself a count with a measure word (两批|六十名), not 一 alone."""
    m = g.pattern.match(text, pos)
    return bool(m and m.group("hi_core") and m.group("hi_core") not in g.determiners)


def _value(core: str, mult: str | None = None) -> float | None:
    try:
        return parse_number(core + (mult or ""))
    except NumberError:
        return None


def _clause_start(text: str, pos: int) -> int:
    i = pos - 1
    while i >= 0 and text[i] not in CLAUSE_END:
        i -= 1
    return i + 1


def _is_category_bound(text: str, pos: int, g: Grammar, kind: str) -> bool:
    """以上/以下 that bounds a category (有20名以上职工的企业, 5000万元以上项目, 2000万元及以上的)."""
    if kind == "percent" and text.startswith(g.share_bound_claims, pos):
        return False  # 90%以上为个体工商户: how large a share is, not a category
    if kind != "count" and pos < len(text) and "\u4e00" <= text[pos] <= "\u9fff" and text[pos] != "的":
        return True  # 5000万元以上项目: a money or measure bound followed by the noun it bounds
    window = []
    for ch in text[pos: pos + g.max_gap_to_de + 1]:
        if ch in CLAUSE_END or ch in "、":
            break
        window.append(ch)
    w = "".join(window)
    return "的" in w or bool(g.pattern.search(w))


def _change_before(text: str, pos: int, g: Grammar) -> str | None:
    """The change verb right before a number (增长8.8%, 同比下降4.6%), unless it says 'to' (提升至60%)."""
    p = pos
    if p > 0 and text[p - 1] in " \u3000":
        p -= 1
    for w in g.change_to:
        if text.startswith(w, p - len(w)):
            return None
    word = _ends_with(text, p, g.change_words)
    return word
