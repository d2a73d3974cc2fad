"""Attach to each quantity the thing it counts (its metric) and the verb that introduces it.

The number may stand before the noun phrase (设立179个党员先锋岗) or after it
(打造示范点14个, 好评率达100%). Within one sentence the text between the
quantities is segmented once, quoted names are kept whole, and each quantity
looks forward for a noun phrase, then backward, then to its neighbours in a
list (53处、259栋老旧小区), then to a relative clause (…表现优秀的年轻干部) and
last to the predicate (有11家达到…标准). The word lists that steer this are in
``data/grammar.toml``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import QUOTES, Lexicon
from .quantities import Quantity
from .segment import Segmenter, Token

OPEN_QUOTES, CLOSE_QUOTES = "“‘「『《", "”’」』》"
CLAUSE_BREAK = set("，。！？；：,!?;:…\n（）()【】[]—")
LIST_BREAK = set("、")
NON_NOUN_TAGS = ("p", "c", "d", "r", "u", "f", "m", "t", "y", "e", "o")
MAX_PHRASE = 24
UNIT_GLOSS = re.compile(r"[（(][^）)]{1,10}[）)]")
FOOTNOTE = re.compile(r"[\[［〔]\d{1,2}[\]］〕]")


@dataclass
class Item:
    """A token, a quoted name or a quantity in the stream of one sentence."""

    text: str
    start: int
    end: int
    kind: str  # "word", "quote", "punct", "qty"
    tag: str = ""
    qty: int = -1  # index of the quantity for kind == "qty"


@dataclass
class Attachment:
    phrase: str | None
    action: str | None


class MetricFinder:
    """Finds metric phrases with one lexicon and one segmenter."""

    def __init__(self, lex: Lexicon, seg: Segmenter):
        g = lex.grammar["metric"]
        self.lex, self.seg = lex, seg
        self.linking = set(g["linking"]) | set(lex.qualifiers_before)
        self.change = set(lex.grammar["change"]["up"]) | set(lex.grammar["change"]["down"])
        self.actions = set(g["actions"])
        self.stops = set(g["stops"])
        self.not_metric = set(g["not_metric"])
        self.negations = set(g.get("negations", []))
        self.comparison = set(g.get("comparison", []))
        self.respectively = set(g.get("respectively", []))
        self.event_units = set(g.get("event_units", []))
        self.subset_words = tuple(g["subset_words"])
        self.frame_words = tuple(g["frame_words"])
        self.list_joiners = tuple(g["list_joiners"])
        self.from_words = tuple(lex.grammar["change"]["from"])
        self.relational = set(g["relational"])
        self.selection = set(g["selection"])
        self.measure_nouns = set(g["measure_nouns"])
        self.generic_measures = set(g["generic_measures"])
        self.bounds = tuple(lex.grammar["threshold"]["bound_words"])
        self.scope_initials = tuple(g["scope_initials"])
        self.township = re.compile(g["township_pattern"])
        self.places = None  # set per document: surfaces of place names, never a metric

    # -- the stream -----------------------------------------------------
    def stream(self, text: str, offset: int, quantities: list[Quantity]) -> list[Item]:
        """Words, quoted names, punctuation and quantities of a sentence, in order."""
        items: list[Item] = []
        pos = 0
        for qi, q in enumerate(quantities):
            items += self._words(text[pos: q.outer_start - offset], offset + pos)
            items.append(Item(text[q.outer_start - offset: q.outer_end - offset], q.outer_start,
                              q.outer_end, "qty", qty=qi))
            pos = q.outer_end - offset
        items += self._words(text[pos:], offset + pos)
        return items

    def _words(self, chunk: str, offset: int) -> list[Item]:
        items: list[Item] = []
        i = 0
        while i < len(chunk):
            ch = chunk[i]
            if ch in OPEN_QUOTES:
                close = CLOSE_QUOTES[OPEN_QUOTES.index(ch)]
                j = chunk.find(close, i + 1)
                if 0 < j - i <= 30:
                    inner = chunk[i + 1: j]
                    items.append(Item(inner, offset + i, offset + j + 1, "quote", "n"))
                    i = j + 1
                    continue
            note = FOOTNOTE.match(chunk, i)
            if note:  # 地区生产总值[2]174.99亿元: a footnote mark is not a break
                items.append(Item(note.group(), offset + i, offset + note.end(), "space"))
                i = note.end()
                continue
            if ch in "(（":
                j = chunk.find(")" if ch == "(" else "）", i + 1)
                if 0 < j - i <= 10 and all(c.isalpha() or c in "、，," for c in chunk[i + 1: j]):
                    # 老年食堂(助餐点), 信用社区(村)试点: a short gloss stays with its noun
                    items.append(Item(chunk[i: j + 1], offset + i, offset + j + 1, "quote", "n"))
                    i = j + 1
                    continue
            j = i
            while j < len(chunk) and chunk[j] not in OPEN_QUOTES and chunk[j] not in "(（" \
                    and not (chunk[j] in "[［〔" and FOOTNOTE.match(chunk, j)):
                j += 1
            for tok in self.seg.tokens(chunk[i:j], offset + i):
                items.append(self._item(tok))
            i = max(j, i + 1) if j == i else j
        return items

    @staticmethod
    def _item(tok: Token) -> Item:
        t = tok.text
        if not t.strip():
            return Item(t, tok.start, tok.end, "space")
        if all(ch in CLAUSE_BREAK or ch in LIST_BREAK or ch in QUOTES or not ch.isalnum() for ch in t):
            return Item(t, tok.start, tok.end, "punct")
        return Item(t, tok.start, tok.end, "word", tok.tag)

    # -- phrases --------------------------------------------------------
    def _nounish(self, item: Item) -> bool:
        if item.kind == "quote":
            return True
        if item.kind != "word" or item.text in self.stops:
            return False
        if item.text in self.actions or item.text in self.linking:
            return False
        return not item.tag.startswith(NON_NOUN_TAGS)

    def forward(self, items: list[Item], i: int, verb_first: bool = False) -> list[Item]:
        """The noun phrase right after item i (设立179个|党员先锋岗).

        With `verb_first`, a phrase may open with a verb (形成390余张|整改清单,
        有11家|达到…标准): the fallback when no noun phrase stands on either side.
        """
        out: list[Item] = []
        j = i + 1
        while j < len(items):
            it = items[j]
            if it.kind == "space":
                j += 1
                continue
            if it.kind == "word" and it.tag == "c" and out and all(o.tag[:1] in ("a", "i", "l", "b", "z") for o in out):
                conjunct = self.forward(items, j, verb_first=True)  # 软弱涣散和工作滞后|党支部
                k = self._next_break(items, j + 1)
                if conjunct and not any(items[m].kind == "qty" for m in range(j + 1, k)):
                    out.append(it)
                    out += conjunct
                break
            if it.kind == "punct" and it.text in LIST_BREAK and out:
                # 规上、准规上工业企业: coordination of nouns, unless a quantity follows
                k = self._next_break(items, j + 1)
                if any(items[m].kind == "qty" for m in range(j + 1, k)):
                    break
                conjunct = self.forward(items, j, verb_first=True)
                if not conjunct:
                    break
                out.append(it)
                out += conjunct
                break
            verb = it.kind == "word" and it.tag.startswith("v") and it.tag != "vn"
            if it.kind == "word" and (verb or not self._nounish(it)):
                first = not out and verb_first and (it.tag.startswith("v") or it.text in self.linking)
                aspect = verb_first and len(out) == 1 and it.text in ("了", "过", "着")
                if aspect:
                    j += 1  # 担任了|村党组织书记
                    continue
                if not (first or self._modifier_verb(items, j, out)):
                    break
            elif not self._nounish(it):
                break
            out.append(it)
            j += 1
        while out and out[-1].kind == "punct":
            out.pop()
        if out and all(o.text in self.not_metric for o in out):
            return []  # 突破百亿元|大关: a gloss of the figure, not what it counts
        return out

    def _modifier_verb(self, items: list[Item], j: int, out: list[Item]) -> bool:
        """A verb inside a noun phrase (乡村振兴工作队, 创新成果): not an action, a noun follows."""
        it = items[j]
        if not it.tag.startswith("v") or it.text in self.actions or it.text in self.stops or it.text in self.linking:
            return False
        nxt = items[j + 1] if j + 1 < len(items) else None
        return nxt is not None and self._nounish(nxt)

    def backward(self, items: list[Item], i: int) -> tuple[list[Item], str | None]:
        """The noun phrase before item i (打造示范点|14个) and the verb that stops it."""
        out: list[Item] = []
        j = i - 1
        skipping = True  # linking words right before the number: 达, 共计, 增长
        conjunct = False  # a 和/及 was taken: the rest is its left noun
        while j >= 0:
            it = items[j]
            if it.kind == "space":
                j -= 1
                continue
            if skipping and it.kind == "word" and (it.text in self.linking or it.text in self.change
                                                   or it.text in self.respectively or it.text.isdigit()):
                j -= 1
                continue
            if skipping and it.kind == "punct" and it.text in ("(", "（"):
                j -= 1  # 供暖(1.37万件): a figure in brackets glosses the noun before it
                continue
            if skipping and it.kind == "punct" and it.text in "，," and j > 0 and items[j - 1].text in self.frame_words:
                j -= 2  # 重点企业中，有9家…: the frame 'among X' before the figure
                continue
            if skipping and it.kind == "word" and it.tag.startswith("d") and it.text not in self.negations \
                    and it.text not in self.stops:
                j -= 1  # 村集体经济收入|率先|达到5万元: an adverb before the verb
                continue
            if skipping and it.kind == "word" and (it.tag.startswith("t") or it.text in self.not_metric):
                j -= 1  # 由9月份的89.2%升至96.4%, 约占全国的六成: a time or a scope before the figure
                continue
            if skipping and it.kind == "qty" and self._is_from_value(items, j):
                j -= 1  # 从年初的32%提升至60%: the metric stands before 从
                continue
            skipping = False
            if it.kind == "punct" and it.text in LIST_BREAK and out:
                k = self._prev_break(items, j - 1)
                if any(items[m].kind == "qty" for m in range(k, j)):
                    break
                out.append(it)
                j -= 1
                continue
            if it.kind == "word" and it.text in self.actions:
                if len(out) == 1 and out[0].kind == "word" and (len(out[0].text) == 1
                                                                or out[0].text in self.measure_nouns):
                    out.append(it)  # 办结|率, 改造|面积: the head takes its verb along
                    j -= 1
                    continue
                return self._verb_off(out, conjunct)[::-1], it.text
            if it.kind == "word" and it.text in self.negations and out:
                out.append(it)  # 不|文明游览行为
                j -= 1
                continue
            if it.text in self.frame_words and out and j > 0 and self._nounish(items[j - 1]):
                out.append(it)  # 党务干部|中|40岁以下的: the group the figure is taken from
                j -= 1
                continue
            if it.text == "的" and out and out[0].text in self.relational:
                out.append(it)  # 外出务工的|占比: the share needs what it is a share of
                j -= 1
                continue
            if it.text in self.bounds and j >= 2 and items[j - 1].text in ("岁", "周岁") and items[j - 2].text.isdigit():
                out += [it, items[j - 1], items[j - 2]]  # 35岁以下|党员占比
                j -= 3
                continue
            if it.kind == "word" and it.tag == "c" and it.text in self.list_joiners and out and not conjunct \
                    and j > 0 and self._nounish(items[j - 1]) and not self._is_place(items[j - 1]):
                out.append(it)  # 社会保障和就业|4.07亿元, 收入和支出|分别达…: one name, or a list 分别 splits
                conjunct = True
                j -= 1
                continue
            if it.kind == "word" and self._scope_word(it) or it.text in self.not_metric:
                break  # 我县, 全集团: who, not what
            if not self._nounish(it) or it.text in self.not_metric:
                break  # 新区|海洋生产总值: a region word opens the clause, not the metric
            out.append(it)
            j -= 1
        while out and out[-1].kind == "punct":
            out.pop()
        return self._verb_off(out, conjunct)[::-1], self._action_before(items, j)

    @staticmethod
    def _verb_off(out: list[Item], conjunct: bool) -> list[Item]:
        """服务|大学生及商户, 配强|网格长和专职网格员: the verb that takes a pair is not part of it."""
        while conjunct and len(out) > 1 and out[-1].kind == "word" and out[-1].tag.startswith(("v", "x")):
            out.pop()
        return out

    def topic(self, items: list[Item], i: int) -> list[Item]:
        """The object written before its verb (这样的站点|西湖区已建成|128个, 老旧小区|改造|9个)."""
        j = i - 1
        while j >= 0 and (items[j].kind == "space" or items[j].kind == "word" and items[j].text in self.linking):
            j -= 1
        if j < 0 or items[j].kind != "word" or items[j].text not in self.actions:
            return []
        j -= 1
        while j >= 0 and (items[j].kind == "space" or items[j].kind == "word" and (
                items[j].text in self.linking or items[j].text in self.stops and items[j].tag.startswith("d")
                or self._is_place(items[j]))):
            j -= 1
        if j < 0 or not (items[j].kind in ("word", "quote") and self._nounish(items[j])):
            return []
        phrase, _ = self.backward(items, j + 1)
        return phrase

    def compared(self, items: list[Item], i: int) -> list[Item]:
        """X是Y的2.7倍 counts X, not Y: the noun phrase before 是."""
        j = i - 1
        while j >= 0 and items[j].kind == "space":
            j -= 1
        if j < 0 or items[j].text != "的":
            return []
        while j >= 0 and not (items[j].kind == "punct" and items[j].text[0] in CLAUSE_BREAK) and items[j].kind != "qty":
            if items[j].kind == "word" and items[j].text in self.comparison:
                phrase, _ = self.backward(items, j)
                return phrase
            j -= 1
        return []

    def _scope_word(self, item: Item) -> bool:
        """全县, 我县, 全集团: a scope or a speaker, never part of a metric."""
        t = item.text
        return 2 <= len(t) <= 3 and t.startswith(self.scope_initials) and (
            t[1] in "市省区县州旗镇乡村盟" or item.tag == "x")

    def _is_place(self, item: Item) -> bool:
        return bool(self.places) and item.text in self.places

    def _is_from_value(self, items: list[Item], j: int) -> bool:
        """Item j is the starting value of a change (覆盖率由2022年的76.2%|提高到93.5%)."""
        k = j - 1
        while k >= 0 and j - k <= 6 and not (items[k].kind in ("punct", "qty")):
            if items[k].text in self.from_words:
                return True
            k -= 1
        return False

    def _action_before(self, items: list[Item], j: int) -> str | None:
        while j >= 0 and items[j].kind not in ("punct", "qty"):
            if items[j].kind == "word" and items[j].text in self.actions:
                return items[j].text
            j -= 1
        return None

    def _next_break(self, items, j):
        while j < len(items) and not (items[j].kind == "punct" and items[j].text[0] in CLAUSE_BREAK | LIST_BREAK):
            j += 1
        return j

    def _prev_break(self, items, j):
        while j >= 0 and not (items[j].kind == "punct" and items[j].text[0] in CLAUSE_BREAK | LIST_BREAK):
            j -= 1
        return j + 1

    def relative_head(self, items: list[Item], i: int) -> list[Item]:
        """The head noun after 的 in the same clause (选拔50余名在…中表现优秀的|年轻干部)."""
        j = i + 1
        while j < len(items) and not (items[j].kind == "punct" and items[j].text[0] in CLAUSE_BREAK):
            if items[j].kind == "qty":
                return []
            if items[j].kind == "word" and items[j].text == "的" and j - i <= 12:
                return self.forward(items, j)
            j += 1
        return []

    # -- all quantities of a sentence -----------------------------------
    def attach(self, text: str, offset: int, quantities: list[Quantity]) -> list[Attachment]:
        """A phrase and an action for each quantity of one sentence.

        Order of preference: a noun phrase after the number, one before it
        (after it when the number is itself a modifier: 涵盖五大方面的19条|建设指标),
        the phrase of the next quantity of a list (53处、259栋老旧小区), the head
        of a relative clause, a verb phrase after the number, the verb before it
        (惠及800余人次), and last the phrase of the previous quantity
        (同比增长8.8%).
        """
        items = self.stream(text, offset, quantities)
        where = {it.qty: n for n, it in enumerate(items) if it.kind == "qty"}
        n = len(quantities)
        found: list[Attachment | None] = [None] * n
        actions: list[str | None] = [None] * n
        adjacent_action: list[bool] = [False] * n
        cells = self._row_headers(text, offset, quantities)
        for qi in range(n):
            i = where[qi]
            if cells[qi]:
                found[qi] = Attachment(cells[qi], None)  # 社区党组织 | 96个 | +12.4%
                continue
            fwd = self.forward(items, i) or self._of_what(items, i)
            bwd, action = self.backward(items, i)
            event = quantities[qi].unit_text in self.event_units
            if not fwd:
                bwd = self.compared(items, i) or bwd
            if bwd and (all(self._is_place(it) or it.kind == "punct" for it in bwd)
                        or self.township.match(_join(bwd) or "")):
                bwd = []  # 其中咸丰县|56名, 望京街道|5213件: a place is where, not what
            if bwd and _join(bwd) in self.generic_measures:
                bwd = self._subject_of(items, bwd[0]) + bwd  # 第一产业实现|增加值|153.6亿元
            if bwd and action and event and self._action_adjacent(items, bwd[0], action):
                bwd = [Item(action, 0, 0, "word", "v")] + bwd  # 走访|辖区居民|1.2万余户次
            if not fwd and not bwd and action and event:
                bwd = self.topic(items, i) + [Item(action, 0, 0, "word", "v")]  # 入户走访|12.6万户次
            elif not fwd and not bwd and action in self.selection:
                bwd = self.previous_object(items, i)  # …命名示范单位60家，我市市直机关入选9家
            elif not fwd and not bwd:
                bwd = self.topic(items, i)
            actions[qi] = action
            adjacent_action[qi] = bool(action) and not bwd
            if bwd and not fwd and self._after_de(items, i):
                fwd = self.forward(items, i, verb_first=True)  # 涵盖五大方面的19条|建设指标
            elif bwd and not fwd and self._after_you(items, i):
                bwd = bwd + self.forward(items, i, verb_first=True)  # 医疗机构有11家|达到…标准
            if fwd and bwd and i + 1 < len(items) and items[i + 1].kind == "space":
                fwd = []  # 党员277.84万名 基层党组织…: a headline's next part is no phrase when one stands before the figure
            phrase = fwd or bwd
            if phrase:
                found[qi] = Attachment(_join(phrase), action)
        self._respectively(items, where, found)
        for qi in range(n - 2, -1, -1):  # the next quantity of a list: 53处、259栋老旧小区
            if found[qi] is None and found[qi + 1] is not None and self._listed(items, where[qi], where[qi + 1]):
                found[qi] = Attachment(found[qi + 1].phrase, actions[qi] or found[qi + 1].action)
        for qi in range(n):
            if found[qi] is not None:
                continue
            i = where[qi]
            phrase = _join(self.relative_head(items, i)) or _join(self.forward(items, i, verb_first=True))
            if not phrase and adjacent_action[qi]:
                # 开展“过硬党支部”评选,命名154个: the object of the clause before, else the verb
                event = quantities[qi].unit_text in self.event_units
                phrase = (None if event else _join(self.previous_object(items, i))) or actions[qi]
            if not phrase:
                phrase = next((found[pj].phrase for pj in range(qi - 1, -1, -1)
                               if found[pj] is not None and found[pj].phrase), None)
            found[qi] = Attachment(phrase, actions[qi])
        return found  # type: ignore[return-value]

    def _respectively(self, items: list[Item], where: dict[int, int], found: list) -> None:
        """解决率、满意率分别达到93.1%和91.4%: the listed phrases go to the figures in order."""
        groups, current = [], []
        for qi in range(len(found)):
            if current and all(it.kind == "space" or it.text in self.list_joiners
                               for it in items[where[current[-1]] + 1: where[qi]]):
                current.append(qi)
            else:
                current = [qi]
                groups.append(current)
        names: list[str] | None = None
        for group in groups:
            first = where[group[0]]
            j = first - 1
            while j >= 0 and (items[j].kind == "space" or items[j].text in self.linking
                              or items[j].text in self.change):
                if items[j].text in self.respectively:
                    break
                j -= 1
            if len(group) < 2:
                continue
            phrase = found[group[0]].phrase if found[group[0]] else None
            parts = [p for p in re.split("|".join(map(re.escape, self.list_joiners)), phrase or "") if p]
            if j < 0 or items[j].text not in self.respectively:
                if len(parts) < 2 or len(parts) != len(group) or any(found[qi] and found[qi].phrase != phrase
                                                                     for qi in group[1:]):
                    continue  # 集体收入和人均收入增长1.8倍、3.4倍: as if 分别, where the counts agree
                names = None
            if len(parts) == len(group):
                names = self._shared_modifier(parts)
            if names and len(names) == len(group):
                for qi, name in zip(group, names):
                    found[qi] = Attachment(name, found[qi].action if found[qi] else None)

    def _shared_modifier(self, parts: list[str]) -> list[str]:
        """一般公共预算收入和支出: the first item's modifier (一般公共预算) is the others' too,
        where each of them is one word as long as the first item's head."""
        first = [t.text for t in self.seg.tokens(parts[0])]
        if len(first) < 2 or not all(len(self.seg.tokens(p)) == 1 and len(p) == len(first[-1]) for p in parts[1:]):
            return parts  # 收入|支出 are parallel heads; 集体收入 and 人均收入 share nothing
        modifier = "".join(first[:-1])
        return [parts[0], *(modifier + p for p in parts[1:])]

    def _subject_of(self, items: list[Item], first: Item) -> list[Item]:
        """The noun phrase before the verb that precedes `first` (畜牧业|实现|增加值): whose measure it is."""
        k = items.index(first) - 1
        while k >= 0 and items[k].kind == "space":
            k -= 1
        if k <= 0 or not (items[k].kind == "word" and items[k].tag.startswith("v")):
            return []
        phrase, _ = self.backward(items, k)
        if not phrase or any(self._is_place(it) or self._scope_word(it) for it in phrase):
            return []
        return phrase

    @staticmethod
    def _action_adjacent(items: list[Item], first: Item, action: str) -> bool:
        k = items.index(first) - 1
        while k >= 0 and items[k].kind == "space":
            k -= 1
        return k >= 0 and items[k].text == action

    def previous_object(self, items: list[Item], i: int) -> list[Item]:
        """The last noun phrase of the clause before item i's clause."""
        j = i - 1
        while j >= 0 and not (items[j].kind == "punct" and items[j].text[0] in CLAUSE_BREAK):
            j -= 1
        j -= 1
        while j >= 0 and items[j].kind in ("word", "space") and not self._nounish(items[j]):
            j -= 1
        if j >= 0 and items[j].kind == "qty":  # 收集问题诉求3120条，已办结2987条
            phrase = self.forward(items, j) or self.backward(items, j)[0]
            return phrase
        if j < 0 or not (items[j].kind == "quote" or items[j].kind == "word" and self._nounish(items[j])):
            return []
        phrase, _ = self.backward(items, j + 1)
        return phrase

    def _of_what(self, items: list[Item], i: int) -> list[Item]:
        """约5%的|党支部: a share followed by 的 and a noun is a share of that noun."""
        j = i + 1
        while j < len(items) and items[j].kind == "space":
            j += 1
        if j >= len(items) or items[j].text != "的":
            return []
        phrase = self.forward(items, j)
        k = j + 1 + len(phrase)
        return [] if k < len(items) and items[k].kind == "qty" else phrase

    @staticmethod
    def _row_headers(text: str, offset: int, quantities: list[Quantity]) -> list[str | None]:
        """In a table row written as text (社区党组织 | 96个 | +12.4%), a cell holding only a
        figure counts what the row's first cell names."""
        out: list[str | None] = [None] * len(quantities)
        if "|" not in text and "｜" not in text:
            return out
        bounds = [-1] + [k for k, ch in enumerate(text) if ch in "|｜"] + [len(text)]
        cells = [(bounds[k] + 1, bounds[k + 1]) for k in range(len(bounds) - 1)]
        head = "".join(ch for ch in text[cells[0][0]:cells[0][1]].strip() if ch not in QUOTES)
        head = UNIT_GLOSS.sub("", head).lstrip("#＃").strip()  # 猪（万头）, #水稻: the label without its unit
        for qi, q in enumerate(quantities):
            s, e = q.outer_start - offset, q.outer_end - offset
            for k, (a, b) in enumerate(cells):
                if a <= s and e <= b and k > 0:
                    rest = (text[a:s] + text[e:b]).strip(" \t\u3000+-－")
                    if not rest and head:
                        out[qi] = head
        return out

    @staticmethod
    def _word_before(items: list[Item], i: int) -> str:
        j = i - 1
        while j >= 0 and items[j].kind == "space":
            j -= 1
        return items[j].text if j >= 0 else ""

    def _after_de(self, items: list[Item], i: int) -> bool:
        """The number is itself inside a modifier: X的19条Y counts Y."""
        return self._word_before(items, i) == "的"

    def _after_you(self, items: list[Item], i: int) -> bool:
        """A subset: X有11家… counts those of X that did what follows."""
        return self._word_before(items, i) in self.subset_words

    @staticmethod
    def _listed(items: list[Item], i: int, k: int) -> bool:
        """Only 、 or spaces between two quantities (53处、259栋; 6批 1187名)."""
        return all(it.kind == "space" or it.text == "、" for it in items[i + 1: k])


def _join(items: list[Item]) -> str | None:
    text = "".join(it.text for it in items).strip()
    text = "".join(ch for ch in text if ch not in QUOTES)
    if len(text) > MAX_PHRASE:
        text = text[-MAX_PHRASE:]
    return text or None
