"""What a figure counts, read from its neighbours once the sentence's phrases are found.

A place that took a figure is where, not what (丰乐村50万元: the nearest figure of its unit that
counts something); a figure with nothing counted beside it counts what the nearest figure of its
unit in the paragraph counts; a phrase naming only a category (60岁以上) takes the group its
paragraph last counted (60岁以上党员). Called by ``extract.Extractor.document``.
"""
from __future__ import annotations

import re

from .lexicon import Lexicon
from .readers.traditional import fold
from .schema import Claim


def not_places(phrases: list[str | None], regions: list, quantities: list,
               unit_metrics: dict[str, str], surfaces: set[str],
               sentence: str = "", offset: int = 0, list_head: re.Pattern | None = None) -> list[str | None]:
    """丰乐村50万元、夏桐村15万元…村集体经济收入率先达到5万元: the place that took the figure is
    where, not what; what is the nearest figure of the same unit in the sentence whose phrase is not
    a place, else what the sentence names before its list of places (各村集体经济收入分别为:), else what
    its unit names (户数, 人口), else nothing (and the paragraph's last figure in that unit is used). A
    figure with no phrase at all is read the same way."""
    names = {r.name for r in regions if r is not None}
    names |= {p for p in phrases if p and all_places(p, surfaces)}  # 晋州市晋州镇秘家庄村: a chain
    out = list(phrases)
    for k, p in enumerate(phrases):
        if not p or p in names:
            others = [(abs(j - k), phrases[j]) for j in range(len(phrases))
                      if j != k and phrases[j] and phrases[j] not in names and quantities[j].unit == quantities[k].unit]
            out[k] = min(others)[1] if others else _list_head(sentence, offset, regions, list_head) \
                or unit_metrics.get(quantities[k].unit)  # 秘家庄村共有849口人
    return out


def _list_head(sentence: str, offset: int, regions: list, list_head: re.Pattern | None) -> str | None:
    """各村集体经济收入分别为:鸭子塘村9.8万元、…: the noun before the first place of the list, in its clause
    (``list_head``: the grammar's pattern of such a head, ending in a link word)."""
    starts = [r.start - offset for r in regions if r is not None and r.start is not None and r.start >= offset]
    if list_head is None or not starts or not sentence:
        return None
    m = list_head.fullmatch(re.split(r"[，,。；;！？]", sentence[:min(starts)])[-1].strip())
    return m.group(1) if m else None


def all_places(phrase: str, surfaces: set[str]) -> bool:
    for surface in sorted(surfaces, key=len, reverse=True):
        phrase = phrase.replace(surface, "")
    return not phrase


def from_neighbours(claims: list[Claim], lines: list[int], lex: Lexicon) -> list[Claim]:
    """丰乐村50万元、夏桐村15万元……村集体经济收入达到5万元: a figure with nothing counted beside it
    counts what the nearest figure of its unit in the same paragraph counts (the earlier one on a tie)."""
    by_key: dict[tuple[int, str], list[int]] = {}
    for k, c in enumerate(claims):
        if c.phrase:
            by_key.setdefault((lines[k], c.unit), []).append(k)
    for k, c in enumerate(claims):
        if c.phrase:
            continue
        near = by_key.get((lines[k], c.unit))
        if near:
            j = min(near, key=lambda j: (abs(j - k), j > k))
            c.phrase, c.metric = claims[j].phrase, lex.canonical(claims[j].phrase)
    return claims


def with_group(claims: list[Claim], lines: list[int], lex: Lexicon) -> list[Claim]:
    """全镇党员中,有女党员359名…;60岁以上381名,占21%: a phrase that is only a category (an age band,
    a schooling) counts the group the paragraph last counted (60岁以上党员), or the group its
    sentence is framed by (全市党员中,35岁及以下48.5万名)."""
    category = lex.grammar["metric"]["category_only"]
    heads = lex.grammar["metric"]["shared_heads"]
    frames = lex.grammar["metric"]["frame_words"]  # 党员|中
    group: tuple[int, str, str] | None = None  # (paragraph, head, head as written) the paragraph last counted
    for k, c in enumerate(claims):
        phrase = c.phrase or ""
        if phrase and re.search(category, fold(phrase)):
            if group is None or group[0] != lines[k]:
                group = _frame(c, heads, frames, lines[k]) or group
            if group is not None and group[0] == lines[k]:
                c.phrase, c.metric = phrase + group[2], lex.canonical(c.metric + group[1])
            continue
        head = next((h for h in heads if c.metric.endswith(h)), None)
        if head is not None:
            group = (lines[k], head, phrase[-len(head):] if len(phrase) >= len(head) else head)
    return claims


def _frame(c: Claim, heads: list[str], frames: list[str], line: int) -> tuple[int, str, str] | None:
    """The group a sentence is framed by (全市党员中，…; 黨員中 in a Traditional report)."""
    simplified = fold(c.sentence or "")
    for head in heads:
        for frame in frames:
            at = simplified.find(head + frame)
            if at >= 0:
                return line, head, c.sentence[at:at + len(head)]
    return None
